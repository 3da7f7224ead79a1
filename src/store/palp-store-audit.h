/* palp-store-audit.h: reading the audit log, filtered and a page at a time
 *
 * The whole clinic's log is the admins' (PALP_ACTION_VIEW_AUDIT); one
 * client's is open to whoever may open the client (PALP_ACTION_VIEW_HISTORY).
 * A reader who may not read clinical notes gets a note's rows without
 * their before and after: the row says the note changed, never what it
 * said.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-audit-entry.h"
#include "palp-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64              client_id;  /* 0: the whole clinic */
  gint64              user_id;    /* 0: anyone */
  const char         *from;       /* first local day, "YYYY-MM-DD", or NULL */
  const char         *to;         /* last local day (included), or NULL */
  const char * const *tables;     /* NULL-terminated; NULL: any table */
  const char * const *actions;    /* NULL-terminated; NULL: any action */
  gint64              before_id;  /* > 0: only entries older than this one (the next page) */
  guint               offset;     /* entries to skip */
  guint               limit;      /* 0: no limit */
} PalpAuditQuery;

/* The entries matching @query, newest first (PalpAuditEntry). Paging by
 * @before_id (the last id of the previous page) reads only what it shows;
 * @offset is there for callers that count. A date that is not a date is
 * an error (PALP_STORE_ERROR_INVALID); so is a reader without the right. */
GListModel  *palp_store_query_audit (PalpStore             *self,
                                     const PalpAuditQuery  *query,
                                     GError               **error);

G_END_DECLS
