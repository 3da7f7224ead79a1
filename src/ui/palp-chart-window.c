/* palp-chart-window.c: a visit's body chart, in a window of its own
 *
 * The canvas, the marks list and the summary share one PalpChartEdits:
 * its model of marks, its selection and its history. The window only
 * routes actions to it and shows what it refuses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "palp-chart-painter.h"
#include "palp-chart-summary.h"
#include "palp-chart-window.h"
#include "palp-doc-chart.h"
#include "palp-mark-kind.h"
#include "palp-note-editor.h"
#include "palp-ui-util.h"

#define PNG_WIDTH        1400
#define AREA_RADIUS      0.025  /* a zone added by region: this far round its label point */
#define ZONE_SHRINK      0.85   /* ... or its region's outline, drawn this much inside itself */
#define ZONE_MAX_POINTS  120

struct _PalpChartWindow
{
  AdwWindow         parent_instance;

  PalpStore        *store;
  PalpClinic       *clinic;
  PalpUser         *user;
  PalpVisit        *visit;
  PalpClient       *client;
  PalpAtlas        *atlas;
  PalpChartEdits   *edits;
  PalpChartEdits   *earlier;          /* the visit compared with, read-only */
  GListStore       *earlier_visits;
  char             *problem;
  char             *read_only_reason;
  char             *summary;
  char             *changes;
  PalpView          view;
  int               tool;
  gboolean          compare;
  char             *compare_mode;     /* "beside" or "over" */

  GtkWindow        *add_dialog;
  GtkWidget        *add_kind_row;
  GtkWidget        *add_view_row;
  GtkWidget        *add_region_row;
  GtkWidget        *add_intensity_row;
  GtkSpinButton    *add_intensity;
  GtkWidget        *add_note_row;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkBox           *view_switcher;
  GtkButton        *zoom_button;
  GtkWidget        *read_only_box;
  GtkLabel         *read_only_label;
  GtkRevealer      *banner_revealer;
  GtkLabel         *banner_label;
  GtkBox           *palette_box;
  PalpNoteEditor   *note_editor;
  AdwViewStack     *side_stack;
  GtkWidget        *compare_pane;
  GtkLabel         *compare_title;
  PalpChartView    *compare_view;
  GtkLabel         *current_title;
  PalpChartView    *chart_view;
  GtkLabel         *hover_label;
  GtkLabel         *hint_label;
  GtkLabel         *count_label;
  GtkWidget        *empty_box;
  GtkWidget        *list_frame;
  GtkLabel         *empty_label;
  GtkWidget        *copy_last_button;
  GtkListView      *marks_list;
  GtkLabel         *summary_label;
  GtkRevealer      *compare_revealer;
  GtkDropDown      *earlier_dropdown;
  GtkLabel         *changes_label;
};

G_DEFINE_FINAL_TYPE (PalpChartWindow, palp_chart_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VIEW_KEY,
  PROP_TOOL_KEY,
  PROP_COMPARE,
  PROP_COMPARE_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (PalpChartWindow *self);
static void update_comparison (PalpChartWindow *self);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
editable (PalpChartWindow *self)
{
  return self->edits != NULL && !palp_chart_edits_get_read_only (self->edits);
}

/* Problems */

static void
show_problem (PalpChartWindow *self,
              const char      *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_text (self->banner_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

static void
on_edits_failed_cb (PalpChartWindow *self,
                    const char      *message)
{
  show_problem (self, message);
}

static void
toast (PalpChartWindow *self,
       const char      *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Symbols, for the palette and the list */

static void
draw_symbol_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "palp-kind")) - 1;

  if (kind == PALP_CHART_TOOL_SELECT)
    {
      GdkRGBA ink;
      double s = MIN (width, height) / 20.0;

      /* A pointer, drawn as the kinds' symbols are, for the select tool. */
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &ink);
      gdk_cairo_set_source_rgba (cr, &ink);
      cairo_translate (cr, (width - 20 * s) / 2 + 4 * s, (height - 20 * s) / 2 + 2 * s);
      cairo_scale (cr, s, s);
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, 0, 14);
      cairo_line_to (cr, 3.6, 10.6);
      cairo_line_to (cr, 6.4, 16.4);
      cairo_line_to (cr, 8.8, 15.2);
      cairo_line_to (cr, 6.1, 9.6);
      cairo_line_to (cr, 11, 9.6);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else if (kind >= 0 && kind < PALP_MARK_KIND_COUNT)
    palp_chart_paint_symbol (cr, (PalpMarkKind) kind, width / 2.0, height / 2.0,
                             MIN (width, height) * 0.8, is_dark ());
}

static GtkWidget *
symbol_new (int kind,
            int size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_symbol_cb, NULL, NULL);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (area), "palp-kind", GINT_TO_POINTER (kind + 1));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
  /* The label beside it says what it is. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return area;
}

/* The summary and the count */

static GArray *
chart_items (PalpAtlas  *atlas,
             GListModel *marks)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PalpChartItem));

  for (PalpView v = 0; marks != NULL && v < PALP_VIEW_COUNT; v++)
    {
      g_autoptr(GArray) some = palp_doc_chart_items (atlas, v, marks);

      g_array_append_vals (items, some->data, some->len);
    }
  return items;
}

/* The regions the marks lie in, once each, comma-separated. */
static char *
chart_regions (GListModel *marks)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);
      g_auto(GStrv) parts = g_strsplit (palp_mark_get_string (mark, "regions") ?
                                          palp_mark_get_string (mark, "regions") : "", ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*parts[j] != '\0' && !g_ptr_array_find_with_equal_func (ids, parts[j], g_str_equal, NULL))
          g_ptr_array_add (ids, g_strdup (parts[j]));
    }
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static void
update_summary (PalpChartWindow *self)
{
  GListModel *marks = palp_chart_edits_get_marks (self->edits);
  g_autoptr(GArray) items = chart_items (self->atlas, marks);
  guint n = g_list_model_get_n_items (marks);
  g_autofree char *count = g_strdup_printf (ngettext ("%u Mark", "%u Marks", n), n);
  g_autofree char *regions = chart_regions (marks);

  g_free (self->summary);
  self->summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) items->data,
                                           items->len);
  gtk_label_set_text (self->summary_label, self->summary);
  palp_note_editor_set_chart_summary (self->note_editor, n > 0 ? self->summary : NULL);
  palp_note_editor_set_chart_regions (self->note_editor, regions);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->list_frame, n > 0);
  gtk_widget_set_visible (self->empty_box, n == 0);
  gtk_widget_set_visible (self->copy_last_button, editable (self) && n == 0);
}

