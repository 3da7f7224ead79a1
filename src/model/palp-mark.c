/* palp-mark.c: one mark on a visit's body chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-mark.h"

struct _PalpMark
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpMark, palp_mark, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "atlas-version",
  "intensity",
  "has-intensity",
  "created-by",
};

static const char *string_names[] = {
  "view",
  "kind",
  "shape",
  "geometry",
  "regions",
  "depth",
  "note",
  "created-at",
};

static void
palp_mark_class_init (PalpMarkClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_mark_init (PalpMark *self)
{
}

PalpMark *
palp_mark_new (void)
{
  return g_object_new (PALP_TYPE_MARK, NULL);
}
