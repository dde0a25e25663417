/*
 * jsonl.c — `shijian tag --jsonl`: a news archive as JSON Lines records
 * {"id": …, "date": "1998-01-07", "text": "…"}, one result per record.
 *
 * Each record is analysed as one document with its own date as the
 * reference (a record without a date takes --ref, else the date is inferred
 * from its text; nothing carries from one record to the next).  The result
 * is the record's `id` (as written in the input) followed by the fields of
 * `shijian tag`.  A record that cannot be read gives {"id": …, "error": …}
 * in its place, and the command goes on and exits 1 at the end.  Other
 * keys of a record are ignored.  Blank lines are skipped.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct rec {
  const char *id;  /* raw JSON of the id value, or NULL */
  size_t idlen;
  char *text;      /* decoded text (malloc'ed), or NULL */
  size_t textlen;
  char date[40];   /* "" when absent */
  const char *err; /* what is wrong with the record, or NULL */
} rec;

static const char *ws(const char *p, const char *e) {
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
  return p;
}

static int hexval(const char *p, const char *e, unsigned *v) {
  if (e - p < 4) return -1;
  *v = 0;
  for (int k = 0; k < 4; k++) {
    char c = p[k];
    unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
               : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
               : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
    if (d > 15) return -1;
    *v = *v * 16 + d;
  }
  return 0;
}

static size_t put_utf8(char *o, unsigned cp) {
  if (cp < 0x80) { o[0] = (char)cp; return 1; }
  if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 63)); return 2; }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | (cp >> 6 & 63));
    o[2] = (char)(0x80 | (cp & 63));
    return 3;
  }
  o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | (cp >> 12 & 63));
  o[2] = (char)(0x80 | (cp >> 6 & 63)); o[3] = (char)(0x80 | (cp & 63));
  return 4;
}

/* A JSON string at p ('"'): its end (after the closing quote), or NULL.
 * With out (room for e - p bytes), the decoded bytes and their length. */
static const char *str_at(const char *p, const char *e, char *out, size_t *n) {
  size_t k = 0;
  for (p++; p < e; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '"') { if (n) *n = k; return p + 1; }
    if (c < 0x20) return NULL;
    if (c != '\\') { if (out) out[k] = (char)c; k++; continue; }
    if (++p >= e) return NULL;
    unsigned cp;
    switch (*p) {
    case '"': case '\\': case '/': cp = (unsigned char)*p; break;
    case 'b': cp = '\b'; break;
    case 'f': cp = '\f'; break;
    case 'n': cp = '\n'; break;
    case 'r': cp = '\r'; break;
    case 't': cp = '\t'; break;
    case 'u':
      if (hexval(p + 1, e, &cp)) return NULL;
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
        unsigned lo;
        if (e - p < 7 || p[1] != '\\' || p[2] != 'u' || hexval(p + 3, e, &lo) ||
            lo < 0xDC00 || lo > 0xDFFF)
          return NULL;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return NULL;
      }
      break;
    default: return NULL;
    }
    if (out) k += put_utf8(out + k, cp); else k += 4;
  }
  return NULL;
}

/* Any JSON value at p: its end, or NULL (depth-limited). */
static const char *value_at(const char *p, const char *e, int depth) {
  p = ws(p, e);
  if (p >= e || depth > 64) return NULL;
  if (*p == '"') return str_at(p, e, NULL, NULL);
  if (*p == '{' || *p == '[') {
    char close = *p == '{' ? '}' : ']';
    p = ws(p + 1, e);
    if (p < e && *p == close) return p + 1;
    for (;;) {
      if (close == '}') {
        if (p >= e || *p != '"' || !(p = str_at(p, e, NULL, NULL))) return NULL;
        p = ws(p, e);
        if (p >= e || *p++ != ':') return NULL;
      }
      if (!(p = value_at(p, e, depth + 1))) return NULL;
      p = ws(p, e);
      if (p < e && *p == ',') { p = ws(p + 1, e); continue; }
      return p < e && *p == close ? p + 1 : NULL;
    }
  }
  const char *s = p;
  while (p < e && (strchr("+-.0123456789eE", *p) || (*p >= 'a' && *p <= 'z'))) p++;
  size_t n = (size_t)(p - s);
  if ((n == 4 && !memcmp(s, "true", 4)) || (n == 4 && !memcmp(s, "null", 4)) ||
      (n == 5 && !memcmp(s, "false", 5)))
    return p;
  if (!n || !strchr("-0123456789", *s)) return NULL;
  char *end;
  char buf[64];
  if (n >= sizeof buf) return NULL;
  memcpy(buf, s, n);
  buf[n] = 0;
  (void)strtod(buf, &end);
  return *end ? NULL : p;
}

/* Read one record line into r; r->err says what is wrong (r->id may still
 * be set).  0, or -1 when out of memory. */
