/* tag_int.h — the tagger's state (sj_tg) and the interfaces between its
 * files: the shared helpers (tag_util.c) first, then the stages in their
 * order (tag_ref.c, tag_num.c, tag_ent.c, tag_event.c), driven by sj_tag
 * (tag.c).  A stage calls only the helpers and earlier stages
 * (tools/check_layers.lua). */
#ifndef SJ_TAG_INT_H
#define SJ_TAG_INT_H
#include "core.h"
#include "tag.h"

#include <string.h>

#define SJ_MAXCODES 12
typedef struct sj_codes {
  char c[SJ_MAXCODES][4];
  int n;
} sj_codes;

typedef struct sj_gfield { /* the fields of one gazetteer payload line */
  const char *s[4];
  size_t l[4];
  int n;
} sj_gfield;

typedef struct sj_trig { /* a trigger found by the scan */
  uint32_t start, end;
  uint32_t tok;          /* index of its first token */
  char cameo[4];
  char hint;             /* 0 (verb), 'L' light noun, 'W' weak, 'V' support
                            verb, 'S' saying verb, 'R' subject is target */
  const char *label;     /* in the payload: not NUL-terminated (labellen) */
  uint32_t labellen;
  const char *ctx;       /* '|'-separated words, one needed in the sentence */
  uint32_t ctxlen;
  uint8_t user;          /* given by the caller (sj_options.triggers): kept */
  uint8_t joint;         /* the caller says both sides act together */
  uint8_t speaks;        /* a statement noun a saying verb makes speak
                            (联合声明强调): the record, not that verb */
} sj_trig;

/* The gazetteer hits at one position (all kinds, shortest first), kept in
 * a small direct-mapped cache of sj_tg: a pointer to one stays valid until
 * the next look-up at a position of the same slot. */
#define SJ_GMAX 12
#define SJ_GCACHE 64
typedef struct sj_gcache {
  uint32_t key;            /* position + 1; 0 = empty */
  int n;
  uint32_t any;            /* union of the kinds of all hits */
  sj_gaz_hit h[SJ_GMAX];   /* shortest first; h[q].kinds */
} sj_gcache;

/* Parsed payload lines, by (payload, kind) pointers: the same few triggers
 * and entities recur through a text, and a payload costs hundreds of
 * instructions to parse.  Direct-mapped; ok is sj_tg_payload's answer. */
#define SJ_PCACHE 256
#define SJ_CCACHE 1024 /* cue look-ups (sj_tg_cue): stages ask the same ones */
#define SJ_PSCACHE 1024 /* sj_tg_start: what starts with the character at i */
#define SJ_LBCACHE 256 /* sj_tg_cue_mask: the list's classes per class set */
#define SJ_CIDCACHE 512 /* cue class ids by name pointer: ~150 classes are asked */
typedef struct sj_pcache {
  const char *payload;     /* NULL = empty */
  const char *kind;
  int ok;
  sj_gfield f;             /* valid when ok */
} sj_pcache;

typedef struct sj_tg {
  sj_doc *d;
  const sj_model *m;
  const char *s;
  size_t n;
  const sj_token *tok;
  size_t ntok;
  int want_events;
  int no_vague;    /* SJ_TAG_NO_VAGUE: no vague references, no durations of unknown count */
  int err;
  sj_tctx tc;
  int maxy, maxm, maxd;  /* latest date named (reference estimate) */
  sj_vec needref, needctx;
  /* datelines (tag_ref.c): sj_dline regions, the next one to enter, the
   * document's own reference while none is active */
  sj_vec dl;
  size_t idl;
  int dl_on;
  sj_tctx tc0;
  sj_vec trig;           /* sj_trig */
  sj_codes pair;         /* the last multi-party actor (两国, 双方) */
  sj_codes recent;       /* the last distinct single codes */
  size_t pair_at, recent_at[2];
  size_t last_end;       /* end of the last actor/place mention */
  int last_place;        /* it was a place */
  int last_person;       /* it was a person */
  uint8_t *tb;           /* bit per byte: a token starts here (n + 1 bits) */
  size_t *tokhint;       /* last answer of sj_tg_tok_at (look-ups cluster) */
  struct sj_stop { uint32_t a, b; } *stop; /* clause stops of one sentence */
  size_t nstop, capstop;
  struct sj_mark { uint32_t at, f; } *mark; /* negation/future/hypothesis words */
  size_t nmark, capmark;
  /* persons named so far with their code (tag_ent.c): a later mention of
   * the same name keeps it (克林顿 after 美国总统克林顿) */
  struct sj_pmem { uint32_t a, b; char code[4]; } pmem[32];
  int npmem;
  const sj_trigger *user; /* caller triggers (sj_options) */
  size_t nuser;
  /* caches last (sj_tag clears only their keys, not their bodies) */
  sj_gcache gc[SJ_GCACHE]; /* gazetteer hits by position (slot: i % SJ_GCACHE) */
  sj_pcache pc[SJ_PCACHE]; /* parsed payload lines (sj_tg_payload) */
  struct sj_ccache { uint32_t at; uint16_t len; int16_t cls; } cc[SJ_CCACHE];
                         /* sj_tg_cue answers by (position + 1, class id) */
  struct sj_pstart { uint32_t at; uint16_t kinds, cues; } ps[SJ_PSCACHE];
                         /* by position + 1: the gazetteer kinds and the set of
                            cue classes of the entries starting with its char */
  struct sj_clsid { const char *name; int id; } cid[SJ_CIDCACHE];
                         /* cue class ids by the callers' literals (pointers),
                            open addressing, never evicted */
  size_t ncid;
  const char *const *pfx;  /* sj_tg_cue_pfx: the last prefix list asked */
  uint64_t pfxmask[4];     /* and the classes whose names start with one */
  const char *const *mcls; /* sj_tg_cue_mask: the last class list asked */
  int mn, mid[32];         /* and its ids */
  struct sj_lbits { uint32_t set, bits; } lb[SJ_LBCACHE];
                           /* which of them a set of cue classes holds */
} sj_tg;

