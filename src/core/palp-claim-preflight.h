/* palp-claim-preflight.h: what keeps a claim from being right the first time
 *
 * Before a claim is marked ready, every fact a payer would deny it for is
 * checked, and every problem found is said in words (ISSUE 6): a missing
 * diagnosis; a referral the payer needs that is absent or expired; an
 * authorisation that is absent, used up or expired; the plan's visit limit
 * reached; a treatment plan without measurable goals; no progress measured
 * within the claim's dates of service; an unsigned note; an NPI or tax id
 * of the wrong shape; no assignment of benefits on file. The store
 * gathers the facts (palp-store-claims.h); the rules here read plain
 * values only.
 *
 * Billed minutes never exceed documented minutes: when a visit's billing
 * lines claim more timed minutes than its note's techniques document,
 * palp_claim_fit_minutes() cuts them down to the note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_CLAIM_PROBLEM_NONE                   = 0,
  PALP_CLAIM_PROBLEM_NO_LINES               = 1 << 0,
  PALP_CLAIM_PROBLEM_NO_DIAGNOSIS           = 1 << 1,
  PALP_CLAIM_PROBLEM_REFERRAL_MISSING       = 1 << 2,
  PALP_CLAIM_PROBLEM_REFERRAL_EXPIRED       = 1 << 3,
  PALP_CLAIM_PROBLEM_AUTHORISATION_MISSING  = 1 << 4,
  PALP_CLAIM_PROBLEM_AUTHORISATION_EXPIRED  = 1 << 5,
  PALP_CLAIM_PROBLEM_AUTHORISATION_EXHAUSTED = 1 << 6,
  PALP_CLAIM_PROBLEM_VISIT_LIMIT            = 1 << 7,
  PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS    = 1 << 8,
  PALP_CLAIM_PROBLEM_NO_PROGRESS            = 1 << 9,
  PALP_CLAIM_PROBLEM_UNSIGNED_NOTE          = 1 << 10,
  PALP_CLAIM_PROBLEM_RENDERING_NPI          = 1 << 11,
  PALP_CLAIM_PROBLEM_BILLING_NPI            = 1 << 12,
  PALP_CLAIM_PROBLEM_TAX_ID                 = 1 << 13,
  PALP_CLAIM_PROBLEM_NO_ASSIGNMENT          = 1 << 14,
  PALP_CLAIM_PROBLEM_POINTERS               = 1 << 15,
} PalpClaimProblem;

/* What the store knows about one claim. Dates are ISO; NULL means none. */
typedef struct
{
  const char  *first_service_on;      /* the claim's first and last dates of service */
  const char  *last_service_on;
  guint        n_lines;
  guint        n_lines_without_pointer; /* lines pointing at no diagnosis */
  guint        n_diagnoses;

  gboolean     referral_required;     /* by the payer */
  gboolean     referral_found;        /* one given on or before the first date of service */
  const char  *referral_expires_on;   /* of the newest such referral; NULL: open-ended */

  gboolean     authorisation_required;
  gboolean     authorisation_found;   /* one of the policy's covering the first date */
  const char  *authorisation_ends_on;
  gint64       authorisation_left;    /* visits or units it still grants */
  gint64       authorisation_needed;  /* what this claim would use of it */

  gint64       visit_limit;           /* per benefit year; 0: none */
  gint64       visits_counted;        /* counted in the benefit year up to the last date of service */

  gboolean     plan_found;            /* a treatment plan in force on the dates */
  guint        n_measurable_goals;
  guint        n_measurements;        /* progress measured within the dates of service */

  guint        n_unsigned_notes;
  const char  *rendering_npi;
  const char  *billing_npi;
  const char  *tax_id;

  gboolean     assignment_on_file;
} PalpClaimFacts;

/* Checks @facts; appends one translated sentence per problem to @messages
 * (of char *; may be NULL) and returns the problems found, or
 * PALP_CLAIM_PROBLEM_NONE when the claim may be marked ready. */
PalpClaimProblem palp_claim_preflight        (const PalpClaimFacts *facts,
                                              GPtrArray            *messages);

/* Whether @text is an employer identification number ("12-3456789" or nine
 * digits) or a social security number ("123-45-6789"); sets
 * @out_is_ssn. */
gboolean         palp_claim_tax_id_is_valid  (const char           *text,
                                              gboolean             *out_is_ssn);

/* Fits the timed minutes a visit's billing lines claim (@minutes, one per
 * code, @n long) to the @documented minutes of its note: when they add up
 * to no more, they are kept; otherwise each code keeps its share of the
 * documented minutes, rounded down, and the minutes left go one by one to
 * the codes with the largest remainder, the earlier code first on a tie
 * (callers sort codes by number). The result never adds up to more than
 * @documented. */
void             palp_claim_fit_minutes      (guint                *minutes,
                                              gsize                 n,
                                              guint                 documented);

G_END_DECLS
