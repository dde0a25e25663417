/*
 * tag_ent_country.c — countries and abbreviations (the entity stage's group of
 * countries; tag_ent.c drives it): 我国/我军, 两国/双方 resolved to the
 * parties just named, gazetteer countries, abbreviation chains (中俄 → CHN
 * RUS), X方, a lone abbreviation by its role in the clause, and what follows
 * a country: its military, government, titles and persons, institutions,
 * places.
 */
#include "tag_ent.h"

#include <string.h>

/* a lone abbreviation (token ta) acting: at a clause start, after a
 * conjunction, a verb (表示德再也不能…), a time or a localizer (期间), or a
 * particle, before a verb, an adverb or 的 (俄负责…, 美才开始…) */
static int abbr_role_before(sj_tg *g, size_t tb) {
  const char *pb = tb == (size_t)-1 ? "x" : sj_tg_pos(g, tb);
  return tb == (size_t)-1 || pb[0] == 'c' || (pb[0] == 'x' && !sj_tg_cue_tok(g, tb, "list_sep")) ||
         (pb[0] == 'v' && pb[1] != 'n') || pb[0] == 't' || pb[0] == 'f' || (pb[0] == 'u' && pb[1] == 'g') ||
         pb[0] == 'l';
}
static int abbr_role(sj_tg *g, size_t tb, size_t ta) {
  if (!abbr_role_before(g, tb)) return 0;
  if (ta + 1 >= g->ntok) return 0;
  const char *pn = sj_tg_pos(g, ta + 1);
  return (pn[0] == 'v' && pn[1] != 'n') || pn[0] == 'd' || sj_streq(pn, "ad") || sj_streq(pn, "uj") ||
         pn[0] == 'p' || sj_tg_cue_tok(g, ta + 1, "act_prep");
}

/* 访华, 对美: the country visited or addressed is an actor (the token's
 * tail, after a cue of class visit_prefix); 来华, 在美: the country of a
 * place prefix (class at_prefix) is a place */
size_t sj_te_visit_abbr(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  size_t k = sj_tg_cue(g, a, "visit_prefix");
  int place = 0;
  if (!k && (k = sj_tg_cue(g, a, "at_prefix"))) place = 1;
  if (!k || b - a <= k) return 0;
  sj_gfield f;
  size_t l = sj_tg_gazk(g, a + k, SJ_K_ABBR, &f);
  if (l != b - a - k || !f.n) return 0;
  sj_codes c;
  c.n = 0;
  char kb[4];
  if (sj_te_abbr_code(g, a + k, l, kb)) sj_codes_add(&c, kb, 3);
  else sj_codes_add(&c, f.s[0], f.l[0]);
  if (place) sj_te_emit_place(g, a + k, b, &c);
  else sj_te_emit_actor(g, a + k, b, "country", &c, NULL);
  return b;
}

/* A lone abbreviation joined by the segmenter to the word after it (俄会,
 * 美将: an unknown word, the rest a verb or an adverb of the lexicon): the
 * abbreviation acts.  Its end, 0 if not. */
static size_t abbr_glued(sj_tg *g, size_t t, size_t e) {
  const char *p = sj_tg_pos(g, t);
  size_t b = g->tok[t].end;
  if (b <= e || b - e > 6 || !(sj_streq(p, "nz") || sj_streq(p, "x") || sj_streq(p, "j")))
    return 0;
  const char *pr = sj_te_lex_word_pos(g, e, b);
  return pr && (pr[0] == 'v' || pr[0] == 'd') && pr[1] != 'n' ? e : 0;
}

/* a lone abbreviation (token ta) before a conjunction and a party (加和智利
 * 签署, 加与拉美国家): one side of a pair */
static int abbr_pair(sj_tg *g, size_t ta) {
  if (ta + 2 >= g->ntok || !sj_tg_cue_tok(g, ta + 1, "pair_conj")) return 0;
  size_t n = g->tok[ta + 2].start;
  return sj_tg_gazk(g, n, SJ_K_COUNTRY | SJ_K_ABBR | SJ_K_ORG | SJ_K_PLACE, NULL) != 0;
}

/* extend an actor over 两国/两军/双方, 方, military, government and title
 * words; *type is updated.  Returns the new end. */
