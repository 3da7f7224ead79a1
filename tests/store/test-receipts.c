/* test-receipts.c: issuing, numbering, voiding and paying, with every
 * forbidden statement tried directly in SQL
 *
 * The PDF is drawn by a stand-in renderer here (tests/docs draws real
 * ones): what is tested is what the store does with the bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "palp-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     admin_id;
  gint64     therapist_id;   /* licensed, practitioner only */
  gint64     lapsed_id;      /* licence expired */
  gint64     client_id;
  gint64     other_client_id;
  gint64     massage_id;     /* therapeutic, HST 13% */
  gint64     facial_id;      /* esthetic, HST 13% */
  gint64     noshow_id;      /* other, no tax */
} Fixture;

/* Stand-in renderer: the receipt's number and total as bytes. */
static GBytes *
fake_render (const PalpReceiptDocument  *document,
             gpointer                    user_data,
             GError                    **error)
{
  guint *calls = user_data;
  GString *text = g_string_new (NULL);

  if (calls != NULL)
    (*calls)++;
  g_assert_nonnull (document->clinic);
  g_assert_nonnull (document->client);
  g_assert_nonnull (document->practitioner);
  g_assert_cmpuint (g_list_model_get_n_items (document->lines), >, 0);
  /* Only massage therapy carries a licence. */
  if (g_str_equal (palp_receipt_get_string (document->receipt, "category"), "therapeutic"))
    g_assert_nonnull (document->licence);
  else
    g_assert_null (document->licence);
  g_string_printf (text, "%%PDF-stand-in %s %" G_GINT64_FORMAT,
                     palp_receipt_get_string (document->receipt, "number"),
                     palp_receipt_get_int (document->receipt, "total-cents"));
  return g_string_free_to_bytes (text);
}

static GBytes *
failing_render (const PalpReceiptDocument  *document,
                gpointer                    user_data,
                GError                    **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the printer caught fire");
  return NULL;
}

static gint64
add_user (PalpStore   *store,
          const char  *login,
          const char  *name,
          PalpRoles    roles,
          const char  *expires)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = palp_user_new ();

  g_object_set (user, "login", login, "display-name", name, "roles", roles,
                "credentials", "LMT", NULL);
  g_assert_true (palp_store_save_user (store, user, &error));
  g_assert_no_error (error);
  if (expires != NULL)
    {
      g_autoptr(PalpLicence) licence = palp_licence_new ();

      g_object_set (licence, "user-id", palp_user_get_id (user), "kind",
                    PALP_LICENCE_KIND_LICENCE, "number", "MA60123456", "jurisdiction", "WA",
                    "issued", "2020-01-01", "expires", expires, NULL);
      g_assert_true (palp_store_save_licence (store, licence, &error));
      g_assert_no_error (error);
    }
  return palp_user_get_id (user);
}

static gint64
add_client (PalpStore  *store,
            const char *given,
            const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();

  g_object_set (client, "given-name", given, "family-name", family,
                "birth-date", "1984-03-17", NULL);
  g_assert_true (palp_store_save_client (store, client, &error));
  g_assert_no_error (error);
  return palp_client_get_id (client);
}

static gint64
add_service (PalpStore  *store,
             const char *name,
             const char *category,
             const char *cpt,
             gint64      fee,
             gboolean    hst)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpService) service = palp_service_new ();
  gint64 id;

  g_object_set (service, "name", name, "category", category, "cpt-code", cpt,
                "fee-cents", fee, "duration-minutes", (gint64) 30, "active", (gint64) 1, NULL);
  g_assert_true (palp_store_save_service (store, service, &error));
  g_assert_no_error (error);
  id = palp_service_get_int (service, "id");
  if (hst)
    {
      g_autoptr(GPtrArray) taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);

      g_ptr_array_add (taxes, palp_tax_component_new ("HST", 130000, "81234 5678 RT0001"));
      g_assert_true (palp_store_set_service_taxes (store, id, taxes, &error));
      g_assert_no_error (error);
    }
  return id;
}

/* An attended visit of @client with @practitioner, with one line per
 * service in @services (0-terminated). */
