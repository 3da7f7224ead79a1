/* test-preferences-clinical.c: the clinic's clinical settings and
 * jurisdiction rules in Preferences, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-preferences.h"
#include "palp-sign-gates.h"
#include "palp-test-shot.h"
#include "palp-window.h"

typedef struct
{
  char            *dir;
  PalpStore       *store;
  PalpWindow      *window;
  PalpPreferences *prefs;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, login);
  f->prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  gtk_window_present (GTK_WINDOW (f->prefs));
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
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget under @root for which @match holds. */
static GtkWidget *
find (GtkWidget  *root,
      gboolean  (*match) (GtkWidget *w, gconstpointer data),
      gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *w,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (w) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

static gboolean
is_spin_button (GtkWidget     *w,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (w);
}

static gboolean
is_button_labelled (GtkWidget     *w,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
}

static gboolean
is_error_label (GtkWidget     *w,
                gconstpointer  data)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "error");
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  GtkWidget *p;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->prefs), name);
  p = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (f->prefs)));
  g_assert_nonnull (p);
  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (p)), ==, name);
  spin ();
  return p;
}

static GtkWidget *
row_spin (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row = find (root, is_row_titled, title);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = find (row, is_spin_button, NULL);
  g_assert_nonnull (button);
  return button;
}

static void
type_into (GtkWidget  *spin_button,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin_button), text);
}

static gboolean
is_scrolled (GtkWidget     *w,
             gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (w);
}

/* With PALPATE_TEST_SHOTS, a picture of @p scrolled to @fraction. */
static void
shoot_scrolled (Fixture    *f,
                GtkWidget  *p,
                double      fraction,
                const char *name)
{
  GtkWidget *scrolled;
  GtkAdjustment *adj;

  if (g_getenv ("PALPATE_TEST_SHOTS") == NULL)
    return;
  scrolled = find (p, is_scrolled, NULL);
  g_assert_nonnull (scrolled);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adj, (gtk_adjustment_get_upper (adj) -
                                  gtk_adjustment_get_page_size (adj)) * fraction);
  palp_test_shoot (GTK_WINDOW (f->prefs), name);
  gtk_adjustment_set_value (adj, 0);
}

static PalpClinicalSettings
stored_settings (Fixture *f)
{
  PalpClinicalSettings settings;
  g_autoptr(GError) error = NULL;

  g_assert_true (palp_store_load_clinical_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  return settings;
}

/* The admin changes the screening period and a MIC; Save stores them. */
static void
test_clinical_save (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *p = page (f, "clinical");
  GtkWidget *save = find (p, is_button_labelled, "_Save");
  PalpClinicalSettings before = stored_settings (f);
  PalpClinicalSettings after;

  g_assert_nonnull (save);
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_cmpuint (before.screening.max_age_days, ==, 90);
  g_assert_cmpfloat (before.measures.mic[PALP_MEASURE_NDI], ==, 5.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (row_spin (p,
                       "Ask the screening again after"))), ==, 90);
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-clinical");
  shoot_scrolled (f, p, 0.5, "preferences-clinical-middle");
  shoot_scrolled (f, p, 1.0, "preferences-clinical-end");

  type_into (row_spin (p, "Ask the screening again after"), "120");
  type_into (row_spin (p, "Neck Disability Index"), "7.5");
  g_signal_emit_by_name (save, "clicked");
  spin ();

  after = stored_settings (f);
  g_assert_cmpuint (after.screening.max_age_days, ==, 120);
  g_assert_cmpfloat (after.measures.mic[PALP_MEASURE_NDI], ==, 7.5);
  /* Nothing else moved. */
  g_assert_cmpuint (after.plateau_visits, ==, before.plateau_visits);
  g_assert_cmpfloat (after.measures.mic[PALP_MEASURE_PAIN_NRS], ==,
                     before.measures.mic[PALP_MEASURE_PAIN_NRS]);
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    g_assert_cmpint (after.screening.severity[i], ==, before.screening.severity[i]);
}

/* A MIC the measure cannot have is marked on its row; nothing is saved,
 * not even the valid change beside it. */
