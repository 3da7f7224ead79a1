/* palp-preview-window.c: every document of the product, before paper
 *
 * What the window shows, prints and saves is one GBytes: pages are drawn
 * from it by poppler in a worker thread (each job opens its own
 * PopplerDocument, since one document must not be used by two threads),
 * printing renders the same PopplerPages onto the printer's cairo context,
 * and Save As writes the bytes untouched. A receipt is a legal document:
 * the file a clinic keeps must be the one it looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "palp-doc-preview.h"
#include "palp-doc-receipt.h"
#include "palp-preview-window.h"

#define ZOOM_MIN  0.25
#define ZOOM_MAX  4.0
#define ZOOM_STEP 1.25

typedef struct
{
  char   *title;
  char   *filename;
  GBytes *bytes;
} Document;

struct _PalpPreviewWindow
{
  AdwWindow        parent_instance;

  GPtrArray       *documents;      /* of Document */
  guint            selected;
  GtkStringList   *titles;

  /* The shown document's pages: sizes in points, one picture each. */
  GArray          *sizes;          /* of double pairs */
  GPtrArray       *pictures;       /* of GtkPicture (owned by pages_box) */
  double           zoom;
  gboolean         fit;
  int              page;
  gboolean         rendering;
  GCancellable    *cancellable;
  guint            generation;
  int              fit_width;      /* the width the pages were last fitted to */
  guint            refit_id;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkDropDown     *document_dropdown;
  GtkLabel        *zoom_label;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkScrolledWindow *scroller;
  GtkBox          *pages_box;
};

G_DEFINE_FINAL_TYPE (PalpPreviewWindow, palp_preview_window, ADW_TYPE_WINDOW)

static void
document_free (Document *doc)
{
  g_free (doc->title);
  g_free (doc->filename);
  g_bytes_unref (doc->bytes);
  g_free (doc);
}

static Document *
current (PalpPreviewWindow *self)
{
  if (self->selected >= self->documents->len)
    return NULL;
  return g_ptr_array_index (self->documents, self->selected);
}

static int
n_pages (PalpPreviewWindow *self)
{
  return (int) self->sizes->len / 2;
}

static void
update_actions (PalpPreviewWindow *self)
{
  gboolean ready = n_pages (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.save-as", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 ready && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 ready && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page",
                                 ready && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page",
                                 ready && self->page + 1 < n_pages (self));
}

