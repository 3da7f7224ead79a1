/* palp-preferences-payers.h: the clinic's payers page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage titled "Payers": every payer (retired ones too)
 * with its kind, unit rule, requirements and fee schedule; admins add and
 * edit them in a dialog. Read-only, with the reason, for other users. */
GtkWidget *palp_preferences_payers_new (PalpStore *store,
                                        PalpUser  *user);

G_END_DECLS
