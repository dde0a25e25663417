/*
 * tag_ent.c — actors, places and names over the gazetteer kinds of
 * dict/gaz (country, abbr, org, mil, gov, title, place, placesuffix,
 * namesuffix, person, surname).
 */
#include "tag_int.h"

#include <string.h>

/* the length of the code point at i if it is c, else 0 (bounded) */
static size_t cp_is(const sj_tg *g, size_t i, uint32_t c) {
  uint32_t cp;
  int l = sj_t_dec(g->s, g->n, i, &cp);
  return cp == c ? (size_t)l : 0;
}
/* token t is an opening quote “ */
static int open_quote(const sj_tg *g, size_t t) {
  return t < g->ntok && g->tok[t].end - g->tok[t].start == 3 && cp_is(g, g->tok[t].start, 0x201C);
}
/* token t is white space (ASCII or ideographic) */
static int space_tok(const sj_tg *g, size_t t) {
  uint32_t cp;
  sj_t_dec(g->s, g->n, g->tok[t].start, &cp);
  return cp == ' ' || cp == 0x3000;
}
static int is_punct_cp(uint32_t cp) {
  return cp < 0x80 ? (cp != '-' && !(cp >= '0' && cp <= '9') &&
                      !((cp | 32) >= 'a' && (cp | 32) <= 'z'))
                   : ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
                      (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x2010 && cp <= 0x206F));
}

/* ---- 《…》 and “…” ------------------------------------------------------ */
static size_t cue_end(sj_tg *g, size_t a, size_t b, const char *cls);
/* The class of a title 《[a, b)》: a document when a document word ends it
 * or follows it (《…条例》, 《…》白皮书), else other (books, papers, plays) */
static const char *title_class(sj_tg *g, size_t a, size_t b) {
  sj_gfield f;
  if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 8 &&
      !memcmp(f.s[0], "document", 8))
    return "document";
  if (cue_end(g, a, b, "title_doc_end")) return "document";
  if (sj_tg_gazk(g, b + 3, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 8 &&
      !memcmp(f.s[0], "document", 8))
    return "document";
  return "other";
}

int sj_tg_title(sj_tg *g, size_t i, size_t *end) {
  size_t j = i + 3, lim = i + 300;
  while (j < g->n && j < lim) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, j, &cp);
    if (cp == 0x300B) {
      if (j > i + 3) {
        sj_mention *m = sj_tg_add(g, i + 3, j, SJ_NAME);
        if (m) m->type = title_class(g, i + 3, j);
      }
      *end = j + 3;
      return 1;
    }
    if (cp == '\n' || cp == 0x300A) return 0;
    j += (size_t)l;
  }
  return 0;
}

/* the class named by a suffix word at the end of [a, b) or right after b */
static const char *suffix_class(sj_tg *g, size_t a, size_t b, int after) {
  sj_gfield f;
  if (after) {
    /* up to three tokens after the closing quote: 战略演习, 6个项目比赛;
     * of suffix words in a row the last is the head (项目 | 比赛) */
    size_t t = sj_tg_tok_at(g, b);
    const char *cls = NULL;
    int deng = 0;
    for (int k = 0; k < 3 && t < g->ntok; k++, t++) {
      size_t i = g->tok[t].start, te = g->tok[t].end;
      size_t ln = sj_tg_gaz_end(g, i, te, SJ_K_NAMESUFFIX, &f);
      size_t lp = sj_tg_gaz_end(g, i, te, SJ_K_PLACESUFFIX, NULL);
      const char *c2 = NULL;
      if (ln && ln >= lp && f.n)
        c2 = (f.l[0] == 5 && !memcmp(f.s[0], "event", 5)) ? "other" : sj_tg_str(g, f.s[0], f.l[0]);
      else if (lp && !cls)
        c2 = "place";
      if (c2) { cls = c2; continue; }
      if (cls) break;
      /* step over 等, a quantity token (6个) or one modifier noun */
      const char *p = sj_tg_pos(g, t);
      if (sj_tg_cue_tok(g, t, "list_etc") && !deng) { deng = 1; k--; continue; }
      if (p[0] != 'm' && p[0] != 'q' && !(p[0] == 'n' && k == 0)) break;
    }
    return cls;
  }
  /* a suffix ending at b */
  {
    sj_gfield f2;
    if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, &f2) && f2.n) {
      if (f2.l[0] == 5 && !memcmp(f2.s[0], "event", 5)) return "other";
      return sj_tg_str(g, f2.s[0], f2.l[0]);
    }
  }
  return NULL;
}

/* has the quoted text [a, b) a colon (cue class title_colon: a title or a
 * theme, 主题“加强合作：携手应对…”)? */
static int quoted_colon(sj_tg *g, size_t a, size_t b) {
  for (size_t i = a; i < b;) {
    uint32_t cp;
    if (sj_tg_cue(g, i, "title_colon")) return 1;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
  }
  return 0;
}

void sj_tg_quote(sj_tg *g, size_t i) {
  uint32_t open;
  sj_t_dec(g->s, g->n, i, &open);
  uint32_t close = open == 0x201C ? 0x201D : 0x300D;
  size_t j = i + 3, lim = i + 3 * 24;
  int chars = 0, han = 0;
  while (j < g->n && j < lim) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, j, &cp);
    if (cp == close) break;
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '\n' ||
        cp == 0x3001 || cp == 0xFF1B || cp == open)
      return; /* a sentence or a list: a quotation, not a name */
    if (cp >= 0x4E00 && cp <= 0x9FFF) han++;
    chars++;
    j += (size_t)l;
  }
  if (j >= g->n || j >= lim || chars < 2 || !han) return;
  size_t a = i + 3, b = j;
  const char *cls = suffix_class(g, a, b, 0);
  if (!cls) {
    /* “金龙-2020”, “国际军事比赛-2020”: a name with a year or a number is
     * an exercise, unless the word before the number says otherwise */
    uint32_t cp;
    size_t p = b;
    int digits = 0;
    while (p > a) {
      size_t q = sj_t_prev(g->s, p, &cp);
      if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z')) { digits++; p = q; continue; }
      break;
    }
    if (digits && p > a + 1 && g->s[p - 1] == '-') {
      cls = suffix_class(g, a, p - 1, 0);
      if (!cls) cls = "exercise";
    }
  }
  if (!cls) {
    /* a run of quoted names shares the class after the last one */
    size_t k = b + 3;
    while (k < g->n && cp_is(g, k, 0x201C)) { /* “ */
      size_t q = k + 3;
      while (q < g->n && q < k + 3 * 24 && !cp_is(g, q, 0x201D)) {
        uint32_t cp;
        q += (size_t)sj_t_dec(g->s, g->n, q, &cp);
      }
      if (!cp_is(g, q, 0x201D)) break;
      k = q + 3;
    }
    cls = suffix_class(g, a, k, 1);
  }
  if (cls && sj_streq(cls, "place")) {
    sj_mention *m = sj_tg_add(g, a, b, SJ_PLACE);
    (void)m;
    return;
  }
  /* a quoted word without a suffix is a coined term, no name (“新经济”,
   * “双重标准”), unless it is a title or theme with a colon */
  if (!cls && !quoted_colon(g, a, b)) return;
  if (!cls) cls = "other";
  sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
  if (m) m->type = cls;
}

/* ---- actors ------------------------------------------------------------ */
/* The word lists of this file are cue classes in dict/gaz/cues-ent.tsv
 * (sj_tg_cue, sj_tg_cue_tok); the classes are documented there. */

static void note_codes(sj_tg *g, const sj_codes *c, size_t at) {
  if (c->n >= 2) { g->pair = *c; g->pair_at = at; return; }
  if (c->n == 1) {
    if (g->recent.n && !strcmp(g->recent.c[g->recent.n - 1], c->c[0])) return;
    if (g->recent.n == 2) {
      memcpy(g->recent.c[0], g->recent.c[1], 4); g->recent.n = 1;
      g->recent_at[0] = g->recent_at[1];
    }
    g->recent_at[g->recent.n] = at;
    memcpy(g->recent.c[g->recent.n++], c->c[0], 4);
  }
}

static sj_mention *emit_actor(sj_tg *g, size_t a, size_t b, const char *type,
                              const sj_codes *c, const char *org) {
  sj_mention *m = sj_tg_add(g, a, b, SJ_ACTOR);
  if (!m) return NULL;
  m->type = type;
  m->codes = c ? sj_codes_str(g, c) : NULL;
  m->org = org;
  if (c) note_codes(g, c, a);
  g->last_end = b;
  g->last_place = 0;
  g->last_person = sj_streq(type, "person");
  return m;
}
static sj_mention *emit_place(sj_tg *g, size_t a, size_t b, const sj_codes *c) {
  sj_mention *m = sj_tg_add(g, a, b, SJ_PLACE);
  if (!m) return NULL;
  m->codes = c && c->n ? sj_codes_str(g, c) : NULL;
  g->last_end = b;
  g->last_place = 1;
  return m;
}

static const char *context_country(const sj_tg *g);
static const char *lex_word_pos(sj_tg *g, size_t a, size_t b);

/* the token ending at i (or containing i-1) */
static size_t tok_before(const sj_tg *g, size_t i) {
  if (i == 0) return (size_t)-1;
  size_t t = sj_tg_tok_at(g, i - 1);
  return t < g->ntok ? t : (size_t)-1;
}

/* place context: a preposition or verb of motion before, or a list of
 * places going on */
static int place_context(sj_tg *g, size_t a) {
  size_t t = tok_before(g, a);
  if (t == (size_t)-1) return 0;
  if (sj_tg_cue_tok(g, t, "place_prep")) return 1;
  if (g->last_place && g->last_end <= a && a - g->last_end <= 3 &&
      sj_tg_cue_tok(g, t, "place_list"))
    return 1;
  return 0;
}

static int name_shape(sj_tg *g, size_t a, size_t b);
static float translit_mean(sj_tg *g, size_t a, size_t b, float *max);
#define TRANS_AFTER_TITLE 0.0f /* right after a title, a name needs less: */
#define TRANS_AFTER_TITLE_MAX 2.0f /* or one strong character (普京) */

/* a person name after a title: a token tagged nr*, or 2-3 Han characters
 * the segmenter left as an unknown word (nz, x), or a name-like noun that
 * the gazetteer does not know as a place (普京, tagged ns by the lexicon) */
static size_t name_after(sj_tg *g, size_t i) {
  size_t t = sj_tg_tok_at(g, i);
  if (t >= g->ntok || g->tok[t].start != i) return 0;
  const char *p = sj_tg_pos(g, t);
  size_t l = g->tok[t].end - g->tok[t].start;
  if (l == 6 && p[0] == 'n' && p[1] == 'r' && t + 2 < g->ntok &&
      g->tok[t + 1].end - g->tok[t + 1].start == 3) {
    const char *p2 = sj_tg_pos(g, t + 2);
    uint32_t cp;
    sj_t_dec(g->s, g->n, g->tok[t + 1].start, &cp);
    if (cp >= 0x4E00 && cp <= 0x9FFF && (p2[0] == 'v' || p2[0] == 'd' || p2[0] == 't' || p2[0] == 'p'))
      return g->tok[t + 1].end;
  }
  if (l < 6 || l > 36) return 0;
  size_t lk = sj_tg_gazk(g, i, SJ_K_PERSON, NULL);
  if (lk && sj_tg_is_tend(g, i + lk)) return i + lk;
  if ((p[0] == 'n' && p[1] == 'r') || (l <= 9 && (sj_streq(p, "nz") || sj_streq(p, "x"))))
    return g->tok[t].end;
  float mx = 0;
  if (p[0] == 'n' && l <= 18 && !sj_tg_gazk(g, i, SJ_K_PLACE, NULL) &&
      !sj_tg_gazk(g, i, SJ_K_COUNTRY, NULL) && !sj_tg_gazk(g, i, SJ_K_ORG, NULL) &&
      !sj_tg_gazk(g, i, SJ_K_GOV, NULL) && !sj_tg_gazk(g, i, SJ_K_MIL, NULL) &&
      (translit_mean(g, i, g->tok[t].end, &mx) > TRANS_AFTER_TITLE || mx > TRANS_AFTER_TITLE_MAX))
    return g->tok[t].end;
  return 0;
}

/* ---- persons without a title ---------------------------------------------
 * A token the lexicon or the segmenter tags as a person's name (nr, nrfg,
 * nrt) is a person when its characters look like one: a surname followed by
 * given-name characters, or transliteration characters (per-char log ratios
 * the image compiler learns from the lexicon's own names, image.namech). */
#define GIVEN_MIN 0.0f   /* mean ratio of a one-character given name */
#define GIVEN2_MIN (-0.8f) /* of a two-character one (fewer common words) */
#define TRANS_MIN 1.0f   /* mean ratio of a transliterated name's chars */
#define TRANS_OOV 1.6f   /* the same for a word the lexicon does not tag nr */

