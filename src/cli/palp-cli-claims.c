/* palp-cli-claims.c: claims list, build and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-cli-private.h"
#include "palp-money.h"
#include "palp-store-claims.h"

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
claim_json (JsonBuilder  *builder,
            PalpStore    *store,
            PalpClaim    *claim,
            GPtrArray    *problems)
{
  g_autoptr(GListModel) lines = palp_store_list_claim_lines (store, palp_claim_get_int (claim, "id"),
                                                             NULL);
  const char *codes = palp_claim_get_string (claim, "diagnosis-codes");
  g_auto(GStrv) diagnoses = g_strsplit (codes ? codes : "", ",", -1);

  json_builder_begin_object (builder);
  add_int (builder, "id", palp_claim_get_int (claim, "id"));
  add_string (builder, "number", palp_claim_get_string (claim, "number"));
  add_string (builder, "status", palp_claim_get_string (claim, "status"));
  add_int (builder, "client_id", palp_claim_get_int (claim, "client-id"));
  add_string (builder, "client", palp_claim_get_string (claim, "client-name"));
  add_int (builder, "policy_id", palp_claim_get_int (claim, "policy-id"));
  add_string (builder, "payer", palp_claim_get_string (claim, "payer-name"));
  add_string (builder, "first_service_on", palp_claim_get_string (claim, "first-service-on"));
  add_string (builder, "last_service_on", palp_claim_get_string (claim, "last-service-on"));
  add_int (builder, "charge_cents", palp_claim_get_int (claim, "charge-cents"));
  add_int (builder, "paid_cents", palp_claim_get_int (claim, "paid-cents"));
  add_int (builder, "adjusted_cents", palp_claim_get_int (claim, "adjusted-cents"));
  add_string (builder, "submitted_on", palp_claim_get_string (claim, "submitted-on"));
  add_string (builder, "submitted_method", palp_claim_get_string (claim, "submitted-method"));
  add_string (builder, "payer_reference", palp_claim_get_string (claim, "payer-reference"));
  add_string (builder, "denial_reason", palp_claim_get_string (claim, "denial-reason"));
  add_string (builder, "appeal_deadline", palp_claim_get_string (claim, "appeal-deadline"));
  add_string (builder, "resubmission_code", palp_claim_get_string (claim, "resubmission-code"));
  add_string (builder, "original_reference", palp_claim_get_string (claim, "original-reference"));
  add_string (builder, "authorisation_number",
              palp_claim_get_string (claim, "authorisation-number"));
  add_string (builder, "referring_name", palp_claim_get_string (claim, "referring-name"));
  json_builder_set_member_name (builder, "diagnoses");
  json_builder_begin_array (builder);
  for (guint i = 0; diagnoses[i] != NULL; i++)
    if (*diagnoses[i] != '\0')
      json_builder_add_string_value (builder, diagnoses[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; lines != NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);

      json_builder_begin_object (builder);
      add_int (builder, "id", palp_claim_line_get_int (line, "id"));
      add_int (builder, "visit_id", palp_claim_line_get_int (line, "visit-id"));
      add_string (builder, "service_on", palp_claim_line_get_string (line, "service-on"));
      add_string (builder, "code", palp_claim_line_get_string (line, "code"));
      add_string (builder, "modifiers", palp_claim_line_get_string (line, "modifiers"));
      add_int (builder, "minutes", palp_claim_line_get_int (line, "minutes"));
      add_int (builder, "units", palp_claim_line_get_int (line, "units"));
      add_string (builder, "pointers", palp_claim_line_get_string (line, "pointers"));
      add_int (builder, "unit_price_cents", palp_claim_line_get_int (line, "unit-price-cents"));
      add_int (builder, "charge_cents", palp_claim_line_get_int (line, "charge-cents"));
      add_int (builder, "paid_cents", palp_claim_line_get_int (line, "paid-cents"));
      add_int (builder, "adjusted_cents", palp_claim_line_get_int (line, "adjusted-cents"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (problems != NULL)
    {
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (problems, i));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static char *
status_label (const char *key)
{
  PalpClaimStatus status;

  if (!palp_claim_status_from_string (key, &status, NULL))
    return g_strdup (key);
  return g_strdup (palp_claim_status_get_label (status));
}

/* One claim in words, with its lines and, when given, its problems. */
static void
print_claim (CliContext  *ctx,
             PalpStore   *store,
             PalpClaim   *claim,
             GPtrArray   *problems)
{
  g_autoptr(GListModel) lines = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *charge = NULL, *paid = NULL, *status = NULL;
  const char *headers[] = { _("Date"), _("Code"), _("Minutes"), _("Units"), _("Pointers"),
                            _("Charge"), _("Paid"), NULL };
  PalpCountry country = store_country (store);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      claim_json (builder, store, claim, problems);
      print_json (builder);
      return;
    }
  charge = palp_money_format_plain (palp_claim_get_int (claim, "charge-cents"));
  paid = palp_money_format_plain (palp_claim_get_int (claim, "paid-cents"));
  status = status_label (palp_claim_get_string (claim, "status"));
  /* Translators: a claim's number, its client, payer and status. */
  g_print (_("Claim %s · %s · %s · %s\n"), palp_claim_get_string (claim, "number"),
           palp_claim_get_string (claim, "client-name"), palp_claim_get_string (claim, "payer-name"),
           status);
  if (palp_claim_get_string (claim, "diagnosis-codes") != NULL)
    g_print (_("Diagnoses: %s\n"), palp_claim_get_string (claim, "diagnosis-codes"));
  if (palp_claim_get_string (claim, "resubmission-code") != NULL)
    /* Translators: a resubmission code (7 or 8) and the original claim's reference. */
    g_print (_("Resubmission %s of %s\n"), palp_claim_get_string (claim, "resubmission-code"),
             palp_claim_get_string (claim, "original-reference"));
  if (palp_claim_get_string (claim, "denial-reason") != NULL)
    g_print (_("Denied: %s\n"), palp_claim_get_string (claim, "denial-reason"));
  if (palp_claim_get_string (claim, "appeal-deadline") != NULL)
    {
      g_autofree char *when = short_date (palp_claim_get_string (claim, "appeal-deadline"),
                                          country);

      g_print (_("Appeal by %s\n"), when);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = palp_store_list_claim_lines (store, palp_claim_get_int (claim, "id"), NULL);
  for (guint i = 0; lines != NULL && i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
      const char *modifiers = palp_claim_line_get_string (line, "modifiers");
      const char *pointers = palp_claim_line_get_string (line, "pointers");
      char **cells = g_new0 (char *, 8);

      cells[0] = short_date (palp_claim_line_get_string (line, "service-on"), country);
      cells[1] = modifiers != NULL
                   ? g_strdup_printf ("%s %s", palp_claim_line_get_string (line, "code"), modifiers)
                   : g_strdup (palp_claim_line_get_string (line, "code"));
      cells[2] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_claim_line_get_int (line, "minutes"));
      cells[3] = g_strdup_printf ("%" G_GINT64_FORMAT, palp_claim_line_get_int (line, "units"));
      cells[4] = g_strdup (pointers ? pointers : "");
      cells[5] = palp_money_format_plain (palp_claim_line_get_int (line, "charge-cents"));
      cells[6] = palp_money_format_plain (palp_claim_line_get_int (line, "paid-cents"));
      g_ptr_array_add (rows, cells);
    }
  {
    char **cells = g_new0 (char *, 8);

    cells[0] = g_strdup (_("Total"));
    for (guint c = 1; c < 5; c++)
      cells[c] = g_strdup ("");
    cells[5] = g_strdup (charge);
    cells[6] = g_strdup (paid);
    g_ptr_array_add (rows, cells);
  }
  print_table (headers, rows);
  if (problems != NULL && problems->len > 0)
    {
      g_print (_("Before it can be marked ready:\n"));
      for (guint i = 0; i < problems->len; i++)
        g_print ("  • %s\n", (const char *) g_ptr_array_index (problems, i));
    }
}

