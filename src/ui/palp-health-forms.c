/* palp-health-forms.c: the clinical record's client-level forms
 *
 * Each form reads its rows into a record on every change and runs the
 * same checks the store will (dates, the ICD-10 shape, the NPI check
 * digit), so the row at fault is marked before Save is pressed; the
 * store's own refusal, if any, is shown in the same place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "palp-date.h"
#include "palp-health-forms.h"
#include "palp-icd10.h"
#include "palp-npi.h"
#include "palp-region-picker.h"
#include "palp-ui-util.h"

#define ROWS_KEY "palp-health-rows"

/* Shared pieces ----------------------------------------------------------- */

static void
register_row (PalpFormWindow *form,
              const char     *field,
              GtkWidget      *row)
{
  GHashTable *rows = g_object_get_data (G_OBJECT (form), ROWS_KEY);

  if (rows == NULL)
    {
      rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (form), ROWS_KEY, rows,
                              (GDestroyNotify) g_hash_table_unref);
    }
  g_hash_table_replace (rows, g_strdup (field), row);
}

GtkWidget *
palp_health_form_get_row (PalpFormWindow *form,
                          const char     *field)
{
  GHashTable *rows;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (form), NULL);

  rows = g_object_get_data (G_OBJECT (form), ROWS_KEY);
  return rows ? g_hash_table_lookup (rows, field) : NULL;
}

static PalpCountry
country_of (PalpClinic *clinic)
{
  return clinic ? palp_clinic_get_country_enum (clinic) : PALP_COUNTRY_US;
}

static const char *
date_pattern (PalpCountry country)
{
  /* Translators: how a date is typed in a Canadian clinic. */
  return country == PALP_COUNTRY_CA ? _("DD/MM/YYYY")
  /* Translators: how a date is typed in a US clinic. */
                                    : _("MM/DD/YYYY");
}

static GtkWidget *
entry_row (PalpFormWindow      *form,
           AdwPreferencesGroup *group,
           const char          *field,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  palp_form_window_watch (form, row);
  register_row (form, field, row);
  return row;
}

/* A date row: the title says how to type it, the accessible name is the
 * plain title. */
static GtkWidget *
date_row (PalpFormWindow      *form,
          AdwPreferencesGroup *group,
          const char          *field,
          const char          *title,
          PalpCountry          country,
          const char          *iso)
{
  g_autofree char *full = g_strdup_printf ("%s (%s)", title, date_pattern (country));
  GtkWidget *row = entry_row (form, group, field, full);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (iso != NULL)
    {
      g_autofree char *shown = palp_date_format_short (iso, country);

      gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : iso);
    }
  return row;
}

static GtkWidget *
switch_row (PalpFormWindow      *form,
            AdwPreferencesGroup *group,
            const char          *field,
            const char          *title,
            const char          *subtitle,
            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  palp_form_window_watch (form, toggle);
  register_row (form, field, toggle);
  return toggle;
}

static char *
trimmed_text (GtkWidget *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Reads a date row. TRUE with *@out_iso (NULL when empty and allowed);
 * FALSE with @missing (empty) or @bad and how to type a date. Whole
 * sentences, so each language can say them its own way. */
static gboolean
read_date (GtkWidget    *row,
           PalpCountry   country,
           const char   *missing,
           const char   *bad,
           char        **out_iso,
           char        **out_problem)
{
  g_autofree char *text = trimmed_text (row);
  g_autofree char *how = NULL;
  GDate date;

  *out_iso = NULL;
  if (text == NULL)
    {
      if (missing != NULL)
        *out_problem = g_strdup (missing);
      return missing == NULL;
    }
  if (!palp_date_parse_user (text, country, &date))
    {
      /* Translators: %s is how to type a date, e.g. "MM/DD/YYYY". */
      how = g_strdup_printf (_("Type it as %s or YYYY-MM-DD."), date_pattern (country));
      *out_problem = g_strdup_printf ("%s %s", bad, how);
      return FALSE;
    }
  *out_iso = palp_date_to_iso (&date);
  return TRUE;
}

static void
set_editable_read_only (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_editable (GTK_EDITABLE (widget), FALSE);
  else if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), FALSE);
  else if (GTK_IS_SWITCH (widget) || GTK_IS_BUTTON (widget))
    gtk_widget_set_sensitive (widget, FALSE);
}

/* Health history ---------------------------------------------------------- */

typedef struct
{
  PalpFormWindow *form;       /* unowned */
  PalpStore      *store;
  PalpCountry     country;
  gint64          client_id;
  gboolean        change_reported;
  AdwPreferencesGroup *surgery_group;
  GPtrArray      *surgeries;  /* SurgeryRow */
  PalpHealthHistory *draft;
} HistoryForm;

typedef struct
{
  GtkWidget *row;    /* AdwEntryRow: what */
  GtkWidget *date;   /* GtkEntry suffix */
} SurgeryRow;

static void
history_form_free (gpointer data)
{
  HistoryForm *h = data;

  g_clear_object (&h->store);
  g_clear_object (&h->draft);
  g_ptr_array_unref (h->surgeries);
  g_free (h);
}

static void
on_surgery_remove_cb (GtkButton   *button,
                      HistoryForm *h)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "surgery-row");

  for (guint i = 0; i < h->surgeries->len; i++)
    {
      SurgeryRow *s = g_ptr_array_index (h->surgeries, i);

      if (s->row == row)
        {
          g_ptr_array_remove_index (h->surgeries, i);
          break;
        }
    }
  adw_preferences_group_remove (h->surgery_group, row);
  palp_form_window_changed (h->form);
}

