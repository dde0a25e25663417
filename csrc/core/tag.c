/*
 * tag.c — mentions (times, durations, quantities, actors, places, names)
 * and CAMEO-typed events: sj_tag.
 *
 * Passes over one document:
 *   1. reference date (caller's, or inferred from the first lines);
 *   2. a left-to-right scan from token starts: 《…》 titles, quoted names,
 *      times/durations (time.c), quantities, designations, actors and places
 *      (gazetteer kinds country, abbr, org, mil, gov, title, place,
 *      placesuffix, person, surname), names by suffix, event triggers;
 *   3. relative times that needed an unknown reference month are resolved
 *      against the latest date the text names;
 *   4. events (tag_event.c).
 * Everything is allocated in the doc's arena or its vectors; no globals.
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
static void sort_mentions(sj_doc *d) {
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
static void merge_tail(sj_tg *g, size_t p) {
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

/* ---- times ------------------------------------------------------------ */
static int do_time(sj_tg *g, size_t i, size_t *end) {
  sj_tmatch t;
  if (!sj_time_at(&g->tc, g->s, g->n, i, &t)) return 0;
  {
    /* a word-like time (同日, 当天) must end a token: not 同日本 */
    uint32_t c0;
    sj_t_dec(g->s, g->n, i, &c0);
    int numeric = (c0 >= '0' && c0 <= '9') || (c0 >= 0xFF10 && c0 <= 0xFF19);
    if (!numeric && t.kind == SJ_TIME && !sj_tg_is_tend(g, t.end)) {
      uint32_t c1;
      sj_t_dec(g->s, g->n, t.end, &c1);
      /* an adverb may be joined to it (迄今已): 已 仍 还 都 就 才 又 也 */
      int adv = c1 == 0x5DF2 || c1 == 0x4ECD || c1 == 0x8FD8 || c1 == 0x90FD ||
                c1 == 0x5C31 || c1 == 0x624D || c1 == 0x53C8 || c1 == 0x4E5F;
      int dateline = c1 == 0x7535 || c1 == 0x8BAF; /* 十二月四日电 */
      if (c1 >= 0x4E00 && c1 <= 0x9FFF && !(adv && t.end - i >= 6) && !dateline) return 0;
    }
  }
  sj_mention *m = sj_tg_add(g, t.start, t.end, t.kind);
  if (!m) return 0;
  m->flags = t.flags;
  m->value = sj_tg_str(g, t.value, strlen(t.value));
  if (t.he > t.hs) m->type = sj_tg_str(g, g->s + t.hs, t.he - t.hs); /* holiday */
  if (t.kind == SJ_TIME) {
    sj_tg_note_time(g, t.value);
    if (t.absolute) { g->tc.ay = t.ay; g->tc.am = t.am; g->tc.ad = t.ad; }
    if (t.maxy == g->tc.ry || !g->tc.ry) {
      if (t.maxy > g->maxy || (t.maxy == g->maxy && (t.maxm > g->maxm ||
          (t.maxm == g->maxm && t.maxd > g->maxd)))) {
        g->maxy = t.maxy; g->maxm = t.maxm; g->maxd = t.maxd;
      }
    }
    if (t.needref) {
      size_t *slot = sj_vec_push(&g->needref);
      if (!slot) { g->err = SJ_ENOMEM; return 0; }
      *slot = g->d->mentions.n - 1;
      /* keep the anchor state it saw */
      sj_tctx *c = sj_vec_push(&g->needctx);
      if (!c) { g->err = SJ_ENOMEM; return 0; }
      *c = g->tc;
    }
  }
  *end = t.end;
  return 1;
}

/* ---- quantities ------------------------------------------------------- */
/* A quantity whose unit is one of the cue class qty_unit of
 * dict/gaz/cues-qty.tsv (currencies, seats: ２．１亿港元, ６６席), after a
 * number in Arabic digits and maybe a hedge (qty_before_approx: 约, 逾). */
