/* palp-payer.c: a payer: a health plan, an insurer, an administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-payer.h"

struct _PalpPayer
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPayer, palp_payer, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "referral-required",
  "preauth-required",
  "in-network",
  "active",
};

static const char *string_names[] = {
  "name",
  "kind",
  "electronic-id",
  "address",
  "phone",
  "unit-rule",
  "note",
};

static void
palp_payer_class_init (PalpPayerClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_payer_init (PalpPayer *self)
{
}

PalpPayer *
palp_payer_new (void)
{
  return g_object_new (PALP_TYPE_PAYER, NULL);
}
