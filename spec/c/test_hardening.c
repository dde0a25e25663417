/* test_hardening.c — bad input, malformed dictionaries, API misuse, threads,
 * and the fuzz regressions, through the public API (built with ASan+UBSan;
 * `test_hardening threads` runs only the thread test, for the TSan build).
 *
 * Every case states its defined result.  For all text cases, whatever the
 * options: sj_analyze returns SJ_OK; tokens tile the input (nothing dropped,
 * no overlap); every span, mention and event lies inside the text with
 * boundaries on character boundaries; an invalid byte is a token of its own
 * tagged "x"; all strings handed out are valid UTF-8 (fuzz/doc_check.h). */
#include "shijian.h"
#include "check.h"
#include "../../fuzz/doc_check.h"
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the fuzz targets' own code replays the regressions and the seeds */
#define LLVMFuzzerTestOneInput fuzz_analyze_one
#define die die_analyze
#define model model_analyze
#define same same_analyze
#include "../../fuzz/fuzz_analyze.c"
#undef LLVMFuzzerTestOneInput
#undef die
#undef model
#undef same
#define LLVMFuzzerTestOneInput fuzz_dict_one
#define die die_dict
#include "../../fuzz/fuzz_dict.c"
#undef LLVMFuzzerTestOneInput
#undef die
#include "../../csrc/cli/json.c"
#define LLVMFuzzerTestOneInput fuzz_json_one
#define die die_json
#define model model_json
#define check check_json
#include "../../fuzz/fuzz_json.c"
#undef LLVMFuzzerTestOneInput
#undef die
#undef model
#undef check

static check_state st;

/* ---- text cases ------------------------------------------------------------ */
static const unsigned want_sets[] = {0, SJ_WANT_TOKENS, SJ_WANT_SENTENCES,
                                     SJ_WANT_TOKENS | SJ_WANT_SENTENCES, SJ_WANT_MENTIONS,
                                     SJ_WANT_EVENTS};

/* Analyse text with every option set; check the invariants.  Returns the
 * doc of the default options (SJ_WANT_ALL, no seg flags), or NULL. */
static sj_doc *analyse_all_ways(const sj_model *m, const char *name, const char *text, size_t len) {
  sj_doc *keep = NULL;
  for (size_t w = 0; w < sizeof want_sets / sizeof *want_sets; w++)
    for (unsigned seg = 0; seg < 4; seg++) {
      sj_options o = {0};
      o.want = want_sets[w];
      o.seg = seg;
      o.ref_year = (seg & 1) ? 2020 : 0;
      sj_doc *d = NULL;
      int rc = check_analyze(m, text, len, &o, &d);
      CHECK(&st, rc == SJ_OK, "%s: sj_analyze -> %s", name, sj_strerror(rc));
      if (rc) continue;
      const char *bad = doc_check(d, len, o.want);
      if (!bad) bad = doc_check_text(d, text, len);
      CHECK(&st, bad == NULL, "%s (want %u seg %u): %s", name, o.want, seg, bad);
      if (w == 0 && seg == 0) keep = d;
      else sj_doc_free(d);
    }
  return keep;
}

/* Number of tokens whose text is exactly s. */
static size_t count_tok(const sj_doc *d, const char *text, const char *s) {
  size_t n = 0, l = strlen(s);
  const sj_token *t = sj_doc_tokens(d);
  for (size_t i = 0; i < sj_doc_ntokens(d); i++)
    if (t[i].end - t[i].start == l && !memcmp(text + t[i].start, s, l)) n++;
  return n;
}

/* 1 if no token holds both a Han character and an emoji / symbol code point
 * (>= U+1F000): what an editor moving by words must never be stuck inside. */
static int han_apart(const sj_doc *d, const char *text) {
  const sj_token *t = sj_doc_tokens(d);
  for (size_t i = 0; i < sj_doc_ntokens(d); i++) {
    int han = 0, emoji = 0;
    for (size_t k = t[i].start; k < t[i].end;) {
      uint32_t cp;
      k += (size_t)sj_utf8_next(text, t[i].end, k, &cp);
      if (cp >= 0x4E00 && cp <= 0x9FFF) han = 1;
      if (cp >= 0x1F000 && cp <= 0x1FAFF) emoji = 1;
    }
    if (han && emoji) return 0;
  }
  return 1;
}

typedef struct {
  const char *name;
  const char *text;
  size_t len;        /* 0: strlen */
  int tokens;        /* expected number of tokens, -1: not stated */
  int sentences;     /* expected sentences, -1: not stated */
  int paragraphs;    /* expected paragraphs, -1: not stated */
} tcase;

