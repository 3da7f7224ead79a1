/* palp-doc-record.c: a client's whole clinical record
 *
 * Everything the record holds, in date order: health histories (every
 * version), screenings with their findings, diagnoses, referrals, plans
 * with their goals and progress, consents, then each visit with its note,
 * chart, signature, overrides and amendments. What an auditor asks for,
 * on paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "palp-doc-clinical-private.h"
#include "palp-doc-receipt.h"
#include "palp-screening.h"

/* "blood_thinners" -> "Blood thinners" */
static char *
answer_label (const char *key)
{
  char *label = g_strdup (key);

  g_strdelimit (label, "_-", ' ');
  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);
  return label;
}

static void
append_node (GString  *text,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_BOOLEAN)
        g_string_append (text, clinical_yes_no (json_node_get_boolean (node)));
      else if (type == G_TYPE_STRING)
        g_string_append (text, json_node_get_string (node));
      else if (type == G_TYPE_INT64)
        g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append (text, g_ascii_formatd (buf, sizeof buf, "%g",
                                                  json_node_get_double (node)));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (text, "; ");
          append_node (text, json_array_get_element (array, i));
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      gboolean first = TRUE;

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *member = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_NULL (member))
            continue;
          if (!first)
            g_string_append (text, ", ");
          first = FALSE;
          append_node (text, member);
        }
    }
}

static void
add_health_history (ClinicalWriter    *writer,
                    PalpHealthHistory *history)
{
  const PalpClinicalDocument *document = writer->document;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *taken = clinical_date (document,
                                          palp_health_history_get_string (history, "taken-on"));
  g_autofree char *by = clinical_user_name (document,
                                            palp_health_history_get_int (history, "recorded-by"),
                                            NULL);
  g_autofree char *header = NULL;
  g_autoptr(GString) flags = g_string_new (NULL);
  const char *allergies = palp_health_history_get_string (history, "allergies");
  JsonNode *root;
  PalpDocColumn columns[] = {
    { _("Question"), 1.6, PALP_DOC_ALIGN_START },
    { _("Answer"), 4.0, PALP_DOC_ALIGN_START },
  };

  /* Translators: a health history's version: its date and who recorded it. */
  header = g_strdup_printf (_("Health history of %s, recorded by %s"), taken, by);
  palp_doc_add_paragraph (writer->doc, header, PALP_DOC_TEXT_STRONG);
  if (clinical_is_set (allergies))
    g_string_append_printf (flags, _("Allergies: %s"), allergies);
  if (palp_health_history_get_int (history, "has-blood-thinners"))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Takes blood thinners"));
  if (palp_health_history_get_int (history, "pregnant"))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "", _("Pregnant"));
  if (palp_health_history_get_int (history, "head-neck-radiation"))
    g_string_append_printf (flags, "%s%s", flags->len ? " · " : "",
                            _("Radiation to the head and neck"));
  if (flags->len > 0)
    palp_doc_add_paragraph (writer->doc, flags->str, PALP_DOC_TEXT_BODY);

  if (json_parser_load_from_data (parser, palp_health_history_get_string (history, "answers")
                                            ? palp_health_history_get_string (history, "answers")
                                            : "{}", -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      g_autoptr(GList) members = json_object_get_members (object);
      gboolean any = FALSE;

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr(GString) value = g_string_new (NULL);
          g_autofree char *label = answer_label (l->data);
          const char *cells[2];

          append_node (value, json_object_get_member (object, l->data));
          if (value->len == 0)
            continue;
          if (!any)
            palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
          any = TRUE;
          cells[0] = label;
          cells[1] = value->str;
          palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
        }
      if (any)
        palp_doc_end_table (writer->doc);
    }
  palp_doc_add_space (writer->doc, 6);
}

static const char *
severity_label (const char *severity)
{
  if (g_strcmp0 (severity, "absolute") == 0)
    return _("Absolute: no treatment");
  if (g_strcmp0 (severity, "local") == 0)
    return _("Local: avoid the area");
  if (g_strcmp0 (severity, "clearance") == 0)
    return _("Needs a physician’s clearance");
  return severity != NULL ? severity : "";
}

