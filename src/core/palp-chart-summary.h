/* palp-chart-summary.h: the body chart in words, and what changed
 *
 * Plain values in, translated text out: the Objective section's summary
 * of a visit's marks grouped by region, and the comparison of two visits
 * region by region (new, resolved, better, worse).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-mark-kind.h"

G_BEGIN_DECLS

/* One mark in one region (a mark over three regions is three items). */
typedef struct
{
  const char   *region_id;
  const char   *region_name;  /* translated, as printed */
  PalpMarkKind  kind;
  int           intensity;    /* 0–10, or -1 when none applies */
} PalpChartItem;

/* "Left masseter: trigger point 7/10, tenderness 5/10.\n..." — regions in
 * the order they first appear, kinds in legend order, the highest
 * intensity of a kind in a region. "No findings marked." when empty. */
char      *palp_chart_summary_text (const PalpChartItem *items,
                                    gsize                n_items);

typedef enum
{
  PALP_CHART_CHANGE_NEW,       /* marked now, not before */
  PALP_CHART_CHANGE_RESOLVED,  /* marked before, not now */
  PALP_CHART_CHANGE_WORSE,     /* intensity up */
  PALP_CHART_CHANGE_BETTER,    /* intensity down */
  PALP_CHART_CHANGE_SAME,
} PalpChartChangeKind;

typedef struct
{
  char                *region_id;
  char                *region_name;
  PalpMarkKind         kind;
  PalpChartChangeKind  change;
  int                  before;   /* -1: none */
  int                  after;    /* -1: none */
} PalpChartChange;

void       palp_chart_change_free  (PalpChartChange *change);
/* Per region and kind, @before against @after: a GPtrArray of
 * PalpChartChange, regions in order of first appearance (after, then
 * before), kinds in legend order. */
GPtrArray *palp_chart_compare      (const PalpChartItem *before,
                                    gsize                n_before,
                                    const PalpChartItem *after,
                                    gsize                n_after);
/* "Left masseter, trigger point: 7 → 4/10, better" */
char      *palp_chart_change_describe (const PalpChartChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpChartChange, palp_chart_change_free)

G_END_DECLS
