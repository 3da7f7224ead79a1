/* palp-doc-claim.c: a CMS-1500 (02/12) claim form as PDF
 *
 * The form's description (data/forms/cms1500.ini) is read on every call:
 * it is small, and a broken one is then an error of that call rather than
 * of the process. The PDF is drawn directly with cairo and pango, not
 * through PalpDoc: a claim form is not a flow of blocks but a grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-doc.h"
#include "palp-doc-claim.h"

#define PAGE_W        612.0   /* US Letter, the only paper the form is printed on */
#define PAGE_H        792.0
#define MM_TO_PT      (72.0 / 25.4)
#define CREATOR       "Palpate"
/* Where the typed line's baseline lies in its grid line, and the check
 * boxes around a cell, as fractions of the line's height. */
#define BASELINE      0.78
#define CHECK_TOP     0.05
#define CHECK_BOTTOM  0.84
#define ICD_QUALIFIER "0"      /* box 21: ICD-10-CM */
#define ONSET_QUALIFIER "431"  /* box 14: onset of current symptoms or illness */
#define REFERRING_QUALIFIER "DN" /* box 17: referring provider */
#define CLAIM_ID_QUALIFIER "Y4"  /* box 11b: property and casualty claim number */

G_DEFINE_QUARK (palp-doc-claim-error-quark, palp_doc_claim_error)

typedef struct
{
  guint    line;
  guint    col;
  guint    width;
  gboolean right;   /* right-aligned in its width */
  gboolean whole;   /* an identifier: never cut */
} Field;

typedef struct
{
  double x0, y0, x1, y1;
} Rect;

typedef struct
{
  double    x, y;
  double    size;   /* 0: the caption size */
  gboolean  bold;
  char     *text;
} Label;

typedef struct
{
  double  x, y0, y1;
  char   *text;
} VLabel;

typedef struct
{
  char       *id;
  gboolean    has_rect;
  Rect        rect;
  char       *caption;
  GArray     *labels;   /* Label */
  GArray     *checks;   /* Field: line and col only */
  GArray     *rules;    /* Rect: a line from (x0, y0) to (x1, y1) */
  GArray     *heavy;
  GArray     *dashed;
  GArray     *shade;    /* Rect: an area */
  GArray     *vlabels;  /* VLabel */
  GHashTable *fields;   /* name → Field */
} Box;

typedef struct
{
  double      origin_x, origin_y;
  double      pitch_x, pitch_y;
  char       *font;
  char       *caption_font;
  double      caption_size;
  double      color[3];
  double      shade_color[3];
  GPtrArray  *boxes;    /* Box, in the file's order */
  GHashTable *by_id;

  /* Box 24's service lines. */
  guint       first_row;
  guint       row_step;
  guint       rows;
  GArray     *row_rules;
  GArray     *row_dashed;
  GArray     *row_shade;
  GArray     *row_labels;
  double      row_number_x, row_number_y;
} Layout;

static void
label_clear (gpointer data)
{
  g_free (((Label *) data)->text);
}

static void
vlabel_clear (gpointer data)
{
  g_free (((VLabel *) data)->text);
}

static GArray *
rect_array_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (Rect));
}

static GArray *
label_array_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (Label));

  g_array_set_clear_func (labels, label_clear);
  return labels;
}

static void
box_free (gpointer data)
{
  Box *box = data;

  g_free (box->id);
  g_free (box->caption);
  g_array_unref (box->labels);
  g_array_unref (box->checks);
  g_array_unref (box->rules);
  g_array_unref (box->heavy);
  g_array_unref (box->dashed);
  g_array_unref (box->shade);
  g_array_unref (box->vlabels);
  g_hash_table_unref (box->fields);
  g_free (box);
}

