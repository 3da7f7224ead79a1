/* test-visits.c: the service catalogue and a client's visits, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-preferences.h"
#include "palp-service-editor.h"
#include "palp-services-page.h"
#include "palp-visit-editor.h"
#include "palp-visit-list.h"
#include "palp-test-shot.h"
#include "palp-window.h"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  /* The demo's admin runs the books and the catalogue. */
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, data ? data : "rosa");
  gtk_window_present (GTK_WINDOW (f->window));
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
  g_rmdir (f->dir);  /* best effort: the database files stay for inspection */
  g_free (f->dir);
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
set_text (GtkWidget  *row,
          const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static guint
count_services (Fixture *f)
{
  g_autoptr(GListModel) services = palp_store_list_services (f->store, TRUE, NULL);

  return g_list_model_get_n_items (services);
}

static PalpService *
find_service (Fixture    *f,
              const char *name)
{
  g_autoptr(GListModel) services = palp_store_list_services (f->store, TRUE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PalpService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (palp_service_get_string (service, "name"), name) == 0)
        return g_steal_pointer (&service);
    }
  return NULL;
}

/* Preferences → Services → Add Service…, as the admin would. */
static PalpServiceEditor *
open_new_service (Fixture          *f,
                  PalpPreferences **out_prefs)
{
  PalpPreferences *prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  GtkWidget *page;

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (prefs));
  page = palp_test_find_widget (GTK_WIDGET (prefs), PALP_TYPE_SERVICES_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (page));
  g_assert_true (gtk_widget_activate_action (page, "services.add", NULL));
  *out_prefs = prefs;
  return find_toplevel (PALP_TYPE_SERVICE_EDITOR);
}

static void
test_service_through_editor (Fixture       *f,
                             gconstpointer  data)
{
  PalpPreferences *prefs = NULL;
  PalpServiceEditor *editor = open_new_service (f, &prefs);
  g_autoptr(PalpService) service = NULL;
  g_autoptr(GPtrArray) taxes = NULL;
  PalpTaxComponent *tax;
  GtkWidget *page;
  guint before = count_services (f);

  g_assert_nonnull (editor);
  set_text (palp_service_editor_get_row (editor, "name"), "Lymphatic drainage 45 min");
  set_text (palp_service_editor_get_row (editor, "duration"), "45");
  set_text (palp_service_editor_get_row (editor, "fee"), "$95.50");
  set_text (palp_service_editor_get_row (editor, "cpt-code"), "97140");
  palp_service_editor_add_tax (editor, "Sales tax", "10.25%", "WA-600123456");
  g_assert_null (palp_service_editor_get_problem (editor));

  /* Save as the button does, through the window's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (find_toplevel (PALP_TYPE_SERVICE_EDITOR));

  g_assert_cmpuint (count_services (f), ==, before + 1);
  service = find_service (f, "Lymphatic drainage 45 min");
  g_assert_nonnull (service);
  g_assert_cmpstr (palp_service_get_string (service, "category"), ==, "therapeutic");
  g_assert_cmpint (palp_service_get_int (service, "fee-cents"), ==, 9550);
  g_assert_cmpint (palp_service_get_int (service, "duration-minutes"), ==, 45);
  g_assert_cmpstr (palp_service_get_string (service, "cpt-code"), ==, "97140");
  g_assert_cmpint (palp_service_get_int (service, "active"), ==, 1);

  taxes = palp_store_list_service_taxes (f->store, palp_service_get_int (service, "id"), NULL);
  g_assert_nonnull (taxes);
  g_assert_cmpuint (taxes->len, ==, 1);
  tax = g_ptr_array_index (taxes, 0);
  g_assert_cmpstr (tax->name, ==, "Sales tax");
  g_assert_cmpuint (tax->rate_ppm, ==, 102500);
  g_assert_cmpstr (tax->registration, ==, "WA-600123456");

  /* The page shows it too. */
  page = palp_test_find_widget (GTK_WIDGET (prefs), PALP_TYPE_SERVICES_PAGE);
  g_assert_cmpuint (g_list_model_get_n_items (
                      palp_services_page_get_services (PALP_SERVICES_PAGE (page))),
                    ==, before + 1);
}

static void
expect_refused (Fixture           *f,
                PalpServiceEditor *editor,
                GtkWidget         *row,
                guint              before)
{
  g_assert_nonnull (palp_service_editor_get_problem (editor));
  if (row != NULL)
    g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (palp_service_editor_save (editor));
  g_assert_true (find_toplevel (PALP_TYPE_SERVICE_EDITOR) == editor);
  g_assert_cmpuint (count_services (f), ==, before);
}

