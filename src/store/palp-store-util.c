/* palp-store-util.c: small helpers the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-record.h"
#include "palp-store-private.h"
#include "palp-validate.h"

gboolean
palp_store_invalid (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
palp_store_refuse (GError     **error,
                   const char  *message)
{
  g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

gboolean
palp_store_not_found (GError     **error,
                      const char  *message)
{
  g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

gboolean
palp_store_text_ok (const char  *text,
                    gsize        max,
                    gboolean     required,
                    const char  *missing,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (required && *stripped == '\0')
    return palp_store_invalid (error, missing);
  if (!palp_validate_text (text, max, &local))
    return palp_store_invalid (error, local->message);
  return TRUE;
}

GObject *
palp_store_fill_record (GObject      *record,
                        sqlite3_stmt *stmt)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);
  int n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *prop = g_strdup (sqlite3_column_name (stmt, i));
      GParamSpec *pspec;

      g_strdelimit (prop, "_", '-');
      pspec = g_object_class_find_property (klass, prop);
      g_assert (pspec != NULL);
      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        continue;
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        g_object_set (record, prop, sqlite3_column_int64 (stmt, i), NULL);
      else
        g_object_set (record, prop, (const char *) sqlite3_column_text (stmt, i), NULL);
    }
  return record;
}

gpointer
palp_store_first_item (GListModel *list)
{
  if (list == NULL || g_list_model_get_n_items (list) == 0)
    return NULL;
  return g_list_model_get_item (list, 0);
}

GListModel *
palp_store_list_by_id (PalpStore        *self,
                       const char       *sql,
                       gint64            id,
                       GType             type,
                       PalpStoreRowFunc  row,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return palp_store_collect (self, stmt, type, row, error);
}

char *
palp_store_now_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

gint64
palp_store_query_int (PalpStore  *self,
                      const char *sql,
                      gint64      a,
                      gint64      b,
                      gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : fallback;
}

char *
palp_store_query_text (PalpStore  *self,
                       const char *sql,
                       gint64      a)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return palp_store_column_dup (stmt, 0);
}

char *
palp_store_column_dup (sqlite3_stmt *stmt,
                       int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

gpointer
palp_store_load_by_id (PalpStore        *self,
                       const char       *sql,
                       gint64            id,
                       GType             type,
                       PalpStoreRowFunc  row,
                       const char       *missing,
                       GError          **error)
{
  g_autoptr(GListModel) list = palp_store_list_by_id (self, sql, id, type, row, error);
  gpointer item;

  if (list == NULL)
    return NULL;
  if ((item = palp_store_first_item (list)) == NULL)
    palp_store_not_found (error, missing);
  return item;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

gboolean
palp_store_run_checks (PalpStore            *self,
                       const PalpStoreCheck *checks,
                       gsize                 n_checks,
                       GPtrArray            *problems,
                       GError              **error)
{
  for (gsize i = 0; i < n_checks; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, checks[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *a = (const char *) sqlite3_column_text (stmt, 0);
          const char *b = (const char *) sqlite3_column_text (stmt, 1);
          g_autofree char *message = g_strdup_printf (checks[i].format, a ? a : "", b ? b : "");

          g_ptr_array_add (problems, g_strdup_printf ("%s: %s", checks[i].code, message));
        }
      if (rc != SQLITE_DONE)
        return palp_store_set_db_error (error, palp_store_get_db (self), rc);
    }
  return TRUE;
}

#pragma GCC diagnostic pop

gboolean
palp_store_exec_props (PalpStore          *self,
                       const char         *sql,
                       gpointer            record,
                       const char * const *props,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; props[i] != NULL; i++)
    {
      gboolean zero_null = g_str_has_suffix (props[i], "?");
      g_autofree char *prop = g_strndup (props[i], strlen (props[i]) - (zero_null ? 1 : 0));
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), prop);

      g_assert (pspec != NULL);
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        {
          gint64 v = palp_record_get_int (PALP_RECORD (record), prop);

          if (zero_null && v == 0)
            sqlite3_bind_null (stmt, i + 1);
          else
            sqlite3_bind_int64 (stmt, i + 1, v);
        }
      else
        palp_store_bind_text (stmt, i + 1, palp_record_get_string (PALP_RECORD (record), prop));
    }
  return palp_store_step_done (self, stmt, error);
}
