/* palp-doc-receipt.c: a receipt as PDF, and its reprint
 *
 * The two kinds of receipt share a skeleton but are built by separate
 * functions on purpose: a cosmetic receipt is assembled only from the
 * parts it may show, rather than from the therapeutic one with parts
 * taken out, so that a field added to the therapeutic receipt later never
 * leaks onto a cosmetic one by default. The esthetic guard then reads
 * everything the cosmetic PDF would carry, metadata included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-esthetic-guard.h"
#include "palp-money.h"
#include "palp-tax.h"

#define CATEGORY_THERAPEUTIC "therapeutic"
#define CATEGORY_ESTHETIC    "esthetic"
#define CATEGORY_OTHER       "other"

/* poppler-glib 22 declares no autoptr for its objects. */
typedef PopplerDocument PalpReceiptPdf;
typedef PopplerPage PalpReceiptPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpReceiptPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpReceiptPdfPage, g_object_unref)

G_DEFINE_QUARK (palp-doc-receipt-error-quark, palp_doc_receipt_error)

/* ---------------------------------------------------------------------- */
/* Helpers shared by the billing documents                                */

const char *
palp_doc_billing_language (void)
{
  const char * const *names = g_get_language_names ();

  return names != NULL && names[0] != NULL ? names[0] : "C";
}

/* A string property of a model object, NULL when unset or empty. */
static char *
dup_property (gpointer    object,
              const char *property)
{
  char *value = NULL;

  if (object == NULL)
    return NULL;
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

static PalpCurrency
clinic_currency (PalpClinic *clinic)
{
  g_autofree char *code = dup_property (clinic, "currency");
  PalpCurrency currency;

  if (code != NULL && palp_currency_from_code (code, &currency, NULL))
    return currency;
  return palp_clinic_get_country_enum (clinic) == PALP_COUNTRY_CA ? PALP_CURRENCY_CAD
                                                                   : PALP_CURRENCY_USD;
}

char *
palp_doc_billing_format_money (PalpClinic *clinic,
                               gint64      cents)
{
  return palp_money_format (cents, clinic_currency (clinic), palp_doc_billing_language ());
}

char *
palp_doc_billing_format_date (PalpClinic *clinic,
                              const char *text)
{
  g_autofree char *day = NULL;
  char *formatted;

  if (text == NULL)
    return g_strdup ("");
  day = g_strndup (text, 10);
  formatted = palp_date_format_short (day, palp_clinic_get_country_enum (clinic));
  return formatted != NULL ? formatted : g_strdup (text);
}

GDateTime *
palp_doc_billing_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *iso = NULL;
  GDate day;

  if (text == NULL)
    return NULL;

  /* A bare day is its midnight. */
  if (strlen (text) == 10 && palp_date_parse_iso (text, &day))
    return g_date_time_new (utc, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), 0, 0, 0);

  /* SQLite's form, "YYYY-MM-DD HH:MM:SS", is ISO 8601 with a space. */
  iso = g_strdup (text);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  return g_date_time_new_from_iso8601 (iso, utc);
}

const char *
palp_doc_billing_method_label (const char *method)
{
  if (method == NULL)
    return "";
  if (g_str_equal (method, "cash"))
    return _("Cash");
  if (g_str_equal (method, "card"))
    return _("Card");
  if (g_str_equal (method, "cheque"))
    return _("Cheque");
  if (g_str_equal (method, "e-transfer"))
    return _("E-transfer");
  if (g_str_equal (method, "insurance"))
    return _("Insurance");
  if (g_str_equal (method, "hsa-fsa"))
    return _("HSA/FSA");
  return method;
}

