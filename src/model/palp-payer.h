/* palp-payer.h: a payer: a health plan, an insurer, an administrator
 *
 * Properties: id, referral-required, preauth-required, in-network, active
 * (0/1); name, kind ("health-plan", "medicare-advantage", "medicaid-plan",
 * "auto", "workers-comp", "hsa-fsa", "extended-health", "other"),
 * electronic-id (the payer ID for claims), address, phone, unit-rule
 * ("cms" or "per-code", palp-units.h), note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_PAYER (palp_payer_get_type ())

G_DECLARE_FINAL_TYPE (PalpPayer, palp_payer, PALP, PAYER, PalpRecord)

PalpPayer *palp_payer_new (void);

/* Fields by property name (palp-record.h). */
#define palp_payer_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_payer_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
