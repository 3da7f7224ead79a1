/* palp-doc.c: the document builder every printed page goes through
 *
 * Layout happens as blocks are added: each block measures its text with
 * pango, finds room on the current page (or opens a new one) and leaves
 * behind drawing operations positioned on their page. Writing the PDF
 * replays those operations page by page, adding what needs the page count
 * (footers) or may change late (running header, watermark). Replaying is
 * cheap and repeatable, so the bytes and the file come from the same
 * operations and are identical.
 *
 * Measuring uses a pango context of our own at 72 dpi with metric hinting
 * off, the settings cairo's PDF surface draws with, so what is measured
 * is what is printed. Text breaks only between lines: a line is drawn with
 * pango_cairo_show_layout_line(), never clipped, so no half-hidden text
 * ends up in the PDF for a text extractor to find twice.
 *
 * A PalpDoc is used from one thread at a time (a background batch makes
 * its documents in its own thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "palp-doc.h"

#define FONT_FAMILY        "DejaVu Sans"
#define CREATOR            "Palpate"
/* Points reserved on pages after the first for the running header. */
#define RUNNING_HEADER_H   28.0
#define FOOTER_OFFSET      26.0   /* footer baseline above the page's bottom edge */
#define CELL_PAD_X         6.0
#define CELL_PAD_Y         5.0
#define NOTICE_PAD_X       12.0
#define NOTICE_PAD_Y       9.0
#define LOGO_MAX_W         96.0
#define LOGO_MAX_H         60.0
#define SIGNATURE_W        240.0
#define SIGNATURE_IMAGE_H  46.0
#define IMAGE_MAX_PIXELS   4096
#define EPSILON            0.01

typedef struct
{
  double r, g, b, a;
} Color;

static const Color ink = { 0.13, 0.13, 0.14, 1.0 };
static const Color muted_ink = { 0.40, 0.41, 0.43, 1.0 };
static const Color accent = { 0.16, 0.33, 0.45, 1.0 };
static const Color rule_color = { 0.80, 0.81, 0.83, 1.0 };
static const Color header_fill = { 0.94, 0.95, 0.96, 1.0 };
static const Color notice_fill = { 0.95, 0.96, 0.97, 1.0 };
static const Color watermark_color = { 0.75, 0.12, 0.12, 0.18 };

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} LineBox;

/* A measured piece of text; shared by every operation that draws a part
 * of it (a paragraph split over pages, a header row repeated). */
typedef struct
{
  PangoLayout *layout;
  GArray      *lines;   /* LineBox, in points, relative to the layout's top */
  double       width;
  double       height;
} TextBlock;

typedef enum
{
  OP_TEXT,
  OP_RULE,
  OP_RECT,
  OP_IMAGE,
  OP_DRAWING,
} OpKind;

/* Drawn by the caller, each time the PDF is written. */
typedef struct
{
  PalpDocDrawFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  char            *text;
  double           scale;   /* < 1 when shrunk to fit a page */
} Drawing;

typedef struct
{
  OpKind           kind;
  double           x, y;
  double           w, h;         /* RULE: to (x + w, y + h); RECT, IMAGE: size */
  double           line_width;   /* RULE */
  Color            color;
  TextBlock       *text;         /* TEXT: lines first .. first + n_lines - 1, */
  guint            first_line;   /*   the first one's top at y */
  guint            n_lines;
  cairo_surface_t *image;        /* IMAGE */
  Drawing         *drawing;      /* DRAWING: w × h is its size on the page */
} Op;

typedef enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_STRONG,
  FONT_TITLE,
  FONT_ASIDE,
  FONT_HEADING,
  FONT_CLINIC,
  FONT_CAPTION,
  FONT_CELL,
  FONT_CELL_STRONG,
  FONT_CELL_HEADER,
  FONT_TOTAL_STRONG,
  FONT_FOOTER,
  FONT_WATERMARK,
  N_FONTS
} FontRole;

static const struct
{
  double      size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_BODY]         = { 9.5, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL]        = { 8.0, PANGO_WEIGHT_NORMAL },
  [FONT_STRONG]       = { 9.5, PANGO_WEIGHT_BOLD },
  [FONT_TITLE]        = { 19.0, PANGO_WEIGHT_BOLD },
  [FONT_ASIDE]        = { 10.5, PANGO_WEIGHT_BOLD },
  [FONT_HEADING]      = { 10.5, PANGO_WEIGHT_BOLD },
  [FONT_CLINIC]       = { 14.5, PANGO_WEIGHT_BOLD },
  [FONT_CAPTION]      = { 7.0, PANGO_WEIGHT_BOLD },
  [FONT_CELL]         = { 8.5, PANGO_WEIGHT_NORMAL },
  [FONT_CELL_STRONG]  = { 8.5, PANGO_WEIGHT_BOLD },
  [FONT_CELL_HEADER]  = { 7.5, PANGO_WEIGHT_BOLD },
  [FONT_TOTAL_STRONG] = { 11.0, PANGO_WEIGHT_BOLD },
  [FONT_FOOTER]       = { 7.5, PANGO_WEIGHT_NORMAL },
  [FONT_WATERMARK]    = { 120.0, PANGO_WEIGHT_BOLD },
};

typedef struct
{
  guint       n_columns;
  double     *x;         /* left edge of each column */
  double     *w;         /* width of each column */
  PalpDocAlign *align;
  TextBlock **header;    /* header cells, drawn again on every page */
  double      header_h;
} Table;

struct _PalpDoc
{
  GObject                parent_instance;

  PalpPaper              paper;
  double                 page_w, page_h;
  double                 margin_top, margin_right, margin_bottom, margin_left;

  char                  *title;
  char                  *author;
  char                  *subject;
  GDateTime             *creation_date;
  char                  *footer_text;
  char                  *page_format;
  char                  *watermark;
  char                  *clinic_name;

  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];

  GPtrArray             *pages;   /* of GPtrArray of Op */
  double                 y;       /* layout cursor on the last page */
  double                 pending_space;
  Table                 *table;
};

