/* palp-claim-status.c: a claim's life, from draft to closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-claim-status.h"
#include "palp-core-error.h"

static const struct
{
  const char *key;
  const char *label;
} statuses[] = {
  [PALP_CLAIM_DRAFT] = { "draft", NC_("claim status", "Draft") },
  [PALP_CLAIM_READY] = { "ready", NC_("claim status", "Ready") },
  [PALP_CLAIM_SUBMITTED] = { "submitted", NC_("claim status", "Submitted") },
  [PALP_CLAIM_PAID] = { "paid", NC_("claim status", "Paid") },
  [PALP_CLAIM_PARTIALLY_PAID] = { "partially-paid", NC_("claim status", "Partially paid") },
  [PALP_CLAIM_DENIED] = { "denied", NC_("claim status", "Denied") },
  [PALP_CLAIM_APPEALED] = { "appealed", NC_("claim status", "Appealed") },
  [PALP_CLAIM_CLOSED] = { "closed", NC_("claim status", "Closed") },
  [PALP_CLAIM_VOID] = { "void", NC_("claim status", "Void") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == PALP_CLAIM_N_STATUSES);

#define BIT(s) (1u << (s))

/* Where each status may go. Keep in step with claims_status_move in
 * data/schema/0012-claims.sql. */
static const guint moves[PALP_CLAIM_N_STATUSES] = {
  [PALP_CLAIM_DRAFT] = BIT (PALP_CLAIM_READY) | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_READY] = BIT (PALP_CLAIM_DRAFT) | BIT (PALP_CLAIM_SUBMITTED) | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_SUBMITTED] = BIT (PALP_CLAIM_PAID) | BIT (PALP_CLAIM_PARTIALLY_PAID)
                           | BIT (PALP_CLAIM_DENIED) | BIT (PALP_CLAIM_CLOSED)
                           | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_PAID] = BIT (PALP_CLAIM_CLOSED) | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_PARTIALLY_PAID] = BIT (PALP_CLAIM_PAID) | BIT (PALP_CLAIM_DENIED)
                                | BIT (PALP_CLAIM_APPEALED) | BIT (PALP_CLAIM_CLOSED)
                                | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_DENIED] = BIT (PALP_CLAIM_PAID) | BIT (PALP_CLAIM_PARTIALLY_PAID)
                        | BIT (PALP_CLAIM_APPEALED) | BIT (PALP_CLAIM_CLOSED)
                        | BIT (PALP_CLAIM_VOID),
  [PALP_CLAIM_APPEALED] = BIT (PALP_CLAIM_PAID) | BIT (PALP_CLAIM_PARTIALLY_PAID)
                          | BIT (PALP_CLAIM_DENIED) | BIT (PALP_CLAIM_CLOSED),
  [PALP_CLAIM_CLOSED] = 0,
  [PALP_CLAIM_VOID] = 0,
};

const char *
palp_claim_status_to_string (PalpClaimStatus status)
{
  g_return_val_if_fail (status < PALP_CLAIM_N_STATUSES, "draft");

  return statuses[status].key;
}

gboolean
palp_claim_status_from_string (const char       *text,
                               PalpClaimStatus  *out_status,
                               GError          **error)
{
  g_return_val_if_fail (out_status != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (text, statuses[i].key) == 0)
      {
        *out_status = (PalpClaimStatus) i;
        return TRUE;
      }
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               /* Translators: %s is what was typed; keep the quoted words as they are. */
               _("Unknown claim status “%s”: use draft, ready, submitted, paid, partially-paid, "
                 "denied, appealed, closed or void."),
               text ? text : "");
  return FALSE;
}

const char *
palp_claim_status_get_label (PalpClaimStatus status)
{
  g_return_val_if_fail (status < PALP_CLAIM_N_STATUSES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "claim status", statuses[status].label);
}

gboolean
palp_claim_status_can_move (PalpClaimStatus from,
                            PalpClaimStatus to)
{
  if (from >= PALP_CLAIM_N_STATUSES || to >= PALP_CLAIM_N_STATUSES)
    return FALSE;
  return (moves[from] & BIT (to)) != 0;
}

gboolean
palp_claim_status_check_move (PalpClaimStatus   from,
                              PalpClaimStatus   to,
                              GError          **error)
{
  if (palp_claim_status_can_move (from, to))
    return TRUE;
  if (from >= PALP_CLAIM_N_STATUSES || to >= PALP_CLAIM_N_STATUSES)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Unknown claim status."));
      return FALSE;
    }
  if (from == to)
    g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                 /* Translators: %s is a claim status, such as “Submitted”. */
                 _("The claim is %s already."), palp_claim_status_get_label (from));
  else
    g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                 /* Translators: both are claim statuses, such as “Draft” and “Paid”. */
                 _("A claim that is %s cannot become %s."),
                 palp_claim_status_get_label (from), palp_claim_status_get_label (to));
  return FALSE;
}

gboolean
palp_claim_status_is_editable (PalpClaimStatus status)
{
  return status == PALP_CLAIM_DRAFT || status == PALP_CLAIM_READY;
}

gboolean
palp_claim_status_is_open (PalpClaimStatus status)
{
  return status == PALP_CLAIM_SUBMITTED || status == PALP_CLAIM_PARTIALLY_PAID
         || status == PALP_CLAIM_DENIED || status == PALP_CLAIM_APPEALED;
}

PalpClaimStatus
palp_claim_status_for_payment (gint64 charge_cents,
                               gint64 paid_cents,
                               gint64 adjusted_cents)
{
  if (paid_cents <= 0)
    return PALP_CLAIM_DENIED;
  if (paid_cents + MAX (adjusted_cents, 0) >= charge_cents)
    return PALP_CLAIM_PAID;
  return PALP_CLAIM_PARTIALLY_PAID;
}

PalpClaimAgeBucket
palp_claim_age_bucket (gint64 days)
{
  if (days <= 30)
    return PALP_CLAIM_AGE_0_30;
  if (days <= 60)
    return PALP_CLAIM_AGE_31_60;
  if (days <= 90)
    return PALP_CLAIM_AGE_61_90;
  return PALP_CLAIM_AGE_OVER_90;
}

const char *
palp_claim_age_bucket_label (PalpClaimAgeBucket bucket)
{
  switch (bucket)
    {
    case PALP_CLAIM_AGE_0_30:
      return _("0–30 days");
    case PALP_CLAIM_AGE_31_60:
      return _("31–60 days");
    case PALP_CLAIM_AGE_61_90:
      return _("61–90 days");
    case PALP_CLAIM_AGE_OVER_90:
      return _("Over 90 days");
    default:
      g_return_val_if_reached (NULL);
    }
}
