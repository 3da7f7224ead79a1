/* test-lock.c: signing in with a PIN, locking the window, idle lock, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-sign-in-page.h"
#include "palp-store-security.h"
#include "palp-test-shot.h"
#include "palp-window.h"

#define MAYA_PIN "480213"

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
  GPtrArray  *names;   /* every demo client's given and family name */
  gint64      maya_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(PalpUser) maya = NULL;

  f->dir = g_dir_make_tmp ("palpate-lock-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);

  f->names = g_ptr_array_new_with_free_func (g_free);
  clients = palp_store_search_clients (f->store, "", TRUE, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(PalpClient) client = g_list_model_get_item (clients, i);

      g_ptr_array_add (f->names, g_strdup (palp_client_get_given_name (client)));
      g_ptr_array_add (f->names, g_strdup (palp_client_get_family_name (client)));
    }
  g_assert_cmpuint (f->names->len, >=, 16);

  maya = palp_store_find_user (f->store, "maya", &error);
  g_assert_no_error (error);
  f->maya_id = palp_user_get_id (maya);
  palp_store_set_actor (f->store, f->maya_id);
  g_assert_true (palp_store_set_user_secret (f->store, f->maya_id, MAYA_PIN, &error));
  g_assert_no_error (error);
  palp_store_set_actor (f->store, 0);

  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  /* Maya has a PIN: naming her asks for it. */
  palp_window_set_store (f->window, f->store, "maya");
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  g_clear_pointer (&f->names, g_ptr_array_unref);
  g_rmdir (f->dir);  /* best effort: the database files stay for inspection */
  g_free (f->dir);
}

static void
spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wait_for (gboolean (*check) (Fixture *f),
          Fixture  *f)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!check (f))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* The first client name found in any text of @widget's tree, or NULL. */
static const char *
find_client_name (Fixture   *f,
                  GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_WINDOW (widget))
    text = gtk_window_get_title (GTK_WINDOW (widget));
  for (guint i = 0; text != NULL && i < f->names->len; i++)
    if (strstr (text, g_ptr_array_index (f->names, i)) != NULL)
      return g_ptr_array_index (f->names, i);
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    for (guint i = 0; i < f->names->len; i++)
      if (strstr (gtk_window_get_title (GTK_WINDOW (widget)), g_ptr_array_index (f->names, i)))
        return g_ptr_array_index (f->names, i);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *found = find_client_name (f, c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_signed_in (Fixture *f)
{
  return palp_window_get_user (f->window) != NULL;
}

static gboolean
is_locked (Fixture *f)
{
  return palp_window_is_locked (f->window);
}

static void
sign_in_as_maya (Fixture *f)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);

  g_assert_null (palp_window_get_user (f->window));
  g_assert_cmpint (palp_sign_in_page_get_mode (page), ==, PALP_SIGN_IN_MODE_SIGN_IN);
  palp_sign_in_page_submit (page, MAYA_PIN);
  g_assert_true (wait_for (is_signed_in, f));
  g_assert_cmpint (palp_store_get_actor (f->store), ==, f->maya_id);
}

static void
test_sign_in_asks_pin (Fixture       *f,
                       gconstpointer  data)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);

  spin ();
  palp_test_shoot (GTK_WINDOW (f->window), "sign-in");
  g_assert_null (palp_window_get_user (f->window));
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
  g_assert_null (find_client_name (f, GTK_WIDGET (f->window)));

  /* A wrong PIN says so, and lets nobody in. */
  palp_sign_in_page_submit (page, "111112");
  g_assert_nonnull (palp_sign_in_page_get_message (page));
  g_assert_nonnull (strstr (palp_sign_in_page_get_message (page), "Wrong PIN"));
  g_assert_null (palp_window_get_user (f->window));
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
  palp_test_shoot (GTK_WINDOW (f->window), "sign-in-wrong");

  sign_in_as_maya (f);
  g_assert_cmpuint (g_list_model_get_n_items (palp_window_get_clients (f->window)), ==, 8);
}

