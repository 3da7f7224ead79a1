/* palp-store-receipts.c: receipts, payments and the taxes they carry
 *
 * Issuing is one transaction (BEGIN IMMEDIATE, so a second window or
 * process waits its turn): the unreceipted lines are read, split by
 * category and practitioner (palp-receipt-split.h), numbered from the
 * series counter, written, drawn as PDFs and stored with their SHA-256.
 * Any error undoes all of it. The schema's triggers hold the same rules
 * (gapless numbers, frozen rows, one category per receipt, nothing cosmetic
 * on an insurer's account), so no caller can get around them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-permissions.h"
#include "palp-receipt-number.h"
#include "palp-receipt-split.h"
#include "palp-store-private.h"
#include "palp-validate.h"

static const char *payment_methods[] = {
  "cash", "card", "cheque", "e-transfer", "insurance", "hsa-fsa", NULL
};

/* Permissions */

gboolean
palp_store_require (PalpStore   *self,
                    PalpAction   action,
                    gint64       owner_id,
                    GError     **error)
{
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(GError) local = NULL;
  PalpActor actor = { 0 };
  gint64 id = palp_store_get_actor (self);

  if (id <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Choose who you are before changing the record."));
      return FALSE;
    }
  if (!(user = palp_store_load_user (self, id, error)))
    return FALSE;
  actor.user_id = id;
  actor.roles = palp_user_get_roles (user);
  g_object_get (user, "active", &actor.active, NULL);
  if (!palp_permission_check (&actor, action, owner_id, &local))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT, local->message);
      return FALSE;
    }
  return TRUE;
}

