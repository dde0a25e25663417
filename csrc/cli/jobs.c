/* jobs.c — `--jobs N`: the command's pieces analysed in parallel threads.
 *
 * The caller's thread reads: it copies pieces (lines or paragraphs, as the
 * reader cuts them) into batches of at most BATCH_BYTES (or one piece, if
 * longer) and BATCH_PIECES pieces, in a ring of 2N + 2 slots.  N threads take
 * the batches in order and analyse each piece with the one shared model (an
 * analysis only reads the model: see ARCHITECTURE, "Why an embedded image";
 * each thread has its own documents).  jobs_next hands the pieces back in
 * input order; a batch's slot is refilled from the input when its last
 * piece has been handed out.  So at most 2N + 2 batches are in memory,
 * whatever the input's size: no whole-file buffering.
 *
 * Output is byte-identical to one thread because the caller writes it, in
 * order, with the same code, from analyses done with the same options:
 * each piece records the options it was analysed with; when they are not
 * the options the caller holds when the piece comes up (the reference year
 * it carries from piece to piece was not known yet when the batch was
 * sent), the piece is analysed again, in the caller's thread.  To make that
 * rare, a thread carries the reference year inside its batch the way the
 * command does, and a batch sent before any year was known starts from the
 * year carried out of the earliest finished batch before it (a guess: news
 * keeps its year, and a wrong guess only costs the re-analysis).
 *
 * jobs_map is the same ring for independent pieces (tag --jsonl records):
 * a function turns each piece into output bytes in its thread, and the
 * caller's thread writes each batch's bytes in input order. */
#include "cli.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif

enum {
  BATCH_BYTES = 32 * 1024, /* text per batch (one longer piece makes its own) */
  BATCH_PIECES = 256,      /* pieces per batch (bounds the documents held) */
  MAX_THREADS = 256
};

typedef struct {
  char *text;           /* the batch's pieces, copied one after the other */
  size_t tlen, tcap;
  piece *pc;            /* pc[i].s is set once the text stops moving */
  size_t *off;          /* offset of piece i in text */
  sj_doc **doc;         /* results, NULL once handed out */
  int *err;
  sj_options *used;     /* the options piece i was analysed with */
  size_t n, cap;        /* pieces */
  size_t next;          /* next piece to hand out */
  sj_options opt;       /* the caller's options when the batch was sent */
  int done;             /* analysed (under the lock) */
  size_t seq;           /* sequence number of the batch */
  char *obuf;           /* jobs_map: the batch's output */
  size_t olen;
  int ostatus;          /* jobs_map: the statuses of fn, or'ed; < 0 the first error */
} slot;

struct jobset {
  const sj_model *m;
  piece_fn next_fn;
  void *ctx;
  const sj_options *live;
  int carry;
  int threads;          /* 0: analyse in the caller's thread */
  job_fn fn;            /* jobs_map */
  void *fctx;
  piece rp;             /* the reader's piece (it keeps state across calls) */
  int in_done, in_err;  /* the reader returned 0 or -1 */
  /* shared, under mu */
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  slot *slot;
  size_t k;                   /* slots */
  size_t head, take, fill;    /* sequence numbers: next to hand out, to analyse, to fill */
  size_t inflight;            /* text bytes in the slots head..fill */
  int guess;                  /* the reference year carried out of batch guess_seq */
  size_t guess_seq;
  int stop;
  pthread_t *tid;
  int ntid;
};

int jobs_threads(long n) {
  if (n == 0) n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) n = 1;
  return n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static int opts_equal(const sj_options *a, const sj_options *b) {
  return !memcmp(a, b, sizeof *a);
}

/* Analyse the batch s with options o (s->opt, or a guess); the reference
 * year carried out of it, or 0. */
static int analyse_batch(jobset *J, slot *s, sj_options *o) {
  for (size_t i = 0; i < s->n; i++) {
    memcpy(&s->used[i], o, sizeof *o);
    s->doc[i] = NULL;
    s->err[i] = sj_analyze(J->m, s->pc[i].s, s->pc[i].len, o, &s->doc[i]);
    /* the command's rule (main.c, carry_ref): the first year known stays */
    if (J->carry && !s->err[i] && !o->ref_year && sj_doc_ref_year(s->doc[i]))
      o->ref_year = sj_doc_ref_year(s->doc[i]);
  }
  return J->carry ? o->ref_year : 0;
}

/* jobs_map: the pieces of s through fn, into s->obuf */
static int map_batch(jobset *J, slot *s) {
  free(s->obuf);
  s->obuf = NULL;
  s->olen = 0;
  s->ostatus = 0;
  FILE *f = open_memstream(&s->obuf, &s->olen);
  if (!f) { s->ostatus = JOBS_ENOMEM; return 0; }
  for (size_t i = 0; i < s->n && s->ostatus >= 0; i++) {
    int r = J->fn(J->fctx, s->pc[i].s, s->pc[i].len, f);
    if (r < 0) s->ostatus = r; else s->ostatus |= r;
  }
  if (fclose(f) && s->ostatus >= 0) s->ostatus = JOBS_ENOMEM;
  return 0;
}

