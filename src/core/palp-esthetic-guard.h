/* palp-esthetic-guard.h: what a cosmetic document must never say
 *
 * An esthetic (or other) receipt must not look like massage therapy:
 * practice advisories treat a cosmetic service receipted as massage
 * therapy as insurance fraud. The documents are built so that nothing
 * clinical reaches them; this scanner is the second line of defence, run
 * on the text a document is about to print (and by `palpate-cli check` on
 * every issued one). It finds:
 *
 *  - therapeutic wording: "massage therapy", "massothérapie", "RMT"...
 *    in any case, with or without accents;
 *  - credentials: licence, registration or member-number labels (a tax
 *    registration such as "GST/HST Reg. No." stays allowed) and the exact
 *    numbers the caller adds (the practitioner's licences, member number);
 *  - professional associations (the well-known ones, plus the caller's);
 *  - procedure codes: five digits in a code context ("CPT 97124") or in
 *    the 97xxx physical-medicine range outside an address;
 *  - diagnoses: ICD-10 shapes ("M26.601"; a bare "M54" only after "ICD"
 *    or "Dx") and diagnosis wording.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING,
  PALP_ESTHETIC_FINDING_CREDENTIAL,
  PALP_ESTHETIC_FINDING_ASSOCIATION,
  PALP_ESTHETIC_FINDING_PROCEDURE_CODE,
  PALP_ESTHETIC_FINDING_DIAGNOSIS,
} PalpEstheticFindingKind;

typedef struct
{
  PalpEstheticFindingKind  kind;
  char                    *text;    /* as it appears in the scanned text */
  gsize                    offset;  /* byte offset of @text in the scanned text */
} PalpEstheticFinding;

void         palp_esthetic_finding_free       (PalpEstheticFinding     *finding);
/* Translated, for messages: "therapeutic wording", "procedure code"... */
const char  *palp_esthetic_finding_kind_label (PalpEstheticFindingKind  kind);

typedef struct _PalpEstheticGuard PalpEstheticGuard;

/* A guard with the built-in rules. */
PalpEstheticGuard *palp_esthetic_guard_new    (void);
void               palp_esthetic_guard_free   (PalpEstheticGuard       *self);
/* Forbids @term too, matched as whole words, ignoring case, accents and
 * punctuation ("MA-60123456" also finds "MA 60123456" and "MA60123456").
 * Use it for the practitioner's licence and member numbers, association
 * name, and the clinic's legal name when it mentions massage therapy.
 * Empty or blank terms are ignored. */
void               palp_esthetic_guard_add_term (PalpEstheticGuard     *self,
                                                 PalpEstheticFindingKind kind,
                                                 const char            *term);
/* Every finding in @text (a GPtrArray of PalpEstheticFinding ordered by
 * offset; empty when the text is clean). Text that is not valid UTF-8 is
 * scanned as g_utf8_make_valid() repairs it, and offsets refer to that. */
GPtrArray         *palp_esthetic_guard_scan   (PalpEstheticGuard       *self,
                                               const char              *text);
/* FALSE with PALP_CORE_ERROR_INVALID naming what was found. */
gboolean           palp_esthetic_guard_check  (PalpEstheticGuard       *self,
                                               const char              *text,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpEstheticFinding, palp_esthetic_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpEstheticGuard, palp_esthetic_guard_free)

G_END_DECLS
