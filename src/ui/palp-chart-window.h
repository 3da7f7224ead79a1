/* palp-chart-window.h: a visit's body chart, in a window of its own
 *
 * The chart (view switcher, tool palette that is also the legend, zoom),
 * the marks beside it in a list kept in step with the canvas, the chart
 * in words for the note, and the comparison with an earlier visit. Every
 * edit is stored at once and can be undone; a signed visit, or another
 * practitioner's, opens read-only and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-chart-edits.h"
#include "palp-chart-view.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CHART_WINDOW (palp_chart_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpChartWindow, palp_chart_window, PALP, CHART_WINDOW, AdwWindow)

/* The chart of @visit (reloaded from @store), as @user sees it. */
PalpChartWindow *palp_chart_window_new              (PalpStore       *store,
                                                     PalpClinic      *clinic,
                                                     PalpUser        *user,
                                                     PalpVisit       *visit);
PalpChartView   *palp_chart_window_get_chart_view   (PalpChartWindow *self);
PalpChartView   *palp_chart_window_get_compare_view (PalpChartWindow *self);
PalpChartEdits  *palp_chart_window_get_edits        (PalpChartWindow *self);
GtkListView     *palp_chart_window_get_marks_list   (PalpChartWindow *self);
/* The note beside the chart (palp-note-editor.h). */
GtkWidget       *palp_chart_window_get_note_editor  (PalpChartWindow *self);
/* The refusal shown in the banner, or NULL. */
const char      *palp_chart_window_get_problem      (PalpChartWindow *self);
/* Why the chart is read-only, or NULL when it can be edited. */
const char      *palp_chart_window_get_read_only_reason (PalpChartWindow *self);
const char      *palp_chart_window_get_summary      (PalpChartWindow *self);
/* What changed since the earlier visit compared, one line per change;
 * NULL while not comparing. */
const char      *palp_chart_window_get_changes      (PalpChartWindow *self);
/* The earlier visits offered for comparison (GListModel of PalpVisit). */
GListModel      *palp_chart_window_get_earlier_visits (PalpChartWindow *self);

/* Writes the view shown as a PNG (with the legend), or with a name ending
 * in .pdf the chart's document (every view with marks). */
gboolean         palp_chart_window_export           (PalpChartWindow *self,
                                                     const char      *path,
                                                     GError         **error);

/* The "Add mark" dialog (the keyboard's way to chart), opened by the
 * chart.add-mark action; NULL while closed. Its rows: "kind", "view",
 * "region" (AdwComboRow over GtkStringList of keys and ids) and
 * "intensity" (GtkSpinButton), "note" (AdwEntryRow); its add.confirm
 * action adds the mark at the region's label point. */
GtkWindow       *palp_chart_window_get_add_dialog   (PalpChartWindow *self);
GtkWidget       *palp_chart_window_get_add_row      (PalpChartWindow *self,
                                                     const char      *name);
/* Selects the entry @key in an "Add mark" combo row; FALSE if absent. */
gboolean         palp_chart_combo_row_select_key    (GtkWidget       *combo_row,
                                                     const char      *key);

G_END_DECLS
