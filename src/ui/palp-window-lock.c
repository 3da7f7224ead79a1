/* palp-window-lock.c: who uses the main window
 *
 * The chooser and the first-run set-up, signing in, and locking: after
 * the clinic's idle time or on demand (Ctrl+L), every client's data is
 * put away, not merely hidden, until the one who locked signs back in or
 * someone switches user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-store-security.h"
#include "palp-ui-util.h"
#include "palp-validate.h"
#include "palp-window-private.h"

static void start_idle_watch (PalpWindow *self);

/* Users: the chooser and the first-run set-up */

static void
load_clinic (PalpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_clear_object (&self->clinic);
  self->clinic = palp_store_load_clinic (self->store, &error);
  if (self->clinic == NULL)
    {
      g_warning ("Could not load the clinic profile: %s", error->message);
      return;
    }
  if (self->client_page != NULL)
    palp_client_page_set_clinic (self->client_page, self->clinic);
}

void
palp_window_sign_in (PalpWindow *self,
                     PalpUser   *user)
{
  g_autofree char *title = NULL;
  gboolean same_user;
  gint64 client_id = self->locked_client_id;

  g_return_if_fail (PALP_IS_WINDOW (self));
  g_return_if_fail (PALP_IS_USER (user));

  g_set_object (&self->user, user);
  palp_store_set_actor (self->store, palp_user_get_id (user));
  /* Windows put away by a lock come back for the one who locked; anyone
   * else starts afresh. */
  same_user = self->locked_user != NULL &&
              palp_user_get_id (self->locked_user) == palp_user_get_id (user);
  if (self->hidden_windows != NULL)
    palp_lock_release_windows (self->hidden_windows, same_user);
  g_clear_object (&self->locked_user);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-user", palp_user_get_login (user));

  load_clinic (self);
  if (self->client_page != NULL)
    {
      palp_client_page_set_store (self->client_page, self->store);
      palp_client_page_set_user (self->client_page, user);
    }
  if (self->today_page != NULL)
    palp_today_page_set_store (self->today_page, self->store, user);
  if (self->billing_page != NULL)
    palp_billing_page_set_store (self->billing_page, self->store, user);
  if (self->claims_page != NULL)
    palp_claims_page_set_store (self->claims_page, self->store, user);
  window_update_claims_section (self);
  if (self->clinic != NULL && palp_clinic_get_name (self->clinic) != NULL)
    title = g_strdup_printf ("%s — %s", palp_clinic_get_name (self->clinic), _("Palpate"));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Palpate"));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  palp_window_search (self, "");
  window_show_client (self, NULL);
  self->locked_client_id = 0;
  if (same_user && client_id > 0)
    {
      g_autoptr(PalpClient) client = palp_store_load_client (self->store, client_id, NULL);

      if (client != NULL)
        window_show_client (self, client);
    }
  window_show_stack_page (self->main_stack, "clients");
  /* A section unloaded by a lock is built again. */
  window_refresh_section (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  window_update_actions (self);
  start_idle_watch (self);
}

static void on_signed_in_cb (PalpWindow *self);
static void on_switch_user_cb (PalpWindow *self);

/* The sign-in page, built on first use. */
static PalpSignInPage *
ensure_sign_in_page (PalpWindow *self)
{
  if (self->sign_in_page == NULL)
    {
      self->sign_in_page = palp_sign_in_page_new ();
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->sign_in_page), "sign-in");
      g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (on_signed_in_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->sign_in_page, "switch-user",
                               G_CALLBACK (on_switch_user_cb), self, G_CONNECT_SWAPPED);
    }
  return self->sign_in_page;
}

/* Locking */

static void
on_idle_cb (PalpWindow *self)
{
  palp_window_lock (self);
}

/* The clinic's idle time, read again at each sign-in (Preferences may
 * have changed it). */
