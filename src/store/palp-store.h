/* palp-store.h: the clinic's SQLite database
 *
 * The only place that speaks SQL. Callers get GObjects and list models;
 * SQLite specifics (FTS5, triggers, pragmas) stay inside src/store so a
 * server backend can later sit behind the same functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-clinic.h"
#include "palp-client.h"
#include "palp-licence.h"
#include "palp-user.h"
#include "palp-audit-entry.h"
#include "palp-service.h"
#include "palp-visit.h"
#include "palp-visit-line.h"
#include "palp-mark.h"
#include "palp-payment.h"
#include "palp-receipt-document.h"
#include "palp-clinical-document.h"
#include "palp-tax.h"
#include "palp-health-history.h"
#include "palp-screening-record.h"
#include "palp-finding-record.h"
#include "palp-oral-assessment.h"
#include "palp-diagnosis.h"
#include "palp-referral.h"
#include "palp-plan.h"
#include "palp-plan-goal.h"
#include "palp-reading.h"
#include "palp-consent.h"
#include "palp-soap-note.h"
#include "palp-amendment.h"
#include "palp-gate-override.h"
#include "palp-measure.h"
#include "palp-screening.h"
#include "palp-sign-gates.h"

G_BEGIN_DECLS

#define PALP_STORE_ERROR (palp_store_error_quark ())

typedef enum
{
  PALP_STORE_ERROR_FAILED,        /* anything else; message says what */
  PALP_STORE_ERROR_LOCKED,        /* another program holds the database */
  PALP_STORE_ERROR_FULL,          /* the disk (or the page limit) is full */
  PALP_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  PALP_STORE_ERROR_CORRUPT,       /* the file is damaged */
  PALP_STORE_ERROR_NOT_DATABASE,  /* not a Palpate database: left untouched */
  PALP_STORE_ERROR_NEWER_SCHEMA,  /* made by a newer Palpate: left untouched */
  PALP_STORE_ERROR_NETWORK_FS,    /* on a network filesystem: refused */
  PALP_STORE_ERROR_NOT_FOUND,     /* no such row */
  PALP_STORE_ERROR_CONSTRAINT,    /* a rule of the record refused the write */
  PALP_STORE_ERROR_NO_USER,       /* a write without an acting user */
  PALP_STORE_ERROR_INVALID,       /* the object failed validation */
} PalpStoreError;

GQuark palp_store_error_quark (void);

typedef enum /*< flags >*/
{
  PALP_STORE_OPEN_DEFAULT   = 0,
  PALP_STORE_OPEN_CREATE    = 1 << 0,  /* create the file (mode 0600) if missing */
  PALP_STORE_OPEN_READ_ONLY = 1 << 1,  /* never write, never migrate */
} PalpStoreOpenFlags;

#define PALP_TYPE_STORE (palp_store_get_type ())

G_DECLARE_FINAL_TYPE (PalpStore, palp_store, PALP, STORE, GObject)

/* The schema version this build writes (PRAGMA user_version). */
int          palp_store_schema_version    (void);
/* $XDG_DATA_HOME/palpate/clinic.db */
char        *palp_store_default_path      (void);

/* Opens (and with CREATE, creates) @path, sets WAL, foreign keys, a busy
 * timeout and synchronous=FULL, refuses network filesystems, newer schemas
 * and files that are not Palpate databases (leaving them byte for byte
 * unchanged), and applies pending migrations in one transaction. */
PalpStore   *palp_store_open              (const char          *path,
                                           PalpStoreOpenFlags   flags,
                                           GError             **error);
const char  *palp_store_get_path          (PalpStore  *self);
int          palp_store_get_version       (PalpStore  *self);

/* The acting user, written on every audit row. Writes fail with
 * PALP_STORE_ERROR_NO_USER while it is 0. */
void         palp_store_set_actor         (PalpStore  *self,
                                           gint64      user_id);
gint64       palp_store_get_actor         (PalpStore  *self);

/* Batches: many saves in one transaction (the demo's 20,000 clients).
 * Saves inside a batch join it instead of opening their own. */
gboolean     palp_store_begin             (PalpStore   *self,
                                           GError     **error);
gboolean     palp_store_commit            (PalpStore   *self,
                                           GError     **error);
void         palp_store_rollback          (PalpStore   *self);

/* Clinic profile (a default, empty profile exists after creation). */
PalpClinic  *palp_store_load_clinic       (PalpStore   *self,
                                           GError     **error);
