/* palp-chart-view.c: the body chart a therapist draws on
 *
 * Coordinates: the widget shows a window onto a "content" box of its own
 * size times the zoom, scrolled by the adjustments; the painter maps the
 * view's units into that box. get_matrix() is that one transform (view to
 * widget), used to draw, and its inverse maps the pointer back for hit
 * testing, so what is hit is what was drawn. Marks stay in view units
 * while they are being drawn and are normalised (0..1) only when saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "palp-chart-painter.h"
#include "palp-chart-view.h"
#include "palp-mark-kind.h"

/* In widget pixels. */
#define DRAG_THRESHOLD  4.0
#define HIT_TOLERANCE   9.0
#define MIN_AREA_STEP   2.0   /* freehand points closer than this are dropped */
#define MIN_AREA        60.0  /* square pixels a freehand area must enclose */
#define ZOOM_STEP       1.25
#define NUDGE_FRACTION  0.005 /* an arrow key moves the selected mark this far */
#define OVERLAY_ALPHA   0.38

typedef enum
{
  MODE_IDLE,
  MODE_PRESSED,     /* down, not yet moved far enough to be a drag */
  MODE_MOVE,
  MODE_FREEHAND,
  MODE_ARROW,
  MODE_PAN,
  MODE_SWALLOW,     /* the press that made a double click: ignored */
} Mode;

typedef enum
{
  INTENT_NONE,      /* a click at most (read-only, or nothing to drag) */
  INTENT_MOVE,      /* dragging moves press_mark */
  INTENT_AREA,      /* dragging draws a freehand area */
  INTENT_ARROW,     /* dragging draws a referral arrow from arrow_x, arrow_y */
} Intent;

struct _PalpChartView
{
  GtkWidget            parent_instance;

  PalpAtlas           *atlas;
  PalpChartEdits      *edits;
  GListModel          *overlay;        /* another visit's marks, all views */
  GListStore          *view_marks;     /* the marks of this view, as drawn */
  GListStore          *view_overlay;
  PalpView             view;
  int                  tool;
  int                  intensity;

  /* Scrolling and zoom, per view. */
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  double               zoom[PALP_VIEW_COUNT];
  double               centre_x[PALP_VIEW_COUNT];  /* the visible centre, 0..1 of the content */
  double               centre_y[PALP_VIEW_COUNT];
  double               zoom_begin;
  double               pan_h, pan_v;

  /* The pointer. */
  Mode                 mode;
  Intent               intent;
  double               press_x, press_y;        /* widget */
  double               pointer_x, pointer_y;    /* widget */
  gboolean             pointer_inside;
  PalpMark            *press_mark;              /* under the press */
  gboolean             press_was_selected;
  double               arrow_x, arrow_y;        /* view */
  PalpMark            *preview;                 /* the moved mark, drawn in its place */
  GArray              *stroke;                  /* view x, y pairs */
  GArray              *pressure;                /* float per stroke point */
  GArray              *polygon;                 /* view x, y pairs */
  gboolean             stylus_down;
  gboolean             space_down;
  char                *hover_id;
  char                *hover_text;

  /* The mark editor. */
  GtkPopover          *editor;
  GtkDropDown         *kind_dropdown;
  GtkWidget           *intensity_box;
  GtkSpinButton       *intensity_spin;
  GtkDropDown         *depth_dropdown;
  GtkEntry            *note_entry;
  GtkWidget           *delete_button;
  GArray              *editor_kinds;            /* PalpMarkKind, in the dropdown's order */
  PalpMark            *editing;
  gboolean             editor_deleted;
};

static void palp_chart_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PalpChartView, palp_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      palp_chart_view_scrollable_init))

enum {
  PROP_0,
  PROP_VIEW,
  PROP_TOOL,
  PROP_ZOOM,
  PROP_HOVER_TEXT,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static const char *depth_keys[] = { NULL, "superficial", "deep" };

static void rebuild_view_marks (PalpChartView *self);

/* Geometry */

static gboolean
editable (PalpChartView *self)
{
  return self->edits != NULL && !palp_chart_edits_get_read_only (self->edits);
}

static double
zoom (PalpChartView *self)
{
  return self->zoom[self->view];
}

static void
view_size (PalpChartView *self,
           double        *w,
           double        *h)
{
  palp_atlas_get_view_size (self->atlas, self->view, w, h);
  if (!(*w > 0) || !(*h > 0))
    *w = *h = 1;
}

static double
adj_value (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

/* The one transform: view units to widget pixels. */
static void
get_matrix (PalpChartView  *self,
            cairo_matrix_t *matrix)
{
  double cw = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1) * zoom (self);
  double ch = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1) * zoom (self);
  cairo_matrix_t scroll;

  palp_chart_get_transform (self->atlas, self->view, cw, ch, matrix);
  cairo_matrix_init_translate (&scroll, -adj_value (self->hadjustment),
                               -adj_value (self->vadjustment));
  cairo_matrix_multiply (matrix, matrix, &scroll);
}

void
palp_chart_view_view_to_widget (PalpChartView *self,
                                double         view_x,
                                double         view_y,
                                double        *x,
                                double        *y)
{
  cairo_matrix_t m;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  get_matrix (self, &m);
  cairo_matrix_transform_point (&m, &view_x, &view_y);
  *x = view_x;
  *y = view_y;
}

void
palp_chart_view_widget_to_view (PalpChartView *self,
                                double         x,
                                double         y,
                                double        *view_x,
                                double        *view_y)
{
  cairo_matrix_t m;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  get_matrix (self, &m);
  if (cairo_matrix_invert (&m) != CAIRO_STATUS_SUCCESS)
    cairo_matrix_init_identity (&m);
  cairo_matrix_transform_point (&m, &x, &y);
  *view_x = x;
  *view_y = y;
}

/* Widget pixels per view unit. */
static double
pixels_per_unit (PalpChartView *self)
{
  cairo_matrix_t m;

  get_matrix (self, &m);
  return m.xx > 0 ? m.xx : 1;
}

/* Scrolling */

static void
configure_adjustments (PalpChartView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (w <= 0 || h <= 0)
    return;
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, self->centre_x[self->view] * w * zoom (self) - w / 2,
                              0, w * zoom (self), w * 0.1, w * 0.9, w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, self->centre_y[self->view] * h * zoom (self) - h / 2,
                              0, h * zoom (self), h * 0.1, h * 0.9, h);
}

/* Remembers where the view is scrolled to, for the view's next visit and
 * for a resize. */
