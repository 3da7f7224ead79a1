/* palp-store-audit.c: reading the audit log, filtered and a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-audit-words.h"
#include "palp-date.h"
#include "palp-store-audit.h"
#include "palp-store-private.h"

/* The UTC instant a local day starts, as the log writes its times
 * ("YYYY-MM-DDTHH:MM:SS"; the log's fractions and "Z" sort after it). */
static char *
day_start_utc (const char *iso,
               int         plus_days,
               GError    **error)
{
  GDate date;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (!palp_date_parse_iso (iso, &date))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Use the form YYYY-MM-DD."), iso);
      return NULL;
    }
  if (plus_days > 0)
    g_date_add_days (&date, plus_days);
  local = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static void
append_in (GString            *sql,
           const char         *column,
           const char * const *values)
{
  g_string_append_printf (sql, " AND %s IN (", column);
  for (guint i = 0; values[i] != NULL; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
}

GListModel *
palp_store_query_audit (PalpStore             *self,
                        const PalpAuditQuery  *query,
                        GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gboolean hide_narrative;
  int n = 0;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!palp_store_require (self, query->client_id > 0 ? PALP_ACTION_VIEW_HISTORY
                                                      : PALP_ACTION_VIEW_AUDIT, 0, error))
    return NULL;
  hide_narrative = !palp_store_require (self, PALP_ACTION_VIEW_CLINICAL, 0, NULL);
  if (query->from != NULL && !(from = day_start_utc (query->from, 0, error)))
    return NULL;
  if (query->to != NULL && !(to = day_start_utc (query->to, 1, error)))
    return NULL;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) >= 0)
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                           _("The first day comes after the last. Swap them."));
      return NULL;
    }

  /* Only the conditions asked for are written, so SQLite walks the index
   * that fits: one client's rows through audit_client (client_id, id), the
   * clinic's backwards through the row ids, stopping at a page. A
   * catch-all "?1 = 0 OR client_id = ?1" would read the whole log. */
  g_string_append (sql,
                   "SELECT a.id, a.at, a.user_id, u.display_name, a.action, a.table_name,"
                   " a.row_id, a.client_id, a.before, a.after"
                   " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE 1");
  if (query->client_id > 0)
    g_string_append (sql, " AND a.client_id = ?");
  if (query->user_id > 0)
    g_string_append (sql, " AND a.user_id = ?");
  if (from != NULL)
    g_string_append (sql, " AND a.at >= ?");
  if (to != NULL)
    g_string_append (sql, " AND a.at < ?");
  if (query->tables != NULL && query->tables[0] != NULL)
    append_in (sql, "a.table_name", query->tables);
  if (query->actions != NULL && query->actions[0] != NULL)
    append_in (sql, "a.action", query->actions);
  if (query->before_id > 0)
    g_string_append (sql, " AND a.id < ?");
  g_string_append (sql, " ORDER BY a.id DESC LIMIT ? OFFSET ?");

  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return NULL;
  if (query->client_id > 0)
    sqlite3_bind_int64 (stmt, ++n, query->client_id);
  if (query->user_id > 0)
    sqlite3_bind_int64 (stmt, ++n, query->user_id);
  if (from != NULL)
    sqlite3_bind_text (stmt, ++n, from, -1, SQLITE_TRANSIENT);
  if (to != NULL)
    sqlite3_bind_text (stmt, ++n, to, -1, SQLITE_TRANSIENT);
  for (guint i = 0; query->tables != NULL && query->tables[i] != NULL; i++)
    sqlite3_bind_text (stmt, ++n, query->tables[i], -1, SQLITE_TRANSIENT);
  for (guint i = 0; query->actions != NULL && query->actions[i] != NULL; i++)
    sqlite3_bind_text (stmt, ++n, query->actions[i], -1, SQLITE_TRANSIENT);
  if (query->before_id > 0)
    sqlite3_bind_int64 (stmt, ++n, query->before_id);
  sqlite3_bind_int64 (stmt, ++n, query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, ++n, query->offset);

  store = g_list_store_new (PALP_TYPE_AUDIT_ENTRY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 5);
      gboolean hide = hide_narrative && palp_audit_table_is_narrative (table);
      g_autoptr(PalpAuditEntry) entry =
        g_object_new (PALP_TYPE_AUDIT_ENTRY,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "at", (const char *) sqlite3_column_text (stmt, 1),
                      "user-id", sqlite3_column_int64 (stmt, 2),
                      "user-name", (const char *) sqlite3_column_text (stmt, 3),
                      "action", (const char *) sqlite3_column_text (stmt, 4),
                      "table-name", table,
                      "row-id", sqlite3_column_int64 (stmt, 6),
                      "client-id", sqlite3_column_int64 (stmt, 7),
                      "before", hide ? NULL : (const char *) sqlite3_column_text (stmt, 8),
                      "after", hide ? NULL : (const char *) sqlite3_column_text (stmt, 9),
                      NULL);

      g_list_store_append (store, entry);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
