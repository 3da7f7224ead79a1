/* palp-chart-edits.c: a visit's body chart being edited, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-chart-edits.h"
#include "palp-mark-kind.h"

typedef enum
{
  OP_ADD,
  OP_REMOVE,
  OP_CHANGE,
  OP_COPY,
} OpType;

/* One step of the history, holding the live marks it touched: a mark
 * taken out and put back is the same object with a new id, so the steps
 * around it still find it. */
typedef struct
{
  OpType     type;
  PalpMark  *mark;
  PalpMark  *before;   /* OP_CHANGE: the fields before and after */
  PalpMark  *after;
  GPtrArray *marks;    /* OP_COPY: the marks it added */
} Op;

struct _PalpChartEdits
{
  GObject             parent_instance;

  PalpStore          *store;
  PalpAtlas          *atlas;
  gint64              visit_id;
  gboolean            read_only;
  GListStore         *marks;
  GtkSingleSelection *selection;
  GPtrArray          *undo;   /* Op, oldest first */
  GPtrArray          *redo;
};

G_DEFINE_FINAL_TYPE (PalpChartEdits, palp_chart_edits, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The fields an edit may change; the rest (id, visit, author, time) stay. */
static const char *edit_ints[] = { "intensity", "has-intensity", "atlas-version" };
static const char *edit_strings[] = { "view", "kind", "shape", "geometry", "regions", "depth",
                                      "note" };

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->mark);
  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_clear_pointer (&op->marks, g_ptr_array_unref);
  g_free (op);
}

/* Helpers on marks */

PalpMark *
palp_chart_mark_copy (PalpMark *mark)
{
  PalpMark *copy = palp_mark_new ();
  g_autofree GParamSpec **specs = NULL;
  guint n;

  g_return_val_if_fail (PALP_IS_MARK (mark), NULL);

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (mark), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (mark), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), specs[i]->name, &value);
    }
  return copy;
}

static void
copy_edit_fields (PalpMark *to,
                  PalpMark *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_ints); i++)
    g_object_set (to, edit_ints[i], palp_mark_get_int (from, edit_ints[i]), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (edit_strings); i++)
    g_object_set (to, edit_strings[i], palp_mark_get_string (from, edit_strings[i]), NULL);
}

