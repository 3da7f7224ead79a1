/* palp-ui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-service-category.h"
#include <glib/gi18n.h>

#include "palp-ui-util.h"

PalpActor
palp_ui_actor_for_user (PalpUser *user)
{
  PalpActor actor = { 0, 0, FALSE };

  if (user != NULL)
    {
      actor.user_id = palp_user_get_id (user);
      actor.roles = (guint) palp_user_get_roles (user);
      g_object_get (user, "active", &actor.active, NULL);
    }
  return actor;
}

gboolean
palp_ui_user_may (PalpUser    *user,
                  PalpAction   action,
                  gint64       owner_id,
                  GError     **error)
{
  PalpActor actor = palp_ui_actor_for_user (user);

  return palp_permission_check (&actor, action, owner_id, error);
}

const char *
palp_ui_language (void)
{
  /* The first of the user's languages, as gettext chose it; "C" reads as
   * English. */
  return g_get_language_names ()[0];
}

PalpCurrency
palp_ui_currency (PalpClinic *clinic)
{
  PalpCurrency currency = PALP_CURRENCY_USD;
  g_autofree char *code = NULL;

  if (clinic != NULL)
    g_object_get (clinic, "currency", &code, NULL);
  if (code == NULL || !palp_currency_from_code (code, &currency, NULL))
    currency = palp_ui_country (clinic) == PALP_COUNTRY_CA ? PALP_CURRENCY_CAD
                                                          : PALP_CURRENCY_USD;
  return currency;
}

char *
palp_ui_format_money (PalpClinic *clinic,
                      gint64      cents)
{
  return palp_money_format (cents, palp_ui_currency (clinic), palp_ui_language ());
}

GtkWindow *
palp_ui_parent_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

PalpCountry
palp_ui_country (PalpClinic *clinic)
{
  return clinic ? palp_clinic_get_country_enum (clinic) : PALP_COUNTRY_US;
}

char *
palp_ui_format_local_time (const char  *text,
                           PalpCountry  country)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL, *day = NULL, *time = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  /* A visit's start is a wall-clock time already; a time stamp is UTC. */
  if (strlen (text) == 16 && text[10] == ' ')
    {
      date = g_strndup (text, 10);
      time = g_strdup (text + 11);
    }
  else if ((dt = g_date_time_new_from_iso8601 (text, NULL)) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (dt);

      date = g_date_time_format (local, "%Y-%m-%d");
      time = g_date_time_format (local, "%H:%M");
    }
  else
    return g_strdup (text);

  day = palp_date_format_short (date, country);
  return g_strdup_printf ("%s %s", day ? day : date, time);
}

char *
palp_ui_format_categories (const char *categories)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (categories == NULL || *categories == '\0')
    return NULL;

  /* In the order receipts are issued, whatever order the store used. */
  keys = g_strsplit (categories, ",", -1);
  for (guint c = 0; c < PALP_SERVICE_CATEGORY_COUNT; c++)
    if (g_strv_contains ((const char * const *) keys, palp_service_category_to_key (c)))
      g_string_append_printf (out, "%s%s", out->len ? " + " : "",
                              palp_service_category_label (c));
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

char *
palp_ui_user_name (PalpStore  *store,
                   GListModel *users,
                   gint64      id)
{
  g_autoptr(PalpUser) loaded = NULL;

  if (id == 0)
    return NULL;
  for (guint i = 0; users != NULL && i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (users, i);

      if (palp_user_get_id (user) == id)
        return g_strdup (palp_user_get_display_name (user));
    }
  if (store != NULL && (loaded = palp_store_load_user (store, id, NULL)) != NULL)
    return g_strdup (palp_user_get_display_name (loaded));
  return NULL;
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GtkWindow        *window)
{
  gboolean *dirty = g_object_get_data (G_OBJECT (dialog), "palp-dirty");

  if (g_strcmp0 (response, "discard") != 0)
    return;
  *dirty = FALSE;
  gtk_window_destroy (window);
}

void
palp_ui_confirm_discard (GtkWindow  *window,
                         const char *body,
                         gboolean   *dirty)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (dirty != NULL);

  /* Unsaved changes are never lost silently. */
  dialog = adw_message_dialog_new (window, _("Discard Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "palp-dirty", dirty);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_label_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  PalpUiColumnFlags flags = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), (flags & PALP_UI_COLUMN_AMOUNT) ? 1 : 0);
  if (flags & (PALP_UI_COLUMN_AMOUNT | PALP_UI_COLUMN_FIGURES))
    gtk_widget_add_css_class (label, "numeric");
  if (flags & PALP_UI_COLUMN_WIDE)
    gtk_label_set_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

void
palp_ui_append_label_column (GtkColumnView     *view,
                             const char        *title,
                             int                column,
                             PalpUiColumnFlags  flags,
                             gpointer           owner,
                             GCallback          bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "palp-owner", owner);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cell_cb), GINT_TO_POINTER (flags));
  g_signal_connect (factory, "bind", bind, GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, (flags & PALP_UI_COLUMN_EXPAND) != 0);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (view, col);
  g_object_unref (col);
}
