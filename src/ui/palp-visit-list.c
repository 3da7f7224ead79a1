/* palp-visit-list.c: one client's visits, newest first
 *
 * Each row says when, with whom, what happened, what it bills and
 * whether that has been receipted and the note signed, and warns of a
 * session combining therapeutic and esthetic work. Rows open the visit
 * editor. A GtkListView: only the rows on screen exist, so a client with
 * years of weekly visits opens as fast as a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
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
  GtkListView  *list_view;
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

/* A row is kept to a few widgets: GTK 4.8's list view builds up to 200
 * rows whatever the window's height, so each widget counts. */
typedef struct
{
  GtkLabel  *text;       /* the title, and the subtitle in smaller type */
  GtkLabel  *combined;
  GtkLabel  *receipted;
  GtkWidget *chart;
  GtkWidget *soap;
} Row;

static GtkLabel *
pill_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "palp-flag");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return GTK_LABEL (label);
}

static void
pill_set (GtkLabel   *pill,
          const char *text,
          const char *style)
{
  static const char *styles[] = { "warning", "success", "accent" };

  gtk_widget_set_visible (GTK_WIDGET (pill), text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (pill, text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (pill), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (pill), style);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PalpVisitList            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  row->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->text, 0);
  gtk_label_set_ellipsize (row->text, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (row->text), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->text));

  row->combined = pill_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->combined));
  row->receipted = pill_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->receipted));

  row->chart = gtk_button_new_with_mnemonic (_("_Note and Chart"));
  gtk_widget_set_valign (row->chart, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->chart,
                               _("Write the SOAP note and mark pain and findings on the body chart"));
  /* The visit's id is set on bind; the target's type first. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->chart), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->chart), "visits.chart");
  gtk_box_append (GTK_BOX (box), row->chart);

  row->soap = gtk_button_new_from_icon_name ("document-print-symbolic");
  gtk_widget_set_valign (row->soap, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->soap, _("Open the visit’s SOAP note to print or save it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->soap), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("SOAP note"), -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->soap), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->soap), "visits.soap");
  gtk_box_append (GTK_BOX (box), row->soap);

  g_object_set_data_full (G_OBJECT (box), "palp-row", row, g_free);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PalpVisitList            *self)
{
  PalpVisit *visit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  Row *row = g_object_get_data (G_OBJECT (box), "palp-row");
  const char *status = palp_visit_get_string (visit, "status");
  const char *categories_key = palp_visit_get_string (visit, "categories");
  gint64 id = palp_visit_get_int (visit, "id");
  g_autofree char *when = palp_ui_format_local_time (palp_visit_get_string (visit, "starts-at"),
                                                     palp_ui_country (self->clinic));
  g_autofree char *title = NULL, *name = NULL, *categories = NULL, *accessible = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean therapeutic = categories_key && strstr (categories_key, "therapeutic") != NULL;
  gboolean esthetic = categories_key && strstr (categories_key, "esthetic") != NULL;
  gboolean billed = categories_key != NULL && *categories_key != '\0';

  title = g_strdup_printf (_("%s · %d min"), when ? when : "—",
                           (int) palp_visit_get_int (visit, "duration-minutes"));
  name = g_strdup (palp_visit_get_string (visit, "practitioner-name"));
  if (name == NULL)
    name = palp_ui_user_name (self->store, self->practitioners,
                              palp_visit_get_int (visit, "practitioner-id"));
  categories = palp_ui_format_categories (categories_key);
  g_string_append_printf (subtitle, "%s · %s", name ? name : _("Unknown practitioner"),
                          status_label (status));
  if (categories != NULL)
    g_string_append_printf (subtitle, " · %s", categories);
  /* Whether the note is signed matters to the clinic and to insurers. */
  if (palp_visit_get_string (visit, "signed-at") != NULL)
    g_string_append_printf (subtitle, " · %s", _("Note signed"));
  else if (g_strcmp0 (status, "attended") == 0 && !palp_visit_is_esthetic_only (visit))
    g_string_append_printf (subtitle, " · %s", _("Note not signed"));
  {
    g_autofree char *markup = g_markup_printf_escaped ("%s\n<span size=\"small\" "
                                                       "alpha=\"55%%\">%s</span>",
                                                       title, subtitle->str);

    gtk_label_set_markup (row->text, markup);
  }

  pill_set (row->combined,
            therapeutic && esthetic
              ? (palp_visit_get_int (visit, "mixed-confirmed-by") ? _("Combined, confirmed")
                                                                  : _("Combined session"))
              : NULL, "warning");
  /* Whether the lines are on a valid receipt, as the store counted them. */
  pill_set (row->receipted,
            !billed ? NULL
                    : palp_visit_get_int (visit, "unreceipted") == 0 ? _("Receipted")
                                                                     : _("To be receipted"),
            palp_visit_get_int (visit, "unreceipted") == 0 ? "success" : "accent");

  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->chart), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row->soap), "x", id);
  /* An esthetic-only visit has a service record, never a SOAP note; a
   * cancelled or missed one has nothing to note. */
  gtk_widget_set_visible (row->soap, !palp_visit_is_esthetic_only (visit) &&
                                       g_strcmp0 (status, "cancelled") != 0 &&
                                       g_strcmp0 (status, "no-show") != 0);

  gtk_widget_set_tooltip_text (GTK_WIDGET (row->text), subtitle->str);
  accessible = g_strdup_printf ("%s, %s", title, subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
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
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (self->visits));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  }

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
                     guint          position)
{
  g_autoptr(PalpVisit) visit = self->visits ? g_list_model_get_item (self->visits, position) : NULL;

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
  gtk_widget_class_bind_template_child (widget_class, PalpVisitList, list_view);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  palp_visit_list_reload (self);
}
