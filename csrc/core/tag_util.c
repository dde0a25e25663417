/*
 * tag_util.c — the tagger's shared helpers, below every stage: gazetteer
 * look-ups (hits by position, payload fields, kinds, suffixes), cue words by
 * class, token look-ups, mentions and strings in the doc, country-code
 * lists (sj_codes_*), the order of the mention list.  It calls no stage;
 * every stage and the driver (tag.c) call it.  The caches it reads and
 * fills live in sj_tg (tag_int.h).
 */
#include "core.h"
#include "tag.h"
#include "tag_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- gazetteer payloads ---------------------------------------------- */
static int payload_parse(const char *payload, const char *kind, sj_gfield *f) {
  /* one pass over "kind\tfield...\nkind\tfield..." */
  for (const char *p = payload; p && *p;) {
    if (*kind && *p != *kind) { /* another kind's line: skip it whole */
      p = strchr(p, '\n');
      if (p) p++;
      continue;
    }
    const char *k = kind;
    while (*k && *p == *k) { p++; k++; }
    if (!*k && (*p == '\t' || *p == '\n' || !*p)) {
      if (f) {
        f->n = 0;
        while (*p == '\t' && f->n < 4) {
          const char *q = ++p;
          while (*p && *p != '\t' && *p != '\n') p++;
          f->s[f->n] = q;
          f->l[f->n] = (size_t)(p - q);
          f->n++;
        }
      }
      return 1;
    }
    while (*p && *p != '\n') p++;
    if (*p) p++;
  }
  return 0;
}

int sj_tg_payload(sj_tg *g, const char *payload, const char *kind, sj_gfield *f) {
  if (!payload) return 0;
  uintptr_t h = ((uintptr_t)payload ^ ((uintptr_t)kind >> 4)) * (uintptr_t)0x9E3779B97F4A7C15ull;
  sj_pcache *c = &g->pc[(h >> 20) & (SJ_PCACHE - 1)];
  if (c->payload != payload || c->kind != kind) {
    c->ok = payload_parse(payload, kind, &c->f);
    c->payload = payload;
    c->kind = kind;
  }
  if (c->ok && f) *f = c->f;
  return c->ok;
}

static const sj_gcache no_hits = {0, 0, 0, {{0, 0, 0, NULL}}};
const sj_gcache *const sj_tg_nohits = &no_hits;

/* gazetteer hits at i: one walk of the core's trie (sj_gaz_match), kept in
 * a small direct-mapped cache: the scan, the suffix checks and the trigger
 * pass ask about the same few positions one after the other */
const sj_gcache *sj_tg_hits_slow(sj_tg *g, size_t i) {
  if (i >= g->n || g->err) return &no_hits;
  sj_gcache *c = &g->gc[i & (SJ_GCACHE - 1)];
  c->n = sj_gaz_walk(&g->m->img, g->s, g->n, i, ~(uint32_t)SJ_K_TGRAM, c->h, SJ_GMAX, &c->any);
  c->key = (uint32_t)(i + 1);
  return c;
}

const char *sj_tg_kind_name(uint32_t k) {
  switch (k) {
  case SJ_K_COUNTRY: return "country"; case SJ_K_ABBR: return "abbr";
  case SJ_K_ORG: return "org"; case SJ_K_MIL: return "mil"; case SJ_K_GOV: return "gov";
  case SJ_K_TITLE: return "title"; case SJ_K_PLACE: return "place";
  case SJ_K_PLACESUFFIX: return "placesuffix"; case SJ_K_NAMESUFFIX: return "namesuffix";
  case SJ_K_TRIGGER: return "trigger"; case SJ_K_SURNAME: return "surname";
  case SJ_K_PERSON: return "person"; case SJ_K_CUE: return "cue"; default: return "";
  }
}

size_t sj_tg_gazk(sj_tg *g, size_t i, uint32_t k, sj_gfield *f) {
  /* most asks end here: no entry of kind k starts with this character */
  if (!(sj_tg_start_kinds(g, i) & k)) return 0;
  const sj_gcache *c = sj_tg_hits(g, i);
  if (!(c->any & k)) return 0;
  for (int q = c->n - 1; q >= 0; q--)
    if (c->h[q].kinds & k) {
      if (f) sj_tg_payload(g, c->h[q].payload, sj_tg_kind_name(k), f);
      return c->h[q].len;
    }
  return 0;
}

