/* palp-diagnosis.c: one of a client's diagnoses (ICD-10-CM)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-diagnosis.h"

struct _PalpDiagnosis
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpDiagnosis, palp_diagnosis, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "is-primary",
  "archived",
  "created-by",
};

static const char *string_names[] = {
  "code",
  "description",
  "onset-on",
  "laterality",
  "created-at",
};

static void
palp_diagnosis_class_init (PalpDiagnosisClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_diagnosis_init (PalpDiagnosis *self)
{
}

PalpDiagnosis *
palp_diagnosis_new (void)
{
  return g_object_new (PALP_TYPE_DIAGNOSIS, NULL);
}
