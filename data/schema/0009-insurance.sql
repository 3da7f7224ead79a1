-- Palpate schema 9: payers, the clients' policies, assignments of
-- benefits and releases of information, and authorisations.
--
-- A payer bills timed codes by its unit rule (the CMS 8-minute rule or per
-- code) and pays by its fee schedule (price per unit per code). A policy
-- ties a client to a payer with the plan's limits: visits per benefit year
-- (counted per visit or per 30 minutes), an annual dollar maximum, the
-- share the plan pays and a per-visit cap; auto and workers' compensation
-- policies carry the claim number and the injury. Signed assignments and
-- releases, like consents, are never edited: a new one replaces them.
-- Authorisations grant visits or units over dates; each use is a row.

CREATE TABLE payers (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL CHECK (length (trim (name)) BETWEEN 1 AND 120),
  kind               TEXT NOT NULL
                     CHECK (kind IN ('health-plan', 'medicare-advantage', 'medicaid-plan', 'auto',
                                     'workers-comp', 'hsa-fsa', 'extended-health', 'other')),
  -- The payer's identifier for claims (the clearing-house "payer ID").
  electronic_id      TEXT CHECK (electronic_id IS NULL
                                 OR (length (electronic_id) BETWEEN 1 AND 20
                                     AND electronic_id NOT GLOB '*[^0-9A-Za-z-]*')),
  address            TEXT CHECK (address IS NULL OR length (address) <= 500),
  phone              TEXT CHECK (phone IS NULL OR length (phone) <= 40),
  unit_rule          TEXT NOT NULL DEFAULT 'cms' CHECK (unit_rule IN ('cms', 'per-code')),
  referral_required  INTEGER NOT NULL DEFAULT 0 CHECK (referral_required IN (0, 1)),
  preauth_required   INTEGER NOT NULL DEFAULT 0 CHECK (preauth_required IN (0, 1)),
  in_network         INTEGER NOT NULL DEFAULT 0 CHECK (in_network IN (0, 1)),
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  note               TEXT CHECK (note IS NULL OR length (note) <= 2000)
);

CREATE UNIQUE INDEX payers_name ON payers (name COLLATE NOCASE);

-- Price per unit of each code the payer lists; codes it does not list are
-- billed at the clinic's own fee.
CREATE TABLE payer_fees (
  payer_id          INTEGER NOT NULL REFERENCES payers (id) ON DELETE CASCADE,
  code              TEXT NOT NULL CHECK (length (code) = 5 AND code NOT GLOB '*[^0-9]*'),
  unit_price_cents  INTEGER NOT NULL CHECK (unit_price_cents BETWEEN 0 AND 100000000),
  PRIMARY KEY (payer_id, code)
) WITHOUT ROWID;

