/* test-checkout.c: check-out, receipts, void and reissue through the UI
 *
 * Drives the checkout dialog, the Today and Billing pages and the
 * document preview through their own actions, on the demo clinic, and
 * checks the store and the PDFs they produce.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "palp-billing-page.h"
#include "palp-checkout-dialog.h"
#include "palp-demo.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-preview-window.h"
#include "palp-test-shot.h"
#include "palp-today-page.h"
#include "palp-client-page.h"
#include "palp-window.h"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpUser   *user;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

static void
open_demo (Fixture               *f,
           PalpReceiptRenderFunc  render,
           const char            *login)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-checkout-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, render, NULL, &error);
  g_assert_no_error (error);
  f->user = palp_store_find_user (f->store, login, &error);
  g_assert_no_error (error);
  palp_store_set_actor (f->store, palp_user_get_id (f->user));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  open_demo (f, palp_doc_receipt_render, data ? data : "rosa");
}

static void
fixture_setup_unreceipted (Fixture       *f,
                           gconstpointer  data)
{
  open_demo (f, NULL, "rosa");
}

static void
close_toplevels (void)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_toplevels ();
  f->window = NULL;
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  g_free (f->dir);  /* the database stays for inspection */
}

static void
show_page (Fixture   *f,
           GtkWidget *page)
{
  f->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (f->window, 1000, 700);
  adw_window_set_content (ADW_WINDOW (f->window), page);
  f->page = page;
  gtk_window_present (f->window);
  for (int i = 0; i < 5000 && !gtk_widget_get_mapped (page); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_mapped (page));
}

static PalpPreviewWindow *
find_preview (PalpPreviewWindow *not_this)
{
  GList *windows = gtk_window_list_toplevels ();
  PalpPreviewWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (PALP_IS_PREVIEW_WINDOW (l->data) && l->data != not_this)
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
wait_rendered (PalpPreviewWindow *preview)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (palp_preview_window_is_rendering (preview) ||
         palp_preview_window_get_n_pages (preview) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
pdf_text (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = palp_pdf_open (bytes, &error);
  char *text;

  g_assert_no_error (error);
  text = palp_pdf_get_text (document);
  g_object_unref (document);
  return text;
}

static gint64
service_id (Fixture    *f,
            const char *prefix)
{
  g_autoptr(GListModel) services = palp_store_list_services (f->store, FALSE, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PalpService) s = g_list_model_get_item (services, i);

      if (g_str_has_prefix (palp_service_get_string (s, "name"), prefix))
        return palp_service_get_int (s, "id");
    }
  g_assert_not_reached ();
  return 0;
}

/* A combined TMJ + esthetic facial visit today, attended, that no admin
 * has confirmed yet. */
static gint64
book_combined_visit (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = palp_visit_new ();
  g_autoptr(PalpUser) maya = palp_store_find_user (f->store, "maya", &error);
  g_autoptr(PalpUser) desk = palp_store_find_user (f->store, "rosa", &error);
  g_autofree char *today = palp_date_today_iso ();
  g_autofree char *starts = g_strdup_printf ("%s 16:30", today);
  gint64 actor = palp_store_get_actor (f->store);
  gint64 id;

  g_assert_no_error (error);
  /* Booked by the front desk (an admin), whoever checks it out. */
  palp_store_set_actor (f->store, palp_user_get_id (desk));
  g_object_set (visit, "client-id", (gint64) 1, "practitioner-id", palp_user_get_id (maya),
                "starts-at", starts, "duration-minutes", (gint64) 60, "status", "attended", NULL);
  g_assert_true (palp_store_save_visit (f->store, visit, &error));
  g_assert_no_error (error);
  id = palp_visit_get_int (visit, "id");
  g_assert_cmpint (palp_store_add_visit_line (f->store, id, service_id (f, "Therapeutic facial"),
                                              0, &error), >, 0);
  g_assert_cmpint (palp_store_add_visit_line (f->store, id, service_id (f, "Esthetic facial"), 0,
                                              &error), >, 0);
  g_assert_no_error (error);
  palp_store_set_actor (f->store, actor);
  return id;
}

static void
assert_receipt_pair (GBytes *t_pdf,
                     GBytes *e_pdf)
{
  g_autofree char *t_text = pdf_text (t_pdf);
  g_autofree char *e_text = pdf_text (e_pdf);
  g_autofree char *e_lower = g_utf8_strdown (e_text, -1);

  g_assert_nonnull (strstr (t_text, "Massage therapy"));
  g_assert_nonnull (strstr (e_text, "Cosmetic service"));
  g_assert_null (strstr (e_lower, "massage therapy"));
}

static PalpReceipt *
find_receipt (Fixture    *f,
              const char *number)
{
  g_autoptr(GError) error = NULL;
  PalpReceipt *receipt = palp_store_find_receipt (f->store, number, &error);

  g_assert_no_error (error);
  return receipt;
}

static void
sha256_equal (GBytes *bytes,
              GFile  *file)
{
  g_autoptr(GBytes) saved = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autofree char *a = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *b = NULL;

  g_assert_nonnull (saved);
  b = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, saved);
  g_assert_cmpstr (a, ==, b);
}

