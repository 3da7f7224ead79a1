/* palp-store.c: the clinic's SQLite database
 *
 * Opening is careful: a file is inspected read-only before anything is
 * written, so a file that is not ours, or is from a newer Palpate, is left
 * byte for byte as it was. Every write runs in a transaction; audit rows
 * are written by triggers that ask palp_actor() who is acting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/vfs.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-core-error.h"
#include "palp-search-terms.h"
#include "palp-validate.h"
#include "palp-store-private.h"

/* "PALP" in ASCII: PRAGMA application_id marks our files. */
#define PALP_APPLICATION_ID 0x50414c50
#define SCHEMA_RESOURCE RESOURCE_PREFIX "/schema"
#define BUSY_TIMEOUT_MS 5000
#define NO_ACTOR_MESSAGE "palpate: no acting user"

struct _PalpStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  gint64    actor;
  int       version;
  gboolean  read_only;
  guint     batch_depth;
  /* SQL text → statement, for the queries that run on every keystroke or
   * list page (see palp_store_prepare_cached()). */
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (PalpStore, palp_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (palp-store-error-quark, palp_store_error)

/* Client columns, in the order of the model's string properties; the
 * column is the property name with "_" for "-". */
static const char *client_string_props[] = {
  "given-name", "middle-name", "family-name", "preferred-name", "birth-date", "sex",
  "pronouns", "mobile-phone", "home-phone", "email", "street", "city", "region",
  "postal-code", "emergency-name", "emergency-phone", "guardian-name",
  "guardian-relationship", "guardian-phone", "notes",
};

char *
palp_store_column_for (const char *prop)
{
  char *column = g_strdup (prop);

  g_strdelimit (column, "-", '_');
  return column;
}

/* Maps an SQLite result to our error domain, with a message that says what
 * the user can do. */
gboolean
palp_store_set_db_error (GError  **error,
              sqlite3  *db,
              int       rc)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (detail != NULL && strstr (detail, NO_ACTOR_MESSAGE) != NULL)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Nobody is signed in: choose who you are before changing records."));
      return FALSE;
    }

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_LOCKED,
                   _("The clinic database is busy in another window or program. Wait a "
                     "moment and try again."));
      break;
    case SQLITE_FULL:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FULL,
                   _("The disk is full, so nothing was saved. Free some space and try "
                     "again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                   _("The clinic database cannot be written: the file or its folder is "
                     "read-only. Check its permissions."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CORRUPT,
                   _("The clinic database is damaged. Restore it from the latest backup."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                   _("This file is not a Palpate database. It was left untouched."));
      break;
    case SQLITE_CONSTRAINT:
      if ((db ? sqlite3_extended_errcode (db) : rc) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                       _("The change names a client, a person or a record that does not "
                         "exist, so nothing was saved."));
          break;
        }
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                   _("The record refused this change: %s."), detail);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The clinic database could not be opened. Check that its folder "
                     "exists and that you may write there."));
      break;
    default:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The clinic database reported an error: %s."), detail);
      break;
    }
  return FALSE;
}

static gboolean
exec (PalpStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return palp_store_set_db_error (error, self->db, rc);
  return TRUE;
}

GObject *
palp_store_row_to_record (GType                type,
                          const char * const  *props,
                          sqlite3_stmt        *stmt)
{
  GObject *record = g_object_new (type, NULL);
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);

  g_object_freeze_notify (record);
  for (int i = 0; props[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, props[i]);

      g_return_val_if_fail (pspec != NULL, record);
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        g_object_set (record, props[i], sqlite3_column_int64 (stmt, i), NULL);
      else
        g_object_set (record, props[i], (const char *) sqlite3_column_text (stmt, i), NULL);
    }
  g_object_thaw_notify (record);
  return record;
}

GListModel *
palp_store_collect (PalpStore         *self,
                    sqlite3_stmt      *stmt,
                    GType              type,
                    PalpStoreRowFunc   row,
                    GError           **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = row (self, stmt, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

sqlite3_stmt *
palp_store_prepare (PalpStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, self->db, rc);
      return NULL;
    }
  return stmt;
}

/* Preparing costs about as much as running a short query, and search runs
 * on every keystroke: these statements are prepared once, on first use,
 * and kept until the store is disposed. A statement that is still running
 * (a caller inside another's loop) is not shared: the caller gets a fresh
 * one, which palp_store_release_cached() finalizes. */
