/* palp-permissions.h: who may do what
 *
 * Permissions are decided here, below every interface: the window greys
 * out what a user may not do, but the store and the command-line tool ask
 * the same function before they write, so a missed button can never be a
 * way around a rule.
 *
 * Roles are the bit flags of PalpRoles (src/model/palp-user.h), passed as
 * a plain mask so these rules stay free of GObject: the values below are
 * the same bits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PALP_ROLE_MASK_PRACTITIONER (1u << 0)
#define PALP_ROLE_MASK_ADMIN        (1u << 1)

typedef enum
{
  PALP_ACTION_EDIT_CLIENTS,      /* create and edit client records */
  PALP_ACTION_BOOK_VISITS,       /* book, move, cancel visits; mark no-shows */
  PALP_ACTION_EDIT_VISIT_LINES,  /* add or change a visit's billing lines */
  PALP_ACTION_VIEW_CLINICAL,     /* read notes, charts, screening */
  PALP_ACTION_DOCUMENT_VISIT,    /* write a visit's note, chart, measures */
  PALP_ACTION_SIGN_NOTES,        /* sign (lock) a note */
  PALP_ACTION_AMEND_NOTES,       /* add an amendment to a signed note */
  PALP_ACTION_ISSUE_RECEIPTS,
  PALP_ACTION_VOID_RECEIPTS,
  PALP_ACTION_RECORD_PAYMENTS,
  PALP_ACTION_REFUND_PAYMENTS,
  PALP_ACTION_EDIT_SERVICES,     /* the service catalogue and its taxes */
  PALP_ACTION_EDIT_CLINIC,       /* clinic profile, receipt numbering, paper */
  PALP_ACTION_MANAGE_USERS,      /* users, roles, licences */
  PALP_ACTION_VIEW_REPORTS,      /* payments and tax reports */
  PALP_ACTION_BUILD_CLAIMS,      /* insurance claims and their status */
  PALP_ACTION_BACKUP,            /* backup and export the whole clinic */
  PALP_ACTION_RESTORE,           /* restore or import over the clinic */
  PALP_ACTION_VIEW_AUDIT,        /* the whole clinic's audit log */
  PALP_ACTION_VIEW_HISTORY,      /* one client's change history */
  PALP_ACTION_READ_NOTE_NARRATIVE, /* read a note's S/O/A/P text and amendments */
} PalpAction;

#define PALP_ACTION_COUNT (PALP_ACTION_READ_NOTE_NARRATIVE + 1)

/* The person acting: a user's id, PALP_ROLE_MASK_* bits, and whether the
 * account is active. */
typedef struct
{
  gint64    user_id;
  guint     roles;
  gboolean  active;
} PalpActor;

/* May @actor do @action? @owner_id is the practitioner whose work the
 * action touches (the visit's practitioner, the note's author), or 0 when
 * it touches no one's in particular. Practitioners act on their own work;
 * admins run the clinic's books; signing a note is always the author's.
 * FALSE with PALP_CORE_ERROR_PERMISSION and a message saying what to do. */
gboolean     palp_permission_check    (const PalpActor  *actor,
                                       PalpAction        action,
                                       gint64            owner_id,
                                       GError          **error);

/* May @actor read the narrative of clinical notes (the S/O/A/P text and
 * amendments)? Practitioners may; an admin who is not one only when the
 * clinic allows it (@admins_may_read, its security setting). The rest of
 * the record (visits, diagnoses, billing) is not narrative. */
gboolean     palp_permission_check_narrative (const PalpActor *actor,
                                       gboolean          admins_may_read,
                                       GError          **error);

/* The fields of a clinical note (PalpSoapNote's properties) and of an
 * amendment (PalpAmendment's) that are narrative: the practitioner's own
 * words. Everything else a note holds (dates, codes, pain, techniques,
 * measurements, signatures) is not. NULL-terminated. */
extern const char * const palp_note_narrative_fields[];
extern const char * const palp_amendment_narrative_fields[];

/* What a reader sees of a narrative @text: @text itself when @may_read
 * (palp_permission_check_narrative ()), otherwise the plain translated
 * statement "Restricted", also for an empty text, so an empty note cannot
 * be told from a written one. */
const char  *palp_narrative_shown     (gboolean          may_read,
                                       const char       *text);

/* Stable keys for the audit log and the CLI: "issue-receipts", ... */
const char  *palp_action_to_key       (PalpAction        action);
gboolean     palp_action_from_key     (const char       *key,
                                       PalpAction       *out_action);

G_END_DECLS