/* The whole flow: combined visit from Today, two receipts, preview, void
 * and reissue from Billing, save and print from the preview. */
static void
test_combined_visit_flow (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReceipt) t_receipt = NULL;
  g_autoptr(PalpReceipt) e_receipt = NULL;
  g_autoptr(PalpReceipt) voided = NULL;
  g_autoptr(PalpReceipt) reissued = NULL;
  g_autoptr(GListModel) before = palp_store_list_receipts (f->store, 0, NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autofree char *t_number = NULL, *e_number = NULL, *new_number = NULL;
  g_autofree char *printed = NULL;
  PalpTodayPage *today;
  PalpBillingPage *billing;
  PalpCheckoutDialog *dialog;
  AdwMessageDialog *confirm, *void_dialog;
  PalpPreviewWindow *preview, *reissue_preview;
  gint64 visit_id = book_combined_visit (f);
  gboolean listed = FALSE;
  guint n_before = g_list_model_get_n_items (before);

  today = g_object_new (PALP_TYPE_TODAY_PAGE, NULL);
  show_page (f, GTK_WIDGET (today));
  palp_today_page_set_store (today, f->store, f->user);
  for (guint i = 0; i < g_list_model_get_n_items (palp_today_page_get_visits (today)); i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (palp_today_page_get_visits (today), i);

      if (palp_visit_get_int (v, "id") == visit_id)
        {
          listed = TRUE;
          g_assert_cmpint (palp_visit_get_int (v, "unreceipted"), ==, 2);
        }
    }
  g_assert_true (listed);

  /* The dialog explains the two receipts before anything is written. */
  dialog = g_object_ref (palp_today_page_check_out (today, visit_id));
  g_assert_null (palp_checkout_dialog_get_error (dialog));
  g_assert_cmpuint (palp_checkout_dialog_get_n_receipts (dialog), ==, 2);
  g_assert_cmpint (palp_checkout_dialog_get_total (dialog), ==, 7000 + 6000);
  palp_checkout_dialog_set_payment (dialog, "card", NULL);
  palp_test_shoot (GTK_WINDOW (dialog), "checkout");

  /* Not yet confirmed: the admin is asked first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkout.issue", NULL));
  confirm = palp_checkout_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirm);
  after = palp_store_list_receipts (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before);
  g_clear_object (&after);
  adw_message_dialog_response (confirm, "confirm");
  g_assert_null (palp_checkout_dialog_get_error (dialog));
  g_object_unref (dialog);

  after = palp_store_list_receipts (f->store, 1, NULL);
  {
    g_autoptr(PalpReceipt) a = g_list_model_get_item (after, 0);
    g_autoptr(PalpReceipt) b = g_list_model_get_item (after, 1);
    PalpReceipt *t = g_str_equal (palp_receipt_get_string (a, "series"), "T") ? a : b;
    PalpReceipt *e = t == a ? b : a;

    g_assert_cmpstr (palp_receipt_get_string (t, "series"), ==, "T");
    g_assert_cmpstr (palp_receipt_get_string (e, "series"), ==, "E");
    t_number = g_strdup (palp_receipt_get_string (t, "number"));
    e_number = g_strdup (palp_receipt_get_string (e, "number"));
    g_assert_true (g_str_has_prefix (t_number, "T-"));
    g_assert_true (g_str_has_prefix (e_number, "E-"));
    /* Paid in full by card at checkout. */
    g_assert_cmpint (palp_receipt_get_int (t, "balance-cents"), ==, 0);
    g_assert_cmpint (palp_receipt_get_int (e, "balance-cents"), ==, 0);
  }
  t_receipt = find_receipt (f, t_number);
  e_receipt = find_receipt (f, e_number);

  /* One preview with both receipts, T first (number order). */
  preview = find_preview (NULL);
  g_assert_nonnull (preview);
  g_assert_cmpuint (palp_preview_window_get_n_documents (preview), ==, 2);
  wait_rendered (preview);
  palp_test_shoot (GTK_WINDOW (preview), "preview");
  assert_receipt_pair (palp_preview_window_get_document_bytes (preview, 0),
                       palp_preview_window_get_document_bytes (preview, 1));
  {
    g_autoptr(GBytes) stored = palp_store_load_receipt_pdf (f->store,
                                                            palp_receipt_get_int (t_receipt, "id"),
                                                            &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stored, palp_preview_window_get_document_bytes (preview, 0)));
  }
  palp_preview_window_select_document (preview, 1);
  wait_rendered (preview);
  g_assert_cmpuint (palp_preview_window_get_selected (preview), ==, 1);
  g_assert_nonnull (strstr (palp_preview_window_get_title (preview), e_number));

  /* Save As writes exactly the bytes previewed. */
  saved = g_file_new_build_filename (f->dir, "saved.pdf", NULL);
  g_assert_true (palp_preview_window_save_to_file (preview, saved, &error));
  g_assert_no_error (error);
  sha256_equal (palp_preview_window_get_bytes (preview), saved);

  /* Print draws the same pages (sent to a file here). */
  printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_assert_true (palp_preview_window_export_print (preview, printed, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (printed);
    g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    text = pdf_text (bytes);
    g_assert_nonnull (strstr (text, "Cosmetic service"));
  }
  gtk_window_destroy (GTK_WINDOW (preview));

  /* Billing: void the T receipt with a reason, then reissue it. */
  gtk_window_destroy (f->window);
  billing = g_object_new (PALP_TYPE_BILLING_PAGE, NULL);
  show_page (f, GTK_WIDGET (billing));
  palp_billing_page_set_store (billing, f->store, f->user);
  g_assert_true (palp_billing_page_select_receipt (billing, t_number));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (billing), "billing.void", NULL));
  void_dialog = palp_billing_page_get_dialog (billing);
  g_assert_nonnull (void_dialog);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (void_dialog)),
                         "Wrong service date");
  g_assert_true (adw_message_dialog_get_response_enabled (void_dialog, "void"));
  adw_message_dialog_response (void_dialog, "void");
  gtk_window_destroy (GTK_WINDOW (void_dialog));
  voided = find_receipt (f, t_number);
  g_assert_cmpint (palp_receipt_get_int (voided, "voided"), ==, 1);
  g_assert_cmpstr (palp_receipt_get_string (voided, "void-reason"), ==, "Wrong service date");

  /* The voided receipt reprints with its VOID mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (billing), "billing.open", NULL));
  preview = PALP_PREVIEW_WINDOW (palp_billing_page_get_preview (billing));
  g_assert_nonnull (preview);
  {
    g_autofree char *text = pdf_text (palp_preview_window_get_bytes (preview));

    g_assert_nonnull (strstr (text, "VOID"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (billing), "billing.reissue", NULL));
  reissue_preview = PALP_PREVIEW_WINDOW (palp_billing_page_get_preview (billing));
  g_assert_nonnull (reissue_preview);
  g_assert_true (reissue_preview != preview);
  g_clear_object (&voided);
  voided = find_receipt (f, t_number);
  new_number = g_strdup (palp_receipt_get_string (voided, "replaced-by-number"));
  g_assert_nonnull (new_number);
  g_assert_true (g_str_has_prefix (new_number, "T-"));
  reissued = find_receipt (f, new_number);
  g_assert_cmpstr (palp_receipt_get_string (reissued, "replaces-number"), ==, t_number);
  /* The card payment carried over to the new receipt. */
  g_assert_cmpint (palp_receipt_get_int (reissued, "balance-cents"), ==, 0);
  {
    g_autofree char *text = pdf_text (palp_preview_window_get_bytes (reissue_preview));

    g_assert_nonnull (strstr (text, "Massage therapy"));
    g_assert_nonnull (strstr (text, new_number));
  }
  /* The E receipt was not touched. */
  g_clear_object (&e_receipt);
  e_receipt = find_receipt (f, e_number);
  g_assert_cmpint (palp_receipt_get_int (e_receipt, "voided"), ==, 0);
}

