#!/usr/bin/python3
"""jieba_bench.py — time jieba (default mode, HMM on) for bench/bench.sh.

usage: /usr/bin/python3 bench/jieba_bench.py [--runs N] FILE
           prints  "first_ms X"  (import jieba + dictionary load + first cut of
                                  FILE's first line, inside Python)
                   "cut_s Y"     (best of N, default 3, jieba.lcut over the whole
                                  file, interpreter and dictionary load excluded)
       /usr/bin/python3 bench/jieba_bench.py --first FILE
           start-up probe: import jieba, cut FILE's first line, print the words
       /usr/bin/python3 bench/jieba_bench.py --once FILE
           peak-RSS probe: import jieba, cut the whole file once

Needs Debian's python3-jieba (use /usr/bin/python3, not a pyenv python).
"""
import sys
import time


def main(argv):
    t0 = time.perf_counter()
    runs, mode, args = 3, "bench", argv[1:]
    if args[:1] == ["--runs"] and len(args) >= 2:
        runs, args = int(args[1]), args[2:]
    if args[:1] in (["--first"], ["--once"]):
        mode, args = args[0][2:], args[1:]
    if len(args) != 1 or args[0] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 2
    with open(args[0], encoding="utf-8") as f:
        text = f.read()
    first_line = text.split("\n", 1)[0]
    import logging
    import jieba
    jieba.setLogLevel(logging.WARNING)
    if mode == "first":
        print("  ".join(jieba.lcut(first_line)))
        return 0
    if mode == "once":
        print(len(jieba.lcut(text)), "words")
        return 0
    jieba.lcut(first_line)
    print("first_ms %.1f" % ((time.perf_counter() - t0) * 1000))
    best = None
    for _ in range(runs):
        t = time.perf_counter()
        jieba.lcut(text)
        t = time.perf_counter() - t
        best = t if best is None or t < best else best
    print("cut_s %.4f" % best)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
