/* palp-client-coverage.c: the client's insurance on the Overview
 *
 * One row per policy: the payer and what the plan still covers today,
 * computed by the store from the record (palp_store_get_coverage ()), so
 * the front desk sees "2 of 10 visits left" before booking, not after the
 * claim comes back denied. Editing a policy or adding an authorisation
 * happens in a dialog; every value is checked by the store, which says
 * what is wrong and changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-client-coverage.h"
#include "palp-compat.h"
#include "palp-coverage.h"
#include "palp-date.h"
#include "palp-signature-pad.h"
#include "palp-store-insurance.h"
#include "palp-ui-util.h"

typedef struct
{
  PalpStore    *store;
  PalpCountry   country;
  PalpCurrency  currency;
  gint64        client_id;
  GtkWidget    *group;
  GPtrArray    *rows;
} Coverage;

typedef struct
{
  Coverage    *c;
  PalpPolicy  *policy;       /* NULL: a new one */
  gint64       policy_id;    /* for an authorisation */
  GtkWidget   *window;
  GtkLabel    *message;
  GPtrArray   *payer_ids;    /* gint64 boxed as pointers, in combo order */
  AdwComboRow *payer;
  AdwComboRow *priority;
  AdwComboRow *relationship;
  AdwComboRow *counting;
  AdwComboRow *unit;
  GHashTable  *entries;      /* property name → AdwEntryRow */
  GtkWidget   *active;
  GtkWidget   *assignment;   /* switch rows: sign now */
  GtkWidget   *release;
  GtkWidget   *drawn;        /* check: signed on the pad, else typed and attested */
  GtkWidget   *pad;
  GtkWidget   *pad_box;
  GtkWidget   *attested;
} Dialog;

static void reload (Coverage *c);

static const char *priorities[] = { "primary", "secondary", NULL };
static const char *relationships[] = { "self", "spouse", "child", "other", NULL };
static const char *countings[] = { "per-visit", "per-30-minutes", NULL };
static const char *units[] = { "visits", "units", NULL };

static void
coverage_free (gpointer data)
{
  Coverage *c = data;

  g_clear_object (&c->store);
  g_clear_pointer (&c->rows, g_ptr_array_unref);
  g_free (c);
}

static void
dialog_free (gpointer data)
{
  Dialog *d = data;

  g_clear_object (&d->policy);
  g_clear_pointer (&d->payer_ids, g_ptr_array_unref);
  g_clear_pointer (&d->entries, g_hash_table_unref);
  g_free (d);
}

static char *
money (Coverage *c,
       gint64    cents)
{
  return palp_money_format (cents, c->currency, palp_ui_language ());
}

static char *
short_date (Coverage   *c,
            const char *iso)
{
  char *text = iso ? palp_date_format_short (iso, c->country) : NULL;

  return text ? text : g_strdup (iso ? iso : "");
}

static char *
describe_flag (const char  *kind,
               const char  *value,
               PalpCountry  country)
{
  gint64 n = value ? g_ascii_strtoll (value, NULL, 10) : 0;

  if (g_strcmp0 (kind, "authorisation-expiring") == 0)
    {
      g_autofree char *when = palp_date_format_short (value, country);

      return g_strdup_printf (_("Authorisation expires %s"), when ? when : value);
    }
  if (g_strcmp0 (kind, "authorisation-exhausted") == 0)
    /* Translators: %s is an authorisation number. */
    return g_strdup_printf (_("Authorisation %s used up"), value ? value : "");
  if (g_strcmp0 (kind, "visit-limit-near") == 0)
    return g_strdup_printf (ngettext ("%d plan visit left this year",
                                      "%d plan visits left this year", (gulong) n), (int) n);
  if (g_strcmp0 (kind, "visit-limit-reached") == 0)
    return g_strdup (_("Plan visit limit reached"));
  return NULL;
}

