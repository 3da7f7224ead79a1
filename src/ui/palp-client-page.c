/* palp-client-page.c: one client's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-audit-window.h"
#include "palp-client-billing.h"
#include "palp-client-coverage.h"
#include "palp-client-documents.h"
#include "palp-client-health.h"
#include "palp-client-page.h"
#include "palp-client-plan.h"
#include "palp-money.h"
#include "palp-screening.h"
#include "palp-store-audit.h"
#include "palp-visit-list.h"

struct _PalpClientPage
{
  GtkWidget       parent_instance;

  PalpStore      *store;
  PalpClinic     *clinic;
  PalpClient     *client;

  GtkWidget      *box;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkFlowBox     *flags_box;
  AdwViewStack   *stack;
  GtkBox         *overview_box;
  PalpClientHealth *health;
  PalpVisitList  *visit_list;
  PalpClientBilling *billing;
  PalpClientPlan *plan;
  PalpClientDocuments *documents;
  GHashTable     *loaded;   /* tabs filled for the current client */
};

G_DEFINE_FINAL_TYPE (PalpClientPage, palp_client_page, GTK_TYPE_WIDGET)

static PalpCountry
country (PalpClientPage *self)
{
  return self->clinic ? palp_clinic_get_country_enum (self->clinic) : PALP_COUNTRY_US;
}

/* A pill for a flag: its words and an icon carry the meaning, the colour
 * only repeats it. */
static GtkWidget *
flag_pill (const char *flag)
{
  g_auto(GStrv) parts = g_strsplit (flag, ":", 2);
  const char *kind = parts[0];
  const char *what = parts[1] ? parts[1] : "";
  g_autofree char *text = NULL;
  const char *icon = "dialog-information-symbolic";
  const char *style = "accent";
  GtkWidget *box, *label;

  if (g_str_equal (kind, "allergy"))
    text = g_strdup_printf (_("Allergy: %s"), what), icon = "dialog-warning-symbolic",
    style = "error";
  else if (g_str_equal (kind, "contraindication"))
    text = g_strdup_printf (_("Contraindication: %s"), what), icon = "dialog-warning-symbolic",
    style = "error";
  else if (g_str_equal (kind, "balance"))
    text = g_strdup_printf (_("Balance owing %s"), what), style = "warning";
  else if (g_str_equal (kind, "referral-expiring"))
    text = g_strdup_printf (_("Referral expires %s"), what), style = "warning";
  else if (g_str_has_prefix (kind, "authorisation-") || g_str_has_prefix (kind, "visit-limit-"))
    text = g_strdup (what), style = g_str_has_suffix (kind, "expiring") ||
                                    g_str_has_suffix (kind, "near") ? "warning" : "error";
  else if (g_str_equal (kind, "minor"))
    text = g_strdup (_("Minor: guardian consents")), icon = "avatar-default-symbolic";
  else if (g_str_equal (kind, "archived"))
    text = g_strdup (_("Archived")), icon = "folder-symbolic", style = "dim-label";
  else
    text = g_strdup (flag);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (box, "palp-flag");
  gtk_widget_add_css_class (box, style);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  label = gtk_label_new (text);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return box;
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value,
         guint               *n_rows)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  /* Values are typed by people (and the history quotes them): text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  (*n_rows)++;
}

static char *
get_string (PalpClient *client,
            const char *prop)
{
  char *value = NULL;

  g_object_get (client, prop, &value, NULL);
  return value;
}

static void
on_show_history_cb (PalpClientPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL || self->client == NULL)
    return;
  gtk_window_present (GTK_WINDOW (palp_audit_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                         self->store,
                                                         palp_client_get_id (self->client))));
}

static void
add_group (PalpClientPage *self,
           GtkWidget      *group,
           guint           n_rows)
{
  if (n_rows == 0)
    {
      g_object_ref_sink (group);
      g_object_unref (group);
      return;
    }
  gtk_box_append (self->overview_box, group);
}

/* What the clinical record says the header must show: allergies from the
 * latest health history, contraindications of the latest screening that
 * still stand, and referrals expired or expiring within 30 days. */
