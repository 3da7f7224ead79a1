/* palp-service-editor.c: one service of the catalogue, with its taxes
 *
 * Every change re-reads the whole form with the core's parsers (money,
 * tax rates) so that what is shown as valid is what the store accepts;
 * nothing is written until the form is valid, and then the service and
 * its taxes are written in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "palp-money.h"
#include "palp-service-editor.h"
#include "palp-tax.h"
#include "palp-ui-util.h"
#include "palp-validate.h"

#define MAX_MINUTES 600

struct _PalpServiceEditor
{
  AdwWindow             parent_instance;

  PalpStore            *store;
  PalpClinic           *clinic;
  PalpService          *service;        /* the one edited; NULL for a new one */
  PalpServiceCategory   category;       /* as stored (or asked for, when new) */
  gboolean              category_fixed; /* billed already: the store keeps it */
  GPtrArray            *error_widgets;
  char                 *problem;
  gboolean              loading;
  gboolean              dirty;

  /* Template widgets */
  GtkButton            *save_button;
  GtkLabel             *problem_label;
  AdwEntryRow          *name_row;
  AdwComboRow          *category_row;
  AdwActionRow         *category_fixed_row;
  GtkLabel             *category_fixed_label;
  AdwEntryRow          *duration_row;
  AdwEntryRow          *fee_row;
  AdwPreferencesGroup  *coding_group;
  AdwEntryRow          *cpt_row;
  GtkWidget            *timed_row;
  GtkSwitch            *timed_switch;
  GtkListBox           *taxes_box;
  GtkWidget            *active_row;
  GtkSwitch            *active_switch;
};

G_DEFINE_FINAL_TYPE (PalpServiceEditor, palp_service_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static PalpServiceCategory
selected_category (PalpServiceEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  return selected < PALP_SERVICE_CATEGORY_COUNT ? (PalpServiceCategory) selected
                                                : PALP_SERVICE_CATEGORY_THERAPEUTIC;
}

static char *
entry_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* Problems */

static void
clear_errors (PalpServiceEditor *self)
{
  for (guint i = 0; i < self->error_widgets->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->error_widgets, i), "error");
  g_ptr_array_set_size (self->error_widgets, 0);
}

static void
set_problem (PalpServiceEditor *self,
             const char        *problem,
             GtkWidget         *widget)
{
  clear_errors (self);
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      g_ptr_array_add (self->error_widgets, g_object_ref (widget));
    }

  g_free (self->problem);
  self->problem = g_strdup (problem);

  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", problem == NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), problem);
}

/* Reads a row into @problem: "Title: what is wrong". */
static gboolean
fail_row (char       **out_problem,
          GtkWidget  **out_widget,
          GtkWidget   *row,
          const char  *title,
          const char  *message)
{
  *out_problem = g_strdup_printf ("%s: %s", title, message);
  *out_widget = row;
  return FALSE;
}

/* Taxes */

typedef struct
{
  GtkWidget *name;
  GtkWidget *rate;
  GtkWidget *registration;
} TaxEntries;

static void on_changed_cb (PalpServiceEditor *self);

static void
on_remove_tax_clicked_cb (GtkButton         *button,
                          PalpServiceEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->taxes_box, row);
  on_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->taxes_box));
}

static GtkWidget *
tax_entry (GtkWidget  *box,
           const char *text,
           const char *placeholder,
           const char *accessible,
           int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

void
palp_service_editor_add_tax (PalpServiceEditor *self,
                             const char        *name,
                             const char        *rate,
                             const char        *registration)
{
  GtkWidget *row, *box, *remove;
  TaxEntries *entries;

  g_return_if_fail (PALP_IS_SERVICE_EDITOR (self));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  entries = g_new0 (TaxEntries, 1);
  entries->name = tax_entry (box, name, _("Name, e.g. GST"), _("Tax name"), 10);
  entries->rate = tax_entry (box, rate, _("Rate, e.g. 5%"), _("Tax rate in percent"), 8);
  entries->registration = tax_entry (box, registration, _("Registration number"),
                                     _("The clinic's registration number for this tax"), 12);
  gtk_widget_set_hexpand (entries->registration, TRUE);
  g_object_set_data_full (G_OBJECT (row), "palp-tax", entries, g_free);

  g_signal_connect_swapped (entries->name, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (entries->rate, "changed", G_CALLBACK (on_changed_cb), self);
  g_signal_connect_swapped (entries->registration, "changed", G_CALLBACK (on_changed_cb), self);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this tax"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this tax"), -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_tax_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->taxes_box, row);
  on_changed_cb (self);
}