/* claims list [--status S] [--client ID] */
int
cmd_claims_list (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GListModel) claims = NULL;
  g_autoptr(GError) error = NULL;
  const char *status = NULL;
  guint64 client_id = 0;
  int rc = PALP_CLI_OK;
  guint n;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value = i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL;

      if (g_str_equal (arg, "--status") && value != NULL)
        {
          PalpClaimStatus parsed;

          if (!palp_claim_status_from_string (value, &parsed, &error))
            {
              usage_error ("%s", error->message);
              return PALP_CLI_USAGE;
            }
          status = value;
          i++;
        }
      else if (g_str_equal (arg, "--client") && value != NULL)
        {
          if (!parse_count ("--client", value, G_MAXINT64, &client_id) || client_id == 0)
            return PALP_CLI_USAGE;
          i++;
        }
      else
        {
          usage_error (_("“claims list” takes --status S and --client ID, not “%s”."), arg);
          return PALP_CLI_USAGE;
        }
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (!(claims = palp_store_list_claims (store, status, (gint64) client_id, &error)))
    return runtime_error (error);
  n = g_list_model_get_n_items (claims);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);

          claim_json (builder, store, claim, NULL);
        }
      json_builder_end_array (builder);
      print_json (builder);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = { _("Number"), _("Client"), _("Payer"), _("Dates of service"),
                                _("Status"), _("Charge"), _("Paid"), NULL };
      PalpCountry country = store_country (store);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpClaim) claim = g_list_model_get_item (claims, i);
          g_autofree char *from = short_date (palp_claim_get_string (claim, "first-service-on"),
                                              country);
          g_autofree char *to = short_date (palp_claim_get_string (claim, "last-service-on"),
                                            country);
          char **cells = g_new0 (char *, 8);

          cells[0] = g_strdup (palp_claim_get_string (claim, "number"));
          cells[1] = g_strdup (palp_claim_get_string (claim, "client-name"));
          cells[2] = g_strdup (palp_claim_get_string (claim, "payer-name"));
          cells[3] = g_str_equal (from, to) ? g_strdup (from) : g_strdup_printf ("%s – %s", from, to);
          cells[4] = status_label (palp_claim_get_string (claim, "status"));
          cells[5] = palp_money_format_plain (palp_claim_get_int (claim, "charge-cents"));
          cells[6] = palp_money_format_plain (palp_claim_get_int (claim, "paid-cents"));
          g_ptr_array_add (rows, cells);
        }
      if (n == 0)
        g_print (_("No claims.\n"));
      else
        print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

