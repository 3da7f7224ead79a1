/* palp-doc-chart.c: a visit's body chart as a PDF
 *
 * The chart is drawn on the PDF surface by the same painter the window
 * uses, so the page shows what the therapist saw, in vectors that stay
 * sharp at any zoom. The words under it come from the chart summary, so
 * the note, the preview and the paper say the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-chart-painter.h"
#include "palp-doc.h"
#include "palp-doc-chart.h"
#include "palp-doc-receipt.h"
#include "palp-mark.h"

/* The tallest a view is drawn, in points: a body view then leaves room
 * on the first page for the header and the start of the legend. */
#define CHART_MAX_HEIGHT 470.0
/* Symbols a little smaller than on screen: paper is read up close. */
#define PRINT_SCALE      0.8

typedef struct
{
  PalpAtlas      *atlas;   /* never freed (the shipped atlas) or the caller's */
  PalpView        view;
  GListModel     *marks;   /* only this view's */
  PalpChartStyle  style;
} ChartDrawing;

static void
chart_drawing_free (gpointer data)
{
  ChartDrawing *drawing = data;

  g_clear_object (&drawing->marks);
  g_free (drawing);
}

static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  ChartDrawing *drawing = user_data;

  palp_chart_paint_view (cr, drawing->atlas, drawing->view, width, height, drawing->marks,
                         &drawing->style);
}

static void
draw_legend_cb (cairo_t  *cr,
                double    width,
                double    height,
                gpointer  user_data)
{
  const PalpChartStyle *style = user_data;

  palp_chart_paint_legend (cr, 0, 0, width, style);
}

static char *
dup_property (gpointer    object,
              const char *property)
{
  char *value = NULL;

  if (object == NULL)
    return NULL;
  g_object_get (object, property, &value, NULL);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static GListModel *
marks_of_view (GListModel *marks,
               PalpView    view)
{
  GListStore *list = g_list_store_new (PALP_TYPE_MARK);
  const char *key = palp_view_to_key (view);

  for (guint i = 0; marks != NULL && i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);

      if (g_strcmp0 (palp_mark_get_string (mark, "view"), key) == 0)
        g_list_store_append (list, mark);
    }
  return G_LIST_MODEL (list);
}

GArray *
palp_doc_chart_items (PalpAtlas  *atlas,
                      PalpView    view,
                      GListModel *marks)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PalpChartItem));
  const char *key = palp_view_to_key (view);

  g_return_val_if_fail (atlas != NULL, items);

  for (guint i = 0; marks != NULL && i < g_list_model_get_n_items (marks); i++)
    {
      g_autoptr(PalpMark) mark = g_list_model_get_item (marks, i);
      g_auto(GStrv) ids = NULL;
      PalpChartItem item = { NULL, NULL, 0, -1 };
      gboolean placed = FALSE;

      if (g_strcmp0 (palp_mark_get_string (mark, "view"), key) != 0 ||
          !palp_mark_kind_from_key (palp_mark_get_string (mark, "kind"), &item.kind))
        continue;
      if (palp_mark_get_int (mark, "has-intensity"))
        item.intensity = (int) CLAMP (palp_mark_get_int (mark, "intensity"), 0, 10);

      ids = g_strsplit (palp_mark_get_string (mark, "regions") != NULL
                          ? palp_mark_get_string (mark, "regions") : "", ",", -1);
      for (guint k = 0; ids[k] != NULL; k++)
        {
          const PalpRegion *region;

          g_strstrip (ids[k]);
          if (ids[k][0] == '\0')
            continue;
          if ((region = palp_atlas_find_region (atlas, ids[k])) != NULL)
            {
              item.region_id = palp_region_get_id (region);
              item.region_name = palp_region_get_name (region);
            }
          else
            /* Drawn on an atlas that had a region this one lacks: the id
             * is all there is to print. */
            item.region_id = item.region_name = g_intern_string (ids[k]);
          g_array_append_val (items, item);
          placed = TRUE;
          /* A referral arrow's finding is the trigger point where it
           * starts (its first region); where the pain refers to is not a
           * trigger point of its own. */
          if (g_strcmp0 (palp_mark_get_string (mark, "shape"), "arrow") == 0)
            break;
        }
      if (!placed)
        {
          item.region_id = key;
          item.region_name = palp_view_get_label (view);
          g_array_append_val (items, item);
        }
    }
  return items;
}

