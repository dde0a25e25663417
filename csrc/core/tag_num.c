/*
 * tag_num.c — the numbers stage: times, durations and quantities as
 * mentions.  The document's reference date (the caller's, or inferred from
 * its first lines), the time and quantity mentions found at a token start
 * by the scan (the grammar of time.c and qty.c, with the tagger's data
 * units and hedges of dict/gaz/cues-qty.tsv), and, after the scan, the
 * times that needed an unknown reference month re-resolved against the
 * latest date the text names.  Calls the shared helpers (tag_util.c),
 * time.c, qty.c and the reference dates of tag_ref.c.
 */
#include "core.h"
#include "tag.h"
#include "num.h"
#include "tag_int.h"

#include <stddef.h>
#include <string.h>

/* ---- times ------------------------------------------------------------ */
int sj_tg_time(sj_tg *g, size_t i, size_t *end) {
  sj_tmatch t;
  if (!sj_time_at(&g->tc, g->s, g->n, i, &t)) return 0;
  if ((t.flags & SJ_VAGUE) && g->no_vague) return 0; /* 几分钟 (PTXM) */
  {
    /* a word-like time (同日, 当天) must end a token: not 同日本; one with
     * a number in it need not (二十六日晚七时许 | 许唐山, 凌晨4点20 | 20发) */
    int numeric = 0;
    for (size_t k = i; k < t.end && !numeric;) {
      uint32_t c0;
      int l = sj_t_dec(g->s, g->n, k, &c0);
      numeric = sj_adigit(c0) >= 0 || sj_cdigit(c0) > 0 || sj_cn_unit(c0) > 0;
      k += l > 0 ? (size_t)l : 1;
    }
    if (!numeric && t.kind == SJ_TIME && !sj_tg_is_tend(g, t.end)) {
      uint32_t c1;
      sj_t_dec(g->s, g->n, t.end, &c1);
      /* an adverb may be joined to it (迄今已): 已 仍 还 都 就 才 又 也 */
      int adv = c1 == 0x5DF2 || c1 == 0x4ECD || c1 == 0x8FD8 || c1 == 0x90FD ||
                c1 == 0x5C31 || c1 == 0x624D || c1 == 0x53C8 || c1 == 0x4E5F;
      int dateline = c1 == 0x7535 || c1 == 0x8BAF; /* 十二月四日电 */
      if (c1 >= 0x4E00 && c1 <= 0x9FFF && !(adv && t.end - i >= 6) && !dateline) return 0;
    }
  }
  sj_mention *m = sj_tg_add(g, t.start, t.end, t.kind);
  if (!m) return 0;
  m->flags = t.flags;
  m->value = sj_tg_str(g, t.value, strlen(t.value));
  if (t.he > t.hs) m->type = sj_tg_str(g, g->s + t.hs, t.he - t.hs); /* holiday */
  if (t.kind == SJ_TIME) {
    sj_tg_note_time(g, t.value);
    if (t.absolute) { g->tc.ay = t.ay; g->tc.am = t.am; g->tc.ad = t.ad; }
    if (t.maxy == g->tc.ry || !g->tc.ry) {
      if (t.maxy > g->maxy || (t.maxy == g->maxy && (t.maxm > g->maxm ||
          (t.maxm == g->maxm && t.maxd > g->maxd)))) {
        g->maxy = t.maxy; g->maxm = t.maxm; g->maxd = t.maxd;
      }
    }
    if (t.needref) {
      size_t *slot = sj_vec_push(&g->needref);
      if (!slot) { g->err = SJ_ENOMEM; return 0; }
      *slot = g->d->mentions.n - 1;
      /* keep the anchor state it saw */
      sj_tctx *c = sj_vec_push(&g->needctx);
      if (!c) { g->err = SJ_ENOMEM; return 0; }
      *c = g->tc;
    }
  }
  *end = t.gloss > t.end ? t.gloss : t.end; /* a zone gloss: no mention */
  return 1;
}

/* ---- quantities ------------------------------------------------------- */
/* A quantity whose unit is one of the cue class qty_unit of
 * dict/gaz/cues-qty.tsv (currencies, seats: ２．１亿港元, ６６席), after a
 * number in Arabic digits and maybe a hedge (qty_before_approx: 约, 逾). */
