/* palp-audit-window.h: the audit log, filtered, and exported as CSV
 *
 * For one client (from the client page's Change History) or for the
 * whole clinic (from the main menu, for admins). The store decides what
 * the signed-in user may read (src/store/palp-store-audit.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-audit-words.h"
#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_AUDIT_WINDOW (palp_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpAuditWindow, palp_audit_window, PALP, AUDIT_WINDOW, AdwWindow)

/* @client_id 0: the whole clinic. */
PalpAuditWindow *palp_audit_window_new          (GtkWindow        *parent,
                                                 PalpStore        *store,
                                                 gint64            client_id);
/* The filters, as a person sets them in the window (0: everyone). */
void             palp_audit_window_set_user     (PalpAuditWindow  *self,
                                                 gint64            user_id);
void             palp_audit_window_set_kind     (PalpAuditWindow  *self,
                                                 PalpAuditKind     kind);
/* Dates as typed, in the clinic's short form or ISO; "" for no bound. */
void             palp_audit_window_set_dates    (PalpAuditWindow  *self,
                                                 const char       *from,
                                                 const char       *to);
/* The entries shown so far (PalpAuditEntry), newest first. */
GListModel      *palp_audit_window_get_entries  (PalpAuditWindow  *self);
/* Every entry the filters match (not only those shown), as CSV, into
 * @file (mode 0600). */
gboolean         palp_audit_window_export       (PalpAuditWindow  *self,
                                                 GFile            *file,
                                                 GError          **error);

G_END_DECLS
