/* palp-preferences-security.c: PINs and passwords, and the clinic's
 * security settings
 *
 * Everyone manages their own PIN or password here; an admin also resets
 * a colleague's (a forgotten PIN) and sets the clinic's rules. The store
 * decides who may do what (palp-store-security.h): a refusal is shown as
 * it comes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-password.h"
#include "palp-preferences-security.h"
#include "palp-store-security.h"
#include "palp-ui-util.h"

typedef struct
{
  PalpStore           *store;
  PalpUser            *user;
  GtkWidget           *page;
  AdwPreferencesGroup *own_group;
  AdwPreferencesGroup *users_group;
  GPtrArray           *rows;       /* rows to remove when rebuilding */
  GtkWidget           *require;
  GtkWidget           *idle;
  GtkWidget           *narratives;
  gboolean             loading;
} Security;

static void rebuild (Security *s);

static void
security_free (gpointer data)
{
  Security *s = data;

  g_clear_object (&s->store);
  g_clear_object (&s->user);
  g_clear_pointer (&s->rows, g_ptr_array_unref);
  g_free (s);
}

static void
toast (Security   *s,
       const char *text,
       gboolean    error)
{
  GtkRoot *root = gtk_widget_get_root (s->page);
  AdwToast *t;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  t = adw_toast_new (text);
  adw_toast_set_timeout (t, error ? 0 : 2);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), t);
}

static const char *
kind_text (PalpSecretKind kind)
{
  switch (kind)
    {
    case PALP_SECRET_PIN:
      return _("A PIN protects this account");
    case PALP_SECRET_PASSWORD:
      return _("A password protects this account");
    case PALP_SECRET_NONE:
    default:
      return _("No PIN or password: anyone at this computer can sign in as this user");
    }
}

/* The dialog that sets a PIN or password -------------------------------- */

typedef struct
{
  Security  *s;
  PalpUser  *target;
  GtkWidget *dialog;
  GtkWidget *secret;
  GtkWidget *repeat;
  GtkLabel  *message;
} SecretDialog;

static void
secret_dialog_free (gpointer data)
{
  SecretDialog *d = data;

  g_clear_object (&d->target);
  g_free (d);
}

static void
on_secret_changed_cb (SecretDialog *d)
{
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (d->secret));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (d->repeat));
  g_autoptr(GError) error = NULL;
  const char *why = NULL;

  if (!palp_secret_check_strength (secret, palp_user_get_login (d->target), &error))
    why = *secret ? error->message : NULL;
  else if (!g_str_equal (secret, repeat))
    why = *repeat ? _("The two do not match yet.") : NULL;
  gtk_label_set_text (d->message, why ? why : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (d->dialog), "set",
                                           error == NULL && g_str_equal (secret, repeat));
}

static void
on_secret_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SecretDialog     *d)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "set") != 0)
    return;
  if (!palp_store_set_user_secret (d->s->store, palp_user_get_id (d->target),
                                   gtk_editable_get_text (GTK_EDITABLE (d->secret)), &error))
    {
      toast (d->s, error->message, TRUE);
      return;
    }
  toast (d->s, _("PIN or password saved"), FALSE);
  rebuild (d->s);
}