/* The id of cue class cls (-1: no entry has it).  The class names are the
 * callers' string literals, so a pointer stands for its class: the binary
 * search over the image's class names runs once per literal and analysis. */
int sj_tg_cls_slow(sj_tg *g, const char *cls, size_t h) {
  for (size_t k = 1; k < SJ_CIDCACHE; k++) {
    struct sj_clsid *e = &g->cid[(h + k) & (SJ_CIDCACHE - 1)];
    if (e->name == cls) return e->id;
    if (!e->name) break;
  }
  int id = sj_cue_class(&g->m->img, cls);
  if (g->ncid < SJ_CIDCACHE / 2) { /* kept at most half full: a probe ends */
    for (size_t k = 0; k < SJ_CIDCACHE; k++) {
      struct sj_clsid *e = &g->cid[(h + k) & (SJ_CIDCACHE - 1)];
      if (!e->name) {
        e->name = cls;
        e->id = id;
        g->ncid++;
        break;
      }
    }
  }
  return id;
}

const struct sj_pstart *sj_tg_start_slow(sj_tg *g, size_t i) {
  struct sj_pstart *e = &g->ps[i & (SJ_PSCACHE - 1)];
  uint32_t cp;
  e->kinds = e->cues = 0;
  if (i < g->n) {
    sj_utf8_dec(g->s, g->n, i, &cp);
    if (cp != SJ_BADCP) {
      uint32_t id = sj_image_char(&g->m->img, cp);
      e->kinds = g->m->img.gaz_start[id];
      e->cues = g->m->img.cue_start[id];
    }
  }
  e->at = (uint32_t)(i + 1);
  return e;
}

static size_t cue_lookup(sj_tg *g, size_t i, int id) {
  const sj_gcache *c = sj_tg_hits(g, i);
  if (!(c->any & SJ_K_CUE)) return 0;
  for (int q = c->n - 1; q >= 0; q--)
    if ((c->h[q].kinds & SJ_K_CUE) && sj_cue_has(&g->m->img, c->h[q].cues, id)) return c->h[q].len;
  return 0;
}

/* the longest cue of class id starting at byte i (0: none), once the first
 * character has passed (sj_tg_cue); answers are cached by position and class */
size_t sj_tg_cue_look(sj_tg *g, size_t i, int id) {
  struct sj_ccache *e = &g->cc[(i * 7 + (size_t)id) & (SJ_CCACHE - 1)];
  if (e->at == (uint32_t)(i + 1) && e->cls == id) return e->len;
  size_t l = cue_lookup(g, i, id);
  e->at = (uint32_t)(i + 1);
  e->cls = (int16_t)id;
  e->len = (uint16_t)l;
  return l;
}

/* The classes of cls[0..n) that have a cue starting at byte i, as bits
 * (1 << k), with the longest cue length of each in len[k]: one look-up for
 * a stage that asks many classes at each position. */
/* the classes of the list g->mid[0..mn) that the set s holds, as bits
 * (cached by set while the list stays the same) */
static unsigned list_bits(sj_tg *g, uint32_t s) {
  struct sj_lbits *e = &g->lb[s & (SJ_LBCACHE - 1)];
  if (e->set == s + 1) return e->bits;
  unsigned b = 0;
  for (int k = 0; k < g->mn; k++)
    if (sj_cue_has(&g->m->img, s, g->mid[k])) b |= 1u << k;
  e->set = s + 1;
  e->bits = b;
  return b;
}

unsigned sj_tg_cue_mask(sj_tg *g, size_t i, const char *const *cls, int n, size_t *len) {
  unsigned want, mask = 0;
  uint32_t set = sj_tg_start(g, i)->cues;
  if (!set) return 0;
  if (n > 32) n = 32;
  if (g->mcls != cls || g->mn != n) { /* the stages ask with one list in a loop */
    for (int k = 0; k < n; k++) g->mid[k] = sj_tg_cls(g, cls[k]);
    g->mcls = cls;
    g->mn = n;
    for (size_t k = 0; k < SJ_LBCACHE; k++) g->lb[k].set = 0;
  }
  if (!(want = list_bits(g, set))) return 0;
  const sj_gcache *c = sj_tg_hits(g, i);
  if (!(c->any & SJ_K_CUE)) return 0;
  for (int q = c->n - 1; q >= 0 && mask != want; q--) {
    if (!(c->h[q].kinds & SJ_K_CUE)) continue;
    unsigned b = list_bits(g, c->h[q].cues) & want & ~mask;
    for (int k = 0; b >> k; k++)
      if (b >> k & 1) len[k] = c->h[q].len;
    mask |= b;
  }
  return mask;
}

