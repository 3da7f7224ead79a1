/* test-doc-clinical.c: the SOAP note, treatment plan, progress report and
 * whole record, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <libintl.h>
#include <string.h>

#include "palp-doc-clinical.h"
#include "palp-doc-preview.h"

typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)

#define PRACTITIONER_ID 7
#define VISIT_ID        31
#define HOSTILE         "<b>&amp; Ünïcode \"quoted\" & <i>not markup</i>"

static PalpClinicalDocument *
make_document (gboolean signed_note)
{
  PalpClinicalDocument *document = palp_clinical_document_new ();
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(GListStore) licences = g_list_store_new (PALP_TYPE_LICENCE);
  g_autoptr(PalpLicence) licence = NULL;
  PalpVisitDocument *visit = palp_visit_document_new ();
  PalpPlanDocument *plan = palp_plan_document_new ();
  g_autoptr(PalpPlanGoal) goal = NULL;
  g_autoptr(GListStore) readings = g_list_store_new (PALP_TYPE_READING);
  static const char *values[] = { "5", "4", "3" };

  document->today = g_strdup ("2026-04-20");
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

  /* Three visits of the plan, the last one the note's. */
  for (guint i = 0; i < 3; i++)
    {
      PalpVisitDocument *v = i == 2 ? visit : palp_visit_document_new ();
      g_autofree char *starts = g_strdup_printf ("2026-04-%02u 10:00", 6 + 7 * i);
      g_autoptr(PalpReading) reading = NULL;

      v->visit = g_object_new (PALP_TYPE_VISIT, "id", (gint64) (VISIT_ID - 2 + i),
                               "client-id", (gint64) 3,
                               "practitioner-id", (gint64) PRACTITIONER_ID,
                               "starts-at", starts, "status", "attended",
                               "categories", "therapeutic", NULL);
      reading = g_object_new (PALP_TYPE_READING, "visit-id", (gint64) (VISIT_ID - 2 + i),
                              "goal-id", (gint64) 5, "value", values[i],
                              "visit-starts-at", starts, NULL);
      g_list_store_append (readings, reading);
      if (i == 2)
        g_list_store_append (G_LIST_STORE (visit->readings), reading);
      g_ptr_array_add (document->visits, v);
    }

  visit->note = g_object_new (PALP_TYPE_SOAP_NOTE, "visit-id", (gint64) VISIT_ID,
                              "subjective", "Neck stiff after long drives. " HOSTILE,
                              "objective", "Hypertonic upper trapezius, left more than right.",
                              "assessment", "Responding well; rotation improving.",
                              "plan-text", "Continue weekly; home stretches twice a day.",
                              "techniques", "[{\"name\": \"Myofascial release\", \"minutes\": 25,"
                                            " \"regions\": \"\", \"intra_oral\": false}]",
                              "has-pain", (gint64) 1, "pain", (gint64) 3,
                              "draping", (gint64) 1, "gloves", (gint64) 0,
                              "check-ins", (gint64) 1, "author-id", (gint64) PRACTITIONER_ID,
                              "adverse-effects", "Mild soreness the next day.",
                              NULL);
  if (signed_note)
    {
      g_autoptr(PalpAmendment) amendment = NULL;
      g_autoptr(PalpGateOverride) override = NULL;

      g_object_set (visit->note, "signed", (gint64) 1, "signed-at", "2026-04-20 11:02:00", NULL);
      amendment = g_object_new (PALP_TYPE_AMENDMENT, "visit-id", (gint64) VISIT_ID,
                                "author-id", (gint64) PRACTITIONER_ID,
                                "created-at", "2026-04-21 09:15:00",
                                "reason", "Wrong side recorded",
                                "text", "Right more than left, not left more than right.",
                                NULL);
      g_list_store_append (G_LIST_STORE (visit->amendments), amendment);
      override = g_object_new (PALP_TYPE_GATE_OVERRIDE, "visit-id", (gint64) VISIT_ID,
                               "by-id", (gint64) PRACTITIONER_ID, "gate", "screening-current",
                               "reason", "Client confirmed nothing changed",
                               "at", "2026-04-20 11:01:00", NULL);
      g_list_store_append (G_LIST_STORE (visit->overrides), override);
    }

  plan->plan = g_object_new (PALP_TYPE_PLAN, "id", (gint64) 2, "client-id", (gint64) 3,
                             "practitioner-id", (gint64) PRACTITIONER_ID,
                             "started-on", "2026-04-06", "frequency", "Weekly for six weeks",
                             "status", "active", NULL);
  goal = g_object_new (PALP_TYPE_PLAN_GOAL, "id", (gint64) 5, "plan-id", (gint64) 2,
                       "measure", "pain-nrs", "goal", "Drive an hour without neck pain",
                       "unit", "/10", "direction", "lower", "mic", "2", "baseline", "6",
                       "target", "2", "by-visit", (gint64) 6, NULL);
  g_list_store_append (G_LIST_STORE (plan->goals), goal);
  g_ptr_array_add (plan->readings, g_object_ref (readings));
  g_ptr_array_add (document->plans, plan);

  {
    g_autoptr(PalpConsent) drawn = g_object_new (PALP_TYPE_CONSENT, "kind", "plan",
                                                 "plan-id", (gint64) 2,
                                                 "explained", "Weekly massage for neck pain.",
                                                 "questions", "Will it hurt?",
                                                 "signed-by-name", "Grace Whitfield",
                                                 "signature", "[[[0,10],[20,0],[40,12],[60,2]],"
                                                              "[[10,20],[50,20]]]",
                                                 "signed-at", "2026-04-06 09:50:00", NULL);
    g_autoptr(PalpConsent) typed = g_object_new (PALP_TYPE_CONSENT, "kind", "privacy",
                                                 "explained", "How the record is kept.",
                                                 "signed-by-name", "Grace Whitfield",
                                                 "typed-name", "Grace Whitfield",
                                                 "attested", (gint64) 1,
                                                 "signed-at", "2026-04-06 09:45:00",
                                                 "revoked-at", "2026-04-10 12:00:00",
                                                 "revoked-by", (gint64) PRACTITIONER_ID,
                                                 "revoke-reason", "Client asked", NULL);

    g_list_store_append (G_LIST_STORE (document->consents), drawn);
    g_list_store_append (G_LIST_STORE (document->consents), typed);
  }
  {
    g_autoptr(PalpReferral) referral = g_object_new (PALP_TYPE_REFERRAL,
                                                     "prescriber-name", "Dr. Ana Ortiz",
                                                     "profession", "Physician",
                                                     "npi", "1234567893",
                                                     "referred-on", "2026-04-01", NULL);

    g_list_store_append (G_LIST_STORE (document->referrals), referral);
  }
  return document;
}

