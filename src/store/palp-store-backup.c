/* palp-store-backup.c: online backup, verified restore, and the check
 *
 * A backup is written beside its destination and renamed into place, so an
 * old backup is never replaced by half a new one; a restore verifies the
 * backup completely before the live file is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-backup-rotation.h"
#include "palp-store-private.h"

static gboolean
integrity_ok (sqlite3  *db,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return palp_store_set_db_error (error, db, rc);
  if (!ok)
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CORRUPT,
                 _("The copy failed its integrity check, so it cannot be trusted."));
  return ok;
}

/* Copies the database @src into a new file @dest with SQLite's online
 * backup, then checks the copy. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest,
               GError     **error)
{
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_unlink (dest);
  fd = g_open (dest, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: %s."), dest, g_strerror (errno));
      return FALSE;
    }
  g_close (fd, NULL);

  rc = sqlite3_open_v2 (dest, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dst, "main", src, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dst);
      else
        {
          /* Steps of 256 pages let writers in between on a busy clinic. */
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, dst, rc);
      sqlite3_close_v2 (dst);
      g_unlink (dest);
      return FALSE;
    }
  /* A backup is a single file: no write-ahead log beside it. */
  sqlite3_exec (dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (!integrity_ok (dst, error))
    {
      sqlite3_close_v2 (dst);
      g_unlink (dest);
      return FALSE;
    }
  sqlite3_close_v2 (dst);
  return TRUE;
}

