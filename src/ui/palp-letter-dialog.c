/* palp-letter-dialog.c: drafting and issuing a letter of medical necessity
 *
 * The record is loaded once; the draft is made from it, and every later
 * step (preview, issue) prints the fields as they stand in the form, never
 * the record again, so what was edited is what is printed and kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-date.h"
#include "palp-doc-letter.h"
#include "palp-letter-dialog.h"
#include "palp-preview-window.h"
#include "palp-store-letters.h"

#define DIALOG_KEY "palp-letter-dialog"

typedef struct
{
  PalpFormWindow       *form;      /* unowned */
  PalpStore            *store;
  PalpClient           *client;
  PalpClinicalDocument *document;
  PalpLetterDraft      *draft;     /* NULL: the record cannot support one */
  GStrv                 missing;
  GHashTable           *fields;    /* key -> widget */
  gint64                issued;
} LetterDialog;

static void
letter_dialog_free (gpointer data)
{
  LetterDialog *d = data;

  g_clear_object (&d->store);
  g_clear_object (&d->client);
  g_clear_pointer (&d->document, palp_clinical_document_free);
  g_clear_pointer (&d->draft, palp_letter_draft_free);
  g_clear_pointer (&d->missing, g_strfreev);
  g_clear_pointer (&d->fields, g_hash_table_unref);
  g_free (d);
}

static LetterDialog *
dialog_of (PalpFormWindow *form)
{
  return g_object_get_data (G_OBJECT (form), DIALOG_KEY);
}

static char *
field_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      char *text = palp_form_text_view_get_text (GTK_TEXT_VIEW (widget));

      return text != NULL ? text : g_strdup ("");
    }
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

/* The draft as the form says. */
static PalpLetterDraft *
draft_from_form (LetterDialog *d)
{
  PalpLetterDraft *draft = palp_letter_draft_copy (d->draft);
  guint n_fields = 0;
  const PalpLetterField *fields = palp_letter_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (d->fields, fields[i].key);
      g_autofree char *text = widget != NULL ? field_text (widget) : NULL;

      if (text != NULL)
        palp_letter_draft_set (draft, fields[i].key, text);
    }
  return draft;
}

static char *
check_cb (gpointer    data,
          GtkWidget **out_row)
{
  LetterDialog *d = data;
  static const struct { const char *key; const char *message; } required[] = {
    { "patient", N_("Name the patient.") },
    { "diagnoses", N_("Name the diagnoses, with their ICD-10 codes.") },
    { "treatment", N_("Say what treatment is prescribed.") },
    { "statement", N_("Write the statement of medical necessity.") },
    { "prescriber", N_("Name the prescriber who signs the letter.") },
  };
  GtkWidget *date_row;
  g_autofree char *date = NULL;
  GDate parsed;

  if (d->draft == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      GtkWidget *widget = g_hash_table_lookup (d->fields, required[i].key);
      g_autofree char *text = field_text (widget);

      if (text[0] == '\0')
        {
          *out_row = widget;
          return g_strdup (_(required[i].message));
        }
    }
  date_row = g_hash_table_lookup (d->fields, "date");
  date = field_text (date_row);
  if (!palp_date_parse_iso (date, &parsed))
    {
      *out_row = date_row;
      return g_strdup (_("Give the letter’s date as YYYY-MM-DD."));
    }
  return NULL;
}

static gboolean
save_cb (gpointer   data,
         GError   **error)
{
  LetterDialog *d = data;
  g_autoptr(PalpLetterDraft) draft = draft_from_form (d);
  g_autoptr(PalpLetter) letter = palp_letter_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *fields = NULL;

  if (!(pdf = palp_doc_lomn_render (d->document, draft, error)))
    return FALSE;
  fields = palp_letter_draft_to_json (draft);
  g_object_set (letter, "client-id", palp_client_get_id (d->client), "kind", "lomn",
                "issued-on", draft->date, "prescriber", draft->prescriber, "fields", fields,
                NULL);
  if (!palp_store_issue_letter (d->store, letter, pdf, error))
    return FALSE;
  d->issued = palp_letter_get_int (letter, "id");
  return TRUE;
}