G_DEFINE_FINAL_TYPE (PalpDoc, palp_doc, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_SUBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (palp-doc-error-quark, palp_doc_error)

PalpPaper
palp_paper_from_string (const char *name)
{
  if (name != NULL && g_ascii_strcasecmp (name, "a4") == 0)
    return PALP_PAPER_A4;
  return PALP_PAPER_LETTER;
}

void
palp_paper_get_size (PalpPaper  paper,
                     double    *width_pt,
                     double    *height_pt)
{
  double w, h;

  switch (paper)
    {
    case PALP_PAPER_A4:
      /* 210 × 297 mm at 72 points per inch */
      w = 210.0 / 25.4 * 72.0;
      h = 297.0 / 25.4 * 72.0;
      break;
    case PALP_PAPER_LETTER:
    default:
      w = 612.0;
      h = 792.0;
      break;
    }

  if (width_pt != NULL)
    *width_pt = w;
  if (height_pt != NULL)
    *height_pt = h;
}

/* ---------------------------------------------------------------------- */
/* Text blocks                                                            */

static void
text_block_clear (gpointer data)
{
  TextBlock *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
}

static TextBlock *
text_block_ref (TextBlock *block)
{
  return g_rc_box_acquire (block);
}

static void
text_block_unref (TextBlock *block)
{
  g_rc_box_release_full (block, text_block_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TextBlock, text_block_unref)

/* @width <= 0: no wrapping. */
static TextBlock *
text_block_new (PalpDoc        *self,
                const char     *text,
                FontRole        font,
                double          width,
                PalpDocAlign    align)
{
  TextBlock *block = g_rc_box_new0 (TextBlock);
  g_autofree char *valid = NULL;
  PangoAttrList *attrs;
  PangoLayoutIter *iter;
  PangoRectangle logical;

  if (text == NULL)
    text = "";
  /* pango refuses (and warns about) broken UTF-8; print what can be read. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  block->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (block->layout, self->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
    }
  switch (align)
    {
    case PALP_DOC_ALIGN_CENTER:
      pango_layout_set_alignment (block->layout, PANGO_ALIGN_CENTER);
      break;
    case PALP_DOC_ALIGN_END:
      pango_layout_set_alignment (block->layout, PANGO_ALIGN_RIGHT);
      break;
    case PALP_DOC_ALIGN_START:
    default:
      pango_layout_set_alignment (block->layout, PANGO_ALIGN_LEFT);
      break;
    }

  /* A hyphen pango adds inside a long word or a number would end up in
   * the extracted text and could turn "123456789" into two numbers. */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (block->layout, attrs);
  pango_attr_list_unref (attrs);

  /* set_text, never set_markup: user text is text. */
  pango_layout_set_text (block->layout, text, -1);

  block->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      LineBox box;
      int y0, y1;
      PangoRectangle line_logical;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
      box.top = (double) y0 / PANGO_SCALE;
      box.bottom = (double) y1 / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.x = (double) line_logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (block->layout, NULL, &logical);
  block->width = (double) logical.width / PANGO_SCALE;
  block->height = (double) logical.height / PANGO_SCALE;

  return block;
}

static const LineBox *
line_at (const TextBlock *block,
         guint            i)
{
  return &g_array_index (block->lines, LineBox, i);
}

/* Height of lines @first .. @first + @n - 1. */
static double
lines_height (const TextBlock *block,
              guint            first,
              guint            n)
{
  if (n == 0)
    return 0;
  return line_at (block, first + n - 1)->bottom - line_at (block, first)->top;
}

/* How many lines from @first fit in @avail points. */
static guint
lines_fitting (const TextBlock *block,
               guint            first,
               double           avail)
{
  guint k = first;

  while (k < block->lines->len && lines_height (block, first, k - first + 1) <= avail + EPSILON)
    k++;

  return k - first;
}

/* ---------------------------------------------------------------------- */
/* Operations                                                             */

static void
drawing_clear (gpointer data)
{
  Drawing *drawing = data;

  if (drawing->destroy != NULL)
    drawing->destroy (drawing->user_data);
  g_free (drawing->text);
}

static void
drawing_unref (Drawing *drawing)
{
  g_rc_box_release_full (drawing, drawing_clear);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op == NULL)
    return;

  g_clear_pointer (&op->text, text_block_unref);
  g_clear_pointer (&op->image, cairo_surface_destroy);
  g_clear_pointer (&op->drawing, drawing_unref);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, op_free)

static Op *
op_text (TextBlock   *block,
         guint        first,
         guint        n,
         double       x,
         double       y,
         const Color *color)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_TEXT;
  op->text = text_block_ref (block);
  op->first_line = first;
  op->n_lines = n;
  op->x = x;
  op->y = y;
  op->color = *color;
  return op;
}

static Op *
op_text_all (TextBlock   *block,
             double       x,
             double       y,
             const Color *color)
{
  return op_text (block, 0, block->lines->len, x, y, color);
}

static Op *
op_rule (double       x,
         double       y,
         double       w,
         double       line_width,
         const Color *color)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_RULE;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = 0;
  op->line_width = line_width;
  op->color = *color;
  return op;
}

static Op *
op_rect (double       x,
         double       y,
         double       w,
         double       h,
         const Color *color)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_RECT;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->color = *color;
  return op;
}

static Op *
op_image (cairo_surface_t *image,
          double           x,
          double           y,
          double           w,
          double           h)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_IMAGE;
  op->image = cairo_surface_reference (image);
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  return op;
}

static Op *
op_drawing (Drawing *drawing,
            double   x,
            double   y,
            double   w,
            double   h)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_DRAWING;
  op->drawing = drawing;
  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  return op;
}

