/* palp-receipt-number.c: how receipt numbers are written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-receipt-number.h"

#define PATTERN_MAX_CHARS 64
#define SEQ_MAX_WIDTH     12

typedef enum
{
  TOKEN_LITERAL,
  TOKEN_SERIES,
  TOKEN_YEAR,
  TOKEN_SEQ,
} TokenKind;

typedef struct
{
  TokenKind  kind;
  char      *text;   /* TOKEN_LITERAL */
  guint      width;  /* TOKEN_SEQ: 0 for no padding */
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_free (token->text);
}

static GArray *
tokens_new (void)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));

  g_array_set_clear_func (tokens, token_clear);
  return tokens;
}

static void
flush_literal (GArray  *tokens,
               GString *literal)
{
  Token token = { TOKEN_LITERAL, NULL, 0 };

  if (literal->len == 0)
    return;

  token.text = g_strndup (literal->str, literal->len);
  g_array_append_val (tokens, token);
  g_string_truncate (literal, 0);
}

static gboolean
parse_placeholder (const char  *name,
                   Token       *token)
{
  if (strcmp (name, "series") == 0)
    token->kind = TOKEN_SERIES;
  else if (strcmp (name, "year") == 0)
    token->kind = TOKEN_YEAR;
  else if (strcmp (name, "seq") == 0)
    token->kind = TOKEN_SEQ;
  else if (g_str_has_prefix (name, "seq:"))
    {
      guint64 width;

      if (!g_ascii_string_to_unsigned (name + 4, 10, 1, SEQ_MAX_WIDTH, &width, NULL))
        return FALSE;
      token->kind = TOKEN_SEQ;
      token->width = (guint) width;
    }
  else
    return FALSE;

  return TRUE;
}

/* Splits @pattern into tokens; NULL and @error when it is not usable. */
static GArray *
tokenize (const char  *pattern,
          GError     **error)
{
  g_autoptr(GArray) tokens = tokens_new ();
  g_autoptr(GString) literal = g_string_new (NULL);
  guint n_series = 0, n_year = 0, n_seq = 0;

  if (pattern == NULL || pattern[0] == '\0')
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                   _("Enter a receipt number format, for example %s."),
                   PALP_RECEIPT_NUMBER_DEFAULT_PATTERN);
      return NULL;
    }

  if (!g_utf8_validate (pattern, -1, NULL) || g_utf8_strlen (pattern, -1) > PATTERN_MAX_CHARS)
    goto invalid;

  for (const char *p = pattern; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '{')
        {
          const char *close = strchr (p, '}');
          g_autofree char *name = NULL;
          Token token = { TOKEN_LITERAL, NULL, 0 };

          if (close == NULL)
            goto invalid;
          name = g_strndup (p + 1, close - p - 1);
          if (!parse_placeholder (name, &token))
            {
              g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("The receipt number format uses “{%s}”, which Palpate does not "
                             "know. Use {series}, {year} and {seq} or {seq:6}."),
                           name);
              return NULL;
            }

          flush_literal (tokens, literal);
          g_array_append_val (tokens, token);
          n_series += token.kind == TOKEN_SERIES;
          n_year += token.kind == TOKEN_YEAR;
          n_seq += token.kind == TOKEN_SEQ;
          p = close;
        }
      /* Spaces and controls would make numbers hard to type on a command
       * line or in a search; a stray brace is a typo. */
      else if (c == '}' || g_unichar_isspace (c) || g_unichar_iscntrl (c))
        goto invalid;
      else
        g_string_append_unichar (literal, c);
    }
  flush_literal (tokens, literal);

  if (n_series != 1 || n_seq != 1 || n_year > 1)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The receipt number format “%s” needs {series} and {seq} once each "
                     "(and {year} at most once), for example %s."),
                   pattern, PALP_RECEIPT_NUMBER_DEFAULT_PATTERN);
      return NULL;
    }

  return g_steal_pointer (&tokens);

invalid:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not a usable receipt number format: use letters, digits and "
                 "signs such as - or /, with {series}, {year} and {seq}, for example %s."),
               pattern != NULL ? pattern : "", PALP_RECEIPT_NUMBER_DEFAULT_PATTERN);
  return NULL;
}

