/* palp-doc-clinical.h: the clinical documents as PDF
 *
 *  - the SOAP note of a visit: the client, the practitioner with
 *    credentials, the four sections, pain, techniques, safety and comfort,
 *    adverse effects, measurements against the plan's goals, the chart
 *    views that have marks, the signature (or a clear DRAFT mark), the
 *    safety gates overridden and the amendments after the original;
 *  - the treatment plan: diagnoses addressed, goals, frequency, and the
 *    consents with their signatures (drawn strokes in vectors);
 *  - the progress report for the referring provider: goals from baseline
 *    to latest with the change judged against each measure's minimal
 *    important change, a plot per goal, first and latest chart,
 *    attendance, a plateau statement and the practitioner's signature;
 *  - the whole record: all of it for one client in date order, with
 *    health histories, screenings and referrals.
 *
 * An esthetic-only visit has a service record, never a clinical note:
 * asking for its SOAP note is an error, and the whole record names it
 * without any clinical data. Text is plain (never markup) and translated
 * in the process locale; dates are written as the clinic's country does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-clinical-document.h"

G_BEGIN_DECLS

#define PALP_DOC_CLINICAL_ERROR (palp_doc_clinical_error_quark ())

typedef enum
{
  PALP_DOC_CLINICAL_ERROR_ESTHETIC,    /* a clinical document of an esthetic visit */
  PALP_DOC_CLINICAL_ERROR_INCOMPLETE,  /* no such visit, no note, no plan */
} PalpDocClinicalError;

GQuark   palp_doc_clinical_error_quark (void);

/* The SOAP note of @visit_id, one of @document's visits
 * (palp_store_load_visit_document). */
GBytes  *palp_doc_soap_render      (const PalpClinicalDocument  *document,
                                    gint64                       visit_id,
                                    GError                     **error);
/* The client's current plan (the first of @document's plans) and its
 * consents, with the privacy and guardian consents. */
GBytes  *palp_doc_plan_render      (const PalpClinicalDocument  *document,
                                    GError                     **error);
/* The progress of the client's current plan, for the prescriber of the
 * latest referral (or "To whom it may concern" without one). */
GBytes  *palp_doc_progress_render  (const PalpClinicalDocument  *document,
                                    GError                     **error);
/* Everything @document holds, in date order. */
GBytes  *palp_doc_record_render    (const PalpClinicalDocument  *document,
                                    GError                     **error);

G_END_DECLS
