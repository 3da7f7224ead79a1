/* palp-svg-path.h: the subset of SVG path data the atlas is written in
 *
 * Reads a d= attribute into absolute move, line, cubic and close
 * operations (quadratics become cubics, relative and shorthand commands
 * are resolved). Elliptical arcs (A/a) are refused: the atlas does not
 * use them and a reader that half-understands them would draw wrongly.
 *
 * Errors are in the PALP_ATLAS_ERROR domain: PALP_ATLAS_ERROR_PATH for
 * anything malformed, PALP_ATLAS_ERROR_LIMIT for absurd sizes or numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Limits: far beyond anything drawn by hand, small enough to keep a
 * broken file from eating memory or time. */
#define PALP_SVG_PATH_MAX_LENGTH     (256 * 1024)   /* bytes of d= */
#define PALP_SVG_PATH_MAX_OPS        20000
#define PALP_SVG_PATH_MAX_COORD      1.0e6          /* |x|, |y| in user units */

typedef enum
{
  PALP_SVG_PATH_MOVE_TO,      /* 1 point */
  PALP_SVG_PATH_LINE_TO,      /* 1 point */
  PALP_SVG_PATH_CURVE_TO,     /* 3 points */
  PALP_SVG_PATH_CLOSE,        /* 0 points */
} PalpSvgPathOp;

typedef struct _PalpSvgPath PalpSvgPath;

PalpSvgPath   *palp_svg_path_parse        (const char        *data,
                                           gssize             length,
                                           GError           **error);
void           palp_svg_path_free         (PalpSvgPath       *path);

guint          palp_svg_path_get_n_ops    (const PalpSvgPath *path);
PalpSvgPathOp  palp_svg_path_get_op       (const PalpSvgPath *path,
                                           guint              index,
                                           const double     **points);
/* FALSE for an empty path. */
gboolean       palp_svg_path_get_extents  (const PalpSvgPath *path,
                                           double            *x1,
                                           double            *y1,
                                           double            *x2,
                                           double            *y2);
void           palp_svg_path_append       (const PalpSvgPath *path,
                                           cairo_t           *cr);

/* Flattened outline for hit testing: @points gets x,y pairs (doubles),
 * @starts the index (in points, not doubles) where each closed ring
 * begins; every ring is implicitly closed. */
void           palp_svg_path_flatten      (const PalpSvgPath *path,
                                           double             tolerance,
                                           GArray            *points,
                                           GArray            *starts);
/* Nonzero winding rule, as cairo fills by default, on the output of
 * palp_svg_path_flatten(). */
gboolean       palp_svg_path_polygon_contains (const double *points,
                                               guint         n_points,
                                               const guint  *starts,
                                               guint         n_starts,
                                               double        x,
                                               double        y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpSvgPath, palp_svg_path_free)

G_END_DECLS
