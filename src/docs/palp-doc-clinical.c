/* palp-doc-clinical.c: the SOAP note, and what the clinical documents share
 *
 * A signed note prints as it was signed, then each amendment after it,
 * with its author, time and reason: the original is never rewritten. A
 * note not yet signed carries a "DRAFT" mark across every page and says
 * so in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "palp-doc-chart.h"
#include "palp-doc-clinical-private.h"
#include "palp-doc-receipt.h"
#include "palp-measure.h"
#include "palp-permissions.h"
#include "palp-sign-gates.h"

/* A body view on a note leaves room for its words on the same page. */
#define NOTE_CHART_HEIGHT 330.0

G_DEFINE_QUARK (palp-doc-clinical-error-quark, palp_doc_clinical_error)

gboolean
clinical_is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static char *
dup_property (gpointer    object,
              const char *property)
{
  char *value = NULL;

  if (object == NULL)
    return NULL;
  g_object_get (object, property, &value, NULL);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

char *
clinical_date (const PalpClinicalDocument *document,
               const char                 *iso)
{
  if (!clinical_is_set (iso))
    return g_strdup ("");
  return palp_doc_billing_format_date (document->clinic, iso);
}

char *
clinical_date_time (const PalpClinicalDocument *document,
                    const char                 *iso)
{
  g_autofree char *date = clinical_date (document, iso);

  if (iso == NULL || strlen (iso) < 16 || (iso[10] != ' ' && iso[10] != 'T'))
    return g_steal_pointer (&date);
  {
    g_autofree char *hm = g_strndup (iso + 11, 5);

    /* Translators: a day and a time: "14/03/2026 at 15:09". */
    return g_strdup_printf (_("%s at %s"), date, hm);
  }
}

char *
clinical_user_name (const PalpClinicalDocument *document,
                    gint64                      user_id,
                    const char                 *fallback)
{
  PalpUser *user = palp_clinical_document_get_user (document, user_id);
  const char *credentials;

  if (user == NULL)
    return g_strdup (clinical_is_set (fallback) ? fallback : _("Unknown"));
  credentials = palp_user_get_credentials (user);
  if (clinical_is_set (credentials))
    /* Translators: a practitioner's name and credentials: "Maya Lindqvist, LMT". */
    return g_strdup_printf (_("%s, %s"), palp_user_get_display_name (user), credentials);
  return g_strdup (palp_user_get_display_name (user));
}

char *
clinical_value (const char *value,
                const char *unit)
{
  if (!clinical_is_set (value))
    return g_strdup ("—");
  if (!clinical_is_set (unit))
    return g_strdup (value);
  if (unit[0] == '/' || g_str_has_prefix (unit, "°") || unit[0] == '%')
    return g_strconcat (value, unit, NULL);
  return g_strdup_printf ("%s %s", value, unit);
}

char *
clinical_regions (PalpAtlas  *atlas,
                  const char *ids)
{
  g_auto(GStrv) parts = NULL;
  GString *text = g_string_new (NULL);

  parts = g_strsplit (ids != NULL ? ids : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const PalpRegion *region;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      region = atlas != NULL ? palp_atlas_find_region (atlas, parts[i]) : NULL;
      g_string_append (text, region != NULL ? palp_region_get_name (region) : parts[i]);
    }
  return g_string_free (text, FALSE);
}

const char *
clinical_yes_no (gboolean yes)
{
  return yes ? _("Yes") : _("No");
}

/* ---------------------------------------------------------------------- */
/* The document                                                           */

gboolean
clinical_writer_init_for (ClinicalWriter             *writer,
                          const PalpClinicalDocument *document,
                          const char                 *title,
                          const char                 *aside,
                          const char                 *subject,
                          const char                 *caption,
                          const char                 *name,
                          const PalpDocField         *fields,
                          gsize                       n_fields,
                          GError                    **error)
{
  g_autofree char *paper = dup_property (document->clinic, "paper-size");
  g_autofree char *legal_name = dup_property (document->clinic, "name");
  g_autofree char *footer = NULL;
  const char *language = palp_doc_billing_language ();
  PalpDocAddress address;

  memset (writer, 0, sizeof *writer);
  writer->document = document;
  if (!(writer->atlas = palp_atlas_get_default (error)))
    return FALSE;

  writer->doc = palp_doc_new (palp_paper_from_string (paper));
  /* Translators: a clinical document's footer: its title and the client. */
  footer = g_strdup_printf (_("%s · %s"), title, name);
  palp_doc_set_title (writer->doc, footer);
  palp_doc_set_author (writer->doc, legal_name);
  palp_doc_set_subject (writer->doc, subject);
  palp_doc_set_language (writer->doc, g_ascii_strncasecmp (language, "fr", 2) == 0 ? "fr" : "en");
  palp_doc_set_footer_text (writer->doc, footer);

  if (!palp_doc_billing_add_letterhead (writer->doc, document->clinic, NULL, TRUE, error))
    {
      clinical_writer_clear (writer);
      return FALSE;
    }
  palp_doc_add_title (writer->doc, title, aside);
  address = (PalpDocAddress) { caption, name, NULL };
  palp_doc_add_address (writer->doc, &address, fields, n_fields);
  return TRUE;
}

gboolean
clinical_writer_init (ClinicalWriter             *writer,
                      const PalpClinicalDocument *document,
                      const char                 *title,
                      const char                 *aside,
                      const char                 *subject,
                      const PalpDocField         *fields,
                      gsize                       n_fields,
                      GError                    **error)
{
  g_autofree char *client_name = palp_doc_billing_client_name (document->client);

  return clinical_writer_init_for (writer, document, title, aside, subject, _("Client"),
                                   client_name, fields, n_fields, error);
}

void
clinical_writer_clear (ClinicalWriter *writer)
{
  g_clear_object (&writer->doc);
}

GBytes *
clinical_writer_finish (ClinicalWriter  *writer,
                        GError         **error)
{
  GBytes *bytes = palp_doc_to_bytes (writer->doc, error);

  clinical_writer_clear (writer);
  return bytes;
}

gboolean
clinical_add_signature (ClinicalWriter  *writer,
                        gint64           user_id,
                        const char      *caption,
                        const char      *date,
                        const char      *statement,
                        GError         **error)
{
  const PalpClinicalDocument *document = writer->document;
  PalpUser *user = palp_clinical_document_get_user (document, user_id);
  PalpLicence *licence = palp_clinical_document_get_licence (document, user_id, NULL);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *profession = dup_property (user, "profession");
  g_autofree char *npi = dup_property (user, "npi");
  PalpDocSignature signature = { 0 };
  gboolean canada = palp_clinic_get_country_enum (document->clinic) == PALP_COUNTRY_CA;

  if (user == NULL)
    return TRUE;
  if (profession != NULL)
    g_ptr_array_add (details, g_steal_pointer (&profession));
  if (licence != NULL && clinical_is_set (palp_licence_get_number (licence)))
    {
      const char *number = palp_licence_get_number (licence);
      const char *where = palp_licence_get_jurisdiction (licence);

      if (clinical_is_set (where))
        g_ptr_array_add (details, g_strdup_printf (canada ? _("Registration no. %s (%s)")
                                                          : _("Licence no. %s (%s)"),
                                                   number, where));
      else
        g_ptr_array_add (details, g_strdup_printf (canada ? _("Registration no. %s")
                                                          : _("Licence no. %s"), number));
    }
  if (npi != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("NPI %s"), npi));
  if (statement != NULL)
    g_ptr_array_add (details, g_strdup (statement));
  g_ptr_array_add (details, NULL);

  g_object_get (user, "signature", &png, NULL);
  signature.caption = caption;
  signature.name = palp_user_get_display_name (user);
  signature.credentials = palp_user_get_credentials (user);
  signature.details = (const char * const *) details->pdata;
  signature.date = date;
  signature.image_png = png;
  return palp_doc_add_signature (writer->doc, &signature, error);
}

