/* test-esthetic-guard.c: what a cosmetic document must never say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "palp-core-error.h"
#include "palp-esthetic-guard.h"

/* What an esthetic receipt legitimately prints, in both languages. */
static const char clean_english[] =
  "Glow Skin Studio\n"
  "1200 NE Cornell Rd, Hillsboro, OR 97124\n"
  "Seattle, WA 98101-2345 · (503) 555-0142 · hello@glowskin.example\n"
  "GST/HST Reg. No. 123456789 RT0001\n"
  "Receipt E-2026-000124 · Issued 2026-03-14\n"
  "Client: Jordan Smith\n"
  "Esthetic facial 30 min   2026-03-14   30 min   $60.00\n"
  "Hydrating facial 45 min  2026-03-14   45 min   $97.12\n"
  "Subtotal $157.12  GST 5% $7.86  Total $164.98  Paid $100.00  Balance $64.98\n"
  "Cosmetic service — not a health service and not for submission to a health plan.\n"
  "Page 1 of 1";

static const char clean_french[] =
  "Studio Éclat, 100 rue Sainte-Catherine, Montréal (QC) H2X 1Z4\n"
  "Nº d'inscription TPS/TVH : 123456789 RT0001 — Nº d'inscription TVQ : 1234567890 TQ0001\n"
  "Reçu E-2026-000125 — Soin esthétique du visage 30 min — 60,00 $\n"
  "Service esthétique — n'est pas un service de santé et ne peut être soumis à un régime "
  "d'assurance maladie.\n"
  "Ottawa ON K1A 0L5";

static GPtrArray *
scan (PalpEstheticGuard *guard,
      const char        *text)
{
  GPtrArray *findings = palp_esthetic_guard_scan (guard, text);

  for (guint i = 0; i < findings->len; i++)
    {
      const PalpEstheticFinding *finding = g_ptr_array_index (findings, i);

      /* The offset points at the very text reported. */
      g_assert_cmpint (strncmp (text + finding->offset, finding->text, strlen (finding->text)),
                       ==, 0);
      g_test_message ("found “%s” (%s) at %" G_GSIZE_FORMAT, finding->text,
                      palp_esthetic_finding_kind_label (finding->kind), finding->offset);
    }

  return findings;
}

static gboolean
has_finding (GPtrArray               *findings,
             PalpEstheticFindingKind  kind,
             const char              *text)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const PalpEstheticFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind && strcmp (finding->text, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_guard_clean_text_passes (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  g_autoptr(GPtrArray) english = scan (guard, clean_english);
  g_autoptr(GPtrArray) french = scan (guard, clean_french);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (english->len, ==, 0);
  g_assert_cmpuint (french->len, ==, 0);
  g_assert_true (palp_esthetic_guard_check (guard, clean_english, &error));
  g_assert_no_error (error);
  g_assert_true (palp_esthetic_guard_check (guard, "", NULL));
}

static void
test_guard_finds_the_brief_examples (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "Massage Therapy treatment\n"
    "Clinique MASSOTHÉRAPIE du Plateau\n"
    "Procedure 97124 x 2 units\n"
    "Diagnosis M26.601\n";

  findings = scan (guard, text);
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING,
                              "Massage Therapy"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING,
                              "MASSOTHÉRAPIE"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "97124"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_DIAGNOSIS, "M26.601"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_DIAGNOSIS, "Diagnosis"));

  /* In order of appearance. */
  for (guint i = 1; i < findings->len; i++)
    g_assert_cmpuint (((PalpEstheticFinding *) g_ptr_array_index (findings, i - 1))->offset, <=,
                      ((PalpEstheticFinding *) g_ptr_array_index (findings, i))->offset);

  g_assert_false (palp_esthetic_guard_check (guard, text, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Massage Therapy"));
  g_assert_nonnull (strstr (error->message, "97124"));
}

static void
test_guard_wording_variants (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  struct { const char *text; const char *found; } cases[] = {
    { "massage-therapy", "massage-therapy" },
    { "Registered Massage Therapist", "Registered Massage" },
    { "by a massage\ntherapist", "massage\ntherapist" },
    { "Massothérapeute agréée", "Massothérapeute" },
    { "massotherapie", "massotherapie" },
    { "Jane Doe, RMT", "RMT" },
    { "Jane Doe, L.M.T.", "L.M.T" },
    { "Therapeutic massage", "Therapeutic massage" },
    { "ＭＡＳＳＡＧＥ ＴＨＥＲＡＰＹ", "ＭＡＳＳＡＧＥ ＴＨＥＲＡＰＹ" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = scan (guard, cases[i].text);

      if (!has_finding (findings, PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, cases[i].found))
        g_error ("“%s” not found in “%s”", cases[i].found, cases[i].text);
    }

  /* Whole words only. */
  {
    g_autoptr(GPtrArray) findings = scan (guard,
                                          "Farmtech Smith, dermtreatment, massages, therapy");

    g_assert_cmpuint (findings->len, ==, 0);
  }
}

static void
test_guard_credentials_and_associations (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) spaced = NULL;
  g_autoptr(GPtrArray) untouched = NULL;

  palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_CREDENTIAL, "MA-60123456");
  palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_CREDENTIAL, "M-4521");
  palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_ASSOCIATION,
                                "Evergreen Bodywork Guild");
  palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_ASSOCIATION, "   ");
  palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_ASSOCIATION, NULL);

  findings = scan (guard,
                   "Licence no. 12345 · Registration #4567 · Member no. 889 · MA60123456 · "
                   "Member of the EVERGREEN BODYWORK GUILD and of the CMTO");
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_CREDENTIAL, "Licence"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_CREDENTIAL, "Registration"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_CREDENTIAL, "Member no"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_CREDENTIAL, "MA60123456"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_ASSOCIATION,
                              "EVERGREEN BODYWORK GUILD"));
  g_assert_true (has_finding (findings, PALP_ESTHETIC_FINDING_ASSOCIATION, "CMTO"));

  spaced = scan (guard, "Practitioner: J. Doe (MA 60123456), m-4521");
  g_assert_true (has_finding (spaced, PALP_ESTHETIC_FINDING_CREDENTIAL, "MA 60123456"));
  g_assert_true (has_finding (spaced, PALP_ESTHETIC_FINDING_CREDENTIAL, "m-4521"));

  /* A number that only contains the licence's digits is someone else's. */
  untouched = scan (guard, "Phone 160123456789");
  g_assert_cmpuint (untouched->len, ==, 0);
}

