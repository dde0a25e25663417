/*
 * image.h — layout of the binary image that sjdictc writes and image.c
 * maps.  Shared by the compiler and the library; not installed.
 *
 * The image is one block of native-endian, 8-aligned sections described by
 * a header of 32-bit words.  It is compiled offline from dict/ and embedded
 * in the library, so the library uses it in place and parses nothing.
 */
#ifndef SJ_IMAGE_H
#define SJ_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SJ_IMAGE_MAGIC 0x4D494A53u /* "SJIM" */
#define SJ_IMAGE_VERSION 11u

enum sj_image_sec {
  SEC_CMAP,      /* uint16[0x10000] */
  SEC_BIGMAP,    /* uint32[2 * nbig] */
  SEC_LEX_CELLS, /* int32[2 * nlexcells]: base, check of each cell */
  SEC_LEX_POS,   /* uint8[nlexcells]: tag of the word ending at a terminator cell,
                    whose base holds the word's log probability (float bits) */
  SEC_POS_OFF,   /* uint32[npos] offsets into STRS */
  SEC_HMM,       /* float[4 + 16 + 4 * (nchars + 1)] */
  SEC_GAZ_CELLS, /* int32[2 * ngazcells] */
  SEC_GAZ_OFF,   /* uint32[ngaz] offsets into STRS */
  SEC_STRS,      /* char[nstrs] */
  SEC_CHINFO,    /* uint8[nchars + 1]: 1..10 Chinese digits 0..9, 11..15 十百千万亿 */
  SEC_GAZ_KIND,  /* uint16[ngaz]: per value, the SJ_K_* bits of its entries */
  SEC_GAZ_START, /* uint16[nchars + 1]: per char id, the SJ_K_* bits of the
                    entries whose surface starts with it (0: no walk needed) */
  SEC_SUF_CELLS, /* int32[2 * nsufcells]: trie over the reversed surfaces of
                    the SJ_K_SUFFIXES entries; a terminator's base is the
                    entry's value index (as in the gazetteer trie) */
  SEC_GIVEN,     /* float[nchars + 3]: log P(char | a given name), from the lexicon's
                    person names (nr) after a gazetteer surname; then log P(the
                    given name has 1 char), log P(it has 2); then float[2 * (nchars + 1)]:
                    per char id, log P(char | given name) / P(char | any word) and
                    log P(char | transliterated name, nrt) / P(char | any word) */
  SEC_T2S_FLAGS, /* uint8[0x10000]: per BMP code point, SJ_T2S_* bits (dict/opencc/) */
  SEC_T2S_CHARS, /* uint32[2 * nt2schars]: traditional cp, simplified cp; sorted */
  SEC_T2S_PHR,   /* uint32[4 * nt2sphr]: key offset, key length, value offset, value
                    length (bytes, into T2S_STRS) of each phrase; sorted by key bytes */
  SEC_T2S_STRS,  /* char[]: the phrases' UTF-8 keys and values */
  SEC_T2S_BMP,   /* uint32[0x10000]: per BMP code point, low 16 bits its simplified
                    BMP code point (0: none there), high 16 bits 1 + the index of
                    the first phrase key starting with it (0: none) */
  SEC_CUE_CLS,   /* uint32[ncuecls]: offsets into STRS of the cue class names (the
                    field after `cue` in dict/gaz/cues-*.tsv), sorted by strcmp;
                    a class's id is its index */
  SEC_CUE_SETS,  /* uint64[ncuesets * cuew]: distinct sets of class ids, bit id of
                    word id / 64; set 0 is empty */
  SEC_GAZ_CUE,   /* uint16[ngaz]: per value, the set of the classes of its cue lines */
  SEC_CUE_START, /* uint16[nchars + 1]: per char id, the set of the classes of the
                    cue entries whose surface starts with it */
  SEC_CUE_HASH,  /* uint16[2^k >= 2 * ncuecls]: 1 + class id by sj_cue_hash of the name,
                    open addressing (next slot on a collision), 0 empty */
  SEC_COUNT
};

