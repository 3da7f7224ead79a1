/* test-security.c: PINs and passwords in the database, sign-in, lock-out,
 * the security settings, and files readable by their owner only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem () */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"
#include "palp-store-security.h"

#define PIN      "480213"
#define PASSWORD "Lavender tea at four"
#define T0       ((gint64) 1767225600)  /* 2026-01-01 00:00:00 UTC */

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
  gint64     maya_id;
  gint64     jonah_id;
} Fixture;

static gint64
add_user (PalpStore  *store,
          const char *login,
          const char *name,
          PalpRoles   roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = palp_user_new ();

  g_object_set (user, "login", login, "display-name", name, "roles", roles, NULL);
  g_assert_true (palp_store_save_user (store, user, &error));
  g_assert_no_error (error);
  return palp_user_get_id (user);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("palpate-security-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->admin_id = add_user (f->store, "rosa", "Rosa Delgado", PALP_ROLE_ADMIN);
  f->maya_id = add_user (f->store, "maya", "Maya Lindqvist", PALP_ROLE_PRACTITIONER);
  f->jonah_id = add_user (f->store, "jonah", "Jonah Park", PALP_ROLE_PRACTITIONER);
  palp_store_set_actor (f->store, f->admin_id);
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
  g_free (f->dir);
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

static gint64
audit_count (Fixture    *f,
             const char *action,
             gint64      user_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'"
                                          " AND user_id = %" G_GINT64_FORMAT,
                                          action, user_id);

  return count (f->store, sql);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpSecuritySettings s;
  gint64 audit_before;

  g_assert_true (palp_store_load_security_settings (f->store, &s, &error));
  g_assert_no_error (error);
  g_assert_false (s.require_sign_in);
  g_assert_cmpuint (s.idle_lock_minutes, ==, 5);
  g_assert_false (s.admins_read_narratives);

  /* Out of range: refused, nothing written. */
  audit_before = count (f->store, "SELECT count(*) FROM audit_log");
  s.idle_lock_minutes = 0;
  g_assert_false (palp_store_save_security_settings (f->store, &s, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  s.idle_lock_minutes = 241;
  g_assert_false (palp_store_save_security_settings (f->store, &s, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A practitioner may not change them. */
  palp_store_set_actor (f->store, f->maya_id);
  s.idle_lock_minutes = 2;
  s.require_sign_in = TRUE;
  g_assert_false (palp_store_save_security_settings (f->store, &s, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log"), ==, audit_before);

  /* An admin may, audited. */
  palp_store_set_actor (f->store, f->admin_id);
  s.admins_read_narratives = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &s, &error));
  g_assert_no_error (error);
  palp_security_settings_init_default (&s);
  g_assert_true (palp_store_load_security_settings (f->store, &s, &error));
  g_assert_true (s.require_sign_in);
  g_assert_cmpuint (s.idle_lock_minutes, ==, 2);
  g_assert_true (s.admins_read_narratives);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name ="
                                    " 'security_settings' AND json_extract (after,"
                                    " '$.idle_lock_minutes') = 2"), ==, 1);
}

static void
test_set_secret (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (palp_store_get_secret_kind (f->store, f->maya_id, NULL), ==,
                   PALP_SECRET_NONE);

  /* Maya sets her own PIN. */
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_get_secret_kind (f->store, f->maya_id, NULL), ==, PALP_SECRET_PIN);
  g_assert_cmpint (audit_count (f, "set-secret", f->maya_id), ==, 1);

  /* A weak one is refused and changes nothing. */
  g_assert_false (palp_store_set_user_secret (f->store, f->maya_id, "1234", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_store_set_user_secret (f->store, f->maya_id, "maya", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f, "set-secret", f->maya_id), ==, 1);
  g_assert_true (palp_store_sign_in (f->store, f->maya_id, PIN, &error));
  g_assert_no_error (error);

  /* She may not set a colleague's. */
  g_assert_false (palp_store_set_user_secret (f->store, f->jonah_id, PIN, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_clear_user_secret (f->store, f->jonah_id, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_get_secret_kind (f->store, f->jonah_id, NULL), ==,
                   PALP_SECRET_NONE);

  /* An admin resets hers to a password. */
  palp_store_set_actor (f->store, f->admin_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_get_secret_kind (f->store, f->maya_id, NULL), ==,
                   PALP_SECRET_PASSWORD);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'set-secret'"
                                    " AND json_extract (before, '$.kind') = 'pin'"
                                    " AND json_extract (after, '$.kind') = 'password'"), ==, 1);
  /* The audit log never holds the hash. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE after LIKE '%$y$%'"
                                    " OR before LIKE '%$y$%'"), ==, 0);

  /* And removes it: Maya signs in with nothing again. */
  g_assert_true (palp_store_clear_user_secret (f->store, f->maya_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "clear-secret", f->admin_id), ==, 1);
  palp_store_set_actor (f->store, 0);
  g_assert_true (palp_store_sign_in (f->store, f->maya_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->maya_id);

  /* No acting user, no change. */
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER);
}

static void
test_sign_in_and_lock_out (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean needs = FALSE;

  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  g_assert_true (palp_store_sign_in_needs_secret (f->store, f->maya_id, &needs, &error));
  g_assert_true (needs);
  g_assert_true (palp_store_sign_in_needs_secret (f->store, f->jonah_id, &needs, &error));
  g_assert_false (needs);
  palp_store_set_actor (f->store, 0);

  /* The right PIN signs her in, as the acting user. */
  g_assert_true (palp_store_sign_in_at (f->store, f->maya_id, PIN, T0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->maya_id);
  g_assert_cmpint (audit_count (f, "sign-in", f->maya_id), ==, 1);
  palp_store_set_actor (f->store, 0);

  /* Four wrong tries: each counted, audited, and says how many are left. */
  for (guint i = 1; i <= 4; i++)
    {
      g_assert_false (palp_store_sign_in_at (f->store, f->maya_id, "480214", T0 + i, &error));
      g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_WRONG);
      g_assert_nonnull (strstr (error->message, "Wrong PIN"));
      g_clear_error (&error);
      g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
      g_assert_cmpint (audit_count (f, "sign-in-failed", f->maya_id), ==, i);
    }
  g_assert_cmpint (count (f->store, "SELECT locked_until FROM user_secrets"), ==, 0);

  /* The fifth locks her out for a minute. */
  g_assert_false (palp_store_sign_in_at (f->store, f->maya_id, "", T0 + 10, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "Too many wrong tries. Try again in a minute.");
  g_clear_error (&error);
  g_assert_cmpint (audit_count (f, "lock-out", f->maya_id), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT locked_until FROM user_secrets"), ==, T0 + 70);

  /* While locked even the right PIN is refused, and not counted. */
  g_assert_false (palp_store_sign_in_at (f->store, f->maya_id, PIN, T0 + 69, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT failures FROM user_secrets"), ==, 5);
  g_assert_cmpint (audit_count (f, "sign-in-refused", f->maya_id), ==, 1);

  /* After the lock, one more wrong try locks her for twice as long. */
  g_assert_false (palp_store_sign_in_at (f->store, f->maya_id, "000000", T0 + 70, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "Too many wrong tries. Try again in 2 minutes.");
  g_clear_error (&error);
  g_assert_cmpint (count (f->store, "SELECT locked_until FROM user_secrets"), ==, T0 + 190);
  g_assert_cmpint (audit_count (f, "lock-out", f->maya_id), ==, 2);

  /* The right PIN after it clears the count. */
  g_assert_true (palp_store_sign_in_at (f->store, f->maya_id, PIN, T0 + 190, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT failures + locked_until FROM user_secrets"), ==, 0);
  g_assert_cmpint (audit_count (f, "sign-in", f->maya_id), ==, 2);

  /* Each sign-in row names the user and how they signed in. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE action = 'sign-in'"
                                    " AND table_name = 'users'"
                                    " AND json_extract (after, '$.with') = 'pin'"), ==, 2);
}

static void
test_lock_survives_restart (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  for (guint i = 0; i < PALP_LOCKOUT_FREE_TRIES; i++)
    {
      g_assert_false (palp_store_sign_in (f->store, f->maya_id, "111112", NULL));
    }
  /* Reopening the application does not forgive the tries. */
  g_clear_object (&f->store);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (palp_store_sign_in (f->store, f->maya_id, PIN, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_LOCKED);
}

static void
test_required (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpSecuritySettings s;
  g_autoptr(PalpUser) retired = NULL;
  gboolean needs = FALSE;

  palp_security_settings_init_default (&s);
  s.require_sign_in = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &s, &error));

  /* Without a secret, Jonah is asked to set one before going on. */
  g_assert_true (palp_store_sign_in_needs_secret (f->store, f->jonah_id, &needs, &error));
  g_assert_true (needs);
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_sign_in (f->store, f->jonah_id, NULL, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_NEEDS_SECRET);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);

  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->jonah_id, PASSWORD, &error));
  g_assert_no_error (error);
  /* He may not remove it while the clinic requires one... */
  g_assert_false (palp_store_clear_user_secret (f->store, f->jonah_id, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (palp_store_get_secret_kind (f->store, f->jonah_id, NULL), ==,
                   PALP_SECRET_PASSWORD);
  palp_store_set_actor (f->store, 0);
  g_assert_true (palp_store_sign_in (f->store, f->jonah_id, PASSWORD, &error));
  g_assert_no_error (error);

  /* ...and a deactivated account never signs in. */
  palp_store_set_actor (f->store, f->admin_id);
  retired = palp_store_load_user (f->store, f->jonah_id, &error);
  g_object_set (retired, "active", FALSE, NULL);
  g_assert_true (palp_store_save_user (f->store, retired, &error));
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_sign_in (f->store, f->jonah_id, PASSWORD, &error));
  g_assert_error (error, PALP_SIGN_IN_ERROR, PALP_SIGN_IN_ERROR_INACTIVE);
}

/* Whether @needle occurs anywhere in the file at @path. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
test_no_clear_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  const char *name;
  guint files = 0;

  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->jonah_id, PASSWORD, &error));
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_sign_in (f->store, f->maya_id, "975310", NULL));
  g_assert_true (palp_store_sign_in (f->store, f->maya_id, PIN, &error));
  g_assert_true (palp_store_backup (f->store, backup, &error));
  g_assert_no_error (error);

  /* Neither the database, its log, nor the backup holds the PIN, the
   * password or the wrong try, in any form they were typed. */
  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_assert_false (file_contains (p, PIN));
      g_assert_false (file_contains (p, PASSWORD));
      g_assert_false (file_contains (p, "Lavender"));
      g_assert_false (file_contains (p, "975310"));
      files++;
    }
  g_assert_cmpuint (files, >=, 2);
  /* The hashes are there. */
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM user_secrets WHERE hash GLOB '$y$*'"),
                   ==, 2);
  /* And nothing else can be stored there. */
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store),
                                 "UPDATE user_secrets SET hash = '" PIN "'", NULL, NULL, NULL)
                   & 0xff, ==, SQLITE_CONSTRAINT);
}

static void
test_files_owner_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  const char *name;
  guint files = 0;

  /* Write something so the log and shared memory exist. */
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, PIN, &error));
  g_assert_true (palp_store_backup (f->store, backup, &error));
  g_assert_no_error (error);

  dir = g_dir_open (f->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (p, &st), ==, 0);
      if (st.st_mode & 0077)
        g_error ("%s is readable by others (mode %o)", name, st.st_mode & 0777);
      files++;
    }
  /* clinic.db, its -wal and -shm, and the backup. */
  g_assert_cmpuint (files, >=, 4);
}

