/* palp-plan-goal.h: one measurable goal of a plan of care
 *
 * Properties: id, plan-id, by-visit (a session number, 0 for none), archived (0/1);
 * measure (palp-measure.h key), goal (the functional goal in words), label
 * (movement or item), unit, direction ("lower" or "higher" is better),
 * mic, baseline, target (decimal numbers as text, "120", "4.5"), by-date
 * (ISO). A goal has a by-date, a by-visit or both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_PLAN_GOAL (palp_plan_goal_get_type ())

G_DECLARE_FINAL_TYPE (PalpPlanGoal, palp_plan_goal, PALP, PLAN_GOAL, PalpRecord)

PalpPlanGoal *palp_plan_goal_new (void);

/* Fields by property name (palp-record.h). */
#define palp_plan_goal_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_plan_goal_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
