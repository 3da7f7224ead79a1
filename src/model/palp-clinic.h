/* palp-clinic.h: the clinic profile (one per database)
 *
 * Properties (all strings unless said):
 *   name, esthetic-name (trade name printed on non-therapeutic paper),
 *   street, city, region (state or province code, e.g. "WA", "ON"),
 *   postal-code, phone, email, website,
 *   country ("US" or "CA": switches CPT/NPI/CMS-1500 vs registration
 *   numbers and GST/HST), currency ("USD", "CAD"),
 *   paper-size ("letter" or "a4"), tax-id (EIN, US), tax-numbers
 *   (GST/HST registration, CA), receipt-pattern (how receipts are
 *   numbered, palp-receipt-number.h; unset: the default), logo (GBytes,
 *   PNG), is-demo (boolean).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "palp-date.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLINIC (palp_clinic_get_type ())

G_DECLARE_FINAL_TYPE (PalpClinic, palp_clinic, PALP, CLINIC, GObject)

PalpClinic  *palp_clinic_new             (void);
const char  *palp_clinic_get_name        (PalpClinic *self);
const char  *palp_clinic_get_country     (PalpClinic *self);
PalpCountry  palp_clinic_get_country_enum (PalpClinic *self);
const char  *palp_clinic_get_paper_size  (PalpClinic *self);
gboolean     palp_clinic_get_is_demo     (PalpClinic *self);

G_END_DECLS
