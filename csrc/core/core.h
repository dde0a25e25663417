/*
 * core.h — internal interfaces of the shijian core (not installed).
 *
 *   utf8.c    decoding and character classes
 *   arena.c   per-analysis arena and growable arrays
 *   image.c   the embedded binary image: char map, tries, HMM, string pool
 *   model.c   sj_model: image + user layer (runtime trie), user dictionaries
 *   seg.c     word segmentation (lexicon DAG, max-probability path, HMM OOV)
 *   sent.c    sentences, clauses, paragraphs
 *   tag*.c    mentions and events (sj_tag)
 *   doc.c     sj_analyze and the sj_doc accessors
 */
#ifndef SJ_CORE_H
#define SJ_CORE_H

#include "shijian.h"
#include "image.h" /* the gazetteer kinds SJ_K_* */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- utf8.c ----------------------------------------------------------- */
/* Decode one code point at s[i].  Returns its byte length (1..4);
 * *cp is the code point, or SJ_BADCP when the bytes are not valid UTF-8
 * (then the length is 1: one bad byte).  At or past the end (i >= n) there
 * is no character: *cp is SJ_NOCP (0: no class, digit or numeral matches
 * it) and the length 0, so a look-ahead never reads past s[n - 1]. */
#define SJ_BADCP 0xFFFFFFFFu
#define SJ_NOCP 0u
int sj_utf8_decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp);
/* The same decoding, always inlined, 3-byte Han first (the hot loops of
 * the tagger and the gazetteer walks use it). */