/* the hash of a cue class name (FNV-1a), shared by the compiler and the library */
static inline uint32_t sj_cue_hash(const char *s) {
  uint32_t h = 2166136261u;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) h = (h ^ *p) * 16777619u;
  return h;
}

/* Gazetteer kinds (dict/gaz/README.md), one bit each.  They are part of the
 * image format: the compiler stores per value the union of its entries'
 * kinds, so the library never parses a payload to learn its kinds. */
enum sj_gaz_kind {
  SJ_K_COUNTRY = 1u << 0, SJ_K_ABBR = 1u << 1, SJ_K_ORG = 1u << 2, SJ_K_MIL = 1u << 3,
  SJ_K_GOV = 1u << 4, SJ_K_TITLE = 1u << 5, SJ_K_PLACE = 1u << 6, SJ_K_PLACESUFFIX = 1u << 7,
  SJ_K_NAMESUFFIX = 1u << 8, SJ_K_TRIGGER = 1u << 9, SJ_K_SURNAME = 1u << 10,
  SJ_K_PERSON = 1u << 11, SJ_K_NUM = 1u << 12, SJ_K_CUE = 1u << 13, SJ_K_CAL = 1u << 14,
  SJ_K_TGRAM = 1u << 15 /* the time and quantity grammar's words (time.c, qty.c) */
};
/* Per-code-point bits of SEC_T2S_FLAGS (script.c) */
enum sj_t2s_flag {
  SJ_T2S_TRAD = 1u << 0,   /* only traditional text uses it (國, 發) */
  SJ_T2S_SIMP = 1u << 1,   /* only simplified text uses it (国, 发) */
  SJ_T2S_PHRASE = 1u << 2, /* a phrase key of SEC_T2S_PHR starts with it */
  SJ_T2S_CHAR = 1u << 3    /* SEC_T2S_CHARS maps it */
};

/* kinds that are endings of longer names: also in the reversed trie */
#define SJ_K_SUFFIXES (SJ_K_PLACESUFFIX | SJ_K_NAMESUFFIX | SJ_K_TITLE)

/* the bit of the kind name k[0..l) (0: unknown) */
static inline uint32_t sj_kind_bit(const char *k, size_t l) {
#define SJ_KB_(name, bit) \
  if (l == sizeof name - 1 && !memcmp(k, name, l)) return bit
  switch (l ? k[0] : 0) {
  case 'a': SJ_KB_("abbr", SJ_K_ABBR); break;
  case 'c': SJ_KB_("country", SJ_K_COUNTRY); SJ_KB_("cue", SJ_K_CUE); SJ_KB_("cal", SJ_K_CAL);
            break;
  case 'g': SJ_KB_("gov", SJ_K_GOV); break;
  case 'm': SJ_KB_("mil", SJ_K_MIL); break;
  case 'n': SJ_KB_("namesuffix", SJ_K_NAMESUFFIX); SJ_KB_("num", SJ_K_NUM); break;
  case 'o': SJ_KB_("org", SJ_K_ORG); break;
  case 'p': SJ_KB_("place", SJ_K_PLACE); SJ_KB_("placesuffix", SJ_K_PLACESUFFIX);
            SJ_KB_("person", SJ_K_PERSON); break;
  case 's': SJ_KB_("surname", SJ_K_SURNAME); break;
  case 't': SJ_KB_("title", SJ_K_TITLE); SJ_KB_("trigger", SJ_K_TRIGGER);
            SJ_KB_("tgram", SJ_K_TGRAM); break;
  default: break;
  }
#undef SJ_KB_
  return 0;
}

typedef struct sj_image_header {
  uint32_t magic, version, total;
  uint32_t nchars, nbig, nlexcells, nlex, npos, ngazcells, ngaz, nstrs, nsufcells;
  uint32_t log_total_milli; /* round(log(total freq) * 1e6) */
  uint32_t nt2schars, nt2sphr;
  uint32_t ncuecls, ncuesets, cuew;
  uint32_t off[SEC_COUNT];
  uint32_t len[SEC_COUNT];
} sj_image_header;

#endif
