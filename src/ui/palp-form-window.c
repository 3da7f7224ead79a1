/* palp-form-window.c: a small form in its own window
 *
 * The owner's check runs on every change, so the Save button and the
 * line under the header bar always say the same thing: what is missing or
 * wrong, on which row. The store checks again when saving; its refusal is
 * shown the same way, and the form stays open with nothing lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-form-window.h"
#include "palp-ui-util.h"

struct _PalpFormWindow
{
  AdwWindow          parent_instance;

  GtkWidget         *page;
  GtkWidget         *header;
  GtkButton         *save_button;
  GtkLabel          *problem_label;
  GtkWidget         *error_row;
  char              *problem;
  char              *hint;
  char              *discard_body;

  PalpFormCheckFunc  check;
  PalpFormSaveFunc   save;
  gpointer           data;
  GDestroyNotify     destroy;

  gboolean           dirty;
  gboolean           read_only;
  gboolean           needs_change;
};

G_DEFINE_FINAL_TYPE (PalpFormWindow, palp_form_window, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* replace_str () arrived in GLib 2.76. */
static void
replace_str (char       **slot,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static void
show_message (PalpFormWindow *self,
              const char     *message,
              gboolean        is_error)
{
  gtk_label_set_text (self->problem_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
    }
}

static void
set_problem (PalpFormWindow *self,
             const char     *problem,
             GtkWidget      *row)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  g_clear_object (&self->error_row);
  /* Before anything is typed a blank form is not wrong: the hint says
   * calmly what it needs, and no row turns red yet. */
  replace_str (&self->problem, problem);
  if (!self->dirty && self->hint != NULL)
    show_message (self, self->hint, FALSE);
  else
    {
      if (row != NULL && problem != NULL)
        {
          self->error_row = g_object_ref (row);
          gtk_widget_add_css_class (row, "error");
        }
      show_message (self, problem, TRUE);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            problem == NULL && (self->dirty || !self->needs_change));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               problem ? problem
                                       : self->dirty || !self->needs_change
                                           ? NULL : _("Nothing has changed yet"));
}

void
palp_form_window_recheck (PalpFormWindow *self)
{
  g_autofree char *problem = NULL;
  GtkWidget *row = NULL;

  g_return_if_fail (PALP_IS_FORM_WINDOW (self));

  if (self->check != NULL && !self->read_only)
    problem = self->check (self->data, &row);
  set_problem (self, problem, row);
}

void
palp_form_window_changed (PalpFormWindow *self)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));

  if (self->read_only)
    return;
  self->dirty = TRUE;
  palp_form_window_recheck (self);
}

void
palp_form_window_watch (PalpFormWindow *self,
                        gpointer        widget)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_object (gtk_text_view_get_buffer (widget), "changed",
                             G_CALLBACK (palp_form_window_changed), self, G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (widget))
    g_signal_connect_object (widget, "changed", G_CALLBACK (palp_form_window_changed), self,
                             G_CONNECT_SWAPPED);
  else if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect_object (widget, "notify::selected", G_CALLBACK (palp_form_window_changed),
                             self, G_CONNECT_SWAPPED);
  else if (GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    g_signal_connect_object (widget, "notify::active", G_CALLBACK (palp_form_window_changed),
                             self, G_CONNECT_SWAPPED);
  else
    g_return_if_reached ();
}

gboolean
palp_form_window_save (PalpFormWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (self), FALSE);

  if (self->read_only || (!self->dirty && self->needs_change))
    return FALSE;
  self->dirty = TRUE;
  palp_form_window_recheck (self);
  if (self->problem != NULL || self->save == NULL)
    return FALSE;
  if (!self->save (self->data, &error))
    {
      set_problem (self, error ? error->message : _("The form could not be saved."), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return FALSE;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
palp_form_window_get_problem (PalpFormWindow *self)
{
  g_return_val_if_fail (PALP_IS_FORM_WINDOW (self), NULL);
  return self->problem;
}

gboolean
palp_form_window_get_dirty (PalpFormWindow *self)
{
  g_return_val_if_fail (PALP_IS_FORM_WINDOW (self), FALSE);
  return self->dirty;
}

GtkWidget *
palp_form_window_get_save_button (PalpFormWindow *self)
{
  g_return_val_if_fail (PALP_IS_FORM_WINDOW (self), NULL);
  return GTK_WIDGET (self->save_button);
}

void
palp_form_window_set_funcs (PalpFormWindow    *self,
                            PalpFormCheckFunc  check,
                            PalpFormSaveFunc   save,
                            gpointer           data,
                            GDestroyNotify     destroy)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));

  if (self->destroy != NULL)
    self->destroy (self->data);
  self->check = check;
  self->save = save;
  self->data = data;
  self->destroy = destroy;
}

