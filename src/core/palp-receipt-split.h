/* palp-receipt-split.h: billing lines into receipts
 *
 * Checkout hands over the billing lines of one or several visits of one
 * client; this decides which receipts they make. The rule (DESIGN.md,
 * "one designation per receipt"): one receipt per service category and
 * practitioner, so therapeutic work never shares paper with esthetic or
 * other lines, and each receipt names exactly one practitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-service-category.h"
#include "palp-tax.h"

G_BEGIN_DECLS

/* Longest description a receipt line prints. */
#define PALP_BILLING_DESCRIPTION_MAX_CHARS 200

typedef struct
{
  gint64               line_id;           /* the visit line's id; 0 until saved */
  gint64               visit_id;
  gint64               client_id;
  char                *date;              /* ISO date of the visit */
  gint64               practitioner_id;
  gint64               service_id;
  PalpServiceCategory  category;
  char                *description;
  char                *code;              /* CPT number; therapeutic lines only */
  guint                minutes;
  gint64               unit_price_cents;
  guint                quantity;          /* at least 1 */
  GPtrArray           *taxes;             /* of PalpTaxComponent, never NULL */
} PalpBillingLine;

PalpBillingLine *palp_billing_line_new        (void);
PalpBillingLine *palp_billing_line_copy       (const PalpBillingLine  *line);
void             palp_billing_line_free       (PalpBillingLine        *line);
/* Adds a copy of @component to the line's taxes. */
void             palp_billing_line_add_tax    (PalpBillingLine        *line,
                                               const PalpTaxComponent *component);
/* Every field a receipt needs, with a message naming the line. */
gboolean         palp_billing_line_validate   (const PalpBillingLine  *line,
                                               GError                **error);
/* unit price × quantity; FALSE on overflow. */
gboolean         palp_billing_line_get_amount (const PalpBillingLine  *line,
                                               gint64                 *out_cents,
                                               GError                **error);

typedef struct
{
  PalpServiceCategory  category;
  gint64               practitioner_id;
  GPtrArray           *lines;             /* of PalpBillingLine (copies) */
  gint64               subtotal_cents;
  GPtrArray           *taxes;             /* of PalpTaxAmount, one per component */
  gint64               tax_cents;
  gint64               total_cents;
} PalpReceiptGroup;

void             palp_receipt_group_free      (PalpReceiptGroup       *group);

/* Splits @lines (PalpBillingLine) into receipts: a GPtrArray of
 * PalpReceiptGroup, one per (category, practitioner), ordered by category
 * (therapeutic, esthetic, other) and then practitioner id; inside a group
 * the lines are ordered by date, then visit, then their order in @lines.
 * Each group's taxes are rounded once per component (see palp-tax.h).
 * NULL and @error when a line is invalid, the lines belong to more than
 * one client, or there are none. @lines is not modified. */
GPtrArray       *palp_receipt_split           (GPtrArray              *lines,
                                               GError                **error);

/* TRUE when the lines of one visit combine therapeutic and esthetic work:
 * the session the practice advisory discourages, which the admin confirms
 * once before checkout. Other lines (a retail product) do not count. */
gboolean         palp_billing_lines_combine_categories (GPtrArray     *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpBillingLine, palp_billing_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpReceiptGroup, palp_receipt_group_free)

G_END_DECLS
