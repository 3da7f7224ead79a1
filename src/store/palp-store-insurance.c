/* palp-store-insurance.c: payers, policies, signatures on file,
 * authorisations and what a client's coverage has left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-coverage.h"
#include "palp-date.h"
#include "palp-money.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"
#include "palp-units.h"
#include "palp-validate.h"

/* Rows and records --------------------------------------------------------- */

PALP_STORE_ROW_FUNC (payer, PALP_TYPE_PAYER)
PALP_STORE_ROW_FUNC (fee, PALP_TYPE_PAYER_FEE)
PALP_STORE_ROW_FUNC (policy, PALP_TYPE_POLICY)
PALP_STORE_ROW_FUNC (signature, PALP_TYPE_BENEFIT_SIGNATURE)
PALP_STORE_ROW_FUNC (authorisation, PALP_TYPE_AUTHORISATION)

/* Checks and messages ------------------------------------------------------ */

static gboolean
date_ok (const char  *iso,
         const char  *message,
         GError     **error)
{
  GDate date;

  if (iso != NULL && !palp_date_parse_iso (iso, &date))
    return palp_store_invalid (error, message);
  return TRUE;
}

static gboolean
flags_ok (gpointer            record,
          const char * const *props)
{
  for (guint i = 0; props[i] != NULL; i++)
    {
      gint64 v = palp_record_get_int (PALP_RECORD (record), props[i]);

      if (v != 0 && v != 1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_one_of (const char         *value,
           const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

/* Payers ------------------------------------------------------------------- */

#define PAYER_SELECT                                                           \
  "SELECT id, name, kind, electronic_id, address, phone, unit_rule,"           \
  " referral_required, preauth_required, in_network, active, note FROM payers"

GListModel *
palp_store_list_payers (PalpStore  *self,
                        gboolean    include_inactive,
                        GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, PAYER_SELECT " WHERE active = 1 OR ?1"
                           " ORDER BY name COLLATE NOCASE, id",
                     include_inactive ? 1 : 0, PALP_TYPE_PAYER, payer_row, error);
}

PalpPayer *
palp_store_load_payer (PalpStore  *self,
                       gint64      payer_id,
                       GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_load_by_id (self, PAYER_SELECT " WHERE id = ?1", payer_id, PALP_TYPE_PAYER, payer_row,
                                _("This payer no longer exists."), error);
}

static gboolean
validate_payer (PalpPayer  *payer,
                GError    **error)
{
  static const char *flags[] = {
    "referral-required", "preauth-required", "in-network", "active", NULL,
  };
  const char *electronic_id = palp_payer_get_string (payer, "electronic-id");
  PalpUnitRule rule;

  if (!palp_store_text_ok (palp_payer_get_string (payer, "name"), 120, TRUE, _("Name the payer."), error) ||
      !palp_store_text_ok (palp_payer_get_string (payer, "address"), 500, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_payer_get_string (payer, "phone"), 40, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_payer_get_string (payer, "note"), 2000, FALSE, NULL, error))
    return FALSE;
  if (palp_payer_kind_get_label (palp_payer_get_string (payer, "kind")) == NULL)
    return palp_store_invalid (error, _("Choose what kind of payer this is."));
  if (electronic_id != NULL
      && (strlen (electronic_id) > 20
          || strspn (electronic_id, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "abcdefghijklmnopqrstuvwxyz-") != strlen (electronic_id)))
    return palp_store_invalid (error, _("A payer ID has up to 20 letters, digits and hyphens."));
  if (!palp_unit_rule_from_string (palp_payer_get_string (payer, "unit-rule"), &rule, NULL))
    return palp_store_invalid (error, _("Choose how the payer counts units: the CMS 8-minute rule or per "
                             "code."));
  if (!flags_ok (payer, flags))
    return palp_store_invalid (error, _("A yes-or-no setting of the payer is neither."));
  return TRUE;
}

gboolean
palp_store_save_payer (PalpStore  *self,
                       PalpPayer  *payer,
                       GError    **error)
{
  static const char *props[] = {
    "name", "kind", "electronic-id", "address", "phone", "unit-rule", "referral-required",
    "preauth-required", "in-network", "active", "note", "id", NULL,
  };
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_PAYER (payer), FALSE);

  id = palp_payer_get_int (payer, "id");
  if (!validate_payer (payer, error) ||
      !palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  if (id != 0 && palp_store_query_int (self, "SELECT 1 FROM payers WHERE id = ?1", id, 0, 0) != 1)
    return palp_store_not_found (error, _("This payer no longer exists."));
  {
    g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self,
        "SELECT 1 FROM payers WHERE name = trim (?1) COLLATE NOCASE AND id != ?2", error);

    if (stmt == NULL)
      return FALSE;
    palp_store_bind_text (stmt, 1, palp_payer_get_string (payer, "name"));
    sqlite3_bind_int64 (stmt, 2, id);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      return palp_store_refuse (error, _("Another payer has this name already."));
  }

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO payers (name, kind, electronic_id, address, phone, unit_rule,"
                                  " referral_required, preauth_required, in_network, active, note)"
                                  " SELECT trim (?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 WHERE ?12 = 0"
                                : "UPDATE payers SET name = trim (?1), kind = ?2, electronic_id = ?3,"
                                  " address = ?4, phone = ?5, unit_rule = ?6, referral_required = ?7,"
                                  " preauth_required = ?8, in_network = ?9, active = ?10, note = ?11"
                                  " WHERE id = ?12",
                              payer, props, error);
  if (ok && id == 0)
    g_object_set (payer, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)), NULL);
  return palp_store_tx_end (self, ok, error);
}

