/* palp-demo-insurance.c: the demo clients' insurance
 *
 * Written by the front desk through the store's rules, after the visits
 * and the clinical record:
 *
 *  - US: Grace Whitfield's health plan needs a referral and a
 *    pre-authorisation; her authorisation runs out in ten days and her
 *    plan's visits for the year are nearly used (two left). Marcus Reyes's auto
 *    insurer has the claim number and the date and state of the
 *    collision. Hal Brennan pays from his HSA. Both Grace and Marcus have
 *    signed an assignment of benefits and a release of information.
 *  - Canada: Grace's extended-health plan pays 80% up to $80 a visit and
 *    $1,000 a year, part of it used at another clinic before she came.
 *
 * The benefit years start on the first of the month 90 days back, so
 * every demo visit falls in the current one whatever the date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-demo-private.h"
#include "palp-store-insurance.h"

/* Clients, by their index in palp-demo.c's tables. */
enum { GRACE = 0, HAL = 1, MARCUS = 3 };

typedef struct
{
  const char  *code;
  gint64       unit_price_cents;
} DemoFee;

static char *
iso_days (GDateTime *today,
          int        days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gint64
save_payer (PalpStore      *store,
            const char     *name,
            const char     *kind,
            const char     *electronic_id,
            const char     *address,
            const char     *phone,
            const char     *rule,
            gboolean        referral,
            gboolean        preauth,
            gboolean        in_network,
            const DemoFee  *fees,
            guint           n_fees,
            GError        **error)
{
  g_autoptr(PalpPayer) payer = palp_payer_new ();
  gint64 id;

  g_object_set (payer, "name", name, "kind", kind, "electronic-id", electronic_id,
                "address", address, "phone", phone, "unit-rule", rule,
                "referral-required", (gint64) referral, "preauth-required", (gint64) preauth,
                "in-network", (gint64) in_network, "active", (gint64) 1, NULL);
  if (!palp_store_save_payer (store, payer, error))
    return 0;
  id = palp_payer_get_int (payer, "id");
  for (guint i = 0; i < n_fees; i++)
    if (!palp_store_set_payer_fee (store, id, fees[i].code, fees[i].unit_price_cents, error))
      return 0;
  return id;
}

static gboolean
sign_forms (PalpStore   *store,
            gint64       client_id,
            const char  *name,
            const char  *signed_on,
            GError     **error)
{
  static const char *kinds[] = { "assignment", "release" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(PalpBenefitSignature) s = palp_benefit_signature_new ();

      g_object_set (s, "client-id", client_id, "kind", kinds[i], "signed-by-name", name,
                    "typed-name", name, "attested", (gint64) 1, "signed-on", signed_on, NULL);
      if (!palp_store_add_benefit_signature (store, s, error))
        return FALSE;
    }
  return TRUE;
}

/* The first and last of @client's attended visits among @visits. */
static void
client_visits (const PalpDemoVisitRef  *visits,
               guint                    n_visits,
               guint                    client,
               int                     *out_first_days_ago,
               GArray                  *ids)
{
  *out_first_days_ago = 0;
  for (guint i = 0; i < n_visits; i++)
    if (visits[i].client == client && visits[i].days_ago > 0)
      {
        *out_first_days_ago = MAX (*out_first_days_ago, visits[i].days_ago);
        if (ids != NULL)
          g_array_append_val (ids, visits[i].visit_id);
      }
}

static gboolean
populate_us (PalpStore               *store,
             GDateTime               *today,
             guint                    year_start,
             const PalpDemoVisitRef  *visits,
             guint                    n_visits,
             GError                 **error)
{
  static const DemoFee cascade_fees[] = {
    { "97124", 2900 }, { "97140", 3450 }, { "97112", 3600 }, { "97110", 3300 },
  };
  static const DemoFee auto_fees[] = { { "97124", 3200 }, { "97140", 3800 } };
  g_autoptr(PalpPolicy) grace = palp_policy_new ();
  g_autoptr(PalpPolicy) marcus = palp_policy_new ();
  g_autoptr(PalpPolicy) hal = palp_policy_new ();
  g_autoptr(PalpAuthorisation) auth = palp_authorisation_new ();
  g_autoptr(GArray) grace_visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) coverage = NULL;
  g_autoptr(PalpCoverageStatus) status = NULL;
  g_autofree char *grace_first = NULL, *auth_ends = NULL, *marcus_first = NULL;
  g_autofree char *accident = NULL;
  gint64 cascade, evergreen, summit;
  int first_days_ago;

  cascade = save_payer (store, "Cascade Health Plan", "health-plan", "CHP01",
                        "PO Box 34120\nSeattle, WA 98124", "(800) 555-0144", "cms", TRUE, TRUE,
                        TRUE, cascade_fees, G_N_ELEMENTS (cascade_fees), error);
  evergreen = cascade ? save_payer (store, "Evergreen Mutual Auto", "auto", "EMA77",
                                    "PO Box 9050\nTacoma, WA 98409", "(800) 555-0190", "per-code",
                                    FALSE, FALSE, FALSE, auto_fees, G_N_ELEMENTS (auto_fees),
                                    error)
                      : 0;
  summit = evergreen ? save_payer (store, "Summit Benefits HSA", "hsa-fsa", NULL, NULL,
                                   "(888) 555-0133", "cms", FALSE, FALSE, FALSE, NULL, 0, error)
                     : 0;
  if (summit == 0)
    return FALSE;

  /* Grace: ten visits a year, authorised from her first visit for twelve,
   * ending in ten days. */
  client_visits (visits, n_visits, GRACE, &first_days_ago, grace_visits);
  grace_first = iso_days (today, -first_days_ago);
  auth_ends = iso_days (today, 10);
  g_object_set (grace, "client-id", (gint64) GRACE + 1, "payer-id", cascade,
                "member-id", "CHP-204-771-3", "group-number", "UW-STAFF-02",
                "starts-on", "2024-01-01", "benefit-year-start", (gint64) year_start,
                "visit-limit", (gint64) 10, "copay-note", "$20 copay a visit",
                "deductible-note", "Deductible met this year", "active", (gint64) 1, NULL);
  if (!palp_store_save_policy (store, grace, error) ||
      !sign_forms (store, GRACE + 1, "Grace Whitfield", grace_first, error))
    return FALSE;
  g_object_set (auth, "policy-id", palp_policy_get_int (grace, "id"), "number", "CHP-PA-22918",
                "unit", "visits", "authorised", (gint64) 12, "starts-on", grace_first,
                "ends-on", auth_ends, "note", "Authorised by phone; reference 5531.", NULL);
  if (!palp_store_save_authorisation (store, auth, error))
    return FALSE;
  for (guint i = 0; i < grace_visits->len; i++)
    if (!palp_store_use_authorisation (store, palp_authorisation_get_int (auth, "id"),
                                       g_array_index (grace_visits, gint64, i), NULL, error))
      return FALSE;

  /* Two visits left this benefit year, however many the demo made. */
  if (!(coverage = palp_store_get_coverage (store, GRACE + 1, NULL, error)))
    return FALSE;
  status = g_list_model_get_item (coverage, 0);
  g_object_set (grace, "visit-limit",
                palp_coverage_status_get_int (status, "visits-used") + PALP_COVERAGE_VISITS_NEAR,
                NULL);
  if (!palp_store_save_policy (store, grace, error))
    return FALSE;

  /* Marcus: his auto insurer, ten days after the collision. */
  client_visits (visits, n_visits, MARCUS, &first_days_ago, NULL);
  marcus_first = iso_days (today, -first_days_ago);
  accident = iso_days (today, -first_days_ago - 10);
  g_object_set (marcus, "client-id", (gint64) MARCUS + 1, "payer-id", evergreen,
                "member-id", "EMA-4471902", "claim-number", "EM-0931775-A",
                "injury-date", accident, "injury-state", "WA",
                "adjuster", "Dana Brooks, claims adjuster, (800) 555-0190 ext. 412",
                "starts-on", accident, "active", (gint64) 1, NULL);
  if (!palp_store_save_policy (store, marcus, error) ||
      !sign_forms (store, MARCUS + 1, "Marcus Reyes", marcus_first, error))
    return FALSE;

  /* Hal: his health savings account. */
  g_object_set (hal, "client-id", (gint64) HAL + 1, "payer-id", summit,
                "member-id", "HSA-88120-44", "active", (gint64) 1, NULL);
  if (!palp_store_save_policy (store, hal, error))
    return FALSE;

  /* Marcus's claims to his auto insurer. */
  return palp_demo_populate_claims (store, today, visits, n_visits, error);
}

