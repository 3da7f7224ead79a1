/* palp-store-coverage.c: what a client's coverage has left, and the
 * client header's coverage flags
 *
 * Visits are counted from the record itself: attended visits with massage
 * therapy in the benefit year, by the policy's counting
 * (palp-coverage.h), plus what the plan had counted elsewhere. Dollars
 * are the plan's share of each visit's therapeutic charges, walked in date
 * order against the annual maximum. Authorisations count their recorded
 * uses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-coverage.h"
#include "palp-date.h"
#include "palp-store-insurance.h"
#include "palp-store-private.h"
#include "palp-units.h"

/* By last day, then id. */
static gint
compare_ends (gconstpointer a,
              gconstpointer b)
{
  PalpAuthorisation *x = *(PalpAuthorisation **) a;
  PalpAuthorisation *y = *(PalpAuthorisation **) b;
  int c = strcmp (palp_authorisation_get_string (x, "ends-on"),
                  palp_authorisation_get_string (y, "ends-on"));

  if (c != 0)
    return c;
  return palp_authorisation_get_int (x, "id") < palp_authorisation_get_int (y, "id") ? -1 : 1;
}

/* Attended visits with massage therapy in [@first, @last]: how many visits
 * they count for and each one's therapeutic charges, in date order. */
static gboolean
year_visits (PalpStore          *self,
             gint64              client_id,
             const char         *first,
             const char         *last,
             PalpVisitCounting   counting,
             gint64             *out_visits,
             GArray             *charges,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 visits = 0;
  int rc;

  stmt = palp_store_prepare (self, "SELECT v.duration_minutes, sum (l.minutes),"
                                   " sum (l.price_cents * l.quantity)"
                                   " FROM visits v JOIN visit_lines l ON l.visit_id = v.id"
                                   " AND l.category = 'therapeutic'"
                                   " WHERE v.client_id = ?1 AND v.status = 'attended'"
                                   " AND date (v.starts_at) BETWEEN ?2 AND ?3"
                                   " GROUP BY v.id ORDER BY v.starts_at, v.id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, first);
  palp_store_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 minutes = sqlite3_column_int64 (stmt, 1);
      gint64 charge = sqlite3_column_int64 (stmt, 2);

      /* Lines without minutes (a flat fee) count the visit's length. */
      if (minutes <= 0)
        minutes = sqlite3_column_int64 (stmt, 0);
      visits += palp_visit_count (counting, (guint) CLAMP (minutes, 0, PALP_UNITS_MAX_MINUTES));
      g_array_append_val (charges, charge);
    }
  if (rc != SQLITE_DONE)
    return palp_store_set_db_error (error, palp_store_get_db (self), rc);
  *out_visits = visits;
  return TRUE;
}

/* Fills @status for @policy on @today; adds the policy's header flags to
 * @flags. */
