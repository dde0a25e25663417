/* tag_ent.h — what the files of the entity stage share (tag_ent.c and the
 * groups it drives: tag_ent_person.c, tag_ent_org.c, tag_ent_place.c, tag_ent_country.c,
 * tag_ent_name.c).  Internal to those files. */
#ifndef SJ_TAG_ENT_H
#define SJ_TAG_ENT_H
#include "tag_int.h"

#include <string.h>

/* "not mine": a group's step returns it when the token is none of its
 * business (else the token to go on from) */
#define SJ_TE_NONE ((size_t)-1)

/* the gazetteer kinds of entities */
#define SJ_TE_ENT (SJ_K_COUNTRY | SJ_K_ORG | SJ_K_PERSON | SJ_K_PLACE | SJ_K_MIL | SJ_K_GOV | \
                   SJ_K_TITLE | SJ_K_ABBR)

#define TRANS_MIN 1.0f   /* mean ratio of a transliterated name's chars */

/* the length of the code point at i if it is c, else 0 (bounded) */
static inline size_t cp_is(const sj_tg *g, size_t i, uint32_t c) {
  uint32_t cp;
  int l = sj_t_dec(g->s, g->n, i, &cp);
  return cp == c ? (size_t)l : 0;
}
/* token t is an opening quote “ */
static inline int open_quote(const sj_tg *g, size_t t) {
  return t < g->ntok && g->tok[t].end - g->tok[t].start == 3 && cp_is(g, g->tok[t].start, 0x201C);
}
/* token t is white space (ASCII or ideographic) */
static inline int space_tok(const sj_tg *g, size_t t) {
  uint32_t cp;
  sj_t_dec(g->s, g->n, g->tok[t].start, &cp);
  return cp == ' ' || cp == 0x3000;
}
static inline int is_punct_cp(uint32_t cp) {
  return cp < 0x80 ? (cp != '-' && !(cp >= '0' && cp <= '9') &&
                      !((cp | 32) >= 'a' && (cp | 32) <= 'z'))
                   : ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x2010 && cp <= 0x206F));
}
/* the token ending at i (or containing i-1) */
static inline size_t tok_before(const sj_tg *g, size_t i) {
  if (i == 0) return (size_t)-1;
  size_t t = sj_tg_tok_at(g, i - 1);
  return t < g->ntok ? t : (size_t)-1;
}

/* tag_ent_util.c: shared helpers */
sj_mention *sj_te_emit_actor(sj_tg *g, size_t a, size_t b, const char *type, const sj_codes *c,
                             const char *org);
sj_mention *sj_te_emit_place(sj_tg *g, size_t a, size_t b, const sj_codes *c);
const char *sj_te_lex_word_pos(sj_tg *g, size_t a, size_t b);
const char *sj_te_context_country(const sj_tg *g);
const char *sj_te_last_country(const sj_tg *g);
int sj_te_place_context(sj_tg *g, size_t a);
int sj_te_list_of_units(sj_tg *g, size_t t);
const char *sj_te_body_before(sj_tg *g, size_t a, char buf[4]);
const char *sj_te_abbr_code(sj_tg *g, size_t a, size_t l, char buf[4]);
int sj_te_code_named(const sj_tg *g, const char *code);

/* tag_ent_person.c: persons */
float sj_te_translit_mean(sj_tg *g, size_t a, size_t b, float *max);
int sj_te_name_shape(sj_tg *g, size_t a, size_t b);
size_t sj_te_name_after(sj_tg *g, size_t i);
const char *sj_te_pmem_find(const sj_tg *g, size_t a, size_t b);
int sj_te_translit_piece(sj_tg *g, size_t t);
size_t sj_te_title_more(sj_tg *g, size_t e);
void sj_te_emit_person(sj_tg *g, size_t a, size_t b, const char *country, int shape);
size_t sj_te_person_known(sj_tg *g, size_t t);
size_t sj_te_person_token(sj_tg *g, size_t t);
size_t sj_te_person_before_title(sj_tg *g, size_t t);
size_t sj_te_person_acting(sj_tg *g, size_t t);
size_t sj_te_listed_oov(sj_tg *g, size_t t);
size_t sj_te_listed_person(sj_tg *g, size_t t, const sj_gaz_hit *h, int nh);
size_t sj_te_person_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f);
size_t sj_te_title_hit(sj_tg *g, size_t t, size_t j);
void sj_te_persons_again(sj_tg *g, size_t nsorted);
void sj_te_persons_coded_later(sj_tg *g, size_t nsorted);

/* tag_ent_org.c: organisations, bodies, the military */
int sj_te_inst_kind(sj_tg *g, size_t a, size_t b);
size_t sj_te_inst_chain(sj_tg *g, size_t e, int *kind);
const char *sj_te_inst_type(int k);
size_t sj_te_inst_alone(sj_tg *g, size_t t);
size_t sj_te_named_org(sj_tg *g, size_t t, uint32_t hany);
size_t sj_te_that_inst(sj_tg *g, size_t t);
size_t sj_te_org_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f);
size_t sj_te_mil_hit(sj_tg *g, size_t t, size_t j);
size_t sj_te_gov_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f);

/* tag_ent_place.c: places */
size_t sj_te_translit_place(sj_tg *g, size_t t);
size_t sj_te_topic_len(sj_tg *g, size_t e);
size_t sj_te_seg_place(sj_tg *g, size_t t);
size_t sj_te_prov_abbr(sj_tg *g, size_t t);
size_t sj_te_facility_after(sj_tg *g, size_t e, int nouns);
int sj_te_list_of_places(sj_tg *g, size_t e);
size_t sj_te_place_name_after(sj_tg *g, size_t e, size_t *end);
size_t sj_te_place_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f);

/* tag_ent_country.c: countries and abbreviations */
size_t sj_te_we_pair(sj_tg *g, size_t t, uint32_t hany);
size_t sj_te_visit_abbr(sj_tg *g, size_t t);
size_t sj_te_country(sj_tg *g, size_t t, size_t j, const sj_gfield *f, int abbr);
void sj_te_groups_by_count(sj_tg *g, size_t nsorted);
void sj_te_pairs_ahead(sj_tg *g, size_t nsorted);

/* tag_ent_name.c: names */
size_t sj_te_ship(sj_tg *g, size_t t, uint32_t hany);
size_t sj_te_designation(sj_tg *g, size_t t);
size_t sj_te_model_name(sj_tg *g, size_t t);
#endif
