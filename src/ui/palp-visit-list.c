/* palp-visit-list.c: one client's visits, newest first
 *
 * Each row says when, with whom, what happened, what it bills and
 * whether that has been receipted, and warns of a session combining
 * therapeutic and esthetic work. Rows open the visit editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-chart-window.h"
#include "palp-client-documents.h"
#include "palp-service-category.h"
#include "palp-ui-util.h"
#include "palp-visit-list.h"

struct _PalpVisitList
{
  GtkWidget     parent_instance;

  PalpStore    *store;
  PalpClinic   *clinic;
  PalpUser     *user;
  gint64        client_id;
  GListModel   *visits;
  GListModel   *practitioners;

  /* Template widgets */
  GtkStack     *stack;
  GtkLabel     *count_label;
  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (PalpVisitList, palp_visit_list, GTK_TYPE_WIDGET)

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, "attended") == 0)
    return _("Attended");
  if (g_strcmp0 (status, "cancelled") == 0)
    return _("Cancelled");
  if (g_strcmp0 (status, "no-show") == 0)
    return _("No-show");
  return _("Booked");
}

static GtkWidget *
pill (const char *text,
      const char *style,
      const char *icon)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_add_css_class (box, "palp-flag");
  gtk_widget_add_css_class (box, style);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  return box;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PalpVisitList *self = user_data;
  PalpVisit *visit = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = palp_ui_format_local_time (palp_visit_get_string (visit, "starts-at"),
                                                     palp_ui_country (self->clinic));
  g_autofree char *title = NULL, *name = NULL, *categories = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GListModel) lines = NULL;
  guint n_lines = 0, n_open = 0;
  gboolean therapeutic = FALSE, esthetic = FALSE;
  GtkWidget *chart;

  title = g_strdup_printf (_("%s · %d min"), when ? when : "—",
                           (int) palp_visit_get_int (visit, "duration-minutes"));
  name = g_strdup (palp_visit_get_string (visit, "practitioner-name"));
  if (name == NULL)
    name = palp_ui_user_name (self->store, self->practitioners,
                              palp_visit_get_int (visit, "practitioner-id"));
  categories = palp_ui_format_categories (palp_visit_get_string (visit, "categories"));
  g_string_append_printf (subtitle, "%s · %s", name ? name : _("Unknown practitioner"),
                          status_label (palp_visit_get_string (visit, "status")));
  if (categories != NULL)
    g_string_append_printf (subtitle, " · %s", categories);
  /* Whether the note is signed matters to the clinic and to insurers. */
  if (palp_visit_get_string (visit, "signed-at") != NULL)
    g_string_append_printf (subtitle, " · %s", _("Note signed"));
  else if (g_strcmp0 (palp_visit_get_string (visit, "status"), "attended") == 0 &&
           !palp_visit_is_esthetic_only (visit))
    g_string_append_printf (subtitle, " · %s", _("Note not signed"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* Whether the lines are on a receipt is a property of each line. */
  lines = palp_store_list_visit_lines (self->store, palp_visit_get_int (visit, "id"), NULL);
  n_lines = lines ? g_list_model_get_n_items (lines) : 0;
  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(PalpVisitLine) line = g_list_model_get_item (lines, i);
      const char *category = palp_visit_line_get_string (line, "category");

      if (palp_visit_line_get_int (line, "receipted") == 0)
        n_open++;
      therapeutic |= g_strcmp0 (category, "therapeutic") == 0;
      esthetic |= g_strcmp0 (category, "esthetic") == 0;
    }

  if (therapeutic && esthetic)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               pill (palp_visit_get_int (visit, "mixed-confirmed-by")
                                       ? _("Combined, confirmed") : _("Combined session"),
                                     "warning", "dialog-warning-symbolic"));
  if (n_lines > 0 && n_open == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("Receipted"), "success", NULL));
  else if (n_lines > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill (_("To be receipted"), "accent", NULL));

  chart = gtk_button_new_with_mnemonic (_("_Note and Chart"));
  gtk_widget_set_valign (chart, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (chart, _("Write the SOAP note and mark pain and findings on the body chart"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (chart), "visits.chart");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chart), "x", palp_visit_get_int (visit, "id"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chart);

  /* An esthetic-only visit has a service record, never a SOAP note; a
   * cancelled or missed one has nothing to note. */
  if (!palp_visit_is_esthetic_only (visit) &&
      g_strcmp0 (palp_visit_get_string (visit, "status"), "cancelled") != 0 &&
      g_strcmp0 (palp_visit_get_string (visit, "status"), "no-show") != 0)
    {
      GtkWidget *soap = gtk_button_new_from_icon_name ("document-print-symbolic");

      gtk_widget_set_valign (soap, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (soap, _("Open the visit’s SOAP note to print or save it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (soap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("SOAP note"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (soap), "visits.soap");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (soap), "x",
                                        palp_visit_get_int (visit, "id"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), soap);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "palp-visit", g_object_ref (visit), g_object_unref);
  return row;
}

void
palp_visit_list_reload (PalpVisitList *self)
{
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (PALP_IS_VISIT_LIST (self));

  if (self->store != NULL && self->client_id != 0)
    {
      visits = palp_store_list_visits (self->store, self->client_id, &error);
      if (visits == NULL)
        g_warning ("Could not list the visits: %s", error->message);
      if (self->practitioners == NULL)
        self->practitioners = palp_store_list_practitioners (self->store, NULL);
    }
  if (visits == NULL)
    visits = G_LIST_MODEL (g_list_store_new (PALP_TYPE_VISIT));

  g_set_object (&self->visits, visits);
  gtk_list_box_bind_model (self->list_box, self->visits, create_row, self, NULL);

  n = g_list_model_get_n_items (self->visits);
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u visit", "%u visits", n), n);
    gtk_label_set_text (self->count_label, count);
  }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visits.new",
                                 self->store != NULL && self->client_id != 0 &&
                                   palp_ui_user_may (self->user, PALP_ACTION_BOOK_VISITS, 0,
                                                     NULL));
}

