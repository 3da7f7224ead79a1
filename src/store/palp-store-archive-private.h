/* palp-store-archive-private.h: what the archive's export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "palp-store-private.h"

G_BEGIN_DECLS

#define PALP_ARCHIVE_FORMAT "palpate-archive"

/* How a column takes values (SQLite's affinity; ANY: BLOB or untyped). */
typedef enum
{
  PALP_ARCHIVE_INTEGER,
  PALP_ARCHIVE_REAL,
  PALP_ARCHIVE_NUMERIC,
  PALP_ARCHIVE_TEXT,
  PALP_ARCHIVE_ANY,
} PalpArchiveAffinity;

typedef struct
{
  char                *name;
  PalpArchiveAffinity  affinity;
  /* Position in the primary key from 1, or 0. */
  int                  pk;
} PalpArchiveColumn;

typedef struct
{
  char   *parent;
  char  **from;
  /* "" where the parent's primary key is meant. */
  char  **to;
} PalpArchiveFk;

typedef struct
{
  char      *name;
  gboolean   without_rowid;
  /* One row the migrations create ("CHECK (id = 1)"): the clinic profile,
   * the clinical settings. An import replaces it. */
  gboolean   singleton;
  GPtrArray *columns;  /* PalpArchiveColumn, declared order */
  GPtrArray *fks;      /* PalpArchiveFk */
} PalpArchiveTable;

void              palp_archive_table_free   (PalpArchiveTable *table);
/* The exported tables, parents first. */
GPtrArray        *palp_archive_read_schema  (PalpStore        *self,
                                             GError          **error);
PalpArchiveTable *palp_archive_find_table   (GPtrArray        *tables,
                                             const char       *name);
gboolean          palp_archive_is_exported  (const char       *name);
/* Whether a value SQLite stores as @sqlite_type belongs in a column. */
gboolean          palp_archive_fits         (PalpArchiveAffinity affinity,
                                             int               sqlite_type);
/* "rowid", or the primary key's columns. */
char             *palp_archive_order_by     (PalpArchiveTable *table);
void              palp_archive_append_string (GString         *out,
                                              const char      *text,
                                              gsize            length);
gboolean          palp_archive_exec         (PalpStore        *self,
                                             const char       *sql,
                                             GError          **error);

G_END_DECLS
