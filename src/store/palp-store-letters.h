/* palp-store-letters.h: letters kept as issued
 *
 * A letter of medical necessity or an appeal of a denied claim is drafted
 * from the record (palp-doc-letter.h), edited, then issued here: the row
 * keeps its kind, the day it is dated, who issued it and when, the
 * prescriber it names, its fields as printed (a JSON object) and the PDF
 * with its SHA-256. Issued letters are never changed or deleted (the
 * schema's triggers refuse it, 0011-letters.sql), are reopened from their
 * stored bytes, and palp_store_check() verifies each PDF against its hash.
 *
 * Issuing a letter of medical necessity takes PALP_ACTION_VIEW_CLINICAL
 * (it prints the record); an appeal takes PALP_ACTION_BUILD_CLAIMS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-claim.h"
#include "palp-clinical-document.h"
#include "palp-payer.h"
#include "palp-policy.h"
#include "palp-letter.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* Drafts and draws the letter of medical necessity of @document's
 * client, for @account_holder (NULL: the client), filling @letter's
 * client-id, kind, issued-on, prescriber and fields; the PDF, or NULL with
 * @error when the record cannot support one (src/docs does it:
 * palp_doc_lomn_prepare). */
typedef GBytes *(*PalpLetterRenderFunc) (const PalpClinicalDocument  *document,
                                         const char                  *account_holder,
                                         PalpLetter                  *letter,
                                         GError                     **error);

/* Drafts and draws the appeal of @claim (with its @lines, @policy and
 * @payer, either may be NULL) from @document, filling @letter's
 * client-id, kind, claim-id, issued-on, prescriber and fields; the PDF, or
 * NULL with @error (src/docs does it: palp_doc_appeal_prepare). */
typedef GBytes *(*PalpAppealRenderFunc) (const PalpClinicalDocument  *document,
                                         PalpClaim                   *claim,
                                         GListModel                  *lines,
                                         PalpPolicy                  *policy,
                                         PalpPayer                   *payer,
                                         PalpLetter                  *letter,
                                         GError                     **error);

/* The client's issued letters (PalpLetter), newest first; @kind "lomn",
 * "appeal", or NULL for both. */
GListModel  *palp_store_list_letters     (PalpStore   *self,
                                          gint64       client_id,
                                          const char  *kind,
                                          GError     **error);
PalpLetter  *palp_store_load_letter      (PalpStore   *self,
                                          gint64       letter_id,
                                          GError     **error);
/* The PDF as it was issued. */
GBytes      *palp_store_load_letter_pdf  (PalpStore   *self,
                                          gint64       letter_id,
                                          GError     **error);
/* Keeps @letter (client-id, kind, claim-id for an appeal, issued-on,
 * prescriber, fields) with @pdf as issued by the acting user now; sets
 * its id, issued-by, issued-at and sha256. */
gboolean     palp_store_issue_letter     (PalpStore   *self,
                                          PalpLetter  *letter,
                                          GBytes      *pdf,
                                          GError     **error);
/* The same at @now (NULL: now): the demo issues letters in the past. */
gboolean     palp_store_issue_letter_at  (PalpStore   *self,
                                          PalpLetter  *letter,
                                          GBytes      *pdf,
                                          GDateTime   *now,
                                          GError     **error);

/* Who holds the account a letter of medical necessity is for, when not
 * the client: the insured person of the client's current HSA/FSA policy,
 * else of the primary policy. NULL when the client holds it (or has no
 * policy). */
char        *palp_store_dup_account_holder (PalpStore *self,
                                            gint64     client_id);

G_END_DECLS
