/* palp-client-plan.c: a client's plan of care, goals, progress and consents
 *
 * The active plan first, with a warning when treatment has plateaued
 * (palp_plateau_check over the clinic's window), then each goal with its
 * progress plot (the same painter as the progress report), the consents,
 * and the plans discharged before, read-only. Visits are numbered within
 * a plan from its start: visit 1 is the first on or after the start date,
 * where the goals' baselines are taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "palp-client-plan.h"
#include "palp-date.h"
#include "palp-measure.h"
#include "palp-progress.h"
#include "palp-progress-plot.h"
#include "palp-signature-pad.h"
#include "palp-ui-util.h"

struct _PalpClientPlan
{
  GtkWidget        parent_instance;

  PalpStore       *store;
  PalpClient      *client;
  PalpPlan        *active;     /* the active plan, or NULL */

  AdwToastOverlay *overlay;
  GtkBox          *box;
  gboolean         plateau;
};

G_DEFINE_FINAL_TYPE (PalpClientPlan, palp_client_plan, GTK_TYPE_WIDGET)

static void rebuild (PalpClientPlan *self);

static void
toast (PalpClientPlan *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->overlay, adw_toast_new (text));
}

/* ---------------------------------------------------------------------- */
/* Words                                                                  */

static const struct
{
  const char *key;
  const char *label;
} discharge_kinds[] = {
  { "goals-met", N_("Goals met") },
  { "maximum-improvement", N_("Maximum medical improvement") },
  { "client-choice", N_("Client’s choice") },
  { "referred-out", N_("Referred out") },
  { "other", N_("Other reason") },
};

static const struct
{
  const char *key;
  const char *label;
  const char *explained;
} consent_kinds[] = {
  { "privacy", N_("Privacy"),
    N_("How the clinical record is kept: on this clinic's computer, in a database only "
       "clinic staff can open. It is shared only with the client's written permission, with "
       "a referring provider or insurer the client names, or where the law requires it. The "
       "client may see and receive a copy of their record.") },
  { "plan", N_("Treatment Plan"),
    N_("The treatment plan was explained: the condition treated, the goals and how progress "
       "is measured, the techniques, how often and how long the sessions are, the expected "
       "benefits, the possible risks such as soreness or bruising, and the alternatives. The "
       "client may ask questions, change or refuse any part of treatment, and withdraw "
       "consent at any time.") },
  { "intra-oral", N_("Intra-Oral Work"),
    N_("Intra-oral massage was explained: gloved fingers inside the mouth on the jaw and "
       "cheek muscles, after an assessment of the teeth, gums and mouth. The client can stop "
       "the work at any moment with an agreed signal. Possible effects are temporary "
       "soreness and, rarely, irritation of the gums.") },
  { "guardian", N_("Guardian’s Consent"),
    N_("The client is a minor. Their parent or legal guardian was told about the assessment, "
       "the treatment plan and its risks, and consents to treatment on the client's behalf. "
       "A guardian may be present during every session.") },
};

static const char *
consent_kind_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (consent_kinds); i++)
    if (g_strcmp0 (key, consent_kinds[i].key) == 0)
      return _(consent_kinds[i].label);
  return key;
}

static const char *
discharge_kind_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (discharge_kinds); i++)
    if (g_strcmp0 (key, discharge_kinds[i].key) == 0)
      return _(discharge_kinds[i].label);
  return NULL;
}

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = fabs (value - round (value)) < 0.005
                            ? g_strdup_printf ("%.0f", value) : g_strdup_printf ("%.1f", value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (unit[0] == '/' || g_str_equal (unit, "°"))
    return g_strconcat (number, unit, NULL);
  return g_strconcat (number, " ", unit, NULL);
}

static gboolean
is_minor (PalpClient *client)
{
  g_autofree char *today = palp_date_today_iso ();
  int age = palp_client_get_age (client, today);

  return age >= 0 && age < 18;
}

/* ---------------------------------------------------------------------- */
/* Forms                                                                  */

typedef struct
{
  PalpClientPlan *self;
  GtkWidget      *window;
  GtkWidget      *error_label;
  GHashTable     *rows;      /* name -> widget */
  PalpPlan       *plan;      /* the plan edited, or the plan of a goal */
  GtkWidget      *pad;
  GtkWidget      *drawn;     /* check: signature drawn rather than typed */
  GtkWidget      *attest;
} Form;

static void
form_free (Form *form)
{
  g_hash_table_unref (form->rows);
  g_clear_object (&form->plan);
  g_free (form);
}

static void
form_show_error (Form       *form,
                 const char *message)
{
  gtk_label_set_text (GTK_LABEL (form->error_label), message);
  gtk_widget_set_visible (form->error_label, TRUE);
}

static const char *
form_text (Form       *form,
           const char *name)
{
  GtkWidget *w = g_hash_table_lookup (form->rows, name);

  return w != NULL ? gtk_editable_get_text (GTK_EDITABLE (w)) : NULL;
}

/* NULL for empty text, so optional fields stay unset. */
static const char *
form_text_or_null (Form       *form,
                   const char *name)
{
  const char *text = form_text (form, name);

  for (const char *c = text; c != NULL && *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return text;
  return NULL;
}

static char *
form_view_text (Form       *form,
                const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (g_hash_table_lookup (form->rows, name));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
form_entry (Form                *form,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char          *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  adw_preferences_group_add (group, row);
  g_hash_table_insert (form->rows, g_strdup (name), row);
  return row;
}

static GtkWidget *
form_spin (Form                *form,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *subtitle,
           double               max,
           gint64               value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (form->rows, g_strdup (name), spin);
  return spin;
}

static GtkWidget *
form_view (Form                *form,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            value != NULL ? value : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 12);
  adw_preferences_group_add (group, box);
  g_hash_table_insert (form->rows, g_strdup (name), view);
  return view;
}

static GtkWidget *
form_combo (Form                *form,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char * const  *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row),
                           G_LIST_MODEL (gtk_string_list_new ((const char **) labels)));
  adw_preferences_group_add (group, row);
  g_hash_table_insert (form->rows, g_strdup (name), row);
  return row;
}

static guint
form_selected (Form       *form,
               const char *name)
{
  return adw_combo_row_get_selected (g_hash_table_lookup (form->rows, name));
}

typedef void (*FormSave) (Form *form);

/* A modal window: a header bar with Cancel and the save button, a page of
 * groups, and a line for the error that keeps it open. */
