/* palp-claim-status.h: a claim's life, from draft to closed
 *
 * draft → ready → submitted → paid / partially paid / denied → appealed →
 * closed (ISSUE 6, DOMAIN.md §8). A draft or a ready claim may still be
 * discarded (void); a submitted one is voided only by sending the payer a
 * voiding claim (resubmission code 8), or replaced (code 7): the store
 * moves the original when its replacement or void is submitted. Closed and
 * void are final. The same moves are checked by the schema's triggers
 * (0012-claims.sql); this is the list in one place for the store, the CLI
 * and the window.
 *
 * Aging: an open claim's age is the days since it was submitted, in the
 * buckets 0–30, 31–60, 61–90 and over 90 days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_CLAIM_DRAFT,
  PALP_CLAIM_READY,
  PALP_CLAIM_SUBMITTED,
  PALP_CLAIM_PAID,
  PALP_CLAIM_PARTIALLY_PAID,
  PALP_CLAIM_DENIED,
  PALP_CLAIM_APPEALED,
  PALP_CLAIM_CLOSED,
  PALP_CLAIM_VOID,
} PalpClaimStatus;

#define PALP_CLAIM_N_STATUSES (PALP_CLAIM_VOID + 1)

/* "draft", "ready", "submitted", "paid", "partially-paid", "denied",
 * "appealed", "closed", "void". */
const char  *palp_claim_status_to_string     (PalpClaimStatus   status);
/* FALSE and @error (PALP_CORE_ERROR_INVALID, naming the statuses) for any
 * other text. */
gboolean     palp_claim_status_from_string   (const char       *text,
                                              PalpClaimStatus  *out_status,
                                              GError          **error);
/* A translated name ("Draft", "Partially paid", ...). */
const char  *palp_claim_status_get_label     (PalpClaimStatus   status);

/* Whether a claim may move from @from to @to. Staying put is not a move. */
gboolean     palp_claim_status_can_move      (PalpClaimStatus   from,
                                              PalpClaimStatus   to);
/* The same, FALSE with a translated message (PALP_CORE_ERROR_INVALID)
 * naming both statuses. */
gboolean     palp_claim_status_check_move    (PalpClaimStatus   from,
                                              PalpClaimStatus   to,
                                              GError          **error);
/* Whether the claim's lines, diagnoses and core fields are still the
 * clinic's to change: draft and ready. Everything else was sent. */
gboolean     palp_claim_status_is_editable   (PalpClaimStatus   status);
/* Whether the claim waits on the payer and counts in the aging view:
 * submitted, partially paid, denied and appealed. */
gboolean     palp_claim_status_is_open       (PalpClaimStatus   status);

/* The status a payer's answer gives: nothing paid is a denial; paid and
 * adjusted (written off by contract) covering the charge is paid; anything
 * between is partially paid. */
PalpClaimStatus palp_claim_status_for_payment (gint64           charge_cents,
                                               gint64           paid_cents,
                                               gint64           adjusted_cents);

typedef enum
{
  PALP_CLAIM_AGE_0_30,
  PALP_CLAIM_AGE_31_60,
  PALP_CLAIM_AGE_61_90,
  PALP_CLAIM_AGE_OVER_90,
} PalpClaimAgeBucket;

#define PALP_CLAIM_N_AGE_BUCKETS (PALP_CLAIM_AGE_OVER_90 + 1)

/* The bucket of a claim submitted @days ago: 0–30, 31–60, 61–90, 91 and
 * more. A negative age (submitted "tomorrow", a clock slip) is 0–30. */
PalpClaimAgeBucket palp_claim_age_bucket      (gint64           days);
/* "0–30 days", "31–60 days", "61–90 days", "Over 90 days", translated. */
const char        *palp_claim_age_bucket_label (PalpClaimAgeBucket bucket);

G_END_DECLS
