/* test-chart-painter.c: the chart painter, its legend, PNG export and the
 * chart document
 *
 * Also draws every view with sample marks, light and dark, into the build
 * folder (painter-VIEW.png, painter-VIEW-dark.png, painter-VIEW-export.png)
 * for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "palp-atlas.h"
#include "palp-chart-painter.h"
#include "palp-doc-chart.h"
#include "palp-doc-preview.h"
#include "palp-mark.h"

static PalpAtlas *
atlas (void)
{
  g_autoptr(GError) error = NULL;
  PalpAtlas *a = palp_atlas_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static PalpMark *
make_mark (PalpView       view,
           PalpMarkKind   kind,
           PalpMarkShape  shape,
           const double  *xy,
           guint          n_points,
           int            intensity,
           const char    *regions)
{
  PalpMark *mark = palp_mark_new ();
  g_autofree char *geometry = palp_mark_geometry_to_json (xy, n_points);

  g_object_set (mark,
                "view", palp_view_to_key (view),
                "kind", palp_mark_kind_to_key (kind),
                "shape", palp_mark_shape_to_key (shape),
                "geometry", geometry,
                "regions", regions,
                "atlas-version", (gint64) PALP_ATLAS_VERSION,
                NULL);
  if (intensity >= 0)
    g_object_set (mark, "intensity", (gint64) intensity, "has-intensity", (gint64) 1, NULL);
  return mark;
}

/* The region's label point, normalised. */
static void
region_point (PalpAtlas  *a,
              const char *id,
              double     *x,
              double     *y)
{
  const PalpRegion *region = palp_atlas_find_region (a, id);
  double vw, vh;

  g_assert_nonnull (region);
  palp_atlas_get_view_size (a, palp_region_get_view (region), &vw, &vh);
  palp_region_get_label_point (region, x, y);
  *x /= vw;
  *y /= vh;
}

/* An irregular blob of @n points round (@cx, @cy), radii normalised. */
static void
blob (double  cx,
      double  cy,
      double  rx,
      double  ry,
      guint   n,
      double *xy)
{
  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double wobble = 1.0 + 0.12 * sin (3 * a) + 0.06 * cos (5 * a);

      xy[2 * i] = CLAMP (cx + cos (a) * rx * wobble, 0, 1);
      xy[2 * i + 1] = CLAMP (cy + sin (a) * ry * wobble, 0, 1);
    }
}

typedef struct
{
  const char    *region;
  PalpMarkKind   kind;
  PalpMarkShape  shape;
  int            intensity;
  double         rx, ry;      /* areas: normalised radii */
  const char    *to;          /* arrows: the referral's region */
} Sample;

