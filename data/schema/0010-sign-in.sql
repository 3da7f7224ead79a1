-- Palpate schema 10: sign-in and the clinic's security settings.
--
-- A user's PIN or password is kept as a yescrypt hash only (palp-password.h);
-- the row also counts wrong tries in a row and says until when the account
-- is locked (Unix time). Setting, changing or removing a secret is audited,
-- never with the hash; sign-ins, wrong tries and lock-outs are written to
-- the audit log by the store as they happen, with the user who tried.

CREATE TABLE user_secrets (
  user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE RESTRICT,
  kind          TEXT NOT NULL CHECK (kind IN ('pin', 'password')),
  -- A crypt(3) hash ("$y$..."), never the secret itself.
  hash          TEXT NOT NULL CHECK (hash GLOB '$y$*$*' AND length (hash) BETWEEN 20 AND 200),
  set_by        INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  set_at        TEXT NOT NULL CHECK (datetime (set_at) IS NOT NULL),
  failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
  locked_until  INTEGER NOT NULL DEFAULT 0 CHECK (locked_until >= 0)
);

CREATE TRIGGER user_secrets_audit_insert AFTER INSERT ON user_secrets
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'set-secret', 'user_secrets', NEW.user_id,
          json_object ('kind', NEW.kind, 'set_by', NEW.set_by));
END;

CREATE TRIGGER user_secrets_audit_update AFTER UPDATE OF kind, hash ON user_secrets
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'set-secret', 'user_secrets', NEW.user_id,
          json_object ('kind', OLD.kind), json_object ('kind', NEW.kind, 'set_by', NEW.set_by));
END;

CREATE TRIGGER user_secrets_audit_delete AFTER DELETE ON user_secrets
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before)
  VALUES (palp_actor (), 'clear-secret', 'user_secrets', OLD.user_id,
          json_object ('kind', OLD.kind));
END;

-- Security settings: one row, changed by admins, never deleted ------------

CREATE TABLE security_settings (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  -- Every user must sign in with a PIN or password (those without one set
  -- one at their next sign-in).
  require_sign_in         INTEGER NOT NULL DEFAULT 0 CHECK (require_sign_in IN (0, 1)),
  -- The window locks after this many minutes without input.
  idle_lock_minutes       INTEGER NOT NULL DEFAULT 5 CHECK (idle_lock_minutes BETWEEN 1 AND 240),
  -- Admins who are not practitioners may read the narrative of notes.
  admins_read_narratives  INTEGER NOT NULL DEFAULT 0 CHECK (admins_read_narratives IN (0, 1)),
  updated_by              INTEGER REFERENCES users (id) ON DELETE RESTRICT,
  updated_at              TEXT CHECK (updated_at IS NULL OR datetime (updated_at) IS NOT NULL)
);

INSERT INTO security_settings (id) VALUES (1);

CREATE TRIGGER security_settings_kept BEFORE DELETE ON security_settings
BEGIN SELECT RAISE (ABORT, 'the security settings are changed, never deleted'); END;
CREATE TRIGGER security_settings_one BEFORE INSERT ON security_settings
BEGIN SELECT RAISE (ABORT, 'the clinic has one set of security settings'); END;

CREATE TRIGGER security_settings_audit_update AFTER UPDATE ON security_settings
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'security_settings', NEW.id,
          json_object ('require_sign_in', OLD.require_sign_in,
                       'idle_lock_minutes', OLD.idle_lock_minutes,
                       'admins_read_narratives', OLD.admins_read_narratives),
          json_object ('require_sign_in', NEW.require_sign_in,
                       'idle_lock_minutes', NEW.idle_lock_minutes,
                       'admins_read_narratives', NEW.admins_read_narratives));
END;
