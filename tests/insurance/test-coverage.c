/* test-coverage.c: visit counting, benefit years and plan shares in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-core-error.h"
#include "palp-coverage.h"

static void
test_visit_count_per_visit (void)
{
  g_assert_cmpuint (palp_visit_count (PALP_VISIT_COUNT_PER_VISIT, 0), ==, 1);
  g_assert_cmpuint (palp_visit_count (PALP_VISIT_COUNT_PER_VISIT, 30), ==, 1);
  g_assert_cmpuint (palp_visit_count (PALP_VISIT_COUNT_PER_VISIT, 90), ==, 1);
}

static void
test_visit_count_per_30_minutes (void)
{
  const struct { guint minutes, visits; } cases[] = {
    { 0, 1 }, { 20, 1 }, { 29, 1 }, { 30, 1 }, { 44, 1 },
    /* Half a block or more counts a block. */
    { 45, 2 }, { 59, 2 },
    /* An hour counts as two (DOMAIN.md §8). */
    { 60, 2 }, { 74, 2 }, { 75, 3 }, { 90, 3 }, { 120, 4 }, { 600, 20 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%u minutes", cases[i].minutes);
      g_assert_cmpuint (palp_visit_count (PALP_VISIT_COUNT_PER_30_MINUTES, cases[i].minutes),
                        ==, cases[i].visits);
    }
}

static void
test_visit_counting_names (void)
{
  g_autoptr(GError) error = NULL;
  PalpVisitCounting counting = PALP_VISIT_COUNT_PER_VISIT;

  g_assert_true (palp_visit_counting_from_string ("per-30-minutes", &counting, NULL));
  g_assert_cmpint (counting, ==, PALP_VISIT_COUNT_PER_30_MINUTES);
  g_assert_cmpstr (palp_visit_counting_to_string (counting), ==, "per-30-minutes");
  g_assert_false (palp_visit_counting_from_string ("hourly", &counting, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_cmpint (counting, ==, PALP_VISIT_COUNT_PER_30_MINUTES);
}

static void
test_benefit_year (void)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_true (palp_benefit_year_range ("2024-08-06", 1, &first, &last));
  g_assert_cmpstr (first, ==, "2024-01-01");
  g_assert_cmpstr (last, ==, "2024-12-31");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);

  /* A plan year starting in July. */
  g_assert_true (palp_benefit_year_range ("2024-03-15", 7, &first, &last));
  g_assert_cmpstr (first, ==, "2023-07-01");
  g_assert_cmpstr (last, ==, "2024-06-30");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);
  g_assert_true (palp_benefit_year_range ("2024-07-01", 7, &first, &last));
  g_assert_cmpstr (first, ==, "2024-07-01");
  g_assert_cmpstr (last, ==, "2025-06-30");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);

  /* March to February crosses a leap day. */
  g_assert_true (palp_benefit_year_range ("2024-01-10", 3, &first, &last));
  g_assert_cmpstr (first, ==, "2023-03-01");
  g_assert_cmpstr (last, ==, "2024-02-29");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&last, g_free);

  g_assert_false (palp_benefit_year_range ("2024-02-30", 1, &first, &last));
  g_assert_false (palp_benefit_year_range ("2024-02-01", 0, &first, &last));
  g_assert_false (palp_benefit_year_range ("2024-02-01", 13, &first, &last));
  g_assert_null (first);
  g_assert_null (last);
}