/* The demo's own combined visit (14 days ago), left unreceipted, is
 * listed as "not yet receipted" and checked out with a partial payment. */
static void
test_demo_combined_visit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) receipts = NULL;
  PalpTodayPage *today;
  PalpCheckoutDialog *dialog;
  GListModel *pending;
  gint64 visit_id = 0;

  today = g_object_new (PALP_TYPE_TODAY_PAGE, NULL);
  show_page (f, GTK_WIDGET (today));
  palp_today_page_set_store (today, f->store, f->user);
  pending = palp_today_page_get_pending (today);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (pending, i);
      const char *categories = palp_visit_get_string (v, "categories");

      if (categories && strstr (categories, "esthetic") && strstr (categories, "therapeutic"))
        visit_id = palp_visit_get_int (v, "id");
    }
  g_assert_cmpint (visit_id, >, 0);

  dialog = g_object_ref (palp_today_page_check_out (today, visit_id));
  g_assert_cmpuint (palp_checkout_dialog_get_n_receipts (dialog), ==, 2);
  palp_checkout_dialog_set_payment (dialog, "cash", "50.00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "checkout.issue", NULL));
  /* The demo's front desk confirmed it already: no question asked. */
  g_assert_null (palp_checkout_dialog_get_confirmation (dialog));
  g_assert_null (palp_checkout_dialog_get_error (dialog));
  g_object_unref (dialog);

  receipts = palp_store_list_receipts (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (receipts), ==, 2);
  g_assert_cmpint (palp_store_client_balance (f->store, 1, NULL), ==, 7000 + 6000 - 5000);
  /* Checked out: no longer waiting. */
  pending = palp_today_page_get_pending (today);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (pending, i);

      g_assert_cmpint (palp_visit_get_int (v, "id"), !=, visit_id);
    }
  g_assert_nonnull (find_preview (NULL));
}

