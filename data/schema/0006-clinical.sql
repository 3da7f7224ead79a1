-- Palpate schema 6: the clinical record.
--
-- Health histories and screenings are dated versions: a new one supersedes
-- the last, none is ever changed or deleted. What belongs to a visit (its
-- SOAP note, oral assessment and measurements) changes freely until the
-- visit is signed (visit_signatures, schema 5) and never after: a signed
-- note is corrected by an amendment kept beside it. Referrals, diagnoses
-- and plans stay editable, every change audited; diagnoses are archived,
-- never deleted. A consent is never deleted; its revocation is written
-- once. Every write goes to the audit log with the acting user
-- (palp_actor ()) and the client.

-- Health histories ------------------------------------------------------

CREATE TABLE health_histories (
  id                   INTEGER PRIMARY KEY,
  client_id            INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  taken_on             TEXT NOT NULL CHECK (date (taken_on) = taken_on),
  -- Conditions, medications, surgeries with dates, allergies, pregnancy,
  -- cancer treatment, devices: the structured answers.
  answers              TEXT NOT NULL CHECK (json_valid (answers) AND json_type (answers) = 'object'
                                            AND length (answers) <= 100000),
  -- What the client's header shows, from the answers.
  allergies            TEXT CHECK (allergies IS NULL OR length (allergies) <= 500),
  has_blood_thinners   INTEGER NOT NULL DEFAULT 0 CHECK (has_blood_thinners IN (0, 1)),
  pregnant             INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0, 1)),
  head_neck_radiation  INTEGER NOT NULL DEFAULT 0 CHECK (head_neck_radiation IN (0, 1)),
  recorded_by          INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  recorded_at          TEXT NOT NULL CHECK (datetime (recorded_at) IS NOT NULL)
);

CREATE INDEX health_histories_client ON health_histories (client_id, taken_on, id);

CREATE TRIGGER health_histories_frozen_update BEFORE UPDATE ON health_histories
BEGIN SELECT RAISE (ABORT, 'a health history is never changed; record a new version'); END;
CREATE TRIGGER health_histories_frozen_delete BEFORE DELETE ON health_histories
BEGIN SELECT RAISE (ABORT, 'a health history is never deleted; record a new version'); END;

CREATE TRIGGER health_histories_audit_insert AFTER INSERT ON health_histories
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'health_histories', NEW.id, NEW.client_id,
          json_object ('taken_on', NEW.taken_on, 'answers', json (NEW.answers),
                       'allergies', NEW.allergies,
                       'has_blood_thinners', NEW.has_blood_thinners,
                       'pregnant', NEW.pregnant,
                       'head_neck_radiation', NEW.head_neck_radiation));
END;

-- Screenings --------------------------------------------------------------

CREATE TABLE screenings (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  taken_on    TEXT NOT NULL CHECK (date (taken_on) = taken_on),
  taken_by    INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  taken_at    TEXT NOT NULL CHECK (datetime (taken_at) IS NOT NULL),
  note        TEXT CHECK (note IS NULL OR length (note) <= 2000)
);

CREATE INDEX screenings_client ON screenings (client_id, taken_on, id);

-- Absolute: no treatment today. Local: avoid a region (of the atlas).
-- Clearance: a physician's clearance is needed, and the date it was put
-- on file once it is.
CREATE TABLE screening_findings (
  id                 INTEGER PRIMARY KEY,
  screening_id       INTEGER NOT NULL REFERENCES screenings (id) ON DELETE RESTRICT,
  kind               TEXT NOT NULL CHECK (length (kind) BETWEEN 1 AND 40
                                          AND kind NOT GLOB '*[^a-z0-9-]*'),
  severity           TEXT NOT NULL CHECK (severity IN ('absolute', 'local', 'clearance')),
  note               TEXT CHECK (note IS NULL OR length (note) <= 1000),
  region_id          TEXT CHECK (region_id IS NULL OR length (region_id) BETWEEN 1 AND 200),
  clearance_on_file  TEXT CHECK (clearance_on_file IS NULL
                                 OR date (clearance_on_file) = clearance_on_file),
  CHECK (severity = 'local' OR region_id IS NULL),
  CHECK (severity = 'clearance' OR clearance_on_file IS NULL)
);

CREATE INDEX screening_findings_screening ON screening_findings (screening_id, id);

