/* test-claims.c: insurance claims in the window, under Xvfb: built from
 * the client's Billing tab, pre-flight, ready, the CMS-1500 in the
 * preview, the Claims section with its aging and a denied claim, the
 * payer's answer, follow-ups, units corrected within the notes' minutes,
 * and the assignment of benefits signed on the pad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-claim-window.h"
#include "palp-claims-page.h"
#include "palp-client-billing.h"
#include "palp-date.h"
#include "palp-demo.h"
#include "palp-money.h"
#include "palp-doc-receipt.h"
#include "palp-preview-window.h"
#include "palp-signature-pad.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-letters.h"
#include "palp-store-security.h"
#include "palp-test-shot.h"
#include "palp-window.h"

/* Marcus Reyes: auto insurance after a collision, weekly visits with
 * jonah, their notes signed. */
#define CLIENT_AUTO 4
/* A valid NPI (its check digit right), for the clinic's billing. */
#define BILLING_NPI "1245319599"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
} Fixture;

static void
open_demo (Fixture     *f,
           PalpCountry  country,
           const char  *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, country, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, login);
  gtk_window_present (GTK_WINDOW (f->window));
  palp_test_settle ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  login)
{
  open_demo (f, PALP_COUNTRY_US, login);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  g_autofree char *path = g_build_filename (f->dir, "clinic.db", NULL);

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  /* The store may leave its journal files; the directory goes with them. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (f->dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title_part)
{
  if (ADW_IS_PREFERENCES_ROW (root) && gtk_widget_get_visible (root) &&
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
find_label_part (GtkWidget  *root,
                 const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_part (c, part);
      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);
      if (found)
        return found;
    }
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

/* The newest claim window, other than @not_this. */
static PalpClaimWindow *
find_claim_window (gpointer not_this)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  PalpClaimWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (PALP_IS_CLAIM_WINDOW (l->data) && l->data != not_this &&
        gtk_widget_get_visible (l->data))
      found = l->data;
  return found;
}

static void
wait_rendered (PalpPreviewWindow *preview)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (palp_preview_window_is_rendering (preview) ||
         palp_preview_window_get_n_pages (preview) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
set_billing_npi (Fixture    *f,
                 const char *npi)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaimSettings) settings = palp_store_get_claim_settings (f->store, &error);

  g_assert_no_error (error);
  g_free (settings->billing_npi);
  settings->billing_npi = g_strdup (npi);
  palp_store_set_claim_settings (f->store, settings, &error);
  g_assert_no_error (error);
}

/* The client's Billing tab, shown. */
static PalpClientBilling *
show_billing_tab (Fixture *f,
                  gint64   client_id)
{
  GtkWidget *billing, *stack;

  palp_window_show_section (f->window, "clients");
  palp_window_select_client (f->window, client_id);
  palp_test_settle ();
  billing = palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_CLIENT_BILLING);
  g_assert_nonnull (billing);
  stack = gtk_widget_get_ancestor (billing, ADW_TYPE_VIEW_STACK);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "billing");
  palp_test_settle ();
  return PALP_CLIENT_BILLING (billing);
}

/* A claim of the client's oldest visit not claimed yet, made ready and
 * submitted yesterday, through the store. */
static gint64
sent_claim (Fixture *f)
{
  PalpClientBilling *billing = show_billing_tab (f, CLIENT_AUTO);
  g_autoptr(GListModel) visits = palp_client_billing_list_claimable (billing, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -1);
  g_autofree char *on = g_date_time_format (then, "%Y-%m-%d");
  guint total = g_list_model_get_n_items (visits);
  g_autoptr(PalpVisit) v = NULL;
  gint64 id;

  g_assert_cmpuint (total, >=, 1);
  v = g_list_model_get_item (visits, total - 1);
  id = palp_visit_get_int (v, "id");
  claim = palp_store_build_claim (f->store, &id, 1, 0, &error);
  g_assert_no_error (error);
  palp_store_mark_claim_ready (f->store, palp_claim_get_int (claim, "id"), &error);
  g_assert_no_error (error);
  palp_store_submit_claim (f->store, palp_claim_get_int (claim, "id"), on, "paper", &error);
  g_assert_no_error (error);
  return palp_claim_get_int (claim, "id");
}

