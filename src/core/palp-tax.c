/* palp-tax.c: sales-tax components and their rounding
 *
 * Why one rounding per receipt and per component: the Excise Tax Act
 * (s. 165.2(2)) rounds the *tax payable* on a supply to the nearest cent,
 * a half cent counting as one; it does not round line by line. Summing
 * each component's taxable amounts on the receipt and rounding once keeps
 * the printed GST (or PST, or HST) equal to the tax the clinic reports,
 * and never lets per-line rounding drift a cent away from rate × base.
 * The CRA also accepts rounding the federal and provincial parts
 * separately, as long as a registrant always does the same thing; keeping
 * every component on its own line lets a receipt show each registration
 * number beside its own amount. Amounts are non-negative in practice;
 * a negative base (a credit) rounds as the mirror of its charge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "palp-core-error.h"
#include "palp-tax.h"

#define TAX_NAME_MAX_CHARS         32
#define TAX_REGISTRATION_MAX_CHARS 64
#define PPM                        G_GINT64_CONSTANT (1000000)

static const char *
empty_to_null (const char *s)
{
  return s != NULL && s[0] != '\0' ? s : NULL;
}

PalpTaxComponent *
palp_tax_component_new (const char *name,
                        guint32     rate_ppm,
                        const char *registration)
{
  PalpTaxComponent *self = g_new0 (PalpTaxComponent, 1);

  self->name = g_strdup (name);
  self->rate_ppm = rate_ppm;
  self->registration = g_strdup (empty_to_null (registration));

  return self;
}

PalpTaxComponent *
palp_tax_component_copy (const PalpTaxComponent *component)
{
  g_return_val_if_fail (component != NULL, NULL);

  return palp_tax_component_new (component->name, component->rate_ppm, component->registration);
}

void
palp_tax_component_free (PalpTaxComponent *component)
{
  if (component == NULL)
    return;

  g_free (component->name);
  g_free (component->registration);
  g_free (component);
}

gboolean
palp_tax_component_validate (const PalpTaxComponent  *component,
                             GError                 **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (component != NULL, FALSE);

  name = g_strstrip (g_strdup (component->name != NULL ? component->name : ""));

  if (name[0] == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Give the tax a name, such as GST, PST or HST."));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > TAX_NAME_MAX_CHARS)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The tax name “%s” is too long. Use its short name, such as GST."),
                   name);
      return FALSE;
    }

  if (component->rate_ppm == 0)
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("%s has a rate of 0%%. Remove the tax from the service instead."),
                   name);
      return FALSE;
    }

  if (component->rate_ppm > PALP_TAX_RATE_MAX_PPM)
    {
      g_autofree char *rate = palp_tax_rate_format (component->rate_ppm, NULL);

      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("%s at %s is not a plausible sales-tax rate. Type the rate as a "
                     "percentage, for example 5 for 5%%."),
                   name, rate);
      return FALSE;
    }

  if (component->registration != NULL
      && (!g_utf8_validate (component->registration, -1, NULL)
          || g_utf8_strlen (component->registration, -1) > TAX_REGISTRATION_MAX_CHARS))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The registration number of %s is too long. Type it as the tax "
                     "authority wrote it."),
                   name);
      return FALSE;
    }

  return TRUE;
}

gboolean
palp_tax_component_equal (const PalpTaxComponent *a,
                          const PalpTaxComponent *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->rate_ppm == b->rate_ppm
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (empty_to_null (a->registration), empty_to_null (b->registration)) == 0;
}

gboolean
palp_tax_rate_parse (const char  *text,
                     guint32     *out_ppm,
                     GError     **error)
{
  g_autofree char *copy = NULL;
  char *p;
  guint64 whole = 0;
  guint64 fraction = 0;
  guint fraction_digits = 0;
  guint64 ppm;

  g_return_val_if_fail (text != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  /* The percent sign, and the no-break space French puts before it. */
  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strchomp (copy);
  if (g_str_has_suffix (copy, "\xc2\xa0"))
    copy[strlen (copy) - 2] = '\0';
  g_strchomp (copy);

  if (copy[0] == '\0')
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED,
                           _("Enter the tax rate as a percentage, for example 5."));
      return FALSE;
    }

  p = copy;
  if (!g_ascii_isdigit (*p) && *p != '.' && *p != ',')
    goto invalid;

  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (guint64) (*p - '0');
      if (whole > 100)
        goto out_of_range;
    }

  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          /* A part per million of the price is a ten-thousandth of a
           * percent: more decimals than that cannot be stored exactly. */
          if (++fraction_digits > 4)
            {
              g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("“%s” has more than four decimals. Type the rate as the tax "
                             "authority publishes it, for example 9.975."),
                           text);
              return FALSE;
            }
          fraction = fraction * 10 + (guint64) (*p - '0');
        }
    }

  if (*p != '\0')
    goto invalid;

  for (guint i = fraction_digits; i < 4; i++)
    fraction *= 10;

  ppm = whole * PALP_TAX_PPM_PER_PERCENT + fraction;

  if (ppm == 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                           _("A zero rate adds no tax. Remove the tax from the service "
                             "instead."));
      return FALSE;
    }
  if (ppm > PALP_TAX_RATE_MAX_PPM)
    goto out_of_range;

  if (out_ppm != NULL)
    *out_ppm = (guint32) ppm;
  return TRUE;

