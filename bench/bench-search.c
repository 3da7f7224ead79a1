/* bench-search.c: search as you type, the store against raw SQL
 *
 *   bench-search --database PATH [--queries 200] [--limit 50] [--show 20]
 *                [--rounds 3] [--seed 1]
 *
 * Builds a set of queries as a receptionist would type them: the first one
 * to four letters of clients' names, a first name and the start of a
 * family name, the first digits of a phone number, a birth year. Each query
 * runs through palp_store_search_clients() with a LIMIT, reading the rows a
 * list view would show first; and through the sqlite3 C API, on its own
 * connection to the same file, with the statements the store prepares, the
 * same LIMIT, reading the same rows. The sides alternate which goes first,
 * a warm-up round precedes the timed ones, and each query's time is the
 * median of its timed rounds. Figures are printed as "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "palp-client.h"
#include "palp-search-terms.h"
#include "palp-store.h"

typedef struct
{
  char   *text;
  char   *match;
  gint64 *store_us;
  gint64 *raw_us;
  guint   store_hits;
  guint   raw_hits;
} Query;

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *search;
  GHashTable   *pages;
  PalpCountry   country;
} Raw;

/* The store's statements (src/store/palp-store.c), word for word: the
 * search, then one page of rows by id. */
#define SEARCH_SQL \
  "SELECT c.id FROM clients_fts f JOIN clients c ON c.id = f.rowid" \
  " WHERE clients_fts MATCH ?1 AND (?2 OR c.archived = 0)" \
  " ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE," \
  " c.id LIMIT ?3"
#define PAGE_SQL_HEAD \
  "SELECT id, archived, created_at, updated_at, given_name, middle_name, family_name," \
  " preferred_name, birth_date, sex, pronouns, mobile_phone, home_phone, email, street," \
  " city, region, postal_code, emergency_name, emergency_phone, guardian_name," \
  " guardian_relationship, guardian_phone, notes FROM clients WHERE id IN ("
/* The client list loads rows in pages of this many (palp-client-list.c). */
#define PAGE_SIZE 64

static char *opt_database;
static int opt_queries = 200;
static int opt_limit = 50;
static int opt_show = 20;
static int opt_rounds = 3;
static int opt_seed = 1;
static gboolean opt_verbose;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query->match);
  g_free (query->store_us);
  g_free (query->raw_us);
  g_free (query);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gint64
percentile (GArray *sorted,
            double  p)
{
  guint rank;

  if (sorted->len == 0)
    return 0;

  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);

  return g_array_index (sorted, gint64, rank - 1);
}

static gint64
median_of (gint64 *values,
           guint   n)
{
  g_autoptr (GArray) array = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (array, values, n);
  g_array_sort (array, compare_gint64);

  return percentile (array, 50);
}

