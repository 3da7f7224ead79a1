-- Palpate schema 12: insurance claims, their lines and diagnoses, their
-- status history and the follow-up log.
--
-- A claim bills one client's attended therapeutic visits, with signed
-- notes, to one policy's payer. Each line is one code on one date of
-- service, tied to the visit's billing line it comes from: esthetic and
-- other lines never reach a claim, whoever writes. While a claim is a
-- draft or ready the clinic may change it; once submitted, its lines,
-- diagnoses and core fields never change again (a replacement claim,
-- resubmission code 7, or a voiding claim, code 8, corrects it): only its
-- status, along the moves of palp-claim-status.c, the payer's answer
-- (paid and adjusted amounts, reference, denial), the appeal and the
-- follow-ups move. At submission the claim keeps a snapshot of what was
-- sent (claim_snapshots) so `check` can prove it unchanged.

CREATE TABLE claim_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  -- Box 33a: the clinic's (group or individual) NPI.
  billing_npi       TEXT CHECK (billing_npi IS NULL
                                OR (length (billing_npi) = 10 AND billing_npi NOT GLOB '*[^0-9]*')),
  -- The clinic's own price per unit where a payer lists none; NULL: the
  -- service's fee per 15 minutes.
  unit_fee_cents    INTEGER CHECK (unit_fee_cents IS NULL
                                   OR unit_fee_cents BETWEEN 0 AND 100000000),
  place_of_service  TEXT NOT NULL DEFAULT '11' CHECK (place_of_service GLOB '[0-9][0-9]'),
  -- Days a payer usually allows for an appeal, and between follow-ups.
  appeal_days       INTEGER NOT NULL DEFAULT 180 CHECK (appeal_days BETWEEN 1 AND 3650),
  follow_up_days    INTEGER NOT NULL DEFAULT 30 CHECK (follow_up_days BETWEEN 1 AND 365)
);

INSERT INTO claim_settings (id) VALUES (1);

