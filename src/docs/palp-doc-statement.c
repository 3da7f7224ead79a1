/* palp-doc-statement.c: a client's statement for an insurer (superbill)
 *
 * Charges and payments are a receipt's, but an insurer reads lines: the
 * amount paid on a receipt is spread over its lines in order (then over
 * its taxes), so a receipt paid in full shows every line paid and a
 * partial payment shows the first lines paid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-doc-receipt.h"
#include "palp-doc-statement.h"
#include "palp-tax.h"

static char *
dup_property (gpointer    object,
              const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static gboolean
is_printable (const PalpReceiptDocument *document)
{
  return document != NULL && document->receipt != NULL
         && g_strcmp0 (palp_receipt_get_string (document->receipt, "category"), "therapeutic") == 0
         && palp_receipt_get_int (document->receipt, "voided") == 0;
}

static gint64
net_paid (const PalpReceiptDocument *document)
{
  gint64 net = 0;

  for (guint i = 0; document->payments != NULL && i < g_list_model_get_n_items (document->payments);
       i++)
    {
      g_autoptr(PalpPayment) payment = g_list_model_get_item (document->payments, i);
      gint64 amount = palp_payment_get_int (payment, "amount-cents");

      net += g_strcmp0 (palp_payment_get_string (payment, "kind"), "refund") == 0 ? -amount : amount;
    }

  /* Payments on a replaced receipt carry over to this one. */
  if (is_set (palp_receipt_get_string (document->receipt, "replaces-number")))
    net = MAX (net, palp_receipt_get_int (document->receipt, "paid-cents"));

  return CLAMP (net, 0, palp_receipt_get_int (document->receipt, "total-cents"));
}

/* "Avery Chen, RMT" and the licence, for the provider column. */
static char *
provider_cell (const PalpReceiptDocument *document,
               PalpClinic                *clinic)
{
  g_autofree char *name = dup_property (document->practitioner, "display-name");
  g_autofree char *credentials = dup_property (document->practitioner, "credentials");
  const char *number = palp_licence_get_number (document->licence);
  g_autofree char *licence = NULL;

  if (palp_clinic_get_country_enum (clinic) == PALP_COUNTRY_CA)
    /* Translators: a registration number in a narrow table column. */
    licence = g_strdup_printf (_("Reg. no. %s"), number);
  else
    /* Translators: a licence number in a narrow table column. */
    licence = g_strdup_printf (_("Lic. no. %s"), number);

  return g_strdup_printf ("%s%s%s\n%s", name != NULL ? name : "", credentials != NULL ? ", " : "",
                          credentials != NULL ? credentials : "", licence);
}

static gboolean
check_document (const PalpReceiptDocument  *document,
                GError                    **error)
{
  const char *number = palp_receipt_get_string (document->receipt, "number");

  if (document->practitioner == NULL || document->lines == NULL)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                   _("Receipt %s could not be put on the statement: its practitioner or its "
                     "services are missing."),
                   number != NULL ? number : "?");
      return FALSE;
    }
  if (document->licence == NULL || !is_set (palp_licence_get_number (document->licence)))
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                   _("An insurer needs the practitioner’s licence or registration number, and "
                     "receipt %s has none. Add the licence in Preferences, then try again."),
                   number != NULL ? number : "?");
      return FALSE;
    }
  return TRUE;
}

/* Every practitioner once, in order of first appearance. */
static void
add_practitioners (PalpDoc   *doc,
                   GPtrArray *documents)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  palp_doc_add_heading (doc, _("Practitioners"));

  for (guint i = 0; i < documents->len; i++)
    {
      const PalpReceiptDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *name = NULL;
      g_autofree char *credentials = NULL;
      g_auto(GStrv) details = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;
      gint64 *key;

      if (!is_printable (document))
        continue;

      key = g_new (gint64, 1);
      *key = palp_user_get_id (document->practitioner);
      /* Users not yet saved (id 0) are told apart by their licence. */
      if (*key == 0)
        *key = -(gint64) g_str_hash (palp_licence_get_number (document->licence));
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_ptr_array_add (keys, key);
      g_hash_table_add (seen, key);

      name = dup_property (document->practitioner, "display-name");
      credentials = dup_property (document->practitioner, "credentials");
      details = palp_doc_billing_practitioner_details (document);
      joined = g_strjoinv ("\n", details);
      text = g_strdup_printf ("%s%s%s\n%s", name != NULL ? name : "",
                              credentials != NULL ? ", " : "",
                              credentials != NULL ? credentials : "", joined);
      palp_doc_add_paragraph (doc, text, PALP_DOC_TEXT_BODY);
    }
}

