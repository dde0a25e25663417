/* json.c — the CLI's JSON writer: a document's analysis as one JSON object.
 * Output is always valid JSON and valid UTF-8: invalid bytes of the input
 * are written as U+FFFD. */
#include "cli.h"
#include <stdio.h>
#include <string.h>

void json_str(FILE *f, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  putc('"', f);
  size_t i = 0;
  while (i < n) {
    unsigned c = u[i];
    if (c < 0x80) {
      switch (c) {
      case '"': fputs("\\\"", f); break;
      case '\\': fputs("\\\\", f); break;
      case '\n': fputs("\\n", f); break;
      case '\r': fputs("\\r", f); break;
      case '\t': fputs("\\t", f); break;
      default:
        if (c < 0x20 || c == 0x7F) fprintf(f, "\\u%04x", c);
        else putc((int)c, f);
      }
      i++;
      continue;
    }
    uint32_t cp;
    int l = sj_utf8_decode(u, n, i, &cp);
    if (cp == SJ_BADCP) fputs("\xEF\xBF\xBD", f);
    else fwrite(u + i, 1, (size_t)l, f);
    i += (size_t)l;
  }
  putc('"', f);
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
  if (v == (double)(long long)v && v > -1e15 && v < 1e15) fprintf(f, "%lld", (long long)v);
  else if (v == v && v - v == 0) fprintf(f, "%.17g", v);
  else fputs("null", f);
}

void json_doc(FILE *f, const sj_doc *d, const char *text, size_t base, int tokens) {
  fprintf(f, "{\"ref_year\":%d", sj_doc_ref_year(d));
  fputs(",\"sentences\":[", f);
  size_t n = sj_doc_nspans(d, SJ_SENTENCE);
  const sj_span *sp = sj_doc_spans(d, SJ_SENTENCE);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%s{\"start\":%zu,\"end\":%zu,\"para\":%u}", i ? "," : "",
            base + sp[i].start, base + sp[i].end, (unsigned)sp[i].para);
  fputc(']', f);
  if (tokens) {
    fputs(",\"tokens\":[", f);
    n = sj_doc_ntokens(d);
    const sj_token *t = sj_doc_tokens(d);
    for (size_t i = 0; i < n; i++) {
      fprintf(f, "%s{\"text\":", i ? "," : "");
      json_str(f, text + t[i].start, t[i].end - t[i].start);
      fprintf(f, ",\"start\":%zu,\"end\":%zu,\"pos\":", base + t[i].start, base + t[i].end);
      json_cstr(f, t[i].pos);
      fputc('}', f);
    }
    fputc(']', f);
  }
  fputs(",\"mentions\":[", f);
  n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < n; i++) {
    fprintf(f, "%s{\"kind\":\"%s\",\"text\":", i ? "," : "", sj_kind_name((sj_kind)m[i].kind));
    json_str(f, text + m[i].start, m[i].end - m[i].start);
    fprintf(f, ",\"start\":%zu,\"end\":%zu", base + m[i].start, base + m[i].end);
    switch (m[i].kind) {
    case SJ_TIME:
    case SJ_DURATION:
      fputs(",\"value\":", f);
      json_cstr(f, m[i].value);
      fprintf(f, ",\"approx\":%s", (m[i].flags & SJ_APPROX) ? "true" : "false");
      break;
    case SJ_ACTOR:
      fputs(",\"codes\":", f);
      json_codes(f, m[i].codes);
      fputs(",\"type\":", f);
      json_cstr(f, m[i].type);
      fputs(",\"org\":", f);
      json_cstr(f, m[i].org);
      break;
    case SJ_PLACE:
      fputs(",\"country\":", f);
      json_cstr(f, m[i].codes && *m[i].codes ? m[i].codes : NULL);
      break;
    case SJ_NAME:
      fputs(",\"class\":", f);
      json_cstr(f, m[i].type);
      break;
    case SJ_QUANTITY:
      fputs(",\"value\":", f);
      json_num(f, m[i].number);
      fputs(",\"unit\":", f);
      json_cstr(f, m[i].unit);
      fprintf(f, ",\"approx\":%s", (m[i].flags & SJ_APPROX) ? "true" : "false");
      break;
    default: break;
    }
    fputc('}', f);
  }
  fputs("],\"events\":[", f);
  n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) {
    fprintf(f, "%s{\"trigger\":{\"text\":", i ? "," : "");
    json_str(f, text + e[i].start, e[i].end - e[i].start);
    fprintf(f, ",\"start\":%zu,\"end\":%zu},\"cameo\":", base + e[i].start, base + e[i].end);
    json_str(f, e[i].cameo, strnlen(e[i].cameo, 3));
    fputs(",\"root\":", f);
    json_str(f, e[i].cameo, strnlen(e[i].cameo, 2));
    fputs(",\"label\":", f);
    json_cstr(f, e[i].label);
    fputs(",\"date\":", f);
    json_cstr(f, e[i].date);
    fputs(",\"sources\":", f);
    json_codes(f, e[i].sources);
    fputs(",\"targets\":", f);
    json_codes(f, e[i].targets);
    fputs(",\"place\":", f);
    json_cstr(f, e[i].place);
    fprintf(f, ",\"sentence\":{\"start\":%zu,\"end\":%zu}", base + e[i].sent_start, base + e[i].sent_end);
    fprintf(f, ",\"negated\":%s,\"future\":%s,\"hypothetical\":%s}",
            (e[i].flags & SJ_NEGATED) ? "true" : "false", (e[i].flags & SJ_FUTURE) ? "true" : "false",
            (e[i].flags & SJ_HYPOTHETICAL) ? "true" : "false");
  }
  fputs("]}", f);
}
