/* palp-svg-path.c: reading SVG path data
 *
 * The grammar is SVG 1.1's path data (section 8.3.9) without arcs:
 * commands, numbers with optional sign, fraction and exponent, separated
 * by white space and at most one comma; a command letter may be left out
 * when it repeats (after a moveto, repeated pairs are linetos). Anything
 * else is an error naming the byte where reading stopped, so a hand edit
 * that broke a file is easy to find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "palp-atlas.h"
#include "palp-svg-path.h"

/* Longest number token read; more digits than this are not drawing. */
#define MAX_NUMBER_CHARS  40
/* Segments a single curve may flatten into. */
#define MAX_CURVE_STEPS   64

typedef struct
{
  PalpSvgPathOp op;
  double        p[6];
} Op;

struct _PalpSvgPath
{
  GArray *ops;  /* Op */
};

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
} Reader;

static gboolean
is_wsp (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
skip_wsp (Reader *r)
{
  while (r->pos < r->length && is_wsp (r->data[r->pos]))
    r->pos++;
}

/* White space, then at most one comma and more white space; TRUE if
 * there was a comma. */
static gboolean
skip_separator (Reader *r)
{
  skip_wsp (r);
  if (r->pos < r->length && r->data[r->pos] == ',')
    {
      r->pos++;
      skip_wsp (r);
      return TRUE;
    }
  return FALSE;
}

static void
set_unexpected (Reader  *r,
                GError **error)
{
  guchar c;

  if (r->pos >= r->length)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                   _("Path data ends in the middle of a command"));
      return;
    }

  c = (guchar) r->data[r->pos];
  if (c < 0x80 && g_ascii_isgraph (c))
    g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                 _("Unexpected “%c” in path data at byte %u"), c, (guint) r->pos);
  else
    g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                 _("Unexpected byte 0x%02x in path data at byte %u"), c, (guint) r->pos);
}

static gboolean
at_number (Reader *r)
{
  char c;

  if (r->pos >= r->length)
    return FALSE;
  c = r->data[r->pos];
  return g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.';
}

