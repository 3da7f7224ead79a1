/* palp-store-archive-import.c: loading a clinic archive into an empty database
 *
 * Everything is read and checked before anything is written: the text
 * (UTF-8, nesting), the header (format, version, scope), every table,
 * column and value against the database's own schema. Then the rows go in
 * within one transaction, in the archive's table order; constraints are
 * checked row by row, foreign keys at the end, and the whole clinic
 * through palp_store_check(), the same check as "palpate-cli check". Any
 * fault rolls everything back, and the message names the JSON path at
 * fault ("$.tables.visits[3].starts_at").
 *
 * Rows that are frozen once written (issued receipts, signatures, the
 * audit log) and rows that write the audit log would refuse or multiply
 * an archive's rows, so the triggers that guard them are dropped inside
 * the import's transaction and created again, from their own text, before
 * it commits: no other connection ever sees them missing, a failed import
 * rolls them back with the rest, and what they guard is then checked over
 * the whole clinic at once. Triggers that only keep a search index are
 * left on, so the index is built as the rows go in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-store-archive-private.h"

/* The format nests five levels ($, tables, a table, a row, a file). */
#define MAX_DEPTH 16
/* One text value: far above any note, far below what would hurt. */
#define MAX_TEXT (1024 * 1024)
/* One stored file (a receipt's PDF, a logo) as base64. */
#define MAX_BASE64 (64 * 1024 * 1024)
/* Names shown in messages. */
#define MAX_NAME 64

static const char * const header_members[] = {
  "format", "format_version", "schema_version", "scope", "client_id", "as_of", "tables", NULL,
};

gboolean
palp_archive_exec (PalpStore   *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3 *db = palp_store_get_db (self);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return palp_store_set_db_error (error, db, rc);
  return TRUE;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

/* "$.tables" + "visits" → "$.tables.visits"; odd names are quoted and cut. */
static char *
path_member (const char *parent,
             const char *name)
{
  g_autoptr(GString) quoted = NULL;
  gboolean plain = *name != '\0' && strlen (name) <= MAX_NAME;

  for (const char *p = name; plain && *p; p++)
    plain = g_ascii_isalnum (*p) || *p == '_';
  if (plain)
    return g_strdup_printf ("%s.%s", parent, name);
  quoted = g_string_new (NULL);
  palp_archive_append_string (quoted, name, MIN (strlen (name), MAX_NAME));
  return g_strdup_printf ("%s[%s]", parent, quoted->str);
}

static gboolean
check_text (const char  *data,
            gsize        size,
            GError     **error)
{
  int depth = 0;
  gboolean in_string = FALSE;

  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate_len (data, size, NULL))
    return fail (error, "$", _("this is not an archive: it is not JSON text"));
  /* A parser recursing into 10,000 nested arrays must never be reached. */
  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > MAX_DEPTH)
        return fail (error, "$", _("arrays or objects are nested more than %d deep"), MAX_DEPTH);
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

static gboolean
valid_base64 (const char *text,
              gsize       length)
{
  if (length % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (g_ascii_isalnum (c) || c == '+' || c == '/')
        continue;
      if (c == '=' && i + 2 >= length && (i + 1 == length || text[i + 1] == '='))
        continue;
      return FALSE;
    }
  return TRUE;
}

static const char *
expected (PalpArchiveAffinity affinity)
{
  switch (affinity)
    {
    case PALP_ARCHIVE_INTEGER:
      return _("a whole number or null");
    case PALP_ARCHIVE_REAL:
    case PALP_ARCHIVE_NUMERIC:
      return _("a number or null");
    case PALP_ARCHIVE_TEXT:
      return _("text or null");
    case PALP_ARCHIVE_ANY:
    default:
      return _("a value or {\"base64\": …}");
    }
}

/* Whether a JSON value may go into a column: the storage class SQLite
 * would give it must fit the column's affinity. */
