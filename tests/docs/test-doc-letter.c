/* test-doc-letter.c: whether a letter of medical necessity can be drafted,
 * the letter and the appeal of a denied claim, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <libintl.h>
#include <string.h>

#include "palp-doc-clinical.h"
#include "palp-doc-letter.h"
#include "palp-doc-preview.h"
#include "palp-letter-rule.h"

typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)

#define PRACTITIONER_ID 7
#define VISIT_ID        31

/* ---------------------------------------------------------------------- */
/* The rule                                                               */

static PalpLetterFacts
complete_facts (void)
{
  PalpLetterFacts facts = {
    .n_diagnoses = 1, .has_plan = TRUE, .n_goals = 2, .n_measurable_goals = 1,
    .plan_started_on = "2026-04-06", .reassess_on = "2026-06-01",
    .assessed_on = "2026-04-20", .today = "2026-04-22",
  };

  return facts;
}

static void
assert_missing (const PalpLetterFacts *facts,
                const char * const    *expected)
{
  g_auto(GStrv) missing = palp_letter_missing (facts);
  guint n = expected != NULL ? g_strv_length ((char **) expected) : 0;

  g_assert_cmpuint (g_strv_length (missing), ==, n);
  for (guint i = 0; i < n; i++)
    if (strstr (missing[i], expected[i]) == NULL)
      g_error ("missing piece %u: “%s” does not say “%s”", i, missing[i], expected[i]);
  g_assert_true (palp_letter_can_draft (facts) == (n == 0));
}

static void
test_rule (void)
{
  PalpLetterFacts facts = complete_facts ();

  assert_missing (&facts, NULL);

  facts.n_diagnoses = 0;
  assert_missing (&facts, (const char *[]) { "No diagnosis", NULL });

  facts = complete_facts ();
  facts.n_measurable_goals = 0;
  assert_missing (&facts, (const char *[]) { "measurable", NULL });
  facts.n_goals = 0;
  assert_missing (&facts, (const char *[]) { "has no goals", NULL });

  facts = complete_facts ();
  facts.has_plan = FALSE;
  facts.n_goals = facts.n_measurable_goals = 0;
  facts.plan_started_on = facts.reassess_on = NULL;
  assert_missing (&facts, (const char *[]) { "No active treatment plan", NULL });

  /* The assessment: none, before the plan, too old, before a re-assessment due. */
  facts = complete_facts ();
  facts.assessed_on = NULL;
  assert_missing (&facts, (const char *[]) { "No current assessment", NULL });
  facts.assessed_on = "2026-04-05";
  assert_missing (&facts, (const char *[]) { "since the plan began", NULL });
  facts.assessed_on = "2026-02-30";
  assert_missing (&facts, (const char *[]) { "No current assessment", NULL });

  facts = complete_facts ();
  facts.plan_started_on = "2025-01-01";
  facts.reassess_on = NULL;
  facts.assessed_on = "2026-01-22";  /* 90 days before today: still current */
  assert_missing (&facts, NULL);
  facts.assessed_on = "2026-01-21";  /* 91 days */
  assert_missing (&facts, (const char *[]) { "more than 90 days old", NULL });

  facts = complete_facts ();
  facts.reassess_on = "2026-04-21";  /* due yesterday, assessed before it */
  assert_missing (&facts, (const char *[]) { "re-assessment has come", NULL });
  facts.assessed_on = "2026-04-21";
  assert_missing (&facts, NULL);
  facts.reassess_on = "2026-04-23";  /* not yet due */
  facts.assessed_on = "2026-04-20";
  assert_missing (&facts, NULL);

  /* Everything missing at once, in order. */
  facts = (PalpLetterFacts) { .today = "2026-04-22" };
  assert_missing (&facts, (const char *[]) { "No diagnosis", "No active treatment plan",
                                             "No current assessment", NULL });
}

/* ---------------------------------------------------------------------- */
/* A record                                                               */