static void
draw_op (cairo_t  *cr,
         const Op *op)
{
  switch (op->kind)
    {
    case OP_TEXT:
      {
        GSList *lines = pango_layout_get_lines_readonly (op->text->layout);
        double top = line_at (op->text, op->first_line)->top;

        cairo_set_source_rgba (cr, op->color.r, op->color.g, op->color.b, op->color.a);
        lines = g_slist_nth (lines, op->first_line);
        for (guint i = 0; i < op->n_lines && lines != NULL; i++, lines = lines->next)
          {
            const LineBox *box = line_at (op->text, op->first_line + i);

            cairo_move_to (cr, op->x + box->x, op->y + box->baseline - top);
            pango_cairo_show_layout_line (cr, lines->data);
          }
      }
      break;

    case OP_RULE:
      cairo_set_source_rgba (cr, op->color.r, op->color.g, op->color.b, op->color.a);
      cairo_set_line_width (cr, op->line_width);
      cairo_move_to (cr, op->x, op->y);
      cairo_line_to (cr, op->x + op->w, op->y + op->h);
      cairo_stroke (cr);
      break;

    case OP_RECT:
      cairo_set_source_rgba (cr, op->color.r, op->color.g, op->color.b, op->color.a);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_fill (cr);
      break;

    case OP_IMAGE:
      {
        int iw = cairo_image_surface_get_width (op->image);
        int ih = cairo_image_surface_get_height (op->image);

        cairo_save (cr);
        cairo_translate (cr, op->x, op->y);
        cairo_scale (cr, op->w / iw, op->h / ih);
        cairo_set_source_surface (cr, op->image, 0, 0);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_rectangle (cr, 0, 0, iw, ih);
        cairo_fill (cr);
        cairo_restore (cr);
      }
      break;

    case OP_DRAWING:
      /* In its own box: whatever state the caller leaves, or draws past
       * its edge, stays there. */
      cairo_save (cr);
      cairo_rectangle (cr, op->x, op->y, op->w, op->h);
      cairo_clip (cr);
      cairo_translate (cr, op->x, op->y);
      cairo_scale (cr, op->drawing->scale, op->drawing->scale);
      cairo_new_path (cr);
      op->drawing->func (cr, op->w / op->drawing->scale, op->h / op->drawing->scale,
                         op->drawing->user_data);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------- */
/* Pages and the layout cursor                                            */

static double
content_left (PalpDoc *self)
{
  return self->margin_left;
}

static double
content_width (PalpDoc *self)
{
  return self->page_w - self->margin_left - self->margin_right;
}

static double
body_top (PalpDoc *self,
          guint    page_index)
{
  return self->margin_top + (page_index > 0 ? RUNNING_HEADER_H : 0);
}

static double
body_bottom (PalpDoc *self)
{
  return self->page_h - self->margin_bottom;
}

static GPtrArray *
current_page (PalpDoc *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (PalpDoc *self)
{
  g_ptr_array_add (self->pages, g_ptr_array_new_with_free_func (op_free));
  self->y = body_top (self, self->pages->len - 1);
}

static gboolean
at_page_top (PalpDoc *self)
{
  return self->y <= body_top (self, self->pages->len - 1) + EPSILON;
}

/* Called before every block: a first page if none, and the space asked
 * for since the last block, unless the block starts a page. */
static void
start_block (PalpDoc *self)
{
  if (self->pages->len == 0)
    new_page (self);

  if (!at_page_top (self))
    self->y += self->pending_space;
  self->pending_space = 0;
}

static void
emit (PalpDoc *self,
      Op      *op)
{
  g_ptr_array_add (current_page (self), op);
}

static gboolean
fits (PalpDoc *self,
      double   height)
{
  return self->y + height <= body_bottom (self) + EPSILON;
}

/* Places a group of operations laid out from y = 0 and @height tall,
 * whole: on this page if it fits, else at the top of the next. */
static void
emit_group (PalpDoc   *self,
            GPtrArray *ops,
            double     height,
            double     keep_with_next)
{
  start_block (self);

  if (!fits (self, height + keep_with_next) && !at_page_top (self))
    new_page (self);

  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      op->y += self->y;
      emit (self, op);
      ops->pdata[i] = NULL;
    }

  self->y += height;
}

static GPtrArray *
group_new (void)
{
  return g_ptr_array_new_with_free_func (op_free);
}

/* Flows @block from the cursor, breaking between lines, inside an
 * optional tinted box. Never leaves a single line of a longer text alone
 * at the bottom of a page. */
static void
flow_text (PalpDoc     *self,
           TextBlock   *block,
           double       x,
           const Color *color,
           const Color *box_fill,
           double       pad_x,
           double       pad_y)
{
  guint next = 0;
  guint n = block->lines->len;

  start_block (self);

  /* A box that fits on a fresh page is not split. */
  if (box_fill != NULL && !fits (self, block->height + 2 * pad_y) && !at_page_top (self)
      && block->height + 2 * pad_y <= body_bottom (self) - body_top (self, 1))
    new_page (self);

  while (next < n)
    {
      double avail = body_bottom (self) - self->y - 2 * pad_y;
      guint fit = lines_fitting (block, next, avail);
      double chunk;

      if (fit == 1 && n - next > 2 && !at_page_top (self))
        fit = 0;

      if (fit == 0)
        {
          if (!at_page_top (self))
            {
              new_page (self);
              continue;
            }
          /* A line taller than a page: print it anyway. */
          fit = 1;
        }

      chunk = lines_height (block, next, fit);
      if (box_fill != NULL)
        {
          emit (self, op_rect (content_left (self), self->y, content_width (self),
                               chunk + 2 * pad_y, box_fill));
          emit (self, op_rect (content_left (self), self->y, 3.0, chunk + 2 * pad_y, &accent));
        }
      emit (self, op_text (block, next, fit, x + pad_x, self->y + pad_y, color));
      self->y += chunk + 2 * pad_y;
      next += fit;

      if (next < n)
        new_page (self);
    }
}

/* ---------------------------------------------------------------------- */
/* Images                                                                 */

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
png_read_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* NULL when @bytes are not a PNG cairo can read, or an absurd one. */
static cairo_surface_t *
image_from_png (GBytes *bytes)
{
  PngReader reader = { 0, };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (bytes, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (png_read_cb, &reader);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) < 1
      || cairo_image_surface_get_height (surface) < 1
      || cairo_image_surface_get_width (surface) > IMAGE_MAX_PIXELS
      || cairo_image_surface_get_height (surface) > IMAGE_MAX_PIXELS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/* The image's size scaled to fit @max_w × @max_h. A small bitmap is drawn
 * at least at half the box, so a 40-pixel logo does not shrink to a speck. */
static void
fit_image (cairo_surface_t *image,
           double           max_w,
           double           max_h,
           double          *out_w,
           double          *out_h)
{
  double iw = cairo_image_surface_get_width (image);
  double ih = cairo_image_surface_get_height (image);
  double scale = MIN (MIN (max_w / iw, max_h / ih), 1.0);

  if (iw * scale < max_w / 2 && ih * scale < max_h / 2)
    scale = MIN (max_w / iw, max_h / ih) / 2;

  *out_w = iw * scale;
  *out_h = ih * scale;
}

/* A copy of @image at no more than 4 pixels per point of @w × @h (about
 * 300 dpi): the PDF embeds the pixels it is given, and a 4000-pixel logo
 * on every one of a year's receipts adds up. Takes @image. */
static cairo_surface_t *
shrink_image (cairo_surface_t *image,
              double           w,
              double           h)
{
  int iw = cairo_image_surface_get_width (image);
  int ih = cairo_image_surface_get_height (image);
  int tw = (int) ceil (w * 4);
  int th = (int) ceil (h * 4);
  cairo_surface_t *small;
  cairo_t *cr;

  if (iw <= tw || ih <= th)
    return image;

  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cr = cairo_create (small);
  cairo_scale (cr, (double) tw / iw, (double) th / ih);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return small;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */

static void
palp_doc_finalize (GObject *object)
{
  PalpDoc *self = (PalpDoc *) object;

  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_free (self->footer_text);
  g_free (self->page_format);
  g_free (self->watermark);
  g_free (self->clinic_name);
  g_clear_object (&self->context);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_warn_if_fail (self->table == NULL);

  G_OBJECT_CLASS (palp_doc_parent_class)->finalize (object);
}

static void
palp_doc_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PalpDoc *self = PALP_DOC (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_doc_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PalpDoc *self = PALP_DOC (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      palp_doc_set_title (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      palp_doc_set_author (self, g_value_get_string (value));
      break;
    case PROP_SUBJECT:
      palp_doc_set_subject (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_doc_class_init (PalpDocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_doc_finalize;
  object_class->get_property = palp_doc_get_property;
  object_class->set_property = palp_doc_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_doc_init (PalpDoc *self)
{
  cairo_font_options_t *options;
  PangoFontMap *font_map;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->margin_top = 50.0;
  self->margin_right = 54.0;
  self->margin_bottom = 58.0;
  self->margin_left = 54.0;

  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* What a PDF surface uses: outlines without hinting, so the widths
   * measured here are the widths printed. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family_static (self->fonts[i], FONT_FAMILY);
      pango_font_description_set_size (self->fonts[i], (int) (font_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], font_specs[i].weight);
    }
}

PalpDoc *
palp_doc_new (PalpPaper paper)
{
  PalpDoc *self = g_object_new (PALP_TYPE_DOC, NULL);

  self->paper = paper;
  palp_paper_get_size (paper, &self->page_w, &self->page_h);

  return self;
}

PalpPaper
palp_doc_get_paper (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), PALP_PAPER_LETTER);

  return self->paper;
}

double
palp_doc_get_page_width (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), 0);

  return self->page_w;
}

double
palp_doc_get_page_height (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), 0);

  return self->page_h;
}

void
palp_doc_set_margins (PalpDoc *self,
                      double   top,
                      double   right,
                      double   bottom,
                      double   left)
{
  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->pages->len == 0);
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= FOOTER_OFFSET && left >= 0);
  g_return_if_fail (left + right < self->page_w / 2 && top + bottom < self->page_h / 2);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
palp_doc_get_title (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), NULL);

  return self->title;
}

