/* palp-preferences.c: the clinic profile, users and practitioners
 *
 * Each text row applies on its own (Enter or the row's apply button), so
 * an admin can fix one field without a form-wide save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-preferences.h"
#include "palp-preferences-clinical.h"
#include "palp-preferences-payers.h"
#include "palp-preferences-rules.h"
#include "palp-preferences-security.h"
#include "palp-receipt-number.h"
#include "palp-signature-pad.h"
#include "palp-compat.h"
#include "palp-services-page.h"
#include "palp-validate.h"

struct _PalpPreferences
{
  AdwPreferencesWindow  parent_instance;

  PalpStore            *store;
  PalpClinic           *clinic;
  AdwPreferencesGroup  *users_group;
  GPtrArray            *user_rows;
};

G_DEFINE_FINAL_TYPE (PalpPreferences, palp_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static PalpCountry
country (PalpPreferences *self)
{
  return palp_clinic_get_country_enum (self->clinic);
}

static void
report (PalpPreferences *self,
        const GError    *error,
        const char      *done)
{
  AdwToast *toast = adw_toast_new (error ? error->message : done);

  adw_toast_set_timeout (toast, error ? 0 : 2);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
save_clinic (PalpPreferences *self)
{
  g_autoptr(GError) error = NULL;

  if (!palp_store_save_clinic (self->store, self->clinic, &error))
    {
      /* Show what is really stored again. */
      g_autoptr(PalpClinic) fresh = palp_store_load_clinic (self->store, NULL);
      if (fresh != NULL)
        g_set_object (&self->clinic, fresh);
    }
  report (self, error, _("Clinic profile saved"));
}

/* Clinic page */

