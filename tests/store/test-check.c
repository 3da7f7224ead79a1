/* test-check.c: palp_store_check () against every violation it knows
 *
 * A demo clinic (receipts issued, notes signed, plans measured) is built
 * once; each case copies it, plants one violation behind the store's back
 * with plain SQL — dropping, in the copy only, the triggers, indexes or
 * checks that would refuse it — and asserts that check names it by its
 * code, and names nothing the plant cannot explain.
 *
 * Every code palp_store_check () can report is planted here:
 *   integrity, foreign-key, audit-user, clinic, search-index (both ways),
 *   licence-dates, line-category, esthetic-code, receipt-gap,
 *   receipt-totals, receipt-category, esthetic-receipt, esthetic-insured,
 *   receipt-twice, receipt-document (missing and altered PDF),
 *   note-after-signature, amendment-unsigned, consent-revocation (both
 *   queries), measurement-client, signed-record-changed, override-unsigned,
 *   override-after-signature, signature-practitioner, clinical-settings,
 *   primary-diagnosis.
 * None could not be planted. Where a table CHECK stands in the way the
 * plant ignores check constraints, and SQLite's integrity check then
 * reports the broken CHECK as well ("integrity: CHECK constraint failed"):
 * that is allowed for those plants only. A new code added to the check
 * needs a case here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-store-private.h"

static char *template_dir;
static char *template_path;

typedef struct
{
  const char *name;      /* the test path */
  const char *code;      /* the code check must report */
  const char *contains;  /* and a word of its message, or NULL */
  const char *tables;    /* space-separated: their triggers are dropped first */
  const char *sql;       /* the plant */
  const char *also;      /* space-separated codes the plant may bring along */
} Plant;

/* Demo facts the plants rely on (see palp-demo*.c): receipts in the three
 * series, one voided; HSA/FSA payments; signed notes, an amendment and an
 * override on signed visits; unrevoked consents; measured goals of more
 * than one client; clients with several diagnoses. Each plant asserts that
 * it changed something (see plant_violation). */
