/* bench-year-end.c: a year's receipts exported as the app does it
 *
 *   bench-year-end [--count 10000] [--threads 2] [--keep]
 *
 * Builds a clinic whose year holds --count issued receipts (issued through
 * the store with the real renderer, as the front desk would: not timed),
 * then times palp_year_end_export() — each receipt's PDF as issued, written
 * into a folder by the app's worker threads — against writing as many raw
 * one-page PDFs of the same text and signature with cairo and pango on
 * --threads threads (bench-receipt-pdf's raw side, in a process of its
 * own). Prints "key value" lines; peak RSS from getrusage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-store.h"
#include "palp-year-end.h"

static int opt_count = 10000;
static int opt_threads = 2;
static gboolean opt_keep = FALSE;

static GOptionEntry entries[] = {
  { "count", 0, 0, G_OPTION_ARG_INT, &opt_count, "Receipts in the year (10000)", "N" },
  { "threads", 0, 0, G_OPTION_ARG_INT, &opt_threads, "Threads of the raw side (2)", "N" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { NULL }
};

static gboolean
build_clinic (const char  *path,
              int          year,
              GError     **error)
{
  g_autoptr(PalpStore) store = palp_store_open (path, PALP_STORE_OPEN_CREATE, error);
  g_autoptr(PalpUser) therapist = palp_user_new ();
  g_autoptr(PalpLicence) licence = palp_licence_new ();
  g_autoptr(PalpService) service = palp_service_new ();
  g_autoptr(PalpClinic) clinic = NULL;
  g_autoptr(GPtrArray) taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);
  g_autoptr(GBytes) signature = bench_make_signature ();
  gint64 clients[50];

  if (store == NULL)
    return FALSE;
  g_object_set (therapist, "login", "maya", "display-name", "Maya Okafor",
                "roles", PALP_ROLE_PRACTITIONER | PALP_ROLE_ADMIN, "credentials", "RMT",
                "profession", "Registered massage therapist",
                "association", "Registered Massage Therapists' Association of Ontario",
                "association-number", "RMTAO-20417", "signature", signature, NULL);
  if (!palp_store_save_user (store, therapist, error))
    return FALSE;
  g_object_set (licence, "user-id", palp_user_get_id (therapist),
                "kind", PALP_LICENCE_KIND_LICENCE, "number", "R-12345", "jurisdiction", "ON",
                "issued", "2015-01-01", "expires", "2099-12-31", NULL);
  if (!(clinic = palp_store_load_clinic (store, error)))
    return FALSE;
  g_object_set (clinic, "name", "Harbord Street Massage Therapy Clinic",
                "esthetic-name", "Harbord Street Skin Studio", "street", "214 Harbord St",
                "city", "Toronto", "region", "ON", "postal-code", "M5S 1H6",
                "phone", "416-555-0100", "country", "CA", "currency", "CAD",
                "tax-numbers", "HST 81234 5678 RT0001", NULL);
  g_object_set (service, "name", "Massage therapy 60 min", "category", "therapeutic",
                "duration-minutes", (gint64) 60, "fee-cents", (gint64) 11000,
                "active", (gint64) 1, NULL);
  g_ptr_array_add (taxes, palp_tax_component_new ("HST", 130000, "81234 5678 RT0001"));
  if (!palp_store_save_licence (store, licence, error) ||
      !palp_store_save_clinic (store, clinic, error) ||
      !palp_store_save_service (store, service, error) ||
      !palp_store_set_service_taxes (store, palp_service_get_int (service, "id"), taxes, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    {
      g_autoptr(PalpClient) client = palp_client_new ();
      g_autofree char *family = g_strdup_printf ("Client%02u", i);

      g_object_set (client, "given-name", "Sam", "family-name", family,
                    "street", "10 Bloor St W", "city", "Toronto", "region", "ON",
                    "postal-code", "M4W 1A8", NULL);
      if (!palp_store_save_client (store, client, error))
        return FALSE;
      clients[i] = palp_client_get_id (client);
    }

  /* A year of visits, each receipted as it ends (timestamps in the year). */
  for (int n = 0; n < opt_count; n++)
    {
      g_autoptr(PalpVisit) visit = palp_visit_new ();
      g_autoptr(GDateTime) when = g_date_time_new_local (year, 1 + n % 12, 1 + n % 28,
                                                         9 + n % 8, 0, 0);
      g_autoptr(GDateTime) ends = g_date_time_add_hours (when, 1);
      g_autofree char *starts = g_date_time_format (when, "%Y-%m-%d %H:%M");
      g_autoptr(GListModel) receipts = NULL;
      gint64 visit_id;

      if (n % 500 == 0 && !palp_store_begin (store, error))
        return FALSE;
      g_object_set (visit, "client-id", clients[n % G_N_ELEMENTS (clients)],
                    "practitioner-id", palp_user_get_id (therapist), "starts-at", starts,
                    "duration-minutes", (gint64) 60, "status", "attended", NULL);
      if (!palp_store_save_visit (store, visit, error))
        return FALSE;
      visit_id = palp_visit_get_int (visit, "id");
      if (palp_store_add_visit_line (store, visit_id, palp_service_get_int (service, "id"), 0,
                                     error) == 0)
        return FALSE;
      receipts = palp_store_issue_receipts (store, &visit_id, 1, NULL, 0,
                                            palp_doc_receipt_render, NULL, error);
      if (receipts == NULL)
        return FALSE;
      if ((n % 500 == 499 || n == opt_count - 1) && !palp_store_commit (store, error))
        return FALSE;
    }
  return TRUE;
}

