/* test-chart.c: the body chart window, driven as a therapist would, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include <sqlite3.h>

#include "palp-chart-window.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-store-private.h"
#include "palp-test-shot.h"
#include "palp-visit-list.h"
#include "palp-window.h"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  /* Maya Okafor sees Grace Whitfield for her jaw. */
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, data ? data : "maya");
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  g_rmdir (f->dir);
  g_free (f->dir);
}

typedef enum
{
  TODAY,    /* booked today, nothing charted yet */
  DRAFT,    /* attended, charted, not yet signed */
  SIGNED,
} Which;

/* Grace's visit of the kind asked for, its chart opened from the Visits
 * page as the button there does. */
static PalpChartWindow *
open_chart (Fixture *f,
            Which    which)
{
  PalpVisitList *list;
  GListModel *visits;
  PalpChartWindow *chart = NULL;

  palp_window_select_client (f->window, 1);
  palp_client_page_show_tab (PALP_CLIENT_PAGE (palp_test_find_widget (GTK_WIDGET (f->window),
                                                            PALP_TYPE_CLIENT_PAGE)), "visits");
  list = PALP_VISIT_LIST (palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_VISIT_LIST));
  g_assert_nonnull (list);
  visits = palp_visit_list_get_visits (list);
  for (guint i = 0; i < g_list_model_get_n_items (visits) && chart == NULL; i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      const char *status = palp_visit_get_string (visit, "status");
      gboolean is_signed = palp_visit_get_string (visit, "signed-at") != NULL;

      if ((which == TODAY && g_strcmp0 (status, "booked") == 0) ||
          (which == DRAFT && g_strcmp0 (status, "attended") == 0 && !is_signed) ||
          (which == SIGNED && is_signed))
        {
          g_autoptr(GVariant) id = g_variant_ref_sink (g_variant_new_int64 (
                                                          palp_visit_get_int (visit, "id")));
          g_autoptr(GList) toplevels = NULL;

          /* Through the row's button action. */
          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (list), "visits.chart",
                                                             id));
          toplevels = gtk_window_list_toplevels ();
          for (GList *l = toplevels; l; l = l->next)
            if (PALP_IS_CHART_WINDOW (l->data))
              chart = l->data;
        }
    }
  g_assert_nonnull (chart);
  gtk_window_set_default_size (GTK_WINDOW (chart), 1200, 800);
  for (int i = 0; i < 400 && gtk_widget_get_width (GTK_WIDGET (
                                palp_chart_window_get_chart_view (chart))) < 100; i++)
    palp_test_settle ();
  palp_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (palp_chart_window_get_chart_view (chart))),
                   >=, 100);
  return chart;
}

static GListModel *
stored_marks (Fixture         *f,
              PalpChartWindow *chart)
{
  gint64 visit = palp_chart_edits_get_visit_id (palp_chart_window_get_edits (chart));
  GListModel *marks = palp_store_list_marks (f->store, visit, NULL);

  g_assert_nonnull (marks);
  return marks;
}

static guint
n_stored (Fixture         *f,
          PalpChartWindow *chart)
{
  g_autoptr(GListModel) marks = stored_marks (f, chart);

  return g_list_model_get_n_items (marks);
}

static guint
n_listed (PalpChartWindow *chart)
{
  return g_list_model_get_n_items (
    G_LIST_MODEL (gtk_list_view_get_model (palp_chart_window_get_marks_list (chart))));
}

/* Where a region's name is written, in the widget's pixels. */
static void
region_point (PalpChartView *view,
              const char    *id,
              double        *x,
              double        *y)
{
  const PalpRegion *region = palp_atlas_find_region (palp_atlas_get_default (NULL), id);
  double vx, vy;

  g_assert_nonnull (region);
  palp_region_get_label_point (region, &vx, &vy);
  palp_chart_view_view_to_widget (view, vx, vy, x, y);
}

