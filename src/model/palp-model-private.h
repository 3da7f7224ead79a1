/* palp-model-private.h: helpers shared by the model types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces *@slot with a copy of @value; TRUE when it changed, so callers
 * notify only on a real change. (GLib 2.76 has g_set_str; Debian 12 has
 * 2.74.) */
static inline gboolean
palp_set_str (char       **slot,
              const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

G_END_DECLS
