/*
 * time.c — time expressions and durations over UTF-8 text, normalised to
 * ISO 8601 (TIMEX3 values).  Built on num.c (numbers, grammar words); calls
 * nothing of qty.c.  Pure functions: no allocation, no state.
 */
#include "num.h"
#include "shijian.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define CP_LIANG 0x4E24u /* 两: a numeral that is no digit of a sequence */

/* ---- dates ----------------------------------------------------------- */
int sj_days_in_month(int y, int m) {
  static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 31;
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}
long sj_days_from_civil(int y, int m, int d) {
  long yy = y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
void sj_civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long dd = doy - (153 * mp + 2) / 5 + 1;
  long mm = mp + (mp < 10 ? 3 : -9);
  *y = (int)(yy + (mm <= 2));
  *m = (int)mm;
  *d = (int)dd;
}
int sj_weekday(int y, int m, int d) {
  long z = sj_days_from_civil(y, m, d);
  long w = (z + 3) % 7; /* 1970-01-01 was a Thursday (3 from Monday) */
  if (w < 0) w += 7;
  return (int)w + 1;
}

/* ---- time expressions ------------------------------------------------- */
/* A calendar point: 0 = absent.  gran: 1 year, 2 month, 3 day, 4 hour,
 * 5 minute; 6 ISO week (w), 7 decade; 8 season (w: 1 SP .. 4 WI), 9 half
 * year (w: 1, 2), 10 quarter (w: 1..4); -3 a range of days (d..h). */
typedef struct pt {
  int y, m, d, h, mi, w;
  int gran;
  int pd; /* part of day of a day (gran 3): PD_MO .. PD_NI, 0 none */
} pt;

/* TIMEX3 parts of day: 1998-01-07TMO (morning), TMI (midday), TAF
 * (afternoon), TEV (evening), TNI (night) */
enum { PD_MO = 1, PD_MI, PD_AF, PD_EV, PD_NI, PD_WE /* the weekend of a week */ };
static const char *const PD_CODE[] = {"", "MO", "MI", "AF", "EV", "NI"};

#define PW_SLOTS 4  /* positions cached */
#define PW_HITS 16  /* entries per position */
#define PW_WORDS SJ_TWORDS /* grammar words (classes) per position */
typedef struct pst {
  const sj_tctx *c;
  const char *s;
  size_t n;
  unsigned flags;  /* SJ_APPROX */
  int needref;
  int relative;    /* resolved from the anchor or reference: not an anchor */
  int whole;       /* 年内/全年: a bare year, not an anchor */
  int lastyear;    /* the year rule moved a month to the previous year */
  int holiday_y;   /* the year of the holiday holiday_at found */
  /* the last number read (year, month, day and duration readers ask
   * about the same position one after the other) */
  size_t num_i, num_e;  /* position + 1 (0: none) and its end */
  double num_v;
  int num_nd;
  unsigned num_fl;
  /* last: the calendar entries and grammar words (kinds cal, tgram) at the
   * last positions asked, by (position / 3) % PW_SLOTS (key: position + 1);
   * pst_init clears the keys only */
  struct pw {
    size_t key;
    int n, nt;
    sj_gaz_hit h[PW_HITS];
    sj_tword t[PW_WORDS];
  } pw[PW_SLOTS];
} pst;
static void pst_init(pst *p, const sj_tctx *c, const char *s, size_t n) {
  memset(p, 0, offsetof(pst, pw));
  p->c = c; p->s = s; p->n = n;
  for (int q = 0; q < PW_SLOTS; q++) p->pw[q].key = 0;
}

static size_t pnum(pst *p, size_t i, double *v, int *nd, unsigned *fl) {
  if (p->num_i != i + 1) {
    p->num_e = sj_num_at(p->s, p->n, i, &p->num_v, &p->num_nd, &p->num_fl);
    p->num_i = i + 1;
  }
  *v = p->num_v; *nd = p->num_nd; *fl = p->num_fl;
  return p->num_e;
}

/* the grammar's words (kind tgram, dict/gaz/time-grammar.tsv): the longest
 * word of class cls at i, its length and *val (0 when none or when the
 * longest is a blocker, value `no`) */
static size_t tw(pst *p, size_t i, const char *cls, int *val);
/* the character before i is a word of class cls (*at: its start) */
static int tw_prev(pst *p, size_t i, const char *cls, size_t *at);
static uint32_t cpat(const pst *p, size_t i, int *len) {
  uint32_t cp = 0;
  if (i >= p->n) { *len = 0; return 0; }
  *len = sj_t_dec(p->s, p->n, i, &cp);
  return cp;
}

/* the year of the last time named (当年), or 0 */
static int aval_year(const sj_tctx *c) {
  int y = 0;
  for (int q = 0; q < 4; q++) {
    char ch = c->aval[q];
    if (ch < '0' || ch > '9') return 0;
    y = y * 10 + (ch - '0');
  }
  return y;
}

/* Reference pieces, with the anchor as a fallback. */
static int ref_y(pst *p) {
  if (p->c->ry) return p->c->ry;
  if (p->c->ay) return p->c->ay;
  return 0;
}
static int ref_md(pst *p, int *y, int *m, int *d) {
  if (p->c->ry && p->c->rm) {
    *y = p->c->ry; *m = p->c->rm; *d = p->c->rd;
    if (!p->c->rd) p->needref = 1;
    return 1;
  }
  p->needref = 1;
  if (p->c->ay && p->c->am) { *y = p->c->ay; *m = p->c->am; *d = p->c->ad; return 1; }
  *y = ref_y(p); *m = 0; *d = 0;
  return 0;
}
static int anchor_ymd(pst *p, int *y, int *m, int *d) {
  if (p->c->ay) { *y = p->c->ay; *m = p->c->am; *d = p->c->ad; return 1; }
  if (p->c->ry) { *y = p->c->ry; *m = p->c->rm; *d = p->c->rd; p->needref = 1; return 1; }
  *y = 0; *m = 0; *d = 0;
  return 0;
}

static void add_days(pt *t, long k) {
  if (!t->y || !t->m || !t->d) return;
  long z = sj_days_from_civil(t->y, t->m, t->d) + k;
  sj_civil_from_days(z, &t->y, &t->m, &t->d);
}
static void add_months(pt *t, int k) {
  if (!t->y || !t->m) { if (t->y && k % 12 == 0) t->y += k / 12; return; }
  int mm = t->y * 12 + (t->m - 1) + k;
  t->y = mm / 12; t->m = mm % 12 + 1;
  if (t->d) {
    int dm = sj_days_in_month(t->y, t->m);
    if (t->d > dm) t->d = dm;
  }
}

/* A 4-digit year + 年 (Arabic or Chinese digits); *y, returns end. */
static size_t year_num(pst *p, size_t i, int *y, int need_nian) {
  double v; int nd; unsigned fl;
  size_t e = pnum(p, i, &v, &nd, &fl);
  if (!e || !(fl & SJ_NUM_DIGITSEQ) || nd != 4) return 0;
  if (v < 1000 || v > 2200) return 0;
  size_t k = tw(p, e, "year", NULL);
  if (!k) {
    if (need_nian) return 0;
    *y = (int)v;
    return e;
  }
  *y = (int)v;
  return e + k;
}

/* number + a unit word of class cls, number in [lo, hi]; Chinese-only
 * numbers allowed when cn (then *iscn is set). */
static size_t num_unit(pst *p, size_t i, const char *cls, int lo, int hi, int cn,
                       int *v, int *iscn) {
  double x; int nd; unsigned fl;
  size_t e = pnum(p, i, &x, &nd, &fl);
  if (!e) return 0;
  if ((fl & SJ_NUM_CHINESE) && !cn) return 0;
  if ((fl & SJ_NUM_ARABIC) && (fl & SJ_NUM_CHINESE)) return 0;
  if (x != floor(x) || x < lo || x > hi) return 0;
  if ((fl & SJ_NUM_DIGITSEQ) && (fl & SJ_NUM_CHINESE)) return 0;
  size_t k = tw(p, e, cls, NULL);
  if (!k) return 0;
  *v = (int)x;
  if (iscn) *iscn = (fl & SJ_NUM_CHINESE) != 0;
  return e + k;
}

/* calendar words of dict/gaz/time-words.tsv (rel_year, rel_day, daypart ...)
 * are looked up in the image: cal_word, below the calendar helpers */
static size_t cal_word(pst *p, size_t i, const char *cls, int *v, int *pd);
/* cue words of dict/gaz/cues-time.tsv: the longest of class cls at i */
static size_t cue_at(const pst *p, size_t i, const char *cls);

static size_t weekday_at(pst *p, size_t i, int *wk, int *wd) {
  size_t j = i;
  int shift = 0, wv = 0, d = -1;
  size_t k = tw(p, j, "week_shift", &shift); /* 上周, 下星期, 本周 */
  j += k;
  size_t w = tw(p, j, "week", &wv);
  if (!w) return 0;
  j += w;
  size_t l = tw(p, j, "weekday", &d);
  if (!l) d = -1;
  if (d == 8 && wv == 1) { /* 周末, 上周末: the weekend (8) */
    if (j - w == i && tw_prev(p, i, "set_before", NULL)) return 0; /* 每逢周末: a set */
    *wk = shift; *wd = 8;
    return j + l;
  }
  if (d < 0 || d == 8) {
    /* 上周, 本周, 下周 alone */
    if (j - w != i && tw(p, j, "year", NULL) == 0) { *wk = shift; *wd = 0; return j; } /* 本周 */
    return 0;
  }
  j += l;
  /* not 周年, 周日 ok */
  *wk = shift; *wd = d;
  return j;
}

/* 六七点, 七八时: two neighbouring Chinese digits before the hour word, the
 * earlier hour, approximate; returns the end past the hour word */
static size_t hour_pair(pst *p, size_t i, int *h) {
  double x; int nd; unsigned fl;
  size_t a = pnum(p, i, &x, &nd, &fl), k;
  if (!a || !(fl & SJ_NUM_CHINESE) || !(fl & SJ_NUM_DIGITSEQ) || nd != 2) return 0;
  int d1 = (int)x / 10, d2 = (int)x % 10;
  if (d2 != d1 + 1 || d1 < 1 || !(k = tw(p, a, "hour", NULL))) return 0;
  *h = d1;
  p->flags |= SJ_APPROX;
  return a + k;
}

/* clock: H时/点 [M分|半] [S秒]; returns end */
static size_t clock_at(pst *p, size_t i, int *h, int *mi) {
  int hv, cn;
  size_t e = num_unit(p, i, "hour", 0, 24, 1, &hv, &cn);
  if (!e) e = hour_pair(p, i, &hv);
  if (!e) {
    /* 14:30, 14：30 (the full-width colon U+FF1A) */
    double x; int nd; unsigned fl;
    size_t a = pnum(p, i, &x, &nd, &fl);
    int cl = 0;
    uint32_t colon = a ? cpat(p, a, &cl) : 0;
    if (a && (fl & SJ_NUM_DIGITSEQ) && (fl & SJ_NUM_ARABIC) && nd <= 2 && x <= 24 &&
        (colon == ':' || colon == 0xFF1A)) {
      size_t b = a + (size_t)cl;
      double y; int nd2; unsigned fl2;
      size_t c = pnum(p, b, &y, &nd2, &fl2);
      if (c && nd2 == 2 && y < 60 && (fl2 & SJ_NUM_DIGITSEQ)) {
        *h = (int)x; *mi = (int)y;
        return c + tw(p, c, "minute", NULL); /* 16：45分 */
      }
    }
    return 0;
  }
  /* the hour word (时, or 点: value 1) ends at e; last says what ends at e
   * as the parse goes on: 1 点, 2 an hour and more (点多) */
  int dian = 0;
  {
    double x0; int nd0; unsigned fl0;
    tw(p, pnum(p, i, &x0, &nd0, &fl0), "hour", &dian);
  }
  int last = dian ? 1 : 0;
  *h = hv; *mi = -1;
  int m2, fv;
  size_t z = tw(p, e, "clock_zero", NULL); /* 13时零5分 */
  size_t f = num_unit(p, e + z, "minute", 0, 59, 1, &m2, NULL);
  if (!f) {
    /* 5点30多分: some minutes more, approximate */
    double x; int nd; unsigned fl;
    size_t g = pnum(p, e + z, &x, &nd, &fl), k1, k2;
    if (g && x == floor(x) && x >= 0 && x < 60 && !((fl & SJ_NUM_ARABIC) && (fl & SJ_NUM_CHINESE)) &&
        (k1 = tw(p, g, "clock_more", NULL)) && (k2 = tw(p, g + k1, "minute", NULL))) {
      f = g + k1 + k2; m2 = (int)x; p->flags |= SJ_APPROX;
    }
  }
  if (f) {
    *mi = m2; e = f; last = 0;
    /* seconds, also with decimals (57.9秒) */
    double x; int nd; unsigned fl;
    size_t g = pnum(p, e, &x, &nd, &fl), k2;
    if (g && x >= 0 && x < 60 && !((fl & SJ_NUM_ARABIC) && (fl & SJ_NUM_CHINESE)) &&
        (k2 = tw(p, g, "second", NULL)))
      e = g + k2;
  } else if ((f = tw(p, e, "clock_frac", &fv))) {
    *mi = fv; e += f; last = 0; /* 半, 一刻 */
  } else if (last == 1) {
    /* 4点20: minutes without 分 */
    double x; int nd; unsigned fl;
    size_t g = pnum(p, e, &x, &nd, &fl);
    uint32_t cp;
    int l;
    if (g && (fl & SJ_NUM_ARABIC) && (fl & SJ_NUM_DIGITSEQ) && nd <= 2 && x < 60 &&
        (cp = cpat(p, g, &l), !tw(p, g, "not_minute", NULL)) &&
        sj_adigit(cp) < 0 && cp != '.' && cp != 0xFF0E && cp != '%' && cp != 0xFF05) {
      *mi = (int)x; e = g; last = 0;
    }
  }
  if (*mi < 0 && (f = tw(p, e, "clock_more", NULL))) { /* 1点多 */
    e += f; p->flags |= SJ_APPROX; last = 2;
  } else if ((f = tw(p, e, "clock_past", NULL))) { /* 6点过: just past */
    e += f; p->flags |= SJ_APPROX; last = 0;
  }
  if (last && (f = tw(p, e, "oclock", NULL))) e += f; /* 7点钟, 1点多钟 */
  (void)cn;
  return e;
}

