/* test-backups.c: the Backups page and the window's backup bar, under
 * Xvfb: choose a folder, back up, see it listed, restore it after a change
 * and find the change gone and the safety copy kept; lose the database
 * file and restore yesterday's backup into a clinic set up again, or find
 * it damaged and restore yesterday's backup from the window that says so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <utime.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-preferences.h"
#include "palp-preferences-backups.h"
#include "palp-test-shot.h"
#include "palp-window.h"

typedef struct
{
  char                   *dir;
  char                   *folder;
  PalpStore              *store;
  PalpWindow             *window;
  PalpBackupKeeper       *keeper;
  PalpPreferences        *prefs;
  PalpPreferencesBackups *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-backups-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->folder = g_build_filename (f->dir, "usb-drive", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, "rosa");
  gtk_window_present (GTK_WINDOW (f->window));
  f->keeper = palp_window_get_backups (f->window);
  f->prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  f->page = palp_preferences_backups_new (f->keeper, palp_window_get_user (f->window));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->prefs), ADW_PREFERENCES_PAGE (f->page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (f->prefs),
                                           ADW_PREFERENCES_PAGE (f->page));
  gtk_window_set_transient_for (GTK_WINDOW (f->prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->prefs));
  /* A restore closes it. */
  g_object_add_weak_pointer (G_OBJECT (f->prefs), (gpointer *) &f->prefs);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  if (gtk_widget_get_visible (GTK_WIDGET (f->window)))
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->folder);
  g_free (f->dir);
}

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Until the worker thread has written and checked the backup. */
static void
wait_for_backup (PalpBackupKeeper *keeper)
{
  while (palp_backup_keeper_get_busy (keeper))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static GtkWidget *
find (GtkWidget     *root,
      gboolean     (*match) (GtkWidget *w, gconstpointer data),
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_button_labelled (GtkWidget     *w,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
}

static gboolean
is_row_titled (GtkWidget     *w,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (w) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

static gboolean
is_row_subtitled_with (GtkWidget     *w,
                       gconstpointer  text)
{
  return ADW_IS_ACTION_ROW (w) && gtk_widget_get_mapped (w) &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (w)) ?: "", text) != NULL;
}

static gboolean
is_label_starting (GtkWidget     *w,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (w) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (w)), text);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static guint
count_files (const char *dir,
             const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

static void
test_back_up_and_restore (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_store_load_client (f->store, 1, &error);
  g_autoptr(PalpClient) after = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *original = NULL;
  GtkWidget *folder_row, *button, *restore;
  AdwMessageDialog *dialog;
  PalpBackupEntry *safety = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  original = g_strdup (palp_client_get_family_name (client));
  spin ();

  /* The folder, as the folder chooser sets it. */
  palp_backup_keeper_set_folder (f->keeper, f->folder);
  folder_row = find (GTK_WIDGET (f->page), is_row_titled, "Folder");
  g_assert_nonnull (folder_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (folder_row)), ==, f->folder);
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_titled, "No backups yet"));

  button = find (GTK_WIDGET (f->page), is_button_labelled, "_Back Up Now");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (palp_backup_keeper_get_busy (f->keeper));
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_titled, "Backing Up…"));
  wait_for_backup (f->keeper);

  /* Written, private, listed as today's daily backup. */
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  g_assert_cmpuint (count_files (f->folder, PALP_BACKUP_SUFFIX), ==, 1);
  entries = palp_backup_keeper_list (f->keeper);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (g_stat (((PalpBackupEntry *) g_ptr_array_index (entries, 0))->path, &st), ==,
                   0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_subtitled_with, "Daily"));
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_titled, "Last Backup"));
  g_assert_null (find (GTK_WIDGET (f->page), is_row_titled, "No backups yet"));
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-backups");

  /* A change after the backup… */
  g_object_set (client, "family-name", "Changed-After-Backup", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  /* …and the backup's own Restore button: what it holds comes first. */
  restore = find (GTK_WIDGET (f->page), is_button_labelled, "_Restore…");
  g_assert_nonnull (restore);
  g_signal_emit_by_name (restore, "clicked");
  spin ();
  dialog = find_dialog ("Restore This Backup?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), " clients"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), " visits"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Last receipts: T-"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Schema version"));
  palp_test_shoot (GTK_WINDOW (dialog), "restore-dialog");
  /* Nothing has happened yet. */
  after = palp_store_load_client (f->store, 1, NULL);
  g_assert_cmpstr (palp_client_get_family_name (after), ==, "Changed-After-Backup");
  g_clear_object (&after);

  adw_message_dialog_response (dialog, "restore");
  spin ();
  g_assert_nonnull (find_dialog ("Clinic Restored"));

  /* The change is gone, in the store every page holds, and rosa is still
   * signed in. */
  after = palp_store_load_client (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_client_get_family_name (after), ==, original);
  g_assert_nonnull (palp_window_get_user (f->window));
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "rosa");
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), >, 0);

  /* The safety copy is there, private, and listed. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = palp_backup_keeper_list (f->keeper);
  for (guint i = 0; i < entries->len; i++)
    if (((PalpBackupEntry *) g_ptr_array_index (entries, i))->safety)
      safety = g_ptr_array_index (entries, i);
  g_assert_nonnull (safety);
  g_assert_cmpint (g_stat (safety->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(PalpStore) kept = palp_store_open (safety->path, PALP_STORE_OPEN_READ_ONLY,
                                                 &error);
    g_autoptr(PalpClient) kept_client = NULL;

    g_assert_no_error (error);
    kept_client = palp_store_load_client (kept, 1, &error);
    g_assert_cmpstr (palp_client_get_family_name (kept_client), ==, "Changed-After-Backup");
  }
  /* The preferences showed the clinic as it was: they are closed. */
  g_assert_true (f->prefs == NULL || !gtk_widget_get_visible (GTK_WIDGET (f->prefs)));
}

