/* crash-writer.c: heavy writes through the store, for the crash test
 *
 *   crash-writer DATABASE [SEED]
 *
 * Opens DATABASE (a demo clinic, made first when the file is missing) and
 * writes until killed: a client, a visit with two billing lines, its note,
 * a receipt issued with a card payment, a payment on account. After each
 * transaction commits it prints one line, "TABLE KEY", and flushes:
 *
 *   clients 42 / visits 310 / visit_lines 77 / soap_notes 310 /
 *   receipts T-2026-000041 / payments 93
 *
 * tests/store/test-crash.py kills it with SIGKILL at random moments and
 * checks that every printed row is still there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-store-private.h"

static void
committed (const char *table,
           const char *key)
{
  printf ("%s %s\n", table, key);
  fflush (stdout);
}

static void
committed_id (const char *table,
              gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  committed (table, key);
}

static gint64
lookup (PalpStore  *store,
        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (palp_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (value <= 0)
    g_error ("crash-writer: nothing for %s", sql);
  return value;
}

static void
must (gboolean      ok,
      const GError *error,
      const char   *what)
{
  if (!ok)
    g_error ("crash-writer: %s: %s", what, error ? error->message : "failed");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 maya, rosa, service;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (argc < 2)
    {
      g_printerr ("usage: crash-writer DATABASE [SEED]\n");
      return 2;
    }
  rand = g_rand_new_with_seed (argc > 2 ? (guint32) atoi (argv[2]) : 1);

  store = palp_demo_open (argv[1], PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  must (store != NULL, error, "open");
  maya = lookup (store, "SELECT id FROM users WHERE login = 'maya'");
  rosa = lookup (store, "SELECT id FROM users WHERE login = 'rosa'");
  service = lookup (store, "SELECT min (id) FROM services WHERE category = 'therapeutic'"
                           " AND active = 1");
  committed ("ready", "0");

  for (guint n = 0;; n++)
    {
      g_autoptr(PalpClient) client = palp_client_new ();
      g_autoptr(PalpVisit) visit = palp_visit_new ();
      g_autoptr(PalpSoapNote) note = palp_soap_note_new ();
      g_autoptr(PalpPayment) payment = palp_payment_new ();
      g_autoptr(GListModel) receipts = NULL;
      g_autoptr(PalpReceipt) receipt = NULL;
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(gint) g_rand_int_range (rand, 0, 300));
      g_autofree char *given = g_strdup_printf ("Crash%u", g_rand_int (rand));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *starts = g_strdup_printf ("%s %02d:%02d", date,
                                                 g_rand_int_range (rand, 7, 20),
                                                 g_rand_int_range (rand, 0, 4) * 15);
      PalpCheckoutPayment card = { "card", 0, "AUTH", TRUE };
      gint64 visit_id, line;

      palp_store_set_actor (store, maya);
      g_object_set (client, "given-name", given, "family-name", "Writer", "mobile-phone",
                    "(206) 555-0100", "notes", "Written by the crash test.", NULL);
      must (palp_store_save_client (store, client, &error), error, "client");
      committed_id ("clients", palp_client_get_id (client));

      g_object_set (visit, "client-id", palp_client_get_id (client), "practitioner-id", maya,
                    "starts-at", starts, "duration-minutes", (gint64) 60, "status", "attended",
                    NULL);
      must (palp_store_save_visit (store, visit, &error), error, "visit");
      visit_id = palp_visit_get_int (visit, "id");
      committed_id ("visits", visit_id);

      for (int i = 0; i < 2; i++)
        {
          line = palp_store_add_visit_line (store, visit_id, service, 0, &error);
          must (line > 0, error, "line");
          committed_id ("visit_lines", line);
        }

      g_object_set (note, "visit-id", visit_id, "subjective", "Neck stiff after desk work.",
                    "objective", "Upper trapezius hypertonic.", "assessment", "Tension.",
                    "plan-text", "Weekly.", "pain", (gint64) (n % 11), "has-pain", (gint64) 1,
                    NULL);
      must (palp_store_save_soap_note (store, note, &error), error, "note");
      committed_id ("soap_notes", visit_id);

      palp_store_set_actor (store, rosa);
      receipts = palp_store_issue_receipts (store, &visit_id, 1, &card, 0,
                                            palp_doc_receipt_render, NULL, &error);
      must (receipts != NULL && g_list_model_get_n_items (receipts) > 0, error, "receipt");
      receipt = g_list_model_get_item (receipts, 0);
      committed ("receipts", palp_receipt_get_string (receipt, "number"));

      g_object_set (payment, "client-id", palp_client_get_id (client), "kind", "payment",
                    "method", "cash", "amount-cents", (gint64) 500 + n % 100, NULL);
      must (palp_store_record_payment (store, payment, &error), error, "payment");
      committed_id ("payments", palp_payment_get_int (payment, "id"));
    }
  return 0;
}
