/* palp-soap-note.c: a visit's SOAP note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "palp-soap-note.h"

struct _PalpSoapNote
{
  PalpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PalpSoapNote, palp_soap_note, PALP_TYPE_RECORD)

static const char *int_names[] = {
  "visit-id",
  "pain",
  "has-pain",
  "draping",
  "gloves",
  "check-ins",
  "author-id",
  "signed",
};

static const char *string_names[] = {
  "subjective",
  "objective",
  "assessment",
  "plan-text",
  "techniques",
  "adverse-effects",
  "created-at",
  "updated-at",
  "signed-at",
};

static void
palp_soap_note_class_init (PalpSoapNoteClass *klass)
{
  palp_record_class_install (PALP_RECORD_CLASS (klass),
                             int_names, G_N_ELEMENTS (int_names),
                             string_names, G_N_ELEMENTS (string_names));
}

static void
palp_soap_note_init (PalpSoapNote *self)
{
}

PalpSoapNote *
palp_soap_note_new (void)
{
  return g_object_new (PALP_TYPE_SOAP_NOTE, NULL);
}
