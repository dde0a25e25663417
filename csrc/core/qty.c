/*
 * qty.c — quantities: a number and its measure word or unit (３０００多名,
 * 约５０艘, ８０％).  The words are data: kind tgram, the qty_* classes of
 * dict/gaz/cues-qty.tsv; the numbers and the measure word after them are
 * num.c's (sj_num_at, sj_count_tail): quantities need nothing of time.c.
 * The tagger (do_qty in tag.c) adds the hedges and unit tails it asks of
 * its cue classes.
 */
#include "num.h"
#include "shijian.h"

#include <string.h>

/* the grammar words at one position, parsed once (key: position + 1) */
typedef struct qpos { size_t at; int nt; sj_tword t[SJ_TWORDS]; } qpos;
static qpos *qcache(qpos *c, const sj_model *m, const char *s, size_t n, size_t i) {
  qpos *e = &c[i & 1];
  if (e->at != i + 1) { e->nt = sj_tgram_words(m, s, n, i, e->t); e->at = i + 1; }
  return e;
}
#define qw(m, s, n, i, cls) \
  sj_tgram_pick(qcache(qc, m, s, n, i)->t, qcache(qc, m, s, n, i)->nt, cls, NULL)

int sj_qty_at(const sj_model *m, const char *s, size_t n, size_t i, sj_qmatch *out) {
  size_t j = i, k;
  unsigned approx = 0;
  qpos qc[2];
  qc[0].at = qc[1].at = 0;
  memset(out, 0, sizeof *out);
  if (i >= n) return 0;
  unsigned char b0 = (unsigned char)s[i];
  if (b0 < 0x80 && !(b0 >= '0' && b0 <= '9')) return 0;
  if (sj_t_bad_before(s, i)) return 0;
  int upto = 0;
  if ((k = qw(m, s, n, j, "qty_hedge"))) { approx = SJ_APPROX; j += k; } /* 约, 超过 */
  else if ((k = qw(m, s, n, j, "qty_up_to"))) { upto = 1; j += k; }     /* 上百名 */
  if (j != i && !upto && sj_t_bad_before(s, j)) return 0;
  double v; int nd; unsigned fl;
  size_t e = sj_num_at(s, n, j, &v, &nd, &fl);
  if (!e) return 0;
  if ((fl & SJ_NUM_CHINESE) && (fl & SJ_NUM_DIGITSEQ)) return 0;
  if ((fl & SJ_NUM_CHINESE) && !(fl & SJ_NUM_ARABIC) && nd == 0) {
    /* a bare 百 / 千 / 万 (千家万户): not a count, unless after 上 (上百名:
     * about a hundred) or with a magnitude (百亿元); 十 is fine */
    uint32_t c0;
    sj_t_dec(s, n, j, &c0);
    if (upto || (v >= 1e4 && sj_cn_unit(c0) != 10000 && sj_cn_unit(c0) != 100000000))
      approx = SJ_APPROX;
    else if (sj_cn_unit(c0) != 10) return 0;
  } else if (upto) {
    return 0;
  }
  int more;
  size_t ul, u = sj_count_tail(m, s, n, e, &v, &more, &ul);
  if (!u) return 0;
  if (more) approx = SJ_APPROX;
  /* Chinese 一 + measure: indefinite (一场, 一层, 一张张) unless a count */
  uint32_t cu, cn2;
  sj_t_dec(s, n, u, &cu);
  if ((fl & SJ_NUM_CHINESE) && !(fl & SJ_NUM_ARABIC)) {
    if (v == 1 && qw(m, s, n, u, "qty_indef")) return 0;
    /* reduplicated measure (一张张) */
    if (u + ul < n) {
      sj_t_dec(s, n, u + ul, &cn2);
      if (cn2 == cu) return 0;
    }
    /* 三国 (history), 两国, 五国 in names: only with Arabic digits */
    if (qw(m, s, n, u, "qty_arabic_only")) return 0;
    /* 两岸, 四处, 一地 ... */
    if (v == 1 && qw(m, s, n, u, "qty_one_not")) return 0;
  }
  /* 级 after a number is a magnitude or rank; keep */
  out->start = i;
  out->end = u + ul;
  out->number = v;
  out->flags = approx;
  out->ustart = u;
  out->uend = u + ul;
  if ((k = qw(m, s, n, out->end, "qty_approx_after"))) { out->end += k; out->flags |= SJ_APPROX; }
  return 1;
}
