/* palp-doc.h: the document builder every printed page goes through
 *
 * A PalpDoc is filled from top to bottom with blocks (letterhead, title,
 * address, paragraphs, tables, totals, signature) and lays them out on
 * pages as they arrive: paragraphs and table rows break across pages, a
 * table repeats its header row on every page it continues on, and blocks
 * that read as one (totals, a signature, an address) move whole to the
 * next page rather than split. The PDF is drawn afterwards, when the
 * number of pages is known, so every footer can say "Page n of m".
 *
 * All text goes through pango as plain text (never parsed as markup), so
 * a client named "<b>&" prints as typed, and every word stays extractable
 * by poppler and pdftotext. Fonts are embedded (subsetted by cairo).
 *
 * The builder knows nothing of models or the database: callers pass plain
 * strings and structs, so any document (receipt, statement, letter) and
 * any test can use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define PALP_DOC_ERROR (palp_doc_error_quark ())

typedef enum
{
  PALP_DOC_ERROR_IMAGE,   /* a logo or signature is not a readable PNG */
  PALP_DOC_ERROR_RENDER,  /* cairo could not draw or write the PDF */
  PALP_DOC_ERROR_PDF,     /* bytes are not a PDF poppler can open */
  PALP_DOC_ERROR_PAGE,    /* no such page */
} PalpDocError;

GQuark palp_doc_error_quark (void);

typedef enum
{
  PALP_PAPER_LETTER,  /* 8.5 × 11 in: 612 × 792 pt */
  PALP_PAPER_A4,      /* 210 × 297 mm: 595.28 × 841.89 pt */
} PalpPaper;

/* "letter" or "a4" (case-insensitive); anything else is Letter. */
PalpPaper    palp_paper_from_string   (const char *name);
void         palp_paper_get_size      (PalpPaper   paper,
                                       double     *width_pt,
                                       double     *height_pt);

typedef enum
{
  PALP_DOC_ALIGN_START,
  PALP_DOC_ALIGN_CENTER,
  PALP_DOC_ALIGN_END,    /* amounts */
} PalpDocAlign;

typedef enum
{
  PALP_DOC_TEXT_BODY,
  PALP_DOC_TEXT_SMALL,   /* fine print */
  PALP_DOC_TEXT_MUTED,   /* small and grey: notes, sources */
  PALP_DOC_TEXT_STRONG,  /* body weight bold */
} PalpDocTextStyle;

typedef enum
{
  PALP_DOC_ROW_NORMAL   = 0,
  PALP_DOC_ROW_STRONG   = 1 << 0,  /* bold: a subtotal row */
  PALP_DOC_ROW_MUTED    = 1 << 1,  /* grey: a voided or informative row */
} PalpDocRowFlags;

typedef enum
{
  PALP_DOC_TOTAL_NORMAL     = 0,
  PALP_DOC_TOTAL_STRONG     = 1 << 0,  /* bold and a little larger: "Total" */
  PALP_DOC_TOTAL_RULE_ABOVE = 1 << 1,  /* a line above the row */
} PalpDocTotalFlags;

/* The clinic as printed at the top of the first page. Every string may be
 * NULL; string arrays are NULL-terminated (or NULL). */
typedef struct
{
  const char         *name;         /* "Harbour Massage Therapy Clinic" */
  const char * const *address;      /* street, city line, ... */
  const char * const *contact;      /* phone, e-mail, website */
  const char * const *registration; /* "GST/HST 123456789 RT0001" */
  GBytes             *logo_png;     /* scaled to fit a small box; may be NULL */
} PalpDocLetterhead;

/* A person or an organisation with an address. */
typedef struct
{
  const char         *caption;  /* "Client", "Bill to" */
  const char         *name;
  const char * const *lines;
} PalpDocAddress;

/* A label and its value: "Receipt no." "T-2026-000124". */
typedef struct
{
  const char *label;
  const char *value;
} PalpDocField;

typedef struct
{
  const char   *title;
  double        weight;  /* share of the table's width, relative to the others */
  PalpDocAlign  align;
} PalpDocColumn;

typedef struct
{
  const char        *label;
  const char        *amount;  /* already formatted: "$1,234.50" */
  PalpDocTotalFlags  flags;
} PalpDocTotal;

typedef struct
{
  const char         *caption;    /* "Practitioner's signature" */
  const char         *name;
  const char         *credentials; /* "RMT", printed after the name */
  const char * const *details;    /* "Registration no. 12345", ... */
  const char         *date;       /* printed at the right of the line */
  GBytes             *image_png;  /* the drawn signature; may be NULL */
} PalpDocSignature;

#define PALP_TYPE_DOC (palp_doc_get_type ())

G_DECLARE_FINAL_TYPE (PalpDoc, palp_doc, PALP, DOC, GObject)

PalpDoc     *palp_doc_new                (PalpPaper                  paper);

PalpPaper    palp_doc_get_paper          (PalpDoc                   *self);
double       palp_doc_get_page_width     (PalpDoc                   *self);
double       palp_doc_get_page_height    (PalpDoc                   *self);
/* Margins in points; only before the first block is added. */
void         palp_doc_set_margins        (PalpDoc                   *self,
                                          double                     top,
                                          double                     right,
                                          double                     bottom,
                                          double                     left);

/* PDF metadata. The creator is always "Palpate". Without a creation date
 * the PDF carries the time it is written; set one to get the same bytes
 * every time (an issued receipt reproduced years later). */