static void *worker(void *arg) {
  jobset *J = arg;
  pthread_mutex_lock(&J->mu);
  for (;;) {
    while (!J->stop && J->take == J->fill) pthread_cond_wait(&J->work, &J->mu);
    if (J->stop) break;
    slot *s = &J->slot[J->take++ % J->k];
    sj_options o;
    memcpy(&o, &s->opt, sizeof o);
    if (J->carry && !o.ref_year && J->guess && J->guess_seq < s->seq) o.ref_year = J->guess;
    pthread_mutex_unlock(&J->mu);
    int year = J->fn ? map_batch(J, s) : analyse_batch(J, s, &o);
    pthread_mutex_lock(&J->mu);
    if (year && (!J->guess || s->seq < J->guess_seq)) {
      J->guess = year;
      J->guess_seq = s->seq;
    }
    s->done = 1;
    pthread_cond_signal(&J->done);
  }
  pthread_mutex_unlock(&J->mu);
  return NULL;
}

/* grow the array *p (*cap items of size) to hold need items: 0, or -1 */
int cli_grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t nc = *cap ? *cap : 64;
  while (nc < need) nc *= 2;
  void *q = realloc(*p, nc * size);
  if (!q) return -1;
  *p = q;
  *cap = nc;
  return 0;
}

static int slot_room(slot *s, size_t n) { /* room for n pieces */
  size_t cap = s->cap;
  if (n <= cap) return 0;
  void *p = s->pc;
  if (cli_grow(&p, &cap, n, sizeof *s->pc)) return -1;
  s->pc = p;
  /* the other arrays follow pc's capacity */
  size_t *off = realloc(s->off, cap * sizeof *off);
  if (off) s->off = off;
  sj_doc **doc = realloc(s->doc, cap * sizeof *doc);
  if (doc) s->doc = doc;
  int *err = realloc(s->err, cap * sizeof *err);
  if (err) s->err = err;
  sj_options *used = realloc(s->used, cap * sizeof *used);
  if (used) s->used = used;
  if (!off || !doc || !err || !used) return -1;
  s->cap = cap;
  return 0;
}

/* Fill the free slots from the input; -1 out of memory.  Past threads + 1
 * batches, only while the text in flight is small (huge pieces: their
 * analyses are big too). */
static int refill(jobset *J) {
  while (!J->in_done && J->fill - J->head < J->k &&
         (J->fill - J->head < (size_t)J->threads + 1 || J->inflight < J->k * BATCH_BYTES)) {
    slot *s = &J->slot[J->fill % J->k];
    s->n = s->next = 0;
    s->tlen = 0;
    s->done = 0;
    s->seq = J->fill;
    memcpy(&s->opt, J->live, sizeof s->opt);
    while (s->n < BATCH_PIECES && s->tlen < BATCH_BYTES) {
      int r = J->next_fn(J->ctx, &J->rp);
      if (r <= 0) {
        J->in_done = 1;
        J->in_err = r < 0;
        break;
      }
      void *t = s->text;
      if (slot_room(s, s->n + 1) || cli_grow(&t, &s->tcap, s->tlen + J->rp.len, 1)) return -1;
      s->text = t;
      s->pc[s->n] = J->rp;
      s->off[s->n] = s->tlen;
      s->doc[s->n] = NULL;
      if (J->rp.len) memcpy(s->text + s->tlen, J->rp.s, J->rp.len);
      s->tlen += J->rp.len;
      s->n++;
    }
    if (!s->n) break;
    for (size_t i = 0; i < s->n; i++) s->pc[i].s = s->text + s->off[i];
    J->inflight += s->tlen;
    pthread_mutex_lock(&J->mu);
    J->fill++;
    pthread_cond_signal(&J->work);
    pthread_mutex_unlock(&J->mu);
  }
  return 0;
}

