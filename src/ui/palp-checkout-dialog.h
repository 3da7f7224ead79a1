/* palp-checkout-dialog.h: receipts and payment for one client's visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CHECKOUT_DIALOG (palp_checkout_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalpCheckoutDialog, palp_checkout_dialog, PALP, CHECKOUT_DIALOG, AdwWindow)

/* Checks out @visit_ids (visits of one client) as @user, who must be the
 * store's actor. Emits "issued" (a GListModel of PalpReceipt) once the
 * receipts exist, opens their preview, and closes. */
PalpCheckoutDialog *palp_checkout_dialog_new            (GtkWindow          *parent,
                                                         PalpStore          *store,
                                                         PalpUser           *user,
                                                         const gint64       *visit_ids,
                                                         guint               n_visits);
/* Receipts the dialog will issue, as it explains them; 0 when it cannot. */
guint               palp_checkout_dialog_get_n_receipts (PalpCheckoutDialog *self);
gint64              palp_checkout_dialog_get_total      (PalpCheckoutDialog *self);
/* Why the dialog cannot issue (the store's message), or NULL. */
const char         *palp_checkout_dialog_get_error      (PalpCheckoutDialog *self);
/* The confirmation asked of an admin for a combined session, while shown. */
AdwMessageDialog   *palp_checkout_dialog_get_confirmation (PalpCheckoutDialog *self);
/* The payment in the form's words: @method a key of PalpCheckoutPayment
 * ("cash", "card", ...) or NULL for "no payment now"; @amount as typed. */
void                palp_checkout_dialog_set_payment    (PalpCheckoutDialog *self,
                                                         const char         *method,
                                                         const char         *amount);
/* The preview opened after issuing, or NULL. */
GtkWindow          *palp_checkout_dialog_get_preview    (PalpCheckoutDialog *self);

G_END_DECLS