/* "City, Region  Postal" from whichever parts are set. */
static char *
city_line (gpointer object)
{
  g_autofree char *city = dup_property (object, "city");
  g_autofree char *region = dup_property (object, "region");
  g_autofree char *postal = dup_property (object, "postal-code");
  GString *out = g_string_new (city);

  if (region != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", region);
  if (postal != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? "  " : "", postal);

  return g_string_free (out, FALSE);
}

/* Appends @text to @array unless it is empty (the array owns @text). */
static void
push_line (GPtrArray *array,
           char      *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (array, text);
  else
    g_free (text);
}

static GPtrArray *
strv_builder (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* The builder's lines as a NULL-terminated array it still owns. */
static const char * const *
strv_view (GPtrArray *array)
{
  if (array->len == 0 || g_ptr_array_index (array, array->len - 1) != NULL)
    g_ptr_array_add (array, NULL);
  return (const char * const *) array->pdata;
}

static GPtrArray *
address_lines (gpointer object)
{
  GPtrArray *lines = strv_builder ();

  push_line (lines, dup_property (object, "street"));
  push_line (lines, city_line (object));
  return lines;
}

GStrv
palp_doc_billing_address (gpointer object)
{
  g_autoptr(GPtrArray) lines = address_lines (object);

  strv_view (lines);
  g_ptr_array_set_free_func (lines, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

gboolean
palp_doc_billing_add_letterhead (PalpDoc     *doc,
                                 PalpClinic  *clinic,
                                 const char  *name,
                                 gboolean     logo,
                                 GError     **error)
{
  g_autoptr(GPtrArray) address = address_lines (clinic);
  g_autoptr(GPtrArray) contact = strv_builder ();
  g_autoptr(GPtrArray) registration = strv_builder ();
  g_autoptr(GBytes) logo_png = NULL;
  g_autofree char *legal_name = dup_property (clinic, "name");
  PalpDocLetterhead letterhead = { 0 };

  push_line (contact, dup_property (clinic, "phone"));
  push_line (contact, dup_property (clinic, "email"));
  push_line (contact, dup_property (clinic, "website"));

  if (palp_clinic_get_country_enum (clinic) == PALP_COUNTRY_CA)
    {
      g_autofree char *numbers = dup_property (clinic, "tax-numbers");
      g_auto(GStrv) parts = numbers != NULL ? g_strsplit_set (numbers, ";\n", -1) : NULL;

      /* As the clinic typed them ("GST/HST 123456789 RT0001"); a bare
       * number gets a label so nobody mistakes it for a licence. */
      for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (g_ascii_isdigit (parts[i][0]))
            push_line (registration, g_strdup_printf (_("GST/HST no. %s"), parts[i]));
          else
            push_line (registration, g_strdup (parts[i]));
        }
    }
  else
    {
      g_autofree char *tax_id = dup_property (clinic, "tax-id");

      if (tax_id != NULL)
        push_line (registration, g_strdup_printf (_("Tax ID %s"), tax_id));
    }

  if (logo)
    g_object_get (clinic, "logo", &logo_png, NULL);

  letterhead.name = name != NULL ? name : legal_name;
  letterhead.address = strv_view (address);
  letterhead.contact = strv_view (contact);
  letterhead.registration = strv_view (registration);
  letterhead.logo_png = logo_png;

  return palp_doc_add_letterhead (doc, &letterhead, error);
}

/* ---------------------------------------------------------------------- */
/* What a receipt is made of                                              */

typedef struct
{
  const PalpReceiptDocument *document;
  PalpClinic                *clinic;
  const char                *language;
  const char                *category;
  const char                *number;
  GDateTime                 *issued;        /* owned */
  char                      *clinic_name;   /* as printed: legal or esthetic name */
  gboolean                   show_logo;
  gboolean                   therapeutic;
} Receipt;

static void
receipt_clear (Receipt *receipt)
{
  g_clear_pointer (&receipt->issued, g_date_time_unref);
  g_clear_pointer (&receipt->clinic_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Receipt, receipt_clear)

/* Whether the clinic's legal name says massage therapy, in English or
 * French, in any case or accent. */
static gboolean
name_mentions_massage (const char *name)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;

  if (name == NULL)
    return FALSE;
  composed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (composed != NULL ? composed : name, -1);
  /* "massoth" covers massothérapie, massotherapie and massothérapeute. */
  return strstr (folded, "massage") != NULL || strstr (folded, "massoth") != NULL;
}

static gboolean
receipt_init (Receipt                    *receipt,
              const PalpReceiptDocument  *document,
              GError                    **error)
{
  g_autofree char *legal_name = NULL;
  const char *issued_at;

  if (document == NULL || document->clinic == NULL || document->client == NULL
      || document->receipt == NULL || document->practitioner == NULL)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                   _("The receipt could not be printed: its clinic, client, practitioner or "
                     "receipt record is missing. Open the receipt again and retry."));
      return FALSE;
    }

  receipt->document = document;
  receipt->clinic = document->clinic;
  receipt->language = palp_doc_billing_language ();
  receipt->category = palp_receipt_get_string (document->receipt, "category");
  receipt->number = palp_receipt_get_string (document->receipt, "number");

  if (receipt->category == NULL
      || !g_strv_contains ((const char *[]) { CATEGORY_THERAPEUTIC, CATEGORY_ESTHETIC,
                                              CATEGORY_OTHER, NULL },
                           receipt->category))
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_CATEGORY,
                   _("Receipt %s has no known category (therapeutic, esthetic or other), so "
                     "Palpate cannot tell what it may show."),
                   receipt->number != NULL ? receipt->number : "?");
      return FALSE;
    }
  receipt->therapeutic = g_str_equal (receipt->category, CATEGORY_THERAPEUTIC);

  issued_at = palp_receipt_get_string (document->receipt, "issued-at");
  receipt->issued = palp_doc_billing_parse_time (issued_at);
  if (receipt->issued == NULL)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID,
                   _("Receipt %s has no valid issue time (“%s”)."),
                   receipt->number != NULL ? receipt->number : "?",
                   issued_at != NULL ? issued_at : "");
      return FALSE;
    }

  legal_name = dup_property (receipt->clinic, "name");
  receipt->show_logo = TRUE;
  if (!receipt->therapeutic && name_mentions_massage (legal_name))
    {
      receipt->clinic_name = dup_property (receipt->clinic, "esthetic-name");
      /* The logo of a massage-therapy clinic likely says so, and no
       * scanner can read a picture. */
      receipt->show_logo = FALSE;
      if (receipt->clinic_name == NULL)
        {
          g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                       _("The clinic’s name mentions massage, so cosmetic and other receipts "
                         "must carry its esthetic trade name instead. Set the esthetic name in "
                         "Preferences, then print again."));
          return FALSE;
        }
    }
  else
    receipt->clinic_name = g_steal_pointer (&legal_name);

  return TRUE;
}