/* the mean transliteration ratio of the Han characters of [a, b) (-99 if
 * there are none or other characters) and, in *max (if not NULL), the
 * largest one */
static float translit_mean(sj_tg *g, size_t a, size_t b, float *max) {
  const sj_image *img = &g->m->img;
  float st = 0, mx = -99.0f;
  int n = 0;
  for (size_t i = a; i < b; n++) {
    uint32_t cp;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
    if (cp < 0x4E00 || cp > 0x9FFF) return -99.0f;
    float r = img->namech[2 * sj_image_char(img, cp) + 1];
    st += r;
    if (r > mx) mx = r;
  }
  if (max) *max = mx;
  return n ? st / (float)n : -99.0f;
}

/* 'C' (Chinese name), 'c' (one whose given name is also common in words:
 * 白皮书, 习近平), 'F' (transliterated) or 0 for the text [a, b) */
static int name_shape(sj_tg *g, size_t a, size_t b) {
  const sj_image *img = &g->m->img;
  size_t ls = sj_tg_gazk(g, a, SJ_K_SURNAME, NULL);
  float sg = 0, st = 0;
  int n = 0, ng = 0, dot = 0;
  for (size_t i = a; i < b;) {
    uint32_t cp;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
    if (cp == 0xB7 || cp == 0x30FB || cp == 0x2022) { dot++; continue; }
    if (cp < 0x4E00 || cp > 0x9FFF) return 0;
    uint32_t id = sj_image_char(img, cp);
    st += img->namech[2 * id + 1];
    if (ls && i > a + ls) { sg += img->namech[2 * id]; ng++; }
    n++;
  }
  if (n < 2) return 0;
  if (st / (float)n > 1.5f) return 'F';
  if (!dot && ls && ng >= 1 && ng <= 2 && sg / (float)ng > (ng == 2 ? GIVEN2_MIN : GIVEN_MIN))
    return ng == 1 || sg / (float)ng < 0.5f ? 'c' : 'C';
  if (st / (float)n > TRANS_MIN || (dot && st / (float)n > 0.0f)) return 'F';
  return 0;
}

/* the code remembered for a person named [a, b): the same name, or a
 * longer one it ends (罗萨里奥·格林 → 格林) or begins (a surname) */
static const char *pmem_find(const sj_tg *g, size_t a, size_t b) {
  size_t l = b - a;
  for (int k = g->npmem; k-- > 0;) {
    const struct sj_pmem *p = &g->pmem[k];
    size_t pl = p->b - p->a;
    if (pl < l) continue;
    if (sj_eqn(g->s + p->a, g->s + a, l) ||
        (pl > l + 1 && sj_eqn(g->s + p->b - l, g->s + a, l) && g->s[p->b - l - 1] == (char)0xB7))
      return p->code;
  }
  return NULL;
}
static void pmem_add(sj_tg *g, size_t a, size_t b, const char *code) {
  if (!code || strlen(code) != 3) return;
  int k = g->npmem < 32 ? g->npmem++ : 31;
  g->pmem[k].a = (uint32_t)a;
  g->pmem[k].b = (uint32_t)b;
  memcpy(g->pmem[k].code, code, 4);
}

/* Is token t a piece of a transliterated name the segmenter cut off (加布里
 * | 埃莱·加蒂, 基普 | 凯特, 乌尔里 | 希): Han characters (and a middle
 * dot), no entity of the gazetteer, transliteration characters on average
 * (a single character: a strong one before a bracket or a separator)? */
static int translit_piece(sj_tg *g, size_t t) {
  if (t >= g->ntok) return 0;
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (b - a < 3 || b - a > 30) return 0;
  const sj_gcache *gc = sj_tg_hits(g, a);
  for (int q = 0; q < gc->n; q++)
    if ((gc->h[q].len >= 6 || gc->h[q].len == b - a) &&
        (gc->h[q].kinds & (SJ_K_COUNTRY | SJ_K_PLACE | SJ_K_ORG | SJ_K_GOV | SJ_K_MIL | SJ_K_TITLE)))
      return 0;
  if (sj_tg_cue(g, a, "after_name")) return 0;
  const char *p = sj_tg_pos(g, t);
  if (b - a == 3) {
    float mx = 0;
    if (translit_mean(g, a, b, &mx) < TRANS_OOV || t + 1 >= g->ntok) return 0;
    uint32_t cp;
    sj_t_dec(g->s, g->n, g->tok[t + 1].start, &cp);
    return is_punct_cp(cp) && cp != 0xB7;
  }
  if (strchr("pcudry", p[0]) || sj_tg_cue(g, b - 3, "not_name_end")) return 0;
  float st = 0;
  int n = 0;
  for (size_t i = a; i < b; n++) {
    uint32_t cp;
    size_t i0 = i;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
    if (cp == 0xB7) { n--; continue; }
    float r = translit_mean(g, i0, i, NULL);
    if (r < -50) return 0;
    st += r;
  }
  return n && st / (float)n > TRANS_MIN;
}

/* a transliterated name [*a, *b) goes on over the pieces the segmenter cut
 * off on either side (not over a mention before it) */
static void translit_join(sj_tg *g, size_t *a, size_t *b) {
  for (int hop = 0; hop < 2; hop++) {
    size_t t = sj_tg_tok_at(g, *b);
    if (t >= g->ntok || g->tok[t].start != *b || !translit_piece(g, t)) break;
    *b = g->tok[t].end;
  }
  size_t tb = tok_before(g, *a);
  if (tb != (size_t)-1 && g->tok[tb].end == *a && g->tok[tb].start >= g->last_end &&
      translit_piece(g, tb))
    *a = g->tok[tb].start;
}

/* a nationality in brackets after a name: 乌尔里希（德国） → DEU (into buf) */
static const char *bracket_country(sj_tg *g, size_t b, char buf[4]) {
  size_t k = sj_tg_cue(g, b, "bracket_open");
  sj_gfield f;
  size_t l = k ? sj_tg_gazk(g, b + k, SJ_K_COUNTRY, &f) : 0;
  if (!l || !f.n || f.l[0] != 3 || !sj_tg_cue(g, b + k + l, "bracket_close")) return NULL;
  memcpy(buf, f.s[0], 3);
  buf[3] = 0;
  return buf;
}

/* after a title ending at e: more titles joined by 兼 (cue class
 * title_join: 首相兼外交大臣); the end of the last */
static size_t title_more(sj_tg *g, size_t e) {
  for (int guard = 0; guard < 3; guard++) {
    size_t k = sj_tg_cue(g, e, "title_join");
    size_t l2 = k ? sj_tg_gazk(g, e + k, SJ_K_TITLE, NULL) : 0;
    if (!l2) break;
    e += k + l2;
  }
  return e;
}

/* the code of a known person (dict/gaz/persons.tsv) named exactly [a, b):
 * into buf ("" for an official of an international body); 0 if unknown */
static int known_person(sj_tg *g, size_t a, size_t b, char buf[4]) {
  sj_gfield f;
  if (b <= a || sj_tg_gazk(g, a, SJ_K_PERSON, &f) != b - a || !f.n) return 0;
  buf[0] = 0;
  if (f.l[0] == 3) { memcpy(buf, f.s[0], 3); buf[3] = 0; }
  return 1;
}

/* emit a person [a, b): code from the list of known persons, a title's
 * country, the document's memory, else CHN for a Chinese name, the last
 * foreign country named for a transliterated one */
static void emit_person(sj_tg *g, size_t a, size_t b, const char *country, int shape) {
  sj_codes c;
  c.n = 0;
  char kbuf[4];
  if (known_person(g, a, b, kbuf)) { country = kbuf; shape = 'K'; }
  else {
    float mx = 0;
    if (shape == 'F' || translit_mean(g, a, b, &mx) > TRANS_MIN || name_shape(g, a, b) == 'F')
      translit_join(g, &a, &b);
    if (!country) country = bracket_country(g, b, kbuf);
  }
  const char *code = country ? country : pmem_find(g, a, b);
  if (!code && shape == 'F') {
    for (int k = g->recent.n; k-- > 0;)
      if (!sj_streq(g->recent.c[k], "CHN")) { code = g->recent.c[k]; break; }
  }
  if (!code && shape != 'F') code = "CHN";
  /* 杜马舍夫, 托罗普采夫: a Russian surname ending (cue class name_end_rus) */
  if (!code && shape == 'F' && sj_tg_cue(g, b - 3, "name_end_rus") == 3) code = "RUS";
  char buf[4];
  if (code && *code) { memcpy(buf, code, 4); sj_codes_add(&c, buf, 3); }
  int last_person = g->last_person;
  sj_codes keep = g->recent;
  emit_actor(g, a, b, "person", &c, NULL);
  g->recent = keep; /* a person's code is no party of 两国 */
  (void)last_person;
  if (country || !pmem_find(g, a, b)) pmem_add(g, a, b, c.n ? c.c[0] : NULL);
  /* 克林顿政府, 桥本内阁: the person's government, one span */
  size_t lg = sj_tg_cue(g, b, "leader_gov");
  if (lg && sj_tg_is_tend(g, b + lg) && g->d->mentions.n) {
    sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, g->d->mentions.n - 1);
    m->end = (uint32_t)(b + lg);
    m->type = "government";
    g->last_end = b + lg;
  }
}

/* Do the tokens from t on make the rest of a name: up to four modifier
 * tokens (nouns, numerals, distinguishing words) of which the last ends in
 * a name suffix (国际 | 女子 | 网球赛, 第九 | 交响曲)? */
static int list_of_units(sj_tg *g, size_t t);
static int name_head(sj_tg *g, size_t t) {
  for (int hop = 0; hop < 4 && t < g->ntok; hop++, t++) {
    const char *p = sj_tg_pos(g, t);
    size_t a = g->tok[t].start, b = g->tok[t].end;
    if (!(p[0] == 'n' || p[0] == 'm' || p[0] == 'b' || p[0] == 'j' || sj_streq(p, "vn")) ||
        p[1] == 'r' || b - a > 15)
      return 0;
    if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, NULL)) return 1;
  }
  return 0;
}

/* A transliterated name (over the pieces the segmenter cut off) followed by
 * a place suffix as a word of its own (X州, X港: gazetteer placesuffix) is
 * a place of the context's country.  Its end, 0 if none. */
static size_t translit_place(sj_tg *g, size_t t) {
  const char *p = sj_tg_pos(g, t);
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (!((p[0] == 'n' && (p[1] == 'r' || p[1] == 'z' || p[1] == 's')) || sj_streq(p, "x")) || b - a < 6 ||
      b - a > 18 || g->tok[t].start < g->last_end)
    return 0;
  if (translit_mean(g, a, b, NULL) < TRANS_MIN) return 0; /* its first piece too */
  /* then the suffix, one to three tokens on, then the pieces */
  size_t u = t + 1;
  while (u < g->ntok && u <= t + 3 &&
         sj_tg_gazk(g, g->tok[u].start, SJ_K_PLACESUFFIX, NULL) != g->tok[u].end - g->tok[u].start)
    u++;
  if (u >= g->ntok || u > t + 3) return 0;
  for (size_t q = t + 1; q < u; q++)
    if (!translit_piece(g, q)) return 0;
  b = g->tok[u - 1].end;
  if (translit_mean(g, a, b, NULL) < TRANS_MIN) return 0;
  size_t sb = g->tok[u].end;
  const sj_gcache *gc = sj_tg_hits(g, a);
  if (gc->any & (SJ_K_COUNTRY | SJ_K_ORG | SJ_K_GOV | SJ_K_PERSON | SJ_K_PLACE)) return 0;
  sj_codes c;
  c.n = 0;
  /* a transliteration names a foreign place: the last foreign country */
  const char *lc = NULL;
  size_t nm = g->d->mentions.n;
  for (size_t q = nm; q-- > 0 && q + 40 > nm && !lc;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, q);
    if ((m->kind == SJ_PLACE || m->kind == SJ_ACTOR) && m->codes && strlen(m->codes) == 3 &&
        !sj_streq(m->codes, "CHN"))
      lc = m->codes;
  }
  if (lc) sj_codes_add(&c, lc, 3);
  emit_place(g, a, sb, &c);
  return sb;
}

/* the end of a person's name at token t (0 if none): a token tagged nr*
 * that looks like a name, and no country, place or body; a two-character
 * Chinese name goes on over one more given-name character the segmenter
 * left alone (张宝 | 三) */
