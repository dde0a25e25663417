/* doc.c — sj_analyze and the accessors of its result. */
#include "core.h"
#include "tag_int.h" /* SJ_MAXCODES: the tagger's most codes per field */
#include <stdlib.h>

_Static_assert(SJ_MAX_CODES >= SJ_MAXCODES, "every code the tagger writes fits the public arrays");

static const char *const kind_names[] = {"", "time", "duration", "actor", "place", "name", "quantity"};

const char *sj_kind_name(sj_kind k) {
  return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "";
}

void sj_doc_free(sj_doc *d) {
  if (!d) return;
  sj_arena_free(&d->arena);
  sj_vec_free(&d->tokens);
  for (int i = 0; i < 4; i++) sj_vec_free(&d->spans[i]);
  sj_vec_free(&d->mentions);
  sj_vec_free(&d->events);
  free(d);
}

/* The tagger writes codes as space-separated strings; the public structs
 * carry them as arrays too, so no caller splits a string.  A code that does
 * not fit a cell (the tagger writes none) is left out of the array. */
static uint32_t split_codes(const char *s, char (*out)[SJ_CODE_SIZE]) {
  uint32_t n = 0;
  while (s && *s && n < SJ_MAX_CODES) {
    while (*s == ' ') s++;
    size_t l = 0;
    while (s[l] && s[l] != ' ') l++;
    if (l > 0 && l < SJ_CODE_SIZE) {
      memcpy(out[n], s, l);
      memset(out[n] + l, 0, SJ_CODE_SIZE - l);
      n++;
    }
    s += l;
  }
  return n;
}

static void public_codes(sj_doc *d) {
  sj_mention *m = d->mentions.data;
  for (size_t i = 0; i < d->mentions.n; i++) m[i].ncodes = split_codes(m[i].codes, m[i].code);
  sj_event *e = d->events.data;
  for (size_t i = 0; i < d->events.n; i++) {
    e[i].nsources = split_codes(e[i].sources, e[i].source);
    e[i].ntargets = split_codes(e[i].targets, e[i].target);
  }
}

int sj_analyze(const sj_model *m, const char *text, size_t len, const sj_options *opt,
               sj_doc **out) {
  if (!out) return SJ_EINVAL;
  *out = NULL;
  if (!m || (!text && len)) return SJ_EINVAL;
  if (len > SJ_MAX_INPUT) return SJ_ETOOBIG;
  sj_options o = {0};
  if (opt) o = *opt;
  if (o.want == 0) o.want = SJ_WANT_ALL;
  if (o.want & SJ_WANT_EVENTS) o.want |= SJ_WANT_MENTIONS;
  if (o.want & SJ_WANT_MENTIONS) o.want |= SJ_WANT_TOKENS | SJ_WANT_SENTENCES;
  if (o.ref_month < 0 || o.ref_month > 12 || o.ref_day < 0 || o.ref_day > 31 ||
      o.ref_year < 0 || o.ref_year > 9999 || o.script > SJ_SCRIPT_TRADITIONAL)
    return SJ_EINVAL;
  sj_doc *d = calloc(1, sizeof *d);
  if (!d) return SJ_ENOMEM;
  d->text = text ? text : "";
  d->len = len;
  d->ref_year = o.ref_year;
  d->ref_month = o.ref_month;
  d->ref_day = o.ref_day;
  sj_arena_init(&d->arena);
  sj_vec_init(&d->tokens, sizeof(sj_token));
  for (int i = 0; i < 4; i++) sj_vec_init(&d->spans[i], sizeof(sj_span));
  sj_vec_init(&d->mentions, sizeof(sj_mention));
  sj_vec_init(&d->events, sizeof(sj_event));
  int rc = SJ_OK;
  /* reserve the result vectors from estimates (news text: a sentence per
   * ~170 bytes, a clause and a mention per ~40, an event per ~150): growing
   * them by doubling copies them and touches fresh pages twice.  Untouched
   * reserved pages cost nothing. */
  if (o.want & SJ_WANT_SENTENCES) {
    if (sj_vec_reserve(&d->spans[SJ_SENTENCE], len / 128 + 16) ||
        sj_vec_reserve(&d->spans[SJ_CLAUSE], len / 32 + 16) ||
        sj_vec_reserve(&d->spans[SJ_PARAGRAPH], len / 256 + 16))
      rc = SJ_ENOMEM;
  }
  if (rc == SJ_OK && (o.want & SJ_WANT_MENTIONS) && sj_vec_reserve(&d->mentions, len / 32 + 16))
    rc = SJ_ENOMEM;
  if (rc == SJ_OK && (o.want & SJ_WANT_EVENTS) && sj_vec_reserve(&d->events, len / 128 + 16))
    rc = SJ_ENOMEM;
  /* traditional paragraphs: analyse a simplified view, map offsets back */
  sj_script_view *sv = NULL;
  d->script = SJ_SCRIPT_SIMPLIFIED;
  int done = 0; /* segmented */
  if (rc == SJ_OK && o.script == SJ_SCRIPT_AUTO && (o.want & SJ_WANT_TOKENS)) {
    /* most text has no character that only traditional text uses: then the
     * view would convert nothing (script.c) and the segmentation of the
     * text itself, which notes such characters on its way, is the one;
     * else it is done again on the view */
    int trad = 0;
    rc = sj_segment_trad(d, m, o.seg, &trad);
    done = rc == SJ_OK && !trad;
    if (!done) d->tokens.n = 0;
  }
  if (rc == SJ_OK && !done && o.script != SJ_SCRIPT_SIMPLIFIED &&
      (rc = sj_script_view_new(m, d->text, len, o.script, &sv)) == SJ_OK) {
    const char *view = sj_script_view_text(sv, &d->len);
    if (view) d->text = view;
    d->script = sj_script_view_script(sv);
  }
  if (rc == SJ_OK && !done && (o.want & SJ_WANT_TOKENS)) rc = sj_segment(d, m, o.seg);
  if (rc == SJ_OK && (o.want & SJ_WANT_SENTENCES)) rc = sj_sentences(d);
  if (rc == SJ_OK && (o.want & SJ_WANT_MENTIONS)) rc = sj_tag(d, m, &o);
  if (rc == SJ_OK && sv) rc = sj_script_map_back(sv, d, text);
  if (rc == SJ_OK) public_codes(d);
  sj_script_view_free(sv);
  d->text = NULL; /* the caller's buffer is not ours to keep */
  if (rc) { sj_doc_free(d); return rc; }
  *out = d;
  return SJ_OK;
}