static gboolean
check_value (JsonNode             *node,
             PalpArchiveAffinity   affinity,
             const char           *path,
             GError              **error)
{
  int type = -1;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      {
        GType value_type = json_node_get_value_type (node);

        if (value_type == G_TYPE_INT64)
          type = SQLITE_INTEGER;
        else if (value_type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node)))
          type = SQLITE_FLOAT;
        else if (value_type == G_TYPE_STRING)
          {
            type = SQLITE_TEXT;
            if (strlen (json_node_get_string (node)) > MAX_TEXT)
              return fail (error, path, _("the text is longer than %d bytes"), MAX_TEXT);
          }
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonNode *b64 = json_object_get_member (object, "base64");
        g_autofree char *inner = g_strdup_printf ("%s.base64", path);
        const char *text;

        if (json_object_get_size (object) != 1 || b64 == NULL ||
            json_node_get_value_type (b64) != G_TYPE_STRING)
          break;
        text = json_node_get_string (b64);
        if (strlen (text) > MAX_BASE64)
          return fail (error, inner, _("the file is larger than %d bytes of base64"), MAX_BASE64);
        if (!valid_base64 (text, strlen (text)))
          return fail (error, inner, _("this is not base64"));
        type = SQLITE_BLOB;
      }
      break;
    case JSON_NODE_ARRAY:
    default:
      break;
    }
  if (type < 0 || !palp_archive_fits (affinity, type))
    return fail (error, path, _("expected %s"), expected (affinity));
  return TRUE;
}

static PalpArchiveColumn *
find_column (PalpArchiveTable *table,
             const char       *name)
{
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (((PalpArchiveColumn *) g_ptr_array_index (table->columns, i))->name, name))
      return g_ptr_array_index (table->columns, i);
  return NULL;
}

static gboolean
check_table (PalpArchiveTable  *table,
             JsonNode          *node,
             const char        *path,
             GError           **error)
{
  JsonArray *rows;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, _("expected an array of rows"));
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autofree char *row_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        return fail (error, row_path, _("expected a row, an object of columns"));
      members = json_object_get_members (json_node_get_object (row));
      for (GList *m = members; m != NULL; m = m->next)
        {
          PalpArchiveColumn *column = find_column (table, m->data);
          g_autofree char *column_path = path_member (row_path, m->data);

          if (column == NULL)
            return fail (error, column_path, _("the table %s has no such column"), table->name);
          if (!check_value (json_object_get_member (json_node_get_object (row), m->data),
                            column->affinity, column_path, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_header (PalpStore   *self,
              JsonObject  *root,
              GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (root);
  JsonNode *node;

  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (header_members, m->data))
      {
        g_autofree char *path = path_member ("$", m->data);

        return fail (error, path, _("an archive has no such member"));
      }

  node = json_object_get_member (root, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), PALP_ARCHIVE_FORMAT))
    return fail (error, "$.format", _("this is not a Palpate archive"));
  node = json_object_get_member (root, "format_version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != PALP_ARCHIVE_FORMAT_VERSION)
    return fail (error, "$.format_version", _("this Palpate reads archives of format %d only"),
                 PALP_ARCHIVE_FORMAT_VERSION);
  node = json_object_get_member (root, "schema_version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, "$.schema_version", _("expected the schema's version, a whole number"));
  if (json_node_get_int (node) > palp_store_get_version (self))
    return fail (error, "$.schema_version",
                 _("the archive was written by a newer Palpate: update Palpate to import it"));
  if (json_node_get_int (node) != palp_store_get_version (self))
    return fail (error, "$.schema_version",
                 _("the archive was written by an older Palpate: open it with that version, "
                   "update its database, and export it again"));
  node = json_object_get_member (root, "scope");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, "$.scope", _("expected “clinic”"));
  if (g_str_equal (json_node_get_string (node), "client"))
    return fail (error, "$.scope", _("this is one client's record, not a clinic archive; it "
                                     "cannot be imported"));
  if (!g_str_equal (json_node_get_string (node), "clinic"))
    return fail (error, "$.scope", _("expected “clinic”"));
  if (json_object_has_member (root, "client_id"))
    return fail (error, "$.client_id", _("a clinic archive has no client"));
  node = json_object_get_member (root, "as_of");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, "$.as_of", _("expected a time or null"));
  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, "$.tables", _("expected an object of tables"));
  return TRUE;
}