static void
layout_free (Layout *layout)
{
  g_free (layout->font);
  g_free (layout->caption_font);
  g_clear_pointer (&layout->boxes, g_ptr_array_unref);
  g_clear_pointer (&layout->by_id, g_hash_table_unref);
  g_clear_pointer (&layout->row_rules, g_array_unref);
  g_clear_pointer (&layout->row_dashed, g_array_unref);
  g_clear_pointer (&layout->row_shade, g_array_unref);
  g_clear_pointer (&layout->row_labels, g_array_unref);
  g_free (layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, layout_free)

static gboolean
layout_error (GError     **error,
              const char  *group,
              const char  *key,
              const char  *value)
{
  /* Translators: the claim form's description, shipped with Palpate, is
   * broken; the three values name the faulty setting. */
  g_set_error (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_LAYOUT,
               _("The claim form's description is broken at [%s] %s = “%s”. "
                 "Reinstall Palpate, or report it."),
               group, key, value != NULL ? value : "");
  return FALSE;
}

/* @n numbers from @text, separated by spaces; *@rest (if wanted) points
 * after them. */
static gboolean
parse_numbers (const char  *text,
               double      *out,
               guint        n,
               const char **rest)
{
  const char *p = text;

  for (guint i = 0; i < n; i++)
    {
      char *end;

      while (*p == ' ')
        p++;
      out[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (out[i]))
        return FALSE;
      p = end;
    }
  while (*p == ' ')
    p++;
  if (rest != NULL)
    *rest = p;
  else if (*p != '\0')
    return FALSE;
  return TRUE;
}

static gboolean
parse_rects (GKeyFile    *file,
             const char  *group,
             const char  *key,
             GArray      *into,
             GError     **error)
{
  g_auto(GStrv) items = g_key_file_get_string_list (file, group, key, NULL, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      double v[4];
      Rect rect;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (!parse_numbers (items[i], v, 4, NULL))
        return layout_error (error, group, key, items[i]);
      rect = (Rect) { v[0], v[1], v[2], v[3] };
      g_array_append_val (into, rect);
    }
  return TRUE;
}

static gboolean
parse_labels (GKeyFile    *file,
              const char  *group,
              const char  *key,
              GArray      *into,
              GError     **error)
{
  g_auto(GStrv) items = g_key_file_get_string_list (file, group, key, NULL, NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      Label label = { 0 };
      const char *rest;
      double v[2];

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (!parse_numbers (items[i], v, 2, &rest) || *rest == '\0')
        return layout_error (error, group, key, items[i]);
      label.x = v[0];
      label.y = v[1];
      /* An optional style: s6.5 (size) or b8 (bold, size). */
      if ((rest[0] == 's' || rest[0] == 'b') && g_ascii_isdigit (rest[1]))
        {
          char *end;

          label.bold = rest[0] == 'b';
          label.size = g_ascii_strtod (rest + 1, &end);
          if (*end != ' ' || label.size <= 0 || label.size > 40)
            return layout_error (error, group, key, items[i]);
          rest = end + 1;
        }
      label.text = g_strdup (rest);
      g_array_append_val (into, label);
    }
  return TRUE;
}

static gboolean
parse_field (const char *text,
             Field      *field)
{
  const char *rest;
  double v[3];

  if (!parse_numbers (text, v, 3, &rest))
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (v[i] < 1 || v[i] > 200 || v[i] != floor (v[i]))
      return FALSE;
  *field = (Field) { (guint) v[0], (guint) v[1], (guint) v[2], FALSE, FALSE };
  for (; *rest != '\0'; rest++)
    {
      if (*rest == 'r')
        field->right = TRUE;
      else if (*rest == 'x')
        field->whole = TRUE;
      else if (*rest != ' ')
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_color (GKeyFile    *file,
             const char  *key,
             double       out[3],
             GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, "grid", key, NULL);
  double v[3];

  if (text == NULL || !parse_numbers (text, v, 3, NULL))
    return layout_error (error, "grid", key, text);
  for (guint i = 0; i < 3; i++)
    {
      if (v[i] < 0 || v[i] > 255)
        return layout_error (error, "grid", key, text);
      out[i] = v[i] / 255.0;
    }
  return TRUE;
}

static double
get_grid_double (GKeyFile    *file,
                 const char  *key,
                 GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, "grid", key, NULL);
  double value;

  if (text == NULL || !parse_numbers (text, &value, 1, NULL) || value <= 0)
    {
      layout_error (error, "grid", key, text);
      return 0;
    }
  return value;
}

static gboolean
parse_box (GKeyFile    *file,
           const char  *group,
           Box         *box,
           GError     **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);
  g_autofree char *rect = g_key_file_get_string (file, group, "rect", NULL);
  g_auto(GStrv) checks = g_key_file_get_string_list (file, group, "checks", NULL, NULL);

  if (rect != NULL)
    {
      double v[4];

      if (!parse_numbers (rect, v, 4, NULL) || v[2] <= v[0] || v[3] <= v[1])
        return layout_error (error, group, "rect", rect);
      box->rect = (Rect) { v[0], v[1], v[2], v[3] };
      box->has_rect = TRUE;
    }
  box->caption = g_key_file_get_string (file, group, "caption", NULL);

  if (!parse_labels (file, group, "labels", box->labels, error) ||
      !parse_rects (file, group, "rules", box->rules, error) ||
      !parse_rects (file, group, "heavy", box->heavy, error) ||
      !parse_rects (file, group, "dashed", box->dashed, error) ||
      !parse_rects (file, group, "shade", box->shade, error))
    return FALSE;

  for (guint i = 0; checks != NULL && checks[i] != NULL; i++)
    {
      double v[2];
      Field check = { 0 };

      if (*g_strstrip (checks[i]) == '\0')
        continue;
      if (!parse_numbers (checks[i], v, 2, NULL) || v[0] < 1 || v[1] < 1)
        return layout_error (error, group, "checks", checks[i]);
      check.line = (guint) v[0];
      check.col = (guint) v[1];
      g_array_append_val (box->checks, check);
    }

  {
    g_auto(GStrv) vlabels = g_key_file_get_string_list (file, group, "vlabels", NULL, NULL);

    for (guint i = 0; vlabels != NULL && vlabels[i] != NULL; i++)
      {
        VLabel vlabel;
        const char *rest;
        double v[3];

        if (*g_strstrip (vlabels[i]) == '\0')
          continue;
        if (!parse_numbers (vlabels[i], v, 3, &rest) || *rest == '\0')
          return layout_error (error, group, "vlabels", vlabels[i]);
        vlabel = (VLabel) { v[0], v[1], v[2], g_strdup (rest) };
        g_array_append_val (box->vlabels, vlabel);
      }
  }

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      Field *field;

      if (!g_str_has_prefix (keys[i], "field."))
        continue;
      value = g_key_file_get_string (file, group, keys[i], NULL);
      field = g_new0 (Field, 1);
      if (value == NULL || !parse_field (value, field))
        {
          g_free (field);
          return layout_error (error, group, keys[i], value);
        }
      g_hash_table_insert (box->fields, g_strdup (keys[i] + strlen ("field.")), field);
    }

  return TRUE;
}