sqlite3_stmt *
palp_store_prepare_cached (PalpStore   *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL && !sqlite3_stmt_busy (stmt))
    return stmt;
  if (stmt != NULL)
    return palp_store_prepare (self, sql, error);

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, self->db, rc);
      return NULL;
    }
  /* The statement owns its text: sqlite3_sql() is the key. */
  g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
  return stmt;
}

/* Resets a statement from palp_store_prepare_cached() for its next use, so
 * that it holds no read transaction open; finalizes one that was not
 * kept. */
void
palp_store_release_cached (PalpStore    *self,
                           sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  if (g_hash_table_lookup (self->statements, sqlite3_sql (stmt)) == stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    sqlite3_finalize (stmt);
}

void
palp_store_bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Transactions: a save opens its own unless a batch is running, in which
 * case it uses a savepoint so that a failed save leaves the batch clean. */
gboolean
palp_store_tx_begin (PalpStore  *self,
          GError    **error)
{
  if (self->read_only)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                   _("The clinic database is open read-only: nothing can be changed."));
      return FALSE;
    }
  return exec (self, self->batch_depth > 0 ? "SAVEPOINT palp_save" : "BEGIN IMMEDIATE", error);
}

gboolean
palp_store_tx_end (PalpStore  *self,
        gboolean    ok,
        GError    **error)
{
  if (ok)
    {
      if (exec (self, self->batch_depth > 0 ? "RELEASE palp_save" : "COMMIT", error))
        return TRUE;
    }
  if (self->batch_depth > 0)
    sqlite3_exec (self->db, "ROLLBACK TO palp_save; RELEASE palp_save", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static void
palp_actor_func (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  PalpStore *self = sqlite3_user_data (ctx);

  if (self->actor <= 0)
    sqlite3_result_error (ctx, NO_ACTOR_MESSAGE, -1);
  else
    sqlite3_result_int64 (ctx, self->actor);
}

static void
palp_store_dispose (GObject *object)
{
  PalpStore *self = (PalpStore *) object;

  /* Before the connection closes: it waits for its statements. */
  g_hash_table_remove_all (self->statements);

  G_OBJECT_CLASS (palp_store_parent_class)->dispose (object);
}

static void
palp_store_finalize (GObject *object)
{
  PalpStore *self = (PalpStore *) object;

  g_hash_table_unref (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (palp_store_parent_class)->finalize (object);
}

static void
palp_store_class_init (PalpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = palp_store_dispose;
  G_OBJECT_CLASS (klass)->finalize = palp_store_finalize;
}

static void
palp_store_init (PalpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations, in order, from the GResource. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SCHEMA_RESOURCE, 0, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (out, g_strdup (names[i]));
  g_ptr_array_sort (out, compare_names);
  return out;
}

int
palp_store_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  return (int) migrations->len;
}

char *
palp_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "palpate", "clinic.db", NULL);
}

gboolean
palp_store_fs_is_network (gint64 f_type)
{
  switch ((guint32) f_type)
    {
    case 0x6969:      /* NFS */
    case 0x517B:      /* SMB */
    case 0xFF534D42:  /* CIFS */
    case 0xFE534D42:  /* SMB2 */
    case 0x01021997:  /* 9P */
    case 0x65735546:  /* FUSE: sshfs and friends */
    case 0x564C:      /* NCP */
    case 0x6B414653:  /* AFS */
    case 0x73757245:  /* Coda */
    case 0x47504653:  /* GPFS */
    case 0x013111A8:  /* IBRIX */
    case 0x00C36400:  /* Ceph */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
palp_store_check_local (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs st;
  gboolean network = FALSE;

  /* Tests cannot mount a network share: this variable stands in for one. */
  if (g_strcmp0 (g_getenv ("PALPATE_TEST_FORCE_NETWORK_FS"), "1") == 0)
    network = TRUE;
  else if (statfs (path, &st) == 0 || statfs (dir, &st) == 0)
    network = palp_store_fs_is_network ((gint64) st.f_type);

  if (network)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NETWORK_FS,
                   _("“%s” is on a network drive. The clinic database must live on this "
                     "computer's own disk, because its write-ahead log is not safe over a "
                     "network. Keep backups on the network drive instead."),
                   path);
      return FALSE;
    }
  return TRUE;
}

