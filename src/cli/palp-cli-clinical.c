/* palp-cli-clinical.c: the clinical documents from the command line
 *
 * document soap VISIT, document plan CLIENT, document progress CLIENT and
 * document record CLIENT, each as a PDF (the format from -o's extension);
 * document lomn CLIENT, the letter of medical necessity drafted from the
 * record, and document appeal CLAIM, the appeal of a denied claim with its
 * evidence; each kept as issued with --issue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-cli-private.h"
#include "palp-doc-clinical.h"
#include "palp-doc-letter.h"
#include "palp-store-claims.h"
#include "palp-store-insurance.h"
#include "palp-store-letters.h"

gboolean
is_clinical_document (const char *kind)
{
  static const char *kinds[] = { "soap", "plan", "progress", "record", NULL };

  return kind != NULL && g_strv_contains (kinds, kind);
}

int
document_clinical (CliContext *ctx,
                   const char *kind,
                   const char *id_text,
                   const char *output)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean soap = g_str_equal (kind, "soap");
  guint64 id = 0;
  int rc = PALP_CLI_OK;

  if (!parse_count (soap ? _("a visit") : _("a client"), id_text, G_MAXINT64, &id))
    return PALP_CLI_USAGE;
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  /* Notes' text prints only for a reader the clinic lets read it (a
   * practitioner, or an admin where the clinic allows it); without --as
   * nobody is reading, and it is left out. */
  if (ctx->as_user != NULL && !require_actor (ctx, store, &rc))
    return rc;

  document = soap ? palp_store_load_visit_document (store, (gint64) id, &error)
                  : palp_store_load_client_document (store, (gint64) id, &error);
  if (document == NULL)
    return runtime_error (error);

  if (soap)
    bytes = palp_doc_soap_render (document, (gint64) id, &error);
  else if (g_str_equal (kind, "plan"))
    bytes = palp_doc_plan_render (document, &error);
  else if (g_str_equal (kind, "progress"))
    bytes = palp_doc_progress_render (document, &error);
  else
    bytes = palp_doc_record_render (document, &error);
  if (bytes == NULL)
    return runtime_error (error);

  if (document->narrative_restricted && !g_str_equal (kind, "plan") &&
      !g_str_equal (kind, "progress"))
    {
      if (ctx->as_user == NULL)
        g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                      "practitioners read it, or admins where the clinic allows it; say who "
                      "you are with --as USER.\n"));
      else
        g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                      "practitioners read it, or admins where the clinic allows it.\n"));
    }
  if (!g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}

static gboolean
write_pdf (const char  *output,
           GBytes      *bytes,
           GError     **error)
{
  return g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* The letter just issued: its number, or with --json its row. */
static void
print_issued (CliContext *ctx,
              PalpLetter *letter)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, palp_letter_get_int (letter, "id"));
      add_string (builder, "kind", palp_letter_get_string (letter, "kind"));
      json_builder_set_member_name (builder, "claim_id");
      if (palp_letter_get_int (letter, "claim-id") > 0)
        json_builder_add_int_value (builder, palp_letter_get_int (letter, "claim-id"));
      else
        json_builder_add_null_value (builder);
      add_string (builder, "issued_on", palp_letter_get_string (letter, "issued-on"));
      add_string (builder, "prescriber", palp_letter_get_string (letter, "prescriber"));
      add_string (builder, "sha256", palp_letter_get_string (letter, "sha256"));
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 palp_letter_get_int (letter, "id"));

      /* Translators: after "document lomn --issue": the letter's number. */
      g_print (_("Issued letter %s\n"), number);
    }
}

