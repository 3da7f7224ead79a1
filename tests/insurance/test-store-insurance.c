/* test-store-insurance.c: payers, policies, signatures on file,
 * authorisations and remaining coverage, through the store and in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  PalpStore *store;
  gint64     admin_id;
  gint64     maya_id;
  gint64     client_id;
  gint64     other_client;
  gint64     service_id;   /* 97124, timed, $95.00 */
  gint64     manual_id;    /* 97140, timed */
} Fixture;

static gint64
add_client (PalpStore  *store,
            const char *given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();

  g_object_set (client, "given-name", given, "family-name", "Okafor", NULL);
  g_assert_true (palp_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return palp_client_get_id (client);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Runs @sql, which the schema must refuse. */
static void
refused (Fixture    *f,
         const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, &message);

  g_test_message ("%s -> %s", sql, message ? message : "accepted");
  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_free (message);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* An attended visit of @client on @day with one line of @service. */
static gint64
add_visit (Fixture    *f,
           gint64      client,
           const char *day,
           const char *status,
           gint64      service,
           guint       minutes)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO visits (client_id, practitioner_id, starts_at, duration_minutes, status)"
      " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s 10:00:00', 60, '%s');"
      "INSERT INTO visit_lines (visit_id, service_id, category, description, minutes,"
      " price_cents) VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", 'therapeutic',"
      " 'Massage', %u, 9500);",
      client, f->maya_id, day, status, service, minutes);

  exec (f, sql);
  return count (f, "SELECT max (id) FROM visits");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalpUser) admin = palp_user_new ();
  g_autoptr(PalpUser) maya = palp_user_new ();

  f->dir = g_dir_make_tmp ("palpate-insurance-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_set (admin, "login", "rosa", "display-name", "Rosa", "roles", PALP_ROLE_ADMIN, NULL);
  g_assert_true (palp_store_save_user (f->store, admin, &error));
  g_object_set (maya, "login", "maya", "display-name", "Maya", "roles", PALP_ROLE_PRACTITIONER,
                NULL);
  g_assert_true (palp_store_save_user (f->store, maya, &error));
  f->admin_id = palp_user_get_id (admin);
  f->maya_id = palp_user_get_id (maya);
  f->client_id = add_client (f->store, "Ada");
  f->other_client = add_client (f->store, "Ben");
  palp_store_set_actor (f->store, f->admin_id);
  exec (f, "INSERT INTO services (name, category, duration_minutes, fee_cents, cpt_code, timed)"
           " VALUES ('Therapeutic massage', 'therapeutic', 60, 9500, '97124', 1),"
           " ('Manual therapy', 'therapeutic', 30, 6000, '97140', 1)");
  f->service_id = count (f, "SELECT id FROM services WHERE cpt_code = '97124'");
  f->manual_id = count (f, "SELECT id FROM services WHERE cpt_code = '97140'");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
add_payer (Fixture    *f,
           const char *name,
           const char *kind,
           const char *rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPayer) payer = palp_payer_new ();

  g_object_set (payer, "name", name, "kind", kind, "unit-rule", rule, "active", (gint64) 1,
                NULL);
  g_assert_true (palp_store_save_payer (f->store, payer, &error));
  g_assert_no_error (error);
  return palp_payer_get_int (payer, "id");
}

static PalpPolicy *
new_policy (gint64 client,
            gint64 payer)
{
  PalpPolicy *policy = palp_policy_new ();

  g_object_set (policy, "client-id", client, "payer-id", payer, "member-id", "XJ-100",
                "active", (gint64) 1, NULL);
  return policy;
}

static gint64
add_policy (Fixture    *f,
            PalpPolicy *policy)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (palp_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);
  return palp_policy_get_int (policy, "id");
}

