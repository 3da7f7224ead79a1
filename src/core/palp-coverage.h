/* palp-coverage.h: what a client's plan still covers
 *
 * Plans limit visits per benefit year (some count a visit per 30 minutes
 * of massage, so an hour counts as two: DOMAIN.md §8), pay a share of each
 * charge up to a per-visit cap, and stop at an annual dollar maximum (the
 * usual shape of a Canadian extended-health plan, where the client sends
 * the receipt in). These are the sums, in cents, on plain values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of payer, as the schema stores them ("health-plan",
 * "medicare-advantage", "medicaid-plan", "auto", "workers-comp",
 * "hsa-fsa", "extended-health", "other"), NULL-terminated, in the order a
 * menu lists them. */
const char * const *palp_payer_kind_keys      (void);
/* A translated name for a payer kind; NULL for an unknown key. */
const char  *palp_payer_kind_get_label        (const char         *key);

typedef enum
{
  PALP_VISIT_COUNT_PER_VISIT,      /* each attended visit counts one */
  PALP_VISIT_COUNT_PER_30_MINUTES, /* each 30 minutes of massage counts one */
} PalpVisitCounting;

/* "per-visit" / "per-30-minutes". */
const char  *palp_visit_counting_to_string    (PalpVisitCounting   counting);
gboolean     palp_visit_counting_from_string  (const char         *text,
                                               PalpVisitCounting  *out_counting,
                                               GError            **error);

/* How many visits one attended visit of @minutes uses. Per visit: 1.
 * Per 30 minutes: one for each whole 30 minutes, one more when 15 or more
 * minutes are left over, and never less than one (a visit that happened
 * used the plan): 30 → 1, 44 → 1, 45 → 2, 60 → 2, 75 → 3, 20 → 1. */
guint        palp_visit_count                 (PalpVisitCounting   counting,
                                               guint               minutes);

/* The benefit year holding @date_iso for a plan whose year starts on the
 * first of @start_month (1 = January, a calendar year). Writes ISO dates of
 * its first and last day. FALSE when @date_iso is not a date or the month
 * is out of range. */
gboolean     palp_benefit_year_range          (const char         *date_iso,
                                               guint               start_month,
                                               char              **out_first,
                                               char              **out_last);

/* The plan's share of a charge of @charge_cents: @plan_percent (0–100) of
 * the charge, rounded to the nearest cent (a half cent counting as one),
 * then no more than @per_visit_cap_cents (0 means no cap) and no more than
 * @remaining_cents (negative means no annual maximum). Never negative. */
gint64       palp_coverage_plan_share         (gint64              charge_cents,
                                               guint               plan_percent,
                                               gint64              per_visit_cap_cents,
                                               gint64              remaining_cents);

/* What is left of an annual maximum: @maximum_cents − @used_cents, never
 * below zero. */
gint64       palp_coverage_remaining          (gint64              maximum_cents,
                                               gint64              used_cents);

typedef struct
{
  gint64  charge_cents;
  gint64  plan_cents;     /* the plan's share */
  gint64  client_cents;   /* what the client pays */
} PalpCoverageShare;

/* Walks a benefit year's charges in order, each one's plan share taken
 * from what the maximum still holds, so the year's plan shares never add
 * up to more than @maximum_cents (negative: no maximum). Fills @out_shares
 * (@n_charges long) and returns the total the plan paid. */
gint64       palp_coverage_apply_year         (const gint64       *charges_cents,
                                               gsize               n_charges,
                                               guint               plan_percent,
                                               gint64              per_visit_cap_cents,
                                               gint64              maximum_cents,
                                               PalpCoverageShare  *out_shares);

G_END_DECLS
