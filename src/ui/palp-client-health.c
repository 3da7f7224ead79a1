/* palp-client-health.c: a client's health tab
 *
 * Read straight from the store each time something is saved: the record
 * is small, and reading it again is what keeps the tab, the header's
 * flags and the signing checks in agreement.
 *
 * The screening is due when it was never done, when it is older than the
 * clinic's period, or when the client reported a change since. A change
 * is reported by recording a new health history version through "Client
 * Reports a Change" (the form asks what changed; the answers keep it as
 * "reported_change"): such a version recorded after the latest screening
 * makes that screening out of date, so the questions are asked again. A
 * routine update of the history does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "palp-client-health.h"
#include "palp-date.h"
#include "palp-health-forms.h"
#include "palp-region-picker.h"
#include "palp-ui-util.h"

struct _PalpClientHealth
{
  GtkWidget    parent_instance;

  PalpStore   *store;
  PalpClinic  *clinic;
  PalpUser    *user;
  PalpClient  *client;

  GtkStack    *stack;
  GtkBox      *content_box;

  gboolean     screening_due;
  char        *due_reason;
};

G_DEFINE_FINAL_TYPE (PalpClientHealth, palp_client_health, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (PalpClientHealth *self);

static PalpCountry
country (PalpClientHealth *self)
{
  return self->clinic ? palp_clinic_get_country_enum (self->clinic) : PALP_COUNTRY_US;
}

static char *
short_date (PalpClientHealth *self,
            const char       *iso)
{
  g_autofree char *day = iso ? g_strndup (iso, 10) : NULL;
  char *shown = day ? palp_date_format_short (day, country (self)) : NULL;

  return shown ? shown : g_strdup (iso ? iso : "");
}

static char *
user_name (PalpClientHealth *self,
           gint64            id)
{
  char *name = id ? palp_ui_user_name (self->store, NULL, id) : NULL;

  return name ? name : g_strdup (_("unknown user"));
}

static gint64
client_id (PalpClientHealth *self)
{
  return self->client ? palp_client_get_id (self->client) : 0;
}

static void
on_saved_cb (PalpClientHealth *self)
{
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWindow *
show_form (PalpClientHealth *self,
           PalpFormWindow   *form)
{
  g_signal_connect_object (form, "saved", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

/* Rows ---------------------------------------------------------------------- */

static GtkWidget *
info_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  adw_preferences_group_add (group, row);
  return row;
}

static void
property_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = info_row (group, title, value);
  gtk_widget_add_css_class (row, "property");
}

/* An icon that says its meaning in words too, for those who cannot see
 * the colour or the shape. */
static GtkWidget *
status_icon (const char *icon_name,
             const char *style,
             const char *words)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  if (style != NULL)
    gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                  -1);
  return icon;
}

static GtkWidget *
header_button (const char *label,
               const char *accessible,
               gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, suggested ? "suggested-action" : "flat");
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  return button;
}

