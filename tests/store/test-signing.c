/* test-signing.c: clinical settings, jurisdiction rules, ICD-10 codes and
 * signing a note through the store — every gate blocks, overrides are
 * recorded, a signed note stays as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
  gint64     maya_id;
  gint64     jonah_id;
  gint64     client_id;
  gint64     visit;
  gint64     jonah_visit;
} Fixture;

static gint64
add_user (PalpStore   *store,
          const char  *login,
          PalpRoles    roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = palp_user_new ();

  g_object_set (user, "login", login, "display-name", login, "roles", roles, NULL);
  g_assert_true (palp_store_save_user (store, user, &error));
  g_assert_no_error (error);
  return palp_user_get_id (user);
}

static void
add_licence (Fixture         *f,
             gint64           user_id,
             PalpLicenceKind  kind,
             const char      *jurisdiction,
             const char      *endorsement,
             const char      *issued,
             const char      *expires)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLicence) licence = palp_licence_new ();

  g_object_set (licence, "user-id", user_id, "kind", kind, "number", "MA60000001",
                "jurisdiction", jurisdiction, "endorsement", endorsement, "issued", issued,
                "expires", expires, NULL);
  g_assert_true (palp_store_save_licence (f->store, licence, &error));
  g_assert_no_error (error);
}

static gint64
add_visit (Fixture    *f,
           gint64      practitioner,
           const char *starts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = palp_visit_new ();

  g_object_set (visit, "client-id", f->client_id, "practitioner-id", practitioner,
                "starts-at", starts, "duration-minutes", (gint64) 60, "status", "attended",
                NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_no_error (error);
  return palp_visit_get_int (visit, "id");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();

  f->dir = g_dir_make_tmp ("palpate-signing-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->admin_id = add_user (f->store, "rosa", PALP_ROLE_ADMIN);
  f->maya_id = add_user (f->store, "maya", PALP_ROLE_PRACTITIONER);
  f->jonah_id = add_user (f->store, "jonah", PALP_ROLE_PRACTITIONER);
  palp_store_set_actor (f->store, f->admin_id);
  g_object_set (client, "given-name", "Grace", "family-name", "Whitfield", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = palp_client_get_id (client);
  f->visit = add_visit (f, f->maya_id, "2026-10-18 09:00");
  f->jonah_visit = add_visit (f, f->jonah_id, "2026-10-18 11:00");
  palp_store_set_actor (f->store, f->maya_id);
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
  g_free (f->path);
}

static gint64
count (PalpStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_refused_sql (PalpStore  *store,
                    const char *sql)
{
  int rc = sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, NULL);

  if ((rc & 0xff) != SQLITE_CONSTRAINT)
    g_error ("expected the schema to refuse: %s (got %d: %s)", sql, rc,
             sqlite3_errmsg (palp_store_get_db (store)));
}

/* Settings ------------------------------------------------------------------ */

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpClinicalSettings settings, back, bad;
  gint64 audit_before;

  g_assert_true (palp_store_load_clinical_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.screening.max_age_days, ==, 90);
  g_assert_cmpuint (settings.screening.oral_max_age_days, ==, 0);
  g_assert_cmpuint (settings.plateau_visits, ==, 3);
  g_assert_cmpfloat (settings.measures.mic[PALP_MEASURE_NDI], ==, 5.0);
  g_assert_cmpint (settings.screening.severity[PALP_CONTRA_FEVER], ==, PALP_SEVERITY_ABSOLUTE);

  settings.screening.max_age_days = 60;
  settings.screening.oral_max_age_days = 7;
  settings.plateau_visits = 4;
  settings.measures.mic[PALP_MEASURE_NDI] = 7.5;
  settings.screening.severity[PALP_CONTRA_OTHER] = PALP_SEVERITY_ABSOLUTE;

  /* Only an admin changes them. */
  g_assert_false (palp_store_save_clinical_settings (f->store, &settings, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  palp_store_set_actor (f->store, f->admin_id);
  audit_before = count (f->store, "SELECT count(*) FROM audit_log"
                                  " WHERE table_name = 'clinical_settings'");
  g_assert_true (palp_store_save_clinical_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log"
                                    " WHERE table_name = 'clinical_settings'"), ==,
                   audit_before + 1);
  g_assert_true (palp_store_load_clinical_settings (f->store, &back, &error));
  g_assert_cmpuint (back.screening.max_age_days, ==, 60);
  g_assert_cmpuint (back.screening.oral_max_age_days, ==, 7);
  g_assert_cmpuint (back.plateau_visits, ==, 4);
  g_assert_cmpfloat (back.measures.mic[PALP_MEASURE_NDI], ==, 7.5);
  g_assert_cmpfloat (back.measures.mic[PALP_MEASURE_PAIN_NRS], ==,
                     settings.measures.mic[PALP_MEASURE_PAIN_NRS]);
  g_assert_cmpint (back.screening.severity[PALP_CONTRA_OTHER], ==, PALP_SEVERITY_ABSOLUTE);
  g_assert_cmpint (back.screening.severity[PALP_CONTRA_BURN], ==, PALP_SEVERITY_LOCAL);

  /* Bad values: a clear error, nothing changed. */
  bad = back;
  bad.screening.max_age_days = 0;
  g_assert_false (palp_store_save_clinical_settings (f->store, &bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = back;
  bad.plateau_visits = 1;
  g_assert_false (palp_store_save_clinical_settings (f->store, &bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = back;
  bad.measures.mic[PALP_MEASURE_PAIN_NRS] = -1;
  g_assert_false (palp_store_save_clinical_settings (f->store, &bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = back;
  bad.screening.severity[PALP_CONTRA_BURN] = (PalpSeverity) 9;
  g_assert_false (palp_store_save_clinical_settings (f->store, &bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (palp_store_load_clinical_settings (f->store, &settings, &error));
  g_assert_cmpuint (settings.screening.max_age_days, ==, back.screening.max_age_days);
  g_assert_cmpuint (settings.plateau_visits, ==, back.plateau_visits);
  g_assert_cmpint (memcmp (settings.screening.severity, back.screening.severity,
                           sizeof settings.screening.severity), ==, 0);
  g_assert_cmpint (memcmp (settings.measures.mic, back.measures.mic,
                           sizeof settings.measures.mic), ==, 0);

  /* The schema refuses what C would, and keeps its one row. */
  assert_refused_sql (f->store, "UPDATE clinical_settings SET plateau_visits = 0");
  assert_refused_sql (f->store, "UPDATE clinical_settings SET measure_mic = '{\"ndi\": -2}'");
  assert_refused_sql (f->store, "UPDATE clinical_settings SET severities = '{\"fever\": \"x\"}'");
  assert_refused_sql (f->store, "DELETE FROM clinical_settings");
  assert_refused_sql (f->store, "INSERT INTO clinical_settings (id) VALUES (2)");
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *json = NULL;
  g_autofree char *back = NULL;
  gboolean is_default = FALSE;
  const char *edited =
    "{\"format\": 1, \"rules\": [{\"id\": \"us-wa-intra-oral-endorsement\","
    " \"jurisdiction\": \"US-WA\", \"jurisdiction_name\": \"Washington\","
    " \"applies_to\": \"intra-oral\", \"requirement\": \"endorsement\","
    " \"endorsement\": \"intra-oral\", \"summary\": \"Endorsement needed.\","
    " \"source\": \"RCW 18.108.250\", \"date\": \"2024\"}]}";

  /* The shipped defaults. */
  json = palp_store_get_rules_json (f->store, &is_default, &error);
  g_assert_no_error (error);
  g_assert_true (is_default);
  g_assert_nonnull (strstr (json, "us-oh-tmj-referral"));
  rules = palp_store_load_rules (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rules->len, >, 5);
  g_clear_pointer (&rules, g_ptr_array_unref);

  /* Admins only. */
  g_assert_false (palp_store_save_rules_json (f->store, edited, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  palp_store_set_actor (f->store, f->admin_id);
  g_assert_true (palp_store_save_rules_json (f->store, edited, &error));
  g_assert_no_error (error);
  back = palp_store_get_rules_json (f->store, &is_default, &error);
  g_assert_false (is_default);
  g_assert_cmpstr (back, ==, edited);
  rules = palp_store_load_rules (f->store, &error);
  g_assert_cmpuint (rules->len, ==, 1);
  g_clear_pointer (&rules, g_ptr_array_unref);

  /* Bad rules are refused with the parser's reason; nothing changes. */
  g_assert_false (palp_store_save_rules_json (f->store, "{\"format\": 1, \"rules\": [{}]}",
                                              &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_store_save_rules_json (f->store, "not json", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (back);
  back = palp_store_get_rules_json (f->store, &is_default, &error);
  g_assert_cmpstr (back, ==, edited);

  /* NULL goes back to the defaults. */
  g_assert_true (palp_store_save_rules_json (f->store, NULL, &error));
  g_assert_no_error (error);
  g_free (back);
  back = palp_store_get_rules_json (f->store, &is_default, &error);
  g_assert_true (is_default);
  g_assert_cmpstr (back, ==, json);
}

/* Gaps the schema closes --------------------------------------------------- */

static void
test_schema_gaps (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpScreeningRecord) first = palp_screening_record_new ();
  g_autoptr(PalpScreeningRecord) second = palp_screening_record_new ();
  g_autofree char *sql = NULL;

  g_object_set (first, "client-id", f->client_id, "taken-on", "2026-09-01", NULL);
  g_assert_true (palp_store_save_screening (f->store, first, NULL, &error));
  g_assert_no_error (error);
  g_object_set (second, "client-id", f->client_id, "taken-on", "2026-10-01", NULL);
  g_assert_true (palp_store_save_screening (f->store, second, NULL, &error));
  g_assert_no_error (error);

  /* A superseded screening gains no findings; the latest still may. */
  sql = g_strdup_printf ("INSERT INTO screening_findings (screening_id, kind, severity)"
                         " VALUES (%" G_GINT64_FORMAT ", 'fever', 'absolute')",
                         palp_screening_record_get_int (first, "id"));
  assert_refused_sql (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO screening_findings (screening_id, kind, severity)"
                         " VALUES (%" G_GINT64_FORMAT ", 'fever', 'absolute')",
                         palp_screening_record_get_int (second, "id"));
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_free (sql);

  /* Nobody signs another practitioner's visit, even in SQL. */
  sql = g_strdup_printf ("INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                         " VALUES (%" G_GINT64_FORMAT ", '2026-10-18 10:00:00', %" G_GINT64_FORMAT
                         ")", f->jonah_visit, f->maya_id);
  assert_refused_sql (f->store, sql);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/signing/settings", Fixture, NULL, fixture_setup, test_settings,
              fixture_teardown);
  g_test_add ("/signing/rules", Fixture, NULL, fixture_setup, test_rules, fixture_teardown);
  g_test_add ("/signing/schema-gaps", Fixture, NULL, fixture_setup, test_schema_gaps,
              fixture_teardown);
  return g_test_run ();
}
