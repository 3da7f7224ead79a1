/* palp-billing-page.c: receipts, payments and the clinic's reports
 *
 * Issued receipts never change, so everything here is an addition: a
 * void (with its reason), a receipt that replaces a voided one, a payment
 * or a refund. The list is the store's query as it is, in a column view;
 * every action reads the selected receipt and reloads the list after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-billing-page.h"
#include "palp-doc-receipt.h"
#include "palp-doc-report.h"
#include "palp-preview-window.h"
#include "palp-service-category.h"
#include "palp-ui-util.h"

/* In the order of the payment dialog's method row. */
static const char * const methods[] = {
  "card", "cash", "cheque", "e-transfer", "insurance", "hsa-fsa",
};

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_CLIENT,
  COLUMN_CATEGORY,
  COLUMN_TOTAL,
  COLUMN_PAID,
  COLUMN_BALANCE,
  COLUMN_STATUS,
} Column;

/* The list's columns, in order. */
static const struct
{
  const char        *title;
  Column             column;
  PalpUiColumnFlags  flags;
} column_specs[] = {
  { N_("Number"), COLUMN_NUMBER, PALP_UI_COLUMN_FIGURES },
  { N_("Date"), COLUMN_DATE, 0 },
  { N_("Client"), COLUMN_CLIENT, PALP_UI_COLUMN_EXPAND },
  { N_("Category"), COLUMN_CATEGORY, 0 },
  { N_("Total"), COLUMN_TOTAL, PALP_UI_COLUMN_AMOUNT },
  { N_("Paid"), COLUMN_PAID, PALP_UI_COLUMN_AMOUNT },
  { N_("Balance"), COLUMN_BALANCE, PALP_UI_COLUMN_AMOUNT },
  { N_("Status"), COLUMN_STATUS, 0 },
};

struct _PalpBillingPage
{
  GtkWidget           parent_instance;

