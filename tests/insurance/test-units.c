/* test-units.c: units for timed codes by the CMS 8-minute rule and per code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-core-error.h"
#include "palp-units.h"

#define LINE(c, m) { (c), (m), palp_cpt_code_is_timed (c), 99 }

static void
compute_ok (PalpUnitRule  rule,
            PalpUnitLine *lines,
            gsize         n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (palp_units_compute (rule, lines, n, &error));
  g_assert_no_error (error);
}

static guint
total_units (const PalpUnitLine *lines,
             gsize               n)
{
  guint total = 0;

  for (gsize i = 0; i < n; i++)
    total += lines[i].units;
  return total;
}

static void
test_units_for_minutes (void)
{
  g_assert_cmpuint (palp_units_for_minutes (0), ==, 0);
  g_assert_cmpuint (palp_units_for_minutes (7), ==, 0);
  g_assert_cmpuint (palp_units_for_minutes (8), ==, 1);
  g_assert_cmpuint (palp_units_for_minutes (22), ==, 1);
  g_assert_cmpuint (palp_units_for_minutes (23), ==, 2);
  g_assert_cmpuint (palp_units_for_minutes (37), ==, 2);
  g_assert_cmpuint (palp_units_for_minutes (38), ==, 3);
  g_assert_cmpuint (palp_units_for_minutes (52), ==, 3);
  g_assert_cmpuint (palp_units_for_minutes (53), ==, 4);
  g_assert_cmpuint (palp_units_for_minutes (67), ==, 4);
  g_assert_cmpuint (palp_units_for_minutes (68), ==, 5);
  g_assert_cmpuint (palp_units_for_minutes (600), ==, 40);

  g_assert_cmpuint (palp_units_minimum_minutes (0), ==, 0);
  g_assert_cmpuint (palp_units_minimum_minutes (1), ==, 8);
  g_assert_cmpuint (palp_units_minimum_minutes (3), ==, 38);
  for (guint u = 1; u < 100; u++)
    {
      g_assert_cmpuint (palp_units_for_minutes (palp_units_minimum_minutes (u)), ==, u);
      g_assert_cmpuint (palp_units_for_minutes (palp_units_minimum_minutes (u) - 1), ==, u - 1);
    }
}

static void
test_units_rule_names (void)
{
  g_autoptr(GError) error = NULL;
  PalpUnitRule rule = PALP_UNIT_RULE_CMS;

  g_assert_true (palp_unit_rule_from_string ("per-code", &rule, NULL));
  g_assert_cmpint (rule, ==, PALP_UNIT_RULE_PER_CODE);
  g_assert_cmpstr (palp_unit_rule_to_string (rule), ==, "per-code");
  g_assert_true (palp_unit_rule_from_string ("cms", &rule, NULL));
  g_assert_cmpint (rule, ==, PALP_UNIT_RULE_CMS);
  g_assert_cmpstr (palp_unit_rule_to_string (rule), ==, "cms");

  g_assert_false (palp_unit_rule_from_string ("CMS-ish", &rule, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_cmpint (rule, ==, PALP_UNIT_RULE_CMS);
}

static void
test_units_timed_codes (void)
{
  g_assert_true (palp_cpt_code_is_timed ("97124"));
  g_assert_true (palp_cpt_code_is_timed ("97140"));
  g_assert_true (palp_cpt_code_is_timed ("97110"));
  g_assert_true (palp_cpt_code_is_timed ("97112"));
  g_assert_true (palp_cpt_code_is_timed ("97530"));
  g_assert_true (palp_cpt_code_is_timed ("97035"));
  g_assert_false (palp_cpt_code_is_timed ("97010"));
  g_assert_false (palp_cpt_code_is_timed ("97014"));
  g_assert_false (palp_cpt_code_is_timed ("97028"));
  g_assert_false (palp_cpt_code_is_timed ("97161"));
}

/* CMS: 24 minutes of 97112 and 23 of 97110 are 47 minutes, 3 units; each
 * code has one whole block, and the third unit goes to 97112, which has 9
 * minutes left against 8. */