static gboolean
read_number (Reader  *r,
             double  *out,
             GError **error)
{
  gsize start = r->pos;
  gsize digits = 0;
  char buf[MAX_NUMBER_CHARS + 1];
  char *end = NULL;
  double value;

  if (r->pos < r->length && (r->data[r->pos] == '-' || r->data[r->pos] == '+'))
    r->pos++;
  while (r->pos < r->length && g_ascii_isdigit (r->data[r->pos]))
    {
      r->pos++;
      digits++;
    }
  if (r->pos < r->length && r->data[r->pos] == '.')
    {
      r->pos++;
      while (r->pos < r->length && g_ascii_isdigit (r->data[r->pos]))
        {
          r->pos++;
          digits++;
        }
    }
  if (digits == 0)
    {
      r->pos = start;
      set_unexpected (r, error);
      return FALSE;
    }
  if (r->pos < r->length && (r->data[r->pos] == 'e' || r->data[r->pos] == 'E'))
    {
      gsize exp_start = r->pos;
      gsize exp_digits = 0;

      r->pos++;
      if (r->pos < r->length && (r->data[r->pos] == '-' || r->data[r->pos] == '+'))
        r->pos++;
      while (r->pos < r->length && g_ascii_isdigit (r->data[r->pos]))
        {
          r->pos++;
          exp_digits++;
        }
      if (exp_digits == 0)
        {
          r->pos = exp_start;
          set_unexpected (r, error);
          return FALSE;
        }
    }

  if (r->pos - start > MAX_NUMBER_CHARS)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("A number in path data at byte %u is too long"), (guint) start);
      return FALSE;
    }

  memcpy (buf, r->data + start, r->pos - start);
  buf[r->pos - start] = '\0';
  value = g_ascii_strtod (buf, &end);
  if (!isfinite (value) || fabs (value) > PALP_SVG_PATH_MAX_COORD)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("The number “%s” in path data is out of range"), buf);
      return FALSE;
    }

  *out = value;
  /* A comma separates two numbers; it never ends a command. */
  if (skip_separator (r) && !at_number (r))
    {
      set_unexpected (r, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_numbers (Reader  *r,
              double  *out,
              guint    n,
              GError **error)
{
  for (guint i = 0; i < n; i++)
    if (!read_number (r, &out[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_point (double   x,
             double   y,
             GError **error)
{
  if (fabs (x) > PALP_SVG_PATH_MAX_COORD || fabs (y) > PALP_SVG_PATH_MAX_COORD)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("Path data reaches a point out of range"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
push (PalpSvgPath    *path,
      PalpSvgPathOp   op,
      const double   *p,
      guint           n_points,
      GError        **error)
{
  Op o = { op, { 0 } };

  if (path->ops->len >= PALP_SVG_PATH_MAX_OPS)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("Path data has more than %d segments"), PALP_SVG_PATH_MAX_OPS);
      return FALSE;
    }
  for (guint i = 0; i < n_points; i++)
    if (!check_point (p[2 * i], p[2 * i + 1], error))
      return FALSE;
  if (n_points > 0)
    memcpy (o.p, p, sizeof (double) * 2 * n_points);
  g_array_append_val (path->ops, o);
  return TRUE;
}

PalpSvgPath *
palp_svg_path_parse (const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_autoptr(PalpSvgPath) path = NULL;
  Reader r = { data, 0, 0 };
  double cx = 0, cy = 0;        /* current point */
  double sx = 0, sy = 0;        /* start of the current subpath */
  double lcx = 0, lcy = 0;      /* last control point, for S/s and T/t */
  char last = 0;                /* last command, upper case */
  char cmd = 0;
  gboolean open = FALSE;        /* a subpath is under way */

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.length = length < 0 ? strlen (data) : (gsize) length;
  if (r.length > PALP_SVG_PATH_MAX_LENGTH)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("Path data is longer than %d bytes"), PALP_SVG_PATH_MAX_LENGTH);
      return NULL;
    }

  path = g_new0 (PalpSvgPath, 1);
  path->ops = g_array_new (FALSE, FALSE, sizeof (Op));

  skip_wsp (&r);
  while (r.pos < r.length)
    {
      char c = r.data[r.pos];
      gboolean rel;
      char up;
      double a[6];
      double p[6];

      if (g_ascii_isalpha (c))
        {
          cmd = c;
          r.pos++;
          skip_wsp (&r);
        }
      else if (cmd == 0 || cmd == 'Z' || cmd == 'z' || !at_number (&r))
        {
          /* Numbers need a command before them; Z takes none. */
          set_unexpected (&r, error);
          return NULL;
        }

      rel = g_ascii_islower (cmd);
      up = g_ascii_toupper (cmd);
      if (last == 0 && up != 'M')
        {
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                       _("Path data must start with a moveto (M or m)"));
          return NULL;
        }

      switch (up)
        {
        case 'M':
          if (!read_numbers (&r, a, 2, error))
            return NULL;
          p[0] = a[0] + (rel ? cx : 0);
          p[1] = a[1] + (rel ? cy : 0);
          if (!push (path, PALP_SVG_PATH_MOVE_TO, p, 1, error))
            return NULL;
          cx = sx = p[0];
          cy = sy = p[1];
          /* Further pairs after a moveto are linetos of the same kind. */
          cmd = rel ? 'l' : 'L';
          open = TRUE;
          break;

        case 'L':
        case 'H':
        case 'V':
          if (up == 'L')
            {
              if (!read_numbers (&r, a, 2, error))
                return NULL;
              p[0] = a[0] + (rel ? cx : 0);
              p[1] = a[1] + (rel ? cy : 0);
            }
          else if (up == 'H')
            {
              if (!read_numbers (&r, a, 1, error))
                return NULL;
              p[0] = a[0] + (rel ? cx : 0);
              p[1] = cy;
            }
          else
            {
              if (!read_numbers (&r, a, 1, error))
                return NULL;
              p[0] = cx;
              p[1] = a[0] + (rel ? cy : 0);
            }
          if (!open && !push (path, PALP_SVG_PATH_MOVE_TO, (double[]) { sx, sy }, 1, error))
            return NULL;
          if (!push (path, PALP_SVG_PATH_LINE_TO, p, 1, error))
            return NULL;
          cx = p[0];
          cy = p[1];
          open = TRUE;
          break;

        case 'C':
        case 'S':
          if (up == 'C')
            {
              if (!read_numbers (&r, a, 6, error))
                return NULL;
              for (guint i = 0; i < 6; i += 2)
                {
                  p[i] = a[i] + (rel ? cx : 0);
                  p[i + 1] = a[i + 1] + (rel ? cy : 0);
                }
            }
          else
            {
              if (!read_numbers (&r, a, 4, error))
                return NULL;
              /* The first control point mirrors the last curve's second. */
              if (last == 'C' || last == 'S')
                {
                  p[0] = 2 * cx - lcx;
                  p[1] = 2 * cy - lcy;
                }
              else
                {
                  p[0] = cx;
                  p[1] = cy;
                }
              for (guint i = 0; i < 4; i += 2)
                {
                  p[i + 2] = a[i] + (rel ? cx : 0);
                  p[i + 3] = a[i + 1] + (rel ? cy : 0);
                }
            }
          if (!open && !push (path, PALP_SVG_PATH_MOVE_TO, (double[]) { sx, sy }, 1, error))
            return NULL;
          if (!push (path, PALP_SVG_PATH_CURVE_TO, p, 3, error))
            return NULL;
          lcx = p[2];
          lcy = p[3];
          cx = p[4];
          cy = p[5];
          open = TRUE;
          break;

        case 'Q':
        case 'T':
          {
            double qx, qy, ex, ey;

            if (up == 'Q')
              {
                if (!read_numbers (&r, a, 4, error))
                  return NULL;
                qx = a[0] + (rel ? cx : 0);
                qy = a[1] + (rel ? cy : 0);
                ex = a[2] + (rel ? cx : 0);
                ey = a[3] + (rel ? cy : 0);
              }
            else
              {
                if (!read_numbers (&r, a, 2, error))
                  return NULL;
                if (last == 'Q' || last == 'T')
                  {
                    qx = 2 * cx - lcx;
                    qy = 2 * cy - lcy;
                  }
                else
                  {
                    qx = cx;
                    qy = cy;
                  }
                ex = a[0] + (rel ? cx : 0);
                ey = a[1] + (rel ? cy : 0);
              }
            /* A quadratic is the cubic with controls two thirds of the
             * way to its one control point. */
            p[0] = cx + 2.0 / 3.0 * (qx - cx);
            p[1] = cy + 2.0 / 3.0 * (qy - cy);
            p[2] = ex + 2.0 / 3.0 * (qx - ex);
            p[3] = ey + 2.0 / 3.0 * (qy - ey);
            p[4] = ex;
            p[5] = ey;
            if (!check_point (qx, qy, error))
              return NULL;
            if (!open && !push (path, PALP_SVG_PATH_MOVE_TO, (double[]) { sx, sy }, 1, error))
              return NULL;
            if (!push (path, PALP_SVG_PATH_CURVE_TO, p, 3, error))
              return NULL;
            lcx = qx;
            lcy = qy;
            cx = ex;
            cy = ey;
            open = TRUE;
          }
          break;

        case 'Z':
          if (!push (path, PALP_SVG_PATH_CLOSE, NULL, 0, error))
            return NULL;
          cx = sx;
          cy = sy;
          open = FALSE;
          break;

        case 'A':
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                       _("Elliptical arcs (A or a) in path data are not supported; "
                         "convert them to curves"));
          return NULL;

        default:
          r.pos--;
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                       _("Unknown path command “%c” at byte %u"), cmd, (guint) r.pos);
          return NULL;
        }

      last = up;
    }

  if (path->ops->len == 0)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                   _("Path data is empty"));
      return NULL;
    }

  return g_steal_pointer (&path);
}