static void
add_payments (PalpDoc    *doc,
              PalpClinic *clinic,
              GPtrArray  *documents)
{
  const PalpDocColumn columns[] = {
    { _("Date"), 1.2, PALP_DOC_ALIGN_START },
    { _("Receipt"), 1.6, PALP_DOC_ALIGN_START },
    { _("Method"), 1.3, PALP_DOC_ALIGN_START },
    { _("Reference"), 1.8, PALP_DOC_ALIGN_START },
    { _("Amount"), 1.2, PALP_DOC_ALIGN_END },
  };
  gboolean begun = FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      const PalpReceiptDocument *document = g_ptr_array_index (documents, i);

      if (!is_printable (document) || document->payments == NULL)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (document->payments); j++)
        {
          g_autoptr(PalpPayment) payment = g_list_model_get_item (document->payments, j);
          gboolean refund = g_strcmp0 (palp_payment_get_string (payment, "kind"), "refund") == 0;
          gint64 amount = palp_payment_get_int (payment, "amount-cents");
          g_autofree char *date = palp_doc_billing_format_date (clinic,
                                                                palp_payment_get_string (
                                                                  payment, "received-at"));
          g_autofree char *money = palp_doc_billing_format_money (clinic,
                                                                  refund ? -amount : amount);
          g_autofree char *method = NULL;
          const char *cells[5];

          if (!begun)
            {
              palp_doc_add_heading (doc, _("Payments"));
              palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
              begun = TRUE;
            }

          method = refund ? g_strdup_printf (_("Refund, %s"),
                                             palp_doc_billing_method_label (
                                               palp_payment_get_string (payment, "method")))
                          : g_strdup (palp_doc_billing_method_label (
                              palp_payment_get_string (payment, "method")));
          cells[0] = date;
          cells[1] = palp_receipt_get_string (document->receipt, "number");
          cells[2] = method;
          cells[3] = palp_payment_get_string (payment, "reference");
          cells[4] = money;
          palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
        }
    }

  if (begun)
    palp_doc_end_table (doc);
}

GBytes *
palp_doc_statement_render (PalpClinic  *clinic,
                           PalpClient  *client,
                           const char  *from,
                           const char  *to,
                           GPtrArray   *documents,
                           GError     **error)
{
  return palp_doc_statement_render_with_diagnoses (clinic, client, from, to, documents, NULL,
                                                   error);
}

