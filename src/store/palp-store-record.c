/* palp-store-record.c: what the clinical documents print, gathered
 *
 * A SOAP note, a treatment plan, a progress report and the whole record
 * are drawn by src/docs from a PalpClinicalDocument. This file fills one
 * from the store's own functions, so the documents see exactly what the
 * window shows and no SQL is written twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-store-private.h"
#include "palp-store-security.h"

static void
replace_list (GListModel **slot,
              GListModel  *list)
{
  g_clear_object (slot);
  *slot = list;
}

/* Loads user @id (and licences) once; a user since removed is left out:
 * the documents fall back on the names the rows carry. */
static void
add_user (PalpStore            *self,
          PalpClinicalDocument *document,
          gint64                id)
{
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(GListModel) licences = NULL;

  if (id <= 0 || palp_clinical_document_get_user (document, id) != NULL)
    return;
  if (!(user = palp_store_load_user (self, id, NULL)))
    return;
  licences = palp_store_list_licences (self, id, NULL);
  palp_clinical_document_add_user (document, user, licences);
}

static void
add_users_of (PalpStore            *self,
              PalpClinicalDocument *document,
              GListModel           *list,
              const char * const   *properties)
{
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PalpRecord) record = g_list_model_get_item (list, i);

      for (guint p = 0; properties[p] != NULL; p++)
        add_user (self, document, palp_record_get_int (record, properties[p]));
    }
}

/* Puts the plain statement in place of each of @fields of @record that
 * holds text; an empty one stays empty, so that whether a note has an
 * assessment (a letter of medical necessity asks) is still known. */
static void
restrict_fields (gpointer            record,
                 const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *text = palp_record_get_string (PALP_RECORD (record), fields[i]);

      if (text != NULL && *text != '\0')
        g_object_set (record, fields[i], palp_narrative_shown (FALSE, text), NULL);
    }
}

