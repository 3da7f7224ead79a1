/* test-doc-claim.c: the CMS-1500 claim form, read back with poppler with
 * the positions of its characters, against the boxes of data/forms
 *
 * PALPATE_TEST_PDF_DIR=DIR keeps the rendered forms there, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <libintl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "palp-doc-claim.h"
#include "palp-doc-preview.h"

#define OFFSET_X_MM  4.0
#define OFFSET_Y_MM  -2.5
#define MM_TO_PT     (72.0 / 25.4)
/* How far a character's centre may be from where it is expected (pt). */
#define EPSILON      0.05

typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
typedef PopplerPage TestPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPage, g_object_unref)

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* The form's description, read here with GKeyFile. */
static GKeyFile *layout;
static double origin_x, origin_y, pitch_x, pitch_y;

static void
load_layout (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data (PALP_DOC_CLAIM_LAYOUT_RESOURCE, 0, &error);
  g_assert_no_error (error);
  layout = g_key_file_new ();
  g_key_file_load_from_bytes (layout, bytes, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  origin_x = g_key_file_get_double (layout, "grid", "origin-x", &error);
  g_assert_no_error (error);
  origin_y = g_key_file_get_double (layout, "grid", "origin-y", &error);
  g_assert_no_error (error);
  pitch_x = g_key_file_get_double (layout, "grid", "pitch-x", &error);
  g_assert_no_error (error);
  pitch_y = g_key_file_get_double (layout, "grid", "pitch-y", &error);
  g_assert_no_error (error);
  /* The grid the form is made for. */
  g_assert_cmpfloat_with_epsilon (pitch_x, 72.0 / 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (pitch_y, 72.0 / 6, 1e-9);
}

/* Box @id's rectangle on the page, in points. */
static Box
box_rect (const char *id)
{
  g_autofree char *text = g_key_file_get_string (layout, id, "rect", NULL);
  double x0, y0, x1, y1;

  g_assert_nonnull (text);
  g_assert_cmpint (sscanf (text, "%lf %lf %lf %lf", &x0, &y0, &x1, &y1), ==, 4);
  return (Box) { origin_x + x0 * pitch_x, origin_y + y0 * pitch_y,
                 origin_x + x1 * pitch_x, origin_y + y1 * pitch_y };
}

/* Service line @row's (from 0) rectangle in box 24, in points. */
static Box
row_rect (guint row)
{
  int first = g_key_file_get_integer (layout, "24", "first-row", NULL);
  int step = g_key_file_get_integer (layout, "24", "row-step", NULL);
  double top = origin_y + (first + (double) row * step) * pitch_y;

  g_assert_cmpint (step, >, 0);
  return (Box) { origin_x, top, origin_x + 80 * pitch_x, top + step * pitch_y };
}

/* The field's first cell (its top left corner), in points. */
static void
field_origin (const char *id,
              const char *name,
              double     *x,
              double     *y)
{
  g_autofree char *key = g_strconcat ("field.", name, NULL);
  g_autofree char *text = g_key_file_get_string (layout, id, key, NULL);
  guint line, col;

  g_assert_nonnull (text);
  g_assert_cmpint (sscanf (text, "%u %u", &line, &col), ==, 2);
  *x = origin_x + (col - 1) * pitch_x;
  *y = origin_y + (line - 1) * pitch_y;
}

static PalpClaimFormLine *
add_line (PalpClaimForm *form,
          const char    *date,
          const char    *code,
          const char    *pointers,
          guint          units,
          gint64         unit_cents)
{
  PalpClaimFormLine *line = palp_claim_form_add_line (form);

  line->date_from = g_strdup (date);
  line->place_of_service = g_strdup ("11");
  line->code = g_strdup (code);
  g_strlcpy (line->pointers, pointers, sizeof line->pointers);
  line->units = units;
  line->charge_cents = unit_cents * units;
  line->rendering_npi = g_strdup ("1234567893");
  return line;
}

/* An auto-accident claim with @n_lines lines, written as the record keeps
 * it: mixed case, diagnosis codes with their dot, ISO dates. */
static PalpClaimForm *
make_form (guint n_lines)
{
  PalpClaimForm *form = palp_claim_form_new ();
  static const char *codes[] = { "97140", "97124", "97112", "97110" };

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
  form->insured_middle = g_strdup ("Quinn");
  form->insured_birth_date = g_strdup ("1984-05-09");
  form->insured_sex = g_strdup ("F");
  form->insured.street = g_strdup ("2210 Alder Street");
  form->insured.city = g_strdup ("Seattle");
  form->insured.state = g_strdup ("WA");
  form->insured.postal_code = g_strdup ("98103");
  form->relationship = g_strdup ("self");
  form->auto_accident = TRUE;
  form->accident_state = g_strdup ("WA");
  form->group_number = g_strdup ("NONE");
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
  form->prior_authorisation = g_strdup ("PA-55012");
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", 2 + (i / 2) * 3);

      add_line (form, date, codes[i % G_N_ELEMENTS (codes)], i % 2 ? "AB" : "ABC",
                1 + i % 3, 4500 + 500 * (i % 2));
    }
  form->tax_id = g_strdup ("91-1234567");
  form->account_number = g_strdup ("C-00042");
  form->accept_assignment = TRUE;
  form->amount_paid_cents = 2500;
  form->signer_name = g_strdup ("Maya Castellanos LMT");
  form->signed_date = g_strdup ("2026-03-20");
  form->facility.name = g_strdup ("Evergreen Massage Therapy LLC");
  form->facility.street = g_strdup ("400 Pine Street, Suite 2");
  form->facility.city = g_strdup ("Seattle");
  form->facility.state = g_strdup ("WA");
  form->facility.postal_code = g_strdup ("98101");
  form->facility_npi = g_strdup ("1245319599");
  form->billing.name = g_strdup ("Evergreen Massage Therapy LLC");
  form->billing.street = g_strdup ("400 Pine Street, Suite 2");
  form->billing.city = g_strdup ("Seattle");
  form->billing.state = g_strdup ("WA");
  form->billing.postal_code = g_strdup ("98101");
  form->billing.phone = g_strdup ("206-555-0199");
  form->billing_npi = g_strdup ("1245319599");
  form->claim_number = g_strdup ("CL-2026-0007");
  return form;
}

static void
keep_pdf (GBytes     *bytes,
          const char *name)
{
  const char *dir = g_getenv ("PALPATE_TEST_PDF_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static PopplerDocument *
render (const PalpClaimForm       *form,
        const PalpDocClaimOptions *options,
        const char                *keep_as)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = palp_doc_claim_render (form, options, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  if (keep_as != NULL)
    keep_pdf (bytes, keep_as);
  pdf = palp_pdf_open (bytes, &error);
  g_assert_no_error (error);
  return pdf;
}

/* Where @needle's characters are on @page: the first occurrence whose
 * characters' centres all lie in @box (moved by @dx, @dy). Fails the test
 * when no occurrence does. The centre of its first character is returned
 * in @cx, @cy. */
static void
assert_in_box_at (PopplerPage *page,
                  const char  *needle,
                  Box          box,
                  double       dx,
                  double       dy,
                  double      *cx,
                  double      *cy)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  glong n_needle = g_utf8_strlen (needle, -1);
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  g_assert_cmpuint (n_rects, ==, g_utf8_strlen (text, -1));

  while ((p = strstr (p, needle)) != NULL)
    {
      glong first = g_utf8_pointer_to_offset (text, p);
      gboolean inside = TRUE;

      for (glong i = first; i < first + n_needle && inside; i++)
        {
          double x = (rects[i].x1 + rects[i].x2) / 2;
          double y = (rects[i].y1 + rects[i].y2) / 2;

          if (needle[g_utf8_offset_to_pointer (needle, i - first) - needle] == ' ')
            continue;
          inside = x > box.x0 + dx && x < box.x1 + dx && y > box.y0 + dy && y < box.y1 + dy;
        }
      if (inside)
        {
          if (cx != NULL)
            *cx = (rects[first].x1 + rects[first].x2) / 2;
          if (cy != NULL)
            *cy = (rects[first].y1 + rects[first].y2) / 2;
          return;
        }
      p++;
    }

  g_test_message ("page text:\n%s", text);
  g_error ("“%s” is not within (%.1f, %.1f)–(%.1f, %.1f)", needle,
           box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy);
}

static void
assert_in_box (PopplerPage *page,
               const char  *needle,
               const char  *box_id,
               double       dx,
               double       dy)
{
  assert_in_box_at (page, needle, box_rect (box_id), dx, dy, NULL, NULL);
}

static void
assert_line_in_row (PopplerPage *page,
                    guint        row,
                    const char  *date,
                    const char  *code,
                    const char  *pointers,
                    const char  *charge,
                    double       dx,
                    double       dy)
{
  assert_in_box_at (page, date, row_rect (row), dx, dy, NULL, NULL);
  assert_in_box_at (page, code, row_rect (row), dx, dy, NULL, NULL);
  assert_in_box_at (page, pointers, row_rect (row), dx, dy, NULL, NULL);
  assert_in_box_at (page, charge, row_rect (row), dx, dy, NULL, NULL);
  assert_in_box_at (page, "1234567893", row_rect (row), dx, dy, NULL, NULL);
}

/* Nothing is typed in box 24's shaded bands, the supplemental lines above
 * each service line. */
static void
assert_shaded_bands_empty (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects; i++, p = g_utf8_next_char (p))
    {
      double x = (rects[i].x1 + rects[i].x2) / 2, y = (rects[i].y1 + rects[i].y2) / 2;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        continue;
      for (guint row = 0; row < PALP_CLAIM_FORM_LINES_PER_FORM; row++)
        {
          Box band = row_rect (row);

          band.y1 = band.y0 + pitch_y;
          if (x > band.x0 && x < band.x1 && y > band.y0 && y < band.y1)
            g_error ("“%.*s” in the shaded band of line %u",
                     (int) (g_utf8_next_char (p) - p), p, row + 1);
        }
    }
}

static char *
money (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %02d", cents / 100, (int) (cents % 100));
}

/* The boxes the issue names: 1a, 2, 3, 21, every line of 24, 25, 28, 33. */
static void
check_boxes (PopplerDocument     *pdf,
             const PalpClaimForm *form,
             double               dx,
             double               dy)
{
  guint n_pages = palp_claim_form_n_pages (form);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, p);
      g_autofree char *total = money (palp_claim_form_page_total (form, p));
      guint first = p * PALP_CLAIM_FORM_LINES_PER_FORM;
      guint last = MIN (form->lines->len, first + PALP_CLAIM_FORM_LINES_PER_FORM);

      assert_in_box (page, "AC-77120453", "1a", dx, dy);
      assert_in_box (page, "WHITFIELD, DANA, Q", "2", dx, dy);
      assert_in_box (page, "05 09 1984", "3", dx, dy);
      assert_in_box (page, "S134XXA", "21", dx, dy);
      assert_in_box (page, "M542", "21", dx, dy);
      assert_in_box (page, "M62838", "21", dx, dy);
      assert_in_box (page, "0", "21", dx, dy);   /* ICD indicator */
      assert_in_box (page, "911234567", "25", dx, dy);
      assert_in_box (page, total, "28", dx, dy);
      assert_in_box (page, "EVERGREEN MASSAGE THERAPY LLC", "33", dx, dy);
      assert_in_box (page, "400 PINE STREET SUITE 2", "33", dx, dy);
      assert_in_box (page, "SEATTLE WA 98101", "33", dx, dy);
      assert_in_box (page, "1245319599", "33", dx, dy);
      assert_in_box (page, "206", "33", dx, dy);
      assert_in_box (page, "5550199", "33", dx, dy);

      if (dx == 0 && dy == 0)
        assert_shaded_bands_empty (page);
      for (guint i = first; i < last; i++)
        {
          const PalpClaimFormLine *line = g_ptr_array_index (form->lines, i);
          g_autofree char *charge = money (line->charge_cents);
          g_autofree char *date = g_strdup_printf ("%.2s %.2s %.2s", line->date_from + 5,
                                                   line->date_from + 8, line->date_from + 2);

          assert_line_in_row (page, i - first, date, line->code, line->pointers, charge,
                              dx, dy);
        }
    }
}

