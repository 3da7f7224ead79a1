/* palp-soap-note.h: a visit's SOAP note
 *
 * Properties: visit-id, pain (0–10; meaningful when has-pain is 1), has-pain,
 * draping, gloves, check-ins (0/1), author-id, signed (0/1, filled on
 * load); subjective, objective, assessment, plan-text, techniques (JSON
 * array of {"name", "minutes", "regions", "intra_oral"}), adverse-effects,
 * created-at, updated-at, signed-at. A draft until the visit is signed;
 * then corrected only by amendments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-record.h"

G_BEGIN_DECLS

#define PALP_TYPE_SOAP_NOTE (palp_soap_note_get_type ())

G_DECLARE_FINAL_TYPE (PalpSoapNote, palp_soap_note, PALP, SOAP_NOTE, PalpRecord)

PalpSoapNote *palp_soap_note_new (void);

/* Fields by property name (palp-record.h). */
#define palp_soap_note_get_int(self, property) \
  palp_record_get_int (PALP_RECORD (self), (property))
#define palp_soap_note_get_string(self, property) \
  palp_record_get_string (PALP_RECORD (self), (property))

G_END_DECLS