static void
on_clinic_row_apply_cb (AdwEntryRow     *row,
                        PalpPreferences *self)
{
  const char *prop = g_object_get_data (G_OBJECT (row), "palp-prop");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (!palp_validate_text (text, 200, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      report (self, error, NULL);
      return;
    }
  if (g_str_equal (prop, "email") && !palp_validate_email (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      report (self, error, NULL);
      return;
    }
  if (g_str_equal (prop, "phone") && !palp_validate_phone (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      report (self, error, NULL);
      return;
    }
  if (g_str_equal (prop, "receipt-pattern") && *text != '\0' &&
      !palp_receipt_pattern_validate (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      report (self, error, NULL);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_object_set (self->clinic, prop, text, NULL);
  save_clinic (self);
}

static GtkWidget *
clinic_entry (PalpPreferences *self,
              const char      *prop,
              const char      *title)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = NULL;

  g_object_get (self->clinic, prop, &value, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_object_set_data (G_OBJECT (row), "palp-prop", (gpointer) prop);
  g_signal_connect (row, "apply", G_CALLBACK (on_clinic_row_apply_cb), self);
  return row;
}

typedef struct
{
  const char *prop;
  const char *codes[3];
} ChoiceRow;

static const ChoiceRow choice_rows[] = {
  { "country", { "US", "CA", NULL } },
  { "currency", { "USD", "CAD", NULL } },
  { "paper-size", { "letter", "a4", NULL } },
};

static void
on_choice_selected_cb (AdwComboRow     *row,
                       GParamSpec      *pspec,
                       PalpPreferences *self)
{
  const ChoiceRow *choice = g_object_get_data (G_OBJECT (row), "palp-choice");
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;

  if (selected >= 2)
    return;
  g_object_get (self->clinic, choice->prop, &current, NULL);
  if (g_strcmp0 (current, choice->codes[selected]) == 0)
    return;
  g_object_set (self->clinic, choice->prop, choice->codes[selected], NULL);
  save_clinic (self);
}

static GtkWidget *
clinic_choice (PalpPreferences *self,
               guint            which,
               const char      *title,
               const char      *first,
               const char      *second)
{
  const ChoiceRow *choice = &choice_rows[which];
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *[]) { first, second, NULL });
  g_autofree char *value = NULL;

  g_object_get (self->clinic, choice->prop, &value, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                              g_strcmp0 (value, choice->codes[1]) == 0 ? 1 : 0);
  g_object_set_data (G_OBJECT (row), "palp-choice", (gpointer) choice);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  return row;
}

static void
on_logo_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   PalpPreferences *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      /* A logo is printed small: refuse what is surely not one. */
      if (bytes != NULL && g_bytes_get_size (bytes) > 2 * 1024 * 1024)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("This image is larger than 2 MB: choose a smaller logo."));
      if (error == NULL)
        {
          g_object_set (self->clinic, "logo", bytes, NULL);
          save_clinic (self);
        }
      else
        report (self, error, NULL);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_logo_clicked_cb (GtkButton       *button,
                    PalpPreferences *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Clinic's Logo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_logo_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_clinic_page (PalpPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GtkWidget *row, *button;
  g_autoptr(GBytes) logo = NULL;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Clinic"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "go-home-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Names"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Esthetic and other non-therapeutic receipts carry "
                                           "the trade name when the legal name mentions "
                                           "massage therapy."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "name", _("Legal name")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "esthetic-name", _("Esthetic trade name")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Address and Contact"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "street", _("Street")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), clinic_entry (self, "city", _("City")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "region", _("State or province")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "postal-code", _("Postal code")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "phone", _("Phone")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "email", _("E-mail")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "website", _("Website")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Conventions and Taxes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The country decides the paperwork: CPT codes, NPI "
                                           "and claim forms in the United States; registration "
                                           "and GST/HST numbers in Canada."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_choice (self, 0, _("Country"), _("United States"),
                                            _("Canada")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_choice (self, 1, _("Currency"), _("US dollar"),
                                            _("Canadian dollar")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_choice (self, 2, _("Paper size"), _("Letter"), _("A4")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "tax-id",
                                           country (self) == PALP_COUNTRY_CA
                                             ? _("Business number")
                                             : _("Tax ID (EIN)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             clinic_entry (self, "tax-numbers", _("GST/HST registration")));

  g_object_get (self->clinic, "logo", &logo, NULL);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Logo"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               logo ? _("A logo is set; it is printed in the letterhead.")
                                    : _("No logo: the letterhead shows the clinic's name."));
  button = gtk_button_new_with_mnemonic (_("C_hoose…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_logo_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Receipt Numbers"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each kind of receipt has its own series, numbered "
                                           "without gaps: {series} is T for massage therapy, E "
                                           "for esthetic services and G for other charges; "
                                           "{year} restarts the numbers each year; {seq:6} is "
                                           "the number, padded to six digits. Empty: "
                                           "{series}-{year}-{seq:6}, as in T-2026-000124."));
  row = clinic_entry (self, "receipt-pattern", _("Numbering pattern"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return page;
}

/* Users page */

static void rebuild_users (PalpPreferences *self);

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

static const char *user_fields[] = { "login", "display-name", "credentials", "profession",
                                     "association", "association-number", "npi" };

typedef struct
{
  PalpPreferences *self;
  PalpUser        *user;
  GtkWidget       *window;
  GtkWidget       *entries[G_N_ELEMENTS (user_fields)];
  GtkWidget       *admin;
  GtkWidget       *practitioner;
  GtkWidget       *active;
  GtkWidget       *pad;
  GtkWidget       *current;     /* the stored signature, or NULL */
  GtkWidget       *signature_row;
  gboolean         remove_signature;
  GtkLabel        *message;
} UserDialog;

static void
user_dialog_free (gpointer data)
{
  UserDialog *d = data;

  g_clear_object (&d->user);
  g_free (d);
}

static void
on_user_save_cb (GtkButton  *button,
                 UserDialog *d)
{
  g_autoptr(GError) error = NULL;
  PalpRoles roles = PALP_ROLE_NONE;

  if (adw_switch_row_get_active_compat (d->admin))
    roles |= PALP_ROLE_ADMIN;
  if (adw_switch_row_get_active_compat (d->practitioner))
    roles |= PALP_ROLE_PRACTITIONER;

  for (guint i = 0; i < G_N_ELEMENTS (user_fields); i++)
    g_object_set (d->user, user_fields[i],
                  gtk_editable_get_text (GTK_EDITABLE (d->entries[i])), NULL);
  g_object_set (d->user, "roles", roles,
                "active", adw_switch_row_get_active_compat (d->active), NULL);
  /* A new drawing replaces the signature; "Clear" with nothing drawn
   * removes it. */
  if (!palp_signature_pad_is_empty (PALP_SIGNATURE_PAD (d->pad)))
    {
      g_autoptr(GBytes) png = palp_signature_pad_to_png (PALP_SIGNATURE_PAD (d->pad));
      g_object_set (d->user, "signature", png, NULL);
    }
  else if (d->remove_signature)
    g_object_set (d->user, "signature", NULL, NULL);

  if (roles == PALP_ROLE_NONE)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("Give this person at least one role."));
  else
    palp_store_save_user (d->self->store, d->user, &error);

  if (error != NULL)
    {
      gtk_label_set_text (d->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (d->message), TRUE);
      return;
    }
  rebuild_users (d->self);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
on_signature_clear_cb (GtkButton  *button,
                       UserDialog *d)
{
  palp_signature_pad_clear (PALP_SIGNATURE_PAD (d->pad));
  if (d->current != NULL)
    {
      gtk_widget_set_visible (d->current, FALSE);
      d->remove_signature = TRUE;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->signature_row),
                               _("Sign in the box below; it is saved with the user."));
}

static GtkWidget *
signature_group (UserDialog *d)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear"));
  g_autoptr(GBytes) signature = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Signature"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Printed on this practitioner's receipts and "
                                           "signed notes. Draw it once, with the mouse, a pen "
                                           "or a finger."));
  g_object_get (d->user, "signature", &signature, NULL);

  d->signature_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->signature_row), _("Drawn signature"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (d->signature_row),
                               signature ? _("Saved. Draw below to replace it.")
                                         : _("None yet: sign in the box below."));
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (clear, _("Clear the drawing and the saved signature"));
  g_signal_connect (clear, "clicked", G_CALLBACK (on_signature_clear_cb), d);
  adw_action_row_add_suffix (ADW_ACTION_ROW (d->signature_row), clear);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->signature_row);

  if (signature != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (signature, NULL);

      if (texture != NULL)
        {
          d->current = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
          gtk_picture_set_can_shrink (GTK_PICTURE (d->current), TRUE);
          gtk_widget_set_size_request (d->current, -1, 60);
          gtk_widget_set_margin_top (d->current, 12);
          gtk_accessible_update_property (GTK_ACCESSIBLE (d->current),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Saved signature"), -1);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->current);
        }
    }
  d->pad = palp_signature_pad_new ();
  gtk_widget_set_margin_top (d->pad, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->pad);
  return group;
}

static void
open_user_dialog (PalpPreferences *self,
                  PalpUser        *user)
{
  UserDialog *d = g_new0 (UserDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *prac = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  const char *titles[] = { _("Login"), _("Name as printed"), _("Credentials (e.g. LMT, RMT)"),
                           _("Profession"), _("Professional association"),
                           _("Association member number"), _("NPI (United States)") };
  PalpRoles roles;
  gboolean active;

  d->self = self;
  d->user = user ? g_object_ref (user) : palp_user_new ();
  roles = palp_user_get_roles (d->user);
  g_object_get (d->user, "active", &active, NULL);

  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), user ? _("Edit User") : _("New User"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 480, 640);
  g_object_set_data_full (G_OBJECT (d->window), "palp-dialog", d, user_dialog_free);

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_user_save_cb), d);
  gtk_box_append (GTK_BOX (box), header);

  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (d->message), 8);
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Person"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (prac), _("Practitioner Details"));
  for (guint i = 0; i < G_N_ELEMENTS (user_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (d->user, user_fields[i], &value, NULL);
      d->entries[i] = dialog_entry (ADW_PREFERENCES_GROUP (i < 2 ? group : prac), titles[i],
                                    value);
    }
  d->admin = adw_switch_row_new_compat (_("Admin"), _("Front desk, billing and settings"),
                                        (roles & PALP_ROLE_ADMIN) != 0);
  d->practitioner = adw_switch_row_new_compat (_("Practitioner"), _("Treats and documents"),
                                               (roles & PALP_ROLE_PRACTITIONER) != 0);
  d->active = adw_switch_row_new_compat (_("Active"), _("Can sign in"), active);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->admin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->practitioner);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), d->active);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (prac));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (signature_group (d)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  gtk_window_present (GTK_WINDOW (d->window));
}

