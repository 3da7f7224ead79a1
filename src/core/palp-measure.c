/* palp-measure.c: what a treatment goal is measured with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-measure.h"

typedef struct
{
  const char    *key;
  const char    *label;
  const char    *unit;
  PalpDirection  direction;
  double         mic;
  double         min;
  double         max;
  gboolean       integral;
} KindInfo;

/* Range of motion stops at 180°: no joint the clinic measures goes
 * further, and a larger number is a typing slip. */
static const KindInfo kinds[PALP_MEASURE_KIND_COUNT] = {
  [PALP_MEASURE_PAIN_NRS] = { "pain-nrs", N_("Pain (0–10)"), N_("/10"),
                              PALP_DIRECTION_LOWER_IS_BETTER, 2.0, 0.0, 10.0, TRUE },
  [PALP_MEASURE_RANGE_OF_MOTION] = { "range-of-motion", N_("Range of motion"), N_("°"),
                                     PALP_DIRECTION_HIGHER_IS_BETTER, 10.0, 0.0, 180.0, FALSE },
  [PALP_MEASURE_MOUTH_OPENING] = { "mouth-opening", N_("Mouth opening"), N_("mm"),
                                   PALP_DIRECTION_HIGHER_IS_BETTER, 5.0, 0.0, 90.0, FALSE },
  [PALP_MEASURE_NDI] = { "ndi", N_("Neck Disability Index"), N_("/50"),
                         PALP_DIRECTION_LOWER_IS_BETTER, 5.0, 0.0, 50.0, TRUE },
  [PALP_MEASURE_JFLS_MASTICATION] = { "jfls-mastication", N_("Jaw function: chewing"),
                                      N_("/10"), PALP_DIRECTION_LOWER_IS_BETTER, 1.0, 0.0,
                                      10.0, FALSE },
  [PALP_MEASURE_JFLS_MOBILITY] = { "jfls-mobility", N_("Jaw function: opening"), N_("/10"),
                                   PALP_DIRECTION_LOWER_IS_BETTER, 1.0, 0.0, 10.0, FALSE },
  [PALP_MEASURE_JFLS_EXPRESSION] = { "jfls-expression",
                                     N_("Jaw function: speaking and expression"), N_("/10"),
                                     PALP_DIRECTION_LOWER_IS_BETTER, 1.0, 0.0, 10.0, FALSE },
  [PALP_MEASURE_MUSCLE_TEST] = { "muscle-test", N_("Muscle strength (0–5)"), N_("/5"),
                                 PALP_DIRECTION_HIGHER_IS_BETTER, 1.0, 0.0, 5.0, TRUE },
  [PALP_MEASURE_CUSTOM] = { "custom", N_("Other measure"), "",
                            PALP_DIRECTION_HIGHER_IS_BETTER, 0.0, -INFINITY, INFINITY, FALSE },
};

static gboolean
kind_is_valid (PalpMeasureKind kind)
{
  return (guint) kind < PALP_MEASURE_KIND_COUNT;
}

void
palp_measure_settings_init_default (PalpMeasureSettings *settings)
{
  g_return_if_fail (settings != NULL);

  for (guint i = 0; i < PALP_MEASURE_KIND_COUNT; i++)
    settings->mic[i] = kinds[i].mic;
}

