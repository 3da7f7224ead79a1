/* palp-region-picker.h: choose body regions from the atlas by name
 *
 * A searchable list of the atlas's regions ("Left upper trapezius · Body,
 * back"), for the region a local contraindication avoids and the regions
 * a prescription names. One region or several.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PALP_TYPE_REGION_PICKER (palp_region_picker_get_type ())

G_DECLARE_FINAL_TYPE (PalpRegionPicker, palp_region_picker, PALP, REGION_PICKER, AdwWindow)

/* @selected: region ids already chosen (may be NULL). Emits "chosen" with
 * the ids (a GStrv, in atlas order) when the person confirms. */
PalpRegionPicker *palp_region_picker_new        (GtkWindow          *parent,
                                                 gboolean            multiple,
                                                 const char * const *selected);
void              palp_region_picker_set_search (PalpRegionPicker   *self,
                                                 const char         *text);
/* Rows the search leaves visible. */
guint             palp_region_picker_get_n_shown (PalpRegionPicker  *self);
/* Ticks (or, choosing one, selects) the region as a click on its row does. */
gboolean          palp_region_picker_toggle     (PalpRegionPicker   *self,
                                                 const char         *region_id);
/* Confirms as the Choose button does. */
void              palp_region_picker_confirm    (PalpRegionPicker   *self);

/* "Left upper trapezius, Right upper trapezius" for comma-separated ids
 * (unknown ids are shown as they are). */
char             *palp_region_names_for_ids     (const char         *ids);

G_END_DECLS