CREATE TRIGGER screenings_frozen_update BEFORE UPDATE ON screenings
BEGIN SELECT RAISE (ABORT, 'a screening is never changed; record a new one'); END;
CREATE TRIGGER screenings_frozen_delete BEFORE DELETE ON screenings
BEGIN SELECT RAISE (ABORT, 'a screening is never deleted; record a new one'); END;
CREATE TRIGGER screening_findings_frozen_update BEFORE UPDATE ON screening_findings
BEGIN SELECT RAISE (ABORT, 'a screening is never changed; record a new one'); END;
CREATE TRIGGER screening_findings_frozen_delete BEFORE DELETE ON screening_findings
BEGIN SELECT RAISE (ABORT, 'a screening is never deleted; record a new one'); END;

CREATE TRIGGER screenings_audit_insert AFTER INSERT ON screenings
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'screenings', NEW.id, NEW.client_id,
          json_object ('taken_on', NEW.taken_on, 'taken_by', NEW.taken_by, 'note', NEW.note));
END;

CREATE TRIGGER screening_findings_audit_insert AFTER INSERT ON screening_findings
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'screening_findings', NEW.id,
          (SELECT client_id FROM screenings WHERE id = NEW.screening_id),
          json_object ('screening_id', NEW.screening_id, 'kind', NEW.kind,
                       'severity', NEW.severity, 'note', NEW.note, 'region_id', NEW.region_id,
                       'clearance_on_file', NEW.clearance_on_file));
END;

-- Oral assessments (before intra-oral work) -------------------------------

CREATE TABLE oral_assessments (
  id                   INTEGER PRIMARY KEY,
  visit_id             INTEGER NOT NULL UNIQUE REFERENCES visits (id) ON DELETE RESTRICT,
  teeth                INTEGER NOT NULL DEFAULT 0 CHECK (teeth IN (0, 1)),
  gingiva              INTEGER NOT NULL DEFAULT 0 CHECK (gingiva IN (0, 1)),
  bone                 INTEGER NOT NULL DEFAULT 0 CHECK (bone IN (0, 1)),
  tongue               INTEGER NOT NULL DEFAULT 0 CHECK (tongue IN (0, 1)),
  surrounding          INTEGER NOT NULL DEFAULT 0 CHECK (surrounding IN (0, 1)),
  active_infection     INTEGER NOT NULL DEFAULT 0 CHECK (active_infection IN (0, 1)),
  lesions              INTEGER NOT NULL DEFAULT 0 CHECK (lesions IN (0, 1)),
  loose_teeth          INTEGER NOT NULL DEFAULT 0 CHECK (loose_teeth IN (0, 1)),
  periodontal_disease  INTEGER NOT NULL DEFAULT 0 CHECK (periodontal_disease IN (0, 1)),
  gloves               INTEGER NOT NULL DEFAULT 0 CHECK (gloves IN (0, 1)),
  note                 TEXT CHECK (note IS NULL OR length (note) <= 2000),
  assessed_by          INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  assessed_at          TEXT NOT NULL CHECK (datetime (assessed_at) IS NOT NULL)
);

CREATE TRIGGER oral_assessments_signed_insert BEFORE INSERT ON oral_assessments
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;
CREATE TRIGGER oral_assessments_signed_update BEFORE UPDATE ON oral_assessments
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id IN (OLD.visit_id, NEW.visit_id))
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;
CREATE TRIGGER oral_assessments_signed_delete BEFORE DELETE ON oral_assessments
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;

CREATE TRIGGER oral_assessments_audit_insert AFTER INSERT ON oral_assessments
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'oral_assessments', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'teeth', NEW.teeth, 'gingiva', NEW.gingiva,
                       'bone', NEW.bone, 'tongue', NEW.tongue, 'surrounding', NEW.surrounding,
                       'active_infection', NEW.active_infection, 'lesions', NEW.lesions,
                       'loose_teeth', NEW.loose_teeth,
                       'periodontal_disease', NEW.periodontal_disease, 'gloves', NEW.gloves,
                       'note', NEW.note));
END;

CREATE TRIGGER oral_assessments_audit_update AFTER UPDATE ON oral_assessments
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'oral_assessments', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('teeth', OLD.teeth, 'gingiva', OLD.gingiva, 'bone', OLD.bone,
                       'tongue', OLD.tongue, 'surrounding', OLD.surrounding,
                       'active_infection', OLD.active_infection, 'lesions', OLD.lesions,
                       'loose_teeth', OLD.loose_teeth,
                       'periodontal_disease', OLD.periodontal_disease, 'gloves', OLD.gloves,
                       'note', OLD.note),
          json_object ('teeth', NEW.teeth, 'gingiva', NEW.gingiva, 'bone', NEW.bone,
                       'tongue', NEW.tongue, 'surrounding', NEW.surrounding,
                       'active_infection', NEW.active_infection, 'lesions', NEW.lesions,
                       'loose_teeth', NEW.loose_teeth,
                       'periodontal_disease', NEW.periodontal_disease, 'gloves', NEW.gloves,
                       'note', NEW.note));
