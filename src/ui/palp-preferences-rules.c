/* palp-preferences-rules.c: the jurisdiction rules signing checks
 *
 * The rules are data the clinic keeps current as the law changes: each
 * says what a jurisdiction asks of intra-oral or TMJ work, with its source
 * and date. An edit is written back as the whole rules file
 * (palp_rules_to_json ()) and the store parses it before keeping it, so a
 * rule the signing checks could not read is refused with the parser's
 * message and nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-compat.h"
#include "palp-preferences-rules.h"
#include "palp-sign-gates.h"
#include "palp-ui-util.h"

typedef struct
{
  PalpStore           *store;
  PalpUser            *user;
  GtkWidget           *page;
  gboolean             may_edit;
  char                *denied;
  GtkWidget           *status_row;
  GtkLabel            *message;
  GPtrArray           *groups;    /* the jurisdictions' groups, as shown */
  GPtrArray           *rules;     /* of PalpRule, as stored */
  char                *about;
} Rules;

static void
rules_free (gpointer data)
{
  Rules *r = data;

  g_clear_object (&r->store);
  g_clear_object (&r->user);
  g_clear_pointer (&r->denied, g_free);
  g_clear_pointer (&r->groups, g_ptr_array_unref);
  g_clear_pointer (&r->rules, g_ptr_array_unref);
  g_clear_pointer (&r->about, g_free);
  g_free (r);
}

static void
toast (Rules      *r,
       const char *text,
       gboolean    is_error)
{
  GtkRoot *root = gtk_widget_get_root (r->page);
  AdwToast *t;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  t = adw_toast_new (text);
  adw_toast_set_timeout (t, is_error ? 0 : 2);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), t);
}

static const char *
scope_label (PalpRuleScope scope)
{
  switch (scope)
    {
    case PALP_RULE_SCOPE_INTRA_ORAL:
      return _("Intra-oral work");
    case PALP_RULE_SCOPE_TMJ:
      return _("TMJ treatment");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
requirement_label (PalpRuleRequirement requirement)
{
  switch (requirement)
    {
    case PALP_RULE_PERMITTED:
      return _("Permitted");
    case PALP_RULE_NOT_PERMITTED:
      return _("Not permitted");
    case PALP_RULE_ENDORSEMENT:
      return _("Licence endorsement");
    case PALP_RULE_WRITTEN_REFERRAL:
      return _("Written referral");
    case PALP_RULE_CONSENT:
      return _("Client's consent");
    case PALP_RULE_TRAINING:
      return _("Training on file");
    default:
      g_return_val_if_reached ("");
    }
}

/* What the rule asks, in a sentence. */
static char *
describe_requirement (const PalpRule *rule)
{
  const char *scope = scope_label (rule->scope);

  switch (rule->requirement)
    {
    case PALP_RULE_PERMITTED:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment" */
      return g_strdup_printf (_("%s is permitted"), scope);
    case PALP_RULE_NOT_PERMITTED:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment" */
      return g_strdup_printf (_("%s is not permitted"), scope);
    case PALP_RULE_ENDORSEMENT:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment", then the
       * endorsement's name, e.g. intra-oral */
      return g_strdup_printf (_("%s needs the licence endorsement “%s”"), scope,
                              rule->endorsement ? rule->endorsement : "");
    case PALP_RULE_WRITTEN_REFERRAL:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment" */
      return g_strdup_printf (_("%s needs a written referral on file"), scope);
    case PALP_RULE_CONSENT:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment" */
      return g_strdup_printf (_("%s needs the client's intra-oral consent on file"), scope);
    case PALP_RULE_TRAINING:
      /* Translators: %s is "Intra-oral work" or "TMJ treatment" */
      return g_strdup_printf (_("%s needs the practitioner's training on file"), scope);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void open_rule_dialog (Rules *r, int index);
static void reload (Rules *r);

/* Writes @rules as the clinic's; FALSE with the store's error, nothing
 * changed. */
static gboolean
save_rules (Rules      *r,
            GPtrArray  *rules,
            GError    **error)
{
  g_autofree char *json = palp_rules_to_json (rules, r->about);

  return palp_store_save_rules_json (r->store, json, error);
}

static GPtrArray *
copy_rules (GPtrArray *rules)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_rule_free);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    g_ptr_array_add (copy, palp_rule_copy (g_ptr_array_index (rules, i)));
  return copy;
}

static void
on_edit_clicked_cb (GtkButton *button,
                    Rules     *r)
{
  open_rule_dialog (r, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "palp-index")));
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Rules            *r)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "palp-rule-id");
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  rules = copy_rules (r->rules);
  for (guint i = 0; i < rules->len; i++)
    if (g_strcmp0 (((PalpRule *) g_ptr_array_index (rules, i))->id, id) == 0)
      {
        g_ptr_array_remove_index (rules, i);
        break;
      }
  if (!save_rules (r, rules, &error))
    {
      toast (r, error->message, TRUE);
      return;
    }
  reload (r);
  toast (r, _("Rule removed"), FALSE);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      Rules     *r)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "palp-index"));
  const PalpRule *rule = g_ptr_array_index (r->rules, index);
  g_autofree char *what = describe_requirement (rule);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (r->page)),
                                   _("Remove This Rule?"), NULL);
  /* Translators: the jurisdiction's name, then what the rule requires */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s: %s. Signing no longer checks it."),
                                  rule->jurisdiction_name, what);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove Rule"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "palp-rule-id", g_strdup (rule->id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response_cb), r);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
