/* test-permissions.c: who may do what, decided below the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "palp-core-error.h"
#include "palp-permissions.h"

#define ALICE 11
#define BOB   12

static const PalpActor admin = { 1, PALP_ROLE_MASK_ADMIN, TRUE };
static const PalpActor alice = { ALICE, PALP_ROLE_MASK_PRACTITIONER, TRUE };
static const PalpActor solo = { ALICE, PALP_ROLE_MASK_PRACTITIONER | PALP_ROLE_MASK_ADMIN, TRUE };
static const PalpActor retired = { BOB, PALP_ROLE_MASK_PRACTITIONER | PALP_ROLE_MASK_ADMIN, FALSE };
static const PalpActor roleless = { 5, 0, TRUE };

static void
assert_allowed (const PalpActor *actor,
                PalpAction       action,
                gint64           owner)
{
  g_autoptr(GError) error = NULL;

  if (!palp_permission_check (actor, action, owner, &error))
    g_error ("%s for user %" G_GINT64_FORMAT " was refused: %s",
             palp_action_to_key (action), actor->user_id, error->message);
}

static void
assert_refused (const PalpActor *actor,
                PalpAction       action,
                gint64           owner)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (palp_permission_check (actor, action, owner, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION);
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static void
test_permissions_receipts (void)
{
  assert_allowed (&admin, PALP_ACTION_ISSUE_RECEIPTS, ALICE);
  assert_allowed (&admin, PALP_ACTION_VOID_RECEIPTS, ALICE);
  assert_allowed (&admin, PALP_ACTION_RECORD_PAYMENTS, 0);
  assert_allowed (&admin, PALP_ACTION_REFUND_PAYMENTS, ALICE);

  /* A practitioner checks out their own clients... */
  assert_allowed (&alice, PALP_ACTION_ISSUE_RECEIPTS, ALICE);
  assert_allowed (&alice, PALP_ACTION_RECORD_PAYMENTS, ALICE);
  /* ...not a colleague's, nor with no owner named... */
  assert_refused (&alice, PALP_ACTION_ISSUE_RECEIPTS, BOB);
  assert_refused (&alice, PALP_ACTION_ISSUE_RECEIPTS, 0);
  assert_refused (&alice, PALP_ACTION_RECORD_PAYMENTS, BOB);
  /* ...and never voids or refunds. */
  assert_refused (&alice, PALP_ACTION_VOID_RECEIPTS, ALICE);
  assert_refused (&alice, PALP_ACTION_REFUND_PAYMENTS, ALICE);
}

static void
test_permissions_services_and_clinic (void)
{
  const PalpAction admin_only[] = {
    PALP_ACTION_EDIT_SERVICES, PALP_ACTION_EDIT_CLINIC, PALP_ACTION_MANAGE_USERS,
    PALP_ACTION_VIEW_REPORTS, PALP_ACTION_BUILD_CLAIMS, PALP_ACTION_BACKUP, PALP_ACTION_RESTORE,
    PALP_ACTION_VIEW_AUDIT,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (admin_only); i++)
    {
      assert_allowed (&admin, admin_only[i], 0);
      assert_allowed (&solo, admin_only[i], 0);
      assert_refused (&alice, admin_only[i], 0);
      assert_refused (&alice, admin_only[i], ALICE);
    }

  assert_allowed (&alice, PALP_ACTION_EDIT_CLIENTS, 0);
  assert_allowed (&admin, PALP_ACTION_EDIT_CLIENTS, 0);
  assert_allowed (&alice, PALP_ACTION_BOOK_VISITS, BOB);
  assert_allowed (&alice, PALP_ACTION_EDIT_VISIT_LINES, ALICE);
  assert_refused (&alice, PALP_ACTION_EDIT_VISIT_LINES, BOB);
  assert_allowed (&admin, PALP_ACTION_EDIT_VISIT_LINES, BOB);

  /* The clinic's log is the admins'; one client's history is open to
   * practitioners too, as the client's record is. */
  assert_allowed (&alice, PALP_ACTION_VIEW_HISTORY, 0);
  assert_allowed (&admin, PALP_ACTION_VIEW_HISTORY, 0);
}

static void
test_permissions_clinical (void)
{
  /* Only the author signs, whatever other roles anyone holds. */
  assert_allowed (&alice, PALP_ACTION_SIGN_NOTES, ALICE);
  assert_refused (&alice, PALP_ACTION_SIGN_NOTES, BOB);
  assert_refused (&alice, PALP_ACTION_SIGN_NOTES, 0);
  assert_refused (&admin, PALP_ACTION_SIGN_NOTES, ALICE);
  assert_allowed (&solo, PALP_ACTION_SIGN_NOTES, ALICE);
  assert_refused (&solo, PALP_ACTION_SIGN_NOTES, BOB);
  assert_allowed (&alice, PALP_ACTION_AMEND_NOTES, ALICE);
  assert_refused (&solo, PALP_ACTION_AMEND_NOTES, BOB);
  assert_allowed (&alice, PALP_ACTION_DOCUMENT_VISIT, ALICE);
  assert_refused (&alice, PALP_ACTION_DOCUMENT_VISIT, BOB);

  /* A front-desk admin never reads clinical records. */
  assert_refused (&admin, PALP_ACTION_VIEW_CLINICAL, ALICE);
  assert_allowed (&alice, PALP_ACTION_VIEW_CLINICAL, BOB);
}

