/* palp-store-letters.c: letters kept as issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "palp-date.h"
#include "palp-store-insurance.h"
#include "palp-store-letters.h"
#include "palp-store-private.h"

#define LETTER_SELECT \
  "SELECT id, client_id, coalesce (claim_id, 0) AS claim_id, issued_by, kind, issued_on," \
  " issued_at, prescriber, fields, sha256 FROM issued_letters"

PALP_STORE_ROW_FUNC (letter, PALP_TYPE_LETTER)

GListModel *
palp_store_list_letters (PalpStore   *self,
                         gint64       client_id,
                         const char  *kind,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, LETTER_SELECT " WHERE client_id = ?1"
                                   " AND (?2 IS NULL OR kind = ?2)"
                                   " ORDER BY issued_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, kind);
  return palp_store_collect (self, stmt, PALP_TYPE_LETTER, letter_row, error);
}

PalpLetter *
palp_store_load_letter (PalpStore  *self,
                        gint64      letter_id,
                        GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_load_by_id (self, LETTER_SELECT " WHERE id = ?1", letter_id, PALP_TYPE_LETTER,
                                letter_row, _("This letter does not exist."), error);
}

GBytes *
palp_store_load_letter_pdf (PalpStore  *self,
                            gint64      letter_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = palp_store_prepare (self, "SELECT pdf FROM issued_letters WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, letter_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  palp_store_not_found (error, _("This letter does not exist."));
  return NULL;
}

/* Whether @claim_id is @client_id's and was denied or partly paid. */
static gboolean
claim_appealable (PalpStore *self,
                  gint64     claim_id,
                  gint64     client_id)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, "SELECT 1 FROM claims WHERE id = ?1"
                                                           " AND client_id = ?2 AND status IN"
                                                           " ('partially-paid', 'denied',"
                                                           " 'appealed')", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, client_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
fields_ok (const char  *fields,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (fields == NULL || strlen (fields) > 100000 ||
      !json_parser_load_from_data (parser, fields, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return palp_store_invalid (error, _("The letter’s text is not readable."));
  return TRUE;
}

gboolean
palp_store_issue_letter_at (PalpStore   *self,
                            PalpLetter  *letter,
                            GBytes      *pdf,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *prescriber = NULL;
  const char *kind, *issued_on;
  gint64 client_id, claim_id, id;
  gboolean appeal, ok;
  GDate date;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_LETTER (letter), FALSE);

  kind = palp_letter_get_string (letter, "kind");
  issued_on = palp_letter_get_string (letter, "issued-on");
  client_id = palp_letter_get_int (letter, "client-id");
  claim_id = palp_letter_get_int (letter, "claim-id");
  prescriber = g_strstrip (g_strdup (palp_letter_get_string (letter, "prescriber") ?: ""));
  appeal = g_strcmp0 (kind, "appeal") == 0;

  if (palp_letter_get_int (letter, "id") != 0)
    return palp_store_refuse (error, _("This letter has been issued: it cannot be changed. "
                                       "Issue a new one instead."));
  if (!appeal && g_strcmp0 (kind, "lomn") != 0)
    return palp_store_invalid (error, _("A letter is either a letter of medical necessity or "
                                        "an appeal."));
  if (appeal && claim_id <= 0)
    return palp_store_invalid (error, _("Say which claim the appeal is for."));
  if (!appeal && claim_id != 0)
    return palp_store_invalid (error, _("A letter of medical necessity is not for a claim."));
  if (issued_on == NULL || !palp_date_parse_iso (issued_on, &date))
    return palp_store_invalid (error, _("The letter’s date is not a real date."));
  if (!palp_store_text_ok (prescriber, 200, TRUE,
                           _("Name the prescriber who signs the letter."), error) ||
      !fields_ok (palp_letter_get_string (letter, "fields"), error))
    return FALSE;
  data = pdf != NULL ? g_bytes_get_data (pdf, &size) : NULL;
  if (data == NULL || size < 5 || memcmp (data, "%PDF-", 5) != 0)
    return palp_store_invalid (error, _("The letter has no PDF to keep."));
  if (!palp_store_query_int (self, "SELECT 1 FROM clients WHERE id = ?1", client_id, 0, 0))
    return palp_store_not_found (error, _("This client no longer exists."));
  if (appeal && !claim_appealable (self, claim_id, client_id))
    return palp_store_refuse (error, _("An appeal is for a claim of this client that was "
                                       "denied or partly paid."));
  if (!palp_store_require (self, appeal ? PALP_ACTION_BUILD_CLAIMS : PALP_ACTION_VIEW_CLINICAL,
                           0, error))
    return FALSE;

  if (now != NULL)
    at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  else
    at = palp_store_now_string ();
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "INSERT INTO issued_letters (client_id, kind, claim_id,"
                                   " issued_on, issued_at, issued_by, prescriber, fields, pdf,"
                                   " sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      palp_store_bind_text (stmt, 2, kind);
      if (appeal)
        sqlite3_bind_int64 (stmt, 3, claim_id);
      palp_store_bind_text (stmt, 4, issued_on);
      palp_store_bind_text (stmt, 5, at);
      sqlite3_bind_int64 (stmt, 6, palp_store_get_actor (self));
      palp_store_bind_text (stmt, 7, prescriber);
      palp_store_bind_text (stmt, 8, palp_letter_get_string (letter, "fields"));
      sqlite3_bind_blob64 (stmt, 9, data, size, SQLITE_TRANSIENT);
      palp_store_bind_text (stmt, 10, sha);
      ok = palp_store_step_done (self, stmt, error);
    }
  id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (letter, "id", id, "issued-at", at, "issued-by", palp_store_get_actor (self),
                "sha256", sha, "prescriber", prescriber, NULL);
  return TRUE;
}

