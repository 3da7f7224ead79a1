/* palp-today-page.h: the day's visits, check-in and check-out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-checkout-dialog.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_TODAY_PAGE (palp_today_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpTodayPage, palp_today_page, PALP, TODAY_PAGE, GtkWidget)

/* Loads nothing until the page is shown: the window's first frame stays
 * cheap. Emits "open-client" (gint64 client id) when asked to. */
void                palp_today_page_set_store  (PalpTodayPage *self,
                                                PalpStore     *store,
                                                PalpUser      *user);
/* "YYYY-MM-DD"; NULL for today. */
void                palp_today_page_set_date   (PalpTodayPage *self,
                                                const char    *date);
const char         *palp_today_page_get_date   (PalpTodayPage *self);
/* Reads the day again from the store (also done when the page is shown). */
void                palp_today_page_reload     (PalpTodayPage *self);
/* The day's visits as shown (PalpVisit), and the older ones with something
 * left to receipt; NULL until loaded. */
GListModel         *palp_today_page_get_visits (PalpTodayPage *self);
GListModel         *palp_today_page_get_pending (PalpTodayPage *self);
/* What the "Check out" button of visit @visit_id does; returns the dialog. */
PalpCheckoutDialog *palp_today_page_check_out  (PalpTodayPage *self,
                                                gint64         visit_id);

/* Opens the note and chart of @visit_id in its own window. */
GtkWindow          *palp_today_page_open_note  (PalpTodayPage *self,
                                                gint64         visit_id);

G_END_DECLS