/* The first @n characters of @word, as typed. */
static char *
typed_prefix (const char *word,
              glong       n)
{
  glong len = g_utf8_strlen (word, -1);

  return g_utf8_substring (word, 0, MIN (n, len));
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

static void
add_query (GPtrArray  *queries,
           const char *text)
{
  Query *query;

  if (text == NULL || *text == '\0' || queries->len >= (guint) opt_queries)
    return;

  query = g_new0 (Query, 1);
  query->text = g_strdup (text);
  query->store_us = g_new0 (gint64, opt_rounds);
  query->raw_us = g_new0 (gint64, opt_rounds);
  g_ptr_array_add (queries, query);
}

/* Queries drawn from the clients in the database, so they find what a
 * clinic's front desk would: 70% name prefixes (1 to 4 letters), 10% a
 * first name and a family name's start, 10% phone digits, 10% years. */
static GPtrArray *
make_queries (PalpStore  *store,
              GError    **error)
{
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (query_free);
  g_autoptr (GListModel) all = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (opt_seed);
  guint n_clients;
  guint n_names = opt_queries * 70 / 100;
  guint n_full = opt_queries * 10 / 100;
  guint n_phones = opt_queries * 10 / 100;

  all = palp_store_search_clients (store, "", FALSE, 0, error);
  if (all == NULL)
    return NULL;

  n_clients = g_list_model_get_n_items (all);
  if (n_clients == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The database has no clients");
      return NULL;
    }

  while (queries->len < (guint) opt_queries)
    {
      g_autoptr (PalpClient) client = g_list_model_get_item (all, g_rand_int_range (rand, 0, n_clients));
      const char *given = palp_client_get_given_name (client);
      const char *family = palp_client_get_family_name (client);

      if (queries->len < n_names)
        {
          /* Typing one name letter by letter. */
          const char *name = g_rand_boolean (rand) ? family : given;

          for (glong n = 1; n <= 4 && queries->len < n_names; n++)
            {
              g_autofree char *prefix = typed_prefix (name, n);

              add_query (queries, prefix);
            }
        }
      else if (queries->len < n_names + n_full)
        {
          g_autofree char *first = typed_prefix (given, 4);
          g_autofree char *last = typed_prefix (family, g_rand_int_range (rand, 1, 3));
          g_autofree char *text = g_strdup_printf ("%s %s", first, last);

          add_query (queries, text);
        }
      else if (queries->len < n_names + n_full + n_phones)
        {
          g_autofree char *digits = digits_of (palp_client_get_mobile_phone (client));
          g_autofree char *prefix = NULL;

          if (strlen (digits) < 3)
            continue;
          prefix = g_strndup (digits, MIN (strlen (digits), (gsize) g_rand_int_range (rand, 3, 7)));
          add_query (queries, prefix);
        }
      else
        {
          const char *birth = palp_client_get_birth_date (client);

          if (birth == NULL || strlen (birth) < 4)
            continue;
          {
            g_autofree char *year = g_strndup (birth, 4);

            add_query (queries, year);
          }
        }
    }

  return g_steal_pointer (&queries);
}

/* The store's side: search, then read the first rows as a list view's
 * bind callback would. */
static guint
store_search (PalpStore  *store,
              const char *text,
              GError    **error)
{
  g_autoptr (GListModel) model = NULL;
  guint n;

  model = palp_store_search_clients (store, text, FALSE, opt_limit, error);
  if (model == NULL)
    return G_MAXUINT;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < MIN (n, (guint) opt_show); i++)
    {
      g_autoptr (PalpClient) client = g_list_model_get_item (model, i);
      g_autofree char *name = palp_client_dup_display_name (client);

      /* Keeps the reads from being optimised away. */
      if (name == NULL || palp_client_get_birth_date (client) == (const char *) 1)
        g_printerr ("?");
    }

  return n;
}

static gboolean
raw_open (Raw     *raw,
          GError **error)
{
  raw->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);

  if (sqlite3_open_v2 (opt_database, &raw->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (raw->db, SEARCH_SQL, -1, &raw->search, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not query %s: %s",
                   opt_database, sqlite3_errmsg (raw->db));
      return FALSE;
    }

  return TRUE;
}

static void
raw_close (Raw *raw)
{
  g_clear_pointer (&raw->pages, g_hash_table_unref);
  g_clear_pointer (&raw->search, sqlite3_finalize);
  g_clear_pointer (&raw->db, sqlite3_close);
}

/* The store's FTS5 expression for what was typed (build_match() in
 * palp-store.c). Built before the clock starts: the raw side is the SQL
 * alone. */
