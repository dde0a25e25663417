/* model.c — sj_model: the embedded image plus a user layer of words added
 * at run time (a code-point trie kept in a hash table), and user
 * dictionaries loaded all-or-nothing. */
#include "core.h"
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sj_unode {
  int32_t parent; /* -1: empty slot */
  uint32_t cp;
  int32_t child;
};

#define MAX_WORD 255

static void seterr(sj_model *m, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m->errmsg, sizeof m->errmsg, fmt, ap);
  va_end(ap);
}

const char *sj_strerror(int code) {
  switch (code) {
  case SJ_OK: return "ok";
  case SJ_ENOMEM: return "out of memory";
  case SJ_EINVAL: return "invalid argument";
  case SJ_ETOOBIG: return "input too large (more than 2 GiB)";
  case SJ_EIO: return "cannot read file";
  case SJ_EDICT: return "malformed dictionary";
  case SJ_ECORRUPT: return "embedded image is corrupt";
  default: return "unknown error";
  }
}

const char *sj_version(void) { return SJ_VERSION; }

/* ---- user trie ------------------------------------------------------- */
static uint64_t slot_hash(int32_t parent, uint32_t cp) {
  uint64_t h = ((uint64_t)(uint32_t)parent << 32) | cp;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

int32_t sj_user_next(const sj_user *u, int32_t node, uint32_t cp) {
  if (!u->cap) return -1;
  size_t mask = u->cap - 1, i = slot_hash(node, cp) & mask;
  for (;;) {
    const struct sj_unode *s = &u->nodes[i];
    if (s->parent < 0) return -1;
    if (s->parent == node && s->cp == cp) return s->child;
    i = (i + 1) & mask;
  }
}

static void user_free(sj_user *u) {
  free(u->nodes);
  free(u->logp);
  free(u->term);
  free(u->pos);
  sj_arena_free(&u->strs);
  memset(u, 0, sizeof *u);
}

static int user_grow_table(sj_user *u) {
  size_t ncap = u->cap ? u->cap * 2 : 256;
  struct sj_unode *nt = malloc(ncap * sizeof *nt);
  if (!nt) return SJ_ENOMEM;
  for (size_t i = 0; i < ncap; i++) nt[i].parent = -1;
  for (size_t i = 0; i < u->cap; i++) {
    if (u->nodes[i].parent < 0) continue;
    size_t j = slot_hash(u->nodes[i].parent, u->nodes[i].cp) & (ncap - 1);
    while (nt[j].parent >= 0) j = (j + 1) & (ncap - 1);
    nt[j] = u->nodes[i];
  }
  free(u->nodes);
  u->nodes = nt;
  u->cap = ncap;
  return SJ_OK;
}

static int user_grow_nodes(sj_user *u) {
  size_t ncap = u->ncap ? u->ncap * 2 : 256;
  float *lp = realloc(u->logp, ncap * sizeof *lp);
  if (!lp) return SJ_ENOMEM;
  u->logp = lp;
  uint8_t *t = realloc(u->term, ncap);
  if (!t) return SJ_ENOMEM;
  u->term = t;
  const char **p = realloc(u->pos, ncap * sizeof *p);
  if (!p) return SJ_ENOMEM;
  u->pos = p;
  for (size_t i = u->ncap; i < ncap; i++) { lp[i] = 0; t[i] = 0; p[i] = NULL; }
  u->ncap = ncap;
  return SJ_OK;
}

/* Insert a validated word; pos must already live in u->strs. */
static int user_insert(sj_user *u, const char *w, size_t n, float logp, const char *pos) {
  if (!u->ncap || u->nnodes == 0) {
    if (!u->ncap && user_grow_nodes(u)) return SJ_ENOMEM;
    u->nnodes = 1; /* the root */
  }
  int32_t node = 0;
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    i += (size_t)sj_utf8_decode((const unsigned char *)w, n, i, &cp);
    int32_t next = sj_user_next(u, node, cp);
    if (next < 0) {
      if ((u->used + 1) * 2 > u->cap && user_grow_table(u)) return SJ_ENOMEM;
      if (u->nnodes == u->ncap && user_grow_nodes(u)) return SJ_ENOMEM;
      if (u->nnodes >= 0x7fffffff) return SJ_ENOMEM;
      next = (int32_t)u->nnodes++;
      size_t mask = u->cap - 1, j = slot_hash(node, cp) & mask;
      while (u->nodes[j].parent >= 0) j = (j + 1) & mask;
      u->nodes[j] = (struct sj_unode){node, cp, next};
      u->used++;
    }
    node = next;
  }
  if (!u->term[node]) u->nwords++;
  u->term[node] = 1;
  u->logp[node] = logp;
  u->pos[node] = pos;
  return SJ_OK;
}

