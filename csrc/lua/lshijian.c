/*
 * lshijian.c — the Lua binding (module "shijian.core").  The only C file
 * that includes lua.h; one source for Lua 5.4, 5.3 and LuaJIT/5.1.  It is
 * never linked against liblua: the host program provides the symbols.
 *
 * Results have the fields and nesting of the command's JSON (docs/schema.md):
 * every span has start, end (bytes [start, end), as in JSON and C) and
 * first, last (1-based, inclusive, as string.sub wants them:
 * text:sub(t.first, t.last) is the token).
 */
#include "../core/shijian.h"
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <string.h>

#if LUA_VERSION_NUM < 502
#define lua_rawlen(L, i) lua_objlen(L, i)
#ifndef luaL_newlib
#define luaL_newlib(L, l) (lua_newtable(L), luaL_register(L, NULL, l))
#endif
#endif

#define MODEL_MT "shijian.model"

typedef struct lmodel {
  sj_model *m;
} lmodel;

static sj_model *check_model(lua_State *L, int i) {
  lmodel *u = luaL_checkudata(L, i, MODEL_MT);
  if (!u->m) luaL_error(L, "shijian: model is closed");
  return u->m;
}

static const char *check_text(lua_State *L, int i, size_t *len) {
  if (lua_type(L, i) != LUA_TSTRING)
    luaL_error(L, "bad argument #%d (string expected, got %s)", i - 1, luaL_typename(L, i));
  return lua_tolstring(L, i, len);
}

static int push_error(lua_State *L, const char *what, const char *msg) {
  return luaL_error(L, "shijian: %s: %s", what, msg);
}

/* ---- options ---------------------------------------------------------- */
static unsigned want_bit(const char *s, size_t n) {
  if (n == 6 && !memcmp(s, "tokens", 6)) return SJ_WANT_TOKENS;
  if (n == 9 && !memcmp(s, "sentences", 9)) return SJ_WANT_SENTENCES;
  if (n == 8 && !memcmp(s, "mentions", 8)) return SJ_WANT_MENTIONS;
  if (n == 6 && !memcmp(s, "events", 6)) return SJ_WANT_EVENTS;
  if (n == 3 && !memcmp(s, "all", 3)) return SJ_WANT_ALL;
  return 0;
}

/* Option `triggers`: a list of { first =, last = (bytes, 1-based,
 * inclusive), cameo = "062", label = "…", joint = true } -> o->triggers.
 * The array lives in a userdata held by the registry until the next call
 * (labels point into the option table's strings, alive on the stack). */
static void check_triggers(lua_State *L, int t, sj_options *o) {
  luaL_argcheck(L, lua_type(L, t) == LUA_TTABLE, 2, "option 'triggers': table expected");
  size_t n = (size_t)lua_rawlen(L, t);
  if (!n) return;
  sj_trigger *a = lua_newuserdata(L, n * sizeof *a);
  lua_setfield(L, LUA_REGISTRYINDEX, "shijian.triggers");
  for (size_t k = 0; k < n; k++) {
    lua_rawgeti(L, t, (int)(k + 1));
    if (!lua_istable(L, -1)) luaL_error(L, "shijian: option 'triggers': entry %d is not a table", (int)k + 1);
    lua_getfield(L, -1, "first");
    lua_getfield(L, -2, "last");
    lua_Integer first = lua_tointeger(L, -2), last = lua_tointeger(L, -1);
    lua_pop(L, 2);
    if (first < 1 || last < first || last > (lua_Integer)UINT32_MAX)
      luaL_error(L, "shijian: option 'triggers': entry %d: bad first/last", (int)k + 1);
    lua_getfield(L, -1, "cameo");
    size_t cl;
    const char *c = lua_tolstring(L, -1, &cl);
    if (!c || cl != 3) luaL_error(L, "shijian: option 'triggers': entry %d: cameo \"NNN\" expected", (int)k + 1);
    memcpy(a[k].cameo, c, 4);
    lua_pop(L, 1);
    lua_getfield(L, -1, "label");
    a[k].label = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 1);
    lua_getfield(L, -1, "joint");
    a[k].joint = lua_toboolean(L, -1);
    lua_pop(L, 2);
    a[k].start = (uint32_t)(first - 1);
    a[k].end = (uint32_t)last;
  }
  o->triggers = a;
  o->ntriggers = n;
}