/* a clock time with no date and no minutes (8时许, 16时): an Arabic hour with
 * 时 that starts no word (时间, 时代 ...), or with 点 and more after it (1点多,
 * 7点钟, 9点许) */
static size_t approx_suffix(pst *p, size_t i);
static int bare_hour_ok(pst *p, size_t j, size_t e) {
  double x; int nd; unsigned fl;
  size_t a = pnum(p, j, &x, &nd, &fl);
  if (!a) return 0;
  int dian = 0;
  size_t k = tw(p, a, "hour", &dian);
  /* in Chinese numerals (九时) only after a preposition of time (于九时,
   * 至十时): 一时 alone is "for a while" */
  if (!(fl & SJ_NUM_ARABIC) && (fl & SJ_NUM_CHINESE) && !(fl & SJ_NUM_DIGITSEQ))
    return k && tw_prev(p, j, "clock_before", NULL) && !cue_at(p, a, "not_clock");
  if (!(fl & SJ_NUM_ARABIC) || (fl & SJ_NUM_CHINESE)) return 0;
  if (k && !dian) return !cue_at(p, a, "not_clock"); /* 时间, 时代 ... */
  return e > a + k || approx_suffix(p, e) > 0;
}

/* suffixes that make a time approximate (左右, 前后, 许) */
static size_t approx_suffix(pst *p, size_t i) {
  return tw(p, i, "approx_after", NULL);
}

/* 春 夏 秋 冬 at i (not 春节): season 1..4 (TIMEX SP SU FA WI), else 0 */
static int season_char(pst *p, size_t i) {
  int v = 0;
  return tw(p, i, "season", &v) ? v : 0;
}
/* a season after a year: 春, 夏季, 秋天 */
static size_t season_at(pst *p, size_t i, int *v) {
  if (!(*v = season_char(p, i))) return 0;
  int l;
  cpat(p, i, &l);
  size_t k = (size_t)l;
  return k + tw(p, i + k, "season_suffix", NULL);
}
/* [第]一季度 .. [第]四季度, [第]1季度 */
static size_t quarter_at(pst *p, size_t i, int *v) {
  size_t j = i, k;
  j += tw(p, j, "ordinal_prefix", NULL);
  int l;
  uint32_t cp = cpat(p, j, &l);
  int q = sj_adigit(cp) >= 0 ? sj_adigit(cp) : sj_cdigit(cp);
  if (q < 1 || q > 4 || cp == CP_LIANG || !(k = tw(p, j + (size_t)l, "quarter", NULL))) return 0;
  *v = q;
  return j + (size_t)l + k - i;
}
/* 将, 将于, 定于, 拟在 … just before i: a planned date */
static int future_before(pst *p, size_t i) {
  size_t j = i, at;
  if (tw_prev(p, i, "prep_before", &at)) j = at; /* 于 在 从 到 */
  if (tw_prev(p, j, "plan_before", NULL)) return 1; /* 将 定 拟 */
  /* a plan earlier in the clause: 还将在出席…后于２月２日 */
  size_t k = i;
  uint32_t cp;
  for (int steps = 0; k > 0 && steps < 40; steps++) {
    k = sj_t_prev(p->s, k, &cp);
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 ||
        cp == 0xFF1F || cp == '\n' || cp == 0x201D || cp == 0x201C)
      break; /* ，。；：！？ quotes */
    if (cue_at(p, k, "time_plan")) return 1;
  }
  return 0;
}

/* a day in Chinese numerals below ten without a month (一日, 二日) is a date,
 * not a count of days, between 自/从/于/至/到 and 起, or before 在/至/到 */
static int cday_context(pst *p, size_t a, size_t e) {
  return tw_prev(p, a, "date_before", NULL) || tw(p, e, "date_after", NULL) > 0;
}

/* 一个清晨, 某天晚上, 每个晚上, 这个下午: not a date */
static int indefinite_before(pst *p, size_t i) {
  return i && tw_prev(p, i, "indef_before", NULL);
}

/* the character after the first one at i starts a word of class cls */
static size_t first_then(pst *p, size_t i, const char *cls) {
  int l;
  cpat(p, i, &l);
  return l ? tw(p, i + (size_t)l, cls, NULL) : 0;
}

/* a part of day, 晚/早/夜 or 电/讯 (a dateline) right after a day */
static int daypart_after(pst *p, size_t k) {
  int v;
  int pd;
  return cal_word(p, k, "daypart", &v, &pd) || tw(p, k, "day_after", NULL);
}

/* ---- the calendar (dict/gaz/calendar.tsv, kind cal) ------------------ */
/* up to max tab-separated fields of a payload line (ends at \n or \0) */
static int cal_fields(const char *v, const char **f, int *fl, int max) {
  int n = 0;
  while (v && n < max) {
    const char *e = v;
    while (*e && *e != '\t' && *e != '\n') e++;
    f[n] = v; fl[n] = (int)(e - v); n++;
    if (*e != '\t') break;
    v = e + 1;
  }
  return n;
}
static int fint(const char *f, int l) {
  int v = 0;
  for (int q = 0; q < l && q < 9; q++) {
    if (f[q] < '0' || f[q] > '9') return -1;
    v = v * 10 + (f[q] - '0');
  }
  return l ? v : -1;
}
static int feq(const char *f, int l, const char *w) {
  return (size_t)l == strlen(w) && !memcmp(f, w, (size_t)l);
}

/* the calendar entries (unless words_only) and grammar words at i */
static struct pw *pw_at(pst *p, size_t i) {
  struct pw *w = &p->pw[i / 3 % PW_SLOTS];
  if (w->key != i + 1) {
    uint32_t k = p->c->words_only ? SJ_K_TGRAM : SJ_K_CAL | SJ_K_TGRAM;
    w->n = p->c->m && i < p->n && (sj_gaz_start_kinds(p->c->m, p->s, p->n, i) & k)
               ? sj_gaz_match(p->c->m, p->s, p->n, i, k, w->h, PW_HITS) : 0;
    w->nt = sj_tgram_parse(w->h, w->n, w->t, PW_WORDS);
    w->key = i + 1;
  }
  return w;
}
static int cal_hits(pst *p, size_t i, const sj_gaz_hit **h) {
  struct pw *w = pw_at(p, i);
  *h = w->h;
  return w->n;
}

static size_t tw(pst *p, size_t i, const char *cls, int *val) {
  struct pw *w = &p->pw[i / 3 % PW_SLOTS];
  if (w->key != i + 1) {
    if (!p->c->m || i >= p->n || !(sj_gaz_start_kinds(p->c->m, p->s, p->n, i) & SJ_K_TGRAM))
      return 0; /* most positions: no look-up, no cache slot */
    w = pw_at(p, i);
  }
  return sj_tgram_pick(w->t, w->nt, cls, val);
}
static int tw_prev(pst *p, size_t i, const char *cls, size_t *at) {
  uint32_t cp;
  if (!i) return 0;
  size_t j = sj_t_prev(p->s, i, &cp);
  if (tw(p, j, cls, NULL) != i - j) return 0;
  if (at) *at = j;
  return 1;
}
static const char *cal_at(pst *p, size_t i, size_t *len) {
  const sj_gaz_hit *h;
  int n = cal_hits(p, i, &h);
  for (int q = n - 1; q >= 0; q--) {
    if (!(h[q].kinds & SJ_K_CAL)) continue; /* a grammar word only */
    for (const char *v = h[q].payload; v; v = strchr(v, '\n'), v = v ? v + 1 : NULL)
      if (!strncmp(v, "cal\t", 4)) { *len = h[q].len; return v + 4; }
  }
  return NULL;
}

/* a cue of class cls (dict/gaz/cues-time.tsv) starting at i: its length */
static size_t cue_at(const pst *p, size_t i, const char *cls) {
  if (!p->c->m || p->c->words_only) return 0;
  sj_gaz_hit h[8];
  size_t cl = strlen(cls);
  int n = sj_gaz_match(p->c->m, p->s, p->n, i, SJ_K_CUE, h, 8);
  for (int q = n - 1; q >= 0; q--)
    for (const char *v = h[q].payload; v; v = strchr(v, '\n'), v = v ? v + 1 : NULL)
      if (!strncmp(v, "cue\t", 4) && !strncmp(v + 4, cls, cl) &&
          (v[4 + cl] == '\n' || v[4 + cl] == 0 || v[4 + cl] == '\t'))
        return h[q].len;
  return 0;
}

/* a signed integer field */
static int fsint(const char *f, int l, int *v) {
  int neg = l > 0 && f[0] == '-';
  int x = fint(f + neg, l - neg);
  if (x < 0) return 0;
  *v = neg ? -x : x;
  return 1;
}

static size_t cal_word(pst *p, size_t i, const char *cls, int *v, int *pd) {
  const sj_gaz_hit *h;
  size_t cl = strlen(cls);
  int n = cal_hits(p, i, &h);
  for (int q = n - 1; q >= 0; q--) {
    if (!(h[q].kinds & SJ_K_CAL)) continue;
    for (const char *c = h[q].payload; c; c = strchr(c, '\n'), c = c ? c + 1 : NULL) {
      if (strncmp(c, "cal\t", 4) || strncmp(c + 4, cls, cl) || c[4 + cl] != '\t') continue;
      const char *f[4];
      int fl[4];
      int nf = cal_fields(c + 4, f, fl, 4);
      if (nf < 2 || !fsint(f[1], fl[1], v)) continue;
      if (pd) {
        *pd = 0;
        static const char *const PDN[] = {"", "MO", "MI", "AF", "EV", "NI"};
        for (int k = 1; k <= PD_NI && nf >= 3; k++)
          if (feq(f[2], fl[2], PDN[k])) *pd = k;
      }
      return h[q].len;
    }
  }
  return 0;
}

/* a lunar year (1900..2100): Gregorian date of 正月初一, leap month, month
 * lengths (29 + len[i], leap month included), 清明 and 冬至 (month*100+day) */
typedef struct lyear { int m, d, leap, nmon, qm, dz; char len[13]; } lyear;
static int lunar_year(pst *p, int y, lyear *L) {
  if (!p->c->m || p->c->words_only || y < 1900 || y > 2100) return 0;
  char key[32];
  int kl = snprintf(key, sizeof key, "lunar%04d", y); /* calendar.tsv's key */
  if (kl <= 0 || (size_t)kl >= sizeof key) return 0;
  const char *v = sj_gaz_find(p->c->m, key, (size_t)kl, 0, (size_t)kl, "cal");
  const char *f[8];
  int fl[8];
  if (!v || cal_fields(v, f, fl, 8) != 6 || !feq(f[0], fl[0], "lunar")) return 0;
  int md = fint(f[1], fl[1]);
  L->m = md / 100; L->d = md % 100;
  L->leap = fint(f[2], fl[2]);
  L->nmon = fl[3] > 13 ? 13 : fl[3];
  for (int q = 0; q < L->nmon; q++) L->len[q] = (char)(f[3][q] == '1');
  L->qm = fint(f[4], fl[4]);
  L->dz = fint(f[5], fl[5]);
  return md > 0 && L->leap >= 0 && L->nmon >= 12;
}
/* day ld of lunar month lm (leap: the leap month after lm) of lunar year ly
 * as a Gregorian day number (days since 1970), or LONG_MIN */
#define NODAY (-99999999L)
static long lunar_day(pst *p, int ly, int lm, int leap, int ld) {
  lyear L;
  if (!lunar_year(p, ly, &L) || lm < 1 || lm > 12 || ld < 1 || ld > 30) return NODAY;
  if (leap && L.leap != lm) return NODAY;
  long off = 0;
  int idx = 0;
  for (int mo = 1; mo <= 12 && idx < L.nmon; mo++) {
    if (mo == lm && !leap) break;
    off += 29 + L.len[idx++];
    if (L.leap == mo && idx < L.nmon) {
      if (leap && lm == mo) break;
      off += 29 + L.len[idx++];
    }
  }
  if (idx >= L.nmon || ld > 29 + L.len[idx]) return NODAY;
  return sj_days_from_civil(ly, L.m, L.d) + off + ld - 1;
}

/* the date of the holiday described by cal fields f (after "holiday") that
 * falls in Gregorian year y, as a day number; NODAY if unknown */