/* ---- model ------------------------------------------------------------ */
int sj_model_new(sj_model **out) {
  if (!out) return SJ_EINVAL;
  *out = NULL;
  sj_model *m = calloc(1, sizeof *m);
  if (!m) return SJ_ENOMEM;
  int rc = sj_image_get(&m->img);
  if (rc) { free(m); return rc; }
  sj_arena_init(&m->user.strs);
  *out = m;
  return SJ_OK;
}

void sj_model_free(sj_model *m) {
  if (!m) return;
  user_free(&m->user);
  free(m);
}

const char *sj_model_errmsg(const sj_model *m) { return m ? m->errmsg : "no model"; }
size_t sj_model_user_words(const sj_model *m) { return m ? m->user.nwords : 0; }

static int valid_pos(const char *p, size_t n) {
  if (n == 0 || n > 8) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))) return 0;
  return 1;
}

/* Why a word is not acceptable, or NULL. */
static const char *bad_word(const char *w, size_t n) {
  if (n == 0) return "empty word";
  if (n > MAX_WORD) return "word longer than 255 bytes";
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    i += (size_t)sj_utf8_decode((const unsigned char *)w, n, i, &cp);
    if (cp == SJ_BADCP) return "invalid UTF-8 in word";
    if (cp < 0x20 || cp == 0x7F) return "control character in word";
  }
  return NULL;
}


static float word_logp(const sj_model *m, const char *w, size_t n, double freq) {
  if (freq > 0) return (float)(log(freq) - m->img.log_total);
  /* no frequency: just enough to win over the word's own parts */
  double parts = sj_seg_word_logp(m, w, n);
  double floor = log(1000.0) - m->img.log_total;
  return (float)(parts + 1.0 > floor ? parts + 1.0 : floor);
}

static const char *intern_pos(sj_user *u, const char *pos, size_t n) {
  return sj_arena_strndup(&u->strs, pos, n);
}

int sj_model_add_word(sj_model *m, const char *word, size_t wlen, double freq,
                      const char *pos) {
  if (!m || !word) return SJ_EINVAL;
  const char *why = bad_word(word, wlen);
  if (why) { seterr(m, "%s", why); return SJ_EINVAL; }
  if (!pos) pos = "n";
  if (!valid_pos(pos, strlen(pos))) { seterr(m, "bad part-of-speech tag '%s'", pos); return SJ_EINVAL; }
  if (!(freq == freq) || freq > 1e12) { seterr(m, "bad frequency"); return SJ_EINVAL; }
  const char *p = intern_pos(&m->user, pos, strlen(pos));
  if (!p) return SJ_ENOMEM;
  int rc = user_insert(&m->user, word, wlen, word_logp(m, word, wlen, freq), p);
  if (rc) seterr(m, "%s", sj_strerror(rc));
  else m->errmsg[0] = 0;
  return rc;
}

/* Parse one dictionary line into word / freq / pos.  Returns NULL or why
 * the line is malformed. */
static const char *parse_line(const char *line, size_t len, const char **w, size_t *wn,
                              double *freq, const char **pos, size_t *posn) {
  const char *fields[3];
  size_t flen[3];
  int nf = 0;
  int tabbed = memchr(line, '\t', len) != NULL;
  size_t i = 0;
  while (i < len && nf < 4) {
    if (!tabbed) while (i < len && line[i] == ' ') i++;
    if (i >= len) break;
    size_t s = i;
    while (i < len && line[i] != '\t' && (tabbed || line[i] != ' ')) i++;
    if (nf == 3) return "too many fields (expected `word [freq] [pos]`)";
    fields[nf] = line + s;
    flen[nf++] = i - s;
    if (i < len) i++;
  }
  if (nf == 0 || flen[0] == 0) return "empty word";
  if (flen[0] >= 3 && !memcmp(fields[0], "\xEF\xBB\xBF", 3)) return "byte order mark inside the file";
  *w = fields[0];
  *wn = flen[0];
  *freq = 0;
  *pos = "n";
  *posn = 1;
  if (nf >= 2) {
    char num[64];
    if (flen[1] == 0 || flen[1] >= sizeof num) return "bad frequency";
    memcpy(num, fields[1], flen[1]);
    num[flen[1]] = 0;
    char *end;
    errno = 0;
    double f = strtod(num, &end);
    if (end != num + flen[1] || errno || !(f >= 0) || f > 1e12) return "bad frequency";
    *freq = f;
  }
  if (nf == 3) {
    if (!valid_pos(fields[2], flen[2])) return "bad part-of-speech tag (letters, at most 8)";
    *pos = fields[2];
    *posn = flen[2];
  }
  return bad_word(*w, *wn);
}

typedef struct { int32_t node; float logp; uint8_t term; const char *pos; } undo;

