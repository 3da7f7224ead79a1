/* palp-doc-plan.c: the treatment plan with its consents, and the progress
 * report for the referring provider
 *
 * A drawn signature is printed from its strokes, in vectors, as the
 * client drew it; a typed one as the name typed and the attestation the
 * signer accepted. A revoked consent stays on paper, marked revoked, with
 * when and why.
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
#include "palp-progress-plot.h"

#define SIGNATURE_WIDTH  220.0
#define SIGNATURE_HEIGHT 64.0
#define PLOT_HEIGHT      170.0
#define COMPARISON_HEIGHT 300.0

/* ---------------------------------------------------------------------- */
/* Diagnoses and the plan                                                 */

void
clinical_add_diagnoses (ClinicalWriter         *writer,
                        const PalpPlanDocument *plan)
{
  GListModel *diagnoses = writer->document->diagnoses;
  const char *ids = plan != NULL ? palp_plan_get_string (plan->plan, "diagnosis-ids") : NULL;
  g_auto(GStrv) addressed = clinical_is_set (ids) ? g_strsplit (ids, ",", -1) : NULL;
  PalpDocColumn columns[] = {
    { _("Code"), 0.9, PALP_DOC_ALIGN_START },
    { _("Diagnosis"), 3.6, PALP_DOC_ALIGN_START },
    { _("Onset"), 1.1, PALP_DOC_ALIGN_START },
    { _("Side"), 0.9, PALP_DOC_ALIGN_START },
  };
  gboolean any = FALSE;

  palp_doc_add_heading (writer->doc, _("Diagnoses addressed"));
  for (guint i = 0; i < g_list_model_get_n_items (diagnoses); i++)
    {
      g_autoptr(PalpDiagnosis) d = g_list_model_get_item (diagnoses, i);
      g_autofree char *onset = NULL;
      g_autofree char *description = NULL;
      const char *cells[4];

      if (palp_diagnosis_get_int (d, "archived"))
        continue;
      if (addressed != NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 palp_diagnosis_get_int (d, "id"));

          if (!g_strv_contains ((const char * const *) addressed, id))
            continue;
        }
      if (!any)
        palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
      any = TRUE;
      onset = clinical_date (writer->document, palp_diagnosis_get_string (d, "onset-on"));
      description = palp_diagnosis_get_int (d, "is-primary")
                      /* Translators: a diagnosis marked as the primary one. */
                      ? g_strdup_printf (_("%s (primary)"),
                                         palp_diagnosis_get_string (d, "description"))
                      : g_strdup (palp_diagnosis_get_string (d, "description"));
      cells[0] = palp_diagnosis_get_string (d, "code");
      cells[1] = description;
      cells[2] = onset;
      cells[3] = palp_diagnosis_get_string (d, "laterality");
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  if (any)
    palp_doc_end_table (writer->doc);
  else
    palp_doc_add_paragraph (writer->doc, _("No diagnosis on file."), PALP_DOC_TEXT_MUTED);
}

static char *
goal_by_when (const PalpClinicalDocument *document,
              PalpPlanGoal               *goal)
{
  const char *date = palp_plan_goal_get_string (goal, "by-date");
  gint64 visit = palp_plan_goal_get_int (goal, "by-visit");
  g_autofree char *day = clinical_is_set (date) ? clinical_date (document, date) : NULL;
  g_autofree char *number = visit > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, visit) : NULL;

  if (day != NULL && number != NULL)
    /* Translators: a goal's "by when": a date or a visit number. */
    return g_strdup_printf (_("%s or visit %s"), day, number);
  if (number != NULL)
    return g_strdup_printf (_("Visit %s"), number);
  return g_strdup (day != NULL ? day : "");
}

