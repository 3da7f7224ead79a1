/* palp-chart-painter.c: the body chart drawn with cairo
 *
 * Marks are drawn kind by kind, not one by one: every area of a kind is
 * one path (tinted once, patterned once through one clip, outlined once),
 * every point symbol of a kind one path, every intensity badge of a kind
 * one path. Cairo's cost is per operation far more than per segment, so a
 * chart with five hundred marks costs a few dozen operations, and the
 * widget can redraw it on every pointer motion.
 *
 * The palette follows Okabe and Ito's colour-blind-safe set (darkened to
 * read on white, lightened to read on a dark background). Fifteen kinds
 * need more than eight colours, so a colour repeats across groups; the
 * symbol and the area pattern never do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-chart-painter.h"
#include "palp-mark.h"

#define FONT_FAMILY      "DejaVu Sans"
/* Sizes in box units at scale 1: a widget's logical pixels, a PDF's points. */
#define SYMBOL_SIZE      19.0
#define HALO_WIDTH       2.4
#define AREA_LINE_WIDTH  1.6
#define PATTERN_STEP     8.0
#define PATTERN_WIDTH    1.1
#define REGION_WIDTH     0.8
#define OUTLINE_WIDTH    1.6
#define BADGE_FONT       10.0
#define LABEL_FONT       8.0
#define LEGEND_FONT      9.5
#define LEGEND_HEADING   9.5
/* Share of the box kept free round the figure, for symbols at its edge. */
#define BOX_PADDING      0.03

typedef struct
{
  double r, g, b;
} Rgb;

typedef enum
{
  PATTERN_NONE,
  PATTERN_CARETS,      /* ^ ^ ^  aching, as on a classic pain drawing */
  PATTERN_CROSSES,     /* x x x  burning */
  PATTERN_SLASHES,     /* ////   stabbing */
  PATTERN_RINGS,       /* o o o  pins and needles */
  PATTERN_HLINES,      /* ====   numbness */
  PATTERN_PLUSES,      /* + + +  tenderness */
  PATTERN_DOTS,        /* . . .  trigger points */
  PATTERN_WAVES,       /* ~~~~   hypertonicity */
  PATTERN_ZIGZAG,      /* /\/\   spasm */
  PATTERN_ARCS,        /* ⌒⌒     swelling */
  PATTERN_STITCHES,    /* -|-|-  scar */
  PATTERN_CROSSHATCH,  /* ##     bruise or lesion */
  PATTERN_VLINES,      /* ||||   restricted movement */
  PATTERN_STRIPES,     /* \\\\   avoid, bold */
} Pattern;

typedef struct
{
  Rgb     light;
  Rgb     dark;
  Pattern pattern;
} KindStyle;

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Okabe–Ito, and two extra hues (indigo, brown) for the findings. */
#define ORANGE     RGB (0xb86b00), RGB (0xf0a830)
#define VERMILION  RGB (0xcc4c00), RGB (0xff8c52)
#define PURPLE     RGB (0xa8407f), RGB (0xe59bc8)
#define BLUE       RGB (0x0068a8), RGB (0x5cb8f0)
#define GREY       RGB (0x4d4d4d), RGB (0xc8c8c8)
#define GREEN      RGB (0x00795a), RGB (0x2fcb9a)
#define OLIVE      RGB (0x7a6a00), RGB (0xe8dc4a)
#define INDIGO     RGB (0x5a4fc4), RGB (0xaaa3ff)
#define BROWN      RGB (0x7f4f24), RGB (0xd8ad84)

static const KindStyle kind_styles[PALP_MARK_KIND_COUNT] = {
  [PALP_MARK_ACHING]           = { ORANGE, PATTERN_CARETS },
  [PALP_MARK_BURNING]          = { VERMILION, PATTERN_CROSSES },
  [PALP_MARK_STABBING]         = { PURPLE, PATTERN_SLASHES },
  [PALP_MARK_PINS_AND_NEEDLES] = { BLUE, PATTERN_RINGS },
  [PALP_MARK_NUMBNESS]         = { GREY, PATTERN_HLINES },
  [PALP_MARK_TENDERNESS]       = { BLUE, PATTERN_PLUSES },
  [PALP_MARK_TRIGGER_POINT]    = { VERMILION, PATTERN_DOTS },
  [PALP_MARK_HYPERTONICITY]    = { PURPLE, PATTERN_WAVES },
  [PALP_MARK_SPASM]            = { ORANGE, PATTERN_ZIGZAG },
  [PALP_MARK_SWELLING]         = { OLIVE, PATTERN_ARCS },
  [PALP_MARK_SCAR]             = { GREY, PATTERN_STITCHES },
  [PALP_MARK_LESION]           = { INDIGO, PATTERN_CROSSHATCH },
  [PALP_MARK_RESTRICTED]       = { BROWN, PATTERN_VLINES },
  [PALP_MARK_AVOID]            = { VERMILION, PATTERN_STRIPES },
  [PALP_MARK_TREATED]          = { GREEN, PATTERN_NONE },
};

/* The figure: libadwaita's neutral greys, warmed a little. */
static const Rgb region_fill[2] = { RGB (0xf7f4f1), RGB (0x2f2c2a) };
static const Rgb region_line[2] = { RGB (0xc9c2bb), RGB (0x5a544f) };
static const Rgb outline_line[2] = { RGB (0x5e5751), RGB (0xbdb5ad) };
static const Rgb label_ink[2] = { RGB (0x5e5751), RGB (0xbdb5ad) };
static const Rgb halo[2] = { RGB (0xffffff), RGB (0x1e1e1e) };
/* libadwaita's accent blue, for what the user is pointing at. */
static const Rgb accent[2] = { RGB (0x1c71d8), RGB (0x78aeed) };
static const Rgb highlight_fill[2] = { RGB (0xdbe8f8), RGB (0x233b57) };

static const Rgb *
kind_rgb (PalpMarkKind kind,
          gboolean     dark)
{
  return dark ? &kind_styles[kind].dark : &kind_styles[kind].light;
}

static void
set_rgb (cairo_t   *cr,
         const Rgb *rgb,
         double     alpha)
{
  cairo_set_source_rgba (cr, rgb->r, rgb->g, rgb->b, alpha);
}

void
palp_chart_style_init (PalpChartStyle *style)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->scale = 1.0;
  style->selected_mark = -1;
}

static double
style_scale (const PalpChartStyle *style)
{
  return style != NULL && style->scale > 0 && isfinite (style->scale) ? style->scale : 1.0;
}

void
palp_chart_kind_color (PalpMarkKind  kind,
                       gboolean      dark,
                       double       *red,
                       double       *green,
                       double       *blue)
{
  const Rgb *rgb;

  g_return_if_fail (kind < PALP_MARK_KIND_COUNT);

  rgb = kind_rgb (kind, dark);
  if (red != NULL)
    *red = rgb->r;
  if (green != NULL)
    *green = rgb->g;
  if (blue != NULL)
    *blue = rgb->b;
}

/* ---------------------------------------------------------------------- */
/* Symbols                                                                */

typedef enum
{
  PASS_FILL,
  PASS_STROKE,
} SymbolPass;

/* Appends the parts of @kind's symbol that @pass draws, centred on
 * (@x, @y) with radius @r. Returns FALSE when the pass has nothing. */