static void
update_title (PalpPreviewWindow *self)
{
  Document *doc = current (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *zoom = NULL;

  if (doc == NULL)
    return;
  gtk_window_set_title (GTK_WINDOW (self), doc->title);
  adw_window_title_set_title (self->window_title, doc->title);
  if (n_pages (self) > 0)
    subtitle = g_strdup_printf (_("Page %d of %d"), self->page + 1, n_pages (self));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  zoom = g_strdup_printf ("%.0f%%", self->zoom * 100);
  gtk_label_set_text (self->zoom_label, zoom);
  update_actions (self);
}

/* Rendering, in a worker thread */

typedef struct
{
  GBytes  *bytes;
  double   zoom;        /* ignored when fit */
  gboolean fit;
  int      fit_width;   /* pixels available for a page, when fit */
  int      scale;       /* device pixels per logical pixel */
  guint    generation;
} RenderJob;

typedef struct
{
  GArray    *sizes;     /* double pairs, points */
  GPtrArray *pixels;    /* GBytes per page */
  GArray    *dims;      /* int triples: width, height, stride */
  double     zoom;
  guint      generation;
} RenderResult;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
render_result_free (RenderResult *result)
{
  g_clear_pointer (&result->sizes, g_array_unref);
  g_clear_pointer (&result->pixels, g_ptr_array_unref);
  g_clear_pointer (&result->dims, g_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RenderResult, render_result_free)

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(GObject) owner = NULL;
  PopplerDocument *document;
  g_autoptr(RenderResult) result = g_new0 (RenderResult, 1);
  g_autoptr(GError) error = NULL;
  double widest = 0;
  int n_pages;

  if (!(document = palp_pdf_open (job->bytes, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* poppler-glib 22 declares no autoptr for its types. */
  owner = G_OBJECT (document);
  n_pages = palp_pdf_get_n_pages (document);
  result->sizes = g_array_new (FALSE, FALSE, sizeof (double));
  result->pixels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  result->dims = g_array_new (FALSE, FALSE, sizeof (int));
  result->generation = job->generation;
  for (int i = 0; i < n_pages; i++)
    {
      double w = 0, h = 0;

      palp_pdf_get_page_size (document, i, &w, &h);
      g_array_append_val (result->sizes, w);
      g_array_append_val (result->sizes, h);
      widest = MAX (widest, w);
    }

  result->zoom = job->zoom;
  if (job->fit && widest > 0)
    result->zoom = CLAMP (job->fit_width / widest, ZOOM_MIN, 1.5);

  for (int i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface;
      int dims[3];

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      surface = palp_pdf_render_page (document, i, result->zoom * job->scale, &error);
      if (surface == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      cairo_surface_flush (surface);
      dims[0] = cairo_image_surface_get_width (surface);
      dims[1] = cairo_image_surface_get_height (surface);
      dims[2] = cairo_image_surface_get_stride (surface);
      g_array_append_vals (result->dims, dims, 3);
      g_ptr_array_add (result->pixels,
                       g_bytes_new (cairo_image_surface_get_data (surface),
                                    (gsize) dims[2] * dims[1]));
      cairo_surface_destroy (surface);
    }
  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) render_result_free);
}

static void
on_render_done_cb (GObject      *object,
                   GAsyncResult *res,
                   gpointer      user_data)
{
  PalpPreviewWindow *self = PALP_PREVIEW_WINDOW (object);
  g_autoptr(RenderResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fresh;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->stack == NULL)
        return;
      self->rendering = FALSE;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (result->generation != self->generation || self->stack == NULL)
    return;

  self->rendering = FALSE;
  self->zoom = result->zoom;
  /* A new document gets new pictures; a new zoom keeps them. */
  fresh = self->pictures->len != result->pixels->len;
  if (fresh)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))))
        gtk_box_remove (self->pages_box, child);
      g_ptr_array_set_size (self->pictures, 0);
      g_array_set_size (self->sizes, 0);
      g_array_append_vals (self->sizes, result->sizes->data, result->sizes->len);
    }

  for (guint i = 0; i < result->pixels->len; i++)
    {
      const int *dims = &g_array_index (result->dims, int, i * 3);
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *picture;
      double w = g_array_index (self->sizes, double, i * 2);
      double h = g_array_index (self->sizes, double, i * 2 + 1);

      /* cairo's ARGB32 is premultiplied BGRA in memory on little-endian
       * machines and ARGB on big-endian ones: GDK's default format. */
      texture = gdk_memory_texture_new (dims[0], dims[1], GDK_MEMORY_DEFAULT,
                                        g_ptr_array_index (result->pixels, i), dims[2]);
      if (fresh)
        {
          g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);

          picture = gtk_picture_new ();
          gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
          gtk_widget_add_css_class (picture, "card");
          gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_box_append (self->pages_box, picture);
          g_ptr_array_add (self->pictures, picture);
        }
      else
        picture = g_ptr_array_index (self->pictures, i);
      gtk_widget_set_size_request (picture, (int) (w * self->zoom + 0.5),
                                   (int) (h * self->zoom + 0.5));
      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
  if (fresh)
    self->page = 0;
  gtk_stack_set_visible_child_name (self->stack, "pages");
  update_title (self);
}

static void
render (PalpPreviewWindow *self)
{
  Document *doc = current (self);
  g_autoptr(GTask) task = NULL;
  RenderJob *job;
  int width, height;

  if (doc == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  width = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  job = g_new0 (RenderJob, 1);
  job->bytes = g_bytes_ref (doc->bytes);
  job->zoom = self->zoom;
  job->fit = self->fit;
  /* Leave room for the margins, the card's shadow and a scrollbar. */
  job->fit_width = MAX (width - 64, 100);
  self->fit_width = width;
  job->scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  job->generation = ++self->generation;

  /* Resize the pictures at once, so the layout follows the zoom before
   * the sharper pixels arrive. */
  if (!self->fit)
    for (guint i = 0; i < self->pictures->len; i++)
      gtk_widget_set_size_request (g_ptr_array_index (self->pictures, i),
                                   (int) (g_array_index (self->sizes, double, i * 2) * self->zoom),
                                   (int) (g_array_index (self->sizes, double, i * 2 + 1) *
                                          self->zoom));

  self->rendering = TRUE;
  task = g_task_new (self, self->cancellable, on_render_done_cb, NULL);
  g_task_set_source_tag (task, render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
show_document (PalpPreviewWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))))
    gtk_box_remove (self->pages_box, child);
  g_ptr_array_set_size (self->pictures, 0);
  g_array_set_size (self->sizes, 0);
  self->page = 0;
  self->fit = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_title (self);
  render (self);
}

