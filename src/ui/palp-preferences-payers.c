/* palp-preferences-payers.c: the clinic's payers
 *
 * Each payer with what a claim to it needs to know: its kind, its payer
 * ID, how it counts units for timed codes (the CMS 8-minute rule or per
 * code), whether it wants a referral or a pre-authorisation, whether the
 * clinic is in its network, and its fee schedule (price per unit per
 * code). Codes it does not list are billed at the clinic's own fee. A
 * payer is retired rather than removed: policies keep naming it.
 *
 * Every price is checked before anything is written, so a typing slip
 * leaves the payer as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-compat.h"
#include "palp-coverage.h"
#include "palp-preferences-claim-forms.h"
#include "palp-preferences-payers.h"
#include "palp-store-insurance.h"
#include "palp-ui-util.h"
#include "palp-units.h"

typedef struct
{
  PalpStore   *store;
  PalpUser    *user;
  PalpCurrency currency;
  GtkWidget   *page;
  GtkWidget   *group;
  GPtrArray   *rows;        /* the payer rows shown, to remove on reload */
  gboolean     may_edit;
} Payers;

typedef struct
{
  Payers      *p;
  PalpPayer   *payer;       /* NULL: a new one */
  GtkWidget   *window;
  GtkLabel    *message;
  GtkWidget   *name;
  AdwComboRow *kind;
  GtkWidget   *electronic_id;
  GtkWidget   *address;
  GtkWidget   *phone;
  AdwComboRow *rule;
  GtkWidget   *referral;
  GtkWidget   *preauth;
  GtkWidget   *in_network;
  GtkWidget   *active;
  GPtrArray   *fee_rows;    /* AdwEntryRow, each with "palp-code" data */
  GtkWidget   *new_code;
  GtkWidget   *new_price;
} PayerDialog;

static void reload (Payers *p);

static void
payers_free (gpointer data)
{
  Payers *p = data;

  g_clear_object (&p->store);
  g_clear_object (&p->user);
  g_clear_pointer (&p->rows, g_ptr_array_unref);
  g_free (p);
}

static void
dialog_free (gpointer data)
{
  PayerDialog *d = data;

  g_clear_object (&d->payer);
  g_clear_pointer (&d->fee_rows, g_ptr_array_unref);
  g_free (d);
}

static void
toast (Payers     *p,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (p->page);
  AdwToast *t;

  if (!ADW_IS_PREFERENCES_WINDOW (root))
    return;
  t = adw_toast_new (text);
  adw_toast_set_timeout (t, 3);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), t);
}

static char *
entry_text (GtkWidget *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

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
show_dialog_error (PayerDialog *d,
                   GtkWidget   *row,
                   const char  *text)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (d->message, text);
  gtk_widget_set_visible (GTK_WIDGET (d->message), TRUE);
}

/* "97124 $29.00, 97140 $34.50" */
static char *
describe_fees (Payers *p,
               gint64  payer_id)
{
  g_autoptr(GListModel) fees = palp_store_list_payer_fees (p->store, payer_id, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; fees != NULL && i < g_list_model_get_n_items (fees); i++)
    {
      g_autoptr(PalpPayerFee) fee = g_list_model_get_item (fees, i);
      g_autofree char *price = palp_money_format (palp_payer_fee_get_int (fee, "unit-price-cents"),
                                                  p->currency, palp_ui_language ());

      g_string_append_printf (text, "%s%s %s", text->len ? ", " : "",
                              palp_payer_fee_get_string (fee, "code"), price);
    }
  return g_string_free (text, FALSE);
}

/* The dialog --------------------------------------------------------------- */

static const char *rule_keys[] = { "cms", "per-code" };

