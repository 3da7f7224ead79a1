/* palp-letter.h: a letter as issued (a letter of medical necessity, or an
 * appeal of a denied claim)
 *
 * Properties: id, client-id, claim-id (an appeal's claim; 0 for a letter
 * of medical necessity), issued-by; kind ("lomn" or "appeal"), issued-on
 * (the ISO day the letter is dated), issued-at, prescriber (the name it
 * gives for signature), fields (its text as printed, a JSON object),
 * sha256 (of its PDF). The PDF itself is read with
 * palp_store_load_letter_pdf().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_LETTER (palp_letter_get_type ())

G_DECLARE_FINAL_TYPE (PalpLetter, palp_letter, PALP, LETTER, PalpRecord)

PalpLetter *palp_letter_new (void);

/* Fields by property name (palp-record.h). */
#define palp_letter_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_letter_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