static void
test_units_cms_example_47_minutes (void)
{
  PalpUnitLine lines[] = { LINE ("97112", 24), LINE ("97110", 23) };

  compute_ok (PALP_UNIT_RULE_CMS, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 2);
  g_assert_cmpuint (lines[1].units, ==, 1);

  /* Written the other way round, the answer is the same. */
  {
    PalpUnitLine swapped[] = { LINE ("97110", 23), LINE ("97112", 24) };

    compute_ok (PALP_UNIT_RULE_CMS, swapped, G_N_ELEMENTS (swapped));
    g_assert_cmpuint (swapped[0].units, ==, 1);
    g_assert_cmpuint (swapped[1].units, ==, 2);
  }

  /* Per code: 24 → 2 and 23 → 2. */
  compute_ok (PALP_UNIT_RULE_PER_CODE, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 2);
  g_assert_cmpuint (lines[1].units, ==, 2);
}

/* Three codes of 8 minutes: 24 minutes are 2 units by CMS, while each code
 * alone reaches 8 minutes, so 3 units per code. */
static void
test_units_three_codes_of_eight (void)
{
  PalpUnitLine cms[] = { LINE ("97140", 8), LINE ("97124", 8), LINE ("97110", 8) };
  PalpUnitLine per_code[] = { LINE ("97140", 8), LINE ("97124", 8), LINE ("97110", 8) };

  compute_ok (PALP_UNIT_RULE_CMS, cms, G_N_ELEMENTS (cms));
  g_assert_cmpuint (total_units (cms, G_N_ELEMENTS (cms)), ==, 2);
  /* A three-way tie on leftover and total minutes: the lowest numbers win. */
  g_assert_cmpuint (cms[0].units, ==, 0);
  g_assert_cmpuint (cms[1].units, ==, 1);
  g_assert_cmpuint (cms[2].units, ==, 1);

  compute_ok (PALP_UNIT_RULE_PER_CODE, per_code, G_N_ELEMENTS (per_code));
  g_assert_cmpuint (total_units (per_code, G_N_ELEMENTS (per_code)), ==, 3);
  for (gsize i = 0; i < G_N_ELEMENTS (per_code); i++)
    g_assert_cmpuint (per_code[i].units, ==, 1);
}

static void
test_units_seven_minutes (void)
{
  PalpUnitLine cms[] = { LINE ("97140", 7) };
  PalpUnitLine per_code[] = { LINE ("97140", 7) };

  compute_ok (PALP_UNIT_RULE_CMS, cms, 1);
  g_assert_cmpuint (cms[0].units, ==, 0);
  compute_ok (PALP_UNIT_RULE_PER_CODE, per_code, 1);
  g_assert_cmpuint (per_code[0].units, ==, 0);
}

/* CMS: 33 minutes of 97110 and 7 of 97112 are 40 minutes, 3 units: two
 * whole blocks of 97110 and the third to 97112's 7 minutes, which beat
 * 97110's 3 left over. Per code, the 7 minutes bill nothing. */
static void
test_units_cms_short_code_takes_a_unit (void)
{
  PalpUnitLine lines[] = { LINE ("97110", 33), LINE ("97112", 7) };

  compute_ok (PALP_UNIT_RULE_CMS, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 2);
  g_assert_cmpuint (lines[1].units, ==, 1);

  compute_ok (PALP_UNIT_RULE_PER_CODE, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 2);
  g_assert_cmpuint (lines[1].units, ==, 0);
}

/* CMS: 33 minutes of 97110, 7 of 97112 and 7 of 97140 are 47 minutes, 3
 * units; the third unit may go to either 7-minute code. Our tie-break:
 * same leftover and same total, so the lower code number, 97112. */
static void
test_units_cms_tie_break (void)
{
  PalpUnitLine lines[] = { LINE ("97140", 7), LINE ("97110", 33), LINE ("97112", 7) };
  PalpUnitLine longer[] = { LINE ("97112", 7), LINE ("97140", 22) };

  compute_ok (PALP_UNIT_RULE_CMS, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 0);
  g_assert_cmpuint (lines[1].units, ==, 2);
  g_assert_cmpuint (lines[2].units, ==, 1);

  /* Same leftover (7), different totals: 29 minutes are 2 units, one whole
   * block for 97140, and the leftover unit goes to the code with more
   * minutes in all, 97140 (22) before 97112 (7), whatever the numbers. */
  compute_ok (PALP_UNIT_RULE_CMS, longer, G_N_ELEMENTS (longer));
  g_assert_cmpuint (longer[0].units, ==, 0);
  g_assert_cmpuint (longer[1].units, ==, 2);
}

