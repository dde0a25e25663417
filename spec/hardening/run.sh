#!/bin/sh
# spec/hardening/run.sh — fuzzing, sanitizers, valgrind, threads, big inputs.
#
#   sh spec/hardening/run.sh [all]     everything below (what `make test` runs;
#                                      about 4-5 minutes on 2 cores)
#   sh spec/hardening/run.sh fuzz [SECONDS [RUNS]]
#                                      `make fuzz`: each target, one at a time,
#                                      for SECONDS (60) or RUNS executions,
#                                      resuming from the corpus kept in the
#                                      repository (fuzz/corpus/TARGET/); new
#                                      finds are merged back into it minimised
#                                      (libFuzzer -merge=1: only inputs that add
#                                      coverage); the log is $B/fuzz/logs/TARGET.log
#   sh spec/hardening/run.sh sanitize  C tests + busted + GC leak check, ASan+UBSan
#   sh spec/hardening/run.sh valgrind  the CLI under valgrind on the catalogue
#   sh spec/hardening/run.sh tsan      the 8-thread test under ThreadSanitizer,
#                                      the command with --jobs 4 under TSan
#   sh spec/hardening/run.sh big       100 MB line, a million lines, bounded memory
#
# `all` runs each fuzz target for a fixed number of runs from a fixed seed
# (FUZZ_RUNS, default 6000; reproducible) after replaying fuzz/regressions/.
# Every check prints a line; the last line is `hardening: N passed, M failed`
# and the exit status is non-zero on failures.
cd "$(dirname "$0")/../.." || exit 1
what=${1:-all}
B=${B:-build}
CLI=$B/shijian
FUZZ_RUNS=${FUZZ_RUNS:-6000}
LUA=${LUA:-lua5.4}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sj-hardening.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }
check() { # description, command... (pass when it exits 0)
  d=$1; shift
  if "$@" > "$tmp/out" 2>&1; then ok "$d"; else bad "$d"; tail -n 25 "$tmp/out"; fi
}
have() { command -v "$1" > /dev/null 2>&1; }
now() { date +%s; }

build() { # make targets...
  if ! make --no-print-directory -s B="$B" "$@" > "$tmp/build" 2>&1; then
    bad "build $*"
    tail -n 30 "$tmp/build"
    return 1
  fi
}