static AdwPreferencesGroup *
new_group (PalpClientHealth *self,
           const char       *title,
           const char       *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* Screening --------------------------------------------------------------- */

static void
on_screen_now_cb (PalpClientHealth *self)
{
  palp_client_health_screen_now (self);
}

static void
on_report_change_cb (PalpClientHealth *self)
{
  palp_client_health_record_history (self, TRUE);
}

static gboolean
reports_change (PalpHealthHistory *history)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *answers = palp_health_history_get_string (history, "answers");
  JsonNode *root;

  if (answers == NULL || !json_parser_load_from_data (parser, answers, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) &&
         json_object_has_member (json_node_get_object (root), "reported_change") &&
         !json_object_get_null_member (json_node_get_object (root), "reported_change");
}

static void
add_screening (PalpClientHealth           *self,
               const PalpClinicalSettings *settings,
               PalpScreeningRecord        *screening,
               PalpHealthHistory          *history)
{
  AdwPreferencesGroup *group;
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(GError) error = NULL;
  const char *screened_on = screening ? palp_screening_record_get_string (screening, "taken-on")
                                      : NULL;
  gboolean change_reported = FALSE;
  GtkWidget *suffix, *button, *row;

  /* A change reported (a version with "reported_change") at or after the
   * screening makes it out of date. The stamps are the store's local
   * "YYYY-MM-DD HH:MM:SS", so they compare as text; within the same
   * second the change is taken to come last, to ask once too often
   * rather than once too few. */
  if (screening != NULL && history != NULL && reports_change (history))
    change_reported = g_strcmp0 (palp_health_history_get_string (history, "recorded-at"),
                                 palp_screening_record_get_string (screening, "taken-at")) >= 0;

  g_clear_pointer (&self->due_reason, g_free);
  self->screening_due = !palp_screening_is_current (screened_on, change_reported, today,
                                                    settings->screening.max_age_days, &error);
  if (self->screening_due)
    self->due_reason = g_strdup (error ? error->message : "");

  group = new_group (self, _("Screening"),
                     _("Contraindications are asked again before a visit when the screening "
                       "is old or the client reports a change."));
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = header_button (_("Client Reports a _Change"), _("Client reports a change"), FALSE);
  gtk_widget_set_tooltip_text (button, _("Record what changed as a new health history "
                                         "version; the screening is then due again"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_report_change_cb), self);
  gtk_box_append (GTK_BOX (suffix), button);
  button = header_button (_("_Screen Now"), _("Screen now"), self->screening_due);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_screen_now_cb), self);
  gtk_box_append (GTK_BOX (suffix), button);
  adw_preferences_group_set_header_suffix (group, suffix);

  if (self->screening_due)
    {
      g_autofree char *subtitle = NULL;

      if (screening != NULL)
        {
          g_autofree char *day = short_date (self, screened_on);
          g_autofree char *who = user_name (self, palp_screening_record_get_int (screening,
                                                                                  "taken-by"));

          /* Translators: why the screening is due, then when and by whom
           * the last one was done. */
          subtitle = g_strdup_printf (_("%s\nLast screened %s by %s."), self->due_reason, day,
                                      who);
        }
      row = info_row (group, _("Screening due"), subtitle ? subtitle : self->due_reason);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 status_icon ("dialog-warning-symbolic", "warning",
                                              _("Screening due")));
      gtk_widget_add_css_class (row, "palp-due");
    }
  else
    {
      g_autofree char *day = short_date (self, screened_on);
      g_autofree char *who = user_name (self, palp_screening_record_get_int (screening,
                                                                              "taken-by"));
      g_autofree char *subtitle = NULL;
      g_autofree char *until = NULL;
      GDate date;
      guint days = settings->screening.max_age_days ? settings->screening.max_age_days
                                                     : PALP_SCREENING_DEFAULT_MAX_AGE_DAYS;

      if (palp_date_parse_iso (screened_on, &date))
        {
          g_autofree char *iso = NULL;

          g_date_add_days (&date, days);
          iso = palp_date_to_iso (&date);
          until = short_date (self, iso);
        }
      /* Translators: when and by whom the screening was done, and the
       * last day it stays current. */
      subtitle = g_strdup_printf (_("Screened %s by %s · current until %s"), day, who,
                                  until ? until : "");
      row = info_row (group, _("Screening current"), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 status_icon ("emblem-ok-symbolic", "success",
                                              _("Screening current")));
    }
}

