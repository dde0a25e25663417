/* check.h — a tiny assertion kit for the C tests: CHECK(cond, ...) counts
 * and reports; check_summary() prints `NAME: N passed, M failed`. */
#ifndef SJ_CHECK_H
#define SJ_CHECK_H
#include <stdio.h>

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

static inline int check_summary(const char *name, const check_state *st) {
  printf("%s: %d passed, %d failed\n", name, st->passed, st->failed);
  return st->failed ? 1 : 0;
}
#endif
