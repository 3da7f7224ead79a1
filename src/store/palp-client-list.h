/* palp-client-list.h: a store-backed, lazily loaded GListModel of clients
 *
 * Holds only the matching row ids; a PalpClient is loaded (in small pages)
 * when a list view asks for it, so scrolling 20,000 clients costs only what
 * is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PALP_TYPE_CLIENT_LIST (palp_client_list_get_type ())

G_DECLARE_FINAL_TYPE (PalpClientList, palp_client_list, PALP, CLIENT_LIST, GObject)

G_END_DECLS
