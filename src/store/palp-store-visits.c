/* palp-store-visits.c: the service catalogue, visits and billing lines
 *
 * The category rules live in the schema's triggers as well as here, so a
 * bug above the store cannot file esthetic work under massage therapy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-date.h"
#include "palp-service-category.h"
#include "palp-store-private.h"
#include "palp-validate.h"

static const char *visit_statuses[] = { "booked", "attended", "cancelled", "no-show", NULL };

GListModel *
palp_store_list_services (PalpStore  *self,
                          gboolean    include_inactive,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_SERVICE);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self,
                             "SELECT id, name, category, duration_minutes, fee_cents, cpt_code,"
                             " timed, active FROM services WHERE ?1 OR active = 1"
                             " ORDER BY CASE category WHEN 'therapeutic' THEN 0"
                             " WHEN 'esthetic' THEN 1 ELSE 2 END, name COLLATE NOCASE, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpService) service = palp_service_new ();

      g_object_set (service,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "name", (const char *) sqlite3_column_text (stmt, 1),
                    "category", (const char *) sqlite3_column_text (stmt, 2),
                    "duration-minutes", sqlite3_column_int64 (stmt, 3),
                    "fee-cents", sqlite3_column_int64 (stmt, 4),
                    "cpt-code", (const char *) sqlite3_column_text (stmt, 5),
                    "timed", sqlite3_column_int64 (stmt, 6),
                    "active", sqlite3_column_int64 (stmt, 7),
                    NULL);
      g_list_store_append (store, service);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gboolean
validate_service (PalpService  *service,
                  GError      **error)
{
  g_autoptr(GError) local = NULL;
  PalpServiceCategory category;
  const char *cpt = palp_service_get_string (service, "cpt-code");
  gint64 fee = palp_service_get_int (service, "fee-cents");
  gint64 minutes = palp_service_get_int (service, "duration-minutes");

  if (!palp_validate_name (palp_service_get_string (service, "name"), TRUE, &local) ||
      !palp_service_category_from_key (palp_service_get_string (service, "category"), &category,
                                       &local))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, local->message);
      return FALSE;
    }
  if (fee < 0 || fee > 100000000 || minutes < 0 || minutes > 600)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Check the service's fee and duration."));
      return FALSE;
    }
  /* Procedure codes describe massage therapy; cosmetic work never has one. */
  if (category != PALP_SERVICE_CATEGORY_THERAPEUTIC &&
      (cpt != NULL || palp_service_get_int (service, "timed") != 0))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Only therapeutic services carry a procedure code or timed units."));
      return FALSE;
    }
  if (cpt != NULL && (strlen (cpt) != 5 || strspn (cpt, "0123456789") != 5))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A procedure code is five digits, such as 97124."));
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_save_service (PalpStore    *self,
                         PalpService  *service,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_SERVICE (service), FALSE);

  if (!validate_service (service, error) ||
      !palp_store_require (self, PALP_ACTION_EDIT_SERVICES, 0, error))
    return FALSE;

  id = palp_service_get_int (service, "id");
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, id == 0
                                     ? "INSERT INTO services (name, category, duration_minutes,"
                                       " fee_cents, cpt_code, timed, active, id)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)"
                                     : "UPDATE services SET name = ?1, category = ?2,"
                                       " duration_minutes = ?3, fee_cents = ?4, cpt_code = ?5,"
                                       " timed = ?6, active = ?7 WHERE id = ?8",
                             error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  palp_store_bind_text (stmt, 1, palp_service_get_string (service, "name"));
  palp_store_bind_text (stmt, 2, palp_service_get_string (service, "category"));
  sqlite3_bind_int64 (stmt, 3, palp_service_get_int (service, "duration-minutes"));
  sqlite3_bind_int64 (stmt, 4, palp_service_get_int (service, "fee-cents"));
  palp_store_bind_text (stmt, 5, palp_service_get_string (service, "cpt-code"));
  sqlite3_bind_int64 (stmt, 6, palp_service_get_int (service, "timed") ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, palp_service_get_int (service, "active") ? 1 : 0);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  ok = palp_store_step_done (self, stmt, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (service, "id", id, NULL);
  return TRUE;
}

gboolean
palp_store_service_is_billed (PalpStore  *self,
                              gint64      service_id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  stmt = palp_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM visit_lines"
                                   " WHERE service_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, service_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return sqlite3_column_int (stmt, 0) != 0;
}

#define VISIT_SELECT \
  "SELECT v.id, v.client_id, v.practitioner_id, v.starts_at, v.duration_minutes, v.status," \
  " v.mixed_confirmed_by, v.mixed_confirmed_at," \
  " (SELECT group_concat (category, ',') FROM (SELECT DISTINCT category FROM visit_lines" \
  "   WHERE visit_id = v.id ORDER BY category))," \
  " (SELECT count (*) FROM visit_lines l WHERE l.visit_id = v.id AND NOT EXISTS (" \
  "   SELECT 1 FROM receipt_lines rl WHERE rl.visit_line_id = l.id" \
  "   AND rl.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids)))," \
  " trim (coalesce (nullif (c.preferred_name, ''), c.given_name) || ' ' || c.family_name)," \
  " u.display_name, (SELECT signed_at FROM visit_signatures WHERE visit_id = v.id)" \
  " FROM visits v JOIN clients c ON c.id = v.client_id JOIN users u ON u.id = v.practitioner_id "

