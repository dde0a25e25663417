/* json.c — the CLI's JSON writer: a document's analysis as one JSON object.
 * Output is always valid JSON and valid UTF-8: invalid bytes of the input
 * are written as U+FFFD. */
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a buffered writer: one fwrite per few kilobytes ---------------------- */
void jw_init(jw *w, FILE *f) {
  w->f = f;
  w->n = 0;
}

int jw_flush(jw *w) {
  if (w->n && fwrite(w->b, 1, w->n, w->f) != w->n) { w->n = 0; return -1; }
  w->n = 0;
  return 0;
}

void jw_write(jw *w, const void *p, size_t n) {
  if (n > sizeof w->b - w->n) {
    jw_flush(w);
    if (n > sizeof w->b) { fwrite(p, 1, n, w->f); return; }
  }
  memcpy(w->b + w->n, p, n);
  w->n += n;
}

/* jw_write and jw_puts inlined: the writer's calls are many and short */
static inline void put(jw *w, const void *p, size_t n) {
  if (n <= sizeof w->b - w->n) {
    memcpy(w->b + w->n, p, n);
    w->n += n;
  } else {
    jw_write(w, p, n);
  }
}
static inline void putstr(jw *w, const char *s) { put(w, s, strlen(s)); }

void json_str(jw *f, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  jw_putc(f, '"');
  size_t i = 0, run = 0; /* bytes [run, i) are written as they are */
  while (i < n) {
    unsigned c = u[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { i++; continue; }
    /* lead bytes E1..EC (all of CJK) with two continuation bytes: valid,
     * as sj_utf8_next would say (no overlong form or surrogate there) */
    if (c - 0xE1u < 0x0Cu && i + 2 < n && ((u[i + 1] ^ 0x80u) | (u[i + 2] ^ 0x80u)) < 0x40u) {
      i += 3;
      continue;
    }
    if (c >= 0x80) {
      uint32_t cp;
      int l = sj_utf8_next(s, n, i, &cp);
      if (cp != SJ_BADCHAR) { i += (size_t)l; continue; }
    }
    if (i > run) put(f, u + run, i - run);
    switch (c) {
    case '"': putstr(f, "\\\""); break;
    case '\\': putstr(f, "\\\\"); break;
    case '\n': putstr(f, "\\n"); break;
    case '\r': putstr(f, "\\r"); break;
    case '\t': putstr(f, "\\t"); break;
    default:
      if (c >= 0x80) putstr(f, "\xEF\xBF\xBD"); /* an invalid byte */
      else { char esc[8]; snprintf(esc, sizeof esc, "\\u%04x", c); putstr(f, esc); }
    }
    run = ++i;
  }
  if (i > run) put(f, u + run, i - run);
  jw_putc(f, '"');
}

/* key (a literal with its punctuation) followed by an unsigned number */
static void json_uint(jw *f, const char *key, size_t v) {
  char buf[24];
  int k = (int)sizeof buf;
  do { buf[--k] = (char)('0' + v % 10); v /= 10; } while (v);
  putstr(f, key);
  put(f, buf + k, sizeof buf - (size_t)k);
}

static void json_cstr(jw *f, const char *s) {
  if (!s) putstr(f, "null");
  else json_str(f, s, strlen(s));
}

/* key (a literal with its punctuation) and a string value or null */
static void json_field(jw *f, const char *key, const char *v) {
  putstr(f, key);
  json_cstr(f, v);
}

/* Country codes (the doc's arrays) as a JSON array. */
static void json_codes(jw *f, const char (*codes)[SJ_CODE_SIZE], uint32_t n) {
  jw_putc(f, '[');
  for (uint32_t i = 0; i < n; i++) {
    if (i) jw_putc(f, ',');
    json_str(f, codes[i], strnlen(codes[i], SJ_CODE_SIZE));
  }
  jw_putc(f, ']');
}

/* a finite double in the shortest of %.15g, %.16g, %.17g that reads back to
 * the same value (7.8, not 7.7999999999999998); %.17g always does */
static void num_shortest(char *num, size_t size, double v) {
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(num, size, "%.*g", prec, v);
    if (strtod(num, NULL) == v) return;
  }
}

