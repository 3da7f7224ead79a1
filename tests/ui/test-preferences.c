/* test-preferences.c: the clinic's receipt numbering and a practitioner's
 * drawn signature, set in Preferences, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-preferences.h"
#include "palp-signature-pad.h"
#include "palp-test-shot.h"
#include "palp-window.h"

typedef struct
{
  char            *dir;
  PalpStore       *store;
  PalpWindow      *window;
  PalpPreferences *prefs;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  palp_window_set_store (f->window, f->store, "rosa");
  f->prefs = palp_preferences_new (f->store, palp_window_get_user (f->window));
  gtk_window_present (GTK_WINDOW (f->prefs));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The first widget under @root for which @match holds. */
static GtkWidget *
find (GtkWidget  *root,
      gboolean  (*match) (GtkWidget *w, gconstpointer data),
      gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find (c, match, data);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *w,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (w) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0;
}

static gboolean
is_edit_button_of (GtkWidget     *w,
                   gconstpointer  login)
{
  PalpUser *user = g_object_get_data (G_OBJECT (w), "palp-user");

  return GTK_IS_BUTTON (w) && user != NULL &&
         g_strcmp0 (palp_user_get_login (user), login) == 0;
}

static gboolean
is_signature_pad (GtkWidget     *w,
                  gconstpointer  data)
{
  return PALP_IS_SIGNATURE_PAD (w);
}

static gboolean
is_button_labelled (GtkWidget     *w,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
}

static GtkWindow *
find_window_titled (const char *title)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0 &&
        gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static char *
stored_pattern (Fixture *f)
{
  g_autoptr(PalpClinic) clinic = palp_store_load_clinic (f->store, NULL);
  char *pattern = NULL;

  g_object_get (clinic, "receipt-pattern", &pattern, NULL);
  return pattern;
}

static void
test_receipt_pattern (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *row = find (GTK_WIDGET (f->prefs), is_row_titled, "Numbering pattern");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (row);
  palp_test_shoot (GTK_WINDOW (f->prefs), "preferences-clinic");
  before = stored_pattern (f);

  /* No number in it: refused, marked, nothing stored. */
  gtk_editable_set_text (GTK_EDITABLE (row), "{series}-{year}");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  after = stored_pattern (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "{series}{year}/{seq:5}");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  after = stored_pattern (f);
  g_assert_cmpstr (after, ==, "{series}{year}/{seq:5}");
}

static void
test_signature (Fixture       *f,
                gconstpointer  data)
{
  const double stroke[] = { 30, 80, 60, 40, 90, 85, 130, 35, 170, 80, 220, 60 };
  GtkWidget *edit = find (GTK_WIDGET (f->prefs), is_edit_button_of, "maya");
  g_autoptr(PalpUser) before = palp_store_find_user (f->store, "maya", NULL);
  g_autoptr(PalpUser) after = NULL;
  g_autoptr(GBytes) old_png = NULL;
  g_autoptr(GBytes) new_png = NULL;
  GtkWindow *dialog;
  GtkWidget *pad, *save;

  g_assert_nonnull (edit);
  g_object_get (before, "signature", &old_png, NULL);
  g_signal_emit_by_name (edit, "clicked");
  spin ();
  dialog = find_window_titled ("Edit User");
  g_assert_nonnull (dialog);
  pad = find (GTK_WIDGET (dialog), is_signature_pad, NULL);
  save = find (GTK_WIDGET (dialog), is_button_labelled, "_Save");
  g_assert_nonnull (pad);
  g_assert_nonnull (save);

  palp_signature_pad_add_stroke (PALP_SIGNATURE_PAD (pad), stroke, G_N_ELEMENTS (stroke) / 2);
  if (g_getenv ("PALPATE_TEST_SHOTS"))
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (pad, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      palp_test_shoot (dialog, "user-dialog");
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      palp_test_shoot (dialog, "user-dialog-signature");
    }
  g_signal_emit_by_name (save, "clicked");
  spin ();

  after = palp_store_find_user (f->store, "maya", NULL);
  g_object_get (after, "signature", &new_png, NULL);
  g_assert_nonnull (new_png);
  g_assert_true (old_png == NULL || !g_bytes_equal (old_png, new_png));
  g_assert_true (memcmp (g_bytes_get_data (new_png, NULL), "\x89PNG", 4) == 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/receipt-pattern", Fixture, NULL, fixture_setup,
              test_receipt_pattern, fixture_teardown);
  g_test_add ("/preferences/signature", Fixture, NULL, fixture_setup, test_signature,
              fixture_teardown);

  return g_test_run ();
}
