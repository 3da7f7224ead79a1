/* palp-doc-report.c: the clinic's billing reports, as PDF and CSV
 *
 * Each report is computed once into rows (a GPtrArray of structs), and
 * both the PDF and the CSV are written from those rows, so they cannot
 * disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-doc-receipt.h"
#include "palp-doc-report.h"
#include "palp-money.h"
#include "palp-payment.h"
#include "palp-receipt-tax.h"
#include "palp-tax.h"

typedef struct
{
  GDate    from, to;
  gboolean has_from, has_to;
} Period;

static gboolean
period_init (Period      *period,
             const char  *from,
             const char  *to,
             GError     **error)
{
  memset (period, 0, sizeof *period);
  period->has_from = from != NULL && from[0] != '\0';
  period->has_to = to != NULL && to[0] != '\0';

  if ((period->has_from && !palp_date_parse_iso (from, &period->from))
      || (period->has_to && !palp_date_parse_iso (to, &period->to))
      || (period->has_from && period->has_to && g_date_compare (&period->from, &period->to) > 0))
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID,
                   _("A report’s period runs from one date (YYYY-MM-DD) to the same or a later "
                     "one."));
      return FALSE;
    }
  return TRUE;
}

/* Whether the day of @when ("YYYY-MM-DD…") is inside the period. */
static gboolean
period_contains (const Period *period,
                 const char   *when,
                 char          day_out[11])
{
  GDate day;

  if (when == NULL || strlen (when) < 10)
    return FALSE;
  memcpy (day_out, when, 10);
  day_out[10] = '\0';
  if (!palp_date_parse_iso (day_out, &day))
    return FALSE;
  return (!period->has_from || g_date_compare (&day, &period->from) >= 0)
         && (!period->has_to || g_date_compare (&day, &period->to) <= 0);
}

static char *
period_text (PalpClinic *clinic,
             const char *from,
             const char *to)
{
  g_autofree char *from_text = from != NULL ? palp_doc_billing_format_date (clinic, from) : NULL;
  g_autofree char *to_text = to != NULL ? palp_doc_billing_format_date (clinic, to) : NULL;

  /* Translators: a period, "from – to"; an open end is left empty. */
  return g_strdup_printf (_("%s – %s"), from_text != NULL ? from_text : "",
                          to_text != NULL ? to_text : "");
}

/* RFC 4180: quoted when it holds a comma, a quote, a line break, or
 * spaces a reader could trim; quotes doubled. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    last)
{
  if (text == NULL)
    text = "";

  if (strpbrk (text, ",\"\r\n") != NULL || text[0] == ' '
      || (text[0] != '\0' && text[strlen (text) - 1] == ' '))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
csv_money (GString  *out,
           gint64    cents,
           gboolean  last)
{
  g_autofree char *plain = palp_money_format_plain (cents);

  csv_field (out, plain, last);
}

static void
csv_count (GString  *out,
           guint     count,
           gboolean  last)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  csv_field (out, text, last);
}

static PalpDoc *
report_doc_new (PalpClinic  *clinic,
                const char  *title,
                const char  *period,
                GError     **error)
{
  g_autofree char *paper = NULL;
  g_autofree char *legal_name = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(PalpDoc) doc = NULL;
  const char *language = palp_doc_billing_language ();

  g_object_get (clinic, "paper-size", &paper, "name", &legal_name, NULL);
  doc = palp_doc_new (palp_paper_from_string (paper));
  footer = g_strdup_printf ("%s · %s", title, period);

  palp_doc_set_title (doc, title);
  palp_doc_set_subject (doc, footer);
  palp_doc_set_author (doc, legal_name);
  palp_doc_set_language (doc, palp_money_language_is_french (language) ? "fr" : "en");
  palp_doc_set_footer_text (doc, footer);

  if (!palp_doc_billing_add_letterhead (doc, clinic, NULL, TRUE, error))
    return NULL;
  palp_doc_add_title (doc, title, period);

  return g_steal_pointer (&doc);
}

/* Reports are dated by their last entry, so the same figures give the
 * same bytes; an empty report by the end of its period. */
