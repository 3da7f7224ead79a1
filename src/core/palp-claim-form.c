/* palp-claim-form.c: what goes into the boxes of a CMS-1500 claim form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-claim-form.h"

static void
party_clear (PalpClaimFormParty *party)
{
  g_clear_pointer (&party->name, g_free);
  g_clear_pointer (&party->street, g_free);
  g_clear_pointer (&party->city, g_free);
  g_clear_pointer (&party->state, g_free);
  g_clear_pointer (&party->postal_code, g_free);
  g_clear_pointer (&party->phone, g_free);
}

static void
line_free (gpointer data)
{
  PalpClaimFormLine *line = data;

  g_free (line->date_from);
  g_free (line->date_to);
  g_free (line->place_of_service);
  g_free (line->code);
  for (guint i = 0; i < PALP_CLAIM_FORM_MAX_MODIFIERS; i++)
    g_free (line->modifiers[i]);
  g_free (line->rendering_npi);
  g_free (line);
}

PalpClaimForm *
palp_claim_form_new (void)
{
  PalpClaimForm *form = g_new0 (PalpClaimForm, 1);

  form->lines = g_ptr_array_new_with_free_func (line_free);
  return form;
}

static void
claim_form_free (PalpClaimForm *form)
{
  char **strings[] = {
    &form->coverage_type, &form->insured_id,
    &form->patient_family, &form->patient_given, &form->patient_middle,
    &form->patient_birth_date, &form->patient_sex,
    &form->insured_family, &form->insured_given, &form->insured_middle,
    &form->insured_birth_date, &form->insured_sex, &form->relationship,
    &form->other_insured_name, &form->other_policy_number, &form->other_plan_name,
    &form->accident_state, &form->claim_codes,
    &form->group_number, &form->other_claim_id, &form->plan_name,
    &form->current_illness_date, &form->referring_name, &form->referring_npi,
    &form->resubmission_code, &form->original_reference,
    &form->prior_authorisation, &form->tax_id, &form->account_number,
    &form->signer_name, &form->signed_date, &form->facility_npi,
    &form->billing_npi, &form->claim_number, &form->payer_name, &form->payer_address,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  for (guint i = 0; i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
    g_free (form->diagnoses[i]);
  party_clear (&form->patient);
  party_clear (&form->insured);
  party_clear (&form->facility);
  party_clear (&form->billing);
  g_ptr_array_unref (form->lines);
  g_free (form);
}

void
palp_claim_form_free (PalpClaimForm *form)
{
  if (form != NULL)
    claim_form_free (form);
}

PalpClaimFormLine *
palp_claim_form_add_line (PalpClaimForm *form)
{
  PalpClaimFormLine *line = g_new0 (PalpClaimFormLine, 1);

  g_ptr_array_add (form->lines, line);
  return line;
}

guint
palp_claim_form_n_pages (const PalpClaimForm *form)
{
  guint n = form->lines->len;

  return MAX (1, (n + PALP_CLAIM_FORM_LINES_PER_FORM - 1) / PALP_CLAIM_FORM_LINES_PER_FORM);
}

gint64
palp_claim_form_page_total (const PalpClaimForm *form,
                            guint                page)
{
  guint first = page * PALP_CLAIM_FORM_LINES_PER_FORM;
  guint last = MIN (form->lines->len, first + PALP_CLAIM_FORM_LINES_PER_FORM);
  gint64 total = 0;

  for (guint i = first; i < last; i++)
    total += ((PalpClaimFormLine *) g_ptr_array_index (form->lines, i))->charge_cents;
  return total;
}
