/* palp-referral.c: a prescription or referral for massage therapy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-referral.h"

struct _PalpReferral
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpReferral, palp_referral, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "created-by",
};

static const char *string_names[] = {
  "prescriber-name",
  "profession",
  "npi",
  "referred-on",
  "expires-on",
  "frequency",
  "duration",
  "regions",
  "note",
  "created-at",
  "diagnosis-ids",
};

static void
palp_referral_class_init (PalpReferralClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_referral_init (PalpReferral *self)
{
}

PalpReferral *
palp_referral_new (void)
{
  return g_object_new (PALP_TYPE_REFERRAL, NULL);
}
