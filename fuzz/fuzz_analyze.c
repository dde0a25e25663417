/* fuzz_analyze.c — libFuzzer target: the full analysis (tokens, sentences,
 * mentions, events) of random text with random options.
 *
 * Input: 6 option bytes, then the text.
 *   [0] want bits (low 4; 0 = all)   [1] seg flags (low 2 bits)
 *   [2..3] reference year (0..10239: 10000+ must be refused with SJ_EINVAL)
 *   [4] month (0..15)  [5] day (0..33)  — out-of-range values must be refused
 * The analysis must succeed (or refuse bad options with SJ_EINVAL), keep the
 * invariants of doc_check.h, and give the same result twice. */
#include "shijian.h"
#include "doc_check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sj_model *model;

static void die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_analyze: %s: %s\n", what, detail ? detail : "");
  abort(); /* a finding: libFuzzer keeps the input */
}

static int same(const sj_doc *a, const sj_doc *b) {
  if (sj_doc_ntokens(a) != sj_doc_ntokens(b) || sj_doc_nmentions(a) != sj_doc_nmentions(b) ||
      sj_doc_nevents(a) != sj_doc_nevents(b) || sj_doc_ref_year(a) != sj_doc_ref_year(b))
    return 0;
  const sj_token *ta = sj_doc_tokens(a), *tb = sj_doc_tokens(b);
  for (size_t i = 0; i < sj_doc_ntokens(a); i++)
    if (ta[i].start != tb[i].start || ta[i].end != tb[i].end || strcmp(ta[i].pos, tb[i].pos)) return 0;
  const sj_mention *ma = sj_doc_mentions(a), *mb = sj_doc_mentions(b);
  for (size_t i = 0; i < sj_doc_nmentions(a); i++)
    if (ma[i].start != mb[i].start || ma[i].end != mb[i].end || ma[i].kind != mb[i].kind) return 0;
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!model && sj_model_new(&model) != SJ_OK) die("sj_model_new", NULL);
  if (size < 6) return 0;
  sj_options o = {0};
  o.want = data[0] & 0xF;
  o.seg = data[1] & 3;
  o.ref_year = ((data[2] << 8) | data[3]) % 10240;
  o.ref_month = data[4] % 16;
  o.ref_day = data[5] % 34;
  int valid = o.ref_year <= 9999 && o.ref_month <= 12 && o.ref_day <= 31;
  /* the text in a heap buffer of exactly its size (no terminator, no
   * slack; malloc(0) when empty), so ASan sees any overread */
  size_t len = size - 6;
  char *text = malloc(len);
  if (!text && len) return 0;
  if (len) memcpy(text, data + 6, len);
  sj_doc *d = NULL, *d2 = NULL;
  int rc = sj_analyze(model, text, len, &o, &d);
  if (!valid) {
    if (rc != SJ_EINVAL || d) die("bad options accepted", sj_strerror(rc));
  } else {
    if (rc != SJ_OK) die("analysis failed", sj_strerror(rc));
    const char *bad = doc_check(d, len, o.want);
    if (bad) die("invariant", bad);
    bad = doc_check_text(d, text, len);
    if (bad) die("invariant", bad);
    if (sj_analyze(model, text, len, &o, &d2) != SJ_OK || !same(d, d2)) die("not deterministic", NULL);
  }
  sj_doc_free(d);
  sj_doc_free(d2);
  free(text);
  return 0;
}
