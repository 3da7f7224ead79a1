/* palp-demo-clinical.c: the demo clients' clinical record
 *
 * The stories behind the demo's visits, written as the clinic's people
 * would write them, through the store's own rules:
 *
 *  - Grace Whitfield, TMD on the left: referred by a dentist in Ohio,
 *    intra-oral work by the endorsed therapist after an oral assessment,
 *    with gloves and her intra-oral consent; opening and pain improve
 *    visit by visit; one signed note carries an amendment;
 *  - Hal Brennan, trismus after radiation to the head and neck: his
 *    screening needs a physician's clearance, which is on file; his
 *    opening stalls at 33–34 mm, so the plan shows a plateau;
 *  - Marcus Reyes, low back and left leg after a collision: a healing
 *    wrist fracture is a local contraindication, marked "avoid" on every
 *    chart that follows; his first referral ran out before its renewal
 *    arrived, and one note is signed past that gate with the reason;
 *  - Leo Park, a minor: his mother signs the guardian's consent;
 *  - Zoë Lefèvre, tension headaches, her privacy consent typed and
 *    attested; Priscilla Nguyen after surgery; Olivia Hart's bruise.
 *
 * Each client's latest visits may stay drafts, so Today has notes to sign.
 * Notes are signed with palp_store_sign_note () as their practitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "palp-demo-private.h"
#include "palp-mark-kind.h"

/* Clients, by their index in palp-demo.c's tables. */
enum { GRACE, HAL, PRISCILLA, MARCUS, OLIVIA, SIENNA, LEO, ZOE, N_CLIENTS };

/* Therapists, as palp-demo.c lists them. */
enum { ENDORSED, OTHER };

typedef struct
{
  PalpStore               *store;
  PalpCountry              country;
  GDateTime               *today;
  const PalpDemoVisitRef  *visits;
  guint                    n_visits;
  const gint64            *practitioners;
  gint64                   admin;
  GStringChunk            *strings;
} Demo;

/* Dates and times ---------------------------------------------------------- */

static const char *
day (Demo *d,
     int   days_ago)
{
  g_autoptr(GDateTime) t = g_date_time_add_days (d->today, -days_ago);
  g_autofree char *s = g_date_time_format (t, "%Y-%m-%d");

  return g_string_chunk_insert_const (d->strings, s);
}

static const char *
moment (Demo *d,
        int   days_ago,
        int   hour,
        int   minute)
{
  g_autoptr(GDateTime) t = g_date_time_add_days (d->today, -days_ago);
  g_autoptr(GDateTime) at = g_date_time_add_minutes (t, hour * 60 + minute);
  g_autofree char *s = g_date_time_format (at, "%Y-%m-%d %H:%M:%S");

  return g_string_chunk_insert_const (d->strings, s);
}

static const PalpDemoVisitRef *
find_visit (Demo  *d,
            guint  client,
            int    days_ago)
{
  for (guint i = 0; i < d->n_visits; i++)
    if (d->visits[i].client == client && d->visits[i].days_ago == days_ago)
      return &d->visits[i];
  g_return_val_if_reached (NULL);
}

static gboolean
act_as (Demo   *d,
        gint64  user_id)
{
  palp_store_set_actor (d->store, user_id);
  return TRUE;
}

/* Drawn signatures --------------------------------------------------------- */

/* A cursive hand: each letter a few key points the pen passes through (x
 * to the right, y up from the baseline negative; x-height 16, ascenders
 * 38, descenders 24), joined letter to letter and smoothed. After "|",
 * strokes drawn once the word is written: an i's dot, a t's bar. */
static const struct
{
  const char *letters;
  int         width;
  const char *points;
} glyphs[] = {
  { "a", 13, "0,0 4,-10 9,-16 4,-15 1,-8 4,-1 9,-8 10,-16 10,-4 13,0" },
  { "b", 13, "0,0 6,-16 10,-32 9,-38 6,-34 4,-18 4,-2 8,-1 11,-8 9,-14 13,-14" },
  { "c", 12, "0,0 3,-9 7,-15 10,-16 11,-14 9,-13 8,-16 4,-15 1,-9 2,-3 6,0 12,-2" },
  { "d", 13, "0,0 4,-10 9,-16 4,-15 1,-8 4,-1 9,-8 11,-36 10,-20 10,-4 13,0" },
  { "e", 12, "0,0 6,-8 9,-14 6,-17 3,-12 4,-4 8,0 12,-2" },
  { "ë", 12, "0,0 6,-8 9,-14 6,-17 3,-12 4,-4 8,0 12,-2|6,-23 6.5,-23.5|10,-23 10.5,-23.5" },
  { "è", 12, "0,0 6,-8 9,-14 6,-17 3,-12 4,-4 8,0 12,-2|6,-25 10,-21" },
  { "é", 12, "0,0 6,-8 9,-14 6,-17 3,-12 4,-4 8,0 12,-2|7,-21 11,-25" },
  { "f", 12, "0,0 6,-18 10,-34 8,-38 6,-32 5,-10 4,14 3,20 2,14 6,-2 12,-4" },
  { "g", 13, "0,0 4,-10 9,-16 4,-15 1,-8 4,-1 9,-8 10,-16 9,4 7,20 3,24 2,18 7,6 13,-2" },
  { "h", 15, "0,0 6,-16 10,-32 9,-38 6,-34 4,-18 3,0 5,-10 9,-15 12,-10 12,-2 15,0" },
  { "iï", 10, "0,0 4,-10 6,-16 6,-8 7,-1 10,0|7,-24 7.5,-24.5" },
  { "j", 11, "0,0 4,-10 6,-16 6,4 5,20 2,24 1,18 6,6 11,-2|7,-24 7.5,-24.5" },
  { "k", 15, "0,0 6,-16 10,-32 9,-38 6,-34 4,-18 3,0 5,-8 10,-15 11,-11 6,-8 10,-4 12,0 15,-1" },
  { "l", 11, "0,0 6,-16 10,-32 9,-38 6,-34 5,-18 6,-4 8,0 11,-2" },
  { "m", 21, "0,0 3,-10 4,-16 4,0 5,-11 8,-16 11,-10 11,0 12,-11 15,-16 18,-10 18,-2 21,0" },
  { "n", 15, "0,0 3,-10 4,-16 4,0 5,-10 9,-16 12,-10 12,-2 15,0" },
  { "o", 13, "0,0 4,-10 8,-16 4,-15 2,-8 5,-1 10,-6 9,-15 7,-16 10,-14 13,-13" },
  { "p", 13, "0,0 3,-10 4,-16 3,24 4,0 6,-12 10,-16 13,-10 11,-2 6,-1 13,-2" },
  { "q", 13, "0,0 4,-10 9,-16 4,-15 1,-8 4,-1 9,-8 10,-16 9,24 10,8 13,-2" },
  { "r", 14, "0,0 4,-12 5,-16 8,-14 10,-15 10,-6 11,-1 14,0" },
  { "s", 12, "0,0 5,-12 7,-17 8,-10 10,-4 7,0 3,-1 7,-1 12,-2" },
  { "t", 11, "0,0 5,-10 8,-28 7,-8 8,-1 11,-1|3,-19 13,-20" },
  { "uü", 15, "0,0 3,-10 4,-16 4,-4 7,0 10,-5 11,-16 11,-4 12,-1 15,0" },
  { "v", 14, "0,0 3,-12 4,-16 6,-4 8,0 11,-10 12,-16 11,-14 14,-13" },
  { "w", 19, "0,0 3,-12 4,-16 4,-4 7,0 10,-6 11,-14 11,-4 14,0 16,-10 17,-16 16,-14 19,-13" },
  { "x", 13, "0,0 4,-12 6,-16 8,-8 9,-1 13,0|3,-1 11,-15" },
  { "y", 14, "0,0 3,-10 4,-16 4,-4 7,0 10,-5 11,-16 10,4 8,20 4,24 3,18 8,6 14,-2" },
  { "z", 12, "0,0 4,-14 10,-16 4,-1 8,-2 9,10 5,14 12,-2" },
  /* Capitals: from their first stroke into the word. */
  { "C", 18, "16,-32 12,-39 5,-35 0,-20 2,-5 9,0 18,-3" },
  { "S", 18, "14,-34 8,-39 3,-33 9,-22 13,-10 9,-1 2,-2 6,-4 18,-2" },
  { "B", 20, "3,-36 2,-18 1,0|0,-34 10,-40 17,-33 8,-20 17,-14 16,-3 6,0 3,-3 20,0" },
  { "G", 20, "17,-32 13,-39 5,-34 0,-18 3,-4 10,0 16,-6 17,-16 11,-14 20,-14" },
  { "H", 22, "4,-38 3,-18 1,0|0,-16 10,-20 19,-19|17,-38 16,-18 15,0 17,-2 22,0" },
  { "J", 16, "6,-36 16,-38 11,-34 10,-8 8,10 4,16 0,10 6,-2 16,-2" },
  { "L", 20, "12,-30 14,-38 9,-36 6,-18 3,-4 0,0 4,2 12,-2 20,0" },
  { "M", 27, "0,0 3,-20 6,-38 9,-18 12,-4 15,-20 19,-38 20,-18 21,-2 27,0" },
  { "N", 22, "0,0 3,-20 5,-38 9,-20 14,-2 16,-20 18,-38 17,-18 22,-14" },
  { "O", 22, "12,-38 4,-32 0,-18 3,-4 11,0 18,-8 20,-22 16,-36 10,-36 16,-30 22,-28" },
  { "P", 19, "3,-36 2,-18 1,0|0,-32 9,-40 17,-34 15,-22 5,-18 19,-14" },
  { "R", 22, "3,-36 2,-18 1,0|0,-32 9,-40 17,-34 14,-22 5,-18 11,-14 15,-4 18,0 22,-2" },
  { "T", 20, "0,-34 10,-38 20,-37|8,-36 6,-18 5,-2 3,0 9,0 20,-2" },
  { "W", 26, "0,-36 3,-20 6,0 10,-20 12,-30 14,-20 17,0 21,-24 24,-38 24,-30 26,-26" },
  { "Z", 20, "2,-34 16,-36 4,-2 14,-4 16,8 12,14 20,-2" },
};