static void
on_marks_changed_cb (PalpChartWindow *self)
{
  update_summary (self);
  if (self->compare)
    update_comparison (self);
  update_actions (self);
}

/* The marks list */

typedef struct
{
  GtkWidget *symbol;
  GtkLabel  *title;
  GtkLabel  *regions;
  GtkLabel  *note;
  GtkLabel  *intensity;
} RowWidgets;

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PalpChartWindow          *self)
{
  GtkWidget *row = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL, "spacing", 12, NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowWidgets *w = g_new0 (RowWidgets, 1);

  w->symbol = symbol_new (-1, 24);
  w->title = GTK_LABEL (gtk_label_new (NULL));
  w->regions = GTK_LABEL (gtk_label_new (NULL));
  w->note = GTK_LABEL (gtk_label_new (NULL));
  w->intensity = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->title, 0);
  gtk_label_set_xalign (w->regions, 0);
  gtk_label_set_xalign (w->note, 0);
  gtk_label_set_wrap (w->regions, TRUE);
  gtk_label_set_ellipsize (w->note, PANGO_ELLIPSIZE_END);
  /* Long names wrap rather than widen the list beside the chart. */
  gtk_label_set_max_width_chars (w->regions, 28);
  gtk_label_set_max_width_chars (w->note, 28);
  gtk_label_set_ellipsize (w->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (w->title), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (w->regions), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (w->note), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (w->note), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (w->intensity), "numeric");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (w->intensity), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (w->title));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (w->regions));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (w->note));
  gtk_box_append (GTK_BOX (row), w->symbol);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (w->intensity));
  g_object_set_data_full (G_OBJECT (row), "palp-row", w, g_free);
  gtk_list_item_set_child (item, row);
}

/* "Left masseter → left frontalis (forehead)": where a referral starts
 * and where it is felt. */
static char *
arrow_route (PalpChartWindow *self,
             PalpMark        *mark)
{
  g_autoptr(GArray) xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"),
                                                   PALP_MARK_SHAPE_ARROW, NULL);
  const PalpRegion *ends[2] = { NULL, NULL };
  g_autofree char *to = NULL;
  PalpView view;
  double w, h;

  if (xy == NULL || !palp_view_from_key (palp_mark_get_string (mark, "view"), &view))
    return NULL;
  palp_atlas_get_view_size (self->atlas, view, &w, &h);
  for (guint i = 0; i < 2; i++)
    ends[i] = palp_atlas_hit (self->atlas, view, g_array_index (xy, double, 2 * i) * w,
                              g_array_index (xy, double, 2 * i + 1) * h);
  if (ends[0] == NULL || ends[1] == NULL || ends[0] == ends[1])
    return NULL;
  {
    const char *name = palp_region_get_name (ends[1]);
    const char *rest = g_utf8_next_char (name);

    to = g_utf8_strdown (name, rest - name);
    /* Translators: a referral on the body chart, from one region to another. */
    return g_strdup_printf (_("%s → %s%s"), palp_region_get_name (ends[0]), to, rest);
  }
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PalpChartWindow          *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  RowWidgets *w = g_object_get_data (G_OBJECT (row), "palp-row");
  PalpMark *mark = gtk_list_item_get_item (item);
  g_autofree char *regions = palp_chart_mark_region_names (self->atlas, mark);
  g_autofree char *label = palp_chart_mark_describe (self->atlas, mark);
  g_autofree char *intensity = NULL;
  const char *note = palp_mark_get_string (mark, "note");
  PalpMarkKind kind;
  PalpMarkShape shape;
  const char *title;

  if (!palp_mark_kind_from_key (palp_mark_get_string (mark, "kind"), &kind))
    kind = PALP_MARK_KIND_COUNT;
  title = kind < PALP_MARK_KIND_COUNT ? palp_mark_kind_get_label (kind) : _("Mark");
  if (palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) &&
      shape == PALP_MARK_SHAPE_ARROW)
    {
      g_autofree char *route = arrow_route (self, mark);

      /* Translators: a trigger point's referral arrow in the marks list. */
      title = C_("body chart", "Referred pain");
      if (route != NULL)
        {
          g_free (regions);
          regions = g_steal_pointer (&route);
        }
    }
  if (palp_mark_get_int (mark, "has-intensity"))
    /* Translators: an intensity out of ten, in the marks list. */
    intensity = g_strdup_printf (_("%d/10"), (int) palp_mark_get_int (mark, "intensity"));

  g_object_set_data (G_OBJECT (w->symbol), "palp-kind", GINT_TO_POINTER ((int) kind + 1));
  gtk_widget_queue_draw (w->symbol);
  gtk_label_set_text (w->title, title);
  gtk_label_set_text (w->regions, regions);
  gtk_label_set_text (w->note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (w->note), note != NULL);
  gtk_label_set_text (w->intensity, intensity ? intensity : "");
  g_object_set_data_full (G_OBJECT (row), "palp-mark", g_object_ref (mark), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_marks_list_activate_cb (PalpChartWindow *self,
                           guint            position)
{
  g_autoptr(PalpMark) mark =
    g_list_model_get_item (palp_chart_edits_get_marks (self->edits), position);

  if (mark != NULL)
    palp_chart_view_edit_mark (self->chart_view, mark);
}

static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        PalpChartWindow       *self)
{
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace) &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return gtk_widget_activate_action (GTK_WIDGET (self), "chart.delete-mark", NULL);
  return FALSE;
}

/* A mark selected on the canvas shows in the list, and one selected in
 * the list shows on the canvas, in its view. */
static void
on_selection_changed_cb (PalpChartWindow *self)
{
  GtkSingleSelection *selection = palp_chart_edits_get_selection (self->edits);
  PalpMark *mark = gtk_single_selection_get_selected_item (selection);
  guint position = gtk_single_selection_get_selected (selection);
  PalpView view;

  if (mark != NULL && palp_view_from_key (palp_mark_get_string (mark, "view"), &view) &&
      view != self->view)
    g_object_set (self, "view-key", palp_view_to_key (view), NULL);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->marks_list), "list.scroll-to-item", "u",
                                position);
  update_actions (self);
}

/* The tool palette, which is also the legend */

static GtkWidget *
palette_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 2);
  gtk_widget_set_margin_start (label, 6);
  return label;
}

