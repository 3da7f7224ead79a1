/* palp-visit.h: one appointment of a client with a practitioner
 *
 * Properties: id, client-id, practitioner-id, duration-minutes,
 * mixed-confirmed-by (the admin who confirmed a combined therapeutic and
 * esthetic session, 0 if none); starts-at ("YYYY-MM-DD HH:MM"), status
 * ("booked", "attended", "cancelled", "no-show"), mixed-confirmed-at,
 * categories (read from the store: the categories billed, comma-separated).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PALP_TYPE_VISIT (palp_visit_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisit, palp_visit, PALP, VISIT, GObject)

PalpVisit *palp_visit_new (void);
/* Integer and string properties by name, without GValue boilerplate. */
gint64      palp_visit_get_int    (PalpVisit *self,
                                   const char *property);
const char *palp_visit_get_string (PalpVisit *self,
                                   const char *property);

G_END_DECLS