void
palp_svg_path_free (PalpSvgPath *path)
{
  if (path == NULL)
    return;
  g_array_unref (path->ops);
  g_free (path);
}

guint
palp_svg_path_get_n_ops (const PalpSvgPath *path)
{
  g_return_val_if_fail (path != NULL, 0);

  return path->ops->len;
}

PalpSvgPathOp
palp_svg_path_get_op (const PalpSvgPath  *path,
                      guint               index,
                      const double      **points)
{
  const Op *o;

  g_return_val_if_fail (path != NULL, PALP_SVG_PATH_CLOSE);
  g_return_val_if_fail (index < path->ops->len, PALP_SVG_PATH_CLOSE);

  o = &g_array_index (path->ops, Op, index);
  if (points != NULL)
    *points = o->p;
  return o->op;
}

static guint
op_n_points (PalpSvgPathOp op)
{
  switch (op)
    {
    case PALP_SVG_PATH_MOVE_TO:
    case PALP_SVG_PATH_LINE_TO:
      return 1;
    case PALP_SVG_PATH_CURVE_TO:
      return 3;
    case PALP_SVG_PATH_CLOSE:
    default:
      return 0;
    }
}

gboolean
palp_svg_path_get_extents (const PalpSvgPath *path,
                           double            *x1,
                           double            *y1,
                           double            *x2,
                           double            *y2)
{
  double lo_x = G_MAXDOUBLE, lo_y = G_MAXDOUBLE, hi_x = -G_MAXDOUBLE, hi_y = -G_MAXDOUBLE;
  gboolean any = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);

  /* The control points bound a cubic, so this box holds the outline. */
  for (guint i = 0; i < path->ops->len; i++)
    {
      const Op *o = &g_array_index (path->ops, Op, i);

      for (guint k = 0; k < op_n_points (o->op); k++)
        {
          lo_x = MIN (lo_x, o->p[2 * k]);
          hi_x = MAX (hi_x, o->p[2 * k]);
          lo_y = MIN (lo_y, o->p[2 * k + 1]);
          hi_y = MAX (hi_y, o->p[2 * k + 1]);
          any = TRUE;
        }
    }

  if (x1) *x1 = any ? lo_x : 0;
  if (y1) *y1 = any ? lo_y : 0;
  if (x2) *x2 = any ? hi_x : 0;
  if (y2) *y2 = any ? hi_y : 0;
  return any;
}

