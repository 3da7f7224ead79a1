/* palp-audit-entry.c: to be written */
typedef int palp_placeholder_palp_audit_entry;
