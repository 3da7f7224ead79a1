/* palp-sign-gates.c: may this note be signed?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "palp-core-error.h"
#include "palp-date.h"
#include "palp-sign-gates.h"

#define RULES_FORMAT 1

static const char *scope_keys[] = { "intra-oral", "tmj" };
static const char *requirement_keys[] = {
  "permitted", "not-permitted", "endorsement", "written-referral", "consent", "training",
};

void
palp_rule_free (PalpRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->id);
  g_free (rule->jurisdiction);
  g_free (rule->jurisdiction_name);
  g_free (rule->endorsement);
  g_free (rule->summary);
  g_free (rule->source);
  g_free (rule->date);
  g_free (rule);
}

static int
key_index (const char  *key,
           const char **keys,
           guint        n_keys)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (strcmp (keys[i], key) == 0)
      return (int) i;
  return -1;
}

/* "US-OH", "CA-AB": two capitals, a dash, one to three capitals or digits. */
static gboolean
is_jurisdiction (const char *text)
{
  gsize len = strlen (text);

  if (len < 4 || len > 6 || !g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]) ||
      text[2] != '-')
    return FALSE;
  for (gsize i = 3; i < len; i++)
    if (!g_ascii_isupper (text[i]) && !g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "2023", "2023-05" or a real "2023-05-17". */
static gboolean
is_rule_date (const char *text)
{
  GDate date;
  gsize len = strlen (text);

  for (gsize i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (len == 4)
    return TRUE;
  if (len == 7)
    return text[4] == '-' && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]) &&
           (text[5] - '0') * 10 + (text[6] - '0') >= 1 &&
           (text[5] - '0') * 10 + (text[6] - '0') <= 12;
  return palp_date_parse_iso (text, &date);
}

static const char *rule_members[] = {
  "id", "jurisdiction", "jurisdiction_name", "applies_to", "requirement", "endorsement",
  "summary", "source", "date", "verify", "overridable",
};

static gboolean
rule_error (GError     **error,
            guint        index,
            const char  *id,
            const char  *message)
{
  if (id != NULL)
    /* Translators: a rule's position in the file, its id, then what is wrong */
    g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID, _("Rule %u (“%s”): %s"),
                 index + 1, id, message);
  else
    g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID, _("Rule %u: %s"), index + 1,
                 message);
  return FALSE;
}

