/* tag_int.h — state shared by tag.c, tag_ent.c and tag_event.c. */
#ifndef SJ_TAG_INT_H
#define SJ_TAG_INT_H
#include "core.h"
#include "tag.h"

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
  size_t hits_at;        /* cache of the last sj_gaz_match */
  int nhits;
  sj_gaz_hit hits[12];
} sj_tg;

int sj_tg_payload(const char *payload, const char *kind, sj_gfield *f);
size_t sj_tg_gaz(sj_tg *g, size_t i, const char *kind, sj_gfield *f);
int sj_tg_match(sj_tg *g, size_t i, sj_gaz_hit **h); /* cached sj_gaz_match */
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