/* Looks at an existing file without writing to it. */
gboolean
palp_store_inspect_file (const char  *path,
                  int         *out_version,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, schema_cookie = 0;
  int version = 0;
  int rc;

  /* The three values live in the file's header: these pragmas read them
   * without parsing the schema, which the connection that follows parses
   * anyway (its triggers make it the longest part of opening). A schema
   * version of 0 means nothing was ever created in the file. */
  static const char * const pragmas[] = {
    "PRAGMA application_id", "PRAGMA user_version", "PRAGMA schema_version",
  };
  gint64 values[G_N_ELEMENTS (pragmas)] = { 0 };

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (pragmas) && rc == SQLITE_OK; i++)
    {
      rc = sqlite3_prepare_v2 (db, pragmas[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          values[i] = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  app_id = values[0];
  version = (int) values[1];
  schema_cookie = values[2];
  if (rc != SQLITE_OK)
    {
      palp_store_set_db_error (error, db, rc);
      if (error && *error && (*error)->code == PALP_STORE_ERROR_FAILED && (rc & 0xff) == SQLITE_IOERR)
        (*error)->code = PALP_STORE_ERROR_CORRUPT;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  if (rc != SQLITE_OK)
    return FALSE;

  if (app_id != PALP_APPLICATION_ID && (app_id != 0 || schema_cookie > 0))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a database of another program, not a Palpate clinic. It was "
                     "left untouched."),
                   path);
      return FALSE;
    }
  if (version > palp_store_schema_version ())
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NEWER_SCHEMA,
                   _("This clinic database was written by a newer version of Palpate. "
                     "Update Palpate to open it; the file was left untouched."));
      return FALSE;
    }
  *out_version = version;
  return TRUE;
}

static gboolean
migrate (PalpStore  *self,
         GError    **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  gboolean ok = TRUE;

  if (self->version >= (int) migrations->len)
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                   _("This clinic database needs an update that cannot be made while it "
                     "is open read-only. Open it in Palpate first."));
      return FALSE;
    }

  /* All pending steps in one transaction: a crash leaves the old version. */
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = (guint) self->version; ok && i < migrations->len; i++)
    {
      g_autofree char *res = g_build_path ("/", SCHEMA_RESOURCE,
                                           (char *) g_ptr_array_index (migrations, i), NULL);
      g_autoptr(GBytes) sql = g_resources_lookup_data (res, 0, error);
      g_autofree char *text = NULL;

      if (sql == NULL)
        {
          ok = FALSE;
          break;
        }
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      ok = exec (self, text, error);
    }
  if (ok)
    {
      g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                                  "PRAGMA user_version = %u;",
                                                  PALP_APPLICATION_ID, migrations->len);
      ok = exec (self, pragmas, error);
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  self->version = (int) migrations->len;
  return TRUE;
}

/* Opens self->path and brings it to this build's schema. */
static gboolean
connect_db (PalpStore  *self,
            GError    **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    return palp_store_set_db_error (error, self->db, rc);
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "palp_actor", 0, SQLITE_UTF8, self, palp_actor_func,
                           NULL, NULL);

  /* WAL for concurrent readers, FULL sync so an issued receipt number
   * survives a power cut, foreign keys because the record depends on them. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  if (!self->read_only &&
      !exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return FALSE;

  return migrate (self, error);
}

PalpStore *
palp_store_open (const char          *path,
                 PalpStoreOpenFlags   flags,
                 GError             **error)
{
  g_autoptr(PalpStore) self = NULL;
  gboolean read_only = (flags & PALP_STORE_OPEN_READ_ONLY) != 0;
  int version = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (!palp_store_check_local (path, error))
    return NULL;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is not a file."), path);
          return NULL;
        }
      if (st.st_size > 0 && !palp_store_inspect_file (path, &version, error))
        return NULL;
    }
  else if ((flags & PALP_STORE_OPEN_CREATE) && !read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      int fd;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                       _("The folder “%s” cannot be created: %s."), dir, g_strerror (errno));
          return NULL;
        }
      /* Health records: readable by this user only, from the first byte. */
      fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                       _("The clinic database “%s” cannot be created: %s."), path,
                       g_strerror (errno));
          return NULL;
        }
      g_close (fd, NULL);
    }
  else
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("There is no clinic database at “%s”."), path);
      return NULL;
    }

  self = g_object_new (PALP_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->version = version;
  if (!connect_db (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
palp_store_disconnect (PalpStore  *self,
                       GError    **error)
{
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL && self->batch_depth == 0, FALSE);

  g_hash_table_remove_all (self->statements);
  /* Not close_v2: a statement still open somewhere would keep a zombie
   * connection that later deletes "-wal" by name, under the next file. */
  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_LOCKED,
                   _("The clinic database is still in use. Close the other Palpate windows "
                     "and try again."));
      return FALSE;
    }
  self->db = NULL;
  return TRUE;
}

