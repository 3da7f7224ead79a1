/* palp-npi.h: the National Provider Identifier's shape
 *
 * An NPI is ten digits, the first 1 or 2, the last a Luhn check digit
 * computed as if the nine before it were prefixed with the card issuer
 * number 80840 (CMS's "NPI check digit" rule). A valid shape says nothing
 * about whether NPPES has issued the number; it catches typing slips
 * before they reach a claim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PALP_NPI_DIGITS 10

/* TRUE when @text is exactly ten ASCII digits starting with 1 or 2 with a
 * correct check digit. Callers strip surrounding spaces first; a space
 * inside is an error. Otherwise FALSE with PALP_CORE_ERROR_REQUIRED (empty)
 * or PALP_CORE_ERROR_INVALID and a translated message naming the fault:
 * length, a non-digit, the first digit, or the check digit. */
gboolean  palp_npi_validate     (const char  *text,
                                 GError     **error);

/* The check digit (0–9) for @first9, the first nine digits of an NPI, or
 * -1 when @first9 is not exactly nine ASCII digits. "123456789" gives 3. */
int       palp_npi_check_digit  (const char  *first9);

G_END_DECLS
