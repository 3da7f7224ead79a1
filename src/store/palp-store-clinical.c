/* palp-store-clinical.c: the clinical record
 *
 * Health histories, screenings, oral assessments, diagnoses, referrals,
 * plans with their goals and readings, consents, SOAP notes, amendments
 * and safety-gate overrides. The schema (0006-clinical.sql) holds the same
 * rules — versions never changed, a signed visit's record frozen, consents
 * revoked once — and audits every write; the checks here give the caller
 * a clear message first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-date.h"
#include "palp-icd10.h"
#include "palp-measure.h"
#include "palp-npi.h"
#include "palp-progress.h"
#include "palp-store-private.h"
#include "palp-validate.h"

/* Rows to records --------------------------------------------------------- */

PALP_STORE_ROW_FUNC (history, PALP_TYPE_HEALTH_HISTORY)
PALP_STORE_ROW_FUNC (screening, PALP_TYPE_SCREENING_RECORD)
PALP_STORE_ROW_FUNC (finding, PALP_TYPE_FINDING_RECORD)
PALP_STORE_ROW_FUNC (oral, PALP_TYPE_ORAL_ASSESSMENT)
PALP_STORE_ROW_FUNC (diagnosis, PALP_TYPE_DIAGNOSIS)
PALP_STORE_ROW_FUNC (referral, PALP_TYPE_REFERRAL)
PALP_STORE_ROW_FUNC (plan, PALP_TYPE_PLAN)
PALP_STORE_ROW_FUNC (goal, PALP_TYPE_PLAN_GOAL)
PALP_STORE_ROW_FUNC (reading, PALP_TYPE_READING)
PALP_STORE_ROW_FUNC (consent, PALP_TYPE_CONSENT)
PALP_STORE_ROW_FUNC (note, PALP_TYPE_SOAP_NOTE)
PALP_STORE_ROW_FUNC (amendment, PALP_TYPE_AMENDMENT)
PALP_STORE_ROW_FUNC (override, PALP_TYPE_GATE_OVERRIDE)

/* Checks and messages ----------------------------------------------------- */

static gboolean
date_ok (const char  *iso,
         gboolean     required,
         const char  *message,
         GError     **error)
{
  GDate date;

  if (iso == NULL && !required)
    return TRUE;
  if (iso == NULL || !palp_date_parse_iso (iso, &date))
    return palp_store_invalid (error, message);
  return TRUE;
}

/* A record of something that happened is not dated after today. */
static gboolean
not_future (const char  *iso,
            const char  *message,
            GError     **error)
{
  g_autofree char *today = palp_date_today_iso ();

  if (iso != NULL && strcmp (iso, today) > 0)
    return palp_store_invalid (error, message);
  return TRUE;
}

static gboolean
flag_ok (gpointer     record,
         const char  *prop)
{
  gint64 v = palp_record_get_int (PALP_RECORD (record), prop);

  return v == 0 || v == 1;
}

/* One integer from a query taking one id and an optional text; @fallback
 * when there is no row. */
static gint64
query_int (PalpStore   *self,
           const char  *sql,
           gint64       id,
           const char  *text,
           gint64       fallback)
{
  g_autoptr(sqlite3_stmt) stmt = palp_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    palp_store_bind_text (stmt, 2, text);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : fallback;
}