static gboolean
symbol_path (cairo_t      *cr,
             PalpMarkKind  kind,
             SymbolPass    pass,
             double        x,
             double        y,
             double        r)
{
  gboolean fill = pass == PASS_FILL;

  switch (kind)
    {
    case PALP_MARK_ACHING:
      if (fill)
        return FALSE;
      cairo_move_to (cr, x - r * 0.78, y + r * 0.42);
      cairo_line_to (cr, x, y - r * 0.5);
      cairo_line_to (cr, x + r * 0.78, y + r * 0.42);
      return TRUE;

    case PALP_MARK_BURNING:
      if (fill)
        return FALSE;
      cairo_move_to (cr, x - r * 0.62, y - r * 0.62);
      cairo_line_to (cr, x + r * 0.62, y + r * 0.62);
      cairo_move_to (cr, x + r * 0.62, y - r * 0.62);
      cairo_line_to (cr, x - r * 0.62, y + r * 0.62);
      return TRUE;

    case PALP_MARK_STABBING:
      if (!fill)
        return FALSE;
      /* A sharp four-pointed star. */
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.24, y - r * 0.24);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x + r * 0.24, y + r * 0.24);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r * 0.24, y + r * 0.24);
      cairo_line_to (cr, x - r, y);
      cairo_line_to (cr, x - r * 0.24, y - r * 0.24);
      cairo_close_path (cr);
      return TRUE;

    case PALP_MARK_PINS_AND_NEEDLES:
      if (fill)
        return FALSE;
      /* Three small rings, "o o o" on a pain drawing. */
      for (guint i = 0; i < 3; i++)
        {
          double a = G_PI / 2 + i * 2 * G_PI / 3;
          double cx = x + cos (a) * r * 0.5;
          double cy = y - sin (a) * r * 0.5;

          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, r * 0.3, 0, 2 * G_PI);
          cairo_close_path (cr);
        }
      return TRUE;

    case PALP_MARK_NUMBNESS:
      if (fill)
        return FALSE;
      for (int i = -1; i <= 1; i += 2)
        {
          cairo_move_to (cr, x - r * 0.75, y + i * r * 0.3);
          cairo_line_to (cr, x + r * 0.75, y + i * r * 0.3);
        }
      return TRUE;

    case PALP_MARK_TENDERNESS:
      if (!fill)
        return FALSE;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.68, 0, 2 * G_PI);
      cairo_close_path (cr);
      return TRUE;

    case PALP_MARK_TRIGGER_POINT:
      /* A target: a ring round a dot. */
      cairo_new_sub_path (cr);
      if (fill)
        cairo_arc (cr, x, y, r * 0.3, 0, 2 * G_PI);
      else
        cairo_arc (cr, x, y, r * 0.78, 0, 2 * G_PI);
      cairo_close_path (cr);
      return TRUE;

    case PALP_MARK_HYPERTONICITY:
      if (fill)
        return FALSE;
      for (int i = -1; i <= 1; i += 2)
        {
          double yy = y + i * r * 0.32;

          cairo_move_to (cr, x - r * 0.8, yy);
          cairo_curve_to (cr, x - r * 0.4, yy - r * 0.4, x - r * 0.2, yy - r * 0.4, x, yy);
          cairo_curve_to (cr, x + r * 0.2, yy + r * 0.4, x + r * 0.4, yy + r * 0.4, x + r * 0.8,
                          yy);
        }
      return TRUE;

    case PALP_MARK_SPASM:
      if (fill)
        return FALSE;
      /* A lightning zigzag. */
      cairo_move_to (cr, x - r * 0.85, y + r * 0.1);
      cairo_line_to (cr, x - r * 0.42, y - r * 0.5);
      cairo_line_to (cr, x, y + r * 0.5);
      cairo_line_to (cr, x + r * 0.42, y - r * 0.5);
      cairo_line_to (cr, x + r * 0.85, y + r * 0.1);
      return TRUE;

    case PALP_MARK_SWELLING:
      if (!fill)
        return FALSE;
      /* A dome on its base. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y + r * 0.38, r * 0.82, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      return TRUE;

    case PALP_MARK_SCAR:
      if (fill)
        return FALSE;
      /* A stitched line. */
      cairo_move_to (cr, x - r * 0.85, y);
      cairo_line_to (cr, x + r * 0.85, y);
      for (int i = -1; i <= 1; i++)
        {
          cairo_move_to (cr, x + i * r * 0.48, y - r * 0.45);
          cairo_line_to (cr, x + i * r * 0.48, y + r * 0.45);
        }
      return TRUE;

    case PALP_MARK_LESION:
      if (!fill)
        return FALSE;
      cairo_move_to (cr, x, y - r * 0.85);
      cairo_line_to (cr, x + r * 0.7, y);
      cairo_line_to (cr, x, y + r * 0.85);
      cairo_line_to (cr, x - r * 0.7, y);
      cairo_close_path (cr);
      return TRUE;

    case PALP_MARK_RESTRICTED:
      /* Movement stopped at a bar: ►| */
      if (fill)
        {
          cairo_move_to (cr, x - r * 0.75, y - r * 0.62);
          cairo_line_to (cr, x + r * 0.2, y);
          cairo_line_to (cr, x - r * 0.75, y + r * 0.62);
          cairo_close_path (cr);
        }
      else
        {
          cairo_move_to (cr, x + r * 0.62, y - r * 0.72);
          cairo_line_to (cr, x + r * 0.62, y + r * 0.72);
        }
      return TRUE;

    case PALP_MARK_AVOID:
      if (fill)
        return FALSE;
      /* The prohibition sign. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * 0.75, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_move_to (cr, x - r * 0.53, y - r * 0.53);
      cairo_line_to (cr, x + r * 0.53, y + r * 0.53);
      return TRUE;

    case PALP_MARK_TREATED:
      if (fill)
        return FALSE;
      cairo_move_to (cr, x - r * 0.7, y + r * 0.02);
      cairo_line_to (cr, x - r * 0.22, y + r * 0.5);
      cairo_line_to (cr, x + r * 0.75, y - r * 0.55);
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static double
symbol_line_width (double r)
{
  return MAX (r * 0.3, 1.0);
}

/* Draws the symbols of @kind at @xy (@n centres, box coordinates): halo,
 * fill, stroke, one operation each. */
