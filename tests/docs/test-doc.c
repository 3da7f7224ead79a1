/* test-doc.c: the PDF layer, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "palp-doc.h"
#include "palp-doc-preview.h"

#define N_ROWS 40

/* poppler-glib 22 declares no autoptr for its documents. */
typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)

static const char * const clinic_address[] = {
  "1200 Harbour Street, Suite 4", "Halifax NS  B3J 1A1", NULL
};
static const char * const clinic_contact[] = {
  "(902) 555-0142", "front@harbour-clinic.example", NULL
};
static const char * const clinic_registration[] = { "GST/HST 123456789 RT0001", NULL };
static const char * const client_lines[] = { "48 Birch Lane", "Dartmouth NS  B2Y 3Z8", NULL };
static const char * const signature_details[] = { "Registration no. 004512", NULL };

static const PalpDocColumn columns[] = {
  { "Date", 1.2, PALP_DOC_ALIGN_START },
  { "Description", 3.6, PALP_DOC_ALIGN_START },
  { "Minutes", 1.0, PALP_DOC_ALIGN_END },
  { "Amount", 1.3, PALP_DOC_ALIGN_END },
};

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG drawn here, so no binary fixture is needed. */
static GBytes *
make_png (int      width,
          int      height,
          gboolean signature)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  if (signature)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.35);
      cairo_set_line_width (cr, height / 14.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, width * 0.05, height * 0.7);
      cairo_curve_to (cr, width * 0.2, height * 0.05, width * 0.3, height * 0.95, width * 0.45,
                      height * 0.4);
      cairo_curve_to (cr, width * 0.6, height * 0.05, width * 0.7, height * 0.85, width * 0.95,
                      height * 0.3);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.16, 0.33, 0.45);
      cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (png);
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 3, 14, 15, 9, 26);
}

/* A receipt-like document: letterhead with logo, title, client, a table
 * of @n_rows rows, totals, a notice, a signature. */