/* Whether a row of @page (the follow-ups due, the appeal deadlines) names
 * claim @number. */
static gboolean
side_lists (GtkWidget  *page,
            const char *number)
{
  return find_row (page, number) != NULL;
}

/* Build Claim… on Marcus's Billing tab, pre-flight, ready, the form. */
static void
test_build_from_client_page (Fixture       *f,
                             gconstpointer  data)
{
  PalpClientBilling *billing;
  g_autoptr(GListModel) claimable = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *build_dialog;
  PalpClaimWindow *window;
  GtkWidget *button, *row;
  GPtrArray *problems;
  GtkWindow *preview;
  guint n_claimable;

  /* The clinic without its billing NPI: a problem pre-flight names. */
  set_billing_npi (f, NULL);
  billing = show_billing_tab (f, CLIENT_AUTO);
  claimable = palp_client_billing_list_claimable (billing, NULL);
  before = palp_store_list_claims (f->store, NULL, CLIENT_AUTO, NULL);
  g_assert_nonnull (claimable);
  n_claimable = g_list_model_get_n_items (claimable);
  g_assert_cmpuint (n_claimable, >, 0);
  /* Only attended visits with signed notes. */
  for (guint i = 0; i < n_claimable; i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (claimable, i);

      g_assert_cmpstr (palp_visit_get_string (v, "status"), ==, "attended");
      g_assert_nonnull (palp_visit_get_string (v, "signed-at"));
    }

  button = find_button (GTK_WIDGET (billing), "_Build Claim…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  palp_test_settle ();
  build_dialog = palp_client_billing_get_dialog (billing);
  g_assert_nonnull (build_dialog);
  palp_test_shoot (GTK_WINDOW (build_dialog), "claim-build-dialog");
  adw_message_dialog_response (build_dialog, "build");
  palp_test_settle ();

  claims = palp_store_list_claims (f->store, NULL, CLIENT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, g_list_model_get_n_items (before) + 1);
  window = find_claim_window (NULL);
  g_assert_nonnull (window);
  g_assert_cmpstr (palp_claim_get_string (palp_claim_window_get_claim (window), "status"), ==,
                   "draft");

  /* Pre-flight says what is wrong, in words, and Mark Ready says why it is off. */
  problems = palp_claim_window_get_problems (window);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    g_assert_nonnull (find_row (GTK_WIDGET (window), g_ptr_array_index (problems, i)));
  g_assert_nonnull (find_row (GTK_WIDGET (window), "billing NPI"));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "Mark _Ready")));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Fix the problem pre-flight found first"));
  palp_test_shoot (GTK_WINDOW (window), "claim-preflight");

  /* Fixed in the record: checked again when the window comes back. */
  set_billing_npi (f, BILLING_NPI);
  gtk_window_present (GTK_WINDOW (f->window));
  palp_test_settle ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.preview", NULL);
  palp_test_settle ();
  /* Whatever focus the test machine gives: Mark Ready reads the store. */
  {
    g_autoptr(PalpClaimWindow) again = NULL;
    AdwMessageDialog *dialog;
    gint64 id = palp_claim_get_int (palp_claim_window_get_claim (window), "id");

    gtk_window_destroy (GTK_WINDOW (window));
    again = g_object_ref_sink (palp_claim_window_new (GTK_WINDOW (f->window), f->store,
                                                      palp_window_get_user (f->window), id,
                                                      &error));
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (again));
    palp_test_settle ();
    window = again;
    g_assert_cmpuint (palp_claim_window_get_problems (window)->len, ==, 0);
    row = find_row (GTK_WIDGET (window), "Nothing found that a payer would deny");
    g_assert_nonnull (row);
    button = find_button (GTK_WIDGET (window), "Mark _Ready");
    g_assert_true (gtk_widget_is_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    palp_test_settle ();
    g_assert_cmpstr (palp_claim_get_string (palp_claim_window_get_claim (window), "status"), ==,
                     "ready");
    g_assert_nonnull (find_button (GTK_WIDGET (window), "_Submit…"));

    /* The CMS-1500 in the preview, with its pages. */
    preview = palp_claim_window_preview_form (window, &error);
    g_assert_no_error (error);
    g_assert_true (PALP_IS_PREVIEW_WINDOW (preview));
    wait_rendered (PALP_PREVIEW_WINDOW (preview));
    g_assert_cmpint (palp_preview_window_get_n_pages (PALP_PREVIEW_WINDOW (preview)), >=, 1);
    g_assert_nonnull (strstr (gtk_window_get_title (preview), "CLM-"));
    palp_test_shoot (GTK_WINDOW (window), "claim-ready");
    palp_test_shoot (preview, "claim-form-preview");
    gtk_window_destroy (preview);

    /* Submitted through its dialog: a day that is no date is refused there. */
    gtk_widget_activate_action (GTK_WIDGET (window), "claim.submit", NULL);
    palp_test_settle ();
    dialog = palp_claim_window_get_dialog (window);
    g_assert_nonnull (dialog);
    type_row (GTK_WIDGET (dialog), "Sent _on", "someday");
    adw_message_dialog_response (dialog, "submit");
    palp_test_settle ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    g_assert_cmpstr (palp_claim_get_string (palp_claim_window_get_claim (window), "status"), ==,
                     "ready");
    {
      g_autofree char *today = palp_date_today_iso ();
      g_autoptr(PalpClaim) sent = NULL;

      type_row (GTK_WIDGET (dialog), "Sent _on", today);
      adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Method")), 3);
      adw_message_dialog_response (dialog, "submit");
      palp_test_settle ();
      sent = palp_store_load_claim (f->store, id, &error);
      g_assert_cmpstr (palp_claim_get_string (sent, "status"), ==, "submitted");
      g_assert_cmpstr (palp_claim_get_string (sent, "submitted-on"), ==, today);
      g_assert_cmpstr (palp_claim_get_string (sent, "submitted-method"), ==, "portal");
    }
    /* Sent: no more units to change, and it is followed up. */
    g_assert_null (palp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON));
    g_assert_nonnull (find_row (GTK_WIDGET (window), "No follow-ups yet"));

    /* Corrected by a replacement, drafted and opened in its own window. */
    gtk_widget_activate_action (GTK_WIDGET (window), "claim.replace", NULL);
    palp_test_settle ();
    dialog = palp_claim_window_get_dialog (window);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "replace");
    palp_test_settle ();
    {
      GtkWindow *opened = palp_claim_window_get_opened (window);
      PalpClaim *replacement;

      g_assert_true (PALP_IS_CLAIM_WINDOW (opened));
      replacement = palp_claim_window_get_claim (PALP_CLAIM_WINDOW (opened));
      g_assert_cmpstr (palp_claim_get_string (replacement, "status"), ==, "draft");
      g_assert_cmpstr (palp_claim_get_string (replacement, "resubmission-code"), ==, "7");
      g_assert_nonnull (find_row (GTK_WIDGET (opened), "Resubmission"));
      palp_test_shoot (opened, "claim-replacement");
      gtk_window_destroy (opened);
    }
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* The Billing tab lists the claim; its visits are no longer offered. */
  palp_test_settle ();
  g_assert_nonnull (find_row (GTK_WIDGET (billing), "CLM-"));
  {
    g_autoptr(GListModel) left = palp_client_billing_list_claimable (billing, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (left), <, n_claimable);
  }
}

