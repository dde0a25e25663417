#!/bin/sh
# spec/run.sh — run every test suite and total them.  Each suite prints a
# line `NAME: N passed, M failed`; the last line of this script is the
# total `N passed, M failed` (what CI reads).
cd "$(dirname "$0")/.." || exit 1
log=build/test-log
mkdir -p build
: > "$log.sum"
suite() { # name, command...
  name=$1; shift
  echo "== $name"
  out=$("$@" 2>&1); rc=$?
  printf '%s\n' "$out" | tail -n 40
  line=$(printf '%s\n' "$out" | grep -E '^[A-Za-z0-9_./-]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -z "$line" ]; then
    echo "$name: 0 passed, 1 failed (no summary line; exit $rc)"
    echo "0 1" >> "$log.sum"
  else
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/')
    f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/')
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    echo "$p $f" >> "$log.sum"
  fi
}
busted_suite() { # interpreter
  lua=$1
  tap=$($lua /usr/bin/busted -o TAP 2>&1); rc=$?
  printf '%s\n' "$tap" | grep -v '^ok ' | tail -n 60
  p=$(printf '%s\n' "$tap" | grep -c '^ok ')
  f=$(printf '%s\n' "$tap" | grep -c '^not ok ')
  [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  echo "busted-$lua: $p passed, $f failed"
}

for t in build/asan/test_*; do
  [ -x "$t" ] && suite "$(basename "$t") (ASan+UBSan)" "$t"
done
for lua in lua5.4 lua5.3 luajit; do
  command -v $lua >/dev/null 2>&1 && suite "busted on $lua" busted_suite $lua
done
for r in spec/*/run.sh; do
  [ -f "$r" ] && suite "$r" sh "$r"
done

awk '{p += $1; f += $2} END {print p " passed, " f " failed"}' "$log.sum" > build/test-summary
cat build/test-summary
grep -q ' 0 failed$' build/test-summary