static PalpDoc *
build_sample (PalpPaper paper,
              guint     n_rows)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (paper);
  g_autoptr(GBytes) logo = make_png (120, 120, FALSE);
  g_autoptr(GBytes) signature_png = make_png (360, 90, TRUE);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GError) error = NULL;
  PalpDocLetterhead letterhead = {
    "Harbour Massage Therapy Clinic", clinic_address, clinic_contact, clinic_registration, logo,
  };
  PalpDocAddress client = { "Client", "Jordan Smith", client_lines };
  PalpDocField fields[] = {
    { "Receipt no.", "T-2026-000124" },
    { "Issued", "2026-03-14" },
    { "Practitioner", "Avery Chen, RMT" },
  };
  PalpDocTotal totals[] = {
    { "Subtotal", "$4,800.00", PALP_DOC_TOTAL_NORMAL },
    { "HST 15% (123456789 RT0001)", "$720.00", PALP_DOC_TOTAL_NORMAL },
    { "Total", "$5,520.00", PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE },
    { "Paid (card)", "$5,000.00", PALP_DOC_TOTAL_NORMAL },
    { "Balance", "$520.00", PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE },
  };
  PalpDocSignature signature = {
    "Practitioner's signature", "Avery Chen", "RMT", signature_details, "2026-03-14",
    signature_png,
  };

  palp_doc_set_title (doc, "Receipt T-2026-000124");
  palp_doc_set_author (doc, "Harbour Massage Therapy Clinic");
  palp_doc_set_subject (doc, "Massage therapy receipt");
  palp_doc_set_creation_date (doc, date);
  palp_doc_set_footer_text (doc, "Receipt T-2026-000124 · Harbour Massage Therapy Clinic");

  g_assert_true (palp_doc_add_letterhead (doc, &letterhead, &error));
  g_assert_no_error (error);
  palp_doc_add_title (doc, "Receipt", "T-2026-000124");
  palp_doc_add_address (doc, &client, fields, G_N_ELEMENTS (fields));

  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-03-%02u", (i - 1) % 28 + 1);
      g_autofree char *what = g_strdup_printf ("Row %02u: Massage therapy, neck and shoulders", i);
      const char *cells[] = { day, what, "60", "$120.00" };

      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (doc);

  palp_doc_add_totals (doc, totals, G_N_ELEMENTS (totals));
  palp_doc_add_paragraph (doc, "Payment by card on 2026-03-14. Thank you.", PALP_DOC_TEXT_MUTED);
  g_assert_true (palp_doc_add_signature (doc, &signature, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&doc);
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

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_doc_table_breaks_and_repeats_header (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, N_ROWS);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *expected_counter = NULL;
  int n_pages;

  bytes = palp_doc_to_bytes (doc, &error);
  g_assert_no_error (error);
  pdf = open_pdf (bytes);

  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 2);
  g_assert_cmpint (n_pages, ==, (int) palp_doc_get_n_pages (doc));

  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = palp_pdf_get_page_text (pdf, p);
      g_autofree char *counter = g_strdup_printf ("Page %d of %d", p + 1, n_pages);

      g_assert_nonnull (strstr (text, counter));
    }

  /* Page 2 carries the table's header row again, and the running header. */
  {
    g_autofree char *page2 = palp_pdf_get_page_text (pdf, 1);

    g_assert_nonnull (strstr (page2, "DESCRIPTION"));
    g_assert_nonnull (strstr (page2, "AMOUNT"));
    g_assert_nonnull (strstr (page2, "Harbour Massage Therapy Clinic"));
    g_assert_nonnull (strstr (page2, "Receipt T-2026-000124"));
    g_assert_nonnull (strstr (page2, "Page 2 of"));
  }

  /* Every row printed exactly once: nothing lost or doubled at a break. */
  all = palp_pdf_get_text (pdf);
  for (guint i = 1; i <= N_ROWS; i++)
    {
      g_autofree char *label = g_strdup_printf ("Row %02u:", i);

      g_assert_cmpuint (count_occurrences (all, label), ==, 1);
    }
  /* ...and each page holding rows opens with the header. */
  for (int p = 0; p < n_pages; p++)
    {
      g_autofree char *text = palp_pdf_get_page_text (pdf, p);

      if (strstr (text, "Row ") != NULL)
        g_assert_cmpuint (count_occurrences (text, "DESCRIPTION"), ==, 1);
    }
  expected_counter = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  g_assert_nonnull (strstr (all, expected_counter));

  /* What the other blocks print is there too. */
  g_assert_nonnull (strstr (all, "Harbour Massage Therapy Clinic"));
  g_assert_nonnull (strstr (all, "GST/HST 123456789 RT0001"));
  g_assert_nonnull (strstr (all, "Jordan Smith"));
  g_assert_nonnull (strstr (all, "T-2026-000124"));
  g_assert_nonnull (strstr (all, "$5,520.00"));
  g_assert_nonnull (strstr (all, "Balance"));
  g_assert_nonnull (strstr (all, "Avery Chen, RMT"));
  g_assert_nonnull (strstr (all, "Registration no. 004512"));
  g_assert_nonnull (strstr (all, "PRACTITIONER'S SIGNATURE"));

  g_assert_finalize_object (g_steal_pointer (&doc));
}

static void
test_doc_paper_sizes (void)
{
  struct { PalpPaper paper; double w, h; } cases[] = {
    { PALP_PAPER_LETTER, 612.0, 792.0 },
    { PALP_PAPER_A4, 595.28, 841.89 },
  };

  g_assert_cmpint (palp_paper_from_string ("A4"), ==, PALP_PAPER_A4);
  g_assert_cmpint (palp_paper_from_string ("letter"), ==, PALP_PAPER_LETTER);
  g_assert_cmpint (palp_paper_from_string (NULL), ==, PALP_PAPER_LETTER);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PalpDoc) doc = build_sample (cases[i].paper, N_ROWS);
      g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
      g_autoptr(TestPdf) pdf = open_pdf (bytes);

      for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
        {
          double w = 0, h = 0;

          g_assert_true (palp_pdf_get_page_size (pdf, p, &w, &h));
          g_assert_cmpfloat_with_epsilon (w, cases[i].w, 0.5);
          g_assert_cmpfloat_with_epsilon (h, cases[i].h, 0.5);
        }
      g_assert_cmpfloat_with_epsilon (palp_doc_get_page_width (doc), cases[i].w, 0.5);
    }
}