static void
add_contraindications (PalpClientHealth    *self,
                       PalpScreeningRecord *screening)
{
  g_autoptr(GListModel) findings = NULL;
  AdwPreferencesGroup *group;
  guint n;

  findings = palp_store_list_active_contraindications (self->store, client_id (self), NULL);
  n = findings ? g_list_model_get_n_items (findings) : 0;
  group = new_group (self, _("Contraindications"),
                     _("The findings of the latest screening that still stand."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpFindingRecord) finding = g_list_model_get_item (findings, i);
      const char *key = palp_finding_record_get_string (finding, "kind");
      const char *severity = palp_finding_record_get_string (finding, "severity");
      const char *note = palp_finding_record_get_string (finding, "note");
      g_autoptr(GString) subtitle = g_string_new (NULL);
      PalpContraKind kind;
      const char *title;
      const char *icon, *style, *words;
      GtkWidget *row;

      title = palp_contra_kind_from_key (key, &kind) ? palp_contra_kind_get_label (kind) : key;
      if (g_strcmp0 (severity, "absolute") == 0)
        {
          icon = "action-unavailable-symbolic", style = "error";
          words = _("Absolute: no treatment today");
          g_string_append (subtitle, words);
        }
      else if (g_strcmp0 (severity, "local") == 0)
        {
          g_autofree char *names =
            palp_region_names_for_ids (palp_finding_record_get_string (finding, "region-id"));

          icon = "find-location-symbolic", style = "warning";
          words = _("Local: avoid the region");
          /* Translators: %s names the body regions to avoid. */
          g_string_append_printf (subtitle, _("Local: avoid %s"), names);
        }
      else
        {
          icon = "dialog-warning-symbolic", style = "warning";
          words = _("Needs a physician's clearance");
          g_string_append (subtitle, _("Needs a physician's clearance: none on file yet"));
        }
      if (note != NULL)
        g_string_append_printf (subtitle, "\n%s", note);
      row = info_row (group, title, subtitle->str);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), status_icon (icon, style, words));
    }
  if (n == 0)
    info_row (group, screening ? _("None stand") : _("Not screened yet"),
              screening ? _("The latest screening found nothing that limits treatment, or "
                            "every clearance it needed is on file.")
                        : _("Screen the client before the first visit."));
}

/* Health history ------------------------------------------------------------ */

static void
on_record_history_cb (PalpClientHealth *self)
{
  palp_client_health_record_history (self, FALSE);
}

static void
on_open_version_cb (GtkButton        *button,
                    PalpClientHealth *self)
{
  PalpHealthHistory *history = g_object_get_data (G_OBJECT (button), "palp-history");
  PalpFormWindow *form = palp_health_history_form_view (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                                        self->clinic, history);

  gtk_window_present (GTK_WINDOW (form));
}

static GtkWidget *
open_button (PalpClientHealth  *self,
             PalpHealthHistory *history,
             const char        *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (_("Open"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "palp-history", g_object_ref (history),
                          g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_version_cb), self);
  return button;
}