#if defined(__GNUC__) || defined(__clang__)
#define SJ_HOT static inline __attribute__((always_inline))
#else
#define SJ_HOT static inline
#endif
SJ_HOT int sj_utf8_dec(const char *s, size_t n, size_t i, uint32_t *cp) {
  if (i >= n) { *cp = SJ_NOCP; return 0; }
  const unsigned char *u = (const unsigned char *)s + i;
  unsigned c = u[0];
  if (c < 0x80) { *cp = c; return 1; }
  /* lead bytes E1..EC (U+1000..U+CFFF, all of CJK): no overlong form and
   * no surrogate possible, only the continuation bytes to check */
  if (c - 0xE1u < 0x0Cu && i + 2 < n && ((u[1] ^ 0x80u) | (u[2] ^ 0x80u)) < 0x40u) {
    *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return 3;
  }
  if ((c & 0xF0) == 0xE0) {
    if (i + 2 < n && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
      uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
    }
  } else if (c >= 0xC2 && c < 0xE0) {
    if (i + 1 < n && (u[1] & 0xC0) == 0x80) {
      *cp = ((uint32_t)(c & 0x1F) << 6) | (u[1] & 0x3F);
      return 2;
    }
  } else if (c >= 0xF0 && c < 0xF5 && i + 3 < n && (u[1] & 0xC0) == 0x80 &&
             (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80) {
    uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
                 ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
  }
  *cp = SJ_BADCP;
  return 1;
}

enum sj_cclass {
  SJ_C_OTHER = 0, /* symbols, emoji, other scripts */
  SJ_C_HAN,       /* CJK ideographs, 〇 */
  SJ_C_DIGIT,     /* 0-9 and full-width ０-９ */
  SJ_C_LATIN,     /* a-z A-Z, full-width Ａ-Ｚ ａ-ｚ, Latin letters with diacritics */
  SJ_C_SPACE,     /* white space incl. U+3000 */
  SJ_C_NEWLINE,   /* \n (\r is SPACE) */
  SJ_C_PUNCT,     /* punctuation (ASCII and CJK) */
  SJ_C_BAD        /* invalid byte */
};
int sj_cclass(uint32_t cp);
/* sj_cclass of an ASCII code point (cp < 0x80), inlined */
SJ_HOT int sj_cclass_ascii(uint32_t cp) {
  if (cp == '\n') return SJ_C_NEWLINE;
  if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') return SJ_C_SPACE;
  if (cp >= '0' && cp <= '9') return SJ_C_DIGIT;
  if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return SJ_C_LATIN;
  if (cp < 0x20 || cp == 0x7F) return SJ_C_OTHER;
  return SJ_C_PUNCT;
}
/* Value of a digit (ASCII or full-width) or -1. */
int sj_digit(uint32_t cp);
/* Value of a Chinese numeral character (零〇○一二两三...九 -> 0..9,
 * 十 10, 百 100, 千 1000, 万 1e4, 亿 1e8) or -1. */
long sj_cn_digit(uint32_t cp);

/* ---- arena.c ---------------------------------------------------------- */
typedef struct sj_arena {
  struct sj_chunk *head;
  size_t used, cap;
} sj_arena;

void sj_arena_init(sj_arena *a);
void sj_arena_free(sj_arena *a);
void *sj_arena_alloc(sj_arena *a, size_t n); /* 8-aligned, NULL on ENOMEM */
char *sj_arena_strndup(sj_arena *a, const char *s, size_t n);

/* A growable array of fixed-size items (malloc-backed). */
typedef struct sj_vec {
  void *data;
  size_t n, cap, size;
} sj_vec;
void sj_vec_init(sj_vec *v, size_t item_size);
void sj_vec_free(sj_vec *v);
void *sj_vec_push(sj_vec *v); /* pointer to a new zeroed item, NULL on ENOMEM */
int sj_vec_reserve(sj_vec *v, size_t n);
int sj_vec_reserve_exact(sj_vec *v, size_t n); /* room for exactly n (no doubling) */
#define SJ_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* ---- image.c: the embedded image -------------------------------------- */
/* A double-array trie over char ids.  Transition s --c--> t exists iff
 * t = base[s] + c < n and check[t] == s.  Code 0 is the word terminator;
 * base[] of a terminator cell holds the value index.  base and check of a
 * cell are stored side by side (one cache line per step). */
typedef struct sj_dat {
  const int32_t *cells; /* cells[2 * s] = base[s], cells[2 * s + 1] = check[s] */
  uint32_t n;
} sj_dat;

static inline int32_t sj_dat_next(const sj_dat *d, int32_t s, uint32_t c) {
  int64_t t = (int64_t)d->cells[2 * (size_t)s] + (int64_t)c;
  if (t <= 0 || t >= (int64_t)d->n || d->cells[2 * (size_t)t + 1] != s) return -1;
  return (int32_t)t;
}
/* The terminator cell of state s (a word ends at s), or -1. */
static inline int32_t sj_dat_term(const sj_dat *d, int32_t s) {
  int64_t t = d->cells[2 * (size_t)s];
  if (t <= 0 || t >= (int64_t)d->n || d->cells[2 * (size_t)t + 1] != s) return -1;
  return (int32_t)t;
}
/* In the lexicon trie a terminator cell's base holds the word's log
 * probability as float bits. */
static inline float sj_lex_logp(const sj_dat *d, int32_t t) {
  float f;
  memcpy(&f, &d->cells[2 * (size_t)t], sizeof f);
  return f;
}
static inline int32_t sj_dat_value(const sj_dat *d, int32_t s) {
  int64_t t = d->cells[2 * (size_t)s];
  if (t <= 0 || t >= (int64_t)d->n || d->cells[2 * (size_t)t + 1] != s) return -1;
  return d->cells[2 * (size_t)t];
}

typedef struct sj_image {
  const uint16_t *cmap;      /* code point < 0x10000 -> char id (0: none) */
  const uint32_t *bigmap;    /* pairs (cp, id) for cp >= 0x10000, sorted */
  uint32_t nbig;
  uint32_t nchars;           /* char ids are 1..nchars */
  sj_dat lex;                /* segmentation lexicon */
  const uint8_t *lex_pos;    /* per terminator cell: tag index */
  uint32_t nlex;
  double log_total;          /* log of the total frequency */
  uint32_t npos;
  const uint32_t *pos_off;   /* offsets of tag names in strs */
  const float *hmm_start;    /* [4] B M E S */
  const float *hmm_trans;    /* [4][4] */
  const float *hmm_emit;     /* [4][nchars + 1] */
  sj_dat gaz;                /* gazetteer */
  const uint32_t *gaz_off;   /* per value: offset of its payload in strs */
  uint32_t ngaz;
  const uint8_t *chinfo;     /* per char id: 1..10 Chinese digit 0..9, 11..15 十百千万亿, 0 none */
  const float *given;        /* per char id: log P(char | a given name); [nchars + 1],
                                [nchars + 2]: log P(given name of 1, 2 chars) */
  const float *namech;       /* per char id, [2 id]: log ratio P(c | given name) / P(c),
                                [2 id + 1]: log ratio P(c | transliterated name) / P(c) */
  const uint16_t *gaz_kind;  /* per gazetteer value: its SJ_K_* kinds (image.h) */
  const uint16_t *gaz_start; /* per char id: kinds of the entries starting with it */
  sj_dat suf;                /* reversed surfaces of the SJ_K_SUFFIXES entries */
  const char *strs;          /* string pool, NUL-terminated strings */
  uint32_t nstrs;
  const uint8_t *t2s_flags;  /* [0x10000]: SJ_T2S_* bits per BMP code point */
  const uint32_t *t2s_bmp;   /* [0x10000]: simplified cp | (1 + first phrase) << 16 */
  const uint32_t *t2s_chars; /* pairs (traditional cp, simplified cp), sorted */
  const uint32_t *t2s_phr;   /* per phrase: key off, key len, value off, value len */
  const char *t2s_strs;      /* the phrases' bytes (not NUL-terminated) */
  uint32_t nt2schars, nt2sphr, nt2sstrs;
  const uint32_t *cue_cls;   /* [ncuecls]: class names (offsets into strs), sorted */
  const uint64_t *cue_sets;  /* [ncuesets * cuew]: sets of class ids (bits) */
  const uint16_t *gaz_cue;   /* per gazetteer value: set of its cue classes */
  const uint16_t *cue_start; /* per char id: set of the classes of cues starting with it */
  uint32_t ncuecls, ncuesets, cuew;
  const uint16_t *cue_hash;  /* [ncuehash]: 1 + class id by sj_cue_hash of its name */
  uint32_t ncuehash;         /* a power of two */
} sj_image;

/* Map the embedded image (validated once per call; cheap). */
int sj_image_get(sj_image *img);
/* Map an image from memory (used by the image compiler's self-test). */
int sj_image_map(sj_image *img, const void *data, size_t len);

static inline uint32_t sj_image_char(const sj_image *img, uint32_t cp) {
  if (cp < 0x10000u) return img->cmap[cp];
  uint32_t lo = 0, hi = img->nbig;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    uint32_t c = img->bigmap[2 * mid];
    if (c == cp) return img->bigmap[2 * mid + 1];
    if (c < cp) lo = mid + 1; else hi = mid;
  }
  return 0;
}
const char *sj_image_pos(const sj_image *img, uint32_t posid);

