/* palp-benefit-signature.h: a signed assignment of benefits or release of information
 *
 * Properties: id, client-id, policy-id (0: every policy of the client),
 * attested (0/1), recorded-by; kind ("assignment" or "release"),
 * signed-by-name, signature (strokes as JSON, as a consent's), typed-name,
 * signed-on, recorded-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_BENEFIT_SIGNATURE (palp_benefit_signature_get_type ())

G_DECLARE_FINAL_TYPE (PalpBenefitSignature, palp_benefit_signature, PALP, BENEFIT_SIGNATURE, PalpRecord)

PalpBenefitSignature *palp_benefit_signature_new (void);

/* Fields by property name (palp-record.h). */
#define palp_benefit_signature_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_benefit_signature_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