void
palp_form_window_set_hint (PalpFormWindow *self,
                           const char     *hint)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));
  replace_str (&self->hint, hint);
}

void
palp_form_window_set_save_label (PalpFormWindow *self,
                                 const char     *label)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));
  gtk_button_set_label (self->save_button, label);
  gtk_button_set_use_underline (self->save_button, TRUE);
}

AdwPreferencesGroup *
palp_form_window_add_group (PalpFormWindow *self,
                            const char     *title,
                            const char     *description)
{
  GtkWidget *group;

  g_return_val_if_fail (PALP_IS_FORM_WINDOW (self), NULL);

  group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkTextView *
palp_form_text_view_new (const char *accessible_name,
                         int         height)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 8);
  gtk_text_view_set_bottom_margin (view, 8);
  gtk_text_view_set_left_margin (view, 8);
  gtk_text_view_set_right_margin (view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, height);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return view;
}

char *
palp_form_text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
palp_form_window_close_request (GtkWindow *window)
{
  PalpFormWindow *self = PALP_FORM_WINDOW (window);

  if (!self->dirty || self->read_only)
    return GTK_WINDOW_CLASS (palp_form_window_parent_class)->close_request (window);
  palp_ui_confirm_discard (window, self->discard_body, &self->dirty);
  return TRUE;
}

static void
palp_form_window_dispose (GObject *object)
{
  PalpFormWindow *self = (PalpFormWindow *) object;

  if (self->destroy != NULL)
    g_clear_pointer (&self->data, self->destroy);
  self->check = NULL;
  self->save = NULL;
  g_clear_object (&self->error_row);

  G_OBJECT_CLASS (palp_form_window_parent_class)->dispose (object);
}

static void
palp_form_window_finalize (GObject *object)
{
  PalpFormWindow *self = (PalpFormWindow *) object;

  g_free (self->problem);
  g_free (self->hint);
  g_free (self->discard_body);

  G_OBJECT_CLASS (palp_form_window_parent_class)->finalize (object);
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  palp_form_window_save (PALP_FORM_WINDOW (widget));
}

static void
palp_form_window_class_init (PalpFormWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_form_window_dispose;
  object_class->finalize = palp_form_window_finalize;
  window_class->close_request = palp_form_window_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save",
                                       NULL);
}

static void
palp_form_window_init (PalpFormWindow *self)
{
  self->needs_change = TRUE;
}

void
palp_form_window_set_needs_change (PalpFormWindow *self,
                                   gboolean        needs_change)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));
  self->needs_change = needs_change;
  palp_form_window_recheck (self);
}

PalpFormWindow *
palp_form_window_new (GtkWindow  *parent,
                      const char *title,
                      const char *discard_body)
{
  PalpFormWindow *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel;

  self = g_object_new (PALP_TYPE_FORM_WINDOW,
                       "modal", parent != NULL,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 600,
                       "default-height", 720,
                       "title", title,
                       NULL);
  self->read_only = discard_body == NULL;
  self->discard_body = g_strdup (discard_body);

  cancel = gtk_button_new_with_mnemonic (self->read_only ? _("_Close") : _("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "form.save");
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), !self->read_only);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  gtk_box_append (GTK_BOX (box), header);
  self->header = header;

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem_label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem_label), 8);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the form cannot be saved"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem_label));

  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  gtk_box_append (GTK_BOX (box), self->page);
  adw_window_set_content (ADW_WINDOW (self), box);
  set_problem (self, NULL, NULL);
  return self;
}

void
palp_form_window_add_header_button (PalpFormWindow *self,
                                    GtkWidget      *button)
{
  g_return_if_fail (PALP_IS_FORM_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header), button);
}