static GtkWidget *
tool_button (const char *key,
             const char *label,
             GtkWidget  *icon)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.tool-key");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "palp-tool");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static void
on_new_intensity_changed_cb (PalpChartWindow *self,
                             GtkSpinButton   *spin)
{
  palp_chart_view_set_intensity (self->chart_view, gtk_spin_button_get_value_as_int (spin));
}

static void
build_palette (PalpChartWindow *self)
{
  static const char *groups[] = { N_("Sensations"), N_("Findings"), N_("Zones") };
  GtkWidget *select_icon = symbol_new (PALP_CHART_TOOL_SELECT, 20);
  GtkWidget *label, *spin;

  gtk_box_append (self->palette_box, palette_heading (_("Tools")));
  gtk_box_append (self->palette_box, tool_button ("select", _("Select and move"), select_icon));
  for (PalpMarkGroup group = PALP_MARK_GROUP_SENSATION; group <= PALP_MARK_GROUP_ZONE; group++)
    {
      gtk_box_append (self->palette_box, palette_heading (_(groups[group])));
      for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
        if (palp_mark_kind_get_group (kind) == group)
          gtk_box_append (self->palette_box,
                          tool_button (palp_mark_kind_to_key (kind),
                                       palp_mark_kind_get_label (kind), symbol_new (kind, 20)));
    }

  label = gtk_label_new_with_mnemonic (_("_Intensity of new marks"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_start (label, 6);
  spin = gtk_spin_button_new_with_range (0, 10, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  gtk_widget_set_margin_start (spin, 6);
  gtk_widget_set_margin_top (spin, 4);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_new_intensity_changed_cb), self);
  gtk_box_append (self->palette_box, label);
  gtk_box_append (self->palette_box, spin);
  /* Read-only, the palette stays as a legend. */
  gtk_widget_set_visible (label, editable (self));
  gtk_widget_set_visible (spin, editable (self));
}

/* Short names, so the six fit the header bar; the atlas's full name is the
 * tooltip and what a screen reader says. */
static const char *
view_short_label (PalpView view)
{
  switch (view)
    {
    case PALP_VIEW_BODY_ANTERIOR:
      return C_("body chart view", "Front");
    case PALP_VIEW_BODY_POSTERIOR:
      return C_("body chart view", "Back");
    case PALP_VIEW_HEAD_LEFT:
      return C_("body chart view", "Left Side");
    case PALP_VIEW_HEAD_RIGHT:
      return C_("body chart view", "Right Side");
    case PALP_VIEW_FACE:
      return C_("body chart view", "Face");
    case PALP_VIEW_INTRA_ORAL:
      return C_("body chart view", "Mouth");
    case PALP_VIEW_COUNT:
    default:
      return palp_view_get_label (view);
    }
}

static void
build_view_switcher (PalpChartWindow *self)
{
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (view_short_label (v));
      g_autofree char *tip = g_strdup_printf (_("%s (Ctrl+%u)"), palp_view_get_label (v), v + 1);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.view-key");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", palp_view_to_key (v));
      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      palp_view_get_label (v), -1);
      gtk_box_append (self->view_switcher, button);
    }
}

static const char *
tool_hint (PalpChartWindow *self)
{
  if (!editable (self))
    return _("Click a mark to see it in the list");
  if (self->tool == PALP_CHART_TOOL_SELECT)
    return _("Click a mark to select it, again to edit it; drag to move it");
  if (self->tool == PALP_MARK_TRIGGER_POINT)
    return _("Click to place; drag from a trigger point to draw its referral");
  if (palp_mark_kind_default_shape ((PalpMarkKind) self->tool) == PALP_MARK_SHAPE_AREA)
    return _("Drag to draw the area, or click its corners and double-click to close it");
  return _("Click to place; drag to draw an area");
}

static void
on_hover_changed_cb (PalpChartWindow *self)
{
  const char *text = palp_chart_view_get_hover_text (self->chart_view);

  gtk_label_set_text (self->hover_label, text ? text : "");
}

/* The canvas changes view itself to edit a mark of another view. */
static void
on_canvas_view_changed_cb (PalpChartWindow *self)
{
  PalpView view = palp_chart_view_get_view (self->chart_view);

  if (view != self->view)
    g_object_set (self, "view-key", palp_view_to_key (view), NULL);
}

static void
on_zoom_changed_cb (PalpChartWindow *self)
{
  g_autofree char *text =
    g_strdup_printf (_("%.0f %%"), palp_chart_view_get_zoom (self->chart_view) * 100);

  gtk_button_set_label (self->zoom_button, text);
}

/* Comparison */

static PalpVisit *
earlier_visit (PalpChartWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->earlier_dropdown);

  return i < g_list_model_get_n_items (G_LIST_MODEL (self->earlier_visits))
           ? g_list_model_get_item (G_LIST_MODEL (self->earlier_visits), i) : NULL;
}

static char *
visit_title (PalpChartWindow *self,
             PalpVisit       *visit)
{
  g_autofree char *when = palp_ui_format_local_time (palp_visit_get_string (visit, "starts-at"),
                                                     palp_ui_country (self->clinic));
  const char *who = palp_visit_get_string (visit, "practitioner-name");

  if (who == NULL)
    return g_strdup (when ? when : "—");
  /* Translators: a visit: when, with whom. */
  return g_strdup_printf (_("%s · %s"), when ? when : "—", who);
}