gboolean
palp_measure_settings_validate (const PalpMeasureSettings  *settings,
                                GError                    **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  for (guint i = 0; i < PALP_MEASURE_CUSTOM; i++)
    {
      double mic = settings->mic[i];

      if (!isfinite (mic) || mic <= 0.0 || mic >= kinds[i].max - kinds[i].min)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("The minimal important change for “%s” must be more than 0 and less "
                         "than %g."),
                       _(kinds[i].label), kinds[i].max - kinds[i].min);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
palp_measure_kind_to_key (PalpMeasureKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  return kinds[kind].key;
}

gboolean
palp_measure_kind_from_key (const char      *key,
                            PalpMeasureKind *out_kind)
{
  for (guint i = 0; key != NULL && i < PALP_MEASURE_KIND_COUNT; i++)
    if (strcmp (kinds[i].key, key) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (PalpMeasureKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
palp_measure_kind_get_label (PalpMeasureKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  return _(kinds[kind].label);
}

const char *
palp_measure_kind_get_unit (PalpMeasureKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);
  return kind == PALP_MEASURE_CUSTOM ? "" : _(kinds[kind].unit);
}

gboolean
palp_measure_init (PalpMeasure                *out,
                   PalpMeasureKind             kind,
                   const PalpMeasureSettings  *settings,
                   GError                    **error)
{
  PalpMeasureSettings defaults;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!kind_is_valid (kind) || kind == PALP_MEASURE_CUSTOM)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Choose one of the measures the app knows, or describe your own."));
      return FALSE;
    }
  if (settings == NULL)
    {
      palp_measure_settings_init_default (&defaults);
      settings = &defaults;
    }
  if (!palp_measure_settings_validate (settings, error))
    return FALSE;

  out->kind = kind;
  out->direction = kinds[kind].direction;
  out->mic = settings->mic[kind];
  out->min = kinds[kind].min;
  out->max = kinds[kind].max;
  out->integral = kinds[kind].integral;
  return TRUE;
}

gboolean
palp_measure_init_custom (PalpMeasure   *out,
                          PalpDirection  direction,
                          double         mic,
                          double         min,
                          double         max,
                          GError       **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (direction != PALP_DIRECTION_LOWER_IS_BETTER && direction != PALP_DIRECTION_HIGHER_IS_BETTER)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Say whether a higher or a lower value is better."));
      return FALSE;
    }
  if (isnan (min) || isnan (max) || !(min < max))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The lowest valid value must be below the highest."));
      return FALSE;
    }
  if (!isfinite (mic) || mic <= 0.0 || mic >= max - min)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Give the smallest change that matters: a number above 0 and "
                             "within the measure's range."));
      return FALSE;
    }

  out->kind = PALP_MEASURE_CUSTOM;
  out->direction = direction;
  out->mic = mic;
  out->min = min;
  out->max = max;
  out->integral = FALSE;
  return TRUE;
}

gboolean
palp_measure_check_value (const PalpMeasure  *measure,
                          double              value,
                          GError            **error)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Enter a number."));
      return FALSE;
    }
  if (value < measure->min || value > measure->max)
    {
      if (isfinite (measure->min) && isfinite (measure->max))
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("Enter a value from %g to %g."), measure->min, measure->max);
      else if (isfinite (measure->min))
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("Enter a value of at least %g."), measure->min);
      else
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("Enter a value of at most %g."), measure->max);
      return FALSE;
    }
  if (measure->integral && value != floor (value))
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("Enter a whole number."));
      return FALSE;
    }
  return TRUE;
}

double
palp_measure_improvement (const PalpMeasure *measure,
                          double             from,
                          double             to)
{
  g_return_val_if_fail (measure != NULL, 0.0);

  return measure->direction == PALP_DIRECTION_HIGHER_IS_BETTER ? to - from : from - to;
}

/* Readings are typed with a decimal or two; a change of exactly the MIC
 * must count even when the subtraction lands a hair below it. */
#define EPSILON 1e-9

gboolean
palp_measure_is_important (const PalpMeasure *measure,
                           double             from,
                           double             to)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return palp_measure_improvement (measure, from, to) >= measure->mic - EPSILON;
}

gboolean
palp_measure_reaches (const PalpMeasure *measure,
                      double             value,
                      double             target)
{
  g_return_val_if_fail (measure != NULL, FALSE);

  return palp_measure_improvement (measure, target, value) >= -EPSILON;
}

PalpMouthOpening
palp_mouth_opening_classify (double mm)
{
  if (mm <= 35.0)
    return PALP_MOUTH_OPENING_TRISMUS;
  if (mm < 40.0)
    return PALP_MOUTH_OPENING_INVESTIGATE;
  if (mm < 45.0)
    return PALP_MOUTH_OPENING_REDUCED;
  if (mm <= 55.0)
    return PALP_MOUTH_OPENING_TYPICAL;
  return PALP_MOUTH_OPENING_WIDE;
}

const char *
palp_mouth_opening_get_label (PalpMouthOpening klass)
{
  switch (klass)
    {
    case PALP_MOUTH_OPENING_TRISMUS:
      return _("Trismus (35 mm or less)");
    case PALP_MOUTH_OPENING_INVESTIGATE:
      return _("Limited: warrants investigation (under 40 mm)");
    case PALP_MOUTH_OPENING_REDUCED:
      return _("Below most adults (under 45 mm)");
    case PALP_MOUTH_OPENING_TYPICAL:
      return _("Typical (45–55 mm)");
    case PALP_MOUTH_OPENING_WIDE:
      return _("Wider than most adults (over 55 mm)");
    default:
      g_return_val_if_reached (NULL);
    }
}

PalpNdiBand
palp_ndi_band_for_total (guint total)
{
  if (total <= 4)
    return PALP_NDI_NONE;
  if (total <= 14)
    return PALP_NDI_MILD;
  if (total <= 24)
    return PALP_NDI_MODERATE;
  if (total <= 34)
    return PALP_NDI_SEVERE;
  return PALP_NDI_COMPLETE;
}

