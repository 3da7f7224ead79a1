/* main.c: the palpate GUI entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

int
main (int   argc,
      char *argv[])
{
  return 0;
}