static Layout *
layout_load (GError **error)
{
  g_autoptr(Layout) layout = g_new0 (Layout, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *row_number = NULL;

  bytes = g_resources_lookup_data (PALP_DOC_CLAIM_LAYOUT_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !g_key_file_load_from_bytes (file, bytes, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_LAYOUT,
                   /* Translators: %s says why the form's description could not be read. */
                   _("The claim form's description could not be read (%s). "
                     "Reinstall Palpate, or report it."),
                   local_error->message);
      return NULL;
    }

  if ((layout->origin_x = get_grid_double (file, "origin-x", error)) == 0 ||
      (layout->origin_y = get_grid_double (file, "origin-y", error)) == 0 ||
      (layout->pitch_x = get_grid_double (file, "pitch-x", error)) == 0 ||
      (layout->pitch_y = get_grid_double (file, "pitch-y", error)) == 0 ||
      (layout->caption_size = get_grid_double (file, "caption-size", error)) == 0 ||
      !parse_color (file, "color", layout->color, error) ||
      !parse_color (file, "shade-color", layout->shade_color, error))
    return NULL;
  layout->font = g_key_file_get_string (file, "grid", "font", NULL);
  layout->caption_font = g_key_file_get_string (file, "grid", "caption-font", NULL);
  if (layout->font == NULL || layout->caption_font == NULL)
    {
      layout_error (error, "grid", "font", NULL);
      return NULL;
    }

  layout->boxes = g_ptr_array_new_with_free_func (box_free);
  layout->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      Box *box;

      if (g_str_equal (groups[i], "grid"))
        continue;
      box = g_new0 (Box, 1);
      box->id = g_strdup (groups[i]);
      box->labels = label_array_new ();
      box->checks = g_array_new (FALSE, TRUE, sizeof (Field));
      box->rules = rect_array_new ();
      box->heavy = rect_array_new ();
      box->dashed = rect_array_new ();
      box->shade = rect_array_new ();
      box->vlabels = g_array_new (FALSE, TRUE, sizeof (VLabel));
      g_array_set_clear_func (box->vlabels, vlabel_clear);
      box->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (layout->boxes, box);
      g_hash_table_insert (layout->by_id, box->id, box);
      if (!parse_box (file, groups[i], box, error))
        return NULL;
    }

  /* Box 24's service lines. */
  layout->first_row = g_key_file_get_integer (file, "24", "first-row", NULL);
  layout->row_step = g_key_file_get_integer (file, "24", "row-step", NULL);
  layout->rows = g_key_file_get_integer (file, "24", "rows", NULL);
  if (layout->rows != PALP_CLAIM_FORM_LINES_PER_FORM || layout->row_step == 0 ||
      layout->first_row == 0)
    {
      layout_error (error, "24", "rows", NULL);
      return NULL;
    }
  layout->row_rules = rect_array_new ();
  layout->row_dashed = rect_array_new ();
  layout->row_shade = rect_array_new ();
  layout->row_labels = label_array_new ();
  row_number = g_key_file_get_string (file, "24", "row-number", NULL);
  if (!parse_rects (file, "24", "row-rules", layout->row_rules, error) ||
      !parse_rects (file, "24", "row-dashed", layout->row_dashed, error) ||
      !parse_rects (file, "24", "row-shade", layout->row_shade, error) ||
      !parse_labels (file, "24", "row-labels", layout->row_labels, error))
    return NULL;
  if (row_number != NULL)
    {
      double v[2];

      if (!parse_numbers (row_number, v, 2, NULL))
        {
          layout_error (error, "24", "row-number", row_number);
          return NULL;
        }
      layout->row_number_x = v[0];
      layout->row_number_y = v[1];
    }

  return g_steal_pointer (&layout);
}

/* Checking the claim */

/* Box 1's and box 6's check boxes, named as their fields are. */
static const char * const coverages[] = {
  "medicare", "medicaid", "tricare", "champva", "group", "feca", "other", NULL,
};
static const char * const relationships[] = { "self", "spouse", "child", "other", NULL };
static const char * const sexes[] = { "M", "F", NULL };

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PALP_DOC_CLAIM_ERROR, PALP_DOC_CLAIM_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* An ISO date ("2026-03-14", or the start of a date-time). */
static gboolean
parse_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
{
  guint y, m, d;

  if (text == NULL || strlen (text) < 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[3]) ||
      text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      (text[10] != '\0' && text[10] != ' ' && text[10] != 'T') ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/* Letter, digit, letter or digit, then up to four more, with at most one
 * dot, after the third character. */
static gboolean
is_diagnosis_code (const char *code)
{
  guint n = 0;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (p - code != 3)
            return FALSE;
          continue;
        }
      if (n == 0 ? !g_ascii_isalpha (*p)
          : n == 1 ? !g_ascii_isdigit (*p)
          : !g_ascii_isalnum (*p))
        return FALSE;
      n++;
    }
  return n >= 3 && n <= 7 && code[strlen (code) - 1] != '.';
}

static gboolean
check_date (const char  *text,
            const char  *box,
            GError     **error)
{
  guint y, m, d;

  if (is_empty (text) || parse_date (text, &y, &m, &d))
    return TRUE;
  /* Translators: %s is a box of the claim form ("3", "14"), then the value. */
  return invalid (error, _("Box %s holds “%s”, which is not a date."), box, text);
}

