/* bench-client-open.c: opening a client with 300 visits and notes
 *
 *   bench-client-open [--visits N] [--rounds N]
 *
 * Builds a demo clinic in a temporary folder and gives it two more
 * clients of Maya's: one with N visits (300 unless told), each attended,
 * with billing lines and a SOAP note, and one with a single such visit.
 * Then the real main window (1280x800) opens each in turn, as a click in
 * the client list does, and times from the selection to the end of the
 * first frame painted after it (the frame clock's "after-paint"). Between
 * two timed opens a third client is shown, so every open is a change of
 * client. Each open is followed by a click on the Visits tab, timed the
 * same way (the tabs are filled when first shown). The sides alternate;
 * the medians are printed on stdout as "key value" lines for bench/run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-client-page.h"
#include "palp-window.h"

typedef struct
{
  gint64   painted_us;
  gboolean waiting;
} Paint;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Paint         *paint)
{
  if (paint->waiting)
    {
      paint->painted_us = g_get_monotonic_time ();
      paint->waiting = FALSE;
    }
}

static gint64
add_client (PalpStore  *store,
            const char *given,
            guint       n_visits,
            gint64      practitioner,
            gint64      service)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_object_set (client, "given-name", given, "family-name", "Benchmark",
                "birth-date", "1980-04-02", NULL);
  if (!palp_store_save_client (store, client, &error))
    g_error ("client: %s", error->message);
  for (guint i = 0; i < n_visits; i++)
    {
      g_autoptr(PalpVisit) visit = palp_visit_new ();
      g_autoptr(PalpSoapNote) note = palp_soap_note_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(gint) (n_visits - i) * 3 - 1);
      g_autofree char *starts = g_date_time_format (day, "%Y-%m-%d 10:00");
      g_autofree char *subjective = g_strdup_printf ("Visit %u: neck stiff after desk work, "
                                                     "pain %u/10 on waking.", i + 1,
                                                     7 - (i % 5));

      g_object_set (visit, "client-id", palp_client_get_id (client),
                    "practitioner-id", practitioner, "starts-at", starts,
                    "duration-minutes", (gint64) 60, "status", "attended", NULL);
      if (!palp_store_save_visit (store, visit, &error))
        g_error ("visit: %s", error->message);
      if (palp_store_add_visit_line (store, palp_visit_get_int (visit, "id"), service, 60,
                                     &error) == 0)
        g_error ("line: %s", error->message);
      g_object_set (note, "visit-id", palp_visit_get_int (visit, "id"),
                    "subjective", subjective,
                    "objective", "Upper trapezius and levator scapulae hypertonic, R > L; "
                                 "cervical rotation 60° right, 70° left.",
                    "assessment", "Tone reduced after treatment; rotation 70° right.",
                    "plan-text", "Weekly for four weeks; chin tucks and doorway stretch daily.",
                    "techniques", "[{\"name\": \"Myofascial release\", \"minutes\": 30, "
                                  "\"regions\": \"\", \"intra_oral\": false}]",
                    "has-pain", (gint64) 1, "pain", (gint64) (7 - (i % 5)),
                    "draping", (gint64) 1, "check-ins", (gint64) 1, NULL);
      if (!palp_store_save_soap_note (store, note, &error))
        g_error ("note: %s", error->message);
    }
  return palp_client_get_id (client);
}

static gint64
wait_for_paint (PalpWindow *window,
                Paint      *paint,
                gint64      started)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (paint->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (paint->waiting)
    g_error ("no frame was painted");
  return paint->painted_us - started;
}

static gint64
open_client (PalpWindow *window,
             Paint      *paint,
             gint64      client_id)
{
  gint64 started;

  paint->waiting = TRUE;
  started = g_get_monotonic_time ();
  palp_window_select_client (window, client_id);
  return wait_for_paint (window, paint, started);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* From a click on the Visits tab to its first frame. */
