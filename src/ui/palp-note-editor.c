/* palp-note-editor.c: a visit's SOAP note, beside its body chart
 *
 * Every field writes to the store through one draft save: the note, the
 * oral assessment (when touched) and the measurements. Saves are
 * scheduled one second after the last change and never later than two
 * seconds after the first unsaved one, so a killed program loses at most
 * the last two seconds of typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "palp-compat.h"
#include "palp-date.h"
#include "palp-measure.h"
#include "palp-note-editor.h"
#include "palp-progress.h"
#include "palp-region-picker.h"
#include "palp-screening.h"
#include "palp-sign-gates.h"
#include "palp-store-security.h"
#include "palp-ui-util.h"

#define SAVE_QUIET_US   (1000 * 1000)  /* save one second after the last change */
#define SAVE_LATEST_US  (1800 * 1000)  /* ... and never later than this after the first */
#define MAX_MINUTES     600

static const char *sections[] = { "subjective", "objective", "assessment", "plan-text",
                                  "adverse-effects" };

/* The oral assessment's switches, in the order of the form. */
static const struct { const char *property; const char *label; gboolean finding; } oral_items[] = {
  { "teeth", N_("Teeth assessed"), FALSE },
  { "gingiva", N_("Gingiva assessed"), FALSE },
  { "bone", N_("Bone assessed"), FALSE },
  { "tongue", N_("Tongue assessed"), FALSE },
  { "surrounding", N_("Surrounding structures assessed"), FALSE },
  { "active-infection", N_("Active infection found"), TRUE },
  { "lesions", N_("Lesions found"), TRUE },
  { "loose-teeth", N_("Loose teeth found"), TRUE },
  { "periodontal-disease", N_("Periodontal disease found"), TRUE },
};

typedef struct
{
  GtkWidget *row;
  GtkEntry  *name;
  GtkSpinButton *minutes;
  GtkCheckButton *intra_oral;
  GtkButton *regions;
  char      *region_ids;  /* comma-separated atlas ids, or NULL */
  PalpNoteEditor *editor;
} Technique;

typedef struct
{
  PalpPlanGoal *goal;
  GtkEntry     *entry;
  GtkWidget    *progress_row;
  gint64        reading_id;   /* this visit's reading, 0 if none */
  char         *saved_value;  /* as stored, to save only what changed */
} Measure;

struct _PalpNoteEditor
{
  GtkWidget            parent_instance;

  PalpStore           *store;
  PalpClinic          *clinic;
  PalpUser            *user;
  PalpAtlas           *atlas;
  PalpVisit           *visit;
  PalpSoapNote        *note;
  PalpClinicalSettings settings;
  char                *chart_summary;
  char                *chart_regions;
  char                *problem;
  char                *read_only_reason;
  char                *saved_at;
  GtkTextBuffer       *buffers[G_N_ELEMENTS (sections)];
  GtkSwitch           *oral_switches[G_N_ELEMENTS (oral_items)];
  AdwEntryRow         *oral_note_row;
  GPtrArray           *techniques;    /* Technique */
  GPtrArray           *measures;      /* Measure */
  GPtrArray           *gates;         /* PalpGateResult */
  GHashTable          *override_entries; /* gate key -> GtkEntry */
  gboolean             loading;
  gboolean             dirty;
  gboolean             oral_dirty;
  gboolean             oral_exists;
  gboolean             is_signed;
  gint64               first_change;
  gint64               last_change;
  guint                save_source;

  /* Template widgets */
  GtkWidget           *box;
  GtkLabel            *state_label;
  GtkWidget           *copy_forward_button;
  GtkMenuButton       *sign_button;
  GtkPopover          *sign_popover;
  GtkListBox          *gates_box;
  GtkLabel            *sign_hint_label;
  GtkWidget           *sign_confirm_button;
  GtkLabel            *problem_label;
  AdwPreferencesPage  *page;
  AdwActionRow        *screening_row;
  GtkImage            *screening_icon;
  GtkListBox          *contra_box;
  GtkSwitch           *draping_switch;
  GtkSwitch           *gloves_switch;
  GtkSwitch           *check_ins_switch;
  AdwExpanderRow      *oral_row;
  AdwPreferencesGroup *subjective_group;
  AdwComboRow         *pain_row;
  AdwPreferencesGroup *objective_group;
  AdwPreferencesGroup *measures_group;
  AdwPreferencesGroup *assessment_group;
  AdwPreferencesGroup *plan_group;
  AdwPreferencesGroup *techniques_group;
  GtkListBox          *techniques_box;
  AdwPreferencesGroup *adverse_group;
  AdwPreferencesGroup *amendments_group;
  GtkListBox          *amendments_box;
};

G_DEFINE_FINAL_TYPE (PalpNoteEditor, palp_note_editor, GTK_TYPE_WIDGET)

enum { SIGNED, SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void mark_dirty (PalpNoteEditor *self);
static void update_state (PalpNoteEditor *self);

static void
technique_free (gpointer data)
{
  Technique *t = data;

  g_free (t->region_ids);
  g_free (t);
}

static void
measure_free (gpointer data)
{
  Measure *measure = data;

  g_clear_object (&measure->goal);
  g_free (measure->saved_value);
  g_free (measure);
}

static gboolean
editable (PalpNoteEditor *self)
{
  return self->visit != NULL && self->read_only_reason == NULL;
}

static void
show_problem (PalpNoteEditor *self,
              const char     *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_text (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (text[strspn (text, " \t\r\n")] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static int
section_index (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i], section) == 0)
      return (int) i;
  return -1;
}

static gboolean
note_is_empty (PalpNoteEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *text = buffer_text (self->buffers[i]);

      if (text != NULL)
        return FALSE;
    }
  return self->techniques->len == 0;
}

/* Techniques ------------------------------------------------------------- */

static char *
techniques_json (PalpNoteEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->techniques->len; i++)
    {
      Technique *t = g_ptr_array_index (self->techniques, i);
      const char *name = gtk_editable_get_text (GTK_EDITABLE (t->name));
      g_autofree char *stripped = g_strstrip (g_strdup (name));
      const char *regions = t->region_ids;

      if (*stripped == '\0')
        continue;  /* a row not filled in yet */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, stripped);
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, gtk_spin_button_get_value_as_int (t->minutes));
      json_builder_set_member_name (builder, "regions");
      json_builder_add_string_value (builder, regions ? regions : "");
      json_builder_set_member_name (builder, "intra_oral");
      json_builder_add_boolean_value (builder, gtk_check_button_get_active (t->intra_oral));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
on_technique_remove_cb (GtkButton      *button,
                        PalpNoteEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  for (guint i = 0; i < self->techniques->len; i++)
    {
      Technique *t = g_ptr_array_index (self->techniques, i);

      if (t->row == row)
        {
          gtk_list_box_remove (self->techniques_box, row);
          g_ptr_array_remove_index (self->techniques, i);
          mark_dirty (self);
          return;
        }
    }
}

