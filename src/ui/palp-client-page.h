/* palp-client-page.h: one client's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_PAGE (palp_client_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientPage, palp_client_page, PALP, CLIENT_PAGE, GtkWidget)

void        palp_client_page_set_store  (PalpClientPage *self,
                                         PalpStore      *store);
void        palp_client_page_set_clinic (PalpClientPage *self,
                                         PalpClinic     *clinic);
/* Who is signed in, for what they may book and bill. */
void        palp_client_page_set_user   (PalpClientPage *self,
                                         PalpUser       *user);
void        palp_client_page_set_client (PalpClientPage *self,
                                         PalpClient     *client);
PalpClient *palp_client_page_get_client (PalpClientPage *self);
/* Shows a tab ("overview", "health", "visits", "plan", "billing",
 * "documents"), filling it for the client if it was not yet. */
void        palp_client_page_show_tab   (PalpClientPage *self,
                                         const char     *name);

G_END_DECLS