static void
test_doc_metadata (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, 3);
  g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autofree char *subject = poppler_document_get_subject (pdf);
  g_autofree char *creator = poppler_document_get_creator (pdf);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (pdf);
  g_autoptr(GDateTime) expected = fixed_date ();

  g_assert_cmpstr (title, ==, "Receipt T-2026-000124");
  g_assert_cmpstr (author, ==, "Harbour Massage Therapy Clinic");
  g_assert_cmpstr (subject, ==, "Massage therapy receipt");
  g_assert_cmpstr (creator, ==, "Palpate");
  g_assert_nonnull (created);
  g_assert_true (g_date_time_equal (created, expected));
}

static void
test_doc_fonts_embedded (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, 3);
  g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  PopplerFontInfo *info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  while (poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_test_message ("font %s", poppler_fonts_iter_get_name (iter));
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);

  g_assert_cmpuint (n_fonts, >=, 2);
}

/* Text with everything whitespace removed: how pdftotext wraps a long
 * word is not the question. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Right-to-left words as poppler-glib gives them back: in visual or
 * logical order, wrapped in directional marks. */
static gboolean
contains_rtl_word (const char *flat_text,
                   const char *word)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *reversed = g_utf8_strreverse (word, -1);
  g_autofree char *text = NULL;
  gboolean found;

  for (const char *p = flat_text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c >= 0x200E && c <= 0x200F) && !(c >= 0x202A && c <= 0x202E)
          && !(c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (clean, c);
    }
  text = g_string_free (clean, FALSE);
  found = strstr (text, word) != NULL || strstr (text, reversed) != NULL;

  return found;
}

static void
test_doc_hostile_text (void)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_LETTER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *markup = "<b>Bold & </b><span foreground=\"red\">red</span> &amp; <i>";
  const char *cells[] = { markup, "שלום עולם", "مرحبا", "Smile 😀 done" };
  PalpDocAddress client = { "<Client & co>", "O'Brien <script>", NULL };
  PalpDocField fields[] = { { "Nom & prénom", "Zoë Ångström-Łukasiewicz" } };
  PalpDocLetterhead letterhead = { "Clinique <Élan> & fils", NULL, NULL, NULL, NULL };

  /* Greek, so no other text on the page shares its letters. */
  for (int i = 0; i < 1000; i++)
    g_string_append (word, "αβγδεζηθικ");
  g_assert_cmpuint (g_utf8_strlen (word->str, -1), ==, 10000);

  palp_doc_set_title (doc, "Hostile <title> & “quotes”");
  g_assert_true (palp_doc_add_letterhead (doc, &letterhead, NULL));
  palp_doc_add_title (doc, markup, "Reçu № 1");
  palp_doc_add_address (doc, &client, fields, G_N_ELEMENTS (fields));
  palp_doc_add_paragraph (doc, markup, PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, "שלום עולם — مرحبا بالعالم", PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, "Emoji 😀🙂👍 and ☺ between words", PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, word->str, PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, "Broken \xff\xfe bytes survive", PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, "", PALP_DOC_TEXT_BODY);
  palp_doc_add_notice (doc, word->str);
  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  palp_doc_add_row (doc, cells, PALP_DOC_ROW_STRONG);
  {
    const char *long_cells[] = { "2026-03-14", word->str, NULL, "$1.00" };

    palp_doc_add_row (doc, long_cells, PALP_DOC_ROW_MUTED);
  }
  palp_doc_end_table (doc);

  bytes = palp_doc_to_bytes (doc, &error);
  g_assert_no_error (error);
  pdf = open_pdf (bytes);
  text = palp_pdf_get_text (pdf);
  flat = squeeze (text);
  if (g_getenv ("PALPATE_TEST_DUMP") != NULL)
    g_assert_true (g_file_set_contents (g_getenv ("PALPATE_TEST_DUMP"), text, -1, NULL));

  /* Markup printed as typed, never interpreted. */
  g_assert_nonnull (strstr (text, "<b>Bold & </b><span foreground=\"red\">red</span> &amp; <i>"));
  g_assert_nonnull (strstr (text, "O'Brien <script>"));
  g_assert_nonnull (strstr (text, "<CLIENT & CO>"));
  g_assert_nonnull (strstr (text, "Clinique <Élan> & fils"));
  g_assert_nonnull (strstr (flat, "ZoëÅngström-Łukasiewicz"));
  g_assert_nonnull (strstr (text, "Reçu № 1"));
  /* Right-to-left words come back whole. */
  g_assert_true (contains_rtl_word (flat, "שלום"));
  g_assert_true (contains_rtl_word (flat, "עולם"));
  g_assert_true (contains_rtl_word (flat, "مرحبا"));
  /* The words around an emoji survive whatever font draws it. */
  g_assert_nonnull (strstr (text, "Emoji"));
  g_assert_nonnull (strstr (text, "between words"));
  g_assert_nonnull (strstr (text, "bytes survive"));
  /* The 10,000-character word, three times (paragraph, notice, cell),
   * wrapped over pages but with every letter in order, none added. */
  {
    g_autoptr(GString) greek = g_string_new (NULL);
    g_autofree char *expected = g_strconcat (word->str, word->str, word->str, NULL);

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_GREEK)
        g_string_append_unichar (greek, g_utf8_get_char (p));
    g_assert_cmpstr (greek->str, ==, expected);
    g_assert_null (strstr (text, "κ-"));
  }

  {
    g_autofree char *pdf_title = poppler_document_get_title (pdf);

    g_assert_cmpstr (pdf_title, ==, "Hostile <title> & “quotes”");
  }
}

