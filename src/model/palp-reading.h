/* palp-reading.h: one measurement of a goal at a visit
 *
 * Properties: id, visit-id, goal-id, taken-by; value (a decimal number as text),
 * taken-at, visit-starts-at (filled by lists).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_READING (palp_reading_get_type ())

G_DECLARE_FINAL_TYPE (PalpReading, palp_reading, PALP, READING, PalpRecord)

PalpReading *palp_reading_new (void);

/* Fields by property name (palp-record.h). */
#define palp_reading_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_reading_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