static gboolean
find_glyph (gunichar     c,
            const char **points,
            int         *width)
{
  for (guint i = 0; i < G_N_ELEMENTS (glyphs); i++)
    for (const char *p = glyphs[i].letters; *p != '\0'; p = g_utf8_next_char (p))
      if (g_utf8_get_char (p) == c)
        {
          *points = glyphs[i].points;
          *width = glyphs[i].width;
          return TRUE;
        }
  return FALSE;
}

static void
parse_points (const char *text,
              double      ox,
              double      oy,
              double      scale,
              GArray     *out)
{
  g_auto(GStrv) pairs = g_strsplit (text, " ", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *end = NULL;
      double xy[2];

      xy[0] = g_ascii_strtod (pairs[i], &end);
      xy[1] = g_ascii_strtod (end + 1, NULL);
      /* A forward slant, as a right hand writes. */
      xy[0] = ox + (xy[0] - 0.28 * xy[1]) * scale;
      xy[1] = oy + xy[1] * scale;
      g_array_append_vals (out, xy, 2);
    }
}

/* Catmull-Rom through @keys (x, y pairs), a few points a segment, with a
 * hand's small unsteadiness, into the JSON of one stroke. */
static void
append_stroke (GString  *json,
               GArray   *keys,
               GRand    *rand)
{
  const double *k = (const double *) (gpointer) keys->data;
  guint n = keys->len / 2;

  if (n == 0)
    return;
  g_string_append_printf (json, "%s[", json->len > 1 ? "," : "");
  for (guint i = 0; i + 1 < n || (n == 1 && i == 0); i++)
    {
      const double *p0 = &k[2 * (i > 0 ? i - 1 : i)];
      const double *p1 = &k[2 * i];
      const double *p2 = &k[2 * MIN (i + 1, n - 1)];
      const double *p3 = &k[2 * MIN (i + 2, n - 1)];
      int steps = n == 1 ? 1 : 4;

      for (int s = 0; s < steps; s++)
        {
          double t = (double) s / steps, t2 = t * t, t3 = t2 * t;
          double x = 0.5 * (2 * p1[0] + (-p0[0] + p2[0]) * t
                            + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                            + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3);
          double y = 0.5 * (2 * p1[1] + (-p0[1] + p2[1]) * t
                            + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                            + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3);

          x += g_rand_double_range (rand, -0.35, 0.35);
          y += g_rand_double_range (rand, -0.35, 0.35);
          g_string_append_printf (json, "%s[%.1f,%.1f]", (i > 0 || s > 0) ? "," : "", x, y);
        }
    }
  if (n > 1)
    g_string_append_printf (json, ",[%.1f,%.1f]", k[2 * (n - 1)], k[2 * (n - 1) + 1]);
  g_string_append_c (json, ']');
}

/* The strokes of @name written in a cursive hand on a 400 × 120 pad, as a
 * JSON array of strokes, each an array of [x, y] points: what the
 * signature pad keeps. */
static char *
handwriting (const char *name)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GArray) word = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name));
  double x = 24, baseline = 88, scale = 1.15;

  for (const char *p = name; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *points;
      int width;

      if (c == 0 || c == ' ')
        {
          append_stroke (json, word, rand);
          g_array_set_size (word, 0);
          for (guint i = 0; i < later->len; i++)
            append_stroke (json, g_ptr_array_index (later, i), rand);
          g_ptr_array_set_size (later, 0);
          if (c == 0)
            break;
          x += 14 * scale;
          continue;
        }
      if (!find_glyph (c, &points, &width) && !find_glyph (g_unichar_tolower (c), &points,
                                                             &width))
        continue;
      {
        g_auto(GStrv) strokes = g_strsplit (points, "|", -1);
        guint n = g_strv_length (strokes);
        /* Each letter sits a little higher or lower, a little wider or not. */
        double lift = g_rand_double_range (rand, -1.5, 1.5);
        double stretch = scale * g_rand_double_range (rand, 0.94, 1.06);
        gboolean capital = g_unichar_isupper (c);
        /* A capital's strokes stand alone until the last, which runs on
         * into the word; a small letter runs on with its first, and its
         * dot or bar waits until the word is written. */
        guint run_on = capital ? n - 1 : 0;

        for (guint s = 0; s < n; s++)
          {
            GArray *extra;

            if (s == run_on)
              {
                parse_points (strokes[s], x, baseline + lift, stretch, word);
                continue;
              }
            extra = g_array_new (FALSE, FALSE, sizeof (double));
            parse_points (strokes[s], x, baseline + lift, stretch, extra);
            if (capital)
              {
                append_stroke (json, extra, rand);
                g_array_unref (extra);
              }
            else
              g_ptr_array_add (later, extra);
          }
        x += width * stretch;
      }
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Body charts --------------------------------------------------------------- */

/* A mark followed over a client's course: the same place, charted at each
 * visit with the intensity found then. The region ids are the atlas
 * regions the mark lies in (data/atlas/). */
typedef struct
{
  guint        client;
  const char  *view;
  const char  *kind;
  const char  *shape;      /* "point" at x, y; "arrow" from x, y to x2, y2; "area" an
                            * outline of half-width w and half-height h round x, y */
  double       x, y;
  double       x2, y2;
  double       w, h;
  const char  *regions;
  const char  *note;       /* on the first visit it is charted at */
  /* At each visit of the client's course, in order: 0 not charted, -1
   * charted (a kind without intensity), else the intensity 1–10. */
  int          at[8];
} DemoMark;

#define POINT(c, view, kind, x, y, regions, note, ...) \
  { c, view, kind, "point", x, y, 0, 0, 0, 0, regions, note, { __VA_ARGS__ } }
#define ARROW(c, view, x, y, x2, y2, regions, ...) \
  { c, view, "trigger-point", "arrow", x, y, x2, y2, 0, 0, regions, NULL, { __VA_ARGS__ } }
#define AREA(c, view, kind, x, y, w, h, regions, note, ...) \
  { c, view, kind, "area", x, y, 0, 0, w, h, regions, note, { __VA_ARGS__ } }

static const DemoMark demo_marks[] = {
  /* Grace: the left masseter and temporalis settle over eight visits, the
   * right side goes quiet; intra-oral work from the third, and again at
   * the last, when the masseter point finally eases. */
  POINT (GRACE, "face", "trigger-point", 0.735, 0.53, "face.masseter.left",
         "Reproduces her jaw pain; refers above the left eye.", 8, 7, 7, 6, 6, 6, 6, 4),
  ARROW (GRACE, "face", 0.735, 0.53, 0.64, 0.37, "face.masseter.left", -1, -1, -1, -1),
  POINT (GRACE, "face", "trigger-point", 0.75, 0.27, "face.temporalis.left", NULL,
         7, 6, 5, 4, 3, 3, 2),
  POINT (GRACE, "face", "tenderness", 0.775, 0.445, "face.tmj.left", "Clicks on opening.",
         7, 6, 5, 5, 4, 4, 3, 3),
  POINT (GRACE, "face", "tenderness", 0.26, 0.52, "face.masseter.right", NULL,
         4, 3, 3, 2, 2, 2, 2),
  AREA (GRACE, "face", "hypertonicity", 0.73, 0.60, 0.035, 0.07, "face.masseter.left", NULL,
        6, 6, 5, 4, 4, 3, 3),
  AREA (GRACE, "face", "treated", 0.74, 0.36, 0.045, 0.07, "face.temporalis.left", NULL,
        0, -1, -1, -1, -1, -1, -1, -1),
  POINT (GRACE, "intra-oral", "trigger-point", 0.76, 0.50, "oral.retromolar.left",
         "Medial pterygoid, through the retromolar space.", 0, 0, 7, 6, 5, 0, 0, 4),
  AREA (GRACE, "intra-oral", "treated", 0.86, 0.50, 0.05, 0.16, "oral.buccal.left", NULL,
        0, 0, -1, -1, -1, 0, 0, -1),

  /* Hal: trismus after radiation; the tissue eases, then holds. */
  POINT (HAL, "face", "restricted", 0.775, 0.445, "face.tmj.left",
         "Opening 28 mm between the incisors.", -1, -1, -1, -1, -1, -1, -1),
  POINT (HAL, "face", "restricted", 0.2245, 0.4426, "face.tmj.right", NULL,
         -1, -1, -1, -1, -1, -1, -1),
  AREA (HAL, "face", "hypertonicity", 0.73, 0.60, 0.035, 0.07, "face.masseter.left", NULL,
        6, 6, 5, 5, 5, 5, 5),
  AREA (HAL, "face", "hypertonicity", 0.27, 0.60, 0.035, 0.07, "face.masseter.right", NULL,
        6, 5, 5, 4, 4, 4, 4),
  AREA (HAL, "head-left", "scar", 0.56, 0.76, 0.05, 0.09, "head.scm.left",
        "Radiation fibrosis: firm, woody tissue along the left neck.", -1, -1, -1, -1, -1, -1, -1),
  AREA (HAL, "intra-oral", "treated", 0.86, 0.50, 0.05, 0.16, "oral.buccal.left", NULL,
        -1, -1, -1, -1, -1, -1, -1),
  AREA (HAL, "intra-oral", "treated", 0.14, 0.50, 0.05, 0.16, "oral.buccal.right", NULL,
        -1, -1, -1, -1, -1, -1, -1),

  /* Priscilla, after orthognathic surgery. */
  POINT (PRISCILLA, "face", "restricted", 0.775, 0.445, "face.tmj.left",
         "Opening 30 mm; deviates to the left.", -1),
  POINT (PRISCILLA, "face", "restricted", 0.2245, 0.4426, "face.tmj.right", NULL, -1),
  AREA (PRISCILLA, "face", "hypertonicity", 0.27, 0.60, 0.035, 0.07, "face.masseter.right",
        NULL, 5),
  AREA (PRISCILLA, "intra-oral", "scar", 0.87, 0.55, 0.025, 0.12, "oral.buccal.left",
        "Healed incision in the vestibule; mobile, not tender.", -1),
  AREA (PRISCILLA, "intra-oral", "scar", 0.13, 0.55, 0.025, 0.12, "oral.buccal.right", NULL, -1),

  /* Marcus: low back and left leg easing; the healing wrist avoided. */
  AREA (MARCUS, "body-posterior", "aching", 0.42, 0.46, 0.065, 0.028, "back.lumbar.left", NULL,
        7, 6, 6, 5, 4, 3, 3),
  AREA (MARCUS, "body-posterior", "spasm", 0.44, 0.475, 0.03, 0.015, "back.lumbar.left", NULL,
        6, 5, 4, 3),
  AREA (MARCUS, "body-posterior", "aching", 0.58, 0.46, 0.06, 0.026, "back.lumbar.right", NULL,
        5, 4, 4, 3, 2, 2),
  AREA (MARCUS, "body-posterior", "aching", 0.40, 0.55, 0.06, 0.035, "hip.gluteal.left", NULL,
        6, 5, 5, 4, 3, 2, 2),
  AREA (MARCUS, "body-posterior", "aching", 0.405, 0.635, 0.035, 0.06, "thigh.posterior.left",
        NULL, 5, 4, 4, 3, 2),
  AREA (MARCUS, "body-posterior", "pins-and-needles", 0.42, 0.80, 0.03, 0.06, "leg.calf.left",
        "Tingling to the heel after sitting.", 4, 3, 3, 2),
  AREA (MARCUS, "body-anterior", "avoid", 0.215, 0.50, 0.035, 0.03, "forearm.anterior.right",
        "Healing fracture of the right wrist: no pressure, no traction on the arm.",
        -1, -1, -1, -1, -1, -1, -1),

  /* Olivia: a bruise on the right calf, left alone. */
  AREA (OLIVIA, "body-posterior", "lesion", 0.585, 0.80, 0.02, 0.025, "leg.calf.right",
        "Bruise from a fall on the stairs last week.", -1),
  AREA (OLIVIA, "body-posterior", "avoid", 0.585, 0.80, 0.04, 0.045, "leg.calf.right",
        "No pressure over the bruise.", -1),

  /* Leo: a swimmer's right shoulder and neck. */
  POINT (LEO, "body-posterior", "tenderness", 0.72, 0.235, "shoulder.posterior.right",
         "Sore after backstroke sets.", 6, 5, 3, 2),
  POINT (LEO, "body-posterior", "trigger-point", 0.61, 0.27, "back.scapular.right",
         "Infraspinatus; refers to the front of the shoulder.", 6, 4, 3),
  AREA (LEO, "body-posterior", "hypertonicity", 0.531, 0.18, 0.018, 0.02, "neck.posterior.right",
        NULL, 5, 4, 3, 2),

  /* Zoë: desk-work neck and the headaches it brings. */
  POINT (ZOE, "head-left", "trigger-point", 0.737, 0.56, "head.suboccipital.left",
         "Pressure here brings on her usual headache.", 7, 6, 5, 4, 4),
  AREA (ZOE, "head-left", "aching", 0.54, 0.30, 0.08, 0.06, "head.temporalis.left",
        "Headache band, worst by late afternoon.", 6, 5, 4, 3, 3),
  AREA (ZOE, "body-posterior", "hypertonicity", 0.469, 0.178, 0.018, 0.02, "neck.posterior.left",
        NULL, 6, 5, 5, 4, 3),
  POINT (ZOE, "body-posterior", "trigger-point", 0.28, 0.236, "shoulder.posterior.left", NULL,
         7, 6, 4, 3, 3),
};

#undef POINT
#undef ARROW
#undef AREA

/* An outline round the centre, a little irregular as a hand draws it. */
static char *
mark_area (const DemoMark *m)
{
  double xy[2 * 20];

  for (guint i = 0; i < 20; i++)
    {
      double a = 2 * G_PI * i / 20;
      double wobble = 1.0 + 0.08 * sin (3 * a + m->x * 10);

      xy[2 * i] = CLAMP (m->x + cos (a) * m->w * wobble, 0.0, 1.0);
      xy[2 * i + 1] = CLAMP (m->y + sin (a) * m->h * wobble, 0.0, 1.0);
    }
  return palp_mark_geometry_to_json (xy, 20);
}

/* The marks of the @index-th visit of @client's course. */
static gboolean
chart_visit (Demo     *d,
             guint     client,
             guint     index,
             gint64    visit_id,
             GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_marks); i++)
    {
      const DemoMark *m = &demo_marks[i];
      g_autoptr(PalpMark) mark = NULL;
      g_autofree char *geometry = NULL;
      gboolean first = TRUE;

      if (m->client != client || index >= G_N_ELEMENTS (m->at) || m->at[index] == 0)
        continue;
      for (guint k = 0; k < index; k++)
        first = first && m->at[k] == 0;
      if (g_str_equal (m->shape, "area"))
        geometry = mark_area (m);
      else
        {
          double xy[] = { m->x, m->y, m->x2, m->y2 };

          geometry = palp_mark_geometry_to_json (xy, g_str_equal (m->shape, "arrow") ? 2 : 1);
        }
      mark = palp_mark_new ();
      g_object_set (mark,
                    "visit-id", visit_id,
                    "atlas-version", (gint64) 1,
                    "view", m->view,
                    "kind", m->kind,
                    "shape", m->shape,
                    "geometry", geometry,
                    "regions", m->regions,
                    "note", first ? m->note : NULL,
                    NULL);
      if (m->at[index] > 0)
        g_object_set (mark, "intensity", (gint64) m->at[index], "has-intensity", (gint64) 1,
                      NULL);
      if (!palp_store_save_mark (d->store, mark, error))
        return FALSE;
    }
  return TRUE;
}

