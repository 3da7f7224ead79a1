/* test-backups.c: what a backup holds, and restores that keep a safety
 * copy, refuse what they cannot trust, and change nothing when they refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "palp-backup-rotation.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  char      *backup;
  PalpStore *store;
} Fixture;

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static gint64
count (PalpStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, as one string. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) rosa = NULL;

  f->dir = g_dir_make_tmp ("palpate-backups-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->backup = g_build_filename (f->dir, "taken.palpate-backup", NULL);
  f->store = palp_demo_open (f->path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  rosa = palp_store_find_user (f->store, "rosa", &error);
  g_assert_no_error (error);
  palp_store_set_actor (f->store, palp_user_get_id (rosa));
  g_assert_true (palp_store_backup (f->store, f->backup, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&f->store);
  d = g_dir_open (f->dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->backup);
  g_free (f->dir);
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpBackupSummary) summary = palp_store_describe_backup (f->backup, &error);
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (f->store, NULL);
  g_autofree char *last_t = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpint (summary->schema_version, ==, palp_store_schema_version ());
  g_assert_cmpstr (summary->clinic_name, ==, palp_clinic_get_name (clinic));
  g_assert_cmpint (summary->n_clients, ==, count (f->store, "SELECT count(*) FROM clients"));
  g_assert_cmpint (summary->n_visits, ==, count (f->store, "SELECT count(*) FROM visits"));
  g_assert_cmpint (summary->n_clients, >, 0);
  g_assert_cmpint (summary->n_visits, >, 0);
  g_assert_cmpint (g_stat (f->backup, &st), ==, 0);
  g_assert_cmpint (summary->size, ==, st.st_size);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_nonnull (summary->written);

  /* The newest therapeutic receipt is listed first, one number per series. */
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (palp_store_get_db (f->store),
                        "SELECT number FROM receipts WHERE series = 'T' ORDER BY id DESC LIMIT 1",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    last_t = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  g_assert_nonnull (summary->last_receipts);
  g_assert_cmpstr (summary->last_receipts[0], ==, last_t);
  g_assert_cmpuint (g_strv_length (summary->last_receipts), ==,
                    count (f->store, "SELECT count(DISTINCT series) FROM receipts"));
}

/* A client is renamed after the backup; the restore brings the old name
 * back in the open store, and the renamed clinic is kept as a safety copy. */
