/*
 * sjdictc — the image compiler.  Reads the lexicon, HMM and gazetteer
 * sources in dict/ and writes the binary image (see csrc/core/image.h),
 * either raw (-b) or as a C source that embeds it (-c).
 *
 *   sjdictc -o build/image.c -c --lex dict/jieba/dict.txt --lex dict/extra.txt \
 *           --hmm dict/jieba/hmm.txt --gaz dict/gaz/a.tsv --gaz ...
 *
 * Lexicon lines: `word freq pos` (jieba).  Later files override earlier
 * ones word by word.  HMM lines: `start S p`, `trans A B p`, `emit S CHAR p`.
 * Gazetteer lines: `surface<TAB>kind<TAB>fields...`.  Script conversion
 * (--t2s, --script; dict/opencc/): `traditional<TAB>simplified`, `char<TAB>t|s`.
 */
#include "../core/core.h"
#include "../core/image.h"
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("sjdictc: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = xrealloc(NULL, n);
  memcpy(p, s, n);
  return p;
}

/* ---- UTF-8 (the library's strict decoder) -------------------------------- */
static int decode(const unsigned char *s, uint32_t *cp) {
  int l = sj_utf8_dec((const char *)s, strnlen((const char *)s, 4), 0, cp);
  return *cp == SJ_BADCP ? -1 : l;
}

/* ---- a string -> int hash map ------------------------------------------- */
typedef struct { char **keys; int *vals; size_t cap, n; } smap;

static uint64_t hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  while (*s) h = (h ^ (unsigned char)*s++) * 1099511628211ull;
  return h;
}

static int *smap_get(smap *m, const char *k, int insert) {
  if (insert && (m->n + 1) * 2 > m->cap) {
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    char **nk = xrealloc(NULL, ncap * sizeof *nk);
    int *nv = xrealloc(NULL, ncap * sizeof *nv);
    memset(nk, 0, ncap * sizeof *nk);
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->keys[i]) continue;
      size_t j = hash(m->keys[i]) & (ncap - 1);
      while (nk[j]) j = (j + 1) & (ncap - 1);
      nk[j] = m->keys[i];
      nv[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
  }
  if (!m->cap) return NULL;
  size_t j = hash(k) & (m->cap - 1);
  while (m->keys[j]) {
    if (!strcmp(m->keys[j], k)) return &m->vals[j];
    j = (j + 1) & (m->cap - 1);
  }
  if (!insert) return NULL;
  m->keys[j] = xstrdup(k);
  m->vals[j] = -1;
  m->n++;
  return &m->vals[j];
}

/* ---- entries ------------------------------------------------------------- */
typedef struct {
  char *word;
  double freq;
  int pos;         /* index into tags */
  char *payload;   /* gazetteer */
  uint32_t *ids;   /* char ids */
  int nids;
} entry;

typedef struct {
  entry *e;
  size_t n, cap;
  smap index;
} entries;

static entry *entries_get(entries *es, const char *word) {
  int *slot = smap_get(&es->index, word, 1);
  if (*slot >= 0) return &es->e[*slot];
  if (es->n == es->cap) {
    es->cap = es->cap ? es->cap * 2 : 4096;
    es->e = xrealloc(es->e, es->cap * sizeof *es->e);
  }
  *slot = (int)es->n;
  entry *e = &es->e[es->n++];
  memset(e, 0, sizeof *e);
  e->word = xstrdup(word);
  return e;
}

static entries lex, gaz;
static smap tags;
static char **tagnames;
static int ntags;
static double hmm_start[4], hmm_trans[16];
static int hmm_seen;
typedef struct { uint32_t cp; int state; double p; } emitrec;
static emitrec *emits;
static size_t nemits, capemits;

static int tag_id(const char *t) {
  int *slot = smap_get(&tags, t, 1);
  if (*slot < 0) {
    if (ntags == 255) die("too many part-of-speech tags");
    *slot = ntags;
    tagnames = xrealloc(tagnames, (size_t)(ntags + 1) * sizeof *tagnames);
    tagnames[ntags++] = xstrdup(t);
  }
  return *slot;
}

static int state_id(const char *s) {
  static const char st[] = "BMES";
  const char *p = s[0] && !s[1] ? strchr(st, s[0]) : NULL;
  return p ? (int)(p - st) : -1;
}

static FILE *open_in(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) die("%s: %s", path, strerror(errno));
  return f;
}