CREATE TABLE claims (
  id                    INTEGER PRIMARY KEY,
  number                TEXT NOT NULL UNIQUE CHECK (length (number) BETWEEN 1 AND 20),
  client_id             INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  policy_id             INTEGER NOT NULL REFERENCES policies (id) ON DELETE RESTRICT,
  payer_id              INTEGER NOT NULL REFERENCES payers (id) ON DELETE RESTRICT,
  -- The practitioner who gave the treatment (boxes 24J, 31).
  rendering_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  status                TEXT NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'ready', 'submitted', 'paid', 'partially-paid',
                                          'denied', 'appealed', 'closed', 'void')),
  place_of_service      TEXT NOT NULL DEFAULT '11' CHECK (place_of_service GLOB '[0-9][0-9]'),
  referring_name        TEXT CHECK (referring_name IS NULL
                                    OR length (trim (referring_name)) BETWEEN 1 AND 120),
  referring_npi         TEXT CHECK (referring_npi IS NULL
                                    OR (length (referring_npi) = 10
                                        AND referring_npi NOT GLOB '*[^0-9]*')),
  authorisation_id      INTEGER REFERENCES authorisations (id) ON DELETE RESTRICT,
  authorisation_number  TEXT CHECK (authorisation_number IS NULL
                                    OR length (trim (authorisation_number)) BETWEEN 1 AND 50),
  -- Box 22: 7 replaces, 8 voids the original claim, by its payer reference.
  resubmission_code     TEXT CHECK (resubmission_code IS NULL OR resubmission_code IN ('7', '8')),
  original_claim_id     INTEGER REFERENCES claims (id) ON DELETE RESTRICT,
  original_reference    TEXT CHECK (original_reference IS NULL
                                    OR length (trim (original_reference)) BETWEEN 1 AND 60),
  first_service_on      TEXT CHECK (first_service_on IS NULL
                                    OR date (first_service_on) IS first_service_on),
  last_service_on       TEXT CHECK (last_service_on IS NULL
                                    OR date (last_service_on) IS last_service_on),
  -- The lines' sums, kept by the triggers on claim_lines.
  charge_cents          INTEGER NOT NULL DEFAULT 0 CHECK (charge_cents BETWEEN 0 AND 10000000000),
  paid_cents            INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents BETWEEN 0 AND 10000000000),
  adjusted_cents        INTEGER NOT NULL DEFAULT 0
                        CHECK (adjusted_cents BETWEEN 0 AND 10000000000),
  submitted_on          TEXT CHECK (submitted_on IS NULL OR date (submitted_on) IS submitted_on),
  submitted_method      TEXT CHECK (submitted_method IS NULL
                                    OR submitted_method IN ('paper', 'electronic', 'fax', 'portal')),
  -- What was sent, as claim_snapshots gives it at submission.
  submitted_snapshot    TEXT CHECK (submitted_snapshot IS NULL OR json_valid (submitted_snapshot)),
  payer_reference       TEXT CHECK (payer_reference IS NULL
                                    OR length (trim (payer_reference)) BETWEEN 1 AND 60),
  responded_on          TEXT CHECK (responded_on IS NULL OR date (responded_on) IS responded_on),
  denial_reason         TEXT CHECK (denial_reason IS NULL
                                    OR length (trim (denial_reason)) BETWEEN 1 AND 1000),
  appeal_deadline       TEXT CHECK (appeal_deadline IS NULL
                                    OR date (appeal_deadline) IS appeal_deadline),
  appealed_on           TEXT CHECK (appealed_on IS NULL OR date (appealed_on) IS appealed_on),
  note                  TEXT CHECK (note IS NULL OR length (note) <= 2000),
  created_by            INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at            TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  updated_at            TEXT NOT NULL CHECK (datetime (updated_at) IS NOT NULL),
  CHECK ((resubmission_code IS NULL) = (original_claim_id IS NULL)),
  CHECK (resubmission_code IS NULL OR original_reference IS NOT NULL),
  CHECK (status NOT IN ('draft', 'ready') OR submitted_on IS NULL),
  CHECK (status IN ('draft', 'ready', 'void') OR submitted_on IS NOT NULL),
  CHECK (submitted_on IS NULL
         OR (submitted_method IS NOT NULL AND submitted_snapshot IS NOT NULL)),
  CHECK (status != 'denied' OR denial_reason IS NOT NULL),
  CHECK (status != 'appealed' OR appealed_on IS NOT NULL),
  CHECK (last_service_on IS NULL OR first_service_on <= last_service_on)
);

CREATE INDEX claims_client ON claims (client_id, created_at);
CREATE INDEX claims_original ON claims (original_claim_id) WHERE original_claim_id IS NOT NULL;
-- The aging view reads this index alone: the open claims by status, with
-- their submission date and sums.
CREATE INDEX claims_aging ON claims (status, submitted_on, charge_cents, paid_cents,
                                     adjusted_cents);
CREATE INDEX claims_appeal ON claims (appeal_deadline) WHERE appeal_deadline IS NOT NULL;

