/* palp-cli.h: palpate-cli's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes (DESIGN.md): every command returns one of these. */
typedef enum
{
  PALP_CLI_OK         = 0,
  PALP_CLI_ERROR      = 1,  /* runtime error, message on stderr */
  PALP_CLI_USAGE      = 2,  /* usage error */
  PALP_CLI_PROBLEMS   = 3,  /* check found problems */
  PALP_CLI_PREFLIGHT  = 4,  /* pre-flight problems */
} PalpCliExit;

int palp_cli_run (int    argc,
                  char **argv);

G_END_DECLS