static void
on_save_clicked_cb (GtkButton   *button,
                    PayerDialog *d)
{
  Payers *p = d->p;
  g_autoptr(PalpPayer) payer = d->payer ? g_object_ref (d->payer) : palp_payer_new ();
  g_autoptr(GArray) prices = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = entry_text (d->name);
  g_autofree char *electronic_id = entry_text (d->electronic_id);
  g_autofree char *address = entry_text (d->address);
  g_autofree char *phone = entry_text (d->phone);
  g_autofree char *new_code = entry_text (d->new_code);
  g_autofree char *new_price = entry_text (d->new_price);
  gint64 new_cents = -1;
  guint kind = adw_combo_row_get_selected (d->kind);
  guint rule = adw_combo_row_get_selected (d->rule);

  for (guint i = 0; i < d->fee_rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (d->fee_rows, i), "error");
  gtk_widget_remove_css_class (d->new_code, "error");
  gtk_widget_remove_css_class (d->new_price, "error");

  /* Every price first: an empty one takes the code off the schedule. */
  for (guint i = 0; i < d->fee_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (d->fee_rows, i);
      g_autofree char *text = entry_text (row);
      gint64 cents = -1;

      if (text != NULL && !palp_money_parse (text, palp_ui_language (), &cents, &error))
        {
          show_dialog_error (d, row, error->message);
          return;
        }
      g_array_append_val (prices, cents);
    }
  if (new_code != NULL || new_price != NULL)
    {
      if (new_code == NULL || strlen (new_code) != 5 || strspn (new_code, "0123456789") != 5)
        {
          show_dialog_error (d, d->new_code, _("A procedure code has five digits, such as 97140."));
          return;
        }
      if (!palp_money_parse (new_price, palp_ui_language (), &new_cents, &error))
        {
          show_dialog_error (d, d->new_price, error->message);
          return;
        }
    }

  g_object_set (payer, "name", name, "kind", palp_payer_kind_keys ()[kind],
                "electronic-id", electronic_id, "address", address, "phone", phone,
                "unit-rule", rule_keys[MIN (rule, 1u)],
                "referral-required", (gint64) adw_switch_row_get_active_compat (d->referral),
                "preauth-required", (gint64) adw_switch_row_get_active_compat (d->preauth),
                "in-network", (gint64) adw_switch_row_get_active_compat (d->in_network),
                "active", (gint64) adw_switch_row_get_active_compat (d->active), NULL);
  if (!palp_store_save_payer (p->store, payer, &error))
    {
      show_dialog_error (d, NULL, error->message);
      return;
    }
  for (guint i = 0; i < d->fee_rows->len; i++)
    {
      const char *code = g_object_get_data (g_ptr_array_index (d->fee_rows, i), "palp-code");

      if (!palp_store_set_payer_fee (p->store, palp_payer_get_int (payer, "id"), code,
                                     g_array_index (prices, gint64, i), &error))
        break;
    }
  if (error == NULL && new_cents >= 0)
    palp_store_set_payer_fee (p->store, palp_payer_get_int (payer, "id"), new_code, new_cents,
                              &error);
  reload (p);
  if (error != NULL)
    {
      show_dialog_error (d, NULL, error->message);
      return;
    }
  toast (p, d->payer ? _("Payer saved") : _("Payer added"));
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
open_payer_dialog (Payers    *p,
                   PalpPayer *payer)
{
  PayerDialog *d = g_new0 (PayerDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *rules = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *fees = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *save = gtk_button_new_with_mnemonic (payer ? _("_Save") : _("_Add"));
  const char * const *keys = palp_payer_kind_keys ();
  const char *kinds[16] = { NULL };
  const char *rule_labels[] = { palp_unit_rule_get_label (PALP_UNIT_RULE_CMS),
                                palp_unit_rule_get_label (PALP_UNIT_RULE_PER_CODE), NULL };
  guint kind = 0;

  for (guint i = 0; keys[i] != NULL && i < G_N_ELEMENTS (kinds) - 1; i++)
    {
      kinds[i] = palp_payer_kind_get_label (keys[i]);
      if (payer != NULL && g_strcmp0 (keys[i], palp_payer_get_string (payer, "kind")) == 0)
        kind = i;
    }

  d->p = p;
  d->payer = payer ? g_object_ref (payer) : NULL;
  d->fee_rows = g_ptr_array_new ();
  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), payer ? _("Edit Payer") : _("Add Payer"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window),
                                GTK_WINDOW (gtk_widget_get_root (p->page)));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 560, 720);
  g_object_set_data_full (G_OBJECT (d->window), "palp-dialog", d, dialog_free);

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked_cb), d);
  gtk_box_append (GTK_BOX (box), header);
  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (d->message), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (d->message), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (d->message), 24);
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));

  adw_preferences_group_set_title (who, _("Payer"));
  d->name = dialog_entry (who, _("Name"), payer ? palp_payer_get_string (payer, "name") : NULL);
  d->kind = dialog_combo (who, _("Kind"), kinds, kind);
  d->electronic_id = dialog_entry (who, _("Payer ID (for claims)"),
                                   payer ? palp_payer_get_string (payer, "electronic-id") : NULL);
  d->address = dialog_entry (who, _("Claims address"),
                             payer ? palp_payer_get_string (payer, "address") : NULL);
  d->phone = dialog_entry (who, _("Phone"), payer ? palp_payer_get_string (payer, "phone") : NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), who);

  adw_preferences_group_set_title (rules, _("How It Pays"));
  d->rule = dialog_combo (rules, _("Units for timed codes"), rule_labels,
                          payer && g_strcmp0 (palp_payer_get_string (payer, "unit-rule"),
                                              "per-code") == 0 ? 1 : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->rule),
                               _("CMS adds up the day's timed minutes; per code rounds each "
                                 "code on its own."));
  d->referral = adw_switch_row_new_compat (_("Referral required"), NULL,
                                           payer && palp_payer_get_int (payer,
                                                                        "referral-required"));
  adw_preferences_group_add (rules, d->referral);
  d->preauth = adw_switch_row_new_compat (_("Pre-authorisation required"), NULL,
                                          payer && palp_payer_get_int (payer, "preauth-required"));
  adw_preferences_group_add (rules, d->preauth);
  d->in_network = adw_switch_row_new_compat (_("The clinic is in network"), NULL,
                                             payer && palp_payer_get_int (payer, "in-network"));
  adw_preferences_group_add (rules, d->in_network);
  d->active = adw_switch_row_new_compat (_("In use"),
                                         _("A retired payer stays on its policies but is not "
                                           "offered for new ones."),
                                         payer == NULL || palp_payer_get_int (payer, "active"));
  adw_preferences_group_add (rules, d->active);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), rules);

  adw_preferences_group_set_title (fees, _("Fee Schedule"));
  adw_preferences_group_set_description (fees,
                                         _("Price per unit of each code. Codes not listed are "
                                           "billed at the clinic's own fee; empty a price to "
                                           "take its code off."));
  if (payer != NULL)
    {
      g_autoptr(GListModel) list = palp_store_list_payer_fees (p->store,
                                                               palp_payer_get_int (payer, "id"),
                                                               NULL);

      for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PalpPayerFee) fee = g_list_model_get_item (list, i);
          const char *code = palp_payer_fee_get_string (fee, "code");
          g_autofree char *price =
            palp_money_format_number (palp_payer_fee_get_int (fee, "unit-price-cents"),
                                      palp_ui_language ());
          /* Translators: a procedure code's row in a fee schedule. */
          g_autofree char *title = g_strdup_printf (_("%s, per unit"), code);
          GtkWidget *row = dialog_entry (fees, title, price);

          g_object_set_data_full (G_OBJECT (row), "palp-code", g_strdup (code), g_free);
          g_ptr_array_add (d->fee_rows, row);
        }
    }
  d->new_code = dialog_entry (fees, _("Add a code (e.g. 97140)"), NULL);
  d->new_price = dialog_entry (fees, _("Its price per unit"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), fees);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  gtk_window_present (GTK_WINDOW (d->window));
}