static gint64
open_visits_tab (PalpWindow *window,
                 Paint      *paint)
{
  PalpClientPage *page = PALP_CLIENT_PAGE (find_widget (GTK_WIDGET (window),
                                                        PALP_TYPE_CLIENT_PAGE));
  gint64 started;

  paint->waiting = TRUE;
  started = g_get_monotonic_time ();
  palp_client_page_show_tab (page, "visits");
  return wait_for_paint (window, paint, started);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (GArray *us)
{
  g_array_sort (us, compare_gint64);
  if (us->len == 0)
    return 0;
  return g_array_index (us, gint64, us->len / 2) / 1000.0;
}

static double
max_ms (GArray *us)
{
  return us->len ? g_array_index (us, gint64, us->len - 1) / 1000.0 : 0;
}

int
main (int   argc,
      char *argv[])
{
  int n_visits = 300, rounds = 15;
  GOptionEntry entries[] = {
    { "visits", 0, 0, G_OPTION_ARG_INT, &n_visits, "Visits of the large client", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Timed opens of each client", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpUser) maya = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GArray) large = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) small = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) large_tab = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) small_tab = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 service = 0, big_id, one_id, other_id = 1;
  PalpWindow *window;
  Paint paint = { 0 };
  gint64 build_us;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("palpate-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "clinic.db", NULL);
  store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  if (store == NULL)
    g_error ("demo: %s", error->message);
  maya = palp_store_find_user (store, "maya", &error);
  g_assert_nonnull (maya);
  palp_store_set_actor (store, palp_user_get_id (maya));
  services = palp_store_list_services (store, FALSE, &error);
  for (guint i = 0; services && i < g_list_model_get_n_items (services) && service == 0; i++)
    {
      g_autoptr(PalpService) s = g_list_model_get_item (services, i);

      if (g_strcmp0 (palp_service_get_string (s, "category"), "therapeutic") == 0)
        service = palp_service_get_int (s, "id");
    }
  g_assert_cmpint (service, !=, 0);

  build_us = g_get_monotonic_time ();
  big_id = add_client (store, "Many", (guint) n_visits, palp_user_get_id (maya), service);
  one_id = add_client (store, "One", 1, palp_user_get_id (maya), service);
  build_us = g_get_monotonic_time () - build_us;

  window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  palp_window_set_store (window, store, "maya");
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &paint);
  paint.waiting = TRUE;
  wait_for_paint (window, &paint, g_get_monotonic_time ());

  /* A warm-up open of each: the first builds the page's widgets. */
  open_client (window, &paint, other_id);
  open_client (window, &paint, big_id);
  open_client (window, &paint, other_id);
  open_client (window, &paint, one_id);

  for (int i = 0; i < rounds; i++)
    {
      gint64 first = i % 2 ? one_id : big_id, second = i % 2 ? big_id : one_id;
      gint64 us;

      open_client (window, &paint, other_id);
      us = open_client (window, &paint, first);
      g_array_append_val (first == big_id ? large : small, us);
      us = open_visits_tab (window, &paint);
      g_array_append_val (first == big_id ? large_tab : small_tab, us);
      open_client (window, &paint, other_id);
      us = open_client (window, &paint, second);
      g_array_append_val (second == big_id ? large : small, us);
      us = open_visits_tab (window, &paint);
      g_array_append_val (second == big_id ? large_tab : small_tab, us);
    }

  g_print ("visits %d\n", n_visits);
  g_print ("rounds %d\n", rounds);
  g_print ("build-s %.1f\n", build_us / 1e6);
  g_print ("large-median-ms %.2f\n", median_ms (large));
  g_print ("large-max-ms %.2f\n", max_ms (large));
  g_print ("small-median-ms %.2f\n", median_ms (small));
  g_print ("small-max-ms %.2f\n", max_ms (small));
  g_print ("large-visits-tab-median-ms %.2f\n", median_ms (large_tab));
  g_print ("small-visits-tab-median-ms %.2f\n", median_ms (small_tab));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