/* "YYYY-MM-DD HH:MM:SS" in local time. */
static char *
now_string (GDateTime *when)
{
  g_autoptr(GDateTime) now = when ? g_date_time_ref (when) : g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/* Service taxes */

GPtrArray *
palp_store_list_service_taxes (PalpStore  *self,
                               gint64      service_id,
                               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT name, rate_ppm, registration FROM service_taxes"
                                   " WHERE service_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (taxes, palp_tax_component_new ((const char *) sqlite3_column_text (stmt, 0),
                                                    (guint32) sqlite3_column_int64 (stmt, 1),
                                                    (const char *) sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return g_steal_pointer (&taxes);
}

gboolean
palp_store_set_service_taxes (PalpStore  *self,
                              gint64      service_id,
                              GPtrArray  *components,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  for (guint i = 0; components != NULL && i < components->len; i++)
    {
      const PalpTaxComponent *component = g_ptr_array_index (components, i);
      g_autoptr(GError) local = NULL;

      if (!palp_tax_component_validate (component, &local))
        {
          g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, local->message);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_ascii_strcasecmp (component->name,
                                ((PalpTaxComponent *) g_ptr_array_index (components, j))->name) == 0)
          {
            g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                         _("The tax “%s” is listed twice."), component->name);
            return FALSE;
          }
    }
  if (!palp_store_require (self, PALP_ACTION_EDIT_SERVICES, 0, error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  del = palp_store_prepare (self, "DELETE FROM service_taxes WHERE service_id = ?1", error);
  ins = palp_store_prepare (self, "INSERT INTO service_taxes (service_id, name, rate_ppm,"
                                  " registration) VALUES (?1, ?2, ?3, ?4)", error);
  ok = del != NULL && ins != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (del, 1, service_id);
      ok = palp_store_step_done (self, del, error);
    }
  for (guint i = 0; ok && components != NULL && i < components->len; i++)
    {
      const PalpTaxComponent *component = g_ptr_array_index (components, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, service_id);
      palp_store_bind_text (ins, 2, component->name);
      sqlite3_bind_int64 (ins, 3, component->rate_ppm);
      palp_store_bind_text (ins, 4, component->registration);
      ok = palp_store_step_done (self, ins, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Receipts: reading */

#define RECEIPT_SELECT \
  "SELECT r.id, r.client_id, r.practitioner_id, r.issued_by, r.year, r.seq, r.subtotal_cents," \
  " r.tax_cents, r.total_cents, coalesce (r.replaces_id, 0), v.receipt_id IS NOT NULL," \
  " coalesce (v.voided_by, 0), r.number, r.series, r.category, r.issued_at, v.reason," \
  " v.voided_at, d.sha256, o.number, n.number," \
  " trim (coalesce (nullif (c.preferred_name, ''), c.given_name) || ' ' || c.family_name)," \
  " u.display_name, vu.display_name" \
  " FROM receipts r" \
  " LEFT JOIN receipt_voids v ON v.receipt_id = r.id" \
  " LEFT JOIN receipt_documents d ON d.receipt_id = r.id" \
  " LEFT JOIN receipts o ON o.id = r.replaces_id" \
  " LEFT JOIN receipts n ON n.replaces_id = r.id" \
  " JOIN clients c ON c.id = r.client_id" \
  " JOIN users u ON u.id = r.practitioner_id" \
  " LEFT JOIN users vu ON vu.id = v.voided_by "

/* Payments less refunds on @receipt_id and on every voided receipt it
 * replaces, in turn. */
static gboolean
receipt_paid (PalpStore  *self,
              gint64      receipt_id,
              gint64     *out_paid,
              GError    **error)
{
  /* Run once per receipt listed: prepared once and kept. */
  sqlite3_stmt *stmt = palp_store_prepare_cached (self,
                             "WITH RECURSIVE chain (id) AS ("
                             "  SELECT ?1 UNION ALL"
                             "  SELECT r.replaces_id FROM receipts r JOIN chain ON r.id = chain.id"
                             "  WHERE r.replaces_id IS NOT NULL)"
                             " SELECT coalesce (sum (CASE kind WHEN 'payment' THEN amount_cents"
                             "                      ELSE -amount_cents END), 0)"
                             " FROM payments WHERE receipt_id IN (SELECT id FROM chain)",
                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_paid = sqlite3_column_int64 (stmt, 0);
  else
    palp_store_set_db_error (error, palp_store_get_db (self), rc);
  palp_store_release_cached (self, stmt);
  return rc == SQLITE_ROW;
}

static GObject *
receipt_from_stmt (PalpStore     *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  static const char *columns[] = {
    "id", "client-id", "practitioner-id", "issued-by", "year", "seq", "subtotal-cents",
    "tax-cents", "total-cents", "replaces-id", "voided", "voided-by", "number", "series",
    "category", "issued-at", "void-reason", "voided-at", "sha256", "replaces-number",
    "replaced-by-number", "client-name", "practitioner-name", "voided-by-name", NULL
  };
  g_autoptr(GObject) receipt = palp_store_row_to_record (PALP_TYPE_RECEIPT, columns, stmt);
  gint64 paid = 0;

  if (!receipt_paid (self, sqlite3_column_int64 (stmt, 0), &paid, error))
    return NULL;
  g_object_set (receipt,
                "paid-cents", paid,
                "balance-cents", sqlite3_column_int (stmt, 10) ? (gint64) 0
                                 : sqlite3_column_int64 (stmt, 8) - paid,
                NULL);
  return g_steal_pointer (&receipt);
}

/* @select, then @where with ?1 bound to @a and ?2, ?3 to @b, @c (text or
 * NULL), each row made by @row. */
static GListModel *
list_where (PalpStore         *self,
            const char        *select,
            const char        *where,
            GType              type,
            PalpStoreRowFunc   row,
            gint64             a,
            const char        *b,
            const char        *c,
            GError           **error)
{
  g_autofree char *sql = g_strconcat (select, where, NULL);
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  palp_store_bind_text (stmt, 2, b);
  palp_store_bind_text (stmt, 3, c);
  return palp_store_collect (self, stmt, type, row, error);
}

static GListModel *
list_receipts_where (PalpStore    *self,
                     const char   *where,
                     gint64        a,
                     const char   *b,
                     const char   *c,
                     GError      **error)
{
  return list_where (self, RECEIPT_SELECT, where, PALP_TYPE_RECEIPT, receipt_from_stmt, a, b, c,
                     error);
}
GListModel *
palp_store_list_receipts (PalpStore  *self,
                          gint64      client_id,
                          GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return list_receipts_where (self, "WHERE (?1 = 0 OR r.client_id = ?1) AND ?2 IS NULL"
                                    " AND ?3 IS NULL ORDER BY r.issued_at DESC, r.id DESC",
                              client_id, NULL, NULL, error);
}

static PalpReceipt *
first_receipt (GListModel  *list,
               GError     **error)
{
  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("There is no such receipt."));
      return NULL;
    }
  return g_list_model_get_item (list, 0);
}

PalpReceipt *
palp_store_find_receipt (PalpStore   *self,
                         const char  *number,
                         GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  list = list_receipts_where (self, "WHERE ?1 = 0 AND r.number = ?2 AND ?3 IS NULL",
                              0, number ? number : "", NULL, error);
  return first_receipt (list, error);
}

static PalpReceipt *
load_receipt (PalpStore  *self,
              gint64      id,
              GError    **error)
{
  g_autoptr(GListModel) list = list_receipts_where (self, "WHERE r.id = ?1 AND ?2 IS NULL"
                                                          " AND ?3 IS NULL",
                                                    id, NULL, NULL, error);
  return first_receipt (list, error);
}

static GObject *
receipt_line_from_stmt (PalpStore     *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  static const char *columns[] = {
    "id", "receipt-id", "visit-line-id", "visit-id", "minutes", "quantity", "price-cents",
    "amount-cents", "category", "service-date", "description", "code", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_RECEIPT_LINE, columns, stmt);
}

static GListModel *
load_receipt_lines (PalpStore  *self,
                    gint64      receipt_id,
                    GError    **error)
{
  return list_where (self, "SELECT rl.id, rl.receipt_id, rl.visit_line_id, vl.visit_id,"
                           " rl.minutes, rl.quantity, rl.price_cents, rl.amount_cents,"
                           " rl.category, rl.service_date, rl.description, rl.code"
                           " FROM receipt_lines rl"
                           " JOIN visit_lines vl ON vl.id = rl.visit_line_id ",
                     "WHERE rl.receipt_id = ?1 AND ?2 IS NULL AND ?3 IS NULL"
                     " ORDER BY rl.service_date, rl.id",
                     PALP_TYPE_RECEIPT_LINE, receipt_line_from_stmt, receipt_id, NULL, NULL,
                     error);
}
#define TAX_SELECT \
  "SELECT t.id, t.receipt_id, t.rate_ppm, t.base_cents, t.amount_cents," \
  " EXISTS (SELECT 1 FROM receipt_voids v WHERE v.receipt_id = t.receipt_id)," \
  " t.name, t.registration, r.number, r.issued_at" \
  " FROM receipt_taxes t JOIN receipts r ON r.id = t.receipt_id "

static GObject *
receipt_tax_from_stmt (PalpStore     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  static const char *columns[] = {
    "id", "receipt-id", "rate-ppm", "base-cents", "amount-cents", "voided", "name",
    "registration", "receipt-number", "issued-at", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_RECEIPT_TAX, columns, stmt);
}

static GListModel *
list_taxes_where (PalpStore   *self,
                  const char  *where,
                  gint64       a,
                  const char  *b,
                  const char  *c,
                  GError     **error)
{
  return list_where (self, TAX_SELECT, where, PALP_TYPE_RECEIPT_TAX, receipt_tax_from_stmt, a,
                     b, c, error);
}

GListModel *
palp_store_list_receipt_taxes (PalpStore   *self,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return list_taxes_where (self, "WHERE ?1 = 0 AND (?2 IS NULL OR date (r.issued_at) >= ?2)"
                                 " AND (?3 IS NULL OR date (r.issued_at) <= ?3)"
                                 " ORDER BY r.issued_at, r.id, t.id",
                           0, from, to, error);
}

#define PAYMENT_SELECT \
  "SELECT p.id, p.client_id, coalesce (p.receipt_id, 0), p.amount_cents, p.recorded_by," \
  " p.kind, p.method, p.received_at, p.reference, p.note, r.number" \
  " FROM payments p LEFT JOIN receipts r ON r.id = p.receipt_id "

static GObject *
payment_from_stmt (PalpStore     *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  static const char *columns[] = {
    "id", "client-id", "receipt-id", "amount-cents", "recorded-by", "kind", "method",
    "received-at", "reference", "note", "receipt-number", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_PAYMENT, columns, stmt);
}

static GListModel *
list_payments_where (PalpStore   *self,
                     const char  *where,
                     gint64       a,
                     const char  *b,
                     const char  *c,
                     GError     **error)
{
  return list_where (self, PAYMENT_SELECT, where, PALP_TYPE_PAYMENT, payment_from_stmt, a, b, c,
                     error);
}
GListModel *
palp_store_list_payments (PalpStore   *self,
                          gint64       client_id,
                          const char  *from,
                          const char  *to,
                          GError     **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return list_payments_where (self, "WHERE (?1 = 0 OR p.client_id = ?1)"
                                    " AND (?2 IS NULL OR date (p.received_at) >= ?2)"
                                    " AND (?3 IS NULL OR date (p.received_at) <= ?3)"
                                    " ORDER BY p.received_at DESC, p.id DESC",
                              client_id, from, to, error);
}

gint64
palp_store_client_balance (PalpStore  *self,
                           gint64      client_id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), 0);

  stmt = palp_store_prepare (self,
                             "SELECT (SELECT coalesce (sum (total_cents), 0) FROM receipts"
                             "        WHERE client_id = ?1"
                             "        AND id NOT IN (SELECT receipt_id FROM receipt_voids))"
                             "     - (SELECT coalesce (sum (CASE kind WHEN 'payment'"
                             "        THEN amount_cents ELSE -amount_cents END), 0)"
                             "        FROM payments WHERE client_id = ?1)",
                             error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, client_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The licence a practitioner held on @date (ISO), or NULL. */
static PalpLicence *
current_licence (PalpStore   *self,
                 gint64       user_id,
                 const char  *date,
                 GError     **error)
{
  g_autoptr(GListModel) licences = palp_store_list_licences (self, user_id, error);

  if (licences == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (licences); i++)
    {
      g_autoptr(PalpLicence) licence = g_list_model_get_item (licences, i);
      PalpLicenceKind kind;

      g_object_get (licence, "kind", &kind, NULL);
      if (kind == PALP_LICENCE_KIND_LICENCE && palp_licence_is_current (licence, date))
        return g_steal_pointer (&licence);
    }
  return NULL;
}

PalpReceiptDocument *
palp_store_load_receipt_document (PalpStore  *self,
                                  gint64      receipt_id,
                                  GError    **error)
{
  g_autoptr(PalpReceiptDocument) document = palp_receipt_document_new ();
  g_autofree char *date = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(document->receipt = load_receipt (self, receipt_id, error)) ||
      !(document->clinic = palp_store_load_clinic (self, error)) ||
      !(document->client = palp_store_load_client (self,
                                                   palp_receipt_get_int (document->receipt,
                                                                         "client-id"),
                                                   error)) ||
      !(document->practitioner = palp_store_load_user (self,
                                                       palp_receipt_get_int (document->receipt,
                                                                             "practitioner-id"),
                                                       error)) ||
      !(document->lines = load_receipt_lines (self, receipt_id, error)) ||
      !(document->taxes = list_taxes_where (self, "WHERE t.receipt_id = ?1 AND ?2 IS NULL"
                                                  " AND ?3 IS NULL ORDER BY t.id",
                                            receipt_id, NULL, NULL, error)) ||
      !(document->payments = list_payments_where (self,
                                                  "WHERE p.receipt_id IN ("
                                                  " WITH RECURSIVE chain (id) AS ("
                                                  "  SELECT ?1 UNION ALL SELECT r.replaces_id"
                                                  "  FROM receipts r JOIN chain ON r.id = chain.id"
                                                  "  WHERE r.replaces_id IS NOT NULL)"
                                                  " SELECT id FROM chain)"
                                                  " AND ?2 IS NULL AND ?3 IS NULL"
                                                  " ORDER BY p.received_at, p.id",
                                                  receipt_id, NULL, NULL, error)))
    return NULL;

  /* Only massage therapy shows a licence. */
  if (g_strcmp0 (palp_receipt_get_string (document->receipt, "category"), "therapeutic") == 0)
    {
      g_autoptr(GError) local = NULL;

      date = g_strndup (palp_receipt_get_string (document->receipt, "issued-at"), 10);
      document->licence = current_licence (self,
                                           palp_receipt_get_int (document->receipt,
                                                                 "practitioner-id"),
                                           date, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  return g_steal_pointer (&document);
}

GBytes *
palp_store_load_receipt_pdf (PalpStore  *self,
                             gint64      receipt_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT pdf FROM receipt_documents WHERE receipt_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("This receipt has no stored document."));
  else
    palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return NULL;
}

GPtrArray *
palp_store_load_statement (PalpStore   *self,
                           gint64       client_id,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) palp_receipt_document_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  /* Receipts with a service in the range; esthetic and other work never
   * reaches an insurer. */
  stmt = palp_store_prepare (self, "SELECT r.id FROM receipts r WHERE r.client_id = ?1"
                                   " AND r.category = 'therapeutic'"
                                   " AND r.id NOT IN (SELECT receipt_id FROM receipt_voids)"
                                   " AND EXISTS (SELECT 1 FROM receipt_lines l"
                                   "  WHERE l.receipt_id = r.id"
                                   "  AND (?2 IS NULL OR l.service_date >= ?2)"
                                   "  AND (?3 IS NULL OR l.service_date <= ?3))"
                                   " ORDER BY (SELECT min (service_date) FROM receipt_lines"
                                   "           WHERE receipt_id = r.id), r.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, from);
  palp_store_bind_text (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      PalpReceiptDocument *document =
        palp_store_load_receipt_document (self, g_array_index (ids, gint64, i), error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  return g_steal_pointer (&documents);
}

/* Receipts: issuing */

/* The billable lines of @visit_ids, checked: one client, attended or
 * no-show, combined sessions confirmed. */
static GPtrArray *
load_billable_lines (PalpStore     *self,
                     const gint64  *visit_ids,
                     guint          n_visits,
                     gint64        *out_client,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) visit = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify) palp_billing_line_free);
  gint64 client_id = 0;
  int rc;

  visit = palp_store_prepare (self, "SELECT client_id, status, mixed_confirmed_by IS NOT NULL,"
                                    " (SELECT count (DISTINCT category) FROM visit_lines"
                                    "  WHERE visit_id = v.id"
                                    "  AND category IN ('therapeutic', 'esthetic'))"
                                    " FROM visits v WHERE id = ?1", error);
  lines = palp_store_prepare (self, "SELECT l.id, l.visit_id, substr (v.starts_at, 1, 10),"
                                    " v.practitioner_id, l.service_id, l.category,"
                                    " l.description, s.cpt_code, l.minutes, l.price_cents,"
                                    " l.quantity"
                                    " FROM visit_lines l JOIN visits v ON v.id = l.visit_id"
                                    " JOIN services s ON s.id = l.service_id"
                                    " WHERE l.visit_id = ?1 AND NOT EXISTS ("
                                    "  SELECT 1 FROM receipt_lines rl WHERE rl.visit_line_id = l.id"
                                    "  AND rl.receipt_id NOT IN (SELECT receipt_id FROM receipt_voids))"
                                    " ORDER BY l.id", error);
  if (visit == NULL || lines == NULL)
    return NULL;

  for (guint i = 0; i < n_visits; i++)
    {
      const char *status;

      sqlite3_reset (visit);
      sqlite3_bind_int64 (visit, 1, visit_ids[i]);
      rc = sqlite3_step (visit);
      if (rc == SQLITE_DONE)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, visit_ids[i]);

          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                       _("Visit %s does not exist."), id);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          palp_store_set_db_error (error, palp_store_get_db (self), rc);
          return NULL;
        }
      if (client_id != 0 && client_id != sqlite3_column_int64 (visit, 0))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       _("Receipts are issued for one client at a time."));
          return NULL;
        }
      client_id = sqlite3_column_int64 (visit, 0);
      status = (const char *) sqlite3_column_text (visit, 1);
      if (g_strcmp0 (status, "attended") != 0 && g_strcmp0 (status, "no-show") != 0)
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       _("Only attended visits and no-shows are receipted; mark the visit "
                         "first."));
          return NULL;
        }
      if (sqlite3_column_int (visit, 3) > 1 && !sqlite3_column_int (visit, 2))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                       _("This visit combines massage therapy with esthetic work. An admin "
                         "must confirm the combined session before its two receipts are "
                         "issued."));
          return NULL;
        }

      sqlite3_reset (lines);
      sqlite3_bind_int64 (lines, 1, visit_ids[i]);
      while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
        {
          g_autoptr(PalpBillingLine) line = palp_billing_line_new ();
          g_autoptr(GPtrArray) taxes = NULL;
          g_autoptr(GError) local = NULL;
          const char *category = (const char *) sqlite3_column_text (lines, 5);

          line->line_id = sqlite3_column_int64 (lines, 0);
          line->visit_id = sqlite3_column_int64 (lines, 1);
          line->client_id = client_id;
          line->date = g_strdup ((const char *) sqlite3_column_text (lines, 2));
          line->practitioner_id = sqlite3_column_int64 (lines, 3);
          line->service_id = sqlite3_column_int64 (lines, 4);
          if (!palp_service_category_from_key (category, &line->category, &local))
            {
              g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CORRUPT,
                                   local->message);
              return NULL;
            }
          /* What the regulator wants a therapeutic receipt to say. */
          if (line->category == PALP_SERVICE_CATEGORY_THERAPEUTIC)
            {
              line->description = g_strdup (_("Massage therapy"));
              line->code = g_strdup ((const char *) sqlite3_column_text (lines, 7));
            }
          else
            line->description = g_strdup ((const char *) sqlite3_column_text (lines, 6));
          line->minutes = (guint) sqlite3_column_int (lines, 8);
          line->unit_price_cents = sqlite3_column_int64 (lines, 9);
          line->quantity = (guint) sqlite3_column_int (lines, 10);

          if (!(taxes = palp_store_list_service_taxes (self, line->service_id, error)))
            return NULL;
          for (guint t = 0; t < taxes->len; t++)
            palp_billing_line_add_tax (line, g_ptr_array_index (taxes, t));
          g_ptr_array_add (result, g_steal_pointer (&line));
        }
      if (rc != SQLITE_DONE)
        {
          palp_store_set_db_error (error, palp_store_get_db (self), rc);
          return NULL;
        }
    }

  if (result->len == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("There is nothing left to receipt on these visits."));
      return NULL;
    }
  *out_client = client_id;
  return g_steal_pointer (&result);
}

