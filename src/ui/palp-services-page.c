/* palp-services-page.c: the service catalogue in the preferences
 *
 * One list of services from the store, shown through a filter per
 * category so that the three kinds of paper are never confused on screen
 * either. Admins open a service to edit it; others read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-money.h"
#include "palp-service-editor.h"
#include "palp-services-page.h"
#include "palp-ui-util.h"

struct _PalpServicesPage
{
  AdwPreferencesPage   parent_instance;

  PalpStore           *store;
  PalpClinic          *clinic;
  PalpUser            *user;
  GListStore          *services;

  /* Template widgets */
  AdwPreferencesGroup *intro_group;
  GtkListBox          *therapeutic_list;
  GtkListBox          *esthetic_list;
  GtkListBox          *other_list;
};

G_DEFINE_FINAL_TYPE (PalpServicesPage, palp_services_page, ADW_TYPE_PREFERENCES_PAGE)

static gboolean
may_edit (PalpServicesPage *self)
{
  return palp_ui_user_may (self->user, PALP_ACTION_EDIT_SERVICES, 0, NULL);
}

static char *
describe (PalpServicesPage *self,
          PalpService      *service)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) taxes = NULL;
  g_autofree char *fee = NULL;
  gint64 minutes = palp_service_get_int (service, "duration-minutes");
  const char *cpt = palp_service_get_string (service, "cpt-code");

  if (minutes > 0)
    g_string_append_printf (text, _("%d min"), (int) minutes);
  fee = palp_money_format (palp_service_get_int (service, "fee-cents"),
                           palp_ui_currency (self->clinic), palp_ui_language ());
  g_string_append_printf (text, "%s%s", text->len ? " · " : "", fee);
  if (cpt != NULL)
    g_string_append_printf (text, " · %s %s", _("CPT"), cpt);
  if (palp_service_get_int (service, "timed"))
    g_string_append_printf (text, " · %s", _("timed, 15-minute units"));

  taxes = palp_store_list_service_taxes (self->store, palp_service_get_int (service, "id"),
                                         NULL);
  if (taxes == NULL || taxes->len == 0)
    g_string_append_printf (text, " · %s", _("no tax"));
  for (guint i = 0; taxes != NULL && i < taxes->len; i++)
    {
      PalpTaxComponent *t = g_ptr_array_index (taxes, i);
      g_autofree char *rate = palp_tax_rate_format (t->rate_ppm, palp_ui_language ());

      g_string_append_printf (text, " · %s %s", t->name, rate);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PalpServicesPage *self = user_data;
  PalpService *service = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (self, service);
  gboolean editable = may_edit (self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 palp_service_get_string (service, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (!palp_service_get_int (service, "active"))
    {
      GtkWidget *badge = gtk_label_new (_("Inactive"));

      gtk_widget_add_css_class (badge, "palp-flag");
      gtk_widget_add_css_class (badge, "dim-label");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "dim-label");
    }
  if (editable)
    {
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), editable);
  g_object_set_data_full (G_OBJECT (row), "palp-service", g_object_ref (service),
                          g_object_unref);
  return row;
}

static void
on_saved_cb (PalpServiceEditor *editor,
             PalpService       *service,
             PalpServicesPage  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *message = g_strdup_printf (_("“%s” saved"),
                                              palp_service_get_string (service, "name"));

  palp_services_page_reload (self);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 2);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
    }
}

static void
open_editor (PalpServicesPage    *self,
             PalpService         *service,
             PalpServiceCategory  category)
{
  PalpServiceEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!may_edit (self))
    return;
  editor = palp_service_editor_new (self->store, self->clinic, service, category);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_row_activated_cb (PalpServicesPage *self,
                     GtkListBoxRow    *row)
{
  PalpService *service = g_object_get_data (G_OBJECT (row), "palp-service");

  if (service != NULL)
    open_editor (self, service, PALP_SERVICE_CATEGORY_THERAPEUTIC);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (PALP_SERVICES_PAGE (widget), NULL, PALP_SERVICE_CATEGORY_THERAPEUTIC);
}

void
palp_services_page_reload (PalpServicesPage *self)
{
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PALP_IS_SERVICES_PAGE (self));

  services = palp_store_list_services (self->store, TRUE, &error);
  if (services == NULL)
    {
      g_warning ("Could not list the services: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    g_ptr_array_add (items, g_list_model_get_item (services, i));
  g_list_store_splice (self->services, 0, g_list_model_get_n_items (G_LIST_MODEL (self->services)),
                       items->pdata, items->len);
}

GListModel *
palp_services_page_get_services (PalpServicesPage *self)
{
  g_return_val_if_fail (PALP_IS_SERVICES_PAGE (self), NULL);
  return G_LIST_MODEL (self->services);
}

static gboolean
is_category (gpointer item,
             gpointer user_data)
{
  return g_strcmp0 (palp_service_get_string (item, "category"),
                    palp_service_category_to_key (GPOINTER_TO_UINT (user_data))) == 0;
}

static void
bind_category (PalpServicesPage    *self,
               GtkListBox          *list,
               PalpServiceCategory  category)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (is_category, GUINT_TO_POINTER (category),
                                                   NULL);
  g_autoptr(GtkFilterListModel) model =
    gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->services)),
                               GTK_FILTER (filter));

  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create_row, self, NULL);
}

static void
palp_services_page_dispose (GObject *object)
{
  PalpServicesPage *self = (PalpServicesPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_SERVICES_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (palp_services_page_parent_class)->dispose (object);
}

static void
palp_services_page_class_init (PalpServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_services_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpServicesPage, intro_group);
  gtk_widget_class_bind_template_child (widget_class, PalpServicesPage, therapeutic_list);
  gtk_widget_class_bind_template_child (widget_class, PalpServicesPage, esthetic_list);
  gtk_widget_class_bind_template_child (widget_class, PalpServicesPage, other_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "services.add", NULL, add_action);
}

static void
palp_services_page_init (PalpServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->services = g_list_store_new (PALP_TYPE_SERVICE);
}

PalpServicesPage *
palp_services_page_new (PalpStore  *store,
                        PalpClinic *clinic,
                        PalpUser   *user)
{
  PalpServicesPage *self;
  gboolean editable;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_SERVICES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->clinic = clinic ? g_object_ref (clinic) : NULL;
  self->user = user ? g_object_ref (user) : NULL;

  editable = may_edit (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.add", editable);
  if (!editable)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Only an admin can change the catalogue"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("You can read the services, their fees and their taxes "
                                     "here."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->intro_group, row);
    }

  bind_category (self, self->therapeutic_list, PALP_SERVICE_CATEGORY_THERAPEUTIC);
  bind_category (self, self->esthetic_list, PALP_SERVICE_CATEGORY_ESTHETIC);
  bind_category (self, self->other_list, PALP_SERVICE_CATEGORY_OTHER);
  palp_services_page_reload (self);
  return self;
}