static void
click_at (PalpChartView *view,
          double         x,
          double         y)
{
  palp_chart_view_pointer_down (view, x, y, -1);
  palp_chart_view_pointer_up (view, x, y);
}

static void
drag (PalpChartView *view,
      double         x0,
      double         y0,
      double         x1,
      double         y1,
      double         pressure)
{
  palp_chart_view_pointer_down (view, x0, y0, pressure);
  for (int i = 1; i <= 12; i++)
    palp_chart_view_pointer_motion (view, x0 + (x1 - x0) * i / 12, y0 + (y1 - y0) * i / 12,
                                    pressure);
  palp_chart_view_pointer_up (view, x1, y1);
}

static void
set_tool (PalpChartWindow *chart,
          const char      *key)
{
  PalpMarkKind kind;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.tool-key", "s", key));
  g_assert_cmpint (palp_chart_view_get_tool (palp_chart_window_get_chart_view (chart)), ==,
                   palp_mark_kind_from_key (key, &kind) ? (int) kind : PALP_CHART_TOOL_SELECT);
}

/* The row showing @mark in the list, found among the list's widgets. */
static GtkWidget *
row_of (GtkWidget *root,
        PalpMark  *mark)
{
  if (g_object_get_data (G_OBJECT (root), "palp-mark") == (gpointer) mark)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = row_of (c, mark);
      if (found)
        return found;
    }
  return NULL;
}