static char *
legend_text (void)
{
  GString *text = g_string_new (NULL);

  for (PalpMarkKind kind = 0; kind < PALP_MARK_KIND_COUNT; kind++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, palp_mark_kind_get_label (kind));
    }
  return g_string_free (text, FALSE);
}

GBytes *
palp_doc_chart_render (PalpClinic      *clinic,
                       PalpClient      *client,
                       PalpVisit       *visit,
                       PalpUser        *practitioner,
                       PalpAtlas       *atlas,
                       const PalpView  *views,
                       guint            n_views,
                       GListModel      *marks,
                       GError         **error)
{
  g_autoptr(PalpDoc) doc = NULL;
  g_autofree char *client_name = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *legal_name = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *date = NULL;
  g_autofree char *signed_at = NULL;
  g_autofree char *signed_text = NULL;
  g_autofree char *who = NULL;
  g_autofree char *name = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *legend_words = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *birth_text = NULL;
  g_autoptr(GDateTime) created = NULL;
  PalpChartStyle *legend_style;
  PalpDocAddress address;
  PalpDocField fields[4];
  gsize n_fields = 0;
  const char *language = palp_doc_billing_language ();
  double width;

  g_return_val_if_fail (PALP_IS_CLINIC (clinic), NULL);
  g_return_val_if_fail (PALP_IS_CLIENT (client), NULL);
  g_return_val_if_fail (PALP_IS_VISIT (visit), NULL);
  g_return_val_if_fail (practitioner == NULL || PALP_IS_USER (practitioner), NULL);
  g_return_val_if_fail (atlas != NULL, NULL);
  g_return_val_if_fail (views != NULL && n_views > 0, NULL);

  paper = dup_property (clinic, "paper-size");
  legal_name = dup_property (clinic, "name");
  client_name = palp_doc_billing_client_name (client);
  starts = dup_property (visit, "starts-at");
  date = palp_doc_billing_format_date (clinic, starts);
  signed_at = dup_property (visit, "signed-at");

  if (practitioner != NULL)
    {
      name = dup_property (practitioner, "display-name");
      credentials = dup_property (practitioner, "credentials");
    }
  else
    name = dup_property (visit, "practitioner-name");
  if (credentials != NULL)
    who = g_strdup_printf ("%s, %s", name != NULL ? name : "", credentials);
  else
    who = g_strdup (name != NULL ? name : "");

  doc = palp_doc_new (palp_paper_from_string (paper));
  /* Translators: the title of a body-chart document, with the client's name. */
  title = g_strdup_printf (_("Body chart of %s"), client_name);
  footer = g_strdup_printf ("%s · %s", title, date != NULL ? date : "");
  palp_doc_set_title (doc, title);
  palp_doc_set_author (doc, legal_name);
  palp_doc_set_subject (doc, _("Body chart of a visit"));
  /* The same bytes every time for the same chart: dated by the visit. */
  if ((created = palp_doc_billing_parse_time (signed_at != NULL ? signed_at : starts)) != NULL)
    palp_doc_set_creation_date (doc, created);
  palp_doc_set_language (doc, g_ascii_strncasecmp (language, "fr", 2) == 0 ? "fr" : "en");
  palp_doc_set_footer_text (doc, footer);

  if (!palp_doc_billing_add_letterhead (doc, clinic, NULL, TRUE, error))
    return NULL;
  palp_doc_add_title (doc, _("Body chart"), date);

  if (signed_at != NULL)
    {
      g_autofree char *signed_date = palp_doc_billing_format_date (clinic, signed_at);

      signed_text = g_strdup_printf (_("Signed %s"), signed_date);
    }
  else
    signed_text = g_strdup (_("Not signed yet"));

  birth = dup_property (client, "birth-date");
  if (birth != NULL)
    {
      birth_text = palp_doc_billing_format_date (clinic, birth);
      fields[n_fields++] = (PalpDocField) { _("Date of birth"), birth_text };
    }
  fields[n_fields++] = (PalpDocField) { _("Visit"), date };
  fields[n_fields++] = (PalpDocField) { _("Practitioner"), who };
  fields[n_fields++] = (PalpDocField) { _("Record"), signed_text };
  address = (PalpDocAddress) { _("Client"), client_name, NULL };
  palp_doc_add_address (doc, &address, fields, n_fields);

  width = palp_doc_get_content_width (doc);
  legend_style = g_new (PalpChartStyle, 1);
  palp_chart_style_init (legend_style);
  legend_style->scale = PRINT_SCALE;

  for (guint v = 0; v < n_views; v++)
    {
      ChartDrawing *drawing = g_new0 (ChartDrawing, 1);
      g_autoptr(GArray) items = NULL;
      g_autofree char *summary = NULL;
      double vw = 0, vh = 0, height;

      g_return_val_if_fail (views[v] < PALP_VIEW_COUNT, NULL);

      drawing->atlas = atlas;
      drawing->view = views[v];
      drawing->marks = marks_of_view (marks, views[v]);
      palp_chart_style_init (&drawing->style);
      drawing->style.scale = PRINT_SCALE;

      palp_atlas_get_view_size (atlas, views[v], &vw, &vh);
      height = vw > 0 ? MIN (width * vh / vw, CHART_MAX_HEIGHT) : CHART_MAX_HEIGHT;

      /* The view's name on the page of its drawing. */
      palp_doc_keep_together (doc, height + 40.0);
      palp_doc_add_heading (doc, palp_view_get_label (views[v]));
      items = palp_doc_chart_items (atlas, views[v], drawing->marks);
      summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) items->data,
                                         items->len);
      palp_doc_add_drawing (doc, width, height, NULL, draw_chart_cb, drawing,
                            chart_drawing_free);
      palp_doc_add_heading (doc, _("Findings by region"));
      palp_doc_add_paragraph (doc, summary, PALP_DOC_TEXT_BODY);
    }

  legend_words = legend_text ();
  palp_doc_add_heading (doc, _("Legend"));
  palp_doc_add_drawing (doc, width, palp_chart_measure_legend (width, legend_style) + 2,
                        legend_words, draw_legend_cb, legend_style, g_free);

  return palp_doc_to_bytes (doc, error);
}

