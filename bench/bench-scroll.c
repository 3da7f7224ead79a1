/* bench-scroll.c: scrolling the client list from top to bottom
 *
 *   bench-scroll [--step PIXELS] --database PATH --as LOGIN
 *   bench-scroll [--step PIXELS] --baseline N
 *
 * The first form runs Palpate's own application on PATH, finds the client
 * list in its main window, and scrolls it from the first client to the last
 * by a fixed step per frame (a page when --step is 0 or left out) in a
 * 1280x800 window. The second form does the same to a plain GtkListView of
 * N one-label rows over a GtkStringList, the least any GTK list costs.
 *
 * Every scrolled frame is measured twice: GdkFrameTimings' frame times
 * (a frame that starts more than one and a half refresh intervals after
 * the previous one missed its slot), and the work the frame did, from the
 * list's tick callback to the frame clock's "after-paint". The figures are
 * printed on stdout as "key value" lines for bench/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <time.h>

#include "palp-application.h"
#include "palp-client.h"

#define WINDOW_WIDTH   1280
#define WINDOW_HEIGHT  800
/* Frames counted after the bottom is reached, so the last rows are shown
 * and the list's height estimate has settled. */
#define SETTLE_FRAMES  10
/* GdkFrameClock keeps 16 frames of history: read each frame's timings a
 * few frames later, once the backend has had a chance to complete them. */
#define TIMINGS_LAG    4
#define GIVE_UP_AFTER_S 600
/* Pages scrolled, unmeasured, before the measured pass starts from the
 * top again; then a few idle frames. */
#define WARM_UP_FRAMES 10
#define PAUSE_FRAMES   5

typedef enum
{
  PHASE_WARM_UP,
  PHASE_PAUSE,
  PHASE_MEASURE,
} Phase;

typedef struct
{
  GApplication  *app;
  GtkWidget     *window;
  GtkWidget     *list;
  GtkAdjustment *vadj;
  GdkFrameClock *clock;
  double         step;
  guint          wait_id;
  guint          waited;
  gboolean       started;
  gboolean       finished;
  guint          settle;
  Phase          phase;
  Phase          tick_phase;
  guint          phase_frames;
  guint          warm_up_slow;
  gint64         tick_us;
  gint64         tick_cpu_us;
  gint64         start_us;
  gint64         next_timing;
  gint64         last_scroll_frame;
  GArray        *work_us;
  GArray        *cpu_us;
  GArray        *frame_time_us;
  GArray        *refresh_us;
  guint          n_complete;
  guint          n_presented;
  guint          n_lost;
  int            status;
} Bench;

static gboolean opt_baseline_n_set;
static int opt_baseline_n;
static double opt_step;
static char *opt_database;
static char *opt_as;

/* CPU time of this thread: a frame whose wall time is long but whose CPU
 * time is short was waiting (for the X server, or for a core). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Nearest-rank percentile of a sorted array. */
static gint64
percentile (GArray *sorted,
            double  p)
{
  guint rank;

  if (sorted->len == 0)
    return 0;

  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);

  return g_array_index (sorted, gint64, rank - 1);
}

static void
collect_timings (Bench  *bench,
                 gint64  up_to)
{
  for (; bench->next_timing <= up_to; bench->next_timing++)
    {
      GdkFrameTimings *timings;

      if (bench->next_timing > bench->last_scroll_frame)
        break;

      timings = gdk_frame_clock_get_timings (bench->clock, bench->next_timing);
      if (timings == NULL)
        {
          bench->n_lost++;
          continue;
        }

      if (gdk_frame_timings_get_complete (timings))
        bench->n_complete++;
      if (gdk_frame_timings_get_presentation_time (timings) != 0)
        bench->n_presented++;

      {
        gint64 frame_time = gdk_frame_timings_get_frame_time (timings);
        gint64 refresh = gdk_frame_timings_get_refresh_interval (timings);

        g_array_append_val (bench->frame_time_us, frame_time);
        g_array_append_val (bench->refresh_us, refresh);
      }
    }
}

