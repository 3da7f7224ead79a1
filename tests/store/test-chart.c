/* test-chart.c: body-chart marks in the store, and a signed visit's chart
 * frozen in C and in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
  gint64     maya_id;
  gint64     jonah_id;
  gint64     client_id;
  gint64     first_visit;
  gint64     second_visit;
} Fixture;

static gint64
add_user (PalpStore   *store,
          const char  *login,
          PalpRoles    roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = palp_user_new ();

  g_object_set (user, "login", login, "display-name", login, "roles", roles, NULL);
  g_assert_true (palp_store_save_user (store, user, &error));
  g_assert_no_error (error);
  return palp_user_get_id (user);
}

static gint64
add_visit (Fixture    *f,
           const char *starts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = palp_visit_new ();

  g_object_set (visit, "client-id", f->client_id, "practitioner-id", f->maya_id,
                "starts-at", starts, "duration-minutes", (gint64) 30, "status", "attended",
                NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_no_error (error);
  return palp_visit_get_int (visit, "id");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();

  f->dir = g_dir_make_tmp ("palpate-chart-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->admin_id = add_user (f->store, "rosa", PALP_ROLE_ADMIN);
  f->maya_id = add_user (f->store, "maya", PALP_ROLE_PRACTITIONER);
  f->jonah_id = add_user (f->store, "jonah", PALP_ROLE_PRACTITIONER);
  g_object_set (client, "given-name", "Grace", "family-name", "Whitfield", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = palp_client_get_id (client);
  f->first_visit = add_visit (f, "2026-10-18 09:00");
  f->second_visit = add_visit (f, "2026-11-15 09:00");
  /* Marks are the treating practitioner's. */
  palp_store_set_actor (f->store, f->maya_id);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static PalpMark *
