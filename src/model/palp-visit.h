/* palp-visit.h: one appointment of a client with a practitioner
 *
 * Properties: id, client-id, practitioner-id, duration-minutes, mixed-
 * confirmed-by (the admin who confirmed a combined therapeutic and
 * esthetic session, 0 if none), unreceipted (read from the store: billing
 * lines not yet on a valid receipt); starts-at ("YYYY-MM-DD HH:MM"),
 * status ("booked", "attended", "cancelled", "no-show"), mixed-confirmed-
 * at, categories (read from the store: the categories billed, comma-
 * separated), client-name and practitioner-name (read from the store, for
 * lists), signed-at (when the record of the visit was signed; unset while
 * it can change).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_VISIT (palp_visit_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisit, palp_visit, PALP, VISIT, PalpRecord)

PalpVisit *palp_visit_new (void);

/* Fields by property name (palp-record.h). */
#define palp_visit_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_visit_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
