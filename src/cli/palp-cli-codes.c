/* palp-cli-codes.c: codes import FILE, codes search TEXT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-cli-private.h"

int
cmd_codes_import (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int rc = PALP_CLI_OK;
  gint64 n;

  if (ctx->n_args != 1)
    {
      usage_error (_("“codes import” wants one FILE: CDC's ICD-10-CM order file "
                     "(icd10cm_order_YYYY.txt)."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)))
    return rc;
  if (!require_actor (ctx, store, &rc))
    return rc;
  file = g_file_new_for_commandline_arg (ctx->args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return runtime_error (error);
  if ((n = palp_store_import_codes (store, bytes, &error)) < 0)
    {
      g_prefix_error (&error, "%s: ", ctx->args[0]);
      return runtime_error (error);
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_int_value (builder, n);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n);

      g_print (ngettext ("Imported %s ICD-10-CM code.\n", "Imported %s ICD-10-CM codes.\n",
                         (gulong) n),
               count);
    }
  return PALP_CLI_OK;
}

int
cmd_codes_search (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) codes = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint64 limit = 50;
  const char *text = NULL;
  int rc = PALP_CLI_OK;
  guint n;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--limit") == 0)
        {
          if (!parse_count ("--limit", i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL, 100000,
                            &limit))
            return PALP_CLI_USAGE;
          i++;
        }
      else if (text == NULL)
        text = ctx->args[i];
      else
        {
          usage_error (_("“codes search” wants one TEXT to search for (quote it if it has "
                         "spaces)."));
          return PALP_CLI_USAGE;
        }
    }
  if (text == NULL)
    {
      usage_error (_("“codes search” wants one TEXT to search for (quote it if it has "
                     "spaces)."));
      return PALP_CLI_USAGE;
    }
  if (!search_text_ok ("codes search", text))
    return PALP_CLI_USAGE;

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(codes = palp_store_search_codes (store, text, (guint) limit, &error)))
    return runtime_error (error);

  n = g_list_model_get_n_items (codes);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpDiagnosis) code = g_list_model_get_item (codes, i);
      char **cells = g_new0 (char *, 3);

      json_builder_begin_object (builder);
      add_string (builder, "code", palp_diagnosis_get_string (code, "code"));
      add_string (builder, "description", palp_diagnosis_get_string (code, "description"));
      json_builder_end_object (builder);
      cells[0] = g_strdup (palp_diagnosis_get_string (code, "code"));
      cells[1] = g_strdup (palp_diagnosis_get_string (code, "description"));
      g_ptr_array_add (rows, cells);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else if (n == 0)
    g_printerr (_("No codes found.\n"));
  else
    {
      const char *headers[] = { _("Code"), _("Description"), NULL };

      print_table (headers, rows);
      /* Translators: CDC publishes ICD-10-CM; its descriptors are quoted. */
      g_print (_("Source: CDC, ICD-10-CM.\n"));
    }
  return PALP_CLI_OK;
}
