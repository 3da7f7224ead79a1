/* palp-signature-pad.c: a small pad a practitioner signs on, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-signature-pad.h"

#define INK_WIDTH    2.2
#define EXPORT_SCALE 2.0
#define MARGIN       6.0

struct _PalpSignaturePad
{
  GtkWidget  parent_instance;

  /* Of GArray of graphene_point_t, one per stroke. */
  GPtrArray *strokes;
  double     start_x;
  double     start_y;
};

G_DEFINE_FINAL_TYPE (PalpSignaturePad, palp_signature_pad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trace_strokes (PalpSignaturePad *self,
               cairo_t          *cr)
{
  for (guint s = 0; s < self->strokes->len; s++)
    {
      GArray *points = g_ptr_array_index (self->strokes, s);
      const graphene_point_t *p = (const graphene_point_t *) (gpointer) points->data;

      if (points->len == 0)
        continue;
      cairo_move_to (cr, p[0].x, p[0].y);
      /* A dot for a tap, a line through the points of a drag. */
      if (points->len == 1)
        cairo_line_to (cr, p[0].x + 0.1, p[0].y);
      for (guint i = 1; i < points->len; i++)
        cairo_line_to (cr, p[i].x, p[i].y);
    }
}

static void
set_ink (cairo_t *cr)
{
  cairo_set_line_width (cr, INK_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

static void
palp_signature_pad_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PalpSignaturePad *self = PALP_SIGNATURE_PAD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA ink;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The line to sign on. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 16, height * 0.75 + 0.5);
  cairo_line_to (cr, width - 16, height * 0.75 + 0.5);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &ink);
  set_ink (cr);
  trace_strokes (self, cr);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
palp_signature_pad_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  /* Room for a name written by hand, no more. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 280 : 110;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 130;
}

static void
append_point (PalpSignaturePad *self,
              double            x,
              double            y)
{
  GArray *points;
  graphene_point_t p = GRAPHENE_POINT_INIT (x, y);

  if (self->strokes->len == 0)
    return;
  points = g_ptr_array_index (self->strokes, self->strokes->len - 1);
  g_array_append_val (points, p);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
begin_stroke (PalpSignaturePad *self,
              double            x,
              double            y)
{
  gboolean was_empty = palp_signature_pad_is_empty (self);

  g_ptr_array_add (self->strokes, g_array_new (FALSE, FALSE, sizeof (graphene_point_t)));
  append_point (self, x, y);
  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               PalpSignaturePad *self)
{
  self->start_x = x;
  self->start_y = y;
  begin_stroke (self, x, y);
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                PalpSignaturePad *self)
{
  append_point (self, self->start_x + dx, self->start_y + dy);
}

static void
palp_signature_pad_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PalpSignaturePad *self = PALP_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, palp_signature_pad_is_empty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_signature_pad_finalize (GObject *object)
{
  PalpSignaturePad *self = PALP_SIGNATURE_PAD (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);

  G_OBJECT_CLASS (palp_signature_pad_parent_class)->finalize (object);
}

static void
palp_signature_pad_class_init (PalpSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = palp_signature_pad_finalize;
  object_class->get_property = palp_signature_pad_get_property;
  widget_class->snapshot = palp_signature_pad_snapshot;
  widget_class->measure = palp_signature_pad_measure;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "signature-pad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
palp_signature_pad_init (PalpSignaturePad *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature pad"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Sign with the mouse, a pen or a finger"),
                                  -1);
}

GtkWidget *
palp_signature_pad_new (void)
{
  return g_object_new (PALP_TYPE_SIGNATURE_PAD, NULL);
}

gboolean
palp_signature_pad_is_empty (PalpSignaturePad *self)
{
  g_return_val_if_fail (PALP_IS_SIGNATURE_PAD (self), TRUE);

  return self->strokes->len == 0;
}

void
palp_signature_pad_clear (PalpSignaturePad *self)
{
  g_return_if_fail (PALP_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;
  g_ptr_array_set_size (self->strokes, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

void
palp_signature_pad_add_stroke (PalpSignaturePad *self,
                               const double     *xy,
                               guint             n_points)
{
  g_return_if_fail (PALP_IS_SIGNATURE_PAD (self));
  g_return_if_fail (n_points > 0 && xy != NULL);

  begin_stroke (self, xy[0], xy[1]);
  for (guint i = 1; i < n_points; i++)
    append_point (self, xy[2 * i], xy[2 * i + 1]);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
palp_signature_pad_to_png (PalpSignaturePad *self)
{
  cairo_surface_t *probe, *surface;
  cairo_t *cr;
  double x1, y1, x2, y2;
  int width, height;
  GByteArray *png;

  g_return_val_if_fail (PALP_IS_SIGNATURE_PAD (self), NULL);

  if (self->strokes->len == 0)
    return NULL;

  /* The ink's extent, then the ink alone on a surface of that size. */
  probe = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (probe);
  set_ink (cr);
  trace_strokes (self, cr);
  cairo_stroke_extents (cr, &x1, &y1, &x2, &y2);
  cairo_destroy (cr);
  cairo_surface_destroy (probe);

  x1 -= MARGIN, y1 -= MARGIN, x2 += MARGIN, y2 += MARGIN;
  width = MAX (1, (int) ((x2 - x1) * EXPORT_SCALE + 0.5));
  height = MAX (1, (int) ((y2 - y1) * EXPORT_SCALE + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, EXPORT_SCALE, EXPORT_SCALE);
  cairo_translate (cr, -x1, -y1);
  /* Dark blue-black, as a pen would sign. */
  cairo_set_source_rgb (cr, 0.08, 0.10, 0.22);
  set_ink (cr);
  trace_strokes (self, cr);
  cairo_stroke (cr);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  if (cairo_surface_write_to_png_stream (surface, append_png, png) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_byte_array_unref (png);
      return NULL;
    }
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

char *
palp_signature_pad_to_json (PalpSignaturePad *self)
{
  GString *json;

  g_return_val_if_fail (PALP_IS_SIGNATURE_PAD (self), NULL);

  if (self->strokes->len == 0)
    return NULL;
  json = g_string_new ("[");
  for (guint s = 0; s < self->strokes->len; s++)
    {
      GArray *points = g_ptr_array_index (self->strokes, s);
      const graphene_point_t *p = (const graphene_point_t *) (gpointer) points->data;

      g_string_append (json, s > 0 ? ",[" : "[");
      for (guint i = 0; i < points->len; i++)
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          /* Locale-independent: a French desktop writes "12,5" with printf. */
          g_ascii_formatd (x, sizeof x, "%.1f", p[i].x);
          g_ascii_formatd (y, sizeof y, "%.1f", p[i].y);
          g_string_append_printf (json, "%s[%s,%s]", i > 0 ? "," : "", x, y);
        }
      g_string_append_c (json, ']');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}
