/* palp-health-forms.h: the clinical record's client-level forms
 *
 * Health history, screening, diagnosis and referral, each a
 * PalpFormWindow over @parent that saves through the store and emits
 * "saved". The caller shows the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-form-window.h"
#include "palp-store.h"

G_BEGIN_DECLS

/* A new version of the client's health history, filled in from @latest
 * (may be NULL). With @change_reported the form asks what changed, and
 * the new version is what makes the screening due again. */
PalpFormWindow *palp_health_history_form_new  (GtkWindow          *parent,
                                               PalpStore          *store,
                                               PalpClinic         *clinic,
                                               gint64              client_id,
                                               PalpHealthHistory  *latest,
                                               gboolean            change_reported);
/* An earlier (or the latest) version, read only. */
PalpFormWindow *palp_health_history_form_view (GtkWindow          *parent,
                                               PalpStore          *store,
                                               PalpClinic         *clinic,
                                               PalpHealthHistory  *history);

/* A new screening: every contraindication asked, yes or no, with the
 * clinic's severity for each (@settings; NULL for the defaults). */
PalpFormWindow *palp_screening_form_new       (GtkWindow                   *parent,
                                               PalpStore                   *store,
                                               PalpClinic                  *clinic,
                                               gint64                       client_id,
                                               const PalpScreeningSettings *settings);
/* Test hooks: answer a question and fill in its finding. */
gboolean        palp_screening_form_answer    (PalpFormWindow     *form,
                                               PalpContraKind      kind,
                                               gboolean            yes,
                                               const char         *note);
GtkWidget      *palp_screening_form_get_region_button (PalpFormWindow *form,
                                               PalpContraKind      kind);
GtkWidget      *palp_screening_form_get_clearance_row (PalpFormWindow *form,
                                               PalpContraKind      kind);

/* A new diagnosis, its code searched for in the code list or typed. */
PalpFormWindow *palp_diagnosis_form_new       (GtkWindow          *parent,
                                               PalpStore          *store,
                                               PalpClinic         *clinic,
                                               gint64              client_id);

/* A new referral or prescription. */
PalpFormWindow *palp_referral_form_new        (GtkWindow          *parent,
                                               PalpStore          *store,
                                               PalpClinic         *clinic,
                                               gint64              client_id);

/* The form's row for a field, for tests: "taken-on", "conditions", ... */
GtkWidget      *palp_health_form_get_row      (PalpFormWindow     *form,
                                               const char         *field);

G_END_DECLS
