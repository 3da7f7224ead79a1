/* palp-cli-claim-form.c: document claim CLAIM, the CMS-1500 form
 *
 * On blank paper by default (the form drawn, then the data); with
 * --preprinted, the data only for the red forms in the printer, moved by
 * this computer's printer offsets (Preferences → Payers → Claim Forms)
 * unless --offset-x / --offset-y say otherwise, in millimetres.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "palp-cli-private.h"
#include "palp-doc-claim.h"
#include "palp-store-claims.h"

#define OFFSET_LIMIT_MM 25.0

/* The settings of this computer, when Palpate's schema is installed. */
static GSettings *
computer_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

gboolean
parse_offset_mm (const char *option,
                 const char *text,
                 double     *out)
{
  char *end = NULL;
  double value = text != NULL ? g_ascii_strtod (text, &end) : NAN;

  if (text == NULL || end == text || *end != '\0' || !isfinite (value) ||
      fabs (value) > OFFSET_LIMIT_MM)
    {
      /* Translators: %s is the option (--offset-x), then what was typed. */
      usage_error (_("%s wants millimetres from -25 to 25, not “%s”."), option,
                   text != NULL ? text : "");
      return FALSE;
    }
  *out = value;
  return TRUE;
}

int
document_claim (CliContext   *ctx,
                const char   *id_text,
                const char   *output,
                gboolean      preprinted,
                const double *offset_x_mm,
                const double *offset_y_mm)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClaimForm) form = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PalpDocClaimOptions options = { FALSE, 0, 0 };
  guint64 id = 0;
  int rc = PALP_CLI_OK;

  if (!parse_count (_("a claim"), id_text, G_MAXINT64, &id))
    return PALP_CLI_USAGE;
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if ((offset_x_mm != NULL || offset_y_mm != NULL) && !preprinted)
    {
      usage_error (_("the offsets move the data on pre-printed forms: add --preprinted."));
      return PALP_CLI_USAGE;
    }

  if (preprinted)
    {
      settings = computer_settings ();
      palp_doc_claim_options_from_settings (settings, &options);
      options.preprinted = TRUE;
      if (offset_x_mm != NULL)
        options.offset_x_mm = *offset_x_mm;
      if (offset_y_mm != NULL)
        options.offset_y_mm = *offset_y_mm;
    }

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  if (ctx->as_user != NULL && !require_actor (ctx, store, &rc))
    return rc;
  if (!(form = palp_store_load_claim_form (store, (gint64) id, &error)) ||
      !(bytes = palp_doc_claim_render (form, &options, &error)))
    return runtime_error (error);
  if (!g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}
