/* palp-demo-private.h: between the demo clinic and its clinical story
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-demo.h"

G_BEGIN_DECLS

/* One of the demo's visits, as palp-demo.c made it. */
typedef struct
{
  guint        client;           /* index in the clients table; the client's id is client + 1 */
  int          days_ago;         /* 0: today */
  int          hour;
  gint64       visit_id;
  gint64       practitioner_id;
} PalpDemoVisitRef;

/* Writes the clinical record of the demo's clients on the visits made for
 * them, as the demo's users (@practitioners: the endorsed therapist, then
 * the other; @admin: the front desk), through the store's rules: health
 * histories, screenings, diagnoses, referrals, plans with goals, consents,
 * body charts, SOAP notes with their measurements, signed through the
 * signing gates, and an amendment. @today is local midnight. */
gboolean palp_demo_populate_clinical (PalpStore               *store,
                                      PalpCountry              country,
                                      GDateTime               *today,
                                      const PalpDemoVisitRef  *visits,
                                      guint                    n_visits,
                                      const gint64            *practitioners,
                                      gint64                   admin,
                                      GError                 **error);

/* Writes the demo's payers, policies, signed assignments and releases,
 * and authorisations (palp-demo-insurance.c), as @admin. */
gboolean palp_demo_populate_insurance (PalpStore               *store,
                                       PalpCountry              country,
                                       GDateTime               *today,
                                       const PalpDemoVisitRef  *visits,
                                       guint                    n_visits,
                                       gint64                   admin,
                                       GError                 **error);

/* Writes Marcus Reyes's claims to his auto insurer in several states
 * (palp-demo-claims.c), after his policy and as the acting admin. US only. */
gboolean palp_demo_populate_claims    (PalpStore               *store,
                                       GDateTime               *today,
                                       const PalpDemoVisitRef  *visits,
                                       guint                    n_visits,
                                       GError                 **error);

G_END_DECLS