/* Whether @text is JSON of @type ("object", "array"). */
static gboolean
json_is (PalpStore   *self,
         const char  *text,
         const char  *type)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (text == NULL)
    return FALSE;
  stmt = palp_store_prepare (self, "SELECT json_valid (?1) AND json_type (?1) = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  palp_store_bind_text (stmt, 1, text);
  palp_store_bind_text (stmt, 2, type);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

static gboolean
client_exists (PalpStore  *self,
               gint64      client_id,
               GError    **error)
{
  if (query_int (self, "SELECT 1 FROM clients WHERE id = ?1", client_id, NULL, 0) != 1)
    return palp_store_not_found (error, _("This client no longer exists."));
  return TRUE;
}

/* Client-level clinical forms: practitioners only. */
static gboolean
may_write_clinical (PalpStore  *self,
                    gint64      client_id,
                    GError    **error)
{
  return client_exists (self, client_id, error) &&
         palp_store_require (self, PALP_ACTION_VIEW_CLINICAL, 0, error);
}

static gboolean
visit_is_signed (PalpStore *self,
                 gint64     visit_id)
{
  return query_int (self, "SELECT 1 FROM visit_signatures WHERE visit_id = ?1",
                    visit_id, NULL, 0) == 1;
}

/* What belongs to a visit: only its practitioner documents it, and only
 * until it is signed. */
static gboolean
may_document (PalpStore  *self,
              gint64      visit_id,
              GError    **error)
{
  gint64 practitioner = query_int (self, "SELECT practitioner_id FROM visits WHERE id = ?1",
                                   visit_id, NULL, 0);

  if (practitioner == 0)
    return palp_store_not_found (error, _("This visit no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT, practitioner, error))
    return FALSE;
  if (visit_is_signed (self, visit_id))
    return palp_store_refuse (error, _("This visit is signed: its record can no longer change. Add an "
                            "amendment to the note instead."));
  return TRUE;
}

/* Ends the transaction; on success of an insert, sets @record's "id". */
static gboolean
finish_save (PalpStore  *self,
             gboolean    ok,
             gpointer    record,
             gboolean    insert,
             GError    **error)
{
  gint64 id = insert ? sqlite3_last_insert_rowid (palp_store_get_db (self)) : 0;

  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (insert)
    g_object_set (record, "id", id, NULL);
  return TRUE;
}

/* Health histories -------------------------------------------------------- */

#define HISTORY_SELECT \
  "SELECT id, client_id, taken_on, answers, allergies, has_blood_thinners, pregnant," \
  " head_neck_radiation, recorded_by, recorded_at FROM health_histories"

GListModel *
palp_store_list_health_histories (PalpStore  *self,
                                  gint64      client_id,
                                  GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, HISTORY_SELECT " WHERE client_id = ?1"
                           " ORDER BY taken_on DESC, id DESC",
                     client_id, PALP_TYPE_HEALTH_HISTORY, history_row, error);
}

PalpHealthHistory *
palp_store_latest_health_history (PalpStore  *self,
                                  gint64      client_id,
                                  GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  list = palp_store_list_by_id (self, HISTORY_SELECT " WHERE client_id = ?1"
                           " ORDER BY taken_on DESC, id DESC LIMIT 1",
                     client_id, PALP_TYPE_HEALTH_HISTORY, history_row, error);
  return palp_store_first_item (list);
}

gboolean
palp_store_save_health_history (PalpStore          *self,
                                PalpHealthHistory  *history,
                                GError            **error)
{
  static const char *props[] = {
    "client-id", "taken-on", "answers", "allergies", "has-blood-thinners", "pregnant",
    "head-neck-radiation", "recorded-at", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_HEALTH_HISTORY (history), FALSE);

  if (palp_health_history_get_int (history, "id") != 0)
    return palp_store_refuse (error, _("A health history is never changed: record a new version."));
  if (!date_ok (palp_health_history_get_string (history, "taken-on"), TRUE,
                _("Give the date the health history was taken."), error) ||
      !not_future (palp_health_history_get_string (history, "taken-on"),
                   _("A health history cannot be dated after today."), error) ||
      !palp_store_text_ok (palp_health_history_get_string (history, "allergies"), 500, FALSE, NULL, error))
    return FALSE;
  if (!json_is (self, palp_health_history_get_string (history, "answers"), "object"))
    return palp_store_invalid (error, _("The health history's answers are not a valid form."));
  if (!flag_ok (history, "has-blood-thinners") || !flag_ok (history, "pregnant") ||
      !flag_ok (history, "head-neck-radiation"))
    return palp_store_invalid (error, _("A yes-or-no answer of the health history is neither."));
  if (!may_write_clinical (self, palp_health_history_get_int (history, "client-id"), error))
    return FALSE;

  g_object_set (history, "recorded-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self,
                              "INSERT INTO health_histories (client_id, taken_on, answers,"
                              " allergies, has_blood_thinners, pregnant, head_neck_radiation,"
                              " recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                              " palp_actor ())",
                              history, props, error);
  if (!finish_save (self, ok, history, TRUE, error))
    return FALSE;
  g_object_set (history, "recorded-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

/* Screenings -------------------------------------------------------------- */

#define SCREENING_SELECT \
  "SELECT id, client_id, taken_on, taken_by, taken_at, note FROM screenings"
#define FINDING_SELECT \
  "SELECT f.id, f.screening_id, f.kind, f.severity, f.note, f.region_id," \
  " f.clearance_on_file, s.taken_on FROM screening_findings f" \
  " JOIN screenings s ON s.id = f.screening_id"

GListModel *
palp_store_list_screenings (PalpStore  *self,
                            gint64      client_id,
                            GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, SCREENING_SELECT " WHERE client_id = ?1"
                           " ORDER BY taken_on DESC, id DESC",
                     client_id, PALP_TYPE_SCREENING_RECORD, screening_row, error);
}

GListModel *
palp_store_list_findings (PalpStore  *self,
                          gint64      screening_id,
                          GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, FINDING_SELECT " WHERE f.screening_id = ?1 ORDER BY f.id",
                     screening_id, PALP_TYPE_FINDING_RECORD, finding_row, error);
}

static gboolean
validate_finding (PalpFindingRecord  *finding,
                  GError            **error)
{
  const char *kind = palp_finding_record_get_string (finding, "kind");
  const char *severity = palp_finding_record_get_string (finding, "severity");
  const char *region = palp_finding_record_get_string (finding, "region-id");
  const char *cleared = palp_finding_record_get_string (finding, "clearance-on-file");
  static const char *severities[] = { "absolute", "local", "clearance", NULL };

  if (kind == NULL || strlen (kind) > 40 || strspn (kind, "abcdefghijklmnopqrstuvwxyz0123456789-")
                                              != strlen (kind))
    return palp_store_invalid (error, _("Choose what the screening found."));
  if (severity == NULL || !g_strv_contains (severities, severity))
    return palp_store_invalid (error, _("Say whether the finding rules out treatment, limits it to "
                             "avoiding a region, or needs a physician's clearance."));
  if (g_str_equal (severity, "local") != (region != NULL))
    return palp_store_invalid (error, _("A local contraindication names the region to avoid, and only "
                             "a local one does."));
  if (region != NULL && strlen (region) > 200)
    return palp_store_invalid (error, _("Choose the region to avoid on the body chart."));
  if (cleared != NULL && (!g_str_equal (severity, "clearance") ||
                          !date_ok (cleared, TRUE, NULL, NULL)))
    return palp_store_invalid (error, _("A clearance is put on file, on a real date, for a finding that "
                             "needs one."));
  return palp_store_text_ok (palp_finding_record_get_string (finding, "note"), 1000, FALSE, NULL, error);
}

gboolean
palp_store_save_screening (PalpStore            *self,
                           PalpScreeningRecord  *screening,
                           GListModel           *findings,
                           GError              **error)
{
  static const char *props[] = { "client-id", "taken-on", "taken-at", "note", NULL };
  static const char *finding_props[] = {
    "screening-id", "kind", "severity", "note", "region-id", "clearance-on-file", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  guint n = findings ? g_list_model_get_n_items (findings) : 0;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_SCREENING_RECORD (screening), FALSE);

  if (palp_screening_record_get_int (screening, "id") != 0)
    return palp_store_refuse (error, _("A screening is never changed: record a new one."));
  if (!date_ok (palp_screening_record_get_string (screening, "taken-on"), TRUE,
                _("Give the date of the screening."), error) ||
      !not_future (palp_screening_record_get_string (screening, "taken-on"),
                   _("A screening cannot be dated after today."), error) ||
      !palp_store_text_ok (palp_screening_record_get_string (screening, "note"), 2000, FALSE, NULL, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpFindingRecord) finding = g_list_model_get_item (findings, i);

      if (!PALP_IS_FINDING_RECORD (finding))
        return palp_store_invalid (error, _("A screening's findings are findings."));
      if (!validate_finding (finding, error))
        return FALSE;
    }
  if (!may_write_clinical (self, palp_screening_record_get_int (screening, "client-id"), error))
    return FALSE;

  g_object_set (screening, "taken-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self,
                              "INSERT INTO screenings (client_id, taken_on, taken_at, note,"
                              " taken_by) VALUES (?1, ?2, ?3, ?4, palp_actor ())",
                              screening, props, error);
  id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(PalpFindingRecord) finding = g_list_model_get_item (findings, i);

      g_object_set (finding, "screening-id", id, NULL);
      ok = palp_store_exec_props (self,
                                  "INSERT INTO screening_findings (screening_id, kind, severity,"
                                  " note, region_id, clearance_on_file) VALUES (?1, ?2, ?3, ?4,"
                                  " ?5, ?6)",
                                  finding, finding_props, error);
      if (ok)
        g_object_set (finding, "id", sqlite3_last_insert_rowid (palp_store_get_db (self)),
                      "taken-on", palp_screening_record_get_string (screening, "taken-on"),
                      NULL);
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (screening, "id", id, "taken-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

GListModel *
palp_store_list_active_contraindications (PalpStore  *self,
                                          gint64      client_id,
                                          GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, FINDING_SELECT
                           " WHERE f.screening_id = (SELECT id FROM screenings"
                           "  WHERE client_id = ?1 ORDER BY taken_on DESC, id DESC LIMIT 1)"
                           " AND (f.severity != 'clearance' OR f.clearance_on_file IS NULL)"
                           " ORDER BY CASE f.severity WHEN 'absolute' THEN 0"
                           "  WHEN 'clearance' THEN 1 ELSE 2 END, f.id",
                     client_id, PALP_TYPE_FINDING_RECORD, finding_row, error);
}

/* Oral assessments -------------------------------------------------------- */

static const char *oral_flags[] = {
  "teeth", "gingiva", "bone", "tongue", "surrounding", "active-infection", "lesions",
  "loose-teeth", "periodontal-disease", "gloves",
};

PalpOralAssessment *
palp_store_load_oral_assessment (PalpStore  *self,
                                 gint64      visit_id,
                                 GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  list = palp_store_list_by_id (self, "SELECT id, visit_id, teeth, gingiva, bone, tongue, surrounding,"
                           " active_infection, lesions, loose_teeth, periodontal_disease, gloves,"
                           " note, assessed_by, assessed_at FROM oral_assessments"
                           " WHERE visit_id = ?1",
                     visit_id, PALP_TYPE_ORAL_ASSESSMENT, oral_row, error);
  return palp_store_first_item (list);
}

gboolean
palp_store_save_oral_assessment (PalpStore           *self,
                                 PalpOralAssessment  *oral,
                                 GError             **error)
{
  static const char *props[] = {
    "visit-id", "teeth", "gingiva", "bone", "tongue", "surrounding", "active-infection",
    "lesions", "loose-teeth", "periodontal-disease", "gloves", "note", "assessed-at", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_ORAL_ASSESSMENT (oral), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (oral_flags); i++)
    if (!flag_ok (oral, oral_flags[i]))
      return palp_store_invalid (error, _("Each item of the oral assessment is checked or not."));
  if (!palp_store_text_ok (palp_oral_assessment_get_string (oral, "note"), 2000, FALSE, NULL, error) ||
      !may_document (self, palp_oral_assessment_get_int (oral, "visit-id"), error))
    return FALSE;

  g_object_set (oral, "assessed-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  /* One per visit: a second save rewrites it. */
  ok = palp_store_exec_props (self,
                              "INSERT INTO oral_assessments (visit_id, teeth, gingiva, bone,"
                              " tongue, surrounding, active_infection, lesions, loose_teeth,"
                              " periodontal_disease, gloves, note, assessed_at, assessed_by)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                              " palp_actor ()) ON CONFLICT (visit_id) DO UPDATE SET teeth ="
                              " excluded.teeth, gingiva = excluded.gingiva, bone = excluded.bone,"
                              " tongue = excluded.tongue, surrounding = excluded.surrounding,"
                              " active_infection = excluded.active_infection, lesions ="
                              " excluded.lesions, loose_teeth = excluded.loose_teeth,"
                              " periodontal_disease = excluded.periodontal_disease, gloves ="
                              " excluded.gloves, note = excluded.note, assessed_at ="
                              " excluded.assessed_at, assessed_by = excluded.assessed_by",
                              oral, props, error);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (oral,
                "id", query_int (self, "SELECT id FROM oral_assessments WHERE visit_id = ?1",
                                 palp_oral_assessment_get_int (oral, "visit-id"), NULL, 0),
                "assessed-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

/* Diagnoses --------------------------------------------------------------- */

GListModel *
palp_store_list_diagnoses (PalpStore  *self,
                           gint64      client_id,
                           gboolean    include_archived,
                           GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, include_archived
                       ? "SELECT id, client_id, code, description, onset_on, laterality,"
                         " is_primary, archived, created_by, created_at FROM diagnoses"
                         " WHERE client_id = ?1 ORDER BY archived, is_primary DESC, id"
                       : "SELECT id, client_id, code, description, onset_on, laterality,"
                         " is_primary, archived, created_by, created_at FROM diagnoses"
                         " WHERE client_id = ?1 AND archived = 0 ORDER BY is_primary DESC, id",
                     client_id, PALP_TYPE_DIAGNOSIS, diagnosis_row, error);
}

gboolean
palp_store_save_diagnosis (PalpStore      *self,
                           PalpDiagnosis  *diagnosis,
                           GError        **error)
{
  static const char *props[] = {
    "client-id", "code", "description", "onset-on", "laterality", "is-primary", "archived",
    "created-at", "id", NULL,
  };
  static const char *lateralities[] = { "right", "left", "bilateral", "unspecified", NULL };
  const char *laterality = palp_diagnosis_get_string (diagnosis, "laterality");
  g_autoptr(GError) local = NULL;
  g_autofree char *code = NULL;
  g_autofree char *now = palp_store_now_string ();
  gint64 id, client_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_DIAGNOSIS (diagnosis), FALSE);

  id = palp_diagnosis_get_int (diagnosis, "id");
  client_id = palp_diagnosis_get_int (diagnosis, "client-id");
  if (!(code = palp_icd10_normalize (palp_diagnosis_get_string (diagnosis, "code"), &local)))
    return palp_store_invalid (error, local->message);
  if (!palp_store_text_ok (palp_diagnosis_get_string (diagnosis, "description"), 300, TRUE,
                _("Describe the diagnosis."), error) ||
      !date_ok (palp_diagnosis_get_string (diagnosis, "onset-on"), FALSE,
                _("The onset is not a real date."), error) ||
      !not_future (palp_diagnosis_get_string (diagnosis, "onset-on"),
                   _("The onset cannot be after today."), error))
    return FALSE;
  if (laterality != NULL && !g_strv_contains (lateralities, laterality))
    return palp_store_invalid (error, _("The side is right, left, bilateral or unspecified."));
  if (!flag_ok (diagnosis, "is-primary") || !flag_ok (diagnosis, "archived"))
    return palp_store_invalid (error, _("A diagnosis is primary or not, archived or not."));
  if (palp_diagnosis_get_int (diagnosis, "is-primary") &&
      palp_diagnosis_get_int (diagnosis, "archived"))
    return palp_store_invalid (error, _("An archived diagnosis cannot be the primary one."));
  if (!may_write_clinical (self, client_id, error))
    return FALSE;
  if (id != 0 && query_int (self, "SELECT client_id FROM diagnoses WHERE id = ?1", id, NULL, 0)
                   != client_id)
    return palp_store_not_found (error, _("This diagnosis no longer exists."));

  g_object_set (diagnosis, "code", code, NULL);
  if (palp_diagnosis_get_string (diagnosis, "created-at") == NULL)
    g_object_set (diagnosis, "created-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = TRUE;
  /* A new primary diagnosis takes the place of the last. */
  if (palp_diagnosis_get_int (diagnosis, "is-primary"))
    {
      static const char *clear_props[] = { "client-id", "id", NULL };

      ok = palp_store_exec_props (self, "UPDATE diagnoses SET is_primary = 0"
                                        " WHERE client_id = ?1 AND is_primary = 1 AND id != ?2",
                                  diagnosis, clear_props, error);
    }
  if (ok)
    ok = palp_store_exec_props (self, id == 0
                                  ? "INSERT INTO diagnoses (client_id, code, description, onset_on,"
                                    " laterality, is_primary, archived, created_at, created_by)"
                                    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, palp_actor () WHERE ?9 = 0"
                                  : "UPDATE diagnoses SET code = ?2, description = ?3, onset_on = ?4,"
                                    " laterality = ?5, is_primary = ?6, archived = ?7"
                                    " WHERE id = ?9 AND client_id = ?1 AND ?8 IS NOT NULL",
                                diagnosis, props, error);
  if (!finish_save (self, ok, diagnosis, id == 0, error))
    return FALSE;
  if (palp_diagnosis_get_int (diagnosis, "created-by") == 0)
    g_object_set (diagnosis, "created-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

/* Referrals --------------------------------------------------------------- */

#define REFERRAL_SELECT \
  "SELECT r.id, r.client_id, r.prescriber_name, r.profession, r.npi, r.referred_on," \
  " r.expires_on, r.frequency, r.duration, r.regions, r.note, r.created_by, r.created_at," \
  " (SELECT group_concat (diagnosis_id, ',') FROM (SELECT diagnosis_id FROM referral_diagnoses" \
  "  WHERE referral_id = r.id ORDER BY diagnosis_id)) AS diagnosis_ids FROM referrals r"

GListModel *
palp_store_list_referrals (PalpStore  *self,
                           gint64      client_id,
                           GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, REFERRAL_SELECT " WHERE r.client_id = ?1"
                           " ORDER BY r.referred_on DESC, r.id DESC",
                     client_id, PALP_TYPE_REFERRAL, referral_row, error);
}

GListModel *
palp_store_list_expiring_referrals (PalpStore   *self,
                                    gint64       client_id,
                                    const char  *today,
                                    guint        days,
                                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *own_today = NULL;
  g_autofree char *modifier = g_strdup_printf ("+%u days", days);

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (today == NULL)
    today = own_today = palp_date_today_iso ();
  /* Expired or expiring, unless a later referral of the client runs on
   * past the window (or has no end). */
  stmt = palp_store_prepare (self, REFERRAL_SELECT
                                   " WHERE (?1 = 0 OR r.client_id = ?1)"
                                   " AND r.expires_on IS NOT NULL"
                                   " AND r.expires_on <= date (?2, ?3)"
                                   " AND NOT EXISTS (SELECT 1 FROM referrals n"
                                   "  WHERE n.client_id = r.client_id AND n.id != r.id"
                                   "  AND n.referred_on >= r.referred_on"
                                   "  AND (n.expires_on IS NULL OR n.expires_on > date (?2, ?3)))"
                                   " ORDER BY r.expires_on, r.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, today);
  palp_store_bind_text (stmt, 3, modifier);
  return palp_store_collect (self, stmt, PALP_TYPE_REFERRAL, referral_row, error);
}

static gboolean
validate_referral (PalpReferral  *referral,
                   GError       **error)
{
  const char *npi = palp_referral_get_string (referral, "npi");
  const char *from = palp_referral_get_string (referral, "referred-on");
  const char *to = palp_referral_get_string (referral, "expires-on");
  const char *ids = palp_referral_get_string (referral, "diagnosis-ids");
  g_autoptr(GError) local = NULL;

  if (!palp_store_text_ok (palp_referral_get_string (referral, "prescriber-name"), 120, TRUE,
                _("Name who wrote the referral."), error) ||
      !palp_store_text_ok (palp_referral_get_string (referral, "profession"), 80, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_referral_get_string (referral, "frequency"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_referral_get_string (referral, "duration"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_referral_get_string (referral, "regions"), 2000, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_referral_get_string (referral, "note"), 2000, FALSE, NULL, error))
    return FALSE;
  if (npi != NULL && !palp_npi_validate (npi, &local))
    return palp_store_invalid (error, local->message);
  if (!date_ok (from, TRUE, _("Give the date of the referral."), error) ||
      !date_ok (to, FALSE, _("The referral's expiry is not a real date."), error))
    return FALSE;
  if (to != NULL && strcmp (to, from) < 0)
    return palp_store_invalid (error, _("The referral expires before it was written."));
  if (ids != NULL && strspn (ids, "0123456789,") != strlen (ids))
    return palp_store_invalid (error, _("Choose the referral's diagnoses from the client's."));
  return TRUE;
}

gboolean
palp_store_save_referral (PalpStore     *self,
                          PalpReferral  *referral,
                          GError       **error)
{
  static const char *props[] = {
    "client-id", "prescriber-name", "profession", "npi", "referred-on", "expires-on",
    "frequency", "duration", "regions", "note", "created-at", "id", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  g_auto(GStrv) ids = NULL;
  gint64 id, client_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_REFERRAL (referral), FALSE);

  id = palp_referral_get_int (referral, "id");
  client_id = palp_referral_get_int (referral, "client-id");
  if (!validate_referral (referral, error) || !may_write_clinical (self, client_id, error))
    return FALSE;
  if (id != 0 && query_int (self, "SELECT client_id FROM referrals WHERE id = ?1", id, NULL, 0)
                   != client_id)
    return palp_store_not_found (error, _("This referral no longer exists."));
  if (palp_referral_get_string (referral, "created-at") == NULL)
    g_object_set (referral, "created-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO referrals (client_id, prescriber_name, profession, npi,"
                                  " referred_on, expires_on, frequency, duration, regions, note, created_at,"
                                  " created_by) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                                  " palp_actor () WHERE ?12 = 0"
                                : "UPDATE referrals SET prescriber_name = ?2, profession = ?3, npi = ?4,"
                                  " referred_on = ?5, expires_on = ?6, frequency = ?7, duration = ?8,"
                                  " regions = ?9, note = ?10 WHERE id = ?12 AND client_id = ?1"
                                  " AND ?11 IS NOT NULL",
                              referral, props, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));

  /* The diagnoses it names: replaced by the new set (each change audited). */
  if (ok)
    {
      g_autoptr(sqlite3_stmt) del = palp_store_prepare (self,
          "DELETE FROM referral_diagnoses WHERE referral_id = ?1"
          " AND ',' || coalesce (?2, '') || ',' NOT LIKE '%,' || diagnosis_id || ',%'", error);

      ok = del != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (del, 1, id);
          palp_store_bind_text (del, 2, palp_referral_get_string (referral, "diagnosis-ids"));
          ok = palp_store_step_done (self, del, error);
        }
    }
  ids = g_strsplit (palp_referral_get_string (referral, "diagnosis-ids")
                      ? palp_referral_get_string (referral, "diagnosis-ids") : "", ",", -1);
  for (guint i = 0; ok && ids[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) add = NULL;

      if (*ids[i] == '\0')
        continue;
      add = palp_store_prepare (self, "INSERT OR IGNORE INTO referral_diagnoses"
                                      " (referral_id, diagnosis_id) VALUES (?1, ?2)", error);
      ok = add != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (add, 1, id);
          sqlite3_bind_int64 (add, 2, g_ascii_strtoll (ids[i], NULL, 10));
          ok = palp_store_step_done (self, add, error);
        }
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (referral, "id", id, NULL);
  if (palp_referral_get_int (referral, "created-by") == 0)
    g_object_set (referral, "created-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

/* Plans, goals and readings ----------------------------------------------- */

#define PLAN_SELECT \
  "SELECT p.id, p.client_id, p.practitioner_id, p.started_on, p.summary, p.frequency," \
  " p.session_minutes, p.sessions, p.techniques, p.home_care, p.reassess_on, p.status," \
  " p.discharged_on, p.discharge_kind, p.discharge_reason, p.created_at," \
  " (SELECT group_concat (diagnosis_id, ',') FROM (SELECT diagnosis_id FROM plan_diagnoses" \
  "  WHERE plan_id = p.id ORDER BY diagnosis_id)) AS diagnosis_ids FROM plans p"

GListModel *
palp_store_list_plans (PalpStore  *self,
                       gint64      client_id,
                       GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, PLAN_SELECT " WHERE p.client_id = ?1"
                           " ORDER BY p.status = 'discharged', p.started_on DESC, p.id DESC",
                     client_id, PALP_TYPE_PLAN, plan_row, error);
}

static gint64
plan_practitioner (PalpStore *self,
                   gint64     plan_id)
{
  return query_int (self, "SELECT practitioner_id FROM plans WHERE id = ?1", plan_id, NULL, 0);
}

gboolean
palp_store_save_plan (PalpStore  *self,
                      PalpPlan   *plan,
                      GError    **error)
{
  static const char *props[] = {
    "client-id", "practitioner-id", "started-on", "summary", "frequency", "created-at", "id",
    "session-minutes?", "sessions?", "techniques", "home-care", "reassess-on", NULL,
  };
  g_autofree char *now = palp_store_now_string ();
  const char *ids_text = palp_plan_get_string (plan, "diagnosis-ids");
  const char *reassess = palp_plan_get_string (plan, "reassess-on");
  gint64 minutes = palp_plan_get_int (plan, "session-minutes");
  gint64 sessions = palp_plan_get_int (plan, "sessions");
  g_auto(GStrv) ids = NULL;
  gint64 id, client_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_PLAN (plan), FALSE);

  id = palp_plan_get_int (plan, "id");
  client_id = palp_plan_get_int (plan, "client-id");
  if (palp_plan_get_int (plan, "practitioner-id") == 0)
    g_object_set (plan, "practitioner-id", palp_store_get_actor (self), NULL);
  if (!date_ok (palp_plan_get_string (plan, "started-on"), TRUE,
                _("Give the date the plan starts."), error) ||
      !palp_store_text_ok (palp_plan_get_string (plan, "summary"), 4000, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_plan_get_string (plan, "frequency"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_plan_get_string (plan, "techniques"), 4000, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_plan_get_string (plan, "home-care"), 4000, FALSE, NULL, error) ||
      !date_ok (reassess, FALSE, _("The re-assessment date is not a real date."), error))
    return FALSE;
  if (reassess != NULL && strcmp (reassess, palp_plan_get_string (plan, "started-on")) < 0)
    return palp_store_invalid (error, _("The re-assessment comes after the plan starts."));
  if (minutes != 0 && (minutes < 5 || minutes > 480))
    return palp_store_invalid (error, _("A session lasts from 5 to 480 minutes."));
  if (sessions < 0 || sessions > 500)
    return palp_store_invalid (error, _("A plan has from 1 to 500 sessions."));
  if (ids_text != NULL && strspn (ids_text, "0123456789,") != strlen (ids_text))
    return palp_store_invalid (error, _("Choose the plan's diagnoses from the client's."));
  ids = g_strsplit (ids_text != NULL ? ids_text : "", ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0' &&
        query_int (self, "SELECT client_id FROM diagnoses WHERE id = ?1",
                   g_ascii_strtoll (ids[i], NULL, 10), NULL, 0) != client_id)
      return palp_store_invalid (error, _("Choose the plan's diagnoses from the client's."));
  if (!client_exists (self, client_id, error) ||
      !palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT,
                           palp_plan_get_int (plan, "practitioner-id"), error))
    return FALSE;
  if (id != 0)
    {
      if (query_int (self, "SELECT client_id FROM plans WHERE id = ?1", id, NULL, 0) != client_id)
        return palp_store_not_found (error, _("This plan no longer exists."));
      /* Only its practitioner changes a plan, or hands it over. */
      if (!palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT, plan_practitioner (self, id),
                               error))
        return FALSE;
      if (query_int (self, "SELECT status = 'discharged' FROM plans WHERE id = ?1", id, NULL, 0))
        return palp_store_refuse (error, _("This plan is discharged: start a new one."));
    }
  if (palp_plan_get_string (plan, "created-at") == NULL)
    g_object_set (plan, "created-at", now, NULL);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO plans (client_id, practitioner_id, started_on, summary,"
                                  " frequency, created_at, session_minutes, sessions, techniques,"
                                  " home_care, reassess_on) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9, ?10,"
                                  " ?11, ?12 WHERE ?7 = 0"
                                : "UPDATE plans SET practitioner_id = ?2, started_on = ?3, summary = ?4,"
                                  " frequency = ?5, session_minutes = ?8, sessions = ?9,"
                                  " techniques = ?10, home_care = ?11, reassess_on = ?12"
                                  " WHERE id = ?7 AND client_id = ?1 AND ?6 IS NOT NULL",
                              plan, props, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));

  /* The diagnoses it addresses: replaced by the new set (each change audited). */
  if (ok)
    {
      g_autoptr(sqlite3_stmt) del = palp_store_prepare (self,
          "DELETE FROM plan_diagnoses WHERE plan_id = ?1"
          " AND ',' || coalesce (?2, '') || ',' NOT LIKE '%,' || diagnosis_id || ',%'", error);

      ok = del != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (del, 1, id);
          palp_store_bind_text (del, 2, ids_text);
          ok = palp_store_step_done (self, del, error);
        }
    }
  for (guint i = 0; ok && ids[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) add = NULL;

      if (*ids[i] == '\0')
        continue;
      add = palp_store_prepare (self, "INSERT OR IGNORE INTO plan_diagnoses"
                                      " (plan_id, diagnosis_id) VALUES (?1, ?2)", error);
      ok = add != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (add, 1, id);
          sqlite3_bind_int64 (add, 2, g_ascii_strtoll (ids[i], NULL, 10));
          ok = palp_store_step_done (self, add, error);
        }
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (plan, "id", id, NULL);
  g_object_set (plan, "status", "active", NULL);
  return TRUE;
}

gboolean
palp_store_discharge_plan (PalpStore   *self,
                           gint64       plan_id,
                           const char  *date,
                           const char  *reason,
                           GError     **error)
{
  return palp_store_discharge_plan_full (self, plan_id, date, NULL, reason, error);
}

gboolean
palp_store_discharge_plan_full (PalpStore   *self,
                                gint64       plan_id,
                                const char  *date,
                                const char  *kind,
                                const char  *reason,
                                GError     **error)
{
  static const char *kinds[] = {
    "goals-met", "maximum-improvement", "client-choice", "referred-out", "other", NULL,
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 practitioner;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!date_ok (date, TRUE, _("Give the date of the discharge."), error) ||
      !palp_store_text_ok (reason, 500, TRUE, _("Say why the client is discharged."), error))
    return FALSE;
  if (kind != NULL && !g_strv_contains (kinds, kind))
    return palp_store_invalid (error, _("Choose how the plan ends."));
  if ((practitioner = plan_practitioner (self, plan_id)) == 0)
    return palp_store_not_found (error, _("This plan no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT, practitioner, error))
    return FALSE;
  if (query_int (self, "SELECT status = 'discharged' FROM plans WHERE id = ?1", plan_id, NULL, 0))
    return palp_store_refuse (error, _("This plan is already discharged."));
  if (query_int (self, "SELECT started_on > ?2 FROM plans WHERE id = ?1", plan_id, date, 0))
    return palp_store_invalid (error, _("A plan is discharged on or after the day it started."));

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE plans SET status = 'discharged', discharged_on = ?2,"
                                   " discharge_reason = ?3, discharge_kind = ?4 WHERE id = ?1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason));

      sqlite3_bind_int64 (stmt, 1, plan_id);
      palp_store_bind_text (stmt, 2, date);
      palp_store_bind_text (stmt, 3, trimmed);
      palp_store_bind_text (stmt, 4, kind);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

#define GOAL_SELECT \
  "SELECT id, plan_id, measure, goal, label, unit, direction, printf ('%.10g', mic) AS mic," \
  " printf ('%.10g', baseline) AS baseline, printf ('%.10g', target) AS target, by_date," \
  " by_visit, archived FROM plan_goals"

GListModel *
palp_store_list_plan_goals (PalpStore  *self,
                            gint64      plan_id,
                            GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, GOAL_SELECT " WHERE plan_id = ?1 ORDER BY archived, id",
                     plan_id, PALP_TYPE_PLAN_GOAL, goal_row, error);
}

/* A decimal number written in C form ("4.5"); FALSE unless all of @text is
 * one finite number. */
static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

static gboolean
validate_goal (PalpPlanGoal  *goal,
               GError       **error)
{
  const char *direction = palp_plan_goal_get_string (goal, "direction");
  g_autoptr(GError) local = NULL;
  PalpMeasureKind kind;
  PalpGoal rule = { 0 };
  double mic;

  if (!palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind))
    return palp_store_invalid (error, _("Choose what the goal is measured with."));
  if (!palp_store_text_ok (palp_plan_goal_get_string (goal, "goal"), 500, TRUE,
                _("Say what the client will be able to do."), error) ||
      !palp_store_text_ok (palp_plan_goal_get_string (goal, "label"), 120, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_plan_goal_get_string (goal, "unit"), 20, FALSE, NULL, error) ||
      !date_ok (palp_plan_goal_get_string (goal, "by-date"), FALSE,
                _("The goal's date is not a real date."), error))
    return FALSE;
  if (palp_plan_goal_get_string (goal, "by-date") == NULL &&
      palp_plan_goal_get_int (goal, "by-visit") == 0)
    return palp_store_invalid (error, _("Say by when the goal is to be met: a date or a session."));
  if (palp_plan_goal_get_int (goal, "by-visit") < 0 ||
      palp_plan_goal_get_int (goal, "by-visit") > 1000)
    return palp_store_invalid (error, _("The goal's session is a number from 1 to 1000."));
  if (!flag_ok (goal, "archived"))
    return palp_store_invalid (error, _("A goal is archived or not."));
  if (!parse_number (palp_plan_goal_get_string (goal, "baseline"), &rule.baseline) ||
      !parse_number (palp_plan_goal_get_string (goal, "target"), &rule.target))
    return palp_store_invalid (error, _("The baseline and the target are numbers."));

  if (kind == PALP_MEASURE_CUSTOM)
    {
      if (g_strcmp0 (direction, "lower") != 0 && g_strcmp0 (direction, "higher") != 0)
        return palp_store_invalid (error, _("Say whether lower or higher is better."));
      if (!parse_number (palp_plan_goal_get_string (goal, "mic"), &mic) ||
          !palp_measure_init_custom (&rule.measure,
                                     g_str_equal (direction, "lower")
                                       ? PALP_DIRECTION_LOWER_IS_BETTER
                                       : PALP_DIRECTION_HIGHER_IS_BETTER,
                                     mic, -INFINITY, INFINITY, &local))
        return palp_store_invalid (error, local ? local->message
                                     : _("The smallest change that counts is a number."));
    }
  else
    {
      if (!palp_measure_init (&rule.measure, kind, NULL, &local))
        return palp_store_invalid (error, local->message);
      /* A built-in measure knows its direction; the clinic may set its MIC. */
      if (palp_plan_goal_get_string (goal, "mic") != NULL)
        {
          if (!parse_number (palp_plan_goal_get_string (goal, "mic"), &mic) || mic <= 0)
            return palp_store_invalid (error, _("The smallest change that counts is a positive number."));
          rule.measure.mic = mic;
        }
    }
  rule.baseline_visit = 1;
  rule.due_date = palp_plan_goal_get_string (goal, "by-date");
  rule.due_visit = (guint) palp_plan_goal_get_int (goal, "by-visit");
  if (!palp_goal_validate (&rule, &local))
    return palp_store_invalid (error, local->message);

  /* What the schema keeps: the direction and MIC in force. */
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_object_set (goal,
                  "direction", rule.measure.direction == PALP_DIRECTION_LOWER_IS_BETTER
                                 ? "lower" : "higher",
                  "mic", g_ascii_formatd (buf, sizeof buf, "%.10g", rule.measure.mic),
                  NULL);
    if (kind != PALP_MEASURE_CUSTOM && palp_plan_goal_get_string (goal, "unit") == NULL)
      g_object_set (goal, "unit", palp_measure_kind_get_unit (kind), NULL);
  }
  return TRUE;
}

gboolean
palp_store_save_plan_goal (PalpStore     *self,
                           PalpPlanGoal  *goal,
                           GError       **error)
{
  static const char *props[] = {
    "plan-id", "measure", "goal", "label", "unit", "direction", "mic", "baseline", "target",
    "by-date", "by-visit?", "archived", "id", NULL,
  };
  gint64 id, practitioner;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_PLAN_GOAL (goal), FALSE);

  id = palp_plan_goal_get_int (goal, "id");
  if (!validate_goal (goal, error))
    return FALSE;
  if ((practitioner = plan_practitioner (self, palp_plan_goal_get_int (goal, "plan-id"))) == 0)
    return palp_store_not_found (error, _("This plan no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_DOCUMENT_VISIT, practitioner, error))
    return FALSE;
  if (query_int (self, "SELECT status = 'discharged' FROM plans WHERE id = ?1",
                 palp_plan_goal_get_int (goal, "plan-id"), NULL, 0))
    return palp_store_refuse (error, _("This plan is discharged: its goals can no longer change."));

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  /* Numbers are bound as text and stored as numbers. */
  ok = palp_store_exec_props (self, id == 0
                                ? "INSERT INTO plan_goals (plan_id, measure, goal, label, unit, direction,"
                                  " mic, baseline, target, by_date, by_visit, archived)"
                                  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, CAST (?7 AS REAL), CAST (?8 AS REAL),"
                                  " CAST (?9 AS REAL), ?10, ?11, ?12 WHERE ?13 = 0"
                                : "UPDATE plan_goals SET measure = ?2, goal = ?3, label = ?4, unit = ?5,"
                                  " direction = ?6, mic = CAST (?7 AS REAL), baseline = CAST (?8 AS REAL),"
                                  " target = CAST (?9 AS REAL), by_date = ?10, by_visit = ?11,"
                                  " archived = ?12 WHERE id = ?13 AND plan_id = ?1",
                              goal, props, error);
  if (ok && id != 0 && sqlite3_changes (palp_store_get_db (self)) == 0)
    ok = palp_store_not_found (error, _("This goal no longer exists."));
  return finish_save (self, ok, goal, id == 0, error);
}

#define READING_SELECT \
  "SELECT m.id, m.visit_id, m.goal_id, printf ('%.10g', m.value) AS value, m.taken_at," \
  " m.taken_by, v.starts_at AS visit_starts_at FROM measurements m" \
  " JOIN visits v ON v.id = m.visit_id"

GListModel *
palp_store_list_readings (PalpStore  *self,
                          gint64      goal_id,
                          gint64      visit_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, READING_SELECT
                                   " WHERE (?1 = 0 OR m.goal_id = ?1)"
                                   " AND (?2 = 0 OR m.visit_id = ?2)"
                                   " ORDER BY v.starts_at, v.id, m.goal_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_int64 (stmt, 2, visit_id);
  return palp_store_collect (self, stmt, PALP_TYPE_READING, reading_row, error);
}

gboolean
palp_store_save_reading (PalpStore    *self,
                         PalpReading  *reading,
                         GError      **error)
{
  static const char *props[] = { "visit-id", "goal-id", "value", "taken-at", NULL };
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(PalpPlanGoal) goal = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *now = palp_store_now_string ();
  gint64 goal_id, visit_id;
  PalpMeasureKind kind;
  PalpMeasure measure;
  double value, mic = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_READING (reading), FALSE);

  goal_id = palp_reading_get_int (reading, "goal-id");
  visit_id = palp_reading_get_int (reading, "visit-id");
  goals = palp_store_list_by_id (self, GOAL_SELECT " WHERE id = ?1", goal_id, PALP_TYPE_PLAN_GOAL,
                      goal_row, error);
  if (goals == NULL)
    return FALSE;
  if (!(goal = palp_store_first_item (goals)))
    return palp_store_not_found (error, _("This goal no longer exists."));
  if (!parse_number (palp_reading_get_string (reading, "value"), &value))
    return palp_store_invalid (error, _("A measurement is a number."));
  if (!palp_measure_kind_from_key (palp_plan_goal_get_string (goal, "measure"), &kind))
    return palp_store_invalid (error, _("Choose what the goal is measured with."));
  parse_number (palp_plan_goal_get_string (goal, "mic"), &mic);
  if (kind == PALP_MEASURE_CUSTOM
        ? !palp_measure_init_custom (&measure,
                                     g_str_equal (palp_plan_goal_get_string (goal, "direction"),
                                                  "lower")
                                       ? PALP_DIRECTION_LOWER_IS_BETTER
                                       : PALP_DIRECTION_HIGHER_IS_BETTER,
                                     mic, -INFINITY, INFINITY, &local)
        : !palp_measure_init (&measure, kind, NULL, &local))
    return palp_store_invalid (error, local->message);
  if (!palp_measure_check_value (&measure, value, &local))
    return palp_store_invalid (error, local->message);
  if (!may_document (self, visit_id, error))
    return FALSE;
  if (palp_store_query_int (self, "SELECT v.client_id = p.client_id FROM visits v, plan_goals g"
                                  " JOIN plans p ON p.id = g.plan_id WHERE v.id = ?1 AND g.id = ?2",
                            visit_id, goal_id, 0) != 1)
    return palp_store_invalid (error, _("This goal is another client's."));

  g_object_set (reading, "taken-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  /* One reading per goal and visit: a second save corrects it. */
  ok = palp_store_exec_props (self,
                              "INSERT INTO measurements (visit_id, goal_id, value, taken_at,"
                              " taken_by) VALUES (?1, ?2, CAST (?3 AS REAL), ?4, palp_actor ()) ON"
                              " CONFLICT (visit_id, goal_id) DO UPDATE SET value = excluded.value,"
                              " taken_at = excluded.taken_at, taken_by = excluded.taken_by",
                              reading, props, error);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (reading, "taken-by", palp_store_get_actor (self),
                "id", palp_store_query_int (self, "SELECT id FROM measurements WHERE visit_id = ?1"
                                                  " AND goal_id = ?2", visit_id, goal_id, 0),
                NULL);
  return TRUE;
}

gboolean
palp_store_delete_reading (PalpStore  *self,
                           gint64      reading_id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 visit_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  visit_id = query_int (self, "SELECT visit_id FROM measurements WHERE id = ?1", reading_id,
                        NULL, 0);
  if (visit_id == 0)
    return palp_store_not_found (error, _("This measurement no longer exists."));
  if (!may_document (self, visit_id, error) || !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "DELETE FROM measurements WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, reading_id);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Consents ---------------------------------------------------------------- */

GListModel *
palp_store_list_consents (PalpStore  *self,
                          gint64      client_id,
                          GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT id, client_id, kind, plan_id, explained, questions,"
                           " signed_by_name, signature, typed_name, attested, signed_at,"
                           " recorded_by, revoked_at, revoked_by, revoke_reason FROM consents"
                           " WHERE client_id = ?1 ORDER BY signed_at DESC, id DESC",
                     client_id, PALP_TYPE_CONSENT, consent_row, error);
}

gboolean
palp_store_save_consent (PalpStore    *self,
                         PalpConsent  *consent,
                         GError      **error)
{
  static const char *props[] = {
    "client-id", "kind", "plan-id?", "explained", "questions", "signed-by-name", "signature",
    "typed-name", "attested", "signed-at", NULL,
  };
  static const char *kinds[] = { "privacy", "plan", "intra-oral", "guardian", NULL };
  const char *kind = palp_consent_get_string (consent, "kind");
  const char *signature = palp_consent_get_string (consent, "signature");
  g_autofree char *now = palp_store_now_string ();
  gint64 client_id, plan_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CONSENT (consent), FALSE);

  client_id = palp_consent_get_int (consent, "client-id");
  plan_id = palp_consent_get_int (consent, "plan-id");
  if (palp_consent_get_int (consent, "id") != 0)
    return palp_store_refuse (error, _("A signed consent never changes: it can only be revoked."));
  if (kind == NULL || !g_strv_contains (kinds, kind))
    return palp_store_invalid (error, _("Choose what the client consents to."));
  if (g_str_equal (kind, "plan") && plan_id == 0)
    return palp_store_invalid (error, _("A consent to a plan of care names the plan."));
  if (!palp_store_text_ok (palp_consent_get_string (consent, "explained"), 8000, TRUE,
                _("Write down what was explained to the client."), error) ||
      !palp_store_text_ok (palp_consent_get_string (consent, "questions"), 4000, FALSE, NULL, error) ||
      !palp_store_text_ok (palp_consent_get_string (consent, "signed-by-name"), 120, TRUE,
                _("Give the name of the person who signs."), error) ||
      !palp_store_text_ok (palp_consent_get_string (consent, "typed-name"), 120, FALSE, NULL, error))
    return FALSE;
  if (signature != NULL && !json_is (self, signature, "array"))
    return palp_store_invalid (error, _("The drawn signature could not be read. Ask the client to sign "
                             "again."));
  if (signature == NULL && (palp_consent_get_string (consent, "typed-name") == NULL ||
                            palp_consent_get_int (consent, "attested") != 1))
    return palp_store_invalid (error, _("The consent needs a signature: drawn, or a typed name the "
                             "signer attests is theirs."));
  if (!flag_ok (consent, "attested"))
    return palp_store_invalid (error, _("The attestation is given or not."));
  if (plan_id != 0 &&
      query_int (self, "SELECT client_id FROM plans WHERE id = ?1", plan_id, NULL, 0) != client_id)
    return palp_store_invalid (error, _("This plan is another client's."));
  /* Privacy and a guardian's consent are taken at the desk; treatment
   * consents by a practitioner. */
  if (!client_exists (self, client_id, error) ||
      !palp_store_require (self, g_str_equal (kind, "privacy") || g_str_equal (kind, "guardian")
                                   ? PALP_ACTION_EDIT_CLIENTS : PALP_ACTION_VIEW_CLINICAL,
                           0, error))
    return FALSE;

  if (palp_consent_get_string (consent, "signed-at") == NULL)
    g_object_set (consent, "signed-at", now, NULL);
  else if (!query_int (self, "SELECT datetime (?2) IS NOT NULL AND ?2 <= datetime ('now', 'localtime', '+1 minute')",
                       0, palp_consent_get_string (consent, "signed-at"), 0))
    return palp_store_invalid (error, _("The consent's signing time is not a real time, or in the future."));

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = palp_store_exec_props (self,
                              "INSERT INTO consents (client_id, kind, plan_id, explained,"
                              " questions, signed_by_name, signature, typed_name, attested,"
                              " signed_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                              " ?9, ?10, palp_actor ())",
                              consent, props, error);
  if (!finish_save (self, ok, consent, TRUE, error))
    return FALSE;
  g_object_set (consent, "recorded-by", palp_store_get_actor (self), NULL);
  return TRUE;
}

gboolean
palp_store_revoke_consent (PalpStore   *self,
                           gint64       consent_id,
                           const char  *reason,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();
  g_autofree char *trimmed = NULL;
  gint64 client_id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!palp_store_text_ok (reason, 500, TRUE, _("Say why the consent is revoked."), error))
    return FALSE;
  client_id = query_int (self, "SELECT client_id FROM consents WHERE id = ?1", consent_id,
                         NULL, 0);
  if (client_id == 0)
    return palp_store_not_found (error, _("This consent no longer exists."));
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLIENTS, 0, error))
    return FALSE;
  if (query_int (self, "SELECT revoked_at IS NOT NULL FROM consents WHERE id = ?1", consent_id,
                 NULL, 0))
    return palp_store_refuse (error, _("This consent is already revoked."));

  trimmed = g_strstrip (g_strdup (reason));
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, "UPDATE consents SET revoked_at = max (?2, signed_at),"
                                   " revoked_by = palp_actor (), revoke_reason = ?3"
                                   " WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, consent_id);
      palp_store_bind_text (stmt, 2, now);
      palp_store_bind_text (stmt, 3, trimmed);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* SOAP notes, amendments, overrides --------------------------------------- */

