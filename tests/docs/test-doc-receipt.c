/* test-doc-receipt.c: receipts, statements and billing reports, read back
 * with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <libintl.h>
#include <string.h>

#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-doc-report.h"
#include "palp-doc-statement.h"

/* poppler-glib 22 declares no autoptr for its documents. */
typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)

#define ISSUED_AT        "2026-03-14 15:09:26"
#define LICENCE_NUMBER   "004512"
#define ASSOCIATION      "Massage Therapist Association of Nova Scotia"
#define MEMBER_NUMBER    "MT-20417"
#define CPT_CODE         "97124"
#define PRACTITIONER_ID  7

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A drawn signature, made here so no binary fixture is needed. */
static GBytes *
make_signature (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 360, 90);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.35);
  cairo_set_line_width (cr, 6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, 18, 63);
  cairo_curve_to (cr, 72, 5, 108, 85, 162, 36);
  cairo_curve_to (cr, 216, 5, 252, 76, 342, 27);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static PalpClinic *
make_clinic (const char *country,
             const char *paper)
{
  gboolean canada = g_str_equal (country, "CA");

  return g_object_new (PALP_TYPE_CLINIC,
                       "name", canada ? "Harbour Massage Therapy Clinic"
                                      : "Evergreen Massage Therapy LLC",
                       "esthetic-name", canada ? "Harbour Skin Studio" : "Evergreen Skin Studio",
                       "street", canada ? "1200 Harbour Street, Suite 4" : "400 Pine Street",
                       "city", canada ? "Halifax" : "Seattle",
                       "region", canada ? "NS" : "WA",
                       "postal-code", canada ? "B3J 1A1" : "98101",
                       "phone", canada ? "(902) 555-0142" : "(206) 555-0199",
                       "email", "front@clinic.example",
                       "country", country,
                       "currency", canada ? "CAD" : "USD",
                       "paper-size", paper,
                       "tax-numbers", canada ? "GST/HST 812345678 RT0001" : NULL,
                       "tax-id", canada ? NULL : "91-1234567",
                       NULL);
}

static PalpReceiptLine *
make_line (const char *category,
           const char *date,
           const char *description,
           gint64      minutes,
           gint64      cents)
{
  gboolean therapeutic = g_str_equal (category, "therapeutic");

  return g_object_new (PALP_TYPE_RECEIPT_LINE,
                       "category", category,
                       "service-date", date,
                       "description", description,
                       "code", therapeutic ? CPT_CODE : NULL,
                       "minutes", minutes,
                       "quantity", (gint64) 1,
                       "price-cents", cents,
                       "amount-cents", cents,
                       NULL);
}

static PalpPayment *
make_payment (const char *kind,
              const char *method,
              const char *received_at,
              gint64      cents)
{
  return g_object_new (PALP_TYPE_PAYMENT,
                       "client-id", (gint64) 3,
                       "receipt-id", (gint64) 1,
                       "kind", kind,
                       "method", method,
                       "received-at", received_at,
                       "amount-cents", cents,
                       NULL);
}

/* A receipt of @category with @n_lines services at $120 (therapeutic) or
 * $85, 15% HST or US sales tax, half of it paid by card at issue. */