  PalpStore          *store;
  PalpUser           *user;
  PalpClinic         *clinic;
  GtkSingleSelection *selection;
  gboolean            dirty;
  AdwMessageDialog   *dialog;     /* weak */
  GtkWindow          *preview;    /* weak */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *summary_label;
  GtkDropDown        *period_dropdown;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (PalpBillingPage, palp_billing_page, GTK_TYPE_WIDGET)

static void update_actions (PalpBillingPage *self);

static void
toast (PalpBillingPage *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static PalpReceipt *
selected (PalpBillingPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static const char *
status_text (PalpReceipt *receipt)
{
  const char *by = palp_receipt_get_string (receipt, "replaced-by-number");

  if (!palp_receipt_get_int (receipt, "voided"))
    return _("Valid");
  return by != NULL ? _("Replaced") : _("Void");
}

/* Columns */

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  PalpReceipt *receipt = gtk_list_item_get_item (item);
  PalpBillingPage *self = g_object_get_data (G_OBJECT (factory), "palp-owner");
  g_autofree char *text = NULL;
  gboolean voided = palp_receipt_get_int (receipt, "voided");

  switch (column)
    {
    case COLUMN_NUMBER:
      text = g_strdup (palp_receipt_get_string (receipt, "number"));
      break;
    case COLUMN_DATE:
      {
        /* The clinic's wall-clock time of issue, "YYYY-MM-DD HH:MM:SS". */
        const char *at = palp_receipt_get_string (receipt, "issued-at");
        g_autofree char *day = at ? g_strndup (at, 10) : NULL;
        g_autofree char *shown = day ? palp_date_format_short (day, palp_ui_country (self->clinic))
                                     : NULL;

        if (shown != NULL && strlen (at) >= 16)
          text = g_strdup_printf ("%s %.5s", shown, at + 11);
        else
          text = g_strdup (shown ? shown : at);
      }
      break;
    case COLUMN_CLIENT:
      text = g_strdup (palp_receipt_get_string (receipt, "client-name"));
      break;
    case COLUMN_CATEGORY:
      {
        PalpServiceCategory category;

        if (palp_service_category_from_key (palp_receipt_get_string (receipt, "category"),
                                            &category, NULL))
          text = g_strdup (palp_service_category_label (category));
      }
      break;
    case COLUMN_TOTAL:
      text = palp_ui_format_money (self->clinic, palp_receipt_get_int (receipt, "total-cents"));
      break;
    case COLUMN_PAID:
      text = palp_ui_format_money (self->clinic, palp_receipt_get_int (receipt, "paid-cents"));
      break;
    case COLUMN_BALANCE:
      text = palp_ui_format_money (self->clinic, palp_receipt_get_int (receipt, "balance-cents"));
      break;
    case COLUMN_STATUS:
      {
        const char *by = palp_receipt_get_string (receipt, "replaced-by-number");

        if (by != NULL)
          /* Translators: a voided receipt and the receipt that replaced it. */
          text = g_strdup_printf (_("Replaced by %s"), by);
        else
          text = g_strdup (status_text (receipt));
      }
      break;
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (voided)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (column == COLUMN_BALANCE && !voided && palp_receipt_get_int (receipt, "balance-cents") > 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

/* Loading */

static void
load (PalpBillingPage *self)
{
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GError) error = NULL;
  PalpReceipt *was = selected (self);
  g_autofree char *number = was ? g_strdup (palp_receipt_get_string (was, "number")) : NULL;
  g_autofree char *summary = NULL;
  gint64 owing = 0;
  guint n;

  self->dirty = FALSE;
  if (self->store == NULL)
    return;
  g_clear_object (&self->clinic);
  self->clinic = palp_store_load_clinic (self->store, NULL);

  receipts = palp_store_list_receipts (self->store, 0, &error);
  if (receipts == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Receipts Cannot Be Listed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  n = g_list_model_get_n_items (receipts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);

      owing += palp_receipt_get_int (r, "balance-cents");
    }
  gtk_single_selection_set_model (self->selection, receipts);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u receipt", "%u receipts", n), n);
    g_autofree char *total = palp_ui_format_money (self->clinic, owing);

    /* Translators: "24 receipts · $120.00 owing". */
    summary = g_strdup_printf (_("%s · %s owing"), count, total);
  }
  gtk_label_set_text (self->summary_label, summary);
  if (number != NULL)
    palp_billing_page_select_receipt (self, number);
  update_actions (self);
}

void
palp_billing_page_reload (PalpBillingPage *self)
{
  g_return_if_fail (PALP_IS_BILLING_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

void
palp_billing_page_set_store (PalpBillingPage *self,
                             PalpStore       *store,
                             PalpUser        *user)
{
  g_return_if_fail (PALP_IS_BILLING_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
  gtk_single_selection_set_model (self->selection, NULL);
  palp_billing_page_reload (self);
}

GListModel *
palp_billing_page_get_receipts (PalpBillingPage *self)
{
  g_return_val_if_fail (PALP_IS_BILLING_PAGE (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

gboolean
palp_billing_page_select_receipt (PalpBillingPage *self,
                                  const char      *number)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  g_return_val_if_fail (PALP_IS_BILLING_PAGE (self), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (model, i);

      if (g_strcmp0 (palp_receipt_get_string (r, "number"), number) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

AdwMessageDialog *
palp_billing_page_get_dialog (PalpBillingPage *self)
{
  g_return_val_if_fail (PALP_IS_BILLING_PAGE (self), NULL);
  return self->dialog;
}

GtkWindow *
palp_billing_page_get_preview (PalpBillingPage *self)
{
  g_return_val_if_fail (PALP_IS_BILLING_PAGE (self), NULL);
  return self->preview;
}

static void
present_preview (PalpBillingPage   *self,
                 PalpPreviewWindow *preview)
{
  g_set_weak_pointer (&self->preview, GTK_WINDOW (preview));
  gtk_window_present (GTK_WINDOW (preview));
}

/* Open */

static void
open_receipts (PalpBillingPage *self,
               GListModel      *receipts)
{
  g_autoptr(GError) error = NULL;
  PalpPreviewWindow *preview;

  preview = palp_preview_window_new_for_receipts (palp_ui_parent_window (GTK_WIDGET (self)), self->store, receipts,
                                                  &error);
  if (preview == NULL)
    toast (self, error->message);
  else
    present_preview (self, preview);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  g_autoptr(GListStore) one = g_list_store_new (PALP_TYPE_RECEIPT);

  if (selected (self) == NULL)
    return;
  g_list_store_append (one, selected (self));
  open_receipts (self, G_LIST_MODEL (one));
}

static void
on_column_view_activate_cb (PalpBillingPage *self,
                            guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "billing.open", NULL);
}

/* Void and reissue */

static void
on_void_reason_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "void", *reason != '\0');
}

static void
on_void_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PalpBillingPage  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *number = g_object_get_data (G_OBJECT (dialog), "palp-number");
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *t;

  if (!g_str_equal (response, "void"))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!palp_store_void_receipt (self->store, number, reason, &error))
    {
      toast (self, error->message);
      return;
    }
  load (self);
  palp_billing_page_select_receipt (self, number);
  message = g_strdup_printf (_("Receipt %s voided"), number);
  t = adw_toast_new (message);
  adw_toast_set_button_label (t, _("Re_issue"));
  adw_toast_set_action_name (t, "billing.reissue");
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  PalpReceipt *receipt = selected (self);
  const char *number;
  GtkWidget *dialog, *entry;

  if (receipt == NULL)
    return;
  number = palp_receipt_get_string (receipt, "number");
  dialog = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), NULL,
                                   _("The receipt is kept, marked VOID, with the reason, who "
                                     "and when. Its services can then be receipted again, on a "
                                     "new receipt that replaces it."));
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Void Receipt %s?"), number);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. the client's name was misspelled"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 500);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for voiding"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "void", _("_Void receipt"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "void", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "palp-number", g_strdup (number), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_void_reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
reissue_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  PalpReceipt *receipt = selected (self);
  g_autoptr(PalpReceiptDocument) document = NULL;
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (receipt == NULL || !palp_receipt_get_int (receipt, "voided"))
    return;
  id = palp_receipt_get_int (receipt, "id");
  old = g_strdup (palp_receipt_get_string (receipt, "number"));

  /* The same visits: their lines became billable again with the void. */
  if (!(document = palp_store_load_receipt_document (self->store, id, &error)))
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (document->lines); i++)
    {
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, i);
      gint64 visit = palp_record_get_int (PALP_RECORD (line), "visit-id");
      gboolean seen = FALSE;

      for (guint j = 0; j < visits->len; j++)
        seen |= g_array_index (visits, gint64, j) == visit;
      if (!seen)
        g_array_append_val (visits, visit);
    }

  issued = palp_store_issue_receipts (self->store, (const gint64 *) visits->data, visits->len,
                                      NULL, id, palp_doc_receipt_render, NULL, &error);
  if (issued == NULL)
    {
      toast (self, error->message);
      return;
    }
  load (self);
  {
    g_autoptr(PalpReceipt) first = g_list_model_get_item (issued, 0);

    palp_billing_page_select_receipt (self, palp_receipt_get_string (first, "number"));
    /* Translators: the new receipt's number, then the voided one's. */
    message = g_strdup_printf (_("Receipt %s issued, replacing %s"),
                               palp_receipt_get_string (first, "number"), old);
  }
  toast (self, message);
  open_receipts (self, issued);
}

/* Payments and refunds */

static void
on_payment_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpBillingPage  *self)
{
  AdwComboRow *method_row = g_object_get_data (G_OBJECT (dialog), "palp-method");
  GtkEditable *amount_row = g_object_get_data (G_OBJECT (dialog), "palp-amount");
  GtkEditable *reference_row = g_object_get_data (G_OBJECT (dialog), "palp-reference");
  const char *kind = g_object_get_data (G_OBJECT (dialog), "palp-kind");
  PalpReceipt *receipt = g_object_get_data (G_OBJECT (dialog), "palp-receipt");
  g_autoptr(PalpPayment) payment = palp_payment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *message = NULL;
  const char *reference;
  guint method;
  gint64 cents;

  if (!g_str_equal (response, "record"))
    return;
  method = adw_combo_row_get_selected (method_row);
  if (!palp_money_parse (gtk_editable_get_text (amount_row), palp_ui_language (), &cents, &error))
    {
      toast (self, error->message);
      return;
    }
  reference = gtk_editable_get_text (reference_row);
  g_object_set (payment,
                "kind", kind,
                "method", methods[MIN (method, G_N_ELEMENTS (methods) - 1)],
                "amount-cents", cents,
                "receipt-id", palp_receipt_get_int (receipt, "id"),
                "client-id", palp_receipt_get_int (receipt, "client-id"),
                "reference", *reference ? reference : NULL,
                NULL);
  if (!palp_store_record_payment (self->store, payment, &error))
    {
      toast (self, error->message);
      return;
    }
  load (self);
  amount_text = palp_ui_format_money (self->clinic, cents);
  message = g_strdup_printf (g_str_equal (kind, "refund") ? _("Refund of %s recorded")
                                                          : _("Payment of %s recorded"),
                             amount_text);
  toast (self, message);
}

