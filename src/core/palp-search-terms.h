/* palp-search-terms.h: what a person typed into the client search, as terms
 *
 * The store turns these terms into its full-text query; this file only
 * decides what each word means (a name fragment, a phone number's digits,
 * a birth date or a year), so the rule is testable without a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-date.h"

G_BEGIN_DECLS

typedef enum
{
  PALP_SEARCH_TERM_TEXT,    /* folded, lower-case word fragment: prefix match */
  PALP_SEARCH_TERM_DIGITS,  /* digits of a phone number: prefix match */
  PALP_SEARCH_TERM_DATE,    /* a full date, as "YYYYMMDD": exact match */
  PALP_SEARCH_TERM_YEAR,    /* a four-digit year: prefix of a birth date */
} PalpSearchTermKind;

typedef struct
{
  PalpSearchTermKind  kind;
  char               *value;
} PalpSearchTerm;

/* Returns a GPtrArray of PalpSearchTerm (freed with the array). Empty for
 * blank input. */
GPtrArray *palp_search_terms_parse (const char  *text,
                                    PalpCountry  country);

/* The accent- and case-folded form used both when indexing and searching. */
char      *palp_search_fold        (const char  *text);

G_END_DECLS
