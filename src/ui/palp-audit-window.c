/* palp-audit-window.c: the audit log, filtered, and exported as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "palp-audit-window.h"
#include "palp-date.h"
#include "palp-store-audit.h"
#include "palp-ui-util.h"

/* Rows read at a time: a clinic's log grows by hundreds a day, and a
 * page is read through an index whatever the log's size. */
#define PAGE_SIZE 200

typedef enum
{
  COLUMN_TIME,
  COLUMN_USER,
  COLUMN_ACTION,
  COLUMN_WHAT,
  COLUMN_CLIENT,
  COLUMN_RECORD,
  COLUMN_CHANGE,
} Column;

/* The list's columns, in order. */
static const struct
{
  const char        *title;
  Column             column;
  PalpUiColumnFlags  flags;
} column_specs[] = {
  { N_("Time"), COLUMN_TIME, PALP_UI_COLUMN_FIGURES },
  { N_("User"), COLUMN_USER, 0 },
  { N_("Action"), COLUMN_ACTION, 0 },
  { N_("What"), COLUMN_WHAT, 0 },
  { N_("Client"), COLUMN_CLIENT, 0 },
  { N_("Record"), COLUMN_RECORD, PALP_UI_COLUMN_FIGURES },
  { N_("Change"), COLUMN_CHANGE, PALP_UI_COLUMN_WIDE | PALP_UI_COLUMN_EXPAND },
};

struct _PalpAuditWindow
{
  AdwWindow         parent_instance;

  PalpStore        *store;
  gint64            client_id;
  PalpCountry       country;
  GListStore       *entries;
  GArray           *user_ids;     /* the user dropdown's ids; 0 first, for everyone */
  GHashTable       *client_names; /* client id → name, read once */
  gboolean          has_more;
  gboolean          filling;      /* the dropdowns are being filled: no reload yet */

  AdwToastOverlay  *toasts;
  AdwWindowTitle   *window_title;
  GtkDropDown      *user_dropdown;
  GtkDropDown      *kind_dropdown;
  GtkEntry         *from_entry;
  GtkEntry         *to_entry;
  GtkLabel         *date_error_label;
  GtkStack         *content_stack;
  GtkColumnView    *column_view;
  GtkLabel         *count_label;
  GtkWidget        *more_button;
};

G_DEFINE_FINAL_TYPE (PalpAuditWindow, palp_audit_window, ADW_TYPE_WINDOW)

/* Words for one entry */

static const char *
client_name (PalpAuditWindow *self,
             gint64           id)
{
  char *name;

  if (id <= 0)
    return "";
  name = g_hash_table_lookup (self->client_names, &id);
  if (name == NULL)
    {
      g_autoptr(PalpClient) client = palp_store_load_client (self->store, id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      /* A deleted client keeps their number in the log. */
      if (client != NULL)
        name = palp_client_dup_display_name (client);
      else
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          /* Translators: a client no longer in the record, by number. */
          name = g_strdup_printf (_("Client %s"), number);
        }
      g_hash_table_insert (self->client_names, key, name);
    }
  return name;
}

static char *
entry_text (PalpAuditWindow *self,
            PalpAuditEntry  *entry,
            Column           column)
{
  g_autofree char *at = NULL, *who = NULL, *action = NULL, *table = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gint64 row_id = 0, client_id = 0;

  g_object_get (entry, "at", &at, "user-name", &who, "action", &action, "table-name", &table,
                "row-id", &row_id, "client-id", &client_id, "before", &before,
                "after", &after, NULL);
  switch (column)
    {
    case COLUMN_TIME:
      return palp_ui_format_local_time (at, self->country);
    case COLUMN_USER:
      return g_strdup (who ? who : _("unknown user"));
    case COLUMN_ACTION:
      return g_strdup (palp_audit_action_label (action));
    case COLUMN_WHAT:
      return g_strdup (palp_audit_table_label (table));
    case COLUMN_CLIENT:
      return g_strdup (client_name (self, client_id));
    case COLUMN_RECORD:
      return row_id > 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, row_id) : g_strdup ("");
    case COLUMN_CHANGE:
      /* The store leaves a note's text out for those who may not read
       * it: then the change is only "Record changed". */
      return palp_audit_describe_change (action, before, after, TRUE);
    default:
      g_assert_not_reached ();
    }
}

/* Columns */

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  PalpAuditWindow *self = g_object_get_data (G_OBJECT (factory), "palp-owner");
  Column column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = entry_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  /* A long change is cut in its cell and whole in its tooltip. */
  gtk_widget_set_tooltip_text (label, column == COLUMN_CHANGE && text && *text ? text : NULL);
}

/* Filters */

/* A typed date as ISO in @out (NULL when empty); FALSE when it is not a
 * date. */
static gboolean
entry_date (PalpAuditWindow  *self,
            GtkEntry         *entry,
            char            **out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  if (!palp_date_parse_user (text, self->country, &date))
    return FALSE;
  *out = palp_date_to_iso (&date);
  return TRUE;
}