static void
start_idle_watch (PalpWindow *self)
{
  PalpSecuritySettings settings;
  guint seconds = self->idle_seconds;

  if (seconds == 0)
    {
      palp_security_settings_init_default (&settings);
      palp_store_load_security_settings (self->store, &settings, NULL);
      seconds = settings.idle_lock_minutes * 60;
    }
  if (self->idle_watch == NULL)
    {
      self->idle_watch = palp_idle_watch_new ();
      g_signal_connect_object (self->idle_watch, "idle", G_CALLBACK (on_idle_cb), self,
                               G_CONNECT_SWAPPED);
    }
  palp_idle_watch_start (self->idle_watch, seconds);
}

/* Nothing of a client stays in the window: the list, the page, Today and
 * Billing are dropped (built again on unlock), not merely hidden. */
static void
unload_client_data (PalpWindow *self)
{
  GtkWidget *child;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_single_selection_set_model (self->selection, NULL);
  window_show_client (self, NULL);
  if (self->client_page != NULL)
    {
      gtk_stack_remove (self->content_stack, GTK_WIDGET (self->client_page));
      self->client_page = NULL;
    }
  while ((child = gtk_widget_get_first_child (self->today_holder)))
    gtk_box_remove (GTK_BOX (self->today_holder), child);
  while ((child = gtk_widget_get_first_child (self->billing_holder)))
    gtk_box_remove (GTK_BOX (self->billing_holder), child);
  while ((child = gtk_widget_get_first_child (self->claims_holder)))
    gtk_box_remove (GTK_BOX (self->claims_holder), child);
  self->today_page = NULL;
  self->today_title = NULL;
  self->billing_page = NULL;
  self->billing_title = NULL;
  self->claims_page = NULL;
  self->claims_title = NULL;
}

/* Puts every client's data away and leaves the store with no acting
 * user; returns FALSE when nobody was signed in. */
static gboolean
lock_quietly (PalpWindow *self)
{
  g_autoptr(GError) error = NULL;
  PalpClient *client = window_current_client (self);

  if (self->store == NULL || self->user == NULL)
    return FALSE;
  if (self->idle_watch != NULL)
    palp_idle_watch_stop (self->idle_watch);
  /* Drafts first, while their windows and the acting user are there. */
  palp_lock_save_drafts ();
  if (!palp_store_audit_lock (self->store, &error))
    g_warning ("The lock could not be written to the audit log: %s", error->message);
  if (self->hidden_windows == NULL)
    self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GPtrArray) hidden = palp_lock_hide_windows (GTK_WINDOW (self));

    for (guint i = 0; i < hidden->len; i++)
      g_ptr_array_add (self->hidden_windows, g_object_ref (g_ptr_array_index (hidden, i)));
  }
  self->locked_client_id = client != NULL ? palp_client_get_id (client) : 0;
  g_set_object (&self->locked_user, self->user);
  g_clear_object (&self->user);
  palp_store_set_actor (self->store, 0);
  unload_client_data (self);
  window_update_actions (self);
  return TRUE;
}

void
palp_window_lock (PalpWindow *self)
{
  g_return_if_fail (PALP_IS_WINDOW (self));

  if (!lock_quietly (self))
    return;
  gtk_window_set_title (GTK_WINDOW (self), _("Palpate — Locked"));
  palp_sign_in_page_start (ensure_sign_in_page (self), self->store, self->locked_user,
                           PALP_SIGN_IN_MODE_UNLOCK);
  window_show_stack_page (self->main_stack, "sign-in");
  gtk_widget_grab_focus (palp_sign_in_page_get_entry (self->sign_in_page));
}

gboolean
palp_window_is_locked (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), FALSE);
  return self->locked_user != NULL && self->sign_in_page != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sign-in") == 0 &&
         palp_sign_in_page_get_mode (self->sign_in_page) == PALP_SIGN_IN_MODE_UNLOCK;
}

PalpSignInPage *
palp_window_get_sign_in_page (PalpWindow *self)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  return ensure_sign_in_page (self);
}

void
palp_window_set_idle_lock_seconds (PalpWindow *self,
                                   guint       seconds)
{
  g_return_if_fail (PALP_IS_WINDOW (self));
  self->idle_seconds = seconds;
  if (self->user != NULL)
    start_idle_watch (self);
}

