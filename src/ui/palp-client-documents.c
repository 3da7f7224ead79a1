/* palp-client-documents.c: the documents a clinic makes for a client, on
 * the client page's Documents tab
 *
 * One row per document (the treatment plan, the progress report for the
 * referring provider, the whole record), each made from the record as it
 * stands and opened in the preview, where it is printed or saved. A
 * document that cannot be made yet is shown disabled with the reason.
 * Receipts and the statement for an insurer stay on the Billing tab; a
 * row here leads there. The client's own record also exports as JSON, for
 * a client who asks for their file or moves to another clinic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-client-documents.h"
#include "palp-date.h"
#include "palp-doc-clinical.h"
#include "palp-letter-dialog.h"
#include "palp-preview-window.h"
#include "palp-store-letters.h"
#include "palp-ui-util.h"

#define N_KINDS 3

struct _PalpClientDocuments
{
  GtkWidget        parent_instance;

  PalpStore       *store;
  PalpUser        *user;
  PalpClient      *client;

  AdwToastOverlay *overlay;
  GtkWidget       *rows[N_KINDS];
  char            *reasons[N_KINDS];
  GtkWidget       *json_row;

  AdwPreferencesGroup *letters_group;
  GtkWidget       *lomn_row;
  char            *lomn_reason;
  GPtrArray       *letter_rows;  /* GtkWidget, one per issued letter */
  GListModel      *letters;      /* PalpLetter, newest first */
};

G_DEFINE_FINAL_TYPE (PalpClientDocuments, palp_client_documents, GTK_TYPE_WIDGET)

static const char *
kind_title (PalpClientDocumentKind kind)
{
  switch (kind)
    {
    case PALP_CLIENT_DOCUMENT_PLAN:
      return _("Treatment Plan");
    case PALP_CLIENT_DOCUMENT_PROGRESS:
      return _("Progress Report");
    case PALP_CLIENT_DOCUMENT_RECORD:
    default:
      return _("Whole Record");
    }
}

static const char *
kind_description (PalpClientDocumentKind kind)
{
  switch (kind)
    {
    case PALP_CLIENT_DOCUMENT_PLAN:
      return _("Diagnoses, goals, frequency and techniques, with the consents and their "
               "signatures");
    case PALP_CLIENT_DOCUMENT_PROGRESS:
      return _("For the referring provider: each goal from baseline to latest, plotted, with "
               "attendance");
    case PALP_CLIENT_DOCUMENT_RECORD:
    default:
      return _("Health histories, screenings, referrals, plans and every note, in date order");
    }
}

/* The file name Save As offers: the kind, the client's number and the
 * day, never the client's name. */
static const char *
kind_file_stem (PalpClientDocumentKind kind)
{
  switch (kind)
    {
    case PALP_CLIENT_DOCUMENT_PLAN:
      return "treatment-plan";
    case PALP_CLIENT_DOCUMENT_PROGRESS:
      return "progress-report";
    case PALP_CLIENT_DOCUMENT_RECORD:
    default:
      return "clinical-record";
    }
}

static void update_json_row (PalpClientDocuments *self);
static GtkWidget *document_row (const char *title,
                                const char *icon);
static void reload_letters (PalpClientDocuments *self,
                            const char          *reason);

static void
set_reason (PalpClientDocuments    *self,
            PalpClientDocumentKind  kind,
            const char             *reason)
{
  GtkWidget *row = self->rows[kind];

  g_free (self->reasons[kind]);
  self->reasons[kind] = g_strdup (reason);
  gtk_widget_set_sensitive (row, reason == NULL);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "palp-next"), reason == NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               reason != NULL ? reason : kind_description (kind));
  gtk_widget_set_tooltip_text (row, reason);
  if (kind == PALP_CLIENT_DOCUMENT_RECORD)
    update_json_row (self);
}

