/* palp-service-category.c: therapeutic, esthetic or other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-service-category.h"

static const struct
{
  const char *key;
  const char *series;
  const char *label;
} categories[PALP_SERVICE_CATEGORY_COUNT] = {
  [PALP_SERVICE_CATEGORY_THERAPEUTIC] = { "therapeutic", "T", N_("Therapeutic") },
  [PALP_SERVICE_CATEGORY_ESTHETIC]    = { "esthetic",    "E", N_("Esthetic") },
  [PALP_SERVICE_CATEGORY_OTHER]       = { "other",       "G", N_("Other") },
};

static gboolean
category_is_valid (PalpServiceCategory category)
{
  return (guint) category < PALP_SERVICE_CATEGORY_COUNT;
}

const char *
palp_service_category_to_key (PalpServiceCategory category)
{
  g_return_val_if_fail (category_is_valid (category), NULL);

  return categories[category].key;
}

gboolean
palp_service_category_from_key (const char           *key,
                                PalpServiceCategory  *out_category,
                                GError              **error)
{
  for (guint i = 0; i < PALP_SERVICE_CATEGORY_COUNT; i++)
    {
      if (g_strcmp0 (key, categories[i].key) == 0)
        {
          if (out_category != NULL)
            *out_category = (PalpServiceCategory) i;
          return TRUE;
        }
    }

  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not a service category. Use therapeutic, esthetic or other."),
               key != NULL ? key : "");
  return FALSE;
}

const char *
palp_service_category_series (PalpServiceCategory category)
{
  g_return_val_if_fail (category_is_valid (category), NULL);

  return categories[category].series;
}

gboolean
palp_service_category_from_series (const char          *series,
                                   PalpServiceCategory *out_category)
{
  for (guint i = 0; i < PALP_SERVICE_CATEGORY_COUNT; i++)
    {
      if (g_strcmp0 (series, categories[i].series) == 0)
        {
          if (out_category != NULL)
            *out_category = (PalpServiceCategory) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
palp_service_category_label (PalpServiceCategory category)
{
  g_return_val_if_fail (category_is_valid (category), NULL);

  return _(categories[category].label);
}

gboolean
palp_service_category_is_clinical (PalpServiceCategory category)
{
  return category == PALP_SERVICE_CATEGORY_THERAPEUTIC;
}
