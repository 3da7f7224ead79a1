/* palp-cli-billing.c: receipts and documents from the command line
 *
 * receipts list | issue | void, and document receipt | statement. Issued
 * receipts are drawn by the same renderer the window uses, and their stored
 * bytes are what `document receipt` writes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-cli-private.h"
#include "palp-doc-receipt.h"
#include "palp-doc-statement.h"
#include "palp-doc-preview.h"
#include "palp-esthetic-guard.h"
#include "palp-money.h"

static char *
format_money (PalpStore *store,
              gint64     cents)
{
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (store, NULL);
  g_autofree char *code = NULL;
  PalpCurrency currency = PALP_CURRENCY_USD;

  if (clinic != NULL)
    g_object_get (clinic, "currency", &code, NULL);
  if (code != NULL)
    palp_currency_from_code (code, &currency, NULL);
  return palp_money_format (cents, currency, NULL);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
add_receipt_json (JsonBuilder *builder,
                  PalpReceipt *r)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", palp_receipt_get_int (r, "id"));
  add_string (builder, "number", palp_receipt_get_string (r, "number"));
  add_string (builder, "category", palp_receipt_get_string (r, "category"));
  add_int (builder, "client_id", palp_receipt_get_int (r, "client-id"));
  add_string (builder, "client_name", palp_receipt_get_string (r, "client-name"));
  add_int (builder, "practitioner_id", palp_receipt_get_int (r, "practitioner-id"));
  add_string (builder, "practitioner", palp_receipt_get_string (r, "practitioner-name"));
  add_string (builder, "issued_at", palp_receipt_get_string (r, "issued-at"));
  add_int (builder, "subtotal_cents", palp_receipt_get_int (r, "subtotal-cents"));
  add_int (builder, "tax_cents", palp_receipt_get_int (r, "tax-cents"));
  add_int (builder, "total_cents", palp_receipt_get_int (r, "total-cents"));
  add_int (builder, "paid_cents", palp_receipt_get_int (r, "paid-cents"));
  add_int (builder, "balance_cents", palp_receipt_get_int (r, "balance-cents"));
  json_builder_set_member_name (builder, "voided");
  json_builder_add_boolean_value (builder, palp_receipt_get_int (r, "voided") != 0);
  add_string (builder, "void_reason", palp_receipt_get_string (r, "void-reason"));
  add_string (builder, "replaces", palp_receipt_get_string (r, "replaces-number"));
  add_string (builder, "replaced_by", palp_receipt_get_string (r, "replaced-by-number"));
  add_string (builder, "sha256", palp_receipt_get_string (r, "sha256"));
  json_builder_end_object (builder);
}

static void
print_receipts (CliContext *ctx,
                PalpStore  *store,
                GListModel *receipts)
{
  guint n = g_list_model_get_n_items (receipts);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);
          add_receipt_json (builder, r);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else
    {
      const char *headers[] = { _("Number"), _("Issued"), _("Client"), _("Practitioner"),
                                _("Total"), _("Balance"), _("State"), NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      PalpCountry country = store_country (store);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);
          g_autofree char *day = g_strndup (palp_receipt_get_string (r, "issued-at"), 10);
          char **cells = g_new0 (char *, 8);

          cells[0] = g_strdup (palp_receipt_get_string (r, "number"));
          cells[1] = short_date (day, country);
          cells[2] = g_strdup (palp_receipt_get_string (r, "client-name"));
          cells[3] = g_strdup (palp_receipt_get_string (r, "practitioner-name"));
          cells[4] = format_money (store, palp_receipt_get_int (r, "total-cents"));
          cells[5] = format_money (store, palp_receipt_get_int (r, "balance-cents"));
          if (palp_receipt_get_int (r, "voided"))
            cells[6] = g_strdup (_("void"));
          else if (palp_receipt_get_int (r, "balance-cents") > 0)
            cells[6] = g_strdup (_("owing"));
          else
            cells[6] = g_strdup (_("paid"));
          g_ptr_array_add (rows, cells);
        }
      print_table (headers, rows);
    }
}

int
cmd_receipts_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GError) error = NULL;
  guint64 client_id = 0;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--client") == 0)
        {
          if (!parse_count ("--client", i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL,
                            G_MAXINT64, &client_id))
            return PALP_CLI_USAGE;
          i++;
        }
      else
        {
          usage_error (_("“receipts list” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }
  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (client_id != 0)
    {
      g_autoptr(PalpClient) client = palp_store_load_client (store, (gint64) client_id, &error);

      if (client == NULL)
        return runtime_error (error);
    }
  if (!(receipts = palp_store_list_receipts (store, (gint64) client_id, &error)))
    return runtime_error (error);
  print_receipts (ctx, store, receipts);
  return PALP_CLI_OK;
}

/* "card:80.50" → method and cents. */
static gboolean
parse_payment (const char  *text,
               char       **out_method,
               gint64      *out_cents)
{
  const char *colon = text ? strchr (text, ':') : NULL;
  g_autoptr(GError) error = NULL;

  if (colon == NULL || colon == text ||
      !palp_money_parse (colon + 1, NULL, out_cents, &error) || *out_cents <= 0)
    {
      usage_error (_("--pay wants METHOD:AMOUNT, such as card:80.50 (methods: cash, card, "
                     "cheque, e-transfer, insurance, hsa-fsa)."));
      return FALSE;
    }
  *out_method = g_strndup (text, colon - text);
  return TRUE;
}

