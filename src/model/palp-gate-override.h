/* palp-gate-override.h: a safety gate passed on a practitioner's judgement
 *
 * Properties: id, visit-id, by-id; gate (its key), reason, at. Never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_GATE_OVERRIDE (palp_gate_override_get_type ())

G_DECLARE_FINAL_TYPE (PalpGateOverride, palp_gate_override, PALP, GATE_OVERRIDE, PalpRecord)

PalpGateOverride *palp_gate_override_new (void);

/* Fields by property name (palp-record.h). */
#define palp_gate_override_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_gate_override_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