/* Read the options table at index i (may be nil) into o. */
static void check_options(lua_State *L, int i, sj_options *o, unsigned dflt_want) {
  memset(o, 0, sizeof *o);
  o->want = dflt_want;
  if (lua_isnoneornil(L, i)) return;
  luaL_checktype(L, i, LUA_TTABLE);
  lua_getfield(L, i, "ref");
  if (lua_type(L, -1) == LUA_TNUMBER) {
    lua_Number y = lua_tonumber(L, -1);
    if (!(y >= 1 && y <= 9999)) luaL_error(L, "shijian: option 'ref': year out of range");
    o->ref_year = (int)y;
  } else if (lua_type(L, -1) == LUA_TSTRING) {
    size_t sl;
    const char *s = lua_tolstring(L, -1, &sl), *why = "";
    int y = 0, m = 0, d = 0;
    if (sj_parse_date(s, sl, &y, &m, &d, &why))
      luaL_error(L, "shijian: option 'ref': %s, got \"%s\"", why, s);
    o->ref_year = y;
    o->ref_month = m;
    o->ref_day = d;
  } else if (!lua_isnil(L, -1)) {
    luaL_error(L, "shijian: option 'ref': string or number expected, got %s", luaL_typename(L, -1));
  }
  lua_pop(L, 1);
  lua_getfield(L, i, "hmm");
  if (lua_isboolean(L, -1) && !lua_toboolean(L, -1)) o->seg |= SJ_SEG_NO_HMM;
  lua_pop(L, 1);
  lua_getfield(L, i, "split_measures");
  if (lua_toboolean(L, -1)) o->seg |= SJ_SEG_SPLIT_MEASURES;
  lua_pop(L, 1);
  lua_getfield(L, i, "triggers");
  if (!lua_isnil(L, -1)) check_triggers(L, lua_gettop(L), o);
  lua_pop(L, 1);
  lua_getfield(L, i, "vague");
  if (lua_isboolean(L, -1) && !lua_toboolean(L, -1)) o->tag |= SJ_TAG_NO_VAGUE;
  lua_pop(L, 1);
  lua_getfield(L, i, "script");
  if (!lua_isnil(L, -1)) {
    const char *sc = lua_tostring(L, -1);
    if (!sc || (strcmp(sc, "auto") && strcmp(sc, "simplified") && strcmp(sc, "traditional")))
      luaL_error(L, "shijian: option 'script': \"auto\", \"simplified\" or \"traditional\" expected");
    o->script = sc[0] == 's' ? SJ_SCRIPT_SIMPLIFIED : sc[0] == 't' ? SJ_SCRIPT_TRADITIONAL : SJ_SCRIPT_AUTO;
  }
  lua_pop(L, 1);
  lua_getfield(L, i, "want");
  if (lua_type(L, -1) == LUA_TSTRING) {
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    unsigned w = 0;
    size_t a = 0;
    while (a <= n) {
      size_t b = a;
      while (b < n && s[b] != ',' && s[b] != ' ') b++;
      if (b > a) {
        unsigned bit = want_bit(s + a, b - a);
        if (!bit) luaL_error(L, "shijian: option 'want': unknown part '%s'", s);
        w |= bit;
      }
      a = b + 1;
    }
    if (w) o->want = w;
  } else if (!lua_isnil(L, -1)) {
    luaL_error(L, "shijian: option 'want': string expected");
  }
  lua_pop(L, 1);
}

/* ---- model ------------------------------------------------------------ */
static int l_new(lua_State *L) {
  lmodel *u = lua_newuserdata(L, sizeof *u);
  u->m = NULL;
  luaL_getmetatable(L, MODEL_MT);
  lua_setmetatable(L, -2);
  int rc = sj_model_new(&u->m);
  if (rc) return push_error(L, "new model", sj_strerror(rc));
  return 1;
}