END;

CREATE TRIGGER oral_assessments_audit_delete AFTER DELETE ON oral_assessments
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'oral_assessments', OLD.id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('visit_id', OLD.visit_id, 'note', OLD.note));
END;

-- Diagnoses -------------------------------------------------------------

CREATE TABLE diagnoses (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  -- ICD-10-CM in printed form: letter, digit, letter or digit, then
  -- optionally a dot and one to four letters or digits.
  code         TEXT NOT NULL CHECK (code GLOB '[A-Z][0-9][0-9A-Z]'
                                    OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z]'
                                    OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z]'
                                    OR code GLOB '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z][0-9A-Z]'
                                    OR code GLOB
                                       '[A-Z][0-9][0-9A-Z].[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]'),
  description  TEXT NOT NULL CHECK (length (trim (description)) BETWEEN 1 AND 300),
  onset_on     TEXT CHECK (onset_on IS NULL OR date (onset_on) = onset_on),
  laterality   TEXT CHECK (laterality IS NULL
                           OR laterality IN ('right', 'left', 'bilateral', 'unspecified')),
  is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_by   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at   TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  CHECK (is_primary = 0 OR archived = 0)
);

CREATE INDEX diagnoses_client ON diagnoses (client_id, archived, id);
-- One current primary diagnosis per client.
CREATE UNIQUE INDEX diagnoses_primary ON diagnoses (client_id) WHERE is_primary = 1;

CREATE TRIGGER diagnoses_kept BEFORE DELETE ON diagnoses
BEGIN SELECT RAISE (ABORT, 'a diagnosis is never deleted; archive it'); END;
CREATE TRIGGER diagnoses_same_client BEFORE UPDATE OF client_id ON diagnoses
WHEN NEW.client_id IS NOT OLD.client_id
BEGIN SELECT RAISE (ABORT, 'a diagnosis stays with its client'); END;

CREATE TRIGGER diagnoses_audit_insert AFTER INSERT ON diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'diagnoses', NEW.id, NEW.client_id,
          json_object ('code', NEW.code, 'description', NEW.description,
                       'onset_on', NEW.onset_on, 'laterality', NEW.laterality,
                       'is_primary', NEW.is_primary, 'archived', NEW.archived));
END;

CREATE TRIGGER diagnoses_audit_update AFTER UPDATE ON diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'diagnoses', NEW.id, NEW.client_id,
          json_object ('code', OLD.code, 'description', OLD.description,
                       'onset_on', OLD.onset_on, 'laterality', OLD.laterality,
                       'is_primary', OLD.is_primary, 'archived', OLD.archived),
          json_object ('code', NEW.code, 'description', NEW.description,
                       'onset_on', NEW.onset_on, 'laterality', NEW.laterality,
                       'is_primary', NEW.is_primary, 'archived', NEW.archived));
END;

-- Referrals and prescriptions ------------------------------------------

CREATE TABLE referrals (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  prescriber_name  TEXT NOT NULL CHECK (length (trim (prescriber_name)) BETWEEN 1 AND 120),
  profession       TEXT CHECK (profession IS NULL OR length (profession) <= 80),
  -- Ten digits starting with 1 or 2; the check digit is verified in C.
  npi              TEXT CHECK (npi IS NULL OR (length (npi) = 10 AND npi GLOB '[12]*'
                                               AND npi NOT GLOB '*[^0-9]*')),
  referred_on      TEXT NOT NULL CHECK (date (referred_on) = referred_on),
  expires_on       TEXT CHECK (expires_on IS NULL
                               OR (date (expires_on) = expires_on AND expires_on >= referred_on)),
  frequency        TEXT CHECK (frequency IS NULL OR length (frequency) <= 120),
  duration         TEXT CHECK (duration IS NULL OR length (duration) <= 120),
  -- Atlas region ids, comma-separated.
  regions          TEXT CHECK (regions IS NULL OR length (regions) <= 2000),
  note             TEXT CHECK (note IS NULL OR length (note) <= 2000),
  created_by       INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at       TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL)
);

CREATE INDEX referrals_client ON referrals (client_id, referred_on);
CREATE INDEX referrals_expiry ON referrals (expires_on);

