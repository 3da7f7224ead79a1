/* test-measures.c: assessment measures, goal progress and plateaus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-measure.h"
#include "palp-progress.h"

static PalpMeasure
measure (PalpMeasureKind kind)
{
  g_autoptr(GError) error = NULL;
  PalpMeasure m;

  g_assert_true (palp_measure_init (&m, kind, NULL, &error));
  g_assert_no_error (error);
  return m;
}

static void
test_kinds (void)
{
  PalpMeasureKind kind;

  for (guint k = 0; k < PALP_MEASURE_KIND_COUNT; k++)
    {
      g_assert_true (palp_measure_kind_from_key (palp_measure_kind_to_key (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (palp_measure_kind_get_label (k), !=, "");
      g_assert_nonnull (palp_measure_kind_get_unit (k));
    }
  g_assert_false (palp_measure_kind_from_key ("wong-baker", &kind));
  g_assert_false (palp_measure_kind_from_key (NULL, &kind));
  g_assert_cmpstr (palp_measure_kind_get_unit (PALP_MEASURE_MOUTH_OPENING), ==, "mm");
  g_assert_cmpstr (palp_measure_kind_get_unit (PALP_MEASURE_CUSTOM), ==, "");
}

static void
test_defaults (void)
{
  struct
  {
    PalpMeasureKind kind;
    PalpDirection direction;
    double mic;
    double max;
    gboolean integral;
  } expect[] = {
    { PALP_MEASURE_PAIN_NRS, PALP_DIRECTION_LOWER_IS_BETTER, 2, 10, TRUE },
    { PALP_MEASURE_RANGE_OF_MOTION, PALP_DIRECTION_HIGHER_IS_BETTER, 10, 180, FALSE },
    { PALP_MEASURE_MOUTH_OPENING, PALP_DIRECTION_HIGHER_IS_BETTER, 5, 90, FALSE },
    { PALP_MEASURE_NDI, PALP_DIRECTION_LOWER_IS_BETTER, 5, 50, TRUE },
    { PALP_MEASURE_JFLS_MASTICATION, PALP_DIRECTION_LOWER_IS_BETTER, 1, 10, FALSE },
    { PALP_MEASURE_JFLS_MOBILITY, PALP_DIRECTION_LOWER_IS_BETTER, 1, 10, FALSE },
    { PALP_MEASURE_JFLS_EXPRESSION, PALP_DIRECTION_LOWER_IS_BETTER, 1, 10, FALSE },
    { PALP_MEASURE_MUSCLE_TEST, PALP_DIRECTION_HIGHER_IS_BETTER, 1, 5, TRUE },
  };
  g_autoptr(GError) error = NULL;
  PalpMeasureSettings settings;
  PalpMeasure m;

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      m = measure (expect[i].kind);
      g_assert_cmpint (m.kind, ==, expect[i].kind);
      g_assert_cmpint (m.direction, ==, expect[i].direction);
      g_assert_cmpfloat (m.mic, ==, expect[i].mic);
      g_assert_cmpfloat (m.min, ==, 0.0);
      g_assert_cmpfloat (m.max, ==, expect[i].max);
      g_assert_cmpint (m.integral, ==, expect[i].integral);
    }

  /* The clinic's own MIC for range of motion. */
  palp_measure_settings_init_default (&settings);
  settings.mic[PALP_MEASURE_RANGE_OF_MOTION] = 15;
  g_assert_true (palp_measure_init (&m, PALP_MEASURE_RANGE_OF_MOTION, &settings, &error));
  g_assert_cmpfloat (m.mic, ==, 15.0);

  /* Settings out of reason are refused, naming the measure. */
  settings.mic[PALP_MEASURE_PAIN_NRS] = 0;
  g_assert_false (palp_measure_settings_validate (&settings, &error));
  g_assert_nonnull (strstr (error->message, "Pain"));
  g_clear_error (&error);
  g_assert_false (palp_measure_init (&m, PALP_MEASURE_NDI, &settings, &error));
  g_clear_error (&error);
  settings.mic[PALP_MEASURE_PAIN_NRS] = 11;
  g_assert_false (palp_measure_settings_validate (&settings, &error));
  g_clear_error (&error);
  settings.mic[PALP_MEASURE_PAIN_NRS] = NAN;
  g_assert_false (palp_measure_settings_validate (&settings, &error));
  g_clear_error (&error);

  /* A custom measure is not a built-in one. */
  g_assert_false (palp_measure_init (&m, PALP_MEASURE_CUSTOM, NULL, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static void
test_custom (void)
{
  g_autoptr(GError) error = NULL;
  PalpMeasure m;

  /* Seconds standing on one leg: higher is better, unbounded above. */
  g_assert_true (palp_measure_init_custom (&m, PALP_DIRECTION_HIGHER_IS_BETTER, 5, 0, INFINITY,
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (m.kind, ==, PALP_MEASURE_CUSTOM);
  g_assert_true (palp_measure_check_value (&m, 1000, &error));
  g_assert_false (palp_measure_check_value (&m, -1, &error));
  g_assert_nonnull (strstr (error->message, "at least 0"));
  g_clear_error (&error);
  g_assert_true (palp_measure_is_important (&m, 10, 15));
  g_assert_false (palp_measure_is_important (&m, 10, 14));

  g_assert_false (palp_measure_init_custom (&m, 7, 5, 0, 10, &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_init_custom (&m, PALP_DIRECTION_LOWER_IS_BETTER, 0, 0, 10, &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_init_custom (&m, PALP_DIRECTION_LOWER_IS_BETTER, -1, 0, 10,
                                            &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_init_custom (&m, PALP_DIRECTION_LOWER_IS_BETTER, 1, 10, 0, &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_init_custom (&m, PALP_DIRECTION_LOWER_IS_BETTER, 1, NAN, 10,
                                            &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_init_custom (&m, PALP_DIRECTION_LOWER_IS_BETTER, INFINITY, 0,
                                            INFINITY, &error));
  g_clear_error (&error);
}

static void
test_values_and_direction (void)
{
  g_autoptr(GError) error = NULL;
  PalpMeasure pain = measure (PALP_MEASURE_PAIN_NRS);
  PalpMeasure rom = measure (PALP_MEASURE_RANGE_OF_MOTION);
  PalpMeasure mmt = measure (PALP_MEASURE_MUSCLE_TEST);

  g_assert_true (palp_measure_check_value (&pain, 0, &error));
  g_assert_true (palp_measure_check_value (&pain, 10, &error));
  g_assert_false (palp_measure_check_value (&pain, 11, &error));
  g_assert_nonnull (strstr (error->message, "from 0 to 10"));
  g_clear_error (&error);
  g_assert_false (palp_measure_check_value (&pain, 6.5, &error));
  g_assert_nonnull (strstr (error->message, "whole"));
  g_clear_error (&error);
  g_assert_false (palp_measure_check_value (&pain, NAN, &error));
  g_clear_error (&error);
  g_assert_true (palp_measure_check_value (&rom, 72.5, &error));
  g_assert_false (palp_measure_check_value (&rom, 200, &error));
  g_clear_error (&error);
  g_assert_false (palp_measure_check_value (&mmt, 6, &error));
  g_clear_error (&error);

  /* Pain: lower is better, 2 points matter. */
  g_assert_cmpfloat (palp_measure_improvement (&pain, 7, 4), ==, 3.0);
  g_assert_cmpfloat (palp_measure_improvement (&pain, 4, 7), ==, -3.0);
  g_assert_true (palp_measure_is_important (&pain, 7, 5));
  g_assert_false (palp_measure_is_important (&pain, 7, 6));
  g_assert_false (palp_measure_is_important (&pain, 5, 7));
  g_assert_true (palp_measure_reaches (&pain, 2, 3));
  g_assert_true (palp_measure_reaches (&pain, 3, 3));
  g_assert_false (palp_measure_reaches (&pain, 4, 3));

  /* Range of motion: higher is better, 10° matter, exactly 10 counts. */
  g_assert_true (palp_measure_is_important (&rom, 120, 130));
  g_assert_true (palp_measure_is_important (&rom, 120.1, 130.1));
  g_assert_false (palp_measure_is_important (&rom, 120, 129.5));
  g_assert_false (palp_measure_is_important (&rom, 130, 120));
  g_assert_true (palp_measure_reaches (&rom, 151, 150));
  g_assert_false (palp_measure_reaches (&rom, 149, 150));

  for (int g = 0; g <= 5; g++)
    g_assert_nonnull (palp_muscle_grade_get_label (g));
  g_assert_null (palp_muscle_grade_get_label (6));
  g_assert_null (palp_muscle_grade_get_label (-1));
}

static void
test_mouth_opening (void)
{
  struct
  {
    double mm;
    PalpMouthOpening klass;
  } cases[] = {
    { 20, PALP_MOUTH_OPENING_TRISMUS },
    { 35, PALP_MOUTH_OPENING_TRISMUS },
    { 35.5, PALP_MOUTH_OPENING_INVESTIGATE },
    { 39.9, PALP_MOUTH_OPENING_INVESTIGATE },
    { 40, PALP_MOUTH_OPENING_REDUCED },
    { 44.5, PALP_MOUTH_OPENING_REDUCED },
    { 45, PALP_MOUTH_OPENING_TYPICAL },
    { 55, PALP_MOUTH_OPENING_TYPICAL },
    { 58, PALP_MOUTH_OPENING_WIDE },
  };
  PalpMeasure m = measure (PALP_MEASURE_MOUTH_OPENING);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (palp_mouth_opening_classify (cases[i].mm), ==, cases[i].klass);
      g_assert_nonnull (palp_mouth_opening_get_label (cases[i].klass));
    }
  g_assert_true (palp_measure_is_important (&m, 30, 35));
  g_assert_false (palp_measure_is_important (&m, 30, 34));
}

static void
test_ndi (void)
{
  g_autoptr(GError) error = NULL;
  int items[PALP_NDI_ITEMS] = { 2, 1, 3, 0, 2, 1, 1, 2, 0, 1 };
  int bad[PALP_NDI_ITEMS] = { 2, 1, 3, 0, 6, 1, 1, 2, 0, 1 };
  int all5[PALP_NDI_ITEMS] = { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 };
  PalpNdiScore score;
  struct
  {
    guint total;
    PalpNdiBand band;
  } bands[] = {
    { 0, PALP_NDI_NONE }, { 4, PALP_NDI_NONE }, { 5, PALP_NDI_MILD }, { 14, PALP_NDI_MILD },
    { 15, PALP_NDI_MODERATE }, { 24, PALP_NDI_MODERATE }, { 25, PALP_NDI_SEVERE },
    { 34, PALP_NDI_SEVERE }, { 35, PALP_NDI_COMPLETE }, { 50, PALP_NDI_COMPLETE },
  };
  PalpMeasure m = measure (PALP_MEASURE_NDI);

  g_assert_true (palp_ndi_score (items, G_N_ELEMENTS (items), &score, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (score.total, ==, 13);
  g_assert_cmpuint (score.percent, ==, 26);
  g_assert_cmpint (score.band, ==, PALP_NDI_MILD);

  g_assert_true (palp_ndi_score (all5, G_N_ELEMENTS (all5), &score, &error));
  g_assert_cmpuint (score.total, ==, 50);
  g_assert_cmpuint (score.percent, ==, 100);
  g_assert_cmpint (score.band, ==, PALP_NDI_COMPLETE);

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_assert_cmpint (palp_ndi_band_for_total (bands[i].total), ==, bands[i].band);
      g_assert_nonnull (palp_ndi_band_get_label (bands[i].band));
    }

  g_assert_false (palp_ndi_score (bad, G_N_ELEMENTS (bad), &score, &error));
  g_assert_nonnull (strstr (error->message, "item 5"));
  g_clear_error (&error);
  g_assert_false (palp_ndi_score (items, 9, &score, &error));
  g_assert_nonnull (strstr (error->message, "9 were given"));
  g_clear_error (&error);
  g_assert_false (palp_ndi_score (NULL, 10, &score, &error));
  g_clear_error (&error);

  /* Lower is better; five points matter. */
  g_assert_true (palp_measure_is_important (&m, 20, 15));
  g_assert_false (palp_measure_is_important (&m, 20, 16));
}

static void
test_jfls (void)
{
  g_autoptr(GError) error = NULL;
  const int U = PALP_JFLS_UNANSWERED;
  /* Chewing 1–6, opening 7–10, 11 and 12 outside, expression 13–20. */
  int items[PALP_JFLS20_ITEMS] = { 4, 6, 2, 8, U, U,  3, 5, U, U,  9, 9,
                                   1, 1, U, U, U, U, U, 2 };
  int too_high[PALP_JFLS20_ITEMS] = { 0 };
  PalpJflsScore score;
  guint first, last, needed;

  g_assert_true (palp_jfls20_score (items, G_N_ELEMENTS (items), &score, &error));
  g_assert_no_error (error);
  g_assert_true (score.scored[PALP_JFLS_MASTICATION]);
  g_assert_cmpuint (score.answered[PALP_JFLS_MASTICATION], ==, 4);
  g_assert_cmpfloat_with_epsilon (score.mean[PALP_JFLS_MASTICATION], 5.0, 1e-9);
  /* Two of four: exactly half is enough. */
  g_assert_true (score.scored[PALP_JFLS_MOBILITY]);
  g_assert_cmpfloat_with_epsilon (score.mean[PALP_JFLS_MOBILITY], 4.0, 1e-9);
  /* Three of eight is not; items 11 and 12 count nowhere. */
  g_assert_false (score.scored[PALP_JFLS_EXPRESSION]);
  g_assert_cmpuint (score.answered[PALP_JFLS_EXPRESSION], ==, 3);
  g_assert_cmpfloat (score.mean[PALP_JFLS_EXPRESSION], ==, 0.0);

  items[14] = 5;
  g_assert_true (palp_jfls20_score (items, G_N_ELEMENTS (items), &score, &error));
  g_assert_true (score.scored[PALP_JFLS_EXPRESSION]);
  g_assert_cmpfloat_with_epsilon (score.mean[PALP_JFLS_EXPRESSION], 9.0 / 4, 1e-9);

  palp_jfls_subscale_items (PALP_JFLS_MASTICATION, &first, &last, &needed);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (last, ==, 6);
  g_assert_cmpuint (needed, ==, 3);
  palp_jfls_subscale_items (PALP_JFLS_MOBILITY, &first, &last, &needed);
  g_assert_cmpuint (first, ==, 7);
  g_assert_cmpuint (last, ==, 10);
  g_assert_cmpuint (needed, ==, 2);
  palp_jfls_subscale_items (PALP_JFLS_EXPRESSION, &first, &last, &needed);
  g_assert_cmpuint (first, ==, 13);
  g_assert_cmpuint (last, ==, 20);
  g_assert_cmpuint (needed, ==, 4);
  g_assert_cmpint (palp_jfls_subscale_measure (PALP_JFLS_MOBILITY), ==,
                   PALP_MEASURE_JFLS_MOBILITY);

  too_high[16] = 11;
  g_assert_false (palp_jfls20_score (too_high, G_N_ELEMENTS (too_high), &score, &error));
  g_assert_nonnull (strstr (error->message, "item 17"));
  g_clear_error (&error);
  too_high[16] = -2;
  g_assert_false (palp_jfls20_score (too_high, G_N_ELEMENTS (too_high), &score, &error));
  g_clear_error (&error);
  g_assert_false (palp_jfls20_score (items, 8, &score, &error));
  g_assert_nonnull (strstr (error->message, "20 items"));
  g_clear_error (&error);
}

static PalpGoal
shoulder_goal (void)
{
  /* "By the fifth session, shoulder flexion from 120° to 150°." */
  PalpGoal goal = { measure (PALP_MEASURE_RANGE_OF_MOTION), 120, 1, 150, NULL, 5 };

  return goal;
}

static void
test_goal_validate (void)
{
  g_autoptr(GError) error = NULL;
  PalpGoal goal = shoulder_goal ();

  g_assert_true (palp_goal_validate (&goal, &error));
  g_assert_no_error (error);

  goal.target = 110;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_assert_nonnull (strstr (error->message, "higher is better"));
  g_clear_error (&error);

  goal = shoulder_goal ();
  goal.target = 120;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_clear_error (&error);

  goal = shoulder_goal ();
  goal.baseline = 500;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_assert_true (g_str_has_prefix (error->message, "Baseline: "));
  g_clear_error (&error);

  goal = shoulder_goal ();
  goal.due_date = "2024-02-30";
  g_assert_false (palp_goal_validate (&goal, &error));
  g_clear_error (&error);

  goal = shoulder_goal ();
  goal.due_visit = 1;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_clear_error (&error);

  goal = shoulder_goal ();
  goal.baseline_visit = 0;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_clear_error (&error);

  /* Pain: lower is better, so the target is below. */
  goal.measure = measure (PALP_MEASURE_PAIN_NRS);
  goal.baseline = 3;
  goal.baseline_visit = 1;
  goal.target = 6;
  goal.due_visit = 0;
  g_assert_false (palp_goal_validate (&goal, &error));
  g_assert_nonnull (strstr (error->message, "lower is better"));
  g_clear_error (&error);
}

static void
test_goal_progress (void)
{
  g_autoptr(GError) error = NULL;
  PalpGoal goal = shoulder_goal ();
  PalpMeasurement series[] = {
    { 1, "2024-03-01", 120 },  /* the baseline visit's reading: ignored */
    { 2, "2024-03-08", 128 },
    { 3, "2024-03-15", 135 },
    { 4, NULL, 141 },
  };
  PalpMeasurement unordered[] = { { 3, NULL, 130 }, { 2, NULL, 125 } };
  PalpMeasurement out_of_range[] = { { 2, NULL, 400 } };
  PalpMeasurement bad_date[] = { { 2, "03/08/2024", 130 } };
  PalpGoalProgress p;

  /* Before any reading: at the baseline. */
  g_assert_true (palp_goal_progress (&goal, NULL, 0, "2024-03-01", 1, &p, &error));
  g_assert_no_error (error);
  g_assert_false (p.measured);
  g_assert_cmpfloat (p.current, ==, 120);
  g_assert_cmpfloat (p.percent, ==, 0);
  g_assert_false (p.met);
  g_assert_false (p.overdue);

  g_assert_true (palp_goal_progress (&goal, series, G_N_ELEMENTS (series), "2024-03-22", 4, &p,
                                     &error));
  g_assert_true (p.measured);
  g_assert_cmpfloat (p.current, ==, 141);
  g_assert_cmpuint (p.current_visit, ==, 4);
  g_assert_cmpfloat_with_epsilon (p.percent, 70.0, 1e-9);
  g_assert_cmpfloat (p.change, ==, 21);
  g_assert_true (p.important_change);
  g_assert_false (p.met);
  g_assert_false (p.overdue);

  /* Visit 5 held and the target not reached: overdue. */
  g_assert_true (palp_goal_progress (&goal, series, G_N_ELEMENTS (series), "2024-03-29", 5, &p,
                                     &error));
  g_assert_true (p.overdue);

  /* Met at visit 5: never overdue, and past 100 %. */
  {
    PalpMeasurement met[] = { { 2, NULL, 130 }, { 5, NULL, 156 } };

    g_assert_true (palp_goal_progress (&goal, met, G_N_ELEMENTS (met), NULL, 7, &p, &error));
    g_assert_no_error (error);
    g_assert_true (p.met);
    g_assert_false (p.overdue);
    g_assert_cmpfloat_with_epsilon (p.percent, 120.0, 1e-9);
  }

  /* Worse than the baseline: negative percent. */
  {
    PalpMeasurement worse[] = { { 2, NULL, 114 } };

    g_assert_true (palp_goal_progress (&goal, worse, 1, NULL, 2, &p, &error));
    g_assert_cmpfloat_with_epsilon (p.percent, -20.0, 1e-9);
    g_assert_cmpfloat (p.change, ==, -6);
    g_assert_false (p.important_change);
  }

  /* By a date. */
  goal.due_visit = 0;
  goal.due_date = "2024-04-30";
  g_assert_true (palp_goal_progress (&goal, series, G_N_ELEMENTS (series), "2024-04-30", 9, &p,
                                     &error));
  g_assert_false (p.overdue);
  g_assert_true (palp_goal_progress (&goal, series, G_N_ELEMENTS (series), "2024-05-01", 9, &p,
                                     &error));
  g_assert_true (p.overdue);
  g_assert_false (palp_goal_progress (&goal, series, G_N_ELEMENTS (series), NULL, 9, &p, &error));
  g_assert_nonnull (strstr (error->message, "Today"));
  g_clear_error (&error);

  /* Malformed series. */
  g_assert_false (palp_goal_progress (&goal, unordered, 2, "2024-03-01", 3, &p, &error));
  g_assert_nonnull (strstr (error->message, "visit order"));
  g_clear_error (&error);
  g_assert_false (palp_goal_progress (&goal, out_of_range, 1, "2024-03-01", 3, &p, &error));
  g_assert_true (g_str_has_prefix (error->message, "Reading of visit 2: "));
  g_clear_error (&error);
  g_assert_false (palp_goal_progress (&goal, bad_date, 1, "2024-03-01", 3, &p, &error));
  g_clear_error (&error);
}

static void
test_pain_progress (void)
{
  g_autoptr(GError) error = NULL;
  /* Lower is better: pain from 8 to 3 by the sixth visit. */
  PalpGoal goal = { measure (PALP_MEASURE_PAIN_NRS), 8, 1, 3, NULL, 6 };
  PalpMeasurement series[] = { { 2, NULL, 7 }, { 3, NULL, 6 }, { 4, NULL, 4 } };
  PalpGoalProgress p;
  double change;

  g_assert_true (palp_goal_progress (&goal, series, 3, NULL, 4, &p, &error));
  g_assert_cmpfloat_with_epsilon (p.percent, 80.0, 1e-9);
  g_assert_cmpfloat (p.change, ==, 4);
  g_assert_true (p.important_change);
  g_assert_false (p.met);

  /* Over the last two visits (3 and 4): from 7 (visit 2) to 4. */
  g_assert_true (palp_goal_change_over (&goal, series, 3, 4, 2, &change));
  g_assert_cmpfloat (change, ==, 3);
  /* Over the last visit only: from 6 to 4. */
  g_assert_true (palp_goal_change_over (&goal, series, 3, 4, 1, &change));
  g_assert_cmpfloat (change, ==, 2);
  /* A window longer than the plan reaches back to the baseline. */
  g_assert_true (palp_goal_change_over (&goal, series, 3, 4, 10, &change));
  g_assert_cmpfloat (change, ==, 4);
  /* No reading in the window: nothing to show. */
  g_assert_false (palp_goal_change_over (&goal, series, 3, 6, 2, &change));
}

static void
test_plateau (void)
{
  g_autoptr(GError) error = NULL;
  PalpGoal pain = { measure (PALP_MEASURE_PAIN_NRS), 8, 1, 2, NULL, 0 };
  PalpGoal rom = shoulder_goal ();
  /* Pain improves early, then stalls at 5 → 4 (less than the MIC of 2). */
  PalpMeasurement pain_series[] = {
    { 2, NULL, 6 }, { 3, NULL, 5 }, { 4, NULL, 5 }, { 5, NULL, 5 }, { 6, NULL, 4 },
  };
  /* Range of motion stalls too: 135 → 140 over the last three visits. */
  PalpMeasurement rom_series[] = {
    { 2, NULL, 130 }, { 3, NULL, 135 }, { 4, NULL, 136 }, { 5, NULL, 138 }, { 6, NULL, 140 },
  };
  PalpGoalTrack tracks[] = {
    { &pain, pain_series, G_N_ELEMENTS (pain_series) },
    { &rom, rom_series, G_N_ELEMENTS (rom_series) },
  };
  PalpPlateau plateau = { 0 };

  rom.due_visit = 0;

  g_assert_true (palp_plateau_check (tracks, 2, 6, 0, &plateau, &error));
  g_assert_no_error (error);
  g_assert_true (plateau.plateau);
  g_assert_cmpuint (plateau.n_visits, ==, PALP_PLATEAU_DEFAULT_VISITS);
  g_assert_nonnull (strstr (plateau.reason, "last 3 visits"));
  palp_plateau_clear (&plateau);
  g_assert_null (plateau.reason);

  /* One goal moving by its MIC is enough: range of motion 130 → 140 over
   * four visits (visit 2 stands before the window). */
  g_assert_true (palp_plateau_check (tracks, 2, 6, 4, &plateau, &error));
  g_assert_false (plateau.plateau);
  g_assert_null (plateau.reason);
  g_assert_cmpuint (plateau.n_visits, ==, 4);

  /* A single-visit window is said in the singular. */
  g_assert_true (palp_plateau_check (tracks, 2, 6, 1, &plateau, &error));
  g_assert_true (plateau.plateau);
  g_assert_nonnull (strstr (plateau.reason, "last 1 visit."));
  palp_plateau_clear (&plateau);

  /* Too early to judge: visit 3 of a plan whose baseline was visit 1. */
  g_assert_true (palp_plateau_check (tracks, 2, 3, 3, &plateau, &error));
  g_assert_false (plateau.plateau);

  /* No readings at all in the window counts as no improvement. */
  g_assert_true (palp_plateau_check (tracks, 2, 12, 3, &plateau, &error));
  g_assert_true (plateau.plateau);
  palp_plateau_clear (&plateau);

  /* A goal already met is not held against the plan... */
  {
    PalpGoal easy = { measure (PALP_MEASURE_PAIN_NRS), 8, 1, 5, NULL, 0 };
    PalpGoalTrack met_and_stalled[] = {
      { &easy, pain_series, G_N_ELEMENTS (pain_series) },
      { &rom, rom_series, G_N_ELEMENTS (rom_series) },
    };
    PalpGoalTrack only_met[] = { { &easy, pain_series, G_N_ELEMENTS (pain_series) } };

    g_assert_true (palp_plateau_check (met_and_stalled, 2, 6, 3, &plateau, &error));
    g_assert_true (plateau.plateau);
    palp_plateau_clear (&plateau);
    /* ...and every goal met is not a plateau. */
    g_assert_true (palp_plateau_check (only_met, 1, 6, 3, &plateau, &error));
    g_assert_false (plateau.plateau);
  }

  /* A new goal gives the plan its chance. */
  {
    PalpGoal fresh = { measure (PALP_MEASURE_MOUTH_OPENING), 30, 5, 40, NULL, 0 };
    PalpGoalTrack with_fresh[] = {
      { &pain, pain_series, G_N_ELEMENTS (pain_series) },
      { &fresh, NULL, 0 },
    };

    g_assert_true (palp_plateau_check (with_fresh, 2, 6, 3, &plateau, &error));
    g_assert_false (plateau.plateau);
  }

  /* No goals, no warning. */
  g_assert_true (palp_plateau_check (NULL, 0, 6, 3, &plateau, &error));
  g_assert_false (plateau.plateau);

  /* A malformed goal is an error. */
  {
    PalpGoal wrong = { measure (PALP_MEASURE_PAIN_NRS), 2, 1, 8, NULL, 0 };
    PalpGoalTrack bad[] = { { &pain, pain_series, 5 }, { &wrong, NULL, 0 } };

    g_assert_false (palp_plateau_check (bad, 2, 6, 3, &plateau, &error));
    g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/measures/kinds", test_kinds);
  g_test_add_func ("/measures/defaults", test_defaults);
  g_test_add_func ("/measures/custom", test_custom);
  g_test_add_func ("/measures/values-and-direction", test_values_and_direction);
  g_test_add_func ("/measures/mouth-opening", test_mouth_opening);
  g_test_add_func ("/measures/ndi", test_ndi);
  g_test_add_func ("/measures/jfls", test_jfls);
  g_test_add_func ("/progress/goal-validate", test_goal_validate);
  g_test_add_func ("/progress/goal", test_goal_progress);
  g_test_add_func ("/progress/pain", test_pain_progress);
  g_test_add_func ("/progress/plateau", test_plateau);

  return g_test_run ();
}