static void
technique_show_regions (Technique *t)
{
  g_autofree char *names = t->region_ids ? palp_region_names_for_ids (t->region_ids) : NULL;
  g_autofree char *accessible = g_strdup_printf (_("Regions: %s"), names ? names : _("none"));

  gtk_button_set_label (t->regions, names ? names : _("Regions…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->regions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (t->regions), names);
}

static void
on_regions_chosen_cb (PalpRegionPicker *picker,
                      char            **ids,
                      Technique        *t)
{
  g_free (t->region_ids);
  t->region_ids = ids && ids[0] ? g_strjoinv (",", ids) : NULL;
  technique_show_regions (t);
  mark_dirty (t->editor);
}

static void
on_regions_clicked_cb (GtkButton *button,
                       Technique *t)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  g_auto(GStrv) selected = t->region_ids ? g_strsplit (t->region_ids, ",", -1) : NULL;
  PalpRegionPicker *picker = palp_region_picker_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     TRUE, (const char * const *) selected);

  g_signal_connect (picker, "chosen", G_CALLBACK (on_regions_chosen_cb), t);
  gtk_window_present (GTK_WINDOW (picker));
}

static Technique *
add_technique_row (PalpNoteEditor *self,
                   const char     *name,
                   int             minutes,
                   const char     *regions,
                   gboolean        intra_oral)
{
  Technique *t = g_new0 (Technique, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *remove;
  GtkWidget *minutes_label;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 8);

  t->name = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (t->name, _("Technique, e.g. intra-oral masseter release"));
  gtk_editable_set_text (GTK_EDITABLE (t->name), name ? name : "");
  gtk_widget_set_hexpand (GTK_WIDGET (t->name), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Technique"), -1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (t->name), 0, 0, 3, 1);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove this technique"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove technique"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_grid_attach (GTK_GRID (grid), remove, 3, 0, 1, 1);

  minutes_label = gtk_label_new (_("Minutes"));
  gtk_widget_add_css_class (minutes_label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), minutes_label, 0, 1, 1, 1);
  t->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, MAX_MINUTES, 5));
  gtk_spin_button_set_value (t->minutes, minutes > 0 ? minutes : 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->minutes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Minutes"), -1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (t->minutes), 1, 1, 1, 1);

  t->editor = self;
  t->region_ids = regions && *regions ? g_strdup (regions) : NULL;
  t->regions = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (t->regions), TRUE);
  technique_show_regions (t);
  {
    GtkWidget *label = gtk_button_get_child (t->regions);

    if (GTK_IS_LABEL (label))
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  }
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (t->regions), 2, 1, 1, 1);

  t->intra_oral = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Intra-oral")));
  gtk_check_button_set_active (t->intra_oral, intra_oral);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (t->intra_oral), 3, 1, 1, 1);

  t->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (t->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (t->row), grid);
  g_object_set_data (G_OBJECT (remove), "row", t->row);
  gtk_list_box_append (self->techniques_box, t->row);
  g_ptr_array_add (self->techniques, t);

  gtk_widget_set_sensitive (grid, editable (self));
  g_signal_connect_swapped (t->name, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (t->minutes, "value-changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (t->intra_oral, "toggled", G_CALLBACK (mark_dirty), self);
  g_signal_connect (t->regions, "clicked", G_CALLBACK (on_regions_clicked_cb), t);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_technique_remove_cb), self);
  return t;
}

static void
load_techniques (PalpNoteEditor *self,
                 const char     *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  gtk_list_box_remove_all_compat (self->techniques_box);
  g_ptr_array_set_size (self->techniques, 0);
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (object == NULL)
        continue;
      add_technique_row (self, json_object_get_string_member_with_default (object, "name", ""),
                         (int) json_object_get_int_member_with_default (object, "minutes", 0),
                         json_object_get_string_member_with_default (object, "regions", ""),
                         json_object_get_boolean_member_with_default (object, "intra_oral",
                                                                      FALSE));
    }
}

/* Measurements and progress ----------------------------------------------- */

static gboolean
parse_value (const char *text,
             double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

static gboolean
goal_to_core (PalpPlanGoal *goal,
              PalpGoal     *out)
{
  PalpMeasureKind kind;
  double mic = g_ascii_strtod (palp_plan_goal_get_string (goal, "mic"), NULL);
  gboolean lower = g_strcmp0 (palp_plan_goal_get_string (goal, "direction"), "lower") == 0;

  memset (out, 0, sizeof *out);
  if (!palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind))
    return FALSE;
  if (kind == PALP_MEASURE_CUSTOM ||
      !palp_measure_init (&out->measure, kind, NULL, NULL))
    {
      if (!palp_measure_init_custom (&out->measure,
                                     lower ? PALP_DIRECTION_LOWER_IS_BETTER
                                           : PALP_DIRECTION_HIGHER_IS_BETTER,
                                     mic > 0 ? mic : 1, -INFINITY, INFINITY, NULL))
        return FALSE;
    }
  if (mic > 0)
    out->measure.mic = mic;
  out->baseline = g_ascii_strtod (palp_plan_goal_get_string (goal, "baseline"), NULL);
  out->target = g_ascii_strtod (palp_plan_goal_get_string (goal, "target"), NULL);
  out->baseline_visit = 1;
  out->due_date = palp_plan_goal_get_string (goal, "by-date");
  out->due_visit = (guint) palp_plan_goal_get_int (goal, "by-visit");
  return TRUE;
}

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = g_strdup_printf ("%g", value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (unit[0] == '/')
    return g_strconcat (number, unit, NULL);
  return g_strdup_printf ("%s %s", number, unit);
}

/* The goal's readings at earlier visits and the value typed here, as a
 * series numbered from 2 (the baseline is visit 1). */