static SurgeryRow *
add_surgery (HistoryForm *h,
             const char  *what,
             const char  *iso)
{
  SurgeryRow *s = g_new0 (SurgeryRow, 1);
  GtkWidget *remove;
  g_autofree char *shown = iso ? palp_date_format_short (iso, h->country) : NULL;
  g_autofree char *date_name = NULL;

  s->row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (s->row), _("Surgery"));
  gtk_editable_set_text (GTK_EDITABLE (s->row), what ? what : "");
  s->date = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (s->date), date_pattern (h->country));
  gtk_editable_set_width_chars (GTK_EDITABLE (s->date), 11);
  gtk_widget_set_valign (s->date, GTK_ALIGN_CENTER);
  gtk_editable_set_text (GTK_EDITABLE (s->date), shown ? shown : (iso ? iso : ""));
  gtk_accessible_update_property (GTK_ACCESSIBLE (s->date), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the surgery"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (s->row), s->date);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this surgery"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this surgery"), -1);
  g_object_set_data (G_OBJECT (remove), "surgery-row", s->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_surgery_remove_cb), h);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (s->row), remove);
  adw_preferences_group_add (h->surgery_group, s->row);
  palp_form_window_watch (h->form, s->row);
  palp_form_window_watch (h->form, s->date);
  /* The newest surgery row answers for "surgery" and "surgery-date". */
  register_row (h->form, "surgery", s->row);
  register_row (h->form, "surgery-date", s->date);
  g_ptr_array_add (h->surgeries, s);
  return s;
}

static void
on_add_surgery_cb (HistoryForm *h)
{
  SurgeryRow *s = add_surgery (h, NULL, NULL);

  gtk_widget_grab_focus (s->row);
  palp_form_window_changed (h->form);
}

static const char *
history_text (PalpFormWindow *form,
              const char     *field,
              char          **slot)
{
  *slot = trimmed_text (palp_health_form_get_row (form, field));
  return *slot;
}

static gboolean
history_switch (PalpFormWindow *form,
                const char     *field)
{
  return gtk_switch_get_active (GTK_SWITCH (palp_health_form_get_row (form, field)));
}

/* The allergies the header shows: latex, then the oils and the others as
 * typed, comma-separated. */
static char *
allergy_summary (gboolean    latex,
                 const char *oils,
                 const char *other)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *lists[] = { oils, other };

  if (latex)
    g_string_append (summary, _("Latex"));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_auto(GStrv) items = g_strsplit_set (lists[l] ? lists[l] : "", ",;", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_strstrip (items[i]);
          if (*items[i] != '\0')
            g_string_append_printf (summary, "%s%s", summary->len ? ", " : "", items[i]);
        }
    }
  return summary->len ? g_string_free (g_steal_pointer (&summary), FALSE) : NULL;
}

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static char *
history_check (gpointer    data,
               GtkWidget **out_row)
{
  HistoryForm *h = data;
  PalpFormWindow *form = h->form;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *taken_on = NULL, *problem = NULL, *json = NULL, *allergies = NULL;
  g_autofree char *conditions = NULL, *medications = NULL, *oils = NULL, *other = NULL;
  g_autofree char *devices = NULL, *cancer_note = NULL, *change = NULL, *pregnancy_note = NULL;
  gboolean latex = history_switch (form, "latex");

  if (!read_date (palp_health_form_get_row (form, "taken-on"), h->country,
                  _("Give the date the health history was taken."),
                  _("The health history's date is not a date."), &taken_on, &problem))
    {
      *out_row = palp_health_form_get_row (form, "taken-on");
      return g_steal_pointer (&problem);
    }
  if (h->change_reported && history_text (form, "change", &change) == NULL)
    {
      *out_row = palp_health_form_get_row (form, "change");
      return g_strdup (_("Say what the client reports has changed."));
    }

  json_builder_begin_object (b);
  if (h->change_reported)
    add_member (b, "reported_change", change);
  add_member (b, "conditions", history_text (form, "conditions", &conditions));
  add_member (b, "medications", history_text (form, "medications", &medications));
  add_bool (b, "blood_thinners", history_switch (form, "blood-thinners"));
  json_builder_set_member_name (b, "surgeries");
  json_builder_begin_array (b);
  for (guint i = 0; i < h->surgeries->len; i++)
    {
      SurgeryRow *s = g_ptr_array_index (h->surgeries, i);
      g_autofree char *what = trimmed_text (s->row);
      g_autofree char *iso = NULL;

      if (!read_date (s->date, h->country, NULL, _("The surgery's date is not a date."), &iso,
                      &problem))
        {
          *out_row = s->row;
          json_builder_end_array (b);
          json_builder_end_object (b);
          return g_steal_pointer (&problem);
        }
      if (what == NULL && iso == NULL)
        continue;
      if (what == NULL)
        {
          *out_row = s->row;
          json_builder_end_array (b);
          json_builder_end_object (b);
          return g_strdup (_("Name the surgery, or remove its row."));
        }
      json_builder_begin_object (b);
      add_member (b, "what", what);
      add_member (b, "date", iso);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "allergies");
  json_builder_begin_object (b);
  add_bool (b, "latex", latex);
  add_member (b, "oils", history_text (form, "oils", &oils));
  add_member (b, "other", history_text (form, "other-allergies", &other));
  json_builder_end_object (b);
  add_bool (b, "pregnant", history_switch (form, "pregnant"));
  add_member (b, "pregnancy_note", history_text (form, "pregnancy-note", &pregnancy_note));
  add_bool (b, "cancer_treatment", history_switch (form, "cancer-treatment"));
  add_bool (b, "head_neck_radiation", history_switch (form, "head-neck-radiation"));
  add_member (b, "cancer_note", history_text (form, "cancer-note", &cancer_note));
  add_member (b, "devices", history_text (form, "devices", &devices));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  allergies = allergy_summary (latex, oils, other);
  if (allergies != NULL && g_utf8_strlen (allergies, -1) > 500)
    {
      *out_row = palp_health_form_get_row (form, "other-allergies");
      return g_strdup (_("The allergies are too long: keep them under 500 characters."));
    }

  g_object_set (h->draft,
                "client-id", h->client_id,
                "taken-on", taken_on,
                "answers", json,
                "allergies", allergies,
                "has-blood-thinners", (gint64) history_switch (form, "blood-thinners"),
                "pregnant", (gint64) history_switch (form, "pregnant"),
                "head-neck-radiation", (gint64) history_switch (form, "head-neck-radiation"),
                NULL);
  return NULL;
}