/* Every word of the PDF, whitespace runs made one space. */
static char *
pdf_words (GBytes *bytes,
           int    *out_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = palp_pdf_open (bytes, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;

  g_assert_no_error (error);
  text = palp_pdf_get_text (pdf);
  if (out_pages != NULL)
    *out_pages = palp_pdf_get_n_pages (pdf);
  words = g_strsplit_set (text, " \n\t\r\f\xc2\xa0", -1);
  {
    g_autoptr(GString) out = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
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

static const char *
after (const char *haystack,
       const char *needle)
{
  const char *at = strstr (haystack, needle);

  if (at == NULL)
    g_error ("“%s” is not in the PDF: %s", needle, haystack);
  return at + strlen (needle);
}

static void
test_soap_signed (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_soap_render (document, VISIT_ID, &error);
  g_autofree char *words = NULL;
  const char *rest;

  g_assert_no_error (error);
  save_sample (pdf, "soap-signed.pdf");
  words = pdf_words (pdf, NULL);
  g_assert_nonnull (strstr (words, "SOAP note"));
  g_assert_nonnull (strstr (words, "Grace Whitfield"));
  g_assert_nonnull (strstr (words, "Maya Lindqvist, LMT"));
  g_assert_nonnull (strstr (words, "Myofascial release"));
  g_assert_nonnull (strstr (words, "Pain today: 3/10"));
  g_assert_null (strstr (words, "DRAFT"));
  /* The original, the signature, then the amendment after them. */
  rest = after (words, "Hypertonic upper trapezius, left more than right.");
  rest = after (rest, "Signed electronically by Maya Lindqvist, LMT");
  rest = after (rest, "Client confirmed nothing changed");
  rest = after (rest, "Amendment 1, by Maya Lindqvist, LMT");
  rest = after (rest, "Wrong side recorded");
  after (rest, "Right more than left, not left more than right.");
  /* The measurement against its goal. */
  g_assert_nonnull (strstr (words, "Drive an hour without neck pain"));
}

static void
test_soap_draft (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_soap_render (document, VISIT_ID, &error);
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  save_sample (pdf, "soap-draft.pdf");
  words = pdf_words (pdf, NULL);
  g_assert_nonnull (strstr (words, "DRAFT — unsigned"));
  g_assert_null (strstr (words, "Signed electronically"));
  g_assert_null (strstr (words, "Amendment"));
}

static void
test_soap_refuses (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  PalpVisitDocument *visit = palp_clinical_document_find_visit (document, VISIT_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_soap_render (document, 999, &error);

  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_assert_null (pdf);
  g_clear_error (&error);

  /* An esthetic service has no SOAP note, even with one loaded. */
  g_object_set (visit->visit, "categories", "esthetic", NULL);
  pdf = palp_doc_soap_render (document, VISIT_ID, &error);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_ESTHETIC);
  g_assert_null (pdf);
}

static void
test_plan (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_plan_render (document, &error);
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  save_sample (pdf, "plan.pdf");
  words = pdf_words (pdf, NULL);
  g_assert_nonnull (strstr (words, "Treatment plan"));
  g_assert_nonnull (strstr (words, "Drive an hour without neck pain"));
  g_assert_nonnull (strstr (words, "Weekly for six weeks"));
  g_assert_nonnull (strstr (words, "Consent to the treatment plan"));
  g_assert_nonnull (strstr (words, "Will it hurt?"));
  g_assert_nonnull (strstr (words, "Signed by Grace Whitfield"));
  /* The typed signature, and its revocation. */
  g_assert_nonnull (strstr (words, "Signed by typing the name “Grace Whitfield”"));
  g_assert_nonnull (strstr (words, "REVOKED"));
  g_assert_nonnull (strstr (words, "Client asked"));
}

/* The plan's sessions, session length, techniques, home care and
 * re-assessment date are printed, and only the diagnoses it addresses. */
static void
test_plan_details (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PalpDiagnosis) jaw = NULL;
  g_autoptr(PalpDiagnosis) back = NULL;
  PalpPlanDocument *plan = g_ptr_array_index (document->plans, 0);
  g_autofree char *words = NULL;
  const char *rest;

  jaw = g_object_new (PALP_TYPE_DIAGNOSIS, "id", (gint64) 11, "client-id", (gint64) 3,
                      "code", "M26.623", "description", "Arthralgia of bilateral TMJ",
                      "is-primary", (gint64) 1, NULL);
  back = g_object_new (PALP_TYPE_DIAGNOSIS, "id", (gint64) 12, "client-id", (gint64) 3,
                       "code", "M54.50", "description", "Low back pain, unspecified", NULL);
  g_list_store_append (G_LIST_STORE (document->diagnoses), jaw);
  g_list_store_append (G_LIST_STORE (document->diagnoses), back);
  g_object_set (plan->plan, "sessions", (gint64) 8, "session-minutes", (gint64) 45,
                "techniques", "Intra-oral release of the masseter; cervical myofascial work",
                "home-care", "Jaw stretches twice a day", "reassess-on", "2026-05-18",
                "diagnosis-ids", "11", NULL);

  pdf = palp_doc_plan_render (document, &error);
  g_assert_no_error (error);
  save_sample (pdf, "plan-details.pdf");
  words = pdf_words (pdf, NULL);
  rest = after (words, "Plan of care");
  rest = after (rest, "Sessions planned: 8");
  rest = after (rest, "Session length: 45 minutes");
  rest = after (rest, "Re-assessment due: 05/18/2026");
  rest = after (rest, "Techniques Intra-oral release of the masseter; cervical myofascial work");
  rest = after (rest, "Home care Jaw stretches twice a day");
  after (rest, "Goals");
  g_assert_nonnull (strstr (words, "M26.623"));
  g_assert_null (strstr (words, "M54.50"));

  /* Without the details, none of their labels is printed. */
  g_object_set (plan->plan, "sessions", (gint64) 0, "session-minutes", (gint64) 0,
                "techniques", NULL, "home-care", NULL, "reassess-on", NULL,
                "diagnosis-ids", NULL, NULL);
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&words, g_free);
  pdf = palp_doc_plan_render (document, &error);
  g_assert_no_error (error);
  words = pdf_words (pdf, NULL);
  g_assert_null (strstr (words, "Sessions planned"));
  g_assert_null (strstr (words, "Session length"));
  g_assert_null (strstr (words, "Re-assessment"));
  g_assert_null (strstr (words, "Home care"));
  /* A plan that names no diagnosis addresses all of the client's. */
  g_assert_nonnull (strstr (words, "M26.623"));
  g_assert_nonnull (strstr (words, "M54.50"));
}

static void
test_progress (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_progress_render (document, &error);
  g_autofree char *words = NULL;

  g_assert_no_error (error);
  save_sample (pdf, "progress.pdf");
  words = pdf_words (pdf, NULL);
  g_assert_nonnull (strstr (words, "Progress report"));
  g_assert_nonnull (strstr (words, "Dr. Ana Ortiz"));
  /* Baseline 6, latest 3: three points better, more than the MIC of 2. */
  g_assert_nonnull (strstr (words, "6/10 → 3/10"));
  g_assert_nonnull (strstr (words, "Improved by at least the minimal important change"));
  g_assert_nonnull (strstr (words, "Visits attended: 3"));
}

static void
test_no_plan (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_ptr_array_set_size (document->plans, 0);
  pdf = palp_doc_plan_render (document, &error);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_assert_null (pdf);
  g_clear_error (&error);
  pdf = palp_doc_progress_render (document, &error);
  g_assert_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE);
  g_assert_null (pdf);
}