GListModel *
palp_store_list_payer_fees (PalpStore  *self,
                            gint64      payer_id,
                            GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT payer_id, code, unit_price_cents FROM payer_fees"
                           " WHERE payer_id = ?1 ORDER BY code",
                     payer_id, PALP_TYPE_PAYER_FEE, fee_row, error);
}

gboolean
palp_store_set_payer_fee (PalpStore   *self,
                          gint64       payer_id,
                          const char  *code,
                          gint64       unit_price_cents,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (code == NULL || strlen (code) != 5 || strspn (code, "0123456789") != 5)
    return palp_store_invalid (error, _("A procedure code has five digits, such as 97140."));
  if (unit_price_cents > PALP_MONEY_MAX_CENTS)
    return palp_store_invalid (error, _("The price per unit is too large."));
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  if (palp_store_query_int (self, "SELECT 1 FROM payers WHERE id = ?1", payer_id, 0, 0) != 1)
    return palp_store_not_found (error, _("This payer no longer exists."));

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, unit_price_cents < 0
                                     ? "DELETE FROM payer_fees WHERE payer_id = ?1 AND code = ?2"
                                     : "INSERT INTO payer_fees (payer_id, code, unit_price_cents)"
                                       " VALUES (?1, ?2, ?3) ON CONFLICT (payer_id, code)"
                                       " DO UPDATE SET unit_price_cents = excluded.unit_price_cents"
                                       " WHERE unit_price_cents != excluded.unit_price_cents",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, payer_id);
      palp_store_bind_text (stmt, 2, code);
      if (unit_price_cents >= 0)
        sqlite3_bind_int64 (stmt, 3, unit_price_cents);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, error);
}

/* Policies ----------------------------------------------------------------- */

#define POLICY_SELECT                                                          \
  "SELECT p.id, p.client_id, p.payer_id, p.member_id, p.group_number,"         \
  " p.relationship, p.insured_name, p.insured_birth_date, p.priority,"         \
  " p.starts_on, p.ends_on, p.benefit_year_start, p.visit_limit,"              \
  " p.visit_counting, p.annual_max_cents, p.plan_percent,"                     \
  " p.per_visit_cap_cents, p.prior_on, p.prior_visits, p.prior_paid_cents,"    \
  " p.deductible_note, p.copay_note, p.claim_number, p.injury_date,"           \
  " p.injury_state, p.employer, p.adjuster, p.active, p.created_at,"           \
  " y.name AS payer_name, y.kind AS payer_kind"                                \
  " FROM policies p JOIN payers y ON y.id = p.payer_id"