static const Sample face_samples[] = {
  { "face.masseter.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 7, 0, 0, NULL },
  { "face.masseter.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW, -1, 0, 0,
    "face.temporalis.left" },
  { "face.tmj.left", PALP_MARK_TENDERNESS, PALP_MARK_SHAPE_POINT, 5, 0, 0, NULL },
  { "face.masseter.right", PALP_MARK_ACHING, PALP_MARK_SHAPE_AREA, 4, 0.05, 0.07, NULL },
  { "face.tmj.right", PALP_MARK_RESTRICTED, PALP_MARK_SHAPE_POINT, -1, 0, 0, NULL },
  { "face.zygomatic.right", PALP_MARK_AVOID, PALP_MARK_SHAPE_AREA, -1, 0.04, 0.03, NULL },
  { "face.frontalis.left", PALP_MARK_TREATED, PALP_MARK_SHAPE_AREA, -1, 0.08, 0.04, NULL },
  { "face.mentalis", PALP_MARK_SCAR, PALP_MARK_SHAPE_AREA, -1, 0.05, 0.015, NULL },
  { "face.digastric.right", PALP_MARK_HYPERTONICITY, PALP_MARK_SHAPE_AREA, 3, 0.04, 0.025,
    NULL },
  { "face.temporalis.right", PALP_MARK_STABBING, PALP_MARK_SHAPE_POINT, 6, 0, 0, NULL },
};

static const Sample body_anterior_samples[] = {
  { "chest.pectoral.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 6, 0, 0, NULL },
  { "chest.pectoral.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW, -1, 0, 0,
    "arm.anterior.left" },
  { "thigh.anterior.right", PALP_MARK_BURNING, PALP_MARK_SHAPE_AREA, 5, 0.05, 0.06, NULL },
  { "forearm.anterior.left", PALP_MARK_PINS_AND_NEEDLES, PALP_MARK_SHAPE_AREA, 4, 0.025, 0.05,
    NULL },
  { "hand.palm.left", PALP_MARK_NUMBNESS, PALP_MARK_SHAPE_AREA, 3, 0.025, 0.025, NULL },
  { "abdomen.lower.right", PALP_MARK_SCAR, PALP_MARK_SHAPE_AREA, -1, 0.05, 0.012, NULL },
  { "knee.anterior.left", PALP_MARK_SWELLING, PALP_MARK_SHAPE_AREA, 4, 0.03, 0.025, NULL },
  { "shoulder.anterior.right", PALP_MARK_TENDERNESS, PALP_MARK_SHAPE_POINT, 5, 0, 0, NULL },
  { "leg.anterior.right", PALP_MARK_LESION, PALP_MARK_SHAPE_AREA, -1, 0.02, 0.03, NULL },
};

static const Sample body_posterior_samples[] = {
  { "back.lumbar.left", PALP_MARK_ACHING, PALP_MARK_SHAPE_AREA, 6, 0.06, 0.04, NULL },
  { "hip.gluteal.left", PALP_MARK_ACHING, PALP_MARK_SHAPE_AREA, 5, 0.06, 0.04, NULL },
  { "thigh.posterior.left", PALP_MARK_PINS_AND_NEEDLES, PALP_MARK_SHAPE_AREA, 4, 0.035, 0.08,
    NULL },
  { "leg.calf.left", PALP_MARK_NUMBNESS, PALP_MARK_SHAPE_AREA, 2, 0.03, 0.06, NULL },
  { "neck.upper_trapezius.right", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 7, 0, 0,
    NULL },
  { "neck.upper_trapezius.right", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW, -1, 0, 0,
    "head.posterior" },
  { "back.scapular.left", PALP_MARK_HYPERTONICITY, PALP_MARK_SHAPE_AREA, 4, 0.05, 0.04, NULL },
  { "back.lumbar.right", PALP_MARK_SPASM, PALP_MARK_SHAPE_AREA, 6, 0.045, 0.03, NULL },
  { "back.thoracic.right", PALP_MARK_TREATED, PALP_MARK_SHAPE_AREA, -1, 0.06, 0.05, NULL },
  { "leg.calf.right", PALP_MARK_AVOID, PALP_MARK_SHAPE_AREA, -1, 0.025, 0.03, NULL },
};

static const Sample head_left_samples[] = {
  { "head.masseter.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 7, 0, 0, NULL },
  { "head.masseter.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW, -1, 0, 0,
    "head.temporalis.left" },
  { "head.tmj.left", PALP_MARK_TENDERNESS, PALP_MARK_SHAPE_POINT, 6, 0, 0, NULL },
  { "head.scm.left", PALP_MARK_HYPERTONICITY, PALP_MARK_SHAPE_AREA, 4, 0.03, 0.06, NULL },
  { "head.suboccipital.left", PALP_MARK_ACHING, PALP_MARK_SHAPE_AREA, 5, 0.04, 0.03, NULL },
  { "head.upper_trapezius.left", PALP_MARK_TREATED, PALP_MARK_SHAPE_AREA, -1, 0.06, 0.04,
    NULL },
};

static const Sample head_right_samples[] = {
  { "head.temporalis.right", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 4, 0, 0, NULL },
  { "head.tmj.right", PALP_MARK_RESTRICTED, PALP_MARK_SHAPE_POINT, -1, 0, 0, NULL },
  { "head.buccinator.right", PALP_MARK_SWELLING, PALP_MARK_SHAPE_AREA, 3, 0.04, 0.03, NULL },
  { "head.levator_scapulae.right", PALP_MARK_SPASM, PALP_MARK_SHAPE_AREA, 5, 0.03, 0.05, NULL },
  { "head.frontalis.right", PALP_MARK_BURNING, PALP_MARK_SHAPE_POINT, 3, 0, 0, NULL },
};

static const Sample intra_oral_samples[] = {
  { "oral.retromolar.left", PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_POINT, 8, 0, 0, NULL },
  { "oral.buccal.right", PALP_MARK_SCAR, PALP_MARK_SHAPE_AREA, -1, 0.03, 0.05, NULL },
  { "oral.tongue", PALP_MARK_LESION, PALP_MARK_SHAPE_POINT, -1, 0, 0, NULL },
  { "oral.palate.hard", PALP_MARK_TENDERNESS, PALP_MARK_SHAPE_POINT, 3, 0, 0, NULL },
  { "oral.floor", PALP_MARK_AVOID, PALP_MARK_SHAPE_AREA, -1, 0.05, 0.03, NULL },
  { "tooth.ll6", PALP_MARK_STABBING, PALP_MARK_SHAPE_POINT, 6, 0, 0, NULL },
};

static GListModel *
sample_marks (PalpAtlas *a,
              PalpView   view)
{
  static const struct { const Sample *samples; gsize n; } per_view[PALP_VIEW_COUNT] = {
    [PALP_VIEW_BODY_ANTERIOR] = { body_anterior_samples, G_N_ELEMENTS (body_anterior_samples) },
    [PALP_VIEW_BODY_POSTERIOR] = { body_posterior_samples,
                                   G_N_ELEMENTS (body_posterior_samples) },
    [PALP_VIEW_HEAD_LEFT] = { head_left_samples, G_N_ELEMENTS (head_left_samples) },
    [PALP_VIEW_HEAD_RIGHT] = { head_right_samples, G_N_ELEMENTS (head_right_samples) },
    [PALP_VIEW_FACE] = { face_samples, G_N_ELEMENTS (face_samples) },
    [PALP_VIEW_INTRA_ORAL] = { intra_oral_samples, G_N_ELEMENTS (intra_oral_samples) },
  };
  GListStore *list = g_list_store_new (PALP_TYPE_MARK);

  for (gsize i = 0; i < per_view[view].n; i++)
    {
      const Sample *s = &per_view[view].samples[i];
      g_autoptr(PalpMark) mark = NULL;
      double xy[2 * 24];
      double x, y;

      region_point (a, s->region, &x, &y);
      switch (s->shape)
        {
        case PALP_MARK_SHAPE_POINT:
          xy[0] = x, xy[1] = y;
          mark = make_mark (view, s->kind, s->shape, xy, 1, s->intensity, s->region);
          break;
        case PALP_MARK_SHAPE_ARROW:
          xy[0] = x, xy[1] = y;
          region_point (a, s->to, &xy[2], &xy[3]);
          mark = make_mark (view, s->kind, s->shape, xy, 2, s->intensity, s->region);
          break;
        case PALP_MARK_SHAPE_AREA:
        default:
          blob (x, y, s->rx, s->ry, 24, xy);
          mark = make_mark (view, s->kind, s->shape, xy, 24, s->intensity, s->region);
          break;
        }
      g_list_store_append (list, mark);
    }
  return G_LIST_MODEL (list);
}

static void
test_every_kind_every_shape (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListStore) marks = g_list_store_new (PALP_TYPE_MARK);
  cairo_surface_t *surfaces[2];
  PalpChartStyle style;

  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    for (PalpMarkShape shape = PALP_MARK_SHAPE_POINT; shape <= PALP_MARK_SHAPE_ARROW; shape++)
      {
        double xy[] = { 0.1 + 0.05 * kind, 0.2 + 0.2 * shape, 0.15 + 0.05 * kind,
                        0.3 + 0.2 * shape, 0.1 + 0.05 * kind, 0.32 + 0.2 * shape };
        g_autoptr(PalpMark) mark = NULL;
        guint n = shape == PALP_MARK_SHAPE_POINT ? 1 : shape == PALP_MARK_SHAPE_ARROW ? 2 : 3;

        if (!palp_mark_kind_allows_shape (kind, shape))
          continue;
        mark = make_mark (PALP_VIEW_FACE, kind, shape, xy, n,
                          palp_mark_kind_has_intensity (kind) ? (int) kind % 11 : -1, NULL);
        g_list_store_append (marks, mark);
      }
  /* And marks the painter must skip without a fuss. */
  {
    g_autoptr(PalpMark) broken = palp_mark_new ();
    g_autoptr(PalpMark) outside = palp_mark_new ();

    g_object_set (broken, "kind", "aching", "shape", "area", "geometry", "[[0.1,0.2]", NULL);
    g_object_set (outside, "kind", "nonsense", "shape", "point", "geometry", "[[2,2]]", NULL);
    g_list_store_append (marks, broken);
    g_list_store_append (marks, outside);
  }

  surfaces[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 600);
  surfaces[1] = cairo_pdf_surface_create (NULL, 600, 600);
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        cairo_t *cr = cairo_create (surfaces[s]);

        palp_chart_style_init (&style);
        style.dark = dark;
        style.show_labels = TRUE;
        style.highlighted_region = "face.tmj.left";
        style.selected_mark = 3;
        palp_chart_paint_view (cr, a, PALP_VIEW_FACE, 600, 600, G_LIST_MODEL (marks), &style);
        style.selected_mark = 0;
        style.scale = 2.5;
        palp_chart_paint_view (cr, a, PALP_VIEW_FACE, 300, 200, G_LIST_MODEL (marks), &style);
        /* Degenerate boxes and no marks at all. */
        palp_chart_paint_view (cr, a, PALP_VIEW_FACE, 0, 0, NULL, NULL);
        palp_chart_paint_legend (cr, 0, 0, 10, &style);
        for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
          palp_chart_paint_symbol (cr, kind, 10, 10, 16, dark);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
      }
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      cairo_surface_finish (surfaces[s]);
      g_assert_cmpint (cairo_surface_status (surfaces[s]), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surfaces[s]);
    }
}

