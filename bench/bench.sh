#!/bin/sh
# bench.sh — shijian's benchmark, shijian and jieba on the same text in one run.
#
# usage: bench/bench.sh               (from anywhere; `make bench` calls it)
#   SHIJIAN=BIN   the CLI to measure (default build/shijian)
#   SIZE=BYTES    minimum size of the test text (default 3145728 = 3 MiB)
#   RUNS=N        throughput runs, the best is kept (default 3)
#   NO_JIEBA=1    leave jieba, jieba-rs and cppjieba out
#   PSIZE=BYTES   minimum size of the Markdown document for the Pandoc filter
#                 (default 950000)
#   NPM_TIMEOUT=S  seconds allowed for each npm command (default 120)
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
#   cut against jieba-rs (npm @node-rs/jieba, installed by npm into
#              build/bench/node), Python jieba (Debian python3-jieba) and
#              cppjieba (the sources npm's nodejieba ships, built with g++
#              into build/bench/cppjieba): their cut() inside their process,
#              best of RUNS, load excluded; the ratio shijian / it, peak RSS
#              of one cut of TEXT, and load + first result.  Without node,
#              npm, g++ or the registry a row says n/a and why.
#   Pandoc filter  CPU time and peak RSS of `pandoc -t html` on DOC
#              (build/bench/doc1mb.md, the sample's paragraphs repeated to
#              >= PSIZE bytes) without and with filters/shijian.lua, and the
#              filter's own CPU time inside that run (bench/pandoc_time.lua)

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
S_SEG=- S_UP=- S_RSS=- S_TAG=- S_TAGRSS=- S_JCUT=- S_JTAG=- S_J2RSS=-
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
  S_J2RSS=$(rss_mb "$SHIJIAN" tag --lines --jobs 2 "$TEXT") || S_J2RSS=$(fail)
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

# ---- jieba-rs (npm @node-rs/jieba) and cppjieba, each in its own folder -------
# Installed on first use into build/bench/node (npm install) and
# build/bench/cppjieba (the sources the npm package nodejieba ships, built
# with g++); when npm, node or g++ is missing or the registry cannot be
# reached, the row says n/a and why.
NPM_TIMEOUT=${NPM_TIMEOUT:-120}
# why LOG RC : the last line of a failed command's log, or its exit status
why() { w=$(grep -v '^ *$' "$1" 2> /dev/null | tail -n 1 | cut -c1-80)
  if [ -n "$w" ]; then echo "$w"; elif [ "$2" = 124 ]; then echo "no answer in ${NPM_TIMEOUT} s (registry unreachable?)"
  else echo "exit status $2"; fi; }
R_SEG=n/a R_RSS=n/a R_FIRST=n/a RNAME="jieba-rs" R_WHY=
if [ -n "${NO_JIEBA:-}" ]; then R_WHY="NO_JIEBA is set"
elif ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  R_WHY="node/npm not installed (apt-get install nodejs npm)"
else
  RM=$B/node/node_modules
  if [ ! -f "$RM/@node-rs/jieba/package.json" ]; then
    mkdir -p "$B/node"
    timeout "$NPM_TIMEOUT" npm install --prefix "$B/node" --no-audit --no-fund --loglevel=error \
      @node-rs/jieba@2 > "$B/npm.log" 2>&1 ||
      R_WHY="npm install @node-rs/jieba failed: $(why "$B/npm.log" $?)"
  fi
  if [ -z "$R_WHY" ]; then
    RNAME="jieba-rs $(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$RM/@node-rs/jieba/package.json" | head -n 1)"
    if node bench/jieba_rs.js "$RM" --runs "$RUNS" "$TEXT" > "$B/jieba-rs.txt" 2> "$B/err"; then
      R_SEG=$(awk -v b="$BYTES" '/^cut_s/ { printf "%.2f", b / 1e6 / $2 }' "$B/jieba-rs.txt")
      R_FIRST=$(awk '/^first_ms/ { print $2 }' "$B/jieba-rs.txt")
      R_RSS=$(rss_mb node bench/jieba_rs.js "$RM" --once "$TEXT") || R_RSS=$(fail)
    else R_WHY=$(fail); fi
  fi
fi
C_SEG=n/a C_RSS=n/a C_FIRST=n/a CNAME="cppjieba" C_WHY=
CJ=$B/cppjieba/package/submodules/cppjieba
if [ -n "${NO_JIEBA:-}" ]; then C_WHY="NO_JIEBA is set"
elif ! command -v npm > /dev/null || ! command -v g++ > /dev/null; then
  C_WHY="npm or g++ not installed"
