/* palp-icd10.h: ICD-10-CM codes — their shape, and CDC's code files
 *
 * ICD-10-CM is the CDC's (NCHS) public-domain diagnosis classification.
 * These rules check a code's shape only: a letter, a digit, a letter or
 * digit (the category), then optionally a dot and one to four letters or
 * digits. Whether a code exists, or is billable, is a question for the
 * code list the clinic has loaded (palp_icd10_parse_order_file() reads
 * CDC's full annual list; data/codes/icd10-massage.tsv is a short curated
 * one).
 *
 * Codes are kept in their printed form, upper case with the dot after the
 * third character ("M54.2", "S13.4XXA", a category alone "M54"); the
 * CMS-1500 prints them without the dot (palp_icd10_strip_dot()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Letters and digits in the longest code, the dot not counted. */
#define PALP_ICD10_MAX_CHARS 7

/* TRUE when @text is a code in printed form: upper case, and the dot
 * present exactly when more than three characters follow the letter.
 * Otherwise FALSE with a translated PALP_CORE_ERROR. */
gboolean   palp_icd10_validate       (const char  *text,
                                      GError     **error);

/* The printed form of a code as someone typed it: surrounding spaces
 * dropped, upper-cased, the dot added or kept after the third character
 * ("m542" -> "M54.2", " s134xxa " -> "S13.4XXA", "M54" -> "M54"). NULL
 * with a translated PALP_CORE_ERROR when the shape is wrong: too short,
 * longer than seven characters, a dot anywhere but after the third, a
 * trailing dot, a digit first or a letter second, or a character that is
 * neither a letter nor a digit. Free with g_free(). */
char      *palp_icd10_normalize      (const char  *text,
                                      GError     **error);

/* @code (printed form) without its dot, as the CMS-1500's box 21 and
 * CDC's files write it: "M54.2" -> "M542". Free with g_free(). */
char      *palp_icd10_strip_dot      (const char  *code);

/* Which side a code concerns, read from its description.
 *
 * The code alone cannot say safely: the character that carries laterality
 * moves from chapter to chapter (5th in some, 6th in others, absent in
 * most) and its values differ (M26.62- uses 1/2/3/9; other blocks use 1/2
 * and 0 or 9). CDC's descriptors, on the other hand, name the side in
 * words, so the hint reads the words "right", "left" and "bilateral". */
typedef enum
{
  PALP_LATERALITY_NONE,         /* the description names no side */
  PALP_LATERALITY_RIGHT,
  PALP_LATERALITY_LEFT,
  PALP_LATERALITY_BILATERAL,
  PALP_LATERALITY_UNSPECIFIED,  /* "unspecified side" */
} PalpLaterality;

PalpLaterality palp_icd10_laterality_from_description (const char *description);

/* One code of a code list. */
typedef struct
{
  guint     order;              /* CDC's order number; the line's place in a TSV list */
  char     *code;               /* printed form: "M54.2" */
  gboolean  billable;           /* TRUE when valid on a claim; FALSE for a header */
  char     *short_description;  /* CDC's abbreviated title; NULL from a TSV list */
  char     *long_description;   /* CDC's full title */
} PalpIcd10Entry;

/* Frees the strings of @entry and zeroes it; the struct itself stays. */
void             palp_icd10_entry_clear (PalpIcd10Entry *entry);
void             palp_icd10_entry_free  (PalpIcd10Entry *entry);
PalpIcd10Entry  *palp_icd10_entry_copy  (const PalpIcd10Entry *entry);

/* One line of CDC's annual order file (icd10cm_order_YYYY.txt), fixed
 * width, columns counted from 1:
 *
 *   1–5    order number, zero-padded
 *   7–13   code without its dot, left-aligned, space-padded
 *   15     1 when the code is valid for HIPAA transactions (billable),
 *          0 when it is a header
 *   17–76  short description, space-padded
 *   78–    long description
 *
 * with single spaces in columns 6, 14, 16 and 77. A trailing "\r" or
 * "\n" is ignored. Fills @out (whose previous strings are not freed) and
 * returns TRUE, or FALSE with a translated PALP_CORE_ERROR_INVALID naming
 * the faulty field, leaving @out untouched. */
gboolean    palp_icd10_parse_order_line  (const char      *line,
                                          PalpIcd10Entry  *out,
                                          GError         **error);

/* A whole order file: a GPtrArray of PalpIcd10Entry (freed with the
 * array), in file order. Blank lines are skipped; order numbers must
 * rise and codes must not repeat. On the first faulty line, NULL and a
 * PALP_CORE_ERROR_INVALID whose message starts with its line number —
 * nothing partial is returned. An empty file is an error too. */
GPtrArray  *palp_icd10_parse_order_file  (GBytes          *bytes,
                                          GError         **error);

/* A tab-separated code list (UTF-8): one "CODE<TAB>description" a line,
 * the code in any form palp_icd10_normalize() accepts; lines starting
 * with "#" and blank lines are skipped. Every entry is billable, with no
 * short description and order = its place in the list (from 1). On the
 * first faulty line (no tab, an extra field, a bad code, an empty
 * description, a repeated code), NULL and an error with its line number;
 * a list with no codes is an error too. */
GPtrArray  *palp_icd10_load_tsv          (GBytes          *bytes,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpIcd10Entry, palp_icd10_entry_free)

G_END_DECLS