gboolean     palp_store_save_clinic       (PalpStore   *self,
                                           PalpClinic  *clinic,
                                           GError     **error);

/* Users and practitioners. Lists are GListModels of PalpUser. */
GListModel  *palp_store_list_users        (PalpStore   *self,
                                           GError     **error);
GListModel  *palp_store_list_practitioners (PalpStore  *self,
                                           GError     **error);
/* By numeric id or by login. */
PalpUser    *palp_store_find_user         (PalpStore   *self,
                                           const char  *id_or_login,
                                           GError     **error);
PalpUser    *palp_store_load_user         (PalpStore   *self,
                                           gint64       id,
                                           GError     **error);
/* Inserts (id 0: sets the new id) or updates. The first user may be saved
 * without an actor (it becomes the actor of its own creation). */
gboolean     palp_store_save_user         (PalpStore   *self,
                                           PalpUser    *user,
                                           GError     **error);
GListModel  *palp_store_list_licences     (PalpStore   *self,
                                           gint64       user_id,
                                           GError     **error);
gboolean     palp_store_save_licence      (PalpStore   *self,
                                           PalpLicence *licence,
                                           GError     **error);
gboolean     palp_store_delete_licence    (PalpStore   *self,
                                           gint64       licence_id,
                                           GError     **error);

/* Clients. */
PalpClient  *palp_store_load_client       (PalpStore   *self,
                                           gint64       id,
                                           GError     **error);
/* Validates, then inserts (id 0: sets the new id) or updates. */
gboolean     palp_store_save_client       (PalpStore   *self,
                                           PalpClient  *client,
                                           GError     **error);
gboolean     palp_store_archive_client    (PalpStore   *self,
                                           gint64       id,
                                           gboolean     archived,
                                           GError     **error);
/* Deletes a client nothing refers to yet; otherwise fails with CONSTRAINT
 * (archive instead). */
gboolean     palp_store_delete_client     (PalpStore   *self,
                                           gint64       id,
                                           GError     **error);
gint64       palp_store_count_clients     (PalpStore   *self,
                                           GError     **error);

/* Search as you type: names, phones, e-mail and birth date (ISO, the
 * clinic country's short form, or a year), prefix and accent-insensitive.
 * Empty text lists every client. Archived clients are left out unless
 * @include_archived. @limit 0 means no limit. The result is a PalpClientList
 * (a GListModel of PalpClient) that loads rows lazily from the store. */
GListModel  *palp_store_search_clients    (PalpStore   *self,
                                           const char  *text,
                                           gboolean     include_archived,
                                           guint        limit,
                                           GError     **error);

/* Service catalogue (GListModel of PalpService), by category then name. */
GListModel  *palp_store_list_services     (PalpStore   *self,
                                           gboolean     include_inactive,
                                           GError     **error);
/* Inserts (id 0) or updates; refuses a category change once the service
 * has been billed, and codes or timing on a non-therapeutic service. */
gboolean     palp_store_save_service      (PalpStore   *self,
                                           PalpService *service,
                                           GError     **error);

/* Whether anything has been billed with the service: its category is then
 * fixed. FALSE with @error on failure. */
gboolean     palp_store_service_is_billed (PalpStore  *self,
                                           gint64       service_id,
                                           GError     **error);

/* Visits (GListModel of PalpVisit), newest first; @client_id 0 for all.
 * Each visit's "categories" lists what it bills. */