/* Pages */

static double
page_top (PalpPreviewWindow *self,
          int                index)
{
  double x = 0, y = 0;

  if (index < 0 || (guint) index >= self->pictures->len)
    return 0;
  gtk_widget_translate_coordinates (g_ptr_array_index (self->pictures, index),
                                    GTK_WIDGET (self->pages_box), 0, 0, &x, &y);
  /* The box's own top margin, so a page starts a little below the edge. */
  return MAX (y, 0);
}

static void
on_vadjustment_value_changed_cb (GtkAdjustment     *adjustment,
                                 PalpPreviewWindow *self)
{
  double probe = gtk_adjustment_get_value (adjustment) +
                 gtk_adjustment_get_page_size (adjustment) / 3;
  int page = 0;

  for (guint i = 1; i < self->pictures->len; i++)
    if (page_top (self, (int) i) <= probe)
      page = (int) i;
  if (page != self->page)
    {
      self->page = page;
      update_title (self);
    }
}

static void
go_to_page (PalpPreviewWindow *self,
            int                index)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (index < 0 || (guint) index >= self->pictures->len)
    return;
  self->page = index;
  gtk_adjustment_set_value (adj, page_top (self, index));
  update_title (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpPreviewWindow *self = PALP_PREVIEW_WINDOW (widget);

  go_to_page (self, self->page + (g_str_equal (action_name, "preview.next-page") ? 1 : -1));
}

/* Zoom */

static gboolean
refit_cb (gpointer user_data)
{
  PalpPreviewWindow *self = user_data;

  self->refit_id = 0;
  if (self->fit && n_pages (self) > 0)
    render (self);
  return G_SOURCE_REMOVE;
}

/* Fitted pages follow the window's width, once the resizing settles. */
static void
on_hadjustment_page_size_cb (GtkAdjustment     *adjustment,
                             GParamSpec        *pspec,
                             PalpPreviewWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));

  if (!self->fit || n_pages (self) == 0 || ABS (width - self->fit_width) < 24)
    return;
  g_clear_handle_id (&self->refit_id, g_source_remove);
  self->refit_id = g_timeout_add (150, refit_cb, self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PalpPreviewWindow *self = PALP_PREVIEW_WINDOW (widget);

  if (n_pages (self) == 0)
    return;
  if (g_str_equal (action_name, "preview.zoom-fit"))
    self->fit = TRUE;
  else
    {
      self->fit = FALSE;
      if (g_str_equal (action_name, "preview.zoom-in"))
        self->zoom = MIN (self->zoom * ZOOM_STEP, ZOOM_MAX);
      else
        self->zoom = MAX (self->zoom / ZOOM_STEP, ZOOM_MIN);
    }
  update_title (self);
  render (self);
}

/* Print: the same pages, drawn by poppler for the printer */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PopplerDocument   *document)
{
  g_autoptr(GObject) owner = G_OBJECT (palp_pdf_get_page (document, page_nr));
  PopplerPage *page = (PopplerPage *) owner;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw, ph, cw, ch, scale;

  if (page == NULL)
    return;
  palp_pdf_page_get_size (page, &pw, &ph);
  cw = gtk_print_context_get_width (context);
  ch = gtk_print_context_get_height (context);
  /* Same size on the same paper; shrink (never stretch) onto smaller. */
  scale = MIN (1.0, MIN (cw / pw, ch / ph));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  palp_pdf_page_render_for_printing (page, cr);
  cairo_restore (cr);
}

