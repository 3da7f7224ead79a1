/* palp-demo.c: to be written */
typedef int palp_placeholder_palp_demo;