static void
open_secret_dialog (Security *s,
                    PalpUser *target)
{
  SecretDialog *d = g_new0 (SecretDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkRoot *root = gtk_widget_get_root (s->page);
  gboolean own = palp_user_get_id (target) == palp_user_get_id (s->user);
  g_autofree char *heading = NULL;

  d->s = s;
  d->target = g_object_ref (target);
  heading = own ? g_strdup (_("Your PIN or Password"))
                /* Translators: %s is a user's name. */
                : g_strdup_printf (_("New PIN or Password for %s"),
                                   palp_user_get_display_name (target));
  d->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                      _("A PIN has 6 to 12 digits; a password at least 8 "
                                        "characters. Palpate keeps only a salted hash of it."));
  d->secret = gtk_password_entry_new ();
  d->repeat = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (d->secret), TRUE);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (d->repeat), TRUE);
  g_object_set (d->secret, "placeholder-text", _("PIN or password"), NULL);
  g_object_set (d->repeat, "placeholder-text", _("Repeat it"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->secret), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New PIN or password"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->repeat), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Repeat the new PIN or password"), -1);
  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_box_append (GTK_BOX (box), d->secret);
  gtk_box_append (GTK_BOX (box), d->repeat);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (d->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (d->dialog),
                                    "cancel", _("_Cancel"),
                                    "set", _("_Save PIN or Password"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (d->dialog), "set",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (d->dialog), "set", FALSE);
  g_signal_connect_swapped (d->secret, "changed", G_CALLBACK (on_secret_changed_cb), d);
  g_signal_connect_swapped (d->repeat, "changed", G_CALLBACK (on_secret_changed_cb), d);
  g_signal_connect_data (d->dialog, "response", G_CALLBACK (on_secret_response_cb), d,
                         (GClosureNotify) (void (*) (void)) secret_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (d->dialog));
  gtk_widget_grab_focus (d->secret);
}

/* Rows ------------------------------------------------------------------- */

static void
on_set_clicked_cb (GtkButton *button,
                   Security  *s)
{
  open_secret_dialog (s, g_object_get_data (G_OBJECT (button), "palp-user"));
}

static void
on_remove_clicked_cb (GtkButton *button,
                      Security  *s)
{
  PalpUser *target = g_object_get_data (G_OBJECT (button), "palp-user");
  g_autoptr(GError) error = NULL;

  if (!palp_store_clear_user_secret (s->store, palp_user_get_id (target), &error))
    {
      toast (s, error->message, TRUE);
      return;
    }
  toast (s, _("PIN or password removed"), FALSE);
  rebuild (s);
}

static GtkWidget *
secret_row (Security *s,
            PalpUser *target,
            gboolean  own)
{
  PalpSecretKind kind = palp_store_get_secret_kind (s->store, palp_user_get_id (target), NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *set = gtk_button_new_with_mnemonic (kind == PALP_SECRET_NONE ? _("_Set…")
                                                 : own ? _("_Change…") : _("_Reset…"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_user_get_display_name (target));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_text (kind));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? set : remove;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "palp-user", g_object_ref (target),
                              g_object_unref);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_widget_set_visible (remove, kind != PALP_SECRET_NONE);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect (set, "clicked", G_CALLBACK (on_set_clicked_cb), s);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), s);
  return row;
}

static void
add_row (Security            *s,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (s->rows, row);
}

static void
rebuild (Security *s)
{
  g_autoptr(GListModel) users = NULL;

  for (guint i = 0; i < s->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (s->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
                                      gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (s->rows, 0);

  add_row (s, s->own_group, secret_row (s, s->user, TRUE));
  if (!palp_user_is_admin (s->user))
    return;
  users = palp_store_list_users (s->store, NULL);
  for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PalpUser) other = g_list_model_get_item (users, i);
      gboolean active = FALSE;

      g_object_get (other, "active", &active, NULL);
      if (active && palp_user_get_id (other) != palp_user_get_id (s->user))
        add_row (s, s->users_group, secret_row (s, other, FALSE));
    }
}

/* The clinic's settings ---------------------------------------------------- */

static void
on_setting_changed_cb (Security *s)
{
  PalpSecuritySettings settings;
  g_autoptr(GError) error = NULL;

  if (s->loading)
    return;
  settings.require_sign_in = gtk_switch_get_active (GTK_SWITCH (s->require));
  settings.idle_lock_minutes =
    (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (s->idle));
  settings.admins_read_narratives = gtk_switch_get_active (GTK_SWITCH (s->narratives));
  if (!palp_store_save_security_settings (s->store, &settings, &error))
    {
      toast (s, error->message, TRUE);
      /* Show what is really stored. */
      s->loading = TRUE;
      if (palp_store_load_security_settings (s->store, &settings, NULL))
        {
          gtk_switch_set_active (GTK_SWITCH (s->require), settings.require_sign_in);
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (s->idle), settings.idle_lock_minutes);
          gtk_switch_set_active (GTK_SWITCH (s->narratives), settings.admins_read_narratives);
        }
      s->loading = FALSE;
      return;
    }
  toast (s, _("Security settings saved"), FALSE);
}

