/* test-insurance.c: the Payers page in Preferences and the client's
 * Coverage on the Overview, under Xvfb
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
#include "palp-store-insurance.h"
#include "palp-test-shot.h"
#include "palp-window.h"

/* Grace Whitfield: a health plan with an authorisation and two visits left. */
#define CLIENT_TMD 1

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
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

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title_part)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title_part) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title_part);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) &&
      (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 ||
       g_strcmp0 (gtk_widget_get_tooltip_text (root), label) == 0))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_error_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "error") &&
      gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_error_label (c);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_prefix (c, prefix);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  GtkWidget *label = find_label_prefix (root, text);

  return label && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text) ? label : NULL;
}

/* The newest window titled @title. */
static GtkWindow *
find_window (const char *title)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;
  return NULL;
}

static void
type_row (GtkWidget  *root,
          const char *title,
          const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The switch inside a switch row, whichever widget draws the row. */
static GtkWidget *
find_switch (GtkWidget *root)
{
  if (GTK_IS_SWITCH (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_switch (c);
      if (found)
        return found;
    }
  return NULL;
}

static void
set_switch (GtkWidget  *root,
            const char *title,
            gboolean    active)
{
  GtkWidget *row = find_row (root, title);

  GtkWidget *toggle;

  g_assert_nonnull (row);
  toggle = find_switch (row);
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
}

static void
test_payers_page (Fixture       *f,
                  gconstpointer  data)
{
  PalpPreferences *prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  GtkWidget *page, *row, *dialog_root, *error;
  GtkWindow *dialog;
  g_autoptr(GListModel) payers = NULL;
  g_autoptr(GListModel) fees = NULL;
  g_autoptr(PalpPayer) added = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "payers");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  spin ();
  g_assert_cmpstr (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (page)), ==, "payers");

  /* The demo's payers, with their rule and fee schedule in words. */
  row = find_row (page, "Cascade Health Plan");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "CMS 8-minute rule"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "97140 $34.50"));
  g_assert_nonnull (find_row (page, "Evergreen Mutual Auto"));
  palp_test_shoot (GTK_WINDOW (prefs), "preferences-payers");

  /* Add one: a bad price is named and nothing is saved. */
  g_signal_emit_by_name (find_button (page, "_Add Payer…"), "clicked");
  spin ();
  dialog = find_window ("Add Payer");
  g_assert_nonnull (dialog);
  dialog_root = GTK_WIDGET (dialog);
  type_row (dialog_root, "Name", "Puget Workers' Comp");
  type_row (dialog_root, "Add a code", "97110");
  type_row (dialog_root, "Its price per unit", "thirty");
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  error = find_error_label (dialog_root);
  g_assert_nonnull (error);
  payers = palp_store_list_payers (f->store, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (payers), ==, 3);
  g_clear_object (&payers);

  type_row (dialog_root, "Its price per unit", "31.25");
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_null (find_window ("Add Payer"));
  payers = palp_store_list_payers (f->store, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (payers), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PalpPayer) p = g_list_model_get_item (payers, i);

      if (g_strcmp0 (palp_payer_get_string (p, "name"), "Puget Workers' Comp") == 0)
        added = g_steal_pointer (&p);
    }
  g_assert_nonnull (added);
  fees = palp_store_list_payer_fees (f->store, palp_payer_get_int (added, "id"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (fees), ==, 1);
  {
    g_autoptr(PalpPayerFee) fee = g_list_model_get_item (fees, 0);

    g_assert_cmpstr (palp_payer_fee_get_string (fee, "code"), ==, "97110");
    g_assert_cmpint (palp_payer_fee_get_int (fee, "unit-price-cents"), ==, 3125);
  }
  g_assert_nonnull (find_row (page, "Puget Workers' Comp"));
}

static void
test_payers_read_only (Fixture       *f,
                       gconstpointer  data)
{
  PalpPreferences *prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "payers");
  page = GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs)));
  spin ();
  g_assert_nonnull (find_row (page, "Read only"));
  g_assert_false (gtk_widget_get_sensitive (find_button (page, "_Add Payer…")));
  g_assert_null (find_button (page, "Edit Cascade Health Plan"));
}

