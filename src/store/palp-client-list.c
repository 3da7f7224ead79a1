/* palp-client-list.c: a store-backed, lazily loaded list of clients
 *
 * The search hands over the matching ids in display order; rows are read
 * from the store a page at a time when a list view asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-client-list.h"
#include "palp-store-private.h"

/* About two screens of rows: one query fills what a list view shows. */
#define PAGE_SIZE PALP_STORE_CLIENT_PAGE

struct _PalpClientList
{
  GObject      parent_instance;

  PalpStore   *store;
  GArray      *ids;
  PalpClient **loaded;
};

static void palp_client_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PalpClientList, palp_client_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      palp_client_list_model_init))

static GType
palp_client_list_get_item_type (GListModel *model)
{
  return PALP_TYPE_CLIENT;
}

static guint
palp_client_list_get_n_items (GListModel *model)
{
  return PALP_CLIENT_LIST (model)->ids->len;
}

static gpointer
palp_client_list_get_item (GListModel *model,
                           guint       position)
{
  PalpClientList *self = PALP_CLIENT_LIST (model);
  g_autoptr(GError) error = NULL;

  if (position >= self->ids->len)
    return NULL;

  if (self->loaded[position] == NULL)
    {
      guint start = position - position % PAGE_SIZE;
      guint n = MIN (PAGE_SIZE, self->ids->len - start);

      if (!palp_store_load_clients_by_ids (self->store,
                                           &g_array_index (self->ids, gint64, start), n,
                                           &self->loaded[start], &error))
        g_warning ("Could not load clients: %s", error->message);
    }

  /* A client deleted since the search shows as an empty row rather than
   * breaking the model's contract. */
  if (self->loaded[position] == NULL)
    {
      self->loaded[position] = palp_client_new ();
      g_object_set (self->loaded[position], "id",
                    g_array_index (self->ids, gint64, position), NULL);
    }
  return g_object_ref (self->loaded[position]);
}

static void
palp_client_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = palp_client_list_get_item_type;
  iface->get_n_items = palp_client_list_get_n_items;
  iface->get_item = palp_client_list_get_item;
}

static void
palp_client_list_finalize (GObject *object)
{
  PalpClientList *self = (PalpClientList *) object;

  for (guint i = 0; i < self->ids->len; i++)
    g_clear_object (&self->loaded[i]);
  g_free (self->loaded);
  g_array_unref (self->ids);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (palp_client_list_parent_class)->finalize (object);
}

static void
palp_client_list_class_init (PalpClientListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = palp_client_list_finalize;
}

static void
palp_client_list_init (PalpClientList *self)
{
}

GListModel *
palp_client_list_new (PalpStore *store,
                      GArray    *ids)
{
  PalpClientList *self = g_object_new (PALP_TYPE_CLIENT_LIST, NULL);

  self->store = g_object_ref (store);
  self->ids = g_array_ref (ids);
  self->loaded = g_new0 (PalpClient *, MAX (ids->len, 1));
  return G_LIST_MODEL (self);
}