GStrv
palp_client_coverage_flags (PalpStore   *store,
                            gint64       client_id,
                            PalpCountry  country)
{
  g_auto(GStrv) flags = palp_store_coverage_flags (store, client_id, NULL, NULL);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; flags[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (flags[i], ":", 2);
      g_autofree char *words = describe_flag (parts[0], parts[1], country);

      g_autofree char *flag = words ? g_strconcat (parts[0], ":", words, NULL) : NULL;

      if (flag != NULL)
        g_strv_builder_add (out, flag);
    }
  return g_strv_builder_end (out);
}

/* The dialogs --------------------------------------------------------------- */

static GtkWidget *
entry (Dialog              *d,
       AdwPreferencesGroup *group,
       const char          *prop,
       const char          *title,
       const char          *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_preferences_group_add (group, row);
  g_hash_table_insert (d->entries, (gpointer) prop, row);
  return row;
}

static char *
entry_text (Dialog     *d,
            const char *prop)
{
  GtkWidget *row = g_hash_table_lookup (d->entries, prop);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static AdwComboRow *
combo (AdwPreferencesGroup *group,
       const char          *title,
       const char * const  *labels,
       guint                selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static guint
index_of (const char * const *keys,
          const char         *key)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

static gboolean
fail (Dialog     *d,
      const char *prop,
      const char *text)
{
  if (prop != NULL)
    gtk_widget_add_css_class (g_hash_table_lookup (d->entries, prop), "error");
  gtk_label_set_text (d->message, text);
  gtk_widget_set_visible (GTK_WIDGET (d->message), TRUE);
  return FALSE;
}

/* Reads a date typed as the country writes it, or ISO, into @record. */
static gboolean
read_date (Dialog     *d,
           GObject    *record,
           const char *prop)
{
  g_autofree char *text = entry_text (d, prop);
  g_autofree char *iso = NULL;
  GDate date;

  if (text != NULL)
    {
      if (!palp_date_parse_user (text, d->c->country, &date))
        return fail (d, prop, _("A date is not a real date: type it as on the card, or as "
                                "YYYY-MM-DD."));
      iso = palp_date_to_iso (&date);
    }
  g_object_set (record, prop, iso, NULL);
  return TRUE;
}

/* Reads an amount; empty is 0 (none). */
static gboolean
read_money (Dialog     *d,
            GObject    *record,
            const char *prop)
{
  g_autofree char *text = entry_text (d, prop);
  g_autoptr(GError) error = NULL;
  gint64 cents = 0;

  if (text != NULL && !palp_money_parse (text, palp_ui_language (), &cents, &error))
    return fail (d, prop, error->message);
  g_object_set (record, prop, cents, NULL);
  return TRUE;
}

/* Reads a whole number; empty is 0 (none). */
static gboolean
read_count (Dialog     *d,
            GObject    *record,
            const char *prop,
            guint64     max)
{
  g_autofree char *text = entry_text (d, prop);
  guint64 n = 0;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 0, max, &n, NULL))
    return fail (d, prop, _("Type a whole number, or leave it empty."));
  g_object_set (record, prop, (gint64) n, NULL);
  return TRUE;
}

static GtkWidget *
dialog_window (Dialog     *d,
               const char *title,
               const char *action,
               GCallback   on_save,
               GtkWidget  *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (action);

  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), title);
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window),
                                GTK_WINDOW (gtk_widget_get_root (d->c->group)));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 560, 720);
  g_object_set_data_full (G_OBJECT (d->window), "palp-dialog", d, dialog_free);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (save, "clicked", on_save, d);
  gtk_box_append (GTK_BOX (box), header);
  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (d->message), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (d->message), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (d->message), 24);
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  return d->window;
}

static Dialog *
dialog_new (Coverage *c)
{
  Dialog *d = g_new0 (Dialog, 1);

  d->c = c;
  d->entries = g_hash_table_new (g_str_hash, g_str_equal);
  return d;
}

static void
clear_errors (Dialog *d)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, d->entries);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
}

static gboolean
wants (GtkWidget *row)
{
  return gtk_widget_get_sensitive (row) && adw_switch_row_get_active_compat (row);
}

static gboolean
drawn_signature (Dialog *d)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (d->drawn));
}

/* A form signed now needs who signed, when, and the signature: drawn on
 * the pad, or the typed name attested. */
