/* palp-record.c: a row of the record as a GObject of plain properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-model-private.h"
#include "palp-record.h"

typedef struct
{
  gint64  ints[PALP_RECORD_MAX_FIELDS];
  char   *strings[PALP_RECORD_MAX_FIELDS];
} PalpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PalpRecord, palp_record, G_TYPE_OBJECT)

/* Property ids: 1 .. n_ints are the integers, then the strings. */

static void
palp_record_finalize (GObject *object)
{
  PalpRecordPrivate *priv = palp_record_get_instance_private (PALP_RECORD (object));

  palp_model_free_strings (priv->strings, PALP_RECORD_MAX_FIELDS);

  G_OBJECT_CLASS (palp_record_parent_class)->finalize (object);
}

static void
palp_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PalpRecordPrivate *priv = palp_record_get_instance_private (PALP_RECORD (object));
  PalpRecordClass *klass = PALP_RECORD_GET_CLASS (object);

  if (prop_id >= 1 && prop_id <= klass->n_ints)
    g_value_set_int64 (value, priv->ints[prop_id - 1]);
  else if (prop_id > klass->n_ints && prop_id <= klass->n_ints + klass->n_strings)
    g_value_set_string (value, priv->strings[prop_id - 1 - klass->n_ints]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
palp_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PalpRecordPrivate *priv = palp_record_get_instance_private (PALP_RECORD (object));
  PalpRecordClass *klass = PALP_RECORD_GET_CLASS (object);

  if (prop_id >= 1 && prop_id <= klass->n_ints)
    {
      gint64 v = g_value_get_int64 (value);

      if (priv->ints[prop_id - 1] != v)
        {
          priv->ints[prop_id - 1] = v;
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (prop_id > klass->n_ints && prop_id <= klass->n_ints + klass->n_strings)
    palp_model_set_string (object, &priv->strings[prop_id - 1 - klass->n_ints], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
palp_record_class_init (PalpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_record_finalize;
}

static void
palp_record_init (PalpRecord *self)
{
}

void
palp_record_class_install (PalpRecordClass *klass,
                           const char     **int_names,
                           guint            n_ints,
                           const char     **string_names,
                           guint            n_strings)
{
  g_autofree GParamSpec **properties = NULL;

  g_return_if_fail (n_ints <= PALP_RECORD_MAX_FIELDS);
  g_return_if_fail (n_strings <= PALP_RECORD_MAX_FIELDS);

  /* GObject does not inherit the property accessors: each type that
   * installs properties sets its own. */
  G_OBJECT_CLASS (klass)->get_property = palp_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = palp_record_set_property;

  klass->int_names = int_names;
  klass->n_ints = n_ints;
  klass->string_names = string_names;
  klass->n_strings = n_strings;

  properties = g_new0 (GParamSpec *, 1 + n_ints + n_strings);
  palp_model_int_properties (properties, 1, int_names, n_ints);
  palp_model_string_properties (properties, 1 + n_ints, string_names, n_strings);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), 1 + n_ints + n_strings, properties);
}

gint64
palp_record_get_int (PalpRecord *self,
                     const char *property)
{
  PalpRecordPrivate *priv;
  PalpRecordClass *klass;

  g_return_val_if_fail (PALP_IS_RECORD (self), 0);

  priv = palp_record_get_instance_private (self);
  klass = PALP_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_ints; i++)
    if (strcmp (klass->int_names[i], property) == 0)
      return priv->ints[i];
  g_critical ("%s has no integer field “%s”", G_OBJECT_TYPE_NAME (self), property);
  return 0;
}

const char *
palp_record_get_string (PalpRecord *self,
                        const char *property)
{
  PalpRecordPrivate *priv;
  PalpRecordClass *klass;

  g_return_val_if_fail (PALP_IS_RECORD (self), NULL);

  priv = palp_record_get_instance_private (self);
  klass = PALP_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_strings; i++)
    if (strcmp (klass->string_names[i], property) == 0)
      return priv->strings[i];
  g_critical ("%s has no string field “%s”", G_OBJECT_TYPE_NAME (self), property);
  return NULL;
}
