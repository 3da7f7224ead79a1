/* palp-visit-editor.h: a visit's appointment and its billing lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_VISIT_EDITOR (palp_visit_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisitEditor, palp_visit_editor, PALP, VISIT_EDITOR, AdwWindow)

/* @visit NULL: a new visit of client @client_id. @user is who is signed
 * in. Emits "changed" whenever the stored visit or its lines change, and
 * "saved" (PalpVisit) when Save has written the appointment. */
PalpVisitEditor *palp_visit_editor_new           (PalpStore       *store,
                                                  PalpClinic      *clinic,
                                                  PalpUser        *user,
                                                  gint64           client_id,
                                                  PalpVisit       *visit);
/* The row editing "practitioner", "date", "time", "duration", "status",
 * "service" or "minutes", for tests. */
GtkWidget       *palp_visit_editor_get_row       (PalpVisitEditor *self,
                                                  const char      *field);
/* The stored visit, or NULL while a new one has not been saved. */
PalpVisit       *palp_visit_editor_get_visit     (PalpVisitEditor *self);
/* The billing lines shown (GListModel of PalpVisitLine). */
GListModel      *palp_visit_editor_get_lines     (PalpVisitEditor *self);
/* The combined-session warning (visible or not). */
GtkWidget       *palp_visit_editor_get_mixed_warning (PalpVisitEditor *self);
/* Why the last action could not be done, or NULL. */
const char      *palp_visit_editor_get_problem   (PalpVisitEditor *self);
/* Adds a line of the chosen service (saving a new visit first). */
gboolean         palp_visit_editor_add_line      (PalpVisitEditor *self);
gboolean         palp_visit_editor_save          (PalpVisitEditor *self);

G_END_DECLS