static void
update_comparison (PalpChartWindow *self)
{
  g_autoptr(PalpVisit) visit = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean beside = g_strcmp0 (self->compare_mode, "beside") == 0;

  gtk_revealer_set_reveal_child (self->compare_revealer, self->compare);
  visit = self->compare ? earlier_visit (self) : NULL;
  if (visit == NULL)
    g_clear_object (&self->earlier);
  else if (self->earlier == NULL ||
           palp_chart_edits_get_visit_id (self->earlier) != palp_visit_get_int (visit, "id"))
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (&self->earlier);
      self->earlier = palp_chart_edits_new (self->store, self->atlas,
                                            palp_visit_get_int (visit, "id"), TRUE, &error);
      if (self->earlier == NULL)
        show_problem (self, error->message);
    }

  palp_chart_view_set_edits (self->compare_view, beside ? self->earlier : NULL);
  palp_chart_view_set_overlay (self->chart_view,
                               !beside && self->earlier
                                 ? palp_chart_edits_get_marks (self->earlier) : NULL);
  gtk_widget_set_visible (self->compare_pane, beside && self->earlier != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->current_title), beside && self->earlier != NULL);

  g_clear_pointer (&self->changes, g_free);
  if (self->earlier != NULL)
    {
      g_autoptr(GArray) before = chart_items (self->atlas, palp_chart_edits_get_marks (self->earlier));
      g_autoptr(GArray) after = chart_items (self->atlas, palp_chart_edits_get_marks (self->edits));
      g_autoptr(GPtrArray) changes =
        palp_chart_compare ((const PalpChartItem *) (gpointer) before->data, before->len,
                            (const PalpChartItem *) (gpointer) after->data, after->len);
      g_autofree char *title = visit_title (self, visit);
      g_autofree char *earlier_title = g_strdup_printf (_("Earlier: %s"), title);
      g_autofree char *current = visit_title (self, self->visit);
      g_autofree char *current_text = g_strdup_printf (_("This visit: %s"), current);
      guint same = 0;

      for (guint i = 0; i < changes->len; i++)
        {
          PalpChartChange *change = g_ptr_array_index (changes, i);
          g_autofree char *line = NULL;

          if (change->change == PALP_CHART_CHANGE_SAME)
            {
              same++;
              continue;
            }
          line = palp_chart_change_describe (change);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
      if (text->len == 0)
        g_string_append (text, changes->len > 0 ? _("No change since then.")
                                                : _("Nothing marked at either visit."));
      else if (same > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, ngettext ("%u finding unchanged.",
                                                  "%u findings unchanged.", same), same);
        }
      self->changes = g_strdup (text->str);
      gtk_label_set_text (self->compare_title, earlier_title);
      gtk_label_set_text (self->current_title, current_text);
      palp_chart_view_set_view (self->compare_view, self->view);
    }
  else if (self->compare)
    g_string_append (text, _("This client has no earlier visit to compare with."));
  gtk_label_set_text (self->changes_label, self->changes ? self->changes : text->str);
}

static void
load_earlier_visits (PalpChartWindow *self)
{
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const char *starts = palp_visit_get_string (self->visit, "starts-at");
  gint64 id = palp_visit_get_int (self->visit, "id");

  visits = palp_store_list_visits (self->store, palp_visit_get_int (self->visit, "client-id"), NULL);
  g_list_store_remove_all (self->earlier_visits);
  for (guint i = 0; visits != NULL && i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      const char *other = palp_visit_get_string (visit, "starts-at");
      int order = g_strcmp0 (other, starts);

      /* Newest first, as listed: the latest earlier visit is the default. */
      if (palp_visit_get_int (visit, "id") != id &&
          (order < 0 || (order == 0 && palp_visit_get_int (visit, "id") < id)))
        {
          g_autofree char *title = visit_title (self, visit);

          g_list_store_append (self->earlier_visits, visit);
          gtk_string_list_append (titles, title);
        }
    }
  gtk_drop_down_set_model (self->earlier_dropdown, G_LIST_MODEL (titles));
}

static void
on_earlier_selected_cb (PalpChartWindow *self)
{
  if (self->compare)
    update_comparison (self);
}

/* Adding a mark by its region: the keyboard's and screen reader's way */

static char *
kind_label_cb (GtkStringObject *item,
               gpointer         user_data)
{
  PalpMarkKind kind;

  return g_strdup (palp_mark_kind_from_key (gtk_string_object_get_string (item), &kind)
                     ? palp_mark_kind_get_label (kind) : "");
}

static char *
view_label_cb (GtkStringObject *item,
               gpointer         user_data)
{
  PalpView view;

  return g_strdup (palp_view_from_key (gtk_string_object_get_string (item), &view)
                     ? palp_view_get_label (view) : "");
}

static char *
region_name_cb (GtkStringObject *item,
                gpointer         user_data)
{
  const PalpRegion *region =
    palp_atlas_find_region (palp_atlas_get_default (NULL), gtk_string_object_get_string (item));

  return g_strdup (region ? palp_region_get_name (region) : "");
}

static GtkExpression *
label_expression (GCallback callback)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, callback, NULL, NULL);
}

static const char *
combo_key (GtkWidget *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  return item ? gtk_string_object_get_string (item) : NULL;
}

gboolean
palp_chart_combo_row_select_key (GtkWidget  *combo_row,
                                 const char *key)
{
  GListModel *model;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (combo_row), FALSE);

  model = adw_combo_row_get_model (ADW_COMBO_ROW (combo_row));
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), key) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo_row), i);
        return TRUE;
      }
  return FALSE;
}