CREATE TABLE policies (
  id                    INTEGER PRIMARY KEY,
  client_id             INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  payer_id              INTEGER NOT NULL REFERENCES payers (id) ON DELETE RESTRICT,
  member_id             TEXT NOT NULL CHECK (length (trim (member_id)) BETWEEN 1 AND 40),
  group_number          TEXT CHECK (group_number IS NULL OR length (group_number) BETWEEN 1 AND 40),
  -- The insured person, when not the client.
  relationship          TEXT NOT NULL DEFAULT 'self'
                        CHECK (relationship IN ('self', 'spouse', 'child', 'other')),
  insured_name          TEXT CHECK (insured_name IS NULL
                                    OR length (trim (insured_name)) BETWEEN 1 AND 120),
  insured_birth_date    TEXT CHECK (insured_birth_date IS NULL
                                    OR date (insured_birth_date) IS insured_birth_date),
  priority              TEXT NOT NULL DEFAULT 'primary'
                        CHECK (priority IN ('primary', 'secondary')),
  starts_on             TEXT CHECK (starts_on IS NULL OR date (starts_on) IS starts_on),
  ends_on               TEXT CHECK (ends_on IS NULL OR date (ends_on) IS ends_on),
  -- The benefit year starts on the first of this month (1: calendar year).
  benefit_year_start    INTEGER NOT NULL DEFAULT 1 CHECK (benefit_year_start BETWEEN 1 AND 12),
  visit_limit           INTEGER CHECK (visit_limit IS NULL OR visit_limit BETWEEN 1 AND 1000),
  visit_counting        TEXT NOT NULL DEFAULT 'per-visit'
                        CHECK (visit_counting IN ('per-visit', 'per-30-minutes')),
  annual_max_cents      INTEGER CHECK (annual_max_cents IS NULL
                                       OR annual_max_cents BETWEEN 1 AND 100000000),
  -- The share of each charge the plan pays, in percent.
  plan_percent          INTEGER CHECK (plan_percent IS NULL OR plan_percent BETWEEN 1 AND 100),
  per_visit_cap_cents   INTEGER CHECK (per_visit_cap_cents IS NULL
                                       OR per_visit_cap_cents BETWEEN 1 AND 100000000),
  -- What the plan had already paid and counted, elsewhere, in the benefit
  -- year holding prior_on (a client who arrives mid-year).
  prior_on              TEXT CHECK (prior_on IS NULL OR date (prior_on) IS prior_on),
  prior_visits          INTEGER NOT NULL DEFAULT 0 CHECK (prior_visits BETWEEN 0 AND 1000),
  prior_paid_cents      INTEGER NOT NULL DEFAULT 0
                        CHECK (prior_paid_cents BETWEEN 0 AND 100000000),
  deductible_note       TEXT CHECK (deductible_note IS NULL OR length (deductible_note) <= 500),
  copay_note            TEXT CHECK (copay_note IS NULL OR length (copay_note) <= 500),
  -- Auto insurance and workers' compensation.
  claim_number          TEXT CHECK (claim_number IS NULL OR length (claim_number) BETWEEN 1 AND 40),
  injury_date           TEXT CHECK (injury_date IS NULL OR date (injury_date) IS injury_date),
  injury_state          TEXT CHECK (injury_state IS NULL OR injury_state GLOB '[A-Z][A-Z]'),
  employer              TEXT CHECK (employer IS NULL OR length (employer) <= 120),
  adjuster              TEXT CHECK (adjuster IS NULL OR length (adjuster) <= 200),
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at            TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
  CHECK (relationship = 'self' OR insured_name IS NOT NULL),
  CHECK ((prior_visits = 0 AND prior_paid_cents = 0) OR prior_on IS NOT NULL)
);

CREATE INDEX policies_client ON policies (client_id, active, priority);
CREATE INDEX policies_payer ON policies (payer_id);
-- One active primary and one active secondary policy per client.
CREATE UNIQUE INDEX policies_priority ON policies (client_id, priority) WHERE active = 1;

CREATE TRIGGER policies_kept BEFORE DELETE ON policies
BEGIN SELECT RAISE (ABORT, 'a policy is ended, not deleted'); END;
CREATE TRIGGER policies_same_client BEFORE UPDATE OF client_id ON policies
WHEN NEW.client_id IS NOT OLD.client_id
BEGIN SELECT RAISE (ABORT, 'a policy stays with its client'); END;

