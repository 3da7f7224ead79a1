/* palp-coverage-status.h: what one of a client's policies still covers on a date
 *
 * Computed by palp_store_get_coverage(), never saved. Properties:
 * policy-id, payer-id; has-visit-limit (0/1), visit-limit, visits-used,
 * visits-left; has-annual-max (0/1), annual-max-cents, paid-cents (the
 * plan's shares this benefit year), dollars-left-cents; authorisations
 * (active ones on the date), authorised-left (their remaining visits or
 * units); referral-required, preauth-required, referral-valid
 * (0/1); payer-name, payer-kind, priority, year-first and year-last (the
 * benefit year), authorisation-number, -ends-on and -unit (of the active
 * authorisation ending first), referral-expires-on (of the referral in
 * force, if it has an end).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_COVERAGE_STATUS (palp_coverage_status_get_type ())

G_DECLARE_FINAL_TYPE (PalpCoverageStatus, palp_coverage_status, PALP, COVERAGE_STATUS, PalpRecord)

PalpCoverageStatus *palp_coverage_status_new (void);

/* Fields by property name (palp-record.h). */
#define palp_coverage_status_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_coverage_status_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
