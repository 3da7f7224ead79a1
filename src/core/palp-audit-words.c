/* palp-audit-words.c: the audit log in words, and its kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "palp-audit-words.h"

/* The actions written about a user's own sign-in (src/store), not about a
 * row of the record. */
static const char * const sign_in_actions[] = {
  "sign-in", "sign-in-failed", "sign-in-refused", "lock-out", "lock", "unlock", "sign-out",
  NULL,
};

/* Changes to rows, as opposed to sign-ins on the users table. */
static const char * const row_actions[] = {
  "insert", "update", "delete", "import", NULL,
};

static const char * const client_tables[] = { "clients", NULL };
static const char * const visit_tables[] = { "visits", "visit_lines", NULL };
static const char * const note_tables[] = { "soap_notes", NULL };
static const char * const chart_tables[] = { "chart_marks", "measurements", NULL };
static const char * const billing_tables[] = { "receipts", "payments", NULL };
static const char * const clinical_tables[] = {
  "health_histories", "screenings", "screening_findings", "consents", "oral_assessments",
  "diagnoses", "plans", "plan_goals", "plan_diagnoses", "referrals", "referral_diagnoses",
  "gate_overrides", NULL,
};
static const char * const insurance_tables[] = {
  "payers", "payer_fees", "policies", "authorisations", "authorisation_uses",
  "benefit_signatures", "claims", "claim_lines", "claim_diagnoses", "claim_follow_ups",
  "claim_settings", "issued_letters", NULL,
};
static const char * const settings_tables[] = {
  "clinic", "clinical_settings", "security_settings", "services", "service_taxes", "users",
  "practitioners", "licences", "icd10_imports", NULL,
};

static const struct
{
  const char         *label;
  const char * const *tables;
  const char * const *actions;
} kinds[PALP_AUDIT_KIND_COUNT] = {
  [PALP_AUDIT_KIND_ALL]       = { N_("All changes"), NULL, NULL },
  [PALP_AUDIT_KIND_CLIENTS]   = { N_("Clients"), client_tables, NULL },
  [PALP_AUDIT_KIND_VISITS]    = { N_("Visits"), visit_tables, NULL },
  [PALP_AUDIT_KIND_NOTES]     = { N_("Notes"), note_tables, NULL },
  [PALP_AUDIT_KIND_CHART]     = { N_("Chart and measures"), chart_tables, NULL },
  [PALP_AUDIT_KIND_BILLING]   = { N_("Receipts and payments"), billing_tables, NULL },
  [PALP_AUDIT_KIND_CLINICAL]  = { N_("Clinical record"), clinical_tables, NULL },
  [PALP_AUDIT_KIND_INSURANCE] = { N_("Insurance"), insurance_tables, NULL },
  [PALP_AUDIT_KIND_SETTINGS]  = { N_("Settings and users"), settings_tables, row_actions },
  [PALP_AUDIT_KIND_SIGN_IN]   = { N_("Sign-in"), NULL, sign_in_actions },
};

static const struct
{
  const char *table;
  const char *label;
} tables[] = {
  { "clients",            N_("Client") },
  { "visits",             N_("Visit") },
  { "visit_lines",        N_("Visit line") },
  { "soap_notes",         N_("SOAP note") },
  { "chart_marks",        N_("Chart mark") },
  { "measurements",       N_("Measurement") },
  { "receipts",           N_("Receipt") },
  { "payments",           N_("Payment") },
  { "health_histories",   N_("Health history") },
  { "screenings",         N_("Screening") },
  { "screening_findings", N_("Screening finding") },
  { "consents",           N_("Consent") },
  { "oral_assessments",   N_("Oral assessment") },
  { "diagnoses",          N_("Diagnosis") },
  { "plans",              N_("Treatment plan") },
  { "plan_goals",         N_("Plan goal") },
  { "plan_diagnoses",     N_("Plan diagnosis") },
  { "referrals",          N_("Referral") },
  { "referral_diagnoses", N_("Referral diagnosis") },
  { "gate_overrides",     N_("Safety override") },
  { "payers",             N_("Payer") },
  { "payer_fees",         N_("Payer fee") },
  { "policies",           N_("Insurance policy") },
  { "authorisations",     N_("Authorisation") },
  { "authorisation_uses", N_("Authorised visit") },
  { "benefit_signatures", N_("Signature on file") },
  { "claims",             N_("Claim") },
  { "claim_lines",        N_("Claim line") },
  { "claim_diagnoses",    N_("Claim diagnosis") },
  { "claim_follow_ups",   N_("Claim follow-up") },
  { "claim_settings",     N_("Claim settings") },
  { "issued_letters",     N_("Issued letter") },
  { "clinic",             N_("Clinic") },
  { "clinical_settings",  N_("Clinical settings") },
  { "security_settings",  N_("Security settings") },
  { "services",           N_("Service") },
  { "service_taxes",      N_("Service tax") },
  { "users",              N_("User") },
  { "practitioners",      N_("Practitioner") },
  { "licences",           N_("Licence") },
  { "icd10_imports",      N_("ICD-10 code list") },
};