static void
report (Bench *bench)
{
  g_autoptr (GArray) deltas = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) work = NULL;
  g_autoptr (GArray) refresh = NULL;
  g_autoptr (GArray) cpu = NULL;
  guint slow_cpu = 0;
  g_autoptr (GString) slow_list = g_string_new (NULL);
  g_autoptr (GString) late_list = g_string_new (NULL);
  gint64 refresh_us;
  guint late = 0;
  guint slow = 0;

  refresh = g_array_copy (bench->refresh_us);
  g_array_sort (refresh, compare_gint64);
  refresh_us = percentile (refresh, 50);
  if (refresh_us <= 0)
    refresh_us = 16667;

  for (guint i = 1; i < bench->frame_time_us->len; i++)
    {
      gint64 delta = g_array_index (bench->frame_time_us, gint64, i)
                     - g_array_index (bench->frame_time_us, gint64, i - 1);

      g_array_append_val (deltas, delta);
      if (delta * 2 > refresh_us * 3)
        {
          g_string_append_printf (late_list, "%s%u:%.1f", late ? "," : "", i, delta / 1000.0);
          late++;
        }
    }
  g_array_sort (deltas, compare_gint64);

  /* Which frames were slow, to tell a start-up hiccup from a steady cost. */
  work = g_array_copy (bench->work_us);
  for (guint i = 0; i < work->len; i++)
    if (g_array_index (work, gint64, i) > 16000)
      {
        g_string_append_printf (slow_list, "%s%u:%.1f", slow ? "," : "", i,
                                g_array_index (work, gint64, i) / 1000.0);
        slow++;
      }
  g_array_sort (work, compare_gint64);

  g_print ("rows %u\n", g_list_model_get_n_items (G_LIST_MODEL (
             gtk_list_view_get_model (GTK_LIST_VIEW (bench->list)))));
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (bench->window));

    g_print ("window %dx%d\n", gdk_surface_get_width (surface), gdk_surface_get_height (surface));
  }
  g_print ("step-px %.0f\n", bench->step > 0 ? bench->step
                                             : gtk_adjustment_get_page_size (bench->vadj));
  g_print ("height-px %.0f\n", gtk_adjustment_get_upper (bench->vadj));
  g_print ("warm-up-frames %d\n", WARM_UP_FRAMES);
  g_print ("warm-up-over-16ms %u\n", bench->warm_up_slow);
  g_print ("frames %u\n", bench->work_us->len);
  g_print ("timings %u\n", bench->frame_time_us->len);
  g_print ("timings-complete %u\n", bench->n_complete);
  g_print ("timings-presented %u\n", bench->n_presented);
  g_print ("timings-lost %u\n", bench->n_lost);
  g_print ("refresh-interval-ms %.2f\n", refresh_us / 1000.0);
  g_print ("late-frames %u\n", late);
  g_print ("late-frames-list %s\n", late ? late_list->str : "none");
  g_print ("delta-p50-ms %.2f\n", percentile (deltas, 50) / 1000.0);
  g_print ("delta-p99-ms %.2f\n", percentile (deltas, 99) / 1000.0);
  g_print ("delta-max-ms %.2f\n", percentile (deltas, 100) / 1000.0);
  g_print ("work-over-16ms %u\n", slow);
  g_print ("work-over-16ms-frames %s\n", slow ? slow_list->str : "none");
  cpu = g_array_copy (bench->cpu_us);
  for (guint i = 0; i < cpu->len; i++)
    if (g_array_index (cpu, gint64, i) > 16000)
      slow_cpu++;
  g_array_sort (cpu, compare_gint64);
  g_print ("cpu-over-16ms %u\n", slow_cpu);
  g_print ("cpu-p50-ms %.2f\n", percentile (cpu, 50) / 1000.0);
  g_print ("cpu-p99-ms %.2f\n", percentile (cpu, 99) / 1000.0);
  g_print ("cpu-max-ms %.2f\n", percentile (cpu, 100) / 1000.0);
  g_print ("work-p50-ms %.2f\n", percentile (work, 50) / 1000.0);
  g_print ("work-p99-ms %.2f\n", percentile (work, 99) / 1000.0);
  g_print ("work-max-ms %.2f\n", percentile (work, 100) / 1000.0);
  g_print ("duration-s %.2f\n", (g_get_monotonic_time () - bench->start_us) / 1e6);
}

