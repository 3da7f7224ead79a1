/* palp-atlas.c: loading the body chart's views and finding regions
 *
 * A view's SVG holds two groups that matter: <g id="outline"> (the figure
 * and features, drawn but never hit) and <g id="regions"> (one <path> per
 * region, id from the region table). Everything else, such as titles,
 * metadata or an editor's own elements, is skipped, so a file saved from
 * a vector editor still loads as long as it keeps those groups and adds
 * no transforms to them.
 *
 * Each region's path is flattened once into polygons with a bounding box;
 * a hit test is a box check and a winding count per region, last drawn
 * first, on the same geometry cairo fills.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "palp-atlas.h"
#include "palp-atlas-private.h"
#include "palp-svg-path.h"

#define ATLAS_RESOURCE_DIR   RESOURCE_PREFIX "/atlas/"
#define MAX_DOCUMENT_BYTES   (4 * 1024 * 1024)
#define MAX_DEPTH            64
#define MAX_PATHS_PER_VIEW   4000
#define MAX_VIEW_SIZE        100000.0
/* In view units; the views are a few hundred units across and drawn at
 * about one unit per pixel, so this is finer than the eye can tell. */
#define FLATTEN_TOLERANCE    0.05
/* Rows scanned when looking for a label point. */
#define LABEL_ROWS           17

G_DEFINE_QUARK (palp-atlas-error-quark, palp_atlas_error)

struct _PalpRegion
{
  const PalpRegionInfo *info;
  PalpSvgPath          *path;
  double               *points;     /* x,y pairs */
  guint                *starts;
  guint                 n_points;
  guint                 n_starts;
  double                x1, y1, x2, y2;
  double                label_x, label_y;
  char                  universal[4];
  char                  fdi[4];
};

typedef struct
{
  double     width;
  double     height;
  GPtrArray *outline;   /* PalpSvgPath */
  GPtrArray *regions;   /* PalpRegion, in drawing order */
} View;

struct _PalpAtlas
{
  View        views[PALP_VIEW_COUNT];
  GHashTable *by_id;    /* id -> PalpRegion */
};

static const char * const view_keys[PALP_VIEW_COUNT] = {
  "body-anterior",
  "body-posterior",
  "head-left",
  "head-right",
  "face",
  "intra-oral",
};

const char *
palp_view_to_key (PalpView view)
{
  g_return_val_if_fail (view < PALP_VIEW_COUNT, NULL);

  return view_keys[view];
}

gboolean
palp_view_from_key (const char *key,
                    PalpView   *out_view)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < PALP_VIEW_COUNT; i++)
    if (g_str_equal (key, view_keys[i]))
      {
        if (out_view != NULL)
          *out_view = i;
        return TRUE;
      }
  return FALSE;
}

