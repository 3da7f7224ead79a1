/* palp-window.c: the main window
 *
 * One window per clinic: who is using it, then the client list beside the
 * client page. The list shows the store's search result as it is (a
 * lazily loaded list model); searching replaces the model, never rebuilds
 * rows by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-audit-window.h"
#include "palp-backup-keeper.h"
#include "palp-billing-page.h"
#include "palp-client-editor.h"
#include "palp-client-page.h"
#include "palp-today-page.h"
#include "palp-ui-util.h"
#include "palp-window-private.h"
#include "palp-year-end-dialog.h"


G_DEFINE_FINAL_TYPE (PalpWindow, palp_window, ADW_TYPE_APPLICATION_WINDOW)

PalpStore *
palp_window_get_store (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return self->store;
}

PalpUser *
palp_window_get_user (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return self->user;
}

PalpBackupKeeper *
palp_window_get_backups (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return self->backups;
}

GListModel *
palp_window_get_clients (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_model (self->selection);
}

/* Pages not on screen stay hidden until first shown, so that nothing
 * styles or measures them before the first frame; GtkStack skips hidden
 * pages, so each is made visible before it is switched to. */
void
window_show_stack_page (GtkStack   *stack,
                        const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (stack, page);
}

void
palp_window_show_error (PalpWindow   *self,
                        const GError *error)
{
  g_return_if_fail (PALP_IS_WINDOW (self));

  adw_status_page_set_icon_name (self->message_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->message_page, _("The Clinic Cannot Be Opened"));
  adw_status_page_set_description (self->message_page, error ? error->message : NULL);
  window_show_stack_page (self->main_stack, "message");
  if (self->restore_button != NULL)
    gtk_widget_set_visible (self->restore_button, FALSE);
  g_clear_pointer (&self->failed_path, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  window_update_actions (self);
}

/* Client list */

/* One label per row, the name in bold over its details: GTK 4.8's list
 * view keeps some two hundred rows alive, built and styled before the
 * first frame, so every widget a row saves is felt at start-up and in
 * scrolling. Each line ellipsizes on its own. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (label, 6);
  /* 6, and the 2 that used to separate the two lines: rows keep their height. */
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  PalpWindow *self = PALP_WINDOW (user_data);
  PalpClient *client = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *display = palp_client_dup_display_name (client);
  g_autofree char *birth = NULL;
  g_autofree char *markup = NULL;
  const char *phone = palp_client_get_mobile_phone (client);

  birth = palp_date_format_short (palp_client_get_birth_date (client),
                                  self->clinic ? palp_clinic_get_country_enum (self->clinic)
                                               : PALP_COUNTRY_US);
  /* The details as the "caption dim-label" style draws them: smaller,
   * regular weight, at the dimmed labels' opacity. */
  if (birth != NULL || phone != NULL)
    markup = g_markup_printf_escaped ("%s\n<span size=\"smaller\" weight=\"normal\" "
                                      "alpha=\"55%%\">%s%s%s</span>",
                                      display, birth ? birth : "",
                                      birth && phone ? " · " : "", phone ? phone : "");
  else
    markup = g_markup_escape_text (display, -1);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* A screen reader hears one sentence per row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, display, -1);
}

/* The client page is the largest part of the window, and a window opens
 * with no client selected: it is built, styled and measured only once a
 * client is shown, not before the first frame. */
static PalpClientPage *
ensure_client_page (PalpWindow *self)
{
  if (self->client_page == NULL)
    {
      self->client_page = g_object_new (PALP_TYPE_CLIENT_PAGE, NULL);
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->client_page), "client");
      palp_client_page_set_clinic (self->client_page, self->clinic);
      palp_client_page_set_store (self->client_page, self->store);
      palp_client_page_set_user (self->client_page, self->user);
    }
  return self->client_page;
}

PalpClient *
window_current_client (PalpWindow *self)
{
  return self->client_page ? palp_client_page_get_client (self->client_page) : NULL;
}

/* Sections: Today, Clients, Billing */

