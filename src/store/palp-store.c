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

static const char *clinic_string_props[] = {
  "name", "esthetic-name", "street", "city", "region", "postal-code", "phone", "email",
  "website", "country", "currency", "paper-size", "tax-id", "tax-numbers",
};

static const char *practitioner_string_props[] = {
  "credentials", "profession", "association", "association-number", "npi",
};

static char *
column_for (const char *prop)
{
  char *column = g_strdup (prop);

  g_strdelimit (column, "-", '_');
  return column;
}

/* Maps an SQLite result to our error domain, with a message that says what
 * the user can do. */
static gboolean
set_db_error (GError  **error,
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
    return set_db_error (error, self->db, rc);
  return TRUE;
}

static sqlite3_stmt *
prepare (PalpStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_db_error (error, self->db, rc);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
bind_text (sqlite3_stmt *stmt,
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
static gboolean
tx_begin (PalpStore  *self,
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

static gboolean
tx_end (PalpStore  *self,
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
palp_store_finalize (GObject *object)
{
  PalpStore *self = (PalpStore *) object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (palp_store_parent_class)->finalize (object);
}

static void
palp_store_class_init (PalpStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = palp_store_finalize;
}

static void
palp_store_init (PalpStore *self)
{
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

static gboolean
check_not_network (const char  *path,
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
static gboolean
inspect_existing (const char  *path,
                  int         *out_version,
                  GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, n_tables = 0;
  int version = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT (SELECT application_id FROM pragma_application_id),"
                             " (SELECT user_version FROM pragma_user_version),"
                             " (SELECT count(*) FROM sqlite_master)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          app_id = sqlite3_column_int64 (stmt, 0);
          version = sqlite3_column_int (stmt, 1);
          n_tables = sqlite3_column_int64 (stmt, 2);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    {
      set_db_error (error, db, rc);
      if (error && *error && (*error)->code == PALP_STORE_ERROR_FAILED && (rc & 0xff) == SQLITE_IOERR)
        (*error)->code = PALP_STORE_ERROR_CORRUPT;
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  if (rc != SQLITE_OK)
    return FALSE;

  if (app_id != PALP_APPLICATION_ID && (app_id != 0 || n_tables > 0))
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
  if (!tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  self->version = (int) migrations->len;
  return TRUE;
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
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_not_network (path, error))
    return NULL;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is not a file."), path);
          return NULL;
        }
      if (st.st_size > 0 && !inspect_existing (path, &version, error))
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

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (error, self->db, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->db, "palp_actor", 0, SQLITE_UTF8, self, palp_actor_func,
                           NULL, NULL);

  /* WAL for concurrent readers, FULL sync so an issued receipt number
   * survives a power cut, foreign keys because the record depends on them. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (!read_only &&
      !exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

  if (self->batch_depth == 0 && !tx_begin (self, error))
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

/* Clinic */

PalpClinic *
palp_store_load_clinic (PalpStore  *self,
                        GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT is_demo, logo");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PalpClinic) clinic = palp_clinic_new ();
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *col = column_for (clinic_string_props[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append (sql, " FROM clinic WHERE id = 1");

  if (!(stmt = prepare (self, sql->str, error)))
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                     _("The clinic profile is missing from the database."));
      else
        set_db_error (error, self->db, rc);
      return NULL;
    }

  g_object_set (clinic, "is-demo", sqlite3_column_int (stmt, 0) != 0, NULL);
  if (sqlite3_column_type (stmt, 1) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) logo = g_bytes_new (sqlite3_column_blob (stmt, 1),
                                            sqlite3_column_bytes (stmt, 1));
      g_object_set (clinic, "logo", logo, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    g_object_set (clinic, clinic_string_props[i],
                  (const char *) sqlite3_column_text (stmt, (int) i + 2), NULL);
  return g_steal_pointer (&clinic);
}

gboolean
palp_store_save_clinic (PalpStore   *self,
                        PalpClinic  *clinic,
                        GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE clinic SET is_demo = ?1, logo = ?2");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) logo = NULL;
  gboolean is_demo;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CLINIC (clinic), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *col = column_for (clinic_string_props[i]);
      g_string_append_printf (sql, ", %s = ?%u", col, i + 3);
    }
  g_string_append (sql, " WHERE id = 1");

  if (!tx_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, sql->str, error)))
    return tx_end (self, FALSE, NULL);

  g_object_get (clinic, "is-demo", &is_demo, "logo", &logo, NULL);
  sqlite3_bind_int (stmt, 1, is_demo ? 1 : 0);
  if (logo != NULL)
    sqlite3_bind_blob (stmt, 2, g_bytes_get_data (logo, NULL), (int) g_bytes_get_size (logo),
                       SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (clinic, clinic_string_props[i], &value, NULL);
      if (g_str_equal (clinic_string_props[i], "paper-size") && value == NULL)
        value = g_strdup ("letter");
      if (g_str_equal (clinic_string_props[i], "country") && value == NULL)
        value = g_strdup ("US");
      if (g_str_equal (clinic_string_props[i], "currency") && value == NULL)
        value = g_strdup ("USD");
      bind_text (stmt, (int) i + 3, value);
    }
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_DONE || set_db_error (error, self->db, rc);
  return tx_end (self, ok, ok ? error : NULL);
}

/* Users */

#define USER_COLUMNS \
  "u.id, u.login, u.display_name, u.roles, u.active, p.credentials, p.profession, " \
  "p.association, p.association_number, p.npi, p.signature"

static PalpUser *
user_from_stmt (sqlite3_stmt *stmt)
{
  PalpUser *user = palp_user_new ();

  g_object_set (user,
                "id", sqlite3_column_int64 (stmt, 0),
                "login", (const char *) sqlite3_column_text (stmt, 1),
                "display-name", (const char *) sqlite3_column_text (stmt, 2),
                "roles", (PalpRoles) sqlite3_column_int (stmt, 3),
                "active", sqlite3_column_int (stmt, 4) != 0,
                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (practitioner_string_props); i++)
    g_object_set (user, practitioner_string_props[i],
                  (const char *) sqlite3_column_text (stmt, (int) i + 5), NULL);
  if (sqlite3_column_type (stmt, 10) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) sig = g_bytes_new (sqlite3_column_blob (stmt, 10),
                                           sqlite3_column_bytes (stmt, 10));
      g_object_set (user, "signature", sig, NULL);
    }
  return user;
}

static GListModel *
list_users_where (PalpStore   *self,
                  const char  *where,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " USER_COLUMNS " FROM users u"
                                          " LEFT JOIN practitioners p ON p.user_id = u.id"
                                          " %s ORDER BY u.display_name COLLATE NOCASE, u.id",
                                          where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_USER);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpUser) user = user_from_stmt (stmt);
      g_list_store_append (store, user);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
palp_store_list_users (PalpStore  *self,
                       GError    **error)
{
  return list_users_where (self, "", error);
}

GListModel *
palp_store_list_practitioners (PalpStore  *self,
                               GError    **error)
{
  return list_users_where (self, "WHERE (u.roles & 1) != 0 AND u.active = 1", error);
}

static PalpUser *
find_user_by (PalpStore   *self,
              const char  *where,
              const char  *text,
              gint64       id,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " USER_COLUMNS " FROM users u"
                                          " LEFT JOIN practitioners p ON p.user_id = u.id"
                                          " WHERE %s", where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    set_db_error (error, self->db, rc);
  else
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("There is no user “%s” in this clinic."),
                 text ? text : "?");
  return NULL;
}

PalpUser *
palp_store_find_user (PalpStore   *self,
                      const char  *id_or_login,
                      GError     **error)
{
  guint64 id;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_login != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_login, 10, 1, G_MAXINT64, &id, NULL))
    {
      PalpUser *user = find_user_by (self, "u.id = ?1", NULL, (gint64) id, NULL);

      if (user != NULL)
        return user;
    }
  return find_user_by (self, "u.login = ?1", id_or_login, 0, error);
}

