/* palp-amendment.h: an amendment to a signed note
 *
 * Properties: id, visit-id, author-id; created-at, reason, text. Never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_AMENDMENT (palp_amendment_get_type ())

G_DECLARE_FINAL_TYPE (PalpAmendment, palp_amendment, PALP, AMENDMENT, PalpRecord)

PalpAmendment *palp_amendment_new (void);

/* Fields by property name (palp-record.h). */
#define palp_amendment_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_amendment_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