static void
test_clinical_invalid (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *p = page (f, "clinical");
  GtkWidget *save = find (p, is_button_labelled, "_Save");
  GtkWidget *pain = find (p, is_row_titled, "Pain (0–10)");
  PalpClinicalSettings after;

  g_assert_nonnull (pain);
  type_into (row_spin (p, "Ask the screening again after"), "30");
  type_into (row_spin (p, "Pain (0–10)"), "12");
  g_signal_emit_by_name (save, "clicked");
  spin ();

  g_assert_true (gtk_widget_has_css_class (pain, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pain)), "less than 10"));
  after = stored_settings (f);
  g_assert_cmpuint (after.screening.max_age_days, ==, 90);
  g_assert_cmpfloat (after.measures.mic[PALP_MEASURE_PAIN_NRS], ==, 2.0);

  /* Corrected, it saves and the mark goes. */
  type_into (row_spin (p, "Pain (0–10)"), "3");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_false (gtk_widget_has_css_class (pain, "error"));
  after = stored_settings (f);
  g_assert_cmpuint (after.screening.max_age_days, ==, 30);
  g_assert_cmpfloat (after.measures.mic[PALP_MEASURE_PAIN_NRS], ==, 3.0);
}

/* A practitioner reads the settings and is told why they cannot change
 * them. */
static void
test_clinical_read_only (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *p = page (f, "clinical");
  GtkWidget *save = find (p, is_button_labelled, "_Save");
  GtkWidget *notice = find (p, is_row_titled, "Read only");

  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notice)), "admin"));
  g_assert_false (gtk_widget_is_sensitive (row_spin (p, "Ask the screening again after")));
  g_assert_false (gtk_widget_is_sensitive (row_spin (p, "Neck Disability Index")));
  g_assert_false (gtk_widget_is_sensitive (find (p, is_row_titled, "Fracture")));
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-clinical-read-only");
}

static gboolean
is_rule_button (GtkWidget     *w,
                gconstpointer  data)
{
  const char * const *want = data;   /* { rule id, tooltip } */

  return GTK_IS_BUTTON (w) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (w), "palp-rule-id"), want[0]) == 0 &&
         g_strcmp0 (gtk_widget_get_tooltip_text (w), want[1]) == 0;
}

static GtkWidget *
rule_button (GtkWidget  *root,
             const char *id,
             const char *tooltip)
{
  const char *want[] = { id, tooltip };

  return find (root, is_rule_button, want);
}

static GtkWindow *
find_window_titled (const char *title)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0 &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
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

static char *
stored_rules (Fixture  *f,
              gboolean *is_default)
{
  g_autoptr(GError) error = NULL;
  char *json = palp_store_get_rules_json (f->store, is_default, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

static GtkWindow *
open_rule (GtkWidget  *p,
           const char *id)
{
  GtkWidget *edit = rule_button (p, id, "Edit this rule");
  GtkWindow *dialog;

  g_assert_nonnull (edit);
  g_signal_emit_by_name (edit, "clicked");
  spin ();
  dialog = find_window_titled ("Edit Rule");
  g_assert_nonnull (dialog);
  return dialog;
}

static GtkLabel *
dialog_message (GtkWindow *dialog)
{
  GtkWidget *w = find (GTK_WIDGET (dialog), is_error_label, NULL);

  g_assert_nonnull (w);
  return GTK_LABEL (w);
}

/* The admin edits a rule's source: the whole file is stored with it, and
 * the page shows it. */
static void
test_rules_edit (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *p = page (f, "rules");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_default = FALSE;
  GtkWindow *dialog;
  GtkWidget *source;

  before = stored_rules (f, &is_default);
  g_assert_true (is_default);
  g_assert_nonnull (find (p, is_row_titled, "TMJ treatment needs a written referral on file"));
  g_assert_nonnull (find (p, is_row_titled,
                          "Intra-oral work needs the licence endorsement “intra-oral”"));
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-rules");
  shoot_scrolled (f, p, 1.0, "preferences-rules-end");

  dialog = open_rule (p, "us-oh-tmj-referral");
  palp_test_shoot (dialog, "preferences-rule-dialog");
  source = find (GTK_WIDGET (dialog), is_row_titled, "Source (e.g. OAC 4731-1-05)");
  g_assert_nonnull (source);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (source)), ==, "OAC 4731-1-05");
  gtk_editable_set_text (GTK_EDITABLE (source), "OAC 4731-1-05 (as amended 2025)");
  g_signal_emit_by_name (find (GTK_WIDGET (dialog), is_button_labelled, "_Save"), "clicked");
  spin ();
  g_assert_null (find_window_titled ("Edit Rule"));

  after = stored_rules (f, &is_default);
  g_assert_false (is_default);
  g_assert_nonnull (strstr (after, "OAC 4731-1-05 (as amended 2025)"));
  rules = palp_store_load_rules (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rules->len; i++)
    {
      PalpRule *rule = g_ptr_array_index (rules, i);

      if (g_strcmp0 (rule->id, "us-oh-tmj-referral") == 0)
        {
          g_assert_cmpstr (rule->source, ==, "OAC 4731-1-05 (as amended 2025)");
          g_assert_cmpint (rule->requirement, ==, PALP_RULE_WRITTEN_REFERRAL);
          g_assert_cmpstr (rule->date, ==, "2023");
        }
    }
  /* The page shows the stored rule. */
  p = page (f, "rules");
  g_assert_nonnull (rule_button (p, "us-oh-tmj-referral", "Edit this rule"));
}