static void
on_add_view_selected_cb (PalpChartWindow *self)
{
  g_autoptr(GtkStringList) ids = gtk_string_list_new (NULL);
  PalpView view;

  if (!palp_view_from_key (combo_key (self->add_view_row), &view))
    return;
  for (guint i = 0; i < palp_atlas_get_n_regions (self->atlas, view); i++)
    gtk_string_list_append (ids, palp_region_get_id (palp_atlas_get_region (self->atlas, view, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->add_region_row), G_LIST_MODEL (ids));
}

static void
on_add_kind_selected_cb (PalpChartWindow *self)
{
  PalpMarkKind kind;

  gtk_widget_set_sensitive (self->add_intensity_row,
                            palp_mark_kind_from_key (combo_key (self->add_kind_row), &kind) &&
                              palp_mark_kind_has_intensity (kind));
}

/* The region's outline drawn a little inside itself, round its label
 * point (@x, @y), normalised: the area a zone added by region covers.
 * NULL when the outline cannot be read. */
static GArray *
region_zone (const PalpRegion *region,
             double            x,
             double            y,
             double            w,
             double            h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_path_t *path;
  guint n = 0, step;

  palp_region_append_path (region, cr);
  path = cairo_copy_path_flat (cr);
  /* The first outline only: its MOVE_TO and the LINE_TOs after it. */
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *d = &path->data[i];

      if ((d->header.type == CAIRO_PATH_MOVE_TO && n > 0) || d->header.type == CAIRO_PATH_CLOSE_PATH)
        break;
      if (d->header.type == CAIRO_PATH_MOVE_TO || d->header.type == CAIRO_PATH_LINE_TO)
        {
          double p[2] = { x + (d[1].point.x / w - x) * ZONE_SHRINK,
                          y + (d[1].point.y / h - y) * ZONE_SHRINK };

          g_array_append_vals (xy, p, 2);
          n++;
        }
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (n < 3)
    {
      g_array_unref (xy);
      return NULL;
    }
  /* A smooth outline has more points than a zone needs. */
  step = (n + ZONE_MAX_POINTS - 1) / ZONE_MAX_POINTS;
  if (step > 1)
    {
      guint kept = 0;

      for (guint i = 0; i < n; i += step, kept++)
        {
          g_array_index (xy, double, 2 * kept) = g_array_index (xy, double, 2 * i);
          g_array_index (xy, double, 2 * kept + 1) = g_array_index (xy, double, 2 * i + 1);
        }
      g_array_set_size (xy, 2 * kept);
    }
  for (guint i = 0; i < xy->len; i++)
    g_array_index (xy, double, i) = CLAMP (g_array_index (xy, double, i), 0.0, 1.0);
  return xy;
}

/* The mark the dialog describes, at its region's label point; a kind that
 * is only ever an area (a zone) covers the region, or a small round area
 * when its outline cannot be read. */
static void
add_confirm (PalpChartWindow *self)
{
  g_autoptr(PalpMark) mark = NULL;
  g_autoptr(GArray) zone = NULL;
  g_autofree char *geometry = NULL;
  const PalpRegion *region = palp_atlas_find_region (self->atlas, combo_key (self->add_region_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->add_note_row));
  PalpMarkShape shape = PALP_MARK_SHAPE_POINT;
  PalpMarkKind kind;
  double x, y, w, h;
  PalpView view;

  if (region == NULL || !palp_mark_kind_from_key (combo_key (self->add_kind_row), &kind))
    return;
  view = palp_region_get_view (region);
  palp_atlas_get_view_size (self->atlas, view, &w, &h);
  palp_region_get_label_point (region, &x, &y);
  x /= w, y /= h;
  if (palp_mark_kind_allows_shape (kind, PALP_MARK_SHAPE_POINT))
    geometry = palp_mark_geometry_to_json ((double[]) { x, y }, 1);
  else if ((zone = region_zone (region, x, y, w, h)) != NULL)
    {
      shape = PALP_MARK_SHAPE_AREA;
      geometry = palp_mark_geometry_to_json ((const double *) (gpointer) zone->data,
                                             zone->len / 2);
    }
  else
    {
      double xy[2 * 12];

      for (guint i = 0; i < 12; i++)
        {
          xy[2 * i] = CLAMP (x + AREA_RADIUS * cos (2 * G_PI * i / 12), 0.0, 1.0);
          xy[2 * i + 1] = CLAMP (y + AREA_RADIUS * w / h * sin (2 * G_PI * i / 12), 0.0, 1.0);
        }
      shape = PALP_MARK_SHAPE_AREA;
      geometry = palp_mark_geometry_to_json (xy, 12);
    }
  mark = palp_mark_new ();
  g_object_set (mark,
                "view", palp_view_to_key (view),
                "kind", palp_mark_kind_to_key (kind),
                "shape", palp_mark_shape_to_key (shape),
                "geometry", geometry,
                "note", note[0] != '\0' ? note : NULL,
                NULL);
  if (palp_mark_kind_has_intensity (kind))
    g_object_set (mark, "has-intensity", (gint64) 1,
                  "intensity", (gint64) gtk_spin_button_get_value_as_int (self->add_intensity),
                  NULL);
  if (palp_chart_edits_add (self->edits, mark, NULL))
    {
      g_autofree char *text = palp_chart_mark_describe (self->atlas, mark);
      g_autofree char *done = g_strdup_printf (_("Added: %s"), text);

      gtk_window_destroy (self->add_dialog);
      toast (self, done);
    }
}

static void
add_confirm_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  add_confirm (user_data);
}

static void
add_cancel_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  PalpChartWindow *self = user_data;

  gtk_window_destroy (self->add_dialog);
}

static GtkWidget *
combo_row (const char *title,
           GListModel *model,
           GCallback   label)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), label_expression (label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  return row;
}

static void
open_add_dialog (PalpChartWindow *self)
{
  static const GActionEntry entries[] = {
    { "confirm", add_confirm_activated, NULL, NULL, NULL, { 0 } },
    { "cancel", add_cancel_activated, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) views = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *cancel, *add, *prefs;
  GtkWidget *dialog;
  GtkShortcutController *shortcuts;

  if (self->add_dialog != NULL)
    {
      gtk_window_present (self->add_dialog);
      return;
    }
  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    gtk_string_list_append (kinds, palp_mark_kind_to_key (kind));
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    gtk_string_list_append (views, palp_view_to_key (v));

  dialog = adw_window_new ();
  self->add_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->add_dialog);
  gtk_window_set_title (self->add_dialog, _("Add Mark"));
  gtk_window_set_modal (self->add_dialog, TRUE);
  gtk_window_set_transient_for (self->add_dialog, GTK_WINDOW (self));
  gtk_window_set_default_size (self->add_dialog, 440, -1);
  gtk_window_set_destroy_with_parent (self->add_dialog, TRUE);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (dialog, "add", G_ACTION_GROUP (group));
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("add.cancel")));
  gtk_widget_add_controller (dialog, GTK_EVENT_CONTROLLER (shortcuts));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "add.cancel");
  add = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "add.confirm");
  gtk_widget_add_css_class (add, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);

  prefs = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (prefs),
                                         _("The mark is placed where the region’s name is "
                                           "written; drag it on the chart to move it."));
  gtk_widget_set_margin_start (prefs, 18);
  gtk_widget_set_margin_end (prefs, 18);
  gtk_widget_set_margin_top (prefs, 18);
  gtk_widget_set_margin_bottom (prefs, 18);

  self->add_kind_row = combo_row (_("_Kind"), G_LIST_MODEL (kinds), G_CALLBACK (kind_label_cb));
  self->add_view_row = combo_row (_("_View"), G_LIST_MODEL (views), G_CALLBACK (view_label_cb));
  self->add_region_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_region_row), _("_Region"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->add_region_row), TRUE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->add_region_row),
                                label_expression (G_CALLBACK (region_name_cb)));

  self->add_intensity_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_intensity_row), _("_Intensity"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->add_intensity_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->add_intensity_row), _("0 to 10"));
  self->add_intensity = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10, 1));
  gtk_spin_button_set_value (self->add_intensity, 5);
  gtk_widget_set_valign (GTK_WIDGET (self->add_intensity), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->add_intensity_row),
                             GTK_WIDGET (self->add_intensity));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->add_intensity_row),
                                         GTK_WIDGET (self->add_intensity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_intensity),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Intensity, 0 to 10"), -1);

  self->add_note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_note_row), _("_Note"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->add_note_row), TRUE);

  g_signal_connect_object (self->add_view_row, "notify::selected",
                           G_CALLBACK (on_add_view_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_kind_row, "notify::selected",
                           G_CALLBACK (on_add_kind_selected_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), self->add_kind_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), self->add_view_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), self->add_region_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), self->add_intensity_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (prefs), self->add_note_row);
  gtk_box_append (GTK_BOX (box), prefs);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  /* Start from the tool and view in use. */
  palp_chart_combo_row_select_key (self->add_kind_row,
                                   self->tool >= 0 ? palp_mark_kind_to_key (self->tool)
                                                   : "tenderness");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->add_view_row), self->view);
  on_add_view_selected_cb (self);
  on_add_kind_selected_cb (self);
  gtk_window_set_default_widget (self->add_dialog, add);
  gtk_window_present (self->add_dialog);
}

