/* cli.h — pieces of the shijian command. */
#ifndef SJ_CLI_H
#define SJ_CLI_H
/* the public header only (the command builds against an installed library) */
#include "shijian.h"
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- spool: an append-only byte store on disk (tmpfile), or in memory
 * when no temporary file can be made.  Used to write one JSON object, or
 * a sorted timeline, without holding the analysis of the whole input. */
typedef struct spool {
  FILE *f;
  char *mem;        /* open_memstream fallback */
  size_t msize;
  int ismem;
  int err;
} spool;
FILE *spool_file(spool *s);                     /* NULL on error */
int spool_copy(spool *s, FILE *out);            /* 0 ok, -1 error */
int spool_read(spool *s, size_t off, char *buf, size_t n); /* 0 ok, -1 error */
void spool_close(spool *s);

/* ---- a buffered writer (the CLI is one thread: no stdio lock per call) -- */
typedef struct jw {
  FILE *f;
  size_t n;
  char b[1 << 14];
} jw;
void jw_init(jw *w, FILE *f);
void jw_write(jw *w, const void *p, size_t n);
int jw_flush(jw *w); /* 0 ok, -1 write error */
static inline void jw_putc(jw *w, char c) {
  if (w->n == sizeof w->b) jw_flush(w);
  w->b[w->n++] = c;
}
static inline void jw_puts(jw *w, const char *s) { jw_write(w, s, strlen(s)); }

/* ---- JSON ---------------------------------------------------------------- */
void json_str(jw *w, const char *s, size_t n);
/* Write the analysis of text as one JSON object (docs/schema.md); offsets
 * are shifted by base.  parts: JSON_TOKENS (--tokens), JSON_SPANS (--spans:
 * clauses and paragraphs). */
enum { JSON_TOKENS = 1, JSON_SPANS = 2 };
void json_doc(jw *w, const sj_doc *d, const char *text, size_t base, int parts);
void json_doc_fields(jw *w, const sj_doc *d, const char *text, size_t base, int parts);
int cli_parse_ref(const char *s, sj_options *o, const char **why); /* sj_parse_date: 0, or -1 */
int cli_grow(void **p, size_t *cap, size_t need, size_t size); /* jobs.c: 0, or -1 */
/* tag --jsonl (jsonl.c), records analysed in `threads` threads (--jobs,
 * jobs_map): 0 ok, 1 a record or I/O error */
int cli_tag_jsonl(const sj_model *m, const sj_options *base, int parts, int threads, FILE *in,
                  FILE *out);

/* One JSON object for a document analysed piece by piece (paragraphs, or
 * parts of an overlong paragraph).  Offsets are relative to the whole
 * input (base of each piece), paragraph indexes run on across pieces, and
 * "ref_year" is the first reference year known (given or inferred).  The
 * object is written to out as soon as its header is known; what must
 * follow the sentences (tokens, mentions, events) is spooled until the
 * end.  A document of one piece is written directly. */
typedef struct json_stream {
  FILE *out;
  spool sp[6];        /* sentences (until the header is out), tokens, mentions, events,
                         clauses, paragraphs */
  size_t count[6];    /* items written per section */
  int parts;          /* JSON_TOKENS | JSON_SPANS */
  int ref_year;
  char ref[24];       /* "ref": the reference date of the first piece that had one */
  int script;         /* "script": the pieces' scripts or'ed */
  int par_held;       /* a paragraph held back: a forced cut may continue it */
  size_t par_start, par_end, par_index;
  int header;         /* header written: sentences go straight to out */
  int pieces;
  uint32_t para_next; /* paragraphs seen so far */
  int err;
} json_stream;
void json_stream_begin(json_stream *js, FILE *out, int parts, int ref_year);
/* cont: the piece continues a paragraph of the previous piece (forced cut);
 * last: no piece follows (lets a one-piece document skip the spools). */
int json_stream_add(json_stream *js, const sj_doc *d, const char *text, size_t base, int cont,
                    int last);
/* Finish the object (no newline); 0 ok, -1 on an I/O error.  Frees the spools. */
int json_stream_end(json_stream *js);

/* ---- input pieces (main.c's reader) ---------------------------------------- */
typedef struct piece {
  char *s;
  size_t len;   /* bytes of the piece (line mode: without the '\n') */
  size_t base;  /* input offset of s[0] */
  int more;     /* forced cut: the line/paragraph goes on in the next piece */
  int cont;     /* the previous piece was a forced cut */
  int last;     /* the input ends with this piece */
} piece;

/* ---- --jobs: pieces analysed in parallel threads, delivered in order (jobs.c)
 * The reader (next) hands out pieces; up to `threads` threads analyse
 * batches of them with the one shared model; jobs_next returns them in
 * input order with their analysis, which is always the analysis of the
 * piece with the options *live holds at that moment (the command changes
 * them between pieces: the reference year carried on), as with one thread.
 * Memory is bounded by a few batches in flight.  threads <= 1 analyses in
 * the caller's thread, exactly as the loop `next; sj_analyze` would. */
typedef int (*piece_fn)(void *ctx, piece *p); /* 1 a piece, 0 the end, -1 an error */
typedef struct jobset jobset;
/* 0 ok, -1 out of memory.  carry: the command carries the reference year
 * inferred from a piece on to the next ones (a hint: fewer re-analyses). */
int jobs_start(jobset **J, const sj_model *m, int threads, piece_fn next, void *ctx,
               const sj_options *live, int carry);
/* The next piece in input order and its analysis (*d, owned by the caller)
 * or *err (an sj_analyze error code, *d NULL); *p is valid until the next
 * call.  1 a piece, 0 the end, -1 as next returned -1 (after the pieces
 * before it). */
int jobs_next(jobset *J, piece *p, sj_doc **d, int *err);
void jobs_end(jobset *J); /* stops and joins the threads, frees what is left */
/* threads for --jobs N: N, or the number of online processors for 0 */
int jobs_threads(long n);
/* Independent pieces (records): fn writes the result of one piece to f and
 * returns 0, 1 (a reported error: goes on), or a JOBS_E* code (stops).
 * jobs_map runs it on every piece in `threads` threads (<= 1: in this one)
 * and writes the results to out in input order, the bytes fn wrote with one
 * thread.  Returns the statuses or'ed (0 or 1), or the first JOBS_E* code. */
enum { JOBS_EWRITE = -1, JOBS_EREAD = -2, JOBS_ENOMEM = -3 };
typedef int (*job_fn)(void *fctx, const char *s, size_t len, FILE *f);
int jobs_map(int threads, piece_fn next, void *ctx, job_fn fn, void *fctx, FILE *out);
#endif
