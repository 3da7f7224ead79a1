/* test-store.c: the clinic database, with its constraints tried in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
} Fixture;

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static PalpClient *
make_client (const char *given,
             const char *family,
             const char *birth,
             const char *phone,
             const char *email)
{
  PalpClient *c = palp_client_new ();

  g_object_set (c, "given-name", given, "family-name", family, "birth-date", birth,
                "mobile-phone", phone, "email", email, NULL);
  return c;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) admin = palp_user_new ();

  f->dir = g_dir_make_tmp ("palpate-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_object_set (admin, "login", "rosa", "display-name", "Rosa Delgado",
                "roles", PALP_ROLE_ADMIN, NULL);
  g_assert_true (palp_store_save_user (f->store, admin, &error));
  g_assert_no_error (error);
  f->admin_id = palp_user_get_id (admin);
  /* The first user acted for their own creation. */
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->admin_id);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_chmod (p, 0600);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
count (PalpStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (palp_store_get_version (f->store), ==, palp_store_schema_version ());
  g_assert_cmpint (palp_store_schema_version (), >=, 2);
  g_assert_cmpint (count (f->store, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==,
                   1);
  g_assert_cmpint (count (f->store, "SELECT foreign_keys FROM pragma_foreign_keys"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT synchronous FROM pragma_synchronous"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT application_id FROM pragma_application_id"), !=, 0);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) c = make_client ("Zoë", "Lefèvre", "1980-04-02", "(206) 555-0195",
                                         "zoe.lefevre@example.org");
  g_autoptr(PalpClient) back = NULL;
  g_autoptr(PalpClinic) clinic = NULL, clinic_back = NULL;
  g_autoptr(PalpUser) therapist = palp_user_new ();
  g_autoptr(PalpUser) found = NULL;
  g_autoptr(PalpLicence) licence = palp_licence_new ();
  g_autoptr(GListModel) licences = NULL;
  g_autoptr(GListModel) practitioners = NULL;
  g_autoptr(GBytes) logo = g_bytes_new_static ("\x89PNG fake", 9);
  g_autoptr(GBytes) logo_back = NULL;
  g_autofree char *notes = NULL, *guardian = NULL, *assoc = NULL, *tax = NULL;

  g_object_set (c, "guardian-name", "Benoît", "notes", "Neck.\nDesk work.", NULL);
  g_assert_true (palp_store_save_client (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_client_get_id (c), >, 0);
  back = palp_store_load_client (f->store, palp_client_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (palp_client_get_given_name (back), ==, "Zoë");
  g_assert_cmpstr (palp_client_get_birth_date (back), ==, "1980-04-02");
  g_object_get (back, "notes", &notes, "guardian-name", &guardian, NULL);
  g_assert_cmpstr (notes, ==, "Neck.\nDesk work.");
  g_assert_cmpstr (guardian, ==, "Benoît");

  clinic = palp_store_load_clinic (f->store, &error);
  g_assert_no_error (error);
  g_object_set (clinic, "name", "Harbord Street Massage Therapy Clinic", "country", "CA",
                "paper-size", "a4", "tax-numbers", "HST 81234 5678 RT0001", "logo", logo, NULL);
  g_assert_true (palp_store_save_clinic (f->store, clinic, &error));
  clinic_back = palp_store_load_clinic (f->store, &error);
  g_assert_cmpstr (palp_clinic_get_country (clinic_back), ==, "CA");
  g_assert_cmpstr (palp_clinic_get_paper_size (clinic_back), ==, "a4");
  g_object_get (clinic_back, "tax-numbers", &tax, "logo", &logo_back, NULL);
  g_assert_cmpstr (tax, ==, "HST 81234 5678 RT0001");
  g_assert_true (g_bytes_equal (logo, logo_back));

  g_object_set (therapist, "login", "maya", "display-name", "Maya Okafor",
                "roles", PALP_ROLE_PRACTITIONER, "credentials", "LMT",
                "association", "AMTA", "npi", "1234567893", NULL);
  g_assert_true (palp_store_save_user (f->store, therapist, &error));
  g_assert_no_error (error);
  found = palp_store_find_user (f->store, "maya", &error);
  g_assert_no_error (error);
  g_assert_cmpint (palp_user_get_id (found), ==, palp_user_get_id (therapist));
  g_object_get (found, "association", &assoc, NULL);
  g_assert_cmpstr (assoc, ==, "AMTA");
  g_clear_object (&found);
  found = palp_store_find_user (f->store, "nobody", &error);
  g_assert_null (found);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_object_set (licence, "user-id", palp_user_get_id (therapist), "number", "MA60512345",
                "jurisdiction", "WA", "issued", "2015-06-01", "expires", "2024-06-01", NULL);
  g_assert_true (palp_store_save_licence (f->store, licence, &error));
  licences = palp_store_list_licences (f->store, palp_user_get_id (therapist), &error);
  g_assert_cmpuint (g_list_model_get_n_items (licences), ==, 1);
  {
    g_autoptr(PalpLicence) l = g_list_model_get_item (licences, 0);
    g_assert_cmpstr (palp_licence_get_number (l), ==, "MA60512345");
    g_assert_false (palp_licence_is_current (l, "2026-11-22"));  /* shown as expired */
  }

  /* A licence cannot expire before it was issued. */
  {
    g_autoptr(PalpLicence) bad = palp_licence_new ();
    g_object_set (bad, "user-id", palp_user_get_id (therapist), "issued", "2025-01-01",
                  "expires", "2024-01-01", NULL);
    g_assert_false (palp_store_save_licence (f->store, bad, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  practitioners = palp_store_list_practitioners (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (practitioners), ==, 1);  /* not the admin */
}

static guint
n_found (PalpStore  *store,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = palp_store_search_clients (store, text, FALSE, 0, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  const char *rows[][5] = {
    { "Zoë", "Lefèvre", "1980-04-02", "(206) 555-0195", "zoe.lefevre@example.org" },
    { "Zoe", "Smith", "1975-12-01", "(425) 555-0100", "zs@example.com" },
    { "Harold", "Brennan", "1958-11-02", "(206) 555-0119", "hal@example.org" },
    { "Siobhán", "O'Brien", "1980-07-15", "416-555-0177", "siobhan@example.net" },
  };
  g_autoptr(GListModel) all = NULL;
  g_autoptr(PalpClient) first = NULL;
  gint64 brennan = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PalpClient) c = make_client (rows[i][0], rows[i][1], rows[i][2], rows[i][3],
                                             rows[i][4]);
      g_assert_true (palp_store_save_client (f->store, c, NULL));
      if (i == 2)
        brennan = palp_client_get_id (c);
    }

  g_assert_cmpuint (n_found (f->store, ""), ==, 4);
  g_assert_cmpuint (n_found (f->store, "zoe"), ==, 2);        /* accents folded */
  g_assert_cmpuint (n_found (f->store, "ZOË"), ==, 2);
  g_assert_cmpuint (n_found (f->store, "lefe"), ==, 1);       /* prefix as you type */
  g_assert_cmpuint (n_found (f->store, "l"), ==, 1);
  g_assert_cmpuint (n_found (f->store, "zoe lef"), ==, 1);
  g_assert_cmpuint (n_found (f->store, "siobhan"), ==, 1);
  g_assert_cmpuint (n_found (f->store, "o'brien"), ==, 1);
  g_assert_cmpuint (n_found (f->store, "1980-04-02"), ==, 1); /* ISO */
  g_assert_cmpuint (n_found (f->store, "04/02/1980"), ==, 1); /* US short form */
  g_assert_cmpuint (n_found (f->store, "1980"), ==, 2);       /* a year */
  g_assert_cmpuint (n_found (f->store, "206555"), ==, 2);     /* phone digits */
  g_assert_cmpuint (n_found (f->store, "(206) 555-01"), ==, 2);
  g_assert_cmpuint (n_found (f->store, "example.org"), ==, 2);
  g_assert_cmpuint (n_found (f->store, "nobody"), ==, 0);
  for (guint i = 0; i < 7; i++)
    {
      const char *hostile[] = { "\"", "*", "OR", "NEAR(", "-", "zoe\" OR \"1", "'; DROP TABLE clients; --" };
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = palp_store_search_clients (f->store, hostile[i], FALSE, 0,
                                                              &error);
      g_assert_no_error (error);
      g_assert_nonnull (list);
    }
  g_assert_cmpint (palp_store_count_clients (f->store, NULL), ==, 4);

  /* Sorted by family name. */
  all = palp_store_search_clients (f->store, "", FALSE, 0, NULL);
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (palp_client_get_family_name (first), ==, "Brennan");
  g_assert_true (g_list_model_get_item_type (all) == PALP_TYPE_CLIENT);
  g_assert_null (g_list_model_get_item (all, 4));

  /* Limits, and archived clients left out unless asked for. */
  {
    g_autoptr(GListModel) two = palp_store_search_clients (f->store, "", FALSE, 2, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
  }
  g_assert_true (palp_store_archive_client (f->store, brennan, TRUE, NULL));
  g_assert_cmpuint (n_found (f->store, "brennan"), ==, 0);
  {
    g_autoptr(GListModel) with = palp_store_search_clients (f->store, "brennan", TRUE, 0, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (with), ==, 1);
  }
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) c = make_client ("Marcus", "Reyes", "1976-01-08", NULL, NULL);
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(PalpAuditEntry) last = NULL;
  g_autofree char *action = NULL, *before = NULL, *after = NULL, *who = NULL;
  gint64 user_id = 0;
  gint64 rows_before;
  char *errmsg = NULL;

  g_assert_true (palp_store_save_client (f->store, c, &error));
  g_object_set (c, "email", "marcus.reyes@example.com", NULL);
  g_assert_true (palp_store_save_client (f->store, c, &error));

  audit = palp_store_list_audit (f->store, palp_client_get_id (c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 2);
  last = g_list_model_get_item (audit, 0);
  g_object_get (last, "action", &action, "before", &before, "after", &after,
                "user-id", &user_id, "user-name", &who, NULL);
  g_assert_cmpstr (action, ==, "update");
  g_assert_cmpint (user_id, ==, f->admin_id);
  g_assert_cmpstr (who, ==, "Rosa Delgado");
  g_assert_nonnull (strstr (after, "marcus.reyes@example.com"));
  g_assert_null (strstr (before, "marcus.reyes@example.com"));

  /* Without someone acting, nothing is written. */
  rows_before = count (f->store, "SELECT count(*) FROM clients");
  palp_store_set_actor (f->store, 0);
  {
    g_autoptr(PalpClient) d = make_client ("No", "Actor", NULL, NULL, NULL);
    g_assert_false (palp_store_save_client (f->store, d, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM clients"), ==, rows_before);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE user_id IS NULL"), ==,
                   0);

  /* The log itself cannot be changed, even in SQL. */
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store),
                                 "UPDATE audit_log SET user_id = 99", NULL, NULL, &errmsg),
                   !=, SQLITE_OK);
  sqlite3_free (errmsg);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), "DELETE FROM audit_log", NULL,
                                 NULL, &errmsg), !=, SQLITE_OK);
  sqlite3_free (errmsg);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log"), >, 0);
}

