/* test_script.c — traditional Chinese through the simplified view
 * (script.c): detection per paragraph, the option, one-to-many characters,
 * phrases that change length, mixed-script lines, and every offset and
 * string pointing into the original text.  Prints `test_script: N passed,
 * M failed`. */
#include "check.h"

static check_state st;
static sj_model *model;

static sj_doc *run(const char *t, unsigned script) {
  sj_options o = {0};
  o.script = script;
  sj_doc *d = NULL;
  int rc = check_analyze(model, t, strlen(t), &o, &d);
  CHECK(&st, rc == SJ_OK, "analyse %s: %s", t, sj_strerror(rc));
  return d;
}

/* the tokens of d over t, joined by '/' */
static void cut(const sj_doc *d, const char *t, char *out, size_t cap) {
  size_t o = 0;
  const sj_token *k = sj_doc_tokens(d);
  for (size_t i = 0; i < sj_doc_ntokens(d); i++) {
    size_t n = k[i].end - k[i].start;
    if (o + n + 2 > cap) break;
    if (i) out[o++] = '/';
    memcpy(out + o, t + k[i].start, n);
    o += n;
  }
  out[o] = 0;
}

/* tokens tile the text: contiguous, non-empty, from 0 to its length */
static int tiles(const sj_doc *d, const char *t) {
  const sj_token *k = sj_doc_tokens(d);
  uint32_t at = 0;
  for (size_t i = 0; i < sj_doc_ntokens(d); i++) {
    if (k[i].start != at || k[i].end <= k[i].start) return 0;
    at = k[i].end;
  }
  return at == strlen(t);
}

static void expect_cut(const char *t, const char *want) {
  sj_doc *d = run(t, SJ_SCRIPT_AUTO);
  if (!d) return;
  char got[1024];
  cut(d, t, got, sizeof got);
  CHECK(&st, !strcmp(got, want), "cut %s: got %s, want %s", t, got, want);
  CHECK(&st, tiles(d, t), "tokens of %s tile the text", t);
  sj_doc_free(d);
}

/* Mentions and events of trad equal those of simp (the same text in
 * simplified characters): kinds, values, codes, event fields, and each
 * span's original text is the traditional counterpart, byte-aligned by
 * characters when the two have as many characters. */
static void same_analysis(const char *simp, const char *trad) {
  sj_doc *a = run(simp, SJ_SCRIPT_AUTO), *b = run(trad, SJ_SCRIPT_AUTO);
  if (!a || !b) { sj_doc_free(a); sj_doc_free(b); return; }
  CHECK(&st, sj_doc_script(a) == SJ_SCRIPT_SIMPLIFIED, "%s is simplified", simp);
  CHECK(&st, sj_doc_script(b) == SJ_SCRIPT_TRADITIONAL, "%s is traditional", trad);
  size_t n = sj_doc_nmentions(a);
  CHECK(&st, n == sj_doc_nmentions(b), "%s: %zu mentions, want %zu", trad, sj_doc_nmentions(b), n);
  const sj_mention *ma = sj_doc_mentions(a), *mb = sj_doc_mentions(b);
  for (size_t i = 0; i < n && i < sj_doc_nmentions(b); i++) {
    CHECK(&st, ma[i].kind == mb[i].kind && ma[i].start == mb[i].start && ma[i].end == mb[i].end,
          "%s: mention %zu %.*s", trad, i, (int)(mb[i].end - mb[i].start), trad + mb[i].start);
    CHECK(&st, !ma[i].codes == !mb[i].codes && (!ma[i].codes || !strcmp(ma[i].codes, mb[i].codes)),
          "%s: codes of mention %zu", trad, i);
    CHECK(&st, !ma[i].value == !mb[i].value && (!ma[i].value || !strcmp(ma[i].value, mb[i].value)),
          "%s: value of mention %zu", trad, i);
  }
  n = sj_doc_nevents(a);
  CHECK(&st, n == sj_doc_nevents(b), "%s: %zu events, want %zu", trad, sj_doc_nevents(b), n);
  const sj_event *ea = sj_doc_events(a), *eb = sj_doc_events(b);
  for (size_t i = 0; i < n && i < sj_doc_nevents(b); i++) {
    CHECK(&st, ea[i].start == eb[i].start && ea[i].end == eb[i].end && !strcmp(ea[i].cameo, eb[i].cameo),
          "%s: event %zu", trad, i);
    CHECK(&st, !ea[i].sources == !eb[i].sources && (!ea[i].sources || !strcmp(ea[i].sources, eb[i].sources)),
          "%s: sources of event %zu", trad, i);
    CHECK(&st, !ea[i].place == !eb[i].place, "%s: place of event %zu", trad, i);
  }
  sj_doc_free(a);
  sj_doc_free(b);
}