static char *
raw_match (Raw        *raw,
           const char *text)
{
  g_autoptr (GPtrArray) terms = palp_search_terms_parse (text, raw->country);
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      PalpSearchTerm *term = g_ptr_array_index (terms, i);
      g_auto (GStrv) parts = g_strsplit (term->value, "\"", -1);
      g_autofree char *quoted = g_strjoinv ("\"\"", parts);

      if (match->len > 0)
        g_string_append (match, " AND ");

      switch (term->kind)
        {
        case PALP_SEARCH_TERM_TEXT:
          g_string_append_printf (match, "{names contact} : \"%s\"*", quoted);
          break;
        case PALP_SEARCH_TERM_DIGITS:
          g_string_append_printf (match, "(contact : \"%s\"* OR birth : \"%s\"*)", quoted,
                                  quoted);
          break;
        case PALP_SEARCH_TERM_DATE:
          g_string_append_printf (match, "birth : \"%s\"", quoted);
          break;
        case PALP_SEARCH_TERM_YEAR:
          g_string_append_printf (match, "birth : \"%s\"*", quoted);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (match, FALSE);
}

/* A page statement for @n ids, prepared once. */
static sqlite3_stmt *
raw_page_statement (Raw  *raw,
                    guint n)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (raw->pages, GUINT_TO_POINTER (n));

  if (stmt == NULL)
    {
      g_autoptr (GString) sql = g_string_new (PAGE_SQL_HEAD);

      for (guint i = 0; i < n; i++)
        g_string_append (sql, i == 0 ? "?" : ",?");
      g_string_append_c (sql, ')');

      if (sqlite3_prepare_v2 (raw->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return NULL;
      g_hash_table_insert (raw->pages, GUINT_TO_POINTER (n), stmt);
    }

  return stmt;
}

/* The raw side: the store's search with the same LIMIT, then the page of
 * rows the list loads for its first rows, every column read as the store
 * reads it. Statements are prepared once and parameters built beforehand,
 * so this is the least these queries can cost. */
static guint
raw_search (Raw         *raw,
            Query       *query,
            GError     **error)
{
  gint64 ids[PAGE_SIZE];
  guint n = 0;
  guint n_page;
  sqlite3_stmt *page;
  int rc;

  sqlite3_reset (raw->search);
  sqlite3_bind_text (raw->search, 1, query->match, -1, SQLITE_STATIC);
  sqlite3_bind_int (raw->search, 2, 0);
  sqlite3_bind_int64 (raw->search, 3, opt_limit);

  while ((rc = sqlite3_step (raw->search)) == SQLITE_ROW)
    {
      if (n < PAGE_SIZE)
        ids[n] = sqlite3_column_int64 (raw->search, 0);
      n++;
    }
  if (rc != SQLITE_DONE)
    goto failed;

  n_page = MIN (n, PAGE_SIZE);
  if (n_page == 0 || opt_show == 0)
    return n;

  page = raw_page_statement (raw, n_page);
  if (page == NULL)
    goto failed;

  sqlite3_reset (page);
  for (guint i = 0; i < n_page; i++)
    sqlite3_bind_int64 (page, (int) i + 1, ids[i]);

  while ((rc = sqlite3_step (page)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (page);

      /* Reads every column, as the store does into each PalpClient. */
      if (sqlite3_column_int64 (page, 0) <= 0)
        g_printerr ("?");
      for (int c = 1; c < n_columns; c++)
        if (sqlite3_column_text (page, c) == (const unsigned char *) 1)
          g_printerr ("?");
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return n;

failed:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (raw->db));
  return G_MAXUINT;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PalpStore) store = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (GArray) store_med = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) raw_med = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (PalpClinic) clinic = NULL;
  Raw raw = { 0 };
  guint mismatches = 0;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database, "The clinic database", "PATH" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &opt_queries, "How many queries (200)", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &opt_limit, "LIMIT of each search (50)", "N" },
    { "show", 0, 0, G_OPTION_ARG_INT, &opt_show, "Rows read from each result (20)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &opt_rounds, "Timed rounds per query (3)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Seed of the query mix (1)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Each query's figures on stderr", NULL },
    { NULL }
  };

  context = g_option_context_new ("- time search as you type");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_database == NULL || opt_queries < 1 || opt_limit < 1 || opt_rounds < 1)
    {
      g_printerr ("Give --database, and positive counts\n");
      return 2;
    }

  store = palp_store_open (opt_database, PALP_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  clinic = palp_store_load_clinic (store, &error);
  if (clinic == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  raw.country = palp_clinic_get_country_enum (clinic);

  queries = make_queries (store, &error);
  if (queries == NULL || !raw_open (&raw, &error))
    {
      g_printerr ("%s\n", error->message);
      raw_close (&raw);
      return 1;
    }
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      query->match = raw_match (&raw, query->text);
    }

  /* Round 0 warms both sides (page cache, SQLite's cache, the store's
   * statements) and is not counted. */
  for (int round = -1; round < opt_rounds; round++)
    {
      for (guint i = 0; i < queries->len; i++)
        {
          Query *query = g_ptr_array_index (queries, i);

          for (int side = 0; side < 2; side++)
            {
              /* Alternate which side goes first, so neither always finds the
               * caches the other just warmed. */
              gboolean store_side = ((i + round + side) % 2) == 0;
              gint64 t0 = g_get_monotonic_time ();
              guint n;

              n = store_side ? store_search (store, query->text, &error)
                             : raw_search (&raw, query, &error);
              if (n == G_MAXUINT)
                {
                  g_printerr ("%s search for “%s” failed: %s\n", store_side ? "Store" : "Raw",
                              query->text, error->message);
                  raw_close (&raw);
                  return 1;
                }

              if (round < 0)
                {
                  if (store_side)
                    query->store_hits = n;
                  else
                    query->raw_hits = n;
                }
              else if (store_side)
                query->store_us[round] = g_get_monotonic_time () - t0;
              else
                query->raw_us[round] = g_get_monotonic_time () - t0;
            }
        }
    }

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);
      gint64 s = median_of (query->store_us, opt_rounds);
      gint64 r = median_of (query->raw_us, opt_rounds);
      gint64 h = query->store_hits;

      if (opt_verbose)
        g_printerr ("%-12s %3u rows  store %7.3f ms  raw %7.3f ms\n",
                    query->text, query->store_hits, s / 1000.0, r / 1000.0);

      g_array_append_val (store_med, s);
      g_array_append_val (raw_med, r);
      g_array_append_val (hits, h);

      /* Different counts would mean the raw side is not the store's query. */
      if (query->store_hits != query->raw_hits)
        {
          if (mismatches++ < 5)
            g_printerr ("“%s”: the store found %u rows, the raw query %u\n",
                        query->text, query->store_hits, query->raw_hits);
        }
    }
  g_array_sort (store_med, compare_gint64);
  g_array_sort (raw_med, compare_gint64);
  g_array_sort (hits, compare_gint64);

  g_print ("queries %u\n", queries->len);
  g_print ("mix %d%% name prefixes of 1-4 letters, %d%% first name and the start of a family name, "
           "%d%% phone digits, %d%% years\n", 70, 10, 10, 10);
  g_print ("limit %d\n", opt_limit);
  g_print ("show %d\n", opt_show);
  g_print ("rounds %d\n", opt_rounds);
  g_print ("mismatches %u\n", mismatches);
  g_print ("hits-p50 %" G_GINT64_FORMAT "\n", percentile (hits, 50));
  g_print ("store-p50-ms %.3f\n", percentile (store_med, 50) / 1000.0);
  g_print ("store-p99-ms %.3f\n", percentile (store_med, 99) / 1000.0);
  g_print ("store-max-ms %.3f\n", percentile (store_med, 100) / 1000.0);
  g_print ("raw-p50-ms %.3f\n", percentile (raw_med, 50) / 1000.0);
  g_print ("raw-p99-ms %.3f\n", percentile (raw_med, 99) / 1000.0);
  g_print ("raw-max-ms %.3f\n", percentile (raw_med, 100) / 1000.0);

  raw_close (&raw);

  return mismatches == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
