/* palp-store-claims.c: insurance claims, from draft to closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-coverage.h"
#include "palp-date.h"
#include "palp-money.h"
#include "palp-npi.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"
#include "palp-units.h"

/* Most visits one claim is built from. */
#define MAX_VISITS 100

PALP_STORE_ROW_FUNC (claim, PALP_TYPE_CLAIM)
PALP_STORE_ROW_FUNC (claim_line, PALP_TYPE_CLAIM_LINE)
PALP_STORE_ROW_FUNC (follow_up, PALP_TYPE_CLAIM_FOLLOW_UP)

#define CLAIM_COLUMNS                                                          \
  "c.id, c.number, c.client_id, c.policy_id, c.payer_id, c.rendering_id,"      \
  " c.status, c.place_of_service, c.referring_name, c.referring_npi,"          \
  " c.authorisation_id, c.authorisation_number, c.resubmission_code,"          \
  " c.original_claim_id, c.original_reference, c.first_service_on,"            \
  " c.last_service_on, c.charge_cents, c.paid_cents, c.adjusted_cents,"        \
  " c.submitted_on, c.submitted_method, c.payer_reference, c.responded_on,"    \
  " c.denial_reason, c.appeal_deadline, c.appealed_on, c.note, c.created_by,"  \
  " c.created_at, c.updated_at,"                                               \
  " k.family_name || ', ' || k.given_name AS client_name,"                     \
  " y.name AS payer_name,"                                                     \
  " (SELECT group_concat (code, ',') FROM (SELECT code FROM claim_diagnoses"   \
  "   WHERE claim_id = c.id ORDER BY position)) AS diagnosis_codes,"           \
  " (SELECT count (*) FROM claim_lines WHERE claim_id = c.id) AS n_lines"

#define CLAIM_FROM                                                             \
  " FROM claims c JOIN clients k ON k.id = c.client_id"                        \
  " JOIN payers y ON y.id = c.payer_id"

#define CLAIM_SELECT "SELECT " CLAIM_COLUMNS CLAIM_FROM

#define OPEN_STATUSES "('submitted', 'partially-paid', 'denied', 'appealed')"

/* Helpers ------------------------------------------------------------------ */

static gboolean
exec_bound (PalpStore    *self,
            sqlite3_stmt *stmt,
            GError      **error)
{
  return palp_store_step_done (self, stmt, error);
}

/* @on, or today when NULL; FALSE with @error when not a date. */
static gboolean
date_or_today (const char  *on,
               char       **out,
               GError     **error)
{
  GDate date;

  if (on == NULL)
    {
      *out = palp_date_today_iso ();
      return TRUE;
    }
  if (!palp_date_parse_iso (on, &date))
    return palp_store_invalid (error, _("The date is not a real date."));
  *out = palp_date_to_iso (&date);
  return TRUE;
}