void
palp_svg_path_append (const PalpSvgPath *path,
                      cairo_t           *cr)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cr != NULL);

  for (guint i = 0; i < path->ops->len; i++)
    {
      const Op *o = &g_array_index (path->ops, Op, i);

      switch (o->op)
        {
        case PALP_SVG_PATH_MOVE_TO:
          cairo_move_to (cr, o->p[0], o->p[1]);
          break;
        case PALP_SVG_PATH_LINE_TO:
          cairo_line_to (cr, o->p[0], o->p[1]);
          break;
        case PALP_SVG_PATH_CURVE_TO:
          cairo_curve_to (cr, o->p[0], o->p[1], o->p[2], o->p[3], o->p[4], o->p[5]);
          break;
        case PALP_SVG_PATH_CLOSE:
          cairo_close_path (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  double xy[2] = { x, y };

  g_array_append_vals (points, xy, 2);
}

void
palp_svg_path_flatten (const PalpSvgPath *path,
                       double             tolerance,
                       GArray            *points,
                       GArray            *starts)
{
  double cx = 0, cy = 0, sx = 0, sy = 0;
  gboolean ring_open = FALSE;

  g_return_if_fail (path != NULL);
  g_return_if_fail (points != NULL && starts != NULL);

  if (!(tolerance > 0.001))
    tolerance = 0.001;

  for (guint i = 0; i < path->ops->len; i++)
    {
      const Op *o = &g_array_index (path->ops, Op, i);

      switch (o->op)
        {
        case PALP_SVG_PATH_MOVE_TO:
          {
            guint start = points->len / 2;

            g_array_append_val (starts, start);
            add_point (points, o->p[0], o->p[1]);
            cx = sx = o->p[0];
            cy = sy = o->p[1];
            ring_open = TRUE;
          }
          break;

        case PALP_SVG_PATH_LINE_TO:
        case PALP_SVG_PATH_CURVE_TO:
          if (!ring_open)
            {
              /* Drawing on after a close starts a new ring where the last
               * one began. */
              guint start = points->len / 2;

              g_array_append_val (starts, start);
              add_point (points, sx, sy);
              ring_open = TRUE;
            }
          if (o->op == PALP_SVG_PATH_LINE_TO)
            {
              add_point (points, o->p[0], o->p[1]);
            }
          else
            {
              /* Wang's bound: steps enough that no chord strays more than
               * @tolerance from the curve. */
              double ddx1 = cx - 2 * o->p[0] + o->p[2];
              double ddy1 = cy - 2 * o->p[1] + o->p[3];
              double ddx2 = o->p[0] - 2 * o->p[2] + o->p[4];
              double ddy2 = o->p[1] - 2 * o->p[3] + o->p[5];
              double dd = MAX (hypot (ddx1, ddy1), hypot (ddx2, ddy2));
              double steps_f = ceil (sqrt (0.75 * dd / tolerance));
              guint steps = steps_f < 1 ? 1 : steps_f > MAX_CURVE_STEPS ? MAX_CURVE_STEPS : (guint) steps_f;

              for (guint s = 1; s <= steps; s++)
                {
                  double t = (double) s / steps;
                  double mt = 1 - t;
                  double b0 = mt * mt * mt, b1 = 3 * mt * mt * t, b2 = 3 * mt * t * t, b3 = t * t * t;

                  add_point (points,
                             b0 * cx + b1 * o->p[0] + b2 * o->p[2] + b3 * o->p[4],
                             b0 * cy + b1 * o->p[1] + b2 * o->p[3] + b3 * o->p[5]);
                }
            }
          if (o->op == PALP_SVG_PATH_LINE_TO)
            {
              cx = o->p[0];
              cy = o->p[1];
            }
          else
            {
              cx = o->p[4];
              cy = o->p[5];
            }
          break;

        case PALP_SVG_PATH_CLOSE:
          cx = sx;
          cy = sy;
          ring_open = FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
palp_svg_path_polygon_contains (const double *points,
                                guint         n_points,
                                const guint  *starts,
                                guint         n_starts,
                                double        x,
                                double        y)
{
  int winding = 0;

  for (guint r = 0; r < n_starts; r++)
    {
      guint begin = starts[r];
      guint end = r + 1 < n_starts ? starts[r + 1] : n_points;

      if (end <= begin)
        continue;

      for (guint i = begin; i < end; i++)
        {
          guint j = i + 1 < end ? i + 1 : begin;
          double x0 = points[2 * i], y0 = points[2 * i + 1];
          double x1 = points[2 * j], y1 = points[2 * j + 1];
          double side = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);

          /* Edges crossing the horizontal line through the point, counted
           * up or down by which side of the edge the point is on. */
          if (y0 <= y)
            {
              if (y1 > y && side > 0)
                winding++;
            }
          else if (y1 <= y && side < 0)
            {
              winding--;
            }
        }
    }

  return winding != 0;
}