GListModel *
palp_store_list_policies (PalpStore  *self,
                          gint64      client_id,
                          gboolean    include_ended,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, POLICY_SELECT " WHERE p.client_id = ?1 AND (p.active OR ?2)"
                                   " ORDER BY p.active DESC, p.priority = 'secondary', p.id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int (stmt, 2, include_ended ? 1 : 0);
  return palp_store_collect (self, stmt, PALP_TYPE_POLICY, policy_row, error);
}

PalpPolicy *
palp_store_load_policy (PalpStore  *self,
                        gint64      policy_id,
                        GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_load_by_id (self, POLICY_SELECT " WHERE p.id = ?1", policy_id, PALP_TYPE_POLICY, policy_row,
                                _("This policy no longer exists."), error);
}

static gboolean
validate_policy (PalpPolicy  *policy,
                 GError     **error)
{
  static const char *relationships[] = { "self", "spouse", "child", "other", NULL };
  static const char *priorities[] = { "primary", "secondary", NULL };
  const char *relationship = palp_policy_get_string (policy, "relationship");
  const char *starts = palp_policy_get_string (policy, "starts-on");
  const char *ends = palp_policy_get_string (policy, "ends-on");
  const char *state = palp_policy_get_string (policy, "injury-state");
  PalpVisitCounting counting;

  if (!palp_store_text_ok (palp_policy_get_string (policy, "member-id"), 40, TRUE,
                _("Give the member ID from the insurance card."), error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "group-number"), 40, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "insured-name"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "deductible-note"), 500, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "copay-note"), 500, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "claim-number"), 40, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "employer"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_policy_get_string (policy, "adjuster"), 200, FALSE, NULL, error))
    return FALSE;
  if (!is_one_of (relationship, relationships))
    return palp_store_invalid (error, _("Choose how the insured person is related to the client."));
  if (!g_str_equal (relationship, "self")
      && palp_policy_get_string (policy, "insured-name") == NULL)
    return palp_store_invalid (error, _("Name the insured person: the client is not the policy holder."));
  if (!is_one_of (palp_policy_get_string (policy, "priority"), priorities))
    return palp_store_invalid (error, _("Choose whether the policy is primary or secondary."));
  if (!palp_visit_counting_from_string (palp_policy_get_string (policy, "visit-counting"),
                                        &counting, NULL))
    return palp_store_invalid (error, _("Choose how the plan counts visits."));
  if (!date_ok (starts, _("The policy's start is not a real date."), error) ||
      !date_ok (ends, _("The policy's end is not a real date."), error) ||
      !date_ok (palp_policy_get_string (policy, "insured-birth-date"),
                _("The insured person's birth date is not a real date."), error) ||
      !date_ok (palp_policy_get_string (policy, "injury-date"),
                _("The date of the injury is not a real date."), error) ||
      !date_ok (palp_policy_get_string (policy, "prior-on"),
                _("The date of the earlier use is not a real date."), error))
    return FALSE;
  if (starts != NULL && ends != NULL && strcmp (ends, starts) < 0)
    return palp_store_invalid (error, _("The policy ends before it starts."));
  if (state != NULL && (strlen (state) != 2 || !g_ascii_isupper (state[0])
                        || !g_ascii_isupper (state[1])))
    return palp_store_invalid (error, _("Give the state or province of the injury as two capital letters."));
  if (palp_policy_get_int (policy, "benefit-year-start") > 12)
    return palp_store_invalid (error, _("The benefit year starts in a month from 1 to 12."));
  if (palp_policy_get_int (policy, "visit-limit") > 1000)
    return palp_store_invalid (error, _("A visit limit is at most 1,000 visits a year."));
  if (palp_policy_get_int (policy, "plan-percent") > 100)
    return palp_store_invalid (error, _("The plan pays at most the whole charge."));
  if (palp_policy_get_int (policy, "annual-max-cents") > PALP_MONEY_MAX_CENTS ||
      palp_policy_get_int (policy, "per-visit-cap-cents") > PALP_MONEY_MAX_CENTS ||
      palp_policy_get_int (policy, "prior-paid-cents") > PALP_MONEY_MAX_CENTS)
    return palp_store_invalid (error, _("An amount of the policy is too large."));
  if (palp_policy_get_int (policy, "prior-visits") > 1000)
    return palp_store_invalid (error, _("Visits used elsewhere are at most 1,000."));
  if ((palp_policy_get_int (policy, "prior-visits") != 0
       || palp_policy_get_int (policy, "prior-paid-cents") != 0)
      && palp_policy_get_string (policy, "prior-on") == NULL)
    return palp_store_invalid (error, _("Say on what date the visits and amounts used elsewhere were "
                             "counted."));
  if (palp_policy_get_int (policy, "active") > 1)
    return palp_store_invalid (error, _("A policy is active or ended."));
  return TRUE;
}