static size_t actor_suffix(sj_tg *g, size_t j, int abbr, const char **type, int *mil) {
  size_t k;
  sj_gfield f;
  if (abbr < 0) { abbr = 0; }
  else if ((k = sj_tg_cue(g, j, "pair_ref"))) {
    /* 两军: the armies; 双方: the sides, nothing after; 两国 (元首) */
    if (sj_tg_cue(g, j, "pair_ref_mil") == k) { *type = "military"; return j + k; }
    if (sj_tg_cue(g, j, "pair_side") == k) return j + k;
    j += k;
  }
  if (abbr && (k = sj_tg_cue(g, j, "side")) && !sj_tg_cue(g, j, "not_side"))
    return j + k;
  for (int round = 0; round < 3; round++) {
    size_t lm = sj_tg_gazk(g, j, SJ_K_MIL, &f);
    size_t lg = sj_tg_gazk(g, j, SJ_K_GOV, NULL);
    size_t lt = sj_tg_gazk(g, j, SJ_K_TITLE, NULL);
    /* 日本前首相, 立陶宛新总统: a prefix of the title (cue class title_prefix) */
    /* …or of a leader word (两国最高领导人, 捷克新政府) */
    if (!lt && (k = sj_tg_cue(g, j, "title_prefix")) &&
        ((lt = sj_tg_gazk(g, j + k, SJ_K_TITLE, NULL)) || (lt = sj_tg_gazk(g, j + k, SJ_K_GOV, NULL))))
      lt += k;
    if (abbr && !lm && (k = sj_tg_cue(g, j, "abbr_mil")))
      lm = k;
    if (lm && !sj_tg_is_tend(g, j + lm)) lm = 0;
    if (lg && !sj_tg_is_tend(g, j + lg)) lg = 0;
    if (lt && !sj_tg_is_tend(g, j + lt)) lt = 0;
    if (*mil && (lg || lt)) break;
    if (lm && lm >= lg && lm >= lt) { j += lm; *type = "military"; *mil = 1; continue; }
    if (lg && lg >= lt) { j += lg; if (!*mil) *type = "government"; continue; }
    if (lt) { j += lt; if (!*mil) *type = "government"; continue; }
    /* one modifier token then a military word: 中国维和官兵 */
    if (round == 0 && !abbr) {
      size_t t = sj_tg_tok_at(g, j);
      if (t < g->ntok && g->tok[t].start == j) {
        size_t l = g->tok[t].end - j;
        const char *p = sj_tg_pos(g, t);
        if (l <= 6 && (p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b' || p[0] == 'j') &&
            sj_tg_gazk(g, g->tok[t].end, SJ_K_MIL, NULL)) {
          size_t lm2 = sj_tg_gazk(g, g->tok[t].end, SJ_K_MIL, NULL);
          j = g->tok[t].end + lm2; *type = "military"; *mil = 1;
          continue;
        }
      }
    }
    break;
  }
  if (*mil == 0 && sj_streq(*type, "government")) {
    j += sj_tg_cue(g, j, "role_suffix");
  }
  return j;
}

/* 两国 with fewer than two countries named: the countries of the persons
 * named (钱其琛 … 南非 … 两国 = CHN, ZAF), latest first */
static sj_codes pair_with_persons(const sj_tg *g) {
  sj_codes c = g->recent;
  for (int k = g->npmem; k-- > 0 && c.n < 2;)
    if (g->pmem[k].code[0] && !sj_codes_has(&c, g->pmem[k].code)) {
      memcpy(c.c[c.n], g->pmem[k].code, 4);
      c.n++;
    }
  /* …the countries of the places named (委内瑞拉的巴伦西亚, 汕头: CHN, VEN) */
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 40 > nm && c.n < 2;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_PLACE && m->codes && strlen(m->codes) == 3 && !sj_codes_has(&c, m->codes))
      sj_codes_add(&c, m->codes, 3);
  }
  if (c.n < 2) c.n = 0;
  return c;
}

/* Is the token starting at j made of abbreviations only (哈吉, not 加强)? */
static int abbr_word(sj_tg *g, size_t j) {
  size_t t = sj_tg_tok_at(g, j);
  if (t >= g->ntok || g->tok[t].start != j) return 0;
  size_t e = g->tok[t].end, l;
  while (j < e && (l = sj_tg_gazk(g, j, SJ_K_ABBR, NULL)) > 0) j += l;
  return j == e;
}

/* the single code of the actor mention that ends at a (into buf), NULL if
 * none */
static const char *actor_code_at(sj_tg *g, size_t a, char buf[4]) {
  size_t nm = g->d->mentions.n;
  if (!nm) return NULL;
  const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, nm - 1);
  if (m->kind != SJ_ACTOR || m->end != a || !m->codes || strlen(m->codes) != 3) return NULL;
  memcpy(buf, m->codes, 4);
  return buf;
}

/* 我国 / 我军 / 我方 / 我 (the Chinese press speaking of China) at token t:
 * kw the length of the cue of class we, kc of we_country, km of we_mil */
static size_t we_word(sj_tg *g, size_t t, size_t kw, size_t kc, size_t km) {
  size_t i = g->tok[t].start;
  sj_codes c;
  c.n = 0;
  const char *type = NULL;
  int mil = 0;
  if (kc) {
    sj_codes_add(&c, "CHN", 3);
    size_t e = i + kc;
    type = "country";
    e = actor_suffix(g, e, 0, &type, &mil);
    sj_te_emit_actor(g, i, e, type, &c, NULL);
    return sj_tg_tok_at(g, e);
  }
  if (km) {
    sj_codes_add(&c, "CHN", 3);
    sj_te_emit_actor(g, i, i + km, "military", &c, NULL);
    return sj_tg_tok_at(g, i + km);
  }
  if (g->tok[t].end == i + kw && t > 0) {
    size_t tb = t - 1;
    const char *pn = sj_tg_pos(g, t + 1);
    /* …and 我驻美大使: 我 before 驻 */
    if (sj_tg_cue_tok(g, tb, "wo_before") || sj_tg_cue_tok(g, t + 1, "inst_link") ||
        (t + 1 < g->ntok && (pn[0] == 'a' || pn[0] == 'n') && !open_quote(g, tb))) {
      if (t + 1 < g->ntok && (pn[0] == 'a' || pn[0] == 'n' || pn[0] == 'v' || pn[0] == 'd')) {
        sj_codes_add(&c, "CHN", 3);
        sj_te_emit_actor(g, i, i + kw, "country", &c, NULL);
        return t + 1;
      }
    }
  }
  return t + 1;
}

