/* palp-model-private.c: helpers shared by the model types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-model-private.h"

gboolean
palp_set_str (char       **slot,
              const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

void
palp_model_string_properties (GParamSpec **properties,
                              guint        first,
                              const char **names,
                              guint        n)
{
  for (guint i = 0; i < n; i++)
    properties[first + i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
}

void
palp_model_int_properties (GParamSpec **properties,
                           guint        first,
                           const char **names,
                           guint        n)
{
  for (guint i = 0; i < n; i++)
    properties[first + i] = g_param_spec_int64 (names[i], NULL, NULL, 0, G_MAXINT64, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
}

gboolean
palp_model_set_string (GObject      *object,
                       char        **slot,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  const char *text = g_value_get_string (value);

  /* Empty and unset are the same thing for a form field. */
  if (text != NULL && *text == '\0')
    text = NULL;
  if (!palp_set_str (slot, text))
    return FALSE;
  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
palp_model_free_strings (char **slots,
                         guint  n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&slots[i], g_free);
}
