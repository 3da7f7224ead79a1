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

/* Codes --------------------------------------------------------------------- */

static GBytes *
order_file (const char *broken_line)
{
  GString *text = g_string_new (NULL);
  const char *rows[][4] = {
    { "M541", "0", "Radiculopathy", "Radiculopathy" },
    { "M5413", "1", "Radiculopathy, cervicothoracic region",
      "Radiculopathy, cervicothoracic region" },
    { "S233XXA", "1", "Sprain of ligaments of thoracic spine, init",
      "Sprain of ligaments of thoracic spine, initial encounter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "%05u %-7s %s %-60s %s\n", i + 1, rows[i][0], rows[i][1],
                            rows[i][2], rows[i][3]);
  if (broken_line != NULL)
    g_string_append (text, broken_line);
  return g_string_free_to_bytes (text);
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = order_file (NULL);
  g_autoptr(GBytes) bad = order_file ("00004 M54*2   1 Cervicalgia\n");
  g_autoptr(GListModel) found = NULL;
  g_autoptr(PalpDiagnosis) first = NULL;

  /* The curated list is there before any import. */
  found = palp_store_search_codes (f->store, "M54.2", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  first = g_list_model_get_item (found, 0);
  g_assert_cmpint (palp_diagnosis_get_int (first, "id"), ==, 0);
  g_assert_cmpstr (palp_diagnosis_get_string (first, "description"), ==, "Cervicalgia");
  g_clear_object (&found);

  /* Admins only; a faulty line imports nothing and names its line. */
  g_assert_cmpint (palp_store_import_codes (f->store, good, &error), ==, -1);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->admin_id);
  g_assert_cmpint (palp_store_import_codes (f->store, bad, &error), ==, -1);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM icd10_codes"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM icd10_imports"), ==, 0);

  g_assert_cmpint (palp_store_import_codes (f->store, good, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'import'"),
                   ==, 1);
  found = palp_store_search_codes (f->store, "thoracic spr", 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (found, 0);
  g_assert_cmpstr (palp_diagnosis_get_string (first, "code"), ==, "S23.3XXA");
  g_clear_object (&found);

  /* A second import replaces the first as a whole; codes are not edited in SQL. */
  g_assert_cmpint (palp_store_import_codes (f->store, good, &error), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM icd10_codes"), ==, 3);
  assert_refused_sql (f->store, "UPDATE icd10_codes SET description = 'x'");
  assert_refused_sql (f->store, "INSERT INTO icd10_codes (import_id, ordinal, code, billable,"
                                " description) VALUES (1, 9, 'Z99.9', 1, 'made up')");
}

/* Signing ------------------------------------------------------------------- */

static void
add_note (Fixture    *f,
          gint64      visit,
          const char *techniques)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSoapNote) note = palp_soap_note_new ();

  g_object_set (note, "visit-id", visit, "subjective", "Neck stiff after desk work.",
                "objective", "Upper trapezius hypertonic.", "assessment", "Tolerated well.",
                "plan-text", "Weekly.", "techniques", techniques, "gloves", (gint64) 1, NULL);
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);
}

static void
add_screening (Fixture    *f,
               const char *taken_on,
               const char *kind,
               const char *severity,
               const char *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);

  g_object_set (screening, "client-id", f->client_id, "taken-on", taken_on, NULL);
  if (kind != NULL)
    {
      g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();

      g_object_set (finding, "kind", kind, "severity", severity, "region-id", region, NULL);
      g_list_store_append (findings, finding);
    }
  g_assert_true (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings),
                                            &error));
  g_assert_no_error (error);
}

static void
add_mark (Fixture    *f,
          gint64      visit,
          const char *view,
          const char *kind,
          const char *regions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpMark) mark = palp_mark_new ();

  g_object_set (mark, "visit-id", visit, "atlas-version", (gint64) 1, "view", view,
                "kind", kind, "shape", "area",
                "geometry", "[[0.4, 0.4], [0.6, 0.4], [0.5, 0.6]]", "regions", regions,
                NULL);
  g_assert_true (palp_store_save_mark (f->store, mark, &error));
  g_assert_no_error (error);
}