CREATE TABLE claim_lines (
  id               INTEGER PRIMARY KEY,
  claim_id         INTEGER NOT NULL REFERENCES claims (id) ON DELETE RESTRICT,
  position         INTEGER NOT NULL CHECK (position BETWEEN 0 AND 999),
  visit_id         INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  -- The visit's billing line the code comes from.
  visit_line_id    INTEGER NOT NULL REFERENCES visit_lines (id) ON DELETE RESTRICT,
  service_on       TEXT NOT NULL CHECK (date (service_on) IS service_on),
  code             TEXT NOT NULL CHECK (length (code) = 5 AND code NOT GLOB '*[^0-9]*'),
  -- Up to four two-character modifiers, separated by single spaces.
  modifiers        TEXT CHECK (modifiers IS NULL
                               OR (length (modifiers) BETWEEN 2 AND 11
                                   AND modifiers GLOB '[0-9A-Z][0-9A-Z]*'
                                   AND modifiers NOT GLOB '*[^0-9A-Z ]*'
                                   AND modifiers NOT GLOB '*  *' AND modifiers NOT GLOB '* ')),
  units            INTEGER NOT NULL CHECK (units BETWEEN 1 AND 100),
  -- The documented minutes the units stand on (0 for an untimed code).
  minutes          INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  -- Box 24E: up to four letters A–L, each a diagnosis of the claim.
  pointers         TEXT CHECK (pointers IS NULL
                               OR (length (pointers) BETWEEN 1 AND 4
                                   AND pointers NOT GLOB '*[^A-L]*')),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents BETWEEN 0 AND 100000000),
  charge_cents     INTEGER NOT NULL CHECK (charge_cents BETWEEN 0 AND 10000000000),
  paid_cents       INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
  adjusted_cents   INTEGER NOT NULL DEFAULT 0 CHECK (adjusted_cents >= 0),
  UNIQUE (claim_id, position),
  CHECK (charge_cents = unit_price_cents * units),
  CHECK (paid_cents + adjusted_cents <= charge_cents)
);

CREATE INDEX claim_lines_visit ON claim_lines (visit_id);
CREATE INDEX claim_lines_visit_line ON claim_lines (visit_line_id);

CREATE TABLE claim_diagnoses (
  claim_id      INTEGER NOT NULL REFERENCES claims (id) ON DELETE RESTRICT,
  -- 0 is A, 11 is L.
  position      INTEGER NOT NULL CHECK (position BETWEEN 0 AND 11),
  diagnosis_id  INTEGER NOT NULL REFERENCES diagnoses (id) ON DELETE RESTRICT,
  -- The code as billed, kept should the diagnosis be corrected later.
  code          TEXT NOT NULL CHECK (length (code) BETWEEN 3 AND 8),
  PRIMARY KEY (claim_id, position)
) WITHOUT ROWID;

CREATE INDEX claim_diagnoses_diagnosis ON claim_diagnoses (diagnosis_id);

