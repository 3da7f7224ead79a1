/* palp-store-sign.c: signing a visit's note
 *
 * The rules live in src/core (palp_sign_check ()); this file gathers what
 * they read from the record, as of the visit's date:
 *
 *  - the signer: the acting user's roles and whether the account is
 *    active; their licence current on the visit's date (else the latest
 *    one, so the reason can say when it ran out), its jurisdiction — a
 *    bare "WA" is read in the clinic's country, "US-WA" — and the
 *    endorsements current on that date in the same jurisdiction.
 *    Intra-oral training counts as on file when an "intra-oral" or
 *    "intra-oral-training" endorsement is;
 *  - the screening: the client's latest on or before the visit, and its
 *    findings. A change is taken as reported when a health-history version
 *    saying what changed ("reported_change") was recorded at or after
 *    that screening, by the visit's date. A local finding
 *    is covered when the visit's chart has an "avoid" mark in its region
 *    (or any "avoid" mark, when the finding names no region);
 *  - what the visit did: intra-oral when a technique of the note says
 *    intra_oral, or a "treated" mark lies on the intra-oral view; TMJ work
 *    when the client has a current TMJ diagnosis (ICD-10-CM M26.6x), or a
 *    technique or "treated" mark covers the joint or a muscle of
 *    mastication (regions named tmj, masseter, temporalis or pterygoid);
 *  - the visit's oral assessment (its structures and conditions; dated the
 *    visit's day, as it belongs to the visit), gloves from the assessment
 *    or the note, and an intra-oral consent signed by the visit's date and
 *    not revoked by then;
 *  - the client's latest referral dated on or before the visit (every
 *    referral on file is a written one), its expiry and regions, against
 *    the regions of the techniques and "treated" marks;
 *  - the clinic's rules and settings.
 *
 * Signing checks again inside its own transaction, records each override
 * used and writes the signature, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-store-private.h"

typedef struct
{
  GPtrArray              *strings;  /* owns every string below */
  PalpActor               signer;
  gint64                  visit_id;
  gint64                  client_id;
  char                   *status;
  PalpClinicalSettings    settings;
  GPtrArray              *rules;
  GArray                 *findings;  /* PalpScreeningFinding */
  GPtrArray              *endorsements;
  GPtrArray              *prescribed;
  GPtrArray              *treated;
  PalpOralExam            oral;
  gboolean                has_note;
  PalpSignInput           input;
} SignData;

