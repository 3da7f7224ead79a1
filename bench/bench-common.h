/* bench-common.h: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The made-up signature both sides of the receipt benchmarks print: a
 * 360×90 PNG of two curves. */
GBytes *bench_make_signature (void);

G_END_DECLS
