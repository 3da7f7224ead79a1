/* palp-today-page.c: the day's visits, check-in and check-out
 *
 * The front desk's page: one group per practitioner with the day's
 * visits in time order, each with its status and what can be done next
 * (attended or no-show, then check out); the balances owed by the day's
 * clients; and the older visits still waiting for a receipt, so that a
 * visit checked out late is never forgotten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-chart-window.h"
#include "palp-preview-window.h"
#include "palp-today-page.h"
#include "palp-ui-util.h"

/* Older visits listed as not yet receipted: enough for a busy month. */
#define MAX_PENDING 50

enum
{
  SIGNAL_OPEN_CLIENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _PalpTodayPage
{
  GtkWidget            parent_instance;

  PalpStore           *store;
  PalpUser            *user;
  PalpClinic          *clinic;
  char                *date;
  gboolean             dirty;
  GListModel          *visits;
  GListStore          *pending;
  GListModel          *last_receipts;
  GPtrArray           *group_rows;    /* rows added to balances and pending */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *date_label;
  AdwStatusPage       *empty_page;
  GtkBox              *day_box;
  AdwPreferencesGroup *balances_group;
  AdwPreferencesGroup *pending_group;
  AdwPreferencesGroup *unsigned_group;
};

G_DEFINE_FINAL_TYPE (PalpTodayPage, palp_today_page, GTK_TYPE_WIDGET)

static void
toast (PalpTodayPage *self,
       const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A status in words, with the pill style that repeats it in colour. */
static GtkWidget *
status_pill (PalpVisit *visit)
{
  const char *status = palp_visit_get_string (visit, "status");
  gboolean done = palp_visit_get_int (visit, "unreceipted") == 0 &&
                  palp_visit_get_string (visit, "categories") != NULL;
  const char *text, *style = NULL;
  GtkWidget *pill;

  if (g_strcmp0 (status, "attended") == 0)
    text = done ? _("Checked out") : _("Attended"), style = done ? "dim-label" : "accent";
  else if (g_strcmp0 (status, "no-show") == 0)
    text = _("No-show"), style = "warning";
  else if (g_strcmp0 (status, "cancelled") == 0)
    text = _("Cancelled"), style = "dim-label";
  else
    text = _("Booked");

  pill = gtk_label_new (text);
  gtk_widget_add_css_class (pill, "palp-flag");
  if (style != NULL)
    gtk_widget_add_css_class (pill, style);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  return pill;
}

static char *
visit_time (PalpVisit *visit)
{
  const char *starts = palp_visit_get_string (visit, "starts-at");

  return g_strdup (starts && strlen (starts) >= 16 ? starts + 11 : "");
}

/* Why a visit cannot be checked out, or NULL when it can. */
static const char *
checkout_blocked (PalpVisit *visit)
{
  const char *status = palp_visit_get_string (visit, "status");

  if (g_strcmp0 (status, "attended") != 0 && g_strcmp0 (status, "no-show") != 0)
    return _("Mark the visit attended (or a no-show) before checking it out.");
  if (palp_visit_get_string (visit, "categories") == NULL)
    return _("This visit has no services to receipt yet.");
  if (palp_visit_get_int (visit, "unreceipted") == 0)
    return _("Everything on this visit is receipted.");
  return NULL;
}

static GtkWidget *
checkout_button (PalpVisit *visit)
{
  const char *status = palp_visit_get_string (visit, "status");
  const char *blocked = checkout_blocked (visit);
  g_autofree char *label = NULL;
  GtkWidget *button;

  /* A booked visit is checked in first: when the client arrives. */
  if (g_strcmp0 (status, "booked") == 0)
    {
      button = gtk_button_new_with_mnemonic (_("Check _In"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.mark-attended");
      label = g_strdup_printf (_("Check in %s"), palp_visit_get_string (visit, "client-name"));
      gtk_widget_set_tooltip_text (button, _("Mark the visit attended"));
    }
  else
    {
      button = gtk_button_new_with_mnemonic (_("_Check Out"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.check-out");
      /* Each row has one: the name says whose visit it checks out. */
      label = g_strdup_printf (_("Check out %s"), palp_visit_get_string (visit, "client-name"));
      if (blocked != NULL)
        {
          gtk_widget_set_sensitive (button, FALSE);
          gtk_widget_set_tooltip_text (button, blocked);
        }
      else
        gtk_widget_add_css_class (button, "suggested-action");
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    palp_visit_get_int (visit, "id"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
visit_menu_button (PalpVisit *visit)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  gint64 id = palp_visit_get_int (visit, "id");
  const char *status = palp_visit_get_string (visit, "status");
  GtkWidget *button;

  if (g_strcmp0 (status, "attended") != 0)
    {
      item = g_menu_item_new (_("Mark _Attended"), NULL);
      g_menu_item_set_action_and_target_value (item, "today.mark-attended",
                                               g_variant_new_int64 (id));
      g_menu_append_item (section, item);
      g_clear_object (&item);
    }
  if (g_strcmp0 (status, "no-show") != 0 && g_strcmp0 (status, "attended") != 0)
    {
      item = g_menu_item_new (_("Mark _No-Show"), NULL);
      g_menu_item_set_action_and_target_value (item, "today.mark-no-show",
                                               g_variant_new_int64 (id));
      g_menu_append_item (section, item);
      g_clear_object (&item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (g_strcmp0 (status, "attended") == 0 || g_strcmp0 (status, "booked") == 0)
    {
      item = g_menu_item_new (_("Write _Note and Chart"), NULL);
      g_menu_item_set_action_and_target_value (item, "today.open-note",
                                               g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  item = g_menu_item_new (_("_Open Client"), NULL);
  g_menu_item_set_action_and_target_value (item, "today.open-client",
                                           g_variant_new_int64 (palp_visit_get_int (visit,
                                                                                    "client-id")));
  g_menu_append_item (menu, item);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More for this visit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More for this visit"), -1);
  return button;
}

static GtkWidget *
visit_row (PalpTodayPage *self,
           PalpVisit     *visit,
           gboolean       with_date)
{
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *categories = palp_ui_format_categories (palp_visit_get_string (visit,
                                                                                  "categories"));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gint64 left = palp_visit_get_int (visit, "unreceipted");
  GtkWidget *row = adw_action_row_new ();

  if (with_date)
    when = palp_ui_format_local_time (palp_visit_get_string (visit, "starts-at"),
                                      palp_ui_country (self->clinic));
  else
    when = visit_time (visit);
  title = g_strdup_printf ("%s · %s", when ? when : "",
                           palp_visit_get_string (visit, "client-name"));
  if (with_date)
    g_string_append (subtitle, palp_visit_get_string (visit, "practitioner-name"));
  if (categories != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", categories);
  else
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("No services yet"));
  if (left > 0 && (g_strcmp0 (palp_visit_get_string (visit, "status"), "attended") == 0 ||
                   g_strcmp0 (palp_visit_get_string (visit, "status"), "no-show") == 0))
    {
      g_autofree char *count = g_strdup_printf (ngettext ("%u service to receipt",
                                                          "%u services to receipt",
                                                          (gulong) left), (guint) left);

      g_string_append_printf (subtitle, " · %s", count);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_pill (visit));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), checkout_button (visit));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), visit_menu_button (visit));
  return row;
}

static void
clear_group_rows (PalpTodayPage *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
add_group_row (PalpTodayPage       *self,
               AdwPreferencesGroup *group,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, row);
}

static void
update_date_label (PalpTodayPage *self)
{
  g_autofree char *today = palp_date_today_iso ();
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (palp_date_parse_iso (self->date, &date))
    {
      char buf[128];

      /* Translators: a weekday and a date, as in strftime(). */
      if (g_date_strftime (buf, sizeof buf, _("%A, %B %-d, %Y"), &date) > 0)
        day = g_strdup (buf);
    }
  if (g_strcmp0 (today, self->date) == 0)
    text = g_strdup_printf (_("Today, %s"), day ? day : self->date);
  else
    text = g_strdup (day ? day : self->date);
  gtk_label_set_text (self->date_label, text);
}

static GtkWidget *
unsigned_row (PalpTodayPage *self,
              PalpVisit     *visit)
{
  g_autofree char *when = palp_ui_format_local_time (palp_visit_get_string (visit, "starts-at"),
                                                     palp_ui_country (self->clinic));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Write Note"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 palp_visit_get_string (visit, "client-name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when ? when : "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.open-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", palp_visit_get_int (visit, "id"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

/* Unsigned notes, one expander per practitioner, the signed-in user's
 * first and open. */
static void
load_unsigned (PalpTodayPage *self)
{
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GHashTable) expanders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 me = self->user ? palp_user_get_id (self->user) : 0;
  guint n;

  visits = palp_store_list_unsigned_visits (self->store, 0, NULL);
  n = visits ? g_list_model_get_n_items (visits) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      gint64 *practitioner = g_new (gint64, 1);
      GtkWidget *expander;

      *practitioner = palp_visit_get_int (visit, "practitioner-id");
      expander = g_hash_table_lookup (expanders, practitioner);
      if (expander == NULL)
        {
          expander = adw_expander_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                         palp_visit_get_string (visit, "practitioner-name"));
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), *practitioner == me);
          g_hash_table_insert (expanders, practitioner, expander);
          g_object_set_data (G_OBJECT (expander), "count", GUINT_TO_POINTER (0));
          if (*practitioner == me)
            g_array_prepend_val (order, *practitioner);
          else
            g_array_append_val (order, *practitioner);
        }
      else
        g_free (practitioner);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), unsigned_row (self, visit));
      g_object_set_data (G_OBJECT (expander), "count",
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander),
                                                                                "count")) + 1));
    }
  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);
      GtkWidget *expander = g_hash_table_lookup (expanders, &id);
      guint count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (expander), "count"));
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u unsigned note",
                                                             "%u unsigned notes", count), count);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      add_group_row (self, self->unsigned_group, expander);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unsigned_group), n > 0);
}

