/* test-plan-details.c: what a plan of care says besides its goals —
 * diagnoses addressed, sessions, techniques, home care, re-assessment —
 * and how a discharge says it ended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  PalpStore *store;
  gint64     maya_id;
  gint64     client_id;
  gint64     other_client;
  gint64     dx_jaw;
  gint64     dx_neck;
  gint64     dx_other;
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

static gint64
add_diagnosis (PalpStore  *store,
               gint64      client_id,
               const char *code,
               gboolean    primary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();

  g_object_set (dx, "client-id", client_id, "code", code, "description", "Test",
                "is-primary", (gint64) primary, NULL);
  g_assert_true (palp_store_save_diagnosis (store, dx, &error));
  g_assert_no_error (error);
  return palp_diagnosis_get_int (dx, "id");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalpUser) maya = palp_user_new ();

  f->dir = g_dir_make_tmp ("palpate-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_object_set (maya, "login", "maya", "display-name", "Maya", "roles", PALP_ROLE_PRACTITIONER,
                NULL);
  g_assert_true (palp_store_save_user (f->store, maya, &error));
  f->maya_id = palp_user_get_id (maya);
  f->client_id = add_client (f->store, "Ada");
  f->other_client = add_client (f->store, "Ben");
  palp_store_set_actor (f->store, f->maya_id);
  f->dx_jaw = add_diagnosis (f->store, f->client_id, "M26.62", TRUE);
  f->dx_neck = add_diagnosis (f->store, f->client_id, "M54.2", FALSE);
  f->dx_other = add_diagnosis (f->store, f->other_client, "M54.2", TRUE);
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

static PalpPlan *
make_plan (Fixture *f)
{
  PalpPlan *plan = palp_plan_new ();
  g_autofree char *ids = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                          f->dx_jaw, f->dx_neck);

  g_object_set (plan, "client-id", f->client_id, "started-on", "2026-03-02",
                "summary", "Restore jaw opening", "frequency", "Weekly",
                "session-minutes", (gint64) 45, "sessions", (gint64) 8,
                "techniques", "Intra-oral release of the masseter; cervical myofascial work",
                "home-care", "Jaw stretches twice a day", "reassess-on", "2026-04-27",
                "diagnosis-ids", ids, NULL);
  return plan;
}

static PalpPlan *
load_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = palp_store_list_plans (f->store, f->client_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  return g_list_model_get_item (plans, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPlan) plan = make_plan (f);
  g_autoptr(PalpPlan) back = NULL;
  g_autoptr(PalpPlan) again = NULL;
  g_autofree char *jaw = g_strdup_printf ("%" G_GINT64_FORMAT, f->dx_jaw);

  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);

  back = load_plan (f);
  g_assert_cmpint (palp_plan_get_int (back, "session-minutes"), ==, 45);
  g_assert_cmpint (palp_plan_get_int (back, "sessions"), ==, 8);
  g_assert_cmpstr (palp_plan_get_string (back, "techniques"), ==,
                   "Intra-oral release of the masseter; cervical myofascial work");
  g_assert_cmpstr (palp_plan_get_string (back, "home-care"), ==, "Jaw stretches twice a day");
  g_assert_cmpstr (palp_plan_get_string (back, "reassess-on"), ==, "2026-04-27");
  g_assert_cmpstr (palp_plan_get_string (back, "diagnosis-ids"), ==,
                   palp_plan_get_string (plan, "diagnosis-ids"));

  /* Editing: one diagnosis dropped, the session length cleared. */
  g_object_set (back, "diagnosis-ids", jaw, "session-minutes", (gint64) 0, NULL);
  g_assert_true (palp_store_save_plan (f->store, back, &error));
  g_assert_no_error (error);
  again = load_plan (f);
  g_assert_cmpstr (palp_plan_get_string (again, "diagnosis-ids"), ==, jaw);
  g_assert_cmpint (palp_plan_get_int (again, "session-minutes"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log"
                                    " WHERE table_name = 'plan_diagnoses' AND action = 'delete'"),
                   ==, 1);
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *other = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                            f->dx_jaw, f->dx_other);
  struct { const char *prop; gint64 i; const char *s; } bad[] = {
    { "diagnosis-ids", 0, other },
    { "diagnosis-ids", 0, "1;DROP" },
    { "reassess-on", 0, "2026-02-01" },
    { "reassess-on", 0, "2026-02-30" },
    { "session-minutes", 2, NULL },
    { "session-minutes", 600, NULL },
    { "sessions", 501, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalpPlan) attempt = make_plan (f);

      if (bad[i].s != NULL)
        g_object_set (attempt, bad[i].prop, bad[i].s, NULL);
      else
        g_object_set (attempt, bad[i].prop, bad[i].i, NULL);
      g_assert_false (palp_store_save_plan (f->store, attempt, &error));
      g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM plans"), ==, 0);
      g_assert_cmpint (count (f->store, "SELECT count(*) FROM plan_diagnoses"), ==, 0);
    }
}

static void
test_discharge (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPlan) plan = make_plan (f);
  g_autoptr(PalpPlan) back = NULL;
  char *message = NULL;
  gint64 id;

  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  id = palp_plan_get_int (plan, "id");

  g_assert_false (palp_store_discharge_plan_full (f->store, id, "2026-05-01", "bored",
                                                  "Goals met", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM plans WHERE status = 'active'"), ==, 1);

  g_assert_true (palp_store_discharge_plan_full (f->store, id, "2026-05-01", "goals-met",
                                                 "Goals met: opens 46 mm", &error));
  g_assert_no_error (error);
  back = load_plan (f);
  g_assert_cmpstr (palp_plan_get_string (back, "status"), ==, "discharged");
  g_assert_cmpstr (palp_plan_get_string (back, "discharge-kind"), ==, "goals-met");
  g_assert_cmpstr (palp_plan_get_string (back, "discharge-reason"), ==, "Goals met: opens 46 mm");

  /* Its diagnoses are frozen with it, even by SQL. */
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store),
                                 "DELETE FROM plan_diagnoses", NULL, NULL, &message) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  sqlite3_free (message);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM plan_diagnoses"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-details/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);
  g_test_add ("/plan-details/invalid", Fixture, NULL, fixture_setup, test_invalid,
              fixture_teardown);
  g_test_add ("/plan-details/discharge", Fixture, NULL, fixture_setup, test_discharge,
              fixture_teardown);

  return g_test_run ();
}
