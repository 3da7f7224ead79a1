/* palp-client-editor.h: the client form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_EDITOR (palp_client_editor_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientEditor, palp_client_editor, PALP, CLIENT_EDITOR, AdwWindow)

/* @client NULL: a new client. Emits "saved" (PalpClient) after a save. */
PalpClientEditor *palp_client_editor_new        (PalpStore        *store,
                                                 PalpClinic       *clinic,
                                                 PalpClient       *client);
/* The row editing property @prop (e.g. "birth-date"), for tests. */
GtkWidget        *palp_client_editor_get_row    (PalpClientEditor *self,
                                                 const char       *prop);
/* Why saving is not possible now, or NULL when it is. */
const char       *palp_client_editor_get_problem (PalpClientEditor *self);
gboolean          palp_client_editor_get_dirty  (PalpClientEditor *self);
gboolean          palp_client_editor_save       (PalpClientEditor *self);

G_END_DECLS
