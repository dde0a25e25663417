/*
 * tag_ent_name.c — names (the entity stage's group of names): 《…》 titles,
 * quoted names with a name suffix, ships and designations (tag_ent.c asks
 * them during the scan), and after the scan names by their suffix (北京香山
 * 论坛, 东盟防长扩大会议) and words that are names alone (冬奥会, 十五大).
 */
#include "tag_ent.h"

#include <string.h>

/* ---- 《…》 and “…” ------------------------------------------------------ */
/* The class of a title 《[a, b)》: a document when a document word ends it
 * or follows it (《…条例》, 《…》白皮书), else other (books, papers, plays) */
static const char *title_class(sj_tg *g, size_t a, size_t b) {
  sj_gfield f;
  if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 8 &&
      !memcmp(f.s[0], "document", 8))
    return "document";
  if (sj_tg_cue_end(g, a, b, "title_doc_end")) return "document";
  if (sj_tg_gazk(g, b + 3, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 8 &&
      !memcmp(f.s[0], "document", 8))
    return "document";
  return "other";
}

int sj_tg_title(sj_tg *g, size_t i, size_t *end) {
  size_t j = i + 3, lim = i + 300;
  while (j < g->n && j < lim) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, j, &cp);
    if (cp == 0x300B) {
      if (j > i + 3) {
        sj_mention *m = sj_tg_add(g, i + 3, j, SJ_NAME);
        if (m) m->type = title_class(g, i + 3, j);
      }
      *end = j + 3;
      return 1;
    }
    if (cp == '\n' || cp == 0x300A) return 0;
    j += (size_t)l;
  }
  return 0;
}

/* the class named by a suffix word at the end of [a, b) or right after b */
static const char *suffix_class(sj_tg *g, size_t a, size_t b, int after) {
  sj_gfield f;
  if (after) {
    /* up to three tokens after the closing quote: 战略演习, 6个项目比赛;
     * of suffix words in a row the last is the head (项目 | 比赛) */
    size_t t = sj_tg_tok_at(g, b);
    const char *cls = NULL;
    int deng = 0;
    for (int k = 0; k < 3 && t < g->ntok; k++, t++) {
      size_t i = g->tok[t].start, te = g->tok[t].end;
      size_t ln = sj_tg_gaz_end(g, i, te, SJ_K_NAMESUFFIX, &f);
      size_t lp = sj_tg_gaz_end(g, i, te, SJ_K_PLACESUFFIX, NULL);
      const char *c2 = NULL;
      if (ln && ln >= lp && f.n)
        c2 = (f.l[0] == 5 && !memcmp(f.s[0], "event", 5)) ? "other" : sj_tg_str(g, f.s[0], f.l[0]);
      else if (lp && !cls)
        c2 = "place";
      if (c2) { cls = c2; continue; }
      if (cls) break;
      /* step over 等, a quantity token (6个) or one modifier noun */
      const char *p = sj_tg_pos(g, t);
      if (sj_tg_cue_tok(g, t, "list_etc") && !deng) { deng = 1; k--; continue; }
      if (p[0] != 'm' && p[0] != 'q' && !(p[0] == 'n' && k == 0)) break;
    }
    return cls;
  }
  /* a suffix ending at b */
  {
    sj_gfield f2;
    if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, &f2) && f2.n) {
      if (f2.l[0] == 5 && !memcmp(f2.s[0], "event", 5)) return "other";
      return sj_tg_str(g, f2.s[0], f2.l[0]);
    }
  }
  return NULL;
}

/* has the quoted text [a, b) a colon (cue class title_colon: a title or a
 * theme, 主题“加强合作：携手应对…”)? */
static int quoted_colon(sj_tg *g, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    uint32_t cp;
    if (sj_tg_cue(g, i, "title_colon")) return 1;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
  }
  return 0;
}

