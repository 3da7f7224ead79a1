/* palp-payer-fee.h: one row of a payer's fee schedule
 *
 * Properties: payer-id, unit-price-cents (per unit); code (CPT number).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_PAYER_FEE (palp_payer_fee_get_type ())

G_DECLARE_FINAL_TYPE (PalpPayerFee, palp_payer_fee, PALP, PAYER_FEE, PalpRecord)

PalpPayerFee *palp_payer_fee_new (void);

/* Fields by property name (palp-record.h). */
#define palp_payer_fee_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_payer_fee_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
