/* test-receipt-number.c: receipt numbers written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-core-error.h"
#include "palp-receipt-number.h"

static void
test_number_default_pattern (void)
{
  g_autofree char *t = NULL;
  g_autofree char *e = NULL;
  g_autofree char *g = NULL;
  g_autofree char *big = NULL;

  t = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                  PALP_SERVICE_CATEGORY_THERAPEUTIC, 2026, 124, NULL);
  e = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                  PALP_SERVICE_CATEGORY_ESTHETIC, 2026, 1, NULL);
  g = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                  PALP_SERVICE_CATEGORY_OTHER, 2027, 999999, NULL);
  big = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                    PALP_SERVICE_CATEGORY_THERAPEUTIC, 2026, 1234567, NULL);

  g_assert_cmpstr (t, ==, "T-2026-000124");
  g_assert_cmpstr (e, ==, "E-2026-000001");
  g_assert_cmpstr (g, ==, "G-2027-999999");
  /* Past its padding the sequence simply grows. */
  g_assert_cmpstr (big, ==, "T-2026-1234567");
}

static void
test_number_parse (void)
{
  PalpServiceCategory category = PALP_SERVICE_CATEGORY_OTHER;
  int year = 0;
  gint64 seq = 0;

  g_assert_true (palp_receipt_number_parse (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN, "T-2026-000124",
                                            &category, &year, &seq, NULL));
  g_assert_cmpint (category, ==, PALP_SERVICE_CATEGORY_THERAPEUTIC);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (seq, ==, 124);

  g_assert_true (palp_receipt_number_parse (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN, "E-2025-1234567",
                                            &category, &year, &seq, NULL));
  g_assert_cmpint (category, ==, PALP_SERVICE_CATEGORY_ESTHETIC);
  g_assert_cmpint (year, ==, 2025);
  g_assert_cmpint (seq, ==, 1234567);
}

