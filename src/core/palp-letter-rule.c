/* palp-letter-rule.c: can a letter of medical necessity be drafted?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-letter-rule.h"

/* A real ISO day, as a GDate; NULL otherwise. */
static GDate *
parse_day (const char *iso)
{
  GDate *date;

  if (iso == NULL || strlen (iso) != 10)
    return NULL;
  date = g_date_new ();
  g_date_set_parse (date, iso);
  if (!g_date_valid (date) || iso[4] != '-' || iso[7] != '-')
    {
      g_date_free (date);
      return NULL;
    }
  {
    /* g_date_set_parse is lenient: the day must read back the same. */
    char back[11];

    g_date_strftime (back, sizeof back, "%Y-%m-%d", date);
    if (strcmp (back, iso) != 0)
      {
        g_date_free (date);
        return NULL;
      }
  }
  return date;
}

GStrv
palp_letter_missing (const PalpLetterFacts *facts)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) assessed = NULL;
  g_autoptr(GDate) started = NULL;
  g_autoptr(GDate) reassess = NULL;

  g_return_val_if_fail (facts != NULL, NULL);

  today = parse_day (facts->today);
  assessed = parse_day (facts->assessed_on);
  started = parse_day (facts->plan_started_on);
  reassess = parse_day (facts->reassess_on);

  if (facts->n_diagnoses == 0)
    g_strv_builder_add (missing, _("No diagnosis: record the condition being treated, with its "
                                   "ICD-10 code."));
  if (!facts->has_plan)
    g_strv_builder_add (missing, _("No active treatment plan: write a plan of care with "
                                   "measurable goals."));
  else if (facts->n_goals == 0)
    g_strv_builder_add (missing, _("The treatment plan has no goals: add a measurable goal "
                                   "(a measure, a baseline, a target and when to reach it)."));
  else if (facts->n_measurable_goals == 0)
    g_strv_builder_add (missing, _("None of the plan’s goals is measurable: give a goal a "
                                   "measure, a baseline, a target better than the baseline and "
                                   "a date or visit to reach it by."));

  if (assessed == NULL || (started != NULL && g_date_compare (assessed, started) < 0))
    g_strv_builder_add (missing, facts->has_plan
                                   ? _("No current assessment: no signed note has assessed the "
                                       "client since the plan began.")
                                   : _("No current assessment: no signed note has assessed the "
                                       "client."));
  else if (today != NULL && g_date_days_between (assessed, today) > PALP_LETTER_ASSESSMENT_DAYS)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("No current assessment: the latest "
                                                         "signed assessment is more than %d day "
                                                         "old.",
                                                         "No current assessment: the latest "
                                                         "signed assessment is more than %d "
                                                         "days old.",
                                                         PALP_LETTER_ASSESSMENT_DAYS),
                                               PALP_LETTER_ASSESSMENT_DAYS);

      g_strv_builder_add (missing, text);
    }
  else if (reassess != NULL && today != NULL && g_date_compare (reassess, today) <= 0 &&
           g_date_compare (assessed, reassess) < 0)
    g_strv_builder_add (missing, _("No current assessment: the plan’s re-assessment has come "
                                   "and no signed note has assessed the client since."));
  return g_strv_builder_end (missing);
}

gboolean
palp_letter_can_draft (const PalpLetterFacts *facts)
{
  g_auto(GStrv) missing = palp_letter_missing (facts);

  return missing != NULL && missing[0] == NULL;
}
