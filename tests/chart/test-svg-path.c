/* test-svg-path.c: the path-data reader on good, bad and absurd input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "palp-atlas.h"
#include "palp-svg-path.h"

/* The path written back as "M x y L x y C ... Z", absolute, %g. */
static char *
dump (const PalpSvgPath *path)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < palp_svg_path_get_n_ops (path); i++)
    {
      const double *p;
      PalpSvgPathOp op = palp_svg_path_get_op (path, i, &p);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      switch (op)
        {
        case PALP_SVG_PATH_MOVE_TO:
          g_string_append_printf (out, "M%g,%g", p[0], p[1]);
          break;
        case PALP_SVG_PATH_LINE_TO:
          g_string_append_printf (out, "L%g,%g", p[0], p[1]);
          break;
        case PALP_SVG_PATH_CURVE_TO:
          g_string_append_printf (out, "C%g,%g,%g,%g,%g,%g", p[0], p[1], p[2], p[3], p[4], p[5]);
          break;
        case PALP_SVG_PATH_CLOSE:
          g_string_append (out, "Z");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads (const char *d,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSvgPath) path = palp_svg_path_parse (d, -1, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  got = dump (path);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_rejects_len (const char *d,
                    gssize      length,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSvgPath) path = palp_svg_path_parse (d, length, &error);

  g_assert_null (path);
  g_assert_error (error, PALP_ATLAS_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("“%.40s”: %s", g_utf8_validate (d, length, NULL) ? d : "(bytes)", error->message);
}

static void
assert_rejects (const char *d,
                int         code)
{
  assert_rejects_len (d, -1, code);
}

static void
test_valid (void)
{
  assert_reads ("M1 2", "M1,2");
  assert_reads ("  M 1,2 L 3,4 z  ", "M1,2 L3,4 Z");
  assert_reads ("M1 2 3 4 5 6", "M1,2 L3,4 L5,6");
  assert_reads ("m1 2 3 4 5 6", "M1,2 L4,6 L9,12");
  assert_reads ("M10 10 H20 V30 h-5 v-5 Z", "M10,10 L20,10 L20,30 L15,30 L15,25 Z");
  assert_reads ("M0 0 l1-1-1-1", "M0,0 L1,-1 L0,-2");
  assert_reads ("M.5.5 L1.5.25", "M0.5,0.5 L1.5,0.25");
  assert_reads ("M1e1 2E-1 L+3 -4e+0", "M10,0.2 L3,-4");
  assert_reads ("M0,0C1,2,3,4,5,6c1 1 2 2 3 3", "M0,0 C1,2,3,4,5,6 C6,7,7,8,8,9");
  /* S mirrors the last curve's second control point; after a line it
   * starts at the current point. */
  assert_reads ("M0 0 C0 10 10 10 10 0 S20 -10 20 0", "M0,0 C0,10,10,10,10,0 C10,-10,20,-10,20,0");
  assert_reads ("M0 0 L5 0 S10 5 10 0", "M0,0 L5,0 C5,0,10,5,10,0");
  /* Quadratics become cubics two thirds of the way to the control. */
  assert_reads ("M0 0 Q3 3 6 0", "M0,0 C2,2,4,2,6,0");
  assert_reads ("M0 0 Q3 3 6 0 T12 0", "M0,0 C2,2,4,2,6,0 C8,-2,10,-2,12,0");
  assert_reads ("M0 0 q3 3 6 0 t6 0", "M0,0 C2,2,4,2,6,0 C8,-2,10,-2,12,0");
  /* Drawing on after a close starts where the closed subpath began. */
  assert_reads ("M1 1 L2 2 Z L3 3", "M1,1 L2,2 Z M1,1 L3,3");
  assert_reads ("M1 1 L2 2 z m1 1 l1 0", "M1,1 L2,2 Z M2,2 L3,2");
  assert_reads ("M0 0 L1 1 ZZ", "M0,0 L1,1 Z Z");
}

static void
test_invalid (void)
{
  g_autoptr(GString) many = g_string_new ("M0 0");
  g_autoptr(GString) ten_mb = g_string_new ("M0 0");
  g_autoptr(GString) far = g_string_new ("M0 0");
  g_autoptr(GString) digits = g_string_new ("M1 ");

  assert_rejects ("", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("   ", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("L1 2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("1 2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 C1 2 3 4 5", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 X3 4", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1,,2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2,", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 Z 3 4", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 4e", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 -", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 .", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M NaN 2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M inf 2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M 0x10 2", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 A5 5 0 0 1 10 10", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 a5 5 0 0 1 10 10", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 4 \xff\xfe", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 4 \xc3\xa9", PALP_ATLAS_ERROR_PATH);
  assert_rejects ("M1 2 L3 4 é", PALP_ATLAS_ERROR_PATH);
  assert_rejects_len ("M1 2\0L3 4", 9, PALP_ATLAS_ERROR_PATH);

  /* Absurd numbers */
  assert_rejects ("M1e999 2", PALP_ATLAS_ERROR_LIMIT);
  assert_rejects ("M-1e999 2", PALP_ATLAS_ERROR_LIMIT);
  assert_rejects ("M1e7 2", PALP_ATLAS_ERROR_LIMIT);
  assert_rejects ("M0 0 Q1e7 0 1 1", PALP_ATLAS_ERROR_LIMIT);
  for (guint i = 0; i < 100; i++)
    g_string_append_c (digits, '9');
  assert_rejects (digits->str, PALP_ATLAS_ERROR_LIMIT);
  /* Relative steps that add up beyond the limit. */
  for (guint i = 0; i < 5; i++)
    g_string_append (far, " l900000 0");
  assert_rejects (far->str, PALP_ATLAS_ERROR_LIMIT);

  /* Absurd sizes */
  for (guint i = 0; i <= PALP_SVG_PATH_MAX_OPS; i++)
    g_string_append (many, "L1 1");
  assert_rejects (many->str, PALP_ATLAS_ERROR_LIMIT);
  while (ten_mb->len < 10 * 1024 * 1024)
    g_string_append (ten_mb, " L1 2 C1 2 3 4 5 6 Q1 2 3 4 Z");
  assert_rejects (ten_mb->str, PALP_ATLAS_ERROR_LIMIT);
}

static void
test_flatten_contains (void)
{
  g_autoptr(GError) error = NULL;
  /* A 10x10 square with a 4x4 hole wound the other way, and a second
   * square wound the same way inside the first: nonzero fills it. */
  g_autoptr(PalpSvgPath) path = palp_svg_path_parse ("M0 0 H10 V10 H0 Z M3 3 V7 H7 V3 Z "
                                                     "M20 0 H30 V10 H20 Z M22 2 H28 V8 H22 Z",
                                                     -1, &error);
  g_autoptr(PalpSvgPath) curve = palp_svg_path_parse ("M0 0 C0 -20 40 -20 40 0 Z", -1, &error);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  double x1, y1, x2, y2;

#define INSIDE(x, y) palp_svg_path_polygon_contains ((double *) points->data, points->len / 2, \
                                                     (guint *) starts->data, starts->len, x, y)
  g_assert_no_error (error);
  palp_svg_path_flatten (path, 0.1, points, starts);
  g_assert_cmpuint (starts->len, ==, 4);
  g_assert_true (INSIDE (1, 1));
  g_assert_true (INSIDE (9, 5));
  g_assert_false (INSIDE (5, 5));
  g_assert_false (INSIDE (11, 5));
  g_assert_false (INSIDE (-1, 5));
  g_assert_true (INSIDE (25, 5));
  g_assert_true (INSIDE (21, 1));
  g_assert_false (INSIDE (15, 5));

  g_array_set_size (points, 0);
  g_array_set_size (starts, 0);
  palp_svg_path_flatten (curve, 0.05, points, starts);
  g_assert_cmpuint (points->len / 2, >, 8);
  g_assert_true (INSIDE (20, -10));
  g_assert_false (INSIDE (20, -16));
  g_assert_false (INSIDE (20, 1));
  g_assert_true (palp_svg_path_get_extents (curve, &x1, &y1, &x2, &y2));
  g_assert_cmpfloat (x1, ==, 0);
  g_assert_cmpfloat (y1, ==, -20);
  g_assert_cmpfloat (x2, ==, 40);
  g_assert_cmpfloat (y2, ==, 0);
#undef INSIDE
}

/* What cairo draws from the path is what was read. */
static void
test_cairo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpSvgPath) path = palp_svg_path_parse ("M10 10 h20 v20 h-20 z", -1, &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 40, 40);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  palp_svg_path_append (path, cr);
  g_assert_true (cairo_in_fill (cr, 20, 20));
  g_assert_false (cairo_in_fill (cr, 5, 5));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/svg-path/valid", test_valid);
  g_test_add_func ("/chart/svg-path/invalid", test_invalid);
  g_test_add_func ("/chart/svg-path/flatten-contains", test_flatten_contains);
  g_test_add_func ("/chart/svg-path/cairo", test_cairo);

  return g_test_run ();
}
