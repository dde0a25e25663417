#!/bin/sh
# spec/jobs/run.sh — `--jobs N` gives the output of one thread, byte for byte.
#
#   sh spec/jobs/run.sh          (B=build-dir, default build; JOBS="2 0 3")
#
# Every case of spec/jobs/cases.txt runs on every input below with --jobs 1
# and with --jobs N for each N of JOBS; stdout, stderr and the exit status
# must be identical.  The inputs: the sample corpus (../shared/corpus/*.txt,
# else examples/*.txt), and edge inputs made here: empty, blank lines only,
# no final newline, CRLF line ends, invalid UTF-8, many paragraphs (many
# batches), one paragraph over the default piece size (forced cuts), and
# paragraphs with no year before ones with different years (the reference
# year carried from piece to piece), and JSON Lines records for tag --jsonl
# (with dates, bad records, blank lines).  Then bad --jobs values, and peak
# memory with threads on an input larger than it (44 MB from a pipe).
# The last line is `jobs: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
B=${B:-build}
CLI=$B/shijian
JOBS=${JOBS:-2 0 3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sj-jobs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }
[ -x "$CLI" ] || { echo "jobs: 0 passed, 1 failed ($CLI not built)"; exit 1; }

# ---- inputs -----------------------------------------------------------------
mkdir "$tmp/in"
n=0
for f in ../shared/corpus/*.txt; do
  [ -f "$f" ] || continue
  n=$((n + 1)); cp "$f" "$tmp/in/corpus-$(basename "$f")"
done
if [ "$n" -eq 0 ]; then for f in examples/*.txt; do cp "$f" "$tmp/in/example-$(basename "$f")"; done; fi
sample=$(ls "$tmp"/in/* | head -n 1)
: > "$tmp/in/empty"
printf '\n\n  \n\t\n' > "$tmp/in/blank-lines"
printf '%s' "$(cat "$sample")" > "$tmp/in/no-final-newline"
sed 's/$/\r/' "$sample" > "$tmp/in/crlf"
{ printf '\377\376中国\342\200 军队\n\n2020年\300\257\n\n'; cat "$sample"; printf '\n\344\270'; } > "$tmp/in/invalid-utf8"
i=0; while [ $i -lt 12 ]; do cat "$sample"; printf '\n'; i=$((i + 1)); done > "$tmp/in/many-paragraphs"
# one paragraph of ~1.2 MB (no blank line): cut into pieces at the default size
tr -d '\r' < "$sample" | awk 'NF { printf "%s", $0 } END { print "" }' > "$tmp/line"
i=0; while [ $i -lt 80 ]; do cat "$tmp/line"; i=$((i + 1)); done > "$tmp/in/huge-paragraph"
# 3000 paragraphs without a year, then the sample (2020), then 2015
{ i=0; while [ $i -lt 3000 ]; do printf '中国军队向莫桑比克提供防疫物资援助。\n\n'; i=$((i + 1)); done
  cat "$sample"; printf '\n'; sed 's/2020/2015/g' "$sample"; } > "$tmp/in/late-years"
# JSON Lines records (tag --jsonl): a line of the sample (8 times) each,
# some with a date, some bad, blank lines between
for i in 1 2 3 4 5 6 7 8; do cat "$sample"; printf '\n'; done | tr -d '\r' | awk '
  NF { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); n++
       d = n % 3 == 0 ? sprintf(",\"date\":\"2020-12-%02d\"", n % 28 + 1) : n % 17 == 5 ? ",\"date\":\"x\"" : ""
       printf "{\"id\":%d%s,\"text\":\"%s\"}\n", n, d, $0
       if (n % 23 == 0) print "   "
       if (n % 41 == 7) print "{\"id\":\"b\",\"text\":3}\n{not json" }' > "$tmp/in/records.jsonl"
printf '魏凤和 10 nr\n中国军队 5 nt\n' > "$tmp/u.dict"

# ---- the cases ----------------------------------------------------------------
run() { # out-prefix jobs case file
  # shellcheck disable=SC2086
  "$CLI" $3 --jobs "$2" "$4" > "$1.out" 2> "$1.err"
  echo $? > "$1.rc"
}
grep -v '^#' spec/jobs/cases.txt | grep -v '^ *$' | sed "s|@DICT@|$tmp/u.dict|g" > "$tmp/cases"
ncase=0
for f in "$tmp"/in/*; do
  while IFS= read -r c; do
    ncase=$((ncase + 1))
    run "$tmp/r1" 1 "$c" "$f"
    for j in $JOBS; do
      run "$tmp/rj" "$j" "$c" "$f"
      if cmp -s "$tmp/r1.out" "$tmp/rj.out" && cmp -s "$tmp/r1.err" "$tmp/rj.err" && cmp -s "$tmp/r1.rc" "$tmp/rj.rc"; then ok
      else bad "$(basename "$f"): shijian $c: --jobs $j differs from --jobs 1 (exit $(cat "$tmp/r1.rc") vs $(cat "$tmp/rj.rc"))"
        cmp "$tmp/r1.out" "$tmp/rj.out" | head -n 1; head -c 300 "$tmp/rj.err"
      fi
    done
    # tag --jsonl exits 1 when a record was bad (reported in its place)
    case "$c" in *--jsonl*) okrc='^[01]$' ;; *) okrc='^0$' ;; esac
    grep -q "$okrc" "$tmp/r1.rc" || bad "$(basename "$f"): shijian $c fails with --jobs 1 (exit $(cat "$tmp/r1.rc"))"
  done < "$tmp/cases"
done
echo "ok: $ncase command lines on $(ls "$tmp/in" | wc -l) inputs, --jobs 1 vs $JOBS"

# ---- bad values -----------------------------------------------------------------
for v in -1 x 2x 1025 ''; do
  if [ -z "$v" ]; then "$CLI" cut --jobs < /dev/null > /dev/null 2>&1; else "$CLI" cut --jobs "$v" < /dev/null > /dev/null 2>&1; fi
  if [ $? -eq 2 ]; then ok; else bad "--jobs '$v' is not refused with exit status 2"; fi
done

# ---- memory stays bounded: ~44 MB through a pipe, threads on, less RSS ------------
if [ -x /usr/bin/time ]; then
  limit=40960
  for c in "cut" "tag --lines"; do
    # shellcheck disable=SC2086
    awk 'BEGIN { for (i = 0; i < 1000000; i++) print "中国军队提供防疫物资援助" 1000000 + i }' |
      /usr/bin/time -f %M -o "$tmp/rss" "$CLI" $c --jobs 2 > "$tmp/big.out" 2> "$tmp/big.err"
    kb=$(tail -n 1 "$tmp/rss")
    lines=$(wc -l < "$tmp/big.out")
    if [ "$lines" -eq 1000000 ] && [ "$kb" -lt "$limit" ]; then ok; echo "ok: $c --jobs 2 on 1,000,000 lines (44 MB from a pipe): peak RSS $kb KB (< $limit)"
    else bad "$c --jobs 2 on 1,000,000 lines (44 MB): $lines lines out, peak RSS $kb KB (limit $limit)"; fi
    rm -f "$tmp/big.out"
  done
fi
echo "jobs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
