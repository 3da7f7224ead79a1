/* test-atlas.c: the shipped atlas, the SVG loader on bad input, pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "palp-atlas.h"

static PalpAtlas *
default_atlas (void)
{
  g_autoptr(GError) error = NULL;
  PalpAtlas *atlas = palp_atlas_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (atlas);
  return atlas;
}

static GBytes *
shipped_svg (PalpView view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf (RESOURCE_PREFIX "/atlas/%s.svg", palp_view_to_key (view));
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The shipped SVG of @view with @find replaced once by @replace. */
static GBytes *
edited_svg (PalpView    view,
            const char *find,
            const char *replace)
{
  g_autoptr(GBytes) bytes = shipped_svg (view);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *at = strstr (text, find);
  GString *out;

  g_assert_nonnull (at);
  out = g_string_new_len (text, at - text);
  g_string_append (out, replace);
  g_string_append (out, at + strlen (find));
  return g_string_free_to_bytes (out);
}

static PalpAtlas *
load_one (PalpView   view,
          GBytes    *bytes,
          GError   **error)
{
  GBytes *views[PALP_VIEW_COUNT] = { NULL };

  views[view] = bytes;
  return palp_atlas_new_from_svg (views, error);
}

static void
assert_fails (PalpView    view,
              GBytes     *bytes,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpAtlas) atlas = load_one (view, bytes, &error);

  g_assert_null (atlas);
  g_assert_error (error, PALP_ATLAS_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("expected error: %s", error->message);
}

static void
assert_fails_text (const char *text,
                   int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  assert_fails (PALP_VIEW_FACE, bytes, code);
}

static void
test_load_time (void)
{
  GBytes *views[PALP_VIEW_COUNT];
  gint64 best = G_MAXINT64;
  PalpAtlas *atlas = default_atlas ();
  guint total = 0;

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      views[v] = shipped_svg (v);
      total += palp_atlas_get_n_regions (atlas, v);
    }
  g_assert_cmpuint (total, >=, 100);

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      PalpAtlas *loaded = palp_atlas_new_from_svg (views, &error);

      best = MIN (best, g_get_monotonic_time () - start);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
      palp_atlas_free (loaded);
    }
  g_printerr ("# atlas: %u regions, loaded in %.2f ms (best of 5)\n", total, best / 1000.0);

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    g_bytes_unref (views[v]);
}

static void
test_views (void)
{
  PalpAtlas *atlas = default_atlas ();

  g_assert_cmpint (palp_atlas_get_version (atlas), ==, PALP_ATLAS_VERSION);
  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      PalpView back;
      double w, h;

      g_assert_true (palp_view_from_key (palp_view_to_key (v), &back));
      g_assert_cmpint (back, ==, v);
      g_assert_nonnull (palp_view_get_label (v));
      palp_atlas_get_view_size (atlas, v, &w, &h);
      g_assert_cmpfloat (w, >, 100);
      g_assert_cmpfloat (h, >, 100);
      g_assert_cmpuint (palp_atlas_get_n_regions (atlas, v), >=, 13);
    }
  g_assert_false (palp_view_from_key ("body-side", NULL));
}