static void test_catalogue(const sj_model *m) {
  static const tcase cases[] = {
    /* empty and white space: nothing but white-space tokens, no spans */
    {"empty", "", 0, 0, 0, 0},
    {"space", " ", 0, -1, 0, 0},
    {"whitespace only", " \t\r\n\xE3\x80\x80\n\n\xC2\xA0 \n", 0, -1, 0, 0},
    {"CRLF lines", "\xE4\xB8\xAD\xE5\x9B\xBD\r\n\r\n\xE4\xBF\x84\xE7\xBD\x97\xE6\x96\xAF\r\n", 0, -1, 2, 2},
    /* invalid UTF-8: each bad byte is one token "x"; valid text around it intact */
    {"truncated 2 of 3", "\xE4\xB8", 0, 2, 1, 1},
    {"truncated at end", "\xE4\xB8\xAD\xE5\x9B", 0, 3, 1, 1},
    {"truncated 4-byte", "\xF0\x9F\x98", 0, 3, 1, 1},
    {"overlong slash", "\xC0\xAF", 0, 2, 1, 1},
    {"overlong 3-byte", "\xE0\x80\xAF", 0, 3, 1, 1},
    {"overlong 4-byte", "\xF0\x80\x80\xAF", 0, 4, 1, 1},
    {"overlong NUL", "\xC0\x80", 0, 2, 1, 1},
    {"surrogate high", "\xED\xA0\x80", 0, 3, 1, 1},
    {"surrogate low", "\xED\xBF\xBF", 0, 3, 1, 1},
    {"surrogate pair (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80", 0, 6, 1, 1},
    {"beyond U+10FFFF", "\xF4\x90\x80\x80", 0, 4, 1, 1},
    {"5- and 6-byte forms", "\xF8\x88\x80\x80\x80\xFC\x84\x80\x80\x80\x80", 0, 11, 1, 1},
    {"FE FF bytes", "\xFE\xFF\xFE\xFF", 0, 4, 1, 1},
    {"lone continuation bytes", "\x80\xE4\xB8\xAD\xBF\xE5\x9B\xBD\x80\x80", 0, -1, 1, 1},
    {"bad bytes in a sentence",
     "6\xE6\x9C\x88" "24\xE6\x97\xA5\xFF\xEF\xBC\x8C\xE4\xB8\xAD\xE5\x9B\xBD\x80\xE5\x86\x9B\xE9\x98\x9F\xE3\x80\x82",
     0, -1, 1, 1},
    /* NUL bytes are characters like others: kept, one token each */
    {"NUL bytes", "\xE4\xB8\xAD\0\xE5\x9B\xBD\0", 8, -1, 1, 1},
    {"only NULs", "\0\0\0", 3, 3, 1, 1},
    /* BOM, zero-width and line/paragraph separators */
    {"BOM", "\xEF\xBB\xBF\xE4\xB8\xAD\xE5\x9B\xBD\xE3\x80\x82", 0, -1, 1, 1},
    {"zero-width and U+2028", "\xE4\xB8\xAD\xE2\x80\x8B\xE5\x9B\xBD\xE2\x80\xA8\xE4\xBF\x84", 0, -1, -1, -1},
    /* emoji: ZWJ family, flag, skin tone, variation selector, keycap */
    {"emoji", "\xF0\x9F\x98\x80\xE4\xB8\xAD\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
              "\xF0\x9F\x87\xA8\xF0\x9F\x87\xB3\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xE2\x9D\xA4\xEF\xB8\x8F" "1\xEF\xB8\x8F\xE2\x83\xA3"
              "\xE5\x9B\xBD",
     0, -1, 1, 1},
    /* CJK extension B and G ideographs are Han characters */
    {"CJK ext B/G", "\xF0\xA0\x80\x80\xF0\xAA\x9A\xA5\xF0\xB0\x80\x80\xE4\xB8\xAD\xE5\x9B\xBD", 0, -1, 1, 1},
    /* right-to-left scripts and bidi controls */
    {"RTL", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xE2\x80\x8F\xE2\x80\xAE"
            "\xE4\xB8\xAD\xE5\x9B\xBD\xE2\x80\xAC\xE2\x80\x8E\xE3\x80\x82",
     0, -1, 1, 1},
    /* traditional characters */
    {"traditional", "\xE4\xB8\xAD\xE5\x9C\x8B\xE8\xBB\x8D\xE9\x9A\x8A\xE8\xA8\xAA\xE5\x95\x8F\xE4\xBF\x84\xE7\xBE\x85"
                    "\xE6\x96\xAF\xE3\x80\x82",
     0, -1, 1, 1},
    /* mixed scripts: Latin, Cyrillic, Greek, Hangul, kana, Thai, Devanagari with marks */
    {"mixed scripts", "COVID-19\xE7\x96\xAB\xE6\x83\x85 \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 "
                      "\xCE\xB1\xCE\xB2\xCE\xB3 \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88 "
                      "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5 "
                      "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87 e\xCC\x81",
     0, -1, 1, 1},
    /* punctuation storms and unclosed quotes */
    {"stops only", "\xE3\x80\x82\xE3\x80\x82\xE3\x80\x82\xEF\xBC\x81\xEF\xBC\x81\xEF\xBC\x9F", 0, -1, 1, 1},
    {"unclosed quotes", "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE3\x80\x8A\xE3\x80\x8A\xE3\x80\x8A\xE4\xB8\xAD", 0, -1, 1, 1},
    {"closing before opening", "\xE3\x80\x8B\xE2\x80\x9D\xE3\x80\x8D\xEF\xBC\x89\xE4\xB8\xAD\xE3\x80\x82", 0, -1, 1, 1},
    {"long digits", "123456789012345678901234567890123456789012345678901234567890\xE5\xB9\xB4", 0, -1, 1, 1},
    {"huge numbers", "99999999999999999999\xE4\xBA\xBF\xE4\xBA\xBF\xE8\x89\x98 1e308\xE4\xB8\x87 0.0000000001%", 0, -1, 1, 1},
    {"dates out of range", "2020\xE5\xB9\xB4" "13\xE6\x9C\x88" "32\xE6\x97\xA5\xEF\xBC\x8C" "0\xE6\x9C\x88" "0\xE6\x97\xA5\xEF\xBC\x8C"
                           "99999\xE5\xB9\xB4\xEF\xBC\x8C" "2\xE6\x9C\x88" "30\xE6\x97\xA5\xE3\x80\x82",
     0, -1, 1, 1},
    /* a trigger in a sentence without any mention (fuzz regression: tag_event.c null + 0) */
    {"trigger, no mentions", "\xE8\x81\x9A\xE7\x84\xA6\xE5\xA4\x87\xE6\x88\x98\xEF\xBC\x8C\xE6\xB7\xB1\xE5\x8C\x96"
                             "\xE5\x8A\xA1\xE5\xAE\x9E\xE5\x90\x88\xE4\xBD\x9C",
     0, -1, 1, 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const tcase *c = &cases[i];
    size_t len = c->len ? c->len : strlen(c->text);
    sj_doc *d = analyse_all_ways(m, c->name, c->text, len);
    if (!d) continue;
    if (c->tokens >= 0)
      CHECK(&st, sj_doc_ntokens(d) == (size_t)c->tokens, "%s: %zu tokens, want %d", c->name, sj_doc_ntokens(d), c->tokens);
    if (c->sentences >= 0)
      CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == (size_t)c->sentences, "%s: %zu sentences, want %d", c->name,
            sj_doc_nspans(d, SJ_SENTENCE), c->sentences);
    if (c->paragraphs >= 0)
      CHECK(&st, sj_doc_nspans(d, SJ_PARAGRAPH) == (size_t)c->paragraphs, "%s: %zu paragraphs, want %d", c->name,
            sj_doc_nspans(d, SJ_PARAGRAPH), c->paragraphs);
    CHECK(&st, han_apart(d, c->text), "%s: a token holds Han and emoji", c->name);
    sj_doc_free(d);
  }

  /* specific results */
  sj_doc *d;
  const char *nul = "\xE4\xB8\xAD\0\xE5\x9B\xBD";
  if (check_analyze(m, nul, 7, NULL, &d) == SJ_OK) {
    const sj_token *t = sj_doc_tokens(d);
    int found = 0;
    for (size_t i = 0; i < sj_doc_ntokens(d); i++)
      if (t[i].start == 3 && t[i].end == 4) found = 1;
    CHECK(&st, found, "NUL byte: a token [3,4) of its own");
    sj_doc_free(d);
  }
  const char *trad = "\xE4\xB8\xAD\xE5\x9C\x8B\xE8\xBB\x8D\xE9\x9A\x8A"; /* 中國軍隊 */
  if (check_analyze(m, trad, strlen(trad), NULL, &d) == SJ_OK) {
    CHECK(&st, sj_doc_ntokens(d) >= 1 && sj_doc_ntokens(d) <= 4, "traditional: 1..4 words, got %zu", sj_doc_ntokens(d));
    sj_doc_free(d);
  }
  const char *crlf = "\xE4\xB8\xAD\xE5\x9B\xBD\r\n";
  if (check_analyze(m, crlf, strlen(crlf), NULL, &d) == SJ_OK) {
    CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == 1 && sj_doc_spans(d, SJ_SENTENCE)[0].end == 6,
          "CRLF: the sentence ends before \\r");
    sj_doc_free(d);
  }
  const char *bad = "\xE4\xB8\xAD\xFF\xE5\x9B\xBD";
  if (check_analyze(m, bad, strlen(bad), NULL, &d) == SJ_OK) {
    CHECK(&st, count_tok(d, bad, "\xFF") == 1, "0xFF is one token");
    sj_doc_free(d);
  }
}