static const char *
answer (JsonObject *object,
        const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

static gboolean
answer_yes (JsonObject *object,
            const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
           && json_node_get_boolean (node);
}

static char *
version_line (PalpClientHealth  *self,
              PalpHealthHistory *history)
{
  g_autofree char *who = user_name (self, palp_health_history_get_int (history, "recorded-by"));
  const char *at = palp_health_history_get_string (history, "recorded-at");
  g_autofree char *day = short_date (self, at);
  g_autofree char *time = at && strlen (at) >= 16 ? g_strndup (at + 11, 5) : NULL;

  /* Translators: who recorded a health history version, the day and the
   * time. */
  return g_strdup_printf (_("Recorded by %s on %s at %s"), who, day, time ? time : "");
}

static void
add_history (PalpClientHealth *self)
{
  g_autoptr(GListModel) versions = palp_store_list_health_histories (self->store,
                                                                     client_id (self), NULL);
  guint n = versions ? g_list_model_get_n_items (versions) : 0;
  g_autoptr(PalpHealthHistory) latest = n ? g_list_model_get_item (versions, 0) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answers = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *button, *row;

  group = new_group (self, _("Health History"),
                     _("Each update is kept as a dated version; none is ever overwritten."));
  button = header_button (n ? _("_Update") : _("_Record"),
                          n ? _("Record a new health history version")
                            : _("Record the health history"), FALSE);
  gtk_widget_set_tooltip_text (button, _("Record a new health history version"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_record_history_cb), self);
  adw_preferences_group_set_header_suffix (group, button);

  if (latest == NULL)
    {
      info_row (group, _("No health history yet"),
                _("Record the client's conditions, medications, surgeries, allergies, "
                  "pregnancy, cancer treatment and devices."));
      return;
    }

  if (json_parser_load_from_data (parser, palp_health_history_get_string (latest, "answers"), -1,
                                  NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    answers = json_node_get_object (json_parser_get_root (parser));

  {
    g_autofree char *day = short_date (self, palp_health_history_get_string (latest, "taken-on"));
    g_autofree char *title = g_strdup_printf (_("Taken %s"), day);
    g_autofree char *line = version_line (self, latest);

    row = info_row (group, title, line);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("x-office-document-symbolic"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               open_button (self, latest, _("Open the latest health history")));
  }
  property_row (group, _("Reported change"), answer (answers, "reported_change"));
  property_row (group, _("Allergies"), palp_health_history_get_string (latest, "allergies"));
  property_row (group, _("Conditions"), answer (answers, "conditions"));
  property_row (group, _("Medications"), answer (answers, "medications"));
  if (palp_health_history_get_int (latest, "has-blood-thinners"))
    property_row (group, _("Blood thinners"), _("Yes"));
  if (answers != NULL && json_object_has_member (answers, "surgeries") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (answers, "surgeries")))
    {
      JsonArray *list = json_object_get_array_member (answers, "surgeries");
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *node = json_array_get_element (list, i);
          JsonObject *surgery = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          g_autofree char *day = answer (surgery, "date") ? short_date (self, answer (surgery,
                                                                                    "date"))
                                                          : NULL;

          if (answer (surgery, "what") == NULL)
            continue;
          g_string_append_printf (text, "%s%s%s%s", text->len ? "\n" : "",
                                  answer (surgery, "what"), day ? " · " : "", day ? day : "");
        }
      property_row (group, _("Surgeries"), text->str);
    }
  if (palp_health_history_get_int (latest, "pregnant"))
    property_row (group, _("Pregnant"), answer (answers, "pregnancy_note")
                                          ? answer (answers, "pregnancy_note") : _("Yes"));
  {
    g_autoptr(GString) cancer = g_string_new (NULL);

    if (answer_yes (answers, "cancer_treatment"))
      g_string_append (cancer, _("Cancer treatment"));
    if (palp_health_history_get_int (latest, "head-neck-radiation"))
      g_string_append_printf (cancer, "%s%s", cancer->len ? " · " : "",
                              _("Radiation to the head and neck"));
    if (answer (answers, "cancer_note") != NULL)
      g_string_append_printf (cancer, "%s%s", cancer->len ? "\n" : "",
                              answer (answers, "cancer_note"));
    property_row (group, _("Cancer"), cancer->str);
  }
  property_row (group, _("Devices"), answer (answers, "devices"));

  if (n > 1)
    {
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u earlier version, read only",
                                                             "%u earlier versions, read only",
                                                             n - 1), n - 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Earlier Versions"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      for (guint i = 1; i < n; i++)
        {
          g_autoptr(PalpHealthHistory) version = g_list_model_get_item (versions, i);
          g_autofree char *day = short_date (self, palp_health_history_get_string (version,
                                                                                   "taken-on"));
          g_autofree char *title = g_strdup_printf (_("Taken %s"), day);
          g_autofree char *line = version_line (self, version);
          g_autofree char *accessible = g_strdup_printf (_("Open the health history taken %s"),
                                                         day);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button (self, version,
                                                                        accessible));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (group, expander);
    }
}

/* Diagnoses ----------------------------------------------------------------- */

static void
on_add_diagnosis_cb (PalpClientHealth *self)
{
  palp_client_health_add_diagnosis (self);
}

