/* palp-checkout-dialog.c: receipts and payment for one client's visits
 *
 * Before anything is written the dialog shows what the store will issue,
 * worked out by the same rule the store uses (palp_receipt_split: one
 * receipt per category and practitioner), so the front desk knows why a
 * combined facial gives two pieces of paper. The store stays the judge:
 * whatever it refuses (a licence expired, an unconfirmed combined
 * session) is shown here and nothing is issued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-checkout-dialog.h"
#include "palp-doc-receipt.h"
#include "palp-preview-window.h"
#include "palp-receipt-split.h"
#include "palp-ui-util.h"

/* In the order of the method row's model. */
static const char * const methods[] = {
  "card", "cash", "cheque", "e-transfer", "insurance", "hsa-fsa",
};

enum
{
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _PalpCheckoutDialog
{
  AdwWindow            parent_instance;

  PalpStore           *store;
  PalpUser            *user;
  PalpClinic          *clinic;
  GArray              *visit_ids;
  GArray              *unconfirmed;    /* combined visits no admin confirmed yet */
  GPtrArray           *groups;         /* PalpReceiptGroup, as the store will issue */
  gint64               total;
  char                *error;
  gboolean             amount_ok;
  GPtrArray           *rows;
  AdwMessageDialog    *confirmation;   /* weak */
  GtkWindow           *preview;        /* weak */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *issue_button;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  AdwPreferencesGroup *receipts_group;
  AdwPreferencesGroup *payment_group;
  GtkSwitch           *pay_switch;
  AdwComboRow         *method_row;
  AdwEntryRow         *amount_row;
  AdwEntryRow         *reference_row;
  GtkLabel            *payment_hint;
};

G_DEFINE_FINAL_TYPE (PalpCheckoutDialog, palp_checkout_dialog, ADW_TYPE_WINDOW)

static void
show_error (PalpCheckoutDialog *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static gboolean
has_category (PalpCheckoutDialog  *self,
              PalpServiceCategory  category)
{
  for (guint i = 0; self->groups != NULL && i < self->groups->len; i++)
    if (((PalpReceiptGroup *) g_ptr_array_index (self->groups, i))->category == category)
      return TRUE;
  return FALSE;
}

static gboolean
may_confirm (PalpCheckoutDialog *self)
{
  return self->user != NULL && palp_user_is_admin (self->user);
}

static void
update_actions (PalpCheckoutDialog *self)
{
  guint n = palp_checkout_dialog_get_n_receipts (self);
  gboolean blocked = self->unconfirmed->len > 0 && !may_confirm (self);
  gboolean enabled = n > 0 && self->error == NULL && self->amount_ok && !blocked;
  g_autofree char *label = NULL;
  const char *why = NULL;

  if (n > 0)
    label = g_strdup_printf (ngettext ("_Issue %u receipt", "_Issue %u receipts", n), n);
  gtk_button_set_label (GTK_BUTTON (self->issue_button), label ? label : _("_Issue Receipts"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkout.issue", enabled);

  /* A disabled button says why. */
  if (n == 0 || self->error != NULL)
    why = self->error;
  else if (blocked)
    why = _("An admin must confirm this combined session first.");
  else if (!self->amount_ok)
    why = _("Correct the payment amount, or turn off “Take a payment now”.");
  gtk_widget_set_tooltip_text (self->issue_button, enabled ? NULL : why);
}

/* Payment */

static void
on_payment_changed_cb (PalpCheckoutDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *hint = NULL;
  gint64 cents = 0;
  guint method = adw_combo_row_get_selected (self->method_row);

  self->amount_ok = TRUE;
  if (!gtk_switch_get_active (self->pay_switch))
    {
      g_autofree char *total = palp_ui_format_money (self->clinic, self->total);

      hint = g_strdup_printf (_("No payment now: %s will be owing."), total);
    }
  else if (!palp_money_parse (text, palp_ui_language (), &cents, &error))
    {
      self->amount_ok = FALSE;
      hint = g_strdup (error->message);
    }
  else if (cents == 0)
    {
      self->amount_ok = FALSE;
      hint = g_strdup (_("Enter the amount received, or turn off “Take a payment now”."));
    }
  else if (cents > self->total)
    {
      g_autofree char *total = palp_ui_format_money (self->clinic, self->total);

      self->amount_ok = FALSE;
      hint = g_strdup_printf (_("A payment at checkout is at most the total, %s."), total);
    }
  else if (cents < self->total)
    {
      g_autofree char *owing = palp_ui_format_money (self->clinic, self->total - cents);

      hint = g_strdup_printf (_("Partial payment: %s will be owing."), owing);
    }

  /* Insurers never pay for cosmetic work (the store refuses it too). */
  if (self->amount_ok && gtk_switch_get_active (self->pay_switch) &&
      method < G_N_ELEMENTS (methods) &&
      (g_str_equal (methods[method], "insurance") || g_str_equal (methods[method], "hsa-fsa")) &&
      (has_category (self, PALP_SERVICE_CATEGORY_ESTHETIC) ||
       has_category (self, PALP_SERVICE_CATEGORY_OTHER)))
    {
      g_free (hint);
      hint = g_strdup (_("Esthetic services are paid out of pocket: insurance and HSA/FSA "
                         "cards pay only for massage therapy. Take the payment for each "
                         "receipt separately in Billing, or choose another method."));
      self->amount_ok = FALSE;
    }

  if (self->amount_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
  gtk_label_set_text (self->payment_hint, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->payment_hint), hint != NULL);
  update_actions (self);
}

void
palp_checkout_dialog_set_payment (PalpCheckoutDialog *self,
                                  const char         *method,
                                  const char         *amount)
{
  g_return_if_fail (PALP_IS_CHECKOUT_DIALOG (self));

  gtk_switch_set_active (self->pay_switch, method != NULL);
  for (guint i = 0; method != NULL && i < G_N_ELEMENTS (methods); i++)
    if (g_str_equal (methods[i], method))
      adw_combo_row_set_selected (self->method_row, i);
  if (amount != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  on_payment_changed_cb (self);
}

/* What will be issued */

static const char *
group_title (PalpServiceCategory category)
{
  switch (category)
    {
    case PALP_SERVICE_CATEGORY_THERAPEUTIC:
      return _("Massage therapy receipt");
    case PALP_SERVICE_CATEGORY_ESTHETIC:
      return _("Esthetic services receipt");
    case PALP_SERVICE_CATEGORY_OTHER:
    default:
      return _("General receipt (fees and products)");
    }
}

static char *
explain (PalpCheckoutDialog *self)
{
  guint n = self->groups->len;
  gboolean mixed = has_category (self, PALP_SERVICE_CATEGORY_THERAPEUTIC) &&
                   has_category (self, PALP_SERVICE_CATEGORY_ESTHETIC);

  if (n == 1)
    return g_strdup (_("One receipt."));
  if (mixed && n == 2)
    return g_strdup (_("Two receipts: massage therapy and esthetic services are receipted "
                       "separately."));
  if (mixed)
    return g_strdup_printf (_("%u receipts: massage therapy and esthetic services are "
                              "receipted separately, one per practitioner."), n);
  return g_strdup_printf (_("%u receipts: one per kind of service and practitioner."), n);
}

static void
add_row (PalpCheckoutDialog *self,
         GtkWidget          *row)
{
  adw_preferences_group_add (self->receipts_group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
amount_label (const char *text,
              gboolean    strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "numeric");
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build_rows (PalpCheckoutDialog *self)
{
  g_autoptr(GListModel) users = palp_store_list_practitioners (self->store, NULL);
  g_autofree char *description = NULL;
  g_autofree char *total = NULL;
  GtkWidget *row;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->receipts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->groups == NULL || self->groups->len == 0)
    {
      adw_preferences_group_set_description (self->receipts_group, NULL);
      return;
    }

  description = explain (self);
  adw_preferences_group_set_description (self->receipts_group, description);
  for (guint i = 0; i < self->groups->len; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *who = palp_ui_user_name (self->store, users, group->practitioner_id);
      g_autofree char *amount = palp_ui_format_money (self->clinic, group->total_cents);
      g_autoptr(GString) what = g_string_new (who);

      for (guint l = 0; l < group->lines->len; l++)
        {
          PalpBillingLine *line = g_ptr_array_index (group->lines, l);
          g_autofree char *day = palp_date_format_short (line->date,
                                                         palp_ui_country (self->clinic));

          g_string_append_printf (what, "\n%s · %s", day ? day : line->date, line->description);
        }
      if (group->tax_cents > 0)
        {
          g_autofree char *tax = palp_ui_format_money (self->clinic, group->tax_cents);

          g_string_append_printf (what, "\n");
          g_string_append_printf (what, _("Tax included: %s"), tax);
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), group_title (group->category));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label (amount, FALSE));
      add_row (self, row);
    }

  total = palp_ui_format_money (self->clinic, self->total);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Total"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount_label (total, TRUE));
  add_row (self, row);
}

static gboolean
load (PalpCheckoutDialog  *self,
      GError             **error)
{
  g_autoptr(GPtrArray) lines =
    g_ptr_array_new_with_free_func ((GDestroyNotify) palp_billing_line_free);
  g_autofree char *client_name = NULL;

  g_clear_object (&self->clinic);
  if (!(self->clinic = palp_store_load_clinic (self->store, error)))
    return FALSE;

  g_array_set_size (self->unconfirmed, 0);
  for (guint v = 0; v < self->visit_ids->len; v++)
    {
      gint64 id = g_array_index (self->visit_ids, gint64, v);
      g_autoptr(PalpVisit) visit = palp_store_load_visit (self->store, id, error);
      g_autoptr(GListModel) visit_lines = NULL;
      gboolean therapeutic = FALSE, esthetic = FALSE;
      const char *starts;

      if (visit == NULL || !(visit_lines = palp_store_list_visit_lines (self->store, id, error)))
        return FALSE;
      if (client_name == NULL)
        client_name = g_strdup (palp_visit_get_string (visit, "client-name"));
      starts = palp_visit_get_string (visit, "starts-at");

      for (guint i = 0; i < g_list_model_get_n_items (visit_lines); i++)
        {
          g_autoptr(PalpVisitLine) vl = g_list_model_get_item (visit_lines, i);
          g_autoptr(PalpBillingLine) line = NULL;
          g_autoptr(GPtrArray) taxes = NULL;
          PalpServiceCategory category;

          if (palp_visit_line_get_int (vl, "receipted"))
            continue;
          if (!palp_service_category_from_key (palp_visit_line_get_string (vl, "category"),
                                               &category, error))
            return FALSE;
          therapeutic |= category == PALP_SERVICE_CATEGORY_THERAPEUTIC;
          esthetic |= category == PALP_SERVICE_CATEGORY_ESTHETIC;

          line = palp_billing_line_new ();
          line->line_id = palp_visit_line_get_int (vl, "id");
          line->visit_id = id;
          line->client_id = palp_visit_get_int (visit, "client-id");
          line->date = g_strndup (starts ? starts : "", 10);
          line->practitioner_id = palp_visit_get_int (visit, "practitioner-id");
          line->service_id = palp_visit_line_get_int (vl, "service-id");
          line->category = category;
          line->description = g_strdup (palp_visit_line_get_string (vl, "description"));
          line->minutes = (guint) palp_visit_line_get_int (vl, "minutes");
          line->unit_price_cents = palp_visit_line_get_int (vl, "price-cents");
          line->quantity = (guint) MAX (palp_visit_line_get_int (vl, "quantity"), 1);
          if (!(taxes = palp_store_list_service_taxes (self->store, line->service_id, error)))
            return FALSE;
          for (guint t = 0; t < taxes->len; t++)
            palp_billing_line_add_tax (line, g_ptr_array_index (taxes, t));
          g_ptr_array_add (lines, g_steal_pointer (&line));
        }
      if (therapeutic && esthetic && palp_visit_get_int (visit, "mixed-confirmed-by") == 0)
        g_array_append_val (self->unconfirmed, id);
    }

  adw_window_title_set_subtitle (self->window_title, client_name ? client_name : "");
  if (lines->len == 0)
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                           _("There is nothing left to receipt on this visit."));
      return FALSE;
    }
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  if (!(self->groups = palp_receipt_split (lines, error)))
    return FALSE;

  self->total = 0;
  for (guint i = 0; i < self->groups->len; i++)
    self->total += ((PalpReceiptGroup *) g_ptr_array_index (self->groups, i))->total_cents;
  return TRUE;
}

static void
reload (PalpCheckoutDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;

  show_error (self, NULL);
  if (!load (self, &error))
    {
      g_clear_pointer (&self->groups, g_ptr_array_unref);
      self->total = 0;
      show_error (self, error->message);
    }
  else if (self->unconfirmed->len > 0 && !may_confirm (self))
    show_error (self, _("This visit combines massage therapy with esthetic work. An admin "
                        "must confirm the combined session before its receipts are issued."));
  build_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->payment_group), self->groups != NULL);