static void
test_regions (void)
{
  PalpAtlas *atlas = default_atlas ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cairo_t *cr = cairo_create (surface);
  const char * const expected[] = {
    "neck.upper_trapezius.left", "face.masseter.right", "face.tmj.left", "oral.buccal.right",
    "tooth.ur1", "head.temporalis.left", "head.digastric.right", "head.scm.left",
    "head.suboccipital.right", "head.scalenes.left", "face.frontalis.left",
    "face.orbicularis_oris", "face.buccinator.right", "oral.retromolar.left",
    "oral.palate.soft", "oral.floor", "back.lumbar.right", "hip.gluteal.left",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (palp_atlas_find_region (atlas, expected[i]));
  g_assert_null (palp_atlas_find_region (atlas, "face.nowhere"));

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      double w, h;

      palp_atlas_get_view_size (atlas, v, &w, &h);
      for (guint i = 0; i < palp_atlas_get_n_regions (atlas, v); i++)
        {
          const PalpRegion *region = palp_atlas_get_region (atlas, v, i);
          const char *id = palp_region_get_id (region);
          const char *name = palp_region_get_name (region);
          PalpLaterality side = palp_region_get_laterality (region);
          double x, y, x1, y1, x2, y2;

          g_assert_false (g_hash_table_contains (ids, id));
          g_hash_table_add (ids, (gpointer) id);
          g_assert_true (palp_atlas_find_region (atlas, id) == region);
          g_assert_cmpint (palp_region_get_view (region), ==, v);

          g_assert_nonnull (name);
          g_assert_cmpstr (name, !=, "");
          g_assert_cmpstr (name, !=, id);

          if (g_str_has_suffix (id, ".left"))
            g_assert_cmpint (side, ==, PALP_LATERALITY_LEFT);
          else if (g_str_has_suffix (id, ".right"))
            g_assert_cmpint (side, ==, PALP_LATERALITY_RIGHT);
          else if (g_str_has_prefix (id, "tooth."))
            g_assert_cmpint (side, ==, id[7] == 'r' ? PALP_LATERALITY_RIGHT : PALP_LATERALITY_LEFT);
          else
            g_assert_cmpint (side, ==, PALP_LATERALITY_NONE);

          palp_region_get_label_point (region, &x, &y);
          if (palp_atlas_hit (atlas, v, x, y) != region)
            g_error ("%s: its label point %.1f,%.1f does not hit it", id, x, y);

          cairo_new_path (cr);
          palp_region_append_path (region, cr);
          cairo_path_extents (cr, &x1, &y1, &x2, &y2);
          g_assert_cmpfloat (x2 - x1, >, 3);
          g_assert_cmpfloat (y2 - y1, >, 3);
          if (x1 < 0 || y1 < 0 || x2 > w || y2 > h)
            g_error ("%s lies outside its view: %.1f,%.1f %.1f,%.1f", id, x1, y1, x2, y2);
        }
    }
  g_assert_cmpuint (g_hash_table_size (ids), >=, 100);
  g_printerr ("# %u regions\n", g_hash_table_size (ids));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hit_outside (void)
{
  PalpAtlas *atlas = default_atlas ();

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      double w, h;

      palp_atlas_get_view_size (atlas, v, &w, &h);
      g_assert_null (palp_atlas_hit (atlas, v, 1, 1));
      g_assert_null (palp_atlas_hit (atlas, v, w - 1, 1));
      g_assert_null (palp_atlas_hit (atlas, v, -50, h / 2));
      g_assert_null (palp_atlas_hit (atlas, v, w + 50, h / 2));
      g_assert_null (palp_atlas_hit (atlas, v, w / 2, -1e9));
      g_assert_null (palp_atlas_hit (atlas, v, NAN, h / 2));
      g_assert_null (palp_atlas_hit (atlas, v, INFINITY, INFINITY));
    }
  /* Between the legs and beside the waist of the body views. */
  g_assert_null (palp_atlas_hit (atlas, PALP_VIEW_BODY_ANTERIOR, 200, 700));
  g_assert_null (palp_atlas_hit (atlas, PALP_VIEW_BODY_POSTERIOR, 200, 700));
  g_assert_null (palp_atlas_hit (atlas, PALP_VIEW_BODY_ANTERIOR, 40, 400));
}

/* The hit test agrees with cairo filling the very same path, except
 * within a hair of an edge. */