static gboolean
compute_coverage (PalpStore           *self,
                  PalpPolicy          *policy,
                  const char          *today,
                  PalpCoverageStatus  *status,
                  GPtrArray           *flags,
                  GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) charges = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GListModel) authorisations = NULL;
  g_autoptr(GPtrArray) in_force = NULL;
  g_autofree char *year_first = NULL, *year_last = NULL;
  g_autofree char *soon = NULL, *latest_end = NULL, *exhausted = NULL;
  const char *first, *last;
  const char *starts = palp_policy_get_string (policy, "starts-on");
  const char *ends = palp_policy_get_string (policy, "ends-on");
  const char *prior_on = palp_policy_get_string (policy, "prior-on");
  gint64 client_id = palp_policy_get_int (policy, "client-id");
  gint64 limit = palp_policy_get_int (policy, "visit-limit");
  gint64 maximum = palp_policy_get_int (policy, "annual-max-cents");
  gint64 percent = palp_policy_get_int (policy, "plan-percent");
  gint64 visits = 0, paid = 0, n_active = 0, left_total = 0;
  gboolean prior_counts, referral_required, have_left = FALSE;
  PalpVisitCounting counting = PALP_VISIT_COUNT_PER_VISIT;
  GDate soon_date;

  palp_visit_counting_from_string (palp_policy_get_string (policy, "visit-counting"), &counting,
                                   NULL);
  if (!palp_benefit_year_range (today, (guint) palp_policy_get_int (policy, "benefit-year-start"),
                                &year_first, &year_last))
    return palp_store_invalid (error, _("Today is not a real date."));
  /* The benefit year, within the policy's own dates. */
  first = starts != NULL && strcmp (starts, year_first) > 0 ? starts : year_first;
  last = ends != NULL && strcmp (ends, year_last) < 0 ? ends : year_last;
  prior_counts = prior_on != NULL && strcmp (prior_on, year_first) >= 0
                 && strcmp (prior_on, year_last) <= 0;

  if (!year_visits (self, client_id, first, last, counting, &visits, charges, error))
    return FALSE;
  if (prior_counts)
    visits += palp_policy_get_int (policy, "prior-visits");

  g_object_set (status,
                "policy-id", palp_policy_get_int (policy, "id"),
                "payer-id", palp_policy_get_int (policy, "payer-id"),
                "payer-name", palp_policy_get_string (policy, "payer-name"),
                "payer-kind", palp_policy_get_string (policy, "payer-kind"),
                "priority", palp_policy_get_string (policy, "priority"),
                "year-first", year_first,
                "year-last", year_last,
                "visits-used", visits,
                NULL);
  if (limit > 0)
    {
      gint64 left = MAX (limit - visits, 0);

      g_object_set (status, "has-visit-limit", (gint64) 1, "visit-limit", limit,
                    "visits-left", left, NULL);
      if (flags != NULL && left == 0)
        g_ptr_array_add (flags, g_strdup_printf ("visit-limit-reached:%" G_GINT64_FORMAT, limit));
      else if (flags != NULL && left <= PALP_COVERAGE_VISITS_NEAR)
        g_ptr_array_add (flags, g_strdup_printf ("visit-limit-near:%" G_GINT64_FORMAT, left));
    }

  /* The plan's shares, visit by visit, from what it had paid elsewhere. */
  if (maximum > 0 || percent > 0)
    {
      gint64 prior = prior_counts ? palp_policy_get_int (policy, "prior-paid-cents") : 0;
      g_autofree PalpCoverageShare *shares = g_new0 (PalpCoverageShare, MAX (charges->len, 1));

      paid = prior + palp_coverage_apply_year ((const gint64 *) (gpointer) charges->data,
                                               charges->len, percent > 0 ? (guint) percent : 100,
                                               palp_policy_get_int (policy, "per-visit-cap-cents"),
                                               maximum > 0
                                                 ? palp_coverage_remaining (maximum, prior) : -1,
                                               shares);
      g_object_set (status, "paid-cents", paid, NULL);
    }
  if (maximum > 0)
    g_object_set (status, "has-annual-max", (gint64) 1, "annual-max-cents", maximum,
                  "dollars-left-cents", palp_coverage_remaining (maximum, paid), NULL);

  /* Authorisations in force today, the one ending first first. */
  if (!(authorisations = palp_store_list_authorisations (self, palp_policy_get_int (policy, "id"),
                                                         error)))
    return FALSE;
  in_force = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (authorisations); i++)
    {
      g_autoptr(PalpAuthorisation) a = g_list_model_get_item (authorisations, i);

      if (strcmp (today, palp_authorisation_get_string (a, "starts-on")) >= 0 &&
          strcmp (today, palp_authorisation_get_string (a, "ends-on")) <= 0)
        g_ptr_array_add (in_force, g_steal_pointer (&a));
    }
  g_ptr_array_sort (in_force, compare_ends);
  for (guint i = 0; i < in_force->len; i++)
    {
      PalpAuthorisation *a = g_ptr_array_index (in_force, i);
      gint64 left = MAX (palp_authorisation_get_int (a, "authorised")
                         - palp_authorisation_get_int (a, "used"), 0);

      if (n_active++ == 0)
        g_object_set (status,
                      "authorisation-number", palp_authorisation_get_string (a, "number"),
                      "authorisation-ends-on", palp_authorisation_get_string (a, "ends-on"),
                      "authorisation-unit", palp_authorisation_get_string (a, "unit"),
                      NULL);
      left_total += left;
      if (left > 0)
        {
          have_left = TRUE;
          g_free (latest_end);
          latest_end = g_strdup (palp_authorisation_get_string (a, "ends-on"));
        }
      else
        {
          g_free (exhausted);
          exhausted = g_strdup (palp_authorisation_get_string (a, "number"));
        }
    }
  g_object_set (status, "authorisations", n_active, "authorised-left", left_total, NULL);

  palp_date_parse_iso (today, &soon_date);
  g_date_add_days (&soon_date, PALP_COVERAGE_AUTHORISATION_DAYS);
  soon = palp_date_to_iso (&soon_date);
  /* Exhausted when nothing in force has anything left; expiring when what
   * has something left ends within the window. */
  if (flags != NULL && n_active > 0 && !have_left)
    g_ptr_array_add (flags, g_strconcat ("authorisation-exhausted:", exhausted, NULL));
  else if (flags != NULL && have_left && strcmp (latest_end, soon) <= 0)
    g_ptr_array_add (flags, g_strconcat ("authorisation-expiring:", latest_end, NULL));

  /* The payer's requirements, and the referral in force. */
  stmt = palp_store_prepare (self, "SELECT referral_required, preauth_required FROM payers"
                                   " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, palp_policy_get_int (policy, "payer-id"));
  referral_required = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
  g_object_set (status, "referral-required", (gint64) referral_required,
                "preauth-required", sqlite3_column_int64 (stmt, 1), NULL);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = palp_store_prepare (self, "SELECT expires_on FROM referrals WHERE client_id = ?1"
                                   " AND referred_on <= ?2"
                                   " AND (expires_on IS NULL OR expires_on >= ?2)"
                                   " ORDER BY expires_on IS NULL DESC, expires_on DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  palp_store_bind_text (stmt, 2, today);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_object_set (status, "referral-valid", (gint64) 1,
                  "referral-expires-on", (const char *) sqlite3_column_text (stmt, 0), NULL);
  return TRUE;
}