CREATE TABLE claim_status_history (
  id           INTEGER PRIMARY KEY,
  claim_id     INTEGER NOT NULL REFERENCES claims (id) ON DELETE RESTRICT,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  changed_at   TEXT NOT NULL CHECK (datetime (changed_at) IS NOT NULL),
  changed_by   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX claim_status_history_claim ON claim_status_history (claim_id, id);

-- Every contact with the payer about a claim.
CREATE TABLE claim_follow_ups (
  id              INTEGER PRIMARY KEY,
  claim_id        INTEGER NOT NULL REFERENCES claims (id) ON DELETE RESTRICT,
  contacted_at    TEXT NOT NULL CHECK (datetime (contacted_at) IS NOT NULL),
  representative  TEXT CHECK (representative IS NULL
                              OR length (trim (representative)) BETWEEN 1 AND 120),
  reference       TEXT CHECK (reference IS NULL OR length (trim (reference)) BETWEEN 1 AND 60),
  said            TEXT NOT NULL CHECK (length (trim (said)) BETWEEN 1 AND 4000),
  next_on         TEXT CHECK (next_on IS NULL OR date (next_on) IS next_on),
  recorded_by     INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  recorded_at     TEXT NOT NULL CHECK (datetime (recorded_at) IS NOT NULL)
);

CREATE INDEX claim_follow_ups_claim ON claim_follow_ups (claim_id, contacted_at);

-- What a claim says to the payer: every field but its status, the
-- payer's answer and the follow-ups. Frozen at submission.
CREATE VIEW claim_snapshots AS
SELECT c.id AS claim_id,
       json_object ('number', c.number, 'client_id', c.client_id, 'policy_id', c.policy_id,
                    'payer_id', c.payer_id, 'rendering_id', c.rendering_id,
                    'place_of_service', c.place_of_service, 'referring_name', c.referring_name,
                    'referring_npi', c.referring_npi, 'authorisation_id', c.authorisation_id,
                    'authorisation_number', c.authorisation_number,
                    'resubmission_code', c.resubmission_code,
                    'original_claim_id', c.original_claim_id,
                    'original_reference', c.original_reference,
                    'first_service_on', c.first_service_on, 'last_service_on', c.last_service_on,
                    'charge_cents', c.charge_cents,
                    'lines', (SELECT json_group_array (json_array (l.position, l.visit_id,
                                                                   l.visit_line_id, l.service_on,
                                                                   l.code, l.modifiers, l.units,
                                                                   l.minutes, l.pointers,
                                                                   l.unit_price_cents,
                                                                   l.charge_cents))
                              FROM (SELECT * FROM claim_lines WHERE claim_id = c.id
                                    ORDER BY position) l),
                    'diagnoses', (SELECT json_group_array (json_array (d.position,
                                                                       d.diagnosis_id, d.code))
                                  FROM (SELECT * FROM claim_diagnoses WHERE claim_id = c.id
                                        ORDER BY position) d)) AS snapshot
FROM claims c;

-- Moves ------------------------------------------------------------------

-- Keep in step with palp-claim-status.c.
CREATE TRIGGER claims_status_move BEFORE UPDATE OF status ON claims
WHEN NEW.status IS NOT OLD.status
     AND OLD.status || '>' || NEW.status NOT IN (
       'draft>ready', 'draft>void',
       'ready>draft', 'ready>submitted', 'ready>void',
       'submitted>paid', 'submitted>partially-paid', 'submitted>denied', 'submitted>closed',
       'submitted>void',
       'paid>closed', 'paid>void',
       'partially-paid>paid', 'partially-paid>denied', 'partially-paid>appealed',
       'partially-paid>closed', 'partially-paid>void',
       'denied>paid', 'denied>partially-paid', 'denied>appealed', 'denied>closed', 'denied>void',
       'appealed>paid', 'appealed>partially-paid', 'appealed>denied', 'appealed>closed')
BEGIN SELECT RAISE (ABORT, 'a claim cannot move between these statuses'); END;

CREATE TRIGGER claims_new_draft BEFORE INSERT ON claims
WHEN NEW.status IS NOT 'draft'
BEGIN SELECT RAISE (ABORT, 'a claim starts as a draft'); END;

CREATE TRIGGER claims_policy BEFORE INSERT ON claims
BEGIN
  SELECT RAISE (ABORT, 'a claim is billed to its own client''s policy and its payer')
  WHERE NOT EXISTS (SELECT 1 FROM policies WHERE id = NEW.policy_id
                    AND client_id = NEW.client_id AND payer_id = NEW.payer_id);
  SELECT RAISE (ABORT, 'a replacement or void names a claim of the same client')
  WHERE NEW.original_claim_id IS NOT NULL
        AND (SELECT client_id FROM claims WHERE id = NEW.original_claim_id) IS NOT NEW.client_id;
END;

-- Sent is sent: only the status, the answer, the appeal and the note move.
CREATE TRIGGER claims_submitted_frozen BEFORE UPDATE ON claims
WHEN OLD.status NOT IN ('draft', 'ready')
     AND (NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number
          OR NEW.client_id IS NOT OLD.client_id OR NEW.policy_id IS NOT OLD.policy_id
          OR NEW.payer_id IS NOT OLD.payer_id OR NEW.rendering_id IS NOT OLD.rendering_id
          OR NEW.place_of_service IS NOT OLD.place_of_service
          OR NEW.referring_name IS NOT OLD.referring_name
          OR NEW.referring_npi IS NOT OLD.referring_npi
          OR NEW.authorisation_id IS NOT OLD.authorisation_id
          OR NEW.authorisation_number IS NOT OLD.authorisation_number
          OR NEW.resubmission_code IS NOT OLD.resubmission_code
          OR NEW.original_claim_id IS NOT OLD.original_claim_id
          OR NEW.original_reference IS NOT OLD.original_reference
          OR NEW.first_service_on IS NOT OLD.first_service_on
          OR NEW.last_service_on IS NOT OLD.last_service_on
          OR NEW.charge_cents IS NOT OLD.charge_cents
          OR NEW.submitted_on IS NOT OLD.submitted_on
          OR NEW.submitted_method IS NOT OLD.submitted_method
          OR NEW.submitted_snapshot IS NOT OLD.submitted_snapshot
          OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at)
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it');
END;

CREATE TRIGGER claims_snapshot_on_submit BEFORE UPDATE OF status ON claims
WHEN NEW.status = 'submitted' AND OLD.status = 'ready'
     AND NEW.submitted_snapshot IS NOT (SELECT snapshot FROM claim_snapshots
                                        WHERE claim_id = NEW.id)
BEGIN SELECT RAISE (ABORT, 'a claim is submitted with the snapshot of what it says'); END;

CREATE TRIGGER claims_kept BEFORE DELETE ON claims
BEGIN SELECT RAISE (ABORT, 'a claim is voided, not deleted'); END;

-- Only attended therapeutic work with a signed note is billed.
CREATE TRIGGER claim_lines_billable BEFORE INSERT ON claim_lines
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it')
  WHERE (SELECT status FROM claims WHERE id = NEW.claim_id) NOT IN ('draft', 'ready');
  SELECT RAISE (ABORT, 'only therapeutic work is billed to a payer')
  WHERE (SELECT category FROM visit_lines WHERE id = NEW.visit_line_id) IS NOT 'therapeutic';
  SELECT RAISE (ABORT, 'a claim line comes from a billing line of its visit')
  WHERE (SELECT visit_id FROM visit_lines WHERE id = NEW.visit_line_id) IS NOT NEW.visit_id;
  SELECT RAISE (ABORT, 'a claim line bills its service''s code')
  WHERE (SELECT s.cpt_code FROM visit_lines l JOIN services s ON s.id = l.service_id
         WHERE l.id = NEW.visit_line_id) IS NOT NEW.code;
  SELECT RAISE (ABORT, 'only an attended visit is billed')
  WHERE (SELECT status FROM visits WHERE id = NEW.visit_id) IS NOT 'attended';
  SELECT RAISE (ABORT, 'only a visit with a signed note is billed')
  WHERE NOT EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id);
  SELECT RAISE (ABORT, 'a claim bills its own client''s visits')
  WHERE (SELECT client_id FROM visits WHERE id = NEW.visit_id)
        IS NOT (SELECT client_id FROM claims WHERE id = NEW.claim_id);
  SELECT RAISE (ABORT, 'a line''s date of service is its visit''s date')
  WHERE (SELECT date (starts_at) FROM visits WHERE id = NEW.visit_id) IS NOT NEW.service_on;