static PalpClinicalDocument *
make_document (void)
{
  PalpClinicalDocument *document = palp_clinical_document_new ();
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(GListStore) licences = g_list_store_new (PALP_TYPE_LICENCE);
  g_autoptr(PalpLicence) licence = NULL;
  PalpPlanDocument *plan = palp_plan_document_new ();
  g_autoptr(PalpPlanGoal) goal = NULL;
  g_autoptr(PalpDiagnosis) diagnosis = NULL;
  g_autoptr(PalpDiagnosis) other = NULL;
  g_autoptr(PalpReferral) referral = NULL;
  g_autoptr(GListStore) readings = g_list_store_new (PALP_TYPE_READING);
  static const char *values[] = { "6", "4", "3" };

  document->today = g_strdup ("2026-04-22");
  document->clinic = g_object_new (PALP_TYPE_CLINIC, "name", "Evergreen Massage Therapy LLC",
                                   "city", "Seattle", "region", "WA", "country", "US",
                                   "currency", "USD", "paper-size", "letter", NULL);
  document->client = g_object_new (PALP_TYPE_CLIENT, "id", (gint64) 3, "given-name", "Grace",
                                   "family-name", "Whitfield", "birth-date", "1984-06-02",
                                   NULL);
  user = g_object_new (PALP_TYPE_USER, "id", (gint64) PRACTITIONER_ID, "login", "maya",
                       "display-name", "Maya Lindqvist", "credentials", "LMT",
                       "profession", "Licensed massage therapist", NULL);
  licence = g_object_new (PALP_TYPE_LICENCE, "user-id", (gint64) PRACTITIONER_ID,
                          "number", "MA60123456", "jurisdiction", "US-WA",
                          "issued", "2020-01-01", "expires", "2030-01-01", NULL);
  g_list_store_append (licences, licence);
  palp_clinical_document_add_user (document, user, G_LIST_MODEL (licences));

  for (guint i = 0; i < 3; i++)
    {
      PalpVisitDocument *v = palp_visit_document_new ();
      g_autofree char *starts = g_strdup_printf ("2026-04-%02u 10:00", 6 + 7 * i);
      g_autofree char *assessment = g_strdup_printf ("Assessment of visit %u.", i + 1);
      g_autoptr(PalpReading) reading = NULL;

      v->visit = g_object_new (PALP_TYPE_VISIT, "id", (gint64) (VISIT_ID - 2 + i),
                               "client-id", (gint64) 3,
                               "practitioner-id", (gint64) PRACTITIONER_ID,
                               "starts-at", starts, "status", "attended",
                               "categories", "therapeutic", NULL);
      v->note = g_object_new (PALP_TYPE_SOAP_NOTE, "visit-id", (gint64) (VISIT_ID - 2 + i),
                              "subjective", "Neck stiff after long drives.",
                              "objective", "Hypertonic upper trapezius.",
                              "assessment", assessment, "plan-text", "Continue weekly.",
                              "author-id", (gint64) PRACTITIONER_ID,
                              "signed", (gint64) 1, "signed-at", starts, NULL);
      reading = g_object_new (PALP_TYPE_READING, "visit-id", (gint64) (VISIT_ID - 2 + i),
                              "goal-id", (gint64) 5, "value", values[i],
                              "visit-starts-at", starts, NULL);
      g_list_store_append (readings, reading);
      g_list_store_append (G_LIST_STORE (v->readings), reading);
      g_ptr_array_add (document->visits, v);
    }

  diagnosis = g_object_new (PALP_TYPE_DIAGNOSIS, "id", (gint64) 11, "client-id", (gint64) 3,
                            "code", "M54.2", "description", "Cervicalgia",
                            "is-primary", (gint64) 1, NULL);
  other = g_object_new (PALP_TYPE_DIAGNOSIS, "id", (gint64) 12, "client-id", (gint64) 3,
                        "code", "G44.209", "description", "Tension-type headache",
                        "archived", (gint64) 1, NULL);
  g_list_store_append (G_LIST_STORE (document->diagnoses), diagnosis);
  g_list_store_append (G_LIST_STORE (document->diagnoses), other);

  plan->plan = g_object_new (PALP_TYPE_PLAN, "id", (gint64) 2, "client-id", (gint64) 3,
                             "practitioner-id", (gint64) PRACTITIONER_ID,
                             "started-on", "2026-04-06", "frequency", "Weekly for six weeks",
                             "sessions", (gint64) 6, "session-minutes", (gint64) 45,
                             "techniques", "Myofascial release of the upper trapezius",
                             "status", "active", NULL);
  goal = g_object_new (PALP_TYPE_PLAN_GOAL, "id", (gint64) 5, "plan-id", (gint64) 2,
                       "measure", "pain-nrs", "goal", "Drive an hour without neck pain",
                       "unit", "/10", "direction", "lower", "mic", "2", "baseline", "6",
                       "target", "2", "by-visit", (gint64) 6, NULL);
  g_list_store_append (G_LIST_STORE (plan->goals), goal);
  g_ptr_array_add (plan->readings, g_object_ref (readings));
  g_ptr_array_add (document->plans, plan);

  referral = g_object_new (PALP_TYPE_REFERRAL, "prescriber-name", "Dr. Ana Ortiz",
                           "profession", "Physician", "npi", "1234567893",
                           "referred-on", "2026-04-01", NULL);
  g_list_store_append (G_LIST_STORE (document->referrals), referral);
  return document;
}

static PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *pdf = palp_pdf_open (bytes, &error);

  g_assert_no_error (error);
  return pdf;
}

static char *
squash (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\r\f\xc2\xa0", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

/* Every word of the PDF, whitespace runs made one space. */
static char *
pdf_words (GBytes *bytes,
           int    *out_pages)
{
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *text = palp_pdf_get_text (pdf);

  if (out_pages != NULL)
    *out_pages = palp_pdf_get_n_pages (pdf);
  return squash (text);
}

static char *
page_words (GBytes *bytes,
            int     page)
{
  g_autoptr(TestPdf) pdf = open_pdf (bytes);
  g_autofree char *text = palp_pdf_get_page_text (pdf, page);

  return squash (text);
}

static void
save_sample (GBytes     *bytes,
             const char *name)
{
  const char *dir = g_getenv ("PALPATE_TEST_PDF_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
}

static void
assert_has (const char *words,
            const char *needle)
{
  if (strstr (words, needle) == NULL)
    g_error ("“%s” is not in the PDF: %s", needle, words);
}

/* ---------------------------------------------------------------------- */
/* The letter of medical necessity                                        */

static void
test_lomn_elements (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = palp_doc_lomn_missing (document);
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *words = NULL;
  int pages = 0;

  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  draft = palp_doc_lomn_draft (document, "Thomas Whitfield", &error);
  g_assert_no_error (error);
  pdf = palp_doc_lomn_render (document, draft, &error);
  g_assert_no_error (error);
  save_sample (pdf, "lomn.pdf");
  words = pdf_words (pdf, &pages);
  g_assert_cmpint (pages, ==, 1);

  /* Letterhead and title. */
  assert_has (words, "Evergreen Massage Therapy LLC");
  assert_has (words, "Letter of Medical Necessity");
  /* Patient, birth date, account holder, the letter's date. */
  assert_has (words, "Grace Whitfield");
  assert_has (words, "Date of birth");
  assert_has (words, "06/02/1984");
  assert_has (words, "Account holder");
  assert_has (words, "Thomas Whitfield");
  assert_has (words, "04/22/2026");
  /* The diagnosis with its code; the archived one left out. */
  assert_has (words, "M54.2");
  assert_has (words, "Cervicalgia");
  g_assert_null (strstr (words, "G44.209"));
  /* The treatment and its techniques, frequency, duration or dates. */
  assert_has (words, "Therapeutic massage: Myofascial release of the upper trapezius");
  assert_has (words, "Frequency: Weekly for six weeks, sessions of 45 minutes");
  assert_has (words, "Duration: 6 sessions planned; 04/22/2026 to 04/21/2027");
  /* Goals and progress so far. */
  assert_has (words, "Drive an hour without neck pain");
  assert_has (words, "6/10 at the start, 3/10 on 04/20/2026; target 2/10");
  /* Treats the condition, not general wellness. */
  assert_has (words, "not for general health, wellness");
  /* The prescriber, credentials, NPI; lines to sign and date. */
  assert_has (words, "Dr. Ana Ortiz, Physician");
  assert_has (words, "NPI 1234567893");
  assert_has (words, "PRESCRIBER’S SIGNATURE");
  assert_has (words, "DATE");

  /* The same letter gives the same bytes. */
  again = palp_doc_lomn_render (document, draft, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pdf, again));
}

static void
test_lomn_no_referral (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = NULL;

  /* Without a referral, the plan's practitioner signs, with the licence. */
  g_list_store_remove_all (G_LIST_STORE (document->referrals));
  draft = palp_doc_lomn_draft (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->prescriber, ==, "Maya Lindqvist");
  g_assert_cmpstr (draft->credentials, ==, "LMT");
  g_assert_cmpstr (draft->licence, ==, "Licence no. MA60123456 (US-WA)");
  g_assert_cmpstr (draft->account_holder, ==, "");
}

static void
test_lomn_missing (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  PalpPlanDocument *plan = g_ptr_array_index (document->plans, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_auto(GStrv) missing = NULL;

  /* No diagnosis, no measurable goal, no signed assessment. */
  g_list_store_remove_all (G_LIST_STORE (document->diagnoses));
  {
    g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (plan->goals, 0);

    g_object_set (goal, "baseline", "", NULL);
  }
  for (guint i = 0; i < document->visits->len; i++)
    {
      PalpVisitDocument *v = g_ptr_array_index (document->visits, i);

      g_object_set (v->note, "signed", (gint64) 0, "signed-at", NULL, NULL);
    }
  missing = palp_doc_lomn_missing (document);
  g_assert_cmpuint (g_strv_length (missing), ==, 3);
  g_assert_nonnull (strstr (missing[0], "No diagnosis"));
  g_assert_nonnull (strstr (missing[1], "measurable"));
  g_assert_nonnull (strstr (missing[2], "No current assessment"));

  draft = palp_doc_lomn_draft (document, NULL, &error);
  g_assert_null (draft);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "No diagnosis"));
  g_assert_nonnull (strstr (error->message, "No current assessment"));
  g_clear_error (&error);

  /* A discharged plan is no active plan. */
  g_clear_pointer (&missing, g_strfreev);
  g_object_set (plan->plan, "status", "discharged", NULL);
  missing = palp_doc_lomn_missing (document);
  g_assert_nonnull (strstr (missing[1], "No active treatment plan"));
}

