/* palp-cli-clinical.c: the clinical documents from the command line
 *
 * document soap VISIT, document plan CLIENT, document progress CLIENT and
 * document record CLIENT, each as a PDF (the format from -o's extension).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-cli-private.h"
#include "palp-doc-clinical.h"

gboolean
is_clinical_document (const char *kind)
{
  static const char *kinds[] = { "soap", "plan", "progress", "record", NULL };

  return kind != NULL && g_strv_contains (kinds, kind);
}

int
document_clinical (CliContext *ctx,
                   const char *kind,
                   const char *id_text,
                   const char *output)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean soap = g_str_equal (kind, "soap");
  guint64 id = 0;
  int rc = PALP_CLI_OK;

  if (!parse_count (soap ? _("a visit") : _("a client"), id_text, G_MAXINT64, &id))
    return PALP_CLI_USAGE;
  if (output == NULL || !g_str_has_suffix (output, ".pdf"))
    {
      usage_error (_("say where to write the document, as a .pdf file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)))
    return rc;
  /* Notes' text prints only for a reader the clinic lets read it (a
   * practitioner, or an admin where the clinic allows it); without --as
   * nobody is reading, and it is left out. */
  if (ctx->as_user != NULL && !require_actor (ctx, store, &rc))
    return rc;

  document = soap ? palp_store_load_visit_document (store, (gint64) id, &error)
                  : palp_store_load_client_document (store, (gint64) id, &error);
  if (document == NULL)
    return runtime_error (error);

  if (soap)
    bytes = palp_doc_soap_render (document, (gint64) id, &error);
  else if (g_str_equal (kind, "plan"))
    bytes = palp_doc_plan_render (document, &error);
  else if (g_str_equal (kind, "progress"))
    bytes = palp_doc_progress_render (document, &error);
  else
    bytes = palp_doc_record_render (document, &error);
  if (bytes == NULL)
    return runtime_error (error);

  if (document->narrative_restricted && !g_str_equal (kind, "plan") &&
      !g_str_equal (kind, "progress"))
    {
      if (ctx->as_user == NULL)
        g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                      "practitioners read it, or admins where the clinic allows it; say who "
                      "you are with --as USER.\n"));
      else
        g_printerr (_("palpate-cli: the text of clinical notes is left out (“Restricted”): only "
                      "practitioners read it, or admins where the clinic allows it.\n"));
    }
  if (!g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}