static void
test_service_invalid (Fixture       *f,
                      gconstpointer  data)
{
  PalpPreferences *prefs = NULL;
  PalpServiceEditor *editor = open_new_service (f, &prefs);
  GtkWidget *name = palp_service_editor_get_row (editor, "name");
  GtkWidget *fee = palp_service_editor_get_row (editor, "fee");
  guint before = count_services (f);

  g_assert_nonnull (editor);

  /* Nothing typed. */
  expect_refused (f, editor, NULL, before);

  set_text (palp_service_editor_get_row (editor, "duration"), "30");
  set_text (fee, "40");
  set_text (name, "   ");
  expect_refused (f, editor, name, before);

  set_text (name, "Hot stones 30 min");
  set_text (fee, "-40");
  expect_refused (f, editor, fee, before);
  set_text (fee, "forty");
  expect_refused (f, editor, fee, before);
  set_text (fee, "40.00");
  g_assert_null (palp_service_editor_get_problem (editor));

  set_text (palp_service_editor_get_row (editor, "cpt-code"), "9714");
  expect_refused (f, editor, palp_service_editor_get_row (editor, "cpt-code"), before);
  set_text (palp_service_editor_get_row (editor, "cpt-code"), "");

  palp_service_editor_add_tax (editor, "GST", "abc", NULL);
  g_assert_nonnull (palp_service_editor_get_problem (editor));
  g_assert_true (g_str_has_prefix (palp_service_editor_get_problem (editor), "Tax “GST”"));
  expect_refused (f, editor, NULL, before);

  palp_service_editor_add_tax (editor, "PST", "90%", NULL);
  expect_refused (f, editor, NULL, before);

  g_assert_null (find_service (f, "Hot stones 30 min"));
}

static void
test_practitioner_reads_catalogue (Fixture       *f,
                                   gconstpointer  data)
{
  PalpPreferences *prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  GtkWidget *page = palp_test_find_widget (GTK_WIDGET (prefs), PALP_TYPE_SERVICES_PAGE);

  g_assert_nonnull (page);
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "jonah");
  /* The action is off, so no editor opens. */
  gtk_widget_activate_action (page, "services.add", NULL);
  g_assert_null (find_toplevel (PALP_TYPE_SERVICE_EDITOR));
  g_assert_cmpuint (g_list_model_get_n_items (
                      palp_services_page_get_services (PALP_SERVICES_PAGE (page))),
                    ==, count_services (f));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Grace Whitfield, the demo's TMD client, is the first client. */
static PalpVisitList *
open_visits (Fixture *f)
{
  GtkWidget *list;

  palp_window_select_client (f->window, 1);
  palp_client_page_show_tab (PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window),
                                                            PALP_TYPE_CLIENT_PAGE)), "visits");
  list = palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_VISIT_LIST);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (palp_visit_list_get_visits (PALP_VISIT_LIST (list))),
                    >, 0);
  return PALP_VISIT_LIST (list);
}

static gboolean
is_combined (PalpVisit *visit)
{
  const char *categories = palp_visit_get_string (visit, "categories");

  return categories && strstr (categories, "therapeutic") && strstr (categories, "esthetic");
}

static void
test_combined_warning (Fixture       *f,
                       gconstpointer  data)
{
  PalpVisitList *list = open_visits (f);
  GListModel *visits = palp_visit_list_get_visits (list);
  gboolean seen_combined = FALSE, seen_plain = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      PalpVisitEditor *editor;
      GtkWidget *warning;

      if (is_combined (visit) ? seen_combined : seen_plain)
        continue;
      editor = palp_visit_list_open_editor (list, visit);
      warning = palp_visit_editor_get_mixed_warning (editor);
      if (is_combined (visit))
        {
          seen_combined = TRUE;
          g_assert_true (gtk_widget_is_visible (warning));
        }
      else
        {
          seen_plain = TRUE;
          g_assert_false (gtk_widget_is_visible (warning));
        }
      gtk_window_destroy (GTK_WINDOW (editor));
    }
  g_assert_true (seen_combined);
  g_assert_true (seen_plain);
}

