/*
 * tag_ref.c — the reference date of the tagger's times, per paragraph.
 *
 * A news paragraph's dateline (新华社北京１月７日电, 本报东京…电, 本报北京…讯,
 * also a closing （本报东京１月２７日电）) gives the date that 今天, 昨天 and
 * 今晚 mean in that paragraph, and it is a publication date: a month after
 * it is last year's.  sj_tg_datelines finds them before the scan; the scan
 * calls sj_tg_ref_at at each position, which swaps g->tc's reference in and
 * out at paragraph bounds (a compare per token when nothing changes).
 */
#include "core.h"
#include "tag.h"
#include "tag_int.h"

#include <string.h>

/* a digit or Chinese numeral character (for walking back over a number) */
static int numeral(uint32_t cp) {
  if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) return 1;
  switch (cp) {
  case 0x96F6: case 0x3007: case 0x25CB: case 0x4E00: case 0x4E8C: case 0x4E09:
  case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D:
  case 0x5341: case 0x5EFF:
    return 1;
  default:
    return 0;
  }
}

/* the start of the number ending at e (e itself if none) */
static size_t num_back(const char *s, size_t e) {
  size_t j = e;
  while (j > 0) {
    uint32_t cp;
    size_t k = sj_t_prev(s, j, &cp);
    if (!numeral(cp) || e - k > 24) break;
    j = k;
  }
  return j;
}

/* the value of the number s[a..b) (0 if it is not exactly one number) */
static int num_val(const char *s, size_t n, size_t a, size_t b) {
  double v;
  int nd;
  unsigned fl;
  if (a >= b || sj_num_at(s, n, a, &v, &nd, &fl) != b) return 0;
  return v >= 1 && v <= 9999 ? (int)v : 0;
}

/* the length of a cue of class cls ending exactly at e (a one-character
 * unit before a number: 月, 年), 0 if none */
static size_t unit_before(sj_tg *g, size_t e, const char *cls) {
  return e >= 3 && sj_tg_cue(g, e - 3, cls) == 3 ? 3 : 0;
}

/* A dateline whose end (cue class dateline_end: 日电, 日讯) starts at x
 * (…１月７日电): its date in *y-*m-*d (the year from the text, else ry,
 * the year before when the month is after rm), *start the start of its
 * date, *end the end of the dateline word.  1 or 0.  The words of
 * cues-time.tsv: dateline_end, dateline_month, dateline_year, and
 * not_dateline (日电视: a word, no dateline). */
static int dateline_at(sj_tg *g, size_t x, int ry, int rm, int *y, int *m, int *d,
                       size_t *start, size_t *end) {
  const char *s = g->s;
  size_t n = g->n;
  size_t kd = sj_tg_cue(g, x, "dateline_end");
  if (!kd || kd <= 3) return 0;
  if (sj_tg_cue(g, x + 3, "not_dateline")) return 0;
  *end = x + kd;
  size_t ds = num_back(s, x);
  int dv = num_val(s, n, ds, x);
  size_t ku = unit_before(g, ds, "dateline_month");
  if (!dv || dv > 31 || !ku) return 0;
  size_t ms = num_back(s, ds - ku);
  int mv = num_val(s, n, ms, ds - ku);
  if (!mv || mv > 12) return 0;
  int yv = 0;
  *start = ms;
  if ((ku = unit_before(g, ms, "dateline_year"))) {
    size_t ys = num_back(s, ms - ku);
    yv = num_val(s, n, ys, ms - ku);
    if (yv >= 1000) *start = ys; else yv = 0;
  }
  if (!yv) {
    if (!ry) return 0;
    yv = ry;
    if (rm && mv > rm) yv--; /* a dateline is not after the paper */
  }
  *y = yv; *m = mv; *d = dv;
  return 1;
}

/* the start of the paragraph around x: after the last blank line before it.
 * *from and *a carry the scan between calls with growing x (the text is
 * read once whatever the number of candidates) */
static size_t para_start(const char *s, size_t x, size_t *from, size_t *a) {
  for (size_t i = *from; i < x; i++) {
    if (s[i] != '\n') continue;
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r')) k--;
    if (k > 0 && s[k - 1] == '\n') *a = i + 1;
  }
  if (x > *from) *from = x;
  return *a;
}