static gboolean
signatures_ok (Dialog *d)
{
  g_autofree char *name = entry_text (d, "signed-by-name");
  g_autofree char *on = entry_text (d, "signed-on");
  GDate date;

  if (!wants (d->assignment) && !wants (d->release))
    return TRUE;
  if (name == NULL)
    return fail (d, "signed-by-name", _("Name who signed."));
  if (on == NULL || !palp_date_parse_user (on, d->c->country, &date))
    return fail (d, "signed-on", _("Date the signature."));
  if (drawn_signature (d))
    {
      if (palp_signature_pad_is_empty (PALP_SIGNATURE_PAD (d->pad)))
        return fail (d, NULL, _("Have the signer sign on the pad, or record a typed name they "
                                "attest."));
      return TRUE;
    }
  if (!adw_switch_row_get_active_compat (d->attested))
    return fail (d, NULL, _("Confirm that the typed name is the signer's signature."));
  return TRUE;
}

static void
on_drawn_toggled_cb (GtkCheckButton *check,
                     Dialog         *d)
{
  gboolean drawn = gtk_check_button_get_active (check);

  gtk_widget_set_visible (d->pad_box, drawn);
  gtk_widget_set_visible (d->attested, !drawn);
}

static gboolean
save_signatures (Dialog  *d,
                 gint64   policy_id,
                 GError **error)
{
  GtkWidget *rows[] = { d->assignment, d->release };
  const char *kinds[] = { "assignment", "release" };
  g_autofree char *name = entry_text (d, "signed-by-name");
  g_autofree char *on = entry_text (d, "signed-on");
  g_autofree char *iso = NULL;
  g_autofree char *strokes = NULL;
  gboolean drawn = drawn_signature (d);
  GDate date;

  if (on != NULL && palp_date_parse_user (on, d->c->country, &date))
    iso = palp_date_to_iso (&date);
  if (drawn)
    strokes = palp_signature_pad_to_json (PALP_SIGNATURE_PAD (d->pad));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PalpBenefitSignature) s = NULL;

      if (!wants (rows[i]))
        continue;
      s = palp_benefit_signature_new ();
      g_object_set (s, "client-id", d->c->client_id, "policy-id", policy_id, "kind", kinds[i],
                    "signed-by-name", name, "signature", strokes,
                    "typed-name", drawn ? NULL : name, "attested", (gint64) !drawn,
                    "signed-on", iso, NULL);
      if (!palp_store_add_benefit_signature (d->c->store, s, error))
        return FALSE;
      gtk_widget_set_sensitive (rows[i], FALSE);
    }
  return TRUE;
}

