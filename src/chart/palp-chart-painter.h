/* palp-chart-painter.h: the body chart drawn with cairo
 *
 * One painter for the three outputs: the chart widget hands it the cairo
 * context of its snapshot, the chart document a PDF surface, the export
 * a PNG surface. A view is drawn in a box (the widget's allocation, a
 * rectangle on the page, the image), its aspect kept and centred; one
 * transform maps view coordinates to the box for drawing and its inverse
 * maps a pointer back for hit testing.
 *
 * Each mark kind has a colour (one for light, one for dark backgrounds,
 * from a palette that stays apart for colour-blind eyes) and always a
 * symbol and an area pattern of its own, so colour never carries the
 * meaning alone. The legend draws the same symbols with the kinds' names.
 *
 * Cairo and pango only (no GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "palp-atlas.h"
#include "palp-mark-kind.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean    dark;                /* drawn on a dark background */
  double      scale;               /* symbols, lines and text, relative to the default (1.0) */
  gboolean    show_labels;         /* region names at their label points */
  const char *highlighted_region;  /* a region id drawn emphasised, or NULL */
  int         selected_mark;       /* index in the marks drawn, or -1 */
} PalpChartStyle;

/* Light, scale 1, no labels, nothing highlighted or selected. */
void      palp_chart_style_init      (PalpChartStyle       *style);

/* The kind's colour as red, green, blue (0..1) for a light or a dark
 * background; for the tool palette and the marks list. */
void      palp_chart_kind_color      (PalpMarkKind          kind,
                                      gboolean              dark,
                                      double               *red,
                                      double               *green,
                                      double               *blue);
/* The kind's symbol, centred on (@x, @y), @size across, in the current
 * user space of @cr, with a halo that keeps it readable on any fill. */
void      palp_chart_paint_symbol    (cairo_t              *cr,
                                      PalpMarkKind          kind,
                                      double                x,
                                      double                y,
                                      double                size,
                                      gboolean              dark);

/* The transform from the view's coordinates (palp_atlas_get_view_size)
 * to a box of @width × @height with its origin at 0, 0. */
void      palp_chart_get_transform   (PalpAtlas            *atlas,
                                      PalpView              view,
                                      double                width,
                                      double                height,
                                      cairo_matrix_t       *matrix);
void      palp_chart_view_to_box     (PalpAtlas            *atlas,
                                      PalpView              view,
                                      double                width,
                                      double                height,
                                      double                view_x,
                                      double                view_y,
                                      double               *box_x,
                                      double               *box_y);
void      palp_chart_box_to_view     (PalpAtlas            *atlas,
                                      PalpView              view,
                                      double                width,
                                      double                height,
                                      double                box_x,
                                      double                box_y,
                                      double               *view_x,
                                      double               *view_y);

/* The mark of @marks (PalpMark, all of @view) under (@view_x, @view_y) in
 * view coordinates: a point or an arrow's ends within @tolerance (view
 * units), an area containing the point or its edge within @tolerance. The
 * topmost wins (points over arrows over areas, later over earlier), as
 * drawn. -1 when none. */
int       palp_chart_hit_mark        (PalpAtlas            *atlas,
                                      PalpView              view,
                                      GListModel           *marks,
                                      double                view_x,
                                      double                view_y,
                                      double                tolerance);

/* Draws @view in a box of @width × @height at the origin of @cr's user
 * space: the regions, the figure's outline, then @marks (PalpMark of that
 * view; NULL for none). Nothing is drawn under the figure: the caller
 * paints the background. */
void      palp_chart_paint_view      (cairo_t              *cr,
                                      PalpAtlas            *atlas,
                                      PalpView              view,
                                      double                width,
                                      double                height,
                                      GListModel           *marks,
                                      const PalpChartStyle *style);

/* The marks drawn once into pixels and reused while nothing they depend
 * on changed: a widget's redraw on hover, scroll or a highlighted region
 * then costs the bare view and one image. Call palp_chart_layer_invalidate()
 * when a mark is added, moved, edited or removed (the layer also notices a
 * different marks model, count, view, size, scale, theme or selection). On
 * a PDF the marks are always drawn as vectors. */
typedef struct _PalpChartLayer PalpChartLayer;

PalpChartLayer *palp_chart_layer_new        (void);
void            palp_chart_layer_free       (PalpChartLayer       *layer);
void            palp_chart_layer_invalidate (PalpChartLayer       *layer);
void            palp_chart_paint_view_cached (cairo_t             *cr,
                                              PalpChartLayer       *layer,
                                              PalpAtlas            *atlas,
                                              PalpView              view,
                                              double                width,
                                              double                height,
                                              GListModel           *marks,
                                              const PalpChartStyle *style);

/* The legend, grouped Sensations, Findings, Zones, in columns when
 * @width allows, its top left at (@x, @y). Returns its height. The labels
 * are in the process's language. */
double    palp_chart_paint_legend    (cairo_t              *cr,
                                      double                x,
                                      double                y,
                                      double                width,
                                      const PalpChartStyle *style);
/* The height palp_chart_paint_legend() would take, without drawing. */
double    palp_chart_measure_legend  (double                width,
                                      const PalpChartStyle *style);

/* @view with @marks (and the legend below it when @legend) as a PNG of
 * @width × @height pixels on a light background. */
GBytes   *palp_chart_render_png      (PalpAtlas            *atlas,
                                      PalpView              view,
                                      GListModel           *marks,
                                      gboolean              legend,
                                      int                   width,
                                      int                   height,
                                      GError              **error);
/* The same, written atomically to @path. */
gboolean  palp_chart_write_png       (PalpAtlas            *atlas,
                                      PalpView              view,
                                      GListModel           *marks,
                                      gboolean              legend,
                                      const char           *path,
                                      int                   width,
                                      int                   height,
                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpChartLayer, palp_chart_layer_free)

G_END_DECLS