static Form *
form_new (PalpClientPlan *self,
          const char     *title,
          const char     *save_label,
          FormSave        save,
          GtkWidget     **out_page)
{
  Form *form = g_new0 (Form, 1);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *ok = gtk_button_new_with_mnemonic (save_label);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *errors = adw_preferences_group_new ();

  form->self = self;
  form->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  form->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (form->window), title);
  gtk_window_set_modal (GTK_WINDOW (form->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (form->window), palp_ui_parent_window (GTK_WIDGET (self)));
  gtk_window_set_default_size (GTK_WINDOW (form->window), 560, 680);
  g_object_set_data_full (G_OBJECT (form->window), "palp-form", form, (GDestroyNotify) form_free);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (ok, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), ok);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), form->window);
  g_object_set_data (G_OBJECT (ok), "palp-save", save);
  g_signal_connect_swapped (ok, "clicked", G_CALLBACK (save), form);
  gtk_window_set_default_widget (GTK_WINDOW (form->window), ok);

  form->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->error_label), 0);
  gtk_widget_add_css_class (form->error_label, "error");
  gtk_widget_set_visible (form->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (errors), form->error_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (errors));

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (form->window), toolbar);
  *out_page = page;
  return form;
}

static AdwPreferencesGroup *
form_group (GtkWidget  *page,
            const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* ---------------------------------------------------------------------- */
/* The plan editor                                                        */

static void
save_plan (Form *form)
{
  PalpClientPlan *self = form->self;
  g_autoptr(PalpPlan) plan = form->plan != NULL ? g_object_ref (form->plan) : palp_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, form->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "dx:") && gtk_check_button_get_active (value))
      g_string_append_printf (ids, "%s%s", ids->len ? "," : "", (const char *) key + 3);

  g_object_set (plan,
                "client-id", palp_client_get_id (self->client),
                "started-on", form_text_or_null (form, "started-on"),
                "summary", form_text_or_null (form, "summary"),
                "frequency", form_text_or_null (form, "frequency"),
                "session-minutes", (gint64) gtk_spin_button_get_value_as_int (
                  g_hash_table_lookup (form->rows, "session-minutes")),
                "sessions", (gint64) gtk_spin_button_get_value_as_int (
                  g_hash_table_lookup (form->rows, "sessions")),
                "techniques", form_text_or_null (form, "techniques"),
                "home-care", form_text_or_null (form, "home-care"),
                "reassess-on", form_text_or_null (form, "reassess-on"),
                "diagnosis-ids", ids->len ? ids->str : NULL,
                NULL);
  if (!palp_store_save_plan (self->store, plan, &error))
    {
      form_show_error (form, error->message);
      /* Nothing was saved: show the plan as it is stored. */
      palp_client_plan_reload (self);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (form->window));
  toast (self, _("Treatment plan saved"));
  palp_client_plan_reload (self);
}