char *
palp_chart_mark_regions (PalpAtlas     *atlas,
                         PalpView       view,
                         PalpMarkShape  shape,
                         const double  *xy,
                         guint          n_points)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  double w, h, cx = 0, cy = 0;

  g_return_val_if_fail (atlas != NULL, NULL);

  palp_atlas_get_view_size (atlas, view, &w, &h);
  for (guint i = 0; i <= n_points; i++)
    {
      const PalpRegion *region;
      double x, y;

      if (i < n_points)
        {
          x = xy[2 * i], y = xy[2 * i + 1];
          cx += x / n_points, cy += y / n_points;
        }
      else if (shape != PALP_MARK_SHAPE_POINT && n_points > 0)
        x = cx, y = cy;  /* the centre of an area or an arrow, last */
      else
        break;
      region = palp_atlas_hit (atlas, view, x * w, y * h);
      if (region != NULL && !g_ptr_array_find_with_equal_func (ids, palp_region_get_id (region),
                                                               g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) palp_region_get_id (region));
      if (shape == PALP_MARK_SHAPE_POINT)
        break;
    }
  if (ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static gboolean
mark_view (PalpMark *mark,
           PalpView *view)
{
  return palp_view_from_key (palp_mark_get_string (mark, "view"), view);
}

char *
palp_chart_mark_region_names (PalpAtlas *atlas,
                              PalpMark  *mark)
{
  const char *regions = palp_mark_get_string (mark, "regions");
  g_auto(GStrv) ids = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  PalpView view;

  if (regions != NULL)
    {
      ids = g_strsplit (regions, ",", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          const PalpRegion *region = palp_atlas_find_region (atlas, ids[i]);

          if (names->len > 0)
            g_string_append (names, _(", "));
          g_string_append (names, region != NULL ? palp_region_get_name (region) : ids[i]);
        }
    }
  if (names->len == 0 && mark_view (mark, &view))
    g_string_append (names, palp_view_get_label (view));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* "Left masseter" inside a sentence: "left masseter". */
static char *
lower_first (const char *text)
{
  const char *rest = g_utf8_next_char (text);
  g_autofree char *first = g_utf8_strdown (text, rest - text);

  return g_strconcat (first, rest, NULL);
}

/* The region under a normalised point of @view, or NULL. */
static const PalpRegion *
region_at (PalpAtlas *atlas,
           PalpView   view,
           double     x,
           double     y)
{
  double w, h;

  palp_atlas_get_view_size (atlas, view, &w, &h);
  return palp_atlas_hit (atlas, view, x * w, y * h);
}

char *
palp_chart_mark_describe (PalpAtlas *atlas,
                          PalpMark  *mark)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GArray) xy = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;
  PalpMarkKind kind;
  PalpMarkShape shape;
  PalpView view;
  const char *label;

  g_return_val_if_fail (PALP_IS_MARK (mark), NULL);

  label = palp_mark_kind_from_key (palp_mark_get_string (mark, "kind"), &kind)
            ? palp_mark_kind_get_label (kind) : _("Mark");

  /* A referral says where it starts and where it is felt. */
  if (palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) &&
      shape == PALP_MARK_SHAPE_ARROW && mark_view (mark, &view) &&
      (xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"), shape, NULL)))
    {
      const PalpRegion *from = region_at (atlas, view, g_array_index (xy, double, 0),
                                          g_array_index (xy, double, 1));
      const PalpRegion *to = region_at (atlas, view, g_array_index (xy, double, 2),
                                        g_array_index (xy, double, 3));

      if (from != NULL && to != NULL)
        {
          g_autofree char *a = lower_first (palp_region_get_name (from));
          g_autofree char *b = lower_first (palp_region_get_name (to));

          /* Translators: a trigger point's referral on the body chart. */
          return g_strdup_printf (_("%s referral, from %s to %s"), label, a, b);
        }
    }

  joined = palp_chart_mark_region_names (atlas, mark);
  names = g_strsplit (joined, _(", "), -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *lowered = names[i][0] != '\0' ? lower_first (names[i]) : g_strdup ("");

      if (where->len > 0)
        g_string_append (where, _(", "));
      g_string_append (where, lowered);
    }
  if (where->len == 0)
    g_string_append (where, _("outside the figure"));
  if (palp_mark_get_int (mark, "has-intensity"))
    /* Translators: a mark on the body chart: kind, where, intensity 0–10. */
    return g_strdup_printf (_("%s, %s, intensity %d"), label, where->str,
                            (int) palp_mark_get_int (mark, "intensity"));
  /* Translators: a mark on the body chart: kind, where. */
  return g_strdup_printf (_("%s, %s"), label, where->str);
}

gboolean
palp_chart_mark_get_anchor (PalpMark *mark,
                            double   *x,
                            double   *y)
{
  g_autoptr(GArray) xy = NULL;
  PalpMarkShape shape;
  double sx = 0, sy = 0;
  guint n;

  if (!palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) ||
      !(xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"), shape, NULL)))
    return FALSE;
  n = xy->len / 2;
  if (shape != PALP_MARK_SHAPE_AREA)
    n = 1;
  for (guint i = 0; i < n; i++)
    sx += g_array_index (xy, double, 2 * i), sy += g_array_index (xy, double, 2 * i + 1);
  *x = sx / n;
  *y = sy / n;
  return TRUE;
}

/* The regions of @mark's geometry, as the atlas sees them now. */
static void
compute_regions (PalpChartEdits *self,
                 PalpMark       *mark)
{
  g_autoptr(GArray) xy = NULL;
  g_autofree char *regions = NULL;
  PalpMarkShape shape;
  PalpView view;

  if (mark_view (mark, &view) &&
      palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) &&
      (xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"), shape, NULL)))
    regions = palp_chart_mark_regions (self->atlas, view, shape, (const double *) xy->data,
                                       xy->len / 2);
  g_object_set (mark, "regions", regions, "atlas-version", (gint64) PALP_ATLAS_VERSION, NULL);
}

/* Errors: said once for whoever shows them, and handed on. */

static gboolean
fail (PalpChartEdits  *self,
      GError         **error,
      GError          *local)
{
  g_signal_emit (self, signals[FAILED], 0, local->message);
  g_propagate_error (error, local);
  return FALSE;
}

static gboolean
refuse_read_only (PalpChartEdits  *self,
                  GError         **error)
{
  if (!self->read_only)
    return FALSE;
  fail (self, error, g_error_new_literal (PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                                          _("This chart can only be read.")));
  return TRUE;
}

static void
notify_history (PalpChartEdits *self,
                gboolean        could_undo,
                gboolean        could_redo)
{
  if (could_undo != palp_chart_edits_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != palp_chart_edits_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push (PalpChartEdits *self,
      Op             *op)
{
  gboolean could_undo = palp_chart_edits_can_undo (self);
  gboolean could_redo = palp_chart_edits_can_redo (self);

  g_ptr_array_add (self->undo, op);
  g_ptr_array_set_size (self->redo, 0);
  notify_history (self, could_undo, could_redo);
}

static guint
position_of (PalpChartEdits *self,
             PalpMark       *mark)
{
  guint position;

  return g_list_store_find (self->marks, mark, &position) ? position : G_MAXUINT;
}

/* The primitive operations, through the store first. */

static gboolean
do_insert (PalpChartEdits  *self,
           PalpMark        *mark,
           GError         **error)
{
  g_object_set (mark, "id", (gint64) 0, "visit-id", self->visit_id, NULL);
  if (!palp_store_save_mark (self->store, mark, error))
    return FALSE;
  /* Stored marks list in id order: a mark put back comes last. */
  g_list_store_append (self->marks, mark);
  palp_chart_edits_select (self, mark);
  return TRUE;
}

static gboolean
do_delete (PalpChartEdits  *self,
           PalpMark        *mark,
           GError         **error)
{
  guint position = position_of (self, mark);

  if (!palp_store_delete_mark (self->store, palp_mark_get_int (mark, "id"), error))
    return FALSE;
  if (position != G_MAXUINT)
    g_list_store_remove (self->marks, position);
  return TRUE;
}

static gboolean
do_set (PalpChartEdits  *self,
        PalpMark        *mark,
        PalpMark        *fields,
        GError         **error)
{
  g_autoptr(PalpMark) draft = palp_chart_mark_copy (mark);
  guint position;

  copy_edit_fields (draft, fields);
  if (!palp_store_save_mark (self->store, draft, error))
    return FALSE;
  copy_edit_fields (mark, draft);
  /* The same item again: views of the model redraw it, the selection keeps it. */
  position = position_of (self, mark);
  if (position != G_MAXUINT)
    g_list_store_splice (self->marks, position, 1, (gpointer *) &mark, 1);
  palp_chart_edits_select (self, mark);
  return TRUE;
}

/* Public API */

gboolean
palp_chart_edits_add (PalpChartEdits  *self,
                      PalpMark        *mark,
                      GError         **error)
{
  GError *local = NULL;
  Op *op;

  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  g_return_val_if_fail (PALP_IS_MARK (mark), FALSE);

  if (refuse_read_only (self, error))
    return FALSE;
  compute_regions (self, mark);
  if (!do_insert (self, mark, &local))
    return fail (self, error, local);
  op = g_new0 (Op, 1);
  op->type = OP_ADD;
  op->mark = g_object_ref (mark);
  push (self, op);
  return TRUE;
}

gboolean
palp_chart_edits_change (PalpChartEdits  *self,
                         PalpMark        *mark,
                         PalpMark        *changed,
                         GError         **error)
{
  g_autoptr(PalpMark) after = NULL;
  GError *local = NULL;
  Op *op;

  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  g_return_val_if_fail (PALP_IS_MARK (mark) && PALP_IS_MARK (changed), FALSE);

  if (refuse_read_only (self, error))
    return FALSE;
  after = palp_chart_mark_copy (changed);
  compute_regions (self, after);
  op = g_new0 (Op, 1);
  op->type = OP_CHANGE;
  op->mark = g_object_ref (mark);
  op->before = palp_chart_mark_copy (mark);
  op->after = g_steal_pointer (&after);
  if (!do_set (self, mark, op->after, &local))
    {
      op_free (op);
      return fail (self, error, local);
    }
  push (self, op);
  return TRUE;
}

gboolean
palp_chart_edits_remove (PalpChartEdits  *self,
                         PalpMark        *mark,
                         GError         **error)
{
  GError *local = NULL;
  Op *op;

  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  g_return_val_if_fail (PALP_IS_MARK (mark), FALSE);

  if (refuse_read_only (self, error))
    return FALSE;
  if (!do_delete (self, mark, &local))
    return fail (self, error, local);
  op = g_new0 (Op, 1);
  op->type = OP_REMOVE;
  op->mark = g_object_ref (mark);
  push (self, op);
  return TRUE;
}

gboolean
palp_chart_edits_copy_last (PalpChartEdits  *self,
                            gint64          *out_copied,
                            GError         **error)
{
  g_autoptr(GListModel) marks = NULL;
  GError *local = NULL;
  guint before, n;
  gint64 copied;
  Op *op;

  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);

  if (out_copied != NULL)
    *out_copied = 0;
  if (refuse_read_only (self, error))
    return FALSE;
  copied = palp_store_copy_last_marks (self->store, self->visit_id, &local);
  if (copied < 0)
    return fail (self, error, local);
  if (out_copied != NULL)
    *out_copied = copied;
  if (copied == 0)
    return TRUE;

  marks = palp_store_list_marks (self->store, self->visit_id, &local);
  if (marks == NULL)
    return fail (self, error, local);
  op = g_new0 (Op, 1);
  op->type = OP_COPY;
  op->marks = g_ptr_array_new_with_free_func (g_object_unref);
  before = g_list_model_get_n_items (G_LIST_MODEL (self->marks));
  n = g_list_model_get_n_items (marks);
  /* The copies are the newest rows. */
  for (guint i = before; i < n; i++)
    {
      PalpMark *mark = g_list_model_get_item (marks, i);

      g_list_store_append (self->marks, mark);
      g_ptr_array_add (op->marks, mark);
    }
  push (self, op);
  return TRUE;
}

gboolean
palp_chart_edits_can_undo (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  return !self->read_only && self->undo->len > 0;
}

gboolean
palp_chart_edits_can_redo (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  return !self->read_only && self->redo->len > 0;
}

/* Applies @op forwards (@redo) or backwards. On failure nothing changed,
 * except for a copy undone halfway, whose undone marks are dropped. */
static gboolean
apply (PalpChartEdits  *self,
       Op              *op,
       gboolean         forwards,
       GError         **error)
{
  switch (op->type)
    {
    case OP_ADD:
    case OP_REMOVE:
      if (forwards == (op->type == OP_ADD))
        return do_insert (self, op->mark, error);
      return do_delete (self, op->mark, error);
    case OP_CHANGE:
      return do_set (self, op->mark, forwards ? op->after : op->before, error);
    case OP_COPY:
      if (forwards)
        {
          for (guint i = 0; i < op->marks->len; i++)
            if (!do_insert (self, g_ptr_array_index (op->marks, i), error))
              return FALSE;
          palp_chart_edits_select (self, NULL);
          return TRUE;
        }
      for (guint i = op->marks->len; i > 0; i--)
        if (!do_delete (self, g_ptr_array_index (op->marks, i - 1), error))
          return FALSE;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
step (PalpChartEdits  *self,
      GPtrArray       *from,
      GPtrArray       *to,
      gboolean         forwards,
      GError         **error)
{
  gboolean could_undo = palp_chart_edits_can_undo (self);
  gboolean could_redo = palp_chart_edits_can_redo (self);
  GError *local = NULL;
  Op *op;

  if (refuse_read_only (self, error))
    return FALSE;
  if (from->len == 0)
    return TRUE;
  op = g_ptr_array_steal_index (from, from->len - 1);
  if (!apply (self, op, forwards, &local))
    {
      /* The store refused, so the chart is as it was: the step stays. */
      g_ptr_array_add (from, op);
      return fail (self, error, local);
    }
  g_ptr_array_add (to, op);
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

gboolean
palp_chart_edits_undo (PalpChartEdits  *self,
                       GError         **error)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  return step (self, self->undo, self->redo, FALSE, error);
}

gboolean
palp_chart_edits_redo (PalpChartEdits  *self,
                       GError         **error)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);
  return step (self, self->redo, self->undo, TRUE, error);
}

gboolean
palp_chart_edits_reload (PalpChartEdits  *self,
                         GError         **error)
{
  g_autoptr(GListModel) marks = NULL;
  gboolean could_undo, could_redo;
  guint n;

  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), FALSE);

  marks = palp_store_list_marks (self->store, self->visit_id, error);
  if (marks == NULL)
    return FALSE;
  could_undo = palp_chart_edits_can_undo (self);
  could_redo = palp_chart_edits_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  n = g_list_model_get_n_items (marks);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (marks, i));
    g_list_store_splice (self->marks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->marks)),
                         items->pdata, items->len);
  }
  notify_history (self, could_undo, could_redo);
  return TRUE;
}