rule_row (Rules *r,
          int    index)
{
  const PalpRule *rule = g_ptr_array_index (r->rules, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = describe_requirement (rule);
  g_autoptr(GString) subtitle = g_string_new (rule->summary);

  g_string_append_c (subtitle, '\n');
  if (rule->date != NULL)
    /* Translators: the rule's source, then its date (2023, 2023-05...) */
    g_string_append_printf (subtitle, _("Source: %s, %s"), rule->source, rule->date);
  else
    /* Translators: the rule's source */
    g_string_append_printf (subtitle, _("Source: %s (no date)"), rule->source);
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, rule->overridable ? _("may be overridden with a reason")
                                               : _("cannot be overridden"));
  if (rule->verify)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Verify before relying on it: the source is a weaker one."));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (rule->verify)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Verify before relying on it"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Verify before relying on it"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  if (r->may_edit)
    {
      GtkWidget *edit = icon_button ("document-edit-symbolic", _("Edit this rule"));
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove this rule"));

      g_object_set_data (G_OBJECT (edit), "palp-index", GINT_TO_POINTER (index));
      g_object_set_data_full (G_OBJECT (edit), "palp-rule-id", g_strdup (rule->id), g_free);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), r);
      g_object_set_data (G_OBJECT (remove), "palp-index", GINT_TO_POINTER (index));
      g_object_set_data_full (G_OBJECT (remove), "palp-rule-id", g_strdup (rule->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), r);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