static void
open_plan_editor (PalpClientPlan *self,
                  PalpPlan       *plan,
                  gboolean        reassess_today)
{
  g_autoptr(GListModel) diagnoses = NULL;
  g_autofree char *today = palp_date_today_iso ();
  g_auto(GStrv) chosen = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *page;
  Form *form;

  form = form_new (self, plan != NULL ? _("Edit Treatment Plan") : _("New Treatment Plan"),
                   _("_Save"), save_plan, &page);
  form->plan = plan != NULL ? g_object_ref (plan) : NULL;

  group = form_group (page, _("Plan"));
  form_entry (form, group, "started-on", _("Starts on (YYYY-MM-DD)"),
              plan != NULL ? palp_plan_get_string (plan, "started-on") : today);
  form_entry (form, group, "summary", _("Summary"),
              plan != NULL ? palp_plan_get_string (plan, "summary") : NULL);
  form_entry (form, group, "reassess-on", _("Re-assessment on (YYYY-MM-DD)"),
              reassess_today ? today
              : plan != NULL ? palp_plan_get_string (plan, "reassess-on") : NULL);

  group = form_group (page, _("Sessions"));
  form_entry (form, group, "frequency", _("Frequency, e.g. once a week"),
              plan != NULL ? palp_plan_get_string (plan, "frequency") : NULL);
  form_spin (form, group, "session-minutes", _("Session Length"), _("Minutes; 0 to leave unsaid"),
             480, plan != NULL ? palp_plan_get_int (plan, "session-minutes") : 60);
  form_spin (form, group, "sessions", _("Number of Sessions"), _("0 to leave unsaid"), 500,
             plan != NULL ? palp_plan_get_int (plan, "sessions") : 6);
  form_entry (form, group, "techniques", _("Techniques"),
              plan != NULL ? palp_plan_get_string (plan, "techniques") : NULL);
  form_entry (form, group, "home-care", _("Home Care"),
              plan != NULL ? palp_plan_get_string (plan, "home-care") : NULL);

  group = form_group (page, _("Diagnoses Addressed"));
  chosen = g_strsplit (plan != NULL && palp_plan_get_string (plan, "diagnosis-ids")
                       ? palp_plan_get_string (plan, "diagnosis-ids") : "", ",", -1);
  diagnoses = palp_store_list_diagnoses (self->store, palp_client_get_id (self->client), FALSE,
                                         NULL);
  for (guint i = 0; diagnoses != NULL && i < g_list_model_get_n_items (diagnoses); i++)
    {
      g_autoptr(PalpDiagnosis) dx = g_list_model_get_item (diagnoses, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             palp_diagnosis_get_int (dx, "id"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     palp_diagnosis_get_string (dx, "code"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   palp_diagnosis_get_string (dx, "description"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   plan != NULL ? g_strv_contains ((const char * const *) chosen,
                                                                   id)
                                                : palp_diagnosis_get_int (dx, "is-primary"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (form->rows, g_strconcat ("dx:", id, NULL), check);
    }
  if (diagnoses == NULL || g_list_model_get_n_items (diagnoses) == 0)
    adw_preferences_group_set_description (group,
                                           _("The client has no diagnoses yet: add them on the "
                                             "Health tab, then choose the ones this plan "
                                             "addresses."));
  gtk_window_present (GTK_WINDOW (form->window));
}

/* ---------------------------------------------------------------------- */
/* Goals                                                                  */

static const PalpMeasureKind goal_kinds[] = {
  PALP_MEASURE_PAIN_NRS, PALP_MEASURE_RANGE_OF_MOTION, PALP_MEASURE_MOUTH_OPENING,
  PALP_MEASURE_NDI, PALP_MEASURE_JFLS_MASTICATION, PALP_MEASURE_JFLS_MOBILITY,
  PALP_MEASURE_JFLS_EXPRESSION, PALP_MEASURE_MUSCLE_TEST, PALP_MEASURE_CUSTOM,
};

static void
save_goal (Form *form)
{
  PalpClientPlan *self = form->self;
  g_autoptr(PalpPlanGoal) goal = palp_plan_goal_new ();
  g_autoptr(GError) error = NULL;
  PalpMeasureKind kind = goal_kinds[form_selected (form, "measure")];
  gint64 by_visit = gtk_spin_button_get_value_as_int (g_hash_table_lookup (form->rows,
                                                                           "by-visit"));

  g_object_set (goal,
                "plan-id", palp_plan_get_int (form->plan, "id"),
                "measure", palp_measure_kind_to_key (kind),
                "goal", form_text_or_null (form, "goal"),
                "label", form_text_or_null (form, "label"),
                "baseline", form_text_or_null (form, "baseline"),
                "target", form_text_or_null (form, "target"),
                "by-date", form_text_or_null (form, "by-date"),
                "by-visit", by_visit,
                NULL);
  if (kind == PALP_MEASURE_CUSTOM)
    g_object_set (goal,
                  "unit", form_text_or_null (form, "unit"),
                  "direction", form_selected (form, "direction") == 0 ? "lower" : "higher",
                  "mic", form_text_or_null (form, "mic"),
                  NULL);
  if (!palp_store_save_plan_goal (self->store, goal, &error))
    {
      form_show_error (form, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (form->window));
  toast (self, _("Goal added"));
  palp_client_plan_reload (self);
}

static void
on_measure_changed_cb (GObject    *row,
                       GParamSpec *pspec,
                       Form       *form)
{
  gboolean custom = goal_kinds[form_selected (form, "measure")] == PALP_MEASURE_CUSTOM;

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (form->window), "palp-custom"), custom);
}

static void
open_goal_editor (PalpClientPlan *self)
{
  const char *labels[G_N_ELEMENTS (goal_kinds) + 1] = { NULL };
  const char *directions[] = { _("Lower is better"), _("Higher is better"), NULL };
  AdwPreferencesGroup *group;
  GtkWidget *page, *measure;
  Form *form;

  for (guint i = 0; i < G_N_ELEMENTS (goal_kinds); i++)
    labels[i] = goal_kinds[i] == PALP_MEASURE_CUSTOM ? _("Custom measure")
                                                     : palp_measure_kind_get_label (goal_kinds[i]);

  form = form_new (self, _("New Goal"), _("_Add Goal"), save_goal, &page);
  form->plan = g_object_ref (self->active);

  group = form_group (page, _("Goal"));
  adw_preferences_group_set_description (group,
                                         _("A functional goal, its measure, the baseline, the "
                                           "target and by when: “by the fifth session, shoulder "
                                           "flexion from 120° to 150°”."));
  form_entry (form, group, "goal", _("Functional goal, e.g. turn the head to drive"), NULL);
  measure = form_combo (form, group, "measure", _("Measure"), labels);
  form_entry (form, group, "label", _("Movement or item measured, e.g. cervical rotation"),
              NULL);

  group = form_group (page, _("Custom Measure"));
  g_object_set_data (G_OBJECT (form->window), "palp-custom", group);
  form_entry (form, group, "unit", _("Unit"), NULL);
  form_combo (form, group, "direction", _("Better is"), directions);
  form_entry (form, group, "mic", _("Minimal important change"), NULL);
  gtk_widget_set_visible (GTK_WIDGET (group), FALSE);
  g_signal_connect (measure, "notify::selected", G_CALLBACK (on_measure_changed_cb), form);

  group = form_group (page, _("Baseline and Target"));
  form_entry (form, group, "baseline", _("Baseline"), NULL);
  form_entry (form, group, "target", _("Target"), NULL);
  form_entry (form, group, "by-date", _("By date (YYYY-MM-DD)"), NULL);
  form_spin (form, group, "by-visit", _("By visit"), _("The visit number; 0 for a date only"),
             1000, 6);
  gtk_window_present (GTK_WINDOW (form->window));
}

/* A goal's readings numbered by the plan's visits. */
typedef struct
{
  PalpProgressPlot  plot;
  PalpPlotPoint    *points;
  GPtrArray        *strings;
} PlotData;

static void
plot_data_free (PlotData *data)
{
  g_free (data->points);
  g_ptr_array_unref (data->strings);
  g_free (data);
}

static void
draw_plot_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  PlotData *data = user_data;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (area));
  const PangoFontDescription *base;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *font_name = NULL;
  PalpPlotStyle style;
  GdkRGBA fg, accent, warning;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "warning_color", &warning))
    warning = fg;
  G_GNUC_END_IGNORE_DEPRECATIONS

  palp_plot_style_init_print (&style);
  style.fg[0] = fg.red, style.fg[1] = fg.green, style.fg[2] = fg.blue, style.fg[3] = fg.alpha;
  style.accent[0] = accent.red, style.accent[1] = accent.green, style.accent[2] = accent.blue;
  style.accent[3] = accent.alpha;
  style.warning[0] = warning.red, style.warning[1] = warning.green;
  style.warning[2] = warning.blue, style.warning[3] = warning.alpha;

  /* The plot lays text out at 72 dpi: give it the widget's font in pixels. */
  base = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (area)));
  font = pango_font_description_copy (base);
  if (!pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font,
                                              pango_font_description_get_size (font) * 96.0
                                              / 72.0 * 0.9);
  font_name = pango_font_description_to_string (font);
  style.font = font_name;

  palp_progress_plot_draw (cr, &data->plot, &style, 0, 0, width, height);
}

/* The visits of @plan, oldest first, up to today: their ids by number. */
static GArray *
plan_visits (PalpClientPlan *self,
             PalpPlan       *plan)
{
  g_autoptr(GListModel) visits = palp_store_list_visits (self->store,
                                                         palp_client_get_id (self->client),
                                                         NULL);
  g_autofree char *today = palp_date_today_iso ();
  const char *from = palp_plan_get_string (plan, "started-on");
  const char *to = palp_plan_get_string (plan, "discharged-on");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (to == NULL)
    to = today;
  /* Newest first: walk backwards. */
  for (guint i = visits != NULL ? g_list_model_get_n_items (visits) : 0; i > 0; i--)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i - 1);
      const char *starts = palp_visit_get_string (visit, "starts-at");
      const char *status = palp_visit_get_string (visit, "status");
      gint64 id = palp_visit_get_int (visit, "id");

      if (starts == NULL || strncmp (starts, from, 10) < 0 || strncmp (starts, to, 10) > 0)
        continue;
      if (g_strcmp0 (status, "cancelled") == 0 || g_strcmp0 (status, "no-show") == 0)
        continue;
      g_array_append_val (ids, id);
    }
  return ids;
}

