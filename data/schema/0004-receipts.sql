-- Palpate schema 4: receipts.
--
-- An issued receipt is a legal document: its rows are never updated or
-- deleted (a mistake is corrected by a void, kept beside it, and a new
-- receipt). One receipt holds one category and one practitioner. Numbers
-- run without gaps per series and year: the counter only ever moves up by
-- one, in the same transaction as the receipt that takes the number.

-- How receipts are numbered (palp-receipt-number.h); NULL: the default.
ALTER TABLE clinic ADD COLUMN receipt_pattern TEXT
  CHECK (receipt_pattern IS NULL OR length (receipt_pattern) BETWEEN 1 AND 60);

-- The last number taken per series; per year when the pattern has the
-- year in it, else under year 0 (numbers never restart).
CREATE TABLE receipt_series (
  series    TEXT NOT NULL CHECK (series IN ('T', 'E', 'G')),
  year      INTEGER NOT NULL CHECK (year = 0 OR year BETWEEN 2000 AND 2999),
  last_seq  INTEGER NOT NULL CHECK (last_seq >= 1),
  PRIMARY KEY (series, year)
);

CREATE TABLE receipts (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  series           TEXT NOT NULL CHECK (series IN ('T', 'E', 'G')),
  year             INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  counter_year     INTEGER NOT NULL CHECK (counter_year IN (0, year)),
  seq              INTEGER NOT NULL CHECK (seq >= 1),
  category         TEXT NOT NULL CHECK (category IN ('therapeutic', 'esthetic', 'other')),
  client_id        INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  practitioner_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  issued_at        TEXT NOT NULL,
  issued_by        INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  subtotal_cents   INTEGER NOT NULL CHECK (subtotal_cents >= 0),
  tax_cents        INTEGER NOT NULL CHECK (tax_cents >= 0),
  total_cents      INTEGER NOT NULL CHECK (total_cents = subtotal_cents + tax_cents),
  -- The voided receipt this one corrects (its payments carry over).
  replaces_id      INTEGER UNIQUE REFERENCES receipts (id) ON DELETE RESTRICT,
  UNIQUE (series, counter_year, seq),
  -- Each category has its own series: T therapeutic, E esthetic, G other.
  CHECK ((category = 'therapeutic' AND series = 'T') OR
         (category = 'esthetic' AND series = 'E') OR
         (category = 'other' AND series = 'G'))
);

CREATE INDEX receipts_client ON receipts (client_id, issued_at);

CREATE TABLE receipt_lines (
  id             INTEGER PRIMARY KEY,
  receipt_id     INTEGER NOT NULL REFERENCES receipts (id) ON DELETE RESTRICT,
  visit_line_id  INTEGER NOT NULL REFERENCES visit_lines (id) ON DELETE RESTRICT,
  category       TEXT NOT NULL CHECK (category IN ('therapeutic', 'esthetic', 'other')),
  service_date   TEXT NOT NULL,
  description    TEXT NOT NULL,
  code           TEXT,
  minutes        INTEGER NOT NULL,
  quantity       INTEGER NOT NULL,
  price_cents    INTEGER NOT NULL,
  amount_cents   INTEGER NOT NULL,
  -- Esthetic and other receipts never show a procedure code.
  CHECK (category = 'therapeutic' OR code IS NULL)
);

CREATE INDEX receipt_lines_receipt ON receipt_lines (receipt_id);
CREATE INDEX receipt_lines_visit_line ON receipt_lines (visit_line_id);

CREATE TABLE receipt_taxes (
  id            INTEGER PRIMARY KEY,
  receipt_id    INTEGER NOT NULL REFERENCES receipts (id) ON DELETE RESTRICT,
  name          TEXT NOT NULL,
  rate_ppm      INTEGER NOT NULL,
  registration  TEXT,
  base_cents    INTEGER NOT NULL,
  amount_cents  INTEGER NOT NULL
);

CREATE TABLE receipt_voids (
  receipt_id  INTEGER PRIMARY KEY REFERENCES receipts (id) ON DELETE RESTRICT,
  voided_at   TEXT NOT NULL,
  voided_by   INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  reason      TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500)
);

-- The PDF as issued, and its SHA-256: a reprint years later is these bytes.
CREATE TABLE receipt_documents (
  receipt_id  INTEGER PRIMARY KEY REFERENCES receipts (id) ON DELETE RESTRICT,
  pdf         BLOB NOT NULL CHECK (length (pdf) > 0),
  sha256      TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
);