static void
update_progress (PalpNoteEditor *self,
                 Measure        *measure)
{
  g_autoptr(GListModel) readings = NULL;
  g_autoptr(GArray) series = g_array_new (FALSE, TRUE, sizeof (PalpMeasurement));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = palp_date_today_iso ();
  g_autofree char *text = NULL;
  const char *unit = palp_plan_goal_get_string (measure->goal, "unit");
  const char *visit_starts = palp_visit_get_string (self->visit, "starts-at");
  PalpGoalProgress progress;
  PalpGoal goal;
  double value;
  guint n;

  if (!goal_to_core (measure->goal, &goal))
    return;
  readings = palp_store_list_readings (self->store, palp_plan_goal_get_int (measure->goal, "id"),
                                       0, NULL);
  n = readings ? g_list_model_get_n_items (readings) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReading) reading = g_list_model_get_item (readings, i);
      const char *starts = palp_reading_get_string (reading, "visit-starts-at");
      PalpMeasurement m = { 0 };

      if (palp_reading_get_int (reading, "visit-id") == palp_visit_get_int (self->visit, "id"))
        continue;
      if (starts != NULL && visit_starts != NULL && strcmp (starts, visit_starts) > 0)
        continue;  /* after this visit */
      m.visit = series->len + 2;
      if (starts != NULL)
        {
          g_ptr_array_add (dates, g_strndup (starts, 10));
          m.date = g_ptr_array_index (dates, dates->len - 1);
        }
      m.value = g_ascii_strtod (palp_reading_get_string (reading, "value"), NULL);
      g_array_append_val (series, m);
    }
  if (parse_value (gtk_editable_get_text (GTK_EDITABLE (measure->entry)), &value))
    {
      PalpMeasurement m = { series->len + 2, NULL, value };

      g_array_append_val (series, m);
    }

  if (!palp_goal_progress (&goal, (const PalpMeasurement *) (gpointer) series->data, series->len,
                           today, series->len + 1, &progress, NULL))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (measure->progress_row), "");
      return;
    }
  {
    g_autofree char *baseline = format_value (goal.baseline, unit);
    g_autofree char *current = format_value (progress.current, unit);
    g_autofree char *target = format_value (goal.target, unit);

    if (!progress.measured)
      /* Translators: a goal's progress before any measurement. */
      text = g_strdup_printf (_("Baseline %s, target %s: not measured since the baseline"),
                              baseline, target);
    else if (progress.met)
      /* Translators: baseline → latest, target. */
      text = g_strdup_printf (_("%s → %s, target %s: goal met"), baseline, current, target);
    else
      /* Translators: baseline → latest, target, percent of the way. */
      text = g_strdup_printf (_("%s → %s, target %s: %.0f%% of the way%s"),
                              baseline, current, target, progress.percent,
                              progress.important_change ? _(", an important change")
                                                        : _(", not yet an important change"));
    if (progress.overdue)
      {
        char *more = g_strconcat (text, " ", _("(overdue)"), NULL);

        g_free (text);
        text = more;
      }
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (measure->progress_row), text);
}

static void
on_measure_changed_cb (GtkEditable    *entry,
                       PalpNoteEditor *self)
{
  for (guint i = 0; i < self->measures->len; i++)
    {
      Measure *measure = g_ptr_array_index (self->measures, i);

      if (GTK_EDITABLE (measure->entry) == entry)
        {
          const char *text = gtk_editable_get_text (entry);
          double value;
          gboolean ok = *text == '\0' || parse_value (text, &value);

          if (ok)
            gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
          else
            gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          update_progress (self, measure);
        }
    }
  mark_dirty (self);
}

static void
load_measures (PalpNoteEditor *self)
{
  g_autoptr(GListModel) plans = NULL;
  gint64 visit_id = palp_visit_get_int (self->visit, "id");
  guint n;

  g_ptr_array_set_size (self->measures, 0);
  plans = palp_store_list_plans (self->store, palp_visit_get_int (self->visit, "client-id"), NULL);
  n = plans ? g_list_model_get_n_items (plans) : 0;
  for (guint p = 0; p < n; p++)
    {
      g_autoptr(PalpPlan) plan = g_list_model_get_item (plans, p);
      g_autoptr(GListModel) goals = NULL;

      if (g_strcmp0 (palp_record_get_string (PALP_RECORD (plan), "status"), "active") != 0)
        continue;
      goals = palp_store_list_plan_goals (self->store, palp_record_get_int (PALP_RECORD (plan), "id"),
                                          NULL);
      for (guint g = 0; goals && g < g_list_model_get_n_items (goals); g++)
        {
          g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (goals, g);
          g_autoptr(GListModel) readings = NULL;
          Measure *measure;
          GtkWidget *row, *unit_label;
          const char *label = palp_plan_goal_get_string (goal, "label");
          const char *unit = palp_plan_goal_get_string (goal, "unit");
          PalpMeasureKind kind;
          g_autofree char *title = NULL;

          if (palp_plan_goal_get_int (goal, "archived"))
            continue;
          if (!palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind))
            continue;
          measure = g_new0 (Measure, 1);
          measure->goal = g_object_ref (goal);
          title = label && *label ? g_strdup_printf ("%s — %s", palp_measure_kind_get_label (kind),
                                                     label)
                                  : g_strdup (palp_measure_kind_get_label (kind));

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), palp_plan_goal_get_string (goal, "goal"));
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
          measure->entry = GTK_ENTRY (gtk_entry_new ());
          gtk_editable_set_width_chars (GTK_EDITABLE (measure->entry), 6);
          gtk_widget_set_valign (GTK_WIDGET (measure->entry), GTK_ALIGN_CENTER);
          gtk_entry_set_input_purpose (measure->entry, GTK_INPUT_PURPOSE_NUMBER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (measure->entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (measure->entry));
          unit_label = gtk_label_new (unit ? unit : "");
          gtk_widget_add_css_class (unit_label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit_label);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (measure->entry));
          adw_preferences_group_add (self->measures_group, row);

          readings = palp_store_list_readings (self->store, palp_plan_goal_get_int (goal, "id"),
                                               visit_id, NULL);
          if (readings && g_list_model_get_n_items (readings) > 0)
            {
              g_autoptr(PalpReading) reading = g_list_model_get_item (readings, 0);

              measure->reading_id = palp_reading_get_int (reading, "id");
              measure->saved_value = g_strdup (palp_reading_get_string (reading, "value"));
              gtk_editable_set_text (GTK_EDITABLE (measure->entry), measure->saved_value);
            }
          gtk_widget_set_sensitive (GTK_WIDGET (measure->entry), editable (self));

          measure->progress_row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (measure->progress_row),
                                         palp_plan_goal_get_string (goal, "goal"));
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (measure->progress_row), 0);
          adw_preferences_group_add (self->assessment_group, measure->progress_row);

          g_ptr_array_add (self->measures, measure);
          update_progress (self, measure);
          g_signal_connect (measure->entry, "changed", G_CALLBACK (on_measure_changed_cb), self);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->measures_group), self->measures->len > 0);
}

/* Saving ----------------------------------------------------------------- */

static gboolean
save_measures (PalpNoteEditor  *self,
               GError         **error)
{
  for (guint i = 0; i < self->measures->len; i++)
    {
      Measure *measure = g_ptr_array_index (self->measures, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (measure->entry));
      g_autofree char *value_text = NULL;
      double value;

      if (*text == '\0')
        {
          if (measure->reading_id != 0)
            {
              if (!palp_store_delete_reading (self->store, measure->reading_id, error))
                return FALSE;
              measure->reading_id = 0;
              g_clear_pointer (&measure->saved_value, g_free);
            }
          continue;
        }
      if (!parse_value (text, &value))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       /* Translators: %s is what was typed as a measurement. */
                       _("“%s” is not a number: the measurement was not saved."), text);
          return FALSE;
        }
      value_text = g_strdup_printf ("%g", value);
      if (g_strcmp0 (value_text, measure->saved_value) == 0)
        continue;
      {
        g_autoptr(PalpReading) reading = palp_reading_new ();

        g_object_set (reading, "id", measure->reading_id,
                      "visit-id", palp_visit_get_int (self->visit, "id"),
                      "goal-id", palp_plan_goal_get_int (measure->goal, "id"),
                      "value", value_text, NULL);
        if (!palp_store_save_reading (self->store, reading, error))
          return FALSE;
        measure->reading_id = palp_reading_get_int (reading, "id");
        g_free (measure->saved_value);
        measure->saved_value = g_steal_pointer (&value_text);
      }
    }
  return TRUE;
}