void
clinical_add_plan (ClinicalWriter         *writer,
                   const PalpPlanDocument *plan)
{
  const PalpClinicalDocument *document = writer->document;
  g_autofree char *started = clinical_date (document, palp_plan_get_string (plan->plan,
                                                                            "started-on"));
  g_autofree char *who = clinical_user_name (document,
                                             palp_plan_get_int (plan->plan, "practitioner-id"),
                                             NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  const char *summary = palp_plan_get_string (plan->plan, "summary");
  const char *frequency = palp_plan_get_string (plan->plan, "frequency");
  const char *techniques = palp_plan_get_string (plan->plan, "techniques");
  const char *home_care = palp_plan_get_string (plan->plan, "home-care");
  int sessions = (int) palp_plan_get_int (plan->plan, "sessions");
  int minutes = (int) palp_plan_get_int (plan->plan, "session-minutes");
  g_autofree char *reassess = clinical_is_set (palp_plan_get_string (plan->plan, "reassess-on"))
                                ? clinical_date (document, palp_plan_get_string (plan->plan,
                                                                                 "reassess-on"))
                                : NULL;
  PalpDocColumn columns[] = {
    { _("Goal"), 3.0, PALP_DOC_ALIGN_START },
    { _("Baseline"), 0.9, PALP_DOC_ALIGN_END },
    { _("Target"), 0.9, PALP_DOC_ALIGN_END },
    { _("By when"), 1.4, PALP_DOC_ALIGN_START },
  };
  guint shown = 0;

  palp_doc_add_heading (writer->doc, _("Plan of care"));
  g_string_append_printf (facts, _("Started %s by %s."), started, who);
  if (clinical_is_set (frequency))
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Frequency: %s"), frequency);
    }
  if (sessions > 0)
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Sessions planned: %d"), sessions);
    }
  if (minutes > 0)
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, ngettext ("Session length: %d minute",
                                               "Session length: %d minutes", minutes),
                              minutes);
    }
  if (reassess != NULL)
    {
      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Re-assessment due: %s"), reassess);
    }
  if (g_strcmp0 (palp_plan_get_string (plan->plan, "status"), "discharged") == 0)
    {
      g_autofree char *on = clinical_date (document, palp_plan_get_string (plan->plan,
                                                                           "discharged-on"));

      g_string_append_c (facts, '\n');
      g_string_append_printf (facts, _("Discharged %s: %s"), on,
                              palp_plan_get_string (plan->plan, "discharge-reason"));
    }
  palp_doc_add_paragraph (writer->doc, facts->str, PALP_DOC_TEXT_BODY);
  if (clinical_is_set (summary))
    palp_doc_add_paragraph (writer->doc, summary, PALP_DOC_TEXT_BODY);
  if (clinical_is_set (techniques))
    {
      palp_doc_add_paragraph (writer->doc, _("Techniques"), PALP_DOC_TEXT_STRONG);
      palp_doc_add_paragraph (writer->doc, techniques, PALP_DOC_TEXT_BODY);
    }
  if (clinical_is_set (home_care))
    {
      palp_doc_add_paragraph (writer->doc, _("Home care"), PALP_DOC_TEXT_STRONG);
      palp_doc_add_paragraph (writer->doc, home_care, PALP_DOC_TEXT_BODY);
    }

  palp_doc_add_heading (writer->doc, _("Goals"));
  for (guint g = 0; g < g_list_model_get_n_items (plan->goals); g++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (plan->goals, g);
      const char *unit = palp_plan_goal_get_string (goal, "unit");
      g_autofree char *title = NULL;
      g_autofree char *baseline = NULL;
      g_autofree char *target = NULL;
      g_autofree char *when = NULL;
      const char *cells[4];

      if (palp_plan_goal_get_int (goal, "archived"))
        continue;
      if (shown++ == 0)
        palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
      title = clinical_goal_title (goal);
      baseline = clinical_value (palp_plan_goal_get_string (goal, "baseline"), unit);
      target = clinical_value (palp_plan_goal_get_string (goal, "target"), unit);
      when = goal_by_when (document, goal);
      cells[0] = title;
      cells[1] = baseline;
      cells[2] = target;
      cells[3] = when;
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  if (shown > 0)
    palp_doc_end_table (writer->doc);
  else
    palp_doc_add_paragraph (writer->doc, _("No goal set yet."), PALP_DOC_TEXT_MUTED);
}

/* ---------------------------------------------------------------------- */
/* Consents and their signatures                                          */

