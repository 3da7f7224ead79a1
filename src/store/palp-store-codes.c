/* palp-store-codes.c: ICD-10-CM codes to pick diagnoses from
 *
 * Two lists: the curated one shipped in the GResource
 * (data/codes/icd10-massage.tsv, the codes a massage clinic reaches for)
 * and CDC's full annual order file once an admin imports it (schema 7's
 * icd10_codes, with a full-text index of the descriptions). A search
 * reads both, curated codes first.
 *
 * A word of the search that starts with a letter and a digit is a code
 * prefix, in any form palp_icd10_normalize () reads ("m542", "M54.2",
 * "M5"); every other word must begin a word of the description ("neck
 * pa" finds "Pain in neck"). All of them must match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-icd10.h"
#include "palp-store-private.h"

#define CURATED_RESOURCE "/io/github/palpate/Palpate/codes/icd10-massage.tsv"

/* The curated list, read once; NULL if the resource is broken (a build
 * error, which the tests catch). */
static GPtrArray *
curated_codes (void)
{
  static gsize loaded = 0;
  static GPtrArray *codes = NULL;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (CURATED_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;

      if (bytes != NULL && !(codes = palp_icd10_load_tsv (bytes, &error)))
        g_warning ("The shipped ICD-10-CM list cannot be read: %s", error->message);
      g_once_init_leave (&loaded, 1);
    }
  return codes;
}

typedef struct
{
  GPtrArray *codes;  /* printed-form prefixes: "M54.2", "M5" */
  GPtrArray *words;  /* lower-case word prefixes */
} Terms;

static void
terms_clear (Terms *terms)
{
  g_clear_pointer (&terms->codes, g_ptr_array_unref);
  g_clear_pointer (&terms->words, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Terms, terms_clear)

/* "m542" -> "M54.2": the printed form of a code's beginning. */
static char *
code_prefix (const char *token)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == '.')
        continue;
      if (!g_ascii_isalnum (*p))
        return NULL;
      if (out->len == 3)
        g_string_append_c (out, '.');
      g_string_append_c (out, g_ascii_toupper (*p));
    }
  if (out->len > PALP_ICD10_MAX_CHARS + 1)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
terms_parse (Terms      *terms,
             const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text != NULL ? text : "", " \t\n,;", -1);

  terms->codes = g_ptr_array_new_with_free_func (g_free);
  terms->words = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];
      char *code = NULL;

      if (*t == '\0')
        continue;
      if (g_ascii_isalpha (t[0]) && g_ascii_isdigit (t[1]) && (code = code_prefix (t)))
        g_ptr_array_add (terms->codes, code);
      else
        g_ptr_array_add (terms->words, g_utf8_strdown (t, -1));
    }
}

static gboolean
entry_matches (const Terms          *terms,
               const PalpIcd10Entry *entry)
{
  for (guint i = 0; i < terms->codes->len; i++)
    if (!g_str_has_prefix (entry->code, g_ptr_array_index (terms->codes, i)))
      return FALSE;
  for (guint i = 0; i < terms->words->len; i++)
    if (!g_str_match_string (g_ptr_array_index (terms->words, i), entry->long_description,
                             TRUE))
      return FALSE;
  return TRUE;
}

static void
add_code (GListStore *list,
          const char *code,
          const char *description)
{
  g_autoptr(PalpDiagnosis) item = palp_diagnosis_new ();

  g_object_set (item, "code", code, "description", description, NULL);
  g_list_store_append (list, item);
}

/* An FTS5 query of the words, each a quoted prefix. */
static char *
fts_query (const Terms *terms)
{
  g_autoptr(GString) q = g_string_new (NULL);

  for (guint i = 0; i < terms->words->len; i++)
    {
      const char *w = g_ptr_array_index (terms->words, i);

      g_string_append (q, i > 0 ? " \"" : "\"");
      for (const char *p = w; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (q, '"');
          g_string_append_c (q, *p);
        }
      g_string_append (q, "\"*");
    }
  return g_string_free (g_steal_pointer (&q), FALSE);
}

