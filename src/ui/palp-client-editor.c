/* palp-client-editor.c: the client form
 *
 * Every keystroke re-checks the whole client with the model's own rules
 * (palp_client_validate), so the form and the store can never disagree.
 * The row at fault gets the error style and the Save button says why it
 * is off; nothing reaches the store until the client is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-client-editor.h"
#include "palp-ui-util.h"

typedef struct
{
  const char *prop;
  const char *title;
  const char *group;
  GtkInputPurpose purpose;
} Field;

static const Field fields[] = {
  { "given-name", N_("Given name"), N_("Name"), GTK_INPUT_PURPOSE_NAME },
  { "middle-name", N_("Middle name"), N_("Name"), GTK_INPUT_PURPOSE_NAME },
  { "family-name", N_("Family name"), N_("Name"), GTK_INPUT_PURPOSE_NAME },
  { "preferred-name", N_("Preferred name"), N_("Name"), GTK_INPUT_PURPOSE_NAME },
  { "pronouns", N_("Pronouns"), N_("Name"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "birth-date", N_("Birth date"), N_("Birth"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "mobile-phone", N_("Mobile phone"), N_("Contact"), GTK_INPUT_PURPOSE_PHONE },
  { "home-phone", N_("Home phone"), N_("Contact"), GTK_INPUT_PURPOSE_PHONE },
  { "email", N_("E-mail"), N_("Contact"), GTK_INPUT_PURPOSE_EMAIL },
  { "street", N_("Street"), N_("Address"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "city", N_("City"), N_("Address"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "region", N_("State or province"), N_("Address"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "postal-code", N_("Postal code"), N_("Address"), GTK_INPUT_PURPOSE_FREE_FORM },
  { "emergency-name", N_("Name"), N_("Emergency Contact"), GTK_INPUT_PURPOSE_NAME },
  { "emergency-phone", N_("Phone"), N_("Emergency Contact"), GTK_INPUT_PURPOSE_PHONE },
  { "guardian-name", N_("Name"), N_("Guardian (for minors)"), GTK_INPUT_PURPOSE_NAME },
  { "guardian-relationship", N_("Relationship"), N_("Guardian (for minors)"),
    GTK_INPUT_PURPOSE_FREE_FORM },
  { "guardian-phone", N_("Phone"), N_("Guardian (for minors)"), GTK_INPUT_PURPOSE_PHONE },
};

static const char *sex_codes[] = { NULL, "F", "M", "X", "U" };

struct _PalpClientEditor
{
  AdwWindow     parent_instance;

  PalpStore    *store;
  PalpClinic   *clinic;
  PalpClient   *client;        /* the one being edited (NULL: new) */
  PalpClient   *draft;         /* the form's content as a client */
  GHashTable   *rows;          /* prop → AdwEntryRow */
  AdwComboRow  *sex_row;
  GtkTextView  *notes_view;
  GtkButton    *save_button;
  GtkLabel     *problem_label;
  GtkWidget    *error_row;
  char         *problem;
  gboolean      dirty;
  gboolean      loading;
};

G_DEFINE_FINAL_TYPE (PalpClientEditor, palp_client_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static PalpCountry
country (PalpClientEditor *self)
{
  return self->clinic ? palp_clinic_get_country_enum (self->clinic) : PALP_COUNTRY_US;
}

/* The form → a draft client. Returns FALSE (with a message) when the birth
 * date cannot be read at all. */
static gboolean
read_form (PalpClientEditor  *self,
           char             **out_problem,
           GtkWidget        **out_row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  guint sex = adw_combo_row_get_selected (self->sex_row);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, fields[i].prop);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (g_str_equal (fields[i].prop, "birth-date") && *trimmed != '\0')
        {
          GDate date;

          if (!palp_date_parse_user (trimmed, country (self), &date))
            {
              *out_problem = g_strdup (country (self) == PALP_COUNTRY_CA
                                         ? _("Type the birth date as DD/MM/YYYY or YYYY-MM-DD.")
                                         : _("Type the birth date as MM/DD/YYYY or YYYY-MM-DD."));
              *out_row = row;
              return FALSE;
            }
          g_free (trimmed);
          trimmed = palp_date_to_iso (&date);
        }
      g_object_set (self->draft, fields[i].prop, trimmed, NULL);
    }

  g_object_set (self->draft, "sex", sex < G_N_ELEMENTS (sex_codes) ? sex_codes[sex] : NULL, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (self->draft, "notes", notes, NULL);
  return TRUE;
}

static void
set_problem (PalpClientEditor *self,
             const char       *problem,
             GtkWidget        *row)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = row;
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  g_free (self->problem);
  self->problem = g_strdup (problem);

  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), problem == NULL && self->dirty);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               problem ? problem
                                       : self->dirty ? NULL : _("Nothing has changed yet"));
}

static void
revalidate (PalpClientEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *field = NULL;
  GtkWidget *row = NULL;

  if (!read_form (self, &problem, &row))
    {
      set_problem (self, problem, row);
      return;
    }
  if (!palp_client_validate (self->draft, NULL, &field, &error))
    {
      const char *title = NULL;

      row = field ? g_hash_table_lookup (self->rows, field) : NULL;
      if (row != NULL)
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      problem = title ? g_strdup_printf ("%s: %s", title, error->message)
                      : g_strdup (error->message);
      set_problem (self, problem, row);
      return;
    }
  set_problem (self, NULL, NULL);
}

static void
on_changed_cb (PalpClientEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  revalidate (self);
}

