/* palp-health-history.h: one dated version of a client's health history
 *
 * Properties: id, client-id, has-blood-thinners, pregnant, head-neck-radiation (0/1), recorded-by;
 * taken-on (ISO date), answers (JSON object: conditions, medications,
 * surgeries with dates, allergies, pregnancy, cancer treatment, devices),
 * allergies (the header's summary), recorded-at. A new version supersedes
 * the last; none is ever changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_HEALTH_HISTORY (palp_health_history_get_type ())

G_DECLARE_FINAL_TYPE (PalpHealthHistory, palp_health_history, PALP, HEALTH_HISTORY, PalpRecord)

PalpHealthHistory *palp_health_history_new (void);

/* Fields by property name (palp-record.h). */
#define palp_health_history_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_health_history_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
