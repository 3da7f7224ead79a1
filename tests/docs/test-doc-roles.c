/* test-doc-roles.c: the clinical documents as each role reads them
 *
 * The demo clinic's whole record and SOAP note, loaded by the store as a
 * practitioner and as an admin, read back with poppler: the admin gets
 * the documents with every note's text replaced by "Restricted" (dates,
 * techniques, signatures kept) unless the clinic lets admins read notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "palp-demo.h"
#include "palp-doc-clinical.h"
#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-permissions.h"
#include "palp-store-security.h"

typedef PopplerDocument TestPdf;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)

/* Grace Whitfield, Maya's client with signed notes, in the demo's order. */
#define CLIENT_TMD 1

typedef struct
{
  char      *dir;
  PalpStore *store;
  gint64     maya;
  gint64     rosa;
} Fixture;

static char *
words_of (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\r\f\xc2\xa0", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
pdf_words (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) pdf = palp_pdf_open (bytes, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = palp_pdf_get_text (pdf);
  return words_of (text);
}

/* The first words of @text, few enough never to wrap across a page. */
static char *
opening (const char *text)
{
  g_autofree char *all = words_of (text);
  g_auto(GStrv) words = g_strsplit (all, " ", 8);

  if (g_strv_length (words) == 8)
    g_clear_pointer (&words[7], g_free);
  return g_strjoinv (" ", words);
}

/* The opening words of every narrative field of @document's notes and
 * amendments. */
static GPtrArray *
narrative_of (const PalpClinicalDocument *document)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint v = 0; v < document->visits->len; v++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (document->visits, v);

      for (guint i = 0; visit->note != NULL && palp_note_narrative_fields[i] != NULL; i++)
        {
          const char *text = palp_soap_note_get_string (visit->note,
                                                        palp_note_narrative_fields[i]);

          if (text != NULL && strlen (text) > 12)
            g_ptr_array_add (out, opening (text));
        }
      for (guint a = 0; a < g_list_model_get_n_items (visit->amendments); a++)
        {
          g_autoptr(PalpAmendment) amendment = g_list_model_get_item (visit->amendments, a);
          const char *text = palp_amendment_get_string (amendment, "text");

          if (text != NULL && strlen (text) > 12)
            g_ptr_array_add (out, opening (text));
        }
    }
  return out;
}

static gint64
first_note (const PalpClinicalDocument *document)
{
  for (guint v = 0; v < document->visits->len; v++)
    {
      PalpVisitDocument *visit = g_ptr_array_index (document->visits, v);

      if (visit->note != NULL && palp_soap_note_get_int (visit->note, "signed"))
        return palp_visit_get_int (visit->visit, "id");
    }
  g_assert_not_reached ();
  return 0;
}

static gint64
user_id (PalpStore  *store,
         const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpUser) user = palp_store_find_user (store, login, &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);
  return palp_user_get_id (user);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("palpate-doc-roles-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "clinic.db", NULL);
  f->store = palp_demo_open (path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL, &error);
  g_assert_no_error (error);
  f->maya = user_id (f->store, "maya");
  f->rosa = user_id (f->store, "rosa");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The record and the first signed SOAP note of Grace, as the store's
 * actor reads them; the narrative they print is checked against @texts
 * (the practitioner's view of it). */
static void
assert_documents (Fixture   *f,
                  GPtrArray *texts,
                  gboolean   restricted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClinicalDocument) record = palp_store_load_client_document (f->store, CLIENT_TMD,
                                                                            &error);
  g_autoptr(PalpClinicalDocument) soap = NULL;
  g_autoptr(GBytes) record_pdf = NULL;
  g_autoptr(GBytes) soap_pdf = NULL;
  GBytes *pdfs[2];
  gint64 visit_id;

  g_assert_no_error (error);
  g_assert_cmpint (record->narrative_restricted, ==, restricted);
  visit_id = first_note (record);
  soap = palp_store_load_visit_document (f->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (soap->narrative_restricted, ==, restricted);

  /* What is restricted never reaches the document layer. */
  if (restricted)
    {
      g_autoptr(GPtrArray) held = narrative_of (record);

      for (guint i = 0; i < held->len; i++)
        g_assert_cmpstr (g_ptr_array_index (held, i), ==, palp_narrative_shown (FALSE, NULL));
    }

  pdfs[0] = record_pdf = palp_doc_record_render (record, &error);
  g_assert_no_error (error);
  pdfs[1] = soap_pdf = palp_doc_soap_render (soap, visit_id, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < G_N_ELEMENTS (pdfs); d++)
    {
      g_autofree char *words = pdf_words (pdfs[d]);
      guint found = 0;

      for (guint i = 0; i < texts->len; i++)
        if (strstr (words, g_ptr_array_index (texts, i)) != NULL)
          {
            if (restricted)
              g_printerr ("# printed: %s\n", (char *) g_ptr_array_index (texts, i));
            found++;
          }
      /* The whole record holds every note; the SOAP note one of them. */
      if (restricted)
        g_assert_cmpuint (found, ==, 0);
      else if (d == 0)
        g_assert_cmpuint (found, ==, texts->len);
      else
        g_assert_cmpuint (found, >=, 2);
      g_assert_cmpint (strstr (words, "Restricted: the text of clinical notes") != NULL, ==,
                       restricted);
      g_assert_cmpint (strstr (words, "Subjective Restricted") != NULL, ==, restricted);
      /* The rest of the record is everyone's. */
      g_assert_nonnull (strstr (words, "Grace Whitfield"));
      g_assert_nonnull (strstr (words, "Signed electronically by Maya"));
      g_assert_nonnull (strstr (words, "Safety and comfort"));
    }
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpClinicalDocument) maya_view = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  PalpSecuritySettings settings;

  palp_store_set_actor (f->store, f->maya);
  maya_view = palp_store_load_client_document (f->store, CLIENT_TMD, &error);
  g_assert_no_error (error);
  texts = narrative_of (maya_view);
  g_assert_cmpuint (texts->len, >=, 4);

  /* The practitioner reads everything. */
  assert_documents (f, texts, FALSE);
  /* The front desk, by default, does not; nor does nobody. */
  palp_store_set_actor (f->store, f->rosa);
  assert_documents (f, texts, TRUE);
  palp_store_set_actor (f->store, 0);
  assert_documents (f, texts, TRUE);

  /* Unless the clinic lets admins read notes. */
  palp_store_set_actor (f->store, f->rosa);
  palp_security_settings_init_default (&settings);
  g_assert_true (palp_store_load_security_settings (f->store, &settings, &error));
  settings.admins_read_narratives = TRUE;
  g_assert_true (palp_store_save_security_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  assert_documents (f, texts, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/clinical/roles", Fixture, NULL, fixture_setup, test_roles, fixture_teardown);
  return g_test_run ();
}