static PalpReceiptDocument *
make_document (const char *category,
               const char *country,
               const char *paper,
               guint       n_lines)
{
  PalpReceiptDocument *document = palp_receipt_document_new ();
  gboolean therapeutic = g_str_equal (category, "therapeutic");
  gboolean canada = g_str_equal (country, "CA");
  const char *series = therapeutic ? "T" : g_str_equal (category, "esthetic") ? "E" : "G";
  gint64 price = therapeutic ? 12000 : 8500;
  gint64 subtotal = price * n_lines;
  gint64 tax = subtotal * 15 / 100;
  g_autofree char *number = g_strdup_printf ("%s-2026-000124", series);
  g_autoptr(GBytes) signature = make_signature ();
  GListStore *lines = g_list_store_new (PALP_TYPE_RECEIPT_LINE);
  GListStore *taxes = g_list_store_new (PALP_TYPE_RECEIPT_TAX);
  GListStore *payments = g_list_store_new (PALP_TYPE_PAYMENT);

  document->clinic = make_clinic (country, paper);
  document->client = g_object_new (PALP_TYPE_CLIENT,
                                   "id", (gint64) 3,
                                   "given-name", "Jordan",
                                   "family-name", "Smith",
                                   "street", "48 Birch Lane",
                                   "city", "Dartmouth",
                                   "region", "NS",
                                   "postal-code", "B2Y 3Z8",
                                   "birth-date", "1984-06-02",
                                   NULL);
  document->practitioner = g_object_new (PALP_TYPE_USER,
                                         "id", (gint64) PRACTITIONER_ID,
                                         "display-name", "Avery Chen",
                                         "credentials", canada ? "RMT" : "LMT",
                                         "profession", canada ? "Registered massage therapist"
                                                              : "Licensed massage therapist",
                                         "association", ASSOCIATION,
                                         "association-number", MEMBER_NUMBER,
                                         "npi", canada ? NULL : "1234567893",
                                         "signature", signature,
                                         NULL);
  /* Given on every kind on purpose: a cosmetic receipt must leave it out
   * even when a caller passes it by mistake. */
  document->licence = g_object_new (PALP_TYPE_LICENCE,
                                    "number", LICENCE_NUMBER,
                                    "jurisdiction", canada ? "NS" : "WA",
                                    NULL);
  document->receipt = g_object_new (PALP_TYPE_RECEIPT,
                                    "id", (gint64) 1,
                                    "number", number,
                                    "series", series,
                                    "category", category,
                                    "issued-at", ISSUED_AT,
                                    "subtotal-cents", subtotal,
                                    "tax-cents", tax,
                                    "total-cents", subtotal + tax,
                                    "paid-cents", (subtotal + tax) / 2,
                                    "balance-cents", subtotal + tax - (subtotal + tax) / 2,
                                    NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 14 - (n_lines - 1 - i) % 14);
      g_autoptr(PalpReceiptLine) line = make_line (category, date,
                                                   therapeutic ? "Massage therapy"
                                                   : g_str_equal (category, "esthetic")
                                                     ? "Hydrating facial" : "Missed appointment fee",
                                                   therapeutic ? 60 : 45, price);

      g_list_store_append (lines, line);
    }
  if (n_lines > 0)
    {
      g_autoptr(PalpReceiptTax) receipt_tax = g_object_new (PALP_TYPE_RECEIPT_TAX,
                                                            "name", canada ? "HST" : "Sales tax",
                                                            "rate-ppm", (gint64) 150000,
                                                            "registration",
                                                            canada ? "812345678 RT0001" : NULL,
                                                            "base-cents", subtotal,
                                                            "amount-cents", tax,
                                                            NULL);
      g_autoptr(PalpPayment) payment = make_payment ("payment", "card", ISSUED_AT,
                                                     (subtotal + tax) / 2);

      g_list_store_append (taxes, receipt_tax);
      g_list_store_append (payments, payment);
    }

  document->lines = G_LIST_MODEL (lines);
  document->taxes = G_LIST_MODEL (taxes);
  document->payments = G_LIST_MODEL (payments);

  return document;
}

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = palp_pdf_open (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

/* @text with every whitespace run made one space, so a phrase wrapped
 * over two lines is still found. */
static char *
squeeze_spaces (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Every word of the PDF. */
static char *
pdf_words (GBytes *bytes)
{
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *text = palp_pdf_get_text (pdf);

  return squeeze_spaces (text);
}

static char *
page_words (PopplerDocument *pdf,
            int              page)
{
  g_autofree char *text = palp_pdf_get_page_text (pdf, page);

  return squeeze_spaces (text);
}

/* The PDF's metadata, which a cosmetic receipt must keep clean too. */
static char *
pdf_metadata (GBytes *bytes)
{
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autofree char *subject = poppler_document_get_subject (pdf);
  g_autofree char *keywords = poppler_document_get_keywords (pdf);

  return g_strjoin ("\n", title ? title : "", author ? author : "", subject ? subject : "",
                    keywords ? keywords : "", NULL);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
assert_lacks_folded (const char *haystack,
                     const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  if (strstr (h, n) != NULL)
    g_error ("“%s” must not appear, but it does in:\n%s", needle, haystack);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static GBytes *
render_ok (const PalpReceiptDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = palp_doc_receipt_render (document, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Switches the messages' language. The tests run under C.UTF-8, where GNU
 * gettext honours LANGUAGE; the catalogue comes from the build tree, so
 * nothing needs installing. */
static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* ---------------------------------------------------------------------- */
/* Receipts                                                               */

static void
check_therapeutic (const char *country)
{
  g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", country, "letter", 2);
  g_autoptr(GBytes) bytes = render_ok (document);
  g_autofree char *words = pdf_words (bytes);
  gboolean canada = g_str_equal (country, "CA");

  assert_contains (words, canada ? "Harbour Massage Therapy Clinic"
                                 : "Evergreen Massage Therapy LLC");
  assert_contains (words, canada ? "1200 Harbour Street" : "400 Pine Street");
  assert_contains (words, canada ? "(902) 555-0142" : "(206) 555-0199");
  assert_contains (words, canada ? "GST/HST 812345678 RT0001" : "91-1234567");
  assert_contains (words, "T-2026-000124");
  assert_contains (words, "Jordan Smith");
  assert_contains (words, "48 Birch Lane");
  assert_contains (words, canada ? "14/03/2026" : "03/14/2026");
  assert_contains (words, "Massage therapy");
  assert_contains (words, "60");
  assert_contains (words, CPT_CODE);
  assert_contains (words, "$240.00");
  assert_contains (words, canada ? "HST 15% (812345678 RT0001)" : "Sales tax 15%");
  assert_contains (words, "$36.00");
  assert_contains (words, "$276.00");
  assert_contains (words, "$138.00");
  assert_contains (words, "Card");
  assert_contains (words, "Avery Chen, ");
  assert_contains (words, canada ? "RMT" : "LMT");
  assert_contains (words, canada ? "Registered massage therapist" : "Licensed massage therapist");
  assert_contains (words, LICENCE_NUMBER);
  assert_contains (words, canada ? "(NS)" : "(WA)");
  assert_contains (words, ASSOCIATION);
  assert_contains (words, MEMBER_NUMBER);
  if (canada)
    g_assert_null (strstr (words, "NPI"));
  else
    assert_contains (words, "NPI 1234567893");
}

static void
test_receipt_therapeutic (void)
{
  check_therapeutic ("CA");
  check_therapeutic ("US");
}

/* Everything a cosmetic receipt must never carry, in its text or its
 * metadata. */
static void
assert_cosmetic_clean (GBytes *bytes)
{
  g_autofree char *words = pdf_words (bytes);
  g_autofree char *metadata = pdf_metadata (bytes);
  const char *forbidden[] = {
    "massage therapy", "massage", "massothérapie", "massotherapie", "massothérapeute",
    LICENCE_NUMBER, ASSOCIATION, MEMBER_NUMBER, CPT_CODE, "CPT", "RMT", "LMT", "NPI",
    "1234567893", "licence", "license", "registration no", "diagnos", "ICD",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      assert_lacks_folded (words, forbidden[i]);
      assert_lacks_folded (metadata, forbidden[i]);
    }
}

static void
check_cosmetic (const char *category,
                const char *country)
{
  g_autoptr(PalpReceiptDocument) document = make_document (category, country, "letter", 2);
  g_autoptr(GBytes) bytes = render_ok (document);
  g_autofree char *words = pdf_words (bytes);
  g_autofree char *metadata = pdf_metadata (bytes);
  gboolean canada = g_str_equal (country, "CA");
  gboolean esthetic = g_str_equal (category, "esthetic");

  assert_cosmetic_clean (bytes);

  /* The trade name, never the legal one. */
  assert_contains (words, canada ? "Harbour Skin Studio" : "Evergreen Skin Studio");
  assert_contains (metadata, canada ? "Harbour Skin Studio" : "Evergreen Skin Studio");
  assert_contains (words, "Jordan Smith");
  assert_contains (words, esthetic ? "Hydrating facial" : "Missed appointment fee");
  assert_contains (words, "$85.00");
  assert_contains (words, "$170.00");
  assert_contains (words, "$25.50");
  assert_contains (words, "$195.50");
  assert_contains (words, "$97.75");
  /* Tax numbers are not professional registrations: they stay. */
  assert_contains (words, canada ? "812345678 RT0001" : "91-1234567");
  /* The practitioner's plain name is allowed. */
  assert_contains (words, "Avery Chen");
  if (esthetic)
    assert_contains (words, "not a health service and not for submission to a health plan");
  else
    g_assert_null (strstr (words, "not a health service"));
}

static void
test_receipt_cosmetic (void)
{
  check_cosmetic ("esthetic", "CA");
  check_cosmetic ("esthetic", "US");
  check_cosmetic ("other", "CA");
  check_cosmetic ("other", "US");
}

static void
test_receipt_french (void)
{
  use_language ("fr");

  {
    g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 2);
    g_autoptr(GBytes) bytes = render_ok (document);
    g_autoptr(GBytes) again = render_ok (document);
    g_autofree char *words = pdf_words (bytes);

    /* Amounts and dates in French conventions, the builder's strings in
     * French. */
    assert_contains (words, "276,00 $");
    assert_contains (words, "14/03/2026");
    assert_contains (words, "15 % (812345678 RT0001)");
    assert_contains (words, "Page 1 sur 1");
    assert_contains (words, LICENCE_NUMBER);
    g_assert_true (g_bytes_equal (bytes, again));
  }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PalpReceiptDocument) document = make_document (i == 0 ? "esthetic" : "other",
                                                               "CA", "a4", 2);
      g_autoptr(GBytes) bytes = NULL;

      /* A French clinic: its legal name says massothérapie. */
      g_object_set (document->clinic, "name", "Clinique de massothérapie du Port",
                    "esthetic-name", "Studio Peau du Port", NULL);
      g_object_set (document->practitioner, "profession", "Massothérapeute agréée", NULL);
      bytes = render_ok (document);
      assert_cosmetic_clean (bytes);
      {
        g_autofree char *words = pdf_words (bytes);

        assert_contains (words, "Studio Peau du Port");
        assert_contains (words, "195,50 $");
      }
    }

  use_language (NULL);
}

/* The guard is the last line: a service named like massage therapy, or a
 * practitioner's name carrying credentials, stops a cosmetic receipt. */
static void
test_receipt_guard_trips (void)
{
  const char *descriptions[] = {
    "Relaxing massage therapy add-on", "Massothérapie visage", "Facial, CPT 97124",
    "Facial (member no. " MEMBER_NUMBER ")",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (descriptions); i++)
    {
      g_autoptr(PalpReceiptDocument) document = make_document ("esthetic", "CA", "letter", 1);
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_object_set (line, "description", descriptions[i], NULL);
      bytes = palp_doc_receipt_render (document, NULL, &error);
      g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_ESTHETIC);
      g_assert_null (bytes);
    }

  {
    g_autoptr(PalpReceiptDocument) document = make_document ("other", "CA", "letter", 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_object_set (document->practitioner, "display-name", "Avery Chen, RMT", NULL);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_ESTHETIC);
    g_assert_null (bytes);
  }

  /* Without a trade name, a massage clinic cannot issue cosmetic paper. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("esthetic", "CA", "letter", 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_object_set (document->clinic, "esthetic-name", NULL, NULL);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
    g_assert_null (bytes);
  }

  /* A therapeutic line on an esthetic receipt never prints. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("esthetic", "CA", "letter", 1);
    g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_object_set (line, "category", "therapeutic", NULL);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_CATEGORY);
    g_assert_null (bytes);
  }
}

static void
test_receipt_long_breaks_pages (void)
{
  g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 40);
  g_autoptr(GBytes) bytes = render_ok (document);
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  int n_pages = poppler_document_get_n_pages (pdf);

  g_assert_cmpint (n_pages, >=, 2);
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = page_words (pdf, p);
      g_autofree char *counter = g_strdup_printf ("Page %d of %d", p + 1, n_pages);

      assert_contains (text, counter);
      /* The table's header row, on every page the table reaches. */
      if (strstr (text, "Massage therapy") != NULL)
        assert_contains (text, "DATE OF SERVICE");
    }

  {
    g_autofree char *words = pdf_words (bytes);

    g_assert_cmpuint (count_occurrences (words, "Massage therapy"), ==, 40);
    assert_contains (words, "$4,800.00");
    assert_contains (words, "$5,520.00");
  }
}

static void
test_receipt_paper_sizes (void)
{
  const struct
  {
    const char *paper;
    double      width, height;
  } sizes[] = {
    { "letter", 612.0, 792.0 },
    { "a4", 595.28, 841.89 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const char *categories[] = { "therapeutic", "esthetic" };

      for (gsize c = 0; c < G_N_ELEMENTS (categories); c++)
        {
          g_autoptr(PalpReceiptDocument) document = make_document (categories[c], "CA",
                                                                   sizes[i].paper, 3);
          g_autoptr(GBytes) bytes = render_ok (document);
          g_autoptr(TestPdf) pdf = open_pdf (bytes);
          double width, height;

          g_assert_true (palp_pdf_get_page_size (pdf, 0, &width, &height));
          g_assert_cmpfloat_with_epsilon (width, sizes[i].width, 0.5);
          g_assert_cmpfloat_with_epsilon (height, sizes[i].height, 0.5);
        }
    }
}

static void
test_receipt_deterministic (void)
{
  const char *categories[] = { "therapeutic", "esthetic", "other" };

  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(PalpReceiptDocument) document = make_document (categories[i], "US", "letter", 3);
      g_autoptr(GBytes) first = render_ok (document);
      g_autoptr(GBytes) second = render_ok (document);
      g_autoptr(TestPdf) pdf = open_pdf (first);
      g_autoptr(GDateTime) created = NULL;

      g_assert_true (g_bytes_equal (first, second));

      /* The creation date is the issue time, not the time of printing. */
      created = poppler_document_get_creation_date_time (pdf);
      g_assert_nonnull (created);
      g_assert_cmpint (g_date_time_to_unix (created), ==, 1773500966);
    }
}

static void
test_receipt_hostile (void)
{
  /* Markup-looking names print as typed. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 1);
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *words = NULL;

    g_object_set (document->client, "given-name", "<b>&amp;\"", NULL);
    bytes = render_ok (document);
    words = pdf_words (bytes);
    assert_contains (words, "<b>&amp;\" Smith");
  }

  /* A 10,000-character description breaks over pages and stays whole. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("esthetic", "CA", "letter", 1);
    g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, 0);
    g_autoptr(GString) long_text = g_string_new ("Start ");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(TestPdf) pdf = NULL;
    g_autofree char *words = NULL;

    while (long_text->len < 10000)
      g_string_append (long_text, "hydrating facial with a cool jade roller ");
    g_string_truncate (long_text, 9996);
    g_string_append (long_text, " End");
    g_object_set (line, "description", long_text->str, NULL);
    bytes = render_ok (document);
    pdf = open_pdf (bytes);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
    words = pdf_words (bytes);
    assert_contains (words, "Start hydrating");
    assert_contains (words, "End");
    assert_contains (words, "$97.75");
  }

  /* A therapeutic receipt without a licence: a clear error, no bytes. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_clear_object (&document->licence);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
    g_assert_nonnull (strstr (error->message, "licence"));
    g_assert_null (bytes);
  }

  /* No services. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
    g_assert_null (bytes);
  }

  /* Figures that do not add up, and an unknown category. */
  {
    g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 2);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_object_set (document->receipt, "total-cents", (gint64) 1, NULL);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID);
    g_assert_null (bytes);
    g_clear_error (&error);

    g_object_set (document->receipt, "category", "spa", NULL);
    bytes = palp_doc_receipt_render (document, NULL, &error);
    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_CATEGORY);
    g_assert_null (bytes);
  }

  /* No document at all. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = palp_doc_receipt_render (NULL, NULL, &error);

    g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
    g_assert_null (bytes);
  }
}

/* ---------------------------------------------------------------------- */
/* Reprints                                                               */