else
  if [ ! -x "$B/cppjieba/cppjieba_bench" ]; then
    mkdir -p "$B/cppjieba"
    (cd "$B/cppjieba" && timeout "$NPM_TIMEOUT" npm pack --loglevel=error nodejieba@3.5.8 > ../cppjieba.log 2>&1 &&
      tar xzf nodejieba-3.5.8.tgz) 2>> "$B/cppjieba.log"
    rc=$?
    if [ "$rc" -eq 0 ]; then
      g++ -O2 -std=c++11 -w -I"$CJ/include" -I"$CJ/deps/limonp/include" bench/cppjieba_bench.cpp \
        -o "$B/cppjieba/cppjieba_bench" 2>> "$B/cppjieba.log" ||
        C_WHY="g++ could not build cppjieba: $(tail -n 1 "$B/cppjieba.log" | cut -c1-80)"
    else
      C_WHY="npm pack nodejieba (cppjieba's sources) failed: $(why "$B/cppjieba.log" "$rc")"
    fi
  fi
  if [ -z "$C_WHY" ]; then
    CNAME="cppjieba (nodejieba 3.5.8)"
    if "$B/cppjieba/cppjieba_bench" "$CJ/dict" --runs "$RUNS" "$TEXT" > "$B/cppjieba.txt" 2> "$B/err"; then
      C_SEG=$(awk -v b="$BYTES" '/^cut_s/ { printf "%.2f", b / 1e6 / $2 }' "$B/cppjieba.txt")
      C_FIRST=$(awk '/^first_ms/ { print $2 }' "$B/cppjieba.txt")
      C_RSS=$(rss_mb "$B/cppjieba/cppjieba_bench" "$CJ/dict" --once "$TEXT") || C_RSS=$(fail)
    else C_WHY=$(fail); fi
  fi
fi

