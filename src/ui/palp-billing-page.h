/* palp-billing-page.h: receipts, payments and the clinic's reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_BILLING_PAGE (palp_billing_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpBillingPage, palp_billing_page, PALP, BILLING_PAGE, GtkWidget)

/* Loads nothing until the page is shown. */
void              palp_billing_page_set_store      (PalpBillingPage *self,
                                                    PalpStore       *store,
                                                    PalpUser        *user);
void              palp_billing_page_reload         (PalpBillingPage *self);
/* The receipts listed (PalpReceipt, newest first); NULL until loaded. */
GListModel       *palp_billing_page_get_receipts   (PalpBillingPage *self);
/* Selects receipt @number; FALSE when it is not listed. */
gboolean          palp_billing_page_select_receipt (PalpBillingPage *self,
                                                    const char      *number);
/* The dialog the last action opened (void, payment), while shown. */
AdwMessageDialog *palp_billing_page_get_dialog     (PalpBillingPage *self);
/* The preview the last action opened, while shown. */
GtkWindow        *palp_billing_page_get_preview    (PalpBillingPage *self);

G_END_DECLS
