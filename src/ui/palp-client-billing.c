/* palp-client-billing.c: a client's receipts, payments, balance and
 * statement, on the client page's Billing tab
 *
 * Receipts and payments are recorded elsewhere (checkout on Today, the
 * Billing section); here the client's own account is read, each receipt
 * opens in the preview, and the statement for an insurer is drawn for a
 * date range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-claim-window.h"
#include "palp-client-billing.h"
#include "palp-client-coverage.h"
#include "palp-date.h"
#include "palp-doc-statement.h"
#include "palp-money.h"
#include "palp-preview-window.h"
#include "palp-store-claims.h"
#include "palp-ui-util.h"

struct _PalpClientBilling
{
  GtkWidget    parent_instance;

  PalpStore   *store;
  PalpUser    *user;
  PalpClinic  *clinic;
  PalpClient  *client;
  GListModel  *receipts;
  AdwMessageDialog *dialog;  /* weak */

  GtkWidget   *stack;        /* "empty" or "account" */
  GtkWidget   *page;         /* the account's AdwPreferencesPage */
  GtkWidget   *groups[3];    /* balance, receipts, payments */
  GtkWidget   *claims;       /* the claims' group (US clinics), before the statement */
  GtkLabel    *claims_message;
  GtkWidget   *statement;    /* the statement's group, kept last */
  GtkWidget   *from_row;
  GtkWidget   *to_row;
  GtkLabel    *statement_message;
};

G_DEFINE_FINAL_TYPE (PalpClientBilling, palp_client_billing, GTK_TYPE_WIDGET)

static char *
money (PalpClientBilling *self,
       gint64             cents)
{
  g_autofree char *code = NULL;
  PalpCurrency currency = PALP_CURRENCY_USD;

  if (self->clinic != NULL)
    g_object_get (self->clinic, "currency", &code, NULL);
  if (code != NULL)
    palp_currency_from_code (code, &currency, NULL);
  return palp_money_format (cents, currency, NULL);
}

static char *
short_day (PalpClientBilling *self,
           const char        *timestamp)
{
  g_autofree char *iso = timestamp ? g_strndup (timestamp, 10) : NULL;
  PalpCountry country = self->clinic ? palp_clinic_get_country_enum (self->clinic)
                                     : PALP_COUNTRY_US;
  char *text = iso ? palp_date_format_short (iso, country) : NULL;

  return text ? text : g_strdup (iso ? iso : "");
}

static void
clear_group (PalpClientBilling *self,
             guint              i,
             const char        *title,
             const char        *description)
{
  if (self->groups[i] != NULL)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                 ADW_PREFERENCES_GROUP (self->groups[i]));
  self->groups[i] = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->groups[i]), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->groups[i]), description);
}

