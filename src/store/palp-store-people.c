/* palp-store-people.c: the clinic profile, users, practitioners and licences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-receipt-number.h"
#include "palp-store-private.h"
#include "palp-validate.h"

static const char *clinic_string_props[] = {
  "name", "esthetic-name", "street", "city", "region", "postal-code", "phone", "email",
  "website", "country", "currency", "paper-size", "tax-id", "tax-numbers",
  "receipt-pattern",
};

static const char *practitioner_string_props[] = {
  "credentials", "profession", "association", "association-number", "npi",
};

/* Clinic */

PalpClinic *
palp_store_load_clinic (PalpStore  *self,
                        GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT is_demo, logo");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PalpClinic) clinic = palp_clinic_new ();
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *col = palp_store_column_for (clinic_string_props[i]);
      g_string_append_printf (sql, ", %s", col);
    }
  g_string_append (sql, " FROM clinic WHERE id = 1");

  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                     _("The clinic profile is missing from the database."));
      else
        palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }

  g_object_set (clinic, "is-demo", sqlite3_column_int (stmt, 0) != 0, NULL);
  if (sqlite3_column_type (stmt, 1) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) logo = g_bytes_new (sqlite3_column_blob (stmt, 1),
                                            sqlite3_column_bytes (stmt, 1));
      g_object_set (clinic, "logo", logo, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    g_object_set (clinic, clinic_string_props[i],
                  (const char *) sqlite3_column_text (stmt, (int) i + 2), NULL);
  return g_steal_pointer (&clinic);
}

gboolean
palp_store_save_clinic (PalpStore   *self,
                        PalpClinic  *clinic,
                        GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE clinic SET is_demo = ?1, logo = ?2");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) logo = NULL;
  gboolean is_demo;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_CLINIC (clinic), FALSE);

  {
    g_autofree char *pattern = NULL;
    g_autoptr(GError) local = NULL;

    g_object_get (clinic, "receipt-pattern", &pattern, NULL);
    if (pattern != NULL && !palp_receipt_pattern_validate (pattern, &local))
      {
        g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID, local->message);
        return FALSE;
      }
  }

  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *col = palp_store_column_for (clinic_string_props[i]);
      g_string_append_printf (sql, ", %s = ?%u", col, i + 3);
    }
  g_string_append (sql, " WHERE id = 1");

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, sql->str, error)))
    return palp_store_tx_end (self, FALSE, NULL);

  g_object_get (clinic, "is-demo", &is_demo, "logo", &logo, NULL);
  sqlite3_bind_int (stmt, 1, is_demo ? 1 : 0);
  if (logo != NULL)
    sqlite3_bind_blob (stmt, 2, g_bytes_get_data (logo, NULL), (int) g_bytes_get_size (logo),
                       SQLITE_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (clinic_string_props); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (clinic, clinic_string_props[i], &value, NULL);
      if (g_str_equal (clinic_string_props[i], "paper-size") && value == NULL)
        value = g_strdup ("letter");
      if (g_str_equal (clinic_string_props[i], "country") && value == NULL)
        value = g_strdup ("US");
      if (g_str_equal (clinic_string_props[i], "currency") && value == NULL)
        value = g_strdup ("USD");
      palp_store_bind_text (stmt, (int) i + 3, value);
    }
  rc = sqlite3_step (stmt);
  ok = rc == SQLITE_DONE || palp_store_set_db_error (error, palp_store_get_db (self), rc);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}

/* Users */

#define USER_COLUMNS \
  "u.id, u.login, u.display_name, u.roles, u.active, p.credentials, p.profession, " \
  "p.association, p.association_number, p.npi, p.signature"

static PalpUser *
user_from_stmt (sqlite3_stmt *stmt)
{
  PalpUser *user = palp_user_new ();

  g_object_set (user,
                "id", sqlite3_column_int64 (stmt, 0),
                "login", (const char *) sqlite3_column_text (stmt, 1),
                "display-name", (const char *) sqlite3_column_text (stmt, 2),
                "roles", (PalpRoles) sqlite3_column_int (stmt, 3),
                "active", sqlite3_column_int (stmt, 4) != 0,
                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (practitioner_string_props); i++)
    g_object_set (user, practitioner_string_props[i],
                  (const char *) sqlite3_column_text (stmt, (int) i + 5), NULL);
  if (sqlite3_column_type (stmt, 10) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) sig = g_bytes_new (sqlite3_column_blob (stmt, 10),
                                           sqlite3_column_bytes (stmt, 10));
      g_object_set (user, "signature", sig, NULL);
    }
  return user;
}

static GListModel *
list_users_where (PalpStore   *self,
                  const char  *where,
                  GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " USER_COLUMNS " FROM users u"
                                          " LEFT JOIN practitioners p ON p.user_id = u.id"
                                          " %s ORDER BY u.display_name COLLATE NOCASE, u.id",
                                          where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_USER);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = palp_store_prepare (self, sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpUser) user = user_from_stmt (stmt);
      g_list_store_append (store, user);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
