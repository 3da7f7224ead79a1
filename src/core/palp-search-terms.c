/* palp-search-terms.c: to be written */
typedef int palp_placeholder_palp_search_terms;
