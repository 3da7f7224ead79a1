/* palp-screening.c: contraindications, screening currency, the oral gate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-date.h"
#include "palp-screening.h"

typedef struct
{
  const char    *key;
  const char    *label;
  PalpSeverity   severity;
} ContraInfo;

static const ContraInfo contras[PALP_CONTRA_KIND_COUNT] = {
  [PALP_CONTRA_FEVER] = { "fever", N_("Fever or contagious disease"),
                          PALP_SEVERITY_ABSOLUTE },
  [PALP_CONTRA_BRUISE_ABRASION] = { "bruise-abrasion", N_("Bruises or skin abrasions"),
                                    PALP_SEVERITY_LOCAL },
  [PALP_CONTRA_BLOOD_CLOT] = { "blood-clot", N_("Blood clot or deep vein thrombosis"),
                               PALP_SEVERITY_NEEDS_CLEARANCE },
  [PALP_CONTRA_BLEEDING_RISK] = { "bleeding-risk",
                                  N_("Bleeding disorder, low platelets or blood thinners"),
                                  PALP_SEVERITY_NEEDS_CLEARANCE },
  [PALP_CONTRA_RECENT_SURGERY] = { "recent-surgery", N_("Recent surgery"),
                                   PALP_SEVERITY_NEEDS_CLEARANCE },
  [PALP_CONTRA_BURN] = { "burn", N_("Burns"), PALP_SEVERITY_LOCAL },
  [PALP_CONTRA_INFECTION] = { "infection", N_("Infection"), PALP_SEVERITY_LOCAL },
  [PALP_CONTRA_FRACTURE] = { "fracture", N_("Fracture"), PALP_SEVERITY_LOCAL },
  [PALP_CONTRA_SEVERE_OSTEOPOROSIS] = { "severe-osteoporosis", N_("Severe osteoporosis"),
                                        PALP_SEVERITY_NEEDS_CLEARANCE },
  [PALP_CONTRA_SEVERE_THROMBOCYTOPENIA] = { "severe-thrombocytopenia",
                                            N_("Severe thrombocytopenia"),
                                            PALP_SEVERITY_ABSOLUTE },
  [PALP_CONTRA_CANCER_TREATMENT] = { "cancer-treatment",
                                     N_("Cancer treatment, or radiation to the head and neck"),
                                     PALP_SEVERITY_NEEDS_CLEARANCE },
  [PALP_CONTRA_OTHER] = { "other", N_("Other"), PALP_SEVERITY_NEEDS_CLEARANCE },
};

static const char *severity_keys[] = { "absolute", "local", "needs-clearance" };

static gboolean
kind_is_valid (PalpContraKind kind)
{
  return (guint) kind < PALP_CONTRA_KIND_COUNT;
}

const char *
palp_contra_kind_to_key (PalpContraKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  return contras[kind].key;
}

gboolean
palp_contra_kind_from_key (const char     *key,
                           PalpContraKind *out_kind)
{
  for (guint i = 0; key != NULL && i < PALP_CONTRA_KIND_COUNT; i++)
    if (strcmp (contras[i].key, key) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (PalpContraKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
palp_contra_kind_get_label (PalpContraKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  return _(contras[kind].label);
}

PalpSeverity
palp_contra_default_severity (PalpContraKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), PALP_SEVERITY_ABSOLUTE);
  return contras[kind].severity;
}

const char *
palp_severity_to_key (PalpSeverity severity)
{
  g_return_val_if_fail ((guint) severity < G_N_ELEMENTS (severity_keys), NULL);
  return severity_keys[severity];
}

gboolean
palp_severity_from_key (const char   *key,
                        PalpSeverity *out_severity)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (severity_keys); i++)
    if (strcmp (severity_keys[i], key) == 0)
      {
        if (out_severity != NULL)
          *out_severity = (PalpSeverity) i;
        return TRUE;
      }
  return FALSE;
}

const char *
palp_severity_get_label (PalpSeverity severity)
{
  switch (severity)
    {
    case PALP_SEVERITY_ABSOLUTE:
      return _("No treatment today");
    case PALP_SEVERITY_LOCAL:
      return _("Avoid the area");
    case PALP_SEVERITY_NEEDS_CLEARANCE:
      return _("Needs a physician's clearance");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
palp_screening_settings_init_default (PalpScreeningSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->max_age_days = PALP_SCREENING_DEFAULT_MAX_AGE_DAYS;
  settings->oral_max_age_days = 0;
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    settings->severity[i] = contras[i].severity;
}

static gboolean
parse_date (const char  *iso,
            GDate       *out,
            GError     **error)
{
  if (iso == NULL || !palp_date_parse_iso (iso, out))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” is not a date."), iso != NULL ? iso : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
palp_screening_is_current (const char  *screened_on,
                           gboolean     change_reported,
                           const char  *on_date,
                           guint        max_age_days,
                           GError     **error)
{
  GDate screened;
  GDate on;
  int age;

  if (max_age_days == 0)
    max_age_days = PALP_SCREENING_DEFAULT_MAX_AGE_DAYS;
  if (!parse_date (on_date, &on, error))
    return FALSE;

  if (screened_on == NULL)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("The client has not been screened for contraindications. Ask the "
                             "screening questions before treating."));
      return FALSE;
    }
  if (!parse_date (screened_on, &screened, error))
    return FALSE;

  age = g_date_days_between (&screened, &on);
  if (age < 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("The screening is dated after the visit. Ask the screening "
                             "questions for this visit."));
      return FALSE;
    }
  if ((guint) age > max_age_days)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                   ngettext ("The screening is %d day old; the clinic asks again after %u. Ask "
                             "the screening questions again.",
                             "The screening is %d days old; the clinic asks again after %u. Ask "
                             "the screening questions again.",
                             age),
                   age, max_age_days);
      return FALSE;
    }
  if (change_reported)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("The client reported a change in their health since the last "
                             "screening. Ask the screening questions again."));
      return FALSE;
    }
  return TRUE;
}

const char *
palp_oral_structure_get_label (PalpOralStructure structure)
{
  switch (structure)
    {
    case PALP_ORAL_TEETH:
      return _("Teeth");
    case PALP_ORAL_GINGIVA:
      return _("Gingiva");
    case PALP_ORAL_BONE:
      return _("Bone");
    case PALP_ORAL_TONGUE:
      return _("Tongue");
    case PALP_ORAL_SURROUNDING:
      return _("Surrounding structures");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
palp_oral_condition_get_label (PalpOralCondition condition)
{
  switch (condition)
    {
    case PALP_ORAL_ACTIVE_INFECTION:
      return _("Active infection");
    case PALP_ORAL_LESIONS:
      return _("Lesions");
    case PALP_ORAL_LOOSE_TEETH:
      return _("Loose teeth");
    case PALP_ORAL_PERIODONTAL_DISEASE:
      return _("Periodontal disease");
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
palp_oral_gate_evaluate (const PalpOralExam     *assessment,
                         const char                   *visit_date,
                         const PalpScreeningSettings  *settings,
                         GError                      **error)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  PalpScreeningSettings defaults;
  GDate visit;
  GDate assessed;
  int age;

  g_return_val_if_fail (assessment != NULL, NULL);

  if (settings == NULL)
    {
      palp_screening_settings_init_default (&defaults);
      settings = &defaults;
    }
  if (!parse_date (visit_date, &visit, error))
    return NULL;

  if (assessment->assessed_on == NULL)
    g_ptr_array_add (reasons, g_strdup (_("No oral-health assessment is recorded. Assess the "
                                          "teeth, gingiva, bone, tongue and surrounding "
                                          "structures before intra-oral work.")));
  else
    {
      if (!parse_date (assessment->assessed_on, &assessed, error))
        return NULL;
      age = g_date_days_between (&assessed, &visit);
      if (age < 0 || (guint) age > settings->oral_max_age_days)
        g_ptr_array_add (reasons, g_strdup (_("The oral-health assessment is not from this "
                                              "visit. Assess the mouth again before intra-oral "
                                              "work.")));
    }

  for (guint i = 0; i < PALP_ORAL_STRUCTURE_COUNT; i++)
    if (!assessment->structures[i])
      g_ptr_array_add (reasons,
                       g_strdup_printf (_("The oral-health assessment does not cover: %s. "
                                          "Assess it and record what you found."),
                                        palp_oral_structure_get_label (i)));

  for (guint i = 0; i < PALP_ORAL_CONDITION_COUNT; i++)
    {
      if (assessment->conditions[i] == PALP_ORAL_PRESENT)
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("%s found in the mouth: no intra-oral work until it "
                                            "has been treated or cleared."),
                                          palp_oral_condition_get_label (i)));
      else if (assessment->conditions[i] != PALP_ORAL_ABSENT)
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("The oral-health assessment does not say whether "
                                            "there is: %s. Check for it and record it."),
                                          palp_oral_condition_get_label (i)));
    }

  if (!assessment->gloves)
    g_ptr_array_add (reasons, g_strdup (_("Gloves are not recorded for the intra-oral work. "
                                          "Record that gloves were worn.")));
  if (!assessment->consent)
    g_ptr_array_add (reasons, g_strdup (_("There is no intra-oral consent on file. Take the "
                                          "client's specific consent to intra-oral work and "
                                          "record it.")));

  return g_steal_pointer (&reasons);
}
