/* palp-year-end.h: every receipt of a year, as PDFs into a folder
 *
 * Runs in worker threads (one per core, up to four), each on its own
 * read-only connection to the clinic's database, so the window stays
 * responsive; reports progress on the main
 * loop and stops when cancelled. Each receipt is written as issued (its
 * stored bytes), or with its VOID mark and addendum when it was voided or
 * paid after issue, to NUMBER.pdf, atomically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called on the main loop after each receipt: @done of @total written. */
typedef void (*PalpYearEndProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/* @client_id 0: every client. */
void     palp_year_end_export_async  (const char           *database_path,
                                      int                   year,
                                      gint64                client_id,
                                      GFile                *folder,
                                      PalpYearEndProgress   progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* The number of receipts written; -1 with @error on failure (cancelled:
 * G_IO_ERROR_CANCELLED, the files written so far stay). */
gint64   palp_year_end_export_finish (GAsyncResult         *result,
                                      GError              **error);

/* The same, synchronously, in the calling thread (tests, scripts). */
gint64   palp_year_end_export        (const char           *database_path,
                                      int                   year,
                                      gint64                client_id,
                                      GFile                *folder,
                                      PalpYearEndProgress   progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      GError              **error);

G_END_DECLS
