/* test-chart-rules.c: mark kinds, their geometry, the chart's summary and
 * the comparison of two visits, on plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-chart-summary.h"
#include "palp-core-error.h"
#include "palp-mark-kind.h"

static void
test_kinds (void)
{
  PalpMarkKind kind;
  PalpMarkShape shape;

  for (guint k = 0; k < PALP_MARK_KIND_COUNT; k++)
    {
      const char *key = palp_mark_kind_to_key (k);

      g_assert_true (palp_mark_kind_from_key (key, &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (palp_mark_kind_get_label (k), !=, "");
      /* Every kind can be drawn with its own tool. */
      g_assert_true (palp_mark_kind_allows_shape (k, palp_mark_kind_default_shape (k)));
      for (guint j = 0; j < k; j++)
        g_assert_cmpstr (palp_mark_kind_to_key (j), !=, key);
    }
  g_assert_false (palp_mark_kind_from_key ("tickle", &kind));
  g_assert_false (palp_mark_kind_from_key (NULL, &kind));
  g_assert_true (palp_mark_kind_has_intensity (PALP_MARK_TRIGGER_POINT));
  g_assert_false (palp_mark_kind_has_intensity (PALP_MARK_AVOID));
  g_assert_cmpint (palp_mark_kind_get_group (PALP_MARK_NUMBNESS), ==, PALP_MARK_GROUP_SENSATION);
  g_assert_cmpint (palp_mark_kind_get_group (PALP_MARK_TREATED), ==, PALP_MARK_GROUP_ZONE);
  /* Only a trigger point refers pain along an arrow; zones are areas. */
  g_assert_true (palp_mark_kind_allows_shape (PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW));
  g_assert_false (palp_mark_kind_allows_shape (PALP_MARK_ACHING, PALP_MARK_SHAPE_ARROW));
  g_assert_false (palp_mark_kind_allows_shape (PALP_MARK_AVOID, PALP_MARK_SHAPE_POINT));
  g_assert_true (palp_mark_shape_from_key ("arrow", &shape));
  g_assert_cmpint (shape, ==, PALP_MARK_SHAPE_ARROW);
  g_assert_false (palp_mark_shape_from_key ("circle", &shape));
}