/* ---------------------------------------------------------------------- */
/* Goals                                                                  */

char *
clinical_goal_title (PalpPlanGoal *goal)
{
  const char *text = palp_plan_goal_get_string (goal, "goal");
  const char *label = palp_plan_goal_get_string (goal, "label");
  PalpMeasureKind kind = PALP_MEASURE_CUSTOM;
  const char *measure;

  palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind);
  measure = kind == PALP_MEASURE_CUSTOM ? NULL : palp_measure_kind_get_label (kind);
  if (clinical_is_set (label) && measure != NULL)
    /* Translators: a goal, then what measures it: "Turn the head to drive (Range of motion: rotation)". */
    return g_strdup_printf (_("%s (%s: %s)"), text, measure, label);
  if (clinical_is_set (label) || measure != NULL)
    return g_strdup_printf ("%s (%s)", text, clinical_is_set (label) ? label : measure);
  return g_strdup (text);
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  if (!clinical_is_set (text))
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

gboolean
clinical_goal_to_core (PalpPlanGoal *goal,
                       PalpGoal     *out)
{
  PalpMeasureKind kind = PALP_MEASURE_CUSTOM;
  double mic = 1;
  gboolean lower = g_strcmp0 (palp_plan_goal_get_string (goal, "direction"), "lower") == 0;

  memset (out, 0, sizeof *out);
  palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind);
  if (!parse_double (palp_plan_goal_get_string (goal, "baseline"), &out->baseline) ||
      !parse_double (palp_plan_goal_get_string (goal, "target"), &out->target) ||
      !parse_double (palp_plan_goal_get_string (goal, "mic"), &mic) || mic <= 0)
    return FALSE;
  if (kind == PALP_MEASURE_CUSTOM || !palp_measure_init (&out->measure, kind, NULL, NULL))
    {
      if (!palp_measure_init_custom (&out->measure,
                                     lower ? PALP_DIRECTION_LOWER_IS_BETTER
                                           : PALP_DIRECTION_HIGHER_IS_BETTER,
                                     mic, -INFINITY, INFINITY, NULL))
        return FALSE;
    }
  /* The MIC and direction in force when the goal was saved. */
  out->measure.mic = mic;
  out->measure.direction = lower ? PALP_DIRECTION_LOWER_IS_BETTER : PALP_DIRECTION_HIGHER_IS_BETTER;
  out->baseline_visit = 1;
  out->due_date = palp_plan_goal_get_string (goal, "by-date");
  out->due_visit = (guint) palp_plan_goal_get_int (goal, "by-visit");
  return TRUE;
}