/* 两国 / 两军 / 双方 (a cue of class pair_ref of length k; two_mil: of
 * class pair_ref_mil) at token t: the parties just named */
static size_t pair_word(sj_tg *g, size_t t, size_t k, int two_mil) {
  size_t i = g->tok[t].start;
  sj_codes c;
  int mil = 0;
  if (g->recent.n == 2 && (!g->pair.n || g->recent_at[0] > g->pair_at)) c = g->recent;
  else if (g->pair.n) c = g->pair;
  else c = pair_with_persons(g);
  if (!c.n) return t + 1;
  const char *type = two_mil ? "military" : "country";
  size_t e = i + k;
  if (sj_tg_cue(g, e, "pair_keep")) {
    /* 两国关系: still the two countries */
  } else {
    e = actor_suffix(g, e, -1, &type, &mil);
  }
  sj_mention *m = sj_tg_add(g, i, e, SJ_ACTOR);
  if (m) { m->type = type; m->codes = sj_codes_str(g, &c); }
  g->last_end = e; g->last_place = 0;
  return sj_tg_tok_at(g, e);
}

/* 三方, 四方 (a numeral of 3 to 9 and a side word, token t): the parties
 * last named, as many as the numeral says (卢森堡和开曼群岛金融当局接触，
 * 三方…: with the speaker's country before them); the token to go on from,
 * or SJ_TE_NONE when fewer were named */
static size_t group_sides(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  uint32_t cp;
  if (g->tok[t].end - i != 6 || sj_t_dec(g->s, g->n, i, &cp) != 3) return SJ_TE_NONE;
  long n = sj_cn_digit(cp);
  if (n < 3 || n > 9 || sj_tg_cue(g, i + 3, "side") != 3) return SJ_TE_NONE;
  sj_codes c;
  c.n = 0;
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 40 > nm && c.n < n;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind != SJ_ACTOR || !m->codes) continue;
    for (const char *p = m->codes; strlen(p) >= 3 && c.n < n; p += p[3] ? 4 : 3) {
      if (!sj_codes_has(&c, p)) sj_codes_add(&c, p, 3);
      if (!p[3]) break;
    }
  }
  if (c.n != n) return SJ_TE_NONE;
  sj_te_emit_actor(g, i, i + 6, "country", &c, NULL);
  return t + 1;
}

/* 我国, 我军, 两国, 双方 at token t (hany: the kinds of the gazetteer's
 * words there): the token to go on from, or SJ_TE_NONE */
size_t sj_te_we_pair(sj_tg *g, size_t t, uint32_t hany) {
  size_t i = g->tok[t].start;
  /* the cues asked at every token, in one pass over the payloads */
  static const char *const TOP[] = {"we", "we_country", "we_mil", "pair_ref", "pair_ref_mil"};
  enum { C_WE, C_WE_COUNTRY, C_WE_MIL, C_PAIR, C_PAIR_MIL };
  size_t tl[5] = {0, 0, 0, 0, 0};
  unsigned char b0 = (unsigned char)g->s[i]; /* they are Han words: not at punctuation */
  unsigned tm = (hany & SJ_K_CUE) && b0 >= 0xE4 && b0 <= 0xE9 ? sj_tg_cue_mask(g, i, TOP, 5, tl) : 0;
  size_t kw = tm >> C_WE & 1 ? tl[C_WE] : 0;
  if (kw) return we_word(g, t, kw, tl[C_WE_COUNTRY], tl[C_WE_MIL]);
  if (tl[C_PAIR]) return pair_word(g, t, tl[C_PAIR], tl[C_PAIR_MIL] != 0);
  return group_sides(g, t);
}

/* a country or abbreviations being tagged: the hit [a, base_end) at token
 * t, the actor [a, e) */
typedef struct cty {
  size_t t, a, base_end, e;
  sj_codes c;
  const char *type;
  int abbr;  /* 0 a country's name, 1 abbreviations, 2 中非 (Africa a party) */
  int mil;
  int inst;  /* institution words follow the actor (美国 | 芝加哥伊利诺伊大学) */
} cty;

/* The country words from j on: a chain of abbreviations (中俄, 中日韩; 中非:
 * Africa joins as a non-country party), a state suffix after a country's
 * name (马耳他共和国).  Their end. */