out_of_range:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not a plausible sales-tax rate. Type a percentage between 0 and "
                 "50, for example 13 for HST in Ontario."),
               text);
  return FALSE;

invalid:
  g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
               _("“%s” is not a rate. Type a percentage, for example 5 or 9.975."),
               text);
  return FALSE;
}

char *
palp_tax_rate_format (guint32     rate_ppm,
                      const char *language)
{
  gboolean french = language != NULL && g_ascii_strncasecmp (language, "fr", 2) == 0;
  guint whole = rate_ppm / PALP_TAX_PPM_PER_PERCENT;
  guint fraction = rate_ppm % PALP_TAX_PPM_PER_PERCENT;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u", whole);
  if (fraction != 0)
    {
      char digits[8];
      gsize len;

      g_snprintf (digits, sizeof digits, "%04u", fraction);
      len = strlen (digits);
      while (len > 0 && digits[len - 1] == '0')
        digits[--len] = '\0';
      g_string_append_c (out, french ? ',' : '.');
      g_string_append (out, digits);
    }
  g_string_append (out, french ? "\xc2\xa0%" : "%");

  return g_string_free (out, FALSE);
}

gint64
palp_tax_compute (gint64  base_cents,
                  guint32 rate_ppm)
{
  guint64 magnitude;
  guint64 scaled;

  /* The caller's amounts are capped far below this; past it the product
   * could overflow, which must never silently wrap. */
  g_return_val_if_fail (base_cents > -(G_MAXINT64 / PPM) && base_cents < G_MAXINT64 / PPM, 0);

  magnitude = (guint64) (base_cents < 0 ? -base_cents : base_cents);
  scaled = (magnitude * rate_ppm + (guint64) PPM / 2) / (guint64) PPM;

  return base_cents < 0 ? -(gint64) scaled : (gint64) scaled;
}

void
palp_tax_amount_free (PalpTaxAmount *amount)
{
  if (amount == NULL)
    return;

  palp_tax_component_free (amount->component);
  g_free (amount);
}

PalpTaxAmount *
palp_tax_amount_copy (const PalpTaxAmount *amount)
{
  PalpTaxAmount *copy;

  g_return_val_if_fail (amount != NULL, NULL);

  copy = g_new0 (PalpTaxAmount, 1);
  copy->component = palp_tax_component_copy (amount->component);
  copy->base_cents = amount->base_cents;
  copy->amount_cents = amount->amount_cents;

  return copy;
}

GPtrArray *
palp_tax_amounts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_amount_free);
}

gboolean
palp_tax_amounts_add (GPtrArray               *amounts,
                      const PalpTaxComponent  *component,
                      gint64                   base_cents,
                      GError                 **error)
{
  PalpTaxAmount *row = NULL;
  gint64 base;

  g_return_val_if_fail (amounts != NULL, FALSE);
  g_return_val_if_fail (component != NULL, FALSE);

  if (!palp_tax_component_validate (component, error))
    return FALSE;

  for (guint i = 0; i < amounts->len; i++)
    {
      PalpTaxAmount *candidate = g_ptr_array_index (amounts, i);

      if (palp_tax_component_equal (candidate->component, component))
        {
          row = candidate;
          break;
        }
    }

  base = row != NULL ? row->base_cents : 0;
  if ((base_cents > 0 && base > G_MAXINT64 / PPM - base_cents)
      || (base_cents < 0 && base < -(G_MAXINT64 / PPM) - base_cents))
    {
      g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                   _("The amounts taxed by %s are too large to add up. Check the prices."),
                   component->name);
      return FALSE;
    }

  if (row == NULL)
    {
      row = g_new0 (PalpTaxAmount, 1);
      row->component = palp_tax_component_copy (component);
      g_ptr_array_add (amounts, row);
    }

  row->base_cents = base + base_cents;
  row->amount_cents = palp_tax_compute (row->base_cents, row->component->rate_ppm);

  return TRUE;
}

gint64
palp_tax_amounts_total (GPtrArray *amounts)
{
  gint64 total = 0;

  g_return_val_if_fail (amounts != NULL, 0);

  for (guint i = 0; i < amounts->len; i++)
    total += ((PalpTaxAmount *) g_ptr_array_index (amounts, i))->amount_cents;

  return total;
}