static int qty_data_unit(sj_tg *g, size_t i, sj_qmatch *q) {
  size_t j = i, k = sj_tg_cue(g, i, "qty_before_approx");
  memset(q, 0, sizeof *q);
  if (k) { j += k; q->flags = SJ_APPROX; }
  double v;
  int nd;
  unsigned fl;
  size_t e = sj_num_at(g->s, g->n, j, &v, &nd, &fl);
  if (!e || (fl & SJ_NUM_DIGITSEQ && nd == 4)) return 0;
  k = sj_tg_cue(g, e, "qty_unit");
  if (!(fl & SJ_NUM_ARABIC)) {
    /* 哈、吉、塔五国, 上述两公司: a count in Chinese numerals after an
     * enumeration of actors or an anaphor (cue classes qty_group_unit,
     * qty_anaphor) */
    size_t tb = sj_tg_tok_at(g, i);
    int after = g->last_end == i || (tb > 0 && tb < g->ntok && sj_tg_cue_tok(g, tb - 1, "qty_anaphor"));
    if (!after || !(k = sj_tg_cue(g, e, "qty_group_unit")) || !sj_tg_is_tend(g, e + k)) return 0;
  } else if (!k || !sj_tg_is_tend(g, e + k)) {
    /* ６０００万 (泰国人民): a number with a magnitude and no unit */
    uint32_t cp;
    sj_t_prev(g->s, e, &cp);
    if ((cp != 0x4E07 && cp != 0x4EBF) || !sj_tg_is_tend(g, e)) return 0;
    k = 0;
  }
  q->start = i;
  q->end = q->uend = e + k;
  q->ustart = e;
  q->number = v;
  return 1;
}

static int do_qty(sj_tg *g, size_t t, size_t *end) {
  sj_qmatch q;
  size_t i = g->tok[t].start;
  if (!sj_qty_at(g->m, g->s, g->n, i, &q) && !qty_data_unit(g, i, &q)) return 0;
  size_t e = q.end;
  /* 八届 (人大) in Chinese numerals: an ordinal (cue class qty_ordinal) */
  if ((unsigned char)g->s[q.start] >= 0xE4 && (unsigned char)g->s[q.start] <= 0xE9 &&
      sj_tg_cue(g, q.ustart, "qty_ordinal") == q.uend - q.ustart)
    return 0;
  /* N个 + a noun: the noun names what is counted (12个国家, 13个县) */
  if (q.uend > q.ustart && sj_tg_cue(g, q.ustart, "qty_counted") == q.uend - q.ustart && e == q.uend) {
    size_t tn = sj_tg_tok_at(g, e);
    if (tn < g->ntok && g->tok[tn].start == e) {
      const char *p = sj_tg_pos(g, tn);
      size_t l = g->tok[tn].end - g->tok[tn].start;
      if (((p[0] == 'n' && p[1] != 'r') || sj_streq(p, "zg")) && l >= 3 && l <= 12) {
        e = g->tok[tn].end;
        /* 常任理事 | 国: one more character of the noun */
        const char *p2 = sj_tg_pos(g, tn + 1);
        if (tn + 1 < g->ntok && g->tok[tn + 1].end - e == 3 && p2[0] == 'n' && p2[1] != 'r')
          e += 3;
      }
    }
  }
  /* hedges after the number (80%以上) and a currency after 元 (1亿元人民币)
   * are in the span: cue classes qty_after_approx, qty_unit_tail */
  size_t k = sj_tg_cue(g, e, "qty_after_approx");
  if (k && sj_tg_is_tend(g, e + k)) { e += k; q.flags |= SJ_APPROX; }
  else if ((k = sj_tg_cue(g, e, "qty_unit_tail")) && sj_tg_is_tend(g, e + k)) e += k;
  sj_mention *m = sj_tg_add(g, q.start, e, SJ_QUANTITY);
  if (!m) return 0;
  m->number = q.number;
  m->flags = q.flags;
  /* the full-width per cent sign is the unit % */
  if (q.uend - q.ustart == 3 && !memcmp(g->s + q.ustart, "\xEF\xBC\x85", 3))
    m->unit = "%";
  else if (q.uend > q.ustart)
    m->unit = sj_tg_str(g, g->s + q.ustart, q.uend - q.ustart);
  *end = e;
  return 1;
}