static void
test_blank (void)
{
  g_autoptr(PalpClaimForm) form = make_form (5);
  g_autoptr(TestPdf) pdf = render (form, NULL, "claim-blank.pdf");
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, 0);
  g_autofree char *text = poppler_page_get_text (page);
  double w, h;

  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 792, 0.01);
  check_boxes (pdf, form, 0, 0);
  /* The form itself is drawn: its title and its boxes' titles. */
  g_assert_nonnull (strstr (text, "HEALTH INSURANCE CLAIM FORM"));
  g_assert_nonnull (strstr (text, "PATIENT'S NAME"));
  g_assert_nonnull (strstr (text, "TOTAL CHARGE"));
  g_assert_nonnull (strstr (text, "PAGE 1 OF 1"));
}

/* The carrier block: the payer's name and address at the top right, on
 * lines 2–5 from column 41, above box 1; a long address keeps to its
 * four lines. */
static void
test_carrier (void)
{
  g_autoptr(PalpClaimForm) form = make_form (1);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autofree char *text = NULL;
  Box carrier = { origin_x + 40 * pitch_x, origin_y + 1 * pitch_y,
                  origin_x + 80 * pitch_x, origin_y + 5 * pitch_y };

  form->payer_name = g_strdup ("Evergreen Mutual Auto");
  form->payer_address = g_strdup ("Claims Department\n\nPO Box 9050\nTacoma, WA 98409\nUSA");
  pdf = render (form, NULL, "claim-carrier.pdf");
  page = poppler_document_get_page (pdf, 0);
  assert_in_box_at (page, "EVERGREEN MUTUAL AUTO", carrier, 0, 0, NULL, NULL);
  assert_in_box_at (page, "CLAIMS DEPARTMENT", carrier, 0, 0, NULL, NULL);
  assert_in_box_at (page, "PO BOX 9050", carrier, 0, 0, NULL, NULL);
  /* The fourth line takes what is left of the address. */
  assert_in_box_at (page, "TACOMA, WA 98409 USA", carrier, 0, 0, NULL, NULL);
  text = poppler_page_get_text (page);
  g_assert_null (strstr (text, "\nUSA"));
}

