/* palp-cli-chart.c: the body chart from the command line
 *
 * atlas list, and document chart: a visit's chart as a PDF (the chart
 * document) or a PNG (the view, its marks and the legend), drawn by the
 * painter the window uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-atlas.h"
#include "palp-chart-painter.h"
#include "palp-cli-private.h"
#include "palp-doc-chart.h"

/* Wide enough for the legend's three columns at a readable size. */
#define PNG_WIDTH        1000
#define PNG_LEGEND_ROOM  300

static const char *
laterality_key (PalpLaterality laterality)
{
  switch (laterality)
    {
    case PALP_LATERALITY_LEFT:
      return "left";
    case PALP_LATERALITY_RIGHT:
      return "right";
    case PALP_LATERALITY_NONE:
    default:
      return "none";
    }
}

static const char *
laterality_label (PalpLaterality laterality)
{
  switch (laterality)
    {
    case PALP_LATERALITY_LEFT:
      /* Translators: the client's side of a body-chart region. */
      return _("left");
    case PALP_LATERALITY_RIGHT:
      /* Translators: the client's side of a body-chart region. */
      return _("right");
    case PALP_LATERALITY_NONE:
    default:
      /* Translators: a body-chart region on the midline, of no side. */
      return _("midline");
    }
}

/* A view key, or a usage error that lists them. */
static gboolean
parse_view (const char *text,
            PalpView   *out_view)
{
  g_autoptr(GString) keys = NULL;

  if (text != NULL && palp_view_from_key (text, out_view))
    return TRUE;

  keys = g_string_new (NULL);
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    g_string_append_printf (keys, "%s%s", v > 0 ? ", " : "", palp_view_to_key (v));
  usage_error (_("--view is one of %s, not “%s”."), keys->str, text != NULL ? text : "");
  return FALSE;
}

static PalpAtlas *
load_atlas (int *out_exit)
{
  g_autoptr(GError) error = NULL;
  PalpAtlas *atlas = palp_atlas_get_default (&error);

  if (atlas == NULL)
    *out_exit = runtime_error (error);
  return atlas;
}

int
cmd_atlas_list (CliContext *ctx)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  PalpAtlas *atlas;
  gboolean one_view = FALSE;
  PalpView only = PALP_VIEW_BODY_ANTERIOR;
  int rc = PALP_CLI_OK;

  for (int i = 0; i < ctx->n_args; i++)
    {
      if (g_str_equal (ctx->args[i], "--view"))
        {
          if (!parse_view (i + 1 < ctx->n_args ? ctx->args[i + 1] : NULL, &only))
            return PALP_CLI_USAGE;
          one_view = TRUE;
          i++;
        }
      else
        {
          usage_error (_("“atlas list” does not take “%s”."), ctx->args[i]);
          return PALP_CLI_USAGE;
        }
    }
  if (!(atlas = load_atlas (&rc)))
    return rc;

  json_builder_begin_array (builder);
  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    {
      if (one_view && v != only)
        continue;
      for (guint r = 0; r < palp_atlas_get_n_regions (atlas, v); r++)
        {
          const PalpRegion *region = palp_atlas_get_region (atlas, v, r);
          PalpLaterality side = palp_region_get_laterality (region);
          char **cells = g_new0 (char *, 5);

          json_builder_begin_object (builder);
          add_string (builder, "id", palp_region_get_id (region));
          add_string (builder, "name", palp_region_get_name (region));
          add_string (builder, "view", palp_view_to_key (v));
          add_string (builder, "laterality", laterality_key (side));
          json_builder_end_object (builder);

          cells[0] = g_strdup (palp_region_get_id (region));
          cells[1] = g_strdup (palp_region_get_name (region));
          cells[2] = g_strdup (palp_view_to_key (v));
          cells[3] = g_strdup (laterality_label (side));
          g_ptr_array_add (rows, cells);
        }
    }
  json_builder_end_array (builder);

  if (ctx->json)
    print_json (builder);
  else
    {
      const char *headers[] = { _("ID"), _("Name"), _("View"), _("Side"), NULL };

      print_table (headers, rows);
    }
  return PALP_CLI_OK;
}

static int
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return runtime_error (error);
  return PALP_CLI_OK;
}

int
document_chart (CliContext *ctx,
                const char *visit_text,
                const char *view_key,
                const char *output)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpVisit) visit = NULL;
  g_autoptr(GListModel) marks = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PalpAtlas *atlas;
  PalpView view;
  guint64 visit_id;
  gboolean png;
  int rc = PALP_CLI_OK;

  if (!parse_count (_("a visit"), visit_text, G_MAXINT64, &visit_id))
    return PALP_CLI_USAGE;
  if (view_key == NULL)
    {
      usage_error (_("say which view of the chart to draw: document chart VISIT --view VIEW "
                     "-o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  if (!parse_view (view_key, &view))
    return PALP_CLI_USAGE;
  if (output == NULL || !(g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".png")))
    {
      usage_error (_("say where to write the chart, as a .pdf or a .png file: -o FILE.pdf"));
      return PALP_CLI_USAGE;
    }
  png = g_str_has_suffix (output, ".png");

  if (!(store = open_store (ctx, PALP_STORE_OPEN_READ_ONLY, &rc)) || !(atlas = load_atlas (&rc)))
    return rc;
  if (!(visit = palp_store_load_visit (store, (gint64) visit_id, &error)) ||
      !(marks = palp_store_list_marks (store, (gint64) visit_id, &error)))
    return runtime_error (error);

  if (png)
    {
      g_autoptr(GListStore) shown = g_list_store_new (PALP_TYPE_MARK);
      double vw, vh;
      int height;

      for (guint i = 0; i < g_list_model_get_n_items (marks); i++)
        {
          g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);

          if (g_strcmp0 (palp_mark_get_string (mark, "view"), view_key) == 0)
            g_list_store_append (shown, mark);
        }
      palp_atlas_get_view_size (atlas, view, &vw, &vh);
      height = (int) MIN (PNG_WIDTH * vh / vw, 1100) + PNG_LEGEND_ROOM;
      bytes = palp_chart_render_png (atlas, view, G_LIST_MODEL (shown), TRUE, PNG_WIDTH, height,
                                     &error);
    }
  else
    {
      g_autoptr(PalpClinic) clinic = NULL;
      g_autoptr(PalpClient) client = NULL;
      g_autoptr(PalpUser) practitioner = NULL;

      if (!(clinic = palp_store_load_clinic (store, &error)) ||
          !(client = palp_store_load_client (store, palp_visit_get_int (visit, "client-id"),
                                             &error)))
        return runtime_error (error);
      /* A practitioner since removed still has a name on the visit. */
      practitioner = palp_store_load_user (store, palp_visit_get_int (visit, "practitioner-id"),
                                           NULL);
      bytes = palp_doc_chart_render (clinic, client, visit, practitioner, atlas, &view, 1, marks,
                                     &error);
    }
  if (bytes == NULL)
    return runtime_error (error);
  return write_bytes (output, bytes);
}
