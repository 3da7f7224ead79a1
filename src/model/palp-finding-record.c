/* palp-finding-record.c: one finding of a contraindication screening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-finding-record.h"

struct _PalpFindingRecord
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpFindingRecord, palp_finding_record, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "screening-id",
};

static const char *string_names[] = {
  "kind",
  "severity",
  "note",
  "region-id",
  "clearance-on-file",
  "taken-on",
};

static void
palp_finding_record_class_init (PalpFindingRecordClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_finding_record_init (PalpFindingRecord *self)
{
}

PalpFindingRecord *
palp_finding_record_new (void)
{
  return g_object_new (PALP_TYPE_FINDING_RECORD, NULL);
}