static void
payment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  PalpReceipt *receipt = selected (self);
  gboolean refund = g_str_equal (action_name, "billing.record-refund");
  g_autofree char *prefill = NULL;
  g_autofree char *owing = NULL;
  g_autofree char *paid = NULL;
  GtkWidget *dialog, *group, *method, *amount, *reference;
  GtkStringList *labels;
  const char *number;

  if (receipt == NULL)
    return;
  number = palp_receipt_get_string (receipt, "number");
  owing = palp_ui_format_money (self->clinic, palp_receipt_get_int (receipt, "balance-cents"));
  paid = palp_ui_format_money (self->clinic, palp_receipt_get_int (receipt, "paid-cents"));

  dialog = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), NULL, NULL);
  if (refund)
    {
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("Refund on Receipt %s"), number);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Paid so far: %s."), paid);
    }
  else
    {
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("Payment on Receipt %s"), number);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Owing: %s."), owing);
    }

  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Card"));
  gtk_string_list_append (labels, _("Cash"));
  gtk_string_list_append (labels, _("Cheque"));
  gtk_string_list_append (labels, _("E-transfer"));
  gtk_string_list_append (labels, _("Insurance"));
  gtk_string_list_append (labels, _("HSA/FSA card"));
  method = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (method), _("_Method"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (method), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (method), G_LIST_MODEL (labels));
  g_object_unref (labels);
  amount = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (amount), _("_Amount"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (amount), TRUE);
  prefill = palp_money_format_number (palp_receipt_get_int (receipt, refund ? "paid-cents"
                                                                             : "balance-cents"),
                                      palp_ui_language ());
  gtk_editable_set_text (GTK_EDITABLE (amount), prefill);
  reference = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reference),
                                 _("_Reference (cheque or authorisation number)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (reference), TRUE);
  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), method);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), amount);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reference);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", refund ? _("_Record refund") : _("_Record payment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              refund ? ADW_RESPONSE_DESTRUCTIVE
                                                     : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "palp-method", method);
  g_object_set_data (G_OBJECT (dialog), "palp-amount", amount);
  g_object_set_data (G_OBJECT (dialog), "palp-reference", reference);
  g_object_set_data (G_OBJECT (dialog), "palp-kind", (gpointer) (refund ? "refund" : "payment"));
  g_object_set_data_full (G_OBJECT (dialog), "palp-receipt", g_object_ref (receipt),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_payment_response_cb), self, 0);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reports */

