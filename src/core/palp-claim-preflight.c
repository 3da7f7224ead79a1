/* palp-claim-preflight.c: what keeps a claim from being right the first time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-claim-preflight.h"
#include "palp-npi.h"

static void
say (GPtrArray  *messages,
     char       *message)
{
  if (messages != NULL)
    g_ptr_array_add (messages, message);
  else
    g_free (message);
}

gboolean
palp_claim_tax_id_is_valid (const char *text,
                            gboolean   *out_is_ssn)
{
  gboolean is_ssn = FALSE;
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len == 9 && strspn (text, "0123456789") == 9)
    ;
  else if (len == 10 && text[2] == '-' && strspn (text, "0123456789") == 2
           && strspn (text + 3, "0123456789") == 7)
    ;
  else if (len == 11 && text[3] == '-' && text[6] == '-' && strspn (text, "0123456789") == 3
           && strspn (text + 4, "0123456789") == 2 && strspn (text + 7, "0123456789") == 4)
    is_ssn = TRUE;
  else
    return FALSE;
  if (out_is_ssn != NULL)
    *out_is_ssn = is_ssn;
  return TRUE;
}

PalpClaimProblem
palp_claim_preflight (const PalpClaimFacts *f,
                      GPtrArray            *messages)
{
  PalpClaimProblem found = PALP_CLAIM_PROBLEM_NONE;

  g_return_val_if_fail (f != NULL, PALP_CLAIM_PROBLEM_NONE);

  if (f->n_lines == 0)
    {
      found |= PALP_CLAIM_PROBLEM_NO_LINES;
      say (messages, g_strdup (_("The claim has no service lines.")));
    }
  if (f->n_diagnoses == 0)
    {
      found |= PALP_CLAIM_PROBLEM_NO_DIAGNOSIS;
      say (messages, g_strdup (_("The claim has no diagnosis: add the client’s diagnosis codes.")));
    }
  else if (f->n_lines_without_pointer > 0)
    {
      found |= PALP_CLAIM_PROBLEM_POINTERS;
      say (messages, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u service line points at no diagnosis.",
                                                   "%u service lines point at no diagnosis.",
                                                   f->n_lines_without_pointer),
                                      f->n_lines_without_pointer));
    }

  if (f->referral_required && !f->referral_found)
    {
      found |= PALP_CLAIM_PROBLEM_REFERRAL_MISSING;
      say (messages, g_strdup (_("The payer requires a referral, and none is on file for these "
                                 "dates of service.")));
    }
  else if (f->referral_required && f->referral_expires_on != NULL && f->last_service_on != NULL
           && strcmp (f->referral_expires_on, f->last_service_on) < 0)
    {
      found |= PALP_CLAIM_PROBLEM_REFERRAL_EXPIRED;
      say (messages, g_strdup_printf (/* Translators: %s is an ISO date. */
                                      _("The referral expired on %s, before the last date of "
                                        "service."), f->referral_expires_on));
    }

  if (f->authorisation_required && !f->authorisation_found)
    {
      found |= PALP_CLAIM_PROBLEM_AUTHORISATION_MISSING;
      say (messages, g_strdup (_("The payer requires a prior authorisation, and none covers these "
                                 "dates of service.")));
    }
  else if (f->authorisation_found)
    {
      if (f->authorisation_ends_on != NULL && f->last_service_on != NULL
          && strcmp (f->authorisation_ends_on, f->last_service_on) < 0)
        {
          found |= PALP_CLAIM_PROBLEM_AUTHORISATION_EXPIRED;
          say (messages, g_strdup_printf (/* Translators: %s is an ISO date. */
                                          _("The authorisation expired on %s, before the last date "
                                            "of service."), f->authorisation_ends_on));
        }
      if (f->authorisation_needed > f->authorisation_left)
        {
          g_autofree char *left = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   MAX (f->authorisation_left, 0));
          g_autofree char *needed = g_strdup_printf ("%" G_GINT64_FORMAT, f->authorisation_needed);

          found |= PALP_CLAIM_PROBLEM_AUTHORISATION_EXHAUSTED;
          say (messages, g_strdup_printf (/* Translators: both are counts of visits or units. */
                                          _("The authorisation is used up: %s left, the claim "
                                            "needs %s."), left, needed));
        }
    }

  if (f->visit_limit > 0 && f->visits_counted > f->visit_limit)
    {
      g_autofree char *counted = g_strdup_printf ("%" G_GINT64_FORMAT, f->visits_counted);
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, f->visit_limit);

      found |= PALP_CLAIM_PROBLEM_VISIT_LIMIT;
      say (messages, g_strdup_printf (/* Translators: both are counts of visits. */
                                      _("The plan’s visit limit is reached: %s visits counted "
                                        "this benefit year, %s allowed."), counted, limit));
    }

  if (!f->plan_found || f->n_measurable_goals == 0)
    {
      found |= PALP_CLAIM_PROBLEM_NO_MEASURABLE_GOALS;
      say (messages, g_strdup (f->plan_found
                                 ? _("The treatment plan has no measurable goals.")
                                 : _("No treatment plan with measurable goals covers these "
                                     "dates of service.")));
    }
  else if (f->n_measurements == 0)
    {
      found |= PALP_CLAIM_PROBLEM_NO_PROGRESS;
      say (messages, g_strdup (_("No progress is documented within the claim’s dates of service: "
                                 "measure a goal at one of its visits.")));
    }

  if (f->n_unsigned_notes > 0)
    {
      found |= PALP_CLAIM_PROBLEM_UNSIGNED_NOTE;
      say (messages, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u visit’s note is not signed.",
                                                   "%u visits’ notes are not signed.",
                                                   f->n_unsigned_notes),
                                      f->n_unsigned_notes));
    }

  if (!palp_npi_validate (f->rendering_npi, NULL))
    {
      found |= PALP_CLAIM_PROBLEM_RENDERING_NPI;
      say (messages, g_strdup (f->rendering_npi == NULL || *f->rendering_npi == '\0'
                                 ? _("The rendering practitioner has no NPI.")
                                 : _("The rendering practitioner’s NPI is not a valid NPI.")));
    }
  if (!palp_npi_validate (f->billing_npi, NULL))
    {
      found |= PALP_CLAIM_PROBLEM_BILLING_NPI;
      say (messages, g_strdup (f->billing_npi == NULL || *f->billing_npi == '\0'
                                 ? _("The clinic has no billing NPI.")
                                 : _("The clinic’s billing NPI is not a valid NPI.")));
    }
  if (!palp_claim_tax_id_is_valid (f->tax_id, NULL))
    {
      found |= PALP_CLAIM_PROBLEM_TAX_ID;
      say (messages, g_strdup (f->tax_id == NULL || *f->tax_id == '\0'
                                 ? _("The clinic has no tax id.")
                                 : _("The clinic’s tax id is neither an EIN (12-3456789) nor an "
                                     "SSN (123-45-6789).")));
    }

  if (!f->assignment_on_file)
    {
      found |= PALP_CLAIM_PROBLEM_NO_ASSIGNMENT;
      say (messages, g_strdup (_("No assignment of benefits is on file for this policy.")));
    }
  return found;
}

void
palp_claim_fit_minutes (guint  *minutes,
                        gsize   n,
                        guint   documented)
{
  g_autofree guint64 *remainder = NULL;
  guint64 total = 0;
  guint given = 0;

  for (gsize i = 0; i < n; i++)
    total += minutes[i];
  if (total <= documented)
    return;

  remainder = g_new0 (guint64, MAX (n, 1));
  for (gsize i = 0; i < n; i++)
    {
      guint64 scaled = (guint64) minutes[i] * documented;

      remainder[i] = scaled % total;
      minutes[i] = (guint) (scaled / total);
      given += minutes[i];
    }
  /* The minutes lost to rounding down, to the largest remainders. */
  while (given < documented)
    {
      gsize best = 0;

      for (gsize i = 1; i < n; i++)
        if (remainder[i] > remainder[best])
          best = i;
      minutes[best]++;
      remainder[best] = 0;
      given++;
    }
}