int jobs_start(jobset **out, const sj_model *m, int threads, piece_fn next, void *ctx,
               const sj_options *live, int carry) {
  *out = NULL;
  jobset *J = calloc(1, sizeof *J);
  if (!J) return -1;
  J->m = m;
  J->next_fn = next;
  J->ctx = ctx;
  J->live = live;
  J->carry = carry;
  *out = J;
  if (threads <= 1) return 0;
  if (threads > MAX_THREADS) threads = MAX_THREADS;
#if defined(__GLIBC__) && defined(M_TRIM_THRESHOLD)
  /* glibc gives each thread an arena of its own and trims its top as soon
   * as it passes the (dynamic) trim threshold: every analysis then faults
   * its pages in again (10x the page faults of one thread, ~25% more CPU
   * time for tag --lines --jobs 2).  A fixed 4 MiB threshold keeps them
   * (+1 MB of peak RSS). */
  mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
  J->k = 2 * (size_t)threads + 2;
  J->slot = calloc(J->k, sizeof *J->slot);
  J->tid = calloc((size_t)threads, sizeof *J->tid);
  if (!J->slot || !J->tid) return -1; /* jobs_end frees */
  if (pthread_mutex_init(&J->mu, NULL)) return -1;
  if (pthread_cond_init(&J->work, NULL)) { pthread_mutex_destroy(&J->mu); return -1; }
  if (pthread_cond_init(&J->done, NULL)) {
    pthread_cond_destroy(&J->work);
    pthread_mutex_destroy(&J->mu);
    return -1;
  }
  J->threads = threads;
  for (int i = 0; i < threads; i++) {
    if (pthread_create(&J->tid[i], NULL, worker, J)) break;
    J->ntid++;
  }
  /* no thread at all: the caller's thread analyses (as with --jobs 1) */
  if (!J->ntid) {
    pthread_cond_destroy(&J->done);
    pthread_cond_destroy(&J->work);
    pthread_mutex_destroy(&J->mu);
    J->threads = 0;
  }
  return 0;
}

int jobs_next(jobset *J, piece *p, sj_doc **d, int *err) {
  *d = NULL;
  *err = 0;
  if (!J->threads) {
    int r = J->next_fn(J->ctx, &J->rp);
    if (r <= 0) return r;
    *p = J->rp;
    *err = sj_analyze(J->m, p->s, p->len, J->live, d);
    return 1;
  }
  for (;;) {
    if (refill(J)) { *err = SJ_ENOMEM; return 1; }
    if (J->head == J->fill) return J->in_err ? -1 : 0;
    slot *s = &J->slot[J->head % J->k];
    pthread_mutex_lock(&J->mu);
    while (!s->done) pthread_cond_wait(&J->done, &J->mu);
    pthread_mutex_unlock(&J->mu);
    if (s->next < s->n) {
      size_t i = s->next++;
      *p = s->pc[i];
      *d = s->doc[i];
      *err = s->err[i];
      s->doc[i] = NULL;
      if (!opts_equal(&s->used[i], J->live)) { /* analysed with other options: again */
        sj_doc_free(*d);
        *d = NULL;
        *err = sj_analyze(J->m, p->s, p->len, J->live, d);
      }
      return 1;
    }
    J->inflight -= s->tlen;
    J->head++; /* the slot is free: refilled at the top */
  }
}

int jobs_map(int threads, piece_fn next, void *ctx, job_fn fn, void *fctx, FILE *out) {
  sj_options none;
  memset(&none, 0, sizeof none);
  jobset *J;
  if (jobs_start(&J, NULL, threads, next, ctx, &none, 0)) { jobs_end(J); return JOBS_ENOMEM; }
  J->fn = fn; /* read by the threads only once a batch is sent (under the lock) */
  J->fctx = fctx;
  int status = 0;
  if (!J->threads) { /* one thread: piece by piece, straight to out */
    int r = 0;
    while (status >= 0 && (r = next(ctx, &J->rp)) > 0) {
      int k = fn(fctx, J->rp.s, J->rp.len, out);
      if (k < 0) status = k; else status |= k;
    }
    if (status >= 0 && r < 0) status = JOBS_EREAD;
    jobs_end(J);
    return status;
  }
  for (;;) {
    if (refill(J)) { status = JOBS_ENOMEM; break; }
    if (J->head == J->fill) { if (J->in_err) status = JOBS_EREAD; break; }
    slot *s = &J->slot[J->head % J->k];
    pthread_mutex_lock(&J->mu);
    while (!s->done) pthread_cond_wait(&J->done, &J->mu);
    pthread_mutex_unlock(&J->mu);
    if (s->olen && fwrite(s->obuf, 1, s->olen, out) != s->olen) { status = JOBS_EWRITE; break; }
    if (s->ostatus < 0) { status = s->ostatus; break; }
    status |= s->ostatus;
    J->inflight -= s->tlen;
    J->head++;
  }
  jobs_end(J);
  return status;
}

void jobs_end(jobset *J) {
  if (!J) return;
  if (J->threads) {
    pthread_mutex_lock(&J->mu);
    J->stop = 1;
    pthread_cond_broadcast(&J->work);
    pthread_mutex_unlock(&J->mu);
    for (int i = 0; i < J->ntid; i++) pthread_join(J->tid[i], NULL);
    pthread_cond_destroy(&J->done);
    pthread_cond_destroy(&J->work);
    pthread_mutex_destroy(&J->mu);
  }
  for (size_t k = 0; J->slot && k < J->k; k++) {
    slot *s = &J->slot[k];
    /* a slot taken by a thread was analysed before the join returned */
    for (size_t i = 0; s->doc && i < s->n; i++) sj_doc_free(s->doc[i]);
    free(s->text);
    free(s->pc);
    free(s->off);
    free(s->doc);
    free(s->err);
    free(s->used);
    free(s->obuf);
  }
  free(J->slot);
  free(J->tid);
  free(J);
}