void sj_tg_quote(sj_tg *g, size_t i) {
  uint32_t open;
  sj_t_dec(g->s, g->n, i, &open);
  uint32_t close = open == 0x201C ? 0x201D : 0x300D;
  size_t j = i + 3, lim = i + 3 * 24;
  int chars = 0, han = 0;
  while (j < g->n && j < lim) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, j, &cp);
    if (cp == close) break;
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '\n' ||
        cp == 0x3001 || cp == 0xFF1B || cp == open)
      return; /* a sentence or a list: a quotation, not a name */
    if (cp >= 0x4E00 && cp <= 0x9FFF) han++;
    chars++;
    j += (size_t)l;
  }
  if (j >= g->n || j >= lim || chars < 2 || !han) return;
  size_t a = i + 3, b = j;
  const char *cls = suffix_class(g, a, b, 0);
  if (!cls) {
    /* “金龙-2020”, “国际军事比赛-2020”: a name with a year or a number is
     * an exercise, unless the word before the number says otherwise */
    uint32_t cp;
    size_t p = b;
    int digits = 0;
    while (p > a) {
      size_t q = sj_t_prev(g->s, p, &cp);
      if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) { digits++; p = q; continue; }
      break;
    }
    if (digits && p > a + 1 && g->s[p - 1] == '-') {
      cls = suffix_class(g, a, p - 1, 0);
      if (!cls) cls = "exercise";
    }
  }
  if (!cls) {
    /* a run of quoted names shares the class after the last one */
    size_t k = b + 3;
    while (k < g->n && cp_is(g, k, 0x201C)) { /* “ */
      size_t q = k + 3;
      while (q < g->n && q < k + 3 * 24 && !cp_is(g, q, 0x201D)) {
        uint32_t cp;
        q += (size_t)sj_t_dec(g->s, g->n, q, &cp);
      }
      if (!cp_is(g, q, 0x201D)) break;
      k = q + 3;
    }
    cls = suffix_class(g, a, k, 1);
  }
  if (cls && sj_streq(cls, "place")) {
    sj_mention *m = sj_tg_add(g, a, b, SJ_PLACE);
    (void)m;
    return;
  }
  /* a quoted word without a suffix is a coined term, no name (“新经济”,
   * “双重标准”), unless it is a title or theme with a colon */
  if (!cls && !quoted_colon(g, a, b)) return;
  if (!cls) cls = "other";
  sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
  if (m) m->type = cls;
}

/* ---- ships and designations ------------------------------------------- */
/* ships: a proper-noun token + 舰 (银川舰: Chinese warships bear the names
 * of cities, so a place of the gazetteer is fine), at token t (hany: the
 * kinds of the gazetteer's words there); the token to go on from, or
 * SJ_TE_NONE */
size_t sj_te_ship(sj_tg *g, size_t t, uint32_t hany) {
  size_t i = g->tok[t].start, k;
  const char *p = sj_tg_pos(g, t);
  size_t l = g->tok[t].end - i;
  if (t + 1 < g->ntok && !(hany & (SJ_K_COUNTRY | SJ_K_ABBR | SJ_K_ORG | SJ_K_MIL | SJ_K_GOV)) &&
      (p[0] == 'n' && (p[1] == 's' || p[1] == 'z' || p[1] == 0 || p[1] == 'r')) && l >= 6 && l <= 12 &&
      (k = sj_tg_cue(g, g->tok[t].end, "ship_suffix")) && g->tok[t + 1].end == g->tok[t].end + k) {
    sj_mention *m = sj_tg_add(g, i, g->tok[t].end + k, SJ_NAME);
    if (m) m->type = "equipment";
    return t + 2;
  }
  return SJ_TE_NONE;
}

/* designations: 运-20, 轰-6K, 96B型坦克 at token t; the token to go on
 * from, or SJ_TE_NONE */
