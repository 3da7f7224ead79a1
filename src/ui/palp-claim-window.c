/* palp-claim-window.c: one insurance claim, from draft to closed
 *
 * Everything on the page is read again from the store after each action,
 * so what is shown is what the store holds: a draft's lines can have
 * their units corrected (the store checks them against the minutes the
 * notes document, and the error shows on the line), pre-flight lists
 * every problem in words and Mark Ready stays off, saying why, until there
 * are none. A sent claim is never edited: it is answered, appealed,
 * followed up, replaced or voided, each an action the header offers only
 * when the claim's status allows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-claim-window.h"
#include "palp-date.h"
#include "palp-doc-claim.h"
#include "palp-doc-letter.h"
#include "palp-preview-window.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-letters.h"
#include "palp-store-security.h"
#include "palp-ui-util.h"

/* The submission methods, in the order of the Submit dialog's row. */
static const char * const methods[] = { "paper", "electronic", "fax", "portal" };

struct _PalpClaimWindow
{
  AdwWindow          parent_instance;

  PalpStore         *store;
  PalpUser          *user;
  PalpClinic        *clinic;
  GSettings         *settings;
  gint64             claim_id;
  PalpClaim         *claim;
  PalpClaimStatus    status;
  GListModel        *lines;
  GPtrArray         *problems;    /* NULL for a sent claim */
  char              *line_error;  /* the last refused change of a line */
  guint              rebuild_id;
  AdwMessageDialog  *dialog;      /* weak */
  GtkWindow         *opened;      /* weak */

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *title;
  GtkWidget         *primary_button;
  GtkWidget         *page_holder;
  GtkWidget         *page;
};

G_DEFINE_FINAL_TYPE (PalpClaimWindow, palp_claim_window, ADW_TYPE_WINDOW)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean reload (PalpClaimWindow *self,
                        GError         **error);

/* Small helpers */

static void
toast (PalpClaimWindow *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static PalpCountry
country (PalpClaimWindow *self)
{
  return palp_ui_country (self->clinic);
}

static char *
short_date (PalpClaimWindow *self,
            const char      *iso)
{
  char *text = iso ? palp_date_format_short (iso, country (self)) : NULL;

  return text ? text : g_strdup (iso ? iso : "");
}

static const char *
str (PalpClaim  *claim,
     const char *name)
{
  return palp_claim_get_string (claim, name);
}

static const char *
method_label (const char *method)
{
  if (g_strcmp0 (method, "paper") == 0)
    return _("Paper");
  if (g_strcmp0 (method, "electronic") == 0)
    return _("Electronic");
  if (g_strcmp0 (method, "fax") == 0)
    return _("Fax");
  if (g_strcmp0 (method, "portal") == 0)
    return _("Payer portal");
  return method ? method : "";
}

static void
changed (PalpClaimWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!reload (self, &error))
    toast (self, error->message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
present_opened (PalpClaimWindow *self,
                GtkWindow       *window)
{
  g_set_weak_pointer (&self->opened, window);
  gtk_window_present (window);
}

/* A date typed as the clinic writes it, or ISO; NULL when it is neither. */
static char *
parse_date (PalpClaimWindow *self,
            const char      *text)
{
  GDate date;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  if (!palp_date_parse_user (trimmed, country (self), &date))
    return NULL;
  return palp_date_to_iso (&date);
}

static char *
today_text (PalpClaimWindow *self)
{
  g_autofree char *today = palp_date_today_iso ();

  return short_date (self, today);
}

/* Rows of the dialogs */

/* The dialog's reason for refusing goes once its rows are edited. */
static void
on_row_changed_cb (GtkEditable *row,
                   GtkWidget   *error)
{
  gtk_widget_set_visible (error, FALSE);
}

static GtkWidget *
entry_row (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *error = g_object_get_data (G_OBJECT (group), "palp-error");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (error != NULL)
    g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), error, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static const char *
row_text (AdwMessageDialog *dialog,
          const char       *key)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);

  return row ? gtk_editable_get_text (row) : NULL;
}

/* NULL for an empty row, else its text without the spaces around it. */
static char *
row_value (AdwMessageDialog *dialog,
           const char       *key)
{
  g_autofree char *text = g_strstrip (g_strdup (row_text (dialog, key) ? row_text (dialog, key)
                                                                        : ""));

  return *text ? g_steal_pointer (&text) : NULL;
}

static gboolean
present_dialog_idle_cb (gpointer data)
{
  gtk_window_present (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static gboolean
destroy_dialog_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* A message dialog closes itself after any response. It only hides
 * (hide-on-close), so that a refused one comes back as it was, with the
 * reason; the others are destroyed once closed. */
static void
on_dialog_response_after_cb (AdwMessageDialog *dialog,
                             const char       *response)
{
  gboolean keep = g_object_get_data (G_OBJECT (dialog), "palp-keep") != NULL;

  g_object_set_data (G_OBJECT (dialog), "palp-keep", NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT, keep ? present_dialog_idle_cb : destroy_dialog_idle_cb,
                   g_object_ref (dialog), g_object_unref);
}

static AdwMessageDialog *
action_dialog (PalpClaimWindow *self,
               const char      *heading,
               const char      *body,
               const char      *response,
               const char      *response_label,
               GCallback        callback)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_after_cb), NULL);
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Refused input keeps the dialog open, with the reason under its rows. */
static void
dialog_error (AdwMessageDialog *dialog,
              const char       *message)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "palp-error");

  if (label == NULL)
    return;
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static GtkWidget *
dialog_group (AdwMessageDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), error);
  g_object_set_data (G_OBJECT (dialog), "palp-error", error);
  g_object_set_data (G_OBJECT (group), "palp-error", error);
  adw_message_dialog_set_extra_child (dialog, box);
  return group;
}

/* A response that was refused: the dialog is shown again, keeping what
 * was typed (see on_dialog_response_after_cb()). */
static void
keep_open (AdwMessageDialog *dialog)
{
  g_object_set_data (G_OBJECT (dialog), "palp-keep", GINT_TO_POINTER (1));
}

/* Mark ready and back to draft */

static void
mark_ready_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!palp_store_mark_claim_ready (self->store, self->claim_id, &error))
    {
      toast (self, error->message);
      changed (self);
      return;
    }
  message = g_strdup_printf (_("Claim %s is ready to submit"), str (self->claim, "number"));
  toast (self, message);
  changed (self);
}

