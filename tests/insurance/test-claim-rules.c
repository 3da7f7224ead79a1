/* test-claim-rules.c: a claim's statuses, pre-flight, minutes fitted to the
 * note and aging, on plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "palp-claim-preflight.h"
#include "palp-claim-status.h"
#include <string.h>

#include "palp-core-error.h"

/* Facts of a claim with nothing wrong: every problem is one change away. */
static PalpClaimFacts
clean_facts (void)
{
  PalpClaimFacts f = { 0 };

  f.first_service_on = "2026-03-02";
  f.last_service_on = "2026-03-16";
  f.n_lines = 3;
  f.n_diagnoses = 2;
  f.referral_required = TRUE;
  f.referral_found = TRUE;
  f.referral_expires_on = "2026-06-01";
  f.authorisation_required = TRUE;
  f.authorisation_found = TRUE;
  f.authorisation_ends_on = "2026-04-30";
  f.authorisation_left = 5;
  f.authorisation_needed = 3;
  f.visit_limit = 10;
  f.visits_counted = 10;
  f.plan_found = TRUE;
  f.n_measurable_goals = 2;
  f.n_measurements = 1;
  f.rendering_npi = "1234567893";
  f.billing_npi = "1245319599";
  f.tax_id = "91-1234567";
  f.assignment_on_file = TRUE;
  return f;
}

/* @facts give exactly @expected, said in exactly one sentence holding
 * @word. */
static void
assert_only (const PalpClaimFacts *facts,
             PalpClaimProblem      expected,
             const char           *word)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  PalpClaimProblem found = palp_claim_preflight (facts, messages);

  for (guint i = 0; i < messages->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (messages, i));
  g_assert_cmphex (found, ==, expected);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), word));
}

static void
test_preflight_clean (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  PalpClaimFacts f = clean_facts ();

  g_assert_cmphex (palp_claim_preflight (&f, messages), ==, PALP_CLAIM_PROBLEM_NONE);
  g_assert_cmpuint (messages->len, ==, 0);
  /* A payer that needs neither a referral nor an authorisation. */
  f.referral_required = f.authorisation_required = f.referral_found = FALSE;
  f.authorisation_found = FALSE;
  g_assert_cmphex (palp_claim_preflight (&f, NULL), ==, PALP_CLAIM_PROBLEM_NONE);
}