static size_t country_words(sj_tg *g, cty *x, size_t j) {
  size_t k;
  sj_gfield f;
  if (x->abbr) {
    /* a chain of abbreviations: 中俄, 中日韩 */
    for (;;) {
      size_t l2 = sj_tg_gazk(g, j, SJ_K_ABBR, &f);
      size_t lc = sj_tg_gazk(g, j, SJ_K_COUNTRY, NULL);
      if (lc > l2 && !sj_tg_is_tend(g, j + lc)) lc = 0;
      if (!l2 || lc > l2 || x->c.n >= 6) break;
      if (sj_tg_cue(g, j, "abbr_chain_stop")) break;
      /* 俄 | 加强: a chain goes on into a word only if it is all
       * abbreviations (俄白 | 哈吉) */
      if (sj_tg_is_tend(g, j) && !abbr_word(g, j)) break;
      /* …and into a function word (比赛中 | 以２∶１) only before a word
       * of the parties (巴以双方, 巴以关系) */
      if (sj_tg_is_tend(g, j) && strchr("pcu", sj_tg_pos(g, sj_tg_tok_at(g, j))[0]) &&
          !sj_tg_cue(g, j + l2, "pair_ref") && !sj_tg_cue(g, j + l2, "side") &&
          !sj_tg_cue(g, j + l2, "pair_keep"))
        break;
      char kb[4];
      if (sj_te_abbr_code(g, j, l2, kb)) sj_codes_add(&x->c, kb, 3);
      else if (f.n) sj_codes_add(&x->c, f.s[0], f.l[0]);
      j += l2;
    }
  }
  /* 中非: Africa joins as a non-country party */
  if (x->abbr && sj_tg_cue(g, j, "abbr_africa") && !sj_tg_cue(g, j, "not_africa")) {
    j += 3;
    x->abbr = 2;
  }
  if (!x->abbr && x->c.n == 1 && (k = sj_tg_cue(g, j, "state_suffix")) && sj_tg_is_tend(g, j + k))
    j += k; /* 马耳他共和国, 阿尔及利亚民主人民共和国 */
  return j;
}

/* 中国驻俄罗斯大使李凤林 (tbl: the token before the country, 驻): the host
 * country in a title is not annotated; the person is of the country before
 * 驻.  The token to go on from, or SJ_TE_NONE. */
static size_t host_title(sj_tg *g, const cty *x, size_t tbl) {
  if (tbl == (size_t)-1 || !sj_tg_cue_tok(g, tbl, "inst_link") || x->c.n != 1) return SJ_TE_NONE;
  size_t lt = sj_tg_gazk(g, x->base_end, SJ_K_TITLE, NULL);
  if (!lt || !sj_tg_is_tend(g, x->base_end + lt)) return SJ_TE_NONE;
  size_t te = sj_te_title_more(g, x->base_end + lt), ne = sj_te_name_after(g, te);
  if (ne) {
    char kb[4];
    const char *code = actor_code_at(g, g->tok[tbl].start, kb);
    int sh = sj_te_name_shape(g, te, ne);
    sj_te_emit_person(g, te, ne, code, sh ? sh : 'C');
    return sj_tg_tok_at(g, ne);
  }
  return sj_tg_tok_at(g, te);
}

/* A bare chain of abbreviations [a, base_end) (nothing joined after it):
 * SJ_TE_NONE if it is an actor, else the token to go on from (a glued one
 * is emitted here) */
static size_t bare_abbr(sj_tg *g, cty *x) {
  size_t a = x->a, base_end = x->base_end, t = x->t;
  int chain = (int)((base_end - a) / 3);
  if (x->c.n < 2 && x->abbr != 2) {
    /* a single abbreviation alone: only as its own token after a
     * preposition, or before 对/向 (美对台军售) */
    size_t tb = tok_before(g, a);
    size_t ta = sj_tg_tok_at(g, a);
    int own = ta < g->ntok && g->tok[ta].start == a && g->tok[ta].end == base_end;
    int ok = own && chain == 1 && !sj_tg_cue(g, a, "abbr_weak");
    if (ok) {
      ok = (tb != (size_t)-1 && (sj_tg_cue_tok(g, tb, "act_prep") || sj_tg_cue_tok(g, tb, "place_prep"))) ||
           sj_tg_cue(g, base_end, "abbr_before") || abbr_role(g, tb, ta);
    }
    if (!ok && own && chain == 1 && abbr_role_before(g, tb) && abbr_pair(g, ta)) ok = 1;
    /* 俄会与…: glued to a verb or an adverb at a clause start */
    if (!ok && chain == 1 && ta < g->ntok && g->tok[ta].start == a && !sj_tg_cue(g, a, "abbr_weak") &&
        abbr_glued(g, ta, base_end) && abbr_role_before(g, tb)) {
      sj_te_emit_actor(g, a, base_end, "country", &x->c, NULL);
      return t + 1;
    }
    /* in a list of countries (美、俄、法、日等) any abbreviation */
    if (!ok && own && chain == 1 && tb != (size_t)-1 && sj_tg_cue_tok(g, tb, "list_sep") &&
        g->last_end + 3 >= a && !g->last_place && !g->last_person)
      ok = 1;
    /* …and the first of them (中、俄、哈…): another lone abbreviation after
     * the separator */
    if (!ok && own && chain == 1 && ta + 2 < g->ntok && sj_tg_cue_tok(g, ta + 1, "list_sep") &&
        g->tok[ta + 2].end - g->tok[ta + 2].start == 3 &&
        sj_tg_gazk(g, g->tok[ta + 2].start, SJ_K_ABBR, NULL) == 3 && ta + 3 < g->ntok &&
        (sj_tg_cue_tok(g, ta + 3, "list_sep") || sj_tg_cue_tok(g, ta + 3, "pair_conj")))
      ok = 1;
    if (!ok) return t + 1;
  } else {
    /* …and start one that is no adjective (新 | 老华侨) */
    size_t ta = sj_tg_tok_at(g, a);
    if (ta < g->ntok && g->tok[ta].end == a + 3 && sj_streq(sj_tg_pos(g, ta), "a")) return t + 1;
    /* 2+ abbreviations must end a token (not 美德, 中新社) */
    if (!sj_tg_is_tend(g, base_end) && !sj_tg_cue(g, base_end, "chain_end_ok") &&
        !abbr_glued(g, sj_tg_tok_at(g, a), base_end))
      return t + 1;
    /* a function word of the lexicon made of abbreviations (加以) */
    const char *pt = sj_tg_pos(g, t);
    if (g->tok[t].end == base_end && strchr("vdcp", pt[0])) return t + 1;
    /* …or a word of weak ones only (新老/nz: new and old) */
    if (g->tok[t].start == a && g->tok[t].end == base_end && (sj_streq(pt, "nz") || strchr("abd", pt[0]))) {
      int weak = 1, named = 0;
      for (size_t q = a; q < base_end && weak; q += 3) weak = sj_tg_cue(g, q, "abbr_weak") == 3;
      for (int q = 0; q < x->c.n && !named; q++) named = sj_te_code_named(g, x->c.c[q]);
      /* (日中 is a pair after 日本, or before a body or a word of pairs:
       * 日中友好协会, 日中关系) */
      int ik = 0;
      if (weak && !named && !(sj_te_inst_chain(g, base_end, &ik) && ik != 'P') &&
          !sj_tg_cue(g, base_end, "pair_ref") && !sj_tg_cue(g, base_end, "pair_keep"))
        return t + 1;
    }
  }
  return SJ_TE_NONE;
}