-- Money received or refunded. A payment is recorded once and never
-- changed: a mistake is put right with a refund row.
CREATE TABLE payments (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  receipt_id   INTEGER REFERENCES receipts (id) ON DELETE RESTRICT,
  kind         TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
  method       TEXT NOT NULL CHECK (method IN ('cash', 'card', 'cheque', 'e-transfer',
                                                'insurance', 'hsa-fsa')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 100000000),
  received_at  TEXT NOT NULL CHECK (datetime (received_at) IS NOT NULL),
  recorded_by  INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  reference    TEXT CHECK (reference IS NULL OR length (reference) <= 60),
  note         TEXT CHECK (note IS NULL OR length (note) <= 500)
);

CREATE INDEX payments_client ON payments (client_id, received_at);
CREATE INDEX payments_receipt ON payments (receipt_id);
CREATE INDEX payments_day ON payments (received_at);

-- Gapless numbering.
CREATE TRIGGER receipts_number_next BEFORE INSERT ON receipts
WHEN NEW.seq IS NOT coalesce ((SELECT last_seq FROM receipt_series
                              WHERE series = NEW.series AND year = NEW.counter_year), 0) + 1
BEGIN SELECT RAISE (ABORT, 'receipt numbers run without gaps'); END;

CREATE TRIGGER receipts_number_take AFTER INSERT ON receipts
BEGIN
  INSERT INTO receipt_series (series, year, last_seq) VALUES (NEW.series, NEW.counter_year, NEW.seq)
  ON CONFLICT (series, year) DO UPDATE SET last_seq = excluded.last_seq;
END;

CREATE TRIGGER receipt_series_forward BEFORE UPDATE ON receipt_series
WHEN NEW.last_seq IS NOT OLD.last_seq + 1 OR NEW.series IS NOT OLD.series
     OR NEW.year IS NOT OLD.year
BEGIN SELECT RAISE (ABORT, 'receipt numbers run without gaps'); END;

CREATE TRIGGER receipt_series_kept BEFORE DELETE ON receipt_series
BEGIN SELECT RAISE (ABORT, 'receipt numbers run without gaps'); END;

-- Issued means frozen.
CREATE TRIGGER receipts_frozen_update BEFORE UPDATE ON receipts
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be changed; void it instead'); END;
CREATE TRIGGER receipts_frozen_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be deleted; void it instead'); END;
CREATE TRIGGER receipt_lines_frozen_update BEFORE UPDATE ON receipt_lines
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be changed; void it instead'); END;
CREATE TRIGGER receipt_lines_frozen_delete BEFORE DELETE ON receipt_lines
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be deleted; void it instead'); END;
CREATE TRIGGER receipt_taxes_frozen_update BEFORE UPDATE ON receipt_taxes
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be changed; void it instead'); END;
CREATE TRIGGER receipt_taxes_frozen_delete BEFORE DELETE ON receipt_taxes
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be deleted; void it instead'); END;
CREATE TRIGGER receipt_documents_frozen_update BEFORE UPDATE ON receipt_documents
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be changed; void it instead'); END;
CREATE TRIGGER receipt_documents_frozen_delete BEFORE DELETE ON receipt_documents
BEGIN SELECT RAISE (ABORT, 'an issued receipt cannot be deleted; void it instead'); END;
CREATE TRIGGER payments_frozen_update BEFORE UPDATE ON payments
BEGIN SELECT RAISE (ABORT, 'a recorded payment cannot be changed; record a refund instead'); END;
CREATE TRIGGER payments_frozen_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE (ABORT, 'a recorded payment cannot be deleted; record a refund instead'); END;

-- A payment on a receipt is the receipt's client's; no insurer pays for
-- cosmetic work.
CREATE TRIGGER payments_receipt_client BEFORE INSERT ON payments
WHEN NEW.receipt_id IS NOT NULL
     AND NEW.client_id IS NOT (SELECT client_id FROM receipts WHERE id = NEW.receipt_id)
BEGIN SELECT RAISE (ABORT, 'a payment on a receipt must be from that receipt''s client'); END;

CREATE TRIGGER payments_no_insurer_for_esthetic BEFORE INSERT ON payments
WHEN NEW.method IN ('insurance', 'hsa-fsa')
     AND (SELECT category FROM receipts WHERE id = NEW.receipt_id) IS NOT 'therapeutic'
