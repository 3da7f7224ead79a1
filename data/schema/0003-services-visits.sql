-- Palpate schema 3: the service catalogue, visits and their billing lines.
--
-- A service is therapeutic, esthetic or other from the moment it is
-- created, and its category cannot change once anything has been billed
-- with it. Billing lines carry their service's category, checked here, so
-- no caller can file esthetic work under massage therapy.

CREATE TABLE services (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  category          TEXT NOT NULL CHECK (category IN ('therapeutic', 'esthetic', 'other')),
  duration_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 600),
  fee_cents         INTEGER NOT NULL CHECK (fee_cents BETWEEN 0 AND 100000000),
  cpt_code          TEXT CHECK (cpt_code IS NULL OR
                                (length(cpt_code) = 5 AND cpt_code NOT GLOB '*[^0-9]*')),
  timed             INTEGER NOT NULL DEFAULT 0 CHECK (timed IN (0, 1)),
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- Only massage therapy carries procedure codes and timed units.
  CHECK (category = 'therapeutic' OR (cpt_code IS NULL AND timed = 0))
);

CREATE TABLE service_taxes (
  id            INTEGER PRIMARY KEY,
  service_id    INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 20),
  rate_ppm      INTEGER NOT NULL CHECK (rate_ppm BETWEEN 1 AND 500000),
  registration  TEXT,
  UNIQUE (service_id, name)
);

CREATE TABLE visits (
  id                  INTEGER PRIMARY KEY,
  client_id           INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  practitioner_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  starts_at           TEXT NOT NULL CHECK (datetime (starts_at) IS NOT NULL),
  duration_minutes    INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
  status              TEXT NOT NULL DEFAULT 'booked'
                      CHECK (status IN ('booked', 'attended', 'cancelled', 'no-show')),
  -- A session combining therapeutic and esthetic work is discouraged; the
  -- admin who confirmed it anyway, and when, are kept.
  mixed_confirmed_by  INTEGER REFERENCES users (id),
  mixed_confirmed_at  TEXT,
  CHECK ((mixed_confirmed_by IS NULL) = (mixed_confirmed_at IS NULL))
);

CREATE INDEX visits_client ON visits (client_id, starts_at);
CREATE INDEX visits_day ON visits (starts_at);

CREATE TABLE visit_lines (
  id           INTEGER PRIMARY KEY,
  visit_id     INTEGER NOT NULL REFERENCES visits (id) ON DELETE CASCADE,
  service_id   INTEGER NOT NULL REFERENCES services (id) ON DELETE RESTRICT,
  category     TEXT NOT NULL CHECK (category IN ('therapeutic', 'esthetic', 'other')),
  description  TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 120),
  minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
  quantity     INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100),
  price_cents  INTEGER NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000)
);

CREATE INDEX visit_lines_visit ON visit_lines (visit_id);
CREATE INDEX visit_lines_service ON visit_lines (service_id);

-- A line is of its service's category, whoever writes it.
CREATE TRIGGER visit_lines_category_insert BEFORE INSERT ON visit_lines
WHEN NEW.category IS NOT (SELECT category FROM services WHERE id = NEW.service_id)
BEGIN SELECT RAISE (ABORT, 'a billing line must have its service''s category'); END;

CREATE TRIGGER visit_lines_category_update BEFORE UPDATE OF category, service_id ON visit_lines
WHEN NEW.category IS NOT (SELECT category FROM services WHERE id = NEW.service_id)
BEGIN SELECT RAISE (ABORT, 'a billing line must have its service''s category'); END;

-- Once billed, a service keeps its category.
CREATE TRIGGER services_category_frozen BEFORE UPDATE OF category ON services
WHEN NEW.category IS NOT OLD.category
     AND EXISTS (SELECT 1 FROM visit_lines WHERE service_id = OLD.id)
BEGIN SELECT RAISE (ABORT, 'the category of a billed service cannot change'); END;

-- Audit: the catalogue, visits and billing lines are financial records.
CREATE TRIGGER services_audit_insert AFTER INSERT ON services
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'services', NEW.id,
          json_object ('name', NEW.name, 'category', NEW.category, 'fee_cents', NEW.fee_cents,
                       'cpt_code', NEW.cpt_code, 'timed', NEW.timed, 'active', NEW.active));
END;

CREATE TRIGGER services_audit_update AFTER UPDATE ON services
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'services', NEW.id,
          json_object ('name', OLD.name, 'category', OLD.category, 'fee_cents', OLD.fee_cents,
                       'cpt_code', OLD.cpt_code, 'timed', OLD.timed, 'active', OLD.active),
          json_object ('name', NEW.name, 'category', NEW.category, 'fee_cents', NEW.fee_cents,
                       'cpt_code', NEW.cpt_code, 'timed', NEW.timed, 'active', NEW.active));
END;

CREATE TRIGGER service_taxes_audit_insert AFTER INSERT ON service_taxes
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'service_taxes', NEW.id,
          json_object ('service_id', NEW.service_id, 'name', NEW.name,
                       'rate_ppm', NEW.rate_ppm, 'registration', NEW.registration));
END;

CREATE TRIGGER service_taxes_audit_delete AFTER DELETE ON service_taxes
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before)
  VALUES (palp_actor (), 'delete', 'service_taxes', OLD.id,
          json_object ('service_id', OLD.service_id, 'name', OLD.name,
                       'rate_ppm', OLD.rate_ppm, 'registration', OLD.registration));
END;

CREATE TRIGGER visits_audit_insert AFTER INSERT ON visits
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'visits', NEW.id, NEW.client_id,
          json_object ('practitioner_id', NEW.practitioner_id, 'starts_at', NEW.starts_at,
                       'duration_minutes', NEW.duration_minutes, 'status', NEW.status));
END;

CREATE TRIGGER visits_audit_update AFTER UPDATE ON visits
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'visits', NEW.id, NEW.client_id,
          json_object ('practitioner_id', OLD.practitioner_id, 'starts_at', OLD.starts_at,
                       'duration_minutes', OLD.duration_minutes, 'status', OLD.status,
                       'mixed_confirmed_by', OLD.mixed_confirmed_by),
          json_object ('practitioner_id', NEW.practitioner_id, 'starts_at', NEW.starts_at,
                       'duration_minutes', NEW.duration_minutes, 'status', NEW.status,
                       'mixed_confirmed_by', NEW.mixed_confirmed_by));
END;

CREATE TRIGGER visit_lines_audit_insert AFTER INSERT ON visit_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'visit_lines', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'service_id', NEW.service_id,
                       'category', NEW.category, 'description', NEW.description,
                       'minutes', NEW.minutes, 'quantity', NEW.quantity,
                       'price_cents', NEW.price_cents));
END;

CREATE TRIGGER visit_lines_audit_update AFTER UPDATE ON visit_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'visit_lines', NEW.id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('minutes', OLD.minutes, 'quantity', OLD.quantity,
                       'price_cents', OLD.price_cents),
          json_object ('minutes', NEW.minutes, 'quantity', NEW.quantity,
                       'price_cents', NEW.price_cents));
END;

CREATE TRIGGER visit_lines_audit_delete AFTER DELETE ON visit_lines
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'visit_lines', OLD.id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('visit_id', OLD.visit_id, 'service_id', OLD.service_id,
                       'category', OLD.category, 'description', OLD.description,
                       'price_cents', OLD.price_cents));
END;
