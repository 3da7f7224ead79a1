/* palp-claims-page.c: the Claims section: claims by status, their aging,
 * the follow-ups due and the appeal deadlines
 *
 * The admin's daily round: what is waiting on the payers and for how
 * long (the aging buckets over the open claims), whom to call today (the
 * follow-ups due) and which denials must be appealed soon. The list is the
 * store's query as it is, in a column view; each claim opens in its own
 * window (palp-claim-window.c), and the page reloads when one changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-claim-window.h"
#include "palp-claims-page.h"
#include "palp-date.h"
#include "palp-store-claims.h"
#include "palp-ui-util.h"

/* Every appeal still to make is listed, soonest first; those this close,
 * or past, are marked. */
#define DEADLINE_LIST_DAYS 3650
#define DEADLINE_NEAR_DAYS 30

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_CLIENT,
  COLUMN_PAYER,
  COLUMN_SERVICE,
  COLUMN_BILLED,
  COLUMN_PAID,
  COLUMN_STATUS,
  COLUMN_AGE,
} Column;

/* The list's columns, in order. */
static const struct
{
  const char        *title;
  Column             column;
  PalpUiColumnFlags  flags;
} column_specs[] = {
  { N_("Number"), COLUMN_NUMBER, PALP_UI_COLUMN_FIGURES },
  { N_("Client"), COLUMN_CLIENT, 0 },
  { N_("Payer"), COLUMN_PAYER, PALP_UI_COLUMN_EXPAND },
  { N_("Dates of Service"), COLUMN_SERVICE, 0 },
  { N_("Billed"), COLUMN_BILLED, PALP_UI_COLUMN_AMOUNT },
  { N_("Paid"), COLUMN_PAID, PALP_UI_COLUMN_AMOUNT },
  { N_("Status"), COLUMN_STATUS, 0 },
  { N_("Age"), COLUMN_AGE, PALP_UI_COLUMN_AMOUNT },
};

struct _PalpClaimsPage
{
  GtkWidget           parent_instance;

  PalpStore          *store;
  PalpUser           *user;
  PalpClinic         *clinic;
  GtkSingleSelection *selection;
  gboolean            dirty;
  char               *today;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *summary_label;
  GtkDropDown        *status_dropdown;
  GtkBox             *aging_box;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkListBox         *follow_ups_box;
  GtkListBox         *deadlines_box;
};

G_DEFINE_FINAL_TYPE (PalpClaimsPage, palp_claims_page, GTK_TYPE_WIDGET)

static void load (PalpClaimsPage *self);

