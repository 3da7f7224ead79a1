#!/usr/bin/env bash
# The translation LANG covers every string in the current sources: extract a
# fresh template, merge the translation into it and fail on any untranslated
# or fuzzy message, or on a format error.
set -eu
root=$1 lang=$2 work=$3/po-check-$lang
mkdir -p "$work"
cd "$root"
bash build-aux/po-extract "$work/palpate.pot"
msgmerge --quiet --no-fuzzy-matching -o "$work/$lang.po" "po/$lang.po" "$work/palpate.pot"
stats=$(msgfmt -c --statistics -o /dev/null "$work/$lang.po" 2>&1)
echo "$stats" >&2
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/$lang.po is incomplete: run build-aux/po-update and translate" >&2; exit 1 ;;
esac