/* CMS: 18 minutes of 97110, 13 of 97140, 10 of 97116 and 8 of 97035 are
 * 49 minutes, 3 units: one each to the three codes with the most time. */
static void
test_units_cms_four_codes (void)
{
  PalpUnitLine lines[] = { LINE ("97110", 18), LINE ("97140", 13), LINE ("97116", 10),
                           LINE ("97035", 8) };

  compute_ok (PALP_UNIT_RULE_CMS, lines, G_N_ELEMENTS (lines));
  g_assert_cmpuint (lines[0].units, ==, 1);
  g_assert_cmpuint (lines[1].units, ==, 1);
  g_assert_cmpuint (lines[2].units, ==, 1);
  g_assert_cmpuint (lines[3].units, ==, 0);
}

static void
test_units_edges (void)
{
  PalpUnitLine none[] = { LINE ("97124", 0) };
  PalpUnitLine long_day[] = { LINE ("97124", 600) };
  PalpUnitLine long_split[] = { LINE ("97124", 300), LINE ("97140", 300) };
  PalpUnitLine untimed[] = { LINE ("97010", 20), LINE ("97124", 7) };
  PalpUnitLine whole[] = { LINE ("97124", 30), LINE ("97140", 15) };

  /* No lines at all is a day with nothing to bill. */
  g_assert_true (palp_units_compute (PALP_UNIT_RULE_CMS, NULL, 0, NULL));

  compute_ok (PALP_UNIT_RULE_CMS, none, 1);
  g_assert_cmpuint (none[0].units, ==, 0);
  compute_ok (PALP_UNIT_RULE_PER_CODE, none, 1);
  g_assert_cmpuint (none[0].units, ==, 0);

  compute_ok (PALP_UNIT_RULE_CMS, long_day, 1);
  g_assert_cmpuint (long_day[0].units, ==, 40);
  compute_ok (PALP_UNIT_RULE_PER_CODE, long_day, 1);
  g_assert_cmpuint (long_day[0].units, ==, 40);
  compute_ok (PALP_UNIT_RULE_CMS, long_split, 2);
  g_assert_cmpuint (long_split[0].units, ==, 20);
  g_assert_cmpuint (long_split[1].units, ==, 20);

  /* The hot pack is one unit whatever its minutes, and its 20 minutes do
   * not lift the 7 timed minutes to a unit. */
  compute_ok (PALP_UNIT_RULE_CMS, untimed, 2);
  g_assert_cmpuint (untimed[0].units, ==, 1);
  g_assert_cmpuint (untimed[1].units, ==, 0);
  compute_ok (PALP_UNIT_RULE_PER_CODE, untimed, 2);
  g_assert_cmpuint (untimed[0].units, ==, 1);
  g_assert_cmpuint (untimed[1].units, ==, 0);

  /* Whole blocks and no leftover: nothing to hand out. */
  compute_ok (PALP_UNIT_RULE_CMS, whole, 2);
  g_assert_cmpuint (whole[0].units, ==, 2);
  g_assert_cmpuint (whole[1].units, ==, 1);
}

