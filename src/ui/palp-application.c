/* palp-application.c: to be written */
typedef int palp_placeholder_palp_application;
