/* palp-tax.h: sales-tax components and their rounding
 *
 * A service carries zero or more tax components (GST and PST, or HST, or
 * a US sales tax), each with its own name, rate and the clinic's
 * registration number for it: the clinic decides what is taxable, so tax
 * is a per-service setting, not a per-category one.
 *
 * Rates are integers in parts per million of the taxable amount (5% is
 * 50000, Quebec's 9.975% is 99750) so that no rate needs floating point.
 *
 * Rounding: each component is computed once per receipt on the sum of the
 * amounts that bear it, rounded half up to the cent. See palp-tax.c for
 * why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parts per million in one percent. */
#define PALP_TAX_PPM_PER_PERCENT 10000
/* No sales tax comes near half the price: above that the rate was typed
 * as a fraction of the wrong unit. */
#define PALP_TAX_RATE_MAX_PPM    500000

typedef struct
{
  char    *name;          /* "GST", "PST", "HST", "QST", "Sales tax" */
  guint32  rate_ppm;      /* 50000 for 5% */
  char    *registration;  /* "123456789 RT0001"; NULL or "" when none */
} PalpTaxComponent;

PalpTaxComponent *palp_tax_component_new      (const char              *name,
                                               guint32                  rate_ppm,
                                               const char              *registration);
PalpTaxComponent *palp_tax_component_copy     (const PalpTaxComponent  *component);
void              palp_tax_component_free     (PalpTaxComponent        *component);
/* Name present and short, rate above zero and at most PALP_TAX_RATE_MAX_PPM. */
gboolean          palp_tax_component_validate (const PalpTaxComponent  *component,
                                               GError                 **error);
/* Same name, rate and registration: amounts of equal components add up. */
gboolean          palp_tax_component_equal    (const PalpTaxComponent  *a,
                                               const PalpTaxComponent  *b);

/* A rate typed as a percentage: "5", "5%", "9.975 %", "9,975" (French). */
gboolean          palp_tax_rate_parse         (const char              *text,
                                               guint32                 *out_ppm,
                                               GError                 **error);
/* "5%", "9.975%"; French "5 %", "9,975 %" (U+00A0 before the sign). */
char             *palp_tax_rate_format        (guint32                  rate_ppm,
                                               const char              *language);

/* Tax on @base_cents at @rate_ppm, rounded half up to the cent (half away
 * from zero for a negative base, so a credit mirrors its charge). */
gint64            palp_tax_compute            (gint64                   base_cents,
                                               guint32                  rate_ppm);

/* One component's share of a receipt: its taxable base and its tax. */
typedef struct
{
  PalpTaxComponent *component;
  gint64            base_cents;
  gint64            amount_cents;
} PalpTaxAmount;

void              palp_tax_amount_free        (PalpTaxAmount           *amount);
PalpTaxAmount    *palp_tax_amount_copy        (const PalpTaxAmount     *amount);

/* A GPtrArray of PalpTaxAmount, in the order components were first added. */
GPtrArray        *palp_tax_amounts_new        (void);
/* Adds @base_cents to @component's base (creating its row if needed) and
 * recomputes its tax on the whole base. FALSE on overflow or an invalid
 * component. */
gboolean          palp_tax_amounts_add        (GPtrArray               *amounts,
                                               const PalpTaxComponent  *component,
                                               gint64                   base_cents,
                                               GError                 **error);
gint64            palp_tax_amounts_total      (GPtrArray               *amounts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpTaxComponent, palp_tax_component_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpTaxAmount, palp_tax_amount_free)

G_END_DECLS