static void
on_adjustment_value_changed_cb (PalpChartView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (w > 0 && h > 0)
    {
      self->centre_x[self->view] = (adj_value (self->hadjustment) + w / 2) / (w * zoom (self));
      self->centre_y[self->view] = (adj_value (self->vadjustment) + h / 2) / (h * zoom (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PalpChartView  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed",
                              G_CALLBACK (on_adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

/* Zooms to @z keeping the view point under (@ax, @ay) where it is. */
static void
zoom_at (PalpChartView *self,
         double         z,
         double         ax,
         double         ay)
{
  double vx, vy, bx, by, w, h;
  cairo_matrix_t m;

  z = CLAMP (z, 1.0, PALP_CHART_ZOOM_MAX);
  if (fabs (z - zoom (self)) < 1e-6)
    return;
  palp_chart_view_widget_to_view (self, ax, ay, &vx, &vy);
  self->zoom[self->view] = z;
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w > 0 && h > 0)
    {
      palp_chart_get_transform (self->atlas, self->view, w * z, h * z, &m);
      bx = vx, by = vy;
      cairo_matrix_transform_point (&m, &bx, &by);
      self->centre_x[self->view] = (bx - ax + w / 2) / (w * z);
      self->centre_y[self->view] = (by - ay + h / 2) / (h * z);
    }
  configure_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_centred (PalpChartView *self,
              double         z)
{
  zoom_at (self, z, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
palp_chart_view_get_zoom (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), 1);
  return zoom (self);
}

void
palp_chart_view_set_zoom (PalpChartView *self,
                          double         z)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  zoom_centred (self, z);
}

void
palp_chart_view_zoom_in (PalpChartView *self)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  zoom_centred (self, zoom (self) * ZOOM_STEP);
}

void
palp_chart_view_zoom_out (PalpChartView *self)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  zoom_centred (self, zoom (self) / ZOOM_STEP);
}

/* Marks */

static gboolean
mark_in_view (PalpMark *mark,
              PalpView  view)
{
  PalpView v;

  return palp_view_from_key (palp_mark_get_string (mark, "view"), &v) && v == view;
}

static void
fill_view_store (GListStore *store,
                 GListModel *marks,
                 PalpView    view)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = marks != NULL ? g_list_model_get_n_items (marks) : 0;

  for (guint i = 0; i < n; i++)
    {
      PalpMark *mark = g_list_model_get_item (marks, i);

      if (mark_in_view (mark, view))
        g_ptr_array_add (items, mark);
      else
        g_object_unref (mark);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

/* The per-view lists the painter reads: rebuilt when the marks change,
 * never in snapshot. */
static void
rebuild_view_marks (PalpChartView *self)
{
  fill_view_store (self->view_marks,
                   self->edits != NULL ? palp_chart_edits_get_marks (self->edits) : NULL,
                   self->view);
  fill_view_store (self->view_overlay, self->overlay, self->view);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PalpMark *
selected_mark (PalpChartView *self)
{
  return self->edits != NULL ? palp_chart_edits_get_selected (self->edits) : NULL;
}

static void
select_mark (PalpChartView *self,
             PalpMark      *mark)
{
  if (self->edits != NULL)
    palp_chart_edits_select (self->edits, mark);
}

static PalpMark *
mark_at (PalpChartView *self,
         double         x,
         double         y)
{
  double vx, vy;
  int i;

  palp_chart_view_widget_to_view (self, x, y, &vx, &vy);
  i = palp_chart_hit_mark (self->atlas, self->view, G_LIST_MODEL (self->view_marks), vx, vy,
                           HIT_TOLERANCE / pixels_per_unit (self));
  return i >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->view_marks), (guint) i) : NULL;
}

static const char *
mark_kind_key (PalpMark *mark)
{
  return palp_mark_get_string (mark, "kind");
}

static gboolean
mark_shape_is (PalpMark      *mark,
               PalpMarkShape  shape)
{
  PalpMarkShape s;

  return palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &s) && s == shape;
}

/* A new mark of the current tool's kind through @xy (view units). */
static void
add_mark (PalpChartView *self,
          PalpMarkShape  shape,
          const double  *xy,
          guint          n_points)
{
  g_autoptr(PalpMark) mark = NULL;
  g_autofree double *norm = g_new (double, 2 * n_points);
  g_autofree char *geometry = NULL;
  PalpMarkKind kind = (PalpMarkKind) self->tool;
  double w, h;

  if (!editable (self) || self->tool < 0 || !palp_mark_kind_allows_shape (kind, shape))
    return;
  view_size (self, &w, &h);
  for (guint i = 0; i < n_points; i++)
    {
      norm[2 * i] = CLAMP (xy[2 * i] / w, 0.0, 1.0);
      norm[2 * i + 1] = CLAMP (xy[2 * i + 1] / h, 0.0, 1.0);
    }
  geometry = palp_mark_geometry_to_json (norm, n_points);
  mark = palp_mark_new ();
  g_object_set (mark,
                "view", palp_view_to_key (self->view),
                "kind", palp_mark_kind_to_key (kind),
                "shape", palp_mark_shape_to_key (shape),
                "geometry", geometry,
                NULL);
  /* A referral arrow carries no intensity of its own: its point does. */
  if (palp_mark_kind_has_intensity (kind) && shape != PALP_MARK_SHAPE_ARROW)
    g_object_set (mark, "intensity", (gint64) self->intensity, "has-intensity", (gint64) 1, NULL);
  /* A refusal is shown by whoever listens to the edits. */
  palp_chart_edits_add (self->edits, mark, NULL);
}

/* @xy moved by (@dx, @dy) normalised, clamped into the view. */
static char *
moved_geometry (PalpMark *mark,
                double    dx,
                double    dy)
{
  g_autoptr(GArray) xy = NULL;
  PalpMarkShape shape;

  if (!palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) ||
      !(xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"), shape, NULL)))
    return NULL;
  for (guint i = 0; i < xy->len; i += 2)
    {
      g_array_index (xy, double, i) = CLAMP (g_array_index (xy, double, i) + dx, 0.0, 1.0);
      g_array_index (xy, double, i + 1) = CLAMP (g_array_index (xy, double, i + 1) + dy, 0.0, 1.0);
    }
  return palp_mark_geometry_to_json ((const double *) xy->data, xy->len / 2);
}

static void
move_mark (PalpChartView *self,
           PalpMark      *mark,
           double         dx,
           double         dy)
{
  g_autoptr(PalpMark) moved = palp_chart_mark_copy (mark);
  g_autofree char *geometry = moved_geometry (mark, dx, dy);

  if (geometry == NULL)
    return;
  g_object_set (moved, "geometry", geometry, NULL);
  palp_chart_edits_change (self->edits, mark, moved, NULL);
}

static void
end_preview (PalpChartView *self)
{
  if (self->preview != NULL)
    {
      g_clear_object (&self->preview);
      rebuild_view_marks (self);
    }
}

/* The moved mark drawn in its place while it is dragged. */
static void
update_preview (PalpChartView *self,
                double         x,
                double         y)
{
  g_autofree char *geometry = NULL;
  double w, h, vx0, vy0, vx1, vy1;
  guint position;

  if (self->press_mark == NULL)
    return;
  view_size (self, &w, &h);
  palp_chart_view_widget_to_view (self, self->press_x, self->press_y, &vx0, &vy0);
  palp_chart_view_widget_to_view (self, x, y, &vx1, &vy1);
  geometry = moved_geometry (self->press_mark, (vx1 - vx0) / w, (vy1 - vy0) / h);
  if (geometry == NULL)
    return;
  if (self->preview == NULL)
    self->preview = palp_chart_mark_copy (self->press_mark);
  g_object_set (self->preview, "geometry", geometry, NULL);
  if (g_list_store_find (self->view_marks, self->press_mark, &position) ||
      g_list_store_find (self->view_marks, self->preview, &position))
    g_list_store_splice (self->view_marks, position, 1, (gpointer *) &self->preview, 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Polygons */

static void
cancel_polygon (PalpChartView *self)
{
  if (self->polygon->len > 0)
    {
      g_array_set_size (self->polygon, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

gboolean
palp_chart_view_finish_polygon (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), FALSE);

  if (self->polygon->len < 2 * 3)
    return FALSE;
  add_mark (self, PALP_MARK_SHAPE_AREA, (const double *) self->polygon->data,
            self->polygon->len / 2);
  cancel_polygon (self);
  return TRUE;
}

/* The pointer */

static void
update_hover (PalpChartView *self,
              double         x,
              double         y,
              gboolean       inside)
{
  const PalpRegion *region = NULL;
  double vx, vy;

  if (inside)
    {
      palp_chart_view_widget_to_view (self, x, y, &vx, &vy);
      region = palp_atlas_hit (self->atlas, self->view, vx, vy);
    }
  if (g_strcmp0 (region ? palp_region_get_id (region) : NULL, self->hover_id) == 0)
    return;
  g_free (self->hover_id);
  g_free (self->hover_text);
  self->hover_id = region ? g_strdup (palp_region_get_id (region)) : NULL;
  self->hover_text = region ? g_strdup (palp_region_get_name (region)) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_TEXT]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
palp_chart_view_get_hover_text (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), NULL);
  return self->hover_text;
}

/* A trigger point near (@x, @y), whose referral an arrow starts from. */
static gboolean
trigger_point_at (PalpChartView *self,
                  double         x,
                  double         y,
                  double        *vx,
                  double        *vy)
{
  g_autoptr(PalpMark) mark = mark_at (self, x, y);
  double nx, ny, w, h;

  if (mark == NULL || !mark_shape_is (mark, PALP_MARK_SHAPE_POINT) ||
      g_strcmp0 (mark_kind_key (mark), "trigger-point") != 0 ||
      !palp_chart_mark_get_anchor (mark, &nx, &ny))
    return FALSE;
  view_size (self, &w, &h);
  *vx = nx * w;
  *vy = ny * h;
  return TRUE;
}

void
palp_chart_view_pointer_down (PalpChartView *self,
                              double         x,
                              double         y,
                              double         pressure)
{
  g_autoptr(PalpMark) hit = NULL;
  PalpMark *selected;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  if (self->mode == MODE_SWALLOW)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->intent = INTENT_NONE;
  g_clear_object (&self->press_mark);
  g_array_set_size (self->stroke, 0);
  g_array_set_size (self->pressure, 0);

  if (self->space_down)
    {
      self->mode = MODE_PAN;
      self->pan_h = adj_value (self->hadjustment);
      self->pan_v = adj_value (self->vadjustment);
      return;
    }
  self->mode = MODE_PRESSED;
  hit = mark_at (self, x, y);
  selected = selected_mark (self);
  self->press_was_selected = hit != NULL && hit == selected;

  if (self->tool == PALP_CHART_TOOL_SELECT || !editable (self))
    {
      select_mark (self, hit);
      if (hit != NULL && editable (self))
        {
          self->intent = INTENT_MOVE;
          self->press_mark = g_object_ref (hit);
        }
      return;
    }
  if (self->tool == PALP_MARK_TRIGGER_POINT && self->polygon->len == 0)
    {
      self->intent = INTENT_ARROW;
      if (!trigger_point_at (self, x, y, &self->arrow_x, &self->arrow_y))
        palp_chart_view_widget_to_view (self, x, y, &self->arrow_x, &self->arrow_y);
      return;
    }
  if (hit != NULL && hit == selected && self->polygon->len == 0)
    {
      self->intent = INTENT_MOVE;
      self->press_mark = g_object_ref (hit);
      return;
    }
  if (self->polygon->len == 0 &&
      palp_mark_kind_allows_shape ((PalpMarkKind) self->tool, PALP_MARK_SHAPE_AREA))
    self->intent = INTENT_AREA;
  (void) pressure;
}

static void
append_stroke_point (PalpChartView *self,
                     double         x,
                     double         y,
                     double         pressure)
{
  double vx, vy;
  float p = (float) pressure;

  if (self->stroke->len >= 2)
    {
      double px, py;

      palp_chart_view_view_to_widget (self, g_array_index (self->stroke, double, self->stroke->len - 2),
                                      g_array_index (self->stroke, double, self->stroke->len - 1),
                                      &px, &py);
      if (hypot (x - px, y - py) < MIN_AREA_STEP)
        return;
    }
  if (self->stroke->len / 2 >= PALP_MARK_MAX_POINTS)
    return;
  palp_chart_view_widget_to_view (self, x, y, &vx, &vy);
  g_array_append_val (self->stroke, vx);
  g_array_append_val (self->stroke, vy);
  g_array_append_val (self->pressure, p);
}

void
palp_chart_view_pointer_motion (PalpChartView *self,
                                double         x,
                                double         y,
                                double         pressure)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  self->pointer_x = x;
  self->pointer_y = y;
  switch (self->mode)
    {
    case MODE_PRESSED:
      if (hypot (x - self->press_x, y - self->press_y) < DRAG_THRESHOLD)
        return;
      switch (self->intent)
        {
        case INTENT_MOVE:
          self->mode = MODE_MOVE;
          break;
        case INTENT_AREA:
          self->mode = MODE_FREEHAND;
          append_stroke_point (self, self->press_x, self->press_y, pressure);
          break;
        case INTENT_ARROW:
          self->mode = MODE_ARROW;
          break;
        case INTENT_NONE:
        default:
          return;
        }
      palp_chart_view_pointer_motion (self, x, y, pressure);
      break;
    case MODE_MOVE:
      update_preview (self, x, y);
      break;
    case MODE_FREEHAND:
      append_stroke_point (self, x, y, pressure);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case MODE_ARROW:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case MODE_PAN:
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, self->pan_h - (x - self->press_x));
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->pan_v - (y - self->press_y));
      /* The press point moves with the content. */
      break;
    case MODE_IDLE:
    case MODE_SWALLOW:
    default:
      if (self->polygon->len > 0)
        gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    }
}

