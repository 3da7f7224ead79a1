/* palp-reading.c: one measurement of a goal at a visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-reading.h"

struct _PalpReading
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpReading, palp_reading, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "goal-id",
  "taken-by",
};

static const char *string_names[] = {
  "value",
  "taken-at",
  "visit-starts-at",
};

static void
palp_reading_class_init (PalpReadingClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_reading_init (PalpReading *self)
{
}

PalpReading *
palp_reading_new (void)
{
  return g_object_new (PALP_TYPE_READING, NULL);
}
