/* palp-amendment.c: an amendment to a signed note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-amendment.h"

struct _PalpAmendment
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpAmendment, palp_amendment, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "author-id",
};

static const char *string_names[] = {
  "created-at",
  "reason",
  "text",
};

static void
palp_amendment_class_init (PalpAmendmentClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_amendment_init (PalpAmendment *self)
{
}

PalpAmendment *
palp_amendment_new (void)
{
  return g_object_new (PALP_TYPE_AMENDMENT, NULL);
}
