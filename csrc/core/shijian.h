/*
 * shijian.h — the public C API of shijian (事件): Chinese news text in,
 * words, sentences, mentions (times, actors, places, names, quantities)
 * and CAMEO-typed events out.
 *
 * Shape of the API (SQLite-like):
 *   - a model (sj_model) holds the embedded lexicon and gazetteers plus an
 *     optional user layer; it is read-only during analysis, so any number of
 *     threads may analyse with one model at once.  Adding user words is a
 *     write: do not run it while another thread analyses with that model.
 *   - an analysis (sj_doc) owns everything it returns; free it with
 *     sj_doc_free().  All strings it hands out live as long as the doc.
 *   - every function that can fail returns an int result code (SJ_OK == 0);
 *     sj_strerror() names a code, sj_model_errmsg() tells the last detailed
 *     message of a model operation (file and line of a bad dictionary line).
 *   - offsets are byte offsets [start, end) into the caller's UTF-8 text.
 *   - nothing in the library aborts, exits or keeps global mutable state.
 */
#ifndef SHIJIAN_H
#define SHIJIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SJ_VERSION "0.1.0"

/* SJ_API marks the library's public functions.  The library is compiled
 * with -fvisibility=hidden, so these are the only names libshijian.so
 * exports. */
#ifndef SJ_API
#if defined(__GNUC__) || defined(__clang__)
#define SJ_API __attribute__((visibility("default")))
#else
#define SJ_API
#endif
#endif

/* ---- result codes ---------------------------------------------------- */
enum {
  SJ_OK = 0,
  SJ_ENOMEM,   /* out of memory */
  SJ_EINVAL,   /* bad argument (NULL where a value is needed, bad option) */
  SJ_ETOOBIG,  /* input longer than SJ_MAX_INPUT bytes */
  SJ_EIO,      /* file could not be opened or read */
  SJ_EDICT,    /* malformed user dictionary (see sj_model_errmsg) */
  SJ_ECORRUPT  /* the embedded image failed its self-check */
};

/* Inputs are limited to 2^31-1 bytes so offsets fit 32 bits. */
#define SJ_MAX_INPUT 0x7fffffffu

SJ_API const char *sj_strerror(int code);
SJ_API const char *sj_version(void);

/* ---- model ----------------------------------------------------------- */
typedef struct sj_model sj_model;

/* A new model over the embedded lexicon.  Costs a few microseconds: the
 * image is used in place, nothing is parsed. */
SJ_API int sj_model_new(sj_model **out);
SJ_API void sj_model_free(sj_model *m);

/* Add one word to the model's user layer.  word is UTF-8 of wlen bytes (it
 * may contain Latin letters, digits, spaces and punctuation); freq <= 0
 * means "a frequency that makes the word win over its parts"; pos may be
 * NULL (then "n").  Returns SJ_EINVAL for an empty, overlong (> 255 bytes)
 * or invalid-UTF-8 word. */
SJ_API int sj_model_add_word(sj_model *m, const char *word, size_t wlen, double freq,
                      const char *pos);

/* Load a user dictionary: lines `word [freq] [pos]` (jieba's format), or,
 * for words with spaces, `word<TAB>freq<TAB>pos`.  '#' starts a comment
 * line; a UTF-8 BOM and CRLF line ends are accepted.  All or nothing: on
 * any malformed line the model is unchanged and sj_model_errmsg() names the
 * file and line. */
SJ_API int sj_model_load_dict(sj_model *m, const char *path);
SJ_API int sj_model_load_dict_buffer(sj_model *m, const char *name, const char *buf,
                              size_t len);

/* Number of words in the user layer. */
SJ_API size_t sj_model_user_words(const sj_model *m);
/* Last detailed error of a model operation ("" if none). */
SJ_API const char *sj_model_errmsg(const sj_model *m);

/* Look a word up: 1 if the model knows it (embedded or user), with its
 * frequency and part-of-speech tag if the pointers are not NULL. */
SJ_API int sj_model_lookup(const sj_model *m, const char *word, size_t wlen,
                    double *freq, const char **pos);

/* ---- analysis -------------------------------------------------------- */
enum {
  SJ_WANT_TOKENS = 1u << 0,    /* word segmentation */
  SJ_WANT_SENTENCES = 1u << 1, /* sentences, clauses, paragraphs */
  SJ_WANT_MENTIONS = 1u << 2,  /* times, actors, places, names, quantities */
  SJ_WANT_EVENTS = 1u << 3,    /* events (implies everything above) */
  SJ_WANT_ALL = 0xfu
};

enum {
  SJ_SEG_NO_HMM = 1u << 0,         /* no out-of-vocabulary model */
  SJ_SEG_SPLIT_MEASURES = 1u << 1  /* 36 批 rather than 36批 (PKU style) */
};