static gboolean
counts_as_plan_visit (PalpVisit  *visit,
                      const char *started_on)
{
  const char *starts = palp_visit_get_string (visit, "starts-at");

  return g_strcmp0 (palp_visit_get_string (visit, "status"), "attended") == 0
         && !palp_visit_is_esthetic_only (visit)
         && (started_on == NULL || (starts != NULL && strncmp (starts, started_on, 10) >= 0));
}

/* The day of a date-time, interned: the few days a record holds. */
static const char *
iso_day (const char *text)
{
  g_autofree char *day = NULL;

  if (text == NULL || strlen (text) < 10)
    return NULL;
  day = g_strndup (text, 10);
  return g_intern_string (day);
}

GArray *
clinical_goal_series (const PalpClinicalDocument *document,
                      const PalpPlanDocument     *plan,
                      guint                       goal_index,
                      guint                      *out_last_visit)
{
  GArray *series = g_array_new (FALSE, FALSE, sizeof (PalpMeasurement));
  GListModel *readings = goal_index < plan->readings->len
                           ? g_ptr_array_index (plan->readings, goal_index) : NULL;
  const char *started = palp_plan_get_string (plan->plan, "started-on");
  guint number = 0;

  /* Number the plan's visits; a reading at a visit the document does not
   * hold (a SOAP note holds one) is numbered by its order. */
  for (guint i = 0; readings != NULL && i < g_list_model_get_n_items (readings); i++)
    {
      g_autoptr(PalpReading) reading = g_list_model_get_item (readings, i);
      gint64 visit_id = palp_reading_get_int (reading, "visit-id");
      PalpMeasurement m = { 0, NULL, 0 };
      guint n = 0;

      if (!parse_double (palp_reading_get_string (reading, "value"), &m.value))
        continue;
      for (guint v = 0; v < document->visits->len; v++)
        {
          PalpVisitDocument *entry = g_ptr_array_index (document->visits, v);

          if (!counts_as_plan_visit (entry->visit, started))
            continue;
          n++;
          if (palp_visit_get_int (entry->visit, "id") == visit_id)
            {
              m.visit = n;
              m.date = iso_day (palp_visit_get_string (entry->visit, "starts-at"));
              break;
            }
        }
      if (m.visit == 0)
        {
          m.visit = series->len + 2;
          m.date = iso_day (palp_reading_get_string (reading, "visit-starts-at"));
        }
      /* Strictly in visit order, as palp-progress.h wants it. */
      if (series->len > 0 && g_array_index (series, PalpMeasurement, series->len - 1).visit >= m.visit)
        continue;
      g_array_append_val (series, m);
    }

  for (guint v = 0; v < document->visits->len; v++)
    {
      PalpVisitDocument *entry = g_ptr_array_index (document->visits, v);

      if (counts_as_plan_visit (entry->visit, started))
        number++;
    }
  if (series->len > 0)
    number = MAX (number, g_array_index (series, PalpMeasurement, series->len - 1).visit);
  if (out_last_visit != NULL)
    *out_last_visit = number;
  return series;
}

