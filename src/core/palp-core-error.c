/* palp-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-core-error.h"

G_DEFINE_QUARK (palp-core-error-quark, palp_core_error)