/* A damaged backup is refused with its reason, and the clinic is untouched. */
static void
test_damaged_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "damaged.palpate-backup", NULL);
  g_autofree char *before = NULL, *after = NULL, *contents = NULL;
  g_autoptr(PalpClient) client = NULL;
  AdwMessageDialog *dialog;
  gsize len;

  g_assert_true (g_file_set_contents (bad, "SQLite format 3\0garbage", 24, NULL));
  g_assert_true (g_file_get_contents (palp_store_get_path (f->store), &contents, &len, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_clear_pointer (&contents, g_free);

  dialog = palp_preferences_backups_ask_restore (f->page, bad);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This Backup Cannot Be Restored");
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  spin ();

  g_assert_true (g_file_get_contents (palp_store_get_path (f->store), &contents, &len, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (f->dir, PALP_BACKUP_SAFETY_SUFFIX), ==, 0);
  client = palp_store_load_client (f->store, 1, NULL);
  g_assert_nonnull (client);
}

/* A failed backup shows in the main window until one succeeds. */
static void
test_failure_bar (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *under_file = g_build_filename (file, "backups", NULL);
  GtkWidget *label, *revealer;

  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  palp_backup_keeper_set_folder (f->keeper, under_file);
  palp_backup_keeper_back_up (f->keeper);
  wait_for_backup (f->keeper);

  g_assert_nonnull (palp_backup_keeper_get_last_error (f->keeper));
  label = find (GTK_WIDGET (f->window), is_label_starting, "The last backup failed");
  g_assert_nonnull (label);
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_titled, "The Last Backup Failed"));
  palp_test_shoot (GTK_WINDOW (f->window), "backup-failed-bar");

  palp_backup_keeper_set_folder (f->keeper, f->folder);
  palp_backup_keeper_back_up (f->keeper);
  wait_for_backup (f->keeper);
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

/* Automatic: a first backup at start (none yet), and one more on closing,
 * the window waiting for it. */
static void
test_automatic (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *label;

  gtk_window_destroy (GTK_WINDOW (f->prefs));
  spin ();
  palp_backup_keeper_set_folder (f->keeper, f->folder);
  palp_backup_keeper_start_automatic (f->keeper, GTK_WINDOW (f->window));
  g_assert_true (palp_backup_keeper_get_busy (f->keeper));
  wait_for_backup (f->keeper);
  g_assert_cmpuint (count_files (f->folder, PALP_BACKUP_SUFFIX), ==, 1);
  /* Just written: not due again. */
  g_assert_false (palp_backup_keeper_is_due (f->keeper));

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (palp_backup_keeper_get_busy (f->keeper));
  label = find (GTK_WIDGET (f->window), is_label_starting, "Backing up the clinic");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_drawable (label) ||
                 gtk_revealer_get_reveal_child (
                   GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));
  g_object_ref (f->keeper);
  wait_for_backup (f->keeper);
  /* Written, then the window closed. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpuint (count_files (f->folder, PALP_BACKUP_SUFFIX), >=, 1);
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  g_object_unref (f->keeper);
}

static gboolean
is_entry_row_titled (GtkWidget     *w,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (w) && gtk_widget_get_mapped (w) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

/* What a clinic holds, as the restore dialog summarises it. */
static PalpBackupSummary *
summarise (const char *path)
{
  g_autoptr(GError) error = NULL;
  PalpBackupSummary *summary = palp_store_describe_backup (path, &error);

  g_assert_no_error (error);
  return summary;
}

/* The walk-through: yesterday's backup is there; the clinic's database is
 * lost; Palpate starts on an empty clinic, is set up again, and yesterday's
 * backup is restored from Preferences, Backups, after reading what it
 * holds: every client, visit and receipt is back. */
static void
test_lost_database (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PalpBackupSummary) before = NULL;
  g_autoptr(PalpBackupSummary) after = NULL;
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (f->store, &error);
  g_autoptr(PalpClient) client = palp_store_load_client (f->store, 1, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(PalpClient) restored_client = NULL;
  g_autofree char *path = g_strdup (palp_store_get_path (f->store));
  g_autofree char *clinic_name = NULL;
  g_autofree char *family_name = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *yesterdays = NULL;
  g_autofree char *counts = NULL;
  static const char *suffixes[] = { "", "-wal", "-shm" };
  GtkWidget *button, *row;
  AdwMessageDialog *dialog;
  const char *body;
  guint n_clients;

  g_assert_no_error (error);
  clinic_name = g_strdup (palp_clinic_get_name (clinic));
  family_name = g_strdup (palp_client_get_family_name (client));
  n_clients = g_list_model_get_n_items (palp_window_get_clients (f->window));
  g_assert_cmpuint (n_clients, >, 0);
  spin ();

  /* Yesterday's backup: written and checked, then dated yesterday, as the
   * automatic backup of the day before would be. */
  palp_backup_keeper_set_folder (f->keeper, f->folder);
  button = find (GTK_WIDGET (f->page), is_button_labelled, "_Back Up Now");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_for_backup (f->keeper);
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  entries = palp_backup_keeper_list (f->keeper);
  g_assert_cmpuint (entries->len, ==, 1);
  backup = g_strdup (((PalpBackupEntry *) g_ptr_array_index (entries, 0))->path);
  {
    g_autofree char *name = palp_backup_file_name (clinic_name, yesterday, FALSE);

    yesterdays = g_build_filename (f->folder, name, NULL);
  }
  g_assert_cmpint (g_rename (backup, yesterdays), ==, 0);
  {
    struct utimbuf times = { g_date_time_to_unix (yesterday), g_date_time_to_unix (yesterday) };

    g_assert_cmpint (g_utime (yesterdays, &times), ==, 0);
  }
  before = summarise (path);
  g_assert_cmpint (before->n_clients, >, 0);
  g_assert_cmpint (before->n_visits, >, 0);
  g_assert_nonnull (before->last_receipts);
  g_assert_nonnull (before->last_receipts[0]);

  /* Palpate closes; the database file is lost. */
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* It starts again as the application does: a new, empty clinic, and
   * the set-up form. */
  f->store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
  g_assert_null (palp_window_get_user (f->window));
  row = find (GTK_WIDGET (f->window), is_entry_row_titled, "Clinic name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), clinic_name);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (f->window), is_entry_row_titled,
                                             "Your name")), "Rosa Delgado");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (f->window), is_entry_row_titled,
                                             "Your login")), "rosa");
  button = find (GTK_WIDGET (f->window), is_button_labelled, "_Create Clinic");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin ();
  g_assert_nonnull (palp_window_get_user (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==, 0);

  /* Preferences, Backups, as the application opens them: the folder is
   * this machine's, and yesterday's backup is listed. */
  f->keeper = palp_window_get_backups (f->window);
  f->prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  f->page = palp_preferences_backups_new (f->keeper, palp_window_get_user (f->window));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->prefs), ADW_PREFERENCES_PAGE (f->page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (f->prefs),
                                           ADW_PREFERENCES_PAGE (f->page));
  gtk_window_set_transient_for (GTK_WINDOW (f->prefs), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (f->prefs));
  g_object_add_weak_pointer (G_OBJECT (f->prefs), (gpointer *) &f->prefs);
  spin ();
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = palp_backup_keeper_list (f->keeper);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((PalpBackupEntry *) g_ptr_array_index (entries, 0))->path, ==, yesterdays);
  g_assert_cmpint (g_date_time_get_day_of_year (
                     ((PalpBackupEntry *) g_ptr_array_index (entries, 0))->time), ==,
                   g_date_time_get_day_of_year (yesterday));
  g_assert_nonnull (find (GTK_WIDGET (f->page), is_row_subtitled_with, "Daily"));

  /* What it holds comes first: the clients, visits and receipts lost. */
  button = find (GTK_WIDGET (f->page), is_button_labelled, "_Restore…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();
  dialog = find_dialog ("Restore This Backup?");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, clinic_name));
  counts = g_strdup_printf ("%d clients · %d visits", (int) before->n_clients,
                            (int) before->n_visits);
  g_assert_nonnull (strstr (body, counts));
  g_assert_nonnull (strstr (body, before->last_receipts[0]));
  palp_test_shoot (GTK_WINDOW (dialog), "restore-lost-database");
  adw_message_dialog_response (dialog, "restore");
  spin ();
  g_assert_nonnull (find_dialog ("Clinic Restored"));

  /* Everything is back, in the window too, and Rosa is signed in. */
  after = summarise (path);
  g_assert_cmpint (after->n_clients, ==, before->n_clients);
  g_assert_cmpint (after->n_visits, ==, before->n_visits);
  g_assert_cmpstrv (after->last_receipts, before->last_receipts);
  g_assert_cmpstr (after->clinic_name, ==, clinic_name);
  restored_client = palp_store_load_client (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_client_get_family_name (restored_client), ==, family_name);
  g_assert_nonnull (palp_window_get_user (f->window));
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "rosa");
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==,
                    n_clients);
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static gboolean
is_status_titled (GtkWidget     *w,
                  gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (w) && gtk_widget_get_mapped (w) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (w)), title) == 0;
}