/* ---- reference date ---------------------------------------------------- */
static void ref_date(sj_tg *g) {
  sj_doc *d = g->d;
  /* a caller's full date is the publication date (the year rule applies) */
  g->tc.firm = d->ref_year && d->ref_month;
  if (!d->ref_year) {
    int y, m, dd;
    if (sj_infer_ref(g->m, g->s, g->n, &y, &m, &dd)) {
      d->ref_year = y;
      if (m) { d->ref_month = m; d->ref_day = dd; }
    }
  }
  g->tc.ry = d->ref_year;
  g->tc.rm = d->ref_year ? d->ref_month : 0;
  g->tc.rd = d->ref_year && d->ref_month ? d->ref_day : 0;
}

/* re-resolve times that needed an unknown reference month/day: use the
 * latest date of the reference year that the text names */
static void fix_needref(sj_tg *g) {
  if (!g->needref.n || g->tc.rm || !g->maxy) return;
  for (size_t k = 0; k < g->needref.n; k++) {
    size_t mi = SJ_VEC_AT(&g->needref, size_t, k);
    sj_tctx c = SJ_VEC_AT(&g->needctx, sj_tctx, k);
    sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, mi);
    c.ry = g->maxy;
    c.rm = g->maxm;
    c.rd = g->maxd;
    sj_tmatch t;
    if (sj_time_at(&c, g->s, g->n, m->start, &t) && t.end == m->end) {
      m->value = sj_tg_str(g, t.value, strlen(t.value));
      m->flags = t.flags | SJ_APPROX;
    }
  }
}

/* ---- the scan --------------------------------------------------------- */
static int scan(sj_tg *g) {
  size_t t = 0;
  size_t skip_to = 0; /* inside a 《…》 title: nothing else */
  while (t < g->ntok && !g->err) {
    size_t i = g->tok[t].start;
    size_t e = 0;
    if (i < skip_to) { t++; continue; }
    sj_tg_ref_at(g, i);
    /* 《 (E3 80 8A), “ (E2 80 9C), 「 (E3 80 8C): by their bytes */
    const unsigned char *u = (const unsigned char *)g->s + i;
    if ((u[0] == 0xE3 || u[0] == 0xE2) && i + 2 < g->n && u[1] == 0x80) {
      if (u[0] == 0xE3 && u[2] == 0x8A) {
        if (sj_tg_title(g, i, &e)) { skip_to = e; t = sj_tg_tok_at(g, e); continue; }
      } else if ((u[0] == 0xE2 && u[2] == 0x9C) || (u[0] == 0xE3 && u[2] == 0x8C)) {
        sj_tg_quote(g, i);
      }
    }
    if ((sj_time_may_start(g->s, g->n, i) ||
         (sj_tg_start_kinds(g, i) & SJ_K_CAL)) &&
        (do_time(g, i, &e) || do_qty(g, t, &e))) {
      size_t t2 = sj_tg_tok_at(g, e);
      /* a match ending inside a token: go on from the next token start */
      if (t2 < g->ntok && g->tok[t2].start < e) t2++;
      t = t2 > t ? t2 : t + 1;
      continue;
    }
    if (g->err) break;
    size_t ebefore = g->d->mentions.n;
    size_t nt = sj_tg_entity(g, t);
    if (g->err) break;
    if (g->d->mentions.n > ebefore) {
      /* go on after the mention, at a token start */
      size_t me = SJ_VEC_AT(&g->d->mentions, sj_mention, g->d->mentions.n - 1).end;
      while (nt < g->ntok && g->tok[nt].start < me) nt++;
    }
    if (g->want_events) sj_tg_trigger(g, t);
    t = nt > t ? nt : t + 1;
  }
  return g->err;
}

