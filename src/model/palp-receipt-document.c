/* palp-receipt-document.c: everything one receipt prints, loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-receipt-document.h"

PalpReceiptDocument *
palp_receipt_document_new (void)
{
  return g_new0 (PalpReceiptDocument, 1);
}

void
palp_receipt_document_free (PalpReceiptDocument *document)
{
  if (document == NULL)
    return;
  g_clear_object (&document->clinic);
  g_clear_object (&document->client);
  g_clear_object (&document->practitioner);
  g_clear_object (&document->licence);
  g_clear_object (&document->receipt);
  g_clear_object (&document->lines);
  g_clear_object (&document->taxes);
  g_clear_object (&document->payments);
  g_free (document);
}
