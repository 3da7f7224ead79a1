/* palp-core-error.c: to be written */
typedef int palp_placeholder_palp_core_error;
