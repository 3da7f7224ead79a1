/* palp-preferences-claim-forms.h: how this computer prints claim forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwPreferencesGroup titled "Claim Forms": whether CMS-1500 claims go
 * onto pre-printed red forms, and the printer's offsets for them in
 * millimetres. Kept in GSettings (this computer's printer, not the
 * clinic's); without the schema installed the rows are insensitive and
 * say why. */
GtkWidget *palp_preferences_claim_forms_new (void);

G_END_DECLS