static void
on_signed_in_cb (PalpWindow *self)
{
  PalpUser *page_user = palp_sign_in_page_get_user (self->sign_in_page);
  g_autoptr(PalpUser) user = page_user ? g_object_ref (page_user) : NULL;

  if (user != NULL)
    palp_window_sign_in (self, user);
}

static void
on_switch_user_cb (PalpWindow *self)
{
  window_show_chooser (self);
}

/* The chooser's choice: straight in when the user has no PIN or password
 * (and the clinic requires none), else asked for it. */
void
window_request_sign_in (PalpWindow *self,
                        PalpUser   *user)
{
  g_autoptr(GError) error = NULL;
  gboolean needs = FALSE;
  PalpSignInMode mode = PALP_SIGN_IN_MODE_SIGN_IN;

  if (!palp_store_sign_in_needs_secret (self->store, palp_user_get_id (user), &needs, &error))
    {
      palp_window_show_error (self, error);
      return;
    }
  if (!needs)
    {
      if (!palp_store_sign_in (self->store, palp_user_get_id (user), NULL, &error))
        {
          palp_window_show_error (self, error);
          return;
        }
      palp_window_sign_in (self, user);
      return;
    }
  if (palp_store_get_secret_kind (self->store, palp_user_get_id (user), NULL) == PALP_SECRET_NONE)
    mode = PALP_SIGN_IN_MODE_SET;
  gtk_window_set_title (GTK_WINDOW (self), _("Palpate"));
  palp_sign_in_page_start (ensure_sign_in_page (self), self->store, user, mode);
  window_show_stack_page (self->main_stack, "sign-in");
  gtk_widget_grab_focus (palp_sign_in_page_get_entry (self->sign_in_page));
}

static void
on_users_box_row_activated_cb (GtkListBox    *box,
                               GtkListBoxRow *row,
                               PalpWindow    *self)
{
  PalpUser *user = g_object_get_data (G_OBJECT (row), "palp-user");

  if (user != NULL)
    window_request_sign_in (self, user);
}

static void on_setup_changed_cb        (PalpWindow *self);
static void on_setup_button_clicked_cb (PalpWindow *self);

/* The chooser and the set-up form, built the first time either is shown:
 * most starts go straight to the clients (--as, or a remembered user). */
static void
ensure_welcome (PalpWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->users_box != NULL)
    return;

  builder = gtk_builder_new ();
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_users_box_row_activated_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_setup_changed_cb);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_setup_button_clicked_cb);
  gtk_builder_set_scope (builder, scope);
  /* Handlers get the window, as a template's would. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/palp-window-welcome.ui", &error))
    g_error ("The welcome pages are missing from the resources: %s", error->message);

  gtk_box_append (GTK_BOX (self->chooser_holder),
                  GTK_WIDGET (gtk_builder_get_object (builder, "chooser_content")));
  gtk_box_append (GTK_BOX (self->setup_holder),
                  GTK_WIDGET (gtk_builder_get_object (builder, "setup_content")));
  self->chooser_page = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "chooser_page"));
  self->users_box = GTK_LIST_BOX (gtk_builder_get_object (builder, "users_box"));
  self->setup_clinic_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "setup_clinic_row"));
  self->setup_country_row = ADW_COMBO_ROW (gtk_builder_get_object (builder, "setup_country_row"));
  self->setup_name_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "setup_name_row"));
  self->setup_login_row = ADW_ENTRY_ROW (gtk_builder_get_object (builder, "setup_login_row"));
  self->setup_message = GTK_LABEL (gtk_builder_get_object (builder, "setup_message"));
  self->setup_button = GTK_BUTTON (gtk_builder_get_object (builder, "setup_button"));
}

void
window_show_chooser (PalpWindow *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "last-user")
                                          : NULL;
  GtkWidget *child;
  GtkWidget *focus = NULL;
  guint n;

  /* Switching user puts the last one's windows away, as a lock does. */
  lock_quietly (self);
  g_clear_object (&self->user);
  palp_store_set_actor (self->store, 0);
  window_show_client (self, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Palpate"));

  ensure_welcome (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->users_box))))
    gtk_list_box_remove (self->users_box, child);

  users = palp_store_list_users (self->store, &error);
  if (users == NULL)
    {
      palp_window_show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (users);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (users, i);
      gboolean active;
      GtkWidget *row;
      GString *roles = g_string_new (NULL);

      g_object_get (user, "active", &active, NULL);
      if (!active)
        {
          g_string_free (roles, TRUE);
          continue;
        }
      if (palp_user_is_practitioner (user))
        g_string_append (roles, palp_user_get_credentials (user)
                                  ? palp_user_get_credentials (user) : _("Practitioner"));
      if (palp_user_is_admin (user))
        g_string_append_printf (roles, "%s%s", roles->len ? " · " : "", _("Admin"));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     palp_user_get_display_name (user));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), roles->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "palp-user", g_object_ref (user), g_object_unref);
      gtk_list_box_append (self->users_box, row);
      if (g_strcmp0 (last, palp_user_get_login (user)) == 0 || focus == NULL)
        focus = row;
      g_string_free (roles, TRUE);
    }

  if (n == 0)
    {
      window_show_stack_page (self->main_stack, "setup");
      gtk_widget_grab_focus (GTK_WIDGET (self->setup_clinic_row));
      return;
    }

  window_show_stack_page (self->main_stack, "chooser");
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  window_update_actions (self);
}