static void
assert_row_label (PalpChartWindow *chart,
                  PalpMark        *mark,
                  const char      *label)
{
  GtkWidget *row;

  palp_test_settle ();
  row = row_of (GTK_WIDGET (palp_chart_window_get_marks_list (chart)), mark);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static double
mark_x (PalpMark *mark)
{
  double x, y;

  g_assert_true (palp_chart_mark_get_anchor (mark, &x, &y));
  return x;
}

/* Place, rate, move, delete, undo, redo: each through the widget's own
 * code and each in the store at once. */
static void
test_place_move_delete (Fixture       *f,
                        gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, TODAY);
  PalpChartView *view = palp_chart_window_get_chart_view (chart);
  PalpChartEdits *edits = palp_chart_window_get_edits (chart);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(PalpMark) saved = NULL;
  PalpMark *mark;
  double x, y, before_x, moved_x;

  g_assert_null (palp_chart_window_get_read_only_reason (chart));
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_cmpuint (n_listed (chart), ==, 0);
  g_assert_cmpint (palp_chart_view_get_view (view), ==, PALP_VIEW_FACE);
  palp_test_shoot (GTK_WINDOW (chart), "chart-empty");

  /* A trigger point on the left masseter. */
  set_tool (chart, "trigger-point");
  g_assert_cmpint (palp_chart_view_get_tool (view), ==, PALP_MARK_TRIGGER_POINT);
  region_point (view, "face.masseter.left", &x, &y);
  click_at (view, x, y);
  g_assert_null (palp_chart_window_get_problem (chart));
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpstr (palp_mark_get_string (saved, "kind"), ==, "trigger-point");
  g_assert_cmpstr (palp_mark_get_string (saved, "shape"), ==, "point");
  g_assert_cmpstr (palp_mark_get_string (saved, "view"), ==, "face");
  g_assert_cmpstr (palp_mark_get_string (saved, "regions"), ==, "face.masseter.left");
  g_assert_cmpint (palp_mark_get_int (saved, "atlas-version"), ==, PALP_ATLAS_VERSION);
  g_assert_cmpint (palp_mark_get_int (saved, "intensity"), ==, 5);
  g_clear_object (&saved);
  g_clear_object (&stored);

  /* The new mark is selected, on the canvas and in the list. */
  mark = palp_chart_edits_get_selected (edits);
  g_assert_nonnull (mark);
  g_assert_cmpuint (gtk_single_selection_get_selected (palp_chart_edits_get_selection (edits)),
                    ==, 0);

  /* Its intensity, through the mark editor. */
  palp_chart_view_edit_mark (view, mark);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (palp_chart_view_get_editor (view))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (palp_chart_view_get_editor_field (view, "intensity")),
                             7);
  gtk_editable_set_text (GTK_EDITABLE (palp_chart_view_get_editor_field (view, "note")),
                         "Refers above the eye");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (palp_chart_view_get_editor_field (view, "depth")), 2);
  palp_test_shoot (GTK_WINDOW (chart), "chart-editor");
  gtk_popover_popdown (palp_chart_view_get_editor (view));
  palp_test_settle ();
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpint (palp_mark_get_int (saved, "intensity"), ==, 7);
  g_assert_cmpint (palp_mark_get_int (saved, "has-intensity"), ==, 1);
  g_assert_cmpstr (palp_mark_get_string (saved, "note"), ==, "Refers above the eye");
  g_assert_cmpstr (palp_mark_get_string (saved, "depth"), ==, "deep");
  g_clear_object (&saved);
  g_clear_object (&stored);
  assert_row_label (chart, mark, "Trigger point, left masseter, intensity 7");
  g_assert_nonnull (strstr (palp_chart_window_get_summary (chart), "Left masseter"));
  g_assert_nonnull (strstr (palp_chart_window_get_summary (chart), "7/10"));

  /* Drag it a little to the right with the select tool. */
  set_tool (chart, "select");
  before_x = mark_x (mark);
  {
    double nx, ny, w, h;

    g_assert_true (palp_chart_mark_get_anchor (mark, &nx, &ny));
    palp_atlas_get_view_size (palp_atlas_get_default (NULL), PALP_VIEW_FACE, &w, &h);
    palp_chart_view_view_to_widget (view, nx * w, ny * h, &x, &y);
  }
  drag (view, x, y, x + 12, y, -1);
  moved_x = mark_x (mark);
  g_assert_cmpfloat (moved_x, >, before_x);
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpfloat_with_epsilon (mark_x (saved), moved_x, 1e-3);
  g_clear_object (&saved);
  g_clear_object (&stored);
  g_assert_true (palp_chart_edits_get_selected (edits) == mark);

  /* Delete it with the Delete key's code. */
  g_assert_true (palp_chart_view_delete_selected (view));
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_cmpuint (n_listed (chart), ==, 0);
  g_assert_null (palp_chart_edits_get_selected (edits));

  /* Undo brings it back where it was moved to, with its intensity. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpint (palp_mark_get_int (saved, "intensity"), ==, 7);
  g_assert_cmpfloat_with_epsilon (mark_x (saved), moved_x, 1e-3);
  g_clear_object (&saved);
  g_clear_object (&stored);
  assert_row_label (chart, mark, "Trigger point, left masseter, intensity 7");

  /* Redo removes it again; undo twice more puts it back unmoved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.redo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_cmpuint (n_listed (chart), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpfloat_with_epsilon (mark_x (saved), before_x, 1e-3);
  g_clear_object (&saved);
  g_clear_object (&stored);

  /* Undoing the edit and the placing leaves an empty chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_false (palp_chart_edits_can_undo (edits));
  g_assert_true (palp_chart_edits_can_redo (edits));
}

/* A freehand area (from a pen, with pressure), a polygon closed by a
 * double click, and a referral arrow dragged from a trigger point. */
