-- Palpate schema 7: the clinic's clinical settings, its jurisdiction
-- rules, imported ICD-10-CM codes, and the gaps left around signing.
--
-- The settings are one row, created here with the defaults; the clinic
-- edits it, never deletes it. Its rules column holds the clinic's edited
-- copy of data/rules/jurisdictions.json (NULL: the shipped defaults).
-- Codes imported from CDC's order file replace the last import as a
-- whole; the import itself is audited, not each of its 70,000 codes.

-- Clinical settings -------------------------------------------------------

CREATE TABLE clinical_settings (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  -- A screening older than this is asked again (palp-screening.h).
  screening_max_age_days  INTEGER NOT NULL DEFAULT 90
                          CHECK (screening_max_age_days BETWEEN 1 AND 3650),
  -- An oral assessment older than this before the visit is not current;
  -- 0: from the visit's own day.
  oral_max_age_days       INTEGER NOT NULL DEFAULT 0 CHECK (oral_max_age_days BETWEEN 0 AND 365),
  -- No important improvement over this many visits: a plateau.
  plateau_visits          INTEGER NOT NULL DEFAULT 3 CHECK (plateau_visits BETWEEN 2 AND 50),
  -- {"ndi": 5, ...}: the MIC of the built-in measures the clinic changed
  -- (palp-measure.h keys, positive numbers); the others keep the default.
  measure_mic             TEXT NOT NULL DEFAULT '{}'
                          CHECK (json_valid (measure_mic) AND json_type (measure_mic) = 'object'
                                 AND length (measure_mic) <= 2000),
  -- {"pregnancy": ...}: contraindication kinds whose severity the clinic
  -- changed (palp-screening.h keys to "absolute", "local",
  -- "needs-clearance").
  severities              TEXT NOT NULL DEFAULT '{}'
                          CHECK (json_valid (severities) AND json_type (severities) = 'object'
                                 AND length (severities) <= 2000),
  -- The clinic's rules file (palp_rules_parse ()), or NULL for the shipped one.
  rules                   TEXT CHECK (rules IS NULL
                                      OR (json_valid (rules) AND json_type (rules) = 'object'
                                          AND length (rules) <= 500000)),
  updated_by              INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  updated_at              TEXT CHECK (updated_at IS NULL OR datetime (updated_at) IS NOT NULL)
);

INSERT INTO clinical_settings (id) VALUES (1);

CREATE TRIGGER clinical_settings_kept BEFORE DELETE ON clinical_settings
BEGIN SELECT RAISE (ABORT, 'the clinical settings are changed, never deleted'); END;
CREATE TRIGGER clinical_settings_one BEFORE INSERT ON clinical_settings
BEGIN SELECT RAISE (ABORT, 'the clinic has one set of clinical settings'); END;
CREATE TRIGGER clinical_settings_values BEFORE UPDATE ON clinical_settings
WHEN EXISTS (SELECT 1 FROM json_each (NEW.measure_mic)
             WHERE key NOT IN ('pain-nrs', 'range-of-motion', 'mouth-opening', 'ndi',
                               'jfls-mastication', 'jfls-mobility', 'jfls-expression',
                               'muscle-test')
                   OR type NOT IN ('integer', 'real') OR value <= 0)
     OR EXISTS (SELECT 1 FROM json_each (NEW.severities)
                WHERE key NOT IN ('fever', 'bruise-abrasion', 'blood-clot', 'bleeding-risk',
                                  'recent-surgery', 'burn', 'infection', 'fracture',
                                  'severe-osteoporosis', 'severe-thrombocytopenia',
                                  'cancer-treatment', 'other')
                      OR type != 'text'
                      OR value NOT IN ('absolute', 'local', 'needs-clearance'))
BEGIN SELECT RAISE (ABORT, 'a measure or contraindication setting is not one Palpate knows'); END;