static void
test_preprinted (void)
{
  g_autoptr(PalpClaimForm) form = make_form (5);
  PalpDocClaimOptions options = { TRUE, 0, 0 };
  g_autoptr(TestPdf) pdf = render (form, &options, "claim-preprinted.pdf");
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, 0);
  g_autofree char *text = poppler_page_get_text (page);

  check_boxes (pdf, form, 0, 0);
  /* Data only: the red form is already on the paper. */
  g_assert_null (strstr (text, "HEALTH INSURANCE CLAIM FORM"));
  g_assert_null (strstr (text, "PATIENT'S NAME"));
  g_assert_null (strstr (text, "TOTAL CHARGE"));
}

/* The clinic's offsets move every datum by exactly that much, and only on
 * pre-printed forms. */
static void
test_offsets (void)
{
  g_autoptr(PalpClaimForm) form = make_form (8);
  PalpDocClaimOptions plain = { TRUE, 0, 0 };
  PalpDocClaimOptions moved = { TRUE, OFFSET_X_MM, OFFSET_Y_MM };
  PalpDocClaimOptions blank_moved = { FALSE, OFFSET_X_MM, OFFSET_Y_MM };
  g_autoptr(TestPdf) pdf_plain = render (form, &plain, "claim-preprinted-2-forms.pdf");
  g_autoptr(TestPdf) pdf_moved = render (form, &moved, "claim-offsets.pdf");
  g_autoptr(TestPdf) pdf_blank = render (form, &blank_moved, "claim-blank-2-forms.pdf");
  double dx = OFFSET_X_MM * MM_TO_PT, dy = OFFSET_Y_MM * MM_TO_PT;
  static const struct { const char *text; const char *box; } probes[] = {
    { "AC-77120453", "1a" }, { "WHITFIELD, DANA, Q", "2" }, { "05 09 1984", "3" },
    { "M542", "21" }, { "911234567", "25" }, { "1245319599", "33" },
  };

  check_boxes (pdf_moved, form, dx, dy);
  check_boxes (pdf_blank, form, 0, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      g_autoptr(TestPage) page_plain = poppler_document_get_page (pdf_plain, 0);
      g_autoptr(TestPage) page_moved = poppler_document_get_page (pdf_moved, 0);
      double x0, y0, x1, y1;

      assert_in_box_at (page_plain, probes[i].text, box_rect (probes[i].box), 0, 0, &x0, &y0);
      assert_in_box_at (page_moved, probes[i].text, box_rect (probes[i].box), dx, dy, &x1, &y1);
      g_assert_cmpfloat_with_epsilon (x1 - x0, dx, EPSILON);
      g_assert_cmpfloat_with_epsilon (y1 - y0, dy, EPSILON);
    }
}

