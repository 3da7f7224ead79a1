/* palp-chart-summary.c: the body chart in words, and what changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-chart-summary.h"

/* The highest intensity of each kind in each region, regions in order of
 * first appearance. */
typedef struct
{
  const char *id;
  const char *name;
  int         intensity[PALP_MARK_KIND_COUNT];  /* -2: not marked */
} RegionTally;

static void
tally (GArray              *regions,
       const PalpChartItem *items,
       gsize                n_items)
{
  for (gsize i = 0; i < n_items; i++)
    {
      const PalpChartItem *item = &items[i];
      RegionTally *r = NULL;

      if (item->region_id == NULL || item->kind >= PALP_MARK_KIND_COUNT)
        continue;
      for (guint j = 0; j < regions->len && r == NULL; j++)
        if (strcmp (g_array_index (regions, RegionTally, j).id, item->region_id) == 0)
          r = &g_array_index (regions, RegionTally, j);
      if (r == NULL)
        {
          RegionTally fresh = { item->region_id, item->region_name, { 0 } };

          for (guint k = 0; k < PALP_MARK_KIND_COUNT; k++)
            fresh.intensity[k] = -2;
          g_array_append_val (regions, fresh);
          r = &g_array_index (regions, RegionTally, regions->len - 1);
        }
      r->intensity[item->kind] = MAX (r->intensity[item->kind],
                                      palp_mark_kind_has_intensity (item->kind)
                                        ? CLAMP (item->intensity, -1, 10) : -1);
    }
}

static char *
lower_label (PalpMarkKind kind)
{
  const char *label = palp_mark_kind_get_label (kind);
  gunichar first = g_utf8_get_char (label);
  g_autofree char *rest = g_strdup (g_utf8_next_char (label));
  char buf[8] = { 0 };

  /* Labels are capitalised for lists; in a sentence only the first letter
   * changes ("Trigger point" → "trigger point"). */
  g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  return g_strconcat (buf, rest, NULL);
}

char *
palp_chart_summary_text (const PalpChartItem *items,
                         gsize                n_items)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (RegionTally));
  GString *text = g_string_new (NULL);

  tally (regions, items, n_items);
  if (regions->len == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No findings marked."));
    }
  for (guint j = 0; j < regions->len; j++)
    {
      RegionTally *r = &g_array_index (regions, RegionTally, j);
      gboolean first = TRUE;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a region of the body chart, then what was found there. */
      g_string_append_printf (text, _("%s: "), r->name ? r->name : r->id);
      for (guint k = 0; k < PALP_MARK_KIND_COUNT; k++)
        {
          g_autofree char *label = NULL;

          if (r->intensity[k] == -2)
            continue;
          label = lower_label (k);
          if (!first)
            g_string_append (text, _(", "));
          first = FALSE;
          if (r->intensity[k] >= 0)
            /* Translators: a finding and its intensity: "trigger point 7/10". */
            g_string_append_printf (text, _("%s %d/10"), label, r->intensity[k]);
          else
            g_string_append (text, label);
        }
      g_string_append_c (text, '.');
    }
  return g_string_free (text, FALSE);
}

void
palp_chart_change_free (PalpChartChange *change)
{
  if (change == NULL)
    return;
  g_free (change->region_id);
  g_free (change->region_name);
  g_free (change);
}

static RegionTally *
find_tally (GArray     *regions,
            const char *id)
{
  for (guint j = 0; j < regions->len; j++)
    if (strcmp (g_array_index (regions, RegionTally, j).id, id) == 0)
      return &g_array_index (regions, RegionTally, j);
  return NULL;
}

GPtrArray *
palp_chart_compare (const PalpChartItem *before,
                    gsize                n_before,
                    const PalpChartItem *after,
                    gsize                n_after)
{
  g_autoptr(GArray) was = g_array_new (FALSE, FALSE, sizeof (RegionTally));
  g_autoptr(GArray) now = g_array_new (FALSE, FALSE, sizeof (RegionTally));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_chart_change_free);

  tally (was, before, n_before);
  tally (now, after, n_after);
  for (guint j = 0; j < now->len; j++)
    g_ptr_array_add (order, &g_array_index (now, RegionTally, j));
  for (guint j = 0; j < was->len; j++)
    if (find_tally (now, g_array_index (was, RegionTally, j).id) == NULL)
      g_ptr_array_add (order, &g_array_index (was, RegionTally, j));

  for (guint j = 0; j < order->len; j++)
    {
      RegionTally *any = g_ptr_array_index (order, j);
      RegionTally *b = find_tally (was, any->id);
      RegionTally *a = find_tally (now, any->id);

      for (guint k = 0; k < PALP_MARK_KIND_COUNT; k++)
        {
          int x = b ? b->intensity[k] : -2;
          int y = a ? a->intensity[k] : -2;
          PalpChartChange *change;

          if (x == -2 && y == -2)
            continue;
          change = g_new0 (PalpChartChange, 1);
          change->region_id = g_strdup (any->id);
          change->region_name = g_strdup (any->name ? any->name : any->id);
          change->kind = k;
          change->before = MAX (x, -1);
          change->after = MAX (y, -1);
          if (x == -2)
            change->change = PALP_CHART_CHANGE_NEW;
          else if (y == -2)
            change->change = PALP_CHART_CHANGE_RESOLVED;
          else if (y > x)
            change->change = PALP_CHART_CHANGE_WORSE;
          else if (y < x)
            change->change = PALP_CHART_CHANGE_BETTER;
          else
            change->change = PALP_CHART_CHANGE_SAME;
          g_ptr_array_add (changes, change);
        }
    }
  return changes;
}

char *
palp_chart_change_describe (const PalpChartChange *change)
{
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  label = lower_label (change->kind);
  /* Translators: a region of the body chart and a finding in it. */
  what = g_strdup_printf (_("%s, %s"), change->region_name, label);
  switch (change->change)
    {
    case PALP_CHART_CHANGE_NEW:
      if (change->after >= 0)
        return g_strdup_printf (_("%s: new, %d/10"), what, change->after);
      return g_strdup_printf (_("%s: new"), what);
    case PALP_CHART_CHANGE_RESOLVED:
      return g_strdup_printf (_("%s: resolved"), what);
    case PALP_CHART_CHANGE_WORSE:
      return g_strdup_printf (_("%s: %d → %d/10, worse"), what, change->before, change->after);
    case PALP_CHART_CHANGE_BETTER:
      return g_strdup_printf (_("%s: %d → %d/10, better"), what, change->before, change->after);
    case PALP_CHART_CHANGE_SAME:
    default:
      if (change->after >= 0)
        return g_strdup_printf (_("%s: unchanged, %d/10"), what, change->after);
      return g_strdup_printf (_("%s: unchanged"), what);
    }
}
