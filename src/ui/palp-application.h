/* palp-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PALP_TYPE_APPLICATION (palp_application_get_type ())

G_DECLARE_FINAL_TYPE (PalpApplication, palp_application, PALP, APPLICATION, AdwApplication)

PalpApplication *palp_application_new (void);

G_END_DECLS