static const Plant plants[] = {
  { "/check/foreign-key", "foreign-key", "licences", "licences",
    "PRAGMA foreign_keys = OFF;"
    "UPDATE licences SET user_id = 4242 WHERE id = (SELECT min (id) FROM licences)",
    NULL },
  { "/check/audit-user", "audit-user", "4242", "audit_log",
    "UPDATE audit_log SET user_id = 4242 WHERE id = (SELECT max (id) FROM audit_log)", NULL },
  { "/check/clinic", "clinic", "0 clinic", "clinic", "DELETE FROM clinic", NULL },
  { "/check/search-index-missing", "search-index", "missing", "clients_fts",
    "DELETE FROM clients_fts WHERE rowid = (SELECT min (id) FROM clients)", NULL },
  { "/check/search-index-ghost", "search-index", "does not exist", "clients_fts",
    "INSERT INTO clients_fts (rowid, names, contact, birth) VALUES (987654, 'Ghost', '', '')",
    NULL },
  { "/check/licence-dates", "licence-dates", "expires before", "licences",
    "PRAGMA ignore_check_constraints = ON;"
    "UPDATE licences SET issued = '2030-01-01', expires = '2020-01-01'"
    " WHERE id = (SELECT min (id) FROM licences)", "integrity" },
  { "/check/line-category", "line-category", "filed as other", "visit_lines",
    "UPDATE visit_lines SET category = 'other' WHERE id = (SELECT min (l.id) FROM visit_lines l"
    " JOIN services s ON s.id = l.service_id WHERE s.category = 'therapeutic')", NULL },
  { "/check/esthetic-code", "esthetic-code", "procedure code", "services",
    "PRAGMA ignore_check_constraints = ON;"
    "UPDATE services SET cpt_code = '97124'"
    " WHERE id = (SELECT min (id) FROM services WHERE category = 'esthetic')", "integrity" },
  { "/check/receipt-gap", "receipt-gap", "series T", "receipt_series",
    "UPDATE receipt_series SET last_seq = last_seq + 1 WHERE series = 'T'", NULL },
  { "/check/receipt-totals", "receipt-totals", "add up otherwise", "receipts",
    "UPDATE receipts SET subtotal_cents = subtotal_cents + 1, total_cents = total_cents + 1"
    " WHERE id = (SELECT min (id) FROM receipts)", NULL },
  { "/check/receipt-category", "receipt-category", "another category", "receipt_lines",
    "UPDATE receipt_lines SET category = 'other', code = NULL WHERE id = (SELECT min (l.id)"
    " FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id"
    " WHERE r.category = 'therapeutic')", NULL },
  { "/check/esthetic-receipt", "esthetic-receipt", "massage therapy", "receipt_lines",
    "PRAGMA ignore_check_constraints = ON;"
    "UPDATE receipt_lines SET code = '97124' WHERE id = (SELECT min (l.id)"
    " FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id"
    " WHERE r.category = 'esthetic')", "integrity" },
  { "/check/esthetic-insured", "esthetic-insured", "insurer", "payments",
    "UPDATE payments SET method = 'hsa-fsa',"
    " receipt_id = (SELECT min (id) FROM receipts WHERE category = 'esthetic'),"
    " client_id = (SELECT client_id FROM receipts WHERE id ="
    "  (SELECT min (id) FROM receipts WHERE category = 'esthetic'))"
    " WHERE id = (SELECT min (id) FROM payments)", NULL },
  { "/check/receipt-twice", "receipt-twice", "valid receipts", "receipt_lines",
    "INSERT INTO receipt_lines (receipt_id, visit_line_id, category, service_date,"
    " description, code, minutes, quantity, price_cents, amount_cents)"
    " SELECT (SELECT max (r.id) FROM receipts r WHERE r.category = 'therapeutic'"
    "   AND r.id NOT IN (SELECT receipt_id FROM receipt_voids) AND r.id != l.receipt_id),"
    "  visit_line_id, category, service_date, description, code, minutes, quantity,"
    "  price_cents, amount_cents"
    " FROM receipt_lines l WHERE l.id = (SELECT min (l2.id) FROM receipt_lines l2"
    "  JOIN receipts r2 ON r2.id = l2.receipt_id WHERE r2.category = 'therapeutic'"
    "  AND r2.id NOT IN (SELECT receipt_id FROM receipt_voids))",
    "receipt-totals" },
  { "/check/receipt-document-missing", "receipt-document", "no stored PDF", "receipt_documents",
    "DELETE FROM receipt_documents WHERE receipt_id = (SELECT min (receipt_id)"
    " FROM receipt_documents)", NULL },
  { "/check/receipt-document-altered", "receipt-document", "not the one issued",
    "receipt_documents",
    "UPDATE receipt_documents SET pdf = pdf || x'0a' WHERE receipt_id = (SELECT min (receipt_id)"
    " FROM receipt_documents)", NULL },
  { "/check/note-after-signature", "note-after-signature", "after it was signed", "soap_notes",
    "UPDATE soap_notes SET updated_at = '2099-01-01 00:00:00'"
    " WHERE visit_id = (SELECT min (visit_id) FROM visit_signatures"
    "  WHERE visit_id IN (SELECT visit_id FROM soap_notes))", NULL },
  { "/check/amendment-unsigned", "amendment-unsigned", "not signed", "note_amendments",
    "UPDATE note_amendments SET visit_id = (SELECT min (id) FROM visits"
    " WHERE id NOT IN (SELECT visit_id FROM visit_signatures))"
    " WHERE id = (SELECT min (id) FROM note_amendments)", NULL },
  { "/check/consent-revocation-incomplete", "consent-revocation", "incomplete", "consents",
    "PRAGMA ignore_check_constraints = ON;"
    "UPDATE consents SET revoked_at = signed_at WHERE id = (SELECT min (id) FROM consents)",
    "integrity" },
  { "/check/consent-revocation-undone", "consent-revocation", "undone", "audit_log",
    "INSERT INTO audit_log (user_id, action, table_name, row_id, client_id)"
    " SELECT (SELECT min (id) FROM users), 'revoke', 'consents', id, client_id"
    " FROM consents WHERE id = (SELECT min (id) FROM consents WHERE revoked_at IS NULL)",
    NULL },
  { "/check/measurement-client", "measurement-client", "another client", "measurements",
    "UPDATE measurements SET goal_id = (SELECT min (g.id) FROM plan_goals g"
    "  JOIN plans p ON p.id = g.plan_id WHERE p.client_id != (SELECT v.client_id"
    "   FROM measurements m JOIN visits v ON v.id = m.visit_id"
    "   WHERE m.id = (SELECT min (id) FROM measurements)))"
    " WHERE id = (SELECT min (id) FROM measurements)", NULL },
  { "/check/signed-record-changed", "signed-record-changed", "after its signature",
    "audit_log",
    "INSERT INTO audit_log (at, user_id, action, table_name, row_id)"
    " SELECT '2099-01-01T00:00:00.000Z', signed_by, 'update', 'soap_notes', visit_id"
    " FROM visit_signatures WHERE visit_id = (SELECT min (visit_id) FROM visit_signatures)",
    NULL },
  { "/check/override-unsigned", "override-unsigned", "not signed", "gate_overrides",
    "UPDATE gate_overrides SET visit_id = (SELECT min (id) FROM visits"
    " WHERE id NOT IN (SELECT visit_id FROM visit_signatures))"
    " WHERE id = (SELECT min (id) FROM gate_overrides)", NULL },
  { "/check/override-after-signature", "override-after-signature", "after visit",
    "gate_overrides",
    "UPDATE gate_overrides SET at = '2099-01-01 00:00:00'"
    " WHERE id = (SELECT min (id) FROM gate_overrides)", NULL },
  { "/check/signature-practitioner", "signature-practitioner", "not its practitioner",
    "visit_signatures",
    "UPDATE visit_signatures SET signed_by = (SELECT min (u.id) FROM users u"
    "  WHERE u.id != visit_signatures.signed_by)"
    " WHERE visit_id = (SELECT min (visit_id) FROM visit_signatures)", NULL },
  { "/check/clinical-settings", "clinical-settings", "instead of one", "clinical_settings",
    "DELETE FROM clinical_settings", NULL },
  { "/check/primary-diagnosis", "primary-diagnosis", "primary diagnoses", "diagnoses",
    "DROP INDEX diagnoses_primary;"
    "UPDATE diagnoses SET is_primary = 1 WHERE archived = 0 AND client_id = (SELECT client_id"
    " FROM diagnoses WHERE archived = 0 GROUP BY client_id HAVING count (*) > 1"
    " ORDER BY client_id LIMIT 1)", NULL },
};

