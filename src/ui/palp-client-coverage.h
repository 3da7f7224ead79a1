/* palp-client-coverage.h: the client's insurance on the Overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesGroup titled "Coverage": each policy of the client with
 * what it has left (visits this benefit year, dollars of the annual
 * maximum, authorisations, the referral the payer needs) and its
 * signatures on file, with dialogs to add and edit policies and to add
 * authorisations. */
GtkWidget *palp_client_coverage_new (PalpStore  *store,
                                     PalpClinic *clinic,
                                     gint64      client_id);

/* The client header's coverage flags today, each "kind:words"
 * ("authorisation-expiring:Authorisation expires 03/14/2027",
 * "visit-limit-near:2 plan visits left this year"...); never NULL. */
GStrv      palp_client_coverage_flags (PalpStore   *store,
                                       gint64       client_id,
                                       PalpCountry  country);

G_END_DECLS