static void
add_view (PalpDoc    *doc,
          PalpAtlas  *atlas,
          PalpView    view,
          GListModel *view_marks,
          double      max_height)
{
  ChartDrawing *drawing = g_new0 (ChartDrawing, 1);
  g_autoptr(GArray) items = NULL;
  g_autofree char *summary = NULL;
  double width = palp_doc_get_content_width (doc);
  double vw = 0, vh = 0, height;

  drawing->atlas = atlas;
  drawing->view = view;
  drawing->marks = g_object_ref (view_marks);
  palp_chart_style_init (&drawing->style);
  drawing->style.scale = PRINT_SCALE;

  palp_atlas_get_view_size (atlas, view, &vw, &vh);
  height = vw > 0 ? MIN (width * vh / vw, max_height) : max_height;
  /* A tall body view drawn no wider than its height asks for. */
  if (vh > 0)
    width = MIN (width, height * vw / vh);

  palp_doc_keep_together (doc, height + 40.0);
  palp_doc_add_heading (doc, palp_view_get_label (view));
  items = palp_doc_chart_items (atlas, view, view_marks);
  summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) items->data, items->len);
  palp_doc_add_drawing (doc, width, height, NULL, draw_chart_cb, drawing, chart_drawing_free);
  palp_doc_add_paragraph (doc, summary, PALP_DOC_TEXT_BODY);
}

guint
palp_doc_chart_add_views (PalpDoc    *doc,
                          PalpAtlas  *atlas,
                          GListModel *marks,
                          double      max_height)
{
  guint added = 0;

  g_return_val_if_fail (PALP_IS_DOC (doc), 0);
  g_return_val_if_fail (atlas != NULL, 0);

  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    {
      g_autoptr(GListModel) view_marks = marks_of_view (marks, v);

      if (g_list_model_get_n_items (view_marks) == 0)
        continue;
      add_view (doc, atlas, v, view_marks, max_height);
      added++;
    }
  return added;
}

gboolean
palp_doc_chart_busiest_view (GListModel *marks,
                             PalpView   *out_view)
{
  guint best = 0;

  for (PalpView v = 0; v < PALP_VIEW_COUNT; v++)
    {
      g_autoptr(GListModel) view_marks = marks_of_view (marks, v);
      guint n = g_list_model_get_n_items (view_marks);

      if (n > best)
        {
          best = n;
          if (out_view != NULL)
            *out_view = v;
        }
    }
  return best > 0;
}

typedef struct
{
  ChartDrawing  first;
  ChartDrawing  latest;
  char         *first_caption;
  char         *latest_caption;
} ComparisonDrawing;