gint64
palp_chart_edits_get_visit_id (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), 0);
  return self->visit_id;
}

PalpAtlas *
palp_chart_edits_get_atlas (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), NULL);
  return self->atlas;
}

void
palp_chart_edits_lock (PalpChartEdits *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (PALP_IS_CHART_EDITS (self));

  could_undo = palp_chart_edits_can_undo (self);
  could_redo = palp_chart_edits_can_redo (self);
  self->read_only = TRUE;
  notify_history (self, could_undo, could_redo);
}

gboolean
palp_chart_edits_get_read_only (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), TRUE);
  return self->read_only;
}

GListModel *
palp_chart_edits_get_marks (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), NULL);
  return G_LIST_MODEL (self->marks);
}

GtkSingleSelection *
palp_chart_edits_get_selection (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), NULL);
  return self->selection;
}

PalpMark *
palp_chart_edits_get_selected (PalpChartEdits *self)
{
  g_return_val_if_fail (PALP_IS_CHART_EDITS (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
palp_chart_edits_select (PalpChartEdits *self,
                         PalpMark       *mark)
{
  guint position = mark != NULL ? position_of (self, mark) : G_MAXUINT;

  g_return_if_fail (PALP_IS_CHART_EDITS (self));
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
}

static void
palp_chart_edits_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PalpChartEdits *self = PALP_CHART_EDITS (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, palp_chart_edits_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, palp_chart_edits_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_chart_edits_dispose (GObject *object)
{
  PalpChartEdits *self = PALP_CHART_EDITS (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->marks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (palp_chart_edits_parent_class)->dispose (object);
}

static void
palp_chart_edits_class_init (PalpChartEditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = palp_chart_edits_dispose;
  object_class->get_property = palp_chart_edits_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An edit the store refused, with its translated reason. */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
palp_chart_edits_init (PalpChartEdits *self)
{
  self->marks = g_list_store_new (PALP_TYPE_MARK);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->marks)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->undo = g_ptr_array_new_with_free_func (op_free);
  self->redo = g_ptr_array_new_with_free_func (op_free);
}

PalpChartEdits *
palp_chart_edits_new (PalpStore  *store,
                      PalpAtlas  *atlas,
                      gint64      visit_id,
                      gboolean    read_only,
                      GError    **error)
{
  g_autoptr(PalpChartEdits) self = NULL;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);
  g_return_val_if_fail (atlas != NULL, NULL);

  self = g_object_new (PALP_TYPE_CHART_EDITS, NULL);
  self->store = g_object_ref (store);
  self->atlas = atlas;
  self->visit_id = visit_id;
  self->read_only = read_only;
  if (!palp_chart_edits_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
