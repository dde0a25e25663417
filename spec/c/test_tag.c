/* test_tag.c — the tagger: time/number normaliser (time.c) directly, and
 * mentions/events through sj_analyze on real sentences.  Linked against
 * build/libshijian.a.  Prints `test_tag: N passed, M failed`. */
#include "shijian.h"
#include "tag.h"
#include "check.h" /* check_exact, check_analyze: text in exact-size heap buffers */

#include <stdio.h>
#include <string.h>

static int npass, nfail;
/* the model whose grammar words (kind tgram) sj_qty_at and sj_infer_ref read */
static sj_model *TM;

static void check(int ok, const char *what, const char *got) {
  if (ok) npass++;
  else { nfail++; fprintf(stderr, "FAIL %s (got %s)\n", what, got ? got : "NULL"); }
}

/* scan s left to right like the tagger and return the value of the
 * k-th time/duration match */
static void time_k_exact(const sj_model *mod, const char *s, size_t n, int ry, int rm, int rd,
                         int k, const char *want, const char *span) {
  sj_tctx c = {ry, rm, rd, 0, 0, 0, 0, {0}, mod, 0}; /* the model: calendar and grammar words */
  size_t i = 0;
  int seen = 0;
  while (i < n) {
    sj_tmatch t;
    if (sj_time_at(&c, s, n, i, &t)) {
      if (t.absolute) { c.ay = t.ay; c.am = t.am; c.ad = t.ad; }
      if (seen++ == k) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s [%.*s]", t.value, (int)(t.end - t.start), s + t.start);
        int ok = !strcmp(t.value, want) &&
                 (!span || (strlen(span) == t.end - t.start && !memcmp(span, s + t.start, t.end - t.start)));
        char what[256];
        snprintf(what, sizeof what, "time %.*s -> %s", (int)n, s, want);
        check(ok, what, buf);
        return;
      }
      i = t.end;
      continue;
    }
    uint32_t cp;
    i += (size_t)sj_t_dec(s, n, i, &cp);
  }
  char what[256];
  snprintf(what, sizeof what, "time %.*s -> %s", (int)n, s, want);
  check(0, what, "no match");
}
static void time_k(const char *s0, int ry, int rm, int rd, int k, const char *want, const char *span) {
  size_t n = strlen(s0);
  char *s = check_exact(s0, n);
  sj_model *mod = NULL;
  if (sj_model_new(&mod) != SJ_OK) { check(0, "sj_model_new", NULL); free(s); return; }
  if (s) time_k_exact(mod, s, n, ry, rm, rd, k, want, span);
  sj_model_free(mod);
  free(s);
}

static void qty(const char *s0, double v, const char *unit, unsigned fl) {
  sj_qmatch q;
  size_t n = strlen(s0);
  char *s = check_exact(s0, n);
  if (!s) return;
  int ok = sj_qty_at(TM, s, n, 0, &q);
  char got[128];
  snprintf(got, sizeof got, "%g %.*s %u", ok ? q.number : -1, ok ? (int)(q.uend - q.ustart) : 0,
           ok ? s + q.ustart : "", ok ? q.flags : 0u);
  check(ok && q.number == v && strlen(unit) == q.uend - q.ustart &&
        !memcmp(unit, s + q.ustart, q.uend - q.ustart) && q.flags == fl, s0, got);
  free(s);
}

/* sj_time_at / sj_qty_at / sj_infer_ref on an exact-size copy of s */
static int time_at_exact(const sj_tctx *c, const char *s, size_t i, sj_tmatch *t) {
  size_t n = strlen(s);
  char *x = check_exact(s, n);
  int r = x ? sj_time_at(c, x, n, i, t) : 0;
  free(x);
  return r;
}
static int qty_at_exact(const char *s, sj_qmatch *q) {
  size_t n = strlen(s);
  char *x = check_exact(s, n);
  int r = x ? sj_qty_at(TM, x, n, 0, q) : 0;
  free(x);
  return r;
}
static int infer_ref_exact(const char *s, int *y, int *m, int *d) {
  size_t n = strlen(s);
  char *x = check_exact(s, n);
  int r = x ? sj_infer_ref(TM, x, n, y, m, d) : 0;
  free(x);
  return r;
}

static void num(const char *s, double v) {
  double x; int nd; unsigned fl;
  char *t = check_exact(s, strlen(s));
  size_t e = t ? sj_num_at(t, strlen(s), 0, &x, &nd, &fl) : 0;
  free(t);
  char got[64];
  snprintf(got, sizeof got, "%g", e ? x : -1);
  check(e && x == v, s, got);
}

