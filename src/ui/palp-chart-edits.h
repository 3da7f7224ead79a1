/* palp-chart-edits.h: a visit's body chart being edited, with undo
 *
 * The marks of one visit, loaded once and kept in a GListModel that the
 * canvas, the marks list and the summary share, with the one selection
 * they keep in step. Every edit goes to the store at once; the model
 * changes only when the store has taken it, so a refusal leaves the
 * chart as it was. Undo and redo are edits of their own (the inverse
 * operation, written through the store), so a signed visit or another
 * practitioner's chart refuses them just the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "palp-atlas.h"
#include "palp-mark-kind.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CHART_EDITS (palp_chart_edits_get_type ())

G_DECLARE_FINAL_TYPE (PalpChartEdits, palp_chart_edits, PALP, CHART_EDITS, GObject)

/* The marks of @visit_id, loaded from @store. @read_only refuses every edit
 * before it reaches the store (a signed visit, someone else's chart, or an
 * earlier visit shown for comparison). */
PalpChartEdits     *palp_chart_edits_new           (PalpStore       *store,
                                                    PalpAtlas       *atlas,
                                                    gint64           visit_id,
                                                    gboolean         read_only,
                                                    GError         **error);
gint64              palp_chart_edits_get_visit_id  (PalpChartEdits  *self);
PalpAtlas          *palp_chart_edits_get_atlas     (PalpChartEdits  *self);
gboolean            palp_chart_edits_get_read_only (PalpChartEdits  *self);
/* Locks the chart (once its visit is signed); the history is dropped. */
void                palp_chart_edits_lock          (PalpChartEdits  *self);
/* Every mark of the visit (PalpMark), in the order drawn. */
GListModel         *palp_chart_edits_get_marks     (PalpChartEdits  *self);
/* The one selection over those marks the canvas and the list share. */
GtkSingleSelection *palp_chart_edits_get_selection (PalpChartEdits  *self);
PalpMark           *palp_chart_edits_get_selected  (PalpChartEdits  *self);
void                palp_chart_edits_select        (PalpChartEdits  *self,
                                                    PalpMark        *mark);
/* Reads the marks again from the store; forgets the undo history. */
gboolean            palp_chart_edits_reload        (PalpChartEdits  *self,
                                                    GError         **error);

/* Adds @mark (view, kind, shape, geometry, intensity, depth, note set by
 * the caller; visit, atlas version and regions are filled in here). */
gboolean            palp_chart_edits_add           (PalpChartEdits  *self,
                                                    PalpMark        *mark,
                                                    GError         **error);
/* Gives @mark (one of the model's) the fields of @changed: kind, shape,
 * geometry, intensity, depth and note; the regions are computed again. */
gboolean            palp_chart_edits_change        (PalpChartEdits  *self,
                                                    PalpMark        *mark,
                                                    PalpMark        *changed,
                                                    GError         **error);
gboolean            palp_chart_edits_remove        (PalpChartEdits  *self,
                                                    PalpMark        *mark,
                                                    GError         **error);
/* The last visit's chart copied into an empty one (undone as one step). */
gboolean            palp_chart_edits_copy_last     (PalpChartEdits  *self,
                                                    gint64          *out_copied,
                                                    GError         **error);
gboolean            palp_chart_edits_can_undo      (PalpChartEdits  *self);
gboolean            palp_chart_edits_can_redo      (PalpChartEdits  *self);
gboolean            palp_chart_edits_undo          (PalpChartEdits  *self,
                                                    GError         **error);
gboolean            palp_chart_edits_redo          (PalpChartEdits  *self,
                                                    GError         **error);

/* A copy of @mark's fields (a new, unattached PalpMark). */
PalpMark           *palp_chart_mark_copy           (PalpMark        *mark);
/* The regions a mark of @shape through @xy (normalised pairs) lies in:
 * the region under a point; for an area or arrow, the regions under its
 * points and its centre, each once, comma-separated. NULL when none. */
char               *palp_chart_mark_regions        (PalpAtlas       *atlas,
                                                    PalpView         view,
                                                    PalpMarkShape    shape,
                                                    const double    *xy,
                                                    guint            n_points);
/* Translated region names of @mark, joined: "Left masseter, left TMJ";
 * the view's name when it lies outside every region. */
char               *palp_chart_mark_region_names   (PalpAtlas       *atlas,
                                                    PalpMark        *mark);
/* What a screen reader says for the mark: "Trigger point, left masseter,
 * intensity 7". */
char               *palp_chart_mark_describe       (PalpAtlas       *atlas,
                                                    PalpMark        *mark);
/* The mark's centre in normalised coordinates (its point, an arrow's
 * start, an area's vertex mean); FALSE if its geometry cannot be read. */
gboolean            palp_chart_mark_get_anchor     (PalpMark        *mark,
                                                    double          *x,
                                                    double          *y);

G_END_DECLS