CREATE TABLE referral_diagnoses (
  referral_id   INTEGER NOT NULL REFERENCES referrals (id) ON DELETE RESTRICT,
  diagnosis_id  INTEGER NOT NULL REFERENCES diagnoses (id) ON DELETE RESTRICT,
  PRIMARY KEY (referral_id, diagnosis_id)
) WITHOUT ROWID;

CREATE INDEX referral_diagnoses_diagnosis ON referral_diagnoses (diagnosis_id);

CREATE TRIGGER referrals_kept BEFORE DELETE ON referrals
BEGIN SELECT RAISE (ABORT, 'a referral is never deleted'); END;
CREATE TRIGGER referrals_same_client BEFORE UPDATE OF client_id ON referrals
WHEN NEW.client_id IS NOT OLD.client_id
BEGIN SELECT RAISE (ABORT, 'a referral stays with its client'); END;

-- A referral names its own client's diagnoses.
CREATE TRIGGER referral_diagnoses_client BEFORE INSERT ON referral_diagnoses
WHEN (SELECT client_id FROM referrals WHERE id = NEW.referral_id)
     IS NOT (SELECT client_id FROM diagnoses WHERE id = NEW.diagnosis_id)
BEGIN SELECT RAISE (ABORT, 'a referral names its own client''s diagnoses'); END;
CREATE TRIGGER referral_diagnoses_frozen_update BEFORE UPDATE ON referral_diagnoses
BEGIN SELECT RAISE (ABORT, 'remove the diagnosis from the referral and add another'); END;

CREATE TRIGGER referrals_audit_insert AFTER INSERT ON referrals
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'referrals', NEW.id, NEW.client_id,
          json_object ('prescriber_name', NEW.prescriber_name, 'profession', NEW.profession,
                       'npi', NEW.npi, 'referred_on', NEW.referred_on,
                       'expires_on', NEW.expires_on, 'frequency', NEW.frequency,
                       'duration', NEW.duration, 'regions', NEW.regions, 'note', NEW.note));
END;

CREATE TRIGGER referrals_audit_update AFTER UPDATE ON referrals
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'referrals', NEW.id, NEW.client_id,
          json_object ('prescriber_name', OLD.prescriber_name, 'profession', OLD.profession,
                       'npi', OLD.npi, 'referred_on', OLD.referred_on,
                       'expires_on', OLD.expires_on, 'frequency', OLD.frequency,
                       'duration', OLD.duration, 'regions', OLD.regions, 'note', OLD.note),
          json_object ('prescriber_name', NEW.prescriber_name, 'profession', NEW.profession,
                       'npi', NEW.npi, 'referred_on', NEW.referred_on,
                       'expires_on', NEW.expires_on, 'frequency', NEW.frequency,
                       'duration', NEW.duration, 'regions', NEW.regions, 'note', NEW.note));
END;

CREATE TRIGGER referral_diagnoses_audit_insert AFTER INSERT ON referral_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'referral_diagnoses', NEW.referral_id,
          (SELECT client_id FROM referrals WHERE id = NEW.referral_id),
          json_object ('diagnosis_id', NEW.diagnosis_id));
END;

CREATE TRIGGER referral_diagnoses_audit_delete AFTER DELETE ON referral_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'referral_diagnoses', OLD.referral_id,
          (SELECT client_id FROM referrals WHERE id = OLD.referral_id),
          json_object ('diagnosis_id', OLD.diagnosis_id));
END;

-- Plans of care, their goals, and measurements --------------------------

CREATE TABLE plans (
  id                INTEGER PRIMARY KEY,
  client_id         INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  practitioner_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  started_on        TEXT NOT NULL CHECK (date (started_on) = started_on),
  summary           TEXT CHECK (summary IS NULL OR length (summary) <= 4000),
  frequency         TEXT CHECK (frequency IS NULL OR length (frequency) <= 120),
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
  discharged_on     TEXT CHECK (discharged_on IS NULL
                                  OR (date (discharged_on) = discharged_on
                                      AND discharged_on >= started_on)),
  discharge_reason  TEXT CHECK (discharge_reason IS NULL
                                OR length (trim (discharge_reason)) BETWEEN 1 AND 500),
  created_at        TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  CHECK ((status = 'active' AND discharged_on IS NULL AND discharge_reason IS NULL)
         OR (status = 'discharged' AND discharged_on IS NOT NULL
             AND discharge_reason IS NOT NULL))
);

CREATE INDEX plans_client ON plans (client_id, started_on);

