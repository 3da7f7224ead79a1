/* bench-receipt-pdf.c: receipts as PDF files, against raw cairo and pango
 *
 *   bench-receipt-pdf [--runs 50] [--lines 3]
 *   bench-receipt-pdf --batch [--count 10000] [--threads 2]
 *
 * The first form times one receipt end to end: its models built in memory,
 * drawn by palp_doc_receipt_render() and written to a file; against a
 * one-page PDF drawn straight with cairo and pango, in the same fonts, with
 * the same text (read back from the receipt) and the same signature image,
 * written to a file. The two alternate, which goes first changing each
 * round, after a warm-up round; each side's figure is the median of its
 * runs.
 *
 * The second form is the year-end batch: --count receipts written into a
 * temporary folder by --threads worker threads, against as many raw PDFs
 * by as many threads. Each side runs in a process of its own (this program
 * again, with --side), so each has its own peak RSS (getrusage
 * ru_maxrss); the resident size after a tenth of the batch and at its end
 * shows whether memory stays flat. Every model, document and buffer is
 * freed per receipt.
 *
 * Figures are printed on stdout as "key value" lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench-common.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"

#define FONT_FAMILY "DejaVu Sans"

static int opt_runs = 50;
static int opt_lines = 3;
static gboolean opt_batch;
static int opt_count = 10000;
static int opt_threads = 2;
static char *opt_side;
static char *opt_text_file;

/* ---------------------------------------------------------------------- */
/* The receipt's models, in memory                                        */

/* Receipt @seq of the year: a therapeutic one of @n_lines hours of massage
 * therapy, HST, paid by card. */
static PalpReceiptDocument *
make_document (guint   seq,
               guint   n_lines,
               GBytes *signature)
{
  PalpReceiptDocument *document = palp_receipt_document_new ();
  gint64 subtotal = 12000 * (gint64) n_lines;
  gint64 tax = subtotal * 15 / 100;
  g_autofree char *number = g_strdup_printf ("T-2026-%06u", seq);
  g_autofree char *family = g_strdup_printf ("Smith-%u", seq);
  GListStore *lines = g_list_store_new (PALP_TYPE_RECEIPT_LINE);
  GListStore *taxes = g_list_store_new (PALP_TYPE_RECEIPT_TAX);
  GListStore *payments = g_list_store_new (PALP_TYPE_PAYMENT);
  g_autoptr(PalpReceiptTax) receipt_tax = NULL;
  g_autoptr(PalpPayment) payment = NULL;

  document->clinic = g_object_new (PALP_TYPE_CLINIC,
                                   "name", "Harbour Massage Therapy Clinic",
                                   "esthetic-name", "Harbour Skin Studio",
                                   "street", "1200 Harbour Street, Suite 4",
                                   "city", "Halifax", "region", "NS", "postal-code", "B3J 1A1",
                                   "phone", "(902) 555-0142", "email", "front@clinic.example",
                                   "country", "CA", "currency", "CAD", "paper-size", "letter",
                                   "tax-numbers", "GST/HST 812345678 RT0001",
                                   NULL);
  document->client = g_object_new (PALP_TYPE_CLIENT,
                                   "given-name", "Jordan", "family-name", family,
                                   "street", "48 Birch Lane", "city", "Dartmouth", "region", "NS",
                                   "postal-code", "B2Y 3Z8",
                                   NULL);
  document->practitioner = g_object_new (PALP_TYPE_USER,
                                         "id", (gint64) 7,
                                         "display-name", "Avery Chen",
                                         "credentials", "RMT",
                                         "profession", "Registered massage therapist",
                                         "association", "Massage Therapist Association of Nova Scotia",
                                         "association-number", "MT-20417",
                                         "signature", signature,
                                         NULL);
  document->licence = g_object_new (PALP_TYPE_LICENCE, "number", "004512", "jurisdiction", "NS",
                                    NULL);
  document->receipt = g_object_new (PALP_TYPE_RECEIPT,
                                    "number", number, "series", "T", "category", "therapeutic",
                                    "issued-at", "2026-03-14 15:09:26",
                                    "subtotal-cents", subtotal, "tax-cents", tax,
                                    "total-cents", subtotal + tax, "paid-cents", subtotal + tax,
                                    NULL);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-03-%02u", i % 28 + 1);
      g_autoptr(PalpReceiptLine) line = g_object_new (PALP_TYPE_RECEIPT_LINE,
                                                      "category", "therapeutic",
                                                      "service-date", date,
                                                      "description", "Massage therapy",
                                                      "code", "97124",
                                                      "minutes", (gint64) 60,
                                                      "quantity", (gint64) 1,
                                                      "price-cents", (gint64) 12000,
                                                      "amount-cents", (gint64) 12000,
                                                      NULL);

      g_list_store_append (lines, line);
    }
  receipt_tax = g_object_new (PALP_TYPE_RECEIPT_TAX,
                              "name", "HST", "rate-ppm", (gint64) 150000,
                              "registration", "812345678 RT0001",
                              "base-cents", subtotal, "amount-cents", tax,
                              NULL);
  g_list_store_append (taxes, receipt_tax);
  payment = g_object_new (PALP_TYPE_PAYMENT,
                          "kind", "payment", "method", "card",
                          "received-at", "2026-03-14 15:09:26",
                          "amount-cents", subtotal + tax,
                          NULL);
  g_list_store_append (payments, payment);

  document->lines = G_LIST_MODEL (lines);
  document->taxes = G_LIST_MODEL (taxes);
  document->payments = G_LIST_MODEL (payments);
  return document;
}

