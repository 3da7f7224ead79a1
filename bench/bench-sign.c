/* bench-sign.c: signing a note, against a bare insert of the signature
 *
 * A clinic with one practitioner licensed in Washington, one client with a
 * screening (a local finding, its avoid zone marked), a referral naming
 * the regions treated, and @visits visits each with a note of two
 * techniques and three chart marks. Half of the visits are signed through
 * palp_store_sign_note () (every gate gathered from the record and checked,
 * an override recorded, the signature written in one immediate
 * transaction); the other half get the same signature row by a bare
 * INSERT in its own transaction — the floor set by SQLite's commit with
 * synchronous=FULL. The sides alternate. Prints "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "palp-store-private.h"

static int opt_visits = 200;

static GOptionEntry entries[] = {
  { "visits", 0, 0, G_OPTION_ARG_INT, &opt_visits, "Visits to sign, both sides", "N" },
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

#define CHECK(expr)                                                       \
  G_STMT_START {                                                          \
    if (!(expr))                                                          \
      {                                                                   \
        g_printerr ("bench-sign: %s\n", error ? error->message : #expr);  \
        return 1;                                                         \
      }                                                                   \
  } G_STMT_END

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- signing benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpUser) admin = palp_user_new ();
  g_autoptr(PalpUser) maya = palp_user_new ();
  g_autoptr(PalpLicence) licence = palp_licence_new ();
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);
  g_autoptr(PalpReferral) referral = palp_referral_new ();
  g_autoptr(GArray) store_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *raw = NULL;
  const PalpSignOverride overrides[] = {
    { PALP_GATE_PRESCRIPTION_SCOPE, "Compensating tension in the upper back." }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_visits < 2)
    {
      g_printerr ("bench-sign: %s\n", error ? error->message : "--visits must be 2 or more");
      return 2;
    }

  dir = g_dir_make_tmp ("palpate-bench-sign-XXXXXX", &error);
  CHECK (dir != NULL);
  path = g_build_filename (dir, "clinic.db", NULL);
  CHECK ((store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error)));

  g_object_set (admin, "login", "rosa", "display-name", "Rosa", "roles", PALP_ROLE_ADMIN,
                NULL);
  CHECK (palp_store_save_user (store, admin, &error));
  palp_store_set_actor (store, palp_user_get_id (admin));
  g_object_set (maya, "login", "maya", "display-name", "Maya", "roles", PALP_ROLE_PRACTITIONER,
                NULL);
  CHECK (palp_store_save_user (store, maya, &error));
  g_object_set (licence, "user-id", palp_user_get_id (maya), "kind", PALP_LICENCE_KIND_LICENCE,
                "number", "MA60512345", "jurisdiction", "WA", "issued", "2015-06-01",
                "expires", "2035-06-01", NULL);
  CHECK (palp_store_save_licence (store, licence, &error));
  g_object_set (client, "given-name", "Grace", "family-name", "Whitfield", NULL);
  CHECK (palp_store_save_client (store, client, &error));

  palp_store_set_actor (store, palp_user_get_id (maya));
  g_object_set (screening, "client-id", palp_client_get_id (client), "taken-on", "2026-01-30",
                NULL);
  g_object_set (finding, "kind", "bruise-abrasion", "severity", "local",
                "region-id", "body-anterior.forearm.left", NULL);
  g_list_store_append (findings, finding);
  CHECK (palp_store_save_screening (store, screening, G_LIST_MODEL (findings), &error));
  g_object_set (referral, "client-id", palp_client_get_id (client),
                "prescriber-name", "Dr. Ana Ruiz", "referred-on", "2026-01-02",
                "expires-on", "2026-12-31", "regions", "body-posterior.trapezius.left", NULL);
  CHECK (palp_store_save_referral (store, referral, &error));

  CHECK (palp_store_begin (store, &error));
  for (int i = 0; i < opt_visits; i++)
    {
      g_autoptr(PalpVisit) visit = palp_visit_new ();
      g_autoptr(PalpSoapNote) note = palp_soap_note_new ();
      g_autofree char *starts = g_strdup_printf ("2026-02-%02d %02d:%02d", 1 + i % 28,
                                                 8 + (i / 28) % 10, (i / 280) % 60);
      const char *marks[][3] = {
        { "body-anterior", "avoid", "body-anterior.forearm.left" },
        { "body-posterior", "treated", "body-posterior.trapezius.left" },
        { "body-posterior", "tenderness", "body-posterior.rhomboid.left" },
      };
      gint64 id;

      g_object_set (visit, "client-id", palp_client_get_id (client),
                    "practitioner-id", palp_user_get_id (maya), "starts-at", starts,
                    "duration-minutes", (gint64) 60, "status", "attended", NULL);
      CHECK (palp_store_save_visit (store, visit, &error));
      id = palp_visit_get_int (visit, "id");
      g_array_append_val (visits, id);
      g_object_set (note, "visit-id", id, "subjective", "Neck stiff after desk work.",
                    "objective", "Upper trapezius hypertonic.", "assessment", "Tolerated well.",
                    "plan-text", "Weekly.", "gloves", (gint64) 1,
                    "techniques", "[{\"name\": \"Swedish\", \"minutes\": 30,"
                                  " \"regions\": \"body-posterior.trapezius.left\","
                                  " \"intra_oral\": false},"
                                  " {\"name\": \"Trigger point\", \"minutes\": 15,"
                                  " \"regions\": \"body-posterior.rhomboid.left\","
                                  " \"intra_oral\": false}]",
                    NULL);
      CHECK (palp_store_save_soap_note (store, note, &error));
      for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
        {
          g_autoptr(PalpMark) mark = palp_mark_new ();

          g_object_set (mark, "visit-id", id, "atlas-version", (gint64) 1, "view", marks[m][0],
                        "kind", marks[m][1], "shape", "area",
                        "geometry", "[[0.4, 0.4], [0.6, 0.4], [0.5, 0.6]]",
                        "regions", marks[m][2], NULL);
          CHECK (palp_store_save_mark (store, mark, &error));
        }
    }
  CHECK (palp_store_commit (store, &error));

  CHECK (sqlite3_prepare_v2 (palp_store_get_db (store),
                             "INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                             " VALUES (?1, '2026-12-01 10:00:00', palp_actor ())",
                             -1, &raw, NULL) == SQLITE_OK);

  /* Alternate the sides: even visits through the store, odd ones raw. */
  for (guint i = 0; i < visits->len; i++)
    {
      gint64 id = g_array_index (visits, gint64, i);
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (i % 2 == 0)
        CHECK (palp_store_sign_note (store, id, overrides, G_N_ELEMENTS (overrides), &error));
      else
        {
          sqlite3 *db = palp_store_get_db (store);

          CHECK (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
          sqlite3_reset (raw);
          sqlite3_bind_int64 (raw, 1, id);
          CHECK (sqlite3_step (raw) == SQLITE_DONE);
          CHECK (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (i % 2 == 0 ? store_ms : raw_ms, ms);
    }
  sqlite3_finalize (raw);

  g_print ("signed %u\n", store_ms->len);
  g_print ("overrides %u\n", (guint) G_N_ELEMENTS (overrides));
  g_print ("store-p50-ms %.3f\n", percentile (store_ms, 50));
  g_print ("store-p99-ms %.3f\n", percentile (store_ms, 99));
  g_print ("store-max-ms %.3f\n", percentile (store_ms, 100));
  g_print ("raw-p50-ms %.3f\n", percentile (raw_ms, 50));
  g_print ("raw-p99-ms %.3f\n", percentile (raw_ms, 99));
  g_print ("raw-max-ms %.3f\n", percentile (raw_ms, 100));

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