/* Maya, licensed in @jurisdiction, with a current screening and a note. */
static void
ready (Fixture    *f,
       const char *jurisdiction,
       const char *techniques)
{
  palp_store_set_actor (f->store, f->admin_id);
  add_licence (f, f->maya_id, PALP_LICENCE_KIND_LICENCE, jurisdiction, NULL, "2015-06-01",
               "2035-06-01");
  add_licence (f, f->jonah_id, PALP_LICENCE_KIND_LICENCE, jurisdiction, NULL, "2015-06-01",
               "2035-06-01");
  palp_store_set_actor (f->store, f->maya_id);
  add_screening (f, "2026-10-10", NULL, NULL, NULL);
  add_note (f, f->visit, techniques);
}

#define NECK "[{\"name\": \"Swedish\", \"minutes\": 30," \
             " \"regions\": \"body-posterior.trapezius.left\", \"intra_oral\": false}]"
#define MOUTH "[{\"name\": \"Intra-oral release\", \"minutes\": 20," \
              " \"regions\": \"oral.buccal.left\", \"intra_oral\": true}]"
#define JAW "[{\"name\": \"Masseter release\", \"minutes\": 20," \
            " \"regions\": \"face.masseter.left\", \"intra_oral\": false}]"

/* The status of gate @key in a check of @visit, or -1 when not listed. */
static int
gate_status (Fixture                 *f,
             gint64                   visit,
             const char              *key,
             const PalpSignOverride  *overrides,
             gsize                    n_overrides,
             gboolean                *out_may_sign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = palp_store_check_signing (f->store, visit, overrides,
                                                           n_overrides, out_may_sign, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < results->len; i++)
    {
      PalpGateResult *r = g_ptr_array_index (results, i);

      if (g_str_equal (r->key, key))
        return (int) r->status;
    }
  return -1;
}

static void
assert_sign_refused (Fixture                 *f,
                     gint64                   visit,
                     const PalpSignOverride  *overrides,
                     gsize                    n_overrides)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (palp_store_sign_note (f->store, visit, overrides, n_overrides, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM visit_signatures"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM gate_overrides"), ==, 0);
}

static void
test_sign_passes (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) unsigned_visits = NULL;
  g_autoptr(PalpSoapNote) note = NULL;
  gboolean may_sign = FALSE;

  ready (f, "WA", NECK);
  unsigned_visits = palp_store_list_unsigned_visits (f->store, f->maya_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), ==, 1);
  g_clear_object (&unsigned_visits);

  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SIGNER, NULL, 0, &may_sign), ==,
                   PALP_GATE_PASSED);
  g_assert_true (may_sign);
  g_assert_true (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign'"),
                   ==, 1);
  note = palp_store_load_soap_note (f->store, f->visit, &error);
  g_assert_cmpint (palp_soap_note_get_int (note, "signed"), ==, 1);

  /* Signed once; then no longer listed as unsigned. */
  g_assert_false (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  unsigned_visits = palp_store_list_unsigned_visits (f->store, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), ==, 1);
  g_clear_object (&unsigned_visits);
  unsigned_visits = palp_store_list_unsigned_visits (f->store, f->maya_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), ==, 0);
  g_clear_object (&unsigned_visits);

  /* A facial alone needs a service record, not a SOAP note: not listed.
   * The same visit with a massage line is. */
  {
    g_autoptr(PalpService) facial = palp_service_new ();
    g_autoptr(PalpService) massage = palp_service_new ();
    gint64 visit;

    palp_store_set_actor (f->store, f->admin_id);
    g_object_set (facial, "name", "Hydrating facial", "category", "esthetic",
                  "duration-minutes", (gint64) 45, "fee-cents", (gint64) 6000,
                  "active", (gint64) 1, NULL);
    g_object_set (massage, "name", "Therapeutic massage", "category", "therapeutic",
                  "duration-minutes", (gint64) 60, "fee-cents", (gint64) 9000,
                  "active", (gint64) 1, NULL);
    g_assert_true (palp_store_save_service (f->store, facial, &error));
    g_assert_true (palp_store_save_service (f->store, massage, &error));
    g_assert_no_error (error);
    palp_store_set_actor (f->store, f->maya_id);
    visit = add_visit (f, f->maya_id, "2026-10-21 10:00");
    g_assert_cmpint (palp_store_add_visit_line (f->store, visit,
                                                palp_service_get_int (facial, "id"), 45,
                                                &error), >, 0);
    g_assert_no_error (error);
    unsigned_visits = palp_store_list_unsigned_visits (f->store, f->maya_id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), ==, 0);
    g_clear_object (&unsigned_visits);
    g_assert_cmpint (palp_store_add_visit_line (f->store, visit,
                                                palp_service_get_int (massage, "id"), 30,
                                                &error), >, 0);
    g_assert_no_error (error);
    unsigned_visits = palp_store_list_unsigned_visits (f->store, f->maya_id, &error);
    g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), ==, 1);
  }
}

