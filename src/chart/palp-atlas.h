/* palp-atlas.h: the body chart's views and regions
 *
 * One SVG per view under data/atlas/ (shipped in the core GResource), each
 * region a <path id="REGION-ID" d="...">, read with GMarkup and our own
 * reader for the path syntax the atlas uses (palp-svg-path.h). The paths
 * drawn are the paths hit-tested, so a click lands where the eye sees it.
 *
 * View coordinates are the SVG's user units (its viewBox); marks are stored
 * normalised to 0..1 of the view's width and height, so a finer atlas
 * drawn at another size never moves them. An atlas version is stored with
 * every mark.
 *
 * Cairo only (no GTK): the widget, the PDFs and PNG export share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Bumped whenever a region's outline changes. */
#define PALP_ATLAS_VERSION 1

#define PALP_ATLAS_ERROR (palp_atlas_error_quark ())

typedef enum
{
  PALP_ATLAS_ERROR_MARKUP,     /* not well-formed XML, or not an SVG */
  PALP_ATLAS_ERROR_PATH,       /* a path's d= the reader cannot read */
  PALP_ATLAS_ERROR_REGION,     /* an unknown, duplicate or missing region */
  PALP_ATLAS_ERROR_LIMIT,      /* absurdly large input */
} PalpAtlasError;

GQuark palp_atlas_error_quark (void);

typedef enum
{
  PALP_VIEW_BODY_ANTERIOR,
  PALP_VIEW_BODY_POSTERIOR,
  PALP_VIEW_HEAD_LEFT,        /* head and neck, left side facing the viewer */
  PALP_VIEW_HEAD_RIGHT,
  PALP_VIEW_FACE,             /* face, anterior */
  PALP_VIEW_INTRA_ORAL,       /* open mouth: arches, teeth, tongue, palate */
  PALP_VIEW_COUNT
} PalpView;

/* "body-anterior", "body-posterior", "head-left", "head-right", "face",
 * "intra-oral": stable keys for files, the CLI and the database. */
const char  *palp_view_to_key         (PalpView     view);
gboolean     palp_view_from_key       (const char  *key,
                                       PalpView    *out_view);
/* Translated: "Body, front", ... */
const char  *palp_view_get_label      (PalpView     view);

typedef enum
{
  PALP_LATERALITY_NONE,       /* midline or unpaired: tongue, sternum */
  PALP_LATERALITY_LEFT,       /* the client's left */
  PALP_LATERALITY_RIGHT,
} PalpLaterality;

typedef enum
{
  PALP_TOOTH_NUMBERING_UNIVERSAL,  /* 1–32, US clinics */
  PALP_TOOTH_NUMBERING_FDI,        /* 11–48, Canadian clinics */
} PalpToothNumbering;

typedef struct _PalpRegion PalpRegion;

/* "neck.upper_trapezius.left", "face.tmj.left", "tooth.ur1" */
const char     *palp_region_get_id          (const PalpRegion *region);
/* Translated: "Left upper trapezius" */
const char     *palp_region_get_name        (const PalpRegion *region);
PalpView        palp_region_get_view        (const PalpRegion *region);
PalpLaterality  palp_region_get_laterality  (const PalpRegion *region);
/* A point inside the region, in view coordinates, for its label. */
void            palp_region_get_label_point (const PalpRegion *region,
                                             double           *x,
                                             double           *y);
/* The region's outline as a cairo path, in view coordinates. */
void            palp_region_append_path     (const PalpRegion *region,
                                             cairo_t          *cr);
/* Teeth only: "8" (universal) or "11" (FDI); NULL for other regions. */
const char     *palp_region_get_tooth_label (const PalpRegion *region,
                                             PalpToothNumbering numbering);

typedef struct _PalpAtlas PalpAtlas;

/* The atlas shipped in the GResource, loaded once (thread-safe); NULL with
 * @error only if the shipped files are broken. Never freed. */
PalpAtlas        *palp_atlas_get_default    (GError          **error);
/* An atlas from SVG documents given by the caller (tests, fuzzing): one
 * per view, in PalpView order; NULL entries leave a view empty. */
PalpAtlas        *palp_atlas_new_from_svg   (GBytes * const   *views,
                                             GError          **error);
void              palp_atlas_free           (PalpAtlas        *atlas);

int               palp_atlas_get_version    (PalpAtlas        *atlas);
/* The view's viewBox size, in view units. */
void              palp_atlas_get_view_size  (PalpAtlas        *atlas,
                                             PalpView          view,
                                             double           *width,
                                             double           *height);
/* The figure's outline and other drawing that is not a region (the
 * silhouette, facial features, the lips around the open mouth). */
void              palp_atlas_append_outline (PalpAtlas        *atlas,
                                             PalpView          view,
                                             cairo_t          *cr);
guint             palp_atlas_get_n_regions  (PalpAtlas        *atlas,
                                             PalpView          view);
const PalpRegion *palp_atlas_get_region     (PalpAtlas        *atlas,
                                             PalpView          view,
                                             guint             index);
const PalpRegion *palp_atlas_find_region    (PalpAtlas        *atlas,
                                             const char       *id);
/* The region under (@x, @y) in view coordinates, the topmost when regions
 * overlap; NULL outside every region. */
const PalpRegion *palp_atlas_hit            (PalpAtlas        *atlas,
                                             PalpView          view,
                                             double            x,
                                             double            y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PalpAtlas, palp_atlas_free)

G_END_DECLS
