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
    "           mentions, events; byte offsets), or one per line with --lines;\n"
    "           the fields are those of the Lua API (docs/schema.md)\n"
    "  events   the events as a timeline, tab-separated (or --csv): date, cameo,\n"
    "           label, sources, targets, place, trigger, text (the sentence)\n"
    "\n"
    "Options:\n"
    "  --dict FILE        add a user dictionary (lines `word [freq] [pos]`); repeatable\n"
    "  --ref YYYY[-MM[-DD]]  reference date for times (default: inferred from the text)\n"
    "  --pos              cut: write word/pos\n"
    "  --no-hmm           cut: no out-of-vocabulary model\n"
    "  --split-measures   cut: the fine (PKU) scheme: 36 批, 12月 22日, 一 年, 江 泽民\n"
    "  --script auto|simplified|traditional  the script of the text (default auto:\n"
    "                     per paragraph); traditional text is analysed through a\n"
    "                     simplified view, offsets and text stay the input's\n"
    "  --no-vague         tag: no vague times (目前 = PRESENT_REF, 近日 = PAST_REF)\n"
    "  --lines            tag: one JSON object per input line (JSON Lines)\n"
    "  --jsonl            tag: the input is JSON Lines records {\"id\", \"date\",\n"
    "                     \"text\"}: one result per record with its id, each\n"
    "                     record's date its reference date\n"
    "  --tokens           tag: include the tokens\n"
    "  --spans            tag: include the clauses and paragraphs\n"
    "  --csv              events: comma-separated with a header\n"
    "  --whole            tag, events: analyse the input as one document (as the\n"
    "                     library does), not paragraph by paragraph; holds it in memory\n"
    "  --chunk BYTES      largest piece analysed at once (default 524288): input\n"
    "                     is read by line (cut, tag --lines) or by paragraph (tag,\n"
    "                     events); longer ones are cut at a line end or sentence stop\n"
    "  --jobs N           analyse in N threads (default 1; 0: one per processor),\n"
    "                     output identical to one thread's\n"
    "  -h, --help         this text\n"
    "  --version          the version\n"
    "\n"
    "FILE defaults to standard input.  Exit status: 0 ok, 1 error, 2 usage.\n";

typedef struct {
  const char *cmd, *file;
  int pos, lines, tokens, spans, csv, whole, jsonl;
  size_t chunk;     /* largest piece analysed at once */
  int jobs;         /* threads (--jobs) */
  sj_options opt;
} args;

static int fail(const char *fmt, const char *a, const char *b) {
  fputs("shijian: ", stderr);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  return 1;
}

/* --ref and the records' "date": the core's parser; 0, or -1 with *why */
int cli_parse_ref(const char *s, sj_options *o, const char **why) {
  int y, m, d;
  if (sj_parse_date(s, strlen(s), &y, &m, &d, why)) return -1;
  o->ref_year = y;
  o->ref_month = m;
  o->ref_day = d;
  return 0;
}

/* ---- input in pieces ------------------------------------------------------
 * The reader hands out pieces of the input that are analysed one at a time,
 * so memory stays bounded whatever the input's size:
 *   - by line (cut, tag --lines): one line, without its '\n';
 *   - by paragraph (tag, events): a paragraph (a run of non-blank lines, as
 *     the core defines it) with the blank lines that follow it.
 * A line or paragraph longer than the limit is cut (forced) where the core
 * cuts an overlong piece (sj_cut_piece on at most `limit` bytes: the last
 * line end, else a sentence stop, else a white space or a character
 * boundary); the piece is then marked `more` (the line or paragraph goes on
 * in the next piece).  No piece is longer than the limit. */
typedef struct {
  FILE *f;
  char *buf;
  size_t cap, start, end; /* unconsumed bytes buf[start..end) */
  size_t pos;             /* input offset of buf[start] */
  size_t scan;            /* paragraph mode: buf[start..scan) scanned */
  int content;            /* paragraph mode: a non-blank line seen in the piece */
  int eof;
  size_t limit;
} reader;