PalpSoapNote *
palp_store_load_soap_note (PalpStore  *self,
                           gint64      visit_id,
                           GError    **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  list = palp_store_list_by_id (self, "SELECT n.visit_id, n.subjective, n.objective, n.assessment,"
                           " n.plan_text, coalesce (n.pain, 0) AS pain,"
                           " n.pain IS NOT NULL AS has_pain, n.techniques, n.draping, n.gloves,"
                           " n.check_ins, n.adverse_effects, n.author_id, n.created_at,"
                           " n.updated_at, s.visit_id IS NOT NULL AS signed, s.signed_at"
                           " FROM soap_notes n LEFT JOIN visit_signatures s"
                           " ON s.visit_id = n.visit_id WHERE n.visit_id = ?1",
                     visit_id, PALP_TYPE_SOAP_NOTE, note_row, error);
  return palp_store_first_item (list);
}

/* Each technique: an object with a name, whole minutes 1–600, and
 * optionally regions (text) and intra_oral (true or false). */
static gboolean
techniques_ok (PalpStore  *self,
               const char *json)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!json_is (self, json, "array"))
    return FALSE;
  stmt = palp_store_prepare (self,
                             "SELECT count (*) FROM json_each (?1) WHERE type != 'object'"
                             " OR coalesce (json_type (value, '$.name'), '') != 'text'"
                             " OR length (trim (json_extract (value, '$.name'))) NOT BETWEEN 1 AND 120"
                             " OR coalesce (json_type (value, '$.minutes'), '') != 'integer'"
                             " OR json_extract (value, '$.minutes') NOT BETWEEN 1 AND 600"
                             " OR coalesce (json_type (value, '$.regions'), 'text') != 'text'"
                             " OR coalesce (json_type (value, '$.intra_oral'), 'false')"
                             "    NOT IN ('true', 'false')", NULL);
  if (stmt == NULL)
    return FALSE;
  palp_store_bind_text (stmt, 1, json);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

