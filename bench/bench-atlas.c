/* bench-atlas.c: loading the body-chart atlas and hit testing it
 *
 *   bench-atlas [--loads 50] [--points 200000] [--seed 1]
 *
 * Loads the shipped atlas from the GResource the way the application
 * does at start (the six SVGs read, paths flattened, label points found),
 * many times over, and reports the median and worst. Then hit tests
 * random points spread over every view, as a pointer moving over the
 * chart would, timing each call, against cairo_in_fill() on the same
 * region paths in the same order as the baseline. Figures are printed as
 * "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "palp-atlas.h"

static int opt_loads = 50;
static int opt_points = 200000;
static int opt_seed = 1;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *values,
            int     pct)
{
  guint index;

  g_array_sort (values, compare_gint64);
  index = MIN (values->len - 1, (guint) ((values->len - 1) * pct / 100.0 + 0.5));
  return g_array_index (values, gint64, index);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "loads", 0, 0, G_OPTION_ARG_INT, &opt_loads, "Atlas loads to time", "N" },
    { "points", 0, 0, G_OPTION_ARG_INT, &opt_points, "Hit tests to time", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the body-chart atlas");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) load_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) hit_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cairo_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = NULL;
  GBytes *views[PALP_VIEW_COUNT];
  PalpAtlas *atlas;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint regions = 0, hits = 0, mismatches = 0;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_loads = MAX (opt_loads, 1);
  opt_points = MAX (opt_points, 1);
  rand = g_rand_new_with_seed (opt_seed);

  /* The first load, as at start: from the GResource, cold. */
  start = g_get_monotonic_time ();
  atlas = palp_atlas_get_default (&error);
  g_print ("first-load-ms %.3f\n", (g_get_monotonic_time () - start) / 1000.0);
  if (atlas == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/atlas/%s.svg",
                                               palp_view_to_key (v));

      views[v] = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      regions += palp_atlas_get_n_regions (atlas, v);
    }

  for (int i = 0; i < opt_loads; i++)
    {
      PalpAtlas *loaded;
      gint64 us;

      start = g_get_monotonic_time ();
      loaded = palp_atlas_new_from_svg (views, NULL);
      us = g_get_monotonic_time () - start;
      g_array_append_val (load_us, us);
      palp_atlas_free (loaded);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cr = cairo_create (surface);
  for (int i = 0; i < opt_points; i++)
    {
      PalpView v = i % PALP_VIEW_COUNT;
      const PalpRegion *hit, *filled = NULL;
      double w, h, x, y;
      gint64 t1, t2;

      palp_atlas_get_view_size (atlas, v, &w, &h);
      x = g_rand_double_range (rand, 0, w);
      y = g_rand_double_range (rand, 0, h);

      {
        struct timespec a, b, c;

        clock_gettime (CLOCK_MONOTONIC, &a);
        hit = palp_atlas_hit (atlas, v, x, y);
        clock_gettime (CLOCK_MONOTONIC, &b);
        for (guint k = palp_atlas_get_n_regions (atlas, v); k > 0 && filled == NULL; k--)
          {
            const PalpRegion *region = palp_atlas_get_region (atlas, v, k - 1);

            cairo_new_path (cr);
            palp_region_append_path (region, cr);
            if (cairo_in_fill (cr, x, y))
              filled = region;
          }
        clock_gettime (CLOCK_MONOTONIC, &c);
        t1 = (b.tv_sec - a.tv_sec) * G_GINT64_CONSTANT (1000000000) + (b.tv_nsec - a.tv_nsec);
        t2 = (c.tv_sec - b.tv_sec) * G_GINT64_CONSTANT (1000000000) + (c.tv_nsec - b.tv_nsec);
      }
      g_array_append_val (hit_ns, t1);
      g_array_append_val (cairo_ns, t2);
      hits += hit != NULL;
      mismatches += hit != filled;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_print ("views %d\n", PALP_VIEW_COUNT);
  g_print ("regions %u\n", regions);
  g_print ("loads %d\n", opt_loads);
  g_print ("load-p50-ms %.3f\n", percentile (load_us, 50) / 1000.0);
  g_print ("load-max-ms %.3f\n", percentile (load_us, 100) / 1000.0);
  g_print ("points %d\n", opt_points);
  g_print ("points-in-a-region %u\n", hits);
  g_print ("hit-p50-us %.3f\n", percentile (hit_ns, 50) / 1000.0);
  g_print ("hit-p99-us %.3f\n", percentile (hit_ns, 99) / 1000.0);
  g_print ("hit-max-us %.3f\n", percentile (hit_ns, 100) / 1000.0);
  g_print ("cairo-in-fill-p50-us %.3f\n", percentile (cairo_ns, 50) / 1000.0);
  g_print ("cairo-in-fill-p99-us %.3f\n", percentile (cairo_ns, 99) / 1000.0);
  g_print ("mismatches-vs-cairo %u\n", mismatches);

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    g_bytes_unref (views[v]);
  return 0;
}