static void
test_permissions_narrative (void)
{
  g_autoptr(GError) error = NULL;

  /* Practitioners read notes' text, whatever the clinic says of admins. */
  g_assert_true (palp_permission_check_narrative (&alice, FALSE, NULL));
  g_assert_true (palp_permission_check_narrative (&alice, TRUE, NULL));
  g_assert_true (palp_permission_check_narrative (&solo, FALSE, NULL));
  /* A front-desk admin only when the clinic allows it. */
  g_assert_false (palp_permission_check_narrative (&admin, FALSE, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "Security"));
  g_assert_true (palp_permission_check_narrative (&admin, TRUE, NULL));
  /* Never a deactivated, role-less or absent account. */
  g_assert_false (palp_permission_check_narrative (&retired, TRUE, NULL));
  g_assert_false (palp_permission_check_narrative (&roleless, TRUE, NULL));
  g_assert_false (palp_permission_check_narrative (NULL, TRUE, NULL));
  assert_refused (&admin, PALP_ACTION_READ_NOTE_NARRATIVE, 0);
  assert_allowed (&alice, PALP_ACTION_READ_NOTE_NARRATIVE, BOB);
}

static void
test_permissions_narrative_shown (void)
{
  /* A reader allowed sees the text as written, empty or not. */
  g_assert_cmpstr (palp_narrative_shown (TRUE, "Tight left trapezius"), ==,
                   "Tight left trapezius");
  g_assert_null (palp_narrative_shown (TRUE, NULL));
  /* Anyone else the plain statement, also where nothing was written. */
  g_assert_cmpstr (palp_narrative_shown (FALSE, "Tight left trapezius"), ==, "Restricted");
  g_assert_cmpstr (palp_narrative_shown (FALSE, ""), ==, "Restricted");
  g_assert_cmpstr (palp_narrative_shown (FALSE, NULL), ==, "Restricted");

  /* The narrative is the practitioner's words, not the note's facts. */
  g_assert_true (g_strv_contains (palp_note_narrative_fields, "subjective"));
  g_assert_true (g_strv_contains (palp_note_narrative_fields, "objective"));
  g_assert_true (g_strv_contains (palp_note_narrative_fields, "assessment"));
  g_assert_true (g_strv_contains (palp_note_narrative_fields, "plan-text"));
  g_assert_true (g_strv_contains (palp_note_narrative_fields, "adverse-effects"));
  g_assert_false (g_strv_contains (palp_note_narrative_fields, "techniques"));
  g_assert_false (g_strv_contains (palp_note_narrative_fields, "pain"));
  g_assert_false (g_strv_contains (palp_note_narrative_fields, "signed-at"));
  g_assert_true (g_strv_contains (palp_amendment_narrative_fields, "text"));
  g_assert_false (g_strv_contains (palp_amendment_narrative_fields, "created-at"));
}

static void
test_permissions_accounts (void)
{
  g_autoptr(GError) error = NULL;

  /* Nothing at all for a deactivated account, a role-less one, or nobody. */
  for (guint a = 0; a < PALP_ACTION_COUNT; a++)
    {
      assert_refused (&retired, a, BOB);
      assert_refused (&roleless, a, roleless.user_id);
      assert_refused (NULL, a, 0);
    }

  g_assert_false (palp_permission_check (&retired, PALP_ACTION_EDIT_CLIENTS, 0, &error));
  g_assert_nonnull (strstr (error->message, "deactivated"));
}

static void
test_permissions_every_answer_explained (void)
{
  /* Every combination answers, and every refusal says why. */
  const PalpActor *actors[] = { &admin, &alice, &solo };
  const gint64 owners[] = { 0, ALICE, BOB };

  for (guint a = 0; a < PALP_ACTION_COUNT; a++)
    for (gsize i = 0; i < G_N_ELEMENTS (actors); i++)
      for (gsize o = 0; o < G_N_ELEMENTS (owners); o++)
        {
          g_autoptr(GError) error = NULL;
          gboolean allowed = palp_permission_check (actors[i], a, owners[o], &error);

          if (allowed)
            g_assert_no_error (error);
          else
            {
              g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_PERMISSION);
              g_assert_cmpstr (error->message, !=, "");
            }

          /* The solo therapist may do anything either role may. */
          if (actors[i] == &solo)
            {
              gboolean as_admin = palp_permission_check (&admin, a, owners[o], NULL);
              gboolean as_practitioner = palp_permission_check (&alice, a, owners[o], NULL);

              g_assert_cmpint (allowed, ==, as_admin || as_practitioner);
            }
        }
}

static void
test_permissions_keys (void)
{
  for (guint a = 0; a < PALP_ACTION_COUNT; a++)
    {
      PalpAction back;
      const char *key = palp_action_to_key (a);

      g_assert_nonnull (key);
      g_assert_true (palp_action_from_key (key, &back));
      g_assert_cmpuint (back, ==, a);
    }

  g_assert_cmpstr (palp_action_to_key (PALP_ACTION_VOID_RECEIPTS), ==, "void-receipts");
  g_assert_false (palp_action_from_key ("fly", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/billing/permissions/receipts", test_permissions_receipts);
  g_test_add_func ("/billing/permissions/services-and-clinic",
                   test_permissions_services_and_clinic);
  g_test_add_func ("/billing/permissions/clinical", test_permissions_clinical);
  g_test_add_func ("/billing/permissions/narrative", test_permissions_narrative);
  g_test_add_func ("/billing/permissions/narrative-shown", test_permissions_narrative_shown);
  g_test_add_func ("/billing/permissions/accounts", test_permissions_accounts);
  g_test_add_func ("/billing/permissions/every-answer-explained",
                   test_permissions_every_answer_explained);
  g_test_add_func ("/billing/permissions/keys", test_permissions_keys);

  return g_test_run ();
}