static size_t person_at(sj_tg *g, size_t t, int *shape) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  int nr = p[0] == 'n' && p[1] == 'r';
  if (!nr && !(p[0] == 'n' && p[1] == 'z' && !p[2]) && !sj_streq(p, "x")) return 0;
  if (b - a < 6 || b - a > 36) return 0;
  const sj_gcache *gc = sj_tg_hits(g, a);
  for (int q = 0; q < gc->n; q++)
    if (gc->h[q].len >= b - a && (gc->h[q].kinds & (SJ_K_COUNTRY | SJ_K_PLACE | SJ_K_ORG | SJ_K_GOV |
                                                    SJ_K_MIL | SJ_K_ABBR | SJ_K_TITLE)))
      return 0;
  if (sj_tg_cue(g, b - 3, "not_name_end") || sj_tg_cue(g, b, "region_group")) return 0;
  int sh = name_shape(g, a, b);
  if (!sh) return 0;
  if (!nr) {
    /* an unknown word: transliterated, strongly, and acting (恩佐强调), or
     * a three-character Chinese name before an act (辛业江收受) */
    const char *pn = sj_tg_pos(g, t + 1);
    int cn = (sh == 'C' || sh == 'c') && b - a == 9 && t + 1 < g->ntok && strchr("vpd", pn[0]) && pn[1] != 'n';
    if (!cn && (sh != 'F' || translit_mean(g, a, b, NULL) < TRANS_OOV || t + 1 >= g->ntok || pn[0] != 'v'))
      return 0;
  }
  if (sh != 'F' && b - a == 6 && t + 1 < g->ntok && g->tok[t + 1].end - g->tok[t + 1].start == 3) {
    const char *pn = sj_tg_pos(g, t + 1);
    uint32_t cp;
    sj_t_dec(g->s, g->n, b, &cp);
    if (cp >= 0x4E00 && cp <= 0x9FFF && strchr("pcudryfv", pn[0]) == NULL &&
        g->m->img.namech[2 * sj_image_char(&g->m->img, cp)] > 0.5f &&
        (t + 2 >= g->ntok || g->tok[t + 2].end - g->tok[t + 2].start != 3 ||
         is_punct_cp(((void)sj_t_dec(g->s, g->n, g->tok[t + 2].start, &cp), cp))))
      b += 3;
  }
  /* a place after 在/赴/到 (霍巴特), not a person */
  if (sh == 'F' && place_context(g, a)) return 0;
  /* a two-character Chinese name is also a common word (祝贺, 荣誉): it
   * needs a name's neighbours (an act or a list after it, not 的 before) */
  if (sh == 'c' && !pmem_find(g, a, b)) {
    const char *pn = sj_tg_pos(g, t + 1);
    const char *pb = t ? sj_tg_pos(g, t - 1) : "x";
    size_t na = t + 1 < g->ntok ? g->tok[t + 1].start : g->n;
    int after = t + 1 >= g->ntok || (pn[0] == 'v' && pn[1] != 'n') ||
                (b - a == 9 && strchr("pdtm", pn[0])) ||
                sj_tg_cue(g, na, "after_name") || sj_tg_gazk(g, na, SJ_K_TITLE, NULL);
    if (!after || pb[0] == 'u' || pb[0] == 'a' || (pb[0] == 'n' && pb[1] != 'r') ||
        (t > 0 && sj_tg_cue_tok(g, t - 1, "not_before_name")))
      return 0;
  }
  /* the head of a name (贝多芬第九交响曲, X国际女子网球赛): no person;
   * an item of a list of places (张北、尚义等县) */
  if (name_head(g, t + 1) || (b - a <= 12 && list_of_units(g, t))) return 0;
  *shape = sh;
  return b;
}

/* ---- institutions ---------------------------------------------------------
 * Words ending in an institution word (cue classes inst_gov, inst_mil,
 * inst_org: …政府, …部队, …党, …公司) and the segmenter's organisation
 * names (nt) are actors: joined to a country before them (英国工党政府,
 * 美国ＡＴＴ公司), or standing alone (自民党, 国家测绘局).  A news agency or
 * paper (cue class media: …社, …报) is no actor. */

/* the length of a cue of class cls that ends exactly at b, from a on */
static size_t cue_end(sj_tg *g, size_t a, size_t b, const char *cls) {
  size_t best = 0;
  for (size_t l = 3; l <= 15 && l <= b - a; l += 3)
    if (sj_tg_cue(g, b - l, cls) == l) best = l;
  return best;
}

/* the kind of institution the word [a, b) names: 'G', 'M', 'O', 'P' (a
 * news agency or paper) or 0 */
static int inst_kind(sj_tg *g, size_t a, size_t b) {
  if (b - a < 3) return 0;
  size_t lg = cue_end(g, a, b, "inst_gov"), lm = cue_end(g, a, b, "inst_mil");
  size_t lo = cue_end(g, a, b, "inst_org"), lp = cue_end(g, a, b, "media");
  if (lp && lp >= lg && lp >= lm && lp >= lo) return 'P';
  if (lm && lm >= lg && lm >= lo) return 'M';
  if (lg && lg >= lo) return 'G';
  return lo ? 'O' : 0;
}

/* After an actor ending at e: the end of the institution words that follow
 * (up to four nouns, 驻 + a country: 中国驻南非大使馆), 0 if none; *kind as
 * inst_kind. */
static size_t inst_chain(sj_tg *g, size_t e, int *kind) {
  size_t t = sj_tg_tok_at(g, e), best = 0;
  int named = 0; /* a name-like word inside: only a firm or body (江苏康博集团) */
  if (t >= g->ntok || g->tok[t].start != e) return 0;
  for (int hop = 0; hop < 4 && t < g->ntok; hop++, t++) {
    size_t a = g->tok[t].start, b = g->tok[t].end;
    const char *p = sj_tg_pos(g, t);
    if (sj_tg_gazk(g, a, SJ_K_TITLE, NULL) >= b - a) break;
    if (sj_tg_cue_tok(g, t, "inst_link") && t + 1 < g->ntok &&
        (sj_tg_gazk(g, b, SJ_K_COUNTRY, NULL) || sj_tg_gazk(g, b, SJ_K_ABBR, NULL) ||
         sj_tg_gazk(g, b, SJ_K_PLACE, NULL))) continue;
    if (!(p[0] == 'n' || p[0] == 'j' || p[0] == 'b' || sj_streq(p, "vn") || sj_streq(p, "eng")) ||
        (p[1] == 'r' && (hop > 0 || named)) || b - a > 24)
      break;
    if (p[1] == 'r') { named = 1; continue; }
    int k = inst_kind(g, a, b);
    if (!k && sj_streq(p, "nt")) k = 'O';
    if (named && k != 'O') break;
    if (k) { best = b; *kind = k; }
    if (k == 'P') break;
  }
  return best;
}

static const char *inst_type(int k) {
  return k == 'G' ? "government" : k == 'M' ? "military" : "organization";
}

/* an organisation name of the segmenter (nt) or a noun ending in an
 * institution word, standing alone: an actor coded by the country it starts
 * with, else the paragraph's last country (a party in foreign news), else
 * CHN.  Not inside a title (国家教委主任) or a generic short word. */
static size_t inst_alone(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  /* a party's short name the lexicon tags as a common noun (保守党, 工党) */
  int party = p[0] == 'n' && !p[1] && b - a >= 6 && b - a <= 9 && cue_end(g, a, b, "inst_party") == 3 &&
              !sj_tg_cue_tok(g, t, "party_generic");
  if ((!sj_streq(p, "nt") || b - a < 9) && !party) return 0;
  int k = inst_kind(g, a, b);
  /* a place + a landmark (莫斯科红场) or a longer gazetteer entity */
  const sj_gcache *gc = sj_tg_hits(g, a);
  for (int q = 0; q < gc->n; q++)
    if (((gc->h[q].kinds & SJ_K_PLACE) && !k) ||
        (gc->h[q].len >= b - a && (gc->h[q].kinds & (SJ_K_ORG | SJ_K_GOV | SJ_K_MIL))))
      return 0;
  if (k == 'P') return b;
  if (!k && cue_end(g, a, b, "pair_keep")) return 0; /* 中美关系 */
  /* the lexicon's nt is loose (新鲜空气/nt): without an institution word a
   * name needs five characters */
  if (!k && b - a < 15) return 0;
  if (b - a < 12 && !cue_end(g, a, b, "inst_party")) return 0;
  size_t lt = sj_tg_gazk(g, b, SJ_K_TITLE, NULL), lq = sj_tg_cue(g, b, "title_prefix");
  if (!lt && lq && (lt = sj_tg_gazk(g, b + lq, SJ_K_TITLE, NULL))) lt += lq;
  if (lt && sj_tg_is_tend(g, b + lt)) return 0;
  if (t > 0 && sj_tg_cue_tok(g, t - 1, "inst_generic")) return 0;
  if (t > 0 && sj_tg_cue(g, g->tok[t - 1].start, "ordinal_prefix") && sj_tg_pos(g, t - 1)[0] == 'm')
    return 0;
  sj_codes c;
  c.n = 0;
  sj_gfield f;
  if ((sj_tg_gazk(g, a, SJ_K_COUNTRY, &f) ||
       (!sj_tg_cue(g, a, "abbr_weak") && sj_tg_gazk(g, a, SJ_K_ABBR, &f))) && f.n)
    sj_codes_add(&c, f.s[0], f.l[0]);
  else if (sj_tg_gazk(g, a, SJ_K_PLACE, &f) && f.n && f.l[0] == 3)
    sj_codes_add(&c, f.s[0], f.l[0]);
  else if (!sj_tg_cue(g, a, "inst_cn") && context_country(g) && !sj_tg_gazk(g, a, SJ_K_PLACE, NULL))
    sj_codes_add(&c, context_country(g), 3);
  else sj_codes_add(&c, "CHN", 3);
  /* 英国工党 | 政府: the institution goes on */
  int k2 = 0;
  size_t e2 = inst_chain(g, b, &k2);
  if (e2 && k2 != 'P') { b = e2; k = k2; }
  sj_codes keep = g->recent;
  emit_actor(g, a, b, inst_type(k), &c, NULL);
  g->recent = keep;
  return b;
}

/* the country of the context: the last place or non-person actor with one
 * code among the last mentions (在台湾执政的国民党: TWN); NULL if none */
static const char *context_country(const sj_tg *g) {
  size_t nm = g->d->mentions.n;
  for (size_t q = nm; q-- > 0 && q + 40 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, q);
    if ((m->kind == SJ_PLACE || (m->kind == SJ_ACTOR && m->type && !sj_streq(m->type, "person"))) &&
        m->codes && strlen(m->codes) == 3)
      return m->codes;
  }
  return NULL;
}

/* A proper name + an organisation word (京华 | 银行, ＭＭＭ | 公司: a token
 * tagged nz, ns, nr or eng that is no entity of the gazetteer, then a word
 * of cue class inst_org): an organisation of the paragraph's country (the
 * last one named), else CHN.  Its end, 0 if none. */
static size_t named_org(sj_tg *g, size_t t, uint32_t hany) {
  const uint32_t ENT = SJ_K_COUNTRY | SJ_K_ORG | SJ_K_PERSON | SJ_K_PLACE | SJ_K_MIL | SJ_K_GOV |
                       SJ_K_TITLE | SJ_K_ABBR;
  if (hany & ENT || t + 1 >= g->ntok) return 0;
  const char *p = sj_tg_pos(g, t);
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (b - a < 6 || b - a > 24 || !(p[0] == 'n' || p[0] == 'e') || !sj_tg_cue_tok(g, t + 1, "inst_org"))
    return 0;
  /* an unknown word, not a common one of the lexicon (外国 | 银行) */
  if (!(sj_streq(p, "nz") || sj_streq(p, "eng") ||
        (p[0] == 'n' && (p[1] == 's' || p[1] == 'r') && !lex_word_pos(g, a, b))))
    return 0;
  size_t e = g->tok[t + 1].end;
  int k2 = 0;
  size_t e2 = inst_chain(g, e, &k2);
  int kind = 'O';
  if (e2 && k2 != 'P') { e = e2; kind = k2; }
  sj_codes c;
  c.n = 0;
  const char *lc = context_country(g);
  sj_codes_add(&c, lc ? lc : "CHN", 3);
  sj_codes keep = g->recent;
  emit_actor(g, a, e, inst_type(kind), &c, NULL);
  g->recent = keep;
  return e;
}

/* a lone abbreviation (token ta) acting: at a clause start, after a
 * conjunction, a verb (表示德再也不能…), a time or a localizer (期间), or a
 * particle, before a verb, an adverb or 的 (俄负责…, 美才开始…) */
