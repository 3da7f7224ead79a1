/* palp-letter.c: a letter as issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-letter.h"

struct _PalpLetter
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpLetter, palp_letter, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "claim-id",
  "issued-by",
};

static const char *string_names[] = {
  "kind",
  "issued-on",
  "issued-at",
  "prescriber",
  "fields",
  "sha256",
};

static void
palp_letter_class_init (PalpLetterClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_letter_init (PalpLetter *self)
{
}

PalpLetter *
palp_letter_new (void)
{
  return g_object_new (PALP_TYPE_LETTER, NULL);
}