-- An assignment of benefits (the payer pays the clinic) or a release of
-- information (the clinic may send the record the claim needs), signed by
-- the client or their representative: "Signature on File" on a claim.
CREATE TABLE benefit_signatures (
  id              INTEGER PRIMARY KEY,
  client_id       INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
  -- NULL: every policy of the client.
  policy_id       INTEGER REFERENCES policies (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL CHECK (kind IN ('assignment', 'release')),
  signed_by_name  TEXT NOT NULL CHECK (length (trim (signed_by_name)) BETWEEN 1 AND 120),
  signature       TEXT CHECK (signature IS NULL
                              OR (json_valid (signature) AND json_type (signature) = 'array'
                                  AND length (signature) <= 200000)),
  typed_name      TEXT CHECK (typed_name IS NULL OR length (trim (typed_name)) BETWEEN 1 AND 120),
  attested        INTEGER NOT NULL DEFAULT 0 CHECK (attested IN (0, 1)),
  signed_on       TEXT NOT NULL CHECK (date (signed_on) IS signed_on),
  recorded_at     TEXT NOT NULL CHECK (datetime (recorded_at) IS NOT NULL),
  recorded_by     INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  CHECK (signature IS NOT NULL OR (typed_name IS NOT NULL AND attested = 1))
);

CREATE INDEX benefit_signatures_client ON benefit_signatures (client_id, kind, signed_on);

CREATE TRIGGER benefit_signatures_policy BEFORE INSERT ON benefit_signatures
WHEN NEW.policy_id IS NOT NULL
     AND (SELECT client_id FROM policies WHERE id = NEW.policy_id) IS NOT NEW.client_id
BEGIN SELECT RAISE (ABORT, 'a signature covers its own client''s policies'); END;
CREATE TRIGGER benefit_signatures_frozen_update BEFORE UPDATE ON benefit_signatures
BEGIN SELECT RAISE (ABORT, 'a signed form is never changed; record a new one'); END;
CREATE TRIGGER benefit_signatures_frozen_delete BEFORE DELETE ON benefit_signatures
BEGIN SELECT RAISE (ABORT, 'a signed form is never changed; record a new one'); END;

CREATE TABLE authorisations (
  id          INTEGER PRIMARY KEY,
  policy_id   INTEGER NOT NULL REFERENCES policies (id) ON DELETE RESTRICT,
  number      TEXT NOT NULL CHECK (length (trim (number)) BETWEEN 1 AND 50),
  unit        TEXT NOT NULL DEFAULT 'visits' CHECK (unit IN ('visits', 'units')),
  authorised  INTEGER NOT NULL CHECK (authorised BETWEEN 1 AND 1000),
  starts_on   TEXT NOT NULL CHECK (date (starts_on) IS starts_on),
  ends_on     TEXT NOT NULL CHECK (date (ends_on) IS ends_on),
  note        TEXT CHECK (note IS NULL OR length (note) <= 2000),
  created_at  TEXT NOT NULL CHECK (datetime (created_at) IS NOT NULL),
  CHECK (ends_on >= starts_on)
);

CREATE INDEX authorisations_policy ON authorisations (policy_id, ends_on);

CREATE TRIGGER authorisations_kept BEFORE DELETE ON authorisations
WHEN EXISTS (SELECT 1 FROM authorisation_uses WHERE authorisation_id = OLD.id)
BEGIN SELECT RAISE (ABORT, 'an authorisation that was used is kept'); END;
CREATE TRIGGER authorisations_same_policy BEFORE UPDATE OF policy_id ON authorisations
WHEN NEW.policy_id IS NOT OLD.policy_id
BEGIN SELECT RAISE (ABORT, 'an authorisation stays with its policy'); END;

-- One row per visit billed against an authorisation: 1 for a visit, or
-- the visit's units by the payer's rule.
CREATE TABLE authorisation_uses (
  authorisation_id  INTEGER NOT NULL REFERENCES authorisations (id) ON DELETE RESTRICT,
  visit_id          INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
  amount            INTEGER NOT NULL CHECK (amount BETWEEN 1 AND 100),
  recorded_at       TEXT NOT NULL CHECK (datetime (recorded_at) IS NOT NULL),
  PRIMARY KEY (authorisation_id, visit_id)
) WITHOUT ROWID;

CREATE INDEX authorisation_uses_visit ON authorisation_uses (visit_id);

-- A use is of the policy's own client, on a date the authorisation covers,
-- and never more than it grants.
CREATE TRIGGER authorisation_uses_check BEFORE INSERT ON authorisation_uses
BEGIN
  SELECT RAISE (ABORT, 'an authorisation is used by its own client''s visits')
  WHERE (SELECT p.client_id FROM authorisations a JOIN policies p ON p.id = a.policy_id
         WHERE a.id = NEW.authorisation_id)
        IS NOT (SELECT client_id FROM visits WHERE id = NEW.visit_id);
  SELECT RAISE (ABORT, 'the visit is outside the authorisation''s dates')
  WHERE (SELECT date (starts_at) FROM visits WHERE id = NEW.visit_id)
        NOT BETWEEN (SELECT starts_on FROM authorisations WHERE id = NEW.authorisation_id)
                AND (SELECT ends_on FROM authorisations WHERE id = NEW.authorisation_id);
  SELECT RAISE (ABORT, 'the authorisation is used up')
  WHERE (SELECT coalesce (sum (amount), 0) FROM authorisation_uses
         WHERE authorisation_id = NEW.authorisation_id) + NEW.amount
        > (SELECT authorised FROM authorisations WHERE id = NEW.authorisation_id);
END;
CREATE TRIGGER authorisation_uses_frozen BEFORE UPDATE ON authorisation_uses
BEGIN SELECT RAISE (ABORT, 'remove the use and record it again'); END;

-- Audit: coverage is financial data.
CREATE TRIGGER payers_audit_insert AFTER INSERT ON payers
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'payers', NEW.id,
          json_object ('name', NEW.name, 'kind', NEW.kind, 'electronic_id', NEW.electronic_id,
                       'unit_rule', NEW.unit_rule, 'referral_required', NEW.referral_required,
                       'preauth_required', NEW.preauth_required, 'in_network', NEW.in_network,
                       'active', NEW.active));