int
cmd_receipts_issue (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *method = NULL;
  const char *replaces = NULL;
  PalpCheckoutPayment payment = { 0 };
  gboolean pay = FALSE;
  gint64 replaces_id = 0;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value = i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL;

      if (g_str_equal (arg, "--pay"))
        {
          if (!parse_payment (value, &method, &payment.amount_cents))
            return PALP_CLI_USAGE;
          payment.method = method;
          pay = TRUE;
          i++;
        }
      else if (g_str_equal (arg, "--replaces"))
        {
          if (value == NULL)
            {
              usage_error (_("--replaces wants the number of a voided receipt."));
              return PALP_CLI_USAGE;
            }
          replaces = value;
          i++;
        }
      else if (visits->len == 0 && !g_str_has_prefix (arg, "-"))
        {
          if (!parse_visit_ids (arg, visits))
            return PALP_CLI_USAGE;
        }
      else
        {
          usage_error (_("“receipts issue” does not take “%s”."), arg);
          return PALP_CLI_USAGE;
        }
    }
  if (visits->len == 0)
    {
      usage_error (_("name the visits to receipt: receipts issue VISIT[,VISIT...]"));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)) ||
      !require_actor (ctx, store, &rc))
    return rc;
  if (replaces != NULL)
    {
      g_autoptr(PalpReceipt) old = palp_store_find_receipt (store, replaces, &error);

      if (old == NULL)
        return runtime_error (error);
      replaces_id = palp_receipt_get_int (old, "id");
    }
  receipts = palp_store_issue_receipts (store, (const gint64 *) visits->data, visits->len,
                                        pay ? &payment : NULL, replaces_id,
                                        palp_doc_receipt_render, NULL, &error);
  if (receipts == NULL)
    return runtime_error (error);
  print_receipts (ctx, store, receipts);
  return PALP_CLI_OK;
}

int
cmd_receipts_void (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReceipt) receipt = NULL;
  const char *number = NULL;
  const char *reason = NULL;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_str_equal (ctx->args[i], "--reason") && i + 1 < ctx->n_args)
        reason = ctx->args[++i];
      else if (number == NULL && !g_str_has_prefix (ctx->args[i], "-"))
        number = ctx->args[i];
      else
        {
          usage_error (_("“receipts void” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }
  if (number == NULL || reason == NULL)
    {
      usage_error (_("say which receipt and why: receipts void NUMBER --reason TEXT"));
      return PALP_CLI_USAGE;
    }
  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)) ||
      !require_actor (ctx, store, &rc))
    return rc;
  if (!palp_store_void_receipt (store, number, reason, &error) ||
      !(receipt = palp_store_find_receipt (store, number, &error)))
    return runtime_error (error);
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_receipt_json (builder, receipt);
      print_json (builder);
    }
  else
    g_print (_("Receipt %s is void. Its services can be receipted again.\n"), number);
  return PALP_CLI_OK;
}

static int
write_output (const char *path,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}

static int
document_receipt (CliContext *ctx,
                  PalpStore  *store,
                  const char *number,
                  gboolean    original,
                  const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpReceipt) receipt = NULL;
  g_autoptr(PalpReceiptDocument) document = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) reprint = NULL;

  if (!(receipt = palp_store_find_receipt (store, number, &error)) ||
      !(stored = palp_store_load_receipt_pdf (store, palp_receipt_get_int (receipt, "id"),
                                              &error)) ||
      !(document = palp_store_load_receipt_document (store, palp_receipt_get_int (receipt, "id"),
                                                     &error)))
    return runtime_error (error);
  /* As issued, byte for byte; later payments and a void as an addendum
   * (the reprint is the stored bytes when nothing happened since). */
  if (original)
    return write_output (output, stored);
  if (!(reprint = palp_doc_receipt_reprint (stored, document, &error)))
    return runtime_error (error);
  return write_output (output, reprint);
}