static void
paint_symbols (cairo_t      *cr,
               PalpMarkKind  kind,
               const double *xy,
               guint         n,
               double        size,
               gboolean      dark)
{
  double r = size / 2;
  double lw = symbol_line_width (r);
  double halo_w = MAX (size / SYMBOL_SIZE, 0.5) * HALO_WIDTH;
  gboolean has_fill = FALSE, has_stroke = FALSE;

  if (n == 0)
    return;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* The halo: both passes' shapes, widened in the background colour. */
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    has_fill |= symbol_path (cr, kind, PASS_FILL, xy[2 * i], xy[2 * i + 1], r);
  if (has_fill)
    {
      set_rgb (cr, &halo[dark], 0.92);
      cairo_set_line_width (cr, 2 * halo_w);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    has_stroke |= symbol_path (cr, kind, PASS_STROKE, xy[2 * i], xy[2 * i + 1], r);
  if (has_stroke)
    {
      set_rgb (cr, &halo[dark], 0.92);
      cairo_set_line_width (cr, lw + 2 * halo_w);
      cairo_stroke (cr);
    }

  set_rgb (cr, kind_rgb (kind, dark), 1.0);
  if (has_fill)
    {
      for (guint i = 0; i < n; i++)
        symbol_path (cr, kind, PASS_FILL, xy[2 * i], xy[2 * i + 1], r);
      cairo_fill (cr);
    }
  if (has_stroke)
    {
      for (guint i = 0; i < n; i++)
        symbol_path (cr, kind, PASS_STROKE, xy[2 * i], xy[2 * i + 1], r);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
palp_chart_paint_symbol (cairo_t      *cr,
                         PalpMarkKind  kind,
                         double        x,
                         double        y,
                         double        size,
                         gboolean      dark)
{
  double xy[2] = { x, y };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < PALP_MARK_KIND_COUNT);

  paint_symbols (cr, kind, xy, 1, size, dark);
}

/* ---------------------------------------------------------------------- */
/* Area patterns                                                          */

/* Appends @pattern's marks over the rectangle, on a grid anchored at the
 * box's origin so neighbouring areas of a kind line up. */
static void
pattern_path (cairo_t *cr,
              Pattern  pattern,
              double   x0,
              double   y0,
              double   x1,
              double   y1,
              double   step)
{
  double gx0 = floor (x0 / step) * step - step;
  double gy0 = floor (y0 / step) * step - step;
  double h = step / 2;

  switch (pattern)
    {
    case PATTERN_NONE:
      break;

    case PATTERN_SLASHES:
    case PATTERN_STRIPES:
    case PATTERN_CROSSHATCH:
      {
        /* Diagonals x - y = c (\) or x + y = c (/), every step apart. */
        double span = (y1 - y0) + step;

        for (double c = floor ((x0 - span) / step) * step; c <= x1 + span; c += step)
          {
            if (pattern != PATTERN_SLASHES)
              {
                cairo_move_to (cr, c, y0 - step);
                cairo_line_to (cr, c + span + step, y0 + span);
              }
            if (pattern != PATTERN_STRIPES)
              {
                cairo_move_to (cr, c, y0 + span);
                cairo_line_to (cr, c + span + step, y0 - step);
              }
          }
      }
      break;

    case PATTERN_HLINES:
      for (double y = gy0; y <= y1 + step; y += step * 0.75)
        {
          cairo_move_to (cr, x0 - 1, y);
          cairo_line_to (cr, x1 + 1, y);
        }
      break;

    case PATTERN_VLINES:
      for (double x = gx0; x <= x1 + step; x += step)
        {
          cairo_move_to (cr, x, y0 - 1);
          cairo_line_to (cr, x, y1 + 1);
        }
      break;

    case PATTERN_WAVES:
    case PATTERN_ZIGZAG:
      for (double y = gy0; y <= y1 + step; y += step)
        {
          cairo_move_to (cr, gx0, y);
          for (double x = gx0; x <= x1 + step; x += step)
            {
              if (pattern == PATTERN_WAVES)
                cairo_curve_to (cr, x + h * 0.5, y - h * 0.6, x + h * 1.5, y + h * 0.6, x + step,
                                y);
              else
                {
                  cairo_line_to (cr, x + h, y - h * 0.7);
                  cairo_line_to (cr, x + step, y);
                }
            }
        }
      break;

    case PATTERN_CARETS:
    case PATTERN_CROSSES:
    case PATTERN_RINGS:
    case PATTERN_PLUSES:
    case PATTERN_DOTS:
    case PATTERN_ARCS:
    case PATTERN_STITCHES:
      {
        /* Small marks on a staggered grid, a little sparser than lines. */
        double s = step * 1.25;
        double q = s * 0.22;
        guint row = 0;

        for (double y = floor (y0 / s) * s - s; y <= y1 + s; y += s, row++)
          for (double x = floor (x0 / s) * s - s + (row % 2 ? s / 2 : 0); x <= x1 + s; x += s)
            switch (pattern)
              {
              case PATTERN_CARETS:
                cairo_move_to (cr, x - q, y + q * 0.6);
                cairo_line_to (cr, x, y - q * 0.6);
                cairo_line_to (cr, x + q, y + q * 0.6);
                break;
              case PATTERN_CROSSES:
                cairo_move_to (cr, x - q * 0.8, y - q * 0.8);
                cairo_line_to (cr, x + q * 0.8, y + q * 0.8);
                cairo_move_to (cr, x + q * 0.8, y - q * 0.8);
                cairo_line_to (cr, x - q * 0.8, y + q * 0.8);
                break;
              case PATTERN_RINGS:
                cairo_new_sub_path (cr);
                cairo_arc (cr, x, y, q * 0.75, 0, 2 * G_PI);
                cairo_close_path (cr);
                break;
              case PATTERN_PLUSES:
                cairo_move_to (cr, x - q, y);
                cairo_line_to (cr, x + q, y);
                cairo_move_to (cr, x, y - q);
                cairo_line_to (cr, x, y + q);
                break;
              case PATTERN_DOTS:
                /* A zero-length segment with a round cap is a dot. */
                cairo_move_to (cr, x, y);
                cairo_close_path (cr);
                break;
              case PATTERN_ARCS:
                cairo_new_sub_path (cr);
                cairo_arc (cr, x, y + q * 0.5, q, G_PI, 2 * G_PI);
                break;
              case PATTERN_STITCHES:
                cairo_move_to (cr, x - s / 2, y);
                cairo_line_to (cr, x + s / 2, y);
                cairo_move_to (cr, x, y - q);
                cairo_line_to (cr, x, y + q);
                break;
              case PATTERN_NONE: case PATTERN_SLASHES: case PATTERN_HLINES:
              case PATTERN_WAVES: case PATTERN_ZIGZAG: case PATTERN_CROSSHATCH:
              case PATTERN_VLINES: case PATTERN_STRIPES:
              default:
                break;
              }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static double
pattern_line_width (Pattern pattern,
                    double  scale)
{
  if (pattern == PATTERN_STRIPES)
    return 2.6 * scale;
  if (pattern == PATTERN_DOTS)
    return 2.4 * scale;
  return PATTERN_WIDTH * scale;
}

/* ---------------------------------------------------------------------- */
/* Geometry                                                               */

/* Reads the canonical geometry (a JSON array of [x, y] pairs, 0..1) into
 * @xy, without a JSON parser: the painter reads every mark on every
 * redraw. Anything else is skipped; the store never lets it in. */
static gboolean
read_geometry (const char    *json,
               PalpMarkShape  shape,
               GArray        *xy)
{
  const char *p = json;
  guint n = 0;

  g_array_set_size (xy, 0);
  if (p == NULL)
    return FALSE;

#define SKIP_SPACE() while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++
#define EXPECT(c) G_STMT_START { SKIP_SPACE (); if (*p != (c)) return FALSE; p++; } G_STMT_END

  EXPECT ('[');
  SKIP_SPACE ();
  while (*p == '[')
    {
      p++;
      for (guint c = 0; c < 2; c++)
        {
          char *end;
          double v;

          if (c == 1)
            EXPECT (',');
          SKIP_SPACE ();
          v = g_ascii_strtod (p, &end);
          if (end == p || !isfinite (v) || v < 0.0 || v > 1.0)
            return FALSE;
          p = end;
          g_array_append_val (xy, v);
        }
      EXPECT (']');
      if (++n > PALP_MARK_MAX_POINTS)
        return FALSE;
      SKIP_SPACE ();
      if (*p != ',')
        break;
      p++;
      SKIP_SPACE ();
    }
  EXPECT (']');
  SKIP_SPACE ();

#undef SKIP_SPACE
#undef EXPECT

  if (*p != '\0')
    return FALSE;
  switch (shape)
    {
    case PALP_MARK_SHAPE_POINT:
      return n == 1;
    case PALP_MARK_SHAPE_ARROW:
      return n == 2;
    case PALP_MARK_SHAPE_AREA:
      return n >= 3;
    default:
      return FALSE;
    }
}

typedef struct
{
  PalpMarkKind   kind;
  PalpMarkShape  shape;
  int            intensity;  /* -1: none */
  guint          first;      /* index of the first x in the shared coordinates */
  guint          n_points;
} Mark;

/* Reads @marks into @out (Mark) and their coordinates, in view units,
 * into @coords. A mark that cannot be read gets kind = COUNT. */
static void
read_marks (GListModel *marks,
            double      view_w,
            double      view_h,
            GArray     *out,
            GArray     *coords)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = marks != NULL ? g_list_model_get_n_items (marks) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);
      Mark m = { PALP_MARK_KIND_COUNT, PALP_MARK_SHAPE_POINT, -1, coords->len / 2, 0 };

      if (PALP_IS_MARK (mark)
          && palp_mark_kind_from_key (palp_mark_get_string (mark, "kind"), &m.kind)
          && palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &m.shape)
          && read_geometry (palp_mark_get_string (mark, "geometry"), m.shape, xy))
        {
          m.n_points = xy->len / 2;
          for (guint k = 0; k < xy->len; k += 2)
            {
              double p[2] = { g_array_index (xy, double, k) * view_w,
                              g_array_index (xy, double, k + 1) * view_h };

              g_array_append_vals (coords, p, 2);
            }
          if (palp_mark_get_int (mark, "has-intensity"))
            m.intensity = (int) CLAMP (palp_mark_get_int (mark, "intensity"), 0, 10);
        }
      else
        m.kind = PALP_MARK_KIND_COUNT;
      g_array_append_val (out, m);
    }
}

static void
view_size (PalpAtlas *atlas,
           PalpView   view,
           double    *w,
           double    *h)
{
  palp_atlas_get_view_size (atlas, view, w, h);
  /* An empty view still maps somewhere: a unit square. */
  if (!(*w > 0) || !(*h > 0))
    *w = *h = 1.0;
}

void
palp_chart_get_transform (PalpAtlas      *atlas,
                          PalpView        view,
                          double          width,
                          double          height,
                          cairo_matrix_t *matrix)
{
  double vw, vh, pad, s;

  g_return_if_fail (atlas != NULL);
  g_return_if_fail (view < PALP_VIEW_COUNT);
  g_return_if_fail (matrix != NULL);

  view_size (atlas, view, &vw, &vh);
  width = MAX (width, 1.0);
  height = MAX (height, 1.0);
  pad = MIN (width, height) * BOX_PADDING;
  s = MIN ((width - 2 * pad) / vw, (height - 2 * pad) / vh);
  cairo_matrix_init (matrix, s, 0, 0, s, (width - vw * s) / 2, (height - vh * s) / 2);
}

void
palp_chart_view_to_box (PalpAtlas *atlas,
                        PalpView   view,
                        double     width,
                        double     height,
                        double     view_x,
                        double     view_y,
                        double    *box_x,
                        double    *box_y)
{
  cairo_matrix_t m;

  palp_chart_get_transform (atlas, view, width, height, &m);
  cairo_matrix_transform_point (&m, &view_x, &view_y);
  if (box_x != NULL)
    *box_x = view_x;
  if (box_y != NULL)
    *box_y = view_y;
}

void
palp_chart_box_to_view (PalpAtlas *atlas,
                        PalpView   view,
                        double     width,
                        double     height,
                        double     box_x,
                        double     box_y,
                        double    *view_x,
                        double    *view_y)
{
  cairo_matrix_t m;

  palp_chart_get_transform (atlas, view, width, height, &m);
  /* A uniform scale and a shift: always invertible. */
  cairo_matrix_invert (&m);
  cairo_matrix_transform_point (&m, &box_x, &box_y);
  if (view_x != NULL)
    *view_x = box_x;
  if (view_y != NULL)
    *view_y = box_y;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* Even-odd, as the area is filled. */
static gboolean
polygon_contains (const double *xy,
                  guint         n,
                  double        x,
                  double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1];
      double xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

static double
polygon_edge_distance (const double *xy,
                       guint         n,
                       double        x,
                       double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    best = MIN (best, segment_distance (x, y, xy[2 * j], xy[2 * j + 1], xy[2 * i],
                                        xy[2 * i + 1]));
  return best;
}

int
palp_chart_hit_mark (PalpAtlas  *atlas,
                     PalpView    view,
                     GListModel *marks,
                     double      view_x,
                     double      view_y,
                     double      tolerance)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));
  double vw, vh;
  /* Drawn last, found first. */
  static const PalpMarkShape order[] = {
    PALP_MARK_SHAPE_POINT, PALP_MARK_SHAPE_ARROW, PALP_MARK_SHAPE_AREA
  };

  g_return_val_if_fail (atlas != NULL, -1);
  g_return_val_if_fail (view < PALP_VIEW_COUNT, -1);

  if (marks == NULL || !isfinite (view_x) || !isfinite (view_y))
    return -1;
  tolerance = MAX (tolerance, 0.0);

  view_size (atlas, view, &vw, &vh);
  read_marks (marks, vw, vh, list, coords);

  for (guint o = 0; o < G_N_ELEMENTS (order); o++)
    for (guint i = list->len; i > 0; i--)
      {
        const Mark *m = &g_array_index (list, Mark, i - 1);
        const double *xy = &g_array_index (coords, double, 2 * m->first);

        if (m->kind == PALP_MARK_KIND_COUNT || m->shape != order[o])
          continue;
        switch (m->shape)
          {
          case PALP_MARK_SHAPE_POINT:
            if (hypot (view_x - xy[0], view_y - xy[1]) <= tolerance)
              return (int) (i - 1);
            break;
          case PALP_MARK_SHAPE_ARROW:
            if (segment_distance (view_x, view_y, xy[0], xy[1], xy[2], xy[3]) <= tolerance)
              return (int) (i - 1);
            break;
          case PALP_MARK_SHAPE_AREA:
            if (polygon_contains (xy, m->n_points, view_x, view_y)
                || polygon_edge_distance (xy, m->n_points, view_x, view_y) <= tolerance)
              return (int) (i - 1);
            break;
          default:
            break;
          }
      }
  return -1;
}

