/* palp-progress.c: is the treatment working?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-date.h"
#include "palp-progress.h"

gboolean
palp_goal_validate (const PalpGoal  *goal,
                    GError         **error)
{
  GDate date;

  g_return_val_if_fail (goal != NULL, FALSE);

  if (!palp_measure_check_value (&goal->measure, goal->baseline, error))
    {
      g_prefix_error (error, _("Baseline: "));
      return FALSE;
    }
  if (!palp_measure_check_value (&goal->measure, goal->target, error))
    {
      g_prefix_error (error, _("Target: "));
      return FALSE;
    }
  if (palp_measure_improvement (&goal->measure, goal->baseline, goal->target) <= 0.0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           goal->measure.direction == PALP_DIRECTION_LOWER_IS_BETTER
                           ? _("For this measure lower is better: set a target below the "
                               "baseline.")
                           : _("For this measure higher is better: set a target above the "
                               "baseline."));
      return FALSE;
    }
  if (goal->baseline_visit < 1)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Say at which visit the baseline was measured."));
      return FALSE;
    }
  if (goal->due_date != NULL && !palp_date_parse_iso (goal->due_date, &date))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The goal's “by when” date is not a date."));
      return FALSE;
    }
  if (goal->due_visit != 0 && goal->due_visit <= goal->baseline_visit)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The goal's “by when” visit must come after the baseline visit."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_series (const PalpGoal         *goal,
                 const PalpMeasurement  *series,
                 gsize                   n_series,
                 GError                **error)
{
  GDate date;

  if (n_series > 0 && series == NULL)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The readings are missing."));
      return FALSE;
    }
  for (gsize i = 0; i < n_series; i++)
    {
      if (series[i].visit < 1 || (i > 0 && series[i].visit <= series[i - 1].visit))
        {
          g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                               _("The readings must be in visit order, one per visit."));
          return FALSE;
        }
      if (series[i].date != NULL && !palp_date_parse_iso (series[i].date, &date))
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("The reading of visit %u has no valid date."), series[i].visit);
          return FALSE;
        }
      if (!palp_measure_check_value (&goal->measure, series[i].value, error))
        {
          g_prefix_error (error, _("Reading of visit %u: "), series[i].visit);
          return FALSE;
        }
    }
  return TRUE;
}

/* The latest reading after the baseline at or before @visit, or NULL. */
static const PalpMeasurement *
latest_until (const PalpGoal         *goal,
              const PalpMeasurement  *series,
              gsize                   n_series,
              guint                   visit)
{
  const PalpMeasurement *found = NULL;

  for (gsize i = 0; i < n_series; i++)
    if (series[i].visit > goal->baseline_visit && series[i].visit <= visit)
      found = &series[i];
  return found;
}

gboolean
palp_goal_progress (const PalpGoal         *goal,
                    const PalpMeasurement  *series,
                    gsize                   n_series,
                    const char             *today,
                    guint                   last_visit,
                    PalpGoalProgress       *out,
                    GError                **error)
{
  const PalpMeasurement *latest;
  PalpGoalProgress progress = { 0 };
  GDate today_date;
  GDate due_date;

  g_return_val_if_fail (goal != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!palp_goal_validate (goal, error) || !validate_series (goal, series, n_series, error))
    return FALSE;
  if (goal->due_date != NULL && (today == NULL || !palp_date_parse_iso (today, &today_date)))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Today's date is needed to tell whether the goal is overdue."));
      return FALSE;
    }

  latest = latest_until (goal, series, n_series, G_MAXUINT);
  progress.measured = latest != NULL;
  progress.current = latest != NULL ? latest->value : goal->baseline;
  progress.current_visit = latest != NULL ? latest->visit : goal->baseline_visit;
  progress.change = palp_measure_improvement (&goal->measure, goal->baseline, progress.current);
  progress.percent = 100.0 * progress.change
                     / palp_measure_improvement (&goal->measure, goal->baseline, goal->target);
  progress.met = palp_measure_reaches (&goal->measure, progress.current, goal->target);
  progress.important_change = palp_measure_is_important (&goal->measure, goal->baseline,
                                                         progress.current);

  last_visit = MAX (last_visit, progress.current_visit);
  if (!progress.met)
    {
      if (goal->due_visit != 0 && last_visit >= goal->due_visit)
        progress.overdue = TRUE;
      if (goal->due_date != NULL)
        {
          palp_date_parse_iso (goal->due_date, &due_date);
          if (g_date_compare (&today_date, &due_date) > 0)
            progress.overdue = TRUE;
        }
    }

  *out = progress;
  return TRUE;
}