GListModel  *palp_store_list_visits       (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
PalpVisit   *palp_store_load_visit        (PalpStore   *self,
                                           gint64       id,
                                           GError     **error);
gboolean     palp_store_save_visit        (PalpStore   *self,
                                           PalpVisit   *visit,
                                           GError     **error);
/* Billing lines of a visit (GListModel of PalpVisitLine). */
GListModel  *palp_store_list_visit_lines  (PalpStore   *self,
                                           gint64       visit_id,
                                           GError     **error);
/* Adds a line for @service_id with the service's name, category and fee;
 * @minutes 0 takes the service's duration. Returns the new line's id. */
gint64       palp_store_add_visit_line    (PalpStore   *self,
                                           gint64       visit_id,
                                           gint64       service_id,
                                           guint        minutes,
                                           GError     **error);
gboolean     palp_store_remove_visit_line (PalpStore   *self,
                                           gint64       line_id,
                                           GError     **error);
/* Records that the acting user confirmed a visit combining therapeutic and
 * esthetic work (which will be receipted separately). */
gboolean     palp_store_confirm_mixed_visit (PalpStore *self,
                                           gint64       visit_id,
                                           GError     **error);

/* Tax components of a service (GPtrArray of PalpTaxComponent, by name). */
GPtrArray   *palp_store_list_service_taxes (PalpStore  *self,
                                           gint64       service_id,
                                           GError     **error);
/* Replaces the service's components with @components (PalpTaxComponent,
 * each validated; NULL or empty for none). Receipts already issued keep
 * the taxes they were issued with. */
gboolean     palp_store_set_service_taxes (PalpStore   *self,
                                           gint64       service_id,
                                           GPtrArray   *components,
                                           GError     **error);

/* The visits of one day ("YYYY-MM-DD"), by practitioner then start, with
 * client-name, practitioner-name and unreceipted filled: the Today page. */
GListModel  *palp_store_list_visits_on    (PalpStore   *self,
                                           const char  *date,
                                           GError     **error);

/* Attended visits and no-shows with billing lines not yet on a valid
 * receipt, other than on @except_date ("YYYY-MM-DD", may be NULL), newest
 * first, at most @limit (0: all): what is left to check out. */
GListModel  *palp_store_list_unreceipted_visits (PalpStore  *self,
                                           const char  *except_date,
                                           guint        limit,
                                           GError     **error);

/* Receipts. */

/* Draws the PDF of a receipt being issued, from its loaded document
 * (src/docs does it: palp_doc_receipt_render). Called inside the issuing
 * transaction; an error undoes the whole issue. */
typedef GBytes *(*PalpReceiptRenderFunc) (const PalpReceiptDocument  *document,
                                          gpointer                    user_data,
                                          GError                    **error);

/* A payment taken at checkout, in the same transaction as the receipts. */
typedef struct
{
  const char *method;        /* "cash", "card", "cheque", "e-transfer", "insurance", "hsa-fsa" */
  gint64      amount_cents;  /* > 0, at most the total of the new receipts */
  const char *reference;     /* may be NULL */
  gboolean    in_full;       /* pay every new receipt's total (amount_cents unused);
                              * an insurer or health account, the therapeutic ones */
} PalpCheckoutPayment;

/* Issues receipts for every billing line of @visit_ids (attended or no-show
 * visits of one client) not yet on a valid receipt: one receipt per
 * category and practitioner, numbered gaplessly in the category's series
 * even when other processes issue at the same time. Refuses therapeutic
 * lines of a practitioner without a licence current today, and a visit
 * combining therapeutic and esthetic work until an admin has confirmed it.
 * @payment (may be NULL) is spread over the new receipts in order. Each
 * receipt's PDF is drawn by @render and stored with its SHA-256, all in one
 * transaction: on any error nothing is written. @replaces (0 for none) is a
 * voided receipt this issue corrects; its payments carry over. Returns the
 * new receipts (GListModel of PalpReceipt), in number order. */
GListModel  *palp_store_issue_receipts    (PalpStore                 *self,
                                           const gint64              *visit_ids,
                                           guint                      n_visits,
                                           const PalpCheckoutPayment *payment,
                                           gint64                     replaces,
                                           PalpReceiptRenderFunc      render,
                                           gpointer                   user_data,
                                           GError                   **error);
/* Voids a receipt (reason required, 1–500 characters): its lines become
 * billable again, for a new receipt. Admins only (palp-permissions.h). */
gboolean     palp_store_void_receipt      (PalpStore   *self,
                                           const char  *number,
                                           const char  *reason,
                                           GError     **error);
/* Newest first; @client_id 0 for all. */
GListModel  *palp_store_list_receipts     (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
PalpReceipt *palp_store_find_receipt      (PalpStore   *self,
                                           const char  *number,
                                           GError     **error);
PalpReceiptDocument *palp_store_load_receipt_document (PalpStore  *self,
                                           gint64       receipt_id,
                                           GError     **error);
/* The PDF bytes stored when the receipt was issued. */
GBytes      *palp_store_load_receipt_pdf  (PalpStore   *self,
                                           gint64       receipt_id,
                                           GError     **error);

/* Payments. */

/* Records a payment or refund (@payment's kind, method, amount-cents,
 * receipt-id or 0 for the client's account, reference, note); sets its id.
 * A refund never exceeds what was paid; a payment on a receipt never
 * exceeds its balance. */
gboolean     palp_store_record_payment    (PalpStore   *self,
                                           PalpPayment *payment,
                                           GError     **error);
/* A client's payments (@client_id 0: all), newest first; @from and @to
 * (ISO dates, inclusive, may be NULL) bound the day received. */
GListModel  *palp_store_list_payments     (PalpStore   *self,
                                           gint64       client_id,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);
/* What the client owes: valid receipts less payments, plus refunds. */
gint64       palp_store_client_balance    (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
/* Tax collected per component on valid receipts issued from @from to @to
 * (GListModel of PalpReceiptTax with receipt-number and issued-at). */
GListModel  *palp_store_list_receipt_taxes (PalpStore  *self,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);
/* A client's therapeutic receipts in a date range, loaded for a statement
 * (GPtrArray of PalpReceiptDocument, oldest first; voided ones left out). */
GPtrArray   *palp_store_load_statement    (PalpStore   *self,
                                           gint64       client_id,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);

/* Body chart. */

/* A visit's marks (GListModel of PalpMark), in the order they were made. */
GListModel  *palp_store_list_marks        (PalpStore   *self,
                                           gint64       visit_id,
                                           GError     **error);
/* Checks the mark (kind, shape and geometry, intensity only where it
 * applies) and inserts (id 0: sets the new id) or updates it. Only the
 * visit's practitioner documents it; a signed visit's chart never changes. */
gboolean     palp_store_save_mark         (PalpStore   *self,
                                           PalpMark    *mark,
                                           GError     **error);
gboolean     palp_store_delete_mark       (PalpStore   *self,
                                           gint64       mark_id,
                                           GError     **error);
/* Copies the marks of the client's latest earlier visit that has any into
 * @visit_id (a new chart that starts where the last one ended). Returns
 * how many were copied (0 when there is nothing to copy), or -1. */
gint64       palp_store_copy_last_marks   (PalpStore   *self,
                                           gint64       visit_id,
                                           GError     **error);

/* Clinical record.
 *
 * Client-level forms (health history, screening, diagnoses, referrals, a
 * treatment consent) are written by practitioners; privacy and guardian
 * consents, and revocations, by anyone who edits clients; what belongs to
 * a visit (note, oral assessment, measurements, overrides) by the visit's
 * practitioner only, and only until the visit is signed; a plan and its
 * goals by the plan's practitioner. Saves validate first (INVALID), then
 * check permission and the record's rules (CONSTRAINT); every write is
 * audited. Single loads return NULL without @error when there is none. */

/* Health histories: dated versions, newest first; a save inserts a new
 * version (id 0) and sets its id, recorded-by and recorded-at. */
GListModel  *palp_store_list_health_histories (PalpStore  *self,
                                           gint64       client_id,
                                           GError     **error);
PalpHealthHistory *palp_store_latest_health_history (PalpStore *self,
                                           gint64       client_id,
                                           GError     **error);
gboolean     palp_store_save_health_history (PalpStore *self,
                                           PalpHealthHistory *history,
                                           GError     **error);

/* Screenings, newest first, and a screening's findings (PalpFindingRecord).
 * A save inserts the screening with @findings (may be NULL) at once; a new
 * screening supersedes the last. */
GListModel  *palp_store_list_screenings   (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
GListModel  *palp_store_list_findings     (PalpStore   *self,
                                           gint64       screening_id,
                                           GError     **error);
gboolean     palp_store_save_screening    (PalpStore   *self,
                                           PalpScreeningRecord *screening,
                                           GListModel  *findings,
                                           GError     **error);
/* The findings of the client's latest screening that still stand: absolute
 * first, then clearances not yet on file, then local ones. */
GListModel  *palp_store_list_active_contraindications (PalpStore *self,
                                           gint64       client_id,
                                           GError     **error);

/* The oral assessment of a visit (one per visit; a save rewrites it). */
PalpOralAssessment *palp_store_load_oral_assessment (PalpStore *self,
                                           gint64       visit_id,
                                           GError     **error);
gboolean     palp_store_save_oral_assessment (PalpStore *self,
                                           PalpOralAssessment *oral,
                                           GError     **error);

/* Diagnoses, primary first. A save normalises the code ("m542" ->
 * "M54.2"); a new primary diagnosis takes the place of the last. Archive
 * by saving with archived 1: a diagnosis is never deleted. */
GListModel  *palp_store_list_diagnoses    (PalpStore   *self,
                                           gint64       client_id,
                                           gboolean     include_archived,
                                           GError     **error);
gboolean     palp_store_save_diagnosis    (PalpStore   *self,
                                           PalpDiagnosis *diagnosis,
                                           GError     **error);

/* Referrals, newest first. A save checks the NPI's check digit and sets
 * the diagnoses named by diagnosis-ids (the client's own). */
GListModel  *palp_store_list_referrals    (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
gboolean     palp_store_save_referral     (PalpStore   *self,
                                           PalpReferral *referral,
                                           GError     **error);
/* Referrals expired or expiring within @days of @today (ISO; NULL: today)
 * that no later referral of the client replaces; @client_id 0 for all. */
GListModel  *palp_store_list_expiring_referrals (PalpStore *self,
                                           gint64       client_id,
                                           const char  *today,
                                           guint        days,
                                           GError     **error);

/* Plans of care (active first), their goals, and readings. A new plan's
 * practitioner-id 0 means the acting user. */
GListModel  *palp_store_list_plans        (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
gboolean     palp_store_save_plan         (PalpStore   *self,
                                           PalpPlan    *plan,
                                           GError     **error);
/* Ends a plan (@date ISO, @reason 1–500 characters); it is then frozen. */
gboolean     palp_store_discharge_plan    (PalpStore   *self,
                                           gint64       plan_id,
                                           const char  *date,
                                           const char  *reason,
                                           GError     **error);
/* The same, saying how it ended: @kind "goals-met", "maximum-improvement",
 * "client-choice", "referred-out" or "other" (NULL: not said). */
gboolean     palp_store_discharge_plan_full (PalpStore *self,
                                           gint64       plan_id,
                                           const char  *date,
                                           const char  *kind,
                                           const char  *reason,
                                           GError     **error);
GListModel  *palp_store_list_plan_goals   (PalpStore   *self,
                                           gint64       plan_id,
                                           GError     **error);
/* Checks the goal (palp-progress.h) and fills a built-in measure's
 * direction, MIC (unless given) and unit. */
gboolean     palp_store_save_plan_goal    (PalpStore   *self,
                                           PalpPlanGoal *goal,
                                           GError     **error);
/* Readings of a goal and/or at a visit (0: any), in visit order. */
GListModel  *palp_store_list_readings     (PalpStore   *self,
                                           gint64       goal_id,
                                           gint64       visit_id,
                                           GError     **error);
/* One reading per goal and visit: a second save corrects it, until the
 * visit is signed. */
gboolean     palp_store_save_reading      (PalpStore   *self,
                                           PalpReading *reading,
                                           GError     **error);
gboolean     palp_store_delete_reading    (PalpStore   *self,
                                           gint64       reading_id,
                                           GError     **error);

/* Consents, newest first. A save inserts (never updates) a signed consent:
 * drawn strokes (JSON array) or a typed name with attested 1. */
GListModel  *palp_store_list_consents     (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
gboolean     palp_store_save_consent      (PalpStore   *self,
                                           PalpConsent *consent,
                                           GError     **error);
/* Revokes a consent once (@reason 1–500 characters). */
gboolean     palp_store_revoke_consent    (PalpStore   *self,
                                           gint64       consent_id,
                                           const char  *reason,
                                           GError     **error);

/* A visit's SOAP note, with signed and signed-at; a save inserts or
 * updates the draft (updated-at now) until the visit is signed. */
PalpSoapNote *palp_store_load_soap_note   (PalpStore   *self,
                                           gint64       visit_id,
                                           GError     **error);
gboolean     palp_store_save_soap_note    (PalpStore   *self,
                                           PalpSoapNote *note,
                                           GError     **error);
/* Amendments of a signed note, oldest first; adding one (the visit's
 * practitioner, a signed visit, a reason) keeps the note as it was.
 * Returns the new id, or 0. */
GListModel  *palp_store_list_amendments   (PalpStore   *self,
                                           gint64       visit_id,
                                           GError     **error);
gint64       palp_store_add_amendment     (PalpStore   *self,
                                           gint64       visit_id,
                                           const char  *reason,
                                           const char  *text,
                                           GError     **error);
/* Safety gates passed on the practitioner's judgement, with the reason.
 * Returns the new id, or 0. */
GListModel  *palp_store_list_gate_overrides (PalpStore *self,
                                           gint64       visit_id,
                                           GError     **error);
gint64       palp_store_record_gate_override (PalpStore *self,
                                           gint64       visit_id,
                                           const char  *gate,
                                           const char  *reason,
                                           GError     **error);

/* Clinical settings: the clinic's, or the defaults where it set none. */
typedef struct
{
  PalpScreeningSettings  screening;       /* max ages and severities */
  PalpMeasureSettings    measures;        /* MIC of each built-in measure */
  guint                  plateau_visits;  /* default PALP_PLATEAU_DEFAULT_VISITS */
} PalpClinicalSettings;

void         palp_clinical_settings_init_default (PalpClinicalSettings *settings);
gboolean     palp_store_load_clinical_settings (PalpStore *self,
                                           PalpClinicalSettings *out,
                                           GError     **error);
/* Admins only; validated (palp_measure_settings_validate ...) first. */
gboolean     palp_store_save_clinical_settings (PalpStore *self,
                                           const PalpClinicalSettings *settings,
                                           GError     **error);

/* Jurisdiction rules: the clinic's edited copy, or the shipped defaults
 * (data/rules/jurisdictions.json in the GResource). Returns a GPtrArray
 * of PalpRule. The JSON text is what Preferences shows and edits. */
GPtrArray   *palp_store_load_rules        (PalpStore   *self,
                                           GError     **error);
char        *palp_store_get_rules_json    (PalpStore   *self,
                                           gboolean    *out_is_default,
                                           GError     **error);
/* Admins only. @json is parsed with palp_rules_parse () first (a clear
 * error, nothing saved, when it fails); NULL goes back to the defaults. */
gboolean     palp_store_save_rules_json   (PalpStore   *self,
                                           const char  *json,
                                           GError     **error);

/* Signing a visit's note as the acting user. The store gathers the
 * PalpSignInput (licence, screening, chart avoid zones, techniques and
 * their regions, oral assessment, consents, referral, rules, settings)
 * and runs palp_sign_check (). Returns the gates (PalpGateResult), with
 * @out_may_sign. */
GPtrArray   *palp_store_check_signing     (PalpStore   *self,
                                           gint64       visit_id,
                                           const PalpSignOverride *overrides,
                                           gsize        n_overrides,
                                           gboolean    *out_may_sign,
                                           GError     **error);
/* Checks again inside one transaction, records each override used
 * (gate_overrides) and signs: the note, its chart and its measurements
 * are then frozen. CONSTRAINT with the first blocked gate's reason when a
 * gate blocks. */
gboolean     palp_store_sign_note         (PalpStore   *self,
                                           gint64       visit_id,
                                           const PalpSignOverride *overrides,
                                           gsize        n_overrides,
                                           GError     **error);
/* Attended visits whose note is not signed, oldest first, of one
 * practitioner (0: everyone's); not those billed only esthetic or other
 * services (a service record, not a SOAP note). */
GListModel  *palp_store_list_unsigned_visits (PalpStore *self,
                                           gint64       practitioner_id,
                                           GError     **error);

/* ICD-10-CM codes: the curated list shipped in data/codes/ and whatever
 * palp_store_import_codes () loaded. Search matches code prefixes
 * ("M54", "m542") and words of the description; returns PalpDiagnosis
 * items with id 0, code and description set, curated codes first. */
GListModel  *palp_store_search_codes      (PalpStore   *self,
                                           const char  *text,
                                           guint        limit,
                                           GError     **error);
/* Loads CDC's annual order file (palp_icd10_parse_order_file ()) in one
 * transaction: all or nothing, a clear error with the line number.
 * Admins only. Returns the number of codes loaded, or -1. */
gint64       palp_store_import_codes      (PalpStore   *self,
                                           GBytes      *order_file,
                                           GError     **error);

/* Clinical documents (palp-clinical-document.h). One visit's note, with
 * the client's plans and diagnoses for the measurements; or a client's
 * whole record, visits oldest first. An esthetic-only visit is loaded
 * without any clinical row. */
PalpClinicalDocument *palp_store_load_visit_document (PalpStore *self,
                                           gint64       visit_id,
                                           GError     **error);
PalpClinicalDocument *palp_store_load_client_document (PalpStore *self,
                                           gint64       client_id,
                                           GError     **error);

/* Audit log, newest first; @client_id 0 for the whole clinic. */
GListModel  *palp_store_list_audit        (PalpStore   *self,
                                           gint64       client_id,
                                           GError     **error);
/* The @limit latest entries (newest first). */
GListModel  *palp_store_list_audit_latest (PalpStore   *self,
                                           gint64       client_id,
                                           guint        limit,
                                           GError     **error);

/* Online backup of the open database into @dest (overwritten), then an
 * integrity check of the copy. */
gboolean     palp_store_backup            (PalpStore   *self,
                                           const char  *dest,
                                           GError     **error);
/* The same from the file at @path, through a read-only connection of its
 * own: for a worker thread, while the window keeps using the store. */
gboolean     palp_store_backup_file       (const char  *path,
                                           const char  *dest,
                                           GError     **error);
/* Verifies @backup (integrity, a Palpate schema not newer than this build)
 * and replaces the database at @path with it atomically. */
gboolean     palp_store_restore           (const char  *backup,
                                           const char  *path,
                                           GError     **error);

/* The clinic archive (palp-store-archive.c, data/archive.schema.json): one
 * JSON document of every table that matters, the same bytes for the same
 * clinic. @client_id 0 for the whole clinic, else that client's rows
 * across the tables (their record, for a client who asks for it). Files
 * are written with mode 0600. */
#define PALP_ARCHIVE_FORMAT_VERSION 1
GBytes      *palp_store_export_archive_bytes (PalpStore *self,
                                           gint64       client_id,
                                           GError     **error);
gboolean     palp_store_export_archive    (PalpStore   *self,
                                           gint64       client_id,
                                           const char  *path,
                                           GError     **error);
/* Loads a clinic archive into this database, which must hold no clinic
 * yet (else PALP_STORE_ERROR_CONSTRAINT). Everything is checked first; on
 * any fault nothing is written and the error (PALP_STORE_ERROR_INVALID)
 * starts with the JSON path at fault: "$.tables.visits[3].starts_at: ...".
 * No acting user is needed, and no audit row is added: the audit log is
 * the archive's own. */
gboolean     palp_store_import_archive    (PalpStore   *self,
                                           GBytes      *bytes,
                                           GError     **error);

/* What a backup holds, read without writing to it. */
typedef struct
{
  char      *path;
  int        schema_version;
  char      *clinic_name;     /* NULL when the profile has no name */
  GDateTime *written;         /* when the file was last written */
  goffset    size;            /* bytes */
  gint64     n_clients;
  gint64     n_visits;
  GStrv      last_receipts;   /* the newest number of each series, T first */
} PalpBackupSummary;

void         palp_backup_summary_free     (PalpBackupSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpBackupSummary, palp_backup_summary_free)

/* Verifies @backup as palp_store_restore() would (a Palpate file, a schema
 * not newer than this build, integrity) and summarises it; NULL and @error
 * (NOT_FOUND, NOT_DATABASE, NEWER_SCHEMA, CORRUPT) otherwise. */
PalpBackupSummary *palp_store_describe_backup (const char  *backup,
                                           GError     **error);
/* palp_store_restore(), after keeping a safety copy of the current file
 * (when there is one) beside it, named for the clinic and the time
 * (palp_backup_file_name() with safety), mode 0600. @out_safety: its path,
 * or NULL when there was no file. Nothing changes when @backup is refused
 * or the safety copy cannot be written. */
gboolean     palp_store_restore_with_safety_copy (const char *backup,
                                           const char  *path,
                                           char       **out_safety,
                                           GError     **error);
/* The same for the open @self: the safety copy is made from the open
 * connection, which is then closed, the file swapped, and the connection
 * opened again on the restored file (migrated when older), so every holder
 * of @self sees the restored clinic. Fails with LOCKED, changing nothing,
 * while another statement is in use. */
gboolean     palp_store_restore_in_place  (PalpStore   *self,
                                           const char  *backup,
                                           char       **out_safety,
                                           GError     **error);

/* Integrity, foreign keys and every invariant the data supports so far.
 * Returns a GPtrArray of newly allocated strings, one per violation, each
 * starting with a stable code ("integrity: ...", "foreign-key: ...",
 * "audit-user: ..."); empty when all is well. */
GPtrArray   *palp_store_check             (PalpStore   *self,
                                           GError     **error);

G_END_DECLS