static void
test_areas_and_arrows (Fixture       *f,
                       gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, TODAY);
  PalpChartView *view = palp_chart_window_get_chart_view (chart);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(PalpMark) area = NULL, polygon = NULL, point = NULL, arrow = NULL;
  double x, y, tx, ty;

  set_tool (chart, "aching");
  region_point (view, "face.frontalis.left", &x, &y);
  drag (view, x - 20, y - 6, x + 20, y + 6, 0.6);
  g_assert_cmpuint (n_stored (f, chart), ==, 0);  /* a line is no area */
  palp_chart_view_pointer_down (view, x - 20, y, 0.4);
  for (int i = 0; i <= 36; i++)
    palp_chart_view_pointer_motion (view, x + 20 * cos (G_PI + i * G_PI / 18),
                                    y + 12 * sin (G_PI + i * G_PI / 18), 0.4 + i / 72.0);
  palp_chart_view_pointer_up (view, x - 20, y);
  g_assert_cmpuint (n_stored (f, chart), ==, 1);

  set_tool (chart, "avoid");
  region_point (view, "face.zygomatic.right", &x, &y);
  click_at (view, x - 10, y - 10);
  click_at (view, x + 10, y - 10);
  click_at (view, x + 10, y + 10);
  click_at (view, x - 10, y + 10);
  palp_chart_view_double_click (view, x - 10, y + 10);
  palp_chart_view_pointer_up (view, x - 10, y + 10);  /* the double click's release */
  g_assert_cmpuint (n_stored (f, chart), ==, 2);

  set_tool (chart, "trigger-point");
  region_point (view, "face.masseter.left", &tx, &ty);
  click_at (view, tx, ty);
  region_point (view, "face.temporalis.left", &x, &y);
  drag (view, tx + 2, ty + 1, x, y, -1);
  g_assert_cmpuint (n_stored (f, chart), ==, 4);
  palp_test_shoot (GTK_WINDOW (chart), "chart-drawn");

  stored = stored_marks (f, chart);
  area = g_list_model_get_item (stored, 0);
  polygon = g_list_model_get_item (stored, 1);
  point = g_list_model_get_item (stored, 2);
  arrow = g_list_model_get_item (stored, 3);
  g_assert_cmpstr (palp_mark_get_string (area, "shape"), ==, "area");
  g_assert_cmpstr (palp_mark_get_string (area, "kind"), ==, "aching");
  g_assert_nonnull (strstr (palp_mark_get_string (area, "regions"), "face.frontalis.left"));
  g_assert_cmpstr (palp_mark_get_string (polygon, "shape"), ==, "area");
  g_assert_cmpstr (palp_mark_get_string (polygon, "kind"), ==, "avoid");
  {
    g_autoptr(GArray) xy = palp_mark_geometry_parse (palp_mark_get_string (polygon, "geometry"),
                                                     PALP_MARK_SHAPE_AREA, NULL);
    g_assert_cmpuint (xy->len, ==, 2 * 4);
  }
  g_assert_cmpint (palp_mark_get_int (polygon, "has-intensity"), ==, 0);
  g_assert_cmpstr (palp_mark_get_string (arrow, "shape"), ==, "arrow");
  g_assert_cmpstr (palp_mark_get_string (arrow, "kind"), ==, "trigger-point");
  /* The arrow starts exactly on the trigger point it was dragged from, and
   * lies in the regions of both ends. */
  {
    g_autoptr(GArray) from = palp_mark_geometry_parse (palp_mark_get_string (point, "geometry"),
                                                       PALP_MARK_SHAPE_POINT, NULL);
    g_autoptr(GArray) xy = palp_mark_geometry_parse (palp_mark_get_string (arrow, "geometry"),
                                                     PALP_MARK_SHAPE_ARROW, NULL);
    g_assert_cmpfloat_with_epsilon (g_array_index (xy, double, 0),
                                    g_array_index (from, double, 0), 1e-4);
    g_assert_cmpfloat_with_epsilon (g_array_index (xy, double, 1),
                                    g_array_index (from, double, 1), 1e-4);
  }
  g_assert_nonnull (strstr (palp_mark_get_string (arrow, "regions"), "face.masseter.left"));
  g_assert_nonnull (strstr (palp_mark_get_string (arrow, "regions"), "face.temporalis.left"));
  g_assert_cmpuint (n_listed (chart), ==, 4);
  {
    g_autoptr(PalpMark) listed =
      g_list_model_get_item (palp_chart_edits_get_marks (palp_chart_window_get_edits (chart)), 3);

    assert_row_label (chart, listed, "Trigger point referral, from left masseter to left temporalis");
  }
}

