/* test-year-end.c: a year's receipts exported into a folder, in the
 * background, with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-year-end-dialog.h"
#include "palp-test-shot.h"
#include "palp-year-end.h"

typedef struct
{
  char      *dir;
  char      *db;
  GFile     *out;
  PalpStore *store;
  int        year;
  guint      n_receipts;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  f->dir = g_dir_make_tmp ("palpate-year-end-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "clinic.db", NULL);
  out = g_build_filename (f->dir, "receipts", NULL);
  f->out = g_file_new_for_path (out);
  f->store = palp_demo_open (f->db, PALP_COUNTRY_CA, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  /* The demo's history lies within the last six weeks. */
  receipts = palp_store_list_receipts (f->store, 0, &error);
  g_assert_no_error (error);
  f->year = g_date_time_get_year (now);
  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);
      f->n_receipts += palp_receipt_get_int (r, "year") == f->year;
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->out);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static guint
count_pdfs (GFile *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    n += g_str_has_suffix (name, ".pdf");
  return n;
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static gboolean
paid_after_issue (Fixture     *f,
                  PalpReceipt *r)
{
  g_autoptr(PalpReceiptDocument) doc =
    palp_store_load_receipt_document (f->store, palp_receipt_get_int (r, "id"), NULL);
  const char *issued = palp_receipt_get_string (r, "issued-at");

  for (guint i = 0; i < g_list_model_get_n_items (doc->payments); i++)
    {
      g_autoptr(PalpPayment) p = g_list_model_get_item (doc->payments, i);

      if (g_strcmp0 (palp_payment_get_string (p, "received-at"), issued) > 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = palp_store_list_receipts (f->store, 0, NULL);
  guint calls = 0;
  gint64 n;

  g_assert_cmpuint (f->n_receipts, >, 10);
  n = palp_year_end_export (f->db, f->year, 0, f->out, count_progress, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, f->n_receipts);
  g_assert_cmpuint (calls, ==, f->n_receipts);
  g_assert_cmpuint (count_pdfs (f->out), ==, f->n_receipts);

  /* Each file is the receipt as issued, or its reprint when voided. */
  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);
      g_autofree char *name = g_strconcat (palp_receipt_get_string (r, "number"), ".pdf", NULL);
      g_autoptr(GFile) file = g_file_get_child (f->out, name);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_autofree char *sha = NULL;

      g_assert_no_error (error);
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (palp_receipt_get_int (r, "voided") || paid_after_issue (f, r))
        g_assert_cmpstr (sha, !=, palp_receipt_get_string (r, "sha256"));
      else
        g_assert_cmpstr (sha, ==, palp_receipt_get_string (r, "sha256"));
    }

  /* Another year, or a client without receipts: nothing. */
  g_assert_cmpint (palp_year_end_export (f->db, 2001, 0, f->out, NULL, NULL, NULL, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autoptr(GFile) file_as_folder = g_file_new_for_path (blocker);
  g_autofree char *missing_db = g_build_filename (f->dir, "missing.db", NULL);

  /* Cancelled before the first file: nothing written. */
  g_cancellable_cancel (cancelled);
  g_assert_cmpint (palp_year_end_export (f->db, f->year, 0, f->out, NULL, NULL, cancelled,
                                         &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (count_pdfs (f->out), ==, 0);

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_cmpint (palp_year_end_export (f->db, f->year, 0, file_as_folder, NULL, NULL, NULL,
                                         &error), ==, -1);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* No database there: refused, and nothing created in its place. */
  g_assert_cmpint (palp_year_end_export (missing_db, f->year, 0, f->out, NULL, NULL, NULL,
                                         &error), ==, -1);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PalpClient) client = palp_store_load_client (f->store, 1, NULL);
  PalpYearEndDialog *dialog = palp_year_end_dialog_new (NULL, f->store, client);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autoptr(GListModel) own = palp_store_list_receipts (f->store, 1, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  palp_test_shoot (GTK_WINDOW (dialog), "year-end");
  /* Offered for the client it was opened on. */
  palp_year_end_dialog_export_to (dialog, f->out);
  g_assert_true (palp_year_end_dialog_is_running (dialog));
  while (palp_year_end_dialog_is_running (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (palp_year_end_dialog_is_running (dialog));
  g_assert_cmpuint (count_pdfs (f->out), ==, g_list_model_get_n_items (own));
  palp_test_shoot (GTK_WINDOW (dialog), "year-end-done");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/year-end/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/year-end/refusals", Fixture, NULL, fixture_setup, test_refusals,
              fixture_teardown);
  g_test_add ("/year-end/dialog", Fixture, NULL, fixture_setup, test_dialog, fixture_teardown);

  return g_test_run ();
}
