/* palp-password.c: PINs and passwords, and how many tries a person gets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <crypt.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-password.h"

/* libcrypt's own choice of yescrypt's cost (0): about what a desktop can
 * afford at every sign-in, and raised by the library over time. */
#define YESCRYPT_PREFIX "$y$"
#define YESCRYPT_COST   0

const char *
palp_secret_kind_to_key (PalpSecretKind kind)
{
  switch (kind)
    {
    case PALP_SECRET_PIN:
      return "pin";
    case PALP_SECRET_PASSWORD:
      return "password";
    case PALP_SECRET_NONE:
    default:
      return NULL;
    }
}

gboolean
palp_secret_kind_from_key (const char     *key,
                           PalpSecretKind *out_kind)
{
  PalpSecretKind kind;

  if (g_strcmp0 (key, "pin") == 0)
    kind = PALP_SECRET_PIN;
  else if (g_strcmp0 (key, "password") == 0)
    kind = PALP_SECRET_PASSWORD;
  else
    return FALSE;
  if (out_kind != NULL)
    *out_kind = kind;
  return TRUE;
}

PalpSecretKind
palp_secret_classify (const char *secret)
{
  if (secret == NULL || *secret == '\0')
    return PALP_SECRET_NONE;
  for (const char *p = secret; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return PALP_SECRET_PASSWORD;
  return PALP_SECRET_PIN;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID, message);
  return FALSE;
}

/* "111111", "123456", "987654": the first PINs anyone tries. */
static gboolean
pin_is_obvious (const char *pin)
{
  gsize len = strlen (pin);
  gboolean same = TRUE, up = TRUE, down = TRUE;

  for (gsize i = 1; i < len; i++)
    {
      int step = pin[i] - pin[i - 1];

      same = same && step == 0;
      up = up && step == 1;
      down = down && step == -1;
    }
  return same || up || down;
}

gboolean
palp_secret_check_strength (const char  *secret,
                            const char  *login,
                            GError     **error)
{
  switch (palp_secret_classify (secret))
    {
    case PALP_SECRET_NONE:
      return invalid (error, _("Type a PIN or a password."));

    case PALP_SECRET_PIN:
      {
        gsize len = strlen (secret);

        if (len < PALP_PIN_MIN_DIGITS || len > PALP_PIN_MAX_DIGITS)
          return invalid (error, _("A PIN has 6 to 12 digits."));
        if (pin_is_obvious (secret))
          return invalid (error, _("This PIN is too easy to guess: avoid one digit repeated "
                                   "and runs like 123456."));
        return TRUE;
      }

    case PALP_SECRET_PASSWORD:
    default:
      {
        glong chars;
        gboolean blank = TRUE;

        if (!g_utf8_validate (secret, -1, NULL))
          return invalid (error, _("The password contains characters that cannot be read. "
                                   "Type it again."));
        chars = g_utf8_strlen (secret, -1);
        if (chars < PALP_PASSWORD_MIN_CHARS || chars > PALP_PASSWORD_MAX_CHARS)
          return invalid (error, _("A password has 8 to 128 characters."));
        for (const char *p = secret; *p != '\0'; p = g_utf8_next_char (p))
          {
            gunichar c = g_utf8_get_char (p);

            if (g_unichar_iscntrl (c))
              return invalid (error, _("A password cannot contain control characters."));
            if (!g_unichar_isspace (c))
              blank = FALSE;
          }
        if (blank)
          return invalid (error, _("A password cannot be only spaces."));
        if (login != NULL && *login != '\0')
          {
            g_autofree char *a = g_utf8_casefold (secret, -1);
            g_autofree char *b = g_utf8_casefold (login, -1);

            if (g_strcmp0 (a, b) == 0)
              return invalid (error, _("A password cannot be the login."));
          }
        return TRUE;
      }
    }
}

char *
palp_secret_hash (const char  *secret,
                  GError     **error)
{
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  struct crypt_data *data;
  char *hash = NULL;

  g_return_val_if_fail (secret != NULL, NULL);

  /* No random bytes passed: libcrypt takes them from the kernel. */
  if (crypt_gensalt_rn (YESCRYPT_PREFIX, YESCRYPT_COST, NULL, 0, salt, sizeof salt) == NULL)
    {
      invalid (error, _("The system cannot make a salt for the PIN or password (libcrypt "
                        "without yescrypt?)."));
      return NULL;
    }
  /* crypt_data is large (about 32 kB): not on the stack. */
  data = g_new0 (struct crypt_data, 1);
  if (crypt_r (secret, salt, data) != NULL && data->output[0] == '$')
    hash = g_strdup (data->output);
  explicit_bzero (data, sizeof *data);
  g_free (data);
  if (hash == NULL)
    invalid (error, _("The system could not hash the PIN or password."));
  return hash;
}

/* Compares every byte of the longer string, so the time taken says
 * nothing about where two hashes differ. */
static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  gsize n = MAX (la, lb);
  volatile guchar diff = la != lb;

  for (gsize i = 0; i < n; i++)
    {
      guchar x = i < la ? (guchar) a[i] : 0;
      guchar y = i < lb ? (guchar) b[i] : 0;

      diff |= x ^ y;
    }
  return diff == 0;
}

gboolean
palp_secret_verify (const char *secret,
                    const char *hash)
{
  struct crypt_data *data;
  gboolean ok = FALSE;

  if (secret == NULL || hash == NULL || !g_str_has_prefix (hash, "$"))
    return FALSE;
  data = g_new0 (struct crypt_data, 1);
  /* On a bad setting libcrypt returns a string starting with '*', which
   * never equals a hash. */
  if (crypt_r (secret, hash, data) != NULL)
    ok = equal_constant_time (data->output, hash);
  explicit_bzero (data, sizeof *data);
  g_free (data);
  return ok;
}

gint64
palp_lockout_seconds (guint failures)
{
  gint64 seconds = PALP_LOCKOUT_FIRST_SECONDS;

  if (failures < PALP_LOCKOUT_FREE_TRIES)
    return 0;
  for (guint i = PALP_LOCKOUT_FREE_TRIES; i < failures; i++)
    {
      seconds *= 2;
      if (seconds >= PALP_LOCKOUT_MAX_SECONDS)
        return PALP_LOCKOUT_MAX_SECONDS;
    }
  return seconds;
}

gint64
palp_lockout_until (guint  failures,
                    gint64 now)
{
  gint64 seconds = palp_lockout_seconds (failures);

  return seconds > 0 ? now + seconds : 0;
}

gint64
palp_lockout_remaining (gint64 locked_until,
                        gint64 now)
{
  return locked_until > now ? locked_until - now : 0;
}

char *
palp_lockout_message (gint64 seconds)
{
  gint64 minutes = (seconds + 59) / 60;

  if (minutes <= 1)
    return g_strdup (_("Too many wrong tries. Try again in a minute."));
  /* Translators: %d is a number of minutes, 2 or more. */
  return g_strdup_printf (ngettext ("Too many wrong tries. Try again in %d minute.",
                                    "Too many wrong tries. Try again in %d minutes.",
                                    (gulong) minutes),
                          (int) minutes);
}