static long holiday_in(pst *p, const char *const *f, const int *fl, int nf, int y) {
  if (nf < 1) return NODAY;
  if (feq(f[0], fl[0], "solar") && nf >= 3) {
    int m = fint(f[1], fl[1]), d = fint(f[2], fl[2]);
    if (m < 1 || d < 1 || d > sj_days_in_month(y, m)) return NODAY;
    return sj_days_from_civil(y, m, d);
  }
  if (feq(f[0], fl[0], "lunar") && nf >= 3) {
    int m = fint(f[1], fl[1]), d = fint(f[2], fl[2]);
    for (int ly = y; ly >= y - 1; ly--) { /* 腊八 of lunar year y - 1 falls in y */
      long z = lunar_day(p, ly, m, 0, d);
      int yy, mm, dd;
      if (z == NODAY) continue;
      sj_civil_from_days(z, &yy, &mm, &dd);
      if (yy == y) return z;
    }
    return NODAY;
  }
  if (feq(f[0], fl[0], "lunar_eve")) {
    lyear L;
    if (!lunar_year(p, y, &L)) return NODAY;
    return sj_days_from_civil(y, L.m, L.d) - 1;
  }
  if (feq(f[0], fl[0], "term") && nf >= 2) {
    lyear L;
    if (!lunar_year(p, y, &L)) return NODAY;
    int md = feq(f[1], fl[1], "qingming") ? L.qm : L.dz;
    return md > 0 ? sj_days_from_civil(y, md / 100, md % 100) : NODAY;
  }
  if (feq(f[0], fl[0], "nth") && nf >= 4) {
    int m = fint(f[1], fl[1]), k = fint(f[2], fl[2]), wd = fint(f[3], fl[3]);
    if (m < 1 || m > 12 || k < 1 || wd < 1 || wd > 7) return NODAY;
    int w1 = sj_weekday(y, m, 1);
    int d = 1 + (wd - w1 + 7) % 7 + 7 * (k - 1);
    if (d > sj_days_in_month(y, m)) return NODAY;
    return sj_days_from_civil(y, m, d);
  }
  return NODAY;
}

/* A holiday at i (春节, 中秋节, 母亲节): its date in year y when y is given
 * (> 0), else the occurrence nearest the reference date.  Returns its
 * length, 0 if none (or a modifier: 春节团拜会). */
static size_t holiday_at(pst *p, size_t i, int y, int *m, int *d) {
  size_t len = 0;
  const char *v = cal_at(p, i, &len);
  const char *f[8];
  int fl[8];
  int nf = v ? cal_fields(v, f, fl, 8) : 0;
  if (nf < 2 || !feq(f[0], fl[0], "holiday")) return 0;
  if (cue_at(p, i + len, "holiday_modifier")) return 0;
  long z = NODAY;
  if (y > 0) {
    z = holiday_in(p, f + 1, fl + 1, nf - 1, y);
  } else {
    int ry = ref_y(p);
    if (!ry) return 0;
    long zr = p->c->rm && p->c->rd ? sj_days_from_civil(ry, p->c->rm, p->c->rd)
                                   : sj_days_from_civil(ry, 7, 1);
    for (int yy = ry - 1; yy <= ry + 1; yy++) {
      long c = holiday_in(p, f + 1, fl + 1, nf - 1, yy);
      if (c != NODAY && (z == NODAY || labs(c - zr) < labs(z - zr))) z = c;
    }
  }
  if (z == NODAY) return 0;
  int yy;
  sj_civil_from_days(z, &yy, m, d);
  p->holiday_y = yy;
  return len;
}

/* A year of the zodiac (虎年) or of the sexagenary cycle (庚子年) at i: the
 * Gregorian year in which that lunar year starts (zodiac: the nearest to
 * the reference year; cycle: the latest up to the year after it) */
static size_t cycle_year_at(pst *p, size_t i, int *y) {
  size_t len = 0;
  const char *v = cal_at(p, i, &len);
  const char *f[4];
  int fl[4];
  int nf = v ? cal_fields(v, f, fl, 4) : 0;
  if (nf != 2) return 0;
  int k = fint(f[1], fl[1]), ry = ref_y(p);
  if (!ry || k < 0) return 0;
  if (feq(f[0], fl[0], "zodiac")) {
    if (tw(p, i + len, "zodiac_not", NULL)) return 0; /* 猴年马月 */
    int cur = ((ry - 4) % 12 + 12) % 12;
    int dlt = ((k - cur) % 12 + 12) % 12;
    *y = dlt > 5 ? ry + dlt - 12 : ry + dlt;
    return len;
  }
  if (feq(f[0], fl[0], "ganzhi")) {
    int cur = ((ry + 1 - 4) % 60 + 60) % 60;
    int dlt = ((cur - k) % 60 + 60) % 60;
    *y = ry + 1 - dlt;
    return len;
  }
  return 0;
}

/* 初一 .. 初十, 十一 .. 三十, 廿三 (a lunar day), optional 日 */
static size_t lunar_dayno(pst *p, size_t i, int *d, int arabic_ok) {
  size_t k, j = i;
  double v; int nd; unsigned fl;
  if ((k = tw(p, j, "lunar_day_prefix", NULL))) {
    size_t e = pnum(p, j + k, &v, &nd, &fl);
    if (!e || !(fl & SJ_NUM_CHINESE) || v < 1 || v > 10 || v != floor(v)) return 0;
    *d = (int)v;
    return e - i;
  }
  size_t e = pnum(p, j, &v, &nd, &fl);
  if (!e || v < 11 || v > 30 || v != floor(v)) return 0;
  if ((fl & SJ_NUM_ARABIC) && !arabic_ok) return 0;
  if ((fl & SJ_NUM_DIGITSEQ) && (fl & SJ_NUM_CHINESE)) return 0;
  *d = (int)v;
  e += tw(p, e, "lunar_day_suffix", NULL);
  return e - i;
}

/* A lunar date at i: [农历|阴历] [闰] 正月/腊月/冬月/N月 + day (正月初一,
 * 农历八月十五, 腊月二十三); lunar year ly (0: the nearest to the
 * reference).  Fills *t with the Gregorian day; returns the end or 0. */
static size_t lunar_date_at(pst *p, size_t i, int ly, pt *t) {
  size_t j = i, k;
  int pre = 0, leap = 0, lm = 0, ld = 0, v, cn;
  const char *f[4];
  int fl[4];
  const char *c = cal_at(p, j, &k);
  int nf = c ? cal_fields(c, f, fl, 4) : 0;
  if (nf == 1 && feq(f[0], fl[0], "lunar_prefix")) {
    j += k; pre = 1;
    c = cal_at(p, j, &k);
    nf = c ? cal_fields(c, f, fl, 4) : 0;
  }
  if (pre && (k = tw(p, j, "leap", NULL))) {
    j += k; leap = 1;
    c = cal_at(p, j, &k);
    nf = c ? cal_fields(c, f, fl, 4) : 0;
  }
  if (nf == 2 && feq(f[0], fl[0], "lunar_month")) lm = fint(f[1], fl[1]);
  else if (pre && (k = num_unit(p, j, "month", 1, 12, 1, &v, &cn))) { lm = v; k -= j; }
  if (!lm) return 0;
  j += k;
  if (!(k = lunar_dayno(p, j, &ld, pre))) return 0;
  j += k;
  long z = NODAY;
  if (ly) z = lunar_day(p, ly, lm, leap, ld);
  else {
    int ry = ref_y(p);
    if (!ry) return 0;
    long zr = p->c->rm && p->c->rd ? sj_days_from_civil(ry, p->c->rm, p->c->rd)
                                   : sj_days_from_civil(ry, 7, 1);
    for (int yy = ry - 1; yy <= ry + 1; yy++) {
      long zc = lunar_day(p, yy, lm, leap, ld);
      if (zc != NODAY && (z == NODAY || labs(zc - zr) < labs(z - zr))) z = zc;
    }
    p->relative = 1;
  }
  if (z == NODAY) return 0;
  memset(t, 0, sizeof *t);
  sj_civil_from_days(z, &t->y, &t->m, &t->d);
  t->gran = 3;
  return j;
}

/* an opening or closing bracket at i (full-width or ASCII): its length */
static size_t bracket_at(pst *p, size_t i, int closing) {
  int l;
  uint32_t cp = cpat(p, i, &l);
  if (closing ? (cp == 0xFF09 || cp == ')') : (cp == 0xFF08 || cp == '(')) return (size_t)l;
  return 0;
}
/* 今（19）日, 昨(18)日: a day word, the day's number in brackets, 日;
 * *dv the number; returns the length */
static size_t bracket_day(pst *p, size_t i, int *dv) {
  size_t j = i + tw(p, i, "bracket_day", NULL), k;
  double x; int nd; unsigned fl;
  if (j == i || !(k = bracket_at(p, j, 0))) return 0;
  size_t e = pnum(p, j + k, &x, &nd, &fl);
  if (!e || x != floor(x) || x < 1 || x > 31 || !(k = bracket_at(p, e, 1))) return 0;
  size_t d = tw(p, e + k, "day_unit", NULL);
  if (!d) return 0;
  *dv = (int)x;
  return e + k + d - i;
}

/* point_at's work: the point so far, what it has (1 year, 2 month, 4 day,
 * 8 clock, 16 week), the position j it has reached from its start i.  Its
 * stages return 0 to go on, 1 when the point is complete at j (1998年春,
 * 5月中旬), -1 when there is none. */
typedef struct pa {
  pt *t;
  const pt *inh; /* the point of a preceding range or list element */
  size_t i, j;
  int have;
  int lunar_y;   /* the year is a zodiac or cycle year (虎年) */
} pa;

/* a year: 1998年, 一九九八年度, 今年, 本年度 */
static void pa_year(pst *p, pa *a) {
  size_t k;
  int v, y;
  pt *t = a->t;
  if ((k = year_num(p, a->j, &y, 1))) {
    t->y = y; a->j = k; a->have |= 1;
    a->j += tw(p, a->j, "year_suffix", NULL); /* 一九九八年度 */
  } else if ((k = cal_word(p, a->j, "rel_year", &v, NULL))) {
    if (v == 100) t->y = aval_year(p->c) ? aval_year(p->c) : p->c->ay ? p->c->ay : ref_y(p);
    else t->y = ref_y(p) ? ref_y(p) + v : 0;
    a->j += k; a->have |= 1; p->relative = 1;
    a->j += tw(p, a->j, "year_suffix", NULL); /* 本年度 */
  }
}

/* a part of the year just named: half, season, quarter, beginning, end */
static int pa_year_part(pst *p, pa *a) {
  size_t k, j = a->j;
  int v;
  pt *t = a->t;
  if ((k = tw(p, j, "half_year", &v))) { t->w = v; t->gran = 9; a->j = j + k; return 1; }
  if ((k = season_at(p, j, &v))) {
    t->w = v; t->gran = 8; p->flags |= SJ_APPROX; a->j = j + k; return 1;
  }
  if ((k = quarter_at(p, j, &v))) { t->w = v; t->gran = 10; a->j = j + k; return 1; }
  if ((k = tw(p, j, "year_begin", NULL))) { /* 年初, 初 */
    t->m = 1; t->gran = 2; p->flags |= SJ_APPROX; a->j = j + k; return 1;
  }
  size_t de = p->relative ? tw(p, j, "de", NULL) : 0; /* 这一年的岁尾 */
  if ((k = tw(p, j + de, "year_end_late", NULL))) {
    t->m = 12; t->gran = 2; p->flags |= SJ_APPROX; a->j = j + de + k; return 1;
  }
  if ((k = tw(p, j, "year_end", NULL))) { /* 年底, 底 */
    t->m = 12; t->gran = 2; p->flags |= SJ_APPROX; a->j = j + k; return 1;
  }
  return 0;
}

/* a part of the reference year without a year: 年初, 年底, 上半年, 一季度,
 * 今夏, 明春 */
static int pa_bare_part(pst *p, pa *a) {
  size_t k, j = a->j;
  int v, yoff = 0, sl, m = 0;
  pt *t = a->t;
  if ((k = tw(p, j, "bare_year_begin", NULL))) m = 1;
  else if ((k = tw(p, j, "bare_year_end", NULL))) m = 12;
  if (m) {
    t->y = ref_y(p); t->m = m; t->gran = 2; p->flags |= SJ_APPROX; p->relative = 1;
    a->j = j + k; return 1;
  }
  if ((k = tw(p, j, "half_year", &v))) {
    t->y = ref_y(p); t->w = v; t->gran = 9; p->relative = 1; a->j = j + k; return 1;
  }
  if ((k = quarter_at(p, j, &v)) && ref_y(p)) { /* 一季度: the reference year's */
    t->y = ref_y(p); t->w = v; t->gran = 10; p->relative = 1; a->j = j + k; return 1;
  }
  if ((k = tw(p, j, "this_season", &yoff)) && (v = season_char(p, j + k)) && ref_y(p)) {
    /* 今夏, 今冬, 明春 (value: the years from the reference) */
    t->y = ref_y(p) + yoff; t->w = v; t->gran = 8; p->relative = 1; p->flags |= SJ_APPROX;
    cpat(p, j + k, &sl);
    a->j = j + k + (size_t)sl; return 1;
  }
  return 0;
}

/* a zodiac or sexagenary year (虎年, 庚子年; 虎年春节), a lunar date (正月初一,
 * １９９８年农历五月初五), a holiday (春节, 国庆节, １９９５年春节) */
static int pa_lunar(pst *p, pa *a) {
  size_t k;
  int v;
  pt *t = a->t;
  if (!(a->have & 1) && (k = cycle_year_at(p, a->j, &v))) {
    t->y = v; a->j += k; a->have |= 1; a->lunar_y = 1; p->relative = 1; p->flags |= SJ_APPROX;
    lyear L;
    if ((k = tw(p, a->j, "lunar_new_year", NULL)) && lunar_year(p, t->y, &L)) {
      t->m = L.m; t->d = L.d; t->gran = 3;
      p->flags &= ~(unsigned)SJ_APPROX;
      a->j += k; return 1;
    }
  }
  pt lt;
  if ((k = lunar_date_at(p, a->j, (a->have & 1) ? t->y : 0, &lt))) {
    if (a->have & 1) p->flags &= ~(unsigned)SJ_APPROX;
    t->y = lt.y; t->m = lt.m; t->d = lt.d; a->j = k; a->have |= 7;
  }
  int hm, hd;
  if (!(a->have & 2) && (!(a->have & 1) || t->y) &&
      (k = holiday_at(p, a->j, (a->have & 1) ? t->y : 0, &hm, &hd))) {
    t->y = p->holiday_y; t->m = hm; t->d = hd;
    if (!(a->have & 1)) p->relative = 1;
    if (a->lunar_y) p->flags &= ~(unsigned)SJ_APPROX;
    a->j += k; a->have |= 7; /* 元宵节晚上: a part of day may follow */
  }
  return 0;
}