const char *
palp_view_get_label (PalpView view)
{
  switch (view)
    {
    case PALP_VIEW_BODY_ANTERIOR:
      return _("Body, front");
    case PALP_VIEW_BODY_POSTERIOR:
      return _("Body, back");
    case PALP_VIEW_HEAD_LEFT:
      return _("Head and neck, left side");
    case PALP_VIEW_HEAD_RIGHT:
      return _("Head and neck, right side");
    case PALP_VIEW_FACE:
      return _("Face");
    case PALP_VIEW_INTRA_ORAL:
      return _("Inside the mouth");
    case PALP_VIEW_COUNT:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Regions */

const char *
palp_region_get_id (const PalpRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  return region->info->id;
}

const char *
palp_region_get_name (const PalpRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);

  return _(region->info->name);
}

PalpView
palp_region_get_view (const PalpRegion *region)
{
  g_return_val_if_fail (region != NULL, PALP_VIEW_BODY_ANTERIOR);

  return region->info->view;
}

PalpLaterality
palp_region_get_laterality (const PalpRegion *region)
{
  g_return_val_if_fail (region != NULL, PALP_LATERALITY_NONE);

  return region->info->laterality;
}

void
palp_region_get_label_point (const PalpRegion *region,
                             double           *x,
                             double           *y)
{
  g_return_if_fail (region != NULL);

  if (x != NULL)
    *x = region->label_x;
  if (y != NULL)
    *y = region->label_y;
}

void
palp_region_append_path (const PalpRegion *region,
                         cairo_t          *cr)
{
  g_return_if_fail (region != NULL);
  g_return_if_fail (cr != NULL);

  palp_svg_path_append (region->path, cr);
}

const char *
palp_region_get_tooth_label (const PalpRegion   *region,
                             PalpToothNumbering  numbering)
{
  g_return_val_if_fail (region != NULL, NULL);

  if (region->universal[0] == '\0')
    return NULL;
  return numbering == PALP_TOOTH_NUMBERING_FDI ? region->fdi : region->universal;
}

static void
region_free (gpointer data)
{
  PalpRegion *region = data;

  palp_svg_path_free (region->path);
  g_free (region->points);
  g_free (region->starts);
  g_free (region);
}

static gboolean
region_contains (const PalpRegion *region,
                 double            x,
                 double            y)
{
  if (x < region->x1 || x > region->x2 || y < region->y1 || y > region->y2)
    return FALSE;
  return palp_svg_path_polygon_contains (region->points, region->n_points,
                                         region->starts, region->n_starts, x, y);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

typedef struct
{
  double pos;
  int    dir;
} Crossing;

static int
compare_crossings (gconstpointer a,
                   gconstpointer b)
{
  return compare_doubles (&((const Crossing *) a)->pos, &((const Crossing *) b)->pos);
}

/* Where the line at @at (y = @at when @horizontal, else x = @at) enters
 * and leaves the region's inside under the nonzero rule: @spans gets
 * pairs of positions along the line. */
static void
scan_line (const PalpRegion *region,
           gboolean          horizontal,
           double            at,
           GArray           *crossings,
           GArray           *spans)
{
  int winding = 0;
  double enter = 0;

  g_array_set_size (crossings, 0);
  g_array_set_size (spans, 0);

  for (guint r = 0; r < region->n_starts; r++)
    {
      guint begin = region->starts[r];
      guint end = r + 1 < region->n_starts ? region->starts[r + 1] : region->n_points;

      for (guint i = begin; i < end; i++)
        {
          guint j = i + 1 < end ? i + 1 : begin;
          /* u runs across the line, v along it */
          double u0 = horizontal ? region->points[2 * i + 1] : region->points[2 * i];
          double v0 = horizontal ? region->points[2 * i] : region->points[2 * i + 1];
          double u1 = horizontal ? region->points[2 * j + 1] : region->points[2 * j];
          double v1 = horizontal ? region->points[2 * j] : region->points[2 * j + 1];
          Crossing c;

          if ((u0 <= at) == (u1 <= at))
            continue;
          c.pos = v0 + (at - u0) * (v1 - v0) / (u1 - u0);
          c.dir = u1 > u0 ? 1 : -1;
          g_array_append_val (crossings, c);
        }
    }

  g_array_sort (crossings, compare_crossings);
  for (guint i = 0; i < crossings->len; i++)
    {
      const Crossing *c = &g_array_index (crossings, Crossing, i);
      int before = winding;

      winding += c->dir;
      if (before == 0 && winding != 0)
        enter = c->pos;
      else if (before != 0 && winding == 0)
        {
          double span[2] = { enter, c->pos };

          g_array_append_vals (spans, span, 2);
        }
    }
}

static gboolean
covered_by_later (GPtrArray        *regions,
                  guint             index,
                  double            x,
                  double            y)
{
  for (guint k = index + 1; k < regions->len; k++)
    if (region_contains (g_ptr_array_index (regions, k), x, y))
      return TRUE;
  return FALSE;
}

/* A point well inside the region: of the midpoints of the spans on a
 * few rows, the one farthest from the edge both across and up and down,
 * and not hidden under a region drawn later. */
static void
find_label_point (GPtrArray *regions,
                  guint      index)
{
  PalpRegion *region = g_ptr_array_index (regions, index);
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (Crossing));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) vspans = g_array_new (FALSE, FALSE, sizeof (double));
  double best = -1;

  region->label_x = (region->x1 + region->x2) / 2;
  region->label_y = (region->y1 + region->y2) / 2;

  for (guint row = 0; row < LABEL_ROWS; row++)
    {
      double y = region->y1 + (region->y2 - region->y1) * (row + 0.5) / LABEL_ROWS;

      scan_line (region, TRUE, y, crossings, spans);
      for (guint s = 0; s + 1 < spans->len; s += 2)
        {
          double a = g_array_index (spans, double, s);
          double b = g_array_index (spans, double, s + 1);
          double x = (a + b) / 2;
          double score = (b - a) / 2;

          if (score <= best)
            continue;

          scan_line (region, FALSE, x, crossings, vspans);
          for (guint v = 0; v + 1 < vspans->len; v += 2)
            {
              double lo = g_array_index (vspans, double, v);
              double hi = g_array_index (vspans, double, v + 1);

              if (lo <= y && y <= hi)
                score = MIN (score, MIN (y - lo, hi - y));
            }

          if (score > best && !covered_by_later (regions, index, x, y))
            {
              best = score;
              region->label_x = x;
              region->label_y = y;
            }
        }
    }
}