static void
add_screening (ClinicalWriter      *writer,
               PalpScreeningRecord *screening,
               GListModel          *findings)
{
  const PalpClinicalDocument *document = writer->document;
  g_autofree char *taken = clinical_date (document,
                                          palp_screening_record_get_string (screening,
                                                                            "taken-on"));
  g_autofree char *by = clinical_user_name (document,
                                            palp_screening_record_get_int (screening, "taken-by"),
                                            NULL);
  g_autofree char *header = g_strdup_printf (_("Screening of %s, by %s"), taken, by);
  const char *note = palp_screening_record_get_string (screening, "note");
  PalpDocColumn columns[] = {
    { _("Finding"), 1.8, PALP_DOC_ALIGN_START },
    { _("Severity"), 1.6, PALP_DOC_ALIGN_START },
    { _("Details"), 2.6, PALP_DOC_ALIGN_START },
  };

  palp_doc_add_paragraph (writer->doc, header, PALP_DOC_TEXT_STRONG);
  if (clinical_is_set (note))
    palp_doc_add_paragraph (writer->doc, note, PALP_DOC_TEXT_BODY);
  if (findings == NULL || g_list_model_get_n_items (findings) == 0)
    {
      palp_doc_add_paragraph (writer->doc, _("No contraindication found."), PALP_DOC_TEXT_MUTED);
      return;
    }
  palp_doc_begin_table (writer->doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PalpFindingRecord) f = g_list_model_get_item (findings, i);
      const char *kind_key = palp_finding_record_get_string (f, "kind");
      const char *region = palp_finding_record_get_string (f, "region-id");
      const char *cleared = palp_finding_record_get_string (f, "clearance-on-file");
      const char *fnote = palp_finding_record_get_string (f, "note");
      g_autoptr(GString) details = g_string_new (clinical_is_set (fnote) ? fnote : "");
      PalpContraKind kind;
      const char *cells[3];

      if (clinical_is_set (region))
        {
          g_autofree char *name = clinical_regions (writer->atlas, region);

          g_string_append_printf (details, "%s%s", details->len ? "\n" : "", name);
        }
      if (clinical_is_set (cleared))
        {
          g_autofree char *day = clinical_date (document, cleared);

          g_string_append (details, details->len ? "\n" : "");
          g_string_append_printf (details, _("Clearance on file since %s"), day);
        }
      cells[0] = palp_contra_kind_from_key (kind_key, &kind) ? palp_contra_kind_get_label (kind)
                                                             : kind_key;
      cells[1] = severity_label (palp_finding_record_get_string (f, "severity"));
      cells[2] = details->str;
      palp_doc_add_row (writer->doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (writer->doc);
}

static void
add_referrals (ClinicalWriter *writer)
{
  const PalpClinicalDocument *document = writer->document;
  GListModel *referrals = document->referrals;

  palp_doc_add_heading (writer->doc, _("Referrals and prescriptions"));
  if (g_list_model_get_n_items (referrals) == 0)
    {
      palp_doc_add_paragraph (writer->doc, _("No referral on file."), PALP_DOC_TEXT_MUTED);
      return;
    }
  for (guint i = g_list_model_get_n_items (referrals); i > 0; i--)
    {
      g_autoptr(PalpReferral) r = g_list_model_get_item (referrals, i - 1);
      g_autofree char *on = clinical_date (document, palp_referral_get_string (r, "referred-on"));
      g_autofree char *until = clinical_date (document, palp_referral_get_string (r, "expires-on"));
      g_autofree char *regions = clinical_regions (writer->atlas,
                                                   palp_referral_get_string (r, "regions"));
      g_autoptr(GString) text = g_string_new (NULL);
      const char *profession = palp_referral_get_string (r, "profession");
      const char *npi = palp_referral_get_string (r, "npi");
      const char *frequency = palp_referral_get_string (r, "frequency");
      const char *duration = palp_referral_get_string (r, "duration");
      const char *note = palp_referral_get_string (r, "note");
      g_autofree char *header = NULL;

      /* Translators: a referral: who wrote it and when. */
      header = g_strdup_printf (_("Referral by %s, %s"),
                                palp_referral_get_string (r, "prescriber-name"), on);
      palp_doc_add_paragraph (writer->doc, header, PALP_DOC_TEXT_STRONG);
      if (clinical_is_set (profession))
        g_string_append (text, profession);
      if (clinical_is_set (npi))
        {
          g_string_append (text, text->len ? " · " : "");
          g_string_append_printf (text, _("NPI %s"), npi);
        }
      if (clinical_is_set (until))
        {
          g_string_append (text, text->len ? "\n" : "");
          g_string_append_printf (text, _("Expires %s"), until);
        }
      if (clinical_is_set (frequency) || clinical_is_set (duration))
        {
          g_string_append (text, text->len ? "\n" : "");
          g_string_append_printf (text, _("Prescribed: %s %s"),
                                  clinical_is_set (frequency) ? frequency : "",
                                  clinical_is_set (duration) ? duration : "");
        }
      if (regions[0] != '\0')
        {
          g_string_append (text, text->len ? "\n" : "");
          g_string_append_printf (text, _("Regions: %s"), regions);
        }
      if (clinical_is_set (note))
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", note);
      if (text->len > 0)
        palp_doc_add_paragraph (writer->doc, text->str, PALP_DOC_TEXT_BODY);
    }
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "attended") == 0)
    return _("Attended");
  if (g_strcmp0 (status, "cancelled") == 0)
    return _("Cancelled");
  if (g_strcmp0 (status, "no-show") == 0)
    return _("No-show");
  if (g_strcmp0 (status, "booked") == 0)
    return _("Booked");
  return status != NULL ? status : "";
}