static void json_num(jw *f, double v) {
  char num[32];
  /* range first: converting an out-of-range double to an integer is undefined */
  if (v > -1e15 && v < 1e15 && v == (double)(long long)v) snprintf(num, sizeof num, "%lld", (long long)v);
  else if (v == v && v - v == 0) num_shortest(num, sizeof num, v);
  else { putstr(f, "null"); return; }
  putstr(f, num);
}

/* "text" value, then "start" and "end" of the span [a, b) shifted by base */
static void json_text_span(jw *f, const char *text, uint32_t a, uint32_t b, size_t base) {
  json_str(f, text + a, b - a);
  json_uint(f, ",\"start\":", base + a);
  json_uint(f, ",\"end\":", base + b);
}

static void json_sentence(jw *f, const sj_span *sp, size_t base, uint32_t para, int comma) {
  json_uint(f, comma ? ",{\"start\":" : "{\"start\":", base + sp->start);
  json_uint(f, ",\"end\":", base + sp->end);
  json_uint(f, ",\"para\":", (size_t)sp->para + para);
  jw_putc(f, '}');
}

static void json_token(jw *f, const sj_token *t, const char *text, size_t base, int comma) {
  putstr(f, comma ? ",{\"text\":" : "{\"text\":");
  json_text_span(f, text, t->start, t->end, base);
  json_field(f, ",\"pos\":", t->pos);
  jw_putc(f, '}');
}

static void json_mention(jw *f, const sj_mention *m, const char *text, size_t base, int comma) {
  putstr(f, comma ? ",{\"kind\":" : "{\"kind\":");
  json_cstr(f, sj_kind_name((sj_kind)m->kind));
  putstr(f, ",\"text\":");
  json_text_span(f, text, m->start, m->end, base);
  switch (m->kind) {
  case SJ_TIME:
  case SJ_DURATION:
    json_field(f, ",\"value\":", m->value);
    putstr(f, (m->flags & SJ_APPROX) ? ",\"approx\":true" : ",\"approx\":false");
    if (m->flags & SJ_SET) putstr(f, ",\"set\":true");
    if (m->kind == SJ_TIME && m->type) json_field(f, ",\"holiday\":", m->type);
    if (m->flags & SJ_VAGUE) putstr(f, ",\"vague\":true");
    break;
  case SJ_ACTOR:
    putstr(f, ",\"codes\":");
    json_codes(f, m->code, m->ncodes);
    json_field(f, ",\"type\":", m->type);
    json_field(f, ",\"org\":", m->org);
    break;
  case SJ_PLACE:
    putstr(f, ",\"country\":");
    if (m->ncodes) json_str(f, m->code[0], strnlen(m->code[0], SJ_CODE_SIZE));
    else putstr(f, "null");
    break;
  case SJ_NAME:
    json_field(f, ",\"class\":", m->type);
    break;
  case SJ_QUANTITY:
    putstr(f, ",\"value\":");
    json_num(f, m->number);
    json_field(f, ",\"unit\":", m->unit);
    putstr(f, (m->flags & SJ_APPROX) ? ",\"approx\":true" : ",\"approx\":false");
    break;
  default: break;
  }
  jw_putc(f, '}');
}