static void
test_hit_matches_cairo (void)
{
  PalpAtlas *atlas = default_atlas ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 4, 4);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint checked = 0, disagree = 0;

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      double w, h;

      palp_atlas_get_view_size (atlas, v, &w, &h);
      for (guint n = 0; n < 3000; n++)
        {
          double x = g_rand_double_range (rand, 0, w);
          double y = g_rand_double_range (rand, 0, h);
          const PalpRegion *hit = palp_atlas_hit (atlas, v, x, y);
          const PalpRegion *filled = NULL;

          for (guint i = palp_atlas_get_n_regions (atlas, v); i > 0 && filled == NULL; i--)
            {
              const PalpRegion *region = palp_atlas_get_region (atlas, v, i - 1);

              cairo_new_path (cr);
              palp_region_append_path (region, cr);
              if (cairo_in_fill (cr, x, y))
                filled = region;
            }
          checked++;
          if (hit != filled)
            disagree++;
        }
    }
  g_printerr ("# hit test vs cairo_in_fill: %u of %u points disagree\n", disagree, checked);
  g_assert_cmpuint (disagree * 500, <, checked);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_teeth (void)
{
  PalpAtlas *atlas = default_atlas ();
  gboolean universal[33] = { FALSE };
  gboolean fdi[49] = { FALSE };
  guint n_teeth = 0;

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    for (guint i = 0; i < palp_atlas_get_n_regions (atlas, v); i++)
      {
        const PalpRegion *region = palp_atlas_get_region (atlas, v, i);
        const char *u = palp_region_get_tooth_label (region, PALP_TOOTH_NUMBERING_UNIVERSAL);
        const char *f = palp_region_get_tooth_label (region, PALP_TOOTH_NUMBERING_FDI);
        guint64 un, fn;

        if (!g_str_has_prefix (palp_region_get_id (region), "tooth."))
          {
            g_assert_null (u);
            g_assert_null (f);
            continue;
          }
        n_teeth++;
        g_assert_cmpint (v, ==, PALP_VIEW_INTRA_ORAL);
        g_assert_true (g_ascii_string_to_unsigned (u, 10, 1, 32, &un, NULL));
        g_assert_true (g_ascii_string_to_unsigned (f, 10, 11, 48, &fn, NULL));
        g_assert_true (fn % 10 >= 1 && fn % 10 <= 8);
        g_assert_false (universal[un]);
        g_assert_false (fdi[fn]);
        universal[un] = fdi[fn] = TRUE;
      }
  g_assert_cmpuint (n_teeth, ==, 32);

  /* Spot checks: the client's upper right third molar is 1 and 18. */
  g_assert_cmpstr (palp_region_get_tooth_label (palp_atlas_find_region (atlas, "tooth.ur8"),
                                                PALP_TOOTH_NUMBERING_UNIVERSAL), ==, "1");
  g_assert_cmpstr (palp_region_get_tooth_label (palp_atlas_find_region (atlas, "tooth.ur8"),
                                                PALP_TOOTH_NUMBERING_FDI), ==, "18");
  g_assert_cmpstr (palp_region_get_tooth_label (palp_atlas_find_region (atlas, "tooth.ll8"),
                                                PALP_TOOTH_NUMBERING_UNIVERSAL), ==, "17");
  g_assert_cmpstr (palp_region_get_tooth_label (palp_atlas_find_region (atlas, "tooth.lr1"),
                                                PALP_TOOTH_NUMBERING_FDI), ==, "41");
  /* And the client's right is on the viewer's left, facing them. */
  {
    double xr, xl;

    palp_region_get_label_point (palp_atlas_find_region (atlas, "tooth.ur6"), &xr, NULL);
    palp_region_get_label_point (palp_atlas_find_region (atlas, "tooth.ul6"), &xl, NULL);
    g_assert_cmpfloat (xr, <, xl);
  }
}

/* Each view as a PNG: regions in light tints with thin edges, the
 * outline on top, and tooth numbers or a dot at each label point. */
