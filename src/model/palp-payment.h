/* palp-payment.h: money received from (or refunded to) a client
 *
 * Properties: id, client-id, receipt-id (0: on account), amount-cents
 * (always positive), recorded-by; kind ("payment" or "refund"), method
 * ("cash", "card", "cheque", "e-transfer", "insurance", "hsa-fsa"),
 * received-at ("YYYY-MM-DD HH:MM:SS"), reference (a cheque or
 * authorisation number), note, receipt-number (read from the store).
 * Recorded payments never change: a mistake is corrected by a refund row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_PAYMENT (palp_payment_get_type ())

G_DECLARE_FINAL_TYPE (PalpPayment, palp_payment, PALP, PAYMENT, PalpRecord)

PalpPayment *palp_payment_new (void);

/* Fields by property name (palp-record.h). */
#define palp_payment_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_payment_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