gboolean
palp_store_save_soap_note (PalpStore     *self,
                           PalpSoapNote  *note,
                           GError       **error)
{
  static const char *props[] = {
    "visit-id", "subjective", "objective", "assessment", "plan-text", "techniques", "draping",
    "gloves", "check-ins", "adverse-effects", "updated-at", "has-pain", "pain", NULL,
  };
  static const char *texts[] = { "subjective", "objective", "assessment", "plan-text" };
  g_autofree char *now = palp_store_now_string ();
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_SOAP_NOTE (note), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!palp_store_text_ok (palp_soap_note_get_string (note, texts[i]), 20000, FALSE, NULL, error))
      return FALSE;
  if (!palp_store_text_ok (palp_soap_note_get_string (note, "adverse-effects"), 4000, FALSE, NULL, error))
    return FALSE;
  if (palp_soap_note_get_int (note, "has-pain") &&
      (palp_soap_note_get_int (note, "pain") < 0 || palp_soap_note_get_int (note, "pain") > 10))
    return palp_store_invalid (error, _("Pain is rated from 0 to 10."));
  if (palp_soap_note_get_string (note, "techniques") == NULL)
    g_object_set (note, "techniques", "[]", NULL);
  if (!techniques_ok (self, palp_soap_note_get_string (note, "techniques")))
    return palp_store_invalid (error, _("Each technique needs a name and its minutes (1 to 600)."));
  if (!flag_ok (note, "draping") || !flag_ok (note, "gloves") || !flag_ok (note, "check-ins") ||
      !flag_ok (note, "has-pain"))
    return palp_store_invalid (error, _("Draping, gloves and check-ins are done or not."));
  if (!may_document (self, palp_soap_note_get_int (note, "visit-id"), error))
    return FALSE;

  g_object_set (note, "updated-at", now, NULL);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  /* Pain is NULL unless rated. */
  ok = palp_store_exec_props (self,
                              "INSERT INTO soap_notes (visit_id, subjective, objective,"
                              " assessment, plan_text, techniques, draping, gloves, check_ins,"
                              " adverse_effects, updated_at, pain, created_at, author_id) VALUES"
                              " (?1, ?2, ?3, ?4, ?5, json (?6), ?7, ?8, ?9, ?10, ?11, CASE WHEN"
                              " ?12 = 1 THEN ?13 END, ?11, palp_actor ()) ON CONFLICT (visit_id)"
                              " DO UPDATE SET subjective = excluded.subjective, objective ="
                              " excluded.objective, assessment = excluded.assessment, plan_text ="
                              " excluded.plan_text, techniques = excluded.techniques, draping ="
                              " excluded.draping, gloves = excluded.gloves, check_ins ="
                              " excluded.check_ins, adverse_effects = excluded.adverse_effects,"
                              " pain = excluded.pain, updated_at = max (excluded.updated_at,"
                              " created_at)",
                              note, props, error);
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  if (palp_soap_note_get_int (note, "author-id") == 0)
    g_object_set (note, "author-id", palp_store_get_actor (self), NULL);
  if (palp_soap_note_get_string (note, "created-at") == NULL)
    g_object_set (note, "created-at", now, NULL);
  return TRUE;
}

