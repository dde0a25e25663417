/*
 * tag_ent_place.c — places (the entity stage's group of places; tag_ent.c
 * drives it): gazetteer places, the segmenter's place names ending in an
 * administrative suffix (each unit its own place: 山东省 + 莱阳市),
 * transliterated names before a place suffix, and a place before an
 * institution or its people as an actor.
 */
#include "tag_ent.h"

#include <string.h>

/* A transliterated name (over the pieces the segmenter cut off) followed by
 * a place suffix as a word of its own (X州, X港: gazetteer placesuffix) is
 * a place of the context's country.  Its end, 0 if none. */
size_t sj_te_translit_place(sj_tg *g, size_t t) {
  const char *p = sj_tg_pos(g, t);
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (!((p[0] == 'n' && (p[1] == 'r' || p[1] == 'z' || p[1] == 's')) || sj_streq(p, "x")) || b - a < 6 ||
      b - a > 18 || g->tok[t].start < g->last_end)
    return 0;
  if (sj_te_translit_mean(g, a, b, NULL) < TRANS_MIN) return 0; /* its first piece too */
  /* then the suffix, one to three tokens on, then the pieces */
  size_t u = t + 1;
  while (u < g->ntok && u <= t + 3 &&
         sj_tg_gazk(g, g->tok[u].start, SJ_K_PLACESUFFIX, NULL) != g->tok[u].end - g->tok[u].start)
    u++;
  if (u >= g->ntok || u > t + 3) return 0;
  for (size_t q = t + 1; q < u; q++)
    if (!sj_te_translit_piece(g, q)) return 0;
  b = g->tok[u - 1].end;
  if (sj_te_translit_mean(g, a, b, NULL) < TRANS_MIN) return 0;
  size_t sb = g->tok[u].end;
  const sj_gcache *gc = sj_tg_hits(g, a);
  if (gc->any & (SJ_K_COUNTRY | SJ_K_ORG | SJ_K_GOV | SJ_K_PERSON | SJ_K_PLACE)) return 0;
  sj_codes c;
  c.n = 0;
  /* a transliteration names a foreign place: the last foreign country */
  const char *lc = NULL;
  size_t nm = g->d->mentions.n;
  for (size_t q = nm; q-- > 0 && q + 40 > nm && !lc;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, q);
    if ((m->kind == SJ_PLACE || m->kind == SJ_ACTOR) && m->codes && strlen(m->codes) == 3 &&
        !sj_streq(m->codes, "CHN"))
      lc = m->codes;
  }
  if (lc) sj_codes_add(&c, lc, 3);
  sj_te_emit_place(g, a, sb, &c);
  return sb;
}

/* the length of a topic word at e that makes the country before it a
 * place (cue class topic_place: 伊拉克问题), also after one modifier
 * (class country_modifier: 东南亚金融风波); 0 if none */
size_t sj_te_topic_len(sj_tg *g, size_t e) {
  size_t lp = sj_tg_cue(g, e, "topic_place");
  if (lp) return lp;
  size_t lm = sj_tg_cue(g, e, "country_modifier");
  if (!lm || !sj_tg_is_tend(g, e + lm)) return 0;
  lp = sj_tg_cue(g, e + lm, "topic_place");
  return lp && sj_tg_is_tend(g, e + lm + lp) ? lm + lp : 0;
}

/* people after e behind one or two modifiers (香港 | 知名 | 爱国人士: a
 * token ending in a word of cue class people_after) */
static int people_ahead(sj_tg *g, size_t e) {
  size_t t = sj_tg_tok_at(g, e);
  for (int hop = 0; hop < 3 && t < g->ntok && g->tok[t].start == e; hop++, t++) {
    const char *p = sj_tg_pos(g, t);
    size_t b = g->tok[t].end;
    if (hop > 0 && p[0] == 'n' && sj_tg_cue_end(g, e, b, "people_after")) return 1;
    if (hop == 2 || !(p[0] == 'a' || p[0] == 'b' || (p[0] == 'v' && b - e <= 6))) return 0;
    e = b;
  }
  return 0;
}

/* A place [a, e) in another role (the end of what was decided, 0 if it is
 * a place): before an institution, one actor with the place's country
 * (河北省财政厅, 香港政府物料供应处: organisations and bodies of a city or a
 * province); before people (cue class people_after: 香港同胞), an actor;
 * before a noun it only modifies (cue classes country_modifier,
 * region_group: 亚洲经济, 欧洲国家), nothing.  The country of a topic
 * (亚洲金融危机) stays a place. */
