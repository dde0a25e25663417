/* main.c — the shijian command: segmentation and tagging in pipelines.
 *
 *   shijian cut    [options] [FILE]   words separated by two spaces, per line
 *   shijian tag    [options] [FILE]   one JSON object (or one per line)
 *   shijian events [options] [FILE]   a TSV/CSV timeline of the events
 */
#include "cli.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: shijian COMMAND [options] [FILE]\n"
    "\n"
    "Commands:\n"
    "  cut      segment into words: each input line becomes one output line,\n"
    "           words separated by two spaces (the SIGHAN bakeoff format)\n"
    "  tag      analyse: one JSON object for the document (sentences,\n"
    "           mentions, events; byte offsets), or one per line with --lines\n"
    "  events   the events as a timeline, tab-separated (or --csv): date, cameo,\n"
    "           label, sources, targets, place, text\n"
    "\n"
    "Options:\n"
    "  --dict FILE        add a user dictionary (lines `word [freq] [pos]`); repeatable\n"
    "  --ref YYYY[-MM[-DD]]  reference date for times (default: inferred from the text)\n"
    "  --pos              cut: write word/pos\n"
    "  --no-hmm           cut: no out-of-vocabulary model\n"
    "  --split-measures   cut: PKU-style numbers (36 批, 12月 22日)\n"
    "  --lines            tag: one JSON object per input line (JSON Lines)\n"
    "  --tokens           tag: include the tokens\n"
    "  --csv              events: comma-separated with a header\n"
    "  -h, --help         this text\n"
    "  --version          the version\n"
    "\n"
    "FILE defaults to standard input.  Exit status: 0 ok, 1 error, 2 usage.\n";

typedef struct {
  const char *cmd, *file;
  int pos, lines, tokens, csv;
  sj_options opt;
} args;

static int fail(const char *fmt, const char *a, const char *b) {
  fputs("shijian: ", stderr);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  return 1;
}

static int parse_ref(const char *s, sj_options *o) {
  int y = 0, m = 0, d = 0;
  char tail;
  int n = sscanf(s, "%d-%d-%d%c", &y, &m, &d, &tail);
  if (n < 1 || n > 3 || y < 1 || y > 9999 || m < 0 || m > 12 || d < 0 || d > 31) return -1;
  o->ref_year = y;
  o->ref_month = m;
  o->ref_day = d;
  return 0;
}