enum {
  SJ_TAG_NO_VAGUE = 1u << 0        /* no PRESENT_REF / PAST_REF / FUTURE_REF times */
};

/* Script of the text (sj_options.script; sj_doc_script's bits).  Auto
 * decides per paragraph from its characters; a traditional paragraph is
 * analysed through a simplified view (OpenCC's tables), and every offset
 * and string the doc returns points into / shows the original text. */
enum {
  SJ_SCRIPT_AUTO = 0,
  SJ_SCRIPT_SIMPLIFIED = 1u << 0,
  SJ_SCRIPT_TRADITIONAL = 1u << 1
};

/* A trigger given by the caller (the Lua user rules): the bytes [start,
 * end) of the text are an event word of this CAMEO code.  Its date,
 * sources, targets, place and flags are filled by the same code as a
 * built-in trigger's; built-in triggers overlapping it give way. */
typedef struct sj_trigger {
  uint32_t start, end;
  char cameo[4];      /* three digits and NUL */
  const char *label;  /* copied into the result; NULL = none */
  int joint;          /* both sides act together: sources = targets */
} sj_trigger;

typedef struct sj_options {
  unsigned want;      /* SJ_WANT_* bits; 0 means SJ_WANT_ALL */
  unsigned seg;       /* SJ_SEG_* bits */
  int ref_year;       /* reference date for times; 0 = infer from text */
  int ref_month;      /* 1..12 or 0 */
  int ref_day;        /* 1..31 or 0 */
  const sj_trigger *triggers; /* caller triggers (any order), or NULL; a span
                                 off the text or its characters, or a code
                                 not of three digits, is SJ_EINVAL */
  size_t ntriggers;
  unsigned tag;       /* SJ_TAG_* bits */
  unsigned script;    /* SJ_SCRIPT_AUTO (0), _SIMPLIFIED or _TRADITIONAL */
} sj_options;

/* Part-of-speech tags are jieba's (n, v, nr, ns, nt, nz, m, q, x, eng...). */
typedef struct sj_token {
  uint32_t start, end;
  const char *pos;
} sj_token;

typedef enum sj_span_kind { SJ_SENTENCE = 1, SJ_CLAUSE, SJ_PARAGRAPH } sj_span_kind;

typedef struct sj_span {
  uint32_t start, end;
  uint32_t para;      /* index of the paragraph the span lies in */
} sj_span;

typedef enum sj_kind {
  SJ_TIME = 1,   /* value: ISO 8601 date, interval a/b, list a,b, open ../b a/.. */
  SJ_DURATION,   /* value: ISO 8601 duration P30Y */
  SJ_ACTOR,      /* codes, type (country|military|government|organization|person), org */
  SJ_PLACE,      /* codes: country of the place or NULL */
  SJ_NAME,       /* type: exercise, competition, meeting, document, unit, equipment, other */
  SJ_QUANTITY    /* number, unit */
} sj_kind;

enum {
  SJ_APPROX = 1u << 0, /* quantity: 余, 多, 近 */
  SJ_VAGUE = 1u << 1,  /* time: a vague reference (PRESENT_REF, PAST_REF, FUTURE_REF) */
  SJ_SET = 1u << 2     /* time: a set (每年 = P1Y) */
};

/* Country codes are ISO 3166-1 alpha-3 ("CHN"), each a NUL-terminated
 * string in a fixed-size cell; a mention or an event role holds at most
 * SJ_MAX_CODES of them, in order, without repeats: read code[0..ncodes). */
#define SJ_MAX_CODES 12
#define SJ_CODE_SIZE 4 /* three letters and NUL */

typedef struct sj_mention {
  uint32_t start, end;
  uint32_t kind;       /* sj_kind */
  uint32_t flags;      /* SJ_APPROX */
  const char *value;   /* normalised value (time, duration) or NULL */
  const char *codes;   /* the codes below as one space-separated string, or NULL
                          (the tagger's own form; read code[] and ncodes) */
  const char *type;    /* actor type / name class / a time's holiday (春节) or NULL */
  const char *org;     /* organisation code for IGO actors or NULL */
  const char *unit;    /* quantity unit or NULL */
  double number;       /* quantity value */
  uint32_t ncodes;     /* actor: its countries; place: its country (code[0]) */
  char code[SJ_MAX_CODES][SJ_CODE_SIZE];
} sj_mention;

enum {
  SJ_NEGATED = 1u << 0,
  SJ_FUTURE = 1u << 1,
  SJ_HYPOTHETICAL = 1u << 2
};

