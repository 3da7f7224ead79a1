/* palp-doc-clinical-private.h: what the clinical documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-atlas.h"
#include "palp-doc.h"
#include "palp-doc-clinical.h"
#include "palp-progress.h"

G_BEGIN_DECLS

typedef struct
{
  const PalpClinicalDocument *document;
  PalpDoc                    *doc;
  PalpAtlas                  *atlas;
} ClinicalWriter;

/* A document with its metadata, the letterhead, @title (with @aside) and
 * the client with @fields at the right. FALSE with @error when the
 * letterhead cannot be drawn or the atlas loaded. */
gboolean  clinical_writer_init     (ClinicalWriter             *writer,
                                    const PalpClinicalDocument *document,
                                    const char                 *title,
                                    const char                 *aside,
                                    const char                 *subject,
                                    const PalpDocField         *fields,
                                    gsize                       n_fields,
                                    GError                    **error);
/* The same with @name under @caption ("Patient") at the left. */
gboolean  clinical_writer_init_for (ClinicalWriter             *writer,
                                    const PalpClinicalDocument *document,
                                    const char                 *title,
                                    const char                 *aside,
                                    const char                 *subject,
                                    const char                 *caption,
                                    const char                 *name,
                                    const PalpDocField         *fields,
                                    gsize                       n_fields,
                                    GError                    **error);
void      clinical_writer_clear    (ClinicalWriter             *writer);
GBytes   *clinical_writer_finish   (ClinicalWriter             *writer,
                                    GError                    **error);

gboolean  clinical_is_set          (const char *text);
char     *clinical_date            (const PalpClinicalDocument *document,
                                    const char                 *iso);
/* "14/03/2026 at 15:09" */
char     *clinical_date_time       (const PalpClinicalDocument *document,
                                    const char                 *iso);
/* "Maya Lindqvist, LMT", or @fallback, or "Unknown". */
char     *clinical_user_name       (const PalpClinicalDocument *document,
                                    gint64                      user_id,
                                    const char                 *fallback);
/* "6/10", "120°", "42 mm". */
char     *clinical_value           (const char *value,
                                    const char *unit);
/* Region names for comma-separated atlas ids. */
char     *clinical_regions         (PalpAtlas  *atlas,
                                    const char *ids);
const char *clinical_yes_no        (gboolean    yes);

/* The goal in words: its text, with the movement measured. */
char     *clinical_goal_title      (PalpPlanGoal *goal);
/* The goal for palp-progress.h; FALSE when its numbers are not. */
gboolean  clinical_goal_to_core    (PalpPlanGoal *goal,
                                    PalpGoal     *out);
/* The goal's readings numbered by the plan's visits (attended visits from
 * its start, the first being the baseline's): a GArray of
 * PalpMeasurement whose dates (ISO days) are interned. @out_last_visit: the
 * number of the plan's latest visit. */
GArray   *clinical_goal_series     (const PalpClinicalDocument *document,
                                    const PalpPlanDocument     *plan,
                                    guint                       goal_index,
                                    guint                      *out_last_visit);

/* The SOAP note of one visit (without the letterhead): its sections,
 * chart, signature, overrides and amendments. */
/* Says, once, that the notes' text is left out for this reader
 * (PalpClinicalDocument.narrative_restricted); nothing otherwise. */
void      clinical_add_restriction (ClinicalWriter             *writer);
gboolean  clinical_add_visit_note  (ClinicalWriter             *writer,
                                    const PalpVisitDocument    *visit,
                                    GError                    **error);
/* The client's unarchived diagnoses; only those @plan addresses when it
 * names them (@plan may be NULL). */
void      clinical_add_diagnoses   (ClinicalWriter             *writer,
                                    const PalpPlanDocument     *plan);
/* The plan's fields and goals. */
void      clinical_add_plan        (ClinicalWriter             *writer,
                                    const PalpPlanDocument     *plan);
/* Consents of @plan_id and the client's own (privacy, guardian); all of
 * them when @plan_id is -1. */
void      clinical_add_consents    (ClinicalWriter             *writer,
                                    gint64                      plan_id);
/* The practitioner's signature block, dated @date, with @statement (how
 * and when it was signed; may be NULL) as its last line. */
gboolean  clinical_add_signature   (ClinicalWriter             *writer,
                                    gint64                      user_id,
                                    const char                 *caption,
                                    const char                 *date,
                                    const char                 *statement,
                                    GError                    **error);
/* Goals with baseline → latest, change and the MIC's verdict, and a plot
 * per goal. */
void      clinical_add_progress    (ClinicalWriter             *writer,
                                    const PalpPlanDocument     *plan,
                                    gboolean                    plots);

/* The client's current plan (the first of @document's), or NULL with
 * PALP_DOC_CLINICAL_ERROR_INCOMPLETE. */
PalpPlanDocument *clinical_current_plan (const PalpClinicalDocument *document,
                                         GError                    **error);
/* A goal's progress in words: "Target met", "No change"... */
const char *clinical_goal_verdict  (const PalpGoalProgress     *progress);
/* The progress report's body, after its title: to whom, diagnoses,
 * progress with plots, first and latest chart, attendance, signature. */
gboolean  clinical_add_progress_report (ClinicalWriter         *writer,
                                        const PalpPlanDocument *plan,
                                        GError                **error);

G_END_DECLS
