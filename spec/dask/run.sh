#!/bin/sh
# spec/dask/run.sh — examples/dask/tag_dask.py on Dask gives what one
# `shijian tag --jsonl` run gives, record for record.
#
#   sh spec/dask/run.sh          (B=build-dir, default build)
#
# The input: a few hundred JSON Lines records {"id", "date", "text"} made from
# the lines of examples/pla-intl-cooperation-2020.txt (some with a date, some
# without), in three files.  They are tagged (1) by one `shijian tag --jsonl`
# over the files in name order, (2) by tag_dask.py on a LocalCluster of 2
# workers with small partitions, (3) by tag_dask.py on a scheduler and 2
# workers started here (`--scheduler ADDR`, as on a real cluster).  The
# outputs must hold the same records (sorted by id, compared as JSON) and,
# the parts concatenated, the same bytes.  Also: a missing binary is an error
# that names it.  Needs Debian's python3-distributed (/usr/bin/python3).
# The last line is `dask: N passed, M failed`.
cd "$(dirname "$0")/../.." || exit 1
B=${B:-build}
CLI=$(pwd)/$B/shijian
PY=/usr/bin/python3
EX=examples/dask/tag_dask.py
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }
finish() { echo "dask: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
[ -x "$CLI" ] || { bad "$CLI not built (make)"; finish; }
if ! $PY -c 'import dask.bag, distributed' 2> /dev/null; then
  bad "Dask for $PY (apt-get install python3-distributed)"; finish
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sj-dask.XXXXXX") || exit 1
pids=
# what this test started; whatever is left after 10 s is killed
cleanup() {
  for p in $pids; do kill "$p" 2> /dev/null; done
  i=0; while [ $i -lt 100 ]; do
    left=; for p in $pids; do kill -0 "$p" 2> /dev/null && left="$left $p"; done
    [ -z "$left" ] && break
    sleep 0.1; i=$((i + 1))
  done
  for p in $left; do kill -9 "$p" 2> /dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# ---- input: 3 files of records ------------------------------------------------
mkdir "$tmp/in"
$PY - examples/pla-intl-cooperation-2020.txt "$tmp/in" << 'EOF'
import json, sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
recs = []
for copy, date in enumerate(["2020-12-30", None, "2021-01-05", "2019-07-24"]):
    for i, text in enumerate(lines):
        r = {"id": "c%d-%04d" % (copy, i), "text": text}
        if date:
            r["date"] = date
        recs.append(r)
n = len(recs)
for k in range(3):
    with open("%s/news-%d.jsonl" % (sys.argv[2], k), "w", encoding="utf-8") as f:
        for r in recs[k * n // 3:(k + 1) * n // 3]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
EOF
nrec=$(cat "$tmp"/in/*.jsonl | wc -l)
if [ "$nrec" -ge 200 ]; then ok "input: $nrec records"; else bad "input: only $nrec records"; fi

# ---- one run of the command ---------------------------------------------------
cat "$tmp"/in/news-*.jsonl | "$CLI" tag --jsonl > "$tmp/single.jsonl" 2> "$tmp/err" ||
  bad "shijian tag --jsonl: $(head -c 300 "$tmp/err")"

# same RESULT_DIR NAME : the parts of RESULT_DIR hold the records of the single run
same() {
  cat "$1"/part-*.jsonl > "$tmp/joined.jsonl" 2> /dev/null
  if $PY - "$tmp/single.jsonl" "$tmp/joined.jsonl" > "$tmp/cmp" 2>&1 << 'EOF'
import json, sys
def load(p):
    recs = [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    return sorted(recs, key=lambda r: r["id"])
a, b = load(sys.argv[1]), load(sys.argv[2])
if len(a) != len(b):
    sys.exit("%d records against %d" % (len(b), len(a)))
for x, y in zip(a, b):
    if x != y:
        sys.exit("record %s differs" % x["id"])
EOF
  then ok "$2: same records as one run, by id ($nrec)"
  else bad "$2: $(head -c 300 "$tmp/cmp")"; fi
  if cmp -s "$tmp/single.jsonl" "$tmp/joined.jsonl"; then ok "$2: parts concatenated = one run, byte for byte"
  else bad "$2: parts concatenated differ from one run"; fi
  np=$(ls "$1"/part-*.jsonl | wc -l)
  if [ "$np" -ge 4 ]; then ok "$2: $np partitions"; else bad "$2: only $np partitions"; fi
}

# ---- LocalCluster, 2 workers ------------------------------------------------------
if $PY "$EX" --workers 2 --blocksize 8kB --shijian "$CLI" "$tmp/in" "$tmp/local" > "$tmp/out" 2>&1; then
  ok "LocalCluster with 2 workers ran ($(grep -o '[0-9.]* s,.*' "$tmp/out" | tail -n 1))"
  same "$tmp/local" "LocalCluster"
else bad "LocalCluster run: $(tail -c 400 "$tmp/out")"; fi

# ---- a scheduler and 2 workers, as on a cluster ------------------------------------
sched=$tmp/scheduler.json
dask-scheduler --host 127.0.0.1 --port 0 --no-dashboard --scheduler-file "$sched" > "$tmp/sched.log" 2>&1 &
pids="$pids $!"
i=0; while [ ! -s "$sched" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
addr=$($PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' "$sched" 2> /dev/null)
if [ -n "$addr" ]; then
  for w in 1 2; do
    dask-worker --no-nanny --nthreads 1 --no-dashboard --scheduler-file "$sched" > "$tmp/worker$w.log" 2>&1 &
    pids="$pids $!"
  done
  $PY - "$addr" << 'EOF' > /dev/null 2>&1
import sys
from distributed import Client
c = Client(sys.argv[1], timeout=60)
c.wait_for_workers(2, timeout=60)
c.close()
EOF
  if $PY "$EX" --scheduler "$addr" --blocksize 8kB --shijian "$CLI" "$tmp/in" "$tmp/cluster" > "$tmp/out" 2>&1; then
    ok "--scheduler $addr ran ($(grep -o '[0-9]* workers.*' "$tmp/out" | tail -n 1))"
    same "$tmp/cluster" "--scheduler"
  else bad "--scheduler run: $(tail -c 400 "$tmp/out")"; fi
else
  bad "dask-scheduler started: $(tail -c 300 "$tmp/sched.log")"
fi

# ---- a worker without the binary ----------------------------------------------------
if $PY "$EX" --workers 1 --shijian "$tmp/no-such-shijian" "$tmp/in" "$tmp/none" > "$tmp/out" 2>&1; then
  bad "a missing binary is an error"
elif grep -q "cannot run $tmp/no-such-shijian" "$tmp/out"; then ok "a missing binary is an error naming it"
else bad "a missing binary: message $(tail -c 300 "$tmp/out")"; fi

finish