/* piece: cli.h */

/* Blank lines end paragraphs and overlong pieces are cut as the core
 * defines them (sj_blank_line, sj_cut_piece: one definition for every
 * front end). */
static int blank_line(const char *s, size_t n) { return sj_blank_line(s, n); }

/* Read more input; -1 on a read error or no memory. */
static int fill(reader *r) {
  if (r->start > 0) {
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->scan -= r->start;
    r->start = 0;
  }
  if (r->end == r->cap) {
    size_t nc = r->cap ? r->cap * 2 : 1 << 16;
    char *nb = realloc(r->buf, nc);
    if (!nb) return -1;
    r->buf = nb;
    r->cap = nc;
  }
  size_t want = r->cap - r->end;
  size_t got = fread(r->buf + r->end, 1, want, r->f);
  r->end += got;
  if (got < want) { /* fread is short only at the end or on an error */
    if (ferror(r->f)) return -1;
    r->eof = 1;
  }
  return 0;
}

static void take(reader *r, piece *p, size_t n, size_t len, int more) {
  p->s = r->buf + r->start;
  p->len = len;
  p->base = r->pos;
  p->cont = p->more;
  p->more = more;
  r->start += n;
  r->pos += n;
  r->scan = r->start;
  if (!more) r->content = 0;
  p->last = r->eof && r->start == r->end;
}

/* Next piece in *p (valid until the next call); 1, 0 at the end, -1 on error.
 * paragraphs: 0 by line, 1 by paragraph, 2 the whole input (up to the limit). */
static int next_piece(reader *r, int paragraphs, piece *p) {
  for (;;) {
    if (r->scan < r->start) r->scan = r->start;
    if (!paragraphs) {
      char *nl = r->end > r->scan ? memchr(r->buf + r->scan, '\n', r->end - r->scan) : NULL;
      if (nl) {
        size_t e = (size_t)(nl - r->buf);
        take(r, p, e + 1 - r->start, e - r->start, 0);
        return 1;
      }
      r->scan = r->end;
    } else if (paragraphs == 2) {
      /* --whole: only the end of the input (or --chunk) ends the piece */
      r->scan = r->end;
      r->content = 1;
    } else {
      /* whole lines from scan on: a blank line after content ends the piece */
      for (;;) {
        char *nl = r->end > r->scan ? memchr(r->buf + r->scan, '\n', r->end - r->scan) : NULL;
        if (!nl) break;
        size_t e = (size_t)(nl - r->buf);
        int blank = blank_line(r->buf + r->scan, e - r->scan);
        r->scan = e + 1;
        if (blank && r->content) {
          size_t n = r->scan - r->start;
          take(r, p, n, n, 0);
          return 1;
        }
        if (!blank) r->content = 1;
      }
    }
    size_t have = r->end - r->start;
    if (r->eof && have <= r->limit) {
      if (!have) return 0;
      if (paragraphs && !blank_line(r->buf + r->scan, r->end - r->scan)) r->content = 1;
      take(r, p, have, have, 0);
      return 1;
    }
    if (have >= r->limit) {
      size_t n = sj_cut_piece(r->buf + r->start, have < r->limit ? have : r->limit);
      /* in paragraph mode the piece must not end inside an unscanned line */
      if (paragraphs && r->scan > r->start && r->start + n > r->scan) n = r->scan - r->start;
      if (paragraphs && !blank_line(r->buf + r->start, n)) r->content = 1;
      int keep = r->content;
      take(r, p, n, n, 1);
      r->content = keep; /* the paragraph goes on */
      return 1;
    }
    if (fill(r)) return -1;
  }
}

static void reader_init(reader *r, FILE *f, size_t limit) {
  memset(r, 0, sizeof *r);
  r->f = f;
  r->limit = limit ? limit : 1;
}

