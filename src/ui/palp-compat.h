/* palp-compat.h: newer GTK / libadwaita API, with its 4.8 / 1.2 stand-in
 *
 * Every version branch of the UI lives here and nowhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* AdwSwitchRow arrived in libadwaita 1.4: an action row with a switch. */
GtkWidget *adw_switch_row_new_compat        (const char *title,
                                             const char *subtitle,
                                             gboolean    active);
gboolean   adw_switch_row_get_active_compat (GtkWidget  *row);

/* gtk_list_box_remove_all () arrived in GTK 4.12. */
void       gtk_list_box_remove_all_compat   (GtkListBox *box);

G_END_DECLS
