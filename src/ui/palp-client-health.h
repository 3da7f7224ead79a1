/* palp-client-health.h: a client's health tab
 *
 * Health history (dated versions), contraindication screening and its
 * currency, the contraindications that stand, diagnoses and referrals.
 * Emits "changed" after any of them is saved, so the client's header can
 * show its flags again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_HEALTH (palp_client_health_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientHealth, palp_client_health, PALP, CLIENT_HEALTH, GtkWidget)

void        palp_client_health_set_store  (PalpClientHealth *self,
                                           PalpStore        *store);
void        palp_client_health_set_clinic (PalpClientHealth *self,
                                           PalpClinic       *clinic);
void        palp_client_health_set_user   (PalpClientHealth *self,
                                           PalpUser         *user);
void        palp_client_health_set_client (PalpClientHealth *self,
                                           PalpClient       *client);
/* Reads the record again. */
void        palp_client_health_reload     (PalpClientHealth *self);

/* Opens the forms as the tab's buttons do; returns the window shown. */
GtkWindow  *palp_client_health_record_history (PalpClientHealth *self,
                                               gboolean          change_reported);
GtkWindow  *palp_client_health_screen_now     (PalpClientHealth *self);
GtkWindow  *palp_client_health_add_diagnosis  (PalpClientHealth *self);
GtkWindow  *palp_client_health_add_referral   (PalpClientHealth *self);

/* Whether the tab shows the screening as due, and the reason it gives. */
gboolean    palp_client_health_get_screening_due (PalpClientHealth *self,
                                                  const char      **out_reason);

G_END_DECLS