void
palp_client_documents_reload (PalpClientDocuments *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = NULL;
  const char *no_plan = NULL;

  g_return_if_fail (PALP_IS_CLIENT_DOCUMENTS (self));

  if (self->store == NULL || self->client == NULL)
    {
      for (guint i = 0; i < N_KINDS; i++)
        set_reason (self, i, _("No client is open."));
      reload_letters (self, _("No client is open."));
      return;
    }
  if (self->user != NULL &&
      !palp_ui_user_may (self->user, PALP_ACTION_VIEW_CLINICAL, 0, &error))
    {
      for (guint i = 0; i < N_KINDS; i++)
        set_reason (self, i, error->message);
      reload_letters (self, error->message);
      return;
    }
  reload_letters (self, NULL);

  plans = palp_store_list_plans (self->store, palp_client_get_id (self->client), &error);
  if (plans == NULL)
    {
      for (guint i = 0; i < N_KINDS; i++)
        set_reason (self, i, error->message);
      return;
    }
  if (g_list_model_get_n_items (plans) == 0)
    no_plan = _("This client has no treatment plan yet.");
  set_reason (self, PALP_CLIENT_DOCUMENT_PLAN, no_plan);
  set_reason (self, PALP_CLIENT_DOCUMENT_PROGRESS,
              no_plan != NULL ? _("No treatment plan yet: progress is reported against a "
                                  "plan’s goals.")
                              : NULL);
  set_reason (self, PALP_CLIENT_DOCUMENT_RECORD, NULL);
}

static void
update_json_row (PalpClientDocuments *self)
{
  const char *reason = self->reasons[PALP_CLIENT_DOCUMENT_RECORD];

  if (self->json_row == NULL)
    return;
  gtk_widget_set_sensitive (self->json_row, reason == NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->json_row),
                               reason != NULL
                                 ? reason
                                 : _("Everything kept about this client, as one JSON file, for "
                                     "a client who asks for their file or moves to another "
                                     "clinic"));
}

const char *
palp_client_documents_get_reason (PalpClientDocuments    *self,
                                  PalpClientDocumentKind  kind)
{
  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return self->reasons[kind];
}

GtkWindow *
palp_client_documents_open (PalpClientDocuments     *self,
                            PalpClientDocumentKind   kind,
                            GError                 **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  PalpPreviewWindow *preview;

  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  if (self->reasons[kind] != NULL)
    {
      g_set_error_literal (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                           self->reasons[kind]);
      return NULL;
    }
  if (!(document = palp_store_load_client_document (self->store,
                                                    palp_client_get_id (self->client), error)))
    return NULL;
  switch (kind)
    {
    case PALP_CLIENT_DOCUMENT_PLAN:
      pdf = palp_doc_plan_render (document, error);
      break;
    case PALP_CLIENT_DOCUMENT_PROGRESS:
      pdf = palp_doc_progress_render (document, error);
      break;
    case PALP_CLIENT_DOCUMENT_RECORD:
    default:
      pdf = palp_doc_record_render (document, error);
      break;
    }
  if (pdf == NULL)
    return NULL;

  name = palp_client_dup_display_name (self->client);
  /* Translators: a preview window's title: the document, then the client:
   * "Treatment Plan — Ana Ruiz" */
  title = g_strdup_printf (_("%s — %s"), kind_title (kind), name);
  file = g_strdup_printf ("%s-client-%" G_GINT64_FORMAT "-%s.pdf", kind_file_stem (kind),
                          palp_client_get_id (self->client), document->today);
  preview = palp_preview_window_new (palp_ui_parent_window (GTK_WIDGET (self)), title, file, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
show_error (PalpClientDocuments *self,
            const GError        *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->overlay, toast);
}

static void
on_letter_activated (AdwActionRow        *row,
                     PalpClientDocuments *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "palp-index"));

  if (palp_client_documents_open_letter (self, index, &error) == NULL)
    show_error (self, error);
}