PalpUser *
palp_store_load_user (PalpStore  *self,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  return find_user_by (self, "u.id = ?1", NULL, id, error);
}

static gboolean
step_done (PalpStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_db_error (error, self->db, rc);
  return TRUE;
}

gboolean
palp_store_save_user (PalpStore  *self,
                      PalpUser   *user,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) signature = NULL;
  gint64 id = palp_user_get_id (user);
  gint64 saved_actor = self->actor;
  gboolean ok = FALSE;
  gboolean active;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_USER (user), FALSE);

  if (!palp_validate_login (palp_user_get_login (user), &local_error) ||
      !palp_validate_name (palp_user_get_display_name (user), TRUE, &local_error))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (!tx_begin (self, error))
    return FALSE;

  /* A new clinic's first user is the actor of its own creation. */
  if (self->actor == 0 && id == 0)
    {
      g_autoptr(sqlite3_stmt) count = prepare (self, "SELECT count(*), coalesce(max(id), 0) + 1"
                                                     " FROM users", error);

      if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
        goto out;
      if (sqlite3_column_int64 (count, 0) == 0)
        {
          id = sqlite3_column_int64 (count, 1);
          self->actor = id;
        }
    }

  g_object_get (user, "active", &active, "signature", &signature, NULL);

  if (palp_user_get_id (user) == 0)
    stmt = prepare (self, "INSERT INTO users (id, login, display_name, roles, active)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = prepare (self, "UPDATE users SET login = ?2, display_name = ?3, roles = ?4,"
                          " active = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto out;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, palp_user_get_login (user));
  bind_text (stmt, 3, palp_user_get_display_name (user));
  sqlite3_bind_int (stmt, 4, (int) palp_user_get_roles (user));
  sqlite3_bind_int (stmt, 5, active ? 1 : 0);
  if (!step_done (self, stmt, error))
    goto out;
  if (palp_user_get_id (user) != 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This user no longer exists."));
      goto out;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  /* Practitioner details live beside the user, for everyone who has them. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self, "INSERT INTO practitioners (user_id, credentials, profession,"
                        " association, association_number, npi, signature)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        " ON CONFLICT (user_id) DO UPDATE SET credentials = excluded.credentials,"
                        " profession = excluded.profession, association = excluded.association,"
                        " association_number = excluded.association_number, npi = excluded.npi,"
                        " signature = excluded.signature"
                        " WHERE credentials IS NOT excluded.credentials"
                        " OR profession IS NOT excluded.profession"
                        " OR association IS NOT excluded.association"
                        " OR association_number IS NOT excluded.association_number"
                        " OR npi IS NOT excluded.npi OR signature IS NOT excluded.signature",
                  error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (practitioner_string_props); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (user, practitioner_string_props[i], &value, NULL);
      bind_text (stmt, (int) i + 2, value);
    }
  if (signature != NULL)
    sqlite3_bind_blob (stmt, 7, g_bytes_get_data (signature, NULL),
                       (int) g_bytes_get_size (signature), SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    goto out;
  ok = TRUE;

out:
  if (!tx_end (self, ok, ok ? error : NULL))
    {
      self->actor = saved_actor;
      return FALSE;
    }
  g_object_set (user, "id", id, NULL);
  return TRUE;
}

/* Licences */

GListModel *
palp_store_list_licences (PalpStore  *self,
                          gint64      user_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_LICENCE);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT id, user_id, kind, number, jurisdiction, endorsement,"
                              " issued, expires FROM licences WHERE user_id = ?1"
                              " ORDER BY kind DESC, expires DESC, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpLicence) licence = palp_licence_new ();

      g_object_set (licence,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "user-id", sqlite3_column_int64 (stmt, 1),
                    "kind", g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2),
                                       "endorsement") == 0 ? PALP_LICENCE_KIND_ENDORSEMENT
                                                           : PALP_LICENCE_KIND_LICENCE,
                    "number", (const char *) sqlite3_column_text (stmt, 3),
                    "jurisdiction", (const char *) sqlite3_column_text (stmt, 4),
                    "endorsement", (const char *) sqlite3_column_text (stmt, 5),
                    "issued", (const char *) sqlite3_column_text (stmt, 6),
                    "expires", (const char *) sqlite3_column_text (stmt, 7),
                    NULL);
      g_list_store_append (store, licence);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