static char *
date_add_days (const char *iso,
               int         days)
{
  GDate date;

  if (!palp_date_parse_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return palp_date_to_iso (&date);
}

/* A claim's status, or FALSE with NOT_FOUND. */
static gboolean
claim_status (PalpStore        *self,
              gint64            claim_id,
              PalpClaimStatus  *out_status,
              GError          **error)
{
  g_autofree char *text = NULL;

  text = palp_store_query_text (self, "SELECT status FROM claims WHERE id = ?1", claim_id);
  if (text == NULL)
    return palp_store_not_found (error, _("This claim no longer exists."));
  return palp_claim_status_from_string (text, out_status, error);
}

/* Runs @body between a batch and a savepoint of its own, so that the
 * store's own saves it calls (authorisation uses) join it and a failure
 * anywhere rolls back everything it wrote. */
static gboolean
outer_begin (PalpStore  *self,
             GError    **error)
{
  if (!palp_store_begin (self, error))
    return FALSE;
  if (!palp_store_tx_begin (self, error))
    {
      palp_store_commit (self, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
outer_end (PalpStore  *self,
           gboolean    ok,
           GError    **error)
{
  ok = palp_store_tx_end (self, ok, error);
  if (!palp_store_commit (self, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

/* Settings ----------------------------------------------------------------- */

void
palp_claim_settings_free (PalpClaimSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->billing_npi);
  g_free (settings->place_of_service);
  g_free (settings);
}

PalpClaimSettings *
palp_store_get_claim_settings (PalpStore  *self,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PalpClaimSettings *settings;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT billing_npi, coalesce (unit_fee_cents, -1),"
                                   " place_of_service, appeal_days, follow_up_days"
                                   " FROM claim_settings WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      palp_store_not_found (error, _("The clinic’s claim settings are missing."));
      return NULL;
    }
  settings = g_new0 (PalpClaimSettings, 1);
  settings->billing_npi = palp_store_column_dup (stmt, 0);
  settings->unit_fee_cents = sqlite3_column_int64 (stmt, 1);
  settings->place_of_service = palp_store_column_dup (stmt, 2);
  settings->appeal_days = (guint) sqlite3_column_int (stmt, 3);
  settings->follow_up_days = (guint) sqlite3_column_int (stmt, 4);
  return settings;
}

static gboolean
place_ok (const char *place)
{
  return place != NULL && strlen (place) == 2 && g_ascii_isdigit (place[0])
         && g_ascii_isdigit (place[1]);
}

gboolean
palp_store_set_claim_settings (PalpStore                *self,
                               const PalpClaimSettings  *settings,
                               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->billing_npi != NULL && *settings->billing_npi != '\0'
      && !palp_npi_validate (settings->billing_npi, &local))
    return palp_store_invalid (error, local->message);
  if (settings->unit_fee_cents > PALP_MONEY_MAX_CENTS)
    return palp_store_invalid (error, _("The price per unit is too large."));
  if (!place_ok (settings->place_of_service))
    return palp_store_invalid (error, _("A place of service is two digits, such as 11 for an "
                                        "office."));
  if (settings->appeal_days < 1 || settings->appeal_days > 3650)
    return palp_store_invalid (error, _("Allow from 1 to 3,650 days for an appeal."));
  if (settings->follow_up_days < 1 || settings->follow_up_days > 365)
    return palp_store_invalid (error, _("Follow up after 1 to 365 days."));
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE claim_settings SET billing_npi = ?1,"
                                   " unit_fee_cents = ?2, place_of_service = ?3, appeal_days = ?4,"
                                   " follow_up_days = ?5 WHERE id = 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      palp_store_bind_text (stmt, 1, settings->billing_npi);
      if (settings->unit_fee_cents >= 0)
        sqlite3_bind_int64 (stmt, 2, settings->unit_fee_cents);
      palp_store_bind_text (stmt, 3, settings->place_of_service);
      sqlite3_bind_int (stmt, 4, (int) settings->appeal_days);
      sqlite3_bind_int (stmt, 5, (int) settings->follow_up_days);
      ok = exec_bound (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, error);
}

/* Building ----------------------------------------------------------------- */

typedef struct
{
  char     *service_on;
  char     *code;
  gboolean  timed;
  guint     minutes;
  gint64    visit_id;
  gint64    visit_line_id;
  gint64    service_fee_cents;
  gint64    service_minutes;
  gint64    unit_price_cents;
  guint     units;
} BuildLine;

static void
build_line_free (gpointer data)
{
  BuildLine *line = data;

  if (line == NULL)
    return;
  g_free (line->service_on);
  g_free (line->code);
  g_free (line);
}

static gint
compare_build_lines (gconstpointer a,
                     gconstpointer b)
{
  const BuildLine *x = *(const BuildLine **) a;
  const BuildLine *y = *(const BuildLine **) b;
  int c = strcmp (x->service_on, y->service_on);

  return c != 0 ? c : strcmp (x->code, y->code);
}

/* A visit's therapeutic codes, their minutes fitted to the note's, added
 * into @by_key ("date|code"). */
static gboolean
add_visit_lines (PalpStore    *self,
                 gint64        visit_id,
                 const char   *day,
                 guint         documented,
                 GHashTable   *by_key,
                 GPtrArray    *lines,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (build_line_free);
  g_autoptr(GArray) timed_minutes = g_array_new (FALSE, TRUE, sizeof (guint));
  guint timed_index = 0;
  int rc;

  stmt = palp_store_prepare (self, "SELECT l.id, s.cpt_code, s.timed, l.minutes, s.fee_cents,"
                                   " s.duration_minutes FROM visit_lines l"
                                   " JOIN services s ON s.id = l.service_id"
                                   " WHERE l.visit_id = ?1 AND l.category = 'therapeutic'"
                                   " AND s.cpt_code IS NOT NULL ORDER BY s.cpt_code, l.id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      BuildLine *last = own->len > 0 ? g_ptr_array_index (own, own->len - 1) : NULL;
      guint minutes = (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, PALP_UNITS_MAX_MINUTES);

      if (last != NULL && g_str_equal (last->code, code))
        {
          last->minutes = MIN (last->minutes + minutes, PALP_UNITS_MAX_MINUTES);
          continue;
        }
      last = g_new0 (BuildLine, 1);
      last->service_on = g_strdup (day);
      last->code = g_strdup (code);
      last->timed = sqlite3_column_int (stmt, 2) != 0;
      last->minutes = minutes;
      last->visit_id = visit_id;
      last->visit_line_id = sqlite3_column_int64 (stmt, 0);
      last->service_fee_cents = sqlite3_column_int64 (stmt, 4);
      last->service_minutes = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (own, last);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);

  /* Billed minutes never exceed documented ones. */
  for (guint i = 0; i < own->len; i++)
    {
      BuildLine *line = g_ptr_array_index (own, i);

      if (line->timed)
        g_array_append_val (timed_minutes, line->minutes);
    }
  palp_claim_fit_minutes ((guint *) (gpointer) timed_minutes->data, timed_minutes->len,
                          documented);
  for (guint i = 0; i < own->len; i++)
    {
      BuildLine *line = g_ptr_array_index (own, i);
      g_autofree char *key = g_strconcat (line->service_on, "|", line->code, NULL);
      BuildLine *same;

      if (line->timed)
        line->minutes = g_array_index (timed_minutes, guint, timed_index++);
      else
        line->minutes = 0;
      if ((same = g_hash_table_lookup (by_key, key)) != NULL)
        {
          same->minutes = MIN (same->minutes + line->minutes, PALP_UNITS_MAX_MINUTES);
          continue;
        }
      g_hash_table_insert (by_key, g_steal_pointer (&key), line);
      g_ptr_array_add (lines, line);
      own->pdata[i] = NULL;
    }
  return TRUE;
}

/* The client's active primary policy, or @policy_id; checked to cover the
 * dates. Writes its payer and the payer's unit rule. */
static gboolean
claim_policy (PalpStore     *self,
              gint64         client_id,
              gint64        *inout_policy_id,
              const char    *first,
              const char    *last,
              gint64        *out_payer_id,
              PalpUnitRule  *out_rule,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *starts, *ends;

  if (*inout_policy_id == 0)
    {
      *inout_policy_id = palp_store_query_int (self, "SELECT id FROM policies WHERE client_id = ?1"
                                                     " AND active = 1 AND priority = 'primary'",
                                               client_id, 0, 0);
      if (*inout_policy_id == 0)
        return palp_store_refuse (error, _("The client has no active primary policy to bill."));
    }
  stmt = palp_store_prepare (self, "SELECT p.client_id, p.payer_id, p.active, p.starts_on,"
                                   " p.ends_on, y.unit_rule FROM policies p"
                                   " JOIN payers y ON y.id = p.payer_id WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *inout_policy_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return palp_store_not_found (error, _("This policy no longer exists."));
  if (sqlite3_column_int64 (stmt, 0) != client_id)
    return palp_store_refuse (error, _("The policy is another client’s."));
  if (sqlite3_column_int (stmt, 2) != 1)
    return palp_store_refuse (error, _("The policy has ended: choose an active one."));
  starts = (const char *) sqlite3_column_text (stmt, 3);
  ends = (const char *) sqlite3_column_text (stmt, 4);
  if ((starts != NULL && strcmp (first, starts) < 0) || (ends != NULL && strcmp (last, ends) > 0))
    return palp_store_refuse (error, _("The policy does not cover every date of service."));
  *out_payer_id = sqlite3_column_int64 (stmt, 1);
  return palp_unit_rule_from_string ((const char *) sqlite3_column_text (stmt, 5), out_rule,
                                     error);
}

/* The price of one unit of @line's code: the payer's fee schedule, else
 * the clinic's per-unit fee, else the service's fee per 15 minutes (its
 * whole fee for an untimed code). */
static gint64
unit_price (PalpStore        *self,
            gint64            payer_id,
            const BuildLine  *line,
            gint64            clinic_unit_fee)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, "SELECT unit_price_cents FROM payer_fees"
                                                           " WHERE payer_id = ?1 AND code = ?2",
                                                     NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, payer_id);
      palp_store_bind_text (stmt, 2, line->code);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return sqlite3_column_int64 (stmt, 0);
    }
  if (clinic_unit_fee >= 0)
    return clinic_unit_fee;
  if (!line->timed || line->service_minutes < 15)
    return line->service_fee_cents;
  return (line->service_fee_cents * 15 + line->service_minutes / 2) / line->service_minutes;
}

static char *
next_number (PalpStore *self)
{
  gint64 next = palp_store_query_int (self,
                                      "SELECT coalesce (max (id), 0) + 1 FROM claims", 0, 0, 1);

  return g_strdup_printf ("CLM-%05" G_GINT64_FORMAT, next);
}

/* Inserts the claim's row; its id to @out_id. */
static gboolean
insert_claim (PalpStore   *self,
              gint64       client_id,
              gint64       policy_id,
              gint64       payer_id,
              gint64       rendering_id,
              const char  *place,
              const char  *referring_name,
              const char  *referring_npi,
              gint64       authorisation_id,
              const char  *authorisation_number,
              const char  *resubmission_code,
              gint64       original_claim_id,
              const char  *original_reference,
              const char  *first,
              const char  *last,
              gint64      *out_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();
  g_autofree char *number = next_number (self);

  stmt = palp_store_prepare (self, "INSERT INTO claims (number, client_id, policy_id, payer_id,"
                                   " rendering_id, place_of_service, referring_name, referring_npi,"
                                   " authorisation_id, authorisation_number, resubmission_code,"
                                   " original_claim_id, original_reference, first_service_on,"
                                   " last_service_on, created_by, created_at, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                   " ?14, ?15, palp_actor (), ?16, ?16)", error);
  if (stmt == NULL)
    return FALSE;
  palp_store_bind_text (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, client_id);
  sqlite3_bind_int64 (stmt, 3, policy_id);
  sqlite3_bind_int64 (stmt, 4, payer_id);
  sqlite3_bind_int64 (stmt, 5, rendering_id);
  palp_store_bind_text (stmt, 6, place);
  palp_store_bind_text (stmt, 7, referring_name);
  palp_store_bind_text (stmt, 8, referring_npi);
  if (authorisation_id > 0)
    sqlite3_bind_int64 (stmt, 9, authorisation_id);
  palp_store_bind_text (stmt, 10, authorisation_number);
  palp_store_bind_text (stmt, 11, resubmission_code);
  if (original_claim_id > 0)
    sqlite3_bind_int64 (stmt, 12, original_claim_id);
  palp_store_bind_text (stmt, 13, original_reference);
  palp_store_bind_text (stmt, 14, first);
  palp_store_bind_text (stmt, 15, last);
  palp_store_bind_text (stmt, 16, now);
  if (!exec_bound (self, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  return TRUE;
}

static gboolean
insert_line (PalpStore        *self,
             gint64            claim_id,
             guint             position,
             const BuildLine  *line,
             const char       *modifiers,
             const char       *pointers,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = palp_store_prepare (self, "INSERT INTO claim_lines (claim_id, position, visit_id,"
                                   " visit_line_id, service_on, code, modifiers, units, minutes,"
                                   " pointers, unit_price_cents, charge_cents)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11 * ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_int64 (stmt, 3, line->visit_id);
  sqlite3_bind_int64 (stmt, 4, line->visit_line_id);
  palp_store_bind_text (stmt, 5, line->service_on);
  palp_store_bind_text (stmt, 6, line->code);
  palp_store_bind_text (stmt, 7, modifiers);
  sqlite3_bind_int (stmt, 8, (int) line->units);
  sqlite3_bind_int (stmt, 9, (int) line->minutes);
  palp_store_bind_text (stmt, 10, pointers);
  sqlite3_bind_int64 (stmt, 11, line->unit_price_cents);
  return exec_bound (self, stmt, error);
}

/* The client's current diagnoses, primary first, up to twelve (A–L). */
static gboolean
insert_diagnoses (PalpStore  *self,
                  gint64      claim_id,
                  gint64      client_id,
                  guint      *out_n,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = palp_store_prepare (self, "INSERT INTO claim_diagnoses (claim_id, position, diagnosis_id,"
                                   " code) SELECT ?1, row_number () OVER (ORDER BY is_primary DESC,"
                                   " id) - 1, id, code FROM diagnoses"
                                   " WHERE client_id = ?2 AND archived = 0"
                                   " ORDER BY is_primary DESC, id LIMIT 12", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, client_id);
  if (!exec_bound (self, stmt, error))
    return FALSE;
  *out_n = (guint) sqlite3_changes (palp_store_get_db (self));
  return TRUE;
}

PalpClaim *
palp_store_build_claim (PalpStore     *self,
                        const gint64  *visit_ids,
                        guint          n_visits,
                        gint64         policy_id,
                        GError       **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (build_line_free);
  g_autoptr(GPtrArray) billed = g_ptr_array_new ();
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_autofree char *first = NULL, *last = NULL, *referring_name = NULL, *referring_npi = NULL;
  g_autofree char *authorisation_number = NULL;
  gint64 client_id = 0, rendering_id = 0, payer_id = 0, authorisation_id = 0, claim_id = 0;
  PalpUnitRule rule = PALP_UNIT_RULE_CMS;
  guint n_diagnoses = 0;
  char pointers[PALP_CLAIM_FORM_MAX_POINTERS + 1] = { 0 };
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (visit_ids != NULL || n_visits == 0, NULL);

  if (n_visits == 0)
    {
      palp_store_invalid (error, _("Choose the visits to bill."));
      return NULL;
    }
  if (n_visits > MAX_VISITS)
    {
      palp_store_invalid (error, _("A claim is built from at most 100 visits."));
      return NULL;
    }
  for (guint i = 0; i < n_visits; i++)
    for (guint j = 0; j < i; j++)
      if (visit_ids[i] == visit_ids[j])
        {
          palp_store_invalid (error, _("A visit is named twice."));
          return NULL;
        }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error) ||
      !(settings = palp_store_get_claim_settings (self, error)))
    return NULL;

  for (guint i = 0; i < n_visits; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *day = NULL, *message = NULL, *on_claim = NULL;
      const char *status;
      guint documented;

      stmt = palp_store_prepare (self, "SELECT v.client_id, v.practitioner_id, v.status,"
                                       " date (v.starts_at),"
                                       " EXISTS (SELECT 1 FROM visit_signatures s"
                                       "  WHERE s.visit_id = v.id),"
                                       " (SELECT coalesce (sum (CAST (json_extract (t.value,"
                                       "  '$.minutes') AS INTEGER)), 0)"
                                       "  FROM soap_notes n, json_each (n.techniques) t"
                                       "  WHERE n.visit_id = v.id),"
                                       " (SELECT c.number FROM claim_lines l"
                                       "  JOIN claims c ON c.id = l.claim_id WHERE l.visit_id = v.id"
                                       "  AND c.status != 'void' AND c.resubmission_code IS NOT '8'"
                                       "  LIMIT 1)"
                                       " FROM visits v WHERE v.id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, visit_ids[i]);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          palp_store_not_found (error, _("One of the visits no longer exists."));
          return NULL;
        }
      day = palp_store_column_dup (stmt, 3);
      status = (const char *) sqlite3_column_text (stmt, 2);
      documented = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, PALP_UNITS_MAX_MINUTES);
      on_claim = palp_store_column_dup (stmt, 6);
      if (i == 0)
        {
          client_id = sqlite3_column_int64 (stmt, 0);
          rendering_id = sqlite3_column_int64 (stmt, 1);
        }
      if (sqlite3_column_int64 (stmt, 0) != client_id)
        message = g_strdup (_("A claim bills one client: the visits are of different clients."));
      else if (sqlite3_column_int64 (stmt, 1) != rendering_id)
        message = g_strdup (_("A claim bills one practitioner’s visits: build one claim per "
                              "practitioner."));
      else if (!g_str_equal (status, "attended"))
        /* Translators: %s is the visit's date. */
        message = g_strdup_printf (_("The visit on %s was not attended."), day);
      else if (sqlite3_column_int (stmt, 4) != 1)
        /* Translators: %s is the visit's date. */
        message = g_strdup_printf (_("The note of the visit on %s is not signed."), day);
      else if (on_claim != NULL)
        /* Translators: %s is the visit's date, then the claim's number. */
        message = g_strdup_printf (_("The visit on %s is on claim %s already."), day, on_claim);
      if (message != NULL)
        {
          palp_store_refuse (error, message);
          return NULL;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);

      {
        guint before = lines->len;

        if (!add_visit_lines (self, visit_ids[i], day, documented, by_key, lines, error))
          return NULL;
        if (lines->len == before && palp_store_query_int (self,
                                                          "SELECT count (*) FROM visit_lines l"
                                                          " JOIN services s ON s.id = l.service_id"
                                                          " WHERE l.visit_id = ?1"
                                                          " AND l.category = 'therapeutic'"
                                                          " AND s.cpt_code IS NOT NULL",
                                                          visit_ids[i], 0, 0) == 0)
          {
            g_autofree char *text = g_strdup_printf (
              /* Translators: %s is the visit's date. */
              _("The visit on %s has no massage therapy with a procedure code to bill: esthetic "
                "and other services never go on a claim."), day);

            palp_store_refuse (error, text);
            return NULL;
          }
      }
      if (first == NULL || strcmp (day, first) < 0)
        {
          g_free (first);
          first = g_strdup (day);
        }
      if (last == NULL || strcmp (day, last) > 0)
        {
          g_free (last);
          last = g_strdup (day);
        }
    }

  if (!claim_policy (self, client_id, &policy_id, first, last, &payer_id, &rule, error))
    return NULL;

  /* Units per date of service, by the payer's rule. */
  g_ptr_array_sort (lines, compare_build_lines);
  for (guint i = 0; i < lines->len;)
    {
      BuildLine *head = g_ptr_array_index (lines, i);
      g_autoptr(GArray) day = g_array_new (FALSE, TRUE, sizeof (PalpUnitLine));
      guint j;

      for (j = i; j < lines->len; j++)
        {
          BuildLine *line = g_ptr_array_index (lines, j);
          PalpUnitLine unit = { line->code, line->minutes, line->timed, 0 };

          if (!g_str_equal (line->service_on, head->service_on))
            break;
          g_array_append_val (day, unit);
        }
      if (!palp_units_compute (rule, (PalpUnitLine *) (gpointer) day->data, day->len, error))
        return NULL;
      for (guint k = 0; k < day->len; k++)
        {
          BuildLine *line = g_ptr_array_index (lines, i + k);

          line->units = g_array_index (day, PalpUnitLine, k).units;
          line->unit_price_cents = unit_price (self, payer_id, line, settings->unit_fee_cents);
          if (line->units > 0)
            g_ptr_array_add (billed, line);
        }
      i = j;
    }
  if (billed->len == 0)
    {
      palp_store_refuse (error, _("The notes document too few minutes to bill a unit: a timed "
                                  "code needs 8 minutes."));
      return NULL;
    }

  /* The referral in force, and the authorisation covering the first date. */
  {
    g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self,
        "SELECT prescriber_name, npi FROM referrals WHERE client_id = ?1 AND referred_on <= ?2"
        " ORDER BY referred_on DESC, id DESC LIMIT 1", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, client_id);
    palp_store_bind_text (stmt, 2, last);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        referring_name = palp_store_column_dup (stmt, 0);
        referring_npi = palp_store_column_dup (stmt, 1);
      }
  }
  {
    g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self,
        "SELECT id, number FROM authorisations WHERE policy_id = ?1 AND starts_on <= ?2"
        " AND ends_on >= ?2 ORDER BY ends_on >= ?3 DESC, ends_on, id LIMIT 1", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, policy_id);
    palp_store_bind_text (stmt, 2, first);
    palp_store_bind_text (stmt, 3, last);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        authorisation_id = sqlite3_column_int64 (stmt, 0);
        authorisation_number = palp_store_column_dup (stmt, 1);
      }
  }

  if (!palp_store_tx_begin (self, error))
    return NULL;
  ok = insert_claim (self, client_id, policy_id, payer_id, rendering_id, settings->place_of_service,
                     referring_name, referring_npi, authorisation_id, authorisation_number, NULL,
                     0, NULL, first, last, &claim_id, error)
       && insert_diagnoses (self, claim_id, client_id, &n_diagnoses, error);
  for (guint i = 0; i < MIN (n_diagnoses, PALP_CLAIM_FORM_MAX_POINTERS); i++)
    pointers[i] = (char) ('A' + i);
  for (guint i = 0; ok && i < billed->len; i++)
    ok = insert_line (self, claim_id, i, g_ptr_array_index (billed, i), NULL,
                      n_diagnoses > 0 ? pointers : NULL, error);
  if (!palp_store_tx_end (self, ok, error))
    return NULL;
  return palp_store_load_claim (self, claim_id, error);
}

