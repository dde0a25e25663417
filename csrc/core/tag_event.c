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
  sj_gaz_hit *h;
  int nh = sj_tg_match(g, i, &h);
  for (int q = nh - 1; q >= 0; q--) {
    sj_gfield f;
    if (!sj_tg_payload(h[q].payload, "trigger", &f) || f.n < 1) continue;
    size_t e = i + h[q].len;
    /* a trigger must end a token (or be followed by a token start) */
    if (!sj_tg_is_tend(g, e) && h[q].len <= 3) continue;
    sj_trig *tr = sj_vec_push(&g->trig);
    if (!tr) { g->err = SJ_ENOMEM; return; }
    tr->start = (uint32_t)i;
    tr->end = (uint32_t)e;
    size_t cl = f.l[0] < 3 ? f.l[0] : 3;
    memcpy(tr->cameo, f.s[0], cl);
    tr->cameo[cl] = 0;
    tr->label = f.n >= 2 ? sj_tg_str(g, f.s[1], f.l[1]) : NULL;
    return;
  }
}

/* ---- helpers ------------------------------------------------------------ */
static int is_stop(uint32_t cp) { /* phrase ends */
  return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
         cp == '\n' || cp == 0xFF1A || cp == ',' || cp == ';' || cp == '!' || cp == '?';
}
static size_t phrase_start(const sj_tg *g, size_t lo, size_t i) {
  while (i > lo) {
    uint32_t cp;
    size_t p = sj_t_prev(g->s, i, &cp);
    if (is_stop(cp)) return i;
    i = p;
  }
  return lo;
}
static size_t phrase_end(const sj_tg *g, size_t hi, size_t i) {
  while (i < hi) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    if (is_stop(cp)) return i;
    i += (size_t)l;
  }
  return hi;
}
static int root_eq(const char *a, const char *b) { return a[0] == b[0] && a[1] == b[1]; }

static const char *const PREP[] = {"向", "对", "与", "同", "和", "跟", "给", "及", "以及", NULL};
static const char *const LIGHT[] = {"提供", "举行", "召开", "开展", "组织", "实施", "进行",
                                    "参加", "参与", "举办", NULL};