/* a mention of kind over the substring sub of text, with value/codes */
static const sj_mention *find(const sj_doc *d, const char *text, const char *sub, int kind) {
  const char *p = strstr(text, sub);
  if (!p) return NULL;
  size_t a = (size_t)(p - text), b = a + strlen(sub);
  const sj_mention *m = sj_doc_mentions(d);
  for (size_t i = 0; i < sj_doc_nmentions(d); i++)
    if (m[i].start == a && m[i].end == b && (int)m[i].kind == kind) return &m[i];
  return NULL;
}

static void ment(const sj_doc *d, const char *text, const char *sub, int kind, const char *val) {
  const sj_mention *m = find(d, text, sub, kind);
  const char *got = !m ? "missing" : kind == SJ_ACTOR || kind == SJ_PLACE ? m->codes : m->value;
  char what[256];
  snprintf(what, sizeof what, "mention %s (%s)", sub, sj_kind_name((sj_kind)kind));
  check(m && (val == NULL ? got == NULL : got && !strcmp(got, val)), what, got);
}

/* a name over sub with class cls (cls NULL: no name over sub) */
static void name_is(const sj_model *mod, const char *text, const char *sub, const char *cls) {
  sj_doc *d;
  sj_options o = {0};
  o.ref_year = 2020;
  if (check_analyze(mod, text, strlen(text), &o, &d) != SJ_OK) { check(0, text, "analyze failed"); return; }
  const sj_mention *m = find(d, text, sub, SJ_NAME);
  char what[256];
  snprintf(what, sizeof what, "name %s in %s: %s", sub, text, cls ? cls : "none");
  if (cls) check(m && m->type && !strcmp(m->type, cls), what, m ? m->type : "missing");
  else check(!m, what, m ? m->type : NULL);
  sj_doc_free(d);
}

/* a place over sub (codes want, or NULL) or, with absent, none over sub */
static void place_is(const sj_model *mod, const char *text, const char *sub, const char *want,
                     int absent) {
  sj_doc *d;
  if (check_analyze(mod, text, strlen(text), NULL, &d) != SJ_OK) { check(0, text, "analyze failed"); return; }
  if (absent) {
    char what[256];
    snprintf(what, sizeof what, "no place %s in %s", sub, text);
    check(!find(d, text, sub, SJ_PLACE), what, "a place");
  } else {
    ment(d, text, sub, SJ_PLACE, want);
  }
  sj_doc_free(d);
}

/* the events of text as "trigger:cameo:sources>targets;..." (codes joined
 * by ','), compared with want */
static void evs(const sj_model *mod, const char *text, const char *want) {
  sj_doc *d;
  sj_options o = {0};
  o.ref_year = 2020;
  if (check_analyze(mod, text, strlen(text), &o, &d) != SJ_OK) { check(0, text, "analyze failed"); return; }
  char got[1024];
  size_t k = 0;
  got[0] = 0;
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < sj_doc_nevents(d) && k < sizeof got - 200; i++) {
    int w = snprintf(got + k, sizeof got - k, "%.*s:%s:%s>%s;", (int)(e[i].end - e[i].start),
                     text + e[i].start, e[i].cameo, e[i].sources ? e[i].sources : "",
                     e[i].targets ? e[i].targets : "");
    if (w > 0) k += (size_t)w;
  }
  for (char *c = got; *c; c++) if (*c == ' ') *c = ',';
  char what[512];
  snprintf(what, sizeof what, "events of %s = %s", text, want);
  check(!strcmp(got, want), what, got);
  sj_doc_free(d);
}

/* the place of the k-th event of text (NULL: none) */
/* caller triggers (sj_options.triggers): the word sub of text as an event
 * of code, its arguments filled by the core; want as for evs, or NULL for
 * SJ_EINVAL expected (a span given by its bytes a..b when sub is NULL) */
