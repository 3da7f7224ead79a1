/* palp-client-documents.h: the documents a clinic makes for a client, on
 * the client page's Documents tab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_DOCUMENTS (palp_client_documents_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientDocuments, palp_client_documents, PALP, CLIENT_DOCUMENTS,
                      GtkWidget)

typedef enum
{
  PALP_CLIENT_DOCUMENT_PLAN,      /* the treatment plan with its consents */
  PALP_CLIENT_DOCUMENT_PROGRESS,  /* the progress report for the referring provider */
  PALP_CLIENT_DOCUMENT_RECORD,    /* the whole clinical record */
} PalpClientDocumentKind;

void        palp_client_documents_set_store  (PalpClientDocuments    *self,
                                              PalpStore              *store);
/* Who is signed in: only a practitioner reads the clinical record. */
void        palp_client_documents_set_user   (PalpClientDocuments    *self,
                                              PalpUser               *user);
/* The client whose documents are offered (NULL: none). */
void        palp_client_documents_set_client (PalpClientDocuments    *self,
                                              PalpClient             *client);
/* Looks again at what can be made (a plan may have been written since). */
void        palp_client_documents_reload     (PalpClientDocuments    *self);
/* Why @kind cannot be made for the client now, as its row says; NULL when
 * it can. */
const char *palp_client_documents_get_reason (PalpClientDocuments    *self,
                                              PalpClientDocumentKind  kind);
/* Makes @kind and opens it in the preview, as its row does; the preview,
 * or NULL with @error (the row shows it as a toast). */
GtkWindow  *palp_client_documents_open       (PalpClientDocuments    *self,
                                              PalpClientDocumentKind  kind,
                                              GError                **error);

/* Opens the letter of medical necessity dialog (palp-letter-dialog.h) for
 * the client, as the "Letter of Medical Necessity…" row does: the missing
 * pieces, or the drafted letter to edit, preview and issue. */
GtkWindow  *palp_client_documents_open_lomn  (PalpClientDocuments    *self,
                                              GError                **error);
/* The client's issued letters, as listed, newest first. */
guint       palp_client_documents_get_n_letters (PalpClientDocuments *self);
/* Opens issued letter @index in the preview, from its stored bytes. */
GtkWindow  *palp_client_documents_open_letter (PalpClientDocuments   *self,
                                               guint                  index,
                                               GError               **error);

/* Writes the client's own record (every row of theirs, as JSON: see
 * palp_store_export_archive()) to @file, readable by its owner only, as
 * the "Export Record as JSON…" row does once a file is chosen. */
gboolean    palp_client_documents_export_json (PalpClientDocuments   *self,
                                               GFile                 *file,
                                               GError               **error);

/* Makes the SOAP note of @visit_id and opens it in the preview, transient
 * for @parent (may be NULL); the preview, or NULL with @error (an
 * esthetic-only visit, a visit with no note yet). */
GtkWindow  *palp_soap_note_open              (GtkWindow              *parent,
                                              PalpStore              *store,
                                              gint64                  visit_id,
                                              GError                **error);

G_END_DECLS