/* The node a word ends at, or -1 if it is not in the trie yet. */
static int32_t user_find(const sj_user *u, const char *w, size_t n) {
  if (!u->nnodes) return -1;
  int32_t node = 0;
  size_t i = 0;
  while (i < n && node >= 0) {
    uint32_t cp;
    i += (size_t)sj_utf8_decode((const unsigned char *)w, n, i, &cp);
    node = sj_user_next(u, node, cp);
  }
  return node;
}

int sj_model_load_dict_buffer(sj_model *m, const char *name, const char *buf, size_t len) {
  if (!m || (!buf && len)) return SJ_EINVAL;
  if (!name) name = "(buffer)";
  size_t start = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
  /* Pass 0 validates every line, pass 1 inserts.  Pass 1 can only fail
   * for memory; a journal of changed word ends undoes it, so the model is
   * never left half-loaded (nodes added on the way stay, but end no word). */
  undo *journal = NULL;
  size_t nj = 0, capj = 0, nwords0 = m->user.nwords;
  int rc = SJ_OK;
  for (int pass = 0; pass < 2 && rc == SJ_OK; pass++) {
    size_t lineno = 0, i = start;
    while (i < len && rc == SJ_OK) {
      size_t e = i;
      while (e < len && buf[e] != '\n') e++;
      lineno++;
      size_t l = e - i;
      if (l && buf[i + l - 1] == '\r') l--;
      const char *line = buf + i;
      i = e + 1;
      size_t k = 0;
      while (k < l && (line[k] == ' ' || line[k] == '\t')) k++;
      if (k == l || line[k] == '#') continue;
      const char *w, *pos;
      size_t wn, posn;
      double freq;
      const char *why = parse_line(line, l, &w, &wn, &freq, &pos, &posn);
      if (why) {
        seterr(m, "%s:%zu: %s", name, lineno, why);
        rc = SJ_EDICT;
        break;
      }
      if (pass == 0) continue;
      if (nj == capj) {
        size_t nc = capj ? capj * 2 : 64;
        undo *nu = realloc(journal, nc * sizeof *nu);
        if (!nu) { rc = SJ_ENOMEM; break; }
        journal = nu;
        capj = nc;
      }
      int32_t old = user_find(&m->user, w, wn);
      journal[nj].node = old;
      if (old >= 0) {
        journal[nj].logp = m->user.logp[old];
        journal[nj].term = m->user.term[old];
        journal[nj].pos = m->user.pos[old];
      }
      float lp = word_logp(m, w, wn, freq);
      const char *p = intern_pos(&m->user, pos, posn);
      rc = p ? user_insert(&m->user, w, wn, lp, p) : SJ_ENOMEM;
      if (rc == SJ_OK && old < 0) journal[nj].node = -2 - user_find(&m->user, w, wn);
      if (rc == SJ_OK) nj++;
    }
  }
  if (rc != SJ_OK) {
    for (size_t j = nj; j-- > 0;) {
      undo *u = &journal[j];
      if (u->node >= 0) {
        m->user.logp[u->node] = u->logp;
        m->user.term[u->node] = u->term;
        m->user.pos[u->node] = u->pos;
      } else {
        m->user.term[-2 - u->node] = 0; /* a node made by this load */
      }
    }
    m->user.nwords = nwords0;
    if (rc != SJ_EDICT) seterr(m, "%s: %s", name, sj_strerror(rc));
  } else {
    m->errmsg[0] = 0;
  }
  free(journal);
  return rc;
}

int sj_model_load_dict(sj_model *m, const char *path) {
  if (!m || !path) return SJ_EINVAL;
  FILE *f = fopen(path, "rb");
  if (!f) { seterr(m, "%s: %s", path, strerror(errno)); return SJ_EIO; }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) { fclose(f); return SJ_ENOMEM; }
  for (;;) {
    if (n == cap) {
      if (cap > ((size_t)1 << 31)) { free(buf); fclose(f); seterr(m, "%s: file too large", path); return SJ_ETOOBIG; }
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); fclose(f); return SJ_ENOMEM; }
      buf = nb;
      cap *= 2;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  int err = ferror(f);
  fclose(f);
  if (err) { free(buf); seterr(m, "%s: read error", path); return SJ_EIO; }
  int rc = sj_model_load_dict_buffer(m, path, buf, n);
  free(buf);
  return rc;
}

