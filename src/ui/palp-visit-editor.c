/* palp-visit-editor.c: a visit's appointment and its billing lines
 *
 * The appointment (who, when, how long, what happened) is a form saved
 * with Save. Billing lines are written one at a time, as they are added
 * or removed, because each is checked by the store against the catalogue
 * and the receipts already issued; a line on an issued receipt is shown
 * locked with the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-money.h"
#include "palp-receipt-split.h"
#include "palp-service-category.h"
#include "palp-ui-util.h"
#include "palp-visit-editor.h"

#define MAX_MINUTES 600

static const char *status_keys[] = { "booked", "attended", "cancelled", "no-show" };

struct _PalpVisitEditor
{
  AdwWindow            parent_instance;

  PalpStore           *store;
  PalpClinic          *clinic;
  PalpUser            *user;
  gint64               client_id;
  PalpVisit           *visit;            /* as stored; NULL until saved */
  GArray              *practitioner_ids; /* gint64, in the combo's order */
  GListModel          *practitioners;
  GListModel          *services;         /* the active catalogue */
  GListModel          *lines;
  char                *problem;
  GtkWidget           *error_widget;
  gboolean             loading;
  gboolean             dirty;

  /* Template widgets */
  GtkButton           *save_button;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *appointment_group;
  AdwComboRow         *practitioner_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *duration_row;
  AdwComboRow         *status_row;
  GtkWidget           *mixed_group;
  GtkWidget           *mixed_box;
  GtkLabel            *mixed_state_label;
  GtkWidget           *confirm_button;
  GtkListBox          *lines_box;
  AdwPreferencesGroup *add_group;
  AdwComboRow         *service_row;
  AdwEntryRow         *minutes_row;
  GtkLabel            *add_note_label;
};

G_DEFINE_FINAL_TYPE (PalpVisitEditor, palp_visit_editor, ADW_TYPE_WINDOW)

enum { SAVED, CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_actions (PalpVisitEditor *self);

static PalpCountry
country (PalpVisitEditor *self)
{
  return palp_ui_country (self->clinic);
}

static gint64
selected_practitioner (PalpVisitEditor *self)
{
  guint i = adw_combo_row_get_selected (self->practitioner_row);

  return i < self->practitioner_ids->len ? g_array_index (self->practitioner_ids, gint64, i) : 0;
}

static gboolean
may_book (PalpVisitEditor  *self,
          GError          **error)
{
  return palp_ui_user_may (self->user, PALP_ACTION_BOOK_VISITS, selected_practitioner (self),
                           error);
}

/* Billing lines belong to the practitioner who did the work as stored, not
 * to whoever the form has just been changed to. */
static gboolean
may_edit_lines (PalpVisitEditor  *self,
                GError          **error)
{
  gint64 owner = self->visit ? palp_visit_get_int (self->visit, "practitioner-id")
                             : selected_practitioner (self);

  return palp_ui_user_may (self->user, PALP_ACTION_EDIT_VISIT_LINES, owner, error);
}

/* Problems */

static void
set_problem (PalpVisitEditor *self,
             const char      *problem,
             GtkWidget       *widget)
{
  if (self->error_widget != NULL)
    gtk_widget_remove_css_class (self->error_widget, "error");
  g_set_object (&self->error_widget, widget);
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "error");

  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  update_actions (self);
}

static gboolean
fail_row (char       **out_problem,
          GtkWidget  **out_widget,
          gpointer     row,
          const char  *title,
          const char  *message)
{
  *out_problem = g_strdup_printf ("%s: %s", title, message);
  *out_widget = GTK_WIDGET (row);
  return FALSE;
}

static char *
entry_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* "9:30" or "09:30" → "09:30". */
static char *
parse_time (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 hours, minutes;

  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 1 || strlen (parts[0]) > 2 ||
      strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    return NULL;
  return g_strdup_printf ("%02u:%02u", (guint) hours, (guint) minutes);
}

