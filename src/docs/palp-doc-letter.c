/* palp-doc-letter.c: the letter of medical necessity and the appeal of a
 * denied claim
 *
 * Both are drafted from the record into plain text fields and printed from
 * those fields alone. The appeal carries its evidence: the progress report
 * and the notes of the claim's visits follow the letter, each from a new
 * page, drawn by the same code as the documents they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-date.h"
#include "palp-doc-clinical-private.h"
#include "palp-doc-letter.h"
#include "palp-doc-receipt.h"
#include "palp-letter-rule.h"
#include "palp-money.h"

/* Administrators usually accept a letter for a year (DOMAIN.md §7). */
#define LETTER_MONTHS 12

/* Midnight UTC of the letter's day: the same letter, the same bytes. */
static GDateTime *
letter_time (const char *iso)
{
  GDate date;

  if (iso == NULL || !palp_date_parse_iso (iso, &date))
    return NULL;
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
}

#define FIELD(key, label, member, multiline) \
  { key, label, G_STRUCT_OFFSET (PalpLetterDraft, member), multiline }

static PalpLetterField letter_fields[] = {
  FIELD ("patient", N_("Patient"), patient, FALSE),
  FIELD ("birth-date", N_("Date of birth"), birth_date, FALSE),
  FIELD ("account-holder", N_("Account holder"), account_holder, FALSE),
  FIELD ("diagnoses", N_("Diagnoses"), diagnoses, TRUE),
  FIELD ("treatment", N_("Treatment"), treatment, TRUE),
  FIELD ("frequency", N_("Frequency"), frequency, FALSE),
  FIELD ("duration", N_("Duration or dates"), duration, FALSE),
  FIELD ("goals", N_("Goals and progress"), goals, TRUE),
  FIELD ("statement", N_("Statement of medical necessity"), statement, TRUE),
  FIELD ("prescriber", N_("Prescriber"), prescriber, FALSE),
  FIELD ("credentials", N_("Credentials"), credentials, FALSE),
  FIELD ("licence", N_("Licence or NPI"), licence, FALSE),
  FIELD ("date", N_("Letter date"), date, FALSE),
};

#undef FIELD

/* ---------------------------------------------------------------------- */
/* Drafts                                                                 */

const PalpLetterField *
palp_letter_fields (guint *n_fields)
{
  static gsize translated = 0;

  if (g_once_init_enter (&translated))
    {
      for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
        letter_fields[i].label = _(letter_fields[i].label);
      g_once_init_leave (&translated, 1);
    }
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (letter_fields);
  return letter_fields;
}

static char **
field_slot (const PalpLetterDraft *draft,
            const char            *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    if (g_strcmp0 (letter_fields[i].key, key) == 0)
      return G_STRUCT_MEMBER_P (draft, letter_fields[i].offset);
  return NULL;
}

const char *
palp_letter_draft_get (const PalpLetterDraft *draft,
                       const char            *key)
{
  char **slot;

  g_return_val_if_fail (draft != NULL, NULL);

  slot = field_slot (draft, key);
  return slot != NULL ? (*slot != NULL ? *slot : "") : NULL;
}

gboolean
palp_letter_draft_set (PalpLetterDraft *draft,
                       const char      *key,
                       const char      *text)
{
  char **slot;

  g_return_val_if_fail (draft != NULL, FALSE);

  if ((slot = field_slot (draft, key)) == NULL)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (text != NULL ? text : "");
  return TRUE;
}

static PalpLetterDraft *
draft_new (void)
{
  PalpLetterDraft *draft = g_new0 (PalpLetterDraft, 1);

  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    *(char **) G_STRUCT_MEMBER_P (draft, letter_fields[i].offset) = g_strdup ("");
  return draft;
}

PalpLetterDraft *
palp_letter_draft_copy (const PalpLetterDraft *draft)
{
  PalpLetterDraft *copy;

  g_return_val_if_fail (draft != NULL, NULL);

  copy = draft_new ();
  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    palp_letter_draft_set (copy, letter_fields[i].key,
                           palp_letter_draft_get (draft, letter_fields[i].key));
  return copy;
}

void
palp_letter_draft_free (PalpLetterDraft *draft)
{
  if (draft == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    g_free (*(char **) G_STRUCT_MEMBER_P (draft, letter_fields[i].offset));
  g_free (draft);
}

char *
palp_letter_draft_to_json (const PalpLetterDraft *draft)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    {
      json_builder_set_member_name (builder, letter_fields[i].key);
      json_builder_add_string_value (builder, palp_letter_draft_get (draft, letter_fields[i].key));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

PalpLetterDraft *
palp_letter_draft_from_json (const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PalpLetterDraft) draft = NULL;
  JsonObject *object;
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The letter’s text is not readable."));
      return NULL;
    }
  object = json_node_get_object (root);
  draft = draft_new ();
  for (guint i = 0; i < G_N_ELEMENTS (letter_fields); i++)
    {
      JsonNode *node = json_object_get_member (object, letter_fields[i].key);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        palp_letter_draft_set (draft, letter_fields[i].key, json_node_get_string (node));
    }
  return g_steal_pointer (&draft);
}

/* ---------------------------------------------------------------------- */
/* What the record holds                                                  */

