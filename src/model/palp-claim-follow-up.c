/* palp-claim-follow-up.c: one contact with the payer about a claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-claim-follow-up.h"

struct _PalpClaimFollowUp
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpClaimFollowUp, palp_claim_follow_up, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "claim-id",
  "recorded-by",
  "client-id",
};

static const char *string_names[] = {
  "contacted-at",
  "representative",
  "reference",
  "said",
  "next-on",
  "recorded-at",
  "claim-number",
  "client-name",
  "payer-name",
};

static void
palp_claim_follow_up_class_init (PalpClaimFollowUpClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_claim_follow_up_init (PalpClaimFollowUp *self)
{
}

PalpClaimFollowUp *
palp_claim_follow_up_new (void)
{
  return g_object_new (PALP_TYPE_CLAIM_FOLLOW_UP, NULL);
}
