/* utf8.c — strict UTF-8 decoding and the character classes the segmenter
 * and sentence splitter need. */
#include "core.h"

int sj_utf8_decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp) {
  return sj_utf8_dec((const char *)s, n, i, cp);
}

/* the public face of the same decoding (shijian.h) */
_Static_assert(SJ_BADCHAR == SJ_BADCP && SJ_NOCP == 0, "public and internal markers agree");
int sj_utf8_next(const char *text, size_t len, size_t i, uint32_t *cp) {
  uint32_t c;
  int l = text ? sj_utf8_dec(text, len, i, &c) : (c = SJ_NOCP, 0);
  if (cp) *cp = c;
  return l;
}

int sj_is_space(uint32_t cp) {
  int c = sj_cclass(cp);
  return c == SJ_C_SPACE || c == SJ_C_NEWLINE;
}

int sj_digit(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return (int)(cp - 0xFF10);
  return -1;
}

long sj_cn_digit(uint32_t cp) {
  switch (cp) {
  case 0x96F6: case 0x3007: case 0x25CB: case 0x25EF: case 0xFF2F: return 0; /* 零〇○◯Ｏ */
  case 0x4E00: case 0x58F9: return 1;   /* 一壹 */
  case 0x4E8C: case 0x4E24: case 0x8D30: return 2; /* 二两贰 */
  case 0x4E09: case 0x53C1: return 3;   /* 三叁 */
  case 0x56DB: case 0x8086: return 4;   /* 四肆 */
  case 0x4E94: case 0x4F0D: return 5;   /* 五伍 */
  case 0x516D: case 0x9646: return 6;   /* 六陆 */
  case 0x4E03: case 0x67D2: return 7;   /* 七柒 */
  case 0x516B: case 0x634C: return 8;   /* 八捌 */
  case 0x4E5D: case 0x7396: return 9;   /* 九玖 */
  case 0x5341: case 0x62FE: return 10;  /* 十拾 */
  case 0x767E: case 0x4F70: return 100; /* 百佰 */
  case 0x5343: case 0x4EDF: return 1000; /* 千仟 */
  case 0x4E07: return 10000;            /* 万 */
  case 0x4EBF: return 100000000;        /* 亿 */
  default: return -1;
  }
}

int sj_cclass(uint32_t cp) {
  if (cp == SJ_BADCP) return SJ_C_BAD;
  if (cp < 0x80) return sj_cclass_ascii(cp);
  /* the full-width forms and the CJK punctuation (，。、：（）) first: the
   * callers decode Han themselves, so most characters asked about are these */
  if (cp - 0x3000u < 0x40u) return cp == 0x3000 ? SJ_C_SPACE : cp == 0x3007 ? SJ_C_HAN : SJ_C_PUNCT;
  if (cp - 0xFF01u <= 0xFF65u - 0xFF01u) {
    if (cp - 0xFF10u < 10u) return SJ_C_DIGIT;
    if (cp - 0xFF21u < 26u || cp - 0xFF41u < 26u) return SJ_C_LATIN;
    return SJ_C_PUNCT;
  }
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x20000 && cp <= 0x3134F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      cp == 0x3007 || cp == 0x25CB)
    return SJ_C_HAN;
  if (cp >= 0xFF10 && cp <= 0xFF19) return SJ_C_DIGIT;
  if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A)) return SJ_C_LATIN;
  if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
      (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF))
    return SJ_C_LATIN; /* Latin with diacritics, Greek, Cyrillic: word letters */
  if (cp == 0x3000 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
      cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x85)
    return SJ_C_SPACE;
  if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
      (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0x2010 && cp <= 0x205E) ||
      (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || cp == 0x30FB)
    return SJ_C_PUNCT;
  return SJ_C_OTHER;
}