/* The admin confirms an unconfirmed combined session from the editor. */
static void
test_confirm_combined (Fixture       *f,
                       gconstpointer  data)
{
  PalpVisitList *list = open_visits (f);
  GListModel *visits = palp_visit_list_get_visits (list);
  g_autoptr(PalpVisit) stored = NULL;
  PalpVisitEditor *editor = NULL;
  gint64 id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (visits) && id == 0; i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);

      if (is_combined (visit) && palp_visit_get_int (visit, "mixed-confirmed-by") == 0)
        {
          id = palp_visit_get_int (visit, "id");
          editor = palp_visit_list_open_editor (list, visit);
        }
    }
  if (editor == NULL)
    {
      g_test_skip ("The demo has no unconfirmed combined session");
      return;
    }
  g_assert_true (gtk_widget_is_visible (palp_visit_editor_get_mixed_warning (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "visit.confirm-mixed", NULL));
  g_assert_null (palp_visit_editor_get_problem (editor));

  stored = palp_store_load_visit (f->store, id, NULL);
  g_assert_cmpint (palp_visit_get_int (stored, "mixed-confirmed-by"), ==,
                   palp_user_get_id (palp_window_get_user (f->window)));
  g_assert_nonnull (palp_visit_get_string (stored, "mixed-confirmed-at"));
}

static void
test_new_visit_with_line (Fixture       *f,
                          gconstpointer  data)
{
  PalpVisitList *list = open_visits (f);
  guint before = g_list_model_get_n_items (palp_visit_list_get_visits (list));
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(PalpVisitLine) line = NULL;
  g_autoptr(PalpVisit) stored = NULL;
  PalpVisitEditor *editor;
  GtkWidget *service_row;
  GListModel *names;
  gint64 visit_id;
  guint massage = G_MAXUINT;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "visits.new", NULL));
  editor = find_toplevel (PALP_TYPE_VISIT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_null (palp_visit_editor_get_visit (editor));

  /* A bad time is refused before anything is written. */
  set_text (palp_visit_editor_get_row (editor, "time"), "25:00");
  g_assert_nonnull (palp_visit_editor_get_problem (editor));
  g_assert_false (palp_visit_editor_add_line (editor));
  g_assert_null (palp_visit_editor_get_visit (editor));

  set_text (palp_visit_editor_get_row (editor, "date"), "03/14/2026");
  set_text (palp_visit_editor_get_row (editor, "time"), "10:30");
  set_text (palp_visit_editor_get_row (editor, "duration"), "60");
  g_assert_null (palp_visit_editor_get_problem (editor));

  service_row = palp_visit_editor_get_row (editor, "service");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (service_row));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                     "Massage therapy 60 min"))
      massage = i;
  g_assert_cmpuint (massage, !=, G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (service_row), massage);
  set_text (palp_visit_editor_get_row (editor, "minutes"), "45");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "visit.add-line", NULL));
  g_assert_null (palp_visit_editor_get_problem (editor));

  /* Adding the line saved the new visit first. */
  g_assert_nonnull (palp_visit_editor_get_visit (editor));
  visit_id = palp_visit_get_int (palp_visit_editor_get_visit (editor), "id");
  g_assert_cmpint (visit_id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (palp_visit_editor_get_lines (editor)), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (palp_visit_editor_get_row (editor, "status")), 1);
  g_assert_true (palp_visit_editor_save (editor));

  stored = palp_store_load_visit (f->store, visit_id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpint (palp_visit_get_int (stored, "client-id"), ==, 1);
  g_assert_cmpstr (palp_visit_get_string (stored, "starts-at"), ==, "2026-03-14 10:30");
  g_assert_cmpstr (palp_visit_get_string (stored, "status"), ==, "attended");
  lines = palp_store_list_visit_lines (f->store, visit_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 1);
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpstr (palp_visit_line_get_string (line, "description"), ==,
                   "Massage therapy 60 min");
  g_assert_cmpint (palp_visit_line_get_int (line, "minutes"), ==, 45);
  g_assert_cmpstr (palp_visit_line_get_string (line, "category"), ==, "therapeutic");

  g_assert_cmpuint (g_list_model_get_n_items (palp_visit_list_get_visits (list)), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/visits/service-through-editor", Fixture, NULL, fixture_setup,
              test_service_through_editor, fixture_teardown);
  g_test_add ("/visits/service-invalid", Fixture, NULL, fixture_setup, test_service_invalid,
              fixture_teardown);
  g_test_add ("/visits/practitioner-reads-catalogue", Fixture, "jonah", fixture_setup,
              test_practitioner_reads_catalogue, fixture_teardown);
  g_test_add ("/visits/combined-warning", Fixture, NULL, fixture_setup, test_combined_warning,
              fixture_teardown);
  g_test_add ("/visits/confirm-combined", Fixture, NULL, fixture_setup, test_confirm_combined,
              fixture_teardown);
  g_test_add ("/visits/new-visit-with-line", Fixture, NULL, fixture_setup,
              test_new_visit_with_line, fixture_teardown);

  return g_test_run ();
}
