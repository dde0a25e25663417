/* seg.c — word segmentation.
 *
 * The text is cut into blocks (lines; long lines at punctuation), each
 * block into units: a Han character, a run of Latin letters and digits (a
 * number, a designation part, a word, a URL or an e-mail address), a run
 * of spaces, one punctuation mark or one invalid byte.  Units are the nodes
 * of a DAG whose edges are the lexicon's words (embedded trie and user
 * layer); the max-probability path through it is the baseline cut (the
 * jieba family's).  Runs of single Han characters left by that path go to
 * an HMM (B/M/E/S) that joins out-of-vocabulary words.  Last, numbers are
 * joined with the date units, magnitudes and measure words that follow
 * them, and designations (轰-6K, 96B型) are joined.
 */
#include "core.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SOFT 2048   /* after this many chars, cut at the next break */
#define BLOCK_HARD 16384  /* cut here whatever comes */
#define MIN_LOGP (-1e30)

enum { U_HAN = 1, U_ALNUM, U_SPACE, U_PUNCT, U_OTHER, U_BAD };

typedef struct seg {
  const sj_model *m;
  const unsigned char *s;
  size_t len;
  unsigned flags;
  /* per block, per char */
  uint32_t *cp, *id, *off;
  uint8_t *cls, *ustart;
  uint32_t *uend;       /* for unit starts: char index one past the unit */
  uint8_t *utype;
  double *route;
  uint32_t *next;
  int32_t *npos;        /* pos id of the chosen edge (-1 none, <= -2 user) */
  const char **upos;    /* user layer tag of the chosen edge */
  size_t cap;
  /* output tokens of the block before post-processing */
  sj_vec out;           /* struct tok */
  /* HMM scratch */
  double *v;
  uint8_t *bp;
  size_t hcap;
  const char *posname[256]; /* the tag names by pos id (lex_pos is a byte) */
  int dots;                 /* the block has a one-char token that is a name dot */
  unsigned t2s;             /* SJ_T2S_* flags of the BMP chars >= U+3400 or'ed */
  /* num_class of the words of 1..3 chars asked about (年, 月, 万, 艘, ...
   * after every number): code points 21 bits each, the number of chars
   * (0: empty slot), the class */
  struct { uint64_t key; uint8_t n; uint8_t k; } ncache[64];
} seg;

typedef struct tok {
  uint32_t c0, c1;      /* char range in the block */
  const char *pos;
  uint8_t type;         /* U_* of its first unit, or T_* below */
  uint8_t oov;          /* found by the HMM or the name rule, not the lexicon */
} tok;

enum { T_NUM = 16, T_DATE, T_MEASURED };

/* Room for n chars (+1).  Contents are not kept: each block fills them anew. */
static int seg_reserve(seg *g, size_t n) {
  if (n + 1 <= g->cap) return SJ_OK;
  size_t cap = g->cap ? g->cap : 256;
  while (cap < n + 1) cap *= 2;
#define GROW(p) do { free(g->p); g->p = malloc(cap * sizeof *g->p); if (!g->p) { g->cap = 0; return SJ_ENOMEM; } } while (0)
  GROW(cp); GROW(id); GROW(off); GROW(cls); GROW(ustart); GROW(uend); GROW(utype);
  GROW(route); GROW(next); GROW(npos); GROW(upos);
#undef GROW
  g->cap = cap;
  return SJ_OK;
}

static void seg_free(seg *g) {
  free(g->cp); free(g->id); free(g->off); free(g->cls); free(g->ustart); free(g->uend);
  free(g->utype); free(g->route); free(g->next); free(g->npos); free(g->upos);
  free(g->v); free(g->bp);
  sj_vec_free(&g->out);
}

static int is_connector(uint32_t c) {
  return c == '.' || c == '-' || c == '_' || c == '&' || c == '\'' || c == '+' ||
         c == 0xFF0E || c == 0xFF0D || c == 0x2010 || c == 0x2011;
}
static int is_url_char(uint32_t c) {
  return c > 0x20 && c < 0x7F && !strchr("\"<>\\^`{|}", (int)c);
}
static int is_alnum_cls(int k) { return k == SJ_C_LATIN || k == SJ_C_DIGIT; }

/* Gazetteer class of text[a..b) among the segmenter's number words
 * (kind "num" in dict/seg/numbers.tsv): 'd' date unit, 'g' magnitude,
 * 'a' approximation, 'm' measure word, 0 none. */
/* (as sj_gaz_find(m, text, len, a, b, "num"), without its kind name to
 * look up and its libc string calls: post_numbers asks after every number) */
static int num_class(const sj_model *m, const char *text, size_t len, size_t a, size_t b) {
  sj_gaz_hit h[16];
  uint32_t any;
  if (a >= b || b > len) return 0;
  int n = sj_gaz_walk(&m->img, text, b, a, SJ_K_NUM, h, 16, &any);
  const char *c = NULL;
  for (int i = 0; i < n && !c; i++) {
    if (h[i].len != b - a) continue;
    for (const char *p = h[i].payload; p && !c;) {
      if (p[0] == 'n' && p[1] == 'u' && p[2] == 'm' && (p[3] == '\t' || p[3] == '\n' || !p[3]))
        c = p[3] == '\t' ? p + 4 : p + 3;
      p = strchr(p, '\n'); /* payloads are long: many kinds per word */
      if (p) p++;
    }
  }
  if (!c) return 0;
  switch (c[0]) {
  case 'd': return c[1] == 'a' && c[2] == 't' && c[3] == 'e' ? 'd' : 0;
  case 'm':
    if (c[1] == 'a' && c[2] == 'g') return 'g';
    return !strncmp(c, "measure", 7) ? 'm' : 0;
  case 'a': return !strncmp(c, "approx", 6) ? 'a' : 0;
  default: return 0;
  }
}

/* num_class of chars [a, b) of the block, remembered for short words. */
static int num_class_at(seg *g, uint32_t a, uint32_t b) {
  const char *text = (const char *)g->s;
  size_t nc = b - a;
  uint64_t key = 0;
  if (nc == 0 || nc > 3) return num_class(g->m, text, g->len, g->off[a], g->off[b]);
  for (uint32_t j = a; j < b; j++) {
    if (g->cp[j] >= 1u << 21) return num_class(g->m, text, g->len, g->off[a], g->off[b]);
    key = key << 21 | g->cp[j];
  }
  unsigned slot = (unsigned)((key * 0x9E3779B97F4A7C15ull) >> 58);
  if (g->ncache[slot].n == nc && g->ncache[slot].key == key) return g->ncache[slot].k;
  int k = num_class(g->m, text, g->len, g->off[a], g->off[b]);
  g->ncache[slot].key = key;
  g->ncache[slot].n = (uint8_t)nc;
  g->ncache[slot].k = (uint8_t)k;
  return k;
}