static void
test_client_coverage (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *row, *dialog_root;
  GtkWindow *dialog;
  g_autoptr(GListModel) policies = NULL;
  g_autoptr(GListModel) authorisations = NULL;
  const char *subtitle;

  palp_window_select_client (f->window, CLIENT_TMD);
  spin ();

  row = find_row (root, "Cascade Health Plan");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, "left this benefit year"));
  g_assert_nonnull (strstr (subtitle, "Authorisation CHP-PA-22918"));
  g_assert_nonnull (strstr (subtitle, "Assignment of benefits on file"));
  /* The header's flags say it too. */
  g_assert_nonnull (find_label (root, "2 plan visits left this year"));
  g_assert_nonnull (find_label_prefix (root, "Authorisation expires "));
  palp_test_shoot (GTK_WINDOW (f->window), "client-coverage");

  /* A second authorisation, from the row's button. */
  g_signal_emit_by_name (find_button (row, "Add an authorisation"), "clicked");
  spin ();
  dialog = find_window ("Add Authorisation");
  g_assert_nonnull (dialog);
  dialog_root = GTK_WIDGET (dialog);
  type_row (dialog_root, "Authorisation number", "CHP-PA-30001");
  type_row (dialog_root, "How many", "8");
  type_row (dialog_root, "First day", "2030-01-01");
  type_row (dialog_root, "Last day", "2029-12-31");
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_nonnull (find_error_label (dialog_root));
  type_row (dialog_root, "Last day", "2030-06-30");
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_null (find_window ("Add Authorisation"));
  policies = palp_store_list_policies (f->store, CLIENT_TMD, FALSE, NULL);
  {
    g_autoptr(PalpPolicy) policy = g_list_model_get_item (policies, 0);

    authorisations = palp_store_list_authorisations (f->store,
                                                     palp_policy_get_int (policy, "id"), NULL);
  }
  g_assert_cmpuint (g_list_model_get_n_items (authorisations), ==, 2);

  /* A secondary policy from the group's button; the member ID is needed. */
  g_signal_emit_by_name (find_button (root, "_Add Policy…"), "clicked");
  spin ();
  dialog = find_window ("Add Policy");
  g_assert_nonnull (dialog);
  dialog_root = GTK_WIDGET (dialog);
  palp_test_shoot (dialog, "client-add-policy");
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_nonnull (find_error_label (dialog_root));
  g_clear_object (&policies);
  policies = palp_store_list_policies (f->store, CLIENT_TMD, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (policies), ==, 1);

  /* As secondary, with an assignment of benefits signed now: the typed
   * name must be attested first. */
  type_row (dialog_root, "Member ID", "EVG-55");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog_root, "Priority")), 1);
  set_switch (dialog_root, "Assignment of benefits signed", TRUE);
  type_row (dialog_root, "Signed by", "Grace Whitfield");
  /* Typed rather than drawn on the pad. */
  gtk_widget_activate (find_row (dialog_root, "Signed on the pad"));
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_nonnull (find_error_label (dialog_root));
  g_clear_object (&policies);
  policies = palp_store_list_policies (f->store, CLIENT_TMD, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (policies), ==, 1);
  set_switch (dialog_root, "The typed name is the signer's signature", TRUE);
  g_signal_emit_by_name (find_button (dialog_root, "_Add"), "clicked");
  spin ();
  g_assert_null (find_window ("Add Policy"));
  g_clear_object (&policies);
  policies = palp_store_list_policies (f->store, CLIENT_TMD, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (policies), ==, 2);
  {
    g_autoptr(PalpPolicy) second = g_list_model_get_item (policies, 1);

    g_assert_cmpstr (palp_policy_get_string (second, "priority"), ==, "secondary");
    g_assert_cmpstr (palp_policy_get_string (second, "member-id"), ==, "EVG-55");
    g_assert_true (palp_store_signature_on_file (f->store, palp_policy_get_int (second, "id"),
                                                 "assignment"));
  }
  g_assert_nonnull (find_row (root, "EVG-55 (secondary)"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/insurance/payers-page", Fixture, "rosa", fixture_setup, test_payers_page,
              fixture_teardown);
  g_test_add ("/insurance/payers-read-only", Fixture, "maya", fixture_setup,
              test_payers_read_only, fixture_teardown);
  g_test_add ("/insurance/client-coverage", Fixture, "rosa", fixture_setup,
              test_client_coverage, fixture_teardown);

  return g_test_run ();
}
