/* bench-claim-pdf.c: a CMS-1500 claim of twelve lines (two forms) as PDF,
 * against one receipt as PDF, in the same run
 *
 *   bench-claim-pdf [--runs 50] [--lines 12]
 *
 * The claim side builds a PalpClaimForm in memory (an auto-accident claim
 * of --lines service lines, three diagnoses), draws it with
 * palp_doc_claim_render() on blank paper (the form drawn, then its data:
 * the heavier mode) and writes it to a file; then the same on pre-printed
 * forms, timed on its own. The receipt side builds a therapeutic receipt
 * of three lines with its signature, draws it with
 * palp_doc_receipt_render() and writes it to a file. The sides alternate,
 * which goes first changing each round, after a warm-up round; each
 * figure is the median of its runs. Prints "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"
#include "palp-doc-claim.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"

static int opt_runs = 50;
static int opt_lines = 12;

static GOptionEntry entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Rounds of each side", "N" },
  { "lines", 0, 0, G_OPTION_ARG_INT, &opt_lines, "Service lines on the claim", "N" },
  { NULL }
};

static PalpClaimForm *
make_claim (guint n_lines)
{
  static const char *codes[] = { "97140", "97124", "97112", "97110" };
  PalpClaimForm *form = palp_claim_form_new ();

  form->coverage_type = g_strdup ("other");
  form->insured_id = g_strdup ("AC-77120453");
  form->patient_family = g_strdup ("Whitfield");
  form->patient_given = g_strdup ("Dana");
  form->patient_middle = g_strdup ("Quinn");
  form->patient_birth_date = g_strdup ("1984-05-09");
  form->patient_sex = g_strdup ("F");
  form->patient.street = g_strdup ("2210 Alder Street");
  form->patient.city = g_strdup ("Seattle");
  form->patient.state = g_strdup ("WA");
  form->patient.postal_code = g_strdup ("98103");
  form->patient.phone = g_strdup ("(206) 555-0187");
  form->insured_family = g_strdup ("Whitfield");
  form->insured_given = g_strdup ("Dana");
  form->insured_birth_date = g_strdup ("1984-05-09");
  form->insured_sex = g_strdup ("F");
  form->relationship = g_strdup ("self");
  form->auto_accident = TRUE;
  form->accident_state = g_strdup ("WA");
  form->other_claim_id = g_strdup ("AC2026-118842");
  form->plan_name = g_strdup ("Cascade Mutual Auto");
  form->patient_signature_on_file = TRUE;
  form->insured_signature_on_file = TRUE;
  form->current_illness_date = g_strdup ("2026-02-20");
  form->referring_name = g_strdup ("Marcus L. Oyelaran MD");
  form->referring_npi = g_strdup ("1003000126");
  form->diagnoses[0] = g_strdup ("S13.4XXA");
  form->diagnoses[1] = g_strdup ("M54.2");
  form->diagnoses[2] = g_strdup ("M62.838");
  for (guint i = 0; i < n_lines; i++)
    {
      PalpClaimFormLine *line = palp_claim_form_add_line (form);

      line->date_from = g_strdup_printf ("2026-03-%02u", 2 + i % 26);
      line->place_of_service = g_strdup ("11");
      line->code = g_strdup (codes[i % G_N_ELEMENTS (codes)]);
      g_strlcpy (line->pointers, i % 2 ? "AB" : "ABC", sizeof line->pointers);
      line->units = 1 + i % 3;
      line->charge_cents = 4500 * line->units;
      line->rendering_npi = g_strdup ("1234567893");
    }
  form->tax_id = g_strdup ("91-1234567");
  form->account_number = g_strdup ("C-00042");
  form->accept_assignment = TRUE;
  form->signer_name = g_strdup ("Maya Castellanos LMT");
  form->signed_date = g_strdup ("2026-03-30");
  form->facility.name = g_strdup ("Evergreen Massage Therapy LLC");
  form->facility.street = g_strdup ("400 Pine Street");
  form->facility.city = g_strdup ("Seattle");
  form->facility.state = g_strdup ("WA");
  form->facility.postal_code = g_strdup ("98101");
  form->facility_npi = g_strdup ("1245319599");
  form->billing.name = g_strdup ("Evergreen Massage Therapy LLC");
  form->billing.street = g_strdup ("400 Pine Street");
  form->billing.city = g_strdup ("Seattle");
  form->billing.state = g_strdup ("WA");
  form->billing.postal_code = g_strdup ("98101");
  form->billing.phone = g_strdup ("206-555-0199");
  form->billing_npi = g_strdup ("1245319599");
  form->claim_number = g_strdup ("CL-2026-0007");
  return form;
}

static PalpReceiptDocument *
make_receipt (GBytes *signature)
{
  PalpReceiptDocument *document = palp_receipt_document_new ();
  GListStore *lines = g_list_store_new (PALP_TYPE_RECEIPT_LINE);
  GListStore *payments = g_list_store_new (PALP_TYPE_PAYMENT);
  g_autoptr(PalpPayment) payment = NULL;
  gint64 total = 3 * 12000;

  document->clinic = g_object_new (PALP_TYPE_CLINIC,
                                   "name", "Evergreen Massage Therapy LLC",
                                   "esthetic-name", "Evergreen Skin Studio",
                                   "street", "400 Pine Street", "city", "Seattle",
                                   "region", "WA", "postal-code", "98101",
                                   "phone", "(206) 555-0199", "country", "US",
                                   "currency", "USD", "paper-size", "letter",
                                   NULL);
  document->client = g_object_new (PALP_TYPE_CLIENT,
                                   "given-name", "Dana", "family-name", "Whitfield",
                                   "street", "2210 Alder Street", "city", "Seattle",
                                   "region", "WA", "postal-code", "98103",
                                   NULL);
  document->practitioner = g_object_new (PALP_TYPE_USER,
                                         "id", (gint64) 7,
                                         "display-name", "Maya Castellanos",
                                         "credentials", "LMT",
                                         "profession", "Licensed massage therapist",
                                         "signature", signature,
                                         NULL);
  document->licence = g_object_new (PALP_TYPE_LICENCE, "number", "MA60512345",
                                    "jurisdiction", "WA", NULL);
  document->receipt = g_object_new (PALP_TYPE_RECEIPT,
                                    "number", "T-2026-000124", "series", "T",
                                    "category", "therapeutic",
                                    "issued-at", "2026-03-14 15:09:26",
                                    "subtotal-cents", total, "tax-cents", (gint64) 0,
                                    "total-cents", total, "paid-cents", total,
                                    NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", i + 2);
      g_autoptr(PalpReceiptLine) line = g_object_new (PALP_TYPE_RECEIPT_LINE,
                                                      "category", "therapeutic",
                                                      "service-date", date,
                                                      "description", "Massage therapy",
                                                      "code", "97124",
                                                      "minutes", (gint64) 60,
                                                      "quantity", (gint64) 1,
                                                      "price-cents", (gint64) 12000,
                                                      "amount-cents", (gint64) 12000,
                                                      NULL);

      g_list_store_append (lines, line);
    }
  payment = g_object_new (PALP_TYPE_PAYMENT, "kind", "payment", "method", "card",
                          "received-at", "2026-03-14 15:09:26", "amount-cents", total, NULL);
  g_list_store_append (payments, payment);
  document->lines = G_LIST_MODEL (lines);
  document->taxes = G_LIST_MODEL (g_list_store_new (PALP_TYPE_RECEIPT_TAX));
  document->payments = G_LIST_MODEL (payments);
  return document;
}

static gboolean
write_bytes (const char  *path,
             GBytes      *pdf,
             GError     **error)
{
  if (pdf == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}

/* Models to file, everything freed on return. */
static gboolean
write_claim (const char                *path,
             const PalpDocClaimOptions *options,
             GError                   **error)
{
  g_autoptr(PalpClaimForm) form = make_claim ((guint) opt_lines);
  g_autoptr(GBytes) pdf = palp_doc_claim_render (form, options, error);

  return write_bytes (path, pdf, error);
}

