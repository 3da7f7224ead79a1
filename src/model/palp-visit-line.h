/* palp-visit-line.h: one billing line of a visit
 *
 * Properties: id, visit-id, service-id, minutes, quantity, price-cents;
 * category (copied from the service, checked by the store), description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PALP_TYPE_VISIT_LINE (palp_visit_line_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisitLine, palp_visit_line, PALP, VISIT_LINE, GObject)

PalpVisitLine *palp_visit_line_new (void);
/* Integer and string properties by name, without GValue boilerplate. */
gint64      palp_visit_line_get_int    (PalpVisitLine *self,
                                   const char *property);
const char *palp_visit_line_get_string (PalpVisitLine *self,
                                   const char *property);

G_END_DECLS
