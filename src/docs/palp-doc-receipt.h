/* palp-doc-receipt.h: a receipt as PDF, and its reprint
 *
 * A receipt is drawn once, when it is issued, and those bytes are kept
 * with it (a receipt is a legal document). Its look depends on its
 * category, and the rules come from the regulators:
 *
 *  - therapeutic: the clinic's legal name and tax numbers, the services
 *    with their minutes and CPT codes, the practitioner's credentials,
 *    licence or registration number, association and signature;
 *  - esthetic and other: the clinic's esthetic trade name when its legal
 *    name mentions massage, and nothing that looks like massage therapy
 *    (no credentials, licence, association, code or diagnosis). The text is
 *    checked by palp-esthetic-guard.h before any byte is produced.
 *
 * A receipt that is voided, or paid after it was issued, is reprinted from
 * its stored bytes: the original pages unchanged (a "VOID" mark across
 * them when voided) and an addendum page saying what happened since.
 *
 * Text is translated in the process locale (gettext domain "palpate"), and
 * amounts follow the same language; dates are written as the clinic's
 * country writes them. The PDF's creation date is the receipt's issue time,
 * so the same receipt always gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-doc.h"
#include "palp-receipt-document.h"

G_BEGIN_DECLS

/* The error domain of the billing documents (receipts, statements and
 * reports): what the caller passed cannot make a correct document. */
#define PALP_DOC_RECEIPT_ERROR (palp_doc_receipt_error_quark ())

typedef enum
{
  PALP_DOC_RECEIPT_ERROR_INCOMPLETE,  /* no lines, no licence, no esthetic name... */
  PALP_DOC_RECEIPT_ERROR_CATEGORY,    /* unknown category, or lines of another one */
  PALP_DOC_RECEIPT_ERROR_ESTHETIC,    /* a cosmetic document would look clinical */
  PALP_DOC_RECEIPT_ERROR_INVALID,     /* a date or a time that is not one */
} PalpDocReceiptError;

GQuark       palp_doc_receipt_error_quark (void);

/* The receipt's PDF, with the signature of PalpReceiptRenderFunc (the store
 * calls it while issuing). @user_data is unused: pass NULL. The language
 * is the process locale's, like every other translated string. */
GBytes      *palp_doc_receipt_render      (const PalpReceiptDocument  *document,
                                           gpointer                    user_data,
                                           GError                    **error);

/* @original_pdf (the bytes stored at issue) followed by an addendum page
 * when @document's receipt is voided (a "VOID" mark across every original
 * page, and the reason, who and when in words) or has payments or refunds
 * received after its issue time (listed, with the new balance). Without
 * either, a new reference to @original_pdf: a reprint is the original. */
GBytes      *palp_doc_receipt_reprint     (GBytes                     *original_pdf,
                                           const PalpReceiptDocument  *document,
                                           GError                    **error);

/* Helpers the statement and the reports share. */

/* The language documents are written in: the process locale's first. */
const char  *palp_doc_billing_language    (void);
/* An amount in the clinic's currency, in palp_doc_billing_language(). */
char        *palp_doc_billing_format_money (PalpClinic                *clinic,
                                            gint64                     cents);
/* The day of an ISO date or date-time ("2026-03-14 15:09:26") in the
 * clinic country's short form; @text itself when it is no date. */
char        *palp_doc_billing_format_date (PalpClinic                 *clinic,
                                           const char                 *text);
/* "2026-03-14 15:09:26" or ISO 8601 (UTC unless it says otherwise). */
GDateTime   *palp_doc_billing_parse_time  (const char                 *text);
/* "Card", "Cheque"... for a payment method; unknown methods as they are. */
const char  *palp_doc_billing_method_label (const char                *method);
/* The clinic's letterhead under @name (its legal name when NULL). @logo:
 * print the clinic's logo. */
gboolean     palp_doc_billing_add_letterhead (PalpDoc                 *doc,
                                              PalpClinic              *clinic,
                                              const char              *name,
                                              gboolean                 logo,
                                              GError                 **error);
/* The client's legal name (given, middle, family), as insurers match it. */
char        *palp_doc_billing_client_name (PalpClient                 *client);
/* Street and "City, Region  Postal" of a client or clinic, empty ones left
 * out. */
GStrv        palp_doc_billing_address     (gpointer                    object);
/* The practitioner's profession, licence or registration number (with
 * its jurisdiction), association and member number, and NPI, one per
 * line. Only for therapeutic documents: @document->licence must be set. */
GStrv        palp_doc_billing_practitioner_details (const PalpReceiptDocument *document);

G_END_DECLS