static gboolean
check_licences (PalpStore   *self,
                GPtrArray   *groups,
                const char  *today,
                GError     **error)
{
  for (guint i = 0; i < groups->len; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (groups, i);
      g_autoptr(PalpLicence) licence = NULL;
      g_autoptr(PalpUser) user = NULL;
      g_autoptr(GError) local = NULL;

      if (group->category != PALP_SERVICE_CATEGORY_THERAPEUTIC)
        continue;
      licence = current_licence (self, group->practitioner_id, today, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (licence == NULL)
        {
          if (!(user = palp_store_load_user (self, group->practitioner_id, error)))
            return FALSE;
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                       _("%s has no current massage therapy licence, so massage therapy "
                         "cannot be billed under their name. Add the renewed licence in "
                         "Preferences → Users."),
                       palp_user_get_display_name (user));
          return FALSE;
        }
    }
  return TRUE;
}

/* An admin issues any receipt; a practitioner their own (and takes their
 * payment). */
static gboolean
check_issuer (PalpStore   *self,
              GPtrArray   *groups,
              gboolean     with_payment,
              GError     **error)
{
  for (guint i = 0; i < groups->len; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (groups, i);

      if (!palp_store_require (self, PALP_ACTION_ISSUE_RECEIPTS, group->practitioner_id, error) ||
          (with_payment &&
           !palp_store_require (self, PALP_ACTION_RECORD_PAYMENTS, group->practitioner_id,
                                error)))
        return FALSE;
    }
  return TRUE;
}

