/* palp-client-billing.h: a client's receipts, payments, balance and
 * statement, on the client page's Billing tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_BILLING (palp_client_billing_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientBilling, palp_client_billing, PALP, CLIENT_BILLING, GtkWidget)

void        palp_client_billing_set_store    (PalpClientBilling *self,
                                              PalpStore         *store);
/* Loads the client's receipts and payments (NULL: nothing). */
void        palp_client_billing_set_client   (PalpClientBilling *self,
                                              PalpClient        *client);
GListModel *palp_client_billing_get_receipts (PalpClientBilling *self);
/* Who is signed in: Build Claim… is offered to those who may build claims,
 * in US clinics. */
void        palp_client_billing_set_user     (PalpClientBilling *self,
                                              PalpUser          *user);
/* The client's attended therapeutic visits with signed notes that no
 * claim (other than a void one) bills yet (PalpVisit, newest first). */
GListModel *palp_client_billing_list_claimable (PalpClientBilling *self,
                                                GError          **error);
/* Builds a claim of @visit_ids to the client's primary policy and opens
 * it in its window, as Build Claim… does; the window, or NULL with
 * @error. */
GtkWindow  *palp_client_billing_build_claim  (PalpClientBilling *self,
                                              const gint64      *visit_ids,
                                              guint              n_visits,
                                              GError           **error);
/* The dialog Build Claim… opened, while shown. */
AdwMessageDialog *palp_client_billing_get_dialog (PalpClientBilling *self);
/* Draws the statement for an insurer over @from–@to (ISO dates) and opens
 * it in the preview, as the Statement button does; the preview, or NULL
 * with @error. */
GtkWindow  *palp_client_billing_statement    (PalpClientBilling *self,
                                              const char        *from,
                                              const char        *to,
                                              GError           **error);

G_END_DECLS
