/* palp-units-args.h: the arguments of `palpate-cli units`
 *
 * --rule cms|per-code (or --rule=...) and CODE=MINUTES pairs, CODE a
 * five-digit CPT number and MINUTES a whole number from 0 to
 * PALP_UNITS_MAX_MINUTES, read into a request palp_units_compute ()
 * takes. Kept apart from the command so the fuzzer reads arguments the
 * way the command does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-units.h"

G_BEGIN_DECLS

typedef struct
{
  PalpUnitRule  rule;
  GArray       *lines;  /* PalpUnitLine in the order given, timed filled in,
                         * codes borrowed from @codes */
  GPtrArray    *codes;  /* the codes, owned */
} PalpUnitsRequest;

/* Reads @n_args arguments. NULL and @error (PALP_CORE_ERROR_INVALID, a
 * message naming the argument at fault) for an unknown option, an unknown
 * rule, a pair that is not CODE=MINUTES, minutes out of range, or no rule
 * or no pair at all. A code given twice is left to palp_units_compute (). */
PalpUnitsRequest *palp_units_request_parse (const char * const  *args,
                                            gsize                n_args,
                                            GError             **error);
void              palp_units_request_free  (PalpUnitsRequest    *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpUnitsRequest, palp_units_request_free)

G_END_DECLS