static GPtrArray *
coverage (PalpStore   *self,
          gint64       client_id,
          const char  *today,
          GPtrArray   *flags,
          GError     **error)
{
  g_autoptr(GListModel) policies = NULL;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *own_today = NULL;
  GDate date;

  if (today == NULL)
    today = own_today = palp_date_today_iso ();
  if (!palp_date_parse_iso (today, &date))
    {
      palp_store_invalid (error, _("Today is not a real date."));
      return NULL;
    }
  if (!(policies = palp_store_list_policies (self, client_id, FALSE, error)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(PalpPolicy) policy = g_list_model_get_item (policies, i);
      g_autoptr(PalpCoverageStatus) status = palp_coverage_status_new ();
      const char *starts = palp_policy_get_string (policy, "starts-on");
      const char *ends = palp_policy_get_string (policy, "ends-on");

      /* A policy that has ended or not begun covers nothing today. */
      if ((starts != NULL && strcmp (today, starts) < 0) ||
          (ends != NULL && strcmp (today, ends) > 0))
        continue;
      if (!compute_coverage (self, policy, today, status, flags, error))
        return NULL;
      g_ptr_array_add (statuses, g_steal_pointer (&status));
    }
  return g_steal_pointer (&statuses);
}

GListModel *
palp_store_get_coverage (PalpStore   *self,
                         gint64       client_id,
                         const char  *today,
                         GError     **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  GListStore *list;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(statuses = coverage (self, client_id, today, NULL, error)))
    return NULL;
  list = g_list_store_new (PALP_TYPE_COVERAGE_STATUS);
  for (guint i = 0; i < statuses->len; i++)
    g_list_store_append (list, g_ptr_array_index (statuses, i));
  return G_LIST_MODEL (list);
}

GStrv
palp_store_coverage_flags (PalpStore   *self,
                           gint64       client_id,
                           const char  *today,
                           GError     **error)
{
  g_autoptr(GPtrArray) flags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) statuses = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  statuses = coverage (self, client_id, today, flags, error);
  g_ptr_array_add (flags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&flags), FALSE);
}