static void json_event(jw *f, const sj_event *e, const char *text, size_t base, int comma) {
  putstr(f, comma ? ",{\"trigger\":{\"text\":" : "{\"trigger\":{\"text\":");
  json_text_span(f, text, e->start, e->end, base);
  putstr(f, "},\"cameo\":");
  json_str(f, e->cameo, strnlen(e->cameo, 3));
  putstr(f, ",\"root\":");
  json_str(f, e->cameo, strnlen(e->cameo, 2));
  json_field(f, ",\"label\":", e->label);
  json_field(f, ",\"date\":", e->date);
  putstr(f, ",\"sources\":");
  json_codes(f, e->source, e->nsources);
  putstr(f, ",\"targets\":");
  json_codes(f, e->target, e->ntargets);
  json_field(f, ",\"place\":", e->place);
  json_uint(f, ",\"sentence\":{\"start\":", base + e->sent_start);
  json_uint(f, ",\"end\":", base + e->sent_end);
  jw_putc(f, '}');
  putstr(f, (e->flags & SJ_NEGATED) ? ",\"negated\":true" : ",\"negated\":false");
  putstr(f, (e->flags & SJ_FUTURE) ? ",\"future\":true" : ",\"future\":false");
  putstr(f, (e->flags & SJ_HYPOTHETICAL) ? ",\"hypothetical\":true}" : ",\"hypothetical\":false}");
}

void json_doc(jw *f, const sj_doc *d, const char *text, size_t base, int parts) {
  jw_putc(f, '{');
  json_doc_fields(f, d, text, base, parts);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" of the doc's reference date into buf
 * (as the binding writes doc.ref); "" when there is none */
static void ref_string(const sj_doc *d, char *buf, size_t size) {
  int y, m, dd;
  sj_doc_ref_date(d, &y, &m, &dd);
  if (!y) buf[0] = 0;
  else if (dd) snprintf(buf, size, "%d-%02d-%02d", y, m, dd);
  else if (m) snprintf(buf, size, "%d-%02d", y, m);
  else snprintf(buf, size, "%d", y);
}

/* ,"ref":…,"script":…} closing the object */
static void json_tail(jw *f, const char *ref, int script) {
  putstr(f, ",\"ref\":");
  json_cstr(f, ref[0] ? ref : NULL);
  json_field(f, ",\"script\":", sj_script_name(script ? script : SJ_SCRIPT_SIMPLIFIED));
  jw_putc(f, '}');
}

static void json_spans(jw *f, const char *key, const sj_doc *d, sj_span_kind k, size_t base) {
  putstr(f, key);
  size_t n = sj_doc_nspans(d, k);
  const sj_span *sp = sj_doc_spans(d, k);
  for (size_t i = 0; i < n; i++) json_sentence(f, &sp[i], base, 0, i > 0);
  jw_putc(f, ']');
}

/* the fields of json_doc after its opening brace, and the closing brace */
void json_doc_fields(jw *f, const sj_doc *d, const char *text, size_t base, int parts) {
  char num[16];
  snprintf(num, sizeof num, "%d", sj_doc_ref_year(d));
  putstr(f, "\"ref_year\":");
  putstr(f, num);
  json_spans(f, ",\"sentences\":[", d, SJ_SENTENCE, base);
  if (parts & JSON_SPANS) {
    json_spans(f, ",\"clauses\":[", d, SJ_CLAUSE, base);
    json_spans(f, ",\"paragraphs\":[", d, SJ_PARAGRAPH, base);
  }
  size_t n;
  if (parts & JSON_TOKENS) {
    putstr(f, ",\"tokens\":[");
    n = sj_doc_ntokens(d);
    const sj_token *t = sj_doc_tokens(d);
    for (size_t i = 0; i < n; i++) json_token(f, &t[i], text, base, i > 0);
    jw_putc(f, ']');
  }
  putstr(f, ",\"mentions\":[");
  n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < n; i++) json_mention(f, &m[i], text, base, i > 0);
  putstr(f, "],\"events\":[");
  n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) json_event(f, &e[i], text, base, i > 0);
  jw_putc(f, ']');
  char ref[24];
  ref_string(d, ref, sizeof ref);
  json_tail(f, ref, sj_doc_script(d));
}