/* The page ------------------------------------------------------------------ */

static void
on_edit_clicked_cb (GtkButton *button,
                    Payers    *p)
{
  g_autoptr(PalpPayer) payer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "palp-payer-id"));

  if (!(payer = palp_store_load_payer (p->store, id, &error)))
    {
      toast (p, error->message);
      return;
    }
  open_payer_dialog (p, payer);
}

static void
on_add_clicked_cb (GtkButton *button,
                   Payers    *p)
{
  open_payer_dialog (p, NULL);
}

static GtkWidget *
payer_row (Payers    *p,
           PalpPayer *payer)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *fees = describe_fees (p, palp_payer_get_int (payer, "id"));
  PalpUnitRule rule = PALP_UNIT_RULE_CMS;

  palp_unit_rule_from_string (palp_payer_get_string (payer, "unit-rule"), &rule, NULL);
  g_string_append_printf (subtitle, "%s · %s · %s",
                          palp_payer_kind_get_label (palp_payer_get_string (payer, "kind")),
                          palp_unit_rule_get_label (rule),
                          palp_payer_get_int (payer, "in-network") ? _("in network")
                                                                   : _("out of network"));
  if (palp_payer_get_int (payer, "referral-required"))
    g_string_append_printf (subtitle, " · %s", _("referral required"));
  if (palp_payer_get_int (payer, "preauth-required"))
    g_string_append_printf (subtitle, " · %s", _("pre-authorisation required"));
  if (!palp_payer_get_int (payer, "active"))
    g_string_append_printf (subtitle, " · %s", _("retired"));
  g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, *fees != '\0' ? fees : _("No fee schedule: the clinic's own fees"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_payer_get_string (payer, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (!palp_payer_get_int (payer, "active"))
    gtk_widget_add_css_class (row, "dim-label");
  if (p->may_edit)
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      /* Translators: %s is a payer's name. */
      g_autofree char *label = g_strdup_printf (_("Edit %s"), palp_payer_get_string (payer,
                                                                                      "name"));

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data (G_OBJECT (edit), "palp-payer-id",
                         GSIZE_TO_POINTER (palp_payer_get_int (payer, "id")));
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked_cb), p);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
    }
  return row;
}

