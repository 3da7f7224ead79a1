/* palp-oral-assessment.h: the oral-health assessment before intra-oral work
 *
 * Properties: id, visit-id, assessed-by and, 0 or 1: teeth, gingiva, bone, tongue,
 * surrounding (assessed), active-infection, lesions, loose-teeth,
 * periodontal-disease (found), gloves (worn); note, assessed-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_ORAL_ASSESSMENT (palp_oral_assessment_get_type ())

G_DECLARE_FINAL_TYPE (PalpOralAssessment, palp_oral_assessment, PALP, ORAL_ASSESSMENT, PalpRecord)

PalpOralAssessment *palp_oral_assessment_new (void);

/* Fields by property name (palp-record.h). */
#define palp_oral_assessment_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_oral_assessment_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