static gboolean
save_oral (PalpNoteEditor  *self,
           GError         **error)
{
  g_autoptr(PalpOralAssessment) oral = NULL;
  const char *note;

  if (!self->oral_dirty)
    return TRUE;
  oral = palp_oral_assessment_new ();
  g_object_set (oral, "visit-id", palp_visit_get_int (self->visit, "id"),
                "gloves", (gint64) gtk_switch_get_active (self->gloves_switch), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (oral_items); i++)
    g_object_set (oral, oral_items[i].property,
                  (gint64) gtk_switch_get_active (self->oral_switches[i]), NULL);
  note = gtk_editable_get_text (GTK_EDITABLE (self->oral_note_row));
  g_object_set (oral, "note", *note ? note : NULL, NULL);
  if (!palp_store_save_oral_assessment (self->store, oral, error))
    return FALSE;
  self->oral_dirty = FALSE;
  self->oral_exists = TRUE;
  return TRUE;
}

gboolean
palp_note_editor_save_now (PalpNoteEditor  *self,
                           GError         **error)
{
  g_autofree char *techniques = NULL;
  guint pain;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || !editable (self))
    return TRUE;

  techniques = techniques_json (self);
  pain = adw_combo_row_get_selected (self->pain_row);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *text = buffer_text (self->buffers[i]);

      g_object_set (self->note, sections[i], text, NULL);
    }
  g_object_set (self->note, "techniques", techniques,
                "has-pain", (gint64) (pain > 0 && pain != GTK_INVALID_LIST_POSITION),
                "pain", (gint64) (pain > 0 && pain != GTK_INVALID_LIST_POSITION ? pain - 1 : 0),
                "draping", (gint64) gtk_switch_get_active (self->draping_switch),
                "gloves", (gint64) gtk_switch_get_active (self->gloves_switch),
                "check-ins", (gint64) gtk_switch_get_active (self->check_ins_switch), NULL);

  ok = palp_store_save_soap_note (self->store, self->note, error) &&
       save_oral (self, error) &&
       save_measures (self, error);
  if (ok)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      self->dirty = FALSE;
      g_free (self->saved_at);
      self->saved_at = g_date_time_format (now, "%X");
      show_problem (self, NULL);
      g_signal_emit (self, signals[SAVED], 0);
    }
  update_state (self);
  return ok;
}

static gboolean
save_tick_cb (gpointer data)
{
  PalpNoteEditor *self = data;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  if (now - self->last_change < SAVE_QUIET_US && now - self->first_change < SAVE_LATEST_US)
    return G_SOURCE_CONTINUE;
  self->save_source = 0;
  if (!palp_note_editor_save_now (self, &error))
    show_problem (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (PalpNoteEditor *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->loading || !editable (self))
    return;
  if (!self->dirty)
    self->first_change = now;
  self->dirty = TRUE;
  self->last_change = now;
  if (self->save_source == 0)
    self->save_source = g_timeout_add (200, save_tick_cb, self);
  update_state (self);
}

static void
on_oral_changed_cb (PalpNoteEditor *self)
{
  if (self->loading)
    return;
  self->oral_dirty = TRUE;
  mark_dirty (self);
}

/* Gloves belong to the note, and to the oral assessment once there is one. */
static void
on_gloves_changed_cb (PalpNoteEditor *self)
{
  gboolean oral = self->oral_exists;

  for (guint i = 0; !oral && i < G_N_ELEMENTS (oral_items); i++)
    oral = gtk_switch_get_active (self->oral_switches[i]);
  if (oral)
    on_oral_changed_cb (self);
  else
    mark_dirty (self);
}

/* State ------------------------------------------------------------------ */

static void
update_state (PalpNoteEditor *self)
{
  g_autofree char *text = NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->visit == NULL)
    text = g_strdup ("");
  else if (self->is_signed)
    {
      const char *signed_at = palp_visit_get_string (self->visit, "signed-at");
      g_autofree char *minute = signed_at ? g_strndup (signed_at, 16) : NULL;
      g_autofree char *when = palp_ui_format_local_time (minute, palp_ui_country (self->clinic));

      text = g_strdup_printf (_("Signed %s: corrections are amendments"),
                              when ? when : (signed_at ? signed_at : ""));
    }
  else if (self->read_only_reason != NULL)
    text = g_strdup (self->read_only_reason);
  else if (self->dirty)
    text = g_strdup (_("Draft: saving…"));
  else if (self->saved_at != NULL)
    /* Translators: %s is a time of day. */
    text = g_strdup_printf (_("Draft saved at %s"), self->saved_at);
  else
    text = g_strdup (_("Draft: saved as you type"));
  gtk_label_set_text (self->state_label, text);

  gtk_widget_action_set_enabled (widget, "note.copy-forward",
                                 editable (self) && note_is_empty (self));
  gtk_widget_action_set_enabled (widget, "note.insert-summary",
                                 editable (self) && self->chart_summary != NULL);
  gtk_widget_action_set_enabled (widget, "note.add-technique", editable (self));
  gtk_widget_action_set_enabled (widget, "note.amend",
                                 self->is_signed &&
                                   palp_ui_user_may (self->user, PALP_ACTION_AMEND_NOTES,
                                                     palp_visit_get_int (self->visit,
                                                                         "practitioner-id"),
                                                     NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), editable (self));
  gtk_widget_set_visible (self->copy_forward_button, editable (self));
}

/* The gates passed on the practitioner's judgement, with their reasons. */
static guint
load_overrides (PalpNoteEditor *self)
{
  g_autoptr(GListModel) overrides =
    palp_store_list_gate_overrides (self->store, palp_visit_get_int (self->visit, "id"), NULL);
  guint n = overrides ? g_list_model_get_n_items (overrides) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpGateOverride) o = g_list_model_get_item (overrides, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-important-symbolic");
      /* Translators: a safety gate passed on the practitioner's judgement. */
      g_autofree char *title = g_strdup_printf (_("%s: passed on judgement"),
                                                palp_gate_get_title (palp_record_get_string (
                                                  PALP_RECORD (o), "gate")));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   palp_record_get_string (PALP_RECORD (o), "reason"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overridden"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->contra_box, row);
    }
  return n;
}

