/* palp-progress-plot.h: one goal's progress, drawn with cairo
 *
 * One point per visit (its measurement), joined by a line, with the
 * baseline and the target as dashed horizontal lines labelled on the
 * right, the visits along the bottom (visit number, or date when there is
 * room) and the measure's scale at the left, oriented so that "better" is
 * always up: for a lower-is-better measure (pain, NDI) the axis runs
 * downwards. The same painter draws the Plan page's widget, the progress
 * report's PDF and PNG files; it knows nothing of GTK or the database.
 *
 * Colours come from the caller (the widget passes its style's foreground
 * and accent, a document black and one print colour), so dark mode and
 * high contrast work and print stays legible in grey.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "palp-measure.h"

G_BEGIN_DECLS

typedef struct
{
  guint        visit_number;  /* 1-based, in the plan's visits */
  const char  *date;          /* ISO date of the visit */
  double       value;
} PalpPlotPoint;

typedef struct
{
  const char           *title;      /* the goal in words; may be NULL */
  const char           *unit;       /* "mm", "/10", "°"; may be NULL or "" */
  PalpDirection         direction;
  double                baseline;
  double                target;
  double                min;        /* the scale's range; may be infinite */
  double                max;        /*  for a custom measure: then fitted */
  const PalpPlotPoint  *points;     /* in visit order; may be empty */
  gsize                 n_points;
  gboolean              plateau;    /* shade the last visits as a plateau */
  guint                 plateau_visits;
} PalpProgressPlot;

typedef struct
{
  double  fg[4];      /* text, axes, the series line (RGBA 0–1) */
  double  accent[4];  /* the points and the target line */
  double  warning[4]; /* the plateau shading */
  const char *font;   /* pango font description, e.g. "Sans 9"; NULL: "Sans 9" */
} PalpPlotStyle;

/* Fills @style with black, a dark blue and amber, "Sans 9". */
void  palp_plot_style_init_print (PalpPlotStyle *style);

/* Draws @plot into the rectangle (@x, @y, @width, @height) of @cr, in
 * user units (points in a PDF, pixels in a widget). Never fails: without
 * points it draws the baseline and target and says "No measurements
 * yet"; NaN or infinite values are skipped. */
void  palp_progress_plot_draw    (cairo_t                 *cr,
                                  const PalpProgressPlot  *plot,
                                  const PalpPlotStyle     *style,
                                  double                   x,
                                  double                   y,
                                  double                   width,
                                  double                   height);

/* The accessible description of the plot in words ("Pain: baseline 7,
 * latest 3 at visit 6, target 2; improved by 4 points"), translated. */
char *palp_progress_plot_describe (const PalpProgressPlot *plot);

G_END_DECLS
