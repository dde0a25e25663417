/*
 * tag_event.c — event triggers (gazetteer kind `trigger`: CAMEO code,
 * label, hint) and one sj_event per trigger mention with its date,
 * sources, targets and place.
 */
#include "tag_int.h"

#include <stdlib.h>
#include <string.h>

static size_t lit(const sj_tg *g, size_t i, const char *w) {
  return sj_t_lit(g->s, g->n, i, w);
}

void sj_tg_trigger(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  /* a trigger nested in the last one (巡航 in 联合空中战略巡航) is not another */
  if (g->trig.n && SJ_VEC_AT(&g->trig, sj_trig, g->trig.n - 1).end > i) return;
  /* a light verb fused with its noun in one token (举行会谈, 进行磋商):
   * the noun is the trigger */
  size_t te = g->tok[t].end;
  if (te - i > 6 && te - i <= 18 &&
      (sj_t_lit(g->s, g->n, i, "举行") || sj_t_lit(g->s, g->n, i, "召开") ||
       sj_t_lit(g->s, g->n, i, "进行") || sj_t_lit(g->s, g->n, i, "开展") ||
       sj_t_lit(g->s, g->n, i, "举办") || sj_t_lit(g->s, g->n, i, "参加") ||
       sj_t_lit(g->s, g->n, i, "提供") || sj_t_lit(g->s, g->n, i, "实施"))) {
    sj_gfield f0;
    if (sj_tg_gazk(g, i + 6, SJ_K_TRIGGER, &f0) == te - i - 6) i += 6;
  }
  const sj_gcache *gc = sj_tg_hits(g, i);
  if (!(gc->any & SJ_K_TRIGGER)) return;
  const sj_gaz_hit *h = gc->h;
  for (int q = gc->n - 1; q >= 0; q--) {
    sj_gfield f;
    if (!(h[q].kinds & SJ_K_TRIGGER)) continue;
    size_t e = i + h[q].len;
    /* a trigger must end a token: not 驱逐 in 驱逐舰, 参赛 in 参赛队 */
    if (!sj_tg_is_tend(g, e)) continue;
    if (!sj_tg_payload(g, h[q].payload, "trigger", &f) || f.n < 1) continue;
    sj_trig *tr = sj_vec_push(&g->trig);
    if (!tr) { g->err = SJ_ENOMEM; return; }
    tr->start = (uint32_t)i;
    tr->end = (uint32_t)e;
    tr->tok = (uint32_t)t;
    size_t cl = f.l[0] < 3 ? f.l[0] : 3;
    memcpy(tr->cameo, f.s[0], cl);
    tr->cameo[cl] = 0;
    tr->label = f.n >= 2 ? f.s[1] : NULL; /* copied when an event is made */
    tr->labellen = f.n >= 2 ? (uint32_t)f.l[1] : 0;
    tr->hint = 0;
    if (f.n >= 3 && f.l[2] >= 1) {
      switch (f.s[2][0]) {
      case 'l': tr->hint = f.l[2] == 2 ? 'V' : 'L'; break; /* light, lv */
      case 'w': tr->hint = 'W'; break;
      case 's': tr->hint = 'S'; break;
      case 'r': tr->hint = 'R'; break;
      default: break;
      }
    }
    tr->ctx = f.n >= 4 ? f.s[3] : NULL;
    tr->ctxlen = f.n >= 4 ? (uint32_t)f.l[3] : 0;
    return;
  }
}

/* ---- helpers ------------------------------------------------------------ */
static int is_stop(uint32_t cp) { /* phrase ends */
  return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
         cp == '\n' || cp == 0xFF1A || cp == ',' || cp == ';' || cp == '!' || cp == '?';
}
/* The clause stops of the current sentence, found once per sentence
 * (sj_tg_events): phrase bounds are then a binary search, not a rescan of
 * the sentence for every trigger and actor. */
static const char *const NEG[] = {"不", "未", "没有", "没", "并未", "尚未", NULL};
static const char *const FUT[] = {"将", "拟", "计划", "即将", "将要", "准备", "打算", NULL};
static const char *const HYP[] = {"如果", "若", "一旦", "假如", "倘若", "如若", NULL};

/* the negation, future and hypothesis words starting at i (SJ_* flags) */
static unsigned marker_at(const sj_tg *g, size_t i, uint32_t c0) {
  unsigned f = 0;
  switch (c0) {
  case 0x4E0D: case 0x672A: case 0x6CA1: case 0x5E76: case 0x5C1A: case 0x5C06: case 0x62DF:
  case 0x8BA1: case 0x5373: case 0x51C6: case 0x6253: /* 不未没并尚将拟计即准打 */
    for (const char *const *w = NEG; *w; w++)
      if (lit(g, i, *w)) f |= SJ_NEGATED;
    for (const char *const *w = FUT; *w; w++)
      if (lit(g, i, *w) && !lit(g, i, "将领") && !lit(g, i, "将士")) f |= SJ_FUTURE;
    break;
  case 0x5982: case 0x82E5: case 0x4E00: case 0x5047: case 0x5018: /* 如若一假倘 */
    for (const char *const *w = HYP; *w; w++)
      if (lit(g, i, *w) && !lit(g, i, "若干")) f |= SJ_HYPOTHETICAL;
    break;
  default: break;
  }
  return f;
}