static size_t place_role(sj_tg *g, size_t a, size_t e, const sj_codes *c) {
  size_t lm = sj_tg_cue(g, e, "country_modifier"), lp = sj_te_topic_len(g, e);
  if (lp && lp >= lm) return 0;
  if (lm && sj_tg_is_tend(g, e + lm)) return e;
  size_t lr = sj_tg_cue(g, e, "region_group");
  if (lr && sj_tg_is_tend(g, e + lr)) return e;
  int pc = sj_te_place_context(g, a);
  size_t tn = sj_tg_tok_at(g, e);
  const char *pn = tn < g->ntok && g->tok[tn].start == e ? sj_tg_pos(g, tn) : "x";
  /* 欧洲建设, 欧洲政策: a region before a noun only modifies it */
  if (!c->n && !pc && (pn[0] == 'n' || pn[0] == 'b' || sj_streq(pn, "vn") || sj_streq(pn, "an")) &&
      pn[1] != 's' && !sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, NULL))
    return e;
  if (!c->n || pc) return 0;
  /* 同台湾进行往来: a partner is the polity (not in a list of places,
   * 苏格兰与威尔士, nor before 的: 与湖南省的张家界) */
  size_t tp = tok_before(g, a), kd = sj_tg_cue(g, e, "country_of"), td = sj_tg_tok_at(g, e + kd);
  /* (…nor before 的 and a place: 与湖南省的张家界; 同台湾的民间往来 is) */
  int de_place = kd && (sj_tg_gazk(g, e + kd, SJ_K_PLACE | SJ_K_COUNTRY, NULL) ||
                        (td < g->ntok && sj_streq(sj_tg_pos(g, td), "ns")));
  if (c->n == 1 && tp != (size_t)-1 && sj_tg_cue_tok(g, tp, "partner_prep") && sj_tg_is_tend(g, e) &&
      !(g->last_place && g->last_end == g->tok[tp].start) && !de_place) {
    sj_te_emit_actor(g, a, e, "country", c, NULL);
    return e;
  }
  /* 沈阳市就提出, 汕头市即采取: a city or province acting at a clause start
   * is its government */
  size_t tb = tok_before(g, a);
  size_t ta = sj_tg_tok_at(g, a);
  if (sj_tg_cue(g, e - 3, "admin_suffix") && ta < g->ntok && g->tok[ta].end == e &&
      (pn[0] == 'd' || (pn[0] == 'v' && pn[1] != 'n') || sj_streq(pn, "i")) &&
      (tb == (size_t)-1 || sj_streq(sj_tg_pos(g, tb), "x"))) {
    sj_te_emit_actor(g, a, e, "government", c, NULL);
    return e;
  }
  int ik = 0;
  size_t ie = sj_te_inst_chain(g, e, &ik);
  if (ie && ik == 'P') return ie;
  if (ie) {
    sj_te_emit_actor(g, a, ie, sj_te_inst_type(ik), c, NULL);
    return ie;
  }
  size_t lq = sj_tg_cue(g, e, "people_after");
  if ((lq && sj_tg_is_tend(g, e + lq)) || people_ahead(g, e)) {
    sj_te_emit_actor(g, a, e, "country", c, NULL);
    return e;
  }
  return 0;
}

/* A place at the head of a longer token (台湾当局, 台湾同胞): an actor when
 * the rest of the token is an institution word or its people.  The end,
 * 0 if not. */
static size_t place_in_token(sj_tg *g, size_t a, size_t e, const sj_codes *c) {
  size_t t = sj_tg_tok_at(g, e);
  if (!c->n || t >= g->ntok || g->tok[t].start >= e) return 0;
  size_t b = g->tok[t].end;
  int k = sj_te_inst_kind(g, e, b);
  if (k && k != 'P' && sj_tg_cue_end(g, e, b, k == 'G' ? "inst_gov" : k == 'M' ? "inst_mil" : "inst_org") == b - e) {
    sj_te_emit_actor(g, a, b, sj_te_inst_type(k), c, NULL);
    return b;
  }
  if (sj_tg_cue(g, e, "people_after") == b - e) {
    sj_te_emit_actor(g, a, e, "country", c, NULL);
    return b;
  }
  /* the segmenter's organisation name headed by the place (澳门中华总商会/nt)
   * ending in an institution word: one actor, the institution going on */
  if (k && k != 'P' && g->tok[t].start == a && sj_streq(sj_tg_pos(g, t), "nt")) {
    int k2 = 0;
    size_t e2 = sj_te_inst_chain(g, b, &k2);
    if (e2 && k2 != 'P') { b = e2; k = k2; }
    sj_te_emit_actor(g, a, b, sj_te_inst_type(k), c, NULL);
    return b;
  }
  return 0;
}