/* Lines present, all of the receipt's category, and amounts that add up:
 * a legal document is not printed from inconsistent figures. */
static gboolean
receipt_check (Receipt  *receipt,
               GError  **error)
{
  const PalpReceiptDocument *document = receipt->document;
  PalpReceipt *record = document->receipt;
  guint n_lines = document->lines != NULL ? g_list_model_get_n_items (document->lines) : 0;
  gint64 lines_sum = 0, taxes_sum = 0;

  if (n_lines == 0)
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                   _("Receipt %s has no services on it; a receipt lists at least one."),
                   receipt->number);
      return FALSE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, i);
      const char *category = palp_receipt_line_get_string (line, "category");

      if (category != NULL && !g_str_equal (category, receipt->category))
        {
          g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_CATEGORY,
                       _("Receipt %s is %s but holds a %s service; therapeutic and cosmetic "
                         "work are never receipted together."),
                       receipt->number, receipt->category, category);
          return FALSE;
        }
      if (!receipt->therapeutic && is_set (palp_receipt_line_get_string (line, "code")))
        {
          g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_ESTHETIC,
                       _("Receipt %s is not therapeutic but one of its services carries a "
                         "procedure code."),
                       receipt->number);
          return FALSE;
        }
      lines_sum += palp_receipt_line_get_int (line, "amount-cents");
    }

  for (guint i = 0; document->taxes != NULL && i < g_list_model_get_n_items (document->taxes); i++)
    {
      g_autoptr(PalpReceiptTax) tax = g_list_model_get_item (document->taxes, i);

      taxes_sum += palp_receipt_tax_get_int (tax, "amount-cents");
    }

  if (lines_sum != palp_receipt_get_int (record, "subtotal-cents")
      || taxes_sum != palp_receipt_get_int (record, "tax-cents")
      || palp_receipt_get_int (record, "subtotal-cents") + palp_receipt_get_int (record, "tax-cents")
           != palp_receipt_get_int (record, "total-cents"))
    {
      g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INVALID,
                   _("The amounts of receipt %s do not add up (services, taxes and total "
                     "differ from what was issued)."),
                   receipt->number);
      return FALSE;
    }

  if (receipt->therapeutic)
    {
      const char *number = document->licence != NULL
                             ? palp_licence_get_number (document->licence) : NULL;

      if (!is_set (number))
        {
          g_autofree char *name = dup_property (document->practitioner, "display-name");

          g_set_error (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_INCOMPLETE,
                       _("A massage-therapy receipt shows the practitioner’s licence or "
                         "registration number, and %s has none current on %s. Add the licence "
                         "in Preferences, then issue the receipt again."),
                       name != NULL ? name : _("the practitioner"),
                       palp_receipt_get_string (record, "issued-at"));
          return FALSE;
        }
    }

  return TRUE;
}

char *
palp_doc_billing_client_name (PalpClient *client)
{
  g_autofree char *given = dup_property (client, "given-name");
  g_autofree char *middle = dup_property (client, "middle-name");
  g_autofree char *family = dup_property (client, "family-name");
  GString *out = g_string_new (NULL);
  const char *parts[] = { given, middle, family };

  /* The legal name, as an insurer matches it; not the preferred one. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", parts[i]);

  return g_string_free (out, FALSE);
}

static char *
format_amount (Receipt *receipt,
               gint64   cents)
{
  return palp_doc_billing_format_money (receipt->clinic, cents);
}

static char *
tax_label (PalpReceiptTax *tax,
           const char     *language)
{
  const char *name = palp_receipt_tax_get_string (tax, "name");
  const char *registration = palp_receipt_tax_get_string (tax, "registration");
  g_autofree char *rate = palp_tax_rate_format ((guint32) palp_receipt_tax_get_int (tax, "rate-ppm"),
                                                language);

  if (is_set (registration))
    /* Translators: a tax on a receipt: its name, rate and the clinic's
     * registration number for it, e.g. "HST 13% (81234 5678 RT0001)". */
    return g_strdup_printf (_("%s %s (%s)"), name != NULL ? name : "", rate, registration);
  /* Translators: a tax on a receipt: its name and rate, e.g. "Sales tax 6.5%". */
  return g_strdup_printf (_("%s %s"), name != NULL ? name : "", rate);
}

static gint64
signed_payment (PalpPayment *payment)
{
  const char *kind = palp_payment_get_string (payment, "kind");
  gint64 amount = palp_payment_get_int (payment, "amount-cents");

  return g_strcmp0 (kind, "refund") == 0 ? -amount : amount;
}

static char *
payment_label (Receipt     *receipt,
               PalpPayment *payment)
{
  const char *method = palp_doc_billing_method_label (palp_payment_get_string (payment, "method"));
  g_autofree char *date = palp_doc_billing_format_date (receipt->clinic,
                                                        palp_payment_get_string (payment,
                                                                                 "received-at"));

  if (g_strcmp0 (palp_payment_get_string (payment, "kind"), "refund") == 0)
    /* Translators: a refund on a receipt: method and date. */
    return g_strdup_printf (_("Refund, %s, %s"), method, date);
  /* Translators: a payment on a receipt: method and date. */
  return g_strdup_printf (_("Payment, %s, %s"), method, date);
}

