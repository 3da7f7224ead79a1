/* test-window.c: the main window on a demo clinic, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-client-editor.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-billing-page.h"
#include "palp-client-billing.h"
#include "palp-doc-preview.h"
#include "palp-preview-window.h"
#include "palp-test-shot.h"
#include "palp-today-page.h"
#include "palp-window.h"
#include "palp-year-end-dialog.h"

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

  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, "maya");
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  g_rmdir (f->dir);  /* best effort: the database files stay for inspection */
  g_free (f->dir);
}

/* Spins the main loop until @check holds, or fails after a few seconds. */
static gboolean
wait_for (gboolean (*check) (Fixture *f),
          Fixture  *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!check (f))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static PalpClientEditor *
find_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (PALP_IS_CLIENT_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
list_has_one (Fixture *f)
{
  return g_list_model_get_n_items (palp_window_get_clients (f->window)) == 1;
}

static gboolean
list_has_all (Fixture *f)
{
  return g_list_model_get_n_items (palp_window_get_clients (f->window)) == 8;
}

static void
test_opens_on_demo (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *clients = palp_window_get_clients (f->window);

  g_assert_nonnull (palp_window_get_user (f->window));
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "maya");
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 8);
  g_assert_cmpint (palp_store_get_actor (f->store), ==,
                   palp_user_get_id (palp_window_get_user (f->window)));
}

static void
test_search_narrows (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *entry = palp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(PalpClient) client = NULL;

  g_assert_nonnull (entry);
  /* Typed as a person would, through the entry and its search delay. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zoe");
  g_assert_true (wait_for (list_has_one, f));
  client = g_list_model_get_item (palp_window_get_clients (f->window), 0);
  g_assert_cmpstr (palp_client_get_given_name (client), ==, "Zoë");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (wait_for (list_has_all, f));
}

static void
set_row (PalpClientEditor *editor,
         const char       *prop,
         const char       *text)
{
  GtkWidget *row = palp_client_editor_get_row (editor, prop);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_new_client_through_form (Fixture       *f,
                              gconstpointer  data)
{
  PalpClientEditor *editor;
  GListModel *clients;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-client", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);

  /* Nothing typed: cannot save. */
  g_assert_nonnull (palp_client_editor_get_problem (editor));
  g_assert_false (palp_client_editor_save (editor));

  set_row (editor, "given-name", "Ingrid");
  set_row (editor, "family-name", "Solberg");
  set_row (editor, "email", "not an address");
  g_assert_nonnull (palp_client_editor_get_problem (editor));
  g_assert_true (gtk_widget_has_css_class (palp_client_editor_get_row (editor, "email"),
                                          "error"));
  set_row (editor, "email", "ingrid@example.com");

  /* A birth date in the future keeps Save disabled. */
  set_row (editor, "birth-date", "01/01/2999");
  g_assert_nonnull (palp_client_editor_get_problem (editor));
  g_assert_true (gtk_widget_has_css_class (palp_client_editor_get_row (editor, "birth-date"),
                                          "error"));
  set_row (editor, "birth-date", "02/30/1990");
  g_assert_nonnull (palp_client_editor_get_problem (editor));
  set_row (editor, "birth-date", "03/14/1990");
  g_assert_null (palp_client_editor_get_problem (editor));

  g_assert_true (palp_client_editor_save (editor));

  clients = palp_window_get_clients (f->window);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 9);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(PalpClient) c = g_list_model_get_item (clients, i);

      if (g_strcmp0 (palp_client_get_family_name (c), "Solberg") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (palp_client_get_birth_date (c), ==, "1990-03-14");
        }
    }
  g_assert_true (found);
}

static gboolean
has_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