const char *
palp_ndi_band_get_label (PalpNdiBand band)
{
  switch (band)
    {
    case PALP_NDI_NONE:
      return _("No disability");
    case PALP_NDI_MILD:
      return _("Mild disability");
    case PALP_NDI_MODERATE:
      return _("Moderate disability");
    case PALP_NDI_SEVERE:
      return _("Severe disability");
    case PALP_NDI_COMPLETE:
      return _("Complete disability");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
palp_ndi_score (const int     *items,
                gsize          n_items,
                PalpNdiScore  *out,
                GError       **error)
{
  guint total = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (items == NULL || n_items != PALP_NDI_ITEMS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The Neck Disability Index has %u items; %u were given."),
                   PALP_NDI_ITEMS, items == NULL ? 0 : (guint) n_items);
      return FALSE;
    }
  for (gsize i = 0; i < n_items; i++)
    {
      if (items[i] < 0 || items[i] > 5)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("Answer item %u of the Neck Disability Index with a score from 0 "
                         "to 5."),
                       (guint) i + 1);
          return FALSE;
        }
      total += (guint) items[i];
    }

  out->total = total;
  out->percent = total * 2;
  out->band = palp_ndi_band_for_total (total);
  return TRUE;
}

/* First and last item (1-based) of each subscale. */
static const guint jfls_ranges[PALP_JFLS_SUBSCALE_COUNT][2] = {
  [PALP_JFLS_MASTICATION] = { 1, 6 },
  [PALP_JFLS_MOBILITY] = { 7, 10 },
  [PALP_JFLS_EXPRESSION] = { 13, 20 },
};

void
palp_jfls_subscale_items (PalpJflsSubscale  subscale,
                          guint            *out_first,
                          guint            *out_last,
                          guint            *out_min_answered)
{
  guint first, last;

  g_return_if_fail ((guint) subscale < PALP_JFLS_SUBSCALE_COUNT);

  first = jfls_ranges[subscale][0];
  last = jfls_ranges[subscale][1];
  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = last;
  /* At least half, rounded up. */
  if (out_min_answered != NULL)
    *out_min_answered = (last - first + 2) / 2;
}

PalpMeasureKind
palp_jfls_subscale_measure (PalpJflsSubscale subscale)
{
  switch (subscale)
    {
    case PALP_JFLS_MASTICATION:
      return PALP_MEASURE_JFLS_MASTICATION;
    case PALP_JFLS_MOBILITY:
      return PALP_MEASURE_JFLS_MOBILITY;
    case PALP_JFLS_EXPRESSION:
      return PALP_MEASURE_JFLS_EXPRESSION;
    default:
      g_return_val_if_reached (PALP_MEASURE_CUSTOM);
    }
}

gboolean
palp_jfls20_score (const int      *items,
                   gsize           n_items,
                   PalpJflsScore  *out,
                   GError        **error)
{
  PalpJflsScore score = { { FALSE } };

  g_return_val_if_fail (out != NULL, FALSE);

  if (items == NULL || n_items != PALP_JFLS20_ITEMS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The Jaw Functional Limitation Scale has %u items; %u were given."),
                   PALP_JFLS20_ITEMS, items == NULL ? 0 : (guint) n_items);
      return FALSE;
    }
  for (gsize i = 0; i < n_items; i++)
    if (items[i] != PALP_JFLS_UNANSWERED && (items[i] < 0 || items[i] > 10))
      {
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("Answer item %u of the jaw function scale with a score from 0 to 10, "
                       "or leave it unanswered."),
                     (guint) i + 1);
        return FALSE;
      }

  for (guint s = 0; s < PALP_JFLS_SUBSCALE_COUNT; s++)
    {
      guint first, last, needed;
      int sum = 0;

      palp_jfls_subscale_items (s, &first, &last, &needed);
      for (guint item = first; item <= last; item++)
        if (items[item - 1] != PALP_JFLS_UNANSWERED)
          {
            sum += items[item - 1];
            score.answered[s]++;
          }
      if (score.answered[s] >= needed)
        {
          score.scored[s] = TRUE;
          score.mean[s] = (double) sum / score.answered[s];
        }
    }

  *out = score;
  return TRUE;
}

const char *
palp_muscle_grade_get_label (int grade)
{
  /* The Medical Research Council's scale. */
  switch (grade)
    {
    case 0:
      return _("0 — no contraction");
    case 1:
      return _("1 — flicker of contraction");
    case 2:
      return _("2 — moves with gravity eliminated");
    case 3:
      return _("3 — moves against gravity");
    case 4:
      return _("4 — moves against some resistance");
    case 5:
      return _("5 — normal strength");
    default:
      return NULL;
    }
}
