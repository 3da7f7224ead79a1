/* test-audit.c: the audit log window, under Xvfb
 *
 * Opened from a demo client's Change History it shows that client's
 * entries only; the user and kind filters narrow them; a date that is not
 * one changes nothing; the whole clinic's log opens from the main menu for
 * an admin, not for a practitioner, and pages with Load More; its CSV
 * reads back with a header, ten columns a row, quotes where needed, and a
 * client name that looks like a formula neutralised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "palp-audit-window.h"
#include "palp-client-page.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-test-shot.h"
#include "palp-window.h"

/* Grace Whitfield, Maya's TMD client, first in the demo. */
#define CLIENT_TMD 1

typedef struct
{
  char       *dir;
  PalpStore  *store;
  PalpWindow *window;
  gint64      maya_id;
} Fixture;

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PalpAuditWindow *
find_audit_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (PALP_IS_AUDIT_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
sign_in (Fixture    *f,
         const char *login)
{
  palp_window_set_store (f->window, f->store, login);
  palp_test_spin (30);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PalpUser) maya = NULL;

  f->dir = g_dir_make_tmp ("palpate-audit-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  maya = palp_store_find_user (f->store, "maya", &error);
  g_assert_no_error (error);
  f->maya_id = palp_user_get_id (maya);

  f->window = g_object_ref_sink (g_object_new (PALP_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 860);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (l->data != (gpointer) f->window)
      gtk_window_destroy (l->data);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name (d)))
      {
        g_autofree char *p = g_build_filename (f->dir, name, NULL);

        g_unlink (p);
      }
    g_rmdir (f->dir);
  }
  g_free (f->dir);
}

static gint64
entry_int (GListModel *list,
           guint       i,
           const char *prop)
{
  g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (list, i);
  gint64 value = 0;

  g_object_get (entry, prop, &value, NULL);
  return value;
}

static char *
entry_string (GListModel *list,
              guint       i,
              const char *prop)
{
  g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (list, i);
  char *value = NULL;

  g_object_get (entry, prop, &value, NULL);
  return value;
}

