/* test-progress-plot.c: a goal's progress plot, drawn and read back
 *
 * The points are found in the pixels: the accent colour is pure red and
 * only the points are discs of it (the target line in red is one unit
 * thick), so each blob of solid red is one reading. Words are read back
 * from a PDF with poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <poppler.h>
#include <cairo-pdf.h>
#include <unistd.h>

#include "palp-progress-plot.h"

#define W 480
#define H 260

typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

typedef struct
{
  double x, y;
  guint  n;
} Blob;

static void
test_style (PalpPlotStyle *style)
{
  palp_plot_style_init_print (style);
  style->accent[0] = 1.0;
  style->accent[1] = 0.0;
  style->accent[2] = 0.0;
  style->accent[3] = 1.0;
}

static cairo_surface_t *
draw_png (const PalpProgressPlot *plot)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  PalpPlotStyle style;
  const char *shots = g_getenv ("PALPATE_TEST_SHOTS");

  test_style (&style);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  palp_progress_plot_draw (cr, plot, &style, 0, 0, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (shots != NULL)
    {
      static guint count;
      g_autofree char *name = g_strdup_printf ("progress-plot-%u.png", ++count);
      g_autofree char *path = g_build_filename (shots, name, NULL);

      g_mkdir_with_parents (shots, 0755);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  return surface;
}

static gboolean
is_red (const guint8 *data,
        int           stride,
        int           x,
        int           y)
{
  guint32 pixel;
  guint r, g, b;

  if (x < 0 || y < 0 || x >= W || y >= H)
    return FALSE;
  pixel = *(const guint32 *) (data + y * stride + x * 4);
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  return r > 200 && g < 60 && b < 60;
}

/* Centres of the solid red discs (every pixel of a 3×3 square red), left to right. */
static GArray *
find_points (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  GArray *blobs = g_array_new (FALSE, TRUE, sizeof (Blob));

  for (int x = 0; x < W; x++)
    for (int y = 0; y < H; y++)
      {
        gboolean solid = TRUE;
        Blob *found = NULL;

        for (int dx = -1; dx <= 1 && solid; dx++)
          for (int dy = -1; dy <= 1 && solid; dy++)
            solid = is_red (data, stride, x + dx, y + dy);
        if (!solid)
          continue;
        for (guint i = 0; i < blobs->len; i++)
          {
            Blob *blob = &g_array_index (blobs, Blob, i);

            if (fabs (blob->x / blob->n - x) < 6 && fabs (blob->y / blob->n - y) < 6)
              found = blob;
          }
        if (found == NULL)
          {
            Blob blob = { 0 };

            g_array_append_val (blobs, blob);
            found = &g_array_index (blobs, Blob, blobs->len - 1);
          }
        found->x += x;
        found->y += y;
        found->n++;
      }
  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *blob = &g_array_index (blobs, Blob, i);

      blob->x /= blob->n;
      blob->y /= blob->n;
    }
  return blobs;
}

static void
check_points (const PalpProgressPlot *plot,
              guint                   expected,
              gboolean                rising)
{
  cairo_surface_t *surface = draw_png (plot);
  g_autoptr(GArray) blobs = find_points (surface);

  g_assert_cmpuint (blobs->len, ==, expected);
  for (guint i = 1; i < blobs->len; i++)
    {
      Blob *before = &g_array_index (blobs, Blob, i - 1);
      Blob *after = &g_array_index (blobs, Blob, i);

      g_assert_cmpfloat (after->x, >, before->x + 10);
      /* Better is up: a rising series improves, whichever way is better. */
      if (rising)
        g_assert_cmpfloat (after->y, <, before->y - 2);
      else
        g_assert_cmpfloat (after->y, >, before->y + 2);
    }
  cairo_surface_destroy (surface);
}

static const PalpPlotPoint pain_points[] = {
  { 2, "2024-05-07", 6 },
  { 3, "2024-05-14", 5 },
  { 4, "2024-05-21", 3 },
};

