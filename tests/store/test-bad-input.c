/* test-bad-input.c: what people should not type, through the validation
 * the forms use
 *
 * One table of bad inputs — empty, whitespace, a megabyte, control
 * characters, right-to-left and emoji where they cannot belong, quotes and
 * SQL, 30 February, negative and absurd amounts, dates far in the future —
 * each put into one field of an otherwise valid record and saved through
 * the store, as the client editor, the service editor, the visit editor,
 * checkout, the Health tab, the plan and the note do. Each must be refused
 * with a short, readable message, and leave every row of the database as
 * it was (a digest of every table, audit log included, before and after).
 * The untouched records themselves save (/bad-input/valid/...): it is the
 * bad value that is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>

#include "palp-date.h"
#include "palp-demo.h"
#include "palp-doc-receipt.h"
#include "palp-money.h"
#include "palp-store-private.h"

typedef enum
{
  FORM_CLIENT,
  FORM_SERVICE,
  FORM_VISIT,
  FORM_PAYMENT,
  FORM_VOID,
  FORM_HISTORY,
  FORM_SCREENING,
  FORM_DIAGNOSIS,
  FORM_REFERRAL,
  FORM_PLAN,
  FORM_GOAL,
  FORM_CONSENT,
  FORM_NOTE,
  FORM_AMENDMENT,
  FORM_OVERRIDE,
  FORM_AMOUNT,
  N_FORMS
} Form;

static const char *form_names[] = {
  "client", "service", "visit", "payment", "void", "history", "screening", "diagnosis",
  "referral", "plan", "goal", "consent", "note", "amendment", "override", "amount",
};

/* Stand-ins for values a C string table cannot hold directly. */
#define BIG "@big"          /* a megabyte of text */
#define BIG_EMOJI "@bigemoji"  /* a megabyte of emoji */

typedef struct
{
  Form        form;
  const char *prop;   /* a property of the form's record ("finding." for
                       * the screening's finding); for void, amendment and
                       * override the argument named */
  const char *value;  /* text, or a whole number for gint64 properties */
  const char *prop2;  /* optional second change, for combinations */
  const char *value2;
} BadInput;

#define RTL_OVERRIDE "\xe2\x80\xae"  /* U+202E */
#define ARABIC_DIGITS "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7\xd9\xa8\xd9\xa9"
#define HEBREW "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"
#define EMOJI "\xf0\x9f\x98\x80"
#define SQL "'; DROP TABLE clients; --"

