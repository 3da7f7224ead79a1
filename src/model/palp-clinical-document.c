/* palp-clinical-document.c: everything a clinical document prints, loaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-clinical-document.h"

static GListModel *
empty_list (GType type)
{
  return G_LIST_MODEL (g_list_store_new (type));
}

PalpClinicalDocument *
palp_clinical_document_new (void)
{
  PalpClinicalDocument *document = g_new0 (PalpClinicalDocument, 1);

  document->users = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  document->licences = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              g_object_unref);
  document->visits = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_visit_document_free);
  document->health_histories = empty_list (PALP_TYPE_HEALTH_HISTORY);
  document->screenings = empty_list (PALP_TYPE_SCREENING_RECORD);
  document->findings = g_ptr_array_new_with_free_func (g_object_unref);
  document->diagnoses = empty_list (PALP_TYPE_DIAGNOSIS);
  document->referrals = empty_list (PALP_TYPE_REFERRAL);
  document->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_plan_document_free);
  document->consents = empty_list (PALP_TYPE_CONSENT);
  return document;
}

void
palp_clinical_document_free (PalpClinicalDocument *document)
{
  if (document == NULL)
    return;
  g_clear_object (&document->clinic);
  g_clear_object (&document->client);
  g_clear_pointer (&document->users, g_hash_table_unref);
  g_clear_pointer (&document->licences, g_hash_table_unref);
  g_clear_pointer (&document->visits, g_ptr_array_unref);
  g_clear_object (&document->health_histories);
  g_clear_object (&document->screenings);
  g_clear_pointer (&document->findings, g_ptr_array_unref);
  g_clear_object (&document->diagnoses);
  g_clear_object (&document->referrals);
  g_clear_pointer (&document->plans, g_ptr_array_unref);
  g_clear_object (&document->consents);
  g_free (document->today);
  g_free (document);
}

PalpVisitDocument *
palp_visit_document_new (void)
{
  PalpVisitDocument *visit = g_new0 (PalpVisitDocument, 1);

  visit->amendments = empty_list (PALP_TYPE_AMENDMENT);
  visit->overrides = empty_list (PALP_TYPE_GATE_OVERRIDE);
  visit->marks = empty_list (PALP_TYPE_MARK);
  visit->readings = empty_list (PALP_TYPE_READING);
  return visit;
}

void
palp_visit_document_free (PalpVisitDocument *visit)
{
  if (visit == NULL)
    return;
  g_clear_object (&visit->visit);
  g_clear_object (&visit->note);
  g_clear_object (&visit->amendments);
  g_clear_object (&visit->overrides);
  g_clear_object (&visit->marks);
  g_clear_object (&visit->readings);
  g_clear_object (&visit->oral);
  g_free (visit);
}

PalpPlanDocument *
palp_plan_document_new (void)
{
  PalpPlanDocument *plan = g_new0 (PalpPlanDocument, 1);

  plan->goals = empty_list (PALP_TYPE_PLAN_GOAL);
  plan->readings = g_ptr_array_new_with_free_func (g_object_unref);
  return plan;
}

void
palp_plan_document_free (PalpPlanDocument *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->plan);
  g_clear_object (&plan->goals);
  g_clear_pointer (&plan->readings, g_ptr_array_unref);
  g_free (plan);
}

void
palp_clinical_document_add_user (PalpClinicalDocument *document,
                                 PalpUser             *user,
                                 GListModel           *licences)
{
  gint64 id;

  g_return_if_fail (document != NULL);
  g_return_if_fail (PALP_IS_USER (user));

  id = palp_user_get_id (user);
  g_hash_table_replace (document->users, g_memdup2 (&id, sizeof id), g_object_ref (user));
  if (licences != NULL)
    g_hash_table_replace (document->licences, g_memdup2 (&id, sizeof id),
                          g_object_ref (licences));
}

PalpUser *
palp_clinical_document_get_user (const PalpClinicalDocument *document,
                                 gint64                      id)
{
  g_return_val_if_fail (document != NULL, NULL);

  return g_hash_table_lookup (document->users, &id);
}

PalpLicence *
palp_clinical_document_get_licence (const PalpClinicalDocument *document,
                                    gint64                      id,
                                    const char                 *date)
{
  GListModel *licences;

  g_return_val_if_fail (document != NULL, NULL);

  if ((licences = g_hash_table_lookup (document->licences, &id)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (licences); i++)
    {
      g_autoptr(PalpLicence) licence = g_list_model_get_item (licences, i);
      int kind = PALP_LICENCE_KIND_LICENCE;

      g_object_get (licence, "kind", &kind, NULL);
      if (kind == PALP_LICENCE_KIND_LICENCE && (date == NULL
                                                || palp_licence_is_current (licence, date)))
        return licence;  /* the list holds its reference */
    }
  return NULL;
}

PalpVisitDocument *
palp_clinical_document_find_visit (const PalpClinicalDocument *document,
                                   gint64                      visit_id)
{
  g_return_val_if_fail (document != NULL, NULL);

  for (guint i = 0; i < document->visits->len; i++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (document->visits, i);

      if (palp_visit_get_int (visit->visit, "id") == visit_id)
        return visit;
    }
  return NULL;
}

gboolean
palp_visit_is_esthetic_only (PalpVisit *visit)
{
  g_auto(GStrv) categories = NULL;
  gboolean esthetic = FALSE;

  g_return_val_if_fail (PALP_IS_VISIT (visit), FALSE);

  categories = g_strsplit (palp_visit_get_string (visit, "categories") != NULL
                             ? palp_visit_get_string (visit, "categories") : "", ",", -1);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_strstrip (categories[i]);
      if (g_str_equal (categories[i], "therapeutic"))
        return FALSE;
      if (g_str_equal (categories[i], "esthetic"))
        esthetic = TRUE;
    }
  return esthetic;
}
