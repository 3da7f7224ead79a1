/* palp-year-end.c: every receipt of a year, as PDFs into a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-preview-window.h"
#include "palp-store.h"
#include "palp-year-end.h"

typedef struct
{
  char                *path;
  int                  year;
  gint64               client_id;
  GFile               *folder;
  PalpYearEndProgress  progress;
  gpointer             progress_data;
  GMainContext        *context;
} Job;

typedef struct
{
  PalpYearEndProgress  progress;
  gpointer             data;
  guint                done;
  guint                total;
} Report;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_object (&job->folder);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static gboolean
report_progress (gpointer data)
{
  Report *report = data;

  report->progress (report->done, report->total, report->data);
  return G_SOURCE_REMOVE;
}

static gboolean
write_receipt (PalpStore     *store,
               PalpReceipt   *receipt,
               GFile         *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  /* The stored bytes, unless it was voided or paid since. */
  if (!(pdf = palp_preview_receipt_bytes (store, receipt, error)))
    return FALSE;

  /* Receipt numbers are made of letters, digits and dashes; keep any other
   * pattern a clinic chose from reaching outside the folder. */
  name = g_strconcat (palp_receipt_get_string (receipt, "number"), ".pdf", NULL);
  g_strdelimit (name, "/\\:", '-');
  file = g_file_get_child (folder, name);
  return g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                  NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, cancellable, error);
}

/* What the workers share: the receipts to write, the next one to take, and
 * the first error. */
typedef struct
{
  Job          *job;
  GPtrArray    *chosen;
  GCancellable *cancellable;
  int           next;
  int           done;
  GMutex        lock;
  GError       *error;
} Shared;

static void
report_done (Shared *shared,
             guint   done)
{
  Job *job = shared->job;
  Report *report;

  if (job->progress == NULL)
    return;
  report = g_new0 (Report, 1);
  report->progress = job->progress;
  report->data = job->progress_data;
  report->done = done;
  report->total = shared->chosen->len;
  if (job->context != NULL)
    {
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, report_progress, report,
                                  g_free);
      return;
    }
  /* Called from the workers themselves: one at a time. */
  g_mutex_lock (&shared->lock);
  report_progress (report);
  g_mutex_unlock (&shared->lock);
  g_free (report);
}

static gboolean
failed (Shared *shared)
{
  gboolean any;

  g_mutex_lock (&shared->lock);
  any = shared->error != NULL;
  g_mutex_unlock (&shared->lock);
  return any;
}

/* Takes receipts in turn, on a connection of its own, until all are
 * written, one fails or the export is cancelled. */
static gpointer
export_worker (gpointer data)
{
  Shared *shared = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpStore) store = palp_store_open (shared->job->path, PALP_STORE_OPEN_READ_ONLY,
                                                &error);

  while (store != NULL && error == NULL && !failed (shared))
    {
      guint i = (guint) g_atomic_int_add (&shared->next, 1);

      if (i >= shared->chosen->len)
        break;
      if (g_cancellable_set_error_if_cancelled (shared->cancellable, &error) ||
          !write_receipt (store, g_ptr_array_index (shared->chosen, i), shared->job->folder,
                          shared->cancellable, &error))
        break;
      report_done (shared, (guint) g_atomic_int_add (&shared->done, 1) + 1);
    }
  if (error != NULL)
    {
      g_mutex_lock (&shared->lock);
      if (shared->error == NULL)
        shared->error = g_steal_pointer (&error);
      g_mutex_unlock (&shared->lock);
    }
  return NULL;
}

static gint64
run_job (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GError) local = NULL;
  Shared shared = { 0 };
  guint n_threads;

  {
    g_autoptr(PalpStore) store = NULL;
    g_autoptr(GListModel) all = NULL;

    if (!(store = palp_store_open (job->path, PALP_STORE_OPEN_READ_ONLY, error)) ||
        !(all = palp_store_list_receipts (store, job->client_id, error)))
      return -1;
    /* Oldest first, as the accountant reads them. */
    for (guint i = g_list_model_get_n_items (all); i > 0; i--)
      {
        g_autoptr(PalpReceipt) r = g_list_model_get_item (all, i - 1);

        if (palp_receipt_get_int (r, "year") == job->year)
          g_ptr_array_add (chosen, g_steal_pointer (&r));
      }
  }
  if (!g_file_make_directory_with_parents (job->folder, cancellable, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return -1;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  /* Reprints are drawn anew: every core helps. */
  shared.job = job;
  shared.chosen = chosen;
  shared.cancellable = cancellable;
  g_mutex_init (&shared.lock);
  n_threads = CLAMP (g_get_num_processors (), 1, 4);
  n_threads = MIN (n_threads, MAX (chosen->len, 1));
  for (guint t = 0; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("palpate-year-end", export_worker, &shared));
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  g_mutex_clear (&shared.lock);

  if (shared.error != NULL)
    {
      g_propagate_error (error, shared.error);
      return -1;
    }
  return chosen->len;
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  gint64 n = run_job (task_data, cancellable, &error);

  if (n < 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

static Job *
job_new (const char          *database_path,
         int                  year,
         gint64               client_id,
         GFile               *folder,
         PalpYearEndProgress  progress,
         gpointer             progress_data)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (database_path);
  job->year = year;
  job->client_id = client_id;
  job->folder = g_object_ref (folder);
  job->progress = progress;
  job->progress_data = progress_data;
  return job;
}

void
palp_year_end_export_async (const char           *database_path,
                            int                   year,
                            gint64                client_id,
                            GFile                *folder,
                            PalpYearEndProgress   progress,
                            gpointer              progress_data,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  job = job_new (database_path, year, client_id, folder, progress, progress_data);
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, palp_year_end_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

gint64
palp_year_end_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

gint64
palp_year_end_export (const char           *database_path,
                      int                   year,
                      gint64                client_id,
                      GFile                *folder,
                      PalpYearEndProgress   progress,
                      gpointer              progress_data,
                      GCancellable         *cancellable,
                      GError              **error)
{
  Job *job = job_new (database_path, year, client_id, folder, progress, progress_data);
  gint64 n = run_job (job, cancellable, error);

  job_free (job);
  return n;
}
