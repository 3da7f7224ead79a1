/* fuzz-rules.c: libFuzzer entry point for the jurisdiction rules parser
 *
 * Reads the input as a rules file (data/rules/jurisdictions.json's
 * format): either rules come back whole — an id, a jurisdiction and a
 * summary each, ids not repeated, a date unless marked verify — and,
 * written back with palp_rules_to_json (), read again the same; or there
 * is one error, in words. The same function replays the corpus in the
 * ordinary test run (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-sign-gates.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) written = NULL;
  g_autofree char *about = palp_rules_read_about (bytes);
  g_autofree char *json = NULL;

  g_assert (about == NULL || g_utf8_validate (about, -1, NULL));
  rules = palp_rules_parse (bytes, &error);
  g_assert ((rules == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert (error->domain == PALP_CORE_ERROR);
      g_assert (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      const PalpRule *rule = g_ptr_array_index (rules, i);

      g_assert (rule->id != NULL && rule->jurisdiction != NULL && rule->summary != NULL);
      g_assert (rule->date != NULL || rule->verify);
      g_assert (g_hash_table_add (ids, rule->id));
    }

  /* What the clinic's editor writes back reads the same. */
  json = palp_rules_to_json (rules, about);
  g_assert (json != NULL && g_utf8_validate (json, -1, NULL));
  written = g_bytes_new (json, strlen (json));
  again = palp_rules_parse (written, &error);
  g_assert (again != NULL && error == NULL);
  g_assert (again->len == rules->len);
  for (guint i = 0; i < rules->len; i++)
    {
      const PalpRule *a = g_ptr_array_index (rules, i);
      const PalpRule *b = g_ptr_array_index (again, i);

      g_assert (g_strcmp0 (a->id, b->id) == 0);
      g_assert (g_strcmp0 (a->jurisdiction, b->jurisdiction) == 0);
      g_assert (g_strcmp0 (a->jurisdiction_name, b->jurisdiction_name) == 0);
      g_assert (a->scope == b->scope && a->requirement == b->requirement);
      g_assert (g_strcmp0 (a->endorsement, b->endorsement) == 0);
      g_assert (g_strcmp0 (a->summary, b->summary) == 0);
      g_assert (g_strcmp0 (a->source, b->source) == 0);
      g_assert (g_strcmp0 (a->date, b->date) == 0);
      g_assert (a->verify == b->verify && a->overridable == b->overridable);
    }
  return 0;
}