/* A country, up to three words of a title (nouns: 经济 | 发展 | 部长), the
 * title and a name (菲律宾经济发展部长阿比托): the country and the person,
 * who takes its code.  The token to go on from, or SJ_TE_NONE. */
static size_t country_long_title(sj_tg *g, const cty *x) {
  size_t e = x->e;
  if (e != x->base_end || x->c.n != 1 || x->abbr) return SJ_TE_NONE;
  size_t t = sj_tg_tok_at(g, e);
  for (int hop = 0; hop < 4 && t < g->ntok && g->tok[t].start == e; hop++, t++) {
    size_t b = g->tok[t].end;
    const char *p = sj_tg_pos(g, t);
    if (sj_tg_gaz_end(g, g->tok[t].start, b, SJ_K_TITLE, NULL) &&
        !(sj_tg_hits(g, g->tok[t].start)->any & (SJ_K_COUNTRY | SJ_K_ABBR | SJ_K_PLACE | SJ_K_ORG))) {
      size_t te = sj_te_title_more(g, b), ne = sj_te_name_after(g, te);
      if (!ne) return SJ_TE_NONE;
      char code[4];
      memcpy(code, x->c.c[0], 4);
      sj_te_emit_actor(g, x->a, x->base_end, "country", &x->c, NULL);
      int sh = sj_te_name_shape(g, te, ne);
      sj_te_emit_person(g, te, ne, code, sh ? sh : 'F');
      return sj_tg_tok_at(g, ne);
    }
    /* …but not over an institution (泰国华侨商会 | 名誉会长X: inst_chain's) */
    if (!(p[0] == 'n' || sj_streq(p, "vn")) || p[1] == 'r' || p[1] == 's' || b - g->tok[t].start > 9 ||
        sj_te_inst_kind(g, g->tok[t].start, b))
      return SJ_TE_NONE;
    e = b;
  }
  return SJ_TE_NONE;
}

/* 美国经济: a modifier, no actor; 泰国金融危机, 伊拉克问题: the country of a
 * topic is a place.  The token to go on from, or SJ_TE_NONE. */
static size_t country_topic(sj_tg *g, const cty *x) {
  size_t e = x->e;
  if (e != x->base_end || x->c.n != 1 || x->abbr) return SJ_TE_NONE;
  size_t de = sj_tg_cue(g, e, "country_of"), lm2 = de ? sj_tg_cue(g, e + de, "country_modifier") : 0;
  if (lm2 && sj_tg_is_tend(g, e + de + lm2)) return sj_tg_tok_at(g, e);
  size_t lm = sj_tg_cue(g, e, "country_modifier"), lp = sj_te_topic_len(g, e);
  if (lp && lp >= lm) { sj_te_emit_place(g, x->a, e, &x->c); return sj_tg_tok_at(g, e); }
  /* …but 开曼群岛金融当局: the modifier of an institution's name */
  int ik = 0;
  if (lm && sj_tg_is_tend(g, e + lm) && !(sj_te_inst_chain(g, e, &ik) > e + lm && ik != 'P'))
    return sj_tg_tok_at(g, e);
  return SJ_TE_NONE;
}

/* A country's name heading an organisation name of the segmenter (nt:
 * 中国奥委会, 美国哥伦比亚大学) or a word ending in an institution word:
 * one actor of the country, the institution going on after it.  The token
 * to go on from, or SJ_TE_NONE. */
static size_t org_token(sj_tg *g, cty *x) {
  size_t e = x->e, ta = sj_tg_tok_at(g, x->a);
  if (e != x->base_end || x->c.n != 1 || x->abbr || sj_tg_is_tend(g, e) || ta >= g->ntok ||
      g->tok[ta].start != x->a || g->tok[ta].end <= e)
    return SJ_TE_NONE;
  size_t b = g->tok[ta].end;
  int k = sj_te_inst_kind(g, e, b);
  if (k == 'P' || (!k && !sj_streq(sj_tg_pos(g, ta), "nt"))) return SJ_TE_NONE;
  int k2 = 0;
  size_t e2 = sj_te_inst_chain(g, b, &k2);
  if (e2 && k2 != 'P') { b = e2; k = k2; }
  sj_te_emit_actor(g, x->a, b, sj_te_inst_type(k), &x->c, NULL);
  return sj_tg_tok_at(g, b);
}

