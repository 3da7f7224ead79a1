/* palp-store-private.h: for the store's own files and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "palp-permissions.h"
#include "palp-store.h"

G_BEGIN_DECLS

sqlite3    *palp_store_get_db           (PalpStore     *self);
/* Loads the clients with @ids (in any order) into @out, in the order of
 * @ids; missing ids leave NULL. Fastest with up to
 * PALP_STORE_CLIENT_PAGE ids. */
#define PALP_STORE_CLIENT_PAGE 64
gboolean    palp_store_load_clients_by_ids (PalpStore  *self,
                                            const gint64 *ids,
                                            guint       n_ids,
                                            PalpClient **out,
                                            GError    **error);
/* The list model over ordered ids (palp-client-list.c). */
GListModel *palp_client_list_new        (PalpStore     *store,
                                         GArray        *ids);
/* Shared by the store's own files. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Maps an SQLite result code to PALP_STORE_ERROR; always returns FALSE. */
gboolean      palp_store_set_db_error   (GError       **error,
                                         sqlite3       *db,
                                         int            rc);
sqlite3_stmt *palp_store_prepare        (PalpStore     *self,
                                         const char    *sql,
                                         GError       **error);
/* A statement for a hot query (@sql a constant), prepared once and kept by
 * the store; hand it back with palp_store_release_cached(), never
 * sqlite3_finalize(). */
sqlite3_stmt *palp_store_prepare_cached (PalpStore     *self,
                                         const char    *sql,
                                         GError       **error);
void          palp_store_release_cached (PalpStore     *self,
                                         sqlite3_stmt  *stmt);
/* Reads an existing file's identity without writing to it: refuses files
 * of other programs and newer schemas; returns its schema version. */
gboolean      palp_store_inspect_file   (const char    *path,
                                         int           *out_version,
                                         GError       **error);
/* Closes the connection (FALSE, LOCKED, while a statement is still open)
 * and opens the file at the same path again, migrated: a restore swaps the
 * file in between while every holder of the store keeps its reference. */
gboolean      palp_store_disconnect     (PalpStore     *self,
                                         GError       **error);
gboolean      palp_store_reconnect      (PalpStore     *self,
                                         GError       **error);
/* Refuses a path on a network filesystem. */
gboolean      palp_store_check_local    (const char    *path,
                                         GError       **error);

/* Transactions: a save opens its own, or a savepoint inside a batch. */
gboolean      palp_store_tx_begin       (PalpStore     *self,
                                         GError       **error);
/* Commits when @ok, else rolls back; returns whether it committed. */
gboolean      palp_store_tx_end         (PalpStore     *self,
                                         gboolean       ok,
                                         GError       **error);