static int abbr_role_before(sj_tg *g, size_t tb) {
  const char *pb = tb == (size_t)-1 ? "x" : sj_tg_pos(g, tb);
  return tb == (size_t)-1 || pb[0] == 'c' || (pb[0] == 'x' && !sj_tg_cue_tok(g, tb, "list_sep")) ||
         (pb[0] == 'v' && pb[1] != 'n') || pb[0] == 't' || pb[0] == 'f' || (pb[0] == 'u' && pb[1] == 'g') ||
         pb[0] == 'l';
}
static int abbr_role(sj_tg *g, size_t tb, size_t ta) {
  if (!abbr_role_before(g, tb)) return 0;
  if (ta + 1 >= g->ntok) return 0;
  const char *pn = sj_tg_pos(g, ta + 1);
  return (pn[0] == 'v' && pn[1] != 'n') || pn[0] == 'd' || sj_streq(pn, "ad") || sj_streq(pn, "uj") ||
         pn[0] == 'p' || sj_tg_cue_tok(g, ta + 1, "act_prep");
}

/* 访华, 对美: the country visited or addressed is an actor (the token's
 * tail, after a cue of class visit_prefix); 来华, 在美: the country of a
 * place prefix (class at_prefix) is a place */
static size_t visit_abbr(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  size_t k = sj_tg_cue(g, a, "visit_prefix");
  int place = 0;
  if (!k && (k = sj_tg_cue(g, a, "at_prefix"))) place = 1;
  if (!k || b - a <= k) return 0;
  sj_gfield f;
  size_t l = sj_tg_gazk(g, a + k, SJ_K_ABBR, &f);
  if (l != b - a - k || !f.n) return 0;
  sj_codes c;
  c.n = 0;
  sj_codes_add(&c, f.s[0], f.l[0]);
  if (place) emit_place(g, a + k, b, &c);
  else emit_actor(g, a + k, b, "country", &c, NULL);
  return b;
}

/* A lone abbreviation joined by the segmenter to the word after it (俄会,
 * 美将: an unknown word, the rest a verb or an adverb of the lexicon): the
 * abbreviation acts.  Its end, 0 if not. */
static size_t abbr_glued(sj_tg *g, size_t t, size_t e) {
  const char *p = sj_tg_pos(g, t);
  size_t b = g->tok[t].end;
  if (b <= e || b - e > 6 || !(sj_streq(p, "nz") || sj_streq(p, "x") || sj_streq(p, "j")))
    return 0;
  const char *pr = lex_word_pos(g, e, b);
  return pr && (pr[0] == 'v' || pr[0] == 'd') && pr[1] != 'n' ? e : 0;
}

/* a lone abbreviation (token ta) before a conjunction and a party (加和智利
 * 签署, 加与拉美国家): one side of a pair */
static int abbr_pair(sj_tg *g, size_t ta) {
  if (ta + 2 >= g->ntok || !sj_tg_cue_tok(g, ta + 1, "pair_conj")) return 0;
  size_t n = g->tok[ta + 2].start;
  return sj_tg_gazk(g, n, SJ_K_COUNTRY | SJ_K_ABBR | SJ_K_ORG | SJ_K_PLACE, NULL) != 0;
}

/* extend an actor over 两国/两军/双方, 方, military, government and title
 * words; *type is updated.  Returns the new end. */
static size_t actor_suffix(sj_tg *g, size_t j, int abbr, const char **type, int *mil) {
  size_t k;
  sj_gfield f;
  if (abbr < 0) { abbr = 0; }
  else if ((k = sj_tg_cue(g, j, "pair_ref"))) {
    /* 两军: the armies; 双方: the sides, nothing after; 两国 (元首) */
    if (sj_tg_cue(g, j, "pair_ref_mil") == k) { *type = "military"; return j + k; }
    if (sj_tg_cue(g, j, "pair_side") == k) return j + k;
    j += k;
  }
  if (abbr && (k = sj_tg_cue(g, j, "side")) && !sj_tg_cue(g, j, "not_side"))
    return j + k;
  for (int round = 0; round < 3; round++) {
    size_t lm = sj_tg_gazk(g, j, SJ_K_MIL, &f);
    size_t lg = sj_tg_gazk(g, j, SJ_K_GOV, NULL);
    size_t lt = sj_tg_gazk(g, j, SJ_K_TITLE, NULL);
    /* 日本前首相, 立陶宛新总统: a prefix of the title (cue class title_prefix) */
    if (!lt && (k = sj_tg_cue(g, j, "title_prefix")) && (lt = sj_tg_gazk(g, j + k, SJ_K_TITLE, NULL)))
      lt += k;
    if (abbr && !lm && (k = sj_tg_cue(g, j, "abbr_mil")))
      lm = k;
    if (lm && !sj_tg_is_tend(g, j + lm)) lm = 0;
    if (lg && !sj_tg_is_tend(g, j + lg)) lg = 0;
    if (lt && !sj_tg_is_tend(g, j + lt)) lt = 0;
    if (*mil && (lg || lt)) break;
    if (lm && lm >= lg && lm >= lt) { j += lm; *type = "military"; *mil = 1; continue; }
    if (lg && lg >= lt) { j += lg; if (!*mil) *type = "government"; continue; }
    if (lt) { j += lt; if (!*mil) *type = "government"; continue; }
    /* one modifier token then a military word: 中国维和官兵 */
    if (round == 0 && !abbr) {
      size_t t = sj_tg_tok_at(g, j);
      if (t < g->ntok && g->tok[t].start == j) {
        size_t l = g->tok[t].end - j;
        const char *p = sj_tg_pos(g, t);
        if (l <= 6 && (p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b' || p[0] == 'j') &&
            sj_tg_gazk(g, g->tok[t].end, SJ_K_MIL, NULL)) {
          size_t lm2 = sj_tg_gazk(g, g->tok[t].end, SJ_K_MIL, NULL);
          j = g->tok[t].end + lm2; *type = "military"; *mil = 1;
          continue;
        }
      }
    }
    break;
  }
  if (*mil == 0 && sj_streq(*type, "government")) {
    j += sj_tg_cue(g, j, "role_suffix");
  }
  return j;
}

/* the length of a topic word at e that makes the country before it a
 * place (cue class topic_place: 伊拉克问题), also after one modifier
 * (class country_modifier: 东南亚金融风波); 0 if none */
static size_t topic_len(sj_tg *g, size_t e) {
  size_t lp = sj_tg_cue(g, e, "topic_place");
  if (lp) return lp;
  size_t lm = sj_tg_cue(g, e, "country_modifier");
  if (!lm || !sj_tg_is_tend(g, e + lm)) return 0;
  lp = sj_tg_cue(g, e + lm, "topic_place");
  return lp && sj_tg_is_tend(g, e + lm + lp) ? lm + lp : 0;
}

/* people after e behind one or two modifiers (香港 | 知名 | 爱国人士: a
 * token ending in a word of cue class people_after) */
static int people_ahead(sj_tg *g, size_t e) {
  size_t t = sj_tg_tok_at(g, e);
  for (int hop = 0; hop < 3 && t < g->ntok && g->tok[t].start == e; hop++, t++) {
    const char *p = sj_tg_pos(g, t);
    size_t b = g->tok[t].end;
    if (hop > 0 && p[0] == 'n' && cue_end(g, e, b, "people_after")) return 1;
    if (hop == 2 || !(p[0] == 'a' || p[0] == 'b' || (p[0] == 'v' && b - e <= 6))) return 0;
    e = b;
  }
  return 0;
}

/* A place [a, e) in another role (the end of what was decided, 0 if it is
 * a place): before an institution, one actor with the place's country
 * (河北省财政厅, 香港政府物料供应处: organisations and bodies of a city or a
 * province); before people (cue class people_after: 香港同胞), an actor;
 * before a noun it only modifies (cue classes country_modifier,
 * region_group: 亚洲经济, 欧洲国家), nothing.  The country of a topic
 * (亚洲金融危机) stays a place. */
static size_t place_role(sj_tg *g, size_t a, size_t e, const sj_codes *c) {
  size_t lm = sj_tg_cue(g, e, "country_modifier"), lp = topic_len(g, e);
  if (lp && lp >= lm) return 0;
  if (lm && sj_tg_is_tend(g, e + lm)) return e;
  size_t lr = sj_tg_cue(g, e, "region_group");
  if (lr && sj_tg_is_tend(g, e + lr)) return e;
  int pc = place_context(g, a);
  size_t tn = sj_tg_tok_at(g, e);
  const char *pn = tn < g->ntok && g->tok[tn].start == e ? sj_tg_pos(g, tn) : "x";
  /* 欧洲建设, 欧洲政策: a region before a noun only modifies it */
  if (!c->n && !pc && (pn[0] == 'n' || pn[0] == 'b' || sj_streq(pn, "vn") || sj_streq(pn, "an")) &&
      pn[1] != 's' && !sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, NULL))
    return e;
  if (!c->n || pc) return 0;
  /* 沈阳市就提出, 汕头市即采取: a city or province acting at a clause start
   * is its government */
  size_t tb = tok_before(g, a);
  size_t ta = sj_tg_tok_at(g, a);
  if (sj_tg_cue(g, e - 3, "admin_suffix") && ta < g->ntok && g->tok[ta].end == e &&
      (pn[0] == 'd' || (pn[0] == 'v' && pn[1] != 'n')) &&
      (tb == (size_t)-1 || sj_streq(sj_tg_pos(g, tb), "x"))) {
    emit_actor(g, a, e, "government", c, NULL);
    return e;
  }
  int ik = 0;
  size_t ie = inst_chain(g, e, &ik);
  if (ie && ik == 'P') return ie;
  if (ie) {
    emit_actor(g, a, ie, inst_type(ik), c, NULL);
    return ie;
  }
  size_t lq = sj_tg_cue(g, e, "people_after");
  if ((lq && sj_tg_is_tend(g, e + lq)) || people_ahead(g, e)) {
    emit_actor(g, a, e, "country", c, NULL);
    return e;
  }
  return 0;
}

/* the country of the paragraph: the last single country of an actor, else
 * of one of the last places named (在俄…; 政府才颁布 is Russia's); NULL */
static const char *last_country(const sj_tg *g) {
  if (g->recent.n) return g->recent.c[g->recent.n - 1];
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 40 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_PLACE && m->codes && strlen(m->codes) == 3) return m->codes;
  }
  return NULL;
}

/* 两国 with fewer than two countries named: the countries of the persons
 * named (钱其琛 … 南非 … 两国 = CHN, ZAF), latest first */
static sj_codes pair_with_persons(const sj_tg *g) {
  sj_codes c = g->recent;
  for (int k = g->npmem; k-- > 0 && c.n < 2;)
    if (g->pmem[k].code[0] && !sj_codes_has(&c, g->pmem[k].code)) {
      memcpy(c.c[c.n], g->pmem[k].code, 4);
      c.n++;
    }
  /* …the countries of the places named (委内瑞拉的巴伦西亚, 汕头: CHN, VEN) */
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 40 > nm && c.n < 2;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_PLACE && m->codes && strlen(m->codes) == 3 && !sj_codes_has(&c, m->codes))
      sj_codes_add(&c, m->codes, 3);
  }
  if (c.n < 2) c.n = 0;
  return c;
}

/* A place at the head of a longer token (台湾当局, 台湾同胞): an actor when
 * the rest of the token is an institution word or its people.  The end,
 * 0 if not. */
static size_t place_in_token(sj_tg *g, size_t a, size_t e, const sj_codes *c) {
  size_t t = sj_tg_tok_at(g, e);
  if (!c->n || t >= g->ntok || g->tok[t].start >= e) return 0;
  size_t b = g->tok[t].end;
  int k = inst_kind(g, e, b);
  if (k && k != 'P' && cue_end(g, e, b, k == 'G' ? "inst_gov" : k == 'M' ? "inst_mil" : "inst_org") == b - e) {
    emit_actor(g, a, b, inst_type(k), c, NULL);
    return b;
  }
  if (sj_tg_cue(g, e, "people_after") == b - e) {
    emit_actor(g, a, e, "country", c, NULL);
    return b;
  }
  return 0;
}

/* The country of a place the gazetteer does not know: the country of a
 * place named just before it (山东省莱阳市, 魁北克省和安大略省), else of a
 * Chinese administrative unit CHN, else the last country named. */
static void place_code(sj_tg *g, size_t a, sj_codes *c) {
  c->n = 0;
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 4 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_ACTOR && m->end == a && sj_streq(m->type, "country") && m->codes &&
        strlen(m->codes) == 3) { sj_codes_add(c, m->codes, 3); return; } /* 日本长野 */
    if (m->kind != SJ_PLACE || m->end + 6 < a || m->end > a) continue;
    if (m->codes && strlen(m->codes) == 3) { sj_codes_add(c, m->codes, 3); return; }
  }
  if (sj_tg_cue(g, g->tok[sj_tg_tok_at(g, a)].end - 3, "admin_suffix")) { sj_codes_add(c, "CHN", 3); return; }
  if (g->recent.n) sj_codes_add(c, g->recent.c[g->recent.n - 1], 3);
}

