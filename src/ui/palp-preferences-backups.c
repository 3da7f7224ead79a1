/* palp-preferences-backups.c: the Backups page of the preferences
 *
 * Where this computer keeps the clinic's backups, "Back Up Now", the
 * backups kept (with the rotation that keeps each) and the safety copies
 * made before restores. A restore first shows what the backup holds;
 * nothing is touched until the person says "Restore".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-preferences-backups.h"
#include "palp-ui-util.h"

struct _PalpPreferencesBackups
{
  AdwPreferencesPage   parent_instance;

  PalpBackupKeeper    *keeper;
  PalpUser            *user;

  AdwActionRow        *folder_row;
  GtkWidget           *folder_button;
  AdwActionRow        *status_row;
  GtkWidget           *spinner;
  GtkWidget           *backup_button;
  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *safety_group;
  GPtrArray           *rows;   /* rows of the two lists, removed on each update */
};

G_DEFINE_FINAL_TYPE (PalpPreferencesBackups, palp_preferences_backups,
                     ADW_TYPE_PREFERENCES_PAGE)

static char *
format_time (GDateTime *time)
{
  /* Translators: a backup's date and time, as strftime() would write it */
  return g_date_time_format (time, _("%A %-d %B %Y, %H:%M"));
}

static GtkWindow *
own_window (PalpPreferencesBackups *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
message (GtkWindow  *parent,
         const char *heading,
         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Restore */

static const char *
restore_path (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "palp-backup");
}

/* Windows that would go on writing what they loaded from the clinic as it
 * was: a visit's note, a document. */
static gboolean
other_windows_open (PalpPreferencesBackups *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  GtkWindow *prefs = own_window (self);
  GtkWindow *main = prefs ? gtk_window_get_transient_for (prefs) : NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != prefs && l->data != main && gtk_widget_get_visible (l->data) &&
        !ADW_IS_MESSAGE_DIALOG (l->data))
      return TRUE;
  return FALSE;
}

