/* test-safety.c: contraindication screening, the oral gate, regional rules
 * and the gates before a note is signed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-core-error.h"
#include "palp-screening.h"
#include "palp-sign-gates.h"

static void
test_kinds_and_defaults (void)
{
  PalpScreeningSettings settings;
  PalpContraKind kind;
  PalpSeverity severity;

  palp_screening_settings_init_default (&settings);
  g_assert_cmpuint (settings.max_age_days, ==, 90);
  g_assert_cmpuint (settings.oral_max_age_days, ==, 0);
  for (guint k = 0; k < PALP_CONTRA_KIND_COUNT; k++)
    {
      g_assert_true (palp_contra_kind_from_key (palp_contra_kind_to_key (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (palp_contra_kind_get_label (k), !=, "");
      g_assert_cmpint (settings.severity[k], ==, palp_contra_default_severity (k));
    }
  g_assert_false (palp_contra_kind_from_key ("sunburn", &kind));
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_FEVER), ==, PALP_SEVERITY_ABSOLUTE);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_SEVERE_THROMBOCYTOPENIA), ==,
                   PALP_SEVERITY_ABSOLUTE);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_BRUISE_ABRASION), ==,
                   PALP_SEVERITY_LOCAL);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_BURN), ==, PALP_SEVERITY_LOCAL);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_FRACTURE), ==, PALP_SEVERITY_LOCAL);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_BLOOD_CLOT), ==,
                   PALP_SEVERITY_NEEDS_CLEARANCE);
  g_assert_cmpint (palp_contra_default_severity (PALP_CONTRA_CANCER_TREATMENT), ==,
                   PALP_SEVERITY_NEEDS_CLEARANCE);

  for (guint s = 0; s < 3; s++)
    {
      g_assert_true (palp_severity_from_key (palp_severity_to_key (s), &severity));
      g_assert_cmpint (severity, ==, s);
      g_assert_nonnull (palp_severity_get_label (s));
    }
  g_assert_false (palp_severity_from_key ("mild", &severity));
}

static void
test_currency (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (palp_screening_is_current ("2024-03-01", FALSE, "2024-03-01", 0, &error));
  g_assert_no_error (error);
  /* 90 days is still current; 91 is not. */
  g_assert_true (palp_screening_is_current ("2024-01-01", FALSE, "2024-03-31", 0, &error));
  g_assert_false (palp_screening_is_current ("2024-01-01", FALSE, "2024-04-01", 0, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "91 days old"));
  g_clear_error (&error);
  /* The clinic's own period. */
  g_assert_false (palp_screening_is_current ("2024-03-01", FALSE, "2024-03-31", 29, &error));
  g_clear_error (&error);
  /* A reported change asks again at once. */
  g_assert_false (palp_screening_is_current ("2024-03-01", TRUE, "2024-03-02", 0, &error));
  g_assert_nonnull (strstr (error->message, "change"));
  g_clear_error (&error);
  g_assert_false (palp_screening_is_current (NULL, FALSE, "2024-03-02", 0, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (palp_screening_is_current ("2024-03-05", FALSE, "2024-03-02", 0, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (palp_screening_is_current ("yesterday", FALSE, "2024-03-02", 0, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (palp_screening_is_current ("2024-03-01", FALSE, NULL, 0, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static PalpOralExam
good_oral (void)
{
  PalpOralExam a = {
    "2024-03-01",
    { TRUE, TRUE, TRUE, TRUE, TRUE },
    { PALP_ORAL_ABSENT, PALP_ORAL_ABSENT, PALP_ORAL_ABSENT, PALP_ORAL_ABSENT },
    TRUE, TRUE,
  };

  return a;
}

static guint
oral_reasons (const PalpOralExam    *a,
              const char                  *visit,
              const PalpScreeningSettings *settings,
              const char                  *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reasons = palp_oral_gate_evaluate (a, visit, settings, &error);
  gboolean found = says == NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < reasons->len; i++)
    found |= says != NULL && strstr (g_ptr_array_index (reasons, i), says) != NULL;
  if (!found)
    g_error ("no reason says “%s”", says);
  return reasons->len;
}

static void
test_oral_gate (void)
{
  g_autoptr(GError) error = NULL;
  PalpOralExam a = good_oral ();
  PalpScreeningSettings settings;

  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, NULL), ==, 0);
  /* From another day: not current, unless the clinic allows it. */
  g_assert_cmpuint (oral_reasons (&a, "2024-03-02", NULL, "not from this visit"), ==, 1);
  palp_screening_settings_init_default (&settings);
  settings.oral_max_age_days = 7;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-08", &settings, NULL), ==, 0);
  g_assert_cmpuint (oral_reasons (&a, "2024-03-09", &settings, "not from this visit"), ==, 1);

  a.conditions[PALP_ORAL_LOOSE_TEETH] = PALP_ORAL_PRESENT;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "Loose teeth found"), ==, 1);
  a = good_oral ();
  a.conditions[PALP_ORAL_ACTIVE_INFECTION] = PALP_ORAL_PRESENT;
  a.conditions[PALP_ORAL_PERIODONTAL_DISEASE] = PALP_ORAL_NOT_CHECKED;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "Active infection found"), ==, 2);
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "Periodontal disease"), ==, 2);
  a = good_oral ();
  a.structures[PALP_ORAL_TONGUE] = FALSE;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "Tongue"), ==, 1);
  a = good_oral ();
  a.gloves = FALSE;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "Gloves"), ==, 1);
  a = good_oral ();
  a.consent = FALSE;
  g_assert_cmpuint (oral_reasons (&a, "2024-03-01", NULL, "consent"), ==, 1);

  /* Nothing recorded: every part is missing. */
  {
    PalpOralExam none = { NULL };

    g_assert_cmpuint (oral_reasons (&none, "2024-03-01", NULL, "No oral-health assessment"), ==,
                      1 + PALP_ORAL_STRUCTURE_COUNT + PALP_ORAL_CONDITION_COUNT + 2);
  }

  a = good_oral ();
  g_assert_null (palp_oral_gate_evaluate (&a, "01/03/2024", NULL, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_clear_error (&error);
  a.assessed_on = "2024-13-01";
  g_assert_null (palp_oral_gate_evaluate (&a, "2024-03-01", NULL, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static GPtrArray *
load_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "rules",
                                                 "jurisdictions.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *rules;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, length);
  rules = palp_rules_parse (bytes, &error);
  g_assert_no_error (error);
  return rules;
}

static void
test_rules_file (void)
{
  g_autoptr(GPtrArray) rules = load_rules ();
  gboolean ohio_tmj = FALSE;
  gboolean washington = FALSE;

  g_assert_cmpuint (rules->len, >=, 9);
  for (guint i = 0; i < rules->len; i++)
    {
      const PalpRule *r = g_ptr_array_index (rules, i);

      g_assert_nonnull (r->source);
      g_assert_true (r->date != NULL || r->verify);
      if (g_strcmp0 (r->id, "us-oh-tmj-referral") == 0)
        {
          ohio_tmj = TRUE;
          g_assert_cmpstr (r->jurisdiction, ==, "US-OH");
          g_assert_cmpint (r->scope, ==, PALP_RULE_SCOPE_TMJ);
          g_assert_cmpint (r->requirement, ==, PALP_RULE_WRITTEN_REFERRAL);
          g_assert_cmpstr (r->source, ==, "OAC 4731-1-05");
          g_assert_cmpstr (r->date, ==, "2023");
          g_assert_false (r->overridable);
        }
      if (g_strcmp0 (r->jurisdiction, "US-WA") == 0)
        {
          washington = TRUE;
          g_assert_cmpint (r->requirement, ==, PALP_RULE_ENDORSEMENT);
          g_assert_cmpstr (r->endorsement, ==, "intra-oral");
          g_assert_true (r->verify);
        }
    }
  g_assert_true (ohio_tmj);
  g_assert_true (washington);
}

#define RULE(extra)                                                                        \
  "{\"format\":1,\"rules\":[{\"id\":\"r1\",\"jurisdiction\":\"US-OH\","                    \
  "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"tmj\",\"summary\":\"s\","               \
  "\"source\":\"OAC\"" extra "}]}"

static void
test_rules_broken (void)
{
  struct
  {
    const char *json;
    const char *says;
  } cases[] = {
    { "", "not valid JSON" },
    { "{\"format\":1,\"rules\":[", "not valid JSON" },
    { "[]", "one JSON object" },
    { "{\"rules\":[]}", "format" },
    { "{\"format\":2,\"rules\":[]}", "format" },
    { "{\"format\":1}", "“rules” array" },
    { "{\"format\":1,\"rules\":{}}", "“rules” array" },
    { "{\"format\":1,\"rules\":[],\"rulez\":[]}", "unknown member “rulez”" },
    { "{\"format\":1,\"rules\":[42]}", "Rule 1: each rule" },
    { "{\"format\":1,\"rules\":[{}]}", "Rule 1: “id”" },
    { RULE (",\"requirement\":\"permitted\""), "“date”" },
    { RULE (",\"requirement\":\"permitted\",\"date\":\"23\""), "“date”" },
    { RULE (",\"requirement\":\"permitted\",\"date\":\"2023-13\""), "“date”" },
    { RULE (",\"requirement\":\"permitted\",\"date\":\"2023-02-30\""), "“date”" },
    { RULE (",\"requirement\":\"allowed\",\"date\":\"2023\""), "“requirement”" },
    { RULE (",\"date\":\"2023\""), "“requirement”" },
    { RULE (",\"requirement\":\"endorsement\",\"date\":\"2023\""), "“endorsement”" },
    { RULE (",\"requirement\":\"consent\",\"endorsement\":\"x\",\"date\":\"2023\""),
      "“endorsement”" },
    { RULE (",\"requirement\":\"consent\",\"date\":\"2023\",\"verify\":\"yes\""), "“verify”" },
    { RULE (",\"requirement\":\"consent\",\"date\":\"2023\",\"requirment\":1"),
      "Rule 1 (“r1”): unknown member “requirment”" },
    { RULE (",\"requirement\":\"consent\",\"date\":2023"), "“date”" },
    { "{\"format\":1,\"rules\":[{\"id\":\"r1\",\"jurisdiction\":\"Ohio\","
      "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"tmj\",\"summary\":\"s\","
      "\"source\":\"OAC\",\"requirement\":\"consent\",\"date\":\"2023\"}]}", "region code" },
    { "{\"format\":1,\"rules\":[{\"id\":\"r1\",\"jurisdiction\":\"US-OH\","
      "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"feet\",\"summary\":\"s\","
      "\"source\":\"OAC\",\"requirement\":\"consent\",\"date\":\"2023\"}]}", "“applies_to”" },
    { "{\"format\":1,\"rules\":[{\"id\":\"r1\",\"jurisdiction\":\"US-OH\","
      "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"tmj\",\"summary\":\"s\","
      "\"requirement\":\"consent\",\"date\":\"2023\"}]}", "“source”" },
    { "{\"format\":1,\"rules\":[{\"id\":\"r1\",\"jurisdiction\":\"US-OH\","
      "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"tmj\",\"summary\":\"s\","
      "\"source\":\"OAC\",\"requirement\":\"consent\",\"date\":\"2023\"},"
      "{\"id\":\"r1\",\"jurisdiction\":\"US-OH\","
      "\"jurisdiction_name\":\"Ohio\",\"applies_to\":\"tmj\",\"summary\":\"s\","
      "\"source\":\"OAC\",\"requirement\":\"consent\",\"date\":\"2023\"}]}",
      "Rule 2 (“r1”): another rule" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));

      g_assert_null (palp_rules_parse (bytes, &error));
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_clear_error (&error);
    }

  /* The smallest good file: a rule marked verify needs no date. */
  {
    const char *json = RULE (",\"requirement\":\"consent\",\"verify\":true,\"overridable\":true");
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr(GPtrArray) rules = palp_rules_parse (bytes, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rules->len, ==, 1);
    g_assert_true (((PalpRule *) g_ptr_array_index (rules, 0))->overridable);
    g_assert_null (((PalpRule *) g_ptr_array_index (rules, 0))->date);
  }
}

static void
assert_rules_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PalpRule *x = g_ptr_array_index (a, i);
      const PalpRule *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpstr (x->jurisdiction, ==, y->jurisdiction);
      g_assert_cmpstr (x->jurisdiction_name, ==, y->jurisdiction_name);
      g_assert_cmpint (x->scope, ==, y->scope);
      g_assert_cmpint (x->requirement, ==, y->requirement);
      g_assert_cmpstr (x->endorsement, ==, y->endorsement);
      g_assert_cmpstr (x->summary, ==, y->summary);
      g_assert_cmpstr (x->source, ==, y->source);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpint (x->verify, ==, y->verify);
      g_assert_cmpint (x->overridable, ==, y->overridable);
    }
}