static void
test_colors_and_symbols (void)
{
  /* Light colours read on white, dark ones on a dark grey, and no two
   * kinds of a group share a colour. */
  for (PalpMarkKind a = 0; a < PALP_MARK_KIND_COUNT; a++)
    {
      double r, g, b, lum;

      palp_chart_kind_color (a, FALSE, &r, &g, &b);
      lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      g_assert_cmpfloat (lum, <, 0.5);
      palp_chart_kind_color (a, TRUE, &r, &g, &b);
      lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      g_assert_cmpfloat (lum, >, 0.35);

      for (PalpMarkKind k = a + 1; k < PALP_MARK_KIND_COUNT; k++)
        {
          double r2, g2, b2;

          if (palp_mark_kind_get_group (a) != palp_mark_kind_get_group (k))
            continue;
          palp_chart_kind_color (a, FALSE, &r, &g, &b);
          palp_chart_kind_color (k, FALSE, &r2, &g2, &b2);
          g_assert_cmpfloat (fabs (r - r2) + fabs (g - g2) + fabs (b - b2), >, 0.1);
        }
    }

  /* Every symbol draws something of its own: no two alike. */
  {
    g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func (g_free);

    for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 32, 32);
        cairo_t *cr = cairo_create (surface);
        int stride = cairo_image_surface_get_stride (surface);
        guint inked = 0;

        palp_chart_paint_symbol (cr, kind, 16, 16, 24, FALSE);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        for (int i = 0; i < stride * 32; i++)
          inked += cairo_image_surface_get_data (surface)[i] > 0;
        g_assert_cmpuint (inked, >, 30);
        for (guint k = 0; k < pictures->len; k++)
          g_assert_false (memcmp (pictures->pdata[k], cairo_image_surface_get_data (surface),
                                  stride * 32) == 0);
        g_ptr_array_add (pictures, g_memdup2 (cairo_image_surface_get_data (surface), stride * 32));
        cairo_surface_destroy (surface);
      }
  }
}

