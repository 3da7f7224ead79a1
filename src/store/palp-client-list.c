/* palp-client-list.c: to be written */
typedef int palp_placeholder_palp_client_list;
