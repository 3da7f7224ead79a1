/* palp-model-private.h: helpers shared by the model types
 *
 * Most model properties are plain optional strings. These helpers give
 * them one behaviour everywhere: an empty string is no value, and notify
 * fires only on a real change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces *@slot with a copy of @value; TRUE when it changed. (GLib 2.76
 * has g_set_str; Debian 12 has 2.74.) */
gboolean palp_set_str                (char          **slot,
                                      const char     *value);

/* Creates properties[@first .. @first + @n) as read-write strings named
 * @names. */
void     palp_model_string_properties (GParamSpec    **properties,
                                       guint           first,
                                       const char    **names,
                                       guint           n);

/* Creates properties[@first .. @first + @n) as read-write gint64s (from 0)
 * named @names. */
void     palp_model_int_properties    (GParamSpec    **properties,
                                       guint           first,
                                       const char    **names,
                                       guint           n);

/* Stores @value (empty counts as unset) in @slot and notifies @pspec on
 * @object when it changed; TRUE when it changed. */
gboolean palp_model_set_string        (GObject        *object,
                                       char          **slot,
                                       const GValue   *value,
                                       GParamSpec     *pspec);

/* Frees @n string slots. */
void     palp_model_free_strings      (char          **slots,
                                       guint           n);

G_END_DECLS
