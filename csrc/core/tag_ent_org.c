/*
 * tag_ent_org.c — organisations, government bodies and the military (the
 * entity stage's group of institutions; tag_ent.c drives it).
 *
 * Words ending in an institution word (cue classes inst_gov, inst_mil,
 * inst_org: …政府, …部队, …党, …公司) and the segmenter's organisation
 * names (nt) are actors: joined to a country before them (英国工党政府,
 * 美国ＡＴＴ公司), or standing alone (自民党, 国家测绘局).  A news agency or
 * paper (cue class media: …社, …报) is no actor.
 */
#include "tag_ent.h"

#include <string.h>

/* the kind of institution the word [a, b) names: 'G', 'M', 'O', 'P' (a
 * news agency or paper) or 0 */
int sj_te_inst_kind(sj_tg *g, size_t a, size_t b) {
  if (b - a < 3) return 0;
  size_t lg = sj_tg_cue_end(g, a, b, "inst_gov"), lm = sj_tg_cue_end(g, a, b, "inst_mil");
  size_t lo = sj_tg_cue_end(g, a, b, "inst_org"), lp = sj_tg_cue_end(g, a, b, "media");
  if (lp && lp >= lg && lp >= lm && lp >= lo) return 'P';
  if (lm && lm >= lg && lm >= lo) return 'M';
  if (lg && lg >= lo) return 'G';
  return lo ? 'O' : 0;
}

/* the word [a, b) is a body of the gazetteer (kind gov, not a leader word:
 * 立法会, not 领导人) */
static int gov_body(sj_tg *g, size_t a, size_t b) {
  sj_gfield f;
  return sj_tg_gazk(g, a, SJ_K_GOV, &f) == b - a && !(f.n && f.l[0] == 6 && !memcmp(f.s[0], "leader", 6));
}

/* After an actor ending at e: the end of the institution words that follow
 * (up to four nouns, 驻 + a country: 中国驻南非大使馆), 0 if none; *kind as
 * inst_kind.  Before the first institution word a modifier (an adjective:
 * 友好协会) or, after a noun of the chain, one verb may stand (国际贸易 |
 * 促进 | 协会); a body of the gazetteer (立法会) is an institution word; a
 * name that ends in one (沃尔沃公司/nr) is a firm. */
size_t sj_te_inst_chain(sj_tg *g, size_t e, int *kind) {
  size_t t = sj_tg_tok_at(g, e), best = 0;
  int named = 0; /* a name-like word inside: only a firm or body (江苏康博集团) */
  int noun = 0;  /* the token before was a noun of the chain */
  if (t >= g->ntok || g->tok[t].start != e) return 0;
  for (int hop = 0; hop < 5 && t < g->ntok; hop++, t++) {
    size_t a = g->tok[t].start, b = g->tok[t].end;
    const char *p = sj_tg_pos(g, t);
    if (sj_tg_gazk(g, a, SJ_K_TITLE, NULL) >= b - a) break;
    /* 协会会长 (one token): the institution word, then a title */
    {
      size_t li = sj_tg_cue(g, a, "inst_org"), lg = sj_tg_cue(g, a, "inst_gov");
      size_t l = li > lg ? li : lg;
      if (l && a + l < b && sj_tg_gazk(g, a + l, SJ_K_TITLE, NULL) == b - a - l) {
        best = a + l;
        *kind = li >= lg ? 'O' : 'G';
        break;
      }
    }
    if (sj_tg_cue_tok(g, t, "inst_link") && t + 1 < g->ntok &&
        (sj_tg_gazk(g, b, SJ_K_COUNTRY, NULL) || sj_tg_gazk(g, b, SJ_K_ABBR, NULL) ||
         sj_tg_gazk(g, b, SJ_K_PLACE, NULL))) continue;
    int mod = !best && !named && ((p[0] == 'a' && b - a <= 6) || (noun && sj_streq(p, "v") && b - a == 6));
    /* (an institution word whatever its tag: 分行/v) */
    int whole = sj_tg_cue_tok(g, t, "inst_org") || sj_tg_cue_tok(g, t, "inst_gov");
    if (!(p[0] == 'n' || p[0] == 'j' || p[0] == 'b' || sj_streq(p, "vn") || sj_streq(p, "eng") || mod || whole) ||
        (p[1] == 'r' && (hop > 0 || named)) || b - a > 24)
      break;
    noun = p[0] == 'n';
    if (p[1] == 'r') {
      named = 1;
      if (sj_te_inst_kind(g, a, b) == 'O') { best = b; *kind = 'O'; }
      continue;
    }
    int k = sj_te_inst_kind(g, a, b);
    if (!k && sj_streq(p, "nt")) k = 'O';
    if (!k && hop > 0 && gov_body(g, a, b)) k = 'G'; /* (right after the actor: actor_suffix) */
    if (named && k && k != 'O') break;
    if (k) { best = b; *kind = k; }
    if (k == 'P') break;
  }
  return best;
}