void
palp_doc_set_title (PalpDoc    *self,
                    const char *title)
{
  g_return_if_fail (PALP_IS_DOC (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
palp_doc_get_author (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), NULL);

  return self->author;
}

void
palp_doc_set_author (PalpDoc    *self,
                     const char *author)
{
  g_return_if_fail (PALP_IS_DOC (self));

  if (set_string (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
palp_doc_get_subject (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), NULL);

  return self->subject;
}

void
palp_doc_set_subject (PalpDoc    *self,
                      const char *subject)
{
  g_return_if_fail (PALP_IS_DOC (self));

  if (set_string (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

void
palp_doc_set_creation_date (PalpDoc   *self,
                            GDateTime *date)
{
  g_return_if_fail (PALP_IS_DOC (self));

  g_clear_pointer (&self->creation_date, g_date_time_unref);
  if (date != NULL)
    self->creation_date = g_date_time_ref (date);
}

void
palp_doc_set_language (PalpDoc    *self,
                       const char *language)
{
  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->pages->len == 0);

  pango_context_set_language (self->context,
                              language != NULL ? pango_language_from_string (language)
                                               : pango_language_get_default ());
}

void
palp_doc_set_footer_text (PalpDoc    *self,
                          const char *text)
{
  g_return_if_fail (PALP_IS_DOC (self));

  set_string (&self->footer_text, text);
}

void
palp_doc_set_page_format (PalpDoc    *self,
                          const char *format)
{
  g_return_if_fail (PALP_IS_DOC (self));

  set_string (&self->page_format, format);
}

void
palp_doc_set_watermark (PalpDoc    *self,
                        const char *text)
{
  g_return_if_fail (PALP_IS_DOC (self));

  set_string (&self->watermark, text != NULL && text[0] != '\0' ? text : NULL);
}

guint
palp_doc_get_n_pages (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), 0);

  return MAX (self->pages->len, 1);
}

/* ---------------------------------------------------------------------- */
/* Blocks                                                                 */

static char *
join_lines (const char * const *lines)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }

  return g_string_free (out, FALSE);
}

gboolean
palp_doc_add_letterhead (PalpDoc                  *self,
                         const PalpDocLetterhead  *letterhead,
                         GError                  **error)
{
  g_autoptr(GPtrArray) group = NULL;
  cairo_surface_t *logo = NULL;
  g_autofree char *address = NULL;
  g_autofree char *right = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *registration = NULL;
  double width, right_w, left_x, left_w, logo_w = 0, logo_h = 0;
  double left_h = 0, right_h = 0, height;

  g_return_val_if_fail (PALP_IS_DOC (self), FALSE);
  g_return_val_if_fail (letterhead != NULL, FALSE);
  g_return_val_if_fail (self->table == NULL, FALSE);

  if (letterhead->logo_png != NULL && !(logo = image_from_png (letterhead->logo_png)))
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_IMAGE,
                   _("The clinic logo is not a PNG image Palpate can print. Choose a PNG file "
                     "of at most %d × %d pixels."),
                   IMAGE_MAX_PIXELS, IMAGE_MAX_PIXELS);
      return FALSE;
    }

  set_string (&self->clinic_name, letterhead->name);

  group = group_new ();
  width = content_width (self);
  left_x = content_left (self);

  contact = join_lines (letterhead->contact);
  registration = join_lines (letterhead->registration);
  right = g_strjoin (contact[0] != '\0' && registration[0] != '\0' ? "\n" : "",
                     contact, registration, NULL);
  /* The contact column takes what its longest line needs, so a long
   * clinic name keeps to one line when it can. */
  {
    g_autoptr(TextBlock) natural = text_block_new (self, right, FONT_SMALL, 0,
                                                   PALP_DOC_ALIGN_END);

    right_w = CLAMP (natural->width + 1.0, width * 0.20, width * 0.45);
  }

  if (logo != NULL)
    {
      fit_image (logo, LOGO_MAX_W, LOGO_MAX_H, &logo_w, &logo_h);
      logo = shrink_image (logo, logo_w, logo_h);
      g_ptr_array_add (group, op_image (logo, left_x, 0, logo_w, logo_h));
      left_x += logo_w + 14.0;
      cairo_surface_destroy (logo);
    }
  left_w = content_left (self) + width - right_w - 16.0 - left_x;

  if (letterhead->name != NULL && letterhead->name[0] != '\0')
    {
      g_autoptr(TextBlock) name = text_block_new (self, letterhead->name, FONT_CLINIC, left_w,
                                                  PALP_DOC_ALIGN_START);

      g_ptr_array_add (group, op_text_all (name, left_x, 0, &accent));
      left_h = name->height + 4.0;
    }

  address = join_lines (letterhead->address);
  if (address[0] != '\0')
    {
      g_autoptr(TextBlock) lines = text_block_new (self, address, FONT_SMALL, left_w,
                                                   PALP_DOC_ALIGN_START);

      g_ptr_array_add (group, op_text_all (lines, left_x, left_h, &muted_ink));
      left_h += lines->height;
    }

  if (right[0] != '\0')
    {
      g_autoptr(TextBlock) lines = text_block_new (self, right, FONT_SMALL, right_w,
                                                   PALP_DOC_ALIGN_END);

      right_h = lines->height;
      g_ptr_array_add (group, op_text_all (lines, content_left (self) + width - right_w, 2.0,
                                           &muted_ink));
      right_h += 2.0;
    }

  height = MAX (MAX (left_h, right_h), logo_h) + 10.0;
  g_ptr_array_add (group, op_rule (content_left (self), height, width, 1.2, &accent));
  height += 1.2;

  emit_group (self, group, height, 0);
  self->pending_space = 20.0;

  return TRUE;
}

