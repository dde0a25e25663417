/* test_core.c — the core's segmentation, sentences, models, bad input and
 * threads, through the public API only.  Built with ASan and UBSan. */
#include "shijian.h"
#include "check.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static check_state st;

/* The tokens of text joined with '|' into out. */
static void cut(const sj_model *m, const char *text, unsigned seg, char *out, size_t cap) {
  sj_options o = {0};
  o.want = SJ_WANT_TOKENS;
  o.seg = seg;
  sj_doc *d;
  out[0] = 0;
  if (check_analyze(m, text, strlen(text), &o, &d)) return;
  size_t n = sj_doc_ntokens(d), k = 0;
  const sj_token *t = sj_doc_tokens(d);
  for (size_t i = 0; i < n && k + (t[i].end - t[i].start) + 2 < cap; i++) {
    if (i) out[k++] = '|';
    memcpy(out + k, text + t[i].start, t[i].end - t[i].start);
    k += t[i].end - t[i].start;
  }
  out[k] = 0;
  sj_doc_free(d);
}

#define EXPECT_CUT(m, text, seg, want)                                     \
  do {                                                                     \
    char got_[4096];                                                       \
    cut(m, text, seg, got_, sizeof got_);                                  \
    CHECK(&st, strcmp(got_, want) == 0, "cut(%s) = %s, want %s", text, got_, want); \
  } while (0)

/* Tokens tile the input exactly: no gap, no overlap, nothing dropped. */
static int tiles(const sj_model *m, const char *text, size_t len) {
  sj_doc *d;
  if (check_analyze(m, text, len, NULL, &d)) return 0;
  size_t n = sj_doc_ntokens(d), at = 0;
  const sj_token *t = sj_doc_tokens(d);
  int ok = 1;
  for (size_t i = 0; i < n; i++) {
    if (t[i].start != at || t[i].end <= t[i].start) ok = 0;
    at = t[i].end;
  }
  if (at != len) ok = 0;
  /* every span and mention is inside the text */
  for (int k = SJ_SENTENCE; k <= SJ_PARAGRAPH; k++) {
    const sj_span *s = sj_doc_spans(d, (sj_span_kind)k);
    for (size_t i = 0; i < sj_doc_nspans(d, (sj_span_kind)k); i++)
      if (s[i].start >= s[i].end || s[i].end > len) ok = 0;
  }
  const sj_mention *mm = sj_doc_mentions(d);
  for (size_t i = 0; i < sj_doc_nmentions(d); i++)
    if (mm[i].start >= mm[i].end || mm[i].end > len) ok = 0;
  sj_doc_free(d);
  return ok;
}

static void test_segment(const sj_model *m) {
  EXPECT_CUT(m, "两国空军在亚太地区实施联合空中战略巡航", 0, "两国|空军|在|亚太地区|实施|联合|空中|战略|巡航");
  EXPECT_CUT(m, "6800余艘、36批、3.5%", 0, "6800余艘|、|36批|、|3.5%");
  EXPECT_CUT(m, "36批", SJ_SEG_SPLIT_MEASURES, "36|批");
  EXPECT_CUT(m, "12月22日", 0, "12月22日");
  EXPECT_CUT(m, "12月22日", SJ_SEG_SPLIT_MEASURES, "12月|22日");
  EXPECT_CUT(m, "二○○○年十二月三十一日", 0, "二○○○年|十二月|三十一日");
  EXPECT_CUT(m, "１２月", 0, "１２月");
  EXPECT_CUT(m, "轰-6K", 0, "轰-6K");
  EXPECT_CUT(m, "运-20起飞", 0, "运-20|起飞");
  EXPECT_CUT(m, "96B型坦克", 0, "96B型|坦克");
  EXPECT_CUT(m, "COVID-19疫情", 0, "COVID-19|疫情");
  EXPECT_CUT(m, "见https://a.example.org/x?y=1。", 0, "见|https://a.example.org/x?y=1|。");
  EXPECT_CUT(m, "邮箱a.b@example.com。", 0, "邮箱|a.b@example.com|。");
  EXPECT_CUT(m, "", 0, "");
  /* unknown person names after a title; transliterations joined at the dot */
  EXPECT_CUT(m, "国防部长魏凤和先后访问", 0, "国防部长|魏凤和|先后|访问");
  EXPECT_CUT(m, "部长张三说", 0, "部长|张三|说");
  EXPECT_CUT(m, "国防部长和外长出席", 0, "国防部长|和|外长|出席");
  EXPECT_CUT(m, "在卡普斯京·阿尔靶场", 0, "在|卡普斯京·阿尔|靶场");
  EXPECT_CUT(m, "列夫·托尔斯泰的小说", 0, "列夫·托尔斯泰|的|小说");
  EXPECT_CUT(m, "中国·东盟", 0, "中国|·|东盟");
  /* emoji sequences, flags, keycaps and other alphabets' runs stay whole */
  EXPECT_CUT(m, "👨‍👩‍👧好🇨🇳👍🏽1️⃣", 0, "👨‍👩‍👧|好|🇨🇳|👍🏽|1️⃣");
  EXPECT_CUT(m, "안녕하세요 カタカナ", 0, "안녕하세요| |カタカナ");
}

