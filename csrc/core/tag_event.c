/*
 * tag_event.c — event triggers (gazetteer kind `trigger`: CAMEO code,
 * label, hint) and one sj_event per trigger mention with its date,
 * sources, targets and place.
 */
#include "tag_int.h"

#include <stdlib.h>
#include <string.h>

/* push the trigger [i, e) of token t with its gazetteer fields f */
static void push_trigger(sj_tg *g, size_t t, size_t i, size_t e, const sj_gfield *f) {
  sj_trig *tr = sj_vec_push(&g->trig);
  if (!tr) { g->err = SJ_ENOMEM; return; }
  tr->start = (uint32_t)i;
  tr->end = (uint32_t)e;
  tr->tok = (uint32_t)t;
  size_t cl = f->l[0] < 3 ? f->l[0] : 3;
  memcpy(tr->cameo, f->s[0], cl);
  tr->cameo[cl] = 0;
  tr->label = f->n >= 2 ? f->s[1] : NULL; /* copied when an event is made */
  tr->labellen = f->n >= 2 ? (uint32_t)f->l[1] : 0;
  tr->hint = 0;
  if (f->n >= 3 && f->l[2] >= 1) {
    switch (f->s[2][0]) {
    case 'l': tr->hint = f->l[2] == 2 ? 'V' : 'L'; break; /* light, lv */
    case 'w': tr->hint = 'W'; break;
    case 's': tr->hint = 'S'; break;
    case 'r': tr->hint = 'R'; break;
    default: break;
    }
  }
  tr->ctx = f->n >= 4 ? f->s[3] : NULL;
  tr->ctxlen = f->n >= 4 ? (uint32_t)f->l[3] : 0;
  tr->user = tr->joint = tr->speaks = 0;
}

/* the fields of a trigger entry of exactly len bytes at i, or 0 */
static int trigger_at(sj_tg *g, size_t i, size_t len, sj_gfield *f) {
  const sj_gcache *gc = sj_tg_hits(g, i);
  if (!(gc->any & SJ_K_TRIGGER)) return 0;
  for (int q = gc->n - 1; q >= 0; q--)
    if ((gc->h[q].kinds & SJ_K_TRIGGER) && gc->h[q].len == len)
      return sj_tg_payload(g, gc->h[q].payload, "trigger", f) && f->n >= 1;
  return 0;
}

/* A word the lexicon fused from a two-character event word and two more
 * characters: a saying verb or a meeting word at its end (明确指出,
 * 首脑会晤), or a signing verb with its object (签订协议).  Other fusions
 * name things (抗震救灾, 护航编队).  0 if none. */
static int fused_trigger(sj_tg *g, size_t t, size_t *i, size_t *e, sj_gfield *f) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (b - a != 12 || (unsigned char)g->s[a] < 0xE0) return 0; /* four Han characters */
  if (trigger_at(g, a + 6, 6, f) &&
      ((f->n >= 3 && f->l[2] >= 1 && f->s[2][0] == 's') || (f->s[0][0] == '0' && f->s[0][1] == '4'))) {
    *i = a + 6; *e = b;
    return 1;
  }
  if (trigger_at(g, a, 6, f) && f->l[0] >= 3 && !memcmp(f->s[0], "057", 3)) {
    *i = a; *e = a + 6;
    return 1;
  }
  return 0;
}

void sj_tg_trigger(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  /* a trigger nested in the last one (巡航 in 联合空中战略巡航) is not another */
  if (g->trig.n && SJ_VEC_AT(&g->trig, sj_trig, g->trig.n - 1).end > i) return;
  /* a light verb fused with its noun in one token (举行会谈, 进行磋商):
   * the noun is the trigger */
  size_t te = g->tok[t].end;
  if (te - i > 6 && te - i <= 18 && sj_tg_cue(g, i, "light") == 6) {
    sj_gfield f0;
    if (sj_tg_gazk(g, i + 6, SJ_K_TRIGGER, &f0) == te - i - 6) i += 6;
  }
  /* a saying verb the segmenter fused with the word before it (萨维说,
   * 时说): the last character is the trigger, unless the token is a word
   * of its own ending in it (小说, 据说: cue class not_say_end) */
  if (te - i >= 6 && te - i <= 15 && sj_tg_cue(g, te - 3, "say_end") == 3 &&
      !sj_tg_cue_tok(g, t, "not_say_end"))
    i = te - 3;
  sj_gfield f;
  const sj_gcache *gc = sj_tg_hits(g, i);
  if (gc->any & SJ_K_TRIGGER) {
    const sj_gaz_hit *h = gc->h;
    for (int q = gc->n - 1; q >= 0; q--) {
      if (!(h[q].kinds & SJ_K_TRIGGER)) continue;
      size_t e = i + h[q].len;
      /* a trigger must end a token: not 驱逐 in 驱逐舰, 参赛 in 参赛队 */
      if (!sj_tg_is_tend(g, e)) continue;
      if (!sj_tg_payload(g, h[q].payload, "trigger", &f) || f.n < 1) continue;
      push_trigger(g, t, i, e, &f);
      return;
    }
  }
  size_t fi, fe;
  if (i == g->tok[t].start && fused_trigger(g, t, &fi, &fe, &f)) push_trigger(g, t, fi, fe, &f);
}


/* ---- clauses and markers ------------------------------------------------- */
/* Cue words (dict/gaz/cues-event.tsv) decide roles, markers and refinements;
 * the classes are documented in that file's header. */

static int is_stop(uint32_t cp) { /* clause ends */
  return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
         cp == '\n' || cp == 0xFF1A || cp == ',' || cp == ';' || cp == '!' || cp == '?';
}

/* The cue words a sentence's triggers ask about, found in one pass
 * (clause_stops) and kept as marks: the event flags SJ_NEGATED, SJ_FUTURE,
 * SJ_HYPOTHETICAL and these.  A `plain` word (将领, 若干) starting at the
 * same place is none of neg/fut/hyp; the M_TOK classes count only as whole
 * tokens. */
enum {
  M_NORM = 1u << 4,        /* norm: 应, 必须 */
  M_RECALL_OPEN = 1u << 5, /* recall_open: 继 */
  M_FRAME_OPEN = 1u << 6,  /* frame_open: 在 */
  M_INVITE_OPEN = 1u << 7, /* invite_open: 应 (应…邀请) */
  M_TOPIC_OPEN = 1u << 8,  /* topic_open: 就 */
  M_TOPIC_CLOSE = 1u << 9, /* topic_close: 等, 问题 */
  M_PER = 1u << 10,        /* per: 按, 根据 (按…要求) */
  M_PURPOSE = 1u << 11,    /* purpose: 为了, 以便 (an aim, not an act) */
  M_TOK = M_NORM | M_FRAME_OPEN | M_INVITE_OPEN | M_TOPIC_OPEN | M_TOPIC_CLOSE | M_PER | M_PURPOSE
};
static const char *const MARK_CLS[] = {"plain", "neg", "fut", "hyp", "norm", "recall_open",
                                       "frame_open", "invite_open", "topic_open", "topic_close",
                                       "per", "purpose"};
static const unsigned MARK_BIT[] = {0, SJ_NEGATED, SJ_FUTURE, SJ_HYPOTHETICAL, M_NORM,
                                    M_RECALL_OPEN, M_FRAME_OPEN, M_INVITE_OPEN, M_TOPIC_OPEN,
                                    M_TOPIC_CLOSE, M_PER, M_PURPOSE};
#define NMARK_CLS ((int)(sizeof MARK_CLS / sizeof MARK_CLS[0]))

static unsigned marker_at(sj_tg *g, size_t i) {
  size_t len[NMARK_CLS];
  unsigned m = sj_tg_cue_mask(g, i, MARK_CLS, NMARK_CLS, len), f = 0;
  size_t plain = m & 1 ? len[0] : 0;
  for (int k = 1; k < NMARK_CLS; k++) {
    if (!(m >> k & 1)) continue;
    if (MARK_BIT[k] & M_TOK) {
      if (sj_tg_tok_at(g, i) < g->ntok && g->tok[sj_tg_tok_at(g, i)].start == i &&
          sj_tg_is_tend(g, i + len[k]))
        f |= MARK_BIT[k];
    } else if (len[k] > plain || k > 3) {
      f |= MARK_BIT[k];
    }
  }
  return f;
}

