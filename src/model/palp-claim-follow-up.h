/* palp-claim-follow-up.h: one contact with the payer about a claim
 *
 * Properties: id, claim-id, recorded-by, client-id;
 * contacted-at ("YYYY-MM-DD HH:MM:SS"), representative, reference, said (what
 * was said), next-on (the next follow-up, ISO date), recorded-at; read
 * only, from the store's joins: claim-number, client-name, payer-name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLAIM_FOLLOW_UP (palp_claim_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (PalpClaimFollowUp, palp_claim_follow_up, PALP, CLAIM_FOLLOW_UP, PalpRecord)

PalpClaimFollowUp *palp_claim_follow_up_new (void);

/* Fields by property name (palp-record.h). */
#define palp_claim_follow_up_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_claim_follow_up_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