gboolean
palp_store_reconnect (PalpStore  *self,
                      GError    **error)
{
  int version = 0;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (!palp_store_inspect_file (self->path, &version, error))
    return FALSE;
  self->version = version;
  if (!connect_db (self, error))
    {
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }
  return TRUE;
}

const char *
palp_store_get_path (PalpStore *self)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  return self->path;
}

int
palp_store_get_version (PalpStore *self)
{
  g_return_val_if_fail (PALP_IS_STORE (self), 0);
  return self->version;
}

sqlite3 *
palp_store_get_db (PalpStore *self)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  return self->db;
}

void
palp_store_set_actor (PalpStore *self,
                      gint64     user_id)
{
  g_return_if_fail (PALP_IS_STORE (self));
  self->actor = user_id;
}

gint64
palp_store_get_actor (PalpStore *self)
{
  g_return_val_if_fail (PALP_IS_STORE (self), 0);
  return self->actor;
}

gboolean
palp_store_begin (PalpStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (self->batch_depth == 0 && !palp_store_tx_begin (self, error))
    return FALSE;
  self->batch_depth++;
  return TRUE;
}

gboolean
palp_store_commit (PalpStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth > 0, FALSE);

  if (--self->batch_depth > 0)
    return TRUE;
  if (exec (self, "COMMIT", error))
    return TRUE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