static void
comparison_free (gpointer data)
{
  ComparisonDrawing *drawing = data;

  g_clear_object (&drawing->first.marks);
  g_clear_object (&drawing->latest.marks);
  g_free (drawing->first_caption);
  g_free (drawing->latest_caption);
  g_free (drawing);
}

#define CAPTION_HEIGHT 16.0
#define COMPARISON_GAP 18.0

static void
draw_caption (cairo_t    *cr,
              const char *text,
              double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, MAX (0, (width - w) / 2), 0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
draw_comparison_cb (cairo_t  *cr,
                    double    width,
                    double    height,
                    gpointer  user_data)
{
  ComparisonDrawing *drawing = user_data;
  double half = (width - COMPARISON_GAP) / 2;
  ChartDrawing *sides[2] = { &drawing->first, &drawing->latest };
  const char *captions[2] = { drawing->first_caption, drawing->latest_caption };

  for (int i = 0; i < 2; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, i * (half + COMPARISON_GAP), 0);
      draw_caption (cr, captions[i], half);
      cairo_translate (cr, 0, CAPTION_HEIGHT);
      cairo_rectangle (cr, 0, 0, half, height - CAPTION_HEIGHT);
      cairo_clip (cr);
      palp_chart_paint_view (cr, sides[i]->atlas, sides[i]->view, half, height - CAPTION_HEIGHT,
                             sides[i]->marks, &sides[i]->style);
      cairo_restore (cr);
    }
}

void
palp_doc_chart_add_comparison (PalpDoc    *doc,
                               PalpAtlas  *atlas,
                               PalpView    view,
                               GListModel *first_marks,
                               const char *first_caption,
                               GListModel *latest_marks,
                               const char *latest_caption,
                               double      height)
{
  ComparisonDrawing *drawing;
  g_autofree char *words = NULL;
  g_autoptr(GArray) first_items = NULL;
  g_autoptr(GArray) latest_items = NULL;
  g_autofree char *first_summary = NULL;
  g_autofree char *latest_summary = NULL;
  double width, vw = 0, vh = 0, half;

  g_return_if_fail (PALP_IS_DOC (doc));
  g_return_if_fail (atlas != NULL && view < PALP_VIEW_COUNT);

  drawing = g_new0 (ComparisonDrawing, 1);
  drawing->first.atlas = drawing->latest.atlas = atlas;
  drawing->first.view = drawing->latest.view = view;
  drawing->first.marks = marks_of_view (first_marks, view);
  drawing->latest.marks = marks_of_view (latest_marks, view);
  palp_chart_style_init (&drawing->first.style);
  palp_chart_style_init (&drawing->latest.style);
  drawing->first.style.scale = drawing->latest.style.scale = PRINT_SCALE * 0.8;
  drawing->first_caption = g_strdup (first_caption);
  drawing->latest_caption = g_strdup (latest_caption);

  width = palp_doc_get_content_width (doc);
  half = (width - COMPARISON_GAP) / 2;
  palp_atlas_get_view_size (atlas, view, &vw, &vh);
  if (vw > 0)
    height = MIN (height, half * vh / vw + CAPTION_HEIGHT);

  first_items = palp_doc_chart_items (atlas, view, drawing->first.marks);
  latest_items = palp_doc_chart_items (atlas, view, drawing->latest.marks);
  first_summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) first_items->data,
                                           first_items->len);
  latest_summary = palp_chart_summary_text ((const PalpChartItem *) (gpointer) latest_items->data,
                                            latest_items->len);
  words = g_strdup_printf ("%s\n%s", first_caption != NULL ? first_caption : "",
                           latest_caption != NULL ? latest_caption : "");

  palp_doc_keep_together (doc, height + 40.0);
  palp_doc_add_heading (doc, palp_view_get_label (view));
  palp_doc_add_drawing (doc, width, height, words, draw_comparison_cb, drawing, comparison_free);
  palp_doc_add_paragraph (doc, first_caption, PALP_DOC_TEXT_STRONG);
  palp_doc_add_paragraph (doc, first_summary, PALP_DOC_TEXT_BODY);
  palp_doc_add_paragraph (doc, latest_caption, PALP_DOC_TEXT_STRONG);
  palp_doc_add_paragraph (doc, latest_summary, PALP_DOC_TEXT_BODY);
}