/* A fresh copy of the demo clinic, a single file. */
static char *
copy_template (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = g_strdup_printf ("%s.db", name);
  char *path;
  gsize len;

  for (char *p = base; *p; p++)
    if (*p == '/')
      *p = '_';
  path = g_build_filename (template_dir, base, NULL);
  g_assert_true (g_file_get_contents (template_path, &contents, &len, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (path, contents, (gssize) len,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Drops every trigger on each of @tables, in this copy only. */
static void
drop_triggers (sqlite3    *db,
               const char *tables)
{
  g_auto(GStrv) names = g_strsplit (tables, " ", -1);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema"
                                               " WHERE type = 'trigger' AND tbl_name = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, names[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER \"%s\"",
                                                 sqlite3_column_text (stmt, 0)));
      sqlite3_finalize (stmt);
    }
  for (guint i = 0; i < drops->len; i++)
    exec_ok (db, g_ptr_array_index (drops, i));
}

static GPtrArray *
run_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_DEFAULT, &error);
  GPtrArray *problems;

  g_assert_no_error (error);
  problems = palp_store_check (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", (const char *) g_ptr_array_index (problems, i));
  return problems;
}

static gboolean
has_code (const char *problem,
          const char *code)
{
  gsize n = strlen (code);

  return strncmp (problem, code, n) == 0 && problem[n] == ':';
}

/* A clean demo: check reports nothing. */
static void
test_clean (void)
{
  g_autofree char *path = copy_template ("clean");
  g_autoptr(GPtrArray) problems = run_check (path);

  g_assert_cmpuint (problems->len, ==, 0);
  remove_db (path);
}

static void
test_plant (gconstpointer data)
{
  const Plant *plant = data;
  g_autofree char *path = copy_template (plant->name);
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = NULL;
  gboolean named = FALSE;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  drop_triggers (db, plant->tables);
  exec_ok (db, plant->sql);
  /* The plant found its row: a demo without one would pass by accident. */
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_close (db);

  problems = run_check (path);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *p = g_ptr_array_index (problems, i);

      if (has_code (p, plant->code) &&
          (plant->contains == NULL || strstr (p, plant->contains) != NULL))
        named = TRUE;
      else if (!has_code (p, plant->code))
        {
          g_auto(GStrv) also = g_strsplit (plant->also ? plant->also : "", " ", -1);
          gboolean explained = FALSE;

          for (guint j = 0; also[j] != NULL; j++)
            explained |= *also[j] != '\0' && has_code (p, also[j]);
          if (!explained)
            g_error ("planting %s also reported “%s”", plant->code, p);
        }
    }
  g_assert_true (named);
  remove_db (path);
}

/* A damaged index: the file's own integrity check, reported as such. The
 * index is told (through the writable schema) that it covers another
 * column than the one its entries were built from. */
static void
test_integrity (void)
{
  g_autofree char *path = copy_template ("integrity");
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = NULL;
  gboolean named = FALSE;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, "CREATE TABLE proof_damage (a INTEGER, b INTEGER);"
               "INSERT INTO proof_damage VALUES (1, 10), (2, 20), (3, 30);"
               "CREATE INDEX proof_damage_a ON proof_damage (a);"
               "PRAGMA writable_schema = ON;"
               "UPDATE sqlite_schema SET sql = 'CREATE INDEX proof_damage_a ON proof_damage (b)'"
               " WHERE name = 'proof_damage_a';"
               "PRAGMA writable_schema = OFF;");
  sqlite3_close (db);

  problems = run_check (path);
  for (guint i = 0; i < problems->len; i++)
    if (has_code (g_ptr_array_index (problems, i), "integrity") &&
        strstr (g_ptr_array_index (problems, i), "proof_damage_a") != NULL)
      named = TRUE;
  g_assert_true (named);
  remove_db (path);
}

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo = NULL;
  g_autoptr(PalpStore) store = NULL;

  template_dir = g_dir_make_tmp ("palpate-check-XXXXXX", &error);
  g_assert_no_error (error);
  demo = g_build_filename (template_dir, "demo.db", NULL);
  template_path = g_build_filename (template_dir, "template.db", NULL);
  store = palp_demo_open (demo, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  /* One file, no write-ahead log beside it. */
  g_assert_true (palp_store_backup (store, template_path, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  remove_db (demo);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_template ();

  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/integrity", test_integrity);
  for (guint i = 0; i < G_N_ELEMENTS (plants); i++)
    g_test_add_data_func (plants[i].name, &plants[i], test_plant);

  status = g_test_run ();
  remove_db (template_path);
  g_rmdir (template_dir);
  return status;
}