/* The tax rows as components; FALSE with the problem and its entry. */
static gboolean
read_taxes (PalpServiceEditor  *self,
            GPtrArray          *out,
            char              **out_problem,
            GtkWidget         **out_widget)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->taxes_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      TaxEntries *e = g_object_get_data (G_OBJECT (row), "palp-tax");
      g_autofree char *name = NULL, *rate = NULL, *registration = NULL, *title = NULL;
      g_autoptr(PalpTaxComponent) component = NULL;
      g_autoptr(GError) error = NULL;
      guint32 ppm = 0;

      if (e == NULL)
        continue;
      n++;
      name = entry_text (e->name);
      rate = entry_text (e->rate);
      registration = entry_text (e->registration);
      title = *name ? g_strdup_printf (_("Tax “%s”"), name)
                    : g_strdup_printf (_("Tax %u"), n);

      if (*name == '\0')
        return fail_row (out_problem, out_widget, e->name, title,
                         _("give the tax its name as printed, such as GST or Sales tax."));
      if (!palp_tax_rate_parse (rate, &ppm, &error))
        return fail_row (out_problem, out_widget, e->rate, title, error->message);
      component = palp_tax_component_new (name, ppm, *registration ? registration : NULL);
      if (!palp_tax_component_validate (component, &error))
        return fail_row (out_problem, out_widget, e->rate, title, error->message);
      for (guint i = 0; i < out->len; i++)
        {
          PalpTaxComponent *other = g_ptr_array_index (out, i);

          if (g_utf8_collate (other->name, name) == 0)
            return fail_row (out_problem, out_widget, e->name, title,
                             _("another tax of this service has the same name."));
        }
      g_ptr_array_add (out, g_steal_pointer (&component));
    }
  return TRUE;
}

/* The form */

/* The form as a service (and its taxes); FALSE with the problem, and the
 * widget at fault, when something cannot be saved. */
static gboolean
read_form (PalpServiceEditor  *self,
           PalpService        *draft,
           GPtrArray          *taxes,
           char              **out_problem,
           GtkWidget         **out_widget)
{
  PalpServiceCategory category = selected_category (self);
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *duration = entry_text (self->duration_row);
  g_autofree char *fee = entry_text (self->fee_row);
  g_autofree char *cpt = entry_text (self->cpt_row);
  g_autoptr(GError) error = NULL;
  gboolean therapeutic = category == PALP_SERVICE_CATEGORY_THERAPEUTIC;
  guint64 minutes = 0;
  gint64 cents = 0;

  if (!palp_validate_name (name, TRUE, &error))
    return fail_row (out_problem, out_widget, GTK_WIDGET (self->name_row), _("Name"),
                     error->message);
  if (*duration == '\0' || strspn (duration, "0123456789") != strlen (duration) ||
      !g_ascii_string_to_unsigned (duration, 10, 0, MAX_MINUTES, &minutes, NULL))
    return fail_row (out_problem, out_widget, GTK_WIDGET (self->duration_row), _("Duration"),
                     _("type the minutes as a whole number from 0 to 600 (0 for a fee "
                       "without time, such as a no-show)."));
  if (!palp_money_parse (fee, palp_ui_language (), &cents, &error))
    return fail_row (out_problem, out_widget, GTK_WIDGET (self->fee_row), _("Fee"),
                     error->message);
  if (therapeutic && *cpt != '\0' && (strlen (cpt) != 5 || strspn (cpt, "0123456789") != 5))
    return fail_row (out_problem, out_widget, GTK_WIDGET (self->cpt_row), _("CPT code"),
                     _("a procedure code is five digits, such as 97124; leave it empty if "
                       "the service has none."));
  if (!read_taxes (self, taxes, out_problem, out_widget))
    return FALSE;

  /* Codes and timing belong to massage therapy only; the store refuses
   * them on anything else, so hidden values are never sent. */
  g_object_set (draft,
                "id", self->service ? palp_service_get_int (self->service, "id") : 0,
                "name", name,
                "category", palp_service_category_to_key (category),
                "duration-minutes", (gint64) minutes,
                "fee-cents", cents,
                "cpt-code", therapeutic && *cpt ? cpt : NULL,
                "timed", (gint64) (therapeutic && gtk_switch_get_active (self->timed_switch)),
                "active", (gint64) gtk_switch_get_active (self->active_switch),
                NULL);
  return TRUE;
}

