/* check.h — a tiny assertion kit for the C tests: CHECK(cond, ...) counts
 * and reports; check_summary() prints `NAME: N passed, M failed`. */
#ifndef SJ_CHECK_H
#define SJ_CHECK_H
#include "shijian.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int passed, failed; } check_state;

#define CHECK(st, cond, ...)                                        \
  do {                                                              \
    if (cond) (st)->passed++;                                       \
    else {                                                          \
      (st)->failed++;                                               \
      fprintf(stderr, "%s:%d: FAILED: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                 \
      fputc('\n', stderr);                                          \
    }                                                               \
  } while (0)

/* The bytes of a file in a malloc'ed buffer and their number, or NULL. */
static inline char *check_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); buf = NULL; break; }
      buf = nb;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  fclose(f);
  *len = n;
  return buf;
}

/* A heap copy of s[0..n) of exactly n bytes: no terminator, no slack
 * (malloc(0) when empty), so ASan sees any read past the end.  free() it. */
static inline char *check_exact(const char *s, size_t n) {
  char *p = malloc(n);
  if (p && n) memcpy(p, s, n);
  return p;
}

/* sj_analyze on an exact-size copy of the text (the C tests analyse text
 * this way; the document keeps no pointer into the text). */
static inline int check_analyze(const sj_model *m, const char *text, size_t len, const sj_options *o,
                                sj_doc **out) {
  if (!text) return sj_analyze(m, text, len, o, out);
  char *t = check_exact(text, len);
  if (!t && len) return SJ_ENOMEM;
  int rc = sj_analyze(m, t, len, o, out);
  free(t);
  return rc;
}

static inline int check_summary(const char *name, const check_state *st) {
  printf("%s: %d passed, %d failed\n", name, st->passed, st->failed);
  return st->failed ? 1 : 0;
}
#endif