/* The part of speech of the lexicon word [a, b) (Han only), NULL if the
 * lexicon has no such word */
static const char *lex_word_pos(sj_tg *g, size_t a, size_t b) {
  const sj_image *img = &g->m->img;
  int32_t st = 0;
  for (size_t i = a; i < b;) {
    uint32_t cp;
    i += (size_t)sj_t_dec(g->s, g->n, i, &cp);
    uint32_t id = sj_image_char(img, cp);
    if (!id || (st = sj_dat_next(&img->lex, st, id)) < 0) return NULL;
  }
  int32_t term = sj_dat_term(&img->lex, st);
  return term < 0 ? NULL : sj_image_pos(img, img->lex_pos[term]);
}

/* a word ending in an administrative suffix that is a common word: its
 * stem is a lexicon word other than a proper noun (自治 | 区, 商业 | 区), or
 * it is none and its last two characters are (全球 | 股市) */
static int common_adm_word(sj_tg *g, size_t a, size_t b) {
  const char *p1 = lex_word_pos(g, a, b - 3), *p2 = lex_word_pos(g, b - 6, b);
  int n1 = p1 && p1[0] == 'n' && p1[1] && strchr("rsz", p1[1]);
  int n2 = p2 && p2[0] == 'n' && p2[1] && strchr("rsz", p2[1]);
  return p1 ? !n1 : (p2 && !n2);
}

/* Is token t an item of a list closed by 等 and a unit (张北、尚义等县,
 * …等地: cue classes list_etc, list_unit)?  'C' when the unit is a Chinese
 * administrative one (admin_suffix), 1 for another, 0 if not. */
static int list_of_units(sj_tg *g, size_t t) {
  for (int item = 0; item < 8 && t + 2 < g->ntok; item++) {
    size_t n = t + 1;
    if (sj_tg_cue_tok(g, n, "list_etc")) {
      size_t u = g->tok[n].end, k = sj_tg_cue(g, u, "list_unit");
      if (!k || !sj_tg_is_tend(g, u + k)) return 0;
      return sj_tg_cue(g, u, "admin_suffix") == k ? 'C' : 1;
    }
    if (!sj_tg_cue_tok(g, n, "place_list")) return 0;
    t = n + 1;
    size_t a = g->tok[t].start, b = g->tok[t].end;
    if (b - a < 6 || b - a > 12 || (unsigned char)g->s[a] < 0xE4 || (unsigned char)g->s[a] > 0xE9)
      return 0;
  }
  return 0;
}

/* A place name of the segmenter the gazetteer does not know (鹤山市, 那霸市,
 * 太岳区): a token tagged ns of 2-6 Han characters, or a name-like token
 * ending in an administrative suffix (尚义县/nr); a place, or an actor or
 * nothing by its role (place_role).  The end, 0 if none. */
static size_t seg_place(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  if (b - a < 6 || b - a > 18 || (b - a) % 3) return 0;
  for (size_t i = a; i < b; i += 3)
    if ((unsigned char)g->s[i] < 0xE4 || (unsigned char)g->s[i] > 0xE9) return 0;
  /* 鹤山市, 尚义县: a name of 3+ characters ending in an administrative
   * suffix; 长野: a place word after 在/赴/到 (not a class of countries:
   * 外国, 大国, cue class not_place_end) */
  int adm = p[0] == 'n' && strchr("rsz", p[1]) && b - a >= 9 && sj_tg_cue(g, b - 3, "admin_suffix") &&
            !common_adm_word(g, a, b);
  int ctx = sj_streq(p, "ns") && place_context(g, a);
  int lst = !adm && !ctx && (p[0] == 'n' || p[0] == 'x') && b - a <= 12 ? list_of_units(g, t) : 0;
  if ((!adm && !ctx && !lst) || sj_tg_cue(g, b - 3, "not_place_end")) return 0;
  sj_codes c;
  place_code(g, a, &c);
  if (lst == 'C' && !c.n) sj_codes_add(&c, "CHN", 3);
  size_t re = place_role(g, a, b, &c);
  if (re) return re;
  emit_place(g, a, b, &c);
  return b;
}

/* Is the token starting at j made of abbreviations only (哈吉, not 加强)? */
static int abbr_word(sj_tg *g, size_t j) {
  size_t t = sj_tg_tok_at(g, j);
  if (t >= g->ntok || g->tok[t].start != j) return 0;
  size_t e = g->tok[t].end, l;
  while (j < e && (l = sj_tg_gazk(g, j, SJ_K_ABBR, NULL)) > 0) j += l;
  return j == e;
}

/* Does a hit shorter than h[q], of a country or an abbreviation, end at a
 * token end (德 | 国防部长 against 德国)? */
static int abbr_ends_token(const sj_gaz_hit *h, int q, sj_tg *g, size_t i) {
  if (!(h[q].kinds & SJ_K_COUNTRY)) return 0;
  for (int r = q; r-- > 0;)
    if ((h[r].kinds & (SJ_K_ABBR | SJ_K_COUNTRY)) && sj_tg_is_tend(g, i + h[r].len)) return 1;
  return 0;
}

static const char *body_before(sj_tg *g, size_t a, char buf[4]);

/* the single code of the actor mention that ends at a (into buf), NULL if
 * none */
static const char *actor_code_at(sj_tg *g, size_t a, char buf[4]) {
  size_t nm = g->d->mentions.n;
  if (!nm) return NULL;
  const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, nm - 1);
  if (m->kind != SJ_ACTOR || m->end != a || !m->codes || strlen(m->codes) != 3) return NULL;
  memcpy(buf, m->codes, 4);
  return buf;
}

/* A country ending at e is in a list that names a place that is no
 * country (新加坡、泰国、澳门、台湾): the list is of places */
static int list_of_places(sj_tg *g, size_t e) {
  for (int item = 0; item < 8; item++) {
    size_t t = sj_tg_tok_at(g, e);
    if (t >= g->ntok || g->tok[t].start != e || !sj_tg_cue_tok(g, t, "place_list")) return 0;
    e = g->tok[t].end;
    size_t lc = sj_tg_gazk(g, e, SJ_K_COUNTRY, NULL), lp = sj_tg_gazk(g, e, SJ_K_PLACE, NULL);
    if (lp > lc && sj_tg_is_tend(g, e + lp)) return 1;
    if (!lc || !sj_tg_is_tend(g, e + lc)) return 0;
    e += lc;
  }
  return 0;
}

/* After a country ending at e, (的 and) a place name the gazetteer does not
 * know: a token the lexicon tags ns, or an unknown transliterated name that
 * is no known person (日本长野, 澳大利亚霍巴特举行): its start, *end its end;
 * 0 if none */
static size_t place_name_after(sj_tg *g, size_t e, size_t *end) {
  size_t k = sj_tg_cue(g, e, "country_of");
  size_t t = sj_tg_tok_at(g, e + k);
  if (t >= g->ntok || g->tok[t].start != e + k) return 0;
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  if (b - a < 6 || b - a > 18 || (unsigned char)g->s[a] < 0xE4 || (unsigned char)g->s[a] > 0xE9)
    return 0;
  const sj_gcache *gc = sj_tg_hits(g, a);
  if (gc->any & (SJ_K_COUNTRY | SJ_K_ORG | SJ_K_GOV | SJ_K_MIL | SJ_K_TITLE | SJ_K_PERSON | SJ_K_ABBR))
    return 0;
  int ns = p[0] == 'n' && p[1] == 's' && !p[2];
  int fn = ((p[0] == 'n' && (p[1] == 'r' || p[1] == 'z')) || sj_streq(p, "x")) &&
           name_shape(g, a, b) == 'F' && !pmem_find(g, a, b);
  if (!ns && !fn) return 0;
  /* a transliteration goes on over the pieces the segmenter cut off */
  for (int hop = 0; hop < 2 && t + 1 < g->ntok && g->tok[t + 1].start == b && translit_piece(g, t + 1); hop++)
    b = g->tok[++t].end;
  *end = b;
  return a;
}

