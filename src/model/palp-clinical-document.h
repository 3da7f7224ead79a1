/* palp-clinical-document.h: everything a clinical document prints, loaded
 *
 * The store loads it (palp_store_load_visit_document for one visit's SOAP
 * note, palp_store_load_client_document for a client's plan, progress
 * report or whole record) and the document layer draws it
 * (palp-doc-clinical.h), so src/docs never reads the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-amendment.h"
#include "palp-client.h"
#include "palp-clinic.h"
#include "palp-consent.h"
#include "palp-diagnosis.h"
#include "palp-finding-record.h"
#include "palp-gate-override.h"
#include "palp-health-history.h"
#include "palp-licence.h"
#include "palp-mark.h"
#include "palp-oral-assessment.h"
#include "palp-plan.h"
#include "palp-plan-goal.h"
#include "palp-reading.h"
#include "palp-referral.h"
#include "palp-screening-record.h"
#include "palp-soap-note.h"
#include "palp-user.h"
#include "palp-visit.h"

G_BEGIN_DECLS

/* One visit and what was documented at it. */
typedef struct
{
  PalpVisit          *visit;
  PalpSoapNote       *note;        /* NULL: nothing written */
  GListModel         *amendments;  /* PalpAmendment, oldest first */
  GListModel         *overrides;   /* PalpGateOverride */
  GListModel         *marks;       /* PalpMark, in the order made */
  GListModel         *readings;    /* PalpReading taken at the visit */
  PalpOralAssessment *oral;        /* NULL: none */
} PalpVisitDocument;

/* A plan of care with its goals and each goal's readings. */
typedef struct
{
  PalpPlan   *plan;
  GListModel *goals;     /* PalpPlanGoal, archived ones included */
  GPtrArray  *readings;  /* per goal (same index): GListModel of PalpReading, visit order */
} PalpPlanDocument;

typedef struct
{
  PalpClinic  *clinic;
  PalpClient  *client;
  /* Everyone the record names (practitioners, authors), by id, and each
   * one's licences and endorsements (GListModel of PalpLicence). */
  GHashTable  *users;
  GHashTable  *licences;
  /* Oldest first. For a SOAP note, only that visit. */
  GPtrArray   *visits;            /* PalpVisitDocument */
  /* The rest is the client's, empty for a SOAP note except the plans'
   * goals (measurements against goals) and the client's diagnoses. */
  GListModel  *health_histories;  /* PalpHealthHistory, newest first */
  GListModel  *screenings;        /* PalpScreeningRecord, newest first */
  GPtrArray   *findings;          /* per screening (same index): GListModel of PalpFindingRecord */
  GListModel  *diagnoses;         /* PalpDiagnosis, primary first, archived included */
  GListModel  *referrals;         /* PalpReferral, newest first */
  GPtrArray   *plans;             /* PalpPlanDocument, active first */
  GListModel  *consents;          /* PalpConsent, newest first */
  /* The reader may not read notes' narrative (palp_permission_check_narrative):
   * the store has put the plain statement in place of every narrative field
   * (palp_note_narrative_fields, palp_amendment_narrative_fields), and the
   * documents say why. */
  gboolean     narrative_restricted;
  guint        plateau_visits;    /* the clinic's window; 0: the default */
  char        *today;             /* ISO date the document is made on */
} PalpClinicalDocument;

PalpClinicalDocument *palp_clinical_document_new   (void);
void                  palp_clinical_document_free  (PalpClinicalDocument *document);

PalpVisitDocument    *palp_visit_document_new      (void);
void                  palp_visit_document_free     (PalpVisitDocument    *visit);
PalpPlanDocument     *palp_plan_document_new       (void);
void                  palp_plan_document_free      (PalpPlanDocument     *plan);

/* Adds @user (and its @licences, may be NULL) to those the record names. */
void                  palp_clinical_document_add_user (PalpClinicalDocument *document,
                                                       PalpUser             *user,
                                                       GListModel           *licences);
/* The user of @id, or NULL. */
PalpUser             *palp_clinical_document_get_user (const PalpClinicalDocument *document,
                                                       gint64                      id);
/* The licence (not an endorsement) user @id held on @date (ISO), or
 * NULL. */
PalpLicence          *palp_clinical_document_get_licence (const PalpClinicalDocument *document,
                                                          gint64                      id,
                                                          const char                 *date);
/* The visit of @id among the document's, or NULL. */
PalpVisitDocument    *palp_clinical_document_find_visit (const PalpClinicalDocument *document,
                                                         gint64                      visit_id);
/* TRUE when @visit bills esthetic work and no therapeutic work: it has a
 * service record, never a clinical note. */
gboolean              palp_visit_is_esthetic_only  (PalpVisit                  *visit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpClinicalDocument, palp_clinical_document_free)

G_END_DECLS
