/* palp-client.c: a client of the clinic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-client.h"
#include "palp-model-private.h"
#include "palp-core-error.h"
#include "palp-date.h"
#include "palp-validate.h"

struct _PalpClient
{
  GObject   parent_instance;

  gint64    id;
  gboolean  archived;
  GStrv     flags;
  /* String properties, indexed by PROP_* - FIRST_STRING. */
  char     *strings[26];
};

G_DEFINE_FINAL_TYPE (PalpClient, palp_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARCHIVED,
  PROP_FLAGS,
  PROP_DISPLAY_NAME,
  /* Every property from here on is a plain string. */
  PROP_GIVEN_NAME,
  PROP_MIDDLE_NAME,
  PROP_FAMILY_NAME,
  PROP_PREFERRED_NAME,
  PROP_BIRTH_DATE,
  PROP_SEX,
  PROP_PRONOUNS,
  PROP_MOBILE_PHONE,
  PROP_HOME_PHONE,
  PROP_EMAIL,
  PROP_STREET,
  PROP_CITY,
  PROP_REGION,
  PROP_POSTAL_CODE,
  PROP_EMERGENCY_NAME,
  PROP_EMERGENCY_PHONE,
  PROP_GUARDIAN_NAME,
  PROP_GUARDIAN_RELATIONSHIP,
  PROP_GUARDIAN_PHONE,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

#define FIRST_STRING PROP_GIVEN_NAME

G_STATIC_ASSERT (N_PROPS - FIRST_STRING <= 26);

static GParamSpec *properties[N_PROPS];

static const char *string_names[] = {
  "given-name", "middle-name", "family-name", "preferred-name", "birth-date", "sex",
  "pronouns", "mobile-phone", "home-phone", "email", "street", "city", "region",
  "postal-code", "emergency-name", "emergency-phone", "guardian-name",
  "guardian-relationship", "guardian-phone", "notes", "created-at", "updated-at",
};

G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING);

static void
palp_client_finalize (GObject *object)
{
  PalpClient *self = (PalpClient *) object;

  palp_model_free_strings (self->strings, G_N_ELEMENTS (self->strings));
  g_strfreev (self->flags);

  G_OBJECT_CLASS (palp_client_parent_class)->finalize (object);
}

static void
palp_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PalpClient *self = PALP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_FLAGS:
      g_value_set_boxed (value, self->flags);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, palp_client_dup_display_name (self));
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PalpClient *self = PALP_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      if (self->id != g_value_get_int64 (value))
        {
          self->id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ARCHIVED:
      if (self->archived != g_value_get_boolean (value))
        {
          self->archived = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FLAGS:
      palp_client_set_flags (self, g_value_get_boxed (value));
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        {
          if (palp_model_set_string (object, &self->strings[prop_id - FIRST_STRING], value,
                                     pspec) &&
              (prop_id == PROP_GIVEN_NAME || prop_id == PROP_FAMILY_NAME ||
               prop_id == PROP_PREFERRED_NAME))
            g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
        }
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_client_class_init (PalpClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_client_finalize;
  object_class->get_property = palp_client_get_property;
  object_class->set_property = palp_client_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_boxed ("flags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  palp_model_string_properties (properties, FIRST_STRING, string_names,
                                G_N_ELEMENTS (string_names));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_client_init (PalpClient *self)
{
}

PalpClient *
palp_client_new (void)
{
  return g_object_new (PALP_TYPE_CLIENT, NULL);
}

gint64
palp_client_get_id (PalpClient *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT (self), 0);
  return self->id;
}

#define STRING_GETTER(func, prop) \
  const char * \
  func (PalpClient *self) \
  { \
    g_return_val_if_fail (PALP_IS_CLIENT (self), NULL); \
    return self->strings[prop - FIRST_STRING]; \
  }

STRING_GETTER (palp_client_get_given_name, PROP_GIVEN_NAME)
STRING_GETTER (palp_client_get_family_name, PROP_FAMILY_NAME)
STRING_GETTER (palp_client_get_preferred_name, PROP_PREFERRED_NAME)
STRING_GETTER (palp_client_get_birth_date, PROP_BIRTH_DATE)
STRING_GETTER (palp_client_get_email, PROP_EMAIL)
STRING_GETTER (palp_client_get_mobile_phone, PROP_MOBILE_PHONE)

gboolean
palp_client_get_archived (PalpClient *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT (self), FALSE);
  return self->archived;
}

char *
palp_client_dup_display_name (PalpClient *self)
{
  const char *first, *family;

  g_return_val_if_fail (PALP_IS_CLIENT (self), NULL);

  first = self->strings[PROP_PREFERRED_NAME - FIRST_STRING];
  if (first == NULL)
    first = self->strings[PROP_GIVEN_NAME - FIRST_STRING];
  family = self->strings[PROP_FAMILY_NAME - FIRST_STRING];

  if (first != NULL && family != NULL)
    return g_strdup_printf ("%s %s", first, family);
  return g_strdup (first ? first : family ? family : "");
}

int
palp_client_get_age (PalpClient *self,
                     const char *today_iso)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (PALP_IS_CLIENT (self), -1);

  if (today_iso == NULL)
    today_iso = today = palp_date_today_iso ();
  return palp_date_age_years (self->strings[PROP_BIRTH_DATE - FIRST_STRING], today_iso);
}