/* The stroke's enclosed area in view units (shoelace, closed). */
static double
stroke_area (PalpChartView *self)
{
  const double *xy = (const double *) self->stroke->data;
  guint n = self->stroke->len / 2;
  double sum = 0;

  for (guint i = 0; i < n; i++)
    {
      guint j = (i + 1) % n;

      sum += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
  return fabs (sum) / 2;
}

/* A click (no drag) with the current tool at (@x, @y). */
static void
click (PalpChartView *self,
       double         x,
       double         y)
{
  PalpMarkKind kind = (PalpMarkKind) self->tool;
  double vx, vy;

  if (self->tool == PALP_CHART_TOOL_SELECT || !editable (self))
    {
      /* A second click on the selected mark opens its editor. */
      if (self->press_was_selected && self->press_mark != NULL)
        palp_chart_view_edit_mark (self, self->press_mark);
      return;
    }
  palp_chart_view_widget_to_view (self, x, y, &vx, &vy);
  if (self->polygon->len > 0 || palp_mark_kind_default_shape (kind) == PALP_MARK_SHAPE_AREA)
    {
      g_array_append_val (self->polygon, vx);
      g_array_append_val (self->polygon, vy);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  add_mark (self, PALP_MARK_SHAPE_POINT, (double[]) { vx, vy }, 1);
}

void
palp_chart_view_pointer_up (PalpChartView *self,
                            double         x,
                            double         y)
{
  Mode mode;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  mode = self->mode;
  self->mode = MODE_IDLE;
  self->pointer_x = x;
  self->pointer_y = y;
  switch (mode)
    {
    case MODE_PRESSED:
      click (self, self->press_x, self->press_y);
      break;
    case MODE_MOVE:
      {
        double vx0, vy0, vx1, vy1, w, h;
        g_autoptr(PalpMark) mark = g_steal_pointer (&self->press_mark);

        view_size (self, &w, &h);
        palp_chart_view_widget_to_view (self, self->press_x, self->press_y, &vx0, &vy0);
        palp_chart_view_widget_to_view (self, x, y, &vx1, &vy1);
        /* Back in its place first: the edit moves it only if stored. */
        end_preview (self);
        move_mark (self, mark, (vx1 - vx0) / w, (vy1 - vy0) / h);
      }
      break;
    case MODE_FREEHAND:
      /* A stroke that encloses nothing (a line, a scribble back and forth)
       * would be an area no one could see: dropped. */
      if (self->stroke->len >= 2 * 3 &&
          stroke_area (self) * pixels_per_unit (self) * pixels_per_unit (self) >= MIN_AREA)
        add_mark (self, PALP_MARK_SHAPE_AREA, (const double *) self->stroke->data,
                  self->stroke->len / 2);
      g_array_set_size (self->stroke, 0);
      g_array_set_size (self->pressure, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case MODE_ARROW:
      {
        double vx, vy;

        palp_chart_view_widget_to_view (self, x, y, &vx, &vy);
        add_mark (self, PALP_MARK_SHAPE_ARROW,
                  (double[]) { self->arrow_x, self->arrow_y, vx, vy }, 2);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;
    case MODE_PAN:
    case MODE_SWALLOW:
    case MODE_IDLE:
    default:
      break;
    }
  g_clear_object (&self->press_mark);
}

void
palp_chart_view_double_click (PalpChartView *self,
                              double         x,
                              double         y)
{
  g_autoptr(PalpMark) hit = NULL;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  /* The first click of the pair has already added its vertex. */
  if (palp_chart_view_finish_polygon (self))
    {
      self->mode = MODE_SWALLOW;
      return;
    }
  if (self->tool == PALP_CHART_TOOL_SELECT && (hit = mark_at (self, x, y)) != NULL)
    {
      self->mode = MODE_SWALLOW;
      palp_chart_view_edit_mark (self, hit);
    }
}

gboolean
palp_chart_view_delete_selected (PalpChartView *self)
{
  PalpMark *mark;

  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), FALSE);

  mark = selected_mark (self);
  if (mark == NULL || self->edits == NULL)
    return FALSE;
  return palp_chart_edits_remove (self->edits, mark, NULL);
}

/* Gestures */

static double
stylus_pressure (PalpChartView *self,
                 GtkGesture    *stylus)
{
  double pressure;

  if (self->stylus_down &&
      gtk_gesture_stylus_get_axis (GTK_GESTURE_STYLUS (stylus), GDK_AXIS_PRESSURE, &pressure))
    return pressure;
  return -1;
}

static void
on_stylus_down_cb (GtkGestureStylus *gesture,
                   double            x,
                   double            y,
                   PalpChartView    *self)
{
  self->stylus_down = TRUE;
}

/* The pen's every sample since the last motion, with its pressure: a
 * freehand area follows the hand, not the frame rate. */
static void
on_stylus_motion_cb (GtkGestureStylus *gesture,
                     double            x,
                     double            y,
                     PalpChartView    *self)
{
  GdkTimeCoord *backlog = NULL;
  guint n = 0;

  if (!self->stylus_down)
    return;
  if (gtk_gesture_stylus_get_backlog (gesture, &backlog, &n))
    {
      for (guint i = 0; i < n; i++)
        if ((backlog[i].flags & GDK_AXIS_FLAG_X) && (backlog[i].flags & GDK_AXIS_FLAG_Y))
          palp_chart_view_pointer_motion (self, backlog[i].axes[GDK_AXIS_X],
                                          backlog[i].axes[GDK_AXIS_Y],
                                          (backlog[i].flags & GDK_AXIS_FLAG_PRESSURE)
                                            ? backlog[i].axes[GDK_AXIS_PRESSURE] : -1);
      g_free (backlog);
    }
  palp_chart_view_pointer_motion (self, x, y, stylus_pressure (self, GTK_GESTURE (gesture)));
}

static void
on_stylus_up_cb (GtkGestureStylus *gesture,
                 double            x,
                 double            y,
                 PalpChartView    *self)
{
  self->stylus_down = FALSE;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  PalpChartView  *self)
{
  palp_chart_view_pointer_down (self, x, y, -1);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   PalpChartView  *self)
{
  double x, y;

  /* A pen's samples come through its own gesture, with pressure. */
  if (self->stylus_down)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  palp_chart_view_pointer_motion (self, x + dx, y + dy, -1);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                PalpChartView  *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  palp_chart_view_pointer_up (self, x + dx, y + dy);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     PalpChartView   *self)
{
  if (n_press == 2)
    palp_chart_view_double_click (self, x, y);
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         PalpChartView   *self)
{
  g_autoptr(PalpMark) hit = mark_at (self, x, y);

  if (hit != NULL)
    palp_chart_view_edit_mark (self, hit);
}

static void
on_pan_begin_cb (GtkGestureDrag *gesture,
                 double          x,
                 double          y,
                 PalpChartView  *self)
{
  self->pan_h = adj_value (self->hadjustment);
  self->pan_v = adj_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update_cb (GtkGestureDrag *gesture,
                  double          dx,
                  double          dy,
                  PalpChartView  *self)
{
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->pan_h - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->pan_v - dy);
}

static void
on_pan_end_cb (GtkGestureDrag *gesture,
               double          dx,
               double          dy,
               PalpChartView  *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_down ? "grab" : "crosshair");
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  PalpChartView    *self)
{
  self->zoom_begin = zoom (self);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          PalpChartView  *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  zoom_at (self, self->zoom_begin * scale, x, y);
}

/* Ctrl+scroll zooms; plain scrolling is left to the scrolled window. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              PalpChartView            *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  zoom_at (self, zoom (self) * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              PalpChartView            *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  update_hover (self, x, y, TRUE);
  if (self->polygon->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             PalpChartView            *self)
{
  self->pointer_inside = FALSE;
  update_hover (self, 0, 0, FALSE);
}

static void
nudge (PalpChartView *self,
       double         dx,
       double         dy)
{
  PalpMark *mark = selected_mark (self);

  if (mark != NULL && editable (self) && mark_in_view (mark, self->view))
    move_mark (self, mark, dx, dy);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   PalpChartView         *self)
{
  double step = (state & GDK_SHIFT_MASK) ? NUDGE_FRACTION / 5 : NUDGE_FRACTION;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_space:
      if (!self->space_down)
        {
          self->space_down = TRUE;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
        }
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->polygon->len > 0)
        {
          g_array_set_size (self->polygon, self->polygon->len - 2);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      return palp_chart_view_delete_selected (self);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (palp_chart_view_finish_polygon (self))
        return TRUE;
      if (selected_mark (self) != NULL)
        {
          palp_chart_view_edit_mark (self, selected_mark (self));
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Escape:
      if (self->polygon->len > 0)
        {
          cancel_polygon (self);
          return TRUE;
        }
      if (selected_mark (self) != NULL)
        {
          select_mark (self, NULL);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      palp_chart_view_zoom_in (self);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      palp_chart_view_zoom_out (self);
      return TRUE;
    case GDK_KEY_Left:
      nudge (self, -step, 0);
      return selected_mark (self) != NULL;
    case GDK_KEY_Right:
      nudge (self, step, 0);
      return selected_mark (self) != NULL;
    case GDK_KEY_Up:
      nudge (self, 0, -step);
      return selected_mark (self) != NULL;
    case GDK_KEY_Down:
      nudge (self, 0, step);
      return selected_mark (self) != NULL;
    default:
      return FALSE;
    }
}

static void
on_key_released_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    PalpChartView         *self)
{
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
    }
}

/* The mark editor */

static PalpMarkKind
editor_kind (PalpChartView *self)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  return i < self->editor_kinds->len ? g_array_index (self->editor_kinds, PalpMarkKind, i)
                                     : PALP_MARK_KIND_COUNT;
}