/* A practitioner cannot confirm a combined session: the dialog says so
 * and issues nothing. */
static void
test_unconfirmed_needs_admin (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GListModel) before = palp_store_list_receipts (f->store, 0, NULL);
  g_autoptr(GListModel) after = NULL;
  PalpCheckoutDialog *dialog;
  gint64 visit_id = book_combined_visit (f);
  const gint64 ids[] = { visit_id };

  dialog = palp_checkout_dialog_new (NULL, f->store, f->user, ids, 1);
  g_assert_nonnull (palp_checkout_dialog_get_error (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkout.issue", NULL);
  g_assert_null (palp_checkout_dialog_get_confirmation (dialog));
  after = palp_store_list_receipts (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* An amount above the total is refused in the form; a store refusal is
 * shown in the dialog with nothing issued. */
static void
test_payment_validation (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) before = palp_store_list_receipts (f->store, 0, NULL);
  g_autoptr(GListModel) after = NULL;
  PalpCheckoutDialog *dialog;
  gint64 visit_id = book_combined_visit (f);
  const gint64 ids[] = { visit_id };

  palp_store_confirm_mixed_visit (f->store, visit_id, NULL);
  dialog = palp_checkout_dialog_new (NULL, f->store, f->user, ids, 1);
  palp_checkout_dialog_set_payment (dialog, "card", "999.00");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkout.issue", NULL);
  after = palp_store_list_receipts (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_clear_object (&after);

  /* Insurance never pays for the esthetic part. */
  palp_checkout_dialog_set_payment (dialog, "insurance", "130.00");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "checkout.issue", NULL);
  after = palp_store_list_receipts (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The preview pages, zooms and saves a report; the day's payments report
 * comes from the Billing page. */
static void
test_payments_report (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GError) error = NULL;
  PalpBillingPage *billing;
  PalpPreviewWindow *preview;
  double zoom;

  billing = g_object_new (PALP_TYPE_BILLING_PAGE, NULL);
  show_page (f, GTK_WIDGET (billing));
  palp_billing_page_set_store (billing, f->store, f->user);
  g_assert_cmpuint (g_list_model_get_n_items (palp_billing_page_get_receipts (billing)), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (billing), "billing.payments-report",
                                             NULL));
  preview = PALP_PREVIEW_WINDOW (palp_billing_page_get_preview (billing));
  g_assert_nonnull (preview);
  wait_rendered (preview);
  g_assert_cmpint (palp_preview_window_get_n_pages (preview), >=, 1);
  zoom = palp_preview_window_get_zoom (preview);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL));
  wait_rendered (preview);
  g_assert_cmpfloat (palp_preview_window_get_zoom (preview), >, zoom);

  saved = g_file_new_build_filename (f->dir, "payments.pdf", NULL);
  g_assert_true (palp_preview_window_save_to_file (preview, saved, &error));
  g_assert_no_error (error);
  sha256_equal (palp_preview_window_get_bytes (preview), saved);
  palp_test_spin (50);
}