END;

CREATE TRIGGER claim_lines_billable_update BEFORE UPDATE OF claim_id, visit_id, visit_line_id,
                                                          code, service_on ON claim_lines
BEGIN
  SELECT RAISE (ABORT, 'a claim line stays on its claim')
  WHERE NEW.claim_id IS NOT OLD.claim_id;
  SELECT RAISE (ABORT, 'only therapeutic work is billed to a payer')
  WHERE (SELECT category FROM visit_lines WHERE id = NEW.visit_line_id) IS NOT 'therapeutic';
  SELECT RAISE (ABORT, 'a claim line comes from a billing line of its visit')
  WHERE (SELECT visit_id FROM visit_lines WHERE id = NEW.visit_line_id) IS NOT NEW.visit_id;
  SELECT RAISE (ABORT, 'a claim line bills its service''s code')
  WHERE (SELECT s.cpt_code FROM visit_lines l JOIN services s ON s.id = l.service_id
         WHERE l.id = NEW.visit_line_id) IS NOT NEW.code;
  SELECT RAISE (ABORT, 'only an attended visit is billed')
  WHERE (SELECT status FROM visits WHERE id = NEW.visit_id) IS NOT 'attended';
  SELECT RAISE (ABORT, 'only a visit with a signed note is billed')
  WHERE NOT EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id);
  SELECT RAISE (ABORT, 'a claim bills its own client''s visits')
  WHERE (SELECT client_id FROM visits WHERE id = NEW.visit_id)
        IS NOT (SELECT client_id FROM claims WHERE id = NEW.claim_id);
  SELECT RAISE (ABORT, 'a line''s date of service is its visit''s date')
  WHERE (SELECT date (starts_at) FROM visits WHERE id = NEW.visit_id) IS NOT NEW.service_on;