/* The appointment form as a visit; FALSE with the problem and its row. */
static gboolean
read_form (PalpVisitEditor  *self,
           PalpVisit        *draft,
           char            **out_problem,
           GtkWidget       **out_widget)
{
  g_autofree char *date_text = entry_text (self->date_row);
  g_autofree char *time_text = entry_text (self->time_row);
  g_autofree char *minutes_text = entry_text (self->duration_row);
  g_autofree char *iso = NULL, *time = NULL, *starts = NULL;
  guint status = adw_combo_row_get_selected (self->status_row);
  guint64 minutes = 0;
  GDate date;

  if (selected_practitioner (self) == 0)
    return fail_row (out_problem, out_widget, self->practitioner_row, _("Practitioner"),
                     _("choose who sees the client. Add a practitioner in Preferences if "
                       "there is none."));
  if (!palp_date_parse_user (date_text, country (self), &date))
    return fail_row (out_problem, out_widget, self->date_row, _("Date"),
                     country (self) == PALP_COUNTRY_CA
                       ? _("type it as DD/MM/YYYY, such as 14/03/2026.")
                       : _("type it as MM/DD/YYYY, such as 03/14/2026."));
  if ((time = parse_time (time_text)) == NULL)
    return fail_row (out_problem, out_widget, self->time_row, _("Start time"),
                     _("type it as hours and minutes on the 24-hour clock, such as 09:30 "
                       "or 14:00."));
  if (*minutes_text == '\0' || strspn (minutes_text, "0123456789") != strlen (minutes_text) ||
      !g_ascii_string_to_unsigned (minutes_text, 10, 1, MAX_MINUTES, &minutes, NULL))
    return fail_row (out_problem, out_widget, self->duration_row, _("Duration"),
                     _("type the minutes as a whole number from 1 to 600."));

  iso = palp_date_to_iso (&date);
  starts = g_strdup_printf ("%s %s", iso, time);
  g_object_set (draft,
                "id", self->visit ? palp_visit_get_int (self->visit, "id") : 0,
                "client-id", self->client_id,
                "practitioner-id", selected_practitioner (self),
                "starts-at", starts,
                "duration-minutes", (gint64) minutes,
                "status", status < G_N_ELEMENTS (status_keys) ? status_keys[status] : "booked",
                NULL);
  return TRUE;
}

static void
revalidate (PalpVisitEditor *self)
{
  g_autoptr(PalpVisit) draft = palp_visit_new ();
  g_autofree char *problem = NULL;
  GtkWidget *widget = NULL;

  if (!read_form (self, draft, &problem, &widget))
    set_problem (self, problem, widget);
  else
    set_problem (self, NULL, NULL);
}

static void
on_changed_cb (PalpVisitEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  revalidate (self);
}

/* Writes the appointment; a new visit gets its id. */
static gboolean
store_visit (PalpVisitEditor *self)
{
  g_autoptr(PalpVisit) draft = palp_visit_new ();
  g_autoptr(PalpVisit) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  GtkWidget *widget = NULL;

  if (!read_form (self, draft, &problem, &widget))
    {
      set_problem (self, problem, widget);
      return FALSE;
    }
  if (!may_book (self, &error) || !palp_store_save_visit (self->store, draft, &error))
    {
      set_problem (self, error->message, NULL);
      return FALSE;
    }
  /* Read back what the store derived (categories, confirmation). */
  fresh = palp_store_load_visit (self->store, palp_visit_get_int (draft, "id"), NULL);
  g_clear_object (&self->visit);
  self->visit = g_object_ref (fresh ? fresh : draft);
  self->dirty = FALSE;
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Visit"));
  set_problem (self, NULL, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
palp_visit_editor_save (PalpVisitEditor *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), FALSE);

  if (!store_visit (self))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, self->visit);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* The combined-session warning */

