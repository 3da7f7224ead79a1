/* palp-store-archive.c: the clinic archive, one JSON document
 *
 * The archive is generic over the tables the migrations create: the
 * schema is read from the database itself (pragma table_list, table_info,
 * foreign_key_list), so a table added by a later migration is exported and
 * imported without a change here. The tables come parents first (by their
 * foreign keys, then in the order they were created), rows in rowid or
 * primary-key order, columns in their declared order, values as SQLite
 * stored them. Nothing about the moment of the export is written: the one
 * time in the header, "as_of", is the time of the newest audit row. So the
 * same clinic always gives the same bytes, and export → import → export
 * gives the same file. The format is published in data/archive.schema.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-store-archive-private.h"

/* Not exported, by name: search indexes rebuilt from the exported rows
 * (their triggers stay on during an import) and SQLite's own bookkeeping.
 * Every virtual table and every shadow table (an FTS index's storage) is
 * left out as well, whatever its name. */
static const char * const not_exported[] = {
  "clients_fts",
  "icd10_codes_fts",
  "sqlite_sequence",
  "sqlite_stat1",
  "sqlite_stat4",
  NULL,
};

void
palp_archive_table_free (PalpArchiveTable *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->fks);
  g_free (table);
}

static void
column_free (PalpArchiveColumn *column)
{
  g_free (column->name);
  g_free (column);
}

static void
fk_free (PalpArchiveFk *fk)
{
  g_free (fk->parent);
  g_strfreev (fk->from);
  g_strfreev (fk->to);
  g_free (fk);
}

gboolean
palp_archive_is_exported (const char *name)
{
  return !g_str_has_prefix (name, "sqlite_") &&
         !g_strv_contains ((const char * const *) not_exported, name);
}

/* SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1). */
static PalpArchiveAffinity
affinity_of (const char *declared)
{
  g_autofree char *type = g_ascii_strup (declared ? declared : "", -1);

  if (strstr (type, "INT") != NULL)
    return PALP_ARCHIVE_INTEGER;
  if (strstr (type, "CHAR") != NULL || strstr (type, "CLOB") != NULL ||
      strstr (type, "TEXT") != NULL)
    return PALP_ARCHIVE_TEXT;
  if (*type == '\0' || strstr (type, "BLOB") != NULL)
    return PALP_ARCHIVE_ANY;
  if (strstr (type, "REAL") != NULL || strstr (type, "FLOA") != NULL ||
      strstr (type, "DOUB") != NULL)
    return PALP_ARCHIVE_REAL;
  return PALP_ARCHIVE_NUMERIC;
}

gboolean
palp_archive_fits (PalpArchiveAffinity affinity,
                   int                 sqlite_type)
{
  switch (sqlite_type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return affinity != PALP_ARCHIVE_TEXT;
    case SQLITE_FLOAT:
      return affinity == PALP_ARCHIVE_REAL || affinity == PALP_ARCHIVE_NUMERIC ||
             affinity == PALP_ARCHIVE_ANY;
    case SQLITE_TEXT:
      return affinity == PALP_ARCHIVE_TEXT || affinity == PALP_ARCHIVE_ANY;
    case SQLITE_BLOB:
      return affinity == PALP_ARCHIVE_ANY;
    default:
      return FALSE;
    }
}