static gint64
add_visit (PalpStore   *store,
           gint64       client,
           gint64       practitioner,
           const char  *starts,
           const char  *status,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = palp_visit_new ();
  va_list args;
  gint64 service;

  g_object_set (visit, "client-id", client, "practitioner-id", practitioner,
                "starts-at", starts, "duration-minutes", (gint64) 60, "status", status, NULL);
  g_assert_true (palp_store_save_visit (store, visit, &error));
  g_assert_no_error (error);
  va_start (args, status);
  while ((service = va_arg (args, gint64)) != 0)
    {
      g_assert_cmpint (palp_store_add_visit_line (store, palp_visit_get_int (visit, "id"),
                                                  service, 0, &error), >, 0);
      g_assert_no_error (error);
    }
  va_end (args);
  return palp_visit_get_int (visit, "id");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("palpate-receipts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_store_open (f->path, PALP_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->admin_id = add_user (f->store, "rosa", "Rosa Delgado", PALP_ROLE_ADMIN, NULL);
  f->therapist_id = add_user (f->store, "maya", "Maya Lindqvist", PALP_ROLE_PRACTITIONER,
                              "2099-12-31");
  f->lapsed_id = add_user (f->store, "old", "Ola Lapsed", PALP_ROLE_PRACTITIONER, "2021-01-01");
  f->client_id = add_client (f->store, "Grace", "Whitfield");
  f->other_client_id = add_client (f->store, "Zoë", "Marchetti");
  f->massage_id = add_service (f->store, "TMJ massage 30 min", "therapeutic", "97140", 7000,
                               TRUE);
  f->facial_id = add_service (f->store, "Esthetic facial 30 min", "esthetic", NULL, 6000, TRUE);
  f->noshow_id = add_service (f->store, "No-show fee", "other", NULL, 4000, FALSE);
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

static gboolean
sql_refused (PalpStore  *store,
             const char *sql)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (palp_store_get_db (store), sql, NULL, NULL, &errmsg);

  sqlite3_free (errmsg);
  return rc != SQLITE_OK;
}

static PalpReceipt *
receipt_at (GListModel *list,
            guint       i)
{
  return g_list_model_get_item (list, i);
}

static char *
this_year_number (const char *series,
                  int         seq)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%s-%d-%06d", series, g_date_time_get_year (now), seq);
}

