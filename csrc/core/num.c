/*
 * num.c — the first stage of the time and quantity taggers: characters,
 * numbers (Arabic, Chinese, mixed), the grammar words of kind tgram
 * (dict/gaz/time-grammar.tsv, cues-qty.tsv) and a count's measure word.
 * time.c (times, durations) and qty.c (quantities) build on it; it calls
 * neither.  Pure functions: no allocation, no state.
 */
#include "num.h"
#include "shijian.h"

#include <string.h>

/* ---- characters ------------------------------------------------------- */
size_t sj_t_prev(const char *s, size_t i, uint32_t *cp) {
  size_t j = i;
  *cp = 0xFFFFFFFFu;
  if (i == 0) return 0;
  j = i - 1;
  while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
  uint32_t c;
  if ((size_t)sj_t_dec(s, i, j, &c) == i - j) { *cp = c; return j; }
  *cp = (unsigned char)s[i - 1];
  return i - 1;
}

long sj_cn_unit(uint32_t cp) {
  switch (cp) {
  case 0x5341: return 10; case 0x767E: return 100; case 0x5343: return 1000;
  case 0x4E07: return 10000; case 0x4EBF: return 100000000;
  case 0x5EFF: return -20; /* 廿 */
  default: return 0;
  }
}

/* characters that may not precede a time or quantity (inside names, ordinals) */
int sj_t_bad_before(const char *s, size_t i) {
  uint32_t cp;
  if (i == 0) return 0;
  sj_t_prev(s, i, &cp);
  if (cp == 0x7B2C) return 1; /* 第 */
  if (cp == '-' && i >= 2) {
    /* a dash after a space or another dash is a bullet or a rule (" -12日",
     * "---12日"), not a joiner (高加索-2020) */
    uint32_t c0;
    sj_t_prev(s, i - 1, &c0);
    if (c0 == ' ' || c0 == '-' || c0 == 0x3000 || c0 == '\n') return 0;
  }
  if (cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0xFF0D || cp == '.' ||
      cp == '/' || cp == '_')
    return 1;
  if (sj_adigit(cp) >= 0 || sj_is_latin(cp)) return 1;
  if (sj_cdigit(cp) >= 0 && cp != 0x4E00) return 1; /* mid-number */
  if (sj_cn_unit(cp) != 0) return 1;
  return 0;
}

/* ---- numbers ---------------------------------------------------------- */
/* a thousands group at the comma s[j]: exactly three digits, then no digit */
static int thousands_group(const char *s, size_t n, size_t j) {
  size_t k = j + 1;
  int g = 0;
  uint32_t c2;
  while (k < n && g < 4) {
    int l2 = sj_t_dec(s, n, k, &c2);
    if (sj_adigit(c2) < 0) break;
    g++; k += (size_t)l2;
  }
  return g == 3;
}

/* decimals at s[j] after the whole part *v: the point (. ． and the middle
 * dot of older print: １·４万, ６·２级) and digits.  Returns their end (j if
 * none); *all the number in units of one over *den (0.3: 3 over 10, divided once:
 * not 0.1 * 3 = 0.30000000000000004) */
static size_t decimals_at(const char *s, size_t n, size_t j, double *v, double *all,
                          double *den) {
  uint32_t cp, c2;
  if (j >= n) return j;
  int l = sj_t_dec(s, n, j, &cp);
  if (cp != '.' && cp != 0xFF0E && cp != 0xB7) return j;
  size_t k = j + (size_t)l;
  if (k >= n) return j;
  int l2 = sj_t_dec(s, n, k, &c2);
  if (sj_adigit(c2) < 0) return j;
  double num = 0, d = 1;
  while (k < n) {
    l2 = sj_t_dec(s, n, k, &c2);
    int dv = sj_adigit(c2);
    if (dv < 0) break;
    if (d < 1e15) { num = num * 10 + dv; d *= 10; }
    k += (size_t)l2;
  }
  *all = *v * d + num;
  *den = d;
  *v = *all / d;
  return k;
}

/* Arabic digits at s[i] (thousands commas, decimals), then 万 / 亿 / 千 /
 * 百 multipliers (6万, 1.5亿, 3千万) */