/* The string member @name of @object into @out; FALSE when present but
 * not a non-empty string, or absent and @required. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     required,
            char       **out)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  value = json_node_get_string (node);
  if (value == NULL || *value == '\0')
    return FALSE;
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_boolean (JsonObject *object,
             const char *name,
             gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

static PalpRule *
parse_rule (JsonNode  *node,
            guint      index,
            GError   **error)
{
  g_autoptr(PalpRule) rule = g_new0 (PalpRule, 1);
  g_autofree char *scope = NULL;
  g_autofree char *requirement = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  int found;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rule_error (error, index, NULL, _("each rule is a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "id", TRUE, &rule->id))
    {
      rule_error (error, index, NULL, _("“id” must be a non-empty string."));
      return NULL;
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (key_index (l->data, rule_members, G_N_ELEMENTS (rule_members)) < 0)
      {
        g_autofree char *message = g_strdup_printf (_("unknown member “%s”."),
                                                    (const char *) l->data);

        rule_error (error, index, rule->id, message);
        return NULL;
      }

#define REQUIRE_STRING(name, field)                                                          \
  if (!get_string (object, name, TRUE, &rule->field))                                        \
    {                                                                                        \
      g_autofree char *message = g_strdup_printf (_("“%s” must be a non-empty string."),     \
                                                  name);                                     \
      rule_error (error, index, rule->id, message);                                          \
      return NULL;                                                                           \
    }

  REQUIRE_STRING ("jurisdiction", jurisdiction)
  REQUIRE_STRING ("jurisdiction_name", jurisdiction_name)
  REQUIRE_STRING ("summary", summary)
  REQUIRE_STRING ("source", source)
#undef REQUIRE_STRING

  if (!is_jurisdiction (rule->jurisdiction))
    {
      rule_error (error, index, rule->id,
                  _("“jurisdiction” must be a region code such as US-OH or CA-AB."));
      return NULL;
    }

  if (!get_string (object, "applies_to", TRUE, &scope) ||
      (found = key_index (scope, scope_keys, G_N_ELEMENTS (scope_keys))) < 0)
    {
      rule_error (error, index, rule->id, _("“applies_to” must be “intra-oral” or “tmj”."));
      return NULL;
    }
  rule->scope = (PalpRuleScope) found;

  if (!get_string (object, "requirement", TRUE, &requirement) ||
      (found = key_index (requirement, requirement_keys, G_N_ELEMENTS (requirement_keys))) < 0)
    {
      rule_error (error, index, rule->id,
                  _("“requirement” must be one of permitted, not-permitted, endorsement, "
                    "written-referral, consent, training."));
      return NULL;
    }
  rule->requirement = (PalpRuleRequirement) found;

  if (!get_string (object, "endorsement", FALSE, &rule->endorsement) ||
      (rule->requirement == PALP_RULE_ENDORSEMENT) != (rule->endorsement != NULL))
    {
      rule_error (error, index, rule->id,
                  _("“endorsement” names the endorsement, and only an endorsement rule has "
                    "one."));
      return NULL;
    }

  if (!get_boolean (object, "verify", &rule->verify) ||
      !get_boolean (object, "overridable", &rule->overridable))
    {
      rule_error (error, index, rule->id, _("“verify” and “overridable” are true or false."));
      return NULL;
    }

  if (!get_string (object, "date", FALSE, &rule->date) ||
      (rule->date != NULL && !is_rule_date (rule->date)))
    {
      rule_error (error, index, rule->id,
                  _("“date” must be a year, a year and month, or a date: 2023, 2023-05, "
                    "2023-05-17."));
      return NULL;
    }
  if (rule->date == NULL && !rule->verify)
    {
      rule_error (error, index, rule->id,
                  _("give the rule's “date”, or mark it “verify” until it is checked."));
      return NULL;
    }

  return g_steal_pointer (&rule);
}

GPtrArray *
palp_rules_parse (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_rule_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The regional rules file is not valid JSON: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The regional rules file must hold one JSON object."));
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) != RULES_FORMAT)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The regional rules file must say “format”: %d."), RULES_FORMAT);
      return NULL;
    }

  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, "format") != 0 && g_strcmp0 (l->data, "about") != 0 &&
        g_strcmp0 (l->data, "rules") != 0)
      {
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("The regional rules file has an unknown member “%s”."),
                     (const char *) l->data);
        return NULL;
      }

  node = json_object_get_member (root, "rules");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The regional rules file must hold a “rules” array."));
      return NULL;
    }
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      PalpRule *rule = parse_rule (json_array_get_element (array, i), i, error);

      if (rule == NULL)
        return NULL;
      g_ptr_array_add (rules, rule);
      if (!g_hash_table_add (ids, rule->id))
        {
          rule_error (error, i, rule->id, _("another rule has the same id."));
          return NULL;
        }
    }

  return g_steal_pointer (&rules);
}

PalpRule *
palp_rule_copy (const PalpRule *rule)
{
  PalpRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = g_memdup2 (rule, sizeof *rule);
  copy->id = g_strdup (rule->id);
  copy->jurisdiction = g_strdup (rule->jurisdiction);
  copy->jurisdiction_name = g_strdup (rule->jurisdiction_name);
  copy->endorsement = g_strdup (rule->endorsement);
  copy->summary = g_strdup (rule->summary);
  copy->source = g_strdup (rule->source);
  copy->date = g_strdup (rule->date);
  return copy;
}

const char *
palp_rule_scope_to_key (PalpRuleScope scope)
{
  g_return_val_if_fail ((guint) scope < G_N_ELEMENTS (scope_keys), NULL);
  return scope_keys[scope];
}

const char *
palp_rule_requirement_to_key (PalpRuleRequirement requirement)
{
  g_return_val_if_fail ((guint) requirement < G_N_ELEMENTS (requirement_keys), NULL);
  return requirement_keys[requirement];
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
palp_rules_to_json (GPtrArray  *rules,
                    const char *about)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  g_return_val_if_fail (rules != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, RULES_FORMAT);
  add_string (builder, "about", about);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    {
      const PalpRule *rule = g_ptr_array_index (rules, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", rule->id);
      add_string (builder, "jurisdiction", rule->jurisdiction);
      add_string (builder, "jurisdiction_name", rule->jurisdiction_name);
      add_string (builder, "applies_to", palp_rule_scope_to_key (rule->scope));
      add_string (builder, "requirement", palp_rule_requirement_to_key (rule->requirement));
      add_string (builder, "endorsement", rule->endorsement);
      add_string (builder, "summary", rule->summary);
      add_string (builder, "source", rule->source);
      add_string (builder, "date", rule->date);
      if (rule->verify)
        {
          json_builder_set_member_name (builder, "verify");
          json_builder_add_boolean_value (builder, TRUE);
        }
      if (rule->overridable)
        {
          json_builder_set_member_name (builder, "overridable");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return text;
}

char *
palp_rules_read_about (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *node;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (node = json_object_get_member (json_node_get_object (node), "about")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* Signing ------------------------------------------------------------------ */

