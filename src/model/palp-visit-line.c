/* palp-visit-line.c: one billing line of a visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "palp-model-private.h"
#include "palp-visit-line.h"

static const char *int_names[] = {
  "id",
  "visit-id",
  "service-id",
  "minutes",
  "quantity",
  "price-cents",
};

static const char *string_names[] = {
  "category",
  "description",
};

#define N_INTS G_N_ELEMENTS (int_names)
#define N_STRINGS G_N_ELEMENTS (string_names)
#define FIRST_INT 1
#define FIRST_STRING (FIRST_INT + N_INTS)
#define N_PROPS (FIRST_STRING + N_STRINGS)

struct _PalpVisitLine
{
  GObject  parent_instance;

  gint64   ints[6];
  char    *strings[2];
};

G_DEFINE_FINAL_TYPE (PalpVisitLine, palp_visit_line, G_TYPE_OBJECT)

static GParamSpec *properties[9];

static void
palp_visit_line_finalize (GObject *object)
{
  PalpVisitLine *self = (PalpVisitLine *) object;

  palp_model_free_strings (self->strings, N_STRINGS);

  G_OBJECT_CLASS (palp_visit_line_parent_class)->finalize (object);
}

static void
palp_visit_line_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PalpVisitLine *self = PALP_VISIT_LINE (object);

  if (prop_id >= FIRST_INT && prop_id < FIRST_STRING)
    g_value_set_int64 (value, self->ints[prop_id - FIRST_INT]);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
palp_visit_line_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PalpVisitLine *self = PALP_VISIT_LINE (object);

  if (prop_id >= FIRST_INT && prop_id < FIRST_STRING)
    {
      gint64 v = g_value_get_int64 (value);

      if (self->ints[prop_id - FIRST_INT] != v)
        {
          self->ints[prop_id - FIRST_INT] = v;
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    palp_model_set_string (object, &self->strings[prop_id - FIRST_STRING], value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
palp_visit_line_class_init (PalpVisitLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = palp_visit_line_finalize;
  object_class->get_property = palp_visit_line_get_property;
  object_class->set_property = palp_visit_line_set_property;

  palp_model_int_properties (properties, FIRST_INT, int_names, N_INTS);
  palp_model_string_properties (properties, FIRST_STRING, string_names, N_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
palp_visit_line_init (PalpVisitLine *self)
{
}

PalpVisitLine *
palp_visit_line_new (void)
{
  return g_object_new (PALP_TYPE_VISIT_LINE, NULL);
}

gint64
palp_visit_line_get_int (PalpVisitLine *self,
                            const char *property)
{
  g_return_val_if_fail (PALP_IS_VISIT_LINE (self), 0);

  for (guint i = 0; i < N_INTS; i++)
    if (strcmp (int_names[i], property) == 0)
      return self->ints[i];
  g_return_val_if_reached (0);
}

const char *
palp_visit_line_get_string (PalpVisitLine *self,
                               const char *property)
{
  g_return_val_if_fail (PALP_IS_VISIT_LINE (self), NULL);

  for (guint i = 0; i < N_STRINGS; i++)
    if (strcmp (string_names[i], property) == 0)
      return self->strings[i];
  g_return_val_if_reached (NULL);
}