static void
update_mixed (PalpVisitEditor *self)
{
  g_autoptr(GPtrArray) billing = NULL;
  guint n = self->lines ? g_list_model_get_n_items (self->lines) : 0;
  gint64 confirmed_by = self->visit ? palp_visit_get_int (self->visit, "mixed-confirmed-by") : 0;
  gboolean combined;

  billing = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_billing_line_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpVisitLine) line = g_list_model_get_item (self->lines, i);
      PalpBillingLine *b = palp_billing_line_new ();

      b->visit_id = palp_visit_line_get_int (line, "visit-id");
      if (!palp_service_category_from_key (palp_visit_line_get_string (line, "category"),
                                           &b->category, NULL))
        b->category = PALP_SERVICE_CATEGORY_OTHER;
      g_ptr_array_add (billing, b);
    }
  combined = palp_billing_lines_combine_categories (billing);
  gtk_widget_set_visible (self->mixed_group, combined);
  if (!combined)
    return;

  if (confirmed_by != 0)
    {
      g_autofree char *who = palp_ui_user_name (self->store, self->practitioners, confirmed_by);
      g_autofree char *when = palp_ui_format_local_time (
        palp_visit_get_string (self->visit, "mixed-confirmed-at"), country (self));
      g_autofree char *text = g_strdup_printf (_("Confirmed by %s on %s."),
                                               who ? who : _("an admin"), when ? when : "—");

      gtk_label_set_text (self->mixed_state_label, text);
    }
  else if (self->user != NULL && palp_user_is_admin (self->user))
    gtk_label_set_text (self->mixed_state_label,
                        _("Not confirmed yet: confirm it once, before the receipts are "
                          "issued."));
  else
    gtk_label_set_text (self->mixed_state_label,
                        _("Not confirmed yet: an admin confirms a combined session once, "
                          "before its receipts are issued."));
  gtk_widget_set_visible (self->confirm_button, confirmed_by == 0 && self->user != NULL &&
                                                palp_user_is_admin (self->user));
}

/* Billing lines */

static void
on_remove_line_clicked_cb (GtkButton       *button,
                           PalpVisitEditor *self);

static GtkWidget *
create_line_row (gpointer item,
                 gpointer user_data)
{
  PalpVisitEditor *self = user_data;
  PalpVisitLine *line = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *price = NULL;
  PalpServiceCategory category;
  gint64 minutes = palp_visit_line_get_int (line, "minutes");
  gint64 quantity = palp_visit_line_get_int (line, "quantity");
  gboolean receipted = palp_visit_line_get_int (line, "receipted") != 0;

  if (minutes > 0)
    g_string_append_printf (subtitle, _("%d min"), (int) minutes);
  price = palp_money_format (palp_visit_line_get_int (line, "price-cents"),
                             palp_ui_currency (self->clinic), palp_ui_language ());
  if (quantity > 1)
    g_string_append_printf (subtitle, "%s%d × %s", subtitle->len ? " · " : "", (int) quantity,
                            price);
  else
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", price);
  if (palp_service_category_from_key (palp_visit_line_get_string (line, "category"), &category,
                                      NULL))
    g_string_append_printf (subtitle, " · %s", palp_service_category_label (category));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 palp_visit_line_get_string (line, "description"));

  if (receipted)
    {
      /* The record is a legal document: an issued receipt's lines change
       * only through a void and a new receipt. */
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
      const char *reason = _("On an issued receipt: void the receipt to change this line.");

      g_string_append_printf (subtitle, "\n%s", reason);
      gtk_widget_set_tooltip_text (lock, reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Locked"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
    }
  else if (may_edit_lines (self, NULL))
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove “%s”"),
                                                palp_visit_line_get_string (line, "description"));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this line"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (remove), "palp-line-id",
                         GSIZE_TO_POINTER ((gsize) palp_visit_line_get_int (line, "id")));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_line_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
reload_lines (PalpVisitEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lines = NULL;

  if (self->visit != NULL)
    {
      lines = palp_store_list_visit_lines (self->store, palp_visit_get_int (self->visit, "id"),
                                           &error);
      if (lines == NULL)
        set_problem (self, error->message, NULL);
    }
  if (lines == NULL)
    lines = G_LIST_MODEL (g_list_store_new (PALP_TYPE_VISIT_LINE));
  g_set_object (&self->lines, lines);
  gtk_list_box_bind_model (self->lines_box, self->lines, create_line_row, self, NULL);
  update_mixed (self);
}

static void
lines_changed (PalpVisitEditor *self)
{
  g_autoptr(PalpVisit) fresh = NULL;

  fresh = palp_store_load_visit (self->store, palp_visit_get_int (self->visit, "id"), NULL);
  if (fresh != NULL)
    {
      g_clear_object (&self->visit);
      self->visit = g_steal_pointer (&fresh);
    }
  reload_lines (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_line_clicked_cb (GtkButton       *button,
                           PalpVisitEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "palp-line-id"));
  g_autoptr(GError) error = NULL;

  if (!may_edit_lines (self, &error) ||
      !palp_store_remove_visit_line (self->store, id, &error))
    {
      set_problem (self, error->message, NULL);
      return;
    }
  lines_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->service_row));
}