static int read_rec(const char *p, const char *e, rec *r) {
  memset(r, 0, sizeof *r);
  p = ws(p, e);
  if (p >= e || *p != '{') { r->err = "not a JSON object"; return 0; }
  p = ws(p + 1, e);
  int first = 1;
  while (p < e && *p != '}') {
    if (!first) {
      if (*p != ',') { r->err = "bad JSON (a ',' or '}' expected)"; return 0; }
      p = ws(p + 1, e);
    }
    first = 0;
    const char *k = p, *ke;
    size_t kl;
    if (p >= e || *p != '"' || !(ke = str_at(p, e, NULL, &kl))) { r->err = "bad JSON key"; return 0; }
    p = ws(ke, e);
    if (p >= e || *p++ != ':') { r->err = "bad JSON (':' expected)"; return 0; }
    p = ws(p, e);
    const char *v = p, *ve = value_at(p, e, 0);
    if (!ve) { r->err = "bad JSON value"; return 0; }
    size_t klen = (size_t)(ke - k);
    if (klen == 4 && !memcmp(k, "\"id\"", 4)) {
      r->id = v; r->idlen = (size_t)(ve - v);
    } else if (klen == 6 && !memcmp(k, "\"text\"", 6)) {
      if (*v != '"') { r->err = "\"text\" is not a string"; return 0; }
      free(r->text);
      if (!(r->text = malloc((size_t)(ve - v) + 4))) return -1;
      str_at(v, ve, r->text, &r->textlen);
    } else if (klen == 6 && !memcmp(k, "\"date\"", 6)) {
      size_t dl;
      if (*v != '"' || (size_t)(ve - v) > sizeof r->date) { r->err = "\"date\" is not a date string"; return 0; }
      str_at(v, ve, r->date, &dl);
      r->date[dl] = 0;
    }
    p = ws(ve, e);
  }
  if (p >= e) { r->err = "bad JSON (unterminated object)"; return 0; }
  if (ws(p + 1, e) != e) { r->err = "bad JSON (text after the object)"; return 0; }
  if (!r->text) r->err = "no \"text\"";
  return 0;
}

static void put_error(FILE *out, const rec *r, const char *msg) {
  jw w;
  jw_init(&w, out);
  jw_puts(&w, "{\"id\":");
  if (r->id) jw_write(&w, r->id, r->idlen); else jw_puts(&w, "null");
  jw_puts(&w, ",\"error\":");
  json_str(&w, msg, strlen(msg));
  jw_puts(&w, "}\n");
  jw_flush(&w);
}

/* One record: its analysis as {"id": …, "ref_year": …, …}.  0 ok, 1 a
 * record error (reported in the output), -1 a write error. */
static int do_rec(const sj_model *m, const sj_options *base, int parts, rec *r, FILE *out) {
  if (r->err) { put_error(out, r, r->err); return 1; }
  sj_options o = *base;
  const char *why = "";
  if (r->date[0] && cli_parse_ref(r->date, &o, &why)) {
    char msg[160];
    snprintf(msg, sizeof msg, "bad \"date\": %s", why);
    put_error(out, r, msg);
    return 1;
  }
  sj_doc *d = NULL;
  int rc = sj_analyze(m, r->text, r->textlen, &o, &d);
  if (rc) { put_error(out, r, sj_strerror(rc)); return 1; }
  jw w;
  jw_init(&w, out);
  jw_puts(&w, "{\"id\":");
  if (r->id) jw_write(&w, r->id, r->idlen); else jw_puts(&w, "null");
  jw_putc(&w, ',');
  /* the document's fields after its opening brace */
  json_doc_fields(&w, d, r->text, 0, parts);
  jw_putc(&w, '\n');
  sj_doc_free(d);
  return jw_flush(&w) ? -1 : 0;
}

static int fail_msg(const char *msg) {
  fprintf(stderr, "shijian: %s\n", msg);
  return 1;
}

/* --jobs (jobs.c, jobs_map): a line is a piece, a record's result its output */
typedef struct { FILE *in; char *line; size_t cap; } lines;
static int next_line(void *ctx, piece *pc) {
  lines *l = ctx;
  ssize_t n = getline(&l->line, &l->cap, l->in);
  if (n <= 0) return ferror(l->in) ? -1 : 0;
  memset(pc, 0, sizeof *pc);
  pc->s = l->line;
  pc->len = (size_t)n;
  return 1;
}

typedef struct { const sj_model *m; const sj_options *base; int parts; } recjob;
static int one_rec(void *ctx, const char *p, size_t n, FILE *out) {
  const recjob *j = ctx;
  const char *e = p + n;
  if (ws(p, e) == e) return 0;
  rec r;
  if (read_rec(p, e, &r)) return JOBS_ENOMEM;
  int k = do_rec(j->m, j->base, j->parts, &r, out);
  free(r.text);
  return k < 0 ? JOBS_EWRITE : k;
}

int cli_tag_jsonl(const sj_model *m, const sj_options *base, int parts, int threads, FILE *in,
                  FILE *out) {
  lines l = {in, NULL, 0};
  recjob j = {m, base, parts};
  int rc = jobs_map(threads, next_line, &l, one_rec, &j, out);
  free(l.line);
  if (rc == JOBS_ENOMEM) return fail_msg("out of memory");
  if (rc == JOBS_EWRITE) return fail_msg("write error");
  if (rc == JOBS_EREAD) return fail_msg("read error");
  return rc;
}