static void
on_policy_save_cb (GtkButton *button,
                   Dialog    *d)
{
  Coverage *c = d->c;
  g_autoptr(PalpPolicy) policy = d->policy ? g_object_ref (d->policy) : palp_policy_new ();
  g_autoptr(GError) error = NULL;
  static const char *texts[] = {
    "member-id", "group-number", "insured-name", "deductible-note", "copay-note", "claim-number",
    "injury-state", "employer", "adjuster", NULL,
  };
  static const char *dates[] = {
    "insured-birth-date", "starts-on", "ends-on", "injury-date", "prior-on", NULL,
  };
  guint payer = adw_combo_row_get_selected (d->payer);

  clear_errors (d);
  if (payer >= d->payer_ids->len)
    {
      fail (d, NULL, _("Add the payer in Preferences → Payers first."));
      return;
    }
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *text = entry_text (d, texts[i]);

      if (g_str_equal (texts[i], "injury-state") && text != NULL)
        {
          char *upper = g_ascii_strup (text, -1);

          g_free (text);
          text = upper;
        }
      g_object_set (policy, texts[i], text, NULL);
    }
  for (guint i = 0; dates[i] != NULL; i++)
    if (!read_date (d, G_OBJECT (policy), dates[i]))
      return;
  if (!read_money (d, G_OBJECT (policy), "annual-max-cents") ||
      !read_money (d, G_OBJECT (policy), "per-visit-cap-cents") ||
      !read_money (d, G_OBJECT (policy), "prior-paid-cents") ||
      !read_count (d, G_OBJECT (policy), "visit-limit", 1000) ||
      !read_count (d, G_OBJECT (policy), "plan-percent", 100) ||
      !read_count (d, G_OBJECT (policy), "prior-visits", 1000) ||
      !read_count (d, G_OBJECT (policy), "benefit-year-start", 12))
    return;
  g_object_set (policy, "client-id", c->client_id,
                "payer-id", (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (d->payer_ids, payer)),
                "priority", priorities[MIN (adw_combo_row_get_selected (d->priority), 1u)],
                "relationship",
                relationships[MIN (adw_combo_row_get_selected (d->relationship), 3u)],
                "visit-counting", countings[MIN (adw_combo_row_get_selected (d->counting), 1u)],
                "active", (gint64) adw_switch_row_get_active_compat (d->active), NULL);
  if (!signatures_ok (d) || !palp_store_save_policy (c->store, policy, &error))
    {
      if (error != NULL)
        fail (d, NULL, error->message);
      return;
    }
  if (!save_signatures (d, palp_policy_get_int (policy, "id"), &error))
    {
      /* The policy is saved: edit it again to record the signature. */
      if (d->policy == NULL)
        d->policy = g_object_ref (policy);
      reload (c);
      fail (d, NULL, error->message);
      return;
    }
  reload (c);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static char *
money_text (gint64 cents)
{
  return cents > 0 ? palp_money_format_number (cents, palp_ui_language ()) : NULL;
}

static char *
count_text (gint64 n)
{
  return n > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, n) : NULL;
}

static void
open_policy_dialog (Coverage   *c,
                    PalpPolicy *policy)
{
  Dialog *d = dialog_new (c);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *plan = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *insured = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *limits = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *injury = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GListModel) payers = palp_store_list_payers (c->store, FALSE, NULL);
  g_autoptr(GPtrArray) payer_names = g_ptr_array_new_with_free_func (g_free);
  const char *priority_labels[] = { _("Primary"), _("Secondary"), NULL };
  const char *relationship_labels[] = { _("Self"), _("Spouse"), _("Child"), _("Other"), NULL };
  const char *counting_labels[] = { _("Each visit counts one"),
                                    _("Each 30 minutes counts one"), NULL };
  guint selected = 0;

