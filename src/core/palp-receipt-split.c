/* palp-receipt-split.c: billing lines into receipts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-money.h"
#include "palp-receipt-split.h"

/* Longest visit a line may bill: a whole day. Longer is a typing slip. */
#define MAX_LINE_MINUTES  (24 * 60)
#define MAX_LINE_QUANTITY 999

PalpBillingLine *
palp_billing_line_new (void)
{
  PalpBillingLine *self = g_new0 (PalpBillingLine, 1);

  self->quantity = 1;
  self->taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);

  return self;
}

PalpBillingLine *
palp_billing_line_copy (const PalpBillingLine *line)
{
  PalpBillingLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = palp_billing_line_new ();
  copy->line_id = line->line_id;
  copy->visit_id = line->visit_id;
  copy->client_id = line->client_id;
  copy->date = g_strdup (line->date);
  copy->practitioner_id = line->practitioner_id;
  copy->service_id = line->service_id;
  copy->category = line->category;
  copy->description = g_strdup (line->description);
  copy->code = g_strdup (line->code);
  copy->minutes = line->minutes;
  copy->unit_price_cents = line->unit_price_cents;
  copy->quantity = line->quantity;

  for (guint i = 0; line->taxes != NULL && i < line->taxes->len; i++)
    palp_billing_line_add_tax (copy, g_ptr_array_index (line->taxes, i));

  return copy;
}

void
palp_billing_line_free (PalpBillingLine *line)
{
  if (line == NULL)
    return;

  g_free (line->date);
  g_free (line->description);
  g_free (line->code);
  g_clear_pointer (&line->taxes, g_ptr_array_unref);
  g_free (line);
}

void
palp_billing_line_add_tax (PalpBillingLine        *line,
                           const PalpTaxComponent *component)
{
  g_return_if_fail (line != NULL);
  g_return_if_fail (component != NULL);

  if (line->taxes == NULL)
    line->taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);

  g_ptr_array_add (line->taxes, palp_tax_component_copy (component));
}

/* Strict "YYYY-MM-DD": receipts print it, so nothing approximate. */
static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static const char *
line_name (const PalpBillingLine *line)
{
  return line->description != NULL && line->description[0] != '\0' ? line->description : "?";
}

gboolean
palp_billing_line_validate (const PalpBillingLine  *line,
                            GError                **error)
{
  g_autofree char *description = NULL;

  g_return_val_if_fail (line != NULL, FALSE);

  description = g_strstrip (g_strdup (line->description != NULL ? line->description : ""));
  if (description[0] == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("A billing line has no description. Choose its service again."));
      return FALSE;
    }
  if (!g_utf8_validate (description, -1, NULL)
      || g_utf8_strlen (description, -1) > PALP_BILLING_DESCRIPTION_MAX_CHARS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The description of “%.40s…” is too long for a receipt. Shorten it to "
                     "%d characters."),
                   description, PALP_BILLING_DESCRIPTION_MAX_CHARS);
      return FALSE;
    }

  if ((guint) line->category >= PALP_SERVICE_CATEGORY_COUNT)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” has no valid service category. Edit the service and choose "
                     "therapeutic, esthetic or other."),
                   description);
      return FALSE;
    }

  if (line->practitioner_id <= 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                   _("“%s” has no practitioner. Choose who gave the service."), description);
      return FALSE;
    }

  if (!is_iso_date (line->date))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” has no valid date. Check the visit's date."), description);
      return FALSE;
    }

  if (line->quantity < 1 || line->quantity > MAX_LINE_QUANTITY)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” has a quantity of %u. Use a quantity from 1 to %d."),
                   description, line->quantity, MAX_LINE_QUANTITY);
      return FALSE;
    }

  if (line->minutes > MAX_LINE_MINUTES)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” lasts %u minutes. Check the duration."),
                   description, line->minutes);
      return FALSE;
    }

  if (line->unit_price_cents < 0 || line->unit_price_cents > PALP_MONEY_MAX_CENTS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” has an impossible price. Check the service's fee."), description);
      return FALSE;
    }

  /* Codes say "this was a health service"; only therapeutic work is one. */
  if (line->code != NULL && line->code[0] != '\0'
      && !palp_service_category_is_clinical (line->category))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” is not a therapeutic service and cannot carry a procedure code. "
                     "Remove the code from the service."),
                   description);
      return FALSE;
    }

  for (guint i = 0; line->taxes != NULL && i < line->taxes->len; i++)
    {
      const PalpTaxComponent *tax = g_ptr_array_index (line->taxes, i);

      if (!palp_tax_component_validate (tax, error))
        {
          g_prefix_error (error, "%s: ", description);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        {
          const PalpTaxComponent *other = g_ptr_array_index (line->taxes, j);

          if (g_strcmp0 (tax->name, other->name) == 0)
            {
              g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("“%s” is taxed twice by %s. Keep one %s on the service."),
                           description, tax->name, tax->name);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
palp_billing_line_get_amount (const PalpBillingLine  *line,
                              gint64                 *out_cents,
                              GError                **error)
{
  gint64 amount;

  g_return_val_if_fail (line != NULL, FALSE);

  if (!palp_money_multiply (line->unit_price_cents, line->quantity, &amount)
      || amount > PALP_MONEY_MAX_CENTS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("“%s” comes to more than Palpate can put on one receipt. Check the "
                     "price and quantity."),
                   line_name (line));
      return FALSE;
    }

  if (out_cents != NULL)
    *out_cents = amount;
  return TRUE;
}

void
palp_receipt_group_free (PalpReceiptGroup *group)
{
  if (group == NULL)
    return;

  g_clear_pointer (&group->lines, g_ptr_array_unref);
  g_clear_pointer (&group->taxes, g_ptr_array_unref);
  g_free (group);
}

typedef struct
{
  const PalpBillingLine *line;
  guint                  index;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;
  const PalpBillingLine *la = ia->line;
  const PalpBillingLine *lb = ib->line;
  int cmp;

  if (la->category != lb->category)
    return la->category < lb->category ? -1 : 1;
  if (la->practitioner_id != lb->practitioner_id)
    return la->practitioner_id < lb->practitioner_id ? -1 : 1;
  /* ISO dates sort as strings. */
  if ((cmp = g_strcmp0 (la->date, lb->date)) != 0)
    return cmp;
  if (la->visit_id != lb->visit_id)
    return la->visit_id < lb->visit_id ? -1 : 1;
  return ia->index < ib->index ? -1 : ia->index > ib->index;
}

static gboolean
group_add_line (PalpReceiptGroup       *group,
                const PalpBillingLine  *line,
                GError                **error)
{
  gint64 amount;

  if (!palp_billing_line_get_amount (line, &amount, error))
    return FALSE;

  if (!palp_money_add (group->subtotal_cents, amount, &group->subtotal_cents)
      || group->subtotal_cents > PALP_MONEY_MAX_CENTS)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("These services come to more than Palpate can put on one receipt. "
                             "Issue them in several checkouts."));
      return FALSE;
    }

  for (guint i = 0; i < line->taxes->len; i++)
    if (!palp_tax_amounts_add (group->taxes, g_ptr_array_index (line->taxes, i), amount, error))
      return FALSE;

  g_ptr_array_add (group->lines, palp_billing_line_copy (line));
  return TRUE;
}

