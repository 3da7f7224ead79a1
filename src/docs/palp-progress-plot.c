/* palp-progress-plot.c: one goal's progress, drawn with cairo
 *
 * Text is laid out in a pango context of our own at 72 dpi, so a font's
 * size is in the caller's user units: "Sans 9" is 9 points on paper and
 * 9 pixels in a widget (which passes its own, larger, size).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "palp-date.h"
#include "palp-progress-plot.h"

#define DEFAULT_FONT  "Sans 9"
#define POINT_RADIUS  3.5
/* Room between the first or last visit and the plot's edges. */
#define X_INSET       12.0
#define GAP           6.0

void
palp_plot_style_init_print (PalpPlotStyle *style)
{
  static const PalpPlotStyle print = {
    .fg = { 0.0, 0.0, 0.0, 1.0 },
    .accent = { 0.11, 0.30, 0.60, 1.0 },
    .warning = { 0.90, 0.60, 0.05, 1.0 },
    .font = DEFAULT_FONT,
  };

  g_return_if_fail (style != NULL);
  *style = print;
}

/* ---------------------------------------------------------------------- */
/* Numbers and words                                                      */

static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 0.005)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* "7/10", "120°", "42 mm", "3". */
static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = format_number (value);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  if (unit[0] == '/' || g_str_equal (unit, "°") || g_str_equal (unit, "%"))
    return g_strconcat (number, unit, NULL);
  return g_strconcat (number, " ", unit, NULL);
}

/* A change, in the measure's unit: "4 points" for a score, "12°", "5 mm". */
static char *
format_change (double      change,
               const char *unit)
{
  g_autofree char *number = format_number (fabs (change));

  if (unit == NULL || unit[0] == '\0' || unit[0] == '/')
    /* Translators: a change on a score, e.g. "4 points"; %s is the number. */
    return g_strdup_printf (ngettext ("%s point", "%s points",
                                         (gulong) round (fabs (change))),
                            number);
  return format_value (fabs (change), unit);
}

static const char *
plot_title (const PalpProgressPlot *plot)
{
  if (plot->title != NULL && plot->title[0] != '\0')
    return plot->title;
  return _("Goal");
}

/* The last finite point, or NULL. */
static const PalpPlotPoint *
latest_point (const PalpProgressPlot *plot)
{
  for (gsize i = plot->n_points; i > 0; i--)
    if (isfinite (plot->points[i - 1].value))
      return &plot->points[i - 1];
  return NULL;
}