static gboolean
validate (const PalpClaimForm  *form,
          GError              **error)
{
  guint n_lines = form->lines->len;

  if (n_lines == 0)
    return invalid (error, _("The claim has no service lines: there is nothing to bill."));

  for (guint i = 0; i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
    if (!is_empty (form->diagnoses[i]) && !is_diagnosis_code (form->diagnoses[i]))
      /* Translators: %c is the diagnosis letter (A–L), %s its code. */
      return invalid (error, _("Diagnosis %c, “%s”, is not an ICD-10-CM code."),
                      'A' + i, form->diagnoses[i]);

  if (!check_date (form->patient_birth_date, "3", error) ||
      !check_date (form->insured_birth_date, "11a", error) ||
      !check_date (form->current_illness_date, "14", error) ||
      !check_date (form->signed_date, "31", error))
    return FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      const PalpClaimFormLine *line = g_ptr_array_index (form->lines, i);
      guint y, m, d, y2, m2, d2;

      if (!parse_date (line->date_from, &y, &m, &d))
        /* Translators: %u is the service line's number on the claim. */
        return invalid (error, _("Service line %u has no valid date of service."), i + 1);
      if (line->date_to != NULL &&
          (!parse_date (line->date_to, &y2, &m2, &d2) ||
           (y2 * 10000 + m2 * 100 + d2) < (y * 10000 + m * 100 + d)))
        return invalid (error, _("Service line %u ends before it begins, or on no date."), i + 1);
      if (is_empty (line->code))
        return invalid (error, _("Service line %u has no procedure code."), i + 1);
      if (line->units == 0)
        return invalid (error, _("Service line %u bills no units."), i + 1);
      if (line->charge_cents < 0)
        return invalid (error, _("Service line %u has a negative charge."), i + 1);
      if (line->pointers[0] == '\0')
        return invalid (error, _("Service line %u points to no diagnosis."), i + 1);
      for (guint p = 0; p < PALP_CLAIM_FORM_MAX_POINTERS && line->pointers[p] != '\0'; p++)
        {
          char letter = g_ascii_toupper (line->pointers[p]);
          int index = letter - 'A';

          if (index < 0 || index >= PALP_CLAIM_FORM_MAX_DIAGNOSES ||
              is_empty (form->diagnoses[index]))
            /* Translators: %u is the service line's number, %c the letter it points to. */
            return invalid (error, _("Service line %u points to diagnosis %c, which the "
                                     "claim does not have."), i + 1, line->pointers[p]);
          for (guint q = 0; q < p; q++)
            if (g_ascii_toupper (line->pointers[q]) == letter)
              return invalid (error, _("Service line %u points to diagnosis %c twice."),
                              i + 1, letter);
        }
    }

  if (form->amount_paid_cents < 0)
    return invalid (error, _("The amount paid is negative."));

  if (!is_empty (form->coverage_type) && !g_strv_contains (coverages, form->coverage_type))
    /* Translators: box 1 of the claim form; %s is the value the claim has. */
    return invalid (error, _("Box 1 has no coverage type “%s”: it takes Medicare, Medicaid, "
                             "TRICARE, CHAMPVA, group health plan, FECA or other."),
                    form->coverage_type);
  if (!is_empty (form->relationship) && !g_strv_contains (relationships, form->relationship))
    /* Translators: box 6 of the claim form; %s is the value the claim has. */
    return invalid (error, _("Box 6 has no relationship “%s”: it takes self, spouse, child "
                             "or other."), form->relationship);
  if ((!is_empty (form->patient_sex) && !g_strv_contains (sexes, form->patient_sex)) ||
      (!is_empty (form->insured_sex) && !g_strv_contains (sexes, form->insured_sex)))
    return invalid (error, _("Boxes 3 and 11a take the sex as M or F, or none."));

  return TRUE;
}

/* Writing on the form */

typedef struct
{
  const Layout *layout;
  cairo_t      *cr;
  PangoLayout  *mono;
  PangoLayout  *caption;
  double        dx, dy;   /* the data's offset, in points */
  guint         row;      /* box 24's service line, from 0 */
  GError       *error;
} Ctx;

static double
grid_x (const Layout *layout,
        double        x)
{
  return layout->origin_x + x * layout->pitch_x;
}

static double
grid_y (const Layout *layout,
        double        y)
{
  return layout->origin_y + y * layout->pitch_y;
}

