/* sent.c — paragraphs (runs of non-blank lines), sentences (split at
 * 。！？；!?; …… and line ends; closing quotes and brackets stay with the
 * sentence they close; a stop inside quotes does not end the sentence
 * unless the quote closes right after it) and clauses (also split at
 * ，、：,:).  Spans are trimmed of white space. */
#include "core.h"

static int is_stop(uint32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' ||
         c == ';' || c == 0x2026 || c == 0xFF61;
}
static int is_clause_sep(uint32_t c) {
  return c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == ',' || c == ':' || c == 0xFF64;
}
static int is_open(uint32_t c) {
  return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == 0xFF08 || c == '(' ||
         c == 0x3010 || c == 0x300A || c == 0x3008 || c == 0x3014 || c == 0x3016;
}
static int is_close(uint32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == ')' ||
         c == 0x3011 || c == 0x300B || c == 0x3009 || c == 0x3015 || c == 0x3017 || c == '"' ||
         c == '\'';
}

typedef struct { const unsigned char *s; size_t len; } text;

static int push_span(sj_doc *d, sj_span_kind k, const text *t, size_t a, size_t b, uint32_t para) {
  /* trim white space */
  while (a < b) {
    uint32_t cp;
    int l = sj_utf8_dec((const char *)t->s, b, a, &cp);
    int c = sj_cclass(cp);
    if (c != SJ_C_SPACE && c != SJ_C_NEWLINE) break;
    a += (size_t)l;
  }
  while (b > a) {
    size_t p = b - 1;
    while (p > a && (t->s[p] & 0xC0) == 0x80) p--;
    uint32_t cp;
    int l = sj_utf8_dec((const char *)t->s, b, p, &cp);
    if (p + (size_t)l != b) { break; }
    int c = sj_cclass(cp);
    if (c != SJ_C_SPACE && c != SJ_C_NEWLINE) break;
    b = p;
  }
  if (a >= b) return SJ_OK;
  sj_span *sp = sj_vec_push(&d->spans[k]);
  if (!sp) return SJ_ENOMEM;
  sp->start = (uint32_t)a;
  sp->end = (uint32_t)b;
  sp->para = para;
  return SJ_OK;
}