static void user_trig(const sj_model *mod, const char *text, const char *sub, uint32_t a,
                      uint32_t b, const char *code, int joint, const char *want) {
  const char *p = sub ? strstr(text, sub) : NULL;
  sj_trigger t = {0};
  t.start = p ? (uint32_t)(p - text) : a;
  t.end = p ? t.start + (uint32_t)strlen(sub) : b;
  snprintf(t.cameo, sizeof t.cameo, "%s", code);
  t.label = "user event";
  t.joint = joint;
  sj_options o = {0};
  o.ref_year = 2020;
  o.triggers = &t;
  o.ntriggers = 1;
  sj_doc *d = NULL;
  int rc = check_analyze(mod, text, strlen(text), &o, &d);
  char what[512];
  snprintf(what, sizeof what, "caller trigger in %s = %s", text, want ? want : "SJ_EINVAL");
  if (!want) { check(rc == SJ_EINVAL && !d, what, sj_strerror(rc)); sj_doc_free(d); return; }
  if (rc != SJ_OK) { check(0, what, sj_strerror(rc)); return; }
  char got[512] = "";
  const sj_event *e = sj_doc_events(d);
  for (size_t i = 0; i < sj_doc_nevents(d); i++)
    if (e[i].start == t.start && e[i].end == t.end)
      snprintf(got, sizeof got, "%s:%s>%s:%s", e[i].cameo, e[i].sources ? e[i].sources : "",
               e[i].targets ? e[i].targets : "", e[i].label ? e[i].label : "");
  check(!strcmp(got, want), what, got);
  sj_doc_free(d);
}

static void evplace(const sj_model *mod, const char *text, size_t k, const char *want) {
  sj_doc *d;
  sj_options o = {0};
  o.ref_year = 2020;
  if (check_analyze(mod, text, strlen(text), &o, &d) != SJ_OK) { check(0, text, "analyze failed"); return; }
  const sj_event *e = sj_doc_events(d);
  const char *got = k < sj_doc_nevents(d) ? (e[k].place ? e[k].place : "NULL") : "no event";
  char what[512];
  snprintf(what, sizeof what, "place of event %zu of %s = %s", k, text, want ? want : "NULL");
  check(want ? !strcmp(got, want) : !strcmp(got, "NULL"), what, got);
  sj_doc_free(d);
}