static void
on_editor_changed_cb (PalpVisitList *self)
{
  palp_visit_list_reload (self);
}

PalpVisitEditor *
palp_visit_list_open_editor (PalpVisitList *self,
                             PalpVisit     *visit)
{
  PalpVisitEditor *editor;
  GtkRoot *root;

  g_return_val_if_fail (PALP_IS_VISIT_LIST (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  editor = palp_visit_editor_new (self->store, self->clinic, self->user, self->client_id, visit);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "changed", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
on_row_activated_cb (PalpVisitList *self,
                     GtkListBoxRow *row)
{
  PalpVisit *visit = g_object_get_data (G_OBJECT (row), "palp-visit");

  if (visit != NULL)
    palp_visit_list_open_editor (self, visit);
}

PalpChartWindow *
palp_visit_list_open_chart (PalpVisitList *self,
                            PalpVisit     *visit)
{
  PalpChartWindow *window;
  GtkRoot *root;

  g_return_val_if_fail (PALP_IS_VISIT_LIST (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  window = palp_chart_window_new (self->store, self->clinic, self->user, visit);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Not transient: a therapist keeps the client's record beside it. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (root)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PalpVisitList *self = PALP_VISIT_LIST (widget);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; self->visits != NULL && i < g_list_model_get_n_items (self->visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (self->visits, i);

      if (palp_visit_get_int (visit, "id") == id)
        {
          palp_visit_list_open_chart (self, visit);
          return;
        }
    }
}

GtkWindow *
palp_visit_list_open_soap_note (PalpVisitList  *self,
                                PalpVisit      *visit,
                                GError        **error)
{
  GtkRoot *root;

  g_return_val_if_fail (PALP_IS_VISIT_LIST (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return palp_soap_note_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                              palp_visit_get_int (visit, "id"), error);
}

static void
soap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpVisitList *self = PALP_VISIT_LIST (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  for (guint i = 0; self->visits != NULL && i < g_list_model_get_n_items (self->visits); i++)
    {
      g_autoptr(PalpVisit) visit = g_list_model_get_item (self->visits, i);

      if (palp_visit_get_int (visit, "id") != id)
        continue;
      if (palp_visit_list_open_soap_note (self, visit, &error) != NULL)
        return;
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (gtk_widget_get_root (widget))
                                         ? GTK_WINDOW (gtk_widget_get_root (widget)) : NULL,
                                       _("No SOAP Note to Show"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
}

static void
new_visit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  palp_visit_list_open_editor (PALP_VISIT_LIST (widget), NULL);
}

void
palp_visit_list_set_store (PalpVisitList *self,
                           PalpStore     *store)
{
  g_return_if_fail (PALP_IS_VISIT_LIST (self));
  if (g_set_object (&self->store, store))
    g_clear_object (&self->practitioners);
}

void
palp_visit_list_set_clinic (PalpVisitList *self,
                            PalpClinic    *clinic)
{
  g_return_if_fail (PALP_IS_VISIT_LIST (self));
  g_set_object (&self->clinic, clinic);
}

void
palp_visit_list_set_user (PalpVisitList *self,
                          PalpUser      *user)
{
  g_return_if_fail (PALP_IS_VISIT_LIST (self));
  g_set_object (&self->user, user);
}

void
palp_visit_list_set_client (PalpVisitList *self,
                            gint64         client_id)
{
  g_return_if_fail (PALP_IS_VISIT_LIST (self));
  self->client_id = client_id;
  /* Practitioners may have changed in the preferences meanwhile. */
  g_clear_object (&self->practitioners);
  palp_visit_list_reload (self);
}

GListModel *
palp_visit_list_get_visits (PalpVisitList *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_LIST (self), NULL);
  return self->visits;
}

static void
palp_visit_list_dispose (GObject *object)
{
  PalpVisitList *self = (PalpVisitList *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_VISIT_LIST);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->visits);
  g_clear_object (&self->practitioners);

  G_OBJECT_CLASS (palp_visit_list_parent_class)->dispose (object);
}

static void
palp_visit_list_class_init (PalpVisitListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_visit_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-visit-list.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpVisitList, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitList, count_label);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "visits.new", NULL, new_visit_action);
  gtk_widget_class_install_action (widget_class, "visits.chart", "x", chart_action);
  gtk_widget_class_install_action (widget_class, "visits.soap", "x", soap_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "visits.new",
                                       NULL);
}

static void
palp_visit_list_init (PalpVisitList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  palp_visit_list_reload (self);
}