gboolean
palp_store_save_policy (PalpStore   *self,
                        PalpPolicy  *policy,
                        GError     **error)
{
  static const char *props[] = {
    "client-id", "payer-id", "member-id", "group-number", "relationship", "insured-name",
    "insured-birth-date", "priority", "starts-on", "ends-on", "benefit-year-start",
    "visit-limit?", "visit-counting", "annual-max-cents?", "plan-percent?",
    "per-visit-cap-cents?", "prior-on", "prior-visits", "prior-paid-cents", "deductible-note",
    "copay-note", "claim-number", "injury-date", "injury-state", "employer", "adjuster",
    "active", "created-at", "id", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  gint64 id, client_id, payer_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_POLICY (policy), FALSE);

  /* What a new policy means when left unsaid. */
  if (palp_policy_get_string (policy, "relationship") == NULL)
    g_object_set (policy, "relationship", "self", NULL);
  if (palp_policy_get_string (policy, "priority") == NULL)
    g_object_set (policy, "priority", "primary", NULL);
  if (palp_policy_get_string (policy, "visit-counting") == NULL)
    g_object_set (policy, "visit-counting", "per-visit", NULL);
  if (palp_policy_get_int (policy, "benefit-year-start") == 0)
    g_object_set (policy, "benefit-year-start", (gint64) 1, NULL);

  id = palp_policy_get_int (policy, "id");
  client_id = palp_policy_get_int (policy, "client-id");
  payer_id = palp_policy_get_int (policy, "payer-id");
  if (!validate_policy (policy, error))
    return FALSE;
  if (palp_store_query_int (self, "SELECT 1 FROM clients WHERE id = ?1", client_id, 0, 0) != 1)
    return palp_store_not_found (error, _("This client no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLIENTS, 0, error))
    return FALSE;
  if (id != 0 && palp_store_query_int (self,
                                       "SELECT client_id FROM policies WHERE id = ?1", id, 0, 0)
                   != client_id)
    return palp_store_not_found (error, _("This policy no longer exists."));
  switch (palp_store_query_int (self, "SELECT active FROM payers WHERE id = ?1", payer_id, 0, -1))
    {
    case -1:
      return palp_store_invalid (error, _("Choose the payer of the policy."));
    case 0:
      if (id == 0 || palp_store_query_int (self,
                                           "SELECT payer_id FROM policies WHERE id = ?1", id, 0, 0)
                       != payer_id)
        return palp_store_refuse (error, _("This payer is retired: choose another, or bring it back in "
                                "Preferences."));
      break;
    default:
      break;
    }
  if (palp_policy_get_int (policy, "active") == 1)
    {
      g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self,
          "SELECT 1 FROM policies WHERE client_id = ?1 AND priority = ?2 AND active = 1"
          " AND id != ?3", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, client_id);
      palp_store_bind_text (stmt, 2, palp_policy_get_string (policy, "priority"));
      sqlite3_bind_int64 (stmt, 3, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return palp_store_refuse (error, g_str_equal (palp_policy_get_string (policy, "priority"), "primary")
                                ? _("The client has an active primary policy already: end it "
                                    "first, or make this one secondary.")
                                : _("The client has an active secondary policy already: end "
                                    "it first."));
    }
  if (palp_policy_get_string (policy, "created-at") == NULL)
    g_object_set (policy, "created-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO policies (client_id, payer_id, member_id, group_number,"
                                  " relationship, insured_name, insured_birth_date, priority, starts_on,"
                                  " ends_on, benefit_year_start, visit_limit, visit_counting,"
                                  " annual_max_cents, plan_percent, per_visit_cap_cents, prior_on,"
                                  " prior_visits, prior_paid_cents, deductible_note, copay_note,"
                                  " claim_number, injury_date, injury_state, employer, adjuster, active,"
                                  " created_at) SELECT ?1, ?2, trim (?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                  " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
                                  " ?25, ?26, ?27, ?28 WHERE ?29 = 0"
                                : "UPDATE policies SET payer_id = ?2, member_id = trim (?3),"
                                  " group_number = ?4, relationship = ?5, insured_name = ?6,"
                                  " insured_birth_date = ?7, priority = ?8, starts_on = ?9, ends_on = ?10,"
                                  " benefit_year_start = ?11, visit_limit = ?12, visit_counting = ?13,"
                                  " annual_max_cents = ?14, plan_percent = ?15, per_visit_cap_cents = ?16,"
                                  " prior_on = ?17, prior_visits = ?18, prior_paid_cents = ?19,"
                                  " deductible_note = ?20, copay_note = ?21, claim_number = ?22,"
                                  " injury_date = ?23, injury_state = ?24, employer = ?25, adjuster = ?26,"
                                  " active = ?27 WHERE id = ?29 AND client_id = ?1 AND ?28 IS NOT NULL",
                              policy, props, error);
  if (ok && id == 0)
    g_object_set (policy, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)), NULL);
  return palp_store_tx_end (self, ok, error);
}