static int
document_statement (CliContext *ctx,
                    PalpStore  *store,
                    gint64      client_id,
                    const char *from,
                    const char *to,
                    const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(PalpClient) client = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GListModel) diagnoses = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (!(clinic = palp_store_load_clinic (store, &error)) ||
      !(client = palp_store_load_client (store, client_id, &error)) ||
      !(documents = palp_store_load_statement (store, client_id, from, to, &error)) ||
      !(diagnoses = palp_store_list_diagnoses (store, client_id, FALSE, &error)))
    return runtime_error (error);
  /* The client's diagnosis codes, for the insurer. */
  lines = palp_doc_statement_diagnosis_lines (diagnoses);
  if (!(pdf = palp_doc_statement_render_with_diagnoses (clinic, client, from, to, documents,
                                                        (const char * const *) lines, &error)))
    return runtime_error (error);
  return write_output (output, pdf);
}

static gboolean
valid_date (const char *option,
            const char *text)
{
  g_autoptr(GDate) date = g_date_new ();

  if (text != NULL && strlen (text) == 10)
    g_date_set_parse (date, text);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || !g_date_valid (date))
    {
      usage_error (_("%s wants a date as YYYY-MM-DD, not “%s”."), option, text ? text : "");
      return FALSE;
    }
  return TRUE;
}

int
cmd_document (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  const char *kind = ctx->n_args > 0 ? ctx->args[0] : NULL;
  const char *id = ctx->n_args > 1 ? ctx->args[1] : NULL;
  const char *output = NULL, *from = NULL, *to = NULL, *view = NULL;
  gboolean original = FALSE, issue = FALSE, preprinted = FALSE;
  double offset_x = 0, offset_y = 0;
  gboolean has_offset_x = FALSE, has_offset_y = FALSE;
  guint64 client_id = 0;
  int rc = PALP_CLI_OK;

  if (kind == NULL || id == NULL)
    {
      usage_error (_("name the document and what it is about: document receipt NUMBER -o "
                     "FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  for (int i = 2; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value = i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL;

      if ((g_str_equal (arg, "-o") || g_str_equal (arg, "--output")) && value != NULL)
        output = value, i++;
      else if (g_str_equal (arg, "--from") && value != NULL)
        from = value, i++;
      else if (g_str_equal (arg, "--to") && value != NULL)
        to = value, i++;
      else if (g_str_equal (arg, "--original"))
        original = TRUE;
      else if (g_str_equal (arg, "--issue") &&
               (g_str_equal (kind, "lomn") || g_str_equal (kind, "appeal")))
        issue = TRUE;
      else if (g_str_equal (arg, "--view") && value != NULL && g_str_equal (kind, "chart"))
        view = value, i++;
      else if (g_str_equal (arg, "--preprinted") && g_str_equal (kind, "claim"))
        preprinted = TRUE;
      else if (g_str_equal (arg, "--offset-x") && value != NULL && g_str_equal (kind, "claim"))
        {
          if (!parse_offset_mm (arg, value, &offset_x))
            return PALP_CLI_USAGE;
          has_offset_x = TRUE;
          i++;
        }
      else if (g_str_equal (arg, "--offset-y") && value != NULL && g_str_equal (kind, "claim"))
        {
          if (!parse_offset_mm (arg, value, &offset_y))
            return PALP_CLI_USAGE;
          has_offset_y = TRUE;
          i++;
        }
      else
        {
          usage_error (_("“document %s” does not take “%s”."), kind, arg);
          return PALP_CLI_USAGE;
        }
    }
  /* A chart may also be a picture. */
  if (g_str_equal (kind, "chart"))
    {
      if (from != NULL || to != NULL || original)
        {
          usage_error (_("a chart is one visit's: it takes --view, not a date range or "
                         "--original."));
          return PALP_CLI_USAGE;
        }
      return document_chart (ctx, id, view, output);
    }
  if (g_str_equal (kind, "claim"))
    {
      if (from != NULL || to != NULL || original)
        {
          usage_error (_("a claim form takes no date range and no --original."));
          return PALP_CLI_USAGE;
        }
      return document_claim (ctx, id, output, preprinted, has_offset_x ? &offset_x : NULL,
                             has_offset_y ? &offset_y : NULL);
    }
  if (g_str_equal (kind, "lomn"))
    {
      if (from != NULL || to != NULL || original)
        {
          usage_error (_("a letter of medical necessity takes no date range and no "
                         "--original."));
          return PALP_CLI_USAGE;
        }
      return document_lomn (ctx, id, output, issue);
    }
  if (g_str_equal (kind, "appeal"))
    {
      if (from != NULL || to != NULL || original)
        {
          usage_error (_("an appeal is one claim's: it takes no date range and no "
                         "--original."));
          return PALP_CLI_USAGE;
        }
      return document_appeal (ctx, id, output, issue);
    }
  if (is_clinical_document (kind))
    {
      if (from != NULL || to != NULL || original)
        {
          usage_error (_("a clinical document takes no date range and no --original."));
          return PALP_CLI_USAGE;
        }
      return document_clinical (ctx, kind, id, output);
    }
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }

  if (g_str_equal (kind, "receipt"))
    {
      if (from != NULL || to != NULL)
        {
          usage_error (_("a receipt has no date range; did you mean “document statement”?"));
          return PALP_CLI_USAGE;
        }
      if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
        return rc;
      return document_receipt (ctx, store, id, original, output);
    }
  if (g_str_equal (kind, "statement"))
    {
      if (!parse_count (_("a client"), id, G_MAXINT64, &client_id) ||
          !valid_date ("--from", from) || !valid_date ("--to", to))
        return PALP_CLI_USAGE;
      if (strcmp (from, to) > 0)
        {
          usage_error (_("--from comes after --to."));
          return PALP_CLI_USAGE;
        }
      if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
        return rc;
      return document_statement (ctx, store, (gint64) client_id, from, to, output);
    }
  usage_error (_("unknown document “%s”: this version writes receipts, statements, charts, "
                 "SOAP notes, plans, progress reports, records, letters of medical "
                 "necessity and appeals."), kind);
  return PALP_CLI_USAGE;
}

/* What the practitioner's professional paper carries, which a cosmetic
 * receipt must never show. */
static void
add_practitioner_terms (PalpEstheticGuard *guard,
                        PalpStore         *store,
                        gint64             practitioner_id)
{
  g_autoptr(PalpUser) user = palp_store_load_user (store, practitioner_id, NULL);
  g_autoptr(GListModel) licences = palp_store_list_licences (store, practitioner_id, NULL);
  static const struct { const char *prop; PalpEstheticFindingKind kind; } fields[] = {
    { "credentials", PALP_ESTHETIC_FINDING_CREDENTIAL },
    { "association", PALP_ESTHETIC_FINDING_ASSOCIATION },
    { "association-number", PALP_ESTHETIC_FINDING_ASSOCIATION },
    { "npi", PALP_ESTHETIC_FINDING_CREDENTIAL },
  };

  for (guint i = 0; user != NULL && i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (user, fields[i].prop, &value, NULL);
      if (value != NULL && *value != '\0')
        palp_esthetic_guard_add_term (guard, fields[i].kind, value);
    }
  for (guint i = 0; licences != NULL && i < g_list_model_get_n_items (licences); i++)
    {
      g_autoptr(PalpLicence) licence = g_list_model_get_item (licences, i);
      const char *number = palp_licence_get_number (licence);

      if (number != NULL && *number != '\0')
        palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_CREDENTIAL, number);
    }
}

