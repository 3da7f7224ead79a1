/* palp-clinic.c: the clinic profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-clinic.h"
#include "palp-model-private.h"

struct _PalpClinic
{
  GObject   parent_instance;

  GBytes   *logo;
  gboolean  is_demo;
  char     *strings[16];
};

G_DEFINE_FINAL_TYPE (PalpClinic, palp_clinic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOGO,
  PROP_IS_DEMO,
  PROP_NAME,
  PROP_ESTHETIC_NAME,
  PROP_STREET,
  PROP_CITY,
  PROP_REGION,
  PROP_POSTAL_CODE,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_WEBSITE,
  PROP_COUNTRY,
  PROP_CURRENCY,
  PROP_PAPER_SIZE,
  PROP_TAX_ID,
  PROP_TAX_NUMBERS,
  PROP_RECEIPT_PATTERN,
  N_PROPS
};

#define FIRST_STRING PROP_NAME

static const char *string_names[] = {
  "name", "esthetic-name", "street", "city", "region", "postal-code", "phone", "email",
  "website", "country", "currency", "paper-size", "tax-id", "tax-numbers",
  "receipt-pattern",
};

G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == N_PROPS - FIRST_STRING);

static GParamSpec *properties[N_PROPS];

static void
palp_clinic_finalize (GObject *object)
{
  PalpClinic *self = (PalpClinic *) object;

  palp_model_free_strings (self->strings, G_N_ELEMENTS (self->strings));
  g_clear_pointer (&self->logo, g_bytes_unref);

  G_OBJECT_CLASS (palp_clinic_parent_class)->finalize (object);
}

static void
palp_clinic_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PalpClinic *self = PALP_CLINIC (object);

  switch (prop_id)
    {
    case PROP_LOGO:
      g_value_set_boxed (value, self->logo);
      break;
    case PROP_IS_DEMO:
      g_value_set_boolean (value, self->is_demo);
      break;
    default:
      if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
        g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palp_clinic_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PalpClinic *self = PALP_CLINIC (object);

  switch (prop_id)
    {
    case PROP_LOGO:
      {
        GBytes *logo = g_value_get_boxed (value);

        if (logo == self->logo || (logo && self->logo && g_bytes_equal (logo, self->logo)))
          return;
        g_clear_pointer (&self->logo, g_bytes_unref);
        self->logo = logo ? g_bytes_ref (logo) : NULL;
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_IS_DEMO:
      if (self->is_demo != g_value_get_boolean (value))
        {
          self->is_demo = g_value_get_boolean (value);
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
palp_clinic_class_init (PalpClinicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_clinic_finalize;
  object_class->get_property = palp_clinic_get_property;
  object_class->set_property = palp_clinic_set_property;

  properties[PROP_LOGO] =
    g_param_spec_boxed ("logo", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_DEMO] =
    g_param_spec_boolean ("is-demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  palp_model_string_properties (properties, FIRST_STRING, string_names,
                                G_N_ELEMENTS (string_names));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_clinic_init (PalpClinic *self)
{
  self->strings[PROP_COUNTRY - FIRST_STRING] = g_strdup ("US");
  self->strings[PROP_CURRENCY - FIRST_STRING] = g_strdup ("USD");
  self->strings[PROP_PAPER_SIZE - FIRST_STRING] = g_strdup ("letter");
}

PalpClinic *
palp_clinic_new (void)
{
  return g_object_new (PALP_TYPE_CLINIC, NULL);
}

const char *
palp_clinic_get_name (PalpClinic *self)
{
  g_return_val_if_fail (PALP_IS_CLINIC (self), NULL);
  return self->strings[PROP_NAME - FIRST_STRING];
}

const char *
palp_clinic_get_country (PalpClinic *self)
{
  g_return_val_if_fail (PALP_IS_CLINIC (self), "US");
  return self->strings[PROP_COUNTRY - FIRST_STRING] ? self->strings[PROP_COUNTRY - FIRST_STRING]
                                                    : "US";
}

PalpCountry
palp_clinic_get_country_enum (PalpClinic *self)
{
  return palp_country_from_code (palp_clinic_get_country (self));
}

const char *
palp_clinic_get_paper_size (PalpClinic *self)
{
  g_return_val_if_fail (PALP_IS_CLINIC (self), "letter");
  return self->strings[PROP_PAPER_SIZE - FIRST_STRING] ?
           self->strings[PROP_PAPER_SIZE - FIRST_STRING] : "letter";
}

gboolean
palp_clinic_get_is_demo (PalpClinic *self)
{
  g_return_val_if_fail (PALP_IS_CLINIC (self), FALSE);
  return self->is_demo;
}