GtkWindow *
palp_chart_window_get_add_dialog (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->add_dialog;
}

GtkWidget *
palp_chart_window_get_add_row (PalpChartWindow *self,
                               const char      *name)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);

  if (self->add_dialog == NULL)
    return NULL;
  if (g_str_equal (name, "kind"))
    return self->add_kind_row;
  if (g_str_equal (name, "view"))
    return self->add_view_row;
  if (g_str_equal (name, "region"))
    return self->add_region_row;
  if (g_str_equal (name, "intensity"))
    return GTK_WIDGET (self->add_intensity);
  if (g_str_equal (name, "note"))
    return self->add_note_row;
  g_return_val_if_reached (NULL);
}

/* Export */

static GListModel *
marks_of_view (PalpChartWindow *self,
               PalpView         view)
{
  GListModel *marks = palp_chart_edits_get_marks (self->edits);
  GListStore *shown = g_list_store_new (PALP_TYPE_MARK);

  for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);
      PalpView v;

      if (palp_view_from_key (palp_mark_get_string (mark, "view"), &v) && v == view)
        g_list_store_append (shown, mark);
    }
  return G_LIST_MODEL (shown);
}

static char *
export_name (PalpChartWindow *self,
             const char      *suffix)
{
  g_autofree char *date = g_strndup (palp_visit_get_string (self->visit, "starts-at"), 10);

  /* Translators: a file name: the chart of a visit on a date. */
  return g_strdup_printf (_("chart-%s-%s.%s"), date, palp_view_to_key (self->view), suffix);
}

static gboolean
write_png (PalpChartWindow  *self,
           const char       *path,
           GError          **error)
{
  g_autoptr(GListModel) shown = marks_of_view (self, self->view);
  PalpChartStyle style;
  double vw, vh;
  int height;

  palp_chart_style_init (&style);
  palp_atlas_get_view_size (self->atlas, self->view, &vw, &vh);
  height = (int) (MIN (PNG_WIDTH * vh / vw, 1600) + palp_chart_measure_legend (PNG_WIDTH, &style)
                  + 48);
  return palp_chart_write_png (self->atlas, self->view, shown, TRUE, path, PNG_WIDTH, height,
                               error);
}

static gboolean
write_pdf (PalpChartWindow  *self,
           const char       *path,
           GError          **error)
{
  g_autoptr(GArray) views = g_array_new (FALSE, FALSE, sizeof (PalpView));
  g_autoptr(PalpUser) practitioner = NULL;
  g_autoptr(GBytes) pdf = NULL;
  GListModel *marks = palp_chart_edits_get_marks (self->edits);

  /* Every view with a mark on it, else the one shown. */
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    {
      g_autoptr(GListModel) shown = marks_of_view (self, v);

      if (g_list_model_get_n_items (shown) > 0)
        g_array_append_val (views, v);
    }
  if (views->len == 0)
    g_array_append_val (views, self->view);
  practitioner = palp_store_load_user (self->store,
                                       palp_visit_get_int (self->visit, "practitioner-id"), NULL);
  pdf = palp_doc_chart_render (self->clinic, self->client, self->visit, practitioner, self->atlas,
                               (const PalpView *) (gpointer) views->data, views->len, marks,
                               error);
  if (pdf == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}

gboolean
palp_chart_window_export (PalpChartWindow  *self,
                          const char       *path,
                          GError          **error)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    return write_pdf (self, path, error);
  return write_png (self, path, error);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       PalpChartWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "palp-pdf"));

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* The format chosen, whatever the name typed ends with. */
      if (pdf ? write_pdf (self, path, &error) : write_png (self, path, &error))
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Chart saved as %s"), base);

          toast (self, text);
        }
      else
        show_problem (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export (PalpChartWindow *self,
        gboolean         pdf)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = export_name (self, pdf ? "pdf" : "png");

  chooser = gtk_file_chooser_native_new (pdf ? _("Export Chart as PDF") : _("Export View as PNG"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("PNG images"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "palp-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Actions */

static void
update_actions (PalpChartWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_edit = editable (self);
  gboolean selected = palp_chart_edits_get_selected (self->edits) != NULL;
  gboolean empty = g_list_model_get_n_items (palp_chart_edits_get_marks (self->edits)) == 0;

  gtk_widget_action_set_enabled (widget, "chart.undo", palp_chart_edits_can_undo (self->edits));
  gtk_widget_action_set_enabled (widget, "chart.redo", palp_chart_edits_can_redo (self->edits));
  gtk_widget_action_set_enabled (widget, "chart.add-mark", can_edit);
  gtk_widget_action_set_enabled (widget, "chart.copy-last", can_edit && empty);
  gtk_widget_action_set_enabled (widget, "chart.delete-mark", can_edit && selected);
  gtk_widget_action_set_enabled (widget, "chart.edit-mark", selected);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);

  if (g_str_equal (action_name, "chart.undo"))
    palp_chart_edits_undo (self->edits, NULL);
  else
    palp_chart_edits_redo (self->edits, NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);

  if (g_str_equal (action_name, "chart.zoom-in"))
    palp_chart_view_zoom_in (self->chart_view);
  else if (g_str_equal (action_name, "chart.zoom-out"))
    palp_chart_view_zoom_out (self->chart_view);
  else
    palp_chart_view_set_zoom (self->chart_view, 1.0);
}

static void
add_mark_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_add_dialog (PALP_CHART_WINDOW (widget));
}

static void
edit_mark_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);
  PalpMark *mark = palp_chart_edits_get_selected (self->edits);

  if (mark != NULL)
    palp_chart_view_edit_mark (self->chart_view, mark);
}