/* The country of a place the gazetteer does not know: the country of a
 * place named just before it (山东省莱阳市, 魁北克省和安大略省), else of a
 * Chinese administrative unit CHN, else the last country named. */
static void place_code(sj_tg *g, size_t a, sj_codes *c) {
  c->n = 0;
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 4 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_ACTOR && m->end == a && sj_streq(m->type, "country") && m->codes &&
        strlen(m->codes) == 3) { sj_codes_add(c, m->codes, 3); return; } /* 日本长野 */
    if (m->kind != SJ_PLACE || m->end + 6 < a || m->end > a) continue;
    if (m->codes && strlen(m->codes) == 3) { sj_codes_add(c, m->codes, 3); return; }
  }
  if (sj_tg_cue(g, g->tok[sj_tg_tok_at(g, a)].end - 3, "admin_suffix")) { sj_codes_add(c, "CHN", 3); return; }
  if (g->recent.n) sj_codes_add(c, g->recent.c[g->recent.n - 1], 3);
}

/* a word ending in an administrative suffix that is a common word: its
 * stem is a lexicon word other than a proper noun (自治 | 区, 商业 | 区), or
 * it is none and its last two characters are (全球 | 股市) */
static int common_adm_word(sj_tg *g, size_t a, size_t b) {
  const char *p1 = sj_te_lex_word_pos(g, a, b - 3), *p2 = sj_te_lex_word_pos(g, b - 6, b);
  int n1 = p1 && p1[0] == 'n' && p1[1] && strchr("rsz", p1[1]);
  int n2 = p2 && p2[0] == 'n' && p2[1] && strchr("rsz", p2[1]);
  return p1 ? !n1 : (p2 && !n2);
}

/* A place name of the segmenter the gazetteer does not know (鹤山市, 那霸市,
 * 太岳区): a token tagged ns of 2-6 Han characters, or a name-like token
 * ending in an administrative suffix (尚义县/nr); a place, or an actor or
 * nothing by its role (place_role).  The end, 0 if none. */
/* A building after a place name ending at e (上海 | 证券 | 大厦, 长城 |
 * 饭店): up to `nouns` common nouns, then a token that is a facility suffix
 * (dict/gaz/names.tsv: placesuffix facility); the end, 0 if none. */
size_t sj_te_facility_after(sj_tg *g, size_t e, int nouns) {
  size_t t = sj_tg_tok_at(g, e);
  for (int hop = 0; hop <= nouns && t < g->ntok && g->tok[t].start == e; hop++, t++) {
    size_t a = g->tok[t].start, b = g->tok[t].end;
    sj_gfield f;
    if (sj_tg_gazk(g, a, SJ_K_PLACESUFFIX, &f) == b - a && f.n && f.l[0] == 8 && !memcmp(f.s[0], "facility", 8))
      return hop > 0 || b - a >= 6 ? b : 0;
    const char *p = sj_tg_pos(g, t);
    if (p[0] != 'n' || p[1] == 'r' || p[1] == 's' || b - a > 9) return 0;
    e = b;
  }
  return 0;
}

