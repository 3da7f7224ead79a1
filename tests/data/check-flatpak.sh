#!/usr/bin/env bash
# The Flatpak manifest parses, and flatpak-builder has nothing to warn about.
set -u
out=$(flatpak-builder --show-manifest "$1" 2>&1 >/dev/null)
rc=$?
if [ $rc -ne 0 ]; then echo "flatpak-builder failed ($rc): $out" >&2; exit 1; fi
if printf '%s' "$out" | grep -qiE 'warn|error'; then echo "flatpak-builder: $out" >&2; exit 1; fi
exit 0
