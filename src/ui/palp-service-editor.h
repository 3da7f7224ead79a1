/* palp-service-editor.h: one service of the catalogue, with its taxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-service-category.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_SERVICE_EDITOR (palp_service_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalpServiceEditor, palp_service_editor, PALP, SERVICE_EDITOR, AdwWindow)

/* @service NULL: a new service of @category. Emits "saved" (PalpService)
 * once the service and its taxes are stored. */
PalpServiceEditor *palp_service_editor_new         (PalpStore           *store,
                                                    PalpClinic          *clinic,
                                                    PalpService         *service,
                                                    PalpServiceCategory  category);
/* The row editing "name", "category", "duration", "fee", "cpt-code",
 * "timed" or "active", for tests. */
GtkWidget         *palp_service_editor_get_row     (PalpServiceEditor   *self,
                                                    const char          *field);
/* Adds a tax row filled with these texts (NULL for empty). */
void               palp_service_editor_add_tax     (PalpServiceEditor   *self,
                                                    const char          *name,
                                                    const char          *rate,
                                                    const char          *registration);
/* Why saving is not possible now, or NULL when it is. */
const char        *palp_service_editor_get_problem (PalpServiceEditor   *self);
gboolean           palp_service_editor_save        (PalpServiceEditor   *self);

G_END_DECLS
