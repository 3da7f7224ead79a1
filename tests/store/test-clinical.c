/* test-clinical.c: the clinical record in the store — round trips,
 * validation, permissions, and the rows the schema itself keeps frozen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-progress.h"
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
  gint64     other_client;
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

static gint64
add_client (PalpStore  *store,
            const char *given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();

  g_object_set (client, "given-name", given, "family-name", "Whitfield", NULL);
  g_assert_true (palp_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return palp_client_get_id (client);
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

  f->dir = g_dir_make_tmp ("palpate-clinical-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->admin_id = add_user (f->store, "rosa", PALP_ROLE_ADMIN);
  f->maya_id = add_user (f->store, "maya", PALP_ROLE_PRACTITIONER);
  f->jonah_id = add_user (f->store, "jonah", PALP_ROLE_PRACTITIONER);
  f->client_id = add_client (f->store, "Grace");
  f->other_client = add_client (f->store, "Hugo");
  f->visit = add_visit (f, f->maya_id, "2026-10-18 09:00");
  f->jonah_visit = add_visit (f, f->jonah_id, "2026-10-19 09:00");
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

/* Runs SQL as any program could, bypassing the store's C checks. */
static int
run_sql (PalpStore  *store,
         const char *sql)
{
  return sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, NULL);
}

static void
assert_refused_sql (PalpStore  *store,
                    const char *sql)
{
  int rc = run_sql (store, sql);

  if ((rc & 0xff) != SQLITE_CONSTRAINT)
    g_error ("expected the schema to refuse: %s (got %d: %s)", sql, rc,
             sqlite3_errmsg (palp_store_get_db (store)));
}

static void
sign (Fixture *f,
      gint64   visit)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                     " VALUES (%" G_GINT64_FORMAT ", datetime ('now', 'localtime'),"
                     " palp_actor ())", visit);

  /* The row palp_store_sign_note () writes once every gate passes; the
   * gates themselves are tried in test-signing.c. */
  g_assert_cmpint (run_sql (f->store, sql), ==, SQLITE_OK);
}

static PalpSoapNote *
make_note (gint64 visit)
{
  PalpSoapNote *note = palp_soap_note_new ();

  g_object_set (note, "visit-id", visit, "subjective", "Jaw aches on waking.",
                "objective", "Left masseter hypertonic; opening 34 mm.",
                "assessment", "Myofascial pain, left masseter.",
                "plan-text", "Weekly for four weeks.", "pain", (gint64) 6,
                "has-pain", (gint64) 1,
                "techniques", "[{\"name\": \"Intra-oral release\", \"minutes\": 20,"
                              " \"regions\": \"intra-oral.masseter.left\", \"intra_oral\": true}]",
                "draping", (gint64) 1, "gloves", (gint64) 1, "check-ins", (gint64) 1, NULL);
  return note;
}

