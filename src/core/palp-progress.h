/* palp-progress.h: is the treatment working?
 *
 * Medical necessity lasts only while measurable improvement is documented.
 * These rules read a goal's measurements and say how far along it is,
 * whether it is met, whether it improved by at least its measure's minimal
 * important change (MIC), whether its "by when" has passed, and — over
 * all of a plan's goals — whether treatment has reached a plateau: a
 * signal to re-assess, change the plan, or discharge.
 *
 * Visits are numbered from 1 within the plan; a goal's baseline is taken
 * at a visit (usually the first). Dates are ISO strings ("2024-05-17").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-measure.h"

G_BEGIN_DECLS

/* One reading. Series are in visit order, oldest first; a visit may have
 * at most one reading per goal. Readings at or before the goal's baseline
 * visit are ignored: the baseline stands for them. */
typedef struct
{
  guint        visit;  /* visit number, from 1 */
  const char  *date;   /* ISO date of the visit; may be NULL */
  double       value;
} PalpMeasurement;

/* A goal: "by the fifth session, shoulder flexion from 120° to 150°". */
typedef struct
{
  PalpMeasure  measure;
  double       baseline;
  guint        baseline_visit;  /* the visit the baseline was measured at, from 1 */
  double       target;          /* must be better than the baseline */
  const char  *due_date;        /* "by when" as an ISO date, or NULL */
  guint        due_visit;       /* "by when" as a visit number, or 0 */
} PalpGoal;

/* TRUE when @goal is well formed: baseline and target valid values of the
 * measure, the target an improvement on the baseline, a real due date.
 * Otherwise a translated PALP_CORE_ERROR_INVALID. */
gboolean  palp_goal_validate  (const PalpGoal  *goal,
                               GError         **error);

typedef struct
{
  gboolean  measured;          /* at least one reading after the baseline */
  double    current;           /* the latest reading, or the baseline */
  guint     current_visit;     /* its visit */
  /* How far from baseline to target the latest reading is: 0 at the
   * baseline, 100 at the target; below 0 when worse than the baseline,
   * above 100 beyond the target. */
  double    percent;
  gboolean  met;               /* the latest reading reaches the target */
  double    change;            /* improvement since the baseline (positive = better) */
  gboolean  important_change;  /* @change is at least the MIC */
  gboolean  overdue;           /* not met and its "by when" has passed */
} PalpGoalProgress;

/* How @goal stands after @series (its readings, in visit order), on @today (ISO) with @last_visit the number of the latest visit
 * held (0 when none). The goal is overdue when it is not met and either
 * @today is after its due date or @last_visit has reached its due visit
 * (the due visit's reading is the last chance). FALSE with a translated
 * error when the goal, a reading, @today or the order of @series is
 * wrong. */
gboolean  palp_goal_progress        (const PalpGoal         *goal,
                                     const PalpMeasurement  *series,
                                     gsize                   n_series,
                                     const char             *today,
                                     guint                   last_visit,
                                     PalpGoalProgress       *out,
                                     GError                **error);

/* The improvement of @goal over the last @n_visits visits up to
 * @last_visit: the latest reading against the reading that stood before
 * the window (the latest at or before visit @last_visit - @n_visits, else
 * the baseline). FALSE (and no @out_change) when no reading falls in the
 * window. */
gboolean  palp_goal_change_over     (const PalpGoal         *goal,
                                     const PalpMeasurement  *series,
                                     gsize                   n_series,
                                     guint                   last_visit,
                                     guint                   n_visits,
                                     double                 *out_change);

/* A goal and its readings, for the plateau check. */
typedef struct
{
  const PalpGoal         *goal;
  const PalpMeasurement  *series;
  gsize                   n_series;
} PalpGoalTrack;

#define PALP_PLATEAU_DEFAULT_VISITS 3

typedef struct
{
  gboolean  plateau;   /* TRUE: warn */
  guint     n_visits;  /* the window looked at */
  char     *reason;    /* translated; NULL when there is no plateau */
} PalpPlateau;

void      palp_plateau_clear        (PalpPlateau *plateau);

/* A plateau: no goal still to meet improved by at least its MIC over the
 * last @n_visits visits (the clinic's setting; 0 means the default, 3).
 * No warning while any unmet goal is younger than the window (its
 * baseline within the last @n_visits visits: a new plan gets its chance),
 * nor when every goal is met (that is a discharge question, not a
 * plateau), nor without goals. A goal with no reading in the window
 * counts as not improved. FALSE with a translated error when a goal or
 * its series is malformed. */
gboolean  palp_plateau_check        (const PalpGoalTrack  *tracks,
                                     gsize                 n_tracks,
                                     guint                 last_visit,
                                     guint                 n_visits,
                                     PalpPlateau          *out,
                                     GError              **error);

G_END_DECLS
