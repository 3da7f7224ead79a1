/* test-receipt-split.c: one receipt per category and practitioner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-core-error.h"
#include "palp-receipt-split.h"

#define CLIENT       7
#define ALICE        11
#define BOB          12

static PalpBillingLine *
make_line (gint64               visit_id,
           const char          *date,
           gint64               practitioner_id,
           PalpServiceCategory  category,
           const char          *description,
           guint                minutes,
           gint64               unit_price_cents)
{
  PalpBillingLine *line = palp_billing_line_new ();

  line->visit_id = visit_id;
  line->client_id = CLIENT;
  line->date = g_strdup (date);
  line->practitioner_id = practitioner_id;
  line->category = category;
  line->description = g_strdup (description);
  line->minutes = minutes;
  line->unit_price_cents = unit_price_cents;
  line->quantity = 1;

  return line;
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) palp_billing_line_free);
}

static void
add_gst (PalpBillingLine *line)
{
  g_autoptr(PalpTaxComponent) gst = palp_tax_component_new ("GST", 50000, "123456789 RT0001");

  palp_billing_line_add_tax (line, gst);
}

static PalpReceiptGroup *
group_at (GPtrArray *groups,
          guint      i)
{
  return g_ptr_array_index (groups, i);
}

static PalpBillingLine *
line_at (PalpReceiptGroup *group,
         guint             i)
{
  return g_ptr_array_index (group->lines, i);
}

static void
test_split_mixed_visit (void)
{
  /* The combined session of the practice advisory: 30 minutes of
   * therapeutic TMJ massage and a 30-minute esthetic facial, one visit,
   * one practitioner, both taxed. The facial is listed first on purpose. */
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  PalpBillingLine *tmj;
  PalpBillingLine *facial;
  PalpReceiptGroup *group;

  facial = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_ESTHETIC,
                      "Esthetic facial 30 min", 30, 6000);
  add_gst (facial);
  g_ptr_array_add (lines, facial);
  tmj = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                   "Therapeutic facial / TMJ massage 30 min", 30, 7000);
  tmj->code = g_strdup ("97140");
  add_gst (tmj);
  g_ptr_array_add (lines, tmj);

  g_assert_true (palp_billing_lines_combine_categories (lines));

  groups = palp_receipt_split (lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);

  group = group_at (groups, 0);
  g_assert_cmpint (group->category, ==, PALP_SERVICE_CATEGORY_THERAPEUTIC);
  g_assert_cmpint (group->practitioner_id, ==, ALICE);
  g_assert_cmpuint (group->lines->len, ==, 1);
  g_assert_cmpstr (line_at (group, 0)->description, ==, "Therapeutic facial / TMJ massage 30 min");
  g_assert_cmpstr (line_at (group, 0)->code, ==, "97140");
  g_assert_cmpuint (line_at (group, 0)->minutes, ==, 30);
  g_assert_cmpint (group->subtotal_cents, ==, 7000);
  g_assert_cmpuint (group->taxes->len, ==, 1);
  g_assert_cmpint (((PalpTaxAmount *) g_ptr_array_index (group->taxes, 0))->amount_cents, ==, 350);
  g_assert_cmpint (group->tax_cents, ==, 350);
  g_assert_cmpint (group->total_cents, ==, 7350);

  group = group_at (groups, 1);
  g_assert_cmpint (group->category, ==, PALP_SERVICE_CATEGORY_ESTHETIC);
  g_assert_cmpint (group->practitioner_id, ==, ALICE);
  g_assert_cmpuint (group->lines->len, ==, 1);
  g_assert_cmpstr (line_at (group, 0)->description, ==, "Esthetic facial 30 min");
  g_assert_null (line_at (group, 0)->code);
  g_assert_cmpint (group->subtotal_cents, ==, 6000);
  g_assert_cmpint (group->tax_cents, ==, 300);
  g_assert_cmpint (group->total_cents, ==, 6300);

  /* The input is left as it was. */
  g_assert_true (g_ptr_array_index (lines, 0) == facial);
  g_assert_cmpuint (lines->len, ==, 2);
}