static size_t arabic_num_at(const char *s, size_t n, size_t i, double *val, int *ndig,
                            unsigned *fl) {
  uint32_t cp;
  int l;
  double v = 0;
  size_t j = i;
  int nd = 0;
  while (j < n) {
    l = sj_t_dec(s, n, j, &cp);
    int dv = sj_adigit(cp);
    if (dv >= 0) { v = v * 10 + dv; nd++; j += (size_t)l; continue; }
    if (cp == ',' && nd > 0 && thousands_group(s, n, j)) { j++; continue; }
    break;
  }
  *ndig = nd;
  unsigned f = SJ_NUM_ARABIC | SJ_NUM_DIGITSEQ;
  double dec_den = 1, dec_all = 0; /* 0.3: 3 in units of 1/10 */
  size_t k = decimals_at(s, n, j, &v, &dec_all, &dec_den);
  if (k != j) { j = k; f &= ~(unsigned)SJ_NUM_DIGITSEQ; }
  /* the multipliers, before the division by the decimals' power of ten
   * (0.3万 = 3 * 10000 / 10) */
  while (j < n) {
    l = sj_t_dec(s, n, j, &cp);
    long u = sj_cn_unit(cp);
    if (u == 10000 || u == 100000000 || u == 1000 || u == 100) {
      v = dec_den > 1 ? dec_all * (double)u / dec_den : v * (double)u;
      dec_den = 1;
      j += (size_t)l; f &= ~(unsigned)SJ_NUM_DIGITSEQ;
      f |= SJ_NUM_CHINESE;
    } else break;
  }
  *val = v; *fl = f;
  return j;
}

/* Chinese numerals at s[i]: 二十三, 一百零五, 两千, 廿三, 三万五千, and digit
 * sequences (二○二○, 二00二) */
static size_t chinese_num_at(const char *s, size_t n, size_t i, double *val, int *ndig,
                             unsigned *fl) {
  uint32_t cp;
  double total = 0, section = 0;
  long num = -1;
  int ndigits = 0, nunits = 0, run = 0, seq = 1;
  double seqv = 0;
  size_t j = i, good = i;
  while (j < n) {
    int l = sj_t_dec(s, n, j, &cp);
    int dv = sj_cdigit(cp);
    long u = sj_cn_unit(cp);
    /* a zero written with the digit 0 inside a run of Chinese digits
     * (二00二年, a common spelling of 二〇〇二年) */
    if (dv < 0 && sj_adigit(cp) == 0 && run > 0 && nunits == 0) dv = 0;
    if (dv >= 0) {
      if (cp == 0x4E24 && ndigits > 0 && nunits == 0) break; /* 两 mid-seq */
      /* 一百零五: 零 then digit is fine; 二二 after units is not */
      if (run > 0 && nunits > 0 && num != 0) break;
      if (cp == 0x4E24) seq = 0;
      seqv = seqv * 10 + dv;
      num = dv; ndigits++; run++;
      j += (size_t)l; good = j;
      continue;
    }
    if (u == 0) break;
    if (run > 1 && nunits == 0) break; /* 二○二○十: stop */
    if (u == -20) { section += 20; num = -1; }
    else if (u < 10000) {
      section += (double)(num < 0 ? 1 : num) * (double)u;
      num = -1;
    } else if (u == 10000) {
      total += (section + (double)(num < 0 ? 0 : num)) * 1e4;
      section = 0; num = -1;
      if (ndigits == 0 && nunits == 0) break; /* bare 万 */
    } else {
      total = (total + section + (double)(num < 0 ? 0 : num)) * 1e8;
      section = 0; num = -1;
      if (ndigits == 0 && nunits == 0) break;
    }
    nunits++; run = 0; seq = 0;
    j += (size_t)l; good = j;
  }
  if (good == i) return 0;
  if (nunits == 0 && ndigits >= 2 && seq) {
    *val = seqv; *ndig = ndigits; *fl = SJ_NUM_CHINESE | SJ_NUM_DIGITSEQ;
    return good;
  }
  if (nunits == 0 && ndigits >= 2) return 0; /* 两两, 一二 ... */
  *val = total + section + (num < 0 ? 0 : (double)num);
  *ndig = ndigits; *fl = SJ_NUM_CHINESE;
  return good;
}

size_t sj_num_at(const char *s, size_t n, size_t i, double *val, int *ndig,
                 unsigned *fl) {
  uint32_t cp;
  *val = 0; *ndig = 0; *fl = 0;
  if (i >= n) return 0;
  sj_t_dec(s, n, i, &cp);
  if (sj_adigit(cp) >= 0) return arabic_num_at(s, n, i, val, ndig, fl);
  return chinese_num_at(s, n, i, val, ndig, fl);
}