/* The text of the first receipt, for the raw side to draw. */
static gboolean
write_text (const char  *db,
            const char  *out,
            GError     **error)
{
  g_autoptr(PalpStore) store = palp_store_open (db, PALP_STORE_OPEN_READ_ONLY, error);
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(PalpReceipt) first = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PalpPdfDocument) document = NULL;
  g_autofree char *text = NULL;

  if (store == NULL || !(receipts = palp_store_list_receipts (store, 0, error)))
    return FALSE;
  first = g_list_model_get_item (receipts, 0);
  if (!(pdf = palp_store_load_receipt_pdf (store, palp_receipt_get_int (first, "id"), error)) ||
      !(document = palp_pdf_open (pdf, error)))
    return FALSE;
  text = palp_pdf_get_text (document);
  return g_file_set_contents (out, text, -1, error);
}

/* Resident set size now, in kB (Linux). */
static gint64
current_rss_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return 0;
  return (gint64) resident * sysconf (_SC_PAGESIZE) / 1024;
}

static gint64 rss_tenth;

static void
sample_rss (guint    done,
            guint    total,
            gpointer user_data)
{
  if (done == MAX (total / 10, 1))
    rss_tenth = current_rss_kb ();
}

static gint64
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (path, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the year-end export");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *raw_bench = NULL;
  g_autofree char *bench_dir = g_path_get_dirname (argv[0]);
  g_autofree char *count = NULL;
  g_autofree char *threads = NULL;
  g_autofree char *raw_out = NULL;
  g_autoptr(GFile) folder = NULL;
  /* Receipts are dated when issued: this year. */
  int year = g_date_time_get_year (now);
  gint64 t0, written;
  double export_s;
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_count < 1 ||
      opt_threads < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Give positive counts");
      return 2;
    }

  dir = g_dir_make_tmp ("palpate-bench-year-end-XXXXXX", &error);
  db = g_build_filename (dir, "clinic.db", NULL);
  text = g_build_filename (dir, "receipt.txt", NULL);
  out = g_build_filename (dir, "receipts", NULL);
  folder = g_file_new_for_path (out);

  t0 = g_get_monotonic_time ();
  if (!build_clinic (db, year, &error) || !write_text (db, text, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("setup-s %.1f\n", (g_get_monotonic_time () - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  written = palp_year_end_export (db, year, 0, folder, sample_rss, NULL, NULL, &error);
  export_s = (g_get_monotonic_time () - t0) / 1e6;
  if (written != opt_count)
    {
      g_printerr ("The export wrote %" G_GINT64_FORMAT " receipts: %s\n", written,
                  error ? error->message : "");
      return 1;
    }

  /* The raw side, in a process of its own. */
  raw_bench = g_build_filename (bench_dir, "bench-receipt-pdf", NULL);
  count = g_strdup_printf ("%d", opt_count);
  threads = g_strdup_printf ("%d", opt_threads);
  {
    const char *cmd[] = { raw_bench, "--batch", "--side", "raw", "--count", count,
                          "--threads", threads, "--text-file", text, NULL };

    if (!g_spawn_sync (NULL, (char **) cmd, NULL, G_SPAWN_DEFAULT, NULL, NULL, &raw_out, NULL,
                       &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  g_print ("count %d\n", opt_count);
  g_print ("export-threads %d\n", CLAMP (g_get_num_processors (), 1, 4));
  g_print ("export-s %.3f\n", export_s);
  g_print ("export-peak-rss-kb %" G_GINT64_FORMAT "\n", peak_rss_kb ());
  g_print ("export-rss-tenth-kb %" G_GINT64_FORMAT "\n", rss_tenth);
  g_print ("export-rss-end-kb %" G_GINT64_FORMAT "\n", current_rss_kb ());
  {
    g_auto(GStrv) lines = g_strsplit (raw_out, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (*lines[i] != '\0')
        g_print ("raw-%s\n", lines[i]);
  }
  if (!opt_keep)
    remove_tree (dir);
  else
    g_printerr ("Kept %s\n", dir);
  return 0;
}