static void
load_day (PalpTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) clients = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) client_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwPreferencesGroup *group = NULL;
  gint64 practitioner = -1;
  GtkWidget *child;
  guint n;

  update_date_label (self);
  clear_group_rows (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_box))))
    gtk_box_remove (self->day_box, child);
  g_clear_object (&self->visits);
  g_list_store_remove_all (self->pending);
  self->dirty = FALSE;

  if (self->store == NULL)
    return;

  g_clear_object (&self->clinic);
  self->clinic = palp_store_load_clinic (self->store, NULL);

  self->visits = palp_store_list_visits_on (self->store, self->date, &error);
  if (self->visits == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Day Cannot Be Shown"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
      return;
    }

  /* One group per practitioner: the store lists them in that order. */
  n = g_list_model_get_n_items (self->visits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (self->visits, i);
      gint64 client_id = palp_visit_get_int (visit, "client-id");

      if (palp_visit_get_int (visit, "practitioner-id") != practitioner)
        {
          g_autofree char *count = NULL;
          guint n_theirs = 0;

          practitioner = palp_visit_get_int (visit, "practitioner-id");
          for (guint j = i; j < n; j++)
            {
              g_autoptr(PalpVisit) other = g_list_model_get_item (self->visits, j);

              if (palp_visit_get_int (other, "practitioner-id") != practitioner)
                break;
              n_theirs++;
            }
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group,
                                           palp_visit_get_string (visit, "practitioner-name"));
          count = g_strdup_printf (ngettext ("%u visit", "%u visits", n_theirs), n_theirs);
          adw_preferences_group_set_description (group, count);
          gtk_box_append (self->day_box, GTK_WIDGET (group));
        }
      adw_preferences_group_add (group, visit_row (self, visit, FALSE));
      if (!g_hash_table_contains (clients, &client_id))
        {
          g_array_append_val (client_order, client_id);
          g_hash_table_add (clients, &g_array_index (client_order, gint64,
                                                     client_order->len - 1));
        }
    }
  adw_status_page_set_title (self->empty_page, _("No Visits This Day"));
  adw_status_page_set_description (self->empty_page,
                                   _("Visits booked for this day will be listed here, by "
                                     "practitioner, ready to check in and check out."));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->day_box), n > 0);

  /* Balances of the day's clients. */
  gtk_widget_set_visible (GTK_WIDGET (self->balances_group), FALSE);
  for (guint i = 0; i < client_order->len; i++)
    {
      gint64 client_id = g_array_index (client_order, gint64, i);
      gint64 balance = palp_store_client_balance (self->store, client_id, NULL);
      g_autoptr(PalpClient) client = NULL;
      g_autofree char *name = NULL, *amount = NULL, *subtitle = NULL;
      GtkWidget *row, *button;

      if (balance <= 0 || !(client = palp_store_load_client (self->store, client_id, NULL)))
        continue;
      name = palp_client_dup_display_name (client);
      amount = palp_money_format (balance, palp_ui_currency (self->clinic), palp_ui_language ());
      subtitle = g_strdup_printf (_("Owes %s"), amount);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = gtk_button_new_from_icon_name ("go-next-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open Client"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open client"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "today.open-client");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", client_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      add_group_row (self, self->balances_group, row);
      gtk_widget_set_visible (GTK_WIDGET (self->balances_group), TRUE);
    }

  /* Other days' visits with something left to receipt, newest first. */
  all = palp_store_list_unreceipted_visits (self->store, self->date, MAX_PENDING, NULL);
  n = all ? g_list_model_get_n_items (all) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (all, i);

      g_list_store_append (self->pending, visit);
      add_group_row (self, self->pending_group, visit_row (self, visit, TRUE));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->pending_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->pending)) > 0);
  load_unsigned (self);
}