  amount = palp_money_format_number (self->total, palp_ui_language ());
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  on_payment_changed_cb (self);
}

/* Issue */

static void
issue (PalpCheckoutDialog *self)
{
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GError) error = NULL;
  PalpCheckoutPayment payment = { 0 };
  gboolean pay = gtk_switch_get_active (self->pay_switch);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  PalpPreviewWindow *preview;

  if (pay)
    {
      guint method = adw_combo_row_get_selected (self->method_row);
      const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));

      if (method >= G_N_ELEMENTS (methods) ||
          !palp_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                             palp_ui_language (), &payment.amount_cents, &error))
        {
          show_error (self, error ? error->message : _("Choose how the client pays."));
          return;
        }
      payment.method = methods[method];
      payment.reference = *reference ? reference : NULL;
    }

  receipts = palp_store_issue_receipts (self->store, (const gint64 *) self->visit_ids->data,
                                        self->visit_ids->len, pay ? &payment : NULL, 0,
                                        palp_doc_receipt_render, NULL, &error);
  if (receipts == NULL)
    {
      /* Nothing was written: say why, and let the desk fix it here. */
      show_error (self, error->message);
      update_actions (self);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_ISSUED], 0, receipts);

  preview = palp_preview_window_new_for_receipts (parent ? parent : GTK_WINDOW (self),
                                                  self->store, receipts, &error);
  if (preview != NULL)
    {
      g_set_weak_pointer (&self->preview, GTK_WINDOW (preview));
      gtk_window_present (GTK_WINDOW (preview));
    }
  else
    g_warning ("The new receipts cannot be previewed: %s", error->message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_confirmation_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             PalpCheckoutDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "confirm"))
    return;
  for (guint i = 0; i < self->unconfirmed->len; i++)
    if (!palp_store_confirm_mixed_visit (self->store,
                                         g_array_index (self->unconfirmed, gint64, i), &error))
      {
        show_error (self, error->message);
        return;
      }
  g_array_set_size (self->unconfirmed, 0);
  issue (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PalpCheckoutDialog *self = PALP_CHECKOUT_DIALOG (widget);
  g_autofree char *confirm = NULL;
  GtkWidget *dialog;
  guint n = palp_checkout_dialog_get_n_receipts (self);

  if (self->unconfirmed->len == 0)
    {
      issue (self);
      return;
    }

  /* DOMAIN.md §1: combined sessions are discouraged; when one happened,
   * an admin says so before its receipts exist. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Confirm the Combined Session?"),
                                   _("This visit combines massage therapy with esthetic work. "
                                     "Combined sessions are discouraged. If it happened, the "
                                     "massage therapy is receipted on its own receipt and the "
                                     "esthetic services on another, paid out of pocket and "
                                     "never claimed from an insurer."));
  confirm = g_strdup_printf (ngettext ("C_onfirm and issue %u receipt",
                                       "C_onfirm and issue %u receipts", n), n);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", confirm,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirmation_response_cb), self,
                           0);
  g_set_weak_pointer (&self->confirmation, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public */

guint
palp_checkout_dialog_get_n_receipts (PalpCheckoutDialog *self)
{
  g_return_val_if_fail (PALP_IS_CHECKOUT_DIALOG (self), 0);
  return self->groups ? self->groups->len : 0;
}

gint64
palp_checkout_dialog_get_total (PalpCheckoutDialog *self)
{
  g_return_val_if_fail (PALP_IS_CHECKOUT_DIALOG (self), 0);
  return self->total;
}

const char *
palp_checkout_dialog_get_error (PalpCheckoutDialog *self)
{
  g_return_val_if_fail (PALP_IS_CHECKOUT_DIALOG (self), NULL);
  return self->error;
}

AdwMessageDialog *
palp_checkout_dialog_get_confirmation (PalpCheckoutDialog *self)
{
  g_return_val_if_fail (PALP_IS_CHECKOUT_DIALOG (self), NULL);
  return self->confirmation;
}

GtkWindow *
palp_checkout_dialog_get_preview (PalpCheckoutDialog *self)
{
  g_return_val_if_fail (PALP_IS_CHECKOUT_DIALOG (self), NULL);
  return self->preview;
}

static void
palp_checkout_dialog_dispose (GObject *object)
{
  PalpCheckoutDialog *self = (PalpCheckoutDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_CHECKOUT_DIALOG);
  g_clear_weak_pointer (&self->confirmation);
  g_clear_weak_pointer (&self->preview);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (palp_checkout_dialog_parent_class)->dispose (object);
}

static void
palp_checkout_dialog_finalize (GObject *object)
{
  PalpCheckoutDialog *self = (PalpCheckoutDialog *) object;

  g_clear_pointer (&self->visit_ids, g_array_unref);
  g_clear_pointer (&self->unconfirmed, g_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (palp_checkout_dialog_parent_class)->finalize (object);
}

static void
palp_checkout_dialog_class_init (PalpCheckoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_checkout_dialog_dispose;
  object_class->finalize = palp_checkout_dialog_finalize;

  /* Emitted with the new receipts (a GListModel of PalpReceipt). */
  signals[SIGNAL_ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-checkout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, receipts_group);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, payment_group);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, pay_switch);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, PalpCheckoutDialog, payment_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_payment_changed_cb);

  gtk_widget_class_install_action (widget_class, "checkout.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palp_checkout_dialog_init (PalpCheckoutDialog *self)
{
  self->visit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unconfirmed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new ();
  self->amount_ok = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
}

PalpCheckoutDialog *
palp_checkout_dialog_new (GtkWindow    *parent,
                          PalpStore    *store,
                          PalpUser     *user,
                          const gint64 *visit_ids,
                          guint         n_visits)
{
  PalpCheckoutDialog *self;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);
  g_return_val_if_fail (visit_ids != NULL || n_visits == 0, NULL);

  self = g_object_new (PALP_TYPE_CHECKOUT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user = user ? g_object_ref (user) : NULL;
  g_array_append_vals (self->visit_ids, visit_ids, n_visits);
  reload (self);
  return self;
}