static guint
visit_number (GArray *visits,
              gint64  visit_id)
{
  for (guint i = 0; i < visits->len; i++)
    if (g_array_index (visits, gint64, i) == visit_id)
      return i + 1;
  return 0;
}

typedef struct
{
  PalpGoal          goal;
  PalpMeasurement  *series;
  gsize             n_series;
  GPtrArray        *dates;
} Track;

static void
track_clear (Track *track)
{
  g_free (track->series);
  g_clear_pointer (&track->dates, g_ptr_array_unref);
}

/* Fills @track from @goal_record and its readings; FALSE when the goal
 * cannot be read as a measure (it is then only listed). */
static gboolean
track_init (PalpClientPlan      *self,
            PalpPlanGoal        *goal_record,
            GArray              *visits,
            const PalpClinicalSettings *settings,
            Track               *track)
{
  g_autoptr(GListModel) readings = NULL;
  const char *key = palp_plan_goal_get_string (goal_record, "measure");
  const char *mic = palp_plan_goal_get_string (goal_record, "mic");
  PalpMeasureKind kind;
  GArray *series = g_array_new (FALSE, TRUE, sizeof (PalpMeasurement));

  memset (track, 0, sizeof *track);
  track->dates = g_ptr_array_new_with_free_func (g_free);
  if (!palp_measure_kind_from_key (key, &kind))
    kind = PALP_MEASURE_CUSTOM;
  if (kind == PALP_MEASURE_CUSTOM ||
      !palp_measure_init (&track->goal.measure, kind, &settings->measures, NULL))
    palp_measure_init_custom (&track->goal.measure,
                              g_strcmp0 (palp_plan_goal_get_string (goal_record, "direction"),
                                         "lower") == 0
                              ? PALP_DIRECTION_LOWER_IS_BETTER : PALP_DIRECTION_HIGHER_IS_BETTER,
                              mic != NULL ? g_ascii_strtod (mic, NULL) : 1.0,
                              -INFINITY, INFINITY, NULL);
  else if (mic != NULL && g_ascii_strtod (mic, NULL) > 0)
    track->goal.measure.mic = g_ascii_strtod (mic, NULL);
  track->goal.baseline = g_ascii_strtod (palp_plan_goal_get_string (goal_record, "baseline"),
                                         NULL);
  track->goal.target = g_ascii_strtod (palp_plan_goal_get_string (goal_record, "target"), NULL);
  track->goal.baseline_visit = 1;
  track->goal.due_date = palp_plan_goal_get_string (goal_record, "by-date");
  track->goal.due_visit = palp_plan_goal_get_int (goal_record, "by-visit");

  readings = palp_store_list_readings (self->store, palp_plan_goal_get_int (goal_record, "id"),
                                       0, NULL);
  for (guint v = 1; v <= visits->len; v++)
    for (guint i = 0; readings != NULL && i < g_list_model_get_n_items (readings); i++)
      {
        g_autoptr(PalpReading) reading = g_list_model_get_item (readings, i);
        const char *starts = palp_reading_get_string (reading, "visit-starts-at");
        PalpMeasurement m = { 0 };

        if (visit_number (visits, palp_reading_get_int (reading, "visit-id")) != v)
          continue;
        m.visit = v;
        if (starts != NULL && strlen (starts) >= 10)
          {
            m.date = g_strndup (starts, 10);
            g_ptr_array_add (track->dates, (char *) m.date);
          }
        m.value = g_ascii_strtod (palp_reading_get_string (reading, "value"), NULL);
        g_array_append_val (series, m);
      }
  track->n_series = series->len;
  track->series = (PalpMeasurement *) (gpointer) g_array_free (series, FALSE);
  return palp_goal_validate (&track->goal, NULL);
}

static GtkWidget *
goal_widget (PalpClientPlan *self,
             PalpPlanGoal   *goal_record,
             Track          *track,
             guint           last_visit,
             gboolean        plateau,
             guint           plateau_visits)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (palp_plan_goal_get_string (goal_record, "goal"));
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *area = gtk_drawing_area_new ();
  PlotData *data = g_new0 (PlotData, 1);
  const char *measure_key = palp_plan_goal_get_string (goal_record, "measure");
  const char *unit = palp_plan_goal_get_string (goal_record, "unit");
  const char *label = palp_plan_goal_get_string (goal_record, "label");
  g_autofree char *today = palp_date_today_iso ();
  g_autofree char *description = NULL;
  g_autofree char *progress_text = NULL;
  g_autofree char *target = NULL;
  PalpGoalProgress progress;
  PalpMeasureKind kind;
  g_autoptr(GError) error = NULL;

  if (unit == NULL && palp_measure_kind_from_key (measure_key, &kind) &&
      kind != PALP_MEASURE_CUSTOM)
    unit = palp_measure_kind_get_unit (kind);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_bottom (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  for (GtkWidget *w = title; w != NULL; w = w == title ? subtitle : NULL)
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (title, 12);

  target = format_value (track->goal.target, unit);
  if (palp_goal_progress (&track->goal, track->series, track->n_series, today, last_visit,
                          &progress, &error))
    {
      g_autofree char *current = format_value (progress.current, unit);

      if (!progress.measured)
        /* Translators: a goal's progress before any reading; %s is its target. */
        progress_text = g_strdup_printf (_("No reading since the baseline yet. Target %s."),
                                         target);
      else if (progress.met)
        /* Translators: %s is the latest reading, %u its visit. */
        progress_text = g_strdup_printf (_("Met: %s at visit %u."), current,
                                         progress.current_visit);
      else
        /* Translators: a goal's progress: the share of the way from the
         * baseline to the target (a whole number, then a percent sign), the
         * latest reading, its visit and the target. */
        progress_text = g_strdup_printf (_("%.0f%% of the way: %s at visit %u, target %s."),
                                         progress.percent, current, progress.current_visit,
                                         target);
      if (progress.overdue)
        {
          g_autofree char *with = g_strconcat (progress_text, " ", _("Overdue."), NULL);
          g_free (progress_text);
          progress_text = g_steal_pointer (&with);
        }
    }
  else
    progress_text = g_strdup (error->message);
  if (label != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s · %s", label, progress_text);
      g_free (progress_text);
      progress_text = g_steal_pointer (&with);
    }
  gtk_label_set_text (GTK_LABEL (subtitle), progress_text);

  data->strings = g_ptr_array_new_with_free_func (g_free);
  data->points = g_new0 (PalpPlotPoint, MAX (track->n_series, 1));
  for (gsize i = 0; i < track->n_series; i++)
    {
      data->points[i].visit_number = track->series[i].visit;
      data->points[i].value = track->series[i].value;
      if (track->series[i].date != NULL)
        {
          char *date = g_strdup (track->series[i].date);

          g_ptr_array_add (data->strings, date);
          data->points[i].date = date;
        }
    }
  if (unit != NULL)
    g_ptr_array_add (data->strings, g_strdup (unit));
  data->plot.title = NULL;
  data->plot.unit = unit != NULL ? g_ptr_array_index (data->strings, data->strings->len - 1)
                                 : NULL;
  data->plot.direction = track->goal.measure.direction;
  data->plot.baseline = track->goal.baseline;
  data->plot.target = track->goal.target;
  data->plot.min = track->goal.measure.min;
  data->plot.max = track->goal.measure.max;
  data->plot.points = data->points;
  data->plot.n_points = track->n_series;
  data->plot.plateau = plateau;
  data->plot.plateau_visits = plateau_visits;

  gtk_widget_set_size_request (area, -1, 200);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  gtk_widget_set_margin_bottom (area, 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_plot_cb, data,
                                  (GDestroyNotify) plot_data_free);
  data->plot.title = palp_plan_goal_get_string (goal_record, "goal");
  description = palp_progress_plot_describe (&data->plot);
  data->plot.title = NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress plot"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_tooltip_text (area, description);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), area);
  return box;
}

