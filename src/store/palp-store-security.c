/* palp-store-security.c: sign-in, PINs and passwords, security settings
 *
 * The secret is hashed and checked outside any transaction (yescrypt is
 * slow on purpose, and other windows should not wait on it); only the
 * bookkeeping — the count of wrong tries, the lock, the audit rows — is
 * written, in one transaction. Audit rows about signing in name the user
 * who tried, who is not (yet) the acting user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-store-private.h"
#include "palp-store-security.h"

G_DEFINE_QUARK (palp-sign-in-error-quark, palp_sign_in_error)

void
palp_security_settings_init_default (PalpSecuritySettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->require_sign_in = FALSE;
  settings->idle_lock_minutes = PALP_IDLE_LOCK_DEFAULT_MINUTES;
  settings->admins_read_narratives = FALSE;
}

gboolean
palp_store_load_security_settings (PalpStore             *self,
                                   PalpSecuritySettings  *out,
                                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  palp_security_settings_init_default (out);
  stmt = palp_store_prepare (self,
                             "SELECT require_sign_in, idle_lock_minutes, admins_read_narratives"
                             " FROM security_settings WHERE id = 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->require_sign_in = sqlite3_column_int (stmt, 0) != 0;
      out->idle_lock_minutes = (guint) sqlite3_column_int (stmt, 1);
      out->admins_read_narratives = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

gboolean
palp_store_save_security_settings (PalpStore                   *self,
                                   const PalpSecuritySettings  *settings,
                                   GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = now_text ();
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->idle_lock_minutes < 1 || settings->idle_lock_minutes > PALP_IDLE_LOCK_MAX_MINUTES)
    return palp_store_invalid (error, _("The window locks after 1 to 240 minutes without use."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLINIC, 0, error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self,
                             "UPDATE security_settings SET require_sign_in = ?1,"
                             " idle_lock_minutes = ?2, admins_read_narratives = ?3,"
                             " updated_by = palp_actor (), updated_at = ?4 WHERE id = 1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, settings->require_sign_in ? 1 : 0);
      sqlite3_bind_int (stmt, 2, (int) settings->idle_lock_minutes);
      sqlite3_bind_int (stmt, 3, settings->admins_read_narratives ? 1 : 0);
      palp_store_bind_text (stmt, 4, at);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Secrets ----------------------------------------------------------------- */

typedef struct
{
  PalpSecretKind  kind;
  char           *hash;
  guint           failures;
  gint64          locked_until;
} Secret;

static void
secret_clear (Secret *secret)
{
  g_clear_pointer (&secret->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Secret, secret_clear)

/* Loads @user_id's secret; kind NONE when they have none. */
static gboolean
load_secret (PalpStore  *self,
             gint64      user_id,
             Secret     *out,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  out->kind = PALP_SECRET_NONE;
  stmt = palp_store_prepare (self,
                             "SELECT kind, hash, failures, locked_until FROM user_secrets"
                             " WHERE user_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (!palp_secret_kind_from_key ((const char *) sqlite3_column_text (stmt, 0), &out->kind))
        out->kind = PALP_SECRET_PASSWORD;
      out->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out->failures = (guint) sqlite3_column_int (stmt, 2);
      out->locked_until = sqlite3_column_int64 (stmt, 3);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

PalpSecretKind
palp_store_get_secret_kind (PalpStore  *self,
                            gint64      user_id,
                            GError    **error)
{
  g_auto(Secret) secret = { 0 };

  g_return_val_if_fail (PALP_IS_STORE (self), PALP_SECRET_NONE);

  if (!load_secret (self, user_id, &secret, error))
    return PALP_SECRET_NONE;
  return secret.kind;
}

/* The acting user acts on their own account, or is an admin. */
static gboolean
may_manage_secret (PalpStore  *self,
                   gint64      user_id,
                   GError    **error)
{
  gint64 actor = palp_store_get_actor (self);

  if (actor <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Choose who you are before changing a PIN or password."));
      return FALSE;
    }
  if (actor == user_id)
    return TRUE;
  return palp_store_require (self, PALP_ACTION_MANAGE_USERS, 0, error);
}

gboolean
palp_store_set_user_secret (PalpStore   *self,
                            gint64       user_id,
                            const char  *secret,
                            GError     **error)
{
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = now_text ();
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!may_manage_secret (self, user_id, error) ||
      !(user = palp_store_load_user (self, user_id, error)))
    return FALSE;
  if (!palp_secret_check_strength (secret, palp_user_get_login (user), &local))
    return palp_store_invalid (error, local->message);
  if (!(hash = palp_secret_hash (secret, &local)))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED, local->message);
      return FALSE;
    }

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self,
                             "INSERT INTO user_secrets (user_id, kind, hash, set_by, set_at)"
                             " VALUES (?1, ?2, ?3, palp_actor (), ?4)"
                             " ON CONFLICT (user_id) DO UPDATE SET kind = excluded.kind,"
                             " hash = excluded.hash, set_by = excluded.set_by,"
                             " set_at = excluded.set_at, failures = 0, locked_until = 0",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, user_id);
      palp_store_bind_text (stmt, 2, palp_secret_kind_to_key (palp_secret_classify (secret)));
      palp_store_bind_text (stmt, 3, hash);
      palp_store_bind_text (stmt, 4, at);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gboolean