/* Planting an older database: the first @version migrations, with a client
 * written before the newer ones existed. */
static void
migrate_from (int version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-old-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = 1346456656;"
                                            " PRAGMA user_version = %d;", version);
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_PREFIX "/schema/", 0, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int v = 1; v <= version; v++)
    {
      g_autofree char *prefix = g_strdup_printf ("%04d-", v);
      gboolean found = FALSE;

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_has_prefix (names[i], prefix))
          {
            g_autofree char *res = g_strconcat (RESOURCE_PREFIX "/schema/", names[i], NULL);
            g_autoptr(GBytes) bytes = g_resources_lookup_data (res, 0, &error);
            g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));

            g_assert_no_error (error);
            g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
            found = TRUE;
          }
      g_assert_true (found);
    }
  /* A client from before, inserted without the audit's actor function:
   * drop that trigger for the planting. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER clients_audit_insert;"
                                 "INSERT INTO clients (given_name, family_name, birth_date)"
                                 " VALUES ('Grace', 'Whitfield', '1984-03-17');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, stamp, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = palp_store_open (path, PALP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_get_version (store), ==, palp_store_schema_version ());
  g_assert_cmpuint (n_found (store, "whit"), ==, 1);     /* indexed by a migration */
  g_assert_cmpuint (n_found (store, "1984"), ==, 1);
  /* The newest tables are there and empty. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM receipts"), ==, 0);
  g_clear_object (&store);
  remove_dir (dir);
}

static void
test_migrate_from_older (void)
{
  for (int v = 1; v < palp_store_schema_version (); v++)
    {
      g_test_message ("from version %d", v);
      migrate_from (v);
    }
}

static void
test_newer_schema_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sum = NULL, *sum_after = NULL;
  g_autoptr(PalpStore) again = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999; PRAGMA wal_checkpoint(TRUNCATE)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sum = file_sha256 (f->path);

  again = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_null (again);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NEWER_SCHEMA);
  sum_after = file_sha256 (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_foreign_files_untouched (void)
{
  g_autofree char *dir = g_dir_make_tmp ("palpate-foreign-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *corrupt = g_build_filename (dir, "corrupt.db", NULL);
  struct { const char *path; int code; } cases[] = {
    { text, PALP_STORE_ERROR_NOT_DATABASE },
    { other, PALP_STORE_ERROR_NOT_DATABASE },
    { corrupt, PALP_STORE_ERROR_CORRUPT },
  };
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Not a database at all.\n", -1, NULL));

  /* Another program's SQLite file. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes"
                                 " VALUES ('soup')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* A Palpate database whose first page (the schema) is damaged. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PalpStore) store = palp_store_open (corrupt, PALP_STORE_OPEN_CREATE, &error);
    g_autofree char *bytes = NULL;
    gsize len;

    g_assert_no_error (error);
    g_clear_object (&store);
    g_assert_true (g_file_get_contents (corrupt, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 4096);
    memset (bytes + 100, 0x5a, 400);   /* the page-1 b-tree header and cells */
    g_assert_true (g_file_set_contents (corrupt, bytes, len, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = file_sha256 (cases[i].path);
      g_autofree char *sum_after = NULL;
      g_autoptr(PalpStore) store = palp_store_open (cases[i].path, PALP_STORE_OPEN_CREATE,
                                                    &error);

      g_assert_null (store);
      g_assert_error (error, PALP_STORE_ERROR, cases[i].code);
      sum_after = file_sha256 (cases[i].path);
      g_assert_cmpstr (sum, ==, sum_after);
    }
  remove_dir (dir);
}

