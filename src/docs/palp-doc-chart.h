/* palp-doc-chart.h: a visit's body chart as a PDF
 *
 * The client, the visit's date and practitioner, each view asked for
 * drawn in vectors with the marks of that view, the legend, and the
 * chart in words: what was marked, region by region, with intensities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-atlas.h"
#include "palp-client.h"
#include "palp-clinic.h"
#include "palp-doc.h"
#include "palp-chart-summary.h"
#include "palp-user.h"
#include "palp-visit.h"

G_BEGIN_DECLS

/* @marks holds the visit's PalpMark (any view; each view drawn shows its
 * own); @views the views to draw, in order (@n_views >= 1). @practitioner
 * may be NULL (the visit's practitioner-name is printed then). */
GBytes    *palp_doc_chart_render      (PalpClinic      *clinic,
                                       PalpClient      *client,
                                       PalpVisit       *visit,
                                       PalpUser        *practitioner,
                                       PalpAtlas       *atlas,
                                       const PalpView  *views,
                                       guint            n_views,
                                       GListModel      *marks,
                                       GError         **error);

/* The marks of @view among @marks as summary items, one per mark and
 * region ("regions" holds comma-separated region ids; a mark outside
 * every region is listed under the view's name), in the order drawn.
 * The items' strings belong to the atlas (or are interned): they outlive
 * the array. Returns a GArray of PalpChartItem. */
GArray    *palp_doc_chart_items       (PalpAtlas       *atlas,
                                       PalpView         view,
                                       GListModel      *marks);

/* Adds to @doc, under a heading each, every view that has marks among
 * @marks: drawn in vectors (at most @max_height points tall) with its
 * findings in words below. Returns how many views were added (0 when
 * nothing was marked). */
guint      palp_doc_chart_add_views   (PalpDoc         *doc,
                                       PalpAtlas       *atlas,
                                       GListModel      *marks,
                                       double           max_height);

/* Adds one drawing of @view side by side: @first_marks at the left under
 * @first_caption, @latest_marks at the right under @latest_caption (the
 * progress report's first and latest chart). */
void       palp_doc_chart_add_comparison (PalpDoc      *doc,
                                          PalpAtlas    *atlas,
                                          PalpView      view,
                                          GListModel   *first_marks,
                                          const char   *first_caption,
                                          GListModel   *latest_marks,
                                          const char   *latest_caption,
                                          double        height);

/* The view among @marks with the most marks (@out_view), FALSE when none
 * is marked. */
gboolean   palp_doc_chart_busiest_view (GListModel     *marks,
                                        PalpView       *out_view);

G_END_DECLS