static void
delete_mark_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);

  palp_chart_view_delete_selected (self->chart_view);
}

static void
copy_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);
  gint64 copied = 0;

  if (!palp_chart_edits_copy_last (self->edits, &copied, NULL))
    return;
  if (copied == 0)
    toast (self, _("No earlier visit of this client has a chart to start from"));
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%d mark copied from the last chart",
                                                         "%d marks copied from the last chart",
                                                         (gulong) copied),
                                               (int) copied);
      toast (self, text);
    }
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->summary ? self->summary : "");
  toast (self, _("Summary copied"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  export (PALP_CHART_WINDOW (widget), g_str_equal (action_name, "chart.export-pdf"));
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  show_problem (PALP_CHART_WINDOW (widget), NULL);
}

/* Properties */

static void
set_view (PalpChartWindow *self,
          PalpView         view)
{
  if (self->view == view)
    return;
  self->view = view;
  palp_chart_view_set_view (self->chart_view, view);
  palp_chart_view_set_view (self->compare_view, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_KEY]);
}

static void
set_tool (PalpChartWindow *self,
          const char      *key)
{
  PalpMarkKind kind;
  int tool = palp_mark_kind_from_key (key, &kind) ? (int) kind : PALP_CHART_TOOL_SELECT;

  if (self->tool == tool)
    return;
  self->tool = tool;
  palp_chart_view_set_tool (self->chart_view, tool);
  gtk_label_set_text (self->hint_label, tool_hint (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL_KEY]);
}

static void
palp_chart_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW_KEY:
      g_value_set_string (value, palp_view_to_key (self->view));
      break;
    case PROP_TOOL_KEY:
      g_value_set_string (value, self->tool >= 0 ? palp_mark_kind_to_key (self->tool) : "select");
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    case PROP_COMPARE_MODE:
      g_value_set_string (value, self->compare_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_chart_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (object);
  PalpView view;

  switch (prop_id)
    {
    case PROP_VIEW_KEY:
      if (palp_view_from_key (g_value_get_string (value), &view))
        set_view (self, view);
      break;
    case PROP_TOOL_KEY:
      set_tool (self, g_value_get_string (value));
      break;
    case PROP_COMPARE:
      if (self->compare != g_value_get_boolean (value))
        {
          self->compare = g_value_get_boolean (value);
          if (self->edits != NULL)
            update_comparison (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COMPARE_MODE:
      if (g_strcmp0 (self->compare_mode, g_value_get_string (value)) != 0)
        {
          g_free (self->compare_mode);
          self->compare_mode = g_strdup (g_str_equal (g_value_get_string (value), "over")
                                           ? "over" : "beside");
          if (self->edits != NULL && self->compare)
            update_comparison (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Public */

PalpChartView *
palp_chart_window_get_chart_view (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->chart_view;
}

PalpChartView *
palp_chart_window_get_compare_view (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->compare_view;
}

PalpChartEdits *
palp_chart_window_get_edits (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->edits;
}

GtkListView *
palp_chart_window_get_marks_list (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->marks_list;
}

GtkWidget *
palp_chart_window_get_note_editor (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return GTK_WIDGET (self->note_editor);
}

const char *
palp_chart_window_get_problem (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->problem;
}

const char *
palp_chart_window_get_read_only_reason (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->read_only_reason;
}

const char *
palp_chart_window_get_summary (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->summary;
}

const char *
palp_chart_window_get_changes (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return self->changes;
}

GListModel *
palp_chart_window_get_earlier_visits (PalpChartWindow *self)
{
  g_return_val_if_fail (PALP_IS_CHART_WINDOW (self), NULL);
  return G_LIST_MODEL (self->earlier_visits);
}

static void
palp_chart_window_dispose (GObject *object)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (object);

  if (self->add_dialog != NULL)
    gtk_window_destroy (self->add_dialog);
  if (self->edits != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edits, self);
      g_signal_handlers_disconnect_by_data (palp_chart_edits_get_marks (self->edits), self);
      g_signal_handlers_disconnect_by_data (palp_chart_edits_get_selection (self->edits), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_CHART_WINDOW);
  g_clear_object (&self->edits);
  g_clear_object (&self->earlier);
  g_clear_object (&self->earlier_visits);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->visit);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (palp_chart_window_parent_class)->dispose (object);
}

static void
palp_chart_window_finalize (GObject *object)
{
  PalpChartWindow *self = PALP_CHART_WINDOW (object);

  g_free (self->problem);
  g_free (self->read_only_reason);
  g_free (self->summary);
  g_free (self->changes);
  g_free (self->compare_mode);

  G_OBJECT_CLASS (palp_chart_window_parent_class)->finalize (object);
}

static void
palp_chart_window_class_init (PalpChartWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_chart_window_dispose;
  object_class->finalize = palp_chart_window_finalize;
  object_class->get_property = palp_chart_window_get_property;
  object_class->set_property = palp_chart_window_set_property;

  properties[PROP_VIEW_KEY] =
    g_param_spec_string ("view-key", NULL, NULL, "face",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL_KEY] =
    g_param_spec_string ("tool-key", NULL, NULL, "select",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE_MODE] =
    g_param_spec_string ("compare-mode", NULL, NULL, "beside",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALP_TYPE_CHART_VIEW);
  g_type_ensure (PALP_TYPE_NOTE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-chart-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, note_editor);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, compare_pane);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, compare_title);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, current_title);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, hover_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, empty_box);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, list_frame);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, copy_last_button);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, marks_list);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, compare_revealer);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, earlier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpChartWindow, changes_label);
  gtk_widget_class_bind_template_callback (widget_class, on_marks_list_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "chart.view-key", "view-key");
  gtk_widget_class_install_property_action (widget_class, "chart.tool-key", "tool-key");
  gtk_widget_class_install_property_action (widget_class, "chart.compare", "compare");
  gtk_widget_class_install_property_action (widget_class, "chart.compare-mode", "compare-mode");
  gtk_widget_class_install_action (widget_class, "chart.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "chart.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.add-mark", NULL, add_mark_action);
  gtk_widget_class_install_action (widget_class, "chart.edit-mark", NULL, edit_mark_action);
  gtk_widget_class_install_action (widget_class, "chart.delete-mark", NULL, delete_mark_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-last", NULL, copy_last_action);
  gtk_widget_class_install_action (widget_class, "chart.copy-summary", NULL, copy_summary_action);
  gtk_widget_class_install_action (widget_class, "chart.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.dismiss", NULL, dismiss_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "chart.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chart.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "chart.redo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "chart.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "chart.add-mark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + v, GDK_CONTROL_MASK,
                                         "chart.view-key", "s", palp_view_to_key (v));
}

static void
palp_chart_window_init (PalpChartWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = PALP_VIEW_FACE;
  self->tool = PALP_CHART_TOOL_SELECT;
  self->compare_mode = g_strdup ("beside");
  self->earlier_visits = g_list_store_new (PALP_TYPE_VISIT);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), self);
  gtk_list_view_set_factory (self->marks_list, factory);
  g_object_unref (factory);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->marks_list), keys);

  g_signal_connect_swapped (self->chart_view, "notify::hover-text",
                            G_CALLBACK (on_hover_changed_cb), self);
  g_signal_connect_swapped (self->chart_view, "notify::zoom", G_CALLBACK (on_zoom_changed_cb),
                            self);
  g_signal_connect_swapped (self->chart_view, "notify::view",
                            G_CALLBACK (on_canvas_view_changed_cb), self);
  g_signal_connect_swapped (self->earlier_dropdown, "notify::selected",
                            G_CALLBACK (on_earlier_selected_cb), self);
  on_zoom_changed_cb (self);
  build_view_switcher (self);
}