/* Characters sit on the grid: 10 to the inch, the field's first cell where
 * the description puts it. */
static void
test_grid (void)
{
  g_autoptr(PalpClaimForm) form = make_form (1);
  g_autoptr(TestPdf) pdf = render (form, NULL, NULL);
  g_autoptr(TestPage) page = poppler_document_get_page (pdf, 0);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects;
  const char *at = strstr (text, "AC-77120453");
  glong first;
  double x, y;

  g_assert_nonnull (at);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  first = g_utf8_pointer_to_offset (text, at);
  field_origin ("1a", "id", &x, &y);
  /* Each character's centre in the middle of its cell. */
  for (glong i = 0; i < 11; i++)
    {
      double cx = (rects[first + i].x1 + rects[first + i].x2) / 2;
      double cy = (rects[first + i].y1 + rects[first + i].y2) / 2;

      g_assert_cmpfloat_with_epsilon (cx, x + (i + 0.5) * pitch_x, 0.6);
      g_assert_cmpfloat (cy, >, y);
      g_assert_cmpfloat (cy, <, y + pitch_y);
    }
}

/* More than six lines continue on further forms, each totalled on its own
 * and numbered. */
static void
test_paginate (void)
{
  g_autoptr(PalpClaimForm) form = make_form (13);
  g_autoptr(TestPdf) pdf = render (form, NULL, "claim-13.pdf");
  gint64 sum = 0;

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  check_boxes (pdf, form, 0, 0);
  for (guint p = 0; p < 3; p++)
    {
      g_autoptr(TestPage) page = poppler_document_get_page (pdf, p);
      g_autofree char *label = g_strdup_printf ("PAGE %u OF 3", p + 1);
      g_autofree char *total = money (palp_claim_form_page_total (form, p));
      g_autofree char *paid = money (form->amount_paid_cents);
      g_autofree char *text = poppler_page_get_text (page);
      gint64 expected = 0;

      for (guint i = p * 6; i < MIN (13, p * 6 + 6); i++)
        expected += ((PalpClaimFormLine *) g_ptr_array_index (form->lines, i))->charge_cents;
      g_assert_cmpint (palp_claim_form_page_total (form, p), ==, expected);
      sum += expected;
      g_assert_nonnull (strstr (text, label));
      assert_in_box (page, total, "28", 0, 0);
      /* The amount paid is on the first form only. */
      if (p == 0)
        assert_in_box (page, paid, "29", 0, 0);
      else
        g_assert_null (strstr (text, paid));
    }
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, palp_claim_form_n_pages (form));

  /* The third form holds the thirteenth line alone, in its first row. */
  {
    g_autoptr(TestPage) page = poppler_document_get_page (pdf, 2);
    g_autoptr(TestPage) page2 = poppler_document_get_page (pdf, 1);
    g_autofree char *text = poppler_page_get_text (page);

    assert_in_box_at (page, "03 20 26", row_rect (0), 0, 0, NULL, NULL);
    /* Line 12's date is not repeated on form 3. */
    g_assert_null (strstr (text, "03 17 26"));
    assert_in_box_at (page2, "03 17 26", row_rect (5), 0, 0, NULL, NULL);
  }

  /* Six lines fit on one form. */
  {
    g_autoptr(PalpClaimForm) six = make_form (6);
    g_autoptr(TestPdf) one = render (six, NULL, NULL);

    g_assert_cmpint (poppler_document_get_n_pages (one), ==, 1);
  }
}