static int l_close(lua_State *L) {
  lmodel *u = luaL_checkudata(L, 1, MODEL_MT);
  sj_model_free(u->m);
  u->m = NULL;
  return 0;
}

static int l_tostring(lua_State *L) {
  lmodel *u = luaL_checkudata(L, 1, MODEL_MT);
  if (u->m) lua_pushfstring(L, "shijian.model (%d user words)", (int)sj_model_user_words(u->m));
  else lua_pushliteral(L, "shijian.model (closed)");
  return 1;
}

static int l_add_word(lua_State *L) {
  sj_model *m = check_model(L, 1);
  size_t n;
  const char *w = check_text(L, 2, &n);
  lua_Number f = luaL_optnumber(L, 3, 0);
  const char *pos = luaL_optstring(L, 4, NULL);
  int rc = sj_model_add_word(m, w, n, (double)f, pos);
  if (rc) return push_error(L, "add_word", sj_model_errmsg(m));
  lua_settop(L, 1);
  return 1;
}

static int l_load_dict(lua_State *L) {
  sj_model *m = check_model(L, 1);
  const char *path = luaL_checkstring(L, 2);
  int rc = sj_model_load_dict(m, path);
  if (rc) return push_error(L, "load_dict", sj_model_errmsg(m));
  lua_settop(L, 1);
  return 1;
}

static int l_load_dict_string(lua_State *L) {
  sj_model *m = check_model(L, 1);
  size_t n;
  const char *s = check_text(L, 2, &n);
  const char *name = luaL_optstring(L, 3, "(string)");
  int rc = sj_model_load_dict_buffer(m, name, s, n);
  if (rc) return push_error(L, "load_dict", sj_model_errmsg(m));
  lua_settop(L, 1);
  return 1;
}

static int l_lookup(lua_State *L) {
  sj_model *m = check_model(L, 1);
  size_t n;
  const char *w = check_text(L, 2, &n);
  double f;
  const char *pos;
  if (!sj_model_lookup(m, w, n, &f, &pos)) { lua_pushnil(L); return 1; }
  lua_pushnumber(L, (lua_Number)f);
  lua_pushstring(L, pos);
  return 2;
}

static int l_user_words(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)sj_model_user_words(check_model(L, 1)));
  return 1;
}

/* ---- analysis ---------------------------------------------------------- */
#define DOC_MT "shijian.doc"

/* A result is held by a userdata on the stack while its tables are built,
 * so that a Lua error (no memory) on the way cannot leak it: __gc frees it. */
typedef struct docbox {
  sj_doc *d;
} docbox;

static int l_docbox_gc(lua_State *L) {
  docbox *b = luaL_checkudata(L, 1, DOC_MT);
  sj_doc_free(b->d);
  b->d = NULL;
  return 0;
}

/* Analyse; the docbox is left on the stack (index 4).  *want (when not
 * NULL): the parts the caller asked for (option `want`, else dflt_want). */
static sj_doc *run(lua_State *L, unsigned dflt_want, const char **text, size_t *len,
                   unsigned *want) {
  sj_model *m = check_model(L, 1);
  *text = check_text(L, 2, len);
  sj_options o;
  check_options(L, 3, &o, dflt_want);
  if (want) *want = o.want;
  for (size_t k = 0; k < o.ntriggers; k++) {
    uint32_t a = o.triggers[k].start, e = o.triggers[k].end;
    if (e > *len || (((unsigned char)(*text)[a] & 0xC0) == 0x80) ||
        (e < *len && ((unsigned char)(*text)[e] & 0xC0) == 0x80))
      luaL_error(L, "shijian: option 'triggers': entry %d: bytes %d..%d are not whole characters "
                 "of the text", (int)k + 1, (int)a + 1, (int)e);
  }
  lua_settop(L, 3);
  docbox *b = lua_newuserdata(L, sizeof *b);
  b->d = NULL;
  luaL_getmetatable(L, DOC_MT);
  lua_setmetatable(L, -2);
  int rc = sj_analyze(m, *text, *len, &o, &b->d);
  if (rc) push_error(L, "analyze", sj_strerror(rc));
  return b->d;
}

