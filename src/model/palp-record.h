/* palp-record.h: a row of the record as a GObject of plain properties
 *
 * Services, visits, their lines, receipts and payments are rows whose
 * fields are whole numbers (ids, cents, minutes) or optional strings. A
 * PalpRecord subclass names its fields once, in class_init, and gets
 * read-write GObject properties for them (gint64 from 0, and strings where
 * empty means unset), notify only on a real change, and lookup by name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Most fields one record type may declare, of each kind. */
#define PALP_RECORD_MAX_FIELDS 24

#define PALP_TYPE_RECORD (palp_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (PalpRecord, palp_record, PALP, RECORD, GObject)

struct _PalpRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char **int_names;
  guint        n_ints;
  const char **string_names;
  guint        n_strings;
};

/* Installs the properties of a record type; @int_names and @string_names
 * must outlive the class (static arrays). */
void         palp_record_class_install (PalpRecordClass *klass,
                                        const char     **int_names,
                                        guint            n_ints,
                                        const char     **string_names,
                                        guint            n_strings);

/* Fields by property name, without GValue boilerplate. An unknown name is
 * a programming error. */
gint64       palp_record_get_int       (PalpRecord  *self,
                                        const char  *property);
const char  *palp_record_get_string    (PalpRecord  *self,
                                        const char  *property);

G_END_DECLS