static void test_sentences(const sj_model *m) {
  const char *text = "甲说：“好！”乙走了。\n\n丙来了";
  sj_doc *d;
  CHECK(&st, check_analyze(m, text, strlen(text), NULL, &d) == SJ_OK, "analyze");
  size_t n = sj_doc_nspans(d, SJ_SENTENCE);
  const sj_span *s = sj_doc_spans(d, SJ_SENTENCE);
  CHECK(&st, n == 3, "3 sentences, got %zu", n);
  if (n == 3) {
    CHECK(&st, s[0].end - s[0].start == strlen("甲说：“好！”"), "closing quote stays");
    CHECK(&st, s[2].para == 1 && s[0].para == 0, "paragraph index");
  }
  CHECK(&st, sj_doc_nspans(d, SJ_PARAGRAPH) == 2, "2 paragraphs");
  CHECK(&st, sj_doc_nspans(d, SJ_CLAUSE) >= 3, "clauses");
  sj_doc_free(d);
}

static void test_model(void) {
  sj_model *m;
  CHECK(&st, sj_model_new(&m) == SJ_OK, "model");
  EXPECT_CUT(m, "魏凤和", SJ_SEG_NO_HMM, "魏|凤|和");
  CHECK(&st, sj_model_add_word(m, "魏凤和", strlen("魏凤和"), 0, "nr") == SJ_OK, "add");
  EXPECT_CUT(m, "魏凤和", 0, "魏凤和");
  CHECK(&st, sj_model_add_word(m, "", 0, 1, NULL) == SJ_EINVAL, "empty word");
  CHECK(&st, sj_model_add_word(m, "\xff", 1, 1, NULL) == SJ_EINVAL, "bad utf8");
  CHECK(&st, sj_model_add_word(m, "x", 1, 1, "no-such-tag!") == SJ_EINVAL, "bad tag");
  size_t before = sj_model_user_words(m);
  const char *bad = "新词甲 5 n\n新词乙 oops n\n";
  CHECK(&st, sj_model_load_dict_buffer(m, "u.dict", bad, strlen(bad)) == SJ_EDICT, "bad dict");
  CHECK(&st, strstr(sj_model_errmsg(m), "u.dict:2:") != NULL, "errmsg names line: %s", sj_model_errmsg(m));
  CHECK(&st, sj_model_user_words(m) == before && !sj_model_lookup(m, "新词甲", strlen("新词甲"), NULL, NULL),
        "nothing loaded");
  const char *good = "\xEF\xBB\xBF新词甲 5 n\r\nNew York\t10\tns\n";
  CHECK(&st, sj_model_load_dict_buffer(m, "u.dict", good, strlen(good)) == SJ_OK, "good dict: %s", sj_model_errmsg(m));
  EXPECT_CUT(m, "在New York", 0, "在|New York");
  CHECK(&st, sj_model_load_dict(m, "/nonexistent/dict.txt") == SJ_EIO, "missing file");
  sj_model_free(m);
  sj_model_free(NULL);
}