/* Free the result now (the box stays, empty). */
static void done(lua_State *L) {
  docbox *b = lua_touserdata(L, 4);
  if (b) {
    sj_doc_free(b->d);
    b->d = NULL;
  }
}

/* A span's position, both ways (docs/schema.md): start, end as in JSON
 * and C (bytes [start, end), 0-based), first, last as string.sub wants
 * them (1-based, inclusive). */
static void set_span(lua_State *L, uint32_t a, uint32_t b) {
  lua_pushinteger(L, (lua_Integer)a);
  lua_setfield(L, -2, "start");
  lua_pushinteger(L, (lua_Integer)b);
  lua_setfield(L, -2, "end");
  lua_pushinteger(L, (lua_Integer)a + 1);
  lua_setfield(L, -2, "first");
  lua_pushinteger(L, (lua_Integer)b);
  lua_setfield(L, -2, "last");
}

/* text[a, b) as field "text" and its span */
static void set_text_span(lua_State *L, const char *text, uint32_t a, uint32_t b) {
  lua_pushlstring(L, text + a, b - a);
  lua_setfield(L, -2, "text");
  set_span(L, a, b);
}

static void set_bool(lua_State *L, const char *k, int v) {
  lua_pushboolean(L, v != 0);
  lua_setfield(L, -2, k);
}

static void set_str(lua_State *L, const char *k, const char *v) {
  if (!v) return;
  lua_pushstring(L, v);
  lua_setfield(L, -2, k);
}

/* country codes (the doc's arrays) as a list of strings */
static void push_codes(lua_State *L, const char (*codes)[SJ_CODE_SIZE], uint32_t n) {
  lua_createtable(L, (int)n, 0);
  for (uint32_t i = 0; i < n; i++) {
    lua_pushlstring(L, codes[i], strnlen(codes[i], SJ_CODE_SIZE));
    lua_rawseti(L, -2, (int)i + 1);
  }
}

static void push_spans(lua_State *L, const sj_doc *d, sj_span_kind k) {
  size_t n = sj_doc_nspans(d, k);
  const sj_span *s = sj_doc_spans(d, k);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 5);
    set_span(L, s[i].start, s[i].end);
    lua_pushinteger(L, (lua_Integer)s[i].para + 1);
    lua_setfield(L, -2, "para");
    lua_rawseti(L, -2, (int)i + 1);
  }
}

static void push_tokens(lua_State *L, const sj_doc *d, const char *text) {
  size_t n = sj_doc_ntokens(d);
  const sj_token *t = sj_doc_tokens(d);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 6);
    set_text_span(L, text, t[i].start, t[i].end);
    lua_pushstring(L, t[i].pos);
    lua_setfield(L, -2, "pos");
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* The fields of a mention as the CLI's JSON has them (json.c json_mention):
 * a JSON null is an absent field here. */
static void push_mention(lua_State *L, const sj_mention *m, const char *text) {
  lua_createtable(L, 0, 10);
  lua_pushstring(L, sj_kind_name((sj_kind)m->kind));
  lua_setfield(L, -2, "kind");
  set_text_span(L, text, m->start, m->end);
  switch (m->kind) {
  case SJ_TIME:
  case SJ_DURATION:
    set_str(L, "value", m->value);
    set_bool(L, "approx", m->flags & SJ_APPROX);
    if (m->flags & SJ_SET) set_bool(L, "set", 1);
    if (m->kind == SJ_TIME) set_str(L, "holiday", m->type);
    if (m->flags & SJ_VAGUE) set_bool(L, "vague", 1);
    break;
  case SJ_ACTOR:
    push_codes(L, m->code, m->ncodes);
    lua_setfield(L, -2, "codes");
    set_str(L, "type", m->type);
    set_str(L, "org", m->org);
    break;
  case SJ_PLACE:
    if (m->ncodes) {
      lua_pushlstring(L, m->code[0], strnlen(m->code[0], SJ_CODE_SIZE));
      lua_setfield(L, -2, "country");
    }
    break;
  case SJ_NAME:
    set_str(L, "class", m->type);
    break;
  case SJ_QUANTITY:
    lua_pushnumber(L, (lua_Number)m->number);
    lua_setfield(L, -2, "value");
    set_str(L, "unit", m->unit);
    set_bool(L, "approx", m->flags & SJ_APPROX);
    break;
  default: break;
  }
}

