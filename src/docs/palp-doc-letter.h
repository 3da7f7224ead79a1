/* palp-doc-letter.h: the letter of medical necessity and the appeal of a
 * denied claim, as PDF
 *
 * A letter is drafted from the record (a PalpClinicalDocument, from
 * palp_store_load_client_document) into a PalpLetterDraft: plain text
 * fields, every one of which may be edited before the letter is printed.
 * The renderers print the draft as it stands, never the record again, so
 * an edit always reaches the paper.
 *
 *  - The letter of medical necessity (DOMAIN.md §7), for an HSA/FSA
 *    administrator or an insurer, for the prescriber to sign: letterhead;
 *    patient, birth date and account holder; diagnoses with their ICD-10
 *    codes; the treatment (therapeutic massage and its techniques);
 *    frequency; duration or date range; goals and progress so far; the
 *    statement that it treats the condition rather than general wellness;
 *    the prescriber's name, credentials and licence or NPI; lines to sign
 *    and date. It is drafted only when the record holds a diagnosis, a plan
 *    with measurable goals and a current assessment (palp-letter-rule.h);
 *    otherwise the missing pieces are listed in words.
 *  - The appeal of a denied claim: the claim (number, payer, member id,
 *    dates of service, codes, charges), the denial reason, the case for
 *    medical necessity (the same fields as the letter, signed by the
 *    treating practitioner), then the progress report and the notes of the
 *    claim's visits as further pages of the same PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "palp-claim-line.h"
#include "palp-claim.h"
#include "palp-clinical-document.h"
#include "palp-letter.h"
#include "palp-payer.h"
#include "palp-policy.h"

G_BEGIN_DECLS

/* The text of a letter; every field is plain text ("" when empty), never
 * NULL in a draft the functions below made. */
typedef struct
{
  char *patient;         /* the client's legal name */
  char *birth_date;      /* as printed */
  char *account_holder;  /* the account's holder when not the patient; "" otherwise */
  char *diagnoses;       /* one a line: "R25.2 Cramp and spasm" */
  char *treatment;       /* therapeutic massage and its techniques */
  char *frequency;
  char *duration;        /* a duration or a date range */
  char *goals;           /* goals and progress so far */
  char *statement;       /* treats the condition, not general wellness */
  char *prescriber;      /* who signs: name */
  char *credentials;
  char *licence;         /* licence number or NPI */
  char *date;            /* the day the letter is dated, ISO */
} PalpLetterDraft;

/* The fields by key ("patient", "birth-date", ..., "date"), in the order
 * a form lists them, with a translated label and whether the text runs
 * over several lines. */
typedef struct
{
  const char *key;
  const char *label;
  gsize       offset;     /* of the char * in PalpLetterDraft */
  gboolean    multiline;
} PalpLetterField;

const PalpLetterField *palp_letter_fields          (guint                  *n_fields);
const char            *palp_letter_draft_get       (const PalpLetterDraft  *draft,
                                                    const char             *key);
/* Replaces a field's text; FALSE for an unknown key. */
gboolean               palp_letter_draft_set       (PalpLetterDraft        *draft,
                                                    const char             *key,
                                                    const char             *text);
PalpLetterDraft       *palp_letter_draft_copy      (const PalpLetterDraft  *draft);
void                   palp_letter_draft_free      (PalpLetterDraft        *draft);
/* The fields as one JSON object (what an issued letter keeps), and back;
 * keys missing from @json are left empty. */
char                  *palp_letter_draft_to_json   (const PalpLetterDraft  *draft);
PalpLetterDraft       *palp_letter_draft_from_json (const char             *json,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpLetterDraft, palp_letter_draft_free)

/* What the record still lacks for a letter of medical necessity, in words;
 * empty when one can be drafted (palp-letter-rule.h). */
GStrv             palp_doc_lomn_missing  (const PalpClinicalDocument  *document);
/* The letter drafted from @document, dated document->today, with
 * @account_holder (NULL or "" when the patient holds the account). NULL
 * with PALP_DOC_CLINICAL_ERROR_INCOMPLETE listing the missing pieces when
 * the record cannot support one. */