/* ---- large inputs ------------------------------------------------------------ */
static void test_large(const sj_model *m) {
  /* a million one-character lines: a million sentences, one paragraph */
  size_t n = 1000000;
  char *s = malloc(2 * n);
  if (!s) return;
  for (size_t i = 0; i < n; i++) { s[2 * i] = 'a'; s[2 * i + 1] = '\n'; }
  sj_doc *d = analyse_all_ways(m, "a million one-character lines", s, 2 * n);
  if (d) {
    CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == n, "%zu sentences, want %zu", sj_doc_nspans(d, SJ_SENTENCE), n);
    CHECK(&st, sj_doc_nspans(d, SJ_PARAGRAPH) == 1, "one paragraph, got %zu", sj_doc_nspans(d, SJ_PARAGRAPH));
    CHECK(&st, count_tok(d, s, "a") == n, "every 'a' is a word");
    sj_doc_free(d);
  }
  free(s);
  /* 100,000 paragraphs of one Han character */
  n = 100000;
  s = malloc(5 * n);
  if (!s) return;
  for (size_t i = 0; i < n; i++) { memcpy(s + 5 * i, "\xE5\x9B\xBD\n\n", 5); }
  sj_options o = {0};
  o.want = SJ_WANT_SENTENCES;
  if (check_analyze(m, s, 5 * n, &o, &d) == SJ_OK) {
    CHECK(&st, sj_doc_nspans(d, SJ_PARAGRAPH) == n, "%zu paragraphs", sj_doc_nspans(d, SJ_PARAGRAPH));
    const sj_span *sp = sj_doc_spans(d, SJ_SENTENCE);
    CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == n && sp[n - 1].para == n - 1, "paragraph indexes");
    sj_doc_free(d);
  }
  free(s);
  /* one 4 MB line of Han text without punctuation, and one with it
   * (the 100 MB line runs through the CLI in spec/hardening/run.sh) */
  n = 4u << 20;
  s = malloc(n);
  if (!s) return;
  static const char unit[] = "\xE4\xB8\xAD\xE4\xBF\x84\xE4\xB8\xA4\xE5\x9B\xBD\xE7\xA9\xBA\xE5\x86\x9B"; /* 中俄两国空军 */
  for (size_t i = 0; i + 18 <= n; i += 18) memcpy(s + i, unit, 18);
  size_t len = n - n % 18;
  o.want = SJ_WANT_ALL;
  int rc = check_analyze(m, s, len, &o, &d);
  CHECK(&st, rc == SJ_OK, "4 MB line: %s", sj_strerror(rc));
  if (rc == SJ_OK) {
    const char *bad = doc_check(d, len, 0);
    CHECK(&st, bad == NULL, "4 MB line: %s", bad);
    sj_doc_free(d);
  }
  for (size_t i = 0; i + 21 <= n; i += 21) memcpy(s + i, "\xE4\xB8\xAD\xE4\xBF\x84\xE4\xB8\xA4\xE5\x9B\xBD\xE7\xA9\xBA\xE5\x86\x9B\xE3\x80\x82", 21);
  len = n - n % 21;
  rc = check_analyze(m, s, len, &o, &d);
  CHECK(&st, rc == SJ_OK, "4 MB of sentences: %s", sj_strerror(rc));
  if (rc == SJ_OK) {
    CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == len / 21, "sentences %zu", sj_doc_nspans(d, SJ_SENTENCE));
    const char *bad = doc_check(d, len, 0);
    CHECK(&st, bad == NULL, "4 MB of sentences: %s", bad);
    sj_doc_free(d);
  }
  free(s);
}