gboolean
check_cosmetic_documents (PalpStore  *store,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GListModel) receipts = palp_store_list_receipts (store, 0, error);

  if (receipts == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);
      g_autoptr(PalpEstheticGuard) guard = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PalpPdfDocument) document = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autofree char *text = NULL;
      const char *number = palp_receipt_get_string (r, "number");

      if (g_strcmp0 (palp_receipt_get_string (r, "category"), "therapeutic") == 0)
        continue;
      /* A missing document is the store check's "receipt-document". */
      if (!(pdf = palp_store_load_receipt_pdf (store, palp_receipt_get_int (r, "id"), NULL)))
        continue;
      if (!(document = palp_pdf_open (pdf, NULL)))
        {
          g_ptr_array_add (problems, g_strdup_printf ("esthetic-document: the stored PDF of "
                                                      "receipt %s cannot be read", number));
          continue;
        }
      text = palp_pdf_get_text (document);
      guard = palp_esthetic_guard_new ();
      add_practitioner_terms (guard, store, palp_receipt_get_int (r, "practitioner-id"));
      findings = palp_esthetic_guard_scan (guard, text ? text : "");
      for (guint f = 0; f < findings->len; f++)
        {
          PalpEstheticFinding *finding = g_ptr_array_index (findings, f);

          g_ptr_array_add (problems,
                           g_strdup_printf ("esthetic-document: cosmetic receipt %s shows "
                                            "“%s” (%s)", number, finding->text,
                                            palp_esthetic_finding_kind_label (finding->kind)));
        }
    }
  return TRUE;
}