static void
test_lomn_edits (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = palp_doc_lomn_draft (document, NULL, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *words = NULL;
  guint n_fields = 0;
  const PalpLetterField *fields = palp_letter_fields (&n_fields);

  g_assert_no_error (error);
  g_assert_cmpuint (n_fields, ==, 13);
  /* Every field is editable by its key; an unknown key is refused. */
  for (guint i = 0; i < n_fields; i++)
    g_assert_nonnull (palp_letter_draft_get (draft, fields[i].key));
  g_assert_false (palp_letter_draft_set (draft, "no-such-field", "x"));

  g_assert_true (palp_letter_draft_set (draft, "prescriber", "Dr. Lena Brooks"));
  g_assert_true (palp_letter_draft_set (draft, "credentials", "DO"));
  g_assert_true (palp_letter_draft_set (draft, "licence", "Licence no. DO12345 (WA)"));
  g_assert_true (palp_letter_draft_set (draft, "frequency", "Twice a week"));
  g_assert_true (palp_letter_draft_set (draft, "duration", "05/01/2026 to 10/31/2026"));
  g_assert_true (palp_letter_draft_set (draft, "statement", "Edited statement: treats the "
                                        "cervicalgia, not general wellness."));
  g_assert_true (palp_letter_draft_set (draft, "goals", "Rotation from 50 to 75 degrees."));
  g_assert_true (palp_letter_draft_set (draft, "account-holder", "Sam Whitfield"));
  pdf = palp_doc_lomn_render (document, draft, &error);
  g_assert_no_error (error);
  words = pdf_words (pdf, NULL);
  assert_has (words, "Dr. Lena Brooks, DO");
  assert_has (words, "Licence no. DO12345 (WA)");
  assert_has (words, "Frequency: Twice a week");
  assert_has (words, "Duration: 05/01/2026 to 10/31/2026");
  assert_has (words, "Edited statement: treats the cervicalgia, not general wellness.");
  assert_has (words, "Rotation from 50 to 75 degrees.");
  assert_has (words, "Sam Whitfield");
  g_assert_null (strstr (words, "Dr. Ana Ortiz"));
  g_assert_null (strstr (words, "Weekly for six weeks"));
  g_assert_null (strstr (words, "Drive an hour"));

  /* A blank prescriber or statement is refused. */
  g_clear_pointer (&pdf, g_bytes_unref);
  palp_letter_draft_set (draft, "prescriber", "  ");
  pdf = palp_doc_lomn_render (document, draft, &error);
  g_assert_null (pdf);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
}

static void
test_draft_json (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = palp_doc_lomn_draft (document, "Thomas", &error);
  g_autoptr(PalpLetterDraft) back = NULL;
  g_autoptr(PalpLetterDraft) copy = NULL;
  g_autofree char *json = NULL;
  guint n_fields = 0;
  const PalpLetterField *fields = palp_letter_fields (&n_fields);

  g_assert_no_error (error);
  palp_letter_draft_set (draft, "goals", "Line one\nLine \"two\" <b>");
  json = palp_letter_draft_to_json (draft);
  back = palp_letter_draft_from_json (json, &error);
  g_assert_no_error (error);
  copy = palp_letter_draft_copy (back);
  for (guint i = 0; i < n_fields; i++)
    {
      g_assert_cmpstr (palp_letter_draft_get (back, fields[i].key), ==,
                       palp_letter_draft_get (draft, fields[i].key));
      g_assert_cmpstr (palp_letter_draft_get (copy, fields[i].key), ==,
                       palp_letter_draft_get (draft, fields[i].key));
    }
  g_assert_null (palp_letter_draft_from_json ("[1, 2]", &error));
  g_assert_nonnull (error);
}

/* ---------------------------------------------------------------------- */
/* The appeal                                                             */

static const PalpAppealLine appeal_lines[] = {
  { "2026-04-13", "97140", "GP", "A", 2, 18000 },
  { "2026-04-20", "97140", "GP", "A", 2, 18000 },
  { "2026-04-20", "97124", NULL, "A", 1, 8500 },
};
static const gint64 appeal_visits[] = { VISIT_ID - 1, VISIT_ID };

static PalpAppealClaim
make_claim (void)
{
  PalpAppealClaim claim = {
    .number = "C-2026-000042", .payer_name = "Cascade Health Plan",
    .payer_address = "PO Box 3400\nSeattle, WA 98124", .member_id = "CHP884120",
    .group_number = "GRP-77", .payer_reference = "CHP-REF-5521",
    .submitted_on = "2026-04-21", .denied_on = "2026-05-02",
    .denial_reason = "CO-50: not deemed a medical necessity by the payer.",
    .lines = appeal_lines, .n_lines = G_N_ELEMENTS (appeal_lines),
    .visit_ids = appeal_visits, .n_visits = G_N_ELEMENTS (appeal_visits),
  };

  return claim;
}

static void
test_appeal (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = palp_doc_appeal_draft (document, &error);
  PalpAppealClaim claim = make_claim ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *words = NULL;
  g_autofree char *first = NULL;
  int pages = 0;
  gboolean report_page = FALSE, note_13 = FALSE, note_20 = FALSE;

  g_assert_no_error (error);
  /* The treating practitioner signs an appeal. */
  g_assert_cmpstr (draft->prescriber, ==, "Maya Lindqvist");
  pdf = palp_doc_appeal_render (document, &claim, draft, &error);
  g_assert_no_error (error);
  save_sample (pdf, "appeal.pdf");
  words = pdf_words (pdf, &pages);
  g_assert_cmpint (pages, >=, 4);

  /* The claim: number, payer, member id, dates of service, codes, charges. */
  first = page_words (pdf, 0);
  assert_has (first, "Appeal of a Denied Claim");
  assert_has (first, "Cascade Health Plan PO Box 3400 Seattle, WA 98124");
  assert_has (first, "Claim no.: C-2026-000042");
  assert_has (first, "Payer’s reference: CHP-REF-5521");
  assert_has (first, "Member id: CHP884120");
  assert_has (first, "Dates of service: 04/13/2026 to 04/20/2026");
  assert_has (first, "97140");
  assert_has (first, "97124");
  assert_has (first, "GP");
  assert_has (first, "$180.00");
  assert_has (first, "$85.00");
  assert_has (first, "Total charges");
  assert_has (first, "$445.00");
  /* The denial and the case for medical necessity. */
  assert_has (first, "CO-50: not deemed a medical necessity by the payer.");
  assert_has (words, "Cervicalgia");
  assert_has (words, "Drive an hour without neck pain");
  assert_has (words, "We ask that the claim be reconsidered and paid.");
  assert_has (words, "SOAP note of 04/13/2026");

  /* The evidence on further pages: the progress report, then the note of
   * each visit billed (not the first visit, which is not on the claim). */
  for (int p = 1; p < pages; p++)
    {
      g_autofree char *text = page_words (pdf, p);

      if (strstr (text, "Progress report") && strstr (text, "Progress toward the goals"))
        report_page = TRUE;
      if (strstr (text, "SOAP note 04/13/2026") && strstr (text, "Assessment of visit 2."))
        note_13 = TRUE;
      if (strstr (text, "SOAP note 04/20/2026") && strstr (text, "Assessment of visit 3."))
        note_20 = TRUE;
      g_assert_null (strstr (text, "Assessment of visit 1."));
    }
  g_assert_true (report_page);
  g_assert_true (note_13);
  g_assert_true (note_20);
}

static void
test_appeal_refuses (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpLetterDraft) draft = palp_doc_appeal_draft (document, &error);
  PalpAppealClaim claim = make_claim ();
  GBytes *pdf;

  g_assert_no_error (error);
  claim.denial_reason = " ";
  pdf = palp_doc_appeal_render (document, &claim, draft, &error);
  g_assert_null (pdf);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_clear_error (&error);

  claim = make_claim ();
  claim.n_lines = 0;
  pdf = palp_doc_appeal_render (document, &claim, draft, &error);
  g_assert_null (pdf);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  localedir = g_build_filename (TEST_LOCALEDIR, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/letter/rule", test_rule);
  g_test_add_func ("/letter/lomn-elements", test_lomn_elements);
  g_test_add_func ("/letter/lomn-no-referral", test_lomn_no_referral);
  g_test_add_func ("/letter/lomn-missing", test_lomn_missing);
  g_test_add_func ("/letter/lomn-edits", test_lomn_edits);
  g_test_add_func ("/letter/draft-json", test_draft_json);
  g_test_add_func ("/letter/appeal", test_appeal);
  g_test_add_func ("/letter/appeal-refuses", test_appeal_refuses);
  return g_test_run ();
}
