/* palp-signature-pad.h: a small pad a practitioner signs on, once
 *
 * Strokes drawn with a mouse, a pen or a finger are kept as points and
 * exported as a PNG with a transparent background, cropped to the ink, for
 * receipts and signed notes to print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PALP_TYPE_SIGNATURE_PAD (palp_signature_pad_get_type ())

G_DECLARE_FINAL_TYPE (PalpSignaturePad, palp_signature_pad, PALP, SIGNATURE_PAD, GtkWidget)

GtkWidget *palp_signature_pad_new        (void);
gboolean   palp_signature_pad_is_empty   (PalpSignaturePad *self);
void       palp_signature_pad_clear      (PalpSignaturePad *self);
/* Adds a stroke through @n_points points (x, y pairs in widget
 * coordinates): what a drag does, for scripted input. */
void       palp_signature_pad_add_stroke (PalpSignaturePad *self,
                                          const double     *xy,
                                          guint             n_points);
/* The ink as a PNG (dark ink, transparent background, cropped with a small
 * margin, at twice the widget's scale); NULL when nothing is drawn. */
GBytes    *palp_signature_pad_to_png     (PalpSignaturePad *self);
/* The strokes as vectors, for a consent: a JSON array of strokes, each an
 * array of [x, y] points in widget units (one decimal), e.g.
 * [[[12.0,40.5],[13.5,38.0]],[[60.0,30.0]]]; NULL when nothing is drawn. */
char      *palp_signature_pad_to_json    (PalpSignaturePad *self);

G_END_DECLS
