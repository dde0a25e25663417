/*
 * tag.c — the tagger's driver, sj_tag: mentions (times, durations,
 * quantities, actors, places, names) and CAMEO-typed events.  It holds no
 * look-up and no rule of its own: it sets up the state (sj_tg, tag_int.h)
 * and calls the stages in order (docs/ARCHITECTURE.md, "Tagging"; the
 * order tools/check_layers.lua enforces):
 *   1. reference dates: the document's (tag_num.c), the datelines of its
 *      paragraphs (tag_ref.c);
 *   2. one left-to-right scan over token starts, each start asking in turn:
 *      the reference date in force (tag_ref.c), 《…》 titles and quoted names
 *      (tag_ent.c), times/durations and quantities (tag_num.c), actors,
 *      places and names (tag_ent.c), event triggers (tag_event.c);
 *   3. times that needed an unknown reference month, re-resolved (tag_num.c);
 *   4. mentions sorted, names by suffix (tag_ent.c) merged in, quantities
 *      inside a name dropped;
 *   5. events (tag_event.c);
 *   6. vague references and sets (tag_ref.c), merged in.
 * The shared helpers every stage calls are in tag_util.c.  Everything is
 * allocated in the doc's arena or its vectors; no globals.
 */
#include "core.h"
#include "tag.h"
#include "tag_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* the reference date in force at i (tag_ref.c), when datelines may change it */
static inline void ref_at(sj_tg *g, size_t i) {
  if (g->dl.n && (g->dl_on || g->idl < g->dl.n)) sj_tg_ref_step(g, i);
}

/* ---- the scan --------------------------------------------------------- */
/* the event noun ending a title (《中美联合声明》): a trigger the events
 * stage keeps only where the title speaks (《…联合声明》宣布) */
static void title_trigger(sj_tg *g, size_t t0, size_t e) {
  size_t close = sj_tg_tok_at(g, e - 1);
  if (close <= t0 + 1 || close >= g->ntok) return;
  sj_tg_trigger(g, close - 1);
}

/* A character that starts a calendar word (kind cal: 国庆节, 春节, 冬至)
 * is the scan's second way into times besides sj_time_may_start, when a
 * word of the calendar or of the time grammar (kind tgram: 今 in 今（19）日)
 * does start at i: 中, 国, 新, 是 start far more words that are neither,
 * and each of those cost a full, failing time and quantity parse. */
static int cal_word_at(sj_tg *g, size_t i) {
  if (!(sj_tg_start_kinds(g, i) & SJ_K_CAL)) return 0;
  sj_gaz_hit h[1];
  return sj_gaz_match(g->m, g->s, g->n, i, SJ_K_CAL | SJ_K_TGRAM, h, 1) > 0;
}

static int scan(sj_tg *g) {
  size_t t = 0;
  size_t skip_to = 0; /* inside a 《…》 title: nothing else */
  while (t < g->ntok && !g->err) {
    size_t i = g->tok[t].start;
    size_t e = 0;
    if (i < skip_to) { t++; continue; }
    ref_at(g, i);
    /* 《 (E3 80 8A), “ (E2 80 9C), 「 (E3 80 8C): by their bytes */
    const unsigned char *u = (const unsigned char *)g->s + i;
    if ((u[0] == 0xE3 || u[0] == 0xE2) && i + 2 < g->n && u[1] == 0x80) {
      if (u[0] == 0xE3 && u[2] == 0x8A) {
        if (sj_tg_title(g, i, &e)) {
          if (g->want_events) title_trigger(g, t, e);
          skip_to = e;
          t = sj_tg_tok_at(g, e);
          continue;
        }
      } else if ((u[0] == 0xE2 && u[2] == 0x9C) || (u[0] == 0xE3 && u[2] == 0x8C)) {
        sj_tg_quote(g, i);
      }
    }
    if ((sj_time_may_start(g->s, g->n, i) || cal_word_at(g, i)) &&
        (sj_tg_time(g, i, &e) || sj_tg_qty(g, t, &e))) {
      size_t t2 = sj_tg_tok_at(g, e);
      /* a match ending inside a token: go on from the next token start */
      if (t2 < g->ntok && g->tok[t2].start < e) t2++;
      t = t2 > t ? t2 : t + 1;
      continue;
    }
    if (g->err) break;
    size_t ebefore = g->d->mentions.n;
    size_t nt = sj_tg_entity(g, t);
    if (g->err) break;
    if (g->d->mentions.n > ebefore) {
      /* go on after the mention, at a token start */
      size_t me = SJ_VEC_AT(&g->d->mentions, sj_mention, g->d->mentions.n - 1).end;
      while (nt < g->ntok && g->tok[nt].start < me) nt++;
    }
    if (g->want_events) sj_tg_trigger(g, t);
    t = nt > t ? nt : t + 1;
  }
  return g->err;
}