const char * const *
palp_client_get_flags (PalpClient *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (PALP_IS_CLIENT (self), none);
  return self->flags ? (const char * const *) self->flags : none;
}

void
palp_client_set_flags (PalpClient         *self,
                       const char * const *flags)
{
  g_return_if_fail (PALP_IS_CLIENT (self));

  if (self->flags == NULL && (flags == NULL || flags[0] == NULL))
    return;
  if (self->flags != NULL && flags != NULL &&
      g_strv_equal ((const char * const *) self->flags, flags))
    return;
  g_strfreev (self->flags);
  self->flags = (flags && flags[0]) ? g_strdupv ((char **) flags) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

static gboolean
fail_field (char       **out_field,
            const char  *field)
{
  if (out_field != NULL)
    *out_field = g_strdup (field);
  return FALSE;
}

gboolean
palp_client_validate (PalpClient  *self,
                      const char  *today_iso,
                      char       **out_field,
                      GError     **error)
{
  static const guint names[] = { PROP_GIVEN_NAME, PROP_FAMILY_NAME };
  static const guint optional_names[] = { PROP_MIDDLE_NAME, PROP_PREFERRED_NAME,
                                          PROP_EMERGENCY_NAME, PROP_GUARDIAN_NAME,
                                          PROP_GUARDIAN_RELATIONSHIP, PROP_PRONOUNS };
  static const guint phones[] = { PROP_MOBILE_PHONE, PROP_HOME_PHONE, PROP_EMERGENCY_PHONE,
                                  PROP_GUARDIAN_PHONE };
  static const guint lines[] = { PROP_STREET, PROP_CITY, PROP_REGION, PROP_POSTAL_CODE };
  g_autofree char *today = NULL;

  g_return_val_if_fail (PALP_IS_CLIENT (self), FALSE);

  if (today_iso == NULL)
    today_iso = today = palp_date_today_iso ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!palp_validate_name (self->strings[names[i] - FIRST_STRING], TRUE, error))
      return fail_field (out_field, string_names[names[i] - FIRST_STRING]);
  for (guint i = 0; i < G_N_ELEMENTS (optional_names); i++)
    if (!palp_validate_name (self->strings[optional_names[i] - FIRST_STRING], FALSE, error))
      return fail_field (out_field, string_names[optional_names[i] - FIRST_STRING]);
  if (!palp_validate_birth_date (self->strings[PROP_BIRTH_DATE - FIRST_STRING], today_iso,
                                 error))
    return fail_field (out_field, "birth-date");
  if (!palp_validate_email (self->strings[PROP_EMAIL - FIRST_STRING], error))
    return fail_field (out_field, "email");
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    if (!palp_validate_phone (self->strings[phones[i] - FIRST_STRING], error))
      return fail_field (out_field, string_names[phones[i] - FIRST_STRING]);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (!palp_validate_text (self->strings[lines[i] - FIRST_STRING], 200, error) ||
        (self->strings[lines[i] - FIRST_STRING] != NULL &&
         strchr (self->strings[lines[i] - FIRST_STRING], '\n') != NULL &&
         lines[i] != PROP_STREET))
      {
        if (error != NULL && *error == NULL)
          g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("Keep this on one line."));
        return fail_field (out_field, string_names[lines[i] - FIRST_STRING]);
      }
  if (!palp_validate_text (self->strings[PROP_NOTES - FIRST_STRING], 20000, error))
    return fail_field (out_field, "notes");
  {
    const char *sex = self->strings[PROP_SEX - FIRST_STRING];

    if (sex != NULL && !g_strv_contains ((const char *[]) { "F", "M", "X", "U", NULL }, sex))
      {
        g_set_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                     _("Choose female, male, another, or unknown."));
        return fail_field (out_field, "sex");
      }
  }

  return TRUE;
}
