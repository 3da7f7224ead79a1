/* palp-referral.h: a prescription or referral for massage therapy
 *
 * Properties: id, client-id, created-by; prescriber-name, profession, npi (10
 * digits), referred-on, expires-on (ISO dates), frequency, duration,
 * regions (atlas region ids, comma-separated), note, created-at,
 * diagnosis-ids (the diagnoses it names, comma-separated ids).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_REFERRAL (palp_referral_get_type ())

G_DECLARE_FINAL_TYPE (PalpReferral, palp_referral, PALP, REFERRAL, PalpRecord)

PalpReferral *palp_referral_new (void);

/* Fields by property name (palp-record.h). */
#define palp_referral_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_referral_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