static gboolean
region_prepare (PalpRegion  *region,
                GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint universal, fdi;

  palp_svg_path_flatten (region->path, FLATTEN_TOLERANCE, points, starts);
  region->n_points = points->len / 2;
  region->n_starts = starts->len;
  if (region->n_points < 3)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                   _("The region “%s” encloses no area"), region->info->id);
      return FALSE;
    }

  region->x1 = region->y1 = G_MAXDOUBLE;
  region->x2 = region->y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < region->n_points; i++)
    {
      double x = g_array_index (points, double, 2 * i);
      double y = g_array_index (points, double, 2 * i + 1);

      region->x1 = MIN (region->x1, x);
      region->x2 = MAX (region->x2, x);
      region->y1 = MIN (region->y1, y);
      region->y2 = MAX (region->y2, y);
    }
  region->points = (double *) g_array_free (g_steal_pointer (&points), FALSE);
  region->starts = (guint *) g_array_free (g_steal_pointer (&starts), FALSE);

  if (palp_region_info_tooth_numbers (region->info->id, &universal, &fdi))
    {
      g_snprintf (region->universal, sizeof region->universal, "%u", universal);
      g_snprintf (region->fdi, sizeof region->fdi, "%u", fdi);
    }
  return TRUE;
}

/* Reading one SVG */

typedef enum
{
  GROUP_OTHER,
  GROUP_OUTLINE,
  GROUP_REGIONS,
} GroupKind;

typedef struct
{
  PalpAtlas  *atlas;
  PalpView    view;
  GArray     *stack;      /* GroupKind per open element */
  gboolean    seen_root;
  guint       n_paths;
} Loader;

static const char *
find_attribute (const char  *name,
                const char **names,
                const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* "0 0 W H", separated by white space and/or commas. */
static gboolean
parse_view_box (const char *text,
                double     *width,
                double     *height)
{
  double v[4];
  const char *p = text;

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
      v[i] = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (v[i]))
        return FALSE;
      p = end;
    }
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  if (*p != '\0')
    return FALSE;
  if (v[0] != 0 || v[1] != 0 || !(v[2] > 0) || !(v[3] > 0)
      || v[2] > MAX_VIEW_SIZE || v[3] > MAX_VIEW_SIZE)
    return FALSE;
  *width = v[2];
  *height = v[3];
  return TRUE;
}

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
loader_start_element (GMarkupParseContext  *context,
                      const char           *element_name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  Loader *loader = user_data;
  View *view = &loader->atlas->views[loader->view];
  const char *name = local_name (element_name);
  GroupKind parent = loader->stack->len > 0
                     ? g_array_index (loader->stack, GroupKind, loader->stack->len - 1)
                     : GROUP_OTHER;
  GroupKind kind = parent;
  const char *id = find_attribute ("id", attribute_names, attribute_values);

  if (loader->stack->len >= MAX_DEPTH)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("Elements are nested more than %d deep"), MAX_DEPTH);
      return;
    }

  if (!loader->seen_root)
    {
      const char *view_box;

      loader->seen_root = TRUE;
      if (!g_str_equal (name, "svg"))
        {
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                       _("The document is not an SVG drawing"));
          return;
        }
      view_box = find_attribute ("viewBox", attribute_names, attribute_values);
      if (view_box == NULL || !parse_view_box (view_box, &view->width, &view->height))
        {
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                       _("The drawing needs a viewBox of the form “0 0 width height”"));
          return;
        }
    }
  else if (g_str_equal (name, "svg"))
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                   _("Nested SVG elements are not supported"));
      return;
    }

  if (g_str_equal (name, "g") && parent == GROUP_OTHER && id != NULL)
    {
      if (g_str_equal (id, "outline"))
        kind = GROUP_OUTLINE;
      else if (g_str_equal (id, "regions"))
        kind = GROUP_REGIONS;
    }

  if (kind != GROUP_OTHER
      && find_attribute ("transform", attribute_names, attribute_values) != NULL)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                   _("Transforms are not supported in the outline and regions; "
                     "apply them to the paths (element “%s”)"), name);
      return;
    }

  if (kind != GROUP_OTHER && g_str_equal (name, "path"))
    {
      const char *d = find_attribute ("d", attribute_names, attribute_values);
      g_autoptr(PalpSvgPath) path = NULL;
      g_autoptr(GError) local_error = NULL;

      if (++loader->n_paths > MAX_PATHS_PER_VIEW)
        {
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                       _("The drawing has more than %d paths"), MAX_PATHS_PER_VIEW);
          return;
        }
      if (d == NULL)
        {
          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_PATH,
                       _("A path (“%s”) has no d= attribute"), id != NULL ? id : "");
          return;
        }
      path = palp_svg_path_parse (d, -1, &local_error);
      if (path == NULL)
        {
          g_set_error (error, PALP_ATLAS_ERROR, local_error->code,
                       _("Path “%s”: %s"), id != NULL ? id : "", local_error->message);
          return;
        }

      if (kind == GROUP_OUTLINE)
        {
          g_ptr_array_add (view->outline, g_steal_pointer (&path));
        }
      else
        {
          const PalpRegionInfo *info;
          PalpRegion *region;

          if (id == NULL)
            {
              g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                           _("A region path has no id"));
              return;
            }
          info = palp_region_info_lookup (id);
          if (info == NULL)
            {
              g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                           _("Unknown region “%s”"), id);
              return;
            }
          if (info->view != loader->view)
            {
              g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                           _("The region “%s” belongs to the view “%s”, not “%s”"),
                           id, view_keys[info->view], view_keys[loader->view]);
              return;
            }
          if (g_hash_table_contains (loader->atlas->by_id, id))
            {
              g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                           _("The region “%s” is drawn twice"), id);
              return;
            }

          region = g_new0 (PalpRegion, 1);
          region->info = info;
          region->path = g_steal_pointer (&path);
          g_ptr_array_add (view->regions, region);
          g_hash_table_insert (loader->atlas->by_id, (gpointer) info->id, region);
        }
    }

  g_array_append_val (loader->stack, kind);
}

