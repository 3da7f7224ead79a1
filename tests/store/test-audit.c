/* test-audit.c: the audit log read back filtered, a page at a time, and in words
 *
 * Rows are planted with direct SQL, at known times, so each filter is
 * tried against rows it must keep and rows it must drop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-audit-words.h"
#include "palp-store-audit.h"
#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
  gint64     maya_id;
  gint64     client_a;
  gint64     client_b;
} Fixture;

static gint64
add_user (PalpStore  *store,
          const char *login,
          const char *name,
          PalpRoles   roles)
{
  g_autoptr(PalpUser) user = palp_user_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (user, "login", login, "display-name", name, "roles", roles, NULL);
  g_assert_true (palp_store_save_user (store, user, &error));
  g_assert_no_error (error);
  return palp_user_get_id (user);
}

static gint64
add_client (PalpStore  *store,
            const char *given,
            const char *family)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (client, "given-name", given, "family-name", family, NULL);
  g_assert_true (palp_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return palp_client_get_id (client);
}

static void
exec (PalpStore  *store,
      const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
}

/* One planted row; @client 0 for none. */
static void
plant (Fixture    *f,
       const char *at,
       gint64      user,
       const char *action,
       const char *table,
       gint64      client,
       const char *before,
       const char *after)
{
  g_autofree char *sql = NULL;
  g_autofree char *client_text = client > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, client)
                                            : g_strdup ("NULL");

  sql = sqlite3_mprintf ("INSERT INTO audit_log (at, user_id, action, table_name, row_id,"
                         " client_id, before, after) VALUES (%Q, %" G_GINT64_FORMAT ", %Q, %Q,"
                         " 1, %s, %Q, %Q)",
                         at, user, action, table, client_text, before, after);
  exec (f->store, sql);
  sqlite3_free (g_steal_pointer (&sql));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("palpate-audit-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->admin_id = add_user (f->store, "rosa", "Rosa Delgado", PALP_ROLE_ADMIN);
  f->maya_id = add_user (f->store, "maya", "Maya Chen", PALP_ROLE_PRACTITIONER);
  f->client_a = add_client (f->store, "Ana", "Alves");
  f->client_b = add_client (f->store, "Ben", "Brooks");

  /* Planted in 2099, so a date filter tells them from the rows the setup
   * wrote now. Times are UTC; the test runs in Toronto (UTC-5 in early
   * March). */
  plant (f, "2099-03-01T15:00:00.000Z", f->admin_id, "update", "clients", f->client_a,
         "{\"phone\":\"555-0101\",\"email\":null}", "{\"phone\":\"555-0199\",\"email\":null}");
  plant (f, "2099-03-02T03:00:00.000Z", f->maya_id, "insert", "soap_notes", f->client_a,
         NULL, "{\"subjective\":\"sore neck\"}");
  plant (f, "2099-03-02T16:00:00.000Z", f->maya_id, "update", "soap_notes", f->client_a,
         "{\"subjective\":\"sore neck\"}", "{\"subjective\":\"=HYPERLINK(\\\"x\\\")\"}");
  plant (f, "2099-03-03T16:00:00.000Z", f->admin_id, "insert", "receipts", f->client_b,
         NULL, "{\"number\":\"T-2026-000001\"}");
  plant (f, "2099-03-03T17:00:00.000Z", f->admin_id, "insert", "payments", f->client_b,
         NULL, "{\"amount\":9000}");
  plant (f, "2099-03-04T16:00:00.000Z", f->maya_id, "sign-in", "users", 0, NULL, NULL);
  plant (f, "2099-03-04T16:01:00.000Z", f->admin_id, "update", "users", 0,
         "{\"display_name\":\"Maya\"}", "{\"display_name\":\"Maya Chen\"}");
  plant (f, "2099-03-05T16:00:00.000Z", f->admin_id, "update", "clients", f->client_b,
         "{\"email\":null}", "{\"email\":\"ben@example.com\"}");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_unlink (f->path);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GListModel *
query (Fixture         *f,
       PalpAuditQuery  *q,
       GError         **error)
{
  return palp_store_query_audit (f->store, q, error);
}

static char *
get (GListModel *list,
     guint       i,
     const char *prop)
{
  g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (list, i);
  char *value = NULL;

  g_object_get (entry, prop, &value, NULL);
  return value;
}

static gint64
get_id (GListModel *list,
        guint       i)
{
  g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (list, i);
  gint64 id = 0;

  g_object_get (entry, "id", &id, NULL);
  return id;
}

static void
test_filter_client (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery q = { .client_id = f->client_b, .from = "2099-03-01" };
  g_autoptr(GListModel) rows = query (f, &q, &error);
  g_autofree char *first = NULL, *last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  first = get (rows, 0, "table-name");
  last = get (rows, 2, "table-name");
  /* Newest first. */
  g_assert_cmpstr (first, ==, "clients");
  g_assert_cmpstr (last, ==, "receipts");
}

static void
test_filter_user (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery q = { .user_id = f->maya_id, .from = "2099-03-01" };
  g_autoptr(GListModel) rows = query (f, &q, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *who = get (rows, i, "user-name");

      g_assert_cmpstr (who, ==, "Maya Chen");
    }
}

static void
test_filter_dates_local (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* 2099-03-02T03:00Z is 22:00 on 1 March in Toronto: it belongs to the
   * 1st, and the 2nd holds only the 16:00Z row. Both ends are included. */
  PalpAuditQuery first = { .from = "2099-03-01", .to = "2099-03-01" };
  PalpAuditQuery second = { .from = "2099-03-02", .to = "2099-03-02" };
  PalpAuditQuery span = { .from = "2099-03-02", .to = "2099-03-04" };
  PalpAuditQuery open_end = { .from = "2099-03-04" };
  g_autoptr(GListModel) a = query (f, &first, &error);
  g_autoptr(GListModel) b = query (f, &second, &error);
  g_autoptr(GListModel) c = query (f, &span, &error);
  g_autoptr(GListModel) d = query (f, &open_end, &error);
  g_autofree char *late = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, 2);
  late = get (a, 0, "table-name");
  g_assert_cmpstr (late, ==, "soap_notes");
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (c), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (d), ==, 3);
}

