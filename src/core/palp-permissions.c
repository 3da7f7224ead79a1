/* palp-permissions.c: who may do what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-core-error.h"
#include "palp-permissions.h"

typedef enum
{
  PRACTITIONER_NEVER,
  PRACTITIONER_ANY,   /* any practitioner, whoever's work it is */
  PRACTITIONER_OWN,   /* only on their own work */
} PractitionerRule;

typedef struct
{
  const char       *key;
  gboolean          admin;
  PractitionerRule  practitioner;
  /* When the actor's roles are not enough. */
  const char       *denied;
  /* When a practitioner reaches for someone else's work. */
  const char       *not_own;
} Rule;

/* The books belong to the clinic, so admins issue, void and refund; a
 * practitioner may check out their own clients. Clinical records are the
 * practitioners': an admin-only account (a front desk) never reads them,
 * and only a note's author may sign or amend it, since the signature
 * vouches for what the author did. */
static const Rule rules[PALP_ACTION_COUNT] = {
  [PALP_ACTION_EDIT_CLIENTS] = {
    "edit-clients", TRUE, PRACTITIONER_ANY,
    N_("Editing client records needs the practitioner or admin role. Ask an admin to give "
       "you one in Preferences."),
    NULL,
  },
  [PALP_ACTION_BOOK_VISITS] = {
    "book-visits", TRUE, PRACTITIONER_ANY,
    N_("Booking visits needs the practitioner or admin role. Ask an admin to give you one in "
       "Preferences."),
    NULL,
  },
  [PALP_ACTION_EDIT_VISIT_LINES] = {
    "edit-visit-lines", TRUE, PRACTITIONER_OWN,
    N_("Changing what a visit bills needs the admin role, or must be done by the visit's "
       "practitioner."),
    N_("This visit is another practitioner's. Ask them or an admin to change what it bills."),
  },
  [PALP_ACTION_VIEW_CLINICAL] = {
    "view-clinical", FALSE, PRACTITIONER_ANY,
    N_("Clinical records are open to practitioners only. Ask the client's practitioner."),
    NULL,
  },
  [PALP_ACTION_DOCUMENT_VISIT] = {
    "document-visit", FALSE, PRACTITIONER_OWN,
    N_("Only the practitioner who gave the treatment may document it."),
    N_("This visit is another practitioner's: only they may document it."),
  },
  [PALP_ACTION_SIGN_NOTES] = {
    "sign-notes", FALSE, PRACTITIONER_OWN,
    N_("Only the practitioner who wrote a note may sign it."),
    N_("This note is another practitioner's: only its author may sign it."),
  },
  [PALP_ACTION_AMEND_NOTES] = {
    "amend-notes", FALSE, PRACTITIONER_OWN,
    N_("Only the practitioner who signed a note may amend it."),
    N_("This note is another practitioner's: only its author may amend it."),
  },
  [PALP_ACTION_ISSUE_RECEIPTS] = {
    "issue-receipts", TRUE, PRACTITIONER_OWN,
    N_("Issuing receipts needs the admin role, or must be done by the visit's practitioner."),
    N_("This visit is another practitioner's. Ask them or an admin to issue its receipts."),
  },
  [PALP_ACTION_VOID_RECEIPTS] = {
    "void-receipts", TRUE, PRACTITIONER_NEVER,
    N_("Voiding a receipt needs the admin role. Ask an admin to void it."),
    NULL,
  },
  [PALP_ACTION_RECORD_PAYMENTS] = {
    "record-payments", TRUE, PRACTITIONER_OWN,
    N_("Recording payments needs the admin role, or must be done by the visit's "
       "practitioner."),
    N_("This visit is another practitioner's. Ask them or an admin to record its payment."),
  },
  [PALP_ACTION_REFUND_PAYMENTS] = {
    "refund-payments", TRUE, PRACTITIONER_NEVER,
    N_("Refunds need the admin role. Ask an admin to record the refund."),
    NULL,
  },
  [PALP_ACTION_EDIT_SERVICES] = {
    "edit-services", TRUE, PRACTITIONER_NEVER,
    N_("Changing the service catalogue needs the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_EDIT_CLINIC] = {
    "edit-clinic", TRUE, PRACTITIONER_NEVER,
    N_("Changing the clinic's settings needs the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_MANAGE_USERS] = {
    "manage-users", TRUE, PRACTITIONER_NEVER,
    N_("Managing users needs the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_VIEW_REPORTS] = {
    "view-reports", TRUE, PRACTITIONER_NEVER,
    N_("Financial reports need the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_BUILD_CLAIMS] = {
    "build-claims", TRUE, PRACTITIONER_NEVER,
    N_("Insurance claims need the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_BACKUP] = {
    "backup", TRUE, PRACTITIONER_NEVER,
    N_("Backing up or exporting the clinic needs the admin role. Ask an admin."),
    NULL,
  },
  [PALP_ACTION_RESTORE] = {
    "restore", TRUE, PRACTITIONER_NEVER,
    N_("Restoring or importing a clinic needs the admin role. Ask an admin."),
    NULL,
  },
  /* The clinic's log names every user, sign-in and setting: the admins'.
   * One client's history is open to whoever may open the client's
   * record, as the client page shows it. */
  [PALP_ACTION_VIEW_AUDIT] = {
    "view-audit", TRUE, PRACTITIONER_NEVER,
    N_("The clinic's audit log needs the admin role. A client's own history is on their "
       "page."),
    NULL,
  },
  [PALP_ACTION_VIEW_HISTORY] = {
    "view-history", TRUE, PRACTITIONER_ANY,
    N_("A client's change history needs the practitioner or admin role."),
    NULL,
  },
  /* Admins too when the clinic allows it: palp_permission_check_narrative (). */
  [PALP_ACTION_READ_NOTE_NARRATIVE] = {
    "read-note-narrative", FALSE, PRACTITIONER_ANY,
    N_("The text of clinical notes is open to practitioners only. An admin may allow admins "
       "to read it in Preferences → Security."),
    NULL,
  },
};

static gboolean
action_is_valid (PalpAction action)
{
  return (guint) action < PALP_ACTION_COUNT;
}

gboolean
palp_permission_check (const PalpActor  *actor,
                       PalpAction        action,
                       gint64            owner_id,
                       GError          **error)
{
  const Rule *rule;
  gboolean is_admin;
  gboolean is_practitioner;

  g_return_val_if_fail (action_is_valid (action), FALSE);

  if (actor == NULL || actor->user_id <= 0)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION,
                           _("Nobody is signed in. Choose who you are first."));
      return FALSE;
    }

  if (!actor->active)
    {
      g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION,
                           _("This account is deactivated. Ask an admin to reactivate it."));
      return FALSE;
    }

  rule = &rules[action];
  is_admin = (actor->roles & PALP_ROLE_MASK_ADMIN) != 0;
  is_practitioner = (actor->roles & PALP_ROLE_MASK_PRACTITIONER) != 0;

  /* An admin who is also a practitioner is judged by both roles: the
   * admin role never lets anyone sign a colleague's note. */
  if (rule->admin && is_admin)
    return TRUE;

  if (is_practitioner)
    {
      switch (rule->practitioner)
        {
        case PRACTITIONER_ANY:
          return TRUE;
        case PRACTITIONER_OWN:
          if (owner_id > 0 && owner_id == actor->user_id)
            return TRUE;
          g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION,
                               owner_id > 0 ? _(rule->not_own) : _(rule->denied));
          return FALSE;
        case PRACTITIONER_NEVER:
        default:
          break;
        }
    }

  g_set_error_literal (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION, _(rule->denied));
  return FALSE;
}

gboolean
palp_permission_check_narrative (const PalpActor  *actor,
                                 gboolean          admins_may_read,
                                 GError          **error)
{
  if (admins_may_read && actor != NULL && actor->user_id > 0 && actor->active &&
      (actor->roles & PALP_ROLE_MASK_ADMIN) != 0)
    return TRUE;
  return palp_permission_check (actor, PALP_ACTION_READ_NOTE_NARRATIVE, 0, error);
}

const char * const palp_note_narrative_fields[] = {
  "subjective", "objective", "assessment", "plan-text", "adverse-effects", NULL
};
const char * const palp_amendment_narrative_fields[] = { "text", "reason", NULL };

const char *
palp_narrative_shown (gboolean    may_read,
                      const char *text)
{
  if (may_read)
    return text;
  /* Translators: printed and shown in place of a clinical note's text
   * for someone the clinic does not let read it. */
  return _("Restricted");
}

const char *
palp_action_to_key (PalpAction action)
{
  g_return_val_if_fail (action_is_valid (action), NULL);

  return rules[action].key;
}

gboolean
palp_action_from_key (const char *key,
                      PalpAction *out_action)
{
  for (guint i = 0; i < PALP_ACTION_COUNT; i++)
    {
      if (g_strcmp0 (key, rules[i].key) == 0)
        {
          if (out_action != NULL)
            *out_action = (PalpAction) i;
          return TRUE;
        }
    }

  return FALSE;
}