static GObject *
visit_row (PalpStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  /* In VISIT_SELECT's order. */
  static const char *columns[] = {
    "id", "client-id", "practitioner-id", "starts-at", "duration-minutes", "status",
    "mixed-confirmed-by", "mixed-confirmed-at", "categories", "unreceipted", "client-name",
    "practitioner-name", "signed-at", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_VISIT, columns, stmt);
}

GListModel *
palp_store_list_visits (PalpStore  *self,
                        gint64      client_id,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  /* Two statements rather than "?1 = 0 OR ...": one client's visits are
   * read through its index, not by scanning the clinic's. */
  stmt = palp_store_prepare (self, client_id != 0
                                     ? VISIT_SELECT "WHERE v.client_id = ?1"
                                       " ORDER BY v.starts_at DESC, v.id DESC"
                                     : VISIT_SELECT "WHERE ?1 = 0"
                                       " ORDER BY v.starts_at DESC, v.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  return palp_store_collect (self, stmt, PALP_TYPE_VISIT, visit_row, error);
}

GListModel *
palp_store_list_visits_on (PalpStore   *self,
                           const char  *date,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, VISIT_SELECT "WHERE date (v.starts_at) = ?1"
                                   " ORDER BY u.display_name COLLATE NOCASE, v.practitioner_id,"
                                   " v.starts_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, date);
  return palp_store_collect (self, stmt, PALP_TYPE_VISIT, visit_row, error);
}

GListModel *
palp_store_list_unreceipted_visits (PalpStore   *self,
                                    const char  *except_date,
                                    guint        limit,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, VISIT_SELECT
                             "WHERE v.status IN ('attended', 'no-show')"
                             " AND (?1 IS NULL OR date (v.starts_at) != ?1)"
                             " AND EXISTS (SELECT 1 FROM visit_lines l WHERE l.visit_id = v.id"
                             "  AND NOT EXISTS (SELECT 1 FROM receipt_lines rl"
                             "   WHERE rl.visit_line_id = l.id AND rl.receipt_id NOT IN"
                             "   (SELECT receipt_id FROM receipt_voids)))"
                             " ORDER BY v.starts_at DESC, v.id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  palp_store_bind_text (stmt, 1, except_date);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return palp_store_collect (self, stmt, PALP_TYPE_VISIT, visit_row, error);
}

PalpVisit *
palp_store_load_visit (PalpStore  *self,
                       gint64      id,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = palp_store_prepare (self, VISIT_SELECT "WHERE v.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return PALP_VISIT (visit_row (self, stmt, error));
  if (rc == SQLITE_DONE)
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("This visit no longer exists."));
  else
    palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return NULL;
}

/* "YYYY-MM-DD HH:MM" (seconds allowed): a real day, a real time, from 1900
 * to ten years ahead. SQLite's datetime () would take 30 February as
 * 2 March. */
static gboolean
starts_at_ok (const char *text)
{
  g_autofree char *day = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate date;
  size_t len = text ? strlen (text) : 0;
  int hour, minute, second = 0;

  if ((len != 16 && len != 19) || text[10] != ' ' || text[13] != ':' ||
      (len == 19 && text[16] != ':'))
    return FALSE;
  for (size_t i = 11; i < len; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return FALSE;
  day = g_strndup (text, 10);
  if (!palp_date_parse_iso (day, &date))
    return FALSE;
  hour = g_ascii_digit_value (text[11]) * 10 + g_ascii_digit_value (text[12]);
  minute = g_ascii_digit_value (text[14]) * 10 + g_ascii_digit_value (text[15]);
  if (len == 19)
    second = g_ascii_digit_value (text[17]) * 10 + g_ascii_digit_value (text[18]);
  now = g_date_time_new_now_local ();
  return hour < 24 && minute < 60 && second < 60 && g_date_get_year (&date) >= 1900 &&
         g_date_get_year (&date) <= g_date_time_get_year (now) + 10;
}

gboolean
palp_store_save_visit (PalpStore  *self,
                       PalpVisit  *visit,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *status = palp_visit_get_string (visit, "status");
  const char *starts = palp_visit_get_string (visit, "starts-at");
  gint64 id, minutes;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_VISIT (visit), FALSE);

  if (status == NULL)
    status = "booked";
  minutes = palp_visit_get_int (visit, "duration-minutes");
  if (!g_strv_contains (visit_statuses, status) || starts == NULL || minutes < 1 ||
      minutes > 600)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A visit needs a start time, a duration of 1 to 600 minutes and a "
                     "status."));
      return FALSE;
    }
  if (!starts_at_ok (starts))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Give the visit a real day and start time, such as 2026-11-20 09:30, "
                     "no more than ten years ahead."));
      return FALSE;
    }

  id = palp_visit_get_int (visit, "id");
  if (!palp_store_require (self, PALP_ACTION_BOOK_VISITS, 0, error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, id == 0
                                     ? "INSERT INTO visits (client_id, practitioner_id, starts_at,"
                                       " duration_minutes, status, id)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, NULL)"
                                     : "UPDATE visits SET client_id = ?1, practitioner_id = ?2,"
                                       " starts_at = ?3, duration_minutes = ?4, status = ?5"
                                       " WHERE id = ?6",
                             error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, palp_visit_get_int (visit, "client-id"));
  sqlite3_bind_int64 (stmt, 2, palp_visit_get_int (visit, "practitioner-id"));
  palp_store_bind_text (stmt, 3, starts);
  sqlite3_bind_int64 (stmt, 4, minutes);
  palp_store_bind_text (stmt, 5, status);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);
  ok = palp_store_step_done (self, stmt, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (visit, "id", id, "status", status, NULL);
  return TRUE;
}