static PalpVisitDocument *
load_visit (PalpStore            *self,
            PalpClinicalDocument *document,
            PalpVisit            *visit,
            GError              **error)
{
  g_autoptr(GError) local = NULL;
  PalpVisitDocument *entry = palp_visit_document_new ();
  gint64 id = palp_visit_get_int (visit, "id");
  static const char *amendment_users[] = { "author-id", NULL };
  static const char *override_users[] = { "by-id", NULL };

  entry->visit = g_object_ref (visit);
  add_user (self, document, palp_visit_get_int (visit, "practitioner-id"));

  /* An esthetic visit has a service record, never a clinical note: none
   * of its clinical rows are loaded, so none can be printed. */
  if (palp_visit_is_esthetic_only (visit))
    return entry;

  entry->note = palp_store_load_soap_note (self, id, &local);
  if (local != NULL)
    goto failed;
  if (entry->note != NULL)
    add_user (self, document, palp_soap_note_get_int (entry->note, "author-id"));
  entry->oral = palp_store_load_oral_assessment (self, id, &local);
  if (local != NULL)
    goto failed;

  replace_list (&entry->amendments, palp_store_list_amendments (self, id, &local));
  if (local == NULL)
    replace_list (&entry->overrides, palp_store_list_gate_overrides (self, id, &local));
  if (local == NULL)
    replace_list (&entry->marks, palp_store_list_marks (self, id, &local));
  if (local == NULL)
    replace_list (&entry->readings, palp_store_list_readings (self, 0, id, &local));
  if (local != NULL)
    goto failed;
  /* A reader the clinic keeps from notes' text never gets it, not even
   * into memory the documents draw from. */
  if (document->narrative_restricted)
    {
      if (entry->note != NULL)
        restrict_fields (entry->note, palp_note_narrative_fields);
      for (guint i = 0; i < g_list_model_get_n_items (entry->amendments); i++)
        {
          g_autoptr(PalpAmendment) amendment = g_list_model_get_item (entry->amendments, i);

          restrict_fields (amendment, palp_amendment_narrative_fields);
        }
    }
  add_users_of (self, document, entry->amendments, amendment_users);
  add_users_of (self, document, entry->overrides, override_users);
  return entry;

failed:
  palp_visit_document_free (entry);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

static gboolean
load_plans (PalpStore            *self,
            PalpClinicalDocument *document,
            gint64                client_id,
            GError              **error)
{
  g_autoptr(GListModel) plans = palp_store_list_plans (self, client_id, error);

  if (plans == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      PalpPlanDocument *entry = palp_plan_document_new ();

      entry->plan = g_list_model_get_item (plans, i);
      g_ptr_array_add (document->plans, entry);
      add_user (self, document, palp_plan_get_int (entry->plan, "practitioner-id"));
      replace_list (&entry->goals,
                    palp_store_list_plan_goals (self, palp_plan_get_int (entry->plan, "id"),
                                                error));
      if (entry->goals == NULL)
        return FALSE;
      for (guint g = 0; g < g_list_model_get_n_items (entry->goals); g++)
        {
          g_autoptr(PalpPlanGoal) goal = g_list_model_get_item (entry->goals, g);
          GListModel *readings = palp_store_list_readings (self,
                                                           palp_plan_goal_get_int (goal, "id"),
                                                           0, error);

          if (readings == NULL)
            return FALSE;
          g_ptr_array_add (entry->readings, readings);
        }
    }
  return TRUE;
}

static PalpClinicalDocument *
document_new (PalpStore  *self,
              gint64      client_id,
              GError    **error)
{
  g_autoptr(PalpClinicalDocument) document = palp_clinical_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local = NULL;
  PalpClinicalSettings settings;

  document->today = g_date_time_format (now, "%F");
  if (!(document->clinic = palp_store_load_clinic (self, error)) ||
      !(document->client = palp_store_load_client (self, client_id, error)) ||
      !palp_store_load_clinical_settings (self, &settings, error))
    return NULL;
  document->plateau_visits = settings.plateau_visits;

  /* The narrative is the practitioners' unless the clinic lets admins
   * read it: the same rule as the window's note editor. */
  if (!palp_store_may_read_narrative (self, &local))
    {
      if (!g_error_matches (local, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      document->narrative_restricted = TRUE;
    }
  return g_steal_pointer (&document);
}

PalpClinicalDocument *
palp_store_load_visit_document (PalpStore  *self,
                                gint64      visit_id,
                                GError    **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(PalpVisit) visit = NULL;
  PalpVisitDocument *entry;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(visit = palp_store_load_visit (self, visit_id, error)) ||
      !(document = document_new (self, palp_visit_get_int (visit, "client-id"), error)) ||
      !(entry = load_visit (self, document, visit, error)))
    return NULL;
  g_ptr_array_add (document->visits, entry);
  if (palp_visit_is_esthetic_only (visit))
    return g_steal_pointer (&document);

  /* The measurements are printed against the goals they measure. */
  replace_list (&document->diagnoses,
                palp_store_list_diagnoses (self, palp_visit_get_int (visit, "client-id"), TRUE,
                                           error));
  if (document->diagnoses == NULL ||
      !load_plans (self, document, palp_visit_get_int (visit, "client-id"), error))
    return NULL;
  return g_steal_pointer (&document);
}

PalpClinicalDocument *
palp_store_load_client_document (PalpStore  *self,
                                 gint64      client_id,
                                 GError    **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GError) local = NULL;
  static const char *history_users[] = { "recorded-by", NULL };
  static const char *screening_users[] = { "taken-by", NULL };
  static const char *consent_users[] = { "recorded-by", "revoked-by", NULL };

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(document = document_new (self, client_id, error)) ||
      !(visits = palp_store_list_visits (self, client_id, error)))
    return NULL;

  /* The store lists visits newest first; documents read oldest first. */
  for (guint i = g_list_model_get_n_items (visits); i > 0; i--)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (visits, i - 1);
      PalpVisitDocument *entry = load_visit (self, document, visit, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (document->visits, entry);
    }

  replace_list (&document->health_histories,
                palp_store_list_health_histories (self, client_id, &local));
  if (local == NULL)
    replace_list (&document->screenings, palp_store_list_screenings (self, client_id, &local));
  if (local == NULL)
    replace_list (&document->diagnoses, palp_store_list_diagnoses (self, client_id, TRUE, &local));
  if (local == NULL)
    replace_list (&document->referrals, palp_store_list_referrals (self, client_id, &local));
  if (local == NULL)
    replace_list (&document->consents, palp_store_list_consents (self, client_id, &local));
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (document->screenings); i++)
    {
      g_autoptr(PalpScreeningRecord) screening = g_list_model_get_item (document->screenings, i);
      GListModel *findings =
        palp_store_list_findings (self, palp_screening_record_get_int (screening, "id"), error);

      if (findings == NULL)
        return NULL;
      g_ptr_array_add (document->findings, findings);
    }
  add_users_of (self, document, document->health_histories, history_users);
  add_users_of (self, document, document->screenings, screening_users);
  add_users_of (self, document, document->consents, consent_users);

  if (!load_plans (self, document, client_id, error))
    return NULL;
  return g_steal_pointer (&document);
}