static void
sign_data_clear (SignData *d)
{
  g_clear_pointer (&d->rules, g_ptr_array_unref);
  g_clear_pointer (&d->findings, g_array_unref);
  g_clear_pointer (&d->endorsements, g_ptr_array_unref);
  g_clear_pointer (&d->prescribed, g_ptr_array_unref);
  g_clear_pointer (&d->treated, g_ptr_array_unref);
  g_clear_pointer (&d->strings, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SignData, sign_data_clear)

/* A copy of the column kept with @d, or NULL. */
static const char *
keep (SignData     *d,
      sqlite3_stmt *stmt,
      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (d->strings, copy);
  return copy;
}

static gboolean
strv_array_has (GPtrArray  *array,
                const char *text)
{
  for (guint i = 0; i + 1 < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the comma-separated region ids of @list to @array (NULL-terminated,
 * no repeats). */
static void
add_regions (SignData   *d,
             GPtrArray  *array,
             const char *list)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *region = g_strstrip (parts[i]);

      if (*region == '\0' || strv_array_has (array, region))
        continue;
      region = g_strdup (region);
      g_ptr_array_add (d->strings, region);
      g_ptr_array_insert (array, (gint) array->len - 1, region);
    }
}

/* Regions of the jaw joint and the muscles of mastication. */
static gboolean
region_is_tmj (const char *region)
{
  static const char * const parts[] = { "tmj", "masseter", "temporalis", "pterygoid" };
  g_auto(GStrv) words = g_strsplit (region, ".", -1);

  for (guint i = 0; words[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
      if (g_str_has_prefix (words[i], parts[k]))
        return TRUE;
  return FALSE;
}

static sqlite3_stmt *
query (PalpStore   *self,
       const char  *sql,
       gint64       id,
       const char  *date,
       GError     **error)
{
  sqlite3_stmt *stmt = palp_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (date != NULL)
    palp_store_bind_text (stmt, 2, date);
  return stmt;
}

static gboolean
step_error (PalpStore  *self,
            int         rc,
            GError    **error)
{
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return palp_store_set_db_error (error, palp_store_get_db (self), rc);
}

static gboolean
gather_signer (PalpStore  *self,
               SignData   *d,
               GError    **error)
{
  g_autoptr(PalpUser) user = NULL;
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *visit_date = d->input.visit_date;
  const char *jurisdiction = NULL;
  int rc;

  d->signer.user_id = palp_store_get_actor (self);
  if (d->signer.user_id <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Choose who you are before changing the record."));
      return FALSE;
    }
  if (!(user = palp_store_load_user (self, d->signer.user_id, error)))
    return FALSE;
  d->signer.roles = palp_user_get_roles (user);
  g_object_get (user, "active", &d->signer.active, NULL);
  d->input.signer = &d->signer;

  /* The licence current on the visit's date first, else the latest. */
  stmt = query (self, "SELECT jurisdiction, issued, expires FROM licences"
                      " WHERE user_id = ?1 AND kind = 'licence'"
                      " ORDER BY (coalesce (issued, '') <= ?2"
                      "           AND coalesce (expires, '9999-12-31') >= ?2) DESC,"
                      "          coalesce (expires, '9999-12-31') DESC, id DESC LIMIT 1",
                d->signer.user_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      d->input.has_licence = TRUE;
      jurisdiction = keep (d, stmt, 0);
      d->input.licence_valid_from = keep (d, stmt, 1);
      d->input.licence_expires = keep (d, stmt, 2);
    }
  else if (!step_error (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (jurisdiction != NULL && *jurisdiction != '\0')
    {
      if (strchr (jurisdiction, '-') == NULL)
        {
          char *full;

          if (!(clinic = palp_store_load_clinic (self, error)))
            return FALSE;
          full = g_ascii_strup (palp_clinic_get_country (clinic) != NULL
                                ? palp_clinic_get_country (clinic) : "US", -1);
          g_ptr_array_add (d->strings, full);
          full = g_strconcat (full, "-", jurisdiction, NULL);
          g_ptr_array_add (d->strings, full);
          d->input.licence_jurisdiction = full;
        }
      else
        d->input.licence_jurisdiction = jurisdiction;
    }

  /* Endorsements current on the visit's date, in the licence's place. */
  stmt = query (self, "SELECT endorsement, jurisdiction FROM licences"
                      " WHERE user_id = ?1 AND kind = 'endorsement'"
                      " AND coalesce (issued, '') <= ?2"
                      " AND coalesce (expires, '9999-12-31') >= ?2 ORDER BY id",
                d->signer.user_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = keep (d, stmt, 0);
      const char *where = (const char *) sqlite3_column_text (stmt, 1);

      if (where != NULL && *where != '\0' && jurisdiction != NULL &&
          g_ascii_strcasecmp (where, jurisdiction) != 0 &&
          g_ascii_strcasecmp (where, d->input.licence_jurisdiction) != 0)
        continue;
      g_ptr_array_insert (d->endorsements, (gint) d->endorsements->len - 1, (gpointer) name);
      if (g_strcmp0 (name, "intra-oral") == 0 || g_strcmp0 (name, "intra-oral-training") == 0)
        d->input.intra_oral_training = TRUE;
    }
  d->input.endorsements = (const char * const *) d->endorsements->pdata;
  return step_error (self, rc, error);
}

static gboolean
gather_screening (PalpStore  *self,
                  SignData   *d,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) avoid = g_ptr_array_new ();
  const char *visit_date = d->input.visit_date;
  const char *taken_at = NULL;
  gint64 screening_id = 0;
  gboolean any_avoid = FALSE, covered = TRUE;
  int rc;

  g_ptr_array_add (avoid, NULL);
  stmt = query (self, "SELECT id, taken_on, taken_at FROM screenings"
                      " WHERE client_id = ?1 AND taken_on <= ?2"
                      " ORDER BY taken_on DESC, id DESC LIMIT 1",
                d->client_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      screening_id = sqlite3_column_int64 (stmt, 0);
      d->input.screened_on = keep (d, stmt, 1);
      taken_at = keep (d, stmt, 2);
    }
  else if (!step_error (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (screening_id == 0)
    return TRUE;

  /* A change reported since: a health-history version that says what
   * changed ("reported_change"), recorded at or after the screening, by
   * the visit's date. A routine update of the history is not one. This
   * is the rule the client's Health tab shows. */
  stmt = query (self, "SELECT count (*) FROM health_histories WHERE client_id = ?1"
                      " AND taken_on <= ?2 AND recorded_at >= ?3"
                      " AND json_type (answers, '$.reported_change') IS NOT NULL"
                      " AND json_type (answers, '$.reported_change') != 'null'",
                d->client_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  palp_store_bind_text (stmt, 3, taken_at);
  rc = sqlite3_step (stmt);
  if (!step_error (self, rc, error))
    return FALSE;
  d->input.change_reported = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The chart's areas to avoid. */
  stmt = query (self, "SELECT regions FROM chart_marks WHERE visit_id = ?1 AND kind = 'avoid'",
                d->visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      any_avoid = TRUE;
      add_regions (d, avoid, (const char *) sqlite3_column_text (stmt, 0));
    }
  if (!step_error (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = query (self, "SELECT kind, severity, note, region_id, clearance_on_file"
                      " FROM screening_findings WHERE screening_id = ?1 ORDER BY id",
                screening_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PalpScreeningFinding finding = { 0 };
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *severity = (const char *) sqlite3_column_text (stmt, 1);
      const char *region = (const char *) sqlite3_column_text (stmt, 3);

      /* Kinds the core does not know are named by their note or key. */
      if (!palp_contra_kind_from_key (kind, &finding.kind))
        {
          finding.kind = PALP_CONTRA_OTHER;
          finding.note = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? keep (d, stmt, 2)
                                                                      : keep (d, stmt, 0);
        }
      else
        finding.note = keep (d, stmt, 2);
      if (g_strcmp0 (severity, "absolute") == 0)
        finding.severity = PALP_SEVERITY_ABSOLUTE;
      else if (g_strcmp0 (severity, "local") == 0)
        {
          finding.severity = PALP_SEVERITY_LOCAL;
          if (region != NULL ? !strv_array_has (avoid, region) : !any_avoid)
            covered = FALSE;
        }
      else
        finding.severity = PALP_SEVERITY_NEEDS_CLEARANCE;
      finding.clearance_date = keep (d, stmt, 4);
      g_array_append_val (d->findings, finding);
    }
  if (!step_error (self, rc, error))
    return FALSE;
  d->input.findings = (const PalpScreeningFinding *) (gpointer) d->findings->data;
  d->input.n_findings = d->findings->len;
  d->input.chart_has_avoid_zone = covered;
  return TRUE;
}

static gboolean
gather_work (PalpStore  *self,
             SignData   *d,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *visit_date = d->input.visit_date;
  gboolean note_gloves = FALSE;
  int rc;

  /* Techniques of the note. */
  stmt = query (self, "SELECT n.gloves, json_extract (t.value, '$.intra_oral'),"
                      " json_extract (t.value, '$.regions')"
                      " FROM soap_notes n LEFT JOIN json_each (n.techniques) t"
                      " WHERE n.visit_id = ?1",
                d->visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      d->has_note = TRUE;
      note_gloves = sqlite3_column_int (stmt, 0) != 0;
      if (sqlite3_column_int (stmt, 1) != 0)
        d->input.intra_oral = TRUE;
      add_regions (d, d->treated, (const char *) sqlite3_column_text (stmt, 2));
    }
  if (!step_error (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Marks of treated areas. */
  stmt = query (self, "SELECT view, regions FROM chart_marks"
                      " WHERE visit_id = ?1 AND kind = 'treated'",
                d->visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "intra-oral") == 0)
        d->input.intra_oral = TRUE;
      add_regions (d, d->treated, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (!step_error (self, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  d->input.treated_regions = (const char * const *) d->treated->pdata;

  /* TMJ work: a current TMJ diagnosis, or the jaw's regions treated. */
  for (guint i = 0; i + 1 < d->treated->len; i++)
    if (region_is_tmj (g_ptr_array_index (d->treated, i)))
      d->input.tmj = TRUE;
  stmt = query (self, "SELECT count (*) FROM diagnoses WHERE client_id = ?1 AND archived = 0"
                      " AND (code = 'M26.6' OR code GLOB 'M26.6[0-9]*')"
                      " AND (onset_on IS NULL OR onset_on <= ?2)",
                d->client_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!step_error (self, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    d->input.tmj = TRUE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The oral assessment of the visit, and the intra-oral consent. */
  stmt = query (self, "SELECT teeth, gingiva, bone, tongue, surrounding, active_infection,"
                      " lesions, loose_teeth, periodontal_disease, gloves"
                      " FROM oral_assessments WHERE visit_id = ?1",
                d->visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      d->oral.assessed_on = visit_date;
      for (guint i = 0; i < PALP_ORAL_STRUCTURE_COUNT; i++)
        d->oral.structures[i] = sqlite3_column_int (stmt, (int) i) != 0;
      for (guint i = 0; i < PALP_ORAL_CONDITION_COUNT; i++)
        d->oral.conditions[i] = sqlite3_column_int (stmt, (int) (PALP_ORAL_STRUCTURE_COUNT + i))
                                ? PALP_ORAL_PRESENT : PALP_ORAL_ABSENT;
      d->oral.gloves = sqlite3_column_int (stmt, 9) != 0;
    }
  else if (!step_error (self, rc, error))
    return FALSE;
  d->oral.gloves = d->oral.gloves || note_gloves;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = query (self, "SELECT count (*) FROM consents WHERE client_id = ?1"
                      " AND kind = 'intra-oral' AND date (signed_at) <= ?2"
                      " AND (revoked_at IS NULL OR date (revoked_at) > ?2)",
                d->client_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!step_error (self, rc, error))
    return FALSE;
  d->oral.consent = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;
  d->input.oral = &d->oral;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The latest referral dated by the visit. */
  stmt = query (self, "SELECT expires_on, regions FROM referrals"
                      " WHERE client_id = ?1 AND referred_on <= ?2"
                      " ORDER BY referred_on DESC, id DESC LIMIT 1",
                d->client_id, visit_date, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *regions = (const char *) sqlite3_column_text (stmt, 1);

      d->input.has_referral = TRUE;
      d->input.referral_written = TRUE;
      d->input.referral_expires = keep (d, stmt, 0);
      add_regions (d, d->prescribed, regions);
      if (d->prescribed->len > 1)
        d->input.prescribed_regions = (const char * const *) d->prescribed->pdata;
    }
  return step_error (self, rc, error);
}

/* Fills @d for signing @visit_id as the acting user. */
static gboolean
gather (PalpStore               *self,
        gint64                   visit_id,
        const PalpSignOverride  *overrides,
        gsize                    n_overrides,
        SignData                *d,
        GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  d->strings = g_ptr_array_new_with_free_func (g_free);
  d->findings = g_array_new (FALSE, TRUE, sizeof (PalpScreeningFinding));
  d->endorsements = g_ptr_array_new ();
  g_ptr_array_add (d->endorsements, NULL);
  d->prescribed = g_ptr_array_new ();
  g_ptr_array_add (d->prescribed, NULL);
  d->treated = g_ptr_array_new ();
  g_ptr_array_add (d->treated, NULL);
  d->visit_id = visit_id;

  stmt = query (self, "SELECT client_id, practitioner_id, date (starts_at), status FROM visits"
                      " WHERE id = ?1",
                visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (!step_error (self, rc, error))
        return FALSE;
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This visit no longer exists."));
      return FALSE;
    }
  d->client_id = sqlite3_column_int64 (stmt, 0);
  d->input.visit_practitioner_id = sqlite3_column_int64 (stmt, 1);
  d->input.visit_date = keep (d, stmt, 2);
  d->status = (char *) keep (d, stmt, 3);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!palp_store_load_clinical_settings (self, &d->settings, error) ||
      !(d->rules = palp_store_load_rules (self, error)))
    return FALSE;
  d->input.settings = &d->settings.screening;
  d->input.rules = d->rules;
  d->input.overrides = overrides;
  d->input.n_overrides = n_overrides;

  return gather_signer (self, d, error) && gather_screening (self, d, error) &&
         gather_work (self, d, error);
}

static GPtrArray *
run_check (SignData  *d,
           gboolean  *out_may_sign,
           GError   **error)
{
  g_autoptr(GError) local = NULL;
  GPtrArray *results = palp_sign_check (&d->input, out_may_sign, &local);

  if (results == NULL)
    g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, local->message);
  return results;
}

GPtrArray *
palp_store_check_signing (PalpStore               *self,
                          gint64                   visit_id,
                          const PalpSignOverride  *overrides,
                          gsize                    n_overrides,
                          gboolean                *out_may_sign,
                          GError                 **error)
{
  g_auto(SignData) d = { 0 };

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (n_overrides == 0 || overrides != NULL, NULL);

  if (out_may_sign != NULL)
    *out_may_sign = FALSE;
  if (!gather (self, visit_id, overrides, n_overrides, &d, error))
    return NULL;
  return run_check (&d, out_may_sign, error);
}

static gboolean
sign_locked (PalpStore               *self,
             gint64                   visit_id,
             const PalpSignOverride  *overrides,
             gsize                    n_overrides,
             const char              *now,
             GError                 **error)
{
  g_auto(SignData) d = { 0 };
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean may_sign = FALSE;
  int rc;

  if (!gather (self, visit_id, overrides, n_overrides, &d, error))
    return FALSE;

  stmt = query (self, "SELECT count (*) FROM visit_signatures WHERE visit_id = ?1",
                visit_id, NULL, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (!step_error (self, rc, error))
    return FALSE;
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
    return palp_store_refuse (error, _("This visit is already signed."));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!(results = run_check (&d, &may_sign, error)))
    return FALSE;
  if (!may_sign)
    {
      for (guint i = 0; i < results->len; i++)
        {
          PalpGateResult *r = g_ptr_array_index (results, i);

          if (r->status == PALP_GATE_BLOCKED)
            {
              g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                           /* Translators: the safety check's title, then what blocks it. */
                           _("%s: %s"), r->title, r->reason);
              return FALSE;
            }
        }
      return palp_store_refuse (error, _("A safety check blocks signing this note."));
    }
  if (g_strcmp0 (d.status, "cancelled") == 0 || g_strcmp0 (d.status, "no-show") == 0)
    return palp_store_refuse (error, _("This visit did not take place: there is no note to sign."));
  if (!d.has_note)
    return palp_store_refuse (error, _("Write the visit's note before signing it."));

  stmt = palp_store_prepare (self, "INSERT INTO gate_overrides (visit_id, gate, reason, by_id, at)"
                                   " VALUES (?1, ?2, ?3, palp_actor (), ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < results->len; i++)
    {
      PalpGateResult *r = g_ptr_array_index (results, i);
      g_autofree char *reason = NULL;

      if (r->status != PALP_GATE_OVERRIDDEN)
        continue;
      reason = g_strstrip (g_strdup (r->override_reason));
      if (g_utf8_strlen (reason, -1) > 500)
        return palp_store_refuse (error, _("Say why the safety check is overridden in at most 500 "
                                "characters."));
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, visit_id);
      palp_store_bind_text (stmt, 2, r->key);
      palp_store_bind_text (stmt, 3, reason);
      palp_store_bind_text (stmt, 4, now);
      if (!palp_store_step_done (self, stmt, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = palp_store_prepare (self, "INSERT INTO visit_signatures (visit_id, signed_at, signed_by)"
                                   " VALUES (?1, ?2, palp_actor ())", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  palp_store_bind_text (stmt, 2, now);
  return palp_store_step_done (self, stmt, error);
}

gboolean
palp_store_sign_note (PalpStore               *self,
                      gint64                   visit_id,
                      const PalpSignOverride  *overrides,
                      gsize                    n_overrides,
                      GError                 **error)
{
  g_autoptr(GDateTime) when = g_date_time_new_now_local ();
  g_autofree char *now = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_overrides == 0 || overrides != NULL, FALSE);

  if (palp_store_get_actor (self) <= 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NO_USER,
                   _("Choose who you are before changing the record."));
      return FALSE;
    }
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  ok = sign_locked (self, visit_id, overrides, n_overrides, now, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Unsigned notes ------------------------------------------------------------ */

static GObject *
visit_row (PalpStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  static const char * const props[] = {
    "id", "client-id", "practitioner-id", "starts-at", "duration-minutes", "status",
    "client-name", "practitioner-name", NULL
  };

  return palp_store_row_to_record (PALP_TYPE_VISIT, props, stmt);
}

GListModel *
palp_store_list_unsigned_visits (PalpStore  *self,
                                 gint64      practitioner_id,
                                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self,
                             "SELECT v.id, v.client_id, v.practitioner_id, v.starts_at,"
                             " v.duration_minutes, v.status,"
                             " trim (coalesce (nullif (c.preferred_name, ''), c.given_name) || ' '"
                             "       || c.family_name),"
                             " u.display_name"
                             " FROM visits v JOIN clients c ON c.id = v.client_id"
                             " JOIN users u ON u.id = v.practitioner_id"
                             " WHERE v.status = 'attended'"
                             " AND NOT EXISTS (SELECT 1 FROM visit_signatures s"
                             "                 WHERE s.visit_id = v.id)"
                             " AND (?1 = 0 OR v.practitioner_id = ?1)"
                             /* An esthetic or retail visit needs a service
                              * record, not a SOAP note. */
                             " AND (NOT EXISTS (SELECT 1 FROM visit_lines l"
                             "                  WHERE l.visit_id = v.id)"
                             "      OR EXISTS (SELECT 1 FROM visit_lines l"
                             "                 WHERE l.visit_id = v.id"
                             "                 AND l.category = 'therapeutic'))"
                             " ORDER BY v.starts_at, v.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, practitioner_id);
  return palp_store_collect (self, stmt, PALP_TYPE_VISIT, visit_row, error);
}
