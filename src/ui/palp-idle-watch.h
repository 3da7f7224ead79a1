/* palp-idle-watch.h: noticing that nobody has touched Palpate for a while,
 * and putting its other windows away while the main window is locked
 *
 * Activity is any key, click, scroll or pointer movement in any of the
 * application's windows (a therapist typing in a note beside the main
 * window is not idle). The watch adds a capture-phase controller to every
 * toplevel as it appears and keeps one timeout, moved on by activity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PALP_TYPE_IDLE_WATCH (palp_idle_watch_get_type ())

G_DECLARE_FINAL_TYPE (PalpIdleWatch, palp_idle_watch, PALP, IDLE_WATCH, GObject)

/* Emits "idle" once after @seconds without activity, then stops until
 * started again. */
PalpIdleWatch *palp_idle_watch_new      (void);
void           palp_idle_watch_start    (PalpIdleWatch *self,
                                         guint          seconds);
void           palp_idle_watch_stop     (PalpIdleWatch *self);
gboolean       palp_idle_watch_running  (PalpIdleWatch *self);
/* Counts as activity now (also called by the controllers). */
void           palp_idle_watch_poke     (PalpIdleWatch *self);

/* Saves the pending drafts of every note editor in every toplevel. */
void           palp_lock_save_drafts    (void);
/* Hides every visible toplevel but @keep: charts, notes, previews,
 * editors and dialogs alike, as any of them may name a client. Returns
 * them (a GPtrArray of referenced GtkWindows), to be
 * shown again or destroyed. */
GPtrArray     *palp_lock_hide_windows   (GtkWindow     *keep);
/* Shows again (@show) or destroys the windows palp_lock_hide_windows ()
 * returned, and empties @windows. */
void           palp_lock_release_windows (GPtrArray    *windows,
                                         gboolean       show);

G_END_DECLS