static gboolean
populate_ca (PalpStore   *store,
             GDateTime   *today,
             guint        year_start,
             GError     **error)
{
  g_autoptr(PalpPolicy) grace = palp_policy_new ();
  g_autofree char *prior_on = iso_days (today, -80);
  gint64 maple;

  maple = save_payer (store, "Maple Shield Extended Health", "extended-health", NULL,
                      "PO Box 4400, Station A\nToronto ON M5W 3J5", "1-800-555-0177", "cms",
                      FALSE, FALSE, FALSE, NULL, 0, error);
  if (maple == 0)
    return FALSE;
  g_object_set (grace, "client-id", (gint64) GRACE + 1, "payer-id", maple,
                "member-id", "MS 4481 0027", "group-number", "20455",
                "relationship", "spouse", "insured-name", "Tom Whitfield",
                "benefit-year-start", (gint64) year_start, "annual-max-cents", (gint64) 100000,
                "plan-percent", (gint64) 80, "per-visit-cap-cents", (gint64) 8000,
                "prior-on", prior_on, "prior-visits", (gint64) 1,
                "prior-paid-cents", (gint64) 9000,
                "copay-note", "Client pays and sends the receipt in", "active", (gint64) 1, NULL);
  return palp_store_save_policy (store, grace, error);
}

gboolean
palp_demo_populate_insurance (PalpStore               *store,
                              PalpCountry              country,
                              GDateTime               *today,
                              const PalpDemoVisitRef  *visits,
                              guint                    n_visits,
                              gint64                   admin,
                              GError                 **error)
{
  g_autoptr(GDateTime) back = g_date_time_add_days (today, -90);
  guint year_start = (guint) g_date_time_get_month (back);

  palp_store_set_actor (store, admin);
  if (country == PALP_COUNTRY_CA)
    return populate_ca (store, today, year_start, error);
  return populate_us (store, today, year_start, visits, n_visits, error);
}