static void
update_editor_intensity (PalpChartView *self)
{
  PalpMarkKind kind = editor_kind (self);
  gboolean applies = kind < PALP_MARK_KIND_COUNT && palp_mark_kind_has_intensity (kind) &&
                     self->editing != NULL && !mark_shape_is (self->editing, PALP_MARK_SHAPE_ARROW);

  gtk_widget_set_visible (self->intensity_box, applies);
}

static void
on_editor_kind_selected_cb (PalpChartView *self)
{
  update_editor_intensity (self);
}

static void
on_editor_delete_clicked_cb (PalpChartView *self)
{
  g_autoptr(PalpMark) mark = self->editing ? g_object_ref (self->editing) : NULL;

  self->editor_deleted = TRUE;
  gtk_popover_popdown (self->editor);
  if (mark != NULL && self->edits != NULL)
    palp_chart_edits_remove (self->edits, mark, NULL);
}

static void
on_editor_done_clicked_cb (PalpChartView *self)
{
  gtk_popover_popdown (self->editor);
}

/* The editor's fields as one edit, if anything changed. */
static void
on_editor_closed_cb (PalpChartView *self)
{
  g_autoptr(PalpMark) mark = g_steal_pointer (&self->editing);
  g_autoptr(PalpMark) changed = NULL;
  PalpMarkKind kind = editor_kind (self);
  guint depth = gtk_drop_down_get_selected (self->depth_dropdown);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  gboolean has_intensity;
  gint64 intensity;

  if (mark == NULL || self->editor_deleted || !editable (self) || kind >= PALP_MARK_KIND_COUNT)
    return;
  changed = palp_chart_mark_copy (mark);
  has_intensity = gtk_widget_get_visible (self->intensity_box);
  intensity = has_intensity ? gtk_spin_button_get_value_as_int (self->intensity_spin) : 0;
  g_object_set (changed,
                "kind", palp_mark_kind_to_key (kind),
                "has-intensity", (gint64) has_intensity,
                "intensity", intensity,
                "depth", depth < G_N_ELEMENTS (depth_keys) ? depth_keys[depth] : NULL,
                "note", note[0] != '\0' ? note : NULL,
                NULL);
  if (g_strcmp0 (mark_kind_key (mark), mark_kind_key (changed)) == 0 &&
      palp_mark_get_int (mark, "has-intensity") == has_intensity &&
      palp_mark_get_int (mark, "intensity") == intensity &&
      g_strcmp0 (palp_mark_get_string (mark, "depth"),
                 palp_mark_get_string (changed, "depth")) == 0 &&
      g_strcmp0 (palp_mark_get_string (mark, "note"), palp_mark_get_string (changed, "note")) == 0)
    return;
  palp_chart_edits_change (self->edits, mark, changed, NULL);
}