/* The draft's units: fewer is taken; more than the notes' minutes
 * support is refused on the line, and nothing changes. */
static void
test_units_within_minutes (Fixture       *f,
                           gconstpointer  data)
{
  PalpClientBilling *billing = show_billing_tab (f, CLIENT_AUTO);
  g_autoptr(GListModel) visits = palp_client_billing_list_claimable (billing, NULL);
  g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, 0);
  gint64 id = palp_visit_get_int (visit, "id");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(PalpClaimLine) line = NULL;
  PalpClaimWindow *window;
  GtkWidget *spin, *message;
  gint64 units, claim_id;

  g_assert_nonnull (palp_client_billing_build_claim (billing, &id, 1, &error));
  g_assert_no_error (error);
  window = find_claim_window (NULL);
  g_assert_nonnull (window);
  claim_id = palp_claim_get_int (palp_claim_window_get_claim (window), "id");
  lines = palp_store_list_claim_lines (f->store, claim_id, &error);
  line = g_list_model_get_item (lines, 0);
  units = palp_claim_line_get_int (line, "units");
  g_assert_cmpint (units, >, 1);

  spin = palp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), units + 3);
  palp_test_settle ();
  message = find_named (GTK_WIDGET (window), "line-error");
  g_assert_nonnull (message);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (message)));
  g_clear_object (&lines);
  g_clear_object (&line);
  lines = palp_store_list_claim_lines (f->store, claim_id, &error);
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, units);
  palp_test_shoot (GTK_WINDOW (window), "claim-units-refused");

  spin = palp_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, units);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), units - 1);
  palp_test_settle ();
  g_assert_null (find_named (GTK_WIDGET (window), "line-error"));
  g_clear_object (&lines);
  g_clear_object (&line);
  lines = palp_store_list_claim_lines (f->store, claim_id, &error);
  line = g_list_model_get_item (lines, 0);
  g_assert_cmpint (palp_claim_line_get_int (line, "units"), ==, units - 1);
}

