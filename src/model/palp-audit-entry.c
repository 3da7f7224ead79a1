/* palp-audit-entry.c: one row of the audit log (read-only once built)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-audit-entry.h"

struct _PalpAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   user_id;
  gint64   row_id;
  gint64   client_id;
  char    *strings[6];
};

G_DEFINE_FINAL_TYPE (PalpAuditEntry, palp_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_ROW_ID,
  PROP_CLIENT_ID,
  PROP_AT,
  PROP_USER_NAME,
  PROP_ACTION,
  PROP_TABLE_NAME,
  PROP_BEFORE,
  PROP_AFTER,
  N_PROPS
};

#define FIRST_STRING PROP_AT

static const char *string_names[] = { "at", "user-name", "action", "table-name", "before",
                                      "after" };

G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING);

static GParamSpec *properties[N_PROPS];

static void
palp_audit_entry_finalize (GObject *object)
{
  PalpAuditEntry *self = (PalpAuditEntry *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (palp_audit_entry_parent_class)->finalize (object);
}

static gint64 *
int_slot (PalpAuditEntry *self,
          guint           prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_USER_ID: return &self->user_id;
    case PROP_ROW_ID: return &self->row_id;
    case PROP_CLIENT_ID: return &self->client_id;
    default: return NULL;
    }
}

static void
palp_audit_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PalpAuditEntry *self = PALP_AUDIT_ENTRY (object);
  gint64 *slot = int_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_int64 (value, *slot);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* Entries are written once, at construction: the log is append-only. */
static void
palp_audit_entry_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PalpAuditEntry *self = PALP_AUDIT_ENTRY (object);
  gint64 *slot = int_slot (self, prop_id);

  if (slot != NULL)
    *slot = g_value_get_int64 (value);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    self->strings[prop_id - FIRST_STRING] = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
palp_audit_entry_class_init (PalpAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *int_names[] = { "id", "user-id", "row-id", "client-id" };

  object_class->finalize = palp_audit_entry_finalize;
  object_class->get_property = palp_audit_entry_get_property;
  object_class->set_property = palp_audit_entry_set_property;

  for (guint i = PROP_ID; i < FIRST_STRING; i++)
    properties[i] = g_param_spec_int64 (int_names[i - PROP_ID], NULL, NULL, 0, G_MAXINT64, 0,
                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                        G_PARAM_STATIC_STRINGS);
  for (guint i = FIRST_STRING; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (string_names[i - FIRST_STRING], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_audit_entry_init (PalpAuditEntry *self)
{
}