/* !strcmp(a, b) and !memcmp(a, b, l), inlined: the tagger compares short
 * words and tags, where a libc call costs more than the compare */
static inline int sj_streq(const char *a, const char *b) {
  while (*b) {
    if (*a != *b) return 0;
    a++;
    b++;
  }
  return *a == 0;
}
static inline int sj_eqn(const char *a, const char *b, size_t l) {
  for (size_t k = 0; k < l; k++)
    if (a[k] != b[k]) return 0;
  return 1;
}

/* ---- shared helpers (tag_util.c) ---- */
int sj_tg_grow_stops(sj_tg *g);
/* the fields of the line of `kind` in a gazetteer payload: 1 and *f filled
 * (when f), or 0 and *f untouched (cached in g->pc) */
int sj_tg_payload(sj_tg *g, const char *payload, const char *kind, sj_gfield *f);
/* the name of one kind bit ("country" for SJ_K_COUNTRY; "" if unknown) */
const char *sj_tg_kind_name(uint32_t k);
const sj_gcache *sj_tg_hits_slow(sj_tg *g, size_t i);
extern const sj_gcache *const sj_tg_nohits;
/* the gazetteer hits at i (cached; see sj_gcache) */
static inline const sj_gcache *sj_tg_hits(sj_tg *g, size_t i) {
  const sj_gcache *c = &g->gc[i & (SJ_GCACHE - 1)];
  if (c->key == i + 1) return c;
  return sj_tg_hits_slow(g, i);
}
/* the longest entry of kind bit k (SJ_K_*) at i: its length (0 none) and
 * the fields of its line of that kind */
size_t sj_tg_gazk(sj_tg *g, size_t i, uint32_t k, sj_gfield *f);
/* the longest entry of a suffix kind in k that ends exactly at b and starts
 * at or after a (the reversed trie): its length (0 none) and fields */
size_t sj_tg_gaz_end(sj_tg *g, size_t a, size_t b, uint32_t k, sj_gfield *f);
/* Cue words (kind `cue`, dict/gaz/cues-*.tsv): the length of the longest
 * cue of class cls (e.g. "report", "neg") starting at byte i, or 0;
 * sj_tg_cue_tok: token t is exactly such a cue (its length) or 0. */
int sj_tg_cls_slow(sj_tg *g, const char *cls, size_t h);
/* the id of cue class cls (-1: no entry has it); the names are the callers'
 * literals, so a pointer stands for its class */
static inline int sj_tg_cls(sj_tg *g, const char *cls) {
  size_t h = (size_t)(((uintptr_t)cls * (uintptr_t)0x9E3779B97F4A7C15ull) >> 24) & (SJ_CIDCACHE - 1);
  if (g->cid[h].name == cls) return g->cid[h].id;
  return sj_tg_cls_slow(g, cls, h);
}
size_t sj_tg_cue_look(sj_tg *g, size_t i, int id);
const struct sj_pstart *sj_tg_start_slow(sj_tg *g, size_t i);
/* the kinds of the gazetteer entries and the cue classes of the cues that
 * start with the character at i (cached by position: the stages ask about
 * the same positions one after another) */
static inline const struct sj_pstart *sj_tg_start(sj_tg *g, size_t i) {
  const struct sj_pstart *e = &g->ps[i & (SJ_PSCACHE - 1)];
  if (e->at == i + 1) return e;
  return sj_tg_start_slow(g, i);
}
/* sj_gaz_start_kinds at i, cached */
static inline uint32_t sj_tg_start_kinds(sj_tg *g, size_t i) { return sj_tg_start(g, i)->kinds; }
static inline size_t sj_tg_cue(sj_tg *g, size_t i, const char *cls) {
  uint32_t set = sj_tg_start(g, i)->cues;
  /* most asks end here: no cue of the class starts with the character */
  if (!set) return 0;
  int id = sj_tg_cls(g, cls);
  return sj_cue_has(&g->m->img, set, id) ? sj_tg_cue_look(g, i, id) : 0;
}
static inline size_t sj_tg_cue_tok(sj_tg *g, size_t t, const char *cls) {
  if (t >= g->ntok) return 0;
  size_t a = g->tok[t].start, l = sj_tg_cue(g, a, cls);
  return l == g->tok[t].end - a ? l : 0;
}
/* the length of the longest cue of class cls ending exactly at b, starting
 * at a or later (up to five characters): 0 if none */