static const PalpPlotPoint flexion_points[] = {
  { 1, "2024-05-01", 120 },
  { 2, "2024-05-08", 128 },
  { 3, "2024-05-15", 140 },
};

static void
test_better_is_up (void)
{
  PalpProgressPlot pain = {
    .title = "Neck pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
    .baseline = 7, .target = 2, .min = 0, .max = 10,
    .points = pain_points, .n_points = G_N_ELEMENTS (pain_points),
  };
  PalpProgressPlot flexion = {
    .title = "Shoulder flexion", .unit = "°", .direction = PALP_DIRECTION_HIGHER_IS_BETTER,
    .baseline = 120, .target = 150, .min = 0, .max = 180,
    .points = flexion_points, .n_points = G_N_ELEMENTS (flexion_points),
  };

  /* Pain falling and flexion growing both climb on the page. */
  check_points (&pain, 3, TRUE);
  check_points (&flexion, 3, TRUE);

  /* The same readings under the other direction are getting worse: down. */
  pain.direction = PALP_DIRECTION_HIGHER_IS_BETTER;
  pain.target = 9;
  check_points (&pain, 3, FALSE);
  flexion.direction = PALP_DIRECTION_LOWER_IS_BETTER;
  flexion.target = 100;
  check_points (&flexion, 3, FALSE);
}

static void
test_levels (void)
{
  /* The points sit where their values say: a reading equal to the target
   * is drawn on the target's level, one equal to the baseline on the
   * baseline's, for a fitted custom scale too. */
  static const PalpPlotPoint points[] = {
    { 1, NULL, 30 }, { 2, NULL, 38 }, { 3, NULL, 46 },
  };
  PalpProgressPlot opening = {
    .title = "Mouth opening", .unit = "mm", .direction = PALP_DIRECTION_HIGHER_IS_BETTER,
    .baseline = 30, .target = 46, .min = -INFINITY, .max = INFINITY,
    .points = points, .n_points = G_N_ELEMENTS (points),
  };
  cairo_surface_t *surface = draw_png (&opening);
  g_autoptr(GArray) blobs = find_points (surface);
  Blob *first, *middle, *last;

  g_assert_cmpuint (blobs->len, ==, 3);
  first = &g_array_index (blobs, Blob, 0);
  middle = &g_array_index (blobs, Blob, 1);
  last = &g_array_index (blobs, Blob, 2);
  /* Equal steps in value are equal steps on the page. */
  g_assert_cmpfloat (fabs ((first->y - middle->y) - (middle->y - last->y)), <, 1.5);
  g_assert_cmpfloat (fabs ((middle->x - first->x) - (last->x - middle->x)), <, 1.5);
  /* The points stay inside the drawing. */
  g_assert_cmpfloat (last->y, >, 0);
  g_assert_cmpfloat (first->y, <, H);
  cairo_surface_destroy (surface);
}

static void
test_nan_skipped (void)
{
  static const PalpPlotPoint points[] = {
    { 1, "2024-05-01", 7 }, { 2, "2024-05-08", NAN }, { 3, "2024-05-15", INFINITY },
    { 4, "2024-05-22", 4 },
  };
  PalpProgressPlot pain = {
    .title = "Pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
    .baseline = 7, .target = 2, .min = 0, .max = 10,
    .points = points, .n_points = G_N_ELEMENTS (points),
  };
  g_autofree char *text = NULL;

  check_points (&pain, 2, TRUE);

  /* The latest reading is the last real one. */
  text = palp_progress_plot_describe (&pain);
  g_assert_cmpstr (text, ==,
                   "Pain: baseline 7/10, latest 4/10 at visit 4, target 2/10; improved by 3 points");
}

