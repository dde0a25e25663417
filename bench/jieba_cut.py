#!/usr/bin/python3
"""jieba_cut.py — segment a file with jieba (default mode, HMM on) into the
SIGHAN bakeoff format: one output line per input line, words separated by two
spaces. The reference system shijian is compared with; not part of shijian.

usage: /usr/bin/python3 bench/jieba_cut.py IN OUT    (- for stdin / stdout)

Needs Debian's python3-jieba (use /usr/bin/python3, not a pyenv python).
"""
import sys


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: jieba_cut.py IN OUT   (- for stdin/stdout)\n")
        return 2
    import logging
    import jieba
    jieba.setLogLevel(logging.WARNING)
    fin = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8", newline="")
    fout = sys.stdout if argv[2] == "-" else open(argv[2], "w", encoding="utf-8")
    with fin, fout:
        for line in fin:
            line = line.rstrip("\r\n")
            words = [w for w in (t.strip(" \t") for t in jieba.cut(line)) if w]
            fout.write("  ".join(words) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