static void
loader_end_element (GMarkupParseContext  *context,
                    const char           *element_name,
                    gpointer              user_data,
                    GError              **error)
{
  Loader *loader = user_data;

  if (loader->stack->len > 0)
    g_array_set_size (loader->stack, loader->stack->len - 1);
}

static const GMarkupParser loader_parser = {
  loader_start_element,
  loader_end_element,
  NULL,
  NULL,
  NULL,
};

static gboolean
load_view (PalpAtlas  *atlas,
           PalpView    view_id,
           GBytes     *bytes,
           GError    **error)
{
  View *view = &atlas->views[view_id];
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (GroupKind));
  g_autoptr(GError) local_error = NULL;
  Loader loader = { atlas, view_id, stack, FALSE, 0 };
  const char *data;
  gsize size;
  guint n_infos;
  const PalpRegionInfo *infos = palp_region_info_get_all (&n_infos);

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_DOCUMENT_BYTES)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_LIMIT,
                   _("The drawing for “%s” is larger than %d bytes"),
                   view_keys[view_id], MAX_DOCUMENT_BYTES);
      return FALSE;
    }

  if (data == NULL || size == 0)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                   _("Drawing for “%s” is empty"), view_keys[view_id]);
      return FALSE;
    }

  context = g_markup_parse_context_new (&loader_parser, 0, &loader, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &local_error)
      || !g_markup_parse_context_end_parse (context, &local_error))
    {
      if (local_error->domain == PALP_ATLAS_ERROR)
        g_set_error (error, PALP_ATLAS_ERROR, local_error->code,
                     _("Drawing for “%s”: %s"), view_keys[view_id], local_error->message);
      else
        {
          /* GMarkup may quote the very bytes that were not UTF-8. */
          g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

          g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                       _("Drawing for “%s” is not well-formed: %s"),
                       view_keys[view_id], message);
        }
      return FALSE;
    }
  if (!loader.seen_root)
    {
      g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                   _("Drawing for “%s” is empty"), view_keys[view_id]);
      return FALSE;
    }

  for (guint i = 0; i < n_infos; i++)
    if (infos[i].view == view_id && !g_hash_table_contains (atlas->by_id, infos[i].id))
      {
        g_set_error (error, PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_REGION,
                     _("Drawing for “%s” lacks the region “%s”"),
                     view_keys[view_id], infos[i].id);
        return FALSE;
      }

  for (guint i = 0; i < view->regions->len; i++)
    if (!region_prepare (g_ptr_array_index (view->regions, i), error))
      return FALSE;
  for (guint i = 0; i < view->regions->len; i++)
    find_label_point (view->regions, i);

  return TRUE;
}