int sj_tag(sj_doc *d, const sj_model *m, const sj_options *o) {
  if (!d || !m) return SJ_EINVAL;
  sj_tg G;
  sj_tg *g = &G;
  /* zero the state; of the caches (most of the struct) only their keys */
  memset(g, 0, offsetof(sj_tg, gc));
  for (size_t k = 0; k < SJ_GCACHE; k++) g->gc[k].key = 0;
  for (size_t k = 0; k < SJ_PCACHE; k++) g->pc[k].payload = NULL;
  for (size_t k = 0; k < SJ_CCACHE; k++) g->cc[k].at = 0;
  for (size_t k = 0; k < SJ_CIDCACHE; k++) g->cid[k].name = NULL;
  for (size_t k = 0; k < SJ_PSCACHE; k++) g->ps[k].at = 0;
  g->ncid = 0;
  g->mcls = NULL;
  g->mn = 0;
  g->pfx = NULL;
  g->d = d;
  g->m = m;
  g->s = d->text;
  g->n = d->len;
  g->tok = d->tokens.data;
  g->ntok = d->tokens.n;
  g->want_events = !o || o->want == 0 || (o->want & SJ_WANT_EVENTS);
  if (o && o->ntriggers) {
    if (!o->triggers || !sj_tg_user_ok(d, o->triggers, o->ntriggers)) return SJ_EINVAL;
    g->user = o->triggers;
    g->nuser = o->ntriggers;
  }
  g->tc.m = m;
  sj_vec_init(&g->needref, sizeof(size_t));
  sj_vec_init(&g->needctx, sizeof(sj_tctx));
  sj_vec_init(&g->trig, sizeof(sj_trig));
  ref_date(g);
  if (sj_tg_datelines(g)) { sj_vec_free(&g->dl); return SJ_ENOMEM; }
  size_t tokhint = 0;
  g->tokhint = &tokhint;
  g->tb = sj_arena_alloc(&d->arena, d->len / 8 + 1);
  if (!g->tb) return SJ_ENOMEM;
  memset(g->tb, 0, d->len / 8 + 1);
  for (size_t k = 0; k < g->ntok; k++) {
    size_t a = g->tok[k].start;
    if (a <= d->len) g->tb[a >> 3] |= (uint8_t)(1u << (a & 7));
  }
  g->tb[d->len >> 3] |= (uint8_t)(1u << (d->len & 7));
  int rc = scan(g);
  if (!rc) {
    fix_needref(g);
    rc = g->err;
  }
  if (!rc) {
    sort_mentions(d);
    size_t nbefore = d->mentions.n;
    sj_tg_names_fix(g);
    if (!g->err) merge_tail(g, nbefore);
    /* quantities and times inside a name are part of the name */
    {
      sj_mention *M = d->mentions.data;
      size_t w = 0;
      uint32_t name_end = 0;
      for (size_t r = 0; r < d->mentions.n; r++) {
        if ((M[r].kind == SJ_QUANTITY) && M[r].end <= name_end) continue;
        if (M[r].kind == SJ_NAME && M[r].end > name_end) name_end = M[r].end;
        M[w++] = M[r];
      }
      d->mentions.n = w;
    }
    rc = g->err;
  }
  if (!rc && g->want_events) rc = sj_tg_events(g);
  if (!rc) {
    size_t nb = d->mentions.n;
    rc = sj_tg_vague(g, !(o && (o->tag & SJ_TAG_NO_VAGUE)));
    if (!rc) merge_tail(g, nb);
    if (!rc) rc = g->err;
  }
  sj_vec_free(&g->needref);
  sj_vec_free(&g->needctx);
  sj_vec_free(&g->dl);
  sj_vec_free(&g->trig);
  free(g->stop);
  free(g->mark);
  return rc;
}
