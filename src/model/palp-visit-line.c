/* palp-visit-line.c: one billing line of a visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-visit-line.h"

struct _PalpVisitLine
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpVisitLine, palp_visit_line, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "service-id",
  "minutes",
  "quantity",
  "price-cents",
  "receipted",
};

static const char *string_names[] = {
  "category",
  "description",
};

static void
palp_visit_line_class_init (PalpVisitLineClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_visit_line_init (PalpVisitLine *self)
{
}

PalpVisitLine *
palp_visit_line_new (void)
{
  return g_object_new (PALP_TYPE_VISIT_LINE, NULL);
}