static void
on_archive_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PalpClientHealth *self)
{
  PalpDiagnosis *diagnosis = g_object_get_data (G_OBJECT (dialog), "palp-diagnosis");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") != 0)
    return;
  g_object_set (diagnosis, "archived", (gint64) 1, "is-primary", (gint64) 0, NULL);
  if (!palp_store_save_diagnosis (self->store, diagnosis, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)),
                                                 _("The Diagnosis Was Not Archived"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  on_saved_cb (self);
}

static void
on_archive_clicked_cb (GtkButton        *button,
                       PalpClientHealth *self)
{
  PalpDiagnosis *diagnosis = g_object_get_data (G_OBJECT (button), "palp-diagnosis");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the first %s is an ICD-10 code, the second its
   * description. */
  body = g_strdup_printf (_("%s %s stays in the record, but is no longer one of the client's "
                            "current diagnoses."),
                          palp_diagnosis_get_string (diagnosis, "code"),
                          palp_diagnosis_get_string (diagnosis, "description"));
  dialog = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), _("Archive Diagnosis?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive Diagnosis"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "palp-diagnosis", g_object_ref (diagnosis),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
laterality_words (const char *key)
{
  if (g_strcmp0 (key, "right") == 0)
    return _("Right");
  if (g_strcmp0 (key, "left") == 0)
    return _("Left");
  if (g_strcmp0 (key, "bilateral") == 0)
    return _("Bilateral");
  if (g_strcmp0 (key, "unspecified") == 0)
    return _("Side unspecified");
  return NULL;
}

static void
add_diagnoses (PalpClientHealth *self)
{
  g_autoptr(GListModel) diagnoses = palp_store_list_diagnoses (self->store, client_id (self),
                                                               TRUE, NULL);
  guint n = diagnoses ? g_list_model_get_n_items (diagnoses) : 0;
  AdwPreferencesGroup *group;
  GtkWidget *button, *archived = NULL;
  guint n_archived = 0;

  group = new_group (self, _("Diagnoses"), _("ICD-10-CM, the primary one first."));
  button = header_button (_("_Add Diagnosis"), NULL, FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_diagnosis_cb), self);
  adw_preferences_group_set_header_suffix (group, button);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpDiagnosis) diagnosis = g_list_model_get_item (diagnoses, i);
      gboolean is_archived = palp_diagnosis_get_int (diagnosis, "archived") != 0;
      g_autofree char *title = g_strdup_printf ("%s  %s",
                                                palp_diagnosis_get_string (diagnosis, "code"),
                                                palp_diagnosis_get_string (diagnosis,
                                                                           "description"));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *onset = palp_diagnosis_get_string (diagnosis, "onset-on");
      const char *side = laterality_words (palp_diagnosis_get_string (diagnosis, "laterality"));
      GtkWidget *row;

      g_string_append (subtitle, palp_diagnosis_get_int (diagnosis, "is-primary")
                                   ? _("Primary") : _("Secondary"));
      if (onset != NULL)
        {
          g_autofree char *day = short_date (self, onset);

          /* Translators: %s is the date a condition began. */
          g_string_append_printf (subtitle, " · ");
          g_string_append_printf (subtitle, _("onset %s"), day);
        }
      if (side != NULL)
        g_string_append_printf (subtitle, " · %s", side);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (!is_archived)
        {
          g_autofree char *accessible = g_strdup_printf (_("Archive diagnosis %s"),
                                                         palp_diagnosis_get_string (diagnosis,
                                                                                    "code"));
          GtkWidget *archive = gtk_button_new_with_label (_("Archive"));

          gtk_widget_set_valign (archive, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (archive, "flat");
          gtk_accessible_update_property (GTK_ACCESSIBLE (archive),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          g_object_set_data_full (G_OBJECT (archive), "palp-diagnosis",
                                  g_object_ref (diagnosis), g_object_unref);
          g_signal_connect (archive, "clicked", G_CALLBACK (on_archive_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), archive);
          if (palp_diagnosis_get_int (diagnosis, "is-primary"))
            adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                       status_icon ("starred-symbolic", NULL, _("Primary")));
          adw_preferences_group_add (group, row);
        }
      else
        {
          if (archived == NULL)
            {
              archived = adw_expander_row_new ();
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (archived), _("Archived"));
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (archived), row);
          n_archived++;
        }
    }
  if (n == n_archived)
    info_row (group, _("No current diagnoses"),
              _("Add the diagnoses the client is treated for: they go on plans, referrals, "
                "statements and claims."));
  if (archived != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u diagnosis, kept in the record",
                                                             "%u diagnoses, kept in the record",
                                                             n_archived), n_archived);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (archived), subtitle);
      adw_preferences_group_add (group, archived);
    }
}

/* Referrals ----------------------------------------------------------------- */

static void
on_add_referral_cb (PalpClientHealth *self)
{
  palp_client_health_add_referral (self);
}