/* a month: 5月, 五月中旬 (one month is 一个月), 上月, 下个月; then 旬, 月初,
 * 月底 complete the point */
static int pa_month(pst *p, pa *a) {
  size_t k;
  int v, iscn = 0;
  pt *t = a->t;
  if ((k = num_unit(p, a->j, "month", 1, 12, 1, &v, &iscn))) {
    /* 一月 as "one month" is 一个月: 月 after a Chinese digit is a month
     * name only with a year before it or a day after it, or 十+ */
    int d2, c2;
    if (!iscn || (a->have & 1) || v >= 10 || num_unit(p, k, "day_unit", 1, 31, 1, &d2, &c2) ||
        tw(p, k, "xun", NULL) || tw(p, k, "month_suffix", NULL)) { /* 五月中旬 */
      t->m = v; a->j = k; a->have |= 2;
      a->j += tw(p, a->j, "month_suffix", NULL);
      if (!(a->have & 1)) {
        t->y = a->inh && a->inh->y ? a->inh->y : ref_y(p);
        /* a month after the publication date is last year's, unless the
         * text marks it as planned (将于２月, ３月将) */
        if (!(a->inh && a->inh->y) && p->c->firm && p->c->rm && v > p->c->rm &&
            !future_before(p, a->i))
          { t->y--; p->lastyear = 1; }
      }
    }
  } else if (!(a->have & 1) && (k = cal_word(p, a->j, "rel_month", &v, NULL))) {
    int yy, mm, dd;
    if (v >= 100) {
      anchor_ymd(p, &yy, &mm, &dd);
      if (v == 101) { pt q = {yy, mm, 0, 0, 0, 0, 2, 0}; add_months(&q, 1); yy = q.y; mm = q.m; }
    } else {
      ref_md(p, &yy, &mm, &dd);
      pt q = {yy, mm, 0, 0, 0, 0, 2, 0};
      add_months(&q, v);
      yy = q.y; mm = q.m;
    }
    t->y = yy; t->m = mm; a->j += k; a->have |= 2; p->relative = 1;
  }
  if (!(a->have & 2)) return 0;
  /* 旬 (first day * 100 + last, 99: the month's end), 月初, 月底 */
  int xv;
  if ((k = tw(p, a->j, "xun", &xv))) {
    t->d = xv / 100; t->h = xv % 100 == 99 ? sj_days_in_month(t->y, t->m) : xv % 100;
    t->gran = -3; a->j += k; return 1;
  }
  if ((k = tw(p, a->j, "month_begin", NULL)) || (k = tw(p, a->j, "month_end", NULL))) {
    t->gran = 2; p->flags |= SJ_APPROX; a->j += k; return 1;
  }
  return 0;
}

/* the month of a day named without one (5日): the previous element's, else
 * the reference month (the one before when the day is later than the day
 * after the reference), else the anchor's */
static void pa_day_month(pst *p, pa *a, int dv) {
  pt *t = a->t;
  if (a->inh && a->inh->m) { t->y = a->inh->y; t->m = a->inh->m; return; }
  int yy, mm, dd;
  if (p->c->ry && p->c->rm && p->c->rd) {
    yy = p->c->ry; mm = p->c->rm;
    if (dv > p->c->rd + 1) { pt q = {yy, mm, 0, 0, 0, 0, 2, 0}; add_months(&q, -1); yy = q.y; mm = q.m; }
  } else if (p->c->ay && p->c->am) {
    yy = p->c->ay; mm = p->c->am;
  } else {
    ref_md(p, &yy, &mm, &dd);
    p->needref = 1;
  }
  t->y = yy; t->m = mm;
  p->relative = 1;
}

/* a relative day: 今天, 昨日, 前天, 次日, 当天; 今晨, 昨晚 (with a part of day) */
static void pa_rel_day(pst *p, pa *a) {
  size_t k;
  int rel, part = 0, yy, mm, dd;
  if (!(k = cal_word(p, a->j, "rel_daypart", &rel, &part))) {
    k = cal_word(p, a->j, "rel_day", &rel, NULL);
    part = 0;
  }
  if (!k) return;
  if (rel >= 99) {
    anchor_ymd(p, &yy, &mm, &dd);
    pt q = {yy, mm, dd, 0, 0, 0, 3, 0};
    if (rel == 101) add_days(&q, 1);
    if (rel == 99) add_days(&q, -1);
    yy = q.y; mm = q.m; dd = q.d;
  } else {
    ref_md(p, &yy, &mm, &dd);
    if (!p->c->rd) p->needref = 1;
    pt q = {yy, mm, dd, 0, 0, 0, 3, 0};
    add_days(&q, rel);
    yy = q.y; mm = q.m; dd = q.d;
  }
  a->t->y = yy; a->t->m = mm; a->t->d = dd; a->j += k; a->have |= 4; p->relative = 1;
  a->t->pd = part;
}

/* a number + 号 at j after a street word (class address_before: 街 巷 …)
 * or before a thing it numbers (class numbered: 1号线, 3号楼, 5号车厢): a
 * house number or an identifier, not a day */
static int house_number(pst *p, size_t j) {
  double x; int nd; unsigned fl;
  int hao = 0;
  size_t k, e = pnum(p, j, &x, &nd, &fl);
  return e && (k = tw(p, e, "day_unit", &hao)) && hao == 1 &&
         (tw_prev(p, j, "address_before", NULL) || tw(p, e + k, "numbered", NULL));
}

/* a day: 22日, 今（19）日; else a relative day without year or month */
static void pa_day(pst *p, pa *a) {
  size_t k, j = a->j;
  int dv = 0, dcn = 0, l2;
  if ((!(a->have & 3) && (k = bracket_day(p, j, &dv)) && (k += j)) ||
      (k = num_unit(p, j, "day_unit", 1, 31, 1, &dv, &dcn))) {
    /* 三日 = three days; 十日, 二十三日, 三日下午, (七日至)九日 are dates */
    if (dcn && !(a->have & 2) && dv < 10 && !(a->inh && a->inh->m) && !daypart_after(p, k) &&
        !cday_context(p, j, k))
      return;
    if (cpat(p, j, &l2) == CP_LIANG) return; /* 两日: two days */
    if (!(a->have & 2) && house_number(p, j)) return; /* 益群街17号 */
    a->t->d = dv; a->j = k; a->have |= 4;
    if (!(a->have & 2)) pa_day_month(p, a, dv);
  } else if (!(a->have & 3)) {
    pa_rel_day(p, a);
  }
}

/* a weekday or a week: 周四, 上星期二, 下周, 本周末 */
static void pa_weekday(pst *p, pa *a) {
  size_t k;
  int wk, wd, yy, mm, dd;
  pt *t = a->t;
  if (!(k = weekday_at(p, a->j, &wk, &wd))) return;
  ref_md(p, &yy, &mm, &dd);
  if (!p->c->rd) p->needref = 1;
  if (yy && mm && dd) {
    int cur = sj_weekday(yy, mm, dd);
    pt q = {yy, mm, dd, 0, 0, 0, 3, 0};
    if (wd && wd <= 7) {
      add_days(&q, (long)(wd - cur) + 7L * wk);
      t->y = q.y; t->m = q.m; t->d = q.d;
      a->have |= 4;
    } else {
      add_days(&q, 7L * wk + (4 - cur)); /* Thursday of that week */
      /* ISO week number */
      long z = sj_days_from_civil(q.y, q.m, q.d);
      long z1 = sj_days_from_civil(q.y, 1, 1);
      t->y = q.y; t->w = (int)((z - z1) / 7 + 1); t->gran = 6;
      if (wd == 8) t->pd = PD_WE;
      a->have |= 16;
    }
  } else {
    a->have |= 16; t->gran = 6; t->w = 0;
  }
  a->j = k; p->relative = 1;
}

/* the day of a clock time named without one: the anchor's (or the
 * previous element's: 4时20分和5时25分) */
static void pa_clock_day(pst *p, pa *a, int inherit) {
  int yy, mm, dd;
  anchor_ymd(p, &yy, &mm, &dd);
  if (inherit && a->inh && a->inh->d) { yy = a->inh->y; mm = a->inh->m; dd = a->inh->d; }
  a->t->y = yy; a->t->m = mm; a->t->d = dd;
  p->relative = 1;
}

/* a part of day (上午, 晚上) at j (k long, value v: 12 the afternoon, 1 the
 * night; dpd its TIMEX code) and maybe a clock time after it */
static int pa_daypart(pst *p, pa *a, size_t k, int v, int dpd) {
  size_t j2 = a->j + k;
  int h, mi;
  pt *t = a->t;
  /* 上午约九时左右: a hedge between the part of day and the clock */
  size_t hedge = tw(p, j2, "clock_hedge", NULL);
  size_t e = clock_at(p, j2 + hedge, &h, &mi);
  if (e && hedge) p->flags |= SJ_APPROX;
  t->pd = dpd;
  if (e) {
    if (v == 12 && h < 12) h += 12;
    if (v == 1 && h < 6) h += 12;
    if (h == 12 && (dpd == PD_EV || dpd == PD_NI)) h = 24; /* 深夜12点: midnight */
    t->h = h + 1; t->mi = mi + 1; a->j = e; a->have |= 8;
    if (!(a->have & 7)) pa_clock_day(p, a, 0);
  } else if (a->have & 7) {
    a->j = j2; /* 12月22日上午: part of day kept in the span */
  } else if (a->j == a->i && t->pd && a->inh && a->inh->d && a->inh->gran == 3) {
    /* 11日上午至中午: the day of the range's first point */
    t->y = a->inh->y; t->m = a->inh->m; t->d = a->inh->d; a->j = j2; a->have |= 4;
  } else if (a->j == a->i && t->pd && !a->inh && !first_then(p, a->j, "daypart_not_next") &&
             !(a->i >= 6 && cue_at(p, a->i - 6, "set_d") >= 6) && !indefinite_before(p, a->i)) {
    /* a bare 上午: the day of the last date named (or the reference) */
    int yy, mm, dd;
    anchor_ymd(p, &yy, &mm, &dd);
    if (!yy || !mm || !dd) return -1;
    t->y = yy; t->m = mm; t->d = dd; a->j = j2; a->have |= 4;
    p->relative = 1; p->flags |= SJ_APPROX;
  } else {
    return -1;
  }
  return 0;
}

/* the part of day and the clock: 上午9时, 晚8点 (after a day), 8时30分 */
static int pa_clock(pst *p, pa *a) {
  size_t k;
  int v, dpd = 0, h, mi;
  pt *t = a->t;
  if ((k = cal_word(p, a->j, "daypart", &v, &dpd))) return pa_daypart(p, a, k, v, dpd);
  if ((k = cal_word(p, a->j, "meal", &v, &dpd))) {
    /* 午饭后 as a part of day; not after a verb of eating (吃完午饭后) */
    if (a->j == a->i && tw_prev(p, a->i, "meal_not_after", NULL)) return -1;
    return pa_daypart(p, a, k, v, dpd);
  }
  if (((a->have & 4) || (a->j == a->i && a->inh && a->inh->d)) &&
      (k = tw(p, a->j, "day_after", &dpd)) && dpd) {
    /* 晚, 早, 夜 after a day (or in a range after one: 下午4点到晚7点) */
    if (!(a->have & 4)) { t->y = a->inh->y; t->m = a->inh->m; t->d = a->inh->d; a->have |= 4; }
    size_t j2 = a->j + k;
    size_t e = clock_at(p, j2, &h, &mi);
    t->pd = dpd;
    if (e) {
      if (t->pd != PD_MO && h < 12 && (t->pd == PD_EV || h >= 6)) h += 12;
      if (h == 12 && (t->pd == PD_EV || t->pd == PD_NI)) h = 24;
      t->h = h + 1; t->mi = mi + 1; a->j = e; a->have |= 8;
    } else {
      a->j = j2;
    }
    return 0;
  }
  size_t e = clock_at(p, a->j, &h, &mi);
  if (e && ((a->have & 7) || mi >= 0 || bare_hour_ok(p, a->j, e))) {
    /* 昨晚8时: the part of day of the day word */
    if (h < 12 && (t->pd == PD_AF || t->pd == PD_EV || (t->pd == PD_NI && h >= 6))) h += 12;
    if (h == 12 && (t->pd == PD_EV || t->pd == PD_NI)) h = 24;
    t->h = h + 1; t->mi = mi + 1; a->j = e; a->have |= 8;
    if (!(a->have & 7)) pa_clock_day(p, a, 1);
  }
  return 0;
}

/* Parse one calendar point at i.  inh: the point of a preceding range or
 * list element (fields it may inherit).  Returns end or 0. */
static size_t point_at(pst *p, size_t i, pt *t, const pt *inh) {
  pa A = {t, inh, i, i, 0, 0};
  pa *a = &A;
  memset(t, 0, sizeof *t);
  a->j += tw(p, a->j, "clock_prefix", NULL); /* 北京时间 */
  a->j += tw(p, a->j, "era_prefix", NULL);   /* 公元 */
  pa_year(p, a);
  if ((a->have & 1) ? pa_year_part(p, a) : !inh && pa_bare_part(p, a)) return a->j;
  if (pa_lunar(p, a) || pa_month(p, a)) return a->j;
  pa_day(p, a);
  if (!(a->have & 7)) pa_weekday(p, a);
  if (pa_clock(p, a) < 0) return 0;
  if (!a->have) return 0;
  if (t->h == 25) { /* 晚上12点: 00:00 of the next day (12:00 when no day is known) */
    t->h = 13;
    if (t->y && t->m && t->d) { add_days(t, 1); t->h = 1; }
  }
  if (p->lastyear && tw(p, a->j, "plan_after", NULL)) t->y++; /* ３月将举行 */
  if (!t->gran) {
    if (a->have & 8) t->gran = t->mi > 0 ? 5 : 4;
    else if (a->have & 4) t->gran = 3;
    else if (a->have & 2) t->gran = 2;
    else if (a->have & 16) t->gran = 6;
    else t->gran = 1;
  }
  return a->j;
}