CREATE TRIGGER clinical_settings_audit_update AFTER UPDATE ON clinical_settings
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'clinical_settings', NEW.id,
          json_object ('screening_max_age_days', OLD.screening_max_age_days,
                       'oral_max_age_days', OLD.oral_max_age_days,
                       'plateau_visits', OLD.plateau_visits,
                       'measure_mic', json (OLD.measure_mic),
                       'severities', json (OLD.severities),
                       'rules', CASE WHEN OLD.rules IS NULL THEN 'defaults'
                                     ELSE 'edited' END),
          json_object ('screening_max_age_days', NEW.screening_max_age_days,
                       'oral_max_age_days', NEW.oral_max_age_days,
                       'plateau_visits', NEW.plateau_visits,
                       'measure_mic', json (NEW.measure_mic),
                       'severities', json (NEW.severities),
                       'rules', CASE WHEN OLD.rules IS NEW.rules THEN 'unchanged'
                                     WHEN NEW.rules IS NULL THEN 'defaults'
                                     ELSE json (NEW.rules) END));
END;

-- ICD-10-CM codes imported from CDC's order file --------------------------

CREATE TABLE icd10_imports (
  id           INTEGER PRIMARY KEY,
  imported_at  TEXT NOT NULL CHECK (datetime (imported_at) IS NOT NULL),
  imported_by  INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  codes        INTEGER NOT NULL CHECK (codes >= 1),
  -- The file's SHA-256, to tell which year's file it was.
  sha256       TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
);

CREATE TRIGGER icd10_imports_frozen_update BEFORE UPDATE ON icd10_imports
BEGIN SELECT RAISE (ABORT, 'an import is kept as it was'); END;
CREATE TRIGGER icd10_imports_frozen_delete BEFORE DELETE ON icd10_imports
BEGIN SELECT RAISE (ABORT, 'an import is kept as it was'); END;

CREATE TRIGGER icd10_imports_audit_insert AFTER INSERT ON icd10_imports
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'import', 'icd10_imports', NEW.id,
          json_object ('codes', NEW.codes, 'sha256', NEW.sha256,
                       'imported_at', NEW.imported_at));
END;

CREATE TABLE icd10_codes (
  id                 INTEGER PRIMARY KEY,
  import_id          INTEGER NOT NULL REFERENCES icd10_imports (id) ON DELETE RESTRICT,
  ordinal            INTEGER NOT NULL CHECK (ordinal >= 1),
  code               TEXT NOT NULL UNIQUE
                     CHECK (code GLOB '[A-Z][0-9][0-9A-Z]'
                            OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z]'
                            OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z]'
                            OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z][0-9A-Z]'
                            OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]'),
  billable           INTEGER NOT NULL CHECK (billable IN (0, 1)),
  short_description  TEXT CHECK (short_description IS NULL OR length (short_description) <= 60),
  description        TEXT NOT NULL CHECK (length (trim (description)) BETWEEN 1 AND 400)
);

-- Codes come only with the newest import, replacing the last as a whole.
CREATE TRIGGER icd10_codes_latest BEFORE INSERT ON icd10_codes
WHEN NEW.import_id IS NOT (SELECT max (id) FROM icd10_imports)
BEGIN SELECT RAISE (ABORT, 'codes are loaded by an import of CDC''s order file'); END;
CREATE TRIGGER icd10_codes_frozen BEFORE UPDATE ON icd10_codes
BEGIN SELECT RAISE (ABORT, 'an imported code is CDC''s: import a newer file instead'); END;

