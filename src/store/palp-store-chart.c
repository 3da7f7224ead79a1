/* palp-store-chart.c: the body chart's marks and a visit's signature
 *
 * The schema holds the same rules (shapes, kinds, intensity, frozen once
 * signed); the checks here give the caller a clear message first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-mark-kind.h"
#include "palp-store-private.h"
#include "palp-validate.h"

static const char *view_keys[] = {
  "body-anterior", "body-posterior", "head-left", "head-right", "face", "intra-oral", NULL
};

#define MARK_COLUMNS \
  "id, visit_id, atlas_version, coalesce (intensity, 0), intensity IS NOT NULL, created_by," \
  " view, kind, shape, geometry, regions, depth, note, created_at"

static GObject *
mark_from_stmt (PalpStore     *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  static const char *columns[] = {
    "id", "visit-id", "atlas-version", "intensity", "has-intensity", "created-by", "view",
    "kind", "shape", "geometry", "regions", "depth", "note", "created-at", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_MARK, columns, stmt);
}

GListModel *
palp_store_list_marks (PalpStore  *self,
                       gint64      visit_id,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT " MARK_COLUMNS " FROM chart_marks"
                                   " WHERE visit_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  return palp_store_collect (self, stmt, PALP_TYPE_MARK, mark_from_stmt, error);
}

static gboolean
validate_mark (PalpMark  *mark,
               GError   **error)
{
  const char *view = palp_mark_get_string (mark, "view");
  const char *depth = palp_mark_get_string (mark, "depth");
  const char *note = palp_mark_get_string (mark, "note");
  g_autoptr(GArray) xy = NULL;
  g_autoptr(GError) local = NULL;
  PalpMarkKind kind;
  PalpMarkShape shape;

  if (view == NULL || !g_strv_contains (view_keys, view))
    return palp_store_invalid (error, _("Choose the view of the body chart the mark is on."));
  if (!palp_mark_kind_from_key (palp_mark_get_string (mark, "kind"), &kind))
    return palp_store_invalid (error, _("Choose what the mark shows: a sensation, a finding or a zone."));
  if (!palp_mark_shape_from_key (palp_mark_get_string (mark, "shape"), &shape) ||
      !palp_mark_kind_allows_shape (kind, shape))
    return palp_store_invalid (error, _("This kind of mark cannot be drawn that way."));
  if (!(xy = palp_mark_geometry_parse (palp_mark_get_string (mark, "geometry"), shape, &local)))
    return palp_store_invalid (error, local->message);
  if (palp_mark_get_int (mark, "has-intensity") &&
      (!palp_mark_kind_has_intensity (kind) || palp_mark_get_int (mark, "intensity") > 10))
    return palp_store_invalid (error, _("An intensity is a number from 0 to 10, for sensations and "
                             "findings that have one."));
  if (depth != NULL && !g_str_equal (depth, "superficial") && !g_str_equal (depth, "deep"))
    return palp_store_invalid (error, _("Depth is superficial or deep."));
  if (note != NULL && !palp_validate_text (note, 2000, &local))
    return palp_store_invalid (error, local->message);
  if (palp_mark_get_int (mark, "atlas-version") < 1)
    return palp_store_invalid (error, _("The mark does not say which atlas it was drawn on."));
  return TRUE;
}

/* The visit's practitioner (0 if there is no such visit). */
static gint64
practitioner_of (PalpStore  *self,
                 const char *sql,
                 gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
visit_is_signed (PalpStore  *self,
                 gint64      visit_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    palp_store_prepare (self, "SELECT 1 FROM visit_signatures WHERE visit_id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
may_document (PalpStore  *self,
              gint64      visit_id,
              GError    **error)
{
  gint64 practitioner = practitioner_of (self, "SELECT practitioner_id FROM visits WHERE id = ?1",
                                         visit_id);

  if (practitioner == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This visit no longer exists."));
      return FALSE;
    }
  if (!palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT, practitioner, error))
    return FALSE;
  if (visit_is_signed (self, visit_id))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                   _("This visit is signed: its chart can no longer change."));
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_save_mark (PalpStore  *self,
                      PalpMark   *mark,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created_at = NULL;
  gint64 id, visit_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_MARK (mark), FALSE);

  id = palp_mark_get_int (mark, "id");
  visit_id = palp_mark_get_int (mark, "visit-id");
  if (!validate_mark (mark, error) || !may_document (self, visit_id, error))
    return FALSE;

  created_at = g_strdup (palp_mark_get_string (mark, "created-at"));
  if (created_at == NULL)
    created_at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, id == 0
                               ? "INSERT INTO chart_marks (visit_id, atlas_version, view, kind,"
                                 " shape, geometry, regions, intensity, depth, note, created_by,"
                                 " created_at, id)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                 " palp_actor (), ?11, NULL)"
                               : "UPDATE chart_marks SET visit_id = ?1, atlas_version = ?2,"
                                 " view = ?3, kind = ?4, shape = ?5, geometry = ?6,"
                                 " regions = ?7, intensity = ?8, depth = ?9, note = ?10"
                                 " WHERE id = ?12 AND ?11 IS NOT NULL",
                             error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, palp_mark_get_int (mark, "atlas-version"));
  palp_store_bind_text (stmt, 3, palp_mark_get_string (mark, "view"));
  palp_store_bind_text (stmt, 4, palp_mark_get_string (mark, "kind"));
  palp_store_bind_text (stmt, 5, palp_mark_get_string (mark, "shape"));
  palp_store_bind_text (stmt, 6, palp_mark_get_string (mark, "geometry"));
  palp_store_bind_text (stmt, 7, palp_mark_get_string (mark, "regions"));
  if (palp_mark_get_int (mark, "has-intensity"))
    sqlite3_bind_int64 (stmt, 8, palp_mark_get_int (mark, "intensity"));
  else
    sqlite3_bind_null (stmt, 8);
  palp_store_bind_text (stmt, 9, palp_mark_get_string (mark, "depth"));
  palp_store_bind_text (stmt, 10, palp_mark_get_string (mark, "note"));
  palp_store_bind_text (stmt, 11, created_at);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 12, id);
  ok = palp_store_step_done (self, stmt, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  else if (ok && sqlite3_changes (palp_store_get_db (self)) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This mark no longer exists."));
      ok = FALSE;
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (mark, "id", id, "created-at", created_at, NULL);
  if (palp_mark_get_int (mark, "created-by") == 0)
    g_object_set (mark, "created-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

gboolean
palp_store_delete_mark (PalpStore  *self,
                        gint64      mark_id,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 visit_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  visit_id = practitioner_of (self, "SELECT visit_id FROM chart_marks WHERE id = ?1", mark_id);
  if (visit_id == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This mark no longer exists."));
      return FALSE;
    }
  if (!may_document (self, visit_id, error) || !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "DELETE FROM chart_marks WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, mark_id);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gint64
palp_store_copy_last_marks (PalpStore  *self,
                            gint64      visit_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), -1);

  if (!may_document (self, visit_id, error) || !palp_store_tx_begin (self, error))
    return -1;
  /* The client's latest visit before this one that has a chart. */
  stmt = palp_store_prepare (self,
                             "INSERT INTO chart_marks (visit_id, atlas_version, view, kind, shape,"
                             " geometry, regions, intensity, depth, note, created_by, created_at)"
                             " SELECT ?1, m.atlas_version, m.view, m.kind, m.shape, m.geometry,"
                             " m.regions, m.intensity, m.depth, m.note, palp_actor (),"
                             " strftime ('%Y-%m-%d %H:%M:%S', 'now', 'localtime')"
                             " FROM chart_marks m WHERE m.visit_id = ("
                             "  SELECT p.id FROM visits p JOIN visits v ON v.id = ?1"
                             "  WHERE p.client_id = v.client_id AND p.id != v.id"
                             "  AND (p.starts_at, p.id) < (v.starts_at, v.id)"
                             "  AND EXISTS (SELECT 1 FROM chart_marks x WHERE x.visit_id = p.id)"
                             "  ORDER BY p.starts_at DESC, p.id DESC LIMIT 1)"
                             " ORDER BY m.id",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, visit_id);
      ok = palp_store_step_done (self, stmt, error);
      n = sqlite3_changes (palp_store_get_db (self));
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return -1;
  return n;
}