static void
test_receipt_reprint_void (void)
{
  g_autoptr(PalpReceiptDocument) document = make_document ("therapeutic", "CA", "letter", 2);
  g_autoptr(GBytes) original = render_ok (document);
  g_autoptr(GBytes) reprint = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPdf) original_pdf = open_pdf (original);
  g_autofree char *words = NULL;
  g_autofree char *first_page = NULL;

  /* Nothing happened since the issue: the reprint is the original. */
  reprint = palp_doc_receipt_reprint (original, document, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (reprint, original));
  g_clear_pointer (&reprint, g_bytes_unref);

  g_object_set (document->receipt,
                "voided", (gint64) 1,
                "voided-at", "2026-03-15 09:30:00",
                "voided-by", (gint64) PRACTITIONER_ID,
                "void-reason", "Issued to the wrong client",
                "replaced-by-number", "T-2026-000125",
                "balance-cents", (gint64) 0,
                NULL);
  reprint = palp_doc_receipt_reprint (original, document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reprint);
  again = palp_doc_receipt_reprint (original, document, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (reprint, again));

  pdf = open_pdf (reprint);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   poppler_document_get_n_pages (original_pdf) + 1);

  /* The original's text survives the copy, extractable. */
  first_page = page_words (pdf, 0);
  assert_contains (first_page, "Massage therapy");
  assert_contains (first_page, LICENCE_NUMBER);
  assert_contains (first_page, "Jordan Smith");

  words = pdf_words (reprint);
  assert_contains (words, "VOID");
  assert_contains (words, "Issued to the wrong client");
  assert_contains (words, "15/03/2026");
  assert_contains (words, "by Avery Chen");
  assert_contains (words, "T-2026-000125");
  assert_contains (words, "Addendum");
  assert_contains (words, "Balance (receipt voided)");
}