/* Reading ------------------------------------------------------------------ */

GListModel *
palp_store_list_claims (PalpStore   *self,
                        const char  *status,
                        gint64       client_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PalpClaimStatus parsed;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (status != NULL && !palp_claim_status_from_string (status, &parsed, error))
    return NULL;
  stmt = palp_store_prepare (self, CLAIM_SELECT " WHERE (?1 IS NULL OR c.status = ?1)"
                                   " AND (?2 = 0 OR c.client_id = ?2)"
                                   " ORDER BY c.created_at DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, status);
  sqlite3_bind_int64 (stmt, 2, client_id);
  return palp_store_collect (self, stmt, PALP_TYPE_CLAIM, claim_row, error);
}

PalpClaim *
palp_store_load_claim (PalpStore  *self,
                       gint64      claim_id,
                       GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_load_by_id (self, CLAIM_SELECT " WHERE c.id = ?1", claim_id, PALP_TYPE_CLAIM,
                                claim_row, _("This claim no longer exists."), error);
}

PalpClaim *
palp_store_find_claim (PalpStore   *self,
                       const char  *number,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) list = NULL;
  PalpClaim *claim;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, CLAIM_SELECT " WHERE c.number = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, number);
  if (!(list = palp_store_collect (self, stmt, PALP_TYPE_CLAIM, claim_row, error)))
    return NULL;
  if ((claim = palp_store_first_item (list)) == NULL)
    palp_store_not_found (error, _("No claim has this number."));
  return claim;
}

GListModel *
palp_store_list_claim_lines (PalpStore  *self,
                             gint64      claim_id,
                             GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT id, claim_id, position, visit_id, visit_line_id,"
                                      " service_on, code, modifiers, units, minutes, pointers,"
                                      " unit_price_cents, charge_cents, paid_cents, adjusted_cents"
                                      " FROM claim_lines WHERE claim_id = ?1 ORDER BY position",
                                claim_id, PALP_TYPE_CLAIM_LINE, claim_line_row, error);
}