GPtrArray *
palp_receipt_split (GPtrArray  *lines,
                    GError    **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  PalpReceiptGroup *current = NULL;

  g_return_val_if_fail (lines != NULL, NULL);

  if (lines->len == 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("There is nothing to receipt. Add a service to the visit first."));
      return NULL;
    }

  items = g_array_sized_new (FALSE, FALSE, sizeof (SortItem), lines->len);

  for (guint i = 0; i < lines->len; i++)
    {
      const PalpBillingLine *line = g_ptr_array_index (lines, i);
      const PalpBillingLine *first = g_ptr_array_index (lines, 0);
      SortItem item = { line, i };

      if (!palp_billing_line_validate (line, error))
        return NULL;

      /* A receipt is made out to one person. */
      if (line->client_id != first->client_id)
        {
          g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                               _("These visits belong to different clients. Check out one "
                                 "client at a time."));
          return NULL;
        }

      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_items);

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_receipt_group_free);

  for (guint i = 0; i < items->len; i++)
    {
      const PalpBillingLine *line = g_array_index (items, SortItem, i).line;

      if (current == NULL
          || current->category != line->category
          || current->practitioner_id != line->practitioner_id)
        {
          current = g_new0 (PalpReceiptGroup, 1);
          current->category = line->category;
          current->practitioner_id = line->practitioner_id;
          current->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_billing_line_free);
          current->taxes = palp_tax_amounts_new ();
          g_ptr_array_add (groups, current);
        }

      if (!group_add_line (current, line, error))
        return NULL;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      PalpReceiptGroup *group = g_ptr_array_index (groups, i);

      group->tax_cents = palp_tax_amounts_total (group->taxes);
      group->total_cents = group->subtotal_cents + group->tax_cents;
    }

  return g_steal_pointer (&groups);
}

gboolean
palp_billing_lines_combine_categories (GPtrArray *lines)
{
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (lines != NULL, FALSE);

  /* visit id -> bit set of the categories it holds */
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const PalpBillingLine *line = g_ptr_array_index (lines, i);
      guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (seen, &line->visit_id));

      if (line->category == PALP_SERVICE_CATEGORY_THERAPEUTIC)
        bits |= 1;
      else if (line->category == PALP_SERVICE_CATEGORY_ESTHETIC)
        bits |= 2;

      if (bits == 3)
        return TRUE;

      g_hash_table_replace (seen, g_memdup2 (&line->visit_id, sizeof (gint64)),
                            GUINT_TO_POINTER (bits));
    }

  return FALSE;
}