static void
test_transform_round_trip (void)
{
  PalpAtlas *a = atlas ();
  const double boxes[][2] = { { 900, 900 }, { 320, 700 }, { 1200, 300 }, { 1, 1 } };

  for (PalpView view = 0; view < PALP_VIEW_COUNT; view++)
    for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
      {
        double vw, vh, x0, y0, x1, y1;
        cairo_matrix_t m;

        palp_atlas_get_view_size (a, view, &vw, &vh);
        for (guint i = 0; i <= 10; i++)
          {
            double vx = vw * i / 10.0, vy = vh * (10 - i) / 10.0, bx, by, rx, ry;

            palp_chart_view_to_box (a, view, boxes[b][0], boxes[b][1], vx, vy, &bx, &by);
            palp_chart_box_to_view (a, view, boxes[b][0], boxes[b][1], bx, by, &rx, &ry);
            g_assert_cmpfloat_with_epsilon (rx, vx, 1e-6);
            g_assert_cmpfloat_with_epsilon (ry, vy, 1e-6);
          }

        /* Aspect kept, centred, inside the box. */
        palp_chart_get_transform (a, view, boxes[b][0], boxes[b][1], &m);
        g_assert_cmpfloat (m.xx, ==, m.yy);
        g_assert_cmpfloat (m.xy, ==, 0);
        palp_chart_view_to_box (a, view, boxes[b][0], boxes[b][1], 0, 0, &x0, &y0);
        palp_chart_view_to_box (a, view, boxes[b][0], boxes[b][1], vw, vh, &x1, &y1);
        g_assert_cmpfloat (x0, >=, -1e-9);
        g_assert_cmpfloat (y0, >=, -1e-9);
        g_assert_cmpfloat (x1, <=, boxes[b][0] + 1e-9);
        g_assert_cmpfloat (y1, <=, boxes[b][1] + 1e-9);
        g_assert_cmpfloat_with_epsilon ((x0 + x1) / 2, boxes[b][0] / 2, 1e-6);
        g_assert_cmpfloat_with_epsilon ((y0 + y1) / 2, boxes[b][1] / 2, 1e-6);
        g_assert_cmpfloat_with_epsilon ((x1 - x0) / (y1 - y0), vw / vh, 1e-6);
      }
}