void
palp_today_page_reload (PalpTodayPage *self)
{
  g_return_if_fail (PALP_IS_TODAY_PAGE (self));

  /* Hidden pages wait until they are shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_day (self);
  else
    self->dirty = TRUE;
}

void
palp_today_page_set_store (PalpTodayPage *self,
                           PalpStore     *store,
                           PalpUser      *user)
{
  g_return_if_fail (PALP_IS_TODAY_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
  palp_today_page_reload (self);
}

void
palp_today_page_set_date (PalpTodayPage *self,
                          const char    *date)
{
  g_return_if_fail (PALP_IS_TODAY_PAGE (self));

  g_free (self->date);
  self->date = date ? g_strdup (date) : palp_date_today_iso ();
  palp_today_page_reload (self);
}

const char *
palp_today_page_get_date (PalpTodayPage *self)
{
  g_return_val_if_fail (PALP_IS_TODAY_PAGE (self), NULL);
  return self->date;
}

GListModel *
palp_today_page_get_visits (PalpTodayPage *self)
{
  g_return_val_if_fail (PALP_IS_TODAY_PAGE (self), NULL);
  return self->visits;
}

GListModel *
palp_today_page_get_pending (PalpTodayPage *self)
{
  g_return_val_if_fail (PALP_IS_TODAY_PAGE (self), NULL);
  return G_LIST_MODEL (self->pending);
}

/* Check-out */

static void
open_receipts (PalpTodayPage *self,
               GListModel    *receipts)
{
  g_autoptr(GError) error = NULL;
  PalpPreviewWindow *preview;

  preview = palp_preview_window_new_for_receipts (palp_ui_parent_window (GTK_WIDGET (self)), self->store, receipts,
                                                  &error);
  if (preview == NULL)
    toast (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (preview));
}

static void
on_issued_cb (PalpCheckoutDialog *dialog,
              GListModel         *receipts,
              PalpTodayPage      *self)
{
  guint n = g_list_model_get_n_items (receipts);
  g_autofree char *message = NULL;
  AdwToast *t;

  g_set_object (&self->last_receipts, receipts);
  if (n == 1)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, 0);

      message = g_strdup_printf (_("Receipt %s issued"), palp_receipt_get_string (r, "number"));
    }
  else if (n == 2)
    {
      g_autoptr(PalpReceipt) a = g_list_model_get_item (receipts, 0);
      g_autoptr(PalpReceipt) b = g_list_model_get_item (receipts, 1);

      message = g_strdup_printf (_("Receipts %s and %s issued"),
                                 palp_receipt_get_string (a, "number"),
                                 palp_receipt_get_string (b, "number"));
    }
  else
    message = g_strdup_printf (ngettext ("%u receipt issued", "%u receipts issued", n), n);

  t = adw_toast_new (message);
  adw_toast_set_button_label (t, _("_Open"));
  adw_toast_set_action_name (t, "today.open-last-receipts");
  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
  palp_today_page_reload (self);
}