const char *sj_te_inst_type(int k) {
  return k == 'G' ? "government" : k == 'M' ? "military" : "organization";
}

/* an organisation name of the segmenter (nt) or a noun ending in an
 * institution word, standing alone: an actor coded by the country it starts
 * with, else the paragraph's last country (a party in foreign news), else
 * CHN.  Not inside a title (国家教委主任) or a generic short word. */
size_t sj_te_inst_alone(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  /* a party's short name the lexicon tags as a common noun (保守党, 工党) */
  int party = p[0] == 'n' && !p[1] && b - a >= 6 && b - a <= 9 && sj_tg_cue_end(g, a, b, "inst_party") == 3 &&
              !sj_tg_cue_tok(g, t, "party_generic");
  if ((!sj_streq(p, "nt") || b - a < 9) && !party) return 0;
  int k = sj_te_inst_kind(g, a, b);
  /* a place + a landmark (莫斯科红场) or a longer gazetteer entity */
  const sj_gcache *gc = sj_tg_hits(g, a);
  for (int q = 0; q < gc->n; q++)
    if (((gc->h[q].kinds & SJ_K_PLACE) && !k) ||
        (gc->h[q].len >= b - a && (gc->h[q].kinds & (SJ_K_ORG | SJ_K_GOV | SJ_K_MIL))))
      return 0;
  if (k == 'P') return b;
  if (!k && sj_tg_cue_end(g, a, b, "pair_keep")) return 0; /* 中美关系 */
  /* the lexicon's nt is loose (新鲜空气/nt): without an institution word a
   * name needs five characters */
  if (!k && b - a < 15) return 0;
  if (b - a < 12 && !sj_tg_cue_end(g, a, b, "inst_party")) return 0;
  size_t lt = sj_tg_gazk(g, b, SJ_K_TITLE, NULL), lq = sj_tg_cue(g, b, "title_prefix");
  if (!lt && lq && (lt = sj_tg_gazk(g, b + lq, SJ_K_TITLE, NULL))) lt += lq;
  if (lt && sj_tg_is_tend(g, b + lt)) return 0;
  if (t > 0 && sj_tg_cue_tok(g, t - 1, "inst_generic")) return 0;
  if (t > 0 && sj_tg_cue(g, g->tok[t - 1].start, "ordinal_prefix") && sj_tg_pos(g, t - 1)[0] == 'm')
    return 0;
  sj_codes c;
  c.n = 0;
  sj_gfield f;
  if ((sj_tg_gazk(g, a, SJ_K_COUNTRY, &f) ||
       (!sj_tg_cue(g, a, "abbr_weak") && sj_tg_gazk(g, a, SJ_K_ABBR, &f))) && f.n)
    sj_codes_add(&c, f.s[0], f.l[0]);
  else if (sj_tg_gazk(g, a, SJ_K_PLACE, &f) && f.n && f.l[0] == 3)
    sj_codes_add(&c, f.s[0], f.l[0]);
  else if (!sj_tg_cue(g, a, "inst_cn") && sj_te_context_country(g) && !sj_tg_gazk(g, a, SJ_K_PLACE, NULL))
    sj_codes_add(&c, sj_te_context_country(g), 3);
  else sj_codes_add(&c, "CHN", 3);
  /* 人民大会堂/nt: a building (a facility suffix: dict/gaz/names.tsv) is
   * a place */
  sj_gfield fs;
  if (!k && sj_tg_gaz_end(g, a, b, SJ_K_PLACESUFFIX, &fs) && fs.n && fs.l[0] == 8 &&
      !memcmp(fs.s[0], "facility", 8)) {
    sj_te_emit_place(g, a, b, &c);
    return b;
  }
  /* 英国工党 | 政府: the institution goes on */
  int k2 = 0;
  size_t e2 = sj_te_inst_chain(g, b, &k2);
  if (e2 && k2 != 'P') { b = e2; k = k2; }
  sj_codes keep = g->recent;
  sj_te_emit_actor(g, a, b, sj_te_inst_type(k), &c, NULL);
  g->recent = keep;
  return b;
}