/* @text in capitals, without what the form does not take. */
static char *
form_text (const char *text)
{
  g_autofree char *up = g_utf8_strup (text, -1);
  GString *out = g_string_new (NULL);

  /* Tabs and line breaks would leave the grid. */
  for (const char *p = up; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else if (g_unichar_isprint (c))
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static void
put (Ctx        *ctx,
     const char *box_id,
     const char *name,
     const char *text)
{
  const Layout *layout = ctx->layout;
  g_autofree char *value = NULL;
  const Field *field;
  Box *box;
  glong n;
  double x, y;
  int baseline;

  if (ctx->error != NULL)
    return;
  if ((box = g_hash_table_lookup (layout->by_id, box_id)) == NULL ||
      (field = g_hash_table_lookup (box->fields, name)) == NULL)
    {
      g_autofree char *key = g_strconcat ("field.", name, NULL);

      layout_error (&ctx->error, box_id, key, NULL);
      return;
    }
  if (is_empty (text))
    return;

  value = form_text (text);
  n = g_utf8_strlen (value, -1);
  if (n > (glong) field->width)
    {
      if (field->whole)
        {
          /* Translators: a value too long for its box of the claim form: the
           * box ("1a"), how many characters it holds, the value. */
          invalid (&ctx->error, _("Box %s holds %u characters: “%s” does not fit."),
                   box_id, field->width, value);
          return;
        }
      /* Names and addresses are cut, as the form's instructions allow. */
      *g_utf8_offset_to_pointer (value, field->width) = '\0';
      n = field->width;
    }

  x = grid_x (layout, field->col - 1 + (field->right ? (double) (field->width - n) : 0.0));
  y = grid_y (layout, field->line - 1);
  if (g_str_equal (box_id, "24"))
    y += ctx->row * layout->row_step * layout->pitch_y;

  pango_layout_set_text (ctx->mono, value, -1);
  baseline = pango_layout_get_baseline (ctx->mono);
  cairo_move_to (ctx->cr, x + ctx->dx,
                 y + ctx->dy + BASELINE * layout->pitch_y - (double) baseline / PANGO_SCALE);
  pango_cairo_show_layout (ctx->cr, ctx->mono);
}

static void
put_mark (Ctx        *ctx,
          const char *box_id,
          const char *name)
{
  put (ctx, box_id, name, "X");
}

static void
put_yes_no (Ctx        *ctx,
            const char *box_id,
            gboolean    yes)
{
  put_mark (ctx, box_id, yes ? "yes" : "no");
}

/* "MM", "DD" and "YYYY" or "YY" of an ISO date (checked beforehand). */
static void
put_date (Ctx        *ctx,
          const char *box_id,
          const char *date,
          const char *mm,
          const char *dd,
          const char *year,
          gboolean    four_digits)
{
  char text[8];
  guint y, m, d;

  if (is_empty (date) || !parse_date (date, &y, &m, &d))
    return;
  g_snprintf (text, sizeof text, "%02u", m);
  put (ctx, box_id, mm, text);
  g_snprintf (text, sizeof text, "%02u", d);
  put (ctx, box_id, dd, text);
  g_snprintf (text, sizeof text, four_digits ? "%04u" : "%02u", four_digits ? y : y % 100);
  put (ctx, box_id, year, text);
}

static void
put_money (Ctx        *ctx,
           const char *box_id,
           gint64      cents)
{
  char dollars[24], rest[4];

  g_snprintf (dollars, sizeof dollars, "%" G_GINT64_FORMAT, cents / 100);
  g_snprintf (rest, sizeof rest, "%02d", (int) (cents % 100));
  put (ctx, box_id, "dollars", dollars);
  put (ctx, box_id, "cents", rest);
}

/* Names on the form take no periods ("Marcus L. Oyelaran" is
 * "MARCUS L OYELARAN"). */
static char *
without_periods (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '.')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* LAST, FIRST, M: the name as the form asks. */
static char *
person_name (const char *family,
             const char *given,
             const char *middle)
{
  GString *name = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (is_empty (family) && is_empty (given))
    return g_string_free (name, FALSE);
  g_string_append (name, family != NULL ? family : "");
  if (!is_empty (given))
    g_string_append_printf (name, ", %s", given);
  if (!is_empty (middle))
    {
      g_string_append (name, ", ");
      g_string_append_len (name, middle, g_utf8_next_char (middle) - middle);
    }
  text = g_string_free (name, FALSE);
  return without_periods (text);
}

/* The digits of @text only. */
static char *
digits_of (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* A telephone number as area code and number, no separators. */
static void
put_phone (Ctx        *ctx,
           const char *box_id,
           const char *phone)
{
  g_autofree char *digits = digits_of (phone);
  const char *p = digits;

  if (strlen (p) == 11 && p[0] == '1')
    p++;
  if (strlen (p) == 10)
    {
      char area[4] = { p[0], p[1], p[2], '\0' };

      put (ctx, box_id, "area", area);
      put (ctx, box_id, "phone", p + 3);
    }
  else
    put (ctx, box_id, "phone", p);
}

/* Boxes 32 and 33 take no punctuation in addresses. */
static char *
plain_address (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '.' && *p != ',' && *p != '#')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
city_line (const PalpClaimFormParty *party)
{
  g_autofree char *line = g_strjoin (" ",
                                     party->city != NULL ? party->city : "",
                                     party->state != NULL ? party->state : "",
                                     party->postal_code != NULL ? party->postal_code : "",
                                     NULL);

  return plain_address (g_strstrip (line));
}

static void
put_party_block (Ctx                      *ctx,
                 const char               *box_id,
                 const PalpClaimFormParty *party)
{
  g_autofree char *name = plain_address (party->name);
  g_autofree char *street = plain_address (party->street);
  g_autofree char *city = city_line (party);

  put (ctx, box_id, "name", name);
  put (ctx, box_id, "street", street);
  put (ctx, box_id, "city", city);
}

/* The carrier block: the payer's name, then up to three lines of its
 * address (the lines past the third are joined on the last). */
static void
put_carrier (Ctx                 *ctx,
             const PalpClaimForm *form)
{
  g_auto(GStrv) lines = NULL;
  guint row = 1;

  if (is_empty (form->payer_name))
    return;
  put (ctx, "top", "payer-1", form->payer_name);
  lines = g_strsplit (form->payer_address != NULL ? form->payer_address : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL && row < 4; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;

      if (is_empty (g_strstrip (lines[i])))
        continue;
      text = row == 3 ? g_strjoinv (" ", lines + i) : g_strdup (lines[i]);
      key = g_strdup_printf ("payer-%u", ++row);
      put (ctx, "top", key, g_strstrip (text));
      if (row == 4)
        break;
    }
}

static void
put_address (Ctx                      *ctx,
             const char               *box_id,
             const PalpClaimFormParty *party)
{
  put (ctx, box_id, "street", party->street);
  put (ctx, box_id, "city", party->city);
  put (ctx, box_id, "state", party->state);
  put (ctx, box_id, "zip", party->postal_code);
  put_phone (ctx, box_id, party->phone);
}

static void
put_sex (Ctx        *ctx,
         const char *box_id,
         const char *sex)
{
  if (g_strcmp0 (sex, "M") == 0)
    put_mark (ctx, box_id, "male");
  else if (g_strcmp0 (sex, "F") == 0)
    put_mark (ctx, box_id, "female");
}

static void
put_line (Ctx                     *ctx,
          const PalpClaimFormLine *line)
{
  const char *to = line->date_to != NULL ? line->date_to : line->date_from;
  char units[16], pointers[PALP_CLAIM_FORM_MAX_POINTERS + 1];
  g_autofree char *npi = digits_of (line->rendering_npi);

  put_date (ctx, "24", line->date_from, "from-mm", "from-dd", "from-yy", FALSE);
  put_date (ctx, "24", to, "to-mm", "to-dd", "to-yy", FALSE);
  put (ctx, "24", "place", line->place_of_service);
  put (ctx, "24", "code", line->code);
  for (guint m = 0; m < PALP_CLAIM_FORM_MAX_MODIFIERS; m++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "modifier-%u", m + 1);
      put (ctx, "24", name, line->modifiers[m]);
    }
  g_strlcpy (pointers, line->pointers, sizeof pointers);
  put (ctx, "24", "pointer", pointers);
  put_money (ctx, "24", line->charge_cents);
  g_snprintf (units, sizeof units, "%u", line->units);
  put (ctx, "24", "units", units);
  put (ctx, "24", "npi", npi);
}

static void
put_data (Ctx                 *ctx,
          const PalpClaimForm *form,
          guint                page,
          guint                n_pages)
{
  g_autofree char *page_text = g_strdup_printf ("PAGE %u OF %u", page + 1, n_pages);
  g_autofree char *claim_text = NULL;
  g_autofree char *patient = NULL;
  g_autofree char *insured = NULL;
  g_autofree char *tax_id = NULL;
  guint first = page * PALP_CLAIM_FORM_LINES_PER_FORM;
  guint last = MIN (form->lines->len, first + PALP_CLAIM_FORM_LINES_PER_FORM);
  gboolean any_diagnosis = FALSE;

  /* The top margin. */
  if (!is_empty (form->claim_number))
    claim_text = g_strconcat ("CLAIM ", form->claim_number, NULL);
  put (ctx, "top", "claim", claim_text);
  put (ctx, "top", "page", page_text);
  put_carrier (ctx, form);

  /* 1, 1a */
  if (!is_empty (form->coverage_type))
    put_mark (ctx, "1", form->coverage_type);
  put (ctx, "1a", "id", form->insured_id);

  /* 2, 3, 4 */
  patient = person_name (form->patient_family, form->patient_given, form->patient_middle);
  put (ctx, "2", "name", patient);
  put_date (ctx, "3", form->patient_birth_date, "mm", "dd", "yyyy", TRUE);
  put_sex (ctx, "3", form->patient_sex);
  insured = person_name (form->insured_family, form->insured_given, form->insured_middle);
  put (ctx, "4", "name", insured);

  /* 5, 6, 7 */
  put_address (ctx, "5", &form->patient);
  if (!is_empty (form->relationship))
    put_mark (ctx, "6", form->relationship);
  put_address (ctx, "7", &form->insured);

  /* 9, 9a, 9d */
  put (ctx, "9", "name", form->other_insured_name);
  put (ctx, "9a", "number", form->other_policy_number);
  put (ctx, "9d", "plan", form->other_plan_name);

  /* 10a-d */
  put_yes_no (ctx, "10a", form->employment_related);
  put_yes_no (ctx, "10b", form->auto_accident);
  if (form->auto_accident)
    put (ctx, "10b", "state", form->accident_state);
  put_yes_no (ctx, "10c", form->other_accident);
  put (ctx, "10d", "codes", form->claim_codes);

  /* 11, 11a-d */
  put (ctx, "11", "group", form->group_number);
  put_date (ctx, "11a", form->insured_birth_date, "mm", "dd", "yyyy", TRUE);
  put_sex (ctx, "11a", form->insured_sex);
  if (!is_empty (form->other_claim_id))
    {
      put (ctx, "11b", "qualifier", CLAIM_ID_QUALIFIER);
      put (ctx, "11b", "id", form->other_claim_id);
    }
  put (ctx, "11c", "plan", form->plan_name);
  put_yes_no (ctx, "11d", form->has_other_plan);

  /* 12, 13 */
  if (form->patient_signature_on_file)
    put (ctx, "12", "signature", "SIGNATURE ON FILE");
  if (form->insured_signature_on_file)
    put (ctx, "13", "signature", "SIGNATURE ON FILE");

  /* 14, 17, 17b */
  if (!is_empty (form->current_illness_date))
    {
      put_date (ctx, "14", form->current_illness_date, "mm", "dd", "yy", FALSE);
      put (ctx, "14", "qualifier", ONSET_QUALIFIER);
    }
  if (!is_empty (form->referring_name))
    {
      g_autofree char *referring = without_periods (form->referring_name);

      put (ctx, "17", "qualifier", REFERRING_QUALIFIER);
      put (ctx, "17", "name", referring);
    }
  put (ctx, "17b", "npi", form->referring_npi);

  /* 21: the codes without their dot. */
  for (guint i = 0; i < PALP_CLAIM_FORM_MAX_DIAGNOSES; i++)
    {
      char name[2] = { 'a' + i, '\0' };
      g_autofree char *code = NULL;

      if (is_empty (form->diagnoses[i]))
        continue;
      code = without_periods (form->diagnoses[i]);
      put (ctx, "21", name, code);
      any_diagnosis = TRUE;
    }
  if (any_diagnosis)
    put (ctx, "21", "indicator", ICD_QUALIFIER);

  /* 22, 23 */
  put (ctx, "22", "code", form->resubmission_code);
  put (ctx, "22", "reference", form->original_reference);
  put (ctx, "23", "number", form->prior_authorisation);

  /* 24: this form's lines. */
  for (guint i = first; i < last; i++)
    {
      ctx->row = i - first;
      put_line (ctx, g_ptr_array_index (form->lines, i));
    }
  ctx->row = 0;

  /* 25-29 */
  tax_id = digits_of (form->tax_id);
  put (ctx, "25", "number", tax_id);
  if (!is_empty (form->tax_id))
    put_mark (ctx, "25", form->tax_id_is_ssn ? "ssn" : "ein");
  put (ctx, "26", "account", form->account_number);
  put_yes_no (ctx, "27", form->accept_assignment);
  put_money (ctx, "28", palp_claim_form_page_total (form, page));
  if (page == 0 && form->amount_paid_cents > 0)
    put_money (ctx, "29", form->amount_paid_cents);

  /* 31, 32, 33 */
  {
    g_autofree char *signer = without_periods (form->signer_name);

    put (ctx, "31", "name", signer);
  }
  if (!is_empty (form->signed_date))
    {
      guint y, m, d;

      if (parse_date (form->signed_date, &y, &m, &d))
        {
          char date[16];

          g_snprintf (date, sizeof date, "%02u %02u %02u", m, d, y % 100);
          put (ctx, "31", "date", date);
        }
    }
  put_party_block (ctx, "32", &form->facility);
  {
    g_autofree char *npi = digits_of (form->facility_npi);

    put (ctx, "32", "npi", npi);
  }
  put_party_block (ctx, "33", &form->billing);
  put_phone (ctx, "33", form->billing.phone);
  {
    g_autofree char *npi = digits_of (form->billing_npi);

    put (ctx, "33", "npi", npi);
  }
}

/* Drawing the form */

static void
set_color (cairo_t      *cr,
           const double  color[3])
{
  cairo_set_source_rgb (cr, color[0], color[1], color[2]);
}

/* Sets @label's face and text on the caption layout. */
static void
set_label (Ctx         *ctx,
           const Label *label)
{
  const Layout *layout = ctx->layout;
  PangoFontDescription *desc = pango_font_description_from_string (layout->caption_font);

  pango_font_description_set_absolute_size (desc, (label->size > 0 ? label->size
                                                   : layout->caption_size) * PANGO_SCALE);
  pango_font_description_set_weight (desc, label->bold ? PANGO_WEIGHT_BOLD
                                                       : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ctx->caption, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (ctx->caption, label->text, -1);
}

static void
draw_label (Ctx         *ctx,
            const Label *label,
            double       dy)
{
  set_label (ctx, label);
  cairo_move_to (ctx->cr, grid_x (ctx->layout, label->x), grid_y (ctx->layout, label->y + dy));
  pango_cairo_show_layout (ctx->cr, ctx->caption);
}

static void
stroke_lines (Ctx          *ctx,
              const GArray *lines,
              double        dy,
              double        width,
              gboolean      dashed)
{
  const Layout *layout = ctx->layout;
  static const double dash[] = { 1.2, 1.2 };

  if (lines->len == 0)
    return;
  cairo_set_line_width (ctx->cr, width);
  cairo_set_dash (ctx->cr, dash, dashed ? 2 : 0, 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const Rect *r = &g_array_index (lines, Rect, i);

      cairo_move_to (ctx->cr, grid_x (layout, r->x0), grid_y (layout, r->y0 + dy));
      cairo_line_to (ctx->cr, grid_x (layout, r->x1), grid_y (layout, r->y1 + dy));
    }
  cairo_stroke (ctx->cr);
  cairo_set_dash (ctx->cr, NULL, 0, 0);
}

static void
fill_areas (Ctx          *ctx,
            const GArray *areas,
            double        dy)
{
  const Layout *layout = ctx->layout;

  for (guint i = 0; i < areas->len; i++)
    {
      const Rect *r = &g_array_index (areas, Rect, i);

      cairo_rectangle (ctx->cr, grid_x (layout, r->x0), grid_y (layout, r->y0 + dy),
                       (r->x1 - r->x0) * layout->pitch_x, (r->y1 - r->y0) * layout->pitch_y);
    }
  set_color (ctx->cr, layout->shade_color);
  cairo_fill (ctx->cr);
  set_color (ctx->cr, layout->color);
}

/* Text running up the page, between arrows, centred on Y0 .. Y1. */
static void
draw_vlabel (Ctx          *ctx,
             const VLabel *vlabel)
{
  const Layout *layout = ctx->layout;
  cairo_t *cr = ctx->cr;
  Label label = { 0, 0, 0, TRUE, vlabel->text };
  double y0 = grid_y (layout, vlabel->y0) + 4, y1 = grid_y (layout, vlabel->y1) - 4;
  double x = grid_x (layout, vlabel->x);
  PangoRectangle ink, logical;
  double mid, len, cx;

  set_label (ctx, &label);
  pango_layout_get_extents (ctx->caption, &ink, &logical);
  len = (double) logical.width / PANGO_SCALE;
  mid = (y0 + y1) / 2;
  cx = x + (double) logical.height / PANGO_SCALE / 2;

  /* Arrows from the text to both ends. */
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, cx, mid - len / 2 - 3);
  cairo_line_to (cr, cx, y0);
  cairo_move_to (cr, cx, mid + len / 2 + 3);
  cairo_line_to (cr, cx, y1);
  cairo_stroke (cr);
  cairo_move_to (cr, cx, y0);
  cairo_line_to (cr, cx - 2, y0 + 4);
  cairo_line_to (cr, cx + 2, y0 + 4);
  cairo_close_path (cr);
  cairo_move_to (cr, cx, y1);
  cairo_line_to (cr, cx - 2, y1 - 4);
  cairo_line_to (cr, cx + 2, y1 - 4);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, mid + len / 2);
  cairo_rotate (cr, -G_PI / 2);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, ctx->caption);
  cairo_restore (cr);
}

