/* palp-preferences-clinical.c: the clinic's clinical settings
 *
 * Safety and progress defaults the clinic may change: how long a
 * screening and an oral assessment stay current, the plateau window, each
 * contraindication's severity and each measure's minimal important
 * change. They are checked together and saved together with one Save:
 * a half-saved set (a new MIC with the old plateau window) would judge
 * progress by rules nobody chose. A value that is wrong is marked on its
 * row and nothing is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-measure.h"
#include "palp-preferences-clinical.h"
#include "palp-screening.h"
#include "palp-ui-util.h"

typedef struct
{
  PalpStore  *store;
  PalpUser   *user;
  GtkWidget  *page;
  GtkWidget  *save;
  GtkLabel   *message;
  GtkWidget  *screening_days;
  GtkWidget  *oral_days;
  GtkWidget  *plateau_visits;
  GtkWidget  *severity[PALP_CONTRA_KIND_COUNT];
  GtkWidget  *mic_row[PALP_MEASURE_CUSTOM];
  GtkWidget  *mic[PALP_MEASURE_CUSTOM];
} Clinical;

static void
clinical_free (gpointer data)
{
  Clinical *c = data;

  g_clear_object (&c->store);
  g_clear_object (&c->user);
  g_free (c);
}

static void
toast (Clinical   *c,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (c->page);
  AdwToast *t;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  t = adw_toast_new (text);
  adw_toast_set_timeout (t, 2);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), t);
}

static void
show_message (Clinical   *c,
              const char *text)
{
  gtk_label_set_text (c->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (c->message), text != NULL);
}

/* A row with a number field and its unit. */
static GtkWidget *
spin_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *unit,
          double               min,
          double               max,
          double               step,
          guint                digits,
          GtkWidget          **out_row)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (unit != NULL && *unit != '\0')
    {
      label = gtk_label_new (unit);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  if (out_row != NULL)
    *out_row = row;
  return spin;
}

/* "points" for scores, the unit itself for degrees and millimetres. */
static const char *
mic_unit (PalpMeasureKind kind)
{
  const char *unit = palp_measure_kind_get_unit (kind);

  return unit[0] == '/' ? _("points") : unit;
}

static char *
mic_subtitle (PalpMeasureKind kind)
{
  PalpMeasure measure;
  PalpMeasureSettings defaults;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  palp_measure_settings_init_default (&defaults);
  if (!palp_measure_init (&measure, kind, NULL, NULL))
    return NULL;
  g_snprintf (number, sizeof number, "%g", defaults.mic[kind]);
  return g_strdup_printf (measure.direction == PALP_DIRECTION_LOWER_IS_BETTER
                            /* Translators: %s is the default minimal important change */
                            ? _("Lower is better · default %s")
                            /* Translators: %s is the default minimal important change */
                            : _("Higher is better · default %s"),
                          number);
}

static void
show_settings (Clinical                   *c,
               const PalpClinicalSettings *settings)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (c->screening_days),
                             settings->screening.max_age_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (c->oral_days),
                             settings->screening.oral_max_age_days);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (c->plateau_visits), settings->plateau_visits);
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    adw_combo_row_set_selected (ADW_COMBO_ROW (c->severity[i]),
                                settings->screening.severity[i]);
  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (c->mic[i]), settings->measures.mic[i]);
}

/* Marks each measure whose MIC is wrong on its own row; TRUE when none. */
static gboolean
check_mics (Clinical                   *c,
            const PalpClinicalSettings *settings)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    {
      PalpMeasureSettings one;
      g_autoptr(GError) error = NULL;
      g_autofree char *subtitle = NULL;

      palp_measure_settings_init_default (&one);
      one.mic[i] = settings->measures.mic[i];
      if (palp_measure_settings_validate (&one, &error))
        {
          subtitle = mic_subtitle ((PalpMeasureKind) i);
          gtk_widget_remove_css_class (c->mic_row[i], "error");
        }
      else
        {
          subtitle = g_strdup (error->message);
          gtk_widget_add_css_class (c->mic_row[i], "error");
          ok = FALSE;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (c->mic_row[i]), subtitle);
    }
  return ok;
}

static void
on_save_clicked_cb (GtkButton *button,
                    Clinical  *c)
{
  PalpClinicalSettings settings;
  g_autoptr(GError) error = NULL;

  palp_clinical_settings_init_default (&settings);
  /* The fields take what was typed but not yet committed with Enter. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (c->screening_days));
  gtk_spin_button_update (GTK_SPIN_BUTTON (c->oral_days));
  gtk_spin_button_update (GTK_SPIN_BUTTON (c->plateau_visits));
  settings.screening.max_age_days =
    (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (c->screening_days));
  settings.screening.oral_max_age_days =
    (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (c->oral_days));
  settings.plateau_visits =
    (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (c->plateau_visits));
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    settings.screening.severity[i] =
      (PalpSeverity) adw_combo_row_get_selected (ADW_COMBO_ROW (c->severity[i]));
  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    {
      gtk_spin_button_update (GTK_SPIN_BUTTON (c->mic[i]));
      settings.measures.mic[i] = gtk_spin_button_get_value (GTK_SPIN_BUTTON (c->mic[i]));
    }

  if (!check_mics (c, &settings))
    {
      show_message (c, _("Some values are not valid: correct the rows marked in red. Nothing "
                         "was saved."));
      return;
    }
  if (!palp_store_save_clinical_settings (c->store, &settings, &error))
    {
      show_message (c, error->message);
      return;
    }
  show_message (c, NULL);
  toast (c, _("Clinical settings saved"));
}

static void
on_restore_clicked_cb (GtkButton *button,
                       Clinical  *c)
{
  PalpClinicalSettings defaults;

  /* Shown only: Save keeps them, as any other change. */
  palp_clinical_settings_init_default (&defaults);
  show_settings (c, &defaults);
  check_mics (c, &defaults);
  show_message (c, NULL);
  toast (c, _("Defaults shown: Save to keep them"));
}