/* The pieces a command analyses, for jobs_next (jobs.c): by line (cut
 * drops a line's final '\r'), by paragraph, or the whole input. */
typedef struct { reader rd; int mode, cr; } source;
static int source_next(void *ctx, piece *p) {
  source *src = ctx;
  int r = next_piece(&src->rd, src->mode, p);
  if (r > 0 && src->cr && !p->more && p->len && p->s[p->len - 1] == '\r') p->len--;
  return r;
}

static int start_jobs(jobset **J, sj_model *m, args *a, source *src, int mode, int cr, FILE *in) {
  reader_init(&src->rd, in, a->chunk);
  src->mode = mode;
  src->cr = cr;
  /* cut carries no reference year; tag and events do (carry_ref) */
  if (!jobs_start(J, m, mode == 2 ? 1 : a->jobs, source_next, src, &a->opt, !cr)) return 0;
  jobs_end(*J);
  free(src->rd.buf);
  return fail("%s%s", "out of memory", "");
}

static int cmd_cut(sj_model *m, args *a, FILE *in) {
  source src;
  jobset *J;
  piece pc = {0};
  char *out = NULL;
  size_t ocap = 0;
  int r, rc = 0, words = 0, e;
  a->opt.want = SJ_WANT_TOKENS;
  if (start_jobs(&J, m, a, &src, 0, 1, in)) return 1;
  sj_doc *d;
  while ((r = jobs_next(J, &pc, &d, &e)) > 0) {
    char *line = pc.s;
    size_t len = pc.len; /* without a final '\r' */
    if (e) { rc = fail("%s%s", sj_strerror(e), ""); break; }
    const sj_token *t = sj_doc_tokens(d);
    size_t n = sj_doc_ntokens(d);
    /* the piece's words go into one buffer, written at once */
    size_t need = len + n * 12 + 4 + 16; /* 16: the short copies below overshoot */
    if (need > ocap) {
      char *nb = realloc(out, need);
      if (!nb) { sj_doc_free(d); rc = fail("%s%s", "out of memory", ""); break; }
      out = nb;
      ocap = need;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
      size_t s = t[i].start, l = t[i].end - s;
      /* white space separates words in this format; it is not a word */
      if (line[s] == ' ' || line[s] == '\t') {
        size_t k = s;
        while (k < t[i].end && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == t[i].end) continue;
      }
      out[o] = ' ';
      out[o + 1] = ' ';
      o += words ? 2 : 0;
      words = 1;
      /* most words are short: one 16-byte copy (the output has room for
       * 16 more bytes; the input must have them too) */
      if (l <= 16 && s + 16 <= len) memcpy(out + o, line + s, 16);
      else memcpy(out + o, line + s, l);
      o += l;
      if (a->pos) {
        size_t pl = strlen(t[i].pos);
        if (pl > 8) pl = 8;
        out[o++] = '/';
        memcpy(out + o, t[i].pos, pl);
        o += pl;
      }
    }
    if (!pc.more) { out[o++] = '\n'; words = 0; }
    fwrite(out, 1, o, stdout);
    sj_doc_free(d);
  }
  if (r < 0) rc = fail("%s%s", "read error", "");
  jobs_end(J);
  free(src.rd.buf);
  free(out);
  return rc;
}

/* Carry the reference year across pieces. */
static void carry_ref(args *a, const sj_doc *d) {
  if (!a->opt.ref_year && sj_doc_ref_year(d)) a->opt.ref_year = sj_doc_ref_year(d);
}

/* what the JSON objects hold besides sentences, mentions and events */
static int json_parts(const args *a) { return (a->tokens ? JSON_TOKENS : 0) | (a->spans ? JSON_SPANS : 0); }