END;

CREATE TRIGGER payers_audit_update AFTER UPDATE ON payers
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'payers', NEW.id,
          json_object ('name', OLD.name, 'kind', OLD.kind, 'electronic_id', OLD.electronic_id,
                       'address', OLD.address, 'phone', OLD.phone, 'unit_rule', OLD.unit_rule,
                       'referral_required', OLD.referral_required,
                       'preauth_required', OLD.preauth_required, 'in_network', OLD.in_network,
                       'active', OLD.active),
          json_object ('name', NEW.name, 'kind', NEW.kind, 'electronic_id', NEW.electronic_id,
                       'address', NEW.address, 'phone', NEW.phone, 'unit_rule', NEW.unit_rule,
                       'referral_required', NEW.referral_required,
                       'preauth_required', NEW.preauth_required, 'in_network', NEW.in_network,
                       'active', NEW.active));
END;

CREATE TRIGGER payers_audit_delete AFTER DELETE ON payers
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before)
  VALUES (palp_actor (), 'delete', 'payers', OLD.id,
          json_object ('name', OLD.name, 'kind', OLD.kind));
END;

CREATE TRIGGER payer_fees_audit_insert AFTER INSERT ON payer_fees
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, after)
  VALUES (palp_actor (), 'insert', 'payer_fees', NEW.payer_id,
          json_object ('code', NEW.code, 'unit_price_cents', NEW.unit_price_cents));
END;

CREATE TRIGGER payer_fees_audit_update AFTER UPDATE ON payer_fees
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before, after)
  VALUES (palp_actor (), 'update', 'payer_fees', NEW.payer_id,
          json_object ('code', OLD.code, 'unit_price_cents', OLD.unit_price_cents),
          json_object ('code', NEW.code, 'unit_price_cents', NEW.unit_price_cents));
END;

CREATE TRIGGER payer_fees_audit_delete AFTER DELETE ON payer_fees
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, before)
  VALUES (palp_actor (), 'delete', 'payer_fees', OLD.payer_id,
          json_object ('code', OLD.code, 'unit_price_cents', OLD.unit_price_cents));
END;

CREATE TRIGGER policies_audit_insert AFTER INSERT ON policies
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'policies', NEW.id, NEW.client_id,
          json_object ('payer_id', NEW.payer_id, 'member_id', NEW.member_id,
                       'group_number', NEW.group_number, 'relationship', NEW.relationship,
                       'insured_name', NEW.insured_name, 'priority', NEW.priority,
                       'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on,
                       'visit_limit', NEW.visit_limit, 'visit_counting', NEW.visit_counting,
                       'annual_max_cents', NEW.annual_max_cents,
                       'plan_percent', NEW.plan_percent,
                       'per_visit_cap_cents', NEW.per_visit_cap_cents,
                       'claim_number', NEW.claim_number, 'injury_date', NEW.injury_date,
                       'injury_state', NEW.injury_state, 'active', NEW.active));
END;