static void
test_unsaved_changes_prompt (Fixture       *f,
                             gconstpointer  data)
{
  PalpClientEditor *editor;
  gint64 before = palp_store_count_clients (f->store, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-client", NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  set_row (editor, "given-name", "Half");
  g_assert_true (palp_client_editor_get_dirty (editor));

  gtk_window_close (GTK_WINDOW (editor));
  /* Still open, and asking. */
  g_assert_true (find_editor () == editor);
  g_assert_true (has_message_dialog ());
  g_assert_cmpint (palp_store_count_clients (f->store, NULL), ==, before);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_archive_client (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PalpClient) first = g_list_model_get_item (palp_window_get_clients (f->window), 0);
  g_autoptr(PalpClient) stored = NULL;
  AdwMessageDialog *dialog;
  gint64 id = palp_client_get_id (first);

  palp_window_select_client (f->window, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-client",
                                             NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "archive");

  stored = palp_store_load_client (f->store, id, NULL);
  g_assert_true (palp_client_get_archived (stored));
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==, 7);

  /* And back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unarchive-client",
                                             NULL));
  g_clear_object (&stored);
  stored = palp_store_load_client (f->store, id, NULL);
  g_assert_false (palp_client_get_archived (stored));
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==, 8);
}

/* Today, Clients and Billing: built when first shown, reachable by the
 * switcher's action and by Alt+1…3. */
static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *today, *billing;
  gboolean ok;

  /* The signed-in user is Maya; the front desk's sections work for her too. */
  g_assert_null (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_TODAY_PAGE));
  palp_test_shoot (GTK_WINDOW (f->window), "window-clients");

  ok = gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "today");
  g_assert_true (ok);
  today = palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_TODAY_PAGE);
  g_assert_nonnull (today);
  /* The demo has bookings today. */
  g_assert_cmpuint (g_list_model_get_n_items (palp_today_page_get_visits (PALP_TODAY_PAGE (today))),
                    >, 0);
  palp_test_shoot (GTK_WINDOW (f->window), "window-today");

  palp_window_show_section (f->window, "billing");
  billing = palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_BILLING_PAGE);
  g_assert_nonnull (billing);
  g_assert_cmpuint (g_list_model_get_n_items (palp_billing_page_get_receipts (PALP_BILLING_PAGE (billing))),
                    >, 10);
  palp_test_shoot (GTK_WINDOW (f->window), "window-billing");

  /* Built once: coming back reuses the page. */
  palp_window_show_section (f->window, "today");
  g_assert_true (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_TODAY_PAGE) == today);
  palp_window_show_section (f->window, "clients");

  /* The shortcuts window is built when asked for, and lists the sections. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay",
                                             NULL));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    gboolean found = FALSE;

    for (GList *l = toplevels; l; l = l->next)
      if (GTK_IS_SHORTCUTS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
        {
          found = TRUE;
          gtk_window_close (l->data);
        }
    g_assert_true (found);
  }

  /* The year-end export opens from the main menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.year-end", NULL));
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    gboolean found = FALSE;

    for (GList *l = toplevels; l; l = l->next)
      if (PALP_IS_YEAR_END_DIALOG (l->data))
        {
          found = TRUE;
          gtk_window_destroy (l->data);
        }
    g_assert_true (found);
  }
}

static gboolean
is_flag_text (GtkWidget  *root,
              const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (is_flag_text (c, prefix))
      return TRUE;
  return FALSE;
}

/* A client's own account on the client page: receipts, balance, and the
 * statement for an insurer, massage therapy only. */
