/* json.c — the CLI's JSON writer: a document's analysis as one JSON object.
 * Output is always valid JSON and valid UTF-8: invalid bytes of the input
 * are written as U+FFFD. */
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_str(FILE *f, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  putc('"', f);
  size_t i = 0, run = 0; /* bytes [run, i) are written as they are */
  while (i < n) {
    unsigned c = u[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { i++; continue; }
    if (c >= 0x80) {
      uint32_t cp;
      int l = sj_utf8_dec(s, n, i, &cp);
      if (cp != SJ_BADCP) { i += (size_t)l; continue; }
    }
    if (i > run) fwrite(u + run, 1, i - run, f);
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (c >= 0x80) fputs("\xEF\xBF\xBD", f); /* an invalid byte */
      else fprintf(f, "\\u%04x", c);
    }
    run = ++i;
  }
  if (i > run) fwrite(u + run, 1, i - run, f);
  putc('"', f);
}

/* key (a literal with its punctuation) followed by an unsigned number */
static void json_uint(FILE *f, const char *key, size_t v) {
  char buf[24];
  int k = (int)sizeof buf;
  do { buf[--k] = (char)('0' + v % 10); v /= 10; } while (v);
  fputs(key, f);
  fwrite(buf + k, 1, sizeof buf - (size_t)k, f);
}

static void json_cstr(FILE *f, const char *s) {
  if (!s) fputs("null", f);
  else json_str(f, s, strlen(s));
}

/* Space-separated codes as a JSON array. */
static void json_codes(FILE *f, const char *codes) {
  putc('[', f);
  int first = 1;
  while (codes && *codes) {
    while (*codes == ' ') codes++;
    const char *e = codes;
    while (*e && *e != ' ') e++;
    if (e > codes) {
      if (!first) putc(',', f);
      json_str(f, codes, (size_t)(e - codes));
      first = 0;
    }
    codes = e;
  }
  putc(']', f);
}

static void json_num(FILE *f, double v) {
  /* range first: converting an out-of-range double to an integer is undefined */
  if (v > -1e15 && v < 1e15 && v == (double)(long long)v) fprintf(f, "%lld", (long long)v);
  else if (v == v && v - v == 0) fprintf(f, "%.17g", v);
  else fputs("null", f);
}

static void json_sentence(FILE *f, const sj_span *sp, size_t base, uint32_t para, int comma) {
  json_uint(f, comma ? ",{\"start\":" : "{\"start\":", base + sp->start);
  json_uint(f, ",\"end\":", base + sp->end);
  json_uint(f, ",\"para\":", (size_t)sp->para + para);
  putc('}', f);
}

static void json_token(FILE *f, const sj_token *t, const char *text, size_t base, int comma) {
  fputs(comma ? ",{\"text\":" : "{\"text\":", f);
  json_str(f, text + t->start, t->end - t->start);
  json_uint(f, ",\"start\":", base + t->start);
  json_uint(f, ",\"end\":", base + t->end);
  fputs(",\"pos\":", f);
  json_cstr(f, t->pos);
  fputc('}', f);
}

static void json_mention(FILE *f, const sj_mention *m, const char *text, size_t base, int comma) {
  fputs(comma ? ",{\"kind\":" : "{\"kind\":", f);
  json_cstr(f, sj_kind_name((sj_kind)m->kind));
  fputs(",\"text\":", f);
  json_str(f, text + m->start, m->end - m->start);
  json_uint(f, ",\"start\":", base + m->start);
  json_uint(f, ",\"end\":", base + m->end);
  switch (m->kind) {
  case SJ_TIME:
  case SJ_DURATION:
    fputs(",\"value\":", f);
    json_cstr(f, m->value);
    fprintf(f, ",\"approx\":%s", (m->flags & SJ_APPROX) ? "true" : "false");
    break;
  case SJ_ACTOR:
    fputs(",\"codes\":", f);
    json_codes(f, m->codes);
    fputs(",\"type\":", f);
    json_cstr(f, m->type);
    fputs(",\"org\":", f);
    json_cstr(f, m->org);
    break;
  case SJ_PLACE:
    fputs(",\"country\":", f);
    json_cstr(f, m->codes && *m->codes ? m->codes : NULL);
    break;
  case SJ_NAME:
    fputs(",\"class\":", f);
    json_cstr(f, m->type);
    break;
  case SJ_QUANTITY:
    fputs(",\"value\":", f);
    json_num(f, m->number);
    fputs(",\"unit\":", f);
    json_cstr(f, m->unit);
    fprintf(f, ",\"approx\":%s", (m->flags & SJ_APPROX) ? "true" : "false");
    break;
  default: break;
  }
  fputc('}', f);
}