typedef struct
{
  GArray *points;  /* double x, y pairs, one stroke after another */
  GArray *ends;    /* guint: the index in @points where each stroke ends */
  double  x0, y0, x1, y1;
} Strokes;

static void
strokes_free (gpointer data)
{
  Strokes *strokes = data;

  g_array_unref (strokes->points);
  g_array_unref (strokes->ends);
  g_free (strokes);
}

static void
strokes_add_point (Strokes *strokes,
                   double   x,
                   double   y)
{
  if (!isfinite (x) || !isfinite (y))
    return;
  g_array_append_val (strokes->points, x);
  g_array_append_val (strokes->points, y);
  strokes->x0 = MIN (strokes->x0, x);
  strokes->y0 = MIN (strokes->y0, y);
  strokes->x1 = MAX (strokes->x1, x);
  strokes->y1 = MAX (strokes->y1, y);
}

static double
node_number (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return NAN;
}

/* A stroke is [[x, y], ...], [x, y, x, y, ...], [{"x":, "y":}, ...] or
 * {"points": one of those}. */
static void
strokes_add_stroke (Strokes  *strokes,
                    JsonNode *stroke)
{
  JsonArray *points;
  guint n;

  if (JSON_NODE_HOLDS_OBJECT (stroke))
    stroke = json_object_get_member (json_node_get_object (stroke), "points");
  if (stroke == NULL || !JSON_NODE_HOLDS_ARRAY (stroke))
    return;
  points = json_node_get_array (stroke);
  n = json_array_get_length (points);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *p = json_array_get_element (points, i);

      if (JSON_NODE_HOLDS_ARRAY (p) && json_array_get_length (json_node_get_array (p)) >= 2)
        strokes_add_point (strokes, node_number (json_array_get_element (json_node_get_array (p), 0)),
                           node_number (json_array_get_element (json_node_get_array (p), 1)));
      else if (JSON_NODE_HOLDS_OBJECT (p))
        strokes_add_point (strokes,
                           node_number (json_object_get_member (json_node_get_object (p), "x")),
                           node_number (json_object_get_member (json_node_get_object (p), "y")));
      else if (JSON_NODE_HOLDS_VALUE (p) && i + 1 < n)
        {
          strokes_add_point (strokes, node_number (p),
                             node_number (json_array_get_element (points, i + 1)));
          i++;
        }
    }
  {
    guint end = strokes->points->len / 2;

    g_array_append_val (strokes->ends, end);
  }
}

static Strokes *
strokes_parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Strokes *strokes;
  JsonNode *root;
  JsonArray *array;

  if (!clinical_is_set (json) || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;
  strokes = g_new0 (Strokes, 1);
  strokes->points = g_array_new (FALSE, FALSE, sizeof (double));
  strokes->ends = g_array_new (FALSE, FALSE, sizeof (guint));
  strokes->x0 = strokes->y0 = INFINITY;
  strokes->x1 = strokes->y1 = -INFINITY;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    strokes_add_stroke (strokes, json_array_get_element (array, i));
  if (strokes->points->len == 0)
    {
      strokes_free (strokes);
      return NULL;
    }
  return strokes;
}

static void
draw_strokes_cb (cairo_t  *cr,
                 double    width,
                 double    height,
                 gpointer  user_data)
{
  Strokes *strokes = user_data;
  double w = MAX (strokes->x1 - strokes->x0, 1), h = MAX (strokes->y1 - strokes->y0, 1);
  double scale = MIN ((width - 8) / w, (height - 12) / h);
  guint start = 0;

  /* The line signed on. */
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, 0, height - 0.5);
  cairo_line_to (cr, width, height - 0.5);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_translate (cr, 4, 4);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -strokes->x0, -strokes->y0);
  cairo_set_source_rgb (cr, 0.05, 0.1, 0.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint s = 0; s < strokes->ends->len; s++)
    {
      guint end = g_array_index (strokes->ends, guint, s);

      for (guint i = start; i < end; i++)
        {
          double x = g_array_index (strokes->points, double, 2 * i);
          double y = g_array_index (strokes->points, double, 2 * i + 1);

          if (i == start)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (end == start + 1)
        cairo_rel_line_to (cr, 0.01, 0);
      start = end;
    }
  cairo_restore (cr);
  cairo_set_line_width (cr, 1.3);
  cairo_stroke (cr);
}