static int push_stop(sj_tg *g, size_t a, size_t b) {
  if (g->nstop == g->capstop && sj_tg_grow_stops(g)) return -1;
  g->stop[g->nstop].a = (uint32_t)a;
  g->stop[g->nstop++].b = (uint32_t)b;
  return 0;
}

/* Remember a negation/future/hypothesis marker at i; 0, or -1 (no memory). */
static int push_mark(sj_tg *g, size_t i, unsigned f) {
  if (g->nmark == g->capmark) {
    size_t nc = g->capmark ? g->capmark * 2 : 16;
    struct sj_mark *nm = realloc(g->mark, nc * sizeof *nm);
    if (!nm) { g->err = SJ_ENOMEM; return -1; }
    g->mark = nm;
    g->capmark = nc;
  }
  g->mark[g->nmark].at = (uint32_t)i;
  g->mark[g->nmark++].f = f;
  return 0;
}

/* One pass over a sentence with triggers: its clause stops (phrase bounds
 * are then a binary search, not a rescan for every trigger and actor) and
 * its negation/future/hypothesis markers (sj_tg_events). */
static void clause_stops(sj_tg *g, size_t sa, size_t sb) {
  g->nstop = 0;
  g->nmark = 0;
  for (size_t i = sa; i < sb && !g->err;) {
    unsigned char c = (unsigned char)g->s[i];
    /* CJK ideographs U+4000..U+9FFF (lead bytes E4..E9): never a stop,
     * maybe a marker */
    if (c >= 0xE4 && c <= 0xE9 && i + 2 < g->n && ((unsigned char)g->s[i + 1] & 0xC0) == 0x80 &&
        ((unsigned char)g->s[i + 2] & 0xC0) == 0x80) {
      uint32_t cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(g->s[i + 1] & 0x3F) << 6) |
                    (uint32_t)(g->s[i + 2] & 0x3F);
      unsigned f = (0x480422850820c5ull >> (cp & 63) & 1) ? marker_at(g, i, cp) : 0;
      if (f && push_mark(g, i, f)) return;
      i += 3;
      continue;
    }
    if (c < 0x80) {
      if ((c == '\n' || c == ',' || c == ';' || c == '!' || c == '?') && push_stop(g, i, i + 1))
        return;
      i++;
      continue;
    }
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    if (is_stop(cp)) {
      if (push_stop(g, i, i + (size_t)l)) return;
    } else {
      /* 0x480422850820c5: the bits (cp & 63) of the marker characters
       * 不未没并尚将拟计即准打如若一假倘 (most characters skip the switch) */
      unsigned f = (0x480422850820c5ull >> (cp & 63) & 1) ? marker_at(g, i, cp) : 0;
      if (f && push_mark(g, i, f)) return;
    }
    i += (size_t)l;
  }
}
/* start of the clause holding i: just after the last stop ending <= i */
static size_t phrase_start(const sj_tg *g, size_t lo, size_t i) {
  size_t a = 0, b = g->nstop;
  while (a < b) {
    size_t mid = (a + b) / 2;
    if (g->stop[mid].b <= i) a = mid + 1; else b = mid;
  }
  size_t r = a ? g->stop[a - 1].b : lo;
  return r > lo ? r : lo;
}
/* end of the clause holding i: the first stop starting at or after i */
static size_t phrase_end(const sj_tg *g, size_t hi, size_t i) {
  size_t a = 0, b = g->nstop;
  while (a < b) {
    size_t mid = (a + b) / 2;
    if (g->stop[mid].a < i) a = mid + 1; else b = mid;
  }
  size_t r = a < g->nstop ? g->stop[a].a : hi;
  return r < hi ? r : hi;
}
static int root_eq(const char *a, const char *b) { return a[0] == b[0] && a[1] == b[1]; }

static const char *const PREP[] = {"向", "对", "与", "同", "和", "跟", "给", "及", "以及", NULL};
/* drills, patrols, parades and displays: done with a partner they are 062 */
static const char DRILL[] = "演|练|训|巡|阅兵|表演|亮相|比赛|集结";
/* what aid is given: relief goods and medical help are humanitarian (073) */
static const char AID_HUMAN[] =
  "医疗|医护|防疫|抗疫|物资|人道|救灾|救援|药品|疫苗|医院|口罩|防护服|试剂|粮食|食品|帐篷|"
  "专家组|医疗队|救治|款项|善款|赈灾";

/* what else makes a sending aid: its purpose (派出…协助救援, 派遣维和部队) */
static const char AID_MORE[] = "援助|支援|援建|维和|护航|撤侨|撤离|协助|帮助|搜救|救助|抢险";
/* an explosion in an accident, not an attack */
static const char ACCIDENT[] =
  "事故|意外|燃气|煤气|天然气|泄漏|泄露|起火|失火|火灾|交通|矿难|坍塌|化工|锅炉|瓦斯|烟花|爆竹|"
  "爆燃|矿井|煤矿";