static void
point_editor (PalpChartView *self)
{
  double nx, ny, w, h, x, y;
  GdkRectangle rect;

  if (self->editing == NULL || !palp_chart_mark_get_anchor (self->editing, &nx, &ny))
    return;
  view_size (self, &w, &h);
  palp_chart_view_view_to_widget (self, nx * w, ny * h, &x, &y);
  rect.x = (int) CLAMP (x, 0, gtk_widget_get_width (GTK_WIDGET (self)));
  rect.y = (int) CLAMP (y, 0, gtk_widget_get_height (GTK_WIDGET (self)));
  rect.width = rect.height = 1;
  gtk_popover_set_pointing_to (self->editor, &rect);
}

void
palp_chart_view_edit_mark (PalpChartView *self,
                           PalpMark      *mark)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  PalpMarkShape shape;
  const char *depth;
  guint selected = 0;
  PalpView view;
  gboolean can_edit;

  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  g_return_if_fail (PALP_IS_MARK (mark));

  if (self->editing != NULL)
    gtk_popover_popdown (self->editor);
  if (palp_view_from_key (palp_mark_get_string (mark, "view"), &view) && view != self->view)
    palp_chart_view_set_view (self, view);
  select_mark (self, mark);
  if (!palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape))
    return;

  g_set_object (&self->editing, mark);
  self->editor_deleted = FALSE;
  g_array_set_size (self->editor_kinds, 0);
  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    if (palp_mark_kind_allows_shape (kind, shape))
      {
        if (g_strcmp0 (palp_mark_kind_to_key (kind), mark_kind_key (mark)) == 0)
          selected = self->editor_kinds->len;
        g_array_append_val (self->editor_kinds, kind);
        gtk_string_list_append (kinds, palp_mark_kind_get_label (kind));
      }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, selected);
  gtk_spin_button_set_value (self->intensity_spin,
                             palp_mark_get_int (mark, "has-intensity")
                               ? palp_mark_get_int (mark, "intensity") : self->intensity);
  depth = palp_mark_get_string (mark, "depth");
  gtk_drop_down_set_selected (self->depth_dropdown,
                              g_strcmp0 (depth, "superficial") == 0 ? 1
                              : g_strcmp0 (depth, "deep") == 0 ? 2 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         palp_mark_get_string (mark, "note") ? palp_mark_get_string (mark, "note")
                                                             : "");
  update_editor_intensity (self);

  can_edit = editable (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), can_edit);
  gtk_widget_set_sensitive (self->intensity_box, can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->depth_dropdown), can_edit);
  gtk_editable_set_editable (GTK_EDITABLE (self->note_entry), can_edit);
  gtk_widget_set_visible (self->delete_button, can_edit);

  point_editor (self);
  gtk_popover_popup (self->editor);
}