static void
test_sign_absolute (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const PalpSignOverride blank[] = { { PALP_GATE_ABSOLUTE, "   " } };
  const PalpSignOverride reasoned[] = {
    { PALP_GATE_ABSOLUTE, "Fever resolved this morning; client afebrile on arrival." }
  };
  gboolean may_sign = TRUE;

  ready (f, "WA", NECK);
  add_screening (f, "2026-10-17", "fever", "absolute", NULL);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_ABSOLUTE, NULL, 0, &may_sign), ==,
                   PALP_GATE_BLOCKED);
  g_assert_false (may_sign);
  assert_sign_refused (f, f->visit, NULL, 0);
  assert_sign_refused (f, f->visit, blank, G_N_ELEMENTS (blank));

  /* Overridden with a reason: signed, and the override recorded. */
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_ABSOLUTE, reasoned, 1, &may_sign), ==,
                   PALP_GATE_OVERRIDDEN);
  g_assert_true (palp_store_sign_note (f->store, f->visit, reasoned, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM gate_overrides"
                                    " WHERE gate = 'absolute-findings'"
                                    " AND reason LIKE 'Fever resolved%'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'override'"
                                    " AND json_extract (after, '$.gate') = 'absolute-findings'"),
                   ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM visit_signatures"), ==, 1);
}

static void
test_sign_local (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ready (f, "WA", NECK);
  add_screening (f, "2026-10-17", "bruise-abrasion", "local", "body-anterior.forearm.left");
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_LOCAL, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  /* An avoid zone elsewhere does not cover it; one over it does. */
  add_mark (f, f->visit, "body-anterior", "avoid", "body-anterior.forearm.right");
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_LOCAL, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  add_mark (f, f->visit, "body-anterior", "avoid", "body-anterior.forearm.left");
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_LOCAL, NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);
  g_assert_true (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_no_error (error);
}

static void
test_sign_screening (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpHealthHistory) routine = palp_health_history_new ();

  ready (f, "WA", NECK);
  /* A routine update of the history is not a reported change. */
  g_object_set (routine, "client-id", f->client_id, "taken-on", "2026-10-15",
                "answers", "{\"medications\": \"ibuprofen as needed\"}", NULL);
  g_assert_true (palp_store_save_health_history (f->store, routine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SCREENING, NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);
  /* A version saying what changed: the screening must be asked again. */
  g_object_set (history, "client-id", f->client_id, "taken-on", "2026-10-15",
                "answers", "{\"surgeries\": [{\"what\": \"knee\", \"on\": \"2026-10\"}],"
                           " \"reported_change\": \"knee surgery\"}",
                NULL);
  g_assert_true (palp_store_save_health_history (f->store, history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SCREENING, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, NULL, 0);
  /* Screened again afterwards (time stamps are to the second, and a
   * change in the same second counts as the later of the two). */
  g_usleep (1100 * 1000);
  add_screening (f, "2026-10-18", NULL, NULL, NULL);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SCREENING, NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);
}

static void
complete_oral (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpOralAssessment) oral = palp_oral_assessment_new ();
  g_autoptr(PalpConsent) consent = palp_consent_new ();

  g_object_set (oral, "visit-id", f->visit, "teeth", (gint64) 1, "gingiva", (gint64) 1,
                "bone", (gint64) 1, "tongue", (gint64) 1, "surrounding", (gint64) 1,
                "gloves", (gint64) 1, NULL);
  g_assert_true (palp_store_save_oral_assessment (f->store, oral, &error));
  g_assert_no_error (error);
  g_object_set (consent, "client-id", f->client_id, "kind", "intra-oral",
                "explained", "Gloved intra-oral work", "signed-by-name", "Grace Whitfield",
                "typed-name", "Grace Whitfield", "attested", (gint64) 1,
                "signed-at", "2026-10-01 10:00:00", NULL);
  g_assert_true (palp_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);
}