gboolean
palp_store_backup (PalpStore   *self,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  /* Written beside the destination, then renamed: an old backup is never
   * replaced by half a new one. */
  tmp = g_strconcat (dest, ".partial", NULL);
  if (!copy_database (palp_store_get_db (self), tmp, error))
    return FALSE;
  if (g_rename (tmp, dest) != 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The backup could not be put in place at “%s”: %s."), dest,
                   g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_restore (const char  *backup,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *tmp = NULL, *wal = NULL, *shm = NULL;
  sqlite3 *src = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (backup != NULL && path != NULL, FALSE);

  if (!palp_store_check_local (path, error))
    return FALSE;
  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("There is no backup at “%s”."), backup);
      return FALSE;
    }
  /* Verify everything before touching the live file. */
  if (!palp_store_inspect_file (backup, &version, error))
    return FALSE;
  if (version == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Palpate backup."), backup);
      return FALSE;
    }
  rc = sqlite3_open_v2 (backup, &src, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, src, rc);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  if (!integrity_ok (src, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }

  tmp = g_strconcat (path, ".restoring", NULL);
  if (!copy_database (src, tmp, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_close_v2 (src);

  /* A stale write-ahead log would be replayed onto the restored file. */
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (tmp, path) != 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The restored database could not be put in place: %s."),
                   g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_backup_file (const char  *path,
                        const char  *dest,
                        GError     **error)
{
  g_autofree char *tmp = NULL;
  sqlite3 *src = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (path != NULL && dest != NULL, FALSE);

  rc = sqlite3_open_v2 (path, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, src, rc);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_busy_timeout (src, 5000);
  tmp = g_strconcat (dest, ".partial", NULL);
  ok = copy_database (src, tmp, error);
  sqlite3_close_v2 (src);
  if (!ok)
    return FALSE;
  if (g_rename (tmp, dest) != 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The backup could not be put in place at “%s”: %s."), dest,
                   g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

void
palp_backup_summary_free (PalpBackupSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->path);
  g_free (summary->clinic_name);
  g_clear_pointer (&summary->written, g_date_time_unref);
  g_strfreev (summary->last_receipts);
  g_free (summary);
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The first column of the first row of @sql, as a number; -1 on failure. */
static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
clinic_name (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;

  if (!has_table (db, "clinic") ||
      sqlite3_prepare_v2 (db, "SELECT name FROM clinic LIMIT 1", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  name = (const char *) sqlite3_column_text (stmt, 0);
  return name && *name ? g_strdup (name) : NULL;
}

/* A backup that restore would accept: ours, not newer, intact. Returns the
 * open read-only connection. */
static sqlite3 *
open_verified (const char  *backup,
               int         *out_version,
               GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("There is no backup at “%s”."), backup);
      return NULL;
    }
  if (!palp_store_inspect_file (backup, out_version, error))
    return NULL;
  if (*out_version == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Palpate backup."), backup);
      return NULL;
    }
  rc = sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (!integrity_ok (db, error))
    {
      /* Say which file: the person is choosing among several. */
      if (error != NULL && *error != NULL)
        g_prefix_error (error, _("“%s” is damaged. "), backup);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

PalpBackupSummary *
palp_store_describe_backup (const char  *backup,
                            GError     **error)
{
  g_autoptr(PalpBackupSummary) summary = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  GStatBuf st;
  sqlite3 *db;
  int version = 0;

  g_return_val_if_fail (backup != NULL, NULL);

  if (!(db = open_verified (backup, &version, error)))
    return NULL;

  summary = g_new0 (PalpBackupSummary, 1);
  summary->path = g_strdup (backup);
  summary->schema_version = version;
  summary->clinic_name = clinic_name (db);
  if (g_stat (backup, &st) == 0)
    {
      summary->size = st.st_size;
      summary->written = g_date_time_new_from_unix_local (st.st_mtime);
    }
  summary->n_clients = has_table (db, "clients") ? query_int (db, "SELECT count(*) FROM clients")
                                                 : 0;
  summary->n_visits = has_table (db, "visits") ? query_int (db, "SELECT count(*) FROM visits") : 0;
  if (has_table (db, "receipts"))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (sqlite3_prepare_v2 (db,
                              "SELECT number FROM receipts WHERE id IN"
                              " (SELECT max (id) FROM receipts GROUP BY series)"
                              " ORDER BY CASE series WHEN 'T' THEN 0 WHEN 'E' THEN 1 ELSE 2 END",
                              -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (numbers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  g_ptr_array_add (numbers, NULL);
  summary->last_receipts = (GStrv) g_ptr_array_steal (numbers, NULL);
  sqlite3_close_v2 (db);

  if (summary->n_clients < 0 || summary->n_visits < 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CORRUPT,
                   _("“%s” cannot be read as a Palpate backup."), backup);
      return NULL;
    }
  return g_steal_pointer (&summary);
}

/* Where the safety copy of the database at @path goes: beside it, named
 * for @clinic and now. */
static char *
safety_path (const char *path,
             const char *clinic)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = palp_backup_file_name (clinic, now, TRUE);

  return g_build_filename (dir, name, NULL);
}

/* A byte copy, for a current file too damaged for SQLite to copy: it is
 * still the evidence of what was there. */
static gboolean
copy_bytes (const char  *path,
            const char  *dest,
            GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = g_file_new_for_path (dest);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  if (!(in = g_file_read (from, NULL, error)) ||
      !(out = g_file_create (to, G_FILE_CREATE_PRIVATE, NULL, error)))
    return FALSE;
  return g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                 G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) >= 0;
}

gboolean
palp_store_restore_with_safety_copy (const char  *backup,
                                     const char  *path,
                                     char       **out_safety,
                                     GError     **error)
{
  g_autofree char *safety = NULL;
  g_autofree char *current_name = NULL;
  g_autoptr(PalpBackupSummary) summary = NULL;

  g_return_val_if_fail (backup != NULL && path != NULL, FALSE);

  if (out_safety != NULL)
    *out_safety = NULL;
  if (!palp_store_check_local (path, error) ||
      !(summary = palp_store_describe_backup (backup, error)))
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      sqlite3 *db = NULL;
      g_autoptr(GError) copy_error = NULL;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        current_name = clinic_name (db);
      sqlite3_close_v2 (db);
      safety = safety_path (path, current_name ? current_name : summary->clinic_name);
      if (!palp_store_backup_file (path, safety, &copy_error))
        {
          g_unlink (safety);
          if (!copy_bytes (path, safety, error))
            {
              g_prefix_error (error, _("No safety copy of the current clinic could be kept, so "
                                       "nothing was restored: "));
              g_unlink (safety);
              return FALSE;
            }
        }
    }

  if (!palp_store_restore (backup, path, error))
    return FALSE;
  if (out_safety != NULL)
    *out_safety = g_steal_pointer (&safety);
  return TRUE;
}

gboolean
palp_store_restore_in_place (PalpStore   *self,
                             const char  *backup,
                             char       **out_safety,
                             GError     **error)
{
  g_autoptr(PalpBackupSummary) summary = NULL;
  g_autoptr(PalpClinic) clinic = NULL;
  g_autofree char *safety = NULL;
  g_autoptr(GError) restore_error = NULL;
  const char *path;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);

  if (out_safety != NULL)
    *out_safety = NULL;
  path = palp_store_get_path (self);
  if (!palp_store_require (self, PALP_ACTION_RESTORE, 0, error) ||
      !palp_store_check_local (path, error) ||
      !(summary = palp_store_describe_backup (backup, error)))
    return FALSE;

  clinic = palp_store_load_clinic (self, NULL);
  safety = safety_path (path, clinic ? palp_clinic_get_name (clinic) : summary->clinic_name);
  if (!palp_store_backup (self, safety, error))
    {
      g_prefix_error (error, _("No safety copy of the current clinic could be kept, so "
                               "nothing was restored: "));
      return FALSE;
    }
  g_clear_object (&clinic);

  if (!palp_store_disconnect (self, error))
    return FALSE;
  /* Atomic: on failure the old file is still there, whole, to reopen. */
  if (!palp_store_restore (backup, path, &restore_error))
    {
      if (!palp_store_reconnect (self, error))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&restore_error));
      return FALSE;
    }
  if (!palp_store_reconnect (self, error))
    return FALSE;
  if (out_safety != NULL)
    *out_safety = g_steal_pointer (&safety);
  return TRUE;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* @format is one of the fixed messages below, given up to three columns. */
static gboolean
collect (PalpStore    *self,
         GPtrArray    *problems,
         const char   *sql,
         const char   *code,
         const char   *format,
         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *a = (const char *) sqlite3_column_text (stmt, 0);
      const char *b = sqlite3_column_count (stmt) > 1
                        ? (const char *) sqlite3_column_text (stmt, 1) : "";
      const char *c = sqlite3_column_count (stmt) > 2
                        ? (const char *) sqlite3_column_text (stmt, 2) : "";
      g_autofree char *message = NULL;

      if (g_str_equal (code, "integrity") && g_strcmp0 (a, "ok") == 0)
        continue;
      message = g_strdup_printf (format, a ? a : "", b ? b : "", c ? c : "");
      g_ptr_array_add (problems, g_strdup_printf ("%s: %s", code, message));
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

GPtrArray *
palp_store_check (PalpStore  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!collect (self, problems, "PRAGMA integrity_check", "integrity", "%s", error) ||
      !collect (self, problems,
                "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
                "foreign-key", "%s row %s refers to a missing %s row", error) ||
      !collect (self, problems,
                "SELECT id, user_id FROM audit_log"
                " WHERE user_id IS NULL OR user_id NOT IN (SELECT id FROM users)",
                "audit-user", "audit row %s names user %s, who does not exist", error) ||
      !collect (self, problems,
                "SELECT count(*) FROM clinic HAVING count(*) != 1",
                "clinic", "%s clinic profiles instead of one", error) ||
      !collect (self, problems,
                "SELECT id FROM clients WHERE id NOT IN (SELECT rowid FROM clients_fts)",
                "search-index", "client %s is missing from the search index", error) ||
      !collect (self, problems,
                "SELECT rowid FROM clients_fts WHERE rowid NOT IN (SELECT id FROM clients)",
                "search-index", "the search index holds client %s, who does not exist",
                error) ||
      !collect (self, problems,
                "SELECT id, user_id FROM licences"
                " WHERE issued IS NOT NULL AND expires IS NOT NULL AND expires < issued",
                "licence-dates", "licence %s of user %s expires before it was issued",
                error) ||
      !collect (self, problems,
                "SELECT l.id, l.category, s.category FROM visit_lines l"
                " JOIN services s ON s.id = l.service_id WHERE l.category != s.category",
                "line-category", "billing line %s is filed as %s but its service is %s",
                error) ||
      !collect (self, problems,
                "SELECT id, category FROM services"
                " WHERE category != 'therapeutic' AND (cpt_code IS NOT NULL OR timed != 0)",
                "esthetic-code", "service %s is %s but carries a procedure code or timed units",
                error) ||
      !collect (self, problems,
                "SELECT s.series, s.year, s.last_seq FROM receipt_series s"
                " WHERE s.last_seq != (SELECT count (*) FROM receipts r WHERE r.series = s.series"
                "  AND r.counter_year = s.year)"
                " OR s.last_seq != (SELECT max (seq) FROM receipts r WHERE r.series = s.series"
                "  AND r.counter_year = s.year)",
                "receipt-gap", "series %s (year %s) has a gap or a duplicate below number %s",
                error) ||
      !collect (self, problems,
                "SELECT r.number, r.subtotal_cents, (SELECT coalesce (sum (amount_cents), 0)"
                " FROM receipt_lines WHERE receipt_id = r.id) AS lines FROM receipts r"
                " WHERE r.subtotal_cents != lines OR r.tax_cents != (SELECT coalesce ("
                " sum (amount_cents), 0) FROM receipt_taxes WHERE receipt_id = r.id)",
                "receipt-totals", "receipt %s says %s but its lines or taxes add up otherwise",
                error) ||
      !collect (self, problems,
                "SELECT r.number, l.id, l.category FROM receipt_lines l"
                " JOIN receipts r ON r.id = l.receipt_id WHERE l.category != r.category",
                "receipt-category", "receipt %s holds line %s of another category (%s)",
                error) ||
      !collect (self, problems,
                "SELECT r.number, l.id FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id"
                " WHERE r.category != 'therapeutic' AND (l.code IS NOT NULL"
                " OR lower (l.description) LIKE '%massage%' OR lower (l.description) LIKE '%massoth%')",
                "esthetic-receipt", "cosmetic receipt %s shows a code or massage therapy on line %s",
                error) ||
      !collect (self, problems,
                "SELECT p.id, r.number FROM payments p JOIN receipts r ON r.id = p.receipt_id"
                " WHERE p.method IN ('insurance', 'hsa-fsa') AND r.category != 'therapeutic'",
                "esthetic-insured", "payment %s puts cosmetic receipt %s on an insurer's account",
                error) ||
      !collect (self, problems,
                "SELECT l.visit_line_id, count (*) FROM receipt_lines l"
                " WHERE l.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids)"
                " GROUP BY l.visit_line_id HAVING count (*) > 1",
                "receipt-twice", "billing line %s is on %s valid receipts", error) ||
      !palp_store_check_receipts (self, problems, error) ||
      !palp_store_check_clinical (self, problems, error) ||
      !palp_store_check_letters (self, problems, error) ||
      !palp_store_check_claims (self, problems, error))
    return NULL;

  return g_steal_pointer (&problems);
}

#pragma GCC diagnostic pop