/* ---------------------------------------------------------------------- */
/* Discharge                                                              */

static void
on_discharge_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PalpClientPlan   *self)
{
  GtkWidget *combo = g_object_get_data (G_OBJECT (dialog), "palp-kind");
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "palp-text");
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));
  const char *kind = discharge_kinds[selected].key;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *reason = NULL;
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discharge") != 0 || self->active == NULL)
    return;
  if (g_str_equal (kind, "other"))
    reason = g_strdup (text);
  else if (*text == '\0')
    reason = g_strdup (_(discharge_kinds[selected].label));
  else
    reason = g_strdup_printf ("%s: %s", _(discharge_kinds[selected].label), text);

  if (!palp_store_discharge_plan_full (self->store, palp_plan_get_int (self->active, "id"),
                                       today, kind, reason, &error))
    {
      /* Nothing changed: say why. */
      toast (self, error->message);
      return;
    }
  toast (self, _("Plan discharged"));
  palp_client_plan_reload (self);
}

static void
open_discharge_dialog (PalpClientPlan *self)
{
  const char *labels[G_N_ELEMENTS (discharge_kinds) + 1] = { NULL };
  GtkWidget *dialog, *box, *list, *combo, *entry;

  for (guint i = 0; i < G_N_ELEMENTS (discharge_kinds); i++)
    labels[i] = _(discharge_kinds[i].label);
  dialog = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), _("Discharge the Client?"),
                                   _("The plan is closed and kept as it is. Record why "
                                     "treatment ends."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Reason"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo),
                           G_LIST_MODEL (gtk_string_list_new ((const char **) labels)));
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry),
                                 _("Details (needed for another reason)"));
  gtk_list_box_append (GTK_LIST_BOX (list), combo);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "palp-kind", combo);
  g_object_set_data (G_OBJECT (dialog), "palp-text", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discharge", _("_Discharge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discharge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discharge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Consents                                                               */

static void
on_drawn_toggled_cb (GtkCheckButton *check,
                     Form           *form)
{
  gboolean drawn = gtk_check_button_get_active (check);

  gtk_widget_set_visible (gtk_widget_get_parent (form->pad), drawn);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (form->window), "palp-typed"), !drawn);
}

static void
save_consent (Form *form)
{
  PalpClientPlan *self = form->self;
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *explained = form_view_text (form, "explained");
  g_autofree char *questions = form_view_text (form, "questions");
  GListModel *kinds = g_object_get_data (G_OBJECT (form->window), "palp-kinds");
  g_autoptr(GtkStringObject) key = g_list_model_get_item (kinds, form_selected (form, "kind"));
  const char *kind = gtk_string_object_get_string (key);
  gboolean drawn = gtk_check_button_get_active (GTK_CHECK_BUTTON (form->drawn));
  g_autofree char *strokes = NULL;

  if (drawn)
    strokes = palp_signature_pad_to_json (PALP_SIGNATURE_PAD (form->pad));
  g_object_set (consent,
                "client-id", palp_client_get_id (self->client),
                "kind", kind,
                "plan-id", g_str_equal (kind, "plan") && self->active != NULL
                           ? palp_plan_get_int (self->active, "id") : (gint64) 0,
                "explained", *g_strstrip (explained) ? explained : NULL,
                "questions", *g_strstrip (questions) ? questions : NULL,
                "signed-by-name", form_text_or_null (form, "signed-by-name"),
                "signature", strokes,
                "typed-name", drawn ? NULL : form_text_or_null (form, "typed-name"),
                "attested", (gint64) (!drawn && gtk_check_button_get_active (
                                        GTK_CHECK_BUTTON (form->attest))),
                NULL);
  if (!palp_store_save_consent (self->store, consent, &error))
    {
      form_show_error (form, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (form->window));
  toast (self, _("Consent recorded"));
  palp_client_plan_reload (self);
}

static void
on_consent_kind_changed_cb (GObject    *row,
                            GParamSpec *pspec,
                            Form       *form)
{
  GListModel *kinds = g_object_get_data (G_OBJECT (form->window), "palp-kinds");
  g_autoptr(GtkStringObject) key = g_list_model_get_item (kinds, form_selected (form, "kind"));
  GtkTextView *view = g_hash_table_lookup (form->rows, "explained");

  for (guint i = 0; i < G_N_ELEMENTS (consent_kinds); i++)
    if (g_str_equal (consent_kinds[i].key, gtk_string_object_get_string (key)))
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), _(consent_kinds[i].explained),
                                -1);
}