size_t sj_doc_ntokens(const sj_doc *d) { return d ? d->tokens.n : 0; }
const sj_token *sj_doc_tokens(const sj_doc *d) { return d ? d->tokens.data : NULL; }
size_t sj_doc_nspans(const sj_doc *d, sj_span_kind k) {
  return d && k >= SJ_SENTENCE && k <= SJ_PARAGRAPH ? d->spans[k].n : 0;
}
const sj_span *sj_doc_spans(const sj_doc *d, sj_span_kind k) {
  return d && k >= SJ_SENTENCE && k <= SJ_PARAGRAPH ? d->spans[k].data : NULL;
}
size_t sj_doc_nmentions(const sj_doc *d) { return d ? d->mentions.n : 0; }
const sj_mention *sj_doc_mentions(const sj_doc *d) { return d ? d->mentions.data : NULL; }
size_t sj_doc_nevents(const sj_doc *d) { return d ? d->events.n : 0; }
const sj_event *sj_doc_events(const sj_doc *d) { return d ? d->events.data : NULL; }
int sj_doc_script(const sj_doc *d) { return d ? d->script : 0; }
const char *sj_script_name(int script) {
  switch (script) {
  case SJ_SCRIPT_SIMPLIFIED: return "simplified";
  case SJ_SCRIPT_TRADITIONAL: return "traditional";
  case SJ_SCRIPT_SIMPLIFIED | SJ_SCRIPT_TRADITIONAL: return "mixed";
  default: return "";
  }
}
int sj_doc_ref_year(const sj_doc *d) { return d ? d->ref_year : 0; }
void sj_doc_ref_date(const sj_doc *d, int *year, int *month, int *day) {
  int y = d ? d->ref_year : 0, m = y ? d->ref_month : 0, dd = m ? d->ref_day : 0;
  if (year) *year = y;
  if (month) *month = m;
  if (day) *day = dd;
}

/* ---- reference dates (shijian.h) ---- */
/* digits of text[*i..len) as a number: how many (at most max + 1 are read) */
static int read_digits(const char *text, size_t len, size_t *i, int max, int *v) {
  int n = 0;
  *v = 0;
  while (*i < len && text[*i] >= '0' && text[*i] <= '9' && n <= max) {
    *v = *v * 10 + (text[*i] - '0');
    (*i)++;
    n++;
  }
  return n;
}

static int days_in_month(int y, int m) {
  static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

static int date_error(const char **why, const char *msg) {
  if (why) *why = msg;
  return SJ_EINVAL;
}

int sj_parse_date(const char *text, size_t len, int *year, int *month, int *day,
                  const char **why) {
  int y = 0, m = 0, d = 0, n;
  size_t i = 0;
  if (why) *why = "";
  if (!text || len == 0) return date_error(why, "the date is empty (want YYYY, YYYY-MM or YYYY-MM-DD)");
  n = read_digits(text, len, &i, 4, &y);
  if (n == 0) return date_error(why, "the date does not start with a year (want YYYY, YYYY-MM or YYYY-MM-DD)");
  if (n > 4) return date_error(why, "the year has more than 4 digits");
  if (y < 1) return date_error(why, "the year is not 1..9999");
  if (i < len && text[i] == '-') {
    i++;
    n = read_digits(text, len, &i, 2, &m);
    if (n == 0 || n > 2) return date_error(why, "the month is not 1 or 2 digits after '-'");
    if (m < 1 || m > 12) return date_error(why, "the month is not 1..12");
    if (i < len && text[i] == '-') {
      i++;
      n = read_digits(text, len, &i, 2, &d);
      if (n == 0 || n > 2) return date_error(why, "the day is not 1 or 2 digits after '-'");
      if (d < 1 || d > days_in_month(y, m)) return date_error(why, "the day is not in its month");
    }
  }
  if (i < len) return date_error(why, "text follows the date (want YYYY, YYYY-MM or YYYY-MM-DD)");
  if (year) *year = y;
  if (month) *month = m;
  if (day) *day = d;
  return SJ_OK;
}
