/* palp-receipt-tax.c: one tax component of an issued receipt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-receipt-tax.h"

struct _PalpReceiptTax
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpReceiptTax, palp_receipt_tax, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "receipt-id",
  "rate-ppm",
  "base-cents",
  "amount-cents",
  "voided",
};

static const char *string_names[] = {
  "name",
  "registration",
  "receipt-number",
  "issued-at",
};

static void
palp_receipt_tax_class_init (PalpReceiptTaxClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_receipt_tax_init (PalpReceiptTax *self)
{
}

PalpReceiptTax *
palp_receipt_tax_new (void)
{
  return g_object_new (PALP_TYPE_RECEIPT_TAX, NULL);
}
