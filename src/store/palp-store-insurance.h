/* palp-store-insurance.h: payers, policies, signatures on file,
 * authorisations and what a client's coverage has left
 *
 * Payers and their fee schedules are the clinic's books: admins keep them
 * (PALP_ACTION_BUILD_CLAIMS). Policies, signed assignments and releases,
 * and authorisations belong to the client's record (PALP_ACTION_EDIT_CLIENTS).
 * The schema (0009-insurance.sql) holds the same rules and audits every
 * write; the checks here give the caller a clear message first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-authorisation.h"
#include "palp-benefit-signature.h"
#include "palp-coverage-status.h"
#include "palp-payer-fee.h"
#include "palp-payer.h"
#include "palp-policy.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* Payers, by name; @include_inactive adds the retired ones. */
GListModel  *palp_store_list_payers             (PalpStore      *self,
                                                 gboolean        include_inactive,
                                                 GError        **error);
PalpPayer   *palp_store_load_payer              (PalpStore      *self,
                                                 gint64          payer_id,
                                                 GError        **error);
/* Adds (id 0; the new id is set) or updates a payer. */
gboolean     palp_store_save_payer              (PalpStore      *self,
                                                 PalpPayer      *payer,
                                                 GError        **error);
/* The payer's fee schedule (PalpPayerFee), by code. */
GListModel  *palp_store_list_payer_fees         (PalpStore      *self,
                                                 gint64          payer_id,
                                                 GError        **error);
/* Sets the price per unit of @code (five digits); a negative price removes
 * the code from the schedule. */
gboolean     palp_store_set_payer_fee           (PalpStore      *self,
                                                 gint64          payer_id,
                                                 const char     *code,
                                                 gint64          unit_price_cents,
                                                 GError        **error);

/* The client's policies (with payer-name and payer-kind), primary first;
 * @include_ended adds the inactive ones. */
GListModel  *palp_store_list_policies           (PalpStore      *self,
                                                 gint64          client_id,
                                                 gboolean        include_ended,
                                                 GError        **error);
PalpPolicy  *palp_store_load_policy             (PalpStore      *self,
                                                 gint64          policy_id,
                                                 GError        **error);
/* Adds or updates a policy. Refused: an unknown or retired payer (for a
 * new policy), a second active policy of the same priority, an insured
 * person other than the client without a name, dates out of order. */
gboolean     palp_store_save_policy             (PalpStore      *self,
                                                 PalpPolicy     *policy,
                                                 GError        **error);

/* Signed assignments of benefits and releases of information, newest first. */
GListModel  *palp_store_list_benefit_signatures (PalpStore      *self,
                                                 gint64          client_id,
                                                 GError        **error);
/* Records a signed form (never changed afterwards): drawn strokes, or a
 * typed name the signer attests. */
gboolean     palp_store_add_benefit_signature   (PalpStore      *self,
                                                 PalpBenefitSignature *signature,
                                                 GError        **error);
/* Whether a signed @kind ("assignment" or "release") covers @policy_id:
 * one naming the policy, or one for every policy of its client. */
gboolean     palp_store_signature_on_file       (PalpStore      *self,
                                                 gint64          policy_id,
                                                 const char     *kind);

/* A policy's authorisations, newest first, with what each has used. */
GListModel  *palp_store_list_authorisations     (PalpStore      *self,
                                                 gint64          policy_id,
                                                 GError        **error);
gboolean     palp_store_save_authorisation      (PalpStore      *self,
                                                 PalpAuthorisation *authorisation,
                                                 GError        **error);
/* Counts @visit_id against the authorisation: one visit, or the visit's
 * units of timed therapeutic codes by the payer's unit rule. Refused when
 * the visit is not the client's, not attended, outside the dates, already
 * counted, or more than is left. Writes the amount used to @out_amount. */
gboolean     palp_store_use_authorisation       (PalpStore      *self,
                                                 gint64          authorisation_id,
                                                 gint64          visit_id,
                                                 gint64         *out_amount,
                                                 GError        **error);

/* What each active policy of the client still covers on @today (NULL:
 * today): visits left this benefit year by the policy's counting (attended
 * visits with massage therapy, from the benefit year's start, and what was
 * used elsewhere), dollars left of an annual maximum (the plan's share of
 * each visit's therapeutic charges, palp-coverage.h), the active
 * authorisations' remainder and the referral in force when the payer
 * needs one. A list of PalpCoverageStatus, primary first. */
GListModel  *palp_store_get_coverage            (PalpStore      *self,
                                                 gint64          client_id,
                                                 const char     *today,
                                                 GError        **error);

/* How many visits left count as "near the limit". */
#define PALP_COVERAGE_VISITS_NEAR 2
/* How many days before its end an authorisation is "expiring". */
#define PALP_COVERAGE_AUTHORISATION_DAYS 14

/* The client header's coverage flags, as "kind:value" (value an ISO date
 * or a number): "authorisation-expiring:DATE", "authorisation-exhausted:
 * NUMBER", "visit-limit-near:VISITS_LEFT", "visit-limit-reached:LIMIT".
 * Never NULL. */
GStrv        palp_store_coverage_flags          (PalpStore      *self,
                                                 gint64          client_id,
                                                 const char     *today,
                                                 GError        **error);

G_END_DECLS