PalpAtlas *
palp_atlas_new_from_svg (GBytes * const  *views,
                         GError         **error)
{
  g_autoptr(PalpAtlas) atlas = NULL;

  g_return_val_if_fail (views != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  atlas = g_new0 (PalpAtlas, 1);
  atlas->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < PALP_VIEW_COUNT; i++)
    {
      atlas->views[i].outline = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_svg_path_free);
      atlas->views[i].regions = g_ptr_array_new_with_free_func (region_free);
    }

  for (guint i = 0; i < PALP_VIEW_COUNT; i++)
    if (views[i] != NULL && !load_view (atlas, i, views[i], error))
      return NULL;

  return g_steal_pointer (&atlas);
}

void
palp_atlas_free (PalpAtlas *atlas)
{
  if (atlas == NULL)
    return;

  for (guint i = 0; i < PALP_VIEW_COUNT; i++)
    {
      g_clear_pointer (&atlas->views[i].outline, g_ptr_array_unref);
      g_clear_pointer (&atlas->views[i].regions, g_ptr_array_unref);
    }
  g_clear_pointer (&atlas->by_id, g_hash_table_unref);
  g_free (atlas);
}

PalpAtlas *
palp_atlas_get_default (GError **error)
{
  static PalpAtlas *atlas;
  static GError *load_error;
  static gsize loaded;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_once_init_enter (&loaded))
    {
      GBytes *views[PALP_VIEW_COUNT] = { NULL };
      GError *local_error = NULL;

      for (guint i = 0; i < PALP_VIEW_COUNT && local_error == NULL; i++)
        {
          g_autofree char *path = g_strconcat (ATLAS_RESOURCE_DIR, view_keys[i], ".svg", NULL);

          views[i] = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
        }
      if (local_error == NULL)
        atlas = palp_atlas_new_from_svg (views, &local_error);
      else
        {
          GError *wrapped = g_error_new (PALP_ATLAS_ERROR, PALP_ATLAS_ERROR_MARKUP,
                                         _("The body chart's drawings are missing: %s"),
                                         local_error->message);

          g_error_free (local_error);
          local_error = wrapped;
        }
      for (guint i = 0; i < PALP_VIEW_COUNT; i++)
        g_clear_pointer (&views[i], g_bytes_unref);
      load_error = local_error;
      g_once_init_leave (&loaded, 1);
    }

  if (atlas == NULL && error != NULL)
    *error = g_error_copy (load_error);
  return atlas;
}

int
palp_atlas_get_version (PalpAtlas *atlas)
{
  return PALP_ATLAS_VERSION;
}

void
palp_atlas_get_view_size (PalpAtlas *atlas,
                          PalpView   view,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (atlas != NULL);
  g_return_if_fail (view < PALP_VIEW_COUNT);

  if (width != NULL)
    *width = atlas->views[view].width;
  if (height != NULL)
    *height = atlas->views[view].height;
}

void
palp_atlas_append_outline (PalpAtlas *atlas,
                           PalpView   view,
                           cairo_t   *cr)
{
  g_return_if_fail (atlas != NULL);
  g_return_if_fail (view < PALP_VIEW_COUNT);
  g_return_if_fail (cr != NULL);

  for (guint i = 0; i < atlas->views[view].outline->len; i++)
    palp_svg_path_append (g_ptr_array_index (atlas->views[view].outline, i), cr);
}

guint
palp_atlas_get_n_regions (PalpAtlas *atlas,
                          PalpView   view)
{
  g_return_val_if_fail (atlas != NULL, 0);
  g_return_val_if_fail (view < PALP_VIEW_COUNT, 0);

  return atlas->views[view].regions->len;
}

const PalpRegion *
palp_atlas_get_region (PalpAtlas *atlas,
                       PalpView   view,
                       guint      index)
{
  g_return_val_if_fail (atlas != NULL, NULL);
  g_return_val_if_fail (view < PALP_VIEW_COUNT, NULL);
  g_return_val_if_fail (index < atlas->views[view].regions->len, NULL);

  return g_ptr_array_index (atlas->views[view].regions, index);
}

const PalpRegion *
palp_atlas_find_region (PalpAtlas  *atlas,
                        const char *id)
{
  g_return_val_if_fail (atlas != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (atlas->by_id, id);
}

const PalpRegion *
palp_atlas_hit (PalpAtlas *atlas,
                PalpView   view,
                double     x,
                double     y)
{
  GPtrArray *regions;

  g_return_val_if_fail (atlas != NULL, NULL);
  g_return_val_if_fail (view < PALP_VIEW_COUNT, NULL);

  if (!isfinite (x) || !isfinite (y))
    return NULL;

  regions = atlas->views[view].regions;
  for (guint i = regions->len; i > 0; i--)
    {
      const PalpRegion *region = g_ptr_array_index (regions, i - 1);

      if (region_contains (region, x, y))
        return region;
    }
  return NULL;
}
