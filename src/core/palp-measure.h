/* palp-measure.h: what a treatment goal is measured with
 *
 * A goal is "functional goal + measure + baseline + target + by when".
 * Each measure here knows its valid values, which way is better, and its
 * minimal important change (MIC): the smallest change that counts as real
 * progress rather than noise. Progress and plateaus (palp-progress.h) are
 * judged against the MIC, so a clinic may set its own in
 * PalpMeasureSettings.
 *
 * Defaults and where they come from:
 *
 *  - pain, numeric rating scale 0–10, lower is better, MIC 2 points;
 *  - range of motion, degrees for a named movement, higher is better,
 *    MIC 10° (a clinic default, not a published value);
 *  - maximal interincisal (mouth) opening in mm, higher is better, MIC 5 mm;
 *    most adults open 45–55 mm, under 40 warrants investigation and 35 or
 *    less is trismus (palp_mouth_opening_classify());
 *  - Neck Disability Index, total 0–50, lower is better, MIC 5 points;
 *  - Jaw Functional Limitation Scale (JFLS-20), one subscale's mean 0–10,
 *    lower is better, MIC 1 point (no value in our sources: verify);
 *  - manual muscle test, MRC grade 0–5, higher is better, MIC 1 grade;
 *  - a custom measure: the clinic gives its unit, direction, MIC and range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_MEASURE_PAIN_NRS,
  PALP_MEASURE_RANGE_OF_MOTION,
  PALP_MEASURE_MOUTH_OPENING,
  PALP_MEASURE_NDI,
  PALP_MEASURE_JFLS_MASTICATION,
  PALP_MEASURE_JFLS_MOBILITY,
  PALP_MEASURE_JFLS_EXPRESSION,
  PALP_MEASURE_MUSCLE_TEST,
  PALP_MEASURE_CUSTOM,
} PalpMeasureKind;

#define PALP_MEASURE_KIND_COUNT (PALP_MEASURE_CUSTOM + 1)

typedef enum
{
  PALP_DIRECTION_LOWER_IS_BETTER,
  PALP_DIRECTION_HIGHER_IS_BETTER,
} PalpDirection;

/* A measure as a goal uses it. */
typedef struct
{
  PalpMeasureKind  kind;
  PalpDirection    direction;
  double           mic;       /* minimal important change, > 0, in the measure's unit */
  double           min;       /* lowest valid value (may be -INFINITY for a custom one) */
  double           max;       /* highest valid value (may be INFINITY) */
  gboolean         integral;  /* values are whole numbers (NRS, MRC grade, NDI total) */
} PalpMeasure;

/* The clinic's choices. mic[kind] for each built-in kind (the custom
 * slot is unused: a custom measure brings its own). */
typedef struct
{
  double mic[PALP_MEASURE_KIND_COUNT];
} PalpMeasureSettings;

/* Fills @settings with the defaults above. */
void         palp_measure_settings_init_default (PalpMeasureSettings *settings);
/* TRUE when every built-in MIC is finite, positive and smaller than its
 * measure's range; else a translated PALP_CORE_ERROR_INVALID naming it. */
gboolean     palp_measure_settings_validate     (const PalpMeasureSettings  *settings,
                                                 GError                    **error);

/* Stable keys for the database and the CLI: "pain-nrs", "range-of-motion",
 * "mouth-opening", "ndi", "jfls-mastication", "jfls-mobility",
 * "jfls-expression", "muscle-test", "custom". */
const char  *palp_measure_kind_to_key    (PalpMeasureKind   kind);
gboolean     palp_measure_kind_from_key  (const char       *key,
                                          PalpMeasureKind  *out_kind);
/* Translated name for lists: "Pain (0–10)", "Neck Disability Index"... */
const char  *palp_measure_kind_get_label (PalpMeasureKind   kind);
/* Translated unit: "°", "mm", "/10", "/50", "/5"; "" for custom (the
 * clinic's unit is stored with the goal). */
const char  *palp_measure_kind_get_unit  (PalpMeasureKind   kind);

/* The built-in measure @kind with the MIC from @settings (NULL: the
 * defaults). Not for PALP_MEASURE_CUSTOM. */
gboolean     palp_measure_init           (PalpMeasure                *out,
                                          PalpMeasureKind             kind,
                                          const PalpMeasureSettings  *settings,
                                          GError                    **error);
/* A custom measure. @mic must be finite and positive; @min < @max (either
 * may be infinite). */
gboolean     palp_measure_init_custom    (PalpMeasure   *out,
                                          PalpDirection  direction,
                                          double         mic,
                                          double         min,
                                          double         max,
                                          GError       **error);

/* TRUE when @value is a valid reading of @measure (finite, in range, whole
 * where it must be); else a translated PALP_CORE_ERROR_INVALID. */
