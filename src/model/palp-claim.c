/* palp-claim.c: an insurance claim: one client's visits billed to one policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-claim.h"

struct _PalpClaim
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpClaim, palp_claim, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "policy-id",
  "payer-id",
  "rendering-id",
  "authorisation-id",
  "original-claim-id",
  "charge-cents",
  "paid-cents",
  "adjusted-cents",
  "created-by",
  "n-lines",
};

static const char *string_names[] = {
  "number",
  "status",
  "place-of-service",
  "referring-name",
  "referring-npi",
  "authorisation-number",
  "resubmission-code",
  "original-reference",
  "first-service-on",
  "last-service-on",
  "submitted-on",
  "submitted-method",
  "payer-reference",
  "responded-on",
  "denial-reason",
  "appeal-deadline",
  "appealed-on",
  "note",
  "created-at",
  "updated-at",
  "client-name",
  "payer-name",
  "diagnosis-codes",
  "follow-up-on",
};

static void
palp_claim_class_init (PalpClaimClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_claim_init (PalpClaim *self)
{
}

PalpClaim *
palp_claim_new (void)
{
  return g_object_new (PALP_TYPE_CLAIM, NULL);
}