palp_store_save_licence (PalpStore    *self,
                         PalpLicence  *licence,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL, *jurisdiction = NULL, *endorsement = NULL;
  g_autofree char *issued = NULL, *expires = NULL;
  PalpLicenceKind kind;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_LICENCE (licence), FALSE);

  g_object_get (licence, "kind", &kind, "number", &number, "jurisdiction", &jurisdiction,
                "endorsement", &endorsement, "issued", &issued, "expires", &expires, NULL);
  if ((issued != NULL && !palp_date_parse_iso (issued, NULL)) ||
      (expires != NULL && !palp_date_parse_iso (expires, NULL)))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A licence's dates must be real dates."));
      return FALSE;
    }
  if (issued != NULL && expires != NULL && g_strcmp0 (issued, expires) > 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A licence cannot expire before it was issued."));
      return FALSE;
    }
  if (kind == PALP_LICENCE_KIND_ENDORSEMENT && endorsement == NULL)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Say what the endorsement is for, such as intra-oral work."));
      return FALSE;
    }

  id = palp_licence_get_id (licence);
  if (!tx_begin (self, error))
    return FALSE;
  stmt = prepare (self, id == 0
                          ? "INSERT INTO licences (user_id, kind, number, jurisdiction,"
                            " endorsement, issued, expires, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                            " ?7, NULL)"
                          : "UPDATE licences SET user_id = ?1, kind = ?2, number = ?3,"
                            " jurisdiction = ?4, endorsement = ?5, issued = ?6, expires = ?7"
                            " WHERE id = ?8",
                  error);
  if (stmt == NULL)
    return tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, palp_licence_get_user_id (licence));
  sqlite3_bind_text (stmt, 2, kind == PALP_LICENCE_KIND_ENDORSEMENT ? "endorsement" : "licence",
                     -1, SQLITE_STATIC);
  bind_text (stmt, 3, number);
  bind_text (stmt, 4, jurisdiction);
  bind_text (stmt, 5, endorsement);
  bind_text (stmt, 6, issued);
  bind_text (stmt, 7, expires);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  ok = step_done (self, stmt, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  if (!tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (licence, "id", id, NULL);
  return TRUE;
}

gboolean
palp_store_delete_licence (PalpStore  *self,
                           gint64      licence_id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!tx_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "DELETE FROM licences WHERE id = ?1", error)))
    return tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, licence_id);
  ok = step_done (self, stmt, error);
  return tx_end (self, ok, ok ? error : NULL);
}

