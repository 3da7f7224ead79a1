/* test-claim-form.c: a claim form's lines make forms of six, each totalled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-claim-form.h"

static void
add_lines (PalpClaimForm *form,
           guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      PalpClaimFormLine *line = palp_claim_form_add_line (form);

      line->code = g_strdup ("97140");
      line->units = 1;
      line->charge_cents = 1000 * (i + 1);
      line->modifiers[0] = g_strdup ("GP");
    }
}

static void
test_claim_form_empty (void)
{
  g_autoptr(PalpClaimForm) form = palp_claim_form_new ();

  g_assert_cmpuint (form->lines->len, ==, 0);
  g_assert_cmpuint (palp_claim_form_n_pages (form), ==, 1);
  g_assert_cmpint (palp_claim_form_page_total (form, 0), ==, 0);
}

static void
test_claim_form_pages (void)
{
  struct { guint lines; guint pages; } cases[] = {
    { 1, 1 }, { 6, 1 }, { 7, 2 }, { 12, 2 }, { 13, 3 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PalpClaimForm) form = palp_claim_form_new ();

      add_lines (form, cases[i].lines);
      g_assert_cmpuint (palp_claim_form_n_pages (form), ==, cases[i].pages);
    }
}

static void
test_claim_form_page_totals (void)
{
  g_autoptr(PalpClaimForm) form = palp_claim_form_new ();

  /* Charges 10.00, 20.00, ... 80.00: the first form holds 10–60, the
   * second 70 and 80. */
  add_lines (form, 8);
  form->claim_number = g_strdup ("C-1");
  form->diagnoses[0] = g_strdup ("M54.2");
  g_assert_cmpint (palp_claim_form_page_total (form, 0), ==, 21000);
  g_assert_cmpint (palp_claim_form_page_total (form, 1), ==, 15000);
  g_assert_cmpint (palp_claim_form_page_total (form, 2), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insurance/claim-form/empty", test_claim_form_empty);
  g_test_add_func ("/insurance/claim-form/pages", test_claim_form_pages);
  g_test_add_func ("/insurance/claim-form/page-totals", test_claim_form_page_totals);

  return g_test_run ();
}