static void
test_empty (void)
{
  PalpProgressPlot pain = {
    .title = "Pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
    .baseline = 7, .target = 2, .min = 0, .max = 10,
  };
  cairo_surface_t *surface;
  g_autoptr(GArray) blobs = NULL;
  g_autofree char *text = NULL;

  surface = draw_png (&pain);
  blobs = find_points (surface);
  g_assert_cmpuint (blobs->len, ==, 0);
  cairo_surface_destroy (surface);

  text = palp_progress_plot_describe (&pain);
  g_assert_cmpstr (text, ==, "Pain: baseline 7/10, target 2/10; no measurements yet");

  /* Too small to draw anything: still no crash, nothing drawn. */
  {
    cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
    cairo_t *cr = cairo_create (tiny);

    palp_progress_plot_draw (cr, &pain, NULL, 0, 0, 10, 10);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (tiny);
  }
}

static void
test_describe (void)
{
  static const PalpPlotPoint worse[] = { { 2, NULL, 110 } };
  static const PalpPlotPoint same[] = { { 2, NULL, 20 } };
  PalpProgressPlot flexion = {
    .title = "Shoulder flexion", .unit = "°", .direction = PALP_DIRECTION_HIGHER_IS_BETTER,
    .baseline = 120, .target = 150, .min = 0, .max = 180,
    .points = flexion_points, .n_points = G_N_ELEMENTS (flexion_points),
  };
  PalpProgressPlot ndi = {
    .title = NULL, .unit = "/50", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
    .baseline = 20, .target = 10, .min = 0, .max = 50,
    .points = same, .n_points = 1, .plateau = TRUE, .plateau_visits = 3,
  };
  PalpProgressPlot opening = {
    .title = "Opening", .unit = "mm", .direction = PALP_DIRECTION_HIGHER_IS_BETTER,
    .baseline = 32.5, .target = 45, .min = 0, .max = 80,
    .points = NULL, .n_points = 0,
  };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  a = palp_progress_plot_describe (&flexion);
  g_assert_cmpstr (a, ==,
                   "Shoulder flexion: baseline 120°, latest 140° at visit 3, target 150°; "
                   "improved by 20°");
  flexion.points = worse;
  flexion.n_points = 1;
  b = palp_progress_plot_describe (&flexion);
  g_assert_cmpstr (b, ==,
                   "Shoulder flexion: baseline 120°, latest 110° at visit 2, target 150°; "
                   "worse by 10°");
  c = palp_progress_plot_describe (&ndi);
  g_assert_cmpstr (c, ==,
                   "Goal: baseline 20/50, latest 20/50 at visit 2, target 10/50; no change; "
                   "no important change over the last 3 visits");
  d = palp_progress_plot_describe (&opening);
  g_assert_cmpstr (d, ==, "Opening: baseline 32.5 mm, target 45 mm; no measurements yet");
}

static void
test_plateau_shading (void)
{
  static const PalpPlotPoint points[] = {
    { 1, NULL, 7 }, { 2, NULL, 5 }, { 3, NULL, 5 }, { 4, NULL, 5 }, { 5, NULL, 5 },
  };
  PalpProgressPlot pain = {
    .title = "Pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
    .baseline = 7, .target = 2, .min = 0, .max = 10,
    .points = points, .n_points = G_N_ELEMENTS (points),
  };
  cairo_surface_t *plain, *shaded;
  g_autoptr(GArray) blobs = NULL;
  const guint8 *a, *b;
  int stride;
  guint changed_left = 0, changed_right = 0;
  double split;

  plain = draw_png (&pain);
  blobs = find_points (plain);
  g_assert_cmpuint (blobs->len, ==, 5);
  /* The shading starts between the second and third visits. */
  split = (g_array_index (blobs, Blob, 1).x + g_array_index (blobs, Blob, 2).x) / 2.0;

  pain.plateau = TRUE;
  pain.plateau_visits = 3;
  shaded = draw_png (&pain);
  a = cairo_image_surface_get_data (plain);
  b = cairo_image_surface_get_data (shaded);
  stride = cairo_image_surface_get_stride (plain);
  for (int y = H / 4; y < H / 2; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 pa = *(const guint32 *) (a + y * stride + x * 4);
        guint32 pb = *(const guint32 *) (b + y * stride + x * 4);

        if (pa == pb)
          continue;
        if (x < split - 4)
          changed_left++;
        else if (x > split + 4)
          changed_right++;
      }
  g_assert_cmpuint (changed_left, ==, 0);
  g_assert_cmpuint (changed_right, >, 500);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (shaded);
}