/* ---- spools ---------------------------------------------------------------- */
FILE *spool_file(spool *s) {
  if (s->err) return NULL;
  if (!s->f) {
    s->f = tmpfile();
    if (!s->f) {
      s->f = open_memstream(&s->mem, &s->msize);
      s->ismem = s->f != NULL;
    }
    if (!s->f) s->err = 1;
  }
  return s->f;
}

int spool_copy(spool *s, FILE *out) {
  if (s->err) return -1;
  if (!s->f) return 0;
  if (fflush(s->f) || ferror(s->f)) return -1;
  if (s->ismem) return fwrite(s->mem, 1, s->msize, out) == s->msize ? 0 : -1;
  rewind(s->f);
  char buf[1 << 15];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, s->f)) > 0)
    if (fwrite(buf, 1, got, out) != got) return -1;
  if (ferror(s->f)) return -1;
  if (fseek(s->f, 0, SEEK_END)) return -1;
  return 0;
}

int spool_read(spool *s, size_t off, char *buf, size_t n) {
  if (s->err || !s->f) return -1;
  if (fflush(s->f)) return -1;
  if (s->ismem) {
    if (off > s->msize || n > s->msize - off) return -1;
    memcpy(buf, s->mem + off, n);
    return 0;
  }
  if (off > (size_t)0x7fffffffffffffffLL || fseeko(s->f, (off_t)off, SEEK_SET)) return -1;
  return fread(buf, 1, n, s->f) == n ? 0 : -1;
}

void spool_close(spool *s) {
  if (s->f) fclose(s->f);
  free(s->mem);
  memset(s, 0, sizeof *s);
}

/* ---- one object, piece by piece ------------------------------------------- */
/* sections spooled until the end: sentences (until the header is out),
 * tokens, mentions, events, clauses, paragraphs */
enum { SEC_SENT, SEC_TOK, SEC_MEN, SEC_EV, SEC_CL, SEC_PAR, NSEC };

void json_stream_begin(json_stream *js, FILE *out, int parts, int ref_year) {
  memset(js, 0, sizeof *js);
  js->out = out;
  js->parts = parts;
  js->ref_year = ref_year;
}

static void stream_header(json_stream *js) {
  fprintf(js->out, "{\"ref_year\":%d,\"sentences\":[", js->ref_year);
  if (spool_copy(&js->sp[SEC_SENT], js->out)) js->err = 1;
  spool_close(&js->sp[SEC_SENT]);
  js->header = 1;
}

/* the paragraph held back (a forced cut may continue it) to its spool */
static void flush_para(json_stream *js, jw *f) {
  if (!js->par_held) return;
  json_uint(f, js->count[SEC_PAR]++ ? ",{\"start\":" : "{\"start\":", js->par_start);
  json_uint(f, ",\"end\":", js->par_end);
  json_uint(f, ",\"para\":", js->par_index);
  jw_putc(f, '}');
  js->par_held = 0;
}

/* a piece's paragraphs: each held back until the next piece shows whether
 * it goes on (cont: its first paragraph is the held one's continuation) */
static void stream_paras(json_stream *js, jw *f, const sj_doc *d, size_t base, uint32_t para,
                         int cont) {
  size_t n = sj_doc_nspans(d, SJ_PARAGRAPH);
  const sj_span *sp = sj_doc_spans(d, SJ_PARAGRAPH);
  for (size_t i = 0; i < n; i++) {
    if (i == 0 && cont && js->par_held && sp[i].para + para == js->par_index) {
      js->par_end = base + sp[i].end;
      continue;
    }
    flush_para(js, f);
    js->par_held = 1;
    js->par_start = base + sp[i].start;
    js->par_end = base + sp[i].end;
    js->par_index = (size_t)sp[i].para + para;
  }
}