size_t sj_te_seg_place(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  if (b - a < 6 || b - a > 18 || (b - a) % 3) return 0;
  for (size_t i = a; i < b; i += 3)
    if ((unsigned char)g->s[i] < 0xE4 || (unsigned char)g->s[i] > 0xE9) return 0;
  /* 鹤山市, 尚义县: a name of 3+ characters ending in an administrative
   * suffix; 长野: a place word after 在/赴/到 (not a class of countries:
   * 外国, 大国, cue class not_place_end) */
  size_t fe = sj_streq(p, "ns") ? sj_te_facility_after(g, b, 0) : 0;
  if (fe) {
    sj_codes c;
    place_code(g, a, &c);
    sj_te_emit_place(g, a, fe, &c);
    return fe;
  }
  int adm = p[0] == 'n' && strchr("rsz", p[1]) && b - a >= 9 && sj_tg_cue(g, b - 3, "admin_suffix") &&
            !common_adm_word(g, a, b);
  int ctx = sj_streq(p, "ns") && sj_te_place_context(g, a);
  int lst = !adm && !ctx && (p[0] == 'n' || p[0] == 'x') && b - a <= 12 ? sj_te_list_of_units(g, t) : 0;
  if ((!adm && !ctx && !lst) || sj_tg_cue(g, b - 3, "not_place_end")) return 0;
  sj_codes c;
  place_code(g, a, &c);
  if (lst == 'C' && !c.n) sj_codes_add(&c, "CHN", 3);
  size_t re = place_role(g, a, b, &c);
  if (re) return re;
  sj_te_emit_place(g, a, b, &c);
  return b;
}

/* A country ending at e is in a list that names a place that is no
 * country (新加坡、泰国、澳门、台湾): the list is of places */
int sj_te_list_of_places(sj_tg *g, size_t e) {
  for (int item = 0; item < 8; item++) {
    size_t t = sj_tg_tok_at(g, e);
    if (t >= g->ntok || g->tok[t].start != e || !sj_tg_cue_tok(g, t, "place_list")) return 0;
    e = g->tok[t].end;
    size_t lc = sj_tg_gazk(g, e, SJ_K_COUNTRY, NULL), lp = sj_tg_gazk(g, e, SJ_K_PLACE, NULL);
    if (lp > lc && sj_tg_is_tend(g, e + lp)) return 1;
    if (!lc || !sj_tg_is_tend(g, e + lc)) return 0;
    e += lc;
  }
  return 0;
}

/* After a country ending at e, (的 and) a place name the gazetteer does not
 * know: a token the lexicon tags ns, or an unknown transliterated name that
 * is no known person (日本长野, 澳大利亚霍巴特举行): its start, *end its end;
 * 0 if none */
size_t sj_te_place_name_after(sj_tg *g, size_t e, size_t *end) {
  size_t k = sj_tg_cue(g, e, "country_of");
  size_t t = sj_tg_tok_at(g, e + k);
  if (t >= g->ntok || g->tok[t].start != e + k) return 0;
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  if (b - a < 6 || b - a > 18 || (unsigned char)g->s[a] < 0xE4 || (unsigned char)g->s[a] > 0xE9)
    return 0;
  sj_tmatch tm;
  if (sj_time_at(&g->tc, g->s, g->n, a, &tm)) return 0; /* 智利北京时间3日: a time */
  const sj_gcache *gc = sj_tg_hits(g, a);
  if (gc->any & (SJ_K_COUNTRY | SJ_K_ORG | SJ_K_GOV | SJ_K_MIL | SJ_K_TITLE | SJ_K_PERSON))
    return 0;
  /* (an abbreviation only at its head is fine: 巴 | 伦西亚) */
  for (int q = 0; q < gc->n; q++)
    if ((gc->h[q].kinds & SJ_K_ABBR) && gc->h[q].len >= 6) return 0;
  int ns = p[0] == 'n' && p[1] == 's' && !p[2];
  int fn = ((p[0] == 'n' && (p[1] == 'r' || p[1] == 'z')) || sj_streq(p, "x")) &&
           sj_te_name_shape(g, a, b) == 'F' && !sj_te_pmem_find(g, a, b);
  if (!ns && !fn) return 0;
  /* a transliteration goes on over the pieces the segmenter cut off */
  for (int hop = 0; hop < 2 && t + 1 < g->ntok && g->tok[t + 1].start == b && sj_te_translit_piece(g, t + 1); hop++)
    b = g->tok[++t].end;
  *end = b;
  return a;
}

