/* test-model.c: the model types' properties and rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-client.h"
#include "palp-clinic.h"
#include "palp-core-error.h"
#include "palp-licence.h"
#include "palp-user.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_client_properties (void)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autofree char *display = NULL;
  guint notified = 0;

  g_signal_connect (client, "notify::family-name", G_CALLBACK (count_notify), &notified);
  g_object_set (client, "given-name", "Harold", "preferred-name", "Hal",
                "family-name", "Brennan", "birth-date", "1958-11-02", NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (client, "family-name", "Brennan", NULL);
  g_assert_cmpuint (notified, ==, 1);   /* same value: no notification */
  g_object_set (client, "family-name", "Brennan-Ross", NULL);
  g_assert_cmpuint (notified, ==, 2);

  display = palp_client_dup_display_name (client);
  g_assert_cmpstr (display, ==, "Hal Brennan-Ross");
  g_assert_cmpint (palp_client_get_age (client, "2026-11-22"), ==, 68);

  /* Empty text is no value. */
  g_object_set (client, "email", "", NULL);
  g_assert_null (palp_client_get_email (client));

  palp_client_set_flags (client, (const char *[]) { "allergy:latex", NULL });
  g_assert_cmpstr (palp_client_get_flags (client)[0], ==, "allergy:latex");
  palp_client_set_flags (client, NULL);
  g_assert_null (palp_client_get_flags (client)[0]);
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_client_validate (void)
{
  g_autoptr(PalpClient) client = palp_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;

  g_assert_false (palp_client_validate (client, "2026-11-22", &field, &error));
  g_assert_error (error, PALP_CORE_ERROR, PALP_CORE_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "given-name");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  g_object_set (client, "given-name", "Leo", "family-name", "Park",
                "birth-date", "2031-01-01", NULL);
  g_assert_false (palp_client_validate (client, "2026-11-22", &field, &error));
  g_assert_cmpstr (field, ==, "birth-date");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  g_object_set (client, "birth-date", "2012-04-30", "email", "jin.park@", NULL);
  g_assert_false (palp_client_validate (client, "2026-11-22", &field, &error));
  g_assert_cmpstr (field, ==, "email");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  g_object_set (client, "email", "jin.park@example.com", "guardian-phone", "12", NULL);
  g_assert_false (palp_client_validate (client, "2026-11-22", &field, &error));
  g_assert_cmpstr (field, ==, "guardian-phone");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  g_object_set (client, "guardian-phone", "(206) 555-0110", "sex", "Q", NULL);
  g_assert_false (palp_client_validate (client, "2026-11-22", &field, &error));
  g_assert_cmpstr (field, ==, "sex");
  g_clear_error (&error);
  g_clear_pointer (&field, g_free);

  g_object_set (client, "sex", "M", NULL);
  g_assert_true (palp_client_validate (client, "2026-11-22", NULL, NULL));
}

static void
test_licence_current (void)
{
  g_autoptr(PalpLicence) licence = palp_licence_new ();

  g_object_set (licence, "issued", "2020-01-01", "expires", "2026-06-30", NULL);
  g_assert_true (palp_licence_is_current (licence, "2026-06-30"));
  g_assert_false (palp_licence_is_current (licence, "2026-07-01"));
  g_assert_false (palp_licence_is_current (licence, "2019-12-31"));
  g_object_set (licence, "expires", NULL, NULL);
  g_assert_true (palp_licence_is_current (licence, "2090-01-01"));
}

static void
test_user_roles (void)
{
  g_autoptr(PalpUser) user = palp_user_new ();

  g_assert_false (palp_user_is_admin (user));
  g_object_set (user, "roles", PALP_ROLE_ADMIN | PALP_ROLE_PRACTITIONER, NULL);
  g_assert_true (palp_user_is_admin (user));
  g_assert_true (palp_user_is_practitioner (user));
  g_object_set (user, "roles", PALP_ROLE_ADMIN, NULL);
  g_assert_false (palp_user_is_practitioner (user));
}

static void
test_clinic_defaults (void)
{
  g_autoptr(PalpClinic) clinic = palp_clinic_new ();

  g_assert_cmpstr (palp_clinic_get_country (clinic), ==, "US");
  g_assert_cmpstr (palp_clinic_get_paper_size (clinic), ==, "letter");
  g_object_set (clinic, "country", "CA", NULL);
  g_assert_cmpint (palp_clinic_get_country_enum (clinic), ==, PALP_COUNTRY_CA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/client/properties", test_client_properties);
  g_test_add_func ("/model/client/validate", test_client_validate);
  g_test_add_func ("/model/licence/current", test_licence_current);
  g_test_add_func ("/model/user/roles", test_user_roles);
  g_test_add_func ("/model/clinic/defaults", test_clinic_defaults);

  return g_test_run ();
}
