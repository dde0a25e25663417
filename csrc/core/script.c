/* script.c — traditional Chinese through a simplified view.
 *
 * Each paragraph (a run of non-blank lines) is classed by counting the
 * characters that only traditional text uses (國, 發) against those that
 * only simplified text uses (国, 发) — one table look-up per character.
 * A traditional paragraph (or every one, when the caller says so) is
 * rewritten by longest match over OpenCC's phrase and character tables
 * compiled into the image (dict/opencc/, image sections SEC_T2S_*); the
 * rest of the pipeline runs on that simplified view, and sj_script_map_back
 * moves every offset back into the caller's text.
 *
 * The offset map is a sorted list of the replacements whose byte length
 * changed (most characters keep 3 bytes: those need no entry); between two
 * entries view and original differ by a constant.  A phrase that keeps its
 * number of characters (軟體 -> 软件) is mapped character by character; one
 * that does not (SQL隱碼攻擊 -> SQL注入) is atomic: an offset inside it goes to
 * its start (a span's start) or its end (a span's end). */
#include "core.h"
#include <stdlib.h>

typedef struct { uint32_t s, slen, o, olen; } piece;

struct sj_script_view {
  char *text;        /* the view; NULL while (or if) nothing was converted */
  size_t len, cap;
  piece *map;        /* replacements whose byte length changed, by view offset */
  size_t nmap, capmap;
  int atomic;        /* some piece is atomic (tokens may need merging) */
  int script;        /* SJ_SCRIPT_* bits of the paragraphs seen */
};

static int out_bytes(sj_script_view *v, const char *s, size_t n) {
  if (!n) return SJ_OK;
  if (v->len + n > v->cap) {
    size_t cap = v->cap ? v->cap : 4096;
    while (cap < v->len + n) cap *= 2;
    if (cap > (size_t)SJ_MAX_INPUT) {
      if (v->len + n > (size_t)SJ_MAX_INPUT) return SJ_ETOOBIG;
      cap = SJ_MAX_INPUT;
    }
    char *t = realloc(v->text, cap);
    if (!t) return SJ_ENOMEM;
    v->text = t;
    v->cap = cap;
  }
  memcpy(v->text + v->len, s, n);
  v->len += n;
  return SJ_OK;
}

/* a replacement of original o[0..olen) by view s[0..slen) (callers add the
 * ones whose length changed, and atomic ones) */
static int add_piece(sj_script_view *v, size_t s, size_t slen, size_t o, size_t olen) {
  if (v->nmap == v->capmap) {
    size_t cap = v->capmap ? v->capmap * 2 : 64;
    piece *p = realloc(v->map, cap * sizeof *p);
    if (!p) return SJ_ENOMEM;
    v->map = p;
    v->capmap = cap;
  }
  v->map[v->nmap++] = (piece){(uint32_t)s, (uint32_t)slen, (uint32_t)o, (uint32_t)olen};
  return SJ_OK;
}

