/* palp-receipt-number.h: how receipt numbers are written
 *
 * A receipt number is built from a small pattern the clinic sets in
 * Preferences. Tokens in braces are replaced; everything else is copied:
 *
 *   {series}   the category's series letter: T, E or G
 *   {year}     the four-digit year of issue
 *   {seq}      the sequence number within the series (and year)
 *   {seq:N}    the same, zero-padded to N digits (1 to 12)
 *
 * The default "{series}-{year}-{seq:6}" gives "T-2026-000124". A pattern
 * must hold {series} and one {seq}, so numbers of different series never
 * collide. Handing out sequence numbers without gaps is the store's work;
 * this only writes and reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-service-category.h"

G_BEGIN_DECLS

#define PALP_RECEIPT_NUMBER_DEFAULT_PATTERN "{series}-{year}-{seq:6}"
#define PALP_RECEIPT_NUMBER_MAX_SEQ         G_GINT64_CONSTANT (999999999999)

gboolean  palp_receipt_pattern_validate (const char          *pattern,
                                         GError             **error);
/* Whether sequences restart each year: TRUE when the pattern has {year}. */
gboolean  palp_receipt_pattern_has_year (const char          *pattern);

/* NULL and @error for an invalid pattern, a year outside 1000–9999 or a
 * sequence outside 1–PALP_RECEIPT_NUMBER_MAX_SEQ. */
char     *palp_receipt_number_format    (const char          *pattern,
                                         PalpServiceCategory  category,
                                         int                  year,
                                         gint64               seq,
                                         GError             **error);

/* Reads @number back. @out_year is 0 when the pattern has no {year}.
 * A sequence longer than its padding still parses (the 1,000,000th
 * receipt of a 6-digit pattern), since the formatter writes it that way. */
gboolean  palp_receipt_number_parse     (const char          *pattern,
                                         const char          *number,
                                         PalpServiceCategory *out_category,
                                         int                 *out_year,
                                         gint64              *out_seq,
                                         GError             **error);

G_END_DECLS