static void
draw_form (Ctx *ctx)
{
  const Layout *layout = ctx->layout;
  cairo_t *cr = ctx->cr;

  cairo_save (cr);
  set_color (cr, layout->color);

  /* Shaded areas first, under the rules. */
  for (guint i = 0; i < layout->boxes->len; i++)
    fill_areas (ctx, ((Box *) g_ptr_array_index (layout->boxes, i))->shade, 0);
  for (guint r = 0; r < layout->rows; r++)
    fill_areas (ctx, layout->row_shade, layout->first_row + r * layout->row_step);

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      Box *box = g_ptr_array_index (layout->boxes, i);

      if (box->has_rect)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_rectangle (cr, grid_x (layout, box->rect.x0), grid_y (layout, box->rect.y0),
                           (box->rect.x1 - box->rect.x0) * layout->pitch_x,
                           (box->rect.y1 - box->rect.y0) * layout->pitch_y);
          cairo_stroke (cr);
        }
      stroke_lines (ctx, box->rules, 0, 0.5, FALSE);
      stroke_lines (ctx, box->heavy, 0, 1.4, FALSE);
      stroke_lines (ctx, box->dashed, 0, 0.4, TRUE);

      for (guint c = 0; c < box->checks->len; c++)
        {
          const Field *check = &g_array_index (box->checks, Field, c);
          double top = grid_y (layout, check->line - 1);

          cairo_set_line_width (cr, 0.5);
          cairo_rectangle (cr, grid_x (layout, check->col - 1) - 0.3,
                           top + CHECK_TOP * layout->pitch_y,
                           layout->pitch_x + 0.6,
                           (CHECK_BOTTOM - CHECK_TOP) * layout->pitch_y);
          cairo_stroke (cr);
        }

      if (box->caption != NULL && box->has_rect)
        {
          Label caption = { box->rect.x0 + 0.2, box->rect.y0 + 0.05, 0, FALSE, box->caption };

          draw_label (ctx, &caption, 0);
        }
      for (guint l = 0; l < box->labels->len; l++)
        draw_label (ctx, &g_array_index (box->labels, Label, l), 0);
      for (guint l = 0; l < box->vlabels->len; l++)
        draw_vlabel (ctx, &g_array_index (box->vlabels, VLabel, l));
    }

  /* Box 24's service lines. */
  for (guint r = 0; r < layout->rows; r++)
    {
      double top = layout->first_row + r * layout->row_step;
      char number[4];
      Label label = { layout->row_number_x, layout->row_number_y, 9, TRUE, number };

      stroke_lines (ctx, layout->row_rules, top, 0.5, FALSE);
      stroke_lines (ctx, layout->row_dashed, top, 0.4, TRUE);
      for (guint l = 0; l < layout->row_labels->len; l++)
        draw_label (ctx, &g_array_index (layout->row_labels, Label, l), top);
      g_snprintf (number, sizeof number, "%u", r + 1);
      draw_label (ctx, &label, top);
    }

  cairo_restore (cr);
}

