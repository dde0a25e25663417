#!/bin/sh
# eval_seg.sh — score word segmentation on the SIGHAN 2005 PKU test set.
#
# usage: bench/eval_seg.sh            (from anywhere; `make eval` calls it)
#   SIGHAN=DIR   data directory (default ../shared/data/sighan2005 beside the
#                project, else /work/shared/data/sighan2005)
#   SHIJIAN=BIN  the CLI to test (default build/shijian)
#   LUA=lua5.4   the Lua that runs bench/score_seg.lua
#
# Runs `shijian cut` (default, --split-measures, --no-hmm; default and
# --split-measures also on the test converted to traditional characters by
# `opencc -c s2t`, scored against the gold's words in those characters,
# bench/s2t_gold.lua) and, when Debian's
# python3-jieba is importable by /usr/bin/python3, jieba (HMM on) over
# pku_test.utf8, scores each with bench/score_seg.lua against pku_test_gold.utf8
# (OOV = gold words not in pku_training_words.utf8) and prints one row per
# system. Outputs are kept in build/eval/. Exits 0 with a message when the data
# is absent; exits 1 when build/shijian is missing or a run fails.

set -u
case "${1:-}" in -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
LUA=${LUA:-lua5.4}
SHIJIAN=${SHIJIAN:-build/shijian}
if [ -z "${SIGHAN:-}" ]; then
  SIGHAN=../shared/data/sighan2005
  [ -d "$SIGHAN" ] || SIGHAN=/work/shared/data/sighan2005
fi
TEST=$SIGHAN/pku_test.utf8 GOLD=$SIGHAN/pku_test_gold.utf8
WORDS=$SIGHAN/pku_training_words.utf8
if [ ! -f "$TEST" ] || [ ! -f "$GOLD" ] || [ ! -f "$WORDS" ]; then
  echo "eval_seg: SIGHAN 2005 PKU data not found in $SIGHAN; segmentation evaluation skipped"
  exit 0
fi
OUT=build/eval
mkdir -p "$OUT"
status=0

now() { date +%s%N; }

# row LABEL PREDFILE SECONDS — score one output and print its row
row() {
  r=$("$LUA" bench/score_seg.lua --row "$1" "$GOLD" "$2" "$WORDS") || { status=1; return; }
  printf '%s\t%s\n' "$r" "$3" | awk -F'\t' '{ printf "%-30s %6s %6s %6s %8s %7s %8s %8s %7s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9 }'
}

# run LABEL OUTFILE CMD... — run a segmenter (stdout to OUTFILE) and print its row
run() {
  label=$1 file=$2; shift 2
  t0=$(now)
  if "$@" > "$file" 2> "$file.err"; then
    t1=$(now)
    row "$label" "$file" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
  else
    echo "$label: failed (exit $?): $(head -c 300 "$file.err")"
    status=1
  fi
}

echo "SIGHAN 2005 PKU test: $(tr -d '\r' < "$TEST" | grep -c .) lines, scored by bench/score_seg.lua"
printf '%-30s %6s %6s %6s %8s %7s %8s %8s %7s\n' system P R F1 OOV-R IV-R gold pred secs
printf '%-30s %6s %6s %6s %8s %7s\n' "target (issue 2)" "" "" ">=0.85" ">=0.65" ""
if [ -x "$SHIJIAN" ]; then
  run "shijian cut"                  "$OUT/shijian.txt"       "$SHIJIAN" cut "$TEST"
  run "shijian cut --split-measures" "$OUT/shijian-split.txt" "$SHIJIAN" cut --split-measures "$TEST"
  run "shijian cut --no-hmm"         "$OUT/shijian-nohmm.txt" "$SHIJIAN" cut --no-hmm "$TEST"
else
  echo "shijian: $SHIJIAN not found (run make first)"
  status=1
fi
# the same test and gold in traditional characters (opencc -c s2t keeps every
# line's length; the gold's words are cut from the converted text)
if [ -x "$SHIJIAN" ] && command -v opencc >/dev/null 2>&1; then
  if opencc -c s2t.json -i "$TEST" -o "$OUT/pku_test.s2t.utf8" &&
     opencc -c s2t.json -i "$WORDS" -o "$OUT/pku_words.s2t.utf8" &&
     "$LUA" bench/s2t_gold.lua "$GOLD" "$OUT/pku_test.s2t.utf8" > "$OUT/pku_gold.s2t.utf8"; then
    GOLD=$OUT/pku_gold.s2t.utf8 WORDS=$OUT/pku_words.s2t.utf8
    run "shijian cut (s2t)"            "$OUT/shijian-s2t.txt"  "$SHIJIAN" cut "$OUT/pku_test.s2t.utf8"
    run "shijian --split-measures (s2t)" "$OUT/shijian-split-s2t.txt" "$SHIJIAN" cut --split-measures "$OUT/pku_test.s2t.utf8"
    GOLD=$SIGHAN/pku_test_gold.utf8 WORDS=$SIGHAN/pku_training_words.utf8
  else
    echo "s2t: converting the PKU test with opencc failed; rows skipped"; status=1
  fi
else
  echo "s2t: opencc not installed (apt-get install opencc); traditional rows skipped"
fi
if /usr/bin/python3 -c 'import jieba' 2>/dev/null; then
  run "jieba 0.42 (HMM)" "$OUT/jieba.txt" /usr/bin/python3 bench/jieba_cut.py "$TEST" -
else
  echo "jieba: not installed (apt-get install python3-jieba); row skipped"
fi
exit $status