typedef struct
{
  PalpPreferences *self;
  gint64           user_id;
  GtkWidget       *window;
  AdwComboRow     *kind;
  GtkWidget       *number, *jurisdiction, *endorsement, *issued, *expires;
  GtkLabel        *message;
} LicenceDialog;

static gboolean
read_date (PalpPreferences  *self,
           GtkWidget        *row,
           char            **out_iso,
           GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GDate date;

  *out_iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!palp_date_parse_user (text, country (self), &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date: type it as %s."), text,
                   country (self) == PALP_COUNTRY_CA ? "DD/MM/YYYY" : "MM/DD/YYYY");
      return FALSE;
    }
  *out_iso = palp_date_to_iso (&date);
  return TRUE;
}

static void
on_licence_save_cb (GtkButton     *button,
                    LicenceDialog *d)
{
  g_autoptr(PalpLicence) licence = palp_licence_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *issued = NULL, *expires = NULL;
  gboolean endorsement = adw_combo_row_get_selected (d->kind) == 1;

  if (read_date (d->self, d->issued, &issued, &error) &&
      read_date (d->self, d->expires, &expires, &error))
    {
      g_object_set (licence,
                    "user-id", d->user_id,
                    "kind", endorsement ? PALP_LICENCE_KIND_ENDORSEMENT
                                        : PALP_LICENCE_KIND_LICENCE,
                    "number", gtk_editable_get_text (GTK_EDITABLE (d->number)),
                    "jurisdiction", gtk_editable_get_text (GTK_EDITABLE (d->jurisdiction)),
                    "endorsement", endorsement
                                     ? gtk_editable_get_text (GTK_EDITABLE (d->endorsement))
                                     : NULL,
                    "issued", issued, "expires", expires, NULL);
      palp_store_save_licence (d->self->store, licence, &error);
    }
  if (error != NULL)
    {
      gtk_label_set_text (d->message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (d->message), TRUE);
      return;
    }
  rebuild_users (d->self);
  gtk_window_destroy (GTK_WINDOW (d->window));
}