static void
test_hit_mark (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListStore) marks = g_list_store_new (PALP_TYPE_MARK);
  double vw, vh;
  const double area[] = { 0.1, 0.1, 0.5, 0.1, 0.5, 0.5, 0.1, 0.5 };
  const double point[] = { 0.3, 0.3 };
  const double arrow[] = { 0.7, 0.7, 0.9, 0.9 };
  const double later_area[] = { 0.6, 0.1, 0.9, 0.1, 0.9, 0.4 };
  PalpMark *m;

  palp_atlas_get_view_size (a, PALP_VIEW_FACE, &vw, &vh);
  m = make_mark (PALP_VIEW_FACE, PALP_MARK_ACHING, PALP_MARK_SHAPE_AREA, area, 4, 3, NULL);
  g_list_store_append (marks, m);
  g_object_unref (m);
  m = make_mark (PALP_VIEW_FACE, PALP_MARK_TENDERNESS, PALP_MARK_SHAPE_POINT, point, 1, 5, NULL);
  g_list_store_append (marks, m);
  g_object_unref (m);
  m = make_mark (PALP_VIEW_FACE, PALP_MARK_TRIGGER_POINT, PALP_MARK_SHAPE_ARROW, arrow, 2, -1,
                 NULL);
  g_list_store_append (marks, m);
  g_object_unref (m);
  m = make_mark (PALP_VIEW_FACE, PALP_MARK_TREATED, PALP_MARK_SHAPE_AREA, later_area, 3, -1, NULL);
  g_list_store_append (marks, m);
  g_object_unref (m);

#define HIT(x, y, tol) palp_chart_hit_mark (a, PALP_VIEW_FACE, G_LIST_MODEL (marks), \
                                            (x) * vw, (y) * vh, (tol))
  /* The point sits on the area, and wins: it is drawn on top. */
  g_assert_cmpint (HIT (0.3, 0.3, 5), ==, 1);
  g_assert_cmpint (HIT (0.3 + 4 / vw, 0.3, 5), ==, 1);
  g_assert_cmpint (HIT (0.2, 0.2, 5), ==, 0);
  /* Near the area's edge, outside it, within the tolerance. */
  g_assert_cmpint (HIT (0.1 - 3 / vw, 0.3, 5), ==, 0);
  g_assert_cmpint (HIT (0.1 - 8 / vw, 0.3, 5), ==, -1);
  /* Along the arrow, not just at its ends. */
  g_assert_cmpint (HIT (0.8, 0.8, 3), ==, 2);
  g_assert_cmpint (HIT (0.7, 0.7, 3), ==, 2);
  /* Inside the triangle, and in its box but outside it. */
  g_assert_cmpint (HIT (0.85, 0.2, 1), ==, 3);
  g_assert_cmpint (HIT (0.62, 0.38, 1), ==, -1);
  g_assert_cmpint (HIT (0.05, 0.95, 10), ==, -1);
  g_assert_cmpint (palp_chart_hit_mark (a, PALP_VIEW_FACE, NULL, 1, 1, 5), ==, -1);
  g_assert_cmpint (HIT (NAN, 0.5, 5), ==, -1);
#undef HIT

  /* Through the box transform, as the widget does it. */
  {
    double bx, by, vx, vy;

    palp_chart_view_to_box (a, PALP_VIEW_FACE, 900, 700, 0.3 * vw, 0.3 * vh, &bx, &by);
    palp_chart_box_to_view (a, PALP_VIEW_FACE, 900, 700, bx + 2, by - 2, &vx, &vy);
    g_assert_cmpint (palp_chart_hit_mark (a, PALP_VIEW_FACE, G_LIST_MODEL (marks), vx, vy, 6),
                     ==, 1);
  }
}

