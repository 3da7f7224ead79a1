/* palp-test-shot.h: pictures of windows under test, to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* With PALPATE_TEST_SHOTS=DIR in the environment, waits for @window to be
 * drawn and saves it as DIR/@name.png; does nothing otherwise. */
void palp_test_shoot (GtkWindow  *window,
                      const char *name);