static void
add_referrals (PalpClientHealth *self)
{
  g_autoptr(GListModel) referrals = palp_store_list_referrals (self->store, client_id (self),
                                                               NULL);
  g_autoptr(GListModel) diagnoses = palp_store_list_diagnoses (self->store, client_id (self),
                                                               TRUE, NULL);
  guint n = referrals ? g_list_model_get_n_items (referrals) : 0;
  g_autofree char *today = palp_date_today_iso ();
  g_autofree char *soon = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *button;
  GDate date;

  if (palp_date_parse_iso (today, &date))
    {
      g_date_add_days (&date, 30);
      soon = palp_date_to_iso (&date);
    }

  group = new_group (self, _("Referrals and Prescriptions"), _("Newest first."));
  button = header_button (_("Add _Referral"), _("Add a referral or prescription"), FALSE);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add_referral_cb), self);
  adw_preferences_group_set_header_suffix (group, button);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReferral) referral = g_list_model_get_item (referrals, i);
      const char *profession = palp_referral_get_string (referral, "profession");
      const char *expires = palp_referral_get_string (referral, "expires-on");
      const char *npi = palp_referral_get_string (referral, "npi");
      const char *frequency = palp_referral_get_string (referral, "frequency");
      const char *duration = palp_referral_get_string (referral, "duration");
      const char *regions = palp_referral_get_string (referral, "regions");
      const char *ids = palp_referral_get_string (referral, "diagnosis-ids");
      g_autofree char *title = NULL, *referred = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      title = profession ? g_strdup_printf ("%s, %s",
                                            palp_referral_get_string (referral,
                                                                      "prescriber-name"),
                                            profession)
                         : g_strdup (palp_referral_get_string (referral, "prescriber-name"));
      referred = short_date (self, palp_referral_get_string (referral, "referred-on"));
      /* Translators: %s is the date of a referral. */
      g_string_append_printf (subtitle, _("Referred %s"), referred);
      if (expires != NULL)
        {
          g_autofree char *until = short_date (self, expires);

          g_string_append (subtitle, " · ");
          /* Translators: %s is the date a referral expires. */
          g_string_append_printf (subtitle, _("expires %s"), until);
        }
      if (npi != NULL)
        g_string_append_printf (subtitle, " · NPI %s", npi);
      if (frequency != NULL || duration != NULL)
        g_string_append_printf (subtitle, "\n%s%s%s", frequency ? frequency : "",
                                frequency && duration ? " · " : "", duration ? duration : "");
      if (ids != NULL && diagnoses != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
          g_autoptr(GString) codes = g_string_new (NULL);

          for (guint j = 0; j < g_list_model_get_n_items (diagnoses); j++)
            {
              g_autoptr(PalpDiagnosis) diagnosis = g_list_model_get_item (diagnoses, j);
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     palp_diagnosis_get_int (diagnosis, "id"));

              if (g_strv_contains ((const char * const *) parts, id))
                g_string_append_printf (codes, "%s%s", codes->len ? ", " : "",
                                        palp_diagnosis_get_string (diagnosis, "code"));
            }
          if (codes->len)
            {
              g_string_append (subtitle, "\n");
              /* Translators: %s lists ICD-10 codes. */
              g_string_append_printf (subtitle, _("For %s"), codes->str);
            }
        }
      if (regions != NULL)
        {
          g_autofree char *names = palp_region_names_for_ids (regions);

          g_string_append (subtitle, "\n");
          /* Translators: %s lists body regions. */
          g_string_append_printf (subtitle, _("Regions: %s"), names);
        }

      row = info_row (group, title, subtitle->str);
      if (expires != NULL && strcmp (expires, today) < 0)
        {
          GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

          gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (mark, "error");
          gtk_box_append (GTK_BOX (mark), gtk_image_new_from_icon_name ("dialog-error-symbolic"));
          gtk_box_append (GTK_BOX (mark), gtk_label_new (_("Expired")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
          gtk_widget_add_css_class (row, "palp-expired");
        }
      else if (expires != NULL && soon != NULL && strcmp (expires, soon) <= 0)
        {
          GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

          gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (mark, "warning");
          gtk_box_append (GTK_BOX (mark),
                          gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
          gtk_box_append (GTK_BOX (mark), gtk_label_new (_("Expires soon")));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
    }
  if (n == 0)
    info_row (group, _("No referrals"),
              _("A physician's referral or prescription, with what it prescribes, goes here."));
}

/* The tab ------------------------------------------------------------------- */

static void
rebuild (PalpClientHealth *self)
{
  PalpClinicalSettings settings;
  g_autoptr(GListModel) screenings = NULL;
  g_autoptr(PalpScreeningRecord) screening = NULL;
  g_autoptr(PalpHealthHistory) history = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))))
    gtk_box_remove (self->content_box, child);
  self->screening_due = FALSE;
  g_clear_pointer (&self->due_reason, g_free);

  if (self->client == NULL || self->store == NULL)
    return;
  if (self->user != NULL &&
      !palp_ui_user_may (self->user, PALP_ACTION_VIEW_CLINICAL, 0, NULL))
    {
      gtk_stack_set_visible_child_name (self->stack, "restricted");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "record");

  palp_clinical_settings_init_default (&settings);
  palp_store_load_clinical_settings (self->store, &settings, NULL);
  screenings = palp_store_list_screenings (self->store, client_id (self), NULL);
  if (screenings != NULL && g_list_model_get_n_items (screenings) > 0)
    screening = g_list_model_get_item (screenings, 0);
  history = palp_store_latest_health_history (self->store, client_id (self), NULL);

  add_screening (self, &settings, screening, history);
  add_contraindications (self, screening);
  add_history (self);
  add_diagnoses (self);
  add_referrals (self);
}

