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

#include <stdint.h>

#define SJ_IMAGE_MAGIC 0x4D494A53u /* "SJIM" */
#define SJ_IMAGE_VERSION 4u

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
  SEC_COUNT
};

typedef struct sj_image_header {
  uint32_t magic, version, total;
  uint32_t nchars, nbig, nlexcells, nlex, npos, ngazcells, ngaz, nstrs;
  uint32_t log_total_milli; /* round(log(total freq) * 1e6) */
  uint32_t off[SEC_COUNT];
  uint32_t len[SEC_COUNT];
} sj_image_header;

#endif