/* A proper name + an organisation word (京华 | 银行, ＭＭＭ | 公司: a token
 * tagged nz, ns, nr or eng that is no entity of the gazetteer, then a word
 * of cue class inst_org): an organisation of the paragraph's country (the
 * last one named), else CHN.  Its end, 0 if none. */
size_t sj_te_named_org(sj_tg *g, size_t t, uint32_t hany) {
  const uint32_t ENT = SJ_K_COUNTRY | SJ_K_ORG | SJ_K_PERSON | SJ_K_PLACE | SJ_K_MIL | SJ_K_GOV |
                       SJ_K_TITLE | SJ_K_ABBR;
  if (hany & ENT || t + 1 >= g->ntok) return 0;
  const char *p = sj_tg_pos(g, t);
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (b - a < 6 || b - a > 24 || !(p[0] == 'n' || p[0] == 'e') || !sj_tg_cue_tok(g, t + 1, "inst_org"))
    return 0;
  /* an unknown word, not a common one of the lexicon (外国 | 银行) */
  if (!(sj_streq(p, "nz") || sj_streq(p, "eng") ||
        (p[0] == 'n' && (p[1] == 's' || p[1] == 'r') && !sj_te_lex_word_pos(g, a, b))))
    return 0;
  size_t e = g->tok[t + 1].end;
  int k2 = 0;
  size_t e2 = sj_te_inst_chain(g, e, &k2);
  int kind = 'O';
  if (e2 && k2 != 'P') { e = e2; kind = k2; }
  sj_codes c;
  c.n = 0;
  const char *lc = sj_te_context_country(g);
  sj_codes_add(&c, lc ? lc : "CHN", 3);
  sj_codes keep = g->recent;
  sj_te_emit_actor(g, a, e, sj_te_inst_type(kind), &c, NULL);
  g->recent = keep;
  return e;
}

/* an international organisation of the gazetteer ending at j */
size_t sj_te_org_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f) {
  const char *org = f->n >= 2 ? sj_tg_str(g, f->s[1], f->l[1]) : f->n ? sj_tg_str(g, f->s[0], f->l[0]) : NULL;
  /* 联合国维和峰会: the org inside a name is still annotated */
  sj_te_emit_actor(g, g->tok[t].start, j, "organization", NULL, org);
  return sj_tg_tok_at(g, j) > t ? sj_tg_tok_at(g, j) : t + 1;
}

/* a military word ending at j: bare military words name nobody, except
 * the PLA */
size_t sj_te_mil_hit(sj_tg *g, size_t t, size_t j) {
  size_t a = g->tok[t].start;
  int pla = 0;
  for (size_t q = a; q < j && !pla;) {
    size_t lp = sj_tg_cue(g, q, "mil_cn");
    if (lp && q + lp <= j) pla = 1;
    uint32_t cp;
    q += (size_t)sj_t_dec(g->s, g->n, q, &cp);
  }
  /* …or a bare one acting at a clause start (集团军紧急捐赠): of the
   * paragraph's country, else the Chinese press's own */
  size_t tb = tok_before(g, a), ta = sj_tg_tok_at(g, j);
  const char *pb = tb == (size_t)-1 ? "x" : sj_tg_pos(g, tb);
  const char *pn = ta < g->ntok && g->tok[ta].start == j ? sj_tg_pos(g, ta) : "x";
  const char *lc = pla ? "CHN" : sj_te_last_country(g);
  uint32_t cb = 0;
  if (tb != (size_t)-1) sj_t_dec(g->s, g->n, g->tok[tb].start, &cb);
  int clause = tb == (size_t)-1 || pb[0] == 'c' || cb == 0xFF0C || cb == 0x3002 || cb == 0xFF1B || cb == 0xFF1A;
  if (pla || (clause && g->tok[t].start == a && sj_tg_is_tend(g, j) &&
              (pn[0] == 'd' || (pn[0] == 'v' && pn[1] != 'n') || (pn[0] == 'a' && !pn[1])))) {
    sj_codes c;
    c.n = 0;
    sj_codes_add(&c, lc ? lc : "CHN", 3);
    sj_te_emit_actor(g, a, j, "military", &c, NULL);
  }
  return sj_tg_tok_at(g, j);
}