static void
finish (Bench *bench,
        int    status)
{
  if (bench->finished)
    return;

  bench->finished = TRUE;
  bench->status = status;

  if (status == EXIT_SUCCESS)
    {
      collect_timings (bench, G_MAXINT64);
      report (bench);
    }

  g_application_quit (bench->app);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  gint64 counter;
  gint64 work;
  gint64 cpu;

  if (!bench->started || bench->finished || bench->tick_us == 0)
    return;

  counter = gdk_frame_clock_get_frame_counter (clock);
  work = g_get_monotonic_time () - bench->tick_us;
  cpu = thread_cpu_us () - bench->tick_cpu_us;
  bench->tick_us = 0;

  if (bench->tick_phase == PHASE_WARM_UP)
    {
      if (work > 16000)
        bench->warm_up_slow++;
      return;
    }

  if (bench->tick_phase == PHASE_MEASURE)
    {
      g_array_append_val (bench->work_us, work);
      g_array_append_val (bench->cpu_us, cpu);
    }

  if (bench->next_timing != 0)
    collect_timings (bench, counter - TIMINGS_LAG);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Bench *bench = user_data;
  double value = gtk_adjustment_get_value (bench->vadj);
  double page = gtk_adjustment_get_page_size (bench->vadj);
  double bottom = gtk_adjustment_get_upper (bench->vadj) - page;
  double step = bench->step > 0 ? bench->step : page;
  gint64 counter = gdk_frame_clock_get_frame_counter (clock);

  if (bench->finished)
    return G_SOURCE_REMOVE;

  bench->tick_us = g_get_monotonic_time ();
  bench->tick_cpu_us = thread_cpu_us ();
  bench->tick_phase = bench->phase;

  switch (bench->phase)
    {
    case PHASE_WARM_UP:
      /* A list's first pages create its row widgets and the first glyphs
       * fill the font caches: a cost paid once per run, counted apart. */
      if (++bench->phase_frames < WARM_UP_FRAMES)
        {
          gtk_adjustment_set_value (bench->vadj, MIN (value + step, bottom));
        }
      else
        {
          gtk_adjustment_set_value (bench->vadj, 0);
          bench->phase = PHASE_PAUSE;
          bench->phase_frames = 0;
        }
      return G_SOURCE_CONTINUE;

    case PHASE_PAUSE:
      if (++bench->phase_frames >= PAUSE_FRAMES)
        {
          bench->phase = PHASE_MEASURE;
          bench->start_us = bench->tick_us;
          bench->next_timing = counter + 1;
        }
      return G_SOURCE_CONTINUE;

    case PHASE_MEASURE:
    default:
      break;
    }

  if (value >= bottom - 0.5)
    {
      /* The list's height is an estimate until its rows are measured, so
       * the bottom may still move: only stop once it has stayed put. */
      if (++bench->settle >= SETTLE_FRAMES)
        {
          finish (bench, EXIT_SUCCESS);
          return G_SOURCE_REMOVE;
        }
    }
  else
    {
      bench->settle = 0;
      gtk_adjustment_set_value (bench->vadj, MIN (value + step, bottom));
    }

  bench->last_scroll_frame = counter;

  return G_SOURCE_CONTINUE;
}

static void
start_scrolling (Bench *bench)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (bench->list, GTK_TYPE_SCROLLED_WINDOW);

  if (scroller == NULL)
    {
      g_printerr ("The client list is not inside a GtkScrolledWindow\n");
      finish (bench, EXIT_FAILURE);
      return;
    }

  bench->vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  bench->clock = gtk_widget_get_frame_clock (bench->window);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (on_after_paint_cb), bench);

  gtk_adjustment_set_value (bench->vadj, 0);
  bench->started = TRUE;
  gtk_widget_add_tick_callback (scroller, scroll_tick_cb, bench, NULL);
}

/* The client list is the GtkListView whose items are PalpClients. Its
 * selection model may not say so by its item type (GTK 4.8's selections
 * report GObject), so the first item is asked. */