static const char *
consent_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "privacy") == 0)
    return _("Privacy: how the record is kept and shared");
  if (g_strcmp0 (kind, "plan") == 0)
    return _("Consent to the treatment plan");
  if (g_strcmp0 (kind, "intra-oral") == 0)
    return _("Consent to intra-oral work");
  if (g_strcmp0 (kind, "guardian") == 0)
    return _("Guardian’s consent for a minor");
  return kind != NULL ? kind : "";
}

static void
add_consent (ClinicalWriter *writer,
             PalpConsent    *consent)
{
  PalpDoc *doc = writer->doc;
  const PalpClinicalDocument *document = writer->document;
  const char *name = palp_consent_get_string (consent, "signed-by-name");
  const char *questions = palp_consent_get_string (consent, "questions");
  g_autofree char *signed_at = clinical_date_time (document,
                                                   palp_consent_get_string (consent, "signed-at"));
  g_autofree char *explained = g_strdup_printf (_("Explained: %s"),
                                                palp_consent_get_string (consent, "explained"));
  g_autofree char *line = NULL;
  Strokes *strokes;

  palp_doc_add_paragraph (doc, consent_kind_label (palp_consent_get_string (consent, "kind")),
                          PALP_DOC_TEXT_STRONG);
  if (clinical_is_set (palp_consent_get_string (consent, "revoked-at")))
    {
      g_autofree char *when = clinical_date_time (document,
                                                  palp_consent_get_string (consent,
                                                                           "revoked-at"));
      g_autofree char *by = clinical_user_name (document,
                                                palp_consent_get_int (consent, "revoked-by"),
                                                NULL);
      g_autofree char *revoked = NULL;

      /* Translators: a consent withdrawn: when, recorded by whom, and why. */
      revoked = g_strdup_printf (_("REVOKED on %s (recorded by %s): %s. It no longer applies."),
                                 when, by, palp_consent_get_string (consent, "revoke-reason"));
      palp_doc_add_notice (doc, revoked);
    }
  palp_doc_add_paragraph (doc, explained, PALP_DOC_TEXT_BODY);
  if (clinical_is_set (questions))
    {
      g_autofree char *asked = g_strdup_printf (_("The client’s questions: %s"), questions);

      palp_doc_add_paragraph (doc, asked, PALP_DOC_TEXT_BODY);
    }

  strokes = strokes_parse (palp_consent_get_string (consent, "signature"));
  if (strokes != NULL)
    {
      g_autofree char *words = g_strdup_printf (_("Signature of %s, drawn"), name);

      /* The drawn signature and the line saying whose it is, on one page. */
      palp_doc_keep_together (doc, SIGNATURE_HEIGHT + 40.0);
      palp_doc_add_drawing (doc, SIGNATURE_WIDTH, SIGNATURE_HEIGHT, words, draw_strokes_cb,
                            strokes, strokes_free);
      /* Translators: who signed a consent and when. */
      line = g_strdup_printf (_("Signed by %s on %s"), name, signed_at);
    }
  else if (clinical_is_set (palp_consent_get_string (consent, "typed-name")))
    /* Translators: a consent signed by typing one's name. */
    line = g_strdup_printf (_("Signed by typing the name “%s” on %s; %s attested that this "
                              "typed name is their signature."),
                            palp_consent_get_string (consent, "typed-name"), signed_at, name);
  else
    line = g_strdup_printf (_("Signed by %s on %s"), name, signed_at);
  palp_doc_add_paragraph (doc, line, PALP_DOC_TEXT_MUTED);
  palp_doc_add_space (doc, 8);
}

