/* palp-payer-fee.c: one row of a payer's fee schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-payer-fee.h"

struct _PalpPayerFee
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPayerFee, palp_payer_fee, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "payer-id",
  "unit-price-cents",
};

static const char *string_names[] = {
  "code",
};

static void
palp_payer_fee_class_init (PalpPayerFeeClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_payer_fee_init (PalpPayerFee *self)
{
}

PalpPayerFee *
palp_payer_fee_new (void)
{
  return g_object_new (PALP_TYPE_PAYER_FEE, NULL);
}