typedef struct sj_event {
  uint32_t start, end;           /* the trigger */
  uint32_t sent_start, sent_end; /* the sentence */
  uint32_t flags;                /* SJ_NEGATED | SJ_FUTURE | SJ_HYPOTHETICAL */
  char cameo[4];                 /* "042" */
  const char *label;             /* short English label of the CAMEO code */
  const char *date;              /* ISO 8601 or NULL */
  const char *sources;           /* source[] as one space-separated string or NULL
                                    (the tagger's own form) */
  const char *targets;           /* target[] likewise */
  const char *place;             /* place text or NULL */
  uint32_t nsources, ntargets;   /* country codes of the parties: who acts, */
  char source[SJ_MAX_CODES][SJ_CODE_SIZE];
  char target[SJ_MAX_CODES][SJ_CODE_SIZE]; /* and whom the act is for */
} sj_event;

typedef struct sj_doc sj_doc;

/* Analyse text[0..len).  On SJ_OK *out is a doc to free with sj_doc_free.
 * Invalid UTF-8 and NUL bytes are accepted: each bad byte becomes a token
 * of its own (pos "x"); offsets stay exact.  opt may be NULL. */
SJ_API int sj_analyze(const sj_model *m, const char *text, size_t len,
               const sj_options *opt, sj_doc **out);
SJ_API void sj_doc_free(sj_doc *d);

SJ_API size_t sj_doc_ntokens(const sj_doc *d);
SJ_API const sj_token *sj_doc_tokens(const sj_doc *d);
SJ_API size_t sj_doc_nspans(const sj_doc *d, sj_span_kind kind);
SJ_API const sj_span *sj_doc_spans(const sj_doc *d, sj_span_kind kind);
SJ_API size_t sj_doc_nmentions(const sj_doc *d);
SJ_API const sj_mention *sj_doc_mentions(const sj_doc *d);
SJ_API size_t sj_doc_nevents(const sj_doc *d);
SJ_API const sj_event *sj_doc_events(const sj_doc *d);
/* The reference year used (given or inferred), 0 if none. */
SJ_API int sj_doc_ref_year(const sj_doc *d);
/* The reference date used: year (0 if none), month and day (0 if unknown). */
SJ_API void sj_doc_ref_date(const sj_doc *d, int *year, int *month, int *day);

/* The script(s) analysed: SJ_SCRIPT_SIMPLIFIED, SJ_SCRIPT_TRADITIONAL or
 * both bits (some paragraphs of each). */
SJ_API int sj_doc_script(const sj_doc *d);
/* "simplified", "traditional", "mixed" for those bits ("" otherwise). */
SJ_API const char *sj_script_name(int script);

SJ_API const char *sj_kind_name(sj_kind k);

/* ---- characters, as the library reads them ---------------------------- */
/* For callers that must agree with the analysis on characters and white
 * space (cutting input into pieces, validating output).
 * Decode the character at text[i] of a text of len bytes and return its
 * length in bytes (1..4).  A byte that does not start valid UTF-8 is a
 * character of its own: length 1, *cp = SJ_BADCHAR.  At or past the end
 * there is no character: length 0, *cp = 0. */
#define SJ_BADCHAR 0xFFFFFFFFu
SJ_API int sj_utf8_next(const char *text, size_t len, size_t i, uint32_t *cp);
/* 1 if cp is white space to the library (ASCII blanks and line ends,
 * U+0085, U+00A0, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000),
 * else 0. */
SJ_API int sj_is_space(uint32_t cp);

/* ---- paragraphs, pieces and reference dates, for front ends ----------- *
 * The one definition of each, shared by the command, the Lua stream
 * helpers and the Neovim plugin (through the binding), so that a text cut
 * into paragraphs or pieces by any of them is cut the same way.
 *
 * A line is blank when every character of it is white space (sj_is_space:
 * ASCII blanks, U+3000 and the other Unicode spaces); a paragraph is a run
 * of lines that are not blank, so a blank line ends it.  text[0..len) is
 * one line (a final "\n" or "\r\n" may be included); 1 if blank, else 0.
 * The empty line is blank. */
SJ_API int sj_blank_line(const char *text, size_t len);

/* A piece text[0..len) too long to analyse at once (len >= 1) is cut where
 * this returns (1..len bytes go into the first piece): after its last line
 * end, else after the last sentence stop (。！？；!?;) in its second half,
 * else after the last space, comma or U+3000 in its second half, else at
 * its last character boundary (never inside a UTF-8 sequence that is
 * complete).  Callers pass at most their limit: every piece is then at most
 * that long.  0 only for len == 0. */
SJ_API size_t sj_cut_piece(const char *text, size_t len);

/* Parse a reference date text[0..len): "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * (year 1..9999 in 1 to 4 digits, month and day in 1 or 2 digits, the day
 * inside its month).  SJ_OK with *year, *month (0 if absent) and *day (0 if
 * absent) set, or SJ_EINVAL with *why (if why is not NULL) saying what is
 * wrong (a static string such as "the month is not 1..12"). */
SJ_API int sj_parse_date(const char *text, size_t len, int *year, int *month, int *day,
                         const char **why);

#ifdef __cplusplus
}
#endif
#endif
