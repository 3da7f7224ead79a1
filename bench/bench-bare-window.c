/* bench-bare-window.c: the baseline for the cold-start benchmark
 *
 * The least a libadwaita application can show: one AdwApplicationWindow
 * holding one label, at the main window's default size. Like palpate with
 * PALPATE_BENCH_QUIT_AFTER_FIRST_FRAME set, it writes "first-frame" to
 * stderr once its window has painted for the first time, then quits, so
 * the driver times both programs the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <stdio.h>

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWidget     *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);

  /* Written straight away: the driver stops its clock on this line. */
  fputs ("first-frame\n", stderr);
  fflush (stderr);

  g_application_quit (G_APPLICATION (app));
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint",
                           G_CALLBACK (on_after_paint_cb), window, 0);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window;
  GtkWidget *label;

  window = adw_application_window_new (GTK_APPLICATION (app));
  /* The main window's default size (window-width and window-height in the
   * GSettings schema), so both programs paint the same area. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Palpate");

  label = gtk_label_new ("Palpate");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), label);

  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (AdwApplication) app = NULL;

  app = adw_application_new ("io.github.palpate.Palpate.BenchBareWindow",
                             G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