/* What was paid on the receipts this one replaces: carried over by the
 * store into paid-cents, but recorded against the voided receipt. */
static gint64
carried_over (Receipt *receipt,
              gint64   listed)
{
  PalpReceipt *record = receipt->document->receipt;

  if (!is_set (palp_receipt_get_string (record, "replaces-number")))
    return 0;
  return MAX (0, palp_receipt_get_int (record, "paid-cents") - listed);
}

/* Payments to list: all of them, or those received up to @until. */
static GPtrArray *
receipt_payments (Receipt   *receipt,
                  GDateTime *until,
                  gboolean   after)
{
  GListModel *payments = receipt->document->payments;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; payments != NULL && i < g_list_model_get_n_items (payments); i++)
    {
      g_autoptr(PalpPayment) payment = g_list_model_get_item (payments, i);
      g_autoptr(GDateTime) when = NULL;
      gboolean is_after;

      if (until == NULL)
        {
          g_ptr_array_add (out, g_steal_pointer (&payment));
          continue;
        }
      when = palp_doc_billing_parse_time (palp_payment_get_string (payment, "received-at"));
      is_after = when != NULL && g_date_time_compare (when, until) > 0;
      if (is_after == after)
        g_ptr_array_add (out, g_steal_pointer (&payment));
    }

  return out;
}

/* Subtotal, taxes, total, @payments and the balance they leave. */
static void
add_receipt_totals (PalpDoc   *doc,
                    Receipt   *receipt,
                    GPtrArray *payments,
                    gboolean   voided)
{
  const PalpReceiptDocument *document = receipt->document;
  PalpReceipt *record = document->receipt;
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (PalpDocTotal));
  g_autoptr(GPtrArray) strings = strv_builder ();
  gint64 total = palp_receipt_get_int (record, "total-cents");
  gint64 listed = 0, carried, balance;
  PalpDocTotal row;

#define PUSH(label_, amount_, flags_) \
  G_STMT_START { \
    char *l_ = (label_); \
    char *a_ = (amount_); \
    g_ptr_array_add (strings, l_); \
    g_ptr_array_add (strings, a_); \
    row.label = l_; \
    row.amount = a_; \
    row.flags = (flags_); \
    g_array_append_val (totals, row); \
  } G_STMT_END

  PUSH (g_strdup (_("Subtotal")), format_amount (receipt, palp_receipt_get_int (record,
                                                                                "subtotal-cents")),
        PALP_DOC_TOTAL_NORMAL);
  for (guint i = 0; document->taxes != NULL && i < g_list_model_get_n_items (document->taxes); i++)
    {
      g_autoptr(PalpReceiptTax) tax = g_list_model_get_item (document->taxes, i);

      PUSH (tax_label (tax, receipt->language),
            format_amount (receipt, palp_receipt_tax_get_int (tax, "amount-cents")),
            PALP_DOC_TOTAL_NORMAL);
    }
  PUSH (g_strdup (_("Total")), format_amount (receipt, total),
        PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE);

  for (guint i = 0; i < payments->len; i++)
    {
      PalpPayment *payment = g_ptr_array_index (payments, i);
      gint64 amount = signed_payment (payment);

      listed += amount;
      PUSH (payment_label (receipt, payment), format_amount (receipt, -amount),
            PALP_DOC_TOTAL_NORMAL);
    }

  carried = carried_over (receipt, listed);
  if (carried > 0)
    PUSH (g_strdup_printf (_("Paid on replaced receipt %s"),
                           palp_receipt_get_string (record, "replaces-number")),
          format_amount (receipt, -carried), PALP_DOC_TOTAL_NORMAL);

  balance = voided ? 0 : total - listed - carried;
  PUSH (g_strdup (voided ? _("Balance (receipt voided)") : _("Balance")),
        format_amount (receipt, balance), PALP_DOC_TOTAL_STRONG | PALP_DOC_TOTAL_RULE_ABOVE);

#undef PUSH

  palp_doc_add_totals (doc, (const PalpDocTotal *) (gpointer) totals->data, totals->len);
}

static void
set_common (PalpDoc *doc,
            Receipt *receipt)
{
  g_autofree char *title = g_strdup_printf (_("Receipt %s"), receipt->number);
  g_autofree char *footer = g_strdup_printf ("%s · %s", title, receipt->clinic_name);

  palp_doc_set_title (doc, title);
  palp_doc_set_author (doc, receipt->clinic_name);
  palp_doc_set_creation_date (doc, receipt->issued);
  palp_doc_set_language (doc, palp_money_language_is_french (receipt->language) ? "fr" : "en");
  palp_doc_set_footer_text (doc, footer);
}

static PalpDoc *
receipt_doc_new (Receipt *receipt)
{
  g_autofree char *paper = dup_property (receipt->clinic, "paper-size");

  return palp_doc_new (palp_paper_from_string (paper));
}

