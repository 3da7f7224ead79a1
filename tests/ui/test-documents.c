/* test-documents.c: a client's Documents tab and a visit's SOAP note,
 * under Xvfb
 *
 * The treatment plan, progress report and whole record of a demo client
 * open in the preview from their rows, with pages; a visit's SOAP note
 * opens from the Visits tab, and is not offered for an esthetic visit; a
 * client without a plan sees why the plan and the progress report cannot
 * be made; the client's own record saves as JSON, readable by its owner
 * only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "palp-client-documents.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-clinical.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-preview-window.h"
#include "palp-test-shot.h"
#include "palp-visit-list.h"
#include "palp-window.h"

/* Grace Whitfield (TMD, Maya's client) and Sienna Castellano (a facial
 * only), in the demo's order. */
#define CLIENT_TMD      1
#define CLIENT_ESTHETIC 6

typedef struct
{
  char                *dir;
  PalpStore           *store;
  PalpWindow          *window;
  PalpClientPage      *page;
  AdwViewStack        *stack;
  PalpClientDocuments *documents;
} Fixture;

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);
      if (found)
        return found;
    }
  return NULL;
}

/* The buttons under @root whose label is @label. */
/* Shown buttons that run @action (a row's SOAP note, its note and chart). */
static guint
count_buttons (GtkWidget  *root,
               const char *action)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    n += count_buttons (c, action);
  return n;
}

static guint
n_previews (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    n += PALP_IS_PREVIEW_WINDOW (l->data);
  return n;
}

static PalpPreviewWindow *
find_preview (const char *title_part)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PALP_IS_PREVIEW_WINDOW (l->data) &&
        strstr (palp_preview_window_get_title (l->data), title_part) != NULL)
      return l->data;
  return NULL;
}

/* Waits for the first rendering; the deadline only keeps a broken build
 * from hanging. */
static void
wait_rendered (PalpPreviewWindow *preview)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (palp_preview_window_is_rendering (preview) ||
         palp_preview_window_get_n_pages (preview) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
pdf_text (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = palp_pdf_open (bytes, &error);
  char *text;

  g_assert_no_error (error);
  text = palp_pdf_get_text (document);
  g_object_unref (document);
  return text;
}

static void
show_client (Fixture    *f,
             gint64      client_id,
             const char *tab)
{
  palp_window_select_client (f->window, client_id);
  palp_test_spin (30);
  adw_view_stack_set_visible_child_name (f->stack, tab);
  palp_test_spin (30);
  g_assert_cmpint (palp_client_get_id (palp_client_page_get_client (f->page)), ==, client_id);
}

/* The TMD client has a plan with a goal (the demo's own once it has one,
 * else one written here, as Maya). */
static void
ensure_plan (Fixture *f)
{
  g_autoptr(GListModel) plans = palp_store_list_plans (f->store, CLIENT_TMD, NULL);
  g_autoptr(PalpPlan) plan = NULL;
  g_autoptr(PalpPlanGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (plans);
  if (g_list_model_get_n_items (plans) > 0)
    return;
  plan = palp_plan_new ();
  g_object_set (plan, "client-id", (gint64) CLIENT_TMD, "started-on", "2026-10-18",
                "summary", "Restore jaw opening", "frequency", "weekly", NULL);
  g_assert_true (palp_store_save_plan (f->store, plan, &error));
  g_assert_no_error (error);
  goal = palp_plan_goal_new ();
  g_object_set (goal, "plan-id", palp_plan_get_int (plan, "id"), "measure", "mouth-opening",
                "goal", "Bite an apple", "label", "Interincisal opening",
                "baseline", "34", "target", "45", "by-visit", (gint64) 5, NULL);
  g_assert_true (palp_store_save_plan_goal (f->store, goal, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-documents-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 860);
  palp_window_set_store (f->window, f->store, "maya");
  gtk_window_present (GTK_WINDOW (f->window));
  palp_window_show_section (f->window, "clients");
  palp_window_select_client (f->window, CLIENT_TMD);
  palp_test_spin (50);
  f->page = PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_CLIENT_PAGE));
  g_assert_nonnull (f->page);
  f->stack = ADW_VIEW_STACK (palp_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK));
  f->documents = PALP_CLIENT_DOCUMENTS (palp_test_find_widget (GTK_WIDGET (f->page),
                                                     PALP_TYPE_CLIENT_DOCUMENTS));
  g_assert_nonnull (f->documents);
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
  {
    g_autofree char *path = g_build_filename (f->dir, "clinic.db", NULL);

    g_unlink (path);
    g_rmdir (f->dir);
  }
  g_free (f->dir);
}