GtkWidget *
palp_preferences_clinical_new (PalpStore *store,
                               PalpUser  *user)
{
  Clinical *c = g_new0 (Clinical, 1);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group;
  GtkWidget *box, *restore;
  PalpClinicalSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) denied = NULL;
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  gboolean may_edit;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  c->store = g_object_ref (store);
  c->user = user ? g_object_ref (user) : NULL;
  c->page = page;
  g_object_set_data_full (G_OBJECT (page), "palp-clinical", c, clinical_free);
  may_edit = palp_ui_user_may (user, PALP_ACTION_EDIT_CLINIC, 0, &denied);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Clinical"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "clinical");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page),
                                      "emblem-system-symbolic");

  /* What stops a change, or what went wrong, above everything. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (!may_edit)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Read only"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), denied->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (group, row);
    }
  c->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (c->message, TRUE);
  gtk_label_set_xalign (c->message, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (c->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (c->message), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (c->message));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Screening"));
  adw_preferences_group_set_description (group,
                                         _("A contraindication screening older than this is "
                                           "asked again before the next visit. Intra-oral work "
                                           "needs an oral assessment this recent."));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  restore = gtk_button_new_with_mnemonic (_("_Defaults"));
  gtk_widget_set_tooltip_text (restore, _("Show the shipped defaults; Save keeps them"));
  g_signal_connect (restore, "clicked", G_CALLBACK (on_restore_clicked_cb), c);
  c->save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (c->save, "suggested-action");
  g_signal_connect (c->save, "clicked", G_CALLBACK (on_save_clicked_cb), c);
  gtk_box_append (GTK_BOX (box), restore);
  gtk_box_append (GTK_BOX (box), c->save);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  adw_preferences_group_set_header_suffix (group, box);
  c->screening_days = spin_row (group, _("Ask the screening again after"), NULL, _("days"), 1,
                                3650, 1, 0, NULL);
  c->oral_days = spin_row (group, _("Oral assessment valid for"),
                           _("0: only on the day it was done"), _("days"), 0, 365, 1, 0, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Progress"));
  adw_preferences_group_set_description (group,
                                         _("When no goal improved by at least its measure's "
                                           "minimal important change over this many visits, "
                                           "the plan warns that medical necessity is at risk."));
  c->plateau_visits = spin_row (group, _("Plateau warning after"), NULL, _("visits"), 2, 50, 1,
                                0, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Contraindications"));
  adw_preferences_group_set_description (group,
                                         _("What a finding means for the visit: no treatment "
                                           "today, treatment that avoids the area marked on the "
                                           "body chart, or treatment once a physician's "
                                           "clearance is on file."));
  for (guint s = PALP_SEVERITY_ABSOLUTE; s <= PALP_SEVERITY_NEEDS_CLEARANCE; s++)
    gtk_string_list_append (severities, palp_severity_get_label ((PalpSeverity) s));
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    {
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     palp_contra_kind_get_label ((PalpContraKind) i));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (severities));
      /* The choice under the name: the longest would be cut off beside it. */
      adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
      adw_preferences_group_add (group, row);
      c->severity[i] = row;
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Minimal Important Change"));
  adw_preferences_group_set_description (group,
                                         _("The smallest change in a goal's measure that "
                                           "counts as real progress rather than noise."));
  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    {
      g_autofree char *subtitle = mic_subtitle ((PalpMeasureKind) i);

      c->mic[i] = spin_row (group, palp_measure_kind_get_label ((PalpMeasureKind) i), subtitle,
                            mic_unit ((PalpMeasureKind) i), 0, 1000, 0.5, 1, &c->mic_row[i]);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  if (palp_store_load_clinical_settings (store, &settings, &error))
    show_settings (c, &settings);
  else
    {
      palp_clinical_settings_init_default (&settings);
      show_settings (c, &settings);
      show_message (c, error->message);
      may_edit = FALSE;
    }

  if (!may_edit)
    {
      /* Everything stays readable; nothing can be changed. */
      gtk_widget_set_sensitive (c->save, FALSE);
      gtk_widget_set_sensitive (restore, FALSE);
      gtk_widget_set_tooltip_text (c->save, denied ? denied->message : NULL);
      gtk_widget_set_sensitive (c->screening_days, FALSE);
      gtk_widget_set_sensitive (c->oral_days, FALSE);
      gtk_widget_set_sensitive (c->plateau_visits, FALSE);
      for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
        gtk_widget_set_sensitive (c->severity[i], FALSE);
      for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
        gtk_widget_set_sensitive (c->mic[i], FALSE);
    }
  return page;
}
