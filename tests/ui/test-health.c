/* test-health.c: a client's Health tab, under Xvfb
 *
 * Health history versions and the header's flags, a screening with a
 * local finding placed by region, a diagnosis found by search, and a
 * referral refused for its NPI's check digit, then saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "palp-client-health.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-form-window.h"
#include "palp-health-forms.h"
#include "palp-region-picker.h"
#include "palp-test-shot.h"
#include "palp-window.h"

#define CLIENT_ID 1

typedef struct
{
  char             *dir;
  PalpStore        *store;
  PalpWindow       *window;
  PalpClientPage   *page;
  PalpClientHealth *health;
} Fixture;

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The header's flag pills, as their labels read. */
static gboolean
header_has_flag (Fixture    *f,
                 const char *text)
{
  GtkWidget *flags = palp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_FLOW_BOX);

  for (GtkWidget *child = gtk_widget_get_first_child (flags); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *pill = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *label = palp_test_find_widget (pill, GTK_TYPE_LABEL);

      if (label && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AdwViewStack *stack;

  f->dir = g_dir_make_tmp ("palpate-health-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  /* A practitioner writes the clinical record. */
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 860);
  palp_window_set_store (f->window, f->store, "maya");
  gtk_window_present (GTK_WINDOW (f->window));
  palp_window_show_section (f->window, "clients");
  palp_window_select_client (f->window, CLIENT_ID);
  palp_test_spin (50);
  f->page = PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_CLIENT_PAGE));
  g_assert_nonnull (f->page);
  f->health = PALP_CLIENT_HEALTH (palp_test_find_widget (GTK_WIDGET (f->page), PALP_TYPE_CLIENT_HEALTH));
  g_assert_nonnull (f->health);
  stack = ADW_VIEW_STACK (palp_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "health");
  palp_test_spin (20);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