/* The switcher moves to the bottom bar when the header has no room for it. */
static void
update_switcher_bar (PalpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->sections);
  gboolean narrow;

  if (g_strcmp0 (name, "today") == 0 && self->today_title != NULL)
    narrow = adw_view_switcher_title_get_title_visible (self->today_title);
  else if (g_strcmp0 (name, "billing") == 0 && self->billing_title != NULL)
    narrow = adw_view_switcher_title_get_title_visible (self->billing_title);
  else if (g_strcmp0 (name, "claims") == 0 && self->claims_title != NULL)
    narrow = adw_view_switcher_title_get_title_visible (self->claims_title);
  else
    narrow = adw_squeezer_get_visible_child (self->content_squeezer) ==
             GTK_WIDGET (self->content_title);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), narrow);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

/* A section's header: the switcher (or its title when narrow), and the
 * primary menu. */
static AdwViewSwitcherTitle *
section_header (PalpWindow *self,
                GtkWidget  *holder,
                const char *title)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *lock;

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->sections);
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (switcher), title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), self->primary_menu);
  gtk_widget_set_tooltip_text (menu, _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Main menu"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  lock = gtk_button_new_from_icon_name ("system-lock-screen-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (lock), "win.lock");
  gtk_widget_set_tooltip_text (lock, _("Lock (Ctrl+L)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Lock"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), lock);
  gtk_box_append (GTK_BOX (holder), header);
  g_signal_connect_object (switcher, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  return ADW_VIEW_SWITCHER_TITLE (switcher);
}

/* Today's "Open Client": the record, even when the list's search leaves
 * the client out. */
