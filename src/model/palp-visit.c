/* palp-visit.c: one appointment of a client with a practitioner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-visit.h"

struct _PalpVisit
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpVisit, palp_visit, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "practitioner-id",
  "duration-minutes",
  "mixed-confirmed-by",
  "unreceipted",
};

static const char *string_names[] = {
  "starts-at",
  "status",
  "mixed-confirmed-at",
  "categories",
  "client-name",
  "practitioner-name",
  "signed-at",
};

static void
palp_visit_class_init (PalpVisitClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_visit_init (PalpVisit *self)
{
}

PalpVisit *
palp_visit_new (void)
{
  return g_object_new (PALP_TYPE_VISIT, NULL);
}
