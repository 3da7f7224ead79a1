/* palp-validate.h: the shape of what people type into forms
 *
 * Each check returns TRUE or sets a PALP_CORE_ERROR whose message is
 * translated and says what to type instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "palp-date.h"

G_BEGIN_DECLS

gboolean palp_validate_name        (const char  *text,
                                    gboolean     required,
                                    GError     **error);
gboolean palp_validate_email       (const char  *text,
                                    GError     **error);
gboolean palp_validate_phone       (const char  *text,
                                    GError     **error);
/* A birth date: a real ISO date, not in the future, not absurdly old. */
gboolean palp_validate_birth_date  (const char  *iso,
                                    const char  *today_iso,
                                    GError     **error);
/* A login: 1 to 64 letters, digits, ".", "_" or "-". */
gboolean palp_validate_login       (const char  *text,
                                    GError     **error);
/* Free text: no control characters but newline and tab, at most @max_chars. */
gboolean palp_validate_text        (const char  *text,
                                    gsize        max_chars,
                                    GError     **error);

G_END_DECLS
