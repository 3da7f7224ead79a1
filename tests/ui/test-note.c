/* test-note.c: writing, saving, signing and amending a SOAP note beside
 * the chart, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-chart-window.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-note-editor.h"
#include "palp-sign-gates.h"
#include "palp-store-security.h"
#include "palp-test-shot.h"
#include "palp-today-page.h"
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
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, data ? data : "maya");
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
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An attended, unsigned visit of Maya's, with a fresh screening on file
 * for its client so that the screening gate passes. */
static PalpVisit *
draft_visit (Fixture *f)
{
  g_autoptr(GListModel) visits = palp_store_list_unsigned_visits (f->store, 0, NULL);
  g_autoptr(PalpUser) maya = palp_store_find_user (f->store, "maya", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (visits);
  g_assert_nonnull (maya);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      PalpVisit *visit = g_list_model_get_item (visits, i);

      if (palp_visit_get_int (visit, "practitioner-id") == palp_user_get_id (maya))
        {
          g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
          g_autofree char *date = g_strndup (palp_visit_get_string (visit, "starts-at"), 10);

          g_object_set (screening, "client-id", palp_visit_get_int (visit, "client-id"),
                        "taken-on", date, NULL);
          palp_store_set_actor (f->store, palp_user_get_id (maya));
          g_assert_true (palp_store_save_screening (f->store, screening, NULL, &error));
          g_assert_no_error (error);
          return visit;
        }
      g_object_unref (visit);
    }
  g_assert_not_reached ();
  return NULL;
}

static PalpChartWindow *
open_window (Fixture   *f,
             PalpVisit *visit,
             const char *login)
{
  g_autoptr(PalpUser) user = palp_store_find_user (f->store, login, NULL);
  PalpChartWindow *window;

  g_assert_nonnull (user);
  palp_store_set_actor (f->store, palp_user_get_id (user));
  window = palp_chart_window_new (f->store, NULL, user, visit);
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  gtk_window_present (GTK_WINDOW (window));
  palp_test_settle ();
  return window;
}

/* Typing saves itself within two seconds, with no button pressed. */
static void
test_note_autosaves (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PalpVisit) visit = draft_visit (f);
  PalpChartWindow *window = open_window (f, visit, "maya");
  PalpNoteEditor *editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));
  GtkTextBuffer *subjective = palp_note_editor_get_buffer (editor, "subjective");
  g_autoptr(PalpSoapNote) saved = NULL;
  gint64 started;

  g_assert_false (palp_note_editor_get_signed (editor));
  gtk_text_buffer_set_text (subjective, "Jaw tight on waking, 6/10; clicks less.", -1);
  g_assert_true (palp_note_editor_get_dirty (editor));

  started = g_get_monotonic_time ();
  while (palp_note_editor_get_dirty (editor) && g_get_monotonic_time () - started < 5 * G_USEC_PER_SEC)
    palp_test_settle ();
  g_assert_false (palp_note_editor_get_dirty (editor));
  g_assert_null (palp_note_editor_get_problem (editor));

  saved = palp_store_load_soap_note (f->store, palp_visit_get_int (visit, "id"), NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (palp_soap_note_get_string (saved, "subjective"), ==,
                   "Jaw tight on waking, 6/10; clicks less.");
}

