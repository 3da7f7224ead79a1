/* test-claims.c: claims through the store and in SQL: building from the
 * notes' minutes, pre-flight, the life of a claim, what SQL refuses, the
 * follow-ups, aging and the form's boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "palp-audit-words.h"
#include "palp-demo.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  PalpStore *store;
  gint64     admin_id;
  gint64     jonah_id;
  gint64     client_id;
  gint64     other_client;
  gint64     payer_id;
  gint64     policy_id;
  gint64     goal_id;
  gint64     diagnosis_id;
} Fixture;

static void
exec (Fixture    *f,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

G_GNUC_PRINTF (2, 3)
static void
execf (Fixture    *f,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec (f, sql);
}

/* Runs @sql, which the schema must refuse with a message holding @words. */
G_GNUC_PRINTF (3, 4)
static void
refused (Fixture    *f,
         const char *words,
         const char *format,
         ...)
{
  g_autofree char *sql = NULL;
  char *message = NULL;
  va_list args;
  int rc;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  rc = sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, &message);
  g_test_message ("%s -> %s", sql, message ? message : "accepted");
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, words));
  sqlite3_free (message);
}

G_GNUC_PRINTF (2, 3)
static gint64
count (Fixture    *f,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  va_list args;
  gint64 n;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
service (Fixture    *f,
         const char *category,
         const char *code,
         gint64      fee,
         gint64      minutes)
{
  if (code != NULL)
    execf (f, "INSERT INTO services (name, category, duration_minutes, fee_cents, cpt_code, timed)"
              " VALUES ('Service %s', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', 1)",
           code, category, minutes, fee, code);
  else
    execf (f, "INSERT INTO services (name, category, duration_minutes, fee_cents)"
              " VALUES ('Facial', '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
           category, minutes, fee);
  return count (f, "SELECT max (id) FROM services");
}

/* An attended visit of @client on @day by Jonah, with a billing line of
 * @s1 for @m1 minutes (and of @s2 for @m2 when @s2 is not 0), and a note
 * whose techniques document @documented minutes (in two techniques), signed
 * when @sign, with a measurement of the goal when @measure. */
static gint64
visit (Fixture    *f,
       gint64      client,
       const char *day,
       gint64      s1,
       guint       m1,
       gint64      s2,
       guint       m2,
       guint       documented,
       gboolean    sign,
       gboolean    measure)
{
  const gint64 services[] = { s1, s2 };
  const guint minutes[] = { m1, m2 };
  gint64 id;

  execf (f, "INSERT INTO visits (client_id, practitioner_id, starts_at, duration_minutes, status)"
            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s 10:00:00', 60, 'attended')",
         client, f->jonah_id, day);
  id = count (f, "SELECT max (id) FROM visits");
  for (guint i = 0; i < G_N_ELEMENTS (services) && services[i] != 0; i++)
    execf (f, "INSERT INTO visit_lines (visit_id, service_id, category, description, minutes,"
              " price_cents) SELECT %" G_GINT64_FORMAT ", id, category, name, %u, fee_cents"
              " FROM services WHERE id = %" G_GINT64_FORMAT,
           id, minutes[i], services[i]);
  execf (f, "INSERT INTO soap_notes (visit_id, techniques, author_id, created_at, updated_at)"
            " VALUES (%" G_GINT64_FORMAT ", json_array (json_object ('name', 'Swedish',"
            " 'minutes', %u, 'regions', '', 'intra_oral', json ('false')), json_object ('name',"
            " 'Myofascial release', 'minutes', %u, 'regions', '', 'intra_oral', json ('false'))),"
            " %" G_GINT64_FORMAT ", '%s 11:00:00', '%s 11:00:00')",
         id, documented - documented / 2, documented / 2, f->jonah_id, day, day);
  if (measure && f->goal_id != 0)
    execf (f, "INSERT INTO measurements (visit_id, goal_id, value, taken_at, taken_by)"
              " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 4, '%s 10:30:00', %"
              G_GINT64_FORMAT ")", id, f->goal_id, day, f->jonah_id);
  if (sign)
    /* Signed now: `check` compares the signature with the audit log's times. */
    execf (f, "INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
              " VALUES (%" G_GINT64_FORMAT ", datetime ('now', 'localtime'), %" G_GINT64_FORMAT ")",
           id, f->jonah_id);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalpUser) admin = palp_user_new ();
  g_autoptr(PalpUser) jonah = palp_user_new ();
  g_autoptr(PalpPayer) payer = palp_payer_new ();
  g_autoptr(PalpPolicy) policy = palp_policy_new ();
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(PalpClient) other = palp_client_new ();
  g_autoptr(PalpClaimSettings) settings = NULL;

  f->dir = g_dir_make_tmp ("palpate-claims-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_set (admin, "login", "rosa", "display-name", "Rosa", "roles", PALP_ROLE_ADMIN, NULL);
  g_assert_true (palp_store_save_user (f->store, admin, &error));
  g_object_set (jonah, "login", "jonah", "display-name", "Jonah Park", "roles",
                PALP_ROLE_PRACTITIONER, NULL);
  g_assert_true (palp_store_save_user (f->store, jonah, &error));
  f->admin_id = palp_user_get_id (admin);
  f->jonah_id = palp_user_get_id (jonah);
  palp_store_set_actor (f->store, f->admin_id);

  g_object_set (client, "given-name", "Marcus", "family-name", "Reyes", "birth-date", "1985-04-12",
                "sex", "M", "street", "12 Pine St", "city", "Seattle", "region", "WA",
                "postal-code", "98105", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_object_set (other, "given-name", "Ada", "family-name", "Okafor", NULL);
  g_assert_true (palp_store_save_client (f->store, other, &error));
  g_assert_no_error (error);
  f->client_id = palp_client_get_id (client);
  f->other_client = palp_client_get_id (other);

  execf (f, "UPDATE practitioners SET credentials = 'LMT', npi = '1234567893' WHERE user_id = %"
            G_GINT64_FORMAT, f->jonah_id);
  exec (f, "UPDATE clinic SET name = 'Cedar Hollow', street = '1520 NE 45th St',"
           " city = 'Seattle', region = 'WA', postal_code = '98105', tax_id = '91-1234567'");
  settings = palp_store_get_claim_settings (f->store, &error);
  g_assert_no_error (error);
  g_free (settings->billing_npi);
  settings->billing_npi = g_strdup ("1245319599");
  settings->unit_fee_cents = 2500;
  g_assert_true (palp_store_set_claim_settings (f->store, settings, &error));
  g_assert_no_error (error);

  g_object_set (payer, "name", "Evergreen Auto", "kind", "auto", "unit-rule", "cms",
                "active", (gint64) 1, NULL);
  g_assert_true (palp_store_save_payer (f->store, payer, &error));
  f->payer_id = palp_payer_get_int (payer, "id");
  g_assert_true (palp_store_set_payer_fee (f->store, f->payer_id, "97124", 3200, &error));
  g_object_set (policy, "client-id", f->client_id, "payer-id", f->payer_id, "member-id", "EMA-1",
                "claim-number", "EM-77", "injury-date", "2026-02-20", "injury-state", "WA",
                "active", (gint64) 1, NULL);
  g_assert_true (palp_store_save_policy (f->store, policy, &error));
  g_assert_no_error (error);
  f->policy_id = palp_policy_get_int (policy, "id");

  execf (f, "INSERT INTO diagnoses (client_id, code, description, onset_on, is_primary,"
            " created_by, created_at) VALUES (%" G_GINT64_FORMAT ", 'S39.012A', 'Strain of the"
            " lower back', '2026-02-20', 1, %" G_GINT64_FORMAT ", '2026-03-01 09:00:00'),"
            " (%" G_GINT64_FORMAT ", 'M54.42', 'Lumbago with sciatica', NULL, 0, %"
            G_GINT64_FORMAT ", '2026-03-01 09:00:00')",
         f->client_id, f->admin_id, f->client_id, f->admin_id);
  f->diagnosis_id = count (f, "SELECT min (id) FROM diagnoses");
  execf (f, "INSERT INTO plans (client_id, practitioner_id, started_on, created_at)"
            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-03-01',"
            " '2026-03-01 09:00:00')", f->client_id, f->jonah_id);
  execf (f, "INSERT INTO plan_goals (plan_id, measure, goal, direction, mic, baseline, target,"
            " by_visit)"
            " VALUES (%" G_GINT64_FORMAT ", 'pain-nrs', 'Sit through a workday', 'lower', 2, 7, 2, 6)",
         count (f, "SELECT max (id) FROM plans"));
  f->goal_id = count (f, "SELECT max (id) FROM plan_goals");
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

static void
sign_assignment (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpBenefitSignature) s = palp_benefit_signature_new ();

  g_object_set (s, "client-id", f->client_id, "kind", "assignment", "signed-by-name",
                "Marcus Reyes", "typed-name", "Marcus Reyes", "attested", (gint64) 1,
                "signed-on", "2026-03-01", NULL);
  g_assert_true (palp_store_add_benefit_signature (f->store, s, &error));
  g_assert_no_error (error);
}

static PalpClaim *
build (Fixture      *f,
       const gint64 *visits,
       guint         n)
{
  g_autoptr(GError) error = NULL;
  PalpClaim *claim = palp_store_build_claim (f->store, visits, n, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claim);
  return claim;
}

static PalpClaimProblem
problems_of (Fixture *f,
             gint64   claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  PalpClaimProblem found = 0;

  messages = palp_store_preflight_claim (f->store, claim_id, &found, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    g_test_message ("pre-flight: %s", (const char *) g_ptr_array_index (messages, i));
  g_assert_cmpuint (messages->len, ==, (guint) __builtin_popcount (found));
  return found;
}

static PalpClaimLine *
line_at (Fixture *f,
         gint64   claim_id,
         guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = palp_store_list_claim_lines (f->store, claim_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (i, <, g_list_model_get_n_items (lines));
  return g_list_model_get_item (lines, i);
}

/* A claim of two signed visits with nothing wrong, submitted. */
static gint64
submitted_claim (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  gint64 massage = service (f, "therapeutic", "97124", 12000, 60);
  gint64 visits[2];

  visits[0] = visit (f, f->client_id, "2026-03-02", massage, 60, 0, 0, 55, TRUE, TRUE);
  visits[1] = visit (f, f->client_id, "2026-03-09", massage, 60, 0, 0, 60, TRUE, TRUE);
  sign_assignment (f);
  claim = build (f, visits, 2);
  g_assert_true (palp_store_mark_claim_ready (f->store, palp_claim_get_int (claim, "id"), &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_submit_claim (f->store, palp_claim_get_int (claim, "id"), "2026-03-12",
                                          "paper", &error));
  g_assert_no_error (error);
  return palp_claim_get_int (claim, "id");
}

/* Units per date of service from the notes' minutes, by the payer's rule;
 * billed minutes never exceed documented ones; charges by the fee schedule,
 * else the clinic's per-unit fee. */
static void
test_build_units_from_notes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) cms = NULL;
  g_autoptr(PalpClaim) per_code = NULL;
  g_autoptr(PalpClaimLine) line = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_auto(GStrv) diagnoses = NULL;
  gint64 massage = service (f, "therapeutic", "97124", 12000, 60);
  gint64 reeducation = service (f, "therapeutic", "97112", 6000, 30);
  gint64 exercise = service (f, "therapeutic", "97110", 6000, 30);
  gint64 visits[3];

  /* CMS's example: 24 minutes of 97112 and 23 of 97110 → 2 + 1. */
  visits[0] = visit (f, f->client_id, "2026-03-02", reeducation, 24, exercise, 23, 47, TRUE, TRUE);
  /* A 60-minute line whose note documents 55 minutes bills 55: 4 units. */
  visits[1] = visit (f, f->client_id, "2026-03-09", massage, 60, 0, 0, 55, TRUE, FALSE);
  cms = build (f, visits, 2);
  g_assert_cmpstr (palp_claim_get_string (cms, "status"), ==, "draft");
  g_assert_cmpstr (palp_claim_get_string (cms, "number"), ==, "CLM-00001");
  g_assert_cmpstr (palp_claim_get_string (cms, "first-service-on"), ==, "2026-03-02");
  g_assert_cmpstr (palp_claim_get_string (cms, "last-service-on"), ==, "2026-03-09");
  g_assert_cmpint (palp_claim_get_int (cms, "policy-id"), ==, f->policy_id);
  lines = palp_store_list_claim_lines (f->store, palp_claim_get_int (cms, "id"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 3);
  /* By date, then code. */
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (palp_claim_line_get_string (line, "code"), ==, "97110");
  g_assert_cmpint (palp_claim_line_get_int (line, "minutes"), ==, 23);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, 1);
  /* Not in the payer's schedule: the clinic's $25.00 a unit. */
  g_assert_cmpint (palp_claim_line_get_int (line, "charge-cents"), ==, 2500);
  g_clear_object (&line);
  line = g_list_model_get_item (lines, 1);
  g_assert_cmpstr (palp_claim_line_get_string (line, "code"), ==, "97112");
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, 2);
  g_clear_object (&line);
  line = g_list_model_get_item (lines, 2);
  g_assert_cmpstr (palp_claim_line_get_string (line, "code"), ==, "97124");
  g_assert_cmpstr (palp_claim_line_get_string (line, "service-on"), ==, "2026-03-09");
  g_assert_cmpint (palp_claim_line_get_int (line, "minutes"), ==, 55);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, 4);
  /* The payer's schedule: $32.00 a unit. */
  g_assert_cmpint (palp_claim_line_get_int (line, "unit-price-cents"), ==, 3200);
  g_assert_cmpint (palp_claim_line_get_int (line, "charge-cents"), ==, 12800);
  g_assert_cmpstr (palp_claim_line_get_string (line, "pointers"), ==, "AB");
  g_assert_cmpint (palp_claim_get_int (cms, "charge-cents"), ==, 2500 + 2 * 2500 + 12800);
  /* Billed minutes never exceed documented ones, line by line. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM claim_lines l WHERE l.minutes > (SELECT sum"
                             " (json_extract (t.value, '$.minutes')) FROM soap_notes n,"
                             " json_each (n.techniques) t WHERE n.visit_id = l.visit_id)"), ==, 0);
  /* The diagnoses, primary first, A–L. */
  diagnoses = palp_store_claim_diagnoses (f->store, palp_claim_get_int (cms, "id"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (diagnoses), ==, 2);
  g_assert_cmpstr (diagnoses[0], ==, "S39.012A");
  g_assert_cmpstr (diagnoses[1], ==, "M54.42");

  /* The same visit again is refused while its claim stands. */
  g_assert_null (palp_store_build_claim (f->store, visits, 1, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "CLM-00001"));
  g_clear_error (&error);

  /* Per code, the same minutes bill 2 + 2. */
  exec (f, "UPDATE payers SET unit_rule = 'per-code'");
  g_assert_true (palp_store_set_claim_status (f->store, palp_claim_get_int (cms, "id"),
                                              PALP_CLAIM_VOID, &error));
  g_assert_no_error (error);
  per_code = build (f, visits, 1);
  g_clear_object (&line);
  line = line_at (f, palp_claim_get_int (per_code, "id"), 0);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, 2);
  g_clear_object (&line);
  line = line_at (f, palp_claim_get_int (per_code, "id"), 1);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, 2);

  /* Two visits on one date add up before rounding: 5 + 5 minutes of 97124
   * → 10 → 1 unit, though neither alone bills one. */
  exec (f, "UPDATE payers SET unit_rule = 'cms'");
  visits[0] = visit (f, f->client_id, "2026-03-16", massage, 5, 0, 0, 5, TRUE, FALSE);
  visits[1] = visit (f, f->client_id, "2026-03-16", massage, 5, 0, 0, 5, TRUE, FALSE);
  {
    g_autoptr(PalpClaim) day = build (f, visits, 2);
    g_autoptr(PalpClaimLine) only = line_at (f, palp_claim_get_int (day, "id"), 0);

    g_assert_cmpint (palp_claim_get_int (day, "n-lines"), ==, 1);
    g_assert_cmpint (palp_claim_line_get_int (only, "minutes"), ==, 10);
    g_assert_cmpint (palp_claim_line_get_int (only, "units"), ==, 1);
  }
  /* Seven minutes bill nothing: refused. */
  visits[2] = visit (f, f->client_id, "2026-03-23", massage, 7, 0, 0, 7, TRUE, FALSE);
  g_assert_null (palp_store_build_claim (f->store, &visits[2], 1, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM claims"), ==, 3);
}

/* Esthetic and other work, unattended visits and unsigned notes never reach
 * a claim, in SQL as through the store. */
static void
test_esthetic_refused_in_sql (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  gint64 massage = service (f, "therapeutic", "97124", 12000, 60);
  gint64 facial = service (f, "esthetic", NULL, 6000, 30);
  gint64 good = visit (f, f->client_id, "2026-03-02", massage, 60, facial, 30, 60, TRUE, TRUE);
  gint64 cosmetic = visit (f, f->client_id, "2026-03-03", facial, 30, 0, 0, 30, TRUE, FALSE);
  gint64 unsigned_visit = visit (f, f->client_id, "2026-03-04", massage, 60, 0, 0, 60, FALSE,
                                 FALSE);
  gint64 other = visit (f, f->other_client, "2026-03-05", massage, 60, 0, 0, 60, TRUE, FALSE);
  gint64 claim_id, facial_line, cosmetic_line, unsigned_line, other_line;
  gint64 before;

  claim = build (f, &good, 1);
  claim_id = palp_claim_get_int (claim, "id");
  /* The facial on the same visit stayed off the claim. */
  g_assert_cmpint (palp_claim_get_int (claim, "n-lines"), ==, 1);
  facial_line = count (f, "SELECT id FROM visit_lines WHERE visit_id = %" G_GINT64_FORMAT
                          " AND category = 'esthetic'", good);
  cosmetic_line = count (f, "SELECT id FROM visit_lines WHERE visit_id = %" G_GINT64_FORMAT,
                         cosmetic);
  unsigned_line = count (f, "SELECT id FROM visit_lines WHERE visit_id = %" G_GINT64_FORMAT,
                         unsigned_visit);
  other_line = count (f, "SELECT id FROM visit_lines WHERE visit_id = %" G_GINT64_FORMAT, other);

#define LINE_SQL "INSERT INTO claim_lines (claim_id, position, visit_id, visit_line_id, service_on," \
                 " code, units, minutes, unit_price_cents, charge_cents) VALUES (%" G_GINT64_FORMAT \
                 ", 9, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', '97124', 1, 15, 3200, 3200)"
  refused (f, "only therapeutic work", LINE_SQL, claim_id, good, facial_line, "2026-03-02");
  refused (f, "only therapeutic work", LINE_SQL, claim_id, cosmetic, cosmetic_line, "2026-03-03");
  refused (f, "signed note", LINE_SQL, claim_id, unsigned_visit, unsigned_line, "2026-03-04");
  refused (f, "own client", LINE_SQL, claim_id, other, other_line, "2026-03-05");
  refused (f, "billing line of its visit", LINE_SQL, claim_id, good, unsigned_line, "2026-03-02");
  execf (f, "INSERT INTO visits (client_id, practitioner_id, starts_at, duration_minutes, status)"
            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '2026-03-06 10:00:00', 60,"
            " 'no-show')", f->client_id, f->jonah_id);
  execf (f, "INSERT INTO visit_lines (visit_id, service_id, category, description, minutes,"
            " price_cents) VALUES ((SELECT max (id) FROM visits), %" G_GINT64_FORMAT ","
            " 'therapeutic', 'Massage', 60, 12000)", massage);
  refused (f, "attended", LINE_SQL, claim_id, count (f, "SELECT max (id) FROM visits"),
           count (f, "SELECT max (id) FROM visit_lines"), "2026-03-06");
  /* Moving a draft's line onto esthetic work is refused too. */
  refused (f, "only therapeutic work", "UPDATE claim_lines SET visit_line_id = %" G_GINT64_FORMAT
           " WHERE claim_id = %" G_GINT64_FORMAT, facial_line, claim_id);
#undef LINE_SQL

  /* Through the store, with the reason in words; nothing is written. */
  before = count (f, "SELECT count (*) FROM claims");
  g_assert_null (palp_store_build_claim (f->store, &cosmetic, 1, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "esthetic"));
  g_clear_error (&error);
  g_assert_null (palp_store_build_claim (f->store, &unsigned_visit, 1, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "not signed"));
  g_clear_error (&error);
  {
    gint64 mixed[] = { unsigned_visit, other };

    g_assert_null (palp_store_build_claim (f->store, mixed, 2, 0, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f, "SELECT count (*) FROM claims"), ==, before);

  /* Only an admin builds claims. */
  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_null (palp_store_build_claim (f->store, &good, 1, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
}

/* Every pre-flight problem, from the store's own records. */
static void
test_preflight_via_store (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(PalpClaim) bare = NULL;
  gint64 massage = service (f, "therapeutic", "97124", 12000, 60);
  gint64 visits[2], lone, id;

  visits[0] = visit (f, f->client_id, "2026-03-02", massage, 60, 0, 0, 60, TRUE, TRUE);
  visits[1] = visit (f, f->client_id, "2026-03-09", massage, 60, 0, 0, 60, TRUE, FALSE);
  claim = build (f, visits, 2);
  id = palp_claim_get_int (claim, "id");

  /* No assignment of benefits yet; marking ready is refused in words and
   * changes nothing. */
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NO_ASSIGNMENT);
  g_assert_false (palp_store_mark_claim_ready (f->store, id, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "assignment of benefits"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count (*) FROM claims WHERE status = 'draft'"), ==, 1);
  sign_assignment (f);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NONE);

  /* Referral required: absent, then expired before the last date. */
  exec (f, "UPDATE payers SET referral_required = 1");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_REFERRAL_MISSING);
  execf (f, "INSERT INTO referrals (client_id, prescriber_name, npi, referred_on, expires_on,"
            " created_by, created_at) VALUES (%" G_GINT64_FORMAT ", 'Dr. Kevin Chen',"
            " '1860493273', '2026-02-25', '2026-03-05', %" G_GINT64_FORMAT ","
            " '2026-02-25 09:00:00')", f->client_id, f->admin_id);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_REFERRAL_EXPIRED);
  exec (f, "UPDATE referrals SET expires_on = '2026-06-01'");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NONE);

  /* Authorisation required: absent, expired, then used up. */
  exec (f, "UPDATE payers SET preauth_required = 1");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_AUTHORISATION_MISSING);
  execf (f, "INSERT INTO authorisations (policy_id, number, unit, authorised, starts_on, ends_on,"
            " created_at) VALUES (%" G_GINT64_FORMAT ", 'PA-1', 'visits', 1, '2026-03-01',"
            " '2026-03-05', '2026-03-01 09:00:00')", f->policy_id);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_AUTHORISATION_EXPIRED
                                            | PALP_CLAIM_PROBLEM_AUTHORISATION_EXHAUSTED);
  exec (f, "UPDATE authorisations SET ends_on = '2026-04-30'");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_AUTHORISATION_EXHAUSTED);
  exec (f, "UPDATE authorisations SET authorised = 2");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NONE);

  /* Visit limit: one a year, two billed. */
  execf (f, "UPDATE policies SET visit_limit = 1 WHERE id = %" G_GINT64_FORMAT, f->policy_id);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_VISIT_LIMIT);
  execf (f, "UPDATE policies SET visit_limit = 2 WHERE id = %" G_GINT64_FORMAT, f->policy_id);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NONE);

  /* A plan without measurable goals. */
  exec (f, "UPDATE plan_goals SET archived = 1");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS);
  exec (f, "UPDATE plan_goals SET archived = 0");

  /* No diagnosis. */
  execf (f, "DELETE FROM claim_diagnoses WHERE claim_id = %" G_GINT64_FORMAT, id);
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NO_DIAGNOSIS);

  /* NPIs and the tax id. */
  exec (f, "UPDATE practitioners SET npi = '1234567890'");
  exec (f, "UPDATE claim_settings SET billing_npi = NULL");
  exec (f, "UPDATE clinic SET tax_id = '91-12345'");
  g_assert_cmphex (problems_of (f, id), ==, PALP_CLAIM_PROBLEM_NO_DIAGNOSIS
                                            | PALP_CLAIM_PROBLEM_RENDERING_NPI
                                            | PALP_CLAIM_PROBLEM_BILLING_NPI
                                            | PALP_CLAIM_PROBLEM_TAX_ID);

  /* No progress measured within the dates of service of a later visit. */
  lone = visit (f, f->client_id, "2026-03-23", massage, 60, 0, 0, 60, TRUE, FALSE);
  bare = build (f, &lone, 1);
  g_assert_true (problems_of (f, palp_claim_get_int (bare, "id")) & PALP_CLAIM_PROBLEM_NO_PROGRESS);

  /* An unsigned note never gets as far as a claim: the build says why. */
  lone = visit (f, f->client_id, "2026-03-30", massage, 60, 0, 0, 60, FALSE, FALSE);
  g_assert_null (palp_store_build_claim (f->store, &lone, 1, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "is not signed"));
}

