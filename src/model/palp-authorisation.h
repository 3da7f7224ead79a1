/* palp-authorisation.h: a pre-authorisation of visits or units
 *
 * Properties: id, policy-id, authorised, used (the sum of its recorded
 * uses; loaded); number, unit ("visits" or "units"), starts-on, ends-on,
 * note, created-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_AUTHORISATION (palp_authorisation_get_type ())

G_DECLARE_FINAL_TYPE (PalpAuthorisation, palp_authorisation, PALP, AUTHORISATION, PalpRecord)

PalpAuthorisation *palp_authorisation_new (void);

/* Fields by property name (palp-record.h). */
#define palp_authorisation_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_authorisation_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
