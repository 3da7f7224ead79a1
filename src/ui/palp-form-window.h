/* palp-form-window.h: a small form in its own window
 *
 * The shape every clinical form shares: Cancel and Save in the header bar,
 * a line under it saying why Save is off, an AdwPreferencesPage of groups.
 * The form's owner supplies a check (run on every change) and a save;
 * Ctrl+S saves, Escape closes and asks first when something was typed.
 * "saved" is emitted after a save, just before the window closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PALP_TYPE_FORM_WINDOW (palp_form_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpFormWindow, palp_form_window, PALP, FORM_WINDOW, AdwWindow)

/* Returns NULL when the form may be saved, or a translated message saying
 * what is wrong, with the row at fault in @out_row (may stay NULL). */
typedef char     *(*PalpFormCheckFunc) (gpointer    data,
                                        GtkWidget **out_row);
/* Saves; FALSE with @error shown under the header bar. */
typedef gboolean  (*PalpFormSaveFunc)  (gpointer    data,
                                        GError    **error);

/* @discard_body says what would be lost; NULL makes a read-only window
 * (a Close button, no Save). */
PalpFormWindow *palp_form_window_new         (GtkWindow        *parent,
                                              const char       *title,
                                              const char       *discard_body);
void            palp_form_window_set_funcs   (PalpFormWindow   *self,
                                              PalpFormCheckFunc check,
                                              PalpFormSaveFunc  save,
                                              gpointer          data,
                                              GDestroyNotify    destroy);
/* What the form needs, said calmly while nothing has been typed yet. */
void            palp_form_window_set_hint    (PalpFormWindow   *self,
                                              const char       *hint);
/* FALSE: the form may be saved as it was filled in (a screening with no
 * findings, a health history confirmed unchanged). */
void            palp_form_window_set_needs_change (PalpFormWindow *self,
                                              gboolean          needs_change);
void            palp_form_window_set_save_label (PalpFormWindow *self,
                                              const char       *label);
AdwPreferencesGroup *palp_form_window_add_group (PalpFormWindow *self,
                                              const char       *title,
                                              const char       *description);
/* Re-checks the form on each change of @widget (an editable, a switch or
 * check button, a combo row, a text view). */
void            palp_form_window_watch       (PalpFormWindow   *self,
                                              gpointer          widget);
/* Marks the form changed and checks it again. */
void            palp_form_window_changed     (PalpFormWindow   *self);
/* Checks without marking it changed: after filling it in. */
void            palp_form_window_recheck     (PalpFormWindow   *self);
/* Saves as Ctrl+S does: TRUE when saved (the window is then closed). */
gboolean        palp_form_window_save        (PalpFormWindow   *self);
const char     *palp_form_window_get_problem (PalpFormWindow   *self);
gboolean        palp_form_window_get_dirty   (PalpFormWindow   *self);
GtkWidget      *palp_form_window_get_save_button (PalpFormWindow *self);
/* A button in the header bar, left of Save ("Preview"). */
void            palp_form_window_add_header_button (PalpFormWindow *self,
                                              GtkWidget        *button);

/* A multi-line text field inside a group, with its accessible name. */
GtkTextView    *palp_form_text_view_new      (const char       *accessible_name,
                                              int               height);
char           *palp_form_text_view_get_text (GtkTextView      *view);

G_END_DECLS