static void
test_receipt_reprint_payments (void)
{
  const char *categories[] = { "therapeutic", "esthetic" };

  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(PalpReceiptDocument) document = make_document (categories[i], "US", "a4", 1);
      g_autoptr(GBytes) original = render_ok (document);
      g_autoptr(PalpPayment) later = make_payment ("payment", "cheque", "2026-04-02 10:00:00",
                                                   2000);
      g_autoptr(PalpPayment) refund = make_payment ("refund", "card", "2026-04-03 11:00:00", 500);
      g_autoptr(GBytes) reprint = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TestPdf) pdf = NULL;
      g_autoptr(TestPdf) original_pdf = open_pdf (original);
      g_autofree char *words = NULL;
      g_autofree char *last = NULL;
      double width, height;

      g_object_set (later, "reference", "Cheque 1042", NULL);
      g_list_store_append (G_LIST_STORE (document->payments), later);
      g_list_store_append (G_LIST_STORE (document->payments), refund);

      reprint = palp_doc_receipt_reprint (original, document, &error);
      g_assert_no_error (error);
      pdf = open_pdf (reprint);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                       poppler_document_get_n_pages (original_pdf) + 1);
      g_assert_true (palp_pdf_get_page_size (pdf, 0, &width, &height));
      g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);

      last = page_words (pdf, poppler_document_get_n_pages (pdf) - 1);
      assert_contains (last, "Payments and refunds after the receipt was issued");
      assert_contains (last, "04/02/2026");
      assert_contains (last, "Cheque 1042");
      assert_contains (last, "Refund");
      words = pdf_words (reprint);
      g_assert_null (strstr (words, "VOID"));
      if (i == 0)
        /* $138.00 total, $69.00 at issue, $20.00 later, $5.00 refunded. */
        assert_contains (last, "$54.00");
      else
        {
          /* $97.75 total, $48.87 at issue. */
          assert_contains (last, "$33.88");
          assert_cosmetic_clean (reprint);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Statement                                                              */

static GPtrArray *
make_statement_documents (void)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_receipt_document_free);
  PalpReceiptDocument *first = make_document ("therapeutic", "US", "letter", 2);
  PalpReceiptDocument *esthetic = make_document ("esthetic", "US", "letter", 1);
  PalpReceiptDocument *second = make_document ("therapeutic", "US", "letter", 1);
  PalpReceiptDocument *voided = make_document ("therapeutic", "US", "letter", 1);
  g_autoptr(PalpReceiptLine) voided_line = g_list_model_get_item (voided->lines, 0);

  g_object_set (second->receipt, "number", "T-2026-000131", "issued-at", "2026-03-21 10:00:00",
                NULL);
  g_object_set (voided->receipt, "number", "T-2026-000140", "voided", (gint64) 1, NULL);
  g_object_set (voided_line, "description", "Voided service", NULL);

  g_ptr_array_add (documents, first);
  g_ptr_array_add (documents, esthetic);
  g_ptr_array_add (documents, second);
  g_ptr_array_add (documents, voided);
  return documents;
}