palp_store_list_users (PalpStore  *self,
                       GError    **error)
{
  return list_users_where (self, "", error);
}

GListModel *
palp_store_list_practitioners (PalpStore  *self,
                               GError    **error)
{
  return list_users_where (self, "WHERE (u.roles & 1) != 0 AND u.active = 1", error);
}

static PalpUser *
find_user_by (PalpStore   *self,
              const char  *where,
              const char  *text,
              gint64       id,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " USER_COLUMNS " FROM users u"
                                          " LEFT JOIN practitioners p ON p.user_id = u.id"
                                          " WHERE %s", where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = palp_store_prepare (self, sql, error)))
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    palp_store_set_db_error (error, palp_store_get_db (self), rc);
  else
    g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                 _("There is no user “%s” in this clinic."),
                 text ? text : "?");
  return NULL;
}

PalpUser *
palp_store_find_user (PalpStore   *self,
                      const char  *id_or_login,
                      GError     **error)
{
  guint64 id;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_login != NULL, NULL);

  if (g_ascii_string_to_unsigned (id_or_login, 10, 1, G_MAXINT64, &id, NULL))
    {
      PalpUser *user = find_user_by (self, "u.id = ?1", NULL, (gint64) id, NULL);

      if (user != NULL)
        return user;
    }
  return find_user_by (self, "u.login = ?1", id_or_login, 0, error);
}

PalpUser *
palp_store_load_user (PalpStore  *self,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (PALP_IS_STORE (self), NULL);
  return find_user_by (self, "u.id = ?1", NULL, id, error);
}

