/* palp-plan.c: a client's plan of care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-plan.h"

struct _PalpPlan
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPlan, palp_plan, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "practitioner-id",
  "session-minutes",
  "sessions",
};

static const char *string_names[] = {
  "started-on",
  "summary",
  "frequency",
  "status",
  "discharged-on",
  "discharge-reason",
  "created-at",
  "techniques",
  "home-care",
  "reassess-on",
  "discharge-kind",
  "diagnosis-ids",
};

static void
palp_plan_class_init (PalpPlanClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_plan_init (PalpPlan *self)
{
}

PalpPlan *
palp_plan_new (void)
{
  return g_object_new (PALP_TYPE_PLAN, NULL);
}
