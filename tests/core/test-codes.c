/* test-codes.c: NPI and ICD-10-CM shapes, CDC's order file and the curated
 * code list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-core-error.h"
#include "palp-icd10.h"
#include "palp-npi.h"

static void
test_npi_check_digit (void)
{
  /* The worked example of CMS's check-digit rule. */
  g_assert_cmpint (palp_npi_check_digit ("123456789"), ==, 3);
  g_assert_cmpint (palp_npi_check_digit ("100000000"), ==, 4);
  g_assert_cmpint (palp_npi_check_digit ("12345678"), ==, -1);
  g_assert_cmpint (palp_npi_check_digit ("1234567890"), ==, -1);
  g_assert_cmpint (palp_npi_check_digit ("12345678a"), ==, -1);
  g_assert_cmpint (palp_npi_check_digit (NULL), ==, -1);
}

static void
test_npi_validate (void)
{
  g_autoptr(GError) error = NULL;
  const char *valid[] = { "1234567893", "1000000004", "1245319599", "1003000126" };
  struct
  {
    const char *text;
    gint code;
    const char *says;
  } invalid[] = {
    { "", PALP_CORE_ERROR_REQUIRED, "ten digits" },
    { "123456789", PALP_CORE_ERROR_INVALID, "has 9" },
    { "12345678931", PALP_CORE_ERROR_INVALID, "has 11" },
    { "123456789O", PALP_CORE_ERROR_INVALID, "digits only" },
    { "1234-67893", PALP_CORE_ERROR_INVALID, "digits only" },
    { " 1234567893", PALP_CORE_ERROR_INVALID, "digits only" },
    { "1234567890", PALP_CORE_ERROR_INVALID, "last digit" },
    { "1234567839", PALP_CORE_ERROR_INVALID, "last digit" },  /* two digits swapped */
    { "3234567893", PALP_CORE_ERROR_INVALID, "1 or 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_assert_true (palp_npi_validate (valid[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (palp_npi_validate (invalid[i].text, &error));
      g_assert_error (error, PALP_CORE_ERROR, invalid[i].code);
      g_assert_nonnull (strstr (error->message, invalid[i].says));
      g_clear_error (&error);
    }
  g_assert_false (palp_npi_validate (NULL, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
}

static void
test_icd10_normalize (void)
{
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *typed;
    const char *printed;
  } good[] = {
    { "m542", "M54.2" },
    { "M54.2", "M54.2" },
    { "  s134xxa ", "S13.4XXA" },
    { "M54", "M54" },
    { "m26621", "M26.621" },
    { "U071", "U07.1" },
    { "g44.209", "G44.209" },
    { "Z92.3", "Z92.3" },
    { "M5450", "M54.50" },
  };
  const char *bad[] = {
    "M5", "M", "5M4", "MM4", "M54.", "M5.42", "M.542", "M54.2.1", "M54..2", "M54 2",
    "M54-2", "S13.4XXAB", "S134XXAB", "M54.21234", "É54", "M54.2;",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *printed = palp_icd10_normalize (good[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (printed, ==, good[i].printed);
      g_assert_true (palp_icd10_validate (printed, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *oops = palp_icd10_normalize (bad[i], &error);

      if (oops != NULL)
        g_error ("“%s” was read as %s", bad[i], oops);
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (palp_icd10_validate (bad[i], &error));
      g_clear_error (&error);
    }

  g_assert_null (palp_icd10_normalize ("   ", &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_null (palp_icd10_normalize (NULL, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  /* The printed form only: the message shows it. */
  g_assert_false (palp_icd10_validate ("m54.2", &error));
  g_assert_nonnull (strstr (error->message, "M54.2"));
  g_clear_error (&error);
  g_assert_false (palp_icd10_validate ("M542", &error));
  g_clear_error (&error);
  g_assert_false (palp_icd10_validate (" M54.2", &error));
  g_clear_error (&error);

  /* Seven characters is the longest, with or without the dot; more is
   * said so. */
  g_assert_null (palp_icd10_normalize ("S134XXAA", &error));
  g_assert_nonnull (strstr (error->message, "seven"));
  g_clear_error (&error);
}

static void
test_icd10_strip_dot (void)
{
  g_autofree char *a = palp_icd10_strip_dot ("M54.2");
  g_autofree char *b = palp_icd10_strip_dot ("S13.4XXA");
  g_autofree char *c = palp_icd10_strip_dot ("M54");

  g_assert_cmpstr (a, ==, "M542");
  g_assert_cmpstr (b, ==, "S134XXA");
  g_assert_cmpstr (c, ==, "M54");
}

static void
test_icd10_laterality (void)
{
  g_assert_cmpint (palp_icd10_laterality_from_description ("Arthralgia of right temporomandibular "
                                                           "joint"),
                   ==, PALP_LATERALITY_RIGHT);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Pain in left shoulder"), ==,
                   PALP_LATERALITY_LEFT);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Bilateral temporomandibular joint "
                                                           "disorder, unspecified"),
                   ==, PALP_LATERALITY_BILATERAL);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Sciatica, unspecified side"), ==,
                   PALP_LATERALITY_UNSPECIFIED);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Sciatica, right side"), ==,
                   PALP_LATERALITY_RIGHT);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Cervicalgia"), ==,
                   PALP_LATERALITY_NONE);
  /* Whole words only: "leftover" and "bright" name no side. */
  g_assert_cmpint (palp_icd10_laterality_from_description ("Bright leftover"), ==,
                   PALP_LATERALITY_NONE);
  g_assert_cmpint (palp_icd10_laterality_from_description ("Pain in right and left knee"), ==,
                   PALP_LATERALITY_NONE);
  g_assert_cmpint (palp_icd10_laterality_from_description (NULL), ==, PALP_LATERALITY_NONE);
}

/* A line of the order file from its fields, padded as CDC pads them. */
static char *
order_line (guint        order,
            const char  *code,
            char         flag,
            const char  *short_text,
            const char  *long_text)
{
  return g_strdup_printf ("%05u %-7s %c %-60s %s", order, code, flag, short_text, long_text);
}

static void
test_order_line (void)
{
  g_autoptr(GError) error = NULL;
  PalpIcd10Entry entry = { 0 };
  g_autofree char *good = order_line (7, "M26621", '1', "Arthralgia of right TMJ",
                                      "Arthralgia of right temporomandibular joint");
  g_autofree char *header = order_line (12345, "M54", '0', "Dorsalgia", "Dorsalgia\r\n");
  /* Padded to 61 bytes: "ö" takes two. */
  g_autofree char *accented = g_strdup_printf ("%05u %-7s %c %-61s %s", 3, "M350", '1',
                                               "Sjögren syndrome, unspecified",
                                               "Sjögren syndrome, unspecified");
  g_autofree char *long_short = NULL;
  struct
  {
    char *line;
    const char *says;
  } bad[] = {
    { g_strdup (""), "too short" },
    { g_strdup ("00001 M542    1 Cervicalgia"), "too short" },
    { order_line (0, "M542", '1', "Cervicalgia", "Cervicalgia"), "zero" },
    { order_line (1, "M542", '2', "Cervicalgia", "Cervicalgia"), "Column 15" },
    { order_line (1, "M54.2", '1', "Cervicalgia", "Cervicalgia"), "without a dot" },
    { order_line (1, "M5 2", '1', "Cervicalgia", "Cervicalgia"), "space inside" },
    { order_line (1, "", '1', "Cervicalgia", "Cervicalgia"), "must hold a code" },
    { order_line (1, "5M42", '1', "Cervicalgia", "Cervicalgia"), "shape" },
    { order_line (1, "M542", '1', "", "Cervicalgia"), "short description" },
    { order_line (1, "M542", '1', "Cervicalgia", " "), "long description" },
    { g_strdup_printf ("0000A %-7s 1 %-60s %s", "M542", "Cervicalgia", "Cervicalgia"),
      "order number" },
    { g_strdup_printf ("00001-%-7s 1 %-60s %s", "M542", "Cervicalgia", "Cervicalgia"),
      "Columns 6" },
    /* The long description starts a column late. */
    { g_strdup_printf ("00001 %-7s 1 %-61s %s", "M542", "Cervicalgia", "Cervicalgia"),
      "long description" },
    { g_strdup_printf ("00001 %-7s 1 %-60s %s", "M542", "Cervi\tcalgia", "Cervicalgia"),
      "control" },
    { g_strdup ("00001 M542    1 Cervicalgia\xff                                           "
                "                 Cervicalgia"), "UTF-8" },
  };

  g_assert_true (palp_icd10_parse_order_line (good, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (entry.order, ==, 7);
  g_assert_cmpstr (entry.code, ==, "M26.621");
  g_assert_true (entry.billable);
  g_assert_cmpstr (entry.short_description, ==, "Arthralgia of right TMJ");
  g_assert_cmpstr (entry.long_description, ==, "Arthralgia of right temporomandibular joint");
  palp_icd10_entry_clear (&entry);
  g_assert_null (entry.code);

  g_assert_true (palp_icd10_parse_order_line (header, &entry, &error));
  g_assert_cmpuint (entry.order, ==, 12345);
  g_assert_cmpstr (entry.code, ==, "M54");
  g_assert_false (entry.billable);
  g_assert_cmpstr (entry.long_description, ==, "Dorsalgia");
  palp_icd10_entry_clear (&entry);

  /* Columns are characters, not bytes. */
  g_assert_true (palp_icd10_parse_order_line (accented, &entry, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (entry.short_description, ==, "Sjögren syndrome, unspecified");
  g_assert_cmpstr (entry.long_description, ==, "Sjögren syndrome, unspecified");
  palp_icd10_entry_clear (&entry);

  /* A short description that runs into column 77. */
  long_short = g_strdup_printf ("00001 %-7s 1 %s %s", "M542", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Cervicalgia");
  g_assert_false (palp_icd10_parse_order_line (long_short, &entry, &error));
  g_assert_nonnull (strstr (error->message, "Column 77"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (palp_icd10_parse_order_line (bad[i].line, &entry, &error))
        g_error ("bad line %u was read as %s", i, entry.code);
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
      if (strstr (error->message, bad[i].says) == NULL)
        g_error ("bad line %u: “%s” does not say “%s”", i, error->message, bad[i].says);
      g_clear_error (&error);
      /* Nothing half-filled. */
      g_assert_null (entry.code);
      g_free (bad[i].line);
    }
}

static GBytes *
read_source_file (const char *first,
                  ...)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  const char *parts[6] = { first, NULL };
  va_list ap;
  guint n = 1;

  va_start (ap, first);
  while (n < G_N_ELEMENTS (parts) - 1 && (parts[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  parts[n] = NULL;

  path = g_build_filenamev ((char **) parts);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
test_order_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_source_file (g_test_get_dir (G_TEST_DIST), "core", "data",
                                              "icd10cm-order-sample.txt", NULL);
  g_autoptr(GPtrArray) entries = palp_icd10_parse_order_file (bytes, &error);
  const PalpIcd10Entry *e;

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 10);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->code, ==, "M54");
  g_assert_false (e->billable);
  e = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (e->code, ==, "M54.50");
  g_assert_true (e->billable);
  g_assert_cmpstr (e->long_description, ==, "Low back pain, unspecified");
  e = g_ptr_array_index (entries, 9);
  g_assert_cmpuint (e->order, ==, 10);
  g_assert_cmpstr (e->code, ==, "S16.1XXA");
  g_assert_cmpstr (e->short_description, ==, "Strain of muscle, fascia and tendon at neck level, "
                                             "init");
  g_assert_cmpstr (e->long_description, ==, "Strain of muscle, fascia and tendon at neck level, "
                                            "initial encounter");
}

static void
test_order_file_malformed (void)
{
  g_autofree char *l1 = order_line (1, "M54", '0', "Dorsalgia", "Dorsalgia");
  g_autofree char *l2 = order_line (2, "M542", '1', "Cervicalgia", "Cervicalgia");
  g_autofree char *l3 = order_line (3, "M545", '0', "Low back pain", "Low back pain");
  g_autofree char *l3_bad = order_line (3, "M545", 'x', "Low back pain", "Low back pain");
  g_autofree char *l2_again = order_line (4, "M542", '1', "Cervicalgia", "Cervicalgia");
  struct
  {
    char *text;
    const char *says;
  } cases[] = {
    /* A bad flag on line 4, after a blank line. */
    { g_strjoin ("\n", l1, l2, "", l3_bad, "", NULL), "Line 4: Column 15" },
    { g_strjoin ("\n", l1, l3, l2, NULL), "Line 3: The order number 2 does not follow 3" },
    { g_strjoin ("\n", l1, l2, l2_again, NULL), "Line 3: The code M54.2 is listed twice, "
                                                "first on line 2" },
    { g_strjoin ("\n", l1, "garbage", NULL), "Line 2: " },
    { g_strdup ("\n\n"), "no diagnosis codes" },
    { g_strdup (""), "no diagnosis codes" },
  };
  g_autoptr(GBytes) nul = g_bytes_new_static ("00001\0xx", 8);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (cases[i].text, strlen (cases[i].text));

      g_assert_null (palp_icd10_parse_order_file (bytes, &error));
      g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].says) &&
          strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_clear_error (&error);
    }

  g_assert_null (palp_icd10_parse_order_file (nul, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID);
}

static void
test_tsv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_source_file (g_test_get_dir (G_TEST_DIST), "..", "data",
                                              "codes", "icd10-massage.tsv", NULL);
  g_autoptr(GPtrArray) entries = palp_icd10_load_tsv (bytes, &error);
  const char *text = g_bytes_get_data (bytes, NULL);
  gboolean found_cervicalgia = FALSE;
  gboolean found_whiplash = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  /* The credit CDC asks for heads the list. */
  g_assert_true (g_str_has_prefix (text, "# Source: CDC, ICD-10-CM"));
  g_assert_cmpuint (entries->len, >=, 40);

  for (guint i = 0; i < entries->len; i++)
    {
      const PalpIcd10Entry *e = g_ptr_array_index (entries, i);

      g_assert_cmpuint (e->order, ==, i + 1);
      g_assert_true (palp_icd10_validate (e->code, &error));
      g_assert_no_error (error);
      g_assert_true (e->billable);
      g_assert_null (e->short_description);
      g_assert_cmpstr (e->long_description, !=, "");
      if (g_strcmp0 (e->code, "M54.2") == 0)
        found_cervicalgia = g_strcmp0 (e->long_description, "Cervicalgia") == 0;
      if (g_strcmp0 (e->code, "S13.4XXA") == 0)
        found_whiplash = TRUE;
    }
  g_assert_true (found_cervicalgia);
  g_assert_true (found_whiplash);
}

static void
test_tsv_malformed (void)
{
  struct
  {
    const char *text;
    const char *says;
  } cases[] = {
    { "# comment\nM54.2\tCervicalgia\nM54.2 Cervicalgia\n", "Line 3: " },
    { "M54.2\tCervicalgia\tmore\n", "Line 1: " },
    { "M54.2\t  \n", "Line 1: The code has no description" },
    { "\nM5\tToo short\n", "Line 2: " },
    { "M54.2\tCervicalgia\nm542\tCervicalgia again\n", "Line 2: The code M54.2 is listed twice" },
    { "# only a comment\n\n", "no diagnosis codes" },
    { "M54.2\tCervi\x01galgia\n", "Line 1: A description holds control characters" },
    { "M54.2\tCervicalgia\n\xff\tx\n", "Line 2: " },
  };
  g_autoptr(GError) error = NULL;
  const char *crlf_text = "\xef\xbb\xbf# BOM\r\nm542\tCervicalgia\r\n";
  g_autoptr(GBytes) crlf = g_bytes_new_static (crlf_text, strlen (crlf_text));
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));

      g_assert_null (palp_icd10_load_tsv (bytes, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].says);
      g_clear_error (&error);
    }

  /* A byte-order mark and Windows line ends are fine. */
  entries = palp_icd10_load_tsv (crlf, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((PalpIcd10Entry *) g_ptr_array_index (entries, 0))->long_description, ==,
                   "Cervicalgia");
}

static void
test_entry_copy (void)
{
  PalpIcd10Entry entry = { 4, (char *) "M54.50", TRUE, (char *) "LBP", (char *) "Low back pain, "
                           "unspecified" };
  g_autoptr(PalpIcd10Entry) copy = palp_icd10_entry_copy (&entry);

  g_assert_cmpuint (copy->order, ==, 4);
  g_assert_cmpstr (copy->code, ==, "M54.50");
  g_assert_true (copy->code != entry.code);
  g_assert_cmpstr (copy->short_description, ==, "LBP");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/npi/check-digit", test_npi_check_digit);
  g_test_add_func ("/codes/npi/validate", test_npi_validate);
  g_test_add_func ("/codes/icd10/normalize", test_icd10_normalize);
  g_test_add_func ("/codes/icd10/strip-dot", test_icd10_strip_dot);
  g_test_add_func ("/codes/icd10/laterality", test_icd10_laterality);
  g_test_add_func ("/codes/icd10/order-line", test_order_line);
  g_test_add_func ("/codes/icd10/order-file", test_order_file);
  g_test_add_func ("/codes/icd10/order-file-malformed", test_order_file_malformed);
  g_test_add_func ("/codes/icd10/tsv", test_tsv);
  g_test_add_func ("/codes/icd10/tsv-malformed", test_tsv_malformed);
  g_test_add_func ("/codes/icd10/entry-copy", test_entry_copy);

  return g_test_run ();
}