CREATE TRIGGER plans_kept BEFORE DELETE ON plans
BEGIN SELECT RAISE (ABORT, 'a plan is never deleted; discharge it'); END;
CREATE TRIGGER plans_discharged BEFORE UPDATE ON plans
WHEN OLD.status = 'discharged'
BEGIN SELECT RAISE (ABORT, 'a discharged plan cannot change; start a new one'); END;
CREATE TRIGGER plans_same_client BEFORE UPDATE OF client_id ON plans
WHEN NEW.client_id IS NOT OLD.client_id
BEGIN SELECT RAISE (ABORT, 'a plan stays with its client'); END;

CREATE TABLE plan_goals (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
  -- palp-measure.h keys.
  measure      TEXT NOT NULL CHECK (measure IN ('pain-nrs', 'range-of-motion', 'mouth-opening',
                                                'ndi', 'jfls-mastication', 'jfls-mobility',
                                                'jfls-expression', 'muscle-test', 'custom')),
  -- The functional goal in words, and the movement or item measured.
  goal         TEXT NOT NULL CHECK (length (trim (goal)) BETWEEN 1 AND 500),
  label        TEXT CHECK (label IS NULL OR length (label) <= 120),
  unit         TEXT CHECK (unit IS NULL OR length (unit) <= 20),
  direction    TEXT NOT NULL CHECK (direction IN ('lower', 'higher')),
  mic          REAL NOT NULL CHECK (mic > 0),
  baseline     REAL NOT NULL,
  target       REAL NOT NULL,
  by_date      TEXT CHECK (by_date IS NULL OR date (by_date) = by_date),
  by_visit     INTEGER CHECK (by_visit IS NULL OR by_visit BETWEEN 1 AND 1000),
  archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  CHECK (by_date IS NOT NULL OR by_visit IS NOT NULL),
  CHECK ((direction = 'lower' AND target < baseline)
         OR (direction = 'higher' AND target > baseline))
);

CREATE INDEX plan_goals_plan ON plan_goals (plan_id, id);

CREATE TRIGGER plan_goals_kept BEFORE DELETE ON plan_goals
BEGIN SELECT RAISE (ABORT, 'a goal is never deleted; archive it'); END;
CREATE TRIGGER plan_goals_discharged BEFORE UPDATE ON plan_goals
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) = 'discharged'
     OR NEW.plan_id IS NOT OLD.plan_id
BEGIN SELECT RAISE (ABORT, 'a discharged plan''s goals cannot change'); END;
CREATE TRIGGER plan_goals_discharged_insert BEFORE INSERT ON plan_goals
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) = 'discharged'
BEGIN SELECT RAISE (ABORT, 'a discharged plan''s goals cannot change'); END;

CREATE TABLE measurements (
  id         INTEGER PRIMARY KEY,
  visit_id   INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  goal_id    INTEGER NOT NULL REFERENCES plan_goals (id) ON DELETE RESTRICT,
  value      REAL NOT NULL,
  taken_at   TEXT NOT NULL CHECK (datetime (taken_at) IS NOT NULL),
  taken_by   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  UNIQUE (visit_id, goal_id)
);

CREATE INDEX measurements_goal ON measurements (goal_id, visit_id);

CREATE TRIGGER measurements_client BEFORE INSERT ON measurements
WHEN (SELECT client_id FROM visits WHERE id = NEW.visit_id)
     IS NOT (SELECT p.client_id FROM plan_goals g JOIN plans p ON p.id = g.plan_id
             WHERE g.id = NEW.goal_id)
BEGIN SELECT RAISE (ABORT, 'a measurement is of the visit''s own client''s goal'); END;
CREATE TRIGGER measurements_signed_insert BEFORE INSERT ON measurements
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;
CREATE TRIGGER measurements_signed_update BEFORE UPDATE ON measurements
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id IN (OLD.visit_id, NEW.visit_id))
     OR NEW.goal_id IS NOT OLD.goal_id
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;
CREATE TRIGGER measurements_signed_delete BEFORE DELETE ON measurements
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its record cannot change'); END;

CREATE TRIGGER plans_audit_insert AFTER INSERT ON plans
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'plans', NEW.id, NEW.client_id,
          json_object ('practitioner_id', NEW.practitioner_id, 'started_on', NEW.started_on,
                       'summary', NEW.summary, 'frequency', NEW.frequency,
                       'status', NEW.status));
END;