static void
test_restore_keeps_safety_copy (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_store_load_client (f->store, 1, &error);
  g_autoptr(PalpClient) after = NULL;
  g_autoptr(PalpStore) kept = NULL;
  g_autoptr(PalpClient) kept_client = NULL;
  g_autofree char *original = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *base = NULL;
  gboolean is_safety = FALSE;
  GStatBuf st;

  g_assert_no_error (error);
  original = g_strdup (palp_client_get_family_name (client));
  g_object_set (client, "family-name", "Renamed-After-Backup", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  g_assert_true (palp_store_restore_in_place (f->store, f->backup, &safety, &error));
  g_assert_no_error (error);

  /* The same store object now reads the restored file, and still writes. */
  after = palp_store_load_client (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_client_get_family_name (after), ==, original);
  g_object_set (after, "notes", "Written after the restore", NULL);
  g_assert_true (palp_store_save_client (f->store, after, &error));
  g_assert_no_error (error);

  /* The safety copy: beside the database, named, private, and holding the
   * renamed client. */
  g_assert_nonnull (safety);
  base = g_path_get_basename (safety);
  g_assert_true (g_str_has_prefix (safety, f->dir));
  g_assert_true (palp_backup_parse_name (base, NULL, NULL, &is_safety));
  g_assert_true (is_safety);
  g_assert_cmpint (g_stat (safety, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  kept = palp_store_open (safety, PALP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  kept_client = palp_store_load_client (kept, 1, &error);
  g_assert_cmpstr (palp_client_get_family_name (kept_client), ==, "Renamed-After-Backup");

  /* The live file is whole. */
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Without an open store (the command line): a lost database is restored
 * with no safety copy to make; an existing one gets its copy. */
static void
test_restore_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(PalpStore) reopened = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (palp_store_restore_with_safety_copy (f->backup, f->path, &safety, &error));
  g_assert_no_error (error);
  g_assert_null (safety);

  g_assert_true (palp_store_restore_with_safety_copy (f->backup, f->path, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);
  g_assert_true (g_file_test (safety, G_FILE_TEST_IS_REGULAR));
  reopened = palp_store_open (f->path, PALP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_count_clients (reopened, NULL), >, 0);
}

typedef enum
{
  BAD_TRUNCATED,
  BAD_CORRUPT,
  BAD_NEWER,
  BAD_NOT_OURS,
  BAD_MISSING,
} BadKind;

static void
make_bad (Fixture    *f,
          const char *bad,
          BadKind     kind)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (f->backup, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8 * 4096);
  switch (kind)
    {
    case BAD_TRUNCATED:
      g_assert_true (g_file_set_contents (bad, data, len / 2, NULL));
      break;
    case BAD_CORRUPT:
      /* Pages in the middle of the file overwritten with garbage. */
      memset (data + len / 2 - 4 * 4096, 0x5a, 8 * 4096);
      g_assert_true (g_file_set_contents (bad, data, len, NULL));
      break;
    case BAD_NEWER:
      g_assert_true (g_file_set_contents (bad, data, len, NULL));
      g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==,
                       SQLITE_OK);
      sqlite3_close (db);
      break;
    case BAD_NOT_OURS:
      g_assert_cmpint (sqlite3_open (bad, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT)", NULL, NULL, NULL),
                       ==, SQLITE_OK);
      sqlite3_close (db);
      break;
    case BAD_MISSING:
    default:
      break;
    }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const struct { BadKind kind; int code; const char *what; } cases[] = {
    { BAD_TRUNCATED, -1, "truncated" },
    { BAD_CORRUPT, -1, "corrupt" },
    { BAD_NEWER, PALP_STORE_ERROR_NEWER_SCHEMA, "newer" },
    { BAD_NOT_OURS, PALP_STORE_ERROR_NOT_DATABASE, "not ours" },
    { BAD_MISSING, PALP_STORE_ERROR_NOT_FOUND, "missing" },
  };
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = g_strdup_printf ("%s/bad-%u.palpate-backup", f->dir, i);
      g_autofree char *before = NULL, *after = NULL;
      g_autofree char *wal_before = NULL, *wal_after = NULL;
      g_autofree char *files_before = NULL, *files_after = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *safety = NULL;

      g_test_message ("%s", cases[i].what);
      make_bad (f, bad, cases[i].kind);
      before = file_sha256 (f->path);
      wal_before = file_sha256 (wal);
      files_before = listing (f->dir);

      g_assert_null (palp_store_describe_backup (bad, &error));
      g_assert_nonnull (error);
      if (cases[i].code >= 0)
        g_assert_error (error, PALP_STORE_ERROR, cases[i].code);
      g_clear_error (&error);

      g_assert_false (palp_store_restore_in_place (f->store, bad, &safety, &error));
      g_assert_nonnull (error);
      g_assert_null (safety);
      g_clear_error (&error);
      g_assert_false (palp_store_restore_with_safety_copy (bad, f->path, &safety, &error));
      g_assert_nonnull (error);
      g_assert_null (safety);

      /* Byte for byte as before, and no file added or removed. */
      after = file_sha256 (f->path);
      wal_after = file_sha256 (wal);
      files_after = listing (f->dir);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpstr (wal_before, ==, wal_after);
      g_assert_cmpstr (files_before, ==, files_after);
      g_assert_cmpint (palp_store_count_clients (f->store, NULL), >, 0);
    }
}

/* Only those who may restore the clinic can, and a refusal changes nothing. */
static void
test_restore_needs_permission (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) jonah = palp_store_find_user (f->store, "jonah", &error);
  g_autofree char *before = NULL, *files_before = listing (f->dir), *files_after = NULL;
  g_autofree char *safety = NULL;

  g_assert_no_error (error);
  palp_store_set_actor (f->store, palp_user_get_id (jonah));
  before = file_sha256 (f->path);
  g_assert_false (palp_store_restore_in_place (f->store, f->backup, &safety, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  files_after = listing (f->dir);
  g_assert_cmpstr (files_before, ==, files_after);
  g_assert_null (safety);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/backups/describe", test_describe);
  ADD ("/backups/restore-keeps-safety-copy", test_restore_keeps_safety_copy);
  ADD ("/backups/restore-file", test_restore_file);
  ADD ("/backups/refused", test_refused);
  ADD ("/backups/restore-needs-permission", test_restore_needs_permission);
#undef ADD

  return g_test_run ();
}
