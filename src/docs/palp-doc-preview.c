/* palp-doc-preview.c: PDF bytes back into pictures and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>

#include "palp-doc-preview.h"

/* poppler-glib (and the NSS and image libraries it brings) is loaded the
 * first time a PDF is read, not when Palpate starts: most sessions never
 * read one, and loading it costs a start a few milliseconds. Only the few
 * functions below are used; every PDF read goes through them. */
typedef struct
{
  PopplerDocument *(*document_new_from_bytes) (GBytes *, const char *, GError **);
  int              (*document_get_n_pages)    (PopplerDocument *);
  PopplerPage     *(*document_get_page)       (PopplerDocument *, int);
  void             (*page_get_size)           (PopplerPage *, double *, double *);
  void             (*page_render)             (PopplerPage *, cairo_t *);
  void             (*page_render_for_printing) (PopplerPage *, cairo_t *);
  char            *(*page_get_text)           (PopplerPage *);
  char            *error;                     /* why it could not be loaded */
} PopplerApi;

static PopplerApi poppler;

/* poppler keeps global state (its font and encoding tables) that two
 * threads drawing at once corrupt: previews render on worker threads, so
 * every call that reads a document's content takes this lock. */
G_LOCK_DEFINE_STATIC (poppler_calls);

static PopplerDocument *keeper;

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-page PDF with nothing on it. */
static GBytes *
blank_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 72, 72);
  cairo_t *cr = cairo_create (surface);

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
stop_poppler_calls (void)
{
  G_LOCK (poppler_calls);
}

static gpointer
load_poppler (gpointer data)
{
  static const struct { const char *name; gsize offset; } symbols[] = {
    { "poppler_document_new_from_bytes", G_STRUCT_OFFSET (PopplerApi,
                                                          document_new_from_bytes) },
    { "poppler_document_get_n_pages", G_STRUCT_OFFSET (PopplerApi,
                                                       document_get_n_pages) },
    { "poppler_document_get_page", G_STRUCT_OFFSET (PopplerApi, document_get_page) },
    { "poppler_page_get_size", G_STRUCT_OFFSET (PopplerApi, page_get_size) },
    { "poppler_page_render", G_STRUCT_OFFSET (PopplerApi, page_render) },
    { "poppler_page_render_for_printing", G_STRUCT_OFFSET (PopplerApi,
                                                           page_render_for_printing) },
    { "poppler_page_get_text", G_STRUCT_OFFSET (PopplerApi, page_get_text) },
  };
  GModule *module = g_module_open (POPPLER_GLIB_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      poppler.error = g_strdup (g_module_error ());
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name,
                          (gpointer *) G_STRUCT_MEMBER_P (&poppler, symbols[i].offset)))
      {
        poppler.error = g_strdup (g_module_error ());
        return NULL;
      }
  /* Kept for the life of the process. */
  g_module_make_resident (module);
  /* poppler-glib creates its global tables with the first document and
   * destroys them with the last one: a preview releasing its document on
   * a worker thread while another draws corrupts them. One empty document
   * kept for the life of the process keeps them for its life too. */
  {
    g_autoptr(GBytes) blank = blank_pdf ();

    keeper = poppler.document_new_from_bytes (blank, NULL, NULL);
  }
  /* Registered after poppler was loaded, this runs before its exit-time
   * destructors and waits for a drawing under way, holding the lock so
   * that no more starts. */
  atexit (stop_poppler_calls);
  return module;
}

static gboolean
ensure_poppler (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  if (g_once (&once, load_poppler, NULL) == NULL)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_PDF,
                   _("The PDF reader (poppler-glib) could not be loaded: %s"),
                   poppler.error ? poppler.error : "?");
      return FALSE;
    }
  return TRUE;
}

/* poppler-glib 22 declares no autoptr for its pages. */
typedef PopplerPage PalpPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpPopplerPage, g_object_unref)

/* Past this a preview is a waste of memory (about 64 MB of pixels). */
#define MAX_PREVIEW_PIXELS (4096 * 4096)

PopplerDocument *
palp_pdf_open (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GError) poppler_error = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!ensure_poppler (error))
    return NULL;
  G_LOCK (poppler_calls);
  document = poppler.document_new_from_bytes (bytes, NULL, &poppler_error);
  G_UNLOCK (poppler_calls);
  if (document == NULL)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_PDF,
                   _("This is not a PDF document Palpate can show (%s)."),
                   poppler_error != NULL ? poppler_error->message : "?");
      return NULL;
    }

  return document;
}

