/* palp-user.h: a person who uses Palpate
 *
 * A user is a practitioner, an admin, or both (roles are flags), so a solo
 * therapist is one user. Practitioner details live on the same object.
 *
 * Properties:
 *   id (gint64, 0 until saved), login, display-name (as printed),
 *   roles (PalpRoles flags), active (boolean),
 *   and for practitioners: credentials ("LMT", "RMT"), profession
 *   ("Licensed massage therapist"), association (professional association),
 *   association-number (member number), npi (US), signature (GBytes:
 *   PNG of the drawn signature, may be NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum /*< flags >*/
{
  PALP_ROLE_NONE         = 0,
  PALP_ROLE_PRACTITIONER = 1 << 0,
  PALP_ROLE_ADMIN        = 1 << 1,
} PalpRoles;

GType palp_roles_get_type (void);
#define PALP_TYPE_ROLES (palp_roles_get_type ())

#define PALP_TYPE_USER (palp_user_get_type ())

G_DECLARE_FINAL_TYPE (PalpUser, palp_user, PALP, USER, GObject)

PalpUser    *palp_user_new                (void);
gint64       palp_user_get_id             (PalpUser *self);
const char  *palp_user_get_login          (PalpUser *self);
const char  *palp_user_get_display_name   (PalpUser *self);
PalpRoles    palp_user_get_roles          (PalpUser *self);
gboolean     palp_user_is_practitioner    (PalpUser *self);
gboolean     palp_user_is_admin           (PalpUser *self);
const char  *palp_user_get_credentials    (PalpUser *self);

G_END_DECLS