END;

-- Once sent, a line's payer answer alone moves.
CREATE TRIGGER claim_lines_submitted_frozen BEFORE UPDATE ON claim_lines
WHEN (SELECT status FROM claims WHERE id = OLD.claim_id) NOT IN ('draft', 'ready')
     AND (NEW.id IS NOT OLD.id OR NEW.claim_id IS NOT OLD.claim_id
          OR NEW.position IS NOT OLD.position OR NEW.visit_id IS NOT OLD.visit_id
          OR NEW.visit_line_id IS NOT OLD.visit_line_id OR NEW.service_on IS NOT OLD.service_on
          OR NEW.code IS NOT OLD.code OR NEW.modifiers IS NOT OLD.modifiers
          OR NEW.units IS NOT OLD.units OR NEW.minutes IS NOT OLD.minutes
          OR NEW.pointers IS NOT OLD.pointers OR NEW.unit_price_cents IS NOT OLD.unit_price_cents
          OR NEW.charge_cents IS NOT OLD.charge_cents)
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it');
END;

CREATE TRIGGER claim_lines_submitted_delete BEFORE DELETE ON claim_lines
WHEN (SELECT status FROM claims WHERE id = OLD.claim_id) NOT IN ('draft', 'ready')
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it');
END;

CREATE TRIGGER claim_diagnoses_insert BEFORE INSERT ON claim_diagnoses
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it')
  WHERE (SELECT status FROM claims WHERE id = NEW.claim_id) NOT IN ('draft', 'ready');
  SELECT RAISE (ABORT, 'a claim names its own client''s diagnoses')
  WHERE (SELECT client_id FROM diagnoses WHERE id = NEW.diagnosis_id)
        IS NOT (SELECT client_id FROM claims WHERE id = NEW.claim_id);
END;

CREATE TRIGGER claim_diagnoses_update BEFORE UPDATE ON claim_diagnoses
WHEN (SELECT status FROM claims WHERE id = OLD.claim_id) NOT IN ('draft', 'ready')
     OR (SELECT status FROM claims WHERE id = NEW.claim_id) NOT IN ('draft', 'ready')
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it');
END;

CREATE TRIGGER claim_diagnoses_delete BEFORE DELETE ON claim_diagnoses
WHEN (SELECT status FROM claims WHERE id = OLD.claim_id) NOT IN ('draft', 'ready')
BEGIN
  SELECT RAISE (ABORT, 'a submitted claim is never changed: send a replacement or void it');
END;

CREATE TRIGGER claim_status_history_frozen_update BEFORE UPDATE ON claim_status_history
BEGIN SELECT RAISE (ABORT, 'a claim''s history is never changed'); END;
CREATE TRIGGER claim_status_history_frozen_delete BEFORE DELETE ON claim_status_history
BEGIN SELECT RAISE (ABORT, 'a claim''s history is never changed'); END;
CREATE TRIGGER claim_follow_ups_frozen_update BEFORE UPDATE ON claim_follow_ups
BEGIN SELECT RAISE (ABORT, 'a follow-up is never changed; add another'); END;
CREATE TRIGGER claim_follow_ups_frozen_delete BEFORE DELETE ON claim_follow_ups
BEGIN SELECT RAISE (ABORT, 'a follow-up is never changed; add another'); END;

-- Sums and history -------------------------------------------------------

