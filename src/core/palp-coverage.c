/* palp-coverage.c: what a client's plan still covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-coverage.h"
#include "palp-date.h"

static const struct
{
  const char *key;
  const char *label;
} payer_kinds[] = {
  { "health-plan", N_("Health plan") },
  { "medicare-advantage", N_("Medicare Advantage") },
  { "medicaid-plan", N_("Medicaid plan") },
  { "auto", N_("Auto insurance") },
  { "workers-comp", N_("Workers’ compensation") },
  { "hsa-fsa", N_("HSA/FSA administrator") },
  { "extended-health", N_("Extended health (Canada)") },
  { "other", N_("Other payer") },
};

const char * const *
palp_payer_kind_keys (void)
{
  /* In the order of payer_kinds[]. */
  static const char * const keys[] = {
    "health-plan", "medicare-advantage", "medicaid-plan", "auto", "workers-comp", "hsa-fsa",
    "extended-health", "other", NULL,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (payer_kinds) + 1);
  return keys;
}

const char *
palp_payer_kind_get_label (const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (payer_kinds); i++)
    if (g_strcmp0 (payer_kinds[i].key, key) == 0)
      return _(payer_kinds[i].label);
  return NULL;
}

const char *
palp_visit_counting_to_string (PalpVisitCounting counting)
{
  switch (counting)
    {
    case PALP_VISIT_COUNT_PER_VISIT:
      return "per-visit";
    case PALP_VISIT_COUNT_PER_30_MINUTES:
      return "per-30-minutes";
    default:
      g_return_val_if_reached ("per-visit");
    }
}

gboolean
palp_visit_counting_from_string (const char         *text,
                                 PalpVisitCounting  *out_counting,
                                 GError            **error)
{
  g_return_val_if_fail (out_counting != NULL, FALSE);

  if (g_strcmp0 (text, "per-visit") == 0)
    *out_counting = PALP_VISIT_COUNT_PER_VISIT;
  else if (g_strcmp0 (text, "per-30-minutes") == 0)
    *out_counting = PALP_VISIT_COUNT_PER_30_MINUTES;
  else
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   /* Translators: %s is what was typed; keep the quoted words as they are. */
                   _("Unknown visit counting “%s”: use “per-visit” or "
                     "“per-30-minutes”."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

guint
palp_visit_count (PalpVisitCounting counting,
                  guint             minutes)
{
  if (counting == PALP_VISIT_COUNT_PER_VISIT)
    return 1;
  /* Half a block or more counts as a block, the way a unit counts from
   * half its 15 minutes; a short visit still used the plan once. */
  return MAX (1u, (minutes + 15) / 30);
}

gboolean
palp_benefit_year_range (const char  *date_iso,
                         guint        start_month,
                         char       **out_first,
                         char       **out_last)
{
  GDate date, first, last;
  int year;

  g_return_val_if_fail (out_first != NULL && out_last != NULL, FALSE);

  if (start_month < 1 || start_month > 12 || !palp_date_parse_iso (date_iso, &date))
    return FALSE;

  year = g_date_get_year (&date);
  if (g_date_get_month (&date) < start_month)
    year--;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, start_month, year);
  last = first;
  g_date_add_years (&last, 1);
  g_date_subtract_days (&last, 1);

  *out_first = palp_date_to_iso (&first);
  *out_last = palp_date_to_iso (&last);
  return TRUE;
}

gint64
palp_coverage_plan_share (gint64 charge_cents,
                          guint  plan_percent,
                          gint64 per_visit_cap_cents,
                          gint64 remaining_cents)
{
  gint64 share;

  if (charge_cents <= 0)
    return 0;
  plan_percent = MIN (plan_percent, 100u);

  /* Charges stay under PALP_MONEY_MAX_CENTS, so × 100 cannot overflow. */
  share = (charge_cents * plan_percent + 50) / 100;
  if (per_visit_cap_cents > 0)
    share = MIN (share, per_visit_cap_cents);
  if (remaining_cents >= 0)
    share = MIN (share, remaining_cents);
  return MAX (share, 0);
}

gint64
palp_coverage_remaining (gint64 maximum_cents,
                         gint64 used_cents)
{
  return MAX (maximum_cents - used_cents, 0);
}

gint64
palp_coverage_apply_year (const gint64      *charges_cents,
                          gsize              n_charges,
                          guint              plan_percent,
                          gint64             per_visit_cap_cents,
                          gint64             maximum_cents,
                          PalpCoverageShare *out_shares)
{
  gint64 paid = 0;

  g_return_val_if_fail (charges_cents != NULL || n_charges == 0, 0);
  g_return_val_if_fail (out_shares != NULL || n_charges == 0, 0);

  for (gsize i = 0; i < n_charges; i++)
    {
      gint64 remaining = maximum_cents < 0 ? -1 : palp_coverage_remaining (maximum_cents, paid);
      gint64 share = palp_coverage_plan_share (charges_cents[i], plan_percent,
                                               per_visit_cap_cents, remaining);

      out_shares[i].charge_cents = charges_cents[i];
      out_shares[i].plan_cents = share;
      out_shares[i].client_cents = MAX (charges_cents[i], 0) - share;
      paid += share;
    }
  return paid;
}
