/* test-tax.c: tax components, rates and rounding in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-core-error.h"
#include "palp-tax.h"

#define GST_NUMBER "123456789 RT0001"

static void
test_tax_compute_rounds_half_up (void)
{
  /* 5% of $10.00 */
  g_assert_cmpint (palp_tax_compute (1000, 50000), ==, 50);
  /* 5% of $10.10 is 50.5 cents: the half cent counts as one. */
  g_assert_cmpint (palp_tax_compute (1010, 50000), ==, 51);
  /* 5% of $10.09 is 50.45 cents: dropped. */
  g_assert_cmpint (palp_tax_compute (1009, 50000), ==, 50);
  /* Quebec QST 9.975% of $100.00 is 997.5 cents. */
  g_assert_cmpint (palp_tax_compute (10000, 99750), ==, 998);
  /* A credit mirrors its charge. */
  g_assert_cmpint (palp_tax_compute (-1010, 50000), ==, -51);
  g_assert_cmpint (palp_tax_compute (0, 130000), ==, 0);
}

static void
test_tax_gst_and_pst (void)
{
  /* British Columbia: GST 5% and PST 7% on a $85.00 service, each on its
   * own line with its own number. */
  g_autoptr(GPtrArray) amounts = palp_tax_amounts_new ();
  g_autoptr(PalpTaxComponent) gst = palp_tax_component_new ("GST", 50000, GST_NUMBER);
  g_autoptr(PalpTaxComponent) pst = palp_tax_component_new ("PST", 70000, "PST-1234-5678");
  const PalpTaxAmount *row;

  g_assert_true (palp_tax_amounts_add (amounts, gst, 8500, NULL));
  g_assert_true (palp_tax_amounts_add (amounts, pst, 8500, NULL));
  g_assert_cmpuint (amounts->len, ==, 2);

  row = g_ptr_array_index (amounts, 0);
  g_assert_cmpstr (row->component->name, ==, "GST");
  g_assert_cmpstr (row->component->registration, ==, GST_NUMBER);
  g_assert_cmpint (row->base_cents, ==, 8500);
  g_assert_cmpint (row->amount_cents, ==, 425);
  row = g_ptr_array_index (amounts, 1);
  g_assert_cmpstr (row->component->name, ==, "PST");
  g_assert_cmpint (row->amount_cents, ==, 595);
  g_assert_cmpint (palp_tax_amounts_total (amounts), ==, 1020);
}

static void
test_tax_hst (void)
{
  /* Ontario HST 13% on $95.00 and $47.50. */
  g_autoptr(GPtrArray) amounts = palp_tax_amounts_new ();
  g_autoptr(PalpTaxComponent) hst = palp_tax_component_new ("HST", 130000, GST_NUMBER);

  g_assert_true (palp_tax_amounts_add (amounts, hst, 9500, NULL));
  g_assert_true (palp_tax_amounts_add (amounts, hst, 4750, NULL));
  g_assert_cmpuint (amounts->len, ==, 1);
  /* 13% of 142.50 = 18.525 -> 18.53 */
  g_assert_cmpint (((PalpTaxAmount *) g_ptr_array_index (amounts, 0))->base_cents, ==, 14250);
  g_assert_cmpint (palp_tax_amounts_total (amounts), ==, 1853);
}

static void
test_tax_rounds_once_per_receipt (void)
{
  /* Three 10-cent items at 5%: rounding each line would charge 3 cents
   * (0.5 -> 1, three times); the tax payable on 30 cents is 1.5 -> 2. */
  g_autoptr(GPtrArray) amounts = palp_tax_amounts_new ();
  g_autoptr(PalpTaxComponent) gst = palp_tax_component_new ("GST", 50000, GST_NUMBER);
  gint64 per_line = 0;

  for (int i = 0; i < 3; i++)
    {
      g_assert_true (palp_tax_amounts_add (amounts, gst, 10, NULL));
      per_line += palp_tax_compute (10, 50000);
    }

  g_assert_cmpint (per_line, ==, 3);
  g_assert_cmpint (palp_tax_amounts_total (amounts), ==, 2);
  g_assert_cmpint (palp_tax_amounts_total (amounts), ==, palp_tax_compute (30, 50000));
}

static void
test_tax_components_identity (void)
{
  g_autoptr(GPtrArray) amounts = palp_tax_amounts_new ();
  g_autoptr(PalpTaxComponent) gst = palp_tax_component_new ("GST", 50000, GST_NUMBER);
  g_autoptr(PalpTaxComponent) gst_copy = palp_tax_component_copy (gst);
  g_autoptr(PalpTaxComponent) gst_empty_reg = palp_tax_component_new ("GST", 50000, "");
  g_autoptr(PalpTaxComponent) gst_no_reg = palp_tax_component_new ("GST", 50000, NULL);
  g_autoptr(PalpTaxComponent) gst_old_rate = palp_tax_component_new ("GST", 70000, GST_NUMBER);

  g_assert_true (palp_tax_component_equal (gst, gst_copy));
  g_assert_true (palp_tax_component_equal (gst_empty_reg, gst_no_reg));
  g_assert_null (gst_empty_reg->registration);
  g_assert_false (palp_tax_component_equal (gst, gst_no_reg));
  g_assert_false (palp_tax_component_equal (gst, gst_old_rate));

  /* Different rates are different rows: a rate change mid-period. */
  g_assert_true (palp_tax_amounts_add (amounts, gst, 1000, NULL));
  g_assert_true (palp_tax_amounts_add (amounts, gst_old_rate, 1000, NULL));
  g_assert_true (palp_tax_amounts_add (amounts, gst_copy, 1000, NULL));
  g_assert_cmpuint (amounts->len, ==, 2);
  g_assert_cmpint (((PalpTaxAmount *) g_ptr_array_index (amounts, 0))->amount_cents, ==, 100);
  g_assert_cmpint (((PalpTaxAmount *) g_ptr_array_index (amounts, 1))->amount_cents, ==, 70);
}