static void
reload_letters (PalpClientDocuments *self,
                const char          *reason)
{
  g_autoptr(GError) error = NULL;
  PalpCountry country = PALP_COUNTRY_US;

  for (guint i = 0; self->letter_rows != NULL && i < self->letter_rows->len; i++)
    adw_preferences_group_remove (self->letters_group, g_ptr_array_index (self->letter_rows, i));
  if (self->letter_rows != NULL)
    g_ptr_array_set_size (self->letter_rows, 0);
  g_clear_object (&self->letters);
  g_free (self->lomn_reason);
  self->lomn_reason = g_strdup (reason);
  if (self->lomn_row == NULL)
    return;
  gtk_widget_set_sensitive (self->lomn_row, reason == NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->lomn_row),
                               reason != NULL
                                 ? reason
                                 : _("For an HSA/FSA administrator or an insurer, for the "
                                     "prescriber to sign: drafted from the diagnosis, the plan "
                                     "and its progress, edited, then issued and kept"));
  if (reason != NULL)
    return;

  if (!(self->letters = palp_store_list_letters (self->store, palp_client_get_id (self->client),
                                                 NULL, &error)))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->lomn_row), error->message);
      return;
    }
  {
    g_autoptr(PalpClinic) clinic = palp_store_load_clinic (self->store, NULL);

    if (clinic != NULL)
      country = palp_clinic_get_country_enum (clinic);
  }
  for (guint i = 0; i < g_list_model_get_n_items (self->letters); i++)
    {
      g_autoptr(PalpLetter) letter = g_list_model_get_item (self->letters, i);
      gboolean appeal = g_strcmp0 (palp_letter_get_string (letter, "kind"), "appeal") == 0;
      g_autofree char *day = palp_date_format_short (palp_letter_get_string (letter, "issued-on"),
                                                     country);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      title = appeal
                /* Translators: an issued letter in the Documents tab, and its date. */
                ? g_strdup_printf (_("Appeal of a Denied Claim, %s"), day)
                /* Translators: an issued letter in the Documents tab, and its date. */
                : g_strdup_printf (_("Letter of Medical Necessity, %s"), day);
      /* Translators: who signs an issued letter: "For Dr. Samuel Lee, MD to sign · issued". */
      subtitle = g_strdup_printf (_("Issued for %s to sign · kept as issued"),
                                  palp_letter_get_string (letter, "prescriber"));
      row = document_row (title, "mail-unread-symbolic");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "palp-index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "activated", G_CALLBACK (on_letter_activated), self);
      adw_preferences_group_add (self->letters_group, row);
      g_ptr_array_add (self->letter_rows, row);
    }
}

static void
on_lomn_saved (PalpFormWindow      *form,
               PalpClientDocuments *self)
{
  palp_client_documents_reload (self);
  adw_toast_overlay_add_toast (self->overlay,
                               adw_toast_new (_("Letter of medical necessity issued")));
}

GtkWindow *
palp_client_documents_open_lomn (PalpClientDocuments  *self,
                                 GError              **error)
{
  PalpFormWindow *form;

  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), NULL);

  if (self->lomn_reason != NULL || self->client == NULL)
    {
      g_set_error_literal (error, PALP_DOC_CLINICAL_ERROR, PALP_DOC_CLINICAL_ERROR_INCOMPLETE,
                           self->lomn_reason != NULL ? self->lomn_reason
                                                     : _("No client is open."));
      return NULL;
    }
  if (!(form = palp_letter_dialog_new (palp_ui_parent_window (GTK_WIDGET (self)), self->store,
                                       self->client, error)))
    return NULL;
  g_signal_connect_object (form, "saved", G_CALLBACK (on_lomn_saved), self, 0);
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WINDOW (form);
}

guint
palp_client_documents_get_n_letters (PalpClientDocuments *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), 0);

  return self->letters != NULL ? g_list_model_get_n_items (self->letters) : 0;
}

