#!/bin/sh
# eval_tag.sh — score the tagger against every gold annotation in ../shared/gold.
#
# usage: bench/eval_tag.sh [-v]       (from anywhere; `make eval` calls it)
#   -v           also list every miss (bench/score_tag.lua -v)
#   GOLD_DIR=DIR gold files (default ../shared/gold beside the project, else
#                /work/shared/gold); each *.gold.json names its text in
#                "document", relative to the gold directory's parent
#   SHIJIAN=BIN  the CLI to test (default build/shijian)
#   TAG_ARGS=... extra options for `shijian tag` (e.g. --ref 2020-12-31); by
#                default none, so the reference year is inferred from the text
#   LUA=lua5.4   the Lua that runs bench/score_tag.lua (needs lua-cjson)
#
# Runs `shijian tag DOCUMENT` for each gold file (output kept in
# build/eval/NAME.pred.json) and prints the pooled table of bench/score_tag.lua.
# Exits 0 with a message when no gold files are found; 1 on failures.

set -u
case "${1:-}" in -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
LUA=${LUA:-lua5.4}
SHIJIAN=${SHIJIAN:-build/shijian}
VERBOSE=
[ "${1:-}" = "-v" ] && VERBOSE=-v
if [ -z "${GOLD_DIR:-}" ]; then
  GOLD_DIR=../shared/gold
  [ -d "$GOLD_DIR" ] || GOLD_DIR=/work/shared/gold
fi
SHARED=$(dirname "$GOLD_DIR")
set -- "$GOLD_DIR"/*.gold.json
if [ ! -f "$1" ]; then
  echo "eval_tag: no gold annotations in $GOLD_DIR; tagger evaluation skipped"
  exit 0
fi
if [ ! -x "$SHIJIAN" ]; then
  echo "eval_tag: $SHIJIAN not found (run make first)"
  exit 1
fi
if ! "$LUA" -e 'require "cjson"' 2>/dev/null; then
  echo "eval_tag: lua-cjson missing for $LUA (apt-get install lua-cjson)"
  exit 1
fi
OUT=build/eval
mkdir -p "$OUT"

pairs=
for gold in "$@"; do
  doc=$(GOLD=$gold "$LUA" -e 'local f = assert(io.open(os.getenv("GOLD"), "rb"))
    print(require("cjson").decode(f:read("a")).document)') || exit 1
  text=$SHARED/$doc
  name=$(basename "$gold" .gold.json)
  pred=$OUT/$name.pred.json
  if [ ! -f "$text" ]; then echo "eval_tag: $text (document of $gold) not found"; exit 1; fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086  # TAG_ARGS is a list of options
  if ! "$SHIJIAN" tag ${TAG_ARGS:-} "$text" > "$pred"; then
    echo "eval_tag: $SHIJIAN tag $text failed"; exit 1
  fi
  t1=$(date +%s%N)
  echo "$name: $(wc -c < "$text") bytes tagged in $(( (t1 - t0) / 1000000 )) ms -> $pred"
  pairs="$pairs $gold $pred"
done
# shellcheck disable=SC2086  # $pairs is a list of file names without spaces
"$LUA" bench/score_tag.lua $VERBOSE $pairs
