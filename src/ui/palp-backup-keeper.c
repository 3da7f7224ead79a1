/* palp-backup-keeper.c: automatic backups of the open clinic
 *
 * Backups are written by a worker thread through a read-only connection
 * of its own, so the window never waits on them; the rotation then runs on
 * the folder's names (palp_backup_rotate ()). The folder is a setting of
 * this computer, not of the clinic: a USB drive or a mounted share has a
 * path only here, and a database carried to another machine should not
 * try to write to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-backup-keeper.h"

#define KEY_FOLDER     "backup-folder"
#define KEY_LAST_ERROR "backup-last-error"

struct _PalpBackupKeeper
{
  GObject     parent_instance;

  GSettings  *settings;
  PalpStore  *store;
  GtkWindow  *window;        /* weak: closing it backs up first */
  char       *folder;        /* without settings */
  char       *last_error;    /* without settings */
  gboolean    busy;
  gboolean    closing;       /* the window waits for this backup */
  gboolean    closed_backup; /* the closing backup was tried */
};

G_DEFINE_FINAL_TYPE (PalpBackupKeeper, palp_backup_keeper, G_TYPE_OBJECT)

enum
{
  CHANGED,
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
palp_backup_entry_free (PalpBackupEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpBackupEntry, palp_backup_entry_free)

static char *
clinic_slug (PalpBackupKeeper *self,
             char            **out_name)
{
  g_autoptr(PalpClinic) clinic = self->store ? palp_store_load_clinic (self->store, NULL)
                                             : NULL;
  const char *name = clinic ? palp_clinic_get_name (clinic) : NULL;

  if (out_name != NULL)
    *out_name = g_strdup (name);
  return palp_backup_slug (name);
}

char *
palp_backup_keeper_dup_folder (PalpBackupKeeper *self)
{
  g_autofree char *chosen = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), NULL);

  chosen = self->settings ? g_settings_get_string (self->settings, KEY_FOLDER)
                          : g_strdup (self->folder);
  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);
  if (self->store == NULL)
    return NULL;
  dir = g_path_get_dirname (palp_store_get_path (self->store));
  return g_build_filename (dir, "Backups", NULL);
}

void
palp_backup_keeper_set_folder (PalpBackupKeeper *self,
                               const char       *folder)
{
  g_return_if_fail (PALP_IS_BACKUP_KEEPER (self));

  if (self->settings != NULL)
    g_settings_set_string (self->settings, KEY_FOLDER, folder ? folder : "");
  else
    {
      g_free (self->folder);
      self->folder = g_strdup (folder);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
palp_backup_keeper_get_last_error (PalpBackupKeeper *self)
{
  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), NULL);

  if (self->settings != NULL)
    {
      g_free (self->last_error);
      self->last_error = g_settings_get_string (self->settings, KEY_LAST_ERROR);
      if (*self->last_error == '\0')
        g_clear_pointer (&self->last_error, g_free);
    }
  return self->last_error;
}

static void
set_last_error (PalpBackupKeeper *self,
                const char       *message)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, KEY_LAST_ERROR, message ? message : "");
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

gboolean
palp_backup_keeper_get_busy (PalpBackupKeeper *self)
{
  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), FALSE);
  return self->busy;
}

PalpStore *
palp_backup_keeper_get_store (PalpBackupKeeper *self)
{
  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), NULL);
  return self->store;
}

void
palp_backup_keeper_set_store (PalpBackupKeeper *self,
                              PalpStore        *store)
{
  g_return_if_fail (PALP_IS_BACKUP_KEEPER (self));

  if (g_set_object (&self->store, store))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_entries (GPtrArray  *out,
             const char *dir,
             const char *slug,
             gboolean    safety_copies)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree PalpBackupKeep *keep = NULL;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  keep = palp_backup_rotate ((const char * const *) names->pdata, names->len, slug,
                             PALP_BACKUP_KEEP_DAYS, PALP_BACKUP_KEEP_WEEKS,
                             PALP_BACKUP_KEEP_MONTHS);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(PalpBackupEntry) entry = g_new0 (PalpBackupEntry, 1);
      gboolean safety = FALSE;
      GStatBuf st;

      if (!palp_backup_parse_name (g_ptr_array_index (names, i), NULL, &entry->time, &safety) ||
          safety != safety_copies || (!safety && keep[i] == PALP_BACKUP_OTHER))
        continue;
      entry->path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      if (g_stat (entry->path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;
      entry->size = st.st_size;
      entry->keep = keep[i];
      entry->safety = safety;
      g_ptr_array_add (out, g_steal_pointer (&entry));
    }
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const PalpBackupEntry *x = *(PalpBackupEntry * const *) a;
  const PalpBackupEntry *y = *(PalpBackupEntry * const *) b;

  if (x->safety != y->safety)
    return x->safety ? 1 : -1;
  return -g_date_time_compare (x->time, y->time);
}

GPtrArray *
palp_backup_keeper_list (PalpBackupKeeper *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_backup_entry_free);
  g_autofree char *folder = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), out);

  if (self->store == NULL)
    return out;
  folder = palp_backup_keeper_dup_folder (self);
  slug = clinic_slug (self, NULL);
  dir = g_path_get_dirname (palp_store_get_path (self->store));
  add_entries (out, folder, slug, FALSE);
  add_entries (out, dir, slug, TRUE);
  g_ptr_array_sort (out, newest_first);
  return out;
}

