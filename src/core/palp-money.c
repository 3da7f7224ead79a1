/* palp-money.c: amounts of money in integer cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-money.h"

#define NBSP "\xc2\xa0"

gboolean
palp_currency_from_code (const char    *code,
                         PalpCurrency  *out_currency,
                         GError       **error)
{
  PalpCurrency currency;

  if (code != NULL && g_ascii_strcasecmp (code, "USD") == 0)
    currency = PALP_CURRENCY_USD;
  else if (code != NULL && g_ascii_strcasecmp (code, "CAD") == 0)
    currency = PALP_CURRENCY_CAD;
  else
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” is not a currency Palpate knows. Use USD or CAD."),
                   code != NULL ? code : "");
      return FALSE;
    }

  if (out_currency != NULL)
    *out_currency = currency;
  return TRUE;
}

const char *
palp_currency_to_code (PalpCurrency currency)
{
  switch (currency)
    {
    case PALP_CURRENCY_CAD:
      return "CAD";
    case PALP_CURRENCY_USD:
    default:
      return "USD";
    }
}

gboolean
palp_money_language_is_french (const char *language)
{
  return language != NULL
         && g_ascii_strncasecmp (language, "fr", 2) == 0
         && (language[2] == '\0' || language[2] == '_' || language[2] == '-'
             || language[2] == '.' || language[2] == '@');
}

/* Appends the digits of @units grouped by three with @separator. */
static void
append_grouped (GString    *out,
                guint64     units,
                const char *separator)
{
  char digits[32];
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);
  len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

static char *
format_number (gint64      cents,
               gboolean    french,
               gboolean    with_sign)
{
  GString *out = g_string_new (NULL);
  /* Through guint64 so that G_MININT64 has a magnitude too. */
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  if (cents < 0)
    g_string_append_c (out, '-');
  if (with_sign && !french)
    g_string_append_c (out, '$');

  append_grouped (out, magnitude / 100, french ? NBSP : ",");
  g_string_append_printf (out, "%c%02u", french ? ',' : '.', (guint) (magnitude % 100));

  if (with_sign && french)
    g_string_append (out, NBSP "$");

  return g_string_free (out, FALSE);
}

char *
palp_money_format (gint64        cents,
                   PalpCurrency  currency,
                   const char   *language)
{
  /* Both currencies print as "$": a clinic bills in one currency, and the
   * code belongs in a report header, not on every amount. */
  (void) currency;
  return format_number (cents, palp_money_language_is_french (language), TRUE);
}

char *
palp_money_format_number (gint64      cents,
                          const char *language)
{
  return format_number (cents, palp_money_language_is_french (language), FALSE);
}

char *
palp_money_format_plain (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          magnitude / 100,
                          (guint) (magnitude % 100));
}

static gboolean
is_space_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && is_space_at (p))
    p = g_utf8_next_char (p);
  return p;
}

/* Strips surrounding spaces and one "$" at either end. */
static char *
strip_decorations (const char *text)
{
  const char *start = skip_spaces (text);
  g_autofree char *copy = g_strdup (start);
  char *end = copy + strlen (copy);

  /* Trailing spaces, then an optional '$', then spaces again. */
  for (int round = 0; round < 2; round++)
    {
      while (end > copy)
        {
          const char *prev = g_utf8_find_prev_char (copy, end);

          if (prev == NULL || !is_space_at (prev))
            break;
          end = (char *) prev;
        }
      if (round == 0 && end > copy && end[-1] == '$')
        end--;
    }
  *end = '\0';

  if (copy[0] == '$')
    return g_strdup (skip_spaces (copy + 1));

  return g_steal_pointer (&copy);
}

static gboolean
is_negative_mark (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  /* ASCII hyphen, U+2212 MINUS SIGN, and accountants' parentheses. */
  return c == '-' || c == 0x2212 || c == '(';
}

/* Checks the integer part's digit grouping and copies its digits out. */
static gboolean
collect_integer_digits (const char *part,
                        gboolean    french,
                        GString    *digits,
                        gboolean   *bad_grouping)
{
  guint group_len = 0;
  guint n_groups = 0;
  gboolean grouped = FALSE;

  *bad_grouping = FALSE;

  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean separator = french ? is_space_at (p) : *p == ',';

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          group_len++;
        }
      else if (separator)
        {
          /* The first group has 1 to 3 digits, every later one exactly 3. */
          if (group_len == 0 || group_len > 3 || (n_groups > 0 && group_len != 3))
            {
              *bad_grouping = TRUE;
              return FALSE;
            }
          grouped = TRUE;
          n_groups++;
          group_len = 0;
        }
      else
        return FALSE;
    }

  if (grouped && group_len != 3)
    {
      *bad_grouping = TRUE;
      return FALSE;
    }

  return TRUE;
}