/* Written back, the rules read the same, "about" included; an edit
 * survives the trip. */
static void
test_rules_round_trip (void)
{
  g_autoptr(GPtrArray) rules = load_rules ();
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = palp_rules_to_json (rules, "About “these” rules\n");
  g_autofree char *json2 = NULL;
  g_autofree char *about = NULL;
  PalpRule *copy;

  bytes = g_bytes_new (json, strlen (json));
  again = palp_rules_parse (bytes, &error);
  g_assert_no_error (error);
  assert_rules_equal (rules, again);
  about = palp_rules_read_about (bytes);
  g_assert_cmpstr (about, ==, "About “these” rules\n");

  /* The same text twice: nothing depends on the order of a hash. */
  json2 = palp_rules_to_json (again, about);
  g_assert_cmpstr (json, ==, json2);

  /* Quotes, a changed requirement, flags and a rule with no date. */
  copy = palp_rule_copy (g_ptr_array_index (rules, 0));
  g_free (copy->id);
  copy->id = g_strdup ("us-oh-copy");
  g_free (copy->source);
  copy->source = g_strdup ("OAC 4731-1-05 \"as amended\"");
  copy->requirement = PALP_RULE_ENDORSEMENT;
  copy->endorsement = g_strdup ("intra-oral");
  g_clear_pointer (&copy->date, g_free);
  copy->verify = TRUE;
  copy->overridable = TRUE;
  g_ptr_array_add (rules, copy);
  g_clear_pointer (&json, g_free);
  json = palp_rules_to_json (rules, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (json, strlen (json));
  edited = palp_rules_parse (bytes, &error);
  g_assert_no_error (error);
  assert_rules_equal (rules, edited);
  g_assert_null (palp_rules_read_about (bytes));

  /* What the parser refuses is written as it is, and refused again. */
  copy->endorsement = (g_free (copy->endorsement), NULL);
  g_clear_pointer (&json, g_free);
  json = palp_rules_to_json (rules, NULL);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (json, strlen (json));
  g_assert_null (palp_rules_parse (bytes, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "us-oh-copy"));

  g_assert_cmpstr (palp_rule_scope_to_key (PALP_RULE_SCOPE_TMJ), ==, "tmj");
  g_assert_cmpstr (palp_rule_requirement_to_key (PALP_RULE_WRITTEN_REFERRAL), ==,
                   "written-referral");
}

/* A visit that passes every gate: the practitioner's own, licensed,
 * screened this month, nothing found. */
typedef struct
{
  PalpActor           actor;
  PalpSignInput       input;
  PalpOralExam  oral;
  GPtrArray          *rules;
} Visit;

static void
visit_init (Visit *v)
{
  memset (v, 0, sizeof *v);
  v->actor = (PalpActor) { 7, PALP_ROLE_MASK_PRACTITIONER, TRUE };
  v->oral = good_oral ();
  v->rules = load_rules ();
  v->input.signer = &v->actor;
  v->input.visit_practitioner_id = 7;
  v->input.visit_date = "2024-03-01";
  v->input.has_licence = TRUE;
  v->input.licence_valid_from = "2020-01-01";
  v->input.licence_expires = "2025-12-31";
  v->input.licence_jurisdiction = "US-OH";
  v->input.screened_on = "2024-02-15";
  v->input.oral = &v->oral;
  v->input.rules = v->rules;
}

static void
visit_clear (Visit *v)
{
  g_clear_pointer (&v->rules, g_ptr_array_unref);
}

/* Runs the check; returns the result for @key (or NULL), and asserts
 * whether signing may go ahead. */
static const PalpGateResult *
check (Visit       *v,
       GPtrArray  **out_results,
       const char  *key,
       gboolean     may_sign)
{
  g_autoptr(GError) error = NULL;
  gboolean may = !may_sign;
  const PalpGateResult *found = NULL;

  g_clear_pointer (out_results, g_ptr_array_unref);
  *out_results = palp_sign_check (&v->input, &may, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_results);
  for (guint i = 0; i < (*out_results)->len; i++)
    {
      const PalpGateResult *r = g_ptr_array_index (*out_results, i);

      g_assert_nonnull (r->title);
      g_assert_nonnull (r->reason);
      g_assert_true ((r->status == PALP_GATE_PASSED) == (r->fix == NULL) ||
                     r->status != PALP_GATE_PASSED);
      if (g_strcmp0 (r->key, key) == 0)
        found = r;
    }
  g_assert_cmpint (may, ==, may_sign);
  return found;
}

/* @key blocks; with an override it passes as overridden if it may be. */
static void
assert_blocks (Visit       *v,
               const char  *key,
               gboolean     overridable,
               const char  *says)
{
  g_autoptr(GPtrArray) results = NULL;
  const PalpGateResult *r = check (v, &results, key, FALSE);
  PalpSignOverride overrides[] = { { key, "   " }, { key, "Client's physician phoned: fine" } };

  g_assert_nonnull (r);
  g_assert_cmpint (r->status, ==, PALP_GATE_BLOCKED);
  g_assert_cmpint (r->overridable, ==, overridable);
  g_assert_nonnull (r->fix);
  if (says != NULL && strstr (r->reason, says) == NULL)
    g_error ("%s: “%s” does not say “%s”", key, r->reason, says);

  /* A blank reason overrides nothing. */
  v->input.overrides = overrides;
  v->input.n_overrides = 1;
  r = check (v, &results, key, FALSE);
  g_assert_cmpint (r->status, ==, PALP_GATE_BLOCKED);

  v->input.n_overrides = 2;
  r = check (v, &results, key, overridable);
  if (overridable)
    {
      g_assert_cmpint (r->status, ==, PALP_GATE_OVERRIDDEN);
      g_assert_cmpstr (r->override_reason, ==, "Client's physician phoned: fine");
    }
  else
    {
      g_assert_cmpint (r->status, ==, PALP_GATE_BLOCKED);
      g_assert_null (r->override_reason);
    }
  v->input.overrides = NULL;
  v->input.n_overrides = 0;
}

static void
test_sign_all_pass (void)
{
  g_autoptr(GPtrArray) results = NULL;
  Visit v;

  visit_init (&v);
  check (&v, &results, NULL, TRUE);
  /* Signer, licence, screening and the three kinds of finding. */
  g_assert_cmpuint (results->len, ==, 6);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((PalpGateResult *) g_ptr_array_index (results, i))->status, ==,
                     PALP_GATE_PASSED);
  visit_clear (&v);
}