static GStrv
collect_strings (PalpStore     *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, palp_store_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

GStrv
palp_store_claim_diagnoses (PalpStore  *self,
                            gint64      claim_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT code FROM claim_diagnoses WHERE claim_id = ?1"
                                   " ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  return collect_strings (self, stmt, error);
}

GStrv
palp_store_claim_history (PalpStore  *self,
                          gint64      claim_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT to_status || '|' || changed_at FROM claim_status_history"
                                   " WHERE claim_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  return collect_strings (self, stmt, error);
}

/* Pre-flight --------------------------------------------------------------- */

/* Visits the benefit year holding @last counts up to @last, by the
 * policy's counting, with what was counted elsewhere. */
static gboolean
visits_counted (PalpStore    *self,
                gint64        policy_id,
                const char   *last,
                gint64       *out_counted,
                gint64       *out_limit,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *year_first = NULL, *year_last = NULL, *counting_text = NULL;
  g_autofree char *prior_on = NULL;
  PalpVisitCounting counting = PALP_VISIT_COUNT_PER_VISIT;
  gint64 client_id, prior_visits, counted = 0;
  int rc;

  stmt = palp_store_prepare (self, "SELECT client_id, coalesce (visit_limit, 0), visit_counting,"
                                   " benefit_year_start, prior_on, prior_visits FROM policies"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, policy_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return palp_store_not_found (error, _("This policy no longer exists."));
  client_id = sqlite3_column_int64 (stmt, 0);
  *out_limit = sqlite3_column_int64 (stmt, 1);
  counting_text = palp_store_column_dup (stmt, 2);
  if (!palp_benefit_year_range (last, (guint) sqlite3_column_int (stmt, 3), &year_first,
                                &year_last))
    return palp_store_invalid (error, _("The date is not a real date."));
  prior_on = palp_store_column_dup (stmt, 4);
  prior_visits = sqlite3_column_int64 (stmt, 5);
  g_clear_pointer (&stmt, sqlite3_finalize);
  palp_visit_counting_from_string (counting_text, &counting, NULL);
  if (*out_limit == 0)
    {
      *out_counted = 0;
      return TRUE;
    }

  stmt = palp_store_prepare (self, "SELECT v.duration_minutes, sum (l.minutes)"
                                   " FROM visits v JOIN visit_lines l ON l.visit_id = v.id"
                                   " AND l.category = 'therapeutic'"
                                   " WHERE v.client_id = ?1 AND v.status = 'attended'"
                                   " AND date (v.starts_at) BETWEEN ?2 AND ?3 GROUP BY v.id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, year_first);
  palp_store_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 minutes = sqlite3_column_int64 (stmt, 1);

      if (minutes <= 0)
        minutes = sqlite3_column_int64 (stmt, 0);
      counted += palp_visit_count (counting, (guint) CLAMP (minutes, 0, PALP_UNITS_MAX_MINUTES));
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  if (prior_on != NULL && strcmp (prior_on, year_first) >= 0 && strcmp (prior_on, year_last) <= 0)
    counted += prior_visits;
  *out_counted = counted;
  return TRUE;
}

GPtrArray *
palp_store_preflight_claim (PalpStore         *self,
                            gint64             claim_id,
                            PalpClaimProblem  *out_problems,
                            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_autofree char *first = NULL, *last = NULL, *rendering_npi = NULL, *tax_id = NULL;
  g_autofree char *referral_expires = NULL, *authorisation_ends = NULL, *auth_unit = NULL;
  PalpClaimFacts facts = { 0 };
  PalpClaimProblem problems;
  gint64 client_id, policy_id, authorisation_id;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(settings = palp_store_get_claim_settings (self, error)))
    return NULL;
  stmt = palp_store_prepare (self, "SELECT c.client_id, c.policy_id, c.first_service_on,"
                                   " c.last_service_on, y.referral_required, y.preauth_required,"
                                   " (SELECT npi FROM practitioners WHERE user_id = c.rendering_id),"
                                   " (SELECT tax_id FROM clinic WHERE id = 1),"
                                   " coalesce (c.authorisation_id, 0)"
                                   " FROM claims c JOIN payers y ON y.id = c.payer_id"
                                   " WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      palp_store_not_found (error, _("This claim no longer exists."));
      return NULL;
    }
  client_id = sqlite3_column_int64 (stmt, 0);
  policy_id = sqlite3_column_int64 (stmt, 1);
  first = palp_store_column_dup (stmt, 2);
  last = palp_store_column_dup (stmt, 3);
  facts.referral_required = sqlite3_column_int (stmt, 4) == 1;
  facts.authorisation_required = sqlite3_column_int (stmt, 5) == 1;
  rendering_npi = palp_store_column_dup (stmt, 6);
  tax_id = palp_store_column_dup (stmt, 7);
  authorisation_id = sqlite3_column_int64 (stmt, 8);
  g_clear_pointer (&stmt, sqlite3_finalize);

  facts.first_service_on = first;
  facts.last_service_on = last;
  facts.rendering_npi = rendering_npi;
  facts.billing_npi = settings->billing_npi;
  facts.tax_id = tax_id;
  sql = "SELECT count (*) FROM claim_lines WHERE claim_id = ?1";
  facts.n_lines = (guint) palp_store_query_int (self, sql, claim_id, 0, 0);
  sql = "SELECT count (*) FROM claim_lines WHERE claim_id = ?1 AND pointers IS NULL";
  facts.n_lines_without_pointer = (guint) palp_store_query_int (self, sql, claim_id, 0, 0);
  sql = "SELECT count (*) FROM claim_diagnoses WHERE claim_id = ?1";
  facts.n_diagnoses = (guint) palp_store_query_int (self, sql, claim_id, 0, 0);
  sql = "SELECT count (DISTINCT l.visit_id) FROM claim_lines l WHERE l.claim_id = ?1"
        " AND NOT EXISTS (SELECT 1 FROM visit_signatures s WHERE s.visit_id = l.visit_id)";
  facts.n_unsigned_notes = (guint) palp_store_query_int (self, sql, claim_id, 0, 0);
  facts.assignment_on_file = palp_store_signature_on_file (self, policy_id, "assignment");

  if (first != NULL && last != NULL)
    {
      /* The referral: one given by the first date; the newest by the last
       * says when it runs out. */
      sql = "SELECT count (*) FROM referrals WHERE client_id = ?1"
            " AND referred_on <= (SELECT first_service_on FROM claims WHERE id = ?2)";
      facts.referral_found = palp_store_query_int (self, sql, client_id, claim_id, 0) > 0;
      stmt = palp_store_prepare (self, "SELECT expires_on FROM referrals WHERE client_id = ?1"
                                       " AND referred_on <= ?2 ORDER BY expires_on IS NULL DESC,"
                                       " expires_on DESC LIMIT 1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, client_id);
      palp_store_bind_text (stmt, 2, last);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        referral_expires = palp_store_column_dup (stmt, 0);
      g_clear_pointer (&stmt, sqlite3_finalize);
      facts.referral_expires_on = referral_expires;

      /* The authorisation the claim names, or any covering the first date. */
      if (authorisation_id == 0)
        {
          g_autoptr(sqlite3_stmt) any = palp_store_prepare (self,
              "SELECT id FROM authorisations WHERE policy_id = ?1 AND starts_on <= ?2"
              " AND ends_on >= ?2 ORDER BY ends_on DESC LIMIT 1", error);

          if (any == NULL)
            return NULL;
          sqlite3_bind_int64 (any, 1, policy_id);
          palp_store_bind_text (any, 2, first);
          if (sqlite3_step (any) == SQLITE_ROW)
            authorisation_id = sqlite3_column_int64 (any, 0);
        }
      if (authorisation_id != 0)
        {
          stmt = palp_store_prepare (self, "SELECT a.ends_on, a.unit, a.authorised -"
                                           " (SELECT coalesce (sum (amount), 0)"
                                           "  FROM authorisation_uses WHERE authorisation_id = a.id)"
                                           " FROM authorisations a WHERE a.id = ?1", error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, authorisation_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              facts.authorisation_found = TRUE;
              authorisation_ends = palp_store_column_dup (stmt, 0);
              auth_unit = palp_store_column_dup (stmt, 1);
              facts.authorisation_left = sqlite3_column_int64 (stmt, 2);
            }
          g_clear_pointer (&stmt, sqlite3_finalize);
          facts.authorisation_ends_on = authorisation_ends;
          /* What the claim's visits not yet counted against it would use. */
          sql = g_strcmp0 (auth_unit, "units") == 0
                  ? "SELECT coalesce (sum (l.units), 0) FROM claim_lines l WHERE l.claim_id = ?1"
                    " AND NOT EXISTS (SELECT 1 FROM authorisation_uses u"
                    " WHERE u.authorisation_id = ?2 AND u.visit_id = l.visit_id)"
                  : "SELECT count (DISTINCT l.visit_id) FROM claim_lines l WHERE l.claim_id = ?1"
                    " AND NOT EXISTS (SELECT 1 FROM authorisation_uses u"
                    " WHERE u.authorisation_id = ?2 AND u.visit_id = l.visit_id)";
          facts.authorisation_needed = palp_store_query_int (self, sql, claim_id, authorisation_id,
                                                             0);
        }

      if (!visits_counted (self, policy_id, last, &facts.visits_counted, &facts.visit_limit, error))
        return NULL;

      /* The plan in force on the dates, its goals, and progress measured. */
      sql = "SELECT count (*) FROM plans p, claims c WHERE c.id = ?2 AND p.client_id = ?1"
            " AND p.started_on <= c.last_service_on"
            " AND (p.discharged_on IS NULL OR p.discharged_on >= c.first_service_on)";
      facts.plan_found = palp_store_query_int (self, sql, client_id, claim_id, 0) > 0;
      sql = "SELECT count (*) FROM plan_goals g JOIN plans p ON p.id = g.plan_id, claims c"
            " WHERE c.id = ?2 AND p.client_id = ?1 AND g.archived = 0"
            " AND p.started_on <= c.last_service_on"
            " AND (p.discharged_on IS NULL OR p.discharged_on >= c.first_service_on)";
      facts.n_measurable_goals = (guint) palp_store_query_int (self, sql, client_id, claim_id, 0);
      sql = "SELECT count (*) FROM measurements m JOIN visits v ON v.id = m.visit_id, claims c"
            " WHERE c.id = ?2 AND v.client_id = ?1"
            " AND date (v.starts_at) BETWEEN c.first_service_on AND c.last_service_on";
      facts.n_measurements = (guint) palp_store_query_int (self, sql, client_id, claim_id, 0);
    }

  problems = palp_claim_preflight (&facts, messages);
  if (out_problems != NULL)
    *out_problems = problems;
  return g_steal_pointer (&messages);
}

/* Life --------------------------------------------------------------------- */

/* Checks the claim may move to @to; writes where it is to @out_from. */
static gboolean
check_move (PalpStore        *self,
            gint64            claim_id,
            PalpClaimStatus   to,
            PalpClaimStatus  *out_from,
            GError          **error)
{
  g_autoptr(GError) local = NULL;

  if (!claim_status (self, claim_id, out_from, error))
    return FALSE;
  if (!palp_claim_status_check_move (*out_from, to, &local))
    return palp_store_refuse (error, local->message);
  return TRUE;
}

/* Moves the claim to @to (nothing else). */
static gboolean
move_status (PalpStore        *self,
             gint64            claim_id,
             PalpClaimStatus   to,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();

  stmt = palp_store_prepare (self, "UPDATE claims SET status = ?2, updated_at = ?3 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  palp_store_bind_text (stmt, 2, palp_claim_status_to_string (to));
  palp_store_bind_text (stmt, 3, now);
  return exec_bound (self, stmt, error);
}

gboolean
palp_store_mark_claim_ready (PalpStore  *self,
                             gint64      claim_id,
                             GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  PalpClaimStatus from;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!check_move (self, claim_id, PALP_CLAIM_READY, &from, error) ||
      !palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error) ||
      !(problems = palp_store_preflight_claim (self, claim_id, NULL, error)))
    return FALSE;
  if (problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The claim is not ready:"));

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (problems, i));
      return palp_store_refuse (error, text->str);
    }
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = move_status (self, claim_id, PALP_CLAIM_READY, error);
  return palp_store_tx_end (self, ok, error);
}

static gboolean
method_ok (const char *method)
{
  static const char *methods[] = { "paper", "electronic", "fax", "portal", NULL };

  return method != NULL && g_strv_contains (methods, method);
}

/* Counts the claim's visits not yet counted against its authorisation. */
static gboolean
use_authorisation (PalpStore  *self,
                   gint64      claim_id,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 authorisation_id;
  int rc;

  authorisation_id = palp_store_query_int (self, "SELECT coalesce (authorisation_id, 0) FROM claims"
                                                 " WHERE id = ?1", claim_id, 0, 0);
  if (authorisation_id == 0)
    return TRUE;
  stmt = palp_store_prepare (self, "SELECT DISTINCT l.visit_id FROM claim_lines l"
                                   " WHERE l.claim_id = ?1 AND NOT EXISTS (SELECT 1"
                                   " FROM authorisation_uses u WHERE u.authorisation_id = ?2"
                                   " AND u.visit_id = l.visit_id) ORDER BY l.visit_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, authorisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (visits, id);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < visits->len; i++)
    if (!palp_store_use_authorisation (self, authorisation_id, g_array_index (visits, gint64, i),
                                       NULL, error))
      return FALSE;
  return TRUE;
}

gboolean
palp_store_submit_claim (PalpStore   *self,
                         gint64       claim_id,
                         const char  *on,
                         const char  *method,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL, *now = palp_store_now_string (), *code = NULL;
  PalpClaimStatus from;
  gint64 original;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!date_or_today (on, &day, error))
    return FALSE;
  if (!method_ok (method))
    return palp_store_invalid (error, _("Say how the claim was sent: paper, electronic, fax or "
                                        "portal."));
  if (!check_move (self, claim_id, PALP_CLAIM_SUBMITTED, &from, error) ||
      !palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  code = palp_store_query_text (self, "SELECT resubmission_code FROM claims WHERE id = ?1",
                                claim_id);
  original = palp_store_query_int (self, "SELECT coalesce (original_claim_id, 0) FROM claims"
                                         " WHERE id = ?1", claim_id, 0, 0);

  if (!outer_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE claims SET status = 'submitted', submitted_on = ?2,"
                                   " submitted_method = ?3, updated_at = ?4,"
                                   " submitted_snapshot = (SELECT snapshot FROM claim_snapshots"
                                   "  WHERE claim_id = ?1) WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, claim_id);
      palp_store_bind_text (stmt, 2, day);
      palp_store_bind_text (stmt, 3, method);
      palp_store_bind_text (stmt, 4, now);
      ok = exec_bound (self, stmt, error);
    }
  /* A void is not a visit billed again. */
  if (ok && g_strcmp0 (code, "8") != 0)
    ok = use_authorisation (self, claim_id, error);
  if (ok && original != 0)
    {
      PalpClaimStatus to = g_strcmp0 (code, "8") == 0 ? PALP_CLAIM_VOID : PALP_CLAIM_CLOSED;
      PalpClaimStatus was;

      ok = claim_status (self, original, &was, error);
      if (ok && was != to)
        ok = check_move (self, original, to, &was, error)
             && move_status (self, original, to, error);
    }
  return outer_end (self, ok, error);
}

/* Sets the claim's status with the payer's answer. */
static gboolean
write_answer (PalpStore        *self,
              gint64            claim_id,
              PalpClaimStatus   to,
              const char       *payer_reference,
              const char       *denial_reason,
              const char       *responded_on,
              const char       *appeal_deadline,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();

  stmt = palp_store_prepare (self, "UPDATE claims SET status = ?2,"
                                   " payer_reference = coalesce (?3, payer_reference),"
                                   " denial_reason = CASE WHEN ?2 = 'denied' THEN ?4"
                                   "  ELSE coalesce (?4, denial_reason) END,"
                                   " responded_on = ?5,"
                                   " appeal_deadline = coalesce (?6, appeal_deadline),"
                                   " updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  palp_store_bind_text (stmt, 2, palp_claim_status_to_string (to));
  palp_store_bind_text (stmt, 3, payer_reference);
  palp_store_bind_text (stmt, 4, denial_reason);
  palp_store_bind_text (stmt, 5, responded_on);
  palp_store_bind_text (stmt, 6, appeal_deadline);
  palp_store_bind_text (stmt, 7, now);
  return exec_bound (self, stmt, error);
}

static gboolean
answer_texts_ok (const char  *payer_reference,
                 const char  *denial_reason,
                 GError     **error)
{
  return palp_store_text_ok (payer_reference, 60, FALSE, NULL, error)
         && palp_store_text_ok (denial_reason, 1000, FALSE, NULL, error);
}

static gboolean
awaits_answer (PalpClaimStatus   status,
               GError          **error)
{
  if (status == PALP_CLAIM_SUBMITTED || status == PALP_CLAIM_PARTIALLY_PAID
      || status == PALP_CLAIM_DENIED || status == PALP_CLAIM_APPEALED)
    return TRUE;
  return palp_store_refuse (error, palp_claim_status_is_editable (status)
                                     ? _("The claim has not been submitted yet.")
                                     : _("The claim is settled: no answer from the payer is "
                                         "expected."));
}

gboolean
palp_store_record_claim_payment (PalpStore                  *self,
                                 gint64                      claim_id,
                                 const PalpClaimLinePayment *payments,
                                 guint                       n_payments,
                                 const char                 *payer_reference,
                                 const char                 *denial_reason,
                                 const char                 *on,
                                 PalpClaimStatus            *out_status,
                                 GError                    **error)
{
  g_autoptr(GListModel) lines = NULL;
  g_autofree gint64 *paid = NULL, *adjusted = NULL;
  g_autofree char *day = NULL, *deadline = NULL;
  g_autoptr(PalpClaimSettings) settings = NULL;
  gint64 charge = 0, paid_total = 0, adjusted_total = 0;
  PalpClaimStatus from, to;
  guint n;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (payments != NULL || n_payments == 0, FALSE);

  if (!date_or_today (on, &day, error) ||
      !answer_texts_ok (payer_reference, denial_reason, error) ||
      !claim_status (self, claim_id, &from, error) ||
      !awaits_answer (from, error) ||
      !(lines = palp_store_list_claim_lines (self, claim_id, error)) ||
      !(settings = palp_store_get_claim_settings (self, error)))
    return FALSE;

  n = g_list_model_get_n_items (lines);
  paid = g_new0 (gint64, MAX (n, 1));
  adjusted = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);

      paid[i] = palp_claim_line_get_int (line, "paid-cents");
      adjusted[i] = palp_claim_line_get_int (line, "adjusted-cents");
    }
  for (guint p = 0; p < n_payments; p++)
    {
      gboolean found = FALSE;

      if (payments[p].paid_cents < 0 || payments[p].adjusted_cents < 0)
        return palp_store_invalid (error, _("Paid and adjusted amounts are never negative."));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);

          if (palp_claim_line_get_int (line, "id") != payments[p].line_id)
            continue;
          if (payments[p].paid_cents + payments[p].adjusted_cents
              > palp_claim_line_get_int (line, "charge-cents"))
            return palp_store_invalid (error, _("A line’s paid and adjusted amounts add up to more "
                                                "than its charge."));
          paid[i] = payments[p].paid_cents;
          adjusted[i] = payments[p].adjusted_cents;
          found = TRUE;
        }
      if (!found)
        return palp_store_invalid (error, _("A payment names a line that is not on this claim."));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);

      charge += palp_claim_line_get_int (line, "charge-cents");
      paid_total += paid[i];
      adjusted_total += adjusted[i];
    }
  to = palp_claim_status_for_payment (charge, paid_total, adjusted_total);
  if (to == PALP_CLAIM_DENIED)
    {
      if (denial_reason == NULL || *denial_reason == '\0')
        return palp_store_invalid (error, _("Nothing was paid: give the payer’s reason for the "
                                            "denial."));
      deadline = date_add_days (day, (int) settings->appeal_days);
    }
  if (to != from)
    {
      g_autoptr(GError) local = NULL;

      if (!palp_claim_status_check_move (from, to, &local))
        return palp_store_refuse (error, local->message);
    }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = palp_store_prepare (self, "UPDATE claim_lines SET paid_cents = ?2, adjusted_cents = ?3"
                                       " WHERE id = ?1 AND (paid_cents != ?2"
                                       " OR adjusted_cents != ?3)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, palp_claim_line_get_int (line, "id"));
          sqlite3_bind_int64 (stmt, 2, paid[i]);
          sqlite3_bind_int64 (stmt, 3, adjusted[i]);
          ok = exec_bound (self, stmt, error);
        }
    }
  ok = ok && write_answer (self, claim_id, to, payer_reference,
                           to == PALP_CLAIM_DENIED ? denial_reason : NULL, day, deadline, error);
  if (!palp_store_tx_end (self, ok, error))
    return FALSE;
  if (out_status != NULL)
    *out_status = to;
  return TRUE;
}