static gboolean
check_tables (PalpStore   *self,
              GPtrArray   *tables,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *m = members; m != NULL; m = m->next)
    {
      PalpArchiveTable *table = palp_archive_find_table (tables, m->data);
      g_autofree char *path = path_member ("$.tables", m->data);

      if (table == NULL)
        return fail (error, path, palp_archive_is_exported (m->data)
                                    ? _("this version of Palpate has no such table")
                                    : _("this table is rebuilt, never imported"));
      if (!check_table (table, json_object_get_member (object, m->data), path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (PalpStore  *self,
             GPtrArray  *tables,
             GError    **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      PalpArchiveTable *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (table->singleton)
        continue;
      sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM \"%s\")", table->name);
      if (!(stmt = palp_store_prepare (self, sql, error)))
        return FALSE;
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return palp_store_set_db_error (error, palp_store_get_db (self), rc);
      if (sqlite3_column_int (stmt, 0))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                       _("The database at “%s” already holds a clinic (its %s are not empty). "
                         "An archive is imported only into a new, empty database: choose "
                         "another file with --database."),
                       palp_store_get_path (self), table->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether a trigger only keeps a table that is never exported (a search
 * index): it stays on during an import. */
static gboolean
keeps_index_only (const char *sql)
{
  g_autoptr(GRegex) begin = g_regex_new ("\\bBEGIN\\b", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) writes = g_regex_new ("\\b(?:INSERT(?:\\s+OR\\s+\\w+)?\\s+INTO|REPLACE\\s+INTO"
                                          "|DELETE\\s+FROM|UPDATE(?:\\s+OR\\s+\\w+)?)"
                                          "\\s+[\"`]?(\\w+)", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *upper = g_ascii_strup (sql, -1);
  const char *body;
  int start, end;
  gboolean any = FALSE;

  if (!g_regex_match (begin, sql, 0, &match) || !g_match_info_fetch_pos (match, 0, &start, &end))
    return FALSE;
  body = sql + end;
  if (strstr (upper + end, "RAISE") != NULL)
    return FALSE;
  g_clear_pointer (&match, g_match_info_free);
  for (g_regex_match (writes, body, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *target = g_match_info_fetch (match, 1);

      if (palp_archive_is_exported (target))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Drops the triggers that would refuse or add rows; returns their text. */
static GPtrArray *
drop_triggers (PalpStore  *self,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = palp_store_prepare (self, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                   " ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      if (sql == NULL || keeps_index_only (sql))
        continue;
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup (sql));
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) names->pdata[i]);

      if (!palp_archive_exec (self, drop, error))
        return NULL;
    }
  return g_steal_pointer (&sqls);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            JsonNode     *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *text = json_object_get_string_member (json_node_get_object (node), "base64");
      gsize length = 0;
      guchar *data = g_base64_decode (text, &length);

      sqlite3_bind_blob64 (stmt, index, data, length, g_free);
    }
  else if (JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, index);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, json_node_get_double (node));
  else
    sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
}

/* The column an SQLite constraint message names, if any. */
static const char *
column_in_message (PalpArchiveTable *table,
                   const char       *message)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      const char *name = ((PalpArchiveColumn *) g_ptr_array_index (table->columns, i))->name;
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", name);

      if (g_regex_match_simple (pattern, strchr (message, ':') ? strchr (message, ':') : message,
                                0, 0))
        return name;
    }
  return NULL;
}