static void
test_record (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PalpVisit) esthetic = g_object_new (PALP_TYPE_VISIT, "id", (gint64) 40,
                                                "client-id", (gint64) 3,
                                                "starts-at", "2026-04-25 10:00",
                                                "status", "attended",
                                                "categories", "esthetic", NULL);
  PalpVisitDocument *entry = palp_visit_document_new ();
  g_autofree char *words = NULL;

  /* A facial: its note, were one loaded, must never print. */
  entry->visit = g_object_ref (esthetic);
  entry->note = g_object_new (PALP_TYPE_SOAP_NOTE, "subjective", "SECRET-CLINICAL", NULL);
  g_ptr_array_add (document->visits, entry);

  pdf = palp_doc_record_render (document, &error);
  g_assert_no_error (error);
  save_sample (pdf, "record.pdf");
  words = pdf_words (pdf, NULL);
  g_assert_nonnull (strstr (words, "Clinical record"));
  g_assert_nonnull (strstr (words, "Hypertonic upper trapezius"));
  g_assert_nonnull (strstr (words, "Dr. Ana Ortiz"));
  g_assert_nonnull (strstr (words, "Esthetic service"));
  g_assert_null (strstr (words, "SECRET-CLINICAL"));
}

static void
test_hostile (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  PalpVisitDocument *visit = palp_clinical_document_find_visit (document, VISIT_ID);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *words = NULL;
  int pages = 0;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (long_text, "word%u ", i);
  g_string_append (long_text, "THE-END");
  g_object_set (visit->note, "assessment", long_text->str, NULL);
  g_object_set (document->client, "family-name", "<b>&", NULL);

  pdf = palp_doc_soap_render (document, VISIT_ID, &error);
  g_assert_no_error (error);
  words = pdf_words (pdf, &pages);
  g_assert_nonnull (strstr (words, HOSTILE));
  g_assert_nonnull (strstr (words, "Grace <b>&"));
  g_assert_nonnull (strstr (words, "word599 THE-END"));
  g_assert_cmpint (pages, >=, 2);
}