static void
add_record_flags (PalpClientPage *self,
                  PalpClient     *c)
{
  gint64 id = palp_client_get_id (c);
  g_autoptr(PalpHealthHistory) history = palp_store_latest_health_history (self->store, id, NULL);
  g_autoptr(GListModel) findings = palp_store_list_active_contraindications (self->store, id, NULL);
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(GListModel) referrals = palp_store_list_expiring_referrals (self->store, id, today,
                                                                        30, NULL);

  if (history != NULL && palp_health_history_get_string (history, "allergies") != NULL)
    {
      g_auto(GStrv) allergies =
        g_strsplit_set (palp_health_history_get_string (history, "allergies"), ",;", -1);

      for (guint i = 0; allergies[i] != NULL; i++)
        {
          g_autofree char *flag = NULL;

          g_strstrip (allergies[i]);
          if (*allergies[i] == '\0')
            continue;
          flag = g_strconcat ("allergy:", allergies[i], NULL);
          gtk_flow_box_append (self->flags_box, flag_pill (flag));
        }
    }
  for (guint i = 0; findings != NULL && i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PalpFindingRecord) finding = g_list_model_get_item (findings, i);
      const char *key = palp_finding_record_get_string (finding, "kind");
      PalpContraKind kind;
      g_autofree char *flag = NULL;

      flag = g_strconcat ("contraindication:",
                          palp_contra_kind_from_key (key, &kind)
                            ? palp_contra_kind_get_label (kind) : key, NULL);
      gtk_flow_box_append (self->flags_box, flag_pill (flag));
    }
  /* Coverage: authorisations and visit limits, in words. */
  {
    g_auto(GStrv) coverage = palp_client_coverage_flags (self->store, id, country (self));

    for (guint i = 0; coverage[i] != NULL; i++)
      gtk_flow_box_append (self->flags_box, flag_pill (coverage[i]));
  }
  for (guint i = 0; referrals != NULL && i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr(PalpReferral) referral = g_list_model_get_item (referrals, i);
      g_autofree char *when = palp_date_format_short (palp_referral_get_string (referral,
                                                                                "expires-on"),
                                                      country (self));
      g_autofree char *flag = g_strconcat ("referral-expiring:", when ? when : "", NULL);

      gtk_flow_box_append (self->flags_box, flag_pill (flag));
    }
}