int
document_lomn (CliContext *ctx,
               const char *id_text,
               const char *output,
               gboolean    issue)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = NULL;
  guint64 id = 0;
  int rc = PALP_CLI_OK;

  if (!parse_count (_("a client"), id_text, G_MAXINT64, &id))
    return PALP_CLI_USAGE;
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if (!(store = open_store (ctx, issue ? PALP_STORE_OPEN_DEFAULT : PALP_STORE_OPEN_READ_ONLY,
                            &rc)) ||
      ((issue || ctx->as_user != NULL) && !require_actor (ctx, store, &rc)))
    return rc;

  if (!(document = palp_store_load_client_document (store, (gint64) id, &error)))
    return runtime_error (error);
  holder = palp_store_dup_account_holder (store, (gint64) id);
  if (!(draft = palp_doc_lomn_draft (document, holder, &error)) ||
      !(bytes = palp_doc_lomn_render (document, draft, &error)))
    return runtime_error (error);
  if (issue)
    {
      g_autoptr(PalpLetter) letter = palp_letter_new ();
      g_autofree char *fields = palp_letter_draft_to_json (draft);

      g_object_set (letter, "client-id", (gint64) id, "kind", "lomn",
                    "issued-on", draft->date, "prescriber", draft->prescriber,
                    "fields", fields, NULL);
      if (!palp_store_issue_letter (store, letter, bytes, &error))
        return runtime_error (error);
      print_issued (ctx, letter);
    }
  if (!write_pdf (output, bytes, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}

int
document_appeal (CliContext *ctx,
                 const char *number,
                 const char *output,
                 gboolean    issue)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(PalpPolicy) policy = NULL;
  g_autoptr(PalpPayer) payer = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PalpAppealClaim appeal;
  const char *status;
  int rc = PALP_CLI_OK;

  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if (!(store = open_store (ctx, issue ? PALP_STORE_OPEN_DEFAULT : PALP_STORE_OPEN_READ_ONLY,
                            &rc)) ||
      ((issue || ctx->as_user != NULL) && !require_actor (ctx, store, &rc)))
    return rc;

  if (!(claim = palp_store_find_claim (store, number, &error)))
    return runtime_error (error);
  status = palp_claim_get_string (claim, "status");
  if (!g_str_equal (status, "denied") && !g_str_equal (status, "partially-paid") &&
      !g_str_equal (status, "appealed"))
    {
      PalpClaimStatus value = PALP_CLAIM_DRAFT;

      palp_claim_status_from_string (status, &value, NULL);
      g_printerr (_("palpate-cli: claim %s is %s: only a denied or partly paid claim is "
                    "appealed.\n"), number, palp_claim_status_get_label (value));
      return PALP_CLI_ERROR;
    }
  if (!(lines = palp_store_list_claim_lines (store, palp_claim_get_int (claim, "id"), &error)) ||
      !(document = palp_store_load_client_document (store,
                                                    palp_claim_get_int (claim, "client-id"),
                                                    &error)))
    return runtime_error (error);
  policy = palp_store_load_policy (store, palp_claim_get_int (claim, "policy-id"), NULL);
  payer = palp_store_load_payer (store, palp_claim_get_int (claim, "payer-id"), NULL);
  if (!(draft = palp_doc_appeal_draft (document, &error)))
    return runtime_error (error);
  palp_appeal_claim_init (&appeal, claim, lines, policy, payer);
  bytes = palp_doc_appeal_render (document, &appeal, draft, &error);
  palp_appeal_claim_clear (&appeal);
  if (bytes == NULL)
    return runtime_error (error);
  /* The notes attached print their text only for a reader the clinic
   * lets read it. */
  if (document->narrative_restricted && ctx->as_user == NULL)
    g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                  "practitioners read it, or admins where the clinic allows it; say who "
                  "you are with --as USER.\n"));
  else if (document->narrative_restricted)
    g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                  "practitioners read it, or admins where the clinic allows it.\n"));

  if (issue)
    {
      g_autoptr(PalpLetter) letter = palp_letter_new ();
      g_autofree char *fields = palp_letter_draft_to_json (draft);

      g_object_set (letter, "client-id", palp_claim_get_int (claim, "client-id"),
                    "kind", "appeal", "claim-id", palp_claim_get_int (claim, "id"),
                    "issued-on", draft->date, "prescriber", draft->prescriber,
                    "fields", fields, NULL);
      if (!palp_store_issue_letter (store, letter, bytes, &error))
        return runtime_error (error);
      print_issued (ctx, letter);
    }
  if (!write_pdf (output, bytes, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}