/* ---------------------------------------------------------------------- */
/* A visit's note                                                         */

/* A narrative section of a note; the plain statement in its place for a
 * reader the clinic keeps from notes' text. */
static void
add_section (ClinicalWriter *writer,
             const char     *heading,
             const char     *text)
{
  PalpDoc *doc = writer->doc;

  text = palp_narrative_shown (!writer->document->narrative_restricted, text);
  palp_doc_add_heading (doc, heading);
  palp_doc_add_paragraph (doc, clinical_is_set (text) ? text : _("Nothing recorded."),
                          clinical_is_set (text) ? PALP_DOC_TEXT_BODY : PALP_DOC_TEXT_MUTED);
}

/* The goal a reading measures, among the document's plans. */
static PalpPlanGoal *
find_goal (const PalpClinicalDocument *document,
           gint64                      goal_id)
{
  for (guint p = 0; p < document->plans->len; p++)
    {
      PalpPlanDocument *plan = g_ptr_array_index (document->plans, p);

      for (guint g = 0; g < g_list_model_get_n_items (plan->goals); g++)
        {
          PalpPlanGoal *goal = g_list_model_get_item (plan->goals, g);

          g_object_unref (goal);  /* the list keeps it */
          if (palp_plan_goal_get_int (goal, "id") == goal_id)
            return goal;
        }
    }
  return NULL;
}