static void
open_consent_editor (PalpClientPlan *self)
{
  GtkStringList *keys = gtk_string_list_new (NULL);
  GPtrArray *labels = g_ptr_array_new ();
  AdwPreferencesGroup *group;
  GtkWidget *page, *kind, *pad_box, *typed, *row;
  Form *form;

  for (guint i = 0; i < G_N_ELEMENTS (consent_kinds); i++)
    {
      const char *key = consent_kinds[i].key;

      if ((g_str_equal (key, "plan") && self->active == NULL) ||
          (g_str_equal (key, "guardian") && !is_minor (self->client)))
        continue;
      gtk_string_list_append (keys, key);
      g_ptr_array_add (labels, (gpointer) _(consent_kinds[i].label));
    }
  g_ptr_array_add (labels, NULL);

  form = form_new (self, _("Record Consent"), _("_Record"), save_consent, &page);
  g_object_set_data_full (G_OBJECT (form->window), "palp-kinds", keys, g_object_unref);

  group = form_group (page, _("Consent"));
  kind = form_combo (form, group, "kind", _("Consent to"), (const char **) labels->pdata);
  g_ptr_array_unref (labels);
  form_view (form, group, "explained", _("What was explained"), _(consent_kinds[0].explained));
  form_view (form, group, "questions", _("The client’s questions, and the answers"), NULL);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_consent_kind_changed_cb), form);

  group = form_group (page, _("Signature"));
  {
    g_autofree char *name = palp_client_dup_display_name (self->client);

    form_entry (form, group, "signed-by-name", _("Signed by (name)"), name);
  }
  row = adw_action_row_new ();
  form->drawn = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form->drawn), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signed on the pad"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Otherwise the signer types their name and attests it"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), form->drawn);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), form->drawn);
  adw_preferences_group_add (group, row);

  pad_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  form->pad = palp_signature_pad_new ();
  gtk_widget_set_size_request (form->pad, -1, 140);
  gtk_widget_add_css_class (pad_box, "card");
  gtk_widget_set_margin_top (pad_box, 12);
  gtk_box_append (GTK_BOX (pad_box), form->pad);
  adw_preferences_group_add (group, pad_box);

  typed = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  {
    GtkWidget *list = gtk_list_box_new ();
    GtkWidget *attest_row = adw_action_row_new ();
    GtkWidget *entry = adw_entry_row_new ();

    gtk_widget_add_css_class (list, "boxed-list");
    gtk_widget_set_margin_top (list, 12);
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Typed name"));
    g_hash_table_insert (form->rows, g_strdup ("typed-name"), entry);
    form->attest = gtk_check_button_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attest_row),
                                   _("The signer attests that the typed name is their "
                                     "signature"));
    adw_action_row_add_prefix (ADW_ACTION_ROW (attest_row), form->attest);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (attest_row), form->attest);
    gtk_list_box_append (GTK_LIST_BOX (list), entry);
    gtk_list_box_append (GTK_LIST_BOX (list), attest_row);
    gtk_box_append (GTK_BOX (typed), list);
  }
  gtk_widget_set_visible (typed, FALSE);
  adw_preferences_group_add (group, typed);
  g_object_set_data (G_OBJECT (form->window), "palp-typed", typed);
  g_signal_connect (form->drawn, "toggled", G_CALLBACK (on_drawn_toggled_cb), form);
  gtk_window_present (GTK_WINDOW (form->window));
}

static void
on_revoke_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PalpClientPlan   *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "palp-text");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "palp-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "revoke") != 0)
    return;
  if (!palp_store_revoke_consent (self->store, id, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                  &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("Consent revoked"));
  palp_client_plan_reload (self);
}

static void
on_revoke_clicked_cb (GtkButton      *button,
                      PalpClientPlan *self)
{
  PalpConsent *consent = g_object_get_data (G_OBJECT (button), "palp-consent");
  GtkWidget *dialog, *box, *list, *entry;

  dialog = adw_message_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), _("Revoke the Consent?"),
                                   _("From now on the consent no longer holds. It stays in the "
                                     "record, marked revoked, with the reason."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Reason"));
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "palp-text", entry);
  g_object_set_data (G_OBJECT (dialog), "palp-id",
                     GSIZE_TO_POINTER (palp_consent_get_int (consent, "id")));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revoke", _("_Revoke Consent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_revoke_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