static void
test_number_parse_refuses (void)
{
  const char *wrong[] = {
    "X-2026-000124",   /* no such series */
    "t-2026-000124",   /* series letters are capitals */
    "T-2026-00124",    /* shorter than its padding */
    "T-2026-0000124",  /* a zero too many: not how it is written */
    "T-26-000124",
    "T-2026-000000",   /* sequences start at 1 */
    "T-2026-000124 ",
    "T2026000124",
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 seq = 77;

      g_assert_false (palp_receipt_number_parse (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN, wrong[i],
                                                 NULL, NULL, &seq, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == PALP_CORE_ERROR);
      g_assert_cmpint (seq, ==, 77);
    }
}

static void
test_number_custom_patterns (void)
{
  struct {
    const char *pattern;
    PalpServiceCategory category;
    int year;
    gint64 seq;
    const char *expected;
  } cases[] = {
    { "{series}{seq:4}", PALP_SERVICE_CATEGORY_ESTHETIC, 2026, 7, "E0007" },
    { "{year}/{series}/{seq}", PALP_SERVICE_CATEGORY_OTHER, 2026, 42, "2026/G/42" },
    { "REC-{series}{year}{seq:5}", PALP_SERVICE_CATEGORY_THERAPEUTIC, 2026, 3, "REC-T202600003" },
    { "{series}.{seq}.{year}", PALP_SERVICE_CATEGORY_THERAPEUTIC, 2026, 12, "T.12.2026" },
    { "Reçu-{series}-{seq:3}", PALP_SERVICE_CATEGORY_ESTHETIC, 2026, 5, "Reçu-E-005" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = palp_receipt_number_format (cases[i].pattern, cases[i].category,
                                                            cases[i].year, cases[i].seq, &error);
      PalpServiceCategory category;
      int year = -1;
      gint64 seq = -1;

      g_assert_no_error (error);
      g_assert_cmpstr (number, ==, cases[i].expected);
      g_assert_true (palp_receipt_number_parse (cases[i].pattern, number, &category, &year, &seq,
                                                &error));
      g_assert_no_error (error);
      g_assert_cmpint (category, ==, cases[i].category);
      g_assert_cmpint (seq, ==, cases[i].seq);
      g_assert_cmpint (year, ==,
                       palp_receipt_pattern_has_year (cases[i].pattern) ? cases[i].year : 0);
    }

  g_assert_true (palp_receipt_pattern_has_year (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN));
  g_assert_false (palp_receipt_pattern_has_year ("{series}{seq:4}"));
}

static void
test_number_round_trip (void)
{
  for (int i = 0; i < 500; i++)
    {
      PalpServiceCategory category = (PalpServiceCategory) g_test_rand_int_range (0, 3);
      int year = g_test_rand_int_range (2000, 2100);
      gint64 seq = g_test_rand_int_range (1, G_MAXINT32);
      g_autofree char *number = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                                            category, year, seq, NULL);
      PalpServiceCategory back_category;
      int back_year;
      gint64 back_seq;

      g_assert_true (palp_receipt_number_parse (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN, number,
                                                &back_category, &back_year, &back_seq, NULL));
      g_assert_cmpint (back_category, ==, category);
      g_assert_cmpint (back_year, ==, year);
      g_assert_cmpint (back_seq, ==, seq);
    }
}

static void
test_number_bad_patterns (void)
{
  struct { const char *pattern; int code; } cases[] = {
    { "", PALP_CORE_ERROR_REQUIRED },
    { NULL, PALP_CORE_ERROR_REQUIRED },
    { "{year}-{seq:6}", PALP_CORE_ERROR_INVALID },              /* no series */
    { "{series}-{year}", PALP_CORE_ERROR_INVALID },             /* no sequence */
    { "{series}-{seq}-{seq}", PALP_CORE_ERROR_INVALID },
    { "{series}-{year}-{year}-{seq}", PALP_CORE_ERROR_INVALID },
    { "{series}-{month}-{seq}", PALP_CORE_ERROR_INVALID },
    { "{series}-{seq:0}", PALP_CORE_ERROR_INVALID },
    { "{series}-{seq:13}", PALP_CORE_ERROR_INVALID },
    { "{series}-{seq:x}", PALP_CORE_ERROR_INVALID },
    { "{series} {seq}", PALP_CORE_ERROR_INVALID },
    { "{series}-{seq", PALP_CORE_ERROR_INVALID },
    { "{series}}-{seq}", PALP_CORE_ERROR_INVALID },
    { "{series}-\t{seq}", PALP_CORE_ERROR_INVALID },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) format_error = NULL;
      g_autofree char *number = NULL;

      g_assert_false (palp_receipt_pattern_validate (cases[i].pattern, &error));
      g_assert_error (error, PALP_CORE_ERROR, cases[i].code);

      number = palp_receipt_number_format (cases[i].pattern, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                           2026, 1, &format_error);
      g_assert_null (number);
      g_assert_error (format_error, PALP_CORE_ERROR, cases[i].code);
    }

  g_assert_true (palp_receipt_pattern_validate (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN, NULL));
}

static void
test_number_bad_values (void)
{
  struct { int year; gint64 seq; } cases[] = {
    { 999, 1 }, { 10000, 1 }, { 2026, 0 }, { 2026, -5 },
    { 2026, PALP_RECEIPT_NUMBER_MAX_SEQ + 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = palp_receipt_number_format (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN,
                                                            PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                                            cases[i].year, cases[i].seq, &error);

      g_assert_null (number);
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/number/default-pattern", test_number_default_pattern);
  g_test_add_func ("/billing/number/parse", test_number_parse);
  g_test_add_func ("/billing/number/parse-refuses", test_number_parse_refuses);
  g_test_add_func ("/billing/number/custom-patterns", test_number_custom_patterns);
  g_test_add_func ("/billing/number/round-trip", test_number_round_trip);
  g_test_add_func ("/billing/number/bad-patterns", test_number_bad_patterns);
  g_test_add_func ("/billing/number/bad-values", test_number_bad_values);

  return g_test_run ();
}
