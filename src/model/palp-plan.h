/* palp-plan.h: a client's plan of care
 *
 * Properties: id, client-id, practitioner-id, session-minutes (0: not
 * said), sessions (0: not said); started-on (ISO date), summary,
 * frequency, status ("active" or "discharged"), discharged-on,
 * discharge-kind ("goals-met", "maximum-improvement", "client-choice",
 * "referred-out", "other"), discharge-reason, created-at, techniques,
 * home-care, reassess-on (ISO date), diagnosis-ids (the client's
 * diagnoses it addresses: ids joined by ",").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_PLAN (palp_plan_get_type ())

G_DECLARE_FINAL_TYPE (PalpPlan, palp_plan, PALP, PLAN, PalpRecord)

PalpPlan *palp_plan_new (void);

/* Fields by property name (palp-record.h). */
#define palp_plan_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_plan_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