static void
toast (PalpClaimsPage *self,
       const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
short_date (PalpClaimsPage *self,
            const char     *iso)
{
  char *text = iso ? palp_date_format_short (iso, palp_ui_country (self->clinic)) : NULL;

  return text ? text : g_strdup (iso ? iso : "");
}

/* Days from @from to @to (ISO dates); 0 when either is not a date. */
static gint64
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (from == NULL || to == NULL || !palp_date_parse_iso (from, &a) ||
      !palp_date_parse_iso (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

static PalpClaimStatus
claim_status (PalpClaim *claim)
{
  PalpClaimStatus status = PALP_CLAIM_DRAFT;

  palp_claim_status_from_string (palp_claim_get_string (claim, "status"), &status, NULL);
  return status;
}

static PalpClaim *
selected (PalpClaimsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* Columns */

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  PalpClaim *claim = gtk_list_item_get_item (item);
  PalpClaimsPage *self = g_object_get_data (G_OBJECT (factory), "palp-owner");
  PalpClaimStatus status = claim_status (claim);
  g_autofree char *text = NULL;
  gboolean warn = FALSE;

  switch (column)
    {
    case COLUMN_NUMBER:
      text = g_strdup (palp_claim_get_string (claim, "number"));
      break;
    case COLUMN_CLIENT:
      text = g_strdup (palp_claim_get_string (claim, "client-name"));
      break;
    case COLUMN_PAYER:
      text = g_strdup (palp_claim_get_string (claim, "payer-name"));
      break;
    case COLUMN_SERVICE:
      {
        const char *first = palp_claim_get_string (claim, "first-service-on");
        const char *last = palp_claim_get_string (claim, "last-service-on");
        g_autofree char *a = short_date (self, first);
        g_autofree char *b = short_date (self, last);

        if (last == NULL || g_strcmp0 (first, last) == 0)
          text = g_steal_pointer (&a);
        else
          /* Translators: the first and last dates of service of a claim. */
          text = g_strdup_printf (_("%s – %s"), a, b);
      }
      break;
    case COLUMN_BILLED:
      text = palp_ui_format_money (self->clinic, palp_claim_get_int (claim, "charge-cents"));
      break;
    case COLUMN_PAID:
      text = palp_ui_format_money (self->clinic, palp_claim_get_int (claim, "paid-cents"));
      break;
    case COLUMN_STATUS:
      text = g_strdup (palp_claim_status_get_label (status));
      warn = status == PALP_CLAIM_DENIED;
      break;
    case COLUMN_AGE:
      if (palp_claim_status_is_open (status))
        {
          gint64 days = days_between (palp_claim_get_string (claim, "submitted-on"), self->today);

          /* Translators: a claim's age, in days since it was submitted. */
          text = g_strdup_printf (ngettext ("%d day", "%d days", (gulong) MAX (days, 0)),
                                  (int) MAX (days, 0));
          warn = days > 90;
        }
      break;
    default:
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (status == PALP_CLAIM_VOID || status == PALP_CLAIM_CLOSED)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (warn)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

/* Opening a claim */

static void
on_claim_changed_cb (PalpClaimsPage *self)
{
  palp_claims_page_reload (self);
}

GtkWindow *
palp_claims_page_open_claim (PalpClaimsPage *self,
                             gint64          claim_id)
{
  g_autoptr(GError) error = NULL;
  PalpClaimWindow *window;

  g_return_val_if_fail (PALP_IS_CLAIMS_PAGE (self), NULL);

  window = palp_claim_window_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store, self->user, claim_id,
                                  &error);
  if (window == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  g_signal_connect_object (window, "changed", G_CALLBACK (on_claim_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpClaimsPage *self = PALP_CLAIMS_PAGE (widget);

  if (selected (self) != NULL)
    palp_claims_page_open_claim (self, palp_claim_get_int (selected (self), "id"));
}

static void
on_column_view_activate_cb (PalpClaimsPage *self,
                            guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "claims.open", NULL);
}

static void
on_side_row_activated_cb (AdwActionRow   *row,
                          PalpClaimsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "palp-claim-id"));

  palp_claims_page_open_claim (self, id);
}

/* Loading */

static GtkWidget *
aging_card (PalpClaimsPage     *self,
            PalpClaimAgeBucket  bucket,
            guint               n,
            gint64              cents)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (palp_claim_age_bucket_label (bucket));
  g_autofree char *amount_text = palp_ui_format_money (self->clinic, cents);
  g_autofree char *count_text = g_strdup_printf (ngettext ("%u claim", "%u claims", n), n);
  g_autofree char *spoken = NULL;
  GtkWidget *amount = gtk_label_new (amount_text);
  GtkWidget *count = gtk_label_new (count_text);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (title, 8);
  gtk_widget_set_margin_bottom (count, 8);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (amount, "title-3");
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (count, "caption");
  if (bucket == PALP_CLAIM_AGE_OVER_90 && n > 0)
    gtk_widget_add_css_class (amount, "warning");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), count);
  /* Translators: an aging bucket read out: "31–60 days: $240.00 in 2 claims". */
  spoken = g_strdup_printf (_("%s: %s in %s"), palp_claim_age_bucket_label (bucket),
                            amount_text, count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  return box;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)))
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
fill_side_list (PalpClaimsPage *self,
                GtkListBox     *box,
                GListModel     *claims,
                gboolean        deadlines,
                const char     *empty)
{
  guint n = claims ? g_list_model_get_n_items (claims) : 0;

  clear_box (GTK_WIDGET (box));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);
      const char *on = palp_claim_get_string (claim, deadlines ? "appeal-deadline"
                                                               : "follow-up-on");
      g_autofree char *day = short_date (self, on);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      gboolean past = on != NULL && g_strcmp0 (on, self->today) < 0;
      gboolean near = deadlines && days_between (self->today, on) <= DEADLINE_NEAR_DAYS;

      /* Translators: a claim's number and its client: "CLM-00003 · Reyes, Marcus". */
      title = g_strdup_printf (_("%s · %s"), palp_claim_get_string (claim, "number"),
                               palp_claim_get_string (claim, "client-name"));
      if (deadlines)
        subtitle = g_strdup_printf (past ? _("%s · deadline passed %s") : _("%s · appeal by %s"),
                                    palp_claim_get_string (claim, "payer-name"), day);
      else
        subtitle = g_strdup_printf (_("%s · due %s"), palp_claim_get_string (claim, "payer-name"),
                                    day);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (past || near)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, past ? "error" : "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          past ? _("Overdue") : _("Soon"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the claim"));
      g_object_set_data (G_OBJECT (row), "palp-claim-id",
                         GSIZE_TO_POINTER (palp_claim_get_int (claim, "id")));
      g_signal_connect (row, "activated", G_CALLBACK (on_side_row_activated_cb), self);
      gtk_list_box_append (box, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), empty);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (box, row);
    }
}

static const char *
filter_status (PalpClaimsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->status_dropdown);

  /* 0: every claim, then the statuses in their order. */
  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > PALP_CLAIM_N_STATUSES)
    return NULL;
  return palp_claim_status_to_string ((PalpClaimStatus) (i - 1));
}