PalpLetterDraft  *palp_doc_lomn_draft    (const PalpClinicalDocument  *document,
                                          const char                  *account_holder,
                                          GError                     **error);
/* The letter as @draft says, on @document's clinic's letterhead. FALSE
 * with PALP_DOC_CLINICAL_ERROR_INCOMPLETE when the patient, the diagnoses,
 * the treatment, the statement or the prescriber is blank. */
GBytes           *palp_doc_lomn_render   (const PalpClinicalDocument  *document,
                                          const PalpLetterDraft       *draft,
                                          GError                     **error);

/* The letter drafted from @document and drawn as drafted, with @letter's
 * client-id, kind ("lomn"), issued-on, prescriber and fields set for
 * palp_store_issue_letter(): a PalpLetterRenderFunc
 * (palp-store-letters.h). */
GBytes           *palp_doc_lomn_prepare  (const PalpClinicalDocument  *document,
                                          const char                  *account_holder,
                                          PalpLetter                  *letter,
                                          GError                     **error);

/* One service line of the claim appealed. */
typedef struct
{
  const char *date;          /* ISO date of service */
  const char *code;          /* CPT/HCPCS */
  const char *modifiers;     /* may be NULL */
  const char *pointers;      /* diagnosis pointers, "AB"; may be NULL */
  guint       units;
  gint64      charge_cents;
} PalpAppealLine;

/* The claim appealed, as plain values. */
typedef struct
{
  const char           *number;          /* the clinic's claim number */
  const char           *payer_name;
  const char           *payer_address;   /* lines split by "\n"; may be NULL */
  const char           *member_id;
  const char           *group_number;    /* may be NULL */
  const char           *payer_reference; /* the payer's claim number; may be NULL */
  const char           *submitted_on;    /* ISO; may be NULL */
  const char           *denied_on;       /* ISO; may be NULL */
  const char           *denial_reason;
  const PalpAppealLine *lines;
  gsize                 n_lines;
  const gint64         *visit_ids;       /* the visits billed: their notes are attached */
  gsize                 n_visits;
} PalpAppealClaim;

/* @appeal filled from the store's models: @claim, its @lines
 * (PalpClaimLine, in order), its @policy and @payer (either may be NULL).
 * The strings are borrowed from the models, which must outlive @appeal;
 * palp_appeal_claim_clear() frees the arrays. */
void              palp_appeal_claim_init  (PalpAppealClaim  *appeal,
                                           PalpClaim        *claim,
                                           GListModel       *lines,
                                           PalpPolicy       *policy,
                                           PalpPayer        *payer);
void              palp_appeal_claim_clear (PalpAppealClaim  *appeal);

/* The case for medical necessity drafted for an appeal: the same fields
 * as a letter of medical necessity, signed by the plan's practitioner.
 * NULL with PALP_DOC_CLINICAL_ERROR_INCOMPLETE when the record cannot
 * support one. */
PalpLetterDraft  *palp_doc_appeal_draft  (const PalpClinicalDocument  *document,
                                          GError                     **error);
/* The appeal of @claim with @draft's case, then the progress report and
 * the note of each of the claim's visits (those @document holds) as
 * further pages. FALSE with PALP_DOC_CLINICAL_ERROR_INCOMPLETE when the
 * claim has no number, payer, member id, line or denial reason. */
GBytes           *palp_doc_appeal_render (const PalpClinicalDocument  *document,
                                          const PalpAppealClaim       *claim,
                                          const PalpLetterDraft       *draft,
                                          GError                     **error);

/* The appeal of @claim drafted from @document and drawn as drafted, with
 * @letter's client-id, kind ("appeal"), claim-id, issued-on, prescriber
 * and fields set for palp_store_issue_letter(): a PalpAppealRenderFunc
 * (palp-store-letters.h). */
GBytes           *palp_doc_appeal_prepare (const PalpClinicalDocument  *document,
                                           PalpClaim                   *claim,
                                           GListModel                  *lines,
                                           PalpPolicy                  *policy,
                                           PalpPayer                   *payer,
                                           PalpLetter                  *letter,
                                           GError                     **error);

G_END_DECLS