const char  *palp_doc_get_title          (PalpDoc                   *self);
void         palp_doc_set_title          (PalpDoc                   *self,
                                          const char                *title);
const char  *palp_doc_get_author         (PalpDoc                   *self);
void         palp_doc_set_author         (PalpDoc                   *self,
                                          const char                *author);
const char  *palp_doc_get_subject        (PalpDoc                   *self);
void         palp_doc_set_subject        (PalpDoc                   *self,
                                          const char                *subject);
void         palp_doc_set_creation_date  (PalpDoc                   *self,
                                          GDateTime                 *date);
/* Language of the content ("en", "fr"): hyphenation and shaping. */
void         palp_doc_set_language       (PalpDoc                   *self,
                                          const char                *language);

/* Footer: @text at the left of every page (e.g. the receipt number), and
 * the page counter at the right. @format holds "{page}" and "{pages}";
 * the default is the translated "Page {page} of {pages}". Both may be set
 * at any time before the PDF is written. */
void         palp_doc_set_footer_text    (PalpDoc                   *self,
                                          const char                *text);
void         palp_doc_set_page_format    (PalpDoc                   *self,
                                          const char                *format);
/* A large diagonal mark across every page, e.g. "VOID". NULL for none.
 * It is drawn as shapes, not text: say it in words too (a notice). */
void         palp_doc_set_watermark      (PalpDoc                   *self,
                                          const char                *text);

/* The letterhead opens the first page; later pages carry a slim running
 * header with the clinic's name and the document's title. */
gboolean     palp_doc_add_letterhead     (PalpDoc                   *self,
                                          const PalpDocLetterhead   *letterhead,
                                          GError                   **error);
/* The document's title, large, with an optional line at its right
 * (a receipt number, a date range). */
void         palp_doc_add_title          (PalpDoc                   *self,
                                          const char                *title,
                                          const char                *aside);
/* A section heading; kept with what follows it. */
void         palp_doc_add_heading        (PalpDoc                   *self,
                                          const char                *text);
/* An address at the left and, optionally, label/value pairs at the right. */
void         palp_doc_add_address        (PalpDoc                   *self,
                                          const PalpDocAddress      *address,
                                          const PalpDocField        *fields,
                                          gsize                      n_fields);
/* Plain text, wrapped; "\n" starts a new line. Never parsed as markup. */
void         palp_doc_add_paragraph      (PalpDoc                   *self,
                                          const char                *text,
                                          PalpDocTextStyle           style);
/* A statement set apart in a tinted box (the cosmetic-service notice). */
void         palp_doc_add_notice         (PalpDoc                   *self,
                                          const char                *text);
void         palp_doc_add_space          (PalpDoc                   *self,
                                          double                     points);

/* Draws a block of @width × @height points, @cr's origin at its top
 * left. */
typedef void (*PalpDocDrawFunc) (cairo_t  *cr,
                                 double    width,
                                 double    height,
                                 gpointer  user_data);

/* A drawing of @width × @height points at the left margin (@width <= 0
 * or wider than the page's content: the content width), kept whole: on
 * this page if it fits, else at the top of the next; one taller than a
 * page is shrunk to fit. @func draws it, clipped to its box, every time
 * the PDF is written, so it must draw the same every time; @destroy frees
 * @user_data with the document. @text is what the drawing says in words
 * (labels, a legend), for palp_doc_dup_text(); may be NULL. */
void         palp_doc_add_drawing        (PalpDoc                   *self,
                                          double                     width,
                                          double                     height,
                                          const char                *text,
                                          PalpDocDrawFunc            func,
                                          gpointer                   user_data,
                                          GDestroyNotify             destroy);
/* Starts a new page unless @height points still fit on this one: keeps
 * a heading with the tall drawing it introduces. */
void         palp_doc_keep_together      (PalpDoc                   *self,
                                          double                     height);
/* The width between the margins, in points. */
double       palp_doc_get_content_width  (PalpDoc                   *self);

/* Tables are streamed: begin, rows, end. Rows break across pages; the
 * header row is repeated at the top of every page the table continues on.
 * @cells holds one string per column (NULL prints nothing). */
void         palp_doc_begin_table        (PalpDoc                   *self,
                                          const PalpDocColumn       *columns,
                                          gsize                      n_columns);
void         palp_doc_add_row            (PalpDoc                   *self,
                                          const char * const        *cells,
                                          PalpDocRowFlags            flags);
void         palp_doc_end_table          (PalpDoc                   *self);

/* Label/amount pairs aligned at the right edge, kept together. */
void         palp_doc_add_totals         (PalpDoc                   *self,
                                          const PalpDocTotal        *totals,
                                          gsize                      n_totals);
gboolean     palp_doc_add_signature      (PalpDoc                   *self,
                                          const PalpDocSignature    *signature,
                                          GError                   **error);

/* Every text the document prints or carries: blocks in order, footer,
 * watermark and metadata, one per line. What a cosmetic receipt is checked
 * against (palp-esthetic-guard.h) before it is written. */
char        *palp_doc_dup_text           (PalpDoc                   *self);

/* Pages laid out so far (at least 1). */
guint        palp_doc_get_n_pages        (PalpDoc                   *self);

/* The PDF. Both give the same bytes for the same document; the file is
 * written atomically (a crash never leaves half a receipt). */
GBytes      *palp_doc_to_bytes           (PalpDoc                   *self,
                                          GError                   **error);
gboolean     palp_doc_write_to_file      (PalpDoc                   *self,
                                          const char                *path,
                                          GError                   **error);

G_END_DECLS