static void
load (PalpClaimsPage *self)
{
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  PalpClaim *was = selected (self);
  gint64 was_id = was ? palp_claim_get_int (was, "id") : 0;
  PalpClaimAging aging = { 0 };
  gint64 outstanding = 0;
  guint n;

  self->dirty = FALSE;
  if (self->store == NULL)
    return;
  g_clear_object (&self->clinic);
  self->clinic = palp_store_load_clinic (self->store, NULL);
  g_free (self->today);
  self->today = palp_date_today_iso ();

  claims = palp_store_list_claims (self->store, filter_status (self), 0, &error);
  if (claims == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Claims Cannot Be Listed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  n = g_list_model_get_n_items (claims);
  gtk_single_selection_set_model (self->selection, claims);
  if (n == 0 && filter_status (self) != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Claims of This Status"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose another status, or All, above."));
    }
  else if (n == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Claims Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Claims built from a client's attended visits, on the "
                                         "client's Billing tab, will be listed here to check, "
                                         "print, submit and follow to payment."));
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  clear_box (GTK_WIDGET (self->aging_box));
  if (!palp_store_claims_aging (self->store, self->today, &aging, &error))
    {
      toast (self, error->message);
      g_clear_error (&error);
    }
  for (guint b = 0; b < PALP_CLAIM_N_AGE_BUCKETS; b++)
    {
      gtk_box_append (self->aging_box,
                      aging_card (self, b, aging.n_claims[b], aging.outstanding_cents[b]));
      outstanding += aging.outstanding_cents[b];
    }
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u claim", "%u claims", n), n);
    g_autofree char *total = palp_ui_format_money (self->clinic, outstanding);
    g_autofree char *summary = NULL;

    /* Translators: "12 claims · $840.00 outstanding". */
    summary = g_strdup_printf (_("%s · %s outstanding"), count, total);
    gtk_label_set_text (self->summary_label, summary);
  }

  follow_ups = palp_store_list_claims_to_follow_up (self->store, self->today, NULL);
  fill_side_list (self, self->follow_ups_box, follow_ups, FALSE, _("No follow-ups due"));
  deadlines = palp_store_list_appeal_deadlines (self->store, self->today, DEADLINE_LIST_DAYS,
                                                NULL);
  fill_side_list (self, self->deadlines_box, deadlines, TRUE, _("No appeal deadlines near"));

  for (guint i = 0; was_id != 0 && i < n; i++)
    {
      g_autoptr(PalpClaim) c = g_list_model_get_item (claims, i);

      if (palp_claim_get_int (c, "id") == was_id)
        gtk_single_selection_set_selected (self->selection, i);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.open", selected (self) != NULL);
}

static void
on_status_changed_cb (PalpClaimsPage *self)
{
  if (self->store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

void
palp_claims_page_reload (PalpClaimsPage *self)
{
  g_return_if_fail (PALP_IS_CLAIMS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

void
palp_claims_page_set_store (PalpClaimsPage *self,
                            PalpStore      *store,
                            PalpUser       *user)
{
  g_return_if_fail (PALP_IS_CLAIMS_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
  gtk_single_selection_set_model (self->selection, NULL);
  palp_claims_page_reload (self);
}

void
palp_claims_page_set_status (PalpClaimsPage *self,
                             const char     *status)
{
  PalpClaimStatus s;

  g_return_if_fail (PALP_IS_CLAIMS_PAGE (self));

  if (status == NULL || !palp_claim_status_from_string (status, &s, NULL))
    gtk_drop_down_set_selected (self->status_dropdown, 0);
  else
    gtk_drop_down_set_selected (self->status_dropdown, (guint) s + 1);
}

GListModel *
palp_claims_page_get_claims (PalpClaimsPage *self)
{
  g_return_val_if_fail (PALP_IS_CLAIMS_PAGE (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

static void
on_selection_changed_cb (PalpClaimsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.open", selected (self) != NULL);
}

static void
palp_claims_page_map (GtkWidget *widget)
{
  PalpClaimsPage *self = PALP_CLAIMS_PAGE (widget);

  GTK_WIDGET_CLASS (palp_claims_page_parent_class)->map (widget);
  if (self->dirty)
    load (self);
}

static void
palp_claims_page_dispose (GObject *object)
{
  PalpClaimsPage *self = (PalpClaimsPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_CLAIMS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (palp_claims_page_parent_class)->dispose (object);
}

static void
palp_claims_page_class_init (PalpClaimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_claims_page_dispose;
  widget_class->map = palp_claims_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-claims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, aging_box);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, follow_ups_box);
  gtk_widget_class_bind_template_child (widget_class, PalpClaimsPage, deadlines_box);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed_cb);

  gtk_widget_class_install_action (widget_class, "claims.open", NULL, open_action);
}

static void
palp_claims_page_init (PalpClaimsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty = TRUE;
  gtk_string_list_append (statuses, _("All claims"));
  for (guint i = 0; i < PALP_CLAIM_N_STATUSES; i++)
    gtk_string_list_append (statuses, palp_claim_status_get_label ((PalpClaimStatus) i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  for (gsize i = 0; i < G_N_ELEMENTS (column_specs); i++)
    palp_ui_append_label_column (self->column_view, _(column_specs[i].title), column_specs[i].column,
                                 column_specs[i].flags, self, G_CALLBACK (bind_cell_cb));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.open", FALSE);
}