#define GET(prop) (policy ? palp_policy_get_string (policy, prop) : NULL)
#define GET_INT(prop) (policy ? palp_policy_get_int (policy, prop) : 0)
  d->policy = policy ? g_object_ref (policy) : NULL;
  d->payer_ids = g_ptr_array_new ();
  for (guint i = 0; payers != NULL && i < g_list_model_get_n_items (payers); i++)
    {
      g_autoptr(PalpPayer) p = g_list_model_get_item (payers, i);

      if (palp_payer_get_int (p, "id") == GET_INT ("payer-id"))
        selected = i;
      g_ptr_array_add (d->payer_ids, GSIZE_TO_POINTER (palp_payer_get_int (p, "id")));
      g_ptr_array_add (payer_names, g_strdup (palp_payer_get_string (p, "name")));
    }
  /* A policy with a retired payer keeps it. */
  if (policy != NULL && selected == 0 && d->payer_ids->len > 0
      && GPOINTER_TO_SIZE (g_ptr_array_index (d->payer_ids, 0)) != (gsize) GET_INT ("payer-id"))
    {
      selected = d->payer_ids->len;
      g_ptr_array_add (d->payer_ids, GSIZE_TO_POINTER (GET_INT ("payer-id")));
      g_ptr_array_add (payer_names, g_strdup (GET ("payer-name")));
    }
  g_ptr_array_add (payer_names, NULL);

  adw_preferences_group_set_title (plan, _("Plan"));
  d->payer = combo (plan, _("Payer"), (const char * const *) payer_names->pdata, selected);
  entry (d, plan, "member-id", _("Member ID"), GET ("member-id"));
  entry (d, plan, "group-number", _("Group number"), GET ("group-number"));
  d->priority = combo (plan, _("Priority"), priority_labels,
                       index_of (priorities, GET ("priority")));
  entry (d, plan, "starts-on", _("Starts on"), GET ("starts-on"));
  entry (d, plan, "ends-on", _("Ends on"), GET ("ends-on"));
  d->active = adw_switch_row_new_compat (_("In force"), NULL, policy == NULL || GET_INT ("active"));
  adw_preferences_group_add (plan, d->active);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), plan);

  adw_preferences_group_set_title (insured, _("Insured Person"));
  d->relationship = combo (insured, _("Client's relationship to the insured"),
                           relationship_labels, index_of (relationships, GET ("relationship")));
  entry (d, insured, "insured-name", _("Insured's name, when not the client"),
         GET ("insured-name"));
  entry (d, insured, "insured-birth-date", _("Insured's birth date"), GET ("insured-birth-date"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), insured);

  adw_preferences_group_set_title (limits, _("Limits"));
  adw_preferences_group_set_description (limits, _("Leave a limit empty when the plan has none."));
  {
    g_autofree char *limit = count_text (GET_INT ("visit-limit"));
    g_autofree char *month = count_text (GET_INT ("benefit-year-start"));
    g_autofree char *max = money_text (GET_INT ("annual-max-cents"));
    g_autofree char *percent = count_text (GET_INT ("plan-percent"));
    g_autofree char *cap = money_text (GET_INT ("per-visit-cap-cents"));
    g_autofree char *prior_visits = count_text (GET_INT ("prior-visits"));
    g_autofree char *prior_paid = money_text (GET_INT ("prior-paid-cents"));

    entry (d, limits, "visit-limit", _("Visits per benefit year"), limit);
    d->counting = combo (limits, _("How visits count"), counting_labels,
                         index_of (countings, GET ("visit-counting")));
    entry (d, limits, "benefit-year-start", _("Benefit year starts in month (1–12)"), month);
    entry (d, limits, "annual-max-cents", _("Annual maximum"), max);
    entry (d, limits, "plan-percent", _("Share the plan pays, in percent"), percent);
    entry (d, limits, "per-visit-cap-cents", _("Most the plan pays a visit"), cap);
    entry (d, limits, "prior-visits", _("Visits used elsewhere this year"), prior_visits);
    entry (d, limits, "prior-paid-cents", _("Paid elsewhere this year"), prior_paid);
    entry (d, limits, "prior-on", _("Used elsewhere as of"), GET ("prior-on"));
    entry (d, limits, "deductible-note", _("Deductible"), GET ("deductible-note"));
    entry (d, limits, "copay-note", _("Copay"), GET ("copay-note"));
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), limits);

  /* Signatures on file: the claim then says "Signature on File". */
  {
    AdwPreferencesGroup *signed_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
    gint64 id = policy ? palp_policy_get_int (policy, "id") : 0;
    gboolean has_assignment = id && palp_store_signature_on_file (c->store, id, "assignment");
    gboolean has_release = id && palp_store_signature_on_file (c->store, id, "release");
    g_autofree char *today = palp_date_today_iso ();
    g_autofree char *today_text = short_date (c, today);
    GtkWidget *drawn_row;

    adw_preferences_group_set_title (signed_group, _("Signatures on File"));
    adw_preferences_group_set_description (signed_group,
                                           _("Signed forms are kept as signed; record a new "
                                             "one to replace them."));
    d->assignment = adw_switch_row_new_compat (_("Assignment of benefits signed"),
                                               has_assignment ? _("On file") : NULL,
                                               has_assignment);
    gtk_widget_set_sensitive (d->assignment, !has_assignment);
    adw_preferences_group_add (signed_group, d->assignment);
    d->release = adw_switch_row_new_compat (_("Release of information signed"),
                                            has_release ? _("On file") : NULL, has_release);
    gtk_widget_set_sensitive (d->release, !has_release);
    adw_preferences_group_add (signed_group, d->release);
    entry (d, signed_group, "signed-by-name", _("Signed by"), NULL);
    entry (d, signed_group, "signed-on", _("Signed on"), today_text);
    drawn_row = adw_action_row_new ();
    {
      GtkWidget *row = drawn_row;

      d->drawn = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (d->drawn), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Signed on the pad"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Otherwise the signer types their name and attests it"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), d->drawn);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), d->drawn);
      adw_preferences_group_add (signed_group, row);
    }
    d->pad_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    d->pad = palp_signature_pad_new ();
    gtk_widget_set_size_request (d->pad, -1, 120);
    gtk_accessible_update_property (GTK_ACCESSIBLE (d->pad), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Signature of the assignment of benefits and release of "
                                      "information"), -1);
    gtk_widget_add_css_class (d->pad_box, "card");
    gtk_widget_set_margin_top (d->pad_box, 12);
    gtk_box_append (GTK_BOX (d->pad_box), d->pad);
    adw_preferences_group_add (signed_group, d->pad_box);
    d->attested = adw_switch_row_new_compat (_("The typed name is the signer's signature"),
                                             _("The signer confirmed it in person."), FALSE);
    gtk_widget_set_visible (d->attested, FALSE);
    adw_preferences_group_add (signed_group, d->attested);
    g_signal_connect (d->drawn, "toggled", G_CALLBACK (on_drawn_toggled_cb), d);
    /* Nothing left to sign: no pad. */
    if (has_assignment && has_release)
      {
        gtk_widget_set_visible (drawn_row, FALSE);
        gtk_widget_set_visible (d->pad_box, FALSE);
      }
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), signed_group);
  }

  adw_preferences_group_set_title (injury, _("Accident or Work Injury"));
  entry (d, injury, "claim-number", _("Claim number"), GET ("claim-number"));
  entry (d, injury, "injury-date", _("Date of injury"), GET ("injury-date"));
  entry (d, injury, "injury-state", _("State or province (two letters)"), GET ("injury-state"));
  entry (d, injury, "employer", _("Employer"), GET ("employer"));
  entry (d, injury, "adjuster", _("Adjuster"), GET ("adjuster"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), injury);