gboolean
palp_store_save_user (PalpStore  *self,
                      PalpUser   *user,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) signature = NULL;
  gint64 id = palp_user_get_id (user);
  gint64 saved_actor = palp_store_get_actor (self);
  gboolean ok = FALSE;
  gboolean active;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_USER (user), FALSE);

  if (!palp_validate_login (palp_user_get_login (user), &local_error) ||
      !palp_validate_name (palp_user_get_display_name (user), TRUE, &local_error))
    {
      g_set_error_literal (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (!palp_store_tx_begin (self, error))
    return FALSE;

  /* A new clinic's first user is the actor of its own creation. */
  if (palp_store_get_actor (self) == 0 && id == 0)
    {
      g_autoptr(sqlite3_stmt) count = palp_store_prepare (self, "SELECT count(*), coalesce(max(id), 0) + 1"
                                                     " FROM users", error);

      if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
        goto out;
      if (sqlite3_column_int64 (count, 0) == 0)
        {
          id = sqlite3_column_int64 (count, 1);
          palp_store_set_actor (self, id);
        }
    }

  g_object_get (user, "active", &active, "signature", &signature, NULL);

  if (palp_user_get_id (user) == 0)
    stmt = palp_store_prepare (self, "INSERT INTO users (id, login, display_name, roles, active)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = palp_store_prepare (self, "UPDATE users SET login = ?2, display_name = ?3, roles = ?4,"
                          " active = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    goto out;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  palp_store_bind_text (stmt, 2, palp_user_get_login (user));
  palp_store_bind_text (stmt, 3, palp_user_get_display_name (user));
  sqlite3_bind_int (stmt, 4, (int) palp_user_get_roles (user));
  sqlite3_bind_int (stmt, 5, active ? 1 : 0);
  if (!palp_store_step_done (self, stmt, error))
    goto out;
  if (palp_user_get_id (user) != 0 && sqlite3_changes (palp_store_get_db (self)) == 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_NOT_FOUND,
                   _("This user no longer exists."));
      goto out;
    }
  if (id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));

  /* Practitioner details live beside the user, for everyone who has them. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = palp_store_prepare (self, "INSERT INTO practitioners (user_id, credentials, profession,"
                        " association, association_number, npi, signature)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        " ON CONFLICT (user_id) DO UPDATE SET credentials = excluded.credentials,"
                        " profession = excluded.profession, association = excluded.association,"
                        " association_number = excluded.association_number, npi = excluded.npi,"
                        " signature = excluded.signature"
                        " WHERE credentials IS NOT excluded.credentials"
                        " OR profession IS NOT excluded.profession"
                        " OR association IS NOT excluded.association"
                        " OR association_number IS NOT excluded.association_number"
                        " OR npi IS NOT excluded.npi OR signature IS NOT excluded.signature",
                  error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (practitioner_string_props); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (user, practitioner_string_props[i], &value, NULL);
      palp_store_bind_text (stmt, (int) i + 2, value);
    }
  if (signature != NULL)
    sqlite3_bind_blob (stmt, 7, g_bytes_get_data (signature, NULL),
                       (int) g_bytes_get_size (signature), SQLITE_TRANSIENT);
  if (!palp_store_step_done (self, stmt, error))
    goto out;
  ok = TRUE;

out:
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    {
      palp_store_set_actor (self, saved_actor);
      return FALSE;
    }
  g_object_set (user, "id", id, NULL);
  return TRUE;
}

/* Licences */

GListModel *
palp_store_list_licences (PalpStore  *self,
                          gint64      user_id,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (PALP_TYPE_LICENCE);
  int rc;

  g_return_val_if_fail (PALP_IS_STORE (self), NULL);

  if (!(stmt = palp_store_prepare (self, "SELECT id, user_id, kind, number, jurisdiction, endorsement,"
                              " issued, expires FROM licences WHERE user_id = ?1"
                              " ORDER BY kind DESC, expires DESC, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(PalpLicence) licence = palp_licence_new ();

      g_object_set (licence,
                    "id", sqlite3_column_int64 (stmt, 0),
                    "user-id", sqlite3_column_int64 (stmt, 1),
                    "kind", g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2),
                                       "endorsement") == 0 ? PALP_LICENCE_KIND_ENDORSEMENT
                                                           : PALP_LICENCE_KIND_LICENCE,
                    "number", (const char *) sqlite3_column_text (stmt, 3),
                    "jurisdiction", (const char *) sqlite3_column_text (stmt, 4),
                    "endorsement", (const char *) sqlite3_column_text (stmt, 5),
                    "issued", (const char *) sqlite3_column_text (stmt, 6),
                    "expires", (const char *) sqlite3_column_text (stmt, 7),
                    NULL);
      g_list_store_append (store, licence);
    }
  if (rc != SQLITE_DONE)
    {
      palp_store_set_db_error (error, palp_store_get_db (self), rc);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
palp_store_save_licence (PalpStore    *self,
                         PalpLicence  *licence,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL, *jurisdiction = NULL, *endorsement = NULL;
  g_autofree char *issued = NULL, *expires = NULL;
  PalpLicenceKind kind;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);
  g_return_val_if_fail (PALP_IS_LICENCE (licence), FALSE);

  g_object_get (licence, "kind", &kind, "number", &number, "jurisdiction", &jurisdiction,
                "endorsement", &endorsement, "issued", &issued, "expires", &expires, NULL);
  if ((issued != NULL && !palp_date_parse_iso (issued, NULL)) ||
      (expires != NULL && !palp_date_parse_iso (expires, NULL)))
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A licence's dates must be real dates."));
      return FALSE;
    }
  if (issued != NULL && expires != NULL && g_strcmp0 (issued, expires) > 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("A licence cannot expire before it was issued."));
      return FALSE;
    }
  if (kind == PALP_LICENCE_KIND_ENDORSEMENT && endorsement == NULL)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Say what the endorsement is for, such as intra-oral work."));
      return FALSE;
    }

  id = palp_licence_get_id (licence);
  if (!palp_store_tx_begin (self, error))
    return FALSE;
  stmt = palp_store_prepare (self, id == 0
                          ? "INSERT INTO licences (user_id, kind, number, jurisdiction,"
                            " endorsement, issued, expires, id) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                            " ?7, NULL)"
                          : "UPDATE licences SET user_id = ?1, kind = ?2, number = ?3,"
                            " jurisdiction = ?4, endorsement = ?5, issued = ?6, expires = ?7"
                            " WHERE id = ?8",
                  error);
  if (stmt == NULL)
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, palp_licence_get_user_id (licence));
  sqlite3_bind_text (stmt, 2, kind == PALP_LICENCE_KIND_ENDORSEMENT ? "endorsement" : "licence",
                     -1, SQLITE_STATIC);
  palp_store_bind_text (stmt, 3, number);
  palp_store_bind_text (stmt, 4, jurisdiction);
  palp_store_bind_text (stmt, 5, endorsement);
  palp_store_bind_text (stmt, 6, issued);
  palp_store_bind_text (stmt, 7, expires);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 8, id);
  ok = palp_store_step_done (self, stmt, error);
  if (ok && id == 0)
    id = sqlite3_last_insert_rowid (palp_store_get_db (self));
  if (!palp_store_tx_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_object_set (licence, "id", id, NULL);
  return TRUE;
}

gboolean
palp_store_delete_licence (PalpStore  *self,
                           gint64      licence_id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PALP_IS_STORE (self), FALSE);

  if (!palp_store_tx_begin (self, error))
    return FALSE;
  if (!(stmt = palp_store_prepare (self, "DELETE FROM licences WHERE id = ?1", error)))
    return palp_store_tx_end (self, FALSE, NULL);
  sqlite3_bind_int64 (stmt, 1, licence_id);
  ok = palp_store_step_done (self, stmt, error);
  return palp_store_tx_end (self, ok, ok ? error : NULL);
}