static gboolean
close_window_cb (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_restore_response_cb (AdwMessageDialog       *dialog,
                        const char             *response,
                        PalpPreferencesBackups *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *body = NULL;
  g_autofree char *safety_name = NULL;
  GtkWindow *prefs = own_window (self);
  GtkWindow *main = prefs ? gtk_window_get_transient_for (prefs) : NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (other_windows_open (self))
    {
      message (prefs, _("Close the Other Windows First"),
               _("A visit or a document is open in another window. Close it, then restore, "
                 "so that nothing is saved into the clinic as it was."));
      return;
    }
  if (!palp_backup_keeper_restore (self->keeper, restore_path (dialog), &safety, &error))
    {
      message (prefs, _("Nothing Was Restored"), error->message);
      return;
    }

  /* The other pages show the clinic as it was: close them with the window. */
  safety_name = g_path_get_basename (safety);
  body = g_strdup_printf (_("The clinic is now as it was in the backup. The clinic as it was "
                            "until now is kept as the safety copy “%s”, listed in Preferences, "
                            "Backups."), safety_name);
  message (main ? main : prefs, _("Clinic Restored"), body);
  /* Once this dialog, which belongs to them, is gone. */
  if (prefs != NULL && main != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb, g_object_ref (prefs),
                     g_object_unref);
}

char *
palp_preferences_backups_describe (const PalpBackupSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = summary->written ? format_time (summary->written) : NULL;
  g_autofree char *size = g_format_size (summary->size);
  g_autofree char *receipts = summary->last_receipts && summary->last_receipts[0]
                                ? g_strjoinv (", ", summary->last_receipts)
                                : g_strdup (_("none"));

  /* Translators: the clinic's name, then when the backup was written */
  g_string_append_printf (text, _("A backup of %s, written %s (%s)."),
                          summary->clinic_name ? summary->clinic_name : _("an unnamed clinic"),
                          when ? when : "?", size);
  g_string_append (text, "\n\n");
  g_string_append_printf (text, ngettext ("%d client", "%d clients", (gulong) summary->n_clients),
                          (int) summary->n_clients);
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%d visit", "%d visits", (gulong) summary->n_visits),
                          (int) summary->n_visits);
  g_string_append (text, "\n");
  g_string_append_printf (text, _("Last receipts: %s"), receipts);
  g_string_append (text, "\n");
  g_string_append_printf (text, _("Schema version %d"), summary->schema_version);
  g_string_append (text, "\n\n");
  g_string_append (text, _("The clinic as it is now will be kept as a safety copy beside the "
                           "database, then replaced by this backup. What was entered since the "
                           "backup was written will no longer be shown."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

AdwMessageDialog *
palp_preferences_backups_restore_dialog (GtkWindow  *parent,
                                         const char *backup,
                                         GCallback   on_response,
                                         gpointer    data)
{
  g_autoptr(PalpBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  summary = palp_store_describe_backup (backup, &error);
  if (summary == NULL)
    {
      dialog = adw_message_dialog_new (parent, _("This Backup Cannot Be Restored"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return ADW_MESSAGE_DIALOG (dialog);
    }

  body = palp_preferences_backups_describe (summary);
  dialog = adw_message_dialog_new (parent, _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "palp-backup", g_strdup (backup), g_free);
  g_signal_connect_object (dialog, "response", on_response, data, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

AdwMessageDialog *
palp_preferences_backups_ask_restore (PalpPreferencesBackups *self,
                                      const char             *backup)
{
  g_return_val_if_fail (PALP_IS_PREFERENCES_BACKUPS (self), NULL);

  return palp_preferences_backups_restore_dialog (own_window (self), backup,
                                                  G_CALLBACK (on_restore_response_cb), self);
}

static void
on_restore_clicked_cb (GtkButton              *button,
                       PalpPreferencesBackups *self)
{
  palp_preferences_backups_ask_restore (self, g_object_get_data (G_OBJECT (button),
                                                                 "palp-backup"));
}

static void
on_restore_file_chosen_cb (GtkNativeDialog        *chooser,
                           int                     response,
                           PalpPreferencesBackups *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    palp_preferences_backups_ask_restore (self, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_restore_file_clicked_cb (GtkButton              *button,
                            PalpPreferencesBackups *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"), own_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_restore_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The folder */

static void
on_folder_chosen_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     PalpPreferencesBackups *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    palp_backup_keeper_set_folder (self->keeper, path);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_folder_clicked_cb (GtkButton              *button,
                      PalpPreferencesBackups *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose Where to Keep Backups"), own_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The lists */

static GtkWidget *
entry_row (PalpPreferencesBackups *self,
           PalpBackupEntry        *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *when = format_time (entry->time);
  g_autofree char *size = g_format_size (entry->size);
  g_autofree char *kept = entry->safety ? g_strdup (_("Kept before a restore"))
                                        : palp_backup_keep_label (entry->keep);
  g_autofree char *subtitle = kept ? g_strdup_printf ("%s · %s", size, kept) : g_strdup (size);
  g_autofree char *name = g_strdup_printf (_("Restore the backup of %s"), when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, entry->path);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, palp_ui_user_may (self->user, PALP_ACTION_RESTORE, 0, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "palp-backup", g_strdup (entry->path), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update (PalpPreferencesBackups *self)
{
  g_autoptr(GPtrArray) entries = palp_backup_keeper_list (self->keeper);
  g_autofree char *folder = palp_backup_keeper_dup_folder (self->keeper);
  const char *error = palp_backup_keeper_get_last_error (self->keeper);
  gboolean busy = palp_backup_keeper_get_busy (self->keeper);
  PalpBackupEntry *newest = NULL;
  guint n_backups = 0, n_safety = 0;

  adw_action_row_set_subtitle (self->folder_row, folder ? folder : "");

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (
        gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < entries->len; i++)
    {
      PalpBackupEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = entry_row (self, entry);

      if (!entry->safety && newest == NULL)
        newest = entry;
      adw_preferences_group_add (entry->safety ? self->safety_group : self->list_group, row);
      g_ptr_array_add (self->rows, row);
      if (entry->safety)
        n_safety++;
      else
        n_backups++;
    }
  if (n_backups == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Backups written to the folder above will be listed here."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->safety_group), n_safety > 0);

  /* The last result. */
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->backup_button,
                            !busy && palp_ui_user_may (self->user, PALP_ACTION_BACKUP, 0, NULL));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
  if (busy)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Backing Up…"));
      adw_action_row_set_subtitle (self->status_row,
                                   _("Writing the backup, then checking it."));
    }
  else if (error != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                     _("The Last Backup Failed"));
      adw_action_row_set_subtitle (self->status_row, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
    }
  else if (newest != NULL)
    {
      g_autofree char *when = format_time (newest->time);
      g_autofree char *text = g_strdup_printf (_("%s, checked after writing"), when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Last Backup"));
      adw_action_row_set_subtitle (self->status_row, text);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Last Backup"));
      adw_action_row_set_subtitle (self->status_row, _("None yet"));
    }
}

static void
build (PalpPreferencesBackups *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *restore_file = gtk_button_new_with_mnemonic (_("Restore From a _File…"));
  gboolean admin = palp_ui_user_may (self->user, PALP_ACTION_BACKUP, 0, NULL);

  adw_preferences_page_set_title (page, _("Backups"));
  adw_preferences_page_set_icon_name (page, "drive-harddisk-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Automatic Backups"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _("Palpate backs up the clinic when it starts, if the last backup is more than a day "
      "old, and when it closes. Each backup is checked after it is written. The last 7 "
      "days, 4 weeks and 12 months are kept. Choose a folder on another disk, a USB drive "
      "or a shared drive, so that one broken disk cannot take both."));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Folder"));
  self->folder_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (self->folder_button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->folder_button, admin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->folder_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the backup folder"), -1);
  g_signal_connect (self->folder_button, "clicked", G_CALLBACK (on_folder_clicked_cb), self);
  adw_action_row_add_suffix (self->folder_row, self->folder_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->folder_row));

  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->spinner = gtk_spinner_new ();
  self->backup_button = gtk_button_new_with_mnemonic (_("_Back Up Now"));
  gtk_widget_set_valign (self->backup_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->backup_button, "suggested-action");
  g_signal_connect_object (self->backup_button, "clicked",
                           G_CALLBACK (palp_backup_keeper_back_up), self->keeper,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (self->status_row, self->spinner);
  adw_action_row_add_suffix (self->status_row, self->backup_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Backups Kept"));
  gtk_widget_add_css_class (restore_file, "flat");
  gtk_widget_set_sensitive (restore_file,
                            palp_ui_user_may (self->user, PALP_ACTION_RESTORE, 0, NULL));
  g_signal_connect (restore_file, "clicked", G_CALLBACK (on_restore_file_clicked_cb), self);
  adw_preferences_group_set_header_suffix (self->list_group, restore_file);
  adw_preferences_page_add (page, self->list_group);

  self->safety_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->safety_group, _("Safety Copies"));
  adw_preferences_group_set_description (self->safety_group,
                                         _("The clinic as it was before each restore, kept "
                                           "beside the database. They are never removed "
                                           "automatically."));
  adw_preferences_page_add (page, self->safety_group);
}

static void
palp_preferences_backups_dispose (GObject *object)
{
  PalpPreferencesBackups *self = (PalpPreferencesBackups *) object;

  g_clear_object (&self->keeper);
  g_clear_object (&self->user);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (palp_preferences_backups_parent_class)->dispose (object);
}

static void
palp_preferences_backups_class_init (PalpPreferencesBackupsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = palp_preferences_backups_dispose;
}

static void
palp_preferences_backups_init (PalpPreferencesBackups *self)
{
  self->rows = g_ptr_array_new ();
}

PalpPreferencesBackups *
palp_preferences_backups_new (PalpBackupKeeper *keeper,
                              PalpUser         *user)
{
  PalpPreferencesBackups *self = g_object_new (PALP_TYPE_PREFERENCES_BACKUPS, NULL);

  self->keeper = g_object_ref (keeper);
  g_set_object (&self->user, user);
  build (self);
  g_signal_connect_object (keeper, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return self;
}