static void
reload (Rules *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *current = NULL;
  gboolean is_default = FALSE;
  guint *order;

  for (guint i = 0; i < r->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (r->page),
                                 g_ptr_array_index (r->groups, i));
  g_ptr_array_set_size (r->groups, 0);

  if ((json = palp_store_get_rules_json (r->store, &is_default, &error)) != NULL)
    {
      bytes = g_bytes_new (json, strlen (json));
      rules = palp_rules_parse (bytes, &error);
    }
  if (rules == NULL)
    {
      gtk_label_set_text (r->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (r->message), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (r->message), FALSE);
  g_clear_pointer (&r->about, g_free);
  r->about = palp_rules_read_about (bytes);
  g_clear_pointer (&r->rules, g_ptr_array_unref);
  r->rules = g_steal_pointer (&rules);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (r->status_row),
                               is_default ? _("The rules shipped with Palpate, unchanged.")
                                          : _("The clinic's edited copy of the rules."));

  /* By jurisdiction code, keeping the file's order within each. */
  order = g_new (guint, r->rules->len);
  for (guint i = 0; i < r->rules->len; i++)
    order[i] = i;
  for (guint i = 1; i < r->rules->len; i++)
    for (guint j = i; j > 0; j--)
      {
        const PalpRule *a = g_ptr_array_index (r->rules, order[j - 1]);
        const PalpRule *b = g_ptr_array_index (r->rules, order[j]);
        guint swap;

        if (strcmp (a->jurisdiction, b->jurisdiction) <= 0)
          break;
        swap = order[j - 1];
        order[j - 1] = order[j];
        order[j] = swap;
      }

  for (guint i = 0; i < r->rules->len; i++)
    {
      const PalpRule *rule = g_ptr_array_index (r->rules, order[i]);

      if (g_strcmp0 (current, rule->jurisdiction) != 0)
        {
          /* Translators: a jurisdiction's name and code: Ohio (US-OH) */
          g_autofree char *title = g_strdup_printf (_("%s (%s)"), rule->jurisdiction_name,
                                                    rule->jurisdiction);
          g_autofree char *escaped = g_markup_escape_text (title, -1);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, escaped);
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (r->page), group);
          g_ptr_array_add (r->groups, group);
          current = rule->jurisdiction;
        }
      adw_preferences_group_add (group, rule_row (r, (int) order[i]));
    }
  g_free (order);

  if (r->rules->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No rules"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Signing checks no jurisdiction's rules. Add one, or "
                                     "restore the shipped rules."));
      adw_preferences_group_add (group, row);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (r->page), group);
      g_ptr_array_add (r->groups, group);
    }
}

/* The rule dialog -------------------------------------------------------- */

typedef struct
{
  Rules      *r;
  int         index;        /* the rule edited, or -1 for a new one */
  GtkWidget  *window;
  GtkWidget  *jurisdiction, *jurisdiction_name, *endorsement, *summary, *source, *date;
  AdwComboRow *scope, *requirement;
  GtkWidget  *verify, *overridable;
  GtkLabel   *message;
} RuleDialog;

static GtkWidget *
dialog_entry (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_preferences_group_add (group, row);
  return row;
}

static char *
entry_text (GtkWidget *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
show_dialog_error (RuleDialog *d,
                   GtkWidget  *row,
                   const char *text)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (d->message, text);
  gtk_widget_set_visible (GTK_WIDGET (d->message), TRUE);
}

/* A new rule's id from its jurisdiction, scope and requirement, unique
 * among @rules. */
