/* palp-plan-goal.c: one measurable goal of a plan of care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-plan-goal.h"

struct _PalpPlanGoal
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPlanGoal, palp_plan_goal, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "plan-id",
  "by-visit",
  "archived",
};

static const char *string_names[] = {
  "measure",
  "goal",
  "label",
  "unit",
  "direction",
  "mic",
  "baseline",
  "target",
  "by-date",
};

static void
palp_plan_goal_class_init (PalpPlanGoalClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_plan_goal_init (PalpPlanGoal *self)
{
}

PalpPlanGoal *
palp_plan_goal_new (void)
{
  return g_object_new (PALP_TYPE_PLAN_GOAL, NULL);
}
