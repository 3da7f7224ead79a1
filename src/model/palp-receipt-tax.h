/* palp-receipt-tax.h: one tax component of an issued receipt
 *
 * Properties: id, receipt-id, rate-ppm (parts per million: 50000 is 5%),
 * base-cents, amount-cents; name ("GST", "HST", "Sales tax"), registration
 * (the clinic's number for that tax, if any); and read from the store for
 * reports: voided (0/1), receipt-number, issued-at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_RECEIPT_TAX (palp_receipt_tax_get_type ())

G_DECLARE_FINAL_TYPE (PalpReceiptTax, palp_receipt_tax, PALP, RECEIPT_TAX, PalpRecord)

PalpReceiptTax *palp_receipt_tax_new (void);

/* Fields by property name (palp-record.h). */
#define palp_receipt_tax_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_receipt_tax_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