gboolean      palp_store_step_done      (PalpStore     *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
/* Binds text, or NULL for empty text. */
void          palp_store_bind_text      (sqlite3_stmt  *stmt,
                                         int            index,
                                         const char    *text);
/* "birth-date" → "birth_date" */
char         *palp_store_column_for     (const char    *prop);

/* Whether a filesystem magic number (statfs f_type) is a network one. */
gboolean    palp_store_fs_is_network    (gint64         f_type);

/* Fails with CONSTRAINT (or NO_USER) unless the acting user may @action. */
gboolean      palp_store_require        (PalpStore     *self,
                                         PalpAction     action,
                                         gint64         owner_id,
                                         GError       **error);

/* The same as the public functions, at a given time (@now NULL: now): the
 * demo writes a history with them. */
GListModel   *palp_store_issue_receipts_at (PalpStore                 *self,
                                            const gint64              *visit_ids,
                                            guint                      n_visits,
                                            const PalpCheckoutPayment *payment,
                                            gint64                     replaces,
                                            PalpReceiptRenderFunc      render,
                                            gpointer                   user_data,
                                            GDateTime                 *now,
                                            GError                   **error);
gboolean      palp_store_void_receipt_at (PalpStore    *self,
                                          const char   *number,
                                          const char   *reason,
                                          GDateTime    *now,
                                          GError      **error);
gboolean      palp_store_record_payment_at (PalpStore   *self,
                                            PalpPayment *payment,
                                            GDateTime   *now,
                                            GError     **error);
/* One object from the current row of @stmt; NULL with @error to stop. */
typedef GObject *(*PalpStoreRowFunc) (PalpStore     *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
/* Steps @stmt (prepared and bound) to its end, making an object of @type
 * from each row with @row: the list, or NULL with @error. */
GListModel   *palp_store_collect        (PalpStore        *self,
                                         sqlite3_stmt     *stmt,
                                         GType             type,
                                         PalpStoreRowFunc  row,
                                         GError          **error);

/* A new record of @type (a PalpRecord) from the current row of @stmt:
 * column i sets property @props[i] (NULL-terminated), as a whole number or
 * a string by the property's type. */
GObject      *palp_store_row_to_record  (GType                type,
                                         const char * const  *props,
                                         sqlite3_stmt        *stmt);

/* Adds "receipt-document: ..." problems for palp_store_check(). */
gboolean      palp_store_check_receipts (PalpStore     *self,
                                         GPtrArray     *problems,
                                         GError       **error);
/* Adds the clinical record's problems ("note-after-signature: ...",
 * "amendment-unsigned: ...", "consent-revocation: ...") for
 * palp_store_check(). */
gboolean      palp_store_check_clinical (PalpStore     *self,
                                         GPtrArray     *problems,
                                         GError       **error);

/* Adds "letter-document: ..." problems for palp_store_check(). */
gboolean      palp_store_check_letters  (PalpStore     *self,
                                         GPtrArray     *problems,
                                         GError       **error);
/* Adds the claims' problems ("claim-changed: ...", "claim-totals: ...",
 * ...) for palp_store_check() (palp-store-claims.c). */
gboolean      palp_store_check_claims   (PalpStore     *self,
                                         GPtrArray     *problems,
                                         GError       **error);

/* Small helpers the store's files share (palp-store-util.c). The first
 * three set an error of that code with @message and return FALSE. */
gboolean      palp_store_invalid        (GError       **error,
                                         const char    *message);
gboolean      palp_store_refuse         (GError       **error,
                                         const char    *message);
gboolean      palp_store_not_found      (GError       **error,
                                         const char    *message);
/* @text within @max characters and free of control characters; when
 * @required, not blank (else INVALID with @missing). */
gboolean      palp_store_text_ok        (const char    *text,
                                         gsize          max,
                                         gboolean       required,
                                         const char    *missing,
                                         GError       **error);
/* Sets @record's properties from the row's columns, named as the
 * properties with "_" for "-"; NULL columns are left unset. */
GObject      *palp_store_fill_record    (GObject       *record,
                                         sqlite3_stmt  *stmt);
/* The first item of @list (a new reference), or NULL. */
gpointer      palp_store_first_item     (GListModel    *list);
/* @sql's rows with ?1 bound to @id, made by @row. */
GListModel   *palp_store_list_by_id     (PalpStore     *self,
                                         const char    *sql,
                                         gint64         id,
                                         GType          type,
                                         PalpStoreRowFunc row,
                                         GError       **error);
/* The first column of @sql's first row, with ?1 bound to @a and ?2 (when
 * @sql has it) to @b; @fallback when there is no row or the query fails. */
gint64        palp_store_query_int      (PalpStore     *self,
                                         const char    *sql,
                                         gint64         a,
                                         gint64         b,
                                         gint64         fallback);
/* The first column of @sql's first row as new text, ?1 bound to @a; NULL
 * when there is no row, the value is NULL or the query fails. */
char         *palp_store_query_text     (PalpStore     *self,
                                         const char    *sql,
                                         gint64         a);
/* Column @i of the current row as new text (NULL for NULL). */
char         *palp_store_column_dup     (sqlite3_stmt  *stmt,
                                         int            i);

/* The one row of @sql with ?1 bound to @id (a new reference), or NULL
 * with NOT_FOUND and @missing when there is none. */
gpointer      palp_store_load_by_id     (PalpStore     *self,
                                         const char    *sql,
                                         gint64         id,
                                         GType          type,
                                         PalpStoreRowFunc row,
                                         const char    *missing,
                                         GError       **error);

/* One consistency check of `check`: rows of @sql are problems, written
 * "CODE: " and @format given the first two columns as strings. */
typedef struct
{
  const char *code;
  const char *sql;
  const char *format;
} PalpStoreCheck;

/* Adds what each of @checks finds to @problems. */
gboolean      palp_store_run_checks     (PalpStore     *self,
                                         const PalpStoreCheck *checks,
                                         gsize          n_checks,
                                         GPtrArray     *problems,
                                         GError       **error);

/* Runs @sql with @record's properties @props bound to parameters 1, 2,
 * ... (an int property whose name ends in "?" binds 0 as NULL), in the
 * current transaction. */
gboolean      palp_store_exec_props     (PalpStore     *self,
                                         const char    *sql,
                                         gpointer       record,
                                         const char * const *props,
                                         GError       **error);
/* A PalpStoreRowFunc named @name_row that fills a new @TYPE from the row
 * (palp_store_fill_record ()). */
#define PALP_STORE_ROW_FUNC(name, TYPE)                                       \
  static GObject *                                                           \
  name##_row (PalpStore *self, sqlite3_stmt *stmt, GError **error)           \
  {                                                                          \
    (void) self;                                                             \
    (void) error;                                                            \
    return palp_store_fill_record (g_object_new (TYPE, NULL), stmt);         \
  }

/* Local time as the store writes it: "YYYY-MM-DD HH:MM:SS". */
char         *palp_store_now_string     (void);

G_END_DECLS