size_t sj_te_designation(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *dash = memchr(g->s + a, '-', b - a);
  if (dash && dash > g->s + a && (size_t)(dash - (g->s + a)) <= 6 && b - a <= 16) {
    uint32_t c0;
    sj_t_dec(g->s, g->n, a, &c0);
    uint32_t c1 = dash + 1 < g->s + b ? (unsigned char)dash[1] : 0u;
    if (c0 >= 0x4E00 && c0 <= 0x9FFF && ((c1 >= '0' && c1 <= '9') || (c1 >= 'A' && c1 <= 'Z'))) {
      if (!(a >= 3 && cp_is(g, a - 3, 0x201C))) {
        sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
        if (m) m->type = "equipment";
        return t + 1;
      }
    }
  }
  if (b - a >= 3 && b - a <= 8 && g->s[a] >= '0' && g->s[a] <= '9' && sj_tg_cue_end(g, a, b, "model_suffix") &&
      t + 1 < g->ntok) {
    const char *p = sj_tg_pos(g, t + 1);
    if (p[0] == 'n') {
      sj_mention *m = sj_tg_add(g, a, g->tok[t + 1].end, SJ_NAME);
      if (m) m->type = "equipment";
      return t + 2;
    }
  }
  return SJ_TE_NONE;
}

/* token t is digits only (ASCII or full-width: ７３７) */
static int digit_tok(const sj_tg *g, size_t t) {
  if (t >= g->ntok) return 0;
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (a >= b) return 0;
  for (size_t i = a; i < b;) {
    const unsigned char *u = (const unsigned char *)g->s + i;
    if (u[0] >= '0' && u[0] <= '9') { i++; continue; }
    if (i + 3 <= b && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) { i += 3; continue; }
    return 0;
  }
  return 1;
}

/* token t is a dash joining the parts of a designation (—, －, –) */
static int dash_tok(const sj_tg *g, size_t t) {
  if (t >= g->ntok || g->tok[t].end - g->tok[t].start != 3) return 0;
  uint32_t cp;
  sj_t_dec(g->s, g->n, g->tok[t].start, &cp);
  return cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D;
}

/* A model written in pieces (波音 | ７３７ | — | ８００ | 型 | 客机): a
 * brand noun at token t, digits joined by dashes, a model suffix (cue
 * class model_suffix) and the noun of the thing: one equipment name.  The
 * token to go on from, or SJ_TE_NONE. */
size_t sj_te_model_name(sj_tg *g, size_t t) {
  if (t + 3 >= g->ntok || !digit_tok(g, t + 1)) return SJ_TE_NONE;
  const char *p = sj_tg_pos(g, t);
  if (!(p[0] == 'n' || sj_streq(p, "eng")) || g->tok[t].end != g->tok[t + 1].start) return SJ_TE_NONE;
  size_t u = t + 2;
  while (u + 1 < g->ntok && dash_tok(g, u) && digit_tok(g, u + 1)) u += 2;
  if (u + 1 >= g->ntok || sj_tg_cue(g, g->tok[u].start, "model_suffix") != g->tok[u].end - g->tok[u].start)
    return SJ_TE_NONE;
  const char *pn = sj_tg_pos(g, u + 1);
  if (pn[0] != 'n' || pn[1] == 'r' || pn[1] == 's') return SJ_TE_NONE;
  sj_mention *m = sj_tg_add(g, g->tok[t].start, g->tok[u + 1].end, SJ_NAME);
  if (m) m->type = "equipment";
  return u + 2;
}

/* ---- names by suffix ---------------------------------------------------- */
/* Names by suffix (北京香山论坛, 东盟防长扩大会议) are found after the scan:
 * walk back from each meeting/venue suffix over proper-noun tokens. */
/* first mention (sorted by start) with start >= a */
static size_t ment_lb(const sj_tg *g, size_t nment, size_t a) {
  const sj_mention *M = g->d->mentions.data;
  size_t lo = 0, hi = nment;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (M[mid].start < a) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* two Chinese numerals of three bytes each at a (十五 of 十五大) */
static int cn_numerals2(sj_tg *g, size_t a) {
  for (size_t i = a; i < a + 6;) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    long d = sj_cn_digit(cp);
    if (l != 3 || d < 0 || d > 10) return 0;
    i += 3;
  }
  return 1;
}

/* A word that is a name by itself (cue class name_alone: 冬奥会, 世锦赛,
 * 冷战), its class from its name-suffix entry; a party congress by its
 * number (十五大: two Chinese numerals + 大).  1 if token t is one (and was
 * added unless a name already ends there). */