static void
on_receipt_activated (AdwActionRow      *row,
                      PalpClientBilling *self)
{
  PalpReceipt *receipt = g_object_get_data (G_OBJECT (row), "palp-receipt");
  g_autoptr(GListStore) one = g_list_store_new (PALP_TYPE_RECEIPT);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PalpPreviewWindow *preview;

  g_list_store_append (one, receipt);
  preview = palp_preview_window_new_for_receipts (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  self->store, G_LIST_MODEL (one), &error);
  if (preview == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}

static GtkWidget *
receipt_row (PalpClientBilling *self,
             PalpReceipt       *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (NULL);
  g_autofree char *day = short_day (self, palp_receipt_get_string (r, "issued-at"));
  g_autofree char *total = money (self, palp_receipt_get_int (r, "total-cents"));
  g_autofree char *owing = money (self, palp_receipt_get_int (r, "balance-cents"));
  g_autofree char *subtitle = NULL;
  g_autofree char *state = NULL;
  const char *category = palp_receipt_get_string (r, "category");

  if (palp_receipt_get_int (r, "voided"))
    state = g_strdup (_("void"));
  else if (palp_receipt_get_int (r, "balance-cents") > 0)
    state = g_strdup_printf (_("%s owing"), owing);
  else
    state = g_strdup (_("paid"));
  /* Translators: a receipt's date, kind and practitioner: "11/15/2026 · Massage therapy · Maya Okafor" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), day,
                              g_strcmp0 (category, "therapeutic") == 0 ? _("Massage therapy")
                              : g_strcmp0 (category, "esthetic") == 0 ? _("Esthetic services")
                              : _("Other charges"),
                              palp_receipt_get_string (r, "practitioner-name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_receipt_get_string (r, "number"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_free (subtitle);
  subtitle = g_strdup_printf ("%s\n%s", total, state);
  gtk_label_set_text (GTK_LABEL (amount), subtitle);
  gtk_label_set_justify (GTK_LABEL (amount), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (amount, "numeric");
  if (palp_receipt_get_int (r, "voided"))
    gtk_widget_add_css_class (row, "dim-label");
  else if (palp_receipt_get_int (r, "balance-cents") > 0)
    gtk_widget_add_css_class (amount, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "palp-receipt", g_object_ref (r), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (on_receipt_activated), self);
  gtk_widget_set_tooltip_text (row, _("Open the receipt"));
  return row;
}

static const char *
method_label (const char *method)
{
  static const struct { const char *key; const char *label; } methods[] = {
    { "cash", N_("Cash") }, { "card", N_("Card") }, { "cheque", N_("Cheque") },
    { "e-transfer", N_("E-transfer") }, { "insurance", N_("Insurance") },
    { "hsa-fsa", N_("HSA/FSA card") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (methods[i].key, method) == 0)
      return _(methods[i].label);
  return method ? method : "";
}

/* Claims (US clinics) -------------------------------------------------------- */

static void reload (PalpClientBilling *self);

static gboolean
may_claim (PalpClientBilling *self)
{
  return self->clinic != NULL && palp_ui_country (self->clinic) == PALP_COUNTRY_US &&
         palp_ui_user_may (self->user, PALP_ACTION_BUILD_CLAIMS, 0, NULL);
}

/* The claims, then the statement, after the account. */
static void
keep_last (PalpClientBilling *self)
{
  if (self->claims != NULL)
    {
      g_object_ref (self->claims);
      adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                   ADW_PREFERENCES_GROUP (self->claims));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                                ADW_PREFERENCES_GROUP (self->claims));
      g_object_unref (self->claims);
    }
  g_object_ref (self->statement);
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                               ADW_PREFERENCES_GROUP (self->statement));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->statement));
  g_object_unref (self->statement);
}

GListModel *
palp_client_billing_list_claimable (PalpClientBilling  *self,
                                    GError            **error)
{
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  GListStore *out;
  gint64 id;

  g_return_val_if_fail (PALP_IS_CLIENT_BILLING (self), NULL);

  if (self->store == NULL || self->client == NULL)
    return G_LIST_MODEL (g_list_store_new (PALP_TYPE_VISIT));
  id = palp_client_get_id (self->client);
  if (!(visits = palp_store_list_visits (self->store, id, error)) ||
      !(claims = palp_store_list_claims (self->store, NULL, id, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr(GListModel) lines = NULL;

      if (g_strcmp0 (palp_claim_get_string (claim, "status"), "void") == 0)
        continue;
      if (!(lines = palp_store_list_claim_lines (self->store, palp_claim_get_int (claim, "id"),
                                                 error)))
        return NULL;
      for (guint j = 0; j < g_list_model_get_n_items (lines); j++)
        {
          g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, j);

          g_hash_table_add (claimed, g_memdup2 (&(gint64) { palp_claim_line_get_int (line,
                                                                                     "visit-id") },
                                                sizeof (gint64)));
        }
    }
  out = g_list_store_new (PALP_TYPE_VISIT);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      const char *categories = palp_visit_get_string (visit, "categories");
      gint64 visit_id = palp_visit_get_int (visit, "id");

      if (g_strcmp0 (palp_visit_get_string (visit, "status"), "attended") != 0 ||
          palp_visit_get_string (visit, "signed-at") == NULL ||
          categories == NULL || strstr (categories, "therapeutic") == NULL ||
          g_hash_table_contains (claimed, &visit_id))
        continue;
      g_list_store_append (out, visit);
    }
  return G_LIST_MODEL (out);
}

