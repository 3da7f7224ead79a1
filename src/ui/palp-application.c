/* palp-application.c: the Palpate application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-application.h"
#include "palp-chart-window.h"
#include "palp-demo.h"
#include "palp-doc-letter.h"
#include "palp-doc-receipt.h"
#include "palp-preferences.h"
#include "palp-preferences-backups.h"
#include "palp-window.h"

struct _PalpApplication
{
  AdwApplication  parent_instance;

  char           *database;
  char           *as_user;
  char           *country;
  gint64          visit_id;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (PalpApplication, palp_application, ADW_TYPE_APPLICATION)

static void
palp_application_finalize (GObject *object)
{
  PalpApplication *self = (PalpApplication *) object;

  g_free (self->database);
  g_free (self->as_user);
  g_free (self->country);

  G_OBJECT_CLASS (palp_application_parent_class)->finalize (object);
}

static int
palp_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  PalpApplication *self = PALP_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("palpate %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &self->database);
  g_variant_dict_lookup (options, "as", "s", &self->as_user);
  g_variant_dict_lookup (options, "country", "s", &self->country);
  self->demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "visit", "x", &self->visit_id);

  if (self->country != NULL && g_ascii_strcasecmp (self->country, "US") != 0 &&
      g_ascii_strcasecmp (self->country, "CA") != 0)
    {
      g_printerr (_("--country is US or CA, not “%s”.\n"), self->country);
      return 2;
    }

  return -1;
}

/* @out_path: the clinic's file, NULL for a demo made up on the spot. */
static PalpStore *
open_store (PalpApplication  *self,
            char            **out_path,
            GError          **error)
{
  if (self->demo)
    {
      g_autoptr(PalpStore) store = NULL;

      *out_path = g_strdup (self->database);
      store = palp_demo_open (self->database, palp_country_from_code (self->country),
                              palp_doc_receipt_render, NULL, error);
      if (store == NULL || !palp_demo_issue_letters (store, palp_doc_lomn_prepare,
                                                     palp_doc_appeal_prepare, error))
        return NULL;
      return g_steal_pointer (&store);
    }

  *out_path = self->database ? g_strdup (self->database) : palp_store_default_path ();
  return palp_store_open (*out_path, PALP_STORE_OPEN_CREATE, error);
}

/* --visit: the visit's note and chart, as the signed-in user. */
static void
open_visit (PalpApplication *self,
            PalpStore       *store,
            PalpWindow      *window)
{
  g_autoptr(PalpVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  PalpUser *user = palp_window_get_user (window);

  if (user == NULL)
    {
      g_printerr ("%s\n", _("--visit needs a user: give --as."));
      return;
    }
  visit = palp_store_load_visit (store, self->visit_id, &error);
  if (visit == NULL)
    {
      g_printerr ("%s\n", error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (palp_chart_window_new (store, NULL, user, visit)));
}

#define START_UP_BACKUP_DELAY_S 3

static gboolean
clinic_is_demo (PalpStore *store)
{
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (store, NULL);

  return clinic != NULL && palp_clinic_get_is_demo (clinic);
}

static gboolean
start_backups_cb (gpointer data)
{
  GtkWindow *window = data;

  if (gtk_widget_get_visible (GTK_WIDGET (window)))
    palp_backup_keeper_start_automatic (palp_window_get_backups (PALP_WINDOW (window)), window);
  return G_SOURCE_REMOVE;
}

static void
palp_application_activate (GApplication *app)
{
  PalpApplication *self = PALP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Single instance: a second launch raises the running window. */
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (palp_window_new (ADW_APPLICATION (app)));
  store = open_store (self, &path, &error);
  if (store == NULL)
    palp_window_show_open_error (PALP_WINDOW (window), self->demo ? NULL : path, error);
  else
    palp_window_set_store (PALP_WINDOW (window), store, self->as_user);
  gtk_window_present (window);
  /* A demo clinic is thrown away: nothing to back up. The day's first
   * backup starts once the window is up, not while it draws its first
   * frame (it reads the whole file on the other core). */
  if (store != NULL && !self->demo && !clinic_is_demo (store))
    g_timeout_add_seconds_full (G_PRIORITY_LOW, START_UP_BACKUP_DELAY_S, start_backups_cb,
                                g_object_ref (window), g_object_unref);
  if (store != NULL && self->visit_id > 0)
    open_visit (self, store, PALP_WINDOW (window));
}

static void
palp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (palp_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Palpate developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Palpate"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Palpate developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Records, body charts and honest receipts for "
                                      "massage-therapy clinics."),
                        "website", "https://github.com/palpate/palpate",
                        "issue-url", "https://github.com/palpate/palpate/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  PalpStore *store;
  GtkWindow *prefs;

  if (!PALP_IS_WINDOW (window) || (store = palp_window_get_store (PALP_WINDOW (window))) == NULL ||
      palp_window_get_user (PALP_WINDOW (window)) == NULL)
    return;
  prefs = GTK_WINDOW (palp_preferences_new (store,
                                            palp_window_get_user (PALP_WINDOW (window))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs),
                              ADW_PREFERENCES_PAGE (palp_preferences_backups_new (
                                palp_window_get_backups (PALP_WINDOW (window)),
                                palp_window_get_user (PALP_WINDOW (window)))));
  gtk_window_set_transient_for (prefs, window);
  gtk_window_present (prefs);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing (rather than quitting) lets each window save its size and ask
   * about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", on_about_activated },
  { "preferences", on_preferences_activated },
  { "quit", on_quit_activated },
};

static void
palp_application_class_init (PalpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = palp_application_finalize;
  app_class->activate = palp_application_activate;
  app_class->startup = palp_application_startup;
  app_class->handle_local_options = palp_application_handle_local_options;
}

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("The clinic database to open"),
    N_("PATH") },
  { "as", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Sign in as this user (a login or an id)"),
    N_("USER") },
  { "visit", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Open this visit’s note and chart (by its id)"), N_("ID") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a demo clinic (in a temporary database unless --database is given)"), NULL },
  { "country", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The demo clinic's country: US or CA"),
    N_("COUNTRY") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
palp_application_init (PalpApplication *self)
{
  const char *accels_quit[] = { "<Control>q", NULL };
  const char *accels_prefs[] = { "<Control>comma", NULL };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", accels_quit);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         accels_prefs);
}

PalpApplication *
palp_application_new (void)
{
  /* Single instance: a second launch in the same session raises the first
   * window (see activate). */
  return g_object_new (PALP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