static void
test_statement (void)
{
  g_autoptr(GPtrArray) documents = make_statement_documents ();
  const PalpReceiptDocument *first = g_ptr_array_index (documents, 0);
  const char * const diagnoses[] = { "M54.2 Cervicalgia", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) with_diagnoses = NULL;
  g_autofree char *words = NULL;

  bytes = palp_doc_statement_render (first->clinic, first->client, "2026-03-01", "2026-03-31",
                                     documents, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  again = palp_doc_statement_render (first->clinic, first->client, "2026-03-01", "2026-03-31",
                                     documents, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));

  words = pdf_words (bytes);
  assert_contains (words, "Evergreen Massage Therapy LLC");
  assert_contains (words, "91-1234567");
  assert_contains (words, "Jordan Smith");
  assert_contains (words, "06/02/1984");
  assert_contains (words, "03/01/2026 – 03/31/2026");
  assert_contains (words, "T-2026-000124");
  assert_contains (words, "T-2026-000131");
  assert_contains (words, "Massage therapy");
  assert_contains (words, CPT_CODE);
  assert_contains (words, "Avery Chen, LMT");
  assert_contains (words, LICENCE_NUMBER);
  assert_contains (words, "NPI 1234567893");
  /* Two receipts: $276.00 and $138.00 charged, half of each paid. */
  assert_contains (words, "$414.00");
  assert_contains (words, "$207.00");
  /* No diagnosis is made up. */
  g_assert_null (strstr (words, "Diagnos"));

  /* Cosmetic and voided receipts are never on it. */
  g_assert_null (strstr (words, "E-2026-000124"));
  g_assert_null (strstr (words, "Hydrating facial"));
  g_assert_null (strstr (words, "T-2026-000140"));
  g_assert_null (strstr (words, "Voided service"));

  with_diagnoses = palp_doc_statement_render_with_diagnoses (first->clinic, first->client,
                                                             "2026-03-01", "2026-03-31", documents,
                                                             diagnoses, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = pdf_words (with_diagnoses);

    assert_contains (text, "M54.2 Cervicalgia");
  }
}

