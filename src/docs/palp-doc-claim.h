/* palp-doc-claim.h: a CMS-1500 (02/12) claim form as PDF
 *
 * The data is typed on the form's own grid (10 characters per inch, 6
 * lines per inch on US Letter) in a fixed-pitch face, in capitals, with
 * dates, diagnoses and amounts written as each box asks. Where each box
 * and each of its fields lies is data, not code: data/forms/cms1500.ini in
 * the core GResource.
 *
 * Two modes:
 *  - blank paper: the form itself is drawn (boxes, numbers and titles in
 *    the form's red, the shaded areas) and the data on it;
 *  - pre-printed: the data only, for the red forms in the printer's tray,
 *    moved by the clinic's offsets (a printer rarely feeds a form exactly
 *    where it should). The offsets apply to this mode only: on blank paper
 *    the form moves with its data.
 *
 * Six service lines go on a form; a claim with more takes further forms,
 * each totalled on its own (box 28) and numbered ("PAGE 1 OF 2" in the top
 * margin). The amount paid (box 29) is on the first form only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-claim-form.h"

G_BEGIN_DECLS

#define PALP_DOC_CLAIM_ERROR (palp_doc_claim_error_quark ())

typedef enum
{
  PALP_DOC_CLAIM_ERROR_INVALID,  /* the claim cannot make a correct form: no
                                  * lines, a pointer to no diagnosis, a value
                                  * too long for its box... */
  PALP_DOC_CLAIM_ERROR_LAYOUT,   /* the form's description is unreadable */
} PalpDocClaimError;

GQuark       palp_doc_claim_error_quark (void);

typedef struct
{
  gboolean preprinted;    /* data only, for pre-printed red forms */
  double   offset_x_mm;   /* pre-printed: move the data right (mm) */
  double   offset_y_mm;   /* pre-printed: move the data down (mm) */
} PalpDocClaimOptions;

/* The options this computer keeps (its printer's, so in GSettings rather
 * than with the clinic): the keys claim-form-preprinted,
 * claim-form-offset-x and claim-form-offset-y of
 * io.github.palpate.Palpate, set in Preferences → Payers → Claim Forms.
 * @settings NULL (no schema installed): blank paper, no offsets. */
void         palp_doc_claim_options_from_settings (GSettings           *settings,
                                                   PalpDocClaimOptions *options);

/* The resource path of the form's description. */
#define PALP_DOC_CLAIM_LAYOUT_RESOURCE "/io/github/palpate/Palpate/forms/cms1500.ini"

/* The claim's forms as one PDF, one page per form. @options NULL: blank
 * paper, no offsets. NULL and PALP_DOC_CLAIM_ERROR_INVALID, saying what is
 * wrong, when @form cannot make a correct claim. */
GBytes      *palp_doc_claim_render      (const PalpClaimForm        *form,
                                         const PalpDocClaimOptions  *options,
                                         GError                    **error);

G_END_DECLS
