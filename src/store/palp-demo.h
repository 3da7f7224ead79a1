/* palp-demo.h: the demo clinics and synthetic scale data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-store.h"
#include "palp-store-letters.h"

G_BEGIN_DECLS

/* Opens @path (or, when NULL, a new database in a fresh temporary folder,
 * whose path is returned in @out_path) and fills it with the deterministic
 * demo clinic of @country. Refuses (PALP_STORE_ERROR_CONSTRAINT) an
 * existing database that is not a demo. An existing demo database is
 * returned as it is. @render draws the receipts of the demo's history
 * (palp_doc_receipt_render); NULL leaves the visits unreceipted. */
PalpStore *palp_demo_open           (const char             *path,
                                     PalpCountry             country,
                                     PalpReceiptRenderFunc   render,
                                     char                  **out_path,
                                     GError                **error);
/* Fills an empty (or demo) store with the demo clinic of @country. */
gboolean   palp_demo_populate       (PalpStore              *store,
                                     PalpCountry             country,
                                     PalpReceiptRenderFunc   render,
                                     GError                **error);
/* Adds @n_clients synthetic clients (and, once visits exist, @n_visits
 * visits) generated from @seed: the same seed gives the same data. */
gboolean   palp_demo_generate_scale (PalpStore    *store,
                                     guint         n_clients,
                                     guint         n_visits,
                                     guint32       seed,
                                     GError      **error);

/* Issues the demo's letters (US): Hal Brennan's letter of medical
 * necessity for his HSA, drawn by @render (palp_doc_lomn_prepare), as his
 * plan's practitioner; and the appeal of each claim the demo has appealed,
 * drawn by @appeal (palp_doc_appeal_prepare) from the record as its
 * practitioner reads it, issued by the admin. Only in a demo clinic, and
 * only once: a letter issued already is kept. */
gboolean   palp_demo_issue_letters  (PalpStore             *store,
                                     PalpLetterRenderFunc   render,
                                     PalpAppealRenderFunc   appeal,
                                     GError               **error);

G_END_DECLS
