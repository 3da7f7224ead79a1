/* test-plan.c: the client's Plan tab — a plan with a goal, its progress
 * plot and plateau warning, and a consent recorded and revoked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "palp-client-plan.h"
#include "palp-demo.h"
#include "palp-signature-pad.h"
#include "palp-test-shot.h"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpClient *client;
  gint64      plan_id;
  gint64      goal_id;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

static void
wait_idle (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gint64
add_visit (Fixture    *f,
           gint64      practitioner,
           const char *starts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = palp_visit_new ();

  g_object_set (visit, "client-id", palp_client_get_id (f->client),
                "practitioner-id", practitioner, "starts-at", starts,
                "duration-minutes", (gint64) 60, "status", "attended", NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_no_error (error);
  return palp_visit_get_int (visit, "id");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const char *dates[] = {
    "2026-09-01 10:00", "2026-09-08 10:00", "2026-09-15 10:00", "2026-09-22 10:00",
    "2026-09-29 10:00",
  };
  static const char *values[] = { NULL, "5", "5", "5", "5" };
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) maya = NULL;
  g_autoptr(PalpPlan) plan = palp_plan_new ();
  g_autoptr(PalpPlanGoal) goal = palp_plan_goal_new ();
  g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();
  g_autofree char *path = NULL;
  g_autofree char *dx_id = NULL;

  f->dir = g_dir_make_tmp ("palpate-plan-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, NULL, NULL, &error);
  g_assert_no_error (error);
  maya = palp_store_find_user (f->store, "maya", &error);
  g_assert_no_error (error);
  palp_store_set_actor (f->store, palp_user_get_id (maya));

  f->client = palp_client_new ();
  g_object_set (f->client, "given-name", "Noor", "family-name", "Haddad",
                "birth-date", "1984-02-11", NULL);
  g_assert_true (palp_store_save_client (f->store, f->client, &error));
  g_assert_no_error (error);

  g_object_set (dx, "client-id", palp_client_get_id (f->client), "code", "M54.2",
                "description", "Cervicalgia", "is-primary", (gint64) 1, NULL);
  g_assert_true (palp_store_save_diagnosis (f->store, dx, &error));
  g_assert_no_error (error);
  dx_id = g_strdup_printf ("%" G_GINT64_FORMAT, palp_diagnosis_get_int (dx, "id"));

  g_object_set (plan, "client-id", palp_client_get_id (f->client), "started-on", "2026-09-01",
                "summary", "Reduce neck pain so the client can work at a desk",
                "frequency", "Once a week", "session-minutes", (gint64) 60,
                "sessions", (gint64) 8, "techniques", "Myofascial release, trigger points",
                "home-care", "Chin tucks, twice a day", "reassess-on", "2026-10-27",
                "diagnosis-ids", dx_id, NULL);
  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  f->plan_id = palp_plan_get_int (plan, "id");

  g_object_set (goal, "plan-id", f->plan_id, "measure", "pain-nrs",
                "goal", "Work at a desk for two hours without neck pain",
                "label", "Neck pain at the end of the work day",
                "baseline", "7", "target", "2", "by-visit", (gint64) 8, NULL);
  g_assert_true (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_no_error (error);
  f->goal_id = palp_plan_goal_get_int (goal, "id");

  /* Better at visit 2, then no change: a plateau over the last 3 visits. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      gint64 visit = add_visit (f, palp_user_get_id (maya), dates[i]);
      g_autoptr(PalpReading) reading = palp_reading_new ();

      if (values[i] == NULL)
        continue;
      g_object_set (reading, "visit-id", visit, "goal-id", f->goal_id, "value", values[i],
                    NULL);
      g_assert_true (palp_store_save_reading (f->store, reading, &error));
      g_assert_no_error (error);
    }

  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 820, 900);
  f->page = g_object_new (PALP_TYPE_CLIENT_PLAN, NULL);
  adw_window_set_content (ADW_WINDOW (f->window), f->page);
  palp_client_plan_set_store (PALP_CLIENT_PLAN (f->page), f->store);
  palp_client_plan_set_client (PALP_CLIENT_PLAN (f->page), f->client);
  gtk_window_present (f->window);
  wait_idle ();
}

static void
close_toplevels (void)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  wait_idle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  close_toplevels ();
  g_clear_object (&f->client);
  g_clear_object (&f->store);
  d = g_dir_open (f->dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The first widget under @root of @type (and, for a button, with @label). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (label == NULL)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
other_window (Fixture *f)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != f->window && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
test_progress_and_plateau (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *area = find_widget (f->page, GTK_TYPE_DRAWING_AREA, NULL);
  const char *tooltip = NULL;

  /* The plot is there, described in words, and the plateau warns. */
  g_assert_nonnull (area);
  tooltip = gtk_widget_get_tooltip_text (area);
  g_assert_nonnull (strstr (tooltip, "latest 5/10 at visit 5"));
  g_assert_nonnull (strstr (tooltip, "improved by 2 points"));
  g_assert_true (palp_client_plan_has_plateau_warning (PALP_CLIENT_PLAN (f->page)));
  g_assert_nonnull (find_widget (f->page, GTK_TYPE_BUTTON, "_Change the Plan"));
  palp_test_shoot (f->window, "plan-plateau");

  /* A better reading at a new visit lifts the warning. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PalpReading) reading = palp_reading_new ();
    gint64 visit = add_visit (f, palp_store_get_actor (f->store), "2026-10-06 10:00");

    g_object_set (reading, "visit-id", visit, "goal-id", f->goal_id, "value", "2", NULL);
    g_assert_true (palp_store_save_reading (f->store, reading, &error));
    g_assert_no_error (error);
    palp_client_plan_reload (PALP_CLIENT_PLAN (f->page));
    wait_idle ();
    g_assert_false (palp_client_plan_has_plateau_warning (PALP_CLIENT_PLAN (f->page)));
  }
}

static void
test_discharge (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *discharge = find_widget (f->page, GTK_TYPE_BUTTON, "_Discharge…");
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(PalpPlan) plan = NULL;
  GtkWindow *dialog;

  g_assert_nonnull (discharge);
  g_signal_emit_by_name (discharge, "clicked");
  wait_idle ();
  dialog = other_window (f);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  palp_test_shoot (dialog, "plan-discharge");
  /* "Maximum medical improvement", the second reason. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog),
                                                          ADW_TYPE_COMBO_ROW, NULL)), 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discharge");
  wait_idle ();

  plans = palp_store_list_plans (f->store, palp_client_get_id (f->client), NULL);
  plan = g_list_model_get_item (plans, 0);
  g_assert_cmpstr (palp_plan_get_string (plan, "status"), ==, "discharged");
  g_assert_cmpstr (palp_plan_get_string (plan, "discharge-kind"), ==, "maximum-improvement");
  g_assert_cmpstr (palp_plan_get_string (plan, "discharge-reason"), ==,
                   "Maximum medical improvement");
  /* The page now offers a new plan, and lists the old one. */
  g_assert_nonnull (find_widget (f->page, GTK_TYPE_BUTTON, "_New Plan…"));
  g_assert_false (palp_client_plan_has_plateau_warning (PALP_CLIENT_PLAN (f->page)));
  palp_test_shoot (f->window, "plan-discharged");
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  static const double stroke[] = { 20, 60, 60, 30, 100, 70, 140, 40 };
  GtkWidget *record = find_widget (f->page, GTK_TYPE_BUTTON, "Record _Consent…");
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(PalpConsent) consent = NULL;
  g_autoptr(PalpConsent) revoked = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *pad, *save, *revoke;
  GtkWindow *form, *dialog;

  g_assert_nonnull (record);
  g_signal_emit_by_name (record, "clicked");
  wait_idle ();
  form = other_window (f);
  g_assert_nonnull (form);
  pad = find_widget (GTK_WIDGET (form), PALP_TYPE_SIGNATURE_PAD, NULL);
  g_assert_nonnull (pad);

  /* Unsigned: refused, nothing saved, the form says why. */
  save = find_widget (GTK_WIDGET (form), GTK_TYPE_BUTTON, "_Record");
  g_signal_emit_by_name (save, "clicked");
  wait_idle ();
  consents = palp_store_list_consents (f->store, palp_client_get_id (f->client), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 0);
  g_clear_object (&consents);

  palp_signature_pad_add_stroke (PALP_SIGNATURE_PAD (pad), stroke, G_N_ELEMENTS (stroke) / 2);
  palp_test_shoot (form, "plan-consent-form");
  g_signal_emit_by_name (save, "clicked");
  wait_idle ();

  consents = palp_store_list_consents (f->store, palp_client_get_id (f->client), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (consents), ==, 1);
  consent = g_list_model_get_item (consents, 0);
  g_assert_cmpstr (palp_consent_get_string (consent, "kind"), ==, "privacy");
  g_assert_cmpstr (palp_consent_get_string (consent, "signed-by-name"), ==, "Noor Haddad");
  g_assert_true (g_str_has_prefix (palp_consent_get_string (consent, "signature"),
                                   "[[[20.0,60.0],[60.0,30.0]"));
  g_assert_nonnull (strstr (palp_consent_get_string (consent, "explained"), "clinical record"));

  /* Revoke it with a reason: recorded, and shown. */
  revoke = find_widget (f->page, GTK_TYPE_BUTTON, "Re_voke…");
  g_assert_nonnull (revoke);
  g_signal_emit_by_name (revoke, "clicked");
  wait_idle ();
  dialog = other_window (f);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    NULL)),
                         "The client asked to share nothing with the insurer");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "revoke");
  wait_idle ();
  g_clear_object (&consents);
  consents = palp_store_list_consents (f->store, palp_client_get_id (f->client), NULL);
  revoked = g_list_model_get_item (consents, 0);
  g_assert_nonnull (palp_consent_get_string (revoked, "revoked-at"));
  g_assert_cmpstr (palp_consent_get_string (revoked, "revoke-reason"), ==,
                   "The client asked to share nothing with the insurer");
  g_assert_null (find_widget (f->page, GTK_TYPE_BUTTON, "Re_voke…"));
  palp_test_shoot (f->window, "plan-consent-revoked");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/plan/progress-and-plateau", Fixture, NULL, fixture_setup,
              test_progress_and_plateau, fixture_teardown);
  g_test_add ("/plan/discharge", Fixture, NULL, fixture_setup, test_discharge,
              fixture_teardown);
  g_test_add ("/plan/consent", Fixture, NULL, fixture_setup, test_consent, fixture_teardown);

  return g_test_run ();
}
