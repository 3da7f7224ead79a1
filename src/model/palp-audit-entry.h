/* palp-audit-entry.h: one row of the audit log
 *
 * Properties: id (gint64), at (ISO date-time, UTC), user-id (gint64),
 * user-name, action ("insert", "update", "delete", "sign-in", ...),
 * table-name, row-id (gint64), client-id (gint64, 0 if none),
 * before (JSON text or NULL), after (JSON text or NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PALP_TYPE_AUDIT_ENTRY (palp_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (PalpAuditEntry, palp_audit_entry, PALP, AUDIT_ENTRY, GObject)

G_END_DECLS
