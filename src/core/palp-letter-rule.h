/* palp-letter-rule.h: can a letter of medical necessity be drafted?
 *
 * A letter of medical necessity asks an HSA/FSA administrator or an
 * insurer to treat massage as care for a condition (DOMAIN.md §2, §7). It
 * stands on three things in the record: a diagnosis (with its ICD-10
 * code), a plan of care with measurable goals, and a current assessment.
 * This rule reads plain counts and dates and says, in words, what is
 * missing; an empty list means a letter can be drafted.
 *
 * A goal is measurable when it has a measure, a baseline, a target better
 * than the baseline and a "by when" (the caller decides that with
 * palp_goal_validate). The assessment is current when a signed note
 * assessed the client since the plan began, within the last
 * PALP_LETTER_ASSESSMENT_DAYS days, and — when the plan's re-assessment
 * date has come — on or after that date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PALP_LETTER_ASSESSMENT_DAYS 90

typedef struct
{
  guint        n_diagnoses;         /* the client's current diagnoses with a code */
  gboolean     has_plan;            /* an active plan of care */
  guint        n_goals;             /* the plan's goals (archived ones left out) */
  guint        n_measurable_goals;  /* of those, the measurable ones */
  const char  *plan_started_on;     /* ISO date; NULL without a plan */
  const char  *reassess_on;         /* the plan's re-assessment date (ISO), or NULL */
  const char  *assessed_on;         /* ISO date of the latest signed assessment, or NULL */
  const char  *today;               /* ISO date */
} PalpLetterFacts;

/* What is missing for a letter, each piece a translated sentence, in the
 * order diagnosis, plan, goals, assessment: a NULL-terminated array, empty
 * when a letter can be drafted. A date that is not one counts as absent. */
GStrv     palp_letter_missing    (const PalpLetterFacts *facts);
/* TRUE when nothing is missing. */
gboolean  palp_letter_can_draft  (const PalpLetterFacts *facts);

G_END_DECLS