void
clinical_add_consents (ClinicalWriter *writer,
                       gint64          plan_id)
{
  GListModel *consents = writer->document->consents;
  guint shown = 0;

  palp_doc_add_heading (writer->doc, _("Consents"));
  /* Oldest first, as they were given. */
  for (guint i = g_list_model_get_n_items (consents); i > 0; i--)
    {
      g_autoptr(PalpConsent) consent = g_list_model_get_item (consents, i - 1);
      const char *kind = palp_consent_get_string (consent, "kind");

      if (plan_id >= 0 && g_strcmp0 (kind, "plan") == 0
          && palp_consent_get_int (consent, "plan-id") != plan_id)
        continue;
      add_consent (writer, consent);
      shown++;
    }
  if (shown == 0)
    palp_doc_add_paragraph (writer->doc, _("No consent on file."), PALP_DOC_TEXT_MUTED);
}

PalpPlanDocument *
clinical_current_plan (const PalpClinicalDocument  *document,
                       GError                     **error)
{
  if (document->plans->len == 0)
    {
      g_set_error (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                   _("This client has no treatment plan yet."));
      return NULL;
    }
  return g_ptr_array_index (document->plans, 0);
}

GBytes *
palp_doc_plan_render (const PalpClinicalDocument  *document,
                      GError                     **error)
{
  ClinicalWriter writer;
  PalpPlanDocument *plan;
  g_autofree char *birth = NULL;
  g_autofree char *started = NULL;
  PalpDocField fields[2];
  gsize n_fields = 0;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);

  if (!(plan = clinical_current_plan (document, error)))
    return NULL;
  birth = clinical_date (document, palp_client_get_birth_date (document->client));
  started = clinical_date (document, palp_plan_get_string (plan->plan, "started-on"));
  if (clinical_is_set (birth))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth };
  fields[n_fields++] = (PalpDocField) { _("Plan started"), started };

  if (!clinical_writer_init (&writer, document, _("Treatment plan"), started,
                             _("Plan of care and informed consent"), fields, n_fields, error))
    return NULL;
  clinical_add_diagnoses (&writer, plan);
  clinical_add_plan (&writer, plan);
  clinical_add_consents (&writer, palp_plan_get_int (plan->plan, "id"));
  return clinical_writer_finish (&writer, error);
}

/* ---------------------------------------------------------------------- */
/* Progress                                                               */

typedef struct
{
  PalpProgressPlot  plot;
  GArray           *points;  /* PalpPlotPoint */
  char             *title;
  char             *unit;
  GPtrArray        *dates;   /* owned copies for the points */
} PlotDrawing;

static void
plot_drawing_free (gpointer data)
{
  PlotDrawing *drawing = data;

  g_array_unref (drawing->points);
  g_ptr_array_unref (drawing->dates);
  g_free (drawing->title);
  g_free (drawing->unit);
  g_free (drawing);
}

static void
draw_plot_cb (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  PlotDrawing *drawing = user_data;
  PalpPlotStyle style;

  palp_plot_style_init_print (&style);
  drawing->plot.points = (const PalpPlotPoint *) (gpointer) drawing->points->data;
  drawing->plot.n_points = drawing->points->len;
  palp_progress_plot_draw (cr, &drawing->plot, &style, 0, 0, width, height);
}

const char *
clinical_goal_verdict (const PalpGoalProgress *progress)
{
  if (!progress->measured)
    return _("Not measured since the baseline");
  if (progress->met)
    return _("Target met");
  if (progress->important_change)
    return _("Improved by at least the minimal important change");
  if (progress->change > 0)
    return _("Improved, by less than the minimal important change");
  if (progress->change < 0)
    return _("Worse than the baseline");
  return _("No change");
}