static void
test_payers (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPayer) payer = palp_payer_new ();
  g_autoptr(PalpPayer) twin = palp_payer_new ();
  g_autoptr(PalpPayer) loaded = NULL;
  g_autoptr(GListModel) fees = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 id;

  g_object_set (payer, "name", "  Cascade Health ", "kind", "health-plan", "unit-rule", "per-code",
                "electronic-id", "CH-123", "referral-required", (gint64) 1,
                "in-network", (gint64) 1, "active", (gint64) 1, NULL);
  g_assert_true (palp_store_save_payer (f->store, payer, &error));
  g_assert_no_error (error);
  id = palp_payer_get_int (payer, "id");
  g_assert_cmpint (id, >, 0);
  loaded = palp_store_load_payer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_payer_get_string (loaded, "name"), ==, "Cascade Health");
  g_assert_cmpstr (palp_payer_get_string (loaded, "unit-rule"), ==, "per-code");
  g_assert_cmpint (palp_payer_get_int (loaded, "referral-required"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE table_name = 'payers'"), ==, 1);

  /* Names are unique whatever their case. */
  g_object_set (twin, "name", "cascade health", "kind", "auto", "unit-rule", "cms", NULL);
  g_assert_false (palp_store_save_payer (f->store, twin, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (twin, "name", "Twin", "kind", "self-pay", NULL);
  g_assert_false (palp_store_save_payer (f->store, twin, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (twin, "kind", "auto", "unit-rule", "8-minute", NULL);
  g_assert_false (palp_store_save_payer (f->store, twin, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM payers"), ==, 1);

  /* A practitioner does not keep the clinic's payers. */
  palp_store_set_actor (f->store, f->maya_id);
  g_object_set (twin, "unit-rule", "cms", NULL);
  g_assert_false (palp_store_save_payer (f->store, twin, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_set_payer_fee (f->store, id, "97124", 7000, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->admin_id);

  /* The fee schedule: set, change, remove. */
  g_assert_true (palp_store_set_payer_fee (f->store, id, "97124", 7000, &error));
  g_assert_true (palp_store_set_payer_fee (f->store, id, "97140", 7500, &error));
  g_assert_true (palp_store_set_payer_fee (f->store, id, "97124", 7200, &error));
  g_assert_no_error (error);
  g_assert_false (palp_store_set_payer_fee (f->store, id, "9712", 7200, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fees = palp_store_list_payer_fees (f->store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 2);
  {
    g_autoptr(PalpPayerFee) fee = g_list_model_get_item (fees, 0);

    g_assert_cmpstr (palp_payer_fee_get_string (fee, "code"), ==, "97124");
    g_assert_cmpint (palp_payer_fee_get_int (fee, "unit-price-cents"), ==, 7200);
  }
  g_assert_true (palp_store_set_payer_fee (f->store, id, "97140", -1, &error));
  g_assert_cmpint (count (f, "SELECT count (*) FROM payer_fees"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE table_name = 'payer_fees'"),
                   ==, 4);

  /* Retired payers leave the list unless asked for. */
  g_object_set (payer, "active", (gint64) 0, NULL);
  g_assert_true (palp_store_save_payer (f->store, payer, &error));
  list = palp_store_list_payers (f->store, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  list = palp_store_list_payers (f->store, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_payer_constraints_in_sql (Fixture       *f,
                               gconstpointer  data)
{
  exec (f, "INSERT INTO payers (name, kind) VALUES ('Plan A', 'health-plan')");
  refused (f, "INSERT INTO payers (name, kind) VALUES ('Plan B', 'self-pay')");
  refused (f, "INSERT INTO payers (name, kind) VALUES ('  ', 'auto')");
  refused (f, "INSERT INTO payers (name, kind) VALUES ('PLAN A', 'auto')");
  refused (f, "INSERT INTO payers (name, kind, unit_rule) VALUES ('Plan C', 'auto', 'half')");
  refused (f, "INSERT INTO payers (name, kind, in_network) VALUES ('Plan C', 'auto', 2)");
  refused (f, "INSERT INTO payers (name, kind, electronic_id) VALUES ('Plan C', 'auto', 'A B')");
  refused (f, "INSERT INTO payer_fees (payer_id, code, unit_price_cents) VALUES (1, '9712', 100)");
  refused (f, "INSERT INTO payer_fees (payer_id, code, unit_price_cents) VALUES (1, '97124', -1)");
  refused (f, "INSERT INTO payer_fees (payer_id, code, unit_price_cents) VALUES (99, '97124', 1)");
  g_assert_cmpint (count (f, "SELECT count (*) FROM payers"), ==, 1);
}

static void
test_policies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPolicy) policy = NULL;
  g_autoptr(PalpPolicy) second = NULL;
  g_autoptr(PalpPolicy) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 payer = add_payer (f, "Cascade Health", "health-plan", "cms");
  gint64 auto_payer = add_payer (f, "Evergreen Auto", "auto", "per-code");
  gint64 id;

  policy = new_policy (f->client_id, payer);
  g_object_set (policy, "group-number", "G-77", "visit-limit", (gint64) 20,
                "visit-counting", "per-30-minutes", NULL);
  /* Saved by a practitioner: policies are part of the client's record. */
  palp_store_set_actor (f->store, f->maya_id);
  id = add_policy (f, policy);
  loaded = palp_store_load_policy (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_policy_get_string (loaded, "payer-name"), ==, "Cascade Health");
  g_assert_cmpstr (palp_policy_get_string (loaded, "relationship"), ==, "self");
  g_assert_cmpstr (palp_policy_get_string (loaded, "priority"), ==, "primary");
  g_assert_cmpint (palp_policy_get_int (loaded, "benefit-year-start"), ==, 1);
  /* No maximum saved as none. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM policies WHERE annual_max_cents IS NULL"
                             " AND plan_percent IS NULL AND visit_limit = 20"), ==, 1);

  /* A second active primary is refused; as secondary it is fine. */
  second = new_policy (f->client_id, auto_payer);
  g_object_set (second, "claim-number", "AU-55-1234", "injury-date", "2026-01-14",
                "injury-state", "WA", "adjuster", "Dana Brooks, (206) 555-0101", NULL);
  g_assert_false (palp_store_save_policy (f->store, second, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (second, "priority", "secondary", NULL);
  add_policy (f, second);

  /* Someone else insured: named. */
  g_object_set (policy, "relationship", "spouse", NULL);
  g_assert_false (palp_store_save_policy (f->store, policy, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (policy, "insured-name", "Sam Okafor", "insured-birth-date", "1980-02-29", NULL);
  g_assert_true (palp_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);

  /* Bad values, each refused with the record unchanged. */
  g_object_set (policy, "ends-on", "2025-01-01", "starts-on", "2026-01-01", NULL);
  g_assert_false (palp_store_save_policy (f->store, policy, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (policy, "ends-on", NULL, "injury-state", "wash", NULL);
  g_assert_false (palp_store_save_policy (f->store, policy, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (policy, "injury-state", NULL, "prior-visits", (gint64) 3, NULL);
  g_assert_false (palp_store_save_policy (f->store, policy, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (policy, "prior-visits", (gint64) 0, "plan-percent", (gint64) 120, NULL);
  g_assert_false (palp_store_save_policy (f->store, policy, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM policies WHERE starts_on IS NOT NULL"), ==, 0);

  list = palp_store_list_policies (f->store, f->client_id, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(PalpPolicy) first = g_list_model_get_item (list, 0);

    g_assert_cmpstr (palp_policy_get_string (first, "priority"), ==, "primary");
  }
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log WHERE table_name = 'policies'"), ==,
                   3);
}

static void
test_policy_constraints_in_sql (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *ok = NULL;
  gint64 payer = add_payer (f, "Cascade Health", "health-plan", "cms");

  ok = g_strdup_printf ("INSERT INTO policies (client_id, payer_id, member_id, created_at)"
                        " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'M1',"
                        " '2026-01-01 09:00:00')", f->client_id, payer);
  exec (f, ok);
#define BAD(cols, vals)                                                                      \
  do {                                                                                       \
    g_autofree char *sql = g_strdup_printf (                                                 \
        "INSERT INTO policies (client_id, payer_id, member_id, created_at, active, " cols ")" \
        " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'M2', '2026-01-01 09:00:00',"  \
        " 0, " vals ")", f->client_id, payer);                                               \
    refused (f, sql);                                                                        \
  } while (0)
  BAD ("relationship", "'cousin'");
  BAD ("relationship", "'spouse'");                 /* without the insured's name */
  BAD ("priority", "'tertiary'");
  BAD ("starts_on, ends_on", "'2026-02-01', '2026-01-01'");
  BAD ("starts_on", "'2026-13-01'");
  BAD ("benefit_year_start", "13");
  BAD ("visit_limit", "0");
  BAD ("visit_counting", "'per-hour'");
  BAD ("annual_max_cents", "-100");
  BAD ("plan_percent", "101");
  BAD ("per_visit_cap_cents", "0");
  BAD ("prior_visits", "2");                        /* without prior_on */
  BAD ("injury_state", "'wa'");
  BAD ("group_number", "''");
#undef BAD
  /* One active primary per client. */
  {
    g_autofree char *sql = g_strdup_printf (
        "INSERT INTO policies (client_id, payer_id, member_id, created_at)"
        " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'M3', '2026-01-01 09:00:00')",
        f->client_id, payer);

    refused (f, sql);
  }
  refused (f, "DELETE FROM policies");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE policies SET client_id = %" G_GINT64_FORMAT,
                                            f->other_client);

    refused (f, sql);
  }
  g_assert_cmpint (count (f, "SELECT count (*) FROM policies"), ==, 1);
}

static void
test_signatures (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpBenefitSignature) drawn = palp_benefit_signature_new ();
  g_autoptr(PalpBenefitSignature) typed = palp_benefit_signature_new ();
  g_autoptr(PalpPolicy) policy = new_policy (f->client_id,
                                             add_payer (f, "Cascade", "health-plan", "cms"));
  g_autoptr(PalpPolicy) other = new_policy (f->other_client,
                                            add_payer (f, "Evergreen", "auto", "cms"));
  gint64 policy_id = add_policy (f, policy);
  gint64 other_id = add_policy (f, other);

  g_assert_false (palp_store_signature_on_file (f->store, policy_id, "assignment"));

  g_object_set (drawn, "client-id", f->client_id, "kind", "assignment",
                "signed-by-name", "Ada Okafor", "signature", "[[[0.1,0.2],[0.3,0.4]]]",
                "signed-on", "2026-01-10", NULL);
  g_assert_true (palp_store_add_benefit_signature (f->store, drawn, &error));
  g_assert_no_error (error);
  /* For every policy of the client, and only hers. */
  g_assert_true (palp_store_signature_on_file (f->store, policy_id, "assignment"));
  g_assert_false (palp_store_signature_on_file (f->store, policy_id, "release"));
  g_assert_false (palp_store_signature_on_file (f->store, other_id, "assignment"));

  /* A typed name needs the attestation. */
  g_object_set (typed, "client-id", f->client_id, "policy-id", policy_id, "kind", "release",
                "signed-by-name", "Ada Okafor", "typed-name", "Ada Okafor",
                "signed-on", "2026-01-10", NULL);
  g_assert_false (palp_store_add_benefit_signature (f->store, typed, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Another client's policy is refused. */
  g_object_set (typed, "attested", (gint64) 1, "policy-id", other_id, NULL);
  g_assert_false (palp_store_add_benefit_signature (f->store, typed, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (typed, "policy-id", policy_id, NULL);
  g_assert_true (palp_store_add_benefit_signature (f->store, typed, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_signature_on_file (f->store, policy_id, "release"));
  /* Saved once, never again. */
  g_assert_false (palp_store_add_benefit_signature (f->store, typed, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* In SQL: frozen, and the same rules. */
  refused (f, "UPDATE benefit_signatures SET signed_on = '2026-01-11'");
  refused (f, "DELETE FROM benefit_signatures");
  refused (f, "INSERT INTO benefit_signatures (client_id, kind, signed_by_name, typed_name,"
              " attested, signed_on, recorded_at, recorded_by)"
              " VALUES (1, 'release', 'Ada', 'Ada', 0, '2026-01-10', '2026-01-10 10:00:00', 1)");
  refused (f, "INSERT INTO benefit_signatures (client_id, kind, signed_by_name, signature,"
              " signed_on, recorded_at, recorded_by)"
              " VALUES (1, 'waiver', 'Ada', '[]', '2026-01-10', '2026-01-10 10:00:00', 1)");
  refused (f, "INSERT INTO benefit_signatures (client_id, kind, signed_by_name, signature,"
              " signed_on, recorded_at, recorded_by)"
              " VALUES (1, 'release', 'Ada', '{\"a\":1}', '2026-01-10', '2026-01-10 10:00:00', 1)");
  g_assert_cmpint (count (f, "SELECT count (*) FROM benefit_signatures"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM audit_log"
                             " WHERE table_name = 'benefit_signatures'"), ==, 2);
  {
    g_autoptr(GListModel) list = palp_store_list_benefit_signatures (f->store, f->client_id,
                                                                     &error);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  }
}

static gint64
add_authorisation (Fixture    *f,
                   gint64      policy_id,
                   const char *number,
                   const char *unit,
                   gint64      authorised,
                   const char *starts,
                   const char *ends)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpAuthorisation) a = palp_authorisation_new ();

  g_object_set (a, "policy-id", policy_id, "number", number, "unit", unit,
                "authorised", authorised, "starts-on", starts, "ends-on", ends, NULL);
  g_assert_true (palp_store_save_authorisation (f->store, a, &error));
  g_assert_no_error (error);
  return palp_authorisation_get_int (a, "id");
}

static void
test_authorisations (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPolicy) policy = new_policy (f->client_id,
                                             add_payer (f, "Cascade", "health-plan", "cms"));
  gint64 policy_id = add_policy (f, policy);
  gint64 visits_auth = add_authorisation (f, policy_id, "PA-1", "visits", 2, "2026-01-01",
                                          "2026-03-31");
  gint64 units_auth = add_authorisation (f, policy_id, "PA-2", "units", 6, "2026-01-01",
                                         "2026-03-31");
  gint64 v1 = add_visit (f, f->client_id, "2026-01-05", "attended", f->service_id, 24);
  gint64 v2 = add_visit (f, f->client_id, "2026-01-12", "attended", f->service_id, 53);
  gint64 v3 = add_visit (f, f->client_id, "2026-01-19", "attended", f->service_id, 30);
  gint64 booked = add_visit (f, f->client_id, "2026-01-26", "booked", f->service_id, 30);
  gint64 late = add_visit (f, f->client_id, "2026-04-02", "attended", f->service_id, 30);
  gint64 theirs = add_visit (f, f->other_client, "2026-01-05", "attended", f->service_id, 30);
  gint64 amount = 0;
  g_autofree char *add_manual = NULL;

  /* v1 also has 23 minutes of 97140: 24 + 23 = 47 minutes, 3 units by CMS. */
  add_manual = g_strdup_printf ("INSERT INTO visit_lines (visit_id, service_id, category,"
                                " description, minutes, price_cents) VALUES (%" G_GINT64_FORMAT
                                ", %" G_GINT64_FORMAT ", 'therapeutic', 'Manual', 23, 6000)",
                                v1, f->manual_id);
  exec (f, add_manual);

  g_assert_true (palp_store_use_authorisation (f->store, units_auth, v1, &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, 3);
  g_assert_true (palp_store_use_authorisation (f->store, visits_auth, v1, &amount, &error));
  g_assert_cmpint (amount, ==, 1);
  /* Counted once. */
  g_assert_false (palp_store_use_authorisation (f->store, visits_auth, v1, &amount, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* 53 minutes are 4 units: more than the 3 left. */
  g_assert_false (palp_store_use_authorisation (f->store, units_auth, v2, &amount, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Not attended, out of dates, another client's. */
  g_assert_false (palp_store_use_authorisation (f->store, visits_auth, booked, NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_use_authorisation (f->store, visits_auth, late, NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_use_authorisation (f->store, visits_auth, theirs, NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (palp_store_use_authorisation (f->store, visits_auth, v2, NULL, &error));
  /* Used up. */
  g_assert_false (palp_store_use_authorisation (f->store, visits_auth, v3, NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM authorisation_uses"), ==, 3);

  /* In SQL: the same rules. */
  {
    g_autofree char *sql = NULL;

    sql = g_strdup_printf ("INSERT INTO authorisation_uses (authorisation_id, visit_id, amount,"
                           " recorded_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                           ", 1, '2026-01-20 10:00:00')", visits_auth, v3);
    refused (f, sql);
    g_free (sql);
    sql = g_strdup_printf ("INSERT INTO authorisation_uses (authorisation_id, visit_id, amount,"
                           " recorded_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                           ", 1, '2026-01-20 10:00:00')", units_auth, theirs);
    refused (f, sql);
    g_free (sql);
    sql = g_strdup_printf ("INSERT INTO authorisation_uses (authorisation_id, visit_id, amount,"
                           " recorded_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                           ", 1, '2026-04-02 10:00:00')", units_auth, late);
    refused (f, sql);
    g_free (sql);
    sql = g_strdup_printf ("DELETE FROM authorisations WHERE id = %" G_GINT64_FORMAT,
                           visits_auth);
    refused (f, sql);
  }
  refused (f, "UPDATE authorisation_uses SET amount = 2");
  refused (f, "INSERT INTO authorisations (policy_id, number, authorised, starts_on, ends_on,"
              " created_at) VALUES (1, 'X', 5, '2026-02-01', '2026-01-01', '2026-01-01 09:00')");
  refused (f, "INSERT INTO authorisations (policy_id, number, unit, authorised, starts_on,"
              " ends_on, created_at) VALUES (1, 'X', 'hours', 5, '2026-01-01', '2026-02-01',"
              " '2026-01-01 09:00')");
  refused (f, "INSERT INTO authorisations (policy_id, number, authorised, starts_on, ends_on,"
              " created_at) VALUES (1, 'X', 0, '2026-01-01', '2026-02-01', '2026-01-01 09:00')");

  /* Editing: never below what was used, never leaving a use outside. */
  {
    g_autoptr(GListModel) list = palp_store_list_authorisations (f->store, policy_id, &error);
    g_autoptr(PalpAuthorisation) a = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(PalpAuthorisation) item = g_list_model_get_item (list, i);

        if (palp_authorisation_get_int (item, "id") == visits_auth)
          a = g_steal_pointer (&item);
      }
    g_assert_nonnull (a);
    g_assert_cmpint (palp_authorisation_get_int (a, "used"), ==, 2);
    g_object_set (a, "authorised", (gint64) 1, NULL);
    g_assert_false (palp_store_save_authorisation (f->store, a, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_object_set (a, "authorised", (gint64) 4, "starts-on", "2026-01-10", NULL);
    g_assert_false (palp_store_save_authorisation (f->store, a, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_object_set (a, "starts-on", "2026-01-01", NULL);
    g_assert_true (palp_store_save_authorisation (f->store, a, &error));
    g_assert_no_error (error);
    g_assert_true (palp_store_use_authorisation (f->store, visits_auth, v3, NULL, &error));
  }
}

static PalpCoverageStatus *
only_status (Fixture    *f,
             const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = palp_store_get_coverage (f->store, f->client_id, today, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

static gboolean
has_flag (GStrv       flags,
          const char *flag)
{
  return g_strv_contains ((const char * const *) flags, flag);
}

/* A Medicaid-style plan: 6 visits a year, 30 minutes each. */
static void
test_coverage_visits (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PalpPolicy) policy = new_policy (f->client_id,
                                             add_payer (f, "State Care", "medicaid-plan", "cms"));
  g_autoptr(PalpCoverageStatus) status = NULL;
  g_auto(GStrv) flags = NULL;

  g_object_set (policy, "visit-limit", (gint64) 6, "visit-counting", "per-30-minutes", NULL);
  add_policy (f, policy);
  add_visit (f, f->client_id, "2025-12-20", "attended", f->service_id, 60); /* last year */
  add_visit (f, f->client_id, "2026-01-05", "attended", f->service_id, 60); /* 2 */
  add_visit (f, f->client_id, "2026-01-12", "attended", f->service_id, 30); /* 1 */
  add_visit (f, f->client_id, "2026-01-19", "cancelled", f->service_id, 60);
  add_visit (f, f->client_id, "2026-01-26", "attended", f->service_id, 45); /* 2 */
  add_visit (f, f->other_client, "2026-01-26", "attended", f->service_id, 60);

  status = only_status (f, "2026-02-01");
  g_assert_cmpint (palp_coverage_status_get_int (status, "has-visit-limit"), ==, 1);
  g_assert_cmpint (palp_coverage_status_get_int (status, "visits-used"), ==, 5);
  g_assert_cmpint (palp_coverage_status_get_int (status, "visits-left"), ==, 1);
  g_assert_cmpint (palp_coverage_status_get_int (status, "has-annual-max"), ==, 0);
  g_assert_cmpstr (palp_coverage_status_get_string (status, "year-first"), ==, "2026-01-01");
  g_assert_cmpstr (palp_coverage_status_get_string (status, "year-last"), ==, "2026-12-31");
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-02-01", NULL);
  g_assert_true (has_flag (flags, "visit-limit-near:1"));
  g_clear_pointer (&flags, g_strfreev);

  add_visit (f, f->client_id, "2026-02-02", "attended", f->service_id, 30);
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-02-03", NULL);
  g_assert_true (has_flag (flags, "visit-limit-reached:6"));
  g_clear_pointer (&flags, g_strfreev);

  /* A new benefit year starts afresh. */
  g_clear_object (&status);
  status = only_status (f, "2027-01-02");
  g_assert_cmpint (palp_coverage_status_get_int (status, "visits-used"), ==, 0);
  g_assert_cmpint (palp_coverage_status_get_int (status, "visits-left"), ==, 6);
  flags = palp_store_coverage_flags (f->store, f->client_id, "2027-01-02", NULL);
  g_assert_cmpuint (g_strv_length (flags), ==, 0);
}

/* An extended-health plan: 80%, $60 a visit, $500 a year, $180 of it used
 * at another clinic before the client came. */
static void
test_coverage_dollars (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PalpPolicy) policy = new_policy (f->client_id,
                                             add_payer (f, "Maple Life", "extended-health", "cms"));
  g_autoptr(PalpCoverageStatus) status = NULL;

  g_object_set (policy, "annual-max-cents", (gint64) 50000, "plan-percent", (gint64) 80,
                "per-visit-cap-cents", (gint64) 6000, "prior-on", "2026-02-01",
                "prior-paid-cents", (gint64) 18000, "prior-visits", (gint64) 3, NULL);
  add_policy (f, policy);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", 2 + 7 * i);

      add_visit (f, f->client_id, day, "attended", f->service_id, 60);
    }

  /* $180 + 4 × $60 = $420 paid: $80 left. */
  status = only_status (f, "2026-04-01");
  g_assert_cmpint (palp_coverage_status_get_int (status, "has-annual-max"), ==, 1);
  g_assert_cmpint (palp_coverage_status_get_int (status, "paid-cents"), ==, 42000);
  g_assert_cmpint (palp_coverage_status_get_int (status, "dollars-left-cents"), ==, 8000);
  g_assert_cmpint (palp_coverage_status_get_int (status, "visits-used"), ==, 7);
  g_assert_cmpint (palp_coverage_status_get_int (status, "has-visit-limit"), ==, 0);

  /* Two more: the first takes $60, the second the last $20. */
  add_visit (f, f->client_id, "2026-04-06", "attended", f->service_id, 60);
  add_visit (f, f->client_id, "2026-04-13", "attended", f->service_id, 60);
  g_clear_object (&status);
  status = only_status (f, "2026-04-20");
  g_assert_cmpint (palp_coverage_status_get_int (status, "paid-cents"), ==, 50000);
  g_assert_cmpint (palp_coverage_status_get_int (status, "dollars-left-cents"), ==, 0);

  /* The earlier use belongs to its own benefit year. */
  g_clear_object (&status);
  status = only_status (f, "2027-01-10");
  g_assert_cmpint (palp_coverage_status_get_int (status, "paid-cents"), ==, 0);
  g_assert_cmpint (palp_coverage_status_get_int (status, "dollars-left-cents"), ==, 50000);
}

static void
test_coverage_authorisations_and_referral (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPayer) payer = NULL;
  g_autoptr(PalpPolicy) policy = NULL;
  g_autoptr(PalpCoverageStatus) status = NULL;
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  g_auto(GStrv) flags = NULL;
  gint64 payer_id = add_payer (f, "Cascade", "health-plan", "cms");
  gint64 policy_id, pa1, v;

  payer = palp_store_load_payer (f->store, payer_id, &error);
  g_object_set (payer, "referral-required", (gint64) 1, "preauth-required", (gint64) 1, NULL);
  g_assert_true (palp_store_save_payer (f->store, payer, &error));
  policy = new_policy (f->client_id, payer_id);
  policy_id = add_policy (f, policy);
  pa1 = add_authorisation (f, policy_id, "PA-1", "visits", 2, "2026-01-01", "2026-02-28");

  status = only_status (f, "2026-01-10");
  g_assert_cmpint (palp_coverage_status_get_int (status, "authorisations"), ==, 1);
  g_assert_cmpint (palp_coverage_status_get_int (status, "authorised-left"), ==, 2);
  g_assert_cmpstr (palp_coverage_status_get_string (status, "authorisation-number"), ==, "PA-1");
  g_assert_cmpint (palp_coverage_status_get_int (status, "referral-required"), ==, 1);
  g_assert_cmpint (palp_coverage_status_get_int (status, "referral-valid"), ==, 0);
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-01-10", NULL);
  g_assert_cmpuint (g_strv_length (flags), ==, 0);
  g_clear_pointer (&flags, g_strfreev);

  /* Within 14 days of its end. */
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-02-14", NULL);
  g_assert_true (has_flag (flags, "authorisation-expiring:2026-02-28"));
  g_clear_pointer (&flags, g_strfreev);

  v = add_visit (f, f->client_id, "2026-01-12", "attended", f->service_id, 60);
  g_assert_true (palp_store_use_authorisation (f->store, pa1, v, NULL, &error));
  v = add_visit (f, f->client_id, "2026-01-19", "attended", f->service_id, 60);
  g_assert_true (palp_store_use_authorisation (f->store, pa1, v, NULL, &error));
  g_assert_no_error (error);
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-01-20", NULL);
  g_assert_true (has_flag (flags, "authorisation-exhausted:PA-1"));
  g_clear_pointer (&flags, g_strfreev);

  /* A new authorisation in force lifts the flag. */
  add_authorisation (f, policy_id, "PA-2", "visits", 6, "2026-01-20", "2026-06-30");
  flags = palp_store_coverage_flags (f->store, f->client_id, "2026-01-20", NULL);
  g_assert_cmpuint (g_strv_length (flags), ==, 0);
  g_clear_object (&status);
  status = only_status (f, "2026-01-20");
  g_assert_cmpint (palp_coverage_status_get_int (status, "authorisations"), ==, 2);
  g_assert_cmpint (palp_coverage_status_get_int (status, "authorised-left"), ==, 6);

  /* The referral in force. */
  palp_store_set_actor (f->store, f->maya_id);
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Lee",
                "referred-on", "2026-01-02", "expires-on", "2026-04-02", NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  g_clear_object (&status);
  status = only_status (f, "2026-01-20");
  g_assert_cmpint (palp_coverage_status_get_int (status, "referral-valid"), ==, 1);
  g_assert_cmpstr (palp_coverage_status_get_string (status, "referral-expires-on"), ==,
                   "2026-04-02");
  g_clear_object (&status);
  status = only_status (f, "2026-04-03");
  g_assert_cmpint (palp_coverage_status_get_int (status, "referral-valid"), ==, 0);

  /* An ended policy covers nothing. */
  g_object_set (policy, "ends-on", "2026-05-01", NULL);
  g_assert_true (palp_store_save_policy (f->store, policy, &error));
  {
    g_autoptr(GListModel) list = palp_store_get_coverage (f->store, f->client_id, "2026-05-02",
                                                          &error);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
}

/* The demo's insurance story, in both countries. */
static void
test_demo (gconstpointer data)
{
  PalpCountry country = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-demo-insurance-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_autoptr(GListModel) grace = NULL;
  g_autoptr(PalpCoverageStatus) status = NULL;
  g_auto(GStrv) flags = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_true (palp_demo_populate (store, country, NULL, &error));
  g_assert_no_error (error);

  grace = palp_store_get_coverage (store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (grace), ==, 1);
  status = g_list_model_get_item (grace, 0);
  flags = palp_store_coverage_flags (store, 1, NULL, &error);
  g_assert_no_error (error);

  if (country == PALP_COUNTRY_US)
    {
      g_autoptr(GListModel) marcus = palp_store_list_policies (store, 4, FALSE, &error);
      g_autoptr(GListModel) hal = palp_store_get_coverage (store, 2, NULL, &error);
      g_autoptr(PalpPolicy) auto_policy = g_list_model_get_item (marcus, 0);

      /* Grace: two visits left, an authorisation in use and ending soon. */
      g_assert_cmpstr (palp_coverage_status_get_string (status, "payer-kind"), ==, "health-plan");
      g_assert_cmpint (palp_coverage_status_get_int (status, "visits-left"), ==, 2);
      g_assert_cmpint (palp_coverage_status_get_int (status, "authorisations"), ==, 1);
      g_assert_cmpint (palp_coverage_status_get_int (status, "authorised-left"), >, 0);
      g_assert_cmpint (palp_coverage_status_get_int (status, "authorised-left"), <, 12);
      g_assert_true (has_flag (flags, "visit-limit-near:2"));
      g_assert_cmpuint (g_strv_length (flags), ==, 2);
      g_assert_true (g_str_has_prefix (flags[0], "authorisation-expiring:")
                     || g_str_has_prefix (flags[1], "authorisation-expiring:"));
      g_assert_true (palp_store_signature_on_file (store,
                                                   palp_coverage_status_get_int (status,
                                                                                 "policy-id"),
                                                   "assignment"));

      /* Marcus: auto insurance with the collision's claim, date and state. */
      g_assert_cmpstr (palp_policy_get_string (auto_policy, "payer-kind"), ==, "auto");
      g_assert_nonnull (palp_policy_get_string (auto_policy, "claim-number"));
      g_assert_nonnull (palp_policy_get_string (auto_policy, "injury-date"));
      g_assert_cmpstr (palp_policy_get_string (auto_policy, "injury-state"), ==, "WA");

      /* Hal: an HSA. */
      g_assert_cmpuint (g_list_model_get_n_items (hal), ==, 1);
      {
        g_autoptr(PalpCoverageStatus) hsa = g_list_model_get_item (hal, 0);

        g_assert_cmpstr (palp_coverage_status_get_string (hsa, "payer-kind"), ==, "hsa-fsa");
      }
    }
  else
    {
      /* Grace: an annual maximum partly used. */
      gint64 paid = palp_coverage_status_get_int (status, "paid-cents");

      g_assert_cmpstr (palp_coverage_status_get_string (status, "payer-kind"), ==,
                       "extended-health");
      g_assert_cmpint (palp_coverage_status_get_int (status, "has-annual-max"), ==, 1);
      g_assert_cmpint (paid, >, 9000);
      g_assert_cmpint (paid, <, 100000);
      g_assert_cmpint (palp_coverage_status_get_int (status, "dollars-left-cents"), ==,
                       100000 - paid);
      g_assert_cmpuint (g_strv_length (flags), ==, 0);
    }

  problems = palp_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/insurance/store/payers", test_payers);
  ADD ("/insurance/store/payer-constraints-in-sql", test_payer_constraints_in_sql);
  ADD ("/insurance/store/policies", test_policies);
  ADD ("/insurance/store/policy-constraints-in-sql", test_policy_constraints_in_sql);
  ADD ("/insurance/store/signatures", test_signatures);
  ADD ("/insurance/store/authorisations", test_authorisations);
  ADD ("/insurance/store/coverage-visits", test_coverage_visits);
  ADD ("/insurance/store/coverage-dollars", test_coverage_dollars);
  ADD ("/insurance/store/coverage-authorisations-and-referral",
       test_coverage_authorisations_and_referral);
#undef ADD
  g_test_add_data_func ("/insurance/store/demo-us", GINT_TO_POINTER (PALP_COUNTRY_US), test_demo);
  g_test_add_data_func ("/insurance/store/demo-ca", GINT_TO_POINTER (PALP_COUNTRY_CA), test_demo);

  return g_test_run ();
}