static char *
new_rule_id (GPtrArray      *rules,
             const PalpRule *rule)
{
  g_autofree char *base = g_strdup_printf ("%s-%s-%s", rule->jurisdiction ? rule->jurisdiction
                                                                           : "rule",
                                           palp_rule_scope_to_key (rule->scope),
                                           palp_rule_requirement_to_key (rule->requirement));
  g_autofree char *lower = g_ascii_strdown (base, -1);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (lower) : g_strdup_printf ("%s-%u", lower, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < rules->len && !taken; i++)
        taken = g_strcmp0 (((PalpRule *) g_ptr_array_index (rules, i))->id, id) == 0;
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
on_rule_save_cb (GtkButton  *button,
                 RuleDialog *d)
{
  Rules *r = d->r;
  g_autoptr(PalpRule) rule = g_new0 (PalpRule, 1);
  g_autoptr(GPtrArray) rules = copy_rules (r->rules);
  g_autoptr(GError) error = NULL;
  g_autofree char *jurisdiction = entry_text (d->jurisdiction);

  gtk_widget_remove_css_class (d->endorsement, "error");
  rule->jurisdiction = jurisdiction ? g_ascii_strup (jurisdiction, -1) : NULL;
  rule->jurisdiction_name = entry_text (d->jurisdiction_name);
  rule->scope = (PalpRuleScope) adw_combo_row_get_selected (d->scope);
  rule->requirement = (PalpRuleRequirement) adw_combo_row_get_selected (d->requirement);
  if (rule->requirement == PALP_RULE_ENDORSEMENT)
    rule->endorsement = entry_text (d->endorsement);
  rule->summary = entry_text (d->summary);
  rule->source = entry_text (d->source);
  rule->date = entry_text (d->date);
  rule->verify = adw_switch_row_get_active_compat (d->verify);
  rule->overridable = adw_switch_row_get_active_compat (d->overridable);

  if (rule->requirement == PALP_RULE_ENDORSEMENT && rule->endorsement == NULL)
    {
      show_dialog_error (d, d->endorsement,
                         _("Name the endorsement the licence must carry, such as intra-oral. "
                           "Nothing was saved."));
      return;
    }

  if (d->index >= 0)
    {
      rule->id = g_strdup (((PalpRule *) g_ptr_array_index (rules, d->index))->id);
      g_ptr_array_remove_index (rules, d->index);
      g_ptr_array_insert (rules, d->index, g_steal_pointer (&rule));
    }
  else
    {
      rule->id = new_rule_id (rules, rule);
      g_ptr_array_add (rules, g_steal_pointer (&rule));
    }

  /* The store parses the whole file first: its message names the rule
   * and the member at fault. */
  if (!save_rules (r, rules, &error))
    {
      show_dialog_error (d, NULL, error->message);
      return;
    }
  reload (r);
  toast (r, d->index >= 0 ? _("Rule saved") : _("Rule added"), FALSE);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
on_requirement_changed_cb (AdwComboRow *row,
                           GParamSpec  *pspec,
                           RuleDialog  *d)
{
  gtk_widget_set_visible (d->endorsement,
                          adw_combo_row_get_selected (row) == PALP_RULE_ENDORSEMENT);
}

static AdwComboRow *
dialog_combo (AdwPreferencesGroup *group,
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

static void
open_rule_dialog (Rules *r,
                  int    index)
{
  RuleDialog *d = g_new0 (RuleDialog, 1);
  const PalpRule *rule = index >= 0 ? g_ptr_array_index (r->rules, index) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *where = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *what = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *source = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *save = gtk_button_new_with_mnemonic (rule ? _("_Save") : _("_Add"));
  const char *scopes[] = { scope_label (PALP_RULE_SCOPE_INTRA_ORAL),
                           scope_label (PALP_RULE_SCOPE_TMJ), NULL };
  const char *requirements[] = {
    requirement_label (PALP_RULE_PERMITTED), requirement_label (PALP_RULE_NOT_PERMITTED),
    requirement_label (PALP_RULE_ENDORSEMENT), requirement_label (PALP_RULE_WRITTEN_REFERRAL),
    requirement_label (PALP_RULE_CONSENT), requirement_label (PALP_RULE_TRAINING), NULL,
  };

  d->r = r;
  d->index = index;
  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), rule ? _("Edit Rule") : _("Add Rule"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window),
                                GTK_WINDOW (gtk_widget_get_root (r->page)));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 560, 700);
  g_object_set_data_full (G_OBJECT (d->window), "palp-dialog", d, g_free);

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_rule_save_cb), d);
  gtk_box_append (GTK_BOX (box), header);
  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (d->message), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (d->message), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (d->message), 24);
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));

  adw_preferences_group_set_title (where, _("Where"));
  d->jurisdiction = dialog_entry (where, _("Jurisdiction code (e.g. US-OH, CA-AB)"),
                                  rule ? rule->jurisdiction : NULL);
  d->jurisdiction_name = dialog_entry (where, _("Jurisdiction name"),
                                       rule ? rule->jurisdiction_name : NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), where);

  adw_preferences_group_set_title (what, _("What It Requires"));
  d->scope = dialog_combo (what, _("Applies to"), scopes, rule ? rule->scope : 0);
  d->requirement = dialog_combo (what, _("Requirement"), requirements,
                                 rule ? rule->requirement : PALP_RULE_CONSENT);
  d->endorsement = dialog_entry (what, _("Endorsement (e.g. intra-oral)"),
                                 rule ? rule->endorsement : NULL);
  gtk_widget_set_visible (d->endorsement,
                          adw_combo_row_get_selected (d->requirement) == PALP_RULE_ENDORSEMENT);
  g_signal_connect (d->requirement, "notify::selected", G_CALLBACK (on_requirement_changed_cb),
                    d);
  d->summary = dialog_entry (what, _("Summary"), rule ? rule->summary : NULL);
  d->overridable = adw_switch_row_new_compat (_("May be overridden"),
                                              _("A practitioner may sign past it, giving a "
                                                "reason that is recorded."),
                                              rule ? rule->overridable : FALSE);
  adw_preferences_group_add (what, d->overridable);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), what);

  adw_preferences_group_set_title (source, _("Source"));
  d->source = dialog_entry (source, _("Source (e.g. OAC 4731-1-05)"),
                            rule ? rule->source : NULL);
  d->date = dialog_entry (source, _("Date (2023, 2023-05 or 2023-05-17)"),
                          rule ? rule->date : NULL);
  d->verify = adw_switch_row_new_compat (_("Verify before relying on it"),
                                         _("The source is a weaker one; a rule without a date "
                                           "must be marked so."),
                                         rule ? rule->verify : TRUE);
  adw_preferences_group_add (source, d->verify);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), source);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  gtk_window_present (GTK_WINDOW (d->window));
}