/* ---- user dictionaries -------------------------------------------------------- */
typedef struct {
  const char *name;
  const char *dict;
  size_t len;        /* 0: strlen */
  int rc;            /* expected result */
  int line;          /* line named in the message (0: not checked) */
  const char *why;   /* part of the message */
  const char *word;  /* a word that must be known after an OK load */
} dcase;

static void test_dicts(void) {
  char overlong[400], max[300];
  size_t k = 0;
  for (int i = 0; i < 86; i++) { memcpy(overlong + k, "\xE5\x9B\xBD", 3); k += 3; }
  memcpy(overlong + k, " 5 n\n", 6);
  memcpy(max, overlong, 255);
  memcpy(max + 255, " 5 n\n", 6);
  const dcase cases[] = {
    {"bad frequency", "\xE5\xA5\xBD\xE8\xAF\x8D 1 n\n\xE5\x9D\x8F\xE8\xAF\x8D x n\n", 0, SJ_EDICT, 2, "bad frequency", NULL},
    {"negative frequency", "\xE5\x9D\x8F\xE8\xAF\x8D -5 n\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"NaN frequency", "\xE5\x9D\x8F\xE8\xAF\x8D nan n\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"infinite frequency", "\xE5\x9D\x8F\xE8\xAF\x8D inf n\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"huge frequency", "\xE5\x9D\x8F\xE8\xAF\x8D 1e400 n\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"frequency with trailing junk", "\xE5\x9D\x8F\xE8\xAF\x8D 5x n\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"empty frequency (tabs)", "\xE5\x9D\x8F\xE8\xAF\x8D\t\tn\n", 0, SJ_EDICT, 1, "bad frequency", NULL},
    {"bad tag (digit)", "\xE5\x9D\x8F\xE8\xAF\x8D 5 n1\n", 0, SJ_EDICT, 1, "part-of-speech", NULL},
    {"bad tag (too long)", "\xE5\x9D\x8F\xE8\xAF\x8D 5 abcdefghi\n", 0, SJ_EDICT, 1, "part-of-speech", NULL},
    {"too many fields", "\xE5\x9D\x8F\xE8\xAF\x8D 5 n extra\n", 0, SJ_EDICT, 1, "too many fields", NULL},
    {"empty word (tabs)", "\t5\tn\n", 0, SJ_EDICT, 1, "empty word", NULL},
    {"overlong word", overlong, 0, SJ_EDICT, 1, "longer than 255", NULL},
    {"word of 255 bytes", max, 0, SJ_OK, 0, NULL, NULL},
    {"invalid UTF-8 word", "\xFF\xFE 5 n\n", 0, SJ_EDICT, 1, "invalid UTF-8", NULL},
    {"truncated UTF-8 at the end", "\xE5\xA5\xBD\xE8\xAF\x8D 1 n\n\xE5\x9D", 0, SJ_EDICT, 2, "invalid UTF-8", NULL},
    {"surrogate in word", "\xED\xA0\x80\xE8\xAF\x8D 1 n\n", 0, SJ_EDICT, 1, "invalid UTF-8", NULL},
    {"NUL in word", "\xE5\x9D\x8F\0\xE8\xAF\x8D 5 n\n", 11, SJ_EDICT, 1, "control character", NULL},
    {"error on line 3 after comments", "# c\n\n\xE5\xA5\xBD 1 n\n\xE5\x9D\x8F 1 1\n", 0, SJ_EDICT, 4, "part-of-speech", NULL},
    {"CRLF", "\xE6\x96\xB0\xE8\xAF\x8D\xE7\x94\xB2 5 n\r\n\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB9\x99 3 v\r\n", 0, SJ_OK, 0, NULL,
     "\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB9\x99"},
    {"BOM", "\xEF\xBB\xBF\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB8\x99 5 n\n", 0, SJ_OK, 0, NULL, "\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB8\x99"},
    {"only a BOM", "\xEF\xBB\xBF", 0, SJ_OK, 0, NULL, NULL},
    {"empty", "", 0, SJ_OK, 0, NULL, NULL},
    {"comments and blank lines", "# x\n\n   \n\t\n#\n", 0, SJ_OK, 0, NULL, NULL},
    {"no final newline", "\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB8\x81", 0, SJ_OK, 0, NULL, "\xE6\x96\xB0\xE8\xAF\x8D\xE4\xB8\x81"},
    {"word with spaces (tabs)", "New York\t10\tns\n", 0, SJ_OK, 0, NULL, "New York"},
    {"duplicate words", "\xE6\x96\xB0\xE8\xAF\x8D\xE6\x88\x8A 1 n\n\xE6\x96\xB0\xE8\xAF\x8D\xE6\x88\x8A 9 v\n", 0, SJ_OK, 0, NULL,
     "\xE6\x96\xB0\xE8\xAF\x8D\xE6\x88\x8A"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const dcase *c = &cases[i];
    size_t len = c->len ? c->len : strlen(c->dict);
    sj_model *m;
    if (sj_model_new(&m) != SJ_OK) { CHECK(&st, 0, "model"); return; }
    sj_model_add_word(m, "\xE5\x9F\xBA\xE8\xAF\x8D", 6, 5, "n"); /* 基词: must survive */
    size_t before = sj_model_user_words(m);
    int rc = sj_model_load_dict_buffer(m, "user.dict", c->dict, len);
    CHECK(&st, rc == c->rc, "dict %s: %s, want %s (%s)", c->name, sj_strerror(rc), sj_strerror(c->rc), sj_model_errmsg(m));
    if (rc != SJ_OK) {
      char where[64];
      snprintf(where, sizeof where, "user.dict:%d:", c->line);
      CHECK(&st, !c->line || strstr(sj_model_errmsg(m), where), "dict %s: message '%s' names %s", c->name,
            sj_model_errmsg(m), where);
      CHECK(&st, !c->why || strstr(sj_model_errmsg(m), c->why), "dict %s: message '%s' says '%s'", c->name,
            sj_model_errmsg(m), c->why);
      CHECK(&st, sj_model_user_words(m) == before, "dict %s: half-loaded (%zu words)", c->name, sj_model_user_words(m));
      CHECK(&st, !sj_model_lookup(m, "\xE5\xA5\xBD\xE8\xAF\x8D", 6, NULL, NULL) || !strstr(c->dict, "\xE5\xA5\xBD\xE8\xAF\x8D 1"),
            "dict %s: a word of the failed file is known", c->name);
    } else if (c->word) {
      const char *pos = NULL;
      CHECK(&st, sj_model_lookup(m, c->word, strlen(c->word), NULL, &pos), "dict %s: %s not loaded", c->name, c->word);
      CHECK(&st, !pos || !strchr(pos, '\r'), "dict %s: tag keeps the CR", c->name);
    }
    CHECK(&st, sj_model_lookup(m, "\xE5\x9F\xBA\xE8\xAF\x8D", 6, NULL, NULL), "dict %s: earlier word lost", c->name);
    sj_model_free(m);
  }
  /* an error on line 1000: nothing of the 999 good lines stays */
  size_t cap = 1000 * 32, n = 0;
  char *big = malloc(cap);
  if (big) {
    for (int i = 1; i < 1000; i++) n += (size_t)snprintf(big + n, cap - n, "w%d\xE8\xAF\x8D %d n\n", i, i);
    n += (size_t)snprintf(big + n, cap - n, "bad 1 2\n");
    sj_model *m;
    if (sj_model_new(&m) == SJ_OK) {
      CHECK(&st, sj_model_load_dict_buffer(m, "big.dict", big, n) == SJ_EDICT, "line 1000 bad");
      CHECK(&st, strstr(sj_model_errmsg(m), "big.dict:1000:") != NULL, "names line 1000: %s", sj_model_errmsg(m));
      CHECK(&st, sj_model_user_words(m) == 0 && !sj_model_lookup(m, "w1\xE8\xAF\x8D", 5, NULL, NULL), "nothing loaded");
      /* the same file without its bad line loads whole, and can be loaded again */
      size_t good = n - strlen("bad 1 2\n");
      CHECK(&st, sj_model_load_dict_buffer(m, "big.dict", big, good) == SJ_OK, "good part: %s", sj_model_errmsg(m));
      CHECK(&st, sj_model_user_words(m) == 999, "999 words, got %zu", sj_model_user_words(m));
      CHECK(&st, sj_model_load_dict_buffer(m, "big.dict", big, good) == SJ_OK, "reload");
      CHECK(&st, sj_model_user_words(m) == 999, "reload adds nothing, got %zu", sj_model_user_words(m));
      sj_model_free(m);
    }
    free(big);
  }
  /* files */
  sj_model *m;
  if (sj_model_new(&m) == SJ_OK) {
    CHECK(&st, sj_model_load_dict(m, "/nonexistent/user.dict") == SJ_EIO, "missing file");
    CHECK(&st, strstr(sj_model_errmsg(m), "/nonexistent/user.dict") != NULL, "names the file: %s", sj_model_errmsg(m));
    CHECK(&st, sj_model_load_dict(m, "/") == SJ_EIO, "a directory is an I/O error");
    CHECK(&st, sj_model_load_dict(m, NULL) == SJ_EINVAL, "NULL path");
    CHECK(&st, sj_model_load_dict_buffer(m, NULL, NULL, 0) == SJ_OK, "NULL empty buffer");
    CHECK(&st, sj_model_load_dict_buffer(m, "x", NULL, 5) == SJ_EINVAL, "NULL buffer with a length");
    CHECK(&st, sj_model_load_dict_buffer(NULL, "x", "a", 1) == SJ_EINVAL, "NULL model");
    sj_model_free(m);
  }
}

/* ---- texts that end inside what a rule looks at ------------------------------ */
/* Each text is analysed from a buffer of exactly its length, so ASan sees a
 * read one byte past the end. */
static void test_edges(void) {
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) return;
  /* a user word ending in '-' at the very end of the text: the designation
   * rule (运-20) read the byte after the dash (fuzz_dict regression
   * tag_ent-heap-overflow) */
  const char *w = "\xE8\xBF\x90\xE8\xBE\x93-"; /* 运输- */
  CHECK(&st, sj_model_add_word(m, w, strlen(w), 0, NULL) == SJ_OK, "add 运输-");
  static const char *texts[] = {
    "\xE8\xBF\x90\xE8\xBE\x93-", "\xE8\xBF\x90-", "\xE8\xBF\x90-2", "\xE2\x80\x9C", "\xE3\x80\x8A", "12\xE6\x9C\x88",
    "\xE4\xB8\xAD\xE6\x96\xB9", "\xE4\xB8\xA4\xE5\x9B\xBD", "5\xE6\x9C\x88\xE4\xBB\xA5", "\xE8\x88\xB0",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    size_t len = strlen(texts[i]);
    /* every prefix too: texts cut anywhere */
    for (size_t k = 1; k <= len; k++) {
      char *t = malloc(k);
      if (!t) break;
      memcpy(t, texts[i], k);
      sj_doc *d;
      int rc = check_analyze(m, t, k, NULL, &d);
      CHECK(&st, rc == SJ_OK, "edge text %zu/%zu", i, k);
      if (rc == SJ_OK) {
        const char *bad = doc_check(d, k, 0);
        CHECK(&st, bad == NULL, "edge text %zu/%zu: %s", i, k, bad);
        sj_doc_free(d);
      }
      free(t);
    }
  }
  sj_model_free(m);
}

/* ---- API misuse ---------------------------------------------------------------- */
static void test_api(const sj_model *m) {
  sj_doc *d = (sj_doc *)&st; /* must be overwritten */
  CHECK(&st, check_analyze(m, "x", 1, NULL, NULL) == SJ_EINVAL, "NULL out");
  CHECK(&st, check_analyze(NULL, "x", 1, NULL, &d) == SJ_EINVAL && d == NULL, "NULL model clears *out");
  CHECK(&st, check_analyze(m, NULL, 3, NULL, &d) == SJ_EINVAL, "NULL text with a length");
  const int bad[][3] = {{-1, 0, 0}, {10000, 0, 0}, {2020, -1, 0}, {2020, 13, 0}, {2020, 1, -1}, {2020, 1, 32}};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    sj_options o = {0};
    o.ref_year = bad[i][0];
    o.ref_month = bad[i][1];
    o.ref_day = bad[i][2];
    CHECK(&st, check_analyze(m, "x", 1, &o, &d) == SJ_EINVAL, "bad reference date %d-%d-%d", bad[i][0], bad[i][1], bad[i][2]);
  }
  sj_options o = {0};
  o.ref_year = 2021; o.ref_month = 2; o.ref_day = 31; /* no such day: accepted, times stay valid */
  if (check_analyze(m, "\xE6\x98\xA8\xE5\xA4\xA9\xE5\x92\x8C\xE6\x98\x8E\xE5\xA4\xA9", 15, &o, &d) == SJ_OK) {
    CHECK(&st, doc_check(d, 15, 0) == NULL, "Feb 31 reference");
    sj_doc_free(d);
  }
  o.ref_year = 0; o.ref_month = 0; o.ref_day = 0;
  o.want = 0x100; /* no known bit: nothing asked, nothing done */
  if (check_analyze(m, "x", 1, &o, &d) == SJ_OK) {
    CHECK(&st, sj_doc_ntokens(d) == 0 && sj_doc_nmentions(d) == 0, "unknown want bits");
    sj_doc_free(d);
  }
  o.want = 0;
  o.seg = 0xFFFFFFFFu; /* unknown seg bits are ignored */
  if (check_analyze(m, "\xE4\xB8\xAD\xE5\x9B\xBD", 6, &o, &d) == SJ_OK) {
    CHECK(&st, doc_check(d, 6, 0) == NULL, "unknown seg bits");
    sj_doc_free(d);
  }
  CHECK(&st, sj_doc_ntokens(NULL) == 0 && sj_doc_tokens(NULL) == NULL && sj_doc_nmentions(NULL) == 0 &&
             sj_doc_mentions(NULL) == NULL && sj_doc_nevents(NULL) == 0 && sj_doc_events(NULL) == NULL &&
             sj_doc_ref_year(NULL) == 0 && sj_doc_nspans(NULL, SJ_SENTENCE) == 0,
        "NULL doc accessors");
  if (check_analyze(m, "a", 1, NULL, &d) == SJ_OK) {
    CHECK(&st, sj_doc_nspans(d, (sj_span_kind)0) == 0 && sj_doc_spans(d, (sj_span_kind)4) == NULL &&
               sj_doc_nspans(d, (sj_span_kind)-1) == 0,
          "span kinds out of range");
    sj_doc_free(d);
  }
  sj_doc_free(NULL);
  sj_model_free(NULL);
  CHECK(&st, sj_kind_name((sj_kind)0) != NULL && sj_kind_name((sj_kind)99) != NULL && sj_kind_name((sj_kind)-1) != NULL,
        "kind names");
  CHECK(&st, sj_strerror(-1) != NULL && sj_strerror(1 << 30) != NULL, "strerror");
  CHECK(&st, sj_model_errmsg(NULL) != NULL && sj_model_user_words(NULL) == 0, "NULL model accessors");
  CHECK(&st, !sj_model_lookup(NULL, "x", 1, NULL, NULL) && !sj_model_lookup(m, NULL, 1, NULL, NULL) &&
             !sj_model_lookup(m, "x", 0, NULL, NULL) && !sj_model_lookup(m, "\xFF", 1, NULL, NULL),
        "lookup misuse");
  sj_model *u;
  if (sj_model_new(&u) == SJ_OK) {
    CHECK(&st, sj_model_add_word(u, NULL, 3, 1, NULL) == SJ_EINVAL, "add NULL word");
    CHECK(&st, sj_model_add_word(u, "ab", 2, 0.0 / 0.0, NULL) == SJ_EINVAL, "add NaN freq");
    CHECK(&st, sj_model_add_word(u, "ab", 2, 1e300, NULL) == SJ_EINVAL, "add huge freq");
    CHECK(&st, sj_model_add_word(u, "ab", 2, -1, "") == SJ_EINVAL, "add empty tag");
    CHECK(&st, sj_model_add_word(u, "a\nb", 3, 1, NULL) == SJ_EINVAL, "add word with a newline");
    CHECK(&st, sj_model_add_word(u, "ab", 2, -1, NULL) == SJ_OK, "negative freq means default");
    CHECK(&st, sj_model_add_word(NULL, "ab", 2, 1, NULL) == SJ_EINVAL, "add to NULL model");
    sj_model_free(u);
  }
}