void
palp_gate_result_free (PalpGateResult *result)
{
  if (result == NULL)
    return;
  g_free (result->key);
  g_free (result->title);
  g_free (result->reason);
  g_free (result->fix);
  g_free (result->source);
  g_free (result->override_reason);
  g_free (result);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static const char *
find_override (const PalpSignInput *input,
               const char          *key)
{
  for (gsize i = 0; i < input->n_overrides; i++)
    if (g_strcmp0 (input->overrides[i].key, key) == 0 && !is_blank (input->overrides[i].reason))
      return input->overrides[i].reason;
  return NULL;
}

const char *
palp_gate_get_title (const char *key)
{
  static const struct { const char *key; const char *title; } titles[] = {
    { PALP_GATE_SIGNER, N_("Who signs") },
    { PALP_GATE_LICENCE, N_("Licence") },
    { PALP_GATE_SCREENING, N_("Screening") },
    { PALP_GATE_ABSOLUTE, N_("Contraindications") },
    { PALP_GATE_LOCAL, N_("Areas to avoid") },
    { PALP_GATE_CLEARANCE, N_("Physician's clearance") },
    { PALP_GATE_ORAL, N_("Oral health") },
    { PALP_GATE_JURISDICTION, N_("Regional rules") },
    { PALP_GATE_REFERRAL_EXPIRED, N_("Referral") },
    { PALP_GATE_PRESCRIPTION_SCOPE, N_("Prescribed areas") },
  };

  if (key != NULL && g_str_has_prefix (key, "rule:"))
    return _("Regional rule");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].key, key) == 0)
      return _(titles[i].title);
  return key;
}

static void
add_passed (GPtrArray   *results,
            const char  *key,
            const char  *title,
            char        *reason)
{
  PalpGateResult *result = g_new0 (PalpGateResult, 1);

  result->key = g_strdup (key);
  result->status = PALP_GATE_PASSED;
  result->title = g_strdup (title);
  result->reason = reason;
  g_ptr_array_add (results, result);
}

/* A blocked gate, or overridden when it may be and the input says why. */
static PalpGateResult *
add_blocked (GPtrArray            *results,
             const PalpSignInput  *input,
             const char           *key,
             gboolean              overridable,
             const char           *title,
             char                 *reason,
             const char           *fix)
{
  PalpGateResult *result = g_new0 (PalpGateResult, 1);
  const char *override = overridable ? find_override (input, key) : NULL;

  result->key = g_strdup (key);
  result->overridable = overridable;
  result->title = g_strdup (title);
  result->reason = reason;
  result->fix = g_strdup (fix);
  if (override != NULL)
    {
      result->status = PALP_GATE_OVERRIDDEN;
      result->override_reason = g_strdup (override);
    }
  else
    result->status = PALP_GATE_BLOCKED;
  g_ptr_array_add (results, result);
  return result;
}

static gboolean
input_date (const char  *iso,
            GDate       *out,
            const char  *what,
            GError     **error)
{
  if (iso == NULL || !palp_date_parse_iso (iso, out))
    {
      /* Translators: the first %s names the date ("the visit's date") */
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("%s is not a date: “%s”."), what, iso != NULL ? iso : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_ascii_strcasecmp (strv[i], value) == 0)
      return TRUE;
  return FALSE;
}