static void
test_lock_hides_names (Fixture       *f,
                       gconstpointer  data)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);
  g_autoptr(PalpClient) client = NULL;
  g_autofree char *name = NULL;
  GtkWidget *other;

  sign_in_as_maya (f);
  client = g_list_model_get_item (palp_window_get_clients (f->window), 0);
  palp_window_select_client (f->window, palp_client_get_id (client));
  name = palp_client_dup_display_name (client);
  spin ();
  /* Names are on screen before: the walk below can find them. */
  g_assert_nonnull (find_client_name (f, GTK_WIDGET (f->window)));

  /* Another window naming the client, as a chart or a preview does. */
  other = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (other), name);
  gtk_window_set_child (GTK_WINDOW (other), gtk_label_new (name));
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);
  gtk_window_present (GTK_WINDOW (other));
  spin ();

  /* Ctrl+L's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock", NULL));
  g_assert_true (palp_window_is_locked (f->window));
  spin ();
  palp_test_shoot (GTK_WINDOW (f->window), "locked");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Palpate — Locked");
  g_assert_null (find_client_name (f, GTK_WIDGET (f->window)));
  g_assert_null (palp_window_get_user (f->window));
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
  g_assert_nonnull (other);
  g_assert_false (gtk_widget_get_visible (other));
  g_assert_cmpint (palp_sign_in_page_get_mode (page), ==, PALP_SIGN_IN_MODE_UNLOCK);
  /* Nothing to do while locked: the shortcuts are off. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-client", NULL)
                  && palp_window_get_user (f->window) != NULL);

  /* The wrong PIN leaves it locked, with a message. */
  palp_sign_in_page_submit (page, "975310");
  g_assert_nonnull (strstr (palp_sign_in_page_get_message (page), "Wrong PIN"));
  g_assert_true (palp_window_is_locked (f->window));
  g_assert_null (find_client_name (f, GTK_WIDGET (f->window)));

  /* Maya's PIN unlocks: her window and her client come back. */
  palp_sign_in_page_submit (page, MAYA_PIN);
  g_assert_true (wait_for (is_signed_in, f));
  g_assert_false (palp_window_is_locked (f->window));
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_get_visible (other));
  spin ();
  g_assert_nonnull (find_client_name (f, GTK_WIDGET (f->window)));
  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_null (other);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_switch_user_closes_windows (Fixture       *f,
                                 gconstpointer  data)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);
  g_autoptr(PalpUser) jonah = palp_store_find_user (f->store, "jonah", NULL);
  GtkWidget *other;
  GtkWidget *row;

  sign_in_as_maya (f);
  other = gtk_window_new ();
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);
  gtk_window_present (GTK_WINDOW (other));
  palp_window_lock (f->window);
  g_assert_false (gtk_widget_get_visible (other));

  /* Someone else takes the desk: Maya's windows are closed, not shown. */
  g_signal_emit_by_name (page, "switch-user");
  row = find_row (GTK_WIDGET (f->window), palp_user_get_display_name (jonah));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_true (wait_for (is_signed_in, f));
  g_assert_cmpstr (palp_user_get_login (palp_window_get_user (f->window)), ==, "jonah");
  g_assert_null (other);
}

static void
test_idle_lock (Fixture       *f,
                gconstpointer  data)
{
  sign_in_as_maya (f);
  g_assert_false (palp_window_is_locked (f->window));
  /* The clinic's minutes, made a second for the test. */
  palp_window_set_idle_lock_seconds (f->window, 1);
  g_assert_true (wait_for (is_locked, f));
  g_assert_null (find_client_name (f, GTK_WIDGET (f->window)));
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);
}

static void
test_lock_out_message (Fixture       *f,
                       gconstpointer  data)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);

  for (guint i = 0; i < PALP_LOCKOUT_FREE_TRIES - 1; i++)
    {
      palp_sign_in_page_submit (page, "000001");
      g_assert_nonnull (strstr (palp_sign_in_page_get_message (page), "Wrong PIN"));
    }
  palp_sign_in_page_submit (page, "000001");
  g_assert_cmpstr (palp_sign_in_page_get_message (page), ==,
                   "Too many wrong tries. Try again in a minute.");
  /* Locked out: even her PIN waits. */
  palp_sign_in_page_submit (page, MAYA_PIN);
  g_assert_cmpstr (palp_sign_in_page_get_message (page), ==,
                   "Too many wrong tries. Try again in a minute.");
  g_assert_null (palp_window_get_user (f->window));
  spin ();
  palp_test_shoot (GTK_WINDOW (f->window), "locked-out");
}

static void
test_required_sets_pin (Fixture       *f,
                        gconstpointer  data)
{
  PalpSignInPage *page = palp_window_get_sign_in_page (f->window);
  g_autoptr(PalpUser) jonah = palp_store_find_user (f->store, "jonah", NULL);
  g_autoptr(PalpUser) rosa = palp_store_find_user (f->store, "rosa", NULL);
  PalpSecuritySettings settings;
  GtkWidget *row;

  palp_store_set_actor (f->store, palp_user_get_id (rosa));
  palp_security_settings_init_default (&settings);
  settings.require_sign_in = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &settings, NULL));
  palp_store_set_actor (f->store, 0);

  g_signal_emit_by_name (page, "switch-user");
  row = find_row (GTK_WIDGET (f->window), palp_user_get_display_name (jonah));
  gtk_widget_activate (row);
  g_assert_cmpint (palp_sign_in_page_get_mode (page), ==, PALP_SIGN_IN_MODE_SET);
  g_assert_null (palp_window_get_user (f->window));
  spin ();
  palp_test_shoot (GTK_WINDOW (f->window), "set-pin");

  /* Too short: said, and nothing set. */
  palp_sign_in_page_submit (page, "1234");
  g_assert_cmpstr (palp_sign_in_page_get_message (page), ==, "A PIN has 6 to 12 digits.");
  g_assert_cmpint (palp_store_get_secret_kind (f->store, palp_user_get_id (jonah), NULL), ==,
                   PALP_SECRET_NONE);
  g_assert_cmpint (palp_store_get_actor (f->store), ==, 0);

  palp_sign_in_page_submit (page, "271828");
  g_assert_true (wait_for (is_signed_in, f));
  g_assert_cmpint (palp_store_get_secret_kind (f->store, palp_user_get_id (jonah), NULL), ==,
                   PALP_SECRET_PIN);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/lock/sign-in-asks-pin", test_sign_in_asks_pin);
  ADD ("/lock/lock-hides-names", test_lock_hides_names);
  ADD ("/lock/switch-user-closes-windows", test_switch_user_closes_windows);
  ADD ("/lock/idle-lock", test_idle_lock);
  ADD ("/lock/lock-out-message", test_lock_out_message);
  ADD ("/lock/required-sets-pin", test_required_sets_pin);
#undef ADD

  return g_test_run ();
}
