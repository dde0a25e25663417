#!/usr/bin/python3
"""tag_dask.py — tag a directory of JSON Lines news records on a Dask cluster.

usage: /usr/bin/python3 examples/dask/tag_dask.py [options] INPUT_DIR OUTPUT_DIR

INPUT_DIR holds *.jsonl files, one record {"id", "date", "text"} per line.
The files are cut into partitions of about --blocksize bytes (at line ends);
each partition goes to a Dask worker, which pipes it through
`shijian tag --jsonl` and keeps the command's lines as they are (one JSON
object per record, with the record's id).  OUTPUT_DIR gets one file per
partition, part-00000.jsonl, part-00001.jsonl, ... in input order, so their
concatenation is what one `shijian tag --jsonl` over all the input files
(in name order) writes.

options:
  --scheduler ADDR   run on this Dask scheduler (tcp://host:8786); without
                     it a LocalCluster of --workers processes is started
  --workers N        workers of the LocalCluster (default 2), one thread each
  --shijian PATH     the shijian command on the workers (default: $SHIJIAN,
                     else `shijian` on the workers' PATH)
  --args "..."       more options for `shijian tag --jsonl` (e.g. "--no-vague")
  --blocksize SIZE   bytes per partition (default 8MB; "64kB" and the like)
  --quiet            no timing line on stderr

Why the command and not a Python binding: the CLI is shijian's stable
interface (its JSON is documented and tested); there is no binding to build
for each Python version, and a worker needs nothing but the binary, which
embeds its dictionaries.  A pipe costs one process start (~1 ms) per partition.

Needs Debian's python3-distributed (use /usr/bin/python3, not a pyenv python).
On a real cluster every worker needs the same shijian binary at --shijian (or
on PATH), and INPUT_DIR and OUTPUT_DIR on a file system all workers see
(docs/dask.md).
"""
import argparse
import os
import shlex
import subprocess
import sys
import time


def tag_partition(lines, shijian, extra):
    """Pipe one partition (lines of JSON records) through `shijian tag --jsonl`."""
    data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    if not data.strip():
        return []
    cmd = [shijian, "tag", "--jsonl"] + list(extra)
    try:
        proc = subprocess.run(cmd, input=data.encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              check=False)
    except OSError as e:  # not on this worker
        raise RuntimeError("cannot run %s on worker %s: %s"
                           % (shijian, os.uname().nodename, e)) from e
    if proc.returncode != 0:
        raise RuntimeError("%s exited with %d on worker %s: %s"
                           % (" ".join(cmd), proc.returncode, os.uname().nodename,
                              proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8").splitlines()


def parse(argv):
    p = argparse.ArgumentParser(
        description="tag JSON Lines records with shijian on a Dask cluster")
    p.add_argument("input_dir")
    p.add_argument("output_dir")
    p.add_argument("--scheduler")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--shijian", default=os.environ.get("SHIJIAN", "shijian"))
    p.add_argument("--args", default="")
    p.add_argument("--blocksize", default="8MB")
    p.add_argument("--quiet", action="store_true")
    return p.parse_args(argv)


def main(argv):
    a = parse(argv)
    files = sorted(os.path.join(a.input_dir, f) for f in os.listdir(a.input_dir)
                   if f.endswith(".jsonl"))
    if not files:
        sys.stderr.write("tag_dask.py: no *.jsonl file in %s\n" % a.input_dir)
        return 1
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    if a.scheduler:
        client, cluster = Client(a.scheduler), None
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        t0 = time.perf_counter()
        os.makedirs(a.output_dir, exist_ok=True)
        bag = db.read_text(files, blocksize=a.blocksize)
        tagged = bag.map_partitions(tag_partition, a.shijian, shlex.split(a.args))
        tagged.to_textfiles(os.path.join(a.output_dir, "part-*.jsonl"),
                            name_function=lambda i: "%05d" % i, last_endline=True)
        if not a.quiet:
            size = sum(os.path.getsize(f) for f in files)
            dt = time.perf_counter() - t0
            sys.stderr.write("tag_dask.py: %d bytes, %d partitions, %d workers, "
                             "%.2f s, %.1f MB/s\n"
                             % (size, tagged.npartitions,
                                len(client.scheduler_info()["workers"]), dt,
                                size / 1e6 / dt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
