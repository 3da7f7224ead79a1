/* palp-icd10.c: ICD-10-CM codes — their shape, and CDC's code files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-icd10.h"

/* Columns of the order file, counted from 0 (CDC counts from 1). */
#define ORDER_NUMBER_AT   0
#define ORDER_NUMBER_LEN  5
#define CODE_AT           6
#define CODE_LEN          7
#define FLAG_AT           14
#define SHORT_AT          16
#define SHORT_LEN         60
#define LONG_AT           77

/* A description longer than this is not CDC's (theirs stay under 400). */
#define DESCRIPTION_MAX_CHARS 1000

/* Reads a code in any case, with or without its dot, into @out (printed
 * form, at most 7 characters + dot + NUL). NULL when it fits, else the
 * untranslated message to report. */
static const char *
normalize_code (const char *text,
                gsize       len,
                char        out[PALP_ICD10_MAX_CHARS + 2])
{
  char bare[PALP_ICD10_MAX_CHARS + 1];
  gboolean dotted = FALSE;
  gsize n = 0;
  gsize k = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '.')
        {
          /* The dot belongs after the category, and only there. */
          if (n != 3 || dotted)
            return N_("Put the dot in a diagnosis code after the third character, as in M54.2.");
          if (i + 1 == len)
            return N_("A diagnosis code does not end with a dot: add the characters after it "
                      "or remove it.");
          dotted = TRUE;
          continue;
        }
      if (!g_ascii_isalnum (c))
        return N_("A diagnosis code has letters, digits and one dot only, as in M54.2.");
      if (n == PALP_ICD10_MAX_CHARS)
        return N_("A diagnosis code has at most seven letters and digits, as in S13.4XXA.");
      bare[n++] = g_ascii_toupper (c);
    }

  if (n < 3)
    return N_("A diagnosis code has at least three characters, as in M54.");
  if (!g_ascii_isalpha (bare[0]))
    return N_("A diagnosis code starts with a letter, as in M54.2.");
  if (!g_ascii_isdigit (bare[1]))
    return N_("The second character of a diagnosis code is a digit, as in M54.2.");

  for (gsize i = 0; i < n; i++)
    {
      if (i == 3)
        out[k++] = '.';
      out[k++] = bare[i];
    }
  out[k] = '\0';
  return NULL;
}

char *
palp_icd10_normalize (const char  *text,
                      GError     **error)
{
  char out[PALP_ICD10_MAX_CHARS + 2];
  const char *start;
  const char *end;
  const char *why;

  if (text == NULL)
    text = "";
  start = text;
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (end == start)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Enter a diagnosis code, as in M54.2."));
      return NULL;
    }

  why = normalize_code (start, (gsize) (end - start), out);
  if (why != NULL)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID, _(why));
      return NULL;
    }
  return g_strdup (out);
}

gboolean
palp_icd10_validate (const char  *text,
                     GError     **error)
{
  g_autofree char *printed = palp_icd10_normalize (text, error);

  if (printed == NULL)
    return FALSE;
  if (strcmp (printed, text) != 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("Write the diagnosis code as %s: capitals, with a dot after the third "
                     "character."),
                   printed);
      return FALSE;
    }
  return TRUE;
}

char *
palp_icd10_strip_dot (const char *code)
{
  GString *s;

  g_return_val_if_fail (code != NULL, NULL);

  s = g_string_sized_new (PALP_ICD10_MAX_CHARS + 1);
  for (const char *p = code; *p; p++)
    if (*p != '.')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

PalpLaterality
palp_icd10_laterality_from_description (const char *description)
{
  g_auto(GStrv) words = NULL;
  gboolean right = FALSE;
  gboolean left = FALSE;
  gboolean bilateral = FALSE;
  g_autofree char *lower = NULL;

  if (description == NULL)
    return PALP_LATERALITY_NONE;

  lower = g_utf8_strdown (description, -1);
  for (char *p = lower; *p; p++)
    if (!g_ascii_isalnum (*p) && (guchar) *p < 0x80)
      *p = ' ';
  words = g_strsplit (lower, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strcmp (words[i], "unspecified") == 0 && words[i + 1] != NULL &&
          strcmp (words[i + 1], "side") == 0)
        return PALP_LATERALITY_UNSPECIFIED;
      right |= strcmp (words[i], "right") == 0;
      left |= strcmp (words[i], "left") == 0;
      bilateral |= strcmp (words[i], "bilateral") == 0;
    }

  /* "right and left" is rare enough that guessing is worse than saying
   * nothing. */
  if (bilateral && !right && !left)
    return PALP_LATERALITY_BILATERAL;
  if (right && !left && !bilateral)
    return PALP_LATERALITY_RIGHT;
  if (left && !right && !bilateral)
    return PALP_LATERALITY_LEFT;
  return PALP_LATERALITY_NONE;
}