char *
palp_progress_plot_describe (const PalpProgressPlot *plot)
{
  const PalpPlotPoint *latest;
  g_autofree char *baseline = NULL;
  g_autofree char *target = NULL;
  g_autofree char *current = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *change = NULL;
  GString *text;
  double improvement;

  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (plot->n_points == 0 || plot->points != NULL, NULL);

  baseline = format_value (plot->baseline, plot->unit);
  target = format_value (plot->target, plot->unit);
  latest = latest_point (plot);
  text = g_string_new (NULL);

  if (latest == NULL)
    {
      /* Translators: a progress plot read aloud: the goal, its baseline and
       * its target, e.g. "Pain: baseline 7/10, target 2/10; no measurements
       * yet". */
      g_string_printf (text, _("%s: baseline %s, target %s; no measurements yet"),
                       plot_title (plot), baseline, target);
      return g_string_free (text, FALSE);
    }

  current = format_value (latest->value, plot->unit);
  improvement = plot->direction == PALP_DIRECTION_LOWER_IS_BETTER
                ? plot->baseline - latest->value
                : latest->value - plot->baseline;
  change = format_change (improvement, plot->unit);
  if (fabs (improvement) < 0.005)
    change_text = g_strdup (_("no change"));
  else if (improvement > 0.0)
    /* Translators: %s is a change such as "4 points" or "12°". */
    change_text = g_strdup_printf (_("improved by %s"), change);
  else
    /* Translators: %s is a change such as "4 points" or "12°". */
    change_text = g_strdup_printf (_("worse by %s"), change);

  /* Translators: a progress plot read aloud, e.g. "Pain: baseline 7/10,
   * latest 3/10 at visit 6, target 2/10; improved by 4 points". The
   * arguments are the goal, the baseline, the latest reading, its visit
   * number, the target and the change. */
  g_string_printf (text, _("%s: baseline %s, latest %s at visit %u, target %s; %s"),
                   plot_title (plot), baseline, current, latest->visit_number, target,
                   change_text);
  if (plot->plateau && plot->plateau_visits > 0)
    {
      g_string_append (text, "; ");
      g_string_append_printf (text,
                              /* Translators: added to a plot's description. */
                              ngettext ("no important change over the last visit",
                                        "no important change over the last %u visits",
                                        plot->plateau_visits),
                              plot->plateau_visits);
    }
  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */

typedef struct
{
  cairo_t              *cr;
  const PalpPlotStyle  *style;
  PangoContext         *context;
  PangoFontDescription *font;
  double                line_height;

  /* The plot area and its scales. */
  double                px, py, pw, ph;
  double                lo, hi;       /* value range */
  gboolean              down;         /* lower is better: values grow downwards */
  guint                 vmin, vmax;   /* visit range */
} Plot;

static PangoLayout *
plot_layout (Plot       *p,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = pango_layout_new (p->context);

  if (bold)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_copy (p->font);

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
    }
  else
    pango_layout_set_font_description (layout, p->font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (Plot       *p,
            const char *text)
{
  g_autoptr(PangoLayout) layout = plot_layout (p, text, FALSE);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

typedef enum
{
  ANCHOR_START,
  ANCHOR_CENTER,
  ANCHOR_END,
} Anchor;

/* Draws @text with its vertical middle at @y. */
static void
draw_text (Plot         *p,
           const char   *text,
           double        x,
           double        y,
           Anchor        anchor,
           const double  rgba[4],
           double        alpha)
{
  g_autoptr(PangoLayout) layout = plot_layout (p, text, FALSE);
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  if (anchor == ANCHOR_CENTER)
    x -= w / 2.0;
  else if (anchor == ANCHOR_END)
    x -= w;
  cairo_set_source_rgba (p->cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
  cairo_move_to (p->cr, x, y - h / 2.0);
  pango_cairo_show_layout (p->cr, layout);
}

static double
value_y (const Plot *p,
         double      value)
{
  double t = (value - p->lo) / (p->hi - p->lo);

  return p->down ? p->py + t * p->ph : p->py + (1.0 - t) * p->ph;
}

static double
visit_x (const Plot *p,
         double      visit)
{
  double inset = MIN (X_INSET, p->pw / 4.0);

  if (p->vmax <= p->vmin)
    return p->px + p->pw / 2.0;
  return p->px + inset + (visit - p->vmin) / (p->vmax - p->vmin) * (p->pw - 2.0 * inset);
}

static double
nice_step (double span)
{
  double raw = span / 5.0;
  double magnitude = pow (10.0, floor (log10 (raw)));
  double normal = raw / magnitude;

  if (normal < 1.5)
    return magnitude;
  if (normal < 3.0)
    return 2.0 * magnitude;
  if (normal < 7.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/* The value range: the measure's whole scale when the readings use a fair
 * part of it (a pain scale reads best as 0–10), else fitted around the
 * baseline, the target and the readings. */
static void
fit_range (const PalpProgressPlot *plot,
           double                 *out_lo,
           double                 *out_hi,
           double                 *out_step)
{
  double lo = INFINITY, hi = -INFINITY;
  double span, step;
  gboolean bounded = isfinite (plot->min) && isfinite (plot->max) && plot->min < plot->max;

  if (isfinite (plot->baseline))
    lo = hi = plot->baseline;
  if (isfinite (plot->target))
    {
      lo = MIN (lo, plot->target);
      hi = MAX (hi, plot->target);
    }
  for (gsize i = 0; i < plot->n_points; i++)
    if (isfinite (plot->points[i].value))
      {
        lo = MIN (lo, plot->points[i].value);
        hi = MAX (hi, plot->points[i].value);
      }
  if (!isfinite (lo))
    {
      lo = bounded ? plot->min : 0.0;
      hi = bounded ? plot->max : 10.0;
    }

  if (bounded && hi - lo >= 0.4 * (plot->max - plot->min))
    {
      *out_lo = plot->min;
      *out_hi = plot->max;
      *out_step = nice_step (plot->max - plot->min);
      return;
    }

  span = hi - lo;
  if (span <= 0.0)
    span = fabs (hi) > 0.0 ? fabs (hi) * 0.2 : 1.0;
  lo -= span * 0.15;
  hi += span * 0.15;
  step = nice_step (hi - lo);
  lo = floor (lo / step) * step;
  hi = ceil (hi / step) * step;
  if (bounded)
    {
      lo = MAX (lo, plot->min);
      hi = MIN (hi, plot->max);
    }
  *out_lo = lo;
  *out_hi = hi;
  *out_step = step;
}

/* "May 17" for the visit axis, or NULL. */
static char *
short_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (iso == NULL || !palp_date_parse_iso (iso, &date))
    return NULL;
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0.0);
  if (when == NULL)
    return NULL;
  /* Translators: a visit's date under a progress plot, in
   * g_date_time_format() notation; keep it short ("%-d %b" in French). */
  return g_date_time_format (when, C_("plot date", "%b %-d"));
}

static void
set_rgba (cairo_t      *cr,
          const double  rgba[4],
          double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
draw_level (Plot         *p,
            double        value,
            const double  rgba[4],
            double        alpha)
{
  static const double dash[] = { 5.0, 3.0 };
  double y = round (value_y (p, value)) + 0.5;

  set_rgba (p->cr, rgba, alpha);
  cairo_set_line_width (p->cr, 1.0);
  cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0.0);
  cairo_move_to (p->cr, p->px, y);
  cairo_line_to (p->cr, p->px + p->pw, y);
  cairo_stroke (p->cr);
  cairo_set_dash (p->cr, NULL, 0, 0.0);
}

void
palp_progress_plot_draw (cairo_t                *cr,
                         const PalpProgressPlot *plot,
                         const PalpPlotStyle    *style,
                         double                  x,
                         double                  y,
                         double                  width,
                         double                  height)
{
  PangoContext *context = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *baseline_label = NULL;
  g_autofree char *target_label = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  PangoRectangle logical;
  cairo_font_options_t *options;
  const PalpPlotPoint *latest;
  PalpPlotStyle print_style;
  Plot p = { 0 };
  double step, left, right, bottom, top, slot, date_w = 0.0, number_w;
  double label_baseline_y, label_target_y;
  gboolean show_dates = TRUE, have_dates = FALSE;
  guint stride;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plot != NULL);
  g_return_if_fail (plot->n_points == 0 || plot->points != NULL);

  if (style == NULL)
    {
      palp_plot_style_init_print (&print_style);
      style = &print_style;
    }
  if (width < 40.0 || height < 30.0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_update_context (cr, context);
  font = pango_font_description_from_string (style->font != NULL ? style->font : DEFAULT_FONT);
  if (pango_font_description_get_size (font) <= 0)
    pango_font_description_set_size (font, 9 * PANGO_SCALE);

  p.cr = cr;
  p.style = style;
  p.context = context;
  p.font = font;
  probe = plot_layout (&p, "0", FALSE);
  pango_layout_get_extents (probe, NULL, &logical);
  p.line_height = (double) logical.height / PANGO_SCALE;
  p.down = plot->direction == PALP_DIRECTION_LOWER_IS_BETTER;
  fit_range (plot, &p.lo, &p.hi, &step);
  latest = latest_point (plot);

  p.vmin = G_MAXUINT;
  p.vmax = 0;
  for (gsize i = 0; i < plot->n_points; i++)
    if (isfinite (plot->points[i].value))
      {
        p.vmin = MIN (p.vmin, plot->points[i].visit_number);
        p.vmax = MAX (p.vmax, plot->points[i].visit_number);
        have_dates = have_dates || plot->points[i].date != NULL;
      }
  if (p.vmax == 0)
    p.vmin = p.vmax = 1;

  /* Margins: the scale's labels at the left, the levels' labels at the
   * right, the visits below, the title and the unit above. */
  left = 0.0;
  for (double v = p.lo; v <= p.hi + step / 1000.0; v += step)
    {
      g_autofree char *label = g_strdup_printf ("%.*f", step < 1.0 ? 1 : 0, v);

      left = MAX (left, text_width (&p, label));
    }
  if (plot->unit != NULL && plot->unit[0] != '\0')
    left = MAX (left, text_width (&p, plot->unit));
  left += GAP;

  {
    g_autofree char *b = format_number (plot->baseline);
    g_autofree char *t = format_number (plot->target);

    /* Translators: the label of a progress plot's baseline line, %s is its value. */
    baseline_label = g_strdup_printf (_("Baseline %s"), b);
    /* Translators: the label of a progress plot's target line, %s is its value. */
    target_label = g_strdup_printf (_("Target %s"), t);
  }
  right = MAX (text_width (&p, baseline_label), text_width (&p, target_label)) + GAP;
  right = MIN (right, width * 0.35);

  /* The scale's top label reaches half a line above the plot; the unit
   * sits a line above that. */
  top = p.line_height * 0.5;
  if (plot->unit != NULL && plot->unit[0] != '\0')
    top = p.line_height * 1.5 + 2.0;
  if (plot->title != NULL && plot->title[0] != '\0')
    top += p.line_height + 4.0;

  p.px = x + left;
  p.pw = width - left - right;

  /* Visit labels every @stride visits, so they never overlap; dates under
   * them when each has room. */
  number_w = text_width (&p, "00") + GAP;
  slot = p.vmax > p.vmin ? (p.pw - 2.0 * MIN (X_INSET, p.pw / 4.0)) / (p.vmax - p.vmin) : p.pw;
  stride = slot > 0.0 ? (guint) ceil (number_w / slot) : 1;
  stride = MAX (stride, 1);
  if (have_dates)
    {
      g_autofree char *sample = short_date ("2024-09-30");

      date_w = (sample != NULL ? text_width (&p, sample) : 0.0) + GAP;
      show_dates = slot * stride >= date_w || p.vmax == p.vmin;
    }
  else
    show_dates = FALSE;
  bottom = p.line_height * (show_dates ? 2.0 : 1.0) + GAP;

  p.py = y + top;
  p.ph = height - top - bottom;
  if (p.pw < 20.0 || p.ph < 20.0)
    {
      g_object_unref (context);
      cairo_restore (cr);
      return;
    }

  /* Title, and the unit over the scale. */
  if (plot->title != NULL && plot->title[0] != '\0')
    {
      g_autoptr(PangoLayout) title = plot_layout (&p, plot->title, TRUE);

      pango_layout_set_width (title, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      set_rgba (cr, style->fg, 1.0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, title);
    }
  if (plot->unit != NULL && plot->unit[0] != '\0')
    draw_text (&p, plot->unit, p.px - GAP, p.py - p.line_height - 1.0, ANCHOR_END, style->fg,
               0.7);

  /* Plateau: the last visits shaded, under everything else. */
  if (plot->plateau && plot->plateau_visits > 0 && latest != NULL)
    {
      double from = visit_x (&p, (double) latest->visit_number - plot->plateau_visits + 0.5);

      from = CLAMP (from, p.px, p.px + p.pw);
      set_rgba (cr, style->warning, 0.22);
      cairo_rectangle (cr, from, p.py, p.px + p.pw - from, p.ph);
      cairo_fill (cr);
      /* Translators: over the shaded last visits of a progress plot. */
      if (p.px + p.pw - from > text_width (&p, _("Plateau")) + GAP)
        draw_text (&p, _("Plateau"), from + GAP / 2.0, p.py + p.line_height / 2.0 + 2.0,
                   ANCHOR_START, style->fg, 0.75);
    }

  /* Grid and scale. */
  cairo_set_line_width (cr, 1.0);
  for (double v = p.lo; v <= p.hi + step / 1000.0; v += step)
    {
      g_autofree char *label = g_strdup_printf ("%.*f", step < 1.0 ? 1 : 0, v);
      double gy = round (value_y (&p, v)) + 0.5;

      set_rgba (cr, style->fg, 0.12);
      cairo_move_to (cr, p.px, gy);
      cairo_line_to (cr, p.px + p.pw, gy);
      cairo_stroke (cr);
      draw_text (&p, label, p.px - GAP, gy, ANCHOR_END, style->fg, 0.8);
    }
  set_rgba (cr, style->fg, 0.6);
  cairo_move_to (cr, round (p.px) + 0.5, p.py);
  cairo_line_to (cr, round (p.px) + 0.5, p.py + p.ph);
  cairo_line_to (cr, p.px + p.pw, p.py + p.ph);
  cairo_stroke (cr);

  /* Baseline and target, labelled at the right; labels pushed apart when
   * the lines are close. */
  label_baseline_y = value_y (&p, plot->baseline);
  label_target_y = value_y (&p, plot->target);
  if (fabs (label_baseline_y - label_target_y) < p.line_height)
    {
      double mid = (label_baseline_y + label_target_y) / 2.0;
      double sign = label_baseline_y >= label_target_y ? 1.0 : -1.0;

      label_baseline_y = mid + sign * p.line_height / 2.0;
      label_target_y = mid - sign * p.line_height / 2.0;
    }
  if (isfinite (plot->baseline))
    {
      draw_level (&p, plot->baseline, style->fg, 0.55);
      draw_text (&p, baseline_label, p.px + p.pw + GAP / 2.0, label_baseline_y, ANCHOR_START,
                 style->fg, 0.8);
    }
  if (isfinite (plot->target))
    {
      draw_level (&p, plot->target, style->accent, 1.0);
      draw_text (&p, target_label, p.px + p.pw + GAP / 2.0, label_target_y, ANCHOR_START,
                 style->accent, 1.0);
    }

  if (latest == NULL)
    {
      draw_text (&p, _("No measurements yet"), p.px + p.pw / 2.0, p.py + p.ph / 2.0,
                 ANCHOR_CENTER, style->fg, 0.7);
      g_object_unref (context);
      cairo_restore (cr);
      return;
    }

  /* Visits along the bottom. */
  for (gsize i = 0; i < plot->n_points; i++)
    {
      const PalpPlotPoint *point = &plot->points[i];
      g_autofree char *number = NULL;
      double vx;

      if (!isfinite (point->value) || (point->visit_number - p.vmin) % stride != 0)
        continue;
      vx = visit_x (&p, point->visit_number);
      number = g_strdup_printf ("%u", point->visit_number);
      draw_text (&p, number, vx, p.py + p.ph + GAP / 2.0 + p.line_height / 2.0, ANCHOR_CENTER,
                 style->fg, 0.8);
      if (show_dates)
        {
          g_autofree char *date = short_date (point->date);

          if (date != NULL)
            draw_text (&p, date, vx, p.py + p.ph + GAP / 2.0 + p.line_height * 1.5,
                       ANCHOR_CENTER, style->fg, 0.6);
        }
    }

  /* The series: a line through the readings, then the points on it. */
  set_rgba (cr, style->fg, 0.85);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  {
    gboolean started = FALSE;

    for (gsize i = 0; i < plot->n_points; i++)
      {
        const PalpPlotPoint *point = &plot->points[i];

        if (!isfinite (point->value))
          continue;
        if (started)
          cairo_line_to (cr, visit_x (&p, point->visit_number), value_y (&p, point->value));
        else
          cairo_move_to (cr, visit_x (&p, point->visit_number), value_y (&p, point->value));
        started = TRUE;
      }
    cairo_stroke (cr);
  }
  set_rgba (cr, style->accent, 1.0);
  for (gsize i = 0; i < plot->n_points; i++)
    {
      const PalpPlotPoint *point = &plot->points[i];

      if (!isfinite (point->value))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, visit_x (&p, point->visit_number), value_y (&p, point->value),
                 POINT_RADIUS, 0.0, 2.0 * G_PI);
    }
  cairo_fill (cr);

  g_object_unref (context);
  cairo_restore (cr);
}
