/* palp-finding-record.h: one finding of a contraindication screening
 *
 * Properties: id, screening-id; kind (a key such as "blood-thinners"), severity
 * ("absolute": no treatment today, "local": avoid region-id, "clearance":
 * a physician's clearance is needed), note, region-id (atlas region, local
 * only), clearance-on-file (ISO date the clearance was filed, clearance
 * only), taken-on (of its screening, filled by lists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_FINDING_RECORD (palp_finding_record_get_type ())

G_DECLARE_FINAL_TYPE (PalpFindingRecord, palp_finding_record, PALP, FINDING_RECORD, PalpRecord)

PalpFindingRecord *palp_finding_record_new (void);

/* Fields by property name (palp-record.h). */
#define palp_finding_record_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_finding_record_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
