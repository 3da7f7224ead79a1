/* palp-store-security.h: sign-in, PINs and passwords, security settings
 *
 * Who may sit at the desktop as whom. A user's PIN or password is stored
 * only as its yescrypt hash (palp-password.h); wrong tries are counted in
 * the database, so restarting the application does not reset them, and
 * lock the account for a growing while. Every sign-in, wrong try and
 * lock-out goes to the audit log, with the user who tried.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-password.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_SIGN_IN_ERROR (palp_sign_in_error_quark ())

typedef enum
{
  PALP_SIGN_IN_ERROR_WRONG,        /* the PIN or password is not the user's */
  PALP_SIGN_IN_ERROR_LOCKED,       /* too many wrong tries: wait (message says how long) */
  PALP_SIGN_IN_ERROR_NEEDS_SECRET, /* the clinic requires one and the user has none */
  PALP_SIGN_IN_ERROR_INACTIVE,     /* the account is deactivated */
} PalpSignInError;

GQuark palp_sign_in_error_quark (void);

/* The clinic's security settings (schema 10). */
typedef struct
{
  gboolean require_sign_in;         /* every user needs a PIN or password */
  guint    idle_lock_minutes;       /* 1–240; default 5 */
  gboolean admins_read_narratives;  /* admins may read notes' text; default no */
} PalpSecuritySettings;

#define PALP_IDLE_LOCK_DEFAULT_MINUTES 5
#define PALP_IDLE_LOCK_MAX_MINUTES     240

void         palp_security_settings_init_default (PalpSecuritySettings *settings);
gboolean     palp_store_load_security_settings (PalpStore            *self,
                                                PalpSecuritySettings *out,
                                                GError              **error);
/* Admins only; checked first, audited. */
gboolean     palp_store_save_security_settings (PalpStore                  *self,
                                                const PalpSecuritySettings *settings,
                                                GError                    **error);

/* What protects @user_id's account: PALP_SECRET_NONE, PIN or PASSWORD.
 * NONE with @error on failure. */
PalpSecretKind palp_store_get_secret_kind     (PalpStore   *self,
                                                gint64       user_id,
                                                GError     **error);

/* Sets or replaces @user_id's PIN or password (its kind from @secret:
 * digits only make a PIN), after palp_secret_check_strength (). The
 * acting user sets their own; an admin sets (resets) anyone's. Clears the
 * wrong tries and any lock. Audited, without the hash. */
gboolean     palp_store_set_user_secret        (PalpStore   *self,
                                                gint64       user_id,
                                                const char  *secret,
                                                GError     **error);
/* Removes @user_id's PIN or password: by the user themself (unless the
 * clinic requires sign-in) or by an admin (a reset: the user then sets a
 * new one at their next sign-in). Audited. */
gboolean     palp_store_clear_user_secret      (PalpStore   *self,
                                                gint64       user_id,
                                                GError     **error);

/* Whether @user_id must type a PIN or password to sign in: they have one,
 * or the clinic requires sign-in (then, without one, NEEDS_SECRET asks
 * them to set one first). FALSE with @error on failure. */
gboolean     palp_store_sign_in_needs_secret   (PalpStore   *self,
                                                gint64       user_id,
                                                gboolean    *out_needs,
                                                GError     **error);

/* Signs @user_id in with @secret (NULL when they have none and the clinic
 * does not require one). On success the wrong tries are cleared, the
 * sign-in is audited and @user_id becomes the store's acting user. On a
 * wrong secret the try is counted and audited ("sign-in-failed"), and the
 * fifth in a row locks the account ("lock-out"); while it is locked even
 * the right secret is refused, without counting. @now is the Unix time
 * (0: now). */
gboolean     palp_store_sign_in                (PalpStore   *self,
                                                gint64       user_id,
                                                const char  *secret,
                                                GError     **error);
gboolean     palp_store_sign_in_at             (PalpStore   *self,
                                                gint64       user_id,
                                                const char  *secret,
                                                gint64       now,
                                                GError     **error);

/* Writes to the audit log that the acting user locked the window
 * ("lock"), or that their session ended ("sign-out"). */
gboolean     palp_store_audit_lock             (PalpStore   *self,
                                                GError     **error);
gboolean     palp_store_audit_sign_out         (PalpStore   *self,
                                                GError     **error);

/* Whether the acting user may read the narrative of notes
 * (palp_permission_check_narrative () with the clinic's setting). */
gboolean     palp_store_may_read_narrative     (PalpStore   *self,
                                                GError     **error);

G_END_DECLS