/* Does a dateline's date follow e (新华社突尼斯１月５日电: digits and date
 * units, then a cue of class dateline_end at the day)?  Then the country
 * before it names the city the report is from. */
static int dateline_after(sj_tg *g, size_t e) {
  int digits = 0;
  for (size_t q = e; q < g->n && q < e + 60;) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, q, &cp);
    if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || (sj_cn_digit(cp) >= 0 && sj_cn_digit(cp) <= 10)) {
      digits++;
    } else if (cp == 0x5E74 || cp == 0x6708) { /* 年 月 */
      if (!digits) return 0;
    } else if (cp == 0x65E5) { /* 日 */
      return digits && sj_tg_cue(g, q, "dateline_end") != 0;
    } else {
      return 0;
    }
    q += (size_t)l;
  }
  return 0;
}

/* A country as a place: after 在/赴/飞往…, before a place, in a list of
 * places, as a party of a place (中印边境), before a place of its own
 * (日本长野, 俄罗斯卡普斯京·阿尔靶场).  The token to go on from, or
 * SJ_TE_NONE. */
static size_t country_place(sj_tg *g, cty *x) {
  size_t a = x->a, e = x->e, base_end = x->base_end;
  sj_gfield f;
  const sj_codes *c = &x->c;
  int country = sj_streq(x->type, "country");
  int placey = country && e == base_end &&
               (sj_te_place_context(g, a) || (sj_tg_gazk(g, e, SJ_K_PLACE, NULL) && !x->inst) ||
                sj_te_list_of_places(g, e) ||
                (sj_tg_cue(g, e, "place_after") && !x->inst) || dateline_after(g, e) ||
                (sj_tg_gazk(g, e, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 5 &&
                 !memcmp(f.s[0], "event", 5)));
  /* 中印边境: a place made of the parties */
  size_t ls = sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, &f);
  if (e == base_end && ls && sj_tg_cue(g, e, "party_place")) {
    if (c->n >= 2) g->pair = *c;
    sj_codes one = *c;
    if (c->n >= 2) one.n = 0;
    sj_te_emit_place(g, a, e + ls, &one);
    return sj_tg_tok_at(g, e + ls);
  }
  if (country && e == base_end && c->n == 1) {
    /* 英国伦敦 | 地方法院, 美国 | 佛罗里达 | 分行: a country, a city and an
     * institution, one actor */
    size_t ta = sj_tg_tok_at(g, e), pe = 0;
    if (ta < g->ntok && g->tok[ta].start < e && sj_streq(sj_tg_pos(g, ta), "ns") && g->tok[ta].end - e >= 6)
      pe = g->tok[ta].end;
    else if (ta < g->ntok && g->tok[ta].start == e) {
      size_t lp = sj_tg_gazk(g, e, SJ_K_PLACE, NULL);
      if (lp && sj_tg_is_tend(g, e + lp)) pe = e + lp;
      else if (sj_streq(sj_tg_pos(g, ta), "ns") && !sj_tg_gazk(g, e, SJ_K_COUNTRY, NULL)) pe = g->tok[ta].end;
    }
    int ik = 0;
    size_t ie = pe ? sj_te_inst_chain(g, pe, &ik) : 0;
    if (ie && ik != 'P') {
      sj_te_emit_actor(g, a, ie, sj_te_inst_type(ik), c, NULL);
      return sj_tg_tok_at(g, ie);
    }
  }
  if (country && e == base_end && c->n == 1 && !x->inst) {
    /* 日本长野, 委内瑞拉的巴伦西亚: the country of a place name */
    size_t pe, ps = sj_te_place_name_after(g, e, &pe);
    if (ps) {
      sj_te_emit_place(g, a, e, c);
      sj_te_emit_place(g, ps, pe, c);
      return sj_tg_tok_at(g, pe);
    }
  }
  if (!placey && country && e == base_end && c->n == 1 && !x->inst) {
    /* 俄罗斯卡普斯京·阿尔靶场: the country of a suffixed place */
    size_t tt = sj_tg_tok_at(g, e);
    for (int hop = 0; hop < 5 && tt < g->ntok && g->tok[tt].start < e + 30; hop++, tt++) {
      const char *p = sj_tg_pos(g, tt);
      size_t ta = g->tok[tt].start, tb2 = g->tok[tt].end;
      size_t ls2 = sj_tg_gaz_end(g, ta > e ? ta : e + 1, tb2, SJ_K_PLACESUFFIX, NULL);
      if (ls2) {
        sj_te_emit_place(g, a, e, c);
        sj_te_emit_place(g, e, tb2, c);
        return tt + 1;
      }
      if (!(p[0] == 'n' || p[0] == 'x') || (p[0] == 'x' && !cp_is(g, ta, 0xB7))) break;
    }
  }
  if (placey && c->n <= 1) {
    sj_te_emit_place(g, a, e, c);
    return sj_tg_tok_at(g, e);
  }
  return SJ_TE_NONE;
}