GtkPopover *
palp_chart_view_get_editor (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), NULL);
  return self->editor;
}

GtkWidget *
palp_chart_view_get_editor_field (PalpChartView *self,
                                  const char    *name)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), NULL);

  if (g_str_equal (name, "kind"))
    return GTK_WIDGET (self->kind_dropdown);
  if (g_str_equal (name, "intensity"))
    return GTK_WIDGET (self->intensity_spin);
  if (g_str_equal (name, "depth"))
    return GTK_WIDGET (self->depth_dropdown);
  if (g_str_equal (name, "note"))
    return GTK_WIDGET (self->note_entry);
  g_return_val_if_reached (NULL);
}

static GtkWidget *
editor_row (GtkWidget  *grid,
            int         row,
            const char *mnemonic,
            GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return label;
}

static void
build_editor (PalpChartView *self)
{
  static const char *depths[] = { N_("Not recorded"), N_("Superficial"), N_("Deep"), NULL };
  g_autoptr(GtkStringList) depth_list = gtk_string_list_new (NULL);
  GtkAdjustment *adjustment = gtk_adjustment_new (5, 0, 10, 1, 1, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *scale, *buttons, *done, *heading;

  for (guint i = 0; depths[i] != NULL; i++)
    gtk_string_list_append (depth_list, _(depths[i]));

  self->editor = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (on_editor_closed_cb), self);

  heading = gtk_label_new (_("Mark"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_editor_kind_selected_cb), self);
  editor_row (grid, 0, _("_Kind"), GTK_WIDGET (self->kind_dropdown));

  self->intensity_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, adjustment);
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_size_request (scale, 140, -1);
  for (int i = 0; i <= 10; i += 5)
    gtk_scale_add_mark (GTK_SCALE (scale), i, GTK_POS_BOTTOM, NULL);
  self->intensity_spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1, 0));
  gtk_spin_button_set_numeric (self->intensity_spin, TRUE);
  gtk_box_append (GTK_BOX (self->intensity_box), scale);
  gtk_box_append (GTK_BOX (self->intensity_box), GTK_WIDGET (self->intensity_spin));
  {
    GtkWidget *label = editor_row (grid, 1, _("_Intensity"), self->intensity_box);

    gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->intensity_spin));
    g_object_bind_property (self->intensity_box, "visible", label, "visible", G_BINDING_SYNC_CREATE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Intensity, 0 to 10"), -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->intensity_spin),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Intensity, 0 to 10"), -1);
  }

  self->depth_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (depth_list)),
                                                           NULL));
  editor_row (grid, 2, _("_Depth"), GTK_WIDGET (self->depth_dropdown));

  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_max_length (self->note_entry, 2000);
  gtk_entry_set_placeholder_text (self->note_entry, _("What you found or were told"));
  g_signal_connect_swapped (self->note_entry, "activate", G_CALLBACK (on_editor_done_clicked_cb),
                            self);
  editor_row (grid, 3, _("_Note"), GTK_WIDGET (self->note_entry));
  gtk_box_append (GTK_BOX (box), grid);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->delete_button = gtk_button_new_with_mnemonic (_("_Delete Mark"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_widget_set_hexpand (self->delete_button, TRUE);
  gtk_widget_set_halign (self->delete_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->delete_button, "clicked",
                            G_CALLBACK (on_editor_delete_clicked_cb), self);
  done = gtk_button_new_with_mnemonic (_("D_one"));
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_widget_set_halign (done, GTK_ALIGN_END);
  gtk_widget_set_hexpand (done, TRUE);
  g_signal_connect_swapped (done, "clicked", G_CALLBACK (on_editor_done_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->delete_button);
  gtk_box_append (GTK_BOX (buttons), done);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (self->editor, box);
  gtk_popover_set_default_widget (self->editor, done);
}

/* Drawing */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static int
selected_index (PalpChartView *self)
{
  PalpMark *mark = selected_mark (self);
  guint position;

  if (mark == NULL)
    return -1;
  if (self->preview != NULL && self->press_mark == mark)
    mark = self->preview;
  return g_list_store_find (self->view_marks, mark, &position) ? (int) position : -1;
}

/* The pixels of @marks alone: the view drawn with them, less the view
 * drawn without (@base), so the earlier visit's marks can go faded
 * between the figure and this visit's. */
static cairo_surface_t *
marks_layer (PalpChartView        *self,
             cairo_surface_t      *base,
             GListModel           *marks,
             const PalpChartStyle *style,
             double                cw,
             double                ch)
{
  int pw = cairo_image_surface_get_width (base);
  int ph = cairo_image_surface_get_height (base);
  int stride = cairo_image_surface_get_stride (base);
  double scale;
  cairo_surface_t *layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  const guchar *b;
  guchar *l;
  cairo_t *cr;

  cairo_surface_get_device_scale (base, &scale, NULL);
  cairo_surface_set_device_scale (layer, scale, scale);
  cr = cairo_create (layer);
  cairo_translate (cr, -adj_value (self->hadjustment), -adj_value (self->vadjustment));
  palp_chart_paint_view (cr, self->atlas, self->view, cw, ch, marks, style);
  cairo_destroy (cr);
  cairo_surface_flush (layer);
  cairo_surface_flush (base);
  b = cairo_image_surface_get_data (base);
  l = cairo_image_surface_get_data (layer);
  for (int y = 0; y < ph; y++)
    {
      const guint32 *brow = (const guint32 *) (gconstpointer) (b + y * stride);
      guint32 *lrow = (guint32 *) (gpointer) (l + y * stride);

      for (int x = 0; x < pw; x++)
        if (lrow[x] == brow[x])
          lrow[x] = 0;
    }
  cairo_surface_mark_dirty (layer);
  return layer;
}

static void
paint_with_overlay (PalpChartView        *self,
                    cairo_t              *cr,
                    const PalpChartStyle *style,
                    double                cw,
                    double                ch)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int s = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  PalpChartStyle plain = *style;
  cairo_surface_t *base, *before, *now;
  cairo_t *bcr;

  plain.selected_mark = -1;
  base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * s, h * s);
  cairo_surface_set_device_scale (base, s, s);
  bcr = cairo_create (base);
  cairo_translate (bcr, -adj_value (self->hadjustment), -adj_value (self->vadjustment));
  palp_chart_paint_view (bcr, self->atlas, self->view, cw, ch, NULL, &plain);
  cairo_destroy (bcr);

  before = marks_layer (self, base, G_LIST_MODEL (self->view_overlay), &plain, cw, ch);
  now = marks_layer (self, base, G_LIST_MODEL (self->view_marks), style, cw, ch);

  cairo_set_source_surface (cr, base, 0, 0);
  cairo_paint (cr);
  cairo_set_source_surface (cr, before, 0, 0);
  cairo_paint_with_alpha (cr, OVERLAY_ALPHA);
  cairo_set_source_surface (cr, now, 0, 0);
  cairo_paint (cr);

  cairo_surface_destroy (now);
  cairo_surface_destroy (before);
  cairo_surface_destroy (base);
}