void
clinical_add_progress (ClinicalWriter         *writer,
                       const PalpPlanDocument *plan,
                       gboolean                plots)
{
  const PalpClinicalDocument *document = writer->document;
  g_autoptr(GPtrArray) tracks_series = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) goals = g_array_new (FALSE, TRUE, sizeof (PalpGoal));
  g_autoptr(GArray) tracks = g_array_new (FALSE, TRUE, sizeof (PalpGoalTrack));
  PalpDocColumn columns[] = {
    { _("Goal"), 2.6, PALP_DOC_ALIGN_START },
    { _("Baseline → latest"), 1.5, PALP_DOC_ALIGN_START },
    { _("Target"), 0.8, PALP_DOC_ALIGN_END },
    { _("Change"), 2.0, PALP_DOC_ALIGN_START },
  };
  g_autoptr(GPtrArray) plot_list = g_ptr_array_new ();
  guint last_visit = 0;
  guint shown = 0;
  PalpPlateau plateau = { 0 };

  palp_doc_add_heading (writer->doc, _("Progress toward the goals"));
  for (guint g = 0; g < g_list_model_get_n_items (plan->goals); g++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (plan->goals, g);
      const char *unit = palp_plan_goal_get_string (goal, "unit");
      GArray *series;
      PalpGoal core;
      PalpGoalProgress progress = { 0 };
      g_autofree char *title = NULL;
      g_autofree char *from_to = NULL;
      g_autofree char *target = NULL;
      g_autofree char *change = NULL;
      g_autofree char *latest = NULL;
      g_autofree char *baseline = NULL;
      const char *cells[4];
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      PlotDrawing *drawing;

      if (palp_plan_goal_get_int (goal, "archived") || !clinical_goal_to_core (goal, &core))
        continue;
      series = clinical_goal_series (document, plan, g, &last_visit);
      if (!palp_goal_progress (&core, (const PalpMeasurement *) (gpointer) series->data,
                               series->len, document->today, last_visit, &progress, NULL))
        {
          g_array_unref (series);
          continue;
        }
      if (shown++ == 0)
        palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
      title = clinical_goal_title (goal);
      baseline = clinical_value (palp_plan_goal_get_string (goal, "baseline"), unit);
      latest = clinical_value (g_ascii_formatd (buf, sizeof buf, "%.4g", progress.current), unit);
      from_to = progress.measured ? g_strdup_printf ("%s → %s", baseline, latest)
                                  : g_strdup_printf ("%s → —", baseline);
      target = clinical_value (palp_plan_goal_get_string (goal, "target"), unit);
      {
        g_autofree char *amount = NULL;
        char mic[G_ASCII_DTOSTR_BUF_SIZE];

        /* "+3", not "+3/10": a change is not a score. */
        amount = clinical_value (g_ascii_formatd (buf, sizeof buf, "%+.4g", progress.change),
                                 unit != NULL && unit[0] == '/' ? NULL : unit);
        g_ascii_formatd (mic, sizeof mic, "%.4g", core.measure.mic);
        /* Translators: the change since the baseline (positive is better), the
         * verdict, and the minimal important change it is judged against. */
        change = progress.measured
                   ? g_strdup_printf (_("%s: %s (MIC %s)"), amount,
                                      clinical_goal_verdict (&progress), mic)
                   : g_strdup (clinical_goal_verdict (&progress));
      }
      cells[0] = title;
      cells[1] = from_to;
      cells[2] = target;
      cells[3] = change;
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);

      g_array_append_val (goals, core);
      g_ptr_array_add (tracks_series, series);

      drawing = g_new0 (PlotDrawing, 1);
      drawing->title = g_steal_pointer (&title);
      drawing->unit = g_strdup (unit);
      drawing->dates = g_ptr_array_new_with_free_func (g_free);
      drawing->points = g_array_new (FALSE, FALSE, sizeof (PalpPlotPoint));
      for (guint i = 0; i < series->len; i++)
        {
          PalpMeasurement *m = &g_array_index (series, PalpMeasurement, i);
          char *date = g_strndup (m->date != NULL ? m->date : "", 10);
          PalpPlotPoint point = { m->visit, date, m->value };

          g_ptr_array_add (drawing->dates, date);
          g_array_append_val (drawing->points, point);
        }
      drawing->plot.title = drawing->title;
      drawing->plot.unit = drawing->unit;
      drawing->plot.direction = core.measure.direction;
      drawing->plot.baseline = core.baseline;
      drawing->plot.target = core.target;
      drawing->plot.min = core.measure.min;
      drawing->plot.max = core.measure.max;
      g_ptr_array_add (plot_list, drawing);
    }
  if (shown == 0)
    {
      palp_doc_add_paragraph (writer->doc, _("No goal set yet."), PALP_DOC_TEXT_MUTED);
      return;
    }
  palp_doc_end_table (writer->doc);

  for (guint i = 0; i < goals->len; i++)
    {
      GArray *series = g_ptr_array_index (tracks_series, i);
      PalpGoalTrack track = { &g_array_index (goals, PalpGoal, i),
                              (const PalpMeasurement *) (gpointer) series->data, series->len };

      g_array_append_val (tracks, track);
    }
  if (palp_plateau_check ((const PalpGoalTrack *) (gpointer) tracks->data, tracks->len,
                          last_visit, document->plateau_visits, &plateau, NULL)
      && plateau.plateau)
    {
      g_autofree char *text = g_strdup_printf (_("Plateau: %s Medical necessity is at risk: "
                                                 "re-assess, change the plan, or discharge."),
                                               plateau.reason != NULL ? plateau.reason : "");

      palp_doc_add_notice (writer->doc, text);
      for (guint i = 0; i < plot_list->len; i++)
        {
          PlotDrawing *drawing = g_ptr_array_index (plot_list, i);

          drawing->plot.plateau = TRUE;
          drawing->plot.plateau_visits = plateau.n_visits;
        }
    }
  palp_plateau_clear (&plateau);

  for (guint i = 0; i < plot_list->len; i++)
    {
      PlotDrawing *drawing = g_ptr_array_index (plot_list, i);

      if (plots)
        {
          g_autofree char *words = NULL;

          drawing->plot.points = (const PalpPlotPoint *) (gpointer) drawing->points->data;
          drawing->plot.n_points = drawing->points->len;
          words = palp_progress_plot_describe (&drawing->plot);
          palp_doc_add_drawing (writer->doc, 0, PLOT_HEIGHT, words, draw_plot_cb, drawing,
                                plot_drawing_free);
          palp_doc_add_space (writer->doc, 6);
        }
      else
        plot_drawing_free (drawing);
    }
}