/* Client at the left, the receipt's particulars at the right. */
static void
add_client (PalpDoc    *doc,
            Receipt    *receipt,
            const char *provided_by)
{
  PalpReceipt *record = receipt->document->receipt;
  g_autofree char *name = palp_doc_billing_client_name (receipt->document->client);
  g_autoptr(GPtrArray) lines = address_lines (receipt->document->client);
  g_autofree char *issued = palp_doc_billing_format_date (receipt->clinic,
                                                          palp_receipt_get_string (record,
                                                                                   "issued-at"));
  PalpDocAddress address = { _("Client"), name, strv_view (lines) };
  PalpDocField fields[4];
  gsize n = 0;

  fields[n++] = (PalpDocField) { _("Receipt no."), receipt->number };
  fields[n++] = (PalpDocField) { _("Date issued"), issued };
  if (is_set (palp_receipt_get_string (record, "replaces-number")))
    fields[n++] = (PalpDocField) { _("Replaces"),
                                   palp_receipt_get_string (record, "replaces-number") };
  if (provided_by != NULL)
    fields[n++] = (PalpDocField) { _("Provided by"), provided_by };

  palp_doc_add_address (doc, &address, fields, n);
}

static gboolean
any_code (GListModel *lines)
{
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (lines, i);

      if (is_set (palp_receipt_line_get_string (line, "code")))
        return TRUE;
    }
  return FALSE;
}

/* "Massage therapy" or, for more than one, "Massage therapy × 2". */
static char *
line_description (PalpReceiptLine *line)
{
  const char *description = palp_receipt_line_get_string (line, "description");
  gint64 quantity = palp_receipt_line_get_int (line, "quantity");

  if (quantity > 1)
    {
      g_autofree char *times = g_strdup_printf ("%" G_GINT64_FORMAT, quantity);

      /* Translators: a service and how many times it was given. */
      return g_strdup_printf (_("%s × %s"), description != NULL ? description : "", times);
    }
  return g_strdup (description != NULL ? description : "");
}

/* ---------------------------------------------------------------------- */
/* Therapeutic receipt                                                    */

/* The practitioner's lines under the signature: profession, licence,
 * association, NPI. */
static GPtrArray *
practitioner_details (const PalpReceiptDocument *document)
{
  GPtrArray *details = strv_builder ();
  PalpUser *practitioner = document->practitioner;
  g_autofree char *profession = dup_property (practitioner, "profession");
  g_autofree char *association = dup_property (practitioner, "association");
  g_autofree char *member = dup_property (practitioner, "association-number");
  g_autofree char *npi = dup_property (practitioner, "npi");
  const char *number = palp_licence_get_number (document->licence);
  const char *jurisdiction = palp_licence_get_jurisdiction (document->licence);
  gboolean canada = document->clinic != NULL
                    && palp_clinic_get_country_enum (document->clinic) == PALP_COUNTRY_CA;

  push_line (details, g_strdup (profession));

  /* Canadian colleges register; American states license. */
  if (is_set (jurisdiction))
    push_line (details, g_strdup_printf (canada ? _("Registration no. %s (%s)")
                                                : _("Licence no. %s (%s)"),
                                         number, jurisdiction));
  else
    push_line (details, g_strdup_printf (canada ? _("Registration no. %s") : _("Licence no. %s"),
                                         number));

  if (association != NULL && member != NULL)
    /* Translators: a professional association and the member number in it. */
    push_line (details, g_strdup_printf (_("%s, member no. %s"), association, member));
  else if (association != NULL)
    push_line (details, g_strdup_printf (_("Member of %s"), association));
  else if (member != NULL)
    push_line (details, g_strdup_printf (_("Association member no. %s"), member));

  if (npi != NULL)
    push_line (details, g_strdup_printf (_("NPI %s"), npi));

  return details;
}

static PalpDoc *
build_therapeutic (Receipt  *receipt,
                   GError  **error)
{
  const PalpReceiptDocument *document = receipt->document;
  g_autoptr(PalpDoc) doc = receipt_doc_new (receipt);
  g_autoptr(GPtrArray) payments = receipt_payments (receipt, NULL, FALSE);
  g_autoptr(GPtrArray) details = practitioner_details (document);
  g_autoptr(GBytes) signature_png = NULL;
  g_autofree char *practitioner = dup_property (document->practitioner, "display-name");
  g_autofree char *credentials = dup_property (document->practitioner, "credentials");
  g_autofree char *issued = palp_doc_billing_format_date (receipt->clinic,
                                                          palp_receipt_get_string (
                                                            document->receipt, "issued-at"));
  gboolean codes = any_code (document->lines);
  PalpDocColumn columns[5];
  gsize n_columns = 0;
  PalpDocSignature signature = { 0 };

  set_common (doc, receipt);
  palp_doc_set_subject (doc, _("Massage therapy receipt"));

  if (!palp_doc_billing_add_letterhead (doc, receipt->clinic, receipt->clinic_name, TRUE, error))
    return NULL;
  palp_doc_add_title (doc, _("Receipt"), receipt->number);
  add_client (doc, receipt, NULL);

  columns[n_columns++] = (PalpDocColumn) { _("Date of service"), 1.5, PALP_DOC_ALIGN_START };
  columns[n_columns++] = (PalpDocColumn) { _("Description"), 3.4, PALP_DOC_ALIGN_START };
  columns[n_columns++] = (PalpDocColumn) { _("Minutes"), 0.9, PALP_DOC_ALIGN_END };
  if (codes)
    columns[n_columns++] = (PalpDocColumn) { _("CPT code"), 1.0, PALP_DOC_ALIGN_START };
  columns[n_columns++] = (PalpDocColumn) { _("Amount"), 1.2, PALP_DOC_ALIGN_END };

  palp_doc_begin_table (doc, columns, n_columns);
  for (guint i = 0; i < g_list_model_get_n_items (document->lines); i++)
    {
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, i);
      g_autofree char *date = palp_doc_billing_format_date (receipt->clinic,
                                                            palp_receipt_line_get_string (
                                                              line, "service-date"));
      g_autofree char *description = line_description (line);
      g_autofree char *minutes = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  palp_receipt_line_get_int (line, "minutes"));
      g_autofree char *amount = format_amount (receipt, palp_receipt_line_get_int (line,
                                                                                   "amount-cents"));
      const char *cells[5];
      gsize n = 0;

      cells[n++] = date;
      cells[n++] = description;
      cells[n++] = minutes;
      if (codes)
        cells[n++] = palp_receipt_line_get_string (line, "code");
      cells[n++] = amount;
      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (doc);

  add_receipt_totals (doc, receipt, payments, FALSE);

  g_object_get (document->practitioner, "signature", &signature_png, NULL);
  signature.caption = _("Practitioner’s signature");
  signature.name = practitioner;
  signature.credentials = credentials;
  signature.details = strv_view (details);
  signature.date = issued;
  signature.image_png = signature_png;
  if (!palp_doc_add_signature (doc, &signature, error))
    return NULL;

  return g_steal_pointer (&doc);
}