static void
test_statement_errors (void)
{
  g_autoptr(GPtrArray) documents = make_statement_documents ();
  g_autoptr(GPtrArray) cosmetic_only = g_ptr_array_new ();
  PalpReceiptDocument *first = g_ptr_array_index (documents, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* Only an esthetic receipt: nothing to print. */
  g_ptr_array_add (cosmetic_only, g_ptr_array_index (documents, 1));
  bytes = palp_doc_statement_render (first->clinic, first->client, "2026-03-01", "2026-03-31",
                                     cosmetic_only, &error);
  g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = palp_doc_statement_render (first->clinic, first->client, "2026-03-31", "2026-03-01",
                                     documents, &error);
  g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID);
  g_assert_null (bytes);
  g_clear_error (&error);

  g_clear_object (&first->licence);
  bytes = palp_doc_statement_render (first->clinic, first->client, "2026-03-01", "2026-03-31",
                                     documents, &error);
  g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE);
  g_assert_null (bytes);
}

/* ---------------------------------------------------------------------- */
/* Reports                                                                */

/* RFC 4180 back into rows of fields. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p != ',' && *p != '\r' && *p != '\n' && *p != '\0'; p++)
          g_string_append_c (field, *p);

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else
        {
          /* Records end with CRLF. */
          g_assert_cmpint (*p, ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
    }

  return rows;
}

static gint64
parse_cents (const char *text)
{
  gboolean negative = text[0] == '-';
  g_auto(GStrv) parts = g_strsplit (negative ? text + 1 : text, ".", 2);
  gint64 cents;

  g_assert_nonnull (parts[1]);
  g_assert_cmpint (strlen (parts[1]), ==, 2);
  cents = g_ascii_strtoll (parts[0], NULL, 10) * 100 + g_ascii_strtoll (parts[1], NULL, 10);
  return negative ? -cents : cents;
}

static GListModel *
make_payments (void)
{
  GListStore *store = g_list_store_new (PALP_TYPE_PAYMENT);
  const struct
  {
    const char *kind, *method, *when;
    gint64      cents;
  } rows[] = {
    { "payment", "card", "2026-03-02 09:10:00", 12000 },
    { "payment", "card", "2026-03-02 11:00:00", 8500 },
    { "payment", "cash", "2026-03-02 12:30:00", 6000 },
    { "refund", "card", "2026-03-02 16:00:00", 2500 },
    { "payment", "gift card, \"spring\"", "2026-03-03 10:00:00", 5000 },
    { "payment", "e-transfer", "2026-03-04 10:00:00", 13800 },
    /* Outside the period: left out. */
    { "payment", "cash", "2026-02-28 18:00:00", 99900 },
    { "payment", "cash", "2026-04-01 08:00:00", 77700 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PalpPayment) payment = make_payment (rows[i].kind, rows[i].method, rows[i].when,
                                                     rows[i].cents);

      g_list_store_append (store, payment);
    }
  return G_LIST_MODEL (store);
}

