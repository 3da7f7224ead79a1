/* palp-claim-line.h: one service line of a claim: a code on a date of service
 *
 * Properties: id, claim-id, position (from 0), visit-id,
 * visit-line-id (the billing line the code comes from), units, minutes
 * (documented minutes the units stand on; 0 untimed), unit-price-cents,
 * charge-cents (units × unit price), paid-cents, adjusted-cents; service-on
 * (ISO date), code (CPT number), modifiers (up to four, space-separated),
 * pointers (up to four letters A–L).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLAIM_LINE (palp_claim_line_get_type ())

G_DECLARE_FINAL_TYPE (PalpClaimLine, palp_claim_line, PALP, CLAIM_LINE, PalpRecord)

PalpClaimLine *palp_claim_line_new (void);

/* Fields by property name (palp-record.h). */
#define palp_claim_line_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_claim_line_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