void
palp_client_health_reload (PalpClientHealth *self)
{
  g_return_if_fail (PALP_IS_CLIENT_HEALTH (self));
  rebuild (self);
}

GtkWindow *
palp_client_health_record_history (PalpClientHealth *self,
                                   gboolean          change_reported)
{
  g_autoptr(PalpHealthHistory) latest = NULL;

  g_return_val_if_fail (PALP_IS_CLIENT_HEALTH (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  latest = palp_store_latest_health_history (self->store, client_id (self), NULL);
  return show_form (self, palp_health_history_form_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                                        self->clinic, client_id (self), latest,
                                                        change_reported));
}

GtkWindow *
palp_client_health_screen_now (PalpClientHealth *self)
{
  PalpClinicalSettings settings;

  g_return_val_if_fail (PALP_IS_CLIENT_HEALTH (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  palp_clinical_settings_init_default (&settings);
  palp_store_load_clinical_settings (self->store, &settings, NULL);
  return show_form (self, palp_screening_form_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                                   self->clinic, client_id (self),
                                                   &settings.screening));
}

GtkWindow *
palp_client_health_add_diagnosis (PalpClientHealth *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_HEALTH (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  return show_form (self, palp_diagnosis_form_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                                   self->clinic, client_id (self)));
}

GtkWindow *
palp_client_health_add_referral (PalpClientHealth *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_HEALTH (self), NULL);
  g_return_val_if_fail (self->client != NULL, NULL);

  return show_form (self, palp_referral_form_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                                  self->clinic, client_id (self)));
}

gboolean
palp_client_health_get_screening_due (PalpClientHealth  *self,
                                      const char       **out_reason)
{
  g_return_val_if_fail (PALP_IS_CLIENT_HEALTH (self), FALSE);

  if (out_reason != NULL)
    *out_reason = self->due_reason;
  return self->screening_due;
}

void
palp_client_health_set_store (PalpClientHealth *self,
                              PalpStore        *store)
{
  g_return_if_fail (PALP_IS_CLIENT_HEALTH (self));
  g_set_object (&self->store, store);
}

void
palp_client_health_set_clinic (PalpClientHealth *self,
                               PalpClinic       *clinic)
{
  g_return_if_fail (PALP_IS_CLIENT_HEALTH (self));
  g_set_object (&self->clinic, clinic);
}

void
palp_client_health_set_user (PalpClientHealth *self,
                             PalpUser         *user)
{
  g_return_if_fail (PALP_IS_CLIENT_HEALTH (self));
  if (g_set_object (&self->user, user))
    rebuild (self);
}

void
palp_client_health_set_client (PalpClientHealth *self,
                               PalpClient       *client)
{
  g_return_if_fail (PALP_IS_CLIENT_HEALTH (self));
  g_set_object (&self->client, client);
  rebuild (self);
}

static void
palp_client_health_dispose (GObject *object)
{
  PalpClientHealth *self = (PalpClientHealth *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_CLIENT_HEALTH);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->client);
  g_clear_pointer (&self->due_reason, g_free);

  G_OBJECT_CLASS (palp_client_health_parent_class)->dispose (object);
}

static void
palp_client_health_class_init (PalpClientHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_client_health_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-client-health.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpClientHealth, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpClientHealth, content_box);
}

static void
palp_client_health_init (PalpClientHealth *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