GtkWindow *
palp_client_documents_open_letter (PalpClientDocuments  *self,
                                   guint                 index,
                                   GError              **error)
{
  g_autoptr(PalpLetter) letter = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  gboolean appeal;
  PalpPreviewWindow *preview;

  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), NULL);
  g_return_val_if_fail (index < palp_client_documents_get_n_letters (self), NULL);

  letter = g_list_model_get_item (self->letters, index);
  if (!(pdf = palp_store_load_letter_pdf (self->store, palp_letter_get_int (letter, "id"),
                                          error)))
    return NULL;
  appeal = g_strcmp0 (palp_letter_get_string (letter, "kind"), "appeal") == 0;
  name = palp_client_dup_display_name (self->client);
  title = g_strdup_printf (_("%s — %s"), appeal ? _("Appeal of a Denied Claim")
                                                : _("Letter of Medical Necessity"), name);
  file = g_strdup_printf ("%s-client-%" G_GINT64_FORMAT "-%s.pdf",
                          appeal ? "appeal" : "letter-of-medical-necessity",
                          palp_client_get_id (self->client),
                          palp_letter_get_string (letter, "issued-on"));
  preview = palp_preview_window_new (palp_ui_parent_window (GTK_WIDGET (self)), title, file, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
on_lomn_activated (AdwActionRow        *row,
                   PalpClientDocuments *self)
{
  g_autoptr(GError) error = NULL;

  if (palp_client_documents_open_lomn (self, &error) == NULL)
    show_error (self, error);
}

gboolean
palp_client_documents_export_json (PalpClientDocuments  *self,
                                   GFile                *file,
                                   GError              **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (PALP_IS_CLIENT_DOCUMENTS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->reasons[PALP_CLIENT_DOCUMENT_RECORD] != NULL)
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                           self->reasons[PALP_CLIENT_DOCUMENT_RECORD]);
      return FALSE;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The record can only be saved to a folder on this computer."));
      return FALSE;
    }
  return palp_store_export_archive (self->store, palp_client_get_id (self->client), path, error);
}

GtkWindow *
palp_soap_note_open (GtkWindow  *parent,
                     PalpStore  *store,
                     gint64      visit_id,
                     GError    **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  PalpVisitDocument *visit;
  PalpPreviewWindow *preview;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  if (!(document = palp_store_load_visit_document (store, visit_id, error)) ||
      !(pdf = palp_doc_soap_render (document, visit_id, error)))
    return NULL;

  visit = palp_clinical_document_find_visit (document, visit_id);
  day = g_strndup (palp_visit_get_string (visit->visit, "starts-at"), 10);
  date = palp_date_format_short (day, palp_clinic_get_country_enum (document->clinic));
  name = palp_client_dup_display_name (document->client);
  /* Translators: a preview window's title: the client and the visit's
   * day: "SOAP Note — Ana Ruiz, 11/15/2026" */
  title = g_strdup_printf (_("SOAP Note — %s, %s"), name, date != NULL ? date : day);
  file = g_strdup_printf ("soap-note-%s-visit-%" G_GINT64_FORMAT ".pdf", day, visit_id);
  preview = palp_preview_window_new (parent, title, file, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

static void
on_row_activated (AdwActionRow        *row,
                  PalpClientDocuments *self)
{
  PalpClientDocumentKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row),
                                                                     "palp-kind"));
  g_autoptr(GError) error = NULL;

  if (palp_client_documents_open (self, kind, &error) == NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->overlay, toast);
    }
}