static GtkPrintOperation *
print_operation_new (PalpPreviewWindow  *self,
                     GError            **error)
{
  Document *doc = current (self);
  PopplerDocument *document = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperation *operation;
  double w = 0, h = 0;

  if (doc == NULL || !(document = palp_pdf_open (doc->bytes, error)))
    return NULL;

  /* Default to the document's own paper (Letter or A4, as it was made). */
  palp_pdf_get_page_size (document, 0, &w, &h);
  if (w > 0 && h > 0)
    {
      paper = gtk_paper_size_new_custom ("palpate-document", doc->title, w, h, GTK_UNIT_POINTS);
      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
      if (w > h)
        gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, doc->title);
  gtk_print_operation_set_n_pages (operation, palp_pdf_get_n_pages (document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document);
  g_object_set_data_full (G_OBJECT (operation), "palp-document", document, g_object_unref);
  return operation;
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PalpPreviewWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (self->toast_overlay != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (error ? error->message
                                                          : _("The document was not printed.")));
    }
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PalpPreviewWindow *self = PALP_PREVIEW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation = print_operation_new (self, &error);

  if (operation == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  /* The operation is released in on_print_done_cb. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

gboolean
palp_preview_window_export_print (PalpPreviewWindow  *self,
                                  const char         *path,
                                  GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), FALSE);

  if (!(operation = print_operation_new (self, error)))
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Save As */

gboolean
palp_preview_window_save_to_file (PalpPreviewWindow  *self,
                                  GFile              *file,
                                  GError            **error)
{
  Document *doc;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((doc = current (self)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no document."));
      return FALSE;
    }
  data = g_bytes_get_data (doc->bytes, &size);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                  error);
}

static void
on_save_response_cb (GtkNativeDialog   *native,
                     int                response,
                     PalpPreviewWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      if (palp_preview_window_save_to_file (self, file, &error))
        {
          name = g_file_get_basename (file);
          message = g_strdup_printf (_("Saved as “%s”"), name);
        }
      else
        message = g_strdup_printf (_("Not saved: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PalpPreviewWindow *self = PALP_PREVIEW_WINDOW (widget);
  Document *doc = current (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (doc == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), doc->filename);
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Documents */

static void
on_document_dropdown_selected_cb (GObject           *dropdown,
                                  GParamSpec        *pspec,
                                  PalpPreviewWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->document_dropdown);

  if (index != GTK_INVALID_LIST_POSITION && index != self->selected)
    {
      self->selected = index;
      show_document (self);
    }
}

void
palp_preview_window_add_document (PalpPreviewWindow *self,
                                  const char        *title,
                                  const char        *suggested_filename,
                                  GBytes            *pdf)
{
  Document *doc;

  g_return_if_fail (PALP_IS_PREVIEW_WINDOW (self));
  g_return_if_fail (pdf != NULL);

  doc = g_new0 (Document, 1);
  doc->title = g_strdup (title ? title : _("Document"));
  doc->filename = g_strdup (suggested_filename ? suggested_filename : "document.pdf");
  doc->bytes = g_bytes_ref (pdf);
  g_ptr_array_add (self->documents, doc);
  gtk_string_list_append (self->titles, doc->title);
  gtk_widget_set_visible (GTK_WIDGET (self->document_dropdown), self->documents->len > 1);
  if (self->documents->len == 1)
    {
      self->selected = 0;
      show_document (self);
    }
}

guint
palp_preview_window_get_n_documents (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), 0);
  return self->documents->len;
}

void
palp_preview_window_select_document (PalpPreviewWindow *self,
                                     guint              index)
{
  g_return_if_fail (PALP_IS_PREVIEW_WINDOW (self));
  g_return_if_fail (index < self->documents->len);

  gtk_drop_down_set_selected (self->document_dropdown, index);
}

guint
palp_preview_window_get_selected (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), 0);
  return self->selected;
}

GBytes *
palp_preview_window_get_document_bytes (PalpPreviewWindow *self,
                                        guint              index)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return ((Document *) g_ptr_array_index (self->documents, index))->bytes;
}

GBytes *
palp_preview_window_get_bytes (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), NULL);
  return current (self) ? current (self)->bytes : NULL;
}

