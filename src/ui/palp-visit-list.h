/* palp-visit-list.h: one client's visits, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-chart-window.h"
#include "palp-store.h"
#include "palp-visit-editor.h"

G_BEGIN_DECLS

#define PALP_TYPE_VISIT_LIST (palp_visit_list_get_type ())

G_DECLARE_FINAL_TYPE (PalpVisitList, palp_visit_list, PALP, VISIT_LIST, GtkWidget)

void             palp_visit_list_set_store    (PalpVisitList *self,
                                               PalpStore     *store);
void             palp_visit_list_set_clinic   (PalpVisitList *self,
                                               PalpClinic    *clinic);
/* Who is signed in: decides what they may book and bill. */
void             palp_visit_list_set_user     (PalpVisitList *self,
                                               PalpUser      *user);
/* The client whose visits are listed (0: none). */
void             palp_visit_list_set_client   (PalpVisitList *self,
                                               gint64         client_id);
void             palp_visit_list_reload       (PalpVisitList *self);
/* The visits shown (GListModel of PalpVisit). */
GListModel      *palp_visit_list_get_visits   (PalpVisitList *self);
/* Opens the editor on @visit (NULL: a new visit) and returns it. */
PalpVisitEditor *palp_visit_list_open_editor  (PalpVisitList *self,
                                               PalpVisit     *visit);
/* Opens the body chart of @visit in its own window and returns it. */
PalpChartWindow *palp_visit_list_open_chart   (PalpVisitList *self,
                                               PalpVisit     *visit);
/* Opens the SOAP note of @visit in the preview, as its row's button does;
 * the preview, or NULL with @error (no note yet, an esthetic visit). */
GtkWindow       *palp_visit_list_open_soap_note (PalpVisitList *self,
                                                 PalpVisit     *visit,
                                                 GError       **error);

G_END_DECLS
