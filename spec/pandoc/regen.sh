#!/bin/sh
# spec/pandoc/regen.sh — rewrite the expected outputs of the Pandoc filter
# tests.  First the analysis of sample.md is recorded from the real command
# (build/shijian): the arguments and text the filter gives it and its answer
# (expected/sample.args, sample.text, sample.analysis.json).  Then the
# outputs are made from that recording (recorded-cli.sh), as run.sh checks
# them:
#   expected/sample.native  pandoc -s -t native   (AST + shijian-events metadata)
#   expected/sample.html    pandoc -t html5       (fragment)
#   expected/sample.json    SHIJIAN_JSON export
# The tagger's own changes do not touch these files; run this after a
# deliberate change of the filter (or of sample.md), look at
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
rec=$(mktemp "${TMPDIR:-/tmp}/shijian-record.XXXXXX")
trap 'rm -f "$rec"' EXIT
cat >"$rec" <<SH
#!/bin/sh
printf '%s' "\$*" > "$E/sample.args"
tee "$E/sample.text" | "$root/build/shijian" "\$@" > "$E/sample.analysis.json"
cat "$E/sample.analysis.json"
SH
chmod +x "$rec"
SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI="$rec" "$PANDOC" -L "$F" sample.md -t native -o /dev/null
export SHIJIAN_FORCE_CLI=1 SHIJIAN_CLI="$here/recorded-cli.sh"
"$PANDOC" -L "$F" sample.md -s -t native -o "$E/sample.native"
"$PANDOC" -L "$F" sample.md -t html5 -o "$E/sample.html"
SHIJIAN_JSON="$E/sample.json" "$PANDOC" -L "$F" sample.md -t native -o /dev/null
echo "regen: recorded the analysis of sample.md; wrote $E/sample.native, sample.html, sample.json"