/* The page --------------------------------------------------------------- */

static void
on_add_clicked_cb (GtkButton *button,
                   Rules     *r)
{
  open_rule_dialog (r, -1);
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Rules            *r)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!palp_store_save_rules_json (r->store, NULL, &error))
    {
      toast (r, error->message, TRUE);
      return;
    }
  reload (r);
  toast (r, _("Shipped rules restored"), FALSE);
}

static void
on_restore_clicked_cb (GtkButton *button,
                       Rules     *r)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (r->page)),
                                   _("Restore the Shipped Rules?"),
                                   _("Every rule the clinic edited, added or removed goes back "
                                     "to the rules shipped with Palpate."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore Shipped Rules"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), r);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
palp_preferences_rules_new (PalpStore *store,
                            PalpUser  *user)
{
  Rules *r = g_new0 (Rules, 1);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *add, *restore;
  g_autoptr(GError) denied = NULL;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  r->store = g_object_ref (store);
  r->user = user ? g_object_ref (user) : NULL;
  r->page = page;
  r->groups = g_ptr_array_new ();
  r->may_edit = palp_ui_user_may (user, PALP_ACTION_EDIT_CLINIC, 0, &denied);
  g_object_set_data_full (G_OBJECT (page), "palp-rules", r, rules_free);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Rules"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "rules");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-documents-symbolic");

  adw_preferences_group_set_title (group, _("Jurisdiction Rules"));
  adw_preferences_group_set_description (group,
                                         _("Before a note is signed, the rules of the "
                                           "practitioner's licence jurisdiction are checked. "
                                           "Each rule names its source and date: keep them "
                                           "current as the law changes."));
  add = gtk_button_new_with_mnemonic (_("_Add Rule…"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), r);
  adw_preferences_group_set_header_suffix (group, add);

  if (!r->may_edit)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Read only"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), denied->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (group, row);
      gtk_widget_set_sensitive (add, FALSE);
      gtk_widget_set_tooltip_text (add, denied->message);
    }

  r->status_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->status_row), _("Rules in use"));
  restore = gtk_button_new_with_mnemonic (_("_Restore Shipped Rules…"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  g_signal_connect (restore, "clicked", G_CALLBACK (on_restore_clicked_cb), r);
  gtk_widget_set_sensitive (restore, r->may_edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (r->status_row), restore);
  adw_preferences_group_add (group, r->status_row);

  r->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (r->message, TRUE);
  gtk_label_set_xalign (r->message, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (r->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (r->message), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (r->message));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  reload (r);
  return page;
}