make_mark (gint64      visit_id,
           const char *kind,
           const char *shape,
           const char *geometry,
           int         intensity)
{
  PalpMark *mark = palp_mark_new ();

  g_object_set (mark, "visit-id", visit_id, "atlas-version", (gint64) 1, "view", "face",
                "kind", kind, "shape", shape, "geometry", geometry,
                "regions", "face.masseter.left", NULL);
  if (intensity >= 0)
    g_object_set (mark, "intensity", (gint64) intensity, "has-intensity", (gint64) 1, NULL);
  return mark;
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
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpMark) point = make_mark (f->first_visit, "trigger-point", "point",
                                         "[[0.3,0.55]]", 7);
  g_autoptr(PalpMark) arrow = make_mark (f->first_visit, "trigger-point", "arrow",
                                         "[[0.3,0.55],[0.28,0.4]]", 6);
  g_autoptr(PalpMark) zone = make_mark (f->first_visit, "avoid", "area",
                                        "[[0.6,0.5],[0.7,0.5],[0.65,0.6]]", -1);
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(PalpMark) back = NULL;

  g_object_set (point, "depth", "deep", "note", "Refers to the upper molars", NULL);
  g_assert_true (palp_store_save_mark (f->store, point, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_save_mark (f->store, arrow, &error));
  g_assert_true (palp_store_save_mark (f->store, zone, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_mark_get_int (point, "id"), >, 0);

  marks = palp_store_list_marks (f->store, f->first_visit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 3);
  back = g_list_model_get_item (marks, 0);
  g_assert_cmpstr (palp_mark_get_string (back, "kind"), ==, "trigger-point");
  g_assert_cmpstr (palp_mark_get_string (back, "geometry"), ==, "[[0.3,0.55]]");
  g_assert_cmpstr (palp_mark_get_string (back, "depth"), ==, "deep");
  g_assert_cmpstr (palp_mark_get_string (back, "note"), ==, "Refers to the upper molars");
  g_assert_cmpint (palp_mark_get_int (back, "intensity"), ==, 7);
  g_assert_cmpint (palp_mark_get_int (back, "has-intensity"), ==, 1);
  g_assert_cmpint (palp_mark_get_int (back, "created-by"), ==, f->maya_id);
  g_assert_nonnull (palp_mark_get_string (back, "created-at"));
  g_clear_object (&back);
  back = g_list_model_get_item (marks, 2);
  g_assert_cmpint (palp_mark_get_int (back, "has-intensity"), ==, 0);

  /* Moved and re-rated, then deleted: each written to the audit log. */
  g_object_set (point, "geometry", "[[0.31,0.56]]", "intensity", (gint64) 4, NULL);
  g_assert_true (palp_store_save_mark (f->store, point, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_delete_mark (f->store, palp_mark_get_int (zone, "id"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name ="
                                    " 'chart_marks' AND client_id IS NOT NULL"), ==, 5);
  g_assert_cmpint (count (f->store, "SELECT intensity FROM chart_marks ORDER BY id LIMIT 1"),
                   ==, 4);

  /* A new visit's chart can start as a copy of the last one. */
  g_assert_cmpint (palp_store_copy_last_marks (f->store, f->second_visit, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (palp_store_copy_last_marks (f->store, f->first_visit, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const struct { const char *kind, *shape, *geometry; int intensity; } bad[] = {
    { "tickle", "point", "[[0.3,0.5]]", 3 },               /* unknown kind */
    { "aching", "circle", "[[0.3,0.5]]", 3 },              /* unknown shape */
    { "aching", "arrow", "[[0.3,0.5],[0.4,0.5]]", 3 },     /* arrows are referrals */
    { "avoid", "point", "[[0.3,0.5]]", -1 },               /* zones are areas */
    { "aching", "point", "[[1.3,0.5]]", 3 },               /* outside the view */
    { "aching", "point", "[[0.3,0.5],[0.2,0.2]]", 3 },     /* two points */
    { "aching", "area", "[[0.3,0.5],[0.2,0.2]]", 3 },      /* not an area */
    { "aching", "point", "{\"x\":1}", 3 },
    { "aching", "point", "[[0.3,0.5]]", 11 },              /* intensity 0–10 */
    { "scar", "area", "[[0.6,0.5],[0.7,0.5],[0.65,0.6]]", 3 },  /* a scar has none */
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(PalpMark) mark = make_mark (f->first_visit, bad[i].kind, bad[i].shape,
                                            bad[i].geometry, bad[i].intensity);

      g_assert_false (palp_store_save_mark (f->store, mark, &error));
      g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(PalpMark) mark = make_mark (f->first_visit, "aching", "point", "[[0.3,0.5]]", 3);

    g_object_set (mark, "view", "elbow", NULL);
    g_assert_false (palp_store_save_mark (f->store, mark, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_object_set (mark, "view", "face", "depth", "medium", NULL);
    g_assert_false (palp_store_save_mark (f->store, mark, &error));
    g_clear_error (&error);
    g_object_set (mark, "depth", NULL, NULL);

    /* Another practitioner, or the admin, does not document Maya's visit. */
    palp_store_set_actor (f->store, f->jonah_id);
    g_assert_false (palp_store_save_mark (f->store, mark, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    palp_store_set_actor (f->store, f->admin_id);
    g_assert_false (palp_store_save_mark (f->store, mark, &error));
    g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  /* The same rules in SQL. */
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store),
                                 "INSERT INTO chart_marks (visit_id, atlas_version, view, kind,"
                                 " shape, geometry, intensity, created_by, created_at)"
                                 " VALUES (1, 1, 'face', 'avoid', 'area',"
                                 " '[[0.1,0.1],[0.2,0.1],[0.1,0.2]]', 5, 2, '2026-11-01 10:00')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store),
                                 "INSERT INTO chart_marks (visit_id, atlas_version, view, kind,"
                                 " shape, geometry, created_by, created_at)"
                                 " VALUES (1, 1, 'face', 'aching', 'arrow',"
                                 " '[[0.1,0.1],[0.2,0.1]]', 2, '2026-11-01 10:00')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM chart_marks"), ==, 0);
}

static void
test_signed_visit_frozen (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpMark) mark = make_mark (f->first_visit, "tenderness", "point", "[[0.3,0.5]]", 5);
  g_autoptr(PalpMark) late = make_mark (f->first_visit, "aching", "point", "[[0.4,0.5]]", 2);
  g_autoptr(PalpVisit) visit = NULL;
  g_autofree char *sign_sql = NULL;
  const char *forbidden[] = {
    "UPDATE chart_marks SET intensity = 1",
    "DELETE FROM chart_marks",
    "INSERT INTO chart_marks (visit_id, atlas_version, view, kind, shape, geometry,"
    " created_by, created_at) SELECT visit_id, 1, 'face', 'aching', 'point', '[[0.5,0.5]]',"
    " created_by, created_at FROM chart_marks",
    "UPDATE visit_signatures SET signed_at = '2020-01-01 00:00:00'",
    "DELETE FROM visit_signatures",
  };

  g_assert_true (palp_store_save_mark (f->store, mark, &error));
  g_assert_no_error (error);

  /* Signed as palp_store_sign_note () signs once the gates pass (the gates
   * are tried in test-signing.c): only by the visit's practitioner, once. */
  sign_sql = g_strdup_printf ("INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                              " VALUES (%" G_GINT64_FORMAT ", datetime ('now', 'localtime'),"
                              " palp_actor ())", f->first_visit);
  palp_store_set_actor (f->store, f->jonah_id);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sign_sql, NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sign_sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (palp_store_get_db (f->store), sign_sql, NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  visit = palp_store_load_visit (f->store, f->first_visit, &error);
  g_assert_nonnull (palp_visit_get_string (visit, "signed-at"));

  g_object_set (mark, "intensity", (gint64) 2, NULL);
  g_assert_false (palp_store_save_mark (f->store, mark, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (palp_store_save_mark (f->store, late, &error));
  g_clear_error (&error);
  g_assert_false (palp_store_delete_mark (f->store, palp_mark_get_int (mark, "id"), &error));
  g_clear_error (&error);
  g_assert_cmpint (palp_store_copy_last_marks (f->store, f->first_visit, &error), ==, -1);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      char *errmsg = NULL;

      if (sqlite3_exec (palp_store_get_db (f->store), forbidden[i], NULL, NULL, &errmsg) ==
          SQLITE_OK)
        g_error ("not refused: %s", forbidden[i]);
      sqlite3_free (errmsg);
    }
  g_assert_cmpint (count (f->store, "SELECT intensity FROM chart_marks"), ==, 5);
  /* The next visit can still start from the signed one's chart. */
  g_assert_cmpint (palp_store_copy_last_marks (f->store, f->second_visit, &error), ==, 1);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);
  g_test_add ("/chart/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/chart/signed-visit-frozen", Fixture, NULL, fixture_setup,
              test_signed_visit_frozen, fixture_teardown);

  return g_test_run ();
}