static void
test_sign_oral (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const PalpSignOverride endorsement[] = {
    { "rule:us-wa-intra-oral-endorsement", "I hold it, the admin has not recorded it yet." }
  };

  ready (f, "WA", MOUTH);
  /* Intra-oral work with no assessment, gloves or consent. */
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_ORAL, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  complete_oral (f);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_ORAL, NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);

  /* Washington asks for an endorsement, which no reason replaces. */
  g_assert_cmpint (gate_status (f, f->visit, "rule:us-wa-intra-oral-endorsement", NULL, 0,
                                NULL), ==, PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, endorsement, G_N_ELEMENTS (endorsement));
  palp_store_set_actor (f->store, f->admin_id);
  add_licence (f, f->maya_id, PALP_LICENCE_KIND_ENDORSEMENT, "WA", "intra-oral", "2019-01-01",
               NULL);
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_cmpint (gate_status (f, f->visit, "rule:us-wa-intra-oral-endorsement", NULL, 0,
                                NULL), ==, PALP_GATE_PASSED);
  g_assert_true (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_no_error (error);
}

static void
test_sign_ohio_tmj (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReferral) referral = palp_referral_new ();

  ready (f, "OH", JAW);
  /* Jaw muscles treated in Ohio: a written referral is needed. */
  g_assert_cmpint (gate_status (f, f->visit, "rule:us-oh-tmj-referral", NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, NULL, 0);
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Ana Ruiz",
                "profession", "Dentist", "npi", "1234567893", "referred-on", "2026-10-01",
                "expires-on", "2026-12-01", "regions", "face.masseter.left,face.tmj.left",
                NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gate_status (f, f->visit, "rule:us-oh-tmj-referral", NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_PRESCRIPTION_SCOPE, NULL, 0, NULL), ==,
                   PALP_GATE_PASSED);
  g_assert_true (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_no_error (error);
}

static void
test_sign_scope (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  const PalpSignOverride scope[] = {
    { PALP_GATE_PRESCRIPTION_SCOPE, "Compensating tension; prescriber agreed by phone." }
  };

  ready (f, "WA", NECK);
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Ana Ruiz",
                "referred-on", "2026-10-01", "expires-on", "2026-10-10",
                "regions", "body-posterior.lumbar", NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  /* Outside the prescribed regions, and the referral has expired. */
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_PRESCRIPTION_SCOPE, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_REFERRAL_EXPIRED, NULL, 0, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, scope, G_N_ELEMENTS (scope));
}

static void
test_sign_who (Fixture       *f,
               gconstpointer  data)
{
  const PalpSignOverride signer[] = {
    { PALP_GATE_SIGNER, "Maya is away." }, { PALP_GATE_LICENCE, "Renewal is in the post." }
  };

  ready (f, "WA", NECK);
  /* An admin. */
  palp_store_set_actor (f->store, f->admin_id);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SIGNER, signer, 1, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, signer, 1);
  /* Another practitioner. */
  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_SIGNER, signer, 1, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, signer, 1);
}

static void
test_sign_expired (Fixture       *f,
                   gconstpointer  data)
{
  const PalpSignOverride licence[] = { { PALP_GATE_LICENCE, "Renewal is in the post." } };

  palp_store_set_actor (f->store, f->admin_id);
  add_licence (f, f->maya_id, PALP_LICENCE_KIND_LICENCE, "WA", NULL, "2015-06-01",
               "2026-06-01");
  palp_store_set_actor (f->store, f->maya_id);
  add_screening (f, "2026-10-10", NULL, NULL, NULL);
  add_note (f, f->visit, NECK);
  g_assert_cmpint (gate_status (f, f->visit, PALP_GATE_LICENCE, licence, 1, NULL), ==,
                   PALP_GATE_BLOCKED);
  assert_sign_refused (f, f->visit, licence, 1);
}

