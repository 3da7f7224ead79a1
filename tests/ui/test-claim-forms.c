/* test-claim-forms.c: Preferences → Payers → Claim Forms, under Xvfb: the
 * pre-printed switch and the printer's offsets, kept in GSettings and read
 * back as the claim renderer's options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "palp-doc-claim.h"
#include "palp-preferences-claim-forms.h"
#include "palp-test-shot.h"

static void
spin (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_offsets (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = palp_preferences_claim_forms_new ();
  GtkWidget *toggle, *x, *y;
  PalpDocClaimOptions options = { TRUE, 1, 1 };

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  /* By default: blank paper, no offsets, the offsets insensitive. */
  palp_doc_claim_options_from_settings (settings, &options);
  g_assert_false (options.preprinted);
  g_assert_cmpfloat (options.offset_x_mm, ==, 0);
  g_assert_cmpfloat (options.offset_y_mm, ==, 0);
  toggle = find_named (page, "claim-form-preprinted");
  x = find_named (page, "claim-form-offset-x");
  y = find_named (page, "claim-form-offset-y");
  g_assert_true (GTK_IS_SWITCH (toggle));
  g_assert_true (GTK_IS_SPIN_BUTTON (x));
  g_assert_true (GTK_IS_SPIN_BUTTON (y));
  g_assert_false (gtk_widget_is_sensitive (x));

  /* Pre-printed, 2.5 mm right and 1.5 mm up. */
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  spin ();
  g_assert_true (gtk_widget_is_sensitive (x));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (x), 2.5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (y), -1.5);
  spin ();
  palp_test_shoot (GTK_WINDOW (window), "preferences-claim-forms");
  g_assert_true (g_settings_get_boolean (settings, "claim-form-preprinted"));
  palp_doc_claim_options_from_settings (settings, &options);
  g_assert_true (options.preprinted);
  g_assert_cmpfloat_with_epsilon (options.offset_x_mm, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (options.offset_y_mm, -1.5, 1e-9);

  /* Beyond the schema's range, the spin button stops at 25 mm. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (x), 60);
  spin ();
  g_assert_cmpfloat (g_settings_get_double (settings, "claim-form-offset-x"), <=, 25);

  /* Without settings: blank paper. */
  palp_doc_claim_options_from_settings (NULL, &options);
  g_assert_false (options.preprinted);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/claim-forms/offsets", test_offsets);

  return g_test_run ();
}