static char *chomp(char *line) {
  size_t n = strlen(line);
  while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
  if ((unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
      (unsigned char)line[2] == 0xBF)
    return line + 3;
  return line;
}

/* Call fn on each non-blank, non-comment line of path (BOM and CR removed). */
static void each_line(const char *path, void (*fn)(char *line, const char *path, int lineno)) {
  FILE *f = open_in(path);
  char buf[4096];
  int lineno = 0;
  while (fgets(buf, sizeof buf, f)) {
    lineno++;
    size_t n = strlen(buf);
    if (n == sizeof buf - 1 && buf[n - 1] != '\n') die("%s:%d: line too long", path, lineno);
    char *line = chomp(buf);
    if (!line[0] || line[0] == '#') continue;
    fn(line, path, lineno);
  }
  if (ferror(f)) die("%s: read error", path);
  fclose(f);
}

static void lex_line(char *line, const char *path, int lineno) {
  char *w = strtok(line, " \t");
  char *fr = strtok(NULL, " \t");
  char *pos = strtok(NULL, " \t");
  if (!w || !fr) die("%s:%d: expected `word freq [pos]`", path, lineno);
  char *end;
  double freq = strtod(fr, &end);
  if (*end || freq < 0) die("%s:%d: bad frequency '%s'", path, lineno, fr);
  entry *e = entries_get(&lex, w);
  e->freq = freq;
  e->pos = tag_id(pos ? pos : "x");
}

static void hmm_line(char *line, const char *path, int lineno) {
  char *k = strtok(line, " ");
  char *a = strtok(NULL, " ");
  char *b = strtok(NULL, " ");
  char *c = strtok(NULL, " ");
  if (!k || !a || !b) die("%s:%d: bad HMM line", path, lineno);
  int sa = state_id(a);
  if (sa < 0) die("%s:%d: bad state", path, lineno);
  if (!strcmp(k, "start")) {
    hmm_start[sa] = strtod(b, NULL);
  } else if (!strcmp(k, "trans") && c) {
    int sb = state_id(b);
    if (sb < 0) die("%s:%d: bad state", path, lineno);
    hmm_trans[sa * 4 + sb] = strtod(c, NULL);
  } else if (!strcmp(k, "emit") && c) {
    uint32_t cp;
    if (decode((unsigned char *)b, &cp) <= 0) die("%s:%d: bad char", path, lineno);
    if (nemits == capemits) {
      capemits = capemits ? capemits * 2 : 8192;
      emits = xrealloc(emits, capemits * sizeof *emits);
    }
    emits[nemits++] = (emitrec){cp, sa, strtod(c, NULL)};
  } else {
    die("%s:%d: bad HMM line", path, lineno);
  }
  hmm_seen = 1;
}

static void gaz_line(char *line, const char *path, int lineno) {
  char *tab = strchr(line, '\t');
  if (!tab || tab == line || !tab[1]) die("%s:%d: expected `surface<TAB>kind...`", path, lineno);
  *tab = 0;
  entry *e = entries_get(&gaz, line);
  const char *p = tab + 1;
  if (e->payload) {
    size_t n = strlen(e->payload) + strlen(p) + 2;
    char *np = xrealloc(NULL, n);
    snprintf(np, n, "%s\n%s", e->payload, p);
    free(e->payload);
    e->payload = np;
  } else {
    e->payload = xstrdup(p);
  }
}

/* chinfo of a code point: 1..10 for Chinese digits 0..9 (零〇○一二两…九 and
 * the financial forms), 11..15 for 十百千万亿 — from the library's own
 * sj_cn_digit, so the compiler and the tagger agree. */
static uint8_t cn_info(uint32_t cp) {
  long v = sj_cn_digit(cp);
  switch (v) {
  case -1: return 0;
  case 10: return 11;
  case 100: return 12;
  case 1000: return 13;
  case 10000: return 14;
  case 100000000: return 15;
  default: return (uint8_t)(v + 1);
  }
}

/* ---- char ids: most frequent first, for locality ------------------------ */
typedef struct { uint32_t cp; double weight; uint32_t id; } chrec;
static chrec *chars;
static size_t nchars_, capchars;
static smap charidx; /* key: decimal cp */

static chrec *char_get(uint32_t cp) {
  char k[16];
  snprintf(k, sizeof k, "%u", (unsigned)cp);
  int *slot = smap_get(&charidx, k, 1);
  if (*slot < 0) {
    if (nchars_ == capchars) {
      capchars = capchars ? capchars * 2 : 8192;
      chars = xrealloc(chars, capchars * sizeof *chars);
    }
    *slot = (int)nchars_;
    chars[nchars_++] = (chrec){cp, 0, 0};
  }
  return &chars[*slot];
}

static void collect_chars(entries *es, int weighted) {
  for (size_t i = 0; i < es->n; i++) {
    const unsigned char *s = (const unsigned char *)es->e[i].word;
    while (*s) {
      uint32_t cp;
      int l = decode(s, &cp);
      if (l <= 0) die("invalid UTF-8 in '%s'", es->e[i].word);
      char_get(cp)->weight += weighted ? es->e[i].freq + 1 : 1;
      s += l;
    }
  }
}

static int cmp_weight(const void *a, const void *b) {
  const chrec *x = a, *y = b;
  if (x->weight != y->weight) return x->weight > y->weight ? -1 : 1;
  return x->cp < y->cp ? -1 : x->cp > y->cp;
}

static uint32_t char_id(uint32_t cp) {
  char k[16];
  snprintf(k, sizeof k, "%u", (unsigned)cp);
  int *slot = smap_get(&charidx, k, 0);
  if (!slot) die("internal: unknown char");
  return chars[*slot].id;
}

static void ids_for(entries *es) {
  for (size_t i = 0; i < es->n; i++) {
    entry *e = &es->e[i];
    size_t n = strlen(e->word);
    e->ids = xrealloc(NULL, (n + 1) * sizeof *e->ids);
    const unsigned char *s = (const unsigned char *)e->word;
    e->nids = 0;
    while (*s) {
      uint32_t cp;
      s += decode(s, &cp);
      e->ids[e->nids++] = char_id(cp);
    }
  }
}

/* ---- double-array trie build --------------------------------------------- */
typedef struct {
  int32_t *base, *check;
  size_t cap;
  uint32_t n;         /* one past the highest used cell */
  size_t first_free;  /* every cell below it is used */
} dat;

static void dat_grow(dat *d, size_t need) {
  if (need <= d->cap) return;
  size_t ncap = d->cap ? d->cap : 1 << 16;
  while (ncap < need) ncap *= 2;
  d->base = xrealloc(d->base, ncap * sizeof *d->base);
  d->check = xrealloc(d->check, ncap * sizeof *d->check);
  for (size_t i = d->cap; i < ncap; i++) { d->base[i] = 0; d->check[i] = -1; }
  d->cap = ncap;
}

static int cmp_ids(const void *a, const void *b) {
  const entry *x = *(entry *const *)a, *y = *(entry *const *)b;
  int n = x->nids < y->nids ? x->nids : y->nids;
  for (int i = 0; i < n; i++)
    if (x->ids[i] != y->ids[i]) return x->ids[i] < y->ids[i] ? -1 : 1;
  return (x->nids > y->nids) - (x->nids < y->nids);
}

/* Place the children of state s for keys[lo..hi) at depth; value of a key
 * is its index in the value arrays (vidx). */
static void dat_place(dat *d, int32_t s, entry **keys, const int32_t *vidx,
                      size_t lo, size_t hi, int depth) {
  uint32_t *codes = xrealloc(NULL, (hi - lo) * sizeof *codes);
  size_t *starts = xrealloc(NULL, (hi - lo) * sizeof *starts);
  size_t nc = 0;
  for (size_t i = lo; i < hi; i++) {
    uint32_t c = keys[i]->nids > depth ? keys[i]->ids[depth] : 0;
    if (!nc || codes[nc - 1] != c) {
      codes[nc] = c;
      starts[nc++] = i;
    }
  }
  /* find a base */
  while (d->first_free < d->cap && d->check[d->first_free] >= 0) d->first_free++;
  size_t b = d->first_free > codes[0] ? d->first_free - codes[0] : 1;
  if (b < 1) b = 1;
  for (;; b++) {
    dat_grow(d, b + codes[nc - 1] + 1);
    size_t k;
    for (k = 0; k < nc; k++)
      if (d->check[b + codes[k]] >= 0) break;
    if (k == nc) break;
  }
  d->base[s] = (int32_t)b;
  for (size_t k = 0; k < nc; k++) {
    size_t t = b + codes[k];
    d->check[t] = s;
    if (t + 1 > d->n) d->n = (uint32_t)(t + 1);
  }
  for (size_t k = 0; k < nc; k++) {
    size_t t = b + codes[k];
    size_t end = k + 1 < nc ? starts[k + 1] : hi;
    if (codes[k] == 0) {
      d->base[t] = vidx[starts[k]];
    } else {
      dat_place(d, (int32_t)t, keys, vidx, starts[k], end, depth + 1);
    }
  }
  free(codes);
  free(starts);
}

/* Build a trie over es; fills order[i] = value index of sorted key i. */
static void dat_build(dat *d, entries *es, entry ***sorted_out) {
  entry **keys = xrealloc(NULL, es->n * sizeof *keys);
  for (size_t i = 0; i < es->n; i++) keys[i] = &es->e[i];
  qsort(keys, es->n, sizeof *keys, cmp_ids);
  int32_t *vidx = xrealloc(NULL, es->n * sizeof *vidx);
  for (size_t i = 0; i < es->n; i++) vidx[i] = (int32_t)(keys[i] - es->e);
  memset(d, 0, sizeof *d);
  dat_grow(d, 1 << 16);
  d->check[0] = 0; /* the root */
  d->first_free = 1;
  d->n = 1;
  if (es->n) dat_place(d, 0, keys, vidx, 0, es->n, 0);
  free(vidx);
  *sorted_out = keys;
}

static int32_t *interleave(const dat *d) {
  int32_t *c = xrealloc(NULL, (size_t)d->n * 2 * sizeof *c);
  for (uint32_t i = 0; i < d->n; i++) { c[2 * i] = d->base[i]; c[2 * i + 1] = d->check[i]; }
  return c;
}

/* ---- output -------------------------------------------------------------- */
typedef struct { unsigned char *p; size_t n, cap; } buf;

static size_t put(buf *b, const void *data, size_t n) {
  while (b->n % 8) {
    if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 1 << 20; b->p = xrealloc(b->p, b->cap); }
    b->p[b->n++] = 0;
  }
  size_t off = b->n;
  if (b->n + n > b->cap) {
    while (b->n + n > b->cap) b->cap = b->cap ? b->cap * 2 : 1 << 20;
    b->p = xrealloc(b->p, b->cap);
  }
  if (n) memcpy(b->p + b->n, data, n);
  b->n += n;
  return off;
}

