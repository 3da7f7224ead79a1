/* palp-test-shot.h: what the UI tests share: pictures of windows under
 * test, to look at; finding a widget; letting the main loop run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* With PALPATE_TEST_SHOTS=DIR in the environment, waits for @window to be
 * drawn and saves it as DIR/@name.png; does nothing otherwise. */
void palp_test_shoot (GtkWindow  *window,
                      const char *name);

/* The first widget of @type in @root's tree (@root itself included), or
 * NULL. */
GtkWidget *palp_test_find_widget (GtkWidget *root,
                                  GType      type);

/* Runs the main loop for @ms milliseconds. */
void palp_test_spin (guint ms);

/* Lets pending work (idles, a frame) run: a few short turns of the loop. */
void palp_test_settle (void);