static void
revalidate (PalpServiceEditor *self)
{
  g_autoptr(PalpService) draft = palp_service_new ();
  g_autoptr(GPtrArray) taxes = NULL;
  g_autofree char *problem = NULL;
  GtkWidget *widget = NULL;

  taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);
  if (!read_form (self, draft, taxes, &problem, &widget))
    set_problem (self, problem, widget);
  else
    set_problem (self, NULL, NULL);
}

static void
update_category (PalpServiceEditor *self)
{
  gboolean therapeutic = selected_category (self) == PALP_SERVICE_CATEGORY_THERAPEUTIC;

  gtk_widget_set_visible (GTK_WIDGET (self->coding_group), therapeutic);
  if (therapeutic)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row),
                                 _("Massage therapy: receipted in the T series, with the "
                                   "therapist's registration; may be billed to insurers."));
  else if (selected_category (self) == PALP_SERVICE_CATEGORY_ESTHETIC)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row),
                                 _("Cosmetic work: receipted apart in the E series, never as "
                                   "massage therapy, never billed to insurers."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row),
                                 _("Fees and products: receipted in the G series, never as "
                                   "massage therapy."));
}

static void
on_changed_cb (PalpServiceEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  revalidate (self);
}

static void
on_category_changed_cb (PalpServiceEditor *self)
{
  update_category (self);
  on_changed_cb (self);
}

gboolean
palp_service_editor_save (PalpServiceEditor *self)
{
  g_autoptr(PalpService) draft = palp_service_new ();
  g_autoptr(GPtrArray) taxes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (PALP_IS_SERVICE_EDITOR (self), FALSE);

  taxes = g_ptr_array_new_with_free_func ((GDestroyNotify) palp_tax_component_free);
  if (!read_form (self, draft, taxes, &problem, &widget))
    {
      set_problem (self, problem, widget);
      return FALSE;
    }

  /* The service and its taxes in one transaction: a refused tax leaves
   * no half-saved service behind. */
  if (!palp_store_begin (self->store, &error))
    goto refused;
  if (!palp_store_save_service (self->store, draft, &error) ||
      !palp_store_set_service_taxes (self->store, palp_service_get_int (draft, "id"), taxes,
                                     &error))
    {
      palp_store_rollback (self->store);
      goto refused;
    }
  if (!palp_store_commit (self->store, &error))
    goto refused;

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, draft);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

refused:
  /* The store has the last word (a category frozen by billing, a rule the
   * form does not know): say what it said, where it applies. */
  set_problem (self, error->message,
               selected_category (self) != self->category && self->service != NULL
                 ? GTK_WIDGET (self->category_row) : NULL);
  return FALSE;
}

GtkWidget *
palp_service_editor_get_row (PalpServiceEditor *self,
                             const char        *field)
{
  g_return_val_if_fail (PALP_IS_SERVICE_EDITOR (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "category") == 0)
    return GTK_WIDGET (self->category_row);
  if (g_strcmp0 (field, "duration") == 0)
    return GTK_WIDGET (self->duration_row);
  if (g_strcmp0 (field, "fee") == 0)
    return GTK_WIDGET (self->fee_row);
  if (g_strcmp0 (field, "cpt-code") == 0)
    return GTK_WIDGET (self->cpt_row);
  if (g_strcmp0 (field, "timed") == 0)
    return GTK_WIDGET (self->timed_switch);
  if (g_strcmp0 (field, "active") == 0)
    return GTK_WIDGET (self->active_switch);
  return NULL;
}

const char *
palp_service_editor_get_problem (PalpServiceEditor *self)
{
  g_return_val_if_fail (PALP_IS_SERVICE_EDITOR (self), NULL);
  return self->problem;
}

/* Closing */

static gboolean
palp_service_editor_close_request (GtkWindow *window)
{
  PalpServiceEditor *self = PALP_SERVICE_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (palp_service_editor_parent_class)->close_request (window);

  palp_ui_confirm_discard (window, _("The changes to this service have not been saved."),
                           &self->dirty);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  palp_service_editor_save (PALP_SERVICE_EDITOR (widget));
}

static void
add_tax_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpServiceEditor *self = PALP_SERVICE_EDITOR (widget);
  GtkWidget *last;
  TaxEntries *e;

  palp_service_editor_add_tax (self, NULL, NULL, NULL);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->taxes_box));
  if (last != NULL && (e = g_object_get_data (G_OBJECT (last), "palp-tax")) != NULL)
    gtk_widget_grab_focus (e->name);
}

