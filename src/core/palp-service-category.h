/* palp-service-category.h: therapeutic, esthetic or other
 *
 * A service's category is fixed when it is created and decides everything
 * about its paper: the receipt series, whether credentials, codes and a
 * diagnosis may appear, and whether a third party may ever pay for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order is the order receipts are issued and listed in. */
typedef enum
{
  PALP_SERVICE_CATEGORY_THERAPEUTIC,
  PALP_SERVICE_CATEGORY_ESTHETIC,
  PALP_SERVICE_CATEGORY_OTHER,
} PalpServiceCategory;

#define PALP_SERVICE_CATEGORY_COUNT 3

/* Stable keys for the database, the archive and the CLI:
 * "therapeutic", "esthetic", "other". */
const char  *palp_service_category_to_key     (PalpServiceCategory  category);
gboolean     palp_service_category_from_key   (const char          *key,
                                               PalpServiceCategory *out_category,
                                               GError             **error);
/* Receipt series letter: "T", "E" or "G". */
const char  *palp_service_category_series     (PalpServiceCategory  category);
gboolean     palp_service_category_from_series (const char         *series,
                                                PalpServiceCategory *out_category);
/* Translated name for people: "Therapeutic", "Esthetic", "Other". */
const char  *palp_service_category_label      (PalpServiceCategory  category);
/* Only therapeutic work may show credentials, codes and diagnoses, and
 * only it may be billed to a third party. */
gboolean     palp_service_category_is_clinical (PalpServiceCategory category);

G_END_DECLS
