/* json_check.h — a strict JSON (RFC 8259) and UTF-8 validator for the fuzz
 * targets and tests: json_check(s, n) is 0 when s[0..n) is exactly one JSON
 * value (white space around it allowed) whose bytes are all valid UTF-8;
 * otherwise the offset of the first bad byte plus one.  No allocation; nesting
 * deeper than JSON_CHECK_DEPTH is refused. */
#ifndef SJ_JSON_CHECK_H
#define SJ_JSON_CHECK_H
#include <stddef.h>
#include <stdint.h>

#define JSON_CHECK_DEPTH 64

typedef struct { const unsigned char *s; size_t n, i; int bad; } jc_state;

static inline void jc_ws(jc_state *j) {
  while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
    j->i++;
}

/* One UTF-8 sequence at i (strict: no overlongs, surrogates or > U+10FFFF). */
static inline int jc_utf8(jc_state *j) {
  const unsigned char *s = j->s;
  size_t i = j->i, n = j->n;
  unsigned c = s[i];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) { j->i++; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  if (n - i < len) return 0;
  for (size_t k = 1; k < len; k++) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i + k] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  j->i += len;
  return 1;
}

static inline int jc_hex(unsigned c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline int jc_string(jc_state *j) {
  j->i++; /* " */
  while (j->i < j->n) {
    unsigned c = j->s[j->i];
    if (c == '"') { j->i++; return 1; }
    if (c < 0x20) return 0;
    if (c == '\\') {
      if (++j->i >= j->n) return 0;
      c = j->s[j->i];
      if (c == 'u') {
        if (j->n - j->i < 5) return 0;
        for (int k = 1; k <= 4; k++)
          if (!jc_hex(j->s[j->i + (size_t)k])) return 0;
        j->i += 5;
      } else if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') {
        j->i++;
      } else {
        return 0;
      }
      continue;
    }
    if (!jc_utf8(j)) return 0;
  }
  return 0;
}

static inline int jc_digits(jc_state *j) {
  size_t a = j->i;
  while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9') j->i++;
  return j->i > a;
}

static inline int jc_number(jc_state *j) {
  if (j->s[j->i] == '-') j->i++;
  if (j->i >= j->n) return 0;
  if (j->s[j->i] == '0') j->i++;
  else if (!jc_digits(j)) return 0;
  if (j->i < j->n && j->s[j->i] == '.') { j->i++; if (!jc_digits(j)) return 0; }
  if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
    j->i++;
    if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-')) j->i++;
    if (!jc_digits(j)) return 0;
  }
  return 1;
}

static inline int jc_lit(jc_state *j, const char *w) {
  size_t k = 0;
  while (w[k]) {
    if (j->i + k >= j->n || j->s[j->i + k] != (unsigned char)w[k]) return 0;
    k++;
  }
  j->i += k;
  return 1;
}

static inline int jc_value(jc_state *j, int depth) {
  jc_ws(j);
  if (j->i >= j->n || depth > JSON_CHECK_DEPTH) return 0;
  unsigned c = j->s[j->i];
  if (c == '{' || c == '[') {
    unsigned close = c == '{' ? '}' : ']';
    j->i++;
    jc_ws(j);
    if (j->i < j->n && j->s[j->i] == close) { j->i++; return 1; }
    for (;;) {
      if (c == '{') {
        jc_ws(j);
        if (j->i >= j->n || j->s[j->i] != '"' || !jc_string(j)) return 0;
        jc_ws(j);
        if (j->i >= j->n || j->s[j->i] != ':') return 0;
        j->i++;
      }
      if (!jc_value(j, depth + 1)) return 0;
      jc_ws(j);
      if (j->i >= j->n) return 0;
      if (j->s[j->i] == ',') { j->i++; continue; }
      if (j->s[j->i] == close) { j->i++; return 1; }
      return 0;
    }
  }
  if (c == '"') return jc_string(j);
  if (c == '-' || (c >= '0' && c <= '9')) return jc_number(j);
  if (c == 't') return jc_lit(j, "true");
  if (c == 'f') return jc_lit(j, "false");
  if (c == 'n') return jc_lit(j, "null");
  return 0;
}

/* 0 if valid, else 1 + the offset where parsing failed. */
static inline size_t json_check(const char *s, size_t n) {
  jc_state j = {(const unsigned char *)s, n, 0, 0};
  if (!jc_value(&j, 0)) return j.i + 1;
  jc_ws(&j);
  return j.i == n ? 0 : j.i + 1;
}

/* 1 if s[0..n) is valid UTF-8 throughout. */
static inline int utf8_check(const char *s, size_t n) {
  jc_state j = {(const unsigned char *)s, n, 0, 0};
  while (j.i < n)
    if (!jc_utf8(&j)) return 0;
  return 1;
}
#endif