/* Capitals, codes without dots, dates as each box asks, qualifiers. */
static void
test_format (void)
{
  g_autoptr(PalpClaimForm) form = make_form (2);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autofree char *text = NULL;
  PalpClaimFormLine *line;

  line = g_ptr_array_index (form->lines, 1);
  line->modifiers[0] = g_strdup ("gp");
  line->date_to = g_strdup ("2026-03-04");
  pdf = render (form, &(PalpDocClaimOptions) { TRUE, 0, 0 }, NULL);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);

  /* Data only, so every letter on the page is the data's. */
  for (const char *p = text; *p != '\0'; p++)
    g_assert_false (g_ascii_islower (*p));
  g_assert_null (strstr (text, "S13.4"));
  g_assert_null (strstr (text, "M54.2"));
  g_assert_null (strchr (text, '.'));
  assert_in_box (page, "05 09 1984", "11a", 0, 0);   /* MM DD YYYY */
  assert_in_box (page, "02 20 26", "14", 0, 0);      /* MM DD YY */
  assert_in_box (page, "431", "14", 0, 0);
  assert_in_box (page, "DN", "17", 0, 0);
  assert_in_box (page, "MARCUS L OYELARAN MD", "17", 0, 0);
  assert_in_box (page, "1003000126", "17b", 0, 0);
  assert_in_box (page, "Y4", "11b", 0, 0);
  assert_in_box (page, "AC2026-118842", "11b", 0, 0);
  assert_in_box (page, "SIGNATURE ON FILE", "12", 0, 0);
  assert_in_box (page, "SIGNATURE ON FILE", "13", 0, 0);
  assert_in_box (page, "PA-55012", "23", 0, 0);
  assert_in_box (page, "03 20 26", "31", 0, 0);
  assert_in_box (page, "MAYA CASTELLANOS LMT", "31", 0, 0);
  assert_in_box (page, "206", "5", 0, 0);
  assert_in_box (page, "5550187", "5", 0, 0);
  assert_in_box (page, "WA", "10b", 0, 0);
  assert_in_box_at (page, "03 02 26", row_rect (1), 0, 0, NULL, NULL);  /* from */
  assert_in_box_at (page, "03 04 26", row_rect (1), 0, 0, NULL, NULL);  /* to */
  assert_in_box_at (page, "GP", row_rect (1), 0, 0, NULL, NULL);
}

