/* test-letters.c: drafting, previewing and issuing a letter of medical
 * necessity from a client's Documents tab, under Xvfb
 *
 * Hal Brennan (the demo's HSA client) has the letter the demo issued,
 * listed and reopened from its stored bytes; a new one is drafted from his
 * record, edited, previewed with the edits, and issued: it is listed and
 * its stored PDF says what was edited. A client whose record holds nothing
 * gets the missing pieces, and no way to issue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "palp-client-documents.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-letter.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-letter-dialog.h"
#include "palp-preview-window.h"
#include "palp-store-letters.h"
#include "palp-test-shot.h"
#include "palp-window.h"

/* Hal Brennan, in the demo's order. */
#define CLIENT_HSA 2

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

static PalpFormWindow *
find_form (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (PALP_IS_FORM_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

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

/* The PDF's words, whitespace runs made one space. */
static char *
pdf_words (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = palp_pdf_open (bytes, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  text = palp_pdf_get_text (document);
  g_object_unref (document);
  words = g_strsplit_set (text, " \n\t\r\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

static void
show_documents (Fixture *f,
                gint64   client_id)
{
  palp_window_select_client (f->window, client_id);
  palp_test_spin (30);
  adw_view_stack_set_visible_child_name (f->stack, "documents");
  palp_test_spin (30);
  g_assert_cmpint (palp_client_get_id (palp_client_page_get_client (f->page)), ==, client_id);
  palp_client_documents_reload (f->documents);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-letters-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (palp_demo_issue_letters (f->store, palp_doc_lomn_prepare,
                                          palp_doc_appeal_prepare, &error));
  g_assert_no_error (error);

  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 860);
  palp_window_set_store (f->window, f->store, "maya");
  gtk_window_present (GTK_WINDOW (f->window));
  palp_window_show_section (f->window, "clients");
  palp_window_select_client (f->window, CLIENT_HSA);
  palp_test_spin (50);
  f->page = PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window),
                                                     PALP_TYPE_CLIENT_PAGE));
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

static void
set_entry (PalpFormWindow *form,
           const char     *key,
           const char     *text)
{
  GtkWidget *row = palp_letter_dialog_get_field (form, key);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_view (PalpFormWindow *form,
          const char     *key,
          const char     *text)
{
  GtkWidget *view = palp_letter_dialog_get_field (form, key);

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_draft_and_issue (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) letters = NULL;
  g_autoptr(PalpLetter) newest = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *words = NULL;
  g_autofree char *issued_words = NULL;
  PalpPreviewWindow *preview;
  PalpFormWindow *form;
  GtkWidget *row;
  gint64 issued;

  show_documents (f, CLIENT_HSA);

  /* The demo's letter is listed, and reopens from its stored bytes. */
  g_assert_cmpuint (palp_client_documents_get_n_letters (f->documents), ==, 1);
  letters = palp_store_list_letters (f->store, CLIENT_HSA, NULL, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (letters, 0);
  stored = palp_store_load_letter_pdf (f->store, palp_letter_get_int (newest, "id"), &error);
  g_assert_no_error (error);
  preview = PALP_PREVIEW_WINDOW (palp_client_documents_open_letter (f->documents, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (palp_preview_window_get_bytes (preview), stored));
  gtk_window_destroy (GTK_WINDOW (preview));
  g_clear_object (&newest);
  g_clear_object (&letters);
  g_clear_pointer (&stored, g_bytes_unref);
  palp_test_shoot (GTK_WINDOW (f->window), "letters-tab");

  /* The row opens the drafted letter, every field editable. */
  row = find_row (GTK_WIDGET (f->documents), "Letter of Medical Necessity…");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_sensitive (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  palp_test_spin (30);
  form = find_form ();
  g_assert_nonnull (form);
  g_assert_cmpuint (g_strv_length ((char **) palp_letter_dialog_get_missing (form)), ==, 0);
  {
    guint n_fields = 0;
    const PalpLetterField *fields = palp_letter_fields (&n_fields);

    for (guint i = 0; i < n_fields; i++)
      g_assert_nonnull (palp_letter_dialog_get_field (form, fields[i].key));
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (palp_letter_dialog_get_field (
                     form, "patient"))), ==, "Harold Brennan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (palp_letter_dialog_get_field (
                     form, "prescriber"))), ==, "Dr. Samuel Lee, MD");

  /* Edits reach the preview. */
  set_entry (form, "frequency", "Every two weeks");
  set_entry (form, "duration", "Twelve months from the letter's date");
  set_view (form, "statement", "Massage treats his radiation trismus; it is not for general "
                               "wellness.");
  palp_test_settle ();
  g_assert_null (palp_form_window_get_problem (form));
  palp_test_shoot (GTK_WINDOW (form), "letters-dialog");
  preview = PALP_PREVIEW_WINDOW (palp_letter_dialog_preview (form, &error));
  g_assert_no_error (error);
  wait_rendered (preview);
  g_assert_cmpint (palp_preview_window_get_n_pages (preview), ==, 1);
  words = pdf_words (palp_preview_window_get_bytes (preview));
  g_assert_nonnull (strstr (words, "Frequency: Every two weeks"));
  g_assert_nonnull (strstr (words, "Massage treats his radiation trismus"));
  g_assert_nonnull (strstr (words, "Harold Brennan"));
  palp_test_shoot (GTK_WINDOW (preview), "letters-preview");
  gtk_window_destroy (GTK_WINDOW (preview));

  /* A blank prescriber keeps Issue off, saying why. */
  set_entry (form, "prescriber", "");
  palp_test_settle ();
  g_assert_nonnull (palp_form_window_get_problem (form));
  g_assert_false (gtk_widget_get_sensitive (palp_form_window_get_save_button (form)));
  set_entry (form, "prescriber", "Dr. Samuel Lee, MD");
  palp_test_settle ();
  g_assert_null (palp_form_window_get_problem (form));

  /* Issue: kept, listed, and its stored PDF holds the edits. */
  g_object_ref (form);
  g_assert_true (palp_form_window_save (form));
  issued = palp_letter_dialog_get_issued (form);
  g_object_unref (form);
  g_assert_cmpint (issued, >, 0);
  palp_test_spin (30);
  g_assert_cmpuint (palp_client_documents_get_n_letters (f->documents), ==, 2);
  stored = palp_store_load_letter_pdf (f->store, issued, &error);
  g_assert_no_error (error);
  issued_words = pdf_words (stored);
  g_assert_nonnull (strstr (issued_words, "Frequency: Every two weeks"));
  g_assert_nonnull (strstr (issued_words, "Massage treats his radiation trismus"));
  preview = PALP_PREVIEW_WINDOW (palp_client_documents_open_letter (f->documents, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (palp_preview_window_get_bytes (preview), stored));
  gtk_window_destroy (GTK_WINDOW (preview));
  palp_test_shoot (GTK_WINDOW (f->window), "letters-issued");
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) letters = NULL;
  const char * const *missing;
  PalpFormWindow *form;

  g_object_set (client, "given-name", "Noor", "family-name", "Haddad", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  palp_window_search (f->window, "Haddad");
  show_documents (f, palp_client_get_id (client));
  g_assert_cmpuint (palp_client_documents_get_n_letters (f->documents), ==, 0);

  form = PALP_FORM_WINDOW (palp_client_documents_open_lomn (f->documents, &error));
  g_assert_no_error (error);
  palp_test_spin (30);
  missing = palp_letter_dialog_get_missing (form);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 3);
  g_assert_nonnull (strstr (missing[0], "No diagnosis"));
  g_assert_nonnull (strstr (missing[1], "No active treatment plan"));
  g_assert_nonnull (strstr (missing[2], "No current assessment"));
  g_assert_nonnull (find_row (GTK_WIDGET (form), missing[0]));
  g_assert_null (palp_letter_dialog_get_field (form, "prescriber"));
  g_assert_false (gtk_widget_get_visible (palp_form_window_get_save_button (form)));
  g_assert_null (palp_letter_dialog_preview (form, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  palp_test_shoot (GTK_WINDOW (form), "letters-missing");
  letters = palp_store_list_letters (f->store, palp_client_get_id (client), NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (letters), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/letters/draft-and-issue", Fixture, NULL, fixture_setup, test_draft_and_issue,
              fixture_teardown);
  g_test_add ("/letters/missing", Fixture, NULL, fixture_setup, test_missing,
              fixture_teardown);
  return g_test_run ();
}