/* the last mark with a bit of f in [a, b), or NULL */
static const struct sj_mark *mark_in(const sj_tg *g, size_t a, size_t b, unsigned f) {
  const struct sj_mark *r = NULL;
  for (size_t k = 0; k < g->nmark && g->mark[k].at < b; k++)
    if (g->mark[k].at >= a && (g->mark[k].f & f)) r = &g->mark[k];
  return r;
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

/* One pass over a sentence with triggers: its clause stops (clause bounds
 * are then a binary search, not a rescan for every trigger and actor) and
 * the marks of the words starting its tokens. */
static void clause_stops(sj_tg *g, size_t sa, size_t sb) {
  g->nstop = 0;
  g->nmark = 0;
  for (size_t i = sa; i < sb && !g->err;) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    if (l <= 0) break;
    if (is_stop(cp)) {
      if (push_stop(g, i, i + (size_t)l)) return;
    } else if (cp >= 0x4E00 && sj_tg_is_tstart(g, i) &&
               (sj_tg_start_kinds(g, i) & SJ_K_CUE)) {
      unsigned f = marker_at(g, i);
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

/* ---- word look-ups --------------------------------------------------------- */
/* does a cue of class cls start somewhere in [a, b)? */
static int cue_in(sj_tg *g, size_t a, size_t b, const char *cls) {
  for (size_t i = a; i < b;) {
    uint32_t cp;
    int l = sj_t_dec(g->s, b, i, &cp);
    if (l <= 0) break;
    if (cp >= 0x4E00 && (sj_tg_start_kinds(g, i) & SJ_K_CUE)) {
      size_t cl = sj_tg_cue(g, i, cls);
      if (cl && i + cl <= b) return 1;
    }
    i += (size_t)l;
  }
  return 0;
}

/* does a cue of class cls made of whole tokens lie in [a, b)?  (应 the
 * modal, not the 应 of 应对) */
static int cue_words(sj_tg *g, size_t a, size_t b, const char *cls) {
  for (size_t t = sj_tg_tok_at(g, a); t < g->ntok && g->tok[t].start < b; t++) {
    size_t i = g->tok[t].start, cl = i >= a ? sj_tg_cue(g, i, cls) : 0;
    if (!cl || i + cl > b) continue;
    size_t e = sj_tg_tok_at(g, i + cl - 1);
    if (e < g->ntok && g->tok[e].end == i + cl) return 1;
  }
  return 0;
}

/* is the token t a cue of class cls as a whole? */
static int tok_cue(sj_tg *g, size_t t, const char *cls) {
  return sj_tg_cue_tok(g, t, cls) != 0;
}

/* token t is a cue of class cls or ends in one (出席, 应邀出席; 国际舆论) */
static int tok_ends_cue(sj_tg *g, size_t t, const char *cls) {
  return t < g->ntok && sj_tg_cue_end(g, g->tok[t].start, g->tok[t].end, cls) != 0;
}

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

/* a '|'-separated word of list [w, w + wl) occurs in [a, b) (a trigger's
 * context words) */
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

/* ---- which triggers tell an event ------------------------------------------ */
/* a support verb 派出/派遣 (070) is aid only when what is sent, or what for,
 * is aid (医疗队, 物资, 救援, 维和); forces sent to a drill are not */
static int aid_sent(sj_tg *g, const sj_trig *T, size_t sb, size_t pe) {
  if (!(T->hint == 'V' && sj_streq(T->cameo, "070") && sj_tg_cue(g, T->start, "send"))) return 1;
  size_t xe = pe < sb ? phrase_end(g, sb, pe + 1) : pe; /* this clause and the next */
  return cue_in(g, T->start, xe, "aid_human") || cue_in(g, T->start, xe, "aid_more");
}

/* an explosion is a bombing (183) only as an act: not in an accident
 * (燃气爆炸, 爆炸事故), nor as a mere happening (…发生爆炸) with no sign
 * of an attack (炸弹, 袭击, 自杀式) */
static int bombing(sj_tg *g, const sj_trig *T, size_t sa, size_t sb, size_t ps) {
  if (!sj_streq(T->cameo, "183") || !sj_tg_cue(g, T->start, "explode")) return 1;
  if (cue_in(g, sa, sb, "accident")) return 0;
  return !(cue_in(g, ps, T->start, "happen") && !cue_in(g, sa, sb, "attack"));
}

/* normative content of a statement (强调各国应加强团结): a modal before
 * the trigger under a saying verb */
static int normative(sj_tg *g, const sj_trig *T, size_t sa, const sj_trig *prev) {
  const struct sj_mark *mk = mark_in(g, sa, T->start, M_NORM);
  if (!mk) return 0;
  if (prev && prev->start >= sa && prev->start < mk->at && root_eq(prev->cameo, "01")) return 1;
  return cue_in(g, sa, mk->at, "say");
}

/* inside a name: a document or forum name says nothing happened; a meeting
 * name ending in its event noun is that event (…视频会议); an exercise,
 * contest or operation name may stand for its event (hint 'N').
 * 1 keep, 0 drop, -1 not in a name. */
static int in_name(sj_tg *g, sj_trig *T, const sj_mention *M, size_t nm, const sj_trig *prev,
                   size_t pe) {
  for (size_t k = 0; k < nm; k++) {
    if (M[k].kind != SJ_NAME || M[k].start > T->start || M[k].end < T->end) continue;
    const char *c = M[k].type ? M[k].type : "";
    if (sj_streq(c, "meeting") && M[k].end == T->end) return -1;
    if (!sj_streq(c, "exercise") && !sj_streq(c, "competition") && !sj_streq(c, "operation"))
      return 0;
    if (prev && prev->start == M[k].start && prev->hint == 'N') return 0;
    /* 联合国维和行动的关键力量: a modifier */
    for (size_t t = sj_tg_tok_at(g, M[k].end); t < g->ntok && g->tok[t].start < pe; t++) {
      if (sj_tg_pos(g, t)[0] == 'v') break;
      if (tok_cue(g, t, "modifier")) return 0;
    }
    T->start = M[k].start;
    T->end = M[k].end;
    T->hint = 'N';
    return 1;
  }
  return -1;
}

/* an event noun that is a time frame (在峰会上, 演习后) or modifies the noun
 * after it (视频会议形式, 援助力量) is no act */
static int noun_used(sj_tg *g, const sj_trig *T) {
  size_t tn = sj_tg_tok_at(g, T->end);
  const char *tp = sj_tg_pos(g, T->tok);
  int nounish = T->hint == 'L' || T->hint == 'W' || tp[0] == 'n' || sj_streq(tp, "vn");
  if (!nounish) return 1;
  /* an item of a list of topics (在…、维和、裁军、军控等问题上) */
  if (T->tok > 0 && tok_cue(g, T->tok - 1, "list_sep") && tn < g->ntok &&
      (tok_cue(g, tn, "list_sep") || tok_cue(g, tn, "topic_close")))
    return 0;
  if (tn >= g->ntok || g->tok[tn].start != T->end) return 1;
  if (tok_cue(g, tn, "frame")) return 0;
  const char *np = sj_tg_pos(g, tn);
  if ((sj_streq(np, "n") || sj_streq(np, "vn") || sj_streq(np, "nz")) && !tok_cue(g, tn, "event_head")) {
    /* unless the next word names the event again (联演实兵演练) */
    size_t te = g->tok[tn].end;
    return te - g->tok[tn].start >= 6 && sj_tg_gazk(g, te - 6, SJ_K_TRIGGER, NULL) == 6;
  }
  return 1;
}

/* a word used as a verb: tagged a verb, with a word of its clause before
 * it that is no modifier (的) and a word after it that starts its object
 * (英国支持中国…, 中方理解美方…, 并承诺恪守…) */
static int verb_used(sj_tg *g, const sj_trig *T, size_t ps) {
  const char *tp = sj_tg_pos(g, T->tok);
  if (!(tp[0] == 'v' && tp[1] == 0) || T->start != g->tok[T->tok].start) return 0;
  if (T->tok == 0 || g->tok[T->tok - 1].start < ps || tok_cue(g, T->tok - 1, "modifier")) return 0;
  if (mark_in(g, ps, T->start, M_NORM | M_PURPOSE)) return 0; /* 都应考虑, 为了反击 */
  size_t tn = sj_tg_tok_at(g, T->end);
  if (tn >= g->ntok || g->tok[tn].start != T->end || tok_cue(g, tn, "modifier")) return 0;
  const char *np = sj_tg_pos(g, tn);
  return np[0] == 'n' || np[0] == 'v' || np[0] == 'r' || np[0] == 'j';
}

/* an abstract word is an act only after a verb that makes it one, or with
 * 了, or used as a verb with its object */
static int licensed(sj_tg *g, const sj_trig *T, size_t ps) {
  size_t tn = sj_tg_tok_at(g, T->end), t = T->tok;
  if (tok_cue(g, tn, "license")) return 1;
  if (verb_used(g, T, ps)) return 1;
  for (int hop = 0; hop < 5 && t > 0; hop++) {
    t--;
    if (g->tok[t].start < ps) break;
    if (tok_cue(g, t, "license")) return 1;
  }
  return 0;
}

/* does the sentence [sa, sb) ask: is its last stop (before closing quotes
 * and brackets) ？ or ?  */
static int question(const sj_tg *g, size_t sa, size_t sb) {
  for (size_t i = sb, n = 0; i > sa && n < 4; n++) {
    size_t a = i - 1;
    while (a > sa && ((unsigned char)g->s[a] & 0xC0) == 0x80) a--; /* back to a lead byte */
    uint32_t cp;
    if (sj_t_dec(g->s, i, a, &cp) > 0 && is_stop(cp)) return cp == 0xFF1F || cp == '?';
    i = a;
  }
  return 0;
}

/* an event word heading the subject of its clause, someone's (川·立派的讲话
 * 表达了…, 两官员的被捕使…): a re-mention, no report; no verb before it in
 * the clause and a verb right after it */
static int subject_noun(sj_tg *g, const sj_trig *T, size_t ps) {
  if (T->tok == 0 || g->tok[T->tok - 1].end != T->start || !tok_cue(g, T->tok - 1, "modifier") ||
      T->end != g->tok[T->tok].end)
    return 0;
  for (size_t t = sj_tg_tok_at(g, ps); t + 1 < T->tok; t++)
    if (sj_tg_pos(g, t)[0] == 'v' || sj_tg_pos(g, t)[0] == 'p') return 0;
  size_t tn = T->tok + 1;
  return tn < g->ntok && sj_tg_pos(g, tn)[0] == 'v' && sj_tg_pos(g, tn)[1] == 0;
}

/* is T with its object a plan or a day spoken of (推迟了出访拉美国家的计划,
 * 纪念…受害者的日子): a plan noun after 的, within five words of T and no
 * clause mark, particle or conjunction between */
static int planned(sj_tg *g, const sj_trig *T, size_t pe) {
  if (T->hint == 'S') return 0; /* what is said may be of a plan (说这样的计划是安全的) */
  for (size_t t = T->tok + 1, hop = 0; t < g->ntok && g->tok[t].end <= pe && hop < 6; t++, hop++) {
    if (tok_cue(g, t, "modifier")) return t + 1 < g->ntok && tok_cue(g, t + 1, "plan_noun");
    const char *p = sj_tg_pos(g, t);
    if (p[0] == 'x' || p[0] == 'w' || p[0] == 'u' || p[0] == 'c') return 0;
  }
  return 0;
}

/* Background, not a report: a verb describing a noun with no actor of its
 * own (…中提出的设想), an
 * invitation a visit was made at (应X邀请), an act framing the time of
 * another (在出席…后, 在这次访问中), a kind of event talked about (这些援助) */
static int background(sj_tg *g, const sj_trig *T, size_t ps, size_t pe, const sj_mention *M,
                      size_t nm) {
  size_t tn = sj_tg_tok_at(g, T->end), t;
  /* 按…要求, 根据X签署的命令: the measure a thing is done by, a noun */
  if (mark_in(g, ps, T->start, M_PER)) return 1;
  if (tn < g->ntok && g->tok[tn].start == T->end && tok_cue(g, tn, "modifier")) {
    /* …with its own actor (中美签订的协议, 集团军紧急捐赠的) it is told */
    size_t near = T->tok >= 2 ? g->tok[T->tok - 2].start : ps;
    int visit = sj_streq(T->cameo, "042");
    for (size_t k = 0; k < nm; k++) {
      if (M[k].kind != SJ_ACTOR) continue;
      if (M[k].end >= near && M[k].end <= T->start) return 0;
      /* …or a visitor after it (来访的智利外长) */
      if (visit && M[k].start >= g->tok[tn].end && M[k].start <= g->tok[tn].end + 6) return 0;
    }
    return 1;
  }
  if (T->tok > 0 && g->tok[T->tok - 1].start >= ps && tok_cue(g, T->tok - 1, "demonstrative"))
    return 1;
  /* a noun after 的 (深受…的欢迎, 提出的…要求) is an act only as someone's
   * (总理的赞扬), after a light verb (致以…的问候) or in the passive
   * (遭到…的反对) */
  if ((!T->hint || T->hint == 'W') && T->tok > 0 && g->tok[T->tok - 1].start >= ps &&
      g->tok[T->tok - 1].end == T->start && tok_cue(g, T->tok - 1, "modifier") &&
      !licensed(g, T, ps) && !cue_in(g, ps, T->start, "by")) {
    size_t de = g->tok[T->tok - 1].start, k = 0;
    while (k < nm && !(M[k].kind == SJ_ACTOR && M[k].end == de)) k++;
    if (k == nm) return 1;
  }
  if (subject_noun(g, T, ps) || planned(g, T, pe)) return 1;
  /* an aim (为了申请股票上市, 以便…) is not an act */
  if (mark_in(g, ps, T->start, M_PURPOSE)) return 1;
  /* attending a ceremony (出席了开工典礼) is no consultation */
  if (sj_tg_cue(g, T->start, "attend") == T->end - T->start && cue_in(g, T->end, pe, "ceremony")) return 1;
  if (sj_streq(T->cameo, "036") && mark_in(g, ps, T->start, M_INVITE_OPEN)) return 1;
  /* a verb right before 时, 后 (访华时, 签订后, 视察后指出) anchors the time
   * of another act */
  if (tn < g->ntok && g->tok[tn].start == T->end && tok_cue(g, tn, "frame_end") &&
      T->start == g->tok[T->tok].start && sj_tg_pos(g, T->tok)[0] == 'v' && !cue_in(g, ps, T->start, "by"))
    return 1; /* (not a passive, told for itself: 被…逮捕后，囚于…) */
  if (!mark_in(g, ps, T->start, M_FRAME_OPEN)) return 0;
  for (t = tn; t < g->ntok && g->tok[t].start < pe; t++)
    if (tok_cue(g, t, "frame_end")) return 1;
  return 0;
}

/* how many triggers of the sentence (from sa on, in [t0, ti)) tell a
 * meeting or a visit (CAMEO root 04) */
static int meetings(const sj_trig *tr, size_t t0, size_t ti, size_t sa) {
  int n = 0;
  for (size_t r = t0; r < ti; r++) n += tr[r].start >= sa && root_eq(tr[r].cameo, "04");
  return n;
}

/* is the trigger a happening, not a modifier, an anniversary, a name or a
 * noun in commentary?  May turn it into a name trigger (hint 'N'). */
static int keep_trigger(sj_tg *g, sj_trig *T, size_t sa, size_t sb, const sj_mention *M,
                        size_t nm, const sj_trig *prev, int nmeet) {
  size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
  if (T->speaks) return 1;
  if (question(g, sa, sb)) return 0; /* asked, not told (…究竟提出了哪些建议？) */
  /* context words the entry needs (演习 needs nothing; 亮相 a military word) */
  if (T->ctx && T->ctxlen && !any_in(g, sa, sb, T->ctx, T->ctxlen)) return 0;
  if (!aid_sent(g, T, sb, pe) || !bombing(g, T, sa, sb, ps)) return 0;
  /* a visit as an attribute (会见了来访的…部长): the host's meeting is the
   * event; with no meeting told (来访的…外长…说) the visit is */
  if (sj_streq(T->cameo, "042")) {
    size_t tn = sj_tg_tok_at(g, T->end);
    if (tn < g->ntok && g->tok[tn].start == T->end && tok_cue(g, tn, "modifier") && nmeet > 1)
      return 0; /* a meeting besides the visit itself */
  }
  /* an anniversary recalls, it does not report; so does 继…之后 */
  if (cue_in(g, T->end, pe, "recall")) return 0;
  if (mark_in(g, ps, T->start, M_RECALL_OPEN) && cue_in(g, T->end, pe, "recall_close")) return 0;
  if (normative(g, T, sa, prev)) return 0;
  int r = in_name(g, T, M, nm, prev, pe);
  if (r >= 0) return r;
  if (!noun_used(g, T) || background(g, T, ps, pe, M, nm)) return 0;
  if (T->hint == 'W') return licensed(g, T, ps);
  return 1;
}

/* ---- actor chunks and their roles ---------------------------------------- */
enum { R_NONE, R_TO, R_WITH, R_BY, R_AT };

typedef struct amen { /* an actor or place mention of the sentence */
  size_t a, b;
  int place;
  int topic;    /* a place named as a topic (台湾问题), not a location */
  int object;   /* right after a verb (加强美台军事勾连) */
  int paren;    /* an aside (（记者…）, a dateline): nobody's party */
  int role;     /* R_*: the cue before its chunk */
  int country;  /* an actor named by its country (美, 华, 俄罗斯) */
  int titled;   /* after a title of the actor before it (泰华协会荣誉主席X) */
  int body;     /* an organisation of no country (联合国, 欧盟) */
  size_t chain; /* index of the first actor of its coordinated chunk */
  sj_codes c;
} amen;


/* the role cue right before an actor at a (after the clause start lo) */
static int role_before(sj_tg *g, size_t lo, size_t a, int place) {
  if (sj_tg_cue_end(g, lo, a, "by")) return R_BY;
  if (sj_tg_cue_end(g, lo, a, "to")) return R_TO;
  if (sj_tg_cue_end(g, lo, a, "with")) return R_WITH;
  if (sj_tg_cue_end(g, lo, a, place ? "at" : "in")) return R_AT;
  /* a to-word + modifiers + the actor (向海内外台湾同胞, 向在京定居的台胞):
   * addressed; a verb only inside a modifier ending in 的 */
  size_t t = sj_tg_tok_at(g, a);
  if (t >= g->ntok || g->tok[t].start != a) return R_NONE;
  int de = 0;
  for (size_t u = t, hop = 0; u-- > 0 && hop < 6 && g->tok[u].start >= lo; hop++) {
    if (tok_cue(g, u, "to")) return R_TO;
    const char *p = sj_tg_pos(g, u);
    if (tok_cue(g, u, "modifier")) { if (de++) break; continue; }
    if (p[0] == 'x' || p[0] == 'w' || ((p[0] == 'v' || p[0] == 'p') && !de)) break;
  }
  return R_NONE;
}

/* is [a, b) a head noun or two of the actor before it, then a
 * coordinating word, not a list mark (泰国旅游机构和中国国家旅游局: 旅游机构
 * 和; not 对台军售、美舰: 、 lists topics)? */
static int noun_then_coord(sj_tg *g, size_t a, size_t b) {
  size_t t = sj_tg_tok_at(g, a), n = 0;
  if (t >= g->ntok || g->tok[t].start != a || b - a > 21) return 0;
  for (; t < g->ntok && g->tok[t].end <= b; t++, n++) {
    if (g->tok[t].end == b)
      return n > 0 && n <= 2 && tok_cue(g, t, "coord") && !tok_cue(g, t, "list_sep");
    const char *p = sj_tg_pos(g, t);
    if (p[0] != 'n' && !sj_streq(p, "vn")) return 0;
  }
  return 0;
}

/* is [a, b) a title of the actor after it, of the country or body before
 * it (法国驻华大使毛磊: one chunk)?  One to three nouns ending in a title
 * word (gazetteer kind title). */
static int title_between(sj_tg *g, size_t a, size_t b) {
  size_t t = sj_tg_tok_at(g, a), n = 0;
  if (t >= g->ntok || g->tok[t].start != a || b - a > 24) return 0;
  for (; t < g->ntok && g->tok[t].end <= b; t++, n++) {
    const char *p = sj_tg_pos(g, t);
    if (p[0] != 'n' && p[0] != 'b') return 0;
    if (g->tok[t].end == b) return n < 3 && sj_tg_gaz_end(g, a, b, SJ_K_TITLE, NULL) > 0;
  }
  return 0;
}

/* Roles of the sentence's actors: the cue before each chunk, chunks of
 * actors joined by a coordinating cue (X、Y和Z: one chunk, one role) */
static void mark_actors(sj_tg *g, amen *A, size_t n, size_t sa) {
  for (size_t k = 0; k < n; k++) {
    size_t lo = phrase_start(g, sa, A[k].a);
    A[k].chain = k;
    if (k > 0 && A[k - 1].b <= A[k].a && A[k - 1].b >= lo && A[k - 1].place == A[k].place) {
      size_t gap = A[k].a - A[k - 1].b;
      A[k].titled = !A[k - 1].place && title_between(g, A[k - 1].b, A[k].a);
      if (gap == 0 || (gap <= 9 && sj_tg_cue_end(g, A[k - 1].b, A[k].a, "coord") == gap) ||
          noun_then_coord(g, A[k - 1].b, A[k].a) || A[k].titled) {
        A[k].chain = A[k - 1].chain;
        A[k].role = A[k - 1].role;
        A[k].object = A[k - 1].object;
        continue;
      }
    }
    A[k].role = role_before(g, lo, A[k].a, A[k].place);
  }
}

/* the codes of chunk k (all its actors; a person after a title of a
 * country or body has the title's) merged into c */
static void chunk_codes(const amen *A, size_t n, size_t k, sj_codes *c) {
  for (size_t j = A[k].chain; j < n && A[j].chain == A[k].chain; j++)
    if (!A[j].titled || !A[j - 1].c.n) sj_codes_merge(c, &A[j].c); /* the title's country */
}

/* is actor k the object of a trigger before it in its clause?  Not of one
 * used attributively (来访的突尼斯外长: the visitor is the head) */
static int object_of_earlier(sj_tg *g, const sj_trig *tr, size_t t0, size_t q, size_t sa,
                             const amen *x) {
  for (size_t r = t0; r < q; r++)
    if (tr[r].end <= x->a && phrase_start(g, sa, tr[r].start) == phrase_start(g, sa, x->a) &&
        sj_tg_cue(g, tr[r].end, "modifier") == 0)
      return 1;
  return 0;
}

/* The subject chunk of a trigger: the nearest chunk in [lo, at) with no
 * role cue, not a place, not the object of a verb or of a trigger before it;
 * (size_t)-1 if none. */
static size_t subject_chunk(sj_tg *g, const amen *A, size_t n, size_t lo, size_t at,
                            const sj_trig *tr, size_t t0, size_t q, size_t sa) {
  for (size_t k = n; k-- > 0;) {
    if (A[k].a >= at || A[k].a < lo) continue;
    if (A[k].place || A[k].role != R_NONE || A[k].object || A[k].paren) continue;
    if (object_of_earlier(g, tr, t0, q, sa, &A[A[k].chain])) continue;
    /* a country inside a verb's token is its object (访俄) */
    if (g->tok[sj_tg_tok_at(g, A[k].a)].start < A[k].a) continue;
    return A[k].chain;
  }
  return (size_t)-1;
}

/* Where to look for the subject of a trigger at T in its clause [ps, T):
 * a topic frame (就 X、Y 等 …) holds events of their own.  A trigger after
 * the closed frame takes its subject from before 就 (X就…等向Z提出交涉); a
 * trigger inside it from its own list item (就美对台军售、美舰擅闯…). */
static void subject_span(sj_tg *g, size_t ps, size_t at, size_t *lo, size_t *hi, size_t *fb) {
  *lo = ps; *hi = at; *fb = ps;
  const struct sj_mark *mo = mark_in(g, ps, at, M_TOPIC_OPEN), *mc;
  if (!mo) return;
  size_t open = sj_tg_tok_at(g, mo->at), o = mo->at;
  if ((mc = mark_in(g, o + 1, at, M_TOPIC_CLOSE))) {
    *hi = o;
    *fb = g->tok[sj_tg_tok_at(g, mc->at)].end;
    return;
  }
  *lo = g->tok[open].end;
  for (size_t t = open + 1; t < g->ntok && g->tok[t].start < at; t++)
    if (tok_cue(g, t, "list_sep")) *lo = g->tok[t].end;
}

typedef struct roles { /* what the sentence loop carries between triggers */
  sj_codes subj;      /* the sentence's last subject */
  int have_subj;
  sj_codes para_subj; /* the paragraph's last subject */
  int para_have;
  sj_codes last_src;  /* the source of the paragraph's last event */
  sj_codes para_codes; /* the codes of every actor and place of the paragraph */
  int para_ready;      /* para_codes computed (on first need) */
  size_t pa, pb;       /* the paragraph's bytes */
  const sj_mention *men; /* the mentions from the paragraph's first on */
  size_t nmen;
} roles;

static void add_new(sj_codes *to, const sj_codes *c, const sj_codes *not) {
  for (int z = 0; z < c->n; z++)
    if (!sj_codes_has(not, c->c[z])) sj_codes_add(to, c->c[z], 3);
}

/* statements, appeals and intents (CAMEO roots 01-03) */
static int says(const char *cameo) {
  return cameo[0] == '0' && cameo[1] >= '1' && cameo[1] <= '3';
}

/* is the CAMEO root of cameo one of roots ("01|02|…")? */
static int has_root(const char *cameo, const char *roots) {
  for (; roots[0] && roots[1]; roots += roots[2] ? 3 : 2)
    if (root_eq(cameo, roots)) return 1;
  return 0;
}

/* statements, appeals, intents, investigations and shows of force name no
 * target when they name no other party (CAMEO roots 01-03, 09, 12, 15, 19) */
static int no_self_target(const char *cameo) { return has_root(cameo, "01|02|03|09|12|15|19"); }

/* does [a, b) speak of other countries without naming them (多国, 中外,
 * 28国)? */
static int foreign_any(sj_tg *g, size_t a, size_t b) {
  for (size_t i = a; i < b;) { /* not in a longer word that means no party (国际性) */
    uint32_t cp;
    int l = sj_t_dec(g->s, b, i, &cp);
    if (l <= 0) break;
    size_t cl = cp >= 0x4E00 ? sj_tg_cue(g, i, "foreign_any") : 0;
    if (cl && i + cl <= b && sj_tg_cue(g, i, "not_foreign") <= cl) return 1;
    i += (size_t)l;
  }
  for (size_t t = sj_tg_tok_at(g, a); t < g->ntok && g->tok[t].end <= b; t++) {
    if (sj_tg_pos(g, t)[0] != 'm') continue;
    /* 28 国, or one token 28国 */
    if (t + 1 < g->ntok && g->tok[t + 1].end <= b && tok_cue(g, t + 1, "country_word")) return 1;
    if (tok_ends_cue(g, t, "country_word")) return 1;
  }
  return 0;
}

/* does every code of a appear in b? */
static int same_set(const sj_codes *a, const sj_codes *b) {
  for (int z = 0; z < a->n; z++)
    if (!sj_codes_has(b, a->c[z])) return 0;
  return 1;
}

/* is the trigger done by both sides together (签署, 会谈; 联合, 共同 before it)? */
static int joint_act(sj_tg *g, const sj_trig *T, size_t ps) {
  if (T->joint) return 1;
  if (sj_tg_cue(g, T->start, "joint")) return 1;
  size_t t = T->tok;
  for (int hop = 0; hop < 2 && t > 0 && g->tok[t - 1].start >= ps; hop++)
    if (tok_cue(g, --t, "together")) return 1;
  return 0;
}

/* partners named in an earlier clause of the sentence (与俄方…编队，…组织
 * 联合巡航; 同日本…通话，就…达成共识), for an act with none of its own */
static void earlier_partners(const amen *A, size_t n, size_t sa, size_t ps, sj_codes *part) {
  for (size_t k = 0; k < n; k++)
    if (A[k].a >= sa && A[k].a < ps && A[k].role == R_WITH) sj_codes_merge(part, &A[k].c);
}

/* the chunks of the trigger's clause by role: to/with partners, agents,
 * hosts (在/赴 a place), the object after it and objects of verbs between
 * subject and trigger (加强美台军事勾连) */
static int clause_parties(sj_tg *g, const sj_trig *tr, size_t t0, size_t q, const amen *A,
                          size_t n, size_t ps, size_t fa, size_t fb, size_t pe, size_t sk, sj_codes *src,
                          sj_codes *tgt, sj_codes *part, sj_codes *agent, int *other) {
  const sj_trig *T = &tr[q];
  int obj_done = 0, own = 0;
  *other = 0;
  size_t s_end = sk != (size_t)-1 ? A[sk].b : ps;
  for (size_t k = 0; k < n; k++) {
    if (A[k].a < ps || A[k].b > pe || A[k].topic || A[k].paren || (A[k].a >= fa && A[k].b <= fb))
      continue; /* nor in a closed topic frame before the trigger, nor an aside */
    if (A[k].a < T->start) {
      /* a partner belongs to the first event word after it */
      int taken = 0;
      for (size_t r = t0; r < q && !taken; r++)
        if (tr[r].cameo[0] && tr[r].start >= A[k].b && tr[r].end <= T->start) taken = 1;
      /* …but 对 X 来访 表示欢迎: what is welcomed is X's */
      if (taken && !(A[k].role == R_TO && T->tok > 0 && tok_cue(g, T->tok - 1, "say"))) continue;
      if (A[k].role == R_TO) { sj_codes_merge(tgt, &A[k].c); *other = 1; }
      else if (A[k].role == R_WITH) { sj_codes_merge(part, &A[k].c); *other = 1; }
      else if (A[k].role == R_BY) { sj_codes_merge(agent, &A[k].c); own = 1; }
      else if ((A[k].role == R_AT || sj_tg_cue_end(g, ps, A[k].a, "dest")) && !says(T->cameo) &&
               !(A[k].role == R_AT && A[k].place && (sj_streq(T->cameo, "040") || sj_streq(T->cameo, "046"))))
        add_new(part, &A[k].c, src); /* 在伊朗访问, 赴俄参加演习: the host (not 在罗马举行会议) */
      else if (A[k].object && A[k].a >= s_end && !A[k].place)
        add_new(part, &A[k].c, src);
      else if (A[k].place && A[k].role == R_NONE && !says(T->cameo))
        add_new(part, &A[k].c, src); /* 叙利亚北部…发生爆炸 */
    } else if (A[k].a < T->end) {
      if (A[k].country) sj_codes_merge(tgt, &A[k].c); /* inside the trigger: 访华 */
    } else if ((A[k].role == R_NONE || A[k].role == R_TO ||
                (A[k].role == R_AT && (A[k].a == T->end || sj_tg_cue_end(g, T->end, A[k].a, "dest")))) &&
               (!obj_done || A[k].chain == A[k - 1].chain)) {
      add_new(tgt, &A[k].c, src); /* the object: 会见X, 飞往X */
      obj_done = *other = 1;
    }
  }
  return own;
}

/* The codes of the actors and places of the paragraph, found on first need;
 * none when a place or body of no country is named (东南亚, 上海合作组织)
 * or other countries are spoken of (多国): then no act of the paragraph is
 * taken for a domestic one */
static const sj_codes *para_codes(sj_tg *g, roles *R) {
  sj_codes *c = &R->para_codes;
  if (R->para_ready) return c;
  R->para_ready = 1;
  c->n = 0;
  if (foreign_any(g, R->pa, R->pb)) return c;
  for (size_t k = 0; k < R->nmen && R->men[k].start < R->pb; k++) {
    const sj_mention *m = &R->men[k];
    if (m->start < R->pa || (m->kind != SJ_ACTOR && m->kind != SJ_PLACE)) continue;
    if (!m->codes) { c->n = 0; return c; }
    sj_codes o;
    sj_codes_parse(&o, m->codes);
    sj_codes_merge(c, &o);
  }
  return c;
}

/* the codes of the coded actors of the paragraph (not its places) */
static void para_parties(const roles *R, sj_codes *c) {
  c->n = 0;
  for (size_t k = 0; k < R->nmen && R->men[k].start < R->pb; k++) {
    const sj_mention *m = &R->men[k];
    if (m->start < R->pa || m->kind != SJ_ACTOR || !m->codes) continue;
    sj_codes o;
    sj_codes_parse(&o, m->codes);
    sj_codes_merge(c, &o);
  }
}

/* does a pair word (双方, 两国) no actor resolved head the clause [ps, at)? */
static int pair_head(sj_tg *g, size_t ps, size_t at) {
  size_t t = sj_tg_tok_at(g, ps);
  return t < g->ntok && g->tok[t].end <= at && tok_cue(g, t, "pair_ref");
}

/* the codes of the last coded, unmarked actor or place in [lo, at) */
static void near_country(const amen *A, size_t n, size_t lo, size_t at, sj_codes *src) {
  for (size_t k = n; k-- > 0;)
    if (A[k].a >= lo && A[k].b <= at && A[k].c.n && A[k].role == R_NONE && !A[k].topic) {
      *src = A[k].c;
      return;
    }
}

/* acts that stay at home when no other party is named: praise and
 * cooperation (05), aid given (070-073; not an escort or peacekeeping
 * mission, 074-075, which goes abroad), demands (10); not disapproval (11):
 * 反对恐怖主义 is no act at home */
static int self_directed(const char *cameo) {
  return (cameo[0] == '0' && (cameo[1] == '5' || (cameo[1] == '7' && cameo[2] <= '3'))) ||
         (cameo[0] == '1' && cameo[1] == '0');
}

/* does the sentence name a coded party not among src? */
static int other_in(const amen *A, size_t n, size_t sa, const sj_codes *src) {
  for (size_t k = 0; k < n; k++) {
    if (A[k].a < sa) continue;
    for (int z = 0; z < A[k].c.n; z++)
      if (!sj_codes_has(src, A[k].c.c[z])) return 1;
  }
  return 0;
}

/* the parties of an invitation frame 应…邀请 in [sa, ps), not in src */
static void invited_by(sj_tg *g, const amen *A, size_t n, size_t sa, size_t ps,
                       const sj_codes *src, sj_codes *tgt) {
  const struct sj_mark *mk = mark_in(g, sa, ps, M_INVITE_OPEN);
  if (!mk) return;
  for (size_t k = 0; k < n; k++)
    if (A[k].a > mk->at && A[k].b <= ps && !A[k].place) add_new(tgt, &A[k].c, src);
}

/* the end of the first cue of class cls in [ps, at) when no actor follows
 * it before at (向灾区群众, 与国内外商家), else 0 */
static size_t cue_unnamed(sj_tg *g, const amen *A, size_t n, size_t ps, size_t at, const char *cls) {
  for (size_t t = sj_tg_tok_at(g, ps); t < g->ntok && g->tok[t].end <= at; t++) {
    if (!tok_cue(g, t, cls)) continue;
    for (size_t k = 0; k < n; k++)
      if (A[k].a >= g->tok[t].end && A[k].b <= at) return 0;
    return g->tok[t].end;
  }
  return 0;
}

/* is the act addressed (向, 对, 给 …) to someone no actor names, in
 * [ps, at)? */
static int to_people(sj_tg *g, const amen *A, size_t n, size_t ps, size_t at) {
  size_t e = cue_unnamed(g, A, n, ps, at, "addressee");
  return e && e < at && !foreign_any(g, e, at);
}

/* the country of the one place of the clause [ps, pe), on both sides */
static void held_at(const amen *A, size_t n, size_t ps, size_t pe, sj_codes *src, sj_codes *tgt) {
  for (size_t k = 0; k < n; k++) {
    if (A[k].a < ps || A[k].b > pe || A[k].paren) continue;
    if (!A[k].place || A[k].c.n != 1 || (src->n && !same_set(src, &A[k].c))) {
      src->n = 0;
      return;
    }
    *src = A[k].c;
  }
  *tgt = *src;
}

/* the guests of a reception at T: the coded actors, not of src, before
 * an attend word (出席, 与会) after T, up to the end of the next sentence */
static void guests(sj_tg *g, const roles *R, const sj_trig *T, const sj_codes *src,
                   sj_codes *tgt) {
  const sj_span *S = g->d->spans[SJ_SENTENCE].data;
  size_t ns = g->d->spans[SJ_SENTENCE].n, k = 0, hi = ns, end = R->pb;
  while (k < hi) { /* the sentence of T: the first ending after its start */
    size_t mid = k + (hi - k) / 2;
    if (S[mid].end <= T->start) k = mid + 1; else hi = mid;
  }
  if (k + 1 < ns && S[k + 1].end < end) end = S[k + 1].end;
  size_t at = 0; /* the last attend word */
  for (size_t t = sj_tg_tok_at(g, T->end); t < g->ntok && g->tok[t].end <= end; t++) {
    if (tok_ends_cue(g, t, "attend")) at = g->tok[t].start;
  }
  for (size_t m = 0; m < R->nmen && R->men[m].start < at; m++) {
    const sj_mention *x = &R->men[m];
    if (x->start < T->end || x->kind != SJ_ACTOR || !x->codes) continue;
    sj_codes c;
    sj_codes_parse(&c, x->codes);
    add_new(tgt, &c, src);
  }
}

/* 来访的X: X is the visitor; with no host named, the country of the
 * dateline (an aside place before the trigger) is the host */
static void visitor_head(sj_tg *g, const sj_trig *T, const amen *A, size_t n, sj_codes *src,
                         sj_codes *tgt) {
  size_t tn = sj_tg_tok_at(g, T->end);
  if (tn >= g->ntok || g->tok[tn].start != T->end || !tok_cue(g, tn, "modifier")) return;
  size_t k = 0;
  while (k < n && A[k].a < g->tok[tn].end) k++;
  if (k == n || A[k].place || A[k].a > g->tok[tn].end + 6) return;
  src->n = tgt->n = 0;
  chunk_codes(A, n, k, src);
  for (size_t j = 0; j < n && A[j].b <= T->start; j++)
    if (A[j].paren && A[j].place) add_new(tgt, &A[j].c, src);
}

/* is T the object of a passive word in its clause whose agent names no
 * actor (遭到广大成员国的反对, 受到…的赞扬, 被捕)?  The words between are
 * its agent: no verb, no other trigger, no clause end. */
static int passive_frame(sj_tg *g, size_t ps, const sj_trig *T) {
  for (size_t t = T->tok; t-- > 0 && g->tok[t].start >= ps;) {
    if (tok_cue(g, t, "by")) return 1;
    const char *p = sj_tg_pos(g, t);
    if (p[0] == 'v' || p[0] == 'x' || p[0] == 'w' || p[0] == 'p') return 0;
  }
  return 0;
}

/* Is T an act told inside 对 X … 表示 (对日本代表团来访表示欢迎): the
 * chunk of X, its party, right before it (nouns between), or (size_t)-1 */
static size_t welcomed(sj_tg *g, const sj_trig *T, const amen *A, size_t n, size_t ps) {
  size_t tn = sj_tg_tok_at(g, T->end);
  if (tn >= g->ntok || g->tok[tn].start != T->end || !tok_cue(g, tn, "say")) return (size_t)-1;
  for (size_t k = n; k-- > 0;) {
    if (A[k].b > T->start || A[k].a < ps) continue;
    if (A[k].place || A[k].role != R_TO) return (size_t)-1;
    for (size_t t = sj_tg_tok_at(g, A[k].b); t < g->ntok && g->tok[t].end <= T->start; t++)
      if (sj_tg_pos(g, t)[0] != 'n' && !tok_cue(g, t, "modifier")) return (size_t)-1;
    return A[k].chain;
  }
  return (size_t)-1;
}

/* the parties a visit before T in its sentence went to (访问了X和Y), not of
 * src, into tgt */
static void visited(sj_tg *g, const sj_trig *tr, size_t t0, size_t q, const amen *A, size_t n,
                    size_t sa, size_t ps, const sj_codes *src, sj_codes *tgt) {
  for (size_t r = t0; r < q; r++) {
    if (!tr[r].cameo[0] || !sj_streq(tr[r].cameo, "042") || tr[r].start < sa || tr[r].end > ps) continue;
    size_t re = phrase_end(g, ps, tr[r].end);
    for (size_t k = 0; k < n; k++)
      if (A[k].a >= tr[r].start && A[k].b <= re && !A[k].place && A[k].role == R_NONE)
        add_new(tgt, &A[k].c, src);
  }
}

/* Sources and targets of a trigger from the chunks of its sentence.
 * Returns 1 when a party of its own was named (a subject, an agent); *body
 * tells whether that subject is a body of no country. */
static int fill_roles(sj_tg *g, const sj_trig *tr, size_t t0, size_t q, const amen *A, size_t n,
                      size_t sa, roles *R, sj_codes *src, sj_codes *tgt, int *body) {
  const sj_trig *T = &tr[q];
  size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, g->n, T->end), lo, hi;
  sj_codes part, agent;
  part.n = agent.n = 0;
  src->n = tgt->n = 0;
  size_t fb;
  subject_span(g, ps, T->start, &lo, &hi, &fb);
  size_t sk = subject_chunk(g, A, n, lo, hi, tr, t0, q, sa);
  if (sk == (size_t)-1 && lo > ps) sk = subject_chunk(g, A, n, ps, lo, tr, t0, q, sa);
  if (sk == (size_t)-1) sk = subject_chunk(g, A, n, sa, ps, tr, t0, q, sa);
  int own = sk != (size_t)-1;
  if (own) chunk_codes(A, n, sk, src);
  *body = own && !src->n && A[sk].body; /* a body of no country: 欧盟 */
  size_t fa = fb > ps ? hi : 0; /* a closed topic frame [fa, fb) before the trigger */
  int other;
  own |= clause_parties(g, tr, t0, q, A, n, ps, fa, fb, pe, sk, src, tgt, &part, &agent, &other);
  size_t wk = welcomed(g, T, A, n, ps);
  if (wk != (size_t)-1) { /* 对X来访表示欢迎: X visits the one who welcomes */
    sj_codes host = *src;
    src->n = tgt->n = 0;
    chunk_codes(A, n, wk, src);
    add_new(tgt, &host, src);
    for (size_t k = 0; k < n && root_eq(T->cameo, "04"); k++) /* and the country in 访华 */
      if (A[k].a >= T->start && A[k].b <= T->end && A[k].country) add_new(tgt, &A[k].c, src);
    return own;
  }
  int passive = !agent.n && T->hint != 'R' && passive_frame(g, ps, T);
  if (agent.n || T->hint == 'R' || passive) { /* passive: 被X逮捕, 遭到X袭击 */
    sj_codes was = *src;
    *src = agent;
    add_new(tgt, &was, src);
  }
  if (!own && src->n == 0) {
    if (R->have_subj) *src = R->subj;
    else if (R->para_have) *src = R->para_subj;
    else if (pair_head(g, ps, T->start) || pair_head(g, sa, T->start)) {
      para_parties(R, src); /* 双方还就…交换了意见 heading a paragraph of two parties */
      if (src->n == 2) *tgt = *src;
      else src->n = 0;
    }
    /* a passive whose agent names no actor: the subject carried over is
     * its target (…遭到广大成员国的反对) */
    if (passive) { add_new(tgt, src, tgt); src->n = 0; }
  }
  /* a speaker of no known country (a person the actor stage cannot code):
   * the country named just before in the sentence (菲律宾…部长X宣布, a
   * dateline city) */
  if (!src->n && !agent.n && !*body && root_eq(T->cameo, "01")) near_country(A, n, sa, T->start, src);
  int joint = joint_act(g, T, ps);
  if (!part.n && !tgt->n) earlier_partners(A, n, sa, ps, &part);
  /* signed on a visit told before in the sentence (访问了X和Y，分别签署
   * 了…): with the hosts visited */
  if (joint && !part.n && !tgt->n && src->n) {
    visited(g, tr, t0, q, A, n, sa, ps, src, tgt);
    if (tgt->n) joint = 0;
  }
  /* done with partners no actor names (与国内外商家签订): none named */
  if (joint && !part.n && !tgt->n && src->n < 2 && cue_unnamed(g, A, n, ps, T->start, "with"))
    return own;
  if (joint || (src->n >= 2 && !other && !part.n)) {
    sj_codes_merge(src, &part);
    sj_codes_merge(src, tgt);
    *tgt = *src;
  } else {
    add_new(tgt, &part, src);
  }
  /* a reply (对此表示感谢): to the party of the last event */
  if (!tgt->n && R->last_src.n && cue_words(g, ps, T->start, "reply"))
    add_new(tgt, &R->last_src, src);
  /* praise, cooperation, aid and demands with no other party
   * named in the sentence are among the source's own (称赞…事迹, 向灾区
   * 捐款, 要求各级机构…) */
  if (!tgt->n && src->n && self_directed(T->cameo) && !other_in(A, n, sa, src))
    *tgt = *src;
  /* addressed to people of no other country (向灾区群众表示慰问, 向华侨
   * 祝贺新年): a domestic act */
  if (!tgt->n && src->n && !agent.n && to_people(g, A, n, ps, T->start) && !other_in(A, n, sa, src))
    *tgt = *src;
  /* a meeting no party holds, at a place of one country (…会议…在北京召开):
   * that country's own */
  if (!src->n && !tgt->n && !agent.n && root_eq(T->cameo, "04")) held_at(A, n, ps, pe, src, tgt);
  /* a reception or banquet given (043): for those who attend it, in the
   * rest of its sentence or the next (…举行宴会。X、Y等出席了宴会) */
  if (!tgt->n && src->n && sj_streq(T->cameo, "043")) guests(g, R, T, src, tgt);
  /* a visit as an attribute (来访的突尼斯外长…): the head is the visitor,
   * the dateline's country the host */
  if (sj_streq(T->cameo, "042")) visitor_head(g, T, A, n, src, tgt);
  /* a visit made at an invitation (应X、Y邀请，…访问): the hosts invited */
  if (!tgt->n && sj_streq(T->cameo, "042")) invited_by(g, A, n, sa, ps, src, tgt);
  /* an act in a paragraph of one country's actors is domestic: its party
   * on both sides (座谈, 称赞, 捐款 at home) */
  if (!tgt->n && src->n && !agent.n && !no_self_target(T->cameo) && para_codes(g, R)->n &&
      same_set(&R->para_codes, src))
    *tgt = *src;
  return own;
}

/* does the clause [ps, pe) name a party of its own: an actor before the
 * trigger, a name, or a destination (赴亚丁湾)? */
static int own_party(sj_tg *g, const amen *A, size_t na, size_t ps, size_t pe, size_t trig,
                     const sj_mention *M, size_t nm) {
  for (size_t k = 0; k < na; k++) {
    if (A[k].a < ps || A[k].b > pe) continue;
    if (!A[k].place && A[k].a < trig) return 1;
    if (A[k].place && sj_tg_cue_end(g, ps, A[k].a, "dest")) return 1;
  }
  for (size_t k = 0; k < nm; k++)
    if (M[k].kind == SJ_NAME && M[k].start >= ps && M[k].end <= pe) return 1;
  return 0;
}

/* a sentence with actors of two or more countries: a drill or parade there
 * is done with a partner (中国军队使用俄军装备参加演习) */
static int foreign_party(const amen *A, size_t na, const sj_codes *src) {
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

/* the bracket depth (（…）, (…)) at byte a, going on from *at where the
 * last call stopped (mentions come in order: one pass per sentence) */
static int bracket_depth(const sj_tg *g, size_t *at, int *depth, size_t a) {
  for (size_t i = *at; i < a; i++) {
    unsigned char c = (unsigned char)g->s[i];
    if (c == '(') ++*depth;
    else if (c == ')') *depth -= *depth > 0;
    else if (c == 0xEF && i + 2 < a && (unsigned char)g->s[i + 1] == 0xBC) {
      unsigned char d = (unsigned char)g->s[i + 2]; /* U+FF08 （, U+FF09 ） */
      if (d == 0x88) ++*depth;
      else if (d == 0x89) *depth -= *depth > 0;
    }
  }
  if (a > *at) *at = a;
  return *depth;
}

/* the end of a dateline (…１月５日电) among the mentions [m0, m1), or 0 */
static size_t dateline_end(sj_tg *g, const sj_mention *men, size_t m0, size_t m1) {
  for (size_t k = m0; k < m1; k++)
    if (men[k].kind == SJ_TIME) {
      size_t l = sj_tg_cue(g, men[k].end, "dateline_end");
      if (l) return men[k].end + l;
    }
  return 0;
}

/* the actors and places of the sentence [m0, m1) of the mentions */
static int sentence_actors(sj_tg *g, sj_vec *am, const sj_mention *men, size_t m0, size_t m1,
                           size_t sa) {
  am->n = 0;
  size_t dl = dateline_end(g, men, m0, m1), bat = sa;
  int bdepth = 0;
  for (size_t k = m0; k < m1; k++) {
    const sj_mention *m = &men[k];
    if (m->kind != SJ_ACTOR && m->kind != SJ_PLACE) continue;
    amen *x = sj_vec_push(am);
    if (!x) return SJ_ENOMEM;
    memset(x, 0, sizeof *x);
    x->a = m->start; x->b = m->end;
    x->place = m->kind == SJ_PLACE;
    x->country = m->type && sj_streq(m->type, "country");
    x->body = !m->codes && m->type && sj_streq(m->type, "organization");
    sj_codes_parse(&x->c, m->codes);
    /* an aside: in brackets, or the dateline (新华社突尼斯１月５日电), whose
     * city only tells where a speaker of no known country is */
    x->paren = bracket_depth(g, &bat, &bdepth, m->start) > 0 || m->end <= dl;
    if (x->place) x->topic = sj_tg_cue(g, m->end, "topic") != 0;
    else if (m->start > sa) {
      size_t tb = sj_tg_tok_at(g, m->start - 1);
      const char *bp = sj_tg_pos(g, tb);
      x->object = tb < g->ntok && g->tok[tb].end == m->start && bp[0] == 'v' && bp[1] == 0 &&
                  !sj_tg_cue_tok(g, tb, "say") && !sj_tg_cue_tok(g, tb, "behalf") &&
                  !sj_tg_cue_tok(g, tb, "copula");
    }
  }
  mark_actors(g, am->data, am->n, sa);
  return SJ_OK;
}

/* does an actor of no place, not a verb's object, stand in [a, b) (the
 * subject of a clause)? */
static int subject_before(const amen *A, size_t n, size_t a, size_t b) {
  for (size_t k = 0; k < n; k++)
    if (A[k].a >= a && A[k].b <= b && !A[k].place && !A[k].object) return 1;
  return 0;
}

/* is T a saying verb of hoping (希望, 期望: cue class hope)? */
static int hope(sj_tg *g, const sj_trig *T) {
  return T->hint == 'S' && sj_tg_cue(g, T->start, "hope") == T->end - T->start;
}

/* the end of what a saying verb at T says: its clause and the next */
static size_t said_end(const sj_tg *g, const sj_trig *T, size_t sb) {
  size_t ce = phrase_end(g, sb, T->end);
  return ce < sb ? phrase_end(g, sb, ce + 1) : ce;
}

/* pass 2 for one trigger: does a support or saying verb yield to the event
 * word of its clause (派…护航, 表示担忧), or of a following clause with no
 * party of its own (派出…编队，安全护送…)? */
static int yields(sj_tg *g, const sj_trig *tr, size_t q, size_t ti, size_t sa, size_t sb,
                  const amen *A, size_t na, const sj_mention *M, size_t nm) {
  const sj_trig *T = &tr[q];
  if (T->hint != 'V' && T->hint != 'S') return 0;
  if (hope(g, T)) return 0; /* what is hoped for has not happened (below) */
  size_t pe = phrase_end(g, sb, T->end);
  /* a plain saying verb before a hope or a belief it reports at the head
   * of a clause (他还说，希望…): the hope is the record (not so 说，他相信…:
   * the saying verb is, coded by what is said) */
  if (T->hint == 'S' && sj_streq(T->cameo, "010")) {
    size_t se = said_end(g, T, sb);
    for (size_t r = q + 1; r < ti && tr[r].start < se; r++)
      if (tr[r].cameo[0] && tr[r].hint == 'S' && root_eq(tr[r].cameo, "01") &&
          !sj_streq(tr[r].cameo, "010") && phrase_start(g, sa, tr[r].start) == tr[r].start)
        return 1;
  }
  for (size_t r = q + 1; r < ti; r++) {
    if (!tr[r].cameo[0]) continue;
    if (tr[r].start < pe) {
      if (T->hint == 'V' || !root_eq(tr[r].cameo, "01") || tr[r].start - T->end <= 9) return 1;
      continue;
    }
    if (T->hint != 'V') return 0;
    size_t rps = phrase_start(g, sa, tr[r].start), rpe = phrase_end(g, sb, tr[r].end);
    /* forces sent out (出动舰艇8艘，参加演习): the drill is the event */
    return !own_party(g, A, na, rps, rpe, tr[r].start, M, nm) &&
           (root_eq(tr[r].cameo, T->cameo) ||
            (root_eq(T->cameo, "15") && (root_eq(tr[r].cameo, "15") || sj_streq(tr[r].cameo, "062"))));
  }
  return 0;
}

static uint32_t event_flags(sj_tg *g, const sj_trig *T, size_t ps);

/* pass 2: is T the same event as an earlier trigger of the sentence (one
 * record per event)?  May drop the earlier one instead (a noun phrase's
 * head wins: 会晤和…视频会议). */
static int repeats(sj_tg *g, sj_trig *tr, size_t t0, size_t q, size_t sa, size_t sb,
                   const amen *A, size_t na, const sj_mention *men, size_t m0, size_t m1) {
  sj_trig *T = &tr[q];
  size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
  /* what a saying verb expresses is its speaker's own act (江泽民对代表团访华
   * 表示欢迎: the visit and the welcome) */
  if (T->tok > 0 && tok_cue(g, T->tok - 1, "say")) return 0;
  for (size_t r = q; r-- > t0;) {
    if (!tr[r].cameo[0] || tr[r].user || !root_eq(tr[r].cameo, T->cameo)) continue;
    /* a statement denied is not the one told next (没有透露…，但说…) */
    if (root_eq(T->cameo, "01") && (event_flags(g, &tr[r], phrase_start(g, sa, tr[r].start)) & SJ_NEGATED))
      continue;
    if (phrase_start(g, sa, tr[r].start) == ps) {
      /* two events of one kind in a list, each with its own party or name */
      int between = 0, inname = 0;
      for (size_t k = m0; k < m1; k++) {
        if ((men[k].kind == SJ_NAME || men[k].kind == SJ_ACTOR) && men[k].start >= tr[r].end &&
            men[k].end <= T->start)
          between = 1;
        if (men[k].kind == SJ_NAME && men[k].start < T->start && men[k].end >= T->end) inname = 1;
      }
      if (between && !inname && T->hint != 'N') return 0;
      if (T->tok > 0 && tok_cue(g, T->tok - 1, "reanaphor")) return 1; /* 此类会议 */
      /* attending (出席…联谊会) is the meeting named by its noun, not by
       * its name (出席…“东盟防长扩大会议”) */
      if (sj_tg_cue(g, tr[r].start, "attend") == (size_t)(tr[r].end - tr[r].start) &&
          T->hint != 'N' && !inname) {
        tr[r].cameo[0] = 0;
        return 0;
      }
      /* a verb keeps its object's noun (签署…协定); in a noun phrase the
       * head noun at the end wins */
      const char *rp = sj_tg_pos(g, tr[r].tok);
      size_t rn = sj_tg_tok_at(g, tr[r].end);
      int coord = tok_cue(g, rn, "coord") || tok_cue(g, rn, "with");
      if (((rp[0] == 'v' && rp[1] == 0) || tr[r].hint == 'V') && !coord) return 1;
      tr[r].cameo[0] = 0;
      return 0;
    }
    /* a later clause with no party of its own goes on telling the same
     * event (召开视频会议，交流…经验); statements always do, and so do
     * those who attend it (招待会…，…１００多人出席) */
    if (root_eq(T->cameo, "01")) return 1;
    if (sj_tg_cue(g, T->start, "attend") == (size_t)(T->end - T->start)) return 1;
    if ((!strcmp(tr[r].cameo, T->cameo) || T->cameo[2] == '0') &&
        !own_party(g, A, na, ps, pe, T->start, men + m0, m1 - m0))
      return 1;
    return 0;
  }
  return 0;
}


/* A statement noun (联合声明, 公报: code 010, an event noun) right before a
 * saying verb, past 》 or a frame word (《…联合声明》宣布, 联合公报中指出),
 * is the speaker: the noun is the record, the verb none */
static void speaking_nouns(sj_tg *g, sj_trig *tr, size_t t0, size_t ti) {
  for (size_t q = t0; q + 1 < ti; q++) {
    sj_trig *N = &tr[q], *V = &tr[q + 1];
    const char *np = sj_tg_pos(g, N->tok);
    if (!sj_streq(N->cameo, "010") || (N->hint != 'L' && np[0] != 'n' && np[0] != 'l') ||
        V->hint != 'S' || N->end > V->start)
      continue;
    size_t gap = V->start - N->end, t = sj_tg_tok_at(g, N->end);
    int closes = gap == 3 && !memcmp(g->s + N->end, "\xe3\x80\x8b", 3); /* 》 */
    if (gap > 3 || (gap && !closes &&
                    !(t < g->ntok && g->tok[t].end == V->start && tok_cue(g, t, "frame"))))
      continue;
    N->speaks = 1;
    V->cameo[0] = 0;
  }
  /* …but one signed or issued by an act before it in its clause
   * (签署了…联合声明) is that act's object */
  for (size_t q = t0 + 1; q < ti; q++) {
    sj_trig *N = &tr[q], *V = &tr[q - 1];
    if (N->speaks || !sj_streq(N->cameo, "010") || N->hint != 'L' || !V->cameo[0] ||
        root_eq(V->cameo, "01") || phrase_start(g, 0, V->start) != phrase_start(g, 0, N->start))
      continue;
    N->cameo[0] = 0;
  }
}

/* passes 1 and 2 over the sentence's triggers [t0, ti): clear cameo[0] of
 * those that tell no event of their own */
static void prune_triggers(sj_tg *g, sj_trig *tr, size_t t0, size_t ti, size_t sa, size_t sb,
                           const amen *A, size_t na, const sj_mention *men, size_t m0, size_t m1) {
  speaking_nouns(g, tr, t0, ti);
  int nmeet = meetings(tr, t0, ti, sa);
  for (size_t q = t0; q < ti; q++) {
    sj_trig *T = &tr[q];
    if (T->user) continue;
    if (T->start < sa) { T->cameo[0] = 0; continue; }
    const sj_trig *prev = NULL;
    for (size_t r = q; r-- > t0;)
      if (tr[r].cameo[0]) { prev = &tr[r]; break; }
    if (!keep_trigger(g, T, sa, sb, men + m0, m1 - m0, prev, nmeet)) T->cameo[0] = 0;
  }
  for (size_t q = t0; q < ti; q++) {
    sj_trig *T = &tr[q];
    if (!T->cameo[0] || T->user) continue;
    if (yields(g, tr, q, ti, sa, sb, A, na, men + m0, m1 - m0)) { T->cameo[0] = 0; continue; }
    /* a name stands for its event unless an event word follows it */
    if (T->hint == 'N') {
      int other = 0;
      for (size_t r = q + 1; r < ti; r++)
        if (tr[r].cameo[0] && tr[r].start >= T->end && tr[r].start <= T->end + 9) other = 1;
      if (other) { T->cameo[0] = 0; continue; }
    }
    if (repeats(g, tr, t0, q, sa, sb, A, na, men, m0, m1)) T->cameo[0] = 0;
  }
  /* what a demand or an appeal asks for (要求秘鲁撤军, 呼吁各国加强合作),
   * or a hope hopes for (希望…及早举行两岸政治谈判; its clause and the
   * next), has not happened: the demand or the hope is the record */
  for (size_t q = t0; q < ti; q++) {
    const sj_trig *T = &tr[q];
    if (!T->cameo[0] || T->user) continue;
    int h = hope(g, T), against = has_root(T->cameo, "11|12|13");
    if (!h && !against && !has_root(T->cameo, "10|02")) continue;
    size_t pe = phrase_end(g, sb, T->end), ce = h ? said_end(g, T, sb) : pe;
    /* opposing, rejecting, threatening: only the act right after (反对签订…,
     * 威胁对伊动武), not a list item (指责等向美提出交涉) */
    if (against) {
      ce = ce < T->end + 13 ? ce : T->end + 13;
      if (cue_in(g, T->end, ce, "topic_close")) continue;
    }
    for (size_t r = q + 1; r < ti && tr[r].start < ce; r++) {
      /* not an act of a party of its own in the next clause (…，后因德国坚决反对) */
      if (tr[r].start >= pe && subject_before(A, na, phrase_start(g, sa, tr[r].start), tr[r].start))
        continue;
      if (!tr[r].user) tr[r].cameo[0] = 0;
    }
  }
  /* a statement that narrates an act (钱其琛说，…开展了…经济合作) is told by
   * that act's record */
  for (size_t q = t0; q < ti; q++) {
    sj_trig *T = &tr[q];
    if (!T->cameo[0] || T->user || T->hint != 'S' || !root_eq(T->cameo, "01") || hope(g, T)) continue;
    for (size_t r = q + 1; r < ti && tr[r].start < sb; r++)
      if (tr[r].cameo[0] && !says(tr[r].cameo) &&
          !event_flags(g, &tr[r], phrase_start(g, sa, tr[r].start))) {
        T->cameo[0] = 0;
        break;
      }
  }
}

/* aid unspecified: what is given says which (CAMEO 072/073/074); a drill or
 * parade with a foreign party is military cooperation (062) */
static void refine_code(sj_tg *g, sj_event *ev, const sj_trig *T, size_t ps, size_t pe,
                        const sj_codes *src, const sj_codes *tgt, const amen *A, size_t na,
                        const sj_mention *M, size_t nm) {
  if (sj_streq(T->cameo, "070")) {
    if (cue_in(g, ps, pe, "aid_human")) {
      memcpy(ev->cameo, "073", 4); ev->label = "provide humanitarian aid";
    } else if (cue_in(g, ps, pe, "peacekeep")) {
      memcpy(ev->cameo, "074", 4); ev->label = "provide military protection or peacekeeping";
    } else if (cue_in(g, ps, pe, "aid_mil")) {
      memcpy(ev->cameo, "072", 4); ev->label = "provide military aid";
    }
  }
  if (root_eq(T->cameo, "15") && cue_in(g, T->start, T->end, "drill") &&
      (tgt->n > 0 || src->n >= 2 || foreign_party(A, na, src) || (!src->n && named_drill(M, nm)))) {
    memcpy(ev->cameo, "062", 4);
    ev->label = "cooperate militarily";
  }
}

/* What a statement says decides its code (CAMEO codes statements by their
 * content): the words of the clause after the saying verb and the next one,
 * by cue class, first match wins.  A hope addressed to another party
 * (希望美方…) is an appeal. */
static const struct { const char *cls, *code, *label; int will; } SAYS[] = {
    {"say_appeal", "020", "make appeal or request", 0},
    {"say_praise", "051", "praise or endorse", 0},
    {"say_econ", "031", "express intent to engage in material cooperation", 1},
    {"say_coop", "030", "express intent to cooperate", 1},
    {"say_crit", "111", "criticize or denounce", 0},
    {"say_pess", "012", "make pessimistic comment", 0},
    {"say_opt", "013", "make optimistic comment", 0},
};


/* is [a, b) inside a circumstance frame 在 … 情况下 (在美国等国家加紧…的
 * 情况下): what is said is not about those named there */
static int circumstance(sj_tg *g, size_t lo, size_t a, size_t b, size_t hi) {
  size_t ps = phrase_start(g, lo, a), pe = phrase_end(g, hi, b);
  int open = 0;
  for (size_t t = sj_tg_tok_at(g, ps); t < g->ntok && g->tok[t].end <= a; t++)
    if (tok_cue(g, t, "in")) open = 1;
  return open && cue_in(g, b, pe, "circ_close");
}

/* A statement is about the other countries it names (叶利钦说，俄罗斯重视
 * 同美国的合作 -> USA): their codes are its targets. */
static void said_about(sj_tg *g, const sj_trig *T, const amen *A, size_t na, size_t sb,
                       const sj_codes *src, sj_codes *tgt) {
  size_t ce = said_end(g, T, sb);
  for (size_t k = 0; k < na; k++)
    if (A[k].a >= T->end && A[k].b <= ce && !A[k].topic && !circumstance(g, T->end, A[k].a, A[k].b, ce))
      add_new(tgt, &A[k].c, src);
}

/* A speaker of no known country (a person the actor stage cannot code)
 * speaks, in news, first of his own: the first country of what he says
 * (萨维说，爱沙尼亚同中国… -> EST) */
static void first_said(const sj_tg *g, const sj_trig *T, const amen *A, size_t na, size_t sb,
                       sj_codes *src) {
  size_t ce = said_end(g, T, sb);
  for (size_t k = 0; k < na; k++)
    if (A[k].a >= T->end && A[k].b <= ce && A[k].c.n && !A[k].topic && A[k].role == R_NONE) {
      sj_codes_add(src, A[k].c.c[0], strlen(A[k].c.c[0]));
      return;
    }
}

/* 为…作出…贡献/努力 in [a, b): the speaker praises what was done */
static int praise_done(sj_tg *g, size_t a, size_t b) {
  int for_ = 0;
  for (size_t t = sj_tg_tok_at(g, a); t < g->ntok && g->tok[t].end <= b; t++) {
    uint32_t cp;
    if (sj_t_dec(g->s, g->n, g->tok[t].start, &cp) > 0 && is_stop(cp)) for_ = 0;
    else if (tok_cue(g, t, "to")) for_ = 1;
    else if (for_ && tok_cue(g, t, "praise_do"))
      for (size_t u = t + 1; u < g->ntok && u <= t + 4 && g->tok[u].end <= b; u++)
        if (tok_cue(g, u, "praise_obj")) return 1;
  }
  return 0;
}

/* does a hope (希望) go on, in its clause, to its speaker's own attending
 * (希望以观察员的身份参加这次会议): an attend or meeting word with no
 * other party named between? */
static int hope_to_attend(sj_tg *g, const sj_trig *T, size_t sb) {
  if (!hope(g, T)) return 0;
  size_t pe = phrase_end(g, sb, T->end);
  for (size_t t = sj_tg_tok_at(g, T->end); t < g->ntok && g->tok[t].end <= pe; t++) {
    sj_gfield f; /* 出席, 与会, or a meeting word (会议, 会谈: CAMEO 04) */
    if (tok_ends_cue(g, t, "attend")) return 1;
    if (sj_tg_gazk(g, g->tok[t].start, SJ_K_TRIGGER, &f) == g->tok[t].end - g->tok[t].start &&
        f.n > 0 && f.l[0] == 3 && f.s[0][0] == '0' && f.s[0][1] == '4')
      return 1;
    const char *p = sj_tg_pos(g, t);
    if (p[0] == 'n' && (p[1] == 'r' || p[1] == 's' || p[1] == 't')) return 0; /* another party */
  }
  return 0;
}

static void statement_code(sj_tg *g, sj_event *ev, const sj_trig *T, size_t sb,
                           const sj_codes *src, const sj_codes *tgt) {
  if (!root_eq(T->cameo, "01") || T->hint != 'S') return;
  if (hope_to_attend(g, T, sb)) { /* 希望以观察员身份参加…会议: to meet */
    memcpy(ev->cameo, "036", 4); ev->label = "express intent to meet or negotiate";
    return;
  }
  if (sj_tg_cue(g, T->start, "hope") && tgt->n && !same_set(tgt, src)) {
    memcpy(ev->cameo, "020", 4); ev->label = "make appeal or request";
    return;
  }
  size_t ce = sb;
  if (sj_streq(T->cameo, "010") && praise_done(g, T->end, said_end(g, T, sb))) {
    memcpy(ev->cameo, "051", 4); ev->label = "praise or endorse";
    return;
  }
  /* a verb with a code of its own (相信: 013) keeps it; a plain statement
   * or a hope is coded by what it says */
  if (!sj_streq(T->cameo, "010") && !hope(g, T)) return;
  for (size_t k = 0; k < sizeof SAYS / sizeof SAYS[0]; k++) {
    if (!cue_words(g, T->end, ce, SAYS[k].cls)) continue;
    if (SAYS[k].will && !cue_words(g, T->start, ce, "say_will")) continue;
    memcpy(ev->cameo, SAYS[k].code, 4);
    ev->label = SAYS[k].label;
    return;
  }
}

/* ---- date, place, flags ----------------------------------------------------- */
typedef struct para_state { /* carried across the sentences of a paragraph */
  uint32_t para;
  const char *frame;     /* a framing time at the paragraph head */
  int frame_over;        /* a later time began (此后, 后来): no frame any more */
  const char *last_date; /* the last event date */
  char last_cameo[4];
  size_t last_sent_end;  /* the end of the last event's sentence */
  roles r;
} para_state;

/* does the sentence at sa follow right after the one ending at pe (only
 * white space between)? */
static int next_sentence(const sj_tg *g, size_t pe, size_t sa) {
  if (pe > sa) return 0;
  for (size_t i = pe; i < sa; i++)
    if (g->s[i] != ' ' && g->s[i] != '\n' && g->s[i] != '\r' && g->s[i] != '\t') return 0;
  return 1;
}

/* the time nearest before the trigger in the sentence, else after it in its
 * clause (not for a statement: a time after a saying verb is in what is
 * said); else the paragraph's framing interval; else a re-mentioned event's
 * date.  A dateline's date (本报…１月７日电) dates no event by itself. */
static const char *event_date(sj_tg *g, const sj_trig *T, const sj_mention *men, size_t m0,
                              size_t m1, size_t sa, size_t sb, const para_state *P) {
  const char *date = NULL;
  size_t best = (size_t)-1, pe = phrase_end(g, sb, T->end);
  for (size_t k = m0; k < m1; k++) {
    const sj_mention *m = &men[k];
    if (m->kind != SJ_TIME || !m->value) continue;
    if (m->start >= T->end && (m->start >= pe || root_eq(T->cameo, "01"))) continue;
    if (sj_tg_cue(g, m->end, "dateline_end")) continue;
    size_t dist = m->start < T->start ? T->start - m->start : (m->start - T->start) * 4;
    if (dist < best) { best = dist; date = m->value; }
  }
  if (date) return date;
  const char *f = P->frame;
  if (f && (strstr(f, "/..") || strlen(f) == 4 || strstr(f, "../"))) return f;
  /* 这/此 at the sentence head, or the same kind of event told on in the
   * very next sentence (演习正式拉开大幕。…参加俄军演习) */
  if (P->last_date && (tok_cue(g, sj_tg_tok_at(g, sa), "same_event") ||
                       (P->last_cameo[0] && root_eq(P->last_cameo, T->cameo) &&
                        next_sentence(g, P->last_sent_end, sa))))
    return P->last_date;
  return NULL;
}

/* a place after 在/于 in the trigger's clause, else in the sentence, else
 * the nearest place of the clause; with its coordinated run */
static char *event_place(sj_tg *g, const sj_trig *T, const amen *A, size_t na, size_t ps,
                         size_t pe) {
  size_t bk = (size_t)-1, bd = (size_t)-1;
  int btier = 4;
  for (size_t k = 0; k < na; k++) {
    if (!A[k].place || A[k].topic) continue;
    int in = A[k].a >= ps && A[k].b <= pe, tier = 3;
    if (A[k].role == R_AT) tier = in ? 0 : 2;
    else if (in) tier = 1;
    if (tier == 3) continue; /* a place of another clause, not after 在 */
    size_t dist = A[k].a < T->start ? T->start - A[k].a : (A[k].a - T->start) * 2;
    if (tier < btier || (tier == btier && dist < bd)) { btier = tier; bd = dist; bk = k; }
  }
  if (bk == (size_t)-1) return NULL;
  size_t lo = A[bk].chain, hi = bk;
  while (hi + 1 < na && A[hi + 1].chain == A[bk].chain) hi++;
  return sj_tg_str(g, g->s + A[lo].a, A[hi].b - A[lo].a);
}

/* is T the object of an attending or licensing verb right after a
 * negation at ng (没有参加…对泰国的援助)? */
static int negated_object(sj_tg *g, size_t ng, const sj_trig *T) {
  size_t t = sj_tg_tok_at(g, ng);
  if (t >= g->ntok) return 0;
  for (t++; t < T->tok && sj_tg_pos(g, t)[0] == 'd'; t++) {}
  if (t >= T->tok || !(tok_ends_cue(g, t, "attend") || tok_cue(g, t, "license"))) return 0;
  for (size_t u = t + 1; u < T->tok; u++) {
    uint32_t cp;
    if (sj_t_dec(g->s, g->n, g->tok[u].start, &cp) > 0 && is_stop(cp)) return 0;
  }
  return 1;
}

/* markers of the clause before the trigger (negation close to it or over
 * the verb that takes it, a cancelling verb), of the sentence before it
 * (hypothesis) */
static uint32_t event_flags(sj_tg *g, const sj_trig *T, size_t ps) {
  uint32_t f = 0;
  for (size_t k = 0; k < g->nmark; k++) {
    const struct sj_mark *mk = &g->mark[k];
    if (mk->at >= T->start) break;
    if (mk->at >= ps) {
      if ((mk->f & SJ_NEGATED) && (T->start - mk->at <= 9 || negated_object(g, mk->at, T))) f |= SJ_NEGATED;
      if (mk->f & SJ_FUTURE) f |= SJ_FUTURE;
    }
    if (mk->f & SJ_HYPOTHETICAL) f |= SJ_HYPOTHETICAL;
  }
  /* called off (取消…访问, 减少出国访问, 推迟了…会谈) */
  for (size_t t = T->tok, hop = 0; t-- > 0 && hop < 5 && g->tok[t].start >= ps; hop++) {
    uint32_t cp;
    if (sj_t_dec(g->s, g->n, g->tok[t].start, &cp) > 0 && is_stop(cp)) break;
    if (tok_cue(g, t, "cancel")) { f |= SJ_NEGATED; break; }
  }
  return f;
}


/* the last token of the speaker of a saying verb after token t: back over
 * adverbs, times and where it was said (科学家２０日在波士顿宣布, 小组今天
 * 在…会议上说) */
static size_t speaker_end(sj_tg *g, size_t t, size_t sa) {
  while (t > 0 && g->tok[t - 1].start >= sa) {
    const char *p = sj_tg_pos(g, t);
    if (p[0] == 'd' || p[0] == 't' || (p[0] == 'm' && !tok_ends_cue(g, t, "say_none"))) { t--; continue; }
    size_t u = t, hop = 0; /* 在 … (上): back to before 在 */
    while (u > 0 && hop++ < 15 && g->tok[u - 1].start >= sa && !tok_cue(g, u, "at")) {
      uint32_t cp;
      if (sj_t_dec(g->s, g->n, g->tok[u].start, &cp) > 0 && is_stop(cp)) break;
      u--;
    }
    if (u == t || !tok_cue(g, u, "at") || u == 0 || g->tok[u - 1].start < sa) return t;
    t = u - 1;
  }
  return t;
}

/* do the words before 的 at t + 1 make the noun after it someone's: a
 * verb among the last four (名叫X·Y的, 发表的) */
static int owner_word(sj_tg *g, size_t t) {
  for (size_t hop = 0; hop < 4; hop++, t--) {
    const char *p = sj_tg_pos(g, t);
    if (p[0] == 'v' && p[1] != 'n') return 1;
    if ((p[0] == 'x' && g->tok[t].end - g->tok[t].start != 2) || t == 0) return 0; /* not · */
  }
  return 0;
}

/* a saying verb with no speaker (据说, 可以说) or one the clause's first
 * word makes generic (舆论普遍认为): 1; a generic speaker right before
 * it, past adverbs and times (有人说, 科学家日前宣布): 2 (no record even
 * with a party named earlier) */
static int unattributed(sj_tg *g, const sj_trig *T, size_t sa) {
  /* fused with its speaker (萨维说), or with an adverb after a generic
   * one (舆论|普遍认为) */
  if (T->start > g->tok[T->tok].start)
    return T->tok > 0 && g->tok[T->tok - 1].start >= sa && tok_ends_cue(g, T->tok - 1, "say_none") ? 2 : 0;
  if (T->tok == 0 || g->tok[T->tok - 1].start < sa) return 1;
  size_t t = T->tok - 1;
  /* a noun (之说), or a point of view (从这个意义上说): no saying */
  if (tok_cue(g, t, "say_noun")) return 2;
  if (sj_tg_pos(g, t)[0] == 'f' && tok_cue(g, sj_tg_tok_at(g, phrase_start(g, sa, T->start)), "view_open"))
    return 2;
  t = speaker_end(g, t, sa);
  if (tok_cue(g, t, "by")) return 2; /* said of it by no one named: 被认为 */
  /* 专家们 may be cut 专家 | 们 */
  if (t > 0 && sj_tg_pos(g, t)[0] == 'k' && g->tok[t - 1].start >= sa &&
      sj_tg_cue(g, g->tok[t - 1].start, "say_none") == g->tok[t].end - g->tok[t - 1].start)
    t--;
  else if (!tok_ends_cue(g, t, "say_none"))
    t = (size_t)-1;
  /* …not one of someone's (名叫X的科学家, 发表的评论; but 大学的科学家,
   * 领导的研究小组 stay nobody in particular) */
  if (t != (size_t)-1 && !(t > 1 && tok_cue(g, t - 1, "modifier") && owner_word(g, t - 2))) return 2;
  size_t ps = phrase_start(g, sa, T->start), f = sj_tg_tok_at(g, ps);
  return f < T->tok && tok_cue(g, f, "say_none");
}

/* A statement needs a speaker: one named in its sentence, or a pronoun
 * for the last one (他还说 is a record of its own, as the annotation
 * conventions have it), or the speaker of the sentence going on (…；希望
 * 大家…); a generic speaker (舆论认为) makes none. */
static int statement_ok(sj_tg *g, const sj_trig *T, int own, int going_on, size_t sa) {
  if (!root_eq(T->cameo, "01") && T->hint != 'S') return 1;
  int u = unattributed(g, T, sa);
  return u == 2 ? 0 : own || going_on || !u;
}

/* do the parties of the sentence from sa on, past asides (a dateline, a
 * reporter in brackets), and src and tgt name one country at most, and no
 * party of no country (an international body) act there? */
static int one_country(const amen *A, size_t n, size_t sa, const sj_codes *src, const sj_codes *tgt) {
  sj_codes all = *src;
  sj_codes_merge(&all, tgt);
  for (size_t k = 0; k < n; k++) {
    if (A[k].a < sa || A[k].paren) continue;
    if (!A[k].c.n && !A[k].place) return 0; /* of no known country (东盟, a person uncoded) */
    sj_codes_merge(&all, &A[k].c);
  }
  return all.n <= 1;
}

/* is the speaker of T someone: an actor of its clause before it (a person
 * of no known country), fused with it (萨维说), or right before it a state
 * left unnamed (这些国家: cue class party_noun), a proper name no stage
 * took, or 他/她/它/它们 (cue class pron_party)? */
static int speaker_named(sj_tg *g, const sj_trig *T, const amen *A, size_t n, size_t ps, size_t sa) {
  for (size_t k = 0; k < n; k++)
    if (A[k].a >= ps && A[k].b <= T->start && !A[k].place) return 1;
  if (T->start > g->tok[T->tok].start) return 1; /* fused with its speaker: 萨维说 */
  if (T->tok == 0 || g->tok[T->tok - 1].start < sa) return 0;
  size_t t = speaker_end(g, T->tok - 1, sa);
  const char *p = sj_tg_pos(g, t); /* a proper name no stage took (乌叶海亚/ns) */
  return tok_cue(g, t, "pron_party") || tok_ends_cue(g, t, "party_noun") ||
         (p[0] == 'n' && (p[1] == 'r' || p[1] == 's'));
}

/* does [ps, pe) name a place? */
static int place_in(const amen *A, size_t n, size_t ps, size_t pe) {
  for (size_t k = 0; k < n; k++)
    if (A[k].place && A[k].a >= ps && A[k].b <= pe) return 1;
  return 0;
}

/* is T (a reception) the object of an attend word (出席了宴会, 应邀出席
 * 招待会) in its clause? */
static int attended(sj_tg *g, const sj_trig *T, size_t ps) {
  for (size_t t = T->tok, hop = 0; t > 0 && hop < 3; hop++) {
    if (g->tok[--t].start < ps) break;
    if (tok_ends_cue(g, t, "attend")) return 1;
  }
  return 0;
}

/* the event of trigger q, or none (a statement with no speaker) */
static int make_event(sj_tg *g, sj_trig *tr, size_t t0, size_t q, size_t sa, size_t sb,
                      const amen *A, size_t na, const sj_mention *men, size_t m0, size_t m1,
                      para_state *P) {
  sj_trig *T = &tr[q];
  size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
  sj_codes src, tgt;
  int body;
  int own = fill_roles(g, tr, t0, q, A, na, sa, &P->r, &src, &tgt, &body);
  int going_on = T->hint == 'S' && root_eq(P->last_cameo, "01") && P->r.last_src.n &&
                 (P->last_sent_end == sb || next_sentence(g, P->last_sent_end, sa));
  if (!statement_ok(g, T, own, going_on, sa)) return SJ_OK;
  /* a visit with no visitor, host or place is no visit (访问人数, 访问网站) */
  if ((sj_streq(T->cameo, "042") || sj_streq(T->cameo, "043")) && !src.n && !tgt.n &&
      !going_on && !place_in(A, na, ps, pe))
    return SJ_OK;
  /* a meeting of one country that elects, appoints or passes bills is
   * domestic administration (…人民代表大会…会议…选举…), no event */
  if (root_eq(T->cameo, "04") && cue_in(g, T->start, sb, "admin_act") && one_country(A, na, sa, &src, &tgt))
    return SJ_OK;
  if (going_on && !own && !src.n) src = P->r.last_src;
  if (root_eq(T->cameo, "01") && T->hint == 'S' && !src.n && !speaker_named(g, T, A, na, ps, sa)) {
    sj_codes said;
    said.n = 0;
    first_said(g, T, A, na, sb, &said);
    if (!said.n) return SJ_OK; /* no speaker at all (他们表示, 一些记者…表示关心) */
  }
  sj_event *ev = sj_vec_push(&g->d->events);
  if (!ev) return SJ_ENOMEM;
  ev->start = T->start; ev->end = T->end;
  ev->sent_start = (uint32_t)sa; ev->sent_end = (uint32_t)sb;
  memcpy(ev->cameo, T->cameo, 4);
  ev->label = T->label ? sj_tg_str(g, T->label, T->labellen) : NULL;
  refine_code(g, ev, T, ps > sa ? ps : sa, pe, &src, &tgt, A, na, men + m0, m1 - m0);
  statement_code(g, ev, T, sb, &src, &tgt);
  if (sj_streq(T->cameo, "043") && attended(g, T, ps)) { /* 出席了宴会: a meeting with the host */
    memcpy(ev->cameo, "040", 4);
    ev->label = "consult";
    if (!tgt.n) add_new(&tgt, &P->r.last_src, &src);
  }
  /* a body of no country (欧盟希望…) speaks for none */
  if (root_eq(T->cameo, "01") && T->hint == 'S' && !src.n && !body)
    first_said(g, T, A, na, sb, &src);
  /* (a wish to attend, 036, is about the speaker's own going) */
  if (root_eq(T->cameo, "01") && T->hint == 'S' && !tgt.n && !sj_streq(ev->cameo, "036"))
    said_about(g, T, A, na, sb, &src, &tgt);
  ev->date = event_date(g, T, men, m0, m1, sa, sb, P);
  ev->sources = sj_codes_str(g, &src);
  ev->targets = sj_codes_str(g, &tgt);
  ev->place = event_place(g, T, A, na, ps, pe);
  ev->flags |= event_flags(g, T, ps);
  if (own && src.n) {
    P->r.subj = src; P->r.have_subj = 1;
    P->r.para_subj = src; P->r.para_have = 1;
  }
  if (src.n) P->r.last_src = src;
  if (ev->date) P->last_date = ev->date;
  memcpy(P->last_cameo, T->cameo, 4);
  P->last_sent_end = sb;
  return SJ_OK;
}

/* ---- caller triggers (sj_options.triggers: the Lua user rules) ------------ */
static int is_lead(const sj_doc *d, size_t i) {
  return i >= d->len || ((unsigned char)d->text[i] & 0xC0) != 0x80;
}

/* are the caller's triggers spans of the text on character boundaries,
 * with three-digit codes? */
int sj_tg_user_ok(const sj_doc *d, const sj_trigger *t, size_t n) {
  for (size_t k = 0; k < n; k++) {
    const char *c = t[k].cameo;
    if (t[k].start >= t[k].end || t[k].end > d->len || !is_lead(d, t[k].start) ||
        !is_lead(d, t[k].end))
      return 0;
    if (c[0] < '0' || c[0] > '9' || c[1] < '0' || c[1] > '9' || c[2] < '0' || c[2] > '9' || c[3])
      return 0;
  }
  return 1;
}

static int trig_cmp(const void *a, const void *b) {
  const sj_trig *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* The caller's triggers join the scan's: a built-in trigger overlapping
 * one gives way; the list stays in text order. */
static int add_user(sj_tg *g) {
  sj_trig *tr = g->trig.data;
  size_t n = 0;
  for (size_t k = 0; k < g->trig.n; k++) {
    int over = 0;
    for (size_t u = 0; u < g->nuser && !over; u++)
      over = tr[k].start < g->user[u].end && g->user[u].start < tr[k].end;
    if (!over) tr[n++] = tr[k];
  }
  g->trig.n = n;
  for (size_t u = 0; u < g->nuser; u++) {
    sj_trig *x = sj_vec_push(&g->trig);
    if (!x) return SJ_ENOMEM;
    memset(x, 0, sizeof *x);
    x->start = g->user[u].start;
    x->end = g->user[u].end;
    x->tok = (uint32_t)sj_tg_tok_at(g, x->start);
    memcpy(x->cameo, g->user[u].cameo, 4);
    x->label = g->user[u].label;
    x->labellen = x->label ? (uint32_t)strlen(x->label) : 0;
    x->user = 1;
    x->joint = g->user[u].joint != 0;
    x->speaks = 0;
  }
  qsort(g->trig.data, g->trig.n, sizeof(sj_trig), trig_cmp);
  return SJ_OK;
}

/* ---- the stage -------------------------------------------------------------- */
static void new_paragraph(para_state *P, uint32_t para) {
  memset(P, 0, sizeof *P);
  P->para = para;
}

/* a framing time at the head of the paragraph's first sentence */
static void note_frame(sj_tg *g, para_state *P, const sj_mention *men, size_t m0, size_t m1,
                       size_t sa, size_t sb) {
  /* 此后, 后来 at the head of a sentence: what follows is later than the frame */
  if (P->frame && cue_words(g, sa, phrase_end(g, sb, sa), "seq")) {
    P->frame = NULL;
    P->frame_over = 1;
  }
  if (P->frame || P->frame_over) return;
  for (size_t k = m0; k < m1; k++)
    if (men[k].kind == SJ_TIME) {
      if (men[k].start <= sa + 16) P->frame = men[k].value;
      return;
    }
}

int sj_tg_events(sj_tg *g) {
  sj_doc *d = g->d;
  const sj_span *sent = d->spans[SJ_SENTENCE].data;
  if (g->nuser && add_user(g)) return SJ_ENOMEM;
  size_t nsent = d->spans[SJ_SENTENCE].n, nmen = d->mentions.n, ntr = g->trig.n;
  static const sj_mention no_mentions[1]; /* never NULL: men + m0 below */
  const sj_mention *men = nmen ? (const sj_mention *)d->mentions.data : no_mentions;
  if (!ntr || !nsent) return SJ_OK;
  sj_trig *tr = g->trig.data;
  sj_vec am;
  sj_vec_init(&am, sizeof(amen));
  size_t mi = 0, ti = 0;
  para_state P;
  new_paragraph(&P, (uint32_t)-1);
  int rc = SJ_OK;
  for (size_t si = 0; si < nsent && ti < ntr && !rc; si++) {
    size_t sa = sent[si].start, sb = sent[si].end;
    if (sent[si].para != P.para) {
      new_paragraph(&P, sent[si].para);
      P.r.pa = sa;
      P.r.pb = sb;
      for (size_t k = si; k < nsent && sent[k].para == sent[si].para; k++) P.r.pb = sent[k].end;
      P.r.men = men + mi;
      P.r.nmen = nmen - mi;
    }
    P.r.have_subj = 0;
    while (mi < nmen && men[mi].start < sa) mi++;
    size_t m0 = mi, m1 = mi;
    while (m1 < nmen && men[m1].start < sb) m1++;
    int trig = tr[ti].start < sb;
    if (trig || P.frame) clause_stops(g, sa, sb); /* note_frame reads this sentence's */
    note_frame(g, &P, men, m0, m1, sa, sb);
    if (!trig) continue;
    if (g->err || (rc = sentence_actors(g, &am, men, m0, m1, sa))) break;
    size_t t0 = ti;
    while (ti < ntr && tr[ti].start < sb) ti++;
    prune_triggers(g, tr, t0, ti, sa, sb, am.data, am.n, men, m0, m1);
    for (size_t q = t0; q < ti && !rc; q++)
      if (tr[q].cameo[0] && tr[q].start >= sa)
        rc = make_event(g, tr, t0, q, sa, sb, am.data, am.n, men, m0, m1, &P);
  }
  sj_vec_free(&am);
  return rc ? rc : g->err;
}