static void
open_licence_dialog (PalpPreferences *self,
                     PalpUser        *user)
{
  LicenceDialog *d = g_new0 (LicenceDialog, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Add"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char *[]) {
    _("Licence or registration"), _("Endorsement"), NULL });
  const char *fmt = country (self) == PALP_COUNTRY_CA ? "DD/MM/YYYY" : "MM/DD/YYYY";
  g_autofree char *issued_title = g_strdup_printf (_("Issued (%s)"), fmt);
  g_autofree char *expires_title = g_strdup_printf (_("Expires (%s)"), fmt);

  d->self = self;
  d->user_id = palp_user_get_id (user);
  d->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (d->window), _("Add Licence"));
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (d->window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (d->window), 460, 520);
  g_object_set_data_full (G_OBJECT (d->window), "palp-dialog", d, g_free);

  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect (save, "clicked", G_CALLBACK (on_licence_save_cb), d);
  gtk_box_append (GTK_BOX (box), header);
  d->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (d->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (d->message), 8);
  gtk_widget_set_visible (GTK_WIDGET (d->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->message));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   palp_user_get_display_name (user));
  d->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->kind), _("Kind"));
  adw_combo_row_set_model (d->kind, G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->kind));
  d->number = dialog_entry (ADW_PREFERENCES_GROUP (group), _("Number"), NULL);
  d->jurisdiction = dialog_entry (ADW_PREFERENCES_GROUP (group),
                                  _("Jurisdiction (state or province code)"), NULL);
  d->endorsement = dialog_entry (ADW_PREFERENCES_GROUP (group),
                                 _("Endorsement for (e.g. intra-oral)"), NULL);
  d->issued = dialog_entry (ADW_PREFERENCES_GROUP (group), issued_title, NULL);
  d->expires = dialog_entry (ADW_PREFERENCES_GROUP (group), expires_title, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (d->window), box);
  gtk_window_present (GTK_WINDOW (d->window));
}

static void
on_edit_user_cb (GtkButton       *button,
                 PalpPreferences *self)
{
  open_user_dialog (self, g_object_get_data (G_OBJECT (button), "palp-user"));
}

static void
on_add_licence_cb (GtkButton       *button,
                   PalpPreferences *self)
{
  open_licence_dialog (self, g_object_get_data (G_OBJECT (button), "palp-user"));
}

static void
on_add_user_cb (GtkButton       *button,
                PalpPreferences *self)
{
  open_user_dialog (self, NULL);
}

static void
on_remove_licence_cb (GtkButton       *button,
                      PalpPreferences *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "palp-licence"));

  if (palp_store_delete_licence (self->store, id, &error))
    rebuild_users (self);
  report (self, error, _("Licence removed"));
}