int sj_model_lookup(const sj_model *m, const char *word, size_t wlen, double *freq,
                    const char **pos) {
  if (!m || !word || !wlen) return 0;
  const unsigned char *s = (const unsigned char *)word;
  /* user layer first: it overrides */
  int32_t node = 0;
  size_t i = 0;
  if (m->user.nnodes) {
    while (i < wlen && node >= 0) {
      uint32_t cp;
      i += (size_t)sj_utf8_decode(s, wlen, i, &cp);
      node = sj_user_next(&m->user, node, cp);
    }
    if (node >= 0 && m->user.term[node]) {
      if (freq) *freq = exp(m->user.logp[node] + m->img.log_total);
      if (pos) *pos = m->user.pos[node];
      return 1;
    }
  }
  int32_t st = 0;
  i = 0;
  while (i < wlen) {
    uint32_t cp;
    i += (size_t)sj_utf8_decode(s, wlen, i, &cp);
    uint32_t id = cp == SJ_BADCP ? 0 : sj_image_char(&m->img, cp);
    if (!id) return 0;
    st = sj_dat_next(&m->img.lex, st, id);
    if (st < 0) return 0;
  }
  int32_t t = sj_dat_term(&m->img.lex, st);
  if (t < 0) return 0;
  if (freq) *freq = exp(sj_lex_logp(&m->img.lex, t) + m->img.log_total);
  if (pos) *pos = sj_image_pos(&m->img, m->img.lex_pos[t]);
  return 1;
}

int sj_gaz_match(const sj_model *m, const char *text, size_t len, size_t pos, uint32_t kinds,
                 sj_gaz_hit *hits, int max) {
  uint32_t any;
  return sj_gaz_walk(&m->img, text, len, pos, kinds ? kinds : ~0u, hits, max, &any);
}

int sj_cue_class(const sj_image *img, const char *name) {
  uint32_t mask = img->ncuehash - 1, h = sj_cue_hash(name);
  for (uint32_t k = 0; k <= mask; k++) {
    uint32_t v = img->cue_hash[(h + k) & mask];
    if (!v || v > img->ncuecls) return -1;
    const char *x = img->strs + img->cue_cls[v - 1], *y = name;
    while (*x && *x == *y) { x++; y++; }
    if (*x == *y) return (int)v - 1;
  }
  return -1;
}

int sj_gaz_suffix(const sj_model *m, const char *text, size_t lo, size_t end, uint32_t kinds,
                  sj_gaz_hit *hits, int max) {
  const sj_image *img = &m->img;
  const unsigned char *s = (const unsigned char *)text;
  kinds &= SJ_K_SUFFIXES;
  int32_t st = 0;
  int n = 0;
  size_t i = end;
  while (i > lo && n < max) {
    /* the code point ending at i, decoded strictly from its lead byte */
    size_t a = i - 1;
    while (a > lo && i - a < 4 && (s[a] & 0xC0) == 0x80) a--;
    uint32_t cp;
    if (sj_utf8_dec(text, end, a, &cp) != (int)(i - a)) { a = i - 1; cp = SJ_BADCP; }
    i = a;
    uint32_t id = cp == SJ_BADCP ? 0 : sj_image_char(img, cp);
    if (!id) break;
    st = sj_dat_next(&img->suf, st, id);
    if (st < 0) break;
    int32_t v = sj_dat_value(&img->suf, st);
    if (v >= 0 && (uint32_t)v < img->ngaz && img->gaz_off[v] < img->nstrs &&
        (img->gaz_kind[v] & kinds)) {
      hits[n].len = (uint32_t)(end - i);
      hits[n].kinds = img->gaz_kind[v];
      hits[n].cues = img->gaz_cue[v];
      hits[n].payload = img->strs + img->gaz_off[v];
      n++;
    }
  }
  return n;
}

int sj_gaz_is(const sj_model *m, const char *text, size_t a, size_t b, uint32_t kind) {
  sj_gaz_hit hits[16];
  uint32_t any;
  if (a >= b || !kind) return 0;
  /* the walk bounded by b: no hit is longer than the span */
  int n = sj_gaz_walk(&m->img, text, b, a, kind, hits, 16, &any);
  return n > 0 && hits[n - 1].len == b - a;
}

const char *sj_gaz_find(const sj_model *m, const char *text, size_t len, size_t a, size_t b,
                        const char *kind) {
  sj_gaz_hit hits[16];
  size_t kl = strlen(kind);
  uint32_t kb = sj_kind_bit(kind, kl);
  if (!kb || a >= b || b > len) return NULL;
  /* the walk bounded by b: entries longer than the span cannot answer */
  uint32_t any;
  int n = sj_gaz_walk(&m->img, text, b, a, kb, hits, 16, &any);
  for (int i = 0; i < n; i++) {
    if (hits[i].len != b - a) continue;
    for (const char *p = hits[i].payload; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
      if (!strncmp(p, kind, kl) && (p[kl] == '\t' || p[kl] == '\n' || !p[kl]))
        return p[kl] == '\t' ? p + kl + 1 : p + kl;
  }
  return NULL;
}