static void
set_read_only_reason (PalpChartWindow *self)
{
  const char *signed_at = palp_visit_get_string (self->visit, "signed-at");
  gint64 practitioner = palp_visit_get_int (self->visit, "practitioner-id");

  g_clear_pointer (&self->read_only_reason, g_free);
  if (signed_at != NULL)
    {
      /* "YYYY-MM-DD HH:MM:SS", shown to the minute. */
      g_autofree char *minute = g_strndup (signed_at, 16);
      g_autofree char *when = palp_ui_format_local_time (minute, palp_ui_country (self->clinic));

      self->read_only_reason =
        g_strdup_printf (_("This visit was signed on %s: its chart can be read and exported, "
                           "no longer changed."), when ? when : signed_at);
    }
  else if (!palp_ui_user_may (self->user, PALP_ACTION_DOCUMENT_VISIT, practitioner, NULL))
    {
      g_autofree char *name = palp_ui_user_name (self->store, NULL, practitioner);

      self->read_only_reason =
        g_strdup_printf (_("Only %s, who saw the client at this visit, can change its chart. "
                           "You can read it and export it."),
                         name ? name : _("the visit’s practitioner"));
    }
}

static void
show_read_only (PalpChartWindow *self)
{
  gtk_widget_set_visible (self->read_only_box, self->read_only_reason != NULL);
  gtk_label_set_text (self->read_only_label,
                      self->read_only_reason ? self->read_only_reason : "");
}

/* Signing locked the note: the chart goes with it. */
static void
on_note_signed_cb (PalpChartWindow *self)
{
  PalpVisit *visit = palp_store_load_visit (self->store, palp_visit_get_int (self->visit, "id"),
                                            NULL);

  if (visit != NULL)
    {
      g_object_unref (self->visit);
      self->visit = visit;
    }
  set_read_only_reason (self);
  palp_chart_edits_lock (self->edits);
  show_read_only (self);
  update_actions (self);
  update_summary (self);
  toast (self, _("Note signed and locked"));
}

PalpChartWindow *
palp_chart_window_new (PalpStore  *store,
                       PalpClinic *clinic,
                       PalpUser   *user,
                       PalpVisit  *visit)
{
  PalpChartWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *when = NULL, *title = NULL;
  gint64 visit_id;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);
  g_return_val_if_fail (PALP_IS_VISIT (visit), NULL);

  self = g_object_new (PALP_TYPE_CHART_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->clinic = clinic ? g_object_ref (clinic) : palp_store_load_clinic (store, NULL);
  self->user = user ? g_object_ref (user) : NULL;
  self->atlas = palp_atlas_get_default (NULL);
  visit_id = palp_visit_get_int (visit, "id");
  /* Fresh from the store: it may have been signed since it was listed. */
  self->visit = palp_store_load_visit (store, visit_id, NULL);
  if (self->visit == NULL)
    self->visit = g_object_ref (visit);
  self->client = palp_store_load_client (store, palp_visit_get_int (self->visit, "client-id"), NULL);

  set_read_only_reason (self);
  self->edits = palp_chart_edits_new (store, self->atlas, visit_id,
                                      self->read_only_reason != NULL, &error);
  if (self->edits == NULL)
    {
      /* An empty chart that says why, rather than no window. */
      g_warning ("Could not load the chart: %s", error->message);
      self->edits = palp_chart_edits_new (store, self->atlas, 0, TRUE, NULL);
      show_problem (self, error->message);
    }
  g_signal_connect_swapped (self->edits, "failed", G_CALLBACK (on_edits_failed_cb), self);
  g_signal_connect_swapped (self->edits, "notify::can-undo", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->edits, "notify::can-redo", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (palp_chart_edits_get_marks (self->edits), "items-changed",
                            G_CALLBACK (on_marks_changed_cb), self);
  g_signal_connect_swapped (palp_chart_edits_get_selection (self->edits), "selection-changed",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_list_view_set_model (self->marks_list,
                           GTK_SELECTION_MODEL (palp_chart_edits_get_selection (self->edits)));
  palp_chart_view_set_edits (self->chart_view, self->edits);

  show_read_only (self);
  gtk_label_set_text (self->empty_label,
                      editable (self)
                        ? _("Nothing marked yet. Choose a tool on the left and click the body, "
                            "or add a mark by its region.")
                        : _("Nothing was marked at this visit."));
  gtk_label_set_text (self->hint_label, tool_hint (self));
  build_palette (self);

  name = self->client ? palp_client_dup_display_name (self->client) : NULL;
  when = palp_ui_format_local_time (palp_visit_get_string (self->visit, "starts-at"),
                                    palp_ui_country (self->clinic));
  /* Translators: the visit window's title: client, visit date. */
  title = g_strdup_printf (_("Note and Chart — %s, %s"), name ? name : _("Client"), when ? when : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  palp_note_editor_load (self->note_editor, store, self->clinic, self->user, self->atlas,
                         visit_id);
  g_signal_connect_swapped (self->note_editor, "signed", G_CALLBACK (on_note_signed_cb), self);
  if (palp_note_editor_get_first_field (self->note_editor) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), palp_note_editor_get_first_field (self->note_editor));
  load_earlier_visits (self);
  on_marks_changed_cb (self);
  return self;
}