static gboolean
history_save (gpointer   data,
              GError   **error)
{
  HistoryForm *h = data;
  g_autoptr(PalpHealthHistory) version = palp_health_history_new ();
  g_autofree char *taken_on = NULL, *answers = NULL, *allergies = NULL;
  gint64 thinners, pregnant, radiation;

  /* Always a new version: the draft's values on a fresh record. */
  g_object_get (h->draft, "taken-on", &taken_on, "answers", &answers, "allergies", &allergies,
                "has-blood-thinners", &thinners, "pregnant", &pregnant,
                "head-neck-radiation", &radiation, NULL);
  g_object_set (version, "client-id", h->client_id, "taken-on", taken_on, "answers", answers,
                "allergies", allergies, "has-blood-thinners", thinners, "pregnant", pregnant,
                "head-neck-radiation", radiation, NULL);
  return palp_store_save_health_history (h->store, version, error);
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

static gboolean
json_bool (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
           && json_node_get_boolean (node);
}

static PalpFormWindow *
history_form_build (GtkWindow         *parent,
                    PalpStore         *store,
                    PalpClinic        *clinic,
                    gint64             client_id,
                    PalpHealthHistory *from,
                    gboolean           change_reported,
                    gboolean           read_only)
{
  PalpCountry country = country_of (clinic);
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answers = NULL, *allergies = NULL;
  g_autofree char *title = NULL;
  PalpFormWindow *form;
  AdwPreferencesGroup *group;
  HistoryForm *h;
  GtkWidget *add, *row;

  if (read_only)
    {
      g_autofree char *day = palp_date_format_short (
          palp_health_history_get_string (from, "taken-on"), country);

      /* Translators: %s is the date the health history was taken. */
      title = g_strdup_printf (_("Health History of %s"), day ? day : "");
    }
  form = palp_form_window_new (parent,
                               read_only ? title
                                         : change_reported ? _("Client Reports a Change")
                                                           : _("New Health History Version"),
                               read_only ? NULL
                                         : _("This health history version has not been saved."));
  h = g_new0 (HistoryForm, 1);
  h->form = form;
  h->store = g_object_ref (store);
  h->country = country;
  h->client_id = client_id;
  h->change_reported = change_reported;
  h->surgeries = g_ptr_array_new_with_free_func (g_free);
  h->draft = palp_health_history_new ();

  if (from != NULL && palp_health_history_get_string (from, "answers") != NULL &&
      json_parser_load_from_data (parser, palp_health_history_get_string (from, "answers"), -1,
                                  NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      answers = json_node_get_object (json_parser_get_root (parser));
      if (json_object_has_member (answers, "allergies") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (answers, "allergies")))
        allergies = json_object_get_object_member (answers, "allergies");
    }

  group = palp_form_window_add_group (form, _("Health History"),
                                      read_only ? NULL
                                                : _("Saved as a new dated version: earlier "
                                                    "versions are kept as they were."));
  date_row (form, group, "taken-on", _("Taken on"), country,
            read_only ? palp_health_history_get_string (from, "taken-on") : today);
  if (change_reported || json_string (answers, "reported_change") != NULL)
    {
      row = entry_row (form, group, "change", _("What the client reports has changed"));
      gtk_editable_set_text (GTK_EDITABLE (row), read_only && json_string (answers, "reported_change")
                                                   ? json_string (answers, "reported_change") : "");
    }

  group = palp_form_window_add_group (form, _("Conditions and Medications"), NULL);
  row = entry_row (form, group, "conditions", _("Conditions"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (answers, "conditions")
                                               ? json_string (answers, "conditions") : "");
  row = entry_row (form, group, "medications", _("Medications"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (answers, "medications")
                                               ? json_string (answers, "medications") : "");
  switch_row (form, group, "blood-thinners", _("Takes blood thinners"),
              _("Anticoagulants or antiplatelets, such as warfarin or daily aspirin"),
              from && palp_health_history_get_int (from, "has-blood-thinners"));

  group = palp_form_window_add_group (form, _("Surgeries"),
                                      _("Each operation with its date, as far as the client "
                                        "knows it."));
  h->surgery_group = group;
  if (!read_only)
    {
      add = gtk_button_new_from_icon_name ("list-add-symbolic");
      gtk_widget_add_css_class (add, "flat");
      gtk_widget_set_tooltip_text (add, _("Add a surgery"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Add a surgery"), -1);
      g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_surgery_cb), h);
      adw_preferences_group_set_header_suffix (group, add);
      register_row (form, "add-surgery", add);
    }
  if (answers != NULL && json_object_has_member (answers, "surgeries") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (answers, "surgeries")))
    {
      JsonArray *list = json_object_get_array_member (answers, "surgeries");

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            add_surgery (h, json_string (json_node_get_object (node), "what"),
                         json_string (json_node_get_object (node), "date"));
        }
    }
  if (read_only && h->surgeries->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No surgeries recorded"));
      adw_preferences_group_add (group, row);
    }

  group = palp_form_window_add_group (form, _("Allergies"),
                                      _("Shown in the client's header as flags."));
  switch_row (form, group, "latex", _("Latex"), _("Gloves and equipment must be latex-free"),
              json_bool (allergies, "latex"));
  row = entry_row (form, group, "oils", _("Oils, lotions or scents"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (allergies, "oils")
                                               ? json_string (allergies, "oils") : "");
  row = entry_row (form, group, "other-allergies", _("Other allergies"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (allergies, "other")
                                               ? json_string (allergies, "other") : "");

  group = palp_form_window_add_group (form, _("Pregnancy, Cancer and Devices"), NULL);
  switch_row (form, group, "pregnant", _("Pregnant"), NULL,
              from && palp_health_history_get_int (from, "pregnant"));
  row = entry_row (form, group, "pregnancy-note", _("Pregnancy notes (weeks, care provider)"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (answers, "pregnancy_note")
                                               ? json_string (answers, "pregnancy_note") : "");
  switch_row (form, group, "cancer-treatment", _("Cancer treatment"),
              _("Current or recent chemotherapy, radiation or surgery for cancer"),
              json_bool (answers, "cancer_treatment"));
  switch_row (form, group, "head-neck-radiation", _("Radiation to the head and neck"),
              _("At any time: it can leave trismus and fragile tissue"),
              from && palp_health_history_get_int (from, "head-neck-radiation"));
  row = entry_row (form, group, "cancer-note", _("Cancer treatment details"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (answers, "cancer_note")
                                               ? json_string (answers, "cancer_note") : "");
  row = entry_row (form, group, "devices", _("Devices (pacemaker, implants, pumps)"));
  gtk_editable_set_text (GTK_EDITABLE (row), json_string (answers, "devices")
                                               ? json_string (answers, "devices") : "");

  if (read_only)
    {
      GHashTable *rows = g_object_get_data (G_OBJECT (form), ROWS_KEY);
      GHashTableIter iter;
      gpointer widget;

      g_hash_table_iter_init (&iter, rows);
      while (g_hash_table_iter_next (&iter, NULL, &widget))
        set_editable_read_only (widget);
      for (guint i = 0; i < h->surgeries->len; i++)
        {
          SurgeryRow *s = g_ptr_array_index (h->surgeries, i);

          set_editable_read_only (s->row);
          set_editable_read_only (s->date);
        }
    }

  palp_form_window_set_hint (form, change_reported
                                     ? _("Say what changed and update the answers: the "
                                         "screening will then be due again.")
                                     : _("Update the answers with the client: a new dated "
                                         "version is saved."));
  palp_form_window_set_funcs (form, history_check, history_save, h, history_form_free);
  /* Reviewed with the client and unchanged is worth a dated version too,
   * except when a change is being reported. */
  palp_form_window_set_needs_change (form, read_only || change_reported);
  return form;
}

PalpFormWindow *
palp_health_history_form_new (GtkWindow         *parent,
                              PalpStore         *store,
                              PalpClinic        *clinic,
                              gint64             client_id,
                              PalpHealthHistory *latest,
                              gboolean           change_reported)
{
  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  return history_form_build (parent, store, clinic, client_id, latest, change_reported, FALSE);
}

PalpFormWindow *
palp_health_history_form_view (GtkWindow         *parent,
                               PalpStore         *store,
                               PalpClinic        *clinic,
                               PalpHealthHistory *history)
{
  g_return_val_if_fail (PALP_IS_STORE (store), NULL);
  g_return_val_if_fail (PALP_IS_HEALTH_HISTORY (history), NULL);

  return history_form_build (parent, store, clinic,
                             palp_health_history_get_int (history, "client-id"), history, FALSE,
                             TRUE);
}

/* Screening --------------------------------------------------------------- */

/* The store spells a finding's severity "absolute", "local" or
 * "clearance". */
static const char *
store_severity (PalpSeverity severity)
{
  switch (severity)
    {
    case PALP_SEVERITY_ABSOLUTE:
      return "absolute";
    case PALP_SEVERITY_LOCAL:
      return "local";
    case PALP_SEVERITY_NEEDS_CLEARANCE:
    default:
      return "clearance";
    }
}

typedef struct
{
  GtkWidget *expander;     /* AdwExpanderRow; its switch is the answer */
  GtkWidget *note;         /* AdwEntryRow */
  GtkWidget *region_row;   /* AdwActionRow (local only) */
  GtkWidget *region_button;
  GtkWidget *clearance;    /* AdwEntryRow (clearance only) */
  char      *region_id;
  PalpSeverity severity;
} Question;

typedef struct
{
  PalpFormWindow *form;    /* unowned */
  PalpStore      *store;
  PalpCountry     country;
  gint64          client_id;
  Question        questions[PALP_CONTRA_KIND_COUNT];
  PalpScreeningRecord *draft;
  GListStore     *findings;
} ScreeningForm;

static void
screening_form_free (gpointer data)
{
  ScreeningForm *s = data;

  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    g_free (s->questions[i].region_id);
  g_clear_object (&s->store);
  g_clear_object (&s->draft);
  g_clear_object (&s->findings);
  g_free (s);
}

static void
show_region (Question *q)
{
  g_autofree char *names = q->region_id ? palp_region_names_for_ids (q->region_id) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (q->region_row),
                               names ? names : _("None chosen yet: choose it on the body"));
  gtk_button_set_label (GTK_BUTTON (q->region_button), q->region_id ? _("Change…")
                                                                   : _("Choose…"));
}

static void
on_region_chosen_cb (PalpRegionPicker *picker,
                     char            **ids,
                     gpointer          data)
{
  PalpFormWindow *form = g_object_get_data (G_OBJECT (picker), "palp-form");
  ScreeningForm *s = g_object_get_data (G_OBJECT (picker), "palp-screening");
  Question *q = data;

  if (form == NULL || s == NULL)
    return;
  g_free (q->region_id);
  q->region_id = g_strdup (ids && ids[0] ? ids[0] : NULL);
  show_region (q);
  palp_form_window_changed (form);
}

static void
on_region_button_clicked_cb (GtkButton *button,
                             gpointer   data)
{
  Question *q = data;
  ScreeningForm *s = g_object_get_data (G_OBJECT (button), "palp-screening");
  const char *selected[] = { q->region_id, NULL };
  PalpRegionPicker *picker = palp_region_picker_new (GTK_WINDOW (s->form), FALSE,
                                                     q->region_id ? selected : NULL);

  g_object_set_data (G_OBJECT (picker), "palp-form", s->form);
  g_object_set_data (G_OBJECT (picker), "palp-screening", s);
  g_signal_connect (picker, "chosen", G_CALLBACK (on_region_chosen_cb), q);
  gtk_window_present (GTK_WINDOW (picker));
}

static char *
screening_check (gpointer    data,
                 GtkWidget **out_row)
{
  ScreeningForm *s = data;
  g_autofree char *taken_on = NULL, *problem = NULL, *note = NULL;

  if (!read_date (palp_health_form_get_row (s->form, "taken-on"), s->country,
                  _("Give the date of the screening."),
                  _("The screening's date is not a date."), &taken_on, &problem))
    {
      *out_row = palp_health_form_get_row (s->form, "taken-on");
      return g_steal_pointer (&problem);
    }
  note = trimmed_text (palp_health_form_get_row (s->form, "note"));
  g_object_set (s->draft, "client-id", s->client_id, "taken-on", taken_on, "note", note, NULL);

  g_list_store_remove_all (s->findings);
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    {
      Question *q = &s->questions[i];
      g_autoptr(PalpFindingRecord) finding = NULL;
      g_autofree char *finding_note = NULL, *cleared = NULL;

      if (!adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (q->expander)))
        continue;
      finding_note = trimmed_text (q->note);
      if (i == PALP_CONTRA_OTHER && finding_note == NULL)
        {
          *out_row = q->note;
          return g_strdup (_("Name the other contraindication in its note."));
        }
      if (q->severity == PALP_SEVERITY_LOCAL && q->region_id == NULL)
        {
          *out_row = q->region_row;
          /* Translators: %s is the contraindication, e.g. "Burns". */
          return g_strdup_printf (_("%s: choose the region to avoid."),
                                  palp_contra_kind_get_label (i));
        }
      if (q->clearance != NULL &&
          !read_date (q->clearance, s->country, NULL, _("The clearance's date is not a date."),
                      &cleared, &problem))
        {
          *out_row = q->clearance;
          return g_steal_pointer (&problem);
        }
      if (cleared != NULL && strcmp (cleared, taken_on) > 0)
        {
          *out_row = q->clearance;
          return g_strdup (_("A clearance on file cannot be dated after the screening."));
        }
      finding = palp_finding_record_new ();
      g_object_set (finding,
                    "kind", palp_contra_kind_to_key (i),
                    "severity", store_severity (q->severity),
                    "note", finding_note,
                    "region-id", q->severity == PALP_SEVERITY_LOCAL ? q->region_id : NULL,
                    "clearance-on-file", cleared,
                    NULL);
      g_list_store_append (s->findings, finding);
    }
  return NULL;
}

static gboolean
screening_save (gpointer   data,
                GError   **error)
{
  ScreeningForm *s = data;
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();

  g_object_set (screening, "client-id", s->client_id,
                "taken-on", palp_screening_record_get_string (s->draft, "taken-on"),
                "note", palp_screening_record_get_string (s->draft, "note"), NULL);
  return palp_store_save_screening (s->store, screening, G_LIST_MODEL (s->findings), error);
}

static const char *
severity_icon (PalpSeverity severity)
{
  switch (severity)
    {
    case PALP_SEVERITY_ABSOLUTE:
      return "action-unavailable-symbolic";
    case PALP_SEVERITY_LOCAL:
      return "find-location-symbolic";
    case PALP_SEVERITY_NEEDS_CLEARANCE:
    default:
      return "dialog-warning-symbolic";
    }
}

PalpFormWindow *
palp_screening_form_new (GtkWindow                   *parent,
                         PalpStore                   *store,
                         PalpClinic                  *clinic,
                         gint64                       client_id,
                         const PalpScreeningSettings *settings)
{
  PalpScreeningSettings defaults;
  g_autofree char *today = palp_date_today_iso ();
  PalpFormWindow *form;
  AdwPreferencesGroup *group;
  ScreeningForm *s;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  if (settings == NULL)
    {
      palp_screening_settings_init_default (&defaults);
      settings = &defaults;
    }

  form = palp_form_window_new (parent, _("Screen for Contraindications"),
                               _("The answers to this screening have not been saved."));
  palp_form_window_set_save_label (form, _("_Save Screening"));
  s = g_new0 (ScreeningForm, 1);
  s->form = form;
  s->store = g_object_ref (store);
  s->country = country_of (clinic);
  s->client_id = client_id;
  s->draft = palp_screening_record_new ();
  s->findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);

  group = palp_form_window_add_group (form, _("Screening"), NULL);
  g_object_set_data (G_OBJECT (date_row (form, group, "taken-on", _("Screened on"), s->country,
                                         today)),
                     "palp-screening", s);
  entry_row (form, group, "note", _("Note"));

  group = palp_form_window_add_group (form, _("Contraindications"),
                                      _("Ask the client each question and switch on the ones "
                                        "that apply. Each is recorded with the clinic's "
                                        "severity: no treatment, avoid a region, or a "
                                        "physician's clearance first."));
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    {
      Question *q = &s->questions[i];
      g_autofree char *subtitle = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *icon;

      q->severity = settings->severity[i];
      q->expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->expander),
                                     palp_contra_kind_get_label (i));
      /* Translators: %s is a severity, e.g. "Needs clearance". */
      subtitle = g_strdup_printf (_("If yes: %s"), palp_severity_get_label (q->severity));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (q->expander), subtitle);
      adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (q->expander), TRUE);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (q->expander), FALSE);
      icon = gtk_image_new_from_icon_name (severity_icon (q->severity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      palp_severity_get_label (q->severity), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (q->expander), icon);
      /* Translators: the first %s is a contraindication, the second its
       * severity; read out for the yes/no switch. */
      accessible = g_strdup_printf (_("%s (if yes: %s)"), palp_contra_kind_get_label (i),
                                    palp_severity_get_label (q->severity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (q->expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_signal_connect_object (q->expander, "notify::enable-expansion",
                               G_CALLBACK (palp_form_window_changed), form, G_CONNECT_SWAPPED);

      q->note = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->note),
                                     i == PALP_CONTRA_OTHER ? _("What it is")
                                                            : _("Note (what the client said)"));
      palp_form_window_watch (form, q->note);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (q->expander), q->note);

      if (q->severity == PALP_SEVERITY_LOCAL)
        {
          q->region_row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->region_row),
                                         _("Region to avoid"));
          q->region_button = gtk_button_new_with_label (_("Choose…"));
          gtk_widget_set_valign (q->region_button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (q->region_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Choose the region to avoid"), -1);
          g_object_set_data (G_OBJECT (q->region_button), "palp-screening", s);
          g_signal_connect (q->region_button, "clicked",
                            G_CALLBACK (on_region_button_clicked_cb), q);
          adw_action_row_add_suffix (ADW_ACTION_ROW (q->region_row), q->region_button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (q->region_row),
                                                 q->region_button);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (q->expander), q->region_row);
          show_region (q);
        }
      else if (q->severity == PALP_SEVERITY_NEEDS_CLEARANCE)
        {
          g_autofree char *title = g_strdup_printf ("%s (%s)", _("Clearance on file"),
                                                    date_pattern (s->country));

          q->clearance = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->clearance), title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (q->clearance),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Date the physician's clearance was put on file"), -1);
          gtk_widget_set_tooltip_text (q->clearance,
                                       _("Leave empty while the clearance is still needed"));
          palp_form_window_watch (form, q->clearance);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (q->expander), q->clearance);
        }
      adw_preferences_group_add (group, q->expander);
    }

  palp_form_window_set_hint (form, _("Answer each question with the client, then save: a "
                                     "screening with no findings is saved too."));
  palp_form_window_set_funcs (form, screening_check, screening_save, s, screening_form_free);
  palp_form_window_set_needs_change (form, FALSE);
  return form;
}

