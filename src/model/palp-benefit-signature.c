/* palp-benefit-signature.c: a signed assignment of benefits or release of information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-benefit-signature.h"

struct _PalpBenefitSignature
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpBenefitSignature, palp_benefit_signature, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "policy-id",
  "attested",
  "recorded-by",
};

static const char *string_names[] = {
  "kind",
  "signed-by-name",
  "signature",
  "typed-name",
  "signed-on",
  "recorded-at",
};

static void
palp_benefit_signature_class_init (PalpBenefitSignatureClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_benefit_signature_init (PalpBenefitSignature *self)
{
}

PalpBenefitSignature *
palp_benefit_signature_new (void)
{
  return g_object_new (PALP_TYPE_BENEFIT_SIGNATURE, NULL);
}