static int cmd_tag(sj_model *m, args *a, FILE *in) {
  if (a->tokens) a->opt.want = SJ_WANT_ALL;
  source src;
  jobset *J;
  if (start_jobs(&J, m, a, &src, a->lines ? 0 : a->whole ? 2 : 1, 0, in)) return 1;
  piece pc = {0};
  json_stream js;
  sj_doc *d;
  int r, rc = 0, open = 0, e;
  while ((r = jobs_next(J, &pc, &d, &e)) > 0) {
    if (!open) { json_stream_begin(&js, stdout, json_parts(a), a->opt.ref_year); open = 1; }
    if (e) { rc = fail("%s%s", sj_strerror(e), ""); break; }
    e = json_stream_add(&js, d, pc.s, pc.base, pc.cont, a->lines ? !pc.more : pc.last);
    carry_ref(a, d);
    sj_doc_free(d);
    if (e) { rc = fail("%s%s", "cannot write the output (temporary file)", ""); break; }
    if (a->lines && !pc.more) { /* one object per line */
      open = 0;
      if (json_stream_end(&js)) { rc = fail("%s%s", "write error", ""); break; }
      putchar('\n');
    }
  }
  if (r < 0) rc = fail("%s%s", "read error", "");
  if (!open && !a->lines && !rc) { json_stream_begin(&js, stdout, json_parts(a), a->opt.ref_year); open = 1; }
  if (open) {
    if (json_stream_end(&js) && !rc) rc = fail("%s%s", "write error", "");
    if (!rc) putchar('\n');
  }
  jobs_end(J);
  free(src.rd.buf);
  return rc;
}

static void field(FILE *f, const char *s, size_t n, int csv) {
  if (!csv) {
    for (size_t i = 0; i < n; i++) putc(s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], f);
    return;
  }
  putc('"', f);
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"') putc('"', f);
    putc(s[i], f);
  }
  putc('"', f);
}

/* An event row of the timeline, spooled; sorted by date at the end. */
typedef struct {
  const char *date; /* into the dates buffer once it stops moving */
  size_t date_off;  /* offset in dates, or SIZE_MAX: undated */
  size_t off, len;  /* the row in the spool */
  size_t idx;
} evkey;

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

typedef struct {
  evkey *keys;
  size_t n, cap;
  char *dates;
  size_t dn, dcap;
  spool rows;
  size_t rows_len;
} timeline;

/* codes[0..n) separated by spaces into buf (SJ_MAX_CODES * SJ_CODE_SIZE + 1) */
static const char *join_codes(char *buf, const char (*codes)[SJ_CODE_SIZE], uint32_t n) {
  size_t k = 0;
  for (uint32_t i = 0; i < n && i < SJ_MAX_CODES; i++) {
    size_t l = strnlen(codes[i], SJ_CODE_SIZE - 1);
    if (i) buf[k++] = ' ';
    memcpy(buf + k, codes[i], l);
    k += l;
  }
  buf[k] = 0;
  return buf;
}

/* Spool the events of one piece; -1 on an error. */
static int timeline_add(timeline *tl, const sj_doc *d, const char *text, int csv) {
  FILE *f = spool_file(&tl->rows);
  if (!f) return -1;
  char sep = csv ? ',' : '\t';
  size_t n = sj_doc_nevents(d);
  const sj_event *ev = sj_doc_events(d);
  for (size_t i = 0; i < n; i++) {
    const sj_event *v = &ev[i];
    if (cli_grow((void **)&tl->keys, &tl->cap, tl->n + 1, sizeof *tl->keys)) return -1;
    evkey *k = &tl->keys[tl->n];
    k->date = NULL;
    k->date_off = SIZE_MAX;
    k->idx = tl->n;
    /* date order (stable; undated last; an open start "../X" sorts as X) */
    const char *dk = v->date;
    if (dk && !strncmp(dk, "../", 3)) dk += 3;
    if (dk) {
      size_t l = strlen(dk) + 1;
      if (cli_grow((void **)&tl->dates, &tl->dcap, tl->dn + l, 1)) return -1;
      memcpy(tl->dates + tl->dn, dk, l);
      k->date_off = tl->dn;
      tl->dn += l;
    }
    long long before = ftello(f);
    char src[SJ_MAX_CODES * SJ_CODE_SIZE + 1], tgt[SJ_MAX_CODES * SJ_CODE_SIZE + 1];
    const char *cols[6] = {v->date ? v->date : "", v->cameo, v->label ? v->label : "",
                           join_codes(src, v->source, v->nsources),
                           join_codes(tgt, v->target, v->ntargets), v->place ? v->place : ""};
    for (int c = 0; c < 6; c++) {
      field(f, cols[c], strlen(cols[c]), csv);
      putc(sep, f);
    }
    field(f, text + v->start, v->end - v->start, csv);
    putc(sep, f);
    field(f, text + v->sent_start, v->sent_end - v->sent_start, csv);
    putc('\n', f);
    long long after = ftello(f);
    if (before < 0 || after < before || ferror(f)) return -1;
    k->off = (size_t)before;
    k->len = (size_t)(after - before);
    tl->n++;
  }
  return 0;
}