static void
set_kind_source (cairo_t *cr,
                 int      tool,
                 gboolean dark,
                 double   alpha)
{
  double r = 0.2, g = 0.4, b = 0.8;

  if (tool >= 0)
    palp_chart_kind_color ((PalpMarkKind) tool, dark, &r, &g, &b);
  cairo_set_source_rgba (cr, r, g, b, alpha);
}

/* What is being drawn and not yet saved, in widget pixels. */
static void
paint_drafts (PalpChartView *self,
              cairo_t       *cr,
              gboolean       dark)
{
  cairo_matrix_t m;
  double x, y;

  get_matrix (self, &m);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (self->mode == MODE_FREEHAND && self->stroke->len >= 4)
    {
      set_kind_source (cr, self->tool, dark, 0.9);
      /* Pen pressure thickens the line as it would ink. */
      for (guint i = 2; i < self->stroke->len; i += 2)
        {
          float p = g_array_index (self->pressure, float, i / 2);
          double x0 = g_array_index (self->stroke, double, i - 2);
          double y0 = g_array_index (self->stroke, double, i - 1);
          double x1 = g_array_index (self->stroke, double, i);
          double y1 = g_array_index (self->stroke, double, i + 1);

          cairo_matrix_transform_point (&m, &x0, &y0);
          cairo_matrix_transform_point (&m, &x1, &y1);
          cairo_set_line_width (cr, p >= 0 ? 1.0 + 4.0 * p : 2.5);
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
        }
    }

  if (self->mode == MODE_ARROW)
    {
      double ax = self->arrow_x, ay = self->arrow_y, angle;

      cairo_matrix_transform_point (&m, &ax, &ay);
      x = self->pointer_x, y = self->pointer_y;
      angle = atan2 (y - ay, x - ax);
      set_kind_source (cr, self->tool, dark, 0.9);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, x, y);
      cairo_move_to (cr, x - 12 * cos (angle - 0.4), y - 12 * sin (angle - 0.4));
      cairo_line_to (cr, x, y);
      cairo_line_to (cr, x - 12 * cos (angle + 0.4), y - 12 * sin (angle + 0.4));
      cairo_stroke (cr);
    }

  if (self->polygon->len > 0)
    {
      const double dash[] = { 5, 4 };

      set_kind_source (cr, self->tool, dark, 0.9);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < self->polygon->len; i += 2)
        {
          x = g_array_index (self->polygon, double, i);
          y = g_array_index (self->polygon, double, i + 1);
          cairo_matrix_transform_point (&m, &x, &y);
          cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < self->polygon->len; i += 2)
        {
          x = g_array_index (self->polygon, double, i);
          y = g_array_index (self->polygon, double, i + 1);
          cairo_matrix_transform_point (&m, &x, &y);
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
        }
      cairo_fill (cr);
      if (self->pointer_inside)
        {
          x = g_array_index (self->polygon, double, self->polygon->len - 2);
          y = g_array_index (self->polygon, double, self->polygon->len - 1);
          cairo_matrix_transform_point (&m, &x, &y);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, self->pointer_x, self->pointer_y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
}

static void
palp_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PalpChartView *self = PALP_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  double cw = w * zoom (self), ch = h * zoom (self);
  PalpChartStyle style;
  cairo_t *cr;

  if (w <= 0 || h <= 0 || self->atlas == NULL)
    return;

  palp_chart_style_init (&style);
  style.dark = is_dark ();
  style.selected_mark = selected_index (self);
  style.highlighted_region = self->hover_id;
  /* Names only once there is room for them. */
  style.show_labels = zoom (self) >= 2.0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->view_overlay)) > 0)
    paint_with_overlay (self, cr, &style, cw, ch);
  else
    {
      cairo_save (cr);
      cairo_translate (cr, -adj_value (self->hadjustment), -adj_value (self->vadjustment));
      palp_chart_paint_view (cr, self->atlas, self->view, cw, ch,
                             G_LIST_MODEL (self->view_marks), &style);
      cairo_restore (cr);
    }
  paint_drafts (self, cr, style.dark);
  cairo_destroy (cr);

}

static void
palp_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 600;
}

static void
palp_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PalpChartView *self = PALP_CHART_VIEW (widget);

  configure_adjustments (self);
  point_editor (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    gtk_popover_present (self->editor);
}

/* Models */

static void
on_marks_changed_cb (PalpChartView *self)
{
  /* A mark being moved or edited may be gone (undone elsewhere). */
  end_preview (self);
  rebuild_view_marks (self);
}