gboolean
palp_goal_change_over (const PalpGoal         *goal,
                       const PalpMeasurement  *series,
                       gsize                   n_series,
                       guint                   last_visit,
                       guint                   n_visits,
                       double                 *out_change)
{
  const PalpMeasurement *latest;
  const PalpMeasurement *before = NULL;
  guint window_start;

  g_return_val_if_fail (goal != NULL, FALSE);

  /* The window is visits window_start + 1 .. last_visit. */
  window_start = last_visit > n_visits ? last_visit - n_visits : 0;
  latest = latest_until (goal, series, n_series, last_visit);
  if (latest == NULL || latest->visit <= window_start)
    return FALSE;
  if (window_start > 0)
    before = latest_until (goal, series, n_series, window_start);

  if (out_change != NULL)
    *out_change = palp_measure_improvement (&goal->measure,
                                            before != NULL ? before->value : goal->baseline,
                                            latest->value);
  return TRUE;
}

void
palp_plateau_clear (PalpPlateau *plateau)
{
  if (plateau == NULL)
    return;
  g_clear_pointer (&plateau->reason, g_free);
  memset (plateau, 0, sizeof *plateau);
}

gboolean
palp_plateau_check (const PalpGoalTrack  *tracks,
                    gsize                 n_tracks,
                    guint                 last_visit,
                    guint                 n_visits,
                    PalpPlateau          *out,
                    GError              **error)
{
  gboolean any_unmet = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (n_tracks == 0 || tracks != NULL, FALSE);

  if (n_visits == 0)
    n_visits = PALP_PLATEAU_DEFAULT_VISITS;
  memset (out, 0, sizeof *out);
  out->n_visits = n_visits;

  /* Check every goal first, so a malformed one is an error whatever the
   * others show. */
  for (gsize i = 0; i < n_tracks; i++)
    if (!palp_goal_validate (tracks[i].goal, error) ||
        !validate_series (tracks[i].goal, tracks[i].series, tracks[i].n_series, error))
      return FALSE;

  for (gsize i = 0; i < n_tracks; i++)
    {
      const PalpGoal *goal = tracks[i].goal;
      const PalpMeasurement *latest =
        latest_until (goal, tracks[i].series, tracks[i].n_series, last_visit);
      double change;

      if (palp_measure_reaches (&goal->measure, latest != NULL ? latest->value : goal->baseline,
                                goal->target))
        continue;
      any_unmet = TRUE;

      /* Too young to judge: no warning for the whole plan. */
      if (last_visit < goal->baseline_visit + n_visits)
        return TRUE;

      if (palp_goal_change_over (goal, tracks[i].series, tracks[i].n_series, last_visit,
                                 n_visits, &change) &&
          change >= goal->measure.mic - 1e-9)
        return TRUE;
    }

  if (!any_unmet)
    return TRUE;

  out->plateau = TRUE;
  out->reason = g_strdup_printf (ngettext ("No goal still to meet has improved by its minimal "
                                            "important change over the last %u visit. "
                                            "Re-assess, change the plan, or discharge.",
                                            "No goal still to meet has improved by its minimal "
                                            "important change over the last %u visits. "
                                            "Re-assess, change the plan, or discharge.",
                                            n_visits),
                                 n_visits);
  return TRUE;
}