gboolean
palp_store_deny_claim (PalpStore   *self,
                       gint64       claim_id,
                       const char  *denial_reason,
                       const char  *payer_reference,
                       const char  *on,
                       const char  *appeal_deadline,
                       GError     **error)
{
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_autofree char *day = NULL, *deadline = NULL;
  PalpClaimStatus from;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!date_or_today (on, &day, error) ||
      !answer_texts_ok (payer_reference, denial_reason, error))
    return FALSE;
  if (!palp_store_text_ok (denial_reason, 1000, TRUE, _("Give the payer’s reason for the denial."),
                           error))
    return FALSE;
  if (appeal_deadline != NULL && !palp_date_parse_iso (appeal_deadline, &parsed))
    return palp_store_invalid (error, _("The appeal deadline is not a real date."));
  if (appeal_deadline != NULL && strcmp (appeal_deadline, day) < 0)
    return palp_store_invalid (error, _("The appeal deadline is before the denial."));
  if (!(settings = palp_store_get_claim_settings (self, error)) ||
      !check_move (self, claim_id, PALP_CLAIM_DENIED, &from, error) ||
      !palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  deadline = appeal_deadline != NULL ? g_strdup (appeal_deadline)
                                     : date_add_days (day, (int) settings->appeal_days);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = write_answer (self, claim_id, PALP_CLAIM_DENIED, payer_reference, denial_reason, day,
                     deadline, error);
  return palp_store_tx_end (self, ok, error);
}

gboolean
palp_store_appeal_claim (PalpStore   *self,
                         gint64       claim_id,
                         const char  *on,
                         const char  *appeal_deadline,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL, *deadline = NULL, *now = palp_store_now_string ();
  PalpClaimStatus from;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!date_or_today (on, &day, error))
    return FALSE;
  if (appeal_deadline != NULL && !palp_date_parse_iso (appeal_deadline, &parsed))
    return palp_store_invalid (error, _("The appeal deadline is not a real date."));
  if (!check_move (self, claim_id, PALP_CLAIM_APPEALED, &from, error))
    return FALSE;
  deadline = appeal_deadline != NULL
               ? g_strdup (appeal_deadline)
               : palp_store_query_text (self, "SELECT appeal_deadline FROM claims WHERE id = ?1",
                                        claim_id);
  if (deadline != NULL && strcmp (day, deadline) > 0)
    {
      g_autofree char *text = g_strdup_printf (/* Translators: %s is an ISO date. */
                                               _("The time to appeal ran out on %s."), deadline);

      return palp_store_refuse (error, text);
    }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE claims SET status = 'appealed', appealed_on = ?2,"
                                   " appeal_deadline = ?3, updated_at = ?4 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, claim_id);
      palp_store_bind_text (stmt, 2, day);
      palp_store_bind_text (stmt, 3, deadline);
      palp_store_bind_text (stmt, 4, now);
      ok = exec_bound (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, error);
}