/* quantities inside a name are part of the name (mentions sorted) */
static void drop_inside_names(sj_doc *d) {
  sj_mention *M = d->mentions.data;
  size_t w = 0;
  uint32_t name_end = 0;
  for (size_t r = 0; r < d->mentions.n; r++) {
    if ((M[r].kind == SJ_QUANTITY) && M[r].end <= name_end) continue;
    if (M[r].kind == SJ_NAME && M[r].end > name_end) name_end = M[r].end;
    M[w++] = M[r];
  }
  d->mentions.n = w;
}

int sj_tag(sj_doc *d, const sj_model *m, const sj_options *o) {
  if (!d || !m) return SJ_EINVAL;
  sj_tg G;
  sj_tg *g = &G;
  /* zero the state; of the caches (most of the struct) only their keys */
  memset(g, 0, offsetof(sj_tg, gc));
  for (size_t k = 0; k < SJ_GCACHE; k++) g->gc[k].key = 0;
  for (size_t k = 0; k < SJ_PCACHE; k++) g->pc[k].payload = NULL;
  for (size_t k = 0; k < SJ_CCACHE; k++) g->cc[k].at = 0;
  for (size_t k = 0; k < SJ_CIDCACHE; k++) g->cid[k].name = NULL;
  for (size_t k = 0; k < SJ_PSCACHE; k++) g->ps[k].at = 0;
  g->ncid = 0;
  g->mcls = NULL;
  g->mn = 0;
  g->pfx = NULL;
  g->d = d;
  g->m = m;
  g->s = d->text;
  g->n = d->len;
  g->tok = d->tokens.data;
  g->ntok = d->tokens.n;
  g->want_events = !o || o->want == 0 || (o->want & SJ_WANT_EVENTS);
  g->no_vague = o && (o->tag & SJ_TAG_NO_VAGUE);
  if (o && o->ntriggers) {
    if (!o->triggers || !sj_tg_user_ok(d, o->triggers, o->ntriggers)) return SJ_EINVAL;
    g->user = o->triggers;
    g->nuser = o->ntriggers;
  }
  g->tc.m = m;
  sj_vec_init(&g->needref, sizeof(size_t));
  sj_vec_init(&g->needctx, sizeof(sj_tctx));
  sj_vec_init(&g->trig, sizeof(sj_trig));
  sj_tg_ref_date(g);
  if (sj_tg_datelines(g)) { sj_vec_free(&g->dl); return SJ_ENOMEM; }
  size_t tokhint = 0;
  g->tokhint = &tokhint;
  g->tb = sj_arena_alloc(&d->arena, d->len / 8 + 1);
  if (!g->tb) return SJ_ENOMEM;
  memset(g->tb, 0, d->len / 8 + 1);
  for (size_t k = 0; k < g->ntok; k++) {
    size_t a = g->tok[k].start;
    if (a <= d->len) g->tb[a >> 3] |= (uint8_t)(1u << (a & 7));
  }
  g->tb[d->len >> 3] |= (uint8_t)(1u << (d->len & 7));
  int rc = scan(g);
  if (!rc) {
    sj_tg_fix_needref(g);
    rc = g->err;
  }
  if (!rc) {
    sj_tg_sort_mentions(d);
    size_t nbefore = d->mentions.n;
    sj_tg_names_fix(g);
    if (!g->err) sj_tg_merge_tail(g, nbefore);
    drop_inside_names(d);
    rc = g->err;
  }
  if (!rc && g->want_events) rc = sj_tg_events(g);
  if (!rc) {
    size_t nb = d->mentions.n;
    rc = sj_tg_vague(g, !(o && (o->tag & SJ_TAG_NO_VAGUE)));
    if (!rc) sj_tg_merge_tail(g, nb);
    if (!rc) rc = g->err;
  }
  sj_vec_free(&g->needref);
  sj_vec_free(&g->needctx);
  sj_vec_free(&g->dl);
  sj_vec_free(&g->trig);
  free(g->stop);
  free(g->mark);
  return rc;
}