static void
render_view (PalpAtlas  *atlas,
             PalpView    view,
             double      scale,
             gboolean    ids,
             const char *file)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = palp_atlas_get_n_regions (atlas, view);

  palp_atlas_get_view_size (atlas, view, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (w * scale), ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  for (guint i = 0; i < n; i++)
    {
      const PalpRegion *region = palp_atlas_get_region (atlas, view, i);
      double hue = fmod (i * 0.618034, 1.0);

      cairo_new_path (cr);
      palp_region_append_path (region, cr);
      cairo_set_source_rgb (cr, 0.86 + 0.1 * sin (hue * 6.28), 0.88 + 0.08 * sin (hue * 6.28 + 2.1),
                            0.9 + 0.08 * sin (hue * 6.28 + 4.2));
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.55, 0.6, 0.66);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }

  cairo_new_path (cr);
  palp_atlas_append_outline (atlas, view, cr);
  cairo_set_source_rgb (cr, 0.2, 0.25, 0.3);
  cairo_set_line_width (cr, 1.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint i = 0; i < n; i++)
    {
      const PalpRegion *region = palp_atlas_get_region (atlas, view, i);
      const char *label = palp_region_get_tooth_label (region, PALP_TOOTH_NUMBERING_UNIVERSAL);
      double x, y;

      palp_region_get_label_point (region, &x, &y);
      cairo_set_source_rgb (cr, 0.25, 0.3, 0.4);
      if (ids)
        label = strchr (palp_region_get_id (region), '.') + 1;
      if (label != NULL)
        {
          cairo_text_extents_t ext;

          cairo_set_font_size (cr, ids ? 5.5 : 10);
          cairo_text_extents (cr, label, &ext);
          cairo_move_to (cr, x - ext.width / 2 - ext.x_bearing, y - ext.height / 2 - ext.y_bearing);
          cairo_show_text (cr, label);
        }
      else
        {
          cairo_new_path (cr);
          cairo_arc (cr, x, y, 1.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, file), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_render (void)
{
  PalpAtlas *atlas = default_atlas ();
  const char *dir = g_getenv ("G_TEST_BUILDDIR");

  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      g_autofree char *name = g_strdup_printf ("atlas-%s.png", palp_view_to_key (v));
      g_autofree char *name_ids = g_strdup_printf ("atlas-%s-ids.png", palp_view_to_key (v));
      g_autofree char *file = g_build_filename (dir != NULL ? dir : ".", name, NULL);
      g_autofree char *file_ids = g_build_filename (dir != NULL ? dir : ".", name_ids, NULL);

      render_view (atlas, v, 1.0, FALSE, file);
      render_view (atlas, v, 2.0, TRUE, file_ids);
      g_printerr ("# wrote %s\n", file);
    }
}

/* Bad input */

static void
test_svg_valid_extras (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = edited_svg (PALP_VIEW_FACE, "<title>",
                                        "<metadata><x:unknown xmlns:x=\"urn:x\">text</x:unknown>"
                                        "</metadata><defs><path d=\"not a path\"/></defs>"
                                        "<foo><bar/></foo><title>");
  g_autoptr(PalpAtlas) atlas = load_one (PALP_VIEW_FACE, bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (palp_atlas_get_n_regions (atlas, PALP_VIEW_FACE), ==,
                    palp_atlas_get_n_regions (default_atlas (), PALP_VIEW_FACE));
  g_assert_cmpuint (palp_atlas_get_n_regions (atlas, PALP_VIEW_BODY_ANTERIOR), ==, 0);
  g_assert_null (palp_atlas_hit (atlas, PALP_VIEW_BODY_ANTERIOR, 200, 400));
}

static void
test_svg_invalid (void)
{
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) shipped = shipped_svg (PALP_VIEW_FACE);
  GString *deep = g_string_new ("<svg viewBox=\"0 0 10 10\">");
  GString *huge = g_string_new ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\"><path d=\"M0 0");
  GString *long_d = g_string_new ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\"><path d=\"M0 0");

  /* Not XML, not SVG, nothing, broken encoding */
  assert_fails_text ("", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("hello", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<html><body/></html>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g id=\"\xff\xfe\"/></svg>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><title>caf\xe9</title></svg>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg/>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 -5 10\"/>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 1e300 10\"/>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 nan 10\"/>", PALP_ATLAS_ERROR_MARKUP);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><svg viewBox=\"0 0 1 1\"/></svg>",
                     PALP_ATLAS_ERROR_MARKUP);

  /* Truncated anywhere */
  for (gsize cut = 1; cut < g_bytes_get_size (shipped); cut += g_bytes_get_size (shipped) / 7)
    {
      truncated = g_bytes_new_from_bytes (shipped, 0, cut);
      assert_fails (PALP_VIEW_FACE, truncated, PALP_ATLAS_ERROR_MARKUP);
      g_clear_pointer (&truncated, g_bytes_unref);
    }

  /* Absurd sizes */
  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "<g>");
  assert_fails_text (deep->str, PALP_ATLAS_ERROR_LIMIT);
  while (huge->len < 10 * 1024 * 1024)
    g_string_append (huge, " L1 1 L2 2 C1 2 3 4 5 6");
  g_string_append (huge, "\"/></g></svg>");
  assert_fails_text (huge->str, PALP_ATLAS_ERROR_LIMIT);
  while (long_d->len < 300 * 1024)
    g_string_append (long_d, " L1 1");
  g_string_append (long_d, "\"/></g></svg>");
  assert_fails_text (long_d->str, PALP_ATLAS_ERROR_LIMIT);

  /* Paths */
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\"><path/></g></svg>",
                     PALP_ATLAS_ERROR_PATH);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\"><path d=\"M 1 NaN\"/></g></svg>",
                     PALP_ATLAS_ERROR_PATH);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\"><path d=\"M 1e308 1e308\"/></g></svg>",
                     PALP_ATLAS_ERROR_LIMIT);
  assert_fails_text ("<svg viewBox=\"0 0 10 10\"><g id=\"outline\" transform=\"scale(2)\">"
                     "<path d=\"M0 0 L1 1\"/></g></svg>", PALP_ATLAS_ERROR_PATH);

  /* Regions: unknown, duplicate, in the wrong view, missing, no id, no area */
  {
    g_autoptr(GBytes) unknown = edited_svg (PALP_VIEW_FACE, "<g id=\"regions\" fill",
                                            "<g id=\"regions\"><path id=\"face.elbow\" d=\"M0 0 L5 0 L5 5 Z\"/></g><g fill");
    g_autoptr(GBytes) duplicate = edited_svg (PALP_VIEW_FACE, "id=\"face.tmj.right\"", "id=\"face.tmj.left\"");
    g_autoptr(GBytes) wrong_view = edited_svg (PALP_VIEW_FACE, "id=\"face.tmj.right\"", "id=\"head.tmj.right\"");
    g_autoptr(GBytes) missing = edited_svg (PALP_VIEW_FACE, "id=\"face.tmj.right\"", "class=\"x\"");
    g_autoptr(GBytes) lacking = edited_svg (PALP_VIEW_FACE, "<path id=\"face.tmj.right\"",
                                            "<desc id=\"face.tmj.right\"");
    g_autoptr(GBytes) no_d = edited_svg (PALP_VIEW_FACE, "id=\"face.tmj.right\" d=", "id=\"face.tmj.right\" e=");
    g_autoptr(GBytes) flat = edited_svg (PALP_VIEW_FACE, "id=\"face.tmj.right\" d=\"",
                                         "id=\"face.tmj.right\" d=\"M1 1 Z ");

    assert_fails (PALP_VIEW_FACE, unknown, PALP_ATLAS_ERROR_REGION);
    assert_fails (PALP_VIEW_FACE, duplicate, PALP_ATLAS_ERROR_REGION);
    assert_fails (PALP_VIEW_FACE, wrong_view, PALP_ATLAS_ERROR_REGION);
    assert_fails (PALP_VIEW_FACE, missing, PALP_ATLAS_ERROR_REGION);
    assert_fails (PALP_VIEW_FACE, lacking, PALP_ATLAS_ERROR_REGION);
    assert_fails (PALP_VIEW_FACE, no_d, PALP_ATLAS_ERROR_PATH);
    /* A leading dot is fine: the rest of the path still encloses area. */
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalpAtlas) atlas = load_one (PALP_VIEW_FACE, flat, &error);

      g_assert_no_error (error);
    }
  }
  /* The same view given twice: ids are unique across the atlas. */
  {
    GBytes *views[PALP_VIEW_COUNT] = { NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(PalpAtlas) atlas = NULL;

    views[PALP_VIEW_FACE] = shipped;
    views[PALP_VIEW_INTRA_ORAL] = shipped;
    atlas = palp_atlas_new_from_svg (views, &error);
    g_assert_null (atlas);
    g_assert_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION);
  }

  g_string_free (deep, TRUE);
  g_string_free (huge, TRUE);
  g_string_free (long_d, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/atlas/load-time", test_load_time);
  g_test_add_func ("/chart/atlas/views", test_views);
  g_test_add_func ("/chart/atlas/regions", test_regions);
  g_test_add_func ("/chart/atlas/hit-outside", test_hit_outside);
  g_test_add_func ("/chart/atlas/hit-matches-cairo", test_hit_matches_cairo);
  g_test_add_func ("/chart/atlas/teeth", test_teeth);
  g_test_add_func ("/chart/atlas/render", test_render);
  g_test_add_func ("/chart/atlas/svg-valid-extras", test_svg_valid_extras);
  g_test_add_func ("/chart/atlas/svg-invalid", test_svg_invalid);

  return g_test_run ();
}