static void
date_report (PalpDoc    *doc,
             const char *latest,
             const char *to)
{
  g_autoptr(GDateTime) date = palp_doc_billing_parse_time (latest != NULL ? latest : to);

  if (date == NULL)
    date = g_date_time_new_from_unix_utc (0);
  palp_doc_set_creation_date (doc, date);
}

/* ---------------------------------------------------------------------- */
/* Payments                                                               */

typedef struct
{
  char   day[11];
  char  *method;
  guint  n_payments;
  guint  n_refunds;
  gint64 received;
  gint64 refunded;  /* negative or 0 */
} PaymentRow;

static void
payment_row_free (gpointer data)
{
  PaymentRow *row = data;

  g_free (row->method);
  g_free (row);
}

static int
compare_payment_rows (gconstpointer a,
                      gconstpointer b)
{
  const PaymentRow *ra = *(PaymentRow * const *) a;
  const PaymentRow *rb = *(PaymentRow * const *) b;
  int by_day = strcmp (ra->day, rb->day);

  return by_day != 0 ? by_day : strcmp (ra->method, rb->method);
}

/* Rows by day then method; @latest_out: the last received-at counted. */
static GPtrArray *
payment_rows (const char  *from,
              const char  *to,
              GListModel  *payments,
              char       **latest_out,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (payment_row_free);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *latest = NULL;
  Period period;

  if (!period_init (&period, from, to, error))
    return NULL;

  for (guint i = 0; payments != NULL && i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(PalpPayment) payment = g_list_model_get_item (payments, i);
      const char *received_at = palp_payment_get_string (payment, "received-at");
      const char *method = palp_payment_get_string (payment, "method");
      gboolean refund = g_strcmp0 (palp_payment_get_string (payment, "kind"), "refund") == 0;
      gint64 amount = palp_payment_get_int (payment, "amount-cents");
      g_autofree char *key = NULL;
      char day[11];
      PaymentRow *row;

      if (!period_contains (&period, received_at, day))
        continue;
      if (method == NULL)
        method = "";
      if (latest == NULL || strcmp (received_at, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (received_at);
        }

      key = g_strdup_printf ("%s\x1f%s", day, method);
      row = g_hash_table_lookup (index, key);
      if (row == NULL)
        {
          row = g_new0 (PaymentRow, 1);
          memcpy (row->day, day, sizeof row->day);
          row->method = g_strdup (method);
          g_ptr_array_add (rows, row);
          g_hash_table_insert (index, g_steal_pointer (&key), row);
        }
      if (refund)
        {
          row->n_refunds++;
          row->refunded -= amount;
        }
      else
        {
          row->n_payments++;
          row->received += amount;
        }
    }

  g_ptr_array_sort (rows, compare_payment_rows);
  if (latest_out != NULL)
    *latest_out = g_steal_pointer (&latest);
  return g_steal_pointer (&rows);
}

char *
palp_doc_payments_report_csv (PalpClinic  *clinic,
                              const char  *from,
                              const char  *to,
                              GListModel  *payments,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = payment_rows (from, to, payments, NULL, error);
  GString *out;

  if (rows == NULL)
    return NULL;

  out = g_string_new ("date,method,payments,refunds,received,refunded,net\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const PaymentRow *row = g_ptr_array_index (rows, i);

      csv_field (out, row->day, FALSE);
      csv_field (out, row->method, FALSE);
      csv_count (out, row->n_payments, FALSE);
      csv_count (out, row->n_refunds, FALSE);
      csv_money (out, row->received, FALSE);
      csv_money (out, row->refunded, FALSE);
      csv_money (out, row->received + row->refunded, TRUE);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  char   *method;
  guint   n_payments;
  guint   n_refunds;
  gint64  received;
  gint64  refunded;
} MethodTotal;

static void
method_total_free (gpointer data)
{
  MethodTotal *total = data;

  g_free (total->method);
  g_free (total);
}

static int
compare_method_totals (gconstpointer a,
                       gconstpointer b)
{
  const MethodTotal *ta = *(MethodTotal * const *) a;
  const MethodTotal *tb = *(MethodTotal * const *) b;

  return strcmp (ta->method, tb->method);
}

GBytes *
palp_doc_payments_report_render (PalpClinic  *clinic,
                                 const char  *from,
                                 const char  *to,
                                 GListModel  *payments,
                                 GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) methods = g_ptr_array_new_with_free_func (method_total_free);
  g_autoptr(GHashTable) by_method = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PalpDoc) doc = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *period = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *refunded_text = NULL;
  g_autofree char *net_text = NULL;
  gint64 received = 0, refunded = 0;
  const PalpDocColumn columns[] = {
    { _("Date"), 1.2, PALP_DOC_ALIGN_START },
    { _("Method"), 1.6, PALP_DOC_ALIGN_START },
    { _("Payments"), 1.15, PALP_DOC_ALIGN_END },
    { _("Refunds"), 1.05, PALP_DOC_ALIGN_END },
    { _("Received"), 1.2, PALP_DOC_ALIGN_END },
    { _("Refunded"), 1.2, PALP_DOC_ALIGN_END },
    { _("Net"), 1.2, PALP_DOC_ALIGN_END },
  };
  const PalpDocColumn method_columns[] = {
    { _("Method"), 1.6 + 1.2, PALP_DOC_ALIGN_START },
    { _("Payments"), 1.15, PALP_DOC_ALIGN_END },
    { _("Refunds"), 1.05, PALP_DOC_ALIGN_END },
    { _("Received"), 1.2, PALP_DOC_ALIGN_END },
    { _("Refunded"), 1.2, PALP_DOC_ALIGN_END },
    { _("Net"), 1.2, PALP_DOC_ALIGN_END },
  };

  g_return_val_if_fail (PALP_IS_CLINIC (clinic), NULL);

  rows = payment_rows (from, to, payments, &latest, error);
  if (rows == NULL)
    return NULL;

  period = period_text (clinic, from, to);
  doc = report_doc_new (clinic, _("Payments received"), period, error);
  if (doc == NULL)
    return NULL;
  date_report (doc, latest, to);

  if (rows->len == 0)
    palp_doc_add_paragraph (doc, _("No payment or refund was recorded in this period."),
                            PALP_DOC_TEXT_BODY);
  else
    {
      palp_doc_add_heading (doc, _("By day and method"));
      palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const PaymentRow *row = g_ptr_array_index (rows, i);
      g_autofree char *date = palp_doc_billing_format_date (clinic, row->day);
      g_autofree char *n_payments = g_strdup_printf ("%u", row->n_payments);
      g_autofree char *n_refunds = g_strdup_printf ("%u", row->n_refunds);
      g_autofree char *in = palp_doc_billing_format_money (clinic, row->received);
      g_autofree char *out = palp_doc_billing_format_money (clinic, row->refunded);
      g_autofree char *net = palp_doc_billing_format_money (clinic, row->received + row->refunded);
      /* The date once per day, so the eye finds where a day starts. */
      gboolean first_of_day = i == 0
                              || strcmp (row->day,
                                         ((PaymentRow *) g_ptr_array_index (rows, i - 1))->day)
                                   != 0;
      const char *cells[] = {
        first_of_day ? date : NULL, palp_doc_billing_method_label (row->method), n_payments,
        n_refunds, in, out, net,
      };
      MethodTotal *total = g_hash_table_lookup (by_method, row->method);

      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);

      if (total == NULL)
        {
          total = g_new0 (MethodTotal, 1);
          total->method = g_strdup (row->method);
          g_ptr_array_add (methods, total);
          g_hash_table_insert (by_method, total->method, total);
        }
      total->n_payments += row->n_payments;
      total->n_refunds += row->n_refunds;
      total->received += row->received;
      total->refunded += row->refunded;
      received += row->received;
      refunded += row->refunded;
    }

  if (rows->len > 0)
    {
      palp_doc_end_table (doc);

      g_ptr_array_sort (methods, compare_method_totals);
      palp_doc_add_heading (doc, _("By method"));
      palp_doc_begin_table (doc, method_columns, G_N_ELEMENTS (method_columns));
      for (guint i = 0; i < methods->len; i++)
        {
          const MethodTotal *total = g_ptr_array_index (methods, i);
          g_autofree char *n_payments = g_strdup_printf ("%u", total->n_payments);
          g_autofree char *n_refunds = g_strdup_printf ("%u", total->n_refunds);
          g_autofree char *in = palp_doc_billing_format_money (clinic, total->received);
          g_autofree char *out = palp_doc_billing_format_money (clinic, total->refunded);
          g_autofree char *net = palp_doc_billing_format_money (clinic,
                                                                total->received + total->refunded);
          const char *cells[] = {
            palp_doc_billing_method_label (total->method), n_payments, n_refunds, in, out, net,
          };

          palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
        }
      palp_doc_end_table (doc);
    }

  received_text = palp_doc_billing_format_money (clinic, received);
  refunded_text = palp_doc_billing_format_money (clinic, refunded);
  net_text = palp_doc_billing_format_money (clinic, received + refunded);
  {
    const PalpDocTotal totals[] = {
      { _("Received"), received_text, PALP_DOC_TOTAL_NORMAL },
      { _("Refunded"), refunded_text, PALP_DOC_TOTAL_NORMAL },
      { _("Net received"), net_text, PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE },
    };

    palp_doc_add_totals (doc, totals, G_N_ELEMENTS (totals));
  }

  return palp_doc_to_bytes (doc, error);
}