consent_row (PalpClientPlan *self,
             PalpConsent    *consent)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *signed_at = palp_consent_get_string (consent, "signed-at");
  const char *revoked_at = palp_consent_get_string (consent, "revoked-at");
  const char *questions = palp_consent_get_string (consent, "questions");
  g_autofree char *subtitle = NULL;
  g_autofree char *day = g_strndup (signed_at != NULL ? signed_at : "", 10);
  GtkWidget *child;

  /* Translators: a consent's line: its date, who signed, and how. */
  subtitle = g_strdup_printf (_("Signed %s by %s · %s"), day,
                              palp_consent_get_string (consent, "signed-by-name"),
                              palp_consent_get_string (consent, "signature") != NULL
                              ? _("drawn signature") : _("typed name, attested"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 consent_kind_label (palp_consent_get_string (consent, "kind")));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (revoked_at != NULL)
    {
      g_autofree char *revoked_day = g_strndup (revoked_at, 10);
      g_autofree char *text = g_strdup_printf (_("Revoked %s"), revoked_day);
      GtkWidget *pill = gtk_label_new (text);

      gtk_widget_add_css_class (pill, "error");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), pill);
    }
  else
    {
      GtkWidget *revoke = gtk_button_new_with_mnemonic (_("Re_voke…"));

      gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (revoke), "palp-consent", g_object_ref (consent),
                              g_object_unref);
      g_signal_connect (revoke, "clicked", G_CALLBACK (on_revoke_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), revoke);
    }

  child = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("What was explained"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                               palp_consent_get_string (consent, "explained"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  child = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("The client’s questions"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                               questions != NULL ? questions : _("None asked"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (child), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  if (revoked_at != NULL)
    {
      child = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Why it was revoked"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (child),
                                   palp_consent_get_string (consent, "revoke-reason"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
    }
  return row;
}

/* ---------------------------------------------------------------------- */
/* The page                                                               */

static void
add_detail (AdwPreferencesGroup *group,
            const char          *title,
            const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static char *
plan_diagnoses_text (PalpClientPlan *self,
                     PalpPlan       *plan)
{
  g_autoptr(GListModel) diagnoses = palp_store_list_diagnoses (self->store,
                                                               palp_client_get_id (self->client),
                                                               TRUE, NULL);
  g_auto(GStrv) ids = g_strsplit (palp_plan_get_string (plan, "diagnosis-ids")
                                  ? palp_plan_get_string (plan, "diagnosis-ids") : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; diagnoses != NULL && i < g_list_model_get_n_items (diagnoses); i++)
    {
      g_autoptr(PalpDiagnosis) dx = g_list_model_get_item (diagnoses, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             palp_diagnosis_get_int (dx, "id"));

      if (g_strv_contains ((const char * const *) ids, id))
        g_string_append_printf (text, "%s%s %s", text->len ? "\n" : "",
                                palp_diagnosis_get_string (dx, "code"),
                                palp_diagnosis_get_string (dx, "description"));
    }
  return g_string_free (text, FALSE);
}

static void
add_plan_details (PalpClientPlan      *self,
                  AdwPreferencesGroup *group,
                  PalpPlan            *plan)
{
  g_autofree char *diagnoses = plan_diagnoses_text (self, plan);
  g_autofree char *minutes = NULL;
  g_autofree char *sessions = NULL;

  if (palp_plan_get_int (plan, "session-minutes") > 0)
    minutes = g_strdup_printf (_("%d minutes"), (int) palp_plan_get_int (plan, "session-minutes"));
  if (palp_plan_get_int (plan, "sessions") > 0)
    sessions = g_strdup_printf ("%d", (int) palp_plan_get_int (plan, "sessions"));
  add_detail (group, _("Diagnoses Addressed"), diagnoses);
  add_detail (group, _("Summary"), palp_plan_get_string (plan, "summary"));
  add_detail (group, _("Frequency"), palp_plan_get_string (plan, "frequency"));
  add_detail (group, _("Session Length"), minutes);
  add_detail (group, _("Number of Sessions"), sessions);
  add_detail (group, _("Techniques"), palp_plan_get_string (plan, "techniques"));
  add_detail (group, _("Home Care"), palp_plan_get_string (plan, "home-care"));
  add_detail (group, _("Re-assessment"), palp_plan_get_string (plan, "reassess-on"));
}

static void
on_new_plan_cb (PalpClientPlan *self)
{
  open_plan_editor (self, NULL, FALSE);
}

static void
on_edit_plan_cb (PalpClientPlan *self)
{
  open_plan_editor (self, self->active, FALSE);
}

static void
on_reassess_cb (PalpClientPlan *self)
{
  open_plan_editor (self, self->active, TRUE);
}

static GtkWidget *
header_button (PalpClientPlan *self,
               const char     *label,
               GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
plateau_warning (PalpClientPlan *self,
                 const char     *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *text = g_strdup_printf ("<b>%s</b>\n%s",
                                           _("Medical necessity is at risk"), reason);
  GtkWidget *b;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "palp-plateau");
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (top), "warning");
  gtk_box_append (GTK_BOX (top), label);
  for (GtkWidget *w = top; w != NULL; w = w == top ? buttons : NULL)
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  b = gtk_button_new_with_mnemonic (_("_Re-assess"));
  g_signal_connect_swapped (b, "clicked", G_CALLBACK (on_reassess_cb), self);
  gtk_box_append (GTK_BOX (buttons), b);
  b = gtk_button_new_with_mnemonic (_("_Change the Plan"));
  g_signal_connect_swapped (b, "clicked", G_CALLBACK (on_edit_plan_cb), self);
  gtk_box_append (GTK_BOX (buttons), b);
  b = gtk_button_new_with_mnemonic (_("_Discharge…"));
  g_signal_connect_swapped (b, "clicked", G_CALLBACK (open_discharge_dialog), self);
  gtk_box_append (GTK_BOX (buttons), b);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Medical necessity is at risk"), -1);
  return box;
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description,
             const char *action,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  if (action != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (action);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (button, "clicked", callback, data);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
  return page;
}

static void
build_active (PalpClientPlan             *self,
              const PalpClinicalSettings *settings)
{
  g_autoptr(GListModel) goals = palp_store_list_plan_goals (self->store,
                                                            palp_plan_get_int (self->active, "id"),
                                                            NULL);
  g_autoptr(GArray) visits = plan_visits (self, self->active);
  g_autoptr(GArray) tracks = g_array_new (FALSE, TRUE, sizeof (Track));
  g_autoptr(GArray) goal_tracks = g_array_new (FALSE, TRUE, sizeof (PalpGoalTrack));
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *description = NULL;
  PalpPlateau plateau = { 0 };
  GtkWidget *group, *buttons, *goals_group, *goals_box;
  guint n_visits = settings->plateau_visits;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Treatment Plan"));
  description = g_strdup_printf (_("Started %s · %u visits so far"),
                                 palp_plan_get_string (self->active, "started-on"), visits->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), header_button (self, _("_Edit…"),
                                                    G_CALLBACK (on_edit_plan_cb)));
  gtk_box_append (GTK_BOX (buttons), header_button (self, _("_Discharge…"),
                                                    G_CALLBACK (open_discharge_dialog)));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  add_plan_details (self, ADW_PREFERENCES_GROUP (group), self->active);

  /* Goals and the plateau check over them. */
  for (guint i = 0; goals != NULL && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (goals, i);
      Track track;

      if (palp_plan_goal_get_int (goal, "archived"))
        continue;
      if (!track_init (self, goal, visits, settings, &track))
        {
          track_clear (&track);
          continue;
        }
      g_array_append_val (tracks, track);
      g_ptr_array_add (records, g_object_ref (goal));
    }
  for (guint i = 0; i < tracks->len; i++)
    {
      Track *t = &g_array_index (tracks, Track, i);
      PalpGoalTrack gt = { &t->goal, t->series, t->n_series };

      g_array_append_val (goal_tracks, gt);
    }
  self->plateau = FALSE;
  if (tracks->len > 0 &&
      palp_plateau_check ((PalpGoalTrack *) (gpointer) goal_tracks->data, goal_tracks->len,
                          visits->len, n_visits, &plateau, NULL) &&
      plateau.plateau)
    {
      self->plateau = TRUE;
      gtk_box_append (self->box, plateau_warning (self, plateau.reason));
    }
  gtk_box_append (self->box, group);

  goals_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (goals_group), _("Goals"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (goals_group),
                                           header_button (self, _("_Add Goal…"),
                                                          G_CALLBACK (open_goal_editor)));
  gtk_widget_set_margin_top (goals_group, 24);
  goals_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < tracks->len; i++)
    gtk_box_append (GTK_BOX (goals_box),
                    goal_widget (self, g_ptr_array_index (records, i),
                                 &g_array_index (tracks, Track, i), visits->len,
                                 plateau.plateau, plateau.n_visits));
  if (tracks->len == 0)
    gtk_box_append (GTK_BOX (goals_box),
                    status_page ("find-location-symbolic", _("No Goals Yet"),
                                 _("Measurable goals show their progress here, visit by visit."),
                                 _("_Add Goal…"), G_CALLBACK (open_goal_editor), self));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (goals_group), goals_box);
  gtk_box_append (self->box, goals_group);

  for (guint i = 0; i < tracks->len; i++)
    track_clear (&g_array_index (tracks, Track, i));
  palp_plateau_clear (&plateau);
}

static void
build_consents (PalpClientPlan *self)
{
  g_autoptr(GListModel) consents = palp_store_list_consents (self->store,
                                                             palp_client_get_id (self->client),
                                                             NULL);
  GtkWidget *group = adw_preferences_group_new ();
  guint n = consents != NULL ? g_list_model_get_n_items (consents) : 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Consents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         is_minor (self->client)
                                         ? _("The client is a minor: record a guardian’s "
                                             "consent too.")
                                         : NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           header_button (self, _("Record _Consent…"),
                                                          G_CALLBACK (open_consent_editor)));
  gtk_widget_set_margin_top (group, 24);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpConsent) consent = g_list_model_get_item (consents, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), consent_row (self, consent));
    }
  if (n == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               status_page ("document-edit-symbolic", _("No Consents Yet"),
                                            _("Privacy, treatment plan, intra-oral and "
                                              "guardian’s consents are kept here, dated and "
                                              "signed."),
                                            _("Record _Consent…"),
                                            G_CALLBACK (open_consent_editor), self));
  gtk_box_append (self->box, group);
}