static void put_byte(buf *b, unsigned char c) {
  if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 1 << 16; b->p = xrealloc(b->p, b->cap); }
  b->p[b->n++] = c;
}

/* ---- traditional -> simplified (dict/opencc/, read by script.c) --------- */
typedef struct { char *key, *val; size_t klen, vlen; } t2s_rec;
static t2s_rec *t2s;
static size_t nt2s, capt2s;
static uint8_t t2s_flags[0x10000];
static smap t2s_index;

static size_t utf8_count(const char *s, const char *path, int lineno) {
  size_t n = 0;
  for (const unsigned char *u = (const unsigned char *)s; *u; n++) {
    uint32_t cp;
    int l = decode(u, &cp);
    if (l <= 0) die("%s:%d: invalid UTF-8", path, lineno);
    u += l;
  }
  return n;
}

/* `traditional<TAB>simplified` */
static void t2s_line(char *line, const char *path, int lineno) {
  char *tab = strchr(line, '\t');
  if (!tab || tab == line || !tab[1] || strchr(tab + 1, '\t'))
    die("%s:%d: expected `traditional<TAB>simplified`", path, lineno);
  *tab = 0;
  utf8_count(line, path, lineno);
  utf8_count(tab + 1, path, lineno);
  int *slot = smap_get(&t2s_index, line, 1);
  if (*slot >= 0) die("%s:%d: `%s` mapped twice", path, lineno, line);
  *slot = (int)nt2s;
  if (nt2s == capt2s) {
    capt2s = capt2s ? capt2s * 2 : 4096;
    t2s = xrealloc(t2s, capt2s * sizeof *t2s);
  }
  t2s[nt2s++] = (t2s_rec){xstrdup(line), xstrdup(tab + 1), strlen(line), strlen(tab + 1)};
}

/* `char<TAB>t` (only traditional text uses it) or `char<TAB>s` (only simplified) */
static void script_line(char *line, const char *path, int lineno) {
  char *tab = strchr(line, '\t');
  if (!tab || tab == line || (strcmp(tab + 1, "t") && strcmp(tab + 1, "s")))
    die("%s:%d: expected `char<TAB>t|s`", path, lineno);
  *tab = 0;
  uint32_t cp;
  if (utf8_count(line, path, lineno) != 1) die("%s:%d: one character expected", path, lineno);
  decode((const unsigned char *)line, &cp);
  if (cp < 0x10000) t2s_flags[cp] |= tab[1] == 't' ? SJ_T2S_TRAD : SJ_T2S_SIMP;
}

