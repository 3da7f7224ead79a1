/* palp-licence.h: a dated licence or endorsement of a practitioner
 *
 * Licences are rows, never fields: a practitioner may hold several
 * (states, provinces), each with its own dates, and an endorsement such as
 * "intra-oral" is a licence row of kind ENDORSEMENT naming what it endorses.
 *
 * Properties:
 *   id (gint64), user-id (gint64), kind (PalpLicenceKind),
 *   number, jurisdiction ("WA", "ON", ...), endorsement (e.g. "intra-oral";
 *   empty for a licence), issued (ISO date), expires (ISO date, may be empty).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PALP_LICENCE_KIND_LICENCE,
  PALP_LICENCE_KIND_ENDORSEMENT,
} PalpLicenceKind;

#define PALP_TYPE_LICENCE (palp_licence_get_type ())

G_DECLARE_FINAL_TYPE (PalpLicence, palp_licence, PALP, LICENCE, GObject)

PalpLicence *palp_licence_new              (void);
gint64       palp_licence_get_id           (PalpLicence *self);
gint64       palp_licence_get_user_id      (PalpLicence *self);
const char  *palp_licence_get_number       (PalpLicence *self);
const char  *palp_licence_get_jurisdiction (PalpLicence *self);
const char  *palp_licence_get_expires      (PalpLicence *self);
/* Current on @today_iso: issued on or before it and not yet expired. */
gboolean     palp_licence_is_current       (PalpLicence *self,
                                            const char  *today_iso);

G_END_DECLS
