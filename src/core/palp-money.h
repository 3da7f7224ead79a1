/* palp-money.h: amounts of money in integer cents
 *
 * Every amount in Palpate is a gint64 count of cents: no floating point
 * ever touches money, so sums, taxes and balances are exact and a receipt
 * reprinted in ten years adds up the same way.
 *
 * Formatting follows the convention of the document's language rather
 * than the process locale, because a French receipt can be printed from an
 * English session: "en" gives "$1,234.50", "fr" gives "1 234,50 $" (the
 * spaces are U+00A0 NO-BREAK SPACE, so an amount never wraps).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount a person may type: one million dollars. Anything
 * above is a slip of the finger (an extra zero or two), not a fee. */
#define PALP_MONEY_MAX_CENTS G_GINT64_CONSTANT (100000000)

typedef enum
{
  PALP_CURRENCY_USD,
  PALP_CURRENCY_CAD,
} PalpCurrency;

/* "USD" / "CAD" (case-insensitive); FALSE and @error for anything else. */
gboolean     palp_currency_from_code      (const char    *code,
                                           PalpCurrency  *out_currency,
                                           GError       **error);
const char  *palp_currency_to_code        (PalpCurrency   currency);

/* @language: "en", "fr", "fr_CA", "fr-CA"...; NULL or unknown means English. */
char        *palp_money_format            (gint64         cents,
                                           PalpCurrency   currency,
                                           const char    *language);
/* The amount without the currency sign ("1,234.50" / "1 234,50"), for
 * table columns whose header names the currency. */
char        *palp_money_format_number     (gint64         cents,
                                           const char    *language);
/* Machine form for CSV and JSON: "-1234.50", no grouping, always '.'. */
char        *palp_money_format_plain      (gint64         cents);

/* Parses an amount typed by a person. Accepts an optional "$" before or
 * after, surrounding spaces, grouping as the language writes it, and '.'
 * or (in French) ',' for the cents. Refuses, with a message saying why:
 * empty text (PALP_CORE_ERROR_REQUIRED), negative amounts, more than two
 * decimals, more than PALP_MONEY_MAX_CENTS, and anything else
 * (PALP_CORE_ERROR_INVALID). @out_cents is untouched on failure. */
gboolean     palp_money_parse             (const char    *text,
                                           const char    *language,
                                           gint64        *out_cents,
                                           GError       **error);

/* @unit_cents × @quantity; FALSE on overflow or a negative operand. */
gboolean     palp_money_multiply          (gint64         unit_cents,
                                           gint64         quantity,
                                           gint64        *out_cents);
/* @a + @b; FALSE on overflow. */
gboolean     palp_money_add               (gint64         a,
                                           gint64         b,
                                           gint64        *out_cents);

/* TRUE when @language asks for French conventions. */
gboolean     palp_money_language_is_french (const char   *language);

G_END_DECLS