static void
reload (Payers *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) payers = palp_store_list_payers (p->store, TRUE, &error);
  guint n = payers ? g_list_model_get_n_items (payers) : 0;

  for (guint i = 0; i < p->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (p->group),
                                  g_ptr_array_index (p->rows, i));
  g_ptr_array_set_size (p->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpPayer) payer = g_list_model_get_item (payers, i);
      GtkWidget *row = payer_row (p, payer);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (p->group), row);
      g_ptr_array_add (p->rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error ? error->message : _("No payers yet"));
      if (error == NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _("Add the health plans, insurers and administrators your "
                                       "clients use."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (p->group), row);
      g_ptr_array_add (p->rows, row);
    }
}

GtkWidget *
palp_preferences_payers_new (PalpStore *store,
                             PalpUser  *user)
{
  Payers *p = g_new0 (Payers, 1);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add;
  g_autoptr(GError) denied = NULL;
  g_autoptr(PalpClinic) clinic = NULL;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  clinic = palp_store_load_clinic (store, NULL);
  p->store = g_object_ref (store);
  p->user = user ? g_object_ref (user) : NULL;
  p->currency = palp_ui_currency (clinic);
  p->page = page;
  p->rows = g_ptr_array_new ();
  p->may_edit = palp_ui_user_may (user, PALP_ACTION_BUILD_CLAIMS, 0, &denied);
  g_object_set_data_full (G_OBJECT (page), "palp-payers", p, payers_free);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Payers"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), "payers");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "auth-smartcard-symbolic");

  p->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (p->group), _("Payers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (p->group),
                                         _("Health plans, insurers and benefit administrators: "
                                           "how each counts units and what it pays per unit."));
  add = gtk_button_new_with_mnemonic (_("_Add Payer…"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked_cb), p);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (p->group), add);
  if (!p->may_edit)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Read only"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), denied->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (p->group), row);
      gtk_widget_set_sensitive (add, FALSE);
      gtk_widget_set_tooltip_text (add, denied->message);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (p->group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (palp_preferences_claim_forms_new ()));
  reload (p);
  return page;
}
