#!/bin/sh
# bench_memory.sh — peak RSS of `shijian tag` and `shijian cut` on 1, 10 and
# 100 MB of news text (the sample, repeated), and per input byte.  The CLI
# reads by paragraph (tag) or line (cut), so peak RSS should stay flat as
# the input grows: the table shows it.  `make bench-memory` runs it.
#   SIZES="1 10 100"  sizes in MB (10^6 bytes); add 1000 for a 1 GB run
#   SHIJIAN=build/shijian
cd "$(dirname "$0")/../.." || exit 1
SJ=${SHIJIAN:-build/shijian}
SIZES=${SIZES:-1 10 100}
[ -x /usr/bin/time ] || { echo "bench-memory: needs GNU time (Debian: apt-get install time)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sj-mem.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
sample=examples/pla-intl-cooperation-2020.txt
printf '%-8s %-5s %12s %10s %16s\n' input cmd "peak RSS KB" "seconds" "RSS bytes/byte"
for mb in $SIZES; do
  bytes=$((mb * 1000000))
  : > "$tmp/in"
  while [ "$(wc -c < "$tmp/in")" -lt "$bytes" ]; do cat "$sample" "$sample" "$sample" "$sample" >> "$tmp/in"; done
  head -c "$bytes" "$tmp/in" > "$tmp/x" && mv "$tmp/x" "$tmp/in"
  for cmd in tag cut; do
    /usr/bin/time -f "%M %e" -o "$tmp/t" "$SJ" "$cmd" "$tmp/in" > /dev/null 2> "$tmp/err" || { echo "$cmd failed"; cat "$tmp/err"; }
    read -r kb secs < "$tmp/t"
    awk -v mb="$mb" -v c="$cmd" -v kb="$kb" -v s="$secs" -v b="$bytes" \
      'BEGIN { printf "%-8s %-5s %12d %10.2f %16.3f\n", mb " MB", c, kb, s, kb * 1024 / b }'
  done
done
echo "(baseline: the process with the embedded lexicon mapped; tag spools its JSON to a temporary file)"
