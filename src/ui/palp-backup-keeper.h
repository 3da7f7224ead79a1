/* palp-backup-keeper.h: automatic backups of the open clinic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-backup-rotation.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* One file of the backup list. */
typedef struct
{
  char           *path;
  GDateTime      *time;    /* from its name: when it was taken */
  goffset         size;
  PalpBackupKeep  keep;    /* which rotation keeps it */
  gboolean        safety;  /* a safety copy made before a restore */
} PalpBackupEntry;

void palp_backup_entry_free (PalpBackupEntry *entry);

#define PALP_TYPE_BACKUP_KEEPER (palp_backup_keeper_get_type ())

G_DECLARE_FINAL_TYPE (PalpBackupKeeper, palp_backup_keeper, PALP, BACKUP_KEEPER, GObject)

/* @settings: where the folder and the last failure are kept (this
 * machine's: a USB drive's path means nothing on the next computer), or
 * NULL to keep them for this run only. */
PalpBackupKeeper *palp_backup_keeper_new        (GSettings         *settings);
void        palp_backup_keeper_set_store        (PalpBackupKeeper  *self,
                                                 PalpStore         *store);
PalpStore  *palp_backup_keeper_get_store        (PalpBackupKeeper  *self);
/* Daily backups while @window is used: now when the newest is more than a
 * day old, and when @window closes (the close waits for it). */
void        palp_backup_keeper_start_automatic  (PalpBackupKeeper  *self,
                                                 GtkWindow         *window);

/* The chosen folder, or "Backups" beside the clinic's database. */
char       *palp_backup_keeper_dup_folder       (PalpBackupKeeper  *self);
void        palp_backup_keeper_set_folder       (PalpBackupKeeper  *self,
                                                 const char        *folder);
/* Newest first: this clinic's backups in the folder, then the safety
 * copies beside the database. A GPtrArray of PalpBackupEntry. */
GPtrArray  *palp_backup_keeper_list             (PalpBackupKeeper  *self);
gboolean    palp_backup_keeper_is_due           (PalpBackupKeeper  *self);

/* Writes a backup in a worker thread, verifies it, and rotates the
 * folder. "changed" is emitted when it starts and ends. */
void        palp_backup_keeper_back_up          (PalpBackupKeeper  *self);
gboolean    palp_backup_keeper_get_busy         (PalpBackupKeeper  *self);
/* Why the last backup failed, until one succeeds; NULL when it did. */
const char *palp_backup_keeper_get_last_error   (PalpBackupKeeper  *self);

/* palp_store_restore_in_place(), then "restored". */
gboolean    palp_backup_keeper_restore          (PalpBackupKeeper  *self,
                                                 const char        *backup,
                                                 char             **out_safety,
                                                 GError           **error);

/* The in-window bar: "Backing up…" while a backup runs on closing, and a
 * failed backup, prominently, until one succeeds. */
GtkWidget  *palp_backup_keeper_new_bar          (PalpBackupKeeper  *self);

G_END_DECLS
