/* palp-demo-letters.c: the demo's letters of medical necessity
 *
 * Hal Brennan pays for his massage from a health savings account: his
 * administrator wants a letter of medical necessity on file, drafted from
 * his record (the radiation trismus, the plan's measurable goals, his
 * latest signed assessment) and issued by his practitioner. A claim the
 * demo has appealed has its appeal letter, with the progress report and
 * the notes of its visits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-demo-private.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-letters.h"
#include "palp-store-private.h"

static gint64
hal_id (PalpStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (store, "SELECT id FROM clients"
                                                            " WHERE given_name = 'Harold'"
                                                            " AND family_name = 'Brennan'"
                                                            " ORDER BY id LIMIT 1", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
admin_id (PalpStore *store)
{
  g_autoptr(GListModel) users = palp_store_list_users (store, NULL);

  for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (users, i);

      if (palp_user_get_roles (user) & PALP_ROLE_ADMIN)
        return palp_user_get_id (user);
    }
  return 0;
}

/* The appeal of @claim: the record read as its practitioner reads it (the
 * notes' text included), issued by the admin. */
static gboolean
issue_appeal (PalpStore             *store,
              PalpClaim             *claim,
              PalpAppealRenderFunc   render,
              GError               **error)
{
  gint64 claim_id = palp_claim_get_int (claim, "id");
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(PalpPolicy) policy = NULL;
  g_autoptr(PalpPayer) payer = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpLetter) letter = palp_letter_new ();
  g_autoptr(GBytes) pdf = NULL;
  gint64 admin = admin_id (store);

  if (!(lines = palp_store_list_claim_lines (store, claim_id, error)))
    return FALSE;
  policy = palp_store_load_policy (store, palp_claim_get_int (claim, "policy-id"), NULL);
  payer = palp_store_load_payer (store, palp_claim_get_int (claim, "payer-id"), NULL);
  palp_store_set_actor (store, palp_claim_get_int (claim, "rendering-id"));
  if (!(document = palp_store_load_client_document (store, palp_claim_get_int (claim,
                                                                               "client-id"),
                                                    error)) ||
      !(pdf = render (document, claim, lines, policy, payer, letter, error)))
    return FALSE;
  palp_store_set_actor (store, admin);
  return palp_store_issue_letter (store, letter, pdf, error);
}

static gboolean
issue_appeals (PalpStore             *store,
               PalpAppealRenderFunc   render,
               GError               **error)
{
  g_autoptr(GListModel) claims = palp_store_list_claims (store, "appealed", 0, error);

  if (claims == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr(GListModel) letters = NULL;
      gboolean done = FALSE;

      if (!(letters = palp_store_list_letters (store, palp_claim_get_int (claim, "client-id"),
                                               "appeal", error)))
        return FALSE;
      for (guint l = 0; l < g_list_model_get_n_items (letters); l++)
        {
          g_autoptr(PalpLetter) letter = g_list_model_get_item (letters, l);

          done = done || palp_letter_get_int (letter, "claim-id") == palp_claim_get_int (claim,
                                                                                         "id");
        }
      if (!done && !issue_appeal (store, claim, render, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
palp_demo_issue_letters (PalpStore             *store,
                         PalpLetterRenderFunc   render,
                         PalpAppealRenderFunc   appeal,
                         GError               **error)
{
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(GListModel) letters = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *holder = NULL;
  PalpPlanDocument *plan;
  gint64 client_id, actor;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (store), FALSE);
  g_return_val_if_fail (render != NULL && appeal != NULL, FALSE);

  if (!(clinic = palp_store_load_clinic (store, error)))
    return FALSE;
  if (!palp_clinic_get_is_demo (clinic) || palp_clinic_get_country_enum (clinic) != PALP_COUNTRY_US)
    return TRUE;

  actor = palp_store_get_actor (store);
  ok = TRUE;
  if ((client_id = hal_id (store)) != 0)
    {
      if (!(letters = palp_store_list_letters (store, client_id, "lomn", error)) ||
          !(document = palp_store_load_client_document (store, client_id, error)))
        ok = FALSE;
      else if (g_list_model_get_n_items (letters) == 0 && document->plans->len > 0)
        {
          plan = g_ptr_array_index (document->plans, 0);
          holder = palp_store_dup_account_holder (store, client_id);
          letter = palp_letter_new ();
          /* Issued by the practitioner who wrote his plan. */
          ok = (pdf = render (document, holder, letter, error)) != NULL;
          palp_store_set_actor (store, palp_plan_get_int (plan->plan, "practitioner-id"));
          ok = ok && palp_store_issue_letter (store, letter, pdf, error);
        }
    }
  ok = ok && issue_appeals (store, appeal, error);
  palp_store_set_actor (store, actor);
  return ok;
}
