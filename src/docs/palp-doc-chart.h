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

G_END_DECLS