GtkWindow *
palp_client_billing_build_claim (PalpClientBilling  *self,
                                 const gint64       *visit_ids,
                                 guint               n_visits,
                                 GError            **error)
{
  g_autoptr(PalpClaim) claim = NULL;
  GtkRoot *root;
  PalpClaimWindow *window;

  g_return_val_if_fail (PALP_IS_CLIENT_BILLING (self), NULL);

  if (!(claim = palp_store_build_claim (self->store, visit_ids, n_visits, 0, error)))
    return NULL;
  reload (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = palp_claim_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                  self->user, palp_claim_get_int (claim, "id"), error);
  if (window == NULL)
    return NULL;
  g_signal_connect_object (window, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

AdwMessageDialog *
palp_client_billing_get_dialog (PalpClientBilling *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_BILLING (self), NULL);
  return self->dialog;
}

static void
claims_error (PalpClientBilling *self,
              const char        *message)
{
  gtk_label_set_text (self->claims_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->claims_message), message != NULL);
}

static void
on_build_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      PalpClientBilling *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "palp-checks");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "build"))
    return;
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        {
          gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "palp-visit-id"));

          g_array_append_val (ids, id);
        }
    }
  if (palp_client_billing_build_claim (self, (const gint64 *) ids->data, ids->len, &error) == NULL)
    claims_error (self, error->message);
  else
    claims_error (self, NULL);
}

static void
on_build_check_toggled_cb (GtkCheckButton   *check,
                           AdwMessageDialog *dialog)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "palp-checks");
  gboolean any = FALSE;

  for (guint i = 0; i < checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (checks, i));
  adw_message_dialog_set_response_enabled (dialog, "build", any);
}