static gboolean
insert_rows (PalpStore         *self,
             PalpArchiveTable  *table,
             JsonArray         *rows,
             GHashTable        *rowids,
             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *shape = NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
      int rc;

      for (guint c = 0; c < table->columns->len; c++)
        {
          const char *name = ((PalpArchiveColumn *) g_ptr_array_index (table->columns, c))->name;

          if (!json_object_has_member (row, name))
            continue;
          g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "", name);
          g_string_append_printf (values, "%s?", values->len ? ", " : "");
          g_ptr_array_add (nodes, json_object_get_member (row, name));
        }
      if (stmt == NULL || g_strcmp0 (shape, columns->str) != 0)
        {
          g_autofree char *sql = nodes->len
            ? g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)", table->name, columns->str,
                               values->str)
            : g_strdup_printf ("INSERT INTO \"%s\" DEFAULT VALUES", table->name);

          g_clear_pointer (&stmt, sqlite3_finalize);
          if (!(stmt = palp_store_prepare (self, sql, error)))
            return FALSE;
          g_free (shape);
          shape = g_strdup (columns->str);
        }
      for (guint n = 0; n < nodes->len; n++)
        bind_value (stmt, (int) n + 1, g_ptr_array_index (nodes, n));
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          const char *message = sqlite3_errmsg (palp_store_get_db (self));
          const char *column = (rc & 0xff) == SQLITE_CONSTRAINT
                                 ? column_in_message (table, message) : NULL;
          g_autofree char *path = column
            ? g_strdup_printf ("$.tables.%s[%u].%s", table->name, i, column)
            : g_strdup_printf ("$.tables.%s[%u]", table->name, i);

          if ((rc & 0xff) != SQLITE_CONSTRAINT)
            {
              palp_store_set_db_error (error, palp_store_get_db (self), rc);
              g_prefix_error (error, "%s: ", path);
              return FALSE;
            }
          return fail (error, path, _("this row breaks a rule of the database (%s)"), message);
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (!table->without_rowid)
        g_hash_table_insert (rowids, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table->name,
                                                      (gint64) sqlite3_last_insert_rowid (
                                                        palp_store_get_db (self))),
                             GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

/* The parent's key columns an @fk refers to. */
static GPtrArray *
fk_targets (GPtrArray     *tables,
            PalpArchiveFk *fk)
{
  PalpArchiveTable *parent = palp_archive_find_table (tables, fk->parent);
  GPtrArray *to = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; fk->to[k] != NULL; k++)
    {
      if (*fk->to[k] != '\0')
        g_ptr_array_add (to, g_strdup (fk->to[k]));
      else
        for (guint c = 0; parent != NULL && c < parent->columns->len; c++)
          if (((PalpArchiveColumn *) g_ptr_array_index (parent->columns, c))->pk == (int) k + 1)
            g_ptr_array_add (to, g_strdup (((PalpArchiveColumn *)
                                            g_ptr_array_index (parent->columns, c))->name));
      if (to->len != k + 1)
        g_ptr_array_add (to, g_strdup ("rowid"));
    }
  return to;
}

/* Which row of the archive holds the key the current row of @stmt shows. */
static guint
row_index (PalpArchiveTable *table,
           JsonArray        *rows,
           sqlite3_stmt     *stmt,
           GHashTable       *rowids)
{
  if (!table->without_rowid)
    {
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table->name,
                                              (gint64) sqlite3_column_int64 (stmt, 0));

      return GPOINTER_TO_UINT (g_hash_table_lookup (rowids, key));
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gboolean same = TRUE;

      /* The key's columns come in primary-key order (palp_archive_order_by). */
      for (int k = 1, col = 0; same && col < sqlite3_column_count (stmt); k++)
        for (guint c = 0; same && c < table->columns->len; c++)
          {
            PalpArchiveColumn *column = g_ptr_array_index (table->columns, c);
            JsonNode *node;

            if (column->pk != k)
              continue;
            node = json_object_get_member (row, column->name);
            same = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                   json_node_get_value_type (node) == G_TYPE_INT64 &&
                   json_node_get_int (node) == sqlite3_column_int64 (stmt, col);
            col++;
          }
      if (same)
        return i + 1;
    }
  return 0;
}

