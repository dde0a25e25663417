#!/bin/sh
# spec/pandoc/regen.sh — rewrite the expected outputs of the Pandoc filter
# tests from the current tagger:
#   expected/sample.native  pandoc -s -t native   (AST + shijian-events metadata)
#   expected/sample.html    pandoc -t html5       (fragment)
#   expected/sample.json    SHIJIAN_JSON export
# Run it after a deliberate change of the tagger or the filter, look at
# `git diff spec/pandoc/expected`, and commit the result.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
PANDOC=${PANDOC:-pandoc}
for v in $(env | sed -n 's/^\(SHIJIAN_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
F="$root/filters/shijian.lua"
E="$here/expected"
mkdir -p "$E"
cd "$here"
"$PANDOC" -L "$F" sample.md -s -t native -o "$E/sample.native"
"$PANDOC" -L "$F" sample.md -t html5 -o "$E/sample.html"
SHIJIAN_JSON="$E/sample.json" "$PANDOC" -L "$F" sample.md -t native -o /dev/null
echo "regen: wrote $E/sample.native, sample.html, sample.json"