static void
build_earlier (PalpClientPlan *self,
               GListModel     *plans)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PalpPlan) plan = g_list_model_get_item (plans, i);
      g_autofree char *subtitle = NULL;
      const char *kind = discharge_kind_label (palp_plan_get_string (plan, "discharge-kind"));
      AdwPreferencesGroup *inner;
      GtkWidget *row;

      if (g_strcmp0 (palp_plan_get_string (plan, "status"), "discharged") != 0)
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Earlier Plans"));
          gtk_widget_set_margin_top (group, 24);
        }
      row = adw_expander_row_new ();
      /* Translators: an earlier plan: its start, its end, and why it ended. */
      subtitle = g_strdup_printf (_("%s to %s · %s"), palp_plan_get_string (plan, "started-on"),
                                  palp_plan_get_string (plan, "discharged-on"),
                                  palp_plan_get_string (plan, "discharge-reason"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kind != NULL ? kind : _("Discharged"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      inner = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      add_plan_details (self, inner, plan);
      /* Move the detail rows into the expander. */
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
        GtkWidget *listbox = gtk_widget_get_first_child (GTK_WIDGET (inner));

        while (listbox != NULL && !GTK_IS_LIST_BOX (listbox))
          listbox = gtk_widget_get_first_child (listbox) != NULL
                    ? gtk_widget_get_last_child (listbox) : gtk_widget_get_next_sibling (listbox);
        for (GtkWidget *c = listbox ? gtk_widget_get_first_child (listbox) : NULL; c != NULL;
             c = gtk_widget_get_next_sibling (c))
          if (ADW_IS_PREFERENCES_ROW (c))
            g_ptr_array_add (rows, g_object_ref (c));
        for (guint r = 0; r < rows->len; r++)
          {
            adw_preferences_group_remove (inner, g_ptr_array_index (rows, r));
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row), g_ptr_array_index (rows, r));
          }
        g_object_ref_sink (inner);
        g_object_unref (inner);
      }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (group != NULL)
    gtk_box_append (self->box, group);
}

static void
rebuild (PalpClientPlan *self)
{
  g_autoptr(GListModel) plans = NULL;
  PalpClinicalSettings settings;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  g_clear_object (&self->active);
  self->plateau = FALSE;
  if (self->store == NULL || self->client == NULL)
    return;

  if (!palp_store_load_clinical_settings (self->store, &settings, NULL))
    palp_clinical_settings_init_default (&settings);
  plans = palp_store_list_plans (self->store, palp_client_get_id (self->client), NULL);
  if (plans != NULL && g_list_model_get_n_items (plans) > 0)
    {
      g_autoptr(PalpPlan) first = g_list_model_get_item (plans, 0);

      if (g_strcmp0 (palp_plan_get_string (first, "status"), "active") == 0)
        self->active = g_object_ref (first);
    }

  if (self->active != NULL)
    build_active (self, &settings);
  else
    gtk_box_append (self->box,
                    status_page ("emblem-ok-symbolic", _("No Treatment Plan"),
                                 _("A plan names the diagnoses it addresses, measurable goals "
                                   "with their progress, the sessions and the home care."),
                                 _("_New Plan…"), G_CALLBACK (on_new_plan_cb), self));
  build_consents (self);
  if (plans != NULL)
    build_earlier (self, plans);
}

/* ---------------------------------------------------------------------- */

static void
palp_client_plan_dispose (GObject *object)
{
  PalpClientPlan *self = PALP_CLIENT_PLAN (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->active);

  G_OBJECT_CLASS (palp_client_plan_parent_class)->dispose (object);
}

static void
palp_client_plan_class_init (PalpClientPlanClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = palp_client_plan_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
palp_client_plan_init (PalpClientPlan *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_widget_set_margin_top (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->box), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->box), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->box));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toast_overlay_set_child (self->overlay, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
}

void
palp_client_plan_set_store (PalpClientPlan *self,
                            PalpStore      *store)
{
  g_return_if_fail (PALP_IS_CLIENT_PLAN (self));
  g_set_object (&self->store, store);
  rebuild (self);
}

void
palp_client_plan_set_client (PalpClientPlan *self,
                             PalpClient     *client)
{
  g_return_if_fail (PALP_IS_CLIENT_PLAN (self));
  g_set_object (&self->client, client);
  rebuild (self);
}

void
palp_client_plan_reload (PalpClientPlan *self)
{
  g_return_if_fail (PALP_IS_CLIENT_PLAN (self));
  rebuild (self);
}

gboolean
palp_client_plan_has_plateau_warning (PalpClientPlan *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_PLAN (self), FALSE);
  return self->plateau;
}