static void
test_doc_bytes_equal_file (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_A4, N_ROWS);
  g_autoptr(PalpDoc) twin = build_sample (PALP_PAPER_A4, N_ROWS);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) twin_bytes = NULL;
  g_autoptr(GBytes) from_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("palpate-doc-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "receipt.pdf", NULL);

  bytes = palp_doc_to_bytes (doc, &error);
  g_assert_no_error (error);
  g_assert_true (palp_doc_write_to_file (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  from_file = g_bytes_new_take (g_steal_pointer (&contents), length);

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (g_bytes_equal (bytes, from_file));

  /* Writing again, or building the same document again, changes nothing. */
  again = palp_doc_to_bytes (doc, NULL);
  twin_bytes = palp_doc_to_bytes (twin, NULL);
  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_true (g_bytes_equal (bytes, twin_bytes));

  /* A file that cannot be written is an error, not a crash. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "receipt.pdf", NULL);
    g_autoptr(GError) write_error = NULL;

    g_assert_false (palp_doc_write_to_file (doc, bad, &write_error));
    g_assert_nonnull (write_error);
  }

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_doc_bad_images (void)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_LETTER);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) signature_error = NULL;
  PalpDocLetterhead letterhead = { "Clinic", NULL, NULL, NULL, junk };
  PalpDocSignature signature = { "Signature", "Avery Chen", NULL, NULL, NULL, junk };

  g_assert_false (palp_doc_add_letterhead (doc, &letterhead, &error));
  g_assert_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_IMAGE);
  g_assert_false (palp_doc_add_signature (doc, &signature, &signature_error));
  g_assert_error (signature_error, PALP_DOC_ERROR, PALP_DOC_ERROR_IMAGE);

  /* Nothing was laid out. */
  {
    g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
    g_autoptr(TestPdf) pdf = open_pdf (bytes);
    g_autofree char *text = palp_pdf_get_text (pdf);

    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
    g_assert_null (strstr (text, "Clinic"));
    g_assert_null (strstr (text, "Avery"));
    g_assert_nonnull (strstr (text, "Page 1 of 1"));
  }
}

static void
test_doc_large_logo_is_downscaled (void)
{
  /* Noise does not compress: a 1200-pixel logo would embed about 5 MB. */
  const int side = 1200;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) png_bytes = NULL;
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_LETTER);
  g_autoptr(GBytes) bytes = NULL;
  PalpDocLetterhead letterhead = { "Clinic", NULL, NULL, NULL, NULL };

  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      ((guint32 *) (data + y * stride))[x] = g_test_rand_int ();
  cairo_surface_mark_dirty (surface);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_cb, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  png_bytes = g_bytes_new (png->data, png->len);
  g_assert_cmpuint (g_bytes_get_size (png_bytes), >, 4 * 1000 * 1000);

  letterhead.logo_png = png_bytes;
  g_assert_true (palp_doc_add_letterhead (doc, &letterhead, NULL));
  bytes = palp_doc_to_bytes (doc, NULL);

  /* At most 4 pixels per point of a 60-point box: well under 1 MB. */
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 1000 * 1000);
}

