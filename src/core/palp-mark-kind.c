/* palp-mark-kind.c: what a therapist marks on the body chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "palp-core-error.h"
#include "palp-mark-kind.h"

typedef struct
{
  const char    *key;
  const char    *label;
  PalpMarkGroup  group;
  gboolean       intensity;
  PalpMarkShape  shape;
} KindInfo;

static const KindInfo kinds[PALP_MARK_KIND_COUNT] = {
  [PALP_MARK_ACHING] = { "aching", N_("Aching"), PALP_MARK_GROUP_SENSATION, TRUE,
                         PALP_MARK_SHAPE_AREA },
  [PALP_MARK_BURNING] = { "burning", N_("Burning"), PALP_MARK_GROUP_SENSATION, TRUE,
                          PALP_MARK_SHAPE_AREA },
  [PALP_MARK_STABBING] = { "stabbing", N_("Stabbing"), PALP_MARK_GROUP_SENSATION, TRUE,
                           PALP_MARK_SHAPE_POINT },
  [PALP_MARK_PINS_AND_NEEDLES] = { "pins-and-needles", N_("Pins and needles"),
                                   PALP_MARK_GROUP_SENSATION, TRUE, PALP_MARK_SHAPE_AREA },
  [PALP_MARK_NUMBNESS] = { "numbness", N_("Numbness"), PALP_MARK_GROUP_SENSATION, TRUE,
                           PALP_MARK_SHAPE_AREA },
  [PALP_MARK_TENDERNESS] = { "tenderness", N_("Tenderness"), PALP_MARK_GROUP_FINDING, TRUE,
                             PALP_MARK_SHAPE_POINT },
  [PALP_MARK_TRIGGER_POINT] = { "trigger-point", N_("Trigger point"), PALP_MARK_GROUP_FINDING,
                                TRUE, PALP_MARK_SHAPE_POINT },
  [PALP_MARK_HYPERTONICITY] = { "hypertonicity", N_("Hypertonicity"), PALP_MARK_GROUP_FINDING,
                                TRUE, PALP_MARK_SHAPE_AREA },
  [PALP_MARK_SPASM] = { "spasm", N_("Spasm"), PALP_MARK_GROUP_FINDING, TRUE,
                        PALP_MARK_SHAPE_AREA },
  [PALP_MARK_SWELLING] = { "swelling", N_("Swelling"), PALP_MARK_GROUP_FINDING, TRUE,
                           PALP_MARK_SHAPE_AREA },
  [PALP_MARK_SCAR] = { "scar", N_("Scar or adhesion"), PALP_MARK_GROUP_FINDING, FALSE,
                       PALP_MARK_SHAPE_AREA },
  [PALP_MARK_LESION] = { "lesion", N_("Bruise or lesion"), PALP_MARK_GROUP_FINDING, FALSE,
                         PALP_MARK_SHAPE_AREA },
  [PALP_MARK_RESTRICTED] = { "restricted", N_("Restricted movement"), PALP_MARK_GROUP_FINDING,
                             FALSE, PALP_MARK_SHAPE_POINT },
  [PALP_MARK_AVOID] = { "avoid", N_("Avoid"), PALP_MARK_GROUP_ZONE, FALSE,
                        PALP_MARK_SHAPE_AREA },
  [PALP_MARK_TREATED] = { "treated", N_("Treated area"), PALP_MARK_GROUP_ZONE, FALSE,
                          PALP_MARK_SHAPE_AREA },
};

static const char *shape_keys[] = { "point", "area", "arrow" };

const char *
palp_mark_kind_to_key (PalpMarkKind kind)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, NULL);
  return kinds[kind].key;
}

gboolean
palp_mark_kind_from_key (const char   *key,
                         PalpMarkKind *out_kind)
{
  for (guint i = 0; key != NULL && i < PALP_MARK_KIND_COUNT; i++)
    if (strcmp (kinds[i].key, key) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
palp_mark_kind_get_label (PalpMarkKind kind)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, NULL);
  return _(kinds[kind].label);
}

PalpMarkGroup
palp_mark_kind_get_group (PalpMarkKind kind)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, PALP_MARK_GROUP_FINDING);
  return kinds[kind].group;
}

gboolean
palp_mark_kind_has_intensity (PalpMarkKind kind)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, FALSE);
  return kinds[kind].intensity;
}

PalpMarkShape
palp_mark_kind_default_shape (PalpMarkKind kind)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, PALP_MARK_SHAPE_POINT);
  return kinds[kind].shape;
}

gboolean
palp_mark_kind_allows_shape (PalpMarkKind  kind,
                             PalpMarkShape shape)
{
  g_return_val_if_fail (kind < PALP_MARK_KIND_COUNT, FALSE);

  switch (shape)
    {
    case PALP_MARK_SHAPE_ARROW:
      return kind == PALP_MARK_TRIGGER_POINT;
    case PALP_MARK_SHAPE_POINT:
      return kinds[kind].group != PALP_MARK_GROUP_ZONE;
    case PALP_MARK_SHAPE_AREA:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
palp_mark_shape_to_key (PalpMarkShape shape)
{
  g_return_val_if_fail (shape < G_N_ELEMENTS (shape_keys), NULL);
  return shape_keys[shape];
}

gboolean
palp_mark_shape_from_key (const char    *key,
                          PalpMarkShape *out_shape)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (shape_keys); i++)
    if (strcmp (shape_keys[i], key) == 0)
      {
        *out_shape = i;
        return TRUE;
      }
  return FALSE;
}

static GArray *
geometry_error (GError **error)
{
  g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_INVALID,
                       _("The mark's outline is not one the chart can draw."));
  return NULL;
}

GArray *
palp_mark_geometry_parse (const char     *json,
                          PalpMarkShape   shape,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *points;
  JsonNode *root;
  guint n;

  if (json == NULL || strlen (json) > PALP_MARK_MAX_POINTS * 40 ||
      !json_parser_load_from_data (parser, json, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return geometry_error (error);

  points = json_node_get_array (root);
  n = json_array_get_length (points);
  if ((shape == PALP_MARK_SHAPE_POINT && n != 1) ||
      (shape == PALP_MARK_SHAPE_ARROW && n != 2) ||
      (shape == PALP_MARK_SHAPE_AREA && (n < 3 || n > PALP_MARK_MAX_POINTS)))
    return geometry_error (error);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (points, i);
      JsonArray *pair;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (pair = json_node_get_array (node)) != 2)
        return geometry_error (error);
      for (guint c = 0; c < 2; c++)
        {
          JsonNode *v = json_array_get_element (pair, c);
          double d;

          if (!JSON_NODE_HOLDS_VALUE (v) ||
              (json_node_get_value_type (v) != G_TYPE_DOUBLE &&
               json_node_get_value_type (v) != G_TYPE_INT64))
            return geometry_error (error);
          d = json_node_get_double (v);
          /* Normalised: the view is 0..1 each way. */
          if (!isfinite (d) || d < 0.0 || d > 1.0)
            return geometry_error (error);
          g_array_append_val (xy, d);
        }
    }
  return g_steal_pointer (&xy);
}

char *
palp_mark_geometry_to_json (const double *xy,
                            guint         n_points)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_points; i++)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (x, sizeof x, "%.4f", CLAMP (xy[2 * i], 0.0, 1.0));
      g_ascii_formatd (y, sizeof y, "%.4f", CLAMP (xy[2 * i + 1], 0.0, 1.0));
      g_string_append_printf (json, "%s[%s,%s]", i ? "," : "", x, y);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}