gboolean
palp_store_issue_letter (PalpStore   *self,
                         PalpLetter  *letter,
                         GBytes      *pdf,
                         GError     **error)
{
  return palp_store_issue_letter_at (self, letter, pdf, NULL, error);
}

gboolean
palp_store_check_letters (PalpStore   *self,
                          GPtrArray   *problems,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Every stored PDF is still the one issued. */
  stmt = palp_store_prepare (self, "SELECT id, client_id, pdf, sha256 FROM issued_letters"
                                   " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) pdf = g_bytes_new (sqlite3_column_blob (stmt, 2),
                                           (gsize) sqlite3_column_bytes (stmt, 2));
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

      if (g_strcmp0 (sha, (const char *) sqlite3_column_text (stmt, 3)) != 0)
        g_ptr_array_add (problems,
                         g_strdup_printf ("letter-document: the PDF of letter %" G_GINT64_FORMAT
                                          " (client %" G_GINT64_FORMAT ") is not the one issued",
                                          (gint64) sqlite3_column_int64 (stmt, 0),
                                          (gint64) sqlite3_column_int64 (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* An appeal's claim is its own client's (the trigger guards new rows;
   * this covers an imported archive). */
  stmt = palp_store_prepare (self, "SELECT l.id, l.claim_id FROM issued_letters l"
                                   " WHERE l.claim_id IS NOT NULL AND NOT EXISTS (SELECT 1"
                                   " FROM claims c WHERE c.id = l.claim_id"
                                   " AND c.client_id = l.client_id) ORDER BY l.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf ("letter-claim: appeal %" G_GINT64_FORMAT " names claim %"
                                      G_GINT64_FORMAT ", which is not its client's",
                                      (gint64) sqlite3_column_int64 (stmt, 0),
                                      (gint64) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

char *
palp_store_dup_account_holder (PalpStore *self,
                               gint64     client_id)
{
  g_autoptr(GListModel) policies = NULL;
  g_autoptr(PalpPolicy) chosen = NULL;
  const char *name;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(policies = palp_store_list_policies (self, client_id, FALSE, NULL)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(PalpPolicy) policy = g_list_model_get_item (policies, i);
      gboolean hsa = g_strcmp0 (palp_policy_get_string (policy, "payer-kind"), "hsa-fsa") == 0;
      gboolean primary = g_strcmp0 (palp_policy_get_string (policy, "priority"),
                                    "primary") == 0;

      if (!palp_policy_get_int (policy, "active"))
        continue;
      if (hsa || (chosen == NULL && primary))
        g_set_object (&chosen, policy);
      if (hsa)
        break;
    }
  if (chosen == NULL || g_strcmp0 (palp_policy_get_string (chosen, "relationship"), "self") == 0)
    return NULL;
  name = palp_policy_get_string (chosen, "insured-name");
  return name != NULL && name[0] != '\0' ? g_strdup (name) : NULL;
}
