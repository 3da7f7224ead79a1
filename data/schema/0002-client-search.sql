-- Palpate schema 2: full-text search over clients.
--
-- The tokenizer folds case and accents ("Zoë" is indexed as "zoe"); phone
-- numbers are indexed as bare digits and the birth date as YYYYMMDD, so a
-- search matches "206555" or "1980" by prefix.

CREATE VIRTUAL TABLE clients_fts USING fts5 (
  names, contact, birth,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO clients_fts (rowid, names, contact, birth)
  VALUES (NEW.id,
          coalesce (NEW.given_name, '') || ' ' || coalesce (NEW.middle_name, '') || ' ' || coalesce (NEW.family_name, '') || ' ' || coalesce (NEW.preferred_name, ''),
          coalesce (NEW.email, '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (NEW.mobile_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (NEW.home_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''),
          coalesce (replace (NEW.birth_date, '-', ''), ''));
END;

CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients
BEGIN
  DELETE FROM clients_fts WHERE rowid = OLD.id;
  INSERT INTO clients_fts (rowid, names, contact, birth)
  VALUES (NEW.id,
          coalesce (NEW.given_name, '') || ' ' || coalesce (NEW.middle_name, '') || ' ' || coalesce (NEW.family_name, '') || ' ' || coalesce (NEW.preferred_name, ''),
          coalesce (NEW.email, '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (NEW.mobile_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (NEW.home_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''),
          coalesce (replace (NEW.birth_date, '-', ''), ''));
END;

CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM clients_fts WHERE rowid = OLD.id;
END;

-- Clients that existed before the index.
INSERT INTO clients_fts (rowid, names, contact, birth)
SELECT id,
       coalesce (given_name, '') || ' ' || coalesce (middle_name, '') || ' ' || coalesce (family_name, '') || ' ' || coalesce (preferred_name, ''),
       coalesce (email, '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (mobile_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '') || ' ' || replace (replace (replace (replace (replace (replace (coalesce (home_phone, ''), ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''),
       coalesce (replace (birth_date, '-', ''), '')
FROM clients;