int sj_tg_cue_pfx(sj_tg *g, uint32_t s, const char *const *pfx, int n) {
  const sj_image *img = &g->m->img;
  uint32_t w = img->cuew;
  if (!s || s >= img->ncuesets) return 0;
  if (w > 4) return 1; /* no filter */
  if (g->pfx != pfx) {
    memset(g->pfxmask, 0, sizeof g->pfxmask);
    for (uint32_t c = 0; c < img->ncuecls; c++) {
      const char *name = img->strs + img->cue_cls[c];
      for (int k = 0; k < n; k++) {
        const char *a = name, *b = pfx[k];
        while (*b && *a == *b) { a++; b++; }
        if (!*b) g->pfxmask[c >> 6] |= (uint64_t)1 << (c & 63);
      }
    }
    g->pfx = pfx;
  }
  const uint64_t *set = img->cue_sets + (size_t)s * w;
  for (uint32_t k = 0; k < w; k++)
    if (set[k] & g->pfxmask[k]) return 1;
  return 0;
}


size_t sj_tg_gaz_end(sj_tg *g, size_t a, size_t b, uint32_t k, sj_gfield *f) {
  sj_gaz_hit h[SJ_GMAX];
  if (b > g->n || a >= b) return 0;
  if (b - a >= 3) {
    /* most asks end here: no suffix entry ends with the (3-byte) last
     * character; the same answer as the walk, without its set-up */
    const unsigned char *u = (const unsigned char *)g->s + b - 3;
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
      uint32_t cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        uint32_t id = g->m->img.cmap[cp];
        if (!id || sj_dat_next(&g->m->img.suf, 0, id) < 0) return 0;
      }
    }
  }
  int n = sj_gaz_suffix(g->m, g->s, a, b, k, h, SJ_GMAX);
  if (n <= 0) return 0;
  if (f) {
    /* the longest entry's line of the first of the kinds it has */
    uint32_t kk = h[n - 1].kinds & k;
    sj_tg_payload(g, h[n - 1].payload, sj_tg_kind_name(kk & (~kk + 1)), f);
  }
  return h[n - 1].len;
}

int sj_tg_grow_stops(sj_tg *g) {
  size_t nc = g->capstop ? g->capstop * 2 : 64;
  struct sj_stop *ns = realloc(g->stop, nc * sizeof *ns);
  if (!ns) { g->err = SJ_ENOMEM; return SJ_ENOMEM; }
  g->stop = ns;
  g->capstop = nc;
  return SJ_OK;
}

/* ---- tokens ---------------------------------------------------------- */
/* index of the token containing byte i (or the first one after) */
size_t sj_tg_tok_at_slow(const sj_tg *g, size_t i) {
  /* the first token with end > i: tokens tile the text, sorted by end */
  const sj_token *T = g->tok;
  size_t nt = g->ntok, lo = 0, hi = nt;
  if (g->tokhint && *g->tokhint < nt) {
    /* look-ups cluster around the last answer: gallop from it, forwards
     * or backwards, then search the bracket found */
    size_t h = *g->tokhint, step = 1;
    if (T[h].end <= i) {
      lo = h + 1;
      for (;;) {
        size_t b = lo + step - 1;
        if (b >= nt) { hi = nt; break; }
        if (T[b].end > i) { hi = b; break; }
        lo = b + 1;
        step *= 2;
      }
    } else if (h == 0 || T[h - 1].end <= i) {
      return h;
    } else {
      hi = h;
      for (;;) {
        if (hi < step) { lo = 0; break; }
        size_t b = hi - step;
        if (T[b].end <= i) { lo = b + 1; break; }
        hi = b;
        step *= 2;
      }
    }
  }
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (T[mid].end <= i) lo = mid + 1; else hi = mid;
  }
  if (g->tokhint && lo < nt) *g->tokhint = lo;
  return lo;
}