size_t sj_tg_cue_end(sj_tg *g, size_t a, size_t b, const char *cls);
/* Does the set of cue classes s (sj_gaz_hit.cues; 0 none) hold a class
 * whose name starts with one of pfx[0..n)?  sj_tg_cue_pfx_at: may a cue of
 * such a class start at i (the first character's set)?  Filters for a stage
 * that reads the class names itself. */
int sj_tg_cue_pfx(sj_tg *g, uint32_t s, const char *const *pfx, int n);
static inline int sj_tg_cue_pfx_at(sj_tg *g, size_t i, const char *const *pfx, int n) {
  uint32_t s = sj_tg_start(g, i)->cues;
  return s && sj_tg_cue_pfx(g, s, pfx, n);
}
unsigned sj_tg_cue_mask(sj_tg *g, size_t i, const char *const *cls, int n, size_t *len);
size_t sj_tg_tok_at_slow(const sj_tg *g, size_t i);
/* index of the token containing byte i (or the first one after) */
static inline size_t sj_tg_tok_at(const sj_tg *g, size_t i) {
  if (g->tokhint) {
    size_t h = *g->tokhint;
    if (h < g->ntok && g->tok[h].end > i && (h == 0 || g->tok[h - 1].end <= i)) return h;
  }
  return sj_tg_tok_at_slow(g, i);
}
static inline int sj_tg_is_tstart(const sj_tg *g, size_t i) {
  if (g->tb) return i <= g->n && (g->tb[i >> 3] >> (i & 7) & 1);
  size_t t = sj_tg_tok_at(g, i);
  return t < g->ntok && g->tok[t].start == i;
}
static inline int sj_tg_is_tend(const sj_tg *g, size_t i) {
  if (i >= g->n) return 1;
  return sj_tg_is_tstart(g, i);
}
static inline const char *sj_tg_pos(const sj_tg *g, size_t t) {
  if (t >= g->ntok || !g->tok[t].pos) return "x";
  return g->tok[t].pos;
}
sj_mention *sj_tg_add(sj_tg *g, size_t a, size_t b, int kind);
char *sj_tg_str(sj_tg *g, const char *s, size_t n);

void sj_codes_add(sj_codes *c, const char *code, size_t l);
void sj_codes_merge(sj_codes *c, const sj_codes *o);
void sj_codes_parse(sj_codes *c, const char *s);
int sj_codes_has(const sj_codes *c, const char *code);
char *sj_codes_str(sj_tg *g, const sj_codes *c);
/* the scan leaves mentions nearly sorted: sort them (by start, longest
 * first, kind); sj_tg_merge_tail: [0, p) sorted, [p, n) appended since:
 * sort the tail and merge it in */
void sj_tg_sort_mentions(sj_doc *d);
void sj_tg_merge_tail(sj_tg *g, size_t p);

/* tag_ref.c: the reference date per paragraph (datelines) and the last
 * time named */
typedef struct sj_dline { size_t a, b; int y, m, d; } sj_dline;
int sj_tg_datelines(sj_tg *g);                     /* find them; 0 or SJ_ENOMEM */
void sj_tg_ref_step(sj_tg *g, size_t i);           /* g->tc for a position */
void sj_tg_note_time(sj_tg *g, const char *value); /* 当时, 当年 */
/* vague references (目前 = PRESENT_REF, when vague) and sets (每年 = P1Y)
 * from the cue classes of dict/gaz/cues-time.tsv, after the events (they
 * date none); appended to the mentions; 0 or SJ_ENOMEM */
int sj_tg_vague(sj_tg *g, int vague);

/* tag_num.c: the document's reference date; time and quantity mentions
 * at a token start (1 and *end, or 0); after the scan, times that needed an
 * unknown reference month re-resolved */
void sj_tg_ref_date(sj_tg *g);
int sj_tg_time(sj_tg *g, size_t i, size_t *end);
int sj_tg_qty(sj_tg *g, size_t t, size_t *end);
void sj_tg_fix_needref(sj_tg *g);

/* tag_ent.c */
int sj_tg_title(sj_tg *g, size_t i, size_t *end);  /* 《…》 */
void sj_tg_quote(sj_tg *g, size_t i);              /* “…” names */
size_t sj_tg_entity(sj_tg *g, size_t t);           /* actors, places, names */
void sj_tg_names_fix(sj_tg *g);
/* tag_event.c */
void sj_tg_trigger(sj_tg *g, size_t t);
int sj_tg_events(sj_tg *g);
int sj_tg_user_ok(const sj_doc *d, const sj_trigger *t, size_t n); /* caller triggers valid? */
#endif