static void
test_sign_who (void)
{
  Visit v;
  PalpActor admin = { 7, PALP_ROLE_MASK_ADMIN, TRUE };
  PalpActor inactive = { 7, PALP_ROLE_MASK_PRACTITIONER, FALSE };
  PalpActor colleague = { 8, PALP_ROLE_MASK_PRACTITIONER | PALP_ROLE_MASK_ADMIN, TRUE };

  visit_init (&v);
  v.input.signer = &colleague;
  assert_blocks (&v, PALP_GATE_SIGNER, FALSE, "another practitioner");
  v.input.signer = &admin;
  assert_blocks (&v, PALP_GATE_SIGNER, FALSE, NULL);
  v.input.signer = &inactive;
  assert_blocks (&v, PALP_GATE_SIGNER, FALSE, "deactivated");
  v.input.signer = NULL;
  assert_blocks (&v, PALP_GATE_SIGNER, FALSE, "Nobody");
  visit_clear (&v);
}

static void
test_sign_licence (void)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean may;
  Visit v;

  visit_init (&v);
  v.input.licence_expires = "2024-02-29";
  assert_blocks (&v, PALP_GATE_LICENCE, FALSE, "expired on 2024-02-29");
  /* Expiring on the visit's day is still current. */
  v.input.licence_expires = "2024-03-01";
  check (&v, &results, NULL, TRUE);
  v.input.licence_expires = NULL;
  check (&v, &results, NULL, TRUE);
  v.input.licence_valid_from = "2024-03-02";
  assert_blocks (&v, PALP_GATE_LICENCE, FALSE, "starts on");
  v.input.licence_valid_from = NULL;
  v.input.has_licence = FALSE;
  assert_blocks (&v, PALP_GATE_LICENCE, FALSE, "No licence");

  v.input.has_licence = TRUE;
  v.input.licence_expires = "soon";
  g_assert_null (palp_sign_check (&v.input, &may, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  g_assert_false (may);
  g_clear_error (&error);
  v.input.licence_expires = NULL;
  v.input.visit_date = NULL;
  g_assert_null (palp_sign_check (&v.input, &may, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  visit_clear (&v);
}

static void
test_sign_screening (void)
{
  g_autoptr(GPtrArray) results = NULL;
  PalpScreeningSettings settings;
  PalpScreeningFinding findings[] = {
    { PALP_CONTRA_FEVER, PALP_SEVERITY_ABSOLUTE, FALSE, NULL, NULL },
  };
  Visit v;

  visit_init (&v);
  v.input.screened_on = "2023-11-01";
  assert_blocks (&v, PALP_GATE_SCREENING, TRUE, "days old");
  /* The clinic's longer period. */
  palp_screening_settings_init_default (&settings);
  settings.max_age_days = 365;
  v.input.settings = &settings;
  check (&v, &results, NULL, TRUE);
  v.input.settings = NULL;
  v.input.screened_on = "2024-02-15";
  v.input.change_reported = TRUE;
  assert_blocks (&v, PALP_GATE_SCREENING, TRUE, "change");
  v.input.change_reported = FALSE;
  v.input.screened_on = NULL;
  assert_blocks (&v, PALP_GATE_SCREENING, TRUE, "not been screened");
  v.input.screened_on = "2024-02-15";

  /* An absolute finding, then resolved. */
  v.input.findings = findings;
  v.input.n_findings = 1;
  assert_blocks (&v, PALP_GATE_ABSOLUTE, TRUE, "Fever");
  findings[0].resolved = TRUE;
  check (&v, &results, NULL, TRUE);

  /* A local finding needs an avoid zone on the chart. */
  findings[0] = (PalpScreeningFinding) { PALP_CONTRA_BURN, PALP_SEVERITY_LOCAL, FALSE, NULL,
                                         NULL };
  assert_blocks (&v, PALP_GATE_LOCAL, TRUE, "Burns");
  v.input.chart_has_avoid_zone = TRUE;
  check (&v, &results, NULL, TRUE);

  /* Needs clearance: none, one dated after the visit, one before. */
  findings[0] = (PalpScreeningFinding) { PALP_CONTRA_OTHER, PALP_SEVERITY_NEEDS_CLEARANCE, FALSE,
                                         NULL, "Pregnancy, third trimester" };
  assert_blocks (&v, PALP_GATE_CLEARANCE, TRUE, "Pregnancy, third trimester");
  findings[0].clearance_date = "2024-03-05";
  assert_blocks (&v, PALP_GATE_CLEARANCE, TRUE, NULL);
  findings[0].clearance_date = "2024-02-20";
  check (&v, &results, NULL, TRUE);
  findings[0].clearance_date = "last week";
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (palp_sign_check (&v.input, NULL, &error));
    g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
  }
  visit_clear (&v);
}

static void
test_sign_oral (void)
{
  g_autoptr(GPtrArray) results = NULL;
  const PalpGateResult *r;
  Visit v;

  visit_init (&v);
  v.input.licence_jurisdiction = "CA-ON";
  v.input.intra_oral = TRUE;
  r = check (&v, &results, PALP_GATE_ORAL, TRUE);
  g_assert_cmpint (r->status, ==, PALP_GATE_PASSED);

  v.oral.gloves = FALSE;
  assert_blocks (&v, PALP_GATE_ORAL, TRUE, "Gloves");
  v.oral = good_oral ();
  v.oral.conditions[PALP_ORAL_LESIONS] = PALP_ORAL_PRESENT;
  assert_blocks (&v, PALP_GATE_ORAL, TRUE, "Lesions");
  v.input.oral = NULL;
  assert_blocks (&v, PALP_GATE_ORAL, TRUE, "No oral-health assessment");
  visit_clear (&v);
}

static void
test_sign_jurisdiction (void)
{
  g_autoptr(GPtrArray) results = NULL;
  const PalpGateResult *r;
  const char *endorsed[] = { "intra-oral", NULL };
  Visit v;

  visit_init (&v);

  /* Ohio: intra-oral permitted, with its source shown. */
  v.input.intra_oral = TRUE;
  r = check (&v, &results, "rule:us-oh-intra-oral", TRUE);
  g_assert_cmpint (r->status, ==, PALP_GATE_PASSED);
  g_assert_cmpstr (r->source, ==, "OAC 4731-1-05 (2023)");
  g_assert_null (check (&v, &results, "rule:us-oh-tmj-referral", TRUE));

  /* Ohio: TMJ work needs a written referral; the rule may not be
   * overridden. */
  v.input.intra_oral = FALSE;
  v.input.tmj = TRUE;
  assert_blocks (&v, "rule:us-oh-tmj-referral", FALSE, "written referral");
  v.input.has_referral = TRUE;
  assert_blocks (&v, "rule:us-oh-tmj-referral", FALSE, NULL);
  v.input.referral_written = TRUE;
  check (&v, &results, NULL, TRUE);

  /* Washington: the endorsement on the licence, a rule to verify. */
  v.input.tmj = FALSE;
  v.input.has_referral = FALSE;
  v.input.intra_oral = TRUE;
  v.input.licence_jurisdiction = "US-WA";
  assert_blocks (&v, "rule:us-wa-intra-oral-endorsement", FALSE, "endorsement");
  v.input.endorsements = endorsed;
  r = check (&v, &results, "rule:us-wa-intra-oral-endorsement", TRUE);
  g_assert_cmpint (r->status, ==, PALP_GATE_PASSED);
  g_assert_nonnull (strstr (r->source, "RCW 18.108.250"));
  g_assert_nonnull (strstr (r->source, "verify"));

  /* Oregon: training and consent. */
  v.input.licence_jurisdiction = "US-OR";
  assert_blocks (&v, "rule:us-or-intra-oral-training", FALSE, "training");
  v.input.intra_oral_training = TRUE;
  check (&v, &results, NULL, TRUE);
  v.oral.consent = FALSE;
  {
    PalpSignOverride oral_ok = { PALP_GATE_ORAL, "Consent on paper, scanned later" };

    /* The oral gate may be overridden; Oregon's consent rule may not. */
    v.input.overrides = &oral_ok;
    v.input.n_overrides = 1;
    r = check (&v, &results, "rule:us-or-intra-oral-consent", FALSE);
    g_assert_cmpint (r->status, ==, PALP_GATE_BLOCKED);
    v.input.overrides = NULL;
    v.input.n_overrides = 0;
  }
  v.oral.consent = TRUE;

  /* Alberta: consent; a rule without a date shows its source alone. */
  v.input.licence_jurisdiction = "CA-AB";
  r = check (&v, &results, "rule:ca-ab-intra-oral-consent", TRUE);
  g_assert_cmpstr (r->source, ==, "MTAA standards of practice, to verify");

  /* No rule on file: passes, and says to check. */
  v.input.licence_jurisdiction = "US-TX";
  r = check (&v, &results, PALP_GATE_JURISDICTION, TRUE);
  g_assert_cmpint (r->status, ==, PALP_GATE_PASSED);
  g_assert_nonnull (strstr (r->reason, "US-TX"));

  /* No jurisdiction recorded: cannot be checked, cannot be overridden. */
  v.input.licence_jurisdiction = NULL;
  assert_blocks (&v, PALP_GATE_JURISDICTION, FALSE, "not recorded");
  visit_clear (&v);
}

static void
test_sign_referral (void)
{
  g_autoptr(GPtrArray) results = NULL;
  const char *prescribed[] = { "neck-left", "neck-right", "upper-back", NULL };
  const char *treated[] = { "neck-left", "upper-back", "lower-back", "jaw", NULL };
  const char *treated_ok[] = { "neck-left", "UPPER-BACK", NULL };
  Visit v;

  visit_init (&v);
  v.input.has_referral = TRUE;
  v.input.referral_expires = "2024-02-28";
  assert_blocks (&v, PALP_GATE_REFERRAL_EXPIRED, TRUE, "expired on 2024-02-28");
  v.input.referral_expires = "2024-03-01";
  check (&v, &results, NULL, TRUE);

  v.input.prescribed_regions = prescribed;
  v.input.treated_regions = treated;
  assert_blocks (&v, PALP_GATE_PRESCRIPTION_SCOPE, TRUE, "lower-back, jaw");
  v.input.treated_regions = treated_ok;
  check (&v, &results, NULL, TRUE);
  visit_clear (&v);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/screening/kinds-and-defaults", test_kinds_and_defaults);
  g_test_add_func ("/screening/currency", test_currency);
  g_test_add_func ("/screening/oral-gate", test_oral_gate);
  g_test_add_func ("/rules/file", test_rules_file);
  g_test_add_func ("/rules/round-trip", test_rules_round_trip);
  g_test_add_func ("/rules/broken", test_rules_broken);
  g_test_add_func ("/sign/all-pass", test_sign_all_pass);
  g_test_add_func ("/sign/who", test_sign_who);
  g_test_add_func ("/sign/licence", test_sign_licence);
  g_test_add_func ("/sign/screening", test_sign_screening);
  g_test_add_func ("/sign/oral", test_sign_oral);
  g_test_add_func ("/sign/jurisdiction", test_sign_jurisdiction);
  g_test_add_func ("/sign/referral", test_sign_referral);

  return g_test_run ();
}
