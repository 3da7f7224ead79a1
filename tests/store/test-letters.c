/* test-letters.c: letters kept as issued, with every forbidden statement
 * tried directly in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-letter.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-store-claims.h"
#include "palp-store-letters.h"
#include "palp-store-private.h"

typedef struct
{
  char      *path;
  PalpStore *store;
  gint64     maya_id;
  gint64     rosa_id;
  gint64     hal_id;
} Fixture;

static gint64
lookup (PalpStore  *store,
        const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = palp_demo_open (NULL, PALP_COUNTRY_US, palp_doc_receipt_render, &f->path, &error);
  g_assert_no_error (error);
  f->maya_id = lookup (f->store, "SELECT id FROM users WHERE login = 'maya'");
  f->rosa_id = lookup (f->store, "SELECT id FROM users WHERE login = 'rosa'");
  f->hal_id = lookup (f->store, "SELECT id FROM clients WHERE family_name = 'Brennan'");
  palp_store_set_actor (f->store, f->maya_id);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_clear_object (&f->store);
  if ((listing = g_dir_open (dir, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  g_rmdir (dir);
  g_free (f->path);
}

/* Hal's letter drafted from his record and rendered; its fields in @out_fields. */
static GBytes *
draft_hal (Fixture  *f,
           char    **out_fields,
           char    **out_prescriber,
           char    **out_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClinicalDocument) document = palp_store_load_client_document (f->store,
                                                                             f->hal_id,
                                                                             &error);
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autofree char *holder = NULL;
  GBytes *pdf;

  g_assert_no_error (error);
  holder = palp_store_dup_account_holder (f->store, f->hal_id);
  draft = palp_doc_lomn_draft (document, holder, &error);
  g_assert_no_error (error);
  palp_letter_draft_set (draft, "frequency", "Every two weeks");
  pdf = palp_doc_lomn_render (document, draft, &error);
  g_assert_no_error (error);
  *out_fields = palp_letter_draft_to_json (draft);
  *out_prescriber = g_strdup (draft->prescriber);
  *out_date = g_strdup (draft->date);
  return pdf;
}

static PalpLetter *
new_letter (gint64      client_id,
            const char *kind,
            const char *date,
            const char *prescriber,
            const char *fields)
{
  return g_object_new (PALP_TYPE_LETTER, "client-id", client_id, "kind", kind,
                       "issued-on", date, "prescriber", prescriber, "fields", fields, NULL);
}

