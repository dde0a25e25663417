/* doc_check.h — the invariants every analysis must keep, whatever the
 * input: checked by the fuzz targets and spec/c/test_hardening.c.
 *   - tokens (when asked for) tile text[0..len): no gap, no overlap, none empty;
 *   - spans, mentions and events lie inside the text, start < end, in order
 *     where the API promises it (sentences, paragraphs; mentions by start);
 *   - every normalised string handed out (values, codes, types, labels,
 *     dates) is NUL-terminated valid UTF-8 (or NULL where NULL is allowed);
 *     an event's place is text of the input and may carry its invalid bytes;
 *     a token's pos is never NULL; cameo is 3 digits. */
#ifndef SJ_DOC_CHECK_H
#define SJ_DOC_CHECK_H
#include "shijian.h"
#include "json_check.h"
#include <stdlib.h>
#include <string.h>

static inline int dc_str_ok(const char *s, int nullable) {
  if (!s) return nullable;
  return utf8_check(s, strlen(s));
}

/* NULL if d keeps the invariants for a text of len bytes analysed with
 * want bits (0 = all), else what is broken. */
static inline const char *doc_check(const sj_doc *d, size_t len, unsigned want) {
  if (!d) return "no doc";
  if (want == 0) want = SJ_WANT_ALL;
  if (want & (SJ_WANT_MENTIONS | SJ_WANT_EVENTS)) want |= SJ_WANT_TOKENS | SJ_WANT_SENTENCES;
  size_t n = sj_doc_ntokens(d);
  const sj_token *t = sj_doc_tokens(d);
  if (want & SJ_WANT_TOKENS) {
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
      if (t[i].start != at) return "tokens do not tile the text (gap or overlap)";
      if (t[i].end <= t[i].start) return "empty token";
      if (!t[i].pos || !dc_str_ok(t[i].pos, 0)) return "token pos";
      at = t[i].end;
    }
    if (at != len) return "tokens do not cover the text";
  }
  for (int k = SJ_SENTENCE; k <= SJ_PARAGRAPH; k++) {
    size_t ns = sj_doc_nspans(d, (sj_span_kind)k);
    const sj_span *s = sj_doc_spans(d, (sj_span_kind)k);
    uint32_t prev_end = 0, prev_para = 0;
    for (size_t i = 0; i < ns; i++) {
      if (s[i].start >= s[i].end || s[i].end > len) return "span out of the text or empty";
      if (s[i].start < prev_end) return "spans overlap or are out of order";
      if (s[i].para < prev_para) return "paragraph index goes back";
      if (k != SJ_PARAGRAPH && sj_doc_nspans(d, SJ_PARAGRAPH) && s[i].para >= sj_doc_nspans(d, SJ_PARAGRAPH))
        return "span in a paragraph that does not exist";
      prev_end = s[i].end;
      prev_para = s[i].para;
    }
  }
  size_t nm = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < nm; i++) {
    if (m[i].start >= m[i].end || m[i].end > len) return "mention out of the text or empty";
    if (i && m[i].start < m[i - 1].start) return "mentions not sorted by start";
    if (m[i].kind < SJ_TIME || m[i].kind > SJ_QUANTITY) return "mention kind";
    if (!dc_str_ok(m[i].value, 1) || !dc_str_ok(m[i].codes, 1) || !dc_str_ok(m[i].type, 1) ||
        !dc_str_ok(m[i].org, 1) || !dc_str_ok(m[i].unit, 1))
      return "mention string not UTF-8";
    if ((m[i].kind == SJ_TIME || m[i].kind == SJ_DURATION) && !m[i].value) return "time without value";
  }
  size_t ne = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < ne; i++) {
    if (e[i].start >= e[i].end || e[i].end > len) return "event trigger out of the text";
    if (e[i].sent_start > e[i].start || e[i].sent_end < e[i].end || e[i].sent_end > len)
      return "event sentence does not hold its trigger";
    if (strnlen(e[i].cameo, 4) != 3 || e[i].cameo[0] < '0' || e[i].cameo[0] > '9' ||
        e[i].cameo[1] < '0' || e[i].cameo[1] > '9' || e[i].cameo[2] < '0' || e[i].cameo[2] > '9')
      return "cameo code";
    /* place is text of the input, so it may hold the input's invalid bytes */
    if (!dc_str_ok(e[i].label, 1) || !dc_str_ok(e[i].date, 1) || !dc_str_ok(e[i].sources, 1) ||
        !dc_str_ok(e[i].targets, 1))
      return "event string not UTF-8";
  }
  return NULL;
}

/* NULL if every boundary of d (tokens, spans, mentions, event triggers and
 * sentences) falls on a character boundary of text: never inside a valid
 * UTF-8 sequence (an invalid byte is a character of its own). */
static inline const char *doc_check_text(const sj_doc *d, const char *text, size_t len) {
  unsigned char *cb = calloc(len + 1, 1);
  if (!cb) return NULL; /* no memory: nothing to say */
  jc_state j = {(const unsigned char *)text, len, 0, 0};
  while (j.i < len) {
    cb[j.i] = 1;
    if (!jc_utf8(&j)) j.i++;
  }
  cb[len] = 1;
  const char *bad = NULL;
#define DC_AT(x) do { if ((size_t)(x) > len || !cb[(size_t)(x)]) bad = "boundary inside a character"; } while (0)
  const sj_token *t = sj_doc_tokens(d);
  for (size_t i = 0; i < sj_doc_ntokens(d) && !bad; i++) { DC_AT(t[i].start); DC_AT(t[i].end); }
  for (int k = SJ_SENTENCE; k <= SJ_PARAGRAPH && !bad; k++) {
    const sj_span *s = sj_doc_spans(d, (sj_span_kind)k);
    for (size_t i = 0; i < sj_doc_nspans(d, (sj_span_kind)k) && !bad; i++) { DC_AT(s[i].start); DC_AT(s[i].end); }
  }
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < sj_doc_nmentions(d) && !bad; i++) { DC_AT(m[i].start); DC_AT(m[i].end); }
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < sj_doc_nevents(d) && !bad; i++) {
    DC_AT(e[i].start); DC_AT(e[i].end); DC_AT(e[i].sent_start); DC_AT(e[i].sent_end);
  }
#undef DC_AT
  /* an invalid byte is a token of its own, tagged "x" */
  for (size_t i = 0; i < sj_doc_ntokens(d) && !bad; i++) {
    jc_state k = {(const unsigned char *)text, len, t[i].start, 0};
    if (t[i].start < len && !jc_utf8(&k) && (t[i].end != t[i].start + 1 || strcmp(t[i].pos, "x")))
      bad = "an invalid byte is not a token of its own with pos x";
  }
  free(cb);
  return bad;
}
#endif