#undef GET
#undef GET_INT

  /* Dates show as the clinic writes them. */
  {
    static const char *dates[] = {
      "starts-on", "ends-on", "insured-birth-date", "prior-on", "injury-date", NULL,
    };

    for (guint i = 0; dates[i] != NULL; i++)
      {
        GtkWidget *row = g_hash_table_lookup (d->entries, dates[i]);
        g_autofree char *iso = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

        if (*iso != '\0')
          {
            g_autofree char *text = short_date (c, iso);

            gtk_editable_set_text (GTK_EDITABLE (row), text);
          }
      }
  }
  gtk_window_present (GTK_WINDOW (dialog_window (d, policy ? _("Edit Policy") : _("Add Policy"),
                                                 policy ? _("_Save") : _("_Add"),
                                                 G_CALLBACK (on_policy_save_cb), page)));
}

static void
on_authorisation_save_cb (GtkButton *button,
                          Dialog    *d)
{
  Coverage *c = d->c;
  g_autoptr(PalpAuthorisation) a = palp_authorisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *number = entry_text (d, "number");
  g_autofree char *note = entry_text (d, "note");

  clear_errors (d);
  if (!read_date (d, G_OBJECT (a), "starts-on") || !read_date (d, G_OBJECT (a), "ends-on") ||
      !read_count (d, G_OBJECT (a), "authorised", 1000))
    return;
  g_object_set (a, "policy-id", d->policy_id, "number", number, "note", note,
                "unit", units[MIN (adw_combo_row_get_selected (d->unit), 1u)], NULL);
  if (!palp_store_save_authorisation (c->store, a, &error))
    {
      fail (d, NULL, error->message);
      return;
    }
  reload (c);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
open_authorisation_dialog (Coverage *c,
                           gint64    policy_id)
{
  Dialog *d = dialog_new (c);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *unit_labels[] = { _("Visits"), _("Units"), NULL };

  d->policy_id = policy_id;
  adw_preferences_group_set_title (group, _("Authorisation"));
  entry (d, group, "number", _("Authorisation number"), NULL);
  d->unit = combo (group, _("Authorises"), unit_labels, 0);
  entry (d, group, "authorised", _("How many"), NULL);
  entry (d, group, "starts-on", _("First day"), NULL);
  entry (d, group, "ends-on", _("Last day"), NULL);
  entry (d, group, "note", _("Note"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  gtk_window_present (GTK_WINDOW (dialog_window (d, _("Add Authorisation"), _("_Add"),
                                                 G_CALLBACK (on_authorisation_save_cb), page)));
}

/* The group ----------------------------------------------------------------- */

static void
on_edit_clicked_cb (GtkButton *button,
                    Coverage  *c)
{
  g_autoptr(PalpPolicy) policy = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "palp-policy-id"));

  if ((policy = palp_store_load_policy (c->store, id, NULL)) != NULL)
    open_policy_dialog (c, policy);
}

static void
on_authorise_clicked_cb (GtkButton *button,
                         Coverage  *c)
{
  open_authorisation_dialog (c, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                                     "palp-policy-id")));
}