/* A body that names nobody without a country before it (政府, 议会: `-` in
 * dict/gaz/mil.tsv) at [a, j): 政府还号召…, a bare body acting at a clause
 * start, is the paragraph's country's (the last country named). */
static size_t gov_bare(sj_tg *g, size_t a, size_t j) {
  size_t tb = tok_before(g, a), ta = sj_tg_tok_at(g, j);
  const char *pn = ta < g->ntok && g->tok[ta].start == j ? sj_tg_pos(g, ta) : "x";
  const char *pb = tb == (size_t)-1 ? "x" : sj_tg_pos(g, tb);
  const char *lc = sj_te_last_country(g);
  if (lc && (pb[0] == 'x' || pb[0] == 'c') &&
      (pn[0] == 'd' || pn[0] == 'p' || pn[0] == 't' || (pn[0] == 'v' && pn[1] != 'n'))) {
    sj_codes c;
    c.n = 0;
    sj_codes_add(&c, lc, 3);
    sj_te_emit_actor(g, a, j, "government", &c, NULL);
  }
  return sj_tg_tok_at(g, j);
}

/* A title after a body ending at j (国家统计局局长X): the person, of the
 * body's country (f: the body's fields); …but a spokesman is the body's
 * (特区政府发言人: cue role_suffix).  The token to go on from, or
 * SJ_TE_NONE. */
static size_t gov_title(sj_tg *g, size_t j, const sj_gfield *f) {
  size_t lt = sj_tg_gazk(g, j, SJ_K_TITLE, NULL);
  if (!lt || !sj_tg_is_tend(g, j + lt) || sj_tg_cue(g, j, "role_suffix") == lt) return SJ_TE_NONE;
  size_t te = sj_te_title_more(g, j + lt), ne = sj_te_name_after(g, te);
  if (ne) {
    char kb[4] = "CHN";
    if (f->n >= 2 && f->l[1] == 3) { memcpy(kb, f->s[1], 3); kb[3] = 0; }
    int sh = sj_te_name_shape(g, te, ne);
    sj_te_emit_person(g, te, ne, kb, sh ? sh : 'C');
    return sj_tg_tok_at(g, ne);
  }
  return sj_tg_tok_at(g, j + lt);
}

/* a government word ending at j: the body's country (dict/gaz/mil.tsv):
 * 白宫 USA; `-` names nobody without a country before it (政府, 议会);
 * none: Chinese (国防部, 军委) */
/* A body coordinated with a body just named (泰国政府和议会, 泰国财政部、
 * 商业部): that body's single code, NULL if none */
static const char *gov_coord(sj_tg *g, size_t a) {
  size_t tb = tok_before(g, a), nm = g->d->mentions.n;
  if (tb == (size_t)-1 || !nm || !(sj_tg_cue_tok(g, tb, "list_sep") || sj_tg_cue_tok(g, tb, "pair_conj")))
    return NULL;
  const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, nm - 1);
  if (m->kind != SJ_ACTOR || m->end != g->tok[tb].start || !m->type || !sj_streq(m->type, "government") ||
      !m->codes || strlen(m->codes) != 3)
    return NULL;
  return m->codes;
}