/* An endorsement rule without its endorsement, and a jurisdiction the
 * parser refuses: each refused with a message, nothing stored. */
static void
test_rules_invalid (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *p = page (f, "rules");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean is_default = FALSE;
  GtkWindow *dialog;
  GtkWidget *endorsement, *jurisdiction, *save;
  GtkLabel *message;

  before = stored_rules (f, &is_default);
  g_assert_true (is_default);

  dialog = open_rule (p, "us-wa-intra-oral-endorsement");
  endorsement = find (GTK_WIDGET (dialog), is_row_titled, "Endorsement (e.g. intra-oral)");
  save = find (GTK_WIDGET (dialog), is_button_labelled, "_Save");
  g_assert_nonnull (endorsement);
  g_assert_true (gtk_widget_get_visible (endorsement));
  gtk_editable_set_text (GTK_EDITABLE (endorsement), "");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  message = dialog_message (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "endorsement"));
  g_assert_true (gtk_widget_has_css_class (endorsement, "error"));
  g_assert_true (find_window_titled ("Edit Rule") == dialog);
  after = stored_rules (f, &is_default);
  g_assert_true (is_default);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* The parser's own check, through the store: a name is not a code. */
  gtk_editable_set_text (GTK_EDITABLE (endorsement), "intra-oral");
  jurisdiction = find (GTK_WIDGET (dialog), is_row_titled,
                       "Jurisdiction code (e.g. US-OH, CA-AB)");
  gtk_editable_set_text (GTK_EDITABLE (jurisdiction), "Washington");
  g_signal_emit_by_name (save, "clicked");
  spin ();
  g_assert_nonnull (strstr (gtk_label_get_text (message), "US-OH or CA-AB"));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "us-wa-intra-oral-endorsement"));
  g_assert_true (find_window_titled ("Edit Rule") == dialog);
  palp_test_shoot (dialog, "preferences-rule-dialog-error");
  after = stored_rules (f, &is_default);
  g_assert_true (is_default);
  g_assert_cmpstr (after, ==, before);
}

static guint
count_rules (Fixture *f)
{
  g_autoptr(GPtrArray) rules = palp_store_load_rules (f->store, NULL);

  g_assert_nonnull (rules);
  return rules->len;
}

/* Add a rule, remove one, then Restore Shipped Rules brings the defaults
 * back after its confirmation. */