/* 中俄关于…的协定: a document name from a, the parties ending at e */
static void doc_about(sj_tg *g, size_t a, size_t e) {
  if (!sj_tg_cue(g, e, "doc_about")) return;
  size_t q = e;
  for (int guard = 0; q < g->n && guard < 60; guard++) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, q, &cp);
    if (is_punct_cp(cp)) break;
    size_t kd = sj_tg_cue(g, q, "doc_end");
    if (kd) {
      sj_mention *m = sj_tg_add(g, a, q + kd, SJ_NAME);
      if (m) m->type = "document";
      break;
    }
    q += (size_t)l;
  }
}

/* A person after a country: country + title + name (美国总统克林顿 → 美国 +
 * 克林顿), country + a role noun + a name (法国选手朱利埃, 英国学者X): the
 * country and the person, who takes its code.  The token to go on from,
 * or SJ_TE_NONE. */
static size_t country_person(sj_tg *g, const cty *x) {
  size_t a = x->a, e = x->e, base_end = x->base_end, k;
  if (x->c.n != 1) return SJ_TE_NONE;
  char code[4];
  memcpy(code, x->c.c[0], 4);
  if (e > base_end && sj_tg_gaz_end(g, base_end, e, SJ_K_TITLE, NULL)) {
    size_t ne = sj_te_name_after(g, sj_te_title_more(g, e));
    if (ne) {
      sj_te_emit_actor(g, a, base_end, "country", &x->c, NULL);
      e = sj_te_title_more(g, e);
      int sh = sj_te_name_shape(g, e, ne);
      sj_te_emit_person(g, e, ne, code, sh ? sh : 'F');
      return sj_tg_tok_at(g, ne);
    }
  }
  if (e == base_end && (k = sj_tg_cue(g, e, "role_noun")) && sj_tg_is_tend(g, e + k)) {
    size_t ne = sj_te_name_after(g, e + k);
    if (ne) {
      sj_te_emit_actor(g, a, e, "country", &x->c, NULL);
      int sh = sj_te_name_shape(g, e + k, ne);
      sj_te_emit_person(g, e + k, ne, code, sh ? sh : 'F');
      return sj_tg_tok_at(g, ne);
    }
  }
  return SJ_TE_NONE;
}

/* A country's name (abbr 0) or an abbreviation (abbr 1) of the gazetteer at
 * token t, ending at j (its fields f), and what it heads: the token to go
 * on from. */
size_t sj_te_country(sj_tg *g, size_t t, size_t j, const sj_gfield *f, int abbr) {
  cty x;
  size_t r;
  x.t = t;
  x.a = g->tok[t].start;
  x.c.n = 0;
  x.mil = 0;
  x.inst = 0;
  x.abbr = abbr;
  char kb[4];
  if (abbr && sj_te_abbr_code(g, x.a, j - x.a, kb)) sj_codes_add(&x.c, kb, 3);
  else if (f->n) sj_codes_add(&x.c, f->s[0], f->l[0]);
  j = country_words(g, &x, j);
  x.type = "country";
  x.base_end = j;
  /* 俄罗斯族: a people, no actor */
  if (!x.abbr && x.c.n == 1 && sj_tg_cue(g, j, "ethnic_suffix") && sj_tg_is_tend(g, j + 3))
    return sj_tg_tok_at(g, j + 3);
  /* rhetorical 中国力量 */
  if (!x.abbr && sj_tg_cue(g, x.a, "rhetoric_country") == j - x.a && sj_tg_cue(g, j, "rhetoric"))
    return sj_tg_tok_at(g, j);
  size_t tbl = tok_before(g, x.a);
  if ((r = host_title(g, &x, tbl)) != SJ_TE_NONE) return r;
  int inlist = tbl != (size_t)-1 && sj_tg_cue_tok(g, tbl, "list_sep") && !x.abbr;
  x.e = inlist && sj_tg_gazk(g, j, SJ_K_GOV, NULL) ? j : actor_suffix(g, j, x.abbr != 0, &x.type, &x.mil);
  if (x.abbr && g->tok[t].start == x.a && g->tok[t].end == x.e && x.e > j && sj_streq(sj_tg_pos(g, t), "s"))
    return t + 1;
  if (x.abbr && x.e == j && (r = bare_abbr(g, &x)) != SJ_TE_NONE) return r;
  /* 新政府, 新总理, 中央…: a one-character abbreviation that is mostly a
   * word of its own (cue abbr_weak) before a body or a title is one only
   * when the document named its country */
  if (x.abbr == 1 && j - x.a == 3 && x.e > j && !sj_streq(x.type, "country") &&
      sj_tg_cue(g, x.a, "abbr_weak") && !sj_te_code_named(g, x.c.c[0]))
    return t + 1;
  /* 立陶宛总统选举: the country of an office's election is a place */
  if (!x.abbr && x.c.n == 1 && x.e > j && !x.mil && sj_tg_cue(g, x.e, "topic_place") &&
      sj_tg_gaz_end(g, j, x.e, SJ_K_TITLE | SJ_K_GOV, NULL)) {
    sj_te_emit_place(g, x.a, j, &x.c);
    return sj_tg_tok_at(g, x.e);
  }
  if ((r = country_long_title(g, &x)) != SJ_TE_NONE) return r;
  if ((r = country_topic(g, &x)) != SJ_TE_NONE) return r;
  if ((r = org_token(g, &x)) != SJ_TE_NONE) return r;
  {
    int ik = 0;
    size_t ie = x.c.n >= 1 && !x.mil ? sj_te_inst_chain(g, x.e, &ik) : 0;
    x.inst = ie && ik != 'P';
  }
  if ((r = country_place(g, &x)) != SJ_TE_NONE) return r;
  doc_about(g, x.a, x.e);
  if (x.abbr == 2) { x.c.n = 0; sj_codes_add(&x.c, "CHN", 3); }
  if ((r = country_person(g, &x)) != SJ_TE_NONE) return r;
  /* country + institution: one span (英国工党政府, 中国驻南非大使馆); a
   * news agency or paper is no actor (日本共同社) */
  if (x.c.n >= 1 && !x.mil) {
    int ik = 0;
    size_t ie = sj_te_inst_chain(g, x.e, &ik);
    if (ie && ik == 'P') return sj_tg_tok_at(g, ie);
    if (ie) {
      x.e = ie;
      x.type = sj_te_inst_type(ik);
      /* 俄中友好协会: an association named by a pair is of the first */
      if (ik == 'O' && x.abbr == 1 && x.c.n == 2) x.c.n = 1;
      /* …and a title without a name after it (日本某协会会长): one span */
      size_t lt = sj_tg_gazk(g, ie, SJ_K_TITLE, NULL);
      if (lt && sj_tg_is_tend(g, ie + lt) && !sj_te_name_after(g, sj_te_title_more(g, ie + lt)))
        x.e = ie + lt;
    }
  }
  sj_te_emit_actor(g, x.a, x.e, x.type, &x.c, NULL);
  /* a title and a name after a country: 俄罗斯国防部长绍伊古 */
  return sj_tg_tok_at(g, x.e) > t ? sj_tg_tok_at(g, x.e) : t + 1;
}

