/* palp-claim-window.h: one insurance claim, from draft to closed
 *
 * Its own window, beside the client's record: the claim's parties,
 * diagnoses and lines (units corrected while it is a draft), its
 * pre-flight in words, the moves its status allows (mark ready, submit,
 * the payer's answer, appeal, replace or void), the follow-up log, and
 * the CMS-1500 form and the appeal letter in the preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store-claims.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLAIM_WINDOW (palp_claim_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpClaimWindow, palp_claim_window, PALP, CLAIM_WINDOW, AdwWindow)

/* Signals: "changed" after the claim changed (its status, lines or log),
 * so that lists showing it reload. */

/* NULL with @error when claim @claim_id cannot be loaded. */
PalpClaimWindow  *palp_claim_window_new              (GtkWindow        *parent,
                                                      PalpStore        *store,
                                                      PalpUser         *user,
                                                      gint64            claim_id,
                                                      GError          **error);
PalpClaim        *palp_claim_window_get_claim        (PalpClaimWindow  *self);
/* The pre-flight's problems in words (char *), empty when none; NULL for
 * a claim already sent. */
GPtrArray        *palp_claim_window_get_problems     (PalpClaimWindow  *self);
/* The CMS-1500 in the preview (this computer's paper mode and offsets),
 * as Preview Claim Form does; the preview, or NULL with @error. */
GtkWindow        *palp_claim_window_preview_form     (PalpClaimWindow  *self,
                                                      GError          **error);
/* The dialog the last action opened, while shown. */
AdwMessageDialog *palp_claim_window_get_dialog       (PalpClaimWindow  *self);
/* The window the last action opened (a preview, a replacement claim),
 * while shown. */
GtkWindow        *palp_claim_window_get_opened       (PalpClaimWindow  *self);

G_END_DECLS