int main(void) {
  if (sj_model_new(&TM) != SJ_OK) { fprintf(stderr, "sj_model_new failed\n"); return 1; }
  /* numbers */
  num("二十三", 23); num("一百零五", 105); num("两千", 2000); num("二○二○", 2020);
  num("6万", 60000); num("1.5亿", 150000000); num("６８００", 6800); num("1,200", 1200);
  num("十二", 12); num("三千五百万", 35000000);
  /* dates */
  check(sj_weekday(2020, 12, 22) == 2, "weekday 2020-12-22 Tuesday", NULL);
  check(sj_days_in_month(2020, 2) == 29, "leap February", NULL);
  /* the scan's gate lets every time word of time.c's tables through */
  {
    static const char *const W[] = {
      "一年来", "上一年", "上个月", "上午", "上半年", "上周", "上星期", "上月", "上百", "上礼拜", "下一年", "下个月", "下午",
      "下半年", "下周", "下星期", "下月", "下礼拜", "不到", "不足", "中午", "今天", "今年", "今年以来", "今日", "今早", "今晚",
      "今晨", "傍晚", "全年", "公元", "凌晨", "到目前为止", "前一天", "前一日", "前天", "前年", "前晚", "北京时间", "午后",
      "午夜", "去年", "同一天", "同年", "同日", "同月", "后天", "后年", "周一", "周三", "周二", "周五", "周六", "周四",
      "周天", "周日", "夜里", "夜间", "大前天", "大约", "如今", "将近", "岁末", "年内", "年初", "年底", "年末", "当前",
      "当地时间", "当夜", "当天", "当年", "当日", "当晚", "当月", "截止", "截止目前", "截至", "截至目前", "日前", "早上",
      "早晨", "明天", "明年", "明日", "星期一", "星期三", "星期二", "星期五", "星期六", "星期四", "星期天", "星期日", "昨夜",
      "昨天", "昨日", "昨晚", "是日", "晚上", "晚间", "本周", "本年", "本星期", "本月", "本月以来", "本礼拜", "来年", "次日",
      "次日凌晨", "次月", "深夜", "清晨", "目前", "眼下", "礼拜一", "礼拜三", "礼拜二", "礼拜五", "礼拜六", "礼拜四", "礼拜天",
      "礼拜日", "第二天", "翌日", "至今", "超过", "迄今", "迄今为止", "近一年来", "近日", "这一年", "这一年来", "这个月", "这周",
      "这星期", "这礼拜",
      "6月", "１２月", "二○二○年", "十一月", "半年", "近3年", "约5000人", "逾百", "廿日", NULL};
    for (int k = 0; W[k]; k++) check(sj_time_may_start(W[k], strlen(W[k]), 0), W[k], "gate");
    static const char *const NO[] = {"中国", "是的", "大家", "上海", "x", NULL};
    for (int k = 0; NO[k]; k++) check(!sj_time_may_start(NO[k], strlen(NO[k]), 0), NO[k], "gate open");
  }
  /* times against 2020 */
  time_k("6月24日", 2020, 0, 0, 0, "2020-06-24", "6月24日");
  time_k("9月，中国", 2020, 0, 0, 0, "2020-09", "9月");
  time_k("10月28日至29日", 2020, 0, 0, 0, "2020-10-28/2020-10-29", NULL);
  time_k("8月23日至9月5日", 2020, 0, 0, 0, "2020-08-23/2020-09-05", NULL);
  time_k("12月9日、10日", 2020, 0, 0, 0, "2020-12-09,2020-12-10", NULL);
  time_k("5月以来", 2020, 0, 0, 0, "2020-05/..", "5月以来");
  time_k("截至今年12月", 2020, 0, 0, 0, "../2020-12", "截至今年12月");
  time_k("今年以来", 2020, 0, 0, 0, "2020/..", NULL);
  time_k("年内", 2020, 0, 0, 0, "2020", NULL);
  time_k("去年", 2020, 12, 22, 0, "2019", NULL);
  time_k("上月", 2020, 12, 22, 0, "2020-11", NULL);
  time_k("昨天", 2020, 3, 1, 0, "2020-02-29", NULL);
  time_k("3月5日。次日", 2020, 0, 0, 1, "2020-03-06", "次日");
  time_k("12月上旬", 2020, 0, 0, 0, "2020-12-01/2020-12-10", NULL);
  time_k("年底", 2020, 0, 0, 0, "2020-12", NULL);
  time_k("星期三", 2020, 12, 22, 0, "2020-12-23", NULL);
  time_k("上周五", 2020, 12, 22, 0, "2020-12-18", NULL);
  time_k("二○二○年十二月二十二日", 0, 0, 0, 0, "2020-12-22", NULL);
  time_k("２０１４年４月５日", 0, 0, 0, 0, "2014-04-05", NULL);
  time_k("12月22日上午10时", 2020, 0, 0, 0, "2020-12-22T10:00", NULL);
  time_k("4月5日晚8点30分", 2014, 0, 0, 0, "2014-04-05T20:30", NULL);
  time_k("3月24日，……近半个月后", 2020, 0, 0, 1, "2020-04-06", "近半个月后");
  time_k("3月24日，……一个月后", 2020, 0, 0, 1, "2020-04-24", "一个月后");
  time_k("2014年以来", 2020, 0, 0, 0, "2014/..", NULL);
  time_k("这一年", 2020, 0, 0, 0, "2020", NULL);
  time_k("2020中美两军", 2020, 0, 0, 0, "2020", "2020");
  /* durations */
  time_k("为期3天", 2020, 0, 0, 0, "P3D", "3天");
  time_k("30年来", 2020, 0, 0, 0, "P30Y", "30年");
  time_k("75周年", 2020, 0, 0, 0, "P75Y", NULL);
  time_k("不到一个月", 2020, 0, 0, 0, "P1M", "不到一个月");
  time_k("1个多小时", 2020, 0, 0, 0, "PT1H", NULL);
  {
    sj_tctx c = {2020, 0, 0, 0, 0, 0, 0, {0}, TM, 0};
    sj_tmatch t;
    const char *s = "高加索-2020";
    check(!time_at_exact(&c, s, strlen("高加索-"), &t), "no time in 高加索-2020", NULL);
    s = "第7年";
    check(!time_at_exact(&c, s, 3, &t), "no duration after 第", NULL);
    s = "百年未有";
    check(!time_at_exact(&c, s, 0, &t), "no duration in 百年", NULL);
    /* a long run of Chinese digits and 0 is no count (and no int overflow) */
    check(!time_at_exact(&c, "五000000000000000天", 0, &t), "no duration 五000…天", NULL);
  }
  /* quantities */
  qty("50国军队", 50, "国", 0);
  qty("１·４万名代表", 14000, "名", 0);  /* the middle dot as a decimal point */
  qty("６·２级地震", 6.2, "级", 0);
  qty("十几家银行", 10, "家", SJ_APPROX);
  qty("上百名学生", 100, "名", SJ_APPROX);
  qty("百亿元产值", 1e10, "元", SJ_APPROX);
  qty("一百六十九集", 169, "集", 0);
  qty("五百多封信", 500, "封", SJ_APPROX);
  {
    sj_qmatch q0;
    check(!qty_at_exact("两个月后", &q0), "no quantity 两个 (a duration)", NULL);
    check(!qty_at_exact("３个多月后", &q0), "no quantity ３个 (a duration)", NULL);
    check(!qty_at_exact("一期杂志", &q0), "no quantity 一期", NULL);
    check(!qty_at_exact("一成不变", &q0), "no quantity 一成", NULL);
    check(!qty_at_exact("上学", &q0), "no quantity 上", NULL);
  }
  qty("0.3万人", 3000, "人", 0);        /* exactly: 3 * 10000 / 10, no 3000.0000000000005 */
  qty("0.7万吨", 7000, "吨", 0);
  qty("12.345万元", 123450, "元", 0);
  qty("115艘次舰船", 115, "艘次", 0);
  qty("6800余艘", 6800, "艘", SJ_APPROX);
  qty("近6万平方米", 60000, "平方米", SJ_APPROX);
  qty("八轮会谈", 8, "轮", 0);
  qty("32位专家", 32, "位", 0);
  qty("一架飞机", 1, "架", 0);
  {
    sj_qmatch q;
    check(!qty_at_exact("一场疫情", &q), "no quantity 一场", NULL);
    check(!qty_at_exact("一张张海报", &q), "no quantity 一张张", NULL);
    check(!qty_at_exact("千家万户", &q), "no quantity 千家", NULL);
    /* 余/多 at the very end: no unit, and nothing read past the text (issue 11) */
    check(!qty_at_exact("6800余", &q), "no quantity 6800余 (at the end)", NULL);
    check(!qty_at_exact("30多", &q), "no quantity 30多 (at the end)", NULL);
  }
  /* reference date inference */
  {
    int y, m, d;
    const char *s = "2020年中国军队国际军事合作亮点解读\n\n正文";
    infer_ref_exact(s, &y, &m, &d);
    check(y == 2020, "infer ref year from title", NULL);
    s = "标题\n2014-04-05 18:44\n正文";
    infer_ref_exact(s, &y, &m, &d);
    check(y == 2014 && m == 4 && d == 5, "infer ref date from dateline", NULL);
  }

  /* through sj_analyze */
  sj_model *mod = NULL;
  if (sj_model_new(&mod) != SJ_OK) {
    check(0, "sj_model_new", NULL);
  } else {
    const char *t1 = "2020年回顾\n\n12月15日，中俄国防部长举行视频会议。12月22日，两国空军在亚太地区实施联合巡航。"
                     "国务委员兼国防部长魏凤和先后访问马来西亚、文莱，同日本、韩国防务部门领导人分别通话。"
                     "中国军队赴俄参加演习。美方加强军事挑衅。上海合作组织成员国举行会议。";
    sj_doc *d = NULL;
    int rc = check_analyze(mod, t1, strlen(t1), NULL, &d);
    check(rc == SJ_OK, "sj_analyze", NULL);
    if (rc == SJ_OK) {
      check(sj_doc_ref_year(d) == 2020, "inferred reference year", NULL);
      ment(d, t1, "12月15日", SJ_TIME, "2020-12-15");
      ment(d, t1, "中俄国防部长", SJ_ACTOR, "CHN RUS");
      ment(d, t1, "两国空军", SJ_ACTOR, "CHN RUS");
      ment(d, t1, "亚太地区", SJ_PLACE, NULL);
      ment(d, t1, "魏凤和", SJ_ACTOR, "CHN");
      ment(d, t1, "马来西亚", SJ_ACTOR, "MYS");
      ment(d, t1, "日本", SJ_ACTOR, "JPN");
      ment(d, t1, "中国军队", SJ_ACTOR, "CHN");
      {
        /* 赴俄: the country is a place */
        size_t a = (size_t)(strstr(t1, "赴俄") - t1) + 3;
        const sj_mention *m = sj_doc_mentions(d);
        int ok = 0;
        for (size_t i = 0; i < sj_doc_nmentions(d); i++)
          if (m[i].start == a && m[i].end == a + 3 && m[i].kind == SJ_PLACE && m[i].codes &&
              !strcmp(m[i].codes, "RUS")) ok = 1;
        check(ok, "place 俄 after 赴", NULL);
      }
      ment(d, t1, "美方", SJ_ACTOR, "USA");
      {
        const sj_mention *m = find(d, t1, "上海合作组织", SJ_ACTOR);
        check(m && m->type && !strcmp(m->type, "organization") && m->org, "organization SCO",
              m ? m->type : NULL);
        m = find(d, t1, "中国军队", SJ_ACTOR);
        check(m && m->type && !strcmp(m->type, "military"), "type military", m ? m->type : NULL);
      }
      /* mentions sorted by start */
      {
        const sj_mention *m = sj_doc_mentions(d);
        int sorted = 1;
        for (size_t i = 1; i < sj_doc_nmentions(d); i++)
          if (m[i].start < m[i - 1].start) sorted = 0;
        check(sorted, "mentions sorted", NULL);
      }
      /* events: the video conference of 12月15日, joint */
      {
        const sj_event *e = sj_doc_events(d);
        int found = 0, visit = 0;
        for (size_t i = 0; i < sj_doc_nevents(d); i++) {
          if (!strncmp(e[i].cameo, "04", 2) && e[i].date && !strcmp(e[i].date, "2020-12-15") &&
              e[i].sources && !strcmp(e[i].sources, "CHN RUS") && e[i].targets &&
              !strcmp(e[i].targets, "CHN RUS"))
            found = 1;
          if (!strcmp(e[i].cameo, "042") && e[i].sources && !strcmp(e[i].sources, "CHN") &&
              e[i].targets && strstr(e[i].targets, "MYS") && strstr(e[i].targets, "BRN"))
            visit = 1;
        }
        check(found, "event 040 2020-12-15 CHN RUS <-> CHN RUS", NULL);
        check(visit, "event 042 CHN -> MYS BRN", NULL);
      }
      sj_doc_free(d);
    }
    /* caller triggers go through the same argument filler */
    user_trig(mod, "越南同老挝讨论了边界事宜。", "讨论", 0, 0, "057", 0, "057:VNM>LAO:user event");
    user_trig(mod, "越南同老挝讨论了边界事宜。", "讨论", 0, 0, "057", 1, "057:VNM LAO>VNM LAO:user event");
    user_trig(mod, "巴西总统访问了阿根廷。", "访问", 0, 0, "043", 0, "043:BRA>ARG:user event"); /* replaces 042 */
    user_trig(mod, "越南同老挝", NULL, 1, 3, "057", 0, NULL);  /* not a character boundary */
    user_trig(mod, "越南同老挝", NULL, 0, 99, "057", 0, NULL); /* past the end */
    user_trig(mod, "越南同老挝", "老挝", 0, 0, "57", 0, NULL); /* a code of two digits */
    /* events: CAMEO conventions and what is not an event */
    evs(mod, "中国国防部长与俄罗斯国防部长举行会谈，双方就两军合作交换意见。",
        "会谈:046:CHN,RUS>CHN,RUS;交换意见:040:CHN,RUS>CHN,RUS;"); /* 与 + a joint act: both sides */
    evs(mod, "今年是两国建交70周年。", "");                     /* anniversary */
    evs(mod, "两国将继续深化务实合作，加强战略沟通。", "");      /* policy talk */
    evs(mod, "5月3日，中国向巴基斯坦提供了一批防疫物资。", "提供:073:CHN>PAK;");
    evs(mod, "中国政府向尼泊尔提供医疗援助。", "医疗援助:073:CHN>NPL;");
    evs(mod, "美国与日本在冲绳附近海域举行联合演习。", "联合演习:062:USA,JPN>USA,JPN;");
    evs(mod, "俄罗斯海军在黑海举行演习。", "演习:150:RUS>;");
    evs(mod, "外交部就此向美方提出严正交涉。", "严正交涉:114:CHN>USA;");
    evs(mod, "日本外务省召见中国驻日大使。", "召见:114:JPN>CHN;");      /* 外务省 = JPN (data) */
    evs(mod, "双方通过视频会议形式举行了研讨会。", "研讨会:040:>;");    /* 视频会议 modifies 形式 */
    evs(mod, "两国国防部长宣布双边协定延期五年。", "延期:057:>;");       /* 宣布 yields */
    evs(mod, "中国海军派出第40批护航编队赴亚丁湾执行护航任务。", "执行护航任务:074:CHN>;");
    /* sending ships, aircraft or troops is aid only when what is sent or
     * what for is aid; forces sent to a drill leave the drill as the event */
    evs(mod, "演习期间，中俄双方共派出舰艇10艘、飞机20架。", "");
    evs(mod, "日本派遣两艘护卫舰前往中东海域。", "");
    evs(mod, "中国海军派出舰艇参加演习。", "演习:150:CHN>;");
    evs(mod, "双方共出动舰艇8艘，参加联合演习。", "联合演习:062:>;");
    evs(mod, "中国向意大利派出医疗队。", "派出:073:CHN>ITA;");
    evs(mod, "中国向巴基斯坦派遣医疗专家组，协助当地抗疫。", "派遣:073:CHN>PAK;");
    evs(mod, "中方派出维和部队赴马里执行任务。", "派出:074:CHN>MLI;");
    /* visits: the host meets (040) or receives (043) the visitor; the
     * visitor visits (042) the host; 来访的 only describes the guest */
    evs(mod, "外交部长王毅在北京会见了来访的巴基斯坦外长。", "会见:040:CHN>PAK;");
    evs(mod, "越南国防部长接待了来访的老挝国防部长。", "接待:043:VNM>LAO;");
    evs(mod, "巴基斯坦外长访问中国。", "访问:042:PAK>CHN;");
    evs(mod, "俄罗斯外长拜会了印度总理。", "拜会:040:RUS>IND;");
    /* an explosion in an accident, or merely happening, is no bombing */
    evs(mod, "昨日，某小区发生燃气爆炸事故，造成3人受伤。", "");
    evs(mod, "一辆油罐车在公路上发生爆炸。", "");
    evs(mod, "叙利亚北部一处市场发生炸弹爆炸，造成8人死亡。", "爆炸:183:>SYR;");
    /* event place: 在/于 + place of the trigger's clause, then a place of
     * that clause, then 在/于 + place of the sentence */
    evplace(mod, "两国海军舰艇从青岛出发，于黄海举行联合演习。", 0, "黄海");
    evplace(mod, "美国海军从关岛派出两艘驱逐舰，在南海举行演习。", 0, "南海");
    evplace(mod, "中国海军舰艇编队抵达吉布提后，在亚丁湾执行护航任务。", 0, "吉布提");
    evplace(mod, "中国海军舰艇编队抵达吉布提后，在亚丁湾执行护航任务。", 1, "亚丁湾");
    /* ISO 3166-1 codes for Taiwan, Hong Kong, Macao; 台 as an abbreviation */
    {
      static const char *const T[] = {
        "今年以来，美方加强美台军事勾连，强化在南海的军事挑衅。",
        "外交部多次就美对台军售提出交涉。",
        "中方就台湾问题、南海问题等阐明立场。",
        "论坛在香港举行，澳门代表出席。",
        "国务院出台新政策，台风过境，电视台直播，平台上线。",
        NULL};
      for (int k = 0; T[k]; k++) {
        rc = check_analyze(mod, T[k], strlen(T[k]), NULL, &d);
        check(rc == SJ_OK, T[k], "analyze failed");
        if (rc) continue;
        if (k == 0) ment(d, T[k], "美台", SJ_ACTOR, "USA TWN");
        if (k == 1) ment(d, T[k], "台", SJ_ACTOR, "TWN");
        if (k == 2) ment(d, T[k], "台湾", SJ_PLACE, "TWN");
        if (k == 3) ment(d, T[k], "香港", SJ_PLACE, "HKG");
        if (k == 4) { /* 台 inside words is no actor */
          int none = 1;
          const sj_mention *m = sj_doc_mentions(d);
          for (size_t i = 0; i < sj_doc_nmentions(d); i++)
            if (m[i].codes && strstr(m[i].codes, "TWN")) none = 0;
          check(none, "no TWN in 出台/台风/电视台/平台", NULL);
        }
        sj_doc_free(d);
      }
    }
    /* arguments: an actor right after a verb is its object, not the next
     * event's subject; a partner goes with the first event word after it;
     * a place named as a topic (台湾问题) is no target */
    evs(mod, "美方加强美台军事勾连。", "勾连:062:USA>TWN;");
    evs(mod, "中方就台湾问题阐明立场。", "阐明:010:CHN>;");
    /* names: the class of a quoted run is the last suffix word after it;
     * a designation takes the class of the word before its number; ships
     * named after cities; unit names with a numeral name; one head per
     * name; no place inside a designation */
    name_is(mod, "参赛队参加“坦克两项”“空降排”等5个项目比赛。", "坦克两项", "competition");
    name_is(mod, "参赛队参加“坦克两项”“空降排”等5个项目比赛。", "空降排", "competition");
    name_is(mod, "两国军队将参加“国际军事比赛-2021”。", "国际军事比赛-2021", "competition");
    name_is(mod, "俄军在“高加索-2024”战略演习中展示新装备。", "高加索-2024", "exercise");
    place_is(mod, "俄军在“高加索-2024”战略演习中展示新装备。", "高加索-2024", NULL, 1);
    place_is(mod, "俄军在“高加索-2024”战略演习中展示新装备。", "高加索", NULL, 1);
    name_is(mod, "中国海军导弹驱逐舰济南舰抵达吉布提港。", "济南舰", "equipment");
    name_is(mod, "中国海军导弹驱逐舰济南舰抵达吉布提港。", "中国海军导弹驱逐舰济南舰", NULL);
    name_is(mod, "中国海军导弹驱逐舰济南舰抵达吉布提港。", "中国海军导弹驱逐舰", NULL);
    place_is(mod, "中国海军导弹驱逐舰济南舰抵达吉布提港。", "济南", NULL, 1);
    name_is(mod, "中国空军八一飞行表演队在珠海亮相。", "八一飞行表演队", "unit");
    name_is(mod, "第五次中国-东盟国防部长非正式会晤在曼谷举行。", "中国-东盟国防部长非正式会晤",
            "meeting");
    /* each unit of an administrative chain is its own place (山东省 +
     * 莱阳市, as the dev gold writes them); a foreign place after a Chinese
     * one is not part of it */
    place_is(mod, "云南省昭通市永善县发生4.2级地震。", "云南省", "CHN", 0);
    place_is(mod, "云南省昭通市永善县发生4.2级地震。", "永善县", "CHN", 0);
    place_is(mod, "云南省昭通市永善县发生4.2级地震。", "云南省昭通市永善县", NULL, 1);
    place_is(mod, "江苏省南京市江宁区一居民楼起火。", "南京市", "CHN", 0);
    place_is(mod, "代表团从北京飞往日本。", "北京日本", NULL, 1);
    /* a direction before a sea is part of its name */
    place_is(mod, "3月2日，南阿拉伯海海域，编队开展训练。", "南阿拉伯海海域", NULL, 0);
    /* the gazetteer interface: kinds per entry, the reversed suffix trie */
    {
      sj_gaz_hit h[12];
      const char *w = "导弹驱逐舰";
      int n = sj_gaz_suffix(mod, w, 0, strlen(w), SJ_K_NAMESUFFIX, h, 12);
      check(n >= 3 && h[0].len == 3 && h[n - 1].len == strlen(w) &&
            (h[n - 1].kinds & SJ_K_NAMESUFFIX), "sj_gaz_suffix 导弹驱逐舰", NULL);
      n = sj_gaz_suffix(mod, w, 6, strlen(w), SJ_K_NAMESUFFIX, h, 12);
      check(n >= 1 && h[n - 1].len == 9, "sj_gaz_suffix from lo: 驱逐舰", NULL);
      n = sj_gaz_suffix(mod, w, 0, strlen(w), SJ_K_PLACESUFFIX, h, 12);
      check(n == 0, "sj_gaz_suffix kind filter", NULL);
      const char *r = "俄罗斯联邦";
      n = sj_gaz_match(mod, r, strlen(r), 0, SJ_K_COUNTRY, h, 12);
      check(n >= 1 && h[0].len == 9 && (h[0].kinds & SJ_K_COUNTRY), "sj_gaz_match 俄罗斯", NULL);
      n = sj_gaz_match(mod, r, strlen(r), 0, SJ_K_TRIGGER, h, 12);
      check(n == 0, "sj_gaz_match kind filter", NULL);
      const char bad[] = "\xe5\xaf\xbc\xe5\xbc"; /* 导 + a cut character */
      n = sj_gaz_suffix(mod, bad, 0, sizeof bad - 1, SJ_K_SUFFIXES, h, 12);
      check(n == 0, "sj_gaz_suffix on a cut character", NULL);
      check(sj_kind_bit("namesuffix", 10) == SJ_K_NAMESUFFIX && sj_kind_bit("num", 3) == SJ_K_NUM &&
            sj_kind_bit("nope", 4) == 0, "sj_kind_bit", NULL);
    }
    /* bad input never crashes */
    {
      const char bad[] = "\xff\xfe 12\xe6\x9c 月\0 5日 \xe4";
      rc = check_analyze(mod, bad, sizeof bad - 1, NULL, &d);
      check(rc == SJ_OK, "invalid UTF-8 accepted", NULL);
      if (rc == SJ_OK) sj_doc_free(d);
      rc = check_analyze(mod, "", 0, NULL, &d);
      check(rc == SJ_OK, "empty text", NULL);
      if (rc == SJ_OK) sj_doc_free(d);
    }
    sj_model_free(mod);
  }
  sj_model_free(TM);
  printf("test_tag: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
