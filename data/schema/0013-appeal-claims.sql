-- Palpate schema 13: an appeal names a claim of its own client.
--
-- Letters (schema 11) came before claims (schema 12), so the claim an
-- appeal is for is checked here: it must exist, be the letter's client's,
-- and have been denied or partly paid (or be under appeal already).

CREATE TRIGGER issued_letters_appeal_claim BEFORE INSERT ON issued_letters
WHEN NEW.claim_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = NEW.claim_id
                     AND c.client_id = NEW.client_id
                     AND c.status IN ('partially-paid', 'denied', 'appealed'))
BEGIN
  SELECT RAISE (ABORT, 'an appeal is for a denied or partly paid claim of its own client');
END;

CREATE INDEX issued_letters_claim ON issued_letters (claim_id) WHERE claim_id IS NOT NULL;