/* signs that an explosion was an attack */
static const char ATTACK[] =
  "炸弹|袭击|恐怖|自杀|爆炸装置|爆炸物|武装分子|极端|认领|遇袭|枪手|引爆|炸死|炸伤";

/* the word before byte a, skipping nothing: a preposition makes a partner */
static int after_prep(const sj_tg *g, size_t a, size_t lo) {
  size_t i = a;
  for (int hop = 0; hop < 8 && i > lo; hop++) {
    for (const char *const *p = PREP; *p; p++) {
      size_t l = strlen(*p);
      if (i >= l + lo && sj_eqn(g->s + i - l, *p, l)) {
        if (hop == 0) return 1;
        return 1;
      }
    }
    /* step over a list separator and the actor before it (A、B) */
    uint32_t cp;
    size_t pv = sj_t_prev(g->s, i, &cp);
    if (cp == 0x3001) return 2; /* continue via the caller's list logic */
    (void)pv;
    return 0;
  }
  return 0;
}

/* a place after 在/于: where something happens, not a party */
static int at_loc(const sj_tg *g, size_t a, size_t lo) {
  return a >= lo + 3 && (sj_t_lit(g->s, g->n, a - 3, "在") || sj_t_lit(g->s, g->n, a - 3, "于"));
}

typedef struct amen { /* an actor or place mention in the sentence */
  size_t a, b;
  int place;
  int partner;  /* after a preposition */
  int object;   /* right after a verb: an object, not a subject (加强美台军事勾连) */
  int topic;    /* a place named as a topic (台湾问题), not a location */
  sj_codes c;
} amen;

/* does the word w[0..l) occur in s[a..b)?  For words of 3+ bytes (Han),
 * memchr finds the candidates by their third byte (a continuation byte,
 * rarer than a lead byte) */
static int has_word(const char *s, size_t a, size_t b, const char *w, size_t l) {
  if (!l || b < a + l) return 0;
  if (l < 3) {
    for (size_t k = a; k + l <= b; k++)
      if (s[k] == w[0] && !memcmp(s + k, w, l)) return 1;
    return 0;
  }
  const char *p = s + a + 2, *lim = s + b - l + 3;
  while (p < lim) {
    const char *q = memchr(p, w[2], (size_t)(lim - p));
    if (!q) return 0;
    if (q[-2] == w[0] && q[-1] == w[1] && !memcmp(q + 1, w + 3, l - 3)) return 1;
    p = q + 1;
  }
  return 0;
}

static int str_in(const sj_tg *g, size_t a, size_t b, const char *w) {
  return has_word(g->s, a, b, w, strlen(w));
}

/* a '|'-separated word of list [w, w + wl) occurs in [a, b) */
static int any_in(const sj_tg *g, size_t a, size_t b, const char *w, size_t wl) {
  size_t i = 0;
  while (i < wl) {
    size_t j = i;
    while (j < wl && w[j] != '|') j++;
    if (has_word(g->s, a, b, w + i, j - i)) return 1;
    i = j + 1;
  }
  return 0;
}
static int any_of(const sj_tg *g, size_t a, size_t b, const char *w) {
  return any_in(g, a, b, w, strlen(w));
}

static inline int tok_eq(const sj_tg *g, size_t t, const char *w) {
  size_t l = strlen(w);
  return t < g->ntok && g->tok[t].end - g->tok[t].start == l &&
         sj_eqn(g->s + g->tok[t].start, w, l);
}

/* verbs that make an abstract noun an act: 进行交流, 开展合作, 表示支持 */
static const char LICENSE[] = "举行|召开|进行|开展|组织|实施|表示|给予|提供|举办|展开|参加|参与|了";

/* is the trigger a happening, not a modifier, an anniversary, a name or a
 * noun in commentary?  May turn it into a name trigger (hint 'N'). */
