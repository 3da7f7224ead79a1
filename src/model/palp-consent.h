/* palp-consent.h: a client's informed consent
 *
 * Properties: id, client-id, plan-id (0: none), attested (0/1), recorded-by,
 * revoked-by; kind ("privacy", "plan", "intra-oral", "guardian"),
 * explained, questions, signed-by-name, signature (drawn strokes, JSON
 * array) or typed-name with attested 1, signed-at, revoked-at,
 * revoke-reason. Never deleted; revoked once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_CONSENT (palp_consent_get_type ())

G_DECLARE_FINAL_TYPE (PalpConsent, palp_consent, PALP, CONSENT, PalpRecord)

PalpConsent *palp_consent_new (void);

/* Fields by property name (palp-record.h). */
#define palp_consent_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_consent_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
