/* palp-atlas-private.h: the region table behind the atlas
 *
 * Every region the atlas may hold, with its display name (marked for
 * translation, translated when asked for), view and laterality. The SVG
 * files give the outlines; a path whose id is not in this table, or a
 * table entry missing from its view's file, is an error, so an id can
 * never appear or vanish by an edit to a drawing alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-atlas.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *id;
  const char     *name;        /* untranslated, N_() */
  PalpView        view;
  PalpLaterality  laterality;
} PalpRegionInfo;

const PalpRegionInfo *palp_region_info_get_all   (guint      *n_infos);
const PalpRegionInfo *palp_region_info_lookup    (const char *id);

/* Teeth ("tooth.ur1" ... "tooth.lr8"): the universal (1-32) and FDI
 * (11-48) numbers; FALSE for any other id. */
gboolean              palp_region_info_tooth_numbers (const char *id,
                                                      guint      *universal,
                                                      guint      *fdi);

G_END_DECLS