static const char *
date_hint (PalpAuditWindow *self)
{
  /* Translators: the short date forms a person may type. */
  return self->country == PALP_COUNTRY_CA ? _("DD/MM/YYYY") : _("MM/DD/YYYY");
}

static void
show_count (PalpAuditWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *text = NULL;

  if (self->has_more)
    text = g_strdup_printf (ngettext ("The latest %u entry", "The latest %u entries", n), n);
  else
    text = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (self->more_button, self->has_more);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export", n > 0);
}

/* The query the filters make; FALSE (with the reason shown) when a date
 * is not one. @from and @to hold the dates for as long as @query is used. */
static gboolean
build_query (PalpAuditWindow  *self,
             PalpAuditQuery   *query,
             char            **from,
             char            **to)
{
  guint user = gtk_drop_down_get_selected (self->user_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  gboolean from_ok = entry_date (self, self->from_entry, from);
  gboolean to_ok = entry_date (self, self->to_entry, to);

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  if (!from_ok || !to_ok)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the date form, "MM/DD/YYYY". */
      message = g_strdup_printf (_("Not a date: type it as %s"), date_hint (self));
      gtk_label_set_text (self->date_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), TRUE);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), FALSE);

  *query = (PalpAuditQuery) {
    .client_id = self->client_id,
    .user_id = user != GTK_INVALID_LIST_POSITION && user < self->user_ids->len
                 ? g_array_index (self->user_ids, gint64, user) : 0,
    .from = *from,
    .to = *to,
  };
  if (kind != GTK_INVALID_LIST_POSITION && kind < PALP_AUDIT_KIND_COUNT)
    {
      query->tables = palp_audit_kind_get_tables (kind);
      query->actions = palp_audit_kind_get_actions (kind);
    }
  return TRUE;
}

/* Reads the next page (or the first, after @reset). */
static void
load_page (PalpAuditWindow *self,
           gboolean         reset)
{
  g_autofree char *from = NULL, *to = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GError) error = NULL;
  PalpAuditQuery query;
  guint n_old, n_page;

  if (self->store == NULL || self->filling)
    return;
  if (!build_query (self, &query, &from, &to))
    return;
  n_old = reset ? 0 : g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  if (n_old > 0)
    {
      g_autoptr(PalpAuditEntry) last = g_list_model_get_item (G_LIST_MODEL (self->entries),
                                                              n_old - 1);

      g_object_get (last, "id", &query.before_id, NULL);
    }
  /* One more than a page says whether there is more. */
  query.limit = PAGE_SIZE + 1;
  page = palp_store_query_audit (self->store, &query, &error);
  if (page == NULL)
    {
      gtk_label_set_text (self->date_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), TRUE);
      if (reset)
        g_list_store_remove_all (self->entries);
      self->has_more = FALSE;
      show_count (self);
      return;
    }
  n_page = g_list_model_get_n_items (page);
  self->has_more = n_page > PAGE_SIZE;
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < MIN (n_page, PAGE_SIZE); i++)
      g_ptr_array_add (items, g_list_model_get_item (page, i));
    g_list_store_splice (self->entries, n_old,
                         reset ? g_list_model_get_n_items (G_LIST_MODEL (self->entries)) : 0,
                         items->pdata, items->len);
  }
  show_count (self);
}

static void
on_filter_changed_cb (PalpAuditWindow *self)
{
  load_page (self, TRUE);
}

static void
on_date_changed_cb (PalpAuditWindow *self)
{
  load_page (self, TRUE);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  load_page (PALP_AUDIT_WINDOW (widget), FALSE);
}

/* Export */

static void
append_row (PalpAuditWindow *self,
            GString         *out,
            PalpAuditEntry  *entry)
{
  static const Column columns[] = {
    COLUMN_TIME, COLUMN_USER, COLUMN_ACTION, COLUMN_WHAT, COLUMN_CLIENT, COLUMN_RECORD,
    COLUMN_CHANGE,
  };
  g_autofree char *at = NULL, *before = NULL, *after = NULL;

  g_object_get (entry, "at", &at, "before", &before, "after", &after, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *text = entry_text (self, entry, columns[i]);

      palp_csv_append_cell (out, text, FALSE);
    }
  /* The log's own time and snapshots, for whoever audits the audit. */
  palp_csv_append_cell (out, at, FALSE);
  palp_csv_append_cell (out, before, FALSE);
  palp_csv_append_cell (out, after, TRUE);
}