GListModel *
palp_store_list_amendments (PalpStore  *self,
                            gint64      visit_id,
                            GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT id, visit_id, author_id, created_at, reason, text"
                           " FROM note_amendments WHERE visit_id = ?1 ORDER BY id",
                     visit_id, PALP_TYPE_AMENDMENT, amendment_row, error);
}

gint64
palp_store_add_amendment (PalpStore   *self,
                          gint64       visit_id,
                          const char  *reason,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();
  gint64 practitioner, id = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), 0);

  if (!palp_store_text_ok (reason, 500, TRUE, _("Say why the note is amended."), error) ||
      !palp_store_text_ok (text, 20000, TRUE, _("Write the amendment."), error))
    return 0;
  practitioner = query_int (self, "SELECT practitioner_id FROM visits WHERE id = ?1", visit_id,
                            NULL, 0);
  if (practitioner == 0)
    {
      palp_store_not_found (error, _("This visit no longer exists."));
      return 0;
    }
  if (!palp_store_require (self, PALP_ACTION_AMEND_NOTES, practitioner, error))
    return 0;
  if (!visit_is_signed (self, visit_id))
    {
      palp_store_refuse (error, _("This note is not signed yet: edit the draft instead of amending it."));
      return 0;
    }

  if (!palp_store_tx_begin (self, error))
    return 0;
  stmt = palp_store_prepare (self, "INSERT INTO note_amendments (visit_id, author_id, created_at,"
                                   " reason, text) VALUES (?1, palp_actor (), ?2, ?3, ?4)", error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason));

      sqlite3_bind_int64 (stmt, 1, visit_id);
      palp_store_bind_text (stmt, 2, now);
      palp_store_bind_text (stmt, 3, trimmed);
      palp_store_bind_text (stmt, 4, text);
      ok = palp_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (palp_store_get_db (self));
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return 0;
  return id;
}

