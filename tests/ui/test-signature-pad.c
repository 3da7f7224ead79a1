/* test-signature-pad.c: the signature pad's strokes and their PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gtk/gtk.h>

#include "palp-signature-pad.h"

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL)
           ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

/* Pixels with any ink in them. */
static guint
inked_pixels (GBytes *png,
              int    *out_width,
              int    *out_height)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes, stream);
  const guchar *data;
  guint inked = 0;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *out_width = cairo_image_surface_get_width (surface);
  *out_height = cairo_image_surface_get_height (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < *out_height; y++)
    for (int x = 0; x < *out_width; x++)
      if (((const guint32 *) (gconstpointer) (data + y * stride))[x] >> 24 != 0)
        inked++;
  cairo_surface_destroy (surface);
  return inked;
}

static void
test_strokes_to_png (void)
{
  GtkWidget *pad = palp_signature_pad_new ();
  PalpSignaturePad *self = PALP_SIGNATURE_PAD (pad);
  const double loop[] = { 20, 80, 40, 40, 60, 90, 80, 30, 120, 85 };
  const double dot[] = { 150, 60 };
  g_autoptr(GBytes) png = NULL;
  int width, height;
  gboolean empty;

  g_object_ref_sink (pad);
  g_assert_true (palp_signature_pad_is_empty (self));
  g_assert_null (palp_signature_pad_to_png (self));

  palp_signature_pad_add_stroke (self, loop, G_N_ELEMENTS (loop) / 2);
  palp_signature_pad_add_stroke (self, dot, 1);
  g_object_get (pad, "empty", &empty, NULL);
  g_assert_false (empty);

  png = palp_signature_pad_to_png (self);
  g_assert_nonnull (png);
  g_assert_true (memcmp (g_bytes_get_data (png, NULL), "\x89PNG", 4) == 0);
  g_assert_cmpuint (inked_pixels (png, &width, &height), >, 100);
  /* Cropped to the ink (x 20..150, y 30..90) with a margin, at twice the
   * scale: not the whole pad. */
  g_assert_cmpint (width, >=, 2 * 130);
  g_assert_cmpint (width, <=, 2 * 130 + 2 * 2 * 10);
  g_assert_cmpint (height, >=, 2 * 60);
  g_assert_cmpint (height, <=, 2 * 60 + 2 * 2 * 10);

  palp_signature_pad_clear (self);
  g_assert_true (palp_signature_pad_is_empty (self));
  g_assert_null (palp_signature_pad_to_png (self));
  g_object_unref (pad);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signature-pad/strokes-to-png", test_strokes_to_png);

  return g_test_run ();
}