size_t sj_te_gov_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f) {
  size_t a = g->tok[t].start, r;
  const char *co = gov_coord(g, a);
  if (co && !(f->n >= 2 && f->l[1] == 3) && sj_tg_gazk(g, a, SJ_K_TITLE, NULL) <= j - a &&
      sj_tg_is_tend(g, j)) {
    sj_codes c;
    c.n = 0;
    sj_codes_add(&c, co, 3);
    sj_te_emit_actor(g, a, j, "government", &c, NULL);
    return sj_tg_tok_at(g, j);
  }
  if (f->n >= 2 && f->l[1] == 1 && f->s[1][0] == '-') return gov_bare(g, a, j);
  if (f->n && f->l[0] == 6 && !memcmp(f->s[0], "leader", 6)) return sj_tg_tok_at(g, j);
  /* 国防部长: the title wins over the ministry; 国家教委主任: a body
   * inside a title is not annotated */
  if (sj_tg_gazk(g, a, SJ_K_TITLE, NULL) > j - a) return t + 1;
  if ((r = gov_title(g, j, f)) != SJ_TE_NONE) return r;
  sj_codes c;
  c.n = 0;
  if (f->n >= 2 && f->l[1] == 3) sj_codes_add(&c, f->s[1], 3);
  else sj_codes_add(&c, "CHN", 3);
  const char *ty = "government";
  size_t e = j;
  {
    /* 军委国际军事合作办公室: a body inside a body */
    size_t tt = sj_tg_tok_at(g, j), lastok = 0;
    for (int hop = 0; hop < 5 && tt < g->ntok && g->tok[tt].start >= j; hop++, tt++) {
      const char *p = sj_tg_pos(g, tt);
      if (!(p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b')) break;
      if (sj_tg_cue_end(g, g->tok[tt].start, g->tok[tt].end, "body_end")) lastok = g->tok[tt].end;
    }
    if (lastok) { e = lastok; j = lastok; }
  }
  e += sj_tg_cue(g, e, "role_suffix");
  sj_te_emit_actor(g, a, e, ty, &c, NULL);
  return sj_tg_tok_at(g, e);
}

/* 该法院, 该集团公司 at token t (cue class that_det, then a word ending in
 * an institution word): the institution last named with the same last
 * word (among the last 40 mentions), else the last organisation or body of
 * the same kind, with its codes and kind.  The end, 0 if none. */
size_t sj_te_that_inst(sj_tg *g, size_t t) {
  if (t + 1 >= g->ntok || !sj_tg_cue_tok(g, t, "that_det")) return 0;
  size_t a = g->tok[t + 1].start, b = g->tok[t + 1].end;
  int k = sj_te_inst_kind(g, a, b);
  if (!k || k == 'P') return 0;
  const char *cls = k == 'G' ? "inst_gov" : k == 'M' ? "inst_mil" : "inst_org";
  size_t lw = sj_tg_cue_end(g, a, b, cls);
  const char *type = sj_te_inst_type(k);
  /* 该公司…部经理X: the body only places a person */
  for (size_t u = t + 2; u < g->ntok && u < t + 5; u++) {
    const char *p = sj_tg_pos(g, u);
    size_t lt = sj_tg_gaz_end(g, g->tok[u].start, g->tok[u].end, SJ_K_TITLE, NULL);
    if (lt && sj_tg_cue(g, g->tok[u].end - lt, "role_suffix") != lt) return 0;
    if (!(p[0] == 'n' || p[0] == 'j' || p[0] == 'b' || sj_streq(p, "vn"))) break;
  }
  size_t nm = g->d->mentions.n;
  const sj_mention *same = NULL, *kind = NULL;
  for (size_t q = nm; q-- > 0 && q + 40 > nm && !same;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, q);
    if (m->kind != SJ_ACTOR || !m->type || !m->codes || !sj_streq(m->type, type)) continue;
    if (m->end - m->start >= lw && sj_eqn(g->s + m->end - lw, g->s + b - lw, lw)) same = m;
    else if (!kind) kind = m;
  }
  if (!same) same = kind;
  if (!same) return 0;
  sj_codes c;
  sj_codes_parse(&c, same->codes);
  sj_te_emit_actor(g, g->tok[t].start, b, type, &c, NULL);
  return b;
}