/* YYYY[-MM[-DD]] (XXXX for an unknown year) without snprintf: m and d
 * are 0 (left out) or 1..99, cap >= 11 */
static int fmt_ymd(char *buf, int y, int m, int d) {
  if (y > 0 && y < 10000) {
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
  } else {
    memcpy(buf, "XXXX", 4);
  }
  int n = 4;
  if (m) {
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    n = 7;
    if (d) {
      buf[7] = '-';
      buf[8] = (char)('0' + d / 10);
      buf[9] = (char)('0' + d % 10);
      n = 10;
    }
  }
  buf[n] = 0;
  return n;
}

/* snprintf(dst, cap, "%s", src) without the formatter (cap >= 1) */
static void copy_str(char *dst, size_t cap, const char *src) {
  size_t l = strlen(src);
  if (l >= cap) l = cap - 1;
  memcpy(dst, src, l);
  dst[l] = 0;
}

/* v (0..99) as two digits */
static char *put2(char *p, int v) {
  p[0] = (char)('0' + v / 10);
  p[1] = (char)('0' + v % 10);
  return p + 2;
}

/* 1998-SU, 1998-H1, 1998-Q3 (cap >= 12) */
static int fmt_season(char *buf, const pt *t) {
  static const char *const SEASON[] = {"SP", "SU", "FA", "WI"};
  int n = fmt_ymd(buf, t->y, 0, 0);
  int w = t->w < 1 ? 1 : t->w > 4 ? 4 : t->w;
  buf[n++] = '-';
  if (t->gran == 8) { buf[n++] = SEASON[w - 1][0]; buf[n++] = SEASON[w - 1][1]; }
  else { buf[n++] = t->gran == 9 ? 'H' : 'Q'; buf[n++] = (char)('0' + w); }
  buf[n] = 0;
  return n;
}

/* the common values: a year, a month, a day (cap >= 14, m and d 0..99);
 * -1 for the others */
static int fmt_common(char *buf, const pt *t) {
  switch (t->gran) {
  case 1: return fmt_ymd(buf, t->y, 0, 0);
  case 2: return t->w >= 0 ? fmt_ymd(buf, t->y, t->m, 0) : -1;
  case 3: {
    int n = fmt_ymd(buf, t->y, t->m, t->m ? t->d : 0);
    if (t->pd > 0 && t->pd <= PD_NI && t->m && t->d) {
      buf[n++] = 'T'; buf[n++] = PD_CODE[t->pd][0]; buf[n++] = PD_CODE[t->pd][1];
      buf[n] = 0;
    }
    return n;
  }
  default: return -1;
  }
}

/* ranges of months or days, clock times, weeks, still without snprintf
 * when every %02d field is 0..99 (cap >= 40, m and d 0..99); -1 else */
static int fmt_more(char *buf, const pt *t) {
  char *p = buf;
  switch (t->gran) {
  case 2: /* w < 0 here: a range of months */
    if (-t->w > 99) return -1;
    p += fmt_ymd(p, t->y, 0, 0);
    *p++ = '-'; p = put2(p, t->m); *p++ = '/';
    p += fmt_ymd(p, t->y, 0, 0);
    *p++ = '-'; p = put2(p, -t->w);
    break;
  case -3: /* a range of days */
    if (t->h < 0 || t->h > 99) return -1;
    p += fmt_ymd(p, t->y, 0, 0);
    *p++ = '-'; p = put2(p, t->m); *p++ = '-'; p = put2(p, t->d); *p++ = '/';
    p += fmt_ymd(p, t->y, 0, 0);
    *p++ = '-'; p = put2(p, t->m); *p++ = '-'; p = put2(p, t->h);
    break;
  case 4: case 5: {
    int hh = t->h - 1, mm = t->mi > 0 ? t->mi - 1 : 0;
    if (hh < 0 || hh > 99 || mm > 99) return -1;
    if (t->m && t->d) p += fmt_ymd(p, t->y, t->m, t->d);
    *p++ = 'T'; p = put2(p, hh); *p++ = ':'; p = put2(p, mm);
    break;
  }
  case 6:
    if (t->w < 0 || t->w > 99) return -1;
    p += fmt_ymd(p, t->y, 0, 0);
    *p++ = '-'; *p++ = 'W';
    if (!t->w) { *p++ = 'X'; *p++ = 'X'; } else p = put2(p, t->w);
    if (t->pd == PD_WE) { *p++ = '-'; *p++ = 'W'; *p++ = 'E'; } /* 1998-W03-WE */
    break;
  default: return -1;
  }
  *p = 0;
  return (int)(p - buf);
}

/* any value, with snprintf (out-of-range fields, small buffers) */
static int fmt_printf(char *buf, size_t cap, const pt *t) {
  char y[16];
  if (t->y > 0 && t->y < 10000) snprintf(y, sizeof y, "%04d", t->y);
  else snprintf(y, sizeof y, "XXXX");
  switch (t->gran) {
  case 1: return snprintf(buf, cap, "%s", y);
  case 2:
    if (t->w < 0) {
      return snprintf(buf, cap, "%s-%02d/%s-%02d", y, t->m, y, -t->w);
    }
    if (!t->m) return snprintf(buf, cap, "%s", y);
    return snprintf(buf, cap, "%s-%02d", y, t->m);
  case -3:
    return snprintf(buf, cap, "%s-%02d-%02d/%s-%02d-%02d", y, t->m, t->d, y, t->m, t->h);
  case 3:
    if (!t->m) return snprintf(buf, cap, "%s", y);
    if (!t->d) return snprintf(buf, cap, "%s-%02d", y, t->m);
    return snprintf(buf, cap, "%s-%02d-%02d", y, t->m, t->d);
  case 4: case 5: {
    char dpart[32];
    if (t->m && t->d) snprintf(dpart, sizeof dpart, "%s-%02d-%02d", y, t->m, t->d);
    else dpart[0] = 0;
    return snprintf(buf, cap, "%sT%02d:%02d", dpart, t->h - 1, t->mi > 0 ? t->mi - 1 : 0);
  }
  case 6:
    if (!t->w) return snprintf(buf, cap, "%s-WXX%s", y, t->pd == PD_WE ? "-WE" : "");
    return snprintf(buf, cap, "%s-W%02d%s", y, t->w, t->pd == PD_WE ? "-WE" : "");
  default: return snprintf(buf, cap, "%s", y);
  }
}

/* a point's ISO 8601 (TIMEX3) value */
static int fmt_pt(char *buf, size_t cap, const pt *t) {
  int r;
  if (t->gran >= 8 && t->gran <= 10 && cap >= 12) return fmt_season(buf, t);
  int small = t->m >= 0 && t->m <= 99 && t->d >= 0 && t->d <= 99;
  if (small && cap >= 14 && (r = fmt_common(buf, t)) >= 0) return r;
  if (small && cap >= 40 && (r = fmt_more(buf, t)) >= 0) return r;
  return fmt_printf(buf, cap, t);
}

static void note_max(sj_tmatch *o, const pt *t) {
  if (!t->y || t->gran == 6) return;
  int m = t->m, d = t->d;
  if (t->gran == 2 && t->w < 0) m = -t->w;
  if (t->gran == -3) d = t->h;
  if (t->y > o->maxy || (t->y == o->maxy && (m > o->maxm || (m == o->maxm && d > o->maxd)))) {
    o->maxy = t->y; o->maxm = m; o->maxd = d;
  }
}

/* ---- durations -------------------------------------------------------- */
typedef struct dur {
  double v;
  char unit;   /* Y M W D H N(minute) S */
  int approx;
  int less;    /* 近, 不到: a little less than v */
} dur;

/* 几 at i is bound to what precedes it: a deictic word (这几天, 前几天: class
 * some_count_not_after) or a vague cue that covers it (近几年来, 前几日) */
static int some_count_bound(pst *p, size_t i) {
  static const char *const VAGUE[] = {"vague_present", "vague_past", "vague_future"};
  if (tw_prev(p, i, "some_count_not_after", NULL)) return 1;
  size_t k = i;
  uint32_t cp;
  for (int back = 0; back < 2 && k > 0; back++) {
    k = sj_t_prev(p->s, k, &cp);
    for (int q = 0; q < 3; q++)
      if (cue_at(p, k, VAGUE[q]) > i - k) return 1;
  }
  return 0;
}

/* A duration: [近|约|...] NUM [个] [多|余|半] UNIT [多|半]; returns end. */
static size_t dur_at(pst *p, size_t i, dur *du, size_t *numstart) {
  size_t j = i, k;
  int approx = 0, hv;
  du->less = 0;
  if ((k = tw(p, j, "dur_hedge", &hv))) { /* 1 约, 2 近 (a little less), 0 仅 */
    approx = hv != 0;
    du->less = hv == 2;
    j += k;
  }
  *numstart = j;
  double v; int nd; unsigned fl;
  size_t e;
  if ((k = tw(p, j, "half", NULL))) { v = 0.5; e = j + k; fl = SJ_NUM_CHINESE; nd = 0; }
  else if (j == i && (k = tw(p, j, "some_count", NULL)) && !some_count_bound(p, i)) {
    /* 几分钟, 数天, 若干年: a count not known (v < 0: PXD); 几十年, 数百年:
     * the tens, hundreds (the lower bound) */
    int l;
    long un;
    e = j + k; fl = SJ_NUM_CHINESE; nd = 0; approx = 1;
    un = sj_cn_unit(cpat(p, e, &l));
    if (un == 10 || un == 100 || un == 1000) { v = (double)un; e += (size_t)l; }
    else v = -1;
  } else {
    e = pnum(p, j, &v, &nd, &fl);
    if (!e) return 0;
    if ((fl & SJ_NUM_DIGITSEQ) && (fl & SJ_NUM_CHINESE)) {
      /* 四五年, 三四天, 七八个月: two neighbouring digits, the lower bound */
      if (nd != 2) return 0; /* (before the int casts: a run may be long) */
      int d1 = (int)v / 10, d2 = (int)v % 10;
      if (d2 != d1 + 1 || d1 < 1) return 0;
      v = d1; fl &= ~(unsigned)SJ_NUM_DIGITSEQ; approx = 1;
    }
    int l;
    if ((fl & SJ_NUM_CHINESE) && !(fl & SJ_NUM_ARABIC) && nd == 0 &&
        sj_cn_unit(cpat(p, j, &l)) != 10) return 0; /* 百年, 千年: not a count */
  }
  j = e;
  if (v >= 10 && (k = tw(p, j, "some", NULL))) { j += k; approx = 1; } /* 十几天 */
  int ge = 0;
  if ((k = tw(p, j, "classifier", NULL))) { j += k; ge = 1; }
  if ((k = tw(p, j, "more", NULL))) { j += k; approx = 1; }
  if (ge && v >= 0 && (k = tw(p, j, "half", NULL))) { j += k; v += 0.5; }
  /* the unit: value unit * 10 + when (dict/gaz/time-grammar.tsv) */
  static const char UNIT[] = "?YMWDHNS";
  int uv = 0;
  char u = 0;
  if ((k = tw(p, j, "dur_unit", &uv)) && uv / 10 >= 1 && uv / 10 <= 7) {
    int when = uv % 10;
    if ((when == 0) || (when == 1 && ge) || (when == 2 && !ge) ||
        (when == 3 && !ge && !(fl & SJ_NUM_ARABIC) && v < 10 &&
         !daypart_after(p, j + k) && !cday_context(p, *numstart, j + k)))
      u = UNIT[uv / 10];
  }
  if (!u) return 0;
  /* a 4-digit year number is a year, not a duration */
  if (u == 'Y' && (fl & SJ_NUM_DIGITSEQ) && nd == 4) return 0;
  j += k;
  if (u == 'Y' && !ge && v >= 0 && (k = tw(p, j, "half", NULL))) { j += k; v += 0.5; }
  if ((k = tw(p, j, "more_after", NULL))) { j += k; approx = 1; }
  if ((k = tw(p, j, "dur_approx_after", NULL))) { j += k; approx = 1; }
  /* 一年一度, 一年一届: a frequency, not a duration */
  if (v == 1 && tw(p, j, "freq_next", NULL)) return 0;
  if (u == 'Y' && v != floor(v) && v < 1) { v *= 12; u = 'M'; } /* 半年 = P6M */
  du->v = v; du->unit = u; du->approx = approx;
  return j;
}