static int cmd_events(sj_model *m, args *a, FILE *in) {
  source src;
  jobset *J;
  if (start_jobs(&J, m, a, &src, a->whole ? 2 : 1, 0, in)) return 1;
  piece pc = {0};
  timeline tl;
  memset(&tl, 0, sizeof tl);
  sj_doc *d;
  int r, rc = 0, e;
  while ((r = jobs_next(J, &pc, &d, &e)) > 0) {
    if (e) { rc = fail("%s%s", sj_strerror(e), ""); break; }
    e = timeline_add(&tl, d, pc.s, a->csv);
    carry_ref(a, d);
    sj_doc_free(d);
    if (e) { rc = fail("%s%s", "out of memory or no temporary file", ""); break; }
  }
  if (r < 0) rc = fail("%s%s", "read error", "");
  if (!rc) {
    if (a->csv) puts("date,cameo,label,sources,targets,place,trigger,text");
    for (size_t i = 0; i < tl.n; i++)
      tl.keys[i].date = tl.keys[i].date_off == SIZE_MAX ? NULL : tl.dates + tl.keys[i].date_off;
    if (tl.n) qsort(tl.keys, tl.n, sizeof *tl.keys, cmp_evkey);
    char *row = NULL;
    size_t rcap = 0;
    for (size_t i = 0; i < tl.n && !rc; i++) {
      if (cli_grow((void **)&row, &rcap, tl.keys[i].len, 1) ||
          spool_read(&tl.rows, tl.keys[i].off, row, tl.keys[i].len))
        rc = fail("%s%s", "cannot read back the temporary file", "");
      else
        fwrite(row, 1, tl.keys[i].len, stdout);
    }
    free(row);
  }
  jobs_end(J);
  spool_close(&tl.rows);
  free(tl.keys);
  free(tl.dates);
  free(src.rd.buf);
  return rc;
}

