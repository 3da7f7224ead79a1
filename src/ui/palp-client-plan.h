/* palp-client-plan.h: a client's plan of care, goals, progress and consents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_PLAN (palp_client_plan_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientPlan, palp_client_plan, PALP, CLIENT_PLAN, GtkWidget)

void      palp_client_plan_set_store  (PalpClientPlan *self,
                                       PalpStore      *store);
/* Loads the client's plans, goals, readings and consents (NULL: none). */
void      palp_client_plan_set_client (PalpClientPlan *self,
                                       PalpClient     *client);
/* Loads everything again, after a change made elsewhere. */
void      palp_client_plan_reload     (PalpClientPlan *self);
/* Whether the plateau warning shows (for tests). */
gboolean  palp_client_plan_has_plateau_warning (PalpClientPlan *self);

G_END_DECLS