/* Write with the chart's summary, sign through the gates, then amend. */
static void
test_note_write_sign_amend (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PalpVisit) visit = draft_visit (f);
  gint64 visit_id = palp_visit_get_int (visit, "id");
  PalpChartWindow *window = open_window (f, visit, "maya");
  PalpNoteEditor *editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));
  g_autoptr(PalpSoapNote) saved = NULL;
  g_autoptr(GListModel) amendments = NULL;
  g_autoptr(GListModel) overrides = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *objective = NULL;
  GPtrArray *gates;
  gboolean blocked = FALSE;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GList) toplevels = NULL;

  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "subjective"),
                            "Less jaw pain; opening easier in the mornings.", -1);
  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "assessment"),
                            "Good response; masseter tone reduced.", -1);
  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "plan-text"),
                            "Continue weekly; jaw stretches twice a day.", -1);

  /* The chart's marks, in words, go into Objective on request. */
  if (palp_chart_window_get_summary (window) != NULL &&
      g_list_model_get_n_items (palp_chart_edits_get_marks (palp_chart_window_get_edits (window))) > 0)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.insert-summary", NULL));
      objective = text_of (palp_note_editor_get_buffer (editor, "objective"));
      g_assert_nonnull (strstr (objective, palp_chart_window_get_summary (window)));
    }

  /* The gates, as the popover lists them: the screening is current. */
  palp_note_editor_show_gates (editor);
  palp_test_settle ();
  gates = palp_note_editor_get_gates (editor);
  g_assert_nonnull (gates);
  g_assert_cmpuint (gates->len, >, 0);
  for (guint i = 0; i < gates->len; i++)
    {
      PalpGateResult *gate = g_ptr_array_index (gates, i);

      if (g_strcmp0 (gate->key, PALP_GATE_SCREENING) == 0)
        g_assert_cmpint (gate->status, ==, PALP_GATE_PASSED);
      if (gate->status == PALP_GATE_BLOCKED)
        {
          g_test_message ("blocked: %s: %s", gate->title, gate->reason);
          blocked = TRUE;
        }
    }
  g_assert_false (blocked);
  palp_test_shoot (GTK_WINDOW (window), "note-sign");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.sign", NULL));
  palp_test_settle ();
  g_assert_true (palp_note_editor_get_signed (editor));
  g_assert_true (palp_chart_edits_get_read_only (palp_chart_window_get_edits (window)));
  {
    g_autoptr(PalpVisit) fresh = palp_store_load_visit (f->store, visit_id, NULL);

    g_assert_nonnull (palp_visit_get_string (fresh, "signed-at"));
  }
  saved = palp_store_load_soap_note (f->store, visit_id, NULL);
  g_assert_cmpstr (palp_soap_note_get_string (saved, "assessment"), ==,
                   "Good response; masseter tone reduced.");
  /* Nothing was overridden. */
  overrides = palp_store_list_gate_overrides (f->store, visit_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (overrides), ==, 0);

  /* Typing into a signed note changes nothing. */
  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "assessment"), "Changed", -1);
  g_assert_false (palp_note_editor_get_dirty (editor));

  /* An amendment, through its dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.amend", NULL));
  palp_test_settle ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  {
    GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *entry = palp_test_find_widget (extra, GTK_TYPE_ENTRY);
    GtkWidget *view = palp_test_find_widget (extra, GTK_TYPE_TEXT_VIEW);

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "amend"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "Home care omitted");
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                              "Also: warm compress before stretches.", -1);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "amend"));
    adw_message_dialog_response (dialog, "amend");
  }
  palp_test_settle ();
  amendments = palp_store_list_amendments (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (amendments), ==, 1);
  /* The note itself is as it was signed. */
  g_clear_object (&saved);
  saved = palp_store_load_soap_note (f->store, visit_id, NULL);
  g_assert_cmpstr (palp_soap_note_get_string (saved, "assessment"), ==,
                   "Good response; masseter tone reduced.");
  palp_test_shoot (GTK_WINDOW (window), "note-signed");
}

/* An absolute contraindication blocks signing, and cannot be passed. */
static void
test_note_absolute_blocks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PalpVisit) visit = draft_visit (f);
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(PalpFindingRecord) fever = palp_finding_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);
  g_autofree char *date = g_strndup (palp_visit_get_string (visit, "starts-at"), 10);
  g_autoptr(GError) error = NULL;
  PalpChartWindow *window;
  PalpNoteEditor *editor;
  GPtrArray *gates;
  gboolean absolute_blocked = FALSE;

  g_object_set (screening, "client-id", palp_visit_get_int (visit, "client-id"),
                "taken-on", date, NULL);
  g_object_set (fever, "kind", "fever", "severity", "absolute", "note", "38.4 °C", NULL);
  g_list_store_append (findings, fever);
  g_assert_true (palp_store_save_screening (f->store, screening, G_LIST_MODEL (findings), &error));
  g_assert_no_error (error);

  window = open_window (f, visit, "maya");
  editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));
  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "subjective"), "Feverish.", -1);
  palp_note_editor_show_gates (editor);
  palp_test_settle ();
  gates = palp_note_editor_get_gates (editor);
  g_assert_nonnull (gates);
  for (guint i = 0; i < gates->len; i++)
    {
      PalpGateResult *gate = g_ptr_array_index (gates, i);

      if (g_strcmp0 (gate->key, PALP_GATE_ABSOLUTE) == 0 && gate->status == PALP_GATE_BLOCKED)
        absolute_blocked = TRUE;
    }
  g_assert_true (absolute_blocked);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "note.sign", NULL) &&
                  palp_note_editor_get_signed (editor));
  g_assert_false (palp_note_editor_get_signed (editor));
  palp_test_shoot (GTK_WINDOW (window), "note-blocked");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (palp_test_find_widget (GTK_WIDGET (editor),
                                                          GTK_TYPE_MENU_BUTTON)));
  palp_test_settle ();
}

