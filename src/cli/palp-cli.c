/* palp-cli.c: palpate-cli's commands
 *
 * One command table for the whole product (DESIGN.md). Lists print as
 * aligned text, or with --json as one JSON document with stable snake_case
 * keys. Commands that write need --as, so every audit row has a person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "palp-cli-private.h"
#include "palp-date.h"
#include "palp-demo.h"
#include "palp-doc-letter.h"
#include "palp-doc-receipt.h"
#include "palp-money.h"
#include "palp-service-category.h"
#include "palp-store.h"
#include "palp-validate.h"

void
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("palpate-cli: %s\n", message);
  g_printerr (_("Try “palpate-cli --help” for the list of commands.\n"));
}

int
runtime_error (const GError *error)
{
  g_printerr ("palpate-cli: %s\n", error->message);
  return PALP_CLI_ERROR;
}

gboolean
search_text_ok (const char *command,
                const char *text)
{
  g_autoptr(GError) error = NULL;

  if (palp_validate_text (text, 200, &error))
    return TRUE;
  /* Translators: the first %s is a command, such as “codes search”; the
   * second says what is wrong with the text. */
  usage_error (_("“%s”: %s"), command, error->message);
  return FALSE;
}

/* Parses a whole non-negative number no larger than @max. */
gboolean
parse_count (const char *option,
             const char *text,
             guint64     max,
             guint64    *out)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, out, &error))
    {
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      /* Numbers go in as text: a format macro cannot be translated. */
      usage_error (_("%s wants a whole number from 0 to %s, not “%s”."),
                   option, max_text, text ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
parse_visit_ids (const char *text,
                 GArray     *visits)
{
  g_auto(GStrv) ids = g_strsplit (text, ",", -1);

  for (guint v = 0; ids[v] != NULL; v++)
    {
      guint64 id;

      if (!parse_count (_("a visit"), ids[v], G_MAXINT64, &id) || id == 0)
        return FALSE;
      g_array_append_val (visits, id);
    }
  return TRUE;
}

static char *
resolve_database (CliContext *ctx)
{
  if (ctx->database != NULL)
    return g_strdup (ctx->database);
  return palp_store_default_path ();
}

/* Opens the existing database; commands other than demo never create one. */
PalpStore *
open_store (CliContext          *ctx,
            PalpStoreOpenFlags   flags,
            int                 *out_exit)
{
  g_autofree char *path = resolve_database (ctx);
  g_autoptr(GError) error = NULL;
  PalpStore *store;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("palpate-cli: there is no clinic database at “%s”. Open Palpate to set "
                    "one up, or name one with --database.\n"),
                  path);
      *out_exit = PALP_CLI_ERROR;
      return NULL;
    }

  store = palp_store_open (path, flags, &error);
  if (store == NULL)
    *out_exit = runtime_error (error);
  return store;
}

/* Commands that write call this: --as must name a user of the clinic. */
gboolean
require_actor (CliContext  *ctx,
               PalpStore   *store,
               int         *out_exit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = NULL;

  if (ctx->as_user == NULL || *ctx->as_user == '\0')
    {
      usage_error (_("this command changes the clinic's records: say who you are with "
                     "--as USER (a login or an id)."));
      *out_exit = PALP_CLI_USAGE;
      return FALSE;
    }

  user = palp_store_find_user (store, ctx->as_user, &error);
  if (user == NULL)
    {
      if (error != NULL)
        g_printerr ("palpate-cli: %s\n", error->message);
      else
        g_printerr (_("palpate-cli: no user “%s” in this clinic.\n"), ctx->as_user);
      *out_exit = PALP_CLI_ERROR;
      return FALSE;
    }

  palp_store_set_actor (store, palp_user_get_id (user));
  return TRUE;
}