static void
test_narrative (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpSecuritySettings s;

  /* By default the front desk does not read notes' text. */
  g_assert_false (palp_store_may_read_narrative (f->store, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_may_read_narrative (f->store, NULL));
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_may_read_narrative (f->store, NULL));

  palp_store_set_actor (f->store, f->admin_id);
  palp_security_settings_init_default (&s);
  s.admins_read_narratives = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &s, &error));
  g_assert_true (palp_store_may_read_narrative (f->store, &error));
  g_assert_no_error (error);
}

static void
test_lock_audit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_audit_lock (f->store, &error));
  g_assert_true (palp_store_audit_sign_out (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "lock", f->maya_id), ==, 1);
  g_assert_cmpint (audit_count (f, "sign-out", f->maya_id), ==, 1);
  palp_store_set_actor (f->store, 0);
  g_assert_false (palp_store_audit_lock (f->store, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/security/settings", test_settings);
  ADD ("/security/set-secret", test_set_secret);
  ADD ("/security/sign-in-and-lock-out", test_sign_in_and_lock_out);
  ADD ("/security/lock-survives-restart", test_lock_survives_restart);
  ADD ("/security/required", test_required);
  ADD ("/security/no-clear-text", test_no_clear_text);
  ADD ("/security/files-owner-only", test_files_owner_only);
  ADD ("/security/narrative", test_narrative);
  ADD ("/security/lock-audit", test_lock_audit);
#undef ADD

  return g_test_run ();
}