static void
test_combined_visit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(PalpReceipt) t = NULL;
  g_autoptr(PalpReceipt) e = NULL;
  g_autoptr(PalpReceiptDocument) doc = NULL;
  g_autoptr(PalpReceiptLine) line = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *t_number = this_year_number ("T", 1);
  g_autofree char *e_number = this_year_number ("E", 1);
  g_autofree char *sha = NULL;
  guint calls = 0;
  gint64 visit = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-20 10:00",
                            "attended", f->massage_id, f->facial_id, (gint64) 0);

  palp_store_set_actor (f->store, f->admin_id);

  /* Attended with two lines to receipt: listed, except on its own day. */
  {
    g_autoptr(GListModel) left = palp_store_list_unreceipted_visits (f->store, NULL, 0, &error);
    g_autoptr(GListModel) other_days = palp_store_list_unreceipted_visits (f->store, "2026-11-20",
                                                                           0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (other_days), ==, 0);
  }

  /* Combined sessions wait for an admin's confirmation; nothing written. */
  receipts = palp_store_issue_receipts (f->store, &visit, 1, NULL, 0, fake_render, &calls,
                                        &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_null (receipts);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM receipts"), ==, 0);
  g_clear_error (&error);

  g_assert_true (palp_store_confirm_mixed_visit (f->store, visit, &error));
  g_assert_no_error (error);
  receipts = palp_store_issue_receipts (f->store, &visit, 1, NULL, 0, fake_render, &calls,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (receipts), ==, 2);
  g_assert_cmpuint (calls, ==, 2);

  t = receipt_at (receipts, 0);
  e = receipt_at (receipts, 1);
  g_assert_cmpstr (palp_receipt_get_string (t, "number"), ==, t_number);
  g_assert_cmpstr (palp_receipt_get_string (t, "category"), ==, "therapeutic");
  g_assert_cmpstr (palp_receipt_get_string (e, "number"), ==, e_number);
  g_assert_cmpstr (palp_receipt_get_string (e, "category"), ==, "esthetic");
  /* $70.00 + 13% HST = $79.10; $60.00 + $7.80 = $67.80 */
  g_assert_cmpint (palp_receipt_get_int (t, "subtotal-cents"), ==, 7000);
  g_assert_cmpint (palp_receipt_get_int (t, "tax-cents"), ==, 910);
  g_assert_cmpint (palp_receipt_get_int (t, "total-cents"), ==, 7910);
  g_assert_cmpint (palp_receipt_get_int (e, "total-cents"), ==, 6780);
  g_assert_cmpint (palp_receipt_get_int (t, "balance-cents"), ==, 7910);
  g_assert_cmpint (palp_store_client_balance (f->store, f->client_id, NULL), ==, 7910 + 6780);

  /* What the receipts print. */
  doc = palp_store_load_receipt_document (f->store, palp_receipt_get_int (t, "id"), &error);
  g_assert_no_error (error);
  line = g_list_model_get_item (doc->lines, 0);
  g_assert_cmpstr (palp_receipt_line_get_string (line, "description"), ==, "Massage therapy");
  g_assert_cmpstr (palp_receipt_line_get_string (line, "code"), ==, "97140");
  g_assert_cmpstr (palp_licence_get_number (doc->licence), ==, "MA60123456");
  g_assert_cmpuint (g_list_model_get_n_items (doc->taxes), ==, 1);
  g_clear_pointer (&doc, palp_receipt_document_free);
  g_clear_object (&line);
  doc = palp_store_load_receipt_document (f->store, palp_receipt_get_int (e, "id"), &error);
  g_assert_no_error (error);
  line = g_list_model_get_item (doc->lines, 0);
  g_assert_cmpstr (palp_receipt_line_get_string (line, "description"), ==,
                   "Esthetic facial 30 min");
  g_assert_null (palp_receipt_line_get_string (line, "code"));
  g_assert_null (doc->licence);

  /* The bytes drawn are the bytes stored, with their SHA-256. */
  pdf = palp_store_load_receipt_pdf (f->store, palp_receipt_get_int (t, "id"), &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (sha, ==, palp_receipt_get_string (t, "sha256"));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-stand-in T-"));

  /* The lines are receipted: not again, and not editable. */
  g_clear_object (&receipts);
  receipts = palp_store_issue_receipts (f->store, &visit, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sql_refused (f->store, "UPDATE visit_lines SET price_cents = 1"));
  g_assert_true (sql_refused (f->store, "DELETE FROM visit_lines"));

  /* Nothing left to check out on it. */
  {
    g_autoptr(GListModel) left = palp_store_list_unreceipted_visits (f->store, NULL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (left), ==, 0);
  }

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM audit_log WHERE table_name = 'receipts'"
                                    " AND user_id IS NOT NULL"), ==, 2);
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_refusals_write_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = NULL;
  gint64 lapsed = add_visit (f->store, f->client_id, f->lapsed_id, "2026-11-20 09:00",
                             "attended", f->massage_id, (gint64) 0);
  gint64 booked = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-21 09:00",
                             "booked", f->massage_id, (gint64) 0);
  gint64 fine = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-19 09:00",
                           "attended", f->massage_id, (gint64) 0);
  gint64 other = add_visit (f->store, f->other_client_id, f->therapist_id, "2026-11-19 11:00",
                            "attended", f->massage_id, (gint64) 0);
  gint64 both[] = { fine, other };
  PalpCheckoutPayment too_much = { "cash", 100000, NULL };
  PalpCheckoutPayment bad_method = { "bitcoin", 100, NULL };

  palp_store_set_actor (f->store, f->admin_id);

  /* An expired licence: the reason, by name. */
  receipts = palp_store_issue_receipts (f->store, &lapsed, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Ola Lapsed"));
  g_clear_error (&error);

  /* A booked visit has not happened. */
  receipts = palp_store_issue_receipts (f->store, &booked, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Two clients at once. */
  receipts = palp_store_issue_receipts (f->store, both, 2, NULL, 0, fake_render, NULL, &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Paying more than the bill, or with no known method. */
  receipts = palp_store_issue_receipts (f->store, &fine, 1, &too_much, 0, fake_render, NULL,
                                        &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  receipts = palp_store_issue_receipts (f->store, &fine, 1, &bad_method, 0, fake_render, NULL,
                                        &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The renderer fails after the rows are written: all of it is undone. */
  receipts = palp_store_issue_receipts (f->store, &fine, 1, NULL, 0, failing_render, NULL,
                                        &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  /* A practitioner issues their own receipts, never a colleague's. */
  palp_store_set_actor (f->store, f->therapist_id);
  receipts = palp_store_issue_receipts (f->store, &lapsed, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "licence"));
  g_clear_error (&error);
  g_assert_false (palp_store_void_receipt (f->store, "T-2026-000001", "mine", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  receipts = palp_store_issue_receipts (f->store, &fine, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (receipts), ==, 1);
  g_clear_object (&receipts);

  g_assert_cmpint (count (f->store, "SELECT count(*) FROM receipts"
                                    " WHERE practitioner_id != (SELECT id FROM users"
                                    "  WHERE login = 'maya')"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM receipt_documents")
                   , ==, count (f->store, "SELECT count(*) FROM receipts"));
}

static void
test_payments_void_reissue (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GListModel) esthetic = NULL;
  g_autoptr(PalpReceipt) r = NULL;
  g_autoptr(PalpReceipt) again = NULL;
  g_autoptr(PalpReceipt) voided = NULL;
  g_autoptr(PalpPayment) pay = palp_payment_new ();
  g_autoptr(PalpPayment) refund = palp_payment_new ();
  g_autoptr(PalpPayment) insure = palp_payment_new ();
  g_autoptr(PalpReceiptDocument) doc = NULL;
  PalpCheckoutPayment part = { "card", 5000, "AUTH 0042" };
  gint64 visit = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-18 10:00",
                            "attended", f->massage_id, (gint64) 0);
  gint64 facial = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-18 11:00",
                             "attended", f->facial_id, (gint64) 0);
  g_autofree char *number = NULL;

  palp_store_set_actor (f->store, f->admin_id);
  first = palp_store_issue_receipts (f->store, &visit, 1, &part, 0, fake_render, NULL, &error);
  g_assert_no_error (error);
  r = receipt_at (first, 0);
  number = g_strdup (palp_receipt_get_string (r, "number"));
  g_assert_cmpint (palp_receipt_get_int (r, "paid-cents"), ==, 5000);
  g_assert_cmpint (palp_receipt_get_int (r, "balance-cents"), ==, 7910 - 5000);

  /* More than the balance is refused; the rest is accepted. */
  g_object_set (pay, "receipt-id", palp_receipt_get_int (r, "id"), "method", "cash",
                "amount-cents", (gint64) 9999, NULL);
  g_assert_false (palp_store_record_payment (f->store, pay, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (pay, "amount-cents", (gint64) 1000, NULL);
  g_assert_true (palp_store_record_payment (f->store, pay, &error));
  g_assert_no_error (error);
  g_assert_cmpint (palp_payment_get_int (pay, "id"), >, 0);
  g_assert_cmpint (palp_store_client_balance (f->store, f->client_id, NULL), ==, 1910);

  /* A refund of more than was paid is refused. */
  g_object_set (refund, "receipt-id", palp_receipt_get_int (r, "id"), "kind", "refund",
                "method", "cash", "amount-cents", (gint64) 6001, NULL);
  g_assert_false (palp_store_record_payment (f->store, refund, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* No insurer pays for a facial: in C and in SQL. */
  esthetic = palp_store_issue_receipts (f->store, &facial, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PalpReceipt) e = receipt_at (esthetic, 0);
    g_autofree char *sql = NULL;

    g_object_set (insure, "receipt-id", palp_receipt_get_int (e, "id"), "method", "insurance",
                  "amount-cents", (gint64) 100, NULL);
    g_assert_false (palp_store_record_payment (f->store, insure, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    sql = g_strdup_printf ("INSERT INTO payments (client_id, receipt_id, kind, method,"
                           " amount_cents, received_at, recorded_by) VALUES (%" G_GINT64_FORMAT
                           ", %" G_GINT64_FORMAT ", 'payment', 'hsa-fsa', 100,"
                           " '2026-11-18 12:00:00', %" G_GINT64_FORMAT ")",
                           f->client_id, palp_receipt_get_int (e, "id"), f->admin_id);
    g_assert_true (sql_refused (f->store, sql));
  }

  /* Void: a reason is required; then the line is billable again. */
  g_assert_false (palp_store_void_receipt (f->store, number, "   ", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (palp_store_void_receipt (f->store, number, "Wrong duration billed", &error));
  g_assert_no_error (error);
  g_assert_false (palp_store_void_receipt (f->store, number, "twice", &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  voided = palp_store_find_receipt (f->store, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (palp_receipt_get_int (voided, "voided"), ==, 1);
  g_assert_cmpstr (palp_receipt_get_string (voided, "void-reason"), ==, "Wrong duration billed");
  g_assert_cmpint (palp_receipt_get_int (voided, "voided-by"), ==, f->admin_id);
  g_assert_cmpint (palp_receipt_get_int (voided, "balance-cents"), ==, 0);

  /* No payment on a void receipt. */
  g_object_set (pay, "id", (gint64) 0, "amount-cents", (gint64) 10, NULL);
  g_assert_false (palp_store_record_payment (f->store, pay, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Reissued: a new number, the old payments carried over. */
  second = palp_store_issue_receipts (f->store, &visit, 1, NULL,
                                      palp_receipt_get_int (voided, "id"), fake_render, NULL,
                                      &error);
  g_assert_no_error (error);
  again = receipt_at (second, 0);
  g_assert_cmpstr (palp_receipt_get_string (again, "number"), !=, number);
  g_assert_cmpstr (palp_receipt_get_string (again, "replaces-number"), ==, number);
  g_assert_cmpint (palp_receipt_get_int (again, "paid-cents"), ==, 6000);
  g_assert_cmpint (palp_receipt_get_int (again, "balance-cents"), ==, 1910);
  g_assert_cmpint (palp_store_client_balance (f->store, f->client_id, NULL), ==, 1910 + 6780);
  doc = palp_store_load_receipt_document (f->store, palp_receipt_get_int (again, "id"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (doc->payments), ==, 2);

  {
    g_autoptr(GListModel) payments = palp_store_list_payments (f->store, f->client_id,
                                                               "2000-01-01", "2999-12-31",
                                                               &error);
    g_autoptr(GListModel) taxes = palp_store_list_receipt_taxes (f->store, NULL, NULL, &error);
    g_autoptr(GPtrArray) statement = palp_store_load_statement (f->store, f->client_id,
                                                                "2026-11-01", "2026-11-30",
                                                                &error);
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (payments), ==, 2);
    /* Three receipts carry HST, one of them void. */
    g_assert_cmpuint (g_list_model_get_n_items (taxes), ==, 3);
    /* Only the valid therapeutic receipt reaches a statement. */
    g_assert_cmpuint (statement->len, ==, 1);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Issued data never changes, whoever asks. */
static void
test_frozen_in_sql (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = NULL;
  PalpCheckoutPayment cash = { "cash", 1000, NULL };
  gint64 visit = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-18 10:00",
                            "attended", f->massage_id, f->noshow_id, (gint64) 0);
  gint64 facial = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-19 10:00",
                             "attended", f->facial_id, (gint64) 0);
  const char *forbidden[] = {
    "UPDATE receipts SET total_cents = 1",
    "UPDATE receipts SET number = 'T-1'",
    "DELETE FROM receipts",
    "UPDATE receipt_lines SET amount_cents = 1",
    "DELETE FROM receipt_lines",
    "UPDATE receipt_taxes SET amount_cents = 1",
    "DELETE FROM receipt_taxes",
    "UPDATE receipt_documents SET pdf = x'00'",
    "DELETE FROM receipt_documents",
    "UPDATE payments SET amount_cents = 1",
    "DELETE FROM payments",
    "UPDATE audit_log SET user_id = NULL",
    "DELETE FROM audit_log",
    "DELETE FROM receipt_series",
    "UPDATE receipt_series SET last_seq = last_seq + 5",
    "UPDATE receipt_series SET last_seq = 1",
    /* A number out of turn. */
    "INSERT INTO receipts (number, series, year, counter_year, seq, category, client_id,"
    " practitioner_id, issued_at, issued_by, subtotal_cents, tax_cents, total_cents)"
    " SELECT 'T-2026-000009', 'T', 2026, 2026, 9, 'therapeutic', client_id, practitioner_id,"
    " issued_at, issued_by, 0, 0, 0 FROM receipts LIMIT 1",
    /* Esthetic work in the massage therapy series. */
    "INSERT INTO receipts (number, series, year, counter_year, seq, category, client_id,"
    " practitioner_id, issued_at, issued_by, subtotal_cents, tax_cents, total_cents)"
    " SELECT 'T-X', 'T', 2026, 0, 1, 'esthetic', client_id, practitioner_id,"
    " issued_at, issued_by, 0, 0, 0 FROM receipts LIMIT 1",
    /* A line of another category, slipped onto an issued receipt. */
    "INSERT INTO receipt_lines (receipt_id, visit_line_id, category, service_date, description,"
    " minutes, quantity, price_cents, amount_cents)"
    " SELECT (SELECT id FROM receipts WHERE category = 'therapeutic'), l.id, l.category,"
    " '2026-11-19', 'Facial', 30, 1, 6000, 6000 FROM visit_lines l WHERE category = 'esthetic'",
    /* The same line twice. */
    "INSERT INTO receipt_lines (receipt_id, visit_line_id, category, service_date, description,"
    " minutes, quantity, price_cents, amount_cents)"
    " SELECT receipt_id, visit_line_id, category, service_date, description, minutes,"
    " quantity, price_cents, amount_cents FROM receipt_lines LIMIT 1",
    /* A code, or the words, on cosmetic paper. */
    "INSERT INTO receipt_lines (receipt_id, visit_line_id, category, service_date, description,"
    " code, minutes, quantity, price_cents, amount_cents)"
    " SELECT (SELECT id FROM receipts WHERE category = 'esthetic'), l.id, 'esthetic',"
    " '2026-11-19', 'Facial', '97124', 30, 1, 6000, 6000 FROM visit_lines l"
    " WHERE category = 'esthetic'",
    "INSERT INTO receipt_lines (receipt_id, visit_line_id, category, service_date, description,"
    " minutes, quantity, price_cents, amount_cents)"
    " SELECT (SELECT id FROM receipts WHERE category = 'esthetic'), l.id, 'esthetic',"
    " '2026-11-19', 'Facial massage therapy', 30, 1, 6000, 6000 FROM visit_lines l"
    " WHERE category = 'esthetic'",
    /* A void undone or rewritten. */
    "UPDATE receipt_voids SET reason = 'never mind'",
    "DELETE FROM receipt_voids",
    /* Replacing a receipt that is not void. */
    "INSERT INTO receipts (number, series, year, counter_year, seq, category, client_id,"
    " practitioner_id, issued_at, issued_by, subtotal_cents, tax_cents, total_cents, replaces_id)"
    " SELECT 'G-2026-000002', 'G', 2026, 2026, 2, 'other', client_id, practitioner_id,"
    " issued_at, issued_by, 0, 0, 0, (SELECT id FROM receipts WHERE category = 'esthetic')"
    " FROM receipts LIMIT 1",
  };

  palp_store_set_actor (f->store, f->admin_id);
  receipts = palp_store_issue_receipts (f->store, &visit, 1, &cash, 0, fake_render, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (receipts), ==, 2);   /* T and G */
  g_clear_object (&receipts);
  receipts = palp_store_issue_receipts (f->store, &facial, 1, NULL, 0, fake_render, NULL,
                                        &error);
  g_assert_no_error (error);
  {
    g_autoptr(PalpReceipt) g = NULL;
    g_autoptr(GListModel) all = palp_store_list_receipts (f->store, f->client_id, &error);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
    g = g_list_model_get_item (all, 1);
    if (!g_str_equal (palp_receipt_get_string (g, "category"), "other"))
      g_set_object (&g, g_list_model_get_item (all, 2));
    g_assert_true (palp_store_void_receipt (f->store, palp_receipt_get_string (g, "number"),
                                            "Fee waived", &error));
    g_assert_no_error (error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      gint64 before = count (f->store, "SELECT (SELECT count(*) FROM receipts) * 1000000"
                                       " + (SELECT count(*) FROM receipt_lines) * 10000"
                                       " + (SELECT count(*) FROM payments) * 100"
                                       " + (SELECT count(*) FROM audit_log)");

      if (!sql_refused (f->store, forbidden[i]))
        g_error ("not refused: %s", forbidden[i]);
      g_assert_cmpint (count (f->store, "SELECT (SELECT count(*) FROM receipts) * 1000000"
                                        " + (SELECT count(*) FROM receipt_lines) * 10000"
                                        " + (SELECT count(*) FROM payments) * 100"
                                        " + (SELECT count(*) FROM audit_log)"), ==, before);
    }
}

/* palpate-cli check notices what slipped past the triggers. */
static void
test_check_finds_tampering (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 visit = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-18 10:00",
                            "attended", f->massage_id, (gint64) 0);
  gboolean saw_document = FALSE, saw_totals = FALSE;

  palp_store_set_actor (f->store, f->admin_id);
  receipts = palp_store_issue_receipts (f->store, &visit, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_no_error (error);

  /* Someone with a SQLite shell drops the guards and edits. */
  g_assert_false (sql_refused (f->store,
                               "DROP TRIGGER receipt_documents_frozen_update;"
                               "DROP TRIGGER receipts_frozen_update;"
                               "UPDATE receipt_documents SET pdf = x'255044462d6f74686572';"
                               "UPDATE receipts SET subtotal_cents = 1, total_cents = 1 + tax_cents;"));
  problems = palp_store_check (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *p = g_ptr_array_index (problems, i);

      saw_document |= g_str_has_prefix (p, "receipt-document:");
      saw_totals |= g_str_has_prefix (p, "receipt-totals:");
    }
  g_assert_true (saw_document);
  g_assert_true (saw_totals);
}

/* Numbering under concurrency: two processes issue at the same time; the
 * series ends up 1..2n with no gap and no duplicate. */
#define PER_PROCESS 12

static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 visits[2][PER_PROCESS];
  pid_t pids[2];

  for (int p = 0; p < 2; p++)
    for (int i = 0; i < PER_PROCESS; i++)
      {
        g_autofree char *starts = g_strdup_printf ("2026-11-%02d %02d:00", 1 + i, 8 + p);
        visits[p][i] = add_visit (f->store, p == 0 ? f->client_id : f->other_client_id,
                                  f->therapist_id, starts, "attended", f->massage_id,
                                  (gint64) 0);
      }
  /* The parent's connection stays open but idle. */
  for (int p = 0; p < 2; p++)
    {
      pids[p] = fork ();
      g_assert_cmpint (pids[p], >=, 0);
      if (pids[p] == 0)
        {
          g_autoptr(PalpStore) store = palp_store_open (f->path, PALP_STORE_OPEN_DEFAULT, NULL);
          int failures = 0;

          if (store == NULL)
            _exit (2);
          palp_store_set_actor (store, f->admin_id);
          for (int i = 0; i < PER_PROCESS; i++)
            {
              g_autoptr(GListModel) r = palp_store_issue_receipts (store, &visits[p][i], 1,
                                                                   NULL, 0, fake_render, NULL,
                                                                   NULL);
              failures += r == NULL;
            }
          _exit (failures == 0 ? 0 : 1);
        }
    }
  for (int p = 0; p < 2; p++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM receipts"), ==, 2 * PER_PROCESS);
  g_assert_cmpint (count (f->store, "SELECT count(DISTINCT seq) FROM receipts"), ==,
                   2 * PER_PROCESS);
  g_assert_cmpint (count (f->store, "SELECT min(seq) FROM receipts"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT max(seq) FROM receipts"), ==, 2 * PER_PROCESS);
  /* Both processes got numbers (they really ran side by side). */
  g_assert_cmpint (count (f->store, "SELECT count(DISTINCT client_id) FROM receipts"), ==, 2);
  {
    g_autoptr(GPtrArray) problems = palp_store_check (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* A clinic's own numbering, without the year: numbers never restart. */
static void
test_numbering_pattern (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (f->store, &error);
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(PalpReceipt) r = NULL;
  gint64 visit = add_visit (f->store, f->client_id, f->therapist_id, "2026-11-18 10:00",
                            "attended", f->massage_id, (gint64) 0);

  palp_store_set_actor (f->store, f->admin_id);
  g_object_set (clinic, "receipt-pattern", "no {seq}", NULL);
  g_assert_false (palp_store_save_clinic (f->store, clinic, &error));
  g_assert_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (clinic, "receipt-pattern", "{series}{seq:4}", NULL);
  g_assert_true (palp_store_save_clinic (f->store, clinic, &error));
  g_assert_no_error (error);

  receipts = palp_store_issue_receipts (f->store, &visit, 1, NULL, 0, fake_render, NULL, &error);
  g_assert_no_error (error);
  r = receipt_at (receipts, 0);
  g_assert_cmpstr (palp_receipt_get_string (r, "number"), ==, "T0001");
  g_assert_cmpint (count (f->store, "SELECT year FROM receipt_series"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/receipts/combined-visit", test_combined_visit);
  ADD ("/receipts/refusals-write-nothing", test_refusals_write_nothing);
  ADD ("/receipts/payments-void-reissue", test_payments_void_reissue);
  ADD ("/receipts/frozen-in-sql", test_frozen_in_sql);
  ADD ("/receipts/check-finds-tampering", test_check_finds_tampering);
  ADD ("/receipts/two-processes", test_two_processes);
  ADD ("/receipts/numbering-pattern", test_numbering_pattern);

  return g_test_run ();
}