PalpCheckoutDialog *
palp_today_page_check_out (PalpTodayPage *self,
                           gint64         visit_id)
{
  PalpCheckoutDialog *dialog;

  g_return_val_if_fail (PALP_IS_TODAY_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = palp_checkout_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store, self->user, &visit_id, 1);
  g_signal_connect_object (dialog, "issued", G_CALLBACK (on_issued_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
check_out_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  palp_today_page_check_out (PALP_TODAY_PAGE (widget), g_variant_get_int64 (param));
}

static void
open_last_receipts_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PalpTodayPage *self = PALP_TODAY_PAGE (widget);

  if (self->last_receipts != NULL)
    open_receipts (self, self->last_receipts);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpTodayPage *self = PALP_TODAY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = NULL;
  const char *status = g_str_equal (action_name, "today.mark-attended") ? "attended" : "no-show";

  if (self->store == NULL)
    return;
  if (!(visit = palp_store_load_visit (self->store, g_variant_get_int64 (param), &error)))
    {
      toast (self, error->message);
      return;
    }
  g_object_set (visit, "status", status, NULL);
  if (!palp_store_save_visit (self->store, visit, &error))
    toast (self, error->message);
  palp_today_page_reload (self);
}

/* Opens the visit's note and chart; Today is reloaded when it closes, as
 * the note may have been signed. */
GtkWindow *
palp_today_page_open_note (PalpTodayPage *self,
                           gint64         visit_id)
{
  g_autoptr(PalpVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  PalpChartWindow *window;

  g_return_val_if_fail (PALP_IS_TODAY_PAGE (self), NULL);

  visit = palp_store_load_visit (self->store, visit_id, &error);
  if (visit == NULL)
    {
      toast (self, error->message);
      return NULL;
    }
  window = palp_chart_window_new (self->store, self->clinic, self->user, visit);
  g_signal_connect_object (window, "destroy", G_CALLBACK (palp_today_page_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
open_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  palp_today_page_open_note (PALP_TODAY_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
open_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_signal_emit (widget, signals[SIGNAL_OPEN_CLIENT], 0, g_variant_get_int64 (param));
}

static void
day_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PalpTodayPage *self = PALP_TODAY_PAGE (widget);
  GDate date;

  if (g_str_equal (action_name, "today.today") || !palp_date_parse_iso (self->date, &date))
    {
      palp_today_page_set_date (self, NULL);
      return;
    }
  if (g_str_equal (action_name, "today.next-day"))
    g_date_add_days (&date, 1);
  else
    g_date_subtract_days (&date, 1);
  {
    g_autofree char *iso = palp_date_to_iso (&date);

    palp_today_page_set_date (self, iso);
  }
}

static void
palp_today_page_map (GtkWidget *widget)
{
  PalpTodayPage *self = PALP_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (palp_today_page_parent_class)->map (widget);
  if (self->dirty)
    load_day (self);
}

static void
palp_today_page_dispose (GObject *object)
{
  PalpTodayPage *self = (PalpTodayPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_TODAY_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_object (&self->visits);
  g_clear_object (&self->pending);
  g_clear_object (&self->last_receipts);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (palp_today_page_parent_class)->dispose (object);
}

static void
palp_today_page_finalize (GObject *object)
{
  PalpTodayPage *self = (PalpTodayPage *) object;

  g_free (self->date);

  G_OBJECT_CLASS (palp_today_page_parent_class)->finalize (object);
}

static void
palp_today_page_class_init (PalpTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_today_page_dispose;
  object_class->finalize = palp_today_page_finalize;
  widget_class->map = palp_today_page_map;

  signals[SIGNAL_OPEN_CLIENT] = g_signal_new ("open-client", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, day_box);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, balances_group);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, pending_group);
  gtk_widget_class_bind_template_child (widget_class, PalpTodayPage, unsigned_group);

  gtk_widget_class_install_action (widget_class, "today.check-out", "x", check_out_action);
  gtk_widget_class_install_action (widget_class, "today.mark-attended", "x", mark_action);
  gtk_widget_class_install_action (widget_class, "today.mark-no-show", "x", mark_action);
  gtk_widget_class_install_action (widget_class, "today.open-client", "x", open_client_action);
  gtk_widget_class_install_action (widget_class, "today.open-note", "x", open_note_action);
  gtk_widget_class_install_action (widget_class, "today.open-last-receipts", NULL,
                                   open_last_receipts_action);
  gtk_widget_class_install_action (widget_class, "today.previous-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.next-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.today", NULL, day_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "today.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "today.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "today.today", NULL);
}

static void
palp_today_page_init (PalpTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->date = palp_date_today_iso ();
  self->pending = g_list_store_new (PALP_TYPE_VISIT);
  self->group_rows = g_ptr_array_new ();
  self->dirty = TRUE;
}
