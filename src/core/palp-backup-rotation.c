/* palp-backup-rotation.c: backup file names and which backups to keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-backup-rotation.h"

#define SLUG_MAX 40
/* "_YYYY-MM-DD_HH-MM-SS" */
#define STAMP_LEN 20

char *
palp_backup_slug (const char *clinic_name)
{
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);

  /* Accents become their letters ("Clinique Émeraude" → "clinique-emeraude"),
   * so the name reads the same on a USB drive formatted FAT. */
  if (clinic_name != NULL)
    ascii = g_str_to_ascii (clinic_name, "C");
  for (const char *p = ascii; p != NULL && *p != '\0' && slug->len < SLUG_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "clinic");
  return g_string_free (slug, FALSE);
}

char *
palp_backup_file_name (const char *clinic_name,
                       GDateTime  *when,
                       gboolean    safety)
{
  g_autofree char *slug = palp_backup_slug (clinic_name);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  stamp = g_date_time_format (local, "%Y-%m-%d_%H-%M-%S");
  return g_strconcat (slug, "_", stamp, safety ? PALP_BACKUP_SAFETY_SUFFIX : PALP_BACKUP_SUFFIX,
                      NULL);
}

static gboolean
digits (const char *p,
        guint       n,
        int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Reads "_YYYY-MM-DD_HH-MM-SS" at @p into its six fields. */
static gboolean
parse_stamp (const char *p,
             int         f[6])
{
  if (p[0] != '_' || p[5] != '-' || p[8] != '-' || p[11] != '_' || p[14] != '-' ||
      p[17] != '-')
    return FALSE;
  if (!digits (p + 1, 4, &f[0]) || !digits (p + 6, 2, &f[1]) || !digits (p + 9, 2, &f[2]) ||
      !digits (p + 12, 2, &f[3]) || !digits (p + 15, 2, &f[4]) || !digits (p + 18, 2, &f[5]))
    return FALSE;
  return f[0] >= 1 && f[1] >= 1 && f[1] <= 12 && f[2] >= 1 &&
         g_date_valid_dmy ((GDateDay) f[2], (GDateMonth) f[1], (GDateYear) f[0]) &&
         f[3] < 24 && f[4] < 60 && f[5] < 60;
}

gboolean
palp_backup_parse_name (const char  *name,
                        char       **out_slug,
                        GDateTime  **out_time,
                        gboolean    *out_safety)
{
  gboolean safety;
  size_t len, suffix, slug_len;
  int f[6];

  if (name == NULL)
    return FALSE;
  len = strlen (name);
  safety = g_str_has_suffix (name, PALP_BACKUP_SAFETY_SUFFIX);
  if (!safety && !g_str_has_suffix (name, PALP_BACKUP_SUFFIX))
    return FALSE;
  suffix = strlen (safety ? PALP_BACKUP_SAFETY_SUFFIX : PALP_BACKUP_SUFFIX);
  if (len < suffix + STAMP_LEN + 1)
    return FALSE;
  slug_len = len - suffix - STAMP_LEN;
  if (slug_len > SLUG_MAX || !parse_stamp (name + slug_len, f))
    return FALSE;
  /* The slug is what palp_backup_slug() makes, nothing else. */
  for (size_t i = 0; i < slug_len; i++)
    if (!(g_ascii_islower (name[i]) || g_ascii_isdigit (name[i]) ||
          (name[i] == '-' && i > 0 && i + 1 < slug_len && name[i - 1] != '-')))
      return FALSE;

  if (out_time != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

      *out_time = g_date_time_new (tz, f[0], f[1], f[2], f[3], f[4], f[5]);
      if (*out_time == NULL)
        return FALSE;
    }
  if (out_slug != NULL)
    *out_slug = g_strndup (name, slug_len);
  if (out_safety != NULL)
    *out_safety = safety;
  return TRUE;
}

typedef struct
{
  guint index;
  char  stamp[STAMP_LEN + 1];
  int   day;    /* YYYYMMDD */
  int   week;   /* ISO year * 100 + ISO week */
  int   month;  /* YYYYMM */
} Candidate;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  return -strcmp (((const Candidate *) a)->stamp, ((const Candidate *) b)->stamp);
}

