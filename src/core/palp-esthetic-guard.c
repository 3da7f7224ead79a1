/* palp-esthetic-guard.c: what a cosmetic document must never say
 *
 * Words are compared on a folded copy of the text: lower case, accents
 * and compatibility forms removed, every run of non-alphanumerics turned
 * into one space, framed by spaces. A term then matches as " term " (or
 * " term" for a prefix such as "massotherap", which covers the therapy,
 * the therapist and the adjective), so "therapy" never matches inside
 * another word. Codes are shapes, so they are matched on the raw text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-esthetic-guard.h"

/* Bytes of context looked at around a term or a code. */
#define CONTEXT_BYTES 40

typedef enum
{
  TERM_WORD          = 0,
  TERM_PREFIX        = 1 << 0,  /* matches words starting with the term */
  TERM_UNLESS_TAX    = 1 << 1,  /* allowed beside a tax name: "GST Reg. No." */
} TermFlags;

typedef struct
{
  PalpEstheticFindingKind  kind;
  char                    *folded;  /* folded, without the framing spaces */
  TermFlags                flags;
} Term;

struct _PalpEstheticGuard
{
  GPtrArray *terms;
  GRegex    *icd_dotted;
  GRegex    *icd_in_context;
  GRegex    *five_digits;
};

typedef struct
{
  GString *text;
  GArray  *starts;  /* gsize per byte of text: where its character starts in the source */
  GArray  *ends;    /* gsize per byte of text: where its character ends in the source */
} Folded;

static const struct
{
  PalpEstheticFindingKind  kind;
  const char              *term;
  TermFlags                flags;
} builtin_terms[] = {
  /* Therapeutic wording, English and French. */
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "massage therap", TERM_PREFIX },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "therapeutic massage", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "massotherap", TERM_PREFIX },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "massage therapeutique", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "registered massage", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "licensed massage", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "rmt", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "lmt", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "lmp", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "cmt", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "r m t", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "l m t", TERM_WORD },
  { PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING, "l m p", TERM_WORD },
  /* Credentials. A tax registration must print, so "registration" and
   * "inscription" count only away from a tax name. */
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "licen", TERM_PREFIX },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "registration", TERM_UNLESS_TAX },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "reg no", TERM_UNLESS_TAX },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "inscription", TERM_UNLESS_TAX },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "member no", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "member number", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "membership", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "numero de membre", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "no de membre", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "numero de permis", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "no de permis", TERM_WORD },
  { PALP_ESTHETIC_FINDING_CREDENTIAL, "permis d exercice", TERM_WORD },
  /* Regulators and associations a receipt could name. */
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "cmto", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "cmtbc", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "cmmota", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "cmta", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "rmtao", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "rmtbc", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "mtaa", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "mtam", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "mtans", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "nhpc", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "natural health practitioners of canada", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "fqm", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "amta", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "abmp", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "associated bodywork", TERM_PREFIX },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "ncbtmb", TERM_WORD },
  { PALP_ESTHETIC_FINDING_ASSOCIATION, "fsmtb", TERM_WORD },
  /* Code systems by name. */
  { PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "cpt", TERM_WORD },
  { PALP_ESTHETIC_FINDING_PROCEDURE_CODE, "hcpcs", TERM_WORD },
  { PALP_ESTHETIC_FINDING_DIAGNOSIS, "icd", TERM_WORD },
  { PALP_ESTHETIC_FINDING_DIAGNOSIS, "dx", TERM_WORD },
  { PALP_ESTHETIC_FINDING_DIAGNOSIS, "diagnos", TERM_PREFIX },
};

/* Words that make a nearby "registration" a tax registration. */
static const char *tax_words[] = {
  " gst ", " hst ", " pst ", " qst ", " rst ", " tps ", " tvh ", " tvq ", " tva ",
  " tax", " bn ", " business number ", " rt0",
};

static void
term_free (gpointer data)
{
  Term *term = data;

  g_free (term->folded);
  g_free (term);
}

void
palp_esthetic_finding_free (PalpEstheticFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->text);
  g_free (finding);
}