GListModel *
palp_store_list_visit_lines (PalpStore  *self,
                             gint64      visit_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_VISIT_LINE);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT l.id, l.visit_id, l.service_id, l.category,"
                                   " l.description, l.minutes, l.quantity, l.price_cents,"
                                   " EXISTS (SELECT 1 FROM receipt_lines rl"
                                   "  WHERE rl.visit_line_id = l.id AND rl.receipt_id NOT IN"
                                   "  (SELECT receipt_id FROM receipt_voids))"
                                   " FROM visit_lines l WHERE l.visit_id = ?1 ORDER BY l.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpVisitLine) line = palp_visit_line_new ();

      g_object_set (line,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "visit-id", sqlite3_column_int64 (stmt, 1),
                    "service-id", sqlite3_column_int64 (stmt, 2),
                    "category", (const char *) sqlite3_column_text (stmt, 3),
                    "description", (const char *) sqlite3_column_text (stmt, 4),
                    "minutes", sqlite3_column_int64 (stmt, 5),
                    "quantity", sqlite3_column_int64 (stmt, 6),
                    "price-cents", sqlite3_column_int64 (stmt, 7),
                    "receipted", sqlite3_column_int64 (stmt, 8),
                    NULL);
      g_list_store_append (store, line);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The practitioner of @visit_id (0 when there is no such visit). */
static gint64
visit_practitioner (PalpStore  *self,
                    const char *sql,
                    gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gint64
palp_store_add_visit_line (PalpStore  *self,
                           gint64      visit_id,
                           gint64      service_id,
                           guint       minutes,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (PALP_IS_STORE (self), 0);

  if (minutes > 600)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A service lasts at most 600 minutes."));
      return 0;
    }
  if (!palp_store_require (self, PALP_ACTION_EDIT_VISIT_LINES,
                           visit_practitioner (self, "SELECT practitioner_id FROM visits"
                                                     " WHERE id = ?1", visit_id),
                           error) ||
      !palp_store_tx_begin (self, error))
    return 0;
  /* Name, category and fee come from the catalogue, never from the caller. */
  stmt = palp_store_prepare (self, "INSERT INTO visit_lines (visit_id, service_id, category,"
                                   " description, minutes, quantity, price_cents)"
                                   " SELECT ?1, id, category, name,"
                                   " CASE WHEN ?3 > 0 THEN ?3 ELSE duration_minutes END, 1,"
                                   " fee_cents FROM services WHERE id = ?2 AND active = 1",
                             error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, service_id);
  sqlite3_bind_int64 (stmt, 3, minutes);
  ok = palp_store_step_done (self, stmt, error);
  if (ok && sqlite3_changes (palp_store_get_db (self)) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This service is not in the catalogue any more."));
      ok = FALSE;
    }
  if (ok)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return 0;
  return id;
}

gboolean
palp_store_remove_visit_line (PalpStore  *self,
                              gint64      line_id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!palp_store_require (self, PALP_ACTION_EDIT_VISIT_LINES,
                           visit_practitioner (self, "SELECT v.practitioner_id FROM visits v"
                                                     " JOIN visit_lines l ON l.visit_id = v.id"
                                                     " WHERE l.id = ?1", line_id),
                           error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, "DELETE FROM visit_lines WHERE id = ?1", error)))
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, line_id);
  ok = palp_store_step_done (self, stmt, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gboolean
palp_store_confirm_mixed_visit (PalpStore  *self,
                                gint64      visit_id,
                                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  /* The front desk's decision: an admin's. */
  if (!palp_store_require (self, PALP_ACTION_ISSUE_RECEIPTS, 0, error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE visits SET mixed_confirmed_by = palp_actor (),"
                                   " mixed_confirmed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, visit_id);
  ok = palp_store_step_done (self, stmt, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}
