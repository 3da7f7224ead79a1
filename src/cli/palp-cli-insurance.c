/* palp-cli-insurance.c: units, payers list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-cli-private.h"
#include "palp-units.h"

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

/* units --rule cms|per-code CODE=MINUTES...: the units one client's date
 * of service bills, code by code. Nothing is read or written. */
int
cmd_units (CliContext *ctx)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (PalpUnitLine));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PalpUnitRule rule = PALP_UNIT_RULE_CMS;
  gboolean have_rule = FALSE;
  guint total_minutes = 0, total_units = 0;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *eq;

      if (g_str_has_prefix (arg, "--rule"))
        {
          const char *value = NULL;

          if (g_str_equal (arg, "--rule"))
            value = i + 1 < ctx->n_args ? ctx->args[++i] : NULL;
          else if (arg[strlen ("--rule")] == '=')
            value = arg + strlen ("--rule=");
          else
            {
              usage_error (_("unknown option “%s”."), arg);
              return PALP_CLI_USAGE;
            }
          if (!palp_unit_rule_from_string (value, &rule, &error))
            {
              usage_error ("%s", error->message);
              return PALP_CLI_USAGE;
            }
          have_rule = TRUE;
        }
      else if ((eq = strchr (arg, '=')) != NULL && is_code (arg, eq - arg))
        {
          PalpUnitLine line = { 0 };
          g_autofree char *option = g_strndup (arg, eq - arg);
          guint64 minutes;

          if (!parse_count (option, eq + 1, PALP_UNITS_MAX_MINUTES, &minutes))
            return PALP_CLI_USAGE;
          g_ptr_array_add (codes, g_steal_pointer (&option));
          line.minutes = (guint) minutes;
          g_array_append_val (lines, line);
        }
      else
        {
          usage_error (_("“units” wants CODE=MINUTES pairs such as 97140=24, not “%s”."), arg);
          return PALP_CLI_USAGE;
        }
    }

  if (!have_rule || lines->len == 0)
    {
      usage_error (_("“units” wants --rule cms|per-code and at least one CODE=MINUTES."));
      return PALP_CLI_USAGE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      PalpUnitLine *line = &g_array_index (lines, PalpUnitLine, i);

      line->code = g_ptr_array_index (codes, i);
      line->timed = palp_cpt_code_is_timed (line->code);
    }
  if (!palp_units_compute (rule, (PalpUnitLine *) lines->data, lines->len, &error))
    {
      usage_error ("%s", error->message);
      return PALP_CLI_USAGE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const PalpUnitLine *line = &g_array_index (lines, PalpUnitLine, i);

      if (line->timed)
        total_minutes += line->minutes;
      total_units += line->units;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, palp_unit_rule_to_string (rule));
      json_builder_set_member_name (builder, "timed_minutes");
      json_builder_add_int_value (builder, total_minutes);
      json_builder_set_member_name (builder, "units");
      json_builder_add_int_value (builder, total_units);
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (guint i = 0; i < lines->len; i++)
        {
          const PalpUnitLine *line = &g_array_index (lines, PalpUnitLine, i);

          json_builder_begin_object (builder);
          add_string (builder, "code", line->code);
          json_builder_set_member_name (builder, "minutes");
          json_builder_add_int_value (builder, line->minutes);
          json_builder_set_member_name (builder, "timed");
          json_builder_add_boolean_value (builder, line->timed);
          json_builder_set_member_name (builder, "units");
          json_builder_add_int_value (builder, line->units);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = { _("Code"), _("Minutes"), _("Units"), NULL };
      char **cells;

      for (guint i = 0; i < lines->len; i++)
        {
          const PalpUnitLine *line = &g_array_index (lines, PalpUnitLine, i);

          cells = g_new0 (char *, 4);
          cells[0] = line->timed ? g_strdup (line->code)
                                 /* Translators: an untimed code, billed once a day. */
                                 : g_strdup_printf (_("%s (untimed)"), line->code);
          cells[1] = g_strdup_printf ("%u", line->minutes);
          cells[2] = g_strdup_printf ("%u", line->units);
          g_ptr_array_add (rows, cells);
        }
      cells = g_new0 (char *, 4);
      cells[0] = g_strdup (_("Total"));
      cells[1] = g_strdup_printf ("%u", total_minutes);
      cells[2] = g_strdup_printf ("%u", total_units);
      g_ptr_array_add (rows, cells);

      g_print ("%s\n", palp_unit_rule_get_label (rule));
      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}