static void issue_example(void) {
  const char *t = "2020年12月22日，中俄兩國空軍在亞太地區實施第二次聯合空中戰略巡航。"
                  "美國國務卿蓬佩奧訪問台灣。";
  same_analysis("2020年12月22日，中俄两国空军在亚太地区实施第二次联合空中战略巡航。"
                "美国国务卿蓬佩奥访问台湾。", t);
  sj_doc *d = run(t, SJ_SCRIPT_AUTO);
  if (!d) return;
  const sj_event *e = sj_doc_events(d);
  CHECK(&st, sj_doc_nevents(d) == 2, "two events, got %zu", sj_doc_nevents(d));
  if (sj_doc_nevents(d) == 2) {
    CHECK(&st, e[0].place && !strcmp(e[0].place, "亞太地區"), "place in the original's characters: %s",
          e[0].place ? e[0].place : "NULL");
    CHECK(&st, !strncmp(t + e[0].start, "聯合空中戰略巡航", e[0].end - e[0].start) &&
          e[0].end - e[0].start == strlen("聯合空中戰略巡航"), "trigger span");
    CHECK(&st, !strcmp(e[0].cameo, "062") && !strcmp(e[1].cameo, "042"), "codes %s %s", e[0].cameo,
          e[1].cameo);
    CHECK(&st, e[1].place && !strcmp(e[1].place, "台灣"), "second place %s", e[1].place ? e[1].place : "NULL");
  }
  const sj_mention *m = sj_doc_mentions(d);
  int hk = 0;
  for (size_t i = 0; i < sj_doc_nmentions(d); i++)
    if (m[i].kind == SJ_ACTOR && m[i].end - m[i].start == strlen("中俄兩國空軍") &&
        !memcmp(t + m[i].start, "中俄兩國空軍", m[i].end - m[i].start))
      hk = 1;
  CHECK(&st, hk, "actor 中俄兩國空軍 in the original's characters");
  sj_doc_free(d);
  /* told it is simplified: no conversion (the old, degraded result) */
  d = run(t, SJ_SCRIPT_SIMPLIFIED);
  if (d) {
    CHECK(&st, sj_doc_script(d) == SJ_SCRIPT_SIMPLIFIED, "script as told");
    CHECK(&st, sj_doc_nevents(d) < 2, "no view when told simplified: %zu events", sj_doc_nevents(d));
    sj_doc_free(d);
  }
}

static void one_to_many(void) {
  /* 髮 and 發 are both 发; 後 is 后; 乾 is 干 but 乾隆 stays */
  expect_cut("他理髮後出發。", "他/理髮/後/出發/。");
  expect_cut("乾隆說天氣乾燥。", "乾隆/說/天氣/乾燥/。");
  expect_cut("頭髮和發展", "頭髮/和/發展");
  /* the simplified forms are left as they are */
  expect_cut("他理发后出发。", "他/理发/后/出发/。");
}

static void region_and_length(void) {
  /* Taiwan vocabulary: 軟體 -> 软件, 資訊 -> 信息 (as many characters) */
  expect_cut("臺灣的軟體資訊很發達。", "臺灣/的/軟體/資訊/很/發達/。");
  /* a phrase that changes its number of characters stays one piece:
   * SQL隱碼攻擊 -> SQL注入; offsets stay inside the original */
  const char *t = "駭客發動SQL隱碼攻擊。";
  sj_doc *d = run(t, SJ_SCRIPT_TRADITIONAL);
  if (d) {
    CHECK(&st, tiles(d, t), "tokens tile %s", t);
    const sj_span *s = sj_doc_spans(d, SJ_SENTENCE);
    CHECK(&st, sj_doc_nspans(d, SJ_SENTENCE) == 1 && s[0].start == 0 && s[0].end == strlen(t),
          "the sentence spans the original");
    sj_doc_free(d);
  }
  /* a character beyond the BMP that becomes a 3-byte one (𩀨 -> 𫘪?): offsets
   * after it are shifted back */
  const char *u = "國家𩀨\n\n美國國務卿訪問台灣。";
  d = run(u, SJ_SCRIPT_TRADITIONAL);
  if (d) {
    CHECK(&st, tiles(d, u), "tokens tile the text with a 4-byte character");
    const sj_event *e = sj_doc_events(d);
    CHECK(&st, sj_doc_nevents(d) == 1 && !strncmp(u + e[0].start, "訪問", 6) && e[0].end - e[0].start == 6,
          "the trigger after a 4-byte character");
    sj_doc_free(d);
  }
}

static void mixed(void) {
  /* one line of both scripts (more traditional-only characters): all of it
   * is read through the view */
  same_analysis("中俄两国空军在亚太地区实施联合空中战略巡航。",
                "中俄兩國空軍在亚太地区實施聯合空中战略巡航。");
  /* paragraphs of each script: each decided on its own */
  const char *t = "中俄两国空军在亚太地区实施联合空中战略巡航。\n\n美國國務卿蓬佩奧訪問台灣。";
  sj_doc *d = run(t, SJ_SCRIPT_AUTO);
  if (d) {
    CHECK(&st, sj_doc_script(d) == (SJ_SCRIPT_SIMPLIFIED | SJ_SCRIPT_TRADITIONAL), "mixed: %s",
          sj_script_name(sj_doc_script(d)));
    CHECK(&st, !strcmp(sj_script_name(sj_doc_script(d)), "mixed"), "named mixed");
    CHECK(&st, sj_doc_nevents(d) == 2 && tiles(d, t), "two events, tokens tile");
    sj_doc_free(d);
  }
  /* a simplified paragraph with one traditional name: only the characters
   * simplified text never uses are read through the view */
  expect_cut("他在臺北发表讲话。", "他/在/臺北/发表/讲话/。");
}

static void options(void) {
  sj_options o = {0};
  o.script = 3;
  sj_doc *d = NULL;
  CHECK(&st, sj_analyze(model, "中", 3, &o, &d) == SJ_EINVAL && !d, "script 3 is no option");
  d = run("", SJ_SCRIPT_AUTO);
  if (d) { CHECK(&st, sj_doc_ntokens(d) == 0, "empty text"); sj_doc_free(d); }
  d = run("\xff\xfe國", SJ_SCRIPT_TRADITIONAL);
  if (d) { CHECK(&st, tiles(d, "\xff\xfe國"), "bad bytes are kept"); sj_doc_free(d); }
}

int main(void) {
  if (sj_model_new(&model) != SJ_OK) { fputs("no model\n", stderr); return 1; }
  issue_example();
  one_to_many();
  region_and_length();
  mixed();
  options();
  sj_model_free(model);
  return check_summary("test_script", &st);
}