/* Each row opens its document in the preview, with pages. */
static void
test_client_documents (Fixture       *f,
                       gconstpointer  data)
{
  static const struct { const char *row; const char *words; } kinds[] = {
    { "Treatment Plan", "Treatment plan" },
    { "Progress Report", "Progress report" },
    { "Whole Record", "Clinical record" },
  };

  ensure_plan (f);
  show_client (f, CLIENT_TMD, "documents");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->documents)));
  palp_test_shoot (GTK_WINDOW (f->window), "documents-tab");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *row = find_row (GTK_WIDGET (f->documents), kinds[i].row);
      PalpPreviewWindow *preview;
      g_autofree char *text = NULL;
      g_autofree char *shot = NULL;
      guint before = n_previews ();

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_sensitive (row));
      g_assert_null (palp_client_documents_get_reason (f->documents, i));
      adw_action_row_activate (ADW_ACTION_ROW (row));
      g_assert_cmpuint (n_previews (), ==, before + 1);
      preview = find_preview (kinds[i].row);
      g_assert_nonnull (preview);
      g_assert_nonnull (strstr (palp_preview_window_get_title (preview), "Grace Whitfield"));
      wait_rendered (preview);
      g_assert_cmpint (palp_preview_window_get_n_pages (preview), >=, 1);
      text = pdf_text (palp_preview_window_get_bytes (preview));
      g_assert_nonnull (strstr (text, kinds[i].words));
      g_assert_nonnull (strstr (text, "Whitfield"));
      shot = g_strdup_printf ("documents-preview-%u", i);
      palp_test_shoot (GTK_WINDOW (preview), shot);
      gtk_window_destroy (GTK_WINDOW (preview));
    }
}

/* A visit's SOAP note opens from its row on the Visits tab. */
static void
test_soap_note (Fixture       *f,
                gconstpointer  data)
{
  PalpVisitList *list;
  GListModel *visits;
  g_autoptr(PalpSoapNote) note = NULL;
  g_autoptr(GError) error = NULL;
  PalpPreviewWindow *preview;
  g_autofree char *text = NULL;
  gint64 visit_id = 0;

  show_client (f, CLIENT_TMD, "visits");
  list = PALP_VISIT_LIST (palp_test_find_widget (GTK_WIDGET (f->page), PALP_TYPE_VISIT_LIST));
  visits = palp_visit_list_get_visits (list);
  g_assert_cmpuint (g_list_model_get_n_items (visits), >, 0);
  /* Every visit of this client is therapeutic and none was cancelled or
   * missed: each row offers its note. */
  g_assert_cmpuint (count_buttons (GTK_WIDGET (list), "visits.soap"), ==,
                    g_list_model_get_n_items (visits));

  /* The latest attended visit with a note, or the draft one, written now. */
  for (guint i = 0; visit_id == 0 && i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (visits, i);
      g_autoptr(PalpSoapNote) existing = NULL;

      if (g_strcmp0 (palp_visit_get_string (v, "status"), "attended") != 0)
        continue;
      existing = palp_store_load_soap_note (f->store, palp_visit_get_int (v, "id"), NULL);
      if (existing != NULL || palp_visit_get_string (v, "signed-at") == NULL)
        visit_id = palp_visit_get_int (v, "id");
    }
  g_assert_cmpint (visit_id, !=, 0);
  note = palp_store_load_soap_note (f->store, visit_id, NULL);
  if (note == NULL)
    {
      note = palp_soap_note_new ();
      g_object_set (note, "visit-id", visit_id, "subjective", "Jaw aches on waking.",
                    "objective", "Left masseter hypertonic; opening 34 mm.",
                    "assessment", "Myofascial pain, left masseter.",
                    "plan-text", "Weekly for four weeks.", NULL);
      g_assert_true (palp_store_save_soap_note (f->store, note, &error));
      g_assert_no_error (error);
    }

  palp_test_shoot (GTK_WINDOW (f->window), "documents-visits");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "visits.soap", "x", visit_id));
  preview = find_preview ("SOAP Note");
  g_assert_nonnull (preview);
  g_assert_nonnull (strstr (palp_preview_window_get_title (preview), "Grace Whitfield"));
  wait_rendered (preview);
  g_assert_cmpint (palp_preview_window_get_n_pages (preview), >=, 1);
  text = pdf_text (palp_preview_window_get_bytes (preview));
  g_assert_nonnull (strstr (text, "SOAP"));
  palp_test_shoot (GTK_WINDOW (preview), "documents-soap");
}

/* An esthetic visit has a service record, never a SOAP note: not offered,
 * and refused if asked for. */