static void
on_open_client_cb (PalpTodayPage *page,
                   gint64         client_id,
                   PalpWindow    *self)
{
  g_autoptr(PalpClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (!(client = palp_store_load_client (self->store, client_id, &error)))
    {
      g_warning ("%s", error->message);
      return;
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  window_show_client (self, client);
  palp_window_show_section (self, "clients");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
ensure_section (PalpWindow *self,
                const char *name)
{
  if (self->store == NULL || self->user == NULL)
    return;
  if (g_str_equal (name, "today") && self->today_page == NULL)
    {
      self->today_title = section_header (self, self->today_holder, _("Today"));
      self->today_page = g_object_new (PALP_TYPE_TODAY_PAGE, "vexpand", TRUE, NULL);
      gtk_box_append (GTK_BOX (self->today_holder), GTK_WIDGET (self->today_page));
      g_signal_connect_object (self->today_page, "open-client",
                               G_CALLBACK (on_open_client_cb), self, 0);
      palp_today_page_set_store (self->today_page, self->store, self->user);
    }
  else if (g_str_equal (name, "billing") && self->billing_page == NULL)
    {
      self->billing_title = section_header (self, self->billing_holder, _("Billing"));
      self->billing_page = g_object_new (PALP_TYPE_BILLING_PAGE, "vexpand", TRUE, NULL);
      gtk_box_append (GTK_BOX (self->billing_holder), GTK_WIDGET (self->billing_page));
      palp_billing_page_set_store (self->billing_page, self->store, self->user);
    }
  else if (g_str_equal (name, "today"))
    palp_today_page_reload (self->today_page);
  else if (g_str_equal (name, "claims") && self->claims_page == NULL)
    {
      self->claims_title = section_header (self, self->claims_holder, _("Claims"));
      self->claims_page = g_object_new (PALP_TYPE_CLAIMS_PAGE, "vexpand", TRUE, NULL);
      gtk_box_append (GTK_BOX (self->claims_holder), GTK_WIDGET (self->claims_page));
      palp_claims_page_set_store (self->claims_page, self->store, self->user);
    }
  else if (g_str_equal (name, "billing"))
    palp_billing_page_reload (self->billing_page);
  else if (g_str_equal (name, "claims"))
    palp_claims_page_reload (self->claims_page);
}

/* Claims are for US clinics (ISSUE 6), and for those who may build them. */
void
window_update_claims_section (PalpWindow *self)
{
  gboolean shown = self->store != NULL && self->user != NULL && self->clinic != NULL &&
                   palp_ui_country (self->clinic) == PALP_COUNTRY_US &&
                   palp_ui_user_may (self->user, PALP_ACTION_BUILD_CLAIMS, 0, NULL);

  if (!shown && g_strcmp0 (adw_view_stack_get_visible_child_name (self->sections), "claims") == 0)
    adw_view_stack_set_visible_child_name (self->sections, "clients");
  adw_view_stack_page_set_visible (self->claims_stack_page, shown);
}

PalpClaimsPage *
palp_window_get_claims_page (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return self->claims_page;
}

void
window_refresh_section (PalpWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->sections);

  if (name != NULL)
    ensure_section (self, name);
  update_switcher_bar (self);
}

void
palp_window_show_section (PalpWindow *self,
                          const char *name)
{
  g_return_if_fail (PALP_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->sections, name);
}

void
window_show_client (PalpWindow *self,
                    PalpClient *client)
{
  g_autofree char *name = NULL;

  if (client == NULL)
    {
      if (self->client_page != NULL)
        palp_client_page_set_client (self->client_page, NULL);
      adw_window_title_set_title (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      window_update_actions (self);
      return;
    }

  name = palp_client_dup_display_name (client);
  adw_window_title_set_title (self->content_title, name);
  palp_client_page_set_client (ensure_client_page (self), client);
  gtk_stack_set_visible_child_name (self->content_stack, "client");
  window_update_actions (self);
}

static void
on_selection_changed_cb (PalpWindow *self)
{
  window_show_client (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_client_list_activate_cb (PalpWindow *self,
                            guint       position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_button_clicked_cb (PalpWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
palp_window_search (PalpWindow *self,
                    const char *text)
{
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (PALP_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  clients = palp_store_search_clients (self->store, text, FALSE, 0, &error);
  if (clients == NULL)
    {
      adw_status_page_set_title (self->list_empty_page, _("Search Failed"));
      adw_status_page_set_description (self->list_empty_page, error->message);
      window_show_stack_page (self->list_stack, "empty");
      return;
    }

  n = g_list_model_get_n_items (clients);
  gtk_single_selection_set_model (self->selection, clients);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (n == 0)
    {
      if (text != NULL && *text != '\0')
        {
          adw_status_page_set_title (self->list_empty_page, _("No Clients Found"));
          adw_status_page_set_description (self->list_empty_page,
                                           _("Try part of a name, a phone number, an e-mail "
                                             "address or a birth date."));
        }
      else
        {
          adw_status_page_set_title (self->list_empty_page, _("No Clients Yet"));
          adw_status_page_set_description (self->list_empty_page,
                                           _("Clients you add will be listed here."));
        }
      window_show_stack_page (self->list_stack, "empty");
    }
  else
    window_show_stack_page (self->list_stack, "list");

  {
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%u client", "%u clients", n), n);
    adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  }
}

void
palp_window_select_client (PalpWindow *self,
                           gint64      client_id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClient) client = g_list_model_get_item (model, i);

      if (palp_client_get_id (client) == client_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->client_list), "list.scroll-to-item",
                                      "u", i);
          return;
        }
    }
}

static void
on_search_entry_search_changed_cb (PalpWindow *self)
{
  palp_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_entry_activate_cb (PalpWindow *self)
{
  /* Enter opens the first match, as a receptionist expects. */
  GListModel *model = gtk_single_selection_get_model (self->selection);

  if (model != NULL && g_list_model_get_n_items (model) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
}

static void
on_search_entry_next_match_cb (PalpWindow *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->client_list), GTK_DIR_TAB_FORWARD);
}

static void
on_search_entry_stop_search_cb (PalpWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          gpointer               user_data)
{
  PalpWindow *self = PALP_WINDOW (user_data);

  /* Down arrow moves from the search into the list. */
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      GListModel *model = gtk_single_selection_get_model (self->selection);

      if (model != NULL && g_list_model_get_n_items (model) > 0)
        {
          if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
            gtk_single_selection_set_selected (self->selection, 0);
          gtk_widget_child_focus (GTK_WIDGET (self->client_list), GTK_DIR_TAB_FORWARD);
          return TRUE;
        }
    }
  return FALSE;
}

void
palp_window_set_store (PalpWindow *self,
                       PalpStore  *store,
                       const char *preselect)
{
  g_return_if_fail (PALP_IS_WINDOW (self));
  g_return_if_fail (PALP_IS_STORE (store));

  g_set_object (&self->store, store);
  palp_backup_keeper_set_store (self->backups, store);

  if (preselect != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalpUser) user = palp_store_find_user (store, preselect, &error);

      if (user != NULL)
        {
          window_request_sign_in (self, user);
          return;
        }
      /* Not an error of the program: say so, and let the person choose. */
      if (error != NULL)
        g_printerr ("palpate: %s\n", error->message);
      else
        g_printerr (_("palpate: no user “%s” in this clinic; choose who you are.\n"),
                    preselect);
    }
  window_show_chooser (self);
}

/* A restore swapped the clinic under the store: show it afresh, as the
 * same person when the restored clinic knows them. */
static void
on_backups_restored_cb (PalpWindow *self)
{
  g_autofree char *login = self->user ? g_strdup (palp_user_get_login (self->user)) : NULL;
  g_autoptr(PalpStore) store = self->store ? g_object_ref (self->store) : NULL;

  if (store != NULL)
    palp_window_set_store (self, store, login);
}

/* Actions */

static void
client_saved_cb (PalpClientEditor *editor,
                 PalpClient       *client,
                 PalpWindow       *self)
{
  gint64 id = palp_client_get_id (client);

  /* The list is a snapshot of a query: run it again and find the client. */
  palp_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  palp_window_select_client (self, id);
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    {
      g_autoptr(PalpClient) fresh = palp_store_load_client (self->store, id, NULL);

      window_show_client (self, fresh);
    }
}

static void
open_editor (PalpWindow *self,
             PalpClient *client)
{
  PalpClientEditor *editor;

  editor = palp_client_editor_new (self->store, self->clinic, client);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (client_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_client_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  open_editor (PALP_WINDOW (widget), NULL);
}

static void
edit_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);
  PalpClient *client = window_current_client (self);

  if (client != NULL)
    open_editor (self, client);
}

static void
set_archived (PalpWindow *self,
              gboolean    archived)
{
  PalpClient *client = window_current_client (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) fresh = NULL;
  gint64 id;

  if (client == NULL)
    return;
  id = palp_client_get_id (client);
  if (!palp_store_archive_client (self->store, id, archived, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not Changed"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Archived clients leave the list but their record stays open here. */
  fresh = palp_store_load_client (self->store, id, NULL);
  palp_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  palp_window_select_client (self, id);
  window_show_client (self, fresh);
}

static void
on_archive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpWindow       *self)
{
  if (g_strcmp0 (response, "archive") == 0)
    set_archived (self, TRUE);
}

static void
archive_client_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);
  PalpClient *client = window_current_client (self);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (client == NULL)
    return;
  name = palp_client_dup_display_name (client);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Archive Client?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s will no longer be listed. The record is kept, "
                                    "unchanged, and can be restored."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_archive_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unarchive_client_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  set_archived (PALP_WINDOW (widget), FALSE);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);

  if (self->user == NULL)
    return;
  palp_window_show_section (self, "clients");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The shortcuts window is built when first asked for, not with every main
 * window (GtkApplication would build gtk/help-overlay.ui up front). */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);

  if (self->shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/palp-shortcuts.ui");

      self->shortcuts = GTK_WINDOW (g_object_ref (gtk_builder_get_object (builder,
                                                                         "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts, TRUE);
    }
  gtk_window_present (self->shortcuts);
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  palp_window_show_section (PALP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
year_end_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);
  PalpClient *client = NULL;
  PalpYearEndDialog *dialog;

  if (self->store == NULL)
    return;
  /* Offered for the client on screen, or for everyone. */
  if (self->client_page != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "client") == 0)
    client = gtk_single_selection_get_selected_item (self->selection);
  dialog = palp_year_end_dialog_new (GTK_WINDOW (self), self->store, client);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
audit_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (palp_audit_window_new (GTK_WINDOW (self), self->store, 0)));
}