static void
palp_service_editor_dispose (GObject *object)
{
  PalpServiceEditor *self = (PalpServiceEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_SERVICE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->clinic);
  g_clear_object (&self->service);
  g_clear_pointer (&self->error_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (palp_service_editor_parent_class)->dispose (object);
}

static void
palp_service_editor_class_init (PalpServiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palp_service_editor_dispose;
  window_class->close_request = palp_service_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, PALP_TYPE_SERVICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-service-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, category_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, category_fixed_label);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, fee_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, coding_group);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, cpt_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, timed_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, timed_switch);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, taxes_box);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, active_row);
  gtk_widget_class_bind_template_child (widget_class, PalpServiceEditor, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-tax", NULL, add_tax_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palp_service_editor_init (PalpServiceEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->error_widgets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < PALP_SERVICE_CATEGORY_COUNT; c++)
    gtk_string_list_append (categories, palp_service_category_label (c));
  self->loading = TRUE;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->loading = FALSE;
}

/* Once billed, a service keeps its category (the store enforces it). */
static gboolean
category_is_fixed (PalpServiceEditor *self)
{
  gint64 id = palp_service_get_int (self->service, "id");

  return id != 0 && palp_store_service_is_billed (self->store, id, NULL);
}

static void
load (PalpServiceEditor *self)
{
  const char *language = palp_ui_language ();
  g_autofree char *fee_title = NULL;

  fee_title = g_strdup_printf (_("_Fee (%s)"),
                               palp_currency_to_code (palp_ui_currency (self->clinic)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fee_row), fee_title);

  self->loading = TRUE;
  if (self->service != NULL)
    {
      PalpService *s = self->service;
      g_autoptr(GPtrArray) taxes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *minutes = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  palp_service_get_int (s, "duration-minutes"));
      g_autofree char *fee = palp_money_format_number (palp_service_get_int (s, "fee-cents"),
                                                       language);
      const char *cpt = palp_service_get_string (s, "cpt-code");

      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             palp_service_get_string (s, "name") ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->duration_row), minutes);
      gtk_editable_set_text (GTK_EDITABLE (self->fee_row), fee);
      gtk_editable_set_text (GTK_EDITABLE (self->cpt_row), cpt ? cpt : "");
      gtk_switch_set_active (self->timed_switch, palp_service_get_int (s, "timed") != 0);
      gtk_switch_set_active (self->active_switch, palp_service_get_int (s, "active") != 0);

      taxes = palp_store_list_service_taxes (self->store, palp_service_get_int (s, "id"),
                                             &error);
      for (guint i = 0; taxes != NULL && i < taxes->len; i++)
        {
          PalpTaxComponent *t = g_ptr_array_index (taxes, i);
          g_autofree char *rate = palp_tax_rate_format (t->rate_ppm, language);

          palp_service_editor_add_tax (self, t->name, rate, t->registration);
        }
      if (taxes == NULL)
        set_problem (self, error->message, NULL);

      self->category_fixed = category_is_fixed (self);
    }
  adw_combo_row_set_selected (self->category_row, self->category);
  /* Shown as a fact rather than as a greyed-out choice, so the reason
   * stays readable. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), !self->category_fixed);
  gtk_widget_set_visible (GTK_WIDGET (self->category_row), !self->category_fixed);
  gtk_widget_set_visible (GTK_WIDGET (self->category_fixed_row), self->category_fixed);
  gtk_label_set_text (self->category_fixed_label, palp_service_category_label (self->category));
  adw_action_row_set_subtitle (self->category_fixed_row,
                               _("Fixed: this service has been billed, and its receipts keep "
                                 "their category. Create a new service for other work."));
  update_category (self);
  self->loading = FALSE;
  self->dirty = FALSE;

  revalidate (self);
  /* A blank new form is not an error yet: say calmly what it needs. */
  if (self->service == NULL)
    {
      clear_errors (self);
      gtk_label_set_text (self->problem_label,
                          _("Enter the service's name, its duration and its fee."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
    }
}

PalpServiceEditor *
palp_service_editor_new (PalpStore           *store,
                         PalpClinic          *clinic,
                         PalpService         *service,
                         PalpServiceCategory  category)
{
  PalpServiceEditor *self;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_SERVICE_EDITOR,
                       "title", service ? _("Edit Service") : _("New Service"),
                       NULL);
  self->store = g_object_ref (store);
  self->clinic = clinic ? g_object_ref (clinic) : NULL;
  self->service = service ? g_object_ref (service) : NULL;
  self->category = category;
  if (service != NULL &&
      !palp_service_category_from_key (palp_service_get_string (service, "category"),
                                       &self->category, NULL))
    self->category = PALP_SERVICE_CATEGORY_THERAPEUTIC;

  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