static gboolean
check_foreign_keys (PalpStore   *self,
                    GPtrArray   *tables,
                    JsonObject  *object,
                    GHashTable  *rowids,
                    GError     **error)
{
  for (guint t = 0; t < tables->len; t++)
    {
      PalpArchiveTable *table = g_ptr_array_index (tables, t);
      g_autofree char *key = palp_archive_order_by (table);

      for (guint f = 0; f < table->fks->len; f++)
        {
          PalpArchiveFk *fk = g_ptr_array_index (table->fks, f);
          g_autoptr(GPtrArray) to = fk_targets (tables, fk);
          g_autoptr(GString) sql = g_string_new (NULL);
          g_autoptr(sqlite3_stmt) stmt = NULL;
          JsonNode *rows = json_object_get_member (object, table->name);
          guint index;
          int rc;

          g_string_append_printf (sql, "SELECT %s FROM \"%s\" c WHERE ", key, table->name);
          for (guint k = 0; fk->from[k] != NULL; k++)
            g_string_append_printf (sql, "c.\"%s\" IS NOT NULL AND ", fk->from[k]);
          g_string_append_printf (sql, "NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE ", fk->parent);
          for (guint k = 0; fk->from[k] != NULL; k++)
            g_string_append_printf (sql, "%sp.\"%s\" = c.\"%s\"", k ? " AND " : "",
                                    (char *) to->pdata[k], fk->from[k]);
          g_string_append (sql, ") LIMIT 1");
          if (!(stmt = palp_store_prepare (self, sql->str, error)))
            return FALSE;
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_DONE)
            continue;
          if (rc != SQLITE_ROW)
            return palp_store_set_db_error (error, palp_store_get_db (self), rc);
          index = rows ? row_index (table, json_node_get_array (rows), stmt, rowids) : 0;
          if (index > 0)
            {
              g_autofree char *path = g_strdup_printf ("$.tables.%s[%u].%s", table->name,
                                                       index - 1, fk->from[0]);

              return fail (error, path, _("refers to a row of %s that is not in the archive"),
                           fk->parent);
            }
          return fail (error, "$.tables", _("a row of %s refers to a row of %s that is not in "
                                            "the archive"), table->name, fk->parent);
        }
    }
  return TRUE;
}

static gboolean
load (PalpStore   *self,
      GPtrArray   *tables,
      JsonObject  *object,
      GError     **error)
{
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GHashTable) rowids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) problems = NULL;

  if (!palp_archive_exec (self, "PRAGMA defer_foreign_keys = ON", error) ||
      !(triggers = drop_triggers (self, error)))
    return FALSE;
  for (guint t = 0; t < tables->len; t++)
    {
      PalpArchiveTable *table = g_ptr_array_index (tables, t);
      JsonNode *rows = json_object_get_member (object, table->name);

      if (table->singleton)
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\"", table->name);

          if (!palp_archive_exec (self, sql, error))
            return FALSE;
        }
      if (rows != NULL && !insert_rows (self, table, json_node_get_array (rows), rowids, error))
        return FALSE;
    }
  if (!check_foreign_keys (self, tables, object, rowids, error))
    return FALSE;
  for (guint i = 0; i < triggers->len; i++)
    if (!palp_archive_exec (self, g_ptr_array_index (triggers, i), error))
      return FALSE;

  /* What the triggers guard, over the whole clinic at once. */
  if (!(problems = palp_store_check (self, error)))
    return FALSE;
  if (problems->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < MIN (problems->len, 5); i++)
        g_string_append_printf (list, "%s%s", i ? "; " : "", (char *) problems->pdata[i]);
      return fail (error, "$.tables", _("the archive breaks the clinic's rules: %s"), list->str);
    }
  return TRUE;
}

gboolean
palp_store_import_archive (PalpStore  *self,
                           GBytes     *bytes,
                           GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GError) local = NULL;
  const char *data;
  gsize size;
  JsonNode *root;
  JsonObject *object;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!check_text (data, size, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local))
    return fail (error, "$", _("this is not an archive: %s"), local->message);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, "$", _("this is not an archive: expected a JSON object"));
  if (!check_header (self, json_node_get_object (root), error) ||
      !(tables = palp_archive_read_schema (self, error)))
    return FALSE;
  object = json_object_get_object_member (json_node_get_object (root), "tables");
  if (!check_tables (self, tables, object, error))
    return FALSE;

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = check_empty (self, tables, error) && load (self, tables, object, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}