static void
on_build_clicked (GtkButton         *button,
                  PalpClientBilling *self)
{
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_auto(GStrv) flags = NULL;
  g_autofree char *name = NULL;
  GPtrArray *checks = g_ptr_array_new ();
  GtkWidget *dialog, *list, *scroller;
  PalpCountry country = palp_ui_country (self->clinic);
  gint64 practitioner = 0;
  gboolean warned = FALSE;

  if (!(visits = palp_client_billing_list_claimable (self, &error)))
    {
      g_ptr_array_unref (checks);
      claims_error (self, error->message);
      return;
    }
  name = palp_client_dup_display_name (self->client);
  g_string_append_printf (body, _("The visits of %s to bill to their primary policy: attended "
                                  "massage therapy with signed notes, one practitioner's to a "
                                  "claim. Esthetic services are never claimed."), name);
  /* Before building: a payer denies visits past what it allows. */
  flags = palp_client_coverage_flags (self->store, palp_client_get_id (self->client), country);
  {
    g_autoptr(GString) limits = g_string_new (NULL);

    for (guint i = 0; flags[i] != NULL; i++)
      if (g_str_has_prefix (flags[i], "authorisation-exhausted:") ||
          g_str_has_prefix (flags[i], "visit-limit-reached:"))
        g_string_append_printf (limits, "%s%s", limits->len > 0 ? "; " : "",
                                strchr (flags[i], ':') + 1);
    if (limits->len > 0)
      {
        g_string_append (body, "\n\n");
        /* Translators: before building a claim: "Warning: Plan visit limit reached. …". */
        g_string_append_printf (body, _("Warning: %s. The payer may deny the claim."),
                                limits->str);
        warned = TRUE;
      }
  }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Build a Claim"), body->str);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Visits to claim"), -1);
  for (guint i = 0; i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      g_autofree char *when = palp_ui_format_local_time (palp_visit_get_string (visit,
                                                                                "starts-at"),
                                                         country);
      g_autofree char *categories = palp_ui_format_categories (palp_visit_get_string (visit,
                                                                                     "categories"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (practitioner == 0)
        practitioner = palp_visit_get_int (visit, "practitioner-id");
      /* Translators: a visit to claim: its practitioner and what it billed. */
      subtitle = g_strdup_printf (_("%s · %s"), palp_visit_get_string (visit, "practitioner-name"),
                                  categories);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   palp_visit_get_int (visit, "practitioner-id") == practitioner);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, when,
                                      -1);
      g_object_set_data (G_OBJECT (check), "palp-visit-id",
                         GSIZE_TO_POINTER (palp_visit_get_int (visit, "id")));
      g_signal_connect (check, "toggled", G_CALLBACK (on_build_check_toggled_cb), dialog);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "build", warned ? _("_Build claim anyway")
                                                    : _("_Build claim"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "build",
                                              warned ? ADW_RESPONSE_DESTRUCTIVE
                                                     : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "build", checks->len > 0);
  g_object_set_data_full (G_OBJECT (dialog), "palp-checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_build_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_claim_activated (AdwActionRow      *row,
                    PalpClientBilling *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "palp-claim-id"));
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PalpClaimWindow *window;

  window = palp_claim_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                  self->user, id, &error);
  if (window == NULL)
    {
      claims_error (self, error->message);
      return;
    }
  g_signal_connect_object (window, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* The client's claims and Build Claim…; TRUE when there is anything to
 * show. */
static gboolean
fill_claims (PalpClientBilling *self)
{
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) claimable = NULL;
  GtkWidget *button;
  guint n, n_claimable;

  if (self->claims != NULL)
    {
      adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                   ADW_PREFERENCES_GROUP (self->claims));
      self->claims = NULL;
    }
  if (!may_claim (self))
    return FALSE;
  claims = palp_store_list_claims (self->store, NULL, palp_client_get_id (self->client), NULL);
  claimable = palp_client_billing_list_claimable (self, NULL);
  n = claims ? g_list_model_get_n_items (claims) : 0;
  n_claimable = claimable ? g_list_model_get_n_items (claimable) : 0;
  if (n == 0 && n_claimable == 0)
    return FALSE;

  self->claims = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->claims), _("Insurance Claims"));
  if (n_claimable > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u attended visit with a signed note "
                                                         "is not claimed yet.",
                                                         "%u attended visits with signed notes "
                                                         "are not claimed yet.", n_claimable),
                                               n_claimable);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->claims), text);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->claims),
                                           _("Every attended visit with a signed note is on a "
                                             "claim."));
  button = gtk_button_new_with_mnemonic (_("_Build Claim…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, n_claimable > 0);
  gtk_widget_set_tooltip_text (button, n_claimable > 0
                                       ? _("Bill attended visits with signed notes to the "
                                           "client's insurer on a CMS-1500")
                                       : _("No attended visit with a signed note is left to "
                                           "claim"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_build_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->claims), button);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaim) c = g_list_model_get_item (claims, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *first = short_day (self, palp_claim_get_string (c, "first-service-on"));
      g_autofree char *charge = money (self, palp_claim_get_int (c, "charge-cents"));
      g_autofree char *subtitle = NULL;
      PalpClaimStatus status = PALP_CLAIM_DRAFT;

      palp_claim_status_from_string (palp_claim_get_string (c, "status"), &status, NULL);
      /* Translators: a claim's status, first date of service and payer. */
      subtitle = g_strdup_printf (_("%s · %s · %s"), palp_claim_status_get_label (status), first,
                                  palp_claim_get_string (c, "payer-name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_claim_get_string (c, "number"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (charge));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the claim"));
      if (status == PALP_CLAIM_VOID || status == PALP_CLAIM_CLOSED)
        gtk_widget_add_css_class (row, "dim-label");
      g_object_set_data (G_OBJECT (row), "palp-claim-id",
                         GSIZE_TO_POINTER (palp_claim_get_int (c, "id")));
      g_signal_connect (row, "activated", G_CALLBACK (on_claim_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->claims), row);
    }
  self->claims_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->claims_message, TRUE);
  gtk_label_set_xalign (self->claims_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->claims_message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->claims_message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->claims_message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->claims),
                             GTK_WIDGET (self->claims_message));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->claims));
  return TRUE;
}