static void
check_signer (const PalpSignInput *input,
              const GDate         *visit,
              GPtrArray           *results,
              GError             **error)
{
  g_autoptr(GError) denied = NULL;
  GDate from;
  GDate until;

  if (!palp_permission_check (input->signer, PALP_ACTION_SIGN_NOTES,
                              input->visit_practitioner_id, &denied))
    add_blocked (results, input, PALP_GATE_SIGNER, FALSE, palp_gate_get_title (PALP_GATE_SIGNER),
                 g_strdup (denied->message),
                 _("Sign in as the visit's practitioner to sign the note."));
  else
    add_passed (results, PALP_GATE_SIGNER, palp_gate_get_title (PALP_GATE_SIGNER),
                g_strdup (_("You are the visit's practitioner.")));

  if (!input->has_licence)
    {
      add_blocked (results, input, PALP_GATE_LICENCE, FALSE,
                   palp_gate_get_title (PALP_GATE_LICENCE),
                   g_strdup (_("No licence is recorded for you.")),
                   _("Ask an admin to record your licence in Preferences."));
      return;
    }
  if (input->licence_valid_from != NULL &&
      !input_date (input->licence_valid_from, &from, _("The licence's start"), error))
    return;
  if (input->licence_expires != NULL &&
      !input_date (input->licence_expires, &until, _("The licence's expiry"), error))
    return;

  if (input->licence_valid_from != NULL && g_date_compare (visit, &from) < 0)
    add_blocked (results, input, PALP_GATE_LICENCE, FALSE, palp_gate_get_title (PALP_GATE_LICENCE),
                 g_strdup_printf (_("Your licence starts on %s, after the visit."),
                                  input->licence_valid_from),
                 _("Only a practitioner licensed on the visit's date may sign its note."));
  else if (input->licence_expires != NULL && g_date_compare (visit, &until) > 0)
    add_blocked (results, input, PALP_GATE_LICENCE, FALSE, palp_gate_get_title (PALP_GATE_LICENCE),
                 g_strdup_printf (_("Your licence expired on %s, before the visit."),
                                  input->licence_expires),
                 _("Record the renewed licence, or the note cannot be signed."));
  else
    add_passed (results, PALP_GATE_LICENCE, palp_gate_get_title (PALP_GATE_LICENCE),
                g_strdup (_("Your licence is current on the visit's date.")));
}

static gboolean
check_screening (const PalpSignInput         *input,
                 const GDate                 *visit,
                 const PalpScreeningSettings *settings,
                 GPtrArray                   *results,
                 GError                     **error)
{
  g_autoptr(GError) stale = NULL;
  g_autoptr(GString) absolute = g_string_new (NULL);
  g_autoptr(GString) local = g_string_new (NULL);
  g_autoptr(GString) uncleared = g_string_new (NULL);
  GDate cleared;

  if (!palp_screening_is_current (input->screened_on, input->change_reported, input->visit_date,
                                  settings->max_age_days, &stale))
    {
      if (g_error_matches (stale, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&stale));
          return FALSE;
        }
      add_blocked (results, input, PALP_GATE_SCREENING, TRUE,
                   palp_gate_get_title (PALP_GATE_SCREENING),
                   g_strdup (stale->message),
                   _("Update the client's screening, or give a reason to sign without it."));
    }
  else
    add_passed (results, PALP_GATE_SCREENING, palp_gate_get_title (PALP_GATE_SCREENING),
                g_strdup (_("The screening is current.")));

  for (gsize i = 0; i < input->n_findings; i++)
    {
      const PalpScreeningFinding *f = &input->findings[i];
      const char *label = f->kind == PALP_CONTRA_OTHER && !is_blank (f->note)
                          ? f->note : palp_contra_kind_get_label (f->kind);
      GString *list = NULL;

      if (f->resolved)
        continue;
      switch (f->severity)
        {
        case PALP_SEVERITY_ABSOLUTE:
          list = absolute;
          break;
        case PALP_SEVERITY_LOCAL:
          list = local;
          break;
        case PALP_SEVERITY_NEEDS_CLEARANCE:
          if (f->clearance_date != NULL)
            {
              if (!input_date (f->clearance_date, &cleared, _("The clearance's date"), error))
                return FALSE;
              if (g_date_compare (&cleared, visit) <= 0)
                break;
            }
          list = uncleared;
          break;
        default:
          g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                               _("A screening finding has an unknown severity."));
          return FALSE;
        }
      if (list != NULL)
        g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", label);
    }

  if (absolute->len > 0)
    add_blocked (results, input, PALP_GATE_ABSOLUTE, TRUE, palp_gate_get_title (PALP_GATE_ABSOLUTE),
                 g_strdup_printf (_("No treatment today: %s."), absolute->str),
                 _("Mark the finding resolved if it no longer applies, or give a reason to "
                   "sign anyway."));
  else
    add_passed (results, PALP_GATE_ABSOLUTE, palp_gate_get_title (PALP_GATE_ABSOLUTE),
                g_strdup (_("No finding rules out treatment today.")));

  if (local->len > 0 && !input->chart_has_avoid_zone)
    add_blocked (results, input, PALP_GATE_LOCAL, TRUE, palp_gate_get_title (PALP_GATE_LOCAL),
                 g_strdup_printf (_("Treat around, not over: %s. The body chart marks no area "
                                    "to avoid."),
                                  local->str),
                 _("Mark the area to avoid on the body chart."));
  else
    add_passed (results, PALP_GATE_LOCAL, palp_gate_get_title (PALP_GATE_LOCAL),
                g_strdup (local->len > 0 ? _("The areas to avoid are marked on the body chart.")
                                         : _("No area needs avoiding.")));

  if (uncleared->len > 0)
    add_blocked (results, input, PALP_GATE_CLEARANCE, TRUE,
                 palp_gate_get_title (PALP_GATE_CLEARANCE),
                 g_strdup_printf (_("A physician's clearance is needed for: %s."),
                                  uncleared->str),
                 _("Record the physician's clearance and its date."));
  else
    add_passed (results, PALP_GATE_CLEARANCE, palp_gate_get_title (PALP_GATE_CLEARANCE),
                g_strdup (_("No clearance is missing.")));
  return TRUE;
}

