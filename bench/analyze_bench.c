/* analyze_bench.c — full-analysis throughput of the library alone (no JSON,
 * no I/O): sj_analyze over FILE in pieces of at most CHUNK bytes cut at line
 * ends, as the CLI reads it; CPU time of one thread, best of RUNS.
 *
 *   build/analyze-bench FILE [RUNS [CHUNK]]
 */
#include "shijian.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 2) { fputs("usage: analyze-bench FILE [RUNS [CHUNK]]\n", stderr); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  if (fseek(f, 0, SEEK_END)) return 1;
  long n = ftell(f);
  if (n <= 0 || fseek(f, 0, SEEK_SET)) return 1;
  char *buf = malloc((size_t)n);
  if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) return 1;
  fclose(f);
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  size_t chunk = argc > 3 ? (size_t)atol(argv[3]) : (size_t)1 << 20;
  sj_model *m;
  if (sj_model_new(&m)) return 1;
  double best = 1e30;
  size_t mentions = 0, events = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = cpu_now();
    size_t p = 0;
    mentions = events = 0;
    while (p < (size_t)n) {
      size_t q = p + chunk < (size_t)n ? p + chunk : (size_t)n;
      if (q < (size_t)n) { /* back to a line end */
        size_t e = q;
        while (e > p && buf[e - 1] != '\n') e--;
        if (e > p) q = e;
      }
      sj_doc *d;
      if (sj_analyze(m, buf + p, q - p, NULL, &d)) return 1;
      mentions += sj_doc_nmentions(d);
      events += sj_doc_nevents(d);
      sj_doc_free(d);
      p = q;
    }
    double t = cpu_now() - t0;
    if (t < best) best = t;
  }
  printf("%.1f MB/s full analysis (%.1f ms for %ld bytes; %zu mentions, %zu events)\n",
         (double)n / best / 1e6, best * 1e3, n, mentions, events);
  sj_model_free(m);
  free(buf);
  return 0;
}