static void
test_preflight_each_problem (void)
{
  PalpClaimFacts f;

  f = clean_facts ();
  f.n_diagnoses = 0;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_DIAGNOSIS, "diagnosis");

  f = clean_facts ();
  f.n_lines_without_pointer = 2;
  assert_only (&f, PALP_CLAIM_PROBLEM_POINTERS, "2 service lines");

  f = clean_facts ();
  f.n_lines = 0;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_LINES, "no service lines");

  f = clean_facts ();
  f.referral_found = FALSE;
  assert_only (&f, PALP_CLAIM_PROBLEM_REFERRAL_MISSING, "requires a referral");

  f = clean_facts ();
  f.referral_expires_on = "2026-03-15";
  assert_only (&f, PALP_CLAIM_PROBLEM_REFERRAL_EXPIRED, "expired on 2026-03-15");
  /* Expiring on the last date of service still covers it. */
  f.referral_expires_on = "2026-03-16";
  g_assert_cmphex (palp_claim_preflight (&f, NULL), ==, PALP_CLAIM_PROBLEM_NONE);

  f = clean_facts ();
  f.authorisation_found = FALSE;
  assert_only (&f, PALP_CLAIM_PROBLEM_AUTHORISATION_MISSING, "prior authorisation");

  f = clean_facts ();
  f.authorisation_ends_on = "2026-03-09";
  assert_only (&f, PALP_CLAIM_PROBLEM_AUTHORISATION_EXPIRED, "expired on 2026-03-09");

  f = clean_facts ();
  f.authorisation_left = 2;
  assert_only (&f, PALP_CLAIM_PROBLEM_AUTHORISATION_EXHAUSTED, "2 left, the claim needs 3");
  f.authorisation_left = 3;
  g_assert_cmphex (palp_claim_preflight (&f, NULL), ==, PALP_CLAIM_PROBLEM_NONE);

  f = clean_facts ();
  f.visits_counted = 11;
  assert_only (&f, PALP_CLAIM_PROBLEM_VISIT_LIMIT, "11 visits counted");
  f.visit_limit = 0;
  g_assert_cmphex (palp_claim_preflight (&f, NULL), ==, PALP_CLAIM_PROBLEM_NONE);

  f = clean_facts ();
  f.n_measurable_goals = 0;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS, "no measurable goals");
  f.plan_found = FALSE;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS, "No treatment plan");

  f = clean_facts ();
  f.n_measurements = 0;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_PROGRESS, "No progress");

  f = clean_facts ();
  f.n_unsigned_notes = 1;
  assert_only (&f, PALP_CLAIM_PROBLEM_UNSIGNED_NOTE, "not signed");

  f = clean_facts ();
  f.rendering_npi = "1234567890";
  assert_only (&f, PALP_CLAIM_PROBLEM_RENDERING_NPI, "not a valid NPI");
  f.rendering_npi = NULL;
  assert_only (&f, PALP_CLAIM_PROBLEM_RENDERING_NPI, "has no NPI");

  f = clean_facts ();
  f.billing_npi = "12345";
  assert_only (&f, PALP_CLAIM_PROBLEM_BILLING_NPI, "billing NPI");

  f = clean_facts ();
  f.tax_id = "91-12345";
  assert_only (&f, PALP_CLAIM_PROBLEM_TAX_ID, "EIN");
  f.tax_id = NULL;
  assert_only (&f, PALP_CLAIM_PROBLEM_TAX_ID, "no tax id");

  f = clean_facts ();
  f.assignment_on_file = FALSE;
  assert_only (&f, PALP_CLAIM_PROBLEM_NO_ASSIGNMENT, "assignment of benefits");
}

static void
test_preflight_all_at_once (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  PalpClaimFacts f = { 0 };
  PalpClaimProblem found;

  /* Nothing known: every problem that can be said at once is said. */
  f.referral_required = f.authorisation_required = TRUE;
  f.last_service_on = "2026-03-16";
  f.visit_limit = 1;
  f.visits_counted = 2;
  f.n_unsigned_notes = 2;
  found = palp_claim_preflight (&f, messages);
  g_assert_cmphex (found, ==, PALP_CLAIM_PROBLEM_NO_LINES | PALP_CLAIM_PROBLEM_NO_DIAGNOSIS
                              | PALP_CLAIM_PROBLEM_REFERRAL_MISSING
                              | PALP_CLAIM_PROBLEM_AUTHORISATION_MISSING
                              | PALP_CLAIM_PROBLEM_VISIT_LIMIT
                              | PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS
                              | PALP_CLAIM_PROBLEM_UNSIGNED_NOTE
                              | PALP_CLAIM_PROBLEM_RENDERING_NPI | PALP_CLAIM_PROBLEM_BILLING_NPI
                              | PALP_CLAIM_PROBLEM_TAX_ID | PALP_CLAIM_PROBLEM_NO_ASSIGNMENT);
  g_assert_cmpuint (messages->len, ==, 11);
}