static int name_alone(sj_tg *g, size_t t, size_t mc) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *cls = NULL;
  sj_gfield f;
  if (sj_tg_cue_tok(g, t, "name_alone")) {
    cls = "other";
    if (sj_tg_gazk(g, a, SJ_K_NAMESUFFIX, &f) == b - a && f.n &&
        !(f.l[0] == 5 && !memcmp(f.s[0], "event", 5)))
      cls = sj_tg_str(g, f.s[0], f.l[0]);
  } else if (b - a > 6 && cn_numerals2(g, a) && sj_tg_cue(g, a + 6, "congress_suffix") == b - a - 6) {
    cls = "meeting";
  } else if (b - a >= 9 && b - a <= 12 && sj_tg_cue(g, b - 3, "law_suffix") == 3 &&
             sj_tg_pos(g, t)[0] == 'n' && !sj_tg_pos(g, t)[1 + (sj_tg_pos(g, t)[1] == 'z')] &&
             sj_te_lex_word_pos(g, a, b - 3)) {
    cls = "document"; /* 选举法/n: a law (a word of the lexicon + 法) */
  }
  if (!cls) return 0;
  for (size_t k = mc; k-- > 0 && k + 8 > mc;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_NAME && m->end == b) return 1;
  }
  /* (or one starting here: 《测绘法》) */
  for (size_t k = mc; k < g->d->mentions.n && k < mc + 4; k++) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->start > a) break;
    if (m->kind == SJ_NAME && m->end == b) return 1;
  }
  sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
  if (m) m->type = cls;
  return 1;
}

/* the walk of names_by_suffix over the tokens: the mentions (sorted by
 * start) before the token, the last proper noun and the last actor or
 * place */
typedef struct nwalk {
  size_t nment, mc;  /* the mentions sorted; those starting before the token */
  size_t last_prop;  /* the last proper-noun token, (size_t)-1 none */
  uint32_t last_ment; /* the start of the last actor or place */
  int have_ment;
} nwalk;

/* A name needs a proper noun or an actor/place within the 6 tokens before
 * its suffix: 1 if token t may end one (a word that is a name alone is
 * added here) */
static int name_near(sj_tg *g, nwalk *w, size_t t) {
  size_t i = g->tok[t].start;
  const char *tp = sj_tg_pos(g, t);
  const sj_mention *M = g->d->mentions.data;
  while (w->mc < w->nment && M[w->mc].start < i) {
    if (M[w->mc].kind == SJ_ACTOR || M[w->mc].kind == SJ_PLACE) { w->last_ment = M[w->mc].start; w->have_ment = 1; }
    w->mc++;
  }
  int near = (w->last_prop != (size_t)-1 && t - w->last_prop <= 7) ||
             (w->have_ment && (t < 8 || w->last_ment >= g->tok[t - 8].start));
  if ((tp[0] == 'n' && (tp[1] == 's' || tp[1] == 't' || tp[1] == 'z')) || (tp[0] == 'j' && !tp[1]) ||
      sj_tg_cue_tok(g, t, "inst_cn"))
    w->last_prop = t;
  if (name_alone(g, t, w->mc)) return 0;
  return near;
}

/* a name already ends at b among the mentions near the walk (银川舰) */
static int named_at(sj_tg *g, const nwalk *w, size_t b) {
  size_t mc = w->mc;
  for (size_t k = mc; k-- > 0 && k + 8 > mc;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_NAME && m->end == b) return 1;
  }
  for (size_t k = mc; k < w->nment && k < mc + 8; k++) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_NAME && m->end == b) return 1;
  }
  return 0;
}

/* Is the suffix (ls bytes) ending token t a verb here: the token a verb
 * and its object (签订协议), or a suffix that is also a verb (cue class
 * name_verb) before a verb or a preposition (计划 | 设立)? */
static int verb_suffix(sj_tg *g, size_t t, size_t ls) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  /* 评奖/vn: a verb of one character and the suffix word */
  if (b - ls == a + 3 && sj_tg_pos(g, t)[0] == 'v') return 1;
  if (b - ls > a) {
    const char *pv = sj_te_lex_word_pos(g, a, b - ls);
    if (pv && pv[0] == 'v' && !pv[1] && sj_tg_gazk(g, a, SJ_K_TRIGGER, NULL) == b - ls - a) return 1;
  }
  if (sj_tg_cue(g, b - ls, "name_verb") != ls || t + 1 >= g->ntok) return 0;
  const char *pn = sj_tg_pos(g, t + 1);
  return (pn[0] == 'v' && pn[1] != 'n') || pn[0] == 'p';
}

