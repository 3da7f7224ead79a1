/* palp-authorisation.c: a pre-authorisation of visits or units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-authorisation.h"

struct _PalpAuthorisation
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpAuthorisation, palp_authorisation, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "policy-id",
  "authorised",
  "used",
};

static const char *string_names[] = {
  "number",
  "unit",
  "starts-on",
  "ends-on",
  "note",
  "created-at",
};

static void
palp_authorisation_class_init (PalpAuthorisationClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_authorisation_init (PalpAuthorisation *self)
{
}

PalpAuthorisation *
palp_authorisation_new (void)
{
  return g_object_new (PALP_TYPE_AUTHORISATION, NULL);
}