static void
test_tax_id (void)
{
  gboolean ssn = TRUE;

  g_assert_true (palp_claim_tax_id_is_valid ("91-1234567", &ssn));
  g_assert_false (ssn);
  g_assert_true (palp_claim_tax_id_is_valid ("911234567", &ssn));
  g_assert_false (ssn);
  g_assert_true (palp_claim_tax_id_is_valid ("123-45-6789", &ssn));
  g_assert_true (ssn);
  g_assert_false (palp_claim_tax_id_is_valid (NULL, NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("", NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("91-123456", NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("9112345678", NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("12-34-56789", NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("91-12345a7", NULL));
  g_assert_false (palp_claim_tax_id_is_valid ("123-45-678 ", NULL));
}

static void
test_fit_minutes (void)
{
  guint kept[] = { 24, 23 };
  guint cut[] = { 40, 20 };
  guint tie[] = { 10, 10, 10 };
  guint one[] = { 60 };

  /* Lines within the note keep their minutes. */
  palp_claim_fit_minutes (kept, G_N_ELEMENTS (kept), 50);
  g_assert_cmpuint (kept[0], ==, 24);
  g_assert_cmpuint (kept[1], ==, 23);
  /* 60 claimed, 45 documented: shares of 30 and 15. */
  palp_claim_fit_minutes (cut, G_N_ELEMENTS (cut), 45);
  g_assert_cmpuint (cut[0], ==, 30);
  g_assert_cmpuint (cut[1], ==, 15);
  /* 30 claimed, 20 documented: 6 each and 2 left, to the earlier codes. */
  palp_claim_fit_minutes (tie, G_N_ELEMENTS (tie), 20);
  g_assert_cmpuint (tie[0], ==, 7);
  g_assert_cmpuint (tie[1], ==, 7);
  g_assert_cmpuint (tie[2], ==, 6);
  /* A 60-minute line over a note of 55 minutes bills 55. */
  palp_claim_fit_minutes (one, 1, 55);
  g_assert_cmpuint (one[0], ==, 55);
  /* Nothing documented: nothing billed. */
  one[0] = 60;
  palp_claim_fit_minutes (one, 1, 0);
  g_assert_cmpuint (one[0], ==, 0);
}

static void
test_status_names (void)
{
  g_autoptr(GError) error = NULL;
  PalpClaimStatus status;

  for (guint s = 0; s < PALP_CLAIM_N_STATUSES; s++)
    {
      g_assert_true (palp_claim_status_from_string (palp_claim_status_to_string (s), &status,
                                                    NULL));
      g_assert_cmpuint (status, ==, s);
      g_assert_nonnull (palp_claim_status_get_label (s));
    }
  g_assert_cmpstr (palp_claim_status_to_string (PALP_CLAIM_PARTIALLY_PAID), ==, "partially-paid");
  g_assert_false (palp_claim_status_from_string ("pending", &status, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pending"));
}

static void
test_status_moves (void)
{
  static const struct
  {
    PalpClaimStatus from;
    PalpClaimStatus to;
    gboolean        allowed;
  } cases[] = {
    { PALP_CLAIM_DRAFT, PALP_CLAIM_READY, TRUE },
    { PALP_CLAIM_DRAFT, PALP_CLAIM_SUBMITTED, FALSE },
    { PALP_CLAIM_DRAFT, PALP_CLAIM_VOID, TRUE },
    { PALP_CLAIM_READY, PALP_CLAIM_DRAFT, TRUE },
    { PALP_CLAIM_READY, PALP_CLAIM_SUBMITTED, TRUE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_DRAFT, FALSE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_READY, FALSE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_PAID, TRUE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_PARTIALLY_PAID, TRUE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_DENIED, TRUE },
    { PALP_CLAIM_SUBMITTED, PALP_CLAIM_APPEALED, FALSE },
    { PALP_CLAIM_DENIED, PALP_CLAIM_APPEALED, TRUE },
    { PALP_CLAIM_PARTIALLY_PAID, PALP_CLAIM_APPEALED, TRUE },
    { PALP_CLAIM_APPEALED, PALP_CLAIM_PAID, TRUE },
    { PALP_CLAIM_APPEALED, PALP_CLAIM_VOID, FALSE },
    { PALP_CLAIM_PAID, PALP_CLAIM_CLOSED, TRUE },
    { PALP_CLAIM_PAID, PALP_CLAIM_DENIED, FALSE },
    { PALP_CLAIM_CLOSED, PALP_CLAIM_SUBMITTED, FALSE },
    { PALP_CLAIM_CLOSED, PALP_CLAIM_VOID, FALSE },
    { PALP_CLAIM_VOID, PALP_CLAIM_DRAFT, FALSE },
    { PALP_CLAIM_DRAFT, PALP_CLAIM_DRAFT, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (palp_claim_status_can_move (cases[i].from, cases[i].to), ==,
                       cases[i].allowed);
      g_assert_cmpint (palp_claim_status_check_move (cases[i].from, cases[i].to, &error), ==,
                       cases[i].allowed);
      if (!cases[i].allowed)
        g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
    }
  /* Only draft and ready are the clinic's to change; four wait on the payer. */
  for (guint s = 0; s < PALP_CLAIM_N_STATUSES; s++)
    {
      g_assert_cmpint (palp_claim_status_is_editable (s), ==,
                       s == PALP_CLAIM_DRAFT || s == PALP_CLAIM_READY);
      g_assert_cmpint (palp_claim_status_is_open (s), ==,
                       s == PALP_CLAIM_SUBMITTED || s == PALP_CLAIM_PARTIALLY_PAID
                       || s == PALP_CLAIM_DENIED || s == PALP_CLAIM_APPEALED);
    }
}

static void
test_status_for_payment (void)
{
  g_assert_cmpuint (palp_claim_status_for_payment (12800, 0, 0), ==, PALP_CLAIM_DENIED);
  g_assert_cmpuint (palp_claim_status_for_payment (12800, 12800, 0), ==, PALP_CLAIM_PAID);
  g_assert_cmpuint (palp_claim_status_for_payment (12800, 10000, 2800), ==, PALP_CLAIM_PAID);
  g_assert_cmpuint (palp_claim_status_for_payment (12800, 10000, 0), ==,
                    PALP_CLAIM_PARTIALLY_PAID);
  g_assert_cmpuint (palp_claim_status_for_payment (12800, 0, 12800), ==, PALP_CLAIM_DENIED);
}

static void
test_aging_buckets (void)
{
  g_assert_cmpuint (palp_claim_age_bucket (-3), ==, PALP_CLAIM_AGE_0_30);
  g_assert_cmpuint (palp_claim_age_bucket (0), ==, PALP_CLAIM_AGE_0_30);
  g_assert_cmpuint (palp_claim_age_bucket (30), ==, PALP_CLAIM_AGE_0_30);
  g_assert_cmpuint (palp_claim_age_bucket (31), ==, PALP_CLAIM_AGE_31_60);
  g_assert_cmpuint (palp_claim_age_bucket (60), ==, PALP_CLAIM_AGE_31_60);
  g_assert_cmpuint (palp_claim_age_bucket (61), ==, PALP_CLAIM_AGE_61_90);
  g_assert_cmpuint (palp_claim_age_bucket (90), ==, PALP_CLAIM_AGE_61_90);
  g_assert_cmpuint (palp_claim_age_bucket (91), ==, PALP_CLAIM_AGE_OVER_90);
  g_assert_cmpuint (palp_claim_age_bucket (4000), ==, PALP_CLAIM_AGE_OVER_90);
  for (guint b = 0; b < PALP_CLAIM_N_AGE_BUCKETS; b++)
    g_assert_nonnull (palp_claim_age_bucket_label (b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/insurance/claims/preflight-clean", test_preflight_clean);
  g_test_add_func ("/insurance/claims/preflight-each-problem", test_preflight_each_problem);
  g_test_add_func ("/insurance/claims/preflight-all-at-once", test_preflight_all_at_once);
  g_test_add_func ("/insurance/claims/tax-id", test_tax_id);
  g_test_add_func ("/insurance/claims/fit-minutes", test_fit_minutes);
  g_test_add_func ("/insurance/claims/status-names", test_status_names);
  g_test_add_func ("/insurance/claims/status-moves", test_status_moves);
  g_test_add_func ("/insurance/claims/status-for-payment", test_status_for_payment);
  g_test_add_func ("/insurance/claims/aging-buckets", test_aging_buckets);

  return g_test_run ();
}