gboolean
palp_money_parse (const char  *text,
                  const char  *language,
                  gint64      *out_cents,
                  GError     **error)
{
  gboolean french = palp_money_language_is_french (language);
  g_autofree char *body = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *decimal_mark;
  const char *fraction = "";
  g_autofree char *integer_part = NULL;
  gboolean bad_grouping = FALSE;
  gsize fraction_len;
  guint64 units = 0;
  guint64 cents;

  g_return_val_if_fail (text != NULL, FALSE);

  /* The messages below quote the text: not a pasted page of it. */
  if (strlen (text) > 100)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("This is far too long to be an amount. Type digits, for example "
                             "85.00."));
      return FALSE;
    }

  body = strip_decorations (text);

  if (body[0] == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Enter an amount, for example 85.00."));
      return FALSE;
    }

  if (is_negative_mark (body))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” is negative. Amounts are never negative: record a refund as its "
                     "own payment instead."),
                   text);
      return FALSE;
    }

  /* French writes cents after a comma, but a period typed on an English
   * keyboard means the same when no comma is there to disagree. */
  if (french)
    decimal_mark = strchr (body, ',') != NULL ? "," : ".";
  else
    decimal_mark = ".";

  {
    char *mark = strstr (body, decimal_mark);

    if (mark != NULL)
      {
        if (strstr (mark + 1, decimal_mark) != NULL)
          goto garbage;
        integer_part = g_strndup (body, mark - body);
        fraction = mark + 1;
      }
    else
      integer_part = g_strdup (body);
  }

  if (!collect_integer_digits (integer_part, french, digits, &bad_grouping))
    {
      if (bad_grouping && !french && strchr (integer_part, ',') != NULL && fraction[0] == '\0'
          && strlen (strrchr (integer_part, ',') + 1) <= 2)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("“%s” is not an amount: cents follow a period, as in 12.50."),
                       text);
          return FALSE;
        }
      if (bad_grouping)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("“%s” is not an amount: thousands are grouped by three digits, "
                         "as in %s."),
                       text, french ? "1" NBSP "234,50" : "1,234.50");
          return FALSE;
        }
      goto garbage;
    }

  fraction_len = strlen (fraction);
  for (gsize i = 0; i < fraction_len; i++)
    if (!g_ascii_isdigit (fraction[i]))
      goto garbage;

  if (digits->len == 0 && fraction_len == 0)
    goto garbage;

  if (fraction_len > 2)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” has more than two decimals. Amounts are in dollars and cents, "
                     "as in 12.50."),
                   text);
      return FALSE;
    }

  /* Leading zeros are harmless; more than 12 significant digits is absurd
   * long before it could overflow. */
  {
    const char *d = digits->str;

    while (*d == '0')
      d++;
    if (strlen (d) > 12)
      goto absurd;
    units = d[0] != '\0' ? g_ascii_strtoull (d, NULL, 10) : 0;
  }

  cents = units * 100;
  if (fraction_len >= 1)
    cents += (guint64) (fraction[0] - '0') * 10;
  if (fraction_len == 2)
    cents += (guint64) (fraction[1] - '0');

  if (cents > (guint64) PALP_MONEY_MAX_CENTS)
    goto absurd;

  if (out_cents != NULL)
    *out_cents = (gint64) cents;
  return TRUE;

absurd:
  {
    g_autofree char *max = format_number (PALP_MONEY_MAX_CENTS, french, TRUE);

    g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                 _("“%s” is more than %s, the largest amount Palpate accepts. "
                   "Check the number of zeros."),
                 text, max);
    return FALSE;
  }

garbage:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not an amount. Type digits, for example %s."),
               text, french ? "85,00" : "85.00");
  return FALSE;
}

gboolean
palp_money_multiply (gint64  unit_cents,
                     gint64  quantity,
                     gint64 *out_cents)
{
  guint64 product;

  if (unit_cents < 0 || quantity < 0)
    return FALSE;
  if (!g_uint64_checked_mul (&product, (guint64) unit_cents, (guint64) quantity)
      || product > (guint64) G_MAXINT64)
    return FALSE;

  *out_cents = (gint64) product;
  return TRUE;
}

gboolean
palp_money_add (gint64  a,
                gint64  b,
                gint64 *out_cents)
{
  if ((b > 0 && a > G_MAXINT64 - b) || (b < 0 && a < G_MININT64 - b))
    return FALSE;

  *out_cents = a + b;
  return TRUE;
}
