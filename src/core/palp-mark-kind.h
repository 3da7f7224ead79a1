/* palp-mark-kind.h: what a therapist marks on the body chart
 *
 * The classic pain-drawing sensations, the clinical findings, and two
 * zones. One table, so the chart, its legend, the marks list, the note's
 * summary and the PDFs all name a kind the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Sensations the client reports. */
  PALP_MARK_ACHING,
  PALP_MARK_BURNING,
  PALP_MARK_STABBING,
  PALP_MARK_PINS_AND_NEEDLES,
  PALP_MARK_NUMBNESS,
  /* Findings the therapist palpates or sees. */
  PALP_MARK_TENDERNESS,
  PALP_MARK_TRIGGER_POINT,
  PALP_MARK_HYPERTONICITY,
  PALP_MARK_SPASM,
  PALP_MARK_SWELLING,
  PALP_MARK_SCAR,
  PALP_MARK_LESION,
  PALP_MARK_RESTRICTED,
  /* Zones. */
  PALP_MARK_AVOID,
  PALP_MARK_TREATED,
} PalpMarkKind;

#define PALP_MARK_KIND_COUNT (PALP_MARK_TREATED + 1)

typedef enum
{
  PALP_MARK_GROUP_SENSATION,
  PALP_MARK_GROUP_FINDING,
  PALP_MARK_GROUP_ZONE,
} PalpMarkGroup;

/* How a mark is drawn: a point, an area (freehand or polygon), or an
 * arrow (a trigger point's referral, from and to). */
typedef enum
{
  PALP_MARK_SHAPE_POINT,
  PALP_MARK_SHAPE_AREA,
  PALP_MARK_SHAPE_ARROW,
} PalpMarkShape;

/* Stable keys for the database, the CLI and files: "aching", "burning",
 * "stabbing", "pins-and-needles", "numbness", "tenderness",
 * "trigger-point", "hypertonicity", "spasm", "swelling", "scar", "lesion",
 * "restricted", "avoid", "treated". */
const char    *palp_mark_kind_to_key          (PalpMarkKind   kind);
gboolean       palp_mark_kind_from_key        (const char    *key,
                                               PalpMarkKind  *out_kind);
/* Translated, capitalised for a list or legend: "Trigger point". */
const char    *palp_mark_kind_get_label       (PalpMarkKind   kind);
PalpMarkGroup  palp_mark_kind_get_group       (PalpMarkKind   kind);
/* Whether a 0–10 intensity applies (sensations and most findings). */
gboolean       palp_mark_kind_has_intensity   (PalpMarkKind   kind);
/* The shape a click or drag with this kind's tool makes first. */
PalpMarkShape  palp_mark_kind_default_shape   (PalpMarkKind   kind);
/* Whether the kind may take @shape (an arrow only for a trigger point's
 * referral; zones are areas). */
gboolean       palp_mark_kind_allows_shape    (PalpMarkKind   kind,
                                               PalpMarkShape  shape);

const char    *palp_mark_shape_to_key         (PalpMarkShape  shape);
gboolean       palp_mark_shape_from_key       (const char    *key,
                                               PalpMarkShape *out_shape);

/* The geometry of a mark: normalised view coordinates (0..1) as a JSON
 * array of [x, y] pairs — one for a point, two for an arrow, 3 to
 * PALP_MARK_MAX_POINTS for an area. */
#define PALP_MARK_MAX_POINTS 2000

/* Parses and checks @json for @shape; returns the coordinates as x, y
 * pairs (a GArray of double) or NULL with a translated @error. */
GArray        *palp_mark_geometry_parse       (const char    *json,
                                               PalpMarkShape  shape,
                                               GError       **error);
/* The canonical JSON of @xy (pairs), 4 decimals, for the database. */
char          *palp_mark_geometry_to_json     (const double  *xy,
                                               guint          n_points);

G_END_DECLS
