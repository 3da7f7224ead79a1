/* palp-receipt.c: an issued receipt (issued receipts never change)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-receipt.h"

struct _PalpReceipt
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpReceipt, palp_receipt, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "practitioner-id",
  "issued-by",
  "year",
  "seq",
  "subtotal-cents",
  "tax-cents",
  "total-cents",
  "replaces-id",
  "voided",
  "voided-by",
  "paid-cents",
  "balance-cents",
};

static const char *string_names[] = {
  "number",
  "series",
  "category",
  "issued-at",
  "void-reason",
  "voided-at",
  "sha256",
  "replaces-number",
  "replaced-by-number",
  "client-name",
  "practitioner-name",
  "voided-by-name",
};

static void
palp_receipt_class_init (PalpReceiptClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_receipt_init (PalpReceipt *self)
{
}

PalpReceipt *
palp_receipt_new (void)
{
  return g_object_new (PALP_TYPE_RECEIPT, NULL);
}
