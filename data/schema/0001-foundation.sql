-- Palpate schema 1: the clinic, its people and its clients.
--
-- Audit triggers call palp_actor(), an SQL function the application
-- registers on its connection: it returns the acting user's id and fails
-- when nobody is acting, so no write escapes the audit log.

CREATE TABLE clinic (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT,
  esthetic_name TEXT,
  street        TEXT,
  city          TEXT,
  region        TEXT,
  postal_code   TEXT,
  phone         TEXT,
  email         TEXT,
  website       TEXT,
  country       TEXT NOT NULL DEFAULT 'US' CHECK (country IN ('US', 'CA')),
  currency      TEXT NOT NULL DEFAULT 'USD',
  paper_size    TEXT NOT NULL DEFAULT 'letter' CHECK (paper_size IN ('letter', 'a4')),
  tax_id        TEXT,
  tax_numbers   TEXT,
  logo          BLOB,
  is_demo       INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
);

INSERT INTO clinic (id) VALUES (1);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(login) BETWEEN 1 AND 64),
  display_name  TEXT NOT NULL CHECK (length(display_name) >= 1),
  roles         INTEGER NOT NULL DEFAULT 0 CHECK (roles BETWEEN 0 AND 3),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE practitioners (
  user_id            INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE RESTRICT,
  credentials        TEXT,
  profession         TEXT,
  association        TEXT,
  association_number TEXT,
  npi                TEXT,
  signature          BLOB
);

CREATE TABLE licences (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  kind          TEXT NOT NULL CHECK (kind IN ('licence', 'endorsement')),
  number        TEXT,
  jurisdiction  TEXT,
  endorsement   TEXT,
  issued        TEXT CHECK (issued IS NULL OR date(issued) = issued),
  expires       TEXT CHECK (expires IS NULL OR date(expires) = expires),
  CHECK (kind = 'licence' OR endorsement IS NOT NULL)
);

CREATE INDEX licences_user ON licences (user_id);

CREATE TABLE clients (
  id                    INTEGER PRIMARY KEY,
  given_name            TEXT NOT NULL CHECK (length(trim(given_name)) >= 1),
  middle_name           TEXT,
  family_name           TEXT NOT NULL CHECK (length(trim(family_name)) >= 1),
  preferred_name        TEXT,
  birth_date            TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),
  sex                   TEXT CHECK (sex IS NULL OR sex IN ('F', 'M', 'X', 'U')),
  pronouns              TEXT,
  mobile_phone          TEXT,
  home_phone            TEXT,
  email                 TEXT,
  street                TEXT,
  city                  TEXT,
  region                TEXT,
  postal_code           TEXT,
  emergency_name        TEXT,
  emergency_phone       TEXT,
  guardian_name         TEXT,
  guardian_relationship TEXT,
  guardian_phone        TEXT,
  notes                 TEXT,
  archived              INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- With archived, listing every client reads this index alone, not 20,000 rows.
CREATE INDEX clients_sort ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE, id,
                                      archived);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  user_id     INTEGER NOT NULL,
  action      TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      INTEGER,
  client_id   INTEGER,
  before      TEXT,
  after       TEXT
);

CREATE INDEX audit_client ON audit_log (client_id, id);

-- The log is append-only.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log cannot be changed'); END;

-- clients
CREATE TRIGGER clients_audit_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'clients', NEW.id, NEW.id,
          json_object ('given_name', NEW.given_name, 'middle_name', NEW.middle_name,
                       'family_name', NEW.family_name, 'preferred_name', NEW.preferred_name,
                       'birth_date', NEW.birth_date, 'sex', NEW.sex, 'pronouns', NEW.pronouns,
                       'mobile_phone', NEW.mobile_phone, 'home_phone', NEW.home_phone,
                       'email', NEW.email, 'street', NEW.street, 'city', NEW.city,
                       'region', NEW.region, 'postal_code', NEW.postal_code,
                       'emergency_name', NEW.emergency_name,
                       'emergency_phone', NEW.emergency_phone,
                       'guardian_name', NEW.guardian_name,
                       'guardian_relationship', NEW.guardian_relationship,
                       'guardian_phone', NEW.guardian_phone, 'notes', NEW.notes,
                       'archived', NEW.archived));
END;