/* The keyboard's way: Add Mark, kind, view and region from lists. */
static void
test_add_by_region (Fixture       *f,
                    gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, TODAY);
  PalpChartEdits *edits = palp_chart_window_get_edits (chart);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(PalpMark) saved = NULL;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.add-mark", NULL));
  dialog = palp_chart_window_get_add_dialog (chart);
  g_assert_nonnull (dialog);
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "kind"),
                                                  "tenderness"));
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "view"),
                                                  "face"));
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "region"),
                                                  "face.tmj.left"));
  g_assert_false (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "region"),
                                                   "back.lumbar.left"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (palp_chart_window_get_add_row (chart, "intensity")),
                             6);
  palp_test_shoot (dialog, "chart-add-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add.confirm", NULL));
  palp_test_settle ();
  g_assert_null (palp_chart_window_get_add_dialog (chart));

  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 0);
  g_assert_cmpstr (palp_mark_get_string (saved, "kind"), ==, "tenderness");
  g_assert_cmpstr (palp_mark_get_string (saved, "regions"), ==, "face.tmj.left");
  g_assert_cmpint (palp_mark_get_int (saved, "intensity"), ==, 6);
  assert_row_label (chart, palp_chart_edits_get_selected (edits),
                    "Tenderness, left temporomandibular joint, intensity 6");

  /* A zone by region is a small area round the region's label point. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.add-mark", NULL));
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "kind"),
                                                  "avoid"));
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "view"),
                                                  "body-posterior"));
  g_assert_true (palp_chart_combo_row_select_key (palp_chart_window_get_add_row (chart, "region"),
                                                  "back.lumbar.left"));
  g_assert_false (gtk_widget_is_sensitive (palp_chart_window_get_add_row (chart, "intensity")));
  g_assert_true (gtk_widget_activate_action (
    GTK_WIDGET (palp_chart_window_get_add_dialog (chart)), "add.confirm", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 2);
  /* The chart follows the new mark to its view. */
  g_assert_cmpint (palp_chart_view_get_view (palp_chart_window_get_chart_view (chart)), ==,
                   PALP_VIEW_BODY_POSTERIOR);
  palp_test_shoot (GTK_WINDOW (chart), "chart-body-back");
  g_clear_object (&saved);
  g_clear_object (&stored);
  stored = stored_marks (f, chart);
  saved = g_list_model_get_item (stored, 1);
  g_assert_cmpstr (palp_mark_get_string (saved, "shape"), ==, "area");
  g_assert_nonnull (strstr (palp_mark_get_string (saved, "regions"), "back.lumbar.left"));

  /* Deleting from the list: its selection is the canvas's. */
  gtk_single_selection_set_selected (palp_chart_edits_get_selection (edits), 0);
  g_assert_cmpint (palp_chart_view_get_view (palp_chart_window_get_chart_view (chart)), ==,
                   PALP_VIEW_FACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.delete-mark", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
}

/* A signed visit opens read-only; a visit signed while its chart is open
 * refuses the next edit, says why, and the chart stays as stored. */
