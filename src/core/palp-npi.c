/* palp-npi.c: the National Provider Identifier's shape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-npi.h"

/* The Luhn sum of the prefix 80840 with its digits doubled where the
 * algorithm doubles them once nine digits follow: 8, 0*2, 8, 4*2, 0 ->
 * 8 + 0 + 8 + 8 + 0 = 24. Adding it is the same as prefixing 80840. */
#define PREFIX_80840_SUM 24

int
palp_npi_check_digit (const char *first9)
{
  guint sum = PREFIX_80840_SUM;

  if (first9 == NULL || strlen (first9) != PALP_NPI_DIGITS - 1)
    return -1;

  /* The rightmost of the nine is the first to double, since the check
   * digit will stand to its right. */
  for (int i = PALP_NPI_DIGITS - 2; i >= 0; i--)
    {
      guint d;

      if (!g_ascii_isdigit (first9[i]))
        return -1;
      d = (guint) (first9[i] - '0');
      if ((PALP_NPI_DIGITS - 2 - i) % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }

  return (int) ((10 - sum % 10) % 10);
}

gboolean
palp_npi_validate (const char  *text,
                   GError     **error)
{
  char first9[PALP_NPI_DIGITS];
  gsize len;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Enter the NPI: ten digits."));
      return FALSE;
    }

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      {
        g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                             _("An NPI has digits only: remove spaces, dashes and letters."));
        return FALSE;
      }

  len = strlen (text);
  if (len != PALP_NPI_DIGITS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("An NPI has ten digits; this one has %u. Check it against the "
                     "provider's NPPES record."),
                   (guint) len);
      return FALSE;
    }

  if (text[0] != '1' && text[0] != '2')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("An NPI starts with 1 or 2. Check the first digit."));
      return FALSE;
    }

  memcpy (first9, text, PALP_NPI_DIGITS - 1);
  first9[PALP_NPI_DIGITS - 1] = '\0';
  if (palp_npi_check_digit (first9) != text[PALP_NPI_DIGITS - 1] - '0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("This is not a valid NPI: its last digit does not match the "
                             "others. Look for a mistyped or swapped digit."));
      return FALSE;
    }

  return TRUE;
}
