/* test-money.c: amounts in cents, formatted and typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "palp-core-error.h"
#include "palp-money.h"

#define NBSP "\xc2\xa0"

static void
assert_format (gint64      cents,
               const char *language,
               const char *expected)
{
  g_autofree char *text = palp_money_format (cents, PALP_CURRENCY_CAD, language);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_money_format_english (void)
{
  assert_format (123450, "en", "$1,234.50");
  assert_format (123450, NULL, "$1,234.50");
  assert_format (0, "en", "$0.00");
  assert_format (5, "en", "$0.05");
  assert_format (99, "en", "$0.99");
  assert_format (100000, "en_CA", "$1,000.00");
  assert_format (PALP_MONEY_MAX_CENTS, "en", "$1,000,000.00");
  assert_format (-1200, "en", "-$12.00");
  assert_format (G_MININT64, "en", "-$92,233,720,368,547,758.08");
}

static void
test_money_format_french (void)
{
  assert_format (123450, "fr", "1" NBSP "234,50" NBSP "$");
  assert_format (123450, "fr_CA.UTF-8", "1" NBSP "234,50" NBSP "$");
  assert_format (123450, "fr-CA", "1" NBSP "234,50" NBSP "$");
  assert_format (8500, "fr", "85,00" NBSP "$");
  assert_format (-705, "fr", "-7,05" NBSP "$");
  /* "fre" or "frisian" are not French. */
  assert_format (123450, "fry", "$1,234.50");
}

static void
test_money_format_number_and_plain (void)
{
  g_autofree char *en = palp_money_format_number (123450, "en");
  g_autofree char *fr = palp_money_format_number (123450, "fr");
  g_autofree char *plain = palp_money_format_plain (123450);
  g_autofree char *negative = palp_money_format_plain (-5);
  g_autofree char *usd = palp_money_format (100, PALP_CURRENCY_USD, "en");

  g_assert_cmpstr (en, ==, "1,234.50");
  g_assert_cmpstr (fr, ==, "1" NBSP "234,50");
  g_assert_cmpstr (plain, ==, "1234.50");
  g_assert_cmpstr (negative, ==, "-0.05");
  g_assert_cmpstr (usd, ==, "$1.00");
}

static void
assert_parses (const char *text,
               const char *language,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = -1;

  if (!palp_money_parse (text, language, &cents, &error))
    g_error ("“%s” (%s) did not parse: %s", text, language, error->message);
  g_assert_cmpint (cents, ==, expected);
}

static void
assert_refused (const char *text,
                const char *language,
                int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 cents = 4242;

  g_assert_false (palp_money_parse (text, language, &cents, &error));
  g_assert_error (error, PALP_CORE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* Nothing changes on failure. */
  g_assert_cmpint (cents, ==, 4242);
}

static void
test_money_parse_valid (void)
{
  assert_parses ("85", "en", 8500);
  assert_parses ("85.00", "en", 8500);
  assert_parses ("$1,234.50", "en", 123450);
  assert_parses ("1234.5", "en", 123450);
  assert_parses (".5", "en", 50);
  assert_parses ("0.05", "en", 5);
  assert_parses ("  12.00 $ ", "en", 1200);
  assert_parses ("$ 7", "en", 700);
  assert_parses ("12.", "en", 1200);
  assert_parses ("007.10", "en", 710);
  assert_parses ("1,000,000.00", "en", PALP_MONEY_MAX_CENTS);
  assert_parses ("0", "en", 0);
  assert_parses ("1 234,50 $", "fr", 123450);
  assert_parses ("1" NBSP "234,50" NBSP "$", "fr", 123450);
  assert_parses ("1\xe2\x80\xaf" "234,50", "fr", 123450);
  assert_parses ("85,5", "fr", 8550);
  /* A period typed on an English keyboard still means cents in French. */
  assert_parses ("12.50", "fr", 1250);
}

static void
test_money_parse_refused (void)
{
  assert_refused ("", "en", PALP_CORE_ERROR_REQUIRED);
  assert_refused ("   ", "en", PALP_CORE_ERROR_REQUIRED);
  assert_refused ("$", "en", PALP_CORE_ERROR_REQUIRED);
  /* negative */
  assert_refused ("-5", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("-$5.00", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("$-5.00", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("(5.00)", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("\xe2\x88\x92" "5", "fr", PALP_CORE_ERROR_INVALID);
  /* more than two decimals */
  assert_refused ("12.345", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("12,345", "fr", PALP_CORE_ERROR_INVALID);
  /* absurd */
  assert_refused ("1000000.01", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("99999999999999999999999", "en", PALP_CORE_ERROR_INVALID);
  /* garbage */
  assert_refused ("abc", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("12a", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("1.2.3", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("12,50", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("1,23,456", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("1,2345", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("1,234.50", "fr", PALP_CORE_ERROR_INVALID);
  assert_refused ("$$5", "en", PALP_CORE_ERROR_INVALID);
  assert_refused (".", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("5e3", "en", PALP_CORE_ERROR_INVALID);
  assert_refused ("0x10", "en", PALP_CORE_ERROR_INVALID);
}

static void
test_money_round_trip (void)
{
  static const gint64 samples[] = {
    0, 1, 10, 99, 100, 8500, 123456, 9999999, PALP_MONEY_MAX_CENTS,
  };
  const char *languages[] = { "en", "fr" };

  for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
    for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autofree char *text = palp_money_format (samples[i], PALP_CURRENCY_CAD, languages[l]);

        assert_parses (text, languages[l], samples[i]);
      }
}

static void
test_money_arithmetic (void)
{
  gint64 out = 0;

  g_assert_true (palp_money_multiply (8500, 3, &out));
  g_assert_cmpint (out, ==, 25500);
  g_assert_false (palp_money_multiply (G_MAXINT64 / 2, 3, &out));
  g_assert_false (palp_money_multiply (-1, 3, &out));
  g_assert_true (palp_money_add (1, 2, &out));
  g_assert_cmpint (out, ==, 3);
  g_assert_false (palp_money_add (G_MAXINT64, 1, &out));
  g_assert_false (palp_money_add (G_MININT64, -1, &out));
}

static void
test_currency_codes (void)
{
  g_autoptr(GError) error = NULL;
  PalpCurrency currency = PALP_CURRENCY_USD;

  g_assert_true (palp_currency_from_code ("cad", &currency, NULL));
  g_assert_cmpint (currency, ==, PALP_CURRENCY_CAD);
  g_assert_cmpstr (palp_currency_to_code (currency), ==, "CAD");
  g_assert_true (palp_currency_from_code ("USD", &currency, NULL));
  g_assert_cmpint (currency, ==, PALP_CURRENCY_USD);
  g_assert_false (palp_currency_from_code ("EUR", &currency, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/money/format-english", test_money_format_english);
  g_test_add_func ("/billing/money/format-french", test_money_format_french);
  g_test_add_func ("/billing/money/format-number-and-plain", test_money_format_number_and_plain);
  g_test_add_func ("/billing/money/parse-valid", test_money_parse_valid);
  g_test_add_func ("/billing/money/parse-refused", test_money_parse_refused);
  g_test_add_func ("/billing/money/round-trip", test_money_round_trip);
  g_test_add_func ("/billing/money/arithmetic", test_money_arithmetic);
  g_test_add_func ("/billing/money/currency-codes", test_currency_codes);

  return g_test_run ();
}