/* the end of the paragraph around x: the next blank line (or the end) */
static void para_of(const char *s, size_t n, size_t x, size_t *b) {
  size_t i;
  *b = n;
  for (i = x; i < n; i++) {
    if (s[i] != '\n') continue;
    size_t k = i + 1;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r')) k++;
    if (k < n && s[k] == '\n') { *b = i; break; }
  }
}

int sj_tg_datelines(sj_tg *g) {
  const char *s = g->s;
  size_t n = g->n;
  sj_vec_init(&g->dl, sizeof(sj_dline));
  g->idl = 0;
  g->dl_on = 0;
  g->tc0 = g->tc;
  const int rm = g->tc.firm ? g->tc.rm : 0;
  size_t pfrom = 0, pa = 0;
  for (size_t i = 0; i + 6 <= n;) {
    const char *h = memchr(s + i, 0xE6, n - i); /* 日 = E6 97 A5 */
    if (!h) break;
    size_t x = (size_t)(h - s);
    i = x + 1;
    if (x + 6 > n || (unsigned char)s[x + 1] != 0x97 || (unsigned char)s[x + 2] != 0xA5) continue;
    int y, m, d;
    size_t st, a, b, xe;
    if (!dateline_at(g, x, g->tc.ry, rm, &y, &m, &d, &st, &xe)) continue;
    a = para_start(s, x, &pfrom, &pa);
    /* at the head of its paragraph, or closing it in brackets */
    int head = st - a <= 150;
    int tail = sj_tg_cue(g, xe, "bracket_close") != 0;
    if (!head && !tail) continue;
    if (g->dl.n && SJ_VEC_AT(&g->dl, sj_dline, g->dl.n - 1).b > a) continue; /* one a paragraph */
    para_of(s, n, x, &b);
    sj_dline *L = sj_vec_push(&g->dl);
    if (!L) return SJ_ENOMEM;
    L->a = a; L->b = b; L->y = y; L->m = m; L->d = d;
  }
  return 0;
}

void sj_tg_ref_step(sj_tg *g, size_t i) {
  if (g->dl_on) {
    const sj_dline *L = &SJ_VEC_AT(&g->dl, sj_dline, g->idl - 1);
    if (i < L->b) return;
    /* leaving the paragraph: the document's reference again */
    g->tc.ry = g->tc0.ry; g->tc.rm = g->tc0.rm; g->tc.rd = g->tc0.rd;
    g->tc.firm = g->tc0.firm;
    g->dl_on = 0;
  }
  while (g->idl < g->dl.n && SJ_VEC_AT(&g->dl, sj_dline, g->idl).b <= i) g->idl++;
  if (g->idl >= g->dl.n) return;
  const sj_dline *L = &SJ_VEC_AT(&g->dl, sj_dline, g->idl);
  if (i < L->a) return;
  g->tc.ry = L->y; g->tc.rm = L->m; g->tc.rd = L->d;
  g->tc.firm = 1;
  g->dl_on = 1;
  g->idl++;
}

void sj_tg_note_time(sj_tg *g, const char *value) {
  size_t l = strlen(value);
  if (l >= sizeof g->tc.aval || value[0] < '0' || value[0] > '9' || memchr(value, ',', l))
    return;
  memcpy(g->tc.aval, value, l + 1);
}

/* ---- vague references and sets ----------------------------------------- */
/* the time cue class of the longest cue at i ending at a token end:
 * 1 PRESENT_REF, 2 PAST_REF, 3 FUTURE_REF, 'Y' 'M' 'W' 'D' a set; *len */
static int time_cue(sj_tg *g, size_t i, size_t *len) {
  static const char *const PFX[] = {"vague_", "set_"}; /* the classes read below */
  if (!sj_tg_cue_pfx_at(g, i, PFX, 2)) return 0;
  const sj_gcache *c = sj_tg_hits(g, i);
  if (!(c->any & SJ_K_CUE)) return 0;
  for (int q = c->n - 1; q >= 0; q--) {
    if (!(c->h[q].kinds & SJ_K_CUE) || !sj_tg_is_tend(g, i + c->h[q].len) ||
        !sj_tg_cue_pfx(g, c->h[q].cues, PFX, 2))
      continue;
    for (const char *p = c->h[q].payload; p && *p;) {
      if (!strncmp(p, "cue\tvague_", 10) || !strncmp(p, "cue\tset_", 8)) {
        const char *v = p + (p[4] == 'v' ? 10 : 8);
        int r = 0;
        if (!strncmp(v, "present", 7)) r = 1;
        else if (!strncmp(v, "past", 4)) r = 2;
        else if (!strncmp(v, "future", 6)) r = 3;
        else if (p[4] == 's' && (v[0] == 'y' || v[0] == 'm' || v[0] == 'w' || v[0] == 'd') &&
                 (v[1] == '\n' || v[1] == 0))
          r = v[0] - 'a' + 'A';
        if (r) { *len = c->h[q].len; return r; }
      }
      p = strchr(p, '\n');
      if (p) p++;
    }
  }
  return 0;
}

