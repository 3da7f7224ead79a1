/* bench-aging.c: the claims' aging view over 50,000 claims, against the
 * same sums in one SQL query
 *
 * A clinic of @clients clients, each with a policy of one auto insurer,
 * and @claims claims written in bulk through SQL with every trigger on:
 * made as drafts, moved to ready and submitted (each with its snapshot)
 * over the last 200 days, and about half of them answered (paid, partly
 * paid, denied, appealed, closed), so the open ones spread over every
 * bucket. Then, alternating, palp_store_claims_aging () (the store's
 * query on its index, the buckets counted in C by
 * palp_claim_age_bucket ()) and one raw query that buckets and sums in SQL
 * through the sqlite3 C API. Prints "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"

static int opt_claims = 50000;
static int opt_clients = 2000;
static int opt_runs = 50;

static GOptionEntry entries[] = {
  { "claims", 0, 0, G_OPTION_ARG_INT, &opt_claims, "Claims in the clinic", "N" },
  { "clients", 0, 0, G_OPTION_ARG_INT, &opt_clients, "Clients they are spread over", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Measurements of each side", "N" },
  { NULL }
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  g_array_sort (values, compare_doubles);
  i = (guint) ((values->len - 1) * p / 100.0 + 0.5);
  return g_array_index (values, double, i);
}

#define CHECK(expr)                                                        \
  G_STMT_START {                                                           \
    if (!(expr))                                                           \
      {                                                                    \
        g_printerr ("bench-aging: %s\n", error ? error->message : #expr);  \
        return 1;                                                          \
      }                                                                    \
  } G_STMT_END

static gboolean
exec (PalpStore   *store,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED, "%s: %s", sql, message);
  sqlite3_free (message);
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- claims aging benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *today = NULL, *sql = NULL;
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpUser) admin = palp_user_new ();
  g_autoptr(PalpPayer) payer = palp_payer_new ();
  g_autoptr(GArray) store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *raw = NULL;
  PalpClaimAging aging = { 0 };
  gint64 raw_open = 0, build_start;
  guint open = 0;
  int rc;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_claims < 1
      || opt_clients < 1 || opt_runs < 1)
    {
      g_printerr ("bench-aging: %s\n", error ? error->message : "counts must be 1 or more");
      return 2;
    }

  dir = g_dir_make_tmp ("palpate-bench-aging-XXXXXX", &error);
  CHECK (dir != NULL);
  path = g_build_filename (dir, "clinic.db", NULL);
  CHECK ((store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error)));
  g_object_set (admin, "login", "rosa", "display-name", "Rosa", "roles", PALP_ROLE_ADMIN,
                NULL);
  CHECK (palp_store_save_user (store, admin, &error));
  palp_store_set_actor (store, palp_user_get_id (admin));
  g_object_set (payer, "name", "Evergreen Mutual Auto", "kind", "auto", "unit-rule", "per-code",
                "active", (gint64) 1, NULL);
  CHECK (palp_store_save_payer (store, payer, &error));

  /* The clinic, in bulk with every trigger on. */
  build_start = g_get_monotonic_time ();
  CHECK (palp_store_begin (store, &error));
  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO clients (given_name, family_name) SELECT 'Client', 'Number ' || i FROM n;"
    "INSERT INTO policies (client_id, payer_id, member_id, created_at)"
    " SELECT id, %" G_GINT64_FORMAT ", 'EMA-' || id, '2026-01-01 09:00:00' FROM clients"
    " ORDER BY id;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO claims (number, client_id, policy_id, payer_id, rendering_id,"
    "  first_service_on, last_service_on, created_by, created_at, updated_at)"
    " SELECT printf ('CLM-%%06d', i), 1 + i %% %d, 1 + i %% %d, %" G_GINT64_FORMAT ", %"
    G_GINT64_FORMAT ", date ('now', '-' || (10 + i %% 200) || ' days'),"
    "  date ('now', '-' || (10 + i %% 200) || ' days'), %" G_GINT64_FORMAT ","
    "  datetime ('now'), datetime ('now') FROM n;"
    "UPDATE claims SET charge_cents = 12800 + (id %% 7) * 3200;",
    opt_clients, palp_payer_get_int (payer, "id"), opt_claims, opt_clients, opt_clients,
    palp_payer_get_int (payer, "id"), palp_user_get_id (admin), palp_user_get_id (admin));
  CHECK (exec (store, sql, &error));
  CHECK (exec (store, "UPDATE claims SET status = 'ready';"
                      "UPDATE claims SET status = 'submitted', submitted_method = 'paper',"
                      " submitted_on = date (last_service_on, '+' || (id % 5) || ' days'),"
                      " submitted_snapshot = (SELECT snapshot FROM claim_snapshots"
                      "  WHERE claim_id = claims.id);"
                      "UPDATE claims SET status = 'paid', paid_cents = charge_cents,"
                      " responded_on = submitted_on WHERE id % 10 IN (0, 1, 2);"
                      "UPDATE claims SET status = 'partially-paid', paid_cents = 6400,"
                      " responded_on = submitted_on WHERE id % 10 = 3;"
                      "UPDATE claims SET status = 'denied', denial_reason = 'Not covered',"
                      " appeal_deadline = date (submitted_on, '+180 days') WHERE id % 10 = 4;"
                      "UPDATE claims SET status = 'appealed', appealed_on = submitted_on"
                      " WHERE id % 20 = 4;"
                      "UPDATE claims SET status = 'closed' WHERE id % 10 = 0;"
                      "ANALYZE;", &error));
  CHECK (palp_store_commit (store, &error));
  g_print ("build-s %.1f\n", (g_get_monotonic_time () - build_start) / 1e6);

  today = palp_date_today_iso ();
  CHECK (sqlite3_prepare_v2 (palp_store_get_db (store),
                             "SELECT CASE WHEN julianday (?1) - julianday (submitted_on) <= 30 THEN 0"
                             " WHEN julianday (?1) - julianday (submitted_on) <= 60 THEN 1"
                             " WHEN julianday (?1) - julianday (submitted_on) <= 90 THEN 2"
                             " ELSE 3 END AS bucket, count (*),"
                             " sum (charge_cents - paid_cents - adjusted_cents) FROM claims"
                             " WHERE status IN ('submitted', 'partially-paid', 'denied', 'appealed')"
                             " GROUP BY bucket",
                             -1, &raw, NULL) == SQLITE_OK);

  /* Alternate the sides; the first run of each warms the cache. */
  for (int i = 0; i < 2 * (opt_runs + 1); i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (i % 2 == 0)
        CHECK (palp_store_claims_aging (store, today, &aging, &error));
      else
        {
          raw_open = 0;
          sqlite3_reset (raw);
          palp_store_bind_text (raw, 1, today);
          while ((rc = sqlite3_step (raw)) == SQLITE_ROW)
            raw_open += sqlite3_column_int64 (raw, 1);
          CHECK (rc == SQLITE_DONE);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (i >= 2)
        g_array_append_val (i % 2 == 0 ? store_ms : raw_ms, ms);
    }
  sqlite3_finalize (raw);
  for (guint b = 0; b < PALP_CLAIM_N_AGE_BUCKETS; b++)
    open += aging.n_claims[b];
  CHECK (open == (guint) raw_open);

  g_print ("claims %d\n", opt_claims);
  g_print ("open %u\n", open);
  for (guint b = 0; b < PALP_CLAIM_N_AGE_BUCKETS; b++)
    g_print ("bucket-%u %u\n", b, aging.n_claims[b]);
  g_print ("runs %d\n", opt_runs);
  g_print ("store-p50-ms %.3f\n", percentile (store_ms, 50));
  g_print ("store-p99-ms %.3f\n", percentile (store_ms, 99));
  g_print ("store-max-ms %.3f\n", percentile (store_ms, 100));
  g_print ("raw-p50-ms %.3f\n", percentile (raw_ms, 50));
  g_print ("raw-p99-ms %.3f\n", percentile (raw_ms, 99));

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}
