-- Palpate schema 8: what a plan of care says besides its goals.
--
-- The plan names the diagnoses it addresses (the client's own), how often
-- and how long the sessions are and how many, the techniques, the home
-- care, and when the client is assessed again. A discharge says which
-- kind of end it is (goals met, maximum medical improvement, the client's
-- choice, referred out, or another reason in words), so reports can count
-- them. A discharged plan stays as it was, diagnoses included.

ALTER TABLE plans ADD COLUMN session_minutes INTEGER
  CHECK (session_minutes IS NULL OR session_minutes BETWEEN 5 AND 480);
ALTER TABLE plans ADD COLUMN sessions INTEGER
  CHECK (sessions IS NULL OR sessions BETWEEN 1 AND 500);
ALTER TABLE plans ADD COLUMN techniques TEXT
  CHECK (techniques IS NULL OR length (techniques) <= 4000);
ALTER TABLE plans ADD COLUMN home_care TEXT
  CHECK (home_care IS NULL OR length (home_care) <= 4000);
ALTER TABLE plans ADD COLUMN reassess_on TEXT
  CHECK (reassess_on IS NULL OR date (reassess_on) = reassess_on);
ALTER TABLE plans ADD COLUMN discharge_kind TEXT
  CHECK (discharge_kind IS NULL
         OR discharge_kind IN ('goals-met', 'maximum-improvement', 'client-choice',
                               'referred-out', 'other'));

CREATE TRIGGER plans_discharge_kind BEFORE UPDATE OF discharge_kind ON plans
WHEN NEW.discharge_kind IS NOT NULL AND NEW.status IS NOT 'discharged'
BEGIN SELECT RAISE (ABORT, 'only a discharge says how the plan ended'); END;
CREATE TRIGGER plans_reassess_after_start BEFORE UPDATE OF reassess_on, started_on ON plans
WHEN NEW.reassess_on IS NOT NULL AND NEW.reassess_on < NEW.started_on
BEGIN SELECT RAISE (ABORT, 'a plan is re-assessed after it starts'); END;
CREATE TRIGGER plans_reassess_after_start_insert BEFORE INSERT ON plans
WHEN NEW.reassess_on IS NOT NULL AND NEW.reassess_on < NEW.started_on
BEGIN SELECT RAISE (ABORT, 'a plan is re-assessed after it starts'); END;

CREATE TABLE plan_diagnoses (
  plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE RESTRICT,
  diagnosis_id  INTEGER NOT NULL REFERENCES diagnoses (id) ON DELETE RESTRICT,
  PRIMARY KEY (plan_id, diagnosis_id)
) WITHOUT ROWID;

CREATE INDEX plan_diagnoses_diagnosis ON plan_diagnoses (diagnosis_id);

CREATE TRIGGER plan_diagnoses_client BEFORE INSERT ON plan_diagnoses
WHEN (SELECT client_id FROM plans WHERE id = NEW.plan_id)
     IS NOT (SELECT client_id FROM diagnoses WHERE id = NEW.diagnosis_id)
BEGIN SELECT RAISE (ABORT, 'a plan addresses its own client''s diagnoses'); END;
CREATE TRIGGER plan_diagnoses_discharged_insert BEFORE INSERT ON plan_diagnoses
WHEN (SELECT status FROM plans WHERE id = NEW.plan_id) = 'discharged'
BEGIN SELECT RAISE (ABORT, 'a discharged plan cannot change; start a new one'); END;
CREATE TRIGGER plan_diagnoses_discharged_delete BEFORE DELETE ON plan_diagnoses
WHEN (SELECT status FROM plans WHERE id = OLD.plan_id) = 'discharged'
BEGIN SELECT RAISE (ABORT, 'a discharged plan cannot change; start a new one'); END;
CREATE TRIGGER plan_diagnoses_frozen_update BEFORE UPDATE ON plan_diagnoses
BEGIN SELECT RAISE (ABORT, 'remove the diagnosis from the plan and add another'); END;

CREATE TRIGGER plan_diagnoses_audit_insert AFTER INSERT ON plan_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'plan_diagnoses', NEW.plan_id,
          (SELECT client_id FROM plans WHERE id = NEW.plan_id),
          json_object ('diagnosis_id', NEW.diagnosis_id));
END;

CREATE TRIGGER plan_diagnoses_audit_delete AFTER DELETE ON plan_diagnoses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'plan_diagnoses', OLD.plan_id,
          (SELECT client_id FROM plans WHERE id = OLD.plan_id),
          json_object ('diagnosis_id', OLD.diagnosis_id));
END;

-- The audit of a plan names the new fields too.
DROP TRIGGER plans_audit_insert;
DROP TRIGGER plans_audit_update;

CREATE TRIGGER plans_audit_insert AFTER INSERT ON plans
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'plans', NEW.id, NEW.client_id,
          json_object ('practitioner_id', NEW.practitioner_id, 'started_on', NEW.started_on,
                       'summary', NEW.summary, 'frequency', NEW.frequency,
                       'session_minutes', NEW.session_minutes, 'sessions', NEW.sessions,
                       'techniques', NEW.techniques, 'home_care', NEW.home_care,
                       'reassess_on', NEW.reassess_on, 'status', NEW.status));
END;

CREATE TRIGGER plans_audit_update AFTER UPDATE ON plans
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'plans', NEW.id, NEW.client_id,
          json_object ('practitioner_id', OLD.practitioner_id, 'started_on', OLD.started_on,
                       'summary', OLD.summary, 'frequency', OLD.frequency,
                       'session_minutes', OLD.session_minutes, 'sessions', OLD.sessions,
                       'techniques', OLD.techniques, 'home_care', OLD.home_care,
                       'reassess_on', OLD.reassess_on, 'status', OLD.status,
                       'discharged_on', OLD.discharged_on,
                       'discharge_kind', OLD.discharge_kind,
                       'discharge_reason', OLD.discharge_reason),
          json_object ('practitioner_id', NEW.practitioner_id, 'started_on', NEW.started_on,
                       'summary', NEW.summary, 'frequency', NEW.frequency,
                       'session_minutes', NEW.session_minutes, 'sessions', NEW.sessions,
                       'techniques', NEW.techniques, 'home_care', NEW.home_care,
                       'reassess_on', NEW.reassess_on, 'status', NEW.status,
                       'discharged_on', NEW.discharged_on,
                       'discharge_kind', NEW.discharge_kind,
                       'discharge_reason', NEW.discharge_reason));
END;