/* The client's current diagnoses with a code: those @plan addresses when
 * it names them. A new reference list. */
static GPtrArray *
letter_diagnoses (const PalpClinicalDocument *document,
                  const PalpPlanDocument     *plan)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  const char *ids = plan != NULL ? palp_plan_get_string (plan->plan, "diagnosis-ids") : NULL;
  g_auto(GStrv) addressed = clinical_is_set (ids) ? g_strsplit (ids, ",", -1) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (document->diagnoses); i++)
    {
      g_autoptr(PalpDiagnosis) d = g_list_model_get_item (document->diagnoses, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, palp_diagnosis_get_int (d, "id"));

      if (palp_diagnosis_get_int (d, "archived") ||
          !clinical_is_set (palp_diagnosis_get_string (d, "code")))
        continue;
      if (addressed != NULL && !g_strv_contains ((const char * const *) addressed, id))
        continue;
      g_ptr_array_add (list, g_steal_pointer (&d));
    }
  return list;
}

static gboolean
goal_is_measurable (PalpPlanGoal *goal)
{
  PalpGoal core;

  return !palp_plan_goal_get_int (goal, "archived")
         && clinical_goal_to_core (goal, &core)
         && (core.due_date != NULL || core.due_visit > 0)
         && palp_goal_validate (&core, NULL);
}

static gboolean
note_is_signed (PalpSoapNote *note)
{
  return palp_soap_note_get_int (note, "signed")
         || clinical_is_set (palp_soap_note_get_string (note, "signed-at"));
}

/* The day of the latest signed note with an assessment; NULL without. */
static char *
latest_assessment (const PalpClinicalDocument *document)
{
  for (guint i = document->visits->len; i > 0; i--)
    {
      PalpVisitDocument *visit = g_ptr_array_index (document->visits, i - 1);
      const char *starts = palp_visit_get_string (visit->visit, "starts-at");

      if (visit->note == NULL || palp_visit_is_esthetic_only (visit->visit) ||
          !note_is_signed (visit->note) ||
          !clinical_is_set (palp_soap_note_get_string (visit->note, "assessment")) ||
          starts == NULL || strlen (starts) < 10)
        continue;
      return g_strndup (starts, 10);
    }
  return NULL;
}

static PalpPlanDocument *
active_plan (const PalpClinicalDocument *document)
{
  PalpPlanDocument *plan;

  if (document->plans->len == 0)
    return NULL;
  plan = g_ptr_array_index (document->plans, 0);
  return g_strcmp0 (palp_plan_get_string (plan->plan, "status"), "discharged") == 0 ? NULL : plan;
}

GStrv
palp_doc_lomn_missing (const PalpClinicalDocument *document)
{
  PalpPlanDocument *plan;
  g_autoptr(GPtrArray) diagnoses = NULL;
  g_autofree char *assessed = NULL;
  PalpLetterFacts facts = { 0 };

  g_return_val_if_fail (document != NULL, NULL);

  plan = active_plan (document);
  diagnoses = letter_diagnoses (document, plan);
  assessed = latest_assessment (document);
  facts.n_diagnoses = diagnoses->len;
  facts.has_plan = plan != NULL;
  for (guint g = 0; plan != NULL && g < g_list_model_get_n_items (plan->goals); g++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (plan->goals, g);

      if (palp_plan_goal_get_int (goal, "archived"))
        continue;
      facts.n_goals++;
      if (goal_is_measurable (goal))
        facts.n_measurable_goals++;
    }
  facts.plan_started_on = plan != NULL ? palp_plan_get_string (plan->plan, "started-on") : NULL;
  facts.reassess_on = plan != NULL ? palp_plan_get_string (plan->plan, "reassess-on") : NULL;
  facts.assessed_on = assessed;
  facts.today = document->today;
  return palp_letter_missing (&facts);
}

/* "R25.2 Cramp and spasm", one a line. */
static char *
diagnoses_text (const PalpClinicalDocument *document,
                const PalpPlanDocument     *plan)
{
  g_autoptr(GPtrArray) diagnoses = letter_diagnoses (document, plan);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < diagnoses->len; i++)
    {
      PalpDiagnosis *d = g_ptr_array_index (diagnoses, i);
      const char *laterality = palp_diagnosis_get_string (d, "laterality");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s %s", palp_diagnosis_get_string (d, "code"),
                              palp_diagnosis_get_string (d, "description"));
      if (clinical_is_set (laterality))
        g_string_append_printf (text, " (%s)", laterality);
    }
  return g_string_free (text, FALSE);
}

static char *
treatment_text (const PalpPlanDocument *plan)
{
  const char *techniques = palp_plan_get_string (plan->plan, "techniques");

  if (!clinical_is_set (techniques))
    return g_strdup (_("Therapeutic massage."));
  /* Translators: the treatment a letter of medical necessity prescribes,
   * then the plan's techniques. */
  return g_strdup_printf (_("Therapeutic massage: %s."), techniques);
}