static void
test_geometry (void)
{
  const double xy[] = { 0.25, 0.5, 1.2, -0.1, 0.333333, 0.0 };
  g_autofree char *json = palp_mark_geometry_to_json (xy, 3);
  g_autoptr(GArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new ("[");
  const char *bad[] = {
    "", "[", "{}", "[]", "[[0.1]]", "[[0.1,0.2,0.3]]", "[[\"a\",0.2]]", "[[0.1,null]]",
    "[[1e309,0.2]]", "[[-0.5,0.2]]", "[[0.5,2]]", "[0.1,0.2]", "[[[0.1,0.2]]]",
    "not json at all", "[[0.1,0.2]],", "\xff\xfe",
  };

  /* Clamped into the view, four decimals, and read back. */
  g_assert_cmpstr (json, ==, "[[0.2500,0.5000],[1.0000,0.0000],[0.3333,0.0000]]");
  back = palp_mark_geometry_parse (json, PALP_MARK_SHAPE_AREA, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 6);
  g_assert_cmpfloat_with_epsilon (g_array_index (back, double, 4), 0.3333, 1e-9);

  /* The count of points follows the shape. */
  g_clear_pointer (&back, g_array_unref);
  back = palp_mark_geometry_parse ("[[0.1,0.2]]", PALP_MARK_SHAPE_POINT, &error);
  g_assert_no_error (error);
  g_assert_null (palp_mark_geometry_parse ("[[0.1,0.2]]", PALP_MARK_SHAPE_ARROW, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (palp_mark_geometry_parse ("[[0.1,0.2],[0.3,0.4]]", PALP_MARK_SHAPE_AREA,
                                           &error));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GArray) none = palp_mark_geometry_parse (bad[i], PALP_MARK_SHAPE_POINT, &error);

      g_assert_null (none);
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_null (palp_mark_geometry_parse (NULL, PALP_MARK_SHAPE_POINT, &error));
  g_clear_error (&error);

  /* Too many points for an area. */
  for (guint i = 0; i <= PALP_MARK_MAX_POINTS; i++)
    g_string_append (huge, i ? ",[0.5,0.5]" : "[0.5,0.5]");
  g_string_append_c (huge, ']');
  g_assert_null (palp_mark_geometry_parse (huge->str, PALP_MARK_SHAPE_AREA, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static const PalpChartItem first_visit[] = {
  { "face.masseter.left", "Left masseter", PALP_MARK_TRIGGER_POINT, 7 },
  { "face.masseter.left", "Left masseter", PALP_MARK_TENDERNESS, 5 },
  { "face.tmj.left", "Left temporomandibular joint", PALP_MARK_TENDERNESS, 6 },
  { "face.masseter.left", "Left masseter", PALP_MARK_TRIGGER_POINT, 4 },
  { "face.temporalis.left", "Left temporalis", PALP_MARK_TRIGGER_POINT, 5 },
};

static const PalpChartItem latest_visit[] = {
  { "face.masseter.left", "Left masseter", PALP_MARK_TRIGGER_POINT, 3 },
  { "face.tmj.left", "Left temporomandibular joint", PALP_MARK_TENDERNESS, 8 },
  { "face.masseter.right", "Right masseter", PALP_MARK_AVOID, 4 },
};

static void
test_summary (void)
{
  g_autofree char *text = palp_chart_summary_text (first_visit, G_N_ELEMENTS (first_visit));
  g_autofree char *empty = palp_chart_summary_text (NULL, 0);
  g_autofree char *zone = palp_chart_summary_text (latest_visit + 2, 1);

  /* Grouped by region, legend order, the highest intensity of a kind. */
  g_assert_cmpstr (text, ==,
                   "Left masseter: tenderness 5/10, trigger point 7/10.\n"
                   "Left temporomandibular joint: tenderness 6/10.\n"
                   "Left temporalis: trigger point 5/10.");
  g_assert_cmpstr (empty, ==, "No findings marked.");
  /* A zone has no intensity, whatever was passed. */
  g_assert_cmpstr (zone, ==, "Right masseter: avoid.");
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) changes = palp_chart_compare (first_visit, G_N_ELEMENTS (first_visit),
                                                     latest_visit, G_N_ELEMENTS (latest_visit));
  const struct { const char *region; PalpMarkKind kind; PalpChartChangeKind change; } want[] = {
    { "face.masseter.left", PALP_MARK_TENDERNESS, PALP_CHART_CHANGE_RESOLVED },
    { "face.masseter.left", PALP_MARK_TRIGGER_POINT, PALP_CHART_CHANGE_BETTER },
    { "face.tmj.left", PALP_MARK_TENDERNESS, PALP_CHART_CHANGE_WORSE },
    { "face.masseter.right", PALP_MARK_AVOID, PALP_CHART_CHANGE_NEW },
    { "face.temporalis.left", PALP_MARK_TRIGGER_POINT, PALP_CHART_CHANGE_RESOLVED },
  };
  g_autofree char *better = NULL;
  g_autofree char *fresh = NULL;

  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < changes->len; i++)
    {
      PalpChartChange *c = g_ptr_array_index (changes, i);

      g_assert_cmpstr (c->region_id, ==, want[i].region);
      g_assert_cmpint (c->kind, ==, want[i].kind);
      g_assert_cmpint (c->change, ==, want[i].change);
    }
  better = palp_chart_change_describe (g_ptr_array_index (changes, 1));
  g_assert_cmpstr (better, ==, "Left masseter, trigger point: 7 → 3/10, better");
  fresh = palp_chart_change_describe (g_ptr_array_index (changes, 3));
  g_assert_cmpstr (fresh, ==, "Right masseter, avoid: new");

  /* The same visit against itself: all unchanged. */
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = palp_chart_compare (latest_visit, 2, latest_visit, 2);
  g_assert_cmpuint (changes->len, ==, 2);
  for (guint i = 0; i < changes->len; i++)
    g_assert_cmpint (((PalpChartChange *) g_ptr_array_index (changes, i))->change, ==,
                     PALP_CHART_CHANGE_SAME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-rules/kinds", test_kinds);
  g_test_add_func ("/chart-rules/geometry", test_geometry);
  g_test_add_func ("/chart-rules/summary", test_summary);
  g_test_add_func ("/chart-rules/compare", test_compare);

  return g_test_run ();
}