static void
test_doc_long_paragraph_and_row_split (void)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_LETTER);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) tall_cell = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  for (int i = 1; i <= 150; i++)
    g_string_append_printf (long_text, "Sentence %03d of a long note.\n", i);
  for (int i = 1; i <= 150; i++)
    g_string_append_printf (tall_cell, "Cell line %03d\n", i);

  palp_doc_add_paragraph (doc, long_text->str, PALP_DOC_TEXT_BODY);
  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  {
    const char *cells[] = { "2026-03-14", tall_cell->str, "30", "$60.00" };

    palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
  }
  palp_doc_end_table (doc);

  bytes = palp_doc_to_bytes (doc, NULL);
  pdf = open_pdf (bytes);
  text = palp_pdf_get_text (pdf);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 4);

  for (int i = 1; i <= 150; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Sentence %03d of", i);
      g_autofree char *line = g_strdup_printf ("Cell line %03d", i);

      g_assert_cmpuint (count_occurrences (text, sentence), ==, 1);
      g_assert_cmpuint (count_occurrences (text, line), ==, 1);
    }

  /* The header row heads every page the tall row runs over. */
  {
    g_autofree char *last = palp_pdf_get_page_text (pdf, n_pages - 1);

    g_assert_nonnull (strstr (last, "DESCRIPTION"));
    g_assert_nonnull (strstr (last, "Cell line 150"));
  }
}

static void
test_doc_watermark_and_page_format (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, 3);
  g_autoptr(GBytes) plain_bytes = palp_doc_to_bytes (doc, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TestPdf) plain_pdf = open_pdf (plain_bytes);
  g_autoptr(TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *plain_image;
  cairo_surface_t *image;
  guint reddened = 0;

  palp_doc_set_watermark (doc, "VOID");
  palp_doc_set_page_format (doc, "Page {page} de {pages}");
  bytes = palp_doc_to_bytes (doc, NULL);
  pdf = open_pdf (bytes);
  text = palp_pdf_get_text (pdf);

  g_assert_nonnull (strstr (text, "Page 1 de 1"));
  g_assert_null (strstr (text, "Page 1 of 1"));
  /* The mark is a drawing: no stray letters in the text. */
  g_assert_null (strstr (text, "VO"));

  /* ...but it is there: the middle of the page turns red where it was not. */
  plain_image = palp_pdf_render_page (plain_pdf, 0, 0.5, NULL);
  image = palp_pdf_render_page (pdf, 0, 0.5, NULL);
  cairo_surface_flush (image);
  for (int y = 150; y < 250; y++)
    for (int x = 100; x < 200; x++)
      {
        const guint8 *row = cairo_image_surface_get_data (image)
                            + y * cairo_image_surface_get_stride (image);
        const guint8 *plain_row = cairo_image_surface_get_data (plain_image)
                                  + y * cairo_image_surface_get_stride (plain_image);
        guint32 pixel = ((const guint32 *) row)[x];
        guint32 plain_pixel = ((const guint32 *) plain_row)[x];
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff;

        if (pixel != plain_pixel && r > g + 20)
          reddened++;
      }
  cairo_surface_destroy (plain_image);
  cairo_surface_destroy (image);
  g_assert_cmpuint (reddened, >, 500);
}

static void
test_doc_preview (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, N_ROWS);
  g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-nonsense", 13);
  cairo_surface_t *image;
  const guint8 *pixels;
  int stride;
  gboolean inked = FALSE;

  image = palp_pdf_render_page (pdf, 0, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 612);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 792);

  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  /* The corner is paper; the letterhead is ink. */
  g_assert_cmphex (*(const guint32 *) pixels, ==, 0xffffffff);
  for (int y = 50; y < 110 && !inked; y++)
    for (int x = 54; x < 300 && !inked; x++)
      inked = *(const guint32 *) (pixels + y * stride + x * 4) != 0xffffffff;
  g_assert_true (inked);
  cairo_surface_destroy (image);

  image = palp_pdf_render_page (pdf, 1, 0.5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 306);
  cairo_surface_destroy (image);

  g_assert_null (palp_pdf_render_page (pdf, 99, 1.0, &error));
  g_assert_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_PAGE);
  g_clear_error (&error);
  g_assert_null (palp_pdf_render_page (pdf, 0, 0.0, &error));
  g_assert_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_RENDER);
  g_clear_error (&error);
  g_assert_null (palp_pdf_get_page_text (pdf, -1));
  g_assert_false (palp_pdf_get_page_size (pdf, 99, NULL, NULL));

  g_assert_null (palp_pdf_open (junk, &error));
  g_assert_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_PDF);
}