GStrv
palp_doc_billing_practitioner_details (const PalpReceiptDocument *document)
{
  g_autoptr(GPtrArray) details = NULL;

  g_return_val_if_fail (document != NULL && document->licence != NULL, NULL);

  details = practitioner_details (document);
  strv_view (details);
  g_ptr_array_set_free_func (details, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&details), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Esthetic and other receipts                                            */

static PalpEstheticGuard *
guard_for (const PalpReceiptDocument *document)
{
  PalpEstheticGuard *guard = palp_esthetic_guard_new ();
  g_autofree char *legal_name = dup_property (document->clinic, "name");
  const struct
  {
    PalpEstheticFindingKind  kind;
    const char              *property;
  } practitioner_terms[] = {
    { PALP_ESTHETIC_FINDING_ASSOCIATION, "association" },
    { PALP_ESTHETIC_FINDING_CREDENTIAL, "association-number" },
    { PALP_ESTHETIC_FINDING_CREDENTIAL, "npi" },
    { PALP_ESTHETIC_FINDING_CREDENTIAL, "credentials" },
    { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "profession" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (practitioner_terms); i++)
    {
      g_autofree char *value = dup_property (document->practitioner,
                                             practitioner_terms[i].property);

      palp_esthetic_guard_add_term (guard, practitioner_terms[i].kind, value);
    }
  if (document->licence != NULL)
    palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_CREDENTIAL,
                                  palp_licence_get_number (document->licence));
  if (name_mentions_massage (legal_name))
    palp_esthetic_guard_add_term (guard, PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, legal_name);

  return guard;
}

/* The whole text the cosmetic PDF carries, checked before any byte. */
static gboolean
check_cosmetic (PalpDoc                   *doc,
                const PalpReceiptDocument *document,
                GError                   **error)
{
  g_autoptr(PalpEstheticGuard) guard = guard_for (document);
  g_autofree char *text = palp_doc_dup_text (doc);
  g_autoptr(GError) found = NULL;

  if (palp_esthetic_guard_check (guard, text, &found))
    return TRUE;

  g_set_error_literal (error, PALP_DOC_RECEIPT_ERROR, PALP_DOC_RECEIPT_ERROR_ESTHETIC,
                       found->message);
  return FALSE;
}

static PalpDoc *
build_cosmetic (Receipt  *receipt,
                GError  **error)
{
  const PalpReceiptDocument *document = receipt->document;
  g_autoptr(PalpDoc) doc = receipt_doc_new (receipt);
  g_autoptr(GPtrArray) payments = receipt_payments (receipt, NULL, FALSE);
  g_autofree char *practitioner = dup_property (document->practitioner, "display-name");
  gboolean esthetic = g_str_equal (receipt->category, CATEGORY_ESTHETIC);
  const PalpDocColumn columns[] = {
    { _("Date"), 1.2, PALP_DOC_ALIGN_START },
    { _("Service"), 3.4, PALP_DOC_ALIGN_START },
    { _("Quantity"), 0.9, PALP_DOC_ALIGN_END },
    { _("Price"), 1.1, PALP_DOC_ALIGN_END },
    { _("Amount"), 1.2, PALP_DOC_ALIGN_END },
  };

  set_common (doc, receipt);
  palp_doc_set_subject (doc, esthetic ? _("Receipt for cosmetic services") : _("Receipt"));

  if (!palp_doc_billing_add_letterhead (doc, receipt->clinic, receipt->clinic_name,
                                        receipt->show_logo, error))
    return NULL;
  palp_doc_add_title (doc, _("Receipt"), receipt->number);
  /* The plain name, never credentials: whoever gave the service. */
  add_client (doc, receipt, practitioner);

  if (esthetic)
    palp_doc_add_notice (doc, _("Cosmetic service — not a health service and not for "
                                "submission to a health plan."));

  palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < g_list_model_get_n_items (document->lines); i++)
    {
      g_autoptr(PalpReceiptLine) line = g_list_model_get_item (document->lines, i);
      g_autofree char *date = palp_doc_billing_format_date (receipt->clinic,
                                                            palp_receipt_line_get_string (
                                                              line, "service-date"));
      const char *description = palp_receipt_line_get_string (line, "description");
      g_autofree char *quantity = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   MAX (1, palp_receipt_line_get_int (line,
                                                                                      "quantity")));
      g_autofree char *price = format_amount (receipt, palp_receipt_line_get_int (line,
                                                                                  "price-cents"));
      g_autofree char *amount = format_amount (receipt, palp_receipt_line_get_int (line,
                                                                                   "amount-cents"));
      const char *cells[] = { date, description, quantity, price, amount };

      palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
    }
  palp_doc_end_table (doc);

  add_receipt_totals (doc, receipt, payments, FALSE);

  if (!check_cosmetic (doc, document, error))
    return NULL;

  return g_steal_pointer (&doc);
}