static const BadInput inputs[] = {
  /* The client editor (palp_client_validate, then the store). */
  { FORM_CLIENT, "given-name", "" },
  { FORM_CLIENT, "given-name", "   " },
  { FORM_CLIENT, "given-name", "\t\n " },
  { FORM_CLIENT, "given-name", BIG },
  { FORM_CLIENT, "given-name", BIG_EMOJI },
  { FORM_CLIENT, "given-name", "Ann\x01" "e" },
  { FORM_CLIENT, "given-name", "Ann\nMarie" },
  { FORM_CLIENT, "given-name", "Ann\x1b[31mRed" },
  { FORM_CLIENT, "family-name", "" },
  { FORM_CLIENT, "family-name", BIG },
  { FORM_CLIENT, "family-name", "O'Brien\x7f" },
  { FORM_CLIENT, "family-name", HEBREW "\r" },
  { FORM_CLIENT, "middle-name", BIG },
  { FORM_CLIENT, "preferred-name", "Bo\x08" "b" },
  { FORM_CLIENT, "birth-date", "2026-02-30" },
  { FORM_CLIENT, "birth-date", "2025-02-29" },
  { FORM_CLIENT, "birth-date", "2026-13-01" },
  { FORM_CLIENT, "birth-date", "9999-12-31" },
  { FORM_CLIENT, "birth-date", "1800-01-01" },
  { FORM_CLIENT, "birth-date", "yesterday" },
  { FORM_CLIENT, "birth-date", SQL },
  { FORM_CLIENT, "birth-date", EMOJI },
  { FORM_CLIENT, "birth-date", RTL_OVERRIDE "1980-04-02" },
  { FORM_CLIENT, "mobile-phone", "555" },
  { FORM_CLIENT, "mobile-phone", EMOJI EMOJI EMOJI EMOJI EMOJI EMOJI EMOJI },
  { FORM_CLIENT, "mobile-phone", ARABIC_DIGITS },
  { FORM_CLIENT, "mobile-phone", SQL },
  { FORM_CLIENT, "mobile-phone", "1234567890123456789" },
  { FORM_CLIENT, "home-phone", BIG },
  { FORM_CLIENT, "email", "no-at-sign" },
  { FORM_CLIENT, "email", "a@b" },
  { FORM_CLIENT, "email", "a b@example.com" },
  { FORM_CLIENT, "email", "\"x\"@example.com" },
  { FORM_CLIENT, "email", "x@example.com\x01" },
  { FORM_CLIENT, "email", BIG },
  { FORM_CLIENT, "notes", "Neck\x01" },
  { FORM_CLIENT, "notes", BIG },

  /* The service editor. */
  { FORM_SERVICE, "name", "" },
  { FORM_SERVICE, "name", "   " },
  { FORM_SERVICE, "name", BIG },
  { FORM_SERVICE, "name", "Massage\x07" },
  { FORM_SERVICE, "cpt-code", "9712" },
  { FORM_SERVICE, "cpt-code", "ABCDE" },
  { FORM_SERVICE, "cpt-code", "97124'; --" },
  { FORM_SERVICE, "cpt-code", "\xd9\xa9\xd9\xa7\xd9\xa1\xd9\xa2\xd9\xa4" },
  { FORM_SERVICE, "fee-cents", "100000001" },
  { FORM_SERVICE, "fee-cents", "9223372036854775807" },
  { FORM_SERVICE, "duration-minutes", "100000" },
  { FORM_SERVICE, "category", "" },
  { FORM_SERVICE, "category", "massage" },
  { FORM_SERVICE, "category", "therapeutic' OR '1'='1" },
  { FORM_SERVICE, "category", "esthetic", "cpt-code", "97124" },
  { FORM_SERVICE, "category", "esthetic", "timed", "1" },

  /* The visit editor. */
  { FORM_VISIT, "starts-at", "" },
  { FORM_VISIT, "starts-at", "2026-02-30 10:00" },
  { FORM_VISIT, "starts-at", "2026-11-20 25:00" },
  { FORM_VISIT, "starts-at", "9999-12-31 10:00" },
  { FORM_VISIT, "starts-at", "tomorrow" },
  { FORM_VISIT, "starts-at", "2026-11-20 10:00" SQL },
  { FORM_VISIT, "duration-minutes", "0" },
  { FORM_VISIT, "duration-minutes", "100000" },
  { FORM_VISIT, "status", "booked'; DELETE FROM visits; --" },
  { FORM_VISIT, "status", "done" },
  { FORM_VISIT, "status", "attended\n" },
  { FORM_VISIT, "client-id", "999999" },
  { FORM_VISIT, "practitioner-id", "999999" },

  /* Checkout's payment. */
  { FORM_PAYMENT, "amount-cents", "0" },
  { FORM_PAYMENT, "amount-cents", "100000001" },
  { FORM_PAYMENT, "amount-cents", "9223372036854775807" },
  { FORM_PAYMENT, "method", "" },
  { FORM_PAYMENT, "method", "bitcoin" },
  { FORM_PAYMENT, "method", "cash'; --" },
  { FORM_PAYMENT, "kind", "gift" },
  { FORM_PAYMENT, "reference", BIG },
  { FORM_PAYMENT, "reference", "AUTH\x01" },
  { FORM_PAYMENT, "note", BIG },
  { FORM_PAYMENT, "client-id", "999999" },
  { FORM_PAYMENT, "receipt-id", "999999" },
  { FORM_PAYMENT, "kind", "refund", "amount-cents", "100000000" },

  /* Voiding a receipt. */
  { FORM_VOID, "reason", "" },
  { FORM_VOID, "reason", "   " },
  { FORM_VOID, "reason", BIG },
  { FORM_VOID, "reason", "Typo\x01\x02" },
  { FORM_VOID, "number", "T-2026-999999" },
  { FORM_VOID, "number", "'; DROP TABLE receipts; --" },
  { FORM_VOID, "number", "" },

  /* The Health tab: history, screening. */
  { FORM_HISTORY, "taken-on", "" },
  { FORM_HISTORY, "taken-on", "2026-02-30" },
  { FORM_HISTORY, "taken-on", "9999-12-31" },
  { FORM_HISTORY, "taken-on", "soon" },
  { FORM_HISTORY, "answers", "{not json" },
  { FORM_HISTORY, "answers", SQL },
  { FORM_HISTORY, "allergies", BIG },
  { FORM_HISTORY, "allergies", "Latex\x01" },
  { FORM_SCREENING, "taken-on", "" },
  { FORM_SCREENING, "taken-on", "2026-02-30" },
  { FORM_SCREENING, "taken-on", "9999-12-31" },
  { FORM_SCREENING, "note", BIG },
  { FORM_SCREENING, "finding.kind", "Made up!" },
  { FORM_SCREENING, "finding.kind", SQL },
  { FORM_SCREENING, "finding.severity", "deadly" },
  { FORM_SCREENING, "finding.note", BIG },

  /* Diagnoses and referrals. */
  { FORM_DIAGNOSIS, "code", "" },
  { FORM_DIAGNOSIS, "code", "ZZZ" },
  { FORM_DIAGNOSIS, "code", "M54.2'; --" },
  { FORM_DIAGNOSIS, "code", "M54.22222222" },
  { FORM_DIAGNOSIS, "code", EMOJI },
  { FORM_DIAGNOSIS, "description", "" },
  { FORM_DIAGNOSIS, "description", BIG },
  { FORM_DIAGNOSIS, "description", "Neck\x01" },
  { FORM_DIAGNOSIS, "onset-on", "2026-02-30" },
  { FORM_DIAGNOSIS, "onset-on", "9999-12-31" },
  { FORM_DIAGNOSIS, "laterality", "up" },
  { FORM_REFERRAL, "npi", "1234567890" },
  { FORM_REFERRAL, "npi", "123" },
  { FORM_REFERRAL, "npi", "12345678930" },
  { FORM_REFERRAL, "npi", ARABIC_DIGITS "\xd9\xa3" },
  { FORM_REFERRAL, "npi", "'; --" },
  { FORM_REFERRAL, "prescriber-name", "" },
  { FORM_REFERRAL, "prescriber-name", BIG },
  { FORM_REFERRAL, "referred-on", "2026-02-30" },
  { FORM_REFERRAL, "referred-on", "9999-12-31" },
  { FORM_REFERRAL, "expires-on", "2026-09-01" },
  { FORM_REFERRAL, "note", BIG },

  /* Plans and goals. */
  { FORM_PLAN, "started-on", "" },
  { FORM_PLAN, "started-on", "2026-02-30" },
  { FORM_PLAN, "summary", BIG },
  { FORM_PLAN, "summary", "Jaw\x01" },
  { FORM_PLAN, "frequency", BIG },
  { FORM_PLAN, "sessions", "100000" },
  { FORM_PLAN, "reassess-on", "2026-02-30" },
  { FORM_GOAL, "measure", "" },
  { FORM_GOAL, "measure", "made-up" },
  { FORM_GOAL, "baseline", "abc" },
  { FORM_GOAL, "baseline", "-1e309" },
  { FORM_GOAL, "target", "NaN" },
  { FORM_GOAL, "target", EMOJI },
  { FORM_GOAL, "by-visit", "100000" },
  { FORM_GOAL, "goal", BIG },

  /* Consents. */
  { FORM_CONSENT, "explained", "" },
  { FORM_CONSENT, "explained", BIG },
  { FORM_CONSENT, "explained", "Risks\x01" },
  { FORM_CONSENT, "signed-by-name", "" },
  { FORM_CONSENT, "signed-by-name", BIG },
  { FORM_CONSENT, "kind", "blood-oath" },
  { FORM_CONSENT, "signature", "{not json", "typed-name", NULL },
  { FORM_CONSENT, "attested", "0" },
  { FORM_CONSENT, "typed-name", BIG },

  /* The note, its amendments and overrides. */
  { FORM_NOTE, "subjective", BIG },
  { FORM_NOTE, "subjective", "Aches\x01" },
  { FORM_NOTE, "objective", BIG_EMOJI },
  { FORM_NOTE, "assessment", "\x1b[2J" },
  { FORM_NOTE, "pain", "11" },
  { FORM_NOTE, "visit-id", "999999" },
  { FORM_AMENDMENT, "reason", "" },
  { FORM_AMENDMENT, "reason", BIG },
  { FORM_AMENDMENT, "text", "" },
  { FORM_AMENDMENT, "text", BIG },
  { FORM_AMENDMENT, "text", "Fix\x01" },
  { FORM_OVERRIDE, "gate", "" },
  { FORM_OVERRIDE, "gate", SQL },
  { FORM_OVERRIDE, "reason", "" },
  { FORM_OVERRIDE, "reason", BIG },

  /* Amounts as typed (checkout, payments, the service's fee): the records
   * hold whole cents from 0 up, so a negative number never reaches them
   * but through this parser. */
  { FORM_AMOUNT, "text", "" },
  { FORM_AMOUNT, "text", "   " },
  { FORM_AMOUNT, "text", "-5" },
  { FORM_AMOUNT, "text", "-0.01" },
  { FORM_AMOUNT, "text", "$-20.00" },
  { FORM_AMOUNT, "text", "1e9" },
  { FORM_AMOUNT, "text", "NaN" },
  { FORM_AMOUNT, "text", "12.345" },
  { FORM_AMOUNT, "text", "$$5" },
  { FORM_AMOUNT, "text", "99999999999999999999" },
  { FORM_AMOUNT, "text", "1000000000.00" },
  { FORM_AMOUNT, "text", "5'; --" },
  { FORM_AMOUNT, "text", EMOJI },
  { FORM_AMOUNT, "text", ARABIC_DIGITS },
  { FORM_AMOUNT, "text", "12\x01" },
  { FORM_AMOUNT, "text", BIG },
};

