/* palp-preferences-rules.h: the jurisdiction rules page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage titled "Rules": the jurisdiction rules signing
 * checks, by jurisdiction, each with what it requires, its source and
 * date. Admins edit, add and remove rules and restore the shipped ones;
 * others read them, with the reason. */
GtkWidget *palp_preferences_rules_new (PalpStore *store,
                                       PalpUser  *user);

G_END_DECLS