int json_stream_add(json_stream *js, const sj_doc *d, const char *text, size_t base, int cont,
                    int last) {
  if (js->err) return -1;
  if (!js->ref_year) js->ref_year = sj_doc_ref_year(d);
  if (!js->ref[0]) ref_string(d, js->ref, sizeof js->ref);
  js->script |= sj_doc_script(d);
  uint32_t para = js->para_next;
  if (cont && para > 0) para--;
  size_t np = sj_doc_nspans(d, SJ_PARAGRAPH);
  if (para + np > js->para_next) js->para_next = para + (uint32_t)np;
  if (js->pieces++ == 0 && last) { /* the whole document at once */
    jw w;
    jw_init(&w, js->out);
    json_doc(&w, d, text, base, js->parts);
    jw_flush(&w);
    js->header = 2;
    return 0;
  }
  if (!js->header && js->ref_year) stream_header(js);
  FILE *file[NSEC];
  file[SEC_SENT] = js->header ? js->out : spool_file(&js->sp[SEC_SENT]);
  for (int k = 1; k < NSEC; k++) file[k] = spool_file(&js->sp[k]);
  for (int k = 0; k < NSEC; k++)
    if (!file[k]) return js->err = -1;
  jw wr[NSEC], *f[NSEC];
  for (int k = 0; k < NSEC; k++) { jw_init(&wr[k], file[k]); f[k] = &wr[k]; }
  size_t n = sj_doc_nspans(d, SJ_SENTENCE);
  const sj_span *sp = sj_doc_spans(d, SJ_SENTENCE);
  for (size_t i = 0; i < n; i++) json_sentence(f[SEC_SENT], &sp[i], base, para, js->count[SEC_SENT]++ > 0);
  if (js->parts & JSON_SPANS) {
    n = sj_doc_nspans(d, SJ_CLAUSE);
    sp = sj_doc_spans(d, SJ_CLAUSE);
    for (size_t i = 0; i < n; i++) json_sentence(f[SEC_CL], &sp[i], base, para, js->count[SEC_CL]++ > 0);
    stream_paras(js, f[SEC_PAR], d, base, para, cont);
  }
  if (js->parts & JSON_TOKENS) {
    n = sj_doc_ntokens(d);
    const sj_token *t = sj_doc_tokens(d);
    for (size_t i = 0; i < n; i++) json_token(f[SEC_TOK], &t[i], text, base, js->count[SEC_TOK]++ > 0);
  }
  n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < n; i++) json_mention(f[SEC_MEN], &m[i], text, base, js->count[SEC_MEN]++ > 0);
  n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) json_event(f[SEC_EV], &e[i], text, base, js->count[SEC_EV]++ > 0);
  for (int k = 0; k < NSEC; k++)
    if (jw_flush(f[k]) || ferror(file[k])) js->err = -1;
  return js->err ? -1 : 0;
}

/* ,"key":[ the spooled section ] */
static void copy_section(json_stream *js, const char *key, int k) {
  fputs(key, js->out);
  if (spool_copy(&js->sp[k], js->out)) js->err = -1;
  fputc(']', js->out);
}

int json_stream_end(json_stream *js) {
  if (js->header != 2 && !js->err) {
    if (!js->header) stream_header(js);
    fputc(']', js->out);
    if (js->parts & JSON_SPANS) {
      FILE *pf = spool_file(&js->sp[SEC_PAR]);
      if (!pf) js->err = -1;
      else {
        jw w;
        jw_init(&w, pf);
        flush_para(js, &w);
        if (jw_flush(&w)) js->err = -1;
      }
      copy_section(js, ",\"clauses\":[", SEC_CL);
      copy_section(js, ",\"paragraphs\":[", SEC_PAR);
    }
    if (js->parts & JSON_TOKENS) copy_section(js, ",\"tokens\":[", SEC_TOK);
    copy_section(js, ",\"mentions\":[", SEC_MEN);
    copy_section(js, ",\"events\":[", SEC_EV);
    jw w;
    jw_init(&w, js->out);
    json_tail(&w, js->ref, js->script);
    if (jw_flush(&w)) js->err = -1;
  }
  for (int k = 0; k < NSEC; k++) spool_close(&js->sp[k]);
  return js->err || ferror(js->out) ? -1 : 0;
}