static int fmt_dur(char *buf, size_t cap, const dur *du) {
  char num[32];
  if (du->v < 0) { /* a count not known: PXD, PTXM */
    int t = du->unit != 'Y' && du->unit != 'M' && du->unit != 'W' && du->unit != 'D';
    char uc = du->unit == 'N' ? 'M' : du->unit;
    return snprintf(buf, cap, "P%sX%c", t ? "T" : "", uc);
  }
  /* the common values without snprintf: whole numbers and halves (the
   * same digits as "%.0f" and "%g") */
  if (cap >= 40 && du->v >= 0.5 && du->v < 1e9 && (du->v == floor(du->v) ||
                                                    (du->v < 1e4 && du->v - floor(du->v) == 0.5))) {
    char dig[16];
    unsigned long w = (unsigned long)floor(du->v);
    int nd = 0;
    do { dig[nd++] = (char)('0' + w % 10); w /= 10; } while (w);
    char *p = buf;
    *p++ = 'P';
    if (du->unit != 'Y' && du->unit != 'M' && du->unit != 'W' && du->unit != 'D') *p++ = 'T';
    while (nd) *p++ = dig[--nd];
    if (du->v != floor(du->v)) { *p++ = '.'; *p++ = '5'; }
    switch (du->unit) {
    case 'Y': *p++ = 'Y'; break;
    case 'M': case 'N': *p++ = 'M'; break;
    case 'W': *p++ = 'W'; break;
    case 'D': *p++ = 'D'; break;
    case 'H': *p++ = 'H'; break;
    default: *p++ = 'S'; break;
    }
    *p = 0;
    return (int)(p - buf);
  }
  if (du->v == floor(du->v)) snprintf(num, sizeof num, "%.0f", du->v);
  else snprintf(num, sizeof num, "%g", du->v);
  switch (du->unit) {
  case 'Y': return snprintf(buf, cap, "P%sY", num);
  case 'M': return snprintf(buf, cap, "P%sM", num);
  case 'W': return snprintf(buf, cap, "P%sW", num);
  case 'D': return snprintf(buf, cap, "P%sD", num);
  case 'H': return snprintf(buf, cap, "PT%sH", num);
  case 'N': return snprintf(buf, cap, "PT%sM", num);
  default: return snprintf(buf, cap, "PT%sS", num);
  }
}

/* a Han character before i other than 在 于 早 约 (the time of an
 * event named before it: 执政两个月后, 结束４５天后) */
static int event_anchored(pst *p, size_t i) {
  uint32_t cp;
  if (!i) return 0;
  sj_t_prev(p->s, i, &cp);
  if (cp < 0x4E00 || cp > 0x9FFF) return 0;
  /* 在 于 早 约 …: the class event_free_before (直到一年后: after an event) */
  return !tw_prev(p, i, "event_free_before", NULL);
}

/* Decades and centuries: ８０年代 = 1980/1989 (初 1980/1983, 中期
 * 1984/1986, 末 1987/1989), 1990年代, ２１世纪 = 2001/2100.  Two-digit
 * decades are the latest before the reference year.  Returns the end. */
static size_t era_at(pst *p, size_t i, char *val, size_t cap) {
  double v; int nd; unsigned fl;
  size_t e = pnum(p, i, &v, &nd, &fl);
  size_t k;
  if (!e || v != floor(v) || v < 1) return 0;
  if ((k = tw(p, e, "decade", NULL))) {
    if (v > 2200) return 0; /* before the int cast */
    int y = (int)v;
    if (y % 10 || (y >= 100 && (y < 1000 || y > 2200))) return 0;
    if (y < 100) {
      int ry = ref_y(p) ? ref_y(p) : 2000;
      y += ry / 100 * 100;
      if (y > ry) y -= 100;
    }
    e += k;
    int a = y, b = y + 9;
    int part = 0;
    k = tw(p, e, "decade_part", &part);
    if (part == 1) b = y + 3;                     /* 初, 初期 */
    else if (part == 2) { a = y + 3; b = y + 6; } /* 中期 */
    else if (part == 3) a = y + 7;                /* 末, 末期 */
    snprintf(val, cap, "%04d/%04d", a, b);
    p->flags |= SJ_APPROX;
    return e + k;
  }
  if ((k = tw(p, e, "century", NULL)) && v <= 30 && v >= 1 && !(fl & SJ_NUM_DIGITSEQ && nd > 2)) {
    int c = (int)v;
    snprintf(val, cap, "%04d/%04d", (c - 1) * 100 + 1, c * 100);
    return e + k;
  }
  return 0;
}

static int after_blocks(pst *p, size_t e) {
  /* a time must not run into more digits or Latin letters */
  int l;
  uint32_t cp = cpat(p, e, &l);
  if (!l) return 0;
  return sj_adigit(cp) >= 0 || sj_is_latin(cp);
}

static int time_at(const sj_tctx *c, const char *s, size_t n, size_t i, sj_tmatch *out);

/* “明日”, 《今天》: a time word that fills quotes or a title is a name */
static int quoted(const char *s, size_t n, size_t a, size_t b) {
  uint32_t c0, c1;
  if (!a || b >= n) return 0;
  sj_t_prev(s, a, &c0);
  sj_t_dec(s, n, b, &c1);
  return (c0 == 0x201C && c1 == 0x201D) || (c0 == 0x300C && c1 == 0x300D) ||
         (c0 == 0x300A && c1 == 0x300B);
}

/* the first holiday entry inside [a, b): *hs, *he */
static void holiday_in_span(const sj_tctx *c, const char *s, size_t n, size_t a, size_t b,
                            size_t *hs, size_t *he) {
  for (size_t k = a; k < b;) {
    uint32_t cp;
    int l = sj_t_dec(s, n, k, &cp);
    if (l <= 0) break;
    if (sj_gaz_start_kinds(c->m, s, n, k) & SJ_K_CAL) {
      sj_gaz_hit h[8];
      int nh = sj_gaz_match(c->m, s, n, k, SJ_K_CAL, h, 8);
      for (int q = nh - 1; q >= 0; q--)
        for (const char *v = h[q].payload; v; v = strchr(v, '\n'), v = v ? v + 1 : NULL)
          if (!strncmp(v, "cal\tholiday\t", 12) && k + h[q].len <= b) {
            *hs = k; *he = k + h[q].len;
            return;
          }
    }
    k += (size_t)l;
  }
}

/* after a clock time ending at e, the same moment in another zone in
 * brackets (当地时间11日14时29分（北京时间12日4时29分）): the end of the
 * gloss, or 0 */
static size_t zone_gloss(const sj_tctx *c, const char *s, size_t n, size_t e) {
  pst P;
  pst_init(&P, c, s, n);
  pt t;
  size_t k = bracket_at(&P, e, 0), z, f, b;
  if (!k || !(z = tw(&P, e + k, "clock_prefix", NULL))) return 0;
  f = point_at(&P, e + k, &t, NULL);
  if (f <= e + k + z || (t.gran != 4 && t.gran != 5)) return 0;
  f += approx_suffix(&P, f);
  return (b = bracket_at(&P, f, 1)) ? f + b : 0;
}

int sj_time_at(const sj_tctx *c, const char *s, size_t n, size_t i, sj_tmatch *out) {
  if (!time_at(c, s, n, i, out)) return 0;
  if (out->kind == SJ_TIME && c->m && !c->words_only && out->value[0] >= '0' &&
      out->value[0] <= '9' && strchr(out->value, 'T'))
    out->gloss = zone_gloss(c, s, n, out->end);
  if (out->kind == SJ_TIME && c->m && !c->words_only)
    holiday_in_span(c, s, n, out->start, out->end, &out->hs, &out->he);
  if (out->kind == SJ_TIME && !(s[i] >= '0' && s[i] <= '9') &&
      !((unsigned char)s[i] == 0xEF && i + 1 < n && (unsigned char)s[i + 1] == 0xBC) &&
      quoted(s, n, out->start, out->end)) {
    memset(out, 0, sizeof *out);
    return 0;
  }
  return 1;
}

/* a day (今天, 周四) followed by its date in brackets and maybe a part of
 * day or a clock (今天（17日）下午, 周四（4月10日）, 昨日（12月6日）凌晨1时):
 * the end past them, *t the most precise point (on the bracketed day) */
static size_t bracketed_date(pst *p, size_t t0, size_t e, pt *t) {
  size_t k = bracket_at(p, e, 0), c;
  if (!k || t->gran != 3 || !t->d) return e;
  pst P2 = *p;
  pt d, u;
  size_t f = point_at(&P2, e + k, &d, t);
  if (!f || d.gran != 3 || !d.d || !(c = bracket_at(p, f, 1))) return e;
  int wk, wd;
  /* 5日（星期一）: a weekday glosses a day named by its number */
  if (weekday_at(&P2, e + k, &wk, &wd) && !weekday_at(&P2, t0, &wk, &wd)) d = *t;
  else *t = d;
  e = f + c;
  P2 = *p;
  f = point_at(&P2, e, &u, &d);
  if (f && (u.gran == 4 || u.gran == 5 || (u.gran == 3 && u.pd))) {
    u.y = d.y; u.m = d.m; u.d = d.d;
    p->flags |= P2.flags;
    *t = u;
    e = f;
  }
  return e;
}

/* the fixed phrases of dict/gaz/time-words.tsv (class fixed; the codes
 * there): 1 until the reference month, 2 3 the reference day (approximate),
 * 4 5 the reference year, 6 from the reference year on, 7 from the
 * reference month on, 8 the time last named (当时), 9 the year before the
 * reference.  1 found, -1 no time here, 0 none. */
static int fixed_at(pst *p, size_t i, sj_tmatch *out) {
  int code;
  size_t k = cal_word(p, i, "fixed", &code, NULL);
  if (!k) return 0;
  if (code == 8 && tw(p, i + k, "fixed_not_next", NULL)) return -1; /* 当时光 */
  int y = 0, m = 0, d = 0;
  ref_md(p, &y, &m, &d);
  pt t = {y, m, d, 0, 0, 0, 0, 0};
  char a[48];
  out->kind = SJ_TIME;
  out->end = i + k;
  switch (code) {
  case 1: /* ../ref (month) */
    t.gran = m ? 2 : 1; fmt_pt(a, sizeof a, &t);
    snprintf(out->value, sizeof out->value, "../%s", a);
    out->flags |= SJ_APPROX;
    break;
  case 2: case 3:
    t.gran = d ? 3 : (m ? 2 : 1);
    fmt_pt(out->value, sizeof out->value, &t);
    out->flags |= SJ_APPROX;
    break;
  case 4: case 5:
    t.y = ref_y(p); t.gran = 1; fmt_pt(out->value, sizeof out->value, &t);
    if (code == 5) out->flags |= SJ_APPROX;
    break;
  case 6:
    t.y = ref_y(p); t.gran = 1; fmt_pt(a, sizeof a, &t);
    snprintf(out->value, sizeof out->value, "%s/..", a);
    break;
  case 7:
    t.gran = m ? 2 : 1; fmt_pt(a, sizeof a, &t);
    snprintf(out->value, sizeof out->value, "%s/..", a);
    break;
  case 9: /* the year before the reference */
    t.y = ref_y(p) ? ref_y(p) - 1 : 0; t.gran = 1;
    fmt_pt(out->value, sizeof out->value, &t);
    out->flags |= SJ_APPROX; p->needref = 0;
    break;
  case 8: {
    int ay, am, ad;
    p->needref = 0;
    out->flags |= SJ_APPROX;
    if (p->c->aval[0]) { copy_str(out->value, sizeof out->value, p->c->aval); break; }
    anchor_ymd(p, &ay, &am, &ad);
    pt u = {ay, am, ad, 0, 0, 0, ad ? 3 : (am ? 2 : 1), 0};
    fmt_pt(out->value, sizeof out->value, &u);
    break;
  }
  }
  if (code == 4 || code == 5 || code == 6) p->needref = 0;
  if (code == 8 && !out->value[0]) return -1;
  out->needref = p->needref;
  return 1;
}

/* 本世纪, 上世纪 (90年代, 初, 末) at j: 1 found */
static int rel_century_at(pst *p, size_t j, sj_tmatch *out) {
  int cv, edge = 0;
  size_t k = cal_word(p, j, "rel_century", &cv, NULL), k2;
  if (!k || !ref_y(p)) return 0;
  int cen = (ref_y(p) - 1) / 100 + 1 + cv;
  double dv; int nd; unsigned fl;
  size_t e = pnum(p, j + k, &dv, &nd, &fl);
  out->kind = SJ_TIME;
  if (e && (k2 = tw(p, e, "decade", NULL)) && dv == floor(dv) && dv >= 0 && dv <= 90 &&
      (int)dv % 10 == 0 && nd <= 2) {
    int y = (cen - 1) * 100 + (int)dv;
    snprintf(out->value, sizeof out->value, "%04d/%04d", y, y + 9);
    out->end = e + k2;
    out->flags = SJ_APPROX;
  } else if ((k2 = tw(p, j + k, "century_edge", &edge))) {
    /* 本世纪末, 上世纪初: its last (2) or first (1) ten years */
    int a = edge == 2 ? cen * 100 - 9 : (cen - 1) * 100 + 1;
    snprintf(out->value, sizeof out->value, "%04d/%04d", a, a + 9);
    out->end = j + k + k2;
    out->flags = SJ_APPROX;
  } else {
    snprintf(out->value, sizeof out->value, "%04d/%04d", (cen - 1) * 100 + 1, cen * 100);
    out->end = j + k;
  }
  return 1;
}

/* a time out: kind time, end e, value v, the flags and needs of p */
static int put_time(pst *p, sj_tmatch *out, size_t e, const char *v, int absolute) {
  out->kind = SJ_TIME;
  out->end = e;
  copy_str(out->value, sizeof out->value, v);
  out->flags = p->flags;
  out->needref = p->needref;
  out->absolute = absolute;
  return 1;
}

/* ７年前的今天 (that day N years back), ７年后的今天 (today) */
static int years_ago_today(pst *p, const dur *du, int dir, size_t end, sj_tmatch *out) {
  int y, m, d;
  ref_md(p, &y, &m, &d);
  if (!y || !m || !d) return -1;
  pt t = {y - (dir < 0 ? (int)du->v : 0), m, d, 0, 0, 0, 3, 0};
  if (t.m == 2 && t.d == 29 && sj_days_in_month(t.y, 2) == 28) t.d = 28;
  out->kind = SJ_TIME;
  out->flags = dir < 0 ? (uint32_t)SJ_APPROX : 0u;
  out->end = end;
  fmt_pt(out->value, sizeof out->value, &t);
  out->needref = p->needref;
  return 1;
}

/* a duration before 以后 (dir 1) or 以前 (-1) ending at e2: a date that far
 * from the anchor (after) or the reference (before); 1 found, -1 none */
