/* palp-store-private.h: for the store's own files and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "palp-store.h"

G_BEGIN_DECLS

sqlite3    *palp_store_get_db           (PalpStore     *self);
/* Loads the clients with @ids (in any order) into @out, in the order of
 * @ids; missing ids leave NULL. */
gboolean    palp_store_load_clients_by_ids (PalpStore  *self,
                                            const gint64 *ids,
                                            guint       n_ids,
                                            PalpClient **out,
                                            GError    **error);
/* The list model over ordered ids (palp-client-list.c). */
GListModel *palp_client_list_new        (PalpStore     *store,
                                         GArray        *ids);
/* Whether a filesystem magic number (statfs f_type) is a network one. */
gboolean    palp_store_fs_is_network    (gint64         f_type);

G_END_DECLS
