/*
 * tag.h — internal interfaces of the tagger (tag.c, tag_*.c, time.c).
 * Not installed; the tests in spec/c/test_tag.c call these directly.
 */
#ifndef SJ_TAG_H
#define SJ_TAG_H

#include "core.h"
#include <stddef.h>
#include <stdint.h>

/* ---- small UTF-8 helpers (tolerant: a bad byte is one char) ----------- */
/* Decode the code point at s[i]; returns its byte length (>= 1), or 0
 * with *cp = SJ_NOCP at or past the end (i >= n): the one bounded
 * accessor for look-ahead.  The core's inline decoder (core.h). */
SJ_HOT int sj_t_dec(const char *s, size_t n, size_t i, uint32_t *cp) {
  return sj_utf8_dec(s, n, i, cp);
}

/* Code point ending just before s[i] (i > 0); returns its start or i. */
size_t sj_t_prev(const char *s, size_t i, uint32_t *cp);

/* Length of the literal w if s[i..] starts with it, else 0. */
static inline size_t sj_t_lit(const char *s, size_t n, size_t i, const char *w) {
  size_t k = 0;
  while (w[k]) {
    if (i + k >= n || s[i + k] != w[k]) return 0;
    k++;
  }
  return k;
}

/* ---- numbers (num.c) ------------------------------------------------- */
enum {
  SJ_NUM_ARABIC = 1u << 0,  /* has Arabic digits */
  SJ_NUM_CHINESE = 1u << 1, /* has Chinese numerals */
  SJ_NUM_DIGITSEQ = 1u << 2 /* digit by digit, no units (二○二○, 2020) */
};
/* A number at s[i]: Arabic (ASCII or full-width, decimals, thousands
 * commas), Chinese (二十三, 一百零五, 两千, 二○二○), or mixed (6万, 1.5亿).
 * Returns the end offset (> i) or 0; *val the value, *ndig the number of
 * digit characters for digit sequences, *fl SJ_NUM_* bits. */
size_t sj_num_at(const char *s, size_t n, size_t i, double *val, int *ndig,
                 unsigned *fl);

/* ---- dates ----------------------------------------------------------- */
int sj_days_in_month(int y, int m);
/* Days since 1970-01-01 of y-m-d (proleptic Gregorian) and back. */
long sj_days_from_civil(int y, int m, int d);
void sj_civil_from_days(long z, int *y, int *m, int *d);
/* ISO weekday 1 (Monday) .. 7 (Sunday). */
int sj_weekday(int y, int m, int d);

/* ---- time expressions (time.c) -------------------------------------- */
typedef struct sj_tctx {
  int ry, rm, rd; /* reference date; 0 = unknown */
  int ay, am, ad; /* anchor: last absolute date in the text; 0 = none */
  int firm;       /* 1: the reference is a publication date (caller's or a
                   * dateline): a month after it is in the previous year */
  char aval[32];  /* value of the last time named (当时, 当年); "" none */
  const sj_model *m; /* calendar data (kind cal: lunar years, holidays),
                      * grammar words (kind tgram) and time cues of its image */
  int words_only;    /* 1: the grammar words only, no calendar entries and no
                      * cues (sj_infer_ref) */
} sj_tctx;

typedef struct sj_tmatch {
  size_t start, end;
  int kind;          /* SJ_TIME or SJ_DURATION (shijian.h); 0 none */
  unsigned flags;    /* SJ_APPROX */
  int absolute;      /* 1: a calendar date that may anchor later relatives */
  int ay, am, ad;    /* the anchor it sets (when absolute) */
  int needref;       /* 1: the value used an unknown reference month/day */
  int maxy, maxm, maxd; /* latest calendar point named (for ref estimation) */
  size_t hs, he;     /* the holiday named inside it (春节), if he > hs */
  size_t gloss;      /* end of a bracketed time after it in another zone
                      * that restates it (（北京时间12日4时29分）): the scan
                      * goes on after it, no mention; 0 none */
  char value[96];
} sj_tmatch;

/* A time expression or duration starting at s[i] (i must be a character
 * boundary).  Returns 1 and fills *out, or 0. */
int sj_time_at(const sj_tctx *c, const char *s, size_t n, size_t i,
               sj_tmatch *out);

/* 1 if a time, duration or quantity may start at s[i] (a cheap gate on
 * its first two characters; sj_time_at and sj_qty_at decide). */
int sj_time_may_start(const char *s, size_t n, size_t i);

/* ---- quantities (qty.c) -------------------------------------------- */
typedef struct sj_qmatch {
  size_t start, end;
  double number;
  unsigned flags;    /* SJ_APPROX */
  size_t ustart, uend; /* the unit (measure word) */
} sj_qmatch;
/* A quantity (number + measure word or unit) starting at s[i] (qty.c; the
 * words are the qty_* classes of kind tgram in m's image). */
int sj_qty_at(const sj_model *m, const char *s, size_t n, size_t i, sj_qmatch *out);

/* The grammar words of the time and quantity taggers (kind tgram): the
 * length of the longest word of class cls at s[i] and *val its value
 * (0 none), or 0 when there is none or the longest is a blocker (`no`). */
size_t sj_tgram_at(const sj_model *m, const char *s, size_t n, size_t i, const char *cls,
                   int *val);
/* the same in two steps, for a caller that asks several classes at one
 * position: the grammar words at s[i] (longest first, at most SJ_TWORDS),
 * then the longest of a class among them */
#define SJ_TWORDS 32
typedef struct sj_tword { const char *cls; uint32_t len; int val; int no; } sj_tword;
int sj_tgram_words(const sj_model *m, const char *s, size_t n, size_t i, sj_tword *t);
size_t sj_tgram_pick(const sj_tword *t, int nt, const char *cls, int *val);
/* the value of a Chinese numeral unit (十 10 … 亿 1e8; 廿 -20), else 0 */
long sj_cn_unit(uint32_t cp);
/* a character before s[i] that no time or quantity may follow (第, a digit,
 * a Latin letter, the middle of a number) */
int sj_t_bad_before(const char *s, size_t i);

/* Reference year from the first lines of a text (title, dateline) or 0;
 * *m and *d get a month/day when a full dateline gives one (else 0).  Only
 * numeric dates count (m's grammar words, not its calendar). */
int sj_infer_ref(const sj_model *m, const char *s, size_t n, int *ry, int *rm, int *rd);

#endif
