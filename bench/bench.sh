#!/bin/sh
# bench.sh — shijian's benchmark, shijian and jieba on the same text in one run.
#
# usage: bench/bench.sh               (from anywhere; `make bench` calls it)
#   SHIJIAN=BIN   the CLI to measure (default build/shijian)
#   SIZE=BYTES    minimum size of the test text (default 3145728 = 3 MiB)
#   RUNS=N        throughput runs, the best is kept (default 3)
#   NO_JIEBA=1    leave jieba out
#
# The text, build/bench/news3mb.txt: the sample article
# (../shared/corpus/pla-intl-cooperation-2020.txt, else examples/*.txt) with
# its paragraphs joined into one long line per copy, repeated to >= SIZE bytes.
# Measures (MB = 10^6 bytes, ms and s are wall clock):
#   seg MB/s   size / (best wall time of `shijian cut TEXT` - start-up);
#              jieba: best jieba.lcut(text) inside Python, loading excluded
#   start-up   process start to first result: `shijian cut` of one short line
#              (hyperfine median, else best of 10); jieba: python3 + import
#              jieba + first lcut, same method
#   peak RSS   /usr/bin/time -v "Maximum resident set size", segmenting TEXT
#   tag MB/s   as seg MB/s for `shijian tag TEXT` (full analysis)
#   --jobs 2 / --jobs 1  best wall time of `shijian cut` (`tag --lines`) with
#              one thread over that with two: the speed-up on this machine
#   traditional  the library's full analysis of TEXT converted by
#              `opencc -c s2twp` (Taiwan characters and vocabulary), and its
#              ratio to the simplified text's

set -u
case "${1:-}" in -h|--help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
SHIJIAN=${SHIJIAN:-build/shijian}
SIZE=${SIZE:-3145728}
RUNS=${RUNS:-3}
B=build/bench
mkdir -p "$B"
TEXT=$B/news3mb.txt ONE=$B/oneline.txt

