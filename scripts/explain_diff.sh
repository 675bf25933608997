#!/bin/bash
# newsgraph: the facts two builds read differently, document by document.
#
#   scripts/explain_diff.sh OLD_BIN NEW_BIN [DOCS_DIR ...]
#
# Runs `explain` with both binaries on every .txt/.md file of the folders
# (default: seeds, the development corpus and the studied tests/probe*/docs,
# those whose README's title does not say "held-out", or says "studied"
# too) and prints
# the fact lines that differ, each after the first 100 characters of its
# sentence ("<" only in OLD, ">" only in NEW). No output means both builds
# read the same facts. Held-out corpora are left out: only their totals
# may be read.
set -euo pipefail
old=$1 new=$2
shift 2
if [ $# -eq 0 ]; then
  set -- seeds ../shared/corpus/dev
  for readme in tests/probe*/README.md; do
    title=$(head -1 "$readme")
    case $title in
      *studied*) set -- "$@" "$(dirname "$readme")/docs" ;;
      *held-out*) ;;
      *) set -- "$@" "$(dirname "$readme")/docs" ;;
    esac
  done
fi
facts() {
  "$1" explain "$2" 2>&1 | awk '/^\[/{s=$0} /^    fact/{print substr(s,1,100) " ## " $0}'
}
for dir in "$@"; do
  for f in "$dir"/*.txt "$dir"/*.md; do
    [ -f "$f" ] || continue
    a=$(facts "$old" "$f")
    b=$(facts "$new" "$f")
    if [ "$a" != "$b" ]; then
      echo "=== $f"
      diff <(echo "$a") <(echo "$b") | grep '^[<>]' || true
    fi
  done
done