static GtkWidget *
licence_row (PalpPreferences *self,
             PalpLicence     *licence,
             const char      *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;
  g_autofree char *endorsement = NULL, *issued = NULL, *title = NULL, *subtitle = NULL;
  g_autofree char *issued_s = NULL, *expires_s = NULL;
  PalpLicenceKind kind;

  g_object_get (licence, "kind", &kind, "endorsement", &endorsement, "issued", &issued, NULL);
  if (kind == PALP_LICENCE_KIND_ENDORSEMENT)
    title = g_strdup_printf (_("Endorsement: %s (%s %s)"), endorsement,
                             palp_licence_get_jurisdiction (licence) ?: "",
                             palp_licence_get_number (licence) ?: "");
  else
    title = g_strdup_printf (_("Licence %s %s"), palp_licence_get_jurisdiction (licence) ?: "",
                             palp_licence_get_number (licence) ?: "");
  issued_s = palp_date_format_short (issued, country (self));
  expires_s = palp_date_format_short (palp_licence_get_expires (licence), country (self));
  subtitle = g_strdup_printf (_("Issued %s · expires %s"), issued_s ? issued_s : "—",
                              expires_s ? expires_s : "—");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!palp_licence_is_current (licence, today))
    {
      GtkWidget *badge = gtk_label_new (_("Expired"));

      gtk_widget_add_css_class (badge, "error");
      gtk_widget_add_css_class (badge, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this licence"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this licence"), -1);
  g_object_set_data (G_OBJECT (remove), "palp-licence",
                     GSIZE_TO_POINTER ((gsize) palp_licence_get_id (licence)));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_licence_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rebuild_users (PalpPreferences *self)
{
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = palp_date_today_iso ();

  for (guint i = 0; i < self->user_rows->len; i++)
    adw_preferences_group_remove (self->users_group, g_ptr_array_index (self->user_rows, i));
  g_ptr_array_set_size (self->user_rows, 0);

  users = palp_store_list_users (self->store, &error);
  if (users == NULL)
    {
      report (self, error, NULL);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (users, i);
      g_autoptr(GListModel) licences = palp_store_list_licences (self->store,
                                                                 palp_user_get_id (user), NULL);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      gboolean active;

      g_object_get (user, "active", &active, NULL);
      if (palp_user_is_practitioner (user))
        g_string_append (subtitle, palp_user_get_credentials (user)
                                     ? palp_user_get_credentials (user) : _("Practitioner"));
      if (palp_user_is_admin (user))
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("Admin"));
      if (!active)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", _("Inactive"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     palp_user_get_display_name (user));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (edit), "palp-user", g_object_ref (user), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_user_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), edit);

      for (guint l = 0; licences && l < g_list_model_get_n_items (licences); l++)
        {
          g_autoptr(PalpLicence) licence = g_list_model_get_item (licences, l);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), licence_row (self, licence, today));
        }
      if (palp_user_is_practitioner (user))
        {
          GtkWidget *add_row = adw_action_row_new ();
          GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row),
                                         _("Licence, registration or endorsement"));
          gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (add), "palp-user", g_object_ref (user),
                                  g_object_unref);
          g_signal_connect (add, "clicked", G_CALLBACK (on_add_licence_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), add);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_row);
        }

      adw_preferences_group_add (self->users_group, row);
      g_ptr_array_add (self->user_rows, row);
    }
}

static GtkWidget *
build_users_page (PalpPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add User…"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Users"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "system-users-symbolic");

  self->users_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->users_group, _("Users and Practitioners"));
  adw_preferences_group_set_description (self->users_group,
                                         _("A person can be a practitioner, an admin, or both. "
                                           "Practitioners bill therapeutic services only while "
                                           "a licence is current."));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_user_cb), self);
  adw_preferences_group_set_header_suffix (self->users_group, add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->users_group);
  rebuild_users (self);
  return page;
}

static void
palp_preferences_dispose (GObject *object)
{
  PalpPreferences *self = (PalpPreferences *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_pointer (&self->user_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (palp_preferences_parent_class)->dispose (object);
}

static void
palp_preferences_class_init (PalpPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = palp_preferences_dispose;
}

static void
palp_preferences_init (PalpPreferences *self)
{
  self->user_rows = g_ptr_array_new ();
}

PalpPreferences *
palp_preferences_new (PalpStore *store,
                      PalpUser  *user)
{
  PalpPreferences *self = g_object_new (PALP_TYPE_PREFERENCES,
                                        "default-width", 720,
                                        "default-height", 720,
                                        "search-enabled", FALSE,
                                        NULL);
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->clinic = palp_store_load_clinic (store, &error);
  if (self->clinic == NULL)
    self->clinic = palp_clinic_new ();
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (build_clinic_page (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (build_users_page (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (palp_services_page_new (store, self->clinic,
                                                                            user)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (palp_preferences_clinical_new (store, user)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (palp_preferences_rules_new (store, user)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (palp_preferences_payers_new (store, user)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (palp_preferences_security_new (store, user)));
  return self;
}