const char *
palp_esthetic_finding_kind_label (PalpEstheticFindingKind kind)
{
  switch (kind)
    {
    case PALP_ESTHETIC_FINDING_THERAPEUTIC_WORDING:
      return _("therapeutic wording");
    case PALP_ESTHETIC_FINDING_CREDENTIAL:
      return _("a licence or registration");
    case PALP_ESTHETIC_FINDING_ASSOCIATION:
      return _("a professional association");
    case PALP_ESTHETIC_FINDING_PROCEDURE_CODE:
      return _("a procedure code");
    case PALP_ESTHETIC_FINDING_DIAGNOSIS:
      return _("a diagnosis");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
folded_push (Folded     *folded,
             const char *utf8,
             gsize       len,
             gsize       start,
             gsize       end)
{
  g_string_append_len (folded->text, utf8, len);
  for (gsize i = 0; i < len; i++)
    {
      g_array_append_val (folded->starts, start);
      g_array_append_val (folded->ends, end);
    }
}

static void
folded_clear (Folded *folded)
{
  g_string_free (folded->text, TRUE);
  g_array_unref (folded->starts);
  g_array_unref (folded->ends);
}

static void
fold (const char *source,
      Folded     *folded)
{
  folded->text = g_string_new (NULL);
  folded->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  folded->ends = g_array_new (FALSE, FALSE, sizeof (gsize));

  folded_push (folded, " ", 1, 0, 0);

  for (const char *p = source; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n_parts;
      gsize start = p - source;
      gsize end = g_utf8_next_char (p) - source;

      /* Compatibility decomposition also unfolds ligatures and full-width
       * letters; the combining accents it splits off are dropped. */
      n_parts = g_unichar_fully_decompose (g_utf8_get_char (p), TRUE, parts, G_N_ELEMENTS (parts));

      for (gsize i = 0; i < n_parts; i++)
        {
          if (g_unichar_ismark (parts[i]))
            continue;

          if (g_unichar_isalnum (parts[i]))
            {
              char utf8[6];
              gsize len = g_unichar_to_utf8 (g_unichar_tolower (parts[i]), utf8);

              folded_push (folded, utf8, len, start, end);
            }
          else if (folded->text->str[folded->text->len - 1] != ' ')
            folded_push (folded, " ", 1, start, end);
        }
    }

  if (folded->text->str[folded->text->len - 1] != ' ')
    folded_push (folded, " ", 1, strlen (source), strlen (source));
}

/* @text folded, without its framing spaces. */
static char *
fold_term (const char *text)
{
  Folded folded;
  char *result;

  fold (text, &folded);
  result = g_strstrip (g_strdup (folded.text->str));
  folded_clear (&folded);

  return result;
}

static void
add_folded_term (PalpEstheticGuard       *self,
                 PalpEstheticFindingKind  kind,
                 const char              *folded,
                 TermFlags                flags)
{
  Term *term;

  if (folded[0] == '\0')
    return;

  for (guint i = 0; i < self->terms->len; i++)
    {
      Term *other = g_ptr_array_index (self->terms, i);

      if (other->kind == kind && other->flags == flags && strcmp (other->folded, folded) == 0)
        return;
    }

  term = g_new0 (Term, 1);
  term->kind = kind;
  term->folded = g_strdup (folded);
  term->flags = flags;
  g_ptr_array_add (self->terms, term);
}

PalpEstheticGuard *
palp_esthetic_guard_new (void)
{
  PalpEstheticGuard *self = g_new0 (PalpEstheticGuard, 1);

  self->terms = g_ptr_array_new_with_free_func (term_free);

  for (gsize i = 0; i < G_N_ELEMENTS (builtin_terms); i++)
    add_folded_term (self, builtin_terms[i].kind, builtin_terms[i].term, builtin_terms[i].flags);

  /* Letter, digit, alphanumeric, ".", then up to four more: "M26.601",
   * "S13.4XXA". Not inside a word, an e-mail or a web address. */
  self->icd_dotted = g_regex_new ("(?<![\\p{L}\\p{N}@/.])"
                                  "[A-Za-z][0-9][0-9A-Za-z]\\.[0-9A-Za-z]{1,4}"
                                  "(?![\\p{L}\\p{N}@]|[.\\-/][\\p{L}\\p{N}])",
                                  G_REGEX_OPTIMIZE, 0, NULL);
  /* Without a dot a code looks like a postal code ("K1A"), so only after
   * a word that says it is a diagnosis. */
  self->icd_in_context = g_regex_new ("(?i)\\b(?:icd(?:[\\s-]*10(?:[\\s-]*cm)?)?|dx|diagnos\\w*)"
                                      "\\s*[:#]?\\s*"
                                      "([A-Za-z][0-9][0-9A-Za-z][0-9A-Za-z]{0,4})"
                                      "(?![\\p{L}\\p{N}])",
                                      G_REGEX_OPTIMIZE, 0, NULL);
  self->five_digits = g_regex_new ("(?<![\\p{L}\\p{N}$.,])[0-9]{5}(?![0-9]|[.,][0-9])",
                                   G_REGEX_OPTIMIZE, 0, NULL);

  g_assert (self->icd_dotted != NULL && self->icd_in_context != NULL && self->five_digits != NULL);

  return self;
}

void
palp_esthetic_guard_free (PalpEstheticGuard *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->terms);
  g_regex_unref (self->icd_dotted);
  g_regex_unref (self->icd_in_context);
  g_regex_unref (self->five_digits);
  g_free (self);
}

/* "ma60123456" -> "ma 60123456": where letters meet digits. */
static char *
split_letters_digits (const char *compact)
{
  GString *out = g_string_new (NULL);

  for (const char *p = compact; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (p != compact)
        {
          gunichar prev = g_utf8_get_char (g_utf8_prev_char (p));

          if (g_unichar_isdigit (prev) != g_unichar_isdigit (c))
            g_string_append_c (out, ' ');
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

void
palp_esthetic_guard_add_term (PalpEstheticGuard       *self,
                              PalpEstheticFindingKind  kind,
                              const char              *term)
{
  g_autofree char *folded = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *split = NULL;
  g_auto(GStrv) words = NULL;

  g_return_if_fail (self != NULL);

  if (term == NULL || !g_utf8_validate (term, -1, NULL))
    return;

  folded = fold_term (term);
  add_folded_term (self, kind, folded, TERM_WORD);

  /* Numbers are written with or without their separators. */
  if (strpbrk (folded, "0123456789") != NULL)
    {
      words = g_strsplit (folded, " ", -1);
      compact = g_strjoinv ("", words);
      split = split_letters_digits (compact);
      add_folded_term (self, kind, compact, TERM_WORD);
      add_folded_term (self, kind, split, TERM_WORD);
    }
}

static void
add_finding (GPtrArray               *findings,
             PalpEstheticFindingKind  kind,
             const char              *source,
             gsize                    start,
             gsize                    end)
{
  PalpEstheticFinding *finding = g_new0 (PalpEstheticFinding, 1);

  finding->kind = kind;
  finding->offset = start;
  finding->text = g_strndup (source + start, end - start);
  g_ptr_array_add (findings, finding);
}

static gboolean
near_tax_word (const Folded *folded,
               gsize         start,
               gsize         end)
{
  gsize from = start > CONTEXT_BYTES ? start - CONTEXT_BYTES : 0;
  gsize to = MIN (end + CONTEXT_BYTES, folded->text->len);
  g_autofree char *window = g_strndup (folded->text->str + from, to - from);
  g_autofree char *framed = g_strconcat (" ", window, " ", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tax_words); i++)
    if (strstr (framed, tax_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
scan_terms (PalpEstheticGuard *self,
            const char        *source,
            const Folded      *folded,
            GPtrArray         *findings)
{
  const char *haystack = folded->text->str;

  for (guint i = 0; i < self->terms->len; i++)
    {
      const Term *term = g_ptr_array_index (self->terms, i);
      g_autofree char *needle = g_strconcat (" ", term->folded,
                                             (term->flags & TERM_PREFIX) ? "" : " ", NULL);

      for (const char *hit = strstr (haystack, needle); hit != NULL;
           hit = strstr (hit + 1, needle))
        {
          gsize start = (hit - haystack) + 1;
          gsize end = start + strlen (term->folded);

          /* A prefix covers the rest of its word. */
          if (term->flags & TERM_PREFIX)
            while (end < folded->text->len && haystack[end] != ' ')
              end++;

          if ((term->flags & TERM_UNLESS_TAX) && near_tax_word (folded, start, end))
            continue;

          add_finding (findings, term->kind, source,
                       g_array_index (folded->starts, gsize, start),
                       g_array_index (folded->ends, gsize, end - 1));
        }
    }
}

static char *
lower_window_before (const char *source,
                     gsize       offset)
{
  gsize from = offset > CONTEXT_BYTES / 2 ? offset - CONTEXT_BYTES / 2 : 0;

  return g_ascii_strdown (source + from, offset - from);
}

/* A five-digit number in an address is a ZIP code, not a procedure. */
static gboolean
looks_like_zip (const char *source,
                gsize       start,
                gsize       end,
                const char *before)
{
  gsize i = start;

  if (strstr (before, "zip") != NULL || strstr (before, "postal") != NULL)
    return TRUE;
  /* ZIP+4 */
  if (source[end] == '-' && g_ascii_isdigit (source[end + 1]) && g_ascii_isdigit (source[end + 2])
      && g_ascii_isdigit (source[end + 3]) && g_ascii_isdigit (source[end + 4]))
    return TRUE;
  /* After a state: "OR 97124", "OR, 97124". */
  while (i > 0 && (source[i - 1] == ' ' || source[i - 1] == ','))
    i--;
  return i >= 2 && i < start
         && g_ascii_isupper (source[i - 1]) && g_ascii_isupper (source[i - 2])
         && (i == 2 || !g_ascii_isalnum (source[i - 3]));
}

static void
scan_procedure_codes (PalpEstheticGuard *self,
                      const char        *source,
                      GPtrArray         *findings)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (self->five_digits, source, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      g_autofree char *before = NULL;
      gboolean in_code_context;
      long value;

      g_match_info_fetch_pos (match, 0, &start, &end);

      /* Part of an identifier such as a receipt number ("E-2026-00124"). */
      if (start >= 2 && source[start - 1] == '-' && g_ascii_isalnum (source[start - 2]))
        continue;

      before = lower_window_before (source, start);
      in_code_context = strstr (before, "cpt") != NULL || strstr (before, "hcpcs") != NULL
                        || strstr (before, "code") != NULL || strstr (before, "proc") != NULL;
      value = strtol (source + start, NULL, 10);

      if (looks_like_zip (source, start, end, before))
        continue;

      /* 97xxx is physical medicine and rehabilitation, where every massage
       * code lives: suspicious even without a label. */
      if (in_code_context || (value >= 97000 && value <= 97799))
        add_finding (findings, PALP_ESTHETIC_FINDING_PROCEDURE_CODE, source, start, end);
    }
}

static void
scan_diagnosis_codes (PalpEstheticGuard *self,
                      const char        *source,
                      GPtrArray         *findings)
{
  g_autoptr(GMatchInfo) dotted = NULL;
  g_autoptr(GMatchInfo) in_context = NULL;

  g_regex_match (self->icd_dotted, source, 0, &dotted);
  for (; g_match_info_matches (dotted); g_match_info_next (dotted, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (dotted, 0, &start, &end);
      add_finding (findings, PALP_ESTHETIC_FINDING_DIAGNOSIS, source, start, end);
    }

  g_regex_match (self->icd_in_context, source, 0, &in_context);
  for (; g_match_info_matches (in_context); g_match_info_next (in_context, NULL))
    {
      int start, end;

      g_match_info_fetch_pos (in_context, 1, &start, &end);
      add_finding (findings, PALP_ESTHETIC_FINDING_DIAGNOSIS, source, start, end);
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const PalpEstheticFinding *fa = *(PalpEstheticFinding * const *) a;
  const PalpEstheticFinding *fb = *(PalpEstheticFinding * const *) b;
  gsize la = strlen (fa->text);
  gsize lb = strlen (fb->text);

  if (fa->offset != fb->offset)
    return fa->offset < fb->offset ? -1 : 1;
  /* Longest first, so the containment pass below keeps it. */
  if (la != lb)
    return la > lb ? -1 : 1;
  return (int) fa->kind - (int) fb->kind;
}

GPtrArray *
palp_esthetic_guard_scan (PalpEstheticGuard *self,
                          const char        *text)
{
  g_autoptr(GPtrArray) findings = NULL;
  GPtrArray *kept;
  Folded folded;

  g_return_val_if_fail (self != NULL, NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_esthetic_finding_free);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_esthetic_finding_free);

  if (text == NULL)
    return kept;

  /* Broken bytes must not hide a word: scan a repaired copy. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *repaired = g_utf8_make_valid (text, -1);

      g_ptr_array_unref (kept);
      return palp_esthetic_guard_scan (self, repaired);
    }

  fold (text, &folded);
  scan_terms (self, text, &folded, findings);
  folded_clear (&folded);

  scan_procedure_codes (self, text, findings);
  scan_diagnosis_codes (self, text, findings);

  g_ptr_array_sort (findings, compare_findings);

  /* One finding per place: a match inside an earlier one of the same
   * kind ("therapeutic massage" and its "massage therap…") says nothing new. */
  for (guint i = 0; i < findings->len; i++)
    {
      PalpEstheticFinding *finding = g_ptr_array_index (findings, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < kept->len && !inside; j++)
        {
          const PalpEstheticFinding *other = g_ptr_array_index (kept, j);
          gsize end = finding->offset + strlen (finding->text);
          gsize other_end = other->offset + strlen (other->text);

          inside = other->kind == finding->kind && finding->offset >= other->offset
                   && end <= other_end;
        }

      if (!inside)
        {
          g_ptr_array_add (kept, finding);
          findings->pdata[i] = NULL;
        }
    }

  return kept;
}

gboolean
palp_esthetic_guard_check (PalpEstheticGuard  *self,
                           const char         *text,
                           GError            **error)
{
  g_autoptr(GPtrArray) findings = palp_esthetic_guard_scan (self, text);
  g_autoptr(GString) list = NULL;

  if (findings == NULL || findings->len == 0)
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      const PalpEstheticFinding *finding = g_ptr_array_index (findings, i);

      if (i > 0)
        g_string_append (list, ", ");
      /* Translators: a finding in a list: the text found, then what it is. */
      g_string_append_printf (list, _("“%s” (%s)"), finding->text,
                              palp_esthetic_finding_kind_label (finding->kind));
    }

  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("A cosmetic document must not look like massage therapy, but this one shows "
                 "%s. Remove it from the service, the clinic's esthetic name or the "
                 "document, then print again."),
               list->str);
  return FALSE;
}