static GtkWidget *
find_client_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
      g_autoptr (GObject) first = NULL;

      if (model != NULL)
        first = g_list_model_get_item (G_LIST_MODEL (model), 0);
      if (first != NULL && PALP_IS_CLIENT (first))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_client_list (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Waits until the window shows a filled client list, then a little more so
 * start-up work (the first page of rows, idle loaders) is not measured. */
static gboolean
wait_for_list_cb (gpointer user_data)
{
  Bench *bench = user_data;

  bench->waited++;

  if (bench->list == NULL && bench->window != NULL && gtk_widget_get_mapped (bench->window))
    bench->list = find_client_list (bench->window);

  if (bench->list != NULL && gtk_widget_get_mapped (bench->list))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (bench->list));

      if (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0 && bench->waited >= 10)
        {
          bench->wait_id = 0;
          start_scrolling (bench);
          return G_SOURCE_REMOVE;
        }
    }

  if (bench->waited > 300)
    {
      g_printerr ("No client list with rows appeared in the main window within 30 s\n");
      bench->wait_id = 0;
      finish (bench, EXIT_FAILURE);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  Bench *bench = user_data;

  g_printerr ("Scrolling did not reach the bottom within %d s\n", GIVE_UP_AFTER_S);
  finish (bench, EXIT_FAILURE);

  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    Bench          *bench)
{
  /* The first window is the main one; dialogs that follow are not. */
  if (bench->window != NULL)
    return;

  bench->window = GTK_WIDGET (window);
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, WINDOW_WIDTH, WINDOW_HEIGHT);
  bench->wait_id = g_timeout_add (100, wait_for_list_cb, bench);
}

/* The baseline: a plain list of labels over strings. */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
on_baseline_activate_cb (GApplication *app,
                         Bench        *bench)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window;
  GtkWidget *scroller;
  GtkWidget *list;

  for (int i = 0; i < opt_baseline_n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %05d, Baseline", i + 1);

      gtk_string_list_append (strings, name);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);

  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
                              G_LIST_MODEL (g_steal_pointer (&strings)))),
                            g_steal_pointer (&factory));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), scroller);

  bench->window = window;
  bench->list = list;
  bench->wait_id = g_timeout_add (100, wait_for_list_cb, bench);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GApplication) app = NULL;
  g_autoptr (GArray) work_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) cpu_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) frame_time_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) refresh_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  Bench bench = { 0 };
  GOptionEntry entries[] = {
    { "baseline", 0, 0, G_OPTION_ARG_INT, &opt_baseline_n,
      "Scroll a plain list of N rows instead of Palpate's", "N" },
    { "step", 0, 0, G_OPTION_ARG_DOUBLE, &opt_step,
      "Pixels scrolled per frame (0: one page)", "PIXELS" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database, "The clinic database", "PATH" },
    { "as", 0, 0, G_OPTION_ARG_STRING, &opt_as, "Who uses Palpate", "LOGIN" },
    { NULL }
  };

  context = g_option_context_new ("- scroll the client list from top to bottom");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  opt_baseline_n_set = opt_baseline_n > 0;
  if (!opt_baseline_n_set && (opt_database == NULL || opt_as == NULL))
    {
      g_printerr ("Give either --baseline N or both --database and --as\n");
      return 2;
    }

  bench.step = opt_step;
  bench.work_us = work_us;
  bench.cpu_us = cpu_us;
  bench.frame_time_us = frame_time_us;
  bench.refresh_us = refresh_us;
  bench.status = EXIT_FAILURE;

  g_timeout_add_seconds (GIVE_UP_AFTER_S, give_up_cb, &bench);

  if (opt_baseline_n_set)
    {
      adw_init ();
      app = G_APPLICATION (adw_application_new ("io.github.palpate.Palpate.BenchScroll",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_baseline_activate_cb), &bench);
      bench.app = app;
      g_application_run (app, 1, argv);
    }
  else
    {
      g_auto (GStrv) app_argv = NULL;
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      /* The same command line palpate itself would get. */
      g_strv_builder_add_many (builder, argv[0], "--database", opt_database, "--as", opt_as, NULL);
      app_argv = g_strv_builder_end (builder);

      app = G_APPLICATION (palp_application_new ());
      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &bench);
      bench.app = app;
      g_application_run (app, g_strv_length (app_argv), app_argv);
    }

  g_clear_handle_id (&bench.wait_id, g_source_remove);
  if (bench.clock != NULL)
    g_signal_handlers_disconnect_by_func (bench.clock, on_after_paint_cb, &bench);

  return bench.status;
}