CREATE TRIGGER clients_audit_update AFTER UPDATE ON clients
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'clients', NEW.id, NEW.id,
          json_object ('given_name', OLD.given_name, 'middle_name', OLD.middle_name,
                       'family_name', OLD.family_name, 'preferred_name', OLD.preferred_name,
                       'birth_date', OLD.birth_date, 'sex', OLD.sex, 'pronouns', OLD.pronouns,
                       'mobile_phone', OLD.mobile_phone, 'home_phone', OLD.home_phone,
                       'email', OLD.email, 'street', OLD.street, 'city', OLD.city,
                       'region', OLD.region, 'postal_code', OLD.postal_code,
                       'emergency_name', OLD.emergency_name,
                       'emergency_phone', OLD.emergency_phone,
                       'guardian_name', OLD.guardian_name,
                       'guardian_relationship', OLD.guardian_relationship,
                       'guardian_phone', OLD.guardian_phone, 'notes', OLD.notes,
                       'archived', OLD.archived),
          json_object ('given_name', NEW.given_name, 'middle_name', NEW.middle_name,
                       'family_name', NEW.family_name, 'preferred_name', NEW.preferred_name,
                       'birth_date', NEW.birth_date, 'sex', NEW.sex, 'pronouns', NEW.pronouns,
                       'mobile_phone', NEW.mobile_phone, 'home_phone', NEW.home_phone,
                       'email', NEW.email, 'street', NEW.street, 'city', NEW.city,
                       'region', NEW.region, 'postal_code', NEW.postal_code,
                       'emergency_name', NEW.emergency_name,
                       'emergency_phone', NEW.emergency_phone,
                       'guardian_name', NEW.guardian_name,
                       'guardian_relationship', NEW.guardian_relationship,
                       'guardian_phone', NEW.guardian_phone, 'notes', NEW.notes,
                       'archived', NEW.archived));
END;

CREATE TRIGGER clients_audit_delete AFTER DELETE ON clients
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'clients', OLD.id, OLD.id,
          json_object ('given_name', OLD.given_name, 'family_name', OLD.family_name,
                       'birth_date', OLD.birth_date));
END;

-- users and practitioner details
CREATE TRIGGER users_audit_insert AFTER INSERT ON users
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'users', NEW.id,
          json_object ('login', NEW.login, 'display_name', NEW.display_name,
                       'roles', NEW.roles, 'active', NEW.active));
END;

CREATE TRIGGER users_audit_update AFTER UPDATE ON users
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'users', NEW.id,
          json_object ('login', OLD.login, 'display_name', OLD.display_name,
                       'roles', OLD.roles, 'active', OLD.active),
          json_object ('login', NEW.login, 'display_name', NEW.display_name,
                       'roles', NEW.roles, 'active', NEW.active));
END;

CREATE TRIGGER practitioners_audit_insert AFTER INSERT ON practitioners
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'practitioners', NEW.user_id,
          json_object ('credentials', NEW.credentials, 'profession', NEW.profession,
                       'association', NEW.association,
                       'association_number', NEW.association_number, 'npi', NEW.npi));
END;

CREATE TRIGGER practitioners_audit_update AFTER UPDATE ON practitioners
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'practitioners', NEW.user_id,
          json_object ('credentials', OLD.credentials, 'profession', OLD.profession,
                       'association', OLD.association,
                       'association_number', OLD.association_number, 'npi', OLD.npi),
          json_object ('credentials', NEW.credentials, 'profession', NEW.profession,
                       'association', NEW.association,
                       'association_number', NEW.association_number, 'npi', NEW.npi));
END;

-- licences
CREATE TRIGGER licences_audit_insert AFTER INSERT ON licences
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'licences', NEW.id,
          json_object ('user_id', NEW.user_id, 'kind', NEW.kind, 'number', NEW.number,
                       'jurisdiction', NEW.jurisdiction, 'endorsement', NEW.endorsement,
                       'issued', NEW.issued, 'expires', NEW.expires));
END;

CREATE TRIGGER licences_audit_update AFTER UPDATE ON licences
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'licences', NEW.id,
          json_object ('user_id', OLD.user_id, 'kind', OLD.kind, 'number', OLD.number,
                       'jurisdiction', OLD.jurisdiction, 'endorsement', OLD.endorsement,
                       'issued', OLD.issued, 'expires', OLD.expires),
          json_object ('user_id', NEW.user_id, 'kind', NEW.kind, 'number', NEW.number,
                       'jurisdiction', NEW.jurisdiction, 'endorsement', NEW.endorsement,
                       'issued', NEW.issued, 'expires', NEW.expires));
END;

CREATE TRIGGER licences_audit_delete AFTER DELETE ON licences
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before)
  VALUES (palp_actor (), 'delete', 'licences', OLD.id,
          json_object ('user_id', OLD.user_id, 'kind', OLD.kind, 'number', OLD.number,
                       'jurisdiction', OLD.jurisdiction, 'expires', OLD.expires));
END;

-- clinic profile
CREATE TRIGGER clinic_audit_update AFTER UPDATE ON clinic
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'clinic', NEW.id,
          json_object ('name', OLD.name, 'esthetic_name', OLD.esthetic_name,
                       'country', OLD.country, 'currency', OLD.currency,
                       'paper_size', OLD.paper_size, 'tax_id', OLD.tax_id,
                       'tax_numbers', OLD.tax_numbers),
          json_object ('name', NEW.name, 'esthetic_name', NEW.esthetic_name,
                       'country', NEW.country, 'currency', NEW.currency,
                       'paper_size', NEW.paper_size, 'tax_id', NEW.tax_id,
                       'tax_numbers', NEW.tax_numbers));
END;
