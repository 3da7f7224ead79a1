/* palp-store-claims.h: insurance claims, from draft to closed
 *
 * A claim bills one client's attended therapeutic visits, with signed
 * notes, to one of the client's policies (US clinics; ISSUE 6). Building
 * one adds up, per date of service, the minutes the visits' notes document
 * (the techniques' minutes; billing lines never claim more: see
 * palp_claim_fit_minutes()), turns them into units by the payer's unit rule
 * (palp_units_compute()), prices each unit from the payer's fee schedule
 * (the clinic's per-unit fee otherwise), names the client's diagnoses A–L
 * with each line pointing at the first four, and copies the referring
 * provider and the authorisation in force.
 *
 * Life (palp-claim-status.h): draft → ready (only when pre-flight finds
 * nothing) → submitted (date and method; the visits are counted against
 * the authorisation) → paid / partially paid / denied (the payer's answer,
 * line by line, with its reference) → appealed → closed. A submitted claim
 * is never edited, here or in SQL (0012-claims.sql; palp_store_check()
 * compares it with what was sent): it is corrected by a replacement
 * (resubmission code 7) or withdrawn by a void (code 8), each a new claim
 * naming the original's payer reference; submitting it closes or voids the
 * original.
 *
 * Every write needs PALP_ACTION_BUILD_CLAIMS (admins), runs in one
 * transaction, and changes nothing when refused; reads need no role. Dates
 * are ISO ("YYYY-MM-DD"); NULL for @today or @on means today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-claim-follow-up.h"
#include "palp-claim-form.h"
#include "palp-claim-line.h"
#include "palp-claim-preflight.h"
#include "palp-claim-status.h"
#include "palp-claim.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* The clinic's claim settings (one row). */
typedef struct
{
  char    *billing_npi;       /* box 33a; NULL: not set */
  gint64   unit_fee_cents;    /* the clinic's price per unit; -1: the service's fee per 15 minutes */
  char    *place_of_service;  /* box 24B default, "11" (office) */
  guint    appeal_days;       /* the usual time a payer allows for an appeal (180) */
  guint    follow_up_days;    /* days after submission, or between contacts, before following up (30) */
} PalpClaimSettings;

void                palp_claim_settings_free (PalpClaimSettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpClaimSettings, palp_claim_settings_free)

PalpClaimSettings  *palp_store_get_claim_settings (PalpStore                *self,
                                                   GError                  **error);
/* Refused: an NPI of the wrong shape (palp-npi.h), a place of service not of
 * two digits, days out of range (appeal 1–3650, follow-up 1–365). */
gboolean            palp_store_set_claim_settings (PalpStore                *self,
                                                   const PalpClaimSettings  *settings,
                                                   GError                  **error);

/* Building ----------------------------------------------------------------- */

/* Builds a draft claim from @visit_ids (one client's, one practitioner's)
 * to @policy_id (0: the client's active primary policy). Refused, naming the
 * visit, when a visit is not attended, has no signed note, is another
 * client's, has no therapeutic line with a procedure code (esthetic and
 * other lines are never billed), or is already on a claim that is not
 * void; when the policy is ended or another client's; when nothing bills a
 * unit. Returns the new claim (with its number, "CLM-00001"). */
PalpClaim          *palp_store_build_claim       (PalpStore        *self,
                                                  const gint64     *visit_ids,
                                                  guint             n_visits,
                                                  gint64            policy_id,
                                                  GError          **error);

/* Claims by most recent first: all (@status NULL) or of one status
 * ("draft", ..., palp_claim_status_to_string()); all clients (@client_id 0)
 * or one. */
GListModel         *palp_store_list_claims       (PalpStore        *self,
                                                  const char       *status,
                                                  gint64            client_id,
                                                  GError          **error);
PalpClaim          *palp_store_load_claim        (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);
/* The claim numbered @number ("CLM-00001"). */
PalpClaim          *palp_store_find_claim        (PalpStore        *self,
                                                  const char       *number,
                                                  GError          **error);
/* A claim's lines (PalpClaimLine), in order. */
GListModel         *palp_store_list_claim_lines  (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);
/* The claim's diagnosis codes A–L, in order (with dots). */
GStrv               palp_store_claim_diagnoses   (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);
/* The statuses a claim went through: an array of "STATUS|YYYY-MM-DD HH:MM:SS",
 * oldest first. */
GStrv               palp_store_claim_history     (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);

/* Corrects a draft or ready line: units (checked against the documented
 * minutes by the payer's rule, palp_units_check_supported()), modifiers
 * ("GP 59": up to four of two letters or digits) and pointers ("AB": up
 * to four letters among the claim's diagnoses). A ready claim goes back to
 * draft. */
gboolean            palp_store_update_claim_line (PalpStore        *self,
                                                  PalpClaimLine    *line,
                                                  GError          **error);

/* Pre-flight --------------------------------------------------------------- */

/* Every problem that would keep the claim from being right, in words
 * (palp-claim-preflight.h), as an array of strings, empty when none; the
 * problems as flags in @out_problems (may be NULL). */
GPtrArray          *palp_store_preflight_claim   (PalpStore        *self,
                                                  gint64            claim_id,
                                                  PalpClaimProblem *out_problems,
                                                  GError          **error);