static void
on_selection_changed_cb (PalpChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_label (PalpChartView *self)
{
  g_autofree char *label = g_strdup_printf (_("Body chart, %s"), palp_view_get_label (self->view));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
palp_chart_view_set_edits (PalpChartView  *self,
                           PalpChartEdits *edits)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  if (self->edits == edits)
    return;
  if (self->edits != NULL)
    {
      g_signal_handlers_disconnect_by_data (palp_chart_edits_get_marks (self->edits), self);
      g_signal_handlers_disconnect_by_data (palp_chart_edits_get_selection (self->edits), self);
    }
  if (self->editing != NULL)
    gtk_popover_popdown (self->editor);
  g_set_object (&self->edits, edits);
  if (edits != NULL)
    {
      self->atlas = palp_chart_edits_get_atlas (edits);
      g_signal_connect_swapped (palp_chart_edits_get_marks (edits), "items-changed",
                                G_CALLBACK (on_marks_changed_cb), self);
      g_signal_connect_swapped (palp_chart_edits_get_selection (edits), "selection-changed",
                                G_CALLBACK (on_selection_changed_cb), self);
    }
  cancel_polygon (self);
  rebuild_view_marks (self);
}

PalpChartEdits *
palp_chart_view_get_edits (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), NULL);
  return self->edits;
}

void
palp_chart_view_set_overlay (PalpChartView *self,
                             GListModel    *marks)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));

  if (g_set_object (&self->overlay, marks))
    rebuild_view_marks (self);
}

void
palp_chart_view_set_view (PalpChartView *self,
                          PalpView       view)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  g_return_if_fail (view < PALP_VIEW_COUNT);

  if (self->view == view)
    return;
  if (self->editing != NULL)
    gtk_popover_popdown (self->editor);
  cancel_polygon (self);
  self->mode = MODE_IDLE;
  g_clear_object (&self->press_mark);
  g_clear_object (&self->preview);
  self->view = view;
  configure_adjustments (self);
  rebuild_view_marks (self);
  update_hover (self, self->pointer_x, self->pointer_y, self->pointer_inside);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

PalpView
palp_chart_view_get_view (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), PALP_VIEW_FACE);
  return self->view;
}

void
palp_chart_view_set_tool (PalpChartView *self,
                          int            tool)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  g_return_if_fail (tool >= PALP_CHART_TOOL_SELECT && tool < PALP_MARK_KIND_COUNT);

  if (self->tool == tool)
    return;
  /* A polygon half drawn is of the old kind. */
  cancel_polygon (self);
  self->tool = tool;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

int
palp_chart_view_get_tool (PalpChartView *self)
{
  g_return_val_if_fail (PALP_IS_CHART_VIEW (self), PALP_CHART_TOOL_SELECT);
  return self->tool;
}

void
palp_chart_view_set_intensity (PalpChartView *self,
                               int            intensity)
{
  g_return_if_fail (PALP_IS_CHART_VIEW (self));
  self->intensity = CLAMP (intensity, 0, 10);
}

/* GObject */

static void
palp_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PalpChartView *self = PALP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_int (value, self->view);
      break;
    case PROP_TOOL:
      g_value_set_int (value, self->tool);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, zoom (self));
      break;
    case PROP_HOVER_TEXT:
      g_value_set_string (value, self->hover_text);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PalpChartView *self = PALP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      palp_chart_view_set_view (self, (PalpView) g_value_get_int (value));
      break;
    case PROP_TOOL:
      palp_chart_view_set_tool (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      palp_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_chart_view_dispose (GObject *object)
{
  PalpChartView *self = PALP_CHART_VIEW (object);

  palp_chart_view_set_edits (self, NULL);
  if (self->editor != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->editor));
      self->editor = NULL;
    }
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_clear_object (&self->overlay);
  g_clear_object (&self->view_marks);
  g_clear_object (&self->view_overlay);
  g_clear_object (&self->press_mark);
  g_clear_object (&self->preview);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (palp_chart_view_parent_class)->dispose (object);
}

static void
palp_chart_view_finalize (GObject *object)
{
  PalpChartView *self = PALP_CHART_VIEW (object);

  g_array_unref (self->stroke);
  g_array_unref (self->pressure);
  g_array_unref (self->polygon);
  g_array_unref (self->editor_kinds);
  g_free (self->hover_id);
  g_free (self->hover_text);

  G_OBJECT_CLASS (palp_chart_view_parent_class)->finalize (object);
}

static void
palp_chart_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
palp_chart_view_class_init (PalpChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_chart_view_dispose;
  object_class->finalize = palp_chart_view_finalize;
  object_class->get_property = palp_chart_view_get_property;
  object_class->set_property = palp_chart_view_set_property;
  widget_class->snapshot = palp_chart_view_snapshot;
  widget_class->measure = palp_chart_view_measure;
  widget_class->size_allocate = palp_chart_view_size_allocate;

  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, 0, PALP_VIEW_COUNT - 1, PALP_VIEW_FACE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_int ("tool", NULL, NULL, PALP_CHART_TOOL_SELECT, PALP_MARK_KIND_COUNT - 1,
                      PALP_CHART_TOOL_SELECT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 1.0, PALP_CHART_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_TEXT] =
    g_param_spec_string ("hover-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
palp_chart_view_init (PalpChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *stylus, *click, *drag, *secondary, *pan, *pinch;
  GtkEventController *controller;

  self->atlas = palp_atlas_get_default (NULL);
  self->view = PALP_VIEW_FACE;
  self->tool = PALP_CHART_TOOL_SELECT;
  self->intensity = 5;
  for (guint v = 0; v < PALP_VIEW_COUNT; v++)
    {
      self->zoom[v] = 1.0;
      self->centre_x[v] = self->centre_y[v] = 0.5;
    }
  self->view_marks = g_list_store_new (PALP_TYPE_MARK);
  self->view_overlay = g_list_store_new (PALP_TYPE_MARK);
  self->stroke = g_array_new (FALSE, FALSE, sizeof (double));
  self->pressure = g_array_new (FALSE, FALSE, sizeof (float));
  self->polygon = g_array_new (FALSE, FALSE, sizeof (double));
  self->editor_kinds = g_array_new (FALSE, FALSE, sizeof (PalpMarkKind));

  /* Order matters: the stylus says a pen is down before the drag starts,
   * and a double click is seen before the press that makes it. */
  stylus = gtk_gesture_stylus_new ();
  g_signal_connect (stylus, "down", G_CALLBACK (on_stylus_down_cb), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (on_stylus_motion_cb), self);
  g_signal_connect (stylus, "up", G_CALLBACK (on_stylus_up_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (stylus));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_group (stylus, click);
  gtk_gesture_group (stylus, drag);

  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (secondary));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_pan_update_cb), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_pan_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pan));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  build_editor (self);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor_from_name (widget, "crosshair");
  update_accessible_label (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Click to place the chosen mark, drag to draw an area; "
                                    "the marks are also listed beside the chart"),
                                  -1);
}

GtkWidget *
palp_chart_view_new (void)
{
  return g_object_new (PALP_TYPE_CHART_VIEW, NULL);
}
