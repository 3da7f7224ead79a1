/* bench-chart.c: redrawing a view of the body chart
 *
 *   bench-chart [--view body-posterior] [--marks 500] [--size 900] [--rounds 200]
 *               [--seed 1]
 *
 * What the chart widget does on every pointer motion: the whole view
 * redrawn on an image surface the size of a typical widget. The same run
 * times the bare view (regions and outline, no marks) and the view with
 * MARKS marks (points, referral arrows and areas of every kind, most with
 * an intensity), alternating which goes first; a warm-up round precedes
 * the timed ones. Figures are printed as "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "palp-atlas.h"
#include "palp-chart-painter.h"
#include "palp-mark.h"

static char *opt_view = NULL;
static int opt_marks = 500;
static int opt_size = 900;
static int opt_rounds = 200;
static int opt_seed = 1;

static const GOptionEntry entries[] = {
  { "view", 0, 0, G_OPTION_ARG_STRING, &opt_view, "The view (body-posterior)", "VIEW" },
  { "marks", 0, 0, G_OPTION_ARG_INT, &opt_marks, "Marks on the view (500)", "N" },
  { "size", 0, 0, G_OPTION_ARG_INT, &opt_size, "Surface width and height in pixels (900)", "PX" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "Timed redraws of each (200)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed (1)", "S" },
  { NULL }
};

/* A clinic's mix: mostly points, a fifth areas of 12 to 40 points, a few
 * referral arrows. */
static GListModel *
make_marks (PalpView  view,
            int       n,
            GRand    *rand)
{
  GListStore *list = g_list_store_new (PALP_TYPE_MARK);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PalpMark) mark = palp_mark_new ();
      g_autofree char *geometry = NULL;
      double xy[2 * 40];
      double cx = g_rand_double_range (rand, 0.15, 0.85);
      double cy = g_rand_double_range (rand, 0.1, 0.9);
      PalpMarkShape shape;
      PalpMarkKind kind;
      int pick = g_rand_int_range (rand, 0, 100);
      guint n_points;

      if (pick < 20)
        {
          double rx = g_rand_double_range (rand, 0.01, 0.05);
          double ry = g_rand_double_range (rand, 0.01, 0.05);

          shape = PALP_MARK_SHAPE_AREA;
          kind = g_rand_int_range (rand, 0, PALP_MARK_KIND_COUNT);
          n_points = g_rand_int_range (rand, 12, 41);
          for (guint k = 0; k < n_points; k++)
            {
              double a = 2 * G_PI * k / n_points;

              xy[2 * k] = CLAMP (cx + cos (a) * rx, 0, 1);
              xy[2 * k + 1] = CLAMP (cy + sin (a) * ry, 0, 1);
            }
        }
      else if (pick < 25)
        {
          shape = PALP_MARK_SHAPE_ARROW;
          kind = PALP_MARK_TRIGGER_POINT;
          n_points = 2;
          xy[0] = cx, xy[1] = cy;
          xy[2] = CLAMP (cx + g_rand_double_range (rand, -0.1, 0.1), 0, 1);
          xy[3] = CLAMP (cy + g_rand_double_range (rand, -0.1, 0.1), 0, 1);
        }
      else
        {
          shape = PALP_MARK_SHAPE_POINT;
          /* Zones are never points. */
          kind = g_rand_int_range (rand, 0, PALP_MARK_AVOID);
          n_points = 1;
          xy[0] = cx, xy[1] = cy;
        }

      geometry = palp_mark_geometry_to_json (xy, n_points);
      g_object_set (mark,
                    "view", palp_view_to_key (view),
                    "kind", palp_mark_kind_to_key (kind),
                    "shape", palp_mark_shape_to_key (shape),
                    "geometry", geometry,
                    "atlas-version", (gint64) PALP_ATLAS_VERSION,
                    NULL);
      if (palp_mark_kind_has_intensity (kind))
        g_object_set (mark, "intensity", (gint64) g_rand_int_range (rand, 0, 11),
                      "has-intensity", (gint64) 1, NULL);
      g_list_store_append (list, mark);
    }
  return G_LIST_MODEL (list);
}