GListModel *
palp_store_list_gate_overrides (PalpStore  *self,
                                gint64      visit_id,
                                GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  return palp_store_list_by_id (self, "SELECT id, visit_id, gate, reason, by_id, at FROM gate_overrides"
                           " WHERE visit_id = ?1 ORDER BY id",
                     visit_id, PALP_TYPE_GATE_OVERRIDE, override_row, error);
}

gint64
palp_store_record_gate_override (PalpStore   *self,
                                 gint64       visit_id,
                                 const char  *gate,
                                 const char  *reason,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = palp_store_now_string ();
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), 0);

  /* A gate's key, or "rule:" and a regional rule's id. */
  if (gate == NULL || *gate == '\0' || strlen (gate) > 100 ||
      strspn (gate, "abcdefghijklmnopqrstuvwxyz0123456789-:") != strlen (gate))
    {
      palp_store_invalid (error, _("Name the safety check that is overridden."));
      return 0;
    }
  if (!palp_store_text_ok (reason, 500, TRUE, _("Say why the safety check is overridden."), error) ||
      !may_document (self, visit_id, error) || !palp_store_tx_begin (self, error))
    return 0;
  stmt = palp_store_prepare (self, "INSERT INTO gate_overrides (visit_id, gate, reason, by_id, at)"
                                   " VALUES (?1, ?2, ?3, palp_actor (), ?4)", error);
  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (reason));

      sqlite3_bind_int64 (stmt, 1, visit_id);
      palp_store_bind_text (stmt, 2, gate);
      palp_store_bind_text (stmt, 3, trimmed);
      palp_store_bind_text (stmt, 4, now);
      ok = palp_store_step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (palp_store_get_db (self));
    }
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return 0;
  return id;
}

