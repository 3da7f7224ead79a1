/* palp-claim.h: an insurance claim: one client's visits billed to one policy
 *
 * Properties: id, client-id, policy-id, payer-id,
 * rendering-id (the practitioner), authorisation-id, original-claim-id (what
 * a replacement or void corrects), charge-cents, paid-cents, adjusted-cents
 * (the lines' sums), created-by, n-lines; number, status (palp-claim-status.h),
 * place-of-service ("11"), referring-name, referring-npi,
 * authorisation-number, resubmission-code ("7" or "8"), original-reference,
 * first-service-on, last-service-on, submitted-on, submitted-method
 * ("paper", "electronic", "fax", "portal"), payer-reference, responded-on,
 * denial-reason, appeal-deadline, appealed-on, note, created-at,
 * updated-at; read only, from the store's joins: client-name ("Family,
 * Given"), payer-name, diagnosis-codes (the codes A–L, comma-separated), follow-up-on (when
 * the next follow-up is due, in the follow-up lists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLAIM (palp_claim_get_type ())

G_DECLARE_FINAL_TYPE (PalpClaim, palp_claim, PALP, CLAIM, PalpRecord)

PalpClaim *palp_claim_new (void);

/* Fields by property name (palp-record.h). */
#define palp_claim_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_claim_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