static void
on_add_clicked_cb (GtkButton *button,
                   Coverage  *c)
{
  open_policy_dialog (c, NULL);
}

static GtkWidget *
row_button (Coverage   *c,
            const char *icon,
            const char *label,
            gint64      policy_id,
            GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "palp-policy-id", GSIZE_TO_POINTER (policy_id));
  g_signal_connect (button, "clicked", callback, c);
  return button;
}

/* "Visits: 2 of 10 left this year · $270.00 of $1,000.00 left · ..." */
static char *
describe_status (Coverage           *c,
                 PalpPolicy         *policy,
                 PalpCoverageStatus *s)
{
  GString *text = g_string_new (NULL);
  gint64 policy_id = palp_policy_get_int (policy, "id");

#define ADD_PART(...) \
  G_STMT_START { \
    g_autofree char *part_ = g_strdup_printf (__VA_ARGS__); \
    g_string_append_printf (text, "%s%s", text->len ? "\n" : "", part_); \
  } G_STMT_END

  if (s == NULL)
    ADD_PART ("%s", _("Not in force today"));
  else
    {
      if (palp_coverage_status_get_int (s, "has-visit-limit"))
        ADD_PART (_("Visits: %d of %d left this benefit year"),
                  (int) palp_coverage_status_get_int (s, "visits-left"),
                  (int) palp_coverage_status_get_int (s, "visit-limit"));
      if (palp_coverage_status_get_int (s, "has-annual-max"))
        {
          g_autofree char *left = money (c, palp_coverage_status_get_int (s, "dollars-left-cents"));
          g_autofree char *max = money (c, palp_coverage_status_get_int (s, "annual-max-cents"));

          ADD_PART (_("Annual maximum: %s of %s left"), left, max);
        }
      if (palp_coverage_status_get_int (s, "authorisations") > 0)
        {
          g_autofree char *until =
            short_date (c, palp_coverage_status_get_string (s, "authorisation-ends-on"));
          gboolean visits =
            g_strcmp0 (palp_coverage_status_get_string (s, "authorisation-unit"), "units") != 0;
          int left = (int) palp_coverage_status_get_int (s, "authorised-left");

          /* Translators: authorisation number, what is left ("4 visits"), its last day. */
          g_autofree char *amount = visits
            ? g_strdup_printf (ngettext ("%d visit", "%d visits", (gulong) left), left)
            : g_strdup_printf (ngettext ("%d unit", "%d units", (gulong) left), left);

          ADD_PART (_("Authorisation %s: %s left, until %s"),
                    palp_coverage_status_get_string (s, "authorisation-number"), amount, until);
        }
      else if (palp_coverage_status_get_int (s, "preauth-required"))
        ADD_PART ("%s", _("Pre-authorisation required: none in force"));
      if (palp_coverage_status_get_int (s, "referral-required"))
        {
          if (!palp_coverage_status_get_int (s, "referral-valid"))
            ADD_PART ("%s", _("Referral required: none in force"));
          else if (palp_coverage_status_get_string (s, "referral-expires-on") != NULL)
            {
              g_autofree char *until =
                short_date (c, palp_coverage_status_get_string (s, "referral-expires-on"));

              ADD_PART (_("Referral valid until %s"), until);
            }
        }
    }
  if (palp_policy_get_string (policy, "claim-number") != NULL)
    {
      g_autofree char *when = short_date (c, palp_policy_get_string (policy, "injury-date"));

      ADD_PART (_("Claim %s · injury %s %s"), palp_policy_get_string (policy, "claim-number"),
                when, palp_policy_get_string (policy, "injury-state")
                        ? palp_policy_get_string (policy, "injury-state") : "");
    }
  ADD_PART ("%s · %s",
            palp_store_signature_on_file (c->store, policy_id, "assignment")
              ? _("Assignment of benefits on file") : _("No assignment of benefits"),
            palp_store_signature_on_file (c->store, policy_id, "release")
              ? _("release of information on file") : _("no release of information"));
#undef ADD_PART
  return g_string_free (text, FALSE);
}