void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A plain text table: columns padded to their widest cell, in characters. */
void
print_table (const char * const  *headers,
             GPtrArray           *rows)
{
  guint n_cols = g_strv_length ((char **) headers);
  g_autofree glong *widths = g_new0 (glong, n_cols);

  for (guint c = 0; c < n_cols; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_cols; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c] ? cells[c] : "", -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? headers
                                         : (const char * const *) g_ptr_array_index (rows, r - 1);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_cols; c++)
        {
          const char *cell = cells[c] ? cells[c] : "";
          g_string_append (line, cell);
          if (c + 1 < n_cols)
            for (glong pad = g_utf8_strlen (cell, -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

PalpCountry
store_country (PalpStore *store)
{
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (store, NULL);

  return clinic ? palp_clinic_get_country_enum (clinic) : PALP_COUNTRY_US;
}

char *
short_date (const char  *iso,
            PalpCountry  country)
{
  char *text = iso ? palp_date_format_short (iso, country) : NULL;

  return text ? text : g_strdup ("");
}

/* clients list | clients search TEXT */
static int
print_clients (CliContext *ctx,
               PalpStore  *store,
               GListModel *clients)
{
  guint n = g_list_model_get_n_items (clients);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpClient) c = g_list_model_get_item (clients, i);
          g_autofree char *display = palp_client_dup_display_name (c);
          g_autofree char *given = NULL, *middle = NULL, *family = NULL, *preferred = NULL;
          g_autofree char *sex = NULL, *pronouns = NULL, *home = NULL;

          g_object_get (c, "given-name", &given, "middle-name", &middle,
                        "family-name", &family, "preferred-name", &preferred,
                        "sex", &sex, "pronouns", &pronouns, "home-phone", &home, NULL);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, palp_client_get_id (c));
          add_string (builder, "display_name", display);
          add_string (builder, "given_name", given);
          add_string (builder, "middle_name", middle);
          add_string (builder, "family_name", family);
          add_string (builder, "preferred_name", preferred);
          add_string (builder, "birth_date", palp_client_get_birth_date (c));
          add_string (builder, "sex", sex);
          add_string (builder, "pronouns", pronouns);
          add_string (builder, "mobile_phone", palp_client_get_mobile_phone (c));
          add_string (builder, "home_phone", home);
          add_string (builder, "email", palp_client_get_email (c));
          json_builder_set_member_name (builder, "archived");
          json_builder_add_boolean_value (builder, palp_client_get_archived (c));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else
    {
      const char *headers[] = { _("ID"), _("Name"), _("Birth date"), _("Phone"), _("E-mail"),
                                NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      PalpCountry country = store_country (store);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpClient) c = g_list_model_get_item (clients, i);
          char **cells = g_new0 (char *, 6);

          cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_client_get_id (c));
          cells[1] = palp_client_dup_display_name (c);
          cells[2] = short_date (palp_client_get_birth_date (c), country);
          cells[3] = g_strdup (palp_client_get_mobile_phone (c));
          cells[4] = g_strdup (palp_client_get_email (c));
          g_ptr_array_add (rows, cells);
        }
      if (n == 0)
        g_printerr (_("No clients found.\n"));
      else
        print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

static int
cmd_clients_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  gboolean archived = FALSE;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--archived") == 0)
        archived = TRUE;
      else
        {
          usage_error (_("“clients list” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(clients = palp_store_search_clients (store, "", archived, 0, &error)))
    return runtime_error (error);
  return print_clients (ctx, store, clients);
}

static int
cmd_clients_search (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(GError) error = NULL;
  int rc = PALP_CLI_OK;

  if (ctx->n_args != 1)
    {
      usage_error (_("“clients search” wants one TEXT to search for (quote it if it has spaces)."));
      return PALP_CLI_USAGE;
    }
  if (!search_text_ok ("clients search", ctx->args[0]))
    return PALP_CLI_USAGE;

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(clients = palp_store_search_clients (store, ctx->args[0], FALSE, 0, &error)))
    return runtime_error (error);
  return print_clients (ctx, store, clients);
}

static int
cmd_practitioners_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *today = palp_date_today_iso ();
  int rc = PALP_CLI_OK;
  PalpCountry country;
  guint n;

  if (ctx->n_args != 0)
    {
      usage_error (_("“practitioners list” takes no arguments."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(users = palp_store_list_practitioners (store, &error)))
    return runtime_error (error);
  country = store_country (store);

  n = g_list_model_get_n_items (users);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpUser) u = g_list_model_get_item (users, i);
      g_autoptr(GListModel) licences = palp_store_list_licences (store, palp_user_get_id (u),
                                                                 &error);
      g_autofree char *npi = NULL, *profession = NULL, *association = NULL;
      g_autoptr(GString) licence_text = g_string_new (NULL);
      char **cells;

      if (licences == NULL)
        return runtime_error (error);

      g_object_get (u, "npi", &npi, "profession", &profession, "association", &association,
                    NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, palp_user_get_id (u));
      add_string (builder, "login", palp_user_get_login (u));
      add_string (builder, "display_name", palp_user_get_display_name (u));
      add_string (builder, "credentials", palp_user_get_credentials (u));
      add_string (builder, "profession", profession);
      add_string (builder, "association", association);
      add_string (builder, "npi", npi);
      json_builder_set_member_name (builder, "admin");
      json_builder_add_boolean_value (builder, palp_user_is_admin (u));
      json_builder_set_member_name (builder, "licences");
      json_builder_begin_array (builder);
      for (guint l = 0; l < g_list_model_get_n_items (licences); l++)
        {
          g_autoptr(PalpLicence) lic = g_list_model_get_item (licences, l);
          g_autofree char *endorsement = NULL, *issued = NULL;
          PalpLicenceKind kind;
          gboolean current = palp_licence_is_current (lic, today);
          g_autofree char *expires = short_date (palp_licence_get_expires (lic), country);

          g_object_get (lic, "kind", &kind, "endorsement", &endorsement, "issued", &issued,
                        NULL);
          json_builder_begin_object (builder);
          add_string (builder, "kind",
                      kind == PALP_LICENCE_KIND_ENDORSEMENT ? "endorsement" : "licence");
          add_string (builder, "number", palp_licence_get_number (lic));
          add_string (builder, "jurisdiction", palp_licence_get_jurisdiction (lic));
          add_string (builder, "endorsement", endorsement);
          add_string (builder, "issued", issued);
          add_string (builder, "expires", palp_licence_get_expires (lic));
          json_builder_set_member_name (builder, "current");
          json_builder_add_boolean_value (builder, current);
          json_builder_end_object (builder);

          if (licence_text->len > 0)
            g_string_append (licence_text, "; ");
          if (kind == PALP_LICENCE_KIND_ENDORSEMENT)
            g_string_append_printf (licence_text, _("%s endorsement"), endorsement);
          else
            g_string_append_printf (licence_text, "%s %s",
                                    palp_licence_get_jurisdiction (lic),
                                    palp_licence_get_number (lic));
          if (!current)
            g_string_append_printf (licence_text, " (%s)", _("expired"));
          else if (*expires != '\0')
            g_string_append_printf (licence_text, _(" until %s"), expires);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      cells = g_new0 (char *, 6);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_user_get_id (u));
      cells[1] = g_strdup (palp_user_get_login (u));
      cells[2] = g_strdup (palp_user_get_display_name (u));
      cells[3] = g_strdup (palp_user_get_credentials (u));
      cells[4] = g_string_free (g_steal_pointer (&licence_text), FALSE);
      g_ptr_array_add (rows, cells);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else if (n == 0)
    g_printerr (_("This clinic has no practitioners yet.\n"));
  else
    {
      const char *headers[] = { _("ID"), _("Login"), _("Name"), _("Credentials"),
                                _("Licences"), NULL };
      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

static int
cmd_services_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(PalpClinic) clinic = NULL;
  gboolean all = FALSE;
  int rc = PALP_CLI_OK;
  guint n;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--all") == 0)
        all = TRUE;
      else
        {
          usage_error (_("“services list” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(services = palp_store_list_services (store, all, &error)))
    return runtime_error (error);
  clinic = palp_store_load_clinic (store, NULL);

  n = g_list_model_get_n_items (services);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpService) s = g_list_model_get_item (services, i);
      PalpServiceCategory category = PALP_SERVICE_CATEGORY_OTHER;
      g_autofree char *fee = NULL;
      char **cells;

      palp_service_category_from_key (palp_service_get_string (s, "category"), &category, NULL);
      fee = palp_money_format (palp_service_get_int (s, "fee-cents"),
                               clinic && g_strcmp0 (palp_clinic_get_country (clinic), "CA") == 0
                                 ? PALP_CURRENCY_CAD : PALP_CURRENCY_USD,
                               NULL);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, palp_service_get_int (s, "id"));
      add_string (builder, "name", palp_service_get_string (s, "name"));
      add_string (builder, "category", palp_service_get_string (s, "category"));
      json_builder_set_member_name (builder, "duration_minutes");
      json_builder_add_int_value (builder, palp_service_get_int (s, "duration-minutes"));
      json_builder_set_member_name (builder, "fee_cents");
      json_builder_add_int_value (builder, palp_service_get_int (s, "fee-cents"));
      add_string (builder, "cpt_code", palp_service_get_string (s, "cpt-code"));
      json_builder_set_member_name (builder, "timed");
      json_builder_add_boolean_value (builder, palp_service_get_int (s, "timed") != 0);
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, palp_service_get_int (s, "active") != 0);
      json_builder_end_object (builder);

      cells = g_new0 (char *, 8);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_service_get_int (s, "id"));
      cells[1] = g_strdup (palp_service_get_string (s, "name"));
      cells[2] = g_strdup (palp_service_category_label (category));
      cells[3] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_service_get_int (s, "duration-minutes"));
      cells[4] = g_strdup (fee);
      cells[5] = g_strdup (palp_service_get_string (s, "cpt-code"));
      g_ptr_array_add (rows, cells);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else if (n == 0)
    g_printerr (_("The service catalogue is empty.\n"));
  else
    {
      const char *headers[] = { _("ID"), _("Service"), _("Category"), _("Minutes"), _("Fee"),
                                _("Code"), NULL };
      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

static int
cmd_visits_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint64 client_id = 0;
  int rc = PALP_CLI_OK;
  PalpCountry country;
  guint n;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_strcmp0 (ctx->args[i], "--client") == 0)
        {
          if (!parse_count ("--client", i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL,
                            G_MAXINT64, &client_id))
            return PALP_CLI_USAGE;
          i++;
        }
      else
        {
          usage_error (_("“visits list” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (client_id != 0)
    {
      g_autoptr(PalpClient) client = palp_store_load_client (store, (gint64) client_id, &error);

      if (client == NULL)
        return runtime_error (error);
    }
  if (!(visits = palp_store_list_visits (store, (gint64) client_id, &error)))
    return runtime_error (error);
  country = store_country (store);

  n = g_list_model_get_n_items (visits);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpVisit) v = g_list_model_get_item (visits, i);
      g_autoptr(PalpClient) client = palp_store_load_client (store,
                                                             palp_visit_get_int (v, "client-id"),
                                                             NULL);
      g_autoptr(PalpUser) who = palp_store_load_user (store,
                                                      palp_visit_get_int (v, "practitioner-id"),
                                                      NULL);
      g_autofree char *name = client ? palp_client_dup_display_name (client) : g_strdup ("");
      const char *starts = palp_visit_get_string (v, "starts-at");
      const char *categories = palp_visit_get_string (v, "categories");
      g_auto(GStrv) cats = g_strsplit (categories ? categories : "", ",", -1);
      g_autofree char *day = NULL;
      char **cells;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, palp_visit_get_int (v, "id"));
      json_builder_set_member_name (builder, "client_id");
      json_builder_add_int_value (builder, palp_visit_get_int (v, "client-id"));
      add_string (builder, "client_name", name);
      json_builder_set_member_name (builder, "practitioner_id");
      json_builder_add_int_value (builder, palp_visit_get_int (v, "practitioner-id"));
      add_string (builder, "practitioner", who ? palp_user_get_login (who) : NULL);
      add_string (builder, "starts_at", starts);
      json_builder_set_member_name (builder, "duration_minutes");
      json_builder_add_int_value (builder, palp_visit_get_int (v, "duration-minutes"));
      add_string (builder, "status", palp_visit_get_string (v, "status"));
      json_builder_set_member_name (builder, "signed");
      json_builder_add_boolean_value (builder, palp_visit_get_string (v, "signed-at") != NULL);
      add_string (builder, "signed_at", palp_visit_get_string (v, "signed-at"));
      json_builder_set_member_name (builder, "categories");
      json_builder_begin_array (builder);
      for (guint c = 0; cats[c] != NULL; c++)
        if (*cats[c] != '\0')
          json_builder_add_string_value (builder, cats[c]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "mixed_confirmed");
      json_builder_add_boolean_value (builder, palp_visit_get_int (v, "mixed-confirmed-by") != 0);
      json_builder_end_object (builder);

      if (starts != NULL && strlen (starts) >= 10)
        {
          g_autofree char *date = g_strndup (starts, 10);
          g_autofree char *shown = palp_date_format_short (date, country);

          day = g_strdup_printf ("%s%s", shown ? shown : date, starts + 10);
        }
      cells = g_new0 (char *, 8);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_visit_get_int (v, "id"));
      cells[1] = g_strdup (day ? day : starts);
      cells[2] = g_strdup (name);
      cells[3] = g_strdup (who ? palp_user_get_login (who) : "");
      cells[4] = g_strdup (palp_visit_get_string (v, "status"));
      /* Translators: in the Signed column of visits list. */
      cells[5] = g_strdup (palp_visit_get_string (v, "signed-at") != NULL ? _("signed") : "");
      cells[6] = g_strdup (categories ? categories : "");
      g_ptr_array_add (rows, cells);
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else if (n == 0)
    g_printerr (_("No visits found.\n"));
  else
    {
      const char *headers[] = { _("ID"), _("Date"), _("Client"), _("Practitioner"), _("Status"),
                                _("Signed"), _("Categories"), NULL };
      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

static int
cmd_demo (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PalpCountry country = PALP_COUNTRY_US;
  guint64 n_clients = 0, n_visits = 0, seed = 1;
  gboolean scale = FALSE;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value = i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL;

      if (g_strcmp0 (arg, "--country") == 0)
        {
          if (g_strcmp0 (value, "US") == 0 || g_strcmp0 (value, "us") == 0)
            country = PALP_COUNTRY_US;
          else if (g_strcmp0 (value, "CA") == 0 || g_strcmp0 (value, "ca") == 0)
            country = PALP_COUNTRY_CA;
          else
            {
              usage_error (_("--country is US or CA, not “%s”."), value ? value : "");
              return PALP_CLI_USAGE;
            }
        }
      else if (g_strcmp0 (arg, "--clients") == 0)
        {
          /* A million synthetic clients is far beyond any clinic. */
          if (!parse_count (arg, value, 1000000, &n_clients))
            return PALP_CLI_USAGE;
          scale = TRUE;
        }
      else if (g_strcmp0 (arg, "--visits") == 0)
        {
          if (!parse_count (arg, value, 10000000, &n_visits))
            return PALP_CLI_USAGE;
          scale = TRUE;
        }
      else if (g_strcmp0 (arg, "--seed") == 0)
        {
          if (!parse_count (arg, value, G_MAXUINT32, &seed))
            return PALP_CLI_USAGE;
        }
      else
        {
          usage_error (_("“demo” does not take “%s”."), arg);
          return PALP_CLI_USAGE;
        }
      i++;
    }

  store = palp_demo_open (ctx->database, country, palp_doc_receipt_render, &path, &error);
  if (store == NULL || !palp_demo_issue_letters (store, palp_doc_lomn_prepare,
                                                 palp_doc_appeal_prepare, &error))
    return runtime_error (error);

  if (scale && !palp_demo_generate_scale (store, (guint) n_clients, (guint) n_visits,
                                          (guint32) seed, &error))
    return runtime_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "database", path);
      add_string (builder, "country", palp_country_to_code (country));
      json_builder_set_member_name (builder, "clients");
      json_builder_add_int_value (builder, palp_store_count_clients (store, NULL));
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      int n = (int) palp_store_count_clients (store, NULL);

      g_print (ngettext ("Demo clinic ready in %s (%d client).\n",
                         "Demo clinic ready in %s (%d clients).\n", n), path, n);
    }
  return PALP_CLI_OK;
}

