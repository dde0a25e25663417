// jieba_rs.js — time jieba-rs (npm @node-rs/jieba, HMM on) for bench/bench.sh.
//
// usage: node bench/jieba_rs.js MODULE_DIR [--runs N] FILE
//          prints "first_ms X" (require + dictionary load + first cut of FILE's
//                               first line, inside node)
//                 "cut_s Y"    (best of N, default 3, cut() of each line of FILE,
//                               module and dictionary load excluded)
//        node bench/jieba_rs.js MODULE_DIR --once FILE
//          peak-RSS probe: load, cut every line once, print the word count
// MODULE_DIR: the node_modules folder holding @node-rs/jieba (bench.sh
// installs it in build/bench/node with npm).
'use strict';
const fs = require('fs');
const path = require('path');

function main(argv) {
  const t0 = process.hrtime.bigint();
  const dir = argv[0] && path.resolve(argv[0]);
  let runs = 3, mode = 'bench', args = argv.slice(1);
  if (args[0] === '--runs') { runs = parseInt(args[1], 10); args = args.slice(2); }
  if (args[0] === '--once') { mode = 'once'; args = args.slice(1); }
  if (!dir || args.length !== 1) {
    process.stderr.write('usage: node jieba_rs.js MODULE_DIR [--runs N | --once] FILE\n');
    return 2;
  }
  const lines = fs.readFileSync(args[0], 'utf8').split('\n').filter((l) => l.length > 0);
  const { Jieba } = require(path.join(dir, '@node-rs/jieba'));
  const { dict } = require(path.join(dir, '@node-rs/jieba/dict'));
  const jieba = Jieba.withDict(dict);
  const cutAll = () => { let n = 0; for (const l of lines) n += jieba.cut(l, true).length; return n; };
  if (mode === 'once') { console.log(cutAll() + ' words'); return 0; }
  jieba.cut(lines[0] || '', true);
  console.log('first_ms ' + (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    cutAll();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log('cut_s ' + best.toFixed(4));
  return 0;
}
process.exitCode = main(process.argv.slice(2));