static char *
frequency_text (const PalpPlanDocument *plan)
{
  const char *frequency = palp_plan_get_string (plan->plan, "frequency");
  int minutes = (int) palp_plan_get_int (plan->plan, "session-minutes");
  g_autofree char *length = NULL;

  if (minutes > 0)
    length = g_strdup_printf (ngettext ("sessions of %d minute", "sessions of %d minutes",
                                        minutes), minutes);
  if (clinical_is_set (frequency) && length != NULL)
    /* Translators: a plan's frequency and its sessions' length: "Weekly, sessions of 30 minutes". */
    return g_strdup_printf (_("%s, %s"), frequency, length);
  if (clinical_is_set (frequency))
    return g_strdup (frequency);
  return g_strdup (length != NULL ? length : "");
}

static char *
duration_text (const PalpClinicalDocument *document,
               const PalpPlanDocument     *plan)
{
  int sessions = (int) palp_plan_get_int (plan->plan, "sessions");
  g_autofree char *from = clinical_date (document, document->today);
  g_autofree char *to = NULL;
  g_autofree char *range = NULL;
  GDate date;

  if (document->today != NULL && palp_date_parse_iso (document->today, &date))
    {
      g_autofree char *iso = NULL;

      g_date_add_months (&date, LETTER_MONTHS);
      g_date_subtract_days (&date, 1);
      iso = palp_date_to_iso (&date);
      to = clinical_date (document, iso);
    }
  /* Translators: the dates a letter of medical necessity covers. */
  range = to != NULL ? g_strdup_printf (_("%s to %s"), from, to) : g_strdup (from);
  if (sessions > 0)
    /* Translators: the sessions a plan holds, then the dates the letter covers. */
    return g_strdup_printf (ngettext ("%d session planned; %s", "%d sessions planned; %s",
                                      sessions), sessions, range);
  return g_steal_pointer (&range);
}

/* One line per goal: where it started, where it is, where it is going. */
static char *
goals_text (const PalpClinicalDocument *document,
            const PalpPlanDocument     *plan)
{
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < g_list_model_get_n_items (plan->goals); g++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (plan->goals, g);
      const char *unit = palp_plan_goal_get_string (goal, "unit");
      g_autofree char *title = NULL;
      g_autofree char *baseline = NULL;
      g_autofree char *target = NULL;
      g_autofree char *line = NULL;
      g_autoptr(GArray) series = NULL;
      PalpGoalProgress progress = { 0 };
      guint last_visit = 0;
      PalpGoal core;

      if (!goal_is_measurable (goal))
        continue;
      clinical_goal_to_core (goal, &core);
      series = clinical_goal_series (document, plan, g, &last_visit);
      if (!palp_goal_progress (&core, (const PalpMeasurement *) (gpointer) series->data,
                               series->len, document->today, last_visit, &progress, NULL))
        continue;
      title = clinical_goal_title (goal);
      baseline = clinical_value (palp_plan_goal_get_string (goal, "baseline"), unit);
      target = clinical_value (palp_plan_goal_get_string (goal, "target"), unit);
      if (progress.measured)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *latest = clinical_value (g_ascii_formatd (buf, sizeof buf, "%.4g",
                                                                     progress.current), unit);
          const PalpMeasurement *m = &g_array_index (series, PalpMeasurement, series->len - 1);
          g_autofree char *on = clinical_date (document, m->date);

          /* Translators: one goal in a letter: the goal, its baseline, its
           * latest reading and that reading's date, its target, and how it
           * stands ("Target met"). */
          line = g_strdup_printf (_("%s: %s at the start, %s on %s; target %s. %s."), title,
                                  baseline, latest, on, target,
                                  clinical_goal_verdict (&progress));
        }
      else
        /* Translators: one goal not yet measured again: the goal, its
         * baseline and target, and how it stands. */
        line = g_strdup_printf (_("%s: %s at the start; target %s. %s."), title, baseline,
                                target, clinical_goal_verdict (&progress));
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "• %s", line);
    }
  return g_string_free (text, FALSE);
}

/* The prescriber of the latest referral; else the plan's practitioner. */
static void
draft_prescriber (PalpLetterDraft            *draft,
                  const PalpClinicalDocument *document,
                  const PalpPlanDocument     *plan,
                  gboolean                    referral_first)
{
  g_autoptr(PalpReferral) referral = NULL;
  gint64 user_id = palp_plan_get_int (plan->plan, "practitioner-id");
  PalpUser *user = palp_clinical_document_get_user (document, user_id);
  PalpLicence *licence;

  if (referral_first && g_list_model_get_n_items (document->referrals) > 0)
    referral = g_list_model_get_item (document->referrals, 0);
  if (referral != NULL && clinical_is_set (palp_referral_get_string (referral,
                                                                      "prescriber-name")))
    {
      const char *npi = palp_referral_get_string (referral, "npi");

      palp_letter_draft_set (draft, "prescriber",
                             palp_referral_get_string (referral, "prescriber-name"));
      palp_letter_draft_set (draft, "credentials",
                             palp_referral_get_string (referral, "profession"));
      if (clinical_is_set (npi))
        {
          g_autofree char *text = g_strdup_printf (_("NPI %s"), npi);

          palp_letter_draft_set (draft, "licence", text);
        }
      return;
    }
  if (user == NULL)
    return;
  palp_letter_draft_set (draft, "prescriber", palp_user_get_display_name (user));
  palp_letter_draft_set (draft, "credentials", palp_user_get_credentials (user));
  licence = palp_clinical_document_get_licence (document, user_id, document->today);
  if (licence != NULL && clinical_is_set (palp_licence_get_number (licence)))
    {
      const char *where = palp_licence_get_jurisdiction (licence);
      g_autofree char *text = clinical_is_set (where)
                                ? g_strdup_printf (_("Licence no. %s (%s)"),
                                                   palp_licence_get_number (licence), where)
                                : g_strdup_printf (_("Licence no. %s"),
                                                   palp_licence_get_number (licence));

      palp_letter_draft_set (draft, "licence", text);
    }
  else
    {
      g_autofree char *npi = NULL;

      g_object_get (user, "npi", &npi, NULL);
      if (clinical_is_set (npi))
        {
          g_autofree char *text = g_strdup_printf (_("NPI %s"), npi);

          palp_letter_draft_set (draft, "licence", text);
        }
    }
}