static gboolean
check_oral (const PalpSignInput         *input,
            const PalpScreeningSettings *settings,
            GPtrArray                   *results,
            GError                     **error)
{
  PalpOralExam none = { NULL };
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  reasons = palp_oral_gate_evaluate (input->oral != NULL ? input->oral : &none,
                                     input->visit_date, settings, error);
  if (reasons == NULL)
    return FALSE;

  if (reasons->len == 0)
    {
      add_passed (results, PALP_GATE_ORAL, palp_gate_get_title (PALP_GATE_ORAL),
                  g_strdup (_("The mouth was assessed, gloves were worn and consent is on "
                              "file.")));
      return TRUE;
    }
  for (guint i = 0; i < reasons->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (reasons, i));
  add_blocked (results, input, PALP_GATE_ORAL, TRUE, palp_gate_get_title (PALP_GATE_ORAL),
               g_string_free (g_steal_pointer (&text), FALSE),
               _("Complete the oral-health assessment before intra-oral work."));
  return TRUE;
}

static void
check_rules (const PalpSignInput *input,
             GPtrArray           *results)
{
  gboolean any = FALSE;

  if (!input->intra_oral && !input->tmj)
    return;

  if (input->licence_jurisdiction == NULL)
    {
      add_blocked (results, input, PALP_GATE_JURISDICTION, FALSE,
                   palp_gate_get_title (PALP_GATE_JURISDICTION),
                   g_strdup (_("Your licence's jurisdiction is not recorded, so its rules for "
                               "intra-oral and jaw work cannot be checked.")),
                   _("Ask an admin to record where your licence was issued."));
      return;
    }

  for (guint i = 0; input->rules != NULL && i < input->rules->len; i++)
    {
      const PalpRule *rule = g_ptr_array_index (input->rules, i);
      g_autofree char *key = NULL;
      const char *fix = NULL;
      gboolean met = TRUE;
      PalpGateResult *result;

      if (g_ascii_strcasecmp (rule->jurisdiction, input->licence_jurisdiction) != 0)
        continue;
      if ((rule->scope == PALP_RULE_SCOPE_INTRA_ORAL && !input->intra_oral) ||
          (rule->scope == PALP_RULE_SCOPE_TMJ && !input->tmj))
        continue;

      any = TRUE;
      key = g_strconcat ("rule:", rule->id, NULL);
      switch (rule->requirement)
        {
        case PALP_RULE_PERMITTED:
          break;
        case PALP_RULE_NOT_PERMITTED:
          met = FALSE;
          fix = _("This work is not permitted under your licence's jurisdiction.");
          break;
        case PALP_RULE_ENDORSEMENT:
          met = strv_has (input->endorsements, rule->endorsement);
          fix = _("Record the endorsement on your licence, or leave this technique out.");
          break;
        case PALP_RULE_WRITTEN_REFERRAL:
          met = input->has_referral && input->referral_written;
          fix = _("Put the client's written referral on file.");
          break;
        case PALP_RULE_CONSENT:
          met = input->oral != NULL && input->oral->consent;
          fix = _("Take the client's specific consent and record it.");
          break;
        case PALP_RULE_TRAINING:
          met = input->intra_oral_training;
          fix = _("Record your intra-oral training.");
          break;
        default:
          met = FALSE;
          fix = _("The rule's requirement is not one the app knows.");
          break;
        }

      if (met)
        {
          add_passed (results, key, rule->jurisdiction_name, g_strdup (rule->summary));
          result = g_ptr_array_index (results, results->len - 1);
        }
      else
        result = add_blocked (results, input, key, rule->overridable, rule->jurisdiction_name,
                              g_strdup (rule->summary), fix);
      result->source = rule->date != NULL
                       ? g_strdup_printf ("%s (%s)%s", rule->source, rule->date,
                                          rule->verify ? _(", to verify") : "")
                       : g_strdup_printf ("%s%s", rule->source,
                                          rule->verify ? _(", to verify") : "");
    }

  if (!any)
    add_passed (results, PALP_GATE_JURISDICTION, palp_gate_get_title (PALP_GATE_JURISDICTION),
                g_strdup_printf (_("No rule on file for %s. Check your jurisdiction's rules for "
                                   "this work yourself."),
                                 input->licence_jurisdiction));
}

