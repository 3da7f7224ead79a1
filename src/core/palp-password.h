/* palp-password.h: PINs and passwords, and how many tries a person gets
 *
 * A user may protect their account with a PIN (digits only) or a
 * password. Either is kept only as a salted, deliberately slow yescrypt
 * hash made by the system's libcrypt; the clear text lives in memory for
 * as long as it takes to hash or verify it.
 *
 * The rules, chosen for a desktop in a shared front office:
 *
 *  - A PIN has 6 to 12 digits and is not one digit repeated or a straight
 *    run ("111111", "123456", "987654"). Six digits, not four: with five
 *    tries before a lock-out, a guess of a 4-digit PIN succeeds once in
 *    2,000 walk-ups, of a 6-digit PIN once in 200,000.
 *  - A password has 8 to 128 characters, at least one that is not a digit
 *    (all digits make a PIN), is not only spaces, and is not the login.
 *  - After PALP_LOCKOUT_FREE_TRIES wrong tries in a row the account is
 *    locked for 1 minute; each further wrong try doubles the lock, up to
 *    PALP_LOCKOUT_MAX_SECONDS. A right answer resets the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_SECRET_NONE,
  PALP_SECRET_PIN,
  PALP_SECRET_PASSWORD,
} PalpSecretKind;

#define PALP_PIN_MIN_DIGITS       6
#define PALP_PIN_MAX_DIGITS       12
#define PALP_PASSWORD_MIN_CHARS   8
#define PALP_PASSWORD_MAX_CHARS   128

#define PALP_LOCKOUT_FREE_TRIES   5
#define PALP_LOCKOUT_FIRST_SECONDS 60
#define PALP_LOCKOUT_MAX_SECONDS  (60 * 60)

/* "pin", "password" (NULL for NONE), and back. */
const char     *palp_secret_kind_to_key     (PalpSecretKind   kind);
gboolean        palp_secret_kind_from_key   (const char      *key,
                                             PalpSecretKind  *out_kind);

/* PIN when @secret is made of ASCII digits only, else PASSWORD; NONE for
 * NULL or empty. */
PalpSecretKind  palp_secret_classify        (const char      *secret);

/* Whether @secret is strong enough by the rules above. @login (may be
 * NULL) is the user's login, which a password may not be. FALSE with
 * PALP_CORE_ERROR_INVALID and a message saying what to change. */
gboolean        palp_secret_check_strength  (const char      *secret,
                                             const char      *login,
                                             GError         **error);

/* A new "$y$..." yescrypt hash of @secret with a fresh random salt, or
 * NULL with @error when libcrypt cannot make one. */
char           *palp_secret_hash            (const char      *secret,
                                             GError         **error);

/* Whether @secret hashes to @hash, compared in constant time. FALSE for
 * NULL or malformed values. */
gboolean        palp_secret_verify          (const char      *secret,
                                             const char      *hash);

/* Seconds an account stays locked after its @failures-th wrong try in a
 * row: 0 below PALP_LOCKOUT_FREE_TRIES, then 60, 120, 240, ... capped at
 * PALP_LOCKOUT_MAX_SECONDS. */
gint64          palp_lockout_seconds        (guint            failures);

/* The Unix time until which the account is locked after its @failures-th
 * wrong try at @now; 0 when that try does not lock it. */
gint64          palp_lockout_until          (guint            failures,
                                             gint64           now);

/* Seconds left of a lock ending at @locked_until (Unix time; 0: none) at
 * @now; 0 when it is over. */
gint64          palp_lockout_remaining      (gint64           locked_until,
                                             gint64           now);

/* "Try again in 2 minutes." for @seconds left (rounded up to whole
 * minutes; under a minute says "in a minute"). */
char           *palp_lockout_message        (gint64           seconds);

G_END_DECLS