static char *
pdf_text_of (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpPdfDocument) document = palp_pdf_open (pdf, &error);

  g_assert_no_error (error);
  return palp_pdf_get_text (document);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_legend (void)
{
  const double widths[] = { 500, 200 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GByteArray) buffer = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      PalpChartStyle style;
      double height, measured;

      palp_chart_style_init (&style);
      measured = palp_chart_measure_legend (widths[w], &style);
      surface = cairo_pdf_surface_create_for_stream (append_cb, buffer, 600, 800);
      cr = cairo_create (surface);
      height = palp_chart_paint_legend (cr, 20, 20, widths[w], &style);
      g_assert_cmpfloat_with_epsilon (height, measured, 0.01);
      g_assert_cmpfloat (height, >, 60);
      g_assert_cmpfloat (height, <, 760);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
      text = pdf_text_of (bytes);
      for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
        g_assert_nonnull (strstr (text, palp_mark_kind_get_label (kind)));
      g_assert_nonnull (strstr (text, "Sensations"));
      g_assert_nonnull (strstr (text, "Findings"));
      g_assert_nonnull (strstr (text, "Zones"));
    }

  /* Three columns need less height than one. */
  {
    PalpChartStyle style;

    palp_chart_style_init (&style);
    g_assert_cmpfloat (palp_chart_measure_legend (500, &style), <,
                       palp_chart_measure_legend (200, &style));
  }
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  Reader reader = { 0, };

  reader.data = g_bytes_get_data (png, &reader.size);
  return cairo_image_surface_create_from_png_stream (read_cb, &reader);
}

static void
test_png_export (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListModel) marks = sample_marks (a, PALP_VIEW_FACE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "face.png", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  gsize length;

  png = palp_chart_render_png (a, PALP_VIEW_FACE, marks, TRUE, 640, 900, &error);
  g_assert_no_error (error);
  image = decode_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  cairo_surface_destroy (image);

  /* The same chart, the same pixels. */
  again = palp_chart_render_png (a, PALP_VIEW_FACE, marks, TRUE, 640, 900, &error);
  g_assert_true (g_bytes_equal (png, again));

  g_assert_true (palp_chart_write_png (a, PALP_VIEW_FACE, marks, FALSE, path, 300, 200, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) file = g_bytes_new_take (g_steal_pointer (&contents), length);

    image = decode_png (file);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 300);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200);
    cairo_surface_destroy (image);
  }
  g_unlink (path);
  g_rmdir (dir);

  g_assert_null (palp_chart_render_png (a, PALP_VIEW_FACE, marks, TRUE, 0, 900, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_chart_document (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListStore) marks = g_list_store_new (PALP_TYPE_MARK);
  g_autoptr(GListModel) face = sample_marks (a, PALP_VIEW_FACE);
  g_autoptr(GListModel) body = sample_marks (a, PALP_VIEW_BODY_POSTERIOR);
  g_autoptr(PalpClinic) clinic = palp_clinic_new ();
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(PalpVisit) visit = palp_visit_new ();
  g_autoptr(PalpUser) user = palp_user_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  const PalpView views[] = { PALP_VIEW_FACE, PALP_VIEW_BODY_POSTERIOR };
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT),
                                            "painter-document.pdf", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (face); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (face, i);

      g_list_store_append (marks, mark);
    }
  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (body, i);

      g_list_store_append (marks, mark);
    }

  g_object_set (clinic, "name", "Cedar Hollow Massage Therapy", "country", "US", NULL);
  g_object_set (client, "given-name", "Grace", "family-name", "Whitfield", NULL);
  g_object_set (visit, "starts-at", "2026-03-14 09:00", NULL);
  g_object_set (user, "display-name", "Maya Okafor", "credentials", "LMT", NULL);

  pdf = palp_doc_chart_render (clinic, client, visit, user, a, views, G_N_ELEMENTS (views),
                               G_LIST_MODEL (marks), &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      g_bytes_get_size (pdf), NULL));

  text = pdf_text_of (pdf);
  g_assert_nonnull (strstr (text, "Grace Whitfield"));
  g_assert_nonnull (strstr (text, "Maya Okafor, LMT"));
  g_assert_nonnull (strstr (text, "Not signed yet"));
  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    g_assert_nonnull (strstr (text, palp_mark_kind_get_label (kind)));

  /* The summary as the note words it, for each view. */
  items = palp_doc_chart_items (a, PALP_VIEW_FACE, G_LIST_MODEL (marks));
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (face_samples));
  summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) items->data, items->len);
  g_assert_nonnull (strstr (summary, "Left masseter: trigger point 7/10"));
  {
    g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        g_assert_nonnull (strstr (text, lines[i]));
  }
  g_assert_nonnull (strstr (text, "Left low back: aching 6/10"));

  /* Signed: says so; the same visit gives the same bytes. */
  g_object_set (visit, "signed-at", "2026-03-14 10:15:00", NULL);
  g_clear_pointer (&pdf, g_bytes_unref);
  pdf = palp_doc_chart_render (clinic, client, visit, user, a, views, 1, G_LIST_MODEL (marks),
                               &error);
  again = palp_doc_chart_render (clinic, client, visit, user, a, views, 1, G_LIST_MODEL (marks),
                                 &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pdf, again));
  g_clear_pointer (&text, g_free);
  text = pdf_text_of (pdf);
  g_assert_null (strstr (text, "Not signed yet"));
  g_assert_null (strstr (text, "Left low back"));
}