size_t sj_tg_entity(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  sj_gaz_hit h[SJ_GMAX];
  const sj_gcache *gc0 = sj_tg_hits(g, i);
  int nh = gc0->n;
  uint32_t hany = gc0->any;
  if (nh > 0) memcpy(h, gc0->h, (size_t)nh * sizeof *h);
  sj_gfield f;
  sj_codes c;
  c.n = 0;
  const char *type = NULL;
  size_t j = 0, k;
  int mil = 0;

  /* the cues asked at every token, in one pass over the payloads */
  static const char *const TOP[] = {"we", "we_country", "we_mil", "pair_ref", "pair_ref_mil"};
  enum { C_WE, C_WE_COUNTRY, C_WE_MIL, C_PAIR, C_PAIR_MIL };
  size_t tl[5] = {0, 0, 0, 0, 0};
  unsigned char b0 = (unsigned char)g->s[i]; /* they are Han words: not at punctuation */
  unsigned tm = (hany & SJ_K_CUE) && b0 >= 0xE4 && b0 <= 0xE9 ? sj_tg_cue_mask(g, i, TOP, 5, tl) : 0;
  /* 我国 / 我军 / 我方 / 我 (the Chinese press speaking of China) */
  size_t kw = tm >> C_WE & 1 ? tl[C_WE] : 0;
  if (kw) {
    if ((k = tl[C_WE_COUNTRY])) {
      sj_codes_add(&c, "CHN", 3);
      size_t e = i + k;
      type = "country";
      e = actor_suffix(g, e, 0, &type, &mil);
      emit_actor(g, i, e, type, &c, NULL);
      return sj_tg_tok_at(g, e);
    }
    if ((k = tl[C_WE_MIL])) {
      sj_codes_add(&c, "CHN", 3);
      emit_actor(g, i, i + k, "military", &c, NULL);
      return sj_tg_tok_at(g, i + k);
    }
    if (g->tok[t].end == i + kw && t > 0) {
      size_t tb = t - 1;
      const char *pn = sj_tg_pos(g, t + 1);
      if (sj_tg_cue_tok(g, tb, "wo_before") ||
          (t + 1 < g->ntok && (pn[0] == 'a' || pn[0] == 'n') && !open_quote(g, tb))) {
        if (t + 1 < g->ntok && (pn[0] == 'a' || pn[0] == 'n' || pn[0] == 'v' || pn[0] == 'd')) {
          sj_codes_add(&c, "CHN", 3);
          emit_actor(g, i, i + kw, "country", &c, NULL);
          return t + 1;
        }
      }
    }
    return t + 1;
  }
  /* 两国 / 两军 / 双方: the parties just named */
  if ((k = tl[C_PAIR])) {
    int two_mil = tl[C_PAIR_MIL] != 0;
    if (g->recent.n == 2 && (!g->pair.n || g->recent_at[0] > g->pair_at)) c = g->recent;
    else if (g->pair.n) c = g->pair;
    else c = pair_with_persons(g);
    if (!c.n) return t + 1;
    type = two_mil ? "military" : "country";
    size_t e = i + k;
    if (sj_tg_cue(g, e, "pair_keep")) {
      /* 两国关系: still the two countries */
    } else {
      e = actor_suffix(g, e, -1, &type, &mil);
    }
    sj_mention *m = sj_tg_add(g, i, e, SJ_ACTOR);
    if (m) { m->type = type; m->codes = sj_codes_str(g, &c); }
    g->last_end = e; g->last_place = 0;
    return sj_tg_tok_at(g, e);
  }
  /* persons: a known person (dict/gaz/persons.tsv) ending a token, not
   * an ideology (习近平新时代…思想); a name-like token tagged nr* (or a
   * transliteration acting) */
  {
    int sh = 0;
    size_t lk = sj_tg_gazk(g, i, SJ_K_PERSON, NULL);
    if (lk && sj_tg_is_tend(g, i + lk) && !sj_tg_cue(g, i + lk, "ideology")) {
      emit_person(g, i, i + lk, NULL, 'K');
      return sj_tg_tok_at(g, i + lk);
    }
    size_t pe = translit_place(g, t);
    if (pe) return sj_tg_tok_at(g, pe);
    pe = person_at(g, t, &sh);
    if (pe) {
      emit_person(g, i, pe, NULL, sh);
      return sj_tg_tok_at(g, pe);
    }
    if ((pe = inst_alone(g, t))) return sj_tg_tok_at(g, pe);
    if ((pe = named_org(g, t, hany))) return sj_tg_tok_at(g, pe);
  }
  /* ships: a proper-noun token + 舰 (银川舰: Chinese warships bear the
   * names of cities, so a place of the gazetteer is fine) */
  {
    const char *p = sj_tg_pos(g, t);
    size_t l = g->tok[t].end - i;
    if (t + 1 < g->ntok && !(hany & (SJ_K_COUNTRY | SJ_K_ABBR | SJ_K_ORG | SJ_K_MIL | SJ_K_GOV)) &&
        (p[0] == 'n' && (p[1] == 's' || p[1] == 'z' || p[1] == 0 || p[1] == 'r')) && l >= 6 && l <= 12 &&
        (k = sj_tg_cue(g, g->tok[t].end, "ship_suffix")) && g->tok[t + 1].end == g->tok[t].end + k) {
      sj_mention *m = sj_tg_add(g, i, g->tok[t].end + k, SJ_NAME);
      if (m) m->type = "equipment";
      return t + 2;
    }
  }
  if (visit_abbr(g, t)) return t + 1;
  if (!nh) {
    /* designations: 运-20, 轰-6K, 96B型坦克 */
    {
      size_t a = i, b = g->tok[t].end;
      const char *dash = memchr(g->s + a, '-', b - a);
      if (dash && dash > g->s + a && (size_t)(dash - (g->s + a)) <= 6 && b - a <= 16) {
        uint32_t c0;
        sj_t_dec(g->s, g->n, a, &c0);
        uint32_t c1 = dash + 1 < g->s + b ? (unsigned char)dash[1] : 0u;
        if (c0 >= 0x4E00 && c0 <= 0x9FFF && ((c1 >= '0' && c1 <= '9') || (c1 >= 'A' && c1 <= 'Z'))) {
          if (!(a >= 3 && cp_is(g, a - 3, 0x201C))) {
            sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
            if (m) m->type = "equipment";
            return t + 1;
          }
        }
      }
      if (b - a >= 3 && b - a <= 8 && g->s[a] >= '0' && g->s[a] <= '9' && cue_end(g, a, b, "model_suffix") &&
          t + 1 < g->ntok) {
        const char *p = sj_tg_pos(g, t + 1);
        if (p[0] == 'n') {
          sj_mention *m = sj_tg_add(g, a, g->tok[t + 1].end, SJ_NAME);
          if (m) m->type = "equipment";
          return t + 2;
        }
      }
    }
    /* persons tagged by the segmenter after a name-list colon, 记者 … */
    {
      const char *p = sj_tg_pos(g, t);
      size_t l = g->tok[t].end - i;
      size_t tb = t ? t - 1 : (size_t)-1;
      int ctx = tb != (size_t)-1 &&
                (sj_tg_cue_tok(g, tb, "byline") ||
                 (g->last_end + 3 == i && sj_tg_cue_tok(g, tb, "list_sep")));
      int nm = (p[0] == 'n' && p[1] == 'r') || sj_streq(p, "nz") || sj_streq(p, "x");
      if (nm && ctx && l >= 6 && l <= 9 && (sj_tg_gazk(g, i, SJ_K_SURNAME, NULL) || p[1] == 'r')) {
        sj_codes_add(&c, "CHN", 3);
        emit_actor(g, i, g->tok[t].end, "person", &c, NULL);
        return t + 1;
      }
    }
    if ((k = seg_place(g, t))) return sj_tg_tok_at(g, k);
    return t + 1;
  }

  /* persons in a byline or name list (本报记者 徐琳, 资料整理：庄小好、夏平)
   * and names before a title (习近平主席) */
  {
    const char *p = sj_tg_pos(g, t);
    size_t l = g->tok[t].end - i;
    size_t tb = t ? t - 1 : (size_t)-1;
    while (tb != (size_t)-1 && tb > 0 && space_tok(g, tb)) tb--;
    int ctx = tb != (size_t)-1 &&
              (sj_tg_cue_tok(g, tb, "byline") ||
               (g->last_end + 3 == i && g->last_person && sj_tg_cue_tok(g, tb, "list_sep")));
    int nm = (p[0] == 'n' && p[1] == 'r') || sj_streq(p, "nz") || sj_streq(p, "x");
    /* a word the gazetteer knows as a body, country, place or group is no
     * person even when tagged nr (白宫发言人) */
    for (int q = 0; q < nh && nm; q++)
      if (h[q].len == l && (h[q].kinds & (SJ_K_GOV | SJ_K_COUNTRY | SJ_K_ORG |
                                                      SJ_K_PLACE | SJ_K_MIL)))
        nm = 0;
    if (nm && l >= 6 && l <= 9 && (sj_tg_gazk(g, i, SJ_K_SURNAME, NULL) || p[1] == 'r') &&
        (ctx || (p[1] == 'r' && sj_tg_gazk(g, g->tok[t].end, SJ_K_TITLE, NULL) &&
                 sj_tg_is_tend(g, g->tok[t].end + sj_tg_gazk(g, g->tok[t].end, SJ_K_TITLE, NULL))))) {
      sj_codes_add(&c, "CHN", 3);
      emit_actor(g, i, g->tok[t].end, "person", &c, NULL);
      return t + 1;
    }
    /* 习主席, 江主席 (one word): a surname alone before a title */
    if ((l == 3 || sj_tg_gazk(g, i + 3, SJ_K_TITLE, NULL) == l - 3) &&
        sj_tg_gazk(g, i, SJ_K_SURNAME, NULL) == 3 && (k = sj_tg_gazk(g, i + 3, SJ_K_TITLE, NULL)) &&
        sj_tg_is_tend(g, i + 3 + k) && tb != (size_t)-1 && !sj_tg_gazk(g, i, SJ_K_ABBR, NULL)) {
      const char *pb = sj_tg_pos(g, tb);
      if (pb[0] == 'x' || pb[0] == 'u' || pb[0] == 'p' || pb[0] == 'c') {
        sj_codes_add(&c, "CHN", 3);
        emit_actor(g, i, i + 3 + k, "person", &c, NULL);
        return sj_tg_tok_at(g, i + 3 + k);
      }
    }
  }
  /* the longest hit of an entity kind */
  int best = -1;
  uint32_t bk = 0;
  /* in order of preference */
  static const uint32_t KBIT[] = {SJ_K_COUNTRY, SJ_K_ORG, SJ_K_PERSON, SJ_K_PLACE, SJ_K_MIL,
                                  SJ_K_GOV, SJ_K_TITLE, SJ_K_ABBR};
  const uint32_t ENT = SJ_K_COUNTRY | SJ_K_ORG | SJ_K_PERSON | SJ_K_PLACE | SJ_K_MIL |
                       SJ_K_GOV | SJ_K_TITLE | SJ_K_ABBR;
  if (!(hany & ENT)) {
    if ((k = seg_place(g, t))) return sj_tg_tok_at(g, k);
    return t + 1;
  }
  for (int q = nh - 1; q >= 0 && best < 0; q--) {
    if (!(h[q].kinds & ENT)) continue;
    int tend = sj_tg_is_tend(g, i + h[q].len);
    if (!tend && abbr_ends_token(h, q, g, i)) continue;
    for (int kk = 0; kk < (int)(sizeof KBIT / sizeof *KBIT); kk++) {
      if (!tend && h[q].len <= 9 && kk != 3 && kk != 7 && kk != 0 && kk != 1) continue;
      if (h[q].kinds & KBIT[kk]) {
        best = q; bk = KBIT[kk];
        break;
      }
    }
  }
  if (best < 0) return t + 1;
  sj_tg_payload(g, h[best].payload, sj_tg_kind_name(bk), &f);
  size_t a = i;
  j = i + h[best].len;

  if (bk == SJ_K_COUNTRY || bk == SJ_K_ABBR) {
    int abbr = bk == SJ_K_ABBR;
    if (f.n) sj_codes_add(&c, f.s[0], f.l[0]);
    if (abbr) {
      /* a chain of abbreviations: 中俄, 中日韩 */
      for (;;) {
        size_t l2 = sj_tg_gazk(g, j, SJ_K_ABBR, &f);
        size_t lc = sj_tg_gazk(g, j, SJ_K_COUNTRY, NULL);
        if (lc > l2 && !sj_tg_is_tend(g, j + lc)) lc = 0;
        if (!l2 || lc > l2 || c.n >= 6) break;
        if (sj_tg_cue(g, j, "abbr_chain_stop")) break;
        /* 俄 | 加强: a chain goes on into a word only if it is all
         * abbreviations (俄白 | 哈吉) */
        if (sj_tg_is_tend(g, j) && !abbr_word(g, j)) break;
        /* …and into a function word (比赛中 | 以２∶１) only before a word
         * of the parties (巴以双方, 巴以关系) */
        if (sj_tg_is_tend(g, j) && strchr("pcu", sj_tg_pos(g, sj_tg_tok_at(g, j))[0]) &&
            !sj_tg_cue(g, j + l2, "pair_ref") && !sj_tg_cue(g, j + l2, "side") &&
            !sj_tg_cue(g, j + l2, "pair_keep"))
          break;
        if (f.n) sj_codes_add(&c, f.s[0], f.l[0]);
        j += l2;
      }
    }
    /* 中非: Africa joins as a non-country party */
    if (abbr && sj_tg_cue(g, j, "abbr_africa") && !sj_tg_cue(g, j, "not_africa")) {
      j += 3;
      abbr = 2;
    }
    type = "country";
    if (!abbr && c.n == 1 && (k = sj_tg_cue(g, j, "state_suffix")) && sj_tg_is_tend(g, j + k))
      j += k; /* 马耳他共和国, 阿尔及利亚民主人民共和国 */
    size_t base_end = j;
    /* rhetorical 中国力量 */
    if (!abbr && sj_tg_cue(g, a, "rhetoric_country") == base_end - a) {
      if (sj_tg_cue(g, j, "rhetoric")) return sj_tg_tok_at(g, j);
    }
    size_t tbl = tok_before(g, a);
    /* 中国驻俄罗斯大使李凤林: the host country in a title is not annotated;
     * the person is of the country before 驻 */
    if (tbl != (size_t)-1 && sj_tg_cue_tok(g, tbl, "inst_link") && c.n == 1) {
      size_t lt = sj_tg_gazk(g, base_end, SJ_K_TITLE, NULL);
      if (lt && sj_tg_is_tend(g, base_end + lt)) {
        size_t te = title_more(g, base_end + lt), ne = name_after(g, te);
        if (ne) {
          char kb[4];
          const char *code = actor_code_at(g, g->tok[tbl].start, kb);
          int sh = name_shape(g, te, ne);
          emit_person(g, te, ne, code, sh ? sh : 'C');
          return sj_tg_tok_at(g, ne);
        }
        return sj_tg_tok_at(g, te);
      }
    }
    int inlist = tbl != (size_t)-1 && sj_tg_cue_tok(g, tbl, "list_sep") && !abbr;
    size_t e = inlist && sj_tg_gazk(g, j, SJ_K_GOV, NULL) ? j : actor_suffix(g, j, abbr != 0, &type, &mil);
    int chain = (int)((base_end - a) / 3);
    if (abbr && g->tok[t].start == a && g->tok[t].end == e && e > base_end &&
        sj_streq(sj_tg_pos(g, t), "s"))
      return t + 1;
    if (abbr && e == base_end) {
      /* a bare abbreviation chain */
      if (c.n < 2 && abbr != 2) {
        /* a single abbreviation alone: only as its own token after a
         * preposition, or before 对/向 (美对台军售) */
        size_t tb = tok_before(g, a);
        size_t ta = sj_tg_tok_at(g, a);
        int own = ta < g->ntok && g->tok[ta].start == a && g->tok[ta].end == base_end;
        int ok = own && chain == 1 && !sj_tg_cue(g, a, "abbr_weak");
        if (ok) {
          ok = (tb != (size_t)-1 && (sj_tg_cue_tok(g, tb, "act_prep") || sj_tg_cue_tok(g, tb, "place_prep"))) ||
               sj_tg_cue(g, base_end, "abbr_before") || abbr_role(g, tb, ta);
        }
        if (!ok && own && chain == 1 && abbr_role_before(g, tb) && abbr_pair(g, ta)) ok = 1;
        /* 俄会与…: glued to a verb or an adverb at a clause start */
        if (!ok && chain == 1 && ta < g->ntok && g->tok[ta].start == a && !sj_tg_cue(g, a, "abbr_weak") &&
            abbr_glued(g, ta, base_end) && abbr_role_before(g, tb)) {
          emit_actor(g, a, base_end, "country", &c, NULL);
          return t + 1;
        }
        /* in a list of countries (美、俄、法、日等) any abbreviation */
        if (!ok && own && chain == 1 && tb != (size_t)-1 && sj_tg_cue_tok(g, tb, "list_sep") &&
            g->last_end + 3 >= a && !g->last_place && !g->last_person)
          ok = 1;
        if (!ok) return t + 1;
      } else {
        /* 2+ abbreviations must end a token (not 美德, 中新社) */
        if (!sj_tg_is_tend(g, base_end) && !sj_tg_cue(g, base_end, "chain_end_ok") &&
            !abbr_glued(g, sj_tg_tok_at(g, a), base_end))
          return t + 1;
        /* a function word of the lexicon made of abbreviations (加以) */
        const char *pt = sj_tg_pos(g, t);
        if (g->tok[t].end == base_end && strchr("vdcp", pt[0])) return t + 1;
      }
    }
    /* 美国经济: a modifier, no actor; 泰国金融危机, 伊拉克问题: the
     * country of a topic is a place */
    if (e == base_end && c.n == 1 && !abbr) {
      size_t de = sj_tg_cue(g, e, "country_of"), lm2 = de ? sj_tg_cue(g, e + de, "country_modifier") : 0;
      if (lm2 && sj_tg_is_tend(g, e + de + lm2)) return sj_tg_tok_at(g, e);
      size_t lm = sj_tg_cue(g, e, "country_modifier"), lp = topic_len(g, e);
      if (lp && lp >= lm) { emit_place(g, a, e, &c); return sj_tg_tok_at(g, e); }
      if (lm && sj_tg_is_tend(g, e + lm)) return sj_tg_tok_at(g, e);
    }
    /* places: after 在/赴/飞往…, before a place, or in a list of places */
    int placey = sj_streq(type, "country") && e == base_end &&
                 (place_context(g, a) || sj_tg_gazk(g, e, SJ_K_PLACE, NULL) || list_of_places(g, e) ||
                  sj_tg_cue(g, e, "place_after") ||
                  (sj_tg_gazk(g, e, SJ_K_NAMESUFFIX, &f) && f.n && f.l[0] == 5 &&
                   !memcmp(f.s[0], "event", 5)));
    /* 中印边境: a place made of the parties */
    size_t ls = sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, &f);
    if (e == base_end && ls && sj_tg_cue(g, e, "party_place")) {
      if (c.n >= 2) g->pair = c;
      sj_codes one = c;
      if (c.n >= 2) one.n = 0;
      emit_place(g, a, e + ls, &one);
      return sj_tg_tok_at(g, e + ls);
    }
    if (sj_streq(type, "country") && e == base_end && c.n == 1) {
      /* 日本长野, 委内瑞拉的巴伦西亚: the country of a place name */
      size_t pe, ps = place_name_after(g, e, &pe);
      if (ps) {
        emit_place(g, a, e, &c);
        emit_place(g, ps, pe, &c);
        return sj_tg_tok_at(g, pe);
      }
    }
    if (!placey && sj_streq(type, "country") && e == base_end && c.n == 1) {
      /* 俄罗斯卡普斯京·阿尔靶场: the country of a suffixed place */
      size_t tt = sj_tg_tok_at(g, e);
      for (int hop = 0; hop < 5 && tt < g->ntok && g->tok[tt].start < e + 30; hop++, tt++) {
        const char *p = sj_tg_pos(g, tt);
        size_t ta = g->tok[tt].start, tb2 = g->tok[tt].end;
        size_t ls2 = sj_tg_gaz_end(g, ta > e ? ta : e + 1, tb2, SJ_K_PLACESUFFIX, NULL);
        if (ls2) {
          emit_place(g, a, e, &c);
          emit_place(g, e, tb2, &c);
          return tt + 1;
        }
        if (!(p[0] == 'n' || p[0] == 'x') || (p[0] == 'x' && !cp_is(g, ta, 0xB7))) break;
      }
    }
    if (placey && c.n <= 1) {
      emit_place(g, a, e, &c);
      return sj_tg_tok_at(g, e);
    }
    /* 中俄关于…的协定: a document name */
    if (sj_tg_cue(g, e, "doc_about")) {
      size_t q = e;
      for (int guard = 0; q < g->n && guard < 60; guard++) {
        uint32_t cp;
        int l = sj_t_dec(g->s, g->n, q, &cp);
        if (is_punct_cp(cp)) break;
        size_t kd = sj_tg_cue(g, q, "doc_end");
        if (kd) {
          sj_mention *m = sj_tg_add(g, a, q + kd, SJ_NAME);
          if (m) m->type = "document";
          break;
        }
        q += (size_t)l;
      }
    }
    if (abbr == 2) { c.n = 0; sj_codes_add(&c, "CHN", 3); }
    /* country + title + name: the country and the person, who takes its
     * code (美国总统克林顿 → 美国 + 克林顿) */
    if (c.n == 1 && e > base_end && sj_tg_gaz_end(g, base_end, e, SJ_K_TITLE, NULL)) {
      size_t ne = name_after(g, title_more(g, e));
      if (ne) {
        char code[4];
        memcpy(code, c.c[0], 4);
        emit_actor(g, a, base_end, "country", &c, NULL);
        e = title_more(g, e);
        int sh = name_shape(g, e, ne);
        emit_person(g, e, ne, code, sh ? sh : 'F');
        return sj_tg_tok_at(g, ne);
      }
    }
    /* country + a role noun + a name (法国选手朱利埃, 英国学者X): the
     * country and the person, who takes its code */
    if (c.n == 1 && e == base_end && (k = sj_tg_cue(g, e, "role_noun")) && sj_tg_is_tend(g, e + k)) {
      size_t ne = name_after(g, e + k);
      if (ne) {
        char code[4];
        memcpy(code, c.c[0], 4);
        emit_actor(g, a, e, "country", &c, NULL);
        int sh = name_shape(g, e + k, ne);
        emit_person(g, e + k, ne, code, sh ? sh : 'F');
        return sj_tg_tok_at(g, ne);
      }
    }
    /* country + institution: one span (英国工党政府, 中国驻南非大使馆); a
     * news agency or paper is no actor (日本共同社) */
    if (c.n >= 1 && !mil) {
      int ik = 0;
      size_t ie = inst_chain(g, e, &ik);
      if (ie && ik == 'P') return sj_tg_tok_at(g, ie);
      if (ie) { e = ie; type = inst_type(ik); }
    }
    emit_actor(g, a, e, type, &c, NULL);
    /* a title and a name after a country: 俄罗斯国防部长绍伊古 */
    return sj_tg_tok_at(g, e) > t ? sj_tg_tok_at(g, e) : t + 1;
  }
  if (bk == SJ_K_ORG) {
    const char *org = f.n >= 2 ? sj_tg_str(g, f.s[1], f.l[1]) : f.n ? sj_tg_str(g, f.s[0], f.l[0]) : NULL;
    /* 联合国维和峰会: the org inside a name is still annotated */
    emit_actor(g, a, j, "organization", NULL, org);
    return sj_tg_tok_at(g, j) > t ? sj_tg_tok_at(g, j) : t + 1;
  }
  if (bk == SJ_K_PERSON) {
    if (f.n) sj_codes_add(&c, f.s[0], f.l[0]);
    /* 习近平新时代…思想: an ideology name, not the person */
    if (sj_tg_cue(g, j, "ideology"))
      return sj_tg_tok_at(g, j);
    emit_actor(g, a, j, "person", &c, NULL);
    return sj_tg_tok_at(g, j);
  }
  if (bk == SJ_K_PLACE) {
    if (f.n && !(f.l[0] == 1 && f.s[0][0] == '-')) sj_codes_add(&c, f.s[0], f.l[0]);
    size_t e = j;
    /* 高加索-2020: a name with a number, not the place */
    if (j + 1 < g->n && g->s[j] == '-' && g->s[j + 1] >= '0' && g->s[j + 1] <= '9')
      return sj_tg_tok_at(g, j) > t ? sj_tg_tok_at(g, j) : t + 1;
    /* 北阿拉伯海: a direction before a sea or region is part of its name */
    if (f.n >= 2 && (f.l[1] == 3 || f.l[1] == 6) &&
        (!memcmp(f.s[1], "sea", 3) || !memcmp(f.s[1], "region", 6)) && t > 0 &&
        g->tok[t - 1].end == i && g->tok[t - 1].start + 3 == i &&
        sj_tg_cue(g, i - 3, "direction") == 3 &&
        g->last_end <= i - 3)
      a = i - 3;
    size_t ls = sj_tg_gazk(g, e, SJ_K_PLACESUFFIX, NULL);
    if (ls) e += ls;
    size_t re = ls ? 0 : place_in_token(g, a, e, &c);
    if (re) return sj_tg_tok_at(g, re);
    /* 拉美国家, 西欧国家 (one word): a class of countries */
    if (!sj_tg_is_tend(g, e) && sj_tg_cue(g, e, "region_group") &&
        sj_tg_is_tend(g, e + sj_tg_cue(g, e, "region_group")))
      return sj_tg_tok_at(g, e);
    if (!sj_tg_is_tend(g, e)) {
      /* 贝鲁特港, 莫斯科红场: the rest of the token (not a verb: 香港 | 回归) */
      size_t te = sj_tg_tok_at(g, e);
      const char *pr = te < g->ntok ? lex_word_pos(g, e, g->tok[te].end) : NULL;
      if (te < g->ntok && g->tok[te].end - e <= 6 && !(pr && pr[0] == 'v'))
        e = g->tok[te].end;
    }
    re = place_role(g, a, e, &c);
    if (re) return sj_tg_tok_at(g, re);
    /* a place then a suffixed place: 贝鲁特港口区 */
    emit_place(g, a, e, &c);
    return sj_tg_tok_at(g, e);
  }
  if (bk == SJ_K_MIL) {
    /* bare military words name nobody, except the PLA */
    int pla = 0;
    for (size_t q = a; q < j && !pla;) {
      size_t lp = sj_tg_cue(g, q, "mil_cn");
      if (lp && q + lp <= j) pla = 1;
      uint32_t cp;
      q += (size_t)sj_t_dec(g->s, g->n, q, &cp);
    }
    if (pla) {
      sj_codes_add(&c, "CHN", 3);
      emit_actor(g, a, j, "military", &c, NULL);
    }
    return sj_tg_tok_at(g, j);
  }
  if (bk == SJ_K_GOV) {
    /* the body's country (dict/gaz/mil.tsv): 白宫 USA; `-` names nobody
     * without a country before it (政府, 议会); none: Chinese (国防部, 军委) */
    if (f.n >= 2 && f.l[1] == 1 && f.s[1][0] == '-') {
      /* 政府还号召…: a bare body acting at a clause start is the
       * paragraph's country's (the last country named) */
      size_t tb = tok_before(g, a), ta = sj_tg_tok_at(g, j);
      const char *pn = ta < g->ntok && g->tok[ta].start == j ? sj_tg_pos(g, ta) : "x";
      const char *pb = tb == (size_t)-1 ? "x" : sj_tg_pos(g, tb);
      const char *lc = last_country(g);
      if (lc && (pb[0] == 'x' || pb[0] == 'c') &&
          (pn[0] == 'd' || pn[0] == 'p' || pn[0] == 't' || (pn[0] == 'v' && pn[1] != 'n'))) {
        sj_codes_add(&c, lc, 3);
        emit_actor(g, a, j, "government", &c, NULL);
      }
      return sj_tg_tok_at(g, j);
    }
    if (f.n && f.l[0] == 6 && !memcmp(f.s[0], "leader", 6)) return sj_tg_tok_at(g, j);
    /* 国防部长: the title wins over the ministry; 国家教委主任: a body
     * inside a title is not annotated */
    if (sj_tg_gazk(g, a, SJ_K_TITLE, NULL) > j - a) return t + 1;
    {
      /* …but a spokesman is the body's (特区政府发言人: cue role_suffix) */
      size_t lt = sj_tg_gazk(g, j, SJ_K_TITLE, NULL);
      if (lt && sj_tg_is_tend(g, j + lt) && sj_tg_cue(g, j, "role_suffix") != lt) {
        /* 国家统计局局长X: the person, of the body's country */
        size_t te = title_more(g, j + lt), ne = name_after(g, te);
        if (ne) {
          char kb[4] = "CHN";
          if (f.n >= 2 && f.l[1] == 3) { memcpy(kb, f.s[1], 3); kb[3] = 0; }
          int sh = name_shape(g, te, ne);
          emit_person(g, te, ne, kb, sh ? sh : 'C');
          return sj_tg_tok_at(g, ne);
        }
        return sj_tg_tok_at(g, j + lt);
      }
    }
    if (f.n >= 2 && f.l[1] == 3) sj_codes_add(&c, f.s[1], 3);
    else sj_codes_add(&c, "CHN", 3);
    const char *ty = "government";
    size_t e = j;
    {
      /* 军委国际军事合作办公室: a body inside a body */
      size_t tt = sj_tg_tok_at(g, j), lastok = 0;
      for (int hop = 0; hop < 5 && tt < g->ntok && g->tok[tt].start >= j; hop++, tt++) {
        const char *p = sj_tg_pos(g, tt);
        if (!(p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b')) break;
        if (cue_end(g, g->tok[tt].start, g->tok[tt].end, "body_end")) lastok = g->tok[tt].end;
      }
      if (lastok) { e = lastok; j = lastok; }
    }
    e += sj_tg_cue(g, e, "role_suffix");
    emit_actor(g, a, e, ty, &c, NULL);
    return sj_tg_tok_at(g, e);
  }
  if (bk == SJ_K_TITLE) {
    /* title (兼 title) name */
    size_t e = title_more(g, j);
    size_t ne = name_after(g, e);
    if (ne) {
      int sh = name_shape(g, e, ne);
      char ob[4];
      emit_person(g, e, ne, body_before(g, a, ob), sh ? sh : 'C');
      return sj_tg_tok_at(g, ne);
    }
    return sj_tg_tok_at(g, e) > t ? sj_tg_tok_at(g, e) : t + 1;
  }
  return t + 1;
}

/* The code of the body whose title starts at a (泰国某协会名誉主席, 欧盟委员会
 *副主席): the last mention is an organisation or a government body that
 * ends at a, or before a title prefix ending at a; into buf ("" for an
 * international body); NULL if none. */
static const char *body_before(sj_tg *g, size_t a, char buf[4]) {
  size_t nm = g->d->mentions.n;
  if (!nm) return NULL;
  const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, nm - 1);
  if (m->kind != SJ_ACTOR || m->end > a || !m->type ||
      !(sj_streq(m->type, "organization") || sj_streq(m->type, "government")))
    return NULL;
  if (m->end < a && cue_end(g, m->end, a, "title_prefix") != a - m->end) return NULL;
  buf[0] = 0;
  if (m->codes && strlen(m->codes) == 3) memcpy(buf, m->codes, 4);
  else if (m->codes && *m->codes) return NULL; /* several parties */
  return buf;
}

