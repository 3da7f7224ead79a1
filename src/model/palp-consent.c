/* palp-consent.c: a client's informed consent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-consent.h"

struct _PalpConsent
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpConsent, palp_consent, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "plan-id",
  "attested",
  "recorded-by",
  "revoked-by",
};

static const char *string_names[] = {
  "kind",
  "explained",
  "questions",
  "signed-by-name",
  "signature",
  "typed-name",
  "signed-at",
  "revoked-at",
  "revoke-reason",
};

static void
palp_consent_class_init (PalpConsentClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_consent_init (PalpConsent *self)
{
}

PalpConsent *
palp_consent_new (void)
{
  return g_object_new (PALP_TYPE_CONSENT, NULL);
}