static gint64
next_seq (PalpStore    *self,
          const char   *series,
          int           counter_year,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = palp_store_prepare (self, "SELECT coalesce ((SELECT last_seq FROM receipt_series"
                                   " WHERE series = ?1 AND year = ?2), 0) + 1", error);
  if (stmt == NULL)
    return 0;
  palp_store_bind_text (stmt, 1, series);
  sqlite3_bind_int (stmt, 2, counter_year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Writes one group as a receipt with its lines and taxes; returns its id. */
static gint64
insert_receipt (PalpStore         *self,
                PalpReceiptGroup  *group,
                gint64             client_id,
                const char        *pattern,
                GDateTime         *now,
                gint64             replaces,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *issued_at = now_string (now);
  g_autofree char *number = NULL;
  const char *series = palp_service_category_series (group->category);
  int year = g_date_time_get_year (now);
  int counter_year = palp_receipt_pattern_has_year (pattern) ? year : 0;
  gint64 seq, id;

  if (!(seq = next_seq (self, series, counter_year, error)) ||
      !(number = palp_receipt_number_format (pattern, group->category, year, seq, error)))
    return 0;

  stmt = palp_store_prepare (self, "INSERT INTO receipts (number, series, year, counter_year,"
                                   " seq, category, client_id, practitioner_id, issued_at,"
                                   " issued_by, subtotal_cents, tax_cents, total_cents,"
                                   " replaces_id)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, palp_actor (),"
                                   " ?10, ?11, ?12, nullif (?13, 0))", error);
  if (stmt == NULL)
    return 0;
  palp_store_bind_text (stmt, 1, number);
  palp_store_bind_text (stmt, 2, series);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int (stmt, 4, counter_year);
  sqlite3_bind_int64 (stmt, 5, seq);
  palp_store_bind_text (stmt, 6, palp_service_category_to_key (group->category));
  sqlite3_bind_int64 (stmt, 7, client_id);
  sqlite3_bind_int64 (stmt, 8, group->practitioner_id);
  palp_store_bind_text (stmt, 9, issued_at);
  sqlite3_bind_int64 (stmt, 10, group->subtotal_cents);
  sqlite3_bind_int64 (stmt, 11, group->tax_cents);
  sqlite3_bind_int64 (stmt, 12, group->total_cents);
  sqlite3_bind_int64 (stmt, 13, replaces);
  if (!palp_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (palp_store_get_db (self));

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = palp_store_prepare (self, "INSERT INTO receipt_lines (receipt_id, visit_line_id,"
                                   " category, service_date, description, code, minutes,"
                                   " quantity, price_cents, amount_cents)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < group->lines->len; i++)
    {
      PalpBillingLine *line = g_ptr_array_index (group->lines, i);
      gint64 amount;

      if (!palp_billing_line_get_amount (line, &amount, error))
        return 0;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, line->line_id);
      palp_store_bind_text (stmt, 3, palp_service_category_to_key (line->category));
      palp_store_bind_text (stmt, 4, line->date);
      palp_store_bind_text (stmt, 5, line->description);
      palp_store_bind_text (stmt, 6, line->code);
      sqlite3_bind_int64 (stmt, 7, line->minutes);
      sqlite3_bind_int64 (stmt, 8, line->quantity);
      sqlite3_bind_int64 (stmt, 9, line->unit_price_cents);
      sqlite3_bind_int64 (stmt, 10, amount);
      if (!palp_store_step_done (self, stmt, error))
        return 0;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = palp_store_prepare (self, "INSERT INTO receipt_taxes (receipt_id, name, rate_ppm,"
                                   " registration, base_cents, amount_cents)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < group->taxes->len; i++)
    {
      PalpTaxAmount *tax = g_ptr_array_index (group->taxes, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      palp_store_bind_text (stmt, 2, tax->component->name);
      sqlite3_bind_int64 (stmt, 3, tax->component->rate_ppm);
      palp_store_bind_text (stmt, 4, tax->component->registration);
      sqlite3_bind_int64 (stmt, 5, tax->base_cents);
      sqlite3_bind_int64 (stmt, 6, tax->amount_cents);
      if (!palp_store_step_done (self, stmt, error))
        return 0;
    }
  return id;
}

static gboolean
insert_payment (PalpStore   *self,
                gint64       client_id,
                gint64       receipt_id,
                const char  *kind,
                const char  *method,
                gint64       amount_cents,
                const char  *received_at,
                const char  *reference,
                const char  *note,
                gint64      *out_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = palp_store_prepare (self, "INSERT INTO payments (client_id, receipt_id, kind, method,"
                                   " amount_cents, received_at, recorded_by, reference, note)"
                                   " VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6, palp_actor (),"
                                   " ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_int64 (stmt, 2, receipt_id);
  palp_store_bind_text (stmt, 3, kind);
  palp_store_bind_text (stmt, 4, method);
  sqlite3_bind_int64 (stmt, 5, amount_cents);
  palp_store_bind_text (stmt, 6, received_at);
  palp_store_bind_text (stmt, 7, reference);
  palp_store_bind_text (stmt, 8, note);
  if (!palp_store_step_done (self, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  return TRUE;
}

static gboolean
validate_method (const char  *method,
                 GError     **error)
{
  if (method == NULL || !g_strv_contains (payment_methods, method))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Choose how the client paid: cash, card, cheque, e-transfer, insurance "
                     "or an HSA/FSA card."));
      return FALSE;
    }
  return TRUE;
}

/* Spreads the checkout payment over the new receipts, in order. Insurers
 * and health accounts pay for massage therapy only. */
static gboolean
take_checkout_payment (PalpStore                  *self,
                       const PalpCheckoutPayment  *payment,
                       gint64                      client_id,
                       GArray                     *receipt_ids,
                       GPtrArray                  *groups,
                       GDateTime                  *now,
                       GError                    **error)
{
  g_autofree char *received_at = now_string (now);
  gboolean health = g_str_equal (payment->method, "insurance") ||
                    g_str_equal (payment->method, "hsa-fsa");
  gint64 left = payment->amount_cents;

  if (payment->in_full)
    {
      left = 0;
      for (guint i = 0; i < groups->len; i++)
        {
          PalpReceiptGroup *group = g_ptr_array_index (groups, i);

          if (!health || group->category == PALP_SERVICE_CATEGORY_THERAPEUTIC)
            left += group->total_cents;
        }
    }

  for (guint i = 0; i < groups->len && left > 0; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (groups, i);
      gint64 take;

      if (health && group->category != PALP_SERVICE_CATEGORY_THERAPEUTIC)
        continue;
      take = MIN (left, group->total_cents);
      if (take == 0)
        continue;
      if (!insert_payment (self, client_id, g_array_index (receipt_ids, gint64, i), "payment",
                           payment->method, take, received_at, payment->reference, NULL, NULL,
                           error))
        return FALSE;
      left -= take;
    }
  if (left > 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   health ? _("An insurer or health account pays for massage therapy only, "
                              "and the amount is more than that part of the bill.")
                          : _("The payment is more than the receipts' total. Give change "
                              "and record what the bill comes to."));
      return FALSE;
    }
  return TRUE;
}

static char *
sha256_hex (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
store_document (PalpStore              *self,
                gint64                  receipt_id,
                PalpReceiptRenderFunc   render,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(PalpReceiptDocument) document = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha = NULL;

  if (!(document = palp_store_load_receipt_document (self, receipt_id, error)) ||
      !(pdf = render (document, user_data, error)))
    return FALSE;
  if (g_bytes_get_size (pdf) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_FAILED,
                   _("The receipt could not be drawn."));
      return FALSE;
    }
  sha = sha256_hex (pdf);
  stmt = palp_store_prepare (self, "INSERT INTO receipt_documents (receipt_id, pdf, sha256)"
                                   " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (pdf, NULL), (int) g_bytes_get_size (pdf),
                     SQLITE_STATIC);
  palp_store_bind_text (stmt, 3, sha);
  return palp_store_step_done (self, stmt, error);
}

/* Which new receipt a reissue replaces: the first of the voided one's
 * category and practitioner. */
static gboolean
match_replacement (PalpStore   *self,
                   gint64       replaces,
                   gint64       client_id,
                   GPtrArray   *groups,
                   guint       *out_index,
                   GError     **error)
{
  g_autoptr(PalpReceipt) old = load_receipt (self, replaces, error);

  if (old == NULL)
    return FALSE;
  if (!palp_receipt_get_int (old, "voided") || palp_receipt_get_int (old, "client-id") != client_id)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Only a voided receipt of the same client can be replaced."));
      return FALSE;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (groups, i);

      if (group->practitioner_id == palp_receipt_get_int (old, "practitioner-id") &&
          g_strcmp0 (palp_service_category_to_key (group->category),
                     palp_receipt_get_string (old, "category")) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }
  g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
               _("None of the new receipts is of the voided receipt's kind and practitioner."));
  return FALSE;
}

GListModel *
palp_store_issue_receipts_at (PalpStore                  *self,
                              const gint64               *visit_ids,
                              guint                       n_visits,
                              const PalpCheckoutPayment  *payment,
                              gint64                      replaces,
                              PalpReceiptRenderFunc       render,
                              gpointer                    user_data,
                              GDateTime                  *now,
                              GError                    **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListStore) result = g_list_store_new (PALP_TYPE_RECEIPT);
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(GDateTime) when = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *pattern = NULL;
  guint replaced_index = G_MAXUINT;
  gint64 client_id = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (render != NULL, NULL);

  if (n_visits == 0 || visit_ids == NULL)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Choose the visits to receipt."));
      return NULL;
    }
  if (payment != NULL && (!validate_method (payment->method, error)))
    return NULL;
  if (payment != NULL && !payment->in_full && payment->amount_cents <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A payment is an amount above zero."));
      return NULL;
    }
  if (palp_store_get_actor (self) <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Choose who you are before changing the record."));
      return NULL;
    }

  if (!palp_store_tx_begin (self, error))
    return NULL;
  /* Everything below reads and writes inside the one transaction. */
  ok = (clinic = palp_store_load_clinic (self, error)) != NULL &&
       (lines = load_billable_lines (self, visit_ids, n_visits, &client_id, error)) != NULL &&
       (groups = palp_receipt_split (lines, error)) != NULL &&
       check_issuer (self, groups, payment != NULL, error) &&
       check_licences (self, groups, today, error) &&
       (replaces == 0 ||
        match_replacement (self, replaces, client_id, groups, &replaced_index, error));
  if (ok)
    {
      g_object_get (clinic, "receipt-pattern", &pattern, NULL);
      if (pattern == NULL)
        pattern = g_strdup (PALP_RECEIPT_NUMBER_DEFAULT_PATTERN);
    }
  for (guint i = 0; ok && i < groups->len; i++)
    {
      gint64 id = insert_receipt (self, g_ptr_array_index (groups, i), client_id, pattern,
                                  when, i == replaced_index ? replaces : 0, error);

      ok = id != 0;
      g_array_append_val (ids, id);
    }
  if (ok && payment != NULL)
    ok = take_checkout_payment (self, payment, client_id, ids, groups, when, error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = store_document (self, g_array_index (ids, gint64, i), render, user_data, error);
  for (guint i = 0; ok && i < ids->len; i++)
    {
      g_autoptr(PalpReceipt) receipt = load_receipt (self, g_array_index (ids, gint64, i), error);

      ok = receipt != NULL;
      if (ok)
        g_list_store_append (result, receipt);
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&result));
}

GListModel *
palp_store_issue_receipts (PalpStore                  *self,
                           const gint64               *visit_ids,
                           guint                       n_visits,
                           const PalpCheckoutPayment  *payment,
                           gint64                      replaces,
                           PalpReceiptRenderFunc       render,
                           gpointer                    user_data,
                           GError                    **error)
{
  return palp_store_issue_receipts_at (self, visit_ids, n_visits, payment, replaces, render,
                                       user_data, NULL, error);
}

gboolean
palp_store_void_receipt_at (PalpStore   *self,
                            const char  *number,
                            const char  *reason,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(PalpReceipt) receipt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *voided_at = now_string (now);
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (*trimmed == '\0' || g_utf8_strlen (trimmed, -1) > 500 ||
      !palp_validate_text (trimmed, 500, NULL))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Say why the receipt is voided (up to 500 characters)."));
      return FALSE;
    }
  if (!palp_store_require (self, PALP_ACTION_VOID_RECEIPTS, 0, error) ||
      !(receipt = palp_store_find_receipt (self, number, error)))
    return FALSE;
  if (palp_receipt_get_int (receipt, "voided"))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                   _("Receipt %s is already void."), number);
      return FALSE;
    }
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "INSERT INTO receipt_voids (receipt_id, voided_at, voided_by,"
                                   " reason) VALUES (?1, ?2, palp_actor (), ?3)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, palp_receipt_get_int (receipt, "id"));
      palp_store_bind_text (stmt, 2, voided_at);
      palp_store_bind_text (stmt, 3, trimmed);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