static void
test_filter_kinds (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery billing = {
    .from = "2099-03-01",
    .tables = palp_audit_kind_get_tables (PALP_AUDIT_KIND_BILLING),
    .actions = palp_audit_kind_get_actions (PALP_AUDIT_KIND_BILLING),
  };
  PalpAuditQuery sign_in = {
    .from = "2099-03-01",
    .tables = palp_audit_kind_get_tables (PALP_AUDIT_KIND_SIGN_IN),
    .actions = palp_audit_kind_get_actions (PALP_AUDIT_KIND_SIGN_IN),
  };
  PalpAuditQuery settings = {
    .from = "2099-03-01",
    .tables = palp_audit_kind_get_tables (PALP_AUDIT_KIND_SETTINGS),
    .actions = palp_audit_kind_get_actions (PALP_AUDIT_KIND_SETTINGS),
  };
  const char * const update[] = { "update", NULL };
  PalpAuditQuery updates = { .from = "2099-03-01", .actions = update, .client_id = f->client_a };
  g_autoptr(GListModel) b = query (f, &billing, &error);
  g_autoptr(GListModel) s = query (f, &sign_in, &error);
  g_autoptr(GListModel) t = query (f, &settings, &error);
  g_autoptr(GListModel) u = query (f, &updates, &error);
  g_autofree char *b0 = NULL, *b1 = NULL, *s0 = NULL, *t0 = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 2);
  b0 = get (b, 0, "table-name");
  b1 = get (b, 1, "table-name");
  g_assert_cmpstr (b0, ==, "payments");
  g_assert_cmpstr (b1, ==, "receipts");
  /* A sign-in is on the users table, yet not a change to the settings. */
  g_assert_cmpuint (g_list_model_get_n_items (s), ==, 1);
  s0 = get (s, 0, "action");
  g_assert_cmpstr (s0, ==, "sign-in");
  g_assert_cmpuint (g_list_model_get_n_items (t), ==, 1);
  t0 = get (t, 0, "action");
  g_assert_cmpstr (t0, ==, "update");
  g_assert_cmpuint (g_list_model_get_n_items (u), ==, 2);
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery all = { .from = "2099-03-01" };
  g_autoptr(GListModel) every = query (f, &all, &error);
  PalpAuditQuery page = { .from = "2099-03-01", .limit = 3 };
  g_autoptr(GListModel) one = query (f, &page, &error);
  g_autoptr(GListModel) two = NULL;
  g_autoptr(GListModel) three = NULL;
  g_autoptr(GListModel) skipped = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (every), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 3);
  page.before_id = get_id (one, 2);
  two = query (f, &page, &error);
  g_assert_cmpuint (g_list_model_get_n_items (two), ==, 3);
  g_assert_cmpint (get_id (two, 0), ==, get_id (every, 3));
  page.before_id = get_id (two, 2);
  three = query (f, &page, &error);
  g_assert_cmpuint (g_list_model_get_n_items (three), ==, 2);
  g_assert_cmpint (get_id (three, 1), ==, get_id (every, 7));

  page.before_id = 0;
  page.offset = 6;
  skipped = query (f, &page, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (skipped), ==, 2);
  g_assert_cmpint (get_id (skipped, 0), ==, get_id (every, 6));
}