CREATE TRIGGER claim_lines_sum_insert AFTER INSERT ON claim_lines
BEGIN
  UPDATE claims SET charge_cents = charge_cents + NEW.charge_cents,
                    paid_cents = paid_cents + NEW.paid_cents,
                    adjusted_cents = adjusted_cents + NEW.adjusted_cents
  WHERE id = NEW.claim_id;
END;

CREATE TRIGGER claim_lines_sum_update AFTER UPDATE OF charge_cents, paid_cents, adjusted_cents
ON claim_lines
WHEN NEW.charge_cents IS NOT OLD.charge_cents OR NEW.paid_cents IS NOT OLD.paid_cents
     OR NEW.adjusted_cents IS NOT OLD.adjusted_cents
BEGIN
  UPDATE claims SET charge_cents = charge_cents + NEW.charge_cents - OLD.charge_cents,
                    paid_cents = paid_cents + NEW.paid_cents - OLD.paid_cents,
                    adjusted_cents = adjusted_cents + NEW.adjusted_cents - OLD.adjusted_cents
  WHERE id = NEW.claim_id;
END;

CREATE TRIGGER claim_lines_sum_delete AFTER DELETE ON claim_lines
BEGIN
  UPDATE claims SET charge_cents = charge_cents - OLD.charge_cents,
                    paid_cents = paid_cents - OLD.paid_cents,
                    adjusted_cents = adjusted_cents - OLD.adjusted_cents
  WHERE id = OLD.claim_id;
END;

CREATE TRIGGER claims_history_insert AFTER INSERT ON claims
BEGIN
  INSERT INTO claim_status_history (claim_id, from_status, to_status, changed_at, changed_by)
  VALUES (NEW.id, NULL, NEW.status, NEW.updated_at, palp_actor ());
END;

CREATE TRIGGER claims_history_update AFTER UPDATE OF status ON claims
WHEN NEW.status IS NOT OLD.status
BEGIN
  INSERT INTO claim_status_history (claim_id, from_status, to_status, changed_at, changed_by)
  VALUES (NEW.id, OLD.status, NEW.status, NEW.updated_at, palp_actor ());
END;

-- Audit: claims are financial records.
CREATE TRIGGER claim_settings_audit_update AFTER UPDATE ON claim_settings
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'claim_settings', NEW.id,
          json_object ('billing_npi', OLD.billing_npi, 'unit_fee_cents', OLD.unit_fee_cents,
                       'place_of_service', OLD.place_of_service, 'appeal_days', OLD.appeal_days,
                       'follow_up_days', OLD.follow_up_days),
          json_object ('billing_npi', NEW.billing_npi, 'unit_fee_cents', NEW.unit_fee_cents,
                       'place_of_service', NEW.place_of_service, 'appeal_days', NEW.appeal_days,
                       'follow_up_days', NEW.follow_up_days));
END;

CREATE TRIGGER claims_audit_insert AFTER INSERT ON claims
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'claims', NEW.id, NEW.client_id,
          json_object ('number', NEW.number, 'policy_id', NEW.policy_id,
                       'payer_id', NEW.payer_id, 'rendering_id', NEW.rendering_id,
                       'status', NEW.status, 'place_of_service', NEW.place_of_service,
                       'referring_name', NEW.referring_name, 'referring_npi', NEW.referring_npi,
                       'authorisation_number', NEW.authorisation_number,
                       'resubmission_code', NEW.resubmission_code,
                       'original_claim_id', NEW.original_claim_id,
                       'original_reference', NEW.original_reference));
END;