BEGIN SELECT RAISE (ABORT, 'only massage therapy may be paid by insurance or a health account'); END;

-- Only a voided receipt can be replaced.
CREATE TRIGGER receipts_replace_voided BEFORE INSERT ON receipts
WHEN NEW.replaces_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM receipt_voids WHERE receipt_id = NEW.replaces_id)
BEGIN SELECT RAISE (ABORT, 'only a voided receipt can be replaced'); END;

CREATE TRIGGER receipt_voids_frozen_update BEFORE UPDATE ON receipt_voids
BEGIN SELECT RAISE (ABORT, 'a void cannot be changed'); END;
CREATE TRIGGER receipt_voids_frozen_delete BEFORE DELETE ON receipt_voids
BEGIN SELECT RAISE (ABORT, 'a void cannot be undone; issue a new receipt'); END;

-- Lines go onto receipts of their own category, and only while the
-- receipt is being issued (lines cannot be slipped onto an old one).
CREATE TRIGGER receipt_lines_category BEFORE INSERT ON receipt_lines
WHEN NEW.category IS NOT (SELECT category FROM receipts WHERE id = NEW.receipt_id)
     OR NEW.category IS NOT (SELECT category FROM visit_lines WHERE id = NEW.visit_line_id)
BEGIN SELECT RAISE (ABORT, 'a receipt holds lines of its own category only'); END;

CREATE TRIGGER receipt_lines_once BEFORE INSERT ON receipt_lines
WHEN EXISTS (SELECT 1 FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id
             WHERE l.visit_line_id = NEW.visit_line_id
               AND r.id NOT IN (SELECT receipt_id FROM receipt_voids))
BEGIN SELECT RAISE (ABORT, 'this service is already on a receipt'); END;

-- What a valid receipt shows is no longer editable on the visit.
CREATE TRIGGER visit_lines_receipted_update BEFORE UPDATE ON visit_lines
WHEN EXISTS (SELECT 1 FROM receipt_lines l WHERE l.visit_line_id = OLD.id
             AND l.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids))
BEGIN SELECT RAISE (ABORT, 'this service is on an issued receipt; void the receipt first'); END;

CREATE TRIGGER visit_lines_receipted_delete BEFORE DELETE ON visit_lines
WHEN EXISTS (SELECT 1 FROM receipt_lines l WHERE l.visit_line_id = OLD.id)
BEGIN SELECT RAISE (ABORT, 'this service is on an issued receipt'); END;

CREATE TRIGGER receipts_audit_insert AFTER INSERT ON receipts
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'receipts', NEW.id, NEW.client_id,
          json_object ('number', NEW.number, 'category', NEW.category,
                       'practitioner_id', NEW.practitioner_id, 'total_cents', NEW.total_cents));
END;

CREATE TRIGGER receipt_voids_audit_insert AFTER INSERT ON receipt_voids
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'void', 'receipts', NEW.receipt_id,
          (SELECT client_id FROM receipts WHERE id = NEW.receipt_id),
          json_object ('reason', NEW.reason, 'voided_by', NEW.voided_by));
END;

CREATE TRIGGER payments_audit_insert AFTER INSERT ON payments
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'payments', NEW.id, NEW.client_id,
          json_object ('kind', NEW.kind, 'method', NEW.method, 'amount_cents', NEW.amount_cents,
                       'receipt_id', NEW.receipt_id, 'received_at', NEW.received_at));
END;

-- A receipt bills its own client's visits with its own practitioner.
CREATE TRIGGER receipt_lines_owner BEFORE INSERT ON receipt_lines
WHEN (SELECT v.client_id || ':' || v.practitioner_id
      FROM visit_lines l JOIN visits v ON v.id = l.visit_id WHERE l.id = NEW.visit_line_id)
     IS NOT (SELECT client_id || ':' || practitioner_id FROM receipts WHERE id = NEW.receipt_id)
BEGIN SELECT RAISE (ABORT, 'a receipt bills its own client''s visits with its own practitioner'); END;

-- Cosmetic paper never calls itself massage therapy.
CREATE TRIGGER receipt_lines_esthetic_words BEFORE INSERT ON receipt_lines
WHEN NEW.category IS NOT 'therapeutic'
     AND (lower (NEW.description) LIKE '%massage%' OR lower (NEW.description) LIKE '%massoth%')
BEGIN SELECT RAISE (ABORT, 'a cosmetic receipt never describes its service as massage therapy'); END;