static gboolean
write_receipt (const char  *path,
               GBytes      *signature,
               GError     **error)
{
  g_autoptr(PalpReceiptDocument) document = make_receipt (signature);
  g_autoptr(GBytes) pdf = palp_doc_receipt_render (document, NULL, error);

  return write_bytes (path, pdf, error);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *us)
{
  g_array_sort (us, compare_gint64);
  if (us->len == 0)
    return 0;
  if (us->len % 2 == 1)
    return g_array_index (us, gint64, us->len / 2) / 1000.0;
  return (g_array_index (us, gint64, us->len / 2 - 1) + g_array_index (us, gint64, us->len / 2))
         / 2000.0;
}

static int
pages_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize size;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PalpPdfDocument) pdf = NULL;

  if (!g_file_get_contents (path, &data, &size, NULL))
    return -1;
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  pdf = palp_pdf_open (bytes, NULL);
  return pdf != NULL ? palp_pdf_get_n_pages (pdf) : -1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- claim form benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) signature = bench_make_signature ();
  g_autoptr(GArray) blank_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) preprinted_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) receipt_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *folder = NULL;
  g_autofree char *claim_path = NULL;
  g_autofree char *receipt_path = NULL;
  const PalpDocClaimOptions preprinted = { TRUE, 1.5, -1.0 };
  double blank_ms, receipt_ms;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_runs < 1 || opt_lines < 1)
    {
      g_printerr ("bench-claim-pdf: %s\n",
                  error ? error->message : "--runs and --lines must be 1 or more");
      return 2;
    }
  if ((folder = g_dir_make_tmp ("palpate-bench-claim-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench-claim-pdf: %s\n", error->message);
      return 1;
    }
  claim_path = g_build_filename (folder, "claim.pdf", NULL);
  receipt_path = g_build_filename (folder, "receipt.pdf", NULL);

  /* Round -1 warms fonts, fontconfig's cache and the page cache. */
  for (int round = -1; round < opt_runs; round++)
    for (int side = 0; side < 3; side++)
      {
        int which = (round + 3 + side) % 3;   /* 0 blank claim, 1 pre-printed, 2 receipt */
        gint64 t0 = g_get_monotonic_time ();
        gboolean ok = which == 0 ? write_claim (claim_path, NULL, &error)
                    : which == 1 ? write_claim (claim_path, &preprinted, &error)
                    : write_receipt (receipt_path, signature, &error);
        gint64 elapsed = g_get_monotonic_time () - t0;

        if (!ok)
          {
            g_printerr ("bench-claim-pdf: %s\n", error ? error->message : "no PDF");
            return 1;
          }
        if (round >= 0)
          g_array_append_val (which == 0 ? blank_us : which == 1 ? preprinted_us : receipt_us,
                              elapsed);
      }

  /* The last claim written was a blank-paper one or a pre-printed one:
   * both have the same number of forms. */
  blank_ms = median_ms (blank_us);
  receipt_ms = median_ms (receipt_us);
  g_print ("runs %d\n", opt_runs);
  g_print ("lines %d\n", opt_lines);
  g_print ("forms %d\n", pages_of (claim_path));
  g_print ("claim-p50-ms %.3f\n", blank_ms);
  g_print ("preprinted-p50-ms %.3f\n", median_ms (preprinted_us));
  g_print ("receipt-p50-ms %.3f\n", receipt_ms);
  g_print ("ratio %.2f\n", blank_ms / MAX (receipt_ms, 0.001));

  g_unlink (claim_path);
  g_unlink (receipt_path);
  g_rmdir (folder);
  return 0;
}
