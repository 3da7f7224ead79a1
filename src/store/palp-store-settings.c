/* palp-store-settings.c: the clinic's clinical settings and rules
 *
 * One row (clinical_settings, schema 7) holds what the clinic changed of
 * the safety and progress defaults — how old a screening or an oral
 * assessment may be, each contraindication's severity, each measure's
 * minimal important change, the plateau window — and its edited copy of
 * the jurisdiction rules. Only admins change them; a save is checked in
 * full first and writes nothing when any part is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-progress.h"
#include "palp-store-private.h"

#define RULES_RESOURCE "/io/github/palpate/Palpate/rules/jurisdictions.json"

/* Limits of the settings, as the schema's CHECKs have them. */
#define MAX_SCREENING_AGE_DAYS 3650
#define MAX_ORAL_AGE_DAYS      365
#define MIN_PLATEAU_VISITS     2
#define MAX_PLATEAU_VISITS     50
#define MAX_RULES_BYTES        500000

void
palp_clinical_settings_init_default (PalpClinicalSettings *settings)
{
  g_return_if_fail (settings != NULL);

  palp_screening_settings_init_default (&settings->screening);
  palp_measure_settings_init_default (&settings->measures);
  settings->plateau_visits = PALP_PLATEAU_DEFAULT_VISITS;
}

gboolean
palp_store_load_clinical_settings (PalpStore             *self,
                                   PalpClinicalSettings  *out,
                                   GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  palp_clinical_settings_init_default (out);
  stmt = palp_store_prepare (self,
                             "SELECT screening_max_age_days, oral_max_age_days, plateau_visits,"
                             " NULL, NULL FROM clinical_settings WHERE id = 1"
                             " UNION ALL SELECT NULL, NULL, NULL, 'mic:' || key, value"
                             " FROM clinical_settings, json_each (measure_mic) WHERE clinical_settings.id = 1"
                             " UNION ALL SELECT NULL, NULL, NULL, 'severity:' || key, value"
                             " FROM clinical_settings, json_each (severities) WHERE clinical_settings.id = 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 3);

      if (key == NULL)
        {
          out->screening.max_age_days = (guint) sqlite3_column_int (stmt, 0);
          out->screening.oral_max_age_days = (guint) sqlite3_column_int (stmt, 1);
          out->plateau_visits = (guint) sqlite3_column_int (stmt, 2);
        }
      else if (g_str_has_prefix (key, "mic:"))
        {
          PalpMeasureKind kind;

          if (palp_measure_kind_from_key (key + 4, &kind) && kind != PALP_MEASURE_CUSTOM)
            out->measures.mic[kind] = sqlite3_column_double (stmt, 4);
        }
      else
        {
          PalpContraKind kind;
          PalpSeverity severity;

          if (palp_contra_kind_from_key (key + strlen ("severity:"), &kind) &&
              palp_severity_from_key ((const char *) sqlite3_column_text (stmt, 4), &severity))
            out->screening.severity[kind] = severity;
        }
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return TRUE;
}

static gboolean
settings_validate (const PalpClinicalSettings  *settings,
                   GError                     **error)
{
  g_autoptr(GError) local = NULL;

  if (settings->screening.max_age_days < 1 ||
      settings->screening.max_age_days > MAX_SCREENING_AGE_DAYS)
    return palp_store_invalid (error, _("A screening must be asked again after 1 to 3650 days."));
  if (settings->screening.oral_max_age_days > MAX_ORAL_AGE_DAYS)
    return palp_store_invalid (error, _("An oral assessment may be at most 365 days old."));
  if (settings->plateau_visits < MIN_PLATEAU_VISITS ||
      settings->plateau_visits > MAX_PLATEAU_VISITS)
    return palp_store_invalid (error, _("A plateau is looked for over 2 to 50 visits."));
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    if ((guint) settings->screening.severity[i] > PALP_SEVERITY_NEEDS_CLEARANCE)
      return palp_store_invalid (error, _("Each contraindication needs a severity: absolute, local or "
                               "needs clearance."));
  if (!palp_measure_settings_validate (&settings->measures, &local))
    return palp_store_invalid (error, local->message);
  return TRUE;
}

gboolean
palp_store_save_clinical_settings (PalpStore                   *self,
                                   const PalpClinicalSettings  *settings,
                                   GError                     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) mic = g_string_new ("{");
  g_autoptr(GString) severities = g_string_new ("{");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!settings_validate (settings, error) ||
      !palp_store_require (self, PALP_ACTION_EDIT_CLINIC, 0, error))
    return FALSE;

  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (mic, "%s\"%s\":%s", i > 0 ? "," : "",
                              palp_measure_kind_to_key ((PalpMeasureKind) i),
                              g_ascii_dtostr (number, sizeof number, settings->measures.mic[i]));
    }
  g_string_append_c (mic, '}');
  for (guint i = 0; i < PALP_CONTRA_KIND_COUNT; i++)
    g_string_append_printf (severities, "%s\"%s\":\"%s\"", i > 0 ? "," : "",
                            palp_contra_kind_to_key ((PalpContraKind) i),
                            palp_severity_to_key (settings->screening.severity[i]));
  g_string_append_c (severities, '}');

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self,
                             "UPDATE clinical_settings SET screening_max_age_days = ?1,"
                             " oral_max_age_days = ?2, plateau_visits = ?3, measure_mic = ?4,"
                             " severities = ?5, updated_by = palp_actor (), updated_at = ?6"
                             " WHERE id = 1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, (int) settings->screening.max_age_days);
      sqlite3_bind_int (stmt, 2, (int) settings->screening.oral_max_age_days);
      sqlite3_bind_int (stmt, 3, (int) settings->plateau_visits);
      palp_store_bind_text (stmt, 4, mic->str);
      palp_store_bind_text (stmt, 5, severities->str);
      palp_store_bind_text (stmt, 6, at);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Rules ------------------------------------------------------------------- */

