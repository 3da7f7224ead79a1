/* palp-cli-private.h: what palpate-cli's command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "palp-cli.h"
#include "palp-date.h"
#include "palp-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *database;
  char     *as_user;
  gboolean  json;
  /* The command and its own arguments. */
  char    **args;
  int       n_args;
} CliContext;

typedef int (*CliCommandFunc) (CliContext *ctx);

/* "palpate-cli: MESSAGE" and a pointer to --help, on stderr. */
void         usage_error    (const char         *format,
                             ...) G_GNUC_PRINTF (1, 2);
/* Prints @error's message on stderr; returns PALP_CLI_ERROR. */
int          runtime_error  (const GError       *error);
/* Search text: at most 200 characters, no control characters; otherwise
 * a usage error naming @command. */
gboolean     search_text_ok (const char         *command,
                             const char         *text);
/* A whole number from 0 to @max, or a usage error naming @option. */
gboolean     parse_count    (const char         *option,
                             const char         *text,
                             guint64             max,
                             guint64            *out);
/* Appends the visit ids of "ID[,ID...]" to @visits (of guint64), or a
 * usage error for one that is not a visit number. */
gboolean     parse_visit_ids (const char        *text,
                              GArray            *visits);
/* Opens the existing database; NULL with *@out_exit set on failure. */
PalpStore   *open_store     (CliContext         *ctx,
                             PalpStoreOpenFlags  flags,
                             int                *out_exit);
/* Commands that write call this: --as must name a user of the clinic. */
gboolean     require_actor  (CliContext         *ctx,
                             PalpStore          *store,
                             int                *out_exit);
void         print_json     (JsonBuilder        *builder);
/* A member holding @value, or null for NULL or empty. */
void         add_string     (JsonBuilder        *builder,
                             const char         *key,
                             const char         *value);
/* A plain text table: columns padded to their widest cell. */
void         print_table    (const char * const *headers,
                             GPtrArray          *rows);
PalpCountry  store_country  (PalpStore          *store);
/* The clinic country's short form of an ISO date ("" for NULL). */
char        *short_date     (const char         *iso,
                             PalpCountry         country);

/* palp-cli-archive.c */
int          cmd_export         (CliContext *ctx);
int          cmd_import         (CliContext *ctx);

/* palp-cli-billing.c */
int          cmd_receipts_list  (CliContext *ctx);
int          cmd_receipts_issue (CliContext *ctx);
int          cmd_receipts_void  (CliContext *ctx);
int          cmd_document       (CliContext *ctx);
/* Reads the stored PDF of every cosmetic receipt and adds an
 * "esthetic-document: ..." problem for anything clinical on it. */
gboolean     check_cosmetic_documents (PalpStore  *store,
                                       GPtrArray  *problems,
                                       GError    **error);

/* palp-cli-chart.c */
int          cmd_atlas_list     (CliContext *ctx);
/* document chart VISIT --view VIEW -o FILE.pdf|FILE.png */
int          document_chart     (CliContext *ctx,
                                 const char *visit,
                                 const char *view,
                                 const char *output);

/* palp-cli-claims.c */
int          cmd_claims_list    (CliContext *ctx);
int          cmd_claims_build   (CliContext *ctx);
int          cmd_claims_status  (CliContext *ctx);

/* palp-cli-claim-form.c */
/* Millimetres from -25 to 25, or a usage error naming @option. */
gboolean     parse_offset_mm    (const char   *option,
                                 const char   *text,
                                 double       *out);
/* document claim CLAIM [--preprinted [--offset-x MM] [--offset-y MM]] -o FILE.pdf;
 * NULL offsets: this computer's (GSettings), or none. */
int          document_claim     (CliContext   *ctx,
                                 const char   *id,
                                 const char   *output,
                                 gboolean      preprinted,
                                 const double *offset_x_mm,
                                 const double *offset_y_mm);

/* palp-cli-clinical.c */
/* soap, plan, progress or record. */
gboolean     is_clinical_document (const char *kind);
/* document soap VISIT | plan CLIENT | progress CLIENT | record CLIENT -o FILE.pdf */
int          document_clinical  (CliContext *ctx,
                                 const char *kind,
                                 const char *id,
                                 const char *output);

/* document lomn CLIENT -o FILE.pdf [--issue] */
int          document_lomn      (CliContext *ctx,
                                 const char *id,
                                 const char *output,
                                 gboolean    issue);

/* document appeal CLAIM -o FILE.pdf [--issue] */
int          document_appeal    (CliContext *ctx,
                                 const char *number,
                                 const char *output,
                                 gboolean    issue);

/* palp-cli-codes.c */
int          cmd_codes_import   (CliContext *ctx);
int          cmd_codes_search   (CliContext *ctx);

/* palp-cli-insurance.c */
int          cmd_units          (CliContext *ctx);
int          cmd_payers_list    (CliContext *ctx);

G_END_DECLS