gboolean
palp_store_set_claim_status (PalpStore        *self,
                             gint64            claim_id,
                             PalpClaimStatus   status,
                             GError          **error)
{
  PalpClaimStatus from;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!check_move (self, claim_id, status, &from, error))
    return FALSE;
  switch (status)
    {
    case PALP_CLAIM_DRAFT:
    case PALP_CLAIM_CLOSED:
      break;
    case PALP_CLAIM_VOID:
      if (!palp_claim_status_is_editable (from))
        return palp_store_refuse (error, _("A claim that was sent is voided by sending the payer a "
                                           "voiding claim (code 8)."));
      break;
    case PALP_CLAIM_READY:
      return palp_store_mark_claim_ready (self, claim_id, error);
    case PALP_CLAIM_SUBMITTED:
      return palp_store_refuse (error, _("Say when and how the claim was sent."));
    case PALP_CLAIM_PAID:
    case PALP_CLAIM_PARTIALLY_PAID:
      return palp_store_refuse (error, _("Record what the payer paid, line by line."));
    case PALP_CLAIM_DENIED:
      return palp_store_refuse (error, _("Give the payer’s reason for the denial."));
    case PALP_CLAIM_APPEALED:
      return palp_store_appeal_claim (self, claim_id, NULL, NULL, error);
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = move_status (self, claim_id, status, error);
  return palp_store_tx_end (self, ok, error);
}

/* A new draft of code @code naming @claim_id, with its lines and
 * diagnoses. */
static PalpClaim *
resubmit (PalpStore   *self,
          gint64       claim_id,
          const char  *code,
          GError     **error)
{
  g_autoptr(PalpClaim) original = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local = NULL;
  PalpClaimStatus from, to = g_str_equal (code, "8") ? PALP_CLAIM_VOID : PALP_CLAIM_CLOSED;
  const char *reference;
  gint64 new_id = 0;
  gboolean ok;

  if (!(original = palp_store_load_claim (self, claim_id, error)) ||
      !palp_claim_status_from_string (palp_claim_get_string (original, "status"), &from, error))
    return NULL;
  if (palp_claim_status_is_editable (from))
    {
      palp_store_refuse (error, _("The claim was never sent: change it, or discard it."));
      return NULL;
    }
  if (!palp_claim_status_check_move (from, to, &local))
    {
      palp_store_refuse (error, local->message);
      return NULL;
    }
  pending = palp_store_query_text (self, "SELECT number FROM claims WHERE original_claim_id = ?1"
                                         " AND status != 'void' LIMIT 1", claim_id);
  if (pending != NULL)
    {
      g_autofree char *text = g_strdup_printf (/* Translators: %s is a claim number. */
                                               _("Claim %s already replaces or voids this one."),
                                               pending);

      palp_store_refuse (error, text);
      return NULL;
    }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return NULL;
  reference = palp_claim_get_string (original, "payer-reference");
  if (reference == NULL)
    reference = palp_claim_get_string (original, "number");

  if (!palp_store_tx_begin (self, error))
    return NULL;
  ok = insert_claim (self, palp_claim_get_int (original, "client-id"),
                     palp_claim_get_int (original, "policy-id"),
                     palp_claim_get_int (original, "payer-id"),
                     palp_claim_get_int (original, "rendering-id"),
                     palp_claim_get_string (original, "place-of-service"),
                     palp_claim_get_string (original, "referring-name"),
                     palp_claim_get_string (original, "referring-npi"),
                     palp_claim_get_int (original, "authorisation-id"),
                     palp_claim_get_string (original, "authorisation-number"), code, claim_id,
                     reference, palp_claim_get_string (original, "first-service-on"),
                     palp_claim_get_string (original, "last-service-on"), &new_id, error);
  if (ok)
    {
      stmt = palp_store_prepare (self, "INSERT INTO claim_diagnoses (claim_id, position,"
                                       " diagnosis_id, code) SELECT ?2, position, diagnosis_id, code"
                                       " FROM claim_diagnoses WHERE claim_id = ?1 ORDER BY position",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, claim_id);
          sqlite3_bind_int64 (stmt, 2, new_id);
          ok = exec_bound (self, stmt, error);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      stmt = palp_store_prepare (self, "INSERT INTO claim_lines (claim_id, position, visit_id,"
                                       " visit_line_id, service_on, code, modifiers, units, minutes,"
                                       " pointers, unit_price_cents, charge_cents)"
                                       " SELECT ?2, position, visit_id, visit_line_id, service_on,"
                                       " code, modifiers, units, minutes, pointers,"
                                       " unit_price_cents, charge_cents FROM claim_lines"
                                       " WHERE claim_id = ?1 ORDER BY position", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, claim_id);
          sqlite3_bind_int64 (stmt, 2, new_id);
          ok = exec_bound (self, stmt, error);
        }
    }
  if (!palp_store_tx_end (self, ok, error))
    return NULL;
  return palp_store_load_claim (self, new_id, error);
}

PalpClaim *
palp_store_replace_claim (PalpStore  *self,
                          gint64      claim_id,
                          GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return resubmit (self, claim_id, "7", error);
}

PalpClaim *
palp_store_void_claim (PalpStore  *self,
                       gint64      claim_id,
                       GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return resubmit (self, claim_id, "8", error);
}

/* Correcting a line -------------------------------------------------------- */

static gboolean
modifiers_ok (const char *modifiers)
{
  g_auto(GStrv) parts = NULL;

  if (modifiers == NULL)
    return TRUE;
  parts = g_strsplit (modifiers, " ", -1);
  if (g_strv_length (parts) > PALP_CLAIM_FORM_MAX_MODIFIERS)
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (strlen (parts[i]) != 2 || !(g_ascii_isdigit (parts[i][0]) || g_ascii_isupper (parts[i][0]))
        || !(g_ascii_isdigit (parts[i][1]) || g_ascii_isupper (parts[i][1])))
      return FALSE;
  return TRUE;
}

gboolean
palp_store_update_claim_line (PalpStore      *self,
                              PalpClaimLine  *line,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) day = g_array_new (FALSE, TRUE, sizeof (PalpUnitLine));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rule_text = NULL;
  const char *modifiers = palp_claim_line_get_string (line, "modifiers");
  const char *pointers = palp_claim_line_get_string (line, "pointers");
  gint64 line_id = palp_claim_line_get_int (line, "id");
  gint64 units = palp_claim_line_get_int (line, "units");
  gint64 claim_id, n_diagnoses;
  PalpClaimStatus status;
  PalpUnitRule rule;
  int rc;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CLAIM_LINE (line), FALSE);

  claim_id = palp_store_query_int (self,
                                   "SELECT claim_id FROM claim_lines WHERE id = ?1", line_id, 0, 0);
  if (claim_id == 0)
    return palp_store_not_found (error, _("This claim line no longer exists."));
  if (!claim_status (self, claim_id, &status, error))
    return FALSE;
  if (!palp_claim_status_is_editable (status))
    return palp_store_refuse (error, _("A submitted claim is never changed: send a replacement or "
                                       "void it."));
  if (!modifiers_ok (modifiers))
    return palp_store_invalid (error, _("Modifiers are up to four codes of two letters or digits, "
                                        "separated by spaces, such as “GP 59”."));
  n_diagnoses = palp_store_query_int (self,
                                      "SELECT count (*) FROM claim_diagnoses WHERE claim_id = ?1",
                                      claim_id, 0, 0);
  if (pointers != NULL)
    {
      gsize len = strlen (pointers);

      if (len > PALP_CLAIM_FORM_MAX_POINTERS)
        return palp_store_invalid (error, _("A line points at up to four diagnoses."));
      for (gsize i = 0; i < len; i++)
        if (pointers[i] < 'A' || pointers[i] >= 'A' + n_diagnoses
            || memchr (pointers, pointers[i], i) != NULL)
          return palp_store_invalid (error, _("Point at the claim’s own diagnoses, each letter "
                                              "once."));
    }
  if (units < 1 || units > 100)
    return palp_store_invalid (error, _("A line bills from 1 to 100 units."));

  /* The day's lines with this one's new units, against their minutes. */
  rule_text = palp_store_query_text (self, "SELECT y.unit_rule FROM claims c JOIN payers y"
                                           " ON y.id = c.payer_id WHERE c.id = ?1", claim_id);
  if (!palp_unit_rule_from_string (rule_text, &rule, error))
    return FALSE;
  stmt = palp_store_prepare (self, "SELECT l.id, l.code, l.minutes, l.units, s.timed"
                                   " FROM claim_lines l JOIN visit_lines v ON v.id = l.visit_line_id"
                                   " JOIN services s ON s.id = v.service_id"
                                   " WHERE l.claim_id = ?1 AND l.service_on = (SELECT service_on"
                                   " FROM claim_lines WHERE id = ?2) ORDER BY l.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, line_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalpUnitLine unit = { 0 };

      g_ptr_array_add (codes, palp_store_column_dup (stmt, 1));
      unit.minutes = (guint) sqlite3_column_int (stmt, 2);
      unit.units = sqlite3_column_int64 (stmt, 0) == line_id ? (guint) units
                                                             : (guint) sqlite3_column_int (stmt, 3);
      unit.timed = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (day, unit);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < day->len; i++)
    g_array_index (day, PalpUnitLine, i).code = g_ptr_array_index (codes, i);
  {
    g_autoptr(GError) local = NULL;

    if (!palp_units_check_supported (rule, (const PalpUnitLine *) (gpointer) day->data, day->len,
                                     &local))
      return palp_store_invalid (error, local->message);
  }
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE claim_lines SET units = ?2, modifiers = ?3,"
                                   " pointers = ?4, charge_cents = unit_price_cents * ?2"
                                   " WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, line_id);
      sqlite3_bind_int64 (stmt, 2, units);
      palp_store_bind_text (stmt, 3, modifiers);
      palp_store_bind_text (stmt, 4, pointers);
      ok = exec_bound (self, stmt, error);
    }
  if (ok && status == PALP_CLAIM_READY)
    ok = move_status (self, claim_id, PALP_CLAIM_DRAFT, error);
  return palp_store_tx_end (self, ok, error);
}

