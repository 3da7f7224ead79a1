/* palp-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-backup-keeper.h"
#include "palp-claims-page.h"
#include "palp-sign-in-page.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_WINDOW (palp_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpWindow, palp_window, PALP, WINDOW, AdwApplicationWindow)

PalpWindow *palp_window_new            (AdwApplication *app);
/* Shows the clinic in @store (or, with NULL and @error, the error page).
 * @preselect: a login or id that skips the chooser, or NULL. */
void        palp_window_set_store      (PalpWindow     *self,
                                        PalpStore      *store,
                                        const char     *preselect);
void        palp_window_show_error     (PalpWindow     *self,
                                        const GError   *error);
/* The clinic at @path could not be opened: the error, and when the file
 * is damaged or not a clinic any more, a button to restore a backup in
 * its place. */
void        palp_window_show_open_error (PalpWindow    *self,
                                         const char    *path,
                                         const GError  *error);
/* Restores @backup over the file that could not be opened, after showing
 * what it holds, as that button does once a file is chosen: the
 * confirmation dialog is returned, presented, for tests to answer. */
AdwMessageDialog *palp_window_ask_restore (PalpWindow  *self,
                                           const char  *backup);
PalpStore  *palp_window_get_store      (PalpWindow     *self);
PalpUser   *palp_window_get_user       (PalpWindow     *self);
/* The window's automatic backups (palp-backup-keeper.h). */
PalpBackupKeeper *palp_window_get_backups (PalpWindow  *self);
/* The client list as shown (a GListModel of PalpClient). */
GListModel *palp_window_get_clients    (PalpWindow     *self);
void        palp_window_search         (PalpWindow     *self,
                                        const char     *text);
void        palp_window_select_client  (PalpWindow     *self,
                                        gint64          client_id);
/* Sign in as @user (the chooser's action). */
void        palp_window_sign_in        (PalpWindow     *self,
                                        PalpUser       *user);

/* Locks the window now (Ctrl+L): drafts saved, other windows put away,
 * no client data left in it, the store without an acting user, until the
 * one who locked types their PIN or someone switches user. */
void        palp_window_lock           (PalpWindow     *self);
gboolean    palp_window_is_locked      (PalpWindow     *self);
/* The page asking for a PIN (sign-in, first PIN, unlock). */
PalpSignInPage *palp_window_get_sign_in_page (PalpWindow *self);
/* For tests: lock after @seconds without input instead of the clinic's
 * minutes (0: the clinic's). */
void        palp_window_set_idle_lock_seconds (PalpWindow *self,
                                               guint       seconds);

/* "today", "clients", "billing" or "claims" (US clinics, shown to those
 * who may build claims). */
void        palp_window_show_section (PalpWindow *self,
                                      const char *name);
/* The Claims section, once it has been shown; NULL before. */
PalpClaimsPage *palp_window_get_claims_page (PalpWindow *self);

G_END_DECLS