static PalpLetterDraft *
draft_from_record (const PalpClinicalDocument  *document,
                   const PalpPlanDocument      *plan)
{
  PalpLetterDraft *draft = draft_new ();
  g_autofree char *name = palp_doc_billing_client_name (document->client);
  g_autofree char *birth = clinical_date (document, palp_client_get_birth_date (document->client));
  g_autofree char *diagnoses = diagnoses_text (document, plan);
  g_autofree char *treatment = treatment_text (plan);
  g_autofree char *frequency = frequency_text (plan);
  g_autofree char *duration = duration_text (document, plan);
  g_autofree char *goals = goals_text (document, plan);

  palp_letter_draft_set (draft, "patient", name);
  palp_letter_draft_set (draft, "birth-date", birth);
  palp_letter_draft_set (draft, "diagnoses", diagnoses);
  palp_letter_draft_set (draft, "treatment", treatment);
  palp_letter_draft_set (draft, "frequency", frequency);
  palp_letter_draft_set (draft, "duration", duration);
  palp_letter_draft_set (draft, "goals", goals);
  palp_letter_draft_set (draft, "date", document->today);
  return draft;
}

static gboolean
draftable (const PalpClinicalDocument  *document,
           GError                     **error)
{
  g_auto(GStrv) missing = palp_doc_lomn_missing (document);

  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", missing);

      g_set_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                   _("The record cannot support a letter of medical necessity yet:\n%s"), list);
      return FALSE;
    }
  return TRUE;
}

PalpLetterDraft *
palp_doc_lomn_draft (const PalpClinicalDocument  *document,
                     const char                  *account_holder,
                     GError                     **error)
{
  PalpLetterDraft *draft;
  PalpPlanDocument *plan;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);

  if (!draftable (document, error))
    return NULL;
  plan = active_plan (document);
  draft = draft_from_record (document, plan);
  palp_letter_draft_set (draft, "account-holder", account_holder);
  palp_letter_draft_set (draft, "statement",
                         _("In my professional opinion, therapeutic massage is medically "
                           "necessary to treat the condition above. It is prescribed to treat "
                           "this condition, not for general health, wellness, relaxation or "
                           "cosmetic purposes, and would not be needed without it."));
  draft_prescriber (draft, document, plan, TRUE);
  return draft;
}

PalpLetterDraft *
palp_doc_appeal_draft (const PalpClinicalDocument  *document,
                       GError                     **error)
{
  PalpLetterDraft *draft;
  PalpPlanDocument *plan;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);

  if (!draftable (document, error))
    return NULL;
  plan = active_plan (document);
  draft = draft_from_record (document, plan);
  palp_letter_draft_set (draft, "statement",
                         _("The treatment billed on this claim treated the diagnosed condition "
                           "above under a written plan of care with measurable goals, and the "
                           "progress documented at each visit shows it was medically necessary: "
                           "it was not for general health, wellness, relaxation or cosmetic "
                           "purposes. The progress report and the notes of the visits billed "
                           "are enclosed. We ask that the claim be reconsidered and paid."));
  {
    /* The plan the claim's visits were given under, not a year ahead. */
    int sessions = (int) palp_plan_get_int (plan->plan, "sessions");
    g_autofree char *since = clinical_date (document, palp_plan_get_string (plan->plan,
                                                                            "started-on"));
    g_autofree char *text = sessions > 0
                              /* Translators: an appeal's duration: sessions a plan holds
                               * and the day it started. */
                              ? g_strdup_printf (ngettext ("%d session planned from %s",
                                                           "%d sessions planned from %s",
                                                           sessions), sessions, since)
                              /* Translators: the day a plan started. */
                              : g_strdup_printf (_("From %s"), since);

    palp_letter_draft_set (draft, "duration", text);
  }
  draft_prescriber (draft, document, plan, FALSE);
  return draft;
}

/* ---------------------------------------------------------------------- */
/* Printing                                                               */

static gboolean
require (const char  *text,
         const char  *message,
         GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (copy[0] != '\0')
    return TRUE;
  g_set_error_literal (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                       message);
  return FALSE;
}