static gboolean
read_columns (PalpStore         *self,
              PalpArchiveTable  *table,
              GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = palp_store_prepare (self, "SELECT name, type, pk FROM pragma_table_info (?1)"
                                   " ORDER BY cid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalpArchiveColumn *column = g_new0 (PalpArchiveColumn, 1);

      column->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      column->affinity = affinity_of ((const char *) sqlite3_column_text (stmt, 1));
      column->pk = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (table->columns, column);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

static gboolean
read_fks (PalpStore         *self,
          PalpArchiveTable  *table,
          GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PalpArchiveFk *fk = NULL;
  g_autoptr(GStrvBuilder) from = NULL, to = NULL;
  int last_id = -1;
  int rc;

  stmt = palp_store_prepare (self, "SELECT id, \"table\", \"from\", \"to\""
                                   " FROM pragma_foreign_key_list (?1) ORDER BY id, seq", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_TRANSIENT);
  for (;;)
    {
      rc = sqlite3_step (stmt);
      if (fk != NULL && (rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) != last_id))
        {
          fk->from = g_strv_builder_end (from);
          fk->to = g_strv_builder_end (to);
          g_clear_pointer (&from, g_strv_builder_unref);
          g_clear_pointer (&to, g_strv_builder_unref);
          g_ptr_array_add (table->fks, g_steal_pointer (&fk));
        }
      if (rc != SQLITE_ROW)
        break;
      if (fk == NULL)
        {
          fk = g_new0 (PalpArchiveFk, 1);
          fk->parent = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          from = g_strv_builder_new ();
          to = g_strv_builder_new ();
          last_id = sqlite3_column_int (stmt, 0);
        }
      g_strv_builder_add (from, (const char *) sqlite3_column_text (stmt, 2));
      /* NULL: the parent's primary key. */
      g_strv_builder_add (to, sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                ? "" : (const char *) sqlite3_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

static gboolean
parents_placed (PalpArchiveTable *table,
                GHashTable       *placed)
{
  for (guint i = 0; i < table->fks->len; i++)
    {
      PalpArchiveFk *fk = g_ptr_array_index (table->fks, i);

      if (!g_str_equal (fk->parent, table->name) && !g_hash_table_contains (placed, fk->parent))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
palp_archive_read_schema (PalpStore  *self,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_archive_table_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_archive_table_free);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  /* Real tables only, in the order the migrations created them. */
  stmt = palp_store_prepare (self,
                             "SELECT m.name, l.wr, m.sql LIKE '%CHECK (id = 1)%'"
                             " FROM sqlite_master m JOIN pragma_table_list l"
                             "  ON l.name = m.name AND l.schema = 'main'"
                             " WHERE m.type = 'table' AND l.type = 'table' ORDER BY m.rowid",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      PalpArchiveTable *table;

      if (!palp_archive_is_exported (name))
        continue;
      table = g_new0 (PalpArchiveTable, 1);
      table->name = g_strdup (name);
      table->without_rowid = sqlite3_column_int (stmt, 1) != 0;
      table->singleton = sqlite3_column_int (stmt, 2) != 0;
      table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
      table->fks = g_ptr_array_new_with_free_func ((GDestroyNotify) fk_free);
      g_ptr_array_add (created, table);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  for (guint i = 0; i < created->len; i++)
    {
      if (!read_columns (self, g_ptr_array_index (created, i), error) ||
          !read_fks (self, g_ptr_array_index (created, i), error))
        return NULL;
    }

  /* Parents first; a cycle (none today) falls back to creation order, the
   * import defers foreign keys to the end anyway. */
  while (created->len > 0)
    {
      guint pick = 0;

      for (guint i = 0; i < created->len; i++)
        if (parents_placed (g_ptr_array_index (created, i), placed))
          {
            pick = i;
            break;
          }
      g_ptr_array_add (ordered, g_ptr_array_steal_index (created, pick));
      g_hash_table_add (placed, ((PalpArchiveTable *) g_ptr_array_index (ordered,
                                                                        ordered->len - 1))->name);
    }
  return g_steal_pointer (&ordered);
}

PalpArchiveTable *
palp_archive_find_table (GPtrArray  *tables,
                         const char *name)
{
  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (((PalpArchiveTable *) g_ptr_array_index (tables, i))->name, name))
      return g_ptr_array_index (tables, i);
  return NULL;
}

char *
palp_archive_order_by (PalpArchiveTable *table)
{
  g_autoptr(GString) order = g_string_new (NULL);

  if (!table->without_rowid)
    return g_strdup ("rowid");
  for (int k = 1; k <= (int) table->columns->len; k++)
    for (guint i = 0; i < table->columns->len; i++)
      {
        PalpArchiveColumn *column = g_ptr_array_index (table->columns, i);

        if (column->pk == k)
          g_string_append_printf (order, "%s\"%s\"", order->len ? ", " : "", column->name);
      }
  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* Writing ------------------------------------------------------------- */

void
palp_archive_append_string (GString    *out,
                            const char *text,
                            gsize       length)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) text[i];

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* The shortest text that reads back as the same double. */
static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The C locale's form, whatever the user's. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

static gboolean
append_value (GString           *out,
              sqlite3_stmt      *stmt,
              int                i,
              PalpArchiveTable  *table,
              guint              row,
              GError           **error)
{
  PalpArchiveColumn *column = g_ptr_array_index (table->columns, i);
  int type = sqlite3_column_type (stmt, i);

  if (!palp_archive_fits (column->affinity, type))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("$.tables.%s[%u].%s: the database holds a value of the wrong kind "
                     "here; run “palpate-cli check”."), table->name, row, column->name);
      return FALSE;
    }
  switch (type)
    {
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, i));
      break;
    case SQLITE_FLOAT:
      {
        double value = sqlite3_column_double (stmt, i);

        if (!isfinite (value))
          {
            g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                         _("$.tables.%s[%u].%s: the number is not finite."), table->name,
                         row, column->name);
            return FALSE;
          }
        append_double (out, value);
      }
      break;
    case SQLITE_TEXT:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);
        int length = sqlite3_column_bytes (stmt, i);

        if (!g_utf8_validate_len (text, length, NULL))
          {
            g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                         _("$.tables.%s[%u].%s: the text is not valid UTF-8."), table->name,
                         row, column->name);
            return FALSE;
          }
        palp_archive_append_string (out, text, length);
      }
      break;
    case SQLITE_BLOB:
      {
        g_autofree char *b64 = g_base64_encode (sqlite3_column_blob (stmt, i),
                                                sqlite3_column_bytes (stmt, i));

        g_string_append (out, "{\"base64\": \"");
        g_string_append (out, b64);
        g_string_append (out, "\"}");
      }
      break;
    default:
      g_string_append (out, "null");
      break;
    }
  return TRUE;
}

