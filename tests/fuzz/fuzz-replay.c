/* fuzz-replay.c: the fuzzing corpus as an ordinary test
 *
 *   fuzz-replay [--tap] CORPUS-FOLDER...
 *
 * Feeds every file of the folders to LLVMFuzzerTestOneInput(), one test
 * case per file, so inputs that once crashed the reader keep being tried
 * by every build, with or without a fuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
replay_file (gconstpointer data)
{
  const char *file = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (file, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *base = g_path_get_basename (argv[i]);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint k = 0; k < names->len; k++)
        {
          g_autofree char *path = g_strdup_printf ("/fuzz/%s/%s", base, (char *) names->pdata[k]);

          /* The test keeps the file name; it lives as long as the run. */
          g_test_add_data_func_full (path, g_build_filename (argv[i], names->pdata[k], NULL),
                                     replay_file, g_free);
          n_files++;
        }
    }
  if (n_files == 0)
    g_error ("no corpus files given");

  return g_test_run ();
}
