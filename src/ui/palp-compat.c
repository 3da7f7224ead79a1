/* palp-compat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-compat.h"

#if ADW_CHECK_VERSION (1, 4, 0) && defined (ADW_VERSION_1_4)
GtkWidget *
adw_switch_row_new_compat (const char *title,
                           const char *subtitle,
                           gboolean    active)
{
  GtkWidget *row = adw_switch_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_switch_row_set_active (ADW_SWITCH_ROW (row), active);
  return row;
}

gboolean
adw_switch_row_get_active_compat (GtkWidget *row)
{
  return adw_switch_row_get_active (ADW_SWITCH_ROW (row));
}
#else
GtkWidget *
adw_switch_row_new_compat (const char *title,
                           const char *subtitle,
                           gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "palp-switch", toggle);
  return row;
}

gboolean
adw_switch_row_get_active_compat (GtkWidget *row)
{
  return gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "palp-switch"));
}
#endif

void
gtk_list_box_remove_all_compat (GtkListBox *box)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_box_remove_all (box);
#else
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
#endif
}
