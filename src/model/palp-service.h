/* palp-service.h: a service of the clinic's catalogue
 *
 * Properties: id, duration-minutes, fee-cents (integer cents), timed (0/1:
 * a timed 15-minute code), active (0/1); name, category ("therapeutic",
 * "esthetic" or "other", fixed once billed), cpt-code (therapeutic only).
 * Its tax components are read and written through the store
 * (palp_store_list_service_taxes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_SERVICE (palp_service_get_type ())

G_DECLARE_FINAL_TYPE (PalpService, palp_service, PALP, SERVICE, PalpRecord)

PalpService *palp_service_new (void);

/* Fields by property name (palp-record.h). */
#define palp_service_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_service_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