const char *
palp_preview_window_get_title (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), NULL);
  return current (self) ? current (self)->title : NULL;
}

int
palp_preview_window_get_n_pages (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), 0);
  return n_pages (self);
}

int
palp_preview_window_get_page (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), 0);
  return self->page;
}

gboolean
palp_preview_window_is_rendering (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), FALSE);
  return self->rendering;
}

double
palp_preview_window_get_zoom (PalpPreviewWindow *self)
{
  g_return_val_if_fail (PALP_IS_PREVIEW_WINDOW (self), 1.0);
  return self->zoom;
}

static void
palp_preview_window_dispose (GObject *object)
{
  PalpPreviewWindow *self = (PalpPreviewWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refit_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PALP_TYPE_PREVIEW_WINDOW);
  self->stack = NULL;
  self->toast_overlay = NULL;
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_object (&self->titles);

  G_OBJECT_CLASS (palp_preview_window_parent_class)->dispose (object);
}

static void
palp_preview_window_finalize (GObject *object)
{
  PalpPreviewWindow *self = (PalpPreviewWindow *) object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_array_unref);

  G_OBJECT_CLASS (palp_preview_window_parent_class)->finalize (object);
}

static void
palp_preview_window_class_init (PalpPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palp_preview_window_dispose;
  object_class->finalize = palp_preview_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/palp-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, PalpPreviewWindow, pages_box);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "preview.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preview.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "preview.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palp_preview_window_init (PalpPreviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->pictures = g_ptr_array_new ();
  self->sizes = g_array_new (FALSE, FALSE, sizeof (double));
  self->zoom = 1.0;
  self->fit = TRUE;
  self->titles = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (self->titles));
  g_signal_connect_object (self->document_dropdown, "notify::selected",
                           G_CALLBACK (on_document_dropdown_selected_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (on_hadjustment_page_size_cb), self,
                           0);
  update_actions (self);
}

PalpPreviewWindow *
palp_preview_window_new (GtkWindow  *parent,
                         const char *title,
                         const char *suggested_filename,
                         GBytes     *pdf)
{
  PalpPreviewWindow *self = g_object_new (PALP_TYPE_PREVIEW_WINDOW, NULL);

  /* Not transient: the preview is a window of its own, kept beside the
   * one it came from, but it goes away with the application. */
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  if (pdf != NULL)
    palp_preview_window_add_document (self, title, suggested_filename, pdf);
  return self;
}

GBytes *
palp_preview_receipt_bytes (PalpStore    *store,
                            PalpReceipt  *receipt,
                            GError      **error)
{
  gint64 id = palp_receipt_get_int (receipt, "id");
  g_autoptr(PalpReceiptDocument) document = NULL;
  g_autoptr(GBytes) original = NULL;

  /* The stored bytes are the receipt; a reprint adds the VOID mark or the
   * payments since, and is those same bytes when nothing happened. */
  if (!(original = palp_store_load_receipt_pdf (store, id, error)) ||
      !(document = palp_store_load_receipt_document (store, id, error)))
    return NULL;
  return palp_doc_receipt_reprint (original, document, error);
}

PalpPreviewWindow *
palp_preview_window_new_for_receipts (GtkWindow   *parent,
                                      PalpStore   *store,
                                      GListModel  *receipts,
                                      GError     **error)
{
  PalpPreviewWindow *self;
  guint n = g_list_model_get_n_items (receipts);

  g_return_val_if_fail (PALP_IS_STORE (store), NULL);

  /* Owned, like every window, by GTK's list of toplevels. */
  self = palp_preview_window_new (parent, NULL, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PalpReceipt) receipt = g_list_model_get_item (receipts, i);
      g_autoptr(GBytes) bytes = palp_preview_receipt_bytes (store, receipt, error);
      const char *number = palp_receipt_get_string (receipt, "number");
      g_autofree char *title = NULL;
      g_autofree char *filename = NULL;

      if (bytes == NULL)
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      /* Translators: the title of a receipt's preview window. */
      title = g_strdup_printf (_("Receipt %s"), number);
      filename = g_strdup_printf ("%s.pdf", number);
      palp_preview_window_add_document (self, title, filename, bytes);
    }
  return self;
}