static void
set_status (PalpClaimWindow *self,
            PalpClaimStatus  status,
            const char      *done)
{
  g_autoptr(GError) error = NULL;

  if (!palp_store_set_claim_status (self->store, self->claim_id, status, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, done);
  changed (self);
}

static void
to_draft_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  set_status (PALP_CLAIM_WINDOW (widget), PALP_CLAIM_DRAFT, _("Back to draft"));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  set_status (PALP_CLAIM_WINDOW (widget), PALP_CLAIM_CLOSED, _("Claim closed"));
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpClaimWindow  *self)
{
  if (g_str_equal (response, "discard"))
    set_status (self, PALP_CLAIM_VOID, _("Claim discarded; its visits can be claimed again"));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = action_dialog (self, _("Discard This Claim?"),
                          _("It was never sent: it is kept as void, and its visits can go on "
                            "another claim."),
                          "discard", _("_Discard claim"), G_CALLBACK (on_discard_response_cb));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Submit */

static void
on_submit_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PalpClaimWindow  *self)
{
  AdwComboRow *method = g_object_get_data (G_OBJECT (dialog), "palp-method");
  g_autofree char *on = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  if (!g_str_equal (response, "submit"))
    return;
  if (!(on = parse_date (self, row_text (dialog, "palp-on"))))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the day it was sent as a date, e.g. today's."));
      return;
    }
  i = MIN (adw_combo_row_get_selected (method), G_N_ELEMENTS (methods) - 1);
  if (!palp_store_submit_claim (self->store, self->claim_id, on, methods[i], &error))
    {
      keep_open (dialog);
      dialog_error (dialog, error->message);
      return;
    }
  message = g_strdup_printf (_("Claim %s submitted"), str (self->claim, "number"));
  toast (self, message);
  changed (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = today_text (self);
  AdwMessageDialog *dialog;
  GtkWidget *group, *method;

  dialog = action_dialog (self, NULL,
                          _("Once submitted, the claim is kept as it was sent and never "
                            "changed: a mistake is corrected by a replacement claim."),
                          "submit", _("_Submit"), G_CALLBACK (on_submit_response_cb));
  adw_message_dialog_format_heading (dialog, _("Submit Claim %s"), str (self->claim, "number"));
  group = dialog_group (dialog);
  g_object_set_data (G_OBJECT (dialog), "palp-on", entry_row (group, _("Sent _on"), today));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    gtk_string_list_append (labels, method_label (methods[i]));
  method = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (method), _("_Method"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (method), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (method), G_LIST_MODEL (labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), method);
  g_object_set_data (G_OBJECT (dialog), "palp-method", method);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The payer's answer: payment line by line, or a denial */

static void
on_payment_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpClaimWindow  *self)
{
  guint n = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  g_autofree PalpClaimLinePayment *payments = g_new0 (PalpClaimLinePayment, MAX (n, 1));
  g_autofree char *on = NULL;
  g_autofree char *reference = row_value (dialog, "palp-reference");
  g_autofree char *reason = row_value (dialog, "palp-reason");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  PalpClaimStatus status;

  if (!g_str_equal (response, "record"))
    return;
  if (!(on = parse_date (self, row_text (dialog, "palp-on"))))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the day of the payer's answer as a date."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (self->lines, i);
      g_autofree char *paid_key = g_strdup_printf ("palp-paid-%u", i);
      g_autofree char *adjusted_key = g_strdup_printf ("palp-adjusted-%u", i);
      g_autofree char *paid = row_value (dialog, paid_key);
      g_autofree char *adjusted = row_value (dialog, adjusted_key);

      payments[i].line_id = palp_claim_line_get_int (line, "id");
      if ((paid && !palp_money_parse (paid, palp_ui_language (), &payments[i].paid_cents,
                                      &error)) ||
          (adjusted && !palp_money_parse (adjusted, palp_ui_language (),
                                          &payments[i].adjusted_cents, &error)))
        {
          g_autofree char *text = g_strdup_printf (_("Line %u: %s"), i + 1, error->message);

          keep_open (dialog);
          dialog_error (dialog, text);
          return;
        }
    }
  if (!palp_store_record_claim_payment (self->store, self->claim_id, payments, n, reference,
                                        reason, on, &status, &error))
    {
      keep_open (dialog);
      dialog_error (dialog, error->message);
      return;
    }
  /* Translators: the claim's number and its new status: "Claim CLM-00001 is now Paid". */
  message = g_strdup_printf (_("Claim %s is now %s"), str (self->claim, "number"),
                             palp_claim_status_get_label (status));
  toast (self, message);
  changed (self);
}

static void
payment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autofree char *today = today_text (self);
  guint n = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  AdwMessageDialog *dialog;
  GtkWidget *group, *lines_group;

  dialog = action_dialog (self, NULL,
                          _("What the payer paid for each line, and what it wrote off by "
                            "contract. Nothing paid at all is a denial, with its reason."),
                          "record", _("_Record answer"), G_CALLBACK (on_payment_response_cb));
  adw_message_dialog_format_heading (dialog, _("Payment on Claim %s"),
                                     str (self->claim, "number"));
  group = dialog_group (dialog);
  g_object_set_data (G_OBJECT (dialog), "palp-on", entry_row (group, _("Answered _on"), today));
  g_object_set_data (G_OBJECT (dialog), "palp-reference",
                     entry_row (group, _("Payer's _reference"), str (self->claim,
                                                                     "payer-reference")));
  g_object_set_data (G_OBJECT (dialog), "palp-reason",
                     entry_row (group, _("Denial reason (when nothing is paid)"), NULL));

  /* The lines under the answer's own rows, in the same extra child. */
  lines_group = adw_preferences_group_new ();
  g_object_set_data (G_OBJECT (lines_group), "palp-error",
                     g_object_get_data (G_OBJECT (dialog), "palp-error"));
  gtk_widget_set_margin_top (lines_group, 12);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (lines_group), _("Lines"));
  {
    /* Six lines make twelve rows: they scroll, the dialog stays on screen. */
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 300);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), lines_group);
    gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (group)), scroller, group);
  }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (self->lines, i);
      g_autofree char *charge = palp_ui_format_money (self->clinic, palp_claim_line_get_int (line, "charge-cents"));
      gint64 was_paid = palp_claim_line_get_int (line, "paid-cents");
      g_autofree char *paid = palp_money_format_number (was_paid > 0 ? was_paid
                                                        : palp_claim_line_get_int (line,
                                                                                   "charge-cents"),
                                                        palp_ui_language ());
      g_autofree char *adjusted = palp_money_format_number (palp_claim_line_get_int (line,
                                                                                     "adjusted-cents"),
                                                            palp_ui_language ());
      g_autofree char *paid_title = NULL;
      g_autofree char *adjusted_title = NULL;
      g_autofree char *paid_key = g_strdup_printf ("palp-paid-%u", i);
      g_autofree char *adjusted_key = g_strdup_printf ("palp-adjusted-%u", i);

      /* Translators: "Line 1 · 97140 · $90.00 billed: paid". */
      paid_title = g_strdup_printf (_("Line %u · %s · %s billed: paid"), i + 1,
                                    palp_claim_line_get_string (line, "code"), charge);
      adjusted_title = g_strdup_printf (_("Line %u: written off"), i + 1);
      g_object_set_data (G_OBJECT (dialog), paid_key,
                         entry_row (lines_group, paid_title, paid));
      g_object_set_data (G_OBJECT (dialog), adjusted_key,
                         entry_row (lines_group, adjusted_title, adjusted));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_deny_reason_changed_cb (GtkEditable      *row,
                           AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  adw_message_dialog_set_response_enabled (dialog, "deny", *reason != '\0');
}

