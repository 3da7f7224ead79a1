/* palp-window-restore.c: a clinic that cannot be opened, restored
 *
 * When the clinic's database is damaged, or is not a Palpate database any
 * more, the window says so and offers to restore a backup in its place:
 * the file chooser opens on the backups folder, the backup's contents are
 * shown before anything happens, the damaged file is kept as a safety
 * copy, and the restored clinic opens on the chooser, where everyone signs
 * in as usual.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-preferences-backups.h"
#include "palp-window-private.h"

static void
message (PalpWindow *self,
         const char *heading,
         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpWindow       *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "palp-backup");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpStore) store = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *safety_name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "restore") != 0 || self->failed_path == NULL)
    return;
  path = g_strdup (self->failed_path);
  if (!palp_store_restore_with_safety_copy (backup, path, &safety, &error) ||
      !(store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error)))
    {
      message (self, _("Nothing Was Restored"), error->message);
      return;
    }

  palp_window_set_store (self, store, NULL);
  /* From now on it is backed up as a clinic opened at start is (a demo
   * is thrown away: nothing to back up). */
  {
    g_autoptr(PalpClinic) clinic = palp_store_load_clinic (store, NULL);

    if (clinic != NULL && !palp_clinic_get_is_demo (clinic))
      palp_backup_keeper_start_automatic (self->backups, GTK_WINDOW (self));
  }
  if (safety != NULL)
    {
      safety_name = g_path_get_basename (safety);
      body = g_strdup_printf (_("The clinic is now as it was in the backup. The file that could "
                                "not be opened is kept as the safety copy “%s”, listed in "
                                "Preferences, Backups."), safety_name);
    }
  message (self, _("Clinic Restored"),
           body ? body : _("The clinic is now as it was in the backup."));
}

AdwMessageDialog *
palp_window_ask_restore (PalpWindow *self,
                         const char *backup)
{
  g_return_val_if_fail (PALP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (backup != NULL, NULL);

  return palp_preferences_backups_restore_dialog (GTK_WINDOW (self), backup,
                                                  G_CALLBACK (on_restore_response_cb), self);
}

static void
on_backup_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     PalpWindow      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    palp_window_ask_restore (self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_restore_clicked_cb (PalpWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *folder = palp_backup_keeper_dup_folder (self->backups);

  /* The folder backups go to, or the damaged file's own. */
  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_free (folder);
      folder = self->failed_path ? g_path_get_dirname (self->failed_path) : NULL;
    }
  chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  if (folder != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
palp_window_show_open_error (PalpWindow   *self,
                             const char   *path,
                             const GError *error)
{
  gboolean damaged;

  g_return_if_fail (PALP_IS_WINDOW (self));

  palp_window_show_error (self, error);
  /* A damaged file, or one that is not a clinic any more, is what a
   * backup replaces; a locked or read-only one is not. */
  damaged = path != NULL &&
            (g_error_matches (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CORRUPT) ||
             g_error_matches (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE));
  g_free (self->failed_path);
  self->failed_path = damaged ? g_strdup (path) : NULL;
  if (damaged && self->restore_button == NULL)
    {
      self->restore_button = gtk_button_new_with_mnemonic (_("Restore a _Backup…"));
      gtk_widget_set_halign (self->restore_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->restore_button, "pill");
      gtk_widget_add_css_class (self->restore_button, "suggested-action");
      g_signal_connect_object (self->restore_button, "clicked",
                               G_CALLBACK (on_restore_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_status_page_set_child (self->message_page, self->restore_button);
    }
  if (self->restore_button != NULL)
    gtk_widget_set_visible (self->restore_button, damaged);
}
