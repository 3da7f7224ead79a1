/* palp-preferences.h: the clinic's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_PREFERENCES (palp_preferences_get_type ())

G_DECLARE_FINAL_TYPE (PalpPreferences, palp_preferences, PALP, PREFERENCES,
                      AdwPreferencesWindow)

/* @user: who is signed in, for what they may change. */
PalpPreferences *palp_preferences_new (PalpStore *store,
                                       PalpUser  *user);

G_END_DECLS