static gboolean
letter_ok (const PalpLetterDraft  *draft,
           GError                **error)
{
  return require (draft->patient, _("The letter does not name the patient."), error) &&
         require (draft->diagnoses, _("The letter names no diagnosis."), error) &&
         require (draft->treatment, _("The letter does not say what treatment is "
                                      "prescribed."), error) &&
         require (draft->statement, _("The letter has no statement of medical necessity."),
                  error) &&
         require (draft->prescriber, _("The letter does not name the prescriber who signs "
                                       "it."), error);
}

/* An ICD-10 code's shape (DOMAIN.md §5): a letter, a digit, a letter or
 * digit, then optionally "." and up to four more. */
static gboolean
looks_like_code (const char *text)
{
  gsize len = strlen (text);

  if (len < 3 || !g_ascii_isalpha (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isalnum (text[2]))
    return FALSE;
  if (len == 3)
    return TRUE;
  if (text[3] != '.' || len > 8)
    return FALSE;
  for (gsize i = 4; i < len; i++)
    if (!g_ascii_isalnum (text[i]))
      return FALSE;
  return TRUE;
}

/* The diagnoses, a row each: the code when a line starts with one. */
static void
add_diagnoses (PalpDoc    *doc,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  PalpDocColumn columns[] = {
    { _("ICD-10"), 0.9, PALP_DOC_ALIGN_START },
    { _("Diagnosis"), 5.0, PALP_DOC_ALIGN_START },
  };
  gboolean any = FALSE;

  palp_doc_add_heading (doc, _("Diagnoses"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *code = NULL;
      const char *rest = line;
      const char *space = strchr (line, ' ');
      const char *cells[2];

      if (line[0] == '\0')
        continue;
      if (space != NULL)
        {
          g_autofree char *first = g_strndup (line, space - line);

          if (looks_like_code (first))
            {
              code = g_steal_pointer (&first);
              rest = space + 1;
            }
        }
      else if (looks_like_code (line))
        {
          code = g_strdup (line);
          rest = "";
        }
      if (!any)
        palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
      any = TRUE;
      cells[0] = code != NULL ? code : "";
      cells[1] = rest;
      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
    }
  if (any)
    palp_doc_end_table (doc);
}

static void
add_section (PalpDoc    *doc,
             const char *heading,
             const char *text)
{
  if (!clinical_is_set (text))
    return;
  palp_doc_add_heading (doc, heading);
  palp_doc_add_paragraph (doc, text, PALP_DOC_TEXT_BODY);
}

/* Diagnoses, treatment, frequency and duration, goals and progress. */
static void
add_case (PalpDoc               *doc,
          const PalpLetterDraft *draft)
{
  g_autoptr(GString) schedule = g_string_new (NULL);

  add_diagnoses (doc, draft->diagnoses);
  add_section (doc, _("Treatment prescribed"), draft->treatment);
  if (clinical_is_set (draft->frequency))
    g_string_append_printf (schedule, _("Frequency: %s"), draft->frequency);
  if (clinical_is_set (draft->duration))
    {
      if (schedule->len > 0)
        g_string_append_c (schedule, '\n');
      g_string_append_printf (schedule, _("Duration: %s"), draft->duration);
    }
  add_section (doc, _("Frequency and duration"), schedule->str);
  add_section (doc, _("Goals and progress so far"), draft->goals);
}

#define SIGN_LINES_HEIGHT 48.0

typedef struct
{
  char *sign;
  char *date;
} SignLines;

static void
sign_lines_free (gpointer data)
{
  SignLines *lines = data;

  g_free (lines->sign);
  g_free (lines->date);
  g_free (lines);
}

static void
draw_caption (cairo_t    *cr,
              const char *text,
              double      x,
              double      y)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("DejaVu Sans 7");
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autofree char *upper = g_utf8_strup (text, -1);

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, upper, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A line to sign on and a line for the date, each captioned below. */
static void
draw_sign_lines_cb (cairo_t  *cr,
                    double    width,
                    double    height,
                    gpointer  user_data)
{
  SignLines *lines = user_data;
  double line_y = height - 16.0;
  double sign_w = MIN (width * 0.58, 300.0);
  double date_x = sign_w + 36.0;
  double date_w = MIN (width - date_x, 150.0);

  cairo_set_source_rgb (cr, 0.13, 0.13, 0.14);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, line_y);
  cairo_line_to (cr, sign_w, line_y);
  cairo_move_to (cr, date_x, line_y);
  cairo_line_to (cr, date_x + date_w, line_y);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.40, 0.41, 0.43);
  draw_caption (cr, lines->sign, 0, line_y + 3.0);
  draw_caption (cr, lines->date, date_x, line_y + 3.0);
}

/* Lines to sign and date by hand, then who signs: name, credentials,
 * licence or NPI. Kept together on one page. */
