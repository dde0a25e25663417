// cppjieba_bench.cpp — time cppjieba (MixSegment: max-probability path + HMM,
// jieba's default mode) for bench/bench.sh.
//
// usage: cppjieba_bench DICT_DIR [--runs N] FILE
//          prints "first_ms X" (dictionary load + first cut of FILE's first
//                               line, inside the process)
//                 "cut_s Y"    (best of N, default 3, Cut() of each line of
//                               FILE, dictionary load excluded)
//        cppjieba_bench DICT_DIR --once FILE   (peak-RSS probe: cut once)
// bench.sh builds it against the cppjieba sources that the npm package
// nodejieba ships (submodules/cppjieba, header-only) with their dict/.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>
#include "cppjieba/Jieba.hpp"

static double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char **argv) {
  double t0 = now();
  if (argc < 3) { std::fprintf(stderr, "usage: cppjieba_bench DICT_DIR [--runs N | --once] FILE\n"); return 2; }
  std::string dir = argv[1];
  int runs = 3, i = 2;
  bool once = false;
  if (std::string(argv[i]) == "--runs" && argc > i + 2) { runs = std::atoi(argv[i + 1]); i += 2; }
  else if (std::string(argv[i]) == "--once") { once = true; i++; }
  if (i != argc - 1) { std::fprintf(stderr, "usage: cppjieba_bench DICT_DIR [--runs N | --once] FILE\n"); return 2; }
  std::ifstream in(argv[i]);
  if (!in) { std::fprintf(stderr, "cppjieba_bench: cannot read %s\n", argv[i]); return 1; }
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) if (!l.empty()) lines.push_back(l);
  cppjieba::Jieba jieba(dir + "/jieba.dict.utf8", dir + "/hmm_model.utf8", dir + "/user.dict.utf8",
                        dir + "/idf.utf8", dir + "/stop_words.utf8");
  std::vector<std::string> words;
  size_t n = 0;
  if (once) {
    for (const auto &l : lines) { jieba.Cut(l, words, true); n += words.size(); }
    std::printf("%zu words\n", n);
    return 0;
  }
  if (!lines.empty()) jieba.Cut(lines[0], words, true);
  std::printf("first_ms %.1f\n", (now() - t0) * 1000);
  double best = 1e30;
  for (int r = 0; r < runs; r++) {
    double t = now();
    for (const auto &l : lines) { jieba.Cut(l, words, true); n += words.size(); }
    t = now() - t;
    if (t < best) best = t;
  }
  std::printf("cut_s %.4f\n", best);
  return n == 0 && !lines.empty();
}
