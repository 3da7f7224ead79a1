/* fuzz-archive.c: libFuzzer entry point for the clinic archive's importer
 *
 * Imports the input into an empty clinic database (made once in a
 * temporary folder, and made again after an input that imported). An
 * input is either imported whole or refused with an archive error,
 * leaving the database empty. Built with clang's -fsanitize=fuzzer when
 * fuzzing is on; the same function replays the corpus in the ordinary test
 * run (fuzz-replay.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "palp-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *folder;
static PalpStore *store;

static void
remove_database (void)
{
  g_autofree char *path = g_build_filename (folder, "clinic.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
cleanup (void)
{
  remove_database ();
  g_rmdir (folder);
  g_free (folder);
}

static PalpStore *
empty_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    {
      folder = g_dir_make_tmp ("palpate-fuzz-archive-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  if (store == NULL)
    {
      path = g_build_filename (folder, "clinic.db", NULL);
      store = palp_store_open (path, PALP_STORE_OPEN_CREATE, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  PalpStore *target = empty_store ();
  gboolean ok;

  ok = palp_store_import_archive (target, bytes, &error);
  g_assert (ok == (error == NULL));
  if (ok)
    {
      /* An archive went in whole: the next input needs an empty clinic. */
      remove_database ();
      return 0;
    }
  g_assert (error->domain == PALP_STORE_ERROR);
  g_assert (error->code == PALP_STORE_ERROR_INVALID);
  /* Every archive error starts with the JSON path at fault. */
  g_assert (g_str_has_prefix (error->message, "$"));
  /* Nothing was imported. */
  g_assert_cmpint (palp_store_count_clients (target, NULL), ==, 0);
  return 0;
}