static gint64
add_plan_and_goal (Fixture *f,
                   gint64  *out_goal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPlan) plan = palp_plan_new ();
  g_autoptr(PalpPlanGoal) goal = palp_plan_goal_new ();

  g_object_set (plan, "client-id", f->client_id, "started-on", "2026-10-18",
                "summary", "Restore jaw opening", "frequency", "weekly", NULL);
  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_object_set (goal, "plan-id", palp_plan_get_int (plan, "id"), "measure", "mouth-opening",
                "goal", "Bite an apple", "label", "Interincisal opening",
                "baseline", "34", "target", "45", "by-visit", (gint64) 5, NULL);
  g_assert_true (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_no_error (error);
  *out_goal = palp_plan_goal_get_int (goal, "id");
  return palp_plan_get_int (plan, "id");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpHealthHistory) latest = NULL;
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);
  g_autoptr(PalpFindingRecord) f1 = palp_finding_record_new ();
  g_autoptr(PalpFindingRecord) f2 = palp_finding_record_new ();
  g_autoptr(PalpFindingRecord) f3 = palp_finding_record_new ();
  g_autoptr(PalpOralAssessment) oral = palp_oral_assessment_new ();
  g_autoptr(PalpOralAssessment) oral_back = NULL;
  g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();
  g_autoptr(PalpDiagnosis) dx2 = palp_diagnosis_new ();
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  g_autoptr(PalpReading) reading = palp_reading_new ();
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  g_autoptr(PalpSoapNote) note = make_note (f->visit);
  g_autoptr(PalpSoapNote) note_back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GObject) item = NULL;
  g_autofree char *ids = NULL;
  gint64 plan_id, goal_id;

  /* Health history: the header's flags beside the answers. */
  g_object_set (history, "client-id", f->client_id, "taken-on", "2026-10-18",
                "answers", "{\"medications\": [{\"name\": \"warfarin\", \"blood_thinner\": true}],"
                           " \"surgeries\": [{\"what\": \"wisdom teeth\", \"on\": \"2019-03\"}]}",
                "allergies", "Latex; almond oil", "has-blood-thinners", (gint64) 1, NULL);
  g_assert_true (palp_store_save_health_history (f->store, history, &error));
  g_assert_no_error (error);
  latest = palp_store_latest_health_history (f->store, f->client_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpstr (palp_health_history_get_string (latest, "allergies"), ==, "Latex; almond oil");
  g_assert_cmpint (palp_health_history_get_int (latest, "has-blood-thinners"), ==, 1);
  g_assert_cmpint (palp_health_history_get_int (latest, "recorded-by"), ==, f->maya_id);
  g_assert_nonnull (strstr (palp_health_history_get_string (latest, "answers"), "warfarin"));
  g_assert_null (palp_store_latest_health_history (f->store, f->other_client, &error));
  g_assert_no_error (error);

  /* Screening with three findings; the cleared one no longer stands. */
  g_object_set (screening, "client-id", f->client_id, "taken-on", "2026-10-18", NULL);
  g_object_set (f1, "kind", "blood-thinners", "severity", "clearance", NULL);
  g_object_set (f2, "kind", "skin-abrasion", "severity", "local",
                "region-id", "body-anterior.forearm.left", "note", "graze", NULL);
  g_object_set (f3, "kind", "recent-surgery", "severity", "clearance",
                "clearance-on-file", "2026-10-17", NULL);
  g_list_store_append (findings, f1);
  g_list_store_append (findings, f2);
  g_list_store_append (findings, f3);
  g_assert_true (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings),
                                            &error));
  g_assert_no_error (error);
  list = palp_store_list_findings (f->store, palp_screening_record_get_int (screening, "id"),
                                   &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_clear_object (&list);
  list = palp_store_list_active_contraindications (f->store, f->client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_finding_record_get_string (PALP_FINDING_RECORD (item), "kind"), ==,
                   "blood-thinners");
  g_clear_object (&item);
  item = g_list_model_get_item (list, 1);
  g_assert_cmpstr (palp_finding_record_get_string (PALP_FINDING_RECORD (item), "region-id"), ==,
                   "body-anterior.forearm.left");
  g_assert_cmpstr (palp_finding_record_get_string (PALP_FINDING_RECORD (item), "taken-on"), ==,
                   "2026-10-18");
  g_clear_object (&item);
  g_clear_object (&list);

  /* Oral assessment: saved twice, one row. */
  g_object_set (oral, "visit-id", f->visit, "teeth", (gint64) 1, "gingiva", (gint64) 1,
                "bone", (gint64) 1, "tongue", (gint64) 1, "surrounding", (gint64) 1,
                "gloves", (gint64) 1, "note", "Healthy", NULL);
  g_assert_true (palp_store_save_oral_assessment (f->store, oral, &error));
  g_object_set (oral, "lesions", (gint64) 1, NULL);
  g_assert_true (palp_store_save_oral_assessment (f->store, oral, &error));
  g_assert_no_error (error);
  oral_back = palp_store_load_oral_assessment (f->store, f->visit, &error);
  g_assert_nonnull (oral_back);
  g_assert_cmpint (palp_oral_assessment_get_int (oral_back, "lesions"), ==, 1);
  g_assert_cmpint (palp_oral_assessment_get_int (oral_back, "gloves"), ==, 1);
  g_assert_cmpint (palp_oral_assessment_get_int (oral_back, "id"), ==,
                   palp_oral_assessment_get_int (oral, "id"));
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM oral_assessments"), ==, 1);

  /* Diagnoses: the code is normalised; a new primary replaces the last. */
  g_object_set (dx, "client-id", f->client_id, "code", "m26.62", "description",
                "Arthralgia of temporomandibular joint", "laterality", "left",
                "onset-on", "2026-09-01", "is-primary", (gint64) 1, NULL);
  g_assert_true (palp_store_save_diagnosis (f->store, dx, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (palp_diagnosis_get_string (dx, "code"), ==, "M26.62");
  g_object_set (dx2, "client-id", f->client_id, "code", "R68.84", "description", "Jaw pain",
                "is-primary", (gint64) 1, NULL);
  g_assert_true (palp_store_save_diagnosis (f->store, dx2, &error));
  g_assert_no_error (error);
  list = palp_store_list_diagnoses (f->store, f->client_id, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_diagnosis_get_string (PALP_DIAGNOSIS (item), "code"), ==, "R68.84");
  g_clear_object (&item);
  g_clear_object (&list);
  g_object_set (dx, "archived", (gint64) 1, "is-primary", (gint64) 0, NULL);
  g_assert_true (palp_store_save_diagnosis (f->store, dx, &error));
  g_assert_no_error (error);
  list = palp_store_list_diagnoses (f->store, f->client_id, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = palp_store_list_diagnoses (f->store, f->client_id, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  /* Referral naming both diagnoses, then one. */
  ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                         palp_diagnosis_get_int (dx, "id"), palp_diagnosis_get_int (dx2, "id"));
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Ana Ruiz",
                "profession", "Dentist", "npi", "1234567893", "referred-on", "2026-10-01",
                "expires-on", "2026-11-10", "frequency", "weekly", "duration", "6 weeks",
                "regions", "face.masseter.left,face.temporalis.left", "diagnosis-ids", ids,
                NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  list = palp_store_list_referrals (f->store, f->client_id, &error);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_referral_get_string (PALP_REFERRAL (item), "diagnosis-ids"), ==, ids);
  g_assert_cmpstr (palp_referral_get_string (PALP_REFERRAL (item), "npi"), ==, "1234567893");
  g_clear_object (&item);
  g_clear_object (&list);
  g_free (ids);
  ids = g_strdup_printf ("%" G_GINT64_FORMAT, palp_diagnosis_get_int (dx2, "id"));
  g_object_set (referral, "diagnosis-ids", ids, "frequency", "twice weekly", NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM referral_diagnoses"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name ="
                                    " 'referrals' AND action = 'update'"), ==, 1);
  /* Expiring within 30 days of 2026-10-20, not within 10. */
  list = palp_store_list_expiring_referrals (f->store, f->client_id, "2026-10-20", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = palp_store_list_expiring_referrals (f->store, 0, "2026-10-20", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* Plan, goal (direction and MIC filled in), reading. */
  plan_id = add_plan_and_goal (f, &goal_id);
  list = palp_store_list_plan_goals (f->store, plan_id, &error);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_plan_goal_get_string (PALP_PLAN_GOAL (item), "direction"), ==, "higher");
  g_assert_cmpstr (palp_plan_goal_get_string (PALP_PLAN_GOAL (item), "baseline"), ==, "34");
  g_assert_cmpstr (palp_plan_goal_get_string (PALP_PLAN_GOAL (item), "mic"), ==, "5");
  g_assert_cmpint (palp_plan_goal_get_int (PALP_PLAN_GOAL (item), "by-visit"), ==, 5);
  g_clear_object (&item);
  g_clear_object (&list);
  g_object_set (reading, "visit-id", f->visit, "goal-id", goal_id, "value", "36.5", NULL);
  g_assert_true (palp_store_save_reading (f->store, reading, &error));
  g_assert_no_error (error);
  list = palp_store_list_readings (f->store, goal_id, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_reading_get_string (PALP_READING (item), "value"), ==, "36.5");
  g_assert_cmpstr (palp_reading_get_string (PALP_READING (item), "visit-starts-at"), ==,
                   "2026-10-18 09:00");
  g_clear_object (&item);
  g_clear_object (&list);

  /* Consent to the plan, typed and attested; then revoked once. */
  g_object_set (consent, "client-id", f->client_id, "kind", "plan", "plan-id", plan_id,
                "explained", "Risks, benefits, alternatives of intra-oral work",
                "questions", "Will it hurt? Answered.", "signed-by-name", "Grace Whitfield",
                "typed-name", "Grace Whitfield", "attested", (gint64) 1, NULL);
  g_assert_true (palp_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_revoke_consent (f->store, palp_consent_get_int (consent, "id"),
                                            "Client withdrew", &error));
  g_assert_no_error (error);
  g_assert_false (palp_store_revoke_consent (f->store, palp_consent_get_int (consent, "id"),
                                             "Again", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  list = palp_store_list_consents (f->store, f->client_id, &error);
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_consent_get_string (PALP_CONSENT (item), "revoke-reason"), ==,
                   "Client withdrew");
  g_assert_cmpint (palp_consent_get_int (PALP_CONSENT (item), "revoked-by"), ==, f->maya_id);
  g_assert_cmpint (palp_consent_get_int (PALP_CONSENT (item), "plan-id"), ==, plan_id);
  g_clear_object (&item);
  g_clear_object (&list);

  /* SOAP note: a draft, edited, then read back. */
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);
  g_object_set (note, "has-pain", (gint64) 0, "adverse-effects", "None", NULL);
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);
  note_back = palp_store_load_soap_note (f->store, f->visit, &error);
  g_assert_nonnull (note_back);
  g_assert_cmpstr (palp_soap_note_get_string (note_back, "assessment"), ==,
                   "Myofascial pain, left masseter.");
  g_assert_cmpint (palp_soap_note_get_int (note_back, "has-pain"), ==, 0);
  g_assert_cmpint (palp_soap_note_get_int (note_back, "signed"), ==, 0);
  g_assert_cmpint (palp_soap_note_get_int (note_back, "author-id"), ==, f->maya_id);
  g_assert_nonnull (strstr (palp_soap_note_get_string (note_back, "techniques"), "Intra-oral"));
  g_assert_null (palp_store_load_soap_note (f->store, f->jonah_visit, &error));
  g_assert_no_error (error);

  /* A gate override, then the signature; the note then says so. */
  g_assert_cmpint (palp_store_record_gate_override (f->store, f->visit, "screening-current",
                                                    "Screened by phone this morning", &error),
                   >, 0);
  g_assert_no_error (error);
  list = palp_store_list_gate_overrides (f->store, f->visit, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  sign (f, f->visit);
  g_clear_object (&note_back);
  note_back = palp_store_load_soap_note (f->store, f->visit, &error);
  g_assert_cmpint (palp_soap_note_get_int (note_back, "signed"), ==, 1);
  g_assert_nonnull (palp_soap_note_get_string (note_back, "signed-at"));

  /* Everything written went to the audit log with the client. */
  g_assert_cmpint (count (f->store, "SELECT count(DISTINCT table_name) FROM audit_log"
                                    " WHERE client_id IS NOT NULL AND table_name IN"
                                    " ('health_histories', 'screenings', 'screening_findings',"
                                    " 'oral_assessments', 'diagnoses', 'referrals',"
                                    " 'referral_diagnoses', 'plans', 'plan_goals',"
                                    " 'measurements', 'consents', 'soap_notes',"
                                    " 'gate_overrides')"), ==, 13);

  /* And the clinic is consistent. */
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_amendments (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSoapNote) note = make_note (f->visit);
  g_autoptr(PalpSoapNote) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PalpAmendment) amendment = NULL;
  gint64 id;

  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);

  /* A draft is edited, not amended. */
  g_assert_cmpint (palp_store_add_amendment (f->store, f->visit, "Typo", "Right side", &error),
                   ==, 0);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  sign (f, f->visit);
  g_object_set (note, "assessment", "Rewritten after the fact", NULL);
  g_assert_false (palp_store_save_soap_note (f->store, note, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A reason is required; only the author amends. */
  g_assert_cmpint (palp_store_add_amendment (f->store, f->visit, "  ", "text", &error), ==, 0);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_cmpint (palp_store_add_amendment (f->store, f->visit, "Late entry", "x", &error), ==,
                   0);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->maya_id);

  id = palp_store_add_amendment (f->store, f->visit, "Wrong side recorded",
                                 "The pain was on the right masseter, not the left.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  list = palp_store_list_amendments (f->store, f->visit, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  amendment = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_amendment_get_string (amendment, "reason"), ==, "Wrong side recorded");
  g_assert_cmpint (palp_amendment_get_int (amendment, "author-id"), ==, f->maya_id);

  /* The original stands beside it. */
  back = palp_store_load_soap_note (f->store, f->visit, &error);
  g_assert_cmpstr (palp_soap_note_get_string (back, "assessment"), ==,
                   "Myofascial pain, left masseter.");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'amend'"),
                   ==, 1);
}

static void
test_frozen_in_sql (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);
  g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();
  g_autoptr(PalpSoapNote) note = make_note (f->visit);
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  g_autoptr(PalpOralAssessment) oral = palp_oral_assessment_new ();
  g_autoptr(PalpReading) reading = palp_reading_new ();
  g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  gint64 goal_id;
  const char *refused[] = {
    /* Versions are never changed. */
    "UPDATE health_histories SET allergies = NULL",
    "DELETE FROM health_histories",
    "UPDATE screenings SET note = 'x'",
    "DELETE FROM screenings",
    "UPDATE screening_findings SET severity = 'local', region_id = 'x'",
    "DELETE FROM screening_findings",
    /* A signed visit's note, oral assessment and measurements. */
    "UPDATE soap_notes SET assessment = 'changed'",
    "DELETE FROM soap_notes",
    "UPDATE oral_assessments SET lesions = 1",
    "DELETE FROM oral_assessments",
    "UPDATE measurements SET value = 40",
    "DELETE FROM measurements",
    /* Amendments and overrides. */
    "UPDATE note_amendments SET text = 'changed'",
    "DELETE FROM note_amendments",
    "UPDATE gate_overrides SET reason = 'changed'",
    "DELETE FROM gate_overrides",
    /* Consents: never deleted, never rewritten. */
    "DELETE FROM consents",
    "UPDATE consents SET explained = 'something else'",
    "UPDATE consents SET signed_by_name = 'Someone', revoked_at = signed_at,"
    " revoked_by = 2, revoke_reason = 'x'",
    /* Kept: archived or discharged, never deleted. */
    "DELETE FROM diagnoses",
    "DELETE FROM referrals",
    "DELETE FROM plans",
    "DELETE FROM plan_goals",
    /* Shapes. */
    "UPDATE diagnoses SET code = 'M542'",
    "UPDATE referrals SET npi = '323456789'",
    "UPDATE referrals SET npi = '3234567893'",
  };

  g_object_set (history, "client-id", f->client_id, "taken-on", "2026-10-18", "answers", "{}",
                NULL);
  g_assert_true (palp_store_save_health_history (f->store, history, &error));
  g_object_set (screening, "client-id", f->client_id, "taken-on", "2026-10-18", NULL);
  g_object_set (finding, "kind", "fever", "severity", "absolute", NULL);
  g_list_store_append (findings, finding);
  g_assert_true (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings),
                                            &error));
  g_object_set (dx, "client-id", f->client_id, "code", "M54.2", "description", "Cervicalgia",
                NULL);
  g_assert_true (palp_store_save_diagnosis (f->store, dx, &error));
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Ruiz",
                "referred-on", "2026-10-01", NULL);
  g_assert_true (palp_store_save_referral (f->store, referral, &error));
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_object_set (oral, "visit-id", f->visit, "gloves", (gint64) 1, NULL);
  g_assert_true (palp_store_save_oral_assessment (f->store, oral, &error));
  add_plan_and_goal (f, &goal_id);
  g_object_set (reading, "visit-id", f->visit, "goal-id", goal_id, "value", "36", NULL);
  g_assert_true (palp_store_save_reading (f->store, reading, &error));
  g_object_set (consent, "client-id", f->client_id, "kind", "intra-oral",
                "explained", "Gloved intra-oral work", "signed-by-name", "Grace Whitfield",
                "signature", "[[[0.1,0.2],[0.3,0.4]]]", NULL);
  g_assert_true (palp_store_save_consent (f->store, consent, &error));
  g_assert_true (palp_store_record_gate_override (f->store, f->visit, "oral-assessment",
                                                  "Assessed by the dentist today", &error) > 0);
  g_assert_no_error (error);
  sign (f, f->visit);
  g_assert_cmpint (palp_store_add_amendment (f->store, f->visit, "Clarify", "More detail.",
                                             &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused_sql (f->store, refused[i]);

  /* Nothing new on a signed visit either, in SQL as in C. */
  palp_store_set_actor (f->store, f->jonah_id);
  sign (f, f->jonah_visit);
  palp_store_set_actor (f->store, f->maya_id);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO soap_notes (visit_id, author_id,"
                                            " created_at, updated_at) VALUES (%" G_GINT64_FORMAT
                                            ", 2, '2026-10-19 10:00:00', '2026-10-19 10:00:00')",
                                            f->jonah_visit);
    g_autofree char *oral_sql = g_strdup_printf ("INSERT INTO oral_assessments (visit_id,"
                                                 " assessed_by, assessed_at) VALUES (%"
                                                 G_GINT64_FORMAT ", 2, '2026-10-19 10:00:00')",
                                                 f->jonah_visit);

    assert_refused_sql (f->store, sql);
    assert_refused_sql (f->store, oral_sql);
  }
  g_object_set (reading, "value", "40", NULL);
  g_assert_false (palp_store_save_reading (f->store, reading, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_delete_reading (f->store, palp_reading_get_int (reading, "id"),
                                             &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_save_oral_assessment (f->store, oral, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_record_gate_override (f->store, f->visit, "x", "late", &error),
                   ==, 0);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* Versions are never saved over. */
  g_assert_false (palp_store_save_health_history (f->store, history, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_save_consent (f->store, consent, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The revocation itself is allowed once, in SQL too. */
  g_assert_cmpint (run_sql (f->store, "UPDATE consents SET revoked_at = signed_at,"
                                      " revoked_by = 2, revoke_reason = 'withdrawn'"), ==,
                   SQLITE_OK);
  assert_refused_sql (f->store, "UPDATE consents SET revoked_at = NULL, revoked_by = NULL,"
                                " revoke_reason = NULL");
  assert_refused_sql (f->store, "UPDATE consents SET revoke_reason = 'another reason'");

  /* A discharged plan is frozen. */
  {
    g_autoptr(GListModel) plans = palp_store_list_plans (f->store, f->client_id, &error);
    g_autoptr(PalpPlan) plan = g_list_model_get_item (plans, 0);

    g_assert_true (palp_store_discharge_plan (f->store, palp_plan_get_int (plan, "id"),
                                              "2026-11-20", "Goals met", &error));
    g_assert_no_error (error);
    assert_refused_sql (f->store, "UPDATE plans SET summary = 'x'");
    assert_refused_sql (f->store, "UPDATE plan_goals SET target = 50");
    g_assert_false (palp_store_save_plan (f->store, plan, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();
  g_autoptr(PalpSoapNote) note = make_note (f->visit);
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  g_autoptr(PalpPlan) plan = palp_plan_new ();
  g_autoptr(PalpPlanGoal) goal = palp_plan_goal_new ();
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);
  g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();
  const char *bad_npis[] = { "1234567890", "123456789", "3234567893", "12345678x3" };
  const char *bad_codes[] = { "54.2", "M5", "MM4.2", "M54.23456", "M54..2" };
  const char *bad_techniques[] = {
    "{\"name\": \"x\"}", "[{\"name\": \"Effleurage\"}]",
    "[{\"name\": \"Effleurage\", \"minutes\": 0}]", "[{\"minutes\": 10}]",
    "[{\"name\": \"x\", \"minutes\": 10, \"intra_oral\": \"yes\"}]", "not json",
  };

  /* NPIs: shape and check digit. */
  g_object_set (referral, "client-id", f->client_id, "prescriber-name", "Dr. Ruiz",
                "referred-on", "2026-10-01", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_npis); i++)
    {
      g_object_set (referral, "npi", bad_npis[i], NULL);
      g_assert_false (palp_store_save_referral (f->store, referral, &error));
      g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_object_set (referral, "npi", NULL, "expires-on", "2026-09-01", NULL);
  g_assert_false (palp_store_save_referral (f->store, referral, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* ICD-10-CM shapes. */
  g_object_set (dx, "client-id", f->client_id, "description", "Neck pain", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      g_object_set (dx, "code", bad_codes[i], NULL);
      g_assert_false (palp_store_save_diagnosis (f->store, dx, &error));
      g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Pain 11, and techniques without a name or minutes. */
  g_object_set (note, "pain", (gint64) 11, NULL);
  g_assert_false (palp_store_save_soap_note (f->store, note, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (note, "pain", (gint64) 3, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_techniques); i++)
    {
      g_object_set (note, "techniques", bad_techniques[i], NULL);
      g_assert_false (palp_store_save_soap_note (f->store, note, &error));
      g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Bad JSON in a health history and a signature. */
  g_object_set (history, "client-id", f->client_id, "taken-on", "2026-10-18",
                "answers", "{\"medications\": [", NULL);
  g_assert_false (palp_store_save_health_history (f->store, history, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (history, "answers", "[1, 2]", NULL);
  g_assert_false (palp_store_save_health_history (f->store, history, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (consent, "client-id", f->client_id, "kind", "privacy",
                "explained", "How records are kept", "signed-by-name", "Grace Whitfield",
                "signature", "[[0.1,", NULL);
  g_assert_false (palp_store_save_consent (f->store, consent, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A typed name needs the attestation. */
  g_object_set (consent, "signature", NULL, "typed-name", "Grace Whitfield", NULL);
  g_assert_false (palp_store_save_consent (f->store, consent, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A plan consent names its plan. */
  g_object_set (consent, "kind", "plan", "attested", (gint64) 1, NULL);
  g_assert_false (palp_store_save_consent (f->store, consent, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A local finding names its region; a goal its "by when" and a target
   * better than its baseline. */
  g_object_set (screening, "client-id", f->client_id, "taken-on", "2026-10-18", NULL);
  g_object_set (finding, "kind", "bruise", "severity", "local", NULL);
  g_list_store_append (findings, finding);
  g_assert_false (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings),
                                             &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (plan, "client-id", f->client_id, "started-on", "2026-10-18", NULL);
  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_object_set (goal, "plan-id", palp_plan_get_int (plan, "id"), "measure", "pain-nrs",
                "goal", "Sleep through the night", "baseline", "7", "target", "3", NULL);
  g_assert_false (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (goal, "by-date", "2026-12-01", "target", "9", NULL);
  g_assert_false (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (goal, "target", "3", NULL);
  g_assert_true (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (palp_plan_goal_get_string (goal, "direction"), ==, "lower");

  /* Nothing was written by the refusals. */
  g_assert_cmpint (count (f->store, "SELECT (SELECT count(*) FROM referrals) + (SELECT count(*)"
                                    " FROM diagnoses) + (SELECT count(*) FROM soap_notes)"
                                    " + (SELECT count(*) FROM health_histories)"
                                    " + (SELECT count(*) FROM consents)"
                                    " + (SELECT count(*) FROM screenings)"), ==, 0);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSoapNote) note = make_note (f->jonah_visit);
  g_autoptr(PalpOralAssessment) oral = palp_oral_assessment_new ();
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  g_autoptr(PalpPlan) plan = palp_plan_new ();

  /* Maya may not document Jonah's visit. */
  g_assert_false (palp_store_save_soap_note (f->store, note, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (oral, "visit-id", f->jonah_visit, NULL);
  g_assert_false (palp_store_save_oral_assessment (f->store, oral, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_record_gate_override (f->store, f->jonah_visit, "screening",
                                                    "reason", &error), ==, 0);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* An admin documents nothing clinical... */
  palp_store_set_actor (f->store, f->admin_id);
  g_object_set (note, "visit-id", f->visit, NULL);
  g_assert_false (palp_store_save_soap_note (f->store, note, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (history, "client-id", f->client_id, "taken-on", "2026-10-18", "answers", "{}",
                NULL);
  g_assert_false (palp_store_save_health_history (f->store, history, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (plan, "client-id", f->client_id, "started-on", "2026-10-18",
                "practitioner-id", f->maya_id, NULL);
  g_assert_false (palp_store_save_plan (f->store, plan, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* ...but takes the privacy consent at the desk. */
  g_object_set (consent, "client-id", f->client_id, "kind", "privacy",
                "explained", "How records are kept", "signed-by-name", "Grace Whitfield",
                "typed-name", "Grace Whitfield", "attested", (gint64) 1, NULL);
  g_assert_true (palp_store_save_consent (f->store, consent, &error));
  g_assert_no_error (error);

  /* Nobody acting: nothing written. */
  palp_store_set_actor (f->store, 0);
  g_object_set (note, "visit-id", f->visit, NULL);
  g_assert_false (palp_store_save_soap_note (f->store, note, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Jonah documents his own; Maya cannot take over his plan. */
  palp_store_set_actor (f->store, f->jonah_id);
  g_object_set (note, "visit-id", f->jonah_visit, NULL);
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);
  g_object_set (plan, "practitioner-id", (gint64) 0, NULL);
  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_plan_get_int (plan, "practitioner-id"), ==, f->jonah_id);
  palp_store_set_actor (f->store, f->maya_id);
  g_object_set (plan, "practitioner-id", f->maya_id, NULL);
  g_assert_false (palp_store_save_plan (f->store, plan, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSoapNote) note = make_note (f->visit);
  g_autoptr(GPtrArray) problems = NULL;
  gboolean changed = FALSE, amended = FALSE;

  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);
  sign (f, f->visit);

  /* Someone edits the file with the rules taken out. */
  g_assert_cmpint (run_sql (f->store, "DROP TRIGGER soap_notes_signed_update;"
                                      " UPDATE soap_notes SET assessment = 'later',"
                                      " updated_at = '2999-01-01 00:00:00';"
                                      " DROP TRIGGER note_amendments_signed_only;"
                                      " DROP TRIGGER note_amendments_author;"
                                      " INSERT INTO note_amendments (visit_id, author_id,"
                                      " created_at, reason, text) SELECT id, 2,"
                                      " '2026-10-19 10:00:00', 'r', 't' FROM visits"
                                      " WHERE id NOT IN (SELECT visit_id FROM visit_signatures)"),
                   ==, SQLITE_OK);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *p = g_ptr_array_index (problems, i);

      changed |= g_str_has_prefix (p, "note-after-signature: ");
      amended |= g_str_has_prefix (p, "amendment-unsigned: ");
    }
  g_assert_true (changed);
  g_assert_true (amended);
}

/* The demo's clinical story, written through the store's rules. */

/* The client's attended visits, oldest first. */
static GPtrArray *
attended_visits (PalpStore *store,
                 gint64     client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) visits = palp_store_list_visits (store, client_id, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (visits); i > 0; i--)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (visits, i - 1);

      if (g_strcmp0 (palp_visit_get_string (v, "status"), "attended") == 0)
        g_ptr_array_add (out, g_steal_pointer (&v));
    }
  return out;
}

static guint
count_signed (PalpStore *store,
              GPtrArray *visits)
{
  guint n = 0;

  for (guint i = 0; i < visits->len; i++)
    {
      g_autoptr(PalpSoapNote) note =
        palp_store_load_soap_note (store, palp_visit_get_int (g_ptr_array_index (visits, i), "id"),
                                   NULL);

      n += note != NULL && palp_soap_note_get_int (note, "signed") == 1;
    }
  return n;
}

/* Whether the client's active plan shows a plateau over the clinic's
 * default window, from the readings the demo recorded. */
static gboolean
plan_plateaus (PalpStore *store,
               gint64     client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = palp_store_list_plans (store, client_id, &error);
  g_autoptr(PalpPlan) plan = g_list_model_get_item (plans, 0);
  g_autoptr(GListModel) goals = palp_store_list_plan_goals (store, palp_plan_get_int (plan, "id"),
                                                            &error);
  g_autoptr(GPtrArray) visits = attended_visits (store, client_id);
  guint n = g_list_model_get_n_items (goals);
  g_autofree PalpGoal *rules = g_new0 (PalpGoal, n);
  g_autofree PalpGoalTrack *tracks = g_new0 (PalpGoalTrack, n);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_free);
  PalpPlateau plateau = { 0 };
  guint last = 0;
  gboolean result;

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  for (guint g = 0; g < n; g++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (goals, g);
      g_autoptr(GListModel) readings = palp_store_list_readings (store,
                                                                 palp_plan_goal_get_int (goal, "id"),
                                                                 0, &error);
      PalpMeasurement *points = g_new0 (PalpMeasurement, g_list_model_get_n_items (readings));
      PalpMeasureKind kind;

      g_assert_no_error (error);
      g_assert_true (palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind));
      if (kind == PALP_MEASURE_CUSTOM)
        g_assert_true (palp_measure_init_custom (&rules[g].measure,
                                                 g_str_equal (palp_plan_goal_get_string (goal,
                                                                                         "direction"),
                                                              "lower")
                                                   ? PALP_DIRECTION_LOWER_IS_BETTER
                                                   : PALP_DIRECTION_HIGHER_IS_BETTER,
                                                 g_ascii_strtod (palp_plan_goal_get_string (goal,
                                                                                            "mic"),
                                                                 NULL),
                                                 -INFINITY, INFINITY, NULL));
      else
        g_assert_true (palp_measure_init (&rules[g].measure, kind, NULL, NULL));
      rules[g].baseline = g_ascii_strtod (palp_plan_goal_get_string (goal, "baseline"), NULL);
      rules[g].target = g_ascii_strtod (palp_plan_goal_get_string (goal, "target"), NULL);
      rules[g].baseline_visit = 1;
      rules[g].due_visit = (guint) palp_plan_goal_get_int (goal, "by-visit");
      for (guint r = 0; r < g_list_model_get_n_items (readings); r++)
        {
          g_autoptr(PalpReading) reading = g_list_model_get_item (readings, r);

          for (guint v = 0; v < visits->len; v++)
            if (palp_visit_get_int (g_ptr_array_index (visits, v), "id") ==
                palp_reading_get_int (reading, "visit-id"))
              points[r].visit = v + 1;
          g_assert_cmpuint (points[r].visit, >, 0);
          points[r].value = g_ascii_strtod (palp_reading_get_string (reading, "value"), NULL);
          last = MAX (last, points[r].visit);
        }
      tracks[g] = (PalpGoalTrack) { &rules[g], points, g_list_model_get_n_items (readings) };
      g_ptr_array_add (series, points);
    }
  g_assert_true (palp_plateau_check (tracks, n, last, 0, &plateau, &error));
  g_assert_no_error (error);
  result = plateau.plateau;
  palp_plateau_clear (&plateau);
  return result;
}

static void
test_demo_story (gconstpointer data)
{
  PalpCountry country = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-demo-story-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GListModel) unsigned_visits = NULL;
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(GListModel) active = NULL;
  guint amendments = 0, overrides = 0, guardian = 0, typed = 0, drawn = 0;
  gint64 grace = 1, hal = 2, marcus = 4, leo = 7, zoe = 8;

  g_assert_no_error (error);
  g_assert_true (palp_demo_populate (store, country, NULL, &error));
  g_assert_no_error (error);

  /* Six to twelve signed notes for each main clinical client. */
  for (gint64 c = grace; c <= marcus; c += (c == hal ? 2 : 1))
    {
      g_autoptr(GPtrArray) visits = attended_visits (store, c);
      guint n = count_signed (store, visits);

      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpuint (n, <=, 12);
      for (guint i = 0; i < visits->len; i++)
        {
          gint64 id = palp_visit_get_int (g_ptr_array_index (visits, i), "id");
          g_autoptr(GListModel) a = palp_store_list_amendments (store, id, &error);
          g_autoptr(GListModel) o = palp_store_list_gate_overrides (store, id, &error);

          amendments += g_list_model_get_n_items (a);
          overrides += g_list_model_get_n_items (o);
          for (guint k = 0; k < g_list_model_get_n_items (o); k++)
            {
              g_autoptr(PalpGateOverride) over = g_list_model_get_item (o, k);

              g_assert_cmpint (c, ==, marcus);
              g_assert_cmpstr (palp_record_get_string (PALP_RECORD (over), "gate"), ==,
                               PALP_GATE_REFERRAL_EXPIRED);
            }
        }
    }
  g_assert_cmpuint (amendments, ==, 1);
  g_assert_cmpuint (overrides, ==, 1);

  /* Hal's progress stalls; Grace's and Marcus's does not. */
  g_assert_true (plan_plateaus (store, hal));
  g_assert_false (plan_plateaus (store, grace));
  g_assert_false (plan_plateaus (store, marcus));
  g_assert_false (plan_plateaus (store, zoe));

  /* Marcus's wrist stands as a local contraindication, avoided on every
   * chart of his. */
  active = palp_store_list_active_contraindications (store, marcus, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  {
    g_autoptr(PalpFindingRecord) f = g_list_model_get_item (active, 0);
    g_autoptr(GPtrArray) visits = attended_visits (store, marcus);

    g_assert_cmpstr (palp_finding_record_get_string (f, "severity"), ==, "local");
    for (guint i = 0; i < visits->len; i++)
      {
        g_autoptr(GListModel) marks =
          palp_store_list_marks (store, palp_visit_get_int (g_ptr_array_index (visits, i), "id"),
                                 &error);
        gboolean avoided = FALSE;

        for (guint k = 0; k < g_list_model_get_n_items (marks); k++)
          {
            g_autoptr(PalpMark) m = g_list_model_get_item (marks, k);

            avoided = avoided || g_strcmp0 (palp_mark_get_string (m, "kind"), "avoid") == 0;
          }
        g_assert_true (avoided);
      }
  }

  /* Leo's mother signs for him on the pad; Zoë typed and attested. */
  consents = palp_store_list_consents (store, leo, &error);
  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(PalpConsent) c = g_list_model_get_item (consents, i);

      if (g_strcmp0 (palp_consent_get_string (c, "kind"), "guardian") == 0)
        {
          guardian++;
          g_assert_cmpstr (palp_consent_get_string (c, "signed-by-name"), ==, "Jin Park");
          g_assert_true (g_str_has_prefix (palp_consent_get_string (c, "signature"), "[[["));
        }
    }
  g_assert_cmpuint (guardian, ==, 1);
  g_clear_object (&consents);
  consents = palp_store_list_consents (store, zoe, &error);
  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(PalpConsent) c = g_list_model_get_item (consents, i);

      typed += palp_consent_get_string (c, "typed-name") != NULL &&
               palp_consent_get_int (c, "attested") == 1;
      drawn += palp_consent_get_string (c, "signature") != NULL;
    }
  g_assert_cmpuint (typed, ==, 1);
  g_assert_cmpuint (drawn, >=, 1);

  /* Notes left to sign, and today's combined visit for Grace untouched. */
  unsigned_visits = palp_store_list_unsigned_visits (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), >=, 2);
  {
    g_autoptr(GListModel) visits = palp_store_list_visits (store, grace, &error);
    g_autoptr(PalpVisit) today = g_list_model_get_item (visits, 0);
    g_autoptr(PalpSoapNote) note = NULL;

    g_assert_cmpstr (palp_visit_get_string (today, "status"), ==, "booked");
    note = palp_store_load_soap_note (store, palp_visit_get_int (today, "id"), &error);
    g_assert_no_error (error);
    g_assert_null (note);
  }

  problems = palp_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  for (const char *suffix = ""; suffix != NULL;
       suffix = *suffix == '\0' ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/clinical/round-trip", test_round_trip);
  ADD ("/clinical/amendments", test_amendments);
  ADD ("/clinical/frozen-in-sql", test_frozen_in_sql);
  ADD ("/clinical/refused", test_refused);
  ADD ("/clinical/permissions", test_permissions);
  ADD ("/clinical/check", test_check);
#undef ADD
  g_test_add_data_func ("/clinical/demo-story/us", GINT_TO_POINTER (PALP_COUNTRY_US),
                        test_demo_story);
  g_test_add_data_func ("/clinical/demo-story/ca", GINT_TO_POINTER (PALP_COUNTRY_CA),
                        test_demo_story);

  return g_test_run ();
}
