/*
 * tag_ent_util.c — the helpers the groups of the entity stage share
 * (declared in tag_ent.h): emitting actors and places (and the parties just
 * named, for 两国), cue words ending at a position, the context's country,
 * a place's context, lists of units, the body before a title.
 */
#include "tag_ent.h"

#include <string.h>

/* ---- actors ------------------------------------------------------------ */
/* The word lists of the entity stage are cue classes in dict/gaz/cues-ent.tsv
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

sj_mention *sj_te_emit_actor(sj_tg *g, size_t a, size_t b, const char *type,
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
sj_mention *sj_te_emit_place(sj_tg *g, size_t a, size_t b, const sj_codes *c) {
  sj_mention *m = sj_tg_add(g, a, b, SJ_PLACE);
  if (!m) return NULL;
  m->codes = c && c->n ? sj_codes_str(g, c) : NULL;
  g->last_end = b;
  g->last_place = 1;
  return m;
}

/* place context: a preposition or verb of motion before, or a list of
 * places going on */
int sj_te_place_context(sj_tg *g, size_t a) {
  size_t t = tok_before(g, a);
  if (t == (size_t)-1) return 0;
  if (sj_tg_cue_tok(g, t, "place_prep")) {
    /* 三年 | 来: a duration's 来 (since), not the verb */
    if (t > 0 && g->tok[t].end - g->tok[t].start == 3 && cp_is(g, g->tok[t].start, 0x6765) &&
        strchr("mq", sj_tg_pos(g, t - 1)[0]))
      return 0;
    return 1;
  }
  if (g->last_place && g->last_end <= a && a - g->last_end <= 3 &&
      sj_tg_cue_tok(g, t, "place_list"))
    return 1;
  return 0;
}

/* the country of the context: the last place or non-person actor with one
 * code among the last mentions (在台湾执政的国民党: TWN); NULL if none */
const char *sj_te_context_country(const sj_tg *g) {
  size_t nm = g->d->mentions.n;
  for (size_t q = nm; q-- > 0 && q + 40 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, q);
    if ((m->kind == SJ_PLACE || (m->kind == SJ_ACTOR && m->type && !sj_streq(m->type, "person"))) &&
        m->codes && strlen(m->codes) == 3)
      return m->codes;
  }
  return NULL;
}

/* the country of the paragraph: the last single country of an actor, else
 * of one of the last places named (在俄…; 政府才颁布 is Russia's); NULL */
const char *sj_te_last_country(const sj_tg *g) {
  if (g->recent.n) return g->recent.c[g->recent.n - 1];
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 40 > nm;) {
    const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
    if (m->kind == SJ_PLACE && m->codes && strlen(m->codes) == 3) return m->codes;
  }
  return NULL;
}

/* The part of speech of the lexicon word [a, b) (Han only), NULL if the
 * lexicon has no such word */
const char *sj_te_lex_word_pos(sj_tg *g, size_t a, size_t b) {
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

/* Is token t an item of a list closed by 等 and a unit (张北、尚义等县,
 * …等地: cue classes list_etc, list_unit)?  'C' when the unit is a Chinese
 * administrative one (admin_suffix), 1 for another, 0 if not. */
int sj_te_list_of_units(sj_tg *g, size_t t) {
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

/* The code of the body whose title starts at a (泰国某协会名誉主席, 欧盟委员会
 *副主席): the last mention is an organisation or a government body that
 * ends at a, or before a title prefix ending at a; into buf ("" for an
 * international body); NULL if none. */
const char *sj_te_body_before(sj_tg *g, size_t a, char buf[4]) {
  size_t nm = g->d->mentions.n;
  if (!nm) return NULL;
  const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, nm - 1);
  if (m->kind != SJ_ACTOR || m->end > a || !m->type ||
      !(sj_streq(m->type, "organization") || sj_streq(m->type, "government")))
    return NULL;
  if (m->end < a && sj_tg_cue_end(g, m->end, a, "title_prefix") != a - m->end) {
    /* …or one distinguishing word (参议院临时议长) */
    size_t tb = sj_tg_tok_at(g, m->end);
    if (tb >= g->ntok || g->tok[tb].start != m->end || g->tok[tb].end != a || !sj_streq(sj_tg_pos(g, tb), "b"))
      return NULL;
  }
  buf[0] = 0;
  if (m->codes && strlen(m->codes) == 3) memcpy(buf, m->codes, 4);
  else if (m->codes && *m->codes) return NULL; /* several parties */
  return buf;
}

/* does the code list s ("CHN RUS") hold code (three letters)? */
static int codes_hold(const char *s, const char *code) {
  for (; s && *s; s += s[3] ? 4 : 3) {
    if (s[0] == code[0] && s[1] == code[1] && s[2] == code[2]) return 1;
    if (!s[1] || !s[2] || !s[3]) break;
  }
  return 0;
}

/* was code named by one of the last 60 mentions? */
int sj_te_code_named(const sj_tg *g, const char *code) {
  size_t nm = g->d->mentions.n;
  for (size_t k = nm; k-- > 0 && k + 60 > nm;)
    if (codes_hold(SJ_VEC_AT(&g->d->mentions, sj_mention, k).codes, code)) return 1;
  return 0;
}

/* The code of the abbreviation [a, a + l) into buf: of several readings
 * (巴 PAK, BRA, PSE; 乌 UKR, UZB; 伊 IRN, IRQ) the one whose country the
 * document named last (among the last 60 mentions), else the first (the
 * gazetteer lists the likeliest first).  NULL if no abbreviation is there. */
const char *sj_te_abbr_code(sj_tg *g, size_t a, size_t l, char buf[4]) {
  const sj_gcache *gc = sj_tg_hits(g, a);
  const char *pay = NULL;
  for (int q = 0; q < gc->n; q++)
    if (gc->h[q].len == l && (gc->h[q].kinds & SJ_K_ABBR)) pay = gc->h[q].payload;
  if (!pay) return NULL;
  char cand[6][4];
  int nc = 0;
  for (const char *p = pay; *p && nc < 6;) {
    if (!strncmp(p, "abbr\t", 5) && p[5] && p[6] && p[7]) {
      memcpy(cand[nc], p + 5, 3);
      cand[nc++][3] = 0;
    }
    while (*p && *p != '\n') p++;
    if (*p) p++;
  }
  if (!nc) return NULL;
  int pick = 0;
  if (nc > 1) {
    size_t nm = g->d->mentions.n;
    int found = 0;
    for (size_t k = nm; k-- > 0 && k + 60 > nm && !found;) {
      const sj_mention *m = &SJ_VEC_AT(&g->d->mentions, sj_mention, k);
      for (int r = 0; r < nc && !found; r++)
        if (codes_hold(m->codes, cand[r])) { pick = r; found = 1; }
    }
  }
  memcpy(buf, cand[pick], 4);
  return buf;
}