-- The words of the descriptions, folded; codes are matched by prefix in
-- their own column (without the dot) so "m542" finds M54.2.
CREATE VIRTUAL TABLE icd10_codes_fts USING fts5 (
  code, description,
  content = 'icd10_codes', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER icd10_codes_fts_insert AFTER INSERT ON icd10_codes
BEGIN
  INSERT INTO icd10_codes_fts (rowid, code, description)
  VALUES (NEW.id, NEW.code, NEW.description);
END;
CREATE TRIGGER icd10_codes_fts_delete AFTER DELETE ON icd10_codes
BEGIN
  INSERT INTO icd10_codes_fts (icd10_codes_fts, rowid, code, description)
  VALUES ('delete', OLD.id, OLD.code, OLD.description);
END;

-- Gate overrides: a regional rule's key is "rule:" and its id -------------
--
-- Schema 6 allowed only [a-z0-9-] in a gate's key, which left no way to
-- record the override of a rule ("rule:us-oh-tmj-referral"). The table is
-- rebuilt with the same rows; an override is still never changed, and is
-- now never added to a visit already signed (overrides are recorded with
-- the signature, in its transaction).

CREATE TABLE gate_overrides_v7 (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  gate        TEXT NOT NULL CHECK (length (gate) BETWEEN 1 AND 100
                                   AND gate NOT GLOB '*[^a-z0-9:-]*'),
  reason      TEXT NOT NULL CHECK (length (trim (reason)) BETWEEN 1 AND 500),
  by_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  at          TEXT NOT NULL CHECK (datetime (at) IS NOT NULL)
);

INSERT INTO gate_overrides_v7 (id, visit_id, gate, reason, by_id, at)
SELECT id, visit_id, gate, reason, by_id, at FROM gate_overrides;
DROP TABLE gate_overrides;
ALTER TABLE gate_overrides_v7 RENAME TO gate_overrides;

CREATE INDEX gate_overrides_visit ON gate_overrides (visit_id, id);

CREATE TRIGGER gate_overrides_frozen_update BEFORE UPDATE ON gate_overrides
BEGIN SELECT RAISE (ABORT, 'an override cannot be changed'); END;
CREATE TRIGGER gate_overrides_frozen_delete BEFORE DELETE ON gate_overrides
BEGIN SELECT RAISE (ABORT, 'an override cannot be deleted'); END;
CREATE TRIGGER gate_overrides_signed_insert BEFORE INSERT ON gate_overrides
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: an override is recorded when signing'); END;

CREATE TRIGGER gate_overrides_audit_insert AFTER INSERT ON gate_overrides
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'override', 'gate_overrides', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'gate', NEW.gate, 'reason', NEW.reason,
                       'by_id', NEW.by_id));
END;

-- Gaps around the signed record ------------------------------------------

-- A screening is a dated version: once a later one exists, nothing is
-- added to it (its findings were what the client said that day).
CREATE TRIGGER screening_findings_superseded BEFORE INSERT ON screening_findings
WHEN EXISTS (SELECT 1 FROM screenings s JOIN screenings t ON t.client_id = s.client_id
             WHERE s.id = NEW.screening_id
                   AND (t.taken_on > s.taken_on OR (t.taken_on = s.taken_on AND t.id > s.id)))
BEGIN SELECT RAISE (ABORT, 'a later screening exists: record a new one'); END;

-- Only the visit's own practitioner signs its record.
CREATE TRIGGER visit_signatures_practitioner BEFORE INSERT ON visit_signatures
WHEN NEW.signed_by IS NOT (SELECT practitioner_id FROM visits WHERE id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'only the visit''s practitioner signs its record'); END;

-- A signed visit keeps its client, practitioner and time, and its status
-- (a booked visit documented first may still be checked out as attended):
-- the signed note is about that visit.
CREATE TRIGGER visits_signed_update BEFORE UPDATE OF client_id, practitioner_id, starts_at,
                                                      duration_minutes, status ON visits
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.id)
     AND (NEW.client_id IS NOT OLD.client_id OR NEW.practitioner_id IS NOT OLD.practitioner_id
          OR NEW.starts_at IS NOT OLD.starts_at
          OR NEW.duration_minutes IS NOT OLD.duration_minutes
          OR (NEW.status IS NOT OLD.status
              AND NOT (OLD.status = 'booked' AND NEW.status = 'attended')))
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;
CREATE TRIGGER visits_signed_delete BEFORE DELETE ON visits
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;

-- An amendment is written by the visit's practitioner.
CREATE TRIGGER note_amendments_author BEFORE INSERT ON note_amendments
WHEN NEW.author_id IS NOT (SELECT practitioner_id FROM visits WHERE id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'only the visit''s practitioner amends its note'); END;