static int rel_offset(pst *p, size_t i, dur du, int dir, size_t e2, sj_tmatch *out) {
  int y, m, d;
  if (du.v < 0) return -1; /* 几天后: no date */
  /* after a verb or noun (执政两个月后, 结束４５天后) the time hangs on an
   * event: not a mention */
  if (event_anchored(p, i)) return -1;
  size_t today = tw(p, e2, "same_day_of", NULL);
  if (today && du.unit == 'Y' && du.v == floor(du.v) && !du.approx)
    return years_ago_today(p, &du, dir, e2 + today, out);
  if (dir > 0) anchor_ymd(p, &y, &m, &d);
  else ref_md(p, &y, &m, &d);
  pt t = {y, m, d, 0, 0, 0, d ? 3 : (m ? 2 : 1), 0};
  double v = du.v * dir;
  if (du.less && (du.unit == 'M' || du.unit == 'W' || du.unit == 'D')) {
    /* 近半个月: a little less; count in days */
    double days = du.unit == 'M' ? du.v * 30 : du.unit == 'W' ? du.v * 7 : du.v;
    du.unit = 'D';
    v = floor(days * 0.9) * dir;
  }
  if (fabs(v) > 1e6) return -1; /* no date that far off (and no overflow in the int casts) */
  switch (du.unit) {
  case 'Y': if (v == floor(v)) t.y += (int)v; else add_months(&t, (int)(v * 12)); break;
  case 'M':
    if (v == floor(v)) add_months(&t, (int)v);
    else add_days(&t, (long)floor(v * 30 + 0.5));
    break;
  case 'W': add_days(&t, (long)floor(v * 7 + 0.5)); break;
  case 'D': add_days(&t, (long)floor(v + 0.5)); break;
  default: break; /* hours: same day */
  }
  if (du.unit == 'Y') t.gran = 1;
  if (!t.y) return -1;
  out->kind = SJ_TIME; out->flags = SJ_APPROX; out->end = e2;
  out->needref = p->needref;
  if (dir < 0 && du.approx && du.unit == 'Y') {
    /* １００多年前: open before that year */
    char a[48];
    fmt_pt(a, sizeof a, &t);
    snprintf(out->value, sizeof out->value, "../%s", a);
    return 1;
  }
  fmt_pt(out->value, sizeof out->value, &t);
  return 1;
}

/* a duration at j (three days, 两个多月) or a date that far off (三天后,
 * 两年前): 1 found, -1 no time here, 0 none */
static int duration_at(pst *p, size_t i, size_t j, sj_tmatch *out) {
  dur du;
  size_t ns, b;
  size_t e = dur_at(p, j, &du, &ns);
  if (!e || sj_t_bad_before(p->s, ns)) return 0;
  int dir = 0;
  size_t k = tw(p, e, "rel_dir", &dir); /* 以后 1, 以前 -1; not 后来, 前往 ... */
  if (!k) dir = 0;
  if (dir) return rel_offset(p, i, du, dir, e + k, out);
  /* a bare duration (N年来 too) */
  if (after_blocks(p, e)) return -1;
  /* 的一年 / 一年一度: nominal, not a duration */
  if (du.v == 1 && du.unit == 'Y' && tw_prev(p, ns, "de", NULL)) return -1;
  /* 震后５小时, 会后两天: the time of an event named before it (not 之后,
   * 此后 …: the class after_free_before) */
  if (ns >= 6 && tw_prev(p, ns, "after_before_dur", &b)) {
    uint32_t pp;
    sj_t_prev(p->s, b, &pp);
    if (pp >= 0x4E00 && pp <= 0x9FFF && !tw_prev(p, b, "after_free_before", NULL)) return -1;
  }
  out->kind = SJ_DURATION;
  out->flags = du.approx ? SJ_APPROX : 0;
  if (du.v < 0) out->flags |= SJ_VAGUE; /* 几分钟 = PTXM: left out with the vague references */
  out->end = e;
  fmt_dur(out->value, sizeof out->value, &du);
  return 1;
}

/* a bare 4-digit year (2020中美...) at j: 1 found */
static int bare_year_at(pst *p, size_t j, sj_tmatch *out) {
  int y, l;
  size_t k = year_num(p, j, &y, 0);
  if (!k) return 0;
  uint32_t cp = cpat(p, k, &l);
  if (!l || cp < 0x4E00 || cp > 0x9FFF || after_blocks(p, k)) return 0;
  /* not followed by a count's measure word (2020多名): a quantity */
  double v; int nd, more; unsigned fl;
  size_t ul, ne = sj_num_at(p->s, p->n, j, &v, &nd, &fl);
  if (ne && !(fl & SJ_NUM_CHINESE) && sj_count_tail(p->c->m, p->s, p->n, ne, &v, &more, &ul))
    return 0;
  if (y < 1900 || y > 2100) return 0;
  pt t = {y, 0, 0, 0, 0, 0, 1, 0};
  out->kind = SJ_TIME;
  out->end = k;
  out->absolute = 0;
  fmt_pt(out->value, sizeof out->value, &t);
  note_max(out, &t);
  return 1;
}

/* a range after the point t1 (value a) ending at e: X至Y, X到Y, X—Y, X-Y,
 * １９７０年至今, 今冬明春; 1 found */
static int range_at(pst *p, size_t e, const pt *t1, const char *a, int absolute,
                    sj_tmatch *out) {
  char b[48];
  size_t k, from = tw(p, e, "range_from", NULL), sep;
  /* 19日起到20日: 起 before the separator */
  if (!from || !(sep = tw(p, e + from, "range_sep", NULL))) sep = tw(p, e, "range_sep", NULL);
  else e += from;
  if (sep && t1->gran >= 1 && t1->gran <= 5 && (k = tw(p, e + sep, "now_end", NULL))) {
    /* １９７０年至今: up to the reference date */
    int y, m, d;
    ref_md(p, &y, &m, &d);
    pt r = {y, m, d, 0, 0, 0, d ? 3 : m ? 2 : 1, 0};
    fmt_pt(b, sizeof b, &r);
    out->kind = SJ_TIME;
    out->end = e + sep + k;
    snprintf(out->value, sizeof out->value, "%s/%s", a, b);
    out->flags = p->flags;
    out->needref = p->needref;
    return 1;
  }
  /* two seasons side by side: 今冬明春 */
  int adj = !sep && t1->gran == 8 && tw(p, e, "this_season", NULL);
  if (!((sep && t1->gran >= 1 && t1->gran <= 5) || adj)) return 0;
  pst P2 = *p;
  pt t2;
  /* the second point inherits year and month */
  size_t f = point_at(&P2, e + sep, &t2, adj ? NULL : t1);
  if (!f || after_blocks(p, f)) return 0;
  if (adj ? t2.gran != 8
          : !((t2.gran >= 2 || (t2.gran == 1 && t1->gran == 1 && !P2.relative)) && t2.gran <= 5))
    return 0;
  fmt_pt(b, sizeof b, &t2);
  out->kind = SJ_TIME;
  out->end = f;
  if ((k = approx_suffix(p, f))) { out->end += k; P2.flags |= SJ_APPROX; }
  out->end += tw(p, out->end, "range_during", NULL); /* 3月14日到17日期间 */
  snprintf(out->value, sizeof out->value, "%s/%s", a, b);
  out->flags = p->flags | P2.flags;
  out->needref = p->needref || P2.needref;
  out->absolute = absolute;
  note_max(out, &t2);
  return 1;
}

/* a list after the point t1 (value a) ending at e: X、Y(、Z) with Y a
 * partial date of the same kind (12月9日、10日; 14日晚上22时、15日凌晨5时);
 * 1 found */
static int list_at(pst *p, size_t e, const pt *t1, const char *a, int absolute,
                   sj_tmatch *out) {
  size_t sep, end = e;
  char val[96], c2[48];
  int cnt = 0;
  copy_str(val, sizeof val, a);
  pt prev = *t1;
  while ((sep = tw(p, end, "list_sep", NULL))) {
    pst P2 = *p;
    pt tn;
    size_t f = point_at(&P2, end + sep, &tn, &prev);
    if (!f || tn.gran < 2 || tn.gran > 5 ||
        (tn.gran != prev.gran && !(tn.gran >= 4 && prev.gran >= 4)))
      break;
    fmt_pt(c2, sizeof c2, &tn);
    size_t L = strlen(val);
    if (L + 1 + strlen(c2) + 1 > sizeof val) break;
    val[L] = ',';
    memcpy(val + L + 1, c2, strlen(c2) + 1);
    end = f;
    prev = tn;
    note_max(out, &tn);
    cnt++;
  }
  return cnt ? put_time(p, out, end, val, absolute) : 0;
}

/* a calendar point at j and what follows it (a hedge before a clock, the
 * bracketed date, 左右, 以前, a range, a list, 以来); openstart: after 截至 */
static int point_mention(pst *p, size_t j, int openstart, sj_tmatch *out) {
  pt t1;
  char a[48], v[56];
  size_t k, e = point_at(p, j, &t1, NULL);
  if (!e && !openstart && (k = tw(p, j, "clock_hedge", NULL))) {
    /* 大约6时30分: a hedge before a clock time */
    pst P2 = *p;
    e = point_at(&P2, j + k, &t1, NULL);
    if (e && (t1.gran == 4 || t1.gran == 5)) { *p = P2; p->flags |= SJ_APPROX; }
    else e = 0;
  }
  if (!e) return !openstart && bare_year_at(p, j, out);
  e = bracketed_date(p, j, e, &t1);
  fmt_pt(a, sizeof a, &t1);
  note_max(out, &t1);
  int absolute = !p->relative && t1.gran >= 2 && t1.gran <= 5 && t1.m;
  out->ay = t1.y; out->am = t1.m;
  out->ad = t1.gran == 3 || t1.gran == 4 || t1.gran == 5 ? t1.d : 0;
  /* a day resolved from the reference month is still a calendar date */
  if (p->relative && t1.gran >= 3 && t1.gran <= 5 && t1.d) absolute = 1;
  if ((k = approx_suffix(p, e))) { e += k; p->flags |= SJ_APPROX; }
  int edge;
  if ((t1.gran == 1 || t1.gran == 2) && t1.y && (k = tw(p, e, "period_edge", &edge)) && edge) {
    /* 2014年的第一天, ３月的最后一天: that day */
    if (t1.gran == 1) t1.m = edge == 1 ? 1 : 12;
    t1.d = edge == 1 ? 1 : sj_days_in_month(t1.y, t1.m);
    t1.gran = 3;
    e += k;
    fmt_pt(a, sizeof a, &t1);
    note_max(out, &t1);
    absolute = !p->relative;
    out->am = t1.m; out->ad = t1.d;
  }
  if (!openstart && t1.gran >= 1 && t1.gran <= 3 && !p->relative &&
      (k = tw(p, e, "before_open", NULL))) {
    /* １９９９年前: open before it */
    e += k;
    openstart = 1;
    p->flags |= SJ_APPROX;
  }
  if (openstart) {
    snprintf(v, sizeof v, "../%s", a);
    return put_time(p, out, e, v, 0);
  }
  if (range_at(p, e, &t1, a, absolute, out) || list_at(p, e, &t1, a, absolute, out)) return 1;
  if ((k = tw(p, e, "since", NULL))) { /* 以来: open end */
    snprintf(v, sizeof v, "%s/..", a);
    return put_time(p, out, e + k, v, 0);
  }
  return put_time(p, out, e, a, absolute); /* 今年, 去年 …; a bare part of day is rejected */
}

/* i starts a clause: after ，。；：！？ (full-width or ASCII) or a line
 * break, up to 8 spaces between, or at the start */
static int clause_head(const char *s, size_t i) {
  uint32_t cp;
  for (int q = 0; i > 0 && q < 9; q++) {
    i = sj_t_prev(s, i, &cp);
    if (cp == ' ' || cp == 0x3000 || cp == '\t') continue;
    return cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 ||
           cp == 0xFF1F || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == '\n' || cp == '\r';
  }
  return i == 0;
}

/* ’９７, ‘98: a year written with its last two digits after an apostrophe
 * (the latest such year up to ten years after the reference); the end or 0 */
static size_t apos_year_at(pst *p, size_t i, pt *t) {
  int l, l1, l2, d1, d2;
  uint32_t a = cpat(p, i, &l);
  if (a != 0x2019 && a != 0x2018) return 0;
  d1 = sj_adigit(cpat(p, i + (size_t)l, &l1));
  d2 = sj_adigit(cpat(p, i + (size_t)l + (size_t)l1, &l2));
  size_t e = i + (size_t)l + (size_t)l1 + (size_t)l2;
  if (d1 < 0 || d2 < 0 || after_blocks(p, e)) return 0;
  int ry = ref_y(p) ? ref_y(p) : 2000, y = ry / 100 * 100 + d1 * 10 + d2;
  if (y > ry + 10) y -= 100;
  if (y + 100 <= ry + 10) y += 100;
  memset(t, 0, sizeof *t);
  t->y = y; t->gran = 1;
  return e + tw(p, e, "year", NULL); /* ’05年 */
}