static void
test_items_without_regions (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListStore) marks = g_list_store_new (PALP_TYPE_MARK);
  const double xy[] = { 0.5, 0.5 };
  g_autoptr(PalpMark) none = make_mark (PALP_VIEW_FACE, PALP_MARK_TENDERNESS,
                                        PALP_MARK_SHAPE_POINT, xy, 1, 2, NULL);
  g_autoptr(PalpMark) two = make_mark (PALP_VIEW_FACE, PALP_MARK_TENDERNESS,
                                       PALP_MARK_SHAPE_POINT, xy, 1, 4,
                                       "face.masseter.left, face.gone.left");
  g_autoptr(PalpMark) other = make_mark (PALP_VIEW_HEAD_LEFT, PALP_MARK_TENDERNESS,
                                         PALP_MARK_SHAPE_POINT, xy, 1, 4, "head.tmj.left");
  g_autoptr(GArray) items = NULL;

  g_list_store_append (marks, none);
  g_list_store_append (marks, two);
  g_list_store_append (marks, other);
  items = palp_doc_chart_items (a, PALP_VIEW_FACE, G_LIST_MODEL (marks));
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (g_array_index (items, PalpChartItem, 0).region_id, ==, "face");
  g_assert_cmpstr (g_array_index (items, PalpChartItem, 1).region_name, ==, "Left masseter");
  g_assert_cmpstr (g_array_index (items, PalpChartItem, 2).region_id, ==, "face.gone.left");
  g_assert_cmpint (g_array_index (items, PalpChartItem, 2).intensity, ==, 4);

  /* A referral arrow counts where it starts, not where it refers to. */
  {
    const double ends[] = { 0.3, 0.5, 0.3, 0.3 };
    g_autoptr(PalpMark) arrow = make_mark (PALP_VIEW_FACE, PALP_MARK_TRIGGER_POINT,
                                           PALP_MARK_SHAPE_ARROW, ends, 2, 6,
                                           "face.masseter.left,face.temporalis.left");

    g_list_store_remove_all (marks);
    g_list_store_append (marks, arrow);
    g_clear_pointer (&items, g_array_unref);
    items = palp_doc_chart_items (a, PALP_VIEW_FACE, G_LIST_MODEL (marks));
    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpstr (g_array_index (items, PalpChartItem, 0).region_id, ==,
                     "face.masseter.left");
  }
}

/* Every view with its sample marks, light and dark, for a person to look
 * at: painter-VIEW.png and painter-VIEW-dark.png in the build folder. */