CREATE TRIGGER policies_audit_update AFTER UPDATE ON policies
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'policies', NEW.id, NEW.client_id,
          json_object ('payer_id', OLD.payer_id, 'member_id', OLD.member_id,
                       'group_number', OLD.group_number, 'relationship', OLD.relationship,
                       'insured_name', OLD.insured_name, 'priority', OLD.priority,
                       'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on,
                       'benefit_year_start', OLD.benefit_year_start,
                       'visit_limit', OLD.visit_limit, 'visit_counting', OLD.visit_counting,
                       'annual_max_cents', OLD.annual_max_cents,
                       'plan_percent', OLD.plan_percent,
                       'per_visit_cap_cents', OLD.per_visit_cap_cents,
                       'prior_on', OLD.prior_on, 'prior_visits', OLD.prior_visits,
                       'prior_paid_cents', OLD.prior_paid_cents,
                       'claim_number', OLD.claim_number, 'injury_date', OLD.injury_date,
                       'injury_state', OLD.injury_state, 'employer', OLD.employer,
                       'adjuster', OLD.adjuster, 'active', OLD.active),
          json_object ('payer_id', NEW.payer_id, 'member_id', NEW.member_id,
                       'group_number', NEW.group_number, 'relationship', NEW.relationship,
                       'insured_name', NEW.insured_name, 'priority', NEW.priority,
                       'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on,
                       'benefit_year_start', NEW.benefit_year_start,
                       'visit_limit', NEW.visit_limit, 'visit_counting', NEW.visit_counting,
                       'annual_max_cents', NEW.annual_max_cents,
                       'plan_percent', NEW.plan_percent,
                       'per_visit_cap_cents', NEW.per_visit_cap_cents,
                       'prior_on', NEW.prior_on, 'prior_visits', NEW.prior_visits,
                       'prior_paid_cents', NEW.prior_paid_cents,
                       'claim_number', NEW.claim_number, 'injury_date', NEW.injury_date,
                       'injury_state', NEW.injury_state, 'employer', NEW.employer,
                       'adjuster', NEW.adjuster, 'active', NEW.active));
END;

CREATE TRIGGER benefit_signatures_audit_insert AFTER INSERT ON benefit_signatures
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'benefit_signatures', NEW.id, NEW.client_id,
          json_object ('policy_id', NEW.policy_id, 'kind', NEW.kind,
                       'signed_by_name', NEW.signed_by_name, 'signed_on', NEW.signed_on,
                       'drawn', NEW.signature IS NOT NULL));
END;

CREATE TRIGGER authorisations_audit_insert AFTER INSERT ON authorisations
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'authorisations', NEW.id,
          (SELECT client_id FROM policies WHERE id = NEW.policy_id),
          json_object ('policy_id', NEW.policy_id, 'number', NEW.number, 'unit', NEW.unit,
                       'authorised', NEW.authorised, 'starts_on', NEW.starts_on,
                       'ends_on', NEW.ends_on));
END;

CREATE TRIGGER authorisations_audit_update AFTER UPDATE ON authorisations
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before, after)
  VALUES (palp_actor (), 'update', 'authorisations', NEW.id,
          (SELECT client_id FROM policies WHERE id = NEW.policy_id),
          json_object ('number', OLD.number, 'unit', OLD.unit, 'authorised', OLD.authorised,
                       'starts_on', OLD.starts_on, 'ends_on', OLD.ends_on, 'note', OLD.note),
          json_object ('number', NEW.number, 'unit', NEW.unit, 'authorised', NEW.authorised,
                       'starts_on', NEW.starts_on, 'ends_on', NEW.ends_on, 'note', NEW.note));
END;

CREATE TRIGGER authorisations_audit_delete AFTER DELETE ON authorisations
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'authorisations', OLD.id,
          (SELECT client_id FROM policies WHERE id = OLD.policy_id),
          json_object ('number', OLD.number, 'authorised', OLD.authorised));
END;

CREATE TRIGGER authorisation_uses_audit_insert AFTER INSERT ON authorisation_uses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, after)
  VALUES (palp_actor (), 'insert', 'authorisation_uses', NEW.authorisation_id,
          (SELECT client_id FROM visits WHERE id = NEW.visit_id),
          json_object ('visit_id', NEW.visit_id, 'amount', NEW.amount));
END;

CREATE TRIGGER authorisation_uses_audit_delete AFTER DELETE ON authorisation_uses
BEGIN
  INSERT INTO audit_log (user_id, action, table_name, row_id, client_id, before)
  VALUES (palp_actor (), 'delete', 'authorisation_uses', OLD.authorisation_id,
          (SELECT client_id FROM visits WHERE id = OLD.visit_id),
          json_object ('visit_id', OLD.visit_id, 'amount', OLD.amount));
END;