static void
test_doc_dup_text (void)
{
  g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, N_ROWS);
  g_autofree char *text = NULL;

  palp_doc_set_watermark (doc, "VOID");
  text = palp_doc_dup_text (doc);

  /* Content of every kind of block, once... */
  g_assert_nonnull (strstr (text, "Harbour Massage Therapy Clinic\n"));
  g_assert_nonnull (strstr (text, "1200 Harbour Street, Suite 4\nHalifax NS  B3J 1A1"));
  g_assert_nonnull (strstr (text, "GST/HST 123456789 RT0001"));
  g_assert_nonnull (strstr (text, "Jordan Smith"));
  g_assert_cmpuint (count_occurrences (text, "Row 40: Massage therapy"), ==, 1);
  g_assert_cmpuint (count_occurrences (text, "DESCRIPTION"), ==, 1);
  g_assert_nonnull (strstr (text, "$5,520.00"));
  g_assert_nonnull (strstr (text, "Avery Chen, RMT"));
  g_assert_nonnull (strstr (text, "Registration no. 004512"));
  /* ...and what is not in a block: footer, watermark, metadata. */
  g_assert_nonnull (strstr (text, "Receipt T-2026-000124 · Harbour Massage Therapy Clinic"));
  g_assert_nonnull (strstr (text, "VOID"));
  g_assert_nonnull (strstr (text, "Massage therapy receipt"));
}

