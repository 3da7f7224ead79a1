/* palp-atlas-names.c: every region's id, display name, view and side
 *
 * Ids are stable: they are stored with marks and never renamed. Their
 * first part is the area as drawn in the view (body parts in the body
 * views, "head" in the side views of head and neck, "face", "oral",
 * "tooth"), the last part the client's side where there is one.
 *
 * Teeth go by quadrant (upper or lower, the client's right or left) and
 * position from the midline, 1 the central incisor to 8 the third molar,
 * so one id serves both the universal and the FDI numbering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "palp-atlas-private.h"

static const PalpRegionInfo region_infos[] = {
  /* Body, front */
  { "head.anterior", N_("Head, front"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_NONE },
  { "neck.anterior.left", N_("Left front of neck"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "neck.anterior.right", N_("Right front of neck"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "shoulder.anterior.left", N_("Left front of shoulder"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "shoulder.anterior.right", N_("Right front of shoulder"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "chest.pectoral.left", N_("Left chest (pectorals)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "chest.pectoral.right", N_("Right chest (pectorals)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "chest.sternum", N_("Sternum"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_NONE },
  { "abdomen.upper.left", N_("Left upper abdomen"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "abdomen.upper.right", N_("Right upper abdomen"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "abdomen.lower.left", N_("Left lower abdomen"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "abdomen.lower.right", N_("Right lower abdomen"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "arm.anterior.left", N_("Left upper arm, front (biceps)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "arm.anterior.right", N_("Right upper arm, front (biceps)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "elbow.anterior.left", N_("Left inner elbow"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "elbow.anterior.right", N_("Right inner elbow"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "forearm.anterior.left", N_("Left forearm, palm side"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "forearm.anterior.right", N_("Right forearm, palm side"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "hand.palm.left", N_("Left palm and fingers"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "hand.palm.right", N_("Right palm and fingers"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "hip.anterior.left", N_("Left hip, front (groin)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "hip.anterior.right", N_("Right hip, front (groin)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "thigh.anterior.left", N_("Left front of thigh (quadriceps)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "thigh.anterior.right", N_("Right front of thigh (quadriceps)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "thigh.medial.left", N_("Left inner thigh (adductors)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "thigh.medial.right", N_("Right inner thigh (adductors)"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "knee.anterior.left", N_("Left knee, front"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "knee.anterior.right", N_("Right knee, front"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "leg.anterior.left", N_("Left shin"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "leg.anterior.right", N_("Right shin"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },
  { "foot.dorsum.left", N_("Left top of foot"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_LEFT },
  { "foot.dorsum.right", N_("Right top of foot"), PALP_VIEW_BODY_ANTERIOR, PALP_LATERALITY_RIGHT },

  /* Body, back */
  { "head.posterior", N_("Back of head"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_NONE },
  { "neck.posterior.left", N_("Left back of neck"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "neck.posterior.right", N_("Right back of neck"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "neck.upper_trapezius.left", N_("Left upper trapezius"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "neck.upper_trapezius.right", N_("Right upper trapezius"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "shoulder.posterior.left", N_("Left back of shoulder (posterior deltoid)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "shoulder.posterior.right", N_("Right back of shoulder (posterior deltoid)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.scapular.left", N_("Left shoulder blade"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "back.scapular.right", N_("Right shoulder blade"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.interscapular.left", N_("Left between the shoulder blades (rhomboids)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "back.interscapular.right", N_("Right between the shoulder blades (rhomboids)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.thoracic.left", N_("Left mid back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "back.thoracic.right", N_("Right mid back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.latissimus.left", N_("Left side of back (latissimus)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "back.latissimus.right", N_("Right side of back (latissimus)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.lumbar.left", N_("Left low back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "back.lumbar.right", N_("Right low back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "back.sacrum", N_("Sacrum"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_NONE },
  { "hip.gluteal.left", N_("Left buttock (gluteals)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "hip.gluteal.right", N_("Right buttock (gluteals)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "arm.posterior.left", N_("Left upper arm, back (triceps)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "arm.posterior.right", N_("Right upper arm, back (triceps)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "elbow.posterior.left", N_("Left elbow, back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "elbow.posterior.right", N_("Right elbow, back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "forearm.posterior.left", N_("Left forearm, back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "forearm.posterior.right", N_("Right forearm, back"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "hand.dorsum.left", N_("Left back of hand"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "hand.dorsum.right", N_("Right back of hand"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "thigh.posterior.left", N_("Left back of thigh (hamstrings)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "thigh.posterior.right", N_("Right back of thigh (hamstrings)"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "knee.posterior.left", N_("Left back of knee"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "knee.posterior.right", N_("Right back of knee"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "leg.calf.left", N_("Left calf"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "leg.calf.right", N_("Right calf"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },
  { "foot.heel.left", N_("Left heel and sole"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_LEFT },
  { "foot.heel.right", N_("Right heel and sole"), PALP_VIEW_BODY_POSTERIOR, PALP_LATERALITY_RIGHT },

  /* Head and neck, left side */
  { "head.frontalis.left", N_("Left frontalis"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.temporalis.left", N_("Left temporalis"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.occipital.left", N_("Left occipitalis"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.suboccipital.left", N_("Left suboccipitals"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.tmj.left", N_("Left temporomandibular joint"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.masseter.left", N_("Left masseter"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.buccinator.left", N_("Left buccinator (cheek)"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.digastric.left", N_("Left digastric"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.scm.left", N_("Left sternocleidomastoid"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.scalenes.left", N_("Left scalenes"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.splenius.left", N_("Left splenius (back of neck)"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.levator_scapulae.left", N_("Left levator scapulae"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },
  { "head.upper_trapezius.left", N_("Left upper trapezius"), PALP_VIEW_HEAD_LEFT, PALP_LATERALITY_LEFT },

  /* Head and neck, right side */
  { "head.frontalis.right", N_("Right frontalis"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.temporalis.right", N_("Right temporalis"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.occipital.right", N_("Right occipitalis"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.suboccipital.right", N_("Right suboccipitals"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.tmj.right", N_("Right temporomandibular joint"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.masseter.right", N_("Right masseter"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.buccinator.right", N_("Right buccinator (cheek)"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.digastric.right", N_("Right digastric"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.scm.right", N_("Right sternocleidomastoid"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.scalenes.right", N_("Right scalenes"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.splenius.right", N_("Right splenius (back of neck)"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.levator_scapulae.right", N_("Right levator scapulae"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },
  { "head.upper_trapezius.right", N_("Right upper trapezius"), PALP_VIEW_HEAD_RIGHT, PALP_LATERALITY_RIGHT },

  /* Face */
  { "face.frontalis.left", N_("Left frontalis (forehead)"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.frontalis.right", N_("Right frontalis (forehead)"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.temporalis.left", N_("Left temporalis"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.temporalis.right", N_("Right temporalis"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.orbicularis_oculi.left", N_("Left orbicularis oculi (around the eye)"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.orbicularis_oculi.right", N_("Right orbicularis oculi (around the eye)"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.nose", N_("Nose (nasalis)"), PALP_VIEW_FACE, PALP_LATERALITY_NONE },
  { "face.zygomatic.left", N_("Left cheekbone (zygomaticus)"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.zygomatic.right", N_("Right cheekbone (zygomaticus)"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.tmj.left", N_("Left temporomandibular joint"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.tmj.right", N_("Right temporomandibular joint"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.masseter.left", N_("Left masseter"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.masseter.right", N_("Right masseter"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.buccinator.left", N_("Left buccinator (cheek)"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.buccinator.right", N_("Right buccinator (cheek)"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },
  { "face.orbicularis_oris", N_("Orbicularis oris (lips)"), PALP_VIEW_FACE, PALP_LATERALITY_NONE },
  { "face.mentalis", N_("Chin (mentalis)"), PALP_VIEW_FACE, PALP_LATERALITY_NONE },
  { "face.digastric.left", N_("Left digastric (under the jaw)"), PALP_VIEW_FACE, PALP_LATERALITY_LEFT },
  { "face.digastric.right", N_("Right digastric (under the jaw)"), PALP_VIEW_FACE, PALP_LATERALITY_RIGHT },

  /* Inside the mouth */
  { "oral.palate.hard", N_("Hard palate"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.palate.soft", N_("Soft palate"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.gingiva.upper", N_("Upper gingiva"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.gingiva.lower", N_("Lower gingiva"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.labial.upper", N_("Inside of the upper lip"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.labial.lower", N_("Inside of the lower lip"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.buccal.left", N_("Left buccal mucosa (inside of the cheek)"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "oral.buccal.right", N_("Right buccal mucosa (inside of the cheek)"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "oral.retromolar.left", N_("Left retromolar area (pterygoid access)"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "oral.retromolar.right", N_("Right retromolar area (pterygoid access)"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "oral.tongue", N_("Tongue"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "oral.floor", N_("Floor of the mouth"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_NONE },
  { "tooth.ur1", N_("Upper right central incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur2", N_("Upper right lateral incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur3", N_("Upper right canine"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur4", N_("Upper right first premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur5", N_("Upper right second premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur6", N_("Upper right first molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur7", N_("Upper right second molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ur8", N_("Upper right third molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.ul1", N_("Upper left central incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul2", N_("Upper left lateral incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul3", N_("Upper left canine"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul4", N_("Upper left first premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul5", N_("Upper left second premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul6", N_("Upper left first molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul7", N_("Upper left second molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ul8", N_("Upper left third molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll1", N_("Lower left central incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll2", N_("Lower left lateral incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll3", N_("Lower left canine"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll4", N_("Lower left first premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll5", N_("Lower left second premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll6", N_("Lower left first molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll7", N_("Lower left second molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.ll8", N_("Lower left third molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_LEFT },
  { "tooth.lr1", N_("Lower right central incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr2", N_("Lower right lateral incisor"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr3", N_("Lower right canine"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr4", N_("Lower right first premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr5", N_("Lower right second premolar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr6", N_("Lower right first molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr7", N_("Lower right second molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
  { "tooth.lr8", N_("Lower right third molar"), PALP_VIEW_INTRA_ORAL, PALP_LATERALITY_RIGHT },
};

const PalpRegionInfo *
palp_region_info_get_all (guint *n_infos)
{
  if (n_infos != NULL)
    *n_infos = G_N_ELEMENTS (region_infos);
  return region_infos;
}

const PalpRegionInfo *
palp_region_info_lookup (const char *id)
{
  static GHashTable *index;

  g_return_val_if_fail (id != NULL, NULL);

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (region_infos); i++)
        g_hash_table_insert (table, (gpointer) region_infos[i].id, (gpointer) &region_infos[i]);
      g_once_init_leave (&index, table);
    }

  return g_hash_table_lookup (index, id);
}

gboolean
palp_region_info_tooth_numbers (const char *id,
                                guint      *universal,
                                guint      *fdi)
{
  guint pos;
  guint u, f;

  g_return_val_if_fail (id != NULL, FALSE);

  if (strlen (id) != strlen ("tooth.ur1") || !g_str_has_prefix (id, "tooth."))
    return FALSE;
  if (id[8] < '1' || id[8] > '8')
    return FALSE;
  pos = id[8] - '0';

  /* Universal numbers run from the client's upper right third molar (1)
   * round the upper arch to the upper left (16), then from the lower
   * left third molar (17) round to the lower right (32). FDI numbers are
   * quadrant (1 upper right, 2 upper left, 3 lower left, 4 lower right)
   * then position. */
  if (id[6] == 'u' && id[7] == 'r')
    u = 9 - pos, f = 10 + pos;
  else if (id[6] == 'u' && id[7] == 'l')
    u = 8 + pos, f = 20 + pos;
  else if (id[6] == 'l' && id[7] == 'l')
    u = 25 - pos, f = 30 + pos;
  else if (id[6] == 'l' && id[7] == 'r')
    u = 24 + pos, f = 40 + pos;
  else
    return FALSE;

  if (universal != NULL)
    *universal = u;
  if (fdi != NULL)
    *fdi = f;
  return TRUE;
}
