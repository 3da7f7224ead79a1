/* palp-services-page.h: the service catalogue in the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-service-category.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_SERVICES_PAGE (palp_services_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpServicesPage, palp_services_page, PALP, SERVICES_PAGE,
                      AdwPreferencesPage)

/* @user: who is signed in; only admins may change the catalogue. */
PalpServicesPage  *palp_services_page_new      (PalpStore           *store,
                                                PalpClinic          *clinic,
                                                PalpUser            *user);
/* Reads the catalogue from the store again. */
void               palp_services_page_reload   (PalpServicesPage    *self);
/* Every service shown, inactive ones included (GListModel of PalpService). */
GListModel        *palp_services_page_get_services (PalpServicesPage *self);

G_END_DECLS
