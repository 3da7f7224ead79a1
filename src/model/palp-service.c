/* palp-service.c: a service of the clinic's catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-service.h"

struct _PalpService
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpService, palp_service, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "duration-minutes",
  "fee-cents",
  "timed",
  "active",
};

static const char *string_names[] = {
  "name",
  "category",
  "cpt-code",
};

static void
palp_service_class_init (PalpServiceClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_service_init (PalpService *self)
{
}

PalpService *
palp_service_new (void)
{
  return g_object_new (PALP_TYPE_SERVICE, NULL);
}