/* A payment on a receipt with a balance, through the Billing page's
 * dialog, prefilled with what is owed. */
static void
test_record_payment (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autoptr(PalpReceipt) paid = NULL;
  PalpBillingPage *billing;
  AdwMessageDialog *dialog;
  GListModel *receipts;

  billing = g_object_new (PALP_TYPE_BILLING_PAGE, NULL);
  show_page (f, GTK_WIDGET (billing));
  palp_billing_page_set_store (billing, f->store, f->user);
  receipts = palp_billing_page_get_receipts (billing);
  for (guint i = 0; i < g_list_model_get_n_items (receipts) && number == NULL; i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);

      if (palp_receipt_get_int (r, "balance-cents") > 0)
        number = g_strdup (palp_receipt_get_string (r, "number"));
    }
  g_assert_nonnull (number);
  g_assert_true (palp_billing_page_select_receipt (billing, number));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (billing), "billing.record-payment",
                                             NULL));
  dialog = palp_billing_page_get_dialog (billing);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  paid = find_receipt (f, number);
  g_assert_cmpint (palp_receipt_get_int (paid, "balance-cents"), ==, 0);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* "Open Client" on Today shows the client's record in Clients. */
static void
test_open_client_from_today (Fixture       *f,
                             gconstpointer  data)
{
  PalpWindow *window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  GtkWidget *today, *record;

  palp_window_set_store (window, f->store, "rosa");
  gtk_window_present (GTK_WINDOW (window));
  palp_window_show_section (window, "today");
  palp_test_spin (50);
  today = find_widget (GTK_WIDGET (window), PALP_TYPE_TODAY_PAGE);
  g_assert_nonnull (today);
  g_assert_true (gtk_widget_activate_action (today, "today.open-client", "x", (gint64) 2));
  record = find_widget (GTK_WIDGET (window), PALP_TYPE_CLIENT_PAGE);
  g_assert_nonnull (record);
  g_assert_nonnull (palp_client_page_get_client (PALP_CLIENT_PAGE (record)));
  g_assert_cmpint (palp_client_get_id (palp_client_page_get_client (PALP_CLIENT_PAGE (record))),
                   ==, 2);
  g_assert_true (gtk_widget_get_mapped (record));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/checkout/combined-visit-flow", Fixture, NULL, fixture_setup,
              test_combined_visit_flow, fixture_teardown);
  g_test_add ("/checkout/demo-combined-visit", Fixture, NULL, fixture_setup_unreceipted,
              test_demo_combined_visit, fixture_teardown);
  g_test_add ("/checkout/unconfirmed-needs-admin", Fixture, "maya", fixture_setup,
              test_unconfirmed_needs_admin, fixture_teardown);
  g_test_add ("/checkout/payment-validation", Fixture, NULL, fixture_setup,
              test_payment_validation, fixture_teardown);
  g_test_add ("/checkout/record-payment", Fixture, NULL, fixture_setup, test_record_payment,
              fixture_teardown);
  g_test_add ("/checkout/open-client-from-today", Fixture, NULL, fixture_setup,
              test_open_client_from_today, fixture_teardown);
  g_test_add ("/checkout/payments-report", Fixture, NULL, fixture_setup, test_payments_report,
              fixture_teardown);

  return g_test_run ();
}