/* draft → ready; refused (PALP_STORE_ERROR_CONSTRAINT) with every pre-flight
 * problem, one per line, in the message. */
gboolean            palp_store_mark_claim_ready  (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);

/* Life --------------------------------------------------------------------- */

/* ready → submitted on @on by @method ("paper", "electronic", "fax",
 * "portal"); keeps what was sent; counts each visit against the claim's
 * authorisation (palp_store_use_authorisation(); visits counted already are
 * left as they are). A replacement closes its original, a void voids it. */
gboolean            palp_store_submit_claim      (PalpStore        *self,
                                                  gint64            claim_id,
                                                  const char       *on,
                                                  const char       *method,
                                                  GError          **error);

typedef struct
{
  gint64  line_id;
  gint64  paid_cents;      /* what the payer paid for the line */
  gint64  adjusted_cents;  /* written off by contract; paid + adjusted ≤ charge */
} PalpClaimLinePayment;

/* The payer's answer on @on, line by line (lines not named keep what they
 * had), with its reference (NULL keeps the one on file): the claim becomes
 * paid, partially paid or, with nothing paid, denied
 * (palp_claim_status_for_payment()); a denial needs @denial_reason and
 * sets the appeal deadline @on + appeal_days. Written to @out_status. */
gboolean            palp_store_record_claim_payment (PalpStore                  *self,
                                                     gint64                      claim_id,
                                                     const PalpClaimLinePayment *payments,
                                                     guint                       n_payments,
                                                     const char                 *payer_reference,
                                                     const char                 *denial_reason,
                                                     const char                 *on,
                                                     PalpClaimStatus            *out_status,
                                                     GError                    **error);
/* A denial of the whole claim: nothing paid. @appeal_deadline NULL: @on +
 * the settings' appeal_days. */
gboolean            palp_store_deny_claim        (PalpStore        *self,
                                                  gint64            claim_id,
                                                  const char       *denial_reason,
                                                  const char       *payer_reference,
                                                  const char       *on,
                                                  const char       *appeal_deadline,
                                                  GError          **error);
/* denied or partially paid → appealed on @on; @appeal_deadline non-NULL
 * replaces the deadline on file. Refused after the deadline. */
gboolean            palp_store_appeal_claim      (PalpStore        *self,
                                                  gint64            claim_id,
                                                  const char       *on,
                                                  const char       *appeal_deadline,
                                                  GError          **error);
/* Any status to one it may move to (palp_claim_status_can_move()) that
 * needs nothing more: ready → draft, → closed, and → void for a claim never
 * sent (draft or ready). Use the functions above for ready, submitted, paid,
 * partially paid, denied and appealed, and palp_store_void_claim() for a
 * sent claim. */
gboolean            palp_store_set_claim_status  (PalpStore        *self,
                                                  gint64            claim_id,
                                                  PalpClaimStatus   status,
                                                  GError          **error);

/* A draft replacement (resubmission code 7) of a sent claim: the same
 * lines and diagnoses, to be corrected, naming the original's payer
 * reference (its number when the payer gave none). */
PalpClaim          *palp_store_replace_claim     (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);
/* A draft voiding claim (code 8) of a sent claim, with its lines. */
PalpClaim          *palp_store_void_claim        (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);

/* Follow-ups --------------------------------------------------------------- */

/* Logs a contact (claim-id, contacted-at, said required; representative,
 * reference, next-on optional) on a sent claim. */
gboolean            palp_store_add_claim_follow_up   (PalpStore          *self,
                                                      PalpClaimFollowUp  *follow_up,
                                                      GError            **error);
/* A claim's follow-ups, oldest first. */
GListModel         *palp_store_list_claim_follow_ups (PalpStore          *self,
                                                      gint64              claim_id,
                                                      GError            **error);
/* Open claims (submitted, partially paid, denied, appealed) due a
 * follow-up by @today: the last contact's next-on, or the submission plus
 * follow_up_days when none was set; soonest first. */
GListModel         *palp_store_list_claims_to_follow_up (PalpStore       *self,
                                                         const char      *today,
                                                         GError         **error);
/* Denied or partially paid claims not yet appealed whose appeal deadline
 * falls within @days of @today, or has passed; soonest first. */
GListModel         *palp_store_list_appeal_deadlines (PalpStore          *self,
                                                      const char         *today,
                                                      guint               days,
                                                      GError            **error);

/* Aging -------------------------------------------------------------------- */

typedef struct
{
  guint   n_claims[PALP_CLAIM_N_AGE_BUCKETS];
  gint64  outstanding_cents[PALP_CLAIM_N_AGE_BUCKETS]; /* charge − paid − adjusted */
} PalpClaimAging;

/* Open claims by days since submission on @today (palp_claim_age_bucket()). */
gboolean            palp_store_claims_aging      (PalpStore        *self,
                                                  const char       *today,
                                                  PalpClaimAging   *out_aging,
                                                  GError          **error);

/* The form ----------------------------------------------------------------- */

/* The CMS-1500's boxes for a claim, from its client, policy, payer,
 * diagnoses, lines, practitioner and the clinic (palp-claim-form.h). */
PalpClaimForm      *palp_store_load_claim_form   (PalpStore        *self,
                                                  gint64            claim_id,
                                                  GError          **error);

G_END_DECLS
