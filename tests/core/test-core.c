/* test-core.c: dates, form validation and search terms, on plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-core-error.h"
#include "palp-date.h"
#include "palp-search-terms.h"
#include "palp-validate.h"

static void
test_iso_dates (void)
{
  GDate d;
  g_autofree char *back = NULL;

  g_assert_true (palp_date_parse_iso ("1980-04-02", &d));
  g_assert_cmpint (g_date_get_year (&d), ==, 1980);
  g_assert_cmpint (g_date_get_month (&d), ==, 4);
  g_assert_cmpint (g_date_get_day (&d), ==, 2);
  back = palp_date_to_iso (&d);
  g_assert_cmpstr (back, ==, "1980-04-02");

  g_assert_true (palp_date_parse_iso ("2024-02-29", NULL));   /* leap year */
  g_assert_false (palp_date_parse_iso ("2023-02-29", NULL));
  g_assert_false (palp_date_parse_iso ("1900-02-29", NULL));  /* century, not leap */
  g_assert_true (palp_date_parse_iso ("2000-02-29", NULL));
  g_assert_false (palp_date_parse_iso ("2026-02-30", NULL));
  g_assert_false (palp_date_parse_iso ("2026-13-01", NULL));
  g_assert_false (palp_date_parse_iso ("2026-00-10", NULL));
  g_assert_false (palp_date_parse_iso ("1980-4-2", NULL));
  g_assert_false (palp_date_parse_iso ("1980-04-02x", NULL));
  g_assert_false (palp_date_parse_iso ("", NULL));
  g_assert_false (palp_date_parse_iso (NULL, NULL));
  g_assert_false (palp_date_parse_iso ("abcd-ef-gh", NULL));
}

static void
test_short_dates (void)
{
  GDate d;
  g_autofree char *us = palp_date_format_short ("1980-04-02", PALP_COUNTRY_US);
  g_autofree char *ca = palp_date_format_short ("1980-04-02", PALP_COUNTRY_CA);

  g_assert_cmpstr (us, ==, "04/02/1980");
  g_assert_cmpstr (ca, ==, "02/04/1980");
  g_assert_null (palp_date_format_short ("junk", PALP_COUNTRY_US));

  /* The same typed text means different days in each country. */
  g_assert_true (palp_date_parse_user ("04/02/1980", PALP_COUNTRY_US, &d));
  g_assert_cmpint (g_date_get_month (&d), ==, 4);
  g_assert_true (palp_date_parse_user ("04/02/1980", PALP_COUNTRY_CA, &d));
  g_assert_cmpint (g_date_get_month (&d), ==, 2);
  g_assert_true (palp_date_parse_user ("4/2/1980", PALP_COUNTRY_US, &d));
  g_assert_true (palp_date_parse_user (" 1980-04-02 ", PALP_COUNTRY_CA, &d));
  g_assert_true (palp_date_parse_user ("13/05/1990", PALP_COUNTRY_CA, &d));
  g_assert_false (palp_date_parse_user ("13/05/1990", PALP_COUNTRY_US, &d));
  g_assert_false (palp_date_parse_user ("02/30/1990", PALP_COUNTRY_US, &d));
  g_assert_false (palp_date_parse_user ("1/2/80", PALP_COUNTRY_US, &d));
  g_assert_false (palp_date_parse_user ("1/2/3/1980", PALP_COUNTRY_US, &d));
}

static void
test_ages (void)
{
  g_assert_cmpint (palp_date_age_years ("1980-04-02", "2026-04-01"), ==, 45);
  g_assert_cmpint (palp_date_age_years ("1980-04-02", "2026-04-02"), ==, 46);
  g_assert_cmpint (palp_date_age_years ("2012-04-30", "2026-11-22"), ==, 14);
  g_assert_cmpint (palp_date_age_years ("2000-02-29", "2026-02-28"), ==, 25);
  g_assert_cmpint (palp_date_age_years ("2030-01-01", "2026-01-01"), ==, -1);
  g_assert_cmpint (palp_date_age_years (NULL, "2026-01-01"), ==, -1);
}