static GtkWidget *
setting_row (AdwPreferencesGroup *group,
             const char          *title,
             const char          *subtitle,
             GtkWidget           *control)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);
  adw_preferences_group_add (group, row);
  return control;
}

static GtkWidget *
clinic_group (Security *s)
{
  GtkWidget *group = adw_preferences_group_new ();
  PalpSecuritySettings settings;
  g_autoptr(GError) refused = NULL;
  gboolean admin = palp_ui_user_may (s->user, PALP_ACTION_EDIT_CLINIC, 0, &refused);

  palp_security_settings_init_default (&settings);
  palp_store_load_security_settings (s->store, &settings, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Clinic"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         admin ? _("Palpate protects who sees what at this "
                                                   "desk; the disk itself is protected by the "
                                                   "system's encryption.")
                                               : refused->message);
  s->require = setting_row (ADW_PREFERENCES_GROUP (group), _("Everyone Signs In"),
                            _("Each user needs a PIN or password; those without one set it "
                              "when they next sign in"),
                            gtk_switch_new ());
  s->idle = setting_row (ADW_PREFERENCES_GROUP (group), _("Lock When Idle"),
                         _("Minutes without a key or click before the window locks"),
                         gtk_spin_button_new_with_range (1, PALP_IDLE_LOCK_MAX_MINUTES, 1));
  s->narratives = setting_row (ADW_PREFERENCES_GROUP (group), _("Admins Read Notes"),
                               _("Let admins who are not practitioners read the text of "
                                 "clinical notes"),
                               gtk_switch_new ());
  s->loading = TRUE;
  gtk_switch_set_active (GTK_SWITCH (s->require), settings.require_sign_in);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (s->idle), settings.idle_lock_minutes);
  gtk_switch_set_active (GTK_SWITCH (s->narratives), settings.admins_read_narratives);
  s->loading = FALSE;
  gtk_widget_set_sensitive (s->require, admin);
  gtk_widget_set_sensitive (s->idle, admin);
  gtk_widget_set_sensitive (s->narratives, admin);
  g_signal_connect_swapped (s->require, "notify::active", G_CALLBACK (on_setting_changed_cb), s);
  g_signal_connect_swapped (s->narratives, "notify::active",
                            G_CALLBACK (on_setting_changed_cb), s);
  g_signal_connect_swapped (s->idle, "value-changed", G_CALLBACK (on_setting_changed_cb), s);
  return group;
}

GtkWidget *
palp_preferences_security_new (PalpStore *store,
                               PalpUser  *user)
{
  Security *s = g_new0 (Security, 1);
  GtkWidget *page = adw_preferences_page_new ();

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  s->store = g_object_ref (store);
  s->user = user != NULL ? g_object_ref (user) : palp_user_new ();
  s->page = page;
  s->rows = g_ptr_array_new ();
  g_object_set_data_full (G_OBJECT (page), "palp-security", s, security_free);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Security"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "channel-secure-symbolic");

  s->own_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (s->own_group, _("Your PIN or Password"));
  adw_preferences_group_set_description (s->own_group,
                                         _("Asked when you sign in and to unlock the window "
                                           "(Ctrl+L locks it)."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), s->own_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (clinic_group (s)));
  s->users_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (s->users_group, _("Other Users"));
  adw_preferences_group_set_description (s->users_group,
                                         _("Reset a forgotten PIN or password, or remove it so "
                                           "the user chooses a new one."));
  gtk_widget_set_visible (GTK_WIDGET (s->users_group), palp_user_is_admin (s->user));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), s->users_group);
  rebuild (s);
  return page;
}