static void
reload (Coverage *c)
{
  g_autoptr(GListModel) policies = palp_store_list_policies (c->store, c->client_id, FALSE, NULL);
  g_autoptr(GListModel) statuses = palp_store_get_coverage (c->store, c->client_id, NULL, NULL);
  guint n = policies ? g_list_model_get_n_items (policies) : 0;

  for (guint i = 0; i < c->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (c->group),
                                  g_ptr_array_index (c->rows, i));
  g_ptr_array_set_size (c->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpPolicy) policy = g_list_model_get_item (policies, i);
      g_autoptr(PalpCoverageStatus) status = NULL;
      g_autofree char *subtitle = NULL, *title = NULL;
      gint64 id = palp_policy_get_int (policy, "id");
      GtkWidget *row = adw_action_row_new ();

      for (guint k = 0; statuses != NULL && k < g_list_model_get_n_items (statuses); k++)
        {
          g_autoptr(PalpCoverageStatus) s = g_list_model_get_item (statuses, k);

          if (palp_coverage_status_get_int (s, "policy-id") == id)
            status = g_steal_pointer (&s);
        }
      subtitle = describe_status (c, policy, status);
      /* Translators: payer, its kind, the member ID, as in
       * "Cascade Health Plan · Health plan · CHP-204". */
      title = g_strdup_printf (_("%s · %s · %s"), palp_policy_get_string (policy, "payer-name"),
                               palp_payer_kind_get_label (palp_policy_get_string (policy,
                                                                                  "payer-kind")),
                               palp_policy_get_string (policy, "member-id"));
      if (g_strcmp0 (palp_policy_get_string (policy, "priority"), "secondary") == 0)
        {
          char *with = g_strdup_printf ("%s (%s)", title, _("secondary"));

          g_free (title);
          title = with;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (c, "list-add-symbolic", _("Add an authorisation"),
                                             id, G_CALLBACK (on_authorise_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (c, "document-edit-symbolic", _("Edit this policy"),
                                             id, G_CALLBACK (on_edit_clicked_cb)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (c->group), row);
      g_ptr_array_add (c->rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No insurance on file"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The client pays; add a policy when a plan covers the "
                                     "visits."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (c->group), row);
      g_ptr_array_add (c->rows, row);
    }
}

GtkWidget *
palp_client_coverage_new (PalpStore  *store,
                          PalpClinic *clinic,
                          gint64      client_id)
{
  Coverage *c = g_new0 (Coverage, 1);
  GtkWidget *add;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  c->store = g_object_ref (store);
  c->country = palp_ui_country (clinic);
  c->currency = palp_ui_currency (clinic);
  c->client_id = client_id;
  c->rows = g_ptr_array_new ();
  c->group = adw_preferences_group_new ();
  g_object_set_data_full (G_OBJECT (c->group), "palp-coverage", c, coverage_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (c->group), _("Coverage"));
  add = gtk_button_new_with_mnemonic (_("_Add Policy…"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), c);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (c->group), add);
  reload (c);
  return c->group;
}