static guint
n_letters (Fixture *f)
{
  return (guint) lookup (f->store, "SELECT count (*) FROM issued_letters");
}

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *prescriber = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GBytes) pdf = draft_hal (f, &fields, &prescriber, &date);
  g_autoptr(PalpLetter) letter = new_letter (f->hal_id, "lomn", date, prescriber, fields);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PalpLetter) first = NULL;
  g_autoptr(PalpLetter) loaded = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(PalpLetterDraft) back = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *sha = NULL;
  guint before = n_letters (f);
  gint64 id;

  g_assert_true (palp_store_issue_letter (f->store, letter, pdf, &error));
  g_assert_no_error (error);
  id = palp_letter_get_int (letter, "id");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_letters (f), ==, before + 1);
  g_assert_cmpint (palp_letter_get_int (letter, "issued-by"), ==, f->maya_id);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (palp_letter_get_string (letter, "sha256"), ==, sha);

  /* Listed first among the client's letters, reopened from its bytes. */
  list = palp_store_list_letters (f->store, f->hal_id, "lomn", &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (palp_letter_get_int (first, "id"), ==, id);
  g_assert_cmpstr (palp_letter_get_string (first, "kind"), ==, "lomn");
  g_assert_cmpstr (palp_letter_get_string (first, "issued-on"), ==, date);
  g_assert_cmpint (palp_letter_get_int (first, "claim-id"), ==, 0);
  g_clear_object (&list);
  list = palp_store_list_letters (f->store, f->hal_id, "appeal", &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  stored = palp_store_load_letter_pdf (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, pdf));
  loaded = palp_store_load_letter (f->store, id, &error);
  g_assert_no_error (error);
  back = palp_letter_draft_from_json (palp_letter_get_string (loaded, "fields"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->frequency, ==, "Every two weeks");
  g_assert_null (palp_store_load_letter_pdf (f->store, id + 1000, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Audited, with the client. */
  g_assert_cmpint (lookup (f->store, "SELECT count (*) FROM audit_log WHERE table_name ="
                                     " 'issued_letters' AND action = 'insert'"), ==,
                   before + 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT client_id FROM audit_log WHERE table_name"
                                            " = 'issued_letters' AND row_id = %" G_GINT64_FORMAT,
                                            id);

    g_assert_cmpint (lookup (f->store, sql), ==, f->hal_id);
  }

  /* An issued letter is never issued again from the same object. */
  g_assert_false (palp_store_issue_letter (f->store, letter, pdf, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_frozen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *prescriber = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GBytes) pdf = draft_hal (f, &fields, &prescriber, &date);
  g_autoptr(PalpLetter) letter = new_letter (f->hal_id, "lomn", date, prescriber, fields);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = palp_store_get_db (f->store);
  static const char *forbidden[] = {
    "UPDATE issued_letters SET prescriber = 'Someone else' WHERE id = ID",
    "UPDATE issued_letters SET pdf = X'255044462D' WHERE id = ID",
    "UPDATE issued_letters SET issued_on = '2020-01-01' WHERE id = ID",
    "DELETE FROM issued_letters WHERE id = ID",
    "DELETE FROM issued_letters",
  };
  gint64 id;
  guint count;

  g_assert_true (palp_store_issue_letter (f->store, letter, pdf, &error));
  g_assert_no_error (error);
  id = palp_letter_get_int (letter, "id");
  count = n_letters (f);

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autoptr(GString) sql = g_string_new (forbidden[i]);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      char *message = NULL;

      g_string_replace (sql, "ID", number, 0);
      g_assert_cmpint (sqlite3_exec (db, sql->str, NULL, NULL, &message) & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (message, "an issued letter cannot be"));
      sqlite3_free (message);
    }
  g_assert_cmpuint (n_letters (f), ==, count);
  stored = palp_store_load_letter_pdf (f->store, id, &error);
  g_assert_true (g_bytes_equal (stored, pdf));

  /* With the guard removed behind the store's back, check finds the change. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER issued_letters_frozen_update;"
                                     "UPDATE issued_letters SET pdf = X'255044462D31'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "letter-document:"));
}

static void
test_refuses (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *fields = NULL;
  g_autofree char *prescriber = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GBytes) pdf = draft_hal (f, &fields, &prescriber, &date);
  g_autoptr(GBytes) not_pdf = g_bytes_new_static ("hello", 5);
  guint count = n_letters (f);
  struct
  {
    gint64      client;
    const char *kind;
    gint64      claim;
    const char *date;
    const char *prescriber;
    const char *fields;
    gboolean    bad_pdf;
    gint        code;
  } cases[] = {
    { 0, "memo", 0, NULL, NULL, NULL, FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "appeal", 0, NULL, NULL, NULL, FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 4, NULL, NULL, NULL, FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 0, "2026-02-30", NULL, NULL, FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 0, NULL, "   ", NULL, FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 0, NULL, NULL, "[1]", FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 0, NULL, NULL, "{not json", FALSE, PALP_STORE_ERROR_INVALID },
    { 0, "lomn", 0, NULL, NULL, NULL, TRUE, PALP_STORE_ERROR_INVALID },
    { 99999, "lomn", 0, NULL, NULL, NULL, FALSE, PALP_STORE_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PalpLetter) letter = new_letter (cases[i].client ? cases[i].client : f->hal_id,
                                                 cases[i].kind,
                                                 cases[i].date ? cases[i].date : date,
                                                 cases[i].prescriber ? cases[i].prescriber
                                                                     : prescriber,
                                                 cases[i].fields ? cases[i].fields : fields);

      g_object_set (letter, "claim-id", cases[i].claim, NULL);
      g_assert_false (palp_store_issue_letter (f->store, letter,
                                               cases[i].bad_pdf ? not_pdf : pdf, &error));
      if (!g_error_matches (error, PALP_STORE_ERROR, cases[i].code))
        g_error ("case %u: %s", i, error != NULL ? error->message : "no error");
      g_assert_cmpint (palp_letter_get_int (letter, "id"), ==, 0);
    }
  g_assert_cmpuint (n_letters (f), ==, count);

  /* Who may: a practitioner issues a letter of medical necessity; an
   * admin who is not one may not; an appeal is the admin's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PalpLetter) letter = new_letter (f->hal_id, "lomn", date, prescriber, fields);
    g_autoptr(PalpLetter) appeal = new_letter (f->hal_id, "appeal", date, prescriber, fields);

    palp_store_set_actor (f->store, f->rosa_id);
    g_assert_false (palp_store_issue_letter (f->store, letter, pdf, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    palp_store_set_actor (f->store, f->maya_id);
    g_object_set (appeal, "claim-id", (gint64) 1, NULL);
    g_assert_false (palp_store_issue_letter (f->store, appeal, pdf, &error));
    g_assert_nonnull (error);
    g_assert_cmpuint (n_letters (f), ==, count);
  }
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PalpLetter) letter = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 plan_author = lookup (f->store, "SELECT practitioner_id FROM plans p JOIN clients c"
                                         " ON c.id = p.client_id WHERE c.family_name ="
                                         " 'Brennan' ORDER BY p.id DESC LIMIT 1");

  /* Hal's letter, issued by his plan's practitioner; once only. */
  g_assert_true (palp_demo_issue_letters (f->store, palp_doc_lomn_prepare,
                                          palp_doc_appeal_prepare, &error));
  g_assert_no_error (error);
  g_assert_true (palp_demo_issue_letters (f->store, palp_doc_lomn_prepare,
                                          palp_doc_appeal_prepare, &error));
  g_assert_no_error (error);
  list = palp_store_list_letters (f->store, f->hal_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  letter = g_list_model_get_item (list, 0);
  g_assert_cmpstr (palp_letter_get_string (letter, "kind"), ==, "lomn");
  g_assert_cmpint (palp_letter_get_int (letter, "issued-by"), ==, plan_author);
  g_assert_cmpstr (palp_letter_get_string (letter, "prescriber"), ==, "Dr. Samuel Lee, MD");
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->maya_id);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A claim for one of Marcus Reyes's visits with signed notes that the
 * demo's own claims left unbilled, built, sent and, unless @deny is FALSE,
 * denied, as the admin. */
static gint64
marcus_claim (Fixture  *f,
              gboolean  deny)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 visits[2];
  gint64 id;
  guint n = 0;

  palp_store_set_actor (f->store, f->rosa_id);
  settings = palp_store_get_claim_settings (f->store, &error);
  g_assert_no_error (error);
  g_free (settings->billing_npi);
  settings->billing_npi = g_strdup ("1245319599");
  g_assert_true (palp_store_set_claim_settings (f->store, settings, &error));
  g_assert_no_error (error);

  stmt = palp_store_prepare (f->store, "SELECT v.id FROM visits v JOIN clients c"
                                      " ON c.id = v.client_id WHERE c.family_name = 'Reyes'"
                                      " AND v.status = 'attended' AND v.id IN (SELECT visit_id"
                                      " FROM visit_signatures) AND v.id NOT IN (SELECT visit_id"
                                      " FROM claim_lines) ORDER BY v.starts_at LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW && n < 1)
    visits[n++] = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpuint (n, ==, 1);
  claim = palp_store_build_claim (f->store, visits, n, 0, &error);
  g_assert_no_error (error);
  id = palp_claim_get_int (claim, "id");
  g_assert_true (palp_store_mark_claim_ready (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (palp_store_submit_claim (f->store, id, NULL, "paper", &error));
  g_assert_no_error (error);
  if (deny)
    {
      g_assert_true (palp_store_deny_claim (f->store, id, "CO-50: not deemed a medical "
                                            "necessity", "EMA-REF-1", NULL, NULL, &error));
      g_assert_no_error (error);
    }
  palp_store_set_actor (f->store, f->maya_id);
  return id;
}

static void
test_appeal (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *prescriber = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GBytes) pdf = draft_hal (f, &fields, &prescriber, &date);
  gint64 marcus = lookup (f->store, "SELECT id FROM clients WHERE family_name = 'Reyes'");
  gint64 sent = marcus_claim (f, FALSE);
  gint64 denied = marcus_claim (f, TRUE);
  g_autoptr(PalpLetter) appeal = new_letter (marcus, "appeal", date, "Jonah Lindqvist", fields);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PalpLetter) first = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = palp_store_get_db (f->store);
  guint count = n_letters (f);
  char *message = NULL;

  /* An appeal is the admin's, for a denied claim of its own client. */
  g_object_set (appeal, "claim-id", denied, NULL);
  g_assert_false (palp_store_issue_letter (f->store, appeal, pdf, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "admin"));
  g_clear_error (&error);
  palp_store_set_actor (f->store, f->rosa_id);
  g_object_set (appeal, "claim-id", sent, NULL);
  g_assert_false (palp_store_issue_letter (f->store, appeal, pdf, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_object_set (appeal, "claim-id", denied, "client-id", f->hal_id, NULL);
  g_assert_false (palp_store_issue_letter (f->store, appeal, pdf, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (n_letters (f), ==, count);

  g_object_set (appeal, "client-id", marcus, NULL);
  g_assert_true (palp_store_issue_letter (f->store, appeal, pdf, &error));
  g_assert_no_error (error);
  list = palp_store_list_letters (f->store, marcus, "appeal", &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (palp_letter_get_int (first, "claim-id"), ==, denied);
  g_assert_cmpstr (palp_letter_get_string (first, "kind"), ==, "appeal");

  /* SQL refuses an appeal for another client's claim, or a claim not denied. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO issued_letters (client_id, kind,"
                                            " claim_id, issued_on, issued_at, issued_by,"
                                            " prescriber, fields, pdf, sha256) SELECT %"
                                            G_GINT64_FORMAT ", 'appeal', claim_id, issued_on,"
                                            " issued_at, issued_by, prescriber, fields, pdf,"
                                            " sha256 FROM issued_letters WHERE id = %"
                                            G_GINT64_FORMAT, f->hal_id,
                                            palp_letter_get_int (appeal, "id"));

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message) & 0xff, ==,
                     SQLITE_CONSTRAINT);
    g_assert_nonnull (strstr (message, "an appeal is for a denied or partly paid claim"));
    sqlite3_free (message);
  }
  g_assert_cmpuint (n_letters (f), ==, count + 1);
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* A claim the demo has appealed gets its appeal letter, once, with the
 * notes' text as the practitioner reads it. */
static void
test_demo_appeal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PalpLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *poppler = NULL;
  g_autofree char *text = NULL;
  gint64 marcus = lookup (f->store, "SELECT id FROM clients WHERE family_name = 'Reyes'");
  gint64 claim = marcus_claim (f, TRUE);

  palp_store_set_actor (f->store, f->rosa_id);
  g_assert_true (palp_store_appeal_claim (f->store, claim, NULL, NULL, &error));
  g_assert_no_error (error);
  palp_store_set_actor (f->store, f->maya_id);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (palp_demo_issue_letters (f->store, palp_doc_lomn_prepare,
                                              palp_doc_appeal_prepare, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->maya_id);
  /* One appeal for this claim, beside the one for the demo's own appealed
   * claim. */
  list = palp_store_list_letters (f->store, marcus, "appeal", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PalpLetter) each = g_list_model_get_item (list, i);

      if (palp_letter_get_int (each, "claim-id") != claim)
        continue;
      g_assert_null (letter);
      letter = g_steal_pointer (&each);
    }
  g_assert_nonnull (letter);
  g_assert_cmpint (palp_letter_get_int (letter, "issued-by"), ==, f->rosa_id);
  pdf = palp_store_load_letter_pdf (f->store, palp_letter_get_int (letter, "id"), &error);
  g_assert_no_error (error);
  poppler = palp_pdf_open (pdf, &error);
  g_assert_no_error (error);
  text = palp_pdf_get_text (poppler);
  g_object_unref (poppler);
  g_assert_nonnull (strstr (text, "CO-50: not deemed a medical necessity"));
  g_assert_nonnull (strstr (text, "Progress report"));
  g_assert_nonnull (strstr (text, "Subjective"));
  g_assert_null (strstr (text, "Restricted"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/letters/issue", Fixture, NULL, fixture_setup, test_issue, fixture_teardown);
  g_test_add ("/letters/frozen", Fixture, NULL, fixture_setup, test_frozen, fixture_teardown);
  g_test_add ("/letters/refuses", Fixture, NULL, fixture_setup, test_refuses,
              fixture_teardown);
  g_test_add ("/letters/appeal", Fixture, NULL, fixture_setup, test_appeal, fixture_teardown);
  g_test_add ("/letters/demo-appeal", Fixture, NULL, fixture_setup, test_demo_appeal,
              fixture_teardown);
  g_test_add ("/letters/demo", Fixture, NULL, fixture_setup, test_demo, fixture_teardown);
  return g_test_run ();
}