/* Is text[a..b) a model word after a designation (96B型, 054A级: class
 * model of dict/seg/numbers.tsv, beside any other class it has)? */
static int num_model(const sj_model *m, const char *text, size_t len, size_t a, size_t b) {
  for (const char *c = sj_gaz_find(m, text, len, a, b, "num"); c;) {
    if (!strncmp(c, "model", 5) && (c[5] == '\n' || !c[5])) return 1;
    c = strchr(c, '\n');
    while (c && strncmp(c + 1, "num\t", 4)) c = strchr(c + 1, '\n');
    if (c) c += 5;
  }
  return 0;
}

/* A new output token (fields left for the caller to set), NULL on ENOMEM. */
static inline tok *out_push(seg *g) {
  if (g->out.n == g->out.cap && sj_vec_reserve(&g->out, g->out.n + 1)) return NULL;
  return (tok *)g->out.data + g->out.n++;
}

/* ---- units ------------------------------------------------------------ */
/* Alphabets written in runs (a run is one unit): 1 Hangul, 2 kana,
 * 3 Arabic, 4 Hebrew, 5 Thai, 6 Devanagari; 0 otherwise. */
static int script_of(uint32_t c) {
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) return 1;
  if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF && c != 0x30FB)) return 2;
  if (c >= 0x0600 && c <= 0x06FF) return 3;
  if (c >= 0x0590 && c <= 0x05FF) return 4;
  if (c >= 0x0E00 && c <= 0x0E7F) return 5;
  if (c >= 0x0900 && c <= 0x097F) return 6;
  return 0;
}

/* Combining marks, variation selectors, emoji modifiers and tags: they
 * belong to the character before them. */
