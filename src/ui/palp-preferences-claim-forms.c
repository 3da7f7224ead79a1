/* palp-preferences-claim-forms.c: how this computer prints claim forms
 *
 * A clinic prints CMS-1500 claims either on blank paper, the form drawn
 * with its data, or onto the red pre-printed forms payers' scanners read
 * best. Printers seldom feed a form exactly where it should be, so the
 * data can be moved by a few millimetres right or down until it sits in
 * its boxes. These belong to the printer beside this computer, so they
 * are kept in GSettings, like the backup folder, not with the clinic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-preferences-claim-forms.h"

#define OFFSET_LIMIT_MM 25.0

static GSettings *
claim_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static GtkWidget *
offset_row (GSettings  *settings,
            const char *key,
            const char *title,
            const char *subtitle,
            const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkAdjustment *adjustment = gtk_adjustment_new (0, -OFFSET_LIMIT_MM, OFFSET_LIMIT_MM,
                                                  0.5, 2.0, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 0.5, 1);
  /* Translators: millimetres, after the offset's number. */
  GtkWidget *unit = gtk_label_new (_("mm"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (spin, name);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_add_css_class (unit, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  if (settings != NULL)
    g_settings_bind (settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  return row;
}

GtkWidget *
palp_preferences_claim_forms_new (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GSettings) settings = claim_settings ();
  GtkWidget *preprinted = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *x, *y;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Claim Forms"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("How this computer prints CMS-1500 claims. The "
                                           "offsets belong to its printer: print a claim, "
                                           "hold it to the light against a blank form, and "
                                           "move the data until it sits in its boxes."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (preprinted), _("Pre-Printed Forms"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (preprinted),
                               _("Print the data only, onto the red forms in the printer; "
                                 "off, the form is drawn on blank paper"));
  gtk_widget_set_name (toggle, "claim-form-preprinted");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (preprinted), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (preprinted), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), preprinted);

  x = offset_row (settings, "claim-form-offset-x", _("Move Right"),
                  _("On pre-printed forms; a negative number moves the data left"),
                  "claim-form-offset-x");
  y = offset_row (settings, "claim-form-offset-y", _("Move Down"),
                  _("On pre-printed forms; a negative number moves the data up"),
                  "claim-form-offset-y");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), x);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), y);

  if (settings != NULL)
    {
      g_settings_bind (settings, "claim-form-preprinted", toggle, "active",
                       G_SETTINGS_BIND_DEFAULT);
      /* The offsets only move data on pre-printed forms. */
      g_object_bind_property (toggle, "active", x, "sensitive", G_BINDING_SYNC_CREATE);
      g_object_bind_property (toggle, "active", y, "sensitive", G_BINDING_SYNC_CREATE);
    }
  else
    {
      gtk_widget_set_sensitive (preprinted, FALSE);
      gtk_widget_set_sensitive (x, FALSE);
      gtk_widget_set_sensitive (y, FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (preprinted),
                                   _("The settings schema is not installed: claims are "
                                     "printed on blank paper"));
    }

  return group;
}