static PopplerPage *
get_page (PopplerDocument  *document,
          int               index,
          GError          **error)
{
  PopplerPage *page = NULL;

  if (index >= 0 && index < poppler.document_get_n_pages (document))
    page = poppler.document_get_page (document, index);

  if (page == NULL)
    g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_PAGE,
                 _("The document has no page %d."), index + 1);

  return page;
}

static cairo_surface_t *
render_page_locked (PopplerDocument  *document,
                    int               index,
                    double            scale,
                    GError          **error)
{
  g_autoptr(PalpPopplerPage) page = NULL;
  cairo_surface_t *surface;
  double width, height;
  int pixel_w, pixel_h;
  cairo_t *cr;

  if (!(page = get_page (document, index, error)))
    return NULL;

  poppler.page_get_size (page, &width, &height);
  pixel_w = (int) ceil (width * scale);
  pixel_h = (int) ceil (height * scale);

  if (!(scale > 0) || pixel_w < 1 || pixel_h < 1
      || (double) pixel_w * pixel_h > MAX_PREVIEW_PIXELS)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_RENDER,
                   _("Page %d cannot be shown at %.0f%%. Choose another zoom."),
                   index + 1, scale * 100);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_w, pixel_h);
  cr = cairo_create (surface);

  /* Paper is white; the PDF only draws what is printed on it. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler.page_render (page, cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_RENDER,
                   _("Page %d could not be drawn (%s)."),
                   index + 1, cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

cairo_surface_t *
palp_pdf_render_page (PopplerDocument  *document,
                      int               index,
                      double            scale,
                      GError          **error)
{
  cairo_surface_t *surface;

  g_return_val_if_fail (G_IS_OBJECT (document), NULL);

  /* Previews draw on worker threads: the page, its drawing and its
   * release all under the lock. */
  G_LOCK (poppler_calls);
  surface = render_page_locked (document, index, scale, error);
  G_UNLOCK (poppler_calls);
  return surface;
}

gboolean
palp_pdf_get_page_size (PopplerDocument *document,
                        int              index,
                        double          *width,
                        double          *height)
{
  g_autoptr(PalpPopplerPage) page = NULL;

  g_return_val_if_fail (G_IS_OBJECT (document), FALSE);

  if (!(page = get_page (document, index, NULL)))
    return FALSE;

  poppler.page_get_size (page, width, height);
  return TRUE;
}

char *
palp_pdf_get_page_text (PopplerDocument *document,
                        int              index)
{
  g_autoptr(PalpPopplerPage) page = NULL;

  g_return_val_if_fail (G_IS_OBJECT (document), NULL);

  if (!(page = get_page (document, index, NULL)))
    return NULL;

  {
    char *text;

    G_LOCK (poppler_calls);
    text = poppler.page_get_text (page);
    G_UNLOCK (poppler_calls);
    return text;
  }
}

char *
palp_pdf_get_text (PopplerDocument *document)
{
  GString *out = g_string_new (NULL);
  int n_pages;

  g_return_val_if_fail (G_IS_OBJECT (document), NULL);

  n_pages = poppler.document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = palp_pdf_get_page_text (document, i);

      if (i > 0)
        g_string_append_c (out, '\f');
      if (text != NULL)
        g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

int
palp_pdf_get_n_pages (PopplerDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);

  return poppler.document_get_n_pages (document);
}

PopplerPage *
palp_pdf_get_page (PopplerDocument *document,
                   int              index)
{
  g_return_val_if_fail (document != NULL, NULL);

  if (index < 0 || index >= poppler.document_get_n_pages (document))
    return NULL;
  return poppler.document_get_page (document, index);
}

void
palp_pdf_page_get_size (PopplerPage *page,
                        double      *width,
                        double      *height)
{
  poppler.page_get_size (page, width, height);
}

void
palp_pdf_page_render_for_printing (PopplerPage *page,
                                   cairo_t     *cr)
{
  G_LOCK (poppler_calls);
  poppler.page_render_for_printing (page, cr);
  G_UNLOCK (poppler_calls);
}
