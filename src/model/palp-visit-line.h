/* palp-visit-line.h: one billing line of a visit
 *
 * Properties: id, visit-id, service-id, minutes, quantity, price-cents,
 * receipted (0/1, read from the store: on a valid receipt, so no longer
 * editable); category (copied from the service, checked by the store),
 * description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_VISIT_LINE (palp_visit_line_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisitLine, palp_visit_line, PALP, VISIT_LINE, PalpRecord)

PalpVisitLine *palp_visit_line_new (void);

/* Fields by property name (palp-record.h). */
#define palp_visit_line_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_visit_line_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