/* The rows of @table that belong to the client ?1, as an SQL condition,
 * or NULL when none do: the client, rows with a client_id, and rows whose
 * foreign key reaches a row already found so (a visit's lines, a note's
 * amendments, a receipt's PDF). */
static char *
client_condition (PalpArchiveTable *table,
                  GHashTable       *conditions)
{
  g_autoptr(GString) cond = g_string_new (NULL);

  if (g_str_equal (table->name, "clients"))
    return g_strdup ("\"id\" = ?1");
  for (guint i = 0; i < table->columns->len; i++)
    if (g_str_equal (((PalpArchiveColumn *) g_ptr_array_index (table->columns, i))->name,
                     "client_id"))
      return g_strdup ("\"client_id\" = ?1");
  for (guint i = 0; i < table->fks->len; i++)
    {
      PalpArchiveFk *fk = g_ptr_array_index (table->fks, i);
      const char *parent = g_hash_table_lookup (conditions, fk->parent);
      g_autofree char *to = NULL;

      if (parent == NULL || g_strv_length (fk->from) != 1 || g_str_equal (fk->parent, table->name))
        continue;
      to = g_strdup (*fk->to[0] ? fk->to[0] : "rowid");
      g_string_append_printf (cond, "%s\"%s\" IN (SELECT \"%s\" FROM \"%s\" WHERE %s)",
                              cond->len ? " OR " : "", fk->from[0], to, fk->parent, parent);
    }
  return cond->len ? g_string_free (g_steal_pointer (&cond), FALSE) : NULL;
}