/* The ISO 8601 week-numbering year and week of a date: a week belongs to
 * the year of its Thursday, so 29 December 2025 is in week 1 of 2026. */
static int
iso_week_key (int year,
              int month,
              int day)
{
  GDate date;
  int weekday;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  weekday = g_date_get_weekday (&date);   /* Monday 1 … Sunday 7 */
  if (weekday < 4)
    g_date_add_days (&date, 4 - weekday);
  else if (weekday > 4)
    g_date_subtract_days (&date, weekday - 4);
  return g_date_get_year (&date) * 100 + (int) g_date_get_iso8601_week_of_year (&date);
}

/* Marks the newest candidate of each of the @n most recent periods. */
static void
keep_per_period (GArray         *candidates,
                 PalpBackupKeep *keep,
                 gsize           offset,
                 guint           n,
                 PalpBackupKeep  flag)
{
  guint periods = 0;
  int last = -1;

  for (guint i = 0; i < candidates->len && periods < n; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      int period = G_STRUCT_MEMBER (int, c, offset);

      if (period == last)
        continue;
      last = period;
      periods++;
      keep[c->index] |= flag;
    }
}

PalpBackupKeep *
palp_backup_rotate (const char * const *names,
                    guint               n_names,
                    const char         *slug,
                    guint               n_days,
                    guint               n_weeks,
                    guint               n_months)
{
  PalpBackupKeep *keep = g_new0 (PalpBackupKeep, MAX (n_names, 1));
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));

  g_return_val_if_fail (slug != NULL, keep);

  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name_slug = NULL;
      gboolean safety = FALSE;
      Candidate c = { 0 };
      int f[6];

      if (!palp_backup_parse_name (names[i], &name_slug, NULL, &safety) || safety ||
          g_strcmp0 (name_slug, slug) != 0)
        {
          keep[i] = PALP_BACKUP_OTHER;
          continue;
        }
      c.index = i;
      memcpy (c.stamp, names[i] + strlen (name_slug), STAMP_LEN);
      parse_stamp (c.stamp, f);
      c.day = f[0] * 10000 + f[1] * 100 + f[2];
      c.week = iso_week_key (f[0], f[1], f[2]);
      c.month = f[0] * 100 + f[1];
      g_array_append_val (candidates, c);
    }

  g_array_sort (candidates, newest_first);
  keep_per_period (candidates, keep, G_STRUCT_OFFSET (Candidate, day), n_days,
                   PALP_BACKUP_DAILY);
  keep_per_period (candidates, keep, G_STRUCT_OFFSET (Candidate, week), n_weeks,
                   PALP_BACKUP_WEEKLY);
  keep_per_period (candidates, keep, G_STRUCT_OFFSET (Candidate, month), n_months,
                   PALP_BACKUP_MONTHLY);
  return keep;
}

char *
palp_backup_keep_label (PalpBackupKeep keep)
{
  GString *label;

  if (keep == PALP_BACKUP_EXPIRED || (keep & PALP_BACKUP_OTHER))
    return NULL;
  label = g_string_new (NULL);
  /* Translators: which rotation keeps a backup; joined with " · " */
  if (keep & PALP_BACKUP_DAILY)
    g_string_append (label, _("Daily"));
  if (keep & PALP_BACKUP_WEEKLY)
    g_string_append_printf (label, "%s%s", label->len ? " · " : "", _("Weekly"));
  if (keep & PALP_BACKUP_MONTHLY)
    g_string_append_printf (label, "%s%s", label->len ? " · " : "", _("Monthly"));
  return g_string_free (label, FALSE);
}
