/* palp-preferences-clinical.h: the clinic's clinical settings page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage titled "Clinical": how long a screening and an
 * oral assessment stay current, the plateau window, each
 * contraindication's severity and each measure's minimal important
 * change, saved together with its Save button. Read-only, with the
 * reason, for @user when not an admin. */
GtkWidget *palp_preferences_clinical_new (PalpStore *store,
                                          PalpUser  *user);

G_END_DECLS