static void
test_network_fs_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-nfs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clinic.db", NULL);
  g_autoptr(PalpStore) store = NULL;

  g_assert_true (palp_store_fs_is_network (0x6969));
  g_assert_true (palp_store_fs_is_network (0xFF534D42));
  g_assert_false (palp_store_fs_is_network (0xEF53));   /* ext4 */

  g_setenv ("PALPATE_TEST_FORCE_NETWORK_FS", "1", TRUE);
  store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  g_unsetenv ("PALPATE_TEST_FORCE_NETWORK_FS");
  g_assert_null (store);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NETWORK_FS);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) c = make_client ("Olivia", "Hart", NULL, NULL, NULL);
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (palp_store_get_db (f->store), 50);
  g_assert_false (palp_store_save_client (f->store, c, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_LOCKED);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_error (&error);
  g_assert_true (palp_store_save_client (f->store, c, &error));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpStore) ro = NULL;
  g_autoptr(PalpClient) c = make_client ("Leo", "Park", NULL, NULL, NULL);
  g_autoptr(GListModel) list = NULL;

  /* Tests may run as root, who writes through file modes: the store's own
   * read-only mode stands in for a read-only file. */
  ro = palp_store_open (f->path, PALP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  list = palp_store_search_clients (ro, "", FALSE, 0, &error);
  g_assert_no_error (error);
  palp_store_set_actor (ro, f->admin_id);
  g_assert_false (palp_store_save_client (ro, c, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_READ_ONLY);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) keep = make_client ("Grace", "Whitfield", "1984-03-17", NULL, NULL);
  g_autofree char *page_sql = NULL;
  g_autofree char *big = g_strnfill (3000, 'n');
  gint64 before;
  gboolean failed = FALSE;

  g_assert_true (palp_store_save_client (f->store, keep, &error));
  before = palp_store_count_clients (f->store, NULL);

  /* No room for more pages: the next writes must fail cleanly. */
  page_sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                              count (f->store, "SELECT page_count FROM pragma_page_count"));
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), page_sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < 200 && !failed; i++)
    {
      g_autoptr(PalpClient) c = make_client ("Filler", "Client", NULL, NULL, NULL);

      g_object_set (c, "notes", big, NULL);
      if (!palp_store_save_client (f->store, c, &error))
        failed = TRUE;
    }
  g_assert_true (failed);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FULL);
  g_assert_cmpint (palp_store_count_clients (f->store, NULL), >=, before);
  {
    g_autoptr(PalpClient) again = palp_store_load_client (f->store, palp_client_get_id (keep),
                                                          NULL);
    g_assert_cmpstr (palp_client_get_family_name (again), ==, "Whitfield");
  }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM pragma_integrity_check"
                                    " WHERE integrity_check != 'ok'"), ==, 0);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.db", NULL);
  g_autoptr(PalpClient) c = make_client ("Priscilla", "Nguyen", "1997-07-29", NULL, NULL);
  g_autoptr(PalpStore) reopened = NULL;
  g_autofree char *sum = NULL, *sum_after = NULL;

  g_assert_true (palp_store_save_client (f->store, c, &error));
  g_assert_true (palp_store_backup (f->store, backup, &error));
  g_assert_no_error (error);

  /* After the backup, a change that the restore must undo. */
  g_assert_true (palp_store_delete_client (f->store, palp_client_get_id (c), &error));
  g_assert_cmpint (palp_store_count_clients (f->store, NULL), ==, 0);
  g_clear_object (&f->store);

  g_assert_true (palp_store_restore (backup, f->path, &error));
  g_assert_no_error (error);
  reopened = palp_store_open (f->path, PALP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_count_clients (reopened, NULL), ==, 1);
  g_clear_object (&reopened);

  /* A damaged backup is refused and the database is left as it was. */
  g_assert_true (g_file_set_contents (bad, "SQLite format 3", 16, NULL));
  sum = file_sha256 (f->path);
  g_assert_false (palp_store_restore (bad, f->path, &error));
  g_assert_nonnull (error);
  sum_after = file_sha256 (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PalpLicence) licence = palp_licence_new ();
  gboolean named = FALSE;
  sqlite3 *db = NULL;

  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_object_set (licence, "user-id", f->admin_id, "number", "X1", NULL);
  g_assert_true (palp_store_save_licence (f->store, licence, &error));

  /* Plant a broken reference behind the store's back. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF;"
                                 "DROP TRIGGER licences_audit_update;"
                                 "UPDATE licences SET user_id = 4242", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), "foreign-key:"))
      named = TRUE;
  g_assert_true (named);
}

static void
test_delete_and_archive (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) c = make_client ("Sienna", "Castellano", NULL, NULL, NULL);
  g_autoptr(PalpClient) back = NULL;

  g_assert_true (palp_store_save_client (f->store, c, &error));
  g_assert_true (palp_store_archive_client (f->store, palp_client_get_id (c), TRUE, &error));
  back = palp_store_load_client (f->store, palp_client_get_id (c), &error);
  g_assert_true (palp_client_get_archived (back));

  /* An invalid client never reaches the database. */
  {
    g_autoptr(PalpClient) bad = make_client ("", "Nobody", "2999-01-01", NULL, NULL);
    gint64 n = palp_store_count_clients (f->store, NULL);

    g_assert_false (palp_store_save_client (f->store, bad, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
    g_assert_cmpint (palp_store_count_clients (f->store, NULL), ==, n);
  }
}

static PalpService *
make_service (const char *name,
              const char *category,
              const char *cpt,
              gint64      fee)
{
  PalpService *s = palp_service_new ();

  g_object_set (s, "name", name, "category", category, "cpt-code", cpt, "fee-cents", fee,
                "duration-minutes", (gint64) 30, "active", (gint64) 1, NULL);
  return s;
}

static gboolean
sql_refused (PalpStore  *store,
             const char *sql)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, &errmsg);

  sqlite3_free (errmsg);
  return rc != SQLITE_OK;
}