static int keep_trigger(sj_tg *g, sj_trig *T, size_t sa, size_t sb, const sj_mention *M,
                        size_t nm, const sj_trig *prev) {
  size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
  /* context words the entry needs (演习 needs nothing; 亮相 needs a military word) */
  if (T->ctx && T->ctxlen && !any_in(g, sa, sb, T->ctx, T->ctxlen)) return 0;
  /* 派出/派遣/派 (070): aid only when what is sent or what for is aid
   * (医疗队, 物资, 救援, 维和); ships, aircraft and troops sent to an
   * exercise or a patrol are no aid: the exercise is the event */
  if (T->hint == 'V' && sj_streq(T->cameo, "070") && lit(g, T->start, "派")) {
    size_t xe = pe < sb ? phrase_end(g, sb, pe + 1) : pe; /* this clause and the next */
    if (!any_of(g, T->start, xe, AID_HUMAN) && !any_of(g, T->start, xe, AID_MORE)) return 0;
  }
  /* a visit as an attribute (会见了来访的…部长, 正在访问的…): the host's
   * meeting is the event, the visit only describes its guest */
  if (sj_streq(T->cameo, "042")) {
    size_t tn0 = sj_tg_tok_at(g, T->end);
    if (tn0 < g->ntok && g->tok[tn0].start == T->end && tok_eq(g, tn0, "的")) return 0;
  }
  /* an explosion is a bombing (183) only as an act: not in an accident
   * (燃气爆炸, 爆炸事故, 泄漏…起火), nor as a mere happening (…发生爆炸)
   * with no sign of an attack (炸弹, 袭击, 恐怖, 自杀式) */
  if (sj_streq(T->cameo, "183") && T->end - T->start == 6 && lit(g, T->start, "爆炸")) {
    if (any_of(g, sa, sb, ACCIDENT)) return 0;
    if (any_of(g, ps, T->start, "发生") && !any_of(g, sa, sb, ATTACK)) return 0;
  }
  /* an anniversary (…成立75周年, 纪念…胜利75周年) recalls, it does not report */
  if (any_of(g, T->end, pe, "周年")) return 0;
  /* 继…之后: a past event recalled as a reference point */
  if (any_of(g, ps, T->start, "继") && any_of(g, T->end, pe, "后")) return 0;
  /* normative content of a statement: 强调各国应加强团结，抵制… */
  {
    size_t t = T->tok;
    for (int hop = 0; hop < 40 && t > 0; hop++) {
      t--;
      if (g->tok[t].start < sa) break;
      size_t tl = g->tok[t].end - g->tok[t].start;
      if ((tl == 3 || tl == 6) && (tok_eq(g, t, "应") || tok_eq(g, t, "应该") ||
                                   tok_eq(g, t, "应当") || tok_eq(g, t, "必须"))) {
        /* under a saying verb before it */
        for (const sj_trig *p = prev; p && p->start >= sa && p->start < g->tok[t].start;) {
          if (p->cameo[0] == '0' && p->cameo[1] == '1') return 0;
          break;
        }
        if (any_of(g, sa, g->tok[t].start, "强调|指出|表示|呼吁|认为|主张")) return 0;
        break;
      }
    }
  }
  /* inside a name: a document or forum name says nothing happened; a
   * meeting name ending in its event noun is that event (…视频会议); an
   * exercise, contest or operation name may stand for its event */
  for (size_t k = 0; k < nm; k++) {
    if (M[k].kind != SJ_NAME || M[k].start > T->start || M[k].end < T->end) continue;
    const char *c = M[k].type ? M[k].type : "";
    if (sj_streq(c, "meeting") && M[k].end == T->end) break;
    if (sj_streq(c, "exercise") || sj_streq(c, "competition") || sj_streq(c, "operation")) {
      if (prev && prev->start == M[k].start && prev->hint == 'N') return 0;
      /* 联合国维和行动的关键力量, 参加维和行动30年来的历程: a modifier */
      for (size_t t = sj_tg_tok_at(g, M[k].end); t < g->ntok && g->tok[t].start < pe; t++) {
        const char *p = sj_tg_pos(g, t);
        if (p[0] == 'v') break;
        if (tok_eq(g, t, "的")) return 0;
      }
      T->start = M[k].start;
      T->end = M[k].end;
      T->hint = 'N';
      return 1;
    }
    return 0;
  }
  size_t tn = sj_tg_tok_at(g, T->end);
  const char *tp = sj_tg_pos(g, T->tok);
  int nounish = T->hint == 'L' || T->hint == 'W' || tp[0] == 'n' || sj_streq(tp, "vn");
  if (nounish && tn < g->ntok && g->tok[tn].start == T->end) {
    /* a frame, not an act: 在峰会上, 研讨会期间, 在…交流中, 演习后 */
    if (tok_eq(g, tn, "上") || tok_eq(g, tn, "期间") || tok_eq(g, tn, "中") ||
        tok_eq(g, tn, "之际") || tok_eq(g, tn, "前夕") || tok_eq(g, tn, "后") ||
        tok_eq(g, tn, "之后") || tok_eq(g, tn, "以来") || tok_eq(g, tn, "的"))
      return 0;
    /* a noun modifying the noun after it: 视频会议形式, 援助力量, 协作伙伴关系 */
    const char *np = sj_tg_pos(g, tn);
    if ((sj_streq(np, "n") || sj_streq(np, "vn") || sj_streq(np, "nz")) &&
        !tok_eq(g, tn, "任务") && !tok_eq(g, tn, "行动") && !tok_eq(g, tn, "活动") &&
        !tok_eq(g, tn, "工作")) {
      /* unless the next word names the event again (联演实兵演练) */
      size_t te = g->tok[tn].end, tl = te - g->tok[tn].start;
      int apposed = 0;
      if (tl >= 6 && sj_tg_gazk(g, te - 6, SJ_K_TRIGGER, NULL) == 6) apposed = 1;
      if (!apposed) return 0;
    }
  }
  if (T->hint == 'W') {
    /* an abstract word is an act only after a verb that makes it one, or with 了 */
    if (tok_eq(g, tn, "了")) return 1;
    size_t t = T->tok;
    for (int hop = 0; hop < 5 && t > 0; hop++) {
      t--;
      if (g->tok[t].start < ps) break;
      size_t l = g->tok[t].end - g->tok[t].start;
      const char *w = LICENSE;
      size_t i = 0, wl = sizeof LICENSE - 1;
      while (i < wl) {
        size_t j = i;
        while (j < wl && w[j] != '|') j++;
        if (j - i == l && !memcmp(w + i, g->s + g->tok[t].start, l)) return 1;
        i = j + 1;
      }
    }
    return 0;
  }
  return 1;
}

