/* tag_int.h — state shared by tag.c, tag_ent.c and tag_event.c. */
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
  const char *label;
  const char *ctx;       /* '|'-separated words, one needed in the sentence */
  uint32_t ctxlen;
} sj_trig;

/* gazetteer kinds as bits (one look-up says which kinds a surface has) */
enum {
  SJ_K_COUNTRY = 1u << 0, SJ_K_ABBR = 1u << 1, SJ_K_ORG = 1u << 2, SJ_K_MIL = 1u << 3,
  SJ_K_GOV = 1u << 4, SJ_K_TITLE = 1u << 5, SJ_K_PLACE = 1u << 6, SJ_K_PLACESUFFIX = 1u << 7,
  SJ_K_NAMESUFFIX = 1u << 8, SJ_K_TRIGGER = 1u << 9, SJ_K_SURNAME = 1u << 10,
  SJ_K_PERSON = 1u << 11
};
/* the bit of a kind name of length l (0: unknown) */
static inline uint32_t sj_kind_bit(const char *k, size_t l) {
  switch (l) {
  case 3: return k[0] == 'o' ? SJ_K_ORG : k[0] == 'm' ? SJ_K_MIL : k[0] == 'g' ? SJ_K_GOV : 0;
  case 4: return k[0] == 'a' ? SJ_K_ABBR : 0;
  case 5: return k[0] == 't' ? SJ_K_TITLE : k[0] == 'p' ? SJ_K_PLACE : 0;
  case 6: return k[0] == 'p' ? SJ_K_PERSON : 0;
  case 7: return k[0] == 'c' ? SJ_K_COUNTRY : k[0] == 't' ? SJ_K_TRIGGER :
                 k[0] == 's' ? SJ_K_SURNAME : 0;
  case 10: return k[0] == 'n' ? SJ_K_NAMESUFFIX : 0;
  case 11: return k[0] == 'p' ? SJ_K_PLACESUFFIX : 0;
  default: return 0;
  }
}

#define SJ_GMAX 12
/* The gazetteer hits at one position, with the kinds of each hit parsed
 * once.  Blocks live in the doc's arena: a pointer stays valid for the
 * whole analysis, whatever is looked up after it. */
typedef struct sj_gcache {
  int n;
  uint32_t any;            /* union of the kinds of all hits */
  const uint32_t *k;       /* kinds per hit [n] */
  const sj_gaz_hit *h;     /* hits [n], shortest first */
} sj_gcache;

/* memo of look-ups: open addressing on the byte position */
typedef struct sj_gslot {
  uint32_t key;            /* position + 1; 0 = empty */
  const sj_gcache *c;
} sj_gslot;

#define SJ_KCACHE 256
typedef struct sj_kslot {  /* kinds of a payload string, by its address */
  const char *p;
  uint32_t k;
} sj_kslot;

typedef struct sj_tg {
  sj_doc *d;
  const sj_model *m;
  const char *s;
  size_t n;
  const sj_token *tok;
  size_t ntok;
  int want_events;
  int err;
  sj_tctx tc;
  int maxy, maxm, maxd;  /* latest date named (reference estimate) */
  sj_vec needref, needctx;
  sj_vec trig;           /* sj_trig */
  sj_codes pair;         /* the last multi-party actor (两国, 双方) */
  sj_codes recent;       /* the last distinct single codes */
  size_t pair_at, recent_at[2];
  size_t last_end;       /* end of the last actor/place mention */
  int last_place;        /* it was a place */
  int last_person;       /* it was a person */
  uint8_t *tb;           /* per byte: 1 = a token starts here (n + 1 bytes) */
  size_t *tokhint;       /* last answer of sj_tg_tok_at (look-ups cluster) */
  uint32_t *gidx;        /* per byte: 0 not looked up, 1 no hits, k: gblk[k-2] */
  const sj_gcache **gblk; /* hit blocks of looked-up positions (malloc'd) */
  size_t nblk, capblk;
  sj_gslot *gm;          /* memo of gazetteer look-ups for huge texts (no gidx) */
  size_t gcap, gused;    /* slots (a power of 2) and slots in use */
  sj_kslot kc[SJ_KCACHE]; /* payload -> kind bits */
  struct sj_stop { uint32_t a, b; } *stop; /* clause stops of one sentence */
  size_t nstop, capstop;
  struct sj_mark { uint32_t at, f; } *mark; /* negation/future/hypothesis words */
  size_t nmark, capmark;
} sj_tg;

int sj_tg_grow_stops(sj_tg *g);
int sj_tg_payload(const char *payload, const char *kind, sj_gfield *f);
int sj_tg_match(sj_tg *g, size_t i, sj_gaz_hit **h); /* cached sj_gaz_match */
const sj_gcache *sj_tg_hits_slow(sj_tg *g, size_t i);
extern const sj_gcache *const sj_tg_nohits;
/* the gazetteer hits at i, with kinds per hit (memoised: one walk per
 * position and analysis) */
static inline const sj_gcache *sj_tg_hits(sj_tg *g, size_t i) {
  if (g->gidx && i < g->n) {
    uint32_t v = g->gidx[i];
    if (v) return v == 1 ? sj_tg_nohits : g->gblk[v - 2];
  }
  return sj_tg_hits_slow(g, i);
}
/* the longest entry of kind bit k at i: its length (0 none) and fields */
size_t sj_tg_gazk(sj_tg *g, size_t i, uint32_t k, sj_gfield *f);
/* the same by kind name (a literal: its length folds at compile time) */
static inline size_t sj_tg_gaz(sj_tg *g, size_t i, const char *kind, sj_gfield *f) {
  return sj_tg_gazk(g, i, sj_kind_bit(kind, strlen(kind)), f);
}
size_t sj_tg_tok_at(const sj_tg *g, size_t i);
int sj_tg_is_tstart(const sj_tg *g, size_t i);
int sj_tg_is_tend(const sj_tg *g, size_t i);
const char *sj_tg_pos(const sj_tg *g, size_t t);
sj_mention *sj_tg_add(sj_tg *g, size_t a, size_t b, int kind);
char *sj_tg_str(sj_tg *g, const char *s, size_t n);

void sj_codes_add(sj_codes *c, const char *code, size_t l);
void sj_codes_merge(sj_codes *c, const sj_codes *o);
void sj_codes_parse(sj_codes *c, const char *s);
int sj_codes_has(const sj_codes *c, const char *code);
char *sj_codes_str(sj_tg *g, const sj_codes *c);

/* tag_ent.c */
int sj_tg_title(sj_tg *g, size_t i, size_t *end);  /* 《…》 */
void sj_tg_quote(sj_tg *g, size_t i);              /* “…” names */
size_t sj_tg_entity(sj_tg *g, size_t t);           /* actors, places, names */
void sj_tg_names_fix(sj_tg *g);
/* tag_event.c */
void sj_tg_trigger(sj_tg *g, size_t t);
int sj_tg_events(sj_tg *g);
#endif