/* Clients */

static char *
client_select_sql (const char *where)
{
  GString *sql = g_string_new ("SELECT id, archived, created_at, updated_at");

  for (guint i = 0; i < G_N_ELEMENTS (client_string_props); i++)
    {
      g_autofree char *col = column_for (client_string_props[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append_printf (sql, " FROM clients %s", where);
  return g_string_free (sql, FALSE);
}

static PalpClient *
client_from_stmt (sqlite3_stmt *stmt)
{
  PalpClient *client = palp_client_new ();

  g_object_freeze_notify (G_OBJECT (client));
  g_object_set (client,
                "id", sqlite3_column_int64 (stmt, 0),
                "archived", sqlite3_column_int (stmt, 1) != 0,
                "created-at", (const char *) sqlite3_column_text (stmt, 2),
                "updated-at", (const char *) sqlite3_column_text (stmt, 3),
                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (client_string_props); i++)
    g_object_set (client, client_string_props[i],
                  (const char *) sqlite3_column_text (stmt, (int) i + 4), NULL);
  g_object_thaw_notify (G_OBJECT (client));
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

  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return client_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("This client no longer exists."));
  else
    set_db_error (error, self->db, rc);
  return NULL;
}

gboolean
palp_store_load_clients_by_ids (PalpStore     *self,
                                const gint64  *ids,
                                guint          n_ids,
                                PalpClient   **out,
                                GError       **error)
{
  g_autoptr(GString) where = g_string_new ("WHERE id IN (");
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  if (n_ids == 0)
    return TRUE;
  for (guint i = 0; i < n_ids; i++)
    {
      g_string_append (where, i == 0 ? "?" : ",?");
      g_hash_table_insert (index, (gpointer) &ids[i], GUINT_TO_POINTER (i));
    }
  g_string_append_c (where, ')');
  sql = client_select_sql (where->str);
  if (!(stmt = prepare (self, sql, error)))
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gpointer pos;

      if (g_hash_table_lookup_extended (index, &id, NULL, &pos))
        out[GPOINTER_TO_UINT (pos)] = client_from_stmt (stmt);
    }
  if (rc != SQLITE_DONE)
    return set_db_error (error, self->db, rc);
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
          g_autofree char *col = column_for (client_string_props[i]);
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
          g_autofree char *col = column_for (client_string_props[i]);
          g_string_append_printf (sql, ", %s = ?%u", col, i + 2);
        }
      g_string_append_printf (sql, ", updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
                                   " WHERE id = ?%u RETURNING id, created_at, updated_at", n + 2);
    }

  if (!tx_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, sql->str, error)))
    return tx_end (self, FALSE, NULL);

  sqlite3_bind_int (stmt, 1, palp_client_get_archived (client) ? 1 : 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;

      g_object_get (client, client_string_props[i], &value, NULL);
      if (value != NULL)
        g_strstrip (value);
      bind_text (stmt, (int) i + 2, value);
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
      ok = step_done (self, stmt, error);
      break;
    case SQLITE_DONE:
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This client no longer exists."));
      break;
    default:
      set_db_error (error, self->db, sqlite3_errcode (self->db));
      break;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!tx_end (self, ok, ok ? error : NULL))
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

  if (!tx_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "UPDATE clients SET archived = ?2,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                              " WHERE id = ?1 AND archived != ?2", error)))
    return tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  ok = step_done (self, stmt, error);
  return tx_end (self, ok, ok ? error : NULL);
}