/* Check ------------------------------------------------------------------- */

static const PalpStoreCheck clinical_checks[] = {
  { "note-after-signature",
    "SELECT n.visit_id, n.updated_at FROM soap_notes n"
    " JOIN visit_signatures s ON s.visit_id = n.visit_id WHERE n.updated_at > s.signed_at",
    "the note of visit %s changed after it was signed (at %s)" },
  { "amendment-unsigned",
    "SELECT a.id, a.visit_id FROM note_amendments a"
    " WHERE a.visit_id NOT IN (SELECT visit_id FROM visit_signatures)",
    "amendment %s is on visit %s, whose note is not signed" },
  { "consent-revocation",
    "SELECT id, client_id FROM consents WHERE (revoked_at IS NULL) != (revoked_by IS NULL)"
    " OR (revoked_at IS NULL) != (revoke_reason IS NULL)"
    " OR (revoked_at IS NOT NULL AND revoked_at < signed_at)",
    "consent %s of client %s has an incomplete revocation or one before its signature" },
  { "consent-revocation",
    "SELECT c.id, c.revoked_at FROM consents c JOIN audit_log a"
    " ON a.table_name = 'consents' AND a.row_id = c.id AND a.action = 'revoke'"
    " GROUP BY c.id HAVING count (*) > 1 OR c.revoked_at IS NULL",
    "consent %s was revoked more than once, or its revocation (%s) was undone" },
  { "measurement-client",
    "SELECT m.id, m.visit_id FROM measurements m JOIN visits v ON v.id = m.visit_id"
    " JOIN plan_goals g ON g.id = m.goal_id JOIN plans p ON p.id = g.plan_id"
    " WHERE p.client_id != v.client_id",
    "measurement %s at visit %s is of another client's goal" },
  { "signed-record-changed",
    "SELECT e.visit_id, e.table_name || ' ' || e.row_id || ' at ' || e.at FROM ("
    "  SELECT a.table_name, a.row_id, a.at,"
    "   CASE a.table_name WHEN 'soap_notes' THEN a.row_id"
    "    WHEN 'chart_marks' THEN coalesce (json_extract (a.after, '$.visit_id'),"
    "                                      (SELECT visit_id FROM chart_marks WHERE id = a.row_id))"
    "    WHEN 'measurements' THEN coalesce (json_extract (a.after, '$.visit_id'),"
    "                                       json_extract (a.before, '$.visit_id'),"
    "                                       (SELECT visit_id FROM measurements WHERE id = a.row_id))"
    "    ELSE coalesce (json_extract (a.after, '$.visit_id'), json_extract (a.before, '$.visit_id'),"
    "                   (SELECT visit_id FROM oral_assessments WHERE id = a.row_id)) END"
    "   AS visit_id"
    "  FROM audit_log a WHERE a.action IN ('insert', 'update', 'delete')"
    "  AND a.table_name IN ('soap_notes', 'chart_marks', 'measurements', 'oral_assessments')) e"
    " JOIN visit_signatures s ON s.visit_id = e.visit_id"
    " WHERE datetime (e.at) > datetime (s.signed_at, 'utc')",
    "the signed record of visit %s was changed after its signature: %s" },
  { "override-unsigned",
    "SELECT o.id, o.visit_id FROM gate_overrides o"
    " WHERE o.visit_id NOT IN (SELECT visit_id FROM visit_signatures)",
    "override %s is on visit %s, whose note is not signed" },
  { "override-after-signature",
    "SELECT o.id, o.visit_id FROM gate_overrides o"
    " JOIN visit_signatures s ON s.visit_id = o.visit_id WHERE o.at > s.signed_at",
    "override %s was recorded after visit %s was signed" },
  { "signature-practitioner",
    "SELECT s.visit_id, s.signed_by FROM visit_signatures s JOIN visits v ON v.id = s.visit_id"
    " WHERE s.signed_by != v.practitioner_id",
    "visit %s was signed by user %s, not its practitioner" },
  { "clinical-settings",
    "SELECT count (*), '' FROM clinical_settings HAVING count (*) != 1",
    "the clinic has %s rows of clinical settings instead of one%s" },
  { "primary-diagnosis",
    "SELECT client_id, count (*) FROM diagnoses WHERE is_primary = 1"
    " GROUP BY client_id HAVING count (*) > 1",
    "client %s has %s primary diagnoses" },
};

gboolean
palp_store_check_clinical (PalpStore  *self,
                           GPtrArray  *problems,
                           GError    **error)
{
  return palp_store_run_checks (self, clinical_checks, G_N_ELEMENTS (clinical_checks), problems,
                                error);
}