static void
load_safety (PalpNoteEditor *self)
{
  g_autoptr(GListModel) screenings = NULL;
  g_autoptr(GListModel) contras = NULL;
  g_autoptr(GError) error = NULL;
  gint64 client_id = palp_visit_get_int (self->visit, "client-id");
  g_autofree char *visit_date = g_strndup (palp_visit_get_string (self->visit, "starts-at"), 10);
  const char *screened_on = NULL;
  guint n;

  screenings = palp_store_list_screenings (self->store, client_id, NULL);
  for (guint i = 0; screenings && i < g_list_model_get_n_items (screenings); i++)
    {
      g_autoptr(PalpScreeningRecord) screening = g_list_model_get_item (screenings, i);
      const char *taken_on = palp_record_get_string (PALP_RECORD (screening), "taken-on");

      if (taken_on != NULL && strcmp (taken_on, visit_date) <= 0)
        {
          screened_on = g_intern_string (taken_on);
          break;
        }
    }
  if (palp_screening_is_current (screened_on, FALSE, visit_date,
                                 self->settings.screening.max_age_days, &error))
    {
      g_autofree char *when = palp_date_format_short (screened_on, palp_ui_country (self->clinic));

      /* Translators: %s is a date. */
      g_autofree char *text = g_strdup_printf (_("Current: screened on %s"), when ? when : screened_on);

      adw_action_row_set_subtitle (self->screening_row, text);
      gtk_image_set_from_icon_name (self->screening_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->screening_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->screening_icon), "success");
    }
  else
    {
      adw_action_row_set_subtitle (self->screening_row, error ? error->message : "");
      gtk_image_set_from_icon_name (self->screening_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->screening_icon), "warning");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->screening_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Needs attention") : _("Passed"), -1);

  gtk_list_box_remove_all_compat (self->contra_box);
  contras = palp_store_list_active_contraindications (self->store, client_id, NULL);
  n = contras ? g_list_model_get_n_items (contras) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpFindingRecord) finding = g_list_model_get_item (contras, i);
      const char *kind_key = palp_record_get_string (PALP_RECORD (finding), "kind");
      const char *severity_key = palp_record_get_string (PALP_RECORD (finding), "severity");
      const char *note = palp_record_get_string (PALP_RECORD (finding), "note");
      const char *region_id = palp_record_get_string (PALP_RECORD (finding), "region-id");
      const PalpRegion *region = region_id && self->atlas
                                   ? palp_atlas_find_region (self->atlas, region_id) : NULL;
      PalpContraKind kind;
      PalpSeverity severity;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *subtitle = NULL;

      if (!palp_contra_kind_from_key (kind_key, &kind))
        kind = PALP_CONTRA_OTHER;
      if (!palp_severity_from_key (severity_key, &severity))
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_contra_kind_get_label (kind));
      subtitle = g_strjoin (" · ", palp_severity_get_label (severity),
                            region ? palp_region_get_name (region) : (note ? note : ""),
                            region && note ? note : NULL, NULL);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (severity == PALP_SEVERITY_ABSOLUTE
                                             ? "dialog-error-symbolic"
                                             : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, severity == PALP_SEVERITY_ABSOLUTE ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      palp_severity_get_label (severity), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->contra_box, row);
    }
  n += load_overrides (self);
  gtk_widget_set_visible (GTK_WIDGET (self->contra_box), n > 0);
}

static void
load_oral (PalpNoteEditor *self)
{
  g_autoptr(PalpOralAssessment) oral =
    palp_store_load_oral_assessment (self->store, palp_visit_get_int (self->visit, "id"), NULL);

  self->oral_exists = oral != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (oral_items); i++)
    gtk_switch_set_active (self->oral_switches[i],
                           oral && palp_record_get_int (PALP_RECORD (oral), oral_items[i].property));
  gtk_editable_set_text (GTK_EDITABLE (self->oral_note_row),
                         oral && palp_record_get_string (PALP_RECORD (oral), "note")
                           ? palp_record_get_string (PALP_RECORD (oral), "note") : "");
  adw_expander_row_set_subtitle (self->oral_row,
                                 oral ? _("Recorded for this visit")
                                      : _("Needed before intra-oral techniques"));
}

static void
load_amendments (PalpNoteEditor *self)
{
  g_autoptr(GListModel) amendments = NULL;
  guint n;

  gtk_list_box_remove_all_compat (self->amendments_box);
  amendments = palp_store_list_amendments (self->store, palp_visit_get_int (self->visit, "id"),
                                           NULL);
  n = amendments ? g_list_model_get_n_items (amendments) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpAmendment) amendment = g_list_model_get_item (amendments, i);
      g_autofree char *author = palp_ui_user_name (self->store, NULL,
                                                   palp_record_get_int (PALP_RECORD (amendment),
                                                                        "author-id"));
      const char *created = palp_record_get_string (PALP_RECORD (amendment), "created-at");
      g_autofree char *minute = created ? g_strndup (created, 16) : NULL;
      g_autofree char *when = palp_ui_format_local_time (minute, palp_ui_country (self->clinic));
      /* Translators: an amendment's heading: its reason, author and time. */
      g_autofree char *title = g_strdup_printf (_("%s — %s, %s"),
                                                palp_record_get_string (PALP_RECORD (amendment),
                                                                        "reason"),
                                                author ? author : "", when ? when : "");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   palp_record_get_string (PALP_RECORD (amendment), "text"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->amendments_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->amendments_box), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments_group), self->is_signed);
}

static void
set_sensitivity (PalpNoteEditor *self)
{
  gboolean can = editable (self);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *view = g_object_get_data (G_OBJECT (self->buffers[i]), "view");

      gtk_text_view_set_editable (GTK_TEXT_VIEW (view), can);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->pain_row), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->draping_switch), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gloves_switch), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_ins_switch), can);
  for (guint i = 0; i < G_N_ELEMENTS (oral_items); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->oral_switches[i]), can);
  gtk_widget_set_sensitive (GTK_WIDGET (self->oral_note_row), can);
  for (guint i = 0; i < self->techniques->len; i++)
    gtk_widget_set_sensitive (gtk_list_box_row_get_child (
                                GTK_LIST_BOX_ROW (((Technique *) self->techniques->pdata[i])->row)),
                              can);
  for (guint i = 0; i < self->measures->len; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (((Measure *) self->measures->pdata[i])->entry), can);
}

static void
fill_from_note (PalpNoteEditor *self,
                PalpSoapNote   *note,
                gboolean        with_pain)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const char *text = palp_soap_note_get_string (note, sections[i]);

      if (!with_pain && i == G_N_ELEMENTS (sections) - 1)
        continue;  /* copy forward leaves adverse effects to today */
      gtk_text_buffer_set_text (self->buffers[i], text ? text : "", -1);
    }
  if (with_pain)
    adw_combo_row_set_selected (self->pain_row,
                                palp_soap_note_get_int (note, "has-pain")
                                  ? (guint) palp_soap_note_get_int (note, "pain") + 1 : 0);
  gtk_switch_set_active (self->draping_switch, palp_soap_note_get_int (note, "draping"));
  gtk_switch_set_active (self->gloves_switch, palp_soap_note_get_int (note, "gloves"));
  gtk_switch_set_active (self->check_ins_switch, palp_soap_note_get_int (note, "check-ins"));
  load_techniques (self, palp_soap_note_get_string (note, "techniques"));
}