CREATE TRIGGER plans_audit_update AFTER UPDATE ON plans
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'plans', NEW.id, NEW.client_id,
          json_object ('practitioner_id', OLD.practitioner_id, 'started_on', OLD.started_on,
                       'summary', OLD.summary, 'frequency', OLD.frequency,
                       'status', OLD.status, 'discharged_on', OLD.discharged_on,
                       'discharge_reason', OLD.discharge_reason),
          json_object ('practitioner_id', NEW.practitioner_id, 'started_on', NEW.started_on,
                       'summary', NEW.summary, 'frequency', NEW.frequency,
                       'status', NEW.status, 'discharged_on', NEW.discharged_on,
                       'discharge_reason', NEW.discharge_reason));
END;

CREATE TRIGGER plan_goals_audit_insert AFTER INSERT ON plan_goals
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'plan_goals', NEW.id,
          (SELECT client_id FROM plans WHERE id = NEW.plan_id),
          json_object ('plan_id', NEW.plan_id, 'measure', NEW.measure, 'goal', NEW.goal,
                       'label', NEW.label, 'unit', NEW.unit, 'direction', NEW.direction,
                       'mic', NEW.mic, 'baseline', NEW.baseline, 'target', NEW.target,
                       'by_date', NEW.by_date, 'by_visit', NEW.by_visit));
END;

CREATE TRIGGER plan_goals_audit_update AFTER UPDATE ON plan_goals
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'plan_goals', NEW.id,
          (SELECT client_id FROM plans WHERE id = NEW.plan_id),
          json_object ('measure', OLD.measure, 'goal', OLD.goal, 'label', OLD.label,
                       'unit', OLD.unit, 'direction', OLD.direction, 'mic', OLD.mic,
                       'baseline', OLD.baseline, 'target', OLD.target,
                       'by_date', OLD.by_date, 'by_visit', OLD.by_visit,
                       'archived', OLD.archived),
          json_object ('measure', NEW.measure, 'goal', NEW.goal, 'label', NEW.label,
                       'unit', NEW.unit, 'direction', NEW.direction, 'mic', NEW.mic,
                       'baseline', NEW.baseline, 'target', NEW.target,
                       'by_date', NEW.by_date, 'by_visit', NEW.by_visit,
                       'archived', NEW.archived));
END;

CREATE TRIGGER measurements_audit_insert AFTER INSERT ON measurements
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'measurements', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'goal_id', NEW.goal_id, 'value', NEW.value,
                       'taken_at', NEW.taken_at));
END;

CREATE TRIGGER measurements_audit_update AFTER UPDATE ON measurements
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'measurements', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('value', OLD.value, 'taken_at', OLD.taken_at),
          json_object ('value', NEW.value, 'taken_at', NEW.taken_at));
END;

CREATE TRIGGER measurements_audit_delete AFTER DELETE ON measurements
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'measurements', OLD.id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('visit_id', OLD.visit_id, 'goal_id', OLD.goal_id, 'value', OLD.value));
END;

-- Consents --------------------------------------------------------------

CREATE TABLE consents (
  id                 INTEGER PRIMARY KEY,
  client_id          INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  kind               TEXT NOT NULL CHECK (kind IN ('privacy', 'plan', 'intra-oral', 'guardian')),
  plan_id            INTEGER REFERENCES plans (id) ON DELETE RESTRICT,
  explained          TEXT NOT NULL CHECK (length (trim (explained)) BETWEEN 1 AND 8000),
  questions          TEXT CHECK (questions IS NULL OR length (questions) <= 4000),
  signed_by_name     TEXT NOT NULL CHECK (length (trim (signed_by_name)) BETWEEN 1 AND 120),
  -- Either the strokes of a drawn signature (JSON), or a typed name the
  -- signer attests is their signature.
  signature          TEXT CHECK (signature IS NULL
                                 OR (json_valid (signature) AND json_type (signature) = 'array'
                                     AND length (signature) <= 200000)),
  typed_name         TEXT CHECK (typed_name IS NULL OR length (trim (typed_name)) BETWEEN 1 AND 120),
  attested           INTEGER NOT NULL DEFAULT 0 CHECK (attested IN (0, 1)),
  signed_at          TEXT NOT NULL CHECK (datetime (signed_at) IS NOT NULL),
  recorded_by        INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  revoked_at         TEXT CHECK (revoked_at IS NULL OR datetime (revoked_at) IS NOT NULL),
  revoked_by         INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  revoke_reason      TEXT CHECK (revoke_reason IS NULL
                                 OR length (trim (revoke_reason)) BETWEEN 1 AND 500),
  CHECK (signature IS NOT NULL OR (typed_name IS NOT NULL AND attested = 1)),
  CHECK (kind != 'plan' OR plan_id IS NOT NULL),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)
         AND (revoked_at IS NULL) = (revoke_reason IS NULL)),
  CHECK (revoked_at IS NULL OR revoked_at >= signed_at)
);