static int qty_data_unit(sj_tg *g, size_t i, sj_qmatch *q) {
  size_t j = i, k = sj_tg_cue(g, i, "qty_before_approx");
  memset(q, 0, sizeof *q);
  if (k) { j += k; q->flags = SJ_APPROX; }
  double v;
  int nd;
  unsigned fl;
  size_t e = sj_num_at(g->s, g->n, j, &v, &nd, &fl);
  if (!e || (fl & SJ_NUM_DIGITSEQ && nd == 4)) return 0;
  k = sj_tg_cue(g, e, "qty_unit");
  if (!(fl & SJ_NUM_ARABIC)) {
    /* 哈、吉、塔五国, 上述两公司: a count in Chinese numerals after an
     * enumeration of actors or an anaphor (cue classes qty_group_unit,
     * qty_anaphor) */
    size_t tb = sj_tg_tok_at(g, i);
    int after = g->last_end == i || (tb > 0 && tb < g->ntok && sj_tg_cue_tok(g, tb - 1, "qty_anaphor"));
    if (!after || !(k = sj_tg_cue(g, e, "qty_group_unit")) || !sj_tg_is_tend(g, e + k)) return 0;
  } else if (!k || !sj_tg_is_tend(g, e + k)) {
    /* ６０００万 (泰国人民): a number with a magnitude and no unit */
    uint32_t cp;
    sj_t_prev(g->s, e, &cp);
    if ((cp != 0x4E07 && cp != 0x4EBF) || !sj_tg_is_tend(g, e)) return 0;
    k = 0;
  }
  q->start = i;
  q->end = q->uend = e + k;
  q->ustart = e;
  q->number = v;
  return 1;
}

int sj_tg_qty(sj_tg *g, size_t t, size_t *end) {
  sj_qmatch q;
  size_t i = g->tok[t].start;
  if (!sj_qty_at(g->m, g->s, g->n, i, &q) && !qty_data_unit(g, i, &q)) return 0;
  size_t e = q.end;
  /* 八届 (人大) in Chinese numerals: an ordinal (cue class qty_ordinal) */
  if ((unsigned char)g->s[q.start] >= 0xE4 && (unsigned char)g->s[q.start] <= 0xE9 &&
      sj_tg_cue(g, q.ustart, "qty_ordinal") == q.uend - q.ustart)
    return 0;
  /* N个 + a noun: the noun names what is counted (12个国家, 13个县) */
  if (q.uend > q.ustart && sj_tg_cue(g, q.ustart, "qty_counted") == q.uend - q.ustart && e == q.uend) {
    size_t tn = sj_tg_tok_at(g, e);
    if (tn < g->ntok && g->tok[tn].start == e) {
      const char *p = sj_tg_pos(g, tn);
      size_t l = g->tok[tn].end - g->tok[tn].start;
      if (((p[0] == 'n' && p[1] != 'r') || sj_streq(p, "zg")) && l >= 3 && l <= 12) {
        e = g->tok[tn].end;
        /* 常任理事 | 国: one more character of the noun */
        const char *p2 = sj_tg_pos(g, tn + 1);
        if (tn + 1 < g->ntok && g->tok[tn + 1].end - e == 3 && p2[0] == 'n' && p2[1] != 'r')
          e += 3;
      }
    }
  }
  /* hedges after the number (80%以上) and a currency after 元 (1亿元人民币)
   * are in the span: cue classes qty_after_approx, qty_unit_tail */
  size_t k = sj_tg_cue(g, e, "qty_after_approx");
  if (k && sj_tg_is_tend(g, e + k)) { e += k; q.flags |= SJ_APPROX; }
  else if ((k = sj_tg_cue(g, e, "qty_unit_tail")) && sj_tg_is_tend(g, e + k)) e += k;
  sj_mention *m = sj_tg_add(g, q.start, e, SJ_QUANTITY);
  if (!m) return 0;
  m->number = q.number;
  m->flags = q.flags;
  /* the full-width per cent sign is the unit % */
  if (q.uend - q.ustart == 3 && !memcmp(g->s + q.ustart, "\xEF\xBC\x85", 3))
    m->unit = "%";
  else if (q.uend > q.ustart)
    m->unit = sj_tg_str(g, g->s + q.ustart, q.uend - q.ustart);
  *end = e;
  return 1;
}

/* ---- reference date ---------------------------------------------------- */
void sj_tg_ref_date(sj_tg *g) {
  sj_doc *d = g->d;
  /* a caller's full date is the publication date (the year rule applies) */
  g->tc.firm = d->ref_year && d->ref_month;
  if (!d->ref_year) {
    int y, m, dd;
    if (sj_infer_ref(g->m, g->s, g->n, &y, &m, &dd)) {
      d->ref_year = y;
      if (m) { d->ref_month = m; d->ref_day = dd; }
    }
  }
  g->tc.ry = d->ref_year;
  g->tc.rm = d->ref_year ? d->ref_month : 0;
  g->tc.rd = d->ref_year && d->ref_month ? d->ref_day : 0;
}

/* re-resolve times that needed an unknown reference month/day: use the
 * latest date of the reference year that the text names */
void sj_tg_fix_needref(sj_tg *g) {
  if (!g->needref.n || g->tc.rm || !g->maxy) return;
  for (size_t k = 0; k < g->needref.n; k++) {
    size_t mi = SJ_VEC_AT(&g->needref, size_t, k);
    sj_tctx c = SJ_VEC_AT(&g->needctx, sj_tctx, k);
    sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, mi);
    c.ry = g->maxy;
    c.rm = g->maxm;
    c.rd = g->maxd;
    sj_tmatch t;
    if (sj_time_at(&c, g->s, g->n, m->start, &t) && t.end == m->end) {
      m->value = sj_tg_str(g, t.value, strlen(t.value));
      m->flags = t.flags | SJ_APPROX;
    }
  }
}