static void
on_deny_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PalpClaimWindow  *self)
{
  g_autofree char *reason = row_value (dialog, "palp-reason");
  g_autofree char *reference = row_value (dialog, "palp-reference");
  g_autofree char *deadline_text = row_value (dialog, "palp-deadline");
  g_autofree char *on = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "deny"))
    return;
  if (!(on = parse_date (self, row_text (dialog, "palp-on"))))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the day of the denial as a date."));
      return;
    }
  if (deadline_text != NULL && !(deadline = parse_date (self, deadline_text)))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the appeal deadline as a date, or leave it empty for the "
                              "clinic's usual time to appeal."));
      return;
    }
  if (!palp_store_deny_claim (self->store, self->claim_id, reason, reference, on, deadline,
                              &error))
    {
      keep_open (dialog);
      dialog_error (dialog, error->message);
      return;
    }
  message = g_strdup_printf (_("Denial of claim %s recorded"), str (self->claim, "number"));
  toast (self, message);
  changed (self);
}

static void
deny_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autofree char *today = today_text (self);
  AdwMessageDialog *dialog;
  GtkWidget *group, *reason;

  dialog = action_dialog (self, NULL,
                          _("The whole claim was refused: nothing paid. The appeal deadline "
                            "is the payer's, or the clinic's usual time when left empty."),
                          "deny", _("_Record denial"), G_CALLBACK (on_deny_response_cb));
  adw_message_dialog_format_heading (dialog, _("Denial of Claim %s"), str (self->claim, "number"));
  adw_message_dialog_set_response_appearance (dialog, "deny", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "deny", FALSE);
  group = dialog_group (dialog);
  reason = entry_row (group, _("_Reason given by the payer"), NULL);
  g_signal_connect (reason, "changed", G_CALLBACK (on_deny_reason_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "palp-reason", reason);
  g_object_set_data (G_OBJECT (dialog), "palp-reference",
                     entry_row (group, _("Payer's re_ference"), str (self->claim,
                                                                     "payer-reference")));
  g_object_set_data (G_OBJECT (dialog), "palp-on", entry_row (group, _("Denied _on"), today));
  g_object_set_data (G_OBJECT (dialog), "palp-deadline",
                     entry_row (group, _("_Appeal by (optional)"), NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

/* Appeal */

static void
on_appeal_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PalpClaimWindow  *self)
{
  g_autofree char *deadline_text = row_value (dialog, "palp-deadline");
  g_autofree char *on = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "letter"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "claim.appeal-letter", NULL);
      keep_open (dialog);
      return;
    }
  if (!g_str_equal (response, "appeal"))
    return;
  if (!(on = parse_date (self, row_text (dialog, "palp-on"))))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the day the appeal was sent as a date."));
      return;
    }
  if (deadline_text != NULL && !(deadline = parse_date (self, deadline_text)))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the new deadline as a date, or leave it as it is."));
      return;
    }
  if (!palp_store_appeal_claim (self->store, self->claim_id, on, deadline, &error))
    {
      keep_open (dialog);
      dialog_error (dialog, error->message);
      return;
    }
  message = g_strdup_printf (_("Appeal of claim %s recorded"), str (self->claim, "number"));
  toast (self, message);
  changed (self);
}