gboolean
palp_client_editor_save (PalpClientEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) saved = NULL;

  g_return_val_if_fail (PALP_IS_CLIENT_EDITOR (self), FALSE);

  revalidate (self);
  if (self->problem != NULL)
    return FALSE;

  g_object_set (self->draft, "id", self->client ? palp_client_get_id (self->client) : 0,
                "archived", self->client ? palp_client_get_archived (self->client) : FALSE,
                NULL);
  if (!palp_store_save_client (self->store, self->draft, &error))
    {
      set_problem (self, error->message, NULL);
      return FALSE;
    }

  saved = g_object_ref (self->draft);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, saved);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked_cb (PalpClientEditor *self)
{
  palp_client_editor_save (self);
}

static gboolean
palp_client_editor_close_request (GtkWindow *window)
{
  PalpClientEditor *self = PALP_CLIENT_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (palp_client_editor_parent_class)->close_request (window);

  palp_ui_confirm_discard (window, _("The changes to this client have not been saved."),
                           &self->dirty);
  return TRUE;
}

static void
on_cancel_clicked_cb (PalpClientEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

GtkWidget *
palp_client_editor_get_row (PalpClientEditor *self,
                            const char       *prop)
{
  g_return_val_if_fail (PALP_IS_CLIENT_EDITOR (self), NULL);
  if (g_strcmp0 (prop, "sex") == 0)
    return GTK_WIDGET (self->sex_row);
  return g_hash_table_lookup (self->rows, prop);
}

const char *
palp_client_editor_get_problem (PalpClientEditor *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_EDITOR (self), NULL);
  return self->problem;
}

gboolean
palp_client_editor_get_dirty (PalpClientEditor *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_EDITOR (self), FALSE);
  return self->dirty;
}

static void
palp_client_editor_dispose (GObject *object)
{
  PalpClientEditor *self = (PalpClientEditor *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->client);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (palp_client_editor_parent_class)->dispose (object);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  palp_client_editor_save (PALP_CLIENT_EDITOR (widget));
}

static void
palp_client_editor_class_init (PalpClientEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_client_editor_dispose;
  window_class->close_request = palp_client_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, PALP_TYPE_CLIENT);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
palp_client_editor_init (PalpClientEditor *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->draft = palp_client_new ();
}

static GtkWidget *
build (PalpClientEditor *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = NULL;
  const char *group_name = NULL;
  GtkStringList *sexes;
  GtkWidget *frame;

  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  gtk_box_append (GTK_BOX (toolbar), header);

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem_label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem_label), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the client cannot be saved"),
                                  -1);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->problem_label));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row;

      if (g_strcmp0 (group_name, fields[i].group) != 0)
        {
          group_name = fields[i].group;
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(group_name));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), fields[i].purpose);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_hash_table_insert (self->rows, (gpointer) fields[i].prop, row);

      if (g_str_equal (fields[i].prop, "birth-date"))
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         country (self) == PALP_COUNTRY_CA
                                           ? _("Birth date (DD/MM/YYYY)")
                                           : _("Birth date (MM/DD/YYYY)"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Birth date"), -1);
          sexes = gtk_string_list_new ((const char *[]) { _("Not recorded"), _("Female"),
                                                          _("Male"), _("Another sex"),
                                                          _("Unknown"), NULL });
          self->sex_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sex_row), _("Sex"));
          adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
          g_object_unref (sexes);
          g_signal_connect_swapped (self->sex_row, "notify::selected", G_CALLBACK (on_changed_cb),
                                    self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sex_row));
        }
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Practical notes about the client. Clinical findings "
                                           "belong in visit notes."));
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes_view), -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_changed_cb), self);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->notes_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  return toolbar;
}

static void
load (PalpClientEditor *self)
{
  self->loading = TRUE;
  if (self->client != NULL)
    {
      g_autofree char *sex = NULL, *notes = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *value = NULL;

          g_object_get (self->client, fields[i].prop, &value, NULL);
          if (g_str_equal (fields[i].prop, "birth-date") && value != NULL)
            {
              char *shown = palp_date_format_short (value, country (self));

              if (shown != NULL)
                {
                  g_free (value);
                  value = shown;
                }
            }
          gtk_editable_set_text (GTK_EDITABLE (g_hash_table_lookup (self->rows, fields[i].prop)),
                                 value ? value : "");
        }
      g_object_get (self->client, "sex", &sex, "notes", &notes, NULL);
      for (guint i = 1; i < G_N_ELEMENTS (sex_codes); i++)
        if (g_strcmp0 (sex, sex_codes[i]) == 0)
          adw_combo_row_set_selected (self->sex_row, i);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                notes ? notes : "", -1);
    }
  self->loading = FALSE;
  self->dirty = FALSE;
  revalidate (self);
  /* A blank new form is not an error yet: say what is needed calmly. */
  if (self->client == NULL)
    {
      gtk_label_set_text (self->problem_label, _("Enter at least the given and family names."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
      if (self->error_row != NULL)
        gtk_widget_remove_css_class (self->error_row, "error");
    }
}

PalpClientEditor *
palp_client_editor_new (PalpStore  *store,
                        PalpClinic *clinic,
                        PalpClient *client)
{
  PalpClientEditor *self;
  GtkWidget *content;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_CLIENT_EDITOR,
                       "modal", TRUE,
                       "default-width", 560,
                       "default-height", 720,
                       "title", client ? _("Edit Client") : _("New Client"),
                       NULL);
  self->store = g_object_ref (store);
  self->clinic = clinic ? g_object_ref (clinic) : NULL;
  self->client = client ? g_object_ref (client) : NULL;

  content = build (self);
  adw_window_set_content (ADW_WINDOW (self), content);
  load (self);
  {
    GtkWidget *first = g_hash_table_lookup (self->rows, "given-name");
    gtk_widget_grab_focus (first);
  }
  return self;
}