static void json_event(FILE *f, const sj_event *e, const char *text, size_t base, int comma) {
  fputs(comma ? ",{\"trigger\":{\"text\":" : "{\"trigger\":{\"text\":", f);
  json_str(f, text + e->start, e->end - e->start);
  json_uint(f, ",\"start\":", base + e->start);
  json_uint(f, ",\"end\":", base + e->end);
  fputs("},\"cameo\":", f);
  json_str(f, e->cameo, strnlen(e->cameo, 3));
  fputs(",\"root\":", f);
  json_str(f, e->cameo, strnlen(e->cameo, 2));
  fputs(",\"label\":", f);
  json_cstr(f, e->label);
  fputs(",\"date\":", f);
  json_cstr(f, e->date);
  fputs(",\"sources\":", f);
  json_codes(f, e->sources);
  fputs(",\"targets\":", f);
  json_codes(f, e->targets);
  fputs(",\"place\":", f);
  json_cstr(f, e->place);
  json_uint(f, ",\"sentence\":{\"start\":", base + e->sent_start);
  json_uint(f, ",\"end\":", base + e->sent_end);
  putc('}', f);
  fprintf(f, ",\"negated\":%s,\"future\":%s,\"hypothetical\":%s}",
          (e->flags & SJ_NEGATED) ? "true" : "false", (e->flags & SJ_FUTURE) ? "true" : "false",
          (e->flags & SJ_HYPOTHETICAL) ? "true" : "false");
}

void json_doc(FILE *f, const sj_doc *d, const char *text, size_t base, int tokens) {
  fprintf(f, "{\"ref_year\":%d", sj_doc_ref_year(d));
  fputs(",\"sentences\":[", f);
  size_t n = sj_doc_nspans(d, SJ_SENTENCE);
  const sj_span *sp = sj_doc_spans(d, SJ_SENTENCE);
  for (size_t i = 0; i < n; i++) json_sentence(f, &sp[i], base, 0, i > 0);
  fputc(']', f);
  if (tokens) {
    fputs(",\"tokens\":[", f);
    n = sj_doc_ntokens(d);
    const sj_token *t = sj_doc_tokens(d);
    for (size_t i = 0; i < n; i++) json_token(f, &t[i], text, base, i > 0);
    fputc(']', f);
  }
  fputs(",\"mentions\":[", f);
  n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < n; i++) json_mention(f, &m[i], text, base, i > 0);
  fputs("],\"events\":[", f);
  n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) json_event(f, &e[i], text, base, i > 0);
  fputs("]}", f);
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
void json_stream_begin(json_stream *js, FILE *out, int tokens, int ref_year) {
  memset(js, 0, sizeof *js);
  js->out = out;
  js->tokens = tokens;
  js->ref_year = ref_year;
}

static void stream_header(json_stream *js) {
  fprintf(js->out, "{\"ref_year\":%d,\"sentences\":[", js->ref_year);
  if (spool_copy(&js->sp[0], js->out)) js->err = 1;
  spool_close(&js->sp[0]);
  js->header = 1;
}

int json_stream_add(json_stream *js, const sj_doc *d, const char *text, size_t base, int cont,
                    int last) {
  if (js->err) return -1;
  if (!js->ref_year) js->ref_year = sj_doc_ref_year(d);
  uint32_t para = js->para_next;
  if (cont && para > 0) para--;
  size_t np = sj_doc_nspans(d, SJ_PARAGRAPH);
  if (para + np > js->para_next) js->para_next = para + (uint32_t)np;
  if (js->pieces++ == 0 && last) { /* the whole document at once */
    json_doc(js->out, d, text, base, js->tokens);
    js->header = 2;
    return 0;
  }
  if (!js->header && js->ref_year) stream_header(js);
  FILE *f[4];
  f[0] = js->header ? js->out : spool_file(&js->sp[0]);
  for (int k = 1; k < 4; k++) f[k] = spool_file(&js->sp[k]);
  for (int k = 0; k < 4; k++)
    if (!f[k]) return js->err = -1;
  size_t n = sj_doc_nspans(d, SJ_SENTENCE);
  const sj_span *sp = sj_doc_spans(d, SJ_SENTENCE);
  for (size_t i = 0; i < n; i++) json_sentence(f[0], &sp[i], base, para, js->count[0]++ > 0);
  if (js->tokens) {
    n = sj_doc_ntokens(d);
    const sj_token *t = sj_doc_tokens(d);
    for (size_t i = 0; i < n; i++) json_token(f[1], &t[i], text, base, js->count[1]++ > 0);
  }
  n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < n; i++) json_mention(f[2], &m[i], text, base, js->count[2]++ > 0);
  n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) json_event(f[3], &e[i], text, base, js->count[3]++ > 0);
  for (int k = 0; k < 4; k++)
    if (ferror(f[k])) js->err = -1;
  return js->err ? -1 : 0;
}

int json_stream_end(json_stream *js) {
  if (js->header != 2 && !js->err) {
    if (!js->header) stream_header(js);
    fputc(']', js->out);
    if (js->tokens) {
      fputs(",\"tokens\":[", js->out);
      if (spool_copy(&js->sp[1], js->out)) js->err = -1;
      fputc(']', js->out);
    }
    fputs(",\"mentions\":[", js->out);
    if (spool_copy(&js->sp[2], js->out)) js->err = -1;
    fputs("],\"events\":[", js->out);
    if (spool_copy(&js->sp[3], js->out)) js->err = -1;
    fputs("]}", js->out);
  }
  for (int k = 0; k < 4; k++) spool_close(&js->sp[k]);
  return js->err || ferror(js->out) ? -1 : 0;
}