/* Where an area's symbol and badge go: its centroid when that lies
 * inside, else the middle of the widest horizontal run through it. */
static void
area_anchor (const double *xy,
             guint         n,
             double       *ax,
             double       *ay)
{
  double a = 0, cx = 0, cy = 0;
  double y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double cross = xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];

      a += cross;
      cx += (xy[2 * j] + xy[2 * i]) * cross;
      cy += (xy[2 * j + 1] + xy[2 * i + 1]) * cross;
      y0 = MIN (y0, xy[2 * i + 1]);
      y1 = MAX (y1, xy[2 * i + 1]);
    }
  if (fabs (a) > 1e-12)
    {
      cx /= 3 * a;
      cy /= 3 * a;
      if (polygon_contains (xy, n, cx, cy))
        {
          *ax = cx;
          *ay = cy;
          return;
        }
    }

  /* A crescent or an L: scan across the middle. */
  {
    double y = (y0 + y1) / 2;
    double best = -1, bx = xy[0];
    g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0, j = n - 1; i < n; j = i++)
      {
        double yi = xy[2 * i + 1], yj = xy[2 * j + 1];

        if ((yi > y) != (yj > y))
          {
            double x = (xy[2 * j] - xy[2 * i]) * (y - yi) / (yj - yi) + xy[2 * i];

            g_array_append_val (xs, x);
          }
      }
    for (guint i = 0; i < xs->len; i++)
      for (guint k = i + 1; k < xs->len; k++)
        if (g_array_index (xs, double, k) < g_array_index (xs, double, i))
          {
            double t = g_array_index (xs, double, k);

            g_array_index (xs, double, k) = g_array_index (xs, double, i);
            g_array_index (xs, double, i) = t;
          }
    for (guint i = 0; i + 1 < xs->len; i += 2)
      {
        double w = g_array_index (xs, double, i + 1) - g_array_index (xs, double, i);

        if (w > best)
          {
            best = w;
            bx = (g_array_index (xs, double, i + 1) + g_array_index (xs, double, i)) / 2;
          }
      }
    *ax = bx;
    *ay = y;
  }
}

/* ---------------------------------------------------------------------- */
/* Text                                                                   */

/* A pango context of our own, at 72 dpi with metric hinting off, so a
 * measure taken without a surface is the size drawn on any surface. */
static PangoContext *
text_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
text_layout_new (PangoContext *context,
                 double        size,
                 PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *w,
             double      *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (w != NULL)
    *w = (double) logical.width / PANGO_SCALE;
  if (h != NULL)
    *h = (double) logical.height / PANGO_SCALE;
}

/* ---------------------------------------------------------------------- */
/* The view                                                               */

typedef struct
{
  double x, y;      /* the symbol's centre, box units */
  int    value;
} Badge;