/* a surname token + a title: 习主席 (checked from the token before a title) */

/* Names by suffix (北京香山论坛, 东盟防长扩大会议) are found after the scan:
 * walk back from each meeting/venue suffix over proper-noun tokens. */
/* first mention (sorted by start) with start >= a */
static size_t ment_lb(const sj_tg *g, size_t nment, size_t a) {
  const sj_mention *M = g->d->mentions.data;
  size_t lo = 0, hi = nment;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (M[mid].start < a) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* two Chinese numerals of three bytes each at a (十五 of 十五大) */
static int cn_numerals2(sj_tg *g, size_t a) {
  for (size_t i = a; i < a + 6;) {
    uint32_t cp;
    int l = sj_t_dec(g->s, g->n, i, &cp);
    long d = sj_cn_digit(cp);
    if (l != 3 || d < 0 || d > 10) return 0;
    i += 3;
  }
  return 1;
}

/* A word that is a name by itself (cue class name_alone: 冬奥会, 世锦赛,
 * 冷战), its class from its name-suffix entry; a party congress by its
 * number (十五大: two Chinese numerals + 大).  1 if token t is one (and was
 * added unless a name already ends there). */
static int name_alone(sj_tg *g, size_t t, size_t mc) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *cls = NULL;
  sj_gfield f;
  if (sj_tg_cue_tok(g, t, "name_alone")) {
    cls = "other";
    if (sj_tg_gazk(g, a, SJ_K_NAMESUFFIX, &f) == b - a && f.n &&
        !(f.l[0] == 5 && !memcmp(f.s[0], "event", 5)))
      cls = sj_tg_str(g, f.s[0], f.l[0]);
  } else if (b - a > 6 && cn_numerals2(g, a) && sj_tg_cue(g, a + 6, "congress_suffix") == b - a - 6) {
    cls = "meeting";
  }
  if (!cls) return 0;
  for (size_t k = mc; k-- > 0 && k + 8 > mc;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_NAME && m->end == b) return 1;
  }
  sj_mention *m = sj_tg_add(g, a, b, SJ_NAME);
  if (m) m->type = cls;
  return 1;
}

