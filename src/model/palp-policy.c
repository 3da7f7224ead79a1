/* palp-policy.c: a client's insurance policy with one payer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-policy.h"

struct _PalpPolicy
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpPolicy, palp_policy, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "client-id",
  "payer-id",
  "benefit-year-start",
  "visit-limit",
  "annual-max-cents",
  "plan-percent",
  "per-visit-cap-cents",
  "prior-visits",
  "prior-paid-cents",
  "active",
};

static const char *string_names[] = {
  "member-id",
  "group-number",
  "relationship",
  "insured-name",
  "insured-birth-date",
  "priority",
  "starts-on",
  "ends-on",
  "visit-counting",
  "prior-on",
  "deductible-note",
  "copay-note",
  "claim-number",
  "injury-date",
  "injury-state",
  "employer",
  "adjuster",
  "created-at",
  "payer-name",
  "payer-kind",
};

static void
palp_policy_class_init (PalpPolicyClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_policy_init (PalpPolicy *self)
{
}

PalpPolicy *
palp_policy_new (void)
{
  return g_object_new (PALP_TYPE_POLICY, NULL);
}