/* claims build VISIT[,VISIT...] [--policy ID] */
int
cmd_claims_build (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visits = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 policy_id = 0;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];

      if (g_str_equal (arg, "--policy") && i + 1 < ctx->n_args)
        {
          if (!parse_count ("--policy", ctx->args[++i], G_MAXINT64, &policy_id) || policy_id == 0)
            return PALP_CLI_USAGE;
        }
      else if (visits->len == 0 && !g_str_has_prefix (arg, "-"))
        {
          if (!parse_visit_ids (arg, visits))
            return PALP_CLI_USAGE;
        }
      else
        {
          usage_error (_("“claims build” does not take “%s”."), arg);
          return PALP_CLI_USAGE;
        }
    }
  if (visits->len == 0)
    {
      usage_error (_("name the visits to bill: claims build VISIT[,VISIT...]"));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)) ||
      !require_actor (ctx, store, &rc))
    return rc;
  claim = palp_store_build_claim (store, (const gint64 *) (gpointer) visits->data, visits->len,
                                  (gint64) policy_id, &error);
  if (claim == NULL)
    return runtime_error (error);
  if (!(problems = palp_store_preflight_claim (store, palp_claim_get_int (claim, "id"), NULL,
                                               &error)))
    return runtime_error (error);
  print_claim (ctx, store, claim, problems);
  return PALP_CLI_OK;
}

/* Spreads @paid over the lines in order, each up to its charge. */
static GArray *
spread_payment (GListModel *lines,
                gint64      paid)
{
  GArray *payments = g_array_new (FALSE, TRUE, sizeof (PalpClaimLinePayment));

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
      PalpClaimLinePayment p = { palp_claim_line_get_int (line, "id"), 0, 0 };

      p.paid_cents = MIN (paid, palp_claim_line_get_int (line, "charge-cents"));
      paid -= p.paid_cents;
      g_array_append_val (payments, p);
    }
  return payments;
}

/* claims status CLAIM STATUS [--paid AMOUNT] [--on DATE] [--method M]
 * [--reason TEXT] [--reference REF] [--deadline DATE] */
