/* test-password.c: PIN and password rules, hashing and lock-out, on plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-core-error.h"
#include "palp-password.h"

static void
test_classify (void)
{
  PalpSecretKind kind = PALP_SECRET_NONE;

  g_assert_cmpint (palp_secret_classify (NULL), ==, PALP_SECRET_NONE);
  g_assert_cmpint (palp_secret_classify (""), ==, PALP_SECRET_NONE);
  g_assert_cmpint (palp_secret_classify ("480213"), ==, PALP_SECRET_PIN);
  g_assert_cmpint (palp_secret_classify ("48021a"), ==, PALP_SECRET_PASSWORD);
  g_assert_cmpint (palp_secret_classify (" 480213"), ==, PALP_SECRET_PASSWORD);

  g_assert_cmpstr (palp_secret_kind_to_key (PALP_SECRET_PIN), ==, "pin");
  g_assert_cmpstr (palp_secret_kind_to_key (PALP_SECRET_PASSWORD), ==, "password");
  g_assert_null (palp_secret_kind_to_key (PALP_SECRET_NONE));
  g_assert_true (palp_secret_kind_from_key ("password", &kind));
  g_assert_cmpint (kind, ==, PALP_SECRET_PASSWORD);
  g_assert_false (palp_secret_kind_from_key ("PIN", &kind));
  g_assert_false (palp_secret_kind_from_key (NULL, &kind));
}

static void
assert_weak (const char *secret,
             const char *login)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (palp_secret_check_strength (secret, login, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_strength (void)
{
  g_autofree char *long_pin = g_strnfill (13, '5');
  g_autofree char *long_password = g_strnfill (129, 'x');
  g_autofree char *longest_password = g_strnfill (128, 'x');

  /* PINs: 6 to 12 digits, not obvious. */
  g_assert_true (palp_secret_check_strength ("480213", NULL, NULL));
  g_assert_true (palp_secret_check_strength ("480213975102", NULL, NULL));
  assert_weak ("4802", NULL);
  assert_weak ("48021", NULL);
  assert_weak ("4802139751024", NULL);
  assert_weak (long_pin, NULL);
  assert_weak ("000000", NULL);
  assert_weak ("123456", NULL);
  assert_weak ("3456789", NULL);
  assert_weak ("987654", NULL);
  g_assert_true (palp_secret_check_strength ("123457", NULL, NULL));

  /* Passwords: 8 to 128 characters, counted as characters, not bytes. */
  g_assert_true (palp_secret_check_strength ("correct horse", "maya", NULL));
  g_assert_true (palp_secret_check_strength ("éléphant", NULL, NULL));
  g_assert_true (palp_secret_check_strength (longest_password, NULL, NULL));
  assert_weak ("éléphan", NULL);
  assert_weak ("short1", NULL);
  assert_weak (long_password, NULL);
  g_assert_true (palp_secret_check_strength ("  a  b  c  ", NULL, NULL));
  assert_weak ("          ", NULL);
  assert_weak ("tab\there ok", NULL);
  assert_weak ("bad \xff utf8", NULL);
  assert_weak ("AmelieLeblanc", "ameliEleblanc");
  g_assert_true (palp_secret_check_strength ("AmelieLeblanc", "amelie", NULL));

  /* Nothing at all. */
  assert_weak ("", NULL);
  assert_weak (NULL, NULL);
}

static void
test_hash_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = palp_secret_hash ("480213", &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (hash);
  /* yescrypt, salted: the same PIN hashes differently each time, and the
   * hash does not contain it. */
  g_assert_true (g_str_has_prefix (hash, "$y$"));
  g_assert_null (strstr (hash, "480213"));
  again = palp_secret_hash ("480213", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);

  g_assert_true (palp_secret_verify ("480213", hash));
  g_assert_true (palp_secret_verify ("480213", again));
  g_assert_false (palp_secret_verify ("480214", hash));
  g_assert_false (palp_secret_verify ("4802130", hash));
  g_assert_false (palp_secret_verify ("", hash));
  g_assert_false (palp_secret_verify (NULL, hash));
  g_assert_false (palp_secret_verify ("480213", NULL));
  /* A clear text where a hash belongs never verifies. */
  g_assert_false (palp_secret_verify ("480213", "480213"));
  g_assert_false (palp_secret_verify ("480213", "$y$broken"));
  g_assert_false (palp_secret_verify ("480213", "*0"));
}

