/* palp-demo-letters.c: the demo's letters of medical necessity
 *
 * Hal Brennan pays for his massage from a health savings account: his
 * administrator wants a letter of medical necessity on file, drafted from
 * his record (the radiation trismus, the plan's measurable goals, his
 * latest signed assessment) and issued by his practitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-demo-private.h"
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

gboolean
palp_demo_issue_letters (PalpStore             *store,
                         PalpLetterRenderFunc   render,
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
  g_return_val_if_fail (render != NULL, FALSE);

  if (!(clinic = palp_store_load_clinic (store, error)))
    return FALSE;
  if (!palp_clinic_get_is_demo (clinic) || palp_clinic_get_country_enum (clinic) != PALP_COUNTRY_US ||
      (client_id = hal_id (store)) == 0)
    return TRUE;
  if (!(letters = palp_store_list_letters (store, client_id, "lomn", error)))
    return FALSE;
  if (g_list_model_get_n_items (letters) > 0)
    return TRUE;

  if (!(document = palp_store_load_client_document (store, client_id, error)))
    return FALSE;
  if (document->plans->len == 0)
    return TRUE;
  plan = g_ptr_array_index (document->plans, 0);
  holder = palp_store_dup_account_holder (store, client_id);
  letter = palp_letter_new ();
  if (!(pdf = render (document, holder, letter, error)))
    return FALSE;

  /* Issued by the practitioner who wrote his plan. */
  actor = palp_store_get_actor (store);
  palp_store_set_actor (store, palp_plan_get_int (plan->plan, "practitioner-id"));
  ok = palp_store_issue_letter (store, letter, pdf, error);
  palp_store_set_actor (store, actor);
  return ok;
}
