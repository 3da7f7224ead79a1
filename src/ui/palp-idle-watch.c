/* palp-idle-watch.c: noticing that nobody has touched Palpate for a while
 *
 * Activity only records the time: events come many times a second while
 * the pointer moves, so the one timeout is not rescheduled on each; when
 * it fires early it sleeps again for what is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-idle-watch.h"
#include "palp-note-editor.h"

struct _PalpIdleWatch
{
  GObject     parent_instance;

  GListModel *toplevels;
  char       *key;        /* marks the windows this watch listens to */
  guint       seconds;
  guint       timeout_id;
  gint64      last;       /* monotonic time of the last activity */
};

G_DEFINE_FINAL_TYPE (PalpIdleWatch, palp_idle_watch, G_TYPE_OBJECT)

enum
{
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
palp_idle_watch_poke (PalpIdleWatch *self)
{
  g_return_if_fail (PALP_IS_IDLE_WATCH (self));
  self->last = g_get_monotonic_time ();
}

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             PalpIdleWatch            *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS || type == GDK_BUTTON_PRESS || type == GDK_MOTION_NOTIFY ||
      type == GDK_SCROLL || type == GDK_TOUCH_BEGIN || type == GDK_TOUCHPAD_SWIPE ||
      type == GDK_TOUCHPAD_PINCH)
    palp_idle_watch_poke (self);
  return GDK_EVENT_PROPAGATE;
}

static void
watch_windows (PalpIdleWatch *self)
{
  guint n = g_list_model_get_n_items (self->toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (self->toplevels, i);
      GtkEventController *controller;

      if (g_object_get_data (G_OBJECT (window), self->key) != NULL)
        continue;
      controller = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      /* Disconnected when the watch goes, before the window does. */
      g_signal_connect_object (controller, "event", G_CALLBACK (on_event_cb), self, 0);
      gtk_widget_add_controller (window, controller);
      g_object_set_data (G_OBJECT (window), self->key, GINT_TO_POINTER (1));
    }
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  PalpIdleWatch *self = PALP_IDLE_WATCH (user_data);
  gint64 idle_us = g_get_monotonic_time () - self->last;
  gint64 wanted_us = (gint64) self->seconds * G_USEC_PER_SEC;

  self->timeout_id = 0;
  if (idle_us < wanted_us)
    {
      /* Someone was here since: sleep for what is left. */
      self->timeout_id = g_timeout_add ((guint) ((wanted_us - idle_us) / 1000) + 1,
                                        on_timeout_cb, self);
      return G_SOURCE_REMOVE;
    }
  g_signal_emit (self, signals[IDLE], 0);
  return G_SOURCE_REMOVE;
}

void
palp_idle_watch_start (PalpIdleWatch *self,
                       guint          seconds)
{
  g_return_if_fail (PALP_IS_IDLE_WATCH (self));
  g_return_if_fail (seconds > 0);

  palp_idle_watch_stop (self);
  self->seconds = seconds;
  watch_windows (self);
  palp_idle_watch_poke (self);
  self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, seconds, on_timeout_cb,
                                                 self, NULL);
}

void
palp_idle_watch_stop (PalpIdleWatch *self)
{
  g_return_if_fail (PALP_IS_IDLE_WATCH (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

gboolean
palp_idle_watch_running (PalpIdleWatch *self)
{
  g_return_val_if_fail (PALP_IS_IDLE_WATCH (self), FALSE);
  return self->timeout_id != 0;
}

static void
palp_idle_watch_dispose (GObject *object)
{
  PalpIdleWatch *self = (PalpIdleWatch *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_object (&self->toplevels);

  G_OBJECT_CLASS (palp_idle_watch_parent_class)->dispose (object);
}

static void
palp_idle_watch_finalize (GObject *object)
{
  PalpIdleWatch *self = (PalpIdleWatch *) object;

  g_free (self->key);

  G_OBJECT_CLASS (palp_idle_watch_parent_class)->finalize (object);
}

static void
palp_idle_watch_class_init (PalpIdleWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = palp_idle_watch_dispose;
  object_class->finalize = palp_idle_watch_finalize;

  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
palp_idle_watch_init (PalpIdleWatch *self)
{
  self->key = g_strdup_printf ("palp-idle-watch-%p", (void *) self);
  self->toplevels = g_object_ref (gtk_window_get_toplevels ());
  /* A window opened later (a chart, a preview) counts from the start. */
  g_signal_connect_swapped (self->toplevels, "items-changed", G_CALLBACK (watch_windows), self);
}

PalpIdleWatch *
palp_idle_watch_new (void)
{
  return g_object_new (PALP_TYPE_IDLE_WATCH, NULL);
}

/* Other windows while locked --------------------------------------------- */

static void
save_drafts_in (GtkWidget *widget)
{
  if (PALP_IS_NOTE_EDITOR (widget))
    {
      g_autoptr(GError) error = NULL;

      if (!palp_note_editor_save_now (PALP_NOTE_EDITOR (widget), &error))
        g_warning ("A draft could not be saved before locking: %s", error->message);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    save_drafts_in (child);
}

void
palp_lock_save_drafts (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      save_drafts_in (window);
    }
}

GPtrArray *
palp_lock_hide_windows (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *hidden = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (keep) && gtk_widget_get_visible (window))
        g_ptr_array_add (hidden, g_object_ref (window));
    }
  /* Hidden after the walk: hiding may change the list. */
  for (guint i = 0; i < hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (hidden, i), FALSE);
  return hidden;
}

void
palp_lock_release_windows (GPtrArray *windows,
                           gboolean   show)
{
  g_return_if_fail (windows != NULL);

  for (guint i = 0; i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      if (show)
        gtk_window_present (window);
      else
        gtk_window_destroy (window);
    }
  g_ptr_array_set_size (windows, 0);
}