/* ---- model.c ---------------------------------------------------------- */
/* The user layer: a trie over code points kept in a hash table. */
typedef struct sj_user {
  struct sj_unode *nodes; /* open-addressing table of (parent, cp) -> node */
  size_t cap, used;       /* table slots and used slots */
  uint32_t nnodes;        /* node ids: 0 is the root */
  float *logp;            /* per node: log prob if a word ends here, else 0 */
  uint8_t *term;          /* per node: 1 if a word ends here */
  const char **pos;       /* per node: tag (interned) */
  size_t ncap;
  size_t nwords;
  sj_arena strs;
} sj_user;

struct sj_model {
  sj_image img;
  sj_user user;
  double user_total;   /* frequency mass of the user layer */
  char errmsg[512];
};

/* Next node of the user trie from node by code point cp, or -1. */
int32_t sj_user_next(const sj_user *u, int32_t node, uint32_t cp);

/* ---- gazetteer look-up (for the tagger) ------------------------------- */
typedef struct sj_gaz_hit {
  uint32_t len;         /* bytes matched */
  uint16_t kinds;       /* SJ_K_* bits of the entry (image.h) */
  uint16_t cues;        /* the set of its cue classes (sj_cue_has) */
  const char *payload;  /* "kind\tfield\tfield..." lines, '\n'-separated
                           when one surface has several entries */
} sj_gaz_hit;
/* Cue classes (the field after `cue` in dict/gaz/cues-*.tsv) as ids: the
 * id of a class name, or -1 when no entry has it (model.c) */
int sj_cue_class(const sj_image *img, const char *name);
/* does the set s of cue classes (sj_gaz_hit.cues, cue_start) hold class c? */
static inline int sj_cue_has(const sj_image *img, uint32_t s, int c) {
  if (s >= img->ncuesets || c < 0) return 0;
  return (int)(img->cue_sets[(size_t)s * img->cuew + ((unsigned)c >> 6)] >> ((unsigned)c & 63) & 1);
}
/* The kinds of the gazetteer entries whose surface starts with the
 * character at text[pos] (0: no entry starts there; no walk needed). */
static inline uint32_t sj_gaz_start_kinds(const sj_model *m, const char *text, size_t len,
                                          size_t pos) {
  uint32_t cp;
  if (pos >= len) return 0;
  sj_utf8_dec(text, len, pos, &cp);
  if (cp == SJ_BADCP) return 0;
  return m->img.gaz_start[sj_image_char(&m->img, cp)];
}
/* The walk of sj_gaz_match, inlined where it is hot (the tagger's hit
 * cache); *any gets the union of the kinds of the hits. */