static void
test_tax_component_validate (void)
{
  struct { const char *name; guint32 rate; const char *reg; int code; } cases[] = {
    { "", 50000, NULL, PALP_CORE_ERROR_REQUIRED },
    { "   ", 50000, NULL, PALP_CORE_ERROR_REQUIRED },
    { NULL, 50000, NULL, PALP_CORE_ERROR_REQUIRED },
    { "GST", 0, NULL, PALP_CORE_ERROR_INVALID },
    { "GST", PALP_TAX_RATE_MAX_PPM + 1, NULL, PALP_CORE_ERROR_INVALID },
    { "A tax name far longer than any real tax name", 50000, NULL, PALP_CORE_ERROR_INVALID },
  };
  g_autoptr(PalpTaxComponent) good = palp_tax_component_new ("GST", 50000, GST_NUMBER);
  g_autoptr(GPtrArray) amounts = palp_tax_amounts_new ();
  g_autoptr(GError) add_error = NULL;

  g_assert_true (palp_tax_component_validate (good, NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PalpTaxComponent) bad = palp_tax_component_new (cases[i].name, cases[i].rate,
                                                                 cases[i].reg);
      g_autoptr(GError) error = NULL;

      g_assert_false (palp_tax_component_validate (bad, &error));
      g_assert_error (error, PALP_CORE_ERROR, cases[i].code);
    }

  /* An invalid component adds nothing. */
  {
    g_autoptr(PalpTaxComponent) zero = palp_tax_component_new ("GST", 0, NULL);

    g_assert_false (palp_tax_amounts_add (amounts, zero, 1000, &add_error));
    g_assert_error (add_error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
    g_assert_cmpuint (amounts->len, ==, 0);
  }
}

static void
test_tax_rate_parse (void)
{
  struct { const char *text; guint32 ppm; } good[] = {
    { "5", 50000 }, { "5%", 50000 }, { " 5 % ", 50000 }, { "13", 130000 },
    { "9.975", 99750 }, { "9,975 %", 99750 }, { "9,975\xc2\xa0%", 99750 },
    { "0.0001", 1 }, { "50", 500000 }, { ".5", 5000 },
  };
  struct { const char *text; int code; } bad[] = {
    { "", PALP_CORE_ERROR_REQUIRED }, { "%", PALP_CORE_ERROR_REQUIRED },
    { "0", PALP_CORE_ERROR_INVALID }, { "50.0001", PALP_CORE_ERROR_INVALID },
    { "500", PALP_CORE_ERROR_INVALID }, { "5.12345", PALP_CORE_ERROR_INVALID },
    { "abc", PALP_CORE_ERROR_INVALID }, { "-5", PALP_CORE_ERROR_INVALID },
    { "5.5.5", PALP_CORE_ERROR_INVALID }, { "0.05 GST", PALP_CORE_ERROR_INVALID },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 ppm = 0;

      if (!palp_tax_rate_parse (good[i].text, &ppm, &error))
        g_error ("“%s” did not parse: %s", good[i].text, error->message);
      g_assert_cmpuint (ppm, ==, good[i].ppm);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 ppm = 77;

      g_assert_false (palp_tax_rate_parse (bad[i].text, &ppm, &error));
      g_assert_error (error, PALP_CORE_ERROR, bad[i].code);
      g_assert_cmpuint (ppm, ==, 77);
    }
}

static void
test_tax_rate_format (void)
{
  struct { guint32 ppm; const char *lang; const char *text; } cases[] = {
    { 50000, "en", "5%" }, { 99750, "en", "9.975%" }, { 130000, NULL, "13%" },
    { 5000, "en", "0.5%" }, { 99750, "fr", "9,975\xc2\xa0%" }, { 50000, "fr_CA", "5\xc2\xa0%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = palp_tax_rate_format (cases[i].ppm, cases[i].lang);
      guint32 back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (palp_tax_rate_parse (text, &back, NULL));
      g_assert_cmpuint (back, ==, cases[i].ppm);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/tax/compute-rounds-half-up", test_tax_compute_rounds_half_up);
  g_test_add_func ("/billing/tax/gst-and-pst", test_tax_gst_and_pst);
  g_test_add_func ("/billing/tax/hst", test_tax_hst);
  g_test_add_func ("/billing/tax/rounds-once-per-receipt", test_tax_rounds_once_per_receipt);
  g_test_add_func ("/billing/tax/component-identity", test_tax_components_identity);
  g_test_add_func ("/billing/tax/component-validate", test_tax_component_validate);
  g_test_add_func ("/billing/tax/rate-parse", test_tax_rate_parse);
  g_test_add_func ("/billing/tax/rate-format", test_tax_rate_format);

  return g_test_run ();
}