/* does the clause [ps, pe) name a party of its own: an actor before the
 * trigger, a name, or a destination (赴亚丁湾)? */
static int own_party(const sj_tg *g, const struct amen *A, size_t na, size_t ps, size_t pe,
                     size_t trig, const sj_mention *M, size_t nm) {
  for (size_t k = 0; k < na; k++) {
    if (A[k].a < ps || A[k].b > pe) continue;
    if (!A[k].place && A[k].a < trig) return 1;
    if (A[k].place && A[k].a >= 3 && (sj_t_lit(g->s, g->n, A[k].a - 3, "赴") ||
                                      (A[k].a >= 6 && (sj_t_lit(g->s, g->n, A[k].a - 6, "前往") ||
                                                       sj_t_lit(g->s, g->n, A[k].a - 6, "飞往")))))
      return 1;
  }
  for (size_t k = 0; k < nm; k++)
    if (M[k].kind == SJ_NAME && M[k].start >= ps && M[k].end <= pe) return 1;
  return 0;
}

/* a sentence with actors of two or more countries: a drill or parade there
 * is done with a partner (中国军队使用俄军装备参加演习) */
static int foreign_party(const sj_tg *g, const struct amen *A, size_t na, const sj_codes *src) {
  (void)g;
  sj_codes all = *src;
  for (size_t k = 0; k < na; k++)
    if (!A[k].place) sj_codes_merge(&all, &A[k].c);
  return all.n >= 2;
}
/* the sentence names an exercise or contest (“高加索-2020”) */
static int named_drill(const sj_mention *M, size_t nm) {
  for (size_t k = 0; k < nm; k++)
    if (M[k].kind == SJ_NAME && M[k].type &&
        (sj_streq(M[k].type, "exercise") || sj_streq(M[k].type, "competition")))
      return 1;
  return 0;
}

