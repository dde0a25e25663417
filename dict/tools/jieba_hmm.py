#!/usr/bin/python3
"""Export jieba's finalseg HMM (MIT) as plain text: dict/jieba/hmm.txt.

Lines: `start STATE logp`, `trans FROM TO logp`, `emit STATE CHAR logp`.
Run once when updating the jieba data: /usr/bin/python3 dict/tools/jieba_hmm.py > dict/jieba/hmm.txt
"""
import importlib
base = 'jieba.finalseg.'
start = importlib.import_module(base + 'prob_start').P
trans = importlib.import_module(base + 'prob_trans').P
emit = importlib.import_module(base + 'prob_emit').P
for s, p in sorted(start.items()):
    print('start', s, repr(p))
for a, d in sorted(trans.items()):
    for b, p in sorted(d.items()):
        print('trans', a, b, repr(p))
for s, d in sorted(emit.items()):
    for c, p in sorted(d.items()):
        print('emit', s, c, repr(p))
