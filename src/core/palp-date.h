/* palp-date.h: dates as the clinic writes them
 *
 * Dates travel through the model and the store as ISO 8601 strings
 * ("1980-04-02"); these helpers parse, check and format them in the
 * conventions of the clinic's country.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_COUNTRY_US,
  PALP_COUNTRY_CA,
} PalpCountry;

PalpCountry  palp_country_from_code        (const char   *code);
const char  *palp_country_to_code          (PalpCountry   country);

/* ISO "YYYY-MM-DD" -> GDate; FALSE on any other shape or an impossible day. */
gboolean     palp_date_parse_iso           (const char   *text,
                                            GDate        *out_date);
char        *palp_date_to_iso              (const GDate  *date);
/* Today in local time, as ISO. */
char        *palp_date_today_iso           (void);

/* A date typed by a person: ISO, or the country's short form
 * (US: MM/DD/YYYY, CA: DD/MM/YYYY). */
gboolean     palp_date_parse_user          (const char   *text,
                                            PalpCountry   country,
                                            GDate        *out_date);
/* The country's short form of an ISO date; NULL if @iso is not a date. */
char        *palp_date_format_short        (const char   *iso,
                                            PalpCountry   country);
/* Whole years between @birth_iso and @today_iso, or -1. */
int          palp_date_age_years           (const char   *birth_iso,
                                            const char   *today_iso);

G_END_DECLS