/* The narrative a reader the clinic keeps from notes' text must not see. */
static const char *narrative[] = {
  "Neck stiff after long drives", "Hypertonic upper trapezius", "Responding well",
  "Continue weekly", "Mild soreness", "Wrong side recorded", "Right more than left",
};

static void
test_restricted (void)
{
  g_autoptr(PalpClinicalDocument) document = make_document (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) open = palp_doc_progress_render (document, &error);
  g_autoptr(GBytes) soap = NULL;
  g_autoptr(GBytes) record = NULL;
  g_autoptr(GBytes) progress = NULL;
  g_autofree char *open_words = NULL;
  g_autofree char *progress_words = NULL;
  const char *rest;

  g_assert_no_error (error);
  /* The flag alone keeps the text out, whatever the note holds. */
  document->narrative_restricted = TRUE;
  soap = palp_doc_soap_render (document, VISIT_ID, &error);
  g_assert_no_error (error);
  record = palp_doc_record_render (document, &error);
  g_assert_no_error (error);
  save_sample (soap, "soap-restricted.pdf");
  save_sample (record, "record-restricted.pdf");

  for (guint d = 0; d < 2; d++)
    {
      g_autofree char *words = pdf_words (d == 0 ? soap : record, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (narrative); i++)
        if (strstr (words, narrative[i]) != NULL)
          g_error ("“%s” printed for a reader kept from notes' text: %s", narrative[i], words);
      g_assert_null (strstr (words, "Ünïcode"));
      /* Said once, plainly, then in place of each section. */
      rest = after (words, "Restricted: the text of clinical notes is for practitioners");
      rest = after (rest, "Subjective Restricted");
      rest = after (rest, "Pain today: 3/10");
      rest = after (rest, "Objective Restricted");
      rest = after (rest, "Assessment Restricted");
      rest = after (rest, "Plan Restricted");
      rest = after (rest, "Myofascial release");
      rest = after (rest, "Adverse effects Restricted");
      /* Measurements, signature, overrides and amendments' headings stay. */
      rest = after (rest, "Signed electronically by Maya Lindqvist, LMT");
      rest = after (rest, "Client confirmed nothing changed");
      rest = after (rest, "Amendment 1, by Maya Lindqvist, LMT");
      rest = after (rest, "Reason: Restricted Restricted");
      g_assert_nonnull (strstr (words, "Drive an hour without neck pain"));
      g_assert_null (strstr (words, "DRAFT"));
    }

  /* The progress report holds no narrative: the same for both readers. */
  progress = palp_doc_progress_render (document, &error);
  g_assert_no_error (error);
  open_words = pdf_words (open, NULL);
  progress_words = pdf_words (progress, NULL);
  g_assert_cmpstr (open_words, ==, progress_words);
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

  g_test_add_func ("/clinical/soap-signed", test_soap_signed);
  g_test_add_func ("/clinical/soap-draft", test_soap_draft);
  g_test_add_func ("/clinical/soap-refuses", test_soap_refuses);
  g_test_add_func ("/clinical/plan", test_plan);
  g_test_add_func ("/clinical/plan-details", test_plan_details);
  g_test_add_func ("/clinical/progress", test_progress);
  g_test_add_func ("/clinical/no-plan", test_no_plan);
  g_test_add_func ("/clinical/record", test_record);
  g_test_add_func ("/clinical/hostile", test_hostile);
  g_test_add_func ("/clinical/restricted", test_restricted);
  return g_test_run ();
}