# ---- the Pandoc filter against pandoc alone, on a ~1 MB Markdown document ----
# The sample's paragraphs, a heading before each copy, repeated to >= PSIZE
# bytes.  CPU time (user + sys) and peak RSS of `pandoc -t html` without and
# with the filter; the filter's own CPU time is reported from inside pandoc
# by bench/pandoc_time.lua (os.clock around the filter).
PSIZE=${PSIZE:-950000}
DOC=$B/doc1mb.md
P_PLAIN=n/a P_PRSS=n/a P_OWN=n/a P_WHOLE=n/a P_FRSS=n/a P_WHY=
if ! command -v pandoc > /dev/null; then P_WHY="pandoc not installed"
else
  per=$(awk 'NF { n += length($0) + 2 } END { print n + 20 }' "$SRC")
  pc=$(( PSIZE / per + 1 ))
  i=1
  while [ $i -le $pc ]; do
    printf '## 第%s篇\n\n' "$i"
    tr -d '\r' < "$SRC" | awk 'NF { print; print "" }'
    i=$((i + 1))
  done > "$DOC"
  DBYTES=$(wc -c < "$DOC")
  # cpu_rss CMD... : "user+sys seconds  peak RSS MB  filter_s" (best CPU of RUNS)
  cpu_rss() {
    best=
    n=$RUNS
    while [ "$n" -gt 0 ]; do
      /usr/bin/time -f 'cpu %U %S %M' "$@" > /dev/null 2> "$B/ptime.txt" || return 1
      line=$(awk '/^cpu / { c = $2 + $3; r = $4 * 1024 / 1e6 } /^filter_s / { f = $2 }
        END { if (f == "") f = "-"; printf "%.3f %.1f %s", c, r, f }' "$B/ptime.txt")
      c=${line%% *}
      if [ -z "$best" ] || awk -v a="$c" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
      n=$((n - 1))
    done
    echo "$best"
  }
  if [ ! -x /usr/bin/time ]; then P_WHY="GNU time not installed"
  elif a=$(cpu_rss pandoc "$DOC" -t html -o /dev/null) &&
       b=$(cpu_rss pandoc -L bench/pandoc_time.lua "$DOC" -t html -o /dev/null); then
    P_PLAIN=${a%% *}; P_PRSS=$(echo "$a" | awk '{ print $2 }')
    P_WHOLE=${b%% *}; P_FRSS=$(echo "$b" | awk '{ print $2 }'); P_OWN=$(echo "$b" | awk '{ print $3 }')
  else P_WHY=$(fail); fi
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
printf '%-36s %12s %16s %10s\n' "peak RSS, tag --lines --jobs 2 (MB)" "$S_J2RSS" "-" "<= 20"
echo "MB = 10^6 bytes. Throughput: best of $RUNS; shijian's one-line start-up is"
echo "subtracted, jieba is timed inside Python (import and dictionary load excluded;"
echo "import + first cut inside Python took ${J_FIRST} ms). Start-up: hyperfine median"
echo "of process start to first result on one short line (best of 10 without hyperfine)."
echo "Library: bench/analyze_bench.c, sj_analyze over <= 1 MiB pieces, CPU time of one"
echo "thread, no output; tag: the command, writing the JSON document to /dev/null."

# ---- cut against the other segmenters; the Pandoc filter ----------------------
# ratio: shijian's cut throughput over theirs, in this run
ratio() { awk -v s="$S_SEG" -v o="$1" 'BEGIN { if (s + 0 > 0 && o + 0 > 0) printf "%.1f", s / o; else print "-" }'; }
echo
printf '%-36s %10s %12s %12s %14s\n' "cut, same text" "MB/s" "shijian / it" "peak RSS MB" "load+first ms"
printf '%-36s %10s %12s %12s %14s\n' "shijian cut (whole process)" "$S_SEG" "1.0" "$S_RSS" "$S_UP"
printf '%-36s %10s %12s %12s %14s\n' "$RNAME (npm, in node)" "$R_SEG" "$(ratio "$R_SEG")" "$R_RSS" "$R_FIRST"
[ -n "$R_WHY" ] && echo "  jieba-rs n/a: $R_WHY"
printf '%-36s %10s %12s %12s %14s\n' "$JNAME (Python)" "$J_SEG" "$(ratio "$J_SEG")" "$J_RSS" "$J_FIRST"
printf '%-36s %10s %12s %12s %14s\n' "$CNAME (C++)" "$C_SEG" "$(ratio "$C_SEG")" "$C_RSS" "$C_FIRST"
[ -n "$C_WHY" ] && echo "  cppjieba n/a: $C_WHY"
printf '%-36s %10s %12s %12s %14s\n' "shijian tag (whole process)" "$S_TAG" "-" "$S_TAGRSS" "-"
echo "jieba-rs, jieba and cppjieba: cut() of the text (jieba-rs and cppjieba line by"
echo "line, jieba all at once) inside their process, best of $RUNS, HMM on, dictionary"
echo "load excluded (it is in load+first ms); shijian: whole process, start-up subtracted."
echo
if [ -n "$P_WHY" ]; then echo "Pandoc filter: n/a ($P_WHY)"
else
  printf 'Pandoc filter, %s (%s bytes), -t html, CPU s (best of %s):\n' "$DOC" "$DBYTES" "$RUNS"
  own=$(awk -v f="$P_OWN" -v p="$P_PLAIN" 'BEGIN { if (p + 0 > 0 && f + 0 > 0) printf "%.2f", f / p; else print "-" }')
  whole=$(awk -v f="$P_WHOLE" -v p="$P_PLAIN" 'BEGIN { if (p + 0 > 0) printf "%.2f", (f - p) / p; else print "-" }')
  rest=$(awk -v w="$P_WHOLE" -v f="$P_OWN" 'BEGIN { if (f + 0 > 0) printf "%.3f", w - f; else print "-" }')
  inrun=$(awk -v r="$rest" -v f="$P_OWN" 'BEGIN { if (r + 0 > 0 && f + 0 > 0) printf "%.2f", f / r; else print "-" }')
  printf '%-52s %8s %12s %10s\n' measure "CPU s" "peak RSS MB" target
  printf '%-52s %8s %12s %10s\n' "pandoc alone (read + write)" "$P_PLAIN" "$P_PRSS" ""
  printf '%-52s %8s %12s %10s\n' "pandoc with the filter (whole run)" "$P_WHOLE" "$P_FRSS" ""
  printf '%-52s %8s %12s %10s\n' "the filter's own work (inside that run)" "$P_OWN" "" ""
  printf '%-52s %8s %12s %10s\n' "filter's own / pandoc alone" "$own" "" "<= 1"
  printf '%-52s %8s %12s %10s\n' "(whole run - pandoc alone) / pandoc alone" "$whole" "" ""
  printf '%-52s %8s %12s %10s\n' "filter's own / pandoc's own part of that run" "$inrun" "" ""
  echo "pandoc's own part of the run with the filter (reading, and writing the"
  echo "marked-up document: spans, event table, metadata) is the whole run less"
  echo "the filter's own work."
fi
echo "load: $(uptime | sed 's/.*load average/load average/')"