GListModel *
palp_store_search_codes (PalpStore   *self,
                         const char  *text,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PALP_TYPE_DIAGNOSIS);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_auto(Terms) terms = { 0 };
  GPtrArray *curated = curated_codes ();
  int rc = SQLITE_DONE, n = 1;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  terms_parse (&terms, text);
  for (guint i = 0; curated != NULL && i < curated->len; i++)
    {
      const PalpIcd10Entry *entry = g_ptr_array_index (curated, i);

      if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (list)) >= limit)
        return G_LIST_MODEL (g_steal_pointer (&list));
      if (!entry_matches (&terms, entry))
        continue;
      add_code (list, entry->code, entry->long_description);
      g_hash_table_add (seen, entry->code);
    }

  sql = g_string_new ("SELECT code, description FROM icd10_codes c WHERE 1");
  if (terms.words->len > 0)
    g_string_append_printf (sql, " AND c.id IN (SELECT rowid FROM icd10_codes_fts"
                                 " WHERE icd10_codes_fts MATCH ?%d)", n++);
  for (guint i = 0; i < terms.codes->len; i++, n += 2)
    g_string_append_printf (sql, " AND c.code >= ?%d AND c.code < ?%d", n, n + 1);
  g_string_append (sql, " ORDER BY c.ordinal");
  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return NULL;
  n = 1;
  if (terms.words->len > 0)
    {
      match = fts_query (&terms);
      palp_store_bind_text (stmt, n++, match);
    }
  for (guint i = 0; i < terms.codes->len; i++)
    {
      const char *prefix = g_ptr_array_index (terms.codes, i);

      sqlite3_bind_text (stmt, n++, prefix, -1, SQLITE_TRANSIENT);
      /* Every code starting with @prefix sorts below prefix + '~'. */
      sqlite3_bind_text (stmt, n++, g_strconcat (prefix, "~", NULL), -1, g_free);
    }
  while ((limit == 0 || g_list_model_get_n_items (G_LIST_MODEL (list)) < limit) &&
         (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (seen, code))
        add_code (list, code, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (limit > 0 && g_list_model_get_n_items (G_LIST_MODEL (list)) >= limit)
    rc = SQLITE_DONE;
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
palp_store_import_codes (PalpStore  *self,
                         GBytes     *order_file,
                         GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  g_autofree char *sha256 = NULL;
  gint64 import_id = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), -1);
  g_return_val_if_fail (order_file != NULL, -1);

  if (!palp_store_require (self, PALP_ACTION_EDIT_CLINIC, 0, error))
    return -1;
  if (!(entries = palp_icd10_parse_order_file (order_file, &local)))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, local->message);
      return -1;
    }
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, order_file);

  if (!palp_store_tx_begin (self, error))
    return -1;
  stmt = palp_store_prepare (self, "INSERT INTO icd10_imports (imported_at, imported_by, codes,"
                                   " sha256) VALUES (?1, palp_actor (), ?2, ?3)", error);
  ok = stmt != NULL;
  if (ok)
    {
      palp_store_bind_text (stmt, 1, at);
      sqlite3_bind_int64 (stmt, 2, (gint64) entries->len);
      palp_store_bind_text (stmt, 3, sha256);
      ok = palp_store_step_done (self, stmt, error);
      import_id = sqlite3_last_insert_rowid (palp_store_get_db (self));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok)
    {
      stmt = palp_store_prepare (self, "DELETE FROM icd10_codes", error);
      ok = stmt != NULL && palp_store_step_done (self, stmt, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      stmt = palp_store_prepare (self, "INSERT INTO icd10_codes (import_id, ordinal, code,"
                                       " billable, short_description, description)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
    }
  for (guint i = 0; ok && i < entries->len; i++)
    {
      const PalpIcd10Entry *entry = g_ptr_array_index (entries, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, import_id);
      sqlite3_bind_int64 (stmt, 2, entry->order);
      palp_store_bind_text (stmt, 3, entry->code);
      sqlite3_bind_int (stmt, 4, entry->billable ? 1 : 0);
      palp_store_bind_text (stmt, 5, entry->short_description);
      palp_store_bind_text (stmt, 6, entry->long_description);
      if (!palp_store_step_done (self, stmt, error))
        {
          g_prefix_error (error,
                          /* Translators: %s is an ICD-10-CM code; nothing was imported. */
                          _("Code %s cannot be imported, so nothing was: "), entry->code);
          ok = FALSE;
        }
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return -1;
  return (gint64) entries->len;
}