static void
test_guard_codes (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  struct { const char *text; PalpEstheticFindingKind kind; const char *found; } found[] = {
    { "CPT 12345", PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "12345" },
    { "Code: 64999", PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "64999" },
    { "97140-59 manual", PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "97140" },
    { "(97530)", PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "97530" },
    { "Dx: M54", PALP_ESTHETIC_FINDING_DIAGNOSIS, "M54" },
    { "ICD-10 G442", PALP_ESTHETIC_FINDING_DIAGNOSIS, "G442" },
    { "S13.4XXA whiplash", PALP_ESTHETIC_FINDING_DIAGNOSIS, "S13.4XXA" },
    { "r68.84.", PALP_ESTHETIC_FINDING_DIAGNOSIS, "r68.84" },
  };
  const char *innocent[] = {
    "Portland, OR 97201",
    "ZIP code 97124",
    "Hillsboro OR, 97124-3000",
    "$97124.00",
    "97,124.00 $",
    "Receipt T-2026-97124",
    "K1A 0L5",
    "Paper A4.",
    "Call 555-97124-0",
    "v1.2.3 of the brochure",
    "www.s4u.example/m26.601",
    "12345",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autoptr(GPtrArray) findings = scan (guard, found[i].text);

      if (!has_finding (findings, found[i].kind, found[i].found))
        g_error ("“%s” not found in “%s”", found[i].found, found[i].text);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (innocent); i++)
    {
      g_autoptr(GPtrArray) findings = scan (guard, innocent[i]);

      if (findings->len != 0)
        g_error ("“%s” flagged “%s”", innocent[i],
                 ((PalpEstheticFinding *) g_ptr_array_index (findings, 0))->text);
    }
}

static void
test_guard_tax_registration_is_allowed (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  g_autoptr(GPtrArray) tax = scan (guard, "HST registration number: 123456789 RT0001");
  g_autoptr(GPtrArray) tax_fr = scan (guard, "Numéro d'inscription à la TVQ 1234567890 TQ0001");
  g_autoptr(GPtrArray) professional = scan (guard, "College registration number: 004512");

  g_assert_cmpuint (tax->len, ==, 0);
  g_assert_cmpuint (tax_fr->len, ==, 0);
  g_assert_true (has_finding (professional, PALP_ESTHETIC_FINDING_CREDENTIAL, "registration"));
}

static void
test_guard_odd_input (void)
{
  g_autoptr(PalpEstheticGuard) guard = palp_esthetic_guard_new ();
  g_autoptr(GPtrArray) invalid = palp_esthetic_guard_scan (guard, "\xff\xfe massage therapy");
  g_autoptr(GPtrArray) null_text = palp_esthetic_guard_scan (guard, NULL);
  g_autofree char *huge = g_strnfill (100000, 'a');
  g_autoptr(GPtrArray) long_text = scan (guard, huge);

  /* Broken bytes around a word do not hide it. */
  g_assert_cmpuint (invalid->len, ==, 1);
  g_assert_cmpstr (((PalpEstheticFinding *) g_ptr_array_index (invalid, 0))->text, ==,
                   "massage therapy");
  g_assert_cmpuint (null_text->len, ==, 0);
  g_assert_cmpuint (long_text->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/esthetic-guard/clean-text-passes", test_guard_clean_text_passes);
  g_test_add_func ("/billing/esthetic-guard/finds-the-brief-examples",
                   test_guard_finds_the_brief_examples);
  g_test_add_func ("/billing/esthetic-guard/wording-variants", test_guard_wording_variants);
  g_test_add_func ("/billing/esthetic-guard/credentials-and-associations",
                   test_guard_credentials_and_associations);
  g_test_add_func ("/billing/esthetic-guard/codes", test_guard_codes);
  g_test_add_func ("/billing/esthetic-guard/tax-registration-is-allowed",
                   test_guard_tax_registration_is_allowed);
  g_test_add_func ("/billing/esthetic-guard/odd-input", test_guard_odd_input);

  return g_test_run ();
}