static int cmp_u32pair(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_t2s_key(const void *a, const void *b) {
  const t2s_rec *x = a, *y = b;
  return strcmp(x->key, y->key);
}

/* SEC_T2S_*: one-code-point mappings as sorted pairs, the others (phrases)
 * sorted by key bytes with their strings in a pool of their own */
static void put_t2s(buf *img, sj_image_header *h) {
  uint32_t *bmp = xrealloc(NULL, 0x10000 * sizeof *bmp);
  memset(bmp, 0, 0x10000 * sizeof *bmp);
  uint32_t *pairs = xrealloc(NULL, (nt2s * 2 + 2) * sizeof *pairs);
  uint32_t *phr = xrealloc(NULL, (nt2s * 4 + 4) * sizeof *phr);
  buf pool = {0};
  size_t nc = 0, np = 0;
  qsort(t2s, nt2s, sizeof *t2s, cmp_t2s_key);
  for (size_t i = 0; i < nt2s; i++) {
    const t2s_rec *r = &t2s[i];
    uint32_t kc, vc;
    int kl = decode((const unsigned char *)r->key, &kc);
    int vl = decode((const unsigned char *)r->val, &vc);
    if ((size_t)kl == r->klen && (size_t)vl == r->vlen) {
      pairs[2 * nc] = kc;
      pairs[2 * nc++ + 1] = vc;
      if (kc < 0x10000) t2s_flags[kc] |= SJ_T2S_CHAR;
      if (kc < 0x10000 && vc < 0x10000) bmp[kc] |= vc;
      continue;
    }
    if (kc >= 0x10000) die("t2s: phrase `%s` starts beyond the BMP", r->key);
    t2s_flags[kc] |= SJ_T2S_PHRASE;
    if (np >= 0xFFFF) die("t2s: too many phrases");
    if (!(bmp[kc] >> 16)) bmp[kc] |= (uint32_t)(np + 1) << 16;
    phr[4 * np] = (uint32_t)pool.n;
    phr[4 * np + 1] = (uint32_t)r->klen;
    for (size_t k = 0; k < r->klen; k++) put_byte(&pool, (unsigned char)r->key[k]);
    phr[4 * np + 2] = (uint32_t)pool.n;
    phr[4 * np + 3] = (uint32_t)r->vlen;
    for (size_t k = 0; k < r->vlen; k++) put_byte(&pool, (unsigned char)r->val[k]);
    np++;
  }
  qsort(pairs, nc, 2 * sizeof *pairs, cmp_u32pair);
  h->off[SEC_T2S_FLAGS] = (uint32_t)put(img, t2s_flags, sizeof t2s_flags);
  h->len[SEC_T2S_FLAGS] = (uint32_t)sizeof t2s_flags;
  h->off[SEC_T2S_CHARS] = (uint32_t)put(img, pairs, nc * 2 * sizeof *pairs);
  h->len[SEC_T2S_CHARS] = (uint32_t)(nc * 2 * sizeof *pairs);
  h->off[SEC_T2S_PHR] = (uint32_t)put(img, phr, np * 4 * sizeof *phr);
  h->len[SEC_T2S_PHR] = (uint32_t)(np * 4 * sizeof *phr);
  h->off[SEC_T2S_STRS] = (uint32_t)put(img, pool.p, pool.n);
  h->len[SEC_T2S_STRS] = (uint32_t)pool.n;
  h->off[SEC_T2S_BMP] = (uint32_t)put(img, bmp, 0x10000 * sizeof *bmp);
  h->len[SEC_T2S_BMP] = 0x10000 * sizeof *bmp;
  h->nt2schars = (uint32_t)nc;
  h->nt2sphr = (uint32_t)np;
  free(bmp);
  free(pairs);
  free(phr);
  free(pool.p);
}

/* ---- cue classes (SEC_CUE_*) --------------------------------------------- */
static size_t pool_add(buf *strs, const char *s, size_t n) {
  size_t off = strs->n;
  if (strs->n + n + 1 > strs->cap) {
    strs->cap = (strs->n + n + 1) * 2 + 4096;
    strs->p = xrealloc(strs->p, strs->cap);
  }
  memcpy(strs->p + strs->n, s, n);
  strs->p[strs->n + n] = 0;
  strs->n += n + 1;
  return off;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Call fn on the class of each cue line ("cue<TAB>class[<TAB>...]") of a
 * payload: exactly the lines the tagger's string look-ups matched. */
static void each_cue(const char *payload, void (*fn)(const char *c, size_t l, void *arg), void *arg) {
  for (const char *p = payload; *p;) {
    if (!strncmp(p, "cue\t", 4)) fn(p + 4, strcspn(p + 4, "\t\n"), arg);
    p += strcspn(p, "\n");
    if (*p) p++;
  }
}

typedef struct { smap *cls; char ***names; size_t *n; } cue_collect;
static void cue_name(const char *c, size_t l, void *arg) {
  cue_collect *cc = arg;
  char *k = xrealloc(NULL, l + 1);
  memcpy(k, c, l);
  k[l] = 0;
  if (!smap_get(cc->cls, k, 0)) {
    *smap_get(cc->cls, k, 1) = 0;
    *cc->names = xrealloc(*cc->names, (*cc->n + 1) * sizeof **cc->names);
    (*cc->names)[(*cc->n)++] = k;
  } else {
    free(k);
  }
}

typedef struct { smap *cls; uint64_t *bits; } cue_bits;
static void cue_bit(const char *c, size_t l, void *arg) {
  cue_bits *cb = arg;
  char k[256];
  if (l >= sizeof k) die("cue class too long: %.*s", (int)l, c);
  memcpy(k, c, l);
  k[l] = 0;
  int id = *smap_get(cb->cls, k, 0);
  cb->bits[id / 64] |= (uint64_t)1 << (id % 64);
}

/* the index of a set of classes (w words) among the distinct sets */
static uint16_t cue_set(smap *idx, buf *sets, const uint64_t *bits, uint32_t w) {
  char key[16 * 64 + 1];
  if (w > 64) die("too many cue classes");
  for (uint32_t k = 0; k < w; k++) snprintf(key + 16 * k, 17, "%016llx", (unsigned long long)bits[k]);
  int *slot = smap_get(idx, key, 1);
  if (*slot < 0) {
    size_t n = sets->n / (w * sizeof *bits);
    if (n >= 65535) die("too many distinct cue class sets");
    *slot = (int)n;
    for (uint32_t k = 0; k < w * sizeof *bits; k++) put_byte(sets, ((const unsigned char *)bits)[k]);
  }
  return (uint16_t)*slot;
}

/* The cue classes as ids: their names (into the string pool), per value
 * and per first character the set of classes (the tagger asks "a cue of
 * class X here?" without reading a payload, and most asks end at the
 * first character). */
static void put_cues(buf *img, sj_image_header *h, buf *strs) {
  smap cls = {0}, setidx = {0};
  char **names = NULL;
  size_t nn = 0;
  cue_collect cc = {&cls, &names, &nn};
  for (size_t i = 0; i < gaz.n; i++) each_cue(gaz.e[i].payload, cue_name, &cc);
  if (nn) qsort(names, nn, sizeof *names, cmp_str);
  uint32_t *noff = xrealloc(NULL, (nn + 1) * sizeof *noff);
  for (size_t i = 0; i < nn; i++) {
    *smap_get(&cls, names[i], 0) = (int)i;
    noff[i] = (uint32_t)pool_add(strs, names[i], strlen(names[i]));
  }
  uint32_t w = (uint32_t)(nn + 63) / 64;
  if (!w) w = 1;
  uint64_t *bits = xrealloc(NULL, w * sizeof *bits);
  uint64_t *start = xrealloc(NULL, (nchars_ + 1) * w * sizeof *start);
  memset(start, 0, (nchars_ + 1) * w * sizeof *start);
  uint16_t *gcue = xrealloc(NULL, (gaz.n ? gaz.n : 1) * sizeof *gcue);
  uint16_t *cstart = xrealloc(NULL, (nchars_ + 1) * sizeof *cstart);
  buf sets = {0};
  memset(bits, 0, w * sizeof *bits);
  cue_set(&setidx, &sets, bits, w); /* set 0: none */
  for (size_t i = 0; i < gaz.n; i++) {
    memset(bits, 0, w * sizeof *bits);
    cue_bits cb = {&cls, bits};
    each_cue(gaz.e[i].payload, cue_bit, &cb);
    gcue[i] = cue_set(&setidx, &sets, bits, w);
    if (gaz.e[i].nids > 0)
      for (uint32_t k = 0; k < w; k++) start[(size_t)gaz.e[i].ids[0] * w + k] |= bits[k];
  }
  for (size_t c = 0; c <= nchars_; c++) cstart[c] = cue_set(&setidx, &sets, start + c * w, w);
  h->ncuecls = (uint32_t)nn;
  h->cuew = w;
  h->ncuesets = (uint32_t)(sets.n / (w * sizeof *bits));
  h->off[SEC_CUE_CLS] = (uint32_t)put(img, noff, nn * sizeof *noff);
  h->len[SEC_CUE_CLS] = (uint32_t)(nn * sizeof *noff);
  h->off[SEC_CUE_SETS] = (uint32_t)put(img, sets.p, sets.n);
  h->len[SEC_CUE_SETS] = (uint32_t)sets.n;
  h->off[SEC_GAZ_CUE] = (uint32_t)put(img, gcue, gaz.n * sizeof *gcue);
  h->len[SEC_GAZ_CUE] = (uint32_t)(gaz.n * sizeof *gcue);
  h->off[SEC_CUE_START] = (uint32_t)put(img, cstart, (nchars_ + 1) * sizeof *cstart);
  h->len[SEC_CUE_START] = (uint32_t)((nchars_ + 1) * sizeof *cstart);
  size_t hn = 2;
  while (hn < 2 * nn) hn *= 2;
  uint16_t *ht = xrealloc(NULL, hn * sizeof *ht);
  memset(ht, 0, hn * sizeof *ht);
  for (size_t i = 0; i < nn; i++) {
    size_t j = sj_cue_hash(names[i]) & (hn - 1);
    while (ht[j]) j = (j + 1) & (hn - 1);
    ht[j] = (uint16_t)(i + 1);
  }
  h->off[SEC_CUE_HASH] = (uint32_t)put(img, ht, hn * sizeof *ht);
  h->len[SEC_CUE_HASH] = (uint32_t)(hn * sizeof *ht);
  free(ht);
  for (size_t i = 0; i < nn; i++) free(names[i]);
  free(names);
  free(noff);
  free(bits);
  free(start);
  free(gcue);
  free(cstart);
  free(sets.p);
}

static void write_c(const char *path, const buf *b) {
  FILE *f = fopen(path, "wb");
  if (!f) die("%s: %s", path, strerror(errno));
  fprintf(f, "/* Generated by sjdictc from dict/: do not edit. */\n"
             "#include <stddef.h>\n#include <stdint.h>\n"
             "#if defined(__GNUC__)\n#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n#endif\n"
             "extern const size_t sj_embedded_image_size;\n"
             "extern const unsigned char *const sj_embedded_image_ptr;\n"
             "static const union { uint64_t align; unsigned char bytes[%zu]; } image = { .bytes =\n\"",
          b->n);
  int col = 0;
  for (size_t i = 0; i < b->n; i++) {
    unsigned c = b->p[i];
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?') {
      fputc((int)c, f);
      col++;
    } else {
      fprintf(f, "\\%03o", c);
      col += 4;
    }
    if (col >= 120 && i + 1 < b->n) { fputs("\"\n\"", f); col = 0; }
  }
  fprintf(f, "\"};\nconst size_t sj_embedded_image_size = %zu;\n"
             "const unsigned char *const sj_embedded_image_ptr = image.bytes;\n", b->n);
  if (fclose(f)) die("%s: write failed", path);
}

/* Per char id, how much likelier it is in a person's name than in words at
 * large (log ratios, each lexicon entry counting once): out[2 * id] for the
 * given names of Chinese names (nr, nrfg of 2-3 chars after a surname
 * char), out[2 * id + 1] for transliterated names (nrt).  The tagger uses
 * them to tell a name the lexicon tags nr from a common word it mistags. */
static int is_surname_char(const entry *e) {
  char first[8];
  uint32_t cp;
  int l = decode((const unsigned char *)e->word, &cp);
  if (l <= 0 || l >= (int)sizeof first) return 0;
  memcpy(first, e->word, (size_t)l);
  first[l] = 0;
  int *gi = smap_get(&gaz.index, first, 0);
  return gi && strstr(gaz.e[*gi].payload, "surname") != NULL;
}

static void name_ratios(float *out) {
  size_t nc = nchars_ + 1;
  double *all = xrealloc(NULL, 3 * nc * sizeof *all), *giv = all + nc, *tr = giv + nc;
  double ta = 0, tg = 0, tt = 0;
  for (size_t i = 0; i < 3 * nc; i++) all[i] = 0;
  for (size_t i = 0; i < lex.n; i++) {
    const entry *e = &lex.e[i];
    const char *tag = tagnames[e->pos];
    int nrt = tag[0] == 'n' && tag[1] == 'r' && tag[2] == 't';
    int nr = tag[0] == 'n' && tag[1] == 'r' && !nrt && e->nids >= 2 && e->nids <= 3 &&
             is_surname_char(e);
    for (int k = 0; k < e->nids; k++) {
      all[e->ids[k]] += 1; ta += 1;
      if (nrt) { tr[e->ids[k]] += 1; tt += 1; }
      if (nr && k > 0) { giv[e->ids[k]] += 1; tg += 1; }
    }
  }
  for (size_t i = 0; i < nc; i++) {
    double ga = log((all[i] + 0.5) / (ta + 0.5 * (double)nc));
    out[2 * i] = (float)(log((giv[i] + 0.1) / (tg + 0.1 * (double)nc)) - ga);
    out[2 * i + 1] = (float)(log((tr[i] + 0.1) / (tt + 0.1 * (double)nc)) - ga);
  }
  free(all);
}

int main(int argc, char **argv) {
  const char *out = NULL;
  int as_c = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "-c")) as_c = 1;
    else if (!strcmp(argv[i], "-b")) as_c = 0;
    else if (!strcmp(argv[i], "--lex") && i + 1 < argc) each_line(argv[++i], lex_line);
    else if (!strcmp(argv[i], "--hmm") && i + 1 < argc) each_line(argv[++i], hmm_line);
    else if (!strcmp(argv[i], "--gaz") && i + 1 < argc) each_line(argv[++i], gaz_line);
    else if (!strcmp(argv[i], "--t2s") && i + 1 < argc) each_line(argv[++i], t2s_line);
    else if (!strcmp(argv[i], "--script") && i + 1 < argc) each_line(argv[++i], script_line);
    else die("usage: sjdictc -o OUT [-c|-b] --lex FILE... --hmm FILE --gaz FILE... "
             "[--t2s FILE] [--script FILE]");
  }
  if (!out) die("no output (-o)");
  if (!hmm_seen) die("no HMM (--hmm)");

  /* chars: lexicon (weighted by frequency), HMM, gazetteer */
  collect_chars(&lex, 1);
  for (size_t i = 0; i < nemits; i++) char_get(emits[i].cp)->weight += 0.5;
  collect_chars(&gaz, 0);
  for (uint32_t cp = 0x2500; cp < 0x10000; cp++) /* every numeral char gets an id */
    if (cn_info(cp)) char_get(cp);
  qsort(chars, nchars_, sizeof *chars, cmp_weight);
  if (nchars_ >= 65535) die("too many distinct characters");
  for (size_t i = 0; i < nchars_; i++) chars[i].id = (uint32_t)(i + 1);
  /* the char index stores positions; rebuild it after sorting */
  for (size_t i = 0; i < charidx.cap; i++) {
    if (!charidx.keys[i]) continue;
    free(charidx.keys[i]);
    charidx.keys[i] = NULL;
  }
  charidx.n = 0;
  for (size_t i = 0; i < nchars_; i++) {
    char k[16];
    snprintf(k, sizeof k, "%u", (unsigned)chars[i].cp);
    *smap_get(&charidx, k, 1) = (int)i;
  }
  ids_for(&lex);
  ids_for(&gaz);

  double total = 0;
  for (size_t i = 0; i < lex.n; i++) total += lex.e[i].freq;
  if (total <= 0) die("empty lexicon");
  double logtotal = log(total);

  /* string pool */
  buf strs = {0};
  uint32_t *pos_off = xrealloc(NULL, (size_t)(ntags ? ntags : 1) * sizeof *pos_off);
  for (int i = 0; i < ntags; i++) {
    pos_off[i] = (uint32_t)strs.n;
    size_t n = strlen(tagnames[i]) + 1;
    if (strs.n + n > strs.cap) { strs.cap = (strs.n + n) * 2 + 4096; strs.p = xrealloc(strs.p, strs.cap); }
    memcpy(strs.p + strs.n, tagnames[i], n);
    strs.n += n;
  }

  dat dl, dg, ds;
  entry **lsorted, **gsorted, **ssorted;
  dat_build(&dl, &lex, &lsorted);
  dat_build(&dg, &gaz, &gsorted);
  free(lsorted);
  free(gsorted);

  /* gazetteer kinds: per value (union of its entries' kinds) and per first
   * character; the reversed trie of the suffix kinds, whose values are
   * remapped to the gazetteer's value indices */
  uint16_t *gkind = xrealloc(NULL, (gaz.n ? gaz.n : 1) * sizeof *gkind);
  uint16_t *gstart = xrealloc(NULL, (nchars_ + 1) * sizeof *gstart);
  memset(gstart, 0, (nchars_ + 1) * sizeof *gstart);
  entries suf = {0};
  size_t *suf_of = xrealloc(NULL, (gaz.n ? gaz.n : 1) * sizeof *suf_of);
  for (size_t i = 0; i < gaz.n; i++) {
    const entry *e = &gaz.e[i];
    uint32_t k = 0;
    for (const char *p = e->payload; *p;) {
      const char *q = p;
      while (*q && *q != '\t' && *q != '\n') q++;
      uint32_t b = sj_kind_bit(p, (size_t)(q - p));
      if (!b) die("gazetteer entry %s: unknown kind `%.*s`", e->word, (int)(q - p), p);
      k |= b;
      while (*q && *q != '\n') q++;
      p = *q ? q + 1 : q;
    }
    gkind[i] = (uint16_t)k;
    if (e->nids > 0) gstart[e->ids[0]] |= (uint16_t)k;
    if ((k & SJ_K_SUFFIXES) && e->nids > 0) {
      if (suf.n == suf.cap) {
        suf.cap = suf.cap ? suf.cap * 2 : 256;
        suf.e = xrealloc(suf.e, suf.cap * sizeof *suf.e);
      }
      entry *r = &suf.e[suf.n];
      memset(r, 0, sizeof *r);
      r->ids = xrealloc(NULL, (size_t)e->nids * sizeof *r->ids);
      for (int j = 0; j < e->nids; j++) r->ids[j] = e->ids[e->nids - 1 - j];
      r->nids = e->nids;
      suf_of[suf.n++] = i;
    }
  }
  dat_build(&ds, &suf, &ssorted);
  free(ssorted);
  for (uint32_t t = 1; t < ds.n; t++) {
    int32_t par = ds.check[t];
    if (par < 0 || ds.base[par] != (int32_t)t) continue; /* terminator cells */
    ds.base[t] = (int32_t)suf_of[ds.base[t]];
  }

  /* lexicon terminator cells: base = log probability (float bits), tag per cell */
  uint8_t *posv = xrealloc(NULL, dl.n ? dl.n : 1);
  memset(posv, 0, dl.n ? dl.n : 1);
  for (uint32_t t = 1; t < dl.n; t++) {
    int32_t par = dl.check[t];
    if (par < 0 || dl.base[par] != (int32_t)t) continue;
    const entry *e = &lex.e[dl.base[t]];
    float lp = (float)(log(e->freq > 0 ? e->freq : 1) - logtotal);
    memcpy(&dl.base[t], &lp, sizeof lp);
    posv[t] = (uint8_t)e->pos;
  }
  uint32_t *gaz_off = xrealloc(NULL, (gaz.n ? gaz.n : 1) * sizeof *gaz_off);
  for (size_t i = 0; i < gaz.n; i++) {
    gaz_off[i] = (uint32_t)strs.n;
    size_t n = strlen(gaz.e[i].payload) + 1;
    if (strs.n + n > strs.cap) { strs.cap = (strs.n + n) * 2 + 4096; strs.p = xrealloc(strs.p, strs.cap); }
    memcpy(strs.p + strs.n, gaz.e[i].payload, n);
    strs.n += n;
  }

  /* char maps */
  uint16_t *cmap = xrealloc(NULL, 0x10000 * sizeof *cmap);
  memset(cmap, 0, 0x10000 * sizeof *cmap);
  uint32_t *big = xrealloc(NULL, (nchars_ * 2 + 2) * sizeof *big);
  uint32_t nbig = 0;
  /* big map sorted by cp: chars[] is sorted by weight, so collect then sort */
  for (size_t i = 0; i < nchars_; i++) {
    if (chars[i].cp < 0x10000) cmap[chars[i].cp] = (uint16_t)chars[i].id;
    else { big[2 * nbig] = chars[i].cp; big[2 * nbig + 1] = chars[i].id; nbig++; }
  }
  for (uint32_t i = 1; i < nbig; i++) /* insertion sort: there are few */
    for (uint32_t j = i; j > 0 && big[2 * (j - 1)] > big[2 * j]; j--) {
      uint32_t t0 = big[2 * j], t1 = big[2 * j + 1];
      big[2 * j] = big[2 * (j - 1)]; big[2 * j + 1] = big[2 * (j - 1) + 1];
      big[2 * (j - 1)] = t0; big[2 * (j - 1) + 1] = t1;
    }

  /* HMM */
  size_t nh = 4 + 16 + 4 * (nchars_ + 1);
  float *hmm = xrealloc(NULL, nh * sizeof *hmm);
  for (int i = 0; i < 4; i++) hmm[i] = (float)(hmm_start[i] < -1e30 ? -1e30 : hmm_start[i]);
  for (int i = 0; i < 16; i++) hmm[4 + i] = (float)(hmm_trans[i] == 0 ? -1e30 : hmm_trans[i]);
  for (size_t i = 20; i < nh; i++) hmm[i] = -1e30f;
  for (size_t i = 0; i < nemits; i++) {
    uint32_t id = char_id(emits[i].cp);
    hmm[20 + (size_t)emits[i].state * (nchars_ + 1) + id] = (float)emits[i].p;
  }

  sj_image_header h;
  memset(&h, 0, sizeof h);
  buf img = {0};
  put(&img, &h, sizeof h);
  h.off[SEC_CMAP] = (uint32_t)put(&img, cmap, 0x10000 * sizeof *cmap);
  h.len[SEC_CMAP] = 0x10000 * sizeof *cmap;
  h.off[SEC_BIGMAP] = (uint32_t)put(&img, big, nbig * 2 * sizeof *big);
  h.len[SEC_BIGMAP] = nbig * 2 * sizeof *big;
  int32_t *cells = interleave(&dl);
  h.off[SEC_LEX_CELLS] = (uint32_t)put(&img, cells, dl.n * 2 * sizeof(int32_t));
  h.len[SEC_LEX_CELLS] = dl.n * 2 * sizeof(int32_t);
  free(cells);
  h.off[SEC_LEX_POS] = (uint32_t)put(&img, posv, dl.n);
  h.len[SEC_LEX_POS] = dl.n;
  h.off[SEC_POS_OFF] = (uint32_t)put(&img, pos_off, (size_t)ntags * sizeof *pos_off);
  h.len[SEC_POS_OFF] = (uint32_t)((size_t)ntags * sizeof *pos_off);
  h.off[SEC_HMM] = (uint32_t)put(&img, hmm, nh * sizeof *hmm);
  h.len[SEC_HMM] = (uint32_t)(nh * sizeof *hmm);
  cells = interleave(&dg);
  h.off[SEC_GAZ_CELLS] = (uint32_t)put(&img, cells, dg.n * 2 * sizeof(int32_t));
  h.len[SEC_GAZ_CELLS] = dg.n * 2 * sizeof(int32_t);
  free(cells);
  h.off[SEC_GAZ_OFF] = (uint32_t)put(&img, gaz_off, gaz.n * sizeof *gaz_off);
  h.len[SEC_GAZ_OFF] = (uint32_t)(gaz.n * sizeof *gaz_off);
  uint8_t *chinfo = xrealloc(NULL, nchars_ + 1);
  memset(chinfo, 0, nchars_ + 1);
  for (size_t i = 0; i < nchars_; i++) chinfo[chars[i].id] = cn_info(chars[i].cp);
  h.off[SEC_CHINFO] = (uint32_t)put(&img, chinfo, nchars_ + 1);
  h.len[SEC_CHINFO] = (uint32_t)(nchars_ + 1);
  h.off[SEC_GAZ_KIND] = (uint32_t)put(&img, gkind, gaz.n * sizeof *gkind);
  h.len[SEC_GAZ_KIND] = (uint32_t)(gaz.n * sizeof *gkind);
  h.off[SEC_GAZ_START] = (uint32_t)put(&img, gstart, (nchars_ + 1) * sizeof *gstart);
  h.len[SEC_GAZ_START] = (uint32_t)((nchars_ + 1) * sizeof *gstart);
  cells = interleave(&ds);
  h.off[SEC_SUF_CELLS] = (uint32_t)put(&img, cells, ds.n * 2 * sizeof(int32_t));
  h.len[SEC_SUF_CELLS] = ds.n * 2 * sizeof(int32_t);
  free(cells);
  /* given-name characters: the lexicon's person names (tag nr, nrfg; not
   * the transliterated nrt) of 2-3 characters after a one-character
   * gazetteer surname; each name counts once */
  size_t ngiven = (nchars_ + 3) + 2 * (nchars_ + 1);
  float *given = xrealloc(NULL, ngiven * sizeof *given);
  {
    double *cnt = xrealloc(NULL, (nchars_ + 1) * sizeof *cnt), tot = 0, len1 = 0, len2 = 0;
    for (size_t i = 0; i <= nchars_; i++) cnt[i] = 0;
    name_ratios(given + nchars_ + 3);
    for (size_t i = 0; i < lex.n; i++) {
      const entry *e = &lex.e[i];
      const char *tag = tagnames[e->pos];
      if (tag[0] != 'n' || tag[1] != 'r' || tag[2] == 't' || e->nids < 2 || e->nids > 3) continue;
      char first[8];
      uint32_t cp;
      int l = decode((const unsigned char *)e->word, &cp);
      if (l <= 0 || l >= (int)sizeof first) continue;
      memcpy(first, e->word, (size_t)l);
      first[l] = 0;
      int *gi = smap_get(&gaz.index, first, 0);
      if (!gi || !strstr(gaz.e[*gi].payload, "surname")) continue;
      for (int k = 1; k < e->nids; k++) { cnt[e->ids[k]] += 1; tot += 1; }
      if (e->nids == 2) len1 += 1; else len2 += 1;
    }
    for (size_t i = 0; i <= nchars_; i++)
      given[i] = (float)log((cnt[i] + 0.1) / (tot + 0.1 * (double)(nchars_ + 1)));
    given[nchars_ + 1] = (float)log((len1 + 1) / (len1 + len2 + 2));
    given[nchars_ + 2] = (float)log((len2 + 1) / (len1 + len2 + 2));
    free(cnt);
  }
  h.off[SEC_GIVEN] = (uint32_t)put(&img, given, ngiven * sizeof *given);
  h.len[SEC_GIVEN] = (uint32_t)(ngiven * sizeof *given);
  free(given);
  put_t2s(&img, &h);
  put_cues(&img, &h, &strs);
  h.off[SEC_STRS] = (uint32_t)put(&img, strs.p, strs.n);
  h.len[SEC_STRS] = (uint32_t)strs.n;
  put(&img, NULL, 0);

  h.magic = SJ_IMAGE_MAGIC;
  h.version = SJ_IMAGE_VERSION;
  h.total = (uint32_t)img.n;
  h.nchars = (uint32_t)nchars_;
  h.nbig = nbig;
  h.nlexcells = dl.n;
  h.nlex = (uint32_t)lex.n;
  h.npos = (uint32_t)ntags;
  h.ngazcells = dg.n;
  h.ngaz = (uint32_t)gaz.n;
  h.nsufcells = ds.n;
  h.nstrs = (uint32_t)strs.n;
  h.log_total_milli = (uint32_t)llround(logtotal * 1e6);
  memcpy(img.p, &h, sizeof h);

  if (as_c) {
    write_c(out, &img);
  } else {
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(img.p, 1, img.n, f) != img.n || fclose(f)) die("%s: write failed", out);
  }
  fprintf(stderr, "sjdictc: %zu words, %zu gazetteer entries (%zu suffixes), %zu chars, "
          "%u+%u+%u cells, %zu bytes\n", lex.n, gaz.n, suf.n, nchars_, dl.n, dg.n, ds.n, img.n);
  return 0;
}
