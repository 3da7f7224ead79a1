/* palp-receipt-line.h: one service as printed on an issued receipt
 *
 * Properties: id, receipt-id, visit-line-id, visit-id, minutes, quantity,
 * price-cents, amount-cents; category, service-date (ISO), description (as
 * printed: "Massage therapy" on a therapeutic receipt), code (CPT number,
 * therapeutic only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_RECEIPT_LINE (palp_receipt_line_get_type ())

G_DECLARE_FINAL_TYPE (PalpReceiptLine, palp_receipt_line, PALP, RECEIPT_LINE, PalpRecord)

PalpReceiptLine *palp_receipt_line_new (void);

/* Fields by property name (palp-record.h). */
#define palp_receipt_line_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_receipt_line_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