/* Models to file, everything freed on return. */
static gboolean
write_receipt (const char  *path,
               guint        seq,
               GBytes      *signature,
               GError     **error)
{
  g_autoptr(PalpReceiptDocument) document = make_document (seq, (guint) opt_lines, signature);
  g_autoptr(GBytes) pdf = palp_doc_receipt_render (document, NULL, error);

  if (pdf == NULL)
    return FALSE;
  return g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error);
}

/* ---------------------------------------------------------------------- */
/* The baseline: one page straight through cairo and pango                */

typedef struct
{
  char            *text;       /* the receipt's text, line by line */
  char            *title;      /* its first line, in bold */
  cairo_surface_t *signature;
} Raw;

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} PngReader;

static cairo_status_t
png_read_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;
  gsize size;
  const guint8 *bytes = g_bytes_get_data (reader->bytes, &size);

  if (reader->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
raw_init (Raw        *raw,
          const char *text,
          GBytes     *signature)
{
  PngReader reader = { signature, 0 };
  const char *newline = strchr (text, '\n');

  raw->title = newline != NULL ? g_strndup (text, newline - text) : g_strdup (text);
  raw->text = g_strdup (newline != NULL ? newline + 1 : "");
  raw->signature = cairo_image_surface_create_from_png_stream (png_read_cb, &reader);
}

static void
raw_clear (Raw *raw)
{
  g_free (raw->text);
  g_free (raw->title);
  cairo_surface_destroy (raw->signature);
}

static gboolean
write_raw (const Raw   *raw,
           const char  *path,
           guint        seq,
           GError     **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 612, 792);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY " Bold 14.5");
  g_autofree char *number = g_strdup_printf ("T-2026-%06u", seq);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2026-03-14T15:09:26+00:00");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, raw->title, -1);
  cairo_move_to (cr, 54, 54);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (font);
  font = pango_font_description_from_string (FONT_FAMILY " 8.5");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 504 * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, raw->text, -1);
  cairo_move_to (cr, 54, 84);
  pango_cairo_show_layout (cr, layout);

  if (raw->signature != NULL && cairo_surface_status (raw->signature) == CAIRO_STATUS_SUCCESS)
    {
      cairo_save (cr);
      cairo_translate (cr, 60, 640);
      cairo_scale (cr, 0.5, 0.5);
      cairo_set_source_surface (cr, raw->signature, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  cairo_show_page (cr);
  status = cairo_status (cr);
  g_object_unref (layout);
  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The text a receipt prints, for the baseline to print as much. */
static char *
receipt_text (GBytes *signature)
{
  g_autoptr(PalpReceiptDocument) document = make_document (1, (guint) opt_lines, signature);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = palp_doc_receipt_render (document, NULL, &error);
  PopplerDocument *poppler;
  char *text;

  if (pdf == NULL)
    g_error ("The receipt could not be drawn: %s", error->message);
  poppler = palp_pdf_open (pdf, &error);
  if (poppler == NULL)
    g_error ("The receipt could not be read back: %s", error->message);
  text = palp_pdf_get_text (poppler);
  g_object_unref (poppler);
  return text;
}

/* ---------------------------------------------------------------------- */
/* Figures                                                                */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *us)
{
  g_array_sort (us, compare_gint64);
  if (us->len == 0)
    return 0;
  if (us->len % 2 == 1)
    return g_array_index (us, gint64, us->len / 2) / 1000.0;
  return (g_array_index (us, gint64, us->len / 2 - 1) + g_array_index (us, gint64, us->len / 2))
         / 2000.0;
}

static double
min_ms (GArray *us)
{
  g_array_sort (us, compare_gint64);
  return us->len > 0 ? g_array_index (us, gint64, 0) / 1000.0 : 0;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

/* Resident set size now, in kB (Linux). */
static gint64
current_rss_kb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return -1;
  return (gint64) resident * sysconf (_SC_PAGESIZE) / 1024;
}

static gint64
peak_rss_kb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;  /* kB on Linux */
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* ---------------------------------------------------------------------- */
/* One receipt, many times                                                */

static int
run_single (void)
{
  g_autoptr(GBytes) signature = bench_make_signature ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("palpate-bench-receipt-XXXXXX", &error);
  g_autofree char *real_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) real_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) raw_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  Raw raw;

  if (folder == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  real_path = g_build_filename (folder, "receipt.pdf", NULL);
  raw_path = g_build_filename (folder, "raw.pdf", NULL);
  text = receipt_text (signature);
  raw_init (&raw, text, signature);

  /* Round -1 warms fonts, fontconfig's cache and the page cache. */
  for (int round = -1; round < opt_runs; round++)
    {
      for (int side = 0; side < 2; side++)
        {
          gboolean real_side = ((round + side) % 2) == 0;
          gint64 t0 = g_get_monotonic_time ();
          gboolean ok = real_side ? write_receipt (real_path, 1, signature, &error)
                                  : write_raw (&raw, raw_path, 1, &error);
          gint64 elapsed = g_get_monotonic_time () - t0;

          if (!ok)
            {
              g_printerr ("%s failed: %s\n", real_side ? "Receipt" : "Raw", error->message);
              raw_clear (&raw);
              return 1;
            }
          if (round >= 0)
            g_array_append_val (real_side ? real_us : raw_us, elapsed);
        }
    }

  g_print ("runs %d\n", opt_runs);
  g_print ("lines %d\n", opt_lines);
  g_print ("text-chars %ld\n", g_utf8_strlen (text, -1));
  g_print ("receipt-bytes %" G_GINT64_FORMAT "\n", file_size (real_path));
  g_print ("raw-bytes %" G_GINT64_FORMAT "\n", file_size (raw_path));
  g_print ("receipt-p50-ms %.3f\n", median_ms (real_us));
  g_print ("receipt-min-ms %.3f\n", min_ms (real_us));
  g_print ("raw-p50-ms %.3f\n", median_ms (raw_us));
  g_print ("raw-min-ms %.3f\n", min_ms (raw_us));
  g_print ("ratio %.2f\n", median_ms (real_us) / MAX (median_ms (raw_us), 0.001));

  raw_clear (&raw);
  remove_folder (folder);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* The year-end batch                                                     */

typedef struct
{
  gboolean    real;
  const char *folder;
  GBytes     *signature;
  const Raw  *raw;
  gint        next;       /* atomic: the next receipt to write */
  gint        failed;     /* atomic */
  gint64      rss_tenth;  /* resident kB once a tenth is written */
} Batch;

static gpointer
batch_worker (gpointer data)
{
  Batch *batch = data;

  for (;;)
    {
      gint seq = g_atomic_int_add (&batch->next, 1) + 1;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (seq > opt_count || g_atomic_int_get (&batch->failed))
        break;

      name = g_strdup_printf ("%s-%06d.pdf", batch->real ? "T-2026" : "raw", seq);
      path = g_build_filename (batch->folder, name, NULL);
      ok = batch->real ? write_receipt (path, (guint) seq, batch->signature, &error)
                       : write_raw (batch->raw, path, (guint) seq, &error);
      if (!ok)
        {
          if (g_atomic_int_compare_and_exchange (&batch->failed, 0, 1))
            g_printerr ("Receipt %d failed: %s\n", seq, error->message);
          break;
        }
      if (seq == MAX (opt_count / 10, 1))
        batch->rss_tenth = current_rss_kb ();
    }

  return NULL;
}

/* One side of the batch, in this process: prints its own figures. */
static int
run_side (gboolean real)
{
  g_autoptr(GBytes) signature = bench_make_signature ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("palpate-bench-batch-XXXXXX", &error);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Batch batch = { 0 };
  Raw raw = { 0 };
  gint64 t0, elapsed, rss_end;

  if (folder == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!g_file_get_contents (opt_text_file, &text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  raw_init (&raw, text, signature);

  batch.real = real;
  batch.folder = folder;
  batch.signature = signature;
  batch.raw = &raw;

  t0 = g_get_monotonic_time ();
  for (int i = 0; i < opt_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("batch", batch_worker, &batch));
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  elapsed = g_get_monotonic_time () - t0;
  rss_end = current_rss_kb ();

  g_print ("seconds %.3f\n", elapsed / 1e6);
  g_print ("peak-rss-kb %" G_GINT64_FORMAT "\n", peak_rss_kb ());
  g_print ("rss-tenth-kb %" G_GINT64_FORMAT "\n", batch.rss_tenth);
  g_print ("rss-end-kb %" G_GINT64_FORMAT "\n", rss_end);

  raw_clear (&raw);
  remove_folder (folder);
  return batch.failed ? 1 : 0;
}

/* Runs one side in a child process and reads its "key value" lines. */
static GHashTable *
spawn_side (const char *self,
            const char *side,
            const char *text_file)
{
  g_autofree char *count = g_strdup_printf ("%d", opt_count);
  g_autofree char *threads = g_strdup_printf ("%d", opt_threads);
  g_autofree char *lines = g_strdup_printf ("%d", opt_lines);
  const char *argv[] = {
    self, "--side", side, "--text-file", text_file, "--count", count, "--threads", threads,
    "--lines", lines, NULL,
  };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  GHashTable *values;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, &out,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("The %s side failed: %s\n", side, error->message);
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rows = g_strsplit (out, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    {
      char *space = strchr (rows[i], ' ');

      if (space != NULL)
        g_hash_table_insert (values, g_strndup (rows[i], space - rows[i]), g_strdup (space + 1));
    }
  return values;
}

static int
run_batch (const char *self)
{
  g_autoptr(GBytes) signature = bench_make_signature ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) real = NULL;
  g_autoptr(GHashTable) raw = NULL;
  g_autofree char *text = receipt_text (signature);
  g_autofree char *text_file = NULL;
  int fd;
  double real_s, raw_s;

  fd = g_file_open_tmp ("palpate-bench-text-XXXXXX", &text_file, &error);
  if (fd < 0 || !g_file_set_contents (text_file, text, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  close (fd);

  /* The baseline first: whatever the page cache and the disk give the
   * first side, the real side does not get more. */
  raw = spawn_side (self, "raw", text_file);
  real = raw != NULL ? spawn_side (self, "receipt", text_file) : NULL;
  g_unlink (text_file);
  if (raw == NULL || real == NULL)
    return 1;

  real_s = g_ascii_strtod (g_hash_table_lookup (real, "seconds"), NULL);
  raw_s = g_ascii_strtod (g_hash_table_lookup (raw, "seconds"), NULL);

  g_print ("batch-count %d\n", opt_count);
  g_print ("batch-threads %d\n", opt_threads);
  g_print ("batch-lines %d\n", opt_lines);
  g_print ("batch-receipt-s %.3f\n", real_s);
  g_print ("batch-raw-s %.3f\n", raw_s);
  g_print ("batch-ratio %.2f\n", real_s / MAX (raw_s, 0.001));
  g_print ("batch-receipt-per-s %.1f\n", opt_count / MAX (real_s, 0.001));
  g_print ("batch-raw-per-s %.1f\n", opt_count / MAX (raw_s, 0.001));
  g_print ("batch-receipt-peak-rss-kb %s\n", (char *) g_hash_table_lookup (real, "peak-rss-kb"));
  g_print ("batch-raw-peak-rss-kb %s\n", (char *) g_hash_table_lookup (raw, "peak-rss-kb"));
  g_print ("batch-receipt-rss-tenth-kb %s\n", (char *) g_hash_table_lookup (real, "rss-tenth-kb"));
  g_print ("batch-receipt-rss-end-kb %s\n", (char *) g_hash_table_lookup (real, "rss-end-kb"));
  g_print ("batch-raw-rss-tenth-kb %s\n", (char *) g_hash_table_lookup (raw, "rss-tenth-kb"));
  g_print ("batch-raw-rss-end-kb %s\n", (char *) g_hash_table_lookup (raw, "rss-end-kb"));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Timed runs of each side (50)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &opt_lines, "Services on the receipt (3)", "N" },
    { "batch", 0, 0, G_OPTION_ARG_NONE, &opt_batch, "The year-end batch instead", NULL },
    { "count", 0, 0, G_OPTION_ARG_INT, &opt_count, "Receipts in the batch (10000)", "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &opt_threads, "Worker threads of the batch (2)", "N" },
    { "side", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_side, NULL, NULL },
    { "text-file", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_text_file, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- time receipts as PDF files");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_runs < 1 || opt_lines < 1 || opt_count < 1 || opt_threads < 1)
    {
      g_printerr ("Give positive counts\n");
      return 2;
    }

  if (opt_side != NULL)
    {
      if (opt_text_file == NULL)
        return 2;
      return run_side (g_str_equal (opt_side, "receipt"));
    }
  if (opt_batch)
    {
      /* The children are this very program. */
      self = g_file_read_link ("/proc/self/exe", NULL);
      return run_batch (self != NULL ? self : argv[0]);
    }
  return run_single ();
}