gboolean
palp_store_void_receipt (PalpStore   *self,
                         const char  *number,
                         const char  *reason,
                         GError     **error)
{
  return palp_store_void_receipt_at (self, number, reason, NULL, error);
}

/* Payments */

/* A payment's reference (one line, at most 60 characters) and note (at
 * most 500): no control characters. */
static gboolean
payment_texts_ok (PalpPayment  *payment,
                  GError      **error)
{
  const char *reference = palp_payment_get_string (payment, "reference");

  if (!palp_validate_text (reference, 60, NULL) ||
      (reference != NULL && strpbrk (reference, "\n\t") != NULL))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("The payment's reference is one line of at most 60 characters, "
                     "without control characters."));
      return FALSE;
    }
  if (!palp_validate_text (palp_payment_get_string (payment, "note"), 500, NULL))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("The payment's note has at most 500 characters, without control "
                     "characters."));
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_store_record_payment_at (PalpStore    *self,
                              PalpPayment  *payment,
                              GDateTime    *now,
                              GError      **error)
{
  g_autofree char *received_at = now_string (now);
  const char *kind = palp_payment_get_string (payment, "kind");
  const char *method = palp_payment_get_string (payment, "method");
  gint64 amount = palp_payment_get_int (payment, "amount-cents");
  gint64 receipt_id = palp_payment_get_int (payment, "receipt-id");
  gint64 client_id = palp_payment_get_int (payment, "client-id");
  gboolean refund;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_PAYMENT (payment), FALSE);

  if (kind == NULL)
    kind = "payment";
  refund = g_str_equal (kind, "refund");
  if (!refund && !g_str_equal (kind, "payment"))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A payment is either received or refunded."));
      return FALSE;
    }
  if (!validate_method (method, error))
    return FALSE;
  if (amount <= 0 || amount > 100000000)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Enter an amount above zero."));
      return FALSE;
    }
  if (!payment_texts_ok (payment, error))
    return FALSE;
  if (!palp_store_tx_begin (self, error))
    return FALSE;

  ok = TRUE;
  if (receipt_id != 0)
    {
      g_autoptr(PalpReceipt) receipt = load_receipt (self, receipt_id, error);

      ok = receipt != NULL &&
           palp_store_require (self, refund ? PALP_ACTION_REFUND_PAYMENTS
                                            : PALP_ACTION_RECORD_PAYMENTS,
                               palp_receipt_get_int (receipt, "practitioner-id"), error);
      if (ok && client_id == 0)
        client_id = palp_receipt_get_int (receipt, "client-id");
      if (ok && !refund && palp_receipt_get_int (receipt, "voided"))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                       _("Receipt %s is void; take the payment on the receipt that "
                         "replaces it."), palp_receipt_get_string (receipt, "number"));
          ok = FALSE;
        }
      else if (ok && !refund && amount > palp_receipt_get_int (receipt, "balance-cents"))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       _("The payment is more than the balance of receipt %s."),
                       palp_receipt_get_string (receipt, "number"));
          ok = FALSE;
        }
      else if (ok && refund && amount > palp_receipt_get_int (receipt, "paid-cents"))
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       _("A refund cannot be more than was paid on receipt %s."),
                       palp_receipt_get_string (receipt, "number"));
          ok = FALSE;
        }
    }
  else if (!palp_store_require (self, refund ? PALP_ACTION_REFUND_PAYMENTS
                                              : PALP_ACTION_RECORD_PAYMENTS, 0, error))
    ok = FALSE;
  else if (refund)
    {
      gint64 balance = palp_store_client_balance (self, client_id, error);

      /* A negative balance is the client's credit: what may be refunded. */
      if (amount > -balance)
        {
          g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                       _("A refund on the account cannot be more than the client's credit."));
          ok = FALSE;
        }
    }
  if (ok)
    ok = insert_payment (self, client_id, receipt_id, kind, method, amount, received_at,
                         palp_payment_get_string (payment, "reference"),
                         palp_payment_get_string (payment, "note"), &id, error);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (payment, "id", id, "client-id", client_id, "kind", kind,
                "received-at", received_at, "recorded-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

gboolean
palp_store_record_payment (PalpStore    *self,
                           PalpPayment  *payment,
                           GError      **error)
{
  return palp_store_record_payment_at (self, payment, NULL, error);
}

/* Check */

gboolean
palp_store_check_receipts (PalpStore   *self,
                           GPtrArray   *problems,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Every stored PDF is still the one issued. */
  stmt = palp_store_prepare (self, "SELECT r.number, d.pdf, d.sha256 FROM receipts r"
                                   " LEFT JOIN receipt_documents d ON d.receipt_id = r.id"
                                   " ORDER BY r.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *sha = NULL;

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("receipt-document: receipt %s has no "
                                                      "stored PDF", number));
          continue;
        }
      pdf = g_bytes_new (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1));
      sha = sha256_hex (pdf);
      if (g_strcmp0 (sha, (const char *) sqlite3_column_text (stmt, 2)) != 0)
        g_ptr_array_add (problems, g_strdup_printf ("receipt-document: the PDF of receipt %s "
                                                    "is not the one issued", number));
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}
