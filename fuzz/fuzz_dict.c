/* fuzz_dict.c — libFuzzer target: user dictionaries.
 *
 * Input: [0..1] dictionary length L (big-endian, capped by the input),
 * then L bytes of dictionary, then the text to analyse with the model.
 * sj_model_load_dict_buffer must either load (SJ_OK) or refuse (SJ_EDICT,
 * SJ_EINVAL) with a message naming the file and the line, leaving the model
 * exactly as it was (all or nothing); then the analysis of the text with
 * the model keeps the invariants of doc_check.h. */
#include "shijian.h"
#include "doc_check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *what, const char *detail) {
  fprintf(stderr, "fuzz_dict: %s: %s\n", what, detail ? detail : "");
  abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  size_t L = ((size_t)data[0] << 8) | data[1];
  if (L > size - 2) L = size - 2;
  size_t tlen = size - 2 - L;
  /* each in a heap buffer of exactly its size (no terminator, no slack;
   * malloc(0) when empty), so ASan sees any overread */
  char *dict = malloc(L), *text = malloc(tlen);
  if ((!dict && L) || (!text && tlen)) { free(dict); free(text); return 0; }
  if (L) memcpy(dict, data + 2, L);
  if (tlen) memcpy(text, data + 2 + L, tlen);
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) die("sj_model_new", NULL);
  /* a word already there, to see that a failed load keeps it */
  if (sj_model_add_word(m, "\xE5\x9F\xBA\xE8\xAF\x8D", 6, 5, "n") != SJ_OK) die("add_word", NULL);
  size_t before = sj_model_user_words(m);
  int rc = sj_model_load_dict_buffer(m, "fuzz.dict", dict, L);
  if (rc != SJ_OK) {
    if (rc != SJ_EDICT && rc != SJ_EINVAL) die("unexpected error code", sj_strerror(rc));
    if (sj_model_user_words(m) != before) die("half-loaded model", sj_model_errmsg(m));
    if (!strstr(sj_model_errmsg(m), "fuzz.dict:")) die("error does not name the file", sj_model_errmsg(m));
    if (!utf8_check(sj_model_errmsg(m), strlen(sj_model_errmsg(m)))) die("error message not UTF-8", NULL);
  } else if (sj_model_user_words(m) < before) {
    die("words lost", NULL);
  }
  if (!sj_model_lookup(m, "\xE5\x9F\xBA\xE8\xAF\x8D", 6, NULL, NULL)) die("word lost", NULL);
  sj_doc *d = NULL;
  rc = sj_analyze(m, text, tlen, NULL, &d);
  if (rc != SJ_OK) die("analysis failed", sj_strerror(rc));
  const char *bad = doc_check(d, tlen, 0);
  if (!bad) bad = doc_check_text(d, text, tlen);
  if (bad) die("invariant", bad);
  sj_doc_free(d);
  /* the dictionary itself as text: its words must come out whole or split, never broken */
  rc = sj_analyze(m, dict, L, NULL, &d);
  if (rc != SJ_OK) die("analysis of the dictionary failed", sj_strerror(rc));
  bad = doc_check(d, L, 0);
  if (bad) die("invariant (dictionary as text)", bad);
  sj_doc_free(d);
  sj_model_free(m);
  free(dict);
  free(text);
  return 0;
}
