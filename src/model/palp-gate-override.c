/* palp-gate-override.c: a safety gate passed on a practitioner's judgement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-gate-override.h"

struct _PalpGateOverride
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpGateOverride, palp_gate_override, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "by-id",
};

static const char *string_names[] = {
  "gate",
  "reason",
  "at",
};

static void
palp_gate_override_class_init (PalpGateOverrideClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_gate_override_init (PalpGateOverride *self)
{
}

PalpGateOverride *
palp_gate_override_new (void)
{
  return g_object_new (PALP_TYPE_GATE_OVERRIDE, NULL);
}