# ---- the text -------------------------------------------------------------
SRC=../shared/corpus/pla-intl-cooperation-2020.txt
[ -f "$SRC" ] || SRC=/work/shared/corpus/pla-intl-cooperation-2020.txt
[ -f "$SRC" ] || SRC=examples/pla-intl-cooperation-2020.txt
if [ ! -f "$SRC" ]; then for f in examples/*.txt; do SRC=$f; break; done; fi
if [ ! -f "$SRC" ]; then
  echo "bench: no sample text (../shared/corpus or examples/*.txt)"; exit 1
fi
tr -d '\r' < "$SRC" | awk 'NF { printf "%s", $0 } END { print "" }' > "$B/copy.txt"
copies=$(( SIZE / $(wc -c < "$B/copy.txt") + 1 ))
awk -v n="$copies" '{ s = $0 } END { for (i = 0; i < n; i++) print s }' "$B/copy.txt" > "$TEXT"
BYTES=$(wc -c < "$TEXT")
echo "中俄两国空军在日本海、东海上空实施第二次联合空中战略巡航。" > "$ONE"

# ---- helpers ----------------------------------------------------------------
# best_ns N CMD... : best wall time in ns of N runs of CMD (stdout discarded)
best_ns() {
  n=$1 best=; shift
  while [ "$n" -gt 0 ]; do
    t0=$(date +%s%N)
    "$@" > /dev/null 2> "$B/err" || return 1
    t1=$(date +%s%N)
    d=$(( t1 - t0 ))
    if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
    n=$(( n - 1 ))
  done
  echo "$best"
}

# startup_ms RUNS CMD... : start-up to first result, ms
startup_ms() {
  runs=$1; shift
  if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$B/hf.json" "$*" \
      > /dev/null 2> "$B/err" || return 1
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$B/hf.json" | head -n 1 |
      awk '{ printf "%.2f", $1 * 1000 }'
  else
    ns=$(best_ns 10 "$@") || return 1
    awk -v ns="$ns" 'BEGIN { printf "%.2f", ns / 1e6 }'
  fi
}

# rss_mb CMD... : peak RSS in MB
rss_mb() {
  [ -x /usr/bin/time ] || { echo "n/a"; return 0; }
  /usr/bin/time -v "$@" > /dev/null 2> "$B/time.txt" || return 1
  awk -F: '/Maximum resident set size/ { printf "%.1f", $2 * 1024 / 1e6 }' "$B/time.txt"
}

# mbps NS_FILE NS_START : throughput in MB/s, start-up subtracted
mbps() { awk -v b="$BYTES" -v t="$1" -v s="$2" 'BEGIN {
  d = (t - s) / 1e9; if (d <= 0) d = t / 1e9; printf "%.1f", b / 1e6 / d }'; }

fail() { echo "failed: $(head -c 200 "$B/err")"; }

# ---- shijian ------------------------------------------------------------------
S_SEG=- S_UP=- S_RSS=- S_TAG=- S_TAGRSS=- S_JCUT=- S_JTAG=-
if [ -x "$SHIJIAN" ]; then
  if up_ns=$(best_ns 10 "$SHIJIAN" cut "$ONE") && ns=$(best_ns "$RUNS" "$SHIJIAN" cut "$TEXT")
  then S_SEG=$(mbps "$ns" "$up_ns"); else S_SEG=$(fail); fi
  S_UP=$(startup_ms 50 "$SHIJIAN" cut "$ONE") || S_UP=$(fail)
  S_RSS=$(rss_mb "$SHIJIAN" cut "$TEXT") || S_RSS=$(fail)
  if up_ns=$(best_ns 10 "$SHIJIAN" tag "$ONE") && ns=$(best_ns "$RUNS" "$SHIJIAN" tag "$TEXT")
  then S_TAG=$(mbps "$ns" "$up_ns"); else S_TAG=$(fail); fi
  S_TAGRSS=$(rss_mb "$SHIJIAN" tag "$TEXT") || S_TAGRSS=$(fail)
  # --jobs 2 against --jobs 1, in the same run (the text's lines are the pieces)
  for c in cut tag; do
    l=; [ "$c" = tag ] && l=--lines
    # shellcheck disable=SC2086
    if n1=$(best_ns "$RUNS" "$SHIJIAN" $c $l --jobs 1 "$TEXT") && n2=$(best_ns "$RUNS" "$SHIJIAN" $c $l --jobs 2 "$TEXT")
    then r=$(awk -v a="$n1" -v b="$n2" 'BEGIN { printf "%.2f", a / b }')
    else r=$(fail); fi
    if [ "$c" = cut ]; then S_JCUT=$r; else S_JTAG=$r; fi
  done
else
  echo "bench: $SHIJIAN not found (run make first); shijian column empty"
fi

# ---- jieba --------------------------------------------------------------------
J_SEG=- J_UP=- J_RSS=- J_FIRST=- JNAME="jieba (absent)"
if [ -z "${NO_JIEBA:-}" ] && /usr/bin/python3 -c 'import jieba' 2> /dev/null; then
  JNAME="jieba $(/usr/bin/python3 -c 'import jieba; print(jieba.__version__)' 2> /dev/null)"
  if /usr/bin/python3 bench/jieba_bench.py --runs "$RUNS" "$TEXT" > "$B/jieba.txt" 2> "$B/err"; then
    J_SEG=$(awk -v b="$BYTES" '/^cut_s/ { printf "%.2f", b / 1e6 / $2 }' "$B/jieba.txt")
    J_FIRST=$(awk '/^first_ms/ { print $2 }' "$B/jieba.txt")
  else J_SEG=$(fail); fi
  J_UP=$(startup_ms 5 /usr/bin/python3 bench/jieba_bench.py --first "$ONE") || J_UP=$(fail)
  J_RSS=$(rss_mb /usr/bin/python3 bench/jieba_bench.py --once "$TEXT") || J_RSS=$(fail)
fi

# ---- table --------------------------------------------------------------------
printf 'text: %s, %s bytes (%s copies of %s, one line per copy)\n' \
  "$TEXT" "$BYTES" "$copies" "$(basename "$SRC")"
printf '%-36s %12s %16s %10s\n' measure shijian "$JNAME" target
printf '%-36s %12s %16s %10s\n' "segmentation throughput (MB/s)" "$S_SEG" "$J_SEG" ">= 100"
printf '%-36s %12s %16s %10s\n' "start-up to first result (ms)" "$S_UP" "$J_UP" "<= 5"
printf '%-36s %12s %16s %10s\n' "peak RSS segmenting the text (MB)" "$S_RSS" "$J_RSS" "<= 30"
S_LIB=-
if [ -x "${ANALYZE_BENCH:-build/analyze-bench}" ]; then
  S_LIB=$("${ANALYZE_BENCH:-build/analyze-bench}" "$TEXT" "$RUNS" | awk '{ print $1 }') || S_LIB=$(fail)
fi
printf '%-36s %12s %16s %10s\n' "full analysis, library (MB/s)" "$S_LIB" "-" ">= 30"
# the same text in traditional characters (opencc -c s2twp: Taiwan forms and
# vocabulary), analysed through the simplified view (issue 14)
S_TRAD=- S_RATIO=-
if [ -x "${ANALYZE_BENCH:-build/analyze-bench}" ] && command -v opencc > /dev/null; then
  if opencc -c s2twp.json -i "$TEXT" -o "$B/news3mb-s2twp.txt" 2> "$B/err"; then
    S_TRAD=$("${ANALYZE_BENCH:-build/analyze-bench}" "$B/news3mb-s2twp.txt" "$RUNS" | awk '{ print $1 }') ||
      S_TRAD=$(fail)
    S_RATIO=$(awk -v t="$S_TRAD" -v s="$S_LIB" 'BEGIN { if (s + 0 > 0 && t + 0 > 0) printf "%.2f", t / s; else print "-" }')
  else S_TRAD=$(fail); fi
fi
printf '%-36s %12s %16s %10s\n' "full analysis, traditional (MB/s)" "$S_TRAD" "-" ""
printf '%-36s %12s %16s %10s\n' "traditional / simplified" "$S_RATIO" "-" ">= 0.80"
printf '%-36s %12s %16s %10s\n' "full analysis + JSON, tag (MB/s)" "$S_TAG" "-" ""
printf '%-36s %12s %16s %10s\n' "peak RSS, tag (MB)" "$S_TAGRSS" "-" ""
printf '%-36s %12s %16s %10s\n' "cut --jobs 2 / --jobs 1 (speed-up)" "$S_JCUT" "-" ">= 1.8"
printf '%-36s %12s %16s %10s\n' "tag --lines --jobs 2 / --jobs 1" "$S_JTAG" "-" ">= 1.8"
echo "MB = 10^6 bytes. Throughput: best of $RUNS; shijian's one-line start-up is"
echo "subtracted, jieba is timed inside Python (import and dictionary load excluded;"
echo "import + first cut inside Python took ${J_FIRST} ms). Start-up: hyperfine median"
echo "of process start to first result on one short line (best of 10 without hyperfine)."
echo "Library: bench/analyze_bench.c, sj_analyze over <= 1 MiB pieces, CPU time of one"
echo "thread, no output; tag: the command, writing the JSON document to /dev/null."