palp_store_clear_user_secret (PalpStore  *self,
                              gint64      user_id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PalpSecuritySettings settings;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!may_manage_secret (self, user_id, error) ||
      !palp_store_load_security_settings (self, &settings, error))
    return FALSE;
  /* An admin's reset is how a forgotten PIN is replaced: the user sets a
   * new one at their next sign-in. Nobody removes their own while the
   * clinic requires one. */
  if (settings.require_sign_in && palp_store_get_actor (self) == user_id)
    return palp_store_invalid (error, _("The clinic requires a PIN or password: change yours instead of "
                             "removing it."));

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "DELETE FROM user_secrets WHERE user_id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, user_id);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Signing in -------------------------------------------------------------- */

gboolean
palp_store_sign_in_needs_secret (PalpStore  *self,
                                 gint64      user_id,
                                 gboolean   *out_needs,
                                 GError    **error)
{
  g_auto(Secret) secret = { 0 };
  PalpSecuritySettings settings;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_needs != NULL, FALSE);

  if (!load_secret (self, user_id, &secret, error) ||
      !palp_store_load_security_settings (self, &settings, error))
    return FALSE;
  *out_needs = secret.kind != PALP_SECRET_NONE || settings.require_sign_in;
  return TRUE;
}

/* An audit row about @user_id's own account, written as them. */
static gboolean
audit_as (PalpStore   *self,
          gint64       user_id,
          const char  *action,
          const char  *after,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = palp_store_prepare (self,
                             "INSERT INTO audit_log (user_id, action, table_name, row_id, after)"
                             " VALUES (?1, ?2, 'users', ?1, ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  palp_store_bind_text (stmt, 2, action);
  palp_store_bind_text (stmt, 3, after);
  return palp_store_step_done (self, stmt, error);
}

static gboolean
audit_one (PalpStore   *self,
           gint64       user_id,
           const char  *action,
           const char  *after,
           GError     **error)
{
  gboolean ok;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = audit_as (self, user_id, action, after, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

static char *
iso_utc (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (unix_time);

  return when != NULL ? g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

/* Counts a wrong try and locks the account on the fifth in a row. Returns
 * the lock's end (0: not locked), or -1 with @error. */
static gint64
record_failure (PalpStore  *self,
                gint64      user_id,
                gint64      now,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = NULL;
  guint failures = 0;
  gint64 until = 0;
  gboolean ok;
  int rc;

  if (!palp_store_tx_begin (self, error))
    return -1;
  stmt = palp_store_prepare (self,
                             "UPDATE user_secrets SET failures = failures + 1 WHERE user_id = ?1"
                             " RETURNING failures",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, user_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        failures = (guint) sqlite3_column_int (stmt, 0);
      else
        ok = palp_store_set_db_error (error, palp_store_get_db (self), rc);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      after = g_strdup_printf ("{\"failures\":%u}", failures);
      ok = audit_as (self, user_id, "sign-in-failed", after, error);
    }
  until = palp_lockout_until (failures, now);
  if (ok && until > 0)
    {
      g_autofree char *until_text = iso_utc (until);

      stmt = palp_store_prepare (self,
                                 "UPDATE user_secrets SET locked_until = ?2 WHERE user_id = ?1",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, user_id);
          sqlite3_bind_int64 (stmt, 2, until);
          ok = palp_store_step_done (self, stmt, error);
        }
      g_clear_pointer (&after, g_free);
      after = g_strdup_printf ("{\"failures\":%u,\"seconds\":%" G_GINT64_FORMAT
                               ",\"until\":\"%s\"}",
                               failures, until - now, until_text);
      ok = ok && audit_as (self, user_id, "lock-out", after, error);
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return -1;
  return until;
}

static gboolean
record_success (PalpStore      *self,
                gint64          user_id,
                PalpSecretKind  kind,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *after = g_strdup_printf ("{\"with\":\"%s\"}",
                                            kind == PALP_SECRET_NONE
                                              ? "nothing" : palp_secret_kind_to_key (kind));
  gboolean ok = TRUE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (kind != PALP_SECRET_NONE)
    {
      stmt = palp_store_prepare (self,
                                 "UPDATE user_secrets SET failures = 0, locked_until = 0"
                                 " WHERE user_id = ?1",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, user_id);
          ok = palp_store_step_done (self, stmt, error);
        }
    }
  ok = ok && audit_as (self, user_id, "sign-in", after, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

static gboolean
sign_in_error (GError          **error,
               PalpSignInError   code,
               const char       *message)
{
  g_set_error_literal (error, PALP_SIGN_IN_ERROR, code, message);
  return FALSE;
}

gboolean
palp_store_sign_in_at (PalpStore   *self,
                       gint64       user_id,
                       const char  *secret,
                       gint64       now,
                       GError     **error)
{
  g_autoptr(PalpUser) user = NULL;
  g_auto(Secret) stored = { 0 };
  PalpSecuritySettings settings;
  gboolean active = FALSE;
  gint64 remaining;
  gint64 until;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (now <= 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  if (!(user = palp_store_load_user (self, user_id, error)) ||
      !load_secret (self, user_id, &stored, error) ||
      !palp_store_load_security_settings (self, &settings, error))
    return FALSE;
  g_object_get (user, "active", &active, NULL);
  if (!active)
    return sign_in_error (error, PALP_SIGN_IN_ERROR_INACTIVE,
                          _("This account is deactivated. Ask an admin to reactivate it."));

  if (stored.kind == PALP_SECRET_NONE)
    {
      if (settings.require_sign_in)
        return sign_in_error (error, PALP_SIGN_IN_ERROR_NEEDS_SECRET,
                              _("The clinic asks everyone to sign in with a PIN or password. "
                                "Set yours to go on."));
      if (!record_success (self, user_id, PALP_SECRET_NONE, error))
        return FALSE;
      palp_store_set_actor (self, user_id);
      return TRUE;
    }

  remaining = palp_lockout_remaining (stored.locked_until, now);
  if (remaining > 0)
    {
      g_autofree char *message = palp_lockout_message (remaining);

      /* Tries while locked are written down, not counted. */
      if (!audit_one (self, user_id, "sign-in-refused", "{\"reason\":\"locked\"}", error))
        return FALSE;
      return sign_in_error (error, PALP_SIGN_IN_ERROR_LOCKED, message);
    }

  if (palp_secret_verify (secret, stored.hash))
    {
      if (!record_success (self, user_id, stored.kind, error))
        return FALSE;
      palp_store_set_actor (self, user_id);
      return TRUE;
    }

  until = record_failure (self, user_id, now, error);
  if (until < 0)
    return FALSE;
  if (until > 0)
    {
      g_autofree char *message = palp_lockout_message (until - now);

      return sign_in_error (error, PALP_SIGN_IN_ERROR_LOCKED, message);
    }
  {
    guint left = PALP_LOCKOUT_FREE_TRIES - 1 - MIN (stored.failures, PALP_LOCKOUT_FREE_TRIES - 1);
    g_autofree char *message = NULL;

    if (stored.kind == PALP_SECRET_PIN)
      /* Translators: the number of tries left before the account is locked. */
      message = g_strdup_printf (ngettext ("Wrong PIN. %u more try before a short lock.",
                                           "Wrong PIN. %u more tries before a short lock.",
                                           left),
                                 left);
    else
      message = g_strdup_printf (ngettext ("Wrong password. %u more try before a short lock.",
                                           "Wrong password. %u more tries before a short lock.",
                                           left),
                                 left);
    return sign_in_error (error, PALP_SIGN_IN_ERROR_WRONG, message);
  }
}

gboolean
palp_store_sign_in (PalpStore   *self,
                    gint64       user_id,
                    const char  *secret,
                    GError     **error)
{
  return palp_store_sign_in_at (self, user_id, secret, 0, error);
}

static gboolean
audit_actor (PalpStore   *self,
             const char  *action,
             GError     **error)
{
  gint64 actor = palp_store_get_actor (self);

  if (actor <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Nobody is signed in."));
      return FALSE;
    }
  return audit_one (self, actor, action, NULL, error);
}

gboolean
palp_store_audit_lock (PalpStore  *self,
                       GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  return audit_actor (self, "lock", error);
}

gboolean
palp_store_audit_sign_out (PalpStore  *self,
                           GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  return audit_actor (self, "sign-out", error);
}

gboolean
palp_store_may_read_narrative (PalpStore  *self,
                               GError    **error)
{
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(GError) local = NULL;
  PalpSecuritySettings settings;
  PalpActor actor = { 0 };
  gint64 id = palp_store_get_actor (self);

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (id > 0)
    {
      if (!(user = palp_store_load_user (self, id, error)))
        return FALSE;
      actor.user_id = id;
      actor.roles = palp_user_get_roles (user);
      g_object_get (user, "active", &actor.active, NULL);
    }
  if (!palp_store_load_security_settings (self, &settings, error))
    return FALSE;
  if (!palp_permission_check_narrative (&actor, settings.admins_read_narratives, &local))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT, local->message);
      return FALSE;
    }
  return TRUE;
}
