/* palp-units-args.c: the arguments of `palpate-cli units`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-units-args.h"

/* A CPT number as the catalogue stores it: five digits. */
static gboolean
is_code (const char *text,
         gsize       len)
{
  if (len != 5)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

void
palp_units_request_free (PalpUnitsRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->lines, g_array_unref);
  g_clear_pointer (&request->codes, g_ptr_array_unref);
  g_free (request);
}

PalpUnitsRequest *
palp_units_request_parse (const char * const  *args,
                          gsize                n_args,
                          GError             **error)
{
  g_autoptr(PalpUnitsRequest) request = g_new0 (PalpUnitsRequest, 1);
  gboolean have_rule = FALSE;

  g_return_val_if_fail (args != NULL || n_args == 0, NULL);

  request->rule = PALP_UNIT_RULE_CMS;
  request->lines = g_array_new (FALSE, TRUE, sizeof (PalpUnitLine));
  request->codes = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < n_args; i++)
    {
      const char *arg = args[i] != NULL ? args[i] : "";
      /* Messages are UTF-8 whatever was typed. */
      g_autofree char *shown = g_utf8_make_valid (arg, -1);
      const char *eq;

      if (g_str_has_prefix (arg, "--rule"))
        {
          const char *value = NULL;

          if (g_str_equal (arg, "--rule"))
            value = i + 1 < n_args ? args[++i] : NULL;
          else if (arg[strlen ("--rule")] == '=')
            value = arg + strlen ("--rule=");
          else
            {
              g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("unknown option “%s”."), shown);
              return NULL;
            }
          g_free (shown);
          shown = value != NULL ? g_utf8_make_valid (value, -1) : NULL;
          if (!palp_unit_rule_from_string (shown, &request->rule, error))
            return NULL;
          have_rule = TRUE;
        }
      else if ((eq = strchr (arg, '=')) != NULL && is_code (arg, eq - arg))
        {
          PalpUnitLine line = { 0 };
          guint64 minutes;

          if (!g_ascii_string_to_unsigned (eq + 1, 10, 0, PALP_UNITS_MAX_MINUTES, &minutes,
                                           NULL))
            {
              g_autofree char *code = g_strndup (arg, eq - arg);
              g_autofree char *minutes_text = g_utf8_make_valid (eq + 1, -1);
              g_autofree char *max = g_strdup_printf ("%u", PALP_UNITS_MAX_MINUTES);

              /* Numbers go in as text: a format macro cannot be translated. */
              g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("%s wants a whole number from 0 to %s, not “%s”."),
                           code, max, minutes_text);
              return NULL;
            }
          g_ptr_array_add (request->codes, g_strndup (arg, eq - arg));
          line.minutes = (guint) minutes;
          g_array_append_val (request->lines, line);
        }
      else
        {
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("“units” wants CODE=MINUTES pairs such as 97140=24, not “%s”."),
                       shown);
          return NULL;
        }
    }

  if (!have_rule || request->lines->len == 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("“units” wants --rule cms|per-code and at least one "
                             "CODE=MINUTES."));
      return NULL;
    }

  for (guint i = 0; i < request->lines->len; i++)
    {
      PalpUnitLine *line = &g_array_index (request->lines, PalpUnitLine, i);

      line->code = g_ptr_array_index (request->codes, i);
      line->timed = palp_cpt_code_is_timed (line->code);
    }
  return g_steal_pointer (&request);
}