gboolean
palp_store_delete_client (PalpStore  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!tx_begin (self, error))
    return FALSE;
  if (!(stmt = prepare (self, "DELETE FROM clients WHERE id = ?1", error)))
    return tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  ok = step_done (self, stmt, error);
  if (!ok && error && *error && (*error)->code == PALP_STORE_ERROR_CONSTRAINT)
    {
      /* Records refer to this client: the record is a legal document. */
      g_clear_error (error);
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                   _("This client has clinical or financial records and cannot be deleted. "
                     "Archive the client instead."));
    }
  return tx_end (self, ok, ok ? error : NULL);
}

gint64
palp_store_count_clients (PalpStore  *self,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), -1);

  if (!(stmt = prepare (self, "SELECT count(*) FROM clients", error)))
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_db_error (error, self->db, sqlite3_errcode (self->db));
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

GListModel *
palp_store_search_clients (PalpStore   *self,
                           const char  *text,
                           gboolean     include_archived,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PalpClinic) clinic = NULL;
  PalpCountry country = PALP_COUNTRY_US;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (text != NULL && *text != '\0')
    {
      if ((clinic = palp_store_load_clinic (self, NULL)))
        country = palp_clinic_get_country_enum (clinic);
      terms = palp_search_terms_parse (text, country);
    }

  if (terms != NULL && terms->len > 0)
    {
      g_autofree char *match = build_match (terms);

      stmt = prepare (self, "SELECT c.id FROM clients_fts f JOIN clients c ON c.id = f.rowid"
                            " WHERE clients_fts MATCH ?1 AND (?2 OR c.archived = 0)"
                            " ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE,"
                            " c.id LIMIT ?3", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
    }
  else if (text != NULL && *text != '\0')
    {
      /* Only punctuation was typed: nothing can match. */
      return palp_client_list_new (self, ids);
    }
  else
    {
      stmt = prepare (self, "SELECT id FROM clients WHERE (?2 OR archived = 0)"
                            " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id"
                            " LIMIT ?3", error);
      if (stmt == NULL)
        return NULL;
    }
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, rc);
      return NULL;
    }
  return palp_client_list_new (self, ids);
}

/* Audit */

GListModel *
palp_store_list_audit (PalpStore  *self,
                       gint64      client_id,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_AUDIT_ENTRY);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = prepare (self, "SELECT a.id, a.at, a.user_id, u.display_name, a.action,"
                              " a.table_name, a.row_id, a.client_id, a.before, a.after"
                              " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
                              " WHERE ?1 = 0 OR a.client_id = ?1"
                              " ORDER BY a.id DESC LIMIT 1000", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
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
      set_db_error (error, self->db, rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Backup, restore, check */

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
    return set_db_error (error, db, rc);
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
      set_db_error (error, dst, rc);
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
  if (!copy_database (self->db, tmp, error))
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

  if (!check_not_network (path, error))
    return FALSE;
  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("There is no backup at “%s”."), backup);
      return FALSE;
    }
  /* Verify everything before touching the live file. */
  if (!inspect_existing (backup, &version, error))
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
      set_db_error (error, src, rc);
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
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
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
    return set_db_error (error, self->db, rc);
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
                error))
    return NULL;

  return g_steal_pointer (&problems);
}

#pragma GCC diagnostic pop