int
cmd_claims_status (CliContext *ctx)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClaim) claim = NULL;
  g_autoptr(PalpClaim) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = NULL, *status_text = NULL, *paid_text = NULL, *on = NULL;
  const char *method = "paper", *reason = NULL, *reference = NULL, *deadline = NULL;
  PalpClaimStatus status;
  gint64 paid = -1, claim_id;
  GDate date;
  int rc = PALP_CLI_OK;
  gboolean ok = TRUE;

  for (int i = 0; i < ctx->n_args; i++)
    {
      const char *arg = ctx->args[i];
      const char *value = i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL;
      const char **slot = NULL;

      if (g_str_equal (arg, "--paid"))
        slot = &paid_text;
      else if (g_str_equal (arg, "--on"))
        slot = &on;
      else if (g_str_equal (arg, "--method"))
        slot = &method;
      else if (g_str_equal (arg, "--reason"))
        slot = &reason;
      else if (g_str_equal (arg, "--reference"))
        slot = &reference;
      else if (g_str_equal (arg, "--deadline"))
        slot = &deadline;
      else if (number == NULL && !g_str_has_prefix (arg, "-"))
        number = arg;
      else if (status_text == NULL && !g_str_has_prefix (arg, "-"))
        status_text = arg;
      else
        {
          usage_error (_("“claims status” does not take “%s”."), arg);
          return PALP_CLI_USAGE;
        }
      if (slot != NULL)
        {
          if (value == NULL)
            {
              usage_error (_("%s wants a value."), arg);
              return PALP_CLI_USAGE;
            }
          *slot = value;
          i++;
        }
    }
  if (number == NULL || status_text == NULL)
    {
      usage_error (_("say which claim and its new status: claims status CLAIM STATUS"));
      return PALP_CLI_USAGE;
    }
  if (!palp_claim_status_from_string (status_text, &status, &error))
    {
      usage_error ("%s", error->message);
      return PALP_CLI_USAGE;
    }
  if (paid_text != NULL)
    {
      if (status != PALP_CLAIM_PAID && status != PALP_CLAIM_PARTIALLY_PAID)
        {
          usage_error (_("--paid goes with the status paid or partially-paid."));
          return PALP_CLI_USAGE;
        }
      if (!palp_money_parse (paid_text, NULL, &paid, &error))
        {
          usage_error (_("--paid wants an amount, such as 120.00: %s"), error->message);
          return PALP_CLI_USAGE;
        }
    }
  if (status == PALP_CLAIM_PARTIALLY_PAID && paid_text == NULL)
    {
      usage_error (_("say how much was paid: --paid AMOUNT"));
      return PALP_CLI_USAGE;
    }
  if (status == PALP_CLAIM_DENIED && reason == NULL)
    {
      usage_error (_("say why the payer denied the claim: --reason TEXT"));
      return PALP_CLI_USAGE;
    }
  if ((on != NULL && !palp_date_parse_iso (on, &date)) ||
      (deadline != NULL && !palp_date_parse_iso (deadline, &date)))
    {
      usage_error (_("dates are written YYYY-MM-DD."));
      return PALP_CLI_USAGE;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_DEFAULT, &rc)) ||
      !require_actor (ctx, store, &rc))
    return rc;
  if (!(claim = palp_store_find_claim (store, number, &error)))
    return runtime_error (error);
  claim_id = palp_claim_get_int (claim, "id");

  switch (status)
    {
    case PALP_CLAIM_READY:
      ok = palp_store_mark_claim_ready (store, claim_id, &error);
      break;
    case PALP_CLAIM_SUBMITTED:
      ok = palp_store_submit_claim (store, claim_id, on, method, &error);
      break;
    case PALP_CLAIM_PAID:
    case PALP_CLAIM_PARTIALLY_PAID:
      {
        g_autoptr(GListModel) lines = palp_store_list_claim_lines (store, claim_id, &error);
        g_autoptr(GArray) payments = NULL;
        gint64 charge = palp_claim_get_int (claim, "charge-cents");
        PalpClaimStatus got;

        if (lines == NULL)
          return runtime_error (error);
        if (paid < 0)
          paid = charge;
        if (paid > charge)
          {
            g_autofree char *text = palp_money_format_plain (charge);

            /* Translators: %s is the claim's total charge. */
            usage_error (_("the claim charges %s: --paid cannot be more."), text);
            return PALP_CLI_USAGE;
          }
        if ((status == PALP_CLAIM_PAID) != (paid == charge) || paid == 0)
          {
            usage_error (status == PALP_CLAIM_PAID
                           ? _("a claim is paid when the whole charge is: use partially-paid.")
                           : _("a partial payment is more than nothing and less than the charge."));
            return PALP_CLI_USAGE;
          }
        payments = spread_payment (lines, paid);
        ok = palp_store_record_claim_payment (store, claim_id,
                                              (const PalpClaimLinePayment *) (gpointer) payments->data,
                                              payments->len, reference, NULL, on, &got, &error);
      }
      break;
    case PALP_CLAIM_DENIED:
      ok = palp_store_deny_claim (store, claim_id, reason, reference, on, deadline, &error);
      break;
    case PALP_CLAIM_APPEALED:
      ok = palp_store_appeal_claim (store, claim_id, on, deadline, &error);
      break;
    case PALP_CLAIM_VOID:
      if (g_strcmp0 (palp_claim_get_string (claim, "status"), "draft") == 0 ||
          g_strcmp0 (palp_claim_get_string (claim, "status"), "ready") == 0)
        ok = palp_store_set_claim_status (store, claim_id, status, &error);
      else
        ok = (result = palp_store_void_claim (store, claim_id, &error)) != NULL;
      break;
    case PALP_CLAIM_DRAFT:
    case PALP_CLAIM_CLOSED:
    default:
      ok = palp_store_set_claim_status (store, claim_id, status, &error);
      break;
    }
  if (!ok)
    return runtime_error (error);
  g_clear_object (&claim);
  if (!(claim = palp_store_load_claim (store, claim_id, &error)))
    return runtime_error (error);
  print_claim (ctx, store, claim, NULL);
  if (result != NULL && !ctx->json)
    /* Translators: %s is the number of a new claim. */
    g_print (_("A voiding claim, %s, is ready to be sent to the payer.\n"),
             palp_claim_get_string (result, "number"));
  return PALP_CLI_OK;
}