/* RFC 4180, as a spreadsheet reads it: rows of cells. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && cell->len == 0)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (cell, *p);
            }
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p++;
        }
      else
        g_string_append_c (cell, *p);
      p++;
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (cell, TRUE);
  return rows;
}

static void
test_client_history (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page, *button;
  PalpAuditWindow *audit;
  GListModel *entries;
  guint n_all;

  /* Maya, a practitioner, opens her client's whole history. */
  sign_in (f, "maya");
  palp_window_show_section (f->window, "clients");
  palp_window_select_client (f->window, CLIENT_TMD);
  palp_test_spin (50);
  page = palp_test_find_widget (GTK_WIDGET (f->window), PALP_TYPE_CLIENT_PAGE);
  button = find_button (page, "_Show All…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  palp_test_spin (50);
  audit = find_audit_window ();
  g_assert_nonnull (audit);
  entries = palp_audit_window_get_entries (audit);
  n_all = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_all, >, 0);
  for (guint i = 0; i < n_all; i++)
    g_assert_cmpint (entry_int (entries, i, "client-id"), ==, CLIENT_TMD);
  palp_test_shoot (GTK_WINDOW (audit), "audit-client");

  /* Maya's changes only: the demo's admin (Rosa) wrote the receipts. */
  palp_audit_window_set_user (audit, f->maya_id);
  palp_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    g_assert_cmpint (entry_int (entries, i, "user-id"), ==, f->maya_id);

  /* Her notes, by kind. */
  palp_audit_window_set_kind (audit, PALP_AUDIT_KIND_NOTES);
  palp_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autofree char *table = entry_string (entries, i, "table-name");

      g_assert_cmpstr (table, ==, "soap_notes");
      g_assert_cmpint (entry_int (entries, i, "user-id"), ==, f->maya_id);
    }
  palp_test_shoot (GTK_WINDOW (audit), "audit-client-notes");

  /* A day that does not exist changes nothing and says why. */
  {
    guint before = g_list_model_get_n_items (entries);
    g_autoptr(GError) error = NULL;
    g_autofree char *out = g_build_filename (f->dir, "never.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (out);

    palp_audit_window_set_dates (audit, "02/30/2026", "");
    palp_test_spin (20);
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, before);
    g_assert_false (palp_audit_window_export (audit, file, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "MM/DD/YYYY"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    palp_test_shoot (GTK_WINDOW (audit), "audit-bad-date");

    /* A range far in the future matches nothing: the empty page. */
    palp_audit_window_set_dates (audit, "01/01/2090", "12/31/2090");
    palp_test_spin (20);
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
    palp_audit_window_set_dates (audit, "", "");
    palp_test_spin (20);
    g_assert_cmpuint (g_list_model_get_n_items (entries), ==, before);
  }

  /* The clinic's log is not hers: the menu does not open it. */
  gtk_window_destroy (GTK_WINDOW (audit));
  palp_test_spin (20);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.audit-log", NULL);
  palp_test_spin (30);
  g_assert_null (find_audit_window ());
}

static void
test_clinic_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autofree char *out = g_build_filename (f->dir, "audit.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PalpAuditWindow *audit;
  GListModel *entries;
  GStatBuf st;
  gboolean found = FALSE;
  guint n_first;

  sign_in (f, "rosa");
  /* A name someone typed that a spreadsheet would run. */
  g_object_set (client, "given-name", "=HYPERLINK(\"http://x\",\"y\")", "family-name", "Doe",
                NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  g_object_set (client, "notes", "+1, \"quoted\"", NULL);
  g_assert_true (palp_store_save_client (f->store, client, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.audit-log", NULL);
  palp_test_spin (50);
  audit = find_audit_window ();
  g_assert_nonnull (audit);
  entries = palp_audit_window_get_entries (audit);
  n_first = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_first, >, 0);
  palp_test_shoot (GTK_WINDOW (audit), "audit-clinic");

  /* A page at a time: Load More adds older entries after the first. */
  if (n_first == 200)
    {
      gint64 last = entry_int (entries, n_first - 1, "id");

      gtk_widget_activate_action (GTK_WIDGET (audit), "audit.load-more", NULL);
      palp_test_spin (20);
      g_assert_cmpuint (g_list_model_get_n_items (entries), >, n_first);
      g_assert_cmpint (entry_int (entries, n_first, "id"), <, last);
    }

  palp_audit_window_set_kind (audit, PALP_AUDIT_KIND_CLIENTS);
  palp_test_spin (20);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autofree char *table = entry_string (entries, i, "table-name");

      g_assert_cmpstr (table, ==, "clients");
    }
  palp_test_shoot (GTK_WINDOW (audit), "audit-clinic-clients");

  g_assert_true (palp_audit_window_export (audit, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (entries) + 1);
  {
    GPtrArray *header = g_ptr_array_index (rows, 0);

    g_assert_cmpuint (header->len, ==, 10);
    g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "Time");
    g_assert_cmpstr (g_ptr_array_index (header, 4), ==, "Client");
    g_assert_cmpstr (g_ptr_array_index (header, 6), ==, "Change");
  }
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->len, ==, 10);
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "Client");
      /* No cell starts a formula. */
      for (guint c = 0; c < row->len; c++)
        g_assert_null (strchr ("=+-@", ((const char *) g_ptr_array_index (row, c))[0] ?: 'x'));
      if (g_str_has_prefix (g_ptr_array_index (row, 4), "'=HYPERLINK"))
        {
          const char *change = g_ptr_array_index (row, 6);

          found = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "'=HYPERLINK(\"http://x\",\"y\") Doe");
          if (strstr (change, "notes") != NULL)
            g_assert_cmpstr (change, ==, "notes: — → +1, \"quoted\"");
        }
    }
  g_assert_true (found);
  /* The quotes were doubled on disk. */
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") Doe\""));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/audit/client-history", Fixture, NULL, fixture_setup, test_client_history,
              fixture_teardown);
  g_test_add ("/audit/clinic-export", Fixture, NULL, fixture_setup, test_clinic_export,
              fixture_teardown);

  return g_test_run ();
}