void
palp_note_editor_load (PalpNoteEditor *self,
                       PalpStore      *store,
                       PalpClinic     *clinic,
                       PalpUser       *user,
                       PalpAtlas      *atlas,
                       gint64          visit_id)
{
  g_autoptr(GError) error = NULL;
  gint64 practitioner;

  g_return_if_fail (PALP_IS_NOTE_EDITOR (self));
  g_return_if_fail (PALP_IS_STORE (store));

  g_set_object (&self->store, store);
  g_set_object (&self->clinic, clinic);
  g_set_object (&self->user, user);
  self->atlas = atlas;
  g_clear_object (&self->visit);
  g_clear_object (&self->note);
  g_clear_pointer (&self->read_only_reason, g_free);

  self->visit = palp_store_load_visit (store, visit_id, &error);
  if (self->visit == NULL)
    {
      show_problem (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
      update_state (self);
      return;
    }
  if (!palp_store_load_clinical_settings (store, &self->settings, NULL))
    palp_clinical_settings_init_default (&self->settings);

  /* The note's text is the practitioners' unless the clinic lets admins
   * read it: for anyone else it never reaches a widget. */
  {
    PalpSecuritySettings security;
    PalpActor actor = palp_ui_actor_for_user (user);
    g_autoptr(GError) refused = NULL;

    palp_security_settings_init_default (&security);
    palp_store_load_security_settings (store, &security, NULL);
    if (!palp_permission_check_narrative (&actor, security.admins_read_narratives, &refused))
      {
        self->loading = TRUE;
        for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
          gtk_text_buffer_set_text (self->buffers[i], palp_narrative_shown (FALSE, NULL), -1);
        self->loading = FALSE;
        self->dirty = FALSE;
        self->read_only_reason = g_strdup (palp_narrative_shown (FALSE, NULL));
        show_problem (self, refused->message);
        gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
        update_state (self);
        return;
      }
  }

  self->loading = TRUE;
  self->is_signed = palp_visit_get_string (self->visit, "signed-at") != NULL;
  practitioner = palp_visit_get_int (self->visit, "practitioner-id");
  if (self->is_signed)
    self->read_only_reason = g_strdup (_("Signed"));
  else if (!palp_ui_user_may (user, PALP_ACTION_DOCUMENT_VISIT, practitioner, NULL))
    {
      g_autofree char *name = palp_ui_user_name (store, NULL, practitioner);

      self->read_only_reason =
        g_strdup_printf (_("Only %s, who saw the client, writes and signs this note."),
                         name ? name : _("the visit’s practitioner"));
    }

  self->note = palp_store_load_soap_note (store, visit_id, &error);
  if (self->note == NULL)
    {
      if (error != NULL)
        show_problem (self, error->message);
      self->note = palp_soap_note_new ();
      g_object_set (self->note, "visit-id", visit_id, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        gtk_text_buffer_set_text (self->buffers[i], "", -1);
      adw_combo_row_set_selected (self->pain_row, 0);
      load_techniques (self, NULL);
    }
  else
    fill_from_note (self, self->note, TRUE);

  load_safety (self);
  load_oral (self);
  load_measures (self);
  load_amendments (self);
  set_sensitivity (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  self->oral_dirty = FALSE;
  update_state (self);
}

/* Signing ---------------------------------------------------------------- */

static GArray *
collect_overrides (PalpNoteEditor *self)
{
  GArray *overrides = g_array_new (FALSE, TRUE, sizeof (PalpSignOverride));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->override_entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (value));
      PalpSignOverride o = { key, reason };

      if (reason[strspn (reason, " \t")] != '\0')
        g_array_append_val (overrides, o);
    }
  return overrides;
}

static void
update_sign_button (PalpNoteEditor *self)
{
  g_autoptr(GArray) overrides = collect_overrides (self);
  gboolean may = self->gates != NULL;
  guint blocked = 0;

  for (guint i = 0; self->gates && i < self->gates->len; i++)
    {
      PalpGateResult *gate = g_ptr_array_index (self->gates, i);
      gboolean overridden = FALSE;

      if (gate->status != PALP_GATE_BLOCKED)
        continue;
      for (guint j = 0; j < overrides->len; j++)
        if (g_strcmp0 (g_array_index (overrides, PalpSignOverride, j).key, gate->key) == 0)
          overridden = gate->overridable;
      if (!overridden)
        {
          may = FALSE;
          blocked++;
        }
    }
  gtk_widget_set_sensitive (self->sign_confirm_button, may);
  if (self->gates == NULL)
    return;
  if (may)
    gtk_label_set_text (self->sign_hint_label,
                        _("Signing locks the note, its chart and its measurements. "
                          "Corrections are then added as amendments."));
  else
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u gate blocks signing: fix it, or give a reason where a "
                                   "gate may be passed on your judgement.",
                                   "%u gates block signing: fix them, or give a reason where a "
                                   "gate may be passed on your judgement.", blocked), blocked);

      gtk_label_set_text (self->sign_hint_label, text);
    }
}

static void
on_override_activate_cb (PalpNoteEditor *self)
{
  if (gtk_widget_get_sensitive (self->sign_confirm_button))
    gtk_widget_activate_action (GTK_WIDGET (self), "note.sign", NULL);
}

static GtkWidget *
gate_row (PalpNoteEditor *self,
          PalpGateResult *gate)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon, *title, *reason;
  const char *icon_name, *status_text, *style;
  g_autofree char *accessible = NULL;

  switch (gate->status)
    {
    case PALP_GATE_PASSED:
      icon_name = "emblem-ok-symbolic";
      status_text = _("Passed");
      style = "success";
      break;
    case PALP_GATE_OVERRIDDEN:
      icon_name = "emblem-important-symbolic";
      status_text = _("Passed on your judgement");
      style = "warning";
      break;
    case PALP_GATE_BLOCKED:
    default:
      icon_name = "dialog-error-symbolic";
      status_text = _("Blocks signing");
      style = "error";
      break;
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_text, -1);
  gtk_box_append (GTK_BOX (head), icon);
  title = gtk_label_new (gate->title);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (box), head);

  reason = gtk_label_new (gate->reason);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (reason), 44);
  gtk_box_append (GTK_BOX (box), reason);
  if (gate->fix != NULL)
    {
      GtkWidget *fix = gtk_label_new (gate->fix);

      gtk_label_set_wrap (GTK_LABEL (fix), TRUE);
      gtk_label_set_xalign (GTK_LABEL (fix), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (fix), 44);
      gtk_widget_add_css_class (fix, "dim-label");
      gtk_box_append (GTK_BOX (box), fix);
    }
  if (gate->source != NULL)
    {
      GtkWidget *source = gtk_label_new (gate->source);

      gtk_label_set_xalign (GTK_LABEL (source), 0);
      gtk_label_set_wrap (GTK_LABEL (source), TRUE);
      gtk_widget_add_css_class (source, "caption");
      gtk_widget_add_css_class (source, "dim-label");
      gtk_box_append (GTK_BOX (box), source);
    }
  if (gate->overridable && gate->status != PALP_GATE_PASSED)
    {
      GtkWidget *entry = g_hash_table_lookup (self->override_entries, gate->key);
      g_autofree char *label = g_strdup_printf (_("Reason to pass “%s” on your judgement"),
                                                gate->title);

      if (entry == NULL)
        {
          entry = gtk_entry_new ();
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                          _("Reason to pass this on your judgement"));
          g_hash_table_insert (self->override_entries, g_strdup (gate->key),
                               g_object_ref_sink (entry));
          g_signal_connect_swapped (entry, "changed", G_CALLBACK (update_sign_button), self);
          /* Return in a reason signs, once nothing else blocks. */
          gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
          g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_override_activate_cb), self);
        }
      else if (gtk_widget_get_parent (entry) != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (entry)), entry);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_box_append (GTK_BOX (box), entry);
    }

  accessible = g_strdup_printf ("%s: %s. %s", gate->title, status_text, gate->reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return box;
}