static void
test_doc_empty (void)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_A4);
  g_autoptr(GBytes) bytes = palp_doc_to_bytes (doc, NULL);
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *text = palp_pdf_get_text (pdf);

  g_assert_cmpuint (palp_doc_get_n_pages (doc), ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_doc_notify (void)
{
  g_autoptr(PalpDoc) doc = palp_doc_new (PALP_PAPER_LETTER);
  g_autofree char *title = NULL;
  guint n_notify = 0;

  g_signal_connect (doc, "notify::title", G_CALLBACK (count_notify_cb), &n_notify);

  palp_doc_set_title (doc, "Statement");
  palp_doc_set_title (doc, "Statement");
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (doc, "title", "Receipt", NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_object_get (doc, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Receipt");
  g_assert_cmpstr (palp_doc_get_title (doc), ==, "Receipt");

  g_signal_handlers_disconnect_by_func (doc, count_notify_cb, &n_notify);
  g_assert_finalize_object (g_steal_pointer (&doc));
}

/* Writes sample PDFs into the build tree, to be looked at as pictures
 * (pdftoppm -png -r 80). */
static void
test_doc_write_samples (void)
{
  PalpPaper papers[] = { PALP_PAPER_LETTER, PALP_PAPER_A4 };
  const char *names[] = { "docs-sample-letter.pdf", "docs-sample-a4.pdf" };

  for (gsize i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(PalpDoc) doc = build_sample (papers[i], N_ROWS);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, names[i], NULL);
      g_autoptr(GError) error = NULL;

      palp_doc_add_notice (doc, "Cosmetic service — not a health service and not for "
                                "submission to a health plan.");
      g_assert_true (palp_doc_write_to_file (doc, path, &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }

  /* A one-page receipt, voided. */
  {
    g_autoptr(PalpDoc) doc = build_sample (PALP_PAPER_LETTER, 2);
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "docs-sample-short.pdf", NULL);

    palp_doc_set_watermark (doc, "VOID");
    palp_doc_add_notice (doc, "VOID — issued in error; replaced by T-2026-000125 (2026-03-15, "
                              "Morgan Lee)");
    g_assert_true (palp_doc_write_to_file (doc, path, NULL));
  }
}

typedef struct
{
  guint  calls;
  guint  destroyed;
  double width, height;
} DrawingProbe;

static void
probe_draw_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  DrawingProbe *probe = user_data;

  probe->calls++;
  probe->width = width;
  probe->height = height;
  /* Past the box on purpose: the builder clips. */
  cairo_rectangle (cr, -50, -50, width + 100, height + 100);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_fill (cr);
  cairo_move_to (cr, 10, 20);
  cairo_show_text (cr, "DRAWN");
}

static void
probe_destroy_cb (gpointer user_data)
{
  DrawingProbe *probe = user_data;

  probe->destroyed++;
}

static void
test_doc_drawing (void)
{
  DrawingProbe small = { 0 }, tall = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PalpPdfDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  PalpDoc *doc = palp_doc_new (PALP_PAPER_LETTER);
  double width = palp_doc_get_content_width (doc);

  g_assert_cmpfloat_with_epsilon (width, 612 - 54 - 54, 0.01);

  palp_doc_add_paragraph (doc, "Before the drawings.", PALP_DOC_TEXT_BODY);
  palp_doc_add_space (doc, 560);
  /* Does not fit under the paragraph: moves whole to page 2. */
  palp_doc_add_drawing (doc, 200, 150, "Legend words", probe_draw_cb, &small, probe_destroy_cb);
  g_assert_cmpuint (palp_doc_get_n_pages (doc), ==, 2);
  /* Taller than any page: shrunk onto page 3, never cut. */
  palp_doc_add_drawing (doc, 0, 2000, NULL, probe_draw_cb, &tall, probe_destroy_cb);
  g_assert_cmpuint (palp_doc_get_n_pages (doc), ==, 3);
  palp_doc_add_paragraph (doc, "After the drawings.", PALP_DOC_TEXT_BODY);

  text = palp_doc_dup_text (doc);
  g_assert_nonnull (strstr (text, "Legend words"));
  g_assert_cmpuint (small.calls, ==, 0);

  bytes = palp_doc_to_bytes (doc, NULL);
  g_assert_nonnull (bytes);
  g_assert_cmpuint (small.calls, ==, 1);
  g_assert_cmpuint (tall.calls, ==, 1);
  g_assert_cmpfloat_with_epsilon (small.width, 200, 0.01);
  g_assert_cmpfloat_with_epsilon (small.height, 150, 0.01);
  /* Drawn in its own units, scaled on the page. */
  g_assert_cmpfloat_with_epsilon (tall.height, 2000, 0.01);
  g_assert_cmpfloat_with_epsilon (tall.width, width, 0.01);

  pdf = open_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 4);
  page1 = palp_pdf_get_page_text (pdf, 0);
  page2 = palp_pdf_get_page_text (pdf, 1);
  g_assert_nonnull (strstr (page1, "Before the drawings."));
  g_assert_null (strstr (page1, "DRAWN"));
  g_assert_nonnull (strstr (page2, "DRAWN"));

  /* Written again, drawn again; freed with the document. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = palp_doc_to_bytes (doc, NULL);
  g_assert_cmpuint (small.calls, ==, 2);
  g_assert_cmpuint (small.destroyed, ==, 0);
  g_assert_finalize_object (doc);
  g_assert_cmpuint (small.destroyed, ==, 1);
  g_assert_cmpuint (tall.destroyed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/docs/table-breaks-and-repeats-header",
                   test_doc_table_breaks_and_repeats_header);
  g_test_add_func ("/docs/paper-sizes", test_doc_paper_sizes);
  g_test_add_func ("/docs/metadata", test_doc_metadata);
  g_test_add_func ("/docs/fonts-embedded", test_doc_fonts_embedded);
  g_test_add_func ("/docs/hostile-text", test_doc_hostile_text);
  g_test_add_func ("/docs/bytes-equal-file", test_doc_bytes_equal_file);
  g_test_add_func ("/docs/bad-images", test_doc_bad_images);
  g_test_add_func ("/docs/large-logo-is-downscaled", test_doc_large_logo_is_downscaled);
  g_test_add_func ("/docs/long-paragraph-and-row-split", test_doc_long_paragraph_and_row_split);
  g_test_add_func ("/docs/watermark-and-page-format", test_doc_watermark_and_page_format);
  g_test_add_func ("/docs/preview", test_doc_preview);
  g_test_add_func ("/docs/dup-text", test_doc_dup_text);
  g_test_add_func ("/docs/empty", test_doc_empty);
  g_test_add_func ("/docs/notify", test_doc_notify);
  g_test_add_func ("/docs/drawing", test_doc_drawing);
  g_test_add_func ("/docs/write-samples", test_doc_write_samples);

  return g_test_run ();
}