static void
rebuild (PalpClientPage *self)
{
  PalpClient *c = self->client;
  g_autofree char *display = NULL, *birth = NULL, *pronouns = NULL;
  g_autofree char *today = palp_date_today_iso ();
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkWidget *child;
  GtkWidget *group;
  guint n;
  int age;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview_box))))
    gtk_box_remove (self->overview_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flags_box))))
    gtk_flow_box_remove (self->flags_box, child);

  if (c == NULL)
    return;

  display = palp_client_dup_display_name (c);
  gtk_label_set_text (self->name_label, display);
  adw_avatar_set_text (self->avatar, display);

  age = palp_client_get_age (c, today);
  birth = palp_date_format_short (palp_client_get_birth_date (c), country (self));
  pronouns = get_string (c, "pronouns");
  if (age >= 0)
    g_string_append_printf (summary, ngettext ("%d year old", "%d years old", age), age);
  if (birth != NULL)
    g_string_append_printf (summary, "%s%s %s", summary->len ? " · " : "", _("born"), birth);
  if (pronouns != NULL)
    g_string_append_printf (summary, "%s%s", summary->len ? " · " : "", pronouns);
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);

  /* Flags: what the store knows plus what the record itself says. */
  {
    const char * const *flags = palp_client_get_flags (c);
    g_autofree char *guardian = get_string (c, "guardian-name");

    for (guint i = 0; flags[i] != NULL; i++)
      gtk_flow_box_append (self->flags_box, flag_pill (flags[i]));
    if (self->store != NULL)
      add_record_flags (self, c);
    if (self->store != NULL)
      {
        gint64 owing = palp_store_client_balance (self->store, palp_client_get_id (c), NULL);

        if (owing > 0)
          {
            g_autofree char *code = NULL;
            g_autofree char *amount = NULL;
            g_autofree char *flag = NULL;
            PalpCurrency currency = PALP_CURRENCY_USD;

            if (self->clinic != NULL)
              g_object_get (self->clinic, "currency", &code, NULL);
            if (code != NULL)
              palp_currency_from_code (code, &currency, NULL);
            amount = palp_money_format (owing, currency, NULL);
            flag = g_strconcat ("balance:", amount, NULL);
            gtk_flow_box_append (self->flags_box, flag_pill (flag));
          }
      }
    if (age >= 0 && age < 18)
      gtk_flow_box_append (self->flags_box, flag_pill ("minor"));
    if (palp_client_get_archived (c))
      gtk_flow_box_append (self->flags_box, flag_pill ("archived"));
    gtk_widget_set_visible (GTK_WIDGET (self->flags_box),
                            gtk_widget_get_first_child (GTK_WIDGET (self->flags_box)) != NULL);
  }

  /* Contact */
  {
    g_autofree char *mobile = get_string (c, "mobile-phone"), *home = get_string (c, "home-phone");
    g_autofree char *email = get_string (c, "email"), *street = get_string (c, "street");
    g_autofree char *city = get_string (c, "city"), *region = get_string (c, "region");
    g_autofree char *postal = get_string (c, "postal-code");
    g_autofree char *locality = g_strjoin (" ", city ? city : "", region ? region : "",
                                           postal ? postal : "", NULL);
    g_autofree char *address = NULL;

    g_strstrip (locality);
    if (street != NULL || *locality != '\0')
      address = g_strdup_printf ("%s%s%s", street ? street : "",
                                 street && *locality ? "\n" : "", locality);

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Contact"));
    n = 0;
    add_row (ADW_PREFERENCES_GROUP (group), _("Mobile phone"), mobile, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("Home phone"), home, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("E-mail"), email, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("Address"), address, &n);
    if (n == 0)
      add_row (ADW_PREFERENCES_GROUP (group), _("No contact details"),
               _("Add a phone number or e-mail with Edit."), &n);
    add_group (self, group, n);
  }

  /* Emergency contact and guardian */
  {
    g_autofree char *ename = get_string (c, "emergency-name");
    g_autofree char *ephone = get_string (c, "emergency-phone");
    g_autofree char *gname = get_string (c, "guardian-name");
    g_autofree char *grel = get_string (c, "guardian-relationship");
    g_autofree char *gphone = get_string (c, "guardian-phone");

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Emergency Contact"));
    n = 0;
    add_row (ADW_PREFERENCES_GROUP (group), _("Name"), ename, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("Phone"), ephone, &n);
    add_group (self, group, n);

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Guardian"));
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Consents for this client are given by the "
                                             "guardian."));
    n = 0;
    add_row (ADW_PREFERENCES_GROUP (group), _("Name"), gname, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("Relationship"), grel, &n);
    add_row (ADW_PREFERENCES_GROUP (group), _("Phone"), gphone, &n);
    add_group (self, group, n);
  }

  /* Coverage */
  if (self->store != NULL)
    gtk_box_append (self->overview_box,
                    palp_client_coverage_new (self->store, self->clinic, palp_client_get_id (c)));

  /* Notes */
  {
    g_autofree char *notes = get_string (c, "notes");

    group = adw_preferences_group_new ();
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Notes"));
    n = 0;
    add_row (ADW_PREFERENCES_GROUP (group), _("About this client"), notes, &n);
    add_group (self, group, n);
  }

  /* History: the audit log of this client, newest first. */
  if (self->store != NULL)
    {
      PalpAuditQuery query = { .client_id = palp_client_get_id (c), .limit = 20 };
      g_autoptr(GListModel) audit = palp_store_query_audit (self->store, &query, NULL);
      guint n_audit = audit ? g_list_model_get_n_items (audit) : 0;
      GtkWidget *all = gtk_button_new_with_mnemonic (_("_Show All…"));

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Change History"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Every change to this record, with who made "
                                               "it and when."));
      gtk_widget_set_valign (all, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (all, _("The whole history, filtered and exported in the "
                                          "Audit Log"));
      g_signal_connect_swapped (all, "clicked", G_CALLBACK (on_show_history_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), all);
      n = 0;
      for (guint i = 0; i < MIN (n_audit, 20); i++)
        {
          g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (audit, i);
          g_autofree char *at = NULL, *who = NULL, *action = NULL, *table = NULL;
          g_autofree char *before = NULL, *after = NULL, *change = NULL, *what = NULL;
          g_autofree char *when = NULL, *line = NULL;
          g_autoptr(GDateTime) dt = NULL;

          g_object_get (entry, "at", &at, "user-name", &who, "action", &action,
                        "table-name", &table, "before", &before, "after", &after, NULL);
          change = palp_audit_describe_change (action, before, after, TRUE);
          /* Translators: what was changed and how, "Visit · status: booked → attended". */
          what = g_strdup_printf (_("%s · %s"), palp_audit_table_label (table),
                                  *change ? change : palp_audit_action_label (action));
          dt = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
          if (dt != NULL)
            {
              g_autoptr(GDateTime) local = g_date_time_to_local (dt);
              g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
              g_autofree char *day = palp_date_format_short (date, country (self));
              g_autofree char *time = g_date_time_format (local, "%H:%M");

              when = g_strdup_printf ("%s %s", day ? day : date, time);
            }
          line = g_strdup_printf ("%s · %s", when ? when : (at ? at : ""),
                                  who ? who : _("unknown user"));
          add_row (ADW_PREFERENCES_GROUP (group), what, line, &n);
        }
      add_group (self, group, n);
    }
}