void
palp_doc_add_title (PalpDoc    *self,
                    const char *title,
                    const char *aside)
{
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(TextBlock) heading = NULL;
  double width, height;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);

  group = group_new ();
  width = content_width (self);
  heading = text_block_new (self, title, FONT_TITLE, width * 0.60, PALP_DOC_ALIGN_START);
  g_ptr_array_add (group, op_text_all (heading, content_left (self), 0, &ink));
  height = heading->height;

  if (aside != NULL && aside[0] != '\0')
    {
      g_autoptr(TextBlock) right = text_block_new (self, aside, FONT_ASIDE, width * 0.38,
                                                   PALP_DOC_ALIGN_END);
      /* On the title's first baseline. */
      double y = line_at (heading, 0)->baseline - line_at (right, 0)->baseline;

      g_ptr_array_add (group, op_text_all (right, content_left (self) + width * 0.62, y, &ink));
      height = MAX (height, y + right->height);
    }

  emit_group (self, group, height, 60.0);
  self->pending_space = 16.0;
}

void
palp_doc_add_heading (PalpDoc    *self,
                      const char *text)
{
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(TextBlock) heading = NULL;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);

  if (self->pending_space < 14.0)
    self->pending_space = 14.0;

  group = group_new ();
  heading = text_block_new (self, text, FONT_HEADING, content_width (self), PALP_DOC_ALIGN_START);
  g_ptr_array_add (group, op_text_all (heading, content_left (self), 0, &accent));

  /* Kept with at least a few lines of what follows. */
  emit_group (self, group, heading->height, 48.0);
  self->pending_space = 6.0;
}

void
palp_doc_add_address (PalpDoc              *self,
                      const PalpDocAddress *address,
                      const PalpDocField   *fields,
                      gsize                 n_fields)
{
  g_autoptr(GPtrArray) group = NULL;
  double width, left_w, right_w, right_x;
  double left_h = 0, right_h = 0;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);
  g_return_if_fail (n_fields == 0 || fields != NULL);

  group = group_new ();
  width = content_width (self);
  left_w = width * 0.52;
  right_w = width * 0.42;
  right_x = content_left (self) + width - right_w;

  if (address != NULL)
    {
      if (address->caption != NULL && address->caption[0] != '\0')
        {
          g_autofree char *upper = g_utf8_strup (address->caption, -1);
          g_autoptr(TextBlock) caption = text_block_new (self, upper, FONT_CAPTION, left_w,
                                                         PALP_DOC_ALIGN_START);

          g_ptr_array_add (group, op_text_all (caption, content_left (self), 0, &muted_ink));
          left_h += caption->height + 3.0;
        }
      if (address->name != NULL && address->name[0] != '\0')
        {
          g_autoptr(TextBlock) name = text_block_new (self, address->name, FONT_STRONG, left_w,
                                                      PALP_DOC_ALIGN_START);

          g_ptr_array_add (group, op_text_all (name, content_left (self), left_h, &ink));
          left_h += name->height + 1.0;
        }
      if (address->lines != NULL)
        {
          g_autofree char *joined = join_lines (address->lines);
          g_autoptr(TextBlock) lines = text_block_new (self, joined, FONT_BODY, left_w,
                                                       PALP_DOC_ALIGN_START);

          if (joined[0] != '\0')
            {
              g_ptr_array_add (group, op_text_all (lines, content_left (self), left_h, &ink));
              left_h += lines->height;
            }
        }
    }

  for (gsize i = 0; i < n_fields; i++)
    {
      g_autoptr(TextBlock) label = text_block_new (self, fields[i].label, FONT_SMALL,
                                                   right_w * 0.45, PALP_DOC_ALIGN_START);
      g_autoptr(TextBlock) value = text_block_new (self, fields[i].value, FONT_BODY,
                                                   right_w * 0.55, PALP_DOC_ALIGN_END);
      /* Label and value share a baseline. */
      double shift = line_at (value, 0)->baseline - line_at (label, 0)->baseline;

      g_ptr_array_add (group, op_text_all (label, right_x, right_h + shift, &muted_ink));
      g_ptr_array_add (group, op_text_all (value, right_x + right_w * 0.45, right_h, &ink));
      right_h += MAX (value->height, shift + label->height) + 3.0;
    }

  emit_group (self, group, MAX (left_h, right_h), 0);
  self->pending_space = 18.0;
}

void
palp_doc_add_paragraph (PalpDoc          *self,
                        const char       *text,
                        PalpDocTextStyle  style)
{
  g_autoptr(TextBlock) block = NULL;
  FontRole font;
  const Color *color = &ink;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);

  switch (style)
    {
    case PALP_DOC_TEXT_SMALL:
      font = FONT_SMALL;
      break;
    case PALP_DOC_TEXT_MUTED:
      font = FONT_SMALL;
      color = &muted_ink;
      break;
    case PALP_DOC_TEXT_STRONG:
      font = FONT_STRONG;
      break;
    case PALP_DOC_TEXT_BODY:
    default:
      font = FONT_BODY;
      break;
    }

  block = text_block_new (self, text, font, content_width (self), PALP_DOC_ALIGN_START);
  flow_text (self, block, content_left (self), color, NULL, 0, 0);
  self->pending_space = 8.0;
}