/* The fixed-pitch face at the size that fills the grid's pitch exactly. */
static PangoFontDescription *
mono_font (PangoLayout  *mono,
           const Layout *layout)
{
  PangoFontDescription *desc = pango_font_description_from_string (layout->font);
  PangoRectangle logical;
  const double probe = 10.0;

  pango_font_description_set_absolute_size (desc, probe * PANGO_SCALE);
  pango_layout_set_font_description (mono, desc);
  pango_layout_set_text (mono, "0000000000", -1);
  pango_layout_get_extents (mono, NULL, &logical);
  if (logical.width > 0)
    pango_font_description_set_absolute_size (desc, probe * PANGO_SCALE *
                                              (10 * layout->pitch_x) /
                                              ((double) logical.width / PANGO_SCALE));
  return desc;
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
palp_doc_claim_options_from_settings (GSettings           *settings,
                                      PalpDocClaimOptions *options)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (options != NULL);

  *options = (PalpDocClaimOptions) { FALSE, 0, 0 };
  if (settings == NULL)
    return;
  options->preprinted = g_settings_get_boolean (settings, "claim-form-preprinted");
  options->offset_x_mm = g_settings_get_double (settings, "claim-form-offset-x");
  options->offset_y_mm = g_settings_get_double (settings, "claim-form-offset-y");
}

