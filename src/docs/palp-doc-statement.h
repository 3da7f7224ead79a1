/* palp-doc-statement.h: a client's statement for an insurer (superbill)
 *
 * What claim submitters are told to collect: each massage-therapy service
 * with its date, duration, description, the practitioner with credentials
 * and licence or registration number, the CPT code, the charge and what
 * was paid, then the payments themselves. Only therapeutic receipts can
 * be on it: any other receipt handed in is left out, never printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-diagnosis.h"
#include "palp-receipt-document.h"

G_BEGIN_DECLS

/* @from and @to are ISO dates (inclusive) naming the period; @documents
 * holds PalpReceiptDocument, oldest first (palp_store_load_statement).
 * Voided receipts and non-therapeutic ones are skipped; a period without
 * any therapeutic service is an error (PALP_DOC_RECEIPT_ERROR_INCOMPLETE),
 * as is a receipt without its practitioner's licence. */
GBytes      *palp_doc_statement_render        (PalpClinic          *clinic,
                                               PalpClient          *client,
                                               const char          *from,
                                               const char          *to,
                                               GPtrArray           *documents,
                                               GError             **error);

/* The same, with the client's diagnoses printed above the services, one
 * per line as the caller words them ("M54.2 Cervicalgia"). The statement
 * prints what it is given and nothing else: NULL or empty prints no
 * diagnosis block. */
GBytes      *palp_doc_statement_render_with_diagnoses (PalpClinic          *clinic,
                                                       PalpClient          *client,
                                                       const char          *from,
                                                       const char          *to,
                                                       GPtrArray           *documents,
                                                       const char * const  *diagnoses,
                                                       GError             **error);

/* The lines a statement prints for @diagnoses (GListModel of
 * PalpDiagnosis, primary first, as the store lists them): "M54.2
 * Cervicalgia"; archived ones are left out. NULL for none. */
GStrv        palp_doc_statement_diagnosis_lines (GListModel      *diagnoses);

G_END_DECLS