gboolean
palp_audit_window_export (PalpAuditWindow  *self,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *from = NULL, *to = NULL, *path = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) local = NULL;
  PalpAuditQuery query;
  const char *header[] = {
    /* Translators: the audit CSV's column headings. */
    N_("Time"), N_("User"), N_("Action"), N_("What"), N_("Client"), N_("Record"),
    N_("Change"), N_("Time (UTC)"), N_("Before"), N_("After"),
  };

  g_return_val_if_fail (PALP_IS_AUDIT_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!build_query (self, &query, &from, &to))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           gtk_label_get_text (self->date_error_label));
      return FALSE;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    palp_csv_append_cell (out, _(header[i]), i + 1 == G_N_ELEMENTS (header));
  /* Every matching entry, a thousand at a time, not only those shown. */
  query.limit = 1000;
  for (;;)
    {
      g_autoptr(GListModel) page = palp_store_query_audit (self->store, &query, error);
      guint n;

      if (page == NULL)
        return FALSE;
      n = g_list_model_get_n_items (page);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PalpAuditEntry) entry = g_list_model_get_item (page, i);

          append_row (self, out, entry);
          if (i + 1 == n)
            g_object_get (entry, "id", &query.before_id, NULL);
        }
      if (n < query.limit)
        break;
    }

  /* Who did what to whose record: readable by this user only. */
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file could not be written: %s"),
                   local->message);
      return FALSE;
    }
  /* An existing file keeps its mode through the rename; this one must not. */
  g_chmod (path, 0600);
  return TRUE;
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       PalpAuditWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (palp_audit_window_export (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);

          message = g_strdup_printf (_("Saved as “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Not saved: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PalpAuditWindow *self = PALP_AUDIT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Audit Log"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* The client's number, never their name, in a file name. */
  name = self->client_id > 0
           ? g_strdup_printf ("audit-client-%" G_GINT64_FORMAT "-%s.csv", self->client_id, day)
           : g_strdup_printf ("audit-%s.csv", day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Setting up */

static void
fill_filters (PalpAuditWindow *self)
{
  g_autoptr(GtkStringList) users = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GListModel) list = palp_store_list_users (self->store, NULL);
  gint64 everyone = 0;

  self->filling = TRUE;
  gtk_string_list_append (users, _("Everyone"));
  g_array_append_val (self->user_ids, everyone);
  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PalpUser) user = g_list_model_get_item (list, i);
      gint64 id = palp_user_get_id (user);

      gtk_string_list_append (users, palp_user_get_display_name (user));
      g_array_append_val (self->user_ids, id);
    }
  for (guint k = 0; k < PALP_AUDIT_KIND_COUNT; k++)
    gtk_string_list_append (kinds, palp_audit_kind_get_label (k));
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (users));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_entry_set_placeholder_text (self->from_entry, date_hint (self));
  gtk_entry_set_placeholder_text (self->to_entry, date_hint (self));
  self->filling = FALSE;
}

PalpAuditWindow *
palp_audit_window_new (GtkWindow *parent,
                       PalpStore *store,
                       gint64     client_id)
{
  PalpAuditWindow *self;
  g_autoptr(PalpClinic) clinic = NULL;

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  self = g_object_new (PALP_TYPE_AUDIT_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  clinic = palp_store_load_clinic (store, NULL);
  self->country = palp_ui_country (clinic);

  for (gsize i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      /* One client's window names them in its title instead. */
      if (column_specs[i].column == COLUMN_CLIENT && client_id > 0)
        continue;
      palp_ui_append_label_column (self->column_view, _(column_specs[i].title), column_specs[i].column,
                                   column_specs[i].flags, self, G_CALLBACK (bind_cell_cb));
    }

  if (client_id > 0)
    adw_window_title_set_subtitle (self->window_title, client_name (self, client_id));
  else
    adw_window_title_set_subtitle (self->window_title, _("Whole clinic"));
  fill_filters (self);
  load_page (self, TRUE);
  return self;
}

void
palp_audit_window_set_user (PalpAuditWindow *self,
                            gint64           user_id)
{
  g_return_if_fail (PALP_IS_AUDIT_WINDOW (self));

  for (guint i = 0; i < self->user_ids->len; i++)
    if (g_array_index (self->user_ids, gint64, i) == user_id)
      {
        gtk_drop_down_set_selected (self->user_dropdown, i);
        return;
      }
}

void
palp_audit_window_set_kind (PalpAuditWindow *self,
                            PalpAuditKind    kind)
{
  g_return_if_fail (PALP_IS_AUDIT_WINDOW (self));
  g_return_if_fail ((guint) kind < PALP_AUDIT_KIND_COUNT);

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

void
palp_audit_window_set_dates (PalpAuditWindow *self,
                             const char      *from,
                             const char      *to)
{
  g_return_if_fail (PALP_IS_AUDIT_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
}

GListModel *
palp_audit_window_get_entries (PalpAuditWindow *self)
{
  g_return_val_if_fail (PALP_IS_AUDIT_WINDOW (self), NULL);

  return G_LIST_MODEL (self->entries);
}

static void
palp_audit_window_dispose (GObject *object)
{
  PalpAuditWindow *self = PALP_AUDIT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->user_ids, g_array_unref);
  g_clear_pointer (&self->client_names, g_hash_table_unref);

  G_OBJECT_CLASS (palp_audit_window_parent_class)->dispose (object);
}

static void
palp_audit_window_class_init (PalpAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_audit_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/palpate/Palpate/palp-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, user_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PalpAuditWindow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "audit.load-more", NULL, load_more_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palp_audit_window_init (PalpAuditWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->entries = g_list_store_new (PALP_TYPE_AUDIT_ENTRY);
  self->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->client_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* Filled in palp_audit_window_new(): no reading before the store is known. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}
