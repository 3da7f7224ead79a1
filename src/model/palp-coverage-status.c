/* palp-coverage-status.c: what one of a client's policies still covers on a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-coverage-status.h"

struct _PalpCoverageStatus
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpCoverageStatus, palp_coverage_status, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "policy-id",
  "payer-id",
  "has-visit-limit",
  "visit-limit",
  "visits-used",
  "visits-left",
  "has-annual-max",
  "annual-max-cents",
  "paid-cents",
  "dollars-left-cents",
  "authorisations",
  "authorised-left",
  "referral-required",
  "preauth-required",
  "referral-valid",
};

static const char *string_names[] = {
  "payer-name",
  "payer-kind",
  "priority",
  "year-first",
  "year-last",
  "authorisation-number",
  "authorisation-ends-on",
  "authorisation-unit",
  "referral-expires-on",
};

static void
palp_coverage_status_class_init (PalpCoverageStatusClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_coverage_status_init (PalpCoverageStatus *self)
{
}

PalpCoverageStatus *
palp_coverage_status_new (void)
{
  return g_object_new (PALP_TYPE_COVERAGE_STATUS, NULL);
}