CREATE INDEX consents_client ON consents (client_id, kind, signed_at);

CREATE TRIGGER consents_kept BEFORE DELETE ON consents
BEGIN SELECT RAISE (ABORT, 'a consent is never deleted; revoke it'); END;
-- The only change: its revocation, written once.
CREATE TRIGGER consents_frozen BEFORE UPDATE ON consents
WHEN OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
     OR NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id
     OR NEW.kind IS NOT OLD.kind OR NEW.plan_id IS NOT OLD.plan_id
     OR NEW.explained IS NOT OLD.explained OR NEW.questions IS NOT OLD.questions
     OR NEW.signed_by_name IS NOT OLD.signed_by_name OR NEW.signature IS NOT OLD.signature
     OR NEW.typed_name IS NOT OLD.typed_name OR NEW.attested IS NOT OLD.attested
     OR NEW.signed_at IS NOT OLD.signed_at OR NEW.recorded_by IS NOT OLD.recorded_by
BEGIN SELECT RAISE (ABORT, 'a signed consent cannot change; it can be revoked once'); END;
CREATE TRIGGER consents_plan_client BEFORE INSERT ON consents
WHEN NEW.plan_id IS NOT NULL
     AND NEW.client_id IS NOT (SELECT client_id FROM plans WHERE id = NEW.plan_id)
BEGIN SELECT RAISE (ABORT, 'a consent to a plan is the plan''s client''s'); END;

CREATE TRIGGER consents_audit_insert AFTER INSERT ON consents
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'consents', NEW.id, NEW.client_id,
          json_object ('kind', NEW.kind, 'plan_id', NEW.plan_id, 'explained', NEW.explained,
                       'questions', NEW.questions, 'signed_by_name', NEW.signed_by_name,
                       'typed_name', NEW.typed_name, 'attested', NEW.attested,
                       'drawn', NEW.signature IS NOT NULL, 'signed_at', NEW.signed_at));
END;

CREATE TRIGGER consents_audit_revoke AFTER UPDATE ON consents
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'revoke', 'consents', NEW.id, NEW.client_id,
          json_object ('revoked_at', NEW.revoked_at, 'revoked_by', NEW.revoked_by,
                       'revoke_reason', NEW.revoke_reason));
END;

-- SOAP notes, amendments and safety-gate overrides ----------------------

CREATE TABLE soap_notes (
  visit_id         INTEGER PRIMARY KEY REFERENCES visits (id) ON DELETE RESTRICT,
  subjective       TEXT CHECK (subjective IS NULL OR length (subjective) <= 20000),
  objective        TEXT CHECK (objective IS NULL OR length (objective) <= 20000),
  assessment       TEXT CHECK (assessment IS NULL OR length (assessment) <= 20000),
  plan_text        TEXT CHECK (plan_text IS NULL OR length (plan_text) <= 20000),
  pain             INTEGER CHECK (pain IS NULL OR pain BETWEEN 0 AND 10),
  -- [{"name": ..., "minutes": 20, "regions": "a,b", "intra_oral": false}, ...]
  techniques       TEXT NOT NULL DEFAULT '[]'
                   CHECK (json_valid (techniques) AND json_type (techniques) = 'array'
                          AND length (techniques) <= 20000),
  draping          INTEGER NOT NULL DEFAULT 0 CHECK (draping IN (0, 1)),
  gloves           INTEGER NOT NULL DEFAULT 0 CHECK (gloves IN (0, 1)),
  check_ins        INTEGER NOT NULL DEFAULT 0 CHECK (check_ins IN (0, 1)),
  adverse_effects  TEXT CHECK (adverse_effects IS NULL OR length (adverse_effects) <= 4000),
  author_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at       TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  updated_at       TEXT NOT NULL CHECK (datetime (updated_at) IS NOT NULL
                                        AND updated_at >= created_at)
);

CREATE TRIGGER soap_notes_signed_insert BEFORE INSERT ON soap_notes
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'the note is signed: add an amendment instead'); END;
CREATE TRIGGER soap_notes_signed_update BEFORE UPDATE ON soap_notes
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id IN (OLD.visit_id, NEW.visit_id))
BEGIN SELECT RAISE (ABORT, 'the note is signed: add an amendment instead'); END;
CREATE TRIGGER soap_notes_signed_delete BEFORE DELETE ON soap_notes
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.visit_id)
BEGIN SELECT RAISE (ABORT, 'the note is signed: add an amendment instead'); END;