void
window_update_actions (PalpWindow *self)
{
  gboolean signed_in = self->store != NULL && self->user != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-client", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-client",
                                 signed_in && window_current_client (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-user", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.audit-log",
                                 signed_in && palp_ui_user_may (self->user, PALP_ACTION_VIEW_AUDIT,
                                                                0, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", signed_in);
  gtk_widget_set_visible (self->edit_button,
                          signed_in && window_current_client (self));
  gtk_widget_set_visible (self->client_menu_button,
                          signed_in && window_current_client (self));
  {
    PalpClient *client = window_current_client (self);
    gboolean archived = client != NULL && palp_client_get_archived (client);

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.archive-client",
                                   signed_in && client != NULL && !archived);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unarchive-client",
                                   signed_in && client != NULL && archived);
  }
}

/* Start-up measurement: with PALPATE_BENCH_QUIT_AFTER_FIRST_FRAME=1, the
 * first painted frame of the signed-in window is reported on stderr and the
 * application quits (bench/run times launch → this line). */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   PalpWindow    *self)
{
  if (self->user == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  g_printerr ("first-frame\n");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
palp_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (palp_window_parent_class)->realize (widget);

  if (g_strcmp0 (g_getenv ("PALPATE_BENCH_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                      G_CALLBACK (on_after_paint_cb), widget);
}

static gboolean
palp_window_close_request (GtkWindow *window)
{
  PalpWindow *self = PALP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  if (self->settings != NULL)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (palp_window_parent_class)->close_request (window);
}

static void
palp_window_dispose (GObject *object)
{
  PalpWindow *self = (PalpWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_WINDOW);
  /* It went with the content stack. */
  self->client_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->clinic);
  g_clear_object (&self->settings);
  g_clear_object (&self->backups);
  window_lock_dispose (self);
  g_clear_pointer (&self->failed_path, g_free);
  if (self->shortcuts != NULL)
    gtk_window_destroy (self->shortcuts);
  g_clear_object (&self->shortcuts);

  G_OBJECT_CLASS (palp_window_parent_class)->dispose (object);
}

static void
palp_window_class_init (PalpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palp_window_dispose;
  widget_class->realize = palp_window_realize;
  window_class->close_request = palp_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/palp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, message_page);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, client_list);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, content);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, content_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, chooser_holder);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, setup_holder);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, today_holder);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, billing_holder);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, claims_holder);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, claims_stack_page);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PalpWindow, client_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_client_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_action);
  gtk_widget_class_install_action (widget_class, "win.edit-client", NULL, edit_client_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.archive-client", NULL,
                                   archive_client_action);
  gtk_widget_class_install_action (widget_class, "win.unarchive-client", NULL,
                                   unarchive_client_action);
  gtk_widget_class_install_action (widget_class, "win.switch-user", NULL,
                                   window_switch_user_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, window_lock_action);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.year-end", NULL, year_end_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.section", "s", "today");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.section", "s", "clients");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.section", "s", "billing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.section", "s", "claims");
}