/* Read all of f. */
static char *slurp(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    if (n == cap) {
      char *nb = cap < ((size_t)1 << 40) ? realloc(buf, cap * 2) : NULL;
      if (!nb) { free(buf); return NULL; }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  if (ferror(f)) { free(buf); return NULL; }
  *len = n;
  return buf;
}

/* A buffered line reader: lines of any length, without their \n. */
typedef struct {
  FILE *f;
  char *buf;
  size_t cap, start, end;
  int eof;
} reader;

/* Next line in (*line, *len); returns 1, 0 at EOF, -1 on error.  The line
 * stays valid until the next call. */
static int read_line(reader *r, char **line, size_t *len) {
  for (;;) {
    char *nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
    if (nl || (r->eof && r->end > r->start)) {
      size_t e = nl ? (size_t)(nl - r->buf) : r->end;
      *line = r->buf + r->start;
      *len = e - r->start;
      r->start = nl ? e + 1 : e;
      return 1;
    }
    if (r->eof) return 0;
    if (r->start > 0) { /* keep the partial line at the front */
      memmove(r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->start = 0;
    }
    if (r->end == r->cap) {
      size_t nc = r->cap ? r->cap * 2 : 1 << 16;
      char *nb = realloc(r->buf, nc);
      if (!nb) return -1;
      r->buf = nb;
      r->cap = nc;
    }
    size_t got = fread(r->buf + r->end, 1, r->cap - r->end, r->f);
    r->end += got;
    if (got == 0) {
      if (ferror(r->f)) return -1;
      r->eof = 1;
    }
  }
}

static int cmd_cut(sj_model *m, args *a, FILE *in) {
  reader rd = {in, NULL, 0, 0, 0, 0};
  char *line, *out = NULL;
  size_t len, ocap = 0;
  int r, rc = 0;
  a->opt.want = SJ_WANT_TOKENS;
  while ((r = read_line(&rd, &line, &len)) > 0) {
    if (len && line[len - 1] == '\r') len--;
    sj_doc *d;
    int e = sj_analyze(m, line, len, &a->opt, &d);
    if (e) { rc = fail("%s%s", sj_strerror(e), ""); break; }
    const sj_token *t = sj_doc_tokens(d);
    size_t n = sj_doc_ntokens(d);
    /* the line's words go into one buffer, written at once */
    size_t need = len * 3 + n * 12 + 2;
    if (need > ocap) {
      char *nb = realloc(out, need);
      if (!nb) { sj_doc_free(d); rc = fail("%s%s", "out of memory", ""); break; }
      out = nb;
      ocap = need;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
      /* white space separates words in this format; it is not a word */
      size_t k = t[i].start;
      while (k < t[i].end && (line[k] == ' ' || line[k] == '\t')) k++;
      if (k == t[i].end) continue;
      if (o) { out[o++] = ' '; out[o++] = ' '; }
      memcpy(out + o, line + t[i].start, t[i].end - t[i].start);
      o += t[i].end - t[i].start;
      if (a->pos) {
        size_t pl = strlen(t[i].pos);
        if (pl > 8) pl = 8;
        out[o++] = '/';
        memcpy(out + o, t[i].pos, pl);
        o += pl;
      }
    }
    out[o++] = '\n';
    fwrite(out, 1, o, stdout);
    sj_doc_free(d);
  }
  if (r < 0) rc = fail("%s%s", "read error", "");
  free(rd.buf);
  free(out);
  return rc;
}

static int cmd_tag(sj_model *m, args *a, FILE *in) {
  if (a->tokens) a->opt.want = SJ_WANT_ALL;
  if (a->lines) {
    reader rd = {in, NULL, 0, 0, 0, 0};
    char *line;
    size_t len, base = 0;
    int r, rc = 0;
    while ((r = read_line(&rd, &line, &len)) > 0) {
      sj_doc *d;
      int e = sj_analyze(m, line, len, &a->opt, &d);
      if (e) { rc = fail("%s%s", sj_strerror(e), ""); break; }
      json_doc(stdout, d, line, base, a->tokens);
      putchar('\n');
      /* carry the reference year across lines */
      if (!a->opt.ref_year && sj_doc_ref_year(d)) a->opt.ref_year = sj_doc_ref_year(d);
      sj_doc_free(d);
      base += len + 1;
    }
    if (r < 0) rc = fail("%s%s", "read error", "");
    free(rd.buf);
    return rc;
  }
  size_t len;
  char *text = slurp(in, &len);
  if (!text) return fail("%s%s", "cannot read input", "");
  sj_doc *d;
  int e = sj_analyze(m, text, len, &a->opt, &d);
  if (e) { free(text); return fail("%s%s", sj_strerror(e), ""); }
  json_doc(stdout, d, text, 0, a->tokens);
  putchar('\n');
  sj_doc_free(d);
  free(text);
  return 0;
}

static void field(const char *s, size_t n, int csv) {
  if (!csv) {
    for (size_t i = 0; i < n; i++) putchar(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    return;
  }
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"') putchar('"');
    putchar(s[i]);
  }
  putchar('"');
}

typedef struct { const char *date; size_t idx; } evkey;

static int cmp_evkey(const void *pa, const void *pb) {
  const evkey *a = pa, *b = pb;
  if (a->date && b->date) {
    int c = strcmp(a->date, b->date);
    if (c) return c;
  } else if (a->date || b->date) {
    return a->date ? -1 : 1;
  }
  return (a->idx > b->idx) - (a->idx < b->idx);
}

static int cmd_events(sj_model *m, args *a, FILE *in) {
  size_t len;
  char *text = slurp(in, &len);
  if (!text) return fail("%s%s", "cannot read input", "");
  sj_doc *d;
  int e = sj_analyze(m, text, len, &a->opt, &d);
  if (e) { free(text); return fail("%s%s", sj_strerror(e), ""); }
  char sep = a->csv ? ',' : '\t';
  if (a->csv) puts("date,cameo,label,sources,targets,place,trigger,text");
  size_t n = sj_doc_nevents(d);
  const sj_event *ev = sj_doc_events(d);
  /* date order (stable; undated last; an open start "../X" sorts as X) */
  evkey *ord = malloc((n ? n : 1) * sizeof *ord);
  if (!ord) { sj_doc_free(d); free(text); return fail("%s%s", "out of memory", ""); }
  for (size_t i = 0; i < n; i++) {
    const char *k = ev[i].date;
    if (k && !strncmp(k, "../", 3)) k += 3;
    ord[i].date = k;
    ord[i].idx = i;
  }
  qsort(ord, n, sizeof *ord, cmp_evkey);
  for (size_t k = 0; k < n; k++) {
    const sj_event *v = &ev[ord[k].idx];
    const char *cols[6] = {v->date ? v->date : "", v->cameo, v->label ? v->label : "",
                           v->sources ? v->sources : "", v->targets ? v->targets : "",
                           v->place ? v->place : ""};
    for (int c = 0; c < 6; c++) {
      field(cols[c], strlen(cols[c]), a->csv);
      putchar(sep);
    }
    field(text + v->start, v->end - v->start, a->csv);
    putchar(sep);
    field(text + v->sent_start, v->sent_end - v->sent_start, a->csv);
    putchar('\n');
  }
  free(ord);
  sj_doc_free(d);
  free(text);
  return 0;
}

int main(int argc, char **argv) {
  args a;
  memset(&a, 0, sizeof a);
  sj_model *m = NULL;
  int rc = sj_model_new(&m);
  if (rc) return fail("cannot create model: %s%s", sj_strerror(rc), "");
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i];
    if (!strcmp(s, "-h") || !strcmp(s, "--help")) { fputs(usage, stdout); sj_model_free(m); return 0; }
    if (!strcmp(s, "--version")) { printf("shijian %s\n", sj_version()); sj_model_free(m); return 0; }
    if (!strcmp(s, "--pos")) a.pos = 1;
    else if (!strcmp(s, "--lines")) a.lines = 1;
    else if (!strcmp(s, "--tokens")) a.tokens = 1;
    else if (!strcmp(s, "--csv")) a.csv = 1;
    else if (!strcmp(s, "--tsv")) a.csv = 0;
    else if (!strcmp(s, "--no-hmm")) a.opt.seg |= SJ_SEG_NO_HMM;
    else if (!strcmp(s, "--split-measures")) a.opt.seg |= SJ_SEG_SPLIT_MEASURES;
    else if (!strcmp(s, "--dict") || !strcmp(s, "--ref")) {
      if (i + 1 >= argc) { fail("%s needs a value%s", s, ""); sj_model_free(m); return 2; }
      const char *v = argv[++i];
      if (s[2] == 'd') {
        rc = sj_model_load_dict(m, v);
        if (rc) { fail("%s%s", sj_model_errmsg(m), ""); sj_model_free(m); return 1; }
      } else if (parse_ref(v, &a.opt)) {
        fail("bad reference date '%s' (want YYYY, YYYY-MM or YYYY-MM-DD)%s", v, "");
        sj_model_free(m);
        return 2;
      }
    } else if (s[0] == '-' && s[1]) {
      fail("unknown option '%s' (see shijian --help)%s", s, "");
      sj_model_free(m);
      return 2;
    } else if (!a.cmd) a.cmd = s;
    else if (!a.file) a.file = s;
    else { fail("too many arguments%s%s", "", ""); sj_model_free(m); return 2; }
  }
  if (!a.cmd) { fputs(usage, stderr); sj_model_free(m); return 2; }
  FILE *in = stdin;
  if (a.file && strcmp(a.file, "-")) {
    in = fopen(a.file, "rb");
    if (!in) { fail("%s: %s", a.file, strerror(errno)); sj_model_free(m); return 1; }
  }
  if (!strcmp(a.cmd, "cut")) rc = cmd_cut(m, &a, in);
  else if (!strcmp(a.cmd, "tag")) rc = cmd_tag(m, &a, in);
  else if (!strcmp(a.cmd, "events")) rc = cmd_events(m, &a, in);
  else { fail("unknown command '%s' (see shijian --help)%s", a.cmd, ""); rc = 2; }
  if (in != stdin) fclose(in);
  if (fflush(stdout) || ferror(stdout)) rc = rc ? rc : fail("%s%s", "write error", "");
  sj_model_free(m);
  return rc;
}
