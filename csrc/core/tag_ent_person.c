/*
 * tag_ent_person.c — persons (the entity stage's group of persons; tag_ent.c
 * drives it): known persons (dict/gaz/persons.tsv), names after titles,
 * names the segmenter tags by their shape, bylines and lists of names, and
 * the same name as the same person throughout a document.
 *
 * A token the lexicon or the segmenter tags as a person's name (nr, nrfg,
 * nrt) is a person when its characters look like one: a surname followed by
 * given-name characters, or transliteration characters (per-char log ratios
 * the image compiler learns from the lexicon's own names, image.namech).
 */
#include "tag_ent.h"

#include <string.h>

#define GIVEN_MIN 0.0f   /* mean ratio of a one-character given name */
#define GIVEN2_MIN (-0.8f) /* of a two-character one (fewer common words) */
#define TRANS_OOV 1.6f   /* the same as TRANS_MIN for a word the lexicon does not tag nr */
#define TRANS_AFTER_TITLE 0.0f /* right after a title, a name needs less: */
#define TRANS_AFTER_TITLE_MAX 2.0f /* or one strong character (普京) */

/* the mean transliteration ratio of the Han characters of [a, b) (-99 if
 * there are none or other characters) and, in *max (if not NULL), the
 * largest one */
float sj_te_translit_mean(sj_tg *g, size_t a, size_t b, float *max) {
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
int sj_te_name_shape(sj_tg *g, size_t a, size_t b) {
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

/* a person name after a title: a token tagged nr*, or 2-3 Han characters
 * the segmenter left as an unknown word (nz, x), or a name-like noun that
 * the gazetteer does not know as a place (普京, tagged ns by the lexicon) */
size_t sj_te_name_after(sj_tg *g, size_t i) {
  size_t t = sj_tg_tok_at(g, i);
  if (t >= g->ntok || g->tok[t].start != i) return 0;
  const char *p = sj_tg_pos(g, t);
  size_t l = g->tok[t].end - g->tok[t].start;
  if (l == 6 && p[0] == 'n' && p[1] == 'r' && t + 2 < g->ntok &&
      g->tok[t + 1].end - g->tok[t + 1].start == 3) {
    const char *p2 = sj_tg_pos(g, t + 2);
    uint32_t cp;
    sj_t_dec(g->s, g->n, g->tok[t + 1].start, &cp);
    const char *p1 = sj_tg_pos(g, t + 1);
    if (cp >= 0x4E00 && cp <= 0x9FFF && (p2[0] == 'v' || p2[0] == 'd' || p2[0] == 't' || p2[0] == 'p') &&
        !strchr("ucp", p1[0]) && !sj_tg_cue_tok(g, t + 1, "list_etc")) /* not 毛磊 | 等 */
      return g->tok[t + 1].end;
  }
  if (l < 6 || l > 36) return 0;
  /* 主席访俄: a visit (访/来 + an abbreviation), no name */
  size_t kv = sj_tg_cue(g, i, "visit_prefix");
  if (!kv) kv = sj_tg_cue(g, i, "at_prefix");
  if (kv && kv < l && sj_tg_gazk(g, i + kv, SJ_K_ABBR, NULL) == l - kv) return 0;
  size_t lk = sj_tg_gazk(g, i, SJ_K_PERSON, NULL);
  if (lk && sj_tg_is_tend(g, i + lk)) return i + lk;
  if ((p[0] == 'n' && p[1] == 'r') || (l <= 9 && (sj_streq(p, "nz") || sj_streq(p, "x")))) {
    /* 加齐 | 沃达: a transliteration goes on over the pieces cut off */
    size_t b = g->tok[t].end;
    if (!(p[0] == 'n' && p[1] == 'r') && sj_te_translit_mean(g, i, b, NULL) >= TRANS_MIN)
      for (int hop = 0; hop < 2 && t + 1 < g->ntok && g->tok[t + 1].start == b &&
                        sj_streq(sj_tg_pos(g, t + 1), p) && sj_te_translit_piece(g, t + 1); hop++)
        b = g->tok[++t].end;
    return b;
  }
  float mx = 0;
  if ((p[0] == 'n' || (p[0] == 's' && !p[1])) && l <= 18 && !sj_tg_gazk(g, i, SJ_K_PLACE, NULL) &&
      !sj_tg_gazk(g, i, SJ_K_COUNTRY, NULL) && !sj_tg_gazk(g, i, SJ_K_ORG, NULL) &&
      !sj_tg_gazk(g, i, SJ_K_GOV, NULL) && !sj_tg_gazk(g, i, SJ_K_MIL, NULL) &&
      (sj_te_translit_mean(g, i, g->tok[t].end, &mx) > TRANS_AFTER_TITLE || mx > TRANS_AFTER_TITLE_MAX))
    return g->tok[t].end;
  return 0;
}

/* the code remembered for a person named [a, b): the same name, or a
 * longer one it ends (罗萨里奥·格林 → 格林) or begins (a surname) */
const char *sj_te_pmem_find(const sj_tg *g, size_t a, size_t b) {
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
int sj_te_translit_piece(sj_tg *g, size_t t) {
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
    if (sj_te_translit_mean(g, a, b, &mx) < TRANS_OOV || t + 1 >= g->ntok) return 0;
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
    float r = sj_te_translit_mean(g, i0, i, NULL);
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
    if (t >= g->ntok || g->tok[t].start != *b || !sj_te_translit_piece(g, t)) break;
    *b = g->tok[t].end;
  }
  size_t tb = tok_before(g, *a);
  if (tb != (size_t)-1 && g->tok[tb].end == *a && g->tok[tb].start >= g->last_end &&
      sj_te_translit_piece(g, tb))
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
size_t sj_te_title_more(sj_tg *g, size_t e) {
  for (int guard = 0; guard < 3; guard++) {
    size_t k = sj_tg_cue(g, e, "title_join");
    size_t l2 = k ? sj_tg_gazk(g, e + k, SJ_K_TITLE, NULL) : 0;
    if (!l2 && k) {
      /* 兼外交与合作大臣: the second title's words, then a title word */
      size_t t = sj_tg_tok_at(g, e + k);
      for (int hop = 0; hop < 5 && t < g->ntok && g->tok[t].start >= e + k; hop++, t++) {
        const char *p = sj_tg_pos(g, t);
        size_t a = g->tok[t].start, b = g->tok[t].end;
        size_t lt = sj_tg_gaz_end(g, a, b, SJ_K_TITLE, NULL);
        if (lt && hop > 0) { l2 = b - e - k; break; }
        if (!(p[0] == 'n' || sj_streq(p, "vn") || (hop > 0 && (sj_tg_cue_tok(g, t, "pair_conj")))) ||
            p[1] == 'r' || b - a > 9)
          break;
      }
    }
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
void sj_te_emit_person(sj_tg *g, size_t a, size_t b, const char *country, int shape) {
  sj_codes c;
  c.n = 0;
  char kbuf[4];
  if (known_person(g, a, b, kbuf)) { country = kbuf; shape = 'K'; }
  else {
    float mx = 0;
    if (shape == 'F' || sj_te_translit_mean(g, a, b, &mx) > TRANS_MIN || sj_te_name_shape(g, a, b) == 'F')
      translit_join(g, &a, &b);
    if (!country) country = bracket_country(g, b, kbuf);
  }
  const char *code = country ? country : sj_te_pmem_find(g, a, b);
  if (!code && shape == 'F') {
    for (int k = g->recent.n; k-- > 0;)
      if (!sj_streq(g->recent.c[k], "CHN")) { code = g->recent.c[k]; break; }
  }
  if (!code && shape != 'F') code = "CHN";
  /* 杜马舍夫, 托罗普采夫: a Russian surname ending (cue class name_end_rus) */
  if (!code && shape == 'F' && sj_tg_cue(g, b - 3, "name_end_rus") == 3) code = "RUS";
  char buf[4];
  if (code && *code) { memcpy(buf, code, 4); sj_codes_add(&c, buf, 3); }
  /* the person's country is one of the parties last named (叶利钦总统访华，
   * 两国元首…: RUS and CHN) */
  sj_te_emit_actor(g, a, b, "person", &c, NULL);
  if (country || !sj_te_pmem_find(g, a, b)) pmem_add(g, a, b, c.n ? c.c[0] : NULL);
  /* 克林顿政府, 桥本内阁: the person's government, one span */
  size_t lg = sj_tg_cue(g, b, "leader_gov");
  if (lg && sj_tg_is_tend(g, b + lg) && g->d->mentions.n) {
    sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, g->d->mentions.n - 1);
    m->end = (uint32_t)(b + lg);
    m->type = "government";
    g->last_end = b + lg;
  }
}

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

/* Is token t a word of country abbreviations only (哈吉 | 乌塔四国) in a
 * chain: followed by another abbreviation or a count of countries (…国)? */
static int abbr_chain_word(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  if (b - a > 12 || t + 1 >= g->ntok) return 0;
  for (size_t i = a; i < b; i += 3)
    if (sj_tg_gazk(g, i, SJ_K_ABBR, NULL) != 3) return 0;
  size_t na = g->tok[t + 1].start, nb = g->tok[t + 1].end;
  return sj_tg_gazk(g, na, SJ_K_ABBR, NULL) || (nb - na >= 6 && cp_is(g, nb - 3, 0x56FD));
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
  if (abbr_chain_word(g, t)) return 0;
  int sh = sj_te_name_shape(g, a, b);
  if (!sh) return 0;
  if (!nr) {
    /* an unknown word: transliterated, strongly, and acting (恩佐强调), or
     * a three-character Chinese name before an act (辛业江收受) */
    const char *pn = sj_tg_pos(g, t + 1);
    int cn = (sh == 'C' || sh == 'c') && b - a == 9 && t + 1 < g->ntok && strchr("vpd", pn[0]) && pn[1] != 'n';
    if (!cn && (sh != 'F' || sj_te_translit_mean(g, a, b, NULL) < TRANS_OOV || t + 1 >= g->ntok || pn[0] != 'v'))
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
  if (sh == 'F' && sj_te_place_context(g, a)) return 0;
  /* a two-character Chinese name is also a common word (祝贺, 荣誉): it
   * needs a name's neighbours (an act or a list after it, not 的 before) */
  if (sh == 'c' && !sj_te_pmem_find(g, a, b)) {
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
  /* a two-character word of the lexicon tagged as a name after an adverb
   * or a locative (满脸陶醉, 国外宾客), or the last item of a list of common
   * nouns (鲜花、奖章和荣耀), is the common word */
  if ((sh == 'c' || sh == 'C') && b - a == 6 && t > 0 && !sj_te_pmem_find(g, a, b)) {
    const char *pb = sj_tg_pos(g, t - 1);
    if (pb[0] == 'd' || (pb[0] == 's' && !pb[1])) return 0;
    if (t > 1 && (sj_tg_cue_tok(g, t - 1, "list_sep") || sj_tg_cue_tok(g, t - 1, "pair_conj"))) {
      const char *p2 = sj_tg_pos(g, t - 2);
      if (p2[0] == 'n' && !p2[1]) return 0;
    }
  }
  /* the head of a name (贝多芬第九交响曲, X国际女子网球赛): no person;
   * an item of a list of places (张北、尚义等县) */
  if (name_head(g, t + 1) || (b - a <= 12 && sj_te_list_of_units(g, t))) return 0;
  *shape = sh;
  return b;
}

/* a known person (dict/gaz/persons.tsv) ending a token at token t, not an
 * ideology (习近平新时代…思想): emitted; its end, 0 if none */
size_t sj_te_person_known(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  size_t lk = sj_tg_gazk(g, i, SJ_K_PERSON, NULL);
  if (lk && sj_tg_is_tend(g, i + lk) && !sj_tg_cue(g, i + lk, "ideology")) {
    sj_te_emit_person(g, i, i + lk, NULL, 'K');
    return i + lk;
  }
  return 0;
}

/* a name-like token tagged nr* (or a transliteration acting) at token t:
 * the person emitted; its end, 0 if none */
size_t sj_te_person_token(sj_tg *g, size_t t) {
  int sh = 0;
  /* 李 | 成仁: a surname the segmenter cut off a name it tagged nr */
  if (t + 1 < g->ntok && g->tok[t].end - g->tok[t].start == 3 && sj_streq(sj_tg_pos(g, t), "nr") &&
      sj_tg_gazk(g, g->tok[t].start, SJ_K_SURNAME, NULL) == 3 &&
      g->tok[t + 1].end - g->tok[t + 1].start == 6 && sj_streq(sj_tg_pos(g, t + 1), "nr") &&
      !(sj_tg_hits(g, g->tok[t + 1].start)->any & SJ_TE_ENT)) {
    size_t a = g->tok[t].start, b = g->tok[t + 1].end;
    sh = sj_te_name_shape(g, a, b);
    if (sh == 'C' || sh == 'c') {
      sj_te_emit_person(g, a, b, NULL, sh);
      return b;
    }
  }
  size_t pe = person_at(g, t, &sh);
  if (pe) sj_te_emit_person(g, g->tok[t].start, pe, NULL, sh);
  return pe;
}

/* A transliterated name right before a title word that ends its clause's
 * subject (舍里总裁说, X总统表示): the person, of the paragraph's last
 * foreign country (emit_person).  The end, 0 if none. */
size_t sj_te_person_before_title(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end;
  const char *p = sj_tg_pos(g, t);
  if (t + 2 >= g->ntok || b - a < 6 || b - a > 12 || !(p[0] == 'n' || p[0] == 's' || sj_streq(p, "x")) ||
      (sj_tg_hits(g, a)->any & SJ_TE_ENT) || sj_te_translit_mean(g, a, b, NULL) < TRANS_OOV)
    return 0;
  size_t lt = sj_tg_gazk(g, b, SJ_K_TITLE, NULL);
  if (!lt || g->tok[t + 1].end != b + lt) return 0;
  /* the title ends the subject: an act or a saying verb follows */
  const char *pn = sj_tg_pos(g, t + 2);
  if (!(pn[0] == 'v' || pn[0] == 'd' || pn[0] == 'f' || pn[0] == 't') || pn[1] == 'n') return 0;
  sj_te_emit_person(g, a, b, NULL, 'F');
  return b + lt;
}

/* A transliterated name at a clause start that the segmenter tagged as a
 * place before a verb (波尼拉/ns 没有透露) or fused with the saying verb
 * after it (萨维说/nz ，): the person acting (coded by the paragraph's
 * foreign country, or later by sj_te_persons_coded_later).  The end, 0 if
 * none. */
size_t sj_te_person_acting(sj_tg *g, size_t t) {
  size_t a = g->tok[t].start, b = g->tok[t].end, e = 0;
  if (t + 1 >= g->ntok || (t > 0 && sj_tg_pos(g, t - 1)[0] != 'x')) return 0;
  const sj_gcache *gc = sj_tg_hits(g, a);
  for (int q = 0; q < gc->n; q++) /* (波 | 尼拉: a one-character abbreviation is fine) */
    if (gc->h[q].len > 3 && (gc->h[q].kinds & SJ_TE_ENT)) return 0;
  const char *p = sj_tg_pos(g, t), *pn = sj_tg_pos(g, t + 1);
  if (sj_streq(p, "ns") && pn[0] == 'v' && !pn[1]) e = b;
  else if ((sj_streq(p, "nz") || sj_streq(p, "x")) && b - a >= 9 && cp_is(g, b - 3, 0x8BF4) && pn[0] == 'x')
    e = b - 3; /* …说 */
  if (!e || e - a < 6 || e - a > 18 || sj_te_translit_mean(g, a, e, NULL) < TRANS_OOV ||
      sj_te_name_shape(g, a, e) != 'F')
    return 0;
  sj_te_emit_person(g, a, e, NULL, 'F');
  return e;
}

/* persons tagged by the segmenter after a name-list colon, 记者 … (token t
 * starts no word of the gazetteer): the token to go on from, or
 * SJ_TE_NONE */
size_t sj_te_listed_oov(sj_tg *g, size_t t) {
  size_t i = g->tok[t].start;
  const char *p = sj_tg_pos(g, t);
  size_t l = g->tok[t].end - i;
  size_t tb = t ? t - 1 : (size_t)-1;
  int ctx = tb != (size_t)-1 &&
            (sj_tg_cue_tok(g, tb, "byline") ||
             (g->last_end + 3 == i && sj_tg_cue_tok(g, tb, "list_sep")));
  int nm = (p[0] == 'n' && p[1] == 'r') || sj_streq(p, "nz") || sj_streq(p, "x");
  if (nm && ctx && l >= 6 && l <= 9 && (sj_tg_gazk(g, i, SJ_K_SURNAME, NULL) || p[1] == 'r')) {
    sj_codes c;
    c.n = 0;
    sj_codes_add(&c, "CHN", 3);
    sj_te_emit_actor(g, i, g->tok[t].end, "person", &c, NULL);
    return t + 1;
  }
  return SJ_TE_NONE;
}

/* 习主席, 江主席 (one word): a surname alone before a title at token t
 * (tb: the token before it); the token to go on from, or SJ_TE_NONE */
static size_t surname_title(sj_tg *g, size_t t, size_t tb) {
  size_t i = g->tok[t].start, k;
  size_t l = g->tok[t].end - i;
  if ((l == 3 || sj_tg_gazk(g, i + 3, SJ_K_TITLE, NULL) == l - 3) &&
      sj_tg_gazk(g, i, SJ_K_SURNAME, NULL) == 3 && (k = sj_tg_gazk(g, i + 3, SJ_K_TITLE, NULL)) &&
      sj_tg_is_tend(g, i + 3 + k) && tb != (size_t)-1 && !sj_tg_gazk(g, i, SJ_K_ABBR, NULL)) {
    const char *pb = sj_tg_pos(g, tb);
    if (pb[0] == 'x' || pb[0] == 'u' || pb[0] == 'p' || pb[0] == 'c') {
      sj_codes c;
      c.n = 0;
      sj_codes_add(&c, "CHN", 3);
      sj_te_emit_actor(g, i, i + 3 + k, "person", &c, NULL);
      return sj_tg_tok_at(g, i + 3 + k);
    }
  }
  return SJ_TE_NONE;
}

/* persons in a byline or name list (本报记者 徐琳, 资料整理：庄小好、夏平)
 * and names before a title (习近平主席) at token t (h[0..nh): the
 * gazetteer's hits there); the token to go on from, or SJ_TE_NONE */
size_t sj_te_listed_person(sj_tg *g, size_t t, const sj_gaz_hit *h, int nh) {
  size_t i = g->tok[t].start;
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
    sj_codes c;
    c.n = 0;
    sj_codes_add(&c, "CHN", 3);
    sj_te_emit_actor(g, i, g->tok[t].end, "person", &c, NULL);
    return t + 1;
  }
  return surname_title(g, t, tb);
}

/* a known person of the gazetteer ending at j (its fields f) */
size_t sj_te_person_hit(sj_tg *g, size_t t, size_t j, const sj_gfield *f) {
  sj_codes c;
  c.n = 0;
  if (f->n) sj_codes_add(&c, f->s[0], f->l[0]);
  /* 习近平新时代…思想: an ideology name, not the person */
  if (sj_tg_cue(g, j, "ideology"))
    return sj_tg_tok_at(g, j);
  sj_te_emit_actor(g, g->tok[t].start, j, "person", &c, NULL);
  return sj_tg_tok_at(g, j);
}

/* a title ending at j: title (兼 title) name, the person of the body
 * before the title */
size_t sj_te_title_hit(sj_tg *g, size_t t, size_t j) {
  size_t a = g->tok[t].start;
  size_t e = sj_te_title_more(g, j);
  size_t ne = sj_te_name_after(g, e);
  if (ne) {
    int sh = sj_te_name_shape(g, e, ne);
    char ob[4];
    sj_te_emit_person(g, e, ne, sj_te_body_before(g, a, ob), sh ? sh : 'C');
    return sj_tg_tok_at(g, ne);
  }
  return sj_tg_tok_at(g, e) > t ? sj_tg_tok_at(g, e) : t + 1;
}

/* The same name is the same person throughout the document: a token (or
 * a run of tokens) that spells a person named elsewhere (the memory of
 * emit_person) and is covered by no mention is that person, with the same
 * code (…送给辛业江 before 辛业江收受 found him).  Mentions [0, nsorted)
 * are sorted by start; those after it (names just added) are few. */
void sj_te_persons_again(sj_tg *g, size_t nsorted) {
  if (!g->npmem) return;
  size_t mc = 0;
  uint32_t covered = 0;
  /* the first character's bytes of each name (names of 2+ Han chars):
   * most tokens start with none of them, one compare each */
  const unsigned char *u = (const unsigned char *)g->s;
  uint32_t first[sizeof g->pmem / sizeof g->pmem[0]];
  uint64_t last[4] = {0, 0, 0, 0}; /* the set of their third bytes */
  for (int k = 0; k < g->npmem; k++) {
    const struct sj_pmem *pm = &g->pmem[k];
    first[k] = pm->b - pm->a >= 6 && pm->a + 3 <= g->n
                   ? (uint32_t)u[pm->a] << 16 | (uint32_t)u[pm->a + 1] << 8 | u[pm->a + 2]
                   : 0xFFFFFFFFu;
    if (first[k] != 0xFFFFFFFFu) last[u[pm->a + 2] >> 6] |= 1ull << (u[pm->a + 2] & 63);
  }
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
    if (a + 3 > g->n || !(last[u[a + 2] >> 6] >> (u[a + 2] & 63) & 1)) continue;
    uint32_t fa = (uint32_t)u[a] << 16 | (uint32_t)u[a + 1] << 8 | u[a + 2];
    for (int k = 0; k < g->npmem; k++) {
      if (first[k] != fa) continue;
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

/* A transliterated name the scan could not code (舍里总裁说，泰国…; X说，希中
 * 两国…) is of the first foreign country named after it in its paragraph,
 * within 300 bytes.  Mentions [0, nsorted) are sorted by start. */
void sj_te_persons_coded_later(sj_tg *g, size_t nsorted) {
  sj_mention *M = g->d->mentions.data;
  for (size_t k = 0; k < nsorted; k++) {
    sj_mention *m = &M[k];
    if (m->kind != SJ_ACTOR || !m->type || !sj_streq(m->type, "person") || (m->codes && *m->codes) ||
        sj_te_translit_mean(g, m->start, m->end, NULL) < TRANS_MIN)
      continue;
    /* an official of an international body (欧盟委员会副主席X) has no code */
    if (k > 0 && M[k - 1].kind == SJ_ACTOR && !M[k - 1].codes && M[k - 1].end + 24 >= m->start) continue;
    for (size_t r = k + 1; r < nsorted && M[r].start < m->end + 300; r++) {
      if (memchr(g->s + m->end, '\n', M[r].start > m->end ? M[r].start - m->end : 0)) break;
      const sj_mention *o = &M[r];
      if ((o->kind == SJ_ACTOR || o->kind == SJ_PLACE) && o->codes && !sj_streq(o->codes, "CHN") &&
          (o->kind == SJ_PLACE || (o->type && !sj_streq(o->type, "person")))) {
        /* the first code of a pair (希中两国: GRC) */
        m->codes = sj_tg_str(g, o->codes, 3);
        break;
      }
    }
  }
}