static ScreeningForm *
screening_of (PalpFormWindow *form)
{
  /* The form's data is only reachable through a row's back-pointer. */
  GtkWidget *row = palp_health_form_get_row (form, "taken-on");

  return row ? g_object_get_data (G_OBJECT (row), "palp-screening") : NULL;
}

gboolean
palp_screening_form_answer (PalpFormWindow *form,
                            PalpContraKind  kind,
                            gboolean        yes,
                            const char     *note)
{
  ScreeningForm *s = screening_of (form);

  g_return_val_if_fail (s != NULL && kind < PALP_CONTRA_KIND_COUNT, FALSE);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (s->questions[kind].expander), yes);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (s->questions[kind].expander), yes);
  gtk_editable_set_text (GTK_EDITABLE (s->questions[kind].note), note ? note : "");
  return TRUE;
}

GtkWidget *
palp_screening_form_get_region_button (PalpFormWindow *form,
                                       PalpContraKind  kind)
{
  ScreeningForm *s = screening_of (form);

  g_return_val_if_fail (s != NULL && kind < PALP_CONTRA_KIND_COUNT, NULL);
  return s->questions[kind].region_button;
}

GtkWidget *
palp_screening_form_get_clearance_row (PalpFormWindow *form,
                                       PalpContraKind  kind)
{
  ScreeningForm *s = screening_of (form);

  g_return_val_if_fail (s != NULL && kind < PALP_CONTRA_KIND_COUNT, NULL);
  return s->questions[kind].clearance;
}

