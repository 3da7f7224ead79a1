/* palp-letter-dialog.h: drafting and issuing a letter of medical necessity
 *
 * A form window (palp-form-window.h) opened from the client page's
 * Documents tab. When the record cannot support a letter, it lists what
 * is missing, in words, and nothing else. Otherwise it shows the letter
 * drafted from the record, every field editable: patient, birth date,
 * account holder, diagnoses, treatment, frequency, duration or dates,
 * goals and progress, the statement of medical necessity, the
 * prescriber's name, credentials and licence or NPI, and the letter's
 * date. Preview draws the letter as the fields stand; Issue draws it once
 * more and keeps it as issued (palp-store-letters.h), after which it is
 * never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-form-window.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* The dialog for @client; NULL with @error when the record cannot be
 * loaded. "saved" is emitted once the letter is issued. */
PalpFormWindow *palp_letter_dialog_new        (GtkWindow       *parent,
                                               PalpStore       *store,
                                               PalpClient      *client,
                                               GError         **error);
/* What the record lacks; empty when the letter was drafted. */
const char * const *palp_letter_dialog_get_missing (PalpFormWindow *dialog);
/* The field @key's widget (palp_letter_fields): an AdwEntryRow, or a
 * GtkTextView for text over several lines. NULL when nothing was drafted. */
GtkWidget      *palp_letter_dialog_get_field  (PalpFormWindow  *dialog,
                                               const char      *key);
/* Draws the letter as the fields stand, in the preview window. */
GtkWindow      *palp_letter_dialog_preview    (PalpFormWindow  *dialog,
                                               GError         **error);
/* The id of the letter issued, or 0. */
gint64          palp_letter_dialog_get_issued (PalpFormWindow  *dialog);

G_END_DECLS
