/* palp-backup-rotation.h: backup file names and which backups to keep
 *
 * A backup's name says whose clinic it holds and when it was taken:
 * "harbour-massage_2026-03-14_18-05-12.palpate-backup" (local time). A
 * safety copy, made before a restore, ends ".before-restore.palpate-backup"
 * and is never rotated away. The rotation works on names alone, so it is
 * tested on plain lists and never looks at a clock or a disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PALP_BACKUP_SUFFIX        ".palpate-backup"
#define PALP_BACKUP_SAFETY_SUFFIX ".before-restore.palpate-backup"

/* How many of each the rotation keeps. */
#define PALP_BACKUP_KEEP_DAYS   7
#define PALP_BACKUP_KEEP_WEEKS  4
#define PALP_BACKUP_KEEP_MONTHS 12

typedef enum /*< flags >*/
{
  PALP_BACKUP_EXPIRED = 0,       /* a backup of this clinic no rule keeps */
  PALP_BACKUP_DAILY   = 1 << 0,
  PALP_BACKUP_WEEKLY  = 1 << 1,
  PALP_BACKUP_MONTHLY = 1 << 2,
  PALP_BACKUP_OTHER   = 1 << 3,  /* not a backup of this clinic: left alone */
} PalpBackupKeep;

/* The clinic's name as it appears in file names: lower-case ASCII letters,
 * digits and single hyphens, at most 40 characters; "clinic" when nothing
 * is left. */
char      *palp_backup_slug        (const char  *clinic_name);
/* The file name of a backup of @clinic_name taken at @when (shown in
 * local time); with @safety, the name of a safety copy. */
char      *palp_backup_file_name   (const char  *clinic_name,
                                    GDateTime   *when,
                                    gboolean     safety);
/* Reads a name made by palp_backup_file_name(): FALSE for anything else.
 * @out_slug, @out_time (local time) and @out_safety may be NULL. */
gboolean   palp_backup_parse_name  (const char  *name,
                                    char       **out_slug,
                                    GDateTime  **out_time,
                                    gboolean    *out_safety);

/* The rotation: for each of @names (@n_names of them), what keeps it.
 * Among the (non-safety) backups of @slug, newest first, the newest of
 * each of the @n_days most recent days that have one is DAILY, of the
 * @n_weeks most recent ISO weeks WEEKLY, of the @n_months most recent
 * months MONTHLY (a file may be all three); the rest are EXPIRED. Counting
 * days that have a backup, not calendar days, means a clinic closed for a
 * month still keeps a week of its last days. Everything else (other
 * clinics, safety copies, files that are not backups) is OTHER. Returns a
 * new array of @n_names PalpBackupKeep values. */
PalpBackupKeep *palp_backup_rotate (const char * const *names,
                                    guint               n_names,
                                    const char         *slug,
                                    guint               n_days,
                                    guint               n_weeks,
                                    guint               n_months);

/* "Daily · Weekly" and so on; NULL for EXPIRED and OTHER. */
char      *palp_backup_keep_label  (PalpBackupKeep  keep);

G_END_DECLS
