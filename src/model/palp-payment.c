/* palp-payment.c: money received from (or refunded to) a client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-payment.h"

struct _PalpPayment
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPayment, palp_payment, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "receipt-id",
  "amount-cents",
  "recorded-by",
};

static const char *string_names[] = {
  "kind",
  "method",
  "received-at",
  "reference",
  "note",
  "receipt-number",
};

static void
palp_payment_class_init (PalpPaymentClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_payment_init (PalpPayment *self)
{
}

PalpPayment *
palp_payment_new (void)
{
  return g_object_new (PALP_TYPE_PAYMENT, NULL);
}
