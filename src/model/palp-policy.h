/* palp-policy.h: a client's insurance policy with one payer
 *
 * Properties: id, client-id, payer-id, benefit-year-start (month 1–12),
 * visit-limit, annual-max-cents, plan-percent, per-visit-cap-cents (0: the
 * plan has no such limit),
 * prior-visits and prior-paid-cents (used elsewhere in the benefit year
 * holding prior-on), active; member-id, group-number, relationship
 * ("self", "spouse", "child", "other"), insured-name, insured-birth-date,
 * priority ("primary", "secondary"), starts-on, ends-on, visit-counting
 * ("per-visit", "per-30-minutes"), prior-on, deductible-note, copay-note,
 * claim-number, injury-date, injury-state (two letters), employer,
 * adjuster, created-at; payer-name and payer-kind (read only, loaded).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_POLICY (palp_policy_get_type ())

G_DECLARE_FINAL_TYPE (PalpPolicy, palp_policy, PALP, POLICY, PalpRecord)

PalpPolicy *palp_policy_new (void);

/* Fields by property name (palp-record.h). */
#define palp_policy_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_policy_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
