/*
 * tag_ent.c — actors, places and names over the gazetteer kinds of
 * dict/gaz (country, abbr, org, mil, gov, title, place, placesuffix,
 * namesuffix, person, surname): the driver of the entity stage,
 * sj_tg_entity, which asks its groups in turn at each token.  The groups:
 * persons (tag_ent_person.c), organisations, bodies and the military
 * (tag_ent_org.c), places (tag_ent_place.c), countries and abbreviations
 * (tag_ent_country.c), names (tag_ent_name.c); each uses the shared helpers
 * (tag_ent_util.c, tag_ent.h) and the groups before it in that list
 * (tools/check_layers.lua checks it).
 */
#include "tag_ent.h"

#include <string.h>

/* Does a hit shorter than h[q], of a country or an abbreviation, end at a
 * token end (德 | 国防部长 against 德国)? */
static int abbr_ends_token(const sj_gaz_hit *h, int q, sj_tg *g, size_t i) {
  if (!(h[q].kinds & SJ_K_COUNTRY)) return 0;
  for (int r = q; r-- > 0;)
    if ((h[r].kinds & (SJ_K_ABBR | SJ_K_COUNTRY)) && sj_tg_is_tend(g, i + h[r].len)) return 1;
  return 0;
}

/* The hit of h[0..nh) (shortest first) that the entity stage takes at i:
 * the longest of an entity kind that ends a token, or an abbreviation,
 * country, organisation or place inside one; its kind in *bk (in order of
 * preference); -1 if none. */
static int best_hit(sj_tg *g, size_t i, const sj_gaz_hit *h, int nh, uint32_t *bk) {
  static const uint32_t KBIT[] = {SJ_K_COUNTRY, SJ_K_ORG, SJ_K_PERSON, SJ_K_PLACE, SJ_K_MIL,
                                  SJ_K_GOV, SJ_K_TITLE, SJ_K_ABBR};
  for (int q = nh - 1; q >= 0; q--) {
    if (!(h[q].kinds & SJ_TE_ENT)) continue;
    int tend = sj_tg_is_tend(g, i + h[q].len);
    if (!tend && abbr_ends_token(h, q, g, i)) continue;
    for (int kk = 0; kk < (int)(sizeof KBIT / sizeof *KBIT); kk++) {
      if (!tend && h[q].len <= 9 && kk != 3 && kk != 7 && kk != 0 && kk != 1) continue;
      if (h[q].kinds & KBIT[kk]) {
        *bk = KBIT[kk];
        return q;
      }
    }
  }
  return -1;
}

/* A token the gazetteer knows words at: the group of the kind of its best
 * hit (or a place of the segmenter when no entity word starts there). */
static size_t by_kind(sj_tg *g, size_t t, const sj_gaz_hit *h, int nh, uint32_t hany) {
  size_t i = g->tok[t].start, k;
  if (!(hany & SJ_TE_ENT)) {
    if ((k = sj_te_seg_place(g, t))) return sj_tg_tok_at(g, k);
    return t + 1;
  }
  uint32_t bk = 0;
  int best = best_hit(g, i, h, nh, &bk);
  if (best < 0) return t + 1;
  /* 中南海/ns: a place name of the segmenter that only starts with an
   * abbreviation (中; not a chain of them: 中巴) */
  if (bk == SJ_K_ABBR && i + h[best].len < g->tok[t].end && sj_streq(sj_tg_pos(g, t), "ns") &&
      !sj_tg_gazk(g, i + h[best].len, SJ_K_ABBR, NULL) && (k = sj_te_seg_place(g, t)))
    return sj_tg_tok_at(g, k);
  sj_gfield f;
  f.n = 0;
  sj_tg_payload(g, h[best].payload, sj_tg_kind_name(bk), &f);
  size_t j = i + h[best].len;
  switch (bk) {
  case SJ_K_COUNTRY: return sj_te_country(g, t, j, &f, 0);
  case SJ_K_ABBR: return sj_te_country(g, t, j, &f, 1);
  case SJ_K_ORG: return sj_te_org_hit(g, t, j, &f);
  case SJ_K_PERSON: return sj_te_person_hit(g, t, j, &f);
  case SJ_K_PLACE: return sj_te_place_hit(g, t, j, &f);
  case SJ_K_MIL: return sj_te_mil_hit(g, t, j);
  case SJ_K_GOV: return sj_te_gov_hit(g, t, j, &f);
  case SJ_K_TITLE: return sj_te_title_hit(g, t, j);
  default: return t + 1;
  }
}

/* The entity at token t, if any: emitted; the token to go on from. */
size_t sj_tg_entity(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start, r, k;
  sj_gaz_hit h[SJ_GMAX];
  const sj_gcache *gc0 = sj_tg_hits(g, i);
  int nh = gc0->n;
  uint32_t hany = gc0->any;
  if (nh > 0) memcpy(h, gc0->h, (size_t)nh * sizeof *h);
  /* 我国, 我军; 两国, 双方 */
  if ((r = sj_te_we_pair(g, t, hany)) != SJ_TE_NONE) return r;
  /* persons by their names, transliterated places, organisations by
   * their names */
  if ((k = sj_te_person_known(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_translit_place(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_person_token(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_person_before_title(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_person_acting(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_inst_alone(g, t))) return sj_tg_tok_at(g, k);
  if ((k = sj_te_named_org(g, t, hany))) return sj_tg_tok_at(g, k);
  if ((hany & SJ_K_CUE) && (k = sj_te_that_inst(g, t))) return sj_tg_tok_at(g, k);
  if ((r = sj_te_ship(g, t, hany)) != SJ_TE_NONE) return r;
  if ((r = sj_te_model_name(g, t)) != SJ_TE_NONE) return r;
  if (sj_te_visit_abbr(g, t)) return t + 1;
  if ((hany & SJ_K_CUE) || (sj_tg_start_kinds(g, g->tok[t].start) & SJ_K_CUE)) {
    if ((k = sj_te_prov_abbr(g, t))) return sj_tg_tok_at(g, k);
  }
  if (!nh) {
    /* a word the gazetteer does not know */
    if ((r = sj_te_designation(g, t)) != SJ_TE_NONE) return r;
    if ((r = sj_te_listed_oov(g, t)) != SJ_TE_NONE) return r;
    if ((k = sj_te_seg_place(g, t))) return sj_tg_tok_at(g, k);
    return t + 1;
  }
  if ((r = sj_te_listed_person(g, t, h, nh)) != SJ_TE_NONE) return r;
  return by_kind(g, t, h, nh, hany);
}