/* Once submitted, a claim's lines, diagnoses and core fields never change
 * in SQL; its answer does; `check` compares it with what was sent. */
static void
test_submitted_unchangeable_in_sql (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PalpClaimLine) line = NULL;
  gint64 id = submitted_claim (f);
  gint64 line_id;

  line = line_at (f, id, 0);
  line_id = palp_claim_line_get_int (line, "id");
  g_assert_cmpint (count (f, "SELECT submitted_snapshot IS NOT NULL FROM claims WHERE id = %"
                             G_GINT64_FORMAT, id), ==, 1);
  refused (f, "never changed", "UPDATE claim_lines SET units = 1 WHERE id = %" G_GINT64_FORMAT,
           line_id);
  refused (f, "never changed", "UPDATE claim_lines SET pointers = 'A' WHERE id = %"
           G_GINT64_FORMAT, line_id);
  refused (f, "never changed", "DELETE FROM claim_lines WHERE id = %" G_GINT64_FORMAT, line_id);
  refused (f, "never changed", "INSERT INTO claim_lines (claim_id, position, visit_id,"
           " visit_line_id, service_on, code, units, minutes, unit_price_cents, charge_cents)"
           " SELECT claim_id, 7, visit_id, visit_line_id, service_on, code, 1, 15, 100, 100"
           " FROM claim_lines WHERE id = %" G_GINT64_FORMAT, line_id);
  refused (f, "never changed", "DELETE FROM claim_diagnoses WHERE claim_id = %" G_GINT64_FORMAT,
           id);
  refused (f, "never changed", "UPDATE claim_diagnoses SET code = 'M54.5' WHERE claim_id = %"
           G_GINT64_FORMAT, id);
  refused (f, "never changed", "INSERT INTO claim_diagnoses (claim_id, position, diagnosis_id,"
           " code) VALUES (%" G_GINT64_FORMAT ", 5, %" G_GINT64_FORMAT ", 'M54.5')", id,
           f->diagnosis_id);
  refused (f, "never changed", "UPDATE claims SET place_of_service = '12' WHERE id = %"
           G_GINT64_FORMAT, id);
  refused (f, "never changed", "UPDATE claims SET submitted_on = '2026-03-13' WHERE id = %"
           G_GINT64_FORMAT, id);
  refused (f, "never changed", "UPDATE claims SET referring_name = 'Dr. Who' WHERE id = %"
           G_GINT64_FORMAT, id);
  refused (f, "cannot move", "UPDATE claims SET status = 'draft' WHERE id = %" G_GINT64_FORMAT,
           id);
  refused (f, "voided, not deleted", "DELETE FROM claims WHERE id = %" G_GINT64_FORMAT, id);
  /* The payer's answer moves. */
  execf (f, "UPDATE claim_lines SET paid_cents = 1000 WHERE id = %" G_GINT64_FORMAT, line_id);
  g_assert_cmpint (count (f, "SELECT paid_cents FROM claims WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 1000);
  execf (f, "UPDATE claims SET payer_reference = 'EV-1' WHERE id = %" G_GINT64_FORMAT, id);

  /* Through the store, as well. */
  g_object_set (line, "units", (gint64) 1, NULL);
  g_assert_false (palp_store_update_claim_line (f->store, line, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Around the triggers, `check` still sees it. */
  exec (f, "DROP TRIGGER claim_lines_submitted_frozen");
  execf (f, "UPDATE claim_lines SET modifiers = 'GP' WHERE id = %" G_GINT64_FORMAT, line_id);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "claim-changed:"));
}

/* A replacement (code 7) copies the lines and keeps the original's
 * reference; submitting it closes the original. A void (code 8) voids it. */
static void
test_replacement_keeps_original (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) replacement = NULL;
  g_autoptr(PalpClaim) again = NULL;
  g_autoptr(PalpClaim) original = NULL;
  g_autoptr(PalpClaim) voiding = NULL;
  g_autoptr(PalpClaimLine) line = NULL;
  g_autoptr(PalpClaimForm) form = NULL;
  gint64 id = submitted_claim (f);
  gint64 new_id;

  g_assert_true (palp_store_deny_claim (f->store, id, "Units exceed documentation", "EV-2026-118",
                                        "2026-04-01", NULL, &error));
  g_assert_no_error (error);
  replacement = palp_store_replace_claim (f->store, id, &error);
  g_assert_no_error (error);
  new_id = palp_claim_get_int (replacement, "id");
  g_assert_cmpstr (palp_claim_get_string (replacement, "status"), ==, "draft");
  g_assert_cmpstr (palp_claim_get_string (replacement, "resubmission-code"), ==, "7");
  g_assert_cmpstr (palp_claim_get_string (replacement, "original-reference"), ==, "EV-2026-118");
  g_assert_cmpint (palp_claim_get_int (replacement, "original-claim-id"), ==, id);
  g_assert_cmpint (palp_claim_get_int (replacement, "n-lines"), ==, 2);
  g_assert_cmpint (palp_claim_get_int (replacement, "charge-cents"), ==,
                   count (f, "SELECT charge_cents FROM claims WHERE id = %" G_GINT64_FORMAT, id));
  g_assert_cmpstr (palp_claim_get_string (replacement, "diagnosis-codes"), ==, "S39.012A,M54.42");
  /* One replacement at a time. */
  g_assert_null (palp_store_replace_claim (f->store, id, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The replacement is corrected while a draft: three units, not four. */
  line = line_at (f, new_id, 0);
  g_object_set (line, "units", (gint64) 3, "modifiers", "GP", NULL);
  g_assert_true (palp_store_update_claim_line (f->store, line, &error));
  g_assert_no_error (error);
  /* More units than the 55 documented minutes support are refused. */
  g_object_set (line, "units", (gint64) 5, NULL);
  g_assert_false (palp_store_update_claim_line (f->store, line, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (line, "units", (gint64) 3, "pointers", "AC", NULL);
  g_assert_false (palp_store_update_claim_line (f->store, line, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  form = palp_store_load_claim_form (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (form->resubmission_code, ==, "7");
  g_assert_cmpstr (form->original_reference, ==, "EV-2026-118");
  g_assert_cmpstr (((PalpClaimFormLine *) g_ptr_array_index (form->lines, 0))->modifiers[0], ==,
                   "GP");

  g_assert_true (palp_store_mark_claim_ready (f->store, new_id, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_submit_claim (f->store, new_id, "2026-04-03", "portal", &error));
  g_assert_no_error (error);
  original = palp_store_load_claim (f->store, id, &error);
  g_assert_cmpstr (palp_claim_get_string (original, "status"), ==, "closed");
  /* The original is kept as it was sent. */
  g_assert_cmpint (count (f, "SELECT units FROM claim_lines WHERE claim_id = %" G_GINT64_FORMAT
                             " AND position = 0", id), ==, 4);

  /* A void of the replacement: code 8, then the replacement is void. */
  voiding = palp_store_void_claim (f->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_claim_get_string (voiding, "resubmission-code"), ==, "8");
  g_assert_cmpstr (palp_claim_get_string (voiding, "original-reference"), ==,
                   palp_claim_get_string (replacement, "number"));
  g_assert_true (palp_store_mark_claim_ready (f->store, palp_claim_get_int (voiding, "id"),
                                              &error));
  g_assert_true (palp_store_submit_claim (f->store, palp_claim_get_int (voiding, "id"),
                                          "2026-04-05", "paper", &error));
  g_assert_no_error (error);
  again = palp_store_load_claim (f->store, new_id, &error);
  g_assert_cmpstr (palp_claim_get_string (again, "status"), ==, "void");
  /* A claim never sent is changed, not replaced. */
  {
    gint64 massage = count (f, "SELECT id FROM services WHERE cpt_code = '97124'");
    gint64 later = visit (f, f->client_id, "2026-04-06", massage, 30, 0, 0, 30, TRUE, TRUE);
    g_autoptr(PalpClaim) draft = build (f, &later, 1);

    g_assert_null (palp_store_replace_claim (f->store, palp_claim_get_int (draft, "id"), &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
}

/* Payments line by line, denial, appeal and its deadline, follow-ups,
 * aging. */
static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(PalpClaimLine) first = NULL;
  g_autoptr(PalpClaimLine) second = NULL;
  g_auto(GStrv) history = NULL;
  PalpClaimLinePayment pay[2];
  PalpClaimStatus status;
  gint64 id = submitted_claim (f);

  first = line_at (f, id, 0);
  second = line_at (f, id, 1);
  /* Sent once only. */
  g_assert_false (palp_store_submit_claim (f->store, id, NULL, "paper", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Half the first line: partially paid. */
  pay[0] = (PalpClaimLinePayment) { palp_claim_line_get_int (first, "id"), 6400, 0 };
  g_assert_true (palp_store_record_claim_payment (f->store, id, pay, 1, "EV-9", NULL, "2026-04-02",
                                                  &status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, PALP_CLAIM_PARTIALLY_PAID);
  /* More than the charge is refused and changes nothing. */
  pay[0].paid_cents = 999999;
  g_assert_false (palp_store_record_claim_payment (f->store, id, pay, 1, NULL, NULL, NULL, NULL,
                                                   &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT paid_cents FROM claims WHERE id = %" G_GINT64_FORMAT, id),
                   ==, 6400);

  /* Appealed for the rest, then paid in full with a contractual adjustment. */
  g_assert_true (palp_store_appeal_claim (f->store, id, "2026-04-10", "2026-09-30", &error));
  g_assert_no_error (error);
  pay[0] = (PalpClaimLinePayment) { palp_claim_line_get_int (first, "id"), 12000, 800 };
  pay[1] = (PalpClaimLinePayment) { palp_claim_line_get_int (second, "id"), 12800, 0 };
  g_assert_true (palp_store_record_claim_payment (f->store, id, pay, 2, NULL, NULL, "2026-05-01",
                                                  &status, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, PALP_CLAIM_PAID);
  claim = palp_store_load_claim (f->store, id, &error);
  g_assert_cmpstr (palp_claim_get_string (claim, "payer-reference"), ==, "EV-9");
  g_assert_cmpint (palp_claim_get_int (claim, "paid-cents"), ==, 24800);
  g_assert_cmpint (palp_claim_get_int (claim, "adjusted-cents"), ==, 800);
  g_assert_true (palp_store_set_claim_status (f->store, id, PALP_CLAIM_CLOSED, &error));
  g_assert_no_error (error);
  history = palp_store_claim_history (f->store, id, &error);
  g_assert_cmpuint (g_strv_length (history), ==, 7);
  g_assert_true (g_str_has_prefix (history[0], "draft|"));
  g_assert_true (g_str_has_prefix (history[6], "closed|"));
  g_assert_false (palp_store_set_claim_status (f->store, id, PALP_CLAIM_DRAFT, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

static void
test_denial_follow_ups_aging (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaimFollowUp) call = palp_claim_follow_up_new ();
  g_autoptr(PalpClaimFollowUp) bad = palp_claim_follow_up_new ();
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(PalpClaimFollowUp) logged = NULL;
  PalpClaimAging aging;
  gint64 id = submitted_claim (f);

  /* Submitted 2026-03-12: due a follow-up 30 days on. */
  due = palp_store_list_claims_to_follow_up (f->store, "2026-04-10", &error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 0);
  g_clear_object (&due);
  due = palp_store_list_claims_to_follow_up (f->store, "2026-04-11", &error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 1);
  g_clear_object (&due);

  g_object_set (call, "claim-id", id, "contacted-at", "2026-04-11 10:15", "representative",
                "Dana", "reference", "CALL-55", "said", "In review; call back in two weeks.",
                "next-on", "2026-04-25", NULL);
  g_assert_true (palp_store_add_claim_follow_up (f->store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (palp_claim_follow_up_get_string (call, "contacted-at"), ==,
                   "2026-04-11 10:15:00");
  g_object_set (bad, "claim-id", id, "contacted-at", "2026-04-31 10:00", "said", "x", NULL);
  g_assert_false (palp_store_add_claim_follow_up (f->store, bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (bad, "contacted-at", "2026-04-12 10:00", "said", "   ", NULL);
  g_assert_false (palp_store_add_claim_follow_up (f->store, bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  calls = palp_store_list_claim_follow_ups (f->store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 1);
  logged = g_list_model_get_item (calls, 0);
  g_assert_cmpstr (palp_claim_follow_up_get_string (logged, "representative"), ==, "Dana");
  refused (f, "never changed", "UPDATE claim_follow_ups SET said = 'x'");
  due = palp_store_list_claims_to_follow_up (f->store, "2026-04-24", &error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 0);
  g_clear_object (&due);
  due = palp_store_list_claims_to_follow_up (f->store, "2026-04-25", &error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 1);
  claim = g_list_model_get_item (due, 0);
  g_assert_cmpstr (palp_claim_get_string (claim, "follow-up-on"), ==, "2026-04-25");
  g_clear_object (&claim);

  /* Aging on 2026-05-01: 50 days, one claim of $256.00. */
  g_assert_true (palp_store_claims_aging (f->store, "2026-05-01", &aging, &error));
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_31_60], ==, 1);
  g_assert_cmpint (aging.outstanding_cents[PALP_CLAIM_AGE_31_60], ==, 25600);
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_0_30] + aging.n_claims[PALP_CLAIM_AGE_61_90]
                    + aging.n_claims[PALP_CLAIM_AGE_OVER_90], ==, 0);
  g_assert_true (palp_store_claims_aging (f->store, "2026-06-11", &aging, &error));
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_OVER_90], ==, 1);

  /* Denied without a reason: refused. With one: the appeal deadline. */
  g_assert_false (palp_store_deny_claim (f->store, id, " ", NULL, "2026-05-02", NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (palp_store_deny_claim (f->store, id, "Not medically necessary", "EV-7",
                                        "2026-05-02", "2026-06-01", &error));
  g_assert_no_error (error);
  deadlines = palp_store_list_appeal_deadlines (f->store, "2026-05-10", 14, &error);
  g_assert_cmpuint (g_list_model_get_n_items (deadlines), ==, 0);
  g_clear_object (&deadlines);
  deadlines = palp_store_list_appeal_deadlines (f->store, "2026-05-20", 14, &error);
  g_assert_cmpuint (g_list_model_get_n_items (deadlines), ==, 1);
  /* Too late to appeal. */
  g_assert_false (palp_store_appeal_claim (f->store, id, "2026-06-02", NULL, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (palp_store_appeal_claim (f->store, id, "2026-05-20", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&deadlines);
  deadlines = palp_store_list_appeal_deadlines (f->store, "2026-05-20", 14, &error);
  g_assert_cmpuint (g_list_model_get_n_items (deadlines), ==, 0);
}

/* The form's boxes come from the records. */
static void
test_claim_form (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaimForm) form = NULL;
  PalpClaimFormLine *line;
  gint64 id = submitted_claim (f);

  form = palp_store_load_claim_form (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (form->claim_number, ==, "CLM-00001");
  g_assert_cmpstr (form->coverage_type, ==, "other");
  g_assert_cmpstr (form->insured_id, ==, "EMA-1");
  g_assert_cmpstr (form->patient_family, ==, "Reyes");
  g_assert_cmpstr (form->patient_given, ==, "Marcus");
  g_assert_cmpstr (form->patient_birth_date, ==, "1985-04-12");
  g_assert_cmpstr (form->patient_sex, ==, "M");
  g_assert_cmpstr (form->insured_family, ==, "Reyes");
  g_assert_cmpstr (form->relationship, ==, "self");
  g_assert_true (form->auto_accident);
  g_assert_cmpstr (form->accident_state, ==, "WA");
  g_assert_cmpstr (form->other_claim_id, ==, "EM-77");
  g_assert_cmpstr (form->current_illness_date, ==, "2026-02-20");
  g_assert_true (form->insured_signature_on_file);
  g_assert_true (form->accept_assignment);
  g_assert_false (form->patient_signature_on_file);
  g_assert_cmpstr (form->diagnoses[0], ==, "S39.012A");
  g_assert_cmpstr (form->diagnoses[1], ==, "M54.42");
  g_assert_null (form->diagnoses[2]);
  g_assert_null (form->resubmission_code);
  g_assert_cmpuint (form->lines->len, ==, 2);
  line = g_ptr_array_index (form->lines, 0);
  g_assert_cmpstr (line->date_from, ==, "2026-03-02");
  g_assert_cmpstr (line->place_of_service, ==, "11");
  g_assert_cmpstr (line->code, ==, "97124");
  g_assert_cmpstr (line->pointers, ==, "AB");
  g_assert_cmpuint (line->units, ==, 4);
  g_assert_cmpint (line->charge_cents, ==, 12800);
  g_assert_cmpstr (line->rendering_npi, ==, "1234567893");
  g_assert_cmpstr (form->tax_id, ==, "91-1234567");
  g_assert_false (form->tax_id_is_ssn);
  g_assert_cmpstr (form->account_number, ==, "1");
  g_assert_cmpstr (form->signer_name, ==, "Jonah Park, LMT");
  g_assert_cmpstr (form->signed_date, ==, "2026-03-12");
  g_assert_cmpstr (form->billing.name, ==, "Cedar Hollow");
  g_assert_cmpstr (form->billing_npi, ==, "1245319599");
  g_assert_cmpstr (form->facility.city, ==, "Seattle");
  g_assert_cmpint (palp_claim_form_page_total (form, 0), ==, 25600);
}

/* Removes @dir and the files in it. */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* The demo's auto-insurance client has a claim in each state the desk
 * works with, and `check` finds nothing wrong. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-demo-claims-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) calls = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PalpClaimForm) form = NULL;
  const char *expected[] = { "draft", "submitted", "appealed", "paid" };
  PalpClaimAging aging;

  g_assert_no_error (error);
  g_assert_true (palp_demo_populate (store, PALP_COUNTRY_US, NULL, &error));
  g_assert_no_error (error);
  claims = palp_store_list_claims (store, NULL, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);

      g_assert_cmpstr (palp_claim_get_string (claim, "status"), ==, expected[i]);
      g_assert_cmpstr (palp_claim_get_string (claim, "payer-name"), ==, "Evergreen Mutual Auto");
      if (g_str_equal (expected[i], "paid"))
        g_assert_cmpint (palp_claim_get_int (claim, "paid-cents"), ==,
                         palp_claim_get_int (claim, "charge-cents"));
      if (g_str_equal (expected[i], "appealed"))
        {
          calls = palp_store_list_claim_follow_ups (store, palp_claim_get_int (claim, "id"),
                                                    &error);
          g_assert_cmpuint (g_list_model_get_n_items (calls), ==, 3);
          g_assert_nonnull (palp_claim_get_string (claim, "denial-reason"));
          g_assert_nonnull (palp_claim_get_string (claim, "appeal-deadline"));
        }
      if (g_str_equal (expected[i], "draft"))
        {
          g_autoptr(GPtrArray) messages = palp_store_preflight_claim (store,
                                                                      palp_claim_get_int (claim, "id"),
                                                                      NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (messages->len, ==, 0);
          form = palp_store_load_claim_form (store, palp_claim_get_int (claim, "id"), &error);
          g_assert_no_error (error);
          g_assert_true (form->auto_accident);
          g_assert_cmpstr (form->billing_npi, ==, "1245319599");
        }
    }
  /* The open claim's next call is due today: the one follow-up due. */
  due = palp_store_list_claims_to_follow_up (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 1);
  {
    g_autoptr(PalpClaim) next = g_list_model_get_item (due, 0);

    g_assert_cmpstr (palp_claim_get_string (next, "status"), ==, "submitted");
  }
  g_assert_true (palp_store_claims_aging (store, NULL, &aging, &error));
  /* Submitted 17 and 31 days ago; the paid claim is settled. */
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_0_30], ==, 1);
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_31_60], ==, 1);
  g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_61_90] + aging.n_claims[PALP_CLAIM_AGE_OVER_90],
                    ==, 0);
  problems = palp_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  remove_dir (dir);
}

/* Every table the demo's audit log names, claims' included, has a name in
 * words for the audit viewer and a kind it is filtered under. */
static void
test_audit_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-audit-words-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (palp_demo_populate (store, PALP_COUNTRY_US, NULL, &error));
  g_assert_no_error (error);
  stmt = palp_store_prepare (store, "SELECT DISTINCT table_name FROM audit_log", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      gboolean filed = FALSE;

      if (g_str_equal (table, "sign_in"))
        continue;
      g_assert_cmpstr (palp_audit_table_label (table), !=, table);
      for (PalpAuditKind k = PALP_AUDIT_KIND_CLIENTS; k < PALP_AUDIT_KIND_COUNT && !filed; k++)
        {
          const char * const *tables = palp_audit_kind_get_tables (k);

          filed = tables != NULL && g_strv_contains (tables, table);
        }
      if (!filed)
        g_error ("the audit filters file “%s” under no kind", table);
      n++;
    }
  g_assert_cmpuint (n, >, 30);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&store);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/insurance/claims/build-units-from-notes", test_build_units_from_notes);
  ADD ("/insurance/claims/esthetic-refused-in-sql", test_esthetic_refused_in_sql);
  ADD ("/insurance/claims/preflight-via-store", test_preflight_via_store);
  ADD ("/insurance/claims/submitted-unchangeable-in-sql", test_submitted_unchangeable_in_sql);
  ADD ("/insurance/claims/replacement-keeps-original", test_replacement_keeps_original);
  ADD ("/insurance/claims/lifecycle", test_lifecycle);
  ADD ("/insurance/claims/denial-follow-ups-aging", test_denial_follow_ups_aging);
  ADD ("/insurance/claims/form", test_claim_form);
#undef ADD
  g_test_add_func ("/insurance/claims/demo", test_demo);
  g_test_add_func ("/insurance/claims/audit-words", test_audit_words);

  return g_test_run ();
}
