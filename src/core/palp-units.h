/* palp-units.h: billing units for timed procedure codes
 *
 * Most massage-therapy procedure codes (97124, 97140, 97110, 97112,
 * 97530) are "timed": one unit stands for 15 minutes of one-on-one work.
 * How the documented minutes of one client on one date of service become
 * units is the payer's choice (DOMAIN.md §6):
 *
 * - CMS 8-minute rule: the day's timed minutes are added up; the total
 *   gives the units, (minutes + 7) / 15 from 8 minutes on. The units are
 *   then spread over the codes: each code first gets its whole 15-minute
 *   blocks, and the units left go one by one to the codes with the most
 *   minutes left over. Tie-break (CMS lets the provider choose): among
 *   codes with the same minutes left over, the code with more minutes in
 *   all comes first, then the code whose number sorts first. The result
 *   never depends on the order the techniques were written down.
 * - Per code ("substantial portion"): each code is rounded on its own,
 *   (minutes + 7) / 15 from 8 minutes on.
 *
 * Untimed codes (supervised modalities 97010–97028, evaluations
 * 97161–97168) are billed once per date of service whatever the minutes,
 * and their minutes never count towards the timed total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A day has 1,440 minutes: more documented for one client on one date is
 * a typing slip, not a session. */
#define PALP_UNITS_MAX_MINUTES 1440

typedef enum
{
  PALP_UNIT_RULE_CMS,       /* CMS 8-minute rule over the day's total */
  PALP_UNIT_RULE_PER_CODE,  /* each code rounded on its own */
} PalpUnitRule;

/* "cms" / "per-code". */
const char  *palp_unit_rule_to_string    (PalpUnitRule    rule);
/* FALSE and @error (PALP_CORE_ERROR_INVALID) for anything but "cms" and
 * "per-code". */
gboolean     palp_unit_rule_from_string  (const char     *text,
                                          PalpUnitRule   *out_rule,
                                          GError        **error);
/* A translated name for the rule ("CMS 8-minute rule", "Per code"). */
const char  *palp_unit_rule_get_label    (PalpUnitRule    rule);

/* FALSE for the untimed codes named above; TRUE for every other code. */
gboolean     palp_cpt_code_is_timed      (const char     *code);

/* Units for @minutes of one timed code or one day's total: 0 under 8
 * minutes, then (minutes + 7) / 15. */
guint        palp_units_for_minutes      (guint           minutes);
/* The fewest minutes that support @units: 0 for none, else 15 × units − 7. */
guint        palp_units_minimum_minutes  (guint           units);

typedef struct
{
  const char  *code;      /* CPT number; borrowed */
  guint        minutes;   /* documented minutes for this code on this date */
  gboolean     timed;
  guint        units;     /* out: units billed */
} PalpUnitLine;

/* Computes @lines[i].units for one client on one date of service by
 * @rule. Codes must be distinct (add a code's minutes up first). FALSE
 * and @error, leaving every line untouched, when a code is missing or
 * repeated, or the timed minutes exceed PALP_UNITS_MAX_MINUTES. */
gboolean     palp_units_compute          (PalpUnitRule    rule,
                                          PalpUnitLine   *lines,
                                          gsize           n_lines,
                                          GError        **error);

/* Checks units entered by hand (a claim line corrected by the admin)
 * against the documented minutes: billed minutes must never exceed
 * documented ones. By the CMS rule the day's timed units may not need
 * more minutes than the day's total; per code, each code's units may not
 * need more than its own minutes. An untimed code bills at most one unit.
 * FALSE and a message naming the first code at fault. */
gboolean     palp_units_check_supported  (PalpUnitRule        rule,
                                          const PalpUnitLine *lines,
                                          gsize               n_lines,
                                          GError            **error);

G_END_DECLS