static size_t utf8_put(char *b, uint32_t cp) {
  if (cp < 0x80) { b[0] = (char)cp; return 1; }
  if (cp < 0x800) { b[0] = (char)(0xC0 | cp >> 6); b[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
  if (cp < 0x10000) {
    b[0] = (char)(0xE0 | cp >> 12);
    b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  b[0] = (char)(0xF0 | cp >> 18);
  b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  b[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* the simplified code point of cp, or 0 */
static uint32_t char_t2s(const sj_image *img, uint32_t cp) {
  if (cp < 0x10000 && !(img->t2s_flags[cp] & SJ_T2S_CHAR)) return 0;
  uint32_t lo = 0, hi = img->nt2schars;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2, c = img->t2s_chars[2 * mid];
    if (c == cp) return img->t2s_chars[2 * mid + 1];
    if (c < cp) lo = mid + 1; else hi = mid;
  }
  return 0;
}

/* a[0..n) == b[0..n) (short strings: no call) */
static int same(const char *a, const char *b, size_t n) {
  for (size_t j = 0; j < n; j++)
    if (a[j] != b[j]) return 0;
  return 1;
}

/* The longest phrase key at t[i..n) among those from index k on that start
 * with the l bytes there: its index, or -1. */
static long phrase_at(const sj_image *img, const char *t, size_t n, size_t i, size_t l, uint32_t k) {
  const uint32_t *p = img->t2s_phr;
  long best = -1;
  for (; k < img->nt2sphr; k++) {
    uint32_t off = p[4 * k], kl = p[4 * k + 1];
    if ((size_t)off + kl > img->nt2sstrs || (size_t)p[4 * k + 2] + p[4 * k + 3] > img->nt2sstrs)
      break;
    if (kl < l || !same(img->t2s_strs + off, t + i, l)) break; /* past the range */
    if (i + kl <= n && same(img->t2s_strs + off + l, t + i + l, kl - l) &&
        (best < 0 || kl > p[4 * best + 1]))
      best = (long)k;
  }
  return best;
}

static size_t count_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; c++) {
    uint32_t cp;
    i += (size_t)sj_utf8_dec(s, n, i, &cp);
  }
  return c;
}

/* The map's pieces for the value val[0..vn), at view offset at, of the
 * original t[oi..oi+on): character by character when both have as many
 * characters, else one atomic piece. */
static int phrase_pieces(sj_script_view *v, size_t at, const char *t, size_t oi, size_t on,
                         const char *val, size_t vn) {
  if (count_chars(t + oi, on) != count_chars(val, vn)) {
    v->atomic = 1;
    return add_piece(v, at, vn, oi, on);
  }
  for (size_t x = 0, y = 0; x < on;) {
    uint32_t c1, c2;
    size_t l1 = (size_t)sj_utf8_dec(t + oi, on, x, &c1), l2 = (size_t)sj_utf8_dec(val, vn, y, &c2);
    if (l1 != l2 && add_piece(v, at + y, l2, oi + x, l1)) return SJ_ENOMEM;
    x += l1;
    y += l2;
  }
  return SJ_OK;
}

/* The replacement at t[i..) (l bytes there, code point cp): a phrase (*k
 * its index) or a character (*s its simplified code point); 0 if none. */
static int replacement(const sj_image *img, const char *t, size_t b, size_t i, size_t l,
                       uint32_t cp, int only_trad, long *k, uint32_t *s) {
  uint32_t e = 0;
  if (cp < 0x10000) {
    unsigned f = img->t2s_flags[cp];
    e = img->t2s_bmp[cp];
    if ((!e && !(f & SJ_T2S_CHAR)) || (only_trad && !(f & SJ_T2S_TRAD))) return 0;
  } else if (cp == SJ_BADCP) {
    return 0;
  }
  *k = !only_trad && e >> 16 ? phrase_at(img, t, b, i, l, (e >> 16) - 1) : -1;
  *s = *k >= 0 ? 0 : e & 0xFFFF ? e & 0xFFFF : char_t2s(img, cp);
  return *k >= 0 || *s;
}

/* Convert the paragraph t[a..b) into the view; with only_trad, only the
 * characters that simplified text never uses, one by one.  The paragraph
 * is copied first and replacements of the same byte length are written
 * over the copy; from the first one of another length on, the rest is
 * appended piece by piece. */
static int convert(sj_script_view *v, const sj_image *img, const char *t, size_t a, size_t b,
                   int only_trad) {
  size_t base = v->len, copy = a, i = a;
  int rc = out_bytes(v, t + a, b - a), inplace = 1;
  while (rc == SJ_OK && i < b) {
    uint32_t cp, s;
    long k;
    size_t l = (size_t)sj_utf8_dec(t, b, i, &cp);
    if (!replacement(img, t, b, i, l, cp, only_trad, &k, &s)) { i += l; continue; }
    const uint32_t *p = k >= 0 ? img->t2s_phr + 4 * k : NULL;
    char enc[4];
    const char *val = p ? img->t2s_strs + p[2] : enc;
    size_t vn = p ? p[3] : utf8_put(enc, s), on = p ? p[1] : l;
    if (inplace && vn == on) { /* over the copy */
      memcpy(v->text + base + (i - a), val, vn);
      if (p) rc = phrase_pieces(v, base + (i - a), t, i, on, val, vn);
      i += on;
      continue;
    }
    if (inplace) { /* from here on, append */
      v->len = base + (i - a);
      copy = i;
      inplace = 0;
    }
    rc = out_bytes(v, t + copy, i - copy);
    if (rc == SJ_OK)
      rc = p ? phrase_pieces(v, v->len, t, i, on, val, vn)
             : vn != on ? add_piece(v, v->len, vn, i, on) : SJ_OK;
    if (rc == SJ_OK) rc = out_bytes(v, val, vn);
    i += on;
    copy = i;
  }
  return rc || inplace ? rc : out_bytes(v, t + copy, b - copy);
}

/* SJ_SCRIPT_TRADITIONAL, SJ_SCRIPT_SIMPLIFIED or 0 (neither kind of
 * character) for the paragraph t[a..b); *nt: its traditional-only characters */
static int detect(const sj_image *img, const char *t, size_t a, size_t b, size_t *ntrad) {
  size_t nt = 0, ns = 0;
  const unsigned char *u = (const unsigned char *)t;
  const uint8_t *fl = img->t2s_flags;
  for (size_t i = a; i < b;) {
    unsigned c = u[i];
    if (c < 0x80) { i++; continue; }
    /* fast path: a well-formed 3-byte sequence with lead E3..EF but ED
     * (U+3000..U+FFFF, no surrogate, no overlong form possible) */
    if (c - 0xE3u <= 0x0Cu && c != 0xEDu && i + 2 < b &&
        ((u[i + 1] ^ 0x80u) | (u[i + 2] ^ 0x80u)) < 0x40u) {
      uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
      i += 3;
      if (v < 0x3400) continue;
      unsigned f = fl[v];
      nt += f & SJ_T2S_TRAD;
      ns += (f & SJ_T2S_SIMP) >> 1;
      continue;
    }
    uint32_t cp;
    i += (size_t)sj_utf8_dec(t, b, i, &cp);
    if (cp < 0x3400 || cp >= 0x10000) continue;
    unsigned f = img->t2s_flags[cp];
    nt += f & SJ_T2S_TRAD;
    ns += (f & SJ_T2S_SIMP) >> 1;
  }
  *ntrad = nt;
  return nt > ns ? SJ_SCRIPT_TRADITIONAL : ns ? SJ_SCRIPT_SIMPLIFIED : 0;
}

/* End of the paragraph starting at a: the start of the first blank line
 * after one that is not (blank lines before it belong to it), or n. */
static size_t para_end(const char *t, size_t n, size_t a) {
  int seen = 0;
  for (size_t i = a; i < n;) {
    size_t ls = i;
    while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) i++;
    int nonblank = i < n && t[i] != '\n';
    if (!nonblank && seen) return ls;
    seen |= nonblank;
    const char *nl = memchr(t + i, '\n', n - i);
    i = nl ? (size_t)(nl - t) + 1 : n;
  }
  return n;
}

int sj_script_view_new(const sj_model *m, const char *text, size_t len, unsigned mode,
                       sj_script_view **out) {
  *out = NULL;
  sj_script_view *v = calloc(1, sizeof *v);
  if (!v) return SJ_ENOMEM;
  const sj_image *img = &m->img;
  size_t a = 0, done = 0; /* text[done..) is not in the view yet */
  int rc = SJ_OK;
  while (a < len && rc == SJ_OK) {
    size_t b = para_end(text, len, a);
    size_t nt = 0;
    int s = mode == SJ_SCRIPT_TRADITIONAL ? SJ_SCRIPT_TRADITIONAL : detect(img, text, a, b, &nt);
    v->script |= s;
    if (s == SJ_SCRIPT_TRADITIONAL || nt) { /* a simplified one: its traditional-only chars */
      rc = out_bytes(v, text + done, a - done);
      if (rc == SJ_OK) rc = convert(v, img, text, a, b, s != SJ_SCRIPT_TRADITIONAL);
      done = b;
    }
    a = b;
  }
  if (rc == SJ_OK && v->text) rc = out_bytes(v, text + done, len - done);
  if (rc) { sj_script_view_free(v); return rc; }
  *out = v;
  return SJ_OK;
}

const char *sj_script_view_text(const sj_script_view *v, size_t *len) {
  if (!v || !v->text) return NULL;
  *len = v->len;
  return v->text;
}

int sj_script_view_script(const sj_script_view *v) {
  return v && v->script ? v->script : SJ_SCRIPT_SIMPLIFIED;
}

void sj_script_view_free(sj_script_view *v) {
  if (!v) return;
  free(v->text);
  free(v->map);
  free(v);
}

/* The original offset of view offset x; inside an atomic piece, its start
 * (end == 0) or its end (end == 1).  *j is a cursor into the map (the first
 * piece starting after the last x): offsets asked in about increasing
 * order cost O(1) each. */
static size_t seek(const sj_script_view *v, uint32_t x) { /* the cursor for x */
  size_t lo = 0, hi = v->nmap;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v->map[mid].s <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

static uint32_t back(const sj_script_view *v, size_t *j, uint32_t x, int end) {
  size_t k = *j;
  while (k < v->nmap && v->map[k].s <= x) k++;
  while (k > 0 && v->map[k - 1].s > x) k--;
  *j = k;
  if (!k) return x;
  const piece *p = &v->map[k - 1];
  if (x == p->s) return p->o;
  if (x < p->s + p->slen) return end ? p->o + p->olen : p->o;
  return x - (p->s + p->slen) + (p->o + p->olen);
}

static void map_tokens(const sj_script_view *v, sj_doc *d) {
  sj_token *t = d->tokens.data;
  size_t n = 0, j = 0;
  for (size_t i = 0; i < d->tokens.n; i++) {
    sj_token k = t[i];
    k.start = back(v, &j, k.start, 0);
    k.end = back(v, &j, k.end, 1);
    if (v->atomic && n && k.start < t[n - 1].end) { /* inside an atomic piece: one token */
      if (k.end > t[n - 1].end) t[n - 1].end = k.end;
      continue;
    }
    t[n++] = k;
  }
  d->tokens.n = n;
}

/* An event's place is text of its sentence: show the original's. */
static int map_place(const sj_script_view *v, sj_doc *d, const char *orig, sj_event *e) {
  size_t pl = strlen(e->place);
  if (!pl || e->sent_end > v->len || e->sent_start > e->sent_end) return SJ_OK;
  const char *s = v->text + e->sent_start, *end = v->text + e->sent_end;
  for (; s + pl <= end; s++) {
    if (*s != e->place[0] || memcmp(s, e->place, pl)) continue;
    uint32_t at = (uint32_t)(s - v->text);
    size_t j = seek(v, at);
    uint32_t a = back(v, &j, at, 0), b = back(v, &j, at + (uint32_t)pl, 1);
    char *p = sj_arena_strndup(&d->arena, orig + a, b - a);
    if (!p) return SJ_ENOMEM;
    e->place = p;
    return SJ_OK;
  }
  return SJ_OK;
}

int sj_script_map_back(const sj_script_view *v, sj_doc *d, const char *orig) {
  if (!v || !v->text) return SJ_OK;
  map_tokens(v, d);
  for (int k = SJ_SENTENCE; k <= SJ_PARAGRAPH; k++) {
    sj_span *s = d->spans[k].data;
    size_t j = 0;
    for (size_t i = 0; i < d->spans[k].n; i++) {
      s[i].start = back(v, &j, s[i].start, 0);
      s[i].end = back(v, &j, s[i].end, 1);
    }
  }
  sj_mention *m = d->mentions.data;
  size_t j = 0;
  for (size_t i = 0; i < d->mentions.n; i++) {
    m[i].start = back(v, &j, m[i].start, 0);
    m[i].end = back(v, &j, m[i].end, 1);
  }
  sj_event *e = d->events.data;
  j = 0;
  for (size_t i = 0; i < d->events.n; i++) {
    if (e[i].place && map_place(v, d, orig, &e[i])) return SJ_ENOMEM;
    e[i].sent_start = back(v, &j, e[i].sent_start, 0);
    e[i].start = back(v, &j, e[i].start, 0);
    e[i].end = back(v, &j, e[i].end, 1);
    e[i].sent_end = back(v, &j, e[i].sent_end, 1);
  }
  return SJ_OK;
}