GBytes *
palp_doc_receipt_render (const PalpReceiptDocument  *document,
                         gpointer                    user_data,
                         GError                    **error)
{
  g_auto(Receipt) receipt = { 0 };
  g_autoptr(PalpDoc) doc = NULL;

  (void) user_data;

  if (!receipt_init (&receipt, document, error) || !receipt_check (&receipt, error))
    return NULL;

  doc = receipt.therapeutic ? build_therapeutic (&receipt, error)
                            : build_cosmetic (&receipt, error);
  if (doc == NULL)
    return NULL;

  return palp_doc_to_bytes (doc, error);
}

/* ---------------------------------------------------------------------- */
/* Reprint                                                                */

/* The addendum: the void in words, and what was paid since the issue. */
static PalpDoc *
build_addendum (Receipt    *receipt,
                GPtrArray  *later,
                gboolean    voided,
                GDateTime **out_date,
                GError    **error)
{
  const PalpReceiptDocument *document = receipt->document;
  PalpReceipt *record = document->receipt;
  g_autoptr(PalpDoc) doc = receipt_doc_new (receipt);
  g_autoptr(GPtrArray) all = receipt_payments (receipt, NULL, FALSE);
  g_autoptr(GDateTime) latest = g_date_time_ref (receipt->issued);
  g_autofree char *title = g_strdup_printf (_("Addendum to receipt %s"), receipt->number);
  const PalpDocColumn columns[] = {
    { _("Date"), 1.2, PALP_DOC_ALIGN_START },
    { _("Kind"), 1.0, PALP_DOC_ALIGN_START },
    { _("Method"), 1.3, PALP_DOC_ALIGN_START },
    { _("Reference"), 1.8, PALP_DOC_ALIGN_START },
    { _("Amount"), 1.2, PALP_DOC_ALIGN_END },
  };

  set_common (doc, receipt);
  palp_doc_set_title (doc, title);
  palp_doc_set_subject (doc, title);
  /* Translators: footer of an addendum; keep {page} and {pages}. */
  palp_doc_set_page_format (doc, _("Addendum, page {page} of {pages}"));

  if (!palp_doc_billing_add_letterhead (doc, receipt->clinic, receipt->clinic_name,
                                        receipt->show_logo, error))
    return NULL;
  palp_doc_add_title (doc, _("Addendum"), receipt->number);
  add_client (doc, receipt, NULL);

  if (voided)
    {
      const char *voided_at = palp_receipt_get_string (record, "voided-at");
      const char *reason = palp_receipt_get_string (record, "void-reason");
      const char *replaced_by = palp_receipt_get_string (record, "replaced-by-number");
      g_autofree char *when = palp_doc_billing_format_date (receipt->clinic, voided_at);
      g_autofree char *who = NULL;
      g_autofree char *notice = NULL;
      g_autoptr(GDateTime) voided_time = palp_doc_billing_parse_time (voided_at);
      gint64 voided_by = palp_receipt_get_int (record, "voided-by");

      /* The store names who voided it; without a name, the practitioner
       * or the id the audit log knows them by. */
      if (is_set (palp_receipt_get_string (record, "voided-by-name")))
        who = g_strdup (palp_receipt_get_string (record, "voided-by-name"));
      else if (voided_by != 0 && voided_by == palp_user_get_id (document->practitioner))
        who = dup_property (document->practitioner, "display-name");
      else if (voided_by != 0)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, voided_by);

          /* Translators: who voided a receipt, when only their user number is known. */
          who = g_strdup_printf (_("user no. %s"), id);
        }
      else
        who = g_strdup (_("an administrator"));

      notice = g_strdup_printf (_("VOID. Receipt %s was voided on %s by %s.\nReason: %s"),
                                receipt->number, is_set (voided_at) ? when : _("an unknown date"),
                                who, is_set (reason) ? reason : _("none given"));
      palp_doc_add_notice (doc, notice);
      if (is_set (replaced_by))
        {
          g_autofree char *text = g_strdup_printf (_("It is replaced by receipt %s; payments "
                                                     "made on it carry over to that receipt."),
                                                   replaced_by);

          palp_doc_add_paragraph (doc, text, PALP_DOC_TEXT_BODY);
        }
      if (voided_time != NULL && g_date_time_compare (voided_time, latest) > 0)
        {
          g_date_time_unref (latest);
          latest = g_date_time_ref (voided_time);
        }
    }

  if (later->len > 0)
    {
      palp_doc_add_heading (doc, _("Payments and refunds after the receipt was issued"));
      palp_doc_begin_table (doc, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < later->len; i++)
        {
          PalpPayment *payment = g_ptr_array_index (later, i);
          const char *received_at = palp_payment_get_string (payment, "received-at");
          g_autofree char *date = palp_doc_billing_format_date (receipt->clinic, received_at);
          g_autofree char *amount = format_amount (receipt, -signed_payment (payment));
          g_autoptr(GDateTime) when = palp_doc_billing_parse_time (received_at);
          gboolean refund = g_strcmp0 (palp_payment_get_string (payment, "kind"), "refund") == 0;
          const char *cells[] = {
            date, refund ? _("Refund") : _("Payment"),
            palp_doc_billing_method_label (palp_payment_get_string (payment, "method")),
            palp_payment_get_string (payment, "reference"), amount,
          };

          palp_doc_add_row (doc, cells, PALP_DOC_ROW_NORMAL);
          if (when != NULL && g_date_time_compare (when, latest) > 0)
            {
              g_date_time_unref (latest);
              latest = g_date_time_ref (when);
            }
        }
      palp_doc_end_table (doc);
    }

  palp_doc_add_heading (doc, _("Account of this receipt"));
  add_receipt_totals (doc, receipt, all, voided);

  /* The addendum's date is its last event, so it too is reproducible. */
  palp_doc_set_creation_date (doc, latest);
  *out_date = g_steal_pointer (&latest);

  if (!receipt->therapeutic && !check_cosmetic (doc, document, error))
    return NULL;

  return g_steal_pointer (&doc);
}