static void
test_signed_refuses (Fixture       *f,
                     gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, SIGNED);
  PalpChartView *view = palp_chart_window_get_chart_view (chart);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpMark) extra = palp_mark_new ();
  guint before = n_stored (f, chart);
  gint64 visit_id;
  double x, y;

  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (n_listed (chart), ==, before);
  g_assert_nonnull (palp_chart_window_get_read_only_reason (chart));
  g_assert_nonnull (strstr (palp_chart_window_get_read_only_reason (chart), "signed"));
  g_assert_true (palp_chart_edits_get_read_only (palp_chart_window_get_edits (chart)));
  /* The action is off: no dialog opens. */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.add-mark", NULL);
  g_assert_null (palp_chart_window_get_add_dialog (chart));
  region_point (view, "face.masseter.right", &x, &y);
  click_at (view, x, y);
  g_assert_true (palp_chart_view_delete_selected (view) == FALSE);
  g_assert_cmpuint (n_stored (f, chart), ==, before);
  palp_test_shoot (GTK_WINDOW (chart), "chart-signed");
  gtk_window_destroy (GTK_WINDOW (chart));

  /* Today's chart, signed behind the window's back. */
  chart = open_chart (f, TODAY);
  view = palp_chart_window_get_chart_view (chart);
  visit_id = palp_chart_edits_get_visit_id (palp_chart_window_get_edits (chart));
  set_tool (chart, "tenderness");
  region_point (view, "face.masseter.right", &x, &y);
  click_at (view, x, y);
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  {
    /* The row palp_store_sign_note () writes (a booked visit is not signed
     * through the gates: this plants the state to see the window react). */
    g_autofree char *sql =
      g_strdup_printf ("INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                       " VALUES (%" G_GINT64_FORMAT ", datetime ('now', 'localtime'),"
                       " palp_actor ())", visit_id);

    g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sql, NULL, NULL, NULL), ==,
                     SQLITE_OK);
  }
  region_point (view, "face.masseter.left", &x, &y);
  click_at (view, x, y);
  g_assert_nonnull (palp_chart_window_get_problem (chart));
  g_assert_nonnull (strstr (palp_chart_window_get_problem (chart), "signed"));
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
  /* Undo is refused too, and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 1);
  g_assert_cmpuint (n_listed (chart), ==, 1);
  palp_test_shoot (GTK_WINDOW (chart), "chart-refused");

  g_object_set (extra, "view", "face", "kind", "tenderness", "shape", "point",
                "geometry", "[[0.5,0.5]]", NULL);
  g_assert_false (palp_chart_edits_add (palp_chart_window_get_edits (chart), extra, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
}

/* The admin reads a practitioner's chart; she does not write it. */
static void
test_admin_reads (Fixture       *f,
                  gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, TODAY);

  g_assert_nonnull (palp_chart_window_get_read_only_reason (chart));
  g_assert_nonnull (strstr (palp_chart_window_get_read_only_reason (chart), "Maya Okafor"));
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.copy-last", NULL);
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
}

/* Starting from the last chart copies it in, as one step to undo. */
static void
test_copy_last (Fixture       *f,
                gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, TODAY);

  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.copy-last", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 5);
  g_assert_cmpuint (n_listed (chart), ==, 5);
  g_assert_nonnull (strstr (palp_chart_window_get_summary (chart), "Left masseter"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.undo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 0);
  g_assert_cmpuint (n_listed (chart), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.redo", NULL));
  g_assert_cmpuint (n_stored (f, chart), ==, 5);
}

/* The draft beside the visit before it, then over it, and what changed. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, DRAFT);
  PalpChartView *compare_view = palp_chart_window_get_compare_view (chart);
  const char *changes;

  g_assert_cmpuint (n_listed (chart), ==, 5);
  gtk_single_selection_set_selected (palp_chart_edits_get_selection (palp_chart_window_get_edits (chart)),
                                     0);
  palp_test_shoot (GTK_WINDOW (chart), "chart-window");
  g_assert_null (palp_chart_window_get_changes (chart));
  g_assert_cmpuint (g_list_model_get_n_items (palp_chart_window_get_earlier_visits (chart)), ==,
                    7);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.compare", NULL));
  palp_test_settle ();
  changes = palp_chart_window_get_changes (chart);
  g_assert_nonnull (changes);
  /* Against the visit before: the left masseter's trigger point 6 → 4,
   * the right masseter quiet, the temporalis treated. */
  g_assert_nonnull (strstr (changes, "Left masseter, trigger point: 6 → 4/10, better"));
  g_assert_nonnull (strstr (changes, "Right masseter, tenderness: resolved"));
  g_assert_nonnull (strstr (changes, "new"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (compare_view)));
  g_assert_nonnull (palp_chart_view_get_edits (compare_view));
  g_assert_cmpuint (g_list_model_get_n_items (
                      palp_chart_edits_get_marks (palp_chart_view_get_edits (compare_view))),
                    ==, 6);
  palp_test_shoot (GTK_WINDOW (chart), "chart-compare-beside");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.compare-mode", "s", "over"));
  palp_test_settle ();
  g_assert_null (palp_chart_view_get_edits (compare_view));
  palp_test_shoot (GTK_WINDOW (chart), "chart-compare-over");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.compare", NULL));
  g_assert_null (palp_chart_window_get_changes (chart));
}