/* The period chosen for the reports, as inclusive ISO dates. */
static void
report_period (PalpBillingPage  *self,
               char            **out_from,
               char            **out_to,
               char            **out_label)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, from, to;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  from = to = today;
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case 1: /* this week, from Monday */
      g_date_subtract_days (&from, g_date_get_weekday (&today) - G_DATE_MONDAY);
      break;
    case 2: /* this month */
      g_date_set_day (&from, 1);
      break;
    case 3: /* last month */
      g_date_set_day (&from, 1);
      g_date_subtract_months (&from, 1);
      to = from;
      g_date_set_day (&to, g_date_get_days_in_month (g_date_get_month (&from),
                                                     g_date_get_year (&from)));
      break;
    case 4: /* this year */
      g_date_set_day (&from, 1);
      g_date_set_month (&from, G_DATE_JANUARY);
      break;
    default: /* today */
      break;
    }
  *out_from = palp_date_to_iso (&from);
  *out_to = palp_date_to_iso (&to);
  if (g_date_compare (&from, &to) == 0)
    *out_label = g_strdup (*out_from);
  else
    *out_label = g_strdup_printf ("%s_%s", *out_from, *out_to);
}

static gboolean
may_view_reports (PalpBillingPage  *self,
                  GError          **error)
{
  return palp_ui_user_may (self->user, PALP_ACTION_VIEW_REPORTS, 0, error);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  gboolean tax = g_str_equal (action_name, "billing.tax-report");
  g_autofree char *from = NULL, *to = NULL, *label = NULL;
  g_autofree char *title = NULL, *filename = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !may_view_reports (self, &error))
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }
  report_period (self, &from, &to, &label);
  if (tax)
    {
      if ((rows = palp_store_list_receipt_taxes (self->store, from, to, &error)))
        pdf = palp_doc_tax_report_render (self->clinic, from, to, rows, &error);
      title = g_strdup_printf (_("Tax Report %s"), label);
      filename = g_strdup_printf ("tax-report-%s.pdf", label);
    }
  else
    {
      if ((rows = palp_store_list_payments (self->store, 0, from, to, &error)))
        pdf = palp_doc_payments_report_render (self->clinic, from, to, rows, &error);
      title = g_strdup_printf (_("Payments Report %s"), label);
      filename = g_strdup_printf ("payments-report-%s.pdf", label);
    }
  if (pdf == NULL)
    {
      toast (self, error->message);
      return;
    }
  present_preview (self, palp_preview_window_new (palp_ui_parent_window (GTK_WIDGET (self)), title, filename, pdf));
}

