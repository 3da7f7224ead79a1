/* palp-screening-record.c: one contraindication screening of a client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-screening-record.h"

struct _PalpScreeningRecord
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpScreeningRecord, palp_screening_record, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "taken-by",
};

static const char *string_names[] = {
  "taken-on",
  "taken-at",
  "note",
};

static void
palp_screening_record_class_init (PalpScreeningRecordClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_screening_record_init (PalpScreeningRecord *self)
{
}

PalpScreeningRecord *
palp_screening_record_new (void)
{
  return g_object_new (PALP_TYPE_SCREENING_RECORD, NULL);
}
