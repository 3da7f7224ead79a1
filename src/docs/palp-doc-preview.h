/* palp-doc-preview.h: PDF bytes back into pictures and text
 *
 * The app previews the very bytes it saves and prints: these open them
 * with poppler, render a page to an image at any zoom (safe to call from
 * a worker thread, one document per thread at a time), and read the text
 * back (what tests and `check` search).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <poppler.h>

#include "palp-doc.h"

G_BEGIN_DECLS

/* poppler-glib 22 declares no autoptr for its types: g_autoptr(PalpPdfDocument). */
typedef PopplerDocument PalpPdfDocument;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpPdfDocument, g_object_unref)

/* NULL and PALP_DOC_ERROR_PDF when @bytes are not a PDF. The document
 * keeps a reference to @bytes. */
PopplerDocument *palp_pdf_open            (GBytes           *bytes,
                                           GError          **error);

/* Page @index (from 0) as an ARGB32 image on white, @scale pixels per
 * point (1.0 is 72 dpi). NULL and PALP_DOC_ERROR_PAGE for a missing page,
 * PALP_DOC_ERROR_RENDER for a scale that gives no picture or one too large
 * to allocate. */
cairo_surface_t *palp_pdf_render_page     (PopplerDocument  *document,
                                           int               index,
                                           double            scale,
                                           GError          **error);

/* Size of page @index in points; FALSE for a missing page. */
gboolean         palp_pdf_get_page_size   (PopplerDocument  *document,
                                           int               index,
                                           double           *width,
                                           double           *height);

/* Text of page @index as poppler reads it; NULL for a missing page. */
char            *palp_pdf_get_page_text   (PopplerDocument  *document,
                                           int               index);
/* Every page's text, pages separated by a form feed. */
char            *palp_pdf_get_text        (PopplerDocument  *document);

/* The pages themselves, for printing and drawing onto another PDF. Only
 * for documents from palp_pdf_open() (which loads the PDF reader). */
int              palp_pdf_get_n_pages     (PopplerDocument  *document);
/* A new reference, or NULL outside the document. */
PopplerPage     *palp_pdf_get_page        (PopplerDocument  *document,
                                           int               index);
void             palp_pdf_page_get_size   (PopplerPage      *page,
                                           double           *width,
                                           double           *height);
void             palp_pdf_page_render_for_printing (PopplerPage *page,
                                           cairo_t          *cr);

G_END_DECLS