set_text (PalpFormWindow *form,
          const char     *field,
          const char     *text)
{
  GtkWidget *row = palp_health_form_get_row (form, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static guint
n_items (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  g_assert_nonnull (owned);
  return g_list_model_get_n_items (owned);
}

/* A new version is added, the old one kept, and the header shows the
 * allergy it records. */
static void
test_history_version (Fixture       *f,
                      gconstpointer  data)
{
  guint before = n_items (palp_store_list_health_histories (f->store, CLIENT_ID, NULL));
  g_autoptr(PalpHealthHistory) latest = NULL;
  PalpFormWindow *form;

  g_assert_false (header_has_flag (f, "Allergy: Sesame oil"));
  form = PALP_FORM_WINDOW (palp_client_health_record_history (f->health, FALSE));
  g_assert_nonnull (form);
  set_text (form, "conditions", "Tension headaches");
  set_text (form, "oils", "Sesame oil");
  gtk_switch_set_active (GTK_SWITCH (palp_health_form_get_row (form, "latex")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (palp_health_form_get_row (form, "blood-thinners")), TRUE);

  /* A surgery with a date that is not one is refused on its row. */
  g_signal_emit_by_name (palp_health_form_get_row (form, "add-surgery"), "clicked");
  set_text (form, "surgery", "Appendectomy");
  set_text (form, "surgery-date", "13/45/2019");
  g_assert_nonnull (palp_form_window_get_problem (form));
  g_assert_nonnull (strstr (palp_form_window_get_problem (form), "surgery"));
  g_assert_true (gtk_widget_has_css_class (palp_health_form_get_row (form, "surgery"), "error"));
  g_assert_false (palp_form_window_save (form));
  g_assert_cmpuint (n_items (palp_store_list_health_histories (f->store, CLIENT_ID, NULL)), ==,
                    before);
  set_text (form, "surgery-date", "06/14/2019");
  g_assert_null (palp_form_window_get_problem (form));
  palp_test_shoot (GTK_WINDOW (form), "health-history-form");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  palp_test_spin (20);
  g_assert_cmpuint (n_items (palp_store_list_health_histories (f->store, CLIENT_ID, NULL)), ==,
                    before + 1);
  latest = palp_store_latest_health_history (f->store, CLIENT_ID, NULL);
  g_assert_cmpstr (palp_health_history_get_string (latest, "allergies"), ==, "Latex, Sesame oil");
  g_assert_cmpint (palp_health_history_get_int (latest, "has-blood-thinners"), ==, 1);
  g_assert_nonnull (strstr (palp_health_history_get_string (latest, "answers"),
                            "\"2019-06-14\""));
  g_assert_true (header_has_flag (f, "Allergy: Sesame oil"));
  g_assert_true (header_has_flag (f, "Allergy: Latex"));
  palp_test_shoot (GTK_WINDOW (f->window), "health-tab");
}

/* A change the client reports is a new version, and makes the screening
 * due; screening again makes it current. */
static void
test_change_makes_screening_due (Fixture       *f,
                                 gconstpointer  data)
{
  PalpFormWindow *form;

  form = PALP_FORM_WINDOW (palp_client_health_screen_now (f->health));
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);
  g_assert_false (palp_client_health_get_screening_due (f->health, NULL));

  form = PALP_FORM_WINDOW (palp_client_health_record_history (f->health, TRUE));
  /* What changed must be said. */
  g_assert_false (palp_form_window_save (form));
  set_text (form, "change", "Started warfarin last week");
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);
  g_assert_true (palp_client_health_get_screening_due (f->health, NULL));
  palp_test_shoot (GTK_WINDOW (f->window), "health-screening-due");
}

static void
test_screen_local_finding (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GListModel) standing = NULL;
  g_autoptr(PalpFindingRecord) finding = NULL;
  PalpFormWindow *form;
  PalpRegionPicker *picker;
  guint all;

  form = PALP_FORM_WINDOW (palp_client_health_screen_now (f->health));
  g_assert_true (palp_screening_form_answer (form, PALP_CONTRA_BRUISE_ABRASION, TRUE,
                                             "Bruise from a fall"));
  /* A local finding names its region before it can be saved. */
  g_assert_nonnull (palp_form_window_get_problem (form));
  g_assert_nonnull (strstr (palp_form_window_get_problem (form), "region"));
  g_assert_false (gtk_widget_get_sensitive (palp_form_window_get_save_button (form)));
  g_assert_false (palp_form_window_save (form));
  palp_test_shoot (GTK_WINDOW (form), "health-screening-form");

  g_signal_emit_by_name (palp_screening_form_get_region_button (form, PALP_CONTRA_BRUISE_ABRASION),
                         "clicked");
  picker = find_toplevel (PALP_TYPE_REGION_PICKER);
  g_assert_nonnull (picker);
  all = palp_region_picker_get_n_shown (picker);
  palp_region_picker_set_search (picker, "trapezius");
  palp_test_spin (300);
  g_assert_cmpuint (palp_region_picker_get_n_shown (picker), >, 0);
  g_assert_cmpuint (palp_region_picker_get_n_shown (picker), <, all);
  g_assert_true (palp_region_picker_toggle (picker, "neck.upper_trapezius.left"));
  palp_test_shoot (GTK_WINDOW (picker), "health-region-picker");
  palp_region_picker_confirm (picker);
  palp_test_spin (20);

  g_assert_null (palp_form_window_get_problem (form));
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);
  standing = palp_store_list_active_contraindications (f->store, CLIENT_ID, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (standing), ==, 1);
  finding = g_list_model_get_item (standing, 0);
  g_assert_cmpstr (palp_finding_record_get_string (finding, "kind"), ==, "bruise-abrasion");
  g_assert_cmpstr (palp_finding_record_get_string (finding, "severity"), ==, "local");
  g_assert_cmpstr (palp_finding_record_get_string (finding, "region-id"), ==,
                   "neck.upper_trapezius.left");
  g_assert_false (palp_client_health_get_screening_due (f->health, NULL));
  {
    g_autofree char *flag = g_strdup_printf ("Contraindication: %s",
                                             palp_contra_kind_get_label (
                                               PALP_CONTRA_BRUISE_ABRASION));

    g_assert_true (header_has_flag (f, flag));
  }
  palp_test_shoot (GTK_WINDOW (f->window), "health-contraindication");
}

static void
test_diagnosis_typed (Fixture       *f,
                       gconstpointer  data)
{
  guint before = n_items (palp_store_list_diagnoses (f->store, CLIENT_ID, FALSE, NULL));
  g_autoptr(GListModel) after = NULL;
  PalpFormWindow *form;
  gboolean found = FALSE;

  form = PALP_FORM_WINDOW (palp_client_health_add_diagnosis (f->health));

  /* A typed code of the wrong shape is refused on its row. */
  set_text (form, "code", "54.2");
  g_assert_nonnull (palp_form_window_get_problem (form));
  g_assert_true (gtk_widget_has_css_class (palp_health_form_get_row (form, "code"), "error"));
  g_assert_false (palp_form_window_save (form));
  set_text (form, "code", "");

  /* Typed in lower case without its dot, it is kept in printed form. */
  set_text (form, "code", "m542");
  set_text (form, "description", "Cervicalgia");
  g_assert_null (palp_form_window_get_problem (form));
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);

  after = palp_store_list_diagnoses (f->store, CLIENT_ID, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PalpDiagnosis) diagnosis = g_list_model_get_item (after, i);

      found = found || g_strcmp0 (palp_diagnosis_get_string (diagnosis, "code"), "M54.2") == 0;
    }
  g_assert_true (found);
}

