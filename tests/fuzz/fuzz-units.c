/* fuzz-units.c: libFuzzer entry point for `palpate-cli units` arguments
 *
 * Reads the input as a command line, one argument a line (a NUL byte
 * ends an argument too), and hands it to palp_units_request_parse (), as
 * the command does. Either one error comes back, in words, valid UTF-8;
 * or a rule and CODE=MINUTES lines, five-digit codes with minutes in
 * range, whose units, once computed, are supported by their minutes and
 * do not depend on the order the codes were given. The same function
 * replays the corpus in the ordinary test run (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-units-args.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
assert_error (const GError *error)
{
  g_assert (error != NULL && error->domain == PALP_CORE_ERROR);
  g_assert (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PalpUnitsRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reversed = NULL;
  GArray *lines;
  gsize start = 0;

  /* A command line has a limit; so does the fuzzer's patience. */
  if (size > 1 << 16)
    return 0;
  for (gsize i = 0; i <= size; i++)
    if (i == size || data[i] == '\n' || data[i] == '\0')
      {
        if (i < size || i > start)
          g_ptr_array_add (args, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }

  request = palp_units_request_parse ((const char * const *) args->pdata, args->len, &error);
  g_assert ((request == NULL) == (error != NULL));
  if (request == NULL)
    {
      assert_error (error);
      return 0;
    }

  lines = request->lines;
  g_assert (request->rule == PALP_UNIT_RULE_CMS || request->rule == PALP_UNIT_RULE_PER_CODE);
  g_assert (lines->len > 0 && lines->len == request->codes->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const PalpUnitLine *line = &g_array_index (lines, PalpUnitLine, i);

      g_assert (strlen (line->code) == 5);
      for (guint c = 0; c < 5; c++)
        g_assert (g_ascii_isdigit (line->code[c]));
      g_assert (line->minutes <= PALP_UNITS_MAX_MINUTES);
      g_assert (line->timed == palp_cpt_code_is_timed (line->code));
    }

  reversed = g_array_sized_new (FALSE, TRUE, sizeof (PalpUnitLine), lines->len);
  for (guint i = lines->len; i > 0; i--)
    g_array_append_val (reversed, g_array_index (lines, PalpUnitLine, i - 1));

  if (!palp_units_compute (request->rule, (PalpUnitLine *) lines->data, lines->len, &error))
    {
      assert_error (error);
      /* Refused whatever the order, leaving the lines untouched. */
      g_clear_error (&error);
      g_assert (!palp_units_compute (request->rule, (PalpUnitLine *) reversed->data,
                                     reversed->len, &error));
      assert_error (error);
      for (guint i = 0; i < lines->len; i++)
        g_assert (g_array_index (lines, PalpUnitLine, i).units == 0);
      return 0;
    }

  /* The units billed are supported by the minutes documented... */
  g_assert (palp_units_check_supported (request->rule, (const PalpUnitLine *) lines->data,
                                        lines->len, &error));
  g_assert (error == NULL);
  /* ...and do not depend on the order the codes were given. */
  g_assert (palp_units_compute (request->rule, (PalpUnitLine *) reversed->data, reversed->len,
                                &error));
  for (guint i = 0; i < lines->len; i++)
    g_assert (g_array_index (lines, PalpUnitLine, i).units ==
              g_array_index (reversed, PalpUnitLine, lines->len - 1 - i).units);
  return 0;
}
