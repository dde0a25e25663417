/*
 * num.h — the numbers layer shared by the time and quantity taggers
 * (num.c): digit tests, the grammar words' parser and a count's measure
 * word.  The layers form a chain: num.c → time.c, num.c → qty.c; neither
 * time.c nor num.c calls qty.c.  The numbers' main entry points
 * (sj_num_at, sj_cn_unit, sj_tgram_*, sj_t_bad_before) are declared in
 * tag.h.
 */
#ifndef SJ_NUM_H
#define SJ_NUM_H

#include "tag.h"

/* an Arabic digit (ASCII or full-width): its value, else -1 */
static inline int sj_adigit(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return (int)(cp - 0xFF10);
  return -1;
}
/* a Chinese digit (零〇○Ｏ 一 二 两 … 九): its value, else -1 */
static inline int sj_cdigit(uint32_t cp) {
  switch (cp) {
  case 0x96F6: case 0x3007: case 0x25CB: case 0xFF2F: return 0; /* 零〇○Ｏ */
  case 0x4E00: return 1; case 0x4E8C: return 2; case 0x4E24: return 2;
  case 0x4E09: return 3; case 0x56DB: return 4; case 0x4E94: return 5;
  case 0x516D: return 6; case 0x4E03: return 7; case 0x516B: return 8;
  case 0x4E5D: return 9;
  default: return -1;
  }
}
/* a Latin letter (ASCII or full-width) */
static inline int sj_is_latin(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* the grammar words (kind tgram) among the gazetteer hits h[0..n)
 * (shortest first), longest first: classes, lengths and values (at most
 * max) */
int sj_tgram_parse(const sj_gaz_hit *h, int n, sj_tword *t, int max);

/* The measure word after a count's number that ends at s[e] (value *v):
 * [几] [余|多 [万|亿]] MEASURE (the qty_* classes of dict/gaz/cues-qty.tsv),
 * not a duration's classifier (两个月).  Returns the measure word's start
 * and *ulen its length, or 0; *v is scaled by a magnitude after 余 (6800余万)
 * and *approx set for 几, 余, 多. */
size_t sj_count_tail(const sj_model *m, const char *s, size_t n, size_t e, double *v,
                     int *approx, size_t *ulen);

#endif