static gboolean
check_referral (const PalpSignInput *input,
                const GDate         *visit,
                GPtrArray           *results,
                GError             **error)
{
  g_autoptr(GString) outside = g_string_new (NULL);
  GDate expires;

  if (!input->has_referral)
    return TRUE;

  if (input->referral_expires != NULL)
    {
      if (!input_date (input->referral_expires, &expires, _("The referral's expiry"), error))
        return FALSE;
      if (g_date_compare (visit, &expires) > 0)
        add_blocked (results, input, PALP_GATE_REFERRAL_EXPIRED, TRUE,
                     palp_gate_get_title (PALP_GATE_REFERRAL_EXPIRED),
                     g_strdup_printf (_("The referral expired on %s, before the visit."),
                                      input->referral_expires),
                     _("Ask the prescriber for a new referral, or give a reason to sign."));
      else
        add_passed (results, PALP_GATE_REFERRAL_EXPIRED,
                    palp_gate_get_title (PALP_GATE_REFERRAL_EXPIRED),
                    g_strdup (_("The referral is current.")));
    }

  if (input->prescribed_regions == NULL)
    return TRUE;
  for (gsize i = 0; input->treated_regions != NULL && input->treated_regions[i] != NULL; i++)
    if (!strv_has (input->prescribed_regions, input->treated_regions[i]))
      g_string_append_printf (outside, "%s%s", outside->len > 0 ? ", " : "",
                              input->treated_regions[i]);

  if (outside->len > 0)
    add_blocked (results, input, PALP_GATE_PRESCRIPTION_SCOPE, TRUE,
                 palp_gate_get_title (PALP_GATE_PRESCRIPTION_SCOPE),
                 g_strdup_printf (_("Treated outside the prescribed areas: %s."), outside->str),
                 _("Keep to the areas the prescription names, ask the prescriber to add these, "
                   "or give a reason."));
  else
    add_passed (results, PALP_GATE_PRESCRIPTION_SCOPE,
                palp_gate_get_title (PALP_GATE_PRESCRIPTION_SCOPE),
                g_strdup (_("Every treated area is within the prescription.")));
  return TRUE;
}

GPtrArray *
palp_sign_check (const PalpSignInput  *input,
                 gboolean             *out_may_sign,
                 GError              **error)
{
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) palp_gate_result_free);
  PalpScreeningSettings defaults;
  const PalpScreeningSettings *settings;
  GError *local_error = NULL;
  GDate visit;

  g_return_val_if_fail (input != NULL, NULL);

  if (out_may_sign != NULL)
    *out_may_sign = FALSE;
  if (!input_date (input->visit_date, &visit, _("The visit's date"), error))
    return NULL;

  settings = input->settings;
  if (settings == NULL)
    {
      palp_screening_settings_init_default (&defaults);
      settings = &defaults;
    }

  check_signer (input, &visit, results, &local_error);
  if (local_error == NULL && check_screening (input, &visit, settings, results, &local_error) &&
      (!input->intra_oral || check_oral (input, settings, results, &local_error)))
    {
      check_rules (input, results);
      check_referral (input, &visit, results, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (out_may_sign != NULL)
    {
      *out_may_sign = TRUE;
      for (guint i = 0; i < results->len; i++)
        if (((PalpGateResult *) g_ptr_array_index (results, i))->status == PALP_GATE_BLOCKED)
          *out_may_sign = FALSE;
    }
  return g_steal_pointer (&results);
}
