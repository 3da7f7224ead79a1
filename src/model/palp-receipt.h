/* palp-receipt.h: an issued receipt (issued receipts never change)
 *
 * Properties: id, client-id, practitioner-id, issued-by, year, seq,
 * subtotal-cents, tax-cents, total-cents (integer cents), replaces-id (the
 * voided receipt this one corrects, 0 if none), voided (0/1), voided-by,
 * paid-cents (payments less refunds, including those recorded against the
 * receipts it replaces), balance-cents (what the client still owes on it:
 * 0 once voided); number ("T-2026-000124"), series ("T", "E", "G"),
 * category, issued-at, void-reason, voided-at, sha256 (of the PDF issued),
 * replaces-number, replaced-by-number, client-name and practitioner-name
 * (for lists), voided-by-name (who voided it, as printed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_RECEIPT (palp_receipt_get_type ())

G_DECLARE_FINAL_TYPE (PalpReceipt, palp_receipt, PALP, RECEIPT, PalpRecord)

PalpReceipt *palp_receipt_new (void);

/* Fields by property name (palp-record.h). */
#define palp_receipt_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_receipt_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