static void
reload (PalpClientBilling *self)
{
  g_autoptr(GListModel) payments = NULL;
  g_autofree char *balance_text = NULL;
  GtkWidget *row;
  gint64 id, balance;
  gboolean has_claims;
  guint n;

  g_clear_object (&self->receipts);
  if (self->store == NULL || self->client == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }
  id = palp_client_get_id (self->client);
  self->receipts = palp_store_list_receipts (self->store, id, NULL);
  payments = palp_store_list_payments (self->store, id, NULL, NULL, NULL);
  n = self->receipts ? g_list_model_get_n_items (self->receipts) : 0;
  has_claims = fill_claims (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    n > 0 || has_claims ? "account" : "empty");
  if (n == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
        if (self->groups[i] != NULL)
          {
            adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self->page),
                                         ADW_PREFERENCES_GROUP (self->groups[i]));
            self->groups[i] = NULL;
          }
      keep_last (self);
      return;
    }

  balance = palp_store_client_balance (self->store, id, NULL);
  clear_group (self, 0, _("Account"), NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 balance > 0 ? _("Balance owing")
                                 : balance < 0 ? _("Credit on the account") : _("Balance"));
  balance_text = money (self, ABS (balance));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (balance_text));
  if (balance > 0)
    gtk_widget_add_css_class (row, "warning");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[0]), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->groups[0]));

  clear_group (self, 1, _("Receipts"),
               _("Massage therapy, esthetic services and other charges are receipted "
                 "separately."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (self->receipts, i);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[1]), receipt_row (self, r));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->groups[1]));

  clear_group (self, 2, _("Payments"), NULL);
  for (guint i = 0; payments != NULL && i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(PalpPayment) p = g_list_model_get_item (payments, i);
      g_autofree char *day = short_day (self, palp_payment_get_string (p, "received-at"));
      g_autofree char *amount = money (self, palp_payment_get_int (p, "amount-cents"));
      g_autofree char *title = NULL;
      gboolean refund = g_strcmp0 (palp_payment_get_string (p, "kind"), "refund") == 0;

      row = adw_action_row_new ();
      /* Translators: a payment's date and how it was paid: "11/15/2026 · Card" */
      title = g_strdup_printf (refund ? _("%s · Refund by %s") : _("%s · %s"), day,
                               method_label (palp_payment_get_string (p, "method")));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (palp_payment_get_string (p, "receipt-number") != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     palp_payment_get_string (p, "receipt-number"));
      if (refund)
        {
          g_autofree char *negative = g_strconcat ("−", amount, NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (negative));
        }
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (amount));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[2]), row);
    }
  if (payments == NULL || g_list_model_get_n_items (payments) == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No payments yet"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[2]), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->groups[2]));

  keep_last (self);
}

