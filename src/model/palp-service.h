/* palp-service.h: a service of the clinic's catalogue
 *
 * Properties: id, duration-minutes, fee-cents (integer cents), timed (0/1: a
 * timed 15-minute code), active (0/1); name, category ("therapeutic",
 * "esthetic" or "other", fixed once billed), cpt-code (therapeutic only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PALP_TYPE_SERVICE (palp_service_get_type ())

G_DECLARE_FINAL_TYPE (PalpService, palp_service, PALP, SERVICE, GObject)

PalpService *palp_service_new (void);
/* Integer and string properties by name, without GValue boilerplate. */
gint64      palp_service_get_int    (PalpService *self,
                                   const char *property);
const char *palp_service_get_string (PalpService *self,
                                   const char *property);

G_END_DECLS