# ---- fuzzing ---------------------------------------------------------------------
# fuzz_one NAME MODE ARG [RUNS]: MODE runs (fixed runs, seed 1, fresh corpus,
# the kept corpus only read) or time (ARG seconds or RUNS executions, from the
# kept corpus, new finds merged back into it)
fuzz_one() {
  name=$1 mode=$2 arg=$3 runs=${4:-}
  bin=$B/fuzz/fuzz_$name
  [ -x "$bin" ] || { bad "fuzz_$name: not built (needs clang and libclang-rt-dev)"; return; }
  # the regressions first: each once, all must pass
  regs=$(ls fuzz/regressions/$name/* 2>/dev/null)
  if [ -n "$regs" ]; then
    # shellcheck disable=SC2086
    if "$bin" -runs=1 $regs > "$tmp/reg.log" 2>&1; then ok "fuzz_$name: $(echo "$regs" | wc -l) regression inputs"
    else bad "fuzz_$name: a regression input fails"; grep -E "runtime error|ERROR|fuzz_$name:|Running:" "$tmp/reg.log" | tail -n 8; fi
  fi
  log=$tmp/fuzz.log
  if [ "$mode" = runs ]; then
    corpus=$tmp/corpus-$name
    opts="-runs=$arg -seed=1 -max_total_time=120"
  else
    # new finds go to a scratch directory first; the kept corpus is read
    corpus=$B/fuzz/new/$name
    rm -rf "$corpus"
    if [ -n "$runs" ]; then opts="-runs=$runs"; else opts="-max_total_time=$arg"; fi
    mkdir -p "$B/fuzz/logs"
    log=$B/fuzz/logs/$name.log
  fi
  mkdir -p "$corpus" "$B/fuzz/artifacts" "fuzz/corpus/$name"
  # shellcheck disable=SC2086
  "$bin" $opts -dict=fuzz/shijian.dict -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$B/fuzz/artifacts/$name-" "$corpus" "fuzz/corpus/$name" \
    > "$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  if [ "$rc" -eq 0 ]; then
    ok "fuzz_$name: ${execs:-?} executions in ${secs:-?} s, no crash"
  elif [ "$rc" -eq 72 ]; then # libFuzzer's exit status when interrupted (SIGINT)
    ok "fuzz_$name: interrupted after ${execs:-?} executions, no crash"
  else
    bad "fuzz_$name: crash after ${execs:-?} executions (exit $rc)"
    grep -E "runtime error|ERROR: |fuzz_$name: |Test unit written" "$log" | head -n 6
    echo "  reproduce: $bin ARTIFACT; keep it: copy it to fuzz/regressions/$name/"
  fi
  if [ "$mode" = time ]; then # merge what is new back into the kept corpus, minimised
    before=$(ls "fuzz/corpus/$name" | wc -l)
    if "$bin" -merge=1 -max_len=4096 -timeout=20 -rss_limit_mb=2048 "fuzz/corpus/$name" "$corpus" \
        > "$B/fuzz/logs/$name-merge.log" 2>&1; then
      ok "fuzz_$name: corpus fuzz/corpus/$name: $before + $(( $(ls "fuzz/corpus/$name" | wc -l) - before )) new inputs"
      rm -rf "$corpus"
    else
      bad "fuzz_$name: merge into fuzz/corpus/$name failed (see $B/fuzz/logs/$name-merge.log)"
    fi
  fi
}

do_fuzz() { # mode arg [runs]
  for t in ${FUZZ_TARGETS:-analyze dict json}; do fuzz_one "$t" "$1" "$2" "${3:-}"; done
}

# ---- busted and the Lua module under ASan+UBSan ------------------------------
asan_lib() { # the ASan runtime of $CC, for LD_PRELOAD into an uninstrumented lua5.4
  p=$(${CC:-cc} -print-file-name=libasan.so 2>/dev/null)
  [ -f "$p" ] && echo "$p"
}

do_busted_asan() {
  mod=$B/asan-lua/build/lua5.4/shijian/core.so
  lib=$(asan_lib)
  if [ ! -f "$mod" ] || [ -z "$lib" ] || ! have "$LUA"; then bad "busted under ASan: no ASan module, runtime or $LUA"; return; fi
  root=$B/asan-lua
  here=$(pwd)
  # a mirror of the checkout whose build/ holds the ASan module (and CLI)
  for p in lua spec examples dict .busted; do ln -sfn "$(pwd)/$p" "$root/$p"; done
  ln -sf "$(pwd)/$B/asan/shijian" "$root/build/shijian"
  export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:allocator_may_return_null=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  tap=$(cd "$root" && LD_PRELOAD=$lib $LUA /usr/bin/busted -o TAP 2>&1)
  rc=$?
  p=$(printf '%s\n' "$tap" | grep -c '^ok ')
  f=$(printf '%s\n' "$tap" | grep -c '^not ok ')
  san=$(printf '%s\n' "$tap" | grep -cE 'ERROR: AddressSanitizer|runtime error:')
  if [ "$f" -eq 0 ] && [ "$san" -eq 0 ] && [ "$rc" -eq 0 ] && [ "$p" -gt 0 ]; then
    ok "busted on $LUA with an ASan+UBSan core.so: $p specs clean"
  else
    bad "busted on $LUA under ASan: $p ok, $f not ok, $san sanitizer reports (exit $rc)"
    printf '%s\n' "$tap" | grep -vE '^ok ' | grep -E 'not ok|Sanitizer|runtime error|#0|#1|#2|#3|SUMMARY' | head -n 30
  fi
  # leaks: a script that ends normally (lua_close frees all of Lua's memory),
  # so whatever LeakSanitizer finds is the module's
  out=$(cd "$root" && ASAN_OPTIONS=detect_leaks=1 LD_PRELOAD=$lib $LUA "$here/spec/hardening/gc_leak.lua" 2>&1)
  rc=$?
  if [ "$rc" -eq 0 ] && ! printf '%s\n' "$out" | grep -qE 'LeakSanitizer|AddressSanitizer|runtime error'; then
    ok "models and documents collected by __gc without leaks (LeakSanitizer): $(printf '%s\n' "$out" | tail -n 1)"
  else
    bad "leaks or errors when the GC collects models (exit $rc)"
    printf '%s\n' "$out" | head -n 30
  fi
  unset ASAN_OPTIONS UBSAN_OPTIONS
}

do_sanitize() {
  for t in $B/asan/test_*; do
    [ -x "$t" ] && check "$(basename "$t") (ASan+UBSan)" "$t"
  done
  do_busted_asan
}

# ---- the CLI on the bad-input catalogue, and under valgrind -----------------------
cli_check() { # file [prefix...]: run cut, tag --tokens, tag --lines, events; check
  f=$1; shift
  st=0
  "$@" "$CLI" cut "$f" > "$tmp/cut" 2> "$tmp/err" || st=1
  "$@" "$CLI" tag --tokens "$f" > "$tmp/tag" 2>> "$tmp/err" || st=1
  "$@" "$CLI" tag --lines "$f" > "$tmp/lines" 2>> "$tmp/err" || st=1
  "$@" "$CLI" events "$f" > "$tmp/ev" 2>> "$tmp/err" || st=1
  res=$($LUA spec/hardening/check_cli.lua "$f" "$tmp/cut" "$tmp/tag" "$tmp/lines" "$tmp/ev" 2>&1) || st=1
  if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then return 0; fi
  echo "$res" | head -n 5
  head -n 20 "$tmp/err"
  return 1
}

do_catalogue() { # [valgrind]
  if [ "${1:-}" = valgrind ]; then
    have valgrind || { bad "valgrind not installed"; return; }
    set -- valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
    label="under valgrind"
  else
    label="defined result"
  fi
  n=0 nbad=0
  for f in spec/hardening/bad/*.txt examples/pla-intl-cooperation-2020.txt; do
    n=$((n + 1))
    if ! cli_check "$f" "$@" > "$tmp/cc" 2>&1; then
      nbad=$((nbad + 1))
      echo "  $(basename "$f"):"
      sed 's/^/    /' "$tmp/cc"
    fi
  done
  if [ "$nbad" -eq 0 ]; then ok "CLI $label on $n inputs (cut, tag --tokens, tag --lines, events)"
  else bad "CLI $label: $nbad of $n inputs"; fi
  # options and stdin
  if [ "${1:-}" = valgrind ]; then
    check "CLI under valgrind: --dict, --ref, --split-measures, --csv, --chunk, stdin" sh -c '
      t=$1 cli=$2; shift 2
      s=examples/pla-intl-cooperation-2020.txt
      printf "魏凤和 10 nr\n" > "$t/u.dict"
      "$@" "$cli" cut --dict "$t/u.dict" --pos --split-measures < $s > /dev/null &&
      "$@" "$cli" events --csv --ref 2020-12-31 < $s > /dev/null &&
      "$@" "$cli" tag --chunk 100 $s > /dev/null &&
      printf "x 1 n\n坏 q\n" > "$t/bad.dict" && { "$@" "$cli" cut --dict "$t/bad.dict" < /dev/null 2> /dev/null; [ $? -eq 1 ]; }
    ' sh "$tmp" "$CLI" "$@"
  fi
}

# ---- pieces: streaming gives the same analysis --------------------------------
do_stream() {
  s=examples/pla-intl-cooperation-2020.txt
  check "tag streams by paragraph: same result as in one piece (sample)" sh -c '
    "$1" tag --tokens --chunk 2147483647 "$2" > "$3/one" && "$1" tag --tokens "$2" > "$3/para" && cmp -s "$3/one" "$3/para" ||
    { "$4" -e "
      local c = require \"cjson\"
      local function rd(p) local f = io.open(p, \"rb\") local s = f:read(\"a\") f:close() return c.decode(s) end
      local a, b = rd(\"$3/one\"), rd(\"$3/para\")
      for _, k in ipairs { \"sentences\", \"tokens\", \"mentions\", \"events\" } do
        assert(#a[k] == #b[k], k .. \": \" .. #a[k] .. \" vs \" .. #b[k])
        for i = 1, #a[k] do assert(c.encode(a[k][i]) == c.encode(b[k][i]), k .. \" \" .. i) end
      end"; }' sh "$CLI" "$s" "$tmp" "$LUA"
  check "tag with tiny pieces (--chunk 64): offsets still tile, JSON valid" sh -c '
    tr -d "\n" < "$2" > "$3/oneline" && "$1" tag --tokens --chunk 64 "$3/oneline" > "$3/t64" &&
    "$4" spec/hardening/check_cli.lua "$3/oneline" - "$3/t64" - -' sh "$CLI" "$s" "$tmp" "$LUA"
  check "cut with tiny pieces (--chunk 50): same words, same lines" sh -c '
    "$1" cut "$2" > "$3/c1" && "$1" cut --chunk 50 "$2" > "$3/c2" &&
    [ "$(tr -d " " < "$3/c1" | md5sum)" = "$(tr -d " " < "$3/c2" | md5sum)" ] && [ "$(wc -l < "$3/c1")" = "$(wc -l < "$3/c2")" ]' sh "$CLI" "$s" "$tmp"
  check "tag from a pipe equals tag from the file" sh -c '
    cat "$2" | "$1" tag > "$3/p1" && "$1" tag "$2" > "$3/p2" && cmp -s "$3/p1" "$3/p2"' sh "$CLI" "$s" "$tmp"
}

# ---- threads under ThreadSanitizer --------------------------------------------------
do_tsan() {
  t=$B/tsan/test_hardening
  [ -x "$t" ] || { bad "TSan test not built"; return; }
  # TSan needs a 47-bit address space with low ASLR entropy on some kernels
  if TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 "$t" threads > "$tmp/tsan" 2>&1 &&
    ! grep -q "ThreadSanitizer" "$tmp/tsan"; then
    ok "8 threads share one model, results equal to single-threaded, clean under TSan ($(tail -n 1 "$tmp/tsan"))"
  elif have setarch && setarch "$(uname -m)" -R env TSAN_OPTIONS=halt_on_error=1 "$t" threads > "$tmp/tsan" 2>&1 &&
    ! grep -q "ThreadSanitizer" "$tmp/tsan"; then
    ok "8 threads under TSan (ASLR off) ($(tail -n 1 "$tmp/tsan"))"
  else
    bad "threads under TSan"
    grep -A 12 "WARNING: ThreadSanitizer\|FATAL\|FAILED" "$tmp/tsan" | head -n 40
  fi
  # the command with --jobs 4 (threads sharing the model, batches handed
  # back in order), against the plain build, on ~200 KB of paragraphs
  t=$B/tsan/shijian
  [ -x "$t" ] || { bad "TSan build of the command not built"; return; }
  s=examples/pla-intl-cooperation-2020.txt
  { i=0; while [ $i -lt 400 ]; do printf '中国军队提供防疫物资援助。\n\n'; i=$((i + 1)); done
    i=0; while [ $i -lt 12 ]; do cat "$s"; printf '\n'; i=$((i + 1)); done; } > "$tmp/jobs.txt"
  # and the same lines as JSON Lines records for tag --jsonl
  awk '{ sub(/\r$/, "") } NF { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "{\"id\":%d,\"text\":\"%s\"}\n", NR, $0 }' \
    "$tmp/jobs.txt" > "$tmp/jobs.jsonl"
  nbad=0
  for c in cut "tag --tokens" "tag --lines" events "tag --jsonl"; do
    in=$tmp/jobs.txt
    case "$c" in *jsonl) in=$tmp/jobs.jsonl ;; esac
    # shellcheck disable=SC2086
    if ! TSAN_OPTIONS=halt_on_error=1 "$t" $c --jobs 4 "$in" > "$tmp/tj" 2> "$tmp/tj.err" &&
      ! setarch "$(uname -m)" -R env TSAN_OPTIONS=halt_on_error=1 "$t" $c --jobs 4 "$in" > "$tmp/tj" 2> "$tmp/tj.err"; then
      nbad=$((nbad + 1)); echo "  $c --jobs 4 under TSan:"; head -n 30 "$tmp/tj.err"; continue
    fi
    # shellcheck disable=SC2086
    "$CLI" $c "$in" > "$tmp/tj1"
    if grep -q ThreadSanitizer "$tmp/tj.err"; then
      nbad=$((nbad + 1)); echo "  $c --jobs 4: TSan report"; head -n 30 "$tmp/tj.err"
    elif ! cmp -s "$tmp/tj" "$tmp/tj1"; then
      nbad=$((nbad + 1)); echo "  $c --jobs 4 (TSan build) and $c (plain build) differ: $(cmp "$tmp/tj" "$tmp/tj1")"
    fi
  done
  if [ "$nbad" -eq 0 ]; then ok "the command with --jobs 4 under TSan: cut, tag, tag --lines, events, tag --jsonl clean, output as one thread's"
  else bad "the command with --jobs 4 under TSan ($nbad of 5)"; fi
}

# ---- big inputs through the CLI: results and bounded memory -------------------------
rss() { # peak RSS in KB of a command (GNU time), output to $tmp/rssout
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$tmp/rss" "$@" > "$tmp/rssout" 2> "$tmp/rsserr" || return 1
    tail -n 1 "$tmp/rss"
  else
    "$@" > "$tmp/rssout" 2> "$tmp/rsserr" || return 1
    echo 0
  fi
}

do_big() {
  # a million one-character lines
  awk 'BEGIN { for (i = 0; i < 1000000; i++) print "a" }' > "$tmp/million"
  if kb=$(rss "$CLI" cut "$tmp/million") && [ "$(wc -l < "$tmp/rssout")" -eq 1000000 ] &&
    [ "$(grep -cx a "$tmp/rssout")" -eq 1000000 ]; then
    ok "cut, a million one-character lines: a million lines out, peak RSS ${kb} KB"
  else bad "cut on a million one-character lines"; head -c 300 "$tmp/rsserr"; fi
  if kb=$(rss "$CLI" tag --lines "$tmp/million") && [ "$(wc -l < "$tmp/rssout")" -eq 1000000 ]; then
    ok "tag --lines, a million lines: a million JSON objects, peak RSS ${kb} KB"
  else bad "tag --lines on a million lines"; fi
  if kb=$(rss "$CLI" tag "$tmp/million") && $LUA spec/hardening/big.lua million "$tmp/rssout"; then
    ok "tag, a million lines: one JSON object, a million sentences, peak RSS ${kb} KB"
  else bad "tag on a million lines"; head -c 300 "$tmp/rsserr"; fi
  rm -f "$tmp/million" "$tmp/rssout"
  # a 100 MB single line (generated, never committed)
  $LUA spec/hardening/big.lua gen "$tmp/line100"
  size=$(wc -c < "$tmp/line100")
  limit=${RSS_LIMIT_KB:-262144}
  if kb=$(rss "$CLI" cut "$tmp/line100") && [ "$(wc -l < "$tmp/rssout")" -eq 1 ] &&
    [ "$(tr -d ' \n' < "$tmp/rssout" | wc -c)" -eq "$(tr -d ' \n' < "$tmp/line100" | wc -c)" ] && [ "$kb" -lt "$limit" ]; then
    ok "cut, a 100 MB single line: one line out, every byte kept, peak RSS ${kb} KB (< $limit)"
  else bad "cut on a 100 MB line (peak RSS ${kb:-?} KB, limit $limit)"; head -c 300 "$tmp/rsserr"; fi
  rm -f "$tmp/rssout"
  if kb=$(rss "$CLI" tag "$tmp/line100") && [ "$kb" -lt "$limit" ] && # output on disk: ~3x the input
    [ "$(head -c 12 "$tmp/rssout")" = '{"ref_year":' ] && tail -c 60 "$tmp/rssout" | grep -q '\],"ref":[^]]*,"script":"[a-z]*"}$'; then
    ok "tag, a 100 MB single line: one JSON object ($(wc -c < "$tmp/rssout") bytes), peak RSS ${kb} KB (< $limit)"
  else bad "tag on a 100 MB line (peak RSS ${kb:-?} KB)"; head -c 300 "$tmp/rsserr"; fi
  rm -f "$tmp/line100" "$tmp/rssout"
  # the same shape at 10 MB, decoded and checked whole
  $LUA spec/hardening/big.lua gen "$tmp/line10" 10
  if kb=$(rss "$CLI" tag "$tmp/line10") && $LUA spec/hardening/big.lua line "$tmp/rssout" 10000000; then
    ok "tag, a 10 MB single line: valid JSON, offsets in order and in range, peak RSS ${kb} KB"
  else bad "tag on a 10 MB line"; head -c 300 "$tmp/rsserr"; fi
  rm -f "$tmp/line10" "$tmp/rssout"

}

start=$(now)
case "$what" in
  fuzz)
    build fuzz-build && do_fuzz time "${2:-60}" "${3:-}" ;;
  sanitize)
    build hardening-base && do_sanitize ;;
  valgrind)
    build all && do_catalogue valgrind ;;
  tsan)
    build "$B/tsan/test_hardening" "$B/tsan/shijian" all && do_tsan ;;
  big)
    build all && do_big ;;
  all)
    if have clang; then build fuzz-build; else bad "clang not installed (Debian: clang libclang-rt-14-dev): no fuzzing"; fi
    build hardening-base
    do_fuzz runs "$FUZZ_RUNS"
    do_busted_asan
    do_catalogue
    do_catalogue valgrind
    do_stream
    do_tsan
    do_big ;;
  *) echo "usage: $0 [all|fuzz [SECONDS [RUNS]]|sanitize|valgrind|tsan|big]" >&2; exit 2 ;;
esac
echo "($(( $(now) - start )) s)"
echo "hardening: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
