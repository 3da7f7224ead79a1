/* palp-screening-record.h: one contraindication screening of a client
 *
 * Properties: id, client-id, taken-by; taken-on (ISO date), taken-at, note. Its
 * findings are PalpFindingRecord rows. Never changed: a new screening
 * supersedes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_SCREENING_RECORD (palp_screening_record_get_type ())

G_DECLARE_FINAL_TYPE (PalpScreeningRecord, palp_screening_record, PALP, SCREENING_RECORD, PalpRecord)

PalpScreeningRecord *palp_screening_record_new (void);

/* Fields by property name (palp-record.h). */
#define palp_screening_record_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_screening_record_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