static GtkWidget *
add_entry (LetterDialog         *d,
           AdwPreferencesGroup  *group,
           const PalpLetterField *field,
           const char           *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : field->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field->label, -1);
  gtk_editable_set_text (GTK_EDITABLE (row), palp_letter_draft_get (d->draft, field->key));
  adw_preferences_group_add (group, row);
  palp_form_window_watch (d->form, row);
  g_hash_table_insert (d->fields, g_strdup (field->key), row);
  return row;
}

static GtkWidget *
add_text (LetterDialog          *d,
          AdwPreferencesGroup   *group,
          const PalpLetterField *field,
          int                    height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (field->label);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextView *view = palp_form_text_view_new (field->label, height);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            palp_letter_draft_get (d->draft, field->key), -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 12);
  adw_preferences_group_add (group, box);
  palp_form_window_watch (d->form, view);
  g_hash_table_insert (d->fields, g_strdup (field->key), view);
  return GTK_WIDGET (view);
}

static const PalpLetterField *
find_field (const char *key)
{
  guint n_fields = 0;
  const PalpLetterField *fields = palp_letter_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, key))
      return &fields[i];
  g_return_val_if_reached (NULL);
}

static void
build_missing (LetterDialog *d)
{
  AdwPreferencesGroup *group;

  group = palp_form_window_add_group (d->form, _("The Record Cannot Support a Letter Yet"),
                                      _("A letter of medical necessity stands on a diagnosis, a "
                                        "plan with measurable goals and a current assessment. "
                                        "Once the record holds them, the letter is drafted from "
                                        "it."));
  for (guint i = 0; d->missing[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->missing[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (group, row);
    }
}

static void
on_preview_clicked (GtkButton      *button,
                    PalpFormWindow *form)
{
  g_autoptr(GError) error = NULL;

  if (palp_letter_dialog_preview (form, &error) == NULL)
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (GTK_WINDOW (form), _("The Letter Cannot Be Previewed"),
                                  error->message));

      adw_message_dialog_add_response (message, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static void
build_draft (LetterDialog *d)
{
  AdwPreferencesGroup *group;
  GtkWidget *preview;

  group = palp_form_window_add_group (d->form, _("Patient"),
                                      _("Drafted from the record. Every field can be edited "
                                        "before the letter is issued; once issued, it is kept "
                                        "as printed and never changed."));
  add_entry (d, group, find_field ("patient"), NULL);
  add_entry (d, group, find_field ("birth-date"), NULL);
  add_entry (d, group, find_field ("account-holder"), _("Account holder, if not the patient"));

  group = palp_form_window_add_group (d->form, _("Condition and Treatment"), NULL);
  add_text (d, group, find_field ("diagnoses"), 64);
  add_text (d, group, find_field ("treatment"), 72);

  group = palp_form_window_add_group (d->form, _("Frequency and Duration"), NULL);
  add_entry (d, group, find_field ("frequency"), NULL);
  add_entry (d, group, find_field ("duration"), NULL);

  group = palp_form_window_add_group (d->form, _("Goals and Progress"), NULL);
  add_text (d, group, find_field ("goals"), 120);
  add_text (d, group, find_field ("statement"), 96);

  group = palp_form_window_add_group (d->form, _("Prescriber"),
                                      _("Who signs the letter. The letter prints lines for the "
                                        "signature and the date."));
  add_entry (d, group, find_field ("prescriber"), NULL);
  add_entry (d, group, find_field ("credentials"), NULL);
  add_entry (d, group, find_field ("licence"), NULL);
  add_entry (d, group, find_field ("date"), _("Letter date (YYYY-MM-DD)"));

  preview = gtk_button_new_with_mnemonic (_("_Preview"));
  gtk_widget_set_tooltip_text (preview, _("Show the letter as the fields stand"));
  g_signal_connect (preview, "clicked", G_CALLBACK (on_preview_clicked), d->form);
  palp_form_window_add_header_button (d->form, preview);
  palp_form_window_set_save_label (d->form, _("_Issue"));
  palp_form_window_set_needs_change (d->form, FALSE);
  palp_form_window_set_hint (d->form, _("Check the letter with Preview, then Issue it: the "
                                         "issued letter is kept with the client’s documents."));
  palp_form_window_set_funcs (d->form, check_cb, save_cb, d, NULL);
  palp_form_window_recheck (d->form);
}

PalpFormWindow *
palp_letter_dialog_new (GtkWindow   *parent,
                        PalpStore   *store,
                        PalpClient  *client,
                        GError     **error)
{
  g_autoptr(PalpClinicalDocument) document = NULL;
  g_autofree char *holder = NULL;
  g_autoptr(GError) local = NULL;
  PalpFormWindow *form;
  LetterDialog *d;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);
  g_return_val_if_fail (PALP_IS_CLIENT (client), NULL);

  if (!(document = palp_store_load_client_document (store, palp_client_get_id (client), error)))
    return NULL;
  holder = palp_store_dup_account_holder (store, palp_client_get_id (client));

  d = g_new0 (LetterDialog, 1);
  d->store = g_object_ref (store);
  d->client = g_object_ref (client);
  d->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d->missing = palp_doc_lomn_missing (document);
  if (d->missing[0] == NULL &&
      !(d->draft = palp_doc_lomn_draft (document, holder, &local)))
    {
      /* The same rule said yes a moment ago; say what went wrong. */
      g_strfreev (d->missing);
      d->missing = g_new0 (char *, 2);
      d->missing[0] = g_strdup (local->message);
    }
  d->document = g_steal_pointer (&document);

  form = palp_form_window_new (parent, _("Letter of Medical Necessity"),
                               d->draft != NULL ? _("This letter has not been issued.") : NULL);
  d->form = form;
  g_object_set_data_full (G_OBJECT (form), DIALOG_KEY, d, letter_dialog_free);
  if (d->draft != NULL)
    build_draft (d);
  else
    build_missing (d);
  return form;
}

const char * const *
palp_letter_dialog_get_missing (PalpFormWindow *dialog)
{
  LetterDialog *d;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (dialog), NULL);

  d = dialog_of (dialog);
  return d != NULL ? (const char * const *) d->missing : NULL;
}

GtkWidget *
palp_letter_dialog_get_field (PalpFormWindow *dialog,
                              const char     *key)
{
  LetterDialog *d;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (dialog), NULL);

  d = dialog_of (dialog);
  return d != NULL ? g_hash_table_lookup (d->fields, key) : NULL;
}

