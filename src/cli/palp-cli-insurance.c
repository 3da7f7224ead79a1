/* palp-cli-insurance.c: units, payers list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-cli-private.h"
#include "palp-coverage.h"
#include "palp-money.h"
#include "palp-store-insurance.h"
#include "palp-units-args.h"

/* units --rule cms|per-code CODE=MINUTES...: the units one client's date
 * of service bills, code by code. Nothing is read or written. */
int
cmd_units (CliContext *ctx)
{
  g_autoptr(PalpUnitsRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  PalpUnitRule rule;
  GArray *lines;
  guint total_minutes = 0, total_units = 0;

  request = palp_units_request_parse ((const char * const *) ctx->args, ctx->n_args, &error);
  if (request == NULL)
    {
      usage_error ("%s", error->message);
      return PALP_CLI_USAGE;
    }
  rule = request->rule;
  lines = request->lines;
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

static void
add_bool (JsonBuilder *builder,
          const char  *key,
          gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value != 0);
}

/* payers list [--all]: the clinic's payers with their rules and fee
 * schedules. */
int
cmd_payers_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) payers = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean all = FALSE;
  int rc = PALP_CLI_OK;
  guint n;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_str_equal (ctx->args[i], "--all"))
        all = TRUE;
      else
        {
          usage_error (_("“payers list” takes only --all, not “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(payers = palp_store_list_payers (store, all, &error)))
    return runtime_error (error);

  n = g_list_model_get_n_items (payers);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpPayer) p = g_list_model_get_item (payers, i);
      g_autoptr(GListModel) fees = NULL;
      g_autoptr(GString) fee_text = g_string_new (NULL);
      const char *rule_text = palp_payer_get_string (p, "unit-rule");
      PalpUnitRule rule = PALP_UNIT_RULE_CMS;
      GString *needs = g_string_new (NULL);
      char **cells;

      if (!(fees = palp_store_list_payer_fees (store, palp_payer_get_int (p, "id"), &error)))
        return runtime_error (error);
      palp_unit_rule_from_string (rule_text, &rule, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, palp_payer_get_int (p, "id"));
      add_string (builder, "name", palp_payer_get_string (p, "name"));
      add_string (builder, "kind", palp_payer_get_string (p, "kind"));
      add_string (builder, "electronic_id", palp_payer_get_string (p, "electronic-id"));
      add_string (builder, "address", palp_payer_get_string (p, "address"));
      add_string (builder, "phone", palp_payer_get_string (p, "phone"));
      add_string (builder, "unit_rule", rule_text);
      add_bool (builder, "referral_required", palp_payer_get_int (p, "referral-required"));
      add_bool (builder, "preauth_required", palp_payer_get_int (p, "preauth-required"));
      add_bool (builder, "in_network", palp_payer_get_int (p, "in-network"));
      add_bool (builder, "active", palp_payer_get_int (p, "active"));
      json_builder_set_member_name (builder, "fees");
      json_builder_begin_array (builder);
      for (guint f = 0; f < g_list_model_get_n_items (fees); f++)
        {
          g_autoptr(PalpPayerFee) fee = g_list_model_get_item (fees, f);
          g_autofree char *amount =
            palp_money_format_plain (palp_payer_fee_get_int (fee, "unit-price-cents"));

          json_builder_begin_object (builder);
          add_string (builder, "code", palp_payer_fee_get_string (fee, "code"));
          json_builder_set_member_name (builder, "unit_price_cents");
          json_builder_add_int_value (builder, palp_payer_fee_get_int (fee, "unit-price-cents"));
          json_builder_end_object (builder);
          g_string_append_printf (fee_text, "%s%s %s", fee_text->len ? ", " : "",
                                  palp_payer_fee_get_string (fee, "code"), amount);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      if (palp_payer_get_int (p, "referral-required"))
        g_string_append (needs, _("referral"));
      if (palp_payer_get_int (p, "preauth-required"))
        g_string_append_printf (needs, "%s%s", needs->len ? ", " : "", _("pre-authorisation"));

      cells = g_new0 (char *, 9);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_payer_get_int (p, "id"));
      cells[1] = g_strdup (palp_payer_get_string (p, "name"));
      cells[2] = g_strdup (palp_payer_kind_get_label (palp_payer_get_string (p, "kind")));
      cells[3] = g_strdup (palp_unit_rule_get_label (rule));
      cells[4] = g_string_free (needs, FALSE);
      cells[5] = g_strdup (palp_payer_get_int (p, "in-network") ? _("in network")
                                                                  : _("out of network"));
      cells[6] = g_strdup (palp_payer_get_int (p, "active") ? fee_text->str : _("retired"));
      g_ptr_array_add (rows, cells);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else if (n == 0)
    g_printerr (_("No payers yet: add them in Preferences → Payers.\n"));
  else
    {
      const char *headers[] = { _("ID"), _("Payer"), _("Kind"), _("Units"), _("Needs"),
                                _("Network"), _("Fee schedule"), NULL };

      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}