static void
on_csv_response_cb (GtkNativeDialog *native,
                    int              response,
                    PalpBillingPage *self)
{
  const char *csv = g_object_get_data (G_OBJECT (native), "palp-csv");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                   NULL, NULL, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          message = g_strdup_printf (_("Saved as “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Not saved: %s"), error->message);
      toast (self, message);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
csv_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);
  gboolean tax = g_str_equal (action_name, "billing.tax-csv");
  g_autofree char *from = NULL, *to = NULL, *label = NULL, *name = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  char *csv = NULL;
  GtkFileChooserNative *native;

  if (self->store == NULL || !may_view_reports (self, &error))
    {
      if (error != NULL)
        toast (self, error->message);
      return;
    }
  report_period (self, &from, &to, &label);
  if (tax)
    {
      if ((rows = palp_store_list_receipt_taxes (self->store, from, to, &error)))
        csv = palp_doc_tax_report_csv (self->clinic, from, to, rows, &error);
      name = g_strdup_printf ("tax-report-%s.csv", label);
    }
  else
    {
      if ((rows = palp_store_list_payments (self->store, 0, from, to, &error)))
        csv = palp_doc_payments_report_csv (self->clinic, from, to, rows, &error);
      name = g_strdup_printf ("payments-report-%s.csv", label);
    }
  if (csv == NULL)
    {
      toast (self, error->message);
      return;
    }

  native = gtk_file_chooser_native_new (tax ? _("Save Tax Report") : _("Save Payments Report"),
                                        palp_ui_parent_window (GTK_WIDGET (self)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data_full (G_OBJECT (native), "palp-csv", csv, g_free);
  g_signal_connect (native, "response", G_CALLBACK (on_csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
update_actions (PalpBillingPage *self)
{
  PalpReceipt *receipt = selected (self);
  gboolean voided = receipt != NULL && palp_receipt_get_int (receipt, "voided");
  gboolean replaced = receipt != NULL && palp_receipt_get_string (receipt, "replaced-by-number");
  gint64 owner = receipt ? palp_receipt_get_int (receipt, "practitioner-id") : 0;
  gboolean reports = self->store != NULL && may_view_reports (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.open", receipt != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.void",
                                 receipt != NULL && !voided &&
                                 palp_ui_user_may (self->user, PALP_ACTION_VOID_RECEIPTS, owner,
                                                   NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.reissue",
                                 voided && !replaced &&
                                 palp_ui_user_may (self->user, PALP_ACTION_ISSUE_RECEIPTS, owner,
                                                   NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.record-payment",
                                 receipt != NULL && !voided &&
                                 palp_receipt_get_int (receipt, "balance-cents") > 0 &&
                                 palp_ui_user_may (self->user, PALP_ACTION_RECORD_PAYMENTS, owner,
                                                   NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.record-refund",
                                 receipt != NULL && palp_receipt_get_int (receipt, "paid-cents") > 0 &&
                                 palp_ui_user_may (self->user, PALP_ACTION_REFUND_PAYMENTS, owner,
                                                   NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.payments-report", reports);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.tax-report", reports);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.payments-csv", reports);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "billing.tax-csv", reports);
}

static void
palp_billing_page_map (GtkWidget *widget)
{
  PalpBillingPage *self = PALP_BILLING_PAGE (widget);

  GTK_WIDGET_CLASS (palp_billing_page_parent_class)->map (widget);
  if (self->dirty)
    load (self);
}

static void
palp_billing_page_dispose (GObject *object)
{
  PalpBillingPage *self = (PalpBillingPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_BILLING_PAGE);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->preview);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);

  G_OBJECT_CLASS (palp_billing_page_parent_class)->dispose (object);
}

static void
palp_billing_page_class_init (PalpBillingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_billing_page_dispose;
  widget_class->map = palp_billing_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-billing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PalpBillingPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "billing.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "billing.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "billing.reissue", NULL, reissue_action);
  gtk_widget_class_install_action (widget_class, "billing.record-payment", NULL, payment_action);
  gtk_widget_class_install_action (widget_class, "billing.record-refund", NULL, payment_action);
  gtk_widget_class_install_action (widget_class, "billing.payments-report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "billing.tax-report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "billing.payments-csv", NULL, csv_action);
  gtk_widget_class_install_action (widget_class, "billing.tax-csv", NULL, csv_action);
}

static void
palp_billing_page_init (PalpBillingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty = TRUE;
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (gsize i = 0; i < G_N_ELEMENTS (column_specs); i++)
    palp_ui_append_label_column (self->column_view, _(column_specs[i].title), column_specs[i].column,
                                 column_specs[i].flags, self, G_CALLBACK (bind_cell_cb));
  update_actions (self);
}