static void
test_esthetic_visit (Fixture       *f,
                     gconstpointer  data)
{
  PalpVisitList *list;
  GListModel *visits;
  g_autoptr(PalpVisit) visit = NULL;
  g_autoptr(GError) error = NULL;

  show_client (f, CLIENT_ESTHETIC, "visits");
  list = PALP_VISIT_LIST (palp_test_find_widget (GTK_WIDGET (f->page), PALP_TYPE_VISIT_LIST));
  visits = palp_visit_list_get_visits (list);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 1);
  visit = g_list_model_get_item (visits, 0);
  g_assert_cmpstr (palp_visit_get_string (visit, "categories"), ==, "esthetic");
  g_assert_cmpuint (count_buttons (GTK_WIDGET (list), "visits.soap"), ==, 0);
  g_assert_cmpuint (count_buttons (GTK_WIDGET (list), "visits.chart"), ==, 1);

  g_assert_null (palp_visit_list_open_soap_note (list, visit, &error));
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_ESTHETIC);
  g_assert_cmpuint (n_previews (), ==, 0);
}

/* A new client has no plan: its rows say so, are disabled, and asking
 * anyway is refused with the same reason; the whole record can be made. */
static void
test_no_plan (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *plan_row, *progress_row, *record_row;
  const char *reason;

  g_object_set (client, "given-name", "Noor", "family-name", "Haddad", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  palp_window_search (f->window, "Haddad");
  show_client (f, palp_client_get_id (client), "documents");

  plan_row = find_row (GTK_WIDGET (f->documents), "Treatment Plan");
  progress_row = find_row (GTK_WIDGET (f->documents), "Progress Report");
  record_row = find_row (GTK_WIDGET (f->documents), "Whole Record");
  g_assert_false (gtk_widget_get_sensitive (plan_row));
  g_assert_false (gtk_widget_get_sensitive (progress_row));
  g_assert_true (gtk_widget_get_sensitive (record_row));

  reason = palp_client_documents_get_reason (f->documents, PALP_CLIENT_DOCUMENT_PLAN);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "no treatment plan"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (plan_row)), ==, reason);
  reason = palp_client_documents_get_reason (f->documents, PALP_CLIENT_DOCUMENT_PROGRESS);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "No treatment plan"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (progress_row)), ==, reason);
  palp_test_shoot (GTK_WINDOW (f->window), "documents-no-plan");

  g_assert_null (palp_client_documents_open (f->documents, PALP_CLIENT_DOCUMENT_PLAN, &error));
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_cmpuint (n_previews (), ==, 0);

  g_assert_nonnull (palp_client_documents_open (f->documents, PALP_CLIENT_DOCUMENT_RECORD,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_previews (), ==, 1);
}

/* The client's own record, as JSON: theirs only, mode 0600. */
static void
test_record_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (f->dir, "record.json", NULL);
  JsonObject *root, *tables;
  JsonArray *clients, *visits;
  GtkWidget *row;
  GStatBuf st;

  show_client (f, CLIENT_TMD, "documents");
  row = find_row (GTK_WIDGET (f->documents), "Export Record as JSON…");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (row));

  file = g_file_new_for_path (path);
  g_assert_true (palp_client_documents_export_json (f->documents, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "scope"), ==, "client");
  g_assert_cmpint (json_object_get_int_member (root, "client_id"), ==, CLIENT_TMD);
  tables = json_object_get_object_member (root, "tables");
  clients = json_object_get_array_member (tables, "clients");
  g_assert_cmpuint (json_array_get_length (clients), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (clients, 0),
                                                  "family_name"), ==, "Whitfield");
  visits = json_object_get_array_member (tables, "visits");
  g_assert_cmpuint (json_array_get_length (visits), >, 0);
  for (guint i = 0; i < json_array_get_length (visits); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (visits, i),
                                                 "client_id"), ==, CLIENT_TMD);
  g_assert_false (json_object_has_member (tables, "users"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/documents/client", Fixture, NULL, fixture_setup, test_client_documents,
              fixture_teardown);
  g_test_add ("/documents/soap-note", Fixture, NULL, fixture_setup, test_soap_note,
              fixture_teardown);
  g_test_add ("/documents/record-json", Fixture, NULL, fixture_setup, test_record_json,
              fixture_teardown);
  g_test_add ("/documents/esthetic-visit", Fixture, NULL, fixture_setup, test_esthetic_visit,
              fixture_teardown);
  g_test_add ("/documents/no-plan", Fixture, NULL, fixture_setup, test_no_plan,
              fixture_teardown);
  return g_test_run ();
}