static void
test_units_refused (void)
{
  PalpUnitLine twice[] = { LINE ("97124", 20), LINE ("97124", 10) };
  PalpUnitLine too_long[] = { LINE ("97124", 1441) };
  PalpUnitLine day_too_long[] = { LINE ("97124", 800), LINE ("97140", 800) };
  PalpUnitLine no_code[] = { { NULL, 20, TRUE, 99 } };
  g_autoptr(GError) error = NULL;

  g_assert_false (palp_units_compute (PALP_UNIT_RULE_CMS, twice, 2, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  /* Refused means untouched. */
  g_assert_cmpuint (twice[0].units, ==, 99);
  g_assert_cmpuint (twice[1].units, ==, 99);
  g_clear_error (&error);

  g_assert_false (palp_units_compute (PALP_UNIT_RULE_PER_CODE, too_long, 1, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_cmpuint (too_long[0].units, ==, 99);
  g_clear_error (&error);

  g_assert_false (palp_units_compute (PALP_UNIT_RULE_CMS, day_too_long, 2, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (palp_units_compute (PALP_UNIT_RULE_CMS, no_code, 1, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
}

/* Every computed result bills no more minutes than were documented, for
 * every split of a day's minutes over up to four codes. */
static void
test_units_never_exceed_documented (void)
{
  const char *codes[] = { "97124", "97140", "97110", "97112" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240806);

  for (guint round = 0; round < 5000; round++)
    {
      PalpUnitLine lines[4];
      gsize n = g_rand_int_range (rand, 1, 5);
      guint total_minutes = 0;

      for (gsize i = 0; i < n; i++)
        {
          lines[i].code = codes[i];
          lines[i].minutes = g_rand_int_range (rand, 0, round < 2500 ? 40 : 200);
          lines[i].timed = TRUE;
          total_minutes += lines[i].minutes;
        }

      for (PalpUnitRule rule = PALP_UNIT_RULE_CMS; rule <= PALP_UNIT_RULE_PER_CODE; rule++)
        {
          guint units;

          compute_ok (rule, lines, n);
          units = total_units (lines, n);
          g_assert_true (palp_units_check_supported (rule, lines, n, NULL));
          if (rule == PALP_UNIT_RULE_CMS)
            {
              g_assert_cmpuint (units, ==, palp_units_for_minutes (total_minutes));
              g_assert_cmpuint (palp_units_minimum_minutes (units), <=, total_minutes);
            }
          else
            for (gsize i = 0; i < n; i++)
              g_assert_cmpuint (palp_units_minimum_minutes (lines[i].units), <=,
                                lines[i].minutes);
        }
    }
}

static void
test_units_check_supported (void)
{
  PalpUnitLine lines[] = { LINE ("97112", 24), LINE ("97110", 23) };
  PalpUnitLine untimed[] = { LINE ("97010", 15) };
  g_autoptr(GError) error = NULL;

  lines[0].units = 2;
  lines[1].units = 1;
  g_assert_true (palp_units_check_supported (PALP_UNIT_RULE_CMS, lines, 2, NULL));
  /* Fewer units than the minutes support is always allowed. */
  lines[0].units = 1;
  g_assert_true (palp_units_check_supported (PALP_UNIT_RULE_CMS, lines, 2, NULL));

  /* 2 + 2 units need 53 minutes by CMS; 47 were documented. */
  lines[0].units = 2;
  lines[1].units = 2;
  g_assert_false (palp_units_check_supported (PALP_UNIT_RULE_CMS, lines, 2, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Per code, 23 and 24 minutes each support 2. */
  g_assert_true (palp_units_check_supported (PALP_UNIT_RULE_PER_CODE, lines, 2, NULL));

  /* Per code, 24 minutes never support 3 units. */
  lines[0].units = 3;
  lines[1].units = 0;
  g_assert_false (palp_units_check_supported (PALP_UNIT_RULE_PER_CODE, lines, 2, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* By CMS, the day's 47 minutes support 3, but one code's 24 minutes
   * cannot carry all of them. */
  g_assert_false (palp_units_check_supported (PALP_UNIT_RULE_CMS, lines, 2, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);

  untimed[0].units = 1;
  g_assert_true (palp_units_check_supported (PALP_UNIT_RULE_CMS, untimed, 1, NULL));
  untimed[0].units = 2;
  g_assert_false (palp_units_check_supported (PALP_UNIT_RULE_CMS, untimed, 1, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insurance/units/for-minutes", test_units_for_minutes);
  g_test_add_func ("/insurance/units/rule-names", test_units_rule_names);
  g_test_add_func ("/insurance/units/timed-codes", test_units_timed_codes);
  g_test_add_func ("/insurance/units/cms-example-47-minutes", test_units_cms_example_47_minutes);
  g_test_add_func ("/insurance/units/three-codes-of-eight", test_units_three_codes_of_eight);
  g_test_add_func ("/insurance/units/seven-minutes", test_units_seven_minutes);
  g_test_add_func ("/insurance/units/cms-short-code-takes-a-unit",
                   test_units_cms_short_code_takes_a_unit);
  g_test_add_func ("/insurance/units/cms-tie-break", test_units_cms_tie_break);
  g_test_add_func ("/insurance/units/cms-four-codes", test_units_cms_four_codes);
  g_test_add_func ("/insurance/units/edges", test_units_edges);
  g_test_add_func ("/insurance/units/refused", test_units_refused);
  g_test_add_func ("/insurance/units/never-exceed-documented", test_units_never_exceed_documented);
  g_test_add_func ("/insurance/units/check-supported", test_units_check_supported);

  return g_test_run ();
}