static void
test_pictures (void)
{
  PalpAtlas *a = atlas ();

  for (PalpView view = 0; view < PALP_VIEW_COUNT; view++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autoptr(GListModel) marks = sample_marks (a, view);
        g_autofree char *name = g_strdup_printf ("painter-%s%s.png", palp_view_to_key (view),
                                                 dark ? "-dark" : "");
        g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 900);
        cairo_t *cr = cairo_create (surface);
        PalpChartStyle style;

        palp_chart_style_init (&style);
        style.dark = dark;
        style.selected_mark = dark ? 0 : -1;
        style.highlighted_region = dark ? palp_region_get_id (palp_atlas_get_region (a, view, 0))
                                        : NULL;
        if (dark)
          cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
        else
          cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        palp_chart_paint_view (cr, a, view, 900, 900, marks, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
        g_test_message ("wrote %s", path);

        if (!dark)
          {
            g_autofree char *export_name = g_strdup_printf ("painter-%s-export.png",
                                                            palp_view_to_key (view));
            g_autofree char *export_path = g_build_filename (g_test_get_dir (G_TEST_BUILT),
                                                             export_name, NULL);
            g_autoptr(GError) error = NULL;

            g_assert_true (palp_chart_write_png (a, view, marks, TRUE, export_path, 800, 1000,
                                                 &error));
            g_assert_no_error (error);
          }
      }
}

/* Pixels (of @a and @b, same size) differing by more than a few levels in
 * any channel. */
static guint
differing_pixels (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa, *pb;
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x += 4)
      for (int c = 0; c < 4; c++)
        if (ABS (pa[y * stride + x + c] - pb[y * stride + x + c]) > 24)
          {
            n++;
            break;
          }
  return n;
}

static cairo_surface_t *
draw_face (PalpAtlas      *a,
           GListModel     *marks,
           PalpChartLayer *layer)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 600);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (layer != NULL)
    palp_chart_paint_view_cached (cr, layer, a, PALP_VIEW_FACE, 500, 600, marks, NULL);
  else
    palp_chart_paint_view (cr, a, PALP_VIEW_FACE, 500, 600, marks, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* The cached marks layer looks like the marks drawn afresh, and follows
 * the marks when told they changed. */
static void
test_cached_layer (void)
{
  PalpAtlas *a = atlas ();
  g_autoptr(GListModel) marks = sample_marks (a, PALP_VIEW_FACE);
  g_autoptr(PalpChartLayer) layer = palp_chart_layer_new ();
  g_autoptr(PalpMark) first = g_list_model_get_item (marks, 0);
  cairo_surface_t *direct, *cached, *empty;
  guint total = 500 * 600;

  direct = draw_face (a, marks, NULL);
  cached = draw_face (a, marks, layer);
  empty = draw_face (a, NULL, NULL);
  g_assert_cmpuint (differing_pixels (direct, cached), <, total / 200);
  /* The test would notice if the marks were missing. */
  g_assert_cmpuint (differing_pixels (direct, empty), >, total / 100);
  cairo_surface_destroy (cached);

  /* A mark moved in place: stale until invalidated, then right again. */
  {
    const double far[] = { 0.5, 0.05 };
    g_autofree char *geometry = NULL;

    g_assert_cmpstr (palp_mark_get_string (first, "shape"), ==, "point");
    geometry = palp_mark_geometry_to_json (far, 1);
    g_object_set (first, "geometry", geometry, NULL);
    cairo_surface_destroy (direct);
    direct = draw_face (a, marks, NULL);
    palp_chart_layer_invalidate (layer);
    cached = draw_face (a, marks, layer);
    g_assert_cmpuint (differing_pixels (direct, cached), <, total / 200);
    cairo_surface_destroy (cached);
  }
  /* A mark removed: noticed without being told (the count changed). */
  g_list_store_remove (G_LIST_STORE (marks), 0);
  cairo_surface_destroy (direct);
  direct = draw_face (a, marks, NULL);
  cached = draw_face (a, marks, layer);
  g_assert_cmpuint (differing_pixels (direct, cached), <, total / 200);

  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);
  cairo_surface_destroy (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/painter/every-kind-every-shape", test_every_kind_every_shape);
  g_test_add_func ("/chart/painter/colors-and-symbols", test_colors_and_symbols);
  g_test_add_func ("/chart/painter/transform-round-trip", test_transform_round_trip);
  g_test_add_func ("/chart/painter/hit-mark", test_hit_mark);
  g_test_add_func ("/chart/painter/legend", test_legend);
  g_test_add_func ("/chart/painter/png-export", test_png_export);
  g_test_add_func ("/chart/document/render", test_chart_document);
  g_test_add_func ("/chart/document/items-without-regions", test_items_without_regions);
  g_test_add_func ("/chart/painter/pictures", test_pictures);
  g_test_add_func ("/chart/painter/cached-layer", test_cached_layer);

  return g_test_run ();
}
