/* palp-window-private.h: what the main window's files share
 *
 * palp-window.c is the window: the client list, the client page, the
 * sections and their actions. palp-window-lock.c is who uses it: the
 * chooser and first-run set-up, signing in, the idle watch and locking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-billing-page.h"
#include "palp-claims-page.h"
#include "palp-client-page.h"
#include "palp-idle-watch.h"
#include "palp-today-page.h"
#include "palp-window.h"

G_BEGIN_DECLS

struct _PalpWindow
{
  AdwApplicationWindow  parent_instance;

  PalpStore            *store;
  PalpUser             *user;
  PalpClinic           *clinic;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  PalpBackupKeeper     *backups;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *message_page;
  AdwStatusPage        *chooser_page;
  GtkListBox           *users_box;
  AdwEntryRow          *setup_clinic_row;
  AdwComboRow          *setup_country_row;
  AdwEntryRow          *setup_name_row;
  AdwEntryRow          *setup_login_row;
  GtkLabel             *setup_message;
  GtkButton            *setup_button;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkSearchEntry       *search_entry;
  GtkStack             *list_stack;
  AdwStatusPage        *list_empty_page;
  GtkListView          *client_list;
  GtkWidget            *chooser_holder;
  GtkWidget            *setup_holder;
  GtkWidget            *content;
  AdwSqueezer          *content_squeezer;
  AdwWindowTitle       *content_title;
  AdwViewStack         *sections;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *today_holder;
  GtkWidget            *billing_holder;
  GtkWidget            *claims_holder;
  AdwViewStackPage     *claims_stack_page;
  GMenuModel           *primary_menu;
  /* Built when their section is first shown (see ensure_section()). */
  PalpTodayPage        *today_page;
  PalpBillingPage      *billing_page;
  PalpClaimsPage       *claims_page;
  /* Built the first time it is asked for. */
  GtkWindow            *shortcuts;
  AdwViewSwitcherTitle *today_title;
  AdwViewSwitcherTitle *billing_title;
  AdwViewSwitcherTitle *claims_title;
  GtkStack             *content_stack;
  /* Built when the first client is shown (see ensure_client_page()). */
  PalpClientPage       *client_page;
  GtkWidget            *edit_button;
  GtkWidget            *client_menu_button;
  /* Sign-in and locking (palp-window-lock.c). */
  PalpSignInPage       *sign_in_page;
  PalpIdleWatch        *idle_watch;
  guint                 idle_seconds;     /* tests: instead of the clinic's minutes */
  PalpUser             *locked_user;      /* who locked the window, while locked */
  gint64                locked_client_id; /* the client on screen when it locked */
  GPtrArray            *hidden_windows;   /* put away while locked */
  /* A clinic that cannot be opened (palp-window-restore.c). */
  char                 *failed_path;      /* the damaged file a backup may replace */
  GtkWidget            *restore_button;   /* on the message page */
};

/* palp-window.c */
void        window_show_stack_page (GtkStack   *stack,
                                    const char *name);
PalpClient *window_current_client  (PalpWindow *self);
void        window_show_client     (PalpWindow *self,
                                    PalpClient *client);
void        window_update_actions  (PalpWindow *self);
/* Claims: shown for US clinics to those who may build claims. */
void        window_update_claims_section (PalpWindow *self);
/* Builds the visible section if a lock unloaded it. */
void        window_refresh_section (PalpWindow *self);

/* palp-window-lock.c */
void        window_lock_init       (PalpWindow *self);
void        window_lock_dispose    (PalpWindow *self);
void        window_request_sign_in (PalpWindow *self,
                                    PalpUser   *user);
void        window_show_chooser    (PalpWindow *self);
void        window_lock_action     (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);
void        window_switch_user_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param);

G_END_DECLS