/* Forms before treatment ----------------------------------------------------- */

static void
member (JsonBuilder *b,
        const char  *name,
        const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
flag (JsonBuilder *b,
      const char  *name,
      gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static char *
builder_text (JsonBuilder *b)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* A health history as the intake form writes it. */
typedef struct
{
  guint        client;
  int          days_ago;
  const char  *conditions;
  const char  *medications;
  gboolean     blood_thinners;
  const char  *surgery;           /* one surgery, or NULL */
  int          surgery_days_ago;
  gboolean     latex;
  const char  *oils;              /* allergies to oils, comma-separated */
  gboolean     cancer_treatment;
  gboolean     head_neck_radiation;
  const char  *cancer_note;
  const char  *devices;
} DemoHistory;

static const DemoHistory demo_histories[] = {
  { GRACE, 58, "Temporomandibular disorder (left), diagnosed two years ago; migraines as a "
    "teenager, none since.", "Ibuprofen 400 mg as needed for jaw pain.", FALSE, NULL, 0,
    TRUE, NULL, FALSE, FALSE, NULL, "Night guard (upper), worn most nights." },
  { HAL, 58, "Tongue-base cancer; hypertension, controlled.", "Amlodipine 5 mg daily; "
    "saliva substitute.", FALSE, "Neck dissection (left)", 820, FALSE, NULL, TRUE, TRUE,
    "Radiation to the head and neck finished in 2024; in remission, followed by radiation "
    "oncology every six months.", "Upper partial denture." },
  { PRISCILLA, 31, "Class III malocclusion, corrected surgically.", "None.", FALSE,
    "Bimaxillary orthognathic surgery", 160, FALSE, "almond oil", FALSE, FALSE, NULL,
    "Titanium plates in both jaws." },
  { MARCUS, 48, "Low-back pain and left-leg tingling since a rear-end collision; right "
    "wrist (distal radius) fracture in the same collision.", "Naproxen 500 mg twice daily; "
    "cyclobenzaprine at night for the first two weeks.", FALSE, NULL, 0, FALSE, NULL, FALSE,
    FALSE, NULL, NULL },
  { OLIVIA, 90, "None.", "Oral contraceptive.", FALSE, NULL, 0, FALSE, NULL, FALSE, FALSE,
    NULL, NULL },
  { SIENNA, 10, "Dry, sensitive skin.", "None.", FALSE, NULL, 0, FALSE, "coconut oil", FALSE,
    FALSE, NULL, NULL },
  { LEO, 33, "Healthy; competitive swimmer (six practices a week). Mild asthma.",
    "Salbutamol inhaler before practice.", FALSE, NULL, 0, FALSE, NULL, FALSE, FALSE, NULL,
    NULL },
  { ZOE, 31, "Tension headaches for a year; otherwise well.", "Acetaminophen as needed, two "
    "or three times a week.", FALSE, NULL, 0, FALSE, "lavender oil", FALSE, FALSE, NULL,
    "Glasses for screen work." },
};

static gboolean
save_history (Demo               *d,
              const DemoHistory  *h,
              GError            **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(PalpHealthHistory) history = palp_health_history_new ();
  g_autoptr(GString) allergies = g_string_new (NULL);
  g_autofree char *answers = NULL;

  json_builder_begin_object (b);
  member (b, "conditions", h->conditions);
  member (b, "medications", h->medications);
  flag (b, "blood_thinners", h->blood_thinners);
  json_builder_set_member_name (b, "surgeries");
  json_builder_begin_array (b);
  if (h->surgery != NULL)
    {
      json_builder_begin_object (b);
      member (b, "what", h->surgery);
      member (b, "date", day (d, h->surgery_days_ago));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "allergies");
  json_builder_begin_object (b);
  flag (b, "latex", h->latex);
  member (b, "oils", h->oils);
  member (b, "other", NULL);
  json_builder_end_object (b);
  flag (b, "pregnant", FALSE);
  member (b, "pregnancy_note", NULL);
  flag (b, "cancer_treatment", h->cancer_treatment);
  flag (b, "head_neck_radiation", h->head_neck_radiation);
  member (b, "cancer_note", h->cancer_note);
  member (b, "devices", h->devices);
  json_builder_end_object (b);
  answers = builder_text (b);

  if (h->latex)
    g_string_append (allergies, "Latex");
  if (h->oils != NULL)
    g_string_append_printf (allergies, "%s%s", allergies->len ? ", " : "", h->oils);

  g_object_set (history,
                "client-id", (gint64) h->client + 1,
                "taken-on", day (d, h->days_ago),
                "answers", answers,
                "allergies", allergies->len ? allergies->str : NULL,
                "has-blood-thinners", (gint64) h->blood_thinners,
                "pregnant", (gint64) 0,
                "head-neck-radiation", (gint64) h->head_neck_radiation,
                NULL);
  return palp_store_save_health_history (d->store, history, error);
}

/* A screening, with at most one finding. */
typedef struct
{
  guint        client;
  int          days_ago;
  const char  *note;
  const char  *kind;              /* NULL: nothing found */
  const char  *severity;
  const char  *region;            /* a local finding's region to avoid */
  int          cleared_days_ago;  /* a clearance on file, or -1 */
  const char  *finding_note;
} DemoScreening;

static const DemoScreening demo_screenings[] = {
  { GRACE, 56, "Nothing that rules out or limits treatment. Latex allergy: nitrile gloves.",
    NULL, NULL, NULL, -1, NULL },
  { HAL, 56, "Radiation to the head and neck: gentle pressure, skin and mucosa checked each "
    "visit.", "cancer-treatment", "clearance", NULL, 60,
    "Radiation oncologist's clearance for gentle massage and intra-oral work, on file." },
  { PRISCILLA, 30, "Surgery five months ago; healed.", "recent-surgery", "clearance", NULL, 35,
    "Oral surgeon's clearance for soft-tissue work, external and intra-oral, on file." },
  { MARCUS, 47, "Collision three weeks ago.", "fracture", "local", "forearm.anterior.right", -1,
    "Right distal radius fracture, splint off last week: no pressure or traction on the right "
    "forearm and wrist until the orthopaedist clears it." },
  { OLIVIA, 13, "Well today.", "bruise-abrasion", "local", "leg.calf.right", -1,
    "Bruise on the right calf from a fall last week." },
  { SIENNA, 9, "Well today.", NULL, NULL, NULL, -1, NULL },
  { LEO, 32, "Well today; no fever or injury.", NULL, NULL, NULL, -1, NULL },
  { ZOE, 30, "Headaches are her usual pattern; no sudden or worst-ever headache, no "
    "neurological signs.", NULL, NULL, NULL, -1, NULL },
};

static gboolean
save_screening (Demo                 *d,
                const DemoScreening  *s,
                GError              **error)
{
  g_autoptr(PalpScreeningRecord) screening = palp_screening_record_new ();
  g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);

  g_object_set (screening,
                "client-id", (gint64) s->client + 1,
                "taken-on", day (d, s->days_ago),
                "note", s->note,
                NULL);
  if (s->kind != NULL)
    {
      g_autoptr(PalpFindingRecord) finding = palp_finding_record_new ();

      g_object_set (finding,
                    "kind", s->kind,
                    "severity", s->severity,
                    "region-id", s->region,
                    "clearance-on-file", s->cleared_days_ago >= 0
                                           ? day (d, s->cleared_days_ago) : NULL,
                    "note", s->finding_note,
                    NULL);
      g_list_store_append (findings, finding);
    }
  return palp_store_save_screening (d->store, screening, G_LIST_MODEL (findings), error);
}

/* Diagnoses, from the curated list (data/codes/icd10-massage.tsv). */
typedef struct
{
  guint        client;
  const char  *code;
  const char  *description;
  int          onset_days_ago;
  const char  *laterality;
  gboolean     primary;
} DemoDiagnosis;

static const DemoDiagnosis demo_diagnoses[] = {
  { GRACE, "M26.622", "Arthralgia of left temporomandibular joint", 730, "left", TRUE },
  { GRACE, "M79.11", "Myalgia of mastication muscle", 730, "left", FALSE },
  { HAL, "R25.2", "Cramp and spasm", 600, "bilateral", TRUE },
  { HAL, "Z92.3", "Personal history of irradiation", 640, NULL, FALSE },
  { PRISCILLA, "M26.69", "Other specified disorders of temporomandibular joint", 160,
    "bilateral", TRUE },
  { PRISCILLA, "L90.5", "Scar conditions and fibrosis of skin", 160, "bilateral", FALSE },
  { MARCUS, "M54.42", "Lumbago with sciatica, left side", 68, "left", TRUE },
  { MARCUS, "S39.012A", "Strain of muscle, fascia and tendon of lower back, initial encounter",
    68, NULL, FALSE },
  { MARCUS, "M62.830", "Muscle spasm of back", 68, NULL, FALSE },
  { LEO, "S16.1XXA", "Strain of muscle, fascia and tendon at neck level, initial encounter", 40,
    "right", TRUE },
  { LEO, "M25.511", "Pain in right shoulder", 40, "right", FALSE },
  { ZOE, "G44.229", "Chronic tension-type headache, not intractable", 400, NULL, TRUE },
  { ZOE, "M54.2", "Cervicalgia", 400, NULL, FALSE },
};

/* Referrals and prescriptions. NPIs pass the Luhn check with the 80840
 * prefix (palp-npi.h); none is a real provider's. */
typedef struct
{
  guint        client;
  const char  *prescriber;
  const char  *us_profession;
  const char  *ca_profession;
  const char  *npi;               /* US only */
  int          referred_days_ago;
  int          expires_days_ago;  /* negative: in the future */
  const char  *frequency;
  const char  *duration;
  const char  *regions;
  const char  *us_note;
  const char  *ca_note;
} DemoReferral;

#define JAW_REGIONS \
  "face.masseter.left,face.masseter.right,face.temporalis.left,face.temporalis.right," \
  "face.tmj.left,face.tmj.right,face.digastric.left,face.digastric.right," \
  "oral.buccal.left,oral.buccal.right,oral.retromolar.left,oral.retromolar.right"
#define BACK_REGIONS \
  "back.lumbar.left,back.lumbar.right,back.sacrum,back.thoracic.left,back.thoracic.right," \
  "hip.gluteal.left,hip.gluteal.right,thigh.posterior.left,leg.calf.left"

static const DemoReferral demo_referrals[] = {
  { GRACE, "Dr. Ellen Kowalczyk, DDS", "Dentist (orofacial pain), Cleveland, Ohio",
    "Dentist (orofacial pain)", "1987654328", 60, -120, "Weekly for 6 weeks, then every "
    "2 weeks", "12 sessions", JAW_REGIONS,
    "Written referral for TMJ treatment, including intra-oral massage of the masticatory "
    "muscles, from her dentist in Ohio before her move to Seattle.",
    "Written referral for TMJ treatment, including intra-oral massage of the masticatory "
    "muscles." },
  { HAL, "Dr. Samuel Lee, MD", "Radiation oncologist", "Radiation oncologist", "1463025852",
    62, -60, "Weekly", "10 sessions, then review", JAW_REGIONS
    ",head.scm.left,head.scm.right,neck.anterior.left,neck.anterior.right",
    "For radiation-related trismus: gentle external and intra-oral work.",
    "For radiation-related trismus: gentle external and intra-oral work." },
  { PRISCILLA, "Dr. Maria Santos, DMD", "Oral and maxillofacial surgeon",
    "Oral and maxillofacial surgeon", "1573849209", 35, -90, "Every 2 weeks", "8 sessions",
    JAW_REGIONS ",face.buccinator.left,face.buccinator.right,face.mentalis",
    "Scar and soft-tissue work after bimaxillary surgery.",
    "Scar and soft-tissue work after bimaxillary surgery." },
  /* Marcus: six weeks, renewed — three days after the visit it lapsed on. */
  { MARCUS, "Dr. Kevin Chen, MD", "Family physician", "Family physician", "1860493273", 50, 14,
    "Weekly", "6 weeks", BACK_REGIONS,
    "Massage therapy for injuries from a motor vehicle collision (auto insurance claim).",
    "Massage therapy for injuries from a motor vehicle collision (auto insurance, SABS)." },
  { MARCUS, "Dr. Kevin Chen, MD", "Family physician", "Family physician", "1860493273", 9, -33,
    "Weekly", "6 more weeks", BACK_REGIONS,
    "Renewal after re-assessment: improving, continue.",
    "Renewal after re-assessment: improving, continue." },
};

/* Plans and their goals. */
typedef struct
{
  guint        client;
  guint        therapist;
  int          days_ago;
  const char  *summary;
  const char  *frequency;
  int          sessions;
  int          session_minutes;
  const char  *techniques;
  const char  *home_care;
  int          reassess_in_days;  /* from today */
} DemoPlan;

static const DemoPlan demo_plans[] = {
  { GRACE, ENDORSED, 56, "Myofascial TMD on the left: external work on the masseter and "
    "temporalis, then intra-oral release once assessed and consented.",
    "Weekly for 6 weeks, then every 2 weeks", 10, 30,
    "Myofascial release and trigger point work to the masseter and temporalis; intra-oral "
    "release of the masseter and medial pterygoid (gloved)",
    "Moist heat 10 minutes twice a day; controlled opening stretches; tongue-up rest "
    "position; self-massage of the masseter", 7 },
  { HAL, ENDORSED, 56, "Radiation trismus: gentle external and intra-oral work on the "
    "masticatory muscles and neck fibrosis alongside his daily jaw-stretching programme.",
    "Weekly", 10, 30,
    "Gentle myofascial release of the masticatory muscles and anterior neck; intra-oral "
    "work to the masseter and pterygoids (gloved); lymphatic drainage",
    "Jaw-stretching device three times a day as his speech therapist prescribed; neck "
    "range-of-motion exercises", 3 },
  { PRISCILLA, ENDORSED, 30, "Restricted opening and scarring after bimaxillary surgery; "
    "intra-oral scar work once her surgeon agrees.", "Every 2 weeks", 6, 30,
    "External myofascial work to the masseter and temporalis; manual lymphatic drainage",
    "Opening exercises as her surgeon advised; scar massage with clean hands", 30 },
  { MARCUS, OTHER, 47, "Lumbar strain with left sciatica after a collision; right arm "
    "avoided until the fracture is cleared.", "Weekly", 10, 60,
    "Swedish and myofascial work to the low back, gluteals and left leg",
    "Heat, daily walks, hamstring and piriformis stretches", 14 },
  { LEO, OTHER, 32, "Swimmer's right shoulder and neck strain, scheduled around practice; "
    "his mother present.", "Weekly for 4 weeks", 4, 60,
    "Trigger point and myofascial work to the rotator cuff and neck",
    "Band external rotations; doorway pectoral stretch after practice", 10 },
  { ZOE, ENDORSED, 30, "Tension-type headaches with neck pain from desk work.",
    "Weekly for 4 weeks, then review", 6, 60,
    "Trigger point work to the suboccipitals, upper trapezius and neck",
    "Chin tucks hourly at the desk; screen at eye level; a walk at lunch", 10 },
};

typedef struct
{
  guint        client;
  const char  *measure;
  const char  *goal;
  const char  *label;
  const char  *unit;       /* custom measures */
  const char  *direction;  /* custom measures */
  const char  *mic;        /* custom measures */
  const char  *baseline;
  const char  *target;
  int          by_visit;
  int          by_days;    /* from today; 0 none */
} DemoGoal;

static const DemoGoal demo_goals[] = {
  { GRACE, "pain-nrs", "Chew a full meal, a sandwich included, without jaw pain",
    "Jaw pain when chewing", NULL, NULL, NULL, "7", "2", 8, 0 },
  { GRACE, "mouth-opening", "Open wide enough to bite into an apple",
    "Maximal interincisal opening", NULL, NULL, NULL, "34", "45", 8, 0 },
  { GRACE, "jfls-mastication", "Eat chewy and hard foods without cutting them up",
    "JFLS mastication", NULL, NULL, NULL, "5.5", "2", 0, 28 },
  { HAL, "mouth-opening", "Open enough to eat a sandwich and have his teeth cleaned",
    "Maximal interincisal opening", NULL, NULL, NULL, "28", "38", 10, 0 },
  { HAL, "pain-nrs", "Jaw and neck pain that no longer keeps him up", "Jaw and neck pain",
    NULL, NULL, NULL, "5", "2", 10, 0 },
  { HAL, "jfls-mobility", "Take a normal bite and yawn without the jaw stopping short",
    "JFLS vertical mobility", NULL, NULL, NULL, "6.5", "3", 0, 42 },
  { PRISCILLA, "mouth-opening", "Open wide enough for a burger and her dental check-ups",
    "Maximal interincisal opening", NULL, NULL, NULL, "30", "42", 8, 0 },
  { MARCUS, "pain-nrs", "Sit through a workday with back pain at 2 or less", "Low-back pain",
    NULL, NULL, NULL, "7", "2", 10, 0 },
  { MARCUS, "range-of-motion", "Bend to tie his shoes without pain", "Lumbar flexion", NULL,
    NULL, NULL, "40", "60", 8, 0 },
  { MARCUS, "custom", "Drive 45 minutes without tingling in the left leg", "Sitting tolerance",
    "min", "higher", "10", "15", "45", 0, 21 },
  { LEO, "pain-nrs", "Swim a full practice without shoulder pain", "Right shoulder pain", NULL,
    NULL, NULL, "5", "1", 6, 0 },
  { LEO, "range-of-motion", "Turn his head fully to breathe on the left",
    "Cervical rotation, left", NULL, NULL, NULL, "60", "80", 6, 0 },
  { ZOE, "ndi", "Work a full day at her desk without neck pain limiting her",
    "Neck Disability Index", NULL, NULL, NULL, "18", "8", 8, 0 },
  { ZOE, "pain-nrs", "Fewer and milder headaches", "Headache intensity", NULL, NULL, NULL, "6",
    "2", 8, 0 },
};

/* Consents: each explained, signed on the pad (or typed and attested). */
typedef struct
{
  guint        client;
  const char  *kind;
  int          days_ago;
  int          hour, minute;
  const char  *signer;     /* NULL: the client */
  gboolean     typed;
  const char  *explained;
  const char  *questions;
} DemoConsent;

#define PRIVACY_US \
  "How Cedar Hollow keeps the record: on the clinic's own computer, with encrypted backups, " \
  "seen by the treating therapist and, for billing, the front desk. Shared with another " \
  "provider or an insurer only with consent or as the law requires; the Notice of Privacy " \
  "Practices (HIPAA) was given. The client may see and copy the record and ask for " \
  "corrections."
#define PRIVACY_CA \
  "How Harbord Street keeps the record: on the clinic's own computer, with encrypted " \
  "backups, seen by the treating therapist and, for billing, the front desk; kept for at " \
  "least ten years after the last visit. Shared with another provider or an insurer only " \
  "with consent or as Ontario's Personal Health Information Protection Act allows. The " \
  "client may see and copy the record and ask for corrections."
#define PRIVACY "privacy"

static const DemoConsent demo_consents[] = {
  { GRACE, PRIVACY, 56, 8, 50, NULL, FALSE, NULL, NULL },
  { GRACE, "plan", 56, 9, 5, NULL, FALSE,
    "The plan: external work on the jaw muscles weekly for six weeks, then every two weeks, "
    "with home care. Expected: less pain and a wider opening over six to eight visits. "
    "Risks: soreness for a day or two, rarely a headache. Alternatives: dental splint "
    "adjustment alone, physiotherapy. Consent may be withdrawn at any time.",
    "Whether the night guard should still be worn: yes, every night." },
  { GRACE, "intra-oral", 42, 9, 2, NULL, FALSE,
    "Intra-oral massage: gloved (nitrile, for her latex allergy) fingers inside the mouth "
    "on the jaw muscles of the cheek and behind the last molars, after an oral health check. "
    "Risks: gagging, soreness of the cheek lining for a day, rarely bruising. A raised hand "
    "stops the work at once; a chaperone may be present if she wishes.",
    "Can she breathe normally during it? Yes, through the nose, with pauses whenever she "
    "signals." },
  { HAL, PRIVACY, 56, 10, 50, NULL, FALSE, NULL, NULL },
  { HAL, "plan", 56, 11, 5, NULL, FALSE,
    "The plan: weekly gentle work on the jaw muscles and neck, inside and outside the mouth, "
    "with his daily stretching programme; re-assessed after ten visits or sooner if progress "
    "stalls. Radiation-treated tissue heals slowly, so pressure stays light. Consent may be "
    "withdrawn at any time.",
    "How much opening to expect: some gain is usual; how much varies after radiation." },
  { HAL, "intra-oral", 56, 11, 8, NULL, FALSE,
    "Intra-oral massage with gloved fingers on the masseters and the tissue behind the "
    "molars, after checking the mouth for sores, infection and loose teeth each visit. "
    "Risks: soreness, gagging, irritation of dry mucosa. A raised hand stops the work.",
    NULL },
  { PRISCILLA, PRIVACY, 30, 13, 50, NULL, FALSE, NULL, NULL },
  { PRISCILLA, "plan", 30, 14, 4, NULL, FALSE,
    "The plan: gentle external work and lymphatic drainage every two weeks; intra-oral scar "
    "work later, once her surgeon agrees. Risks: soreness; numb areas are worked gently. "
    "Consent may be withdrawn at any time.", NULL },
  { MARCUS, PRIVACY, 47, 9, 50, NULL, FALSE, NULL, NULL },
  { MARCUS, "plan", 47, 10, 5, NULL, FALSE,
    "The plan: weekly massage of the low back, hips and left leg; the right arm is not "
    "treated until the fracture is cleared. Risks: soreness for a day or two. Progress "
    "reports go to Dr. Chen and the insurer with consent. Consent may be withdrawn at any "
    "time.", "Whether the notes go to the insurer: only progress reports, with his consent." },
  { OLIVIA, PRIVACY, 90, 15, 50, NULL, FALSE, NULL, NULL },
  { SIENNA, PRIVACY, 9, 14, 50, NULL, FALSE, NULL, NULL },
  { LEO, "guardian", 32, 16, 45, "Jin Park", FALSE,
    "Leo is a minor. As his mother and guardian, Jin Park consents to his assessment and "
    "massage therapy; she stays in the room at every visit, and Leo may stop or decline any "
    "part of it. Draping and areas to be treated (neck, shoulders, upper back) were shown.",
    "Whether massage affects his training: no restriction; a light practice the day after "
    "is fine." },
  { LEO, PRIVACY, 32, 16, 50, "Jin Park", FALSE, NULL, NULL },
  { LEO, "plan", 32, 17, 3, "Jin Park", FALSE,
    "The plan: weekly for four weeks around his swim schedule, trigger point and myofascial "
    "work to the right shoulder and neck, with his coach's band exercises at home. Risks: "
    "soreness for a day. Consent may be withdrawn at any time.", NULL },
  { ZOE, PRIVACY, 31, 20, 12, NULL, TRUE, NULL, NULL },
  { ZOE, "plan", 30, 13, 6, NULL, FALSE,
    "The plan: weekly for four weeks, trigger point work to the neck and the base of the "
    "skull, then review. Risks: a headache the same evening is possible. A sudden or "
    "different headache means seeing a doctor first. Consent may be withdrawn at any time.",
    "Whether to keep taking acetaminophen: as her doctor advised." },
};

/* Visits and their notes ----------------------------------------------------- */

typedef struct
{
  guint        client;
  int          days_ago;
  gboolean     sign;
  int          pain;          /* 0–10, or -1: not rated */
  const char  *readings;      /* one per goal of the client's plan, in order; "" none */
  gboolean     intra_oral;    /* an oral assessment first, gloves worn */
  const char  *subjective;
  const char  *objective;
  const char  *assessment;
  const char  *plan;
  /* "name|minutes|regions|intra-oral (0 or 1)", separated by ";". */
  const char  *techniques;
} DemoNote;

#define GRACE_EXTERNAL \
  "Myofascial release, left masseter and temporalis|12|face.masseter.left,face.temporalis.left|0"
#define GRACE_INTRA \
  "Intra-oral release, left masseter and medial pterygoid (gloved)|10|" \
  "oral.buccal.left,oral.retromolar.left|1"
#define HAL_TECHNIQUES \
  "Intra-oral release, masseters (gloved)|10|oral.buccal.left,oral.buccal.right|1;" \
  "Myofascial release, masseters and temporalis|12|face.masseter.left,face.masseter.right," \
  "face.temporalis.left,face.temporalis.right|0;" \
  "Gentle fibrosis work, left neck|6|head.scm.left|0"
#define MARCUS_TECHNIQUES \
  "Swedish massage, back|15|back.thoracic.left,back.thoracic.right,back.lumbar.left," \
  "back.lumbar.right|0;" \
  "Myofascial release, left lumbar paraspinals and gluteals|20|back.lumbar.left,hip.gluteal.left|0;" \
  "Trigger point therapy, left gluteus medius and piriformis|10|hip.gluteal.left|0;" \
  "Effleurage and kneading, left hamstrings and calf|10|thigh.posterior.left,leg.calf.left|0"
#define LEO_TECHNIQUES \
  "Swedish massage, upper back and shoulders|20|back.scapular.left,back.scapular.right," \
  "shoulder.posterior.left,shoulder.posterior.right|0;" \
  "Trigger point therapy, right infraspinatus|10|back.scapular.right|0;" \
  "Myofascial release, right side of the neck|15|neck.posterior.right|0"
#define ZOE_TECHNIQUES \
  "Suboccipital release|10|head.suboccipital.left,head.suboccipital.right|0;" \
  "Trigger point therapy, upper trapezius|15|shoulder.posterior.left,shoulder.posterior.right|0;" \
  "Myofascial release, neck extensors|15|neck.posterior.left,neck.posterior.right|0;" \
  "Swedish massage, upper back|15|back.interscapular.left,back.interscapular.right|0"

static const DemoNote demo_notes[] = {
  /* Grace Whitfield. */
  { GRACE, 56, TRUE, 7, "7,34,5.5", FALSE,
    "Left jaw pain for two years, worse chewing and on waking; clicks on opening. Wears her "
    "night guard most nights. Cannot bite into an apple or a thick sandwich.",
    "Left masseter and temporalis hypertonic with active trigger points; the masseter point "
    "reproduces her pain and refers above the left eye. Reciprocal click at the left TMJ, "
    "opening deviates to the left. Right masseter mildly tender.",
    "Myofascial TMD on the left with reduced opening. Tolerated external work well; chewing "
    "pain down to 5/10 by the end of the session.",
    "Weekly for six weeks, then every two weeks, as referred. Home: warm compress and gentle "
    "opening stretches twice a day, tongue resting on the palate. Oral assessment and "
    "intra-oral consent at the third visit.",
    GRACE_EXTERNAL ";Trigger point therapy, left masseter|8|face.masseter.left|0;"
    "Effleurage, both masseters|5|face.masseter.left,face.masseter.right|0" },
  { GRACE, 49, TRUE, 6, "6,36,5.2", FALSE,
    "Jaw looser for three days after the first visit; morning stiffness back by the weekend. "
    "Did the stretches most days.",
    "Masseter trigger point less irritable (6/10 on pressure), temporalis 5/10. Still clicks "
    "on opening; less deviation.",
    "Responding: pain and opening both a little better.",
    "Continue weekly. Add self-massage of the masseter with light pressure, a minute each "
    "side before bed.",
    GRACE_EXTERNAL ";Cross-fibre friction, left masseter|6|face.masseter.left|0;"
    "Suprahyoid release|5|face.digastric.left,face.digastric.right|0" },
  { GRACE, 42, TRUE, 5, "5,38,4.6", TRUE,
    "Stressful week at work; caught herself clenching at her desk.",
    "Oral assessment before intra-oral work: teeth, gingiva, bone, tongue and surrounding "
    "tissue healthy; no infection, lesions, loose teeth or periodontal disease. Medial "
    "pterygoid trigger point on the left, 7/10.",
    "First intra-oral session tolerated well, with one pause at her signal. Chewing pain "
    "5/10 before, 3/10 after.",
    "Intra-oral work weekly, nitrile gloves (latex allergy). A note on her screen to check "
    "for clenching.",
    GRACE_INTRA ";" GRACE_EXTERNAL ";Trigger point therapy, left masseter|6|face.masseter.left|0" },
  { GRACE, 35, TRUE, 5, "5,40,4.0", TRUE,
    "Some soreness inside the left cheek the day after last time, gone within a day. Managed "
    "a sandwich this week. The click is quieter.",
    "Oral check clear. Pterygoid point 6/10; masseter 6/10. No click on three openings.",
    "Steady gains in opening. Lighter pressure inside the cheek after last week's soreness; "
    "no soreness reported during.",
    "Continue weekly. Keep the stretches; add resisted opening, 5 repetitions.",
    GRACE_INTRA ";" GRACE_EXTERNAL ";Suprahyoid release|5|face.digastric.left,face.digastric.right|0" },
  { GRACE, 28, TRUE, 4, "4,42,3.5", TRUE,
    "Ate a steak dinner for the first time in months; jaw tired after, no pain the next day.",
    "Oral check clear. Pterygoid point 5/10; masseter still 6/10; temporalis barely active.",
    "Improving on every goal. Clenching less, by her account.",
    "One more weekly visit, then every two weeks.",
    GRACE_INTRA ";" GRACE_EXTERNAL },
  { GRACE, 21, TRUE, 3, "3,44,3.0", FALSE,
    "Her dentist adjusted the night guard. Mornings much better; no headaches.",
    "Intra-oral work left out this time: the pterygoid point inactive on external palpation. "
    "Masseter trigger point 6/10; right side quiet.",
    "Opening nearly at goal; pain on chewing 3/10.",
    "Every two weeks from now. Continue home care.",
    GRACE_EXTERNAL ";Trigger point therapy, left masseter|8|face.masseter.left|0;"
    "Effleurage, both masseters|6|face.masseter.left,face.masseter.right|0" },
  { GRACE, 14, TRUE, 3, "3,45,2.6", FALSE,
    "Only the odd click. Booked a facial after today's session.",
    "Masseter trigger point still 6/10; TMJ barely tender. Opening at her goal.",
    "Opening goal met; pain and chewing close to their targets. The masseter point has not "
    "changed in the visits without intra-oral work.",
    "Every two weeks; intra-oral work again next visit. The esthetic facial that followed is "
    "receipted separately.",
    GRACE_EXTERNAL ";Suprahyoid release|6|face.digastric.left,face.digastric.right|0" },
  { GRACE, 7, FALSE, 2, "2,46,2.4", TRUE,
    "A busy fortnight; a little clenching again, but chewing pain only 2/10.",
    "Oral check clear. Pterygoid point 4/10; masseter down to 4/10 after intra-oral release.",
    NULL, NULL,
    GRACE_INTRA ";" GRACE_EXTERNAL },

  /* Hal Brennan: gains, then a plateau. */
  { HAL, 56, TRUE, 5, "28,5,6.5", TRUE,
    "Radiation to the tongue base ended in 2024; the jaw has tightened since. Hard to eat a "
    "sandwich; his dentist struggles to clean his teeth. Jaw and neck ache, worse in the "
    "evening.",
    "Oral assessment: teeth and gingiva healthy, mucosa dry after radiation; no lesions, "
    "infection or loose teeth. Both masseters hypertonic; woody fibrosis along the left "
    "neck. Clearance from his radiation oncologist on file.",
    "Radiation-related trismus. Gentle pressure only; tissue fragile.",
    "Weekly. Home: the jaw stretch his speech-language pathologist taught (stacked tongue "
    "depressors), 5 × 30 seconds three times a day.",
    HAL_TECHNIQUES },
  { HAL, 49, TRUE, 4, "30,4,6.0", TRUE,
    "Stretching every day; mornings a little easier.",
    "Oral check clear, mucosa dry. Masseters a little softer on the right.",
    "Early gains in opening.",
    "Continue weekly and the stretching programme.",
    HAL_TECHNIQUES },
  { HAL, 42, TRUE, 3, "32,3,5.4", TRUE,
    "Can eat a sandwich cut in quarters. Sleeping better.",
    "Oral check clear. Neck fibrosis unchanged to touch.",
    "Opening and pain improving.",
    "Continue weekly.",
    HAL_TECHNIQUES },
  { HAL, 35, TRUE, 3, "33,3,5.0", TRUE,
    "Missed two days of stretches on a trip; otherwise steady.",
    "Oral check clear. Masseters as last week.",
    "Slower gains this week.",
    "Continue weekly; stretches every day, travel or not.",
    HAL_TECHNIQUES },
  { HAL, 28, TRUE, 3, "34,3,4.8", TRUE,
    "No change he can tell this week.",
    "Oral check clear; a small ulcer healed since his dentist's visit, none now.",
    "Little change.",
    "Continue weekly; review progress in two visits.",
    HAL_TECHNIQUES },
  { HAL, 21, TRUE, 3, "33,3,4.9", TRUE,
    "Jaw feels the same as a few weeks ago. Frustrated, but keeps stretching.",
    "Oral check clear. End-feel firm and fibrotic at 33 mm.",
    "No measurable change for two visits.",
    "Continue; review at the next visit.",
    HAL_TECHNIQUES },
  { HAL, 14, TRUE, 3, "34,3,4.7", TRUE,
    "Same as last time.",
    "Oral check clear. Opening holds at 33–34 mm.",
    "No improvement on any goal over the last three visits: progress has plateaued and "
    "medical necessity is at risk.",
    "Discussed with Hal: re-assess, and write to Dr. Lee about a jaw-motion device and a "
    "re-evaluation. Every two weeks meanwhile; discharge at maximum medical improvement if "
    "nothing changes.",
    HAL_TECHNIQUES },

  /* Priscilla Nguyen. */
  { PRISCILLA, 30, TRUE, 3, "30", FALSE,
    "Bimaxillary surgery in the spring; her surgeon cleared her for soft-tissue work. Jaw "
    "stiff, opening limited; a numb patch on the lower lip.",
    "Opening deviates to the left. Right masseter hypertonic. Intra-oral scars healed, mobile "
    "and not tender.",
    "Post-surgical restriction; good candidate for gentle work.",
    "Every two weeks; intra-oral scar work once her surgeon agrees at the next review.",
    "Myofascial release, both masseters|15|face.masseter.left,face.masseter.right|0;"
    "Lymphatic drainage, face and upper neck|10|face.masseter.left,face.masseter.right,"
    "face.digastric.left,face.digastric.right|0" },

  /* Marcus Reyes. */
  { MARCUS, 47, TRUE, 7, "7,40,15", FALSE,
    "Rear-ended at a stoplight three weeks ago. Low-back pain, worse sitting; tingling down "
    "the back of the left leg to the heel after 15 minutes of driving. Right wrist fractured "
    "in the collision, splint off last week.",
    "Left lumbar paraspinals in spasm; gluteus medius and piriformis tender on the left. "
    "Straight-leg raise reproduces the tingling at 60° on the left. Right wrist avoided, "
    "marked on the chart.",
    "Lumbar strain with left sciatic symptoms after the collision. Tolerated prone and "
    "side-lying work.",
    "Weekly, as prescribed. Home: heat for 15 minutes, daily walks, figure-four stretch. No "
    "work on the right arm.",
    MARCUS_TECHNIQUES },
  { MARCUS, 40, TRUE, 6, "6,45,20", FALSE,
    "Slept through the night twice this week. Tingling shorter.",
    "Spasm easing on the left; gluteals still tender.",
    "Improving.",
    "Continue weekly and the home programme.",
    MARCUS_TECHNIQUES },
  { MARCUS, 33, TRUE, 6, "6,50,20", FALSE,
    "Long drive to a family event; back flared for two days, settled with heat.",
    "Left lumbar tight again after the drive; leg findings unchanged.",
    "A setback from sitting, recovered. Flexion still improving.",
    "Break drives every 30 minutes.",
    MARCUS_TECHNIQUES },
  { MARCUS, 26, TRUE, 5, "5,55,30", FALSE,
    "Back to full days at work with breaks. Tingling only after long meetings.",
    "Spasm gone; left gluteus medius trigger point less active.",
    "Good progress on every goal.",
    "Continue weekly. Add bridges, 2 × 10, to the home programme.",
    MARCUS_TECHNIQUES },
  { MARCUS, 19, TRUE, 4, "4,60,35", FALSE,
    "Played with his kids in the park; sore the next day, fine after.",
    "Lumbar flexion at his goal; hamstrings less guarded.",
    "Flexion goal met; pain and sitting improving.",
    "Continue weekly. His referral runs out next week; he will ask Dr. Chen for a renewal.",
    MARCUS_TECHNIQUES },
  { MARCUS, 12, TRUE, 3, "3,65,40", FALSE,
    "Drove 40 minutes to visit his sister without tingling.",
    "Minimal tenderness on the left; straight-leg raise negative.",
    "Close to his goals.",
    "Continue weekly under the renewed referral.",
    MARCUS_TECHNIQUES },
  { MARCUS, 5, FALSE, 3, "3,65,45", FALSE,
    "Good week; a little stiff after a long meeting.",
    "Left lumbar slightly tight; no leg findings.",
    NULL, NULL,
    MARCUS_TECHNIQUES },

  /* Olivia Hart: wellness. */
  { OLIVIA, 13, TRUE, -1, "", FALSE,
    "Monthly relaxation massage. Fell on the stairs last week: a bruise on the right calf; "
    "otherwise well.",
    "Bruise about 3 cm on the right calf, not swollen or warm; avoided. General tension "
    "across the shoulders.",
    "Relaxed well; no adverse effects.",
    "Monthly, as usual.",
    "Swedish massage, full body, the right calf avoided|55|back.thoracic.left,"
    "back.thoracic.right,back.lumbar.left,back.lumbar.right,shoulder.posterior.left,"
    "shoulder.posterior.right|0" },

  /* Sienna Castellano: an esthetic visit, noted briefly. */
  { SIENNA, 9, TRUE, -1, "", FALSE,
    "Hydrating facial. Skin feels tight and dry since the weather turned.",
    "Dry, mildly flaky skin on the cheeks and forehead; no rash or broken skin.",
    "No reaction to the products (coconut oil left out, as she is allergic).",
    "Rebook in six weeks; a fragrance-free moisturiser at home.",
    "Hydrating facial|45|face.frontalis.left,face.frontalis.right,face.zygomatic.left,"
    "face.zygomatic.right|0" },

  /* Leo Park, with his mother. */
  { LEO, 32, TRUE, 5, "5,60", FALSE,
    "With his mother. Swims six days a week; the right shoulder is sore after backstroke "
    "sets for a month, and his neck is stiff turning to breathe on the left.",
    "Right infraspinatus trigger point refers to the front of the shoulder; upper neck tight "
    "on the right. No weakness; no pain at rest.",
    "Overuse strain of the right shoulder and neck; no red flags.",
    "Weekly for four weeks around practice. Home: doorway stretch and his coach's band "
    "exercises.",
    LEO_TECHNIQUES },
  { LEO, 25, TRUE, 4, "4,65", FALSE,
    "With his mother. Shoulder better after practice; still stiff breathing to the left.",
    "Infraspinatus trigger point less active; neck tone improving.",
    "Improving.",
    "Continue weekly.",
    LEO_TECHNIQUES },
  { LEO, 18, TRUE, 2, "2,75", FALSE,
    "With his mother. Two pain-free practices this week.",
    "Neck turns more freely; shoulder tender only at the end of range.",
    "Good gains in rotation and pain.",
    "Continue; one more visit, then as needed.",
    LEO_TECHNIQUES },
  { LEO, 11, TRUE, 1, "1,80", FALSE,
    "With his mother. Swam a full meet without pain.",
    "Full rotation to the left; no active trigger points.",
    "Goals met.",
    "As needed before big meets; keep the band exercises.",
    LEO_TECHNIQUES },

  /* Zoë Lefèvre. */
  { ZOE, 30, TRUE, 6, "18,6", FALSE,
    "Headaches three or four afternoons a week for a year: a band from the back of the head "
    "to the left temple. Neck stiff after long days at her laptop.",
    "Left suboccipital and upper trapezius trigger points reproduce her headache; neck "
    "extensors hypertonic on the left. No neurological signs.",
    "Tension-type headache with cervicalgia; moderate disability.",
    "Weekly for four weeks, then review. Home: laptop raised to eye level, chin tucks every "
    "hour, heat in the evening.",
    ZOE_TECHNIQUES },
  { ZOE, 23, TRUE, 5, "16,5", FALSE,
    "Two headaches this week instead of four. Raised her laptop.",
    "Suboccipital trigger point less irritable.",
    "Improving.",
    "Continue weekly.",
    ZOE_TECHNIQUES },
  { ZOE, 16, TRUE, 4, "13,4", FALSE,
    "One headache, after a deadline. Neck less stiff in the mornings.",
    "Upper trapezius trigger points softer; neck extensors easing.",
    "Disability down a band; headaches milder.",
    "Continue weekly.",
    ZOE_TECHNIQUES },
  { ZOE, 9, TRUE, 3, "11,3", FALSE,
    "No headaches this week.",
    "Minimal tenderness at the base of the skull.",
    "Near her goals.",
    "One more weekly visit, then review.",
    ZOE_TECHNIQUES },
  { ZOE, 2, FALSE, 3, "9,3", FALSE,
    "One mild headache after a long flight.",
    "Left suboccipitals slightly tight.",
    NULL, NULL,
    ZOE_TECHNIQUES },
};

#undef GRACE_EXTERNAL
#undef GRACE_INTRA
#undef HAL_TECHNIQUES
#undef MARCUS_TECHNIQUES
#undef LEO_TECHNIQUES
#undef ZOE_TECHNIQUES

/* Readings go with the client's goals, in the order of demo_goals. */
static guint
goals_of (guint        client,
          const DemoGoal **out)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (demo_goals); i++)
    if (demo_goals[i].client == client)
      out[n++] = &demo_goals[i];
  return n;
}