GBytes *
palp_doc_claim_render (const PalpClaimForm        *form,
                       const PalpDocClaimOptions  *options,
                       GError                    **error)
{
  static const PalpDocClaimOptions blank = { FALSE, 0, 0 };
  g_autoptr(Layout) layout = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(PangoLayout) mono = NULL;
  g_autoptr(PangoLayout) caption = NULL;
  g_autofree char *title = NULL;
  PangoFontDescription *desc;
  cairo_font_options_t *font_options;
  cairo_surface_t *surface;
  cairo_surface_t *form_surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  Ctx ctx = { 0 };

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &blank;
  if (!isfinite (options->offset_x_mm) || !isfinite (options->offset_y_mm) ||
      fabs (options->offset_x_mm) > 25.4 || fabs (options->offset_y_mm) > 25.4)
    {
      invalid (error, _("The printer offsets for claim forms must be within 25 mm either way."));
      return NULL;
    }
  if (!validate (form, error))
    return NULL;
  if ((layout = layout_load (error)) == NULL)
    return NULL;

  buffer = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, buffer, PAGE_W, PAGE_H);
  title = g_strconcat ("CMS-1500", form->claim_number != NULL ? " " : "",
                       form->claim_number != NULL ? form->claim_number : "", NULL);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);
  cr = cairo_create (surface);

  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  mono = pango_cairo_create_layout (cr);
  caption = pango_cairo_create_layout (cr);
  pango_cairo_context_set_font_options (pango_layout_get_context (mono), font_options);
  pango_cairo_context_set_font_options (pango_layout_get_context (caption), font_options);
  /* Whole-point glyph positions would leave the grid by a character a line. */
  pango_context_set_round_glyph_positions (pango_layout_get_context (mono), FALSE);
  pango_context_set_round_glyph_positions (pango_layout_get_context (caption), FALSE);
  pango_layout_context_changed (mono);
  pango_layout_context_changed (caption);
  cairo_font_options_destroy (font_options);
  desc = mono_font (mono, layout);
  pango_layout_set_font_description (mono, desc);
  pango_font_description_free (desc);

  ctx.layout = layout;
  ctx.cr = cr;
  ctx.mono = mono;
  ctx.caption = caption;
  if (options->preprinted)
    {
      ctx.dx = options->offset_x_mm * MM_TO_PT;
      ctx.dy = options->offset_y_mm * MM_TO_PT;
    }

  /* The form is drawn once and shown on every page: the PDF carries it
   * once, however many forms the claim takes. */
  if (!options->preprinted)
    {
      cairo_rectangle_t extents = { 0, 0, PAGE_W, PAGE_H };

      form_surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      ctx.cr = cairo_create (form_surface);
      draw_form (&ctx);
      cairo_destroy (ctx.cr);
      ctx.cr = cr;
    }

  n_pages = palp_claim_form_n_pages (form);
  for (guint p = 0; p < n_pages && ctx.error == NULL; p++)
    {
      if (form_surface != NULL)
        {
          cairo_set_source_surface (cr, form_surface, 0, 0);
          cairo_paint (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      put_data (&ctx, form, p, n_pages);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  g_clear_pointer (&form_surface, cairo_surface_destroy);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_RENDER,
                   _("The document could not be drawn (%s). Try again; if it keeps "
                     "failing, report it with the document you were printing."),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