SJ_HOT int is_mark(uint32_t c) {
  if (c < 0x0300 || (c > 0x20E3 && c < 0xFE00) || (c > 0x036F && c < 0x20E3)) return 0;
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x20E3 ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

static void make_units(seg *g, size_t n) {
  /* locals: the stores into the uint8_t arrays could alias the pointers */
  const uint32_t *cpa = g->cp, *ida = g->id;
  const uint8_t *cls = g->cls;
  uint8_t *ustart = g->ustart, *utype = g->utype;
  uint32_t *uend = g->uend;
  const uint8_t *cd = g->m->img.chinfo;
  size_t k = 0;
  while (k < n) {
    /* most units: a Han character, no Chinese digit (chinfo 1..10; id 0
     * has chinfo 0), before another (so before no combining mark: no
     * mark is Han); they come in runs */
    while (k + 1 < n && cls[k + 1] == SJ_C_HAN && cls[k] == SJ_C_HAN && cd[ida[k]] - 1u >= 10u) {
      ustart[k] = 1;
      uend[k] = (uint32_t)(k + 1);
      utype[k] = U_HAN;
      k++;
    }
    if (k >= n) break;
    int c = cls[k];
    if (c == SJ_C_HAN && cd[ida[k]] - 1u >= 10u && k + 1 >= n) {
      ustart[k] = 1;
      uend[k] = (uint32_t)(k + 1);
      utype[k] = U_HAN;
      k++;
      continue;
    }
    size_t e = k + 1;
    uint8_t t;
    if (is_alnum_cls(c)) {
      t = U_ALNUM;
      for (;;) {
        while (e < n && is_alnum_cls(cls[e])) e++;
        /* connectors inside: 3.5 COVID-19 e-mail AT&T; thousands 1,000 */
        if (e + 1 < n && is_connector(cpa[e]) && is_alnum_cls(cls[e + 1])) { e++; continue; }
        if (e + 3 < n && (cpa[e] == ',' || cpa[e] == 0xFF0C) && sj_digit(cpa[e - 1]) >= 0 &&
            sj_digit(cpa[e + 1]) >= 0 && sj_digit(cpa[e + 2]) >= 0 && sj_digit(cpa[e + 3]) >= 0 &&
            (e + 4 >= n || sj_digit(cpa[e + 4]) < 0)) { e += 1; continue; }
        break;
      }
      /* URL or e-mail: scheme://..., www...., name@host */
      int url = (e + 2 < n && cpa[e] == ':' && cpa[e + 1] == '/' && cpa[e + 2] == '/') ||
                (e + 1 < n && cpa[e] == '@' && is_alnum_cls(cls[e + 1])) ||
                (e - k == 3 && (cpa[k] | 0x20) == 'w' && (cpa[k + 1] | 0x20) == 'w' &&
                 (cpa[k + 2] | 0x20) == 'w' && e < n && cpa[e] == '.');
      if (url) {
        while (e < n && is_url_char(cpa[e])) e++;
        while (e > k + 1 && strchr(".,;:!?)'", (int)(cpa[e - 1] < 0x80 ? cpa[e - 1] : 'x'))) e--;
      }
      /* percent sign after a number */
      if (e < n && sj_digit(cpa[e - 1]) >= 0 &&
          (cpa[e] == '%' || cpa[e] == 0xFF05 || cpa[e] == 0x2030))
        e++;
    } else if (c == SJ_C_HAN) {
      t = U_HAN;
      /* a year in Chinese digits (二○○○年, 一九九八年) is one unit */
      if (ida[k] && cd[ida[k]] - 1u < 10u) {
        size_t y = k + 1;
        while (y < n && ida[y] && cd[ida[y]] && cd[ida[y]] <= 10) y++;
        if (y - k >= 2 && y < n && cpa[y] == 0x5E74) { e = y + 1; t = U_ALNUM; }
      }
    } else if (c == SJ_C_SPACE) {
      t = U_SPACE;
      while (e < n && cls[e] == SJ_C_SPACE) e++;
    } else if (c == SJ_C_PUNCT) {
      t = U_PUNCT;
      /* runs of the same dash or dot (—— ……) stay together */
      if (cpa[k] == 0x2014 || cpa[k] == 0x2026 || cpa[k] == 0x2500)
        while (e < n && cpa[e] == cpa[k]) e++;
    } else if (c == SJ_C_BAD) {
      t = U_BAD;
    } else {
      t = U_OTHER;
      int sc = script_of(cpa[k]);
      if (sc) { /* a run of one alphabet: Hangul, kana, Arabic, Thai ... */
        while (e < n && (script_of(cpa[e]) == sc || is_mark(cpa[e]))) e++;
      } else { /* a symbol or emoji with its modifiers and joined parts */
        int ri = cpa[k] >= 0x1F1E6 && cpa[k] <= 0x1F1FF;
        if (ri && e < n && cpa[e] >= 0x1F1E6 && cpa[e] <= 0x1F1FF) e++; /* a flag */
        for (;;) {
          while (e < n && is_mark(cpa[e])) e++;
          if (e + 1 < n && cpa[e] == 0x200D && cls[e + 1] == SJ_C_OTHER) { e += 2; continue; }
          break;
        }
      }
    }
    if (t != U_SPACE && t != U_BAD)
      while (e < n && is_mark(cpa[e])) e++; /* 1️⃣, 葛󠄀: marks stay with their base */
    ustart[k] = 1;
    uend[k] = (uint32_t)e;
    utype[k] = t;
    for (size_t j = k + 1; j < e; j++) ustart[j] = 0;
    k = e;
  }
  ustart[n] = 1;
}

/* ---- DAG and max-probability path ------------------------------------ */
/* ---- names after titles ------------------------------------------------
 * 国防部长魏凤和, 外长王毅: after a title word (gazetteer kind "title") a
 * surname starts a person's name of one or two more characters.  best_path
 * offers the name as a word, weighed by how often its characters are given
 * names, and lets the rest of the sentence decide its length. */
#define NAME_LOGP (-1.0)

/* Does a title word end right before char k (one backward walk)? */
static int title_before(seg *g, size_t k) {
  sj_gaz_hit h[2];
  /* most chars end no suffix-trie entry at all: one transition tells */
  if (k == 0 || !g->id[k - 1] || sj_dat_next(&g->m->img.suf, 0, g->id[k - 1]) < 0) return 0;
  return sj_gaz_suffix(g->m, (const char *)g->s, g->off[0], g->off[k], SJ_K_TITLE, h, 2) > 0;
}

static int is_surname(seg *g, uint32_t a, uint32_t b);
static int is_function_char(seg *g, uint32_t c);

/* Length of the surname at char k (2 for 欧阳, 1 for 王), 0 if none or if
 * the char is, alone, a frequent function word (和, 于). */
static uint32_t surname_at(seg *g, size_t k, size_t n) {
  if (k + 2 < n && g->cls[k + 1] == SJ_C_HAN && is_surname(g, (uint32_t)k, (uint32_t)k + 2)) return 2;
  if (is_surname(g, (uint32_t)k, (uint32_t)k + 1) && !is_function_char(g, (uint32_t)k)) return 1;
  return 0;
}

/* Is the char at k a list separator or a bracket that may stand next to
 * a name in a list of names (、 ， ： （ ） 。 ；)? */
static int name_list_sep(const seg *g, size_t k) {
  uint32_t c = g->cp[k];
  return c == 0x3001 || c == 0xFF0C || c == 0xFF1A || c == 0xFF08 || c == 0xFF09 ||
         c == 0x3002 || c == 0xFF1B;
}

/* A list of names (张三丰、李四光、王五): the item at k, between separators
 * with 、 on one side, has exactly a surname and a two-character given
 * name (sn + 2 chars).  The name edges are then weighed as after a title. */
static int name_list_item(const seg *g, size_t k, size_t n, uint32_t sn) {
  size_t e = k + sn + 2;
  if (!sn || k == 0 || e > n || !name_list_sep(g, k - 1)) return 0;
  for (size_t j = k; j < e; j++)
    if (g->cls[j] != SJ_C_HAN || !g->id[j]) return 0;
  if (e < n && !name_list_sep(g, e)) return 0;
  return g->cp[k - 1] == 0x3001 || (e < n && g->cp[e] == 0x3001);
}

/* The best edge out of a unit so far: log probability of the path from
 * there, the char after the edge, its tag (pos id; -1 none, -2 user word,
 * -3 a name). */
typedef struct edge {
  double best;
  uint32_t next;
  int32_t pos;
} edge;

#if defined(__GNUC__) || defined(__clang__)
#define SEG_COLD __attribute__((noinline, cold))
#else
#define SEG_COLD
#endif

/* A person's name after a title or in a list of names, at the surname
 * char k: surname + one or two given-name characters, weighed by how often
 * they are given names.  (Out of line: rare, and it would crowd the
 * registers of best_path's walk.) */
static SEG_COLD void name_edges(seg *g, size_t k, size_t n, int has_lexword, edge *b) {
  const sj_image *img = &g->m->img;
  uint32_t sn = 0;
  int lst = 0;
  if (!has_lexword && title_before(g, k)) sn = surname_at(g, k, n);
  else if (k > 0 && name_list_sep(g, k - 1)) { /* name_list_item's first test */
    sn = surname_at(g, k, n);
    if (!(lst = name_list_item(g, k, n, sn))) sn = 0;
  }
  double nlp = NAME_LOGP;
  for (uint32_t gl = 1; sn && gl <= 2; gl++) {
    size_t end = k + sn + gl;
    if (end > n || g->cls[end - 1] != SJ_C_HAN || !g->id[end - 1]) break;
    nlp += img->given[g->id[end - 1]];
    if (!g->ustart[end] || (lst && gl != 2)) continue;
    double c = nlp + img->given[img->nchars + gl] + g->route[end]; /* + length prior */
    if (c > b->best) { b->best = c; b->next = (uint32_t)end; b->pos = -3; }
  }
}

/* User words from char k (they may contain spaces, Latin and
 * punctuation). */
static SEG_COLD void user_edges(seg *g, size_t k, size_t n, edge *b) {
  const sj_user *u = &g->m->user;
  int32_t node = 0;
  for (size_t j = k; j < n; j++) {
    node = sj_user_next(u, node, g->cp[j]);
    if (node < 0) break;
    if (!u->term[node] || !g->ustart[j + 1]) continue;
    double c = u->logp[node] + g->route[j + 1];
    if (c >= b->best) {
      b->best = c; b->next = (uint32_t)(j + 1); b->pos = -2; g->upos[k] = u->pos[node];
    }
  }
}

static void best_path(seg *g, size_t n) {
  const sj_image *img = &g->m->img;
  /* locals, so that stores into the arrays do not reload the pointers */
  const int32_t *cells = img->lex.cells;
  const int64_t ncells = img->lex.n;
  const uint8_t *lexpos = img->lex_pos;
  const uint32_t *id = g->id, *uend = g->uend;
  const uint8_t *ustart = g->ustart, *cls = g->cls;
  const uint16_t *gstart = img->gaz_start;
  double *route = g->route;
  uint32_t *next = g->next;
  int32_t *npos = g->npos;
  const int user = g->m->user.nwords != 0;
  const double unk = -img->log_total; /* log(1 / total) */
  route[n] = 0;
  for (size_t k = n; k-- > 0;) {
    if (!ustart[k]) continue;
    /* the unit alone, then lexicon words */
    size_t e = uend[k];
    double best = unk + route[e];
    uint32_t bnext = (uint32_t)e;
    int32_t bpos = -1;
    int64_t st = 0;
    int has_lexword = 0; /* a word of 2+ chars starts here: no name guess */
    for (size_t j = k; id[j]; j++) { /* id[n] is 0 */
      uint64_t t = (uint64_t)((int64_t)cells[2 * st] + id[j]);
      if (t >= (uint64_t)ncells || cells[2 * t + 1] != st) break;
      st = (int64_t)t;
      if (j + 1 < e || !ustart[j + 1]) continue;
      uint64_t term = (uint64_t)(int64_t)cells[2 * st];
      if (term - 1 >= (uint64_t)ncells - 1 || cells[2 * term + 1] != st) continue;
      if (j > k) has_lexword = 1;
      float lp;
      memcpy(&lp, &cells[2 * term], sizeof lp);
      double c = lp + route[j + 1];
      if (c >= best || j + 1 == e) {
        best = c; bnext = (uint32_t)(j + 1);
        bpos = (int32_t)lexpos[term];
      }
    }
    if ((cls[k] == SJ_C_HAN && (gstart[id[k]] & SJ_K_SURNAME)) || user) {
      edge b = {best, bnext, bpos};
      if (cls[k] == SJ_C_HAN && (gstart[id[k]] & SJ_K_SURNAME)) name_edges(g, k, n, has_lexword, &b);
      if (user) user_edges(g, k, n, &b);
      best = b.best; bnext = b.next; bpos = b.pos;
    }
    route[k] = best;
    next[k] = bnext;
    npos[k] = bpos; /* (upos[k] is set only for a user word, -2) */
  }
}

/* ---- HMM for runs of single characters ---------------------------------- */
/* Viterbi over chars c0..c1 (B M E S); appends words to g->out. */
static int hmm_cut(seg *g, uint32_t c0, uint32_t c1) {
  const sj_image *img = &g->m->img;
  size_t n = c1 - c0;
  if (n * 4 > g->hcap) {
    size_t cap = n * 4 * 2;
    double *v = realloc(g->v, cap * sizeof *v);
    if (!v) return SJ_ENOMEM;
    g->v = v;
    uint8_t *bp = realloc(g->bp, cap);
    if (!bp) return SJ_ENOMEM;
    g->bp = bp;
    g->hcap = cap;
  }
  const float *st = img->hmm_start, *tr = img->hmm_trans, *em = img->hmm_emit;
  size_t stride = (size_t)img->nchars + 1;
  /* previous states allowed: B<-E,S  M<-M,B  E<-B,M  S<-S,E  (B=0 M=1 E=2 S=3) */
  static const int prev[4][2] = {{2, 3}, {1, 0}, {0, 1}, {3, 2}};
  for (size_t t = 0; t < n; t++) {
    uint32_t id = g->id[c0 + t];
    for (int y = 0; y < 4; y++) {
      double e = id ? em[(size_t)y * stride + id] : MIN_LOGP;
      if (e < -1e29) e = MIN_LOGP;
      if (t == 0) {
        g->v[y] = st[y] + e;
        g->bp[y] = 0;
      } else {
        int a = prev[y][0], b = prev[y][1];
        double va = g->v[(t - 1) * 4 + (size_t)a] + tr[a * 4 + y];
        double vb = g->v[(t - 1) * 4 + (size_t)b] + tr[b * 4 + y];
        g->v[t * 4 + (size_t)y] = (va >= vb ? va : vb) + e;
        g->bp[t * 4 + (size_t)y] = (uint8_t)(va >= vb ? a : b);
      }
    }
  }
  int y = g->v[(n - 1) * 4 + 2] >= g->v[(n - 1) * 4 + 3] ? 2 : 3;
  uint8_t states_stack[64];
  uint8_t *states = n <= sizeof states_stack ? states_stack : malloc(n);
  if (!states) return SJ_ENOMEM;
  for (size_t t = n; t-- > 0;) {
    states[t] = (uint8_t)y;
    y = g->bp[t * 4 + (size_t)y];
  }
  uint32_t ws = c0;
  for (size_t t = 0; t < n; t++) {
    int s = states[t];
    if (s == 0) ws = c0 + (uint32_t)t;
    if (s == 2 || s == 3) {
      uint32_t a = s == 3 ? c0 + (uint32_t)t : ws;
      tok *o = out_push(g);
      if (!o) { if (states != states_stack) free(states); return SJ_ENOMEM; }
      o->c0 = a;
      o->c1 = c0 + (uint32_t)t + 1;
      o->type = U_HAN;
      o->oov = 1;
      o->pos = NULL; /* tagged later */
      ws = o->c1;
    }
  }
  if (ws < c1) { /* an unfinished B/M tail: emit as one word */
    tok *o = out_push(g);
    if (!o) { if (states != states_stack) free(states); return SJ_ENOMEM; }
    o->c0 = ws; o->c1 = c1; o->type = U_HAN; o->oov = 1; o->pos = NULL;
  }
  if (states != states_stack) free(states);
  return SJ_OK;
}


/* Tag of a word found by the HMM: a person's name if it starts with a
 * surname, else a proper noun. */
static const char *oov_pos(seg *g, uint32_t c0, uint32_t c1) {
  if (c1 - c0 >= 2 && c1 - c0 <= 4 && (is_surname(g, c0, c0 + 1) || (c1 - c0 >= 3 && is_surname(g, c0, c0 + 2))))
    return "nr";
  return "nz";
}

/* A character that is, on its own, a frequent function word (a
 * preposition, conjunction, particle, adverb, pronoun or numeral) does not
 * belong in an out-of-vocabulary word: 这是 图为 二是 更大 are two words
 * each, the HMM's joins notwithstanding.  Such joins are undone. */
#define FUNC_LOGP (-9.0f)
/* Is char `id` (code point cp), as a word of its own, a frequent function
 * word? */
static int func_char(const sj_image *img, uint32_t id, uint32_t cp) {
  int32_t st = id ? sj_dat_next(&img->lex, 0, id) : -1;
  int32_t t = st >= 0 ? sj_dat_term(&img->lex, st) : -1;
  if (t < 0 || sj_lex_logp(&img->lex, t) < FUNC_LOGP) return 0;
  const char *tag = sj_image_pos(img, img->lex_pos[t]);
  if (strchr("pcudry", tag[0]) && !(tag[0] == 'u' && tag[1] == 'v')) return 1;
  /* numerals 一..九 (二是, 三大), but not 两 (两军, 两岸 are words) */
  return tag[0] == 'm' && cp != 0x4E24 && img->chinfo[id] >= 2 && img->chinfo[id] <= 10;
}

static int is_function_char(seg *g, uint32_t c) {
  return func_char(&g->m->img, g->id[c], g->cp[c]);
}

/* Split output token i at char `cut` into two tokens. */
static int split_tok(seg *g, size_t i, uint32_t cut) {
  if (!out_push(g)) return SJ_ENOMEM;
  tok *t = &SJ_VEC_AT(&g->out, tok, i);
  memmove(t + 2, t + 1, (g->out.n - i - 2) * sizeof *t);
  t[1] = t[0];
  t[0].c1 = cut;
  t[1].c0 = cut;
  return SJ_OK;
}

static int hmm_filter(seg *g, size_t from) {
  for (size_t t = from; t < g->out.n; t++) {
    tok *o = &SJ_VEC_AT(&g->out, tok, t);
    if (o->c1 - o->c0 < 2) continue;
    int bad = 0;
    for (uint32_t c = o->c0; c < o->c1 && !bad; c++) bad = is_function_char(g, c);
    if (!bad) continue;
    /* into single chars */
    uint32_t c1 = o->c1;
    for (uint32_t c = o->c0 + 1; c < c1; c++, t++)
      if (split_tok(g, t, c)) return SJ_ENOMEM;
  }
  return SJ_OK;
}

/* Middle dots of transliterated names (post_dots). */
static int is_name_dot(uint32_t c) {
  return c == 0x00B7 || c == 0x30FB || c == 0x2022 || c == 0xFF65 || c == 0x2027;
}

/* Walk the best path, sending runs of single Han chars to the HMM. */
static int emit_path(seg *g, size_t n) {
  g->out.n = 0;
  g->dots = 0;
  size_t k = 0, run = 0;
  const int32_t *npos = g->npos;
  const uint32_t *nexta = g->next;
  const uint8_t *utype = g->utype;
  const char *const *posname = g->posname;
  int use_hmm = !(g->flags & SJ_SEG_NO_HMM);
  while (k <= n) {
    size_t e = k < n ? nexta[k] : n;
    int single = k < n && e == k + 1 && utype[k] == U_HAN && npos[k] > -2;
    if (single && use_hmm) { k = e; continue; }
    /* flush the run [run, k) of single Han chars */
    if (k > run) {
      int whole = 0;
      if (k - run > 1) {
        int32_t st = 0;
        const sj_dat *lex = &g->m->img.lex;
        for (size_t j = run; j < k && st >= 0; j++) st = g->id[j] ? sj_dat_next(lex, st, g->id[j]) : -1;
        whole = st >= 0 && sj_dat_term(lex, st) >= 0;
      }
      if (k - run > 1 && !whole) {
        size_t before = g->out.n;
        int rc = hmm_cut(g, (uint32_t)run, (uint32_t)k);
        if (rc) return rc;
        rc = hmm_filter(g, before);
        if (rc) return rc;
        for (size_t t = before; t < g->out.n; t++) {
          tok *o = &SJ_VEC_AT(&g->out, tok, t);
          if (o->c1 - o->c0 == 1) o->pos = npos[o->c0] >= 0 ? posname[npos[o->c0]] : "x";
          else o->pos = oov_pos(g, o->c0, o->c1);
        }
      } else {
        for (size_t j = run; j < k; j++) {
          tok *o = out_push(g);
          if (!o) return SJ_ENOMEM;
          o->c0 = (uint32_t)j; o->c1 = (uint32_t)j + 1; o->type = U_HAN; o->oov = 0;
          o->pos = npos[j] >= 0 ? posname[npos[j]] : "x";
        }
      }
    }
    if (k == n) break;
    tok *o = out_push(g);
    if (!o) return SJ_ENOMEM;
    o->c0 = (uint32_t)k;
    o->c1 = (uint32_t)e;
    o->type = utype[k];
    if (e == k + 1 && utype[k] != U_HAN && is_name_dot(g->cp[k])) g->dots = 1;
    o->oov = npos[k] == -3;
    if (npos[k] == -3) o->pos = "nr";
    else if (npos[k] == -2) o->pos = g->upos[k];
    else if (npos[k] >= 0) o->pos = posname[npos[k]];
    else switch (utype[k]) {
      case U_ALNUM:
        o->pos = g->cp[e - 1] == 0x5E74 ? "t" : sj_digit(g->cp[k]) >= 0 ? "m" : "eng";
        break;
      case U_HAN: o->pos = "x"; break;
      default: o->pos = "x"; break;
    }
    k = e;
    run = k;
  }
  return SJ_OK;
}

/* ---- numbers and designations ------------------------------------------ */
/* Is chars c0..c1 a number (Arabic, with . , %, or Chinese numerals)?
 * *cn: it has Chinese numerals; *pure: only 0-9 valued characters. */
static int all_digits(seg *g, uint32_t c0, uint32_t c1, int *cn, int *pure) {
  const uint8_t *cd = g->m->img.chinfo;
  *cn = 0;
  *pure = 1;
  if (c1 <= c0) return 0;
  for (uint32_t j = c0; j < c1; j++) {
    uint32_t c = g->cp[j];
    if (c < 0x80 || (c >= 0xFF05 && c <= 0xFF19) || c == 0x2030) {
      if (sj_digit(c) >= 0 || c == '.' || c == 0xFF0E || c == ',' || c == 0xFF0C ||
          c == '%' || c == 0xFF05 || c == 0x2030) continue;
      return 0;
    }
    uint8_t v = g->id[j] ? cd[g->id[j]] : 0;
    if (!v) return 0;
    *cn = 1;
    if (v > 10) *pure = 0;
  }
  return 1;
}

static long cn_value(seg *g, uint32_t c0, uint32_t c1) {
  static const long unit[] = {10, 100, 1000, 10000, 100000000};
  const uint8_t *cd = g->m->img.chinfo;
  long total = 0, cur = 0;
  for (uint32_t j = c0; j < c1; j++) {
    uint8_t v = g->id[j] ? cd[g->id[j]] : 0;
    if (!v) return -1;
    if (v <= 10) cur = cur * 10 + (v - 1);
    else { total += (cur ? cur : 1) * unit[v - 11]; cur = 0; }
  }
  return total + cur;
}

/* Does cur (a number) take chars [a, b) of the following token? */
static int takes(seg *g, const tok *cur, int cn, int pure, long cv, int k, uint32_t a, uint32_t b,
                 int prev_date, int fine) {
  switch (k) {
  case 'd':
    /* date units: with Chinese numerals 年 needs a year-like numeral,
     * 月 1..12, 日 1..31 after a month */
    if (cn) {
      if (g->cp[a] == 0x5E74 && !(pure && cur->c1 - cur->c0 >= 2)) return 0;
      if (g->cp[a] == 0x6708 && !(cv >= 1 && cv <= 12)) return 0;
      if ((g->cp[a] == 0x65E5 || g->cp[a] == 0x53F7) && !(cv >= 1 && cv <= 31 && prev_date)) return 0;
    }
    return 1;
  case 'g': return 1;
  case 'a': return !fine;
  case 'm':
    if (fine) return 0;
    /* a lone 一 before a measure is usually a word of its own (一种) */
    return !(cn && cur->c1 - cur->c0 == 1 && g->cp[cur->c0] == 0x4E00);
  default: (void)b; return 0;
  }
}

/* Join numbers with what follows them (date units, magnitudes, approx
 * markers, measure words) and join designations.  The tail may be the
 * first character of a longer token (1 日电 -> 1日 电; 1 万人 -> 1万人). */
static void post_numbers(seg *g) {
  tok *t = g->out.data;
  size_t n = g->out.n, w = 0;
  int fine = (g->flags & SJ_SEG_SPLIT_MEASURES) != 0;
  const char *text = (const char *)g->s;
  const uint32_t *ida = g->id, *cpa = g->cp;
  const uint8_t *cd = g->m->img.chinfo;
  for (size_t i = 0; i < n; i++) {
    /* most tokens: a Han word that is no number and no designation */
    if (t[i].type == U_HAN && !(ida[t[i].c0] && cd[ida[t[i].c0]]) &&
        !(i + 2 < n && t[i + 1].c1 == t[i + 1].c0 + 1 &&
          (cpa[t[i + 1].c0] == '-' || cpa[t[i + 1].c0] == 0xFF0D))) {
      t[w++] = t[i];
      continue;
    }
    tok cur = t[i];
    int cn, pure;
    int first_num = cur.type == U_ALNUM ? sj_digit(g->cp[cur.c0]) >= 0
                    : cur.type == U_HAN && g->id[cur.c0] && g->m->img.chinfo[g->id[cur.c0]];
    if (first_num && all_digits(g, cur.c0, cur.c1, &cn, &pure)) {
      long cv = cn ? cn_value(g, cur.c0, cur.c1) : 0;
      int prev_date = w > 0 && t[w - 1].type == T_DATE;
      size_t j = i + 1;
      int phase = 0; /* 0: magnitudes and approx may follow; 1: done */
      if (cur.type == U_ALNUM) { cur.type = T_NUM; cur.pos = "m"; }
      while (phase == 0 && j < n && t[j].type == U_HAN && t[j].c0 == cur.c1) {
        uint32_t a = t[j].c0, b = t[j].c1;
        int k = num_class_at(g, a, b);
        if (!k || !takes(g, &cur, cn, pure, cv, k, a, b, prev_date, fine)) {
          /* only the first character? */
          if (b - a < 2) break;
          b = a + 1;
          k = num_class_at(g, a, b);
          if (!k || !takes(g, &cur, cn, pure, cv, k, a, b, prev_date, fine)) break;
        }
        cur.c1 = b;
        if (b == t[j].c1) j++;
        else t[j].c0 = b; /* the rest of the token stays a token */
        if (k == 'd') { cur.type = T_DATE; cur.pos = "t"; phase = 1; }
        else if (k == 'm') { cur.type = T_MEASURED; cur.pos = "m"; phase = 1; }
        else { cur.type = T_NUM; cur.pos = "m"; }
      }
      /* join date parts: 2020年 12月 22日 -> one token (not in the fine scheme) */
      if (cur.type == T_DATE && !fine && prev_date && t[w - 1].c1 == cur.c0) {
        t[w - 1].c1 = cur.c1;
      } else {
        t[w++] = cur;
      }
      i = j - 1;
      continue;
    }
    /* designations: 轰-6K 运-20 雄鹰-IX; 96B型 */
    if (cur.type == U_HAN && i + 2 < n && t[i + 1].c1 == t[i + 1].c0 + 1 &&
        (g->cp[t[i + 1].c0] == '-' || g->cp[t[i + 1].c0] == 0xFF0D) && t[i + 2].type == U_ALNUM &&
        cur.c1 - cur.c0 <= 4) {
      cur.c1 = t[i + 2].c1;
      cur.pos = "nz";
      t[w++] = cur;
      i += 2;
      continue;
    }
    if (cur.type == U_ALNUM && i + 1 < n && t[i + 1].type == U_HAN &&
        num_model(g->m, text, g->len, g->off[t[i + 1].c0], g->off[t[i + 1].c1])) {
      cur.c1 = t[i + 1].c1;
      cur.pos = "nz";
      t[w++] = cur;
      i += 1;
      continue;
    }
    t[w++] = cur;
  }
  g->out.n = w;
}

/* Transliterated names are written with a middle dot (卡普斯京·阿尔,
 * 穆罕默德·本·萨勒曼): join the Han words on both sides of the dot — the
 * nearest one always, and further ones while they are single characters,
 * out-of-vocabulary words or name fragments (nr*), not function words. */

static int joinable(seg *g, const tok *t) {
  int name = t->pos && t->pos[0] == 'n' && t->pos[1] == 'r'; /* 卡普斯/nr 勒曼/nrt */
  return t->type == U_HAN && (t->oov || name || t->c1 - t->c0 == 1) && !is_function_char(g, t->c0);
}

static void post_dots(seg *g) {
  tok *t = g->out.data;
  size_t n = g->out.n, w = 0;
  /* compacted in place: t[0..w) are the tokens done, t[i..n) those to do */
  for (size_t i = 0; i < n;) {
    /* (a dot is a unit of its own, never Han) */
    if (w > 0 && i + 1 < n && t[i].type != U_HAN && t[i].c1 - t[i].c0 == 1 &&
        is_name_dot(g->cp[t[i].c0]) && t[w - 1].type == U_HAN && t[i + 1].type == U_HAN &&
        /* 中国·东盟: two known words that are not names stay apart */
        (joinable(g, &t[w - 1]) || joinable(g, &t[i + 1]))) {
      size_t a = w - 1, b = i + 1;
      while (a > 0 && t[a - 1].c1 == t[a].c0 && joinable(g, &t[a - 1]) && t[i].c0 - t[a - 1].c0 <= 4) a--;
      while (b + 1 < n && t[b + 1].c0 == t[b].c1 && joinable(g, &t[b + 1]) && t[b + 1].c1 - t[i].c1 <= 4) b++;
      t[a].c1 = t[b].c1;
      t[a].pos = "nrt";
      t[a].oov = 1;
      w = a + 1;
      i = b + 1;
      continue;
    }
    t[w++] = t[i++];
  }
  g->out.n = w;
}

/* Is [a, b) a surname (gazetteer kind "surname")? */
static int is_surname(seg *g, uint32_t a, uint32_t b) {
  return sj_gaz_is(g->m, (const char *)g->s, g->off[a], g->off[b], SJ_K_SURNAME);
}

/* The fine scheme (the PKU standard) splits what the lexicon keeps
 * together: a numeral and its measure word (一年 -> 一 年, 第一个 -> 第一
 * 个) and a person's surname and given name (江泽民 -> 江 泽民). */
static int post_fine(seg *g) {
  const uint8_t *cd = g->m->img.chinfo;
  for (size_t i = 0; i < g->out.n; i++) {
    tok *t = &SJ_VEC_AT(&g->out, tok, i);
    uint32_t a = t->c0, b = t->c1, cut = 0;
    if (t->type != U_HAN || b - a < 2) continue;
    uint32_t x = a;
    if (g->cp[x] == 0x7B2C) x++; /* 第 */
    uint32_t y = x;
    while (y < b && g->id[y] && cd[g->id[y]] && cd[g->id[y]] <= 11) y++;
    if (y == x && (g->cp[x] == 0x51E0 || g->cp[x] == 0x591A)) y = x + 1; /* 几 多 */
    /* 一个 is a word of the standard itself */
    if (y > x && y < b && num_class_at(g, y, b) == 'm' &&
        !(b - a == 2 && g->cp[a] == 0x4E00 && g->cp[a + 1] == 0x4E2A))
      cut = y;
    if (!cut && t->pos && t->pos[0] == 'n' && t->pos[1] == 'r' && b - a >= 2 && b - a <= 4) {
      if (b - a >= 3 && is_surname(g, a, a + 2)) cut = a + 2;
      else if (is_surname(g, a, a + 1)) cut = a + 1;
    }
    if (!cut) continue;
    if (split_tok(g, i, cut)) return SJ_ENOMEM;
    i++;
  }
  return SJ_OK;
}

/* ---- driver ------------------------------------------------------------- */
/* Decode text[b0..b1) into the per-char arrays; returns the number of
 * chars, or (size_t)-1 for ENOMEM. */
static size_t decode_block(seg *g, size_t b0, size_t b1) {
  const unsigned char *s = g->s;
  size_t n = 0;
  if (seg_reserve(g, b1 - b0 + 1)) return (size_t)-1; /* chars <= bytes */
  /* locals: the stores into the uint8_t arrays could alias the pointers */
  uint32_t *cpa = g->cp, *ida = g->id, *off = g->off;
  uint8_t *cls = g->cls;
  const sj_image *img = &g->m->img;
  const uint16_t *cmap = img->cmap;
  const uint8_t *t2s = img->t2s_flags;
  unsigned fl = 0;
  for (size_t i = b0; i < b1;) {
    uint32_t cp;
    int l;
    unsigned c0 = s[i];
    int k;
    /* most characters: U+4000..U+9FFF (lead bytes E4..E9), all Han but the
     * hexagrams U+4DC0..U+4DFF, all in the BMP and past U+3400 */
    if (c0 - 0xE4u <= 5u && i + 2 < b1 && ((s[i + 1] ^ 0x80u) | (s[i + 2] ^ 0x80u)) < 0x40u) {
      unsigned x0 = c0, x1 = s[i + 1], x2 = s[i + 2]; /* (the stores below may alias s) */
      for (;;) {
        uint32_t h = (x0 & 0x0Fu) << 12 | (x1 & 0x3Fu) << 6 | (x2 & 0x3Fu);
        fl |= t2s[h];
        cpa[n] = h;
        off[n] = (uint32_t)i;
        ida[n] = cmap[h];
        cls[n] = (uint8_t)(h - 0x4DC0u < 0x40u ? sj_cclass(h) : SJ_C_HAN);
        n++;
        i += 3;
        if (i + 2 >= b1) break;
        x0 = s[i]; x1 = s[i + 1]; x2 = s[i + 2];
        if (x0 - 0xE4u > 5u || ((x1 ^ 0x80u) | (x2 ^ 0x80u)) >= 0x40u) break;
      }
      continue;
    }
    if (c0 < 0x80) { /* ASCII */
      cp = c0;
      l = 1;
      k = sj_cclass_ascii(cp);
    } else if (c0 - 0xE1u <= 0x0Bu && i + 2 < b1 && ((s[i + 1] ^ 0x80u) | (s[i + 2] ^ 0x80u)) < 0x40u) {
      /* a 3-byte sequence (all of CJK) */
      cp = ((uint32_t)(c0 & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      l = 3;
      k = cp - 0x4E00u <= 0x9FFFu - 0x4E00u ? SJ_C_HAN : sj_cclass(cp);
    } else {
      l = sj_utf8_decode(s, b1, i, &cp);
      k = sj_cclass(cp);
    }
    cpa[n] = cp;
    off[n] = (uint32_t)i;
    cls[n] = (uint8_t)k;
    ida[n] = cp < 0x10000 ? cmap[cp] : cp == SJ_BADCP ? 0 : sj_image_char(img, cp);
    if (cp - 0x3400u < 0x10000u - 0x3400u) fl |= t2s[cp];
    n++;
    i += (size_t)l;
  }
  off[n] = (uint32_t)b1;
  ida[n] = 0; /* a sentinel: the trie walks stop there */
  g->t2s |= fl;
  return n;
}

static int do_block(seg *g, sj_doc *d, size_t b0, size_t b1) {
  size_t n = decode_block(g, b0, b1);
  if (n == (size_t)-1) return SJ_ENOMEM;
  make_units(g, n);
  best_path(g, n);
  int rc = emit_path(g, n);
  if (rc) return rc;
  post_numbers(g);
  if (g->dots) post_dots(g);
  if ((g->flags & SJ_SEG_SPLIT_MEASURES) && (rc = post_fine(g))) return rc;
  size_t need = d->tokens.n + g->out.n;
  if (need > d->tokens.cap) {
    /* more tokens than estimated (Latin, markup): extrapolate from the
     * bytes done so far, with 1/8 to spare, rather than double */
    double est = (double)need * ((double)g->len / (double)(b1 ? b1 : 1)) * 1.125 + 256;
    size_t want = est < (double)((size_t)-1 / 2) ? (size_t)est : (size_t)-1 / 2;
    if (want < need) want = need;
    if (sj_vec_reserve_exact(&d->tokens, want)) return SJ_ENOMEM;
  }
  sj_token *o = (sj_token *)d->tokens.data + d->tokens.n;
  for (size_t i = 0; i < g->out.n; i++) {
    const tok *t = &SJ_VEC_AT(&g->out, tok, i);
    o[i].start = g->off[t->c0];
    o[i].end = g->off[t->c1];
    o[i].pos = t->pos ? t->pos : "x";
  }
  d->tokens.n += g->out.n;
  return SJ_OK;
}

static int is_soft_break(uint32_t cp) {
  return cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
         cp == 0x3001 || cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* End of the block that starts at b0 and whose line ends at e: the line
 * itself if short, else a cut after a stop or comma found past BLOCK_SOFT
 * characters (bytes / 3), at the latest at BLOCK_HARD characters. */
static size_t block_end(const unsigned char *s, size_t b0, size_t e) {
  if (e - b0 <= (size_t)BLOCK_SOFT * 3) return e;
  size_t i = b0 + (size_t)BLOCK_SOFT * 3, nch = 0;
  while (i < e && (s[i] & 0xC0) == 0x80) i++; /* to a character start */
  while (i < e && nch < BLOCK_HARD - BLOCK_SOFT * 3 / 4) {
    uint32_t cp;
    i += (size_t)sj_utf8_decode(s, e, i, &cp);
    nch++;
    if (is_soft_break(cp)) return i;
  }
  return i;
}

int sj_segment(sj_doc *d, const sj_model *m, unsigned segflags) {
  int trad;
  return sj_segment_trad(d, m, segflags, &trad);
}

int sj_segment_trad(sj_doc *d, const sj_model *m, unsigned segflags, int *trad) {
  seg g;
  memset(&g, 0, sizeof g);
  g.m = m;
  g.s = (const unsigned char *)d->text;
  g.len = d->len;
  g.flags = segflags;
  for (uint32_t i = 0; i < 256; i++) g.posname[i] = i < m->img.npos ? sj_image_pos(&m->img, i) : "x";
  sj_vec_init(&g.out, sizeof(tok));
  /* a token is at least one character: reserve one per character (the
   * bytes that are not UTF-8 continuation bytes), so that the vector is
   * never regrown (copied).  Reserved pages that are never written cost no
   * memory: ~16 bytes are written per token, ~3 per byte of news text.
   * (With glibc this also keeps the token vector the largest block of an
   * analysis, so that the heap of the next analysis of a like piece stays
   * under malloc's trim threshold: its pages are reused, not faulted in
   * again, ~12% of the time at 1 MiB pieces.) */
  size_t ncont = 0, k = 0;
  for (; k + 8 <= d->len; k += 8) { /* 8 bytes at a time: 10xxxxxx bytes */
    uint64_t w;
    memcpy(&w, d->text + k, 8);
    uint64_t x = (w & ~(w << 1)) & 0x8080808080808080ull;
    ncont += (size_t)(((x >> 7) * 0x0101010101010101ull) >> 56);
  }
  for (; k < d->len; k++) ncont += ((unsigned char)d->text[k] & 0xC0) == 0x80;
  size_t nch = d->len - ncont;
  /* but not more than one per 2 bytes (mostly-ASCII text has far fewer
   * tokens than characters; do_block extrapolates if it needs more) */
  if (nch > d->len / 2) nch = d->len / 2;
  int rc = sj_vec_reserve(&d->tokens, nch + 16);
  size_t b0 = 0;
  while (b0 < d->len && rc == SJ_OK) {
    const unsigned char *nl = memchr(g.s + b0, '\n', d->len - b0);
    size_t e = nl ? (size_t)(nl - g.s) + 1 : d->len;
    e = block_end(g.s, b0, e);
    rc = do_block(&g, d, b0, e);
    b0 = e;
  }
  *trad = (g.t2s & SJ_T2S_TRAD) != 0;
  seg_free(&g);
  return rc;
}

/* Log probability of the best cut of a word (for user words given no
 * frequency: they get just enough to beat their parts). */
double sj_seg_word_logp(const sj_model *m, const char *w, size_t n) {
  seg g;
  memset(&g, 0, sizeof g);
  g.m = m;
  g.s = (const unsigned char *)w;
  g.len = n;
  g.flags = SJ_SEG_NO_HMM;
  double r = -m->img.log_total * 4;
  size_t k = decode_block(&g, 0, n);
  if (k != (size_t)-1) {
    sj_model tmp = *m; /* the word's parts, without the user layer */
    memset(&tmp.user, 0, sizeof tmp.user);
    g.m = &tmp;
    make_units(&g, k);
    best_path(&g, k);
    r = g.route[0];
  }
  seg_free(&g);
  return r;
}
