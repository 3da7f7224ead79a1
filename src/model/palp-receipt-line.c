/* palp-receipt-line.c: one service as printed on an issued receipt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-receipt-line.h"

struct _PalpReceiptLine
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpReceiptLine, palp_receipt_line, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "receipt-id",
  "visit-line-id",
  "visit-id",
  "minutes",
  "quantity",
  "price-cents",
  "amount-cents",
};

static const char *string_names[] = {
  "category",
  "service-date",
  "description",
  "code",
};

static void
palp_receipt_line_class_init (PalpReceiptLineClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_receipt_line_init (PalpReceiptLine *self)
{
}

PalpReceiptLine *
palp_receipt_line_new (void)
{
  return g_object_new (PALP_TYPE_RECEIPT_LINE, NULL);
}
