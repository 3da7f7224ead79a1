/* palp-demo.c: the demo clinics and synthetic scale data
 *
 * The demo tells stories the product must handle: TMD, a head-and-neck
 * cancer survivor with trismus, orthognathic surgery, low-back pain on
 * auto insurance, wellness, a facial booking, a minor with a guardian and
 * a name with an accent. Later features add visits, plans, receipts and
 * claims to these same people, so their order and logins are stable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "palp-demo-private.h"
#include "palp-store-private.h"

typedef struct
{
  const char *login;
  const char *name;
  PalpRoles   roles;
  const char *credentials;
  const char *profession;
  const char *association;
  const char *association_number;
  const char *npi;
  const char *licence;          /* number; NULL for staff without one */
  const char *jurisdiction;
  const char *issued;
  const char *expires;
  const char *endorsement;      /* NULL: no endorsement */
  const char *endorsement_number;
  const char *endorsement_issued;
} DemoUser;

typedef struct
{
  const char *given;
  const char *family;
  const char *preferred;
  const char *birth;
  const char *sex;
  const char *pronouns;
  const char *mobile;
  const char *email;
  const char *street;
  const char *postal;
  const char *emergency_name;
  const char *emergency_phone;
  const char *guardian_name;
  const char *guardian_relationship;
  const char *notes;
} DemoClient;

