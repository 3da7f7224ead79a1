/* palp-mark.h: one mark on a visit's body chart
 *
 * Properties: id, visit-id, atlas-version (the atlas the geometry was
 * drawn on), intensity (0–10; meaningful when has-intensity is 1), has-
 * intensity (0/1), created-by; view ("face", palp-atlas.h), kind (palp-
 * mark-kind.h key), shape ("point", "area" or "arrow"), geometry (JSON of
 * normalised [x, y] pairs), regions (the region ids it lies in, comma-
 * separated, computed from the atlas by whoever places the mark), depth
 * ("superficial", "deep" or unset), note, created-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_MARK (palp_mark_get_type ())

G_DECLARE_FINAL_TYPE (PalpMark, palp_mark, PALP, MARK, PalpRecord)

PalpMark *palp_mark_new (void);

/* Fields by property name (palp-record.h). */
#define palp_mark_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_mark_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
