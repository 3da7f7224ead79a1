/* palp-preview-window.h: every document of the product, before paper
 *
 * A window showing the pages of one or more PDFs exactly as they were
 * produced: rendered by poppler off the main thread, zoomed, paged,
 * printed (the same pages, through GtkPrintOperation) and saved (the same
 * bytes). Several documents (the two receipts of a combined visit) share
 * one window and a switcher in its header bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_PREVIEW_WINDOW (palp_preview_window_get_type ())

G_DECLARE_FINAL_TYPE (PalpPreviewWindow, palp_preview_window, PALP, PREVIEW_WINDOW, AdwWindow)

/* @title ("Receipt T-2026-000124") names the window; @suggested_filename
 * ("T-2026-000124.pdf") is offered by Save As. */
PalpPreviewWindow *palp_preview_window_new            (GtkWindow          *parent,
                                                       const char         *title,
                                                       const char         *suggested_filename,
                                                       GBytes             *pdf);
/* Receipts (GListModel of PalpReceipt) in one window: each as stored at
 * issue, or reprinted (palp_doc_receipt_reprint) when it was voided or
 * paid since. NULL and @error when one cannot be loaded. */
PalpPreviewWindow *palp_preview_window_new_for_receipts (GtkWindow       *parent,
                                                       PalpStore          *store,
                                                       GListModel         *receipts,
                                                       GError            **error);
/* The bytes a receipt is previewed with (see above). */
GBytes            *palp_preview_receipt_bytes         (PalpStore          *store,
                                                       PalpReceipt        *receipt,
                                                       GError            **error);
/* Adds another document to the switcher; the first stays shown. */
void               palp_preview_window_add_document   (PalpPreviewWindow  *self,
                                                       const char         *title,
                                                       const char         *suggested_filename,
                                                       GBytes             *pdf);
guint              palp_preview_window_get_n_documents (PalpPreviewWindow *self);
void               palp_preview_window_select_document (PalpPreviewWindow *self,
                                                       guint               index);
guint              palp_preview_window_get_selected   (PalpPreviewWindow  *self);
/* The bytes of document @index, as previewed, printed and saved. */
GBytes            *palp_preview_window_get_document_bytes (PalpPreviewWindow *self,
                                                       guint               index);
/* The bytes of the document shown. */
GBytes            *palp_preview_window_get_bytes      (PalpPreviewWindow  *self);
const char        *palp_preview_window_get_title      (PalpPreviewWindow  *self);

/* Pages of the document shown; 0 until its first rendering finished. */
int                palp_preview_window_get_n_pages    (PalpPreviewWindow  *self);
int                palp_preview_window_get_page       (PalpPreviewWindow  *self);
gboolean           palp_preview_window_is_rendering   (PalpPreviewWindow  *self);
double             palp_preview_window_get_zoom       (PalpPreviewWindow  *self);

/* What Save As does once a file is chosen: writes the document's bytes,
 * unchanged, to @file. */
gboolean           palp_preview_window_save_to_file   (PalpPreviewWindow  *self,
                                                       GFile              *file,
                                                       GError            **error);
/* What Print draws, sent to a PDF file instead of a printer (no dialog). */
gboolean           palp_preview_window_export_print   (PalpPreviewWindow  *self,
                                                       const char         *path,
                                                       GError            **error);

G_END_DECLS