static void
paint_badges (cairo_t        *cr,
              PangoContext   *context,
              PalpMarkKind    kind,
              const GArray   *badges,
              double          size,
              double          scale,
              gboolean        dark)
{
  PangoLayout *digits[11] = { NULL };
  double w[11], h = 0;
  double r = size / 2;

  if (badges->len == 0)
    return;

  for (guint i = 0; i <= 10; i++)
    {
      char text[4];

      g_snprintf (text, sizeof text, "%u", i);
      digits[i] = text_layout_new (context, BADGE_FONT * scale, PANGO_WEIGHT_BOLD);
      pango_layout_set_text (digits[i], text, -1);
      layout_size (digits[i], &w[i], &h);
    }

  cairo_save (cr);
  /* Pills up and to the right of the symbol, with a halo. */
  cairo_new_path (cr);
  for (guint i = 0; i < badges->len; i++)
    {
      const Badge *b = &g_array_index (badges, Badge, i);
      double pw = MAX (w[b->value] + 5 * scale, h);
      double px = b->x + r * 0.55, py = b->y - r * 0.55 - h;

      cairo_new_sub_path (cr);
      cairo_arc (cr, px + h / 2, py + h / 2, h / 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, px + pw - h / 2, py + h / 2, h / 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
    }
  set_rgb (cr, &halo[dark], 0.95);
  cairo_set_line_width (cr, 2.4 * scale);
  cairo_stroke_preserve (cr);
  set_rgb (cr, kind_rgb (kind, dark), 1.0);
  cairo_fill (cr);

  for (guint i = 0; i < badges->len; i++)
    {
      const Badge *b = &g_array_index (badges, Badge, i);
      double pw = MAX (w[b->value] + 5 * scale, h);
      double px = b->x + r * 0.55, py = b->y - r * 0.55 - h;

      cairo_move_to (cr, px + (pw - w[b->value]) / 2, py);
      pango_cairo_layout_path (cr, digits[b->value]);
    }
  set_rgb (cr, &halo[dark], 1.0);
  cairo_fill (cr);
  cairo_restore (cr);

  for (guint i = 0; i <= 10; i++)
    g_object_unref (digits[i]);
}

/* ---------------------------------------------------------------------- */
/* Sprites                                                                */

/* On pixels, a symbol, a badge or an area's pattern is drawn once into a
 * small image and blitted from then on: a few microseconds a mark, where
 * stroking and filling it again would cost far more. Vector surfaces (a
 * PDF) always get the vectors. */

typedef enum
{
  SPRITE_SYMBOL,  /* a symbol, and its badge when value > 0 (the intensity + 1) */
  SPRITE_TILE,
} SpriteType;

typedef struct
{
  cairo_surface_t *surface;
  double           half_w, half_h;  /* user units round the anchor; a tile's size */
  double           res;             /* pixels per user unit */
} Sprite;

G_LOCK_DEFINE_STATIC (sprites);
static GHashTable *sprites;

static void
sprite_free (gpointer data)
{
  Sprite *sprite = data;

  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

static gboolean
is_raster (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return type != CAIRO_SURFACE_TYPE_PDF && type != CAIRO_SURFACE_TYPE_PS &&
         type != CAIRO_SURFACE_TYPE_SVG && type != CAIRO_SURFACE_TYPE_SCRIPT;
}

/* Pixels per user unit on @cr's target: a recording surface (a widget's
 * snapshot) may be replayed at any scale, so it gets twice the pixels. */
static double
sprite_resolution (cairo_t *cr)
{
  double dx = 1, dy = 0, sx = 1, sy = 1, res;
  cairo_surface_t *target = cairo_get_target (cr);

  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_surface_get_device_scale (target, &sx, &sy);
  res = hypot (dx, dy) * MAX (sx, sy);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    res *= 2;
  /* Quarter steps: a handful of sizes in the cache, not one per zoom. */
  return CLAMP (ceil (res * 4) / 4, 0.25, 16.0);
}

static const Sprite *
sprite_get (SpriteType    type,
            PalpMarkKind  kind,
            int           value,
            double        size,
            double        scale,
            gboolean      dark,
            double        res)
{
  Sprite *sprite;
  guint64 key;
  int w, h;
  cairo_t *scr;

  key = (guint64) type | (guint64) kind << 2 | (guint64) (value & 15) << 7
        | (guint64) (dark != 0) << 11 | (guint64) ((guint) (size * 16) & 0xffff) << 12
        | (guint64) ((guint) (scale * 64) & 0xffff) << 28
        | (guint64) ((guint) (res * 4) & 0xff) << 44;

  G_LOCK (sprites);
  if (sprites == NULL)
    sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, sprite_free);
  if ((sprite = g_hash_table_lookup (sprites, &key)) != NULL)
    {
      G_UNLOCK (sprites);
      return sprite;
    }

  sprite = g_new0 (Sprite, 1);
  sprite->res = res;
  switch (type)
    {
    case SPRITE_SYMBOL:
      sprite->half_w = sprite->half_h = size / 2 + symbol_line_width (size / 2) + 2 * HALO_WIDTH
                                        * MAX (size / SYMBOL_SIZE, 0.5);
      /* The badge sits up and to the right of the symbol. */
      if (value > 0)
        sprite->half_w = sprite->half_h = size / 2 + (BADGE_FONT + 12) * scale + 4 * scale;
      break;
    case SPRITE_TILE:
    default:
      sprite->half_w = sprite->half_h = 5 * PATTERN_STEP * scale;
      break;
    }
  w = (int) ceil ((type == SPRITE_TILE ? 1 : 2) * sprite->half_w * res);
  h = (int) ceil ((type == SPRITE_TILE ? 1 : 2) * sprite->half_h * res);
  if (type == SPRITE_TILE)
    /* A whole number of pixels per period, so the tiles meet. */
    sprite->half_w = sprite->half_h = w / res;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  scr = cairo_create (sprite->surface);
  cairo_scale (scr, res, res);
  switch (type)
    {
    case SPRITE_SYMBOL:
      {
        double c[2] = { sprite->half_w, sprite->half_h };

        paint_symbols (scr, kind, c, 1, size, dark);
        if (value > 0)
          {
            PangoContext *context = text_context_new ();
            g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (Badge));
            Badge b = { sprite->half_w, sprite->half_h, value - 1 };

            pango_cairo_update_context (scr, context);
            g_array_append_val (one, b);
            paint_badges (scr, context, kind, one, size, scale, dark);
            g_object_unref (context);
          }
      }
      break;
    case SPRITE_TILE:
    default:
      {
        double t = sprite->half_w;
        Pattern pattern = kind_styles[kind].pattern;

        set_rgb (scr, kind_rgb (kind, dark), dark ? 0.22 : 0.16);
        cairo_paint (scr);
        pattern_path (scr, pattern, -t, -t, 2 * t, 2 * t, PATTERN_STEP * scale);
        set_rgb (scr, kind_rgb (kind, dark), dark ? 0.8 : 0.7);
        cairo_set_line_width (scr, pattern_line_width (pattern, scale));
        cairo_set_line_cap (scr, CAIRO_LINE_CAP_ROUND);
        cairo_stroke (scr);
      }
      break;
    }
  cairo_destroy (scr);

  g_hash_table_insert (sprites, g_memdup2 (&key, sizeof key), sprite);
  G_UNLOCK (sprites);
  return sprite;
}

static void
paint_sprite (cairo_t      *cr,
              const Sprite *sprite,
              double        x,
              double        y)
{
  cairo_save (cr);
  cairo_translate (cr, x - sprite->half_w, y - sprite->half_h);
  cairo_scale (cr, 1 / sprite->res, 1 / sprite->res);
  cairo_set_source_surface (cr, sprite->surface, 0, 0);
  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (sprite->surface),
                   cairo_image_surface_get_height (sprite->surface));
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
area_path (cairo_t      *cr,
           const double *xy,
           guint         n)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint k = 1; k < n; k++)
    cairo_line_to (cr, xy[2 * k], xy[2 * k + 1]);
  cairo_close_path (cr);
}

/* A referral arrow from the trigger point (@a) to where it refers (@b),
 * bowed a little so it reads as a path rather than a limb's outline. */
static void
arrow_path (cairo_t      *cr,
            const double *a,
            const double *b,
            double        head,
            gboolean      line,
            gboolean      tip)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double len = hypot (dx, dy);
  double cx, cy, tx, ty, tl;

  if (len < 1e-6)
    return;
  cx = (a[0] + b[0]) / 2 - dy * 0.15;
  cy = (a[1] + b[1]) / 2 + dx * 0.15;
  tx = b[0] - cx;
  ty = b[1] - cy;
  tl = hypot (tx, ty);
  tx /= tl;
  ty /= tl;

  if (line)
    {
      /* Stop short of the tip so the line does not poke through it. */
      double ex = b[0] - tx * head * 0.8, ey = b[1] - ty * head * 0.8;

      cairo_move_to (cr, a[0], a[1]);
      cairo_curve_to (cr, a[0] + (cx - a[0]) * 2 / 3, a[1] + (cy - a[1]) * 2 / 3,
                      ex + (cx - ex) * 2 / 3, ey + (cy - ey) * 2 / 3, ex, ey);
    }
  if (tip)
    {
      cairo_move_to (cr, b[0], b[1]);
      cairo_line_to (cr, b[0] - tx * head - ty * head * 0.5, b[1] - ty * head + tx * head * 0.5);
      cairo_line_to (cr, b[0] - tx * head + ty * head * 0.5, b[1] - ty * head - tx * head * 0.5);
      cairo_close_path (cr);
    }
}