/* 离震中最近的, 交界最近处: a cue of class vague_near (最近) that means
 * nearest: before a word of class near_after (处) or after one of class
 * near_from (离, 距) earlier in its clause (up to 24 characters back) */
static int nearest(sj_tg *g, size_t i, size_t len) {
  if (sj_tg_cue(g, i, "vague_near") != len) return 0;
  if (sj_tg_cue(g, i + len, "near_after")) return 1;
  size_t k = i;
  for (int q = 0; k > 0 && q < 24; q++) {
    uint32_t cp;
    k = sj_t_prev(g->s, k, &cp);
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1F || cp == 0xFF01 ||
        cp == ',' || cp == ';' || cp == '\n')
      return 0;
    if (sj_tg_cue(g, k, "near_from")) return 1;
  }
  return 0;
}

/* i starts a sentence: after 。！？ (or ASCII), a line break or the start,
 * with spaces and closing quotes between */
static int sentence_head(const sj_tg *g, size_t i) {
  for (int q = 0; i > 0 && q < 12; q++) {
    uint32_t cp;
    i = sj_t_prev(g->s, i, &cp);
    if (cp == ' ' || cp == 0x3000 || cp == '\t' || cp == 0x201D || cp == 0x2019 || cp == '\r')
      continue;
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' || cp == '\n';
  }
  return i == 0;
}

/* a cue of class head_not (也, 要) in the clause from i (up to 16
 * characters, the comma after a head word skipped) */
static int head_not(sj_tg *g, size_t i) {
  for (int q = 0; i < g->n && q < 16; q++) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    if (l <= 0) return 0;
    if (q > 0 && (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == ',' || cp == '\n'))
      return 0;
    if (sj_tg_cue(g, i, "head_not")) return 1;
    i += (size_t)l;
  }
  return 0;
}

int sj_tg_vague(sj_tg *g, int vague) {
  static const char *const REF[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF"};
  const sj_mention *M = g->d->mentions.data;
  size_t nm = g->d->mentions.n, mj = 0;
  uint32_t covered = 0; /* end of the mentions started so far */
  for (size_t t = 0; t < g->ntok && !g->err; t++) {
    size_t i = g->tok[t].start, len = 0;
    while (mj < nm && M[mj].start <= i) {
      if (M[mj].end > covered) covered = M[mj].end;
      mj++;
    }
    if (i < covered) continue;
    int r = time_cue(g, i, &len);
    if (!r || (r <= 3 && !vague) || (r <= 3 && nearest(g, i, len))) continue;
    /* 同时 as a time (meanwhile) only heading a sentence, not as an
     * additive (同时，我们也要…: class head_not in what follows) */
    if (sj_tg_cue(g, i, "vague_head") == len && (!sentence_head(g, i) || head_not(g, i + len)))
      continue;
    /* not where a mention starts inside it */
    if (mj < nm && M[mj].start < i + len) continue;
    char val[8];
    const char *v = r <= 3 ? REF[r] : val;
    if (r > 3) { val[0] = 'P'; val[1] = '1'; val[2] = (char)r; val[3] = 0; }
    sj_mention *m = sj_tg_add(g, i, i + len, SJ_TIME);
    if (!m) return g->err ? g->err : SJ_ENOMEM;
    M = g->d->mentions.data; /* the array may have moved */
    m->flags = r <= 3 ? SJ_VAGUE : SJ_SET;
    m->value = sj_tg_str(g, v, strlen(v));
    if (!m->value) return SJ_ENOMEM;
    while (t + 1 < g->ntok && g->tok[t + 1].start < i + len) t++;
  }
  return g->err;
}