CREATE TABLE note_amendments (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  author_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at  TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  reason      TEXT NOT NULL CHECK (length (trim (reason)) BETWEEN 1 AND 500),
  text        TEXT NOT NULL CHECK (length (trim (text)) BETWEEN 1 AND 20000)
);

CREATE INDEX note_amendments_visit ON note_amendments (visit_id, id);

CREATE TRIGGER note_amendments_signed_only BEFORE INSERT ON note_amendments
WHEN NOT EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'only a signed note is amended; edit the draft instead'); END;
CREATE TRIGGER note_amendments_frozen_update BEFORE UPDATE ON note_amendments
BEGIN SELECT RAISE (ABORT, 'an amendment cannot be changed; add another'); END;
CREATE TRIGGER note_amendments_frozen_delete BEFORE DELETE ON note_amendments
BEGIN SELECT RAISE (ABORT, 'an amendment cannot be deleted; add another'); END;

-- A safety gate (palp-sign-gates) passed on a practitioner's judgement.
CREATE TABLE gate_overrides (
  id          INTEGER PRIMARY KEY,
  visit_id    INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  gate        TEXT NOT NULL CHECK (length (gate) BETWEEN 1 AND 40 AND gate NOT GLOB '*[^a-z0-9-]*'),
  reason      TEXT NOT NULL CHECK (length (trim (reason)) BETWEEN 1 AND 500),
  by_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  at          TEXT NOT NULL CHECK (datetime (at) IS NOT NULL)
);

CREATE INDEX gate_overrides_visit ON gate_overrides (visit_id, id);

CREATE TRIGGER gate_overrides_frozen_update BEFORE UPDATE ON gate_overrides
BEGIN SELECT RAISE (ABORT, 'an override cannot be changed'); END;
CREATE TRIGGER gate_overrides_frozen_delete BEFORE DELETE ON gate_overrides
BEGIN SELECT RAISE (ABORT, 'an override cannot be deleted'); END;

CREATE TRIGGER soap_notes_audit_insert AFTER INSERT ON soap_notes
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'soap_notes', NEW.visit_id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('subjective', NEW.subjective, 'objective', NEW.objective,
                       'assessment', NEW.assessment, 'plan_text', NEW.plan_text,
                       'pain', NEW.pain, 'techniques', json (NEW.techniques),
                       'draping', NEW.draping, 'gloves', NEW.gloves,
                       'check_ins', NEW.check_ins, 'adverse_effects', NEW.adverse_effects));
END;

CREATE TRIGGER soap_notes_audit_update AFTER UPDATE ON soap_notes
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'soap_notes', NEW.visit_id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('subjective', OLD.subjective, 'objective', OLD.objective,
                       'assessment', OLD.assessment, 'plan_text', OLD.plan_text,
                       'pain', OLD.pain, 'techniques', json (OLD.techniques),
                       'draping', OLD.draping, 'gloves', OLD.gloves,
                       'check_ins', OLD.check_ins, 'adverse_effects', OLD.adverse_effects),
          json_object ('subjective', NEW.subjective, 'objective', NEW.objective,
                       'assessment', NEW.assessment, 'plan_text', NEW.plan_text,
                       'pain', NEW.pain, 'techniques', json (NEW.techniques),
                       'draping', NEW.draping, 'gloves', NEW.gloves,
                       'check_ins', NEW.check_ins, 'adverse_effects', NEW.adverse_effects));
END;

CREATE TRIGGER soap_notes_audit_delete AFTER DELETE ON soap_notes
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'soap_notes', OLD.visit_id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('subjective', OLD.subjective, 'objective', OLD.objective,
                       'assessment', OLD.assessment, 'plan_text', OLD.plan_text,
                       'pain', OLD.pain));
END;

CREATE TRIGGER note_amendments_audit_insert AFTER INSERT ON note_amendments
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'amend', 'soap_notes', NEW.visit_id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('amendment_id', NEW.id, 'author_id', NEW.author_id,
                       'reason', NEW.reason, 'text', NEW.text));
END;

CREATE TRIGGER gate_overrides_audit_insert AFTER INSERT ON gate_overrides
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'override', 'gate_overrides', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'gate', NEW.gate, 'reason', NEW.reason,
                       'by_id', NEW.by_id));
END;