void
palp_doc_add_notice (PalpDoc    *self,
                     const char *text)
{
  g_autoptr(TextBlock) block = NULL;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);

  if (self->pending_space < 12.0)
    self->pending_space = 12.0;

  block = text_block_new (self, text, FONT_STRONG, content_width (self) - 2 * NOTICE_PAD_X,
                          PALP_DOC_ALIGN_START);
  flow_text (self, block, content_left (self), &ink, &notice_fill, NOTICE_PAD_X, NOTICE_PAD_Y);
  self->pending_space = 14.0;
}

void
palp_doc_add_drawing (PalpDoc         *self,
                      double           width,
                      double           height,
                      const char      *text,
                      PalpDocDrawFunc  func,
                      gpointer         user_data,
                      GDestroyNotify   destroy)
{
  g_autoptr(GPtrArray) group = NULL;
  Drawing *drawing;
  double avail_h, scale = 1.0;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);
  g_return_if_fail (func != NULL);
  g_return_if_fail (isfinite (width) && isfinite (height) && height > 0);

  if (width <= 0 || width > content_width (self))
    width = content_width (self);
  /* Taller than a page could hold: shrunk whole, never cut. */
  avail_h = body_bottom (self) - body_top (self, 1);
  if (height > avail_h)
    scale = avail_h / height;

  drawing = g_rc_box_new0 (Drawing);
  drawing->func = func;
  drawing->user_data = user_data;
  drawing->destroy = destroy;
  drawing->text = g_strdup (text);
  drawing->scale = scale;

  group = group_new ();
  g_ptr_array_add (group, op_drawing (drawing, content_left (self), 0, width * scale,
                                      height * scale));
  emit_group (self, group, height * scale, 0);
  self->pending_space = 14.0;
}

void
palp_doc_keep_together (PalpDoc *self,
                        double   height)
{
  g_return_if_fail (PALP_IS_DOC (self));

  if (self->pages->len == 0)
    return;
  if (!fits (self, self->pending_space + height) && !at_page_top (self))
    new_page (self);
}

double
palp_doc_get_content_width (PalpDoc *self)
{
  g_return_val_if_fail (PALP_IS_DOC (self), 0);

  return content_width (self);
}

void
palp_doc_add_space (PalpDoc *self,
                    double   points)
{
  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (points >= 0);

  self->pending_space += points;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */

static void
table_free (Table *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_pointer (&table->header[i], text_block_unref);
  g_free (table->header);
  g_free (table->x);
  g_free (table->w);
  g_free (table->align);
  g_free (table);
}

static void
place_table_header (PalpDoc *self)
{
  Table *table = self->table;

  emit (self, op_rect (content_left (self), self->y, content_width (self), table->header_h,
                       &header_fill));
  for (guint i = 0; i < table->n_columns; i++)
    emit (self, op_text_all (table->header[i], table->x[i] + CELL_PAD_X, self->y + CELL_PAD_Y,
                             &muted_ink));
  self->y += table->header_h;
}

static void
new_table_page (PalpDoc *self)
{
  new_page (self);
  place_table_header (self);
}

void
palp_doc_begin_table (PalpDoc             *self,
                      const PalpDocColumn *columns,
                      gsize                n_columns)
{
  Table *table;
  double total_weight = 0;
  double x;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);
  g_return_if_fail (columns != NULL && n_columns > 0);

  for (gsize i = 0; i < n_columns; i++)
    total_weight += columns[i].weight > 0 ? columns[i].weight : 1.0;

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  table->align = g_new0 (PalpDocAlign, n_columns);
  table->header = g_new0 (TextBlock *, n_columns);

  x = content_left (self);
  for (gsize i = 0; i < n_columns; i++)
    {
      double weight = columns[i].weight > 0 ? columns[i].weight : 1.0;
      g_autofree char *upper = g_utf8_strup (columns[i].title != NULL ? columns[i].title : "", -1);

      table->x[i] = x;
      table->w[i] = content_width (self) * weight / total_weight;
      table->align[i] = columns[i].align;
      table->header[i] = text_block_new (self, upper, FONT_CELL_HEADER,
                                         table->w[i] - 2 * CELL_PAD_X, columns[i].align);
      table->header_h = MAX (table->header_h, table->header[i]->height + 2 * CELL_PAD_Y);
      x += table->w[i];
    }

  self->table = table;

  start_block (self);
  /* Never a header alone at the foot of a page. */
  if (!fits (self, table->header_h + 30.0) && !at_page_top (self))
    new_page (self);
  place_table_header (self);
}

void
palp_doc_add_row (PalpDoc            *self,
                  const char * const *cells,
                  PalpDocRowFlags     flags)
{
  Table *table;
  g_autofree TextBlock **blocks = NULL;
  g_autofree guint *next = NULL;
  FontRole font;
  const Color *color;
  double fresh_capacity;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table != NULL);
  g_return_if_fail (cells != NULL);

  table = self->table;
  font = (flags & PALP_DOC_ROW_STRONG) ? FONT_CELL_STRONG : FONT_CELL;
  color = (flags & PALP_DOC_ROW_MUTED) ? &muted_ink : &ink;
  blocks = g_new0 (TextBlock *, table->n_columns);
  next = g_new0 (guint, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    blocks[i] = text_block_new (self, cells[i], font, table->w[i] - 2 * CELL_PAD_X,
                                table->align[i]);

  fresh_capacity = body_bottom (self) - body_top (self, 1) - table->header_h - 2 * CELL_PAD_Y;

  for (;;)
    {
      double avail = body_bottom (self) - self->y - 2 * CELL_PAD_Y;
      double remaining = 0;
      double chunk = 0;
      gboolean done = TRUE;
      gboolean any = FALSE;
      gboolean fresh = self->y <= body_top (self, self->pages->len - 1) + table->header_h + EPSILON;
      g_autofree guint *fit = g_new0 (guint, table->n_columns);

      for (guint i = 0; i < table->n_columns; i++)
        remaining = MAX (remaining, lines_height (blocks[i], next[i],
                                                  blocks[i]->lines->len - next[i]));

      /* A row that would fit whole on a fresh page is not split. */
      if (remaining > avail && remaining <= fresh_capacity && !fresh)
        {
          new_table_page (self);
          continue;
        }

      for (guint i = 0; i < table->n_columns; i++)
        {
          fit[i] = lines_fitting (blocks[i], next[i], avail);
          any |= fit[i] > 0;
        }

      if (!any)
        {
          if (!fresh)
            {
              new_table_page (self);
              continue;
            }
          for (guint i = 0; i < table->n_columns; i++)
            fit[i] = next[i] < blocks[i]->lines->len ? 1 : 0;
        }

      for (guint i = 0; i < table->n_columns; i++)
        {
          if (fit[i] == 0)
            continue;
          emit (self, op_text (blocks[i], next[i], fit[i], table->x[i] + CELL_PAD_X,
                               self->y + CELL_PAD_Y, color));
          chunk = MAX (chunk, lines_height (blocks[i], next[i], fit[i]));
          next[i] += fit[i];
          if (next[i] < blocks[i]->lines->len)
            done = FALSE;
        }

      self->y += chunk + 2 * CELL_PAD_Y;
      emit (self, op_rule (content_left (self), self->y, content_width (self), 0.5, &rule_color));

      if (done)
        break;
      new_table_page (self);
    }

  for (guint i = 0; i < table->n_columns; i++)
    text_block_unref (blocks[i]);
}