static void push_mentions(lua_State *L, const sj_doc *d, const char *text) {
  size_t n = sj_doc_nmentions(d);
  const sj_mention *m = sj_doc_mentions(d);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_mention(L, &m[i], text);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

static void push_events(lua_State *L, const sj_doc *d, const char *text) {
  size_t n = sj_doc_nevents(d);
  const sj_event *e = sj_doc_events(d);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 12);
    lua_createtable(L, 0, 5);
    set_text_span(L, text, e[i].start, e[i].end);
    lua_setfield(L, -2, "trigger");
    lua_pushlstring(L, e[i].cameo, strnlen(e[i].cameo, 3));
    lua_setfield(L, -2, "cameo");
    lua_pushlstring(L, e[i].cameo, strnlen(e[i].cameo, 2));
    lua_setfield(L, -2, "root");
    set_str(L, "label", e[i].label);
    set_str(L, "date", e[i].date);
    push_codes(L, e[i].source, e[i].nsources);
    lua_setfield(L, -2, "sources");
    push_codes(L, e[i].target, e[i].ntargets);
    lua_setfield(L, -2, "targets");
    set_str(L, "place", e[i].place);
    lua_createtable(L, 0, 4);
    set_span(L, e[i].sent_start, e[i].sent_end);
    lua_setfield(L, -2, "sentence");
    set_bool(L, "negated", e[i].flags & SJ_NEGATED);
    set_bool(L, "future", e[i].flags & SJ_FUTURE);
    set_bool(L, "hypothetical", e[i].flags & SJ_HYPOTHETICAL);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* m:cut(text [, opts]) -> { "word", ... } */
static int l_cut(lua_State *L) {
  const char *text;
  size_t len;
  sj_doc *d = run(L, SJ_WANT_TOKENS, &text, &len, NULL);
  size_t n = sj_doc_ntokens(d);
  const sj_token *t = sj_doc_tokens(d);
  lua_createtable(L, (int)n, 0);
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    lua_pushlstring(L, text + t[i].start, t[i].end - t[i].start);
    lua_rawseti(L, -2, ++k);
  }
  done(L);
  return 1;
}

/* m:tokens(text [, opts]) -> { {text, start, end, first, last, pos}, ... } */
static int l_tokens(lua_State *L) {
  const char *text;
  size_t len;
  sj_doc *d = run(L, SJ_WANT_TOKENS, &text, &len, NULL);
  push_tokens(L, d, text);
  done(L);
  return 1;
}

/* m:sentences(text [, opts]) -> { {start, end, first, last, para}, ... } */
static int l_sentences(lua_State *L) {
  const char *text;
  size_t len;
  sj_doc *d = run(L, SJ_WANT_SENTENCES, &text, &len, NULL);
  push_spans(L, d, SJ_SENTENCE);
  done(L);
  return 1;
}

/* m:analyze(text [, opts]) -> { tokens, sentences, clauses, paragraphs,
 * mentions, events, ref_year, ref, script }.  The tokens and the spans are
 * lists only of what option `want` names (empty otherwise: mentions and
 * events are computed from them, but a caller that wants only those does
 * not pay for ~180,000 token tables per MB). */