CREATE TRIGGER claims_audit_update AFTER UPDATE ON claims
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'claims', NEW.id, NEW.client_id,
          json_object ('status', OLD.status, 'place_of_service', OLD.place_of_service,
                       'referring_name', OLD.referring_name, 'referring_npi', OLD.referring_npi,
                       'authorisation_number', OLD.authorisation_number,
                       'charge_cents', OLD.charge_cents, 'paid_cents', OLD.paid_cents,
                       'adjusted_cents', OLD.adjusted_cents, 'submitted_on', OLD.submitted_on,
                       'submitted_method', OLD.submitted_method,
                       'payer_reference', OLD.payer_reference, 'responded_on', OLD.responded_on,
                       'denial_reason', OLD.denial_reason, 'appeal_deadline', OLD.appeal_deadline,
                       'appealed_on', OLD.appealed_on, 'note', OLD.note),
          json_object ('status', NEW.status, 'place_of_service', NEW.place_of_service,
                       'referring_name', NEW.referring_name, 'referring_npi', NEW.referring_npi,
                       'authorisation_number', NEW.authorisation_number,
                       'charge_cents', NEW.charge_cents, 'paid_cents', NEW.paid_cents,
                       'adjusted_cents', NEW.adjusted_cents, 'submitted_on', NEW.submitted_on,
                       'submitted_method', NEW.submitted_method,
                       'payer_reference', NEW.payer_reference, 'responded_on', NEW.responded_on,
                       'denial_reason', NEW.denial_reason, 'appeal_deadline', NEW.appeal_deadline,
                       'appealed_on', NEW.appealed_on, 'note', NEW.note));
END;

CREATE TRIGGER claim_lines_audit_insert AFTER INSERT ON claim_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'claim_lines', NEW.id,
          (SELECT client_id FROM claims WHERE id = NEW.claim_id),
          json_object ('claim_id', NEW.claim_id, 'visit_id', NEW.visit_id,
                       'visit_line_id', NEW.visit_line_id, 'service_on', NEW.service_on,
                       'code', NEW.code, 'modifiers', NEW.modifiers, 'units', NEW.units,
                       'minutes', NEW.minutes, 'pointers', NEW.pointers,
                       'charge_cents', NEW.charge_cents));
END;

CREATE TRIGGER claim_lines_audit_update AFTER UPDATE ON claim_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'claim_lines', NEW.id,
          (SELECT client_id FROM claims WHERE id = NEW.claim_id),
          json_object ('modifiers', OLD.modifiers, 'units', OLD.units, 'pointers', OLD.pointers,
                       'charge_cents', OLD.charge_cents, 'paid_cents', OLD.paid_cents,
                       'adjusted_cents', OLD.adjusted_cents),
          json_object ('modifiers', NEW.modifiers, 'units', NEW.units, 'pointers', NEW.pointers,
                       'charge_cents', NEW.charge_cents, 'paid_cents', NEW.paid_cents,
                       'adjusted_cents', NEW.adjusted_cents));
END;

CREATE TRIGGER claim_lines_audit_delete AFTER DELETE ON claim_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'claim_lines', OLD.id,
          (SELECT client_id FROM claims WHERE id = OLD.claim_id),
          json_object ('claim_id', OLD.claim_id, 'code', OLD.code, 'units', OLD.units));
END;

CREATE TRIGGER claim_diagnoses_audit_insert AFTER INSERT ON claim_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'claim_diagnoses', NEW.claim_id,
          (SELECT client_id FROM claims WHERE id = NEW.claim_id),
          json_object ('position', NEW.position, 'diagnosis_id', NEW.diagnosis_id,
                       'code', NEW.code));
END;

CREATE TRIGGER claim_diagnoses_audit_delete AFTER DELETE ON claim_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'claim_diagnoses', OLD.claim_id,
          (SELECT client_id FROM claims WHERE id = OLD.claim_id),
          json_object ('position', OLD.position, 'diagnosis_id', OLD.diagnosis_id,
                       'code', OLD.code));
END;

CREATE TRIGGER claim_follow_ups_audit_insert AFTER INSERT ON claim_follow_ups
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'claim_follow_ups', NEW.id,
          (SELECT client_id FROM claims WHERE id = NEW.claim_id),
          json_object ('claim_id', NEW.claim_id, 'contacted_at', NEW.contacted_at,
                       'representative', NEW.representative, 'reference', NEW.reference,
                       'said', NEW.said, 'next_on', NEW.next_on));
END;