static void
add_attendance (ClinicalWriter *writer,
                const char     *since)
{
  const PalpClinicalDocument *document = writer->document;
  guint attended = 0, booked = 0, cancelled = 0, no_show = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < document->visits->len; i++)
    {
      PalpVisitDocument *entry = g_ptr_array_index (document->visits, i);
      const char *status = palp_visit_get_string (entry->visit, "status");
      const char *starts = palp_visit_get_string (entry->visit, "starts-at");

      if (palp_visit_is_esthetic_only (entry->visit) ||
          (since != NULL && (starts == NULL || strncmp (starts, since, 10) < 0)))
        continue;
      if (g_strcmp0 (status, "attended") == 0)
        attended++;
      else if (g_strcmp0 (status, "cancelled") == 0)
        cancelled++;
      else if (g_strcmp0 (status, "no-show") == 0)
        no_show++;
      else
        booked++;
    }
  palp_doc_add_heading (writer->doc, _("Attendance"));
  /* Translators: counts of visits since the plan started. */
  text = g_strdup_printf (_("Visits attended: %u · Booked ahead: %u · Cancelled: %u · "
                            "No-shows: %u"), attended, booked, cancelled, no_show);
  palp_doc_add_paragraph (writer->doc, text, PALP_DOC_TEXT_BODY);
}