/* ---------------------------------------------------------------------- */
/* Tax                                                                    */

typedef struct
{
  char   *name;
  char   *registration;
  gint64  rate_ppm;
  guint   n_receipts;
  gint64  base;
  gint64  amount;
} TaxRow;

static void
tax_row_free (gpointer data)
{
  TaxRow *row = data;

  g_free (row->name);
  g_free (row->registration);
  g_free (row);
}

static int
compare_tax_rows (gconstpointer a,
                  gconstpointer b)
{
  const TaxRow *ra = *(TaxRow * const *) a;
  const TaxRow *rb = *(TaxRow * const *) b;
  int by_name = strcmp (ra->name, rb->name);

  if (by_name != 0)
    return by_name;
  if (ra->rate_ppm != rb->rate_ppm)
    return ra->rate_ppm < rb->rate_ppm ? -1 : 1;
  return strcmp (ra->registration, rb->registration);
}

static int
compare_taxes_by_receipt (gconstpointer a,
                          gconstpointer b)
{
  PalpReceiptTax *ta = *(PalpReceiptTax * const *) a;
  PalpReceiptTax *tb = *(PalpReceiptTax * const *) b;
  int by_time = g_strcmp0 (palp_receipt_tax_get_string (ta, "issued-at"),
                           palp_receipt_tax_get_string (tb, "issued-at"));

  if (by_time != 0)
    return by_time;
  return g_strcmp0 (palp_receipt_tax_get_string (ta, "receipt-number"),
                    palp_receipt_tax_get_string (tb, "receipt-number"));
}

