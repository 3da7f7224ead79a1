/* palp-audit-words.h: the audit log in words, and its kinds
 *
 * The audit log stores table names, action keys and JSON snapshots; a
 * person reading it wants "SOAP note", "Voided" and "phone: 555-0101 →
 * 555-0199". Kinds group tables (and sign-in actions) the way a clinic
 * asks about them: "what happened to the receipts last week?".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_AUDIT_KIND_ALL,
  PALP_AUDIT_KIND_CLIENTS,
  PALP_AUDIT_KIND_VISITS,
  PALP_AUDIT_KIND_NOTES,
  PALP_AUDIT_KIND_CHART,
  PALP_AUDIT_KIND_BILLING,     /* receipts and payments */
  PALP_AUDIT_KIND_CLINICAL,    /* health history, screening, consent, plan, diagnoses */
  PALP_AUDIT_KIND_INSURANCE,
  PALP_AUDIT_KIND_SETTINGS,    /* clinic, users, services, rules */
  PALP_AUDIT_KIND_SIGN_IN,     /* sign-in, failures, lock-outs, locks */
} PalpAuditKind;

#define PALP_AUDIT_KIND_COUNT (PALP_AUDIT_KIND_SIGN_IN + 1)

/* Translated name of a kind: "All", "Clients", "Receipts and payments", ... */
const char         *palp_audit_kind_get_label   (PalpAuditKind  kind);
/* The tables a kind covers, NULL-terminated; NULL when any table will do. */
const char * const *palp_audit_kind_get_tables  (PalpAuditKind  kind);
/* The actions a kind covers, NULL-terminated; NULL when any action will do. */
const char * const *palp_audit_kind_get_actions (PalpAuditKind  kind);

/* A table in words ("SOAP note", "Receipt"); an unknown table's own name. */
const char         *palp_audit_table_label      (const char    *table);
/* An action in words ("Created", "Signed", "Signed in"); an unknown key itself. */
const char         *palp_audit_action_label     (const char    *action);
/* Whether the table holds the narrative of clinical notes, which only
 * practitioners read. */
gboolean            palp_audit_table_is_narrative (const char  *table);

/* What a change did, on one line: for an update, each field that changed
 * with its value before and after ("phone: 555-0101 → 555-0199; email:
 * — → a@b.c"), long values shortened; with @show_values FALSE only the
 * fields' names. @before and @after are the log's JSON objects (or NULL). */
char               *palp_audit_describe_change  (const char    *action,
                                                 const char    *before,
                                                 const char    *after,
                                                 gboolean       show_values);

/* Appends @text to @out as one CSV cell (RFC 4180: quoted when it holds a
 * comma, a quote or a line break, quotes doubled), then "," or, when
 * @last, CRLF. A cell starting with = + - @ (or a tab or CR) is a formula
 * to a spreadsheet: it gets a leading apostrophe, so text a client typed
 * is never run. */
void                palp_csv_append_cell        (GString       *out,
                                                 const char    *text,
                                                 gboolean       last);

G_END_DECLS