gboolean
palp_visit_editor_add_line (PalpVisitEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalpService) service = NULL;
  guint selected;
  guint64 minutes = 0;

  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), FALSE);

  selected = adw_combo_row_get_selected (self->service_row);
  if (self->services == NULL || selected >= g_list_model_get_n_items (self->services))
    {
      set_problem (self, _("Choose a service to add."), GTK_WIDGET (self->service_row));
      return FALSE;
    }
  service = g_list_model_get_item (self->services, selected);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->minutes_row))));
  if (*text != '\0' &&
      (strspn (text, "0123456789") != strlen (text) ||
       !g_ascii_string_to_unsigned (text, 10, 1, MAX_MINUTES, &minutes, NULL)))
    {
      set_problem (self, _("Minutes: type a whole number from 1 to 600, or leave it empty for "
                           "the service's duration."), GTK_WIDGET (self->minutes_row));
      return FALSE;
    }
  if (!may_edit_lines (self, &error))
    {
      set_problem (self, error->message, NULL);
      return FALSE;
    }
  /* A line needs a visit to belong to: a new one is saved first. */
  if (self->visit == NULL && !store_visit (self))
    return FALSE;

  if (palp_store_add_visit_line (self->store, palp_visit_get_int (self->visit, "id"),
                                 palp_service_get_int (service, "id"), (guint) minutes,
                                 &error) == 0)
    {
      set_problem (self, error->message, GTK_WIDGET (self->service_row));
      return FALSE;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->minutes_row), "");
  if (self->error_widget == GTK_WIDGET (self->minutes_row) ||
      self->error_widget == GTK_WIDGET (self->service_row))
    revalidate (self);
  lines_changed (self);
  return TRUE;
}

static void
on_service_selected_cb (PalpVisitEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->service_row);
  g_autoptr(PalpService) service = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *fee = NULL;
  PalpServiceCategory category;

  if (self->services == NULL || selected >= g_list_model_get_n_items (self->services))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service_row), NULL);
      return;
    }
  service = g_list_model_get_item (self->services, selected);
  if (palp_service_category_from_key (palp_service_get_string (service, "category"), &category,
                                      NULL))
    g_string_append (text, palp_service_category_label (category));
  if (palp_service_get_int (service, "duration-minutes") > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, _("%d min"),
                              (int) palp_service_get_int (service, "duration-minutes"));
    }
  fee = palp_money_format (palp_service_get_int (service, "fee-cents"),
                           palp_ui_currency (self->clinic), palp_ui_language ());
  g_string_append_printf (text, " · %s", fee);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service_row), text->str);
}

static void
on_minutes_activated_cb (PalpVisitEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "visit.add-line", NULL);
}

/* Actions */

static void
update_actions (PalpVisitEditor *self)
{
  g_autoptr(GError) lines_error = NULL;
  g_autoptr(GError) book_error = NULL;
  gboolean lines_ok = may_edit_lines (self, &lines_error);
  gboolean book_ok = may_book (self, &book_error) || self->visit != NULL;
  gboolean has_services = self->services && g_list_model_get_n_items (self->services) > 0;
  gboolean admin = self->user != NULL && palp_user_is_admin (self->user);
  gboolean confirmed = self->visit && palp_visit_get_int (self->visit, "mixed-confirmed-by");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.save",
                                 self->problem == NULL && may_book (self, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               self->problem ? self->problem
                                             : book_error ? book_error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.add-line",
                                 lines_ok && book_ok && has_services);
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), lines_ok && has_services);
  gtk_widget_set_sensitive (GTK_WIDGET (self->minutes_row), lines_ok && has_services);
  if (!lines_ok)
    gtk_label_set_text (self->add_note_label, lines_error->message);
  else if (!has_services)
    gtk_label_set_text (self->add_note_label,
                        _("The catalogue has no active service: an admin adds them in "
                          "Preferences."));
  else if (self->visit == NULL)
    gtk_label_set_text (self->add_note_label, _("Adding a line saves the new visit first."));
  else
    gtk_label_set_text (self->add_note_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "visit.confirm-mixed",
                                 admin && self->visit != NULL && !confirmed);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  palp_visit_editor_save (PALP_VISIT_EDITOR (widget));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  palp_visit_editor_add_line (PALP_VISIT_EDITOR (widget));
}