gboolean
palp_backup_keeper_is_due (PalpBackupKeeper *self)
{
  g_autoptr(GPtrArray) entries = palp_backup_keeper_list (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PalpBackupEntry *newest;

  if (entries->len == 0 || ((PalpBackupEntry *) g_ptr_array_index (entries, 0))->safety)
    return TRUE;
  newest = g_ptr_array_index (entries, 0);
  return g_date_time_difference (now, newest->time) > G_TIME_SPAN_DAY;
}

/* The backup itself, in the worker thread */

typedef struct
{
  char *db_path;
  char *folder;
  char *clinic_name;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->folder);
  g_free (job->clinic_name);
  g_free (job);
}

static void
back_up_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = palp_backup_file_name (job->clinic_name, now, FALSE);
  g_autofree char *dest = g_build_filename (job->folder, name, NULL);
  g_autofree char *slug = palp_backup_slug (job->clinic_name);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree PalpBackupKeep *keep = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (g_mkdir_with_parents (job->folder, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The backup folder “%s” cannot be used: %s."), job->folder,
                               g_strerror (saved));
      return;
    }
  if (!palp_store_backup_file (job->db_path, dest, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only once the new backup is verified are old ones let go. */
  dir = g_dir_open (job->folder, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  keep = palp_backup_rotate ((const char * const *) names->pdata, names->len, slug,
                             PALP_BACKUP_KEEP_DAYS, PALP_BACKUP_KEEP_WEEKS,
                             PALP_BACKUP_KEEP_MONTHS);
  for (guint i = 0; i < names->len; i++)
    if (keep[i] == PALP_BACKUP_EXPIRED)
      {
        g_autofree char *old = g_build_filename (job->folder, g_ptr_array_index (names, i),
                                                 NULL);
        g_unlink (old);
      }
  g_task_return_pointer (task, g_steal_pointer (&dest), g_free);
}

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PalpBackupKeeper *self = PALP_BACKUP_KEEPER (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_task_propagate_pointer (G_TASK (result), &error);

  self->busy = FALSE;
  set_last_error (self, error ? error->message : NULL);
  if (error != NULL)
    g_message ("Backup failed: %s", error->message);

  if (self->closing)
    {
      GApplication *app = g_application_get_default ();

      self->closing = FALSE;
      self->closed_backup = TRUE;
      if (app != NULL)
        g_application_release (app);
      /* A failure keeps the window open to be seen; closing again closes. */
      if (error == NULL && self->window != NULL)
        gtk_window_close (self->window);
    }
  if (self->window != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->window), TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
palp_backup_keeper_back_up (PalpBackupKeeper *self)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  g_return_if_fail (PALP_IS_BACKUP_KEEPER (self));

  if (self->busy || self->store == NULL)
    return;
  job = g_new0 (BackupJob, 1);
  job->db_path = g_strdup (palp_store_get_path (self->store));
  job->folder = palp_backup_keeper_dup_folder (self);
  g_free (clinic_slug (self, &job->clinic_name));

  self->busy = TRUE;
  task = g_task_new (self, NULL, back_up_done_cb, NULL);
  g_task_set_source_tag (task, palp_backup_keeper_back_up);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, back_up_thread);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Closing: back up first, with the window showing so, then close. */
static gboolean
on_window_close_request_cb (GtkWindow        *window,
                            PalpBackupKeeper *self)
{
  GApplication *app = g_application_get_default ();

  if (self->closed_backup || self->store == NULL)
    return FALSE;
  if (!self->busy)
    palp_backup_keeper_back_up (self);
  if (!self->busy)
    return FALSE;
  if (!self->closing)
    {
      self->closing = TRUE;
      /* The application stays until the backup is written. */
      if (app != NULL)
        g_application_hold (app);
      gtk_widget_set_sensitive (GTK_WIDGET (window), FALSE);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

void
palp_backup_keeper_start_automatic (PalpBackupKeeper *self,
                                    GtkWindow        *window)
{
  g_return_if_fail (PALP_IS_BACKUP_KEEPER (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (self->window == NULL)
    {
      g_set_weak_pointer (&self->window, window);
      g_signal_connect_object (window, "close-request", G_CALLBACK (on_window_close_request_cb),
                               self, 0);
    }
  if (self->store != NULL && palp_backup_keeper_is_due (self))
    palp_backup_keeper_back_up (self);
}

gboolean
palp_backup_keeper_restore (PalpBackupKeeper  *self,
                            const char        *backup,
                            char             **out_safety,
                            GError           **error)
{
  g_return_val_if_fail (PALP_IS_BACKUP_KEEPER (self), FALSE);

  if (self->store == NULL || self->busy)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_LOCKED,
                   _("A backup is being written. Try again in a moment."));
      return FALSE;
    }
  if (!palp_store_restore_in_place (self->store, backup, out_safety, error))
    return FALSE;
  g_signal_emit (self, signals[RESTORED], 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* The bar */

typedef struct
{
  GtkRevealer *revealer;
  GtkWidget   *box;
  GtkWidget   *icon;
  GtkWidget   *spinner;
  GtkLabel    *label;
  GtkWidget   *button;
} Bar;

static void
update_bar (PalpBackupKeeper *self,
            GtkWidget        *widget)
{
  Bar *bar = g_object_get_data (G_OBJECT (widget), "palp-bar");
  const char *error = palp_backup_keeper_get_last_error (self);
  gboolean closing = self->closing;

  gtk_widget_set_visible (bar->spinner, closing);
  gtk_spinner_set_spinning (GTK_SPINNER (bar->spinner), closing);
  gtk_widget_set_visible (bar->icon, !closing);
  gtk_widget_set_visible (bar->button, !closing && !self->busy);
  if (closing)
    {
      gtk_widget_remove_css_class (bar->box, "palp-refused");
      gtk_label_set_text (bar->label, _("Backing up the clinic before closing…"));
    }
  else if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The last backup failed: %s"), error);

      gtk_widget_add_css_class (bar->box, "palp-refused");
      gtk_label_set_text (bar->label, text);
    }
  gtk_revealer_set_reveal_child (bar->revealer, closing || (error != NULL && !self->busy));
}

static GtkWidget *
build_bar (Bar *bar)
{
  bar->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (bar->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  bar->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_object_set (bar->box, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (bar->box, "palp-callout");
  bar->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  bar->spinner = gtk_spinner_new ();
  bar->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (bar->label, TRUE);
  gtk_label_set_xalign (bar->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (bar->label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Backup status"), -1);
  bar->button = gtk_button_new_with_mnemonic (_("_Back Up Now"));
  gtk_widget_set_valign (bar->button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bar->box), bar->icon);
  gtk_box_append (GTK_BOX (bar->box), bar->spinner);
  gtk_box_append (GTK_BOX (bar->box), GTK_WIDGET (bar->label));
  gtk_box_append (GTK_BOX (bar->box), bar->button);
  gtk_revealer_set_child (bar->revealer, bar->box);
  return GTK_WIDGET (bar->revealer);
}

GtkWidget *
palp_backup_keeper_new_bar (PalpBackupKeeper *self)
{
  Bar *bar = g_new0 (Bar, 1);
  GtkWidget *widget = build_bar (bar);

  g_object_set_data_full (G_OBJECT (widget), "palp-bar", bar, g_free);
  g_signal_connect_object (bar->button, "clicked", G_CALLBACK (palp_backup_keeper_back_up),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "changed", G_CALLBACK (update_bar), widget, 0);
  update_bar (self, widget);
  return widget;
}

static void
palp_backup_keeper_dispose (GObject *object)
{
  PalpBackupKeeper *self = (PalpBackupKeeper *) object;

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (palp_backup_keeper_parent_class)->dispose (object);
}

static void
palp_backup_keeper_finalize (GObject *object)
{
  PalpBackupKeeper *self = (PalpBackupKeeper *) object;

  g_free (self->folder);
  g_free (self->last_error);

  G_OBJECT_CLASS (palp_backup_keeper_parent_class)->finalize (object);
}

static void
palp_backup_keeper_class_init (PalpBackupKeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = palp_backup_keeper_dispose;
  object_class->finalize = palp_backup_keeper_finalize;

  /* A backup started or ended, the folder changed, or a restore was made. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The store now holds a restored clinic: everything shown is stale. */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
palp_backup_keeper_init (PalpBackupKeeper *self)
{
}

PalpBackupKeeper *
palp_backup_keeper_new (GSettings *settings)
{
  PalpBackupKeeper *self = g_object_new (PALP_TYPE_BACKUP_KEEPER, NULL);

  g_set_object (&self->settings, settings);
  return self;
}