/* Every box the claim can fill, full: twelve diagnoses, four modifiers, a
 * replacement claim, other insurance; a name too long for its box is cut
 * at the box's width, an amount too large for its box is refused. */
static void
test_full (void)
{
  g_autoptr(PalpClaimForm) form = make_form (6);
  g_autoptr(TestPdf) pdf = NULL;
  g_autoptr(TestPage) page = NULL;
  g_autofree char *text = NULL;
  PalpClaimFormLine *line = g_ptr_array_index (form->lines, 0);
  static const char *codes[] = {
    "S13.4XXA", "M54.2", "M62.838", "M79.18", "G44.209", "R68.84",
    "M26.623", "M54.50", "M79.7", "G89.28", "Z87.39", "I89.0",
  };
  static const char *printed[] = {
    "S134XXA", "M542", "M62838", "M7918", "G44209", "R6884",
    "M26623", "M5450", "M797", "G8928", "Z8739", "I890",
  };

  for (guint i = 0; i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
    {
      g_free (form->diagnoses[i]);
      form->diagnoses[i] = g_strdup (codes[i]);
    }
  for (guint m = 0; m < PALP_CLAIM_FORM_MAX_MODIFIERS; m++)
    line->modifiers[m] = g_strdup (((const char *[]) { "GP", "59", "KX", "25" })[m]);
  g_strlcpy (line->pointers, "ALKD", sizeof line->pointers);
  g_free (form->patient_family);
  form->patient_family = g_strdup ("Montgomery-Castellanos-Whitfield");
  form->employment_related = TRUE;
  form->other_insured_name = g_strdup ("WHITFIELD, ROBIN");
  form->other_policy_number = g_strdup ("XG-88120");
  form->other_plan_name = g_strdup ("Cascade Health Plan");
  form->has_other_plan = TRUE;
  form->resubmission_code = g_strdup ("7");
  form->original_reference = g_strdup ("2026031400187");

  pdf = render (form, NULL, "claim-full.pdf");
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    assert_in_box (page, printed[i], "21", 0, 0);
  assert_in_box_at (page, "GP", row_rect (0), 0, 0, NULL, NULL);
  assert_in_box_at (page, "59", row_rect (0), 0, 0, NULL, NULL);
  assert_in_box_at (page, "KX", row_rect (0), 0, 0, NULL, NULL);
  assert_in_box_at (page, "25", row_rect (0), 0, 0, NULL, NULL);
  assert_in_box_at (page, "ALKD", row_rect (0), 0, 0, NULL, NULL);
  assert_in_box (page, "7", "22", 0, 0);
  assert_in_box (page, "2026031400187", "22", 0, 0);
  assert_in_box (page, "WHITFIELD, ROBIN", "9", 0, 0);
  assert_in_box (page, "XG-88120", "9a", 0, 0);
  assert_in_box (page, "CASCADE HEALTH PLAN", "9d", 0, 0);
  /* Box 2 holds 28 characters: the name is cut there. */
  assert_in_box (page, "MONTGOMERY-CASTELLANOS-WHITF", "2", 0, 0);
  g_assert_null (strstr (text, "MONTGOMERY-CASTELLANOS-WHITFIELD, DANA"));

  /* $100,000.00 on one form does not fit box 28's five dollar digits. */
  line->charge_cents = 10000000;
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = palp_doc_claim_render (form, NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_INVALID);
  }
}

