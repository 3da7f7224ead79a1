/* palp-sign-gates.h: may this note be signed?
 *
 * Signing locks a visit's note, so everything safety asks of a visit is
 * checked here first, on plain values the store gathers:
 *
 *  - who signs: only the visit's own practitioner, an active account with
 *    the practitioner role (palp_permission_check(), PALP_ACTION_SIGN_NOTES),
 *    holding a licence current on the visit's date;
 *  - the screening: current on the visit's date; no unresolved ABSOLUTE
 *    finding; LOCAL findings need an avoid zone on the body chart;
 *    NEEDS_CLEARANCE findings need a physician's clearance dated no later
 *    than the visit;
 *  - intra-oral work: the oral-health gate (palp_oral_gate_evaluate());
 *  - regional rules for the licence's jurisdiction, read from data
 *    (data/rules/jurisdictions.json, palp_rules_parse()): an endorsement
 *    on the licence, a written referral for TMJ work, training, consent;
 *  - the referral: not expired on the visit's date, and the regions treated
 *    within the regions it prescribes.
 *
 * Each gate gives a result: passed, blocked (with what is wrong and how to
 * fix it) or overridden. A blocked gate that may be overridden is, when
 * the input carries an override for its key with a reason; the reason is
 * kept for the audit log. Who signs and the licence can never be
 * overridden; a regional rule only when its data says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-permissions.h"
#include "palp-screening.h"

G_BEGIN_DECLS

/* Regional rules ------------------------------------------------------- */

typedef enum
{
  PALP_RULE_SCOPE_INTRA_ORAL,  /* "intra-oral": any intra-oral technique */
  PALP_RULE_SCOPE_TMJ,         /* "tmj": treatment of the temporomandibular joint */
} PalpRuleScope;

typedef enum
{
  PALP_RULE_PERMITTED,         /* "permitted": nothing more asked */
  PALP_RULE_NOT_PERMITTED,     /* "not-permitted" */
  PALP_RULE_ENDORSEMENT,       /* "endorsement": the licence carries the named endorsement */
  PALP_RULE_WRITTEN_REFERRAL,  /* "written-referral": a written referral is on file */
  PALP_RULE_CONSENT,           /* "consent": the specific intra-oral consent is on file */
  PALP_RULE_TRAINING,          /* "training": the practitioner's training is on file */
} PalpRuleRequirement;

typedef struct
{
  char                 *id;                 /* unique, e.g. "us-oh-tmj-referral" */
  char                 *jurisdiction;       /* ISO 3166-2, e.g. "US-OH", "CA-AB" */
  char                 *jurisdiction_name;  /* "Ohio" */
  PalpRuleScope         scope;
  PalpRuleRequirement   requirement;
  char                 *endorsement;        /* for PALP_RULE_ENDORSEMENT, else NULL */
  char                 *summary;            /* the rule in a sentence, as the data file says it */
  char                 *source;             /* "OAC 4731-1-05" */
  char                 *date;               /* "2023", "2024-05" or "2024-05-17"; NULL only when @verify */
  gboolean              verify;             /* from a weaker source: check before relying on it */
  gboolean              overridable;        /* a reason may override it (default FALSE) */
} PalpRule;

void        palp_rule_free    (PalpRule *rule);

/* Reads the rules file: a JSON object with "format": 1, an optional
 * "about" text and "rules", an array of objects with the members above
 * ("applies_to" for the scope, keys as in the enums' comments; "verify"
 * and "overridable" optional booleans). Returns a GPtrArray of PalpRule
 * (freed with the array), or NULL with a translated PALP_CORE_ERROR_INVALID
 * naming the rule and member at fault: not JSON, a missing or mistyped
 * member, an unknown member (a typo must not silently drop a
 * requirement), an unknown scope or requirement, an endorsement missing
 * or out of place, a malformed jurisdiction or date, a date missing from
 * a rule not marked verify, a repeated id. */
GPtrArray  *palp_rules_parse  (GBytes   *bytes,
                               GError  **error);

/* The rules as palp_rules_parse () reads them, for a clinic's edited
 * copy: "format": 1, @about when not NULL, then each rule with its members
 * in the order above ("endorsement" and "date" only when set, "verify"
 * and "overridable" only when TRUE). The rules are not checked: parse the
 * text before keeping it. */
char       *palp_rules_to_json    (GPtrArray      *rules,
                                   const char     *about);
