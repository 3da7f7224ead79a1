/* palp-claim-form.h: what goes into the boxes of a CMS-1500 claim form
 *
 * The store fills one PalpClaimForm from a claim (its client, policy,
 * payer, diagnoses, lines and the clinic) and the renderer
 * (palp-doc-claim.h) puts it on paper: the store knows no paper, the
 * renderer no database. Values are kept as the record has them (ISO dates,
 * diagnosis codes with their dot, names in their case, amounts in cents);
 * the renderer writes them as the form asks (MM DD YYYY or MM DD YY, codes
 * without the dot, capitals). NULL or "" leaves a box empty.
 *
 * Box numbers follow the 02/12 form (DOMAIN.md §7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Service lines a single form holds; more continue on further forms. */
#define PALP_CLAIM_FORM_LINES_PER_FORM 6
/* Diagnoses box 21 holds (A–L). */
#define PALP_CLAIM_FORM_MAX_DIAGNOSES 12
/* Modifiers (24D) and diagnosis pointers (24E) per line. */
#define PALP_CLAIM_FORM_MAX_MODIFIERS 4
#define PALP_CLAIM_FORM_MAX_POINTERS 4

typedef struct
{
  char *name;        /* a person's or an organisation's name, as written */
  char *street;
  char *city;
  char *state;       /* two letters */
  char *postal_code;
  char *phone;       /* digits as entered */
} PalpClaimFormParty;

typedef struct
{
  char   *date_from;        /* 24A, ISO date */
  char   *date_to;          /* 24A, ISO date; NULL: same as date_from */
  char   *place_of_service; /* 24B: "11" office, "12" home, "02"/"10" telehealth */
  char   *code;             /* 24D: CPT or HCPCS number */
  char   *modifiers[PALP_CLAIM_FORM_MAX_MODIFIERS];
  char    pointers[PALP_CLAIM_FORM_MAX_POINTERS + 1]; /* 24E: letters A–L, NUL-ended */
  gint64  charge_cents;     /* 24F: the line's charge (unit price × units) */
  guint   units;            /* 24G */
  char   *rendering_npi;    /* 24J */
} PalpClaimFormLine;

typedef struct
{
  /* 1: "medicare", "medicaid", "tricare", "champva", "group", "feca" or
   * "other" (auto insurance and workers' compensation are "other"). */
  char               *coverage_type;
  char               *insured_id;            /* 1a */

  /* 2, 3, 5: the patient. */
  char               *patient_family;
  char               *patient_given;
  char               *patient_middle;
  char               *patient_birth_date;    /* ISO date */
  char               *patient_sex;           /* "M", "F" or NULL */
  PalpClaimFormParty  patient;               /* 5 (name unused) */

  /* 4, 7, 11a: the insured (the patient's own details when self). */
  char               *insured_family;
  char               *insured_given;
  char               *insured_middle;
  char               *insured_birth_date;
  char               *insured_sex;
  PalpClaimFormParty  insured;               /* 7 (name unused) */
  char               *relationship;          /* 6: "self", "spouse", "child", "other" */

  /* 9, 9a, 9d: other insurance (a secondary policy), NULL when none. */
  char               *other_insured_name;
  char               *other_policy_number;
  char               *other_plan_name;

  /* 10a–c: the condition's cause; 10b's state when an auto accident. */
  gboolean            employment_related;
  gboolean            auto_accident;
  char               *accident_state;
  gboolean            other_accident;
  char               *claim_codes;           /* 10d, NULL mostly */

  char               *group_number;          /* 11 */
  char               *other_claim_id;        /* 11b: auto or workers' comp claim number */
  char               *plan_name;             /* 11c */
  gboolean            has_other_plan;        /* 11d */

  gboolean            patient_signature_on_file; /* 12: release of information */
  gboolean            insured_signature_on_file; /* 13: assignment of benefits */

  char               *current_illness_date;  /* 14, qualifier 431 (onset) */
  char               *referring_name;        /* 17, qualifier DN */
  char               *referring_npi;         /* 17b */

  char               *diagnoses[PALP_CLAIM_FORM_MAX_DIAGNOSES]; /* 21 A–L, with dots; ICD indicator 0 */
  char               *resubmission_code;     /* 22: "7" replacement, "8" void, NULL original */
  char               *original_reference;    /* 22: the payer's reference of the original */
  char               *prior_authorisation;   /* 23 */

  GPtrArray          *lines;                 /* of PalpClaimFormLine, owned */

  char               *tax_id;                /* 25 */
  gboolean            tax_id_is_ssn;         /* 25: FALSE: EIN */
  char               *account_number;        /* 26: the client's number at the clinic */
  gboolean            accept_assignment;     /* 27 */
  gint64              amount_paid_cents;     /* 29 */

  char               *signer_name;           /* 31: the rendering practitioner, with credentials */
  char               *signed_date;           /* 31: ISO date */
  PalpClaimFormParty  facility;              /* 32 */
  char               *facility_npi;          /* 32a */
  PalpClaimFormParty  billing;               /* 33 */
  char               *billing_npi;           /* 33a */

  char               *claim_number;          /* the clinic's claim number, printed in the top margin */
  char               *payer_name;            /* the carrier block at the top right: */
  char               *payer_address;         /* where the form goes; lines end with "\n" */
} PalpClaimForm;

PalpClaimForm      *palp_claim_form_new        (void);
void                palp_claim_form_free       (PalpClaimForm       *form);
/* A new, empty line appended to @form->lines (owned by @form). */
PalpClaimFormLine  *palp_claim_form_add_line   (PalpClaimForm       *form);
/* How many forms @form's lines take: at least one. */
guint               palp_claim_form_n_pages    (const PalpClaimForm *form);
/* The total of the lines on page @page (from 0): each form is totalled on
 * its own (box 28). */
gint64              palp_claim_form_page_total (const PalpClaimForm *form,
                                                guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpClaimForm, palp_claim_form_free)

G_END_DECLS