/* The Claims section: aging, a denied claim with its appeal deadline,
 * follow-ups due, and a follow-up recorded from the claim's window. */
static void
test_claims_section (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  PalpClaimsPage *page;
  PalpClaimWindow *window;
  AdwMessageDialog *dialog;
  GListModel *listed;
  gint64 denied, waiting;
  gboolean seen_denied = FALSE;

  set_billing_npi (f, BILLING_NPI);
  denied = sent_claim (f);
  waiting = sent_claim (f);
  palp_store_deny_claim (f->store, denied, "Not medically necessary", "EMA-7781", NULL, NULL,
                         &error);
  g_assert_no_error (error);

  palp_window_show_section (f->window, "claims");
  palp_test_settle ();
  page = palp_window_get_claims_page (f->window);
  g_assert_nonnull (page);
  listed = palp_claims_page_get_claims (page);
  g_assert_nonnull (listed);
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(PalpClaim) c = g_list_model_get_item (listed, i);

      seen_denied |= palp_claim_get_int (c, "id") == denied &&
                     g_strcmp0 (palp_claim_get_string (c, "status"), "denied") == 0;
    }
  g_assert_true (seen_denied);
  /* Aging: each bucket as the store counts it, the two sent yesterday among
   * the 0–30 days. */
  {
    PalpClaimAging aging = { 0 };
    g_autofree char *today = palp_date_today_iso ();

    g_assert_true (palp_store_claims_aging (f->store, today, &aging, &error));
    g_assert_cmpuint (aging.n_claims[PALP_CLAIM_AGE_0_30], >=, 2);
    for (guint b = 0; b < PALP_CLAIM_N_AGE_BUCKETS; b++)
      {
        g_autofree char *amount = palp_money_format (aging.outstanding_cents[b],
                                                     PALP_CURRENCY_USD, NULL);
        g_autofree char *spoken = NULL;
        GtkWidget *card = find_label_part (GTK_WIDGET (page), palp_claim_age_bucket_label (b));

        g_assert_nonnull (card);
        card = gtk_widget_get_parent (card);
        g_assert_nonnull (find_label_part (card, amount));
        spoken = g_strdup_printf (aging.n_claims[b] == 1 ? "%u claim" : "%u claims",
                                  aging.n_claims[b]);
        g_assert_nonnull (find_label_part (card, spoken));
      }
  }
  /* The denial's deadline; the follow-ups due, as the store lists them. */
  g_assert_nonnull (find_label_part (GTK_WIDGET (page), "appeal by"));
  {
    g_autoptr(PalpClaim) d = palp_store_load_claim (f->store, denied, &error);
    g_autofree char *today = palp_date_today_iso ();
    g_autoptr(GListModel) due = palp_store_list_claims_to_follow_up (f->store, today, &error);

    g_assert_true (side_lists (GTK_WIDGET (page), palp_claim_get_string (d, "number")));
    for (guint i = 0; i < g_list_model_get_n_items (due); i++)
      {
        g_autoptr(PalpClaim) c = g_list_model_get_item (due, i);

        g_assert_true (side_lists (GTK_WIDGET (page), palp_claim_get_string (c, "number")));
      }
    if (g_list_model_get_n_items (due) == 0)
      g_assert_nonnull (find_row (GTK_WIDGET (page), "No follow-ups due"));
  }
  palp_test_shoot (GTK_WINDOW (f->window), "claims-section");

  /* Only denied claims. */
  palp_claims_page_set_status (page, "denied");
  palp_test_settle ();
  listed = palp_claims_page_get_claims (page);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  palp_claims_page_set_status (page, NULL);
  palp_test_settle ();

  /* A follow-up on the waiting claim, from its window. */
  g_assert_nonnull (palp_claims_page_open_claim (page, waiting));
  window = find_claim_window (NULL);
  g_assert_nonnull (window);
  g_assert_nonnull (find_button (GTK_WIDGET (window), "Record _Payment…"));
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.follow-up", NULL);
  palp_test_settle ();
  dialog = palp_claim_window_get_dialog (window);
  g_assert_nonnull (dialog);
  /* Nothing said: refused, the dialog stays with the reason. */
  type_row (GTK_WIDGET (dialog), "Representative", "Dana at Evergreen");
  adw_message_dialog_response (dialog, "add");
  palp_test_settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_label_part (GTK_WIDGET (dialog), "Say what the payer said"));
  follow_ups = palp_store_list_claim_follow_ups (f->store, waiting, &error);
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 0);
  g_clear_object (&follow_ups);

  type_row (GTK_WIDGET (dialog), "Call _reference", "CALL-5521");
  type_row (GTK_WIDGET (dialog), "What was _said", "In review; decision within 14 days");
  type_row (GTK_WIDGET (dialog), "Next follow-up", "12/31/2030");
  palp_test_shoot (GTK_WINDOW (dialog), "claim-follow-up-dialog");
  adw_message_dialog_response (dialog, "add");
  palp_test_settle ();
  follow_ups = palp_store_list_claim_follow_ups (f->store, waiting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (follow_ups), ==, 1);
  {
    g_autoptr(PalpClaimFollowUp) fu = g_list_model_get_item (follow_ups, 0);

    g_assert_cmpstr (palp_claim_follow_up_get_string (fu, "representative"), ==,
                     "Dana at Evergreen");
    g_assert_cmpstr (palp_claim_follow_up_get_string (fu, "reference"), ==, "CALL-5521");
    g_assert_cmpstr (palp_claim_follow_up_get_string (fu, "next-on"), ==, "2030-12-31");
  }
  g_assert_nonnull (find_row (GTK_WIDGET (window), "Dana at Evergreen"));
  palp_test_shoot (GTK_WINDOW (window), "claim-follow-up");

  /* The payer pays it in full. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.payment", NULL);
  palp_test_settle ();
  dialog = palp_claim_window_get_dialog (window);
  g_assert_nonnull (dialog);
  palp_test_shoot (GTK_WINDOW (dialog), "claim-payment-dialog");
  adw_message_dialog_response (dialog, "add");
  adw_message_dialog_response (dialog, "record");
  palp_test_settle ();
  g_assert_cmpstr (palp_claim_get_string (palp_claim_window_get_claim (window), "status"), ==,
                   "paid");
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Close Claim"));
}

/* Appeal a denial, with the letter in the preview. */
static void
test_appeal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  PalpClaimsPage *page;
  PalpClaimWindow *window;
  AdwMessageDialog *dialog;
  GtkWindow *letter;
  gint64 denied;

  set_billing_npi (f, BILLING_NPI);
  denied = sent_claim (f);
  palp_store_deny_claim (f->store, denied, "Not medically necessary", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  palp_window_show_section (f->window, "claims");
  palp_test_settle ();
  page = palp_window_get_claims_page (f->window);
  g_assert_nonnull (palp_claims_page_open_claim (page, denied));
  window = find_claim_window (NULL);
  g_assert_nonnull (find_row (GTK_WIDGET (window), "Denied"));
  g_assert_nonnull (find_button (GTK_WIDGET (window), "_Appeal…"));
  palp_test_shoot (GTK_WINDOW (window), "claim-denied");

  /* The clinic does not let admins read notes: the notes would print as
   * restricted, and the window says so before making the letter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.appeal-letter", NULL);
  palp_test_settle ();
  dialog = palp_claim_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Notes Print as Restricted");
  g_assert_null (palp_claim_window_get_opened (window));
  adw_message_dialog_response (dialog, "preview");
  palp_test_settle ();
  letter = palp_claim_window_get_opened (window);
  g_assert_nonnull (letter);
  wait_rendered (PALP_PREVIEW_WINDOW (letter));
  /* The letter, then the progress report and the notes. */
  g_assert_cmpint (palp_preview_window_get_n_pages (PALP_PREVIEW_WINDOW (letter)), >=, 2);
  g_assert_nonnull (strstr (gtk_window_get_title (letter), "Appeal"));
  palp_test_shoot (letter, "claim-appeal-letter");
  gtk_window_destroy (letter);

  /* Issued: kept with the claim, listed in its window, reopened as issued. */
  {
    g_autoptr(GListModel) before = palp_store_list_letters (f->store, CLIENT_AUTO, "appeal",
                                                           &error);
    g_autoptr(GListModel) after = NULL;
    g_autoptr(PalpLetter) issued = NULL;
    GtkWidget *row;

    /* Once the clinic lets admins read notes, the letter is made at once. */
    PalpSecuritySettings security;

    g_assert_true (palp_store_load_security_settings (f->store, &security, &error));
    security.admins_read_narratives = TRUE;
    g_assert_true (palp_store_save_security_settings (f->store, &security, &error));
    g_assert_no_error (error);
    g_assert_null (find_row (GTK_WIDGET (window), "Issued "));
    gtk_widget_activate_action (GTK_WIDGET (window), "claim.issue-appeal", NULL);
    palp_test_settle ();
    after = palp_store_list_letters (f->store, CLIENT_AUTO, "appeal", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==,
                      g_list_model_get_n_items (before) + 1);
    issued = g_list_model_get_item (after, 0);
    g_assert_cmpint (palp_record_get_int (PALP_RECORD (issued), "claim-id"), ==, denied);
    letter = palp_claim_window_get_opened (window);
    g_assert_nonnull (letter);
    gtk_window_destroy (letter);
    row = find_row (GTK_WIDGET (window), "Issued ");
    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    palp_test_settle ();
    letter = palp_claim_window_get_opened (window);
    g_assert_nonnull (letter);
    wait_rendered (PALP_PREVIEW_WINDOW (letter));
    g_assert_cmpint (palp_preview_window_get_n_pages (PALP_PREVIEW_WINDOW (letter)), >=, 2);
    gtk_window_destroy (letter);
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "claim.appeal", NULL);
  palp_test_settle ();
  dialog = palp_claim_window_get_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "appeal");
  palp_test_settle ();
  claim = palp_store_load_claim (f->store, denied, &error);
  g_assert_cmpstr (palp_claim_get_string (claim, "status"), ==, "appealed");
  g_assert_nonnull (palp_claim_get_string (claim, "appealed-on"));
}