gboolean     palp_measure_check_value    (const PalpMeasure  *measure,
                                          double              value,
                                          GError            **error);
/* How much better @to is than @from: positive when improved, in the
 * measure's unit, whichever way is better. */
double       palp_measure_improvement    (const PalpMeasure  *measure,
                                          double              from,
                                          double              to);
/* TRUE when @to is better than @from by at least the MIC. */
gboolean     palp_measure_is_important   (const PalpMeasure  *measure,
                                          double              from,
                                          double              to);
/* TRUE when @value is at least as good as @target. */
gboolean     palp_measure_reaches        (const PalpMeasure  *measure,
                                          double              value,
                                          double              target);

/* Mouth opening (maximal interincisal distance, mm). */
typedef enum
{
  PALP_MOUTH_OPENING_TRISMUS,       /* 35 mm or less */
  PALP_MOUTH_OPENING_INVESTIGATE,   /* over 35, under 40: warrants investigation */
  PALP_MOUTH_OPENING_REDUCED,       /* 40 to under 45: below most adults */
  PALP_MOUTH_OPENING_TYPICAL,       /* 45 to 55: most adults */
  PALP_MOUTH_OPENING_WIDE,          /* over 55 */
} PalpMouthOpening;

PalpMouthOpening palp_mouth_opening_classify  (double            mm);
/* Translated: "Trismus", "Warrants investigation"... */
const char      *palp_mouth_opening_get_label (PalpMouthOpening  klass);

/* Neck Disability Index: 10 items scored 0–5. All ten must be answered:
 * the published rescaling for a missing item changes the bands' meaning,
 * so the form asks for every item instead. */
#define PALP_NDI_ITEMS 10

typedef enum
{
  PALP_NDI_NONE,      /* 0–4 */
  PALP_NDI_MILD,      /* 5–14 */
  PALP_NDI_MODERATE,  /* 15–24 */
  PALP_NDI_SEVERE,    /* 25–34 */
  PALP_NDI_COMPLETE,  /* 35–50 */
} PalpNdiBand;

typedef struct
{
  guint        total;    /* 0–50 */
  guint        percent;  /* total × 2 */
  PalpNdiBand  band;
} PalpNdiScore;

/* Scores @items (@n_items must be PALP_NDI_ITEMS, each 0–5); FALSE with a
 * translated error naming the first faulty item. */
gboolean     palp_ndi_score            (const int     *items,
                                        gsize          n_items,
                                        PalpNdiScore  *out,
                                        GError       **error);
PalpNdiBand  palp_ndi_band_for_total   (guint          total);
/* Translated: "No disability", "Mild", ... */
const char  *palp_ndi_band_get_label   (PalpNdiBand    band);

/* Jaw Functional Limitation Scale, 20 items scored 0–10, or
 * PALP_JFLS_UNANSWERED. Subscales: mastication (items 1–6), vertical jaw
 * mobility (7–10), verbal and emotional expression (13–20); items 11 and
 * 12 belong to no subscale. A subscale's score is the mean of its answered
 * items, and is given only when at least half of its items are answered
 * (3 of 6, 2 of 4, 4 of 8) — a house rule, as our sources give none. */
#define PALP_JFLS20_ITEMS     20
#define PALP_JFLS_UNANSWERED  (-1)

typedef enum
{
  PALP_JFLS_MASTICATION,
  PALP_JFLS_MOBILITY,
  PALP_JFLS_EXPRESSION,
} PalpJflsSubscale;

#define PALP_JFLS_SUBSCALE_COUNT (PALP_JFLS_EXPRESSION + 1)

typedef struct
{
  gboolean  scored[PALP_JFLS_SUBSCALE_COUNT];    /* enough items answered */
  double    mean[PALP_JFLS_SUBSCALE_COUNT];      /* 0–10 when scored, else 0 */
  guint     answered[PALP_JFLS_SUBSCALE_COUNT];
} PalpJflsScore;

gboolean         palp_jfls20_score             (const int         *items,
                                                gsize              n_items,
                                                PalpJflsScore     *out,
                                                GError           **error);
/* The subscale's first and last item (1-based) and the answers it needs. */
void             palp_jfls_subscale_items      (PalpJflsSubscale   subscale,
                                                guint             *out_first,
                                                guint             *out_last,
                                                guint             *out_min_answered);
/* The measure a goal on this subscale uses. */
PalpMeasureKind  palp_jfls_subscale_measure    (PalpJflsSubscale   subscale);

/* Manual muscle testing, MRC grades 0–5. Translated description of
 * @grade ("3 — moves against gravity"), or NULL outside 0–5. */
const char  *palp_muscle_grade_get_label  (int grade);

G_END_DECLS