typedef struct
{
  char      *dir;
  char      *path;
  PalpStore *store;
  gint64     maya;
  gint64     rosa;
  gint64     client;      /* Maya's client, with a plan */
  gint64     visit;       /* an attended, unsigned visit of Maya's */
  gint64     signed_visit; /* a signed visit of Maya's */
  gint64     plan;
  char      *receipt;     /* a valid receipt of the client */
  gint64     receipt_id;
  char      *big;
  char      *big_emoji;
  char      *today;
} Context;

static Context ctx;

static gint64
lookup (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (palp_store_get_db (ctx.store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (value, >, 0);
  return value;
}

/* A digest of every row of every table, in a stable order. */
static char *
digest (void)
{
  sqlite3 *db = palp_store_get_db (ctx.store);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid",
                                              (char *) g_ptr_array_index (tables, t));
      int rc;

      g_checksum_update (sum, g_ptr_array_index (tables, t), -1);
      /* WITHOUT ROWID tables have none: their primary key orders them. */
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_free (sql);
          sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *blob = sqlite3_column_blob (stmt, c);
            guchar type = (guchar) sqlite3_column_type (stmt, c);

            g_checksum_update (sum, &type, 1);
            if (blob != NULL)
              g_checksum_update (sum, blob, sqlite3_column_bytes (stmt, c));
          }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static const char *
expand (const char *value)
{
  if (g_strcmp0 (value, BIG) == 0)
    return ctx.big;
  if (g_strcmp0 (value, BIG_EMOJI) == 0)
    return ctx.big_emoji;
  return value;
}

static void
set_prop (GObject    *object,
          const char *prop,
          const char *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), prop);

  g_assert_nonnull (pspec);
  if (pspec->value_type == G_TYPE_INT64)
    g_object_set (object, prop, g_ascii_strtoll (value, NULL, 10), NULL);
  else
    g_object_set (object, prop, expand (value), NULL);
}