/* Per component, valid receipts only; @kept_out: every tax in the period
 * (voided too), by issue time; @latest_out: the last issue time. */
static GPtrArray *
tax_rows (const char  *from,
          const char  *to,
          GListModel  *taxes,
          GPtrArray  **kept_out,
          char       **latest_out,
          GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (tax_row_free);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *latest = NULL;
  Period period;

  if (!period_init (&period, from, to, error))
    return NULL;

  for (guint i = 0; taxes != NULL && i < g_list_model_get_n_items (taxes); i++)
    {
      g_autoptr(PalpReceiptTax) tax = g_list_model_get_item (taxes, i);
      const char *issued_at = palp_receipt_tax_get_string (tax, "issued-at");
      const char *name = palp_receipt_tax_get_string (tax, "name");
      const char *registration = palp_receipt_tax_get_string (tax, "registration");
      const char *number = palp_receipt_tax_get_string (tax, "receipt-number");
      gint64 rate = palp_receipt_tax_get_int (tax, "rate-ppm");
      g_autofree char *key = NULL;
      g_autofree char *receipt_key = NULL;
      char day[11];
      TaxRow *row;

      if (!period_contains (&period, issued_at, day))
        continue;
      g_ptr_array_add (kept, g_object_ref (tax));
      if (latest == NULL || strcmp (issued_at, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (issued_at);
        }
      if (palp_receipt_tax_get_int (tax, "voided") != 0)
        continue;

      key = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", name != NULL ? name : "", rate,
                             registration != NULL ? registration : "");
      row = g_hash_table_lookup (index, key);
      if (row == NULL)
        {
          row = g_new0 (TaxRow, 1);
          row->name = g_strdup (name != NULL ? name : "");
          row->registration = g_strdup (registration != NULL ? registration : "");
          row->rate_ppm = rate;
          g_ptr_array_add (rows, row);
          g_hash_table_insert (index, g_strdup (key), row);
        }
      /* A receipt counts once per component. */
      receipt_key = number != NULL
                      ? g_strdup_printf ("%s\x1f%s", key, number)
                      : g_strdup_printf ("%s\x1f#%" G_GINT64_FORMAT, key,
                                         palp_receipt_tax_get_int (tax, "receipt-id"));
      if (g_hash_table_add (receipts, g_steal_pointer (&receipt_key)))
        row->n_receipts++;
      row->base += palp_receipt_tax_get_int (tax, "base-cents");
      row->amount += palp_receipt_tax_get_int (tax, "amount-cents");
    }

  g_ptr_array_sort (rows, compare_tax_rows);
  g_ptr_array_sort (kept, compare_taxes_by_receipt);
  if (kept_out != NULL)
    *kept_out = g_steal_pointer (&kept);
  if (latest_out != NULL)
    *latest_out = g_steal_pointer (&latest);
  return g_steal_pointer (&rows);
}

