/* palp-core-error.h: the error domain of the pure rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PALP_CORE_ERROR (palp_core_error_quark ())

typedef enum
{
  PALP_CORE_ERROR_INVALID,     /* a value has the wrong shape or is out of range */
  PALP_CORE_ERROR_REQUIRED,    /* a required value is missing */
  PALP_CORE_ERROR_PERMISSION,  /* the acting user may not do this */
} PalpCoreError;

GQuark palp_core_error_quark (void);

G_END_DECLS