static int
cmd_check (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int rc = PALP_CLI_OK;

  if (ctx->n_args != 0)
    {
      usage_error (_("“check” takes no arguments."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(problems = palp_store_check (store, &error)) ||
      !check_cosmetic_documents (store, problems, &error))
    return runtime_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        {
          const char *problem = g_ptr_array_index (problems, i);
          const char *colon = strchr (problem, ':');
          g_autofree char *code = colon ? g_strndup (problem, colon - problem)
                                        : g_strdup ("problem");
          g_autofree char *message = g_strstrip (g_strdup (colon ? colon + 1 : problem));

          json_builder_begin_object (builder);
          add_string (builder, "code", code);
          add_string (builder, "message", message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else if (problems->len == 0)
    g_print (_("No problems found.\n"));
  else
    for (guint i = 0; i < problems->len; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  return problems->len == 0 ? PALP_CLI_OK : PALP_CLI_PROBLEMS;
}

static int
cmd_backup (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int rc = PALP_CLI_OK;

  if (ctx->n_args != 1 || *ctx->args[0] == '\0')
    {
      usage_error (_("“backup” wants the FILE to write the backup to."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)))
    return rc;
  if (!palp_store_backup (store, ctx->args[0], &error))
    return runtime_error (error);
  if (!ctx->json)
    g_print (_("Backup written to %s and verified.\n"), ctx->args[0]);
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "backup", ctx->args[0]);
      json_builder_set_member_name (builder, "verified");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      print_json (builder);
    }
  return PALP_CLI_OK;
}

/* What a backup holds, before anything is restored from it. */
static void
print_backup_summary (const PalpBackupSummary *summary)
{
  g_autofree char *written = summary->written
                               ? g_date_time_format (summary->written, "%Y-%m-%d %H:%M")
                               : g_strdup ("?");
  g_autofree char *receipts = summary->last_receipts && summary->last_receipts[0]
                                ? g_strjoinv (", ", summary->last_receipts)
                                : g_strdup (_("none"));
  g_autofree char *size = g_format_size (summary->size);
  g_autofree char *clients = g_strdup_printf ("%" G_GINT64_FORMAT, summary->n_clients);
  g_autofree char *visits = g_strdup_printf ("%" G_GINT64_FORMAT, summary->n_visits);

  /* Translators: the clinic's name, when the backup was written, its size */
  g_print (_("Backup of %s, written %s (%s)\n"),
           summary->clinic_name ? summary->clinic_name : _("an unnamed clinic"), written, size);
  g_print (_("  clients: %s\n"), clients);
  g_print (_("  visits: %s\n"), visits);
  g_print (_("  last receipts: %s\n"), receipts);
  g_print (_("  schema version: %d\n"), summary->schema_version);
}

static int
cmd_restore (CliContext *ctx)
{
  g_autoptr(PalpStore) backup = NULL;
  g_autoptr(PalpBackupSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = resolve_database (ctx);
  g_autofree char *safety = NULL;
  int rc = PALP_CLI_OK;

  if (ctx->n_args != 1 || *ctx->args[0] == '\0')
    {
      usage_error (_("“restore” wants the backup FILE to restore from."));
      return PALP_CLI_USAGE;
    }
  if (ctx->as_user == NULL || *ctx->as_user == '\0')
    {
      usage_error (_("this command changes the clinic's records: say who you are with "
                     "--as USER (a login or an id)."));
      return PALP_CLI_USAGE;
    }

  /* What it holds first: a refused backup stops here, having changed nothing. */
  summary = palp_store_describe_backup (ctx->args[0], &error);
  if (summary == NULL)
    return runtime_error (error);
  if (!ctx->json)
    print_backup_summary (summary);

  /* The person restoring must be a user of the clinic being restored. */
  backup = palp_store_open (ctx->args[0], PALP_STORE_OPEN_READ_ONLY, &error);
  if (backup == NULL)
    return runtime_error (error);
  if (!require_actor (ctx, backup, &rc))
    return rc;
  g_clear_object (&backup);

  if (!palp_store_restore_with_safety_copy (ctx->args[0], path, &safety, &error))
    return runtime_error (error);
  if (!ctx->json)
    {
      g_print (_("Restored %s from %s.\n"), path, ctx->args[0]);
      if (safety != NULL)
        g_print (_("The clinic as it was before is kept in %s.\n"), safety);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "database", path);
      add_string (builder, "restored_from", ctx->args[0]);
      add_string (builder, "safety_copy", safety);
      add_string (builder, "clinic", summary->clinic_name);
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, summary->schema_version);
      json_builder_set_member_name (builder, "clients");
      json_builder_add_int_value (builder, summary->n_clients);
      json_builder_set_member_name (builder, "visits");
      json_builder_add_int_value (builder, summary->n_visits);
      json_builder_set_member_name (builder, "last_receipts");
      json_builder_begin_array (builder);
      for (guint i = 0; summary->last_receipts && summary->last_receipts[i]; i++)
        json_builder_add_string_value (builder, summary->last_receipts[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
    }
  return PALP_CLI_OK;
}

typedef struct
{
  const char     *name;
  const char     *sub;       /* NULL: no subcommand */
  const char     *synopsis;
  CliCommandFunc  func;
} CliCommand;

static const CliCommand commands[] = {
  { "demo", NULL, N_("demo [--country US|CA] [--clients N --visits M --seed S]"), cmd_demo },
  { "check", NULL, N_("check"), cmd_check },
  { "backup", NULL, N_("backup FILE"), cmd_backup },
  { "restore", NULL, N_("restore FILE"), cmd_restore },
  { "export", NULL, N_("export [--client ID] FILE.json"), cmd_export },
  { "import", NULL, N_("import FILE.json"), cmd_import },
  { "clients", "list", N_("clients list [--archived]"), cmd_clients_list },
  { "clients", "search", N_("clients search TEXT"), cmd_clients_search },
  { "practitioners", "list", N_("practitioners list"), cmd_practitioners_list },
  { "services", "list", N_("services list [--all]"), cmd_services_list },
  { "payers", "list", N_("payers list [--all]"), cmd_payers_list },
  { "visits", "list", N_("visits list [--client ID]"), cmd_visits_list },
  { "receipts", "list", N_("receipts list [--client ID]"), cmd_receipts_list },
  { "receipts", "issue", N_("receipts issue VISIT[,VISIT...] [--pay METHOD:AMOUNT] "
                            "[--replaces NUMBER]"), cmd_receipts_issue },
  { "receipts", "void", N_("receipts void NUMBER --reason TEXT"), cmd_receipts_void },
  { "atlas", "list", N_("atlas list [--view VIEW]"), cmd_atlas_list },
  { "codes", "import", N_("codes import FILE"), cmd_codes_import },
  { "codes", "search", N_("codes search TEXT [--limit N]"), cmd_codes_search },
  { "claims", "list", N_("claims list [--status S] [--client ID]"), cmd_claims_list },
  { "claims", "build", N_("claims build VISIT[,VISIT...] [--policy ID]"), cmd_claims_build },
  { "claims", "status", N_("claims status CLAIM STATUS [--paid AMOUNT] [--on DATE] "
                           "[--method paper|electronic|fax|portal] [--reason TEXT] "
                           "[--reference REF] [--deadline DATE]"), cmd_claims_status },
  { "units", NULL, N_("units --rule cms|per-code CODE=MINUTES..."), cmd_units },
  { "document", NULL, N_("document receipt NUMBER [--original] -o FILE.pdf | "
                         "document statement CLIENT --from DATE --to DATE -o FILE.pdf | "
                         "document chart VISIT --view VIEW -o FILE.pdf|FILE.png | "
                         "document soap VISIT | plan CLIENT | progress CLIENT | record CLIENT "
                         "-o FILE.pdf | "
                         "document lomn CLIENT -o FILE.pdf [--issue] | "
                         "document appeal CLAIM -o FILE.pdf [--issue] | "
                         "document claim CLAIM [--preprinted [--offset-x MM] [--offset-y MM]] "
                         "-o FILE.pdf"),
    cmd_document },
};

static void
print_help (void)
{
  g_print (_("Usage: palpate-cli [--database PATH] [--as USER] [--json] COMMAND ...\n\n"));
  g_print (_("Options:\n"
             "  --database PATH  the clinic database (default: %s)\n"
             "  --as USER        who is acting (a login or an id); needed to write\n"
             "  --json           print one JSON document\n"
             "  --version        print the version\n"
             "  --help           print this help\n\n"),
           "$XDG_DATA_HOME/palpate/clinic.db");
  g_print (_("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %s\n", _(commands[i].synopsis));
  g_print (_("\nExit status: 0 done, 1 error, 2 usage error, 3 check found problems.\n"));
}

int
palp_cli_run (int    argc,
              char **argv)
{
  CliContext ctx = { 0 };
  const char *name, *sub = NULL;
  int i = 1;
  int rc;

  /* Global options come before the command. */
  for (; i < argc && g_str_has_prefix (argv[i], "-"); i++)
    {
      const char *arg = argv[i];
      const char *eq = strchr (arg, '=');
      g_autofree char *key = eq ? g_strndup (arg, eq - arg) : g_strdup (arg);
      const char *value = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
      char **slot = NULL;

      if (g_str_equal (key, "--help") || g_str_equal (key, "-h"))
        {
          print_help ();
          return PALP_CLI_OK;
        }
      else if (g_str_equal (key, "--version"))
        {
          g_print ("palpate-cli %s\n", PACKAGE_VERSION);
          return PALP_CLI_OK;
        }
      else if (g_str_equal (key, "--json"))
        ctx.json = TRUE;
      else if (g_str_equal (key, "--database"))
        slot = &ctx.database;
      else if (g_str_equal (key, "--as"))
        slot = &ctx.as_user;
      else
        {
          usage_error (_("unknown option “%s”."), arg);
          return PALP_CLI_USAGE;
        }

      if (slot != NULL)
        {
          if (value == NULL || *value == '\0')
            {
              usage_error (_("%s wants a value."), key);
              g_free (ctx.database);
              g_free (ctx.as_user);
              return PALP_CLI_USAGE;
            }
          g_free (*slot);
          *slot = g_strdup (value);
          if (eq == NULL)
            i++;
        }
    }

  if (i >= argc)
    {
      usage_error (_("no command given."));
      rc = PALP_CLI_USAGE;
      goto out;
    }

  name = argv[i++];
  if (g_str_equal (name, "help"))
    {
      print_help ();
      rc = PALP_CLI_OK;
      goto out;
    }

  rc = -1;
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (!g_str_equal (commands[c].name, name))
        continue;
      if (commands[c].sub != NULL)
        {
          sub = i < argc ? argv[i] : NULL;
          if (g_strcmp0 (commands[c].sub, sub) != 0)
            continue;
          i++;
        }
      ctx.args = argv + i;
      ctx.n_args = argc - i;
      for (int a = 0; a < ctx.n_args; a++)
        if (g_str_equal (ctx.args[a], "--help"))
          {
            g_print ("Usage: palpate-cli %s\n", _(commands[c].synopsis));
            rc = PALP_CLI_OK;
            goto out;
          }
      rc = commands[c].func (&ctx);
      break;
    }

  if (rc == -1)
    {
      if (sub != NULL || g_str_equal (name, "clients") || g_str_equal (name, "practitioners") ||
          g_str_equal (name, "services") || g_str_equal (name, "visits") ||
          g_str_equal (name, "receipts") || g_str_equal (name, "atlas") ||
          g_str_equal (name, "codes") || g_str_equal (name, "payers") ||
          g_str_equal (name, "claims"))
        usage_error (_("“%s” has no subcommand “%s”."), name, sub ? sub : "");
      else
        usage_error (_("unknown command “%s”."), name);
      rc = PALP_CLI_USAGE;
    }

out:
  g_free (ctx.database);
  g_free (ctx.as_user);
  return rc;
}