static void
check_gates (PalpNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) overrides = NULL;
  gboolean may_sign = FALSE;

  if (!palp_note_editor_save_now (self, &error))
    {
      gtk_list_box_remove_all_compat (self->gates_box);
      g_clear_pointer (&self->gates, g_ptr_array_unref);
      gtk_label_set_text (self->sign_hint_label, error->message);
      gtk_widget_set_sensitive (self->sign_confirm_button, FALSE);
      return;
    }
  overrides = collect_overrides (self);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  gtk_list_box_remove_all_compat (self->gates_box);
  self->gates = palp_store_check_signing (self->store, palp_visit_get_int (self->visit, "id"),
                                          (const PalpSignOverride *) (gpointer) overrides->data,
                                          overrides->len, &may_sign, &error);
  if (self->gates == NULL)
    {
      gtk_label_set_text (self->sign_hint_label, error->message);
      gtk_widget_set_sensitive (self->sign_confirm_button, FALSE);
      return;
    }
  for (guint i = 0; i < self->gates->len; i++)
    gtk_list_box_append (self->gates_box, gate_row (self, g_ptr_array_index (self->gates, i)));
  update_sign_button (self);
}

/* The gates are checked again each time the popover is about to open. */
static void
create_sign_popup_cb (GtkMenuButton *button,
                      gpointer       data)
{
  check_gates (PALP_NOTE_EDITOR (data));
}

/* When nothing blocks, Return signs: Ctrl+Return, read, Return. */
static void
on_sign_popover_map_cb (PalpNoteEditor *self)
{
  GtkWidget *first_entry = NULL;

  for (guint i = 0; self->gates && i < self->gates->len && first_entry == NULL; i++)
    {
      PalpGateResult *gate = g_ptr_array_index (self->gates, i);

      if (gate->status == PALP_GATE_BLOCKED)
        first_entry = g_hash_table_lookup (self->override_entries, gate->key);
    }
  if (gtk_widget_get_sensitive (self->sign_confirm_button))
    gtk_widget_grab_focus (self->sign_confirm_button);
  else if (first_entry != NULL)
    gtk_widget_grab_focus (first_entry);
}

void
palp_note_editor_show_gates (PalpNoteEditor *self)
{
  g_return_if_fail (PALP_IS_NOTE_EDITOR (self));

  if (!editable (self))
    return;
  gtk_menu_button_popup (self->sign_button);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) overrides = NULL;
  gint64 visit_id;

  if (!editable (self) || !palp_note_editor_save_now (self, &error))
    {
      if (error != NULL)
        gtk_label_set_text (self->sign_hint_label, error->message);
      return;
    }
  overrides = collect_overrides (self);
  visit_id = palp_visit_get_int (self->visit, "id");
  if (!palp_store_sign_note (self->store, visit_id,
                             (const PalpSignOverride *) (gpointer) overrides->data,
                             overrides->len, &error))
    {
      gtk_label_set_text (self->sign_hint_label, error->message);
      check_gates (self);
      return;
    }
  gtk_popover_popdown (self->sign_popover);
  g_hash_table_remove_all (self->override_entries);
  palp_note_editor_load (self, self->store, self->clinic, self->user, self->atlas, visit_id);
  g_signal_emit (self, signals[SIGNED], 0);
}

static void
show_gates_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  palp_note_editor_show_gates (PALP_NOTE_EDITOR (widget));
}

/* Other actions ---------------------------------------------------------- */

static void
copy_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (widget);
  g_autoptr(GListModel) visits = NULL;
  const char *starts = palp_visit_get_string (self->visit, "starts-at");
  g_autoptr(PalpSoapNote) last = NULL;
  g_autofree char *last_starts = NULL;

  if (!editable (self))
    return;
  visits = palp_store_list_visits (self->store, palp_visit_get_int (self->visit, "client-id"),
                                   NULL);
  for (guint i = 0; visits && i < g_list_model_get_n_items (visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i);
      const char *other = palp_visit_get_string (visit, "starts-at");
      g_autoptr(PalpSoapNote) note = NULL;

      if (palp_visit_get_int (visit, "id") == palp_visit_get_int (self->visit, "id") ||
          other == NULL || starts == NULL || strcmp (other, starts) >= 0 ||
          (last_starts != NULL && strcmp (other, last_starts) <= 0))
        continue;
      note = palp_store_load_soap_note (self->store, palp_visit_get_int (visit, "id"), NULL);
      if (note == NULL)
        continue;
      g_set_object (&last, note);
      g_free (last_starts);
      last_starts = g_strdup (other);
    }
  if (last == NULL)
    {
      show_problem (self, _("There is no earlier note for this client to start from."));
      return;
    }
  fill_from_note (self, last, FALSE);
  mark_dirty (self);
}

static void
insert_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (widget);
  GtkTextBuffer *buffer = self->buffers[section_index ("objective")];
  GtkTextIter end;

  if (!editable (self) || self->chart_summary == NULL)
    return;
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_buffer_get_char_count (buffer) > 0)
    gtk_text_buffer_insert (buffer, &end, "\n", -1);
  gtk_text_buffer_insert (buffer, &end, self->chart_summary, -1);
}

static void
add_technique_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (widget);
  Technique *t;

  if (!editable (self))
    return;
  t = add_technique_row (self, NULL, 10, self->chart_regions, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (t->name));
  update_state (self);
}

static void
on_amend_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PalpNoteEditor   *self)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "text");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "amend") != 0)
    return;
  text = buffer_text (buffer);
  if (palp_store_add_amendment (self->store, palp_visit_get_int (self->visit, "id"),
                                gtk_editable_get_text (reason), text ? text : "", &error) == 0)
    show_problem (self, error->message);
  else
    show_problem (self, NULL);
  load_amendments (self);
}

static void
on_amend_fields_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "text");
  g_autofree char *text = buffer_text (buffer);
  const char *r = gtk_editable_get_text (reason);

  adw_message_dialog_set_response_enabled (dialog, "amend",
                                           text != NULL && r[strspn (r, " \t")] != '\0');
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box, *reason, *frame, *view;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Amend Signed Note"),
                                                       _("The note stays as it was signed. The "
                                                         "amendment is added below it with your "
                                                         "name, the time and the reason.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, e.g. wrong side recorded"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the amendment"), -1);
  gtk_box_append (GTK_BOX (box), reason);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amendment"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "amend", _("_Add Amendment"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "amend", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "amend", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "text", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_signal_connect_swapped (reason, "changed", G_CALLBACK (on_amend_fields_changed_cb), dialog);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (on_amend_fields_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_amend_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction ----------------------------------------------------------- */

static GtkTextBuffer *
add_text_section (PalpNoteEditor      *self,
                  AdwPreferencesGroup *group,
                  const char          *accessible_name,
                  int                  min_height)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, min_height);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  gtk_widget_add_css_class (frame, "palp-note-text");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (group, frame);
  g_object_set_data (G_OBJECT (buffer), "view", view);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (mark_dirty), self);
  return buffer;
}