static void
on_json_response_cb (GtkNativeDialog     *native,
                     int                  response,
                     PalpClientDocuments *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (palp_client_documents_export_json (self, file, &error))
        {
          name = g_file_get_basename (file);
          message = g_strdup_printf (_("Saved as “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Not saved: %s"), error->message);
      adw_toast_overlay_add_toast (self->overlay, adw_toast_new (message));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
on_json_activated (AdwActionRow        *row,
                   PalpClientDocuments *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *file = NULL;
  GtkFileChooserNative *native;

  if (self->client == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export Record as JSON"),
                                        palp_ui_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* The client's number and the day, never the client's name. */
  file = g_strdup_printf ("client-%" G_GINT64_FORMAT "-record-%s.json",
                          palp_client_get_id (self->client), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file);
  g_signal_connect (native, "response", G_CALLBACK (on_json_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Receipts and statements are listed, opened and reprinted on the
 * Billing tab; this row only leads there. */
static void
on_billing_activated (AdwActionRow        *row,
                      PalpClientDocuments *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "billing");
}

static GtkWidget *
document_row (const char *title,
              const char *icon)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *next = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), next);
  g_object_set_data (G_OBJECT (row), "palp-next", next);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
on_map_cb (PalpClientDocuments *self)
{
  /* A plan may have been written on another tab since. */
  palp_client_documents_reload (self);
}

static void
palp_client_documents_dispose (GObject *object)
{
  PalpClientDocuments *self = PALP_CLIENT_DOCUMENTS (object);

  g_clear_pointer ((GtkWidget **) &self->overlay, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->client);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_pointer (&self->reasons[i], g_free);
  g_clear_pointer (&self->lomn_reason, g_free);
  g_clear_pointer (&self->letter_rows, g_ptr_array_unref);
  g_clear_object (&self->letters);

  G_OBJECT_CLASS (palp_client_documents_parent_class)->dispose (object);
}

static void
palp_client_documents_class_init (PalpClientDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_client_documents_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
palp_client_documents_init (PalpClientDocuments *self)
{
  static const char *icons[N_KINDS] = {
    "emblem-ok-symbolic", "x-office-presentation-symbolic", "x-office-document-symbolic",
  };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
  adw_toast_overlay_set_child (self->overlay, page);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Clinical Documents"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Made from the record as it stands today, then "
                                           "printed or saved from the preview. A visit’s SOAP "
                                           "note opens from the Visits tab."));
  for (guint i = 0; i < N_KINDS; i++)
    {
      self->rows[i] = document_row (kind_title (i), icons[i]);
      g_object_set_data (G_OBJECT (self->rows[i]), "palp-kind", GUINT_TO_POINTER (i));
      g_signal_connect (self->rows[i], "activated", G_CALLBACK (on_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rows[i]);
    }
  self->json_row = document_row (_("Export Record as JSON…"), "document-save-symbolic");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->json_row), "palp-next"), FALSE);
  g_signal_connect (self->json_row, "activated", G_CALLBACK (on_json_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->json_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Letters"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Issued letters are kept as they were printed and "
                                           "reopen from their stored copy."));
  self->letters_group = ADW_PREFERENCES_GROUP (group);
  self->letter_rows = g_ptr_array_new ();
  self->lomn_row = document_row (_("Letter of Medical Necessity…"), "document-edit-symbolic");
  g_signal_connect (self->lomn_row, "activated", G_CALLBACK (on_lomn_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->lomn_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  row = document_row (_("Receipts and Statements"), "accessories-calculator-symbolic");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Every receipt issued to this client, and the statement for "
                                 "an insurer, are on the Billing tab"));
  g_signal_connect (row, "activated", G_CALLBACK (on_billing_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  palp_client_documents_reload (self);
}

void
palp_client_documents_set_store (PalpClientDocuments *self,
                                 PalpStore           *store)
{
  g_return_if_fail (PALP_IS_CLIENT_DOCUMENTS (self));

  g_set_object (&self->store, store);
  palp_client_documents_reload (self);
}

void
palp_client_documents_set_user (PalpClientDocuments *self,
                                PalpUser            *user)
{
  g_return_if_fail (PALP_IS_CLIENT_DOCUMENTS (self));

  g_set_object (&self->user, user);
  palp_client_documents_reload (self);
}

void
palp_client_documents_set_client (PalpClientDocuments *self,
                                  PalpClient          *client)
{
  g_return_if_fail (PALP_IS_CLIENT_DOCUMENTS (self));

  g_set_object (&self->client, client);
  palp_client_documents_reload (self);
}