/* Signatures on file ------------------------------------------------------- */

GListModel *
palp_store_list_benefit_signatures (PalpStore  *self,
                                    gint64      client_id,
                                    GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT id, client_id, policy_id, kind, signed_by_name, signature,"
                           " typed_name, attested, signed_on, recorded_at, recorded_by"
                           " FROM benefit_signatures WHERE client_id = ?1"
                           " ORDER BY signed_on DESC, id DESC",
                     client_id, PALP_TYPE_BENEFIT_SIGNATURE, signature_row, error);
}

gboolean
palp_store_add_benefit_signature (PalpStore            *self,
                                  PalpBenefitSignature *signature,
                                  GError              **error)
{
  static const char *kinds[] = { "assignment", "release", NULL };
  static const char *props[] = {
    "client-id", "policy-id?", "kind", "signed-by-name", "signature", "typed-name", "attested",
    "signed-on", "recorded-at", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  const char *strokes = palp_benefit_signature_get_string (signature, "signature");
  gint64 client_id, policy_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_BENEFIT_SIGNATURE (signature), FALSE);

  client_id = palp_benefit_signature_get_int (signature, "client-id");
  policy_id = palp_benefit_signature_get_int (signature, "policy-id");
  if (palp_benefit_signature_get_int (signature, "id") != 0)
    return palp_store_refuse (error, _("A signed form is never changed; record a new one."));
  if (!is_one_of (palp_benefit_signature_get_string (signature, "kind"), kinds))
    return palp_store_invalid (error, _("Choose an assignment of benefits or a release of information."));
  if (!palp_store_text_ok (palp_benefit_signature_get_string (signature, "signed-by-name"), 120, TRUE,
                _("Name who signed."), error) ||
      !palp_store_text_ok (palp_benefit_signature_get_string (signature, "typed-name"), 120, FALSE, NULL,
                error))
    return FALSE;
  if (palp_benefit_signature_get_string (signature, "signed-on") == NULL ||
      !date_ok (palp_benefit_signature_get_string (signature, "signed-on"),
                _("The date of the signature is not a real date."), error))
    return palp_benefit_signature_get_string (signature, "signed-on") == NULL
             ? palp_store_invalid (error, _("Date the signature.")) : FALSE;
  if (strokes == NULL
      && (palp_benefit_signature_get_string (signature, "typed-name") == NULL
          || palp_benefit_signature_get_int (signature, "attested") != 1))
    return palp_store_invalid (error, _("Sign with a drawing, or type the name and confirm it is the "
                             "signature."));
  if (strokes != NULL && (strokes[0] != '[' || strlen (strokes) > 200000))
    return palp_store_invalid (error, _("The drawn signature is damaged; sign again."));
  if (palp_benefit_signature_get_int (signature, "attested") > 1)
    return palp_store_invalid (error, _("A signature is attested or not."));
  if (palp_store_query_int (self, "SELECT 1 FROM clients WHERE id = ?1", client_id, 0, 0) != 1)
    return palp_store_not_found (error, _("This client no longer exists."));
  if (policy_id != 0
      && palp_store_query_int (self,
                               "SELECT client_id FROM policies WHERE id = ?1", policy_id, 0, 0)
           != client_id)
    return palp_store_invalid (error, _("Choose one of the client's own policies."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLIENTS, 0, error))
    return FALSE;
  g_object_set (signature, "recorded-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, "INSERT INTO benefit_signatures (client_id, policy_id, kind,"
                                    " signed_by_name, signature, typed_name, attested, signed_on,"
                                    " recorded_at, recorded_by) VALUES (?1, ?2, ?3, trim (?4), ?5, ?6, ?7,"
                                    " ?8, ?9, palp_actor ())",
                              signature, props, error);
  if (ok)
    g_object_set (signature, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)),
                  "recorded-by", palp_store_get_actor (self), NULL);
  return palp_store_tx_end (self, ok, error);
}