/* The file's "about" text, or NULL when it has none or is not JSON. */
char       *palp_rules_read_about (GBytes         *bytes);
PalpRule   *palp_rule_copy        (const PalpRule *rule);
/* Stable keys, as the file spells them: "intra-oral", "tmj"; "permitted",
 * "not-permitted", "endorsement", "written-referral", "consent",
 * "training". */
const char *palp_rule_scope_to_key       (PalpRuleScope        scope);
const char *palp_rule_requirement_to_key (PalpRuleRequirement  requirement);

/* Signing ---------------------------------------------------------------- */

typedef enum
{
  PALP_GATE_PASSED,
  PALP_GATE_BLOCKED,
  PALP_GATE_OVERRIDDEN,
} PalpGateStatus;

/* Gate keys, for overrides and the audit log. A regional rule's key is
 * "rule:" and its id. */
#define PALP_GATE_SIGNER             "signer"
#define PALP_GATE_LICENCE            "licence"
#define PALP_GATE_SCREENING          "screening-current"
#define PALP_GATE_ABSOLUTE           "absolute-findings"
#define PALP_GATE_LOCAL              "local-findings"
#define PALP_GATE_CLEARANCE          "clearance"
#define PALP_GATE_ORAL               "oral-health"
#define PALP_GATE_JURISDICTION       "jurisdiction"
#define PALP_GATE_REFERRAL_EXPIRED   "referral-expired"
#define PALP_GATE_PRESCRIPTION_SCOPE "prescription-scope"

/* The gate's name for people ("Screening", "Oral health"); "Regional
 * rule" for a "rule:" key; an unknown key as it is. Translated. */
const char *palp_gate_get_title (const char *key);

typedef struct
{
  const char *key;     /* the gate to override */
  const char *reason;  /* why; a blank reason overrides nothing */
} PalpSignOverride;

typedef struct
{
  /* Who signs, and the visit. */
  const PalpActor              *signer;
  gint64                        visit_practitioner_id;
  const char                   *visit_date;             /* ISO */

  /* The signer's licence. */
  gboolean                      has_licence;
  const char                   *licence_valid_from;     /* ISO, or NULL */
  const char                   *licence_expires;        /* ISO, or NULL for none */
  const char                   *licence_jurisdiction;   /* "US-WA"; NULL if not recorded */
  const char * const           *endorsements;           /* NULL-terminated keys, or NULL */
  gboolean                      intra_oral_training;    /* training on file */

  /* The screening. */
  const char                   *screened_on;            /* ISO, or NULL if never */
  gboolean                      change_reported;
  const PalpScreeningFinding   *findings;
  gsize                         n_findings;
  gboolean                      chart_has_avoid_zone;

  /* What the visit did. */
  gboolean                      intra_oral;
  gboolean                      tmj;
  const PalpOralExam     *oral;                   /* NULL when none recorded */

  /* The referral or prescription, if any. */
  gboolean                      has_referral;
  gboolean                      referral_written;
  const char                   *referral_expires;       /* ISO, or NULL for none */
  const char * const           *prescribed_regions;     /* NULL-terminated; NULL: any region */
  const char * const           *treated_regions;        /* NULL-terminated, or NULL */

  /* The clinic's settings (NULL: defaults), rules and the overrides given. */
  const PalpScreeningSettings  *settings;
  GPtrArray                    *rules;                  /* of PalpRule, or NULL */
  const PalpSignOverride       *overrides;
  gsize                         n_overrides;
} PalpSignInput;

typedef struct
{
  char            *key;              /* PALP_GATE_* or "rule:<id>" */
  PalpGateStatus   status;
  gboolean         overridable;
  char            *title;            /* translated, short: "Screening" */
  char            *reason;           /* translated: what passed, or what is wrong */
  char            *fix;              /* translated: how to fix it; NULL when passed */
  char            *source;           /* a regional rule's source and date, else NULL */
  char            *override_reason;  /* as given, when overridden */
} PalpGateResult;

void        palp_gate_result_free  (PalpGateResult *result);

/* Checks every gate that applies, in the order above; the signer, licence,
 * screening and the three kinds of finding are always listed, the oral,
 * regional and referral gates when the visit calls for them. Returns a
 * GPtrArray of PalpGateResult and sets @out_may_sign to TRUE when none is
 * blocked. NULL with a translated PALP_CORE_ERROR_INVALID when the input
 * is malformed (a date that is not one, no visit date, no signer). */
GPtrArray  *palp_sign_check        (const PalpSignInput  *input,
                                    gboolean             *out_may_sign,
                                    GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpRule, palp_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpGateResult, palp_gate_result_free)

G_END_DECLS