static void
appeal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autofree char *today = today_text (self);
  g_autofree char *deadline = short_date (self, str (self->claim, "appeal-deadline"));
  AdwMessageDialog *dialog;
  GtkWidget *group;

  dialog = action_dialog (self, NULL, NULL, "appeal", _("_Record appeal"),
                          G_CALLBACK (on_appeal_response_cb));
  adw_message_dialog_format_heading (dialog, _("Appeal Claim %s"), str (self->claim, "number"));
  if (str (self->claim, "denial-reason") != NULL)
    adw_message_dialog_format_body (dialog, _("Denied: %s. Send the appeal letter with its "
                                              "evidence, then record the day it was sent."),
                                    str (self->claim, "denial-reason"));
  adw_message_dialog_add_response (dialog, "letter", _("Appeal _Letter…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.appeal-letter", TRUE);
  group = dialog_group (dialog);
  g_object_set_data (G_OBJECT (dialog), "palp-on", entry_row (group, _("Appeal sent _on"), today));
  g_object_set_data (G_OBJECT (dialog), "palp-deadline",
                     entry_row (group, _("_Deadline"), deadline));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The appeal letter: the claim, the denial, the case from the record,
 * and the progress report and notes as further pages (palp-doc-letter.h),
 * to print or save; with @issue, kept as issued with the claim (and then
 * never changed) before it is shown. */
static GtkWindow *
appeal_letter (PalpClaimWindow  *self,
               gboolean          issue,
               GError          **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpPolicy) policy = NULL;
  g_autoptr(PalpPayer) payer = NULL;
  g_autoptr(PalpLetter) letter = palp_letter_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  PalpPreviewWindow *preview;

  if (!(document = palp_store_load_client_document (self->store,
                                                    palp_claim_get_int (self->claim, "client-id"),
                                                    error)))
    return NULL;
  policy = palp_store_load_policy (self->store, palp_claim_get_int (self->claim, "policy-id"),
                                   NULL);
  payer = palp_store_load_payer (self->store, palp_claim_get_int (self->claim, "payer-id"), NULL);
  if (!(pdf = palp_doc_appeal_prepare (document, self->claim, self->lines, policy, payer, letter,
                                       error)))
    return NULL;
  if (issue)
    {
      g_autofree char *message = NULL;

      if (!palp_store_issue_letter (self->store, letter, pdf, error))
        return NULL;
      message = g_strdup_printf (_("Appeal of claim %s issued and kept"),
                                 str (self->claim, "number"));
      toast (self, message);
      changed (self);
    }
  title = g_strdup_printf (_("Appeal of Claim %s"), str (self->claim, "number"));
  file = g_strdup_printf ("appeal-%s.pdf", str (self->claim, "number"));
  preview = palp_preview_window_new (GTK_WINDOW (self), title, file, pdf);
  present_opened (self, GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
on_restricted_appeal_response_cb (AdwMessageDialog *dialog,
                                  const char       *response,
                                  PalpClaimWindow  *self)
{
  g_autoptr(GError) error = NULL;
  gboolean issue = g_str_equal (response, "issue");

  if (!issue && !g_str_equal (response, "preview"))
    return;
  if (appeal_letter (self, issue, &error) == NULL)
    toast (self, error->message);
}

/* The notes follow the reader's role (palp-permissions.h): for an admin the
 * clinic does not let read them, their text prints as "Restricted", which
 * leaves an appeal without its best evidence. Say so, and where the clinic
 * decides, before the letter is made. */
static void
appeal_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  gboolean issue = g_str_equal (action_name, "claim.issue-appeal");
  g_autoptr(GError) error = NULL;

  if (!palp_store_may_read_narrative (self->store, NULL))
    {
      AdwMessageDialog *dialog;

      dialog = action_dialog (self, _("Notes Print as Restricted"),
                              _("The notes attached to the appeal print as “Restricted” for you, "
                                "and an appeal is stronger with them in full. An admin of the "
                                "clinic can let admins read notes in Preferences, Security; or "
                                "the treating practitioner can print the notes."),
                              issue ? "issue" : "preview",
                              issue ? _("_Issue Anyway") : _("_Preview Anyway"),
                              G_CALLBACK (on_restricted_appeal_response_cb));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (appeal_letter (self, issue, &error) == NULL)
    toast (self, error->message);
}

/* Follow-ups */

static void
on_follow_up_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PalpClaimWindow  *self)
{
  g_autoptr(PalpClaimFollowUp) follow_up = palp_claim_follow_up_new ();
  g_autofree char *day = NULL;
  g_autofree char *time = row_value (dialog, "palp-time");
  g_autofree char *said = row_value (dialog, "palp-said");
  g_autofree char *next_text = row_value (dialog, "palp-next");
  g_autofree char *next = NULL;
  g_autofree char *at = NULL;
  g_autofree char *representative = row_value (dialog, "palp-representative");
  g_autofree char *reference = row_value (dialog, "palp-reference");
  g_autoptr(GError) error = NULL;
  guint hour = 0, minute = 0;
  char tail;

  if (!g_str_equal (response, "add"))
    return;
  if (!(day = parse_date (self, row_text (dialog, "palp-day"))))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the day of the call as a date."));
      return;
    }
  if (time == NULL || sscanf (time, "%u:%u%c", &hour, &minute, &tail) != 2 || hour > 23 ||
      minute > 59)
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the time as HH:MM, e.g. 14:30."));
      return;
    }
  if (next_text != NULL && !(next = parse_date (self, next_text)))
    {
      keep_open (dialog);
      dialog_error (dialog, _("Give the next follow-up as a date, or leave it empty."));
      return;
    }
  if (said == NULL)
    {
      keep_open (dialog);
      dialog_error (dialog, _("Say what the payer said."));
      return;
    }
  at = g_strdup_printf ("%s %02u:%02u:00", day, hour, minute);
  g_object_set (follow_up,
                "claim-id", self->claim_id,
                "contacted-at", at,
                "representative", representative,
                "reference", reference,
                "said", said,
                "next-on", next,
                NULL);
  if (!palp_store_add_claim_follow_up (self->store, follow_up, &error))
    {
      keep_open (dialog);
      dialog_error (dialog, error->message);
      return;
    }
  toast (self, _("Follow-up recorded"));
  changed (self);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autofree char *today = today_text (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  AdwMessageDialog *dialog;
  GtkWidget *group, *said;

  dialog = action_dialog (self, NULL,
                          _("A call or message to the payer about this claim, for the log."),
                          "add", _("_Add to log"), G_CALLBACK (on_follow_up_response_cb));
  adw_message_dialog_format_heading (dialog, _("Follow-up on Claim %s"),
                                     str (self->claim, "number"));
  group = dialog_group (dialog);
  g_object_set_data (G_OBJECT (dialog), "palp-day", entry_row (group, _("_Date"), today));
  g_object_set_data (G_OBJECT (dialog), "palp-time", entry_row (group, _("_Time"), time));
  g_object_set_data (G_OBJECT (dialog), "palp-representative",
                     entry_row (group, _("_Representative"), NULL));
  g_object_set_data (G_OBJECT (dialog), "palp-reference",
                     entry_row (group, _("Call _reference"), NULL));
  said = entry_row (group, _("What was _said"), NULL);
  g_object_set_data (G_OBJECT (dialog), "palp-said", said);
  g_object_set_data (G_OBJECT (dialog), "palp-next",
                     entry_row (group, _("_Next follow-up (optional)"), NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Replace and void a sent claim */

static void
open_other_claim (PalpClaimWindow *self,
                  PalpClaim       *claim)
{
  g_autoptr(GError) error = NULL;
  PalpClaimWindow *window;

  window = palp_claim_window_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->store,
                                  self->user, palp_claim_get_int (claim, "id"), &error);
  if (window == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* Whoever listens to this window hears of the new claim too. */
  g_signal_connect_object (window, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  present_opened (self, GTK_WINDOW (window));
}

static void
on_correct_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpClaimWindow  *self)
{
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean replace = g_str_equal (response, "replace");

  if (!replace && !g_str_equal (response, "void"))
    return;
  claim = replace ? palp_store_replace_claim (self->store, self->claim_id, &error)
                  : palp_store_void_claim (self->store, self->claim_id, &error);
  if (claim == NULL)
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (replace ? _("Replacement claim %s drafted")
                                     : _("Voiding claim %s drafted"),
                             palp_claim_get_string (claim, "number"));
  toast (self, message);
  changed (self);
  open_other_claim (self, claim);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  gboolean replace = g_str_equal (action_name, "claim.replace");
  AdwMessageDialog *dialog;

  if (replace)
    {
      dialog = action_dialog (self, NULL,
                              _("A new draft with the same lines and diagnoses, to correct and "
                                "send with resubmission code 7 and this claim's reference. "
                                "Submitting it closes this claim."),
                              "replace", _("_Draft replacement"),
                              G_CALLBACK (on_correct_response_cb));
      adw_message_dialog_format_heading (dialog, _("Replace Claim %s?"),
                                        str (self->claim, "number"));
    }
  else
    {
      dialog = action_dialog (self, NULL,
                              _("A voiding claim (resubmission code 8) with this claim's "
                                "reference, to send the payer. Submitting it voids this "
                                "claim."),
                              "void", _("_Draft void"), G_CALLBACK (on_correct_response_cb));
      adw_message_dialog_format_heading (dialog, _("Void Claim %s?"), str (self->claim, "number"));
      adw_message_dialog_set_response_appearance (dialog, "void", ADW_RESPONSE_DESTRUCTIVE);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The claim form */

GtkWindow *
palp_claim_window_preview_form (PalpClaimWindow  *self,
                                GError          **error)
{
  g_autoptr(PalpClaimForm) form = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  PalpDocClaimOptions options;
  PalpPreviewWindow *preview;

  g_return_val_if_fail (PALP_IS_CLAIM_WINDOW (self), NULL);

  palp_doc_claim_options_from_settings (self->settings, &options);
  if (!(form = palp_store_load_claim_form (self->store, self->claim_id, error)) ||
      !(pdf = palp_doc_claim_render (form, &options, error)))
    return NULL;
  title = g_strdup_printf (_("Claim %s"), str (self->claim, "number"));
  file = g_strdup_printf ("%s.pdf", str (self->claim, "number"));
  preview = palp_preview_window_new (GTK_WINDOW (self), title, file, pdf);
  present_opened (self, GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (palp_claim_window_preview_form (self, &error) == NULL)
    toast (self, error->message);
}

/* Lines: units corrected while a draft */

static gboolean
rebuild_idle_cb (gpointer data)
{
  PalpClaimWindow *self = PALP_CLAIM_WINDOW (data);
  g_autoptr(GError) error = NULL;

  self->rebuild_id = 0;
  if (!reload (self, &error))
    toast (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
on_units_changed_cb (GtkSpinButton   *spin,
                     PalpClaimWindow *self)
{
  PalpClaimLine *line = g_object_get_data (G_OBJECT (spin), "palp-line");
  gint64 units = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (units == palp_claim_line_get_int (line, "units"))
    return;
  g_object_set (line, "units", units, NULL);
  g_clear_pointer (&self->line_error, g_free);
  if (!palp_store_update_claim_line (self->store, line, &error))
    {
      self->line_error = g_strdup_printf (_("Line %u: %s"),
                                          (guint) palp_claim_line_get_int (line, "position") + 1,
                                          error->message);
    }
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  /* The spin button is rebuilt from the store, after its own signal. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild_idle_cb,
                                        g_object_ref (self), g_object_unref);
}

static GtkWidget *
line_row (PalpClaimWindow *self,
          PalpClaimLine   *line,
          guint            index,
          gboolean         editable,
          gboolean         sent)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = short_date (self, palp_claim_line_get_string (line, "service-on"));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *charge = palp_ui_format_money (self->clinic, palp_claim_line_get_int (line, "charge-cents"));
  g_autofree char *price = palp_ui_format_money (self->clinic, palp_claim_line_get_int (line, "unit-price-cents"));
  g_autofree char *minutes = NULL;
  const char *modifiers = palp_claim_line_get_string (line, "modifiers");
  const char *pointers = palp_claim_line_get_string (line, "pointers");
  gint64 units = palp_claim_line_get_int (line, "units");
  gint64 documented = palp_claim_line_get_int (line, "minutes");
  GtkWidget *amount;

  /* Translators: a claim line: "11/02/2026 · 97140 GP". */
  title = g_strdup_printf (_("%s · %s%s%s"), day, palp_claim_line_get_string (line, "code"),
                           modifiers ? " " : "", modifiers ? modifiers : "");
  if (documented > 0)
    minutes = g_strdup_printf (_("%d min documented"), (int) documented);
  else
    minutes = g_strdup (_("untimed"));
  {
    g_autoptr(GString) spaced = g_string_new (NULL);

    for (const char *p = pointers; p != NULL && *p != '\0'; p++)
      g_string_append_printf (spaced, "%s%c", spaced->len > 0 ? " " : "", *p);
    /* Translators: a claim line's details: the diagnoses it points at, the
     * minutes its note documents and the price of a unit: "Dx A B · 38 min
     * documented · $45.00/unit". */
    subtitle = g_strdup_printf (_("Dx %s · %s · %s/unit"),
                                spaced->len > 0 ? spaced->str : "—", minutes, price);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (editable)
    {
      /* Upper bound: the store decides what the minutes support; this
       * only keeps the arrows in reach of it. */
      GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX (units, documented / 8 + 1), 1);
      g_autofree char *name = g_strdup_printf (_("Units of line %u"), index + 1);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) units);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (spin, _("Units billed, no more than the documented minutes "
                                           "support"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data_full (G_OBJECT (spin), "palp-line", g_object_ref (line), g_object_unref);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_units_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      amount = gtk_label_new (charge);
    }
  else
    {
      g_autofree char *text = NULL;

      if (sent)
        {
          g_autofree char *paid = palp_ui_format_money (self->clinic, palp_claim_line_get_int (line, "paid-cents"));

          /* Translators: "2 units · $90.00\n$72.00 paid". */
          text = g_strdup_printf (ngettext ("%d unit · %s\n%s paid", "%d units · %s\n%s paid",
                                            (gulong) units), (int) units, charge, paid);
        }
      else
        text = g_strdup_printf (ngettext ("%d unit · %s", "%d units · %s", (gulong) units),
                                (int) units, charge);
      amount = gtk_label_new (text);
      gtk_label_set_justify (GTK_LABEL (amount), GTK_JUSTIFY_RIGHT);
    }
  gtk_widget_add_css_class (amount, "numeric");
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_widget_set_size_request (amount, 96, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  return row;
}

/* The page */

static GtkWidget *
info_row (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value && *value ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Wraps only what is longer than this: names and numbers stay on one line. */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (value ? value : "", -1), 52));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  if (value == NULL || *value == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
add_preflight (PalpClaimWindow *self,
               GtkWidget       *page)
{
  GtkWidget *group;

  if (self->problems == NULL)
    return;
  if (self->problems->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      group = new_group (page, _("Pre-flight"), NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     self->status == PALP_CLAIM_DRAFT
                                     ? _("Nothing found that a payer would deny: the claim can "
                                         "be marked ready")
                                     : _("Nothing found that a payer would deny"));
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      return;
    }
  group = new_group (page, _("Pre-flight"),
                     _("A payer would deny the claim for each of these. Mark Ready stays off "
                       "until every one is fixed in the record, then the claim is checked "
                       "again."));
  for (guint i = 0; i < self->problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_ptr_array_index (self->problems, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_object_set (row, "title-lines", 0, NULL);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problem"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/* Box 21 in one row: "A M54.42 · B S39.012A". */
static void
add_diagnoses (PalpClaimWindow *self,
               GtkWidget       *group)
{
  g_auto(GStrv) codes = palp_store_claim_diagnoses (self->store, self->claim_id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *row;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%c %s", i > 0 ? " · " : "", 'A' + i, codes[i]);
  row = info_row (group, _("Diagnoses (box 21)"), text->len > 0 ? text->str : NULL);
  if (text->len == 0)
    gtk_widget_add_css_class (row, "error");
}

static void
add_details (PalpClaimWindow *self,
             GtkWidget       *page)
{
  PalpClaim *c = self->claim;
  g_autoptr(PalpPolicy) policy = palp_store_load_policy (self->store,
                                                        palp_claim_get_int (c, "policy-id"),
                                                        NULL);
  GtkWidget *group = new_group (page, _("Claim"), NULL);
  g_autofree char *policy_text = NULL;
  g_autofree char *referring = NULL;
  g_autofree char *service = NULL;
  const char *pos = str (c, "place-of-service");

  info_row (group, _("Client"), str (c, "client-name"));
  info_row (group, _("Payer"), str (c, "payer-name"));
  if (policy != NULL)
    {
      const char *group_number = palp_policy_get_string (policy, "group-number");
      const char *claim_number = palp_policy_get_string (policy, "claim-number");
      GString *text = g_string_new (NULL);

      /* Translators: a policy's member id. */
      g_string_append_printf (text, _("Member %s"), palp_policy_get_string (policy, "member-id"));
      if (group_number != NULL)
        g_string_append_printf (text, _(" · group %s"), group_number);
      if (claim_number != NULL)
        /* Translators: an auto or workers' compensation claim number. */
        g_string_append_printf (text, _(" · claim %s"), claim_number);
      g_string_append_printf (text, " · %s",
                              g_strcmp0 (palp_policy_get_string (policy, "priority"),
                                         "secondary") == 0 ? _("secondary") : _("primary"));
      policy_text = g_string_free (text, FALSE);
    }
  info_row (group, _("Policy"), policy_text);
  {
    g_autofree char *a = short_date (self, str (c, "first-service-on"));
    g_autofree char *b = short_date (self, str (c, "last-service-on"));

    service = g_strcmp0 (str (c, "first-service-on"), str (c, "last-service-on")) == 0 ||
              str (c, "last-service-on") == NULL
              ? g_strdup (a) : g_strdup_printf (_("%s – %s"), a, b);
  }
  info_row (group, _("Dates of service"), service);
  add_diagnoses (self, group);
  {
    g_autofree char *pos_text = NULL;

    if (g_strcmp0 (pos, "11") == 0)
      pos_text = g_strdup_printf (_("%s · office"), pos);
    else if (g_strcmp0 (pos, "12") == 0)
      pos_text = g_strdup_printf (_("%s · home"), pos);
    else if (g_strcmp0 (pos, "02") == 0 || g_strcmp0 (pos, "10") == 0)
      pos_text = g_strdup_printf (_("%s · telehealth"), pos);
    else
      pos_text = g_strdup (pos);
    info_row (group, _("Place of service"), pos_text);
  }
  if (str (c, "referring-name") != NULL)
    referring = str (c, "referring-npi") != NULL
                ? g_strdup_printf (_("%s · NPI %s"), str (c, "referring-name"),
                                   str (c, "referring-npi"))
                : g_strdup (str (c, "referring-name"));
  info_row (group, _("Referring provider"), referring);
  info_row (group, _("Authorisation"), str (c, "authorisation-number"));
  if (str (c, "resubmission-code") != NULL)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_strcmp0 (str (c, "resubmission-code"), "7") == 0
                              ? _("Replacement (code 7) of %s") : _("Void (code 8) of %s"),
                              str (c, "original-reference"));
      info_row (group, _("Resubmission"), text);
    }
}

/* Where a sent claim stands: first, above its lines. */
static void
add_status (PalpClaimWindow *self,
            GtkWidget       *page)
{
  PalpClaim *c = self->claim;
  GtkWidget *group;

  if (str (c, "submitted-on") == NULL)
    return;
  group = new_group (page, _("Status"), NULL);
  if (str (c, "submitted-on") != NULL)
    {
      g_autofree char *day = short_date (self, str (c, "submitted-on"));
      g_autofree char *text = g_strdup_printf (_("%s · %s"), day,
                                               method_label (str (c, "submitted-method")));

      info_row (group, _("Submitted"), text);
    }
  if (str (c, "payer-reference") != NULL)
    info_row (group, _("Payer's reference"), str (c, "payer-reference"));
  if (str (c, "denial-reason") != NULL)
    {
      g_autofree char *day = short_date (self, str (c, "responded-on"));
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), str (c, "denial-reason"), day);
      GtkWidget *row = info_row (group, _("Denied"), text);

      gtk_widget_add_css_class (row, "error");
    }
  if (str (c, "appeal-deadline") != NULL && str (c, "appealed-on") == NULL)
    {
      g_autofree char *day = short_date (self, str (c, "appeal-deadline"));

      info_row (group, _("Appeal by"), day);
    }
  if (str (c, "appealed-on") != NULL)
    {
      g_autofree char *day = short_date (self, str (c, "appealed-on"));

      info_row (group, _("Appealed"), day);
    }
}

static void
add_lines (PalpClaimWindow *self,
           GtkWidget       *page)
{
  gboolean editable = palp_claim_status_is_editable (self->status) &&
                      palp_ui_user_may (self->user, PALP_ACTION_BUILD_CLAIMS, 0, NULL);
  gboolean sent = !palp_claim_status_is_editable (self->status);
  guint n = g_list_model_get_n_items (self->lines);
  g_autofree char *charge = palp_ui_format_money (self->clinic, palp_claim_get_int (self->claim, "charge-cents"));
  g_autofree char *paid = palp_ui_format_money (self->clinic, palp_claim_get_int (self->claim, "paid-cents"));
  g_autofree char *adjusted = palp_ui_format_money (self->clinic, palp_claim_get_int (self->claim, "adjusted-cents"));
  g_autofree char *total = NULL;
  GtkWidget *group, *row, *label;

  group = new_group (page, _("Service Lines"),
                     editable ? _("Units come from the minutes the notes document, by the "
                                  "payer's unit rule; they can be lowered, never raised past "
                                  "what the minutes support.")
                              : NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (self->lines, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 line_row (self, line, i, editable, sent));
    }
  if (self->line_error != NULL)
    {
      label = gtk_label_new (self->line_error);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_set_name (label, "line-error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
    }
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Total"));
  if (sent)
    /* Translators: "$180.00 billed · $144.00 paid · $20.00 written off". */
    total = g_strdup_printf (_("%s billed · %s paid · %s written off"), charge, paid, adjusted);
  else
    total = g_strdup (charge);
  label = gtk_label_new (total);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_follow_ups (PalpClaimWindow *self,
                GtkWidget       *page)
{
  g_autoptr(GListModel) follow_ups = palp_store_list_claim_follow_ups (self->store,
                                                                      self->claim_id, NULL);
  guint n = follow_ups ? g_list_model_get_n_items (follow_ups) : 0;
  GtkWidget *group, *button;

  if (palp_claim_status_is_editable (self->status) && n == 0)
    return;
  group = new_group (page, _("Follow-up Log"),
                     _("Every call or message to the payer about the claim."));
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claim.follow-up");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add a follow-up"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a follow-up"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimFollowUp) f = g_list_model_get_item (follow_ups, i);
      const char *at = palp_claim_follow_up_get_string (f, "contacted-at");
      const char *rep = palp_claim_follow_up_get_string (f, "representative");
      const char *ref = palp_claim_follow_up_get_string (f, "reference");
      const char *next = palp_claim_follow_up_get_string (f, "next-on");
      g_autofree char *day = at ? palp_ui_format_local_time (at, country (self)) : NULL;
      g_autoptr(GString) title = g_string_new (day ? day : at);
      g_autoptr(GString) subtitle = g_string_new (palp_claim_follow_up_get_string (f, "said"));
      GtkWidget *row = adw_action_row_new ();

      if (rep != NULL)
        g_string_append_printf (title, " · %s", rep);
      if (ref != NULL)
        /* Translators: a call's reference number with the payer. */
        g_string_append_printf (title, _(" · ref. %s"), ref);
      if (next != NULL)
        {
          g_autofree char *next_day = short_date (self, next);

          g_string_append_printf (subtitle, _("\nNext follow-up: %s"), next_day);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_object_set (row, "subtitle-lines", 0, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No follow-ups yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
on_letter_activated_cb (AdwActionRow    *row,
                        PalpClaimWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "palp-letter-id"));
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;

  if (!(pdf = palp_store_load_letter_pdf (self->store, id, &error)))
    {
      toast (self, error->message);
      return;
    }
  title = g_strdup_printf (_("Appeal of Claim %s"), str (self->claim, "number"));
  file = g_strdup_printf ("appeal-%s.pdf", str (self->claim, "number"));
  present_opened (self, GTK_WINDOW (palp_preview_window_new (GTK_WINDOW (self), title, file,
                                                             pdf)));
}

/* The appeals issued for this claim, each reopened as it was issued. */
static void
add_letters (PalpClaimWindow *self,
             GtkWidget       *page)
{
  g_autoptr(GListModel) letters = palp_store_list_letters (self->store,
                                                          palp_claim_get_int (self->claim,
                                                                              "client-id"),
                                                          "appeal", NULL);
  GtkWidget *group = NULL;

  for (guint i = 0; letters != NULL && i < g_list_model_get_n_items (letters); i++)
    {
      g_autoptr(PalpLetter) letter = g_list_model_get_item (letters, i);
      g_autofree char *day = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (palp_record_get_int (PALP_RECORD (letter), "claim-id") != self->claim_id)
        continue;
      if (group == NULL)
        group = new_group (page, _("Appeal Letters"),
                           _("As issued: kept, never changed."));
      day = short_date (self, palp_record_get_string (PALP_RECORD (letter), "issued-on"));
      /* Translators: an issued letter: "Issued 11/29/2026". */
      title = g_strdup_printf (_("Issued %s"), day);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   palp_record_get_string (PALP_RECORD (letter), "prescriber"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the letter as issued"));
      g_object_set_data (G_OBJECT (row), "palp-letter-id",
                         GSIZE_TO_POINTER (palp_record_get_int (PALP_RECORD (letter), "id")));
      g_signal_connect (row, "activated", G_CALLBACK (on_letter_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_history (PalpClaimWindow *self,
             GtkWidget       *page)
{
  g_auto(GStrv) history = palp_store_claim_history (self->store, self->claim_id, NULL);
  GtkWidget *group;

  if (history == NULL || history[0] == NULL)
    return;
  group = new_group (page, _("History"), NULL);
  for (guint i = 0; history[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (history[i], "|", 2);
      PalpClaimStatus status;
      g_autofree char *when = NULL;

      if (parts[0] == NULL || !palp_claim_status_from_string (parts[0], &status, NULL))
        continue;
      when = parts[1] ? palp_ui_format_local_time (parts[1], country (self)) : NULL;
      info_row (group, palp_claim_status_get_label (status), when ? when : parts[1]);
    }
}

static void
update_actions (PalpClaimWindow *self)
{
  gboolean may = palp_ui_user_may (self->user, PALP_ACTION_BUILD_CLAIMS, 0, NULL);
  PalpClaimStatus s = self->status;
  gboolean open = palp_claim_status_is_open (s);
  gboolean sent = !palp_claim_status_is_editable (s) && s != PALP_CLAIM_VOID;
  gboolean corrected = palp_claim_get_string (self->claim, "resubmission-code") != NULL;
  gboolean problems = self->problems != NULL && self->problems->len > 0;
  GtkWidget *button = self->primary_button;
  const char *label = NULL, *action = NULL, *tooltip = NULL;
  g_autofree char *why = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.mark-ready",
                                 may && s == PALP_CLAIM_DRAFT && !problems);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.to-draft", may && s == PALP_CLAIM_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.submit", may && s == PALP_CLAIM_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.payment",
                                 may && (s == PALP_CLAIM_SUBMITTED || s == PALP_CLAIM_APPEALED ||
                                         s == PALP_CLAIM_PARTIALLY_PAID));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.deny",
                                 may && (s == PALP_CLAIM_SUBMITTED || s == PALP_CLAIM_APPEALED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.appeal",
                                 may && (s == PALP_CLAIM_DENIED || s == PALP_CLAIM_PARTIALLY_PAID));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.appeal-letter",
                                 may && (s == PALP_CLAIM_DENIED || s == PALP_CLAIM_PARTIALLY_PAID ||
                                         s == PALP_CLAIM_APPEALED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.issue-appeal",
                                 may && (s == PALP_CLAIM_DENIED || s == PALP_CLAIM_PARTIALLY_PAID ||
                                         s == PALP_CLAIM_APPEALED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.follow-up", may && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.replace",
                                 may && sent && s != PALP_CLAIM_CLOSED && !corrected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.void",
                                 may && sent && s != PALP_CLAIM_CLOSED && !corrected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.close",
                                 may && sent && palp_claim_status_can_move (s, PALP_CLAIM_CLOSED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.discard",
                                 may && palp_claim_status_is_editable (s));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.preview",
                                 g_list_model_get_n_items (self->lines) > 0);

  switch (s)
    {
    case PALP_CLAIM_DRAFT:
      label = _("Mark _Ready");
      action = "claim.mark-ready";
      if (problems)
        {
          why = g_strdup_printf (ngettext ("Fix the problem pre-flight found first",
                                           "Fix the %u problems pre-flight found first",
                                           self->problems->len), self->problems->len);
          tooltip = why;
        }
      else
        tooltip = _("Pre-flight found nothing: ready to submit");
      break;
    case PALP_CLAIM_READY:
      label = _("_Submit…");
      action = "claim.submit";
      tooltip = _("Record the day the claim was sent, and how");
      break;
    case PALP_CLAIM_SUBMITTED:
    case PALP_CLAIM_APPEALED:
    case PALP_CLAIM_PARTIALLY_PAID:
      label = _("Record _Payment…");
      action = "claim.payment";
      tooltip = _("The payer's answer, line by line");
      break;
    case PALP_CLAIM_DENIED:
      label = _("_Appeal…");
      action = "claim.appeal";
      tooltip = _("Appeal the denial before its deadline");
      break;
    case PALP_CLAIM_PAID:
      label = _("_Close Claim");
      action = "claim.close";
      tooltip = _("Nothing more is expected of the payer");
      break;
    case PALP_CLAIM_CLOSED:
    case PALP_CLAIM_VOID:
    default:
      break;
    }
  gtk_widget_set_visible (button, label != NULL);
  if (label != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (button), label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_widget_set_tooltip_text (button, tooltip);
    }
}

static gboolean
reload (PalpClaimWindow  *self,
        GError          **error)
{
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *page;

  if (!(claim = palp_store_load_claim (self->store, self->claim_id, error)) ||
      !(lines = palp_store_list_claim_lines (self->store, self->claim_id, error)))
    return FALSE;
  g_set_object (&self->claim, claim);
  g_set_object (&self->lines, lines);
  self->status = PALP_CLAIM_DRAFT;
  palp_claim_status_from_string (str (claim, "status"), &self->status, NULL);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (palp_claim_status_is_editable (self->status))
    self->problems = palp_store_preflight_claim (self->store, self->claim_id, NULL, NULL);

  title = g_strdup_printf (_("Claim %s"), str (claim, "number"));
  /* Translators: a claim window's subtitle: its status and client, "Draft · Reyes, Marcus". */
  subtitle = g_strdup_printf (_("%s · %s"), palp_claim_status_get_label (self->status),
                              str (claim, "client-name"));
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  add_preflight (self, page);
  add_status (self, page);
  add_lines (self, page);
  add_follow_ups (self, page);
  add_details (self, page);
  add_letters (self, page);
  add_history (self, page);
  if (self->page != NULL)
    gtk_box_remove (GTK_BOX (self->page_holder), self->page);
  self->page = page;
  gtk_box_append (GTK_BOX (self->page_holder), page);
  update_actions (self);
  return TRUE;
}

/* Public */

PalpClaimWindow *
palp_claim_window_new (GtkWindow  *parent,
                       PalpStore  *store,
                       PalpUser   *user,
                       gint64      claim_id,
                       GError    **error)
{
  PalpClaimWindow *self;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_CLAIM_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user = user ? g_object_ref (user) : NULL;
  self->clinic = palp_store_load_clinic (store, NULL);
  self->claim_id = claim_id;
  if (!reload (self, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

PalpClaim *
palp_claim_window_get_claim (PalpClaimWindow *self)
{
  g_return_val_if_fail (PALP_IS_CLAIM_WINDOW (self), NULL);
  return self->claim;
}

GPtrArray *
palp_claim_window_get_problems (PalpClaimWindow *self)
{
  g_return_val_if_fail (PALP_IS_CLAIM_WINDOW (self), NULL);
  return self->problems;
}

AdwMessageDialog *
palp_claim_window_get_dialog (PalpClaimWindow *self)
{
  g_return_val_if_fail (PALP_IS_CLAIM_WINDOW (self), NULL);
  return self->dialog;
}

GtkWindow *
palp_claim_window_get_opened (PalpClaimWindow *self)
{
  g_return_val_if_fail (PALP_IS_CLAIM_WINDOW (self), NULL);
  return self->opened;
}

static void
palp_claim_window_dispose (GObject *object)
{
  PalpClaimWindow *self = (PalpClaimWindow *) object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->opened);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_object (&self->settings);
  g_clear_object (&self->claim);
  g_clear_object (&self->lines);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->line_error, g_free);

  G_OBJECT_CLASS (palp_claim_window_parent_class)->dispose (object);
}

static void
palp_claim_window_class_init (PalpClaimWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_claim_window_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "claim.mark-ready", NULL, mark_ready_action);
  gtk_widget_class_install_action (widget_class, "claim.to-draft", NULL, to_draft_action);
  gtk_widget_class_install_action (widget_class, "claim.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "claim.payment", NULL, payment_action);
  gtk_widget_class_install_action (widget_class, "claim.deny", NULL, deny_action);
  gtk_widget_class_install_action (widget_class, "claim.appeal", NULL, appeal_action);
  gtk_widget_class_install_action (widget_class, "claim.appeal-letter", NULL,
                                   appeal_letter_action);
  gtk_widget_class_install_action (widget_class, "claim.issue-appeal", NULL,
                                   appeal_letter_action);
  gtk_widget_class_install_action (widget_class, "claim.follow-up", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "claim.replace", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "claim.void", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "claim.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "claim.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "claim.preview", NULL, preview_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "claim.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

/* Back from fixing the record (Preferences, the client's plan), a
 * draft's pre-flight is checked again. */
static void
on_active_changed_cb (PalpClaimWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_window_is_active (GTK_WINDOW (self)) || self->claim == NULL ||
      !palp_claim_status_is_editable (self->status) || self->rebuild_id != 0)
    return;
  if (!reload (self, &error))
    toast (self, error->message);
}

static GMenuModel *
actions_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) answer = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) correct = g_menu_new ();

  g_menu_append (answer, _("Record _Payment…"), "claim.payment");
  g_menu_append (answer, _("Record _Denial…"), "claim.deny");
  g_menu_append (answer, _("_Appeal…"), "claim.appeal");
  g_menu_append (answer, _("Appeal _Letter…"), "claim.appeal-letter");
  g_menu_append (answer, _("_Issue Appeal Letter"), "claim.issue-appeal");
  g_menu_append (answer, _("Add _Follow-up…"), "claim.follow-up");
  g_menu_append (status, _("Back to _Draft"), "claim.to-draft");
  g_menu_append (status, _("_Close Claim"), "claim.close");
  g_menu_append (correct, _("_Replace Claim…"), "claim.replace");
  g_menu_append (correct, _("_Void Claim…"), "claim.void");
  g_menu_append (correct, _("D_iscard Claim…"), "claim.discard");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (answer));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (status));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (correct));
  return G_MENU_MODEL (menu);
}

static void
palp_claim_window_init (PalpClaimWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *preview = gtk_button_new_with_mnemonic (_("_Preview Claim Form"));
  GtkWidget *menu = gtk_menu_button_new ();
  g_autoptr(GMenuModel) model = actions_menu ();

  gtk_window_set_default_size (GTK_WINDOW (self), 800, 820);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 360);

  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema =
      source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL)
      self->settings = g_settings_new_full (schema, NULL, NULL);
  }

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Claim"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (preview), "claim.preview");
  gtk_widget_set_tooltip_text (preview, _("The CMS-1500 form as it will print (Ctrl+P)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), preview);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), model);
  gtk_widget_set_tooltip_text (menu, _("Claim Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claim actions"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  self->primary_button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->primary_button), TRUE);
  gtk_widget_add_css_class (self->primary_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->primary_button);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->page_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->page_holder, TRUE);
  adw_toast_overlay_set_child (self->toasts, self->page_holder);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);
}
