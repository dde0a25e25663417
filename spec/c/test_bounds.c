/* test_bounds.c — every prefix and every suffix of each paragraph of the
 * sample, analysed from a heap buffer of exactly its length (no terminator,
 * no slack), with several options and reference dates.  Built with
 * ASan+UBSan: any look-ahead past the end of the text (a decode, a literal
 * compare, a byte test) is a heap-buffer-overflow here, whatever the rule.
 *
 * The sample is ../shared/corpus/pla-intl-cooperation-2020.txt, else the
 * copy in examples/, else spec/fixtures/news.txt.  Cuts are at every
 * character boundary under every option set, and inside characters (every
 * byte) under the default options. */
#include "shijian.h"
#include "check.h"
#include "../../fuzz/doc_check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static check_state st;

static const char *const SAMPLES[] = {
  "../shared/corpus/pla-intl-cooperation-2020.txt",
  "examples/pla-intl-cooperation-2020.txt",
  "spec/fixtures/news.txt",
};

typedef struct {
  unsigned want, seg;
  int y, m, d;
} optset;

static const optset OPTS[] = {
  {0, 0, 0, 0, 0},                                      /* everything, reference inferred */
  {0, 3, 2020, 12, 31},                                 /* full reference date, seg flags */
  {SJ_WANT_MENTIONS | SJ_WANT_EVENTS, 1, 1999, 1, 0},   /* year and month only */
  {SJ_WANT_TOKENS | SJ_WANT_SENTENCES, 2, 2021, 0, 0},  /* no tagging */
};

static long analyses;

/* Analyse src[0..n) from an exact-size copy; check the invariants. */
static void one(const sj_model *m, const char *src, size_t n, const optset *os, const char *what, size_t para,
                size_t cut) {
  char *t = malloc(n); /* n > 0: cuts are never empty */
  if (!t) return;
  memcpy(t, src, n);
  sj_options o = {0};
  o.want = os->want;
  o.seg = os->seg;
  o.ref_year = os->y;
  o.ref_month = os->m;
  o.ref_day = os->d;
  sj_doc *d = NULL;
  int rc = sj_analyze(m, t, n, &o, &d);
  analyses++;
  if (rc != SJ_OK) {
    CHECK(&st, 0, "paragraph %zu, %s %zu: %s", para, what, cut, sj_strerror(rc));
  } else {
    const char *bad = doc_check(d, n, o.want);
    if (!bad) bad = doc_check_text(d, t, n);
    if (bad) CHECK(&st, 0, "paragraph %zu, %s %zu (want %u): %s", para, what, cut, o.want, bad);
    else st.passed++;
  }
  sj_doc_free(d);
  free(t);
}

static int boundary(const char *s, size_t i) { return ((unsigned char)s[i] & 0xC0) != 0x80; }

static void paragraph(const sj_model *m, const char *p, size_t n, size_t para) {
  for (size_t k = 0; k < sizeof OPTS / sizeof *OPTS; k++)
    for (size_t c = 0; c <= n; c++) {
      if (c < n && !boundary(p, c)) continue;
      if (c > 0) one(m, p, c, &OPTS[k], "prefix", para, c);
      if (c < n) one(m, p + c, n - c, &OPTS[k], "suffix", para, c);
    }
  /* cuts inside a character: a truncated sequence at the end or start */
  for (size_t c = 1; c < n; c++) {
    if (boundary(p, c)) continue;
    one(m, p, c, &OPTS[0], "byte prefix", para, c);
    one(m, p + c, n - c, &OPTS[0], "byte suffix", para, c);
  }
}

int main(void) {
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) { puts("test_bounds: 0 passed, 1 failed"); return 1; }
  size_t len = 0;
  char *s = NULL;
  const char *used = NULL;
  for (size_t i = 0; i < sizeof SAMPLES / sizeof *SAMPLES && !s; i++)
    if ((s = check_read_file(SAMPLES[i], &len))) used = SAMPLES[i];
  CHECK(&st, s != NULL && len > 0, "no sample text found");
  size_t paras = 0;
  if (s) {
    /* paragraphs: runs of non-empty lines */
    size_t i = 0;
    while (i < len) {
      while (i < len && s[i] == '\n') i++;
      size_t a = i;
      while (i < len && !(s[i] == '\n' && (i + 1 == len || s[i + 1] == '\n'))) i++;
      if (i > a) paragraph(m, s + a, i - a, paras++);
    }
    /* and the whole text, once, exact-size */
    one(m, s, len, &OPTS[0], "whole", 0, len);
  }
  printf("test_bounds: %s, %zu paragraphs, %ld analyses\n", used ? used : "-", paras, analyses);
  free(s);
  sj_model_free(m);
  return check_summary("test_bounds", &st);
}