static void
test_rules_add_remove_restore (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *p = page (f, "rules");
  guint shipped = count_rules (f);
  g_autofree char *json = NULL;
  gboolean is_default = FALSE;
  AdwMessageDialog *confirm;
  GtkWindow *dialog;

  /* Add: Idaho, TMJ, a written referral. */
  g_signal_emit_by_name (find (p, is_button_labelled, "_Add Rule…"), "clicked");
  spin ();
  dialog = find_window_titled ("Add Rule");
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), is_row_titled,
                                             "Jurisdiction code (e.g. US-OH, CA-AB)")), "us-id");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), is_row_titled,
                                             "Jurisdiction name")), "Idaho");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), is_row_titled,
                                                   "Applies to")), PALP_RULE_SCOPE_TMJ);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (GTK_WIDGET (dialog), is_row_titled,
                                                   "Requirement")), PALP_RULE_WRITTEN_REFERRAL);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), is_row_titled, "Summary")),
                         "A written referral is needed for TMJ work.");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (dialog), is_row_titled,
                                             "Source (e.g. OAC 4731-1-05)")), "IDAPA 24.27.01");
  g_signal_emit_by_name (find (GTK_WIDGET (dialog), is_button_labelled, "_Add"), "clicked");
  spin ();
  g_assert_null (find_window_titled ("Add Rule"));
  g_assert_cmpuint (count_rules (f), ==, shipped + 1);
  json = stored_rules (f, &is_default);
  g_assert_nonnull (strstr (json, "\"us-id-tmj-written-referral\""));
  g_assert_nonnull (strstr (json, "\"US-ID\""));
  g_clear_pointer (&json, g_free);
  p = page (f, "rules");
  g_assert_nonnull (find (p, is_row_titled, "TMJ treatment needs a written referral on file"));

  /* Remove Ohio's TMJ rule, once confirmed. */
  g_signal_emit_by_name (rule_button (p, "us-oh-tmj-referral", "Remove this rule"), "clicked");
  spin ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  spin ();
  g_assert_cmpuint (count_rules (f), ==, shipped);
  json = stored_rules (f, &is_default);
  g_assert_null (strstr (json, "\"us-oh-tmj-referral\""));
  g_clear_pointer (&json, g_free);
  p = page (f, "rules");
  g_assert_null (rule_button (p, "us-oh-tmj-referral", "Edit this rule"));

  /* Cancelling the restore changes nothing; confirming it restores. */
  g_signal_emit_by_name (find (p, is_button_labelled, "_Restore Shipped Rules…"), "clicked");
  spin ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  palp_test_shoot (GTK_WINDOW (confirm), "preferences-rules-restore");
  adw_message_dialog_response (confirm, "cancel");
  spin ();
  json = stored_rules (f, &is_default);
  g_assert_false (is_default);
  g_clear_pointer (&json, g_free);

  g_signal_emit_by_name (find (p, is_button_labelled, "_Restore Shipped Rules…"), "clicked");
  spin ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "restore");
  spin ();
  json = stored_rules (f, &is_default);
  g_assert_true (is_default);
  g_assert_nonnull (strstr (json, "\"us-oh-tmj-referral\""));
  g_assert_null (strstr (json, "us-id"));
  g_assert_cmpuint (count_rules (f), ==, shipped);
  p = page (f, "rules");
  g_assert_nonnull (rule_button (p, "us-oh-tmj-referral", "Edit this rule"));
}

/* A practitioner reads the rules, with the reason they cannot edit. */
static void
test_rules_read_only (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *p = page (f, "rules");
  GtkWidget *notice = find (p, is_row_titled, "Read only");

  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notice)), "admin"));
  g_assert_nonnull (find (p, is_row_titled, "TMJ treatment needs a written referral on file"));
  g_assert_null (rule_button (p, "us-oh-tmj-referral", "Edit this rule"));
  g_assert_null (rule_button (p, "us-oh-tmj-referral", "Remove this rule"));
  g_assert_false (gtk_widget_is_sensitive (find (p, is_button_labelled, "_Add Rule…")));
  g_assert_false (gtk_widget_is_sensitive (find (p, is_button_labelled,
                                                 "_Restore Shipped Rules…")));
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-rules-read-only");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/clinical/save", Fixture, "rosa", fixture_setup,
              test_clinical_save, fixture_teardown);
  g_test_add ("/preferences/clinical/invalid", Fixture, "rosa", fixture_setup,
              test_clinical_invalid, fixture_teardown);
  g_test_add ("/preferences/clinical/read-only", Fixture, "maya", fixture_setup,
              test_clinical_read_only, fixture_teardown);

  g_test_add ("/preferences/rules/edit", Fixture, "rosa", fixture_setup, test_rules_edit,
              fixture_teardown);
  g_test_add ("/preferences/rules/invalid", Fixture, "rosa", fixture_setup, test_rules_invalid,
              fixture_teardown);
  g_test_add ("/preferences/rules/add-remove-restore", Fixture, "rosa", fixture_setup,
              test_rules_add_remove_restore, fixture_teardown);
  g_test_add ("/preferences/rules/read-only", Fixture, "maya", fixture_setup,
              test_rules_read_only, fixture_teardown);

  return g_test_run ();
}