static void
add_signature_lines (PalpDoc               *doc,
                     const PalpLetterDraft *draft,
                     const char            *caption)
{
  SignLines *lines = g_new0 (SignLines, 1);
  g_autofree char *name = NULL;
  g_autofree char *words = NULL;

  lines->sign = g_strdup (caption);
  /* Translators: the caption under the line where the signer writes the date. */
  lines->date = g_strdup (_("Date"));
  if (clinical_is_set (draft->credentials))
    /* Translators: who signs a letter, and their credentials: "Dr. Samuel Lee, MD, Radiation oncologist". */
    name = g_strdup_printf (_("%s, %s"), draft->prescriber, draft->credentials);
  else
    name = g_strdup (draft->prescriber);
  words = g_strdup_printf ("%s · %s", caption, lines->date);

  palp_doc_keep_together (doc, SIGN_LINES_HEIGHT + 50.0);
  palp_doc_add_drawing (doc, 0, SIGN_LINES_HEIGHT, words, draw_sign_lines_cb, lines,
                        sign_lines_free);
  palp_doc_add_paragraph (doc, name, PALP_DOC_TEXT_STRONG);
  if (clinical_is_set (draft->licence))
    palp_doc_add_paragraph (doc, draft->licence, PALP_DOC_TEXT_BODY);
}

GBytes *
palp_doc_lomn_render (const PalpClinicalDocument  *document,
                      const PalpLetterDraft       *draft,
                      GError                     **error)
{
  ClinicalWriter writer;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) created = NULL;
  PalpDocField fields[3];
  gsize n_fields = 0;

  g_return_val_if_fail (document != NULL && PALP_IS_CLINIC (document->clinic), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!letter_ok (draft, error))
    return NULL;
  date = clinical_date (document, draft->date);
  if (clinical_is_set (draft->birth_date))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), draft->birth_date };
  if (clinical_is_set (draft->account_holder))
    fields[n_fields++] = (PalpDocField) { _("Account holder"), draft->account_holder };
  fields[n_fields++] = (PalpDocField) { _("Date"), date };

  if (!clinical_writer_init_for (&writer, document, _("Letter of Medical Necessity"), date,
                                 _("Letter of medical necessity for massage therapy"),
                                 _("Patient"), draft->patient, fields, n_fields, error))
    return NULL;
  /* The same bytes for the same letter: dated by its own date. */
  if ((created = letter_time (draft->date)) != NULL)
    palp_doc_set_creation_date (writer.doc, created);

  palp_doc_add_paragraph (writer.doc,
                          _("To the plan administrator or insurer: I prescribe therapeutic "
                            "massage for the patient named above, for the condition and on the "
                            "terms below."), PALP_DOC_TEXT_BODY);
  add_case (writer.doc, draft);
  palp_doc_add_heading (writer.doc, _("Statement of medical necessity"));
  palp_doc_add_paragraph (writer.doc, draft->statement, PALP_DOC_TEXT_STRONG);
  add_signature_lines (writer.doc, draft, _("Prescriber’s signature"));
  return clinical_writer_finish (&writer, error);
}

GBytes *
palp_doc_lomn_prepare (const PalpClinicalDocument  *document,
                       const char                  *account_holder,
                       PalpLetter                  *letter,
                       GError                     **error)
{
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autofree char *fields = NULL;
  GBytes *pdf;

  g_return_val_if_fail (PALP_IS_LETTER (letter), NULL);

  if (!(draft = palp_doc_lomn_draft (document, account_holder, error)) ||
      !(pdf = palp_doc_lomn_render (document, draft, error)))
    return NULL;
  fields = palp_letter_draft_to_json (draft);
  g_object_set (letter, "client-id", palp_client_get_id (document->client), "kind", "lomn",
                "issued-on", draft->date, "prescriber", draft->prescriber, "fields", fields,
                NULL);
  return pdf;
}

/* ---------------------------------------------------------------------- */
/* The appeal                                                             */

static gboolean
claim_ok (const PalpAppealClaim  *claim,
          GError                **error)
{
  if (!require (claim->number, _("The appeal does not give the claim’s number."), error) ||
      !require (claim->payer_name, _("The appeal does not name the payer."), error) ||
      !require (claim->member_id, _("The appeal does not give the member id."), error) ||
      !require (claim->denial_reason, _("The appeal does not say why the claim was denied."),
                error))
    return FALSE;
  if (claim->n_lines == 0 || claim->lines == NULL)
    {
      g_set_error_literal (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                           _("The claim appealed has no service line."));
      return FALSE;
    }
  return TRUE;
}

static void
service_dates (const PalpAppealClaim  *claim,
               const char            **first,
               const char            **last)
{
  *first = *last = NULL;
  for (gsize i = 0; i < claim->n_lines; i++)
    {
      const char *date = claim->lines[i].date;

      if (!clinical_is_set (date))
        continue;
      if (*first == NULL || strcmp (date, *first) < 0)
        *first = date;
      if (*last == NULL || strcmp (date, *last) > 0)
        *last = date;
    }
}

