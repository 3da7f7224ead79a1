/* palp-validate.c: the shape of what people type into forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-validate.h"

/* Longest name part we accept: long compound names fit, pasted documents
 * do not. */
#define NAME_MAX_CHARS 100
#define EMAIL_MAX_CHARS 254
#define OLDEST_AGE 130

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* No control characters other than those @allowed. */
static gboolean
has_control (const char *text,
             const char *allowed)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_CONTROL && (c > 127 || strchr (allowed, (int) c) == NULL))
        return TRUE;
    }
  return FALSE;
}

gboolean
palp_validate_text (const char  *text,
                    gsize        max_chars,
                    GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (has_control (text, "\n\t"))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("Remove the control characters from the text."));
      return FALSE;
    }
  if ((gsize) g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The text is too long: at most %u characters."), (guint) max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_validate_name (const char  *text,
                    gboolean     required,
                    GError     **error)
{
  if (is_blank (text))
    {
      if (!required)
        return TRUE;
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED, _("Enter a name."));
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL) || has_control (text, ""))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("Names cannot contain control characters or line breaks."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > NAME_MAX_CHARS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("This name is too long: at most %d characters."), NAME_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_validate_email (const char  *text,
                     GError     **error)
{
  const char *at, *dot;

  if (is_blank (text))
    return TRUE;

  /* The shape only: one "@", something before it, a dotted domain after,
   * no spaces. Deliverability is not ours to judge. */
  at = strchr (text, '@');
  dot = at ? strrchr (at, '.') : NULL;
  if (!g_utf8_validate (text, -1, NULL) || has_control (text, "") ||
      strpbrk (text, " \t,;<>\"") != NULL || at == NULL || at == text ||
      strchr (at + 1, '@') != NULL || dot == NULL || dot == at + 1 || dot[1] == '\0' ||
      g_utf8_strlen (text, -1) > EMAIL_MAX_CHARS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("Enter an e-mail address such as name@example.com."));
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_validate_phone (const char  *text,
                     GError     **error)
{
  guint digits = 0;

  if (is_blank (text))
    return TRUE;

  /* Digits with the usual separators, an optional leading "+" and an
   * extension ("x123"). Between 7 and 15 digits (E.164's limit). */
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == text)
        continue;
      else if (strchr (" -().", *p) != NULL)
        continue;
      else if ((*p == 'x' || *p == 'X') && digits >= 7)
        {
          for (p++; *p == ' ' || *p == '.'; p++)
            ;
          for (; *p; p++)
            if (!g_ascii_isdigit (*p))
              goto bad;
          break;
        }
      else
        goto bad;
    }
  if (digits >= 7 && digits <= 15)
    return TRUE;

bad:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("Enter a phone number with 7 to 15 digits, such as (206) 555-0100."));
  return FALSE;
}

gboolean
palp_validate_birth_date (const char  *iso,
                          const char  *today_iso,
                          GError     **error)
{
  GDate birth, today;

  if (is_blank (iso))
    return TRUE;
  if (!palp_date_parse_iso (iso, &birth))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("This is not a real date."));
      return FALSE;
    }
  if (!palp_date_parse_iso (today_iso, &today))
    g_date_set_time_t (&today, time (NULL));
  if (g_date_compare (&birth, &today) > 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("A birth date cannot be in the future."));
      return FALSE;
    }
  if (g_date_get_year (&today) - g_date_get_year (&birth) > OLDEST_AGE)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("A birth date more than %d years ago is surely a typing mistake."),
                   OLDEST_AGE);
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_validate_login (const char  *text,
                     GError     **error)
{
  gsize len = text ? strlen (text) : 0;

  if (len == 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                   _("Enter a login, such as “maya”."));
      return FALSE;
    }
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._-", *p) == NULL)
      len = 0;
  if (len == 0 || len > 64)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("A login has 1 to 64 letters, digits, dots, dashes or underscores."));
      return FALSE;
    }
  return TRUE;
}