static void names_by_suffix(sj_tg *g) {
  size_t nment = g->d->mentions.n; /* sorted by start (sj_tag sorts first) */
  /* a name needs a proper noun or an actor/place within the 6 tokens
   * before its suffix: only tokens after one are looked at */
  size_t last_prop = (size_t)-1, mc = 0;
  uint32_t last_ment = 0;
  int have_ment = 0;
  for (size_t t = 0; t < g->ntok && !g->err; t++) {
    size_t i = g->tok[t].start;
    size_t ls = 0;
    sj_gfield f;
    const char *tp = sj_tg_pos(g, t);
    {
      const sj_mention *M = g->d->mentions.data;
      while (mc < nment && M[mc].start < i) {
        if (M[mc].kind == SJ_ACTOR || M[mc].kind == SJ_PLACE) { last_ment = M[mc].start; have_ment = 1; }
        mc++;
      }
      int near = (last_prop != (size_t)-1 && t - last_prop <= 7) ||
                 (have_ment && (t < 8 || last_ment >= g->tok[t - 8].start));
      if ((tp[0] == 'n' && (tp[1] == 's' || tp[1] == 't' || tp[1] == 'z')) || (tp[0] == 'j' && !tp[1]) ||
          sj_tg_cue_tok(g, t, "inst_cn"))
        last_prop = t;
      if (name_alone(g, t, mc)) continue;
      if (!near) continue;
    }
    if (!(tp[0] == 'n' || tp[0] == 'v') || tp[1] == 'r') continue;
    if (g->tok[t].end - i > 15) i = g->tok[t].end - 15;
    /* the suffix ends this token */
    ls = sj_tg_gaz_end(g, i, g->tok[t].end, SJ_K_NAMESUFFIX, &f);
    /* …导弹 | 驱逐舰: the suffix word goes on in the next token */
    if (ls && sj_tg_gazk(g, g->tok[t].end - ls, SJ_K_NAMESUFFIX, NULL) > ls) continue;
    if (!ls || !f.n) continue;
    const char *cls = (f.l[0] == 5 && !memcmp(f.s[0], "event", 5)) ? "other"
                      : sj_tg_str(g, f.s[0], f.l[0]);
    if (!cls) return;
    int unit = sj_streq(cls, "unit");
    /* already named (银川舰) */
    {
      int named = 0;
      for (size_t k = mc; k-- > 0 && k + 8 > mc;) {
        const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
        if (m->kind == SJ_NAME && m->end == g->tok[t].end) named = 1;
      }
      for (size_t k = mc; k < nment && k < mc + 8; k++) {
        const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
        if (m->kind == SJ_NAME && m->end == g->tok[t].end) named = 1;
      }
      if (named) continue;
    }
    if (unit) {
      /* 八一飞行表演队: a unit name needs a numeral name (八一) or a proper
       * noun that is no actor right before its descriptive words */
      size_t q = t, e = g->tok[t].end;
      int hops = 0;
      while (q > 0 && hops < 3) {
        size_t pt = q - 1;
        const char *p = sj_tg_pos(g, pt);
        size_t a = g->tok[pt].start, b = g->tok[pt].end;
        if (b - a >= 6 && b - a <= 9 && p[0] == 'm') {
          int cn = 1;
          for (size_t u = a; u < b && cn;) {
            uint32_t cp;
            u += (size_t)sj_t_dec(g->s, g->n, u, &cp);
            if (sj_cn_digit(cp) < 0 || sj_cn_digit(cp) > 9) cn = 0;
          }
          if (cn) {
            sj_mention *m = sj_tg_add(g, a, e, SJ_NAME);
            if (m) m->type = "unit";
          }
          break;
        }
        if (!(p[0] == 'v' || p[0] == 'n') || p[1] == 'r' || p[1] == 's' || b - a > 9) break;
        q = pt;
        hops++;
      }
      continue;
    }
    /* walk back */
    size_t start = g->tok[t].end - ls;
    if (start > g->tok[t].start) start = g->tok[t].start;
    int proper = 0;
    size_t q = t;
    int ntoks = 0;
    while (q > 0 && ntoks < 6) {
      size_t pt = q - 1;
      const char *p = sj_tg_pos(g, pt);
      size_t a = g->tok[pt].start, b = g->tok[pt].end;
      int isprop = 0;
      /* a mention of an actor or place ending here */
      for (size_t k = ment_lb(g, nment, a > 90 ? a - 90 : 0); k < nment; k++) {
        sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
        if (m->start > a) break;
        if ((m->kind == SJ_ACTOR || m->kind == SJ_PLACE) && m->end == b && m->start <= a) {
          isprop = 1;
          a = m->start;
          break;
        }
      }
      if (!isprop) {
        if (p[0] == 'n' && (p[1] == 's' || p[1] == 't' || p[1] == 'z')) isprop = 1;
        /* a name the person rules left to the name (塔斯马尼安 | 国际…赛) */
        else if (p[0] == 'n' && p[1] == 'r' && name_shape(g, a, b) == 'F') isprop = 1;
        else if (sj_streq(p, "j") || sj_tg_cue_tok(g, pt, "inst_cn")) isprop = 1;
      }
      uint32_t cp;
      sj_t_dec(g->s, g->n, a, &cp);
      int dash = b - a == 1 && g->s[a] == '-';
      if (!isprop && !dash) {
        if (!(p[0] == 'n' || sj_streq(p, "vn") || p[0] == 'b' || sj_streq(p, "v"))) break;
        if (b - a > 12 || is_punct_cp(cp)) break;
        /* one head: a word that ends a name of its own ends the walk
         * (中国海军导弹驱逐舰 | 银川舰) */
        if (sj_tg_gaz_end(g, a, b, SJ_K_NAMESUFFIX, NULL)) break;
        if (sj_tg_cue_tok(g, pt, "name_walk_stop")) break;
      }
      if (isprop) { proper = 1; start = a; }
      q = sj_tg_tok_at(g, a);
      ntoks++;
    }
    if (!proper || start >= g->tok[t].end - ls) continue;
    size_t e = g->tok[t].end;
    /* drop a leading verb-ish remainder: the name starts at a proper noun */
    sj_mention *m = sj_tg_add(g, start, e, SJ_NAME);
    if (m) m->type = cls;
    /* countries at the head of a venue name are places (新加坡航展) */
    if (sj_streq(cls, "other") || sj_tg_cue(g, g->tok[t].end - ls, "venue_name")) {
      for (size_t k = ment_lb(g, nment, start); k < nment; k++) {
        sj_mention *a2 = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
        if (a2->start > start) break;
        if (a2->kind == SJ_ACTOR && a2->start == start && a2->codes &&
            sj_streq(a2->type, "country") && strlen(a2->codes) == 3) {
          a2->kind = SJ_PLACE;
          a2->type = NULL;
        }
      }
    }
  }
}

/* The same name is the same person throughout the document: a token (or
 * a run of tokens) that spells a person named elsewhere (the memory of
 * emit_person) and is covered by no mention is that person, with the same
 * code (…送给辛业江 before 辛业江收受 found him).  Mentions [0, nsorted)
 * are sorted by start; those after it (names just added) are few. */
static void persons_again(sj_tg *g, size_t nsorted) {
  if (!g->npmem) return;
  size_t mc = 0;
  uint32_t covered = 0;
  for (size_t t = 0; t < g->ntok && !g->err; t++) {
    size_t a = g->tok[t].start;
    const sj_mention *M = g->d->mentions.data;
    while (mc < nsorted && M[mc].start <= a) {
      if (M[mc].end > covered) covered = M[mc].end;
      mc++;
    }
    const char *p = sj_tg_pos(g, t);
    if (a < covered || !(p[0] == 'n' || p[0] == 'x') || (unsigned char)g->s[a] < 0xE4 ||
        (unsigned char)g->s[a] > 0xE9)
      continue;
    for (int k = 0; k < g->npmem; k++) {
      const struct sj_pmem *pm = &g->pmem[k];
      size_t l = pm->b - pm->a, b = a + l;
      if (l < 6 || b > g->n || pm->a == a || !sj_tg_is_tend(g, b) ||
          !sj_eqn(g->s + pm->a, g->s + a, l))
        continue;
      if (mc < nsorted && M[mc].start < b) break; /* a mention starts inside */
      int inside = 0;
      for (size_t r = nsorted; r < g->d->mentions.n; r++)
        if (M[r].start < b && M[r].end > a) inside = 1;
      if (inside) break;
      sj_mention *m = sj_tg_add(g, a, b, SJ_ACTOR);
      if (!m) return;
      m->type = "person";
      sj_codes c;
      c.n = 0;
      if (pm->code[0]) sj_codes_add(&c, pm->code, 3);
      m->codes = sj_codes_str(g, &c);
      covered = (uint32_t)b;
      break;
    }
  }
}

void sj_tg_names_fix(sj_tg *g) {
  size_t nsorted = g->d->mentions.n;
  names_by_suffix(g);
  if (!g->err) persons_again(g, nsorted);
}