static char *
techniques_json (const char *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_auto(GStrv) items = g_strsplit (text, ";", -1);

  json_builder_begin_array (b);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "|", 4);

      g_assert (g_strv_length (parts) == 4);
      json_builder_begin_object (b);
      member (b, "name", parts[0]);
      json_builder_set_member_name (b, "minutes");
      json_builder_add_int_value (b, g_ascii_strtoll (parts[1], NULL, 10));
      member (b, "regions", parts[2]);
      flag (b, "intra_oral", g_str_equal (parts[3], "1"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return builder_text (b);
}

/* Who looks after each client. */
static const guint client_therapist[N_CLIENTS] = {
  [GRACE] = ENDORSED, [HAL] = ENDORSED, [PRISCILLA] = ENDORSED, [MARCUS] = OTHER,
  [OLIVIA] = OTHER, [SIENNA] = OTHER, [LEO] = OTHER, [ZOE] = ENDORSED,
};

/* The one gate the demo passes on judgement: Marcus's referral lapsed the
 * day before a visit, its renewal confirmed by phone and on file days
 * later. */
static const PalpSignOverride marcus_override = {
  PALP_GATE_REFERRAL_EXPIRED,
  "Dr. Chen's office confirmed the renewal by phone before the visit; the written renewal "
  "arrived three days later and is on file.",
};

static const char *
client_name (guint client)
{
  static const char *names[N_CLIENTS] = {
    "Grace Whitfield", "Harold Brennan", "Priscilla Nguyen", "Marcus Reyes", "Olivia Hart",
    "Sienna Castellano", "Leo Park", "Zoë Lefèvre",
  };

  return names[client];
}

static gboolean
save_consent (Demo               *d,
              const DemoConsent  *c,
              gint64              plan_id,
              GError            **error)
{
  g_autoptr(PalpConsent) consent = palp_consent_new ();
  const char *signer = c->signer != NULL ? c->signer : client_name (c->client);
  const char *explained = c->explained;

  if (explained == NULL)
    explained = d->country == PALP_COUNTRY_CA ? PRIVACY_CA : PRIVACY_US;
  g_object_set (consent,
                "client-id", (gint64) c->client + 1,
                "kind", c->kind,
                "plan-id", g_str_equal (c->kind, "plan") ? plan_id : (gint64) 0,
                "explained", explained,
                "questions", c->questions,
                "signed-by-name", signer,
                "signed-at", moment (d, c->days_ago, c->hour, c->minute),
                NULL);
  if (c->typed)
    g_object_set (consent, "typed-name", signer, "attested", (gint64) 1, NULL);
  else
    {
      g_autofree char *strokes = handwriting (signer);

      g_object_set (consent, "signature", strokes, NULL);
    }
  /* Privacy and a guardian's consent at the desk; the rest in the room. */
  act_as (d, g_str_equal (c->kind, "privacy") || g_str_equal (c->kind, "guardian")
               ? d->admin : d->practitioners[client_therapist[c->client]]);
  return palp_store_save_consent (d->store, consent, error);
}

static gboolean
save_plan (Demo            *d,
           const DemoPlan  *p,
           gint64          *out_plan_id,
           gint64          *goal_ids,
           GError         **error)
{
  g_autoptr(PalpPlan) plan = palp_plan_new ();
  guint n = 0;

  act_as (d, d->practitioners[p->therapist]);
  g_object_set (plan,
                "client-id", (gint64) p->client + 1,
                "started-on", day (d, p->days_ago),
                "summary", p->summary,
                "frequency", p->frequency,
                "sessions", (gint64) p->sessions,
                "session-minutes", (gint64) p->session_minutes,
                "techniques", p->techniques,
                "home-care", p->home_care,
                "reassess-on", day (d, -p->reassess_in_days),
                NULL);
  if (!palp_store_save_plan (d->store, plan, error))
    return FALSE;
  *out_plan_id = palp_plan_get_int (plan, "id");

  for (guint i = 0; i < G_N_ELEMENTS (demo_goals); i++)
    {
      const DemoGoal *g = &demo_goals[i];
      g_autoptr(PalpPlanGoal) goal = NULL;

      if (g->client != p->client)
        continue;
      goal = palp_plan_goal_new ();
      g_object_set (goal,
                    "plan-id", *out_plan_id,
                    "measure", g->measure,
                    "goal", g->goal,
                    "label", g->label,
                    "unit", g->unit,
                    "direction", g->direction,
                    "mic", g->mic,
                    "baseline", g->baseline,
                    "target", g->target,
                    "by-visit", (gint64) g->by_visit,
                    "by-date", g->by_days != 0 ? day (d, -g->by_days) : NULL,
                    NULL);
      if (!palp_store_save_plan_goal (d->store, goal, error))
        return FALSE;
      goal_ids[n++] = palp_plan_goal_get_int (goal, "id");
    }
  return TRUE;
}

static gboolean
save_referrals (Demo     *d,
                GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_referrals); i++)
    {
      const DemoReferral *r = &demo_referrals[i];
      g_autoptr(PalpReferral) referral = palp_referral_new ();
      g_autoptr(GListModel) diagnoses = NULL;
      g_autoptr(GString) ids = g_string_new (NULL);
      gboolean us = d->country != PALP_COUNTRY_CA;

      act_as (d, d->practitioners[client_therapist[r->client]]);
      if (!(diagnoses = palp_store_list_diagnoses (d->store, r->client + 1, FALSE, error)))
        return FALSE;
      for (guint k = 0; k < g_list_model_get_n_items (diagnoses); k++)
        {
          g_autoptr(PalpDiagnosis) dx = g_list_model_get_item (diagnoses, k);

          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "",
                                  palp_diagnosis_get_int (dx, "id"));
        }
      g_object_set (referral,
                    "client-id", (gint64) r->client + 1,
                    "prescriber-name", r->prescriber,
                    "profession", us ? r->us_profession : r->ca_profession,
                    "npi", us ? r->npi : NULL,
                    "referred-on", day (d, r->referred_days_ago),
                    "expires-on", day (d, r->expires_days_ago),
                    "frequency", r->frequency,
                    "duration", r->duration,
                    "regions", r->regions,
                    "note", us ? r->us_note : r->ca_note,
                    "diagnosis-ids", ids->str,
                    NULL);
      if (!palp_store_save_referral (d->store, referral, error))
        return FALSE;
    }
  return TRUE;
}