int main(int argc, char **argv) {
  args a;
  memset(&a, 0, sizeof a);
  sj_model *m = NULL;
  int rc = sj_model_new(&m);
  if (rc) return fail("cannot create model: %s%s", sj_strerror(rc), "");
  for (int i = 1; i < argc; i++) {
    const char *s = argv[i], *why = "";
    if (!strcmp(s, "-h") || !strcmp(s, "--help")) { fputs(usage, stdout); sj_model_free(m); return 0; }
    if (!strcmp(s, "--version")) { printf("shijian %s\n", sj_version()); sj_model_free(m); return 0; }
    if (!strcmp(s, "--pos")) a.pos = 1;
    else if (!strcmp(s, "--lines")) a.lines = 1;
    else if (!strcmp(s, "--jsonl")) a.jsonl = 1;
    else if (!strcmp(s, "--tokens")) a.tokens = 1;
    else if (!strcmp(s, "--spans")) a.spans = 1;
    else if (!strcmp(s, "--csv")) a.csv = 1;
    else if (!strcmp(s, "--whole")) a.whole = 1;
    else if (!strcmp(s, "--tsv")) a.csv = 0;
    else if (!strcmp(s, "--no-hmm")) a.opt.seg |= SJ_SEG_NO_HMM;
    else if (!strcmp(s, "--split-measures")) a.opt.seg |= SJ_SEG_SPLIT_MEASURES;
    else if (!strcmp(s, "--no-vague")) a.opt.tag |= SJ_TAG_NO_VAGUE;
    else if (!strcmp(s, "--script")) {
      const char *v = i + 1 < argc ? argv[++i] : "";
      if (!strcmp(v, "auto")) a.opt.script = SJ_SCRIPT_AUTO;
      else if (!strcmp(v, "simplified")) a.opt.script = SJ_SCRIPT_SIMPLIFIED;
      else if (!strcmp(v, "traditional")) a.opt.script = SJ_SCRIPT_TRADITIONAL;
      else {
        fail("--script needs auto, simplified or traditional%s%s", "", "");
        sj_model_free(m);
        return 2;
      }
    }
    else if (!strcmp(s, "--chunk")) {
      char *e = NULL;
      unsigned long long v = i + 1 < argc ? strtoull(argv[i + 1], &e, 10) : 0;
      if (i + 1 >= argc || !e || *e || v < 1 || v > SJ_MAX_INPUT) {
        fail("--chunk needs a size in bytes (1..%s)%s", "2147483647", "");
        sj_model_free(m);
        return 2;
      }
      a.chunk = (size_t)v;
      i++;
    } else if (!strcmp(s, "--jobs")) {
      char *e = NULL;
      long v = i + 1 < argc ? strtol(argv[i + 1], &e, 10) : -1;
      if (i + 1 >= argc || !e || *e || e == argv[i + 1] || v < 0 || v > 1024) {
        fail("--jobs needs a number of threads (0..1024; 0: one per processor)%s%s", "", "");
        sj_model_free(m);
        return 2;
      }
      a.jobs = jobs_threads(v);
      i++;
    } else if (!strcmp(s, "--dict") || !strcmp(s, "--ref")) {
      if (i + 1 >= argc) { fail("%s needs a value%s", s, ""); sj_model_free(m); return 2; }
      const char *v = argv[++i];
      if (s[2] == 'd') {
        rc = sj_model_load_dict(m, v);
        if (rc) { fail("%s%s", sj_model_errmsg(m), ""); sj_model_free(m); return 1; }
      } else if (cli_parse_ref(v, &a.opt, &why)) {
        fail("bad reference date '%s': %s", v, why);
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
  if (!a.chunk) a.chunk = a.whole ? (size_t)SJ_MAX_INPUT : (size_t)1 << 19;
  if (!a.jobs) a.jobs = 1;
  if (!a.cmd) { fputs(usage, stderr); sj_model_free(m); return 2; }
  FILE *in = stdin;
  if (a.file && strcmp(a.file, "-")) {
    in = fopen(a.file, "rb");
    if (!in) { fail("%s: %s", a.file, strerror(errno)); sj_model_free(m); return 1; }
  }
  if (!strcmp(a.cmd, "cut")) rc = cmd_cut(m, &a, in);
  else if (!strcmp(a.cmd, "tag") && a.jsonl)
    rc = cli_tag_jsonl(m, &a.opt, json_parts(&a), a.jobs, in, stdout);
  else if (!strcmp(a.cmd, "tag")) rc = cmd_tag(m, &a, in);
  else if (a.jsonl) { fail("--jsonl goes with tag%s%s", "", ""); rc = 2; }
  else if (!strcmp(a.cmd, "events")) rc = cmd_events(m, &a, in);
  else { fail("unknown command '%s' (see shijian --help)%s", a.cmd, ""); rc = 2; }
  if (in != stdin) fclose(in);
  if (fflush(stdout) || ferror(stdout)) rc = rc ? rc : fail("%s%s", "write error", "");
  sj_model_free(m);
  return rc;
}