static void test_bad_input(const sj_model *m) {
  static const char *cases[] = {
    "", " ", "\n\n\n", "\xff\xfe", "\xe4\xb8", "中\x80国", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xc0\xaf", "😀中国🇨🇳", "𠀀𠀁中", "مرحبا 中国", "中國軍隊訪問", "a\0b中\0", "。。。！！？？",
    "“““《《《", "1234567890123456789012345678901234567890", "－－－－", "————……",
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    size_t len = i == 13 ? 6 : strlen(cases[i]);
    CHECK(&st, tiles(m, cases[i], len), "tiles case %zu", i);
  }
  /* a long line with no punctuation, and a million short lines */
  size_t n = 300000;
  char *big = malloc(n * 3 + 1);
  if (big) {
    for (size_t i = 0; i < n; i++) memcpy(big + 3 * i, "国", 3);
    CHECK(&st, tiles(m, big, n * 3), "long line");
    for (size_t i = 0; i < n * 3; i++) big[i] = (i % 2) ? '\n' : 'a';
    CHECK(&st, tiles(m, big, n * 3), "many lines");
    free(big);
  }
  sj_doc *d;
  CHECK(&st, check_analyze(NULL, "x", 1, NULL, &d) == SJ_EINVAL, "no model");
  CHECK(&st, check_analyze(m, NULL, 1, NULL, &d) == SJ_EINVAL, "no text");
  CHECK(&st, check_analyze(m, NULL, 0, NULL, &d) == SJ_OK, "NULL empty text");
  sj_doc_free(d);
  sj_options bad = {0};
  bad.ref_month = 13;
  CHECK(&st, check_analyze(m, "x", 1, &bad, &d) == SJ_EINVAL, "bad ref month");
  CHECK(&st, sj_strerror(SJ_ENOMEM)[0] != 0 && sj_strerror(9999)[0] != 0, "strerror");
}

/* Threads sharing one model get the same results as one thread. */
typedef struct { const sj_model *m; const char *text; char out[8192]; } job;
static void *work(void *p) {
  job *j = p;
  for (int r = 0; r < 20; r++) cut(j->m, j->text, 0, j->out, sizeof j->out);
  return NULL;
}

static void test_threads(const sj_model *m) {
  static const char *texts[] = {
    "中俄两国空军在亚太地区实施第二次联合空中战略巡航。",
    "国务委员兼国防部长魏凤和先后访问马来西亚、印度尼西亚、文莱。",
    "中国军队向莫桑比克等50国军队提供防疫物资援助。",
    "8月下旬，海军第40批护航编队赴亚丁湾执行任务。",
  };
  enum { N = 8 };
  job jobs[N];
  pthread_t th[N];
  for (int i = 0; i < N; i++) {
    jobs[i].m = m;
    jobs[i].text = texts[i % 4];
    pthread_create(&th[i], NULL, work, &jobs[i]);
  }
  for (int i = 0; i < N; i++) pthread_join(th[i], NULL);
  for (int i = 0; i < N; i++) {
    char want[8192];
    cut(m, jobs[i].text, 0, want, sizeof want);
    CHECK(&st, strcmp(want, jobs[i].out) == 0, "thread %d", i);
  }
}

/* The front ends' definitions (sj_blank_line, sj_cut_piece, sj_parse_date)
 * on exact-size copies of every prefix: nothing is read past the end (the
 * cases as data are spec/fixtures/{blank_lines,cut_pieces,dates}.tsv). */