static void
test_bad_dates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery bad = { .from = "2026-02-30" };
  PalpAuditQuery swapped = { .from = "2099-03-05", .to = "2099-03-01" };
  PalpAuditQuery injected = { .to = "2099-03-01' OR 1=1 --" };

  g_assert_null (query (f, &bad, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  g_assert_null (query (f, &swapped, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (query (f, &injected, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PalpAuditQuery clinic = { .from = "2099-03-01" };
  PalpAuditQuery notes = {
    .client_id = f->client_a,
    .tables = palp_audit_kind_get_tables (PALP_AUDIT_KIND_NOTES),
  };
  g_autoptr(GListModel) as_admin = NULL;
  g_autoptr(GListModel) as_maya = NULL;
  g_autofree char *admin_after = NULL, *admin_before = NULL, *maya_after = NULL;

  /* The admin reads the clinic's log, but not what a note says. */
  as_admin = query (f, &notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (as_admin), ==, 2);
  admin_after = get (as_admin, 0, "after");
  admin_before = get (as_admin, 0, "before");
  g_assert_null (admin_after);
  g_assert_null (admin_before);

  /* A practitioner reads one client's history, note text included, and
   * not the clinic's log. */
  palp_store_set_actor (f->store, f->maya_id);
  as_maya = query (f, &notes, &error);
  g_assert_no_error (error);
  maya_after = get (as_maya, 0, "after");
  g_assert_nonnull (strstr (maya_after, "HYPERLINK"));
  g_assert_null (query (f, &clinic, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Nobody signed in reads nothing. */
  palp_store_set_actor (f->store, 0);
  g_assert_null (query (f, &notes, &error));
  g_assert_nonnull (error);
}

/* The statements the store ran, as SQLite saw them. */
static int
trace_cb (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  GPtrArray *seen = data;
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && strstr (sql, "FROM audit_log a") != NULL)
    g_ptr_array_add (seen, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

static char *
plan_of (sqlite3    *db,
         const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
test_index_used (Fixture       *f,
                 gconstpointer  data)
{
  sqlite3 *db = palp_store_get_db (f->store);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PalpAuditQuery one = { .client_id = f->client_a, .user_id = f->maya_id, .limit = 50 };
  PalpAuditQuery clinic = { .limit = 50 };
  g_autoptr(GListModel) a = NULL, b = NULL;
  g_autofree char *plan_one = NULL, *plan_clinic = NULL;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_cb, seen);
  a = query (f, &one, &error);
  b = query (f, &clinic, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);

  /* One client's rows through its index, never a scan of the log; the
   * clinic's backwards by id, with no sort of the whole log. */
  plan_one = plan_of (db, g_ptr_array_index (seen, 0));
  plan_clinic = plan_of (db, g_ptr_array_index (seen, 1));
  g_test_message ("client: %s", plan_one);
  g_test_message ("clinic: %s", plan_clinic);
  g_assert_nonnull (strstr (plan_one, "USING INDEX audit_client (client_id=?)"));
  g_assert_null (strstr (plan_one, "TEMP B-TREE"));
  g_assert_null (strstr (plan_clinic, "TEMP B-TREE"));
}

static void
test_words (void)
{
  g_autofree char *update = palp_audit_describe_change ("update",
                                                        "{\"phone\":\"555-0101\",\"email\":null,\"x\":1}",
                                                        "{\"phone\":\"555-0199\",\"email\":\"a@b.c\",\"x\":1}",
                                                        TRUE);
  g_autofree char *names = palp_audit_describe_change ("update",
                                                       "{\"plan_text\":\"a\",\"pain\":3}",
                                                       "{\"plan_text\":\"b\",\"pain\":3}",
                                                       FALSE);
  g_autofree char *created = palp_audit_describe_change ("insert", NULL, "{\"a\":1}", TRUE);
  g_autofree char *hidden = palp_audit_describe_change ("update", NULL, NULL, TRUE);
  g_autofree char *voided = palp_audit_describe_change ("void", NULL,
                                                        "{\"reason\":\"wrong client\"}", TRUE);
  g_autofree char *long_value = g_strnfill (200, 'a');
  g_autofree char *long_json = g_strdup_printf ("{\"notes\":\"%s\"}", long_value);
  g_autofree char *cut = palp_audit_describe_change ("update", "{\"notes\":\"\"}", long_json,
                                                     TRUE);

  g_assert_cmpstr (update, ==, "phone: 555-0101 → 555-0199; email: — → a@b.c");
  g_assert_cmpstr (names, ==, "Changed: plan text");
  g_assert_cmpstr (created, ==, "Record created");
  g_assert_cmpstr (hidden, ==, "Record changed");
  g_assert_cmpstr (voided, ==, "reason: wrong client");
  g_assert_cmpuint (g_utf8_strlen (cut, -1), <, 60);
  g_assert_true (g_str_has_suffix (cut, "…"));

  g_assert_cmpstr (palp_audit_table_label ("soap_notes"), ==, "SOAP note");
  g_assert_cmpstr (palp_audit_table_label ("receipts"), ==, "Receipt");
  g_assert_cmpstr (palp_audit_table_label ("consents"), ==, "Consent");
  g_assert_cmpstr (palp_audit_table_label ("no_such"), ==, "no_such");
  g_assert_cmpstr (palp_audit_action_label ("void"), ==, "Voided");
  for (guint k = 0; k < PALP_AUDIT_KIND_COUNT; k++)
    g_assert_cmpstr (palp_audit_kind_get_label (k), !=, "");
}

static void
test_csv_cells (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  palp_csv_append_cell (out, "plain", FALSE);
  palp_csv_append_cell (out, "a, b", FALSE);
  palp_csv_append_cell (out, "say \"hi\"", FALSE);
  palp_csv_append_cell (out, "two\nlines", FALSE);
  palp_csv_append_cell (out, "=HYPERLINK(\"x\")", FALSE);
  palp_csv_append_cell (out, "+1", FALSE);
  palp_csv_append_cell (out, "-2", FALSE);
  palp_csv_append_cell (out, "@SUM(A1)", FALSE);
  palp_csv_append_cell (out, NULL, TRUE);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=HYPERLINK(\"\"x\"\")\","
                   "\"'+1\",\"'-2\",\"'@SUM(A1)\",\r\n");
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone: day bounds are tried across a
   * UTC offset. */
  g_setenv ("TZ", "America/Toronto", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit/filter-client", Fixture, NULL, fixture_setup, test_filter_client,
              fixture_teardown);
  g_test_add ("/audit/filter-user", Fixture, NULL, fixture_setup, test_filter_user,
              fixture_teardown);
  g_test_add ("/audit/filter-dates-local", Fixture, NULL, fixture_setup, test_filter_dates_local,
              fixture_teardown);
  g_test_add ("/audit/filter-kinds", Fixture, NULL, fixture_setup, test_filter_kinds,
              fixture_teardown);
  g_test_add ("/audit/paging", Fixture, NULL, fixture_setup, test_paging, fixture_teardown);
  g_test_add ("/audit/bad-dates", Fixture, NULL, fixture_setup, test_bad_dates,
              fixture_teardown);
  g_test_add ("/audit/permissions", Fixture, NULL, fixture_setup, test_permissions,
              fixture_teardown);
  g_test_add ("/audit/index-used", Fixture, NULL, fixture_setup, test_index_used,
              fixture_teardown);
  g_test_add_func ("/audit/words", test_words);
  g_test_add_func ("/audit/csv-cells", test_csv_cells);

  return g_test_run ();
}
