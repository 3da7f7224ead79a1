-- Palpate schema 5: the body chart's marks, and a visit's signature.
--
-- Marks belong to a visit. Once the visit's record is signed they are
-- part of a legal document: no insert, update or delete after that, in
-- SQL as in C. (Signed notes and their amendments build on
-- visit_signatures.)

CREATE TABLE visit_signatures (
  visit_id   INTEGER PRIMARY KEY REFERENCES visits (id) ON DELETE RESTRICT,
  signed_at  TEXT NOT NULL CHECK (datetime (signed_at) IS NOT NULL),
  signed_by  INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT
);

CREATE TRIGGER visit_signatures_frozen_update BEFORE UPDATE ON visit_signatures
BEGIN SELECT RAISE (ABORT, 'a signature cannot be changed; add an amendment'); END;
CREATE TRIGGER visit_signatures_frozen_delete BEFORE DELETE ON visit_signatures
BEGIN SELECT RAISE (ABORT, 'a signature cannot be removed; add an amendment'); END;

CREATE TABLE chart_marks (
  id             INTEGER PRIMARY KEY,
  visit_id       INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  atlas_version  INTEGER NOT NULL CHECK (atlas_version >= 1),
  view           TEXT NOT NULL CHECK (view IN ('body-anterior', 'body-posterior', 'head-left',
                                               'head-right', 'face', 'intra-oral')),
  kind           TEXT NOT NULL CHECK (kind IN ('aching', 'burning', 'stabbing',
                                               'pins-and-needles', 'numbness', 'tenderness',
                                               'trigger-point', 'hypertonicity', 'spasm',
                                               'swelling', 'scar', 'lesion', 'restricted',
                                               'avoid', 'treated')),
  shape          TEXT NOT NULL CHECK (shape IN ('point', 'area', 'arrow')),
  geometry       TEXT NOT NULL CHECK (json_valid (geometry) AND json_type (geometry) = 'array'
                                      AND length (geometry) <= 80000),
  regions        TEXT CHECK (regions IS NULL OR length (regions) <= 2000),
  intensity      INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 0 AND 10),
  depth          TEXT CHECK (depth IS NULL OR depth IN ('superficial', 'deep')),
  note           TEXT CHECK (note IS NULL OR length (note) <= 2000),
  created_by     INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  created_at     TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  CHECK ((shape = 'point' AND json_array_length (geometry) = 1) OR
         (shape = 'arrow' AND json_array_length (geometry) = 2 AND kind = 'trigger-point') OR
         (shape = 'area' AND json_array_length (geometry) BETWEEN 3 AND 2000)),
  -- Zones and some findings have no intensity.
  CHECK (intensity IS NULL OR kind NOT IN ('scar', 'lesion', 'restricted', 'avoid', 'treated'))
);

CREATE INDEX chart_marks_visit ON chart_marks (visit_id, id);

CREATE TRIGGER chart_marks_signed_insert BEFORE INSERT ON chart_marks
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = NEW.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its chart cannot change'); END;
CREATE TRIGGER chart_marks_signed_update BEFORE UPDATE ON chart_marks
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id IN (OLD.visit_id, NEW.visit_id))
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its chart cannot change'); END;
CREATE TRIGGER chart_marks_signed_delete BEFORE DELETE ON chart_marks
WHEN EXISTS (SELECT 1 FROM visit_signatures WHERE visit_id = OLD.visit_id)
BEGIN SELECT RAISE (ABORT, 'the visit is signed: its chart cannot change'); END;

-- Audit: the chart is clinical data.
CREATE TRIGGER chart_marks_audit_insert AFTER INSERT ON chart_marks
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'chart_marks', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'view', NEW.view, 'kind', NEW.kind,
                       'shape', NEW.shape, 'geometry', NEW.geometry, 'regions', NEW.regions,
                       'intensity', NEW.intensity, 'depth', NEW.depth, 'note', NEW.note));
END;

CREATE TRIGGER chart_marks_audit_update AFTER UPDATE ON chart_marks
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'chart_marks', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('view', OLD.view, 'kind', OLD.kind, 'shape', OLD.shape,
                       'geometry', OLD.geometry, 'regions', OLD.regions,
                       'intensity', OLD.intensity, 'depth', OLD.depth, 'note', OLD.note),
          json_object ('view', NEW.view, 'kind', NEW.kind, 'shape', NEW.shape,
                       'geometry', NEW.geometry, 'regions', NEW.regions,
                       'intensity', NEW.intensity, 'depth', NEW.depth, 'note', NEW.note));
END;

CREATE TRIGGER chart_marks_audit_delete AFTER DELETE ON chart_marks
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'chart_marks', OLD.id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('view', OLD.view, 'kind', OLD.kind, 'shape', OLD.shape,
                       'geometry', OLD.geometry, 'regions', OLD.regions,
                       'intensity', OLD.intensity, 'note', OLD.note));
END;

CREATE TRIGGER visit_signatures_audit_insert AFTER INSERT ON visit_signatures
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'sign', 'visits', NEW.visit_id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('signed_at', NEW.signed_at, 'signed_by', NEW.signed_by));
END;