static void
test_diagnosis_search (Fixture       *f,
                       gconstpointer  data)
{
  guint before = n_items (palp_store_list_diagnoses (f->store, CLIENT_ID, FALSE, NULL));
  g_autoptr(GListModel) after = NULL;
  PalpFormWindow *form;
  GtkListBox *results;
  GtkListBoxRow *first;
  gboolean found = FALSE;

  form = PALP_FORM_WINDOW (palp_client_health_add_diagnosis (f->health));

  set_text (form, "search", "cervicalgia");
  results = GTK_LIST_BOX (palp_health_form_get_row (form, "results"));
  first = gtk_list_box_get_row_at_index (results, 0);
  g_assert_nonnull (first);
  g_assert_true (gtk_list_box_row_get_activatable (first));
  /* CDC's descriptors are shown with its credit. */
  g_assert_true (gtk_widget_is_visible (palp_health_form_get_row (form, "credit")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (palp_health_form_get_row (form,
                                                                                    "credit"))),
                            "Source: CDC"));
  palp_test_shoot (GTK_WINDOW (form), "health-diagnosis-search");
  g_signal_emit_by_name (results, "row-activated", first);
  /* The chosen code fills in its code and CDC's description. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (palp_health_form_get_row (form, "code"))),
                   ==, "M54.2");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (palp_health_form_get_row (form,
                                                                               "description"))),
                   !=, "");
  g_assert_null (palp_form_window_get_problem (form));
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);

  after = palp_store_list_diagnoses (f->store, CLIENT_ID, FALSE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PalpDiagnosis) diagnosis = g_list_model_get_item (after, i);

      found = found || g_strcmp0 (palp_diagnosis_get_string (diagnosis, "code"), "M54.2") == 0;
    }
  g_assert_true (found);
}

static void
test_referral_npi (Fixture       *f,
                   gconstpointer  data)
{
  guint before = n_items (palp_store_list_referrals (f->store, CLIENT_ID, NULL));
  PalpFormWindow *form;
  const char *problem;

  form = PALP_FORM_WINDOW (palp_client_health_add_referral (f->health));
  set_text (form, "prescriber-name", "Dr. Lena Ortiz");
  set_text (form, "profession", "Physician");
  set_text (form, "frequency", "Twice a week");
  set_text (form, "duration", "6 weeks");
  set_text (form, "expires-on", "2099-12-31");
  /* 1234567890: the right length, the wrong check digit (3 is right). */
  set_text (form, "npi", "1234567890");
  problem = palp_form_window_get_problem (form);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "NPI"));
  g_assert_true (gtk_widget_has_css_class (palp_health_form_get_row (form, "npi"), "error"));
  g_assert_false (gtk_widget_get_sensitive (palp_form_window_get_save_button (form)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (palp_form_window_get_save_button (form)), ==,
                   problem);
  g_assert_false (palp_form_window_save (form));
  g_assert_cmpuint (n_items (palp_store_list_referrals (f->store, CLIENT_ID, NULL)), ==, before);
  palp_test_shoot (GTK_WINDOW (form), "health-referral-bad-npi");

  set_text (form, "npi", "1234567893");
  g_assert_null (palp_form_window_get_problem (form));
  g_assert_true (palp_form_window_save (form));
  palp_test_spin (20);
  g_assert_cmpuint (n_items (palp_store_list_referrals (f->store, CLIENT_ID, NULL)), ==,
                    before + 1);
}

/* Escape on a form with something typed asks before anything is lost. */
static void
test_escape_asks (Fixture       *f,
                  gconstpointer  data)
{
  PalpFormWindow *form = PALP_FORM_WINDOW (palp_client_health_add_referral (f->health));

  set_text (form, "prescriber-name", "Dr. Someone");
  g_assert_true (palp_form_window_get_dirty (form));
  gtk_window_close (GTK_WINDOW (form));
  palp_test_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/health/history-version", Fixture, NULL, fixture_setup, test_history_version,
              fixture_teardown);
  g_test_add ("/health/change-makes-screening-due", Fixture, NULL, fixture_setup,
              test_change_makes_screening_due, fixture_teardown);
  g_test_add ("/health/screen-local-finding", Fixture, NULL, fixture_setup,
              test_screen_local_finding, fixture_teardown);
  g_test_add ("/health/diagnosis-typed", Fixture, NULL, fixture_setup, test_diagnosis_typed,
              fixture_teardown);
  g_test_add ("/health/diagnosis-search", Fixture, NULL, fixture_setup, test_diagnosis_search,
              fixture_teardown);
  g_test_add ("/health/referral-npi", Fixture, NULL, fixture_setup, test_referral_npi,
              fixture_teardown);
  g_test_add ("/health/escape-asks", Fixture, NULL, fixture_setup, test_escape_asks,
              fixture_teardown);
  return g_test_run ();
}
