/* palp-units.c: billing units for timed procedure codes
 *
 * The CMS method is the one in the Medicare Claims Processing Manual
 * (Pub. 100-04, ch. 5, §20.2): total timed minutes give the units, whole
 * 15-minute blocks go to their codes, and the remainder goes to the codes
 * with the most minutes left over. Its own examples are the tests in
 * tests/insurance/test-units.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-units.h"

const char *
palp_unit_rule_to_string (PalpUnitRule rule)
{
  switch (rule)
    {
    case PALP_UNIT_RULE_CMS:
      return "cms";
    case PALP_UNIT_RULE_PER_CODE:
      return "per-code";
    default:
      g_return_val_if_reached ("cms");
    }
}

gboolean
palp_unit_rule_from_string (const char    *text,
                            PalpUnitRule  *out_rule,
                            GError       **error)
{
  g_return_val_if_fail (out_rule != NULL, FALSE);

  if (g_strcmp0 (text, "cms") == 0)
    *out_rule = PALP_UNIT_RULE_CMS;
  else if (g_strcmp0 (text, "per-code") == 0)
    *out_rule = PALP_UNIT_RULE_PER_CODE;
  else
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   /* Translators: %s is what was typed; keep "cms" and "per-code" as they are. */
                   _("Unknown unit rule “%s”: use “cms” or “per-code”."),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

const char *
palp_unit_rule_get_label (PalpUnitRule rule)
{
  switch (rule)
    {
    case PALP_UNIT_RULE_CMS:
      return _("CMS 8-minute rule");
    case PALP_UNIT_RULE_PER_CODE:
      return _("Per code");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
palp_cpt_code_is_timed (const char *code)
{
  guint64 number;

  if (code == NULL || strlen (code) != 5
      || !g_ascii_string_to_unsigned (code, 10, 0, 99999, &number, NULL))
    return TRUE;

  /* Supervised modalities (hot/cold packs, traction, unattended
   * electrical stimulation...) and evaluations are per session. */
  if ((number >= 97010 && number <= 97028) || (number >= 97161 && number <= 97168))
    return FALSE;
  return TRUE;
}

guint
palp_units_for_minutes (guint minutes)
{
  if (minutes < 8)
    return 0;
  return (minutes + 7) / 15;
}

guint
palp_units_minimum_minutes (guint units)
{
  if (units == 0)
    return 0;
  return 15 * units - 7;
}

static gboolean
check_lines (const PalpUnitLine  *lines,
             gsize                n_lines,
             guint               *out_timed_total,
             GError             **error)
{
  guint total = 0;

  for (gsize i = 0; i < n_lines; i++)
    {
      if (lines[i].code == NULL || lines[i].code[0] == '\0')
        {
          g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                               _("Every line needs a procedure code."));
          return FALSE;
        }
      for (gsize j = 0; j < i; j++)
        if (strcmp (lines[j].code, lines[i].code) == 0)
          {
            g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                         /* Translators: %s is a procedure code such as 97140. */
                         _("Code %s is listed twice: add its minutes up on one line."),
                         lines[i].code);
            return FALSE;
          }
      if (lines[i].minutes > PALP_UNITS_MAX_MINUTES)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       /* Translators: %s is a procedure code, %u the most minutes a day has. */
                       _("Code %s has more minutes than a day (at most %u)."),
                       lines[i].code, (guint) PALP_UNITS_MAX_MINUTES);
          return FALSE;
        }
      if (lines[i].timed)
        total += lines[i].minutes;
    }
  if (total > PALP_UNITS_MAX_MINUTES)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   /* Translators: %u is the number of minutes in a day. */
                   _("The timed minutes of one date add up to more than a day (at most %u)."),
                   (guint) PALP_UNITS_MAX_MINUTES);
      return FALSE;
    }
  *out_timed_total = total;
  return TRUE;
}