static void
test_validate_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, 'a');

  g_assert_true (palp_validate_name ("Zoë", TRUE, NULL));
  g_assert_true (palp_validate_name ("Ó Súilleabháin", TRUE, NULL));
  g_assert_true (palp_validate_name ("محمد", TRUE, NULL));      /* right to left */
  g_assert_true (palp_validate_name ("Kai 🌊", TRUE, NULL));     /* emoji are a person's choice */
  g_assert_true (palp_validate_name ("O'Brien-Smith", TRUE, NULL));
  g_assert_true (palp_validate_name ("Robert'); DROP TABLE clients;--", TRUE, NULL));
  g_assert_true (palp_validate_name (NULL, FALSE, NULL));

  g_assert_false (palp_validate_name ("", TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (palp_validate_name ("   \t", TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (palp_validate_name ("Ann\nMarie", TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_validate_name ("Bell\a", TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_validate_name (huge, TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_validate_name ("\xff\xfe", TRUE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static void
test_validate_contact (void)
{
  g_assert_true (palp_validate_email ("zoe.lefevre@example.org", NULL));
  g_assert_true (palp_validate_email ("", NULL));
  g_assert_true (palp_validate_email (NULL, NULL));
  g_assert_false (palp_validate_email ("zoe", NULL));
  g_assert_false (palp_validate_email ("zoe@", NULL));
  g_assert_false (palp_validate_email ("@example.org", NULL));
  g_assert_false (palp_validate_email ("zoe@example", NULL));
  g_assert_false (palp_validate_email ("zoe@@example.org", NULL));
  g_assert_false (palp_validate_email ("zo e@example.org", NULL));
  g_assert_false (palp_validate_email ("zoe@example.", NULL));

  g_assert_true (palp_validate_phone ("(206) 555-0195", NULL));
  g_assert_true (palp_validate_phone ("+1 416 555 0143", NULL));
  g_assert_true (palp_validate_phone ("416-555-0143 x12", NULL));
  g_assert_true (palp_validate_phone ("", NULL));
  g_assert_false (palp_validate_phone ("555", NULL));
  g_assert_false (palp_validate_phone ("call me", NULL));
  g_assert_false (palp_validate_phone ("1234567890123456", NULL));
  g_assert_false (palp_validate_phone ("206; DROP TABLE", NULL));
}

static void
test_validate_birth_and_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');

  g_assert_true (palp_validate_birth_date ("1980-04-02", "2026-11-22", NULL));
  g_assert_true (palp_validate_birth_date ("2026-11-22", "2026-11-22", NULL));
  g_assert_false (palp_validate_birth_date ("2026-11-23", "2026-11-22", &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_validate_birth_date ("1850-01-01", "2026-11-22", NULL));
  g_assert_false (palp_validate_birth_date ("1990-02-30", "2026-11-22", NULL));
  g_assert_false (palp_validate_birth_date ("9999-12-31", "2026-11-22", NULL));

  g_assert_true (palp_validate_text ("line one\nline two\ttab", 100, NULL));
  g_assert_false (palp_validate_text ("nul\x01", 100, NULL));
  g_assert_false (palp_validate_text (huge, 20000, NULL));

  g_assert_true (palp_validate_login ("maya", NULL));
  g_assert_true (palp_validate_login ("front.desk-2", NULL));
  g_assert_false (palp_validate_login ("", NULL));
  g_assert_false (palp_validate_login ("maya okafor", NULL));
  g_assert_false (palp_validate_login ("'; --", NULL));
}

static const PalpSearchTerm *
term (GPtrArray *terms,
      guint      i)
{
  g_assert_cmpuint (i, <, terms->len);
  return g_ptr_array_index (terms, i);
}

static void
test_search_terms (void)
{
  g_autoptr(GPtrArray) t = NULL;
  g_autofree char *folded = palp_search_fold ("ZOË Lefèvre");

  g_assert_cmpstr (folded, ==, "zoe lefevre");

  t = palp_search_terms_parse ("Zoë", PALP_COUNTRY_US);
  g_assert_cmpuint (t->len, ==, 1);
  g_assert_cmpint (term (t, 0)->kind, ==, PALP_SEARCH_TERM_TEXT);
  g_assert_cmpstr (term (t, 0)->value, ==, "zoe");
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("(206) 555-01", PALP_COUNTRY_US);
  g_assert_cmpuint (t->len, ==, 1);
  g_assert_cmpint (term (t, 0)->kind, ==, PALP_SEARCH_TERM_DIGITS);
  g_assert_cmpstr (term (t, 0)->value, ==, "20655501");
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("1980-04-02", PALP_COUNTRY_CA);
  g_assert_cmpint (term (t, 0)->kind, ==, PALP_SEARCH_TERM_DATE);
  g_assert_cmpstr (term (t, 0)->value, ==, "19800402");
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("04/02/1980", PALP_COUNTRY_US);
  g_assert_cmpstr (term (t, 0)->value, ==, "19800402");
  g_clear_pointer (&t, g_ptr_array_unref);
  t = palp_search_terms_parse ("02/04/1980", PALP_COUNTRY_CA);
  g_assert_cmpstr (term (t, 0)->value, ==, "19800402");
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("1980", PALP_COUNTRY_US);
  g_assert_cmpint (term (t, 0)->kind, ==, PALP_SEARCH_TERM_YEAR);
  g_assert_cmpstr (term (t, 0)->value, ==, "1980");
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("zoe lef", PALP_COUNTRY_US);
  g_assert_cmpuint (t->len, ==, 2);
  g_assert_cmpstr (term (t, 1)->value, ==, "lef");
  g_clear_pointer (&t, g_ptr_array_unref);

  /* Query syntax typed by a person is only words. */
  t = palp_search_terms_parse ("\" * OR NEAR( -: o'brien", PALP_COUNTRY_US);
  for (guint i = 0; i < t->len; i++)
    for (const char *p = term (t, i)->value; *p; p++)
      g_assert_true (g_ascii_isalnum (*p));
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("   ", PALP_COUNTRY_US);
  g_assert_cmpuint (t->len, ==, 0);
  g_clear_pointer (&t, g_ptr_array_unref);

  t = palp_search_terms_parse ("a b c d e f g h i j k l", PALP_COUNTRY_US);
  g_assert_cmpuint (t->len, <=, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/iso", test_iso_dates);
  g_test_add_func ("/date/short-forms", test_short_dates);
  g_test_add_func ("/date/ages", test_ages);
  g_test_add_func ("/validate/names", test_validate_names);
  g_test_add_func ("/validate/contact", test_validate_contact);
  g_test_add_func ("/validate/birth-and-text", test_validate_birth_and_text);
  g_test_add_func ("/search/terms", test_search_terms);

  return g_test_run ();
}