static void test_frontend(void) {
  static const char *const texts[] = {
    "\xE3\x80\x80\xE3\x80\x80\r\n", "\xC2\xA0 \t", "\xE3\x80\x80\xE6\xAD\xA3",
    "\xE7\x94\xB2\xE4\xB9\x99\xE3\x80\x82\xE4\xB8\x99\n\xE4\xB8\x81", "2020-12-31", "2021-02-29x",
    "\xF0\x9F\x98\x80\xE3", "one, two; three"};
  for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
    size_t n = strlen(texts[k]);
    for (size_t len = 0; len <= n; len++) {
      char *t = check_exact(texts[k], len);
      int blank = sj_blank_line(t, len);
      CHECK(&st, blank == 0 || blank == 1, "blank_line");
      size_t cut = sj_cut_piece(t, len);
      CHECK(&st, len ? cut >= 1 && cut <= len : cut == 0, "cut_piece(%zu) = %zu", len, cut);
      int y = -1, mo = -1, d = -1;
      const char *why = NULL;
      int rc = sj_parse_date(t, len, &y, &mo, &d, &why);
      CHECK(&st, rc == SJ_OK ? y >= 1 && why && !*why : rc == SJ_EINVAL && why && *why,
            "parse_date rc %d", rc);
      free(t);
    }
  }
  CHECK(&st, sj_blank_line(NULL, 0) == 1 && sj_cut_piece(NULL, 0) == 0, "NULL, 0");
  CHECK(&st, sj_parse_date(NULL, 0, NULL, NULL, NULL, NULL) == SJ_EINVAL, "NULL date");
}

/* Country codes come as arrays (code[]/ncodes, source[]/nsources,
 * target[]/ntargets): the same codes, in order, as the tagger's strings. */
static int same_codes(const char *str, const char (*a)[SJ_CODE_SIZE], uint32_t n) {
  char buf[SJ_MAX_CODES * SJ_CODE_SIZE + 1] = "";
  size_t k = 0;
  if (n > SJ_MAX_CODES) return 0;
  for (uint32_t i = 0; i < n; i++) {
    if (strnlen(a[i], SJ_CODE_SIZE) != 3) return 0;
    if (i) buf[k++] = ' ';
    memcpy(buf + k, a[i], 3);
    k += 3;
  }
  buf[k] = 0;
  return !strcmp(str ? str : "", buf);
}

static void test_codes(const sj_model *m) {
  const char *text = "\xE4\xB8\xAD\xE4\xBF\x84\xE4\xB8\xA4\xE5\x9B\xBD\xE7\xA9\xBA\xE5\x86\x9B"
                     "\xE5\xAE\x9E\xE6\x96\xBD\xE8\x81\x94\xE5\x90\x88\xE5\xB7\xA1\xE8\x88\xAA\xE3\x80\x82"
                     "\xE7\xBE\x8E\xE5\x9B\xBD\xE6\x80\xBB\xE7\xBB\x9F\xE8\xAE\xBF\xE9\x97\xAE"
                     "\xE6\x97\xA5\xE6\x9C\xAC\xE4\xB8\x9C\xE4\xBA\xAC\xE3\x80\x82";
  sj_doc *d;
  CHECK(&st, check_analyze(m, text, strlen(text), NULL, &d) == SJ_OK, "analyze");
  if (!d) return;
  const sj_mention *mm = sj_doc_mentions(d);
  size_t multi = 0, coded = 0;
  for (size_t i = 0; i < sj_doc_nmentions(d); i++) {
    CHECK(&st, same_codes(mm[i].codes, mm[i].code, mm[i].ncodes), "mention %zu: codes %s, %u in the array",
          i, mm[i].codes ? mm[i].codes : "-", (unsigned)mm[i].ncodes);
    if (mm[i].ncodes) coded++;
    if (mm[i].ncodes > 1) multi++;
  }
  CHECK(&st, coded >= 3 && multi >= 1, "%zu mentions with codes, %zu with several", coded, multi);
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < sj_doc_nevents(d); i++) {
    CHECK(&st, same_codes(e[i].sources, e[i].source, e[i].nsources), "event %zu sources", i);
    CHECK(&st, same_codes(e[i].targets, e[i].target, e[i].ntargets), "event %zu targets", i);
  }
  CHECK(&st, sj_doc_nevents(d) >= 1 && e[0].nsources >= 1, "an event with sources");
  sj_doc_free(d);
}

int main(void) {
  sj_model *m;
  if (sj_model_new(&m) != SJ_OK) { puts("test_core: 0 passed, 1 failed"); return 1; }
  test_segment(m);
  test_sentences(m);
  test_model();
  test_bad_input(m);
  test_threads(m);
  test_frontend();
  test_codes(m);
  sj_model_free(m);
  return check_summary("test_core", &st);
}