/* ---- threads ------------------------------------------------------------------- */
/* The whole analysis as text, for comparing runs. */
static char *render(const sj_model *m, const char *text, size_t len, const sj_options *o) {
  sj_doc *d;
  if (check_analyze(m, text, len, o, &d) != SJ_OK) return NULL;
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  if (!f) { sj_doc_free(d); return NULL; }
  jw w;
  jw_init(&w, f);
  json_doc(&w, d, text, 0, 1);
  jw_flush(&w);
  fclose(f);
  sj_doc_free(d);
  return out;
}

typedef struct {
  const sj_model *m;
  const char *text;
  size_t len;
  sj_options o;
  const char *want;
  int rounds, bad;
} tjob;

static void *tjob_run(void *p) {
  tjob *j = p;
  for (int r = 0; r < j->rounds; r++) {
    char *got = render(j->m, j->text, j->len, &j->o);
    if (!got || strcmp(got, j->want)) j->bad++;
    free(got);
  }
  return NULL;
}

static void test_threads(void) {
  enum { N = 8 };
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) { CHECK(&st, 0, "model"); return; }
  const char *dict = "\xE9\xAD\x8F\xE5\x87\xA4\xE5\x92\x8C 10 nr\n\xE9\xAB\x98\xE5\x8A\xA0\xE7\xB4\xA2-2020 5 nz\n";
  CHECK(&st, sj_model_load_dict_buffer(m, "t.dict", dict, strlen(dict)) == SJ_OK, "thread dict");
  size_t slen = 0;
  char *sample = check_read_file("examples/pla-intl-cooperation-2020.txt", &slen);
  static const char *fallback[] = {
    "\xE4\xB8\xAD\xE4\xBF\x84\xE4\xB8\xA4\xE5\x9B\xBD\xE7\xA9\xBA\xE5\x86\x9B\xE5\xAE\x9E\xE6\x96\xBD\xE8\x81\x94\xE5\x90\x88"
    "\xE7\xA9\xBA\xE4\xB8\xAD\xE6\x88\x98\xE7\x95\xA5\xE5\xB7\xA1\xE8\x88\xAA\xE3\x80\x82",
  };
  tjob jobs[N];
  pthread_t th[N];
  for (int i = 0; i < N; i++) {
    tjob *j = &jobs[i];
    memset(j, 0, sizeof *j);
    j->m = m;
    j->rounds = 3;
    if (sample && slen) { /* eight different slices of the sample, cut at line ends */
      size_t a = slen * (size_t)i / N, b = slen * (size_t)(i + 1) / N;
      while (a > 0 && sample[a - 1] != '\n') a--;
      while (b < slen && sample[b - 1] != '\n') b++;
      j->text = sample + a;
      j->len = b - a;
    } else {
      j->text = fallback[0];
      j->len = strlen(fallback[0]);
    }
    j->o.seg = (unsigned)i & 3;
    j->o.ref_year = i % 2 ? 2020 : 0;
    j->want = render(m, j->text, j->len, &j->o); /* single-threaded result */
    CHECK(&st, j->want != NULL, "render %d", i);
  }
  int started = 0;
  for (int i = 0; i < N; i++)
    if (jobs[i].want && pthread_create(&th[i], NULL, tjob_run, &jobs[i]) == 0) started |= 1 << i;
  for (int i = 0; i < N; i++)
    if (started & (1 << i)) pthread_join(th[i], NULL);
  for (int i = 0; i < N; i++) {
    CHECK(&st, (started & (1 << i)) && jobs[i].bad == 0, "thread %d: %d of %d runs differ from single-threaded", i,
          jobs[i].bad, jobs[i].rounds);
    free((char *)jobs[i].want);
  }
  free(sample);
  sj_model_free(m);
}

