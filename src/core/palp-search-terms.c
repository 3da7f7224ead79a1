/* palp-search-terms.c: what a person typed into the client search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-search-terms.h"

/* At most this many words are used: the rest of a pasted paragraph would
 * only slow the query. */
#define MAX_TERMS 8

char *
palp_search_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  out = g_string_new (NULL);
  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType t = g_unichar_type (c);

      /* Combining marks go: "Zoë" folds to "zoe". */
      if (t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
          t == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
term_free (gpointer data)
{
  PalpSearchTerm *term = data;

  g_free (term->value);
  g_free (term);
}

static void
add_term (GPtrArray          *terms,
          PalpSearchTermKind  kind,
          char               *value)
{
  PalpSearchTerm *term = g_new0 (PalpSearchTerm, 1);

  term->kind = kind;
  term->value = value;
  g_ptr_array_add (terms, term);
}

/* A word made of digits and phone punctuation only. */
static char *
phone_digits (const char *word)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr ("+-().", *p) == NULL)
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

GPtrArray *
palp_search_terms_parse (const char  *text,
                         PalpCountry  country)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (term_free);
  g_autofree char *folded = palp_search_fold (text);
  g_auto(GStrv) words = NULL;

  /* Phone numbers are typed with spaces: "(206) 555-01" is one number. */
  words = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; words[i] != NULL && terms->len < MAX_TERMS; i++)
    {
      const char *word = words[i];
      g_autofree char *digits = NULL;
      GDate date;

      if (*word == '\0')
        continue;

      if (palp_date_parse_user (word, country, &date))
        {
          add_term (terms, PALP_SEARCH_TERM_DATE,
                    g_strdup_printf ("%04u%02u%02u", (guint) g_date_get_year (&date),
                                     (guint) g_date_get_month (&date),
                                     (guint) g_date_get_day (&date)));
          continue;
        }

      digits = phone_digits (word);
      if (digits != NULL)
        {
          if (strlen (digits) == 4 && strlen (word) == 4 &&
              (g_str_has_prefix (digits, "19") || g_str_has_prefix (digits, "20")))
            {
              add_term (terms, PALP_SEARCH_TERM_YEAR, g_steal_pointer (&digits));
              continue;
            }
          /* Consecutive number groups join: "(206) 555" → "206555". */
          if (terms->len > 0)
            {
              PalpSearchTerm *last = g_ptr_array_index (terms, terms->len - 1);

              if (last->kind == PALP_SEARCH_TERM_DIGITS)
                {
                  char *joined = g_strconcat (last->value, digits, NULL);

                  g_free (last->value);
                  last->value = joined;
                  continue;
                }
            }
          add_term (terms, PALP_SEARCH_TERM_DIGITS, g_steal_pointer (&digits));
          continue;
        }

      /* Words: keep letters and digits; punctuation splits ("o'brien" →
       * "o", "brien"; "name@example.com" → "name", "example", "com"). */
      {
        GString *part = g_string_new (NULL);

        for (const char *p = word;; p = g_utf8_next_char (p))
          {
            gunichar c = *p ? g_utf8_get_char (p) : 0;

            if (c != 0 && g_unichar_isalnum (c))
              {
                g_string_append_unichar (part, c);
                continue;
              }
            if (part->len > 0 && terms->len < MAX_TERMS)
              add_term (terms, PALP_SEARCH_TERM_TEXT, g_strdup (part->str));
            g_string_truncate (part, 0);
            if (c == 0)
              break;
          }
        g_string_free (part, TRUE);
      }
    }

  return terms;
}
