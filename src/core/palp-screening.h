/* palp-screening.h: contraindications, screening currency, the oral gate
 *
 * Safety before touch: a client's contraindication screening must be
 * current before a visit is documented, and each finding has a severity:
 *
 *  - ABSOLUTE: no treatment today;
 *  - LOCAL: treat, but not there — the region is marked "avoid" on the
 *    body chart;
 *  - NEEDS_CLEARANCE: treat once a physician's clearance is on file.
 *
 * The defaults below are the clinic's starting point, not law; a clinic
 * may change any of them in PalpScreeningSettings. Kinds and default
 * severities (general contraindications from the insurance and practice
 * sources; the last two from the populations the intra-oral sources
 * single out):
 *
 *  fever or contagious disease ............ ABSOLUTE
 *  bruises or skin abrasions .............. LOCAL
 *  blood clot or deep vein thrombosis ..... NEEDS_CLEARANCE
 *  bleeding disorder, low platelets or
 *    blood thinners ....................... NEEDS_CLEARANCE
 *  recent surgery ......................... NEEDS_CLEARANCE
 *  burns .................................. LOCAL
 *  infection (local; a systemic one is
 *    recorded as fever/contagious) ........ LOCAL
 *  fracture ............................... LOCAL
 *  severe osteoporosis .................... NEEDS_CLEARANCE
 *  severe thrombocytopenia ................ ABSOLUTE
 *  cancer treatment, or radiation to the
 *    head and neck ........................ NEEDS_CLEARANCE
 *  other (the practitioner names it) ...... NEEDS_CLEARANCE
 *
 * Pregnancy is not among the sources' contraindications; a clinic that
 * wants it screened records it as "other" with the severity it chooses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_CONTRA_FEVER,
  PALP_CONTRA_BRUISE_ABRASION,
  PALP_CONTRA_BLOOD_CLOT,
  PALP_CONTRA_BLEEDING_RISK,
  PALP_CONTRA_RECENT_SURGERY,
  PALP_CONTRA_BURN,
  PALP_CONTRA_INFECTION,
  PALP_CONTRA_FRACTURE,
  PALP_CONTRA_SEVERE_OSTEOPOROSIS,
  PALP_CONTRA_SEVERE_THROMBOCYTOPENIA,
  PALP_CONTRA_CANCER_TREATMENT,
  PALP_CONTRA_OTHER,
} PalpContraKind;

#define PALP_CONTRA_KIND_COUNT (PALP_CONTRA_OTHER + 1)

typedef enum
{
  PALP_SEVERITY_ABSOLUTE,
  PALP_SEVERITY_LOCAL,
  PALP_SEVERITY_NEEDS_CLEARANCE,
} PalpSeverity;

/* Stable keys: "fever", "bruise-abrasion", "blood-clot", "bleeding-risk",
 * "recent-surgery", "burn", "infection", "fracture", "severe-osteoporosis",
 * "severe-thrombocytopenia", "cancer-treatment", "other". */
const char   *palp_contra_kind_to_key      (PalpContraKind   kind);
gboolean      palp_contra_kind_from_key    (const char      *key,
                                            PalpContraKind  *out_kind);
/* Translated, as the screening form asks it. */
const char   *palp_contra_kind_get_label   (PalpContraKind   kind);

/* "absolute", "local", "needs-clearance". */
const char   *palp_severity_to_key         (PalpSeverity     severity);
gboolean      palp_severity_from_key       (const char      *key,
                                            PalpSeverity    *out_severity);
const char   *palp_severity_get_label      (PalpSeverity     severity);

#define PALP_SCREENING_DEFAULT_MAX_AGE_DAYS 90

typedef struct
{
  /* A screening older than this many days must be asked again. */
  guint         max_age_days;
  /* An oral assessment older than this many days before the visit is not
   * current; 0 (the default) means it must be from the visit's own day. */
  guint         oral_max_age_days;
  PalpSeverity  severity[PALP_CONTRA_KIND_COUNT];
} PalpScreeningSettings;

void          palp_screening_settings_init_default (PalpScreeningSettings *settings);
PalpSeverity  palp_contra_default_severity         (PalpContraKind         kind);

/* Is a screening done on @screened_on (ISO, NULL if never) current on
 * @on_date (ISO: the visit's date)? Not when never done, when done after
 * @on_date, when older than @max_age_days (0: the default 90), or when
 * the client reported a change since. FALSE with a translated
 * PALP_CORE_ERROR_REQUIRED saying which and that the questions must be
 * asked again; PALP_CORE_ERROR_INVALID for a malformed date. */
gboolean      palp_screening_is_current    (const char  *screened_on,
                                            gboolean     change_reported,
                                            const char  *on_date,
                                            guint        max_age_days,
                                            GError     **error);

/* A finding of the screening. */
typedef struct
{
  PalpContraKind  kind;
  PalpSeverity    severity;        /* from the clinic's settings when recorded */
  gboolean        resolved;        /* no longer applies */
  const char     *clearance_date;  /* ISO date of the physician's clearance, or NULL */
  const char     *note;            /* what the client said; names an "other"; may be NULL */
} PalpScreeningFinding;

/* The oral-health assessment before intra-oral work: the structures looked
 * at and the conditions looked for. */
typedef enum
{
  PALP_ORAL_TEETH,
  PALP_ORAL_GINGIVA,
  PALP_ORAL_BONE,
  PALP_ORAL_TONGUE,
  PALP_ORAL_SURROUNDING,
} PalpOralStructure;

#define PALP_ORAL_STRUCTURE_COUNT (PALP_ORAL_SURROUNDING + 1)

typedef enum
{
  PALP_ORAL_ACTIVE_INFECTION,
  PALP_ORAL_LESIONS,
  PALP_ORAL_LOOSE_TEETH,
  PALP_ORAL_PERIODONTAL_DISEASE,
} PalpOralCondition;

#define PALP_ORAL_CONDITION_COUNT (PALP_ORAL_PERIODONTAL_DISEASE + 1)

typedef enum
{
  PALP_ORAL_NOT_CHECKED,
  PALP_ORAL_ABSENT,
  PALP_ORAL_PRESENT,
} PalpOralCheck;

const char   *palp_oral_structure_get_label (PalpOralStructure structure);
const char   *palp_oral_condition_get_label (PalpOralCondition condition);

typedef struct
{
  const char     *assessed_on;  /* ISO date of the oral assessment, or NULL if none */
  gboolean        structures[PALP_ORAL_STRUCTURE_COUNT];  /* each one assessed */
  PalpOralCheck   conditions[PALP_ORAL_CONDITION_COUNT];
  gboolean        gloves;       /* gloves recorded for the intra-oral work */
  gboolean        consent;      /* specific intra-oral consent on file */
} PalpOralExam;

/* The oral-health gate for intra-oral work on @visit_date (ISO). Returns
 * the reasons it blocks, translated, each saying what to do (a GPtrArray
 * of strings, empty when the gate passes): no or an old assessment, a
 * structure not assessed, a condition not checked, a condition present
 * (each named), gloves not recorded, no intra-oral consent. NULL with a
 * PALP_CORE_ERROR_INVALID for a malformed date. @settings may be NULL
 * for the defaults. */
GPtrArray    *palp_oral_gate_evaluate      (const PalpOralExam     *assessment,
                                            const char                   *visit_date,
                                            const PalpScreeningSettings  *settings,
                                            GError                      **error);

G_END_DECLS
