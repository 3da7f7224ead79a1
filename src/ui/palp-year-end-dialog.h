/* palp-year-end-dialog.h: export a year's receipts into a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "palp-store.h"

G_BEGIN_DECLS

#define PALP_TYPE_YEAR_END_DIALOG (palp_year_end_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PalpYearEndDialog, palp_year_end_dialog, PALP, YEAR_END_DIALOG, AdwWindow)

/* @client: the client whose receipts are offered first; NULL for all. */
PalpYearEndDialog *palp_year_end_dialog_new        (GtkWindow         *parent,
                                                    PalpStore         *store,
                                                    PalpClient        *client);
/* Starts the export into @folder, as the Export button does. */
void               palp_year_end_dialog_export_to  (PalpYearEndDialog *self,
                                                    GFile             *folder);
/* Stops a running export, as the Cancel button does. */
void               palp_year_end_dialog_cancel     (PalpYearEndDialog *self);
/* Whether an export is running. */
gboolean           palp_year_end_dialog_is_running (PalpYearEndDialog *self);

G_END_DECLS
