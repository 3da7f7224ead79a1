/* palp-diagnosis.h: one of a client's diagnoses (ICD-10-CM)
 *
 * Properties: id, client-id, is-primary, archived (0/1), created-by; code (printed
 * form, "M54.2"), description, onset-on (ISO date), laterality ("right",
 * "left", "bilateral", "unspecified" or unset), created-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_DIAGNOSIS (palp_diagnosis_get_type ())

G_DECLARE_FINAL_TYPE (PalpDiagnosis, palp_diagnosis, PALP, DIAGNOSIS, PalpRecord)

PalpDiagnosis *palp_diagnosis_new (void);

/* Fields by property name (palp-record.h). */
#define palp_diagnosis_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_diagnosis_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