/* The record of one visit, as its practitioner writes it: chart, oral
 * assessment, note, measurements; then the signature. */
static gboolean
document_visit (Demo            *d,
                const DemoNote  *n,
                guint            index,
                const gint64    *goal_ids,
                guint            n_goals,
                GError         **error)
{
  const PalpDemoVisitRef *v = find_visit (d, n->client, n->days_ago);
  g_autoptr(PalpSoapNote) note = palp_soap_note_new ();
  g_autoptr(GString) objective = g_string_new (n->objective);
  g_autofree char *techniques = techniques_json (n->techniques);
  g_auto(GStrv) values = g_strsplit (n->readings, ",", -1);
  const DemoGoal *goals[8];

  g_return_val_if_fail (v != NULL, FALSE);
  goals_of (n->client, goals);
  act_as (d, v->practitioner_id);

  if (!chart_visit (d, n->client, index, v->visit_id, error))
    return FALSE;

  if (n->intra_oral)
    {
      g_autoptr(PalpOralAssessment) oral = palp_oral_assessment_new ();

      g_object_set (oral,
                    "visit-id", v->visit_id,
                    "teeth", (gint64) 1, "gingiva", (gint64) 1, "bone", (gint64) 1,
                    "tongue", (gint64) 1, "surrounding", (gint64) 1,
                    "gloves", (gint64) 1,
                    "note", n->client == HAL ? "Mucosa dry after radiation; no sores."
                                             : "Healthy; nothing found.",
                    NULL);
      if (!palp_store_save_oral_assessment (d->store, oral, error))
        return FALSE;
    }

  /* The measurements, and the note's line that reports them. */
  for (guint g = 0; g < n_goals && values[g] != NULL; g++)
    {
      g_autoptr(PalpReading) reading = NULL;
      const char *unit;

      if (*values[g] == '\0')
        continue;
      reading = palp_reading_new ();
      g_object_set (reading, "visit-id", v->visit_id, "goal-id", goal_ids[g],
                    "value", values[g], NULL);
      if (!palp_store_save_reading (d->store, reading, error))
        return FALSE;
      unit = goals[g]->unit;
      if (unit == NULL)
        {
          PalpMeasureKind kind;

          palp_measure_kind_from_key (goals[g]->measure, &kind);
          unit = palp_measure_kind_get_unit (kind);
        }
      g_string_append_printf (objective, "%s%s %s%s%s", g == 0 ? "\nMeasured: " : "; ",
                              goals[g]->label, values[g],
                              g_str_equal (unit, "°") || unit[0] == '/' ? "" : " ", unit);
    }
  if (n_goals > 0)
    g_string_append_c (objective, '.');

  g_object_set (note,
                "visit-id", v->visit_id,
                "subjective", n->subjective,
                "objective", objective->str,
                "assessment", n->assessment,
                "plan-text", n->plan,
                "techniques", techniques,
                "draping", (gint64) 1,
                "gloves", (gint64) n->intra_oral,
                "check-ins", (gint64) 1,
                "has-pain", (gint64) (n->pain >= 0),
                "pain", (gint64) MAX (n->pain, 0),
                NULL);
  if (!palp_store_save_soap_note (d->store, note, error))
    return FALSE;

  if (!n->sign)
    return TRUE;
  if (n->client == MARCUS && n->days_ago == 12)
    return palp_store_sign_note (d->store, v->visit_id, &marcus_override, 1, error);
  return palp_store_sign_note (d->store, v->visit_id, NULL, 0, error);
}

