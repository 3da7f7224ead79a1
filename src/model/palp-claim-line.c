/* palp-claim-line.c: one service line of a claim: a code on a date of service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-claim-line.h"

struct _PalpClaimLine
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpClaimLine, palp_claim_line, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "id",
  "claim-id",
  "position",
  "visit-id",
  "visit-line-id",
  "units",
  "minutes",
  "unit-price-cents",
  "charge-cents",
  "paid-cents",
  "adjusted-cents",
};

static const char *string_names[] = {
  "service-on",
  "code",
  "modifiers",
  "pointers",
};

static void
palp_claim_line_class_init (PalpClaimLineClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_claim_line_init (PalpClaimLine *self)
{
}

PalpClaimLine *
palp_claim_line_new (void)
{
  return g_object_new (PALP_TYPE_CLAIM_LINE, NULL);
}