static void
build_oral (PalpNoteEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (oral_items); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(oral_items[i].label));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      if (oral_items[i].finding)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Blocks intra-oral work when found"));
      adw_expander_row_add_row (self->oral_row, row);
      self->oral_switches[i] = GTK_SWITCH (sw);
      g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (on_oral_changed_cb), self);
    }
  self->oral_note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->oral_note_row),
                                 _("Oral assessment note"));
  adw_expander_row_add_row (self->oral_row, GTK_WIDGET (self->oral_note_row));
  g_signal_connect_swapped (self->oral_note_row, "changed", G_CALLBACK (on_oral_changed_cb), self);
}

static void
build_pain (PalpNoteEditor *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_string_list_append (levels, _("Not rated"));
  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *label = NULL;

      if (i == 0)
        label = g_strdup (_("0 — no pain"));
      else if (i == 10)
        label = g_strdup (_("10 — worst imaginable"));
      else
        label = g_strdup_printf ("%d", i);
      gtk_string_list_append (levels, label);
    }
  adw_combo_row_set_model (self->pain_row, G_LIST_MODEL (levels));
  g_signal_connect_swapped (self->pain_row, "notify::selected", G_CALLBACK (mark_dirty), self);
}

void
palp_note_editor_set_chart_summary (PalpNoteEditor *self,
                                    const char     *summary)
{
  g_return_if_fail (PALP_IS_NOTE_EDITOR (self));

  g_free (self->chart_summary);
  self->chart_summary = summary && *summary ? g_strdup (summary) : NULL;
  update_state (self);
}

void
palp_note_editor_set_chart_regions (PalpNoteEditor *self,
                                    const char     *regions)
{
  g_return_if_fail (PALP_IS_NOTE_EDITOR (self));

  g_free (self->chart_regions);
  self->chart_regions = regions && *regions ? g_strdup (regions) : NULL;
}

gboolean
palp_note_editor_get_dirty (PalpNoteEditor *self)
{
  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
palp_note_editor_get_signed (PalpNoteEditor *self)
{
  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), FALSE);
  return self->is_signed;
}

const char *
palp_note_editor_get_problem (PalpNoteEditor *self)
{
  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), NULL);
  return self->problem;
}

GtkTextBuffer *
palp_note_editor_get_buffer (PalpNoteEditor *self,
                             const char     *section)
{
  int i;

  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), NULL);
  i = section_index (section);
  return i < 0 ? NULL : self->buffers[i];
}

GtkWidget *
palp_note_editor_get_first_field (PalpNoteEditor *self)
{
  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), NULL);

  if (!editable (self))
    return NULL;
  return g_object_get_data (G_OBJECT (self->buffers[0]), "view");
}

GPtrArray *
palp_note_editor_get_gates (PalpNoteEditor *self)
{
  g_return_val_if_fail (PALP_IS_NOTE_EDITOR (self), NULL);
  return self->gates;
}

static void
palp_note_editor_dispose (GObject *object)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (object);

  if (self->dirty && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Closing never loses typing. */
      if (!palp_note_editor_save_now (self, &error))
        g_warning ("The note's draft could not be saved: %s", error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_NOTE_EDITOR);
  g_clear_pointer (&self->override_entries, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->visit);
  g_clear_object (&self->note);
  G_OBJECT_CLASS (palp_note_editor_parent_class)->dispose (object);
}

static void
palp_note_editor_finalize (GObject *object)
{
  PalpNoteEditor *self = PALP_NOTE_EDITOR (object);

  g_ptr_array_unref (self->techniques);
  g_ptr_array_unref (self->measures);
  g_clear_pointer (&self->gates, g_ptr_array_unref);
  g_free (self->chart_summary);
  g_free (self->chart_regions);
  g_free (self->problem);
  g_free (self->read_only_reason);
  g_free (self->saved_at);
  G_OBJECT_CLASS (palp_note_editor_parent_class)->finalize (object);
}

static void
palp_note_editor_class_init (PalpNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_note_editor_dispose;
  object_class->finalize = palp_note_editor_finalize;

  /* The note was signed (and is now read-only). */
  signals[SIGNED] = g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A draft was saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/palpate/Palpate/palp-note-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, copy_forward_button);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, sign_button);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, sign_popover);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, gates_box);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, sign_hint_label);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, sign_confirm_button);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, screening_row);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, screening_icon);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, contra_box);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, draping_switch);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, gloves_switch);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, check_ins_switch);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, oral_row);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, subjective_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, pain_row);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, objective_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, measures_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, plan_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, techniques_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, techniques_box);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, adverse_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, amendments_group);
  gtk_widget_class_bind_template_child (widget_class, PalpNoteEditor, amendments_box);

  gtk_widget_class_install_action (widget_class, "note.copy-forward", NULL, copy_forward_action);
  gtk_widget_class_install_action (widget_class, "note.insert-summary", NULL,
                                   insert_summary_action);
  gtk_widget_class_install_action (widget_class, "note.add-technique", NULL,
                                   add_technique_action);
  gtk_widget_class_install_action (widget_class, "note.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "note.show-gates", NULL, show_gates_action);
  gtk_widget_class_install_action (widget_class, "note.amend", NULL, amend_action);
}

static void
palp_note_editor_init (PalpNoteEditor *self)
{
  GtkEventController *shortcuts;

  self->techniques = g_ptr_array_new_with_free_func (technique_free);
  self->measures = g_ptr_array_new_with_free_func (measure_free);
  self->override_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  g_object_unref);
  palp_clinical_settings_init_default (&self->settings);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffers[0] = add_text_section (self, self->subjective_group, _("Subjective"), 90);
  self->buffers[1] = add_text_section (self, self->objective_group, _("Objective"), 90);
  self->buffers[2] = add_text_section (self, self->assessment_group, _("Assessment"), 70);
  self->buffers[3] = add_text_section (self, self->plan_group, _("Plan"), 70);
  self->buffers[4] = add_text_section (self, self->adverse_group, _("Adverse effects"), 44);
  build_pain (self);
  build_oral (self);
  g_signal_connect_swapped (self->draping_switch, "notify::active", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->gloves_switch, "notify::active", G_CALLBACK (on_gloves_changed_cb),
                            self);
  g_signal_connect_swapped (self->check_ins_switch, "notify::active", G_CALLBACK (mark_dirty),
                            self);
  /* Ctrl+Return: caught before a text view takes Return for a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("note.show-gates")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_menu_button_set_create_popup_func (self->sign_button, create_sign_popup_cb, self, NULL);
  g_signal_connect_data (self->sign_popover, "map", G_CALLBACK (on_sign_popover_map_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_state (self);
}