/* On paper: the levels are labelled at the right, the target above the
 * baseline in both directions, and an empty plot says so. */
static void
test_pdf (void)
{
  PalpProgressPlot plots[] = {
    {
      .title = "Neck pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
      .baseline = 7, .target = 2, .min = 0, .max = 10,
      .points = pain_points, .n_points = G_N_ELEMENTS (pain_points),
    },
    {
      .title = "Shoulder flexion", .unit = "°", .direction = PALP_DIRECTION_HIGHER_IS_BETTER,
      .baseline = 120, .target = 150, .min = 0, .max = 180,
      .points = flexion_points, .n_points = G_N_ELEMENTS (flexion_points),
    },
    {
      .title = "Pain", .unit = "/10", .direction = PALP_DIRECTION_LOWER_IS_BETTER,
      .baseline = 6, .target = 3, .min = 0, .max = 10,
    },
  };
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int fd;

  fd = g_file_open_tmp ("palpate-plot-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  surface = cairo_pdf_surface_create (path, 300, 200 * G_N_ELEMENTS (plots));
  cr = cairo_create (surface);
  for (guint i = 0; i < G_N_ELEMENTS (plots); i++)
    palp_progress_plot_draw (cr, &plots[i], NULL, 10, 10 + 200 * i, 280, 180);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  {
    g_autoptr(TestPage) page = poppler_document_get_page (pdf, 0);
    g_autofree char *text = poppler_page_get_text (page);
    double page_height;

    poppler_page_get_size (page, NULL, &page_height);
    g_assert_nonnull (strstr (text, "Neck pain"));
    g_assert_nonnull (strstr (text, "Shoulder flexion"));
    g_assert_nonnull (strstr (text, "Baseline 7"));
    g_assert_nonnull (strstr (text, "Target 150"));
    g_assert_nonnull (strstr (text, "No measurements yet"));

    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *baseline = g_strdup_printf ("Baseline %g", plots[i].baseline);
        g_autofree char *target = g_strdup_printf ("Target %g", plots[i].target);
        GList *b = poppler_page_find_text (page, baseline);
        GList *t = poppler_page_find_text (page, target);
        PopplerRectangle *br, *tr;

        g_assert_cmpuint (g_list_length (b), ==, 1);
        g_assert_cmpuint (g_list_length (t), ==, 1);
        br = b->data;
        tr = t->data;
        /* poppler's rectangles run from the page's bottom: higher is larger. */
        g_assert_cmpfloat (tr->y1, >, br->y1 + 20);
        /* Both at the right, inside the plot's box. */
        g_assert_cmpfloat (tr->x1, >, 200);
        g_assert_cmpfloat (tr->x2, <=, 290.5);
        g_list_free_full (b, (GDestroyNotify) poppler_rectangle_free);
        g_list_free_full (t, (GDestroyNotify) poppler_rectangle_free);
      }
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress-plot/better-is-up", test_better_is_up);
  g_test_add_func ("/progress-plot/levels", test_levels);
  g_test_add_func ("/progress-plot/nan-skipped", test_nan_skipped);
  g_test_add_func ("/progress-plot/empty", test_empty);
  g_test_add_func ("/progress-plot/describe", test_describe);
  g_test_add_func ("/progress-plot/plateau-shading", test_plateau_shading);
  g_test_add_func ("/progress-plot/pdf", test_pdf);

  return g_test_run ();
}
