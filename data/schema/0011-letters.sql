-- Palpate schema 11: letters kept as issued.
--
-- A letter of medical necessity (for an HSA/FSA administrator or an
-- insurer, for the prescriber to sign) and the appeal of a denied claim
-- are drafted from the record, edited, then issued: the row keeps the day
-- the letter is dated, who issued it and when, the prescriber it names,
-- the text of each of its fields as printed (a JSON object) and the PDF
-- with its SHA-256. Like a receipt, an issued letter is never changed or
-- deleted: a new letter is issued instead.

CREATE TABLE issued_letters (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  kind        TEXT NOT NULL CHECK (kind IN ('lomn', 'appeal')),
  -- The claim an appeal is for; a letter of medical necessity has none.
  claim_id    INTEGER CHECK (claim_id IS NULL OR claim_id > 0),
  issued_on   TEXT NOT NULL CHECK (date (issued_on) IS issued_on),
  issued_at   TEXT NOT NULL CHECK (datetime (issued_at) IS NOT NULL),
  issued_by   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  prescriber  TEXT NOT NULL CHECK (length (trim (prescriber)) BETWEEN 1 AND 200),
  fields      TEXT NOT NULL CHECK (json_valid (fields) AND json_type (fields) = 'object'
                                   AND length (fields) <= 100000),
  pdf         BLOB NOT NULL CHECK (length (pdf) > 0),
  sha256      TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  CHECK ((kind = 'appeal') = (claim_id IS NOT NULL))
);

CREATE INDEX issued_letters_client ON issued_letters (client_id, issued_at);

-- Issued means frozen.
CREATE TRIGGER issued_letters_frozen_update BEFORE UPDATE ON issued_letters
BEGIN SELECT RAISE (ABORT, 'an issued letter cannot be changed; issue a new one instead'); END;
CREATE TRIGGER issued_letters_frozen_delete BEFORE DELETE ON issued_letters
BEGIN SELECT RAISE (ABORT, 'an issued letter cannot be deleted; issue a new one instead'); END;

CREATE TRIGGER issued_letters_audit_insert AFTER INSERT ON issued_letters
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'issued_letters', NEW.id, NEW.client_id,
          json_object ('kind', NEW.kind, 'claim_id', NEW.claim_id, 'issued_on', NEW.issued_on,
                       'prescriber', NEW.prescriber, 'sha256', NEW.sha256));
END;
