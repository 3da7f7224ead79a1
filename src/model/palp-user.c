/* palp-user.c: a person who uses Palpate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-model-private.h"
#include "palp-user.h"

GType
palp_roles_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GFlagsValue values[] = {
        { PALP_ROLE_NONE, "PALP_ROLE_NONE", "none" },
        { PALP_ROLE_PRACTITIONER, "PALP_ROLE_PRACTITIONER", "practitioner" },
        { PALP_ROLE_ADMIN, "PALP_ROLE_ADMIN", "admin" },
        { 0, NULL, NULL }
      };
      GType type = g_flags_register_static ("PalpRoles", values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

struct _PalpUser
{
  GObject    parent_instance;

  gint64     id;
  PalpRoles  roles;
  gboolean   active;
  GBytes    *signature;
  char      *strings[8];
};

G_DEFINE_FINAL_TYPE (PalpUser, palp_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROLES,
  PROP_ACTIVE,
  PROP_SIGNATURE,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_CREDENTIALS,
  PROP_PROFESSION,
  PROP_ASSOCIATION,
  PROP_ASSOCIATION_NUMBER,
  PROP_NPI,
  N_PROPS
};

#define FIRST_STRING PROP_LOGIN

static const char *string_names[] = {
  "login", "display-name", "credentials", "profession", "association", "association-number",
  "npi",
};

G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING);

static GParamSpec *properties[N_PROPS];

static void
palp_user_finalize (GObject *object)
{
  PalpUser *self = (PalpUser *) object;

  palp_model_free_strings (self->strings, G_N_ELEMENTS (self->strings));
  g_clear_pointer (&self->signature, g_bytes_unref);

  G_OBJECT_CLASS (palp_user_parent_class)->finalize (object);
}

static void
palp_user_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PalpUser *self = PALP_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ROLES:
      g_value_set_flags (value, self->roles);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_SIGNATURE:
      g_value_set_boxed (value, self->signature);
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_user_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PalpUser *self = PALP_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ROLES:
      if (self->roles != g_value_get_flags (value))
        {
          self->roles = g_value_get_flags (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ACTIVE:
      if (self->active != g_value_get_boolean (value))
        {
          self->active = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SIGNATURE:
      {
        GBytes *sig = g_value_get_boxed (value);

        if (sig == self->signature || (sig && self->signature && g_bytes_equal (sig, self->signature)))
          return;
        g_clear_pointer (&self->signature, g_bytes_unref);
        self->signature = sig ? g_bytes_ref (sig) : NULL;
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
palp_user_class_init (PalpUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_user_finalize;
  object_class->get_property = palp_user_get_property;
  object_class->set_property = palp_user_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLES] =
    g_param_spec_flags ("roles", NULL, NULL, PALP_TYPE_ROLES, PALP_ROLE_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNATURE] =
    g_param_spec_boxed ("signature", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  palp_model_string_properties (properties, FIRST_STRING, string_names,
                                G_N_ELEMENTS (string_names));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_user_init (PalpUser *self)
{
  self->active = TRUE;
}

PalpUser *
palp_user_new (void)
{
  return g_object_new (PALP_TYPE_USER, NULL);
}

gint64
palp_user_get_id (PalpUser *self)
{
  g_return_val_if_fail (PALP_IS_USER (self), 0);
  return self->id;
}

const char *
palp_user_get_login (PalpUser *self)
{
  g_return_val_if_fail (PALP_IS_USER (self), NULL);
  return self->strings[PROP_LOGIN - FIRST_STRING];
}

const char *
palp_user_get_display_name (PalpUser *self)
{
  g_return_val_if_fail (PALP_IS_USER (self), NULL);
  return self->strings[PROP_DISPLAY_NAME - FIRST_STRING];
}

const char *
palp_user_get_credentials (PalpUser *self)
{
  g_return_val_if_fail (PALP_IS_USER (self), NULL);
  return self->strings[PROP_CREDENTIALS - FIRST_STRING];
}

PalpRoles
palp_user_get_roles (PalpUser *self)
{
  g_return_val_if_fail (PALP_IS_USER (self), PALP_ROLE_NONE);
  return self->roles;
}

gboolean
palp_user_is_practitioner (PalpUser *self)
{
  return (palp_user_get_roles (self) & PALP_ROLE_PRACTITIONER) != 0;
}

gboolean
palp_user_is_admin (PalpUser *self)
{
  return (palp_user_get_roles (self) & PALP_ROLE_ADMIN) != 0;
}
