/* palp-note-editor.h: a visit's SOAP note, beside its body chart
 *
 * The note as a column of sections (safety, subjective, objective with
 * the plan's measurements, assessment with each goal's progress, plan,
 * techniques with minutes and regions, adverse effects). A draft saves
 * itself within two seconds of the last change, and when the editor goes
 * away. "Sign…" lists every safety gate the store checks, lets the
 * practitioner give a reason to pass an overridable one, and signs; a
 * signed note is read-only and gains amendments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-atlas.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_NOTE_EDITOR (palp_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalpNoteEditor, palp_note_editor, PALP, NOTE_EDITOR, GtkWidget)

/* Loads the note of @visit_id as @user sees it. */
void         palp_note_editor_load            (PalpNoteEditor *self,
                                               PalpStore      *store,
                                               PalpClinic     *clinic,
                                               PalpUser       *user,
                                               PalpAtlas      *atlas,
                                               gint64          visit_id);
/* The chart's summary in words, inserted into Objective on request. */
void         palp_note_editor_set_chart_summary (PalpNoteEditor *self,
                                               const char     *summary);
/* The regions the chart's marks lie in (comma-separated ids): a new
 * technique starts with them. */
void         palp_note_editor_set_chart_regions (PalpNoteEditor *self,
                                               const char     *regions);
/* Saves a pending draft now. FALSE with @error when the store refused. */
gboolean     palp_note_editor_save_now        (PalpNoteEditor *self,
                                               GError        **error);
gboolean     palp_note_editor_get_dirty       (PalpNoteEditor *self);
gboolean     palp_note_editor_get_signed      (PalpNoteEditor *self);
const char  *palp_note_editor_get_problem     (PalpNoteEditor *self);

/* For tests and the keyboard: the text of a section ("subjective",
 * "objective", "assessment", "plan-text", "adverse-effects"). */
GtkTextBuffer *palp_note_editor_get_buffer    (PalpNoteEditor *self,
                                               const char     *section);
/* Where typing starts (Subjective), or NULL when the note is read-only. */
GtkWidget   *palp_note_editor_get_first_field (PalpNoteEditor *self);
/* Opens the sign popover (checks the gates again). */
void         palp_note_editor_show_gates      (PalpNoteEditor *self);
/* The gates as last checked (GPtrArray of PalpGateResult), or NULL. */
GPtrArray   *palp_note_editor_get_gates       (PalpNoteEditor *self);

G_END_DECLS