static void
add_measurements (ClinicalWriter          *writer,
                  const PalpVisitDocument *visit)
{
  PalpDocColumn columns[] = {
    { _("Goal"), 3.2, PALP_DOC_ALIGN_START },
    { _("Baseline"), 1.0, PALP_DOC_ALIGN_END },
    { _("Today"), 1.0, PALP_DOC_ALIGN_END },
    { _("Target"), 1.0, PALP_DOC_ALIGN_END },
  };

  if (g_list_model_get_n_items (visit->readings) == 0)
    return;
  palp_doc_add_heading (writer->doc, _("Measurements against the plan’s goals"));
  palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (visit->readings); i++)
    {
      g_autoptr(PalpReading) reading = g_list_model_get_item (visit->readings, i);
      PalpPlanGoal *goal = find_goal (writer->document, palp_reading_get_int (reading, "goal-id"));
      const char *unit = goal != NULL ? palp_plan_goal_get_string (goal, "unit") : NULL;
      g_autofree char *title = goal != NULL ? clinical_goal_title (goal) : g_strdup (_("A goal"));
      g_autofree char *baseline = clinical_value (goal != NULL
                                                    ? palp_plan_goal_get_string (goal, "baseline")
                                                    : NULL, unit);
      g_autofree char *today = clinical_value (palp_reading_get_string (reading, "value"), unit);
      g_autofree char *target = clinical_value (goal != NULL
                                                  ? palp_plan_goal_get_string (goal, "target")
                                                  : NULL, unit);
      const char *cells[] = { title, baseline, today, target };

      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (writer->doc);
}

static void
add_techniques (ClinicalWriter *writer,
                const char     *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;
  PalpDocColumn columns[] = {
    { _("Technique"), 2.4, PALP_DOC_ALIGN_START },
    { _("Minutes"), 0.8, PALP_DOC_ALIGN_END },
    { _("Regions"), 2.6, PALP_DOC_ALIGN_START },
    { _("Intra-oral"), 0.9, PALP_DOC_ALIGN_START },
  };

  palp_doc_add_heading (writer->doc, _("Techniques"));
  if (!clinical_is_set (json) || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root) ||
      json_array_get_length (array = json_node_get_array (root)) == 0)
    {
      palp_doc_add_paragraph (writer->doc, _("Nothing recorded."), PALP_DOC_TEXT_MUTED);
      return;
    }
  palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      g_autofree char *minutes = NULL;
      g_autofree char *regions = NULL;
      const char *cells[4];

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      minutes = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 json_object_get_int_member_with_default (object, "minutes", 0));
      regions = clinical_regions (writer->atlas,
                                  json_object_get_string_member_with_default (object, "regions",
                                                                              ""));
      cells[0] = json_object_get_string_member_with_default (object, "name", "");
      cells[1] = minutes;
      cells[2] = regions;
      cells[3] = clinical_yes_no (json_object_get_boolean_member_with_default (object,
                                                                               "intra_oral",
                                                                               FALSE));
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (writer->doc);
}