static void
paint_regions (cairo_t              *cr,
               PalpAtlas            *atlas,
               PalpView              view,
               const cairo_matrix_t *m,
               double                scale,
               const PalpChartStyle *style)
{
  gboolean dark = style != NULL && style->dark;
  const char *highlighted = style != NULL ? style->highlighted_region : NULL;
  const PalpRegion *hl = NULL;
  guint n = palp_atlas_get_n_regions (atlas, view);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* All regions as one path: one fill, one stroke. */
  cairo_new_path (cr);
  cairo_save (cr);
  cairo_transform (cr, m);
  for (guint i = 0; i < n; i++)
    {
      const PalpRegion *region = palp_atlas_get_region (atlas, view, i);

      palp_region_append_path (region, cr);
      if (highlighted != NULL && g_strcmp0 (palp_region_get_id (region), highlighted) == 0)
        hl = region;
    }
  cairo_restore (cr);
  set_rgb (cr, &region_fill[dark], 1.0);
  cairo_fill_preserve (cr);
  set_rgb (cr, &region_line[dark], 1.0);
  cairo_set_line_width (cr, REGION_WIDTH * scale);
  cairo_stroke (cr);

  if (hl != NULL)
    {
      cairo_save (cr);
      cairo_transform (cr, m);
      palp_region_append_path (hl, cr);
      cairo_restore (cr);
      set_rgb (cr, &highlight_fill[dark], 1.0);
      cairo_fill_preserve (cr);
      set_rgb (cr, &accent[dark], 1.0);
      cairo_set_line_width (cr, 2.0 * scale);
      cairo_stroke (cr);
    }

  /* The silhouette and features over the regions, so the figure reads
   * as a body first. */
  cairo_save (cr);
  cairo_transform (cr, m);
  palp_atlas_append_outline (atlas, view, cr);
  cairo_restore (cr);
  set_rgb (cr, &outline_line[dark], 1.0);
  cairo_set_line_width (cr, OUTLINE_WIDTH * scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_region_labels (cairo_t              *cr,
                     PangoContext         *context,
                     PalpAtlas            *atlas,
                     PalpView              view,
                     const cairo_matrix_t *m,
                     double                scale,
                     gboolean              dark)
{
  g_autoptr(PangoLayout) layout = text_layout_new (context, LABEL_FONT * scale,
                                                   PANGO_WEIGHT_NORMAL);
  guint n = palp_atlas_get_n_regions (atlas, view);

  pango_layout_set_width (layout, (int) (90 * scale * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  cairo_save (cr);
  for (guint i = 0; i < n; i++)
    {
      const PalpRegion *region = palp_atlas_get_region (atlas, view, i);
      double x, y, w, h;

      palp_region_get_label_point (region, &x, &y);
      cairo_matrix_transform_point (m, &x, &y);
      pango_layout_set_text (layout, palp_region_get_name (region), -1);
      layout_size (layout, &w, &h);
      cairo_move_to (cr, x - 45 * scale, y - h / 2);
      pango_cairo_update_layout (cr, layout);
      pango_cairo_layout_path (cr, layout);
      set_rgb (cr, &halo[dark], 0.85);
      cairo_set_line_width (cr, 2.5 * scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 45 * scale, y - h / 2);
      set_rgb (cr, &label_ink[dark], 1.0);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

/* The marks over the view: areas, arrows, symbols and badges, and the
 * selection ring. @m maps view units to the box. */
static void
paint_marks (cairo_t              *cr,
             PangoContext         *context,
             const cairo_matrix_t *m,
             double                vw,
             double                vh,
             GListModel           *marks,
             const PalpChartStyle *style,
             double                scale,
             double                size,
             gboolean              dark,
             gboolean              raster,
             double                res)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GArray) coords = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) centres = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) badges = g_array_new (FALSE, FALSE, sizeof (Badge));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));

  read_marks (marks, vw, vh, list, coords);
  /* In box units from here on. */
  for (guint i = 0; i < coords->len; i += 2)
    cairo_matrix_transform_point (m, &g_array_index (coords, double, i),
                                  &g_array_index (coords, double, i + 1));

  /* Areas, kind by kind: tint, pattern through the areas as a clip,
   * outline. On pixels, area by area with the tinted pattern as a tiled
   * source: batching scattered areas would make cairo sweep the union of
   * their boxes for every operation. */
  for (PalpMarkKind kind = 0; raster && kind < PALP_MARK_KIND_COUNT; kind++)
    {
      const Sprite *tile = NULL;
      cairo_pattern_t *source = NULL;
      cairo_matrix_t pm;

      for (guint i = 0; i < list->len; i++)
        {
          const Mark *mk = &g_array_index (list, Mark, i);

          if (mk->kind != kind || mk->shape != PALP_MARK_SHAPE_AREA)
            continue;
          if (source == NULL)
            {
              if (kind_styles[kind].pattern != PATTERN_NONE)
                {
                  tile = sprite_get (SPRITE_TILE, kind, 0, size, scale, dark, res);
                  source = cairo_pattern_create_for_surface (tile->surface);
                  cairo_pattern_set_extend (source, CAIRO_EXTEND_REPEAT);
                  cairo_matrix_init_scale (&pm, tile->res, tile->res);
                  cairo_pattern_set_matrix (source, &pm);
                }
              else
                {
                  const Rgb *rgb = kind_rgb (kind, dark);

                  source = cairo_pattern_create_rgba (rgb->r, rgb->g, rgb->b, dark ? 0.22 : 0.16);
                }
            }
          cairo_save (cr);
          cairo_new_path (cr);
          area_path (cr, &g_array_index (coords, double, 2 * mk->first), mk->n_points);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_set_source (cr, source);
          cairo_fill_preserve (cr);
          set_rgb (cr, kind_rgb (kind, dark), 1.0);
          cairo_set_line_width (cr, (kind == PALP_MARK_AVOID ? 2.2 : AREA_LINE_WIDTH) * scale);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          if (kind == PALP_MARK_AVOID)
            {
              double dash[] = { 6 * scale, 3.5 * scale };

              cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      g_clear_pointer (&source, cairo_pattern_destroy);
    }
  for (PalpMarkKind kind = 0; !raster && kind < PALP_MARK_KIND_COUNT; kind++)
    {
      const Rgb *rgb = kind_rgb (kind, dark);
      Pattern pattern = kind_styles[kind].pattern;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < list->len; i++)
        {
          const Mark *mk = &g_array_index (list, Mark, i);

          if (mk->kind != kind || mk->shape != PALP_MARK_SHAPE_AREA)
            continue;
          area_path (cr, &g_array_index (coords, double, 2 * mk->first), mk->n_points);
          any = TRUE;
        }
      if (!any)
        continue;

      cairo_save (cr);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_rgb (cr, rgb, kind == PALP_MARK_AVOID ? 0.16 : dark ? 0.22 : 0.16);
      cairo_fill_preserve (cr);

      if (pattern != PATTERN_NONE)
        {
          cairo_path_t *outline = cairo_copy_path (cr);

          cairo_clip (cr);
          cairo_new_path (cr);
          /* Pattern only over each area's own box, not the union's. */
          for (guint i = 0; i < list->len; i++)
            {
              const Mark *mk = &g_array_index (list, Mark, i);
              const double *xy = &g_array_index (coords, double, 2 * mk->first);
              double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;

              if (mk->kind != kind || mk->shape != PALP_MARK_SHAPE_AREA)
                continue;
              for (guint k = 0; k < mk->n_points; k++)
                {
                  bx0 = MIN (bx0, xy[2 * k]);
                  bx1 = MAX (bx1, xy[2 * k]);
                  by0 = MIN (by0, xy[2 * k + 1]);
                  by1 = MAX (by1, xy[2 * k + 1]);
                }
              pattern_path (cr, pattern, bx0, by0, bx1, by1, PATTERN_STEP * scale);
            }
          set_rgb (cr, rgb, dark ? 0.8 : 0.7);
          cairo_set_line_width (cr, pattern_line_width (pattern, scale));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_stroke (cr);
          cairo_reset_clip (cr);
          cairo_append_path (cr, outline);
          cairo_path_destroy (outline);
        }

      set_rgb (cr, rgb, 1.0);
      cairo_set_line_width (cr, (kind == PALP_MARK_AVOID ? 2.2 : AREA_LINE_WIDTH) * scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (kind == PALP_MARK_AVOID)
        {
          double dash[] = { 6 * scale, 3.5 * scale };

          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* Referral arrows: halo, line, head. */
  {
    gboolean any = FALSE;
    double head = 9 * scale;
    const Rgb *rgb = kind_rgb (PALP_MARK_TRIGGER_POINT, dark);

    cairo_save (cr);
    cairo_new_path (cr);
    for (guint i = 0; i < list->len; i++)
      {
        const Mark *mk = &g_array_index (list, Mark, i);

        if (mk->kind == PALP_MARK_KIND_COUNT || mk->shape != PALP_MARK_SHAPE_ARROW)
          continue;
        arrow_path (cr, &g_array_index (coords, double, 2 * mk->first),
                    &g_array_index (coords, double, 2 * mk->first + 2), head, TRUE, FALSE);
        any = TRUE;
      }
    if (any)
      {
        double dash[] = { 5 * scale, 3 * scale };

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        set_rgb (cr, &halo[dark], 0.9);
        cairo_set_line_width (cr, 5.2 * scale);
        cairo_stroke_preserve (cr);
        set_rgb (cr, rgb, 1.0);
        cairo_set_line_width (cr, 2.0 * scale);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        for (guint i = 0; i < list->len; i++)
          {
            const Mark *mk = &g_array_index (list, Mark, i);

            if (mk->kind == PALP_MARK_KIND_COUNT || mk->shape != PALP_MARK_SHAPE_ARROW)
              continue;
            arrow_path (cr, &g_array_index (coords, double, 2 * mk->first),
                        &g_array_index (coords, double, 2 * mk->first + 2), head, FALSE, TRUE);
          }
        set_rgb (cr, &halo[dark], 0.9);
        cairo_set_line_width (cr, 2.4 * scale);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve (cr);
        set_rgb (cr, rgb, 1.0);
        cairo_fill (cr);
      }
    cairo_restore (cr);
  }

  /* The selected mark, ringed in the accent colour, under its symbol and
   * badge so the intensity stays readable. */
  if (style->selected_mark >= 0 && (guint) style->selected_mark < list->len)
    {
      const Mark *mk = &g_array_index (list, Mark, style->selected_mark);
      const double *xy = &g_array_index (coords, double, 2 * mk->first);

      if (mk->kind != PALP_MARK_KIND_COUNT)
        {
          cairo_save (cr);
          cairo_new_path (cr);
          if (mk->shape == PALP_MARK_SHAPE_AREA)
            area_path (cr, xy, mk->n_points);
          else
            for (guint k = 0; k < mk->n_points; k++)
              {
                cairo_new_sub_path (cr);
                cairo_arc (cr, xy[2 * k], xy[2 * k + 1], size * 0.78, 0, 2 * G_PI);
              }
          set_rgb (cr, &halo[dark], 0.9);
          cairo_set_line_width (cr, 5.0 * scale);
          cairo_stroke_preserve (cr);
          set_rgb (cr, &accent[dark], 1.0);
          cairo_set_line_width (cr, 2.5 * scale);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  /* Symbols (points, arrows' origins, areas' anchors), then badges. */
  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    {
      g_array_set_size (centres, 0);
      g_array_set_size (badges, 0);
      g_array_set_size (values, 0);
      for (guint i = 0; i < list->len; i++)
        {
          const Mark *mk = &g_array_index (list, Mark, i);
          const double *xy = &g_array_index (coords, double, 2 * mk->first);
          double c[2];

          if (mk->kind != kind)
            continue;
          if (mk->shape == PALP_MARK_SHAPE_AREA)
            area_anchor (xy, mk->n_points, &c[0], &c[1]);
          else
            c[0] = xy[0], c[1] = xy[1];
          g_array_append_vals (centres, c, 2);
          g_array_append_val (values, mk->intensity);
          if (mk->intensity >= 0)
            {
              Badge b = { c[0], c[1], mk->intensity };

              g_array_append_val (badges, b);
            }
        }
      if (raster)
        {
          /* Symbol and badge in one blit. */
          for (guint i = 0; i < centres->len / 2; i++)
            {
              int value = values->len > i ? g_array_index (values, int, i) + 1 : 0;

              paint_sprite (cr, sprite_get (SPRITE_SYMBOL, kind, value, size, scale, dark, res),
                            g_array_index (centres, double, 2 * i),
                            g_array_index (centres, double, 2 * i + 1));
            }
        }
      else
        {
          paint_symbols (cr, kind, (const double *) (gpointer) centres->data, centres->len / 2,
                         size, dark);
          paint_badges (cr, context, kind, badges, size, scale, dark);
        }
    }


}

void
palp_chart_paint_view (cairo_t              *cr,
                       PalpAtlas            *atlas,
                       PalpView              view,
                       double                width,
                       double                height,
                       GListModel           *marks,
                       const PalpChartStyle *style)
{
  PangoContext *context;
  PalpChartStyle defaults;
  cairo_matrix_t m;
  double vw, vh, scale, size, res = 1;
  gboolean dark, raster;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (atlas != NULL);
  g_return_if_fail (view < PALP_VIEW_COUNT);

  if (style == NULL)
    {
      palp_chart_style_init (&defaults);
      style = &defaults;
    }
  dark = style->dark;
  scale = style_scale (style);
  size = SYMBOL_SIZE * scale;

  palp_chart_get_transform (atlas, view, width, height, &m);
  view_size (atlas, view, &vw, &vh);
  if ((raster = is_raster (cr)))
    res = sprite_resolution (cr);

  cairo_save (cr);
  paint_regions (cr, atlas, view, &m, scale, style);

  context = text_context_new ();
  pango_cairo_update_context (cr, context);
  if (style->show_labels)
    paint_region_labels (cr, context, atlas, view, &m, scale, dark);

  paint_marks (cr, context, &m, vw, vh, marks, style, scale, size, dark, raster, res);
  g_object_unref (context);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* The marks as a cached layer                                            */

struct _PalpChartLayer
{
  cairo_surface_t *surface;   /* the marks alone, on transparent pixels */
  GListModel      *marks;     /* what they were drawn from (not a reference) */
  guint            n_marks;
  PalpView         view;
  double           width;
  double           height;
  double           res;
  double           scale;
  gboolean         dark;
  int              selected;
};

PalpChartLayer *
palp_chart_layer_new (void)
{
  return g_new0 (PalpChartLayer, 1);
}

void
palp_chart_layer_free (PalpChartLayer *layer)
{
  if (layer == NULL)
    return;
  g_clear_pointer (&layer->surface, cairo_surface_destroy);
  g_free (layer);
}

void
palp_chart_layer_invalidate (PalpChartLayer *layer)
{
  g_return_if_fail (layer != NULL);

  g_clear_pointer (&layer->surface, cairo_surface_destroy);
}

void
palp_chart_paint_view_cached (cairo_t              *cr,
                              PalpChartLayer       *layer,
                              PalpAtlas            *atlas,
                              PalpView              view,
                              double                width,
                              double                height,
                              GListModel           *marks,
                              const PalpChartStyle *style)
{
  PalpChartStyle defaults, bare;
  PangoContext *context;
  cairo_matrix_t m;
  guint n_marks = marks != NULL ? g_list_model_get_n_items (marks) : 0;
  double vw, vh, res, scale;
  cairo_t *lcr;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layer != NULL);

  /* Vectors stay vectors: no layer on a PDF. */
  if (!is_raster (cr))
    {
      palp_chart_paint_view (cr, atlas, view, width, height, marks, style);
      return;
    }
  if (style == NULL)
    {
      palp_chart_style_init (&defaults);
      style = &defaults;
    }

  /* The view itself, without marks. */
  bare = *style;
  bare.selected_mark = -1;
  palp_chart_paint_view (cr, atlas, view, width, height, NULL, &bare);

  res = sprite_resolution (cr);
  scale = style_scale (style);
  if (layer->surface == NULL || layer->marks != marks || layer->n_marks != n_marks ||
      layer->view != view || layer->width != width || layer->height != height ||
      layer->res != res || layer->scale != scale || layer->dark != style->dark ||
      layer->selected != style->selected_mark)
    {
      g_clear_pointer (&layer->surface, cairo_surface_destroy);
      layer->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                   MAX (1, (int) ceil (width * res)),
                                                   MAX (1, (int) ceil (height * res)));
      cairo_surface_set_device_scale (layer->surface, res, res);
      lcr = cairo_create (layer->surface);
      palp_chart_get_transform (atlas, view, width, height, &m);
      view_size (atlas, view, &vw, &vh);
      context = text_context_new ();
      pango_cairo_update_context (lcr, context);
      paint_marks (lcr, context, &m, vw, vh, marks, style, scale, SYMBOL_SIZE * scale,
                   style->dark, TRUE, sprite_resolution (lcr));
      g_object_unref (context);
      cairo_destroy (lcr);
      layer->marks = marks;
      layer->n_marks = n_marks;
      layer->view = view;
      layer->width = width;
      layer->height = height;
      layer->res = res;
      layer->scale = scale;
      layer->dark = style->dark;
      layer->selected = style->selected_mark;
    }

  cairo_save (cr);
  cairo_set_source_surface (cr, layer->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Legend                                                                 */

static const struct
{
  PalpMarkGroup  group;
  const char    *title;
} legend_groups[] = {
  { PALP_MARK_GROUP_SENSATION, N_("Sensations") },
  { PALP_MARK_GROUP_FINDING, N_("Findings") },
  { PALP_MARK_GROUP_ZONE, N_("Zones") },
};

/* Lays the legend out, and draws it when @cr is set. */
static double
legend_layout (cairo_t              *cr,
               double                x,
               double                y,
               double                width,
               const PalpChartStyle *style)
{
  PangoContext *context = text_context_new ();
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) label = NULL;
  double scale = style_scale (style);
  gboolean dark = style != NULL && style->dark;
  double swatch_w = 44 * scale;
  double row_gap = 5 * scale;
  double col_gap = 14 * scale;
  guint n_cols;
  double col_w, cx, cy, height = 0;

  /* A column per group when each gets room for a label of some length. */
  n_cols = width >= 3 * 150 * scale ? 3 : 1;
  col_w = (width - (n_cols - 1) * col_gap) / n_cols;

  if (cr != NULL)
    pango_cairo_update_context (cr, context);
  heading = text_layout_new (context, LEGEND_HEADING * scale, PANGO_WEIGHT_BOLD);
  label = text_layout_new (context, LEGEND_FONT * scale, PANGO_WEIGHT_NORMAL);
  pango_layout_set_width (label, (int) (MAX (col_w - swatch_w - 4 * scale, 20) * PANGO_SCALE));
  pango_layout_set_wrap (label, PANGO_WRAP_WORD);

  cx = x;
  cy = y;
  for (guint g = 0; g < G_N_ELEMENTS (legend_groups); g++)
    {
      double w, h;

      if (n_cols == 3)
        {
          cx = x + g * (col_w + col_gap);
          cy = y;
        }
      else if (g > 0)
        cy += 6 * scale;

      pango_layout_set_text (heading, _(legend_groups[g].title), -1);
      layout_size (heading, &w, &h);
      if (cr != NULL)
        {
          cairo_move_to (cr, cx, cy);
          set_rgb (cr, &label_ink[dark], 1.0);
          pango_cairo_show_layout (cr, heading);
        }
      cy += h + 3 * scale;

      for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
        {
          double row_h, sym = SYMBOL_SIZE * scale;

          if (palp_mark_kind_get_group (kind) != legend_groups[g].group)
            continue;

          pango_layout_set_text (label, palp_mark_kind_get_label (kind), -1);
          layout_size (label, &w, &h);
          row_h = MAX (h, sym + 2 * scale);

          if (cr != NULL)
            {
              double mid = cy + row_h / 2;
              double px = cx + sym + 4 * scale, pw = swatch_w - sym - 8 * scale;
              double ph = sym * 0.9;
              const Rgb *rgb = kind_rgb (kind, dark);
              Pattern pattern = kind_styles[kind].pattern;

              palp_chart_paint_symbol (cr, kind, cx + sym / 2, mid, sym, dark);

              /* How an area of the kind looks. */
              cairo_save (cr);
              cairo_new_path (cr);
              cairo_rectangle (cr, px, mid - ph / 2, pw, ph);
              set_rgb (cr, rgb, dark ? 0.22 : 0.16);
              cairo_fill_preserve (cr);
              cairo_save (cr);
              cairo_clip_preserve (cr);
              cairo_new_path (cr);
              pattern_path (cr, pattern, px, mid - ph / 2, px + pw, mid + ph / 2,
                            PATTERN_STEP * scale * 0.75);
              set_rgb (cr, rgb, dark ? 0.8 : 0.7);
              cairo_set_line_width (cr, pattern_line_width (pattern, scale) * 0.85);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
              cairo_restore (cr);
              cairo_rectangle (cr, px, mid - ph / 2, pw, ph);
              set_rgb (cr, rgb, 1.0);
              cairo_set_line_width (cr, 1.2 * scale);
              if (kind == PALP_MARK_AVOID)
                {
                  double dash[] = { 3 * scale, 2 * scale };

                  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
                }
              cairo_stroke (cr);
              cairo_restore (cr);

              cairo_move_to (cr, cx + swatch_w, mid - h / 2);
              if (dark)
                cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
              else
                cairo_set_source_rgb (cr, 0.13, 0.13, 0.14);
              pango_cairo_show_layout (cr, label);
            }
          cy += row_h + row_gap;
        }
      height = MAX (height, cy - y - row_gap);
    }

  g_clear_object (&heading);
  g_clear_object (&label);
  g_object_unref (context);
  return height;
}

double
palp_chart_paint_legend (cairo_t              *cr,
                         double                x,
                         double                y,
                         double                width,
                         const PalpChartStyle *style)
{
  double height;

  g_return_val_if_fail (cr != NULL, 0);

  cairo_save (cr);
  height = legend_layout (cr, x, y, width, style);
  cairo_restore (cr);
  return height;
}

double
palp_chart_measure_legend (double                width,
                           const PalpChartStyle *style)
{
  return legend_layout (NULL, 0, 0, width, style);
}

/* ---------------------------------------------------------------------- */
/* PNG                                                                    */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
palp_chart_render_png (PalpAtlas   *atlas,
                       PalpView     view,
                       GListModel  *marks,
                       gboolean     legend,
                       int          width,
                       int          height,
                       GError     **error)
{
  g_autoptr(GByteArray) png = NULL;
  PalpChartStyle style;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double legend_h = 0, pad, chart_h;

  g_return_val_if_fail (atlas != NULL, NULL);
  g_return_val_if_fail (view < PALP_VIEW_COUNT, NULL);

  if (width < 16 || height < 16 || width > 8192 || height > 8192)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart image is between 16 and 8192 pixels each way, not %d × %d."),
                   width, height);
      return NULL;
    }

  palp_chart_style_init (&style);
  /* Symbols and text follow the image's size, as a printed chart would. */
  style.scale = CLAMP (MIN (width, height) / 700.0, 0.6, 4.0);
  pad = 16 * style.scale;
  if (legend)
    legend_h = palp_chart_measure_legend (width - 2 * pad, &style);
  chart_h = height - (legend ? legend_h + 2 * pad : 0);
  /* A legend that would crowd the figure out is left off. */
  if (legend && chart_h < height * 0.5)
    {
      legend = FALSE;
      chart_h = height;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  palp_chart_paint_view (cr, atlas, view, width, chart_h, marks, &style);
  if (legend)
    palp_chart_paint_legend (cr, pad, chart_h + pad, width - 2 * pad, &style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

gboolean
palp_chart_write_png (PalpAtlas   *atlas,
                      PalpView     view,
                      GListModel  *marks,
                      gboolean     legend,
                      const char  *path,
                      int          width,
                      int          height,
                      GError     **error)
{
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(png = palp_chart_render_png (atlas, view, marks, legend, width, height, error)))
    return FALSE;
  return g_file_set_contents_full (path, g_bytes_get_data (png, NULL),
                                   (gssize) g_bytes_get_size (png),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
