/* palp-cli-archive.c: export [--client ID] FILE.json, import FILE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-cli-private.h"

int
cmd_export (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = NULL;
  guint64 client_id = 0;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--client") == 0)
        {
          if (!parse_count ("--client", i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL,
                            G_MAXINT64, &client_id))
            return PALP_CLI_USAGE;
          if (client_id == 0)
            {
              usage_error (_("--client wants a client's id."));
              return PALP_CLI_USAGE;
            }
          i++;
        }
      else if (output == NULL && *ctx->args[i] != '\0' && *ctx->args[i] != '-')
        output = ctx->args[i];
      else
        {
          usage_error (_("“export” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }
  if (output == NULL)
    {
      usage_error (_("“export” wants the FILE.json to write the archive to."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!palp_store_export_archive (store, (gint64) client_id, output, &error))
    return runtime_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "archive", output);
      json_builder_set_member_name (builder, "scope");
      json_builder_add_string_value (builder, client_id ? "client" : "clinic");
      if (client_id)
        {
          json_builder_set_member_name (builder, "client_id");
          json_builder_add_int_value (builder, (gint64) client_id);
        }
      json_builder_end_object (builder);
      print_json (builder);
    }
  else if (client_id)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, client_id);

      g_print (_("The record of client %s written to %s.\n"), id, output);
    }
  else
    g_print (_("Clinic archive written to %s.\n"), output);
  return PALP_CLI_OK;
}

int
cmd_import (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  gboolean created;
  gboolean ok;

  if (ctx->n_args != 1 || *ctx->args[0] == '\0')
    {
      usage_error (_("“import” wants one FILE.json, an archive written by “export”."));
      return PALP_CLI_USAGE;
    }

  file = g_file_new_for_commandline_arg (ctx->args[0]);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    return runtime_error (error);

  /* A new database is made for the archive; an existing one must be empty. */
  path = ctx->database ? g_strdup (ctx->database) : palp_store_default_path ();
  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return runtime_error (error);
  ok = palp_store_import_archive (store, bytes, &error);
  g_clear_object (&store);
  if (!ok)
    {
      /* Nothing was imported: leave no half-made clinic behind either. */
      if (created)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
        }
      g_prefix_error (&error, "%s: ", ctx->args[0]);
      return runtime_error (error);
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "database", path);
      add_string (builder, "imported_from", ctx->args[0]);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    g_print (_("Imported %s into %s.\n"), ctx->args[0], path);
  return PALP_CLI_OK;
}