GtkWindow *
palp_client_billing_statement (PalpClientBilling  *self,
                               const char         *from,
                               const char         *to,
                               GError            **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GListModel) diagnoses = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root;
  PalpPreviewWindow *preview;
  GDate day;

  g_return_val_if_fail (PALP_IS_CLIENT_BILLING (self), NULL);

  if (self->client == NULL || self->store == NULL)
    return NULL;
  if (!palp_date_parse_iso (from, &day) || !palp_date_parse_iso (to, &day) ||
      g_strcmp0 (from, to) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Give the statement's first and last days as YYYY-MM-DD, the "
                             "first no later than the last."));
      return NULL;
    }
  if (!(documents = palp_store_load_statement (self->store, palp_client_get_id (self->client),
                                               from, to, error)))
    return NULL;
  if (documents->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No massage therapy was receipted in those dates."));
      return NULL;
    }
  /* The client's diagnosis codes, for the insurer. */
  if (!(diagnoses = palp_store_list_diagnoses (self->store, palp_client_get_id (self->client),
                                               FALSE, error)))
    return NULL;
  lines = palp_doc_statement_diagnosis_lines (diagnoses);
  if (!(pdf = palp_doc_statement_render_with_diagnoses (self->clinic, self->client, from, to,
                                                        documents,
                                                        (const char * const *) lines, error)))
    return NULL;

  name = palp_client_dup_display_name (self->client);
  title = g_strdup_printf (_("Statement — %s"), name);
  file = g_strdup_printf ("statement-%s-%s.pdf", from, to);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  preview = palp_preview_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, file,
                                     pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
on_statement_clicked (GtkButton         *button,
                      PalpClientBilling *self)
{
  g_autoptr(GError) error = NULL;
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));

  if (palp_client_billing_statement (self, from, to, &error) == NULL && error != NULL)
    {
      gtk_label_set_text (self->statement_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->statement_message), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->statement_message), FALSE);
}

static GtkWidget *
statement_group (PalpClientBilling *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Statement…"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *first = g_date_time_format (now, "%Y-01-01");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Statement for an Insurer"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every massage therapy service of the period, with "
                                           "its practitioner, codes and payments. Esthetic "
                                           "services never appear on it."));
  self->from_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("From (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), first);
  self->to_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("To (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), today);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->from_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->to_row);

  self->statement_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->statement_message, TRUE);
  gtk_label_set_xalign (self->statement_message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->statement_message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->statement_message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->statement_message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (self->statement_message));

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect (button, "clicked", G_CALLBACK (on_statement_clicked), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  return group;
}

static void
palp_client_billing_dispose (GObject *object)
{
  PalpClientBilling *self = PALP_CLIENT_BILLING (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_object (&self->client);
  g_clear_object (&self->receipts);

  G_OBJECT_CLASS (palp_client_billing_parent_class)->dispose (object);
}

static void
palp_client_billing_class_init (PalpClientBillingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_client_billing_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
palp_client_billing_init (PalpClientBilling *self)
{
  GtkWidget *empty = adw_status_page_new ();

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "accessories-calculator-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Billed Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Receipts, payments and the balance owing will appear "
                                     "here once a visit is checked out on Today."));
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  self->page = adw_preferences_page_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->page, "account");
  self->statement = statement_group (self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                            ADW_PREFERENCES_GROUP (self->statement));
}

void
palp_client_billing_set_store (PalpClientBilling *self,
                               PalpStore         *store)
{
  g_return_if_fail (PALP_IS_CLIENT_BILLING (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->clinic);
  if (store != NULL)
    self->clinic = palp_store_load_clinic (store, NULL);
  reload (self);
}

void
palp_client_billing_set_client (PalpClientBilling *self,
                                PalpClient        *client)
{
  g_return_if_fail (PALP_IS_CLIENT_BILLING (self));

  g_set_object (&self->client, client);
  reload (self);
}

void
palp_client_billing_set_user (PalpClientBilling *self,
                              PalpUser          *user)
{
  g_return_if_fail (PALP_IS_CLIENT_BILLING (self));

  g_set_object (&self->user, user);
  reload (self);
}

GListModel *
palp_client_billing_get_receipts (PalpClientBilling *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_BILLING (self), NULL);

  return self->receipts;
}
