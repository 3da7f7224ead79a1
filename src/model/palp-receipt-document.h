/* palp-receipt-document.h: everything one receipt prints, loaded
 *
 * The store loads it (palp_store_load_receipt_document) and the document
 * layer draws it (palp_doc_receipt_render), so src/docs never reads the
 * database. For a receipt being issued it is loaded inside the issuing
 * transaction, and the PDF drawn from it is stored with the receipt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-clinic.h"
#include "palp-client.h"
#include "palp-licence.h"
#include "palp-payment.h"
#include "palp-receipt.h"
#include "palp-receipt-line.h"
#include "palp-receipt-tax.h"
#include "palp-user.h"

G_BEGIN_DECLS

typedef struct
{
  PalpClinic   *clinic;
  PalpClient   *client;
  PalpUser     *practitioner;
  /* The licence current on the issue date (therapeutic receipts only;
   * NULL otherwise: an esthetic receipt never shows one). */
  PalpLicence  *licence;
  PalpReceipt  *receipt;
  GListModel   *lines;     /* PalpReceiptLine, in visit order */
  GListModel   *taxes;     /* PalpReceiptTax, one per component */
  /* Payments and refunds recorded against the receipt, oldest first; at
   * issue, those taken at checkout in the same transaction. */
  GListModel   *payments;  /* PalpPayment */
} PalpReceiptDocument;

PalpReceiptDocument *palp_receipt_document_new  (void);
void                 palp_receipt_document_free (PalpReceiptDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpReceiptDocument, palp_receipt_document_free)

G_END_DECLS