static void
confirm_mixed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PalpVisitEditor *self = PALP_VISIT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->visit == NULL || self->user == NULL || !palp_user_is_admin (self->user))
    return;
  if (!palp_store_confirm_mixed_visit (self->store, palp_visit_get_int (self->visit, "id"),
                                       &error))
    {
      set_problem (self, error->message, NULL);
      return;
    }
  lines_changed (self);
  update_actions (self);
}

/* Closing */

static gboolean
palp_visit_editor_close_request (GtkWindow *window)
{
  PalpVisitEditor *self = PALP_VISIT_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (palp_visit_editor_parent_class)->close_request (window);

  palp_ui_confirm_discard (window, _("The changes to this appointment have not been saved. "
                                     "Billing lines added or removed are already saved."),
                           &self->dirty);
  return TRUE;
}

/* Accessors */

GtkWidget *
palp_visit_editor_get_row (PalpVisitEditor *self,
                           const char      *field)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), NULL);

  if (g_strcmp0 (field, "practitioner") == 0)
    return GTK_WIDGET (self->practitioner_row);
  if (g_strcmp0 (field, "date") == 0)
    return GTK_WIDGET (self->date_row);
  if (g_strcmp0 (field, "time") == 0)
    return GTK_WIDGET (self->time_row);
  if (g_strcmp0 (field, "duration") == 0)
    return GTK_WIDGET (self->duration_row);
  if (g_strcmp0 (field, "status") == 0)
    return GTK_WIDGET (self->status_row);
  if (g_strcmp0 (field, "service") == 0)
    return GTK_WIDGET (self->service_row);
  if (g_strcmp0 (field, "minutes") == 0)
    return GTK_WIDGET (self->minutes_row);
  return NULL;
}

PalpVisit *
palp_visit_editor_get_visit (PalpVisitEditor *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), NULL);
  return self->visit;
}

GListModel *
palp_visit_editor_get_lines (PalpVisitEditor *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), NULL);
  return self->lines;
}

GtkWidget *
palp_visit_editor_get_mixed_warning (PalpVisitEditor *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), NULL);
  return self->mixed_group;
}

const char *
palp_visit_editor_get_problem (PalpVisitEditor *self)
{
  g_return_val_if_fail (PALP_IS_VISIT_EDITOR (self), NULL);
  return self->problem;
}

/* Life cycle */

