/* palp-doc-report.h: the clinic's billing reports, as PDF and CSV
 *
 * Two reports a bookkeeper asks for: payments received per day and
 * method, and sales tax collected per component, each over a period.
 * The PDF and the CSV of one report hold the same rows and totals; the
 * CSV follows RFC 4180 (a header row, fields quoted when they need it,
 * CRLF line ends) with amounts as plain decimals ("1234.50", refunds
 * negative) so a spreadsheet reads them as numbers.
 *
 * @from and @to are ISO dates, inclusive; either may be NULL for an open
 * end. Rows outside the period are left out, so a caller may pass more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-clinic.h"

G_BEGIN_DECLS

/* @payments: PalpPayment (kind, method, amount-cents, received-at). One
 * row per day and method: payments, refunds, received, refunded, net. */
GBytes      *palp_doc_payments_report_render (PalpClinic   *clinic,
                                              const char   *from,
                                              const char   *to,
                                              GListModel   *payments,
                                              GError      **error);
/* Columns: date (ISO), method (as stored), payments, refunds (counts),
 * received, refunded (negative), net. */
char        *palp_doc_payments_report_csv    (PalpClinic   *clinic,
                                              const char   *from,
                                              const char   *to,
                                              GListModel   *payments,
                                              GError      **error);

/* @taxes: PalpReceiptTax with receipt-number, issued-at and voided. One
 * row per component (name, rate and registration); voided receipts are
 * listed in the PDF but counted in no total. */
GBytes      *palp_doc_tax_report_render      (PalpClinic   *clinic,
                                              const char   *from,
                                              const char   *to,
                                              GListModel   *taxes,
                                              GError      **error);
/* Columns: component, rate (percent, "9.975"), registration, receipts
 * (count), taxable, tax. Voided receipts are left out. */
char        *palp_doc_tax_report_csv         (PalpClinic   *clinic,
                                              const char   *from,
                                              const char   *to,
                                              GListModel   *taxes,
                                              GError      **error);

G_END_DECLS