/* ---- mentions -------------------------------------------------------- */
sj_mention *sj_tg_add(sj_tg *g, size_t a, size_t b, int kind) {
  sj_mention *m = sj_vec_push(&g->d->mentions);
  if (!m) { g->err = SJ_ENOMEM; return NULL; }
  m->start = (uint32_t)a;
  m->end = (uint32_t)b;
  m->kind = (uint32_t)kind;
  return m;
}

char *sj_tg_str(sj_tg *g, const char *s, size_t n) {
  char *r = sj_arena_strndup(&g->d->arena, s, n);
  if (!r) g->err = SJ_ENOMEM;
  return r;
}

void sj_codes_add(sj_codes *c, const char *code, size_t l) {
  /* a field may hold several space-separated codes */
  size_t i = 0;
  while (i < l) {
    while (i < l && code[i] == ' ') i++;
    size_t j = i;
    while (j < l && code[j] != ' ') j++;
    if (j - i == 3 && c->n < SJ_MAXCODES) {
      int dup = 0;
      for (int k = 0; k < c->n; k++)
        if (!memcmp(c->c[k], code + i, 3)) dup = 1;
      if (!dup) {
        memcpy(c->c[c->n], code + i, 3);
        c->c[c->n][3] = 0;
        c->n++;
      }
    }
    i = j;
  }
}
void sj_codes_merge(sj_codes *c, const sj_codes *o) {
  for (int k = 0; k < o->n; k++) sj_codes_add(c, o->c[k], 3);
}
void sj_codes_parse(sj_codes *c, const char *s) {
  c->n = 0;
  if (s) sj_codes_add(c, s, strlen(s));
}
int sj_codes_has(const sj_codes *c, const char *code) {
  for (int k = 0; k < c->n; k++)
    if (!memcmp(c->c[k], code, 3)) return 1;
  return 0;
}
char *sj_codes_str(sj_tg *g, const sj_codes *c) {
  char buf[SJ_MAXCODES * 4 + 1];
  size_t k = 0;
  if (c->n == 0) return NULL;
  for (int i = 0; i < c->n; i++) {
    if (i) buf[k++] = ' ';
    memcpy(buf + k, c->c[i], 3);
    k += 3;
  }
  return sj_tg_str(g, buf, k);
}

static int cmp_mention(const void *a, const void *b) {
  const sj_mention *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return (int)x->kind - (int)y->kind;
}

/* the scan leaves mentions nearly sorted (a few out of place, a short way):
 * insertion sort, unless it has to move too much */
void sj_tg_sort_mentions(sj_doc *d) {
  sj_mention *M = d->mentions.data;
  size_t n = d->mentions.n, moves = 0;
  for (size_t k = 1; k < n; k++) {
    if (cmp_mention(&M[k - 1], &M[k]) <= 0) continue;
    sj_mention x = M[k];
    size_t j = k;
    while (j > 0 && cmp_mention(&M[j - 1], &x) > 0) {
      M[j] = M[j - 1];
      j--;
      if (++moves > 4 * n + 64) {
        M[j] = x;
        qsort(M, n, sizeof(sj_mention), cmp_mention);
        return;
      }
    }
    M[j] = x;
  }
}

/* mentions [0, p) are sorted and [p, n) were appended (names by suffix):
 * sort the tail, then merge it in from the back */
void sj_tg_merge_tail(sj_tg *g, size_t p) {
  sj_doc *d = g->d;
  sj_mention *M = d->mentions.data;
  size_t n = d->mentions.n, nt = n - p;
  if (!nt) return;
  qsort(M + p, nt, sizeof *M, cmp_mention);
  if (!p || cmp_mention(&M[p - 1], &M[p]) <= 0) return;
  sj_mention *B = malloc(nt * sizeof *B);
  if (!B) { g->err = SJ_ENOMEM; return; }
  memcpy(B, M + p, nt * sizeof *B);
  size_t a = p, b = nt, w = n;
  while (b > 0) {
    if (a > 0 && cmp_mention(&M[a - 1], &B[b - 1]) > 0) M[--w] = M[--a];
    else M[--w] = B[--b];
  }
  free(B);
}

/* the length of the longest cue of class cls (up to five characters) that
 * ends exactly at b and starts at a or later; 0 if none */
size_t sj_tg_cue_end(sj_tg *g, size_t a, size_t b, const char *cls) {
  size_t best = 0;
  for (size_t l = 3; l <= 15 && l <= b - a; l += 3)
    if (sj_tg_cue(g, b - l, cls) == l) best = l;
  return best;
}