static void
add_claim (ClinicalWriter        *writer,
           const PalpAppealClaim *claim)
{
  const PalpClinicalDocument *document = writer->document;
  PalpDoc *doc = writer->doc;
  g_autoptr(GString) facts = g_string_new (NULL);
  const char *first, *last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *total = NULL;
  gint64 total_cents = 0;
  PalpDocColumn columns[] = {
    { _("Date of service"), 1.3, PALP_DOC_ALIGN_START },
    { _("Code"), 0.9, PALP_DOC_ALIGN_START },
    { _("Modifiers"), 0.9, PALP_DOC_ALIGN_START },
    { _("Diagnosis pointer"), 1.1, PALP_DOC_ALIGN_START },
    { _("Units"), 0.6, PALP_DOC_ALIGN_END },
    { _("Charge"), 1.0, PALP_DOC_ALIGN_END },
  };
  PalpDocTotal totals[1];

  service_dates (claim, &first, &last);
  from = clinical_date (document, first);
  to = clinical_date (document, last);

  palp_doc_add_heading (doc, _("Claim appealed"));
  g_string_append_printf (facts, _("Claim no.: %s"), claim->number);
  if (clinical_is_set (claim->payer_reference))
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Payer’s reference: %s"), claim->payer_reference);
    }
  g_string_append_c (facts, '\n');
  g_string_append_printf (facts, _("Member id: %s"), claim->member_id);
  if (clinical_is_set (claim->group_number))
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Group no.: %s"), claim->group_number);
    }
  g_string_append_c (facts, '\n');
  if (first != NULL && g_strcmp0 (first, last) != 0)
    /* Translators: the first and last dates of service of a claim. */
    g_string_append_printf (facts, _("Dates of service: %s to %s"), from, to);
  else
    g_string_append_printf (facts, _("Date of service: %s"), from);
  if (clinical_is_set (claim->submitted_on))
    {
      g_autofree char *on = clinical_date (document, claim->submitted_on);

      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Submitted: %s"), on);
    }
  if (clinical_is_set (claim->denied_on))
    {
      g_autofree char *on = clinical_date (document, claim->denied_on);

      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Denied: %s"), on);
    }
  palp_doc_add_paragraph (doc, facts->str, PALP_DOC_TEXT_BODY);

  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  for (gsize i = 0; i < claim->n_lines; i++)
    {
      const PalpAppealLine *line = &claim->lines[i];
      g_autofree char *date = clinical_date (document, line->date);
      g_autofree char *units = g_strdup_printf ("%u", line->units);
      g_autofree char *charge = palp_doc_billing_format_money (document->clinic,
                                                               line->charge_cents);
      const char *cells[6] = {
        date, line->code != NULL ? line->code : "", line->modifiers != NULL ? line->modifiers : "",
        line->pointers != NULL ? line->pointers : "", units, charge,
      };

      total_cents += line->charge_cents;
      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (doc);
  total = palp_doc_billing_format_money (document->clinic, total_cents);
  totals[0] = (PalpDocTotal) { _("Total charges"), total,
                               PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE };
  palp_doc_add_totals (doc, totals, G_N_ELEMENTS (totals));

  palp_doc_add_heading (doc, _("Reason for denial"));
  palp_doc_add_notice (doc, claim->denial_reason);
}

static void
new_page (PalpDoc *doc)
{
  palp_doc_keep_together (doc, palp_doc_get_page_height (doc));
}

GBytes *
palp_doc_appeal_render (const PalpClinicalDocument  *document,
                        const PalpAppealClaim       *claim,
                        const PalpLetterDraft       *draft,
                        GError                     **error)
{
  ClinicalWriter writer;
  PalpPlanDocument *plan;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GPtrArray) visits = g_ptr_array_new ();
  g_autoptr(GString) to = NULL;
  g_autoptr(GString) enclosed = g_string_new (NULL);
  PalpDocField fields[3];
  gsize n_fields = 0;

  g_return_val_if_fail (document != NULL && PALP_IS_CLINIC (document->clinic), NULL);
  g_return_val_if_fail (claim != NULL && draft != NULL, NULL);

  if (!claim_ok (claim, error) || !letter_ok (draft, error) ||
      !(plan = clinical_current_plan (document, error)))
    return NULL;
  for (gsize i = 0; i < claim->n_visits; i++)
    {
      PalpVisitDocument *visit = palp_clinical_document_find_visit (document,
                                                                    claim->visit_ids[i]);

      if (visit != NULL && visit->note != NULL && !palp_visit_is_esthetic_only (visit->visit))
        g_ptr_array_add (visits, visit);
    }

  date = clinical_date (document, draft->date);
  if (clinical_is_set (draft->birth_date))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), draft->birth_date };
  fields[n_fields++] = (PalpDocField) { _("Claim no."), claim->number };
  fields[n_fields++] = (PalpDocField) { _("Date"), date };
  /* Translators: the title of the letter appealing a denied claim. */
  title = g_strdup (_("Appeal of a Denied Claim"));
  if (!clinical_writer_init_for (&writer, document, title, date,
                                 _("Appeal of a denied claim, with its evidence"), _("Patient"),
                                 draft->patient, fields, n_fields, error))
    return NULL;
  if ((created = letter_time (draft->date)) != NULL)
    palp_doc_set_creation_date (writer.doc, created);

  to = g_string_new (claim->payer_name);
  if (clinical_is_set (claim->payer_address))
    g_string_append_printf (to, "\n%s", claim->payer_address);
  palp_doc_add_heading (writer.doc, _("To"));
  palp_doc_add_paragraph (writer.doc, to->str, PALP_DOC_TEXT_BODY);

  add_claim (&writer, claim);
  palp_doc_add_heading (writer.doc, _("Why the treatment was medically necessary"));
  palp_doc_add_paragraph (writer.doc, draft->statement, PALP_DOC_TEXT_BODY);
  add_case (writer.doc, draft);

  g_string_append (enclosed, _("Progress report"));
  for (guint i = 0; i < visits->len; i++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (visits, i);
      g_autofree char *day = clinical_date (document, palp_visit_get_string (visit->visit,
                                                                             "starts-at"));

      g_string_append_c (enclosed, '\n');
      /* Translators: an enclosure of an appeal: the note of the visit of that day. */
      g_string_append_printf (enclosed, _("SOAP note of %s"), day);
    }
  palp_doc_add_heading (writer.doc, _("Enclosed"));
  palp_doc_add_paragraph (writer.doc, enclosed->str, PALP_DOC_TEXT_BODY);
  add_signature_lines (writer.doc, draft, _("Treating practitioner’s signature"));

  /* The evidence, each from a new page. */
  new_page (writer.doc);
  palp_doc_add_title (writer.doc, _("Progress report"), date);
  if (!clinical_add_progress_report (&writer, plan, error))
    goto failed;
  for (guint i = 0; i < visits->len; i++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (visits, i);
      g_autofree char *day = clinical_date (document, palp_visit_get_string (visit->visit,
                                                                             "starts-at"));

      new_page (writer.doc);
      palp_doc_add_title (writer.doc, _("SOAP note"), day);
      if (!clinical_add_visit_note (&writer, visit, error))
        goto failed;
    }
  return clinical_writer_finish (&writer, error);

