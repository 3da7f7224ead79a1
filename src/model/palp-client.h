/* palp-client.h: a client of the clinic
 *
 * Properties (strings unless said; dates are ISO "YYYY-MM-DD"):
 *   id (gint64, 0 until saved), given-name, middle-name, family-name,
 *   preferred-name, birth-date, sex ("F", "M", "X", "U" unknown),
 *   pronouns, mobile-phone, home-phone, email,
 *   street, city, region, postal-code,
 *   emergency-name, emergency-phone,
 *   guardian-name, guardian-relationship, guardian-phone (for minors),
 *   notes, archived (boolean), created-at, updated-at (ISO date-time),
 *   display-name (read-only: preferred or given name, then family name),
 *   flags (read-only GStrv set by the store: "allergy:latex",
 *   "contraindication:...", "balance", "referral-expiring", ... — later
 *   work fills them; the client page shows them as pills).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT (palp_client_get_type ())

G_DECLARE_FINAL_TYPE (PalpClient, palp_client, PALP, CLIENT, GObject)

PalpClient  *palp_client_new                (void);
gint64       palp_client_get_id             (PalpClient *self);
const char  *palp_client_get_given_name     (PalpClient *self);
const char  *palp_client_get_family_name    (PalpClient *self);
const char  *palp_client_get_preferred_name (PalpClient *self);
const char  *palp_client_get_birth_date     (PalpClient *self);
const char  *palp_client_get_email          (PalpClient *self);
const char  *palp_client_get_mobile_phone   (PalpClient *self);
gboolean     palp_client_get_archived       (PalpClient *self);
/* "Preferred-or-given Family", newly allocated. */
char        *palp_client_dup_display_name   (PalpClient *self);
/* Age in whole years on @today_iso, -1 without a birth date. */
int          palp_client_get_age            (PalpClient *self,
                                             const char *today_iso);
const char * const *palp_client_get_flags   (PalpClient *self);
void         palp_client_set_flags          (PalpClient         *self,
                                             const char * const *flags);

/* Checks every field's shape (names required, a real birth date not in
 * the future, e-mail and phone shapes). On failure sets a PALP_CORE_ERROR
 * and, when @out_field is not NULL, the name of the offending property. */
gboolean     palp_client_validate           (PalpClient  *self,
                                             const char  *today_iso,
                                             char       **out_field,
                                             GError     **error);

G_END_DECLS