/* "9.975", "13": the rate in percent without trailing zeros. */
static char *
plain_rate (gint64 rate_ppm)
{
  GString *out = g_string_new (NULL);

  g_string_printf (out, "%" G_GINT64_FORMAT ".%04" G_GINT64_FORMAT,
                   rate_ppm / PALP_TAX_PPM_PER_PERCENT, rate_ppm % PALP_TAX_PPM_PER_PERCENT);
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
  if (out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
palp_doc_tax_report_csv (PalpClinic  *clinic,
                         const char  *from,
                         const char  *to,
                         GListModel  *taxes,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = tax_rows (from, to, taxes, NULL, NULL, error);
  GString *out;

  if (rows == NULL)
    return NULL;

  out = g_string_new ("component,rate,registration,receipts,taxable,tax\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const TaxRow *row = g_ptr_array_index (rows, i);
      g_autofree char *rate = plain_rate (row->rate_ppm);

      csv_field (out, row->name, FALSE);
      csv_field (out, rate, FALSE);
      csv_field (out, row->registration, FALSE);
      csv_count (out, row->n_receipts, FALSE);
      csv_money (out, row->base, FALSE);
      csv_money (out, row->amount, TRUE);
    }

  return g_string_free (out, FALSE);
}

GBytes *
palp_doc_tax_report_render (PalpClinic  *clinic,
                            const char  *from,
                            const char  *to,
                            GListModel  *taxes,
                            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(PalpDoc) doc = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *period = NULL;
  g_autofree char *total_text = NULL;
  const char *language = palp_doc_billing_language ();
  gint64 total = 0;
  guint n_voided = 0;
  const PalpDocColumn columns[] = {
    { _("Tax"), 1.2, PALP_DOC_ALIGN_START },
    { _("Rate"), 0.9, PALP_DOC_ALIGN_END },
    { _("Registration"), 2.0, PALP_DOC_ALIGN_START },
    { _("Receipts"), 0.9, PALP_DOC_ALIGN_END },
    { _("Taxable"), 1.3, PALP_DOC_ALIGN_END },
    { _("Tax collected"), 1.3, PALP_DOC_ALIGN_END },
  };
  const PalpDocColumn detail_columns[] = {
    { _("Receipt"), 2.0, PALP_DOC_ALIGN_START },
    { _("Issued"), 1.1, PALP_DOC_ALIGN_START },
    { _("Tax"), 1.6, PALP_DOC_ALIGN_START },
    { _("Taxable"), 1.2, PALP_DOC_ALIGN_END },
    { _("Tax"), 1.2, PALP_DOC_ALIGN_END },
  };

  g_return_val_if_fail (PALP_IS_CLINIC (clinic), NULL);

  rows = tax_rows (from, to, taxes, &kept, &latest, error);
  if (rows == NULL)
    return NULL;

  period = period_text (clinic, from, to);
  doc = report_doc_new (clinic, _("Sales tax collected"), period, error);
  if (doc == NULL)
    return NULL;
  date_report (doc, latest, to);

  if (rows->len == 0)
    palp_doc_add_paragraph (doc, _("No tax was collected on a valid receipt in this period."),
                            PALP_DOC_TEXT_BODY);
  else
    {
      palp_doc_add_heading (doc, _("By component"));
      palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < rows->len; i++)
        {
          const TaxRow *row = g_ptr_array_index (rows, i);
          g_autofree char *rate = palp_tax_rate_format ((guint32) row->rate_ppm, language);
          g_autofree char *count = g_strdup_printf ("%u", row->n_receipts);
          g_autofree char *base = palp_doc_billing_format_money (clinic, row->base);
          g_autofree char *amount = palp_doc_billing_format_money (clinic, row->amount);
          const char *cells[] = { row->name, rate, row->registration, count, base, amount };

          palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
          total += row->amount;
        }
      palp_doc_end_table (doc);
    }

  total_text = palp_doc_billing_format_money (clinic, total);
  {
    const PalpDocTotal totals[] = {
      { _("Total tax collected"), total_text, PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE },
    };

    palp_doc_add_totals (doc, totals, G_N_ELEMENTS (totals));
  }

  if (kept->len > 0)
    {
      palp_doc_add_heading (doc, _("Receipts"));
      palp_doc_begin_table (doc, detail_columns, G_N_ELEMENTS (detail_columns));
      for (guint i = 0; i < kept->len; i++)
        {
          PalpReceiptTax *tax = g_ptr_array_index (kept, i);
          gboolean voided = palp_receipt_tax_get_int (tax, "voided") != 0;
          const char *number = palp_receipt_tax_get_string (tax, "receipt-number");
          g_autofree char *receipt = voided ? g_strdup_printf (_("%s (voided, not counted)"),
                                                               number != NULL ? number : "")
                                            : g_strdup (number);
          g_autofree char *date = palp_doc_billing_format_date (
            clinic, palp_receipt_tax_get_string (tax, "issued-at"));
          g_autofree char *rate = palp_tax_rate_format (
            (guint32) palp_receipt_tax_get_int (tax, "rate-ppm"), language);
          g_autofree char *label = g_strdup_printf ("%s %s",
                                                    palp_receipt_tax_get_string (tax, "name"),
                                                    rate);
          g_autofree char *base = palp_doc_billing_format_money (
            clinic, palp_receipt_tax_get_int (tax, "base-cents"));
          g_autofree char *amount = palp_doc_billing_format_money (
            clinic, palp_receipt_tax_get_int (tax, "amount-cents"));
          const char *cells[] = { receipt, date, label, base, amount };

          n_voided += voided;
          palp_doc_add_row (doc, cells, voided ? PALP_DOC_ROW_MUTED : PALP_DOC_ROW_NORMAL);
        }
      palp_doc_end_table (doc);
    }

  if (n_voided > 0)
    palp_doc_add_paragraph (doc, _("Voided receipts are listed for the record and counted in no "
                                   "total."),
                            PALP_DOC_TEXT_MUTED);

  return palp_doc_to_bytes (doc, error);
}