gboolean
palp_receipt_pattern_validate (const char  *pattern,
                               GError     **error)
{
  g_autoptr(GArray) tokens = tokenize (pattern, error);

  return tokens != NULL;
}

gboolean
palp_receipt_pattern_has_year (const char *pattern)
{
  g_autoptr(GArray) tokens = tokenize (pattern, NULL);

  for (guint i = 0; tokens != NULL && i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).kind == TOKEN_YEAR)
      return TRUE;

  return FALSE;
}

char *
palp_receipt_number_format (const char           *pattern,
                            PalpServiceCategory   category,
                            int                   year,
                            gint64                seq,
                            GError              **error)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) out = NULL;

  if (!(tokens = tokenize (pattern, error)))
    return NULL;

  if ((guint) category >= PALP_SERVICE_CATEGORY_COUNT)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("A receipt needs a service category to be numbered."));
      return NULL;
    }
  if (year < 1000 || year > 9999)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("%d is not a year a receipt can carry. Check the computer's date."),
                   year);
      return NULL;
    }
  if (seq < 1 || seq > PALP_RECEIPT_NUMBER_MAX_SEQ)
    {
      g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("%s is not a valid receipt sequence number."), seq_text);
      return NULL;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      switch (token->kind)
        {
        case TOKEN_LITERAL:
          g_string_append (out, token->text);
          break;
        case TOKEN_SERIES:
          g_string_append (out, palp_service_category_series (category));
          break;
        case TOKEN_YEAR:
          g_string_append_printf (out, "%04d", year);
          break;
        case TOKEN_SEQ:
          g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) token->width, seq);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
palp_receipt_number_parse (const char           *pattern,
                           const char           *number,
                           PalpServiceCategory  *out_category,
                           int                  *out_year,
                           gint64               *out_seq,
                           GError              **error)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) expression = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *series = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *seq_text = NULL;
  g_autofree char *again = NULL;
  PalpServiceCategory category;
  guint64 year = 0;
  guint64 seq;
  gboolean has_year = FALSE;

  if (!(tokens = tokenize (pattern, error)))
    return FALSE;

  if (number == NULL || number[0] == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Enter a receipt number."));
      return FALSE;
    }

  expression = g_string_new ("^");
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      switch (token->kind)
        {
        case TOKEN_LITERAL:
          {
            g_autofree char *escaped = g_regex_escape_string (token->text, -1);

            g_string_append (expression, escaped);
          }
          break;
        case TOKEN_SERIES:
          g_string_append (expression, "(?<series>[TEG])");
          break;
        case TOKEN_YEAR:
          g_string_append (expression, "(?<year>[0-9]{4})");
          has_year = TRUE;
          break;
        case TOKEN_SEQ:
          g_string_append_printf (expression, "(?<seq>[0-9]{%u,})", MAX (token->width, 1));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (expression, "$");

  regex = g_regex_new (expression->str, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (regex != NULL);

  if (!g_regex_match (regex, number, 0, &match))
    goto mismatch;

  series = g_match_info_fetch_named (match, "series");
  seq_text = g_match_info_fetch_named (match, "seq");
  if (has_year)
    year_text = g_match_info_fetch_named (match, "year");

  if (!palp_service_category_from_series (series, &category)
      || !g_ascii_string_to_unsigned (seq_text, 10, 1, PALP_RECEIPT_NUMBER_MAX_SEQ, &seq, NULL)
      || (has_year && !g_ascii_string_to_unsigned (year_text, 10, 1000, 9999, &year, NULL)))
    goto mismatch;

  /* Only the spelling the formatter writes is a receipt number: no extra
   * leading zeros, so one receipt has exactly one number. */
  again = palp_receipt_number_format (pattern, category, has_year ? (int) year : 2000,
                                      (gint64) seq, NULL);
  if (g_strcmp0 (again, number) != 0)
    goto mismatch;

  if (out_category != NULL)
    *out_category = category;
  if (out_year != NULL)
    *out_year = (int) year;
  if (out_seq != NULL)
    *out_seq = (gint64) seq;
  return TRUE;

mismatch:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not a receipt number of the form “%s”."), number, pattern);
  return FALSE;
}