static int time_at(const sj_tctx *c, const char *s, size_t n, size_t i, sj_tmatch *out) {
  pst P;
  pst_init(&P, c, s, n);
  pst *p = &P;
  size_t k, j = i;
  int r;
  memset(out, 0, sizeof *out);
  if (i >= n) return 0;
  unsigned char b0 = (unsigned char)s[i];
  /* quick reject: ASCII other than digits */
  if (b0 < 0x80 && !(b0 >= '0' && b0 <= '9')) return 0;
  if (sj_t_bad_before(s, i)) return 0;
  out->start = i;
  if ((k = tw(p, j, "until_head", NULL)) && clause_head(s, i)) {
    /* ，至昨日, 到18时12分, 至今日凌晨1时 (before the fixed 至今: at a
     * clause's head only) */
    pst P2 = P;
    /* not in a 到…止 frame (到１月７日止: the time between, alone) */
    if (point_mention(&P2, j + k, 1, out) && !tw(p, out->end, "until_close", NULL)) return 1;
    memset(out, 0, sizeof *out);
    out->start = i;
  }
  if ((r = fixed_at(p, i, out))) return r > 0;
  /* open start: 截至/截止 X */
  if ((k = tw(p, j, "until", NULL))) { /* 截至, 截止 [到] */
    j += k;
    j += tw(p, j, "until_to", NULL);
    return point_mention(p, j, 1, out);
  }
  if (rel_century_at(p, j, out)) return 1;
  if ((k = era_at(p, j, out->value, sizeof out->value))) {
    out->kind = SJ_TIME;
    out->end = k;
    out->flags = P.flags;
    return 1;
  }
  if ((r = duration_at(p, i, j, out))) return r > 0;
  pt ya;
  if ((k = apos_year_at(p, j, &ya))) {
    char v[16];
    fmt_pt(v, sizeof v, &ya);
    note_max(out, &ya);
    return put_time(p, out, k, v, 0);
  }
  return point_mention(p, j, 0, out);
}

/* ---- the scan's gate --------------------------------------------------- */
/* The first two characters of every word that may start a time, duration
 * or quantity (the classes of dict/gaz/time-grammar.tsv and cues-qty.tsv
 * that start one: week words, hedges, 截至, 北京时间 ...; the words of
 * time-words.tsv also pass through the scan's kind-cal test), as
 * (cp0 << 16 | cp1), sorted.  Keep in step with the data:
 * spec/c/test_tag.c checks such words pass the gate. */
static const uint32_t GATE2[] = {
  0x4E005E74u, 0x4E0A4E00u, 0x4E0A4E2Au, 0x4E0A5348u, 0x4E0A534Au, 0x4E0A5468u,
  0x4E0A661Fu, 0x4E0A6708u, 0x4E0A767Eu, 0x4E0A793Cu, 0x4E0B4E00u, 0x4E0B4E2Au,
  0x4E0B5348u, 0x4E0B534Au, 0x4E0B5468u, 0x4E0B661Fu, 0x4E0B6708u, 0x4E0B793Cu,
  0x4E0D5230u, 0x4E0D8DB3u, 0x4E2D5348u, 0x4ECA51ACu, 0x4ECA590Fu, 0x4ECA5929u,
  0x4ECA5E74u, 0x4ECA65E5u, 0x4ECA65E9u, 0x4ECA6625u, 0x4ECA665Au, 0x4ECA6668u,
  0x4ECA79CBu, 0x508D665Au, 0x513F7AE5u, 0x51435BB5u, 0x514365E6u, 0x51685E74u,
  0x516C5143u, 0x51CC6668u, 0x523076EEu, 0x524D4E00u, 0x524D5929u, 0x524D5E74u,
  0x524D665Au, 0x52B352A8u, 0x53174EACu, 0x5348540Eu, 0x5348591Cu, 0x53BB5E74u,
  0x540C4E00u, 0x540C5E74u, 0x540C65E5u, 0x540C6708u, 0x540E5929u, 0x540E5E74u,
  0x54684E00u, 0x54684E09u, 0x54684E8Cu, 0x54684E94u, 0x5468516Du, 0x546856DBu,
  0x54685929u, 0x546865E5u, 0x56FD5E86u, 0x57238BDEu, 0x591C91CCu, 0x591C95F4u,
  0x5927524Du, 0x59276982u, 0x59277EA6u, 0x59824ECAu, 0x59875973u, 0x5C068FD1u, 0x5C81672Bu,
  0x5E745185u, 0x5E74521Du, 0x5E745E95u, 0x5E74672Bu, 0x5EFA519Bu, 0x5F53524Du,
  0x5F535730u, 0x5F53591Cu, 0x5F535929u, 0x5F535E74u, 0x5F5365E5u, 0x5F5365F6u,
  0x5F53665Au, 0x5F536708u, 0x622A6B62u, 0x622A81F3u, 0x65595E08u, 0x65B07684u,
  0x65E5524Du, 0x65E94E0Au, 0x65E96668u, 0x660E5929u, 0x660E5E74u, 0x660E65E5u,
  0x661F671Fu, 0x66258282u, 0x6628591Cu, 0x66285929u, 0x662865E5u, 0x6628665Au,
  0x662F65E5u, 0x665A4E0Au, 0x665A95F4u, 0x672C5468u, 0x672C5E74u, 0x672C661Fu,
  0x672C6708u, 0x672C793Cu, 0x67655E74u, 0x6B2165E5u, 0x6B216708u, 0x6DF1591Cu,
  0x6E056668u, 0x76EE524Du, 0x773C4E0Bu, 0x793C62DCu, 0x7B2C4E8Cu, 0x7FCC65E5u,
  0x81F34ECAu, 0x8D858FC7u, 0x8FC44ECAu, 0x8FC753BBu, 0x8FD14E00u, 0x8FD165E5u,
  0x8FD94E00u, 0x8FD94E2Au, 0x8FD95468u, 0x8FD9661Fu, 0x8FD9793Cu, 0x96645915u,
};

static int numch(uint32_t cp) {
  return sj_adigit(cp) >= 0 || sj_cdigit(cp) >= 0 || sj_cn_unit(cp) != 0 || cp == 0x534A; /* 半 */
}

/* first characters of GATE2's words, the Chinese numerals and 近约逾仅 */
static const uint16_t GATE1[] = {
  0x25CB, 0x3007, 0x4E00, 0x4E03, 0x4E09, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E24, 0x4E2D, 0x4E5D,
  0x4E8C, 0x4E94, 0x4EC5, 0x4ECA, 0x508D, 0x513F, 0x5143, 0x5168, 0x516B, 0x516C, 0x516D,
  0x51CC, 0x5230, 0x524D, 0x52B3, 0x5317, 0x5341, 0x5343, 0x5348, 0x534A, 0x53BB, 0x540C,
  0x540E, 0x5468, 0x56DB, 0x56FD, 0x5723, 0x591C, 0x5927, 0x5982, 0x5987, 0x5C06, 0x5C81,
  0x5E74, 0x5EFA, 0x5EFF, 0x5F53, 0x622A, 0x6559, 0x65B0, 0x65E5, 0x65E9, 0x660E, 0x661F,
  0x6625, 0x6628, 0x662F, 0x665A, 0x672C, 0x6765, 0x6B21, 0x6DF1, 0x6E05, 0x767E, 0x76EE,
  0x773C, 0x793C, 0x7B2C, 0x7EA6, 0x7FCC, 0x81F3, 0x8D85, 0x8FC4, 0x8FC7, 0x8FD1, 0x8FD9,
  0x903E, 0x9664, 0x96F6
};

/* GATE1 as a 1024-bit filter on the low bits of the code point: most
 * characters fail here without a search (regenerate with GATE1) */
static const uint32_t GATE1_BITS[32] = {
  0x000050C0u, 0x40000000u, 0x00000000u, 0x00000100u, 0x00002002u, 0x00000000u, 0x00000000u,
  0x00000000u, 0x10000000u, 0x90000080u, 0x02000008u, 0x00003900u, 0x000000A4u, 0x00010000u,
  0x00001800u, 0x000A0220u, 0x80006E29u, 0x0001A530u, 0x24002000u, 0x40100010u, 0x00101000u,
  0x00080040u, 0x08000420u, 0xA4404000u, 0x00800000u, 0x1000100Au, 0x0008050Au, 0x00000020u,
  0x00000000u, 0x08000000u, 0x02021090u, 0x00000000u
};

/* after 几 / 数 at j, the first character of a duration's unit, of 个 or of
 * 十 百 千 (the units of dur_unit in dict/gaz/time-grammar.tsv: 年 月 周
 * 星期 礼拜 天 昼夜 日 小时 分钟 秒 钟头) */
static int count_unit_next(const char *s, size_t n, size_t j) {
  static const uint32_t U[] = {0x4E2A, 0x5206, 0x5468, 0x5929, 0x5C0F, 0x5E74, 0x65E5,
                               0x661F, 0x663C, 0x6708, 0x793C, 0x79D2, 0x949F};
  uint32_t c;
  if (j >= n) return 0;
  sj_t_dec(s, n, j, &c);
  long u = sj_cn_unit(c);
  if (u == 10 || u == 100 || u == 1000) return 1;
  for (size_t q = 0; q < sizeof U / sizeof *U; q++)
    if (U[q] == c) return 1;
  return 0;
}

int sj_time_may_start(const char *s, size_t n, size_t i) {
  uint32_t c0, c1;
  if (i >= n) return 0;
  unsigned char b = (unsigned char)s[i];
  if (b < 0x80) return b >= '0' && b <= '9';
  int l = sj_t_dec(s, n, i, &c0);
  if (c0 >= 0xFF10 && c0 <= 0xFF19) return 1; /* full-width digits */
  if (c0 == 0x2019 || c0 == 0x2018) { /* ’９７ */
    if (i + (size_t)l >= n) return 0;
    sj_t_dec(s, n, i + (size_t)l, &c1);
    return sj_adigit(c1) >= 0;
  }
  if (c0 < 0x3007 || c0 > 0x9FFF) return c0 == 0x25CB; /* ○ */
  /* 几, 数, 若干, 好几 (some_count) before a unit: 几分钟, 数天 */
  if (c0 == 0x51E0 || c0 == 0x6570) return count_unit_next(s, n, i + (size_t)l);
  if ((c0 == 0x82E5 || c0 == 0x597D) && i + (size_t)l < n) {
    int l1 = sj_t_dec(s, n, i + (size_t)l, &c1);
    if ((c0 == 0x82E5 && c1 == 0x5E72) || (c0 == 0x597D && c1 == 0x51E0))
      return count_unit_next(s, n, i + (size_t)l + (size_t)l1);
  }
  /* 至 到 (until_head) at a clause's head: ，至昨日 */
  if ((c0 == 0x81F3 || c0 == 0x5230) && clause_head(s, i)) return 1;
  if (!(GATE1_BITS[(c0 & 0x3FF) >> 5] >> (c0 & 31) & 1)) return 0;
  size_t lo = 0, hi = sizeof GATE1 / sizeof *GATE1;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (GATE1[mid] < c0) lo = mid + 1; else hi = mid;
  }
  if (lo == sizeof GATE1 / sizeof *GATE1 || GATE1[lo] != c0) return 0;
  if (numch(c0)) return 1;
  if (i + (size_t)l >= n) return 0;
  sj_t_dec(s, n, i + (size_t)l, &c1);
  /* 近 约 逾 仅 + a number */
  if ((c0 == 0x8FD1 || c0 == 0x7EA6 || c0 == 0x903E || c0 == 0x4EC5) && numch(c1)) return 1;
  if (c1 > 0xFFFF) return 0;
  uint32_t key = c0 << 16 | c1;
  lo = 0; hi = sizeof GATE2 / sizeof *GATE2;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (GATE2[mid] < key) lo = mid + 1; else hi = mid;
  }
  return lo < sizeof GATE2 / sizeof *GATE2 && GATE2[lo] == key;
}

/* ---- reference date --------------------------------------------------- */
int sj_infer_ref(const sj_model *m, const char *s, size_t n, int *ry, int *rm, int *rd) {
  size_t i = 0;
  int lines = 0;
  *ry = *rm = *rd = 0;
  sj_tctx c = {0};
  c.m = m;
  c.words_only = 1;
  size_t limit = n < 4096 ? n : 4096;
  while (i < limit && lines < 6) {
    uint32_t cp;
    int l = sj_t_dec(s, n, i, &cp);
    if (cp == '\n') {
      /* count non-empty lines */
      if (i > 0 && s[i - 1] != '\n') lines++;
      i += (size_t)l;
      continue;
    }
    /* ISO-like dateline 2014-04-05 / 2014/4/5 / 2014.04.05 */
    if (cp >= '0' && cp <= '9' && i + 4 < n) {
      double v; int nd; unsigned fl;
      size_t e = sj_num_at(s, n, i, &v, &nd, &fl);
      if (e && nd == 4 && (fl & SJ_NUM_DIGITSEQ) && v >= 1900 && v <= 2100 && e < n &&
          (s[e] == '-' || s[e] == '/' || s[e] == '.') && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9') ) &&
          (i == 0 || s[i - 1] != '-')) {
        double m2, d2; int nd2, nd3; unsigned f2, f3;
        size_t e2 = sj_num_at(s, n, e + 1, &m2, &nd2, &f2);
        if (e2 && e2 < n && s[e2] == s[e] && m2 >= 1 && m2 <= 12) {
          size_t e3 = sj_num_at(s, n, e2 + 1, &d2, &nd3, &f3);
          if (e3 && d2 >= 1 && d2 <= 31) {
            *ry = (int)v; *rm = (int)m2; *rd = (int)d2;
            return 1;
          }
        }
      }
    }
    sj_tmatch t;
    if (sj_time_at(&c, s, n, i, &t) && t.kind == SJ_TIME) {
      const char *v = t.value;
      if (v[0] >= '1' && v[0] <= '2' && v[4] != '/' && strncmp(v, "XXXX", 4) != 0 &&
          (v[4] == 0 || v[4] == '-' || v[4] == ',')) {
        int y = 0;
        for (int q = 0; q < 4; q++) y = y * 10 + (v[q] - '0');
        if (y >= 1900 && y <= 2100) {
          *ry = y;
          if (v[4] == '-' && v[7] == '-') {
            *rm = (v[5] - '0') * 10 + (v[6] - '0');
            *rd = (v[8] - '0') * 10 + (v[9] - '0');
          }
          return 1;
        }
      }
      i = t.end;
      continue;
    }
    i += (size_t)l;
  }
  return 0;
}