void
palp_store_rollback (PalpStore *self)
{
  g_return_if_fail (PALP_IS_STORE (self));

  if (self->batch_depth == 0)
    return;
  self->batch_depth = 0;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
palp_store_step_done (PalpStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return palp_store_set_db_error (error, self->db, rc);
  return TRUE;
}

/* Clients */

static char *
client_select_sql (const char *where)
{
  GString *sql = g_string_new ("SELECT id, archived, created_at, updated_at");

  for (guint i = 0; i < G_N_ELEMENTS (client_string_props); i++)
    {
      g_autofree char *col = palp_store_column_for (client_string_props[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append_printf (sql, " FROM clients %s", where);
  return g_string_free (sql, FALSE);
}

/* One client from a row of client_select_sql(). Built in one
 * g_object_new_with_properties() call with only the columns that hold a
 * value: a new client's strings are already unset, and a list page builds
 * dozens of clients at a time. */
static PalpClient *
client_from_stmt (sqlite3_stmt *stmt)
{
  const char *names[G_N_ELEMENTS (client_string_props) + 4];
  GValue values[G_N_ELEMENTS (client_string_props) + 4] = { G_VALUE_INIT };
  PalpClient *client;
  guint n = 0;

  names[n] = "id";
  g_value_init (&values[n], G_TYPE_INT64);
  g_value_set_int64 (&values[n++], sqlite3_column_int64 (stmt, 0));
  if (sqlite3_column_int (stmt, 1) != 0)
    {
      names[n] = "archived";
      g_value_init (&values[n], G_TYPE_BOOLEAN);
      g_value_set_boolean (&values[n++], TRUE);
    }
  for (int col = 2; col < (int) G_N_ELEMENTS (client_string_props) + 4; col++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, col);

      if (text == NULL)
        continue;
      names[n] = col == 2 ? "created-at"
                 : col == 3 ? "updated-at"
                 : client_string_props[col - 4];
      g_value_init (&values[n], G_TYPE_STRING);
      /* The row outlives this call: the model copies the text. */
      g_value_set_static_string (&values[n++], text);
    }

  client = (PalpClient *) g_object_new_with_properties (PALP_TYPE_CLIENT, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return client;
}

PalpClient *
palp_store_load_client (PalpStore  *self,
                        gint64      id,
                        GError    **error)
{
  g_autofree char *sql = client_select_sql ("WHERE id = ?1");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = palp_store_prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return client_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("This client no longer exists."));
  else
    palp_store_set_db_error (error, self->db, rc);
  return NULL;
}

/* The statement for one page of clients by id: PALP_STORE_CLIENT_PAGE
 * parameters, those not needed bound to NULL (which matches no row). One
 * text, so the store keeps one statement for every page. */
static const char *
client_page_sql (void)
{
  static gsize sql;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GString) where = g_string_new ("WHERE id IN (");

      for (guint i = 0; i < PALP_STORE_CLIENT_PAGE; i++)
        g_string_append (where, i == 0 ? "?" : ",?");
      g_string_append_c (where, ')');
      g_once_init_leave (&sql, (gsize) client_select_sql (where->str));
    }
  return (const char *) sql;
}

gboolean
palp_store_load_clients_by_ids (PalpStore     *self,
                                const gint64  *ids,
                                guint          n_ids,
                                PalpClient   **out,
                                GError       **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  for (guint start = 0; start < n_ids; start += PALP_STORE_CLIENT_PAGE)
    {
      guint n = MIN (n_ids - start, PALP_STORE_CLIENT_PAGE);
      sqlite3_stmt *stmt = palp_store_prepare_cached (self, client_page_sql (), error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (stmt, (int) i + 1, ids[start + i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          /* A page is small: a scan finds the row's place (ids may repeat). */
          for (guint i = 0; i < n; i++)
            if (ids[start + i] == id && out[start + i] == NULL)
              {
                out[start + i] = client_from_stmt (stmt);
                break;
              }
        }
      if (rc != SQLITE_DONE)
        palp_store_set_db_error (error, self->db, rc);
      palp_store_release_cached (self, stmt);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_save_client (PalpStore   *self,
                        PalpClient  *client,
                        GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *field = NULL;
  gint64 id;
  gboolean ok = FALSE;
  guint n = G_N_ELEMENTS (client_string_props);

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CLIENT (client), FALSE);

  if (!palp_client_validate (client, NULL, &field, &invalid))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, "%s", invalid->message);
      return FALSE;
    }

  id = palp_client_get_id (client);
  if (id == 0)
    {
      g_string_append (sql, "INSERT INTO clients (archived");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *col = palp_store_column_for (client_string_props[i]);
          g_string_append_printf (sql, ", %s", col);
        }
      g_string_append (sql, ") VALUES (?1");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append (sql, ") RETURNING id, created_at, updated_at");
    }
  else
    {
      g_string_append (sql, "UPDATE clients SET archived = ?1");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *col = palp_store_column_for (client_string_props[i]);
          g_string_append_printf (sql, ", %s = ?%u", col, i + 2);
        }
      g_string_append_printf (sql, ", updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
                                   " WHERE id = ?%u RETURNING id, created_at, updated_at", n + 2);
    }

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return palp_store_tx_end (self, FALSE, NULL);

  sqlite3_bind_int (stmt, 1, palp_client_get_archived (client) ? 1 : 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (client, client_string_props[i], &value, NULL);
      if (value != NULL)
        g_strstrip (value);
      palp_store_bind_text (stmt, (int) i + 2, value);
    }
  if (id != 0)
    sqlite3_bind_int64 (stmt, (int) n + 2, id);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      g_object_set (client,
                    "id", id,
                    "created-at", (const char *) sqlite3_column_text (stmt, 1),
                    "updated-at", (const char *) sqlite3_column_text (stmt, 2),
                    NULL);
      /* RETURNING rows are ready before the statement finishes: run it
       * out so the triggers' errors, if any, surface here. */
      ok = palp_store_step_done (self, stmt, error);
      break;
    case SQLITE_DONE:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This client no longer exists."));
      break;
    default:
      palp_store_set_db_error (error, self->db, sqlite3_errcode (self->db));
      break;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  return TRUE;
}

gboolean
palp_store_archive_client (PalpStore  *self,
                           gint64      id,
                           gboolean    archived,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, "UPDATE clients SET archived = ?2,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                              " WHERE id = ?1 AND archived != ?2", error)))
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  ok = palp_store_step_done (self, stmt, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gboolean
palp_store_delete_client (PalpStore  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, "DELETE FROM clients WHERE id = ?1", error)))
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  ok = palp_store_step_done (self, stmt, error);
  if (!ok && error && *error && (*error)->code == PALP_STORE_ERROR_CONSTRAINT)
    {
      /* Records refer to this client: the record is a legal document. */
      g_clear_error (error);
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                   _("This client has clinical or financial records and cannot be deleted. "
                     "Archive the client instead."));
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gint64
palp_store_count_clients (PalpStore  *self,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), -1);

  if (!(stmt = palp_store_prepare (self, "SELECT count(*) FROM clients", error)))
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      palp_store_set_db_error (error, self->db, sqlite3_errcode (self->db));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Search */

/* The FTS5 query for typed terms. Terms hold only letters and digits (see
 * palp-search-terms.c), and are quoted anyway, so no typed text can become
 * query syntax. */
