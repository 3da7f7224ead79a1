/* palp-oral-assessment.c: the oral-health assessment before intra-oral work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-oral-assessment.h"

struct _PalpOralAssessment
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpOralAssessment, palp_oral_assessment, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "visit-id",
  "teeth",
  "gingiva",
  "bone",
  "tongue",
  "surrounding",
  "active-infection",
  "lesions",
  "loose-teeth",
  "periodontal-disease",
  "gloves",
  "assessed-by",
};

static const char *string_names[] = {
  "note",
  "assessed-at",
};

static void
palp_oral_assessment_class_init (PalpOralAssessmentClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_oral_assessment_init (PalpOralAssessment *self)
{
}

PalpOralAssessment *
palp_oral_assessment_new (void)
{
  return g_object_new (PALP_TYPE_ORAL_ASSESSMENT, NULL);
}