/* the word before byte a, skipping nothing: a preposition makes a partner */
static int after_prep(const sj_tg *g, size_t a, size_t lo) {
  size_t i = a;
  for (int hop = 0; hop < 8 && i > lo; hop++) {
    for (const char *const *p = PREP; *p; p++) {
      size_t l = strlen(*p);
      if (i >= l + lo && !memcmp(g->s + i - l, *p, l)) {
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

typedef struct amen { /* an actor or place mention in the sentence */
  size_t a, b;
  int place;
  int partner;  /* after a preposition */
  sj_codes c;
} amen;

static int str_in(const sj_tg *g, size_t a, size_t b, const char *w) {
  size_t l = strlen(w);
  for (size_t i = a; i + l <= b; i++)
    if (!memcmp(g->s + i, w, l)) return 1;
  return 0;
}

int sj_tg_events(sj_tg *g) {
  sj_doc *d = g->d;
  const sj_span *sent = d->spans[SJ_SENTENCE].data;
  size_t nsent = d->spans[SJ_SENTENCE].n;
  const sj_mention *men = d->mentions.data;
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
    if (tr[ti].start >= sb) {
      /* still note framing times of sentences without triggers */
    }
    if (sent[si].para != cur_para) {
      cur_para = sent[si].para;
      para_date = NULL; prev_date = NULL; prev_cameo[0] = 0; prev_subj.n = 0;
    }
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
    for (size_t q = t0; q < ti; q++) {
      sj_trig *T = &tr[q];
      if (T->start < sa) continue;
      size_t ps = phrase_start(g, sa, T->start), pe = phrase_end(g, sb, T->end);
      /* a light verb (参加, 举行, 提供…) yields to the event noun after it */
      {
        int light = 0;
        for (const char *const *lv = LIGHT; *lv; lv++)
          if (T->end - T->start == strlen(*lv) && !memcmp(g->s + T->start, *lv, strlen(*lv))) light = 1;
        if (light && q + 1 < ti && tr[q + 1].start < pe) { T->cameo[0] = 0; continue; }
      }
      /* merge: same root as a kept trigger of this sentence */
      int drop = 0;
      for (size_t r = t0; r < q; r++) {
        if (!tr[r].cameo[0] || tr[r].start < sa) continue;
        if (!root_eq(tr[r].cameo, T->cameo)) continue;
        size_t rps = phrase_start(g, sa, tr[r].start);
        if (rps == ps) {
          /* same phrase: a light verb yields to its noun */
          int light = 0;
          for (const char *const *lv = LIGHT; *lv; lv++)
            if (tr[r].end - tr[r].start == strlen(*lv) && !memcmp(g->s + tr[r].start, *lv, strlen(*lv)))
              light = 1;
          if (light) { tr[r].cameo[0] = 0; continue; }
          /* a verb keeps its object's noun (出席…会议); in a noun phrase
           * the head noun at the end wins (危机沟通工作组视频会议) */
          size_t rt = sj_tg_tok_at(g, tr[r].start);
          const char *rp = rt < g->ntok && g->tok[rt].pos ? g->tok[rt].pos : "x";
          if (rp[0] == 'v' && rp[1] == 0) { drop = 1; break; }
          tr[r].cameo[0] = 0;
          continue;
        }
        /* a later phrase after a comma with no actor of its own */
        int own = 0;
        for (size_t k = 0; k < am.n; k++)
          if (A[k].a >= ps && A[k].b <= pe && !A[k].place) own = 1;
        uint32_t cp;
        sj_t_prev(g->s, ps, &cp);
        if (!own && cp == 0xFF0C) { drop = 1; break; }
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
      ev->label = T->label;
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
        if (A[k].a >= T->start || A[k].place || A[k].partner) continue;
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
          if (A[k].partner) sj_codes_merge(&tgt, &A[k].c);
          else if (A[k].place) {
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
      if (root_eq(T->cameo, "15") && (tgt.n > 0 || joint)) {
        memcpy(ev->cameo, "062", 4);
        ev->label = "cooperate militarily";
      }
      ev->sources = sj_codes_str(g, &src);
      ev->targets = sj_codes_str(g, &tgt);
      /* place: the nearest place of the sentence, with its coordinated run */
      {
        size_t bk = (size_t)-1, bd = (size_t)-1;
        for (size_t k = 0; k < am.n; k++) {
          if (!A[k].place) continue;
          size_t dist = A[k].a < T->start ? T->start - A[k].a : (A[k].a - T->start) * 2;
          if (dist < bd) { bd = dist; bk = k; }
        }
        if (bk != (size_t)-1) {
          size_t lo = bk, hi = bk;
          while (lo > 0 && A[lo - 1].place && A[lo].a >= A[lo - 1].b && A[lo].a - A[lo - 1].b <= 3) lo--;
          while (hi + 1 < am.n && A[hi + 1].place && A[hi + 1].a >= A[hi].b && A[hi + 1].a - A[hi].b <= 3) hi++;
          ev->place = sj_tg_str(g, g->s + A[lo].a, A[hi].b - A[lo].a);
        }
      }
      /* flags */
      {
        size_t a = ps;
        static const char *const NEG[] = {"不", "未", "没有", "没", "并未", "尚未", NULL};
        static const char *const FUT[] = {"将", "拟", "计划", "即将", "将要", "准备", "打算", NULL};
        static const char *const HYP[] = {"如果", "若", "一旦", "假如", "倘若", "如若", NULL};
        for (size_t i = a; i < T->start;) {
          for (const char *const *w = NEG; *w; w++)
            if (lit(g, i, *w) && T->start - i <= 9) ev->flags |= SJ_NEGATED;
          for (const char *const *w = FUT; *w; w++)
            if (lit(g, i, *w) && !lit(g, i, "将领") && !lit(g, i, "将士")) ev->flags |= SJ_FUTURE;
          uint32_t cp;
          i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
        }
        for (size_t i = sa; i < T->start;) {
          for (const char *const *w = HYP; *w; w++)
            if (lit(g, i, *w) && !lit(g, i, "若干")) ev->flags |= SJ_HYPOTHETICAL;
          uint32_t cp;
          i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
        }
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