static void
test_password_hash (void)
{
  g_autofree char *hash = palp_secret_hash ("Tête de 8 mots", NULL);

  g_assert_nonnull (hash);
  g_assert_true (palp_secret_verify ("Tête de 8 mots", hash));
  g_assert_false (palp_secret_verify ("tête de 8 mots", hash));
  g_assert_false (palp_secret_verify ("Tête de 8 mots ", hash));
}

static void
test_lockout_delays (void)
{
  /* Four wrong tries cost nothing; the fifth locks for a minute; each
   * further one doubles the lock, up to an hour. */
  for (guint i = 0; i < PALP_LOCKOUT_FREE_TRIES; i++)
    g_assert_cmpint (palp_lockout_seconds (i), ==, 0);
  g_assert_cmpint (palp_lockout_seconds (5), ==, 60);
  g_assert_cmpint (palp_lockout_seconds (6), ==, 120);
  g_assert_cmpint (palp_lockout_seconds (7), ==, 240);
  g_assert_cmpint (palp_lockout_seconds (8), ==, 480);
  g_assert_cmpint (palp_lockout_seconds (9), ==, 960);
  g_assert_cmpint (palp_lockout_seconds (10), ==, 1920);
  g_assert_cmpint (palp_lockout_seconds (11), ==, 3600);
  g_assert_cmpint (palp_lockout_seconds (12), ==, 3600);
  g_assert_cmpint (palp_lockout_seconds (G_MAXUINT), ==, 3600);
}

static void
test_lockout_timing (void)
{
  const gint64 now = 1767225600;  /* 2026-01-01 00:00:00 UTC */
  gint64 until;

  g_assert_cmpint (palp_lockout_until (4, now), ==, 0);
  until = palp_lockout_until (5, now);
  g_assert_cmpint (until, ==, now + 60);
  g_assert_cmpint (palp_lockout_remaining (until, now), ==, 60);
  g_assert_cmpint (palp_lockout_remaining (until, now + 59), ==, 1);
  g_assert_cmpint (palp_lockout_remaining (until, now + 60), ==, 0);
  g_assert_cmpint (palp_lockout_remaining (until, now + 3600), ==, 0);
  g_assert_cmpint (palp_lockout_remaining (0, now), ==, 0);
  g_assert_cmpint (palp_lockout_until (6, now + 60), ==, now + 180);
}

static void
test_lockout_message (void)
{
  g_autofree char *one = palp_lockout_message (1);
  g_autofree char *minute = palp_lockout_message (60);
  g_autofree char *two = palp_lockout_message (61);
  g_autofree char *two_exact = palp_lockout_message (120);
  g_autofree char *hour = palp_lockout_message (3600);

  g_assert_cmpstr (one, ==, "Too many wrong tries. Try again in a minute.");
  g_assert_cmpstr (minute, ==, "Too many wrong tries. Try again in a minute.");
  g_assert_cmpstr (two, ==, "Too many wrong tries. Try again in 2 minutes.");
  g_assert_cmpstr (two_exact, ==, "Too many wrong tries. Try again in 2 minutes.");
  g_assert_cmpstr (hour, ==, "Too many wrong tries. Try again in 60 minutes.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/password/classify", test_classify);
  g_test_add_func ("/password/strength", test_strength);
  g_test_add_func ("/password/hash-round-trip", test_hash_round_trip);
  g_test_add_func ("/password/password-hash", test_password_hash);
  g_test_add_func ("/password/lockout-delays", test_lockout_delays);
  g_test_add_func ("/password/lockout-timing", test_lockout_timing);
  g_test_add_func ("/password/lockout-message", test_lockout_message);

  return g_test_run ();
}