static char *
build_match (GPtrArray *terms)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      PalpSearchTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *quoted = NULL;
      g_auto(GStrv) parts = g_strsplit (term->value, "\"", -1);

      quoted = g_strjoinv ("\"\"", parts);
      if (match->len > 0)
        g_string_append (match, " AND ");
      switch (term->kind)
        {
        case PALP_SEARCH_TERM_TEXT:
          g_string_append_printf (match, "{names contact} : \"%s\"*", quoted);
          break;
        case PALP_SEARCH_TERM_DIGITS:
          g_string_append_printf (match, "(contact : \"%s\"* OR birth : \"%s\"*)", quoted,
                                  quoted);
          break;
        case PALP_SEARCH_TERM_DATE:
          g_string_append_printf (match, "birth : \"%s\"", quoted);
          break;
        case PALP_SEARCH_TERM_YEAR:
          g_string_append_printf (match, "birth : \"%s\"*", quoted);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (match, FALSE);
}

#define SEARCH_SQL \
  "SELECT c.id FROM clients_fts f JOIN clients c ON c.id = f.rowid" \
  " WHERE clients_fts MATCH ?1 AND (?2 OR c.archived = 0)" \
  " ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id LIMIT ?3"
#define LIST_ALL_SQL \
  "SELECT id FROM clients WHERE (?2 OR archived = 0)" \
  " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id LIMIT ?3"

/* The clinic's country decides how dates and phone numbers typed in a
 * search are read. Only that column: the whole profile (with its logo)
 * is more than a keystroke needs. */
static PalpCountry
search_country (PalpStore *self)
{
  sqlite3_stmt *stmt = palp_store_prepare_cached (self, "SELECT country FROM clinic WHERE id = 1",
                                                  NULL);
  PalpCountry country = PALP_COUNTRY_US;

  if (stmt == NULL)
    return country;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    country = palp_country_from_code ((const char *) sqlite3_column_text (stmt, 0));
  palp_store_release_cached (self, stmt);
  return country;
}

GListModel *
palp_store_search_clients (PalpStore   *self,
                           const char  *text,
                           gboolean     include_archived,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (text != NULL && *text != '\0')
    {
      terms = palp_search_terms_parse (text, search_country (self));
      /* Only punctuation was typed: nothing can match. */
      if (terms->len == 0)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          return palp_client_list_new (self, ids);
        }
      match = build_match (terms);
    }

  stmt = palp_store_prepare_cached (self, match ? SEARCH_SQL : LIST_ALL_SQL, error);
  if (stmt == NULL)
    return NULL;
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit > 0 ? limit : 256);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    palp_store_set_db_error (error, self->db, rc);
  palp_store_release_cached (self, stmt);
  if (rc != SQLITE_DONE)
    return NULL;
  return palp_client_list_new (self, ids);
}

/* Audit */

GListModel *
palp_store_list_audit (PalpStore  *self,
                       gint64      client_id,
                       GError    **error)
{
  return palp_store_list_audit_latest (self, client_id, 1000, error);
}

GListModel *
palp_store_list_audit_latest (PalpStore  *self,
                              gint64      client_id,
                              guint       limit,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_AUDIT_ENTRY);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  /* Two statements rather than "?1 = 0 OR ...", so that one client's
   * history is read through its index, not by scanning the clinic's. */
  if (!(stmt = palp_store_prepare (self, client_id != 0
                              ? "SELECT a.id, a.at, a.user_id, u.display_name, a.action,"
                                " a.table_name, a.row_id, a.client_id, a.before, a.after"
                                " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
                                " WHERE a.client_id = ?1 ORDER BY a.id DESC LIMIT ?2"
                              : "SELECT a.id, a.at, a.user_id, u.display_name, a.action,"
                                " a.table_name, a.row_id, a.client_id, a.before, a.after"
                                " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
                                " WHERE ?1 = 0 ORDER BY a.id DESC LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpAuditEntry) entry =
        g_object_new (PALP_TYPE_AUDIT_ENTRY,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "at", (const char *) sqlite3_column_text (stmt, 1),
                      "user-id", sqlite3_column_int64 (stmt, 2),
                      "user-name", (const char *) sqlite3_column_text (stmt, 3),
                      "action", (const char *) sqlite3_column_text (stmt, 4),
                      "table-name", (const char *) sqlite3_column_text (stmt, 5),
                      "row-id", sqlite3_column_int64 (stmt, 6),
                      "client-id", sqlite3_column_int64 (stmt, 7),
                      "before", (const char *) sqlite3_column_text (stmt, 8),
                      "after", (const char *) sqlite3_column_text (stmt, 9),
                      NULL);
      g_list_store_append (store, entry);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
