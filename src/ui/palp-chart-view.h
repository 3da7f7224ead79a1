/* palp-chart-view.h: the body chart a therapist draws on
 *
 * One view of the atlas with the visit's marks, drawn by the chart
 * painter in the widget's snapshot. A click places the current tool's
 * mark; a drag draws an area (or, for a trigger point, its referral
 * arrow); clicks closed by a double click or Enter make a polygon; a
 * drag moves the selected mark. Ctrl+scroll, a pinch, + and − zoom;
 * scrollbars, the middle button and space+drag pan. A popover edits a
 * mark's kind, intensity, depth and note.
 *
 * It scrolls itself (GtkScrollable): put it in a GtkScrolledWindow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "palp-chart-edits.h"

G_BEGIN_DECLS

/* The tool that selects and moves rather than draws; other tools are
 * PalpMarkKind values. */
#define PALP_CHART_TOOL_SELECT (-1)

#define PALP_CHART_ZOOM_MAX 8.0

#define PALP_TYPE_CHART_VIEW (palp_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PalpChartView, palp_chart_view, PALP, CHART_VIEW, GtkWidget)

GtkWidget      *palp_chart_view_new             (void);
/* The chart edited (or only shown, when it is read-only); NULL for none. */
void            palp_chart_view_set_edits       (PalpChartView  *self,
                                                 PalpChartEdits *edits);
PalpChartEdits *palp_chart_view_get_edits       (PalpChartView  *self);
void            palp_chart_view_set_view        (PalpChartView  *self,
                                                 PalpView        view);
PalpView        palp_chart_view_get_view        (PalpChartView  *self);
void            palp_chart_view_set_tool        (PalpChartView  *self,
                                                 int             tool);
int             palp_chart_view_get_tool        (PalpChartView  *self);
/* The intensity new marks get, where their kind has one (0–10). */
void            palp_chart_view_set_intensity   (PalpChartView  *self,
                                                 int             intensity);
/* Another visit's marks (PalpMark, any view) drawn faded under these;
 * NULL for none. */
void            palp_chart_view_set_overlay     (PalpChartView  *self,
                                                 GListModel     *marks);

/* Zoom: 1 fits the view in the widget; each view keeps its own. */
double          palp_chart_view_get_zoom        (PalpChartView  *self);
void            palp_chart_view_set_zoom        (PalpChartView  *self,
                                                 double          zoom);
void            palp_chart_view_zoom_in         (PalpChartView  *self);
void            palp_chart_view_zoom_out        (PalpChartView  *self);
/* The translated name of the region under the pointer, or NULL. */
const char     *palp_chart_view_get_hover_text  (PalpChartView  *self);

/* Between widget and view (atlas) coordinates: the drawing's transform
 * and its inverse. */
void            palp_chart_view_view_to_widget  (PalpChartView  *self,
                                                 double          view_x,
                                                 double          view_y,
                                                 double         *x,
                                                 double         *y);
void            palp_chart_view_widget_to_view  (PalpChartView  *self,
                                                 double          x,
                                                 double          y,
                                                 double         *view_x,
                                                 double         *view_y);

/* The pointer as the gestures report it, in widget coordinates (pressure
 * 0..1, or a negative value when the device has none): for scripted
 * input, through the same code the mouse, pen and finger take. */
void            palp_chart_view_pointer_down    (PalpChartView  *self,
                                                 double          x,
                                                 double          y,
                                                 double          pressure);
void            palp_chart_view_pointer_motion  (PalpChartView  *self,
                                                 double          x,
                                                 double          y,
                                                 double          pressure);
void            palp_chart_view_pointer_up      (PalpChartView  *self,
                                                 double          x,
                                                 double          y);
void            palp_chart_view_double_click    (PalpChartView  *self,
                                                 double          x,
                                                 double          y);
/* Closes the polygon being drawn (Enter); FALSE if there is none. */
gboolean        palp_chart_view_finish_polygon  (PalpChartView  *self);

/* The mark editor, pointing at @mark (selected first); it applies its
 * changes as one edit when it closes. */
void            palp_chart_view_edit_mark       (PalpChartView  *self,
                                                 PalpMark       *mark);
GtkPopover     *palp_chart_view_get_editor      (PalpChartView  *self);
/* The editor's fields for tests: "kind" (GtkDropDown), "intensity"
 * (GtkSpinButton), "depth" (GtkDropDown), "note" (GtkEntry). */
GtkWidget      *palp_chart_view_get_editor_field (PalpChartView *self,
                                                  const char    *name);
/* Deletes the selected mark (Delete); FALSE if none or refused. */
gboolean        palp_chart_view_delete_selected (PalpChartView  *self);

G_END_DECLS