static void
test_plan_share (void)
{
  /* 80% of $95.00, no cap, no maximum. */
  g_assert_cmpint (palp_coverage_plan_share (9500, 80, 0, -1), ==, 7600);
  /* Rounded to the nearest cent: 80% of $0.99 is 79.2 cents, 50% of 75
   * cents is 37.5 cents. */
  g_assert_cmpint (palp_coverage_plan_share (99, 80, 0, -1), ==, 79);
  g_assert_cmpint (palp_coverage_plan_share (75, 50, 0, -1), ==, 38);
  /* A $60.00 per-visit cap. */
  g_assert_cmpint (palp_coverage_plan_share (9500, 80, 6000, -1), ==, 6000);
  /* $25.00 left of the annual maximum. */
  g_assert_cmpint (palp_coverage_plan_share (9500, 80, 6000, 2500), ==, 2500);
  /* Nothing left. */
  g_assert_cmpint (palp_coverage_plan_share (9500, 80, 6000, 0), ==, 0);
  g_assert_cmpint (palp_coverage_plan_share (9500, 0, 0, -1), ==, 0);
  g_assert_cmpint (palp_coverage_plan_share (9500, 100, 0, -1), ==, 9500);
  /* More than 100% is read as 100%; nothing charged, nothing paid. */
  g_assert_cmpint (palp_coverage_plan_share (9500, 150, 0, -1), ==, 9500);
  g_assert_cmpint (palp_coverage_plan_share (0, 80, 0, -1), ==, 0);
  g_assert_cmpint (palp_coverage_plan_share (-500, 80, 0, -1), ==, 0);
  /* The largest fee does not overflow. */
  g_assert_cmpint (palp_coverage_plan_share (100000000, 80, 0, -1), ==, 80000000);

  g_assert_cmpint (palp_coverage_remaining (50000, 12000), ==, 38000);
  g_assert_cmpint (palp_coverage_remaining (50000, 50000), ==, 0);
  g_assert_cmpint (palp_coverage_remaining (50000, 61000), ==, 0);
}

/* A Canadian extended-health plan: 80%, $60.00 a visit, $500.00 a year.
 * Nine $95.00 massages: eight paid at the cap ($480.00), and the maximum
 * runs out during the ninth. */
static void
test_apply_year (void)
{
  gint64 charges[9];
  PalpCoverageShare shares[9];
  gint64 paid;

  for (gsize i = 0; i < G_N_ELEMENTS (charges); i++)
    charges[i] = 9500;

  paid = palp_coverage_apply_year (charges, G_N_ELEMENTS (charges), 80, 6000, 50000, shares);
  g_assert_cmpint (paid, ==, 50000);
  for (gsize i = 0; i < 8; i++)
    {
      g_assert_cmpint (shares[i].plan_cents, ==, 6000);
      g_assert_cmpint (shares[i].client_cents, ==, 3500);
    }
  /* Eight visits used $480.00: $20.00 is left for the ninth. */
  g_assert_cmpint (shares[8].plan_cents, ==, 2000);
  g_assert_cmpint (shares[8].client_cents, ==, 7500);
  for (gsize i = 0; i < G_N_ELEMENTS (shares); i++)
    g_assert_cmpint (shares[i].plan_cents + shares[i].client_cents, ==, shares[i].charge_cents);

  /* No annual maximum: every visit at the cap. */
  paid = palp_coverage_apply_year (charges, G_N_ELEMENTS (charges), 80, 6000, -1, shares);
  g_assert_cmpint (paid, ==, 9 * 6000);

  /* No charges, nothing paid. */
  g_assert_cmpint (palp_coverage_apply_year (NULL, 0, 80, 6000, 50000, NULL), ==, 0);
}

static void
test_payer_kinds (void)
{
  const char * const *keys = palp_payer_kind_keys ();
  guint n = 0;

  for (; keys[n] != NULL; n++)
    g_assert_nonnull (palp_payer_kind_get_label (keys[n]));
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (keys[0], ==, "health-plan");
  g_assert_cmpstr (palp_payer_kind_get_label ("hsa-fsa"), ==, "HSA/FSA administrator");
  g_assert_null (palp_payer_kind_get_label ("self-pay"));
  g_assert_null (palp_payer_kind_get_label (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insurance/coverage/visit-count-per-visit", test_visit_count_per_visit);
  g_test_add_func ("/insurance/coverage/visit-count-per-30-minutes",
                   test_visit_count_per_30_minutes);
  g_test_add_func ("/insurance/coverage/visit-counting-names", test_visit_counting_names);
  g_test_add_func ("/insurance/coverage/benefit-year", test_benefit_year);
  g_test_add_func ("/insurance/coverage/plan-share", test_plan_share);
  g_test_add_func ("/insurance/coverage/apply-year", test_apply_year);

  g_test_add_func ("/insurance/coverage/payer-kinds", test_payer_kinds);

  return g_test_run ();
}