static void
test_signed_frozen (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) amendments = NULL;
  g_autoptr(PalpSoapNote) note = NULL;
  g_autofree char *sql = NULL;

  ready (f, "WA", NECK);
  add_mark (f, f->visit, "body-posterior", "treated", "body-posterior.trapezius.left");
  g_assert_true (palp_store_sign_note (f->store, f->visit, NULL, 0, &error));
  g_assert_no_error (error);

  assert_refused_sql (f->store, "UPDATE soap_notes SET assessment = 'rewritten'");
  assert_refused_sql (f->store, "DELETE FROM soap_notes");
  assert_refused_sql (f->store, "DELETE FROM chart_marks");
  assert_refused_sql (f->store, "DELETE FROM visit_signatures");
  sql = g_strdup_printf ("UPDATE visits SET starts_at = '2026-10-19 09:00' WHERE id = %"
                         G_GINT64_FORMAT, f->visit);
  assert_refused_sql (f->store, sql);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO gate_overrides (visit_id, gate, reason, by_id, at)"
                         " VALUES (%" G_GINT64_FORMAT ", 'screening-current', 'late', %"
                         G_GINT64_FORMAT ", '2026-10-19 09:00:00')", f->visit, f->maya_id);
  assert_refused_sql (f->store, sql);

  /* An amendment is added beside the note, which stays as signed. */
  g_assert_cmpint (palp_store_add_amendment (f->store, f->visit, "Side recorded wrongly",
                                             "Right trapezius, not left.", &error), >, 0);
  g_assert_no_error (error);
  note = palp_store_load_soap_note (f->store, f->visit, &error);
  g_assert_cmpstr (palp_soap_note_get_string (note, "assessment"), ==, "Tolerated well.");
  amendments = palp_store_list_amendments (f->store, f->visit, &error);
  g_assert_cmpuint (g_list_model_get_n_items (amendments), ==, 1);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *code)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), code))
      return TRUE;
  return FALSE;
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sql = NULL;

  ready (f, "WA", NECK);
  palp_store_set_actor (f->store, f->jonah_id);
  add_note (f, f->jonah_visit, NECK);
  palp_store_set_actor (f->store, f->maya_id);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Signed long ago, then changed by someone who took the rules out; an
   * override on a visit never signed. */
  sql = g_strdup_printf ("INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                         " VALUES (%" G_GINT64_FORMAT ", '2020-01-01 00:00:00', %" G_GINT64_FORMAT
                         ");"
                         " DROP TRIGGER soap_notes_signed_update;"
                         " UPDATE soap_notes SET assessment = 'later' WHERE visit_id = %"
                         G_GINT64_FORMAT ";"
                         " INSERT INTO gate_overrides (visit_id, gate, reason, by_id, at)"
                         " VALUES (%" G_GINT64_FORMAT ", 'screening-current', 'r', %"
                         G_GINT64_FORMAT ", '2026-10-18 12:00:00')",
                         f->visit, f->maya_id, f->visit, f->jonah_visit, f->jonah_id);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_true (has_problem (problems, "signed-record-changed: "));
  g_assert_true (has_problem (problems, "override-unsigned: "));
  g_assert_false (has_problem (problems, "signature-practitioner: "));
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
  g_test_add ("/signing/codes", Fixture, NULL, fixture_setup, test_codes, fixture_teardown);
  g_test_add ("/signing/check", Fixture, NULL, fixture_setup, test_check, fixture_teardown);
  g_test_add ("/signing/passes", Fixture, NULL, fixture_setup, test_sign_passes,
              fixture_teardown);
  g_test_add ("/signing/absolute", Fixture, NULL, fixture_setup, test_sign_absolute,
              fixture_teardown);
  g_test_add ("/signing/local", Fixture, NULL, fixture_setup, test_sign_local,
              fixture_teardown);
  g_test_add ("/signing/screening", Fixture, NULL, fixture_setup, test_sign_screening,
              fixture_teardown);
  g_test_add ("/signing/oral", Fixture, NULL, fixture_setup, test_sign_oral, fixture_teardown);
  g_test_add ("/signing/ohio-tmj", Fixture, NULL, fixture_setup, test_sign_ohio_tmj,
              fixture_teardown);
  g_test_add ("/signing/scope", Fixture, NULL, fixture_setup, test_sign_scope,
              fixture_teardown);
  g_test_add ("/signing/who", Fixture, NULL, fixture_setup, test_sign_who, fixture_teardown);
  g_test_add ("/signing/expired-licence", Fixture, NULL, fixture_setup, test_sign_expired,
              fixture_teardown);
  g_test_add ("/signing/frozen", Fixture, NULL, fixture_setup, test_signed_frozen,
              fixture_teardown);
  return g_test_run ();
}