SJ_HOT int sj_gaz_walk(const sj_image *img, const char *text, size_t len, size_t pos,
                       uint32_t kinds, sj_gaz_hit *hits, int max, uint32_t *any) {
  int32_t st = 0;
  int n = 0;
  uint32_t u = 0;
  size_t i = pos;
  while (i < len && n < max) {
    uint32_t cp;
    i += (size_t)sj_utf8_dec(text, len, i, &cp);
    uint32_t id = cp == SJ_BADCP ? 0 : sj_image_char(img, cp);
    /* most walks end here: no entry of these kinds starts with the char */
    if (!id || (st == 0 && !(img->gaz_start[id] & kinds))) break;
    st = sj_dat_next(&img->gaz, st, id);
    if (st < 0) break;
    int32_t v = sj_dat_value(&img->gaz, st);
    if (v >= 0 && (uint32_t)v < img->ngaz && img->gaz_off[v] < img->nstrs &&
        (img->gaz_kind[v] & kinds)) {
      hits[n].len = (uint32_t)(i - pos);
      hits[n].kinds = img->gaz_kind[v];
      hits[n].cues = img->gaz_cue[v];
      hits[n].payload = img->strs + img->gaz_off[v];
      u |= hits[n].kinds;
      n++;
    }
  }
  *any = u;
  return n;
}
/* The gazetteer entries that start at text[pos] and have a kind in `kinds`
 * (SJ_K_* bits; 0 = any): shortest first.  Returns the number of hits
 * written (at most max). */
int sj_gaz_match(const sj_model *m, const char *text, size_t len, size_t pos, uint32_t kinds,
                 sj_gaz_hit *hits, int max);
/* The entries of the suffix kinds (SJ_K_SUFFIXES) in `kinds` that end
 * exactly at text[end] and start at or after lo: shortest first; an entry
 * starts at end - len.  Walks the reversed trie from end backwards. */
int sj_gaz_suffix(const sj_model *m, const char *text, size_t lo, size_t end, uint32_t kinds,
                  sj_gaz_hit *hits, int max);
/* Is text[a..b) exactly an entry of the kind bit `kind` (SJ_K_*)?  As
 * sj_gaz_find(..., name of kind) != NULL, without reading the payload. */
int sj_gaz_is(const sj_model *m, const char *text, size_t a, size_t b, uint32_t kind);
/* The payload line of kind `kind` of the entry that is exactly text[a..b),
 * pointing just past "kind\t" (the fields, up to '\n' or NUL), or NULL. */
const char *sj_gaz_find(const sj_model *m, const char *text, size_t len, size_t a, size_t b,
                        const char *kind);

/* ---- doc -------------------------------------------------------------- */
struct sj_doc {
  const char *text;   /* the caller's text: only valid during sj_analyze */
  size_t len;
  sj_arena arena;
  sj_vec tokens;      /* sj_token */
  sj_vec spans[4];    /* by sj_span_kind */
  sj_vec mentions;    /* sj_mention */
  sj_vec events;      /* sj_event */
  int ref_year, ref_month, ref_day;
  int script;         /* SJ_SCRIPT_* bits of the paragraphs seen (script.c) */
};

/* ---- seg.c, sent.c, tag.c --------------------------------------------- */
int sj_segment(sj_doc *d, const sj_model *m, unsigned segflags);
/* sj_segment that also tells (*trad) whether a character of the text is
 * one only traditional text uses (SJ_T2S_TRAD): when none is, the script
 * view would have converted nothing (sj_analyze segments first then). */
int sj_segment_trad(sj_doc *d, const sj_model *m, unsigned segflags, int *trad);
/* Log probability of the best cut of a word by the embedded lexicon. */
double sj_seg_word_logp(const sj_model *m, const char *w, size_t n);
int sj_sentences(sj_doc *d);
/* script.c: the simplified view of a traditional text and its offset map */
typedef struct sj_script_view sj_script_view;
int sj_script_view_new(const sj_model *m, const char *text, size_t len, unsigned mode,
                       sj_script_view **out);
const char *sj_script_view_text(const sj_script_view *v, size_t *len);
int sj_script_view_script(const sj_script_view *v);
/* Map the doc's offsets (and place strings) from the view back to the original text. */
int sj_script_map_back(const sj_script_view *v, sj_doc *d, const char *orig);
void sj_script_view_free(sj_script_view *v);
/* Needs tokens and spans; fills mentions (and events when want has
 * SJ_WANT_EVENTS).  Mentions are left sorted by start offset. */
int sj_tag(sj_doc *d, const sj_model *m, const sj_options *o);

#endif
