/* palp-sign-in-page.c: asking for a user's PIN or password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-sign-in-page.h"
#include "palp-store-security.h"

struct _PalpSignInPage
{
  GtkWidget       parent_instance;

  PalpStore      *store;
  PalpUser       *user;
  PalpSignInMode  mode;

  /* Template widgets */
  AdwStatusPage  *status_page;
  AdwEntryRow    *secret_row;
  AdwEntryRow    *repeat_row;
  GtkLabel       *message_label;
  GtkButton      *go_button;
  GtkButton      *switch_button;
};

G_DEFINE_FINAL_TYPE (PalpSignInPage, palp_sign_in_page, GTK_TYPE_WIDGET)

enum
{
  SIGNED_IN,
  SWITCH_USER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (PalpSignInPage *self,
              const char     *message,
              gboolean        is_error)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  /* Heard at once by a screen reader, as the person is waiting on it. */
  if (message != NULL && *message)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
clear_entries (PalpSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
}

static void
on_secret_changed_cb (PalpSignInPage *self)
{
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));

  if (self->mode == PALP_SIGN_IN_MODE_SET)
    gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), *secret && g_str_equal (secret, repeat));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->go_button), *secret != '\0');
}

static void
try_sign_in (PalpSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  gint64 id;

  if (self->store == NULL || self->user == NULL)
    return;
  id = palp_user_get_id (self->user);

  if (self->mode == PALP_SIGN_IN_MODE_SET)
    {
      const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));

      if (!g_str_equal (secret, repeat))
        {
          show_message (self, _("The two do not match. Type the same PIN or password twice."),
                        TRUE);
          return;
        }
      /* Whoever the chooser let through sets their own first secret. */
      palp_store_set_actor (self->store, id);
      if (!palp_store_set_user_secret (self->store, id, secret, &error))
        {
          palp_store_set_actor (self->store, 0);
          show_message (self, error->message, TRUE);
          return;
        }
      palp_store_set_actor (self->store, 0);
    }

  if (!palp_store_sign_in (self->store, id, secret, &error))
    {
      clear_entries (self);
      show_message (self, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return;
    }
  clear_entries (self);
  show_message (self, NULL, FALSE);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
on_secret_row_activated_cb (PalpSignInPage *self,
                            AdwEntryRow    *row)
{
  if (self->mode == PALP_SIGN_IN_MODE_SET && row == self->secret_row)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return;
    }
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->go_button)))
    try_sign_in (self);
}

static void
on_go_button_clicked_cb (PalpSignInPage *self)
{
  try_sign_in (self);
}

static void
on_switch_button_clicked_cb (PalpSignInPage *self)
{
  clear_entries (self);
  g_signal_emit (self, signals[SWITCH_USER], 0);
}

void
palp_sign_in_page_start (PalpSignInPage *self,
                         PalpStore      *store,
                         PalpUser       *user,
                         PalpSignInMode  mode)
{
  const char *name;
  g_autofree char *description = NULL;
  const char *go = NULL;

  g_return_if_fail (PALP_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (PALP_IS_STORE (store));
  g_return_if_fail (PALP_IS_USER (user));

  g_set_object (&self->store, store);
  g_set_object (&self->user, user);
  self->mode = mode;
  name = palp_user_get_display_name (user);
  clear_entries (self);
  show_message (self, NULL, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), mode == PALP_SIGN_IN_MODE_SET);

  switch (mode)
    {
    case PALP_SIGN_IN_MODE_SET:
      adw_status_page_set_icon_name (self->status_page, "dialog-password-symbolic");
      adw_status_page_set_title (self->status_page, name);
      description = g_strdup (_("The clinic asks everyone to sign in. Choose a PIN of 6 to 12 "
                                "digits, or a password of at least 8 characters."));
      go = _("_Set and Sign In");
      gtk_button_set_label (self->switch_button, _("_Back"));
      break;
    case PALP_SIGN_IN_MODE_UNLOCK:
      adw_status_page_set_icon_name (self->status_page, "system-lock-screen-symbolic");
      adw_status_page_set_title (self->status_page, _("Palpate Is Locked"));
      /* Translators: %s is the name of the user who locked the window. */
      description = g_strdup_printf (_("Locked by %s. Type their PIN or password to unlock, "
                                       "or switch user."), name);
      go = _("_Unlock");
      gtk_button_set_label (self->switch_button, _("_Switch User"));
      break;
    case PALP_SIGN_IN_MODE_SIGN_IN:
    default:
      adw_status_page_set_icon_name (self->status_page, "avatar-default-symbolic");
      adw_status_page_set_title (self->status_page, name);
      description = g_strdup (_("Type your PIN or password."));
      go = _("_Sign In");
      gtk_button_set_label (self->switch_button, _("_Back"));
      break;
    }
  adw_status_page_set_description (self->status_page, description);
  gtk_button_set_label (self->go_button, go);
  on_secret_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
}

PalpUser *
palp_sign_in_page_get_user (PalpSignInPage *self)
{
  g_return_val_if_fail (PALP_IS_SIGN_IN_PAGE (self), NULL);
  return self->user;
}

PalpSignInMode
palp_sign_in_page_get_mode (PalpSignInPage *self)
{
  g_return_val_if_fail (PALP_IS_SIGN_IN_PAGE (self), PALP_SIGN_IN_MODE_SIGN_IN);
  return self->mode;
}

const char *
palp_sign_in_page_get_message (PalpSignInPage *self)
{
  g_return_val_if_fail (PALP_IS_SIGN_IN_PAGE (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

void
palp_sign_in_page_submit (PalpSignInPage *self,
                          const char     *secret)
{
  g_return_if_fail (PALP_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), secret ? secret : "");
  if (self->mode == PALP_SIGN_IN_MODE_SET)
    gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), secret ? secret : "");
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->go_button)))
    try_sign_in (self);
}

GtkWidget *
palp_sign_in_page_get_entry (PalpSignInPage *self)
{
  g_return_val_if_fail (PALP_IS_SIGN_IN_PAGE (self), NULL);
  return GTK_WIDGET (self->secret_row);
}

static void
palp_sign_in_page_dispose (GObject *object)
{
  PalpSignInPage *self = (PalpSignInPage *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_SIGN_IN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (palp_sign_in_page_parent_class)->dispose (object);
}

static void
palp_sign_in_page_class_init (PalpSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_sign_in_page_dispose;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SWITCH_USER] = g_signal_new ("switch-user", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, go_button);
  gtk_widget_class_bind_template_child (widget_class, PalpSignInPage, switch_button);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_go_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_button_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
palp_sign_in_page_init (PalpSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PalpSignInPage *
palp_sign_in_page_new (void)
{
  return g_object_new (PALP_TYPE_SIGN_IN_PAGE, NULL);
}