/* ---- groups named by their number (after the scan) ----------------------- */
/* the number of codes of a code string ("EST LVA LTU": 3), 0 if none */
static int ncodes_of(const char *s) {
  if (!s || !*s) return 0;
  int n = 1;
  for (; *s; s++) n += *s == ' ';
  return n;
}

/* A count of countries standing as a noun (美国支持３国加入, 克林顿还对３国
 * 领导人表示…; quantity mentions of unit 国, sorted) is the group of that
 * many countries named last (波罗的海３国: EST LVA LTU): an actor with its
 * codes, over a title after it (３国领导人).  A count right after the
 * enumeration it counts (哈、吉、塔三国) or after a demonstrative (上述五国,
 * cue class qty_anaphor) stays a quantity. */
void sj_te_groups_by_count(sj_tg *g, size_t nsorted) {
  sj_mention *M = g->d->mentions.data;
  for (size_t k = 1; k < nsorted && k < g->d->mentions.n; k++) {
    sj_mention *m = &M[k];
    if (m->kind != SJ_QUANTITY || !m->unit || !sj_streq(m->unit, "国") || m->number < 3 ||
        m->number > SJ_MAXCODES || (m->flags & SJ_APPROX))
      continue;
    size_t tb = tok_before(g, m->start);
    if (M[k - 1].end + 3 >= m->start || (tb != (size_t)-1 && sj_tg_cue_tok(g, tb, "qty_anaphor")))
      continue;
    const char *codes = NULL;
    for (size_t q = k; q-- > 0 && q + 40 > k && !codes;)
      if (M[q].kind == SJ_ACTOR && ncodes_of(M[q].codes) == (int)m->number) codes = M[q].codes;
    if (!codes) continue;
    const char *type = "country";
    int mil = 0;
    size_t e = actor_suffix(g, m->end, -1, &type, &mil);
    if (k + 1 < g->d->mentions.n && M[k + 1].start < e) e = m->end;
    m->kind = SJ_ACTOR;
    m->type = e > m->end ? type : "country";
    m->end = (uint32_t)e;
    m->codes = codes;
    m->unit = NULL;
    m->value = NULL;
    m->number = 0;
    m->flags = 0;
  }
}

/* 双方还就…交换了意见 heading a paragraph: a pair word the scan left
 * unresolved (no parties named before it) is the first two countries named
 * after it in its paragraph (外交部副部长王英凡、法国驻华大使…: CHN, FRA).
 * Mentions [0, nsorted) are sorted by start. */
void sj_te_pairs_ahead(sj_tg *g, size_t nsorted) {
  size_t k = 0;
  for (size_t t = 0; t < g->ntok && !g->err; t++) {
    size_t a = g->tok[t].start, b = g->tok[t].end;
    if (!sj_tg_cue_tok(g, t, "pair_ref") || sj_tg_cue_tok(g, t, "pair_ref_mil")) continue;
    const sj_mention *M = g->d->mentions.data;
    while (k < nsorted && M[k].end <= a) k++;
    if (k < nsorted && M[k].start < b) continue; /* resolved by the scan */
    sj_codes c;
    c.n = 0;
    for (size_t q = k; q < nsorted && c.n < 2; q++) {
      if (memchr(g->s + b, '\n', M[q].start - b)) break; /* the paragraph ends */
      if (M[q].kind == SJ_ACTOR && M[q].codes && strlen(M[q].codes) == 3) sj_codes_add(&c, M[q].codes, 3);
    }
    if (c.n != 2) continue;
    sj_mention *m = sj_tg_add(g, a, b, SJ_ACTOR);
    if (!m) return;
    m->type = "country";
    m->codes = sj_codes_str(g, &c);
  }
}