static gboolean
is_row_mapped_titled (GtkWidget     *w,
                      gconstpointer  title)
{
  return is_row_titled (w, title) && gtk_widget_get_mapped (w);
}

/* The database file is damaged while Palpate is closed: it cannot be
 * opened, says so, and offers to restore a backup; yesterday's is chosen,
 * what it holds shown, the damaged file kept aside, and the clinic comes
 * back on the chooser, where Rosa signs in to her clients. */
static void
test_damaged_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpBackupSummary) before = NULL;
  g_autoptr(PalpBackupSummary) after = NULL;
  g_autoptr(PalpUser) rosa = palp_store_find_user (f->store, "rosa", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (f->store, NULL);
  g_autofree char *path = g_strdup (palp_store_get_path (f->store));
  g_autofree char *yesterdays = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = g_strdup (palp_user_get_display_name (rosa));
  g_autofree char *garbage = g_malloc (64 * 1024);
  static const char *suffixes[] = { "-wal", "-shm" };
  PalpStore *reopened = NULL;
  GtkWidget *button, *row;
  AdwMessageDialog *dialog;
  guint n_clients = g_list_model_get_n_items (palp_window_get_clients (f->window));
  guint n_damaged_kept;

  spin ();
  /* A real clinic, not a demo: it is backed up once restored. */
  g_object_set (clinic, "is-demo", FALSE, NULL);
  g_assert_true (palp_store_save_clinic (f->store, clinic, &error));
  g_assert_no_error (error);
  palp_backup_keeper_set_folder (f->keeper, f->folder);
  palp_backup_keeper_back_up (f->keeper);
  wait_for_backup (f->keeper);
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  entries = palp_backup_keeper_list (f->keeper);
  g_assert_cmpuint (entries->len, ==, 1);
  name = palp_backup_file_name (palp_clinic_get_name (clinic), yesterday, FALSE);
  yesterdays = g_build_filename (f->folder, name, NULL);
  g_assert_cmpint (g_rename (((PalpBackupEntry *) g_ptr_array_index (entries, 0))->path,
                             yesterdays), ==, 0);
  before = summarise (path);

  /* Palpate closes; the file is overwritten with noise behind its back. */
  gtk_window_destroy (GTK_WINDOW (f->prefs));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  spin ();
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  for (guint i = 0; i < 64 * 1024; i++)
    garbage[i] = (char) g_random_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, garbage, 64 * 1024, NULL));
  n_damaged_kept = count_files (f->dir, PALP_BACKUP_SAFETY_SUFFIX);

  /* It starts again as the application does, and cannot open it. */
  reopened = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_null (reopened);
  g_assert_nonnull (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_show_open_error (f->window, path, error);
  g_clear_error (&error);
  gtk_window_present (GTK_WINDOW (f->window));
  spin ();
  g_assert_nonnull (find (GTK_WIDGET (f->window), is_status_titled,
                          "The Clinic Cannot Be Opened"));
  button = find (GTK_WIDGET (f->window), is_button_labelled, "Restore a _Backup…");
  g_assert_nonnull (button);
  palp_test_shoot (GTK_WINDOW (f->window), "damaged-database");

  /* The backup the file chooser returns: what it holds comes first, and
   * nothing has happened yet. */
  dialog = palp_window_ask_restore (f->window, yesterdays);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), before->last_receipts[0]));
  g_assert_null (palp_window_get_store (f->window));
  adw_message_dialog_response (dialog, "restore");
  spin ();
  g_assert_nonnull (find_dialog ("Clinic Restored"));

  /* The damaged file is kept aside; the clinic is back as it was. */
  g_assert_cmpuint (count_files (f->dir, PALP_BACKUP_SAFETY_SUFFIX), ==, n_damaged_kept + 1);
  after = summarise (path);
  g_assert_cmpint (after->n_clients, ==, before->n_clients);
  g_assert_cmpint (after->n_visits, ==, before->n_visits);
  g_assert_cmpstrv (after->last_receipts, before->last_receipts);
  f->store = g_object_ref (palp_window_get_store (f->window));
  g_assert_nonnull (f->store);
  g_assert_null (palp_window_get_user (f->window));
  /* Yesterday's was the newest backup: today's is written straight away
   * (it may be done already). */
  f->keeper = palp_window_get_backups (f->window);
  wait_for_backup (f->keeper);
  g_assert_null (palp_backup_keeper_get_last_error (f->keeper));
  g_assert_cmpuint (count_files (f->folder, PALP_BACKUP_SUFFIX), ==, 2);

  /* Nobody is signed in: Rosa chooses herself, as every morning. */
  row = find (GTK_WIDGET (f->window), is_row_mapped_titled, display);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  spin ();
  g_assert_nonnull (palp_window_get_user (f->window));
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "rosa");
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==,
                    n_clients);
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ui/backups/back-up-and-restore", test_back_up_and_restore);
  ADD ("/ui/backups/damaged-refused", test_damaged_refused);
  ADD ("/ui/backups/failure-bar", test_failure_bar);
  ADD ("/ui/backups/automatic", test_automatic);
  ADD ("/ui/backups/lost-database", test_lost_database);
  ADD ("/ui/backups/damaged-database", test_damaged_database);
#undef ADD

  return g_test_run ();
}