/* 八一飞行表演队: a unit name ending at token t needs a numeral name (八一)
 * or a proper noun that is no actor right before its descriptive words */
static void unit_name(sj_tg *g, size_t t) {
  size_t q = t, e = g->tok[t].end;
  int hops = 0;
  while (q > 0 && hops < 3) {
    size_t pt = q - 1;
    const char *p = sj_tg_pos(g, pt);
    size_t a = g->tok[pt].start, b = g->tok[pt].end;
    if (b - a >= 6 && b - a <= 9 && p[0] == 'm') {
      int cn = 1;
      for (size_t u = a; u < b && cn;) {
        uint32_t cp;
        u += (size_t)sj_t_dec(g->s, g->n, u, &cp);
        if (sj_cn_digit(cp) < 0 || sj_cn_digit(cp) > 9) cn = 0;
      }
      if (cn) {
        sj_mention *m = sj_tg_add(g, a, e, SJ_NAME);
        if (m) m->type = "unit";
      }
      break;
    }
    if (!(p[0] == 'v' || p[0] == 'n') || p[1] == 'r' || p[1] == 's' || b - a > 9) break;
    q = pt;
    hops++;
  }
}

/* The start of a name whose suffix (ls bytes) ends token t: walk back over
 * up to six tokens of nouns and modifiers; the name starts at the first
 * proper noun or actor/place mention of the walk.  0 if there is none
 * (else 1 and *start). */
static int name_start(sj_tg *g, size_t t, size_t ls, size_t nment, size_t *start_out) {
  size_t start = g->tok[t].end - ls;
  if (start > g->tok[t].start) start = g->tok[t].start;
  int proper = 0, coord = 0;
  size_t q = t;
  int ntoks = 0;
  while (q > 0 && ntoks < 6) {
    size_t pt = q - 1;
    const char *p = sj_tg_pos(g, pt);
    size_t a = g->tok[pt].start, b = g->tok[pt].end;
    int isprop = 0;
    /* a mention of an actor or place ending here */
    for (size_t k = ment_lb(g, nment, a > 90 ? a - 90 : 0); k < nment; k++) {
      sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
      if (m->start > a) break;
      if ((m->kind == SJ_ACTOR || m->kind == SJ_PLACE) && m->end == b && m->start <= a) {
        isprop = 1;
        a = m->start;
        break;
      }
    }
    if (!isprop) {
      if (p[0] == 'n' && (p[1] == 's' || p[1] == 't' || p[1] == 'z')) isprop = 1;
      /* a name the person rules left to the name (塔斯马尼安 | 国际…赛) */
      else if (p[0] == 'n' && p[1] == 'r' && sj_te_name_shape(g, a, b) == 'F') isprop = 1;
      else if (sj_streq(p, "j") || sj_tg_cue_tok(g, pt, "inst_cn")) isprop = 1;
    }
    uint32_t cp;
    sj_t_dec(g->s, g->n, a, &cp);
    int dash = (b - a == 1 && g->s[a] == '-') || dash_tok(g, pt); /* 美国—波罗的海宪章 */
    /* 交通 | 与 | 环保国际研讨会: a conjunction between two nouns inside the
     * name; the noun before it is the first conjunct, in the name */
    const char *pp = pt > 0 ? sj_tg_pos(g, pt - 1) : "x";
    int conj = proper && start == b && sj_tg_cue_tok(g, pt, "pair_conj") && b - a == 3 &&
               (pp[0] == 'n' || sj_streq(pp, "vn")) && pp[1] != 'r';
    if (coord && !isprop && (p[0] == 'n' || sj_streq(p, "vn")) && p[1] != 'r') isprop = 1;
    coord = conj;
    if (!isprop && !dash && !conj) {
      if (!(p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b' || sj_streq(p, "v") || (sj_streq(p, "a") && b - a <= 6))) break;
      if (b - a > 12 || is_punct_cp(cp)) break;
      /* one head: a word that ends a name of its own ends the walk
       * (中国海军导弹驱逐舰 | 银川舰) */
      if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, NULL)) break;
      if (sj_tg_cue_tok(g, pt, "name_walk_stop")) break;
      /* a verb of an event (立陶宛 | 签订 | 边界协议): the name is its object */
      if (sj_streq(p, "v") && sj_tg_gazk(g, a, SJ_K_TRIGGER, NULL) == b - a) break;
    }
    if (isprop) { proper = 1; start = a; }
    q = sj_tg_tok_at(g, a);
    ntoks++;
  }
  if (!proper || start >= g->tok[t].end - ls) return 0;
  /* 吉隆坡 | 东盟首脑会议: a city before the body whose meeting it is, the
   * venue, not in the name */
  size_t k0 = ment_lb(g, nment, start);
  if (k0 + 1 < nment) {
    const sj_mention *m0 = &SJ_VEC_AT(&g->d->mentions, sj_mention, k0), *m1 = m0 + 1;
    if (m0->start == start && m0->kind == SJ_PLACE && m1->start == m0->end && m1->kind == SJ_ACTOR &&
        m1->type && sj_streq(m1->type, "organization") && m1->end < g->tok[t].end - ls + 1)
      start = m1->start;
  }
  *start_out = start;
  return 1;
}