void
palp_client_page_set_store (PalpClientPage *self,
                            PalpStore      *store)
{
  g_return_if_fail (PALP_IS_CLIENT_PAGE (self));
  g_set_object (&self->store, store);
  palp_visit_list_set_store (self->visit_list, store);
  palp_client_health_set_store (self->health, store);
  palp_client_billing_set_store (self->billing, store);
  palp_client_plan_set_store (self->plan, store);
  palp_client_documents_set_store (self->documents, store);
}

void
palp_client_page_set_clinic (PalpClientPage *self,
                             PalpClinic     *clinic)
{
  g_return_if_fail (PALP_IS_CLIENT_PAGE (self));
  g_set_object (&self->clinic, clinic);
  palp_visit_list_set_clinic (self->visit_list, clinic);
  palp_client_health_set_clinic (self->health, clinic);
}

void
palp_client_page_set_user (PalpClientPage *self,
                           PalpUser       *user)
{
  g_return_if_fail (PALP_IS_CLIENT_PAGE (self));
  palp_visit_list_set_user (self->visit_list, user);
  palp_client_billing_set_user (self->billing, user);
  palp_client_health_set_user (self->health, user);
  palp_client_documents_set_user (self->documents, user);
}

/* Each tab is filled when it is first shown for the client: a client
 * with years of visits opens as fast as a new one, and the tabs nobody
 * looks at cost nothing. */
static void
load_tab (PalpClientPage *self,
          const char     *name)
{
  PalpClient *client = self->client;

  if (name == NULL || self->loaded == NULL || g_hash_table_contains (self->loaded, name))
    return;
  g_hash_table_add (self->loaded, g_strdup (name));
  if (g_str_equal (name, "visits"))
    palp_visit_list_set_client (self->visit_list, client ? palp_client_get_id (client) : 0);
  else if (g_str_equal (name, "billing"))
    palp_client_billing_set_client (self->billing, client);
  else if (g_str_equal (name, "health"))
    palp_client_health_set_client (self->health, client);
  else if (g_str_equal (name, "plan"))
    palp_client_plan_set_client (self->plan, client);
  else if (g_str_equal (name, "documents"))
    palp_client_documents_set_client (self->documents, client);
}

static void
on_tab_shown_cb (PalpClientPage *self)
{
  load_tab (self, adw_view_stack_get_visible_child_name (self->stack));
}

void
palp_client_page_set_client (PalpClientPage *self,
                             PalpClient     *client)
{
  g_return_if_fail (PALP_IS_CLIENT_PAGE (self));

  g_set_object (&self->client, client);
  g_hash_table_remove_all (self->loaded);
  g_hash_table_add (self->loaded, g_strdup ("overview"));
  adw_view_stack_set_visible_child_name (self->stack, "overview");
  rebuild (self);
}

void
palp_client_page_show_tab (PalpClientPage *self,
                           const char     *name)
{
  g_return_if_fail (PALP_IS_CLIENT_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, name);
  load_tab (self, name);
}

PalpClient *
palp_client_page_get_client (PalpClientPage *self)
{
  g_return_val_if_fail (PALP_IS_CLIENT_PAGE (self), NULL);
  return self->client;
}

static void
palp_client_page_dispose (GObject *object)
{
  PalpClientPage *self = (PalpClientPage *) object;

  g_clear_pointer (&self->loaded, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_CLIENT_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (palp_client_page_parent_class)->dispose (object);
}

static void
palp_client_page_class_init (PalpClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_client_page_dispose;

  g_type_ensure (PALP_TYPE_VISIT_LIST);
  g_type_ensure (PALP_TYPE_CLIENT_BILLING);
  g_type_ensure (PALP_TYPE_CLIENT_HEALTH);
  g_type_ensure (PALP_TYPE_CLIENT_PLAN);
  g_type_ensure (PALP_TYPE_CLIENT_DOCUMENTS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, box);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, flags_box);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, visit_list);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, billing);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, health);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, plan);
  gtk_widget_class_bind_template_child (widget_class, PalpClientPage, documents);
}

/* A health history or screening saved on the Health tab changes the
 * header's flags. */
static void
on_health_changed_cb (PalpClientPage *self)
{
  rebuild (self);
}

static void
palp_client_page_init (PalpClientPage *self)
{
  self->loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->health, "changed", G_CALLBACK (on_health_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_tab_shown_cb), self, G_CONNECT_SWAPPED);
}