static gboolean
append_table (PalpStore         *self,
              GString           *out,
              PalpArchiveTable  *table,
              const char        *condition,
              gint64             client_id,
              GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *order = palp_archive_order_by (table);
  guint row = 0;
  int rc;

  for (guint i = 0; i < table->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "",
                            ((PalpArchiveColumn *) g_ptr_array_index (table->columns, i))->name);
  g_string_append_printf (sql, " FROM \"%s\"", table->name);
  if (condition != NULL)
    g_string_append_printf (sql, " WHERE %s", condition);
  g_string_append_printf (sql, " ORDER BY %s", order);
  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return FALSE;
  if (condition != NULL)
    sqlite3_bind_int64 (stmt, 1, client_id);

  palp_archive_append_string (out, table->name, strlen (table->name));
  g_string_append (out, ": [");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, row ? ",\n      {" : "\n      {");
      for (guint i = 0; i < table->columns->len; i++)
        {
          const char *name = ((PalpArchiveColumn *) g_ptr_array_index (table->columns, i))->name;

          if (i > 0)
            g_string_append (out, ", ");
          palp_archive_append_string (out, name, strlen (name));
          g_string_append (out, ": ");
          if (!append_value (out, stmt, (int) i, table, row, error))
            return FALSE;
        }
      g_string_append_c (out, '}');
      row++;
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  g_string_append (out, row ? "\n    ]" : "]");
  return TRUE;
}

static gboolean
append_as_of (PalpStore  *self,
              GString    *out,
              gint64      client_id,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *at;
  int rc;

  stmt = palp_store_prepare (self, client_id > 0
                                     ? "SELECT max (at) FROM audit_log WHERE client_id = ?1"
                                     : "SELECT max (at) FROM audit_log", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  at = (const char *) sqlite3_column_text (stmt, 0);
  if (at != NULL && g_utf8_validate (at, -1, NULL))
    palp_archive_append_string (out, at, strlen (at));
  else
    g_string_append (out, "null");
  return TRUE;
}

GBytes *
palp_store_export_archive_bytes (PalpStore  *self,
                                 gint64      client_id,
                                 GError    **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) conditions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean ok = TRUE;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (client_id >= 0, NULL);

  /* One read transaction: a consistent picture while others write. */
  if (!palp_archive_exec (self, "SAVEPOINT palp_archive", error))
    return NULL;
  if (client_id > 0)
    {
      g_autoptr(PalpClient) client = palp_store_load_client (self, client_id, error);

      ok = client != NULL;
    }
  ok = ok && (tables = palp_archive_read_schema (self, error)) != NULL;
  if (ok)
    {
      g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"format_version\": %d,\n"
                                   "  \"schema_version\": %d,\n",
                              PALP_ARCHIVE_FORMAT, PALP_ARCHIVE_FORMAT_VERSION,
                              palp_store_get_version (self));
      if (client_id > 0)
        g_string_append_printf (out, "  \"scope\": \"client\",\n  \"client_id\": %" G_GINT64_FORMAT
                                     ",\n", client_id);
      else
        g_string_append (out, "  \"scope\": \"clinic\",\n");
      g_string_append (out, "  \"as_of\": ");
      ok = append_as_of (self, out, client_id, error);
      g_string_append (out, ",\n  \"tables\": {");
    }
  for (guint i = 0; ok && i < tables->len; i++)
    {
      PalpArchiveTable *table = g_ptr_array_index (tables, i);
      char *condition = NULL;

      if (client_id > 0)
        {
          if (!(condition = client_condition (table, conditions)))
            continue;
          g_hash_table_insert (conditions, table->name, condition);
        }
      g_string_append (out, g_str_has_suffix (out->str, "{") ? "\n    " : ",\n    ");
      ok = append_table (self, out, table, condition, client_id, error);
    }
  sqlite3_exec (palp_store_get_db (self), "RELEASE palp_archive", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  g_string_append (out, "\n  }\n}\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
palp_store_export_archive (PalpStore   *self,
                           gint64       client_id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = palp_store_export_archive_bytes (self, client_id, error)))
    return FALSE;
  /* Health records: readable by this user only; written beside and
   * renamed, so a crash never leaves half an archive under the name. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY,
                   _("The archive could not be written: %s"), local->message);
      return FALSE;
    }
  /* An existing file keeps its mode through the rename; this one must not. */
  g_chmod (path, 0600);
  return TRUE;
}