static void
on_setup_changed_cb (PalpWindow *self)
{
  const char *clinic = gtk_editable_get_text (GTK_EDITABLE (self->setup_clinic_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->setup_name_row));
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->setup_login_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!palp_validate_name (clinic, TRUE, &error))
    ok = FALSE;
  else if (!palp_validate_name (name, TRUE, &error))
    ok = FALSE;
  else if (!palp_validate_login (login, &error))
    ok = FALSE;

  gtk_label_set_text (self->setup_message, ok ? "" : error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->setup_button), ok);
}

static void
on_setup_button_clicked_cb (PalpWindow *self)
{
  g_autoptr(PalpUser) user = palp_user_new ();
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(GError) error = NULL;
  gboolean canada = adw_combo_row_get_selected (self->setup_country_row) == 1;

  /* The first person is both: a solo therapist is one user. */
  g_object_set (user,
                "login", gtk_editable_get_text (GTK_EDITABLE (self->setup_login_row)),
                "display-name", gtk_editable_get_text (GTK_EDITABLE (self->setup_name_row)),
                "roles", PALP_ROLE_ADMIN | PALP_ROLE_PRACTITIONER,
                NULL);
  if (!palp_store_save_user (self->store, user, &error))
    goto fail;
  palp_store_set_actor (self->store, palp_user_get_id (user));

  if (!(clinic = palp_store_load_clinic (self->store, &error)))
    goto fail;
  g_object_set (clinic,
                "name", gtk_editable_get_text (GTK_EDITABLE (self->setup_clinic_row)),
                "country", canada ? "CA" : "US",
                "currency", canada ? "CAD" : "USD",
                NULL);
  if (!palp_store_save_clinic (self->store, clinic, &error))
    goto fail;

  palp_window_sign_in (self, user);
  return;

fail:
  gtk_label_set_text (self->setup_message, error->message);
}

void
window_lock_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  palp_window_lock (PALP_WINDOW (widget));
}

void
window_switch_user_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PalpWindow *self = PALP_WINDOW (widget);

  if (self->store != NULL)
    window_show_chooser (self);
}

void
window_lock_init (PalpWindow *self)
{
  /* The sign-in page is built when first needed (ensure_sign_in_page):
   * a user named on the command line, or signed in without a secret,
   * never sees it, and its template is a part of start-up worth saving. */
}

void
window_lock_dispose (PalpWindow *self)
{
  g_clear_object (&self->idle_watch);
  g_clear_object (&self->locked_user);
  /* Windows put away by a lock never come back without this window. */
  if (self->hidden_windows != NULL)
    palp_lock_release_windows (self->hidden_windows, FALSE);
  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);
}