/* Someone else's note is read-only, with the reason, and cannot be signed. */
static void
test_note_read_only_for_others (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PalpVisit) visit = draft_visit (f);
  PalpChartWindow *window = open_window (f, visit, "rosa");
  PalpNoteEditor *editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));

  gtk_text_buffer_set_text (palp_note_editor_get_buffer (editor, "subjective"), "Not mine", -1);
  g_assert_false (palp_note_editor_get_dirty (editor));
  g_assert_false (gtk_widget_is_visible (palp_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON)));
}

/* The note's text is the practitioners': an admin sees "Restricted",
 * unless the clinic lets admins read it. */
static void
test_note_narrative_by_role (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PalpVisit) visit = draft_visit (f);
  g_autoptr(PalpSoapNote) note = palp_soap_note_new ();
  g_autoptr(PalpUser) rosa = palp_store_find_user (f->store, "rosa", NULL);
  g_autoptr(GError) error = NULL;
  PalpSecuritySettings security;
  PalpChartWindow *window;
  PalpNoteEditor *editor;
  g_autofree char *text = NULL;

  g_object_set (note, "visit-id", palp_visit_get_int (visit, "id"),
                "subjective", "Worried about her daughter; jaw worse this week.", NULL);
  g_assert_true (palp_store_save_soap_note (f->store, note, &error));
  g_assert_no_error (error);

  window = open_window (f, visit, "rosa");
  editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));
  text = text_of (palp_note_editor_get_buffer (editor, "subjective"));
  g_assert_null (strstr (text, "daughter"));
  g_assert_cmpstr (text, ==, "Restricted");
  g_assert_nonnull (palp_note_editor_get_problem (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&text, g_free);

  /* The clinic lets admins read notes. */
  palp_store_set_actor (f->store, palp_user_get_id (rosa));
  palp_security_settings_init_default (&security);
  g_assert_true (palp_store_load_security_settings (f->store, &security, &error));
  security.admins_read_narratives = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &security, &error));
  g_assert_no_error (error);
  window = open_window (f, visit, "rosa");
  editor = PALP_NOTE_EDITOR (palp_chart_window_get_note_editor (window));
  text = text_of (palp_note_editor_get_buffer (editor, "subjective"));
  g_assert_nonnull (strstr (text, "daughter"));
  /* Read, never written: the note is Maya's. */
  g_assert_false (gtk_widget_is_visible (palp_test_find_widget (GTK_WIDGET (editor),
                                                                GTK_TYPE_MENU_BUTTON)));
}

/* Today lists unsigned notes, and opens one. */
static void
test_today_unsigned (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) unsigned_visits = palp_store_list_unsigned_visits (f->store, 0, NULL);
  PalpTodayPage *today;
  GtkWidget *expander;
  g_autoptr(PalpVisit) visit = NULL;
  GtkWindow *opened;

  palp_window_show_section (f->window, "today");
  palp_test_settle ();
  today = PALP_TODAY_PAGE (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_TODAY_PAGE));
  g_assert_nonnull (today);
  g_assert_cmpuint (g_list_model_get_n_items (unsigned_visits), >, 0);
  palp_today_page_reload (today);
  palp_test_settle ();
  /* One expander per practitioner with unsigned notes. */
  expander = palp_test_find_widget (GTK_WIDGET (today), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_is_visible (expander));
  visit = g_list_model_get_item (unsigned_visits, 0);
  opened = palp_today_page_open_note (today, palp_visit_get_int (visit, "id"));
  g_assert_true (PALP_IS_CHART_WINDOW (opened));
  palp_test_shoot (GTK_WINDOW (f->window), "today-unsigned");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/note/autosaves", Fixture, NULL, fixture_setup, test_note_autosaves,
              fixture_teardown);
  g_test_add ("/note/write-sign-amend", Fixture, NULL, fixture_setup,
              test_note_write_sign_amend, fixture_teardown);
  g_test_add ("/note/absolute-blocks", Fixture, NULL, fixture_setup, test_note_absolute_blocks,
              fixture_teardown);
  g_test_add ("/note/read-only-for-others", Fixture, NULL, fixture_setup,
              test_note_read_only_for_others, fixture_teardown);
  g_test_add ("/note/narrative-by-role", Fixture, NULL, fixture_setup,
              test_note_narrative_by_role, fixture_teardown);
  g_test_add ("/note/today-unsigned", Fixture, NULL, fixture_setup, test_today_unsigned,
              fixture_teardown);
  return g_test_run ();
}