static void
palp_window_init (PalpWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  window_lock_init (self);

  /* Run from the build tree without the schema (GSETTINGS_SCHEMA_DIR, as
   * build-aux/run sets it), the window still opens; it just forgets its
   * size and the last user. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema =
      source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL)
      self->settings = g_settings_new_full (schema, NULL, NULL);
    else
      g_printerr (_("palpate: the settings schema %s is not installed: the window's size and "
                    "the last user are not remembered.\n"), APP_ID);
  }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               self->settings ? g_settings_get_int (self->settings,
                                                                    "window-width") : 1100,
                               self->settings ? g_settings_get_int (self->settings,
                                                                    "window-height") : 720);
  if (self->settings && g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* A failed backup shows above everything until one succeeds. */
  self->backups = palp_backup_keeper_new (self->settings);
  g_signal_connect_object (self->backups, "restored", G_CALLBACK (on_backups_restored_cb), self,
                           G_CONNECT_SWAPPED);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    g_autoptr(GtkWidget) stack = g_object_ref (GTK_WIDGET (self->main_stack));

    adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);
    gtk_box_append (GTK_BOX (box), palp_backup_keeper_new_bar (self->backups));
    gtk_widget_set_vexpand (stack, TRUE);
    gtk_box_append (GTK_BOX (box), stack);
  }

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->client_list, factory);
  gtk_list_view_set_model (self->client_list, GTK_SELECTION_MODEL (self->selection));

  /* Clients first, as the front desk searches before anything else. */
  adw_view_stack_set_visible_child_name (self->sections, "clients");
  g_signal_connect_object (self->sections, "notify::visible-child",
                           G_CALLBACK (window_refresh_section), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_squeezer, "notify::visible-child",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->client_list));

  window_update_actions (self);
}

PalpWindow *
palp_window_new (AdwApplication *app)
{
  return g_object_new (PALP_TYPE_WINDOW, "application", app, NULL);
}
