/* palp-claims-page.h: the Claims section: claims by status, their aging,
 * the follow-ups due and the appeal deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLAIMS_PAGE (palp_claims_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpClaimsPage, palp_claims_page, PALP, CLAIMS_PAGE, GtkWidget)

/* Loads nothing until the page is shown. */
void        palp_claims_page_set_store      (PalpClaimsPage *self,
                                             PalpStore      *store,
                                             PalpUser       *user);
void        palp_claims_page_reload         (PalpClaimsPage *self);
/* The claims listed (PalpClaim, most recent first); NULL until loaded. */
GListModel *palp_claims_page_get_claims     (PalpClaimsPage *self);
/* Shows the claims of @status only ("denied"...), or all (NULL). */
void        palp_claims_page_set_status     (PalpClaimsPage *self,
                                             const char     *status);
/* Opens claim @claim_id in its window, as activating its row does; the
 * window, or NULL when it cannot be loaded (said in a toast). */
GtkWindow  *palp_claims_page_open_claim     (PalpClaimsPage *self,
                                             gint64          claim_id);

G_END_DECLS