/* Follow-ups --------------------------------------------------------------- */

/* "YYYY-MM-DD HH:MM[:SS]" (or with a T) as "YYYY-MM-DD HH:MM:SS". */
static char *
normalize_time (const char *text)
{
  int y, mo, d, h, mi, s = 0, n = 0;
  char sep;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6 || n == 0)
    return NULL;
  if (text[n] == ':')
    {
      int m = 0;

      if (sscanf (text + n, ":%2d%n", &s, &m) != 1 || m == 0)
        return NULL;
      n += m;
    }
  if (text[n] != '\0' || (sep != ' ' && sep != 'T'))
    return NULL;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y)
      || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
}

gboolean
palp_store_add_claim_follow_up (PalpStore          *self,
                                PalpClaimFollowUp  *follow_up,
                                GError            **error)
{
  static const char *props[] = {
    "claim-id", "contacted-at", "representative", "reference", "said", "next-on", "recorded-at",
    NULL,
  };
  g_autofree char *now = palp_store_now_string (), *contacted = NULL;
  const char *next_on = palp_claim_follow_up_get_string (follow_up, "next-on");
  gint64 claim_id = palp_claim_follow_up_get_int (follow_up, "claim-id");
  PalpClaimStatus status;
  GDate date;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CLAIM_FOLLOW_UP (follow_up), FALSE);

  if (!palp_store_text_ok (palp_claim_follow_up_get_string (follow_up, "said"), 4000, TRUE,
                           _("Write down what the payer said."), error) ||
      !palp_store_text_ok (palp_claim_follow_up_get_string (follow_up, "representative"), 120,
                           FALSE, NULL, error) ||
      !palp_store_text_ok (palp_claim_follow_up_get_string (follow_up, "reference"), 60, FALSE,
                           NULL, error))
    return FALSE;
  if (!(contacted = normalize_time (palp_claim_follow_up_get_string (follow_up, "contacted-at"))))
    return palp_store_invalid (error, _("Give the date and time of the contact, such as "
                                        "2026-03-14 10:30."));
  if (next_on != NULL && !palp_date_parse_iso (next_on, &date))
    return palp_store_invalid (error, _("The next follow-up is not a real date."));
  if (next_on != NULL && strncmp (next_on, contacted, 10) < 0)
    return palp_store_invalid (error, _("The next follow-up is before this one."));
  if (!claim_status (self, claim_id, &status, error))
    return FALSE;
  if (palp_claim_status_is_editable (status) || status == PALP_CLAIM_VOID)
    return palp_store_refuse (error, _("Only a claim that was sent is followed up."));
  if (!palp_store_require (self, PALP_ACTION_BUILD_CLAIMS, 0, error))
    return FALSE;
  g_object_set (follow_up, "contacted-at", contacted, "recorded-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, "INSERT INTO claim_follow_ups (claim_id, contacted_at,"
                                    " representative, reference, said, next_on, recorded_at,"
                                    " recorded_by) VALUES (?1, ?2, trim (?3), trim (?4), trim (?5),"
                                    " ?6, ?7, palp_actor ())",
                              follow_up, props, error);
  if (ok)
    g_object_set (follow_up, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)),
                  "recorded-by", palp_store_get_actor (self), NULL);
  return palp_store_tx_end (self, ok, error);
}

#define FOLLOW_UP_SELECT                                                       \
  "SELECT f.id, f.claim_id, f.contacted_at, f.representative, f.reference,"    \
  " f.said, f.next_on, f.recorded_by, f.recorded_at, c.number AS claim_number," \
  " c.client_id, k.family_name || ', ' || k.given_name AS client_name,"        \
  " y.name AS payer_name FROM claim_follow_ups f"                               \
  " JOIN claims c ON c.id = f.claim_id JOIN clients k ON k.id = c.client_id"    \
  " JOIN payers y ON y.id = c.payer_id"

GListModel *
palp_store_list_claim_follow_ups (PalpStore  *self,
                                  gint64      claim_id,
                                  GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, FOLLOW_UP_SELECT " WHERE f.claim_id = ?1"
                                      " ORDER BY f.contacted_at, f.id",
                                claim_id, PALP_TYPE_CLAIM_FOLLOW_UP, follow_up_row, error);
}

GListModel *
palp_store_list_claims_to_follow_up (PalpStore   *self,
                                     const char  *today,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!date_or_today (today, &day, error))
    return NULL;
  /* The last contact's next date; without one, follow_up_days after the
   * last contact or the submission. */
  stmt = palp_store_prepare (self, "SELECT * FROM (SELECT " CLAIM_COLUMNS ","
                                   " coalesce ((SELECT f.next_on FROM claim_follow_ups f"
                                   "   WHERE f.claim_id = c.id ORDER BY f.contacted_at DESC, f.id DESC"
                                   "   LIMIT 1),"
                                   "  date (coalesce ((SELECT max (date (f.contacted_at))"
                                   "   FROM claim_follow_ups f WHERE f.claim_id = c.id),"
                                   "   c.submitted_on), '+' || s.follow_up_days || ' days'))"
                                   "  AS follow_up_on"
                                   CLAIM_FROM ", claim_settings s"
                                   " WHERE c.status IN " OPEN_STATUSES ")"
                                   " WHERE follow_up_on <= ?1 ORDER BY follow_up_on, id", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, day);
  return palp_store_collect (self, stmt, PALP_TYPE_CLAIM, claim_row, error);
}

GListModel *
palp_store_list_appeal_deadlines (PalpStore   *self,
                                  const char  *today,
                                  guint        days,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL, *until = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!date_or_today (today, &day, error))
    return NULL;
  until = date_add_days (day, (int) MIN (days, 3650));
  stmt = palp_store_prepare (self, CLAIM_SELECT " WHERE c.status IN ('denied', 'partially-paid')"
                                   " AND c.appeal_deadline IS NOT NULL AND c.appeal_deadline <= ?1"
                                   " ORDER BY c.appeal_deadline, c.id", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, until);
  return palp_store_collect (self, stmt, PALP_TYPE_CLAIM, claim_row, error);
}

/* Aging -------------------------------------------------------------------- */

gboolean
palp_store_claims_aging (PalpStore       *self,
                         const char      *today,
                         PalpClaimAging  *out_aging,
                         GError         **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *day = NULL;
  GDate now, submitted;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_aging != NULL, FALSE);

  if (!date_or_today (today, &day, error))
    return FALSE;
  palp_date_parse_iso (day, &now);
  /* Read from the claims_aging index alone, one row per submission date. */
  stmt = palp_store_prepare_cached (self, "SELECT submitted_on, count (*),"
                                          " sum (charge_cents - paid_cents - adjusted_cents)"
                                          " FROM claims WHERE status IN " OPEN_STATUSES
                                          " GROUP BY submitted_on", error);
  if (stmt == NULL)
    return FALSE;
  memset (out_aging, 0, sizeof *out_aging);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *on = (const char *) sqlite3_column_text (stmt, 0);
      PalpClaimAgeBucket bucket = PALP_CLAIM_AGE_0_30;

      if (on != NULL && palp_date_parse_iso (on, &submitted))
        bucket = palp_claim_age_bucket (g_date_days_between (&submitted, &now));
      out_aging->n_claims[bucket] += (guint) sqlite3_column_int64 (stmt, 1);
      out_aging->outstanding_cents[bucket] += sqlite3_column_int64 (stmt, 2);
    }
  palp_store_release_cached (self, stmt);
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

/* The form ----------------------------------------------------------------- */

/* "Tom A. Whitfield" → given "Tom", middle "A.", family "Whitfield". */
static void
split_name (const char  *name,
            char       **out_family,
            char       **out_given,
            char       **out_middle)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  g_auto(GStrv) parts = g_strsplit (stripped, " ", -1);
  guint n = g_strv_length (parts);

  *out_family = *out_given = *out_middle = NULL;
  if (n == 0 || *parts[0] == '\0')
    return;
  if (n == 1)
    {
      *out_family = g_strdup (parts[0]);
      return;
    }
  *out_given = g_strdup (parts[0]);
  *out_family = g_strdup (parts[n - 1]);
  if (n > 2)
    *out_middle = g_strdup (parts[1]);
}

static const char *
coverage_type (const char *kind)
{
  if (g_strcmp0 (kind, "health-plan") == 0)
    return "group";
  if (g_strcmp0 (kind, "medicare-advantage") == 0)
    return "medicare";
  if (g_strcmp0 (kind, "medicaid-plan") == 0)
    return "medicaid";
  return "other";
}

static const char *
sex_box (const char *sex)
{
  if (g_strcmp0 (sex, "M") == 0)
    return "M";
  if (g_strcmp0 (sex, "F") == 0)
    return "F";
  return NULL;
}