/* a place of the gazetteer at token t ending at j (its fields f) */
size_t sj_te_place_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f) {
  size_t i = g->tok[t].start, a = i;
  sj_codes c;
  c.n = 0;
  if (f->n && !(f->l[0] == 1 && f->s[0][0] == '-')) sj_codes_add(&c, f->s[0], f->l[0]);
  size_t e = j;
  /* 高加索-2020: a name with a number, not the place */
  if (j + 1 < g->n && g->s[j] == '-' && g->s[j + 1] >= '0' && g->s[j + 1] <= '9')
    return sj_tg_tok_at(g, j) > t ? sj_tg_tok_at(g, j) : t + 1;
  /* 北阿拉伯海: a direction before a sea or region is part of its name */
  if (f->n >= 2 && (f->l[1] == 3 || f->l[1] == 6) &&
      (!memcmp(f->s[1], "sea", 3) || !memcmp(f->s[1], "region", 6)) && t > 0 &&
      g->tok[t - 1].end == i && g->tok[t - 1].start + 3 == i &&
      sj_tg_cue(g, i - 3, "direction") == 3 &&
      g->last_end <= i - 3)
    a = i - 3;
  size_t ls = sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, NULL);
  /* (the suffix a word of its own or ending one: not 亚洲 | 市场) */
  if (ls && !sj_tg_is_tend(g, e + ls)) ls = 0;
  if (ls) e += ls;
  size_t re = ls ? 0 : place_in_token(g, a, e, &c);
  if (re) return sj_tg_tok_at(g, re);
  /* 拉美国家, 西欧国家 (one word): a class of countries */
  if (!sj_tg_is_tend(g, e) && sj_tg_cue(g, e, "region_group") &&
      sj_tg_is_tend(g, e + sj_tg_cue(g, e, "region_group")))
    return sj_tg_tok_at(g, e);
  /* 北京人民大会堂/nt: a city and a named building in one token, two
   * places */
  if (!ls && !sj_tg_is_tend(g, e)) {
    size_t te = sj_tg_tok_at(g, e), tb = te < g->ntok ? g->tok[te].end : e;
    sj_gfield fs;
    size_t lf = tb > e + 6 ? sj_tg_gaz_end(g, e + 3, tb, SJ_K_PLACESUFFIX, &fs) : 0;
    if (lf && tb - e > lf && fs.n && fs.l[0] == 8 && !memcmp(fs.s[0], "facility", 8) &&
        !sj_te_inst_kind(g, e, tb)) {
      sj_te_emit_place(g, a, e, &c);
      sj_te_emit_place(g, e, tb, &c);
      return sj_tg_tok_at(g, tb);
    }
  }
  if (!sj_tg_is_tend(g, e)) {
    /* 贝鲁特港, 莫斯科红场: the rest of the token (not a verb: 香港 | 回归) */
    size_t te = sj_tg_tok_at(g, e);
    const char *pr = te < g->ntok ? sj_te_lex_word_pos(g, e, g->tok[te].end) : NULL;
    if (te < g->ntok && g->tok[te].end - e <= 6 && !(pr && pr[0] == 'v'))
      e = g->tok[te].end;
  }
  /* 上海证券大厦: a building named after the place */
  size_t fe = ls ? 0 : sj_te_facility_after(g, e, 2);
  if (fe) {
    sj_te_emit_place(g, a, fe, &c);
    return sj_tg_tok_at(g, fe);
  }
  re = place_role(g, a, e, &c);
  if (re) return sj_tg_tok_at(g, re);
  /* a place then a suffixed place: 贝鲁特港口区 */
  sj_te_emit_place(g, a, e, &c);
  return sj_tg_tok_at(g, e);
}

/* A Chinese province's or city's one-character abbreviation as a place
 * (cue classes prov_abbr: CHN, prov_abbr_hkg: HKG): the tail of a token
 * after a cue of class at_prefix (来京, 抵沪, 滞港), or a token of its own
 * after a preposition of place (在 | 京, 赴 | 沪).  The end, 0 if none. */
size_t sj_te_prov_abbr(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end, k = 0;
  if (b - a == 6) k = sj_tg_cue(g, a, "at_prefix");
  else if (b - a != 3 || !sj_te_place_context(g, a)) return 0;
  if (b - a - k != 3) return 0;
  const char *code = sj_tg_cue(g, a + k, "prov_abbr") == 3       ? "CHN"
                     : sj_tg_cue(g, a + k, "prov_abbr_hkg") == 3 ? "HKG"
                                                                 : NULL;
  if (!code) return 0;
  sj_codes c;
  c.n = 0;
  sj_codes_add(&c, code, 3);
  sj_te_emit_place(g, a + k, b, &c);
  return b;
}