/* Diagnosis --------------------------------------------------------------- */

static const char *laterality_keys[] = { NULL, "right", "left", "bilateral", "unspecified" };

typedef struct
{
  PalpFormWindow *form;    /* unowned */
  PalpStore      *store;
  PalpCountry     country;
  gint64          client_id;
  GtkListBox     *results;
  GtkWidget      *results_group;
  PalpDiagnosis  *draft;
} DiagnosisForm;

static void
diagnosis_form_free (gpointer data)
{
  DiagnosisForm *d = data;

  g_clear_object (&d->store);
  g_clear_object (&d->draft);
  g_free (d);
}

static void
on_result_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        DiagnosisForm *d)
{
  PalpDiagnosis *code = g_object_get_data (G_OBJECT (row), "palp-code");
  const char *description = palp_diagnosis_get_string (code, "description");
  PalpLaterality side = palp_icd10_laterality_from_description (description);

  gtk_editable_set_text (GTK_EDITABLE (palp_health_form_get_row (d->form, "code")),
                         palp_diagnosis_get_string (code, "code"));
  gtk_editable_set_text (GTK_EDITABLE (palp_health_form_get_row (d->form, "description")),
                         description ? description : "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (palp_health_form_get_row (d->form, "laterality")),
                              side < G_N_ELEMENTS (laterality_keys) ? side : 0);
}