/* Exports, and the list's Enter opening the mark editor. */
static void
test_export_and_list (Fixture       *f,
                      gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, DRAFT);
  PalpChartView *view = palp_chart_window_get_chart_view (chart);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (palp_chart_window_export (chart, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (palp_chart_window_export (chart, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (png);
  g_unlink (pdf);

  /* Enter on a row (the list's activate) opens the same editor. */
  g_signal_emit_by_name (palp_chart_window_get_marks_list (chart), "activate", 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (palp_chart_view_get_editor (view))));
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      palp_chart_edits_get_selection (palp_chart_window_get_edits (chart))),
                    ==, 3);
  gtk_popover_popdown (palp_chart_view_get_editor (view));
  /* Nothing changed, so nothing to undo. */
  g_assert_false (palp_chart_edits_can_undo (palp_chart_window_get_edits (chart)));
}

/* Zoom through the actions, each view keeping its own. */
static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  PalpChartWindow *chart = open_chart (f, DRAFT);
  PalpChartView *view = palp_chart_window_get_chart_view (chart);
  double x, y, vx, vy, rx, ry;

  g_assert_cmpfloat (palp_chart_view_get_zoom (view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));
  g_assert_cmpfloat (palp_chart_view_get_zoom (view), >, 1.5);
  /* The transform and its inverse agree. */
  palp_chart_view_view_to_widget (view, 300, 400, &x, &y);
  palp_chart_view_widget_to_view (view, x, y, &vx, &vy);
  g_assert_cmpfloat_with_epsilon (vx, 300, 1e-6);
  g_assert_cmpfloat_with_epsilon (vy, 400, 1e-6);
  /* A mark placed at a zoom lands in the same region. */
  set_tool (chart, "stabbing");
  region_point (view, "face.zygomatic.left", &rx, &ry);
  click_at (view, rx, ry);
  {
    PalpMark *mark = palp_chart_edits_get_selected (palp_chart_window_get_edits (chart));

    g_assert_nonnull (mark);
    g_assert_cmpstr (palp_mark_get_string (mark, "regions"), ==, "face.zygomatic.left");
  }
  palp_test_shoot (GTK_WINDOW (chart), "chart-zoomed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.view-key", "s",
                                             "body-anterior"));
  g_assert_cmpfloat (palp_chart_view_get_zoom (view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.view-key", "s", "face"));
  g_assert_cmpfloat (palp_chart_view_get_zoom (view), >, 1.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-fit", NULL));
  g_assert_cmpfloat (palp_chart_view_get_zoom (view), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The application's style, as the real app loads it, for the pictures. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/chart/place-move-delete", Fixture, NULL, fixture_setup, test_place_move_delete,
              fixture_teardown);
  g_test_add ("/chart/areas-and-arrows", Fixture, NULL, fixture_setup, test_areas_and_arrows,
              fixture_teardown);
  g_test_add ("/chart/add-by-region", Fixture, NULL, fixture_setup, test_add_by_region,
              fixture_teardown);
  g_test_add ("/chart/signed-refuses", Fixture, NULL, fixture_setup, test_signed_refuses,
              fixture_teardown);
  g_test_add ("/chart/admin-reads", Fixture, "rosa", fixture_setup, test_admin_reads,
              fixture_teardown);
  g_test_add ("/chart/copy-last", Fixture, NULL, fixture_setup, test_copy_last, fixture_teardown);
  g_test_add ("/chart/compare", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/chart/zoom", Fixture, NULL, fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/chart/export-and-list", Fixture, NULL, fixture_setup, test_export_and_list,
              fixture_teardown);

  return g_test_run ();
}