static void
test_report_payments (void)
{
  g_autoptr(PalpClinic) clinic = make_clinic ("CA", "letter");
  g_autoptr(GListModel) payments = make_payments ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *words = NULL;
  gint64 net = 0, refunded = 0;
  gboolean found_quoted = FALSE;

  csv = palp_doc_payments_report_csv (clinic, "2026-03-01", "2026-03-31", payments, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "\"gift card, \"\"spring\"\"\""));

  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 4);
  {
    const char * const header[] = { "date", "method", "payments", "refunds", "received",
                                    "refunded", "net", NULL };

    g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  }
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, 7);
      g_assert_cmpint (parse_cents (row[4]) + parse_cents (row[5]), ==, parse_cents (row[6]));
      g_assert_cmpint (parse_cents (row[5]), <=, 0);
      net += parse_cents (row[6]);
      refunded += parse_cents (row[5]);
      if (g_str_equal (row[1], "gift card, \"spring\""))
        found_quoted = TRUE;
    }
  g_assert_true (found_quoted);
  {
    char **card = g_ptr_array_index (rows, 1);

    g_assert_cmpstr (card[0], ==, "2026-03-02");
    g_assert_cmpstr (card[1], ==, "card");
    g_assert_cmpstr (card[2], ==, "2");
    g_assert_cmpstr (card[3], ==, "1");
    g_assert_cmpstr (card[4], ==, "205.00");
    g_assert_cmpstr (card[5], ==, "-25.00");
    g_assert_cmpstr (card[6], ==, "180.00");
  }
  g_assert_cmpint (net, ==, 12000 + 8500 + 6000 - 2500 + 5000 + 13800);
  g_assert_cmpint (refunded, ==, -2500);

  bytes = palp_doc_payments_report_render (clinic, "2026-03-01", "2026-03-31", payments, &error);
  g_assert_no_error (error);
  again = palp_doc_payments_report_render (clinic, "2026-03-01", "2026-03-31", payments, &error);
  g_assert_true (g_bytes_equal (bytes, again));
  words = pdf_words (bytes);
  assert_contains (words, "Payments received");
  assert_contains (words, "01/03/2026 – 31/03/2026");
  assert_contains (words, "$428.00");
  assert_contains (words, "-$25.00");
  assert_contains (words, "$453.00");
  assert_contains (words, "E-transfer");
  assert_contains (words, "gift card, \"spring\"");
  g_assert_null (strstr (words, "999.00"));
  g_assert_null (strstr (words, "777.00"));

  /* A period that ends before it starts. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = palp_doc_payments_report_render (clinic, "2026-03-31", "2026-03-01", payments, &error);
  g_assert_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID);
  g_assert_null (bytes);
}

static GListModel *
make_taxes (void)
{
  GListStore *store = g_list_store_new (PALP_TYPE_RECEIPT_TAX);
  const struct
  {
    const char *name, *registration, *number, *issued_at;
    gint64      rate, base, amount, voided;
  } rows[] = {
    { "HST", "812345678 RT0001", "T-2026-000001", "2026-03-02 10:00:00", 150000, 12000, 1800, 0 },
    { "HST", "812345678 RT0001", "E-2026-000001", "2026-03-02 11:00:00", 150000, 8500, 1275, 0 },
    { "HST", "812345678 RT0001", "T-2026-000002", "2026-03-03 10:00:00", 150000, 24000, 3600, 1 },
    { "GST", "812345678 RT0001", "G-2026-000001", "2026-03-05 10:00:00", 50000, 2500, 125, 0 },
    { "QST, \"Québec\"", "1234567890 TQ0001", "G-2026-000001", "2026-03-05 10:00:00", 99750,
      2500, 249, 0 },
    { "HST", "812345678 RT0001", "T-2026-000009", "2026-04-02 10:00:00", 150000, 12000, 1800, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PalpReceiptTax) tax = g_object_new (PALP_TYPE_RECEIPT_TAX,
                                                    "name", rows[i].name,
                                                    "registration", rows[i].registration,
                                                    "receipt-number", rows[i].number,
                                                    "issued-at", rows[i].issued_at,
                                                    "rate-ppm", rows[i].rate,
                                                    "base-cents", rows[i].base,
                                                    "amount-cents", rows[i].amount,
                                                    "voided", rows[i].voided,
                                                    NULL);

      g_list_store_append (store, tax);
    }
  return G_LIST_MODEL (store);
}

static void
test_report_tax (void)
{
  g_autoptr(PalpClinic) clinic = make_clinic ("CA", "a4");
  g_autoptr(GListModel) taxes = make_taxes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *words = NULL;
  gint64 total = 0;

  csv = palp_doc_tax_report_csv (clinic, "2026-03-01", "2026-03-31", taxes, &error);
  g_assert_no_error (error);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 1 + 3);
  {
    const char * const header[] = { "component", "rate", "registration", "receipts", "taxable",
                                    "tax", NULL };
    const char * const gst[] = { "GST", "5", "812345678 RT0001", "1", "25.00", "1.25", NULL };
    const char * const hst[] = { "HST", "15", "812345678 RT0001", "2", "205.00", "30.75", NULL };
    const char * const qst[] = { "QST, \"Québec\"", "9.975", "1234567890 TQ0001", "1", "25.00",
                                 "2.49", NULL };

    g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
    g_assert_cmpstrv (g_ptr_array_index (rows, 1), gst);
    g_assert_cmpstrv (g_ptr_array_index (rows, 2), hst);
    g_assert_cmpstrv (g_ptr_array_index (rows, 3), qst);
  }
  for (guint i = 1; i < rows->len; i++)
    total += parse_cents (((char **) g_ptr_array_index (rows, i))[5]);
  /* The voided receipt's $36.00 is in no total. */
  g_assert_cmpint (total, ==, 1800 + 1275 + 125 + 249);

  bytes = palp_doc_tax_report_render (clinic, "2026-03-01", "2026-03-31", taxes, &error);
  g_assert_no_error (error);
  words = pdf_words (bytes);
  assert_contains (words, "Sales tax collected");
  assert_contains (words, "$34.49");
  assert_contains (words, "T-2026-000002 (voided, not counted)");
  assert_contains (words, "$30.75");
  g_assert_null (strstr (words, "T-2026-000009"));
}