static GBytes *
shipped_rules (GError **error)
{
  return g_resources_lookup_data (RULES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

char *
palp_store_get_rules_json (PalpStore  *self,
                           gboolean   *out_is_default,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  stmt = palp_store_prepare (self, "SELECT rules FROM clinical_settings WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      if (out_is_default)
        *out_is_default = FALSE;
      return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  if (!(bytes = shipped_rules (error)))
    return NULL;
  if (out_is_default)
    *out_is_default = TRUE;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

GPtrArray *
palp_store_load_rules (PalpStore  *self,
                       GError    **error)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  GPtrArray *rules;
  gsize len;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(json = palp_store_get_rules_json (self, NULL, error)))
    return NULL;
  len = strlen (json);
  bytes = g_bytes_new_take (g_steal_pointer (&json), len);
  if (!(rules = palp_rules_parse (bytes, &local)))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   /* Translators: %s says what is wrong with the rules. */
                   _("The clinic's jurisdiction rules cannot be read: %s"), local->message);
      return NULL;
    }
  return rules;
}

gboolean
palp_store_save_rules_json (PalpStore   *self,
                            const char  *json,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) rules = NULL;
      g_autoptr(GError) local = NULL;
      gsize len = strlen (json);

      if (len > MAX_RULES_BYTES)
        return palp_store_invalid (error, _("The jurisdiction rules are too long (at most 500,000 "
                                 "bytes)."));
      if (!g_utf8_validate (json, (gssize) len, NULL))
        return palp_store_invalid (error, _("The jurisdiction rules are not UTF-8 text."));
      bytes = g_bytes_new_static (json, len);
      if (!(rules = palp_rules_parse (bytes, &local)))
        return palp_store_invalid (error, local->message);
    }
  if (!palp_store_require (self, PALP_ACTION_EDIT_CLINIC, 0, error) ||
      !palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self,
                             "UPDATE clinical_settings SET rules = ?1, updated_by = palp_actor (),"
                             " updated_at = ?2 WHERE id = 1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      if (json != NULL)
        sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
      palp_store_bind_text (stmt, 2, at);
      ok = palp_store_step_done (self, stmt, error);
    }
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}