GBytes *
palp_doc_statement_render_with_diagnoses (PalpClinic          *clinic,
                                          PalpClient          *client,
                                          const char          *from,
                                          const char          *to,
                                          GPtrArray           *documents,
                                          const char * const  *diagnoses,
                                          GError             **error)
{
  g_autoptr(PalpDoc) doc = NULL;
  g_autoptr(GDateTime) latest = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *period = NULL;
  g_autofree char *client_name = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *birth_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *legal_name = NULL;
  g_autofree char *charged_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *balance_text = NULL;
  g_auto(GStrv) address_lines = NULL;
  GDate from_date, to_date;
  gint64 charged = 0, paid = 0;
  guint n_services = 0;
  const char *language = palp_doc_billing_language ();
  PalpDocAddress address;
  PalpDocField fields[1];
  gsize n_fields = 0;
  const PalpDocColumn columns[] = {
    { _("Date"), 1.15, PALP_DOC_ALIGN_START },
    { _("Service"), 2.1, PALP_DOC_ALIGN_START },
    { _("Minutes"), 1.1, PALP_DOC_ALIGN_END },
    { _("Practitioner"), 2.0, PALP_DOC_ALIGN_START },
    { _("CPT code"), 0.9, PALP_DOC_ALIGN_START },
    { _("Charge"), 1.1, PALP_DOC_ALIGN_END },
    { _("Paid"), 1.1, PALP_DOC_ALIGN_END },
  };

  g_return_val_if_fail (PALP_IS_CLINIC (clinic), NULL);
  g_return_val_if_fail (PALP_IS_CLIENT (client), NULL);

  if (!palp_date_parse_iso (from, &from_date) || !palp_date_parse_iso (to, &to_date)
      || g_date_compare (&from_date, &to_date) > 0)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID,
                   _("The statement’s period must run from one date (YYYY-MM-DD) to the same "
                     "or a later one."));
      return NULL;
    }

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const PalpReceiptDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(GDateTime) issued = NULL;

      if (!is_printable (document))
        continue;
      if (!check_document (document, error))
        return NULL;
      n_services += g_list_model_get_n_items (document->lines);

      issued = palp_doc_billing_parse_time (palp_receipt_get_string (document->receipt,
                                                                     "issued-at"));
      if (issued != NULL && (latest == NULL || g_date_time_compare (issued, latest) > 0))
        {
          g_clear_pointer (&latest, g_date_time_unref);
          latest = g_date_time_ref (issued);
        }
    }

  from_text = palp_doc_billing_format_date (clinic, from);
  to_text = palp_doc_billing_format_date (clinic, to);
  if (n_services == 0)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                   _("There is no massage-therapy service on a valid receipt from %s to %s, so "
                     "there is nothing to put on a statement."),
                   from_text, to_text);
      return NULL;
    }

  /* The same statement twice is the same bytes: dated by its last receipt. */
  if (latest == NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      latest = g_date_time_new (utc, g_date_get_year (&to_date), g_date_get_month (&to_date),
                                g_date_get_day (&to_date), 0, 0, 0);
    }

  paper = dup_property (clinic, "paper-size");
  doc = palp_doc_new (palp_paper_from_string (paper));
  client_name = palp_doc_billing_client_name (client);
  legal_name = dup_property (clinic, "name");
  /* Translators: a period, "from – to". */
  period = g_strdup_printf (_("%s – %s"), from_text, to_text);
  title = g_strdup_printf (_("Statement for %s"), client_name);
  footer = g_strdup_printf ("%s · %s", title, period);

  palp_doc_set_title (doc, title);
  palp_doc_set_author (doc, legal_name);
  palp_doc_set_subject (doc, _("Statement of massage-therapy services for an insurer"));
  palp_doc_set_creation_date (doc, latest);
  palp_doc_set_language (doc, g_ascii_strncasecmp (language, "fr", 2) == 0 ? "fr" : "en");
  palp_doc_set_footer_text (doc, footer);

  if (!palp_doc_billing_add_letterhead (doc, clinic, NULL, TRUE, error))
    return NULL;
  palp_doc_add_title (doc, _("Statement of services"), period);

  address_lines = palp_doc_billing_address (client);
  address = (PalpDocAddress) { _("Client"), client_name, (const char * const *) address_lines };
  birth = dup_property (client, "birth-date");
  if (birth != NULL)
    {
      birth_text = palp_doc_billing_format_date (clinic, birth);
      fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth_text };
    }
  palp_doc_add_address (doc, &address, fields, n_fields);

  /* Diagnoses come from the clinical record, which a later version will
   * pass here; the statement never makes one up. */
  if (diagnoses != NULL && diagnoses[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) diagnoses);

      palp_doc_add_heading (doc, _("Diagnoses"));
      palp_doc_add_paragraph (doc, joined, PALP_DOC_TEXT_BODY);
    }

  palp_doc_add_heading (doc, _("Massage-therapy services"));
  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < documents->len; i++)
    {
      const PalpReceiptDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *provider = NULL;
      gint64 left;

      if (!is_printable (document))
        continue;

      provider = provider_cell (document, clinic);
      left = net_paid (document);
      charged += palp_receipt_get_int (document->receipt, "total-cents");
      paid += left;

      for (guint j = 0; j < g_list_model_get_n_items (document->lines); j++)
        {
          g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, j);
          gint64 amount = palp_receipt_line_get_int (line, "amount-cents");
          gint64 line_paid = MIN (left, amount);
          const char *description = palp_receipt_line_get_string (line, "description");
          g_autofree char *date = palp_doc_billing_format_date (clinic,
                                                                palp_receipt_line_get_string (
                                                                  line, "service-date"));
          g_autofree char *service = g_strdup_printf (_("%s\nReceipt %s"),
                                                      description != NULL ? description : "",
                                                      palp_receipt_get_string (document->receipt,
                                                                               "number"));
          g_autofree char *minutes = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      palp_receipt_line_get_int (line, "minutes"));
          g_autofree char *charge = palp_doc_billing_format_money (clinic, amount);
          g_autofree char *paid_cell = palp_doc_billing_format_money (clinic, line_paid);
          const char *cells[] = {
            date, service, minutes, provider, palp_receipt_line_get_string (line, "code"), charge,
            paid_cell,
          };

          left -= line_paid;
          palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
        }

      for (guint j = 0; document->taxes != NULL && j < g_list_model_get_n_items (document->taxes);
           j++)
        {
          g_autoptr(PalpReceiptTax) tax = g_list_model_get_item (document->taxes, j);
          gint64 amount = palp_receipt_tax_get_int (tax, "amount-cents");
          gint64 tax_paid = MIN (left, amount);
          g_autofree char *rate = palp_tax_rate_format ((guint32) palp_receipt_tax_get_int (
                                                          tax, "rate-ppm"),
                                                        language);
          g_autofree char *label = g_strdup_printf ("%s %s",
                                                    palp_receipt_tax_get_string (tax, "name"),
                                                    rate);
          g_autofree char *charge = palp_doc_billing_format_money (clinic, amount);
          g_autofree char *paid_cell = palp_doc_billing_format_money (clinic, tax_paid);
          const char *cells[] = { NULL, label, NULL, NULL, NULL, charge, paid_cell };

          left -= tax_paid;
          palp_doc_add_row (doc, cells, PALP_DOC_ROW_MUTED);
        }
    }
  palp_doc_end_table (doc);

  charged_text = palp_doc_billing_format_money (clinic, charged);
  paid_text = palp_doc_billing_format_money (clinic, paid);
  balance_text = palp_doc_billing_format_money (clinic, charged - paid);
  {
    const PalpDocTotal totals[] = {
      { _("Total charged"), charged_text, PALP_DOC_TOTAL_NORMAL },
      { _("Total paid"), paid_text, PALP_DOC_TOTAL_NORMAL },
      { _("Balance"), balance_text, PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE },
    };

    palp_doc_add_totals (doc, totals, G_N_ELEMENTS (totals));
  }

  add_payments (doc, clinic, documents);
  add_practitioners (doc, documents);

  palp_doc_add_paragraph (doc, _("Whether a service is covered is for the plan to decide; "
                                 "keep this statement with the receipts it lists."),
                          PALP_DOC_TEXT_MUTED);

  return palp_doc_to_bytes (doc, error);
}

GStrv
palp_doc_statement_diagnosis_lines (GListModel *diagnoses)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  guint n = diagnoses != NULL ? g_list_model_get_n_items (diagnoses) : 0;
  guint added = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpDiagnosis) d = g_list_model_get_item (diagnoses, i);
      const char *code = palp_diagnosis_get_string (d, "code");
      const char *description = palp_diagnosis_get_string (d, "description");
      g_autofree char *line = NULL;

      if (code == NULL || palp_diagnosis_get_int (d, "archived"))
        continue;
      line = description ? g_strdup_printf ("%s %s", code, description) : g_strdup (code);
      g_strv_builder_add (lines, line);
      added++;
    }
  return added > 0 ? g_strv_builder_end (lines) : NULL;
}