/* ---- fuzz regressions and seeds ------------------------------------------------ */
static void replay(const char *dir, int (*one)(const uint8_t *, size_t)) {
  DIR *dp = opendir(dir);
  if (!dp) return;
  struct dirent *e;
  int n = 0;
  while ((e = readdir(dp)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t len;
    char *buf = check_read_file(path, &len);
    if (!buf) continue;
    one((const uint8_t *)buf, len); /* aborts on a finding */
    free(buf);
    n++;
  }
  closedir(dp);
  CHECK(&st, 1, "%s", dir);
  (void)n;
}

static void test_replay(void) {
  replay("fuzz/regressions/analyze", fuzz_analyze_one);
  replay("fuzz/regressions/dict", fuzz_dict_one);
  replay("fuzz/regressions/json", fuzz_json_one);
  replay("fuzz/corpus/analyze", fuzz_analyze_one);
  replay("fuzz/corpus/dict", fuzz_dict_one);
  replay("fuzz/corpus/json", fuzz_json_one);
  sj_model_free(model_analyze);
  sj_model_free(model_json);
  model_analyze = model_json = NULL;
}

/* ---- the JSON validator itself ------------------------------------------------- */
static void test_json_check(void) {
  static const char *good[] = {"{}", "[]", "0", "-1.5e+3", "\"a\\u00e9\\n\"", "{\"a\":[1,true,false,null,{}]}",
                               " [ 1 , 2 ] \n", "\"\xE4\xB8\xAD\""};
  static const char *badj[] = {"", "{", "[1,]", "{\"a\"}", "01", "1.", "\"\x01\"", "\"\xFF\"", "\"\xED\xA0\x80\"",
                               "nul", "[]]", "{\"a\":1,}", "\"\\x\"", "\"\\u12\""};
  for (size_t i = 0; i < sizeof good / sizeof *good; i++)
    CHECK(&st, json_check(good[i], strlen(good[i])) == 0, "valid JSON refused: %s", good[i]);
  for (size_t i = 0; i < sizeof badj / sizeof *badj; i++)
    CHECK(&st, json_check(badj[i], strlen(badj[i])) != 0, "invalid JSON accepted: %s", badj[i]);
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "threads")) {
    test_threads();
    return check_summary("test_hardening (threads)", &st);
  }
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) { puts("test_hardening: 0 passed, 1 failed"); return 1; }
  test_json_check();
  test_catalogue(m);
  test_api(m);
  test_edges();
  test_dicts();
  test_large(m);
  test_threads();
  test_replay();
  sj_model_free(m);
  return check_summary("test_hardening", &st);
}