GtkWindow *
palp_letter_dialog_preview (PalpFormWindow  *dialog,
                            GError         **error)
{
  LetterDialog *d;
  g_autoptr(PalpLetterDraft) draft = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file = NULL;
  PalpPreviewWindow *preview;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (dialog), NULL);

  d = dialog_of (dialog);
  if (d == NULL || d->draft == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The record cannot support a letter of medical necessity yet."));
      return NULL;
    }
  draft = draft_from_form (d);
  if (!(pdf = palp_doc_lomn_render (d->document, draft, error)))
    return NULL;
  name = palp_client_dup_display_name (d->client);
  /* Translators: a preview window's title: the document, then the client. */
  title = g_strdup_printf (_("%s — %s"), _("Letter of Medical Necessity"), name);
  /* The client's number and the day, never the client's name. */
  file = g_strdup_printf ("letter-of-medical-necessity-client-%" G_GINT64_FORMAT "-%s.pdf",
                          palp_client_get_id (d->client), draft->date);
  preview = palp_preview_window_new (GTK_WINDOW (dialog), title, file, pdf);
  gtk_window_present (GTK_WINDOW (preview));
  return GTK_WINDOW (preview);
}

gint64
palp_letter_dialog_get_issued (PalpFormWindow *dialog)
{
  LetterDialog *d;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (dialog), 0);

  d = dialog_of (dialog);
  return d != NULL ? d->issued : 0;
}