failed:
  clinical_writer_clear (&writer);
  return NULL;
}

void
palp_appeal_claim_init (PalpAppealClaim *appeal,
                        PalpClaim       *claim,
                        GListModel      *lines,
                        PalpPolicy      *policy,
                        PalpPayer       *payer)
{
  GArray *out_lines = g_array_new (FALSE, FALSE, sizeof (PalpAppealLine));
  GArray *out_visits = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (appeal != NULL && PALP_IS_CLAIM (claim) && G_IS_LIST_MODEL (lines));

  memset (appeal, 0, sizeof *appeal);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
      gint64 visit_id = palp_claim_line_get_int (line, "visit-id");
      PalpAppealLine l = {
        palp_claim_line_get_string (line, "service-on"),
        palp_claim_line_get_string (line, "code"),
        palp_claim_line_get_string (line, "modifiers"),
        palp_claim_line_get_string (line, "pointers"),
        (guint) palp_claim_line_get_int (line, "units"),
        palp_claim_line_get_int (line, "charge-cents"),
      };
      gboolean seen = FALSE;

      g_array_append_val (out_lines, l);
      for (guint v = 0; v < out_visits->len; v++)
        seen = seen || g_array_index (out_visits, gint64, v) == visit_id;
      if (!seen && visit_id > 0)
        g_array_append_val (out_visits, visit_id);
    }
  appeal->number = palp_claim_get_string (claim, "number");
  appeal->payer_name = payer != NULL ? palp_payer_get_string (payer, "name")
                                     : palp_claim_get_string (claim, "payer-name");
  appeal->payer_address = payer != NULL ? palp_payer_get_string (payer, "address") : NULL;
  appeal->member_id = policy != NULL ? palp_policy_get_string (policy, "member-id") : NULL;
  appeal->group_number = policy != NULL ? palp_policy_get_string (policy, "group-number") : NULL;
  appeal->payer_reference = palp_claim_get_string (claim, "payer-reference");
  appeal->submitted_on = palp_claim_get_string (claim, "submitted-on");
  appeal->denied_on = palp_claim_get_string (claim, "responded-on");
  appeal->denial_reason = palp_claim_get_string (claim, "denial-reason");
  appeal->n_lines = out_lines->len;
  appeal->lines = (const PalpAppealLine *) (gpointer) g_array_free (out_lines, FALSE);
  appeal->n_visits = out_visits->len;
  appeal->visit_ids = (const gint64 *) (gpointer) g_array_free (out_visits, FALSE);
}

void
palp_appeal_claim_clear (PalpAppealClaim *appeal)
{
  if (appeal == NULL)
    return;
  g_free ((gpointer) appeal->lines);
  g_free ((gpointer) appeal->visit_ids);
  memset (appeal, 0, sizeof *appeal);
}

GBytes *
palp_doc_appeal_prepare (const PalpClinicalDocument  *document,
                         PalpClaim                   *claim,
                         GListModel                  *lines,
                         PalpPolicy                  *policy,
                         PalpPayer                   *payer,
                         PalpLetter                  *letter,
                         GError                     **error)
{
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autofree char *fields = NULL;
  PalpAppealClaim appeal;
  GBytes *pdf;

  g_return_val_if_fail (PALP_IS_LETTER (letter), NULL);

  if (!(draft = palp_doc_appeal_draft (document, error)))
    return NULL;
  palp_appeal_claim_init (&appeal, claim, lines, policy, payer);
  pdf = palp_doc_appeal_render (document, &appeal, draft, error);
  palp_appeal_claim_clear (&appeal);
  if (pdf == NULL)
    return NULL;
  fields = palp_letter_draft_to_json (draft);
  g_object_set (letter, "client-id", palp_client_get_id (document->client), "kind", "appeal",
                "claim-id", palp_claim_get_int (claim, "id"), "issued-on", draft->date,
                "prescriber", draft->prescriber, "fields", fields, NULL);
  return pdf;
}
