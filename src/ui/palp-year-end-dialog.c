/* palp-year-end-dialog.c: export a year's receipts into a folder
 *
 * The export runs in a worker (palp-year-end.h) while this window shows
 * its progress and can stop it; the rest of the app stays usable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-year-end-dialog.h"
#include "palp-year-end.h"

struct _PalpYearEndDialog
{
  AdwWindow       parent_instance;

  PalpStore      *store;
  PalpClient     *client;
  GCancellable   *cancellable;
  GFile          *folder;

  GtkSpinButton  *year;
  AdwComboRow    *scope;
  GtkLabel       *summary;
  GtkProgressBar *progress;
  GtkLabel       *status;
  GtkButton      *export_button;
  GtkButton      *cancel_button;
  GtkButton      *open_button;
};

G_DEFINE_FINAL_TYPE (PalpYearEndDialog, palp_year_end_dialog, ADW_TYPE_WINDOW)

static gint64
chosen_client (PalpYearEndDialog *self)
{
  if (self->client == NULL || adw_combo_row_get_selected (self->scope) == 0)
    return 0;
  return palp_client_get_id (self->client);
}

/* How many receipts the choice covers. */
static void
update_summary (PalpYearEndDialog *self)
{
  g_autoptr(GListModel) receipts = palp_store_list_receipts (self->store, chosen_client (self),
                                                             NULL);
  int year = gtk_spin_button_get_value_as_int (self->year);
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; receipts != NULL && i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, i);

      n += palp_receipt_get_int (r, "year") == year;
    }
  if (n == 0)
    text = g_strdup (_("No receipts were issued that year."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt, written as one PDF "
                                         "file named by its number.",
                                         "%u receipts, each written as a PDF file named by "
                                         "its number.", n), n);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n > 0 && self->cancellable == NULL);
}

static void
set_running (PalpYearEndDialog *self,
             gboolean           running)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  if (running)
    gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  PalpYearEndDialog *self = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u written"), done, total);

  gtk_progress_bar_set_fraction (self->progress, total ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress, text);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PalpYearEndDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  g_autofree char *text = NULL;
  gint64 n = palp_year_end_export_finish (result, &error);

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");
  if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    text = g_strdup (_("Stopped. The files written so far are in the folder."));
  else if (n < 0)
    {
      text = g_strdup_printf (_("The export stopped: %s"), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
    }
  else
    {
      where = g_file_get_parse_name (self->folder);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt written to %s.",
                                           "%u receipts written to %s.", (gulong) n),
                              (guint) n, where);
      gtk_widget_set_visible (GTK_WIDGET (self->open_button), TRUE);
    }
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), TRUE);
  update_summary (self);
}

void
palp_year_end_dialog_export_to (PalpYearEndDialog *self,
                                GFile             *folder)
{
  g_return_if_fail (PALP_IS_YEAR_END_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->cancellable == NULL);

  g_set_object (&self->folder, folder);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_progress_bar_set_text (self->progress, _("Starting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  set_running (self, TRUE);
  palp_year_end_export_async (palp_store_get_path (self->store),
                              gtk_spin_button_get_value_as_int (self->year),
                              chosen_client (self), folder, on_progress, self,
                              self->cancellable, on_export_done, g_object_ref (self));
}

void
palp_year_end_dialog_cancel (PalpYearEndDialog *self)
{
  g_return_if_fail (PALP_IS_YEAR_END_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
palp_year_end_dialog_is_running (PalpYearEndDialog *self)
{
  g_return_val_if_fail (PALP_IS_YEAR_END_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_folder_chosen (GtkNativeDialog   *chooser,
                  int                response,
                  PalpYearEndDialog *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    palp_year_end_dialog_export_to (self, folder);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_clicked (GtkButton         *button,
                   PalpYearEndDialog *self)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose a Folder for the Receipts"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export Here"),
                                 _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (GtkButton         *button,
                   PalpYearEndDialog *self)
{
  palp_year_end_dialog_cancel (self);
}

static void
on_open_clicked (GtkButton         *button,
                 PalpYearEndDialog *self)
{
  g_autofree char *uri = NULL;

  if (self->folder == NULL)
    return;
  uri = g_file_get_uri (self->folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_choice_changed (PalpYearEndDialog *self)
{
  update_summary (self);
}

/* Closing the window stops the export: nothing keeps writing unseen. */
static gboolean
palp_year_end_dialog_close_request (GtkWindow *window)
{
  palp_year_end_dialog_cancel (PALP_YEAR_END_DIALOG (window));
  return GTK_WINDOW_CLASS (palp_year_end_dialog_parent_class)->close_request (window);
}

static void
palp_year_end_dialog_dispose (GObject *object)
{
  PalpYearEndDialog *self = PALP_YEAR_END_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (palp_year_end_dialog_parent_class)->dispose (object);
}

static void
palp_year_end_dialog_class_init (PalpYearEndDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palp_year_end_dialog_dispose;
  window_class->close_request = palp_year_end_dialog_close_request;
}

static GtkWidget *
button (const char *mnemonic,
        const char *style)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (mnemonic);

  if (style != NULL)
    gtk_widget_add_css_class (b, style);
  gtk_widget_add_css_class (b, "pill");
  gtk_widget_set_halign (b, GTK_ALIGN_CENTER);
  return b;
}

static void
palp_year_end_dialog_init (PalpYearEndDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);

  gtk_window_set_title (GTK_WINDOW (self), _("Export a Year's Receipts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 460);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Every receipt of the year as issued, for the "
                                           "accountant or the client's records. Voided "
                                           "receipts carry their VOID mark."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Year"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, this_year, 1));
  gtk_spin_button_set_value (self->year, this_year);
  gtk_widget_set_valign (GTK_WIDGET (self->year), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->year));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->year));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->year),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->scope = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope), _("_Receipts of"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->scope), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->scope));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->summary));

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export progress"), -1);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->progress));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_selectable (self->status, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->status));

  self->export_button = GTK_BUTTON (button (_("_Choose a Folder and Export…"),
                                            "suggested-action"));
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->export_button));
  self->cancel_button = GTK_BUTTON (button (_("_Stop"), "destructive-action"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->cancel_button));
  self->open_button = GTK_BUTTON (button (_("_Open the Folder"), NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), FALSE);
  g_signal_connect (self->open_button, "clicked", G_CALLBACK (on_open_clicked), self);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (self->open_button));

  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), actions);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
}

PalpYearEndDialog *
palp_year_end_dialog_new (GtkWindow  *parent,
                          PalpStore  *store,
                          PalpClient *client)
{
  PalpYearEndDialog *self;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_YEAR_END_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client = client ? g_object_ref (client) : NULL;

  gtk_string_list_append (scopes, _("All clients"));
  if (client != NULL)
    {
      g_autofree char *name = palp_client_dup_display_name (client);
      gtk_string_list_append (scopes, name);
    }
  adw_combo_row_set_model (self->scope, G_LIST_MODEL (scopes));
  adw_combo_row_set_selected (self->scope, client != NULL ? 1 : 0);
  g_signal_connect_swapped (self->year, "value-changed", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->scope, "notify::selected", G_CALLBACK (on_choice_changed),
                            self);
  update_summary (self);
  return self;
}
