/* palp-preferences-security.h: the Security page of Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage titled "Security": @user's own PIN or password
 * (set, change, remove); for admins, the clinic's security settings
 * (require sign-in, idle lock minutes, admins may read notes' text) and
 * a reset of anyone's PIN or password. Each change is saved at once. */
GtkWidget *palp_preferences_security_new (PalpStore *store,
                                          PalpUser  *user);

G_END_DECLS