/* ---------------------------------------------------------------------- */

/* The samples looked at by people (and screenshot), written beside the
 * test program. */
static void
test_write_samples (void)
{
  g_autoptr(GPtrArray) documents = make_statement_documents ();
  const PalpReceiptDocument *first = g_ptr_array_index (documents, 0);
  g_autoptr(GListModel) payments = make_payments ();
  g_autoptr(GListModel) taxes = make_taxes ();
  g_autoptr(PalpClinic) clinic = make_clinic ("CA", "letter");
  const char *categories[] = { "therapeutic", "esthetic", "other" };
  GBytes *samples[7] = { NULL };
  const char *names[7] = {
    "receipt-therapeutic.pdf", "receipt-esthetic.pdf", "receipt-other.pdf", "receipt-void.pdf",
    "statement.pdf", "report-payments.pdf", "report-tax.pdf",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(PalpReceiptDocument) document = make_document (categories[i], "CA", "letter", 3);

      samples[i] = render_ok (document);
      if (i == 0)
        {
          g_object_set (document->receipt, "voided", (gint64) 1,
                        "voided-at", "2026-03-15 09:30:00",
                        "voided-by", (gint64) PRACTITIONER_ID,
                        "void-reason", "Issued to the wrong client",
                        "replaced-by-number", "T-2026-000125", NULL);
          samples[3] = palp_doc_receipt_reprint (samples[0], document, NULL);
        }
    }
  samples[4] = palp_doc_statement_render (first->clinic, first->client, "2026-03-01",
                                          "2026-03-31", documents, NULL);
  samples[5] = palp_doc_payments_report_render (clinic, "2026-03-01", "2026-03-31", payments,
                                                NULL);
  samples[6] = palp_doc_tax_report_render (clinic, "2026-03-01", "2026-03-31", taxes, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (samples[i]);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (samples[i], NULL),
                                          g_bytes_get_size (samples[i]), &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      g_bytes_unref (samples[i]);
    }
}

/* ---------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The catalogues built beside the tests (build/po), not installed ones. */
  localedir = g_build_filename (TEST_LOCALEDIR, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/receipt/therapeutic", test_receipt_therapeutic);
  g_test_add_func ("/receipt/cosmetic", test_receipt_cosmetic);
  g_test_add_func ("/receipt/french", test_receipt_french);
  g_test_add_func ("/receipt/guard-trips", test_receipt_guard_trips);
  g_test_add_func ("/receipt/long-breaks-pages", test_receipt_long_breaks_pages);
  g_test_add_func ("/receipt/paper-sizes", test_receipt_paper_sizes);
  g_test_add_func ("/receipt/deterministic", test_receipt_deterministic);
  g_test_add_func ("/receipt/hostile", test_receipt_hostile);
  g_test_add_func ("/receipt/reprint-void", test_receipt_reprint_void);
  g_test_add_func ("/receipt/reprint-payments", test_receipt_reprint_payments);
  g_test_add_func ("/statement/render", test_statement);
  g_test_add_func ("/statement/errors", test_statement_errors);
  g_test_add_func ("/report/payments", test_report_payments);
  g_test_add_func ("/report/tax", test_report_tax);
  g_test_add_func ("/billing/write-samples", test_write_samples);

  return g_test_run ();
}