static void
test_split_two_practitioners (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  /* Bob first in the input; Alice (the lower id) first in the output. */
  g_ptr_array_add (lines, make_line (2, "2026-03-15", BOB, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Massage therapy 60 min", 60, 11000));
  g_ptr_array_add (lines, make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Massage therapy 60 min", 60, 12000));

  groups = palp_receipt_split (lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpint (group_at (groups, 0)->practitioner_id, ==, ALICE);
  g_assert_cmpint (group_at (groups, 0)->total_cents, ==, 12000);
  g_assert_cmpint (group_at (groups, 1)->practitioner_id, ==, BOB);
  g_assert_cmpint (group_at (groups, 1)->total_cents, ==, 11000);
  g_assert_cmpuint (group_at (groups, 0)->taxes->len, ==, 0);
  g_assert_false (palp_billing_lines_combine_categories (lines));
}

static void
test_split_other_category_and_order (void)
{
  /* Two visits of Alice's plus a no-show fee: therapeutic lines on one
   * receipt ordered by date, the fee on its own G- receipt. */
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  PalpReceiptGroup *therapeutic;
  PalpBillingLine *fee;

  fee = make_line (3, "2026-03-10", ALICE, PALP_SERVICE_CATEGORY_OTHER, "No-show fee", 0, 4000);
  g_ptr_array_add (lines, fee);
  g_ptr_array_add (lines, make_line (5, "2026-03-20", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Massage therapy 60 min", 60, 11000));
  g_ptr_array_add (lines, make_line (4, "2026-03-12", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Intra-oral massage 30 min", 30, 7000));
  g_ptr_array_add (lines, make_line (4, "2026-03-12", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Massage therapy 60 min", 60, 11000));

  /* A fee beside therapeutic work is not a combined session. */
  g_assert_false (palp_billing_lines_combine_categories (lines));

  groups = palp_receipt_split (lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);

  therapeutic = group_at (groups, 0);
  g_assert_cmpint (therapeutic->category, ==, PALP_SERVICE_CATEGORY_THERAPEUTIC);
  g_assert_cmpuint (therapeutic->lines->len, ==, 3);
  g_assert_cmpstr (line_at (therapeutic, 0)->date, ==, "2026-03-12");
  g_assert_cmpstr (line_at (therapeutic, 0)->description, ==, "Intra-oral massage 30 min");
  g_assert_cmpstr (line_at (therapeutic, 1)->date, ==, "2026-03-12");
  g_assert_cmpstr (line_at (therapeutic, 1)->description, ==, "Massage therapy 60 min");
  g_assert_cmpstr (line_at (therapeutic, 2)->date, ==, "2026-03-20");
  g_assert_cmpint (therapeutic->total_cents, ==, 29000);

  g_assert_cmpint (group_at (groups, 1)->category, ==, PALP_SERVICE_CATEGORY_OTHER);
  g_assert_cmpuint (group_at (groups, 1)->lines->len, ==, 1);
  g_assert_cmpint (group_at (groups, 1)->total_cents, ==, 4000);
}

static void
test_split_quantity_and_tax_per_receipt (void)
{
  /* Three $0.10 products at 5%: the receipt carries 2 cents of GST, not 3. */
  g_autoptr(GPtrArray) lines = lines_new ();
  g_autoptr(GPtrArray) groups = NULL;
  PalpBillingLine *line;

  for (int i = 0; i < 3; i++)
    {
      line = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_OTHER, "Sample", 0, 10);
      add_gst (line);
      g_ptr_array_add (lines, line);
    }
  line = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_OTHER, "Lotion", 0, 1250);
  line->quantity = 2;
  g_ptr_array_add (lines, line);

  groups = palp_receipt_split (lines, NULL);
  g_assert_nonnull (groups);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpint (group_at (groups, 0)->subtotal_cents, ==, 30 + 2500);
  g_assert_cmpint (group_at (groups, 0)->tax_cents, ==, 2);
  g_assert_cmpint (group_at (groups, 0)->total_cents, ==, 2532);
}

static void
assert_split_fails (GPtrArray  *lines,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = palp_receipt_split (lines, &error);

  g_assert_null (groups);
  g_assert_error (error, PALP_CORE_ERROR, code);
}

static void
test_split_refuses_bad_lines (void)
{
  g_autoptr(GPtrArray) empty = lines_new ();
  struct {
    const char *what;
    int         code;
  } cases[] = {
    { "esthetic with code", PALP_CORE_ERROR_INVALID },
    { "no practitioner", PALP_CORE_ERROR_REQUIRED },
    { "bad date", PALP_CORE_ERROR_INVALID },
    { "impossible date", PALP_CORE_ERROR_INVALID },
    { "quantity zero", PALP_CORE_ERROR_INVALID },
    { "negative price", PALP_CORE_ERROR_INVALID },
    { "no description", PALP_CORE_ERROR_REQUIRED },
    { "two clients", PALP_CORE_ERROR_INVALID },
    { "bad category", PALP_CORE_ERROR_INVALID },
    { "tax twice", PALP_CORE_ERROR_INVALID },
    { "zero tax", PALP_CORE_ERROR_INVALID },
    { "too long", PALP_CORE_ERROR_INVALID },
  };

  assert_split_fails (empty, PALP_CORE_ERROR_REQUIRED);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) lines = lines_new ();
      PalpBillingLine *good = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                         "Massage therapy 60 min", 60, 11000);
      PalpBillingLine *bad = make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_ESTHETIC,
                                        "Hydrating facial 45 min", 45, 9000);

      g_test_message ("case: %s", cases[i].what);

      switch (i)
        {
        case 0: bad->code = g_strdup ("97124"); break;
        case 1: bad->practitioner_id = 0; break;
        case 2: g_free (bad->date); bad->date = g_strdup ("14/03/2026"); break;
        case 3: g_free (bad->date); bad->date = g_strdup ("2026-02-30"); break;
        case 4: bad->quantity = 0; break;
        case 5: bad->unit_price_cents = -100; break;
        case 6: g_free (bad->description); bad->description = g_strdup ("  "); break;
        case 7: bad->client_id = CLIENT + 1; break;
        case 8: bad->category = (PalpServiceCategory) 9; break;
        case 9: add_gst (bad); add_gst (bad); break;
        case 10:
          {
            g_autoptr(PalpTaxComponent) zero = palp_tax_component_new ("GST", 0, NULL);

            palp_billing_line_add_tax (bad, zero);
          }
          break;
        case 11:
          g_free (bad->description);
          bad->description = g_strnfill (PALP_BILLING_DESCRIPTION_MAX_CHARS + 1, 'x');
          break;
        default:
          g_assert_not_reached ();
        }

      g_ptr_array_add (lines, good);
      g_ptr_array_add (lines, bad);
      assert_split_fails (lines, cases[i].code);
    }
}

static void
test_split_never_mixes (void)
{
  /* Many random checkouts: every receipt holds one category and one
   * practitioner, every line lands on exactly one receipt, the
   * (category, practitioner) pairs are unique and in order, and the
   * totals add up. */
  for (int round = 0; round < 200; round++)
    {
      g_autoptr(GPtrArray) lines = lines_new ();
      g_autoptr(GPtrArray) groups = NULL;
      g_autoptr(GError) error = NULL;
      guint n_lines = g_test_rand_int_range (1, 12);
      gint64 input_total = 0;
      gint64 output_subtotal = 0;
      guint output_lines = 0;

      for (guint i = 0; i < n_lines; i++)
        {
          g_autofree char *date = g_strdup_printf ("2026-03-%02d", g_test_rand_int_range (1, 29));
          PalpBillingLine *line = make_line (g_test_rand_int_range (1, 4), date,
                                             g_test_rand_int_range (1, 4),
                                             (PalpServiceCategory) g_test_rand_int_range (0, 3),
                                             "Service", 30, g_test_rand_int_range (0, 20000));

          line->quantity = g_test_rand_int_range (1, 4);
          if (g_test_rand_bit ())
            add_gst (line);
          input_total += line->unit_price_cents * line->quantity;
          g_ptr_array_add (lines, line);
        }

      groups = palp_receipt_split (lines, &error);
      g_assert_no_error (error);

      for (guint g = 0; g < groups->len; g++)
        {
          PalpReceiptGroup *group = group_at (groups, g);
          gint64 subtotal = 0;
          gint64 taxed = 0;

          if (g > 0)
            {
              PalpReceiptGroup *prev = group_at (groups, g - 1);

              g_assert_true (prev->category < group->category
                             || (prev->category == group->category
                                 && prev->practitioner_id < group->practitioner_id));
            }

          g_assert_cmpuint (group->lines->len, >, 0);
          for (guint l = 0; l < group->lines->len; l++)
            {
              PalpBillingLine *line = line_at (group, l);

              g_assert_cmpint (line->category, ==, group->category);
              g_assert_cmpint (line->practitioner_id, ==, group->practitioner_id);
              subtotal += line->unit_price_cents * line->quantity;
              if (line->taxes->len > 0)
                taxed += line->unit_price_cents * line->quantity;
              if (l > 0)
                g_assert_cmpstr (line_at (group, l - 1)->date, <=, line->date);
            }

          g_assert_cmpint (group->subtotal_cents, ==, subtotal);
          g_assert_cmpint (group->tax_cents, ==, (taxed * 5 + 50) / 100);
          g_assert_cmpint (group->total_cents, ==, subtotal + group->tax_cents);
          output_subtotal += subtotal;
          output_lines += group->lines->len;
        }

      g_assert_cmpuint (output_lines, ==, n_lines);
      g_assert_cmpint (output_subtotal, ==, input_total);
    }
}

static void
test_combine_categories_per_visit (void)
{
  g_autoptr(GPtrArray) lines = lines_new ();

  /* Therapeutic on visit 1, esthetic on visit 2: two sessions, no warning. */
  g_ptr_array_add (lines, make_line (1, "2026-03-14", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Massage therapy 60 min", 60, 11000));
  g_ptr_array_add (lines, make_line (2, "2026-03-15", ALICE, PALP_SERVICE_CATEGORY_ESTHETIC,
                                     "Esthetic facial 30 min", 30, 6000));
  g_assert_false (palp_billing_lines_combine_categories (lines));

  g_ptr_array_add (lines, make_line (2, "2026-03-15", ALICE, PALP_SERVICE_CATEGORY_THERAPEUTIC,
                                     "Intra-oral massage 30 min", 30, 7000));
  g_assert_true (palp_billing_lines_combine_categories (lines));
}

static void
test_service_category_keys (void)
{
  PalpServiceCategory category;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < PALP_SERVICE_CATEGORY_COUNT; i++)
    {
      g_assert_true (palp_service_category_from_key (palp_service_category_to_key (i), &category,
                                                     NULL));
      g_assert_cmpuint (category, ==, i);
      g_assert_true (palp_service_category_from_series (palp_service_category_series (i),
                                                        &category));
      g_assert_cmpuint (category, ==, i);
      g_assert_nonnull (palp_service_category_label (i));
    }

  g_assert_cmpstr (palp_service_category_series (PALP_SERVICE_CATEGORY_THERAPEUTIC), ==, "T");
  g_assert_cmpstr (palp_service_category_series (PALP_SERVICE_CATEGORY_ESTHETIC), ==, "E");
  g_assert_cmpstr (palp_service_category_series (PALP_SERVICE_CATEGORY_OTHER), ==, "G");
  g_assert_true (palp_service_category_is_clinical (PALP_SERVICE_CATEGORY_THERAPEUTIC));
  g_assert_false (palp_service_category_is_clinical (PALP_SERVICE_CATEGORY_ESTHETIC));
  g_assert_false (palp_service_category_is_clinical (PALP_SERVICE_CATEGORY_OTHER));
  g_assert_false (palp_service_category_from_key ("cosmetic", &category, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_false (palp_service_category_from_series ("X", &category));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/split/mixed-visit", test_split_mixed_visit);
  g_test_add_func ("/billing/split/two-practitioners", test_split_two_practitioners);
  g_test_add_func ("/billing/split/other-category-and-order", test_split_other_category_and_order);
  g_test_add_func ("/billing/split/quantity-and-tax-per-receipt",
                   test_split_quantity_and_tax_per_receipt);
  g_test_add_func ("/billing/split/refuses-bad-lines", test_split_refuses_bad_lines);
  g_test_add_func ("/billing/split/never-mixes", test_split_never_mixes);
  g_test_add_func ("/billing/split/combine-categories-per-visit",
                   test_combine_categories_per_visit);
  g_test_add_func ("/billing/category/keys", test_service_category_keys);

  return g_test_run ();
}