static void
add_first_latest_chart (ClinicalWriter *writer,
                        const char     *since)
{
  const PalpClinicalDocument *document = writer->document;
  PalpVisitDocument *first = NULL, *latest = NULL;
  g_autofree char *first_caption = NULL;
  g_autofree char *latest_caption = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *latest_date = NULL;
  PalpView view = PALP_VIEW_BODY_ANTERIOR;

  for (guint i = 0; i < document->visits->len; i++)
    {
      PalpVisitDocument *entry = g_ptr_array_index (document->visits, i);
      const char *starts = palp_visit_get_string (entry->visit, "starts-at");

      if (g_list_model_get_n_items (entry->marks) == 0 ||
          (since != NULL && (starts == NULL || strncmp (starts, since, 10) < 0)))
        continue;
      if (first == NULL)
        first = entry;
      latest = entry;
    }
  if (first == NULL || first == latest || !palp_doc_chart_busiest_view (latest->marks, &view))
    return;
  first_date = clinical_date (document, palp_visit_get_string (first->visit, "starts-at"));
  latest_date = clinical_date (document, palp_visit_get_string (latest->visit, "starts-at"));
  first_caption = g_strdup_printf (_("First chart, %s"), first_date);
  latest_caption = g_strdup_printf (_("Latest chart, %s"), latest_date);
  /* Both headings on the page of the drawing they name. */
  palp_doc_keep_together (writer->doc, COMPARISON_HEIGHT + 80.0);
  palp_doc_add_heading (writer->doc, _("Body chart: first and latest"));
  palp_doc_chart_add_comparison (writer->doc, writer->atlas, view, first->marks, first_caption,
                                 latest->marks, latest_caption, COMPARISON_HEIGHT);
}

gboolean
clinical_add_progress_report (ClinicalWriter          *writer,
                              const PalpPlanDocument  *plan,
                              GError                 **error)
{
  const PalpClinicalDocument *document = writer->document;
  g_autoptr(PalpReferral) referral = NULL;
  g_autofree char *today = clinical_date (document, document->today);
  g_autofree char *to = NULL;
  const char *since = palp_plan_get_string (plan->plan, "started-on");

  if (g_list_model_get_n_items (document->referrals) > 0)
    referral = g_list_model_get_item (document->referrals, 0);
  if (referral != NULL)
    {
      const char *profession = palp_referral_get_string (referral, "profession");
      const char *npi = palp_referral_get_string (referral, "npi");
      g_autofree char *referred = clinical_date (document,
                                                 palp_referral_get_string (referral,
                                                                           "referred-on"));
      GString *lines = g_string_new (palp_referral_get_string (referral, "prescriber-name"));

      if (clinical_is_set (profession))
        g_string_append_printf (lines, "\n%s", profession);
      if (clinical_is_set (npi))
        {
          g_string_append_c (lines, '\n');
          g_string_append_printf (lines, _("NPI %s"), npi);
        }
      g_string_append_c (lines, '\n');
      g_string_append_printf (lines, _("Referral of %s"), referred);
      to = g_string_free (lines, FALSE);
      palp_doc_add_heading (writer->doc, _("To"));
      palp_doc_add_paragraph (writer->doc, to, PALP_DOC_TEXT_BODY);
    }
  else
    palp_doc_add_paragraph (writer->doc, _("To whom it may concern"), PALP_DOC_TEXT_BODY);

  clinical_add_diagnoses (writer, plan);
  clinical_add_progress (writer, plan, TRUE);
  add_first_latest_chart (writer, since);
  add_attendance (writer, since);
  return clinical_add_signature (writer, palp_plan_get_int (plan->plan, "practitioner-id"),
                                 _("Treating practitioner"), today, NULL, error);
}

GBytes *
palp_doc_progress_render (const PalpClinicalDocument  *document,
                          GError                     **error)
{
  ClinicalWriter writer;
  PalpPlanDocument *plan;
  g_autofree char *birth = NULL;
  g_autofree char *started = NULL;
  g_autofree char *today = NULL;
  PalpDocField fields[3];
  gsize n_fields = 0;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);

  if (!(plan = clinical_current_plan (document, error)))
    return NULL;
  birth = clinical_date (document, palp_client_get_birth_date (document->client));
  started = clinical_date (document, palp_plan_get_string (plan->plan, "started-on"));
  today = clinical_date (document, document->today);
  if (clinical_is_set (birth))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth };
  fields[n_fields++] = (PalpDocField) { _("Plan started"), started };
  fields[n_fields++] = (PalpDocField) { _("Report date"), today };

  if (!clinical_writer_init (&writer, document, _("Progress report"), today,
                             _("Progress report for the referring provider"), fields, n_fields,
                             error))
    return NULL;
  if (!clinical_add_progress_report (&writer, plan, error))
    {
      clinical_writer_clear (&writer);
      return NULL;
    }
  return clinical_writer_finish (&writer, error);
}
