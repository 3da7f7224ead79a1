/* fuzz-icd10.c: libFuzzer entry point for the ICD-10-CM code importers
 *
 * Reads the input as CDC's fixed-width order file and as a tab-separated
 * code list: either every entry is whole (a code in printed form that
 * normalises to itself, a description, rising order numbers, no repeats)
 * or there is one error whose message starts with the faulty line's
 * number. The same function replays the corpus in the ordinary test run
 * (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-icd10.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_entries (GPtrArray *entries,
               GError    *error,
               gboolean   rising)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert ((entries == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert (error->domain == PALP_CORE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (error->message[0] != '\0');
      return;
    }
  g_assert (entries->len > 0);
  for (guint i = 0; i < entries->len; i++)
    {
      const PalpIcd10Entry *e = g_ptr_array_index (entries, i);
      g_autofree char *again = NULL;

      g_assert (e->code != NULL && palp_icd10_validate (e->code, NULL));
      again = palp_icd10_normalize (e->code, NULL);
      g_assert (g_strcmp0 (again, e->code) == 0);
      g_assert (e->long_description != NULL && g_utf8_validate (e->long_description, -1, NULL));
      g_assert (e->short_description == NULL ||
                g_utf8_validate (e->short_description, -1, NULL));
      g_assert (g_hash_table_add (seen, e->code));
      if (i > 0 && rising)
        g_assert (e->order > ((const PalpIcd10Entry *) g_ptr_array_index (entries, i - 1))->order);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) tsv_error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) tsv = NULL;

  entries = palp_icd10_parse_order_file (bytes, &error);
  check_entries (entries, error, TRUE);

  tsv = palp_icd10_load_tsv (bytes, &tsv_error);
  check_entries (tsv, tsv_error, TRUE);

  return 0;
}