gboolean
palp_demo_populate_clinical (PalpStore               *store,
                             PalpCountry              country,
                             GDateTime               *today,
                             const PalpDemoVisitRef  *visits,
                             guint                    n_visits,
                             const gint64            *practitioners,
                             gint64                   admin,
                             GError                 **error)
{
  Demo d = { store, country, today, visits, n_visits, practitioners, admin,
             g_string_chunk_new (1024) };
  gint64 actor = palp_store_get_actor (store);
  gint64 plan_ids[N_CLIENTS] = { 0 };
  gint64 goal_ids[N_CLIENTS][8];
  guint n_goals[N_CLIENTS] = { 0 };
  guint course[N_CLIENTS] = { 0 };
  gboolean ok = TRUE;

  /* Intake: history, screening, diagnoses, referrals. */
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_histories); i++)
    ok = act_as (&d, practitioners[client_therapist[demo_histories[i].client]]) &&
         save_history (&d, &demo_histories[i], error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_screenings); i++)
    ok = act_as (&d, practitioners[client_therapist[demo_screenings[i].client]]) &&
         save_screening (&d, &demo_screenings[i], error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_diagnoses); i++)
    {
      const DemoDiagnosis *x = &demo_diagnoses[i];
      g_autoptr(PalpDiagnosis) dx = palp_diagnosis_new ();

      act_as (&d, practitioners[client_therapist[x->client]]);
      g_object_set (dx,
                    "client-id", (gint64) x->client + 1,
                    "code", x->code,
                    "description", x->description,
                    "onset-on", day (&d, x->onset_days_ago),
                    "laterality", x->laterality,
                    "is-primary", (gint64) x->primary,
                    NULL);
      ok = palp_store_save_diagnosis (store, dx, error);
    }
  ok = ok && save_referrals (&d, error);

  /* Plans, then the consents that name them. */
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_plans); i++)
    {
      guint c = demo_plans[i].client;
      const DemoGoal *goals[8];

      ok = save_plan (&d, &demo_plans[i], &plan_ids[c], goal_ids[c], error);
      n_goals[c] = goals_of (c, goals);
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_consents); i++)
    ok = save_consent (&d, &demo_consents[i], plan_ids[demo_consents[i].client], error);

  /* The visits, oldest first for each client. */
  for (guint i = 0; ok && i < G_N_ELEMENTS (demo_notes); i++)
    {
      guint c = demo_notes[i].client;

      ok = document_visit (&d, &demo_notes[i], course[c]++, goal_ids[c], n_goals[c], error);
    }

  /* A late entry on Grace's first intra-oral visit. */
  if (ok)
    {
      const PalpDemoVisitRef *v = find_visit (&d, GRACE, 42);

      act_as (&d, v->practitioner_id);
      ok = palp_store_add_amendment (store, v->visit_id,
                                     "Late entry: the client's call the day after treatment.",
                                     "Grace phoned the next morning: mild soreness inside the "
                                     "left cheek for about a day after the intra-oral work, "
                                     "eased with warm compresses. No bruising, no change in "
                                     "her bite. Told her this is expected after a first "
                                     "session; pressure inside the cheek to be lighter next "
                                     "time.", error) != 0;
    }

  palp_store_set_actor (store, actor);
  g_string_chunk_free (d.strings);
  return ok;
}