void
palp_icd10_entry_clear (PalpIcd10Entry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->code, g_free);
  g_clear_pointer (&entry->short_description, g_free);
  g_clear_pointer (&entry->long_description, g_free);
  memset (entry, 0, sizeof *entry);
}

void
palp_icd10_entry_free (PalpIcd10Entry *entry)
{
  if (entry == NULL)
    return;
  palp_icd10_entry_clear (entry);
  g_free (entry);
}

PalpIcd10Entry *
palp_icd10_entry_copy (const PalpIcd10Entry *entry)
{
  PalpIcd10Entry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (PalpIcd10Entry, 1);
  copy->order = entry->order;
  copy->code = g_strdup (entry->code);
  copy->billable = entry->billable;
  copy->short_description = g_strdup (entry->short_description);
  copy->long_description = g_strdup (entry->long_description);
  return copy;
}

static gboolean
line_error (GError     **error,
            const char  *message)
{
  g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID, message);
  return FALSE;
}

/* The text between @from and @to, spaces on the right dropped. */
static char *
field (const char *from,
       const char *to)
{
  while (to > from && to[-1] == ' ')
    to--;
  return g_strndup (from, (gsize) (to - from));
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

gboolean
palp_icd10_parse_order_line (const char      *line,
                             PalpIcd10Entry  *out,
                             GError         **error)
{
  char printed[PALP_ICD10_MAX_CHARS + 2];
  const char *end;
  const char *p;
  const char *code_end;
  const char *short_start;
  const char *long_start;
  g_autofree char *short_text = NULL;
  g_autofree char *long_text = NULL;
  glong n_chars;
  guint order = 0;
  gsize code_len;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  end = line + strlen (line);
  while (end > line && (end[-1] == '\n' || end[-1] == '\r'))
    end--;

  if (!g_utf8_validate (line, end - line, NULL))
    return line_error (error, _("The line is not valid UTF-8 text."));
  n_chars = g_utf8_strlen (line, end - line);
  /* Up to the first character of the long description. */
  if (n_chars < LONG_AT + 1)
    return line_error (error, _("The line is too short for CDC's order file: it must reach "
                                "the long description in column 78."));

  /* The first 17 columns must be ASCII for the columns to line up. */
  for (guint i = 0; i < SHORT_AT; i++)
    if ((guchar) line[i] >= 0x80)
      return line_error (error, _("The order number, code and flag columns hold unexpected "
                                  "characters."));

  for (guint i = ORDER_NUMBER_AT; i < ORDER_NUMBER_AT + ORDER_NUMBER_LEN; i++)
    {
      if (!g_ascii_isdigit (line[i]))
        return line_error (error, _("Columns 1 to 5 must hold the order number, five digits."));
      order = order * 10 + (guint) (line[i] - '0');
    }
  if (order == 0)
    return line_error (error, _("The order number in columns 1 to 5 must not be zero."));

  if (line[CODE_AT - 1] != ' ' || line[FLAG_AT - 1] != ' ' || line[FLAG_AT + 1] != ' ')
    return line_error (error, _("Columns 6, 14 and 16 must be blank: the columns do not line "
                                "up with CDC's order file."));

  code_end = line + CODE_AT;
  while (code_end < line + CODE_AT + CODE_LEN && *code_end != ' ')
    code_end++;
  code_len = (gsize) (code_end - (line + CODE_AT));
  for (p = code_end; p < line + CODE_AT + CODE_LEN; p++)
    if (*p != ' ')
      return line_error (error, _("The code in columns 7 to 13 has a space inside it."));
  if (code_len == 0)
    return line_error (error, _("Columns 7 to 13 must hold a code."));
  if (memchr (line + CODE_AT, '.', code_len) != NULL)
    return line_error (error, _("Codes in the order file are written without a dot."));
  if (normalize_code (line + CODE_AT, code_len, printed) != NULL)
    return line_error (error, _("The code in columns 7 to 13 does not have the shape of an "
                                "ICD-10-CM code."));

  if (line[FLAG_AT] != '0' && line[FLAG_AT] != '1')
    return line_error (error, _("Column 15 must be 1 for a billable code or 0 for a header."));

  short_start = line + SHORT_AT;
  long_start = g_utf8_offset_to_pointer (line, LONG_AT);
  if (g_utf8_prev_char (long_start)[0] != ' ')
    return line_error (error, _("Column 77 must be blank: the short description is longer "
                                "than 60 characters."));

  short_text = field (short_start, g_utf8_prev_char (long_start));
  long_text = field (long_start, end);
  if (*short_text == '\0' || *short_text == ' ')
    return line_error (error, _("The short description in columns 17 to 76 is missing."));
  if (*long_text == '\0' || *long_text == ' ')
    return line_error (error, _("The long description from column 78 is missing."));
  if (has_control (short_text) || has_control (long_text))
    return line_error (error, _("A description holds control characters."));
  if (g_utf8_strlen (long_text, -1) > DESCRIPTION_MAX_CHARS)
    return line_error (error, _("The long description is too long to be CDC's."));

  out->order = order;
  out->code = g_strdup (printed);
  out->billable = line[FLAG_AT] == '1';
  out->short_description = g_steal_pointer (&short_text);
  out->long_description = g_steal_pointer (&long_text);
  return TRUE;
}

/* Calls @func on each line of @bytes with its number (from 1); blank lines
 * are passed too. Stops at the first FALSE. */
typedef gboolean (*LineFunc) (const char  *line,
                              guint        number,
                              gpointer     data,
                              GError     **error);

static gboolean
for_each_line (GBytes     *bytes,
               LineFunc    func,
               gpointer    data,
               GError    **error)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  const char *end, *p;
  guint number = 0;

  /* Empty bytes may have no data at all: no pointer to count from. */
  if (text == NULL)
    return TRUE;
  end = text + size;
  p = text;

  /* A byte-order mark, as spreadsheet programs write. */
  if (size >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  if (memchr (text, '\0', size) != NULL)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The file is not a text file."));
      return FALSE;
    }

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;
      g_autofree char *line = g_strndup (p, (gsize) (line_end - p));
      g_autoptr(GError) local_error = NULL;

      number++;
      if (!func (line, number, data, &local_error))
        {
          /* Translators: prefixed to what is wrong with one line of a file */
          g_prefix_error (&local_error, _("Line %u: "), number);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      p = line_end + (nl != NULL ? 1 : 0);
    }
  return TRUE;
}

