/* test-backup-rotation.c: backup names and the 7 daily, 4 weekly,
 * 12 monthly rotation, on plain lists of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-backup-rotation.h"

#define SLUG "harbour-massage"

static char *
name_at (const char *slug,
         int         year,
         int         month,
         int         day,
         int         hour)
{
  return g_strdup_printf ("%s_%04d-%02d-%02d_%02d-00-00" PALP_BACKUP_SUFFIX, slug, year, month,
                          day, hour);
}

/* Rotates @names (a GPtrArray of strings) and removes what expired, as the
 * application does after each backup. */
static void
rotate_and_delete (GPtrArray *names)
{
  g_autofree PalpBackupKeep *keep =
    palp_backup_rotate ((const char * const *) names->pdata, names->len, SLUG,
                        PALP_BACKUP_KEEP_DAYS, PALP_BACKUP_KEEP_WEEKS, PALP_BACKUP_KEEP_MONTHS);

  for (guint i = names->len; i > 0; i--)
    if (keep[i - 1] == PALP_BACKUP_EXPIRED)
      g_ptr_array_remove_index (names, i - 1);
}

static gboolean
holds (GPtrArray  *names,
       const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

static void
test_names (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2026, 3, 14, 18, 5, 12);
  g_autoptr(GDateTime) back = NULL;
  g_autofree char *name = palp_backup_file_name ("Harbour Massage & Spa", when, FALSE);
  g_autofree char *safety = palp_backup_file_name ("Clinique Émeraude", when, TRUE);
  g_autofree char *slug = NULL;
  g_autofree char *empty = palp_backup_slug ("  ¿¿  ");
  g_autofree char *long_slug = palp_backup_slug ("A very long clinic name that goes on and "
                                                 "on and on past forty characters");
  gboolean is_safety = TRUE;

  g_assert_cmpstr (name, ==, "harbour-massage-spa_2026-03-14_18-05-12.palpate-backup");
  g_assert_cmpstr (safety, ==,
                   "clinique-emeraude_2026-03-14_18-05-12.before-restore.palpate-backup");
  g_assert_cmpstr (empty, ==, "clinic");
  g_assert_cmpuint (strlen (long_slug), <=, 40);
  g_assert_false (g_str_has_suffix (long_slug, "-"));

  g_assert_true (palp_backup_parse_name (name, &slug, &back, &is_safety));
  g_assert_cmpstr (slug, ==, "harbour-massage-spa");
  g_assert_false (is_safety);
  g_assert_true (g_date_time_equal (back, when));
  g_assert_true (palp_backup_parse_name (safety, NULL, NULL, &is_safety));
  g_assert_true (is_safety);

  /* Anything else is not a backup. */
  g_assert_false (palp_backup_parse_name ("clinic.db", NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name (PALP_BACKUP_SUFFIX, NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("x_2026-02-30_10-00-00.palpate-backup",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("x_2026-02-10_24-00-00.palpate-backup",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("x_2026-2-10_10-00-00.palpate-backup",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("Harbour_2026-02-10_10-00-00.palpate-backup",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("_2026-02-10_10-00-00.palpate-backup",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name ("x_2026-02-10_10-00-00.palpate-backup.partial",
                                          NULL, NULL, NULL));
  g_assert_false (palp_backup_parse_name (NULL, NULL, NULL, NULL));
}

/* A year of one backup a day, rotated after each as the application does:
 * never more than 7 + 4 + 12 files, and at the end the last 7 days, the
 * last day of the 4 most recent ISO weeks and of the 12 most recent months. */
static void
test_year_of_daily_backups (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *expected[] = {
    /* daily */
    "2025-12-25", "2025-12-26", "2025-12-27", "2025-12-28", "2025-12-29", "2025-12-30",
    "2025-12-31",
    /* weekly: 31 December 2025 is in ISO week 1 of 2026; the weeks before end on Sundays */
    "2025-12-21", "2025-12-14",
    /* monthly */
    "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30",
    "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31", "2025-11-30",
  };
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2025);
  while (g_date_get_year (&day) == 2025)
    {
      g_ptr_array_add (names, name_at (SLUG, 2025, g_date_get_month (&day),
                                       g_date_get_day (&day), 18));
      rotate_and_delete (names);
      g_assert_cmpuint (names->len, <=, PALP_BACKUP_KEEP_DAYS + PALP_BACKUP_KEEP_WEEKS +
                                          PALP_BACKUP_KEEP_MONTHS);
      g_date_add_days (&day, 1);
    }

  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = g_strdup_printf (SLUG "_%s_18-00-00" PALP_BACKUP_SUFFIX,
                                               expected[i]);
      if (!holds (names, name))
        g_test_message ("missing %s", name);
      g_assert_true (holds (names, name));
    }
}

/* Several a day keep the newest; a clinic closed for months keeps its
 * last open days as its dailies, and the kinds are reported per file. */
static void
test_gaps_and_kinds (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree PalpBackupKeep *keep = NULL;
  g_autofree char *label = NULL;

  g_ptr_array_add (names, name_at (SLUG, 2025, 3, 1, 9));     /* 0: morning, same day */
  g_ptr_array_add (names, name_at (SLUG, 2025, 3, 1, 18));    /* 1 */
  g_ptr_array_add (names, name_at (SLUG, 2025, 6, 10, 18));   /* 2 */
  g_ptr_array_add (names, name_at (SLUG, 2025, 6, 11, 18));   /* 3 */
  g_ptr_array_add (names, name_at (SLUG, 2025, 6, 12, 8));    /* 4 */
  g_ptr_array_add (names, name_at (SLUG, 2024, 12, 31, 18));  /* 5: the year before */

  keep = palp_backup_rotate ((const char * const *) names->pdata, names->len, SLUG,
                             PALP_BACKUP_KEEP_DAYS, PALP_BACKUP_KEEP_WEEKS,
                             PALP_BACKUP_KEEP_MONTHS);
  g_assert_cmpint (keep[0], ==, PALP_BACKUP_EXPIRED);
  /* 1 March: a daily still (5 days with backups), its week's and month's newest. */
  g_assert_cmpint (keep[1], ==, PALP_BACKUP_DAILY | PALP_BACKUP_WEEKLY | PALP_BACKUP_MONTHLY);
  /* 10 and 11 June share a week (Tuesday, Wednesday) with 12 June. */
  g_assert_cmpint (keep[2], ==, PALP_BACKUP_DAILY);
  g_assert_cmpint (keep[3], ==, PALP_BACKUP_DAILY);
  g_assert_cmpint (keep[4], ==, PALP_BACKUP_DAILY | PALP_BACKUP_WEEKLY | PALP_BACKUP_MONTHLY);
  g_assert_cmpint (keep[5], ==, PALP_BACKUP_DAILY | PALP_BACKUP_WEEKLY | PALP_BACKUP_MONTHLY);

  label = palp_backup_keep_label (keep[4]);
  g_assert_nonnull (strstr (label, "Daily"));
  g_assert_nonnull (strstr (label, "Monthly"));
  g_assert_null (palp_backup_keep_label (PALP_BACKUP_EXPIRED));
  g_assert_null (palp_backup_keep_label (PALP_BACKUP_OTHER));

  /* With fewer slots, the oldest go first. */
  g_clear_pointer (&keep, g_free);
  keep = palp_backup_rotate ((const char * const *) names->pdata, names->len, SLUG, 2, 1, 1);
  g_assert_cmpint (keep[1], ==, PALP_BACKUP_EXPIRED);
  g_assert_cmpint (keep[5], ==, PALP_BACKUP_EXPIRED);
  g_assert_cmpint (keep[3], ==, PALP_BACKUP_DAILY);
  g_assert_cmpint (keep[4], ==, PALP_BACKUP_DAILY | PALP_BACKUP_WEEKLY | PALP_BACKUP_MONTHLY);
}

/* What is not a backup of this clinic is never deleted, however old. */
static void
test_others_left_alone (void)
{
  const char *names[] = {
    "clinic.db",
    "notes.txt",
    "harbour-massage_2020-01-01_10-00-00.before-restore.palpate-backup",
    "other-clinic_2020-01-01_10-00-00.palpate-backup",
    "harbour-massage_2020-02-30_10-00-00.palpate-backup",
    "harbour-massage_2020-01-01_10-00-00.palpate-backup.partial",
    "harbour-massage_2020-01-01_10-00-00.palpate-backup",
  };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree PalpBackupKeep *keep = NULL;

  /* Thirteen months of newer backups push the 2020 one out. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (many, g_strdup (names[i]));
  for (int m = 1; m <= 13; m++)
    g_ptr_array_add (many, name_at (SLUG, 2024 + (m > 12), m > 12 ? 1 : m, 28, 18));

  keep = palp_backup_rotate ((const char * const *) many->pdata, many->len, SLUG,
                             PALP_BACKUP_KEEP_DAYS, PALP_BACKUP_KEEP_WEEKS,
                             PALP_BACKUP_KEEP_MONTHS);
  for (guint i = 0; i + 1 < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (keep[i], ==, PALP_BACKUP_OTHER);
  g_assert_cmpint (keep[G_N_ELEMENTS (names) - 1], ==, PALP_BACKUP_EXPIRED);
  /* January 2024 is the thirteenth month back: expired too. */
  g_assert_cmpint (keep[G_N_ELEMENTS (names)], ==, PALP_BACKUP_EXPIRED);
  g_assert_cmpint (keep[G_N_ELEMENTS (names) + 1] & PALP_BACKUP_MONTHLY, !=, 0);

  /* An empty folder is no error. */
  g_clear_pointer (&keep, g_free);
  keep = palp_backup_rotate (NULL, 0, SLUG, 7, 4, 12);
  g_assert_nonnull (keep);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/names", test_names);
  g_test_add_func ("/backup/rotation/year", test_year_of_daily_backups);
  g_test_add_func ("/backup/rotation/gaps", test_gaps_and_kinds);
  g_test_add_func ("/backup/rotation/others", test_others_left_alone);

  return g_test_run ();
}
