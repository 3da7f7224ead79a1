/* palp-licence.c: a dated licence or endorsement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-date.h"
#include "palp-licence.h"
#include "palp-model-private.h"

struct _PalpLicence
{
  GObject          parent_instance;

  gint64           id;
  gint64           user_id;
  PalpLicenceKind  kind;
  char            *strings[5];
};

G_DEFINE_FINAL_TYPE (PalpLicence, palp_licence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_KIND,
  PROP_NUMBER,
  PROP_JURISDICTION,
  PROP_ENDORSEMENT,
  PROP_ISSUED,
  PROP_EXPIRES,
  N_PROPS
};

#define FIRST_STRING PROP_NUMBER

static const char *string_names[] = { "number", "jurisdiction", "endorsement", "issued",
                                      "expires" };

G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING);

static GParamSpec *properties[N_PROPS];

static void
palp_licence_finalize (GObject *object)
{
  PalpLicence *self = (PalpLicence *) object;

  palp_model_free_strings (self->strings, G_N_ELEMENTS (self->strings));

  G_OBJECT_CLASS (palp_licence_parent_class)->finalize (object);
}

static void
palp_licence_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PalpLicence *self = PALP_LICENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_USER_ID:
      g_value_set_int64 (value, self->user_id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_licence_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PalpLicence *self = PALP_LICENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_USER_ID:
      if (self->user_id != g_value_get_int64 (value))
        {
          self->user_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND:
      if ((int) self->kind != g_value_get_int (value))
        {
          self->kind = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        palp_model_set_string (object, &self->strings[prop_id - FIRST_STRING], value, pspec);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_licence_class_init (PalpLicenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_licence_finalize;
  object_class->get_property = palp_licence_get_property;
  object_class->set_property = palp_licence_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_int64 ("user-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A plain int: the kind is two values and needs no enum type. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, PALP_LICENCE_KIND_LICENCE,
                      PALP_LICENCE_KIND_ENDORSEMENT, PALP_LICENCE_KIND_LICENCE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  palp_model_string_properties (properties, FIRST_STRING, string_names,
                                G_N_ELEMENTS (string_names));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_licence_init (PalpLicence *self)
{
}

PalpLicence *
palp_licence_new (void)
{
  return g_object_new (PALP_TYPE_LICENCE, NULL);
}

gint64
palp_licence_get_id (PalpLicence *self)
{
  g_return_val_if_fail (PALP_IS_LICENCE (self), 0);
  return self->id;
}

gint64
palp_licence_get_user_id (PalpLicence *self)
{
  g_return_val_if_fail (PALP_IS_LICENCE (self), 0);
  return self->user_id;
}

const char *
palp_licence_get_number (PalpLicence *self)
{
  g_return_val_if_fail (PALP_IS_LICENCE (self), NULL);
  return self->strings[PROP_NUMBER - FIRST_STRING];
}

const char *
palp_licence_get_jurisdiction (PalpLicence *self)
{
  g_return_val_if_fail (PALP_IS_LICENCE (self), NULL);
  return self->strings[PROP_JURISDICTION - FIRST_STRING];
}

const char *
palp_licence_get_expires (PalpLicence *self)
{
  g_return_val_if_fail (PALP_IS_LICENCE (self), NULL);
  return self->strings[PROP_EXPIRES - FIRST_STRING];
}

gboolean
palp_licence_is_current (PalpLicence *self,
                         const char  *today_iso)
{
  const char *issued, *expires;

  g_return_val_if_fail (PALP_IS_LICENCE (self), FALSE);

  /* ISO dates compare as strings. A licence is valid through its expiry
   * day. */
  issued = self->strings[PROP_ISSUED - FIRST_STRING];
  expires = self->strings[PROP_EXPIRES - FIRST_STRING];
  if (issued != NULL && g_strcmp0 (issued, today_iso) > 0)
    return FALSE;
  if (expires != NULL && g_strcmp0 (expires, today_iso) < 0)
    return FALSE;
  return TRUE;
}