/* countries at the head of a venue name starting at start are places
 * (新加坡航展) */
static void venue_places(sj_tg *g, size_t start, size_t nment) {
  for (size_t k = ment_lb(g, nment, start); k < nment; k++) {
    sj_mention *a2 = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (a2->start > start) break;
    if (a2->kind == SJ_ACTOR && a2->start == start && a2->codes &&
        sj_streq(a2->type, "country") && strlen(a2->codes) == 3) {
      a2->kind = SJ_PLACE;
      a2->type = NULL;
    }
  }
}

static void names_by_suffix(sj_tg *g) {
  nwalk w;
  w.nment = g->d->mentions.n; /* sorted by start (sj_tag sorts first) */
  w.mc = 0;
  w.last_prop = (size_t)-1;
  w.last_ment = 0;
  w.have_ment = 0;
  for (size_t t = 0; t < g->ntok && !g->err; t++) {
    size_t i = g->tok[t].start, b = g->tok[t].end;
    sj_gfield f;
    const char *tp = sj_tg_pos(g, t);
    if (!name_near(g, &w, t)) continue;
    if (!(tp[0] == 'n' || tp[0] == 'v') || tp[1] == 'r') continue;
    if (b - i > 15) i = b - 15;
    /* the suffix ends this token */
    size_t ls = sj_tg_gaz_end(g, i, b, SJ_K_NAMESUFFIX, &f);
    /* …导弹 | 驱逐舰: the suffix word goes on in the next token */
    if (ls && sj_tg_gazk(g, b - ls, SJ_K_NAMESUFFIX, NULL) > ls) continue;
    if (!ls || !f.n) continue;
    const char *cls = (f.l[0] == 5 && !memcmp(f.s[0], "event", 5)) ? "other"
                      : sj_tg_str(g, f.s[0], f.l[0]);
    if (!cls) return;
    if (named_at(g, &w, b)) continue;
    if (verb_suffix(g, t, ls)) continue;
    if (sj_streq(cls, "unit")) { unit_name(g, t); continue; }
    size_t start;
    if (!name_start(g, t, ls, w.nment, &start)) continue;
    sj_mention *m = sj_tg_add(g, start, b, SJ_NAME);
    if (m) m->type = cls;
    if (sj_streq(cls, "other") || sj_tg_cue(g, b - ls, "venue_name")) venue_places(g, start, w.nment);
  }
}

void sj_tg_names_fix(sj_tg *g) {
  size_t nsorted = g->d->mentions.n;
  sj_te_persons_coded_later(g, nsorted);
  sj_te_groups_by_count(g, nsorted);
  sj_te_pairs_ahead(g, nsorted);
  names_by_suffix(g);
  if (!g->err) sj_te_persons_again(g, nsorted);
}