static void
on_search_changed_cb (GtkEditable   *search,
                      DiagnosisForm *d)
{
  g_autofree char *text = trimmed_text (GTK_WIDGET (search));
  g_autoptr(GListModel) codes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (d->results))))
    gtk_list_box_remove (d->results, child);
  if (text == NULL)
    {
      gtk_widget_set_visible (d->results_group, FALSE);
      return;
    }
  codes = palp_store_search_codes (d->store, text, 12, &error);
  n = codes ? g_list_model_get_n_items (codes) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpDiagnosis) code = g_list_model_get_item (codes, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *accessible = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     palp_diagnosis_get_string (code, "code"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   palp_diagnosis_get_string (code, "description"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      accessible = g_strdup_printf ("%s %s", palp_diagnosis_get_string (code, "code"),
                                    palp_diagnosis_get_string (code, "description"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_object_set_data_full (G_OBJECT (row), "palp-code", g_object_ref (code), g_object_unref);
      gtk_list_box_append (d->results, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? error->message
                                           : _("No code in the list matches: type the code "
                                               "and its description below."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (d->results, row);
    }
  gtk_widget_set_visible (d->results_group, TRUE);
}

static char *
diagnosis_check (gpointer    data,
                 GtkWidget **out_row)
{
  DiagnosisForm *d = data;
  GtkWidget *code_row = palp_health_form_get_row (d->form, "code");
  g_autofree char *typed = trimmed_text (code_row);
  g_autofree char *code = NULL, *description = NULL, *onset = NULL, *problem = NULL;
  g_autoptr(GError) error = NULL;
  guint side;

  if (typed == NULL)
    {
      *out_row = code_row;
      return g_strdup (_("Search for the diagnosis, or type its ICD-10-CM code."));
    }
  if (!(code = palp_icd10_normalize (typed, &error)))
    {
      *out_row = code_row;
      /* Translators: %s says what is wrong with the code's shape. */
      return g_strdup_printf (_("ICD-10-CM code: %s"), error->message);
    }
  description = trimmed_text (palp_health_form_get_row (d->form, "description"));
  if (description == NULL)
    {
      *out_row = palp_health_form_get_row (d->form, "description");
      return g_strdup (_("Describe the diagnosis."));
    }
  if (!read_date (palp_health_form_get_row (d->form, "onset"), d->country, NULL,
                  _("The onset is not a date."), &onset, &problem))
    {
      *out_row = palp_health_form_get_row (d->form, "onset");
      return g_steal_pointer (&problem);
    }
  side = adw_combo_row_get_selected (ADW_COMBO_ROW (palp_health_form_get_row (d->form,
                                                                               "laterality")));
  g_object_set (d->draft,
                "client-id", d->client_id,
                "code", code,
                "description", description,
                "onset-on", onset,
                "laterality", side < G_N_ELEMENTS (laterality_keys) ? laterality_keys[side] : NULL,
                "is-primary", (gint64) gtk_switch_get_active (
                  GTK_SWITCH (palp_health_form_get_row (d->form, "primary"))),
                NULL);
  return NULL;
}

static gboolean
diagnosis_save (gpointer   data,
                GError   **error)
{
  DiagnosisForm *d = data;

  g_object_set (d->draft, "id", (gint64) 0, NULL);
  return palp_store_save_diagnosis (d->store, d->draft, error);
}

PalpFormWindow *
palp_diagnosis_form_new (GtkWindow  *parent,
                         PalpStore  *store,
                         PalpClinic *clinic,
                         gint64      client_id)
{
  g_autoptr(GListModel) current = NULL;
  PalpFormWindow *form;
  AdwPreferencesGroup *group;
  DiagnosisForm *d;
  GtkWidget *search, *row, *credit;
  GtkStringList *sides;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  form = palp_form_window_new (parent, _("Add Diagnosis"),
                               _("This diagnosis has not been saved."));
  palp_form_window_set_save_label (form, _("_Add Diagnosis"));
  d = g_new0 (DiagnosisForm, 1);
  d->form = form;
  d->store = g_object_ref (store);
  d->country = country_of (clinic);
  d->client_id = client_id;
  d->draft = palp_diagnosis_new ();

  group = palp_form_window_add_group (form, _("Find the Code"),
                                      _("Type part of a code (M54) or words of its "
                                        "description (neck pain)."));
  search = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (search), _("Search ICD-10-CM codes"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (search),
                            gtk_image_new_from_icon_name ("system-search-symbolic"));
  g_signal_connect (search, "changed", G_CALLBACK (on_search_changed_cb), d);
  adw_preferences_group_add (group, search);
  register_row (form, "search", search);

  d->results_group = GTK_WIDGET (palp_form_window_add_group (form, _("Matching Codes"), NULL));
  d->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (d->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (d->results), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching codes"), -1);
  g_signal_connect (d->results, "row-activated", G_CALLBACK (on_result_activated_cb), d);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (d->results_group), GTK_WIDGET (d->results));
  /* CDC's descriptors are public domain; the credit is how they ask to be
   * cited. */
  credit = gtk_label_new (_("Codes and descriptions: ICD-10-CM. Source: CDC."));
  gtk_label_set_xalign (GTK_LABEL (credit), 0);
  gtk_widget_set_margin_top (credit, 6);
  gtk_widget_add_css_class (credit, "dim-label");
  gtk_widget_add_css_class (credit, "caption");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (d->results_group), credit);
  gtk_widget_set_visible (d->results_group, FALSE);
  register_row (form, "results", GTK_WIDGET (d->results));
  register_row (form, "credit", credit);

  group = palp_form_window_add_group (form, _("Diagnosis"), NULL);
  entry_row (form, group, "code", _("ICD-10-CM code"));
  entry_row (form, group, "description", _("Description"));
  date_row (form, group, "onset", _("Onset"), d->country, NULL);
  sides = gtk_string_list_new ((const char *[]) { _("No side"), _("Right"), _("Left"),
                                                  _("Bilateral"), _("Side unspecified"),
                                                  NULL });
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Side"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (sides));
  g_object_unref (sides);
  adw_preferences_group_add (group, row);
  palp_form_window_watch (form, row);
  register_row (form, "laterality", row);
  current = palp_store_list_diagnoses (store, client_id, FALSE, NULL);
  {
    gboolean has_primary = FALSE;

    for (guint i = 0; current && i < g_list_model_get_n_items (current); i++)
      {
        g_autoptr(PalpDiagnosis) other = g_list_model_get_item (current, i);

        has_primary = has_primary || palp_diagnosis_get_int (other, "is-primary");
      }
    switch_row (form, group, "primary", _("Primary diagnosis"),
                has_primary ? _("Replaces the current primary diagnosis")
                            : _("The main reason for treatment"),
                !has_primary);
  }

  palp_form_window_set_hint (form, _("Search for the diagnosis, or type its ICD-10-CM code "
                                     "and description."));
  palp_form_window_set_funcs (form, diagnosis_check, diagnosis_save, d, diagnosis_form_free);
  palp_form_window_recheck (form);
  gtk_widget_grab_focus (search);
  return form;
}

/* Referral ---------------------------------------------------------------- */

typedef struct
{
  PalpFormWindow *form;    /* unowned */
  PalpStore      *store;
  PalpCountry     country;
  gint64          client_id;
  GPtrArray      *diagnosis_checks;   /* GtkCheckButton, "diagnosis-id" data */
  GtkWidget      *regions_row;
  GtkWidget      *regions_button;
  char           *regions;            /* comma-separated region ids */
  PalpReferral   *draft;
} ReferralForm;

static void
referral_form_free (gpointer data)
{
  ReferralForm *r = data;

  g_clear_object (&r->store);
  g_clear_object (&r->draft);
  g_ptr_array_unref (r->diagnosis_checks);
  g_free (r->regions);
  g_free (r);
}

static void
show_regions (ReferralForm *r)
{
  g_autofree char *names = r->regions ? palp_region_names_for_ids (r->regions) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (r->regions_row),
                               names && *names ? names
                                               : _("None: the prescription names no region"));
  gtk_button_set_label (GTK_BUTTON (r->regions_button), r->regions ? _("Change…")
                                                                  : _("Choose…"));
}

static void
on_regions_chosen_cb (PalpRegionPicker *picker,
                      char            **ids,
                      ReferralForm     *r)
{
  g_free (r->regions);
  r->regions = ids && ids[0] ? g_strjoinv (",", ids) : NULL;
  show_regions (r);
  palp_form_window_changed (r->form);
}

static void
on_regions_clicked_cb (GtkButton    *button,
                       ReferralForm *r)
{
  g_auto(GStrv) selected = g_strsplit (r->regions ? r->regions : "", ",", -1);
  PalpRegionPicker *picker = palp_region_picker_new (GTK_WINDOW (r->form), TRUE,
                                                     (const char * const *) selected);

  g_signal_connect (picker, "chosen", G_CALLBACK (on_regions_chosen_cb), r);
  gtk_window_present (GTK_WINDOW (picker));
}

static char *
referral_check (gpointer    data,
                GtkWidget **out_row)
{
  ReferralForm *r = data;
  PalpFormWindow *form = r->form;
  g_autofree char *name = trimmed_text (palp_health_form_get_row (form, "prescriber-name"));
  g_autofree char *npi = trimmed_text (palp_health_form_get_row (form, "npi"));
  g_autofree char *from = NULL, *to = NULL, *problem = NULL;
  g_autofree char *profession = NULL, *frequency = NULL, *duration = NULL, *note = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    {
      *out_row = palp_health_form_get_row (form, "prescriber-name");
      return g_strdup (_("Name who wrote the referral or prescription."));
    }
  if (npi != NULL && !palp_npi_validate (npi, &error))
    {
      *out_row = palp_health_form_get_row (form, "npi");
      /* Translators: %s says what is wrong with the number. */
      return g_strdup_printf (_("NPI: %s"), error->message);
    }
  if (!read_date (palp_health_form_get_row (form, "referred-on"), r->country,
                  _("Give the date of the referral."),
                  _("The referral's date is not a date."), &from, &problem))
    {
      *out_row = palp_health_form_get_row (form, "referred-on");
      return g_steal_pointer (&problem);
    }
  if (!read_date (palp_health_form_get_row (form, "expires-on"), r->country, NULL,
                  _("The expiry is not a date."), &to, &problem))
    {
      *out_row = palp_health_form_get_row (form, "expires-on");
      return g_steal_pointer (&problem);
    }
  if (to != NULL && strcmp (to, from) < 0)
    {
      *out_row = palp_health_form_get_row (form, "expires-on");
      return g_strdup (_("The referral cannot expire before it was written."));
    }
  for (guint i = 0; i < r->diagnosis_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (r->diagnosis_checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "",
                                *(gint64 *) g_object_get_data (G_OBJECT (check), "diagnosis-id"));
    }
  profession = trimmed_text (palp_health_form_get_row (form, "profession"));
  frequency = trimmed_text (palp_health_form_get_row (form, "frequency"));
  duration = trimmed_text (palp_health_form_get_row (form, "duration"));
  note = trimmed_text (palp_health_form_get_row (form, "note"));
  g_object_set (r->draft,
                "client-id", r->client_id,
                "prescriber-name", name,
                "profession", profession,
                "npi", npi,
                "referred-on", from,
                "expires-on", to,
                "frequency", frequency,
                "duration", duration,
                "regions", r->regions,
                "note", note,
                "diagnosis-ids", ids->len ? ids->str : NULL,
                NULL);
  return NULL;
}

static gboolean
referral_save (gpointer   data,
               GError   **error)
{
  ReferralForm *r = data;

  g_object_set (r->draft, "id", (gint64) 0, NULL);
  return palp_store_save_referral (r->store, r->draft, error);
}

PalpFormWindow *
palp_referral_form_new (GtkWindow  *parent,
                        PalpStore  *store,
                        PalpClinic *clinic,
                        gint64      client_id)
{
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(GListModel) diagnoses = NULL;
  PalpFormWindow *form;
  AdwPreferencesGroup *group;
  ReferralForm *r;
  GtkWidget *row;
  guint n;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  form = palp_form_window_new (parent, _("Add Referral or Prescription"),
                               _("This referral has not been saved."));
  palp_form_window_set_save_label (form, _("_Add Referral"));
  r = g_new0 (ReferralForm, 1);
  r->form = form;
  r->store = g_object_ref (store);
  r->country = country_of (clinic);
  r->client_id = client_id;
  r->diagnosis_checks = g_ptr_array_new ();
  r->draft = palp_referral_new ();

  group = palp_form_window_add_group (form, _("Prescriber"), NULL);
  entry_row (form, group, "prescriber-name", _("Name"));
  entry_row (form, group, "profession", _("Profession (physician, dentist, …)"));
  row = entry_row (form, group, "npi", _("NPI (10 digits)"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("National Provider Identifier"), -1);

  group = palp_form_window_add_group (form, _("Prescription"), NULL);
  date_row (form, group, "referred-on", _("Referred on"), r->country, today);
  date_row (form, group, "expires-on", _("Expires on"), r->country, NULL);
  entry_row (form, group, "frequency", _("Frequency (e.g. twice a week)"));
  entry_row (form, group, "duration", _("Duration (e.g. 6 weeks, 12 sessions)"));

  group = palp_form_window_add_group (form, _("Diagnoses"),
                                      _("The client's diagnoses the referral names."));
  diagnoses = palp_store_list_diagnoses (store, client_id, FALSE, NULL);
  n = diagnoses ? g_list_model_get_n_items (diagnoses) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpDiagnosis) diagnosis = g_list_model_get_item (diagnoses, i);
      g_autofree char *title = g_strdup_printf ("%s %s",
                                                palp_diagnosis_get_string (diagnosis, "code"),
                                                palp_diagnosis_get_string (diagnosis,
                                                                           "description"));
      GtkWidget *check = gtk_check_button_new ();
      gint64 *id = g_new (gint64, 1);

      *id = palp_diagnosis_get_int (diagnosis, "id");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_object_set_data_full (G_OBJECT (check), "diagnosis-id", id, g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      palp_form_window_watch (form, check);
      g_ptr_array_add (r->diagnosis_checks, check);
    }
  if (n == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No diagnoses recorded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the client's diagnoses on the Health tab to name "
                                     "them here."));
      adw_preferences_group_add (group, row);
    }

  group = palp_form_window_add_group (form, _("Body Regions Prescribed"),
                                      _("Treating outside them is flagged when a note is "
                                        "signed."));
  r->regions_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->regions_row), _("Regions"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r->regions_row), 0);
  r->regions_button = gtk_button_new_with_label (_("Choose…"));
  gtk_widget_set_valign (r->regions_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->regions_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the body regions prescribed"), -1);
  g_signal_connect (r->regions_button, "clicked", G_CALLBACK (on_regions_clicked_cb), r);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r->regions_row), r->regions_button);
  adw_preferences_group_add (group, r->regions_row);
  register_row (form, "regions", r->regions_button);
  show_regions (r);

  group = palp_form_window_add_group (form, NULL, NULL);
  entry_row (form, group, "note", _("Note"));

  palp_form_window_set_hint (form, _("Enter the prescriber and the date of the referral."));
  palp_form_window_set_funcs (form, referral_check, referral_save, r, referral_form_free);
  palp_form_window_recheck (form);
  gtk_widget_grab_focus (palp_health_form_get_row (form, "prescriber-name"));
  return form;
}