int sj_sentences(sj_doc *d) {
  text t = {(const unsigned char *)d->text, d->len};
  size_t i = 0, para_start = 0, sent_start = 0, clause_start = 0;
  uint32_t para = 0;
  int depth = 0, blank_line = 1, in_para = 0;
  size_t line_start = 0, open_at = 0;
  int rc = SJ_OK;
  while (i < t.len && rc == SJ_OK) {
    /* fast path: a run of CJK ideographs U+4000..U+9FFF (lead bytes E4..E9,
     * most of the text) holds no stop, quote, bracket or space: it only
     * opens a paragraph and may time out an unclosed quote */
    if (t.s[i] >= 0xE4 && t.s[i] <= 0xE9 && i + 2 < t.len && (t.s[i + 1] & 0xC0) == 0x80 &&
        (t.s[i + 2] & 0xC0) == 0x80) {
      size_t last = i;
      if (!in_para) { in_para = 1; para_start = i; }
      blank_line = 0;
      for (i += 3; i + 2 < t.len && t.s[i] >= 0xE4 && t.s[i] <= 0xE9 &&
                   (t.s[i + 1] & 0xC0) == 0x80 && (t.s[i + 2] & 0xC0) == 0x80;
           i += 3)
        last = i;
      if (depth && last - open_at > 600) depth = 0;
      continue;
    }
    uint32_t cp;
    int l = sj_utf8_dec((const char *)t.s, t.len, i, &cp);
    size_t next = i + (size_t)l;
    int c = sj_cclass(cp);
    if (c == SJ_C_NEWLINE) {
      if (blank_line) {
        if (in_para) { /* a blank line ends the paragraph */
          rc = push_span(d, SJ_PARAGRAPH, &t, para_start, line_start, para);
          para++;
          in_para = 0;
        }
      } else {
        /* line end: ends sentence and clause */
        if (rc == SJ_OK) rc = push_span(d, SJ_SENTENCE, &t, sent_start, i, para);
        if (rc == SJ_OK) rc = push_span(d, SJ_CLAUSE, &t, clause_start, i, para);
      }
      depth = 0;
      blank_line = 1;
      line_start = next;
      sent_start = clause_start = next;
      i = next;
      continue;
    }
    if (!sj_is_space(cp)) { /* not blank (sj_blank_line's definition) */
      if (!in_para) { in_para = 1; para_start = i; }
      blank_line = 0;
    }
    if (is_open(cp) && cp != '"' && cp != '\'') { if (!depth) open_at = i; depth++; }
    else if (is_close(cp) && depth > 0 && cp != '"' && cp != '\'') depth--;
    if (depth && i - open_at > 600) depth = 0; /* an unclosed quote: give up on it */
    if (is_stop(cp) || is_clause_sep(cp)) {
      size_t e = next;
      int stop = is_stop(cp);
      /* more stops, then closing quotes/brackets */
      while (e < t.len) {
        uint32_t c2;
        int l2 = sj_utf8_dec((const char *)t.s, t.len, e, &c2);
        if (stop ? is_stop(c2) : is_clause_sep(c2)) { e += (size_t)l2; continue; }
        if (is_close(c2) && (depth > 0 || c2 == '"' || c2 == '\'')) {
          if (depth > 0) depth--;
          e += (size_t)l2;
          continue;
        }
        break;
      }
      if (rc == SJ_OK) rc = push_span(d, SJ_CLAUSE, &t, clause_start, e, para);
      clause_start = e;
      if (stop && depth == 0) {
        if (rc == SJ_OK) rc = push_span(d, SJ_SENTENCE, &t, sent_start, e, para);
        sent_start = e;
      }
      i = e;
      continue;
    }
    i = next;
  }
  if (rc == SJ_OK) rc = push_span(d, SJ_SENTENCE, &t, sent_start, t.len, para);
  if (rc == SJ_OK) rc = push_span(d, SJ_CLAUSE, &t, clause_start, t.len, para);
  if (rc == SJ_OK && in_para) rc = push_span(d, SJ_PARAGRAPH, &t, para_start, t.len, para);
  return rc;
}

/* ---- the front ends' paragraphs and pieces (shijian.h) ---- */
int sj_blank_line(const char *s, size_t len) {
  size_t i = 0;
  if (!s) return len == 0;
  while (i < len) {
    uint32_t cp;
    int l = sj_utf8_dec(s, len, i, &cp);
    if (l <= 0 || !sj_is_space(cp)) return 0;
    i += (size_t)l;
  }
  return 1;
}

/* 1 if the character ending at u[i] (exclusive) is one of the 3-byte marks */
static int ends_with3(const unsigned char *u, size_t i, const char *const *marks, int n) {
  for (int k = 0; k < n; k++)
    if (i >= 3 && !memcmp(u + i - 3, marks[k], 3)) return 1;
  return 0;
}

size_t sj_cut_piece(const char *s, size_t n) {
  static const char *const stops[] = {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                                      "\xEF\xBC\x9B"};
  static const char *const weak[] = {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xE3\x80\x80"};
  const unsigned char *u = (const unsigned char *)s;
  if (!s || n == 0) return 0;
  for (size_t i = n; i > 0; i--)
    if (u[i - 1] == '\n') return i;
  for (size_t i = n; i >= 3 && i > n / 2; i--)
    if (u[i - 1] == '!' || u[i - 1] == '?' || u[i - 1] == ';' || ends_with3(u, i, stops, 4)) return i;
  for (size_t i = n; i >= 3 && i > n / 2; i--)
    if (u[i - 1] == ' ' || u[i - 1] == '\t' || u[i - 1] == ',' || ends_with3(u, i, weak, 3)) return i;
  /* the last character: complete, or its sequence goes to the next piece */
  size_t j = n - 1;
  for (int k = 0; k < 3 && j > 0 && (u[j] & 0xC0) == 0x80; k++) j--;
  uint32_t cp;
  int l = sj_utf8_dec(s, n, j, &cp);
  if (j > 0 && (cp == SJ_BADCP || j + (size_t)l != n)) return j;
  return n;
}