gboolean
palp_store_signature_on_file (PalpStore   *self,
                              gint64       policy_id,
                              const char  *kind)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  stmt = palp_store_prepare (self, "SELECT 1 FROM benefit_signatures s"
                                   " JOIN policies p ON p.client_id = s.client_id"
                                   " WHERE p.id = ?1 AND s.kind = ?2"
                                   " AND (s.policy_id IS NULL OR s.policy_id = p.id)",
                             NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, policy_id);
  palp_store_bind_text (stmt, 2, kind);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Authorisations ----------------------------------------------------------- */

#define AUTHORISATION_SELECT                                                   \
  "SELECT a.id, a.policy_id, a.number, a.unit, a.authorised, a.starts_on,"     \
  " a.ends_on, a.note, a.created_at,"                                          \
  " (SELECT coalesce (sum (amount), 0) FROM authorisation_uses u"              \
  "  WHERE u.authorisation_id = a.id) AS used"                                 \
  " FROM authorisations a"

GListModel *
palp_store_list_authorisations (PalpStore  *self,
                                gint64      policy_id,
                                GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, AUTHORISATION_SELECT " WHERE a.policy_id = ?1"
                           " ORDER BY a.starts_on DESC, a.id DESC",
                     policy_id, PALP_TYPE_AUTHORISATION, authorisation_row, error);
}