static void
apply (GObject        *object,
       GObject        *finding,
       const BadInput *in)
{
  if (in == NULL)
    return;
  if (g_str_has_prefix (in->prop, "finding."))
    set_prop (finding, in->prop + strlen ("finding."), in->value);
  else
    set_prop (object, in->prop, in->value);
  if (in->prop2 != NULL)
    set_prop (object, in->prop2, in->value2);
}

/* The argument @name of a call-shaped form: @in's value when it names it. */
static const char *
arg (const BadInput *in,
     const char     *name,
     const char     *fallback)
{
  if (in != NULL && g_str_equal (in->prop, name))
    return expand (in->value);
  return fallback;
}

/* Saves a valid record of @form with @in's change (NULL: none). */
static gboolean
save_form (Form             form,
           const BadInput  *in,
           char           **out_field,
           GError         **error)
{
  g_autoptr(GObject) object = NULL;
  g_autoptr(GObject) finding = NULL;

  palp_store_set_actor (ctx.store, ctx.maya);
  switch (form)
    {
    case FORM_CLIENT:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
        g_autoptr(GError) local = NULL;

        object = G_OBJECT (palp_client_new ());
        g_object_set (object, "given-name", "Ada", "family-name", "Quill", "birth-date",
                      "1980-04-02", "mobile-phone", "(206) 555-0195", "email",
                      "ada@example.org", NULL);
        apply (object, NULL, in);
        /* The form's own check says which field is wrong. */
        if (palp_client_validate (PALP_CLIENT (object), today, out_field, &local))
          g_assert_null (in);
        else
          g_assert_nonnull (local);
        return palp_store_save_client (ctx.store, PALP_CLIENT (object), error);
      }
    case FORM_SERVICE:
      object = G_OBJECT (palp_service_new ());
      g_object_set (object, "name", "Deep tissue, 45 minutes", "category", "therapeutic",
                    "cpt-code", "97124", "fee-cents", (gint64) 9000, "duration-minutes",
                    (gint64) 45, "timed", (gint64) 1, "active", (gint64) 1, NULL);
      apply (object, NULL, in);
      palp_store_set_actor (ctx.store, ctx.rosa);
      return palp_store_save_service (ctx.store, PALP_SERVICE (object), error);
    case FORM_VISIT:
      object = G_OBJECT (palp_visit_new ());
      g_object_set (object, "client-id", ctx.client, "practitioner-id", ctx.maya, "starts-at",
                    "2026-12-03 10:00", "duration-minutes", (gint64) 60, "status", "booked",
                    NULL);
      apply (object, NULL, in);
      return palp_store_save_visit (ctx.store, PALP_VISIT (object), error);
    case FORM_PAYMENT:
      object = G_OBJECT (palp_payment_new ());
      g_object_set (object, "client-id", ctx.client, "receipt-id", (gint64) 0, "kind", "payment",
                    "method", "cash", "amount-cents", (gint64) 1000, "reference", "R-1",
                    "note", "On account", NULL);
      apply (object, NULL, in);
      palp_store_set_actor (ctx.store, ctx.rosa);
      return palp_store_record_payment (ctx.store, PALP_PAYMENT (object), error);
    case FORM_VOID:
      palp_store_set_actor (ctx.store, ctx.rosa);
      return palp_store_void_receipt (ctx.store, arg (in, "number", ctx.receipt),
                                      arg (in, "reason", "Issued to the wrong client"), error);
    case FORM_HISTORY:
      object = G_OBJECT (palp_health_history_new ());
      g_object_set (object, "client-id", ctx.client, "taken-on", ctx.today, "answers",
                    "{\"medications\": []}", "allergies", "Latex", NULL);
      apply (object, NULL, in);
      return palp_store_save_health_history (ctx.store, PALP_HEALTH_HISTORY (object), error);
    case FORM_SCREENING:
      {
        g_autoptr(GListStore) findings = g_list_store_new (PALP_TYPE_FINDING_RECORD);

        object = G_OBJECT (palp_screening_record_new ());
        finding = G_OBJECT (palp_finding_record_new ());
        g_object_set (object, "client-id", ctx.client, "taken-on", ctx.today, NULL);
        g_object_set (finding, "kind", "skin-abrasion", "severity", "local", "region-id",
                      "body-anterior.forearm.left", "note", "graze", NULL);
        g_list_store_append (findings, finding);
        apply (object, finding, in);
        return palp_store_save_screening (ctx.store, PALP_SCREENING_RECORD (object),
                                          G_LIST_MODEL (findings), error);
      }
    case FORM_DIAGNOSIS:
      object = G_OBJECT (palp_diagnosis_new ());
      g_object_set (object, "client-id", ctx.client, "code", "M54.2", "description",
                    "Cervicalgia", "onset-on", "2026-09-01", "laterality", "left", NULL);
      apply (object, NULL, in);
      return palp_store_save_diagnosis (ctx.store, PALP_DIAGNOSIS (object), error);
    case FORM_REFERRAL:
      object = G_OBJECT (palp_referral_new ());
      g_object_set (object, "client-id", ctx.client, "prescriber-name", "Dr. Ana Ruiz",
                    "profession", "Dentist", "npi", "1234567893", "referred-on", "2026-10-01",
                    "expires-on", "2026-12-10", "frequency", "weekly", "duration", "6 weeks",
                    "note", "Jaw", NULL);
      apply (object, NULL, in);
      return palp_store_save_referral (ctx.store, PALP_REFERRAL (object), error);
    case FORM_PLAN:
      object = G_OBJECT (palp_plan_new ());
      g_object_set (object, "client-id", ctx.client, "started-on", "2026-11-20", "summary",
                    "Restore jaw opening", "frequency", "weekly", "sessions", (gint64) 6,
                    "session-minutes", (gint64) 60, NULL);
      apply (object, NULL, in);
      return palp_store_save_plan (ctx.store, PALP_PLAN (object), error);
    case FORM_GOAL:
      object = G_OBJECT (palp_plan_goal_new ());
      g_object_set (object, "plan-id", ctx.plan, "measure", "mouth-opening", "goal",
                    "Bite an apple", "label", "Interincisal opening", "baseline", "34",
                    "target", "45", "by-visit", (gint64) 5, NULL);
      apply (object, NULL, in);
      return palp_store_save_plan_goal (ctx.store, PALP_PLAN_GOAL (object), error);
    case FORM_CONSENT:
      object = G_OBJECT (palp_consent_new ());
      g_object_set (object, "client-id", ctx.client, "kind", "privacy", "explained",
                    "How the clinic keeps and shares the record", "signed-by-name",
                    "Ada Quill", "typed-name", "Ada Quill", "attested", (gint64) 1, NULL);
      apply (object, NULL, in);
      return palp_store_save_consent (ctx.store, PALP_CONSENT (object), error);
    case FORM_NOTE:
      object = G_OBJECT (palp_soap_note_new ());
      g_object_set (object, "visit-id", ctx.visit, "subjective", "Jaw aches on waking.",
                    "objective", "Left masseter hypertonic.", "assessment", "Myofascial pain.",
                    "plan-text", "Weekly.", "pain", (gint64) 6, "has-pain", (gint64) 1, NULL);
      apply (object, NULL, in);
      return palp_store_save_soap_note (ctx.store, PALP_SOAP_NOTE (object), error);
    case FORM_AMENDMENT:
      return palp_store_add_amendment (ctx.store, ctx.signed_visit,
                                       arg (in, "reason", "Wrong side recorded"),
                                       arg (in, "text", "The left masseter, not the right."),
                                       error) > 0;
    case FORM_OVERRIDE:
      return palp_store_record_gate_override (ctx.store, ctx.visit, arg (in, "gate", "screening"),
                                              arg (in, "reason", "Screened by phone"),
                                              error) > 0;
    case FORM_AMOUNT:
      {
        gint64 cents = -1;
        gboolean ok = palp_money_parse (arg (in, "text", "45.00"), "en", &cents, error);

        /* Untouched on failure. */
        g_assert_true (ok || cents == -1);
        return ok;
      }
    case N_FORMS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* Short, readable, in words: no SQLite text, no echo of a megabyte. */
static void
assert_clear (const GError *error)
{
  static const char *raw[] = { "constraint failed", "SQL", "sqlite", "NOT NULL", "syntax",
                               "RAISE", "no such table", "no such column" };

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >=, 10);
  g_assert_cmpuint (strlen (error->message), <=, 400);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    if (strstr (error->message, raw[i]) != NULL)
      g_test_fail_printf ("not a message for people: %s", error->message);
}