/* Licences run well past any date the demo is opened on. */
static const DemoUser us_users[] = {
  { "maya", "Maya Okafor", PALP_ROLE_PRACTITIONER, "LMT", "Licensed massage therapist",
    "American Massage Therapy Association", "AMTA-448213", "1234567893",
    "MA60512345", "WA", "2015-06-01", "2035-06-01",
    "intra-oral", "MA60512345-IO", "2021-03-15" },
  { "jonah", "Jonah Lindqvist", PALP_ROLE_PRACTITIONER, "LMT", "Licensed massage therapist",
    "Associated Bodywork & Massage Professionals", "ABMP-771902", "1679576722",
    "MA61098765", "WA", "2019-09-10", "2035-09-10",
    NULL, NULL, NULL },
  { "rosa", "Rosa Delgado", PALP_ROLE_ADMIN, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

static const DemoUser ca_users[] = {
  { "amelie", "Amélie Tremblay", PALP_ROLE_PRACTITIONER, "RMT", "Registered massage therapist",
    "Registered Massage Therapists' Association of Ontario", "RMTAO-20931", NULL,
    "U4821", "ON", "2014-02-01", "2035-02-01",
    "intra-oral", "U4821-IO", "2020-11-02" },
  { "daniel", "Daniel Osei", PALP_ROLE_PRACTITIONER, "RMT", "Registered massage therapist",
    "Registered Massage Therapists' Association of Ontario", "RMTAO-31877", NULL,
    "V1906", "ON", "2018-05-20", "2035-05-20",
    NULL, NULL, NULL },
  { "priya", "Priya Raman", PALP_ROLE_ADMIN, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

static const DemoClient us_clients[] = {
  { "Grace", "Whitfield", NULL, "1984-03-17", "F", "she/her", "(206) 555-0143",
    "grace.whitfield@example.com", "1410 NE Ravenna Blvd", "98105",
    "Tom Whitfield", "(206) 555-0178", NULL, NULL,
    "Jaw pain and clicking on the left for two years (TMD); night guard from her dentist." },
  { "Harold", "Brennan", "Hal", "1958-11-02", "M", "he/him", "(206) 555-0119",
    "hal.brennan@example.org", "3021 Beacon Ave S", "98144",
    "Linda Brennan", "(206) 555-0120", NULL, NULL,
    "Tongue-base cancer treated with radiation in 2024; trismus, opening about 28 mm." },
  { "Priscilla", "Nguyen", NULL, "1997-07-29", "F", "she/her", "(425) 555-0166",
    "p.nguyen@example.com", "88 Lake St", "98033",
    "Anh Nguyen", "(425) 555-0167", NULL, NULL,
    "Orthognathic surgery (bimaxillary) in the spring; scar tissue and limited opening." },
  { "Marcus", "Reyes", NULL, "1976-01-08", "M", "he/him", "(206) 555-0182",
    "marcus.reyes@example.com", "5210 Rainier Ave S", "98118",
    "Elena Reyes", "(206) 555-0183", NULL, NULL,
    "Low-back pain radiating down the left leg after a rear-end collision; auto insurance." },
  { "Olivia", "Hart", NULL, "1990-05-21", "F", "she/her", "(206) 555-0131",
    "olivia.hart@example.org", "701 Pike St", "98101",
    NULL, NULL, NULL, NULL,
    "Monthly wellness massage, self-pay." },
  { "Sienna", "Castellano", NULL, "1988-09-14", "F", "she/her", "(206) 555-0157",
    "sienna.castellano@example.com", "2200 Westlake Ave N", "98109",
    NULL, NULL, NULL, NULL,
    "Books hydrating facials (esthetic, out of pocket)." },
  { "Leo", "Park", NULL, "2012-04-30", "M", "he/him", "(206) 555-0109",
    "jin.park@example.com", "4417 Fremont Ave N", "98103",
    "Jin Park", "(206) 555-0110", "Jin Park", "Mother",
    "Swimmer with neck and shoulder strain; his mother consents and attends." },
  { "Zoë", "Lefèvre", NULL, "1980-04-02", "F", "she/her", "(206) 555-0195",
    "zoe.lefevre@example.org", "1933 E Aloha St", "98112",
    "Benoît Lefèvre", "(206) 555-0196", NULL, NULL,
    "Tension headaches and neck stiffness from desk work." },
};

static const DemoClient ca_clients[] = {
  { "Grace", "Whitfield", NULL, "1984-03-17", "F", "she/her", "416-555-0143",
    "grace.whitfield@example.com", "212 Harbord St", "M5S 1H6",
    "Tom Whitfield", "416-555-0178", NULL, NULL,
    "Jaw pain and clicking on the left for two years (TMD); night guard from her dentist." },
  { "Harold", "Brennan", "Hal", "1958-11-02", "M", "he/him", "416-555-0119",
    "hal.brennan@example.org", "45 Coxwell Ave", "M4L 3A8",
    "Linda Brennan", "416-555-0120", NULL, NULL,
    "Tongue-base cancer treated with radiation in 2024; trismus, opening about 28 mm." },
  { "Priscilla", "Nguyen", NULL, "1997-07-29", "F", "she/her", "647-555-0166",
    "p.nguyen@example.com", "300 Spadina Ave", "M5T 2E7",
    "Anh Nguyen", "647-555-0167", NULL, NULL,
    "Orthognathic surgery (bimaxillary) in the spring; scar tissue and limited opening." },
  { "Marcus", "Reyes", NULL, "1976-01-08", "M", "he/him", "416-555-0182",
    "marcus.reyes@example.com", "1280 Danforth Ave", "M4J 1M6",
    "Elena Reyes", "416-555-0183", NULL, NULL,
    "Low-back pain radiating down the left leg after a collision; auto insurance." },
  { "Olivia", "Hart", NULL, "1990-05-21", "F", "she/her", "416-555-0131",
    "olivia.hart@example.org", "77 Queen St E", "M5C 1R8",
    NULL, NULL, NULL, NULL,
    "Monthly wellness massage; extended health plan." },
  { "Sienna", "Castellano", NULL, "1988-09-14", "F", "she/her", "416-555-0157",
    "sienna.castellano@example.com", "501 King St W", "M5V 1K4",
    NULL, NULL, NULL, NULL,
    "Books hydrating facials (esthetic, out of pocket)." },
  { "Leo", "Park", NULL, "2012-04-30", "M", "he/him", "416-555-0109",
    "jin.park@example.com", "890 Bloor St W", "M6G 1M2",
    "Jin Park", "416-555-0110", "Jin Park", "Mother",
    "Swimmer with neck and shoulder strain; his mother consents and attends." },
  { "Zoë", "Lefèvre", NULL, "1980-04-02", "F", "she/her", "514-555-0195",
    "zoe.lefevre@example.org", "33 Roncesvalles Ave", "M6R 2K4",
    "Benoît Lefèvre", "514-555-0196", NULL, NULL,
    "Tension headaches and neck stiffness from desk work." },
};

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A made-up signature: a flowing line whose loops follow the letters of
 * @name, so each practitioner's looks different (and is plainly not a
 * real person's). */
static GBytes *
demo_signature (const char *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 440, 120);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  double x = 20, y = 80;

  cairo_set_source_rgb (cr, 0.08, 0.10, 0.22);
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, x, y);
  for (const char *p = name; *p != '\0' && x < 400; p++)
    {
      int c = (guchar) *p;
      double rise = 20 + (c % 7) * 7;

      if (*p == ' ')
        {
          x += 18;
          cairo_move_to (cr, x, y);
          continue;
        }
      cairo_curve_to (cr, x + 4, y - rise, x + 14, y - rise, x + 12, y);
      cairo_curve_to (cr, x + 11, y + 6, x + 16, y + 4, x + 22, y - 2);
      x += 22;
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static gboolean
save_user (PalpStore       *store,
           const DemoUser  *u,
           GError         **error)
{
  g_autoptr(PalpUser) user = palp_user_new ();

  g_object_set (user,
                "login", u->login,
                "display-name", u->name,
                "roles", u->roles,
                "active", TRUE,
                "credentials", u->credentials,
                "profession", u->profession,
                "association", u->association,
                "association-number", u->association_number,
                "npi", u->npi,
                NULL);
  if (u->licence != NULL)
    {
      g_autoptr(GBytes) signature = demo_signature (u->name);
      g_object_set (user, "signature", signature, NULL);
    }
  if (!palp_store_save_user (store, user, error))
    return FALSE;

  /* The first user created becomes the actor of what follows. */
  if (palp_store_get_actor (store) == 0)
    palp_store_set_actor (store, palp_user_get_id (user));

  if (u->licence != NULL)
    {
      g_autoptr(PalpLicence) licence = palp_licence_new ();

      g_object_set (licence,
                    "user-id", palp_user_get_id (user),
                    "kind", PALP_LICENCE_KIND_LICENCE,
                    "number", u->licence,
                    "jurisdiction", u->jurisdiction,
                    "issued", u->issued,
                    "expires", u->expires,
                    NULL);
      if (!palp_store_save_licence (store, licence, error))
        return FALSE;
    }

  if (u->endorsement != NULL)
    {
      g_autoptr(PalpLicence) endorsement = palp_licence_new ();

      g_object_set (endorsement,
                    "user-id", palp_user_get_id (user),
                    "kind", PALP_LICENCE_KIND_ENDORSEMENT,
                    "number", u->endorsement_number,
                    "jurisdiction", u->jurisdiction,
                    "endorsement", u->endorsement,
                    "issued", u->endorsement_issued,
                    "expires", u->expires,
                    NULL);
      if (!palp_store_save_licence (store, endorsement, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *name;
  const char *category;
  int         minutes;
  int         us_cents;
  int         ca_cents;
  const char *cpt;       /* US clinics only; numbers, never the AMA's text */
  gboolean    timed;
} DemoService;

/* The starter catalogue, named by the clinic in its own words. */
static const DemoService demo_services[] = {
  { "Massage therapy 60 min", "therapeutic", 60, 12000, 11000, "97124", TRUE },
  { "Therapeutic facial / TMJ massage 30 min", "therapeutic", 30, 7000, 6500, "97140", TRUE },
  { "Intra-oral massage 30 min", "therapeutic", 30, 8000, 7500, "97140", TRUE },
  { "Esthetic facial 30 min", "esthetic", 30, 6000, 6000, NULL, FALSE },
  { "Hydrating facial 45 min", "esthetic", 45, 8500, 8500, NULL, FALSE },
  { "No-show fee", "other", 0, 5000, 5000, NULL, FALSE },
};

enum { SVC_MASSAGE, SVC_TMJ, SVC_INTRA_ORAL, SVC_FACIAL, SVC_HYDRATING, SVC_NO_SHOW };

/* How the demo's front desk settled each visit. */
typedef enum
{
  PAY_NONE,       /* booked: not yet */
  PAY_CARD,       /* receipted and paid in full by card at checkout */
  PAY_CASH,
  PAY_HSA,        /* paid with an HSA/FSA card (US) or by an insurer (CA) */
  PAY_PART,       /* $40 now, the rest owing */
  PAY_LATER,      /* receipted, paid by e-transfer a week later */
  PAY_REISSUE,    /* paid, then voided for a wrong name and reissued */
} DemoPay;

typedef struct
{
  guint        client;      /* index in the clients table */
  guint        therapist;   /* 0 or 1: the two practitioners */
  int          days_ago;    /* 0: today */
  int          hour;
  const char  *status;
  int          services[2]; /* -1: none */
  DemoPay      pay;
} DemoVisit;

/* Each client's course, oldest first: the clinical story
 * (palp-demo-clinical.c) documents these same visits. */
static const DemoVisit demo_visits[] = {
  /* Grace Whitfield, TMD: weekly, then every two weeks; intra-oral work
   * from the third visit. */
  { 0, 0, 56, 9, "attended", { SVC_TMJ, -1 }, PAY_HSA },
  { 0, 0, 49, 9, "attended", { SVC_TMJ, -1 }, PAY_HSA },
  { 0, 0, 42, 9, "attended", { SVC_INTRA_ORAL, -1 }, PAY_HSA },
  { 0, 0, 35, 9, "attended", { SVC_INTRA_ORAL, -1 }, PAY_HSA },
  { 0, 0, 28, 9, "attended", { SVC_INTRA_ORAL, -1 }, PAY_HSA },
  { 0, 0, 21, 9, "attended", { SVC_TMJ, -1 }, PAY_HSA },
  { 0, 0, 14, 9, "attended", { SVC_TMJ, SVC_FACIAL }, PAY_CARD },
  { 0, 0, 7, 9, "attended", { SVC_INTRA_ORAL, -1 }, PAY_HSA },
  /* Hal Brennan, trismus: weekly intra-oral work. */
  { 1, 0, 56, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 1, 0, 49, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 1, 0, 42, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 1, 0, 35, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_REISSUE },
  { 1, 0, 28, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 1, 0, 21, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 1, 0, 14, 11, "attended", { SVC_INTRA_ORAL, -1 }, PAY_CARD },
  { 2, 0, 30, 14, "attended", { SVC_TMJ, -1 }, PAY_CARD },
  /* Marcus Reyes, after a collision: weekly. */
  { 3, 1, 47, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 3, 1, 40, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 3, 1, 33, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 3, 1, 26, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 3, 1, 19, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 3, 1, 12, 10, "attended", { SVC_MASSAGE, -1 }, PAY_PART },
  { 3, 1, 5, 10, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 4, 1, 20, 16, "no-show", { SVC_NO_SHOW, -1 }, PAY_LATER },
  { 4, 1, 13, 16, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  { 5, 1, 9, 15, "attended", { SVC_HYDRATING, -1 }, PAY_CARD },
  /* Leo Park, a minor, with his mother. */
  { 6, 1, 32, 17, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 6, 1, 25, 17, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 6, 1, 18, 17, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  { 6, 1, 11, 17, "attended", { SVC_MASSAGE, -1 }, PAY_CARD },
  /* Zoë Lefèvre, tension headaches. */
  { 7, 0, 30, 13, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  { 7, 0, 23, 13, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  { 7, 0, 16, 13, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  { 7, 0, 9, 13, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  { 7, 0, 2, 13, "attended", { SVC_MASSAGE, -1 }, PAY_CASH },
  /* Today: the front desk checks out a combined session. */
  { 0, 0, 0, 9, "booked", { SVC_TMJ, SVC_FACIAL }, PAY_NONE },
  { 3, 1, 0, 10, "booked", { SVC_MASSAGE, -1 }, PAY_NONE },
  { 7, 0, 0, 14, "booked", { SVC_MASSAGE, -1 }, PAY_NONE },
};

static gint
compare_days_ago (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const DemoVisit *x = &demo_visits[*(const guint *) a];
  const DemoVisit *y = &demo_visits[*(const guint *) b];

  if (x->days_ago != y->days_ago)
    return y->days_ago - x->days_ago;
  return x->hour - y->hour;
}

/* Receipts and payments for one past visit, at the time the front desk
 * would have issued them: as the visit ends. */
static gboolean
settle_visit (PalpStore              *store,
              const DemoVisit        *d,
              gint64                  visit_id,
              GDateTime              *ends,
              PalpCountry             country,
              PalpReceiptRenderFunc   render,
              GError                **error)
{
  g_autoptr(GListModel) receipts = NULL;
  g_autoptr(PalpReceipt) first = NULL;
  g_autoptr(GDateTime) later = NULL;
  PalpCheckoutPayment payment = { "card", 0, NULL, TRUE };

  if (d->pay == PAY_NONE)
    return TRUE;

  /* Paid at checkout, in the same transaction: the receipt shows it. */
  switch (d->pay)
    {
    case PAY_CASH:
      payment.method = "cash";
      break;
    case PAY_HSA:
      payment.method = country == PALP_COUNTRY_US ? "hsa-fsa" : "insurance";
      break;
    case PAY_PART:
      payment.method = "cash";
      payment.amount_cents = 4000;
      payment.in_full = FALSE;
      break;
    case PAY_NONE: case PAY_CARD: case PAY_LATER: case PAY_REISSUE: default:
      break;
    }
  receipts = palp_store_issue_receipts_at (store, &visit_id, 1,
                                           d->pay == PAY_LATER ? NULL : &payment, 0, render,
                                           NULL, ends, error);
  if (receipts == NULL)
    return FALSE;

  later = g_date_time_add_days (ends, 7);
  if (d->pay == PAY_LATER)
    {
      g_autoptr(PalpReceipt) r = g_list_model_get_item (receipts, 0);
      g_autoptr(PalpPayment) p = palp_payment_new ();

      g_object_set (p, "receipt-id", palp_receipt_get_int (r, "id"), "method", "e-transfer",
                    "amount-cents", palp_receipt_get_int (r, "total-cents"),
                    "reference", "ET-20417", NULL);
      return palp_store_record_payment_at (store, p, later, error);
    }
  if (d->pay == PAY_REISSUE)
    {
      g_autoptr(GDateTime) fixed = g_date_time_add_hours (ends, 2);
      g_autoptr(GListModel) again = NULL;

      first = g_list_model_get_item (receipts, 0);
      if (!palp_store_void_receipt_at (store, palp_receipt_get_string (first, "number"),
                                       "Client's name was misspelled; reissued.", fixed, error))
        return FALSE;
      again = palp_store_issue_receipts_at (store, &visit_id, 1, NULL,
                                            palp_receipt_get_int (first, "id"), render, NULL,
                                            fixed, error);
      return again != NULL;
    }
  return TRUE;
}

static gboolean
populate_visits (PalpStore              *store,
                 PalpCountry             country,
                 const DemoUser         *users,
                 PalpReceiptRenderFunc   render,
                 GError                **error)
{
  g_autoptr(PalpUser) admin = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  gint64 service_ids[G_N_ELEMENTS (demo_services)];
  gint64 therapists[2];
  gint64 actor = palp_store_get_actor (store);
  g_autoptr(GArray) settle = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *visit_ids = g_new0 (gint64, G_N_ELEMENTS (demo_visits));
  gboolean ok = TRUE;

  /* The front desk keeps the catalogue, confirms combined sessions and
   * settles the visits. */
  if (!(admin = palp_store_find_user (store, users[2].login, error)))
    return FALSE;
  palp_store_set_actor (store, palp_user_get_id (admin));

  for (guint i = 0; i < G_N_ELEMENTS (demo_services); i++)
    {
      g_autoptr(PalpService) service = palp_service_new ();
      const DemoService *d = &demo_services[i];

      g_object_set (service,
                    "name", d->name,
                    "category", d->category,
                    "duration-minutes", (gint64) d->minutes,
                    "fee-cents", (gint64) (country == PALP_COUNTRY_CA ? d->ca_cents
                                                                      : d->us_cents),
                    "cpt-code", country == PALP_COUNTRY_US ? d->cpt : NULL,
                    "timed", (gint64) (country == PALP_COUNTRY_US && d->timed),
                    "active", (gint64) 1,
                    NULL);
      if (!palp_store_save_service (store, service, error))
        return FALSE;
      service_ids[i] = palp_service_get_int (service, "id");
      /* Ontario: massage therapy by an RMT is exempt from HST; cosmetic
       * work is not. */
      if (country == PALP_COUNTRY_CA && g_str_equal (d->category, "esthetic"))
        {
          g_autoptr(GPtrArray) taxes =
            g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);

          g_ptr_array_add (taxes, palp_tax_component_new ("HST", 130000, "81234 5678 RT0001"));
          if (!palp_store_set_service_taxes (store, service_ids[i], taxes, error))
            return FALSE;
        }
    }

  /* The users tables list the endorsed therapist, the other, the admin. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PalpUser) u = palp_store_find_user (store, users[i].login, error);

      if (u == NULL)
        return FALSE;
      therapists[i] = palp_user_get_id (u);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_visits); i++)
    {
      const DemoVisit *d = &demo_visits[i];
      g_autoptr(PalpVisit) visit = palp_visit_new ();
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -d->days_ago);
      g_autoptr(GDateTime) start = g_date_time_add_hours (day, d->hour);
      g_autofree char *starts = g_date_time_format (start, "%Y-%m-%d %H:%M");
      int minutes = 0;

      for (guint s = 0; s < 2; s++)
        if (d->services[s] >= 0)
          minutes += demo_services[d->services[s]].minutes;

      /* Client ids follow the clients table's order: they are created
       * first, one by one, in an empty clinic. */
      g_object_set (visit,
                    "client-id", (gint64) d->client + 1,
                    "practitioner-id", therapists[d->therapist],
                    "starts-at", starts,
                    "duration-minutes", (gint64) MAX (minutes, 30),
                    "status", d->status,
                    NULL);
      if (!palp_store_save_visit (store, visit, error))
        return FALSE;
      for (guint s = 0; s < 2; s++)
        if (d->services[s] >= 0 &&
            palp_store_add_visit_line (store, palp_visit_get_int (visit, "id"),
                                       service_ids[d->services[s]], 0, error) == 0)
          return FALSE;
      /* A combined session is confirmed once. */
      visit_ids[i] = palp_visit_get_int (visit, "id");
      if (d->services[1] >= 0 && d->pay != PAY_NONE &&
          !palp_store_confirm_mixed_visit (store, visit_ids[i], error))
        return FALSE;
      g_array_append_val (settle, i);
    }

  /* Receipts are numbered in the order they were issued: oldest first. */
  g_array_sort_with_data (settle, compare_days_ago, NULL);
  for (guint k = 0; ok && render != NULL && k < settle->len; k++)
    {
      guint i = g_array_index (settle, guint, k);
      const DemoVisit *d = &demo_visits[i];
      g_autoptr(GDateTime) day = g_date_time_add_days (today, -d->days_ago);
      g_autoptr(GDateTime) start = g_date_time_add_hours (day, d->hour);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (start, 60);

      ok = settle_visit (store, d, visit_ids[i], ends, country, render, error);
    }
  if (ok)
    {
      g_autofree PalpDemoVisitRef *refs = g_new0 (PalpDemoVisitRef, G_N_ELEMENTS (demo_visits));

      for (guint i = 0; i < G_N_ELEMENTS (demo_visits); i++)
        refs[i] = (PalpDemoVisitRef) { demo_visits[i].client, demo_visits[i].days_ago,
                                       demo_visits[i].hour, visit_ids[i],
                                       therapists[demo_visits[i].therapist] };
      ok = palp_demo_populate_clinical (store, country, today, refs, G_N_ELEMENTS (demo_visits),
                                        therapists, palp_user_get_id (admin), error);
      ok = ok && palp_demo_populate_insurance (store, country, today, refs,
                                               G_N_ELEMENTS (demo_visits),
                                               palp_user_get_id (admin), error);
    }
  palp_store_set_actor (store, actor);
  return ok;
}

static gboolean
save_client (PalpStore         *store,
             const DemoClient  *c,
             const char        *city,
             const char        *region,
             GError           **error)
{
  g_autoptr(PalpClient) client = palp_client_new ();

  g_object_set (client,
                "given-name", c->given,
                "family-name", c->family,
                "preferred-name", c->preferred,
                "birth-date", c->birth,
                "sex", c->sex,
                "pronouns", c->pronouns,
                "mobile-phone", c->mobile,
                "email", c->email,
                "street", c->street,
                "city", city,
                "region", region,
                "postal-code", c->postal,
                "emergency-name", c->emergency_name,
                "emergency-phone", c->emergency_phone,
                "guardian-name", c->guardian_name,
                "guardian-relationship", c->guardian_relationship,
                "guardian-phone", c->guardian_name != NULL ? c->mobile : NULL,
                "notes", c->notes,
                NULL);
  return palp_store_save_client (store, client, error);
}

gboolean
palp_demo_populate (PalpStore              *store,
                    PalpCountry             country,
                    PalpReceiptRenderFunc   render,
                    GError                **error)
{
  g_autoptr(PalpClinic) clinic = NULL;
  const DemoUser *users;
  const DemoClient *clients;
  gsize n_users, n_clients;
  const char *city, *region;

  g_return_val_if_fail (PALP_IS_STORE (store), FALSE);

  if (country == PALP_COUNTRY_CA)
    {
      users = ca_users, n_users = G_N_ELEMENTS (ca_users);
      clients = ca_clients, n_clients = G_N_ELEMENTS (ca_clients);
      city = "Toronto", region = "ON";
    }
  else
    {
      users = us_users, n_users = G_N_ELEMENTS (us_users);
      clients = us_clients, n_clients = G_N_ELEMENTS (us_clients);
      city = "Seattle", region = "WA";
    }

  if (!palp_store_begin (store, error))
    return FALSE;

  for (gsize i = 0; i < n_users; i++)
    if (!save_user (store, &users[i], error))
      goto fail;

  if (!(clinic = palp_store_load_clinic (store, error)))
    goto fail;

  /* The legal names mention massage therapy on purpose: non-therapeutic
   * paper must then carry the esthetic trade name instead. */
  if (country == PALP_COUNTRY_CA)
    g_object_set (clinic,
                  "name", "Harbord Street Massage Therapy Clinic",
                  "esthetic-name", "Harbord Street Skin Studio",
                  "street", "214 Harbord St",
                  "postal-code", "M5S 1H6",
                  "phone", "416-555-0100",
                  "email", "frontdesk@harbordstreetclinic.example",
                  "website", "https://harbordstreetclinic.example",
                  "currency", "CAD",
                  "paper-size", "letter",
                  "tax-numbers", "HST 81234 5678 RT0001",
                  NULL);
  else
    g_object_set (clinic,
                  "name", "Cedar Hollow Massage Therapy",
                  "esthetic-name", "Cedar Hollow Skin Studio",
                  "street", "1520 NE 45th St, Suite 210",
                  "postal-code", "98105",
                  "phone", "(206) 555-0100",
                  "email", "frontdesk@cedarhollow.example",
                  "website", "https://cedarhollow.example",
                  "currency", "USD",
                  "paper-size", "letter",
                  "tax-id", "91-1234567",
                  NULL);
  g_object_set (clinic,
                "country", palp_country_to_code (country),
                "city", city,
                "region", region,
                "is-demo", TRUE,
                NULL);
  if (!palp_store_save_clinic (store, clinic, error))
    goto fail;

  for (gsize i = 0; i < n_clients; i++)
    if (!save_client (store, &clients[i], city, region, error))
      goto fail;

  if (!populate_visits (store, country, users, render, error))
    goto fail;

  return palp_store_commit (store, error);

fail:
  palp_store_rollback (store);
  return FALSE;
}

/* Name parts for scale data: varied, some with accents, so searches touch
 * realistic token distributions. */
static const char *given_names[] = {
  "Ava", "Liam", "Noah", "Emma", "Olivia", "Lucas", "Mia", "Ethan", "Chloé", "Zoë",
  "Mateo", "Aaliyah", "Hiroshi", "Fatima", "Siobhán", "Björn", "Amara", "Kai", "Léa",
  "Santiago", "Priya", "Omar", "Ingrid", "Thandiwe", "Mei", "Rafael", "Nora", "Jonas",
  "Camila", "Elif", "Dmitri", "Aroha", "Kofi", "Sofía", "Hamza", "Yuki", "Anaïs", "Ravi",
};
static const char *family_names[] = {
  "Smith", "Nguyen", "García", "Okafor", "Lefèvre", "Müller", "Kowalski", "Haddad",
  "O'Brien", "Tanaka", "Rossi", "Johansson", "Patel", "Kim", "Dubois", "Silva", "Cohen",
  "Mbeki", "Novak", "Fernández", "Larsen", "Chen", "Ivanova", "Brennan", "Moreau",
  "Andersen", "Hoang", "Costa", "Whitfield", "Abara", "Schäfer", "Yılmaz", "Reyes",
  "Lindqvist", "Castellano", "Park", "Nakamura", "Côté", "Ó Súilleabháin", "Osei",
};

gboolean
palp_demo_generate_scale (PalpStore    *store,
                          guint         n_clients,
                          guint         n_visits,
                          guint32       seed,
                          GError      **error)
{
  g_autoptr(GRand) rand = NULL;

  g_return_val_if_fail (PALP_IS_STORE (store), FALSE);

  if (n_visits > 0)
    {
      g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_INVALID,
                   _("Synthetic visits cannot be generated yet: this version has no visits."));
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);

  if (!palp_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(PalpClient) client = palp_client_new ();
      const char *given = given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))];
      const char *family = family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))];
      int year = g_rand_int_range (rand, 1935, 2020);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      g_autofree char *birth = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_autofree char *phone = g_strdup_printf ("(%03d) 555-%04d",
                                                g_rand_int_range (rand, 201, 990),
                                                g_rand_int_range (rand, 0, 10000));
      g_autofree char *folded = g_utf8_normalize (given, -1, G_NORMALIZE_NFD);
      g_autofree char *email = NULL;
      GString *ascii = g_string_new (NULL);

      /* A plausible ASCII local part: strip the marks NFD split off. */
      for (const char *p = folded; *p; p++)
        if (g_ascii_isalpha (*p))
          g_string_append_c (ascii, g_ascii_tolower (*p));
      email = g_strdup_printf ("%s.%u@example.com", ascii->str, i + 1);
      g_string_free (ascii, TRUE);

      g_object_set (client,
                    "given-name", given,
                    "family-name", family,
                    "birth-date", birth,
                    "sex", g_rand_boolean (rand) ? "F" : "M",
                    "mobile-phone", phone,
                    "email", email,
                    NULL);
      if (!palp_store_save_client (store, client, error))
        {
          palp_store_rollback (store);
          return FALSE;
        }
    }

  return palp_store_commit (store, error);
}

static gboolean
store_is_empty (PalpStore  *store,
                gboolean   *out_empty,
                GError    **error)
{
  g_autoptr(GListModel) users = NULL;
  gint64 n_clients;

  if (!(users = palp_store_list_users (store, error)))
    return FALSE;
  n_clients = palp_store_count_clients (store, error);
  if (n_clients < 0)
    return FALSE;
  *out_empty = g_list_model_get_n_items (users) == 0 && n_clients == 0;
  return TRUE;
}

PalpStore *
palp_demo_open (const char              *path,
                PalpCountry              country,
                PalpReceiptRenderFunc    render,
                char                   **out_path,
                GError                 **error)
{
  g_autoptr(PalpStore) store = NULL;
  g_autoptr(PalpClinic) clinic = NULL;
  g_autofree char *db_path = NULL;
  gboolean empty = FALSE;
  GStatBuf st;

  if (path != NULL)
    db_path = g_strdup (path);
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("palpate-demo-XXXXXX", error);

      if (dir == NULL)
        return NULL;
      db_path = g_build_filename (dir, "clinic.db", NULL);
    }

  /* Look before writing: a real clinic is refused without being opened
   * for writing at all. */
  if (g_stat (db_path, &st) == 0 && st.st_size > 0)
    {
      g_autoptr(PalpStore) peek = palp_store_open (db_path, PALP_STORE_OPEN_READ_ONLY, error);

      if (peek == NULL)
        return NULL;
      if (!store_is_empty (peek, &empty, error))
        return NULL;
      if (!empty)
        {
          if (!(clinic = palp_store_load_clinic (peek, error)))
            return NULL;
          if (!palp_clinic_get_is_demo (clinic))
            {
              g_set_error (error, PALP_STORE_ERROR, PALP_STORE_ERROR_CONSTRAINT,
                           _("“%s” holds a real clinic: the demo is never written into it. "
                             "Choose another file, or leave out --database to use a "
                             "temporary one."),
                           db_path);
              return NULL;
            }
        }
    }
  else
    empty = TRUE;

  if (!(store = palp_store_open (db_path, PALP_STORE_OPEN_CREATE, error)))
    return NULL;

  if (empty && !palp_demo_populate (store, country, render, error))
    return NULL;

  /* Reopened demos act as their first practitioner until someone signs in. */
  if (palp_store_get_actor (store) == 0)
    {
      g_autoptr(GListModel) users = palp_store_list_users (store, error);
      g_autoptr(PalpUser) first = NULL;

      if (users == NULL)
        return NULL;
      if ((first = g_list_model_get_item (users, 0)) != NULL)
        palp_store_set_actor (store, palp_user_get_id (first));
    }

  if (out_path != NULL)
    *out_path = g_steal_pointer (&db_path);
  return g_steal_pointer (&store);
}