gboolean
palp_store_save_authorisation (PalpStore          *self,
                               PalpAuthorisation  *authorisation,
                               GError            **error)
{
  static const char *units[] = { "visits", "units", NULL };
  static const char *props[] = {
    "policy-id", "number", "unit", "authorised", "starts-on", "ends-on", "note", "created-at",
    "id", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  const char *starts = palp_authorisation_get_string (authorisation, "starts-on");
  const char *ends = palp_authorisation_get_string (authorisation, "ends-on");
  gint64 id, policy_id, authorised;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_AUTHORISATION (authorisation), FALSE);

  if (palp_authorisation_get_string (authorisation, "unit") == NULL)
    g_object_set (authorisation, "unit", "visits", NULL);
  id = palp_authorisation_get_int (authorisation, "id");
  policy_id = palp_authorisation_get_int (authorisation, "policy-id");
  authorised = palp_authorisation_get_int (authorisation, "authorised");

  if (!palp_store_text_ok (palp_authorisation_get_string (authorisation, "number"), 50, TRUE,
                _("Give the authorisation number."), error) ||
      !palp_store_text_ok (palp_authorisation_get_string (authorisation, "note"), 2000, FALSE, NULL, error))
    return FALSE;
  if (!is_one_of (palp_authorisation_get_string (authorisation, "unit"), units))
    return palp_store_invalid (error, _("Say whether visits or units are authorised."));
  if (authorised < 1 || authorised > 1000)
    return palp_store_invalid (error, _("Authorise from 1 to 1,000 visits or units."));
  if (starts == NULL || ends == NULL)
    return palp_store_invalid (error, _("Give the first and last day the authorisation covers."));
  if (!date_ok (starts, _("The authorisation's first day is not a real date."), error) ||
      !date_ok (ends, _("The authorisation's last day is not a real date."), error))
    return FALSE;
  if (strcmp (ends, starts) < 0)
    return palp_store_invalid (error, _("The authorisation ends before it starts."));
  if (palp_store_query_int (self, "SELECT 1 FROM policies WHERE id = ?1", policy_id, 0, 0) != 1)
    return palp_store_not_found (error, _("This policy no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLIENTS, 0, error))
    return FALSE;
  if (id != 0)
    {
      if (palp_store_query_int (self,
                                "SELECT policy_id FROM authorisations WHERE id = ?1", id, 0, 0)
            != policy_id)
        return palp_store_not_found (error, _("This authorisation no longer exists."));
      if (palp_store_query_int (self, "SELECT coalesce (sum (amount), 0) FROM authorisation_uses"
                                      " WHERE authorisation_id = ?1", id, 0, 0) > authorised)
        return palp_store_refuse (error, _("More has been used than this would authorise."));
      if (palp_store_query_int (self, "SELECT count (*) FROM authorisation_uses u"
                                      " JOIN visits v ON v.id = u.visit_id"
                                      " WHERE u.authorisation_id = ?1", id, 0, 0) > 0)
        {
          g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self,
              "SELECT 1 FROM authorisation_uses u JOIN visits v ON v.id = u.visit_id"
              " WHERE u.authorisation_id = ?1 AND date (v.starts_at) NOT BETWEEN ?2 AND ?3",
              error);

          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          palp_store_bind_text (stmt, 2, starts);
          palp_store_bind_text (stmt, 3, ends);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            return palp_store_refuse (error, _("A visit already counted falls outside these dates."));
        }
    }
  if (palp_authorisation_get_string (authorisation, "created-at") == NULL)
    g_object_set (authorisation, "created-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO authorisations (policy_id, number, unit, authorised,"
                                  " starts_on, ends_on, note, created_at) SELECT ?1, trim (?2), ?3, ?4, ?5,"
                                  " ?6, ?7, ?8 WHERE ?9 = 0"
                                : "UPDATE authorisations SET number = trim (?2), unit = ?3, authorised = ?4,"
                                  " starts_on = ?5, ends_on = ?6, note = ?7"
                                  " WHERE id = ?9 AND policy_id = ?1 AND ?8 IS NOT NULL",
                              authorisation, props, error);
  if (ok && id == 0)
    g_object_set (authorisation, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)),
                  NULL);
  return palp_store_tx_end (self, ok, error);
}

