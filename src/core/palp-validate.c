/* palp-validate.c: to be written */
typedef int palp_placeholder_palp_validate;