static void
test_client_billing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = palp_store_search_clients (f->store, "reyes", FALSE, 0, NULL);
  g_autoptr(PalpClient) marcus = g_list_model_get_item (found, 0);
  PalpClientBilling *billing;
  GtkWindow *preview;
  g_autofree char *text = NULL;
  g_autoptr(PalpPdfDocument) pdf = NULL;

  /* Grace: a combined visit two weeks ago, so T and E receipts. */
  palp_window_select_client (f->window, 1);
  palp_client_page_show_tab (PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window),
                                                            PALP_TYPE_CLIENT_PAGE)), "billing");
  billing = PALP_CLIENT_BILLING (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_CLIENT_BILLING));
  g_assert_nonnull (billing);
  g_assert_cmpuint (g_list_model_get_n_items (palp_client_billing_get_receipts (billing)), >=, 4);

  /* A diagnosis on file appears on the statement, for the insurer. */
  {
    g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();

    g_object_set (dx, "client-id", (gint64) 1, "code", "M26.621",
                  "description", "Arthralgia of right temporomandibular joint",
                  "is-primary", (gint64) 1, NULL);
    g_assert_true (palp_store_save_diagnosis (f->store, dx, &error));
    g_assert_no_error (error);
  }
  preview = palp_client_billing_statement (billing, "2000-01-01", "2999-12-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview);
  pdf = palp_pdf_open (palp_preview_window_get_bytes (PALP_PREVIEW_WINDOW (preview)), &error);
  g_assert_no_error (error);
  text = palp_pdf_get_text (pdf);
  g_assert_nonnull (strstr (text, "Massage therapy"));
  g_assert_null (strstr (text, "Esthetic facial"));
  g_assert_nonnull (strstr (text, "M26.621"));
  gtk_window_destroy (preview);

  /* Bad dates: a clear error, no preview. */
  g_assert_null (palp_client_billing_statement (billing, "2026-13-01", "2026-12-31", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (palp_client_billing_statement (billing, "2026-12-01", "2026-01-01", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Marcus paid part of his last visit: the header says what he owes. */
  palp_window_select_client (f->window, palp_client_get_id (marcus));
  g_assert_true (is_flag_text (GTK_WIDGET (f->window), "Balance owing"));
  if (g_getenv ("PALPATE_TEST_SHOTS") != NULL)
    {
      GtkWidget *tabs = gtk_widget_get_ancestor (GTK_WIDGET (billing), ADW_TYPE_VIEW_STACK);

      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (tabs), "billing");
      palp_test_shoot (GTK_WINDOW (f->window), "client-billing");
    }
}

/* The record's own flags in the client header: allergies from the health
 * history, a contraindication that stands. */
static void
test_record_flags (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);

  /* Maya (signed in) records Grace's history and screening. */
  g_object_set (history, "client-id", (gint64) 1, "taken-on", "2026-11-01", "answers", "{}",
                "allergies", "Latex; almond oil", NULL);
  g_assert_true (palp_store_save_health_history (f->store, history, &error));
  g_assert_no_error (error);
  g_object_set (screening, "client-id", (gint64) 1, "taken-on", "2026-11-01", NULL);
  g_object_set (finding, "kind", "fever", "severity", "absolute", NULL);
  g_list_store_append (findings, finding);
  g_assert_true (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings),
                                            &error));
  g_assert_no_error (error);

  palp_window_select_client (f->window, 1);
  g_assert_true (is_flag_text (GTK_WIDGET (f->window), "Allergy: Latex"));
  g_assert_true (is_flag_text (GTK_WIDGET (f->window), "Allergy: almond oil"));
  g_assert_true (is_flag_text (GTK_WIDGET (f->window), "Contraindication: "));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/opens-on-demo", Fixture, NULL, fixture_setup, test_opens_on_demo,
              fixture_teardown);
  g_test_add ("/window/search-narrows", Fixture, NULL, fixture_setup, test_search_narrows,
              fixture_teardown);
  g_test_add ("/window/new-client-through-form", Fixture, NULL, fixture_setup,
              test_new_client_through_form, fixture_teardown);
  g_test_add ("/window/unsaved-changes-prompt", Fixture, NULL, fixture_setup,
              test_unsaved_changes_prompt, fixture_teardown);

  g_test_add ("/window/client-billing", Fixture, NULL, fixture_setup, test_client_billing,
              fixture_teardown);
  g_test_add ("/window/record-flags", Fixture, NULL, fixture_setup, test_record_flags,
              fixture_teardown);
  g_test_add ("/window/sections", Fixture, NULL, fixture_setup, test_sections,
              fixture_teardown);
  g_test_add ("/window/archive-client", Fixture, NULL, fixture_setup, test_archive_client,
              fixture_teardown);

  return g_test_run ();
}