/* Building a claim past the plan's visit limit warns first. */
static void
test_build_warns_past_limit (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) policies = palp_store_list_policies (f->store, CLIENT_AUTO, FALSE, &error);
  g_autoptr(PalpPolicy) policy = NULL;
  g_auto(GStrv) flags = NULL;
  PalpClientBilling *billing;
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (policies), >=, 1);
  policy = g_list_model_get_item (policies, 0);
  g_object_set (policy, "visit-limit", (gint64) 2, NULL);
  palp_store_save_policy (f->store, policy, &error);
  g_assert_no_error (error);
  flags = palp_store_coverage_flags (f->store, CLIENT_AUTO, NULL, &error);
  g_assert_true (g_strv_contains ((const char * const *) flags, "visit-limit-reached:2"));

  billing = show_billing_tab (f, CLIENT_AUTO);
  button = find_button (GTK_WIDGET (billing), "_Build Claim…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  palp_test_settle ();
  dialog = palp_client_billing_get_dialog (billing);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Warning:"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "build"), ==,
                   "_Build claim anyway");
  palp_test_shoot (GTK_WINDOW (dialog), "claim-build-warning");
  adw_message_dialog_response (dialog, "cancel");
  palp_test_settle ();
}

/* The section is for US clinics and for those who may build claims. */
static void
test_section_shown_to (void)
{
  struct { PalpCountry country; const char *login; gboolean shown; } cases[] = {
    { PALP_COUNTRY_US, "rosa", TRUE },
    { PALP_COUNTRY_US, "maya", FALSE },
    { PALP_COUNTRY_CA, "amelie", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { 0 };
      GtkWidget *sections;
      AdwViewStackPage *page;

      open_demo (&f, cases[i].country, cases[i].login);
      sections = palp_test_find_widget (GTK_WIDGET (f.window), ADW_TYPE_VIEW_STACK);
      g_assert_nonnull (sections);
      page = adw_view_stack_get_page (ADW_VIEW_STACK (sections),
                                      adw_view_stack_get_child_by_name (ADW_VIEW_STACK (sections),
                                                                        "claims"));
      g_assert_nonnull (page);
      g_assert_cmpint (adw_view_stack_page_get_visible (page), ==, cases[i].shown);
      fixture_teardown (&f, NULL);
    }
}

/* The assignment of benefits and the release, signed on the pad. */
static void
test_benefits_signed_on_pad (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = palp_store_list_benefit_signatures (f->store, 3, &error);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GList) windows = NULL;
  static const double stroke[] = { 20, 60, 60, 30, 100, 70, 140, 40 };
  GtkWidget *row, *button, *pad = NULL;
  GtkWindow *dialog = NULL;
  guint n_before = g_list_model_get_n_items (before);
  gboolean drawn = FALSE;

  /* Priscilla Nguyen, client 3: a new policy for her, signed now. */
  palp_window_select_client (f->window, 3);
  palp_test_settle ();
  button = find_button (GTK_WIDGET (f->window), "_Add Policy…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  palp_test_settle ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if ((pad = palp_test_find_widget (l->data, PALP_TYPE_SIGNATURE_PAD)) != NULL)
      {
        dialog = l->data;
        break;
      }
  g_assert_nonnull (dialog);
  type_row (GTK_WIDGET (dialog), "Member ID", "EV-555-221");
  row = find_row (GTK_WIDGET (dialog), "Assignment of benefits signed");
  g_assert_nonnull (row);
  gtk_switch_set_active (GTK_SWITCH (palp_test_find_widget (row, GTK_TYPE_SWITCH)), TRUE);
  row = find_row (GTK_WIDGET (dialog), "Release of information signed");
  gtk_switch_set_active (GTK_SWITCH (palp_test_find_widget (row, GTK_TYPE_SWITCH)), TRUE);
  type_row (GTK_WIDGET (dialog), "Signed by", "Priscilla Nguyen");

  /* Nothing on the pad: refused, saying so. */
  button = find_button (GTK_WIDGET (dialog), "_Add");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  palp_test_settle ();
  g_assert_nonnull (find_label_part (GTK_WIDGET (dialog), "sign on the pad"));
  after = palp_store_list_benefit_signatures (f->store, 3, &error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before);
  g_clear_object (&after);

  palp_signature_pad_add_stroke (PALP_SIGNATURE_PAD (pad), stroke, G_N_ELEMENTS (stroke) / 2);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (pad, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  palp_test_shoot (dialog, "policy-signed-on-pad");
  g_signal_emit_by_name (button, "clicked");
  palp_test_settle ();
  after = palp_store_list_benefit_signatures (f->store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 2);
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PalpBenefitSignature) s = g_list_model_get_item (after, i);
      const char *strokes = palp_benefit_signature_get_string (s, "signature");

      if (strokes != NULL)
        {
          g_assert_true (strokes[0] == '[');
          g_assert_null (palp_benefit_signature_get_string (s, "typed-name"));
          g_assert_cmpint (palp_benefit_signature_get_int (s, "attested"), ==, 0);
          drawn = TRUE;
        }
    }
  g_assert_true (drawn);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/claims/build-from-client-page", Fixture, "rosa", fixture_setup,
              test_build_from_client_page, fixture_teardown);
  g_test_add ("/ui/claims/units-within-minutes", Fixture, "rosa", fixture_setup,
              test_units_within_minutes, fixture_teardown);
  g_test_add ("/ui/claims/section", Fixture, "rosa", fixture_setup,
              test_claims_section, fixture_teardown);
  g_test_add ("/ui/claims/appeal", Fixture, "rosa", fixture_setup, test_appeal,
              fixture_teardown);
  g_test_add ("/ui/claims/build-warns-past-limit", Fixture, "rosa", fixture_setup,
              test_build_warns_past_limit, fixture_teardown);
  g_test_add_func ("/ui/claims/section-shown-to", test_section_shown_to);
  g_test_add ("/ui/claims/benefits-signed-on-pad", Fixture, "rosa", fixture_setup,
              test_benefits_signed_on_pad, fixture_teardown);
  return g_test_run ();
}
