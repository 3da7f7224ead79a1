/* palp-preferences-backups.h: the Backups page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-backup-keeper.h"

G_BEGIN_DECLS

#define PALP_TYPE_PREFERENCES_BACKUPS (palp_preferences_backups_get_type ())

G_DECLARE_FINAL_TYPE (PalpPreferencesBackups, palp_preferences_backups, PALP,
                      PREFERENCES_BACKUPS, AdwPreferencesPage)

/* @keeper: the main window's backups; @user: who is signed in (backing up
 * and restoring need the admin role). */
PalpPreferencesBackups *palp_preferences_backups_new (PalpBackupKeeper *keeper,
                                                      PalpUser         *user);
/* Restores @backup after showing what it holds, as "Restore…" does: the
 * confirmation dialog is returned, presented, for tests to answer. */
AdwMessageDialog *palp_preferences_backups_ask_restore (PalpPreferencesBackups *self,
                                                        const char             *backup);
/* What @summary holds, in words, before a restore: the clinic, when the
 * backup was written, its clients, visits and last receipts, and that a
 * safety copy is kept. */
char             *palp_preferences_backups_describe    (const PalpBackupSummary *summary);
/* Asks before @backup replaces the clinic, saying what it holds (or why it
 * cannot be restored); the answer goes to @on_response with @data, an
 * object that keeps it connected while it lives; the backup's path is on
 * the dialog as "palp-backup". */
AdwMessageDialog *palp_preferences_backups_restore_dialog (GtkWindow  *parent,
                                                          const char *backup,
                                                          GCallback   on_response,
                                                          gpointer    data);

G_END_DECLS
