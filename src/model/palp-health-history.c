/* palp-health-history.c: one dated version of a client's health history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-health-history.h"

struct _PalpHealthHistory
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpHealthHistory, palp_health_history, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "has-blood-thinners",
  "pregnant",
  "head-neck-radiation",
  "recorded-by",
};

static const char *string_names[] = {
  "taken-on",
  "answers",
  "allergies",
  "recorded-at",
};

static void
palp_health_history_class_init (PalpHealthHistoryClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_health_history_init (PalpHealthHistory *self)
{
}

PalpHealthHistory *
palp_health_history_new (void)
{
  return g_object_new (PALP_TYPE_HEALTH_HISTORY, NULL);
}