/* @layer NULL: every mark drawn afresh (the first frame after an edit);
 * else through the cached marks layer (a redraw on hover or scroll). */
static gint64
redraw (cairo_t        *cr,
        PalpAtlas      *atlas,
        PalpView        view,
        GListModel     *marks,
        PalpChartLayer *layer)
{
  gint64 start = g_get_monotonic_time ();

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (layer != NULL)
    palp_chart_paint_view_cached (cr, layer, atlas, view, opt_size, opt_size, marks, NULL);
  else
    palp_chart_paint_view (cr, atlas, view, opt_size, opt_size, marks, NULL);
  /* Make sure the pixels are there, as a snapshot's texture would. */
  cairo_surface_flush (cairo_get_target (cr));
  return g_get_monotonic_time () - start;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *times,
               int     p)
{
  guint i;

  g_array_sort (times, compare_gint64);
  i = MIN (times->len - 1, (guint) ((times->len - 1) * p / 100.0 + 0.5));
  return g_array_index (times, gint64, i) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- redraw the body chart");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PalpChartLayer) layer = palp_chart_layer_new ();
  g_autoptr(GRand) rand = NULL;
  cairo_surface_t *surface;
  PalpAtlas *atlas;
  PalpView view = PALP_VIEW_BODY_POSTERIOR;
  double bare_p50, marked_p50, cached_p50;
  cairo_t *cr;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if ((opt_view != NULL && !palp_view_from_key (opt_view, &view)) || opt_marks < 0 ||
      opt_size < 16 || opt_rounds < 1)
    {
      g_printerr ("Give a known --view, and positive counts\n");
      return 2;
    }
  if (!(atlas = palp_atlas_get_default (&error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  rand = g_rand_new_with_seed ((guint32) opt_seed);
  marks = make_marks (view, opt_marks, rand);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, opt_size, opt_size);
  cr = cairo_create (surface);

  /* Warm-up: fonts, glyph caches, the atlas's paths. */
  redraw (cr, atlas, view, NULL, NULL);
  redraw (cr, atlas, view, marks, NULL);
  redraw (cr, atlas, view, marks, layer);

  for (int r = 0; r < opt_rounds; r++)
    {
      gint64 a, b, c;

      if (r % 2 == 0)
        {
          a = redraw (cr, atlas, view, NULL, NULL);
          b = redraw (cr, atlas, view, marks, NULL);
          c = redraw (cr, atlas, view, marks, layer);
        }
      else
        {
          c = redraw (cr, atlas, view, marks, layer);
          b = redraw (cr, atlas, view, marks, NULL);
          a = redraw (cr, atlas, view, NULL, NULL);
        }
      g_array_append_val (bare, a);
      g_array_append_val (marked, b);
      g_array_append_val (cached, c);
    }

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("cairo: %s\n", cairo_status_to_string (cairo_status (cr)));
      return 1;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  bare_p50 = percentile_ms (bare, 50);
  marked_p50 = percentile_ms (marked, 50);
  g_print ("view %s\n", palp_view_to_key (view));
  g_print ("size %dx%d\n", opt_size, opt_size);
  g_print ("marks %d\n", opt_marks);
  g_print ("rounds %d\n", opt_rounds);
  g_print ("bare-p50-ms %.3f\n", bare_p50);
  g_print ("bare-p99-ms %.3f\n", percentile_ms (bare, 99));
  g_print ("marks-p50-ms %.3f\n", marked_p50);
  g_print ("marks-p99-ms %.3f\n", percentile_ms (marked, 99));
  g_print ("marks-over-bare %.2f\n", bare_p50 > 0 ? marked_p50 / bare_p50 : 0.0);
  cached_p50 = percentile_ms (cached, 50);
  g_print ("redraw-p50-ms %.3f\n", cached_p50);
  g_print ("redraw-p99-ms %.3f\n", percentile_ms (cached, 99));
  g_print ("redraw-over-bare %.2f\n", bare_p50 > 0 ? cached_p50 / bare_p50 : 0.0);
  return 0;
}