void
palp_doc_end_table (PalpDoc *self)
{
  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table != NULL);

  g_clear_pointer (&self->table, table_free);
  self->pending_space = 14.0;
}

/* ---------------------------------------------------------------------- */
/* Totals and signature                                                   */

void
palp_doc_add_totals (PalpDoc            *self,
                     const PalpDocTotal *totals,
                     gsize               n_totals)
{
  g_autoptr(GPtrArray) group = NULL;
  double width, block_w, block_x, label_w, amount_w;
  double y = 0;

  g_return_if_fail (PALP_IS_DOC (self));
  g_return_if_fail (self->table == NULL);
  g_return_if_fail (n_totals == 0 || totals != NULL);

  if (n_totals == 0)
    return;

  group = group_new ();
  width = content_width (self);
  block_w = width * 0.56;
  block_x = content_left (self) + width - block_w;
  label_w = block_w * 0.68;
  amount_w = block_w - label_w;

  for (gsize i = 0; i < n_totals; i++)
    {
      gboolean strong = (totals[i].flags & PALP_DOC_TOTAL_STRONG) != 0;
      FontRole label_font = strong ? FONT_TOTAL_STRONG : FONT_BODY;
      g_autoptr(TextBlock) label = NULL;
      g_autoptr(TextBlock) amount = NULL;

      if (totals[i].flags & PALP_DOC_TOTAL_RULE_ABOVE)
        {
          y += 3.0;
          g_ptr_array_add (group, op_rule (block_x, y, block_w, 0.75, &muted_ink));
          y += 5.0;
        }

      label = text_block_new (self, totals[i].label, label_font, label_w - CELL_PAD_X,
                              PALP_DOC_ALIGN_END);
      amount = text_block_new (self, totals[i].amount, label_font, amount_w - CELL_PAD_X,
                               PALP_DOC_ALIGN_END);
      g_ptr_array_add (group, op_text_all (label, block_x, y, strong ? &ink : &muted_ink));
      g_ptr_array_add (group, op_text_all (amount, block_x + label_w, y, &ink));
      y += MAX (label->height, amount->height) + 3.0;
    }

  emit_group (self, group, y, 0);
  self->pending_space = 18.0;
}

gboolean
palp_doc_add_signature (PalpDoc                 *self,
                        const PalpDocSignature  *signature,
                        GError                 **error)
{
  g_autoptr(GPtrArray) group = NULL;
  cairo_surface_t *image = NULL;
  g_autofree char *name_line = NULL;
  double x, y;

  g_return_val_if_fail (PALP_IS_DOC (self), FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);
  g_return_val_if_fail (self->table == NULL, FALSE);

  if (signature->image_png != NULL && !(image = image_from_png (signature->image_png)))
    {
      g_set_error (error, PALP_DOC_ERROR, PALP_DOC_ERROR_IMAGE,
                   _("The signature is not a PNG image Palpate can print. Draw it again in "
                     "Preferences."));
      return FALSE;
    }

  group = group_new ();
  x = content_left (self);
  y = SIGNATURE_IMAGE_H;

  if (image != NULL)
    {
      double w, h;

      fit_image (image, SIGNATURE_W - 20.0, SIGNATURE_IMAGE_H, &w, &h);
      image = shrink_image (image, w, h);
      /* Sitting on the line, as ink would. */
      g_ptr_array_add (group, op_image (image, x + 6.0, y - h - 2.0, w, h));
      cairo_surface_destroy (image);
    }

  g_ptr_array_add (group, op_rule (x, y, SIGNATURE_W, 0.75, &muted_ink));
  y += 4.0;

  if (signature->caption != NULL || signature->date != NULL)
    {
      g_autofree char *upper = g_utf8_strup (signature->caption != NULL ? signature->caption : "",
                                             -1);
      g_autoptr(TextBlock) caption = text_block_new (self, upper, FONT_CAPTION,
                                                     SIGNATURE_W * 0.65, PALP_DOC_ALIGN_START);
      double row_h = caption->height;

      g_ptr_array_add (group, op_text_all (caption, x, y, &muted_ink));
      if (signature->date != NULL && signature->date[0] != '\0')
        {
          g_autoptr(TextBlock) date = text_block_new (self, signature->date, FONT_SMALL,
                                                      SIGNATURE_W * 0.35, PALP_DOC_ALIGN_END);
          double shift = line_at (caption, 0)->baseline - line_at (date, 0)->baseline;

          g_ptr_array_add (group, op_text_all (date, x + SIGNATURE_W * 0.65, y + shift, &ink));
          row_h = MAX (row_h, shift + date->height);
        }
      y += row_h + 4.0;
    }

  if (signature->credentials != NULL && signature->credentials[0] != '\0')
    name_line = g_strdup_printf ("%s, %s", signature->name != NULL ? signature->name : "",
                                 signature->credentials);
  else
    name_line = g_strdup (signature->name != NULL ? signature->name : "");

  if (name_line[0] != '\0')
    {
      g_autoptr(TextBlock) name = text_block_new (self, name_line, FONT_STRONG, SIGNATURE_W,
                                                  PALP_DOC_ALIGN_START);

      g_ptr_array_add (group, op_text_all (name, x, y, &ink));
      y += name->height + 1.0;
    }

  if (signature->details != NULL)
    {
      g_autofree char *joined = join_lines (signature->details);

      if (joined[0] != '\0')
        {
          g_autoptr(TextBlock) details = text_block_new (self, joined, FONT_SMALL,
                                                         SIGNATURE_W + 60.0, PALP_DOC_ALIGN_START);

          g_ptr_array_add (group, op_text_all (details, x, y, &muted_ink));
          y += details->height;
        }
    }

  if (self->pending_space < 24.0)
    self->pending_space = 24.0;
  emit_group (self, group, y, 0);
  self->pending_space = 18.0;

  return TRUE;
}