/* The units a visit's timed therapeutic codes bill by @rule. */
static gboolean
visit_units (PalpStore     *self,
             gint64         visit_id,
             PalpUnitRule   rule,
             gint64        *out_units,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (PalpUnitLine));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  gint64 total = 0;
  int rc;

  stmt = palp_store_prepare (self, "SELECT s.cpt_code, max (s.timed), sum (l.minutes)"
                                   " FROM visit_lines l JOIN services s ON s.id = l.service_id"
                                   " WHERE l.visit_id = ?1 AND l.category = 'therapeutic'"
                                   " AND s.cpt_code IS NOT NULL"
                                   " GROUP BY s.cpt_code ORDER BY s.cpt_code",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalpUnitLine line = { 0 };

      g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      line.timed = sqlite3_column_int (stmt, 1) != 0;
      line.minutes = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, PALP_UNITS_MAX_MINUTES);
      g_array_append_val (lines, line);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  for (guint i = 0; i < lines->len; i++)
    g_array_index (lines, PalpUnitLine, i).code = g_ptr_array_index (codes, i);
  if (!palp_units_compute (rule, (PalpUnitLine *) lines->data, lines->len, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    total += g_array_index (lines, PalpUnitLine, i).units;
  *out_units = total;
  return TRUE;
}

gboolean
palp_store_use_authorisation (PalpStore  *self,
                              gint64      authorisation_id,
                              gint64      visit_id,
                              gint64     *out_amount,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *unit = NULL, *rule_text = NULL, *starts = NULL, *ends = NULL;
  g_autofree char *visit_day = NULL, *status = NULL, *now = palp_store_now_string ();
  gint64 authorised, used, amount = 1;
  gboolean ok;
  PalpUnitRule rule;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  stmt = palp_store_prepare (self, "SELECT a.unit, y.unit_rule, a.starts_on, a.ends_on,"
                                   " a.authorised, (SELECT coalesce (sum (amount), 0)"
                                   "  FROM authorisation_uses WHERE authorisation_id = a.id),"
                                   " date (v.starts_at), v.status, p.client_id = v.client_id"
                                   " FROM authorisations a JOIN policies p ON p.id = a.policy_id"
                                   " JOIN payers y ON y.id = p.payer_id, visits v"
                                   " WHERE a.id = ?1 AND v.id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, authorisation_id);
  sqlite3_bind_int64 (stmt, 2, visit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return palp_store_not_found (error, _("This authorisation or visit no longer exists."));
  unit = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  rule_text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  starts = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  ends = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  authorised = sqlite3_column_int64 (stmt, 4);
  used = sqlite3_column_int64 (stmt, 5);
  visit_day = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  status = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  if (sqlite3_column_int (stmt, 8) != 1)
    return palp_store_refuse (error, _("The visit is another client's."));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!g_str_equal (status, "attended"))
    return palp_store_refuse (error, _("Only an attended visit uses an authorisation."));
  if (strcmp (visit_day, starts) < 0 || strcmp (visit_day, ends) > 0)
    return palp_store_refuse (error, _("The visit is outside the authorisation's dates."));
  if (palp_store_query_int (self, "SELECT 1 FROM authorisation_uses WHERE authorisation_id = ?1"
                                  " AND visit_id = ?2", authorisation_id, visit_id, 0) == 1)
    return palp_store_refuse (error, _("This visit is counted against the authorisation already."));
  if (g_str_equal (unit, "units"))
    {
      if (!palp_unit_rule_from_string (rule_text, &rule, error) ||
          !visit_units (self, visit_id, rule, &amount, error))
        return FALSE;
      if (amount == 0)
        return palp_store_refuse (error, _("The visit bills no timed units to count."));
    }
  if (used + amount > authorised)
    return palp_store_refuse (error, _("The authorisation has not enough left for this visit."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLIENTS, 0, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "INSERT INTO authorisation_uses (authorisation_id, visit_id,"
                                   " amount, recorded_at) VALUES (?1, ?2, ?3, ?4)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, authorisation_id);
      sqlite3_bind_int64 (stmt, 2, visit_id);
      sqlite3_bind_int64 (stmt, 3, amount);
      palp_store_bind_text (stmt, 4, now);
      ok = palp_store_step_done (self, stmt, error);
    }
  if (!palp_store_tx_end (self, ok, error))
    return FALSE;
  if (out_amount != NULL)
    *out_amount = amount;
  return TRUE;
}