static void
assert_refused (const PalpClaimForm *form,
                const char          *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = palp_doc_claim_render (form, NULL, &error);

  g_test_message ("%s: %s", what, error != NULL ? error->message : "(accepted)");
  g_assert_null (bytes);
  g_assert_error (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_refused (void)
{
  {
    g_autoptr(PalpClaimForm) form = make_form (0);

    assert_refused (form, "no lines");
  }
  {
    /* Pointer D with three diagnoses. */
    g_autoptr(PalpClaimForm) form = make_form (3);
    PalpClaimFormLine *line = g_ptr_array_index (form->lines, 2);

    g_strlcpy (line->pointers, "AD", sizeof line->pointers);
    assert_refused (form, "pointer to no diagnosis");
  }
  {
    /* Box 21 holds twelve (A–L): a pointer M would be a thirteenth. */
    g_autoptr(PalpClaimForm) form = make_form (1);
    PalpClaimFormLine *line = g_ptr_array_index (form->lines, 0);

    for (guint i = 0; i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
      if (form->diagnoses[i] == NULL)
        form->diagnoses[i] = g_strdup ("M79.1");
    g_strlcpy (line->pointers, "LM", sizeof line->pointers);
    assert_refused (form, "pointer past L");
    /* Twelve diagnoses are fine, L included. */
    g_strlcpy (line->pointers, "AL", sizeof line->pointers);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = palp_doc_claim_render (form, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (bytes);
    }
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);
    PalpClaimFormLine *line = g_ptr_array_index (form->lines, 0);

    line->pointers[0] = '\0';
    assert_refused (form, "no pointer");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);

    g_free (form->diagnoses[1]);
    form->diagnoses[1] = g_strdup ("neck pain");
    assert_refused (form, "not a code");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);
    PalpClaimFormLine *line = g_ptr_array_index (form->lines, 0);

    g_free (line->date_from);
    line->date_from = g_strdup ("2026-02-30");
    assert_refused (form, "no such date");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);

    g_free (form->insured_id);
    form->insured_id = g_strdup ("AC-77120453-0000000000000000000000");
    assert_refused (form, "identifier too long for 1a");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);
    PalpClaimFormLine *line = g_ptr_array_index (form->lines, 0);

    line->units = 0;
    assert_refused (form, "no units");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);

    g_free (form->coverage_type);
    form->coverage_type = g_strdup ("auto");
    assert_refused (form, "box 1 has no such box");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);

    g_free (form->relationship);
    form->relationship = g_strdup ("cousin");
    assert_refused (form, "box 6 has no such box");
  }
  {
    g_autoptr(PalpClaimForm) form = make_form (1);
    PalpDocClaimOptions options = { TRUE, 80, 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = palp_doc_claim_render (form, &options, &error);

    g_assert_null (bytes);
    g_assert_error (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  load_layout ();

  g_test_add_func ("/claim/blank", test_blank);
  g_test_add_func ("/claim/preprinted", test_preprinted);
  g_test_add_func ("/claim/carrier", test_carrier);
  g_test_add_func ("/claim/offsets", test_offsets);
  g_test_add_func ("/claim/grid", test_grid);
  g_test_add_func ("/claim/paginate", test_paginate);
  g_test_add_func ("/claim/format", test_format);
  g_test_add_func ("/claim/full", test_full);
  g_test_add_func ("/claim/refused", test_refused);

  return g_test_run ();
}
