/* fuzz-svg-path.c: libFuzzer entry point for the atlas's path reader
 *
 * Reads the input as path data, then, if it was read, flattens it, hit
 * tests it, draws it with cairo, and loads it as the outline of a one-view
 * SVG. Built with clang's -fsanitize=fuzzer when fuzzing is on; the same
 * function replays the corpus in the ordinary test run (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "palp-atlas.h"
#include "palp-svg-path.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (const PalpSvgPath *path)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 32, 32);
  cairo_t *cr = cairo_create (surface);
  double x1, y1, x2, y2;

  palp_svg_path_flatten (path, 0.05, points, starts);
  palp_svg_path_get_extents (path, &x1, &y1, &x2, &y2);
  for (guint i = 0; i < 8; i++)
    palp_svg_path_polygon_contains ((double *) points->data, points->len / 2,
                                    (guint *) starts->data, starts->len,
                                    x1 + (x2 - x1) * i / 7.0, (y1 + y2) / 2);

  /* Keep cairo's work bounded whatever the coordinates. */
  if (x2 - x1 < 1e4 && y2 - y1 < 1e4)
    {
      cairo_translate (cr, -x1, -y1);
      palp_svg_path_append (path, cr);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PalpSvgPath) path = NULL;
  g_autoptr(GError) error = NULL;

  path = palp_svg_path_parse ((const char *) data, size, &error);
  g_assert ((path == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert (error->domain == PALP_ATLAS_ERROR);
      g_assert (error->code == PALP_ATLAS_ERROR_PATH || error->code == PALP_ATLAS_ERROR_LIMIT);
      g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      exercise (path);
    }

  /* The same bytes as the d= of a drawing's outline, through GMarkup. */
  if (size < 64 * 1024)
    {
      GBytes *views[PALP_VIEW_COUNT] = { NULL };
      g_autoptr(GString) svg = g_string_new ("<svg viewBox=\"0 0 100 100\"><g id=\"outline\"><path d=\"");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) svg_error = NULL;
      g_autoptr(PalpAtlas) atlas = NULL;

      g_string_append_len (svg, (const char *) data, size);
      g_string_append (svg, "\"/></g></svg>");
      bytes = g_bytes_new (svg->str, svg->len);
      views[PALP_VIEW_BODY_ANTERIOR] = bytes;
      atlas = palp_atlas_new_from_svg (views, &svg_error);
      g_assert ((atlas == NULL) == (svg_error != NULL));
      g_assert (svg_error == NULL || svg_error->domain == PALP_ATLAS_ERROR);
    }

  return 0;
}
