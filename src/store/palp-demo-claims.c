/* palp-demo-claims.c: the demo's insurance claims
 *
 * Marcus Reyes's auto insurer, billed by the front desk through the store's
 * rules from his attended visits with signed notes, oldest first:
 *
 *  - his first visit, submitted on paper and paid in full;
 *  - the second, denied as not medically necessary, followed up by phone
 *    and appealed, its deadline running;
 *  - the third, submitted through the payer's portal and in follow-up, a
 *    chat logged three days ago and the next call due today;
 *  - the fourth, a draft not yet marked ready.
 *
 * His fifth and sixth visits are left for the desk to bill (a claim to
 * build, or to deny and appeal, in the window); his last visit's note is
 * not signed yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-demo-private.h"
#include "palp-store-claims.h"

/* Marcus, by his index in palp-demo.c's tables. */
#define MARCUS 3

static char *
iso_days (GDateTime *today,
          int        days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* The claim of Marcus's visits @days_ago (0-terminated), marked ready and,
 * when @submitted_ago is not negative, submitted that many days ago. */
static gint64
claim_of (PalpStore               *store,
          GDateTime               *today,
          const PalpDemoVisitRef  *visits,
          guint                    n_visits,
          const int               *days_ago,
          int                      submitted_ago,
          const char              *method,
          GError                 **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PalpClaim) claim = NULL;
  g_autofree char *on = NULL;
  gint64 id;

  for (guint d = 0; days_ago[d] != 0; d++)
    for (guint i = 0; i < n_visits; i++)
      if (visits[i].client == MARCUS && visits[i].days_ago == days_ago[d])
        g_array_append_val (ids, visits[i].visit_id);
  if (!(claim = palp_store_build_claim (store, (const gint64 *) (gpointer) ids->data, ids->len, 0,
                                        error)))
    return 0;
  id = palp_claim_get_int (claim, "id");
  if (submitted_ago < 0)
    return id;
  on = iso_days (today, -submitted_ago);
  if (!palp_store_mark_claim_ready (store, id, error) ||
      !palp_store_submit_claim (store, id, on, method, error))
    return 0;
  return id;
}

static gboolean
follow_up (PalpStore   *store,
           GDateTime   *today,
           gint64       claim_id,
           int          days_ago,
           const char  *time,
           const char  *representative,
           const char  *reference,
           const char  *said,
           int          next_in,
           GError     **error)
{
  g_autoptr(PalpClaimFollowUp) f = palp_claim_follow_up_new ();
  g_autofree char *day = iso_days (today, -days_ago);
  g_autofree char *at = g_strconcat (day, " ", time, NULL);
  g_autofree char *next = next_in > 0 ? iso_days (today, next_in - days_ago) : NULL;

  g_object_set (f, "claim-id", claim_id, "contacted-at", at, "representative", representative,
                "reference", reference, "said", said, "next-on", next, NULL);
  return palp_store_add_claim_follow_up (store, f, error);
}

gboolean
palp_demo_populate_claims (PalpStore               *store,
                           GDateTime               *today,
                           const PalpDemoVisitRef  *visits,
                           guint                    n_visits,
                           GError                 **error)
{
  static const int paid_visits[] = { 47, 0 };
  static const int denied_visits[] = { 40, 0 };
  static const int open_visits[] = { 33, 0 };
  static const int draft_visits[] = { 26, 0 };
  g_autoptr(PalpClaimSettings) settings = NULL;
  g_autofree char *paid_on = iso_days (today, -20);
  g_autofree char *denied_on = iso_days (today, -14);
  g_autofree char *appealed_on = iso_days (today, -7);
  gint64 paid, denied, open;
  PalpClaimStatus status;

  /* The clinic's group NPI for box 33a. */
  if (!(settings = palp_store_get_claim_settings (store, error)))
    return FALSE;
  g_free (settings->billing_npi);
  settings->billing_npi = g_strdup ("1245319599");
  if (!palp_store_set_claim_settings (store, settings, error))
    return FALSE;

  paid = claim_of (store, today, visits, n_visits, paid_visits, 38, "paper", error);
  if (paid == 0)
    return FALSE;
  {
    g_autoptr(GListModel) lines = palp_store_list_claim_lines (store, paid, error);
    g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (PalpClaimLinePayment));

    if (lines == NULL)
      return FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
      {
        g_autoptr(PalpClaimLine) line = g_list_model_get_item (lines, i);
        PalpClaimLinePayment p = { palp_claim_line_get_int (line, "id"),
                                   palp_claim_line_get_int (line, "charge-cents"), 0 };

        g_array_append_val (payments, p);
      }
    if (!palp_store_record_claim_payment (store, paid,
                                          (const PalpClaimLinePayment *) (gpointer) payments->data,
                                          payments->len, "EMA-PMT-55210", NULL, paid_on, &status,
                                          error))
      return FALSE;
  }

  denied = claim_of (store, today, visits, n_visits, denied_visits, 31, "paper", error);
  if (denied == 0 ||
      !follow_up (store, today, denied, 16, "10:20", "Terrence", "CALL-30417",
                  "Received and in review; an adjuster looks at it within ten days.", 2, error) ||
      !palp_store_deny_claim (store, denied, "Not medically necessary: the notes do not show "
                              "progress since the previous visit.", "EMA-DN-80412", denied_on,
                              NULL, error) ||
      !follow_up (store, today, denied, 13, "14:05", "Dana Brooks", "CALL-30522",
                  "The adjuster read one note only; an appeal with the progress report and the "
                  "plan will be reconsidered.", 0, error) ||
      !palp_store_appeal_claim (store, denied, appealed_on, NULL, error) ||
      !follow_up (store, today, denied, 2, "09:40", "Dana Brooks", "CALL-30977",
                  "The appeal arrived with its attachments; decision within 30 days.", 14, error))
    return FALSE;

  open = claim_of (store, today, visits, n_visits, open_visits, 17, "portal", error);
  if (open == 0 ||
      !follow_up (store, today, open, 3, "11:15", "Priya (portal chat)", "CHAT-118342",
                  "Received on the portal; waiting for the adjuster to match it to the claim "
                  "number. Call back in three days.", 3, error))
    return FALSE;

  return claim_of (store, today, visits, n_visits, draft_visits, -1, NULL, error) != 0;
}