/* TRUE when line @a should get the next leftover unit before line @b. */
static gboolean
leftover_before (const PalpUnitLine *a,
                 const PalpUnitLine *b)
{
  guint ra = a->minutes % 15, rb = b->minutes % 15;

  if (ra != rb)
    return ra > rb;
  if (a->minutes != b->minutes)
    return a->minutes > b->minutes;
  return strcmp (a->code, b->code) < 0;
}

gboolean
palp_units_compute (PalpUnitRule   rule,
                    PalpUnitLine  *lines,
                    gsize          n_lines,
                    GError       **error)
{
  g_autofree guint *units = NULL;
  g_autofree gboolean *has_leftover_unit = NULL;
  guint total_minutes = 0;
  guint remaining;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);

  if (!check_lines (lines, n_lines, &total_minutes, error))
    return FALSE;

  units = g_new0 (guint, MAX (n_lines, 1));
  has_leftover_unit = g_new0 (gboolean, MAX (n_lines, 1));

  for (gsize i = 0; i < n_lines; i++)
    {
      if (!lines[i].timed)
        units[i] = 1;
      else if (rule == PALP_UNIT_RULE_PER_CODE)
        units[i] = palp_units_for_minutes (lines[i].minutes);
      else
        units[i] = lines[i].minutes / 15;
    }

  if (rule == PALP_UNIT_RULE_CMS)
    {
      guint whole = 0;

      for (gsize i = 0; i < n_lines; i++)
        if (lines[i].timed)
          whole += units[i];
      /* Whole blocks never outnumber the day's units: Σ⌊mᵢ/15⌋ ≤ ⌊Σmᵢ/15⌋. */
      remaining = palp_units_for_minutes (total_minutes) - whole;

      /* One leftover unit per code at most: the leftovers are each under
       * 15 minutes, so the remainder never exceeds the codes that have one. */
      while (remaining > 0)
        {
          gssize best = -1;

          for (gsize i = 0; i < n_lines; i++)
            {
              if (!lines[i].timed || has_leftover_unit[i] || lines[i].minutes % 15 == 0)
                continue;
              if (best < 0 || leftover_before (&lines[i], &lines[best]))
                best = i;
            }
          g_assert (best >= 0);
          units[best]++;
          has_leftover_unit[best] = TRUE;
          remaining--;
        }
    }

  for (gsize i = 0; i < n_lines; i++)
    lines[i].units = units[i];
  return TRUE;
}

gboolean
palp_units_check_supported (PalpUnitRule         rule,
                            const PalpUnitLine  *lines,
                            gsize                n_lines,
                            GError             **error)
{
  guint total_minutes = 0;
  guint total_units = 0;

  g_return_val_if_fail (lines != NULL || n_lines == 0, FALSE);

  if (!check_lines (lines, n_lines, &total_minutes, error))
    return FALSE;

  for (gsize i = 0; i < n_lines; i++)
    {
      const PalpUnitLine *line = &lines[i];
      gboolean ok;

      if (!line->timed)
        ok = line->units <= 1;
      else if (rule == PALP_UNIT_RULE_PER_CODE)
        ok = line->units <= palp_units_for_minutes (line->minutes);
      else
        /* By CMS a code may take a unit for its leftover minutes (7
         * minutes can carry one), but never more than its minutes begin. */
        ok = line->units <= (line->minutes + 14) / 15;

      if (!ok)
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       /* Translators: %s is a procedure code, the %u are units and minutes. */
                       _("Code %s bills %u units, more than its %u documented minutes support."),
                       line->code, line->units, line->minutes);
          return FALSE;
        }
      if (line->timed)
        total_units += line->units;
    }

  if (rule == PALP_UNIT_RULE_CMS && total_units > palp_units_for_minutes (total_minutes))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   /* Translators: the %u are units and minutes. */
                   _("The date bills %u timed units, more than its %u documented minutes support."),
                   total_units, total_minutes);
      return FALSE;
    }
  return TRUE;
}