GBytes *
palp_doc_record_render (const PalpClinicalDocument  *document,
                        GError                     **error)
{
  ClinicalWriter writer;
  g_autofree char *birth = NULL;
  g_autofree char *today = NULL;
  g_autofree char *count = NULL;
  PalpDocField fields[3];
  gsize n_fields = 0;

  g_return_val_if_fail (document != NULL && PALP_IS_CLIENT (document->client), NULL);

  birth = clinical_date (document, palp_client_get_birth_date (document->client));
  today = clinical_date (document, document->today);
  count = g_strdup_printf ("%u", document->visits->len);
  if (clinical_is_set (birth))
    fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth };
  fields[n_fields++] = (PalpDocField) { _("Visits"), count };
  fields[n_fields++] = (PalpDocField) { _("Printed"), today };

  if (!clinical_writer_init (&writer, document, _("Clinical record"), today,
                             _("The whole clinical record of a client"), fields, n_fields, error))
    return NULL;
  clinical_add_restriction (&writer);

  palp_doc_add_heading (writer.doc, _("Health history"));
  if (g_list_model_get_n_items (document->health_histories) == 0)
    palp_doc_add_paragraph (writer.doc, _("No health history on file."), PALP_DOC_TEXT_MUTED);
  for (guint i = g_list_model_get_n_items (document->health_histories); i > 0; i--)
    {
      g_autoptr(PalpHealthHistory) h = g_list_model_get_item (document->health_histories, i - 1);

      add_health_history (&writer, h);
    }

  palp_doc_add_heading (writer.doc, _("Screenings"));
  if (g_list_model_get_n_items (document->screenings) == 0)
    palp_doc_add_paragraph (writer.doc, _("No screening on file."), PALP_DOC_TEXT_MUTED);
  for (guint i = g_list_model_get_n_items (document->screenings); i > 0; i--)
    {
      g_autoptr(PalpScreeningRecord) s = g_list_model_get_item (document->screenings, i - 1);

      add_screening (&writer, s, i - 1 < document->findings->len
                                   ? g_ptr_array_index (document->findings, i - 1) : NULL);
    }

  clinical_add_diagnoses (&writer, NULL);
  add_referrals (&writer);

  for (guint p = document->plans->len; p > 0; p--)
    {
      PalpPlanDocument *plan = g_ptr_array_index (document->plans, p - 1);

      clinical_add_plan (&writer, plan);
      clinical_add_progress (&writer, plan, FALSE);
    }
  clinical_add_consents (&writer, -1);

  for (guint i = 0; i < document->visits->len; i++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (document->visits, i);
      g_autofree char *date = clinical_date_time (document,
                                                  palp_visit_get_string (visit->visit,
                                                                         "starts-at"));
      g_autofree char *who = clinical_user_name (document,
                                                 palp_visit_get_int (visit->visit,
                                                                     "practitioner-id"),
                                                 palp_visit_get_string (visit->visit,
                                                                        "practitioner-name"));
      const char *status = palp_visit_get_string (visit->visit, "status");
      g_autofree char *line = NULL;

      palp_doc_add_title (writer.doc, _("Visit"), date);
      /* Translators: a visit's practitioner and its status (attended, cancelled...). */
      line = g_strdup_printf (_("%s · %s"), who, status_label (status));
      palp_doc_add_paragraph (writer.doc, line, PALP_DOC_TEXT_MUTED);
      if (g_strcmp0 (status, "attended") != 0 && visit->note == NULL)
        continue;
      if (!clinical_add_visit_note (&writer, visit, error))
        {
          clinical_writer_clear (&writer);
          return NULL;
        }
    }
  return clinical_writer_finish (&writer, error);
}
