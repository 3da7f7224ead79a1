/* palp-ui-util.h: small conversions the widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-money.h"
#include "palp-permissions.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* The signed-in @user as the permission rules see them; NULL gives an
 * actor who may do nothing. */
PalpActor    palp_ui_actor_for_user      (PalpUser     *user);
/* May @user do @action on @owner_id's work? */
gboolean     palp_ui_user_may            (PalpUser     *user,
                                          PalpAction    action,
                                          gint64        owner_id,
                                          GError      **error);
/* The language amounts are typed and shown in: the interface's. */
const char  *palp_ui_language            (void);
PalpCurrency palp_ui_currency            (PalpClinic   *clinic);
PalpCountry  palp_ui_country             (PalpClinic   *clinic);
/* @cents in the clinic's currency, written in the interface's language. */
char        *palp_ui_format_money        (PalpClinic   *clinic,
                                          gint64        cents);
/* The window @widget is in; NULL before it is in one. */
GtkWindow   *palp_ui_parent_window       (GtkWidget    *widget);
/* "MM/DD/YYYY HH:MM" (or the Canadian order) of a visit's "YYYY-MM-DD
 * HH:MM" start, or of an ISO 8601 UTC time stamp shown in local time. */
char        *palp_ui_format_local_time   (const char   *text,
                                          PalpCountry   country);
/* "Therapeutic + Esthetic" from a visit's comma-separated categories. */
char        *palp_ui_format_categories   (const char   *categories);
/* Display name of user @id (from @users, a GListModel of PalpUser, when it
 * has them; otherwise loaded), or NULL. */
char        *palp_ui_user_name           (PalpStore    *store,
                                          GListModel   *users,
                                          gint64        id);

/* How palp_ui_append_label_column () lays out a column's labels. */
typedef enum
{
  PALP_UI_COLUMN_EXPAND  = 1 << 0,  /* takes the width left over */
  PALP_UI_COLUMN_AMOUNT  = 1 << 1,  /* right-aligned tabular figures */
  PALP_UI_COLUMN_FIGURES = 1 << 2,  /* tabular figures, left-aligned */
  PALP_UI_COLUMN_WIDE    = 1 << 3,  /* at least 30 characters wide */
} PalpUiColumnFlags;

/* Appends a resizable column @title of ellipsized labels to @view. @bind
 * (a GtkSignalListItemFactory "bind" handler) fills them: its user data is
 * @column, and the factory holds @owner as its "palp-owner" data. */
void         palp_ui_append_label_column (GtkColumnView      *view,
                                          const char         *title,
                                          int                 column,
                                          PalpUiColumnFlags   flags,
                                          gpointer            owner,
                                          GCallback           bind);

/* Asks before an editor with unsaved changes closes ("Discard Changes?",
 * @body saying what would be lost). On "Discard", *@dirty is cleared and
 * @window destroyed; otherwise it stays open. */
void         palp_ui_confirm_discard     (GtkWindow    *window,
                                          const char   *body,
                                          gboolean     *dirty);

G_END_DECLS