int sj_tg_events(sj_tg *g) {
  sj_doc *d = g->d;
  const sj_span *sent = d->spans[SJ_SENTENCE].data;
  size_t nsent = d->spans[SJ_SENTENCE].n;
  static const sj_mention no_mentions[1]; /* never NULL: men + m0 below */
  const sj_mention *men = d->mentions.n ? (const sj_mention *)d->mentions.data : no_mentions;
  size_t nmen = d->mentions.n;
  size_t ntr = g->trig.n;
  if (!ntr || !nsent) return SJ_OK;
  sj_trig *tr = g->trig.data;
  sj_vec am;
  sj_vec_init(&am, sizeof(amen));
  size_t mi = 0, ti = 0;
  /* state carried across sentences of one paragraph */
  uint32_t cur_para = (uint32_t)-1;
  const char *para_date = NULL;     /* a framing time at the paragraph head */
  const char *prev_date = NULL;     /* the last event date of the paragraph */
  char prev_cameo[4] = "";
  sj_codes prev_subj;
  prev_subj.n = 0;
  int rc = SJ_OK;

  for (size_t si = 0; si < nsent && ti < ntr; si++) {
    size_t sa = sent[si].start, sb = sent[si].end;
    if (sent[si].para != cur_para) {
      cur_para = sent[si].para;
      para_date = NULL; prev_date = NULL; prev_cameo[0] = 0; prev_subj.n = 0;
    }
    if (tr[ti].start >= sb) {
      /* no trigger: only note a framing time at the paragraph head */
      while (mi < nmen && men[mi].start < sa) mi++;
      for (size_t k = mi; k < nmen && men[k].start < sb && !para_date; k++)
        if (men[k].kind == SJ_TIME) {
          if (men[k].start <= sa + 16) para_date = men[k].value;
          break;
        }
      continue;
    }
    clause_stops(g, sa, sb);
    if (g->err) { rc = g->err; goto out; }
    /* mentions of this sentence */
    while (mi < nmen && men[mi].start < sa) mi++;
    size_t m0 = mi, m1 = mi;
    while (m1 < nmen && men[m1].start < sb) m1++;
    am.n = 0;
    const char *first_time = NULL;
    size_t first_time_at = 0;
    for (size_t k = m0; k < m1; k++) {
      const sj_mention *m = &men[k];
      if (m->kind == SJ_TIME && !first_time) { first_time = m->value; first_time_at = m->start; }
      if (m->kind != SJ_ACTOR && m->kind != SJ_PLACE) continue;
      /* skip an actor nested in a longer actor */
      amen *x = sj_vec_push(&am);
      if (!x) { rc = SJ_ENOMEM; goto out; }
      x->a = m->start; x->b = m->end;
      x->place = m->kind == SJ_PLACE;
      sj_codes_parse(&x->c, m->codes);
      x->partner = 0;
      x->object = 0;
      x->topic = 0;
      if (m->kind == SJ_PLACE)
        x->topic = lit(g, m->end, "问题") || lit(g, m->end, "局势") || lit(g, m->end, "形势");
      else if (m->start > sa) {
        size_t tb = sj_tg_tok_at(g, m->start - 1);
        const char *bp = sj_tg_pos(g, tb);
        x->object = tb < g->ntok && g->tok[tb].end == m->start && bp[0] == 'v' && bp[1] == 0;
      }
    }
    /* partners: after a preposition, and lists continuing them */
    amen *A = am.data;
    for (size_t k = 0; k < am.n; k++) {
      size_t ps = phrase_start(g, sa, A[k].a);
      int r = after_prep(g, A[k].a, ps);
      if (r == 1) A[k].partner = 1;
      else if (r == 2 && k > 0 && A[k - 1].partner && A[k].a - A[k - 1].b <= 3) A[k].partner = 1;
    }
    /* a framing time at the head of a paragraph's first sentence */
    if (first_time && first_time_at <= sa + 16 && para_date == NULL) {
      para_date = first_time;
    }
    /* triggers of this sentence */
    size_t t0 = ti;
    while (ti < ntr && tr[ti].start < sb) ti++;
    const char *sent_date = NULL;
    sj_codes subj;
    subj.n = 0;
    int have_subj = 0;
    /* pass 1: triggers that name no event of their own */
    for (size_t q = t0; q < ti; q++) {
      sj_trig *T = &tr[q];
      if (T->start < sa) { T->cameo[0] = 0; continue; }
      const sj_trig *prev = NULL;
      for (size_t r = q; r-- > t0;)
        if (tr[r].cameo[0]) { prev = &tr[r]; break; }
      if (!keep_trigger(g, T, sa, sb, men + m0, m1 - m0, prev)) T->cameo[0] = 0;
    }
    /* pass 2: support verbs yield to the event noun of their clause;
     * one record per event (same root) */
    for (size_t q = t0; q < ti; q++) {
      sj_trig *T = &tr[q];
      if (!T->cameo[0]) continue;
      size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
      if (T->hint == 'V' || T->hint == 'S') {
        /* a support verb yields to the event word of its clause (派…护航),
         * or of a following clause that goes on without a party of its own
         * (派出…编队，安全护送…); a saying verb to what it announces */
        int yield = 0;
        for (size_t r = q + 1; r < ti && !yield; r++) {
          if (!tr[r].cameo[0]) continue;
          if (tr[r].start < pe) {
            if (T->hint == 'V' || !root_eq(tr[r].cameo, "01")) yield = 1;
          } else if (T->hint == 'V') {
            size_t rps = phrase_start(g, sa, tr[r].start), rpe = phrase_end(g, sb, tr[r].end);
            /* forces sent out (出动舰艇8艘，参加演习): the drill is the event */
            if (!own_party(g, A, am.n, rps, rpe, tr[r].start, men + m0, m1 - m0) &&
                (root_eq(tr[r].cameo, T->cameo) ||
                 (root_eq(T->cameo, "15") &&
                  (root_eq(tr[r].cameo, "15") || sj_streq(tr[r].cameo, "062")))))
              yield = 1;
            break;
          }
        }
        if (yield) { T->cameo[0] = 0; continue; }
      }
      /* a name stands for its event unless an event word follows it */
      if (T->hint == 'N') {
        int other = 0;
        for (size_t r = q + 1; r < ti; r++)
          if (tr[r].cameo[0] && tr[r].start >= T->end && tr[r].start <= T->end + 9) other = 1;
        if (other) { T->cameo[0] = 0; continue; }
      }
      int drop = 0;
      for (size_t r = q; r-- > t0;) {
        if (!tr[r].cameo[0]) continue;
        if (!root_eq(tr[r].cameo, T->cameo)) continue;
        size_t rps = phrase_start(g, sa, tr[r].start);
        if (rps == ps) {
          /* two events of one kind in a list, each with its own party or
           * name (从中柬“金龙”联合训练到中巴“雄鹰”联合训练) */
          int between = 0;
          for (size_t k = m0; k < m1; k++)
            if ((men[k].kind == SJ_NAME || men[k].kind == SJ_ACTOR) && men[k].start >= tr[r].end &&
                men[k].end <= T->start)
              between = 1;
          int inname = 0;
          for (size_t k = m0; k < m1; k++)
            if (men[k].kind == SJ_NAME && men[k].start < T->start && men[k].end >= T->end) inname = 1;
          if (between && !inname && T->hint != 'N') break;
          /* a re-mention (此类会议) keeps the first */
          size_t pt = T->tok > 0 ? T->tok - 1 : 0;
          if (T->tok > 0 && (tok_eq(g, pt, "此类") || tok_eq(g, pt, "这类") || tok_eq(g, pt, "该") ||
                             tok_eq(g, pt, "此次") || tok_eq(g, pt, "本次") || tok_eq(g, pt, "上述"))) {
            drop = 1; break;
          }
          /* a verb keeps its object's noun (出席…会议); in a noun phrase
           * (会晤和…视频会议) the head noun at the end wins */
          const char *rp = sj_tg_pos(g, tr[r].tok);
          size_t rn = sj_tg_tok_at(g, tr[r].end);
          int coord = tok_eq(g, rn, "和") || tok_eq(g, rn, "及") || tok_eq(g, rn, "与") ||
                      tok_eq(g, rn, "、") || tok_eq(g, rn, "以及");
          if (((rp[0] == 'v' && rp[1] == 0) || tr[r].hint == 'V') && !coord) { drop = 1; break; }
          tr[r].cameo[0] = 0;
          break;
        }
        /* a later clause with no party of its own goes on telling the
         * same event (召开视频会议，交流…经验); statements always do */
        if (root_eq(T->cameo, "01")) { drop = 1; break; }
        if ((!strcmp(tr[r].cameo, T->cameo) || T->cameo[2] == '0') &&
            !own_party(g, A, am.n, ps, pe, T->start, men + m0, m1 - m0)) { drop = 1; break; }
        break;
      }
      if (drop) { T->cameo[0] = 0; continue; }
    }
    for (size_t q = t0; q < ti; q++) {
      sj_trig *T = &tr[q];
      if (!T->cameo[0] || T->start < sa) continue;
      size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
      sj_event *ev = sj_vec_push(&d->events);
      if (!ev) { rc = SJ_ENOMEM; goto out; }
      ev->start = T->start; ev->end = T->end;
      ev->sent_start = (uint32_t)sa; ev->sent_end = (uint32_t)sb;
      memcpy(ev->cameo, T->cameo, 4);
      ev->label = T->label ? sj_tg_str(g, T->label, T->labellen) : NULL;
      /* aid unspecified: what is given says which (CAMEO 072/073/074) */
      if (sj_streq(T->cameo, "070")) {
        size_t xa = ps > sa ? ps : sa;
        if (any_of(g, xa, pe, AID_HUMAN)) {
          memcpy(ev->cameo, "073", 4); ev->label = "provide humanitarian aid";
        } else if (any_of(g, xa, pe, "维和")) {
          memcpy(ev->cameo, "074", 4); ev->label = "provide military protection or peacekeeping";
        } else if (any_of(g, xa, pe, "军事|武器|装备|弹药")) {
          memcpy(ev->cameo, "072", 4); ev->label = "provide military aid";
        }
      }
      /* date: the time nearest before the trigger in the sentence, else
       * after it; else the paragraph frame; else a re-mention */
      const char *date = NULL;
      size_t best = (size_t)-1;
      for (size_t k = m0; k < m1; k++) {
        const sj_mention *m = &men[k];
        if (m->kind != SJ_TIME || !m->value) continue;
        size_t dist = m->start < T->start ? T->start - m->start : (m->start - T->start) * 4;
        if (dist < best) { best = dist; date = m->value; }
      }
      if (!date) {
        if (para_date && (strstr(para_date, "/..") || strlen(para_date) == 4 || strstr(para_date, "../")))
          date = para_date;
        else if (prev_date && (lit(g, sa, "这") || lit(g, sa, "此") || lit(g, sa, "本次") ||
                               lit(g, sa, "该") || lit(g, sa, "在此") ||
                               (prev_cameo[0] && root_eq(prev_cameo, T->cameo))))
          date = prev_date;
      }
      ev->date = date;
      if (date) sent_date = date;
      /* sources: the subject — the nearest non-partner actor before the
       * trigger that is not the object of an earlier trigger */
      sj_codes src, tgt;
      src.n = 0; tgt.n = 0;
      int found = 0;
      for (size_t k = am.n; k-- > 0;) {
        if (A[k].a >= T->start || A[k].place || A[k].partner || A[k].object) continue;
        /* object of an earlier trigger in the same phrase? */
        int obj = 0;
        for (size_t r = t0; r < q; r++)
          if (tr[r].end <= A[k].a && phrase_start(g, sa, tr[r].start) == phrase_start(g, sa, A[k].a))
            obj = 1;
        if (obj) continue;
        src = A[k].c; found = 1;
        /* a list of subjects (缅甸、越南…6国向我国提供) */
        size_t kk = k;
        while (kk > 0 && !A[kk - 1].partner && !A[kk - 1].place && A[kk].a - A[kk - 1].b <= 3 &&
               A[kk].a >= A[kk - 1].b) {
          sj_codes_merge(&src, &A[kk - 1].c);
          kk--;
        }
        break;
      }
      if (found) { subj = src; have_subj = 1; }
      else if (have_subj) src = subj;
      else if (prev_subj.n) src = prev_subj;
      /* targets: partners in the phrase before the trigger, objects after it */
      for (size_t k = 0; k < am.n; k++) {
        if (A[k].a < ps || A[k].b > pe) {
          /* a list may run over 、 into the next phrase part: same phrase only */
          continue;
        }
        if (A[k].a < T->start) {
          /* a partner or location belongs to the first event word after
           * it (就美对台军售、美舰擅闯…: 台 goes with 军售 only) */
          int taken = 0;
          for (size_t r = t0; r < q && !taken; r++)
            if (tr[r].cameo[0] && tr[r].start >= A[k].b && tr[r].end <= T->start) taken = 1;
          if (taken || A[k].topic) continue;
          if (A[k].partner) sj_codes_merge(&tgt, &A[k].c);
          else if (A[k].place || A[k].object) {
            for (int z = 0; z < A[k].c.n; z++)
              if (!sj_codes_has(&src, A[k].c.c[z])) sj_codes_add(&tgt, A[k].c.c[z], 3);
          }
        } else {
          for (int z = 0; z < A[k].c.n; z++)
            if (!sj_codes_has(&src, A[k].c.c[z])) sj_codes_add(&tgt, A[k].c.c[z], 3);
        }
      }
      /* objects in a list after the trigger run across 、 clauses */
      /* joint acts: a multi-party subject, or a 联合 trigger with partners */
      int joint = src.n >= 2;
      if (!joint && tgt.n && (str_in(g, T->start, T->end, "联合") || lit(g, T->start, "联"))) joint = 1;
      if (joint) {
        sj_codes_merge(&src, &tgt);
        tgt = src;
      }
      if (!tgt.n && root_eq(T->cameo, "05")) {
        for (size_t k = 0; k < am.n; k++)
          if (A[k].a < T->start && (A[k].partner || (A[k].a > sa && k > 0)) && !A[k].place)
            for (int z = 0; z < A[k].c.n; z++)
              if (!sj_codes_has(&src, A[k].c.c[z])) sj_codes_add(&tgt, A[k].c.c[z], 3);
      }
      /* a drill or parade with a foreign party is military cooperation
       * (CAMEO 062), not a show of force (15x) */
      if (root_eq(T->cameo, "15") && any_of(g, T->start, T->end, DRILL) && (tgt.n > 0 || joint || foreign_party(g, A, am.n, &src) ||
                                      (!src.n && named_drill(men + m0, m1 - m0)))) {
        memcpy(ev->cameo, "062", 4);
        ev->label = "cooperate militarily";
      }
      ev->sources = sj_codes_str(g, &src);
      ev->targets = sj_codes_str(g, &tgt);
      /* place: a place after 在/于 in the trigger's clause, else in the
       * sentence, else the nearest place of the sentence; with its
       * coordinated run */
      {
        size_t bk = (size_t)-1, bd = (size_t)-1;
        int btier = 4;
        for (size_t k = 0; k < am.n; k++) {
          if (!A[k].place) continue;
          int tier = 3;
          if (!A[k].topic && at_loc(g, A[k].a, sa))
            tier = A[k].a >= ps && A[k].b <= pe ? 0 : 2;
          else if (A[k].a >= ps && A[k].b <= pe)
            tier = 1;
          size_t dist = A[k].a < T->start ? T->start - A[k].a : (A[k].a - T->start) * 2;
          if (tier < btier || (tier == btier && dist < bd)) { btier = tier; bd = dist; bk = k; }
        }
        if (bk != (size_t)-1) {
          size_t lo = bk, hi = bk;
          while (lo > 0 && A[lo - 1].place && A[lo].a >= A[lo - 1].b && A[lo].a - A[lo - 1].b <= 3) lo--;
          while (hi + 1 < am.n && A[hi + 1].place && A[hi + 1].a >= A[hi].b && A[hi + 1].a - A[hi].b <= 3) hi++;
          ev->place = sj_tg_str(g, g->s + A[lo].a, A[hi].b - A[lo].a);
        }
      }
      /* flags: markers of the clause before the trigger (negation close
       * to it), of the sentence before it (hypothesis) */
      for (size_t k = 0; k < g->nmark; k++) {
        const struct sj_mark *mk = &g->mark[k];
        if (mk->at >= T->start) break;
        if (mk->at >= ps) {
          if ((mk->f & SJ_NEGATED) && T->start - mk->at <= 9) ev->flags |= SJ_NEGATED;
          if (mk->f & SJ_FUTURE) ev->flags |= SJ_FUTURE;
        }
        if (mk->f & SJ_HYPOTHETICAL) ev->flags |= SJ_HYPOTHETICAL;
      }
      if (ev->date) prev_date = ev->date;
      memcpy(prev_cameo, T->cameo, 4);
    }
    if (have_subj) prev_subj = subj;
    (void)sent_date;
  }
out:
  sj_vec_free(&am);
  if (rc) return rc;
  return g->err;
}
