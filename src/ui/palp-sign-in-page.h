/* palp-sign-in-page.h: asking for a user's PIN or password
 *
 * One page, three uses: signing in as a user who has a PIN or password,
 * setting one when the clinic requires it and the user has none, and
 * unlocking a locked window as the user who locked it. The store checks
 * the secret, counts wrong tries and audits (palp-store-security.h); the
 * page shows what it says ("Try again in 2 minutes").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

typedef enum
{
  PALP_SIGN_IN_MODE_SIGN_IN,  /* type the PIN or password */
  PALP_SIGN_IN_MODE_SET,      /* choose one (the clinic requires it), then sign in */
  PALP_SIGN_IN_MODE_UNLOCK,   /* the window is locked: the user who locked it */
} PalpSignInMode;

#define PALP_TYPE_SIGN_IN_PAGE (palp_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (PalpSignInPage, palp_sign_in_page, PALP, SIGN_IN_PAGE, GtkWidget)

PalpSignInPage *palp_sign_in_page_new         (void);
/* Asks @user for their secret in @mode; clears what was typed. Emits
 * "signed-in" once the store has signed them in (they are then its
 * acting user), "switch-user" when the person wants the chooser. */
void            palp_sign_in_page_start       (PalpSignInPage *self,
                                               PalpStore      *store,
                                               PalpUser       *user,
                                               PalpSignInMode  mode);
PalpUser       *palp_sign_in_page_get_user    (PalpSignInPage *self);
PalpSignInMode  palp_sign_in_page_get_mode    (PalpSignInPage *self);
/* The message shown (a wrong PIN, a lock-out), or NULL. */
const char     *palp_sign_in_page_get_message (PalpSignInPage *self);
/* For tests and the keyboard: types @secret (and its repetition in SET
 * mode) and presses the button. */
void            palp_sign_in_page_submit      (PalpSignInPage *self,
                                               const char     *secret);
GtkWidget      *palp_sign_in_page_get_entry   (PalpSignInPage *self);

G_END_DECLS
