/* palp-date.c: dates as the clinic writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "palp-date.h"

PalpCountry
palp_country_from_code (const char *code)
{
  if (code != NULL && g_ascii_strcasecmp (code, "CA") == 0)
    return PALP_COUNTRY_CA;
  return PALP_COUNTRY_US;
}

const char *
palp_country_to_code (PalpCountry country)
{
  return country == PALP_COUNTRY_CA ? "CA" : "US";
}

/* Reads exactly @n digits; FALSE on anything else. */
static gboolean
read_digits (const char *text,
             guint       n,
             guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

static gboolean
set_date (guint  year,
          guint  month,
          guint  day,
          GDate *out_date)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (out_date != NULL)
    g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
palp_date_parse_iso (const char *text,
                     GDate      *out_date)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!read_digits (text, 4, &y) || !read_digits (text + 5, 2, &m) ||
      !read_digits (text + 8, 2, &d))
    return FALSE;
  return set_date (y, m, d, out_date);
}

char *
palp_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
palp_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
palp_date_parse_user (const char  *text,
                      PalpCountry  country,
                      GDate       *out_date)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) parts = NULL;
  guint a, b, y;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (palp_date_parse_iso (trimmed, out_date))
    return TRUE;

  /* The short forms: 1 or 2 digits, 1 or 2 digits, 4 digits, separated by
   * "/", "-" or "." — US month first, Canada day first. */
  g_strdelimit (trimmed, "-.", '/');
  parts = g_strsplit (trimmed, "/", -1);
  if (g_strv_length (parts) != 3)
    return FALSE;
  if (strlen (parts[0]) < 1 || strlen (parts[0]) > 2 ||
      strlen (parts[1]) < 1 || strlen (parts[1]) > 2 || strlen (parts[2]) != 4)
    return FALSE;
  if (!read_digits (parts[0], strlen (parts[0]), &a) ||
      !read_digits (parts[1], strlen (parts[1]), &b) ||
      !read_digits (parts[2], 4, &y))
    return FALSE;

  if (country == PALP_COUNTRY_CA)
    return set_date (y, b, a, out_date);
  return set_date (y, a, b, out_date);
}

char *
palp_date_format_short (const char  *iso,
                        PalpCountry  country)
{
  GDate date;

  if (!palp_date_parse_iso (iso, &date))
    return NULL;
  if (country == PALP_COUNTRY_CA)
    return g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_day (&date),
                            (guint) g_date_get_month (&date), (guint) g_date_get_year (&date));
  return g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date), (guint) g_date_get_year (&date));
}

int
palp_date_age_years (const char *birth_iso,
                     const char *today_iso)
{
  GDate birth, today;
  int years;

  if (!palp_date_parse_iso (birth_iso, &birth) || !palp_date_parse_iso (today_iso, &today))
    return -1;
  if (g_date_compare (&birth, &today) > 0)
    return -1;

  years = g_date_get_year (&today) - g_date_get_year (&birth);
  if (g_date_get_month (&today) < g_date_get_month (&birth) ||
      (g_date_get_month (&today) == g_date_get_month (&birth) &&
       g_date_get_day (&today) < g_date_get_day (&birth)))
    years--;
  return years;
}