static gboolean
is_blank_line (const char *line)
{
  for (const char *p = line; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

typedef struct
{
  GPtrArray  *entries;
  GHashTable *seen;      /* printed code -> line number */
  guint       last_order;
} Reader;

static gboolean
seen_before (Reader      *reader,
             const char  *code,
             guint        number,
             GError     **error)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (reader->seen, code));

  if (first != 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The code %s is listed twice, first on line %u."), code, first);
      return TRUE;
    }
  g_hash_table_insert (reader->seen, g_strdup (code), GUINT_TO_POINTER (number));
  return FALSE;
}

static gboolean
read_order_line (const char  *line,
                 guint        number,
                 gpointer     data,
                 GError     **error)
{
  Reader *reader = data;
  g_autoptr(PalpIcd10Entry) entry = g_new0 (PalpIcd10Entry, 1);

  if (is_blank_line (line))
    return TRUE;
  if (!palp_icd10_parse_order_line (line, entry, error))
    return FALSE;
  if (entry->order <= reader->last_order)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The order number %u does not follow %u: the file is out of order or "
                     "damaged."),
                   entry->order, reader->last_order);
      return FALSE;
    }
  if (seen_before (reader, entry->code, number, error))
    return FALSE;
  reader->last_order = entry->order;
  g_ptr_array_add (reader->entries, g_steal_pointer (&entry));
  return TRUE;
}

static GPtrArray *
read_list (GBytes      *bytes,
           LineFunc     func,
           GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) palp_icd10_entry_free);
  Reader reader = { entries, seen, 0 };

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!for_each_line (bytes, func, &reader, error))
    return NULL;
  if (entries->len == 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The file holds no diagnosis codes."));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
palp_icd10_parse_order_file (GBytes  *bytes,
                             GError **error)
{
  return read_list (bytes, read_order_line, error);
}

static gboolean
read_tsv_line (const char  *line,
               guint        number,
               gpointer     data,
               GError     **error)
{
  Reader *reader = data;
  g_auto(GStrv) fields = NULL;
  g_autoptr(PalpIcd10Entry) entry = NULL;
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  gsize len = strlen (line);

  if (len > 0 && line[len - 1] == '\r')
    len--;
  if (line[0] == '#' || is_blank_line (line))
    return TRUE;
  if (!g_utf8_validate (line, (gssize) len, NULL))
    return line_error (error, _("The line is not valid UTF-8 text."));

  fields = g_strsplit (line, "\t", -1);
  if (g_strv_length (fields) != 2)
    return line_error (error, _("Each line holds a code, a tab, and its description."));
  if (!(code = palp_icd10_normalize (fields[0], error)))
    return FALSE;
  description = g_strstrip (g_strdup (fields[1]));
  /* The \r of a Windows line end is whitespace, so strip drops it. */
  if (*description == '\0')
    return line_error (error, _("The code has no description."));
  if (has_control (description))
    return line_error (error, _("A description holds control characters."));
  if (seen_before (reader, code, number, error))
    return FALSE;

  entry = g_new0 (PalpIcd10Entry, 1);
  entry->order = reader->entries->len + 1;
  entry->code = g_steal_pointer (&code);
  entry->billable = TRUE;
  entry->long_description = g_steal_pointer (&description);
  g_ptr_array_add (reader->entries, g_steal_pointer (&entry));
  return TRUE;
}

GPtrArray *
palp_icd10_load_tsv (GBytes  *bytes,
                     GError **error)
{
  return read_list (bytes, read_tsv_line, error);
}