PalpClaimForm *
palp_store_load_claim_form (PalpStore  *self,
                            gint64      claim_id,
                            GError    **error)
{
  g_autoptr(PalpClaimForm) form = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_auto(GStrv) diagnoses = NULL;
  g_autofree char *kind = NULL, *insured_name = NULL, *rendering_npi = NULL;
  g_autofree char *relationship = NULL;
  gint64 policy_id;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(claim = palp_store_load_claim (self, claim_id, error)) ||
      !(lines = palp_store_list_claim_lines (self, claim_id, error)) ||
      !(diagnoses = palp_store_claim_diagnoses (self, claim_id, error)) ||
      !(settings = palp_store_get_claim_settings (self, error)))
    return NULL;
  policy_id = palp_claim_get_int (claim, "policy-id");
  form = palp_claim_form_new ();
  form->claim_number = g_strdup (palp_claim_get_string (claim, "number"));

  /* The patient. */
  stmt = palp_store_prepare (self, "SELECT family_name, given_name, middle_name, birth_date, sex,"
                                   " street, city, region, postal_code,"
                                   " coalesce (mobile_phone, home_phone)"
                                   " FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, palp_claim_get_int (claim, "client-id"));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      palp_store_not_found (error, _("This client no longer exists."));
      return NULL;
    }
  form->patient_family = palp_store_column_dup (stmt, 0);
  form->patient_given = palp_store_column_dup (stmt, 1);
  form->patient_middle = palp_store_column_dup (stmt, 2);
  form->patient_birth_date = palp_store_column_dup (stmt, 3);
  form->patient_sex = g_strdup (sex_box ((const char *) sqlite3_column_text (stmt, 4)));
  form->patient.street = palp_store_column_dup (stmt, 5);
  form->patient.city = palp_store_column_dup (stmt, 6);
  form->patient.state = palp_store_column_dup (stmt, 7);
  form->patient.postal_code = palp_store_column_dup (stmt, 8);
  form->patient.phone = palp_store_column_dup (stmt, 9);
  form->account_number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          palp_claim_get_int (claim, "client-id"));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The policy, its payer and the insured. */
  stmt = palp_store_prepare (self, "SELECT p.member_id, p.group_number, p.relationship,"
                                   " p.insured_name, p.insured_birth_date, p.claim_number,"
                                   " p.injury_date, p.injury_state, y.kind, y.name, y.address"
                                   " FROM policies p JOIN payers y ON y.id = p.payer_id"
                                   " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, policy_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      palp_store_not_found (error, _("This policy no longer exists."));
      return NULL;
    }
  form->insured_id = palp_store_column_dup (stmt, 0);
  form->group_number = palp_store_column_dup (stmt, 1);
  relationship = palp_store_column_dup (stmt, 2);
  insured_name = palp_store_column_dup (stmt, 3);
  form->other_claim_id = palp_store_column_dup (stmt, 5);
  form->current_illness_date = palp_store_column_dup (stmt, 6);
  kind = palp_store_column_dup (stmt, 8);
  form->plan_name = palp_store_column_dup (stmt, 9);
  form->payer_name = palp_store_column_dup (stmt, 9);
  form->payer_address = palp_store_column_dup (stmt, 10);
  form->coverage_type = g_strdup (coverage_type (kind));
  form->relationship = g_strdup (relationship);
  form->employment_related = g_strcmp0 (kind, "workers-comp") == 0;
  form->auto_accident = g_strcmp0 (kind, "auto") == 0;
  if (form->auto_accident)
    form->accident_state = palp_store_column_dup (stmt, 7);
  if (g_strcmp0 (relationship, "self") == 0)
    {
      form->insured_family = g_strdup (form->patient_family);
      form->insured_given = g_strdup (form->patient_given);
      form->insured_middle = g_strdup (form->patient_middle);
      form->insured_birth_date = g_strdup (form->patient_birth_date);
      form->insured_sex = g_strdup (form->patient_sex);
      form->insured.street = g_strdup (form->patient.street);
      form->insured.city = g_strdup (form->patient.city);
      form->insured.state = g_strdup (form->patient.state);
      form->insured.postal_code = g_strdup (form->patient.postal_code);
      form->insured.phone = g_strdup (form->patient.phone);
    }
  else
    {
      split_name (insured_name, &form->insured_family, &form->insured_given,
                  &form->insured_middle);
      form->insured_birth_date = palp_store_column_dup (stmt, 4);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Other insurance: the client's other active policy. */
  stmt = palp_store_prepare (self, "SELECT p.insured_name, coalesce (p.group_number, p.member_id),"
                                   " y.name FROM policies p JOIN payers y ON y.id = p.payer_id"
                                   " WHERE p.client_id = ?1 AND p.active = 1 AND p.id != ?2"
                                   " ORDER BY p.priority = 'secondary' DESC, p.id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, palp_claim_get_int (claim, "client-id"));
  sqlite3_bind_int64 (stmt, 2, policy_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 0);

      form->has_other_plan = TRUE;
      form->other_insured_name = other != NULL
                                   ? g_strdup (other)
                                   : g_strdup_printf ("%s, %s", form->patient_family,
                                                      form->patient_given);
      form->other_policy_number = palp_store_column_dup (stmt, 1);
      form->other_plan_name = palp_store_column_dup (stmt, 2);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  form->patient_signature_on_file = palp_store_signature_on_file (self, policy_id, "release");
  form->insured_signature_on_file = palp_store_signature_on_file (self, policy_id, "assignment");
  form->accept_assignment = form->insured_signature_on_file;

  /* The date of the current illness: the injury, else the first diagnosis's onset. */
  if (form->current_illness_date == NULL)
    form->current_illness_date = palp_store_query_text (self,
                                                        "SELECT d.onset_on FROM claim_diagnoses c"
                                                        " JOIN diagnoses d ON d.id = c.diagnosis_id"
                                                        " WHERE c.claim_id = ?1 ORDER BY c.position"
                                                        " LIMIT 1", claim_id);

  form->referring_name = g_strdup (palp_claim_get_string (claim, "referring-name"));
  form->referring_npi = g_strdup (palp_claim_get_string (claim, "referring-npi"));
  for (guint i = 0; diagnoses[i] != NULL && i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
    form->diagnoses[i] = g_strdup (diagnoses[i]);
  form->resubmission_code = g_strdup (palp_claim_get_string (claim, "resubmission-code"));
  form->original_reference = g_strdup (palp_claim_get_string (claim, "original-reference"));
  form->prior_authorisation = g_strdup (palp_claim_get_string (claim, "authorisation-number"));

  /* The practitioner (24J, 31). */
  stmt = palp_store_prepare (self, "SELECT u.display_name, p.credentials, p.npi FROM users u"
                                   " LEFT JOIN practitioners p ON p.user_id = u.id WHERE u.id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, palp_claim_get_int (claim, "rendering-id"));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *credentials = (const char *) sqlite3_column_text (stmt, 1);

      form->signer_name = credentials != NULL && *credentials != '\0'
                            ? g_strdup_printf ("%s, %s", sqlite3_column_text (stmt, 0), credentials)
                            : palp_store_column_dup (stmt, 0);
      rendering_npi = palp_store_column_dup (stmt, 2);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  form->signed_date = palp_claim_get_string (claim, "submitted-on") != NULL
                        ? g_strdup (palp_claim_get_string (claim, "submitted-on"))
                        : palp_date_today_iso ();

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
      PalpClaimFormLine *box = palp_claim_form_add_line (form);
      const char *modifiers = palp_claim_line_get_string (line, "modifiers");
      const char *pointers = palp_claim_line_get_string (line, "pointers");

      box->date_from = g_strdup (palp_claim_line_get_string (line, "service-on"));
      box->place_of_service = g_strdup (palp_claim_get_string (claim, "place-of-service"));
      box->code = g_strdup (palp_claim_line_get_string (line, "code"));
      if (modifiers != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (modifiers, " ", PALP_CLAIM_FORM_MAX_MODIFIERS);

          for (guint m = 0; parts[m] != NULL && m < PALP_CLAIM_FORM_MAX_MODIFIERS; m++)
            box->modifiers[m] = g_strdup (parts[m]);
        }
      if (pointers != NULL)
        g_strlcpy (box->pointers, pointers, sizeof box->pointers);
      box->charge_cents = palp_claim_line_get_int (line, "charge-cents");
      box->units = (guint) palp_claim_line_get_int (line, "units");
      box->rendering_npi = g_strdup (rendering_npi);
    }

  /* The clinic: the facility (32) and the billing provider (33). */
  stmt = palp_store_prepare (self, "SELECT name, street, city, region, postal_code, phone, tax_id"
                                   " FROM clinic WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PalpClaimFormParty *parties[] = { &form->facility, &form->billing };

      for (guint p = 0; p < G_N_ELEMENTS (parties); p++)
        {
          parties[p]->name = palp_store_column_dup (stmt, 0);
          parties[p]->street = palp_store_column_dup (stmt, 1);
          parties[p]->city = palp_store_column_dup (stmt, 2);
          parties[p]->state = palp_store_column_dup (stmt, 3);
          parties[p]->postal_code = palp_store_column_dup (stmt, 4);
          parties[p]->phone = palp_store_column_dup (stmt, 5);
        }
      form->tax_id = palp_store_column_dup (stmt, 6);
      palp_claim_tax_id_is_valid (form->tax_id, &form->tax_id_is_ssn);
    }
  form->facility_npi = g_strdup (settings->billing_npi);
  form->billing_npi = g_strdup (settings->billing_npi);
  return g_steal_pointer (&form);
}

/* Check -------------------------------------------------------------------- */

static const PalpStoreCheck claim_checks[] = {
  { "claim-changed",
    "SELECT c.number, c.status FROM claims c JOIN claim_snapshots s ON s.claim_id = c.id"
    " WHERE c.submitted_snapshot IS NOT NULL AND c.submitted_snapshot IS NOT s.snapshot",
    "claim %s (%s) no longer says what was submitted" },
  { "claim-unsent",
    "SELECT number, status FROM claims WHERE status NOT IN ('draft', 'ready', 'void')"
    " AND submitted_snapshot IS NULL",
    "claim %s is %s but was never submitted" },
  { "claim-totals",
    "SELECT c.number, c.charge_cents FROM claims c"
    " WHERE c.charge_cents != (SELECT coalesce (sum (charge_cents), 0) FROM claim_lines"
    "  WHERE claim_id = c.id)"
    " OR c.paid_cents != (SELECT coalesce (sum (paid_cents), 0) FROM claim_lines"
    "  WHERE claim_id = c.id)"
    " OR c.adjusted_cents != (SELECT coalesce (sum (adjusted_cents), 0) FROM claim_lines"
    "  WHERE claim_id = c.id)",
    "claim %s says %s but its lines add up otherwise" },
  { "claim-not-billable",
    "SELECT c.number, l.id FROM claim_lines l JOIN claims c ON c.id = l.claim_id"
    " JOIN visit_lines v ON v.id = l.visit_line_id JOIN visits x ON x.id = l.visit_id"
    " WHERE v.category != 'therapeutic' OR v.visit_id != l.visit_id OR x.status != 'attended'"
    " OR x.client_id != c.client_id"
    " OR NOT EXISTS (SELECT 1 FROM visit_signatures s WHERE s.visit_id = l.visit_id)",
    "claim %s bills line %s, which is not attended therapeutic work with a signed note" },
};

gboolean
palp_store_check_claims (PalpStore  *self,
                         GPtrArray  *problems,
                         GError    **error)
{
  return palp_store_run_checks (self, claim_checks, G_N_ELEMENTS (claim_checks), problems, error);
}