static const struct
{
  const char *action;
  const char *label;
} actions[] = {
  { "insert",          N_("Created") },
  { "update",          N_("Changed") },
  { "delete",          N_("Deleted") },
  { "sign",            N_("Signed") },
  { "amend",           N_("Amended") },
  { "void",            N_("Voided") },
  { "revoke",          N_("Revoked") },
  { "override",        N_("Overridden") },
  { "import",          N_("Imported") },
  { "sign-in",         N_("Signed in") },
  { "sign-in-failed",  N_("Sign-in failed") },
  { "sign-in-refused", N_("Sign-in refused") },
  { "lock-out",        N_("Locked out") },
  { "lock",            N_("Locked") },
  { "unlock",          N_("Unlocked") },
  { "sign-out",        N_("Signed out") },
};

/* Values longer than this are cut in the summary; the CSV's before and
 * after columns keep them whole. */
#define VALUE_CHARS 40

static gboolean
kind_is_valid (PalpAuditKind kind)
{
  return (guint) kind < PALP_AUDIT_KIND_COUNT;
}

const char *
palp_audit_kind_get_label (PalpAuditKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return _(kinds[kind].label);
}

const char * const *
palp_audit_kind_get_tables (PalpAuditKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kinds[kind].tables;
}

const char * const *
palp_audit_kind_get_actions (PalpAuditKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kinds[kind].actions;
}

const char *
palp_audit_table_label (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i].table))
      return _(tables[i].label);
  return table != NULL ? table : "";
}

const char *
palp_audit_action_label (const char *action)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i].action))
      return _(actions[i].label);
  return action != NULL ? action : "";
}

gboolean
palp_audit_table_is_narrative (const char *table)
{
  return g_strcmp0 (table, "soap_notes") == 0;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* A value for people: text as it is, nothing as a dash, the rest as
 * JSON; on one line and cut to VALUE_CHARS characters. */
static char *
value_text (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else
    text = json_to_string (node, FALSE);
  if (*text == '\0')
    return g_strdup ("—");
  g_strdelimit (text, "\r\n\t", ' ');
  if (g_utf8_strlen (text, -1) > VALUE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, VALUE_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&text);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

static char *
field_name (const char *key)
{
  char *name = g_strdup (key);

  g_strdelimit (name, "_", ' ');
  return name;
}

char *
palp_audit_describe_change (const char *action,
                            const char *before,
                            const char *after,
                            gboolean    show_values)
{
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObject *b = parse_object (before_parser, before);
  JsonObject *a = parse_object (after_parser, after);
  g_autoptr(GList) keys = NULL;

  if (g_strcmp0 (action, "insert") == 0)
    return g_strdup (_("Record created"));
  if (g_strcmp0 (action, "delete") == 0)
    return g_strdup (_("Record deleted"));

  if (a != NULL)
    keys = json_object_get_members (a);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *was = b != NULL ? json_object_get_member (b, key) : NULL;
      JsonNode *now = json_object_get_member (a, key);
      g_autofree char *name = NULL;

      /* An update names what changed; any other action (a void, a
       * sign-in) says what it recorded. */
      if (b != NULL && nodes_equal (was, now))
        continue;
      name = field_name (key);
      if (out->len > 0)
        g_string_append (out, show_values ? "; " : ", ");
      if (!show_values)
        g_string_append (out, name);
      else if (b != NULL)
        {
          g_autofree char *from = value_text (was), *to = value_text (now);

          /* Translators: a field that changed, its value before and after. */
          g_string_append_printf (out, _("%s: %s → %s"), name, from, to);
        }
      else
        {
          g_autofree char *value = value_text (now);

          /* Translators: a field an action recorded, and its value. */
          g_string_append_printf (out, _("%s: %s"), name, value);
        }
    }
  if (out->len > 0)
    {
      if (show_values)
        return g_string_free (g_steal_pointer (&out), FALSE);
      /* Translators: %s is a list of fields, "phone, email". */
      return g_strdup_printf (_("Changed: %s"), out->str);
    }
  if (g_strcmp0 (action, "update") == 0)
    return g_strdup (_("Record changed"));
  return g_strdup ("");
}

void
palp_csv_append_cell (GString    *out,
                      const char *text,
                      gboolean    last)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";
  formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  if (formula || strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}