static void
test_services_and_visits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpService) tmj = make_service ("TMJ massage 30 min", "therapeutic", "97140", 7000);
  g_autoptr(PalpService) facial = make_service ("Esthetic facial 30 min", "esthetic", NULL, 6000);
  g_autoptr(PalpService) coded = make_service ("Facial with a code", "esthetic", "97124", 6000);
  g_autoptr(PalpClient) client = make_client ("Grace", "Whitfield", "1984-03-17", NULL, NULL);
  g_autoptr(PalpVisit) visit = palp_visit_new ();
  g_autoptr(PalpVisit) loaded = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autofree char *sql = NULL;
  gint64 line_id;

  g_assert_true (palp_store_save_service (f->store, tmj, &error));
  g_assert_true (palp_store_save_service (f->store, facial, &error));
  g_assert_false (palp_store_service_is_billed (f->store, palp_service_get_int (facial, "id"),
                                                &error));
  g_assert_no_error (error);
  g_assert_no_error (error);

  /* Cosmetic work never carries a procedure code: refused by the store and
   * by the schema. */
  g_assert_false (palp_store_save_service (f->store, coded, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sql_refused (f->store, "INSERT INTO services (name, category, fee_cents, cpt_code)"
                                        " VALUES ('x', 'esthetic', 100, '97124')"));

  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_object_set (visit, "client-id", palp_client_get_id (client), "practitioner-id", f->admin_id,
                "starts-at", "2026-11-08 09:00", "duration-minutes", (gint64) 60,
                "status", "attended", NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_no_error (error);

  line_id = palp_store_add_visit_line (f->store, palp_visit_get_int (visit, "id"),
                                       palp_service_get_int (tmj, "id"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line_id, >, 0);
  g_assert_cmpint (palp_store_add_visit_line (f->store, palp_visit_get_int (visit, "id"),
                                              palp_service_get_int (facial, "id"), 0, &error),
                   >, 0);
  lines = palp_store_list_visit_lines (f->store, palp_visit_get_int (visit, "id"), &error);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  {
    g_autoptr(PalpVisitLine) l = g_list_model_get_item (lines, 1);
    g_assert_cmpstr (palp_visit_line_get_string (l, "category"), ==, "esthetic");
    g_assert_cmpint (palp_visit_line_get_int (l, "price-cents"), ==, 6000);
    g_assert_cmpint (palp_visit_line_get_int (l, "minutes"), ==, 30);
  }

  /* A line filed under another category than its service's: refused. */
  sql = g_strdup_printf ("INSERT INTO visit_lines (visit_id, service_id, category, description,"
                         " minutes, price_cents) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ", 'therapeutic', 'Massage therapy', 30, 6000)",
                         palp_visit_get_int (visit, "id"), palp_service_get_int (facial, "id"));
  g_assert_true (sql_refused (f->store, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE visit_lines SET category = 'esthetic' WHERE id = %"
                         G_GINT64_FORMAT, line_id);
  g_assert_true (sql_refused (f->store, sql));

  /* A billed service keeps its category, through the store or in SQL. */
  g_assert_true (palp_store_service_is_billed (f->store, palp_service_get_int (facial, "id"),
                                               NULL));
  g_object_set (facial, "category", "therapeutic", NULL);
  g_assert_false (palp_store_save_service (f->store, facial, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (sql_refused (f->store, "UPDATE services SET category = 'therapeutic'"
                                        " WHERE category = 'esthetic'"));

  /* The combined session is confirmed once, by whoever is acting. */
  g_assert_true (palp_store_confirm_mixed_visit (f->store, palp_visit_get_int (visit, "id"),
                                                 &error));
  loaded = palp_store_load_visit (f->store, palp_visit_get_int (visit, "id"), &error);
  g_assert_cmpint (palp_visit_get_int (loaded, "mixed-confirmed-by"), ==, f->admin_id);
  g_assert_cmpstr (palp_visit_get_string (loaded, "categories"), ==, "esthetic,therapeutic");

  /* Billing lines are audited under their client. */
  audit = palp_store_list_audit (f->store, palp_client_get_id (client), &error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), >=, 4);

  /* A client with visits can no longer be deleted: archive instead. */
  g_assert_false (palp_store_delete_client (f->store, palp_client_get_id (client), &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
}

static void
test_check_finds_misfiled_line (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpService) facial = make_service ("Esthetic facial", "esthetic", NULL, 6000);
  g_autoptr(PalpClient) client = make_client ("Sienna", "Castellano", NULL, NULL, NULL);
  g_autoptr(PalpVisit) visit = palp_visit_new ();
  g_autoptr(GPtrArray) problems = NULL;
  gboolean named = FALSE;
  sqlite3 *db = NULL;

  g_assert_true (palp_store_save_service (f->store, facial, &error));
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_object_set (visit, "client-id", palp_client_get_id (client), "practitioner-id", f->admin_id,
                "starts-at", "2026-11-13 15:00", "duration-minutes", (gint64) 30, NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_cmpint (palp_store_add_visit_line (f->store, palp_visit_get_int (visit, "id"),
                                              palp_service_get_int (facial, "id"), 0, &error),
                   >, 0);

  /* Plant esthetic work filed as massage therapy, triggers out of the way. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER visit_lines_category_update;"
                                 "DROP TRIGGER visit_lines_audit_update;"
                                 "UPDATE visit_lines SET category = 'therapeutic'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), "line-category:"))
      named = TRUE;
  g_assert_true (named);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/new-file", test_new_file);
  ADD ("/store/round-trip", test_round_trip);
  ADD ("/store/search", test_search);
  ADD ("/store/audit", test_audit);
  ADD ("/store/newer-schema-refused", test_newer_schema_refused);
  ADD ("/store/locked", test_locked);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/full-disk", test_full_disk);
  ADD ("/store/backup-restore", test_backup_restore);
  ADD ("/store/check", test_check);
  ADD ("/store/delete-and-archive", test_delete_and_archive);
  ADD ("/store/services-and-visits", test_services_and_visits);
  ADD ("/store/check-finds-misfiled-line", test_check_finds_misfiled_line);
#undef ADD
  g_test_add_func ("/store/migrate-from-older", test_migrate_from_older);
  g_test_add_func ("/store/foreign-files-untouched", test_foreign_files_untouched);
  g_test_add_func ("/store/network-fs-refused", test_network_fs_refused);

  return g_test_run ();
}