static void
append_line (GString    *out,
             const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

char *
palp_doc_dup_text (PalpDoc *self)
{
  g_autoptr(GHashTable) seen = NULL;
  GString *out;

  g_return_val_if_fail (PALP_IS_DOC (self), NULL);

  out = g_string_new (NULL);
  /* A block split over pages, or a header row repeated, counts once. */
  seen = g_hash_table_new (NULL, NULL);

  for (guint p = 0; p < self->pages->len; p++)
    {
      GPtrArray *ops = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < ops->len; i++)
        {
          const Op *op = g_ptr_array_index (ops, i);

          if (op->kind == OP_TEXT && g_hash_table_add (seen, op->text))
            append_line (out, pango_layout_get_text (op->text->layout));
          else if (op->kind == OP_DRAWING)
            append_line (out, op->drawing->text);
        }
    }

  append_line (out, self->clinic_name);
  append_line (out, self->footer_text);
  append_line (out, self->watermark);
  append_line (out, self->title);
  append_line (out, self->author);
  append_line (out, self->subject);

  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Drawing                                                                */

static char *
page_label (PalpDoc *self,
            guint    page,
            guint    n_pages)
{
  /* Translators: page counter in every document's footer; keep {page} and
   * {pages}, they become numbers. */
  const char *format = self->page_format != NULL ? self->page_format
                                                 : _("Page {page} of {pages}");
  g_autofree char *page_text = g_strdup_printf ("%u", page);
  g_autofree char *pages_text = g_strdup_printf ("%u", n_pages);
  GString *out = g_string_new (format);

  g_string_replace (out, "{page}", page_text, 0);
  g_string_replace (out, "{pages}", pages_text, 0);

  return g_string_free (out, FALSE);
}

static void
draw_running_header (PalpDoc *self,
                     cairo_t *cr)
{
  double width = content_width (self);
  double y = self->margin_top;

  if (self->clinic_name != NULL)
    {
      g_autoptr(TextBlock) name = text_block_new (self, self->clinic_name, FONT_CELL_STRONG,
                                                  width * 0.55, PALP_DOC_ALIGN_START);
      g_autoptr(Op) op = op_text (name, 0, 1, content_left (self), y, &muted_ink);

      draw_op (cr, op);
    }

  if (self->title != NULL)
    {
      g_autoptr(TextBlock) title = text_block_new (self, self->title, FONT_CELL, width * 0.43,
                                                   PALP_DOC_ALIGN_END);
      g_autoptr(Op) op = op_text (title, 0, 1, content_left (self) + width * 0.57, y, &muted_ink);

      draw_op (cr, op);
    }

  {
    g_autoptr(Op) rule = op_rule (content_left (self), y + 15.0, width, 0.5, &rule_color);

    draw_op (cr, rule);
  }
}

static void
draw_footer (PalpDoc *self,
             cairo_t *cr,
             guint    page,
             guint    n_pages)
{
  double width = content_width (self);
  double baseline = self->page_h - FOOTER_OFFSET;
  g_autofree char *label = page_label (self, page, n_pages);
  g_autoptr(TextBlock) counter = text_block_new (self, label, FONT_FOOTER, width * 0.30,
                                                 PALP_DOC_ALIGN_END);
  double top = baseline - line_at (counter, 0)->baseline;
  g_autoptr(Op) rule = op_rule (content_left (self), top - 7.0, width, 0.5, &rule_color);
  g_autoptr(Op) counter_op = op_text (counter, 0, 1, content_left (self) + width * 0.70, top,
                                      &muted_ink);

  draw_op (cr, rule);
  draw_op (cr, counter_op);

  if (self->footer_text != NULL && self->footer_text[0] != '\0')
    {
      g_autoptr(TextBlock) text = text_block_new (self, self->footer_text, FONT_FOOTER,
                                                  width * 0.68, PALP_DOC_ALIGN_START);
      g_autoptr(Op) op = op_text (text, 0, 1, content_left (self), top, &muted_ink);

      draw_op (cr, op);
    }
}

/* Drawn as outlines, not text: poppler would read a diagonal word back
 * in pieces ("VO", "ID") among the real text. Documents say the same in
 * words elsewhere (a void notice with its reason). */
static void
draw_watermark (PalpDoc *self,
                cairo_t *cr)
{
  g_autoptr(TextBlock) mark = text_block_new (self, self->watermark, FONT_WATERMARK, 0,
                                              PALP_DOC_ALIGN_START);
  GSList *lines = pango_layout_get_lines_readonly (mark->layout);

  cairo_save (cr);
  cairo_translate (cr, self->page_w / 2, self->page_h / 2);
  cairo_rotate (cr, -atan2 (self->page_h, self->page_w));
  cairo_translate (cr, -mark->width / 2, -mark->height / 2);
  for (guint i = 0; lines != NULL; i++, lines = lines->next)
    {
      const LineBox *box = line_at (mark, i);

      cairo_move_to (cr, box->x, box->baseline);
      pango_cairo_layout_line_path (cr, lines->data);
    }
  cairo_set_source_rgba (cr, watermark_color.r, watermark_color.g, watermark_color.b,
                         watermark_color.a);
  cairo_fill (cr);
  cairo_restore (cr);
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (PalpDoc         *self,
              cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  GDateTime *when = self->creation_date;

  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);

  if (when == NULL)
    when = now = g_date_time_new_now_local ();
  /* cairo wants ISO 8601 with the offset as ±hh:mm. */
  date = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

GBytes *
palp_doc_to_bytes (PalpDoc  *self,
                   GError  **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (PALP_IS_DOC (self), NULL);
  g_return_val_if_fail (self->table == NULL, NULL);

  buffer = g_byte_array_new ();
  n_pages = palp_doc_get_n_pages (self);

  surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, buffer,
                                                 self->page_w, self->page_h);
  set_metadata (self, surface);
  cr = cairo_create (surface);

  for (guint p = 0; p < n_pages; p++)
    {
      /* Under the content, so the text stays crisp through the tint. */
      if (self->watermark != NULL)
        draw_watermark (self, cr);

      if (p < self->pages->len)
        {
          GPtrArray *ops = g_ptr_array_index (self->pages, p);

          for (guint i = 0; i < ops->len; i++)
            draw_op (cr, g_ptr_array_index (ops, i));
        }

      if (p > 0)
        draw_running_header (self, cr);
      draw_footer (self, cr, p + 1, n_pages);

      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

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

gboolean
palp_doc_write_to_file (PalpDoc     *self,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (PALP_IS_DOC (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(bytes = palp_doc_to_bytes (self, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents_full (path, data, size,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