/* ---- the grammar words (kind tgram) ---------------------------------- */
int sj_tgram_parse(const sj_gaz_hit *h, int n, sj_tword *t, int max) {
  int nt = 0;
  for (int q = n - 1; q >= 0; q--) {
    if (!(h[q].kinds & SJ_K_TGRAM)) continue;
    for (const char *v = h[q].payload; v && nt < max; v = strchr(v, '\n'), v = v ? v + 1 : NULL) {
      /* "tgram\tCLASS[\tVALUE]" */
      if (v[0] != 't' || v[1] != 'g' || v[2] != 'r' || v[3] != 'a' || v[4] != 'm' ||
          v[5] != '\t')
        continue;
      const char *f = v + 6;
      sj_tword *e = &t[nt++];
      e->cls = f;
      while (*f && *f != '\t' && *f != '\n') f++;
      e->len = h[q].len;
      e->val = 0;
      e->no = 0;
      if (*f != '\t') continue;
      f++;
      if (f[0] == 'n' && f[1] == 'o' && (f[2] == '\n' || f[2] == 0)) { e->no = 1; continue; }
      int neg = *f == '-', x = 0;
      for (f += neg; *f >= '0' && *f <= '9' && x < 100000; f++) x = x * 10 + (*f - '0');
      e->val = neg ? -x : x;
    }
  }
  return nt;
}

/* the longest word of class cls among t[0..nt) (longest first): its length
 * and *val; 0 when none or when it is a blocker */
size_t sj_tgram_pick(const sj_tword *t, int nt, const char *cls, int *val) {
  for (int q = 0; q < nt; q++) {
    const char *a = t[q].cls, *c = cls;
    while (*c && *a == *c) { a++; c++; }
    if (*c || (*a && *a != '\t' && *a != '\n')) continue;
    if (t[q].no) return 0;
    if (val) *val = t[q].val;
    return t[q].len;
  }
  return 0;
}

#define NUM_HITS 16 /* gazetteer entries asked per position */
int sj_tgram_words(const sj_model *m, const char *s, size_t n, size_t i, sj_tword *t) {
  if (!m || i >= n || !(sj_gaz_start_kinds(m, s, n, i) & SJ_K_TGRAM)) return 0;
  sj_gaz_hit h[NUM_HITS];
  int k = sj_gaz_match(m, s, n, i, SJ_K_TGRAM, h, NUM_HITS);
  return sj_tgram_parse(h, k, t, SJ_TWORDS);
}
size_t sj_tgram_at(const sj_model *m, const char *s, size_t n, size_t i, const char *cls,
                   int *val) {
  sj_tword t[SJ_TWORDS];
  return sj_tgram_pick(t, sj_tgram_words(m, s, n, i, t), cls, val);
}

/* ---- a count's measure word ------------------------------------------ */
size_t sj_count_tail(const sj_model *m, const char *s, size_t n, size_t e, double *v,
                     int *approx, size_t *ulen) {
  sj_tword t[SJ_TWORDS];
  size_t u = e, k;
  int nt = sj_tgram_words(m, s, n, u, t);
  *approx = 0;
  if (*v >= 10 && (k = sj_tgram_pick(t, nt, "qty_some", NULL))) { /* 十几家 */
    *approx = 1; u += k;
    nt = sj_tgram_words(m, s, n, u, t);
  }
  if ((k = sj_tgram_pick(t, nt, "qty_more", NULL))) { /* 余, 多 */
    *approx = 1; u += k;
    uint32_t cp; /* 6800余万 */
    int l = sj_t_dec(s, n, u, &cp);
    long mag = l > 0 ? sj_cn_unit(cp) : 0;
    if (mag == 10000 || mag == 100000000) { *v *= (double)mag; u += (size_t)l; }
    nt = sj_tgram_words(m, s, n, u, t);
  }
  size_t ul = sj_tgram_pick(t, nt, "qty_measure", NULL);
  if (!ul) return 0;
  /* 两个月, ３个多月: a duration (the time tagger's), not a count */
  if (sj_tgram_pick(t, nt, "qty_classifier", NULL)) {
    size_t d = u + ul;
    d += sj_tgram_at(m, s, n, d, "qty_more", NULL);
    if (sj_tgram_at(m, s, n, d, "dur_unit", NULL)) return 0;
  }
  *ulen = ul;
  return u;
}