static void
add_oral (ClinicalWriter           *writer,
          const PalpOralAssessment *oral)
{
  static const struct { const char *prop; const char *label; } checked[] = {
    { "teeth", N_("teeth") }, { "gingiva", N_("gingiva") }, { "bone", N_("bone") },
    { "tongue", N_("tongue") }, { "surrounding", N_("surrounding structures") },
  };
  static const struct { const char *prop; const char *label; } found[] = {
    { "active-infection", N_("active infection") }, { "lesions", N_("lesions") },
    { "loose-teeth", N_("loose teeth") }, { "periodontal-disease", N_("periodontal disease") },
  };
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GString) findings = g_string_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  const char *note;

  if (oral == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    if (palp_oral_assessment_get_int ((PalpOralAssessment *) oral, checked[i].prop))
      g_string_append_printf (seen, "%s%s", seen->len > 0 ? ", " : "", _(checked[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    if (palp_oral_assessment_get_int ((PalpOralAssessment *) oral, found[i].prop))
      g_string_append_printf (findings, "%s%s", findings->len > 0 ? ", " : "", _(found[i].label));
  when = clinical_date_time (writer->document,
                             palp_oral_assessment_get_string ((PalpOralAssessment *) oral,
                                                              "assessed-at"));
  text = g_strdup_printf (_("Assessed %s. Examined: %s. Found: %s. Gloves: %s."), when,
                          seen->len > 0 ? seen->str : _("nothing"),
                          findings->len > 0 ? findings->str : _("none of active infection, "
                                                                "lesions, loose teeth or "
                                                                "periodontal disease"),
                          clinical_yes_no (palp_oral_assessment_get_int (
                                             (PalpOralAssessment *) oral, "gloves")));
  palp_doc_add_heading (writer->doc, _("Oral-health assessment"));
  palp_doc_add_paragraph (writer->doc, text, PALP_DOC_TEXT_BODY);
  note = palp_oral_assessment_get_string ((PalpOralAssessment *) oral, "note");
  if (clinical_is_set (note))
    palp_doc_add_paragraph (writer->doc, note, PALP_DOC_TEXT_BODY);
}

static void
add_overrides (ClinicalWriter          *writer,
               const PalpVisitDocument *visit)
{
  PalpDocColumn columns[] = {
    { _("Safety gate"), 1.6, PALP_DOC_ALIGN_START },
    { _("Reason"), 3.0, PALP_DOC_ALIGN_START },
    { _("By"), 1.5, PALP_DOC_ALIGN_START },
    { _("When"), 1.4, PALP_DOC_ALIGN_START },
  };

  if (g_list_model_get_n_items (visit->overrides) == 0)
    return;
  palp_doc_add_heading (writer->doc, _("Safety gates overridden"));
  palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (visit->overrides); i++)
    {
      g_autoptr(PalpGateOverride) o = g_list_model_get_item (visit->overrides, i);
      const char *gate = palp_gate_override_get_string (o, "gate");
      g_autofree char *by = clinical_user_name (writer->document,
                                                palp_gate_override_get_int (o, "by-id"), NULL);
      g_autofree char *when = clinical_date_time (writer->document,
                                                  palp_gate_override_get_string (o, "at"));
      g_autofree char *rule = NULL;
      const char *cells[4];

      if (g_str_has_prefix (gate != NULL ? gate : "", "rule:"))
        /* Translators: a jurisdiction rule overridden, and its id. */
        rule = g_strdup_printf (_("Rule %s"), gate + 5);
      cells[0] = rule != NULL ? rule : palp_gate_get_title (gate);
      cells[1] = palp_gate_override_get_string (o, "reason");
      cells[2] = by;
      cells[3] = when;
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (writer->doc);
}

/* Heading, reason and the first lines of an amendment's text, in points. */
#define AMENDMENT_HEAD_HEIGHT 90.0

static void
add_amendments (ClinicalWriter          *writer,
                const PalpVisitDocument *visit)
{
  guint n = g_list_model_get_n_items (visit->amendments);

  if (n == 0)
    return;
  /* The section's heading and note stay with the first amendment. */
  palp_doc_keep_together (writer->doc, AMENDMENT_HEAD_HEIGHT + 40.0);
  palp_doc_add_heading (writer->doc, _("Amendments"));
  palp_doc_add_paragraph (writer->doc,
                          _("Corrections added after signing. The note above is printed as it "
                            "was signed."), PALP_DOC_TEXT_MUTED);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpAmendment) a = g_list_model_get_item (visit->amendments, i);
      g_autofree char *by = clinical_user_name (writer->document,
                                                palp_amendment_get_int (a, "author-id"), NULL);
      g_autofree char *when = clinical_date_time (writer->document,
                                                  palp_amendment_get_string (a, "created-at"));
      g_autofree char *header = NULL;
      g_autofree char *reason = NULL;

      /* Translators: an amendment's number, its author and when it was written. */
      header = g_strdup_printf (_("Amendment %u, by %s on %s"), i + 1, by, when);
      reason = g_strdup_printf (_("Reason: %s"),
                                palp_narrative_shown (!writer->document->narrative_restricted,
                                                      palp_amendment_get_string (a, "reason")));
      /* An amendment's heading and reason stay with the start of its text. */
      if (i > 0)
        palp_doc_keep_together (writer->doc, AMENDMENT_HEAD_HEIGHT);
      palp_doc_add_paragraph (writer->doc, header, PALP_DOC_TEXT_STRONG);
      palp_doc_add_paragraph (writer->doc, reason, PALP_DOC_TEXT_MUTED);
      palp_doc_add_paragraph (writer->doc,
                              palp_narrative_shown (!writer->document->narrative_restricted,
                                                    palp_amendment_get_string (a, "text")),
                              PALP_DOC_TEXT_BODY);
    }
}

void
clinical_add_restriction (ClinicalWriter *writer)
{
  if (!writer->document->narrative_restricted)
    return;
  palp_doc_add_notice (writer->doc,
                       _("Restricted: the text of clinical notes is for practitioners, and "
                         "this clinic does not let admins read it. Dates, codes, measurements "
                         "and signatures are printed in full."));
}

gboolean
clinical_add_visit_note (ClinicalWriter           *writer,
                         const PalpVisitDocument  *visit,
                         GError                  **error)
{
  const PalpClinicalDocument *document = writer->document;
  PalpSoapNote *note = visit->note;
  PalpDoc *doc = writer->doc;
  gint64 practitioner = palp_visit_get_int (visit->visit, "practitioner-id");
  g_autofree char *who = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *subjective = NULL;
  const char *signed_at;

  if (palp_visit_is_esthetic_only (visit->visit))
    {
      palp_doc_add_paragraph (doc, _("Esthetic service: kept as a service record, without a "
                                     "clinical note."), PALP_DOC_TEXT_MUTED);
      return TRUE;
    }
  if (note == NULL)
    {
      palp_doc_add_paragraph (doc, _("No note was written for this visit."), PALP_DOC_TEXT_MUTED);
      if (palp_doc_chart_add_views (doc, writer->atlas, visit->marks, NOTE_CHART_HEIGHT) > 0)
        palp_doc_add_paragraph (doc, _("Body chart drawn without a note."), PALP_DOC_TEXT_MUTED);
      return TRUE;
    }

  /* Subjective: the client's report, and the pain rated. */
  subjective = g_strdup (palp_soap_note_get_string (note, "subjective"));
  add_section (writer, _("Subjective"), subjective);
  if (palp_soap_note_get_int (note, "has-pain"))
    {
      g_autofree char *rating = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 palp_soap_note_get_int (note, "pain"));

      /* Translators: the pain the client rated, out of ten. */
      pain = g_strdup_printf (_("Pain today: %s/10"), rating);
      palp_doc_add_paragraph (doc, pain, PALP_DOC_TEXT_STRONG);
    }

  add_section (writer, _("Objective"), palp_soap_note_get_string (note, "objective"));
  add_measurements (writer, visit);
  add_section (writer, _("Assessment"), palp_soap_note_get_string (note, "assessment"));
  add_section (writer, _("Plan"), palp_soap_note_get_string (note, "plan-text"));

  add_techniques (writer, palp_soap_note_get_string (note, "techniques"));
  palp_doc_add_heading (doc, _("Safety and comfort"));
  safety = g_strdup_printf (_("Draped: %s · Gloves: %s · Comfort check-ins: %s"),
                            clinical_yes_no (palp_soap_note_get_int (note, "draping")),
                            clinical_yes_no (palp_soap_note_get_int (note, "gloves")),
                            clinical_yes_no (palp_soap_note_get_int (note, "check-ins")));
  palp_doc_add_paragraph (doc, safety, PALP_DOC_TEXT_BODY);
  add_oral (writer, visit->oral);
  palp_doc_add_heading (doc, _("Adverse effects"));
  if (document->narrative_restricted)
    palp_doc_add_paragraph (doc, palp_narrative_shown (FALSE, NULL), PALP_DOC_TEXT_BODY);
  else
    palp_doc_add_paragraph (doc, clinical_is_set (palp_soap_note_get_string (note, "adverse-effects"))
                                   ? palp_soap_note_get_string (note, "adverse-effects")
                                   : _("None recorded."), PALP_DOC_TEXT_BODY);

  palp_doc_chart_add_views (doc, writer->atlas, visit->marks, NOTE_CHART_HEIGHT);

  /* The signature, or a plain statement that there is none. */
  signed_at = palp_soap_note_get_string (note, "signed-at");
  if (!clinical_is_set (signed_at))
    signed_at = palp_visit_get_string (visit->visit, "signed-at");
  who = clinical_user_name (document, practitioner,
                            palp_visit_get_string (visit->visit, "practitioner-name"));
  palp_doc_add_heading (doc, _("Signature"));
  if (palp_soap_note_get_int (note, "signed") || clinical_is_set (signed_at))
    {
      g_autofree char *when = clinical_date_time (document, signed_at);
      g_autofree char *date = clinical_date (document, signed_at);
      g_autofree char *line = NULL;

      /* Translators: the practitioner with credentials, and when they signed. */
      line = g_strdup_printf (_("Signed electronically by %s on %s."), who, when);
      /* One block, kept whole with its heading. */
      if (!clinical_add_signature (writer, practitioner, _("Practitioner’s signature"), date,
                                   line, error))
        return FALSE;
    }
  else
    palp_doc_add_notice (doc, _("DRAFT — unsigned. This note has not been signed by the "
                                "practitioner and may still change."));

  add_overrides (writer, visit);
  add_amendments (writer, visit);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The SOAP note                                                          */

GBytes *
palp_doc_soap_render (const PalpClinicalDocument  *document,
                      gint64                       visit_id,
                      GError                     **error)
{
  ClinicalWriter writer;
  PalpVisitDocument *visit;
  g_autofree char *date = NULL;
  g_autofree char *who = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) created = NULL;
  PalpDocField fields[3];
  gsize n_fields = 0;
  gboolean draft;
  const char *starts;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);
  g_return_val_if_fail (PALP_IS_CLINIC (document->clinic), NULL);

  if ((visit = palp_clinical_document_find_visit (document, visit_id)) == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, visit_id);

      g_set_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                   _("Visit %s is not this client’s."), id);
      return NULL;
    }
  if (palp_visit_is_esthetic_only (visit->visit))
    {
      g_set_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_ESTHETIC,
                   _("This visit was an esthetic service: it has a service record, not a "
                     "SOAP note."));
      return NULL;
    }
  if (visit->note == NULL)
    {
      g_set_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                   _("No note has been written for this visit yet."));
      return NULL;
    }

  starts = palp_visit_get_string (visit->visit, "starts-at");
  date = clinical_date (document, starts);
  who = clinical_user_name (document, palp_visit_get_int (visit->visit, "practitioner-id"),
                            palp_visit_get_string (visit->visit, "practitioner-name"));
  birth = clinical_date (document, palp_client_get_birth_date (document->client));
  draft = !palp_soap_note_get_int (visit->note, "signed")
          && !clinical_is_set (palp_soap_note_get_string (visit->note, "signed-at"));

  if (clinical_is_set (birth))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth };
  fields[n_fields++] = (PalpDocField) { _("Visit"), date };
  fields[n_fields++] = (PalpDocField) { _("Practitioner"), who };

  /* Translators: the title of a SOAP note document. */
  title = g_strdup (_("SOAP note"));
  if (!clinical_writer_init (&writer, document, title, date, _("Clinical note of a visit"),
                             fields, n_fields, error))
    return NULL;
  /* The same bytes every time for a signed note: dated by its signature. */
  if (!draft && (created = palp_doc_billing_parse_time (
                   palp_soap_note_get_string (visit->note, "signed-at"))) != NULL)
    palp_doc_set_creation_date (writer.doc, created);
  if (draft)
    /* Translators: the mark across every page of a note not yet signed. */
    palp_doc_set_watermark (writer.doc, _("DRAFT"));
  clinical_add_restriction (&writer);

  if (!clinical_add_visit_note (&writer, visit, error))
    {
      clinical_writer_clear (&writer);
      return NULL;
    }
  return clinical_writer_finish (&writer, error);
}