static int l_analyze(lua_State *L) {
  const char *text;
  size_t len;
  unsigned want;
  sj_doc *d = run(L, SJ_WANT_ALL, &text, &len, &want);
  lua_createtable(L, 0, 7);
  if (want & SJ_WANT_TOKENS) push_tokens(L, d, text);
  else lua_createtable(L, 0, 0);
  lua_setfield(L, -2, "tokens");
  for (int k = 0; k < 3; k++) {
    static const sj_span_kind kind[3] = {SJ_SENTENCE, SJ_CLAUSE, SJ_PARAGRAPH};
    static const char *const name[3] = {"sentences", "clauses", "paragraphs"};
    if (want & SJ_WANT_SENTENCES) push_spans(L, d, kind[k]);
    else lua_createtable(L, 0, 0);
    lua_setfield(L, -2, name[k]);
  }
  push_mentions(L, d, text);
  lua_setfield(L, -2, "mentions");
  push_events(L, d, text);
  lua_setfield(L, -2, "events");
  lua_pushinteger(L, sj_doc_ref_year(d));
  lua_setfield(L, -2, "ref_year");
  lua_pushstring(L, sj_script_name(sj_doc_script(d)));
  lua_setfield(L, -2, "script");
  int y, mo, dd;
  sj_doc_ref_date(d, &y, &mo, &dd);
  if (y) {
    if (dd) lua_pushfstring(L, "%d-%s%d-%s%d", y, mo < 10 ? "0" : "", mo, dd < 10 ? "0" : "", dd);
    else if (mo) lua_pushfstring(L, "%d-%s%d", y, mo < 10 ? "0" : "", mo);
    else lua_pushfstring(L, "%d", y);
    lua_setfield(L, -2, "ref");
  }
  done(L);
  return 1;
}

static const luaL_Reg model_methods[] = {
  {"add_word", l_add_word},
  {"load_dict", l_load_dict},
  {"load_dict_string", l_load_dict_string},
  {"lookup", l_lookup},
  {"user_words", l_user_words},
  {"cut", l_cut},
  {"tokens", l_tokens},
  {"sentences", l_sentences},
  {"analyze", l_analyze},
  {"close", l_close},
  {NULL, NULL}
};

/* ---- the core's definitions for front ends (shijian.h) ------------------ */
/* core.blank_line(line) -> true if the line is only white space */
static int l_blank_line(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_pushboolean(L, sj_blank_line(s, n));
  return 1;
}

/* core.cut_piece(text [, max]) -> bytes of the first piece of text when at
 * most max bytes (default all of it) may be analysed at once */
static int l_cut_piece(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_Integer max = luaL_optinteger(L, 2, (lua_Integer)n);
  luaL_argcheck(L, max >= 1, 2, "a positive number of bytes expected");
  if ((lua_Integer)n <= max) { lua_pushinteger(L, (lua_Integer)n); return 1; }
  lua_pushinteger(L, (lua_Integer)sj_cut_piece(s, (size_t)max));
  return 1;
}

/* core.parse_date(s) -> year, month, day (0 when absent), or nil, message */
static int l_parse_date(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n), *why = "";
  int y, m, d;
  if (sj_parse_date(s, n, &y, &m, &d, &why)) {
    lua_pushnil(L);
    lua_pushstring(L, why);
    return 2;
  }
  lua_pushinteger(L, y);
  lua_pushinteger(L, m);
  lua_pushinteger(L, d);
  return 3;
}

static const luaL_Reg funcs[] = {
  {"new", l_new},
  {"blank_line", l_blank_line},
  {"cut_piece", l_cut_piece},
  {"parse_date", l_parse_date},
  {NULL, NULL}
};

#if defined(_WIN32)
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int luaopen_shijian_core(lua_State *L);

int luaopen_shijian_core(lua_State *L) {
  if (luaL_newmetatable(L, DOC_MT)) {
    lua_pushcfunction(L, l_docbox_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, MODEL_MT)) {
    luaL_newlib(L, model_methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_close);
    lua_setfield(L, -2, "__gc");
#if LUA_VERSION_NUM >= 504
    lua_pushcfunction(L, l_close);
    lua_setfield(L, -2, "__close");
#endif
    lua_pushcfunction(L, l_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "shijian.model");
    lua_setfield(L, -2, "__name");
  }
  lua_pop(L, 1);
  luaL_newlib(L, funcs);
  lua_pushstring(L, sj_version());
  lua_setfield(L, -2, "version");
  return 1;
}