/* A diagonal mark, as outlines so text extraction never reads it among the
 * original's words (the addendum says it in words). */
static void
draw_void_mark (cairo_t *cr,
                double   width,
                double   height)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("DejaVu Sans Bold");
  int text_w, text_h;

  pango_font_description_set_absolute_size (font, 150 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  /* Translators: the large mark across every page of a voided receipt. */
  pango_layout_set_text (layout, _("VOID"), -1);
  pango_layout_get_size (layout, &text_w, &text_h);

  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_move_to (cr, -text_w / 2.0 / PANGO_SCALE, -text_h / 2.0 / PANGO_SCALE);
  pango_cairo_layout_path (cr, layout);
  cairo_set_source_rgba (cr, 0.75, 0.12, 0.12, 0.30);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.75, 0.12, 0.12, 0.55);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Every page of @pdf onto @surface; the void mark over each when @mark. */
static void
copy_pages (cairo_surface_t *surface,
            cairo_t         *cr,
            PopplerDocument *pdf,
            gboolean         mark)
{
  int n_pages = palp_pdf_get_n_pages (pdf);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PalpReceiptPdfPage) page = palp_pdf_get_page (pdf, i);
      double width, height;

      if (page == NULL)
        continue;
      palp_pdf_page_get_size (page, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      cairo_save (cr);
      /* Printing mode: the page as it would go to paper, text kept as text. */
      palp_pdf_page_render_for_printing (page, cr);
      cairo_restore (cr);
      if (mark)
        draw_void_mark (cr, width, height);
      cairo_show_page (cr);
    }
}

GBytes *
palp_doc_receipt_reprint (GBytes                     *original_pdf,
                          const PalpReceiptDocument  *document,
                          GError                    **error)
{
  g_auto(Receipt) receipt = { 0 };
  g_autoptr(PalpDoc) addendum = NULL;
  g_autoptr(GBytes) addendum_bytes = NULL;
  g_autoptr(PalpReceiptPdf) original = NULL;
  g_autoptr(PalpReceiptPdf) addendum_pdf = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *date_text = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean voided;

  g_return_val_if_fail (original_pdf != NULL, NULL);

  if (!receipt_init (&receipt, document, error))
    return NULL;

  voided = palp_receipt_get_int (document->receipt, "voided") != 0;
  later = receipt_payments (&receipt, receipt.issued, TRUE);
  if (!voided && later->len == 0)
    return g_bytes_ref (original_pdf);

  original = palp_pdf_open (original_pdf, error);
  if (original == NULL)
    return NULL;

  addendum = build_addendum (&receipt, later, voided, &date, error);
  if (addendum == NULL)
    return NULL;
  addendum_bytes = palp_doc_to_bytes (addendum, error);
  if (addendum_bytes == NULL)
    return NULL;
  addendum_pdf = palp_pdf_open (addendum_bytes, error);
  if (addendum_pdf == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_cb, buffer, 612, 792);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, palp_doc_get_title (addendum));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, receipt.clinic_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Palpate");
  date_text = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date_text);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date_text);
  cr = cairo_create (surface);

  copy_pages (surface, cr, original, voided);
  copy_pages (surface, cr, addendum_pdf, FALSE);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_RENDER,
                   _("The reprint of receipt %s could not be drawn (%s)."), receipt.number,
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