static void
test_bad (gconstpointer data)
{
  const BadInput *in = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autofree char *before = digest ();
  g_autofree char *after = NULL;
  gboolean saved = save_form (in->form, in, &field, &error);

  if (saved)
    {
      g_test_fail_printf ("%s %s = “%.60s” was saved", form_names[in->form], in->prop,
                          expand (in->value));
      return;
    }
  assert_clear (error);
  g_test_message ("%s %s: %s", form_names[in->form], in->prop, error->message);
  if (in->form == FORM_CLIENT)
    g_assert_nonnull (field);
  after = digest ();
  g_assert_cmpstr (before, ==, after);
}

/* The record without the bad value saves: run last, on the same file. */
static void
test_valid (gconstpointer data)
{
  Form form = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = digest ();
  g_autofree char *after = NULL;

  g_assert_true (save_form (form, NULL, NULL, &error));
  g_assert_no_error (error);
  after = digest ();
  /* Parsing an amount stores nothing; every other form saves its record. */
  if (form != FORM_AMOUNT)
    g_assert_cmpstr (before, !=, after);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  GString *big = g_string_sized_new (1 << 20);

  ctx.today = palp_date_today_iso ();
  ctx.dir = g_dir_make_tmp ("palpate-bad-input-XXXXXX", &error);
  g_assert_no_error (error);
  ctx.path = g_build_filename (ctx.dir, "clinic.db", NULL);
  ctx.store = palp_demo_open (ctx.path, PALP_COUNTRY_US, palp_doc_receipt_render, NULL,
                              &error);
  g_assert_no_error (error);

  ctx.maya = lookup ("SELECT id FROM users WHERE login = 'maya'");
  ctx.rosa = lookup ("SELECT id FROM users WHERE login = 'rosa'");
  ctx.plan = lookup ("SELECT min (p.id) FROM plans p JOIN users u ON u.id = p.practitioner_id"
                     " WHERE u.login = 'maya' AND p.status = 'active'");
  ctx.client = lookup ("SELECT client_id FROM plans WHERE id = (SELECT min (p.id) FROM plans p"
                       " JOIN users u ON u.id = p.practitioner_id"
                       " WHERE u.login = 'maya' AND p.status = 'active')");
  ctx.visit = lookup ("SELECT min (v.id) FROM visits v JOIN users u ON u.id = v.practitioner_id"
                      " WHERE u.login = 'maya' AND v.status = 'attended'"
                      " AND v.id NOT IN (SELECT visit_id FROM visit_signatures)");
  ctx.signed_visit = lookup ("SELECT min (v.id) FROM visits v JOIN users u"
                             " ON u.id = v.practitioner_id WHERE u.login = 'maya'"
                             " AND v.id IN (SELECT visit_id FROM visit_signatures)");

  /* A valid receipt, to void. */
  {
    sqlite3 *db = palp_store_get_db (ctx.store);
    sqlite3_stmt *stmt = NULL;

    ctx.receipt_id = 0;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT number, id FROM receipts"
                                             " WHERE id NOT IN (SELECT receipt_id FROM receipt_voids)"
                                             " ORDER BY id LIMIT 1", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        ctx.receipt = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        ctx.receipt_id = sqlite3_column_int64 (stmt, 1);
      }
    sqlite3_finalize (stmt);
  }

  for (gsize i = 0; i < (1 << 20); i++)
    g_string_append_c (big, 'a' + (char) (i % 26));
  ctx.big = g_string_free (big, FALSE);
  big = g_string_sized_new (1 << 20);
  while (big->len < (1 << 20))
    g_string_append (big, EMOJI);
  ctx.big_emoji = g_string_free (big, FALSE);
}

static void
teardown (void)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_clear_object (&ctx.store);
  d = g_dir_open (ctx.dir, 0, NULL);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (ctx.dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (ctx.dir);
  g_free (ctx.dir);
  g_free (ctx.path);
  g_free (ctx.receipt);
  g_free (ctx.big);
  g_free (ctx.big_emoji);
  g_free (ctx.today);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup ();

  g_assert_cmpuint (G_N_ELEMENTS (inputs), >=, 100);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/%s/%03u-%s",
                                               form_names[inputs[i].form], i, inputs[i].prop);

      g_test_add_data_func (path, &inputs[i], test_bad);
    }
  for (int f = 0; f < N_FORMS; f++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/valid/%s", form_names[f]);

      if (f == FORM_VOID && ctx.receipt == NULL)
        continue;
      g_test_add_data_func (path, GINT_TO_POINTER (f), test_valid);
    }

  status = g_test_run ();
  teardown ();
  return status;
}
