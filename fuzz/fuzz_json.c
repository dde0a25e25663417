/* fuzz_json.c — libFuzzer target: the CLI's JSON writer (csrc/cli/json.c).
 *
 * Input: [0] flags (bit 0: tokens; bits 1..7: piece size class), [1..] text.
 * The text is analysed whole and written with json_doc, then cut into
 * pieces (at blank lines, or every N bytes on a character boundary, as the
 * CLI's reader does), each piece analysed and written with json_stream.
 * Both outputs must be one valid JSON value and valid UTF-8 (checked by
 * json_check.h), and the streamed object must end where it should. */
#include "../csrc/cli/cli.h"
#include "json_check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sj_model *model;

static void die(const char *what, const char *out, size_t n, size_t at) {
  fprintf(stderr, "fuzz_json: %s at byte %zu of %zu: %.*s\n", what, at, n, (int)(n < 2000 ? n : 2000), out);
  abort();
}

static void check(const char *what, char *out, size_t n) {
  size_t at = json_check(out, n);
  if (at) die(what, out, n, at - 1);
  if (!utf8_check(out, n)) die("not UTF-8", out, n, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!model && sj_model_new(&model) != SJ_OK) abort();
  if (size < 1) return 0;
  int tokens = data[0] & 1;
  size_t step = (size_t)(data[0] >> 1) * 3 + 1; /* 1..382 bytes */
  /* the text in a heap buffer of exactly its size (no terminator, no
   * slack; malloc(0) when empty), so ASan sees any overread */
  size_t len = size - 1;
  char *text = malloc(len);
  if (!text && len) return 0;
  if (len) memcpy(text, data + 1, len);
  sj_options o = {0};
  /* whole */
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  if (!f) { free(text); return 0; }
  sj_doc *d;
  if (sj_analyze(model, text, len, &o, &d) != SJ_OK) abort();
  jw w;
  jw_init(&w, f);
  json_doc(&w, d, text, 0, tokens);
  jw_flush(&w);
  sj_doc_free(d);
  fclose(f);
  check("json_doc: invalid JSON", out, n);
  free(out);
  /* in pieces */
  out = NULL;
  n = 0;
  f = open_memstream(&out, &n);
  if (!f) { free(text); return 0; }
  json_stream js;
  json_stream_begin(&js, f, tokens, 0);
  size_t at = 0;
  int more = 0;
  while (at < len) {
    size_t e = at + step < len ? at + step : len;
    int cut = e < len;
    /* prefer a blank line in the window (a paragraph end) */
    const char *bl = NULL;
    for (size_t k = at; k + 1 < e; k++)
      if (text[k] == '\n' && text[k + 1] == '\n') { bl = text + k + 2; break; }
    if (bl) { e = (size_t)(bl - text); cut = 0; }
    else if (cut) { /* do not split a character */
      size_t k = e;
      while (k > at + 1 && ((unsigned char)text[k] & 0xC0) == 0x80) k--;
      e = k;
    }
    sj_options po = o;
    if (sj_analyze(model, text + at, e - at, &po, &d) != SJ_OK) abort();
    if (json_stream_add(&js, d, text + at, at, more, e == len)) abort();
    if (!o.ref_year && sj_doc_ref_year(d)) o.ref_year = sj_doc_ref_year(d);
    sj_doc_free(d);
    more = cut;
    at = e;
  }
  if (json_stream_end(&js)) abort();
  fclose(f);
  check("json_stream: invalid JSON", out, n);
  free(out);
  free(text);
  return 0;
}