static void
palp_visit_editor_dispose (GObject *object)
{
  PalpVisitEditor *self = (PalpVisitEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_VISIT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->user);
  g_clear_object (&self->visit);
  g_clear_object (&self->practitioners);
  g_clear_object (&self->services);
  g_clear_object (&self->lines);
  g_clear_object (&self->error_widget);
  g_clear_pointer (&self->practitioner_ids, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (palp_visit_editor_parent_class)->dispose (object);
}

static void
palp_visit_editor_class_init (PalpVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palp_visit_editor_dispose;
  window_class->close_request = palp_visit_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, PALP_TYPE_VISIT);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, appointment_group);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, practitioner_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, mixed_group);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, mixed_box);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, mixed_state_label);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, lines_box);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, add_group);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, PalpVisitEditor, add_note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_service_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_activated_cb);

  gtk_widget_class_install_action (widget_class, "visit.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "visit.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "visit.confirm-mixed", NULL,
                                   confirm_mixed_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "visit.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palp_visit_editor_init (PalpVisitEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->practitioner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
load_choices (PalpVisitEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) services = gtk_string_list_new (NULL);
  gint64 current = self->visit ? palp_visit_get_int (self->visit, "practitioner-id") : 0;
  gint64 preferred = current;
  guint selected = 0;
  gboolean found = FALSE;

  if (preferred == 0 && self->user != NULL && palp_user_is_practitioner (self->user))
    preferred = palp_user_get_id (self->user);
  /* At the front desk, the client's own therapist: the one seen last. */
  if (preferred == 0 && self->client_id != 0)
    {
      g_autoptr(GListModel) visits = palp_store_list_visits (self->store, self->client_id, NULL);
      g_autoptr(PalpVisit) last = visits && g_list_model_get_n_items (visits) > 0
                                    ? g_list_model_get_item (visits, 0) : NULL;

      if (last != NULL)
        preferred = palp_visit_get_int (last, "practitioner-id");
    }

  self->practitioners = palp_store_list_practitioners (self->store, NULL);
  for (guint i = 0; self->practitioners && i < g_list_model_get_n_items (self->practitioners); i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (self->practitioners, i);
      gint64 id = palp_user_get_id (user);
      gboolean active;

      g_object_get (user, "active", &active, NULL);
      if (!active && id != current)
        continue;
      if (id == preferred)
        selected = self->practitioner_ids->len, found = TRUE;
      g_array_append_val (self->practitioner_ids, id);
      gtk_string_list_append (names, palp_user_get_display_name (user));
    }
  /* A past visit keeps its practitioner, even one who has since left. */
  if (current != 0 && !found)
    {
      g_autofree char *name = palp_ui_user_name (self->store, NULL, current);

      selected = self->practitioner_ids->len;
      g_array_append_val (self->practitioner_ids, current);
      gtk_string_list_append (names, name ? name : _("Unknown practitioner"));
    }
  adw_combo_row_set_model (self->practitioner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->practitioner_row, selected);

  self->services = palp_store_list_services (self->store, FALSE, NULL);
  for (guint i = 0; self->services && i < g_list_model_get_n_items (self->services); i++)
    {
      g_autoptr(PalpService) service = g_list_model_get_item (self->services, i);

      gtk_string_list_append (services, palp_service_get_string (service, "name"));
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (services));
  on_service_selected_cb (self);
}

static void
load (PalpVisitEditor *self)
{
  g_autofree char *date_title = g_strdup_printf (_("Da_te (%s)"),
                                                 country (self) == PALP_COUNTRY_CA
                                                   ? _("DD/MM/YYYY") : _("MM/DD/YYYY"));
  g_autofree char *date = NULL, *time = NULL, *minutes = NULL;
  const char *status = "booked";

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), date_title);
  load_choices (self);

  if (self->visit != NULL)
    {
      const char *starts = palp_visit_get_string (self->visit, "starts-at");
      g_autofree char *iso = starts ? g_strndup (starts, 10) : NULL;

      date = palp_date_format_short (iso, country (self));
      time = starts && strlen (starts) >= 16 ? g_strndup (starts + 11, 5) : NULL;
      minutes = g_strdup_printf ("%d", (int) palp_visit_get_int (self->visit,
                                                                 "duration-minutes"));
      status = palp_visit_get_string (self->visit, "status");
    }
  else
    {
      /* The next whole hour, today: most visits are booked at the desk. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) next = g_date_time_add_minutes (now, 60 - g_date_time_get_minute (now));
      g_autofree char *iso = g_date_time_format (next, "%Y-%m-%d");

      date = palp_date_format_short (iso, country (self));
      time = g_date_time_format (next, "%H:00");
      minutes = g_strdup ("60");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time ? time : "");
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), minutes);
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (status, status_keys[i]) == 0)
      adw_combo_row_set_selected (self->status_row, i);

  /* Someone who may not book sees the appointment without changing it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->appointment_group), may_book (self, NULL));

  self->loading = FALSE;
  self->dirty = FALSE;
  reload_lines (self);
  revalidate (self);
}

PalpVisitEditor *
palp_visit_editor_new (PalpStore  *store,
                       PalpClinic *clinic,
                       PalpUser   *user,
                       gint64      client_id,
                       PalpVisit  *visit)
{
  PalpVisitEditor *self;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_VISIT_EDITOR,
                       "title", visit ? _("Edit Visit") : _("New Visit"),
                       NULL);
  self->store = g_object_ref (store);
  self->clinic = clinic ? g_object_ref (clinic) : NULL;
  self->user = user ? g_object_ref (user) : NULL;
  self->client_id = visit ? palp_visit_get_int (visit, "client-id") : client_id;
  self->visit = visit ? g_object_ref (visit) : NULL;

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->visit ? GTK_WIDGET (self->service_row)
                                                 : GTK_WIDGET (self->practitioner_row)));
  return self;
}
