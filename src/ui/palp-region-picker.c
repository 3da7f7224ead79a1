/* palp-region-picker.c: choose body regions from the atlas by name
 *
 * The names are the atlas's own, so what is picked here is the region the
 * chart draws and the signing checks compare against. Regions drawn in
 * more than one view are listed once, under the first view that has them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-atlas.h"
#include "palp-region-picker.h"

struct _PalpRegionPicker
{
  AdwWindow     parent_instance;

  gboolean      multiple;
  GtkListBox   *list;
  GtkEditable  *search;
  GtkButton    *choose_button;
  GtkLabel     *count_label;
  GHashTable   *checks;      /* region id → GtkCheckButton */
  GPtrArray    *order;       /* region ids in atlas order */
  char         *search_text;
};

G_DEFINE_FINAL_TYPE (PalpRegionPicker, palp_region_picker, ADW_TYPE_WINDOW)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static char **
chosen_ids (PalpRegionPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);

      if (gtk_check_button_get_active (g_hash_table_lookup (self->checks, id)))
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static void
update_choose (PalpRegionPicker *self)
{
  g_auto(GStrv) ids = chosen_ids (self);
  guint n = g_strv_length (ids);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), n > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->choose_button),
                               n > 0 ? NULL : _("Choose a region first"));
  if (n == 0)
    text = g_strdup (self->multiple ? _("No regions chosen") : _("No region chosen"));
  else
    {
      g_autofree char *joined = g_strjoinv (",", ids);
      g_autofree char *names = palp_region_names_for_ids (joined);

      /* Translators: the regions chosen so far. */
      text = g_strdup_printf (_("Chosen: %s"), names);
    }
  gtk_label_set_text (self->count_label, text);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  PalpRegionPicker *self = data;
  const char *name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *view = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  const char *id = g_object_get_data (G_OBJECT (row), "region-id");

  if (self->search_text == NULL || *self->search_text == '\0')
    return TRUE;
  return g_str_match_string (self->search_text, name, TRUE) ||
         g_str_match_string (self->search_text, view, TRUE) ||
         g_str_match_string (self->search_text, id, TRUE);
}

static void on_search_changed_cb (PalpRegionPicker *self);

void
palp_region_picker_set_search (PalpRegionPicker *self,
                               const char       *text)
{
  g_return_if_fail (PALP_IS_REGION_PICKER (self));
  if (g_strcmp0 (gtk_editable_get_text (self->search), text ? text : "") != 0)
    gtk_editable_set_text (self->search, text ? text : "");
  /* At once, as Enter in the entry does, not after the entry's typing
   * delay. */
  on_search_changed_cb (self);
}

static void
on_search_changed_cb (PalpRegionPicker *self)
{
  g_free (self->search_text);
  self->search_text = g_strstrip (g_strdup (gtk_editable_get_text (self->search)));
  gtk_list_box_invalidate_filter (self->list);
}

guint
palp_region_picker_get_n_shown (PalpRegionPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (PALP_IS_REGION_PICKER (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      n++;
  return n;
}

gboolean
palp_region_picker_toggle (PalpRegionPicker *self,
                           const char       *region_id)
{
  GtkCheckButton *check;

  g_return_val_if_fail (PALP_IS_REGION_PICKER (self), FALSE);

  check = g_hash_table_lookup (self->checks, region_id);
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, self->multiple ? !gtk_check_button_get_active (check)
                                                     : TRUE);
  return TRUE;
}

void
palp_region_picker_confirm (PalpRegionPicker *self)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (PALP_IS_REGION_PICKER (self));

  ids = chosen_ids (self);
  if (ids[0] == NULL)
    return;
  g_signal_emit (self, signals[CHOSEN], 0, ids);
  gtk_window_destroy (GTK_WINDOW (self));
}

char *
palp_region_names_for_ids (const char *ids)
{
  PalpAtlas *atlas = palp_atlas_get_default (NULL);
  g_auto(GStrv) parts = g_strsplit (ids ? ids : "", ",", -1);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const PalpRegion *region;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      region = atlas ? palp_atlas_find_region (atlas, parts[i]) : NULL;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                              region ? palp_region_get_name (region) : parts[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
palp_region_picker_finalize (GObject *object)
{
  PalpRegionPicker *self = (PalpRegionPicker *) object;

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_free (self->search_text);

  G_OBJECT_CLASS (palp_region_picker_parent_class)->finalize (object);
}

static void
confirm_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  palp_region_picker_confirm (PALP_REGION_PICKER (widget));
}

static void
palp_region_picker_class_init (PalpRegionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = palp_region_picker_finalize;

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                (GtkShortcutFunc) gtk_window_close, NULL);
  gtk_widget_class_install_action (widget_class, "picker.confirm", NULL, confirm_action);
}

static void
palp_region_picker_init (PalpRegionPicker *self)
{
  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
  self->order = g_ptr_array_new ();
}

PalpRegionPicker *
palp_region_picker_new (GtkWindow          *parent,
                        gboolean            multiple,
                        const char * const *selected)
{
  PalpRegionPicker *self;
  PalpAtlas *atlas = palp_atlas_get_default (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled, *clamp;
  GtkCheckButton *group = NULL;

  self = g_object_new (PALP_TYPE_REGION_PICKER,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 480,
                       "default-height", 640,
                       "title", multiple ? _("Choose Regions") : _("Choose a Region"),
                       NULL);
  self->multiple = multiple;

  self->choose_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_hoose")));
  gtk_widget_add_css_class (GTK_WIDGET (self->choose_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->choose_button), "picker.confirm");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->choose_button));
  gtk_box_append (GTK_BOX (box), header);

  self->search = GTK_EDITABLE (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search regions, e.g. trapezius or jaw"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search regions"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->search));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_label_set_wrap (self->count_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->count_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Body regions"), -1);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list));

  for (PalpView view = 0; atlas != NULL && view < PALP_VIEW_COUNT; view++)
    for (guint i = 0; i < palp_atlas_get_n_regions (atlas, view); i++)
      {
        const PalpRegion *region = palp_atlas_get_region (atlas, view, i);
        const char *id = palp_region_get_id (region);
        GtkWidget *row, *check;

        if (g_hash_table_contains (self->checks, id))
          continue;
        row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), palp_region_get_name (region));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), palp_view_get_label (view));
        check = gtk_check_button_new ();
        gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        palp_region_get_name (region), -1);
        if (!multiple)
          {
            if (group != NULL)
              gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
            else
              group = GTK_CHECK_BUTTON (check);
          }
        if (selected != NULL && g_strv_contains (selected, id))
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
        g_signal_connect_swapped (check, "notify::active", G_CALLBACK (update_choose), self);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        g_object_set_data_full (G_OBJECT (row), "region-id", g_strdup (id), g_free);
        gtk_list_box_append (self->list, row);
        g_hash_table_insert (self->checks, (gpointer) id, check);
        g_ptr_array_add (self->order, (gpointer) id);
      }

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_choose (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
  return self;
}
