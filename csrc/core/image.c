/* image.c — maps the embedded image (built offline by sjdictc) in place.
 * Mapping checks the header and section bounds; it reads no file and
 * parses nothing, so it costs microseconds. */
#include "core.h"
#include "image.h"
#include <string.h>

extern const size_t sj_embedded_image_size;
extern const unsigned char *const sj_embedded_image_ptr;

int sj_image_map(sj_image *img, const void *data, size_t len) {
  sj_image_header h;
  if (!data || len < sizeof h || ((uintptr_t)data & 7u)) return SJ_ECORRUPT;
  memcpy(&h, data, sizeof h);
  if (h.magic != SJ_IMAGE_MAGIC || h.version != SJ_IMAGE_VERSION || h.total != len)
    return SJ_ECORRUPT;
  for (int i = 0; i < SEC_COUNT; i++)
    if ((size_t)h.off[i] + h.len[i] > len || (h.off[i] & 7u)) return SJ_ECORRUPT;
  if (h.len[SEC_CMAP] != 0x10000 * 2 || h.len[SEC_BIGMAP] != h.nbig * 8u ||
      h.len[SEC_LEX_CELLS] != h.nlexcells * 8u ||
      h.len[SEC_LEX_POS] != h.nlexcells ||
      h.len[SEC_POS_OFF] != h.npos * 4u ||
      h.len[SEC_HMM] != (20u + 4u * (h.nchars + 1u)) * 4u ||
      h.len[SEC_GAZ_CELLS] != h.ngazcells * 8u ||
      h.len[SEC_GAZ_OFF] != h.ngaz * 4u || h.nstrs != h.len[SEC_STRS] || h.nstrs == 0 ||
      h.nlexcells == 0 || h.ngazcells == 0 || h.len[SEC_CHINFO] != h.nchars + 1u ||
      h.len[SEC_GAZ_KIND] != h.ngaz * 2u || h.len[SEC_GAZ_START] != (h.nchars + 1u) * 2u ||
      h.len[SEC_SUF_CELLS] != h.nsufcells * 8u || h.nsufcells == 0 ||
      h.len[SEC_GIVEN] != (h.nchars + 3u + 2u * (h.nchars + 1u)) * 4u ||
      h.len[SEC_T2S_FLAGS] != 0x10000u || h.len[SEC_T2S_CHARS] != h.nt2schars * 8u ||
      h.len[SEC_T2S_PHR] != h.nt2sphr * 16u || h.len[SEC_T2S_BMP] != 0x40000u ||
      h.len[SEC_CUE_CLS] != h.ncuecls * 4u || h.cuew == 0 || h.ncuesets == 0 ||
      h.cuew != (h.ncuecls + 63u) / 64u + (h.ncuecls == 0) ||
      h.len[SEC_CUE_SETS] != (uint64_t)h.ncuesets * h.cuew * 8u ||
      h.len[SEC_GAZ_CUE] != h.ngaz * 2u || h.len[SEC_CUE_START] != (h.nchars + 1u) * 2u ||
      h.len[SEC_CUE_HASH] < 4u || (h.len[SEC_CUE_HASH] & (h.len[SEC_CUE_HASH] - 2u)) ||
      h.len[SEC_CUE_HASH] / 2u < 2u * h.ncuecls)
    return SJ_ECORRUPT;
  const unsigned char *p = data;
  img->cmap = (const uint16_t *)(const void *)(p + h.off[SEC_CMAP]);
  img->bigmap = (const uint32_t *)(const void *)(p + h.off[SEC_BIGMAP]);
  img->nbig = h.nbig;
  img->nchars = h.nchars;
  img->lex.cells = (const int32_t *)(const void *)(p + h.off[SEC_LEX_CELLS]);
  img->lex.n = h.nlexcells;
  img->lex_pos = p + h.off[SEC_LEX_POS];
  img->nlex = h.nlex;
  img->log_total = h.log_total_milli / 1e6;
  img->npos = h.npos;
  img->pos_off = (const uint32_t *)(const void *)(p + h.off[SEC_POS_OFF]);
  const float *hmm = (const float *)(const void *)(p + h.off[SEC_HMM]);
  img->hmm_start = hmm;
  img->hmm_trans = hmm + 4;
  img->hmm_emit = hmm + 20;
  img->gaz.cells = (const int32_t *)(const void *)(p + h.off[SEC_GAZ_CELLS]);
  img->gaz.n = h.ngazcells;
  img->gaz_off = (const uint32_t *)(const void *)(p + h.off[SEC_GAZ_OFF]);
  img->ngaz = h.ngaz;
  img->chinfo = p + h.off[SEC_CHINFO];
  img->given = (const float *)(const void *)(p + h.off[SEC_GIVEN]);
  img->namech = img->given + h.nchars + 3;
  img->gaz_kind = (const uint16_t *)(const void *)(p + h.off[SEC_GAZ_KIND]);
  img->gaz_start = (const uint16_t *)(const void *)(p + h.off[SEC_GAZ_START]);
  img->suf.cells = (const int32_t *)(const void *)(p + h.off[SEC_SUF_CELLS]);
  img->suf.n = h.nsufcells;
  img->strs = (const char *)(p + h.off[SEC_STRS]);
  img->nstrs = h.nstrs;
  img->t2s_flags = p + h.off[SEC_T2S_FLAGS];
  img->t2s_chars = (const uint32_t *)(const void *)(p + h.off[SEC_T2S_CHARS]);
  img->t2s_phr = (const uint32_t *)(const void *)(p + h.off[SEC_T2S_PHR]);
  img->t2s_strs = (const char *)(p + h.off[SEC_T2S_STRS]);
  img->nt2schars = h.nt2schars;
  img->nt2sphr = h.nt2sphr;
  img->nt2sstrs = h.len[SEC_T2S_STRS];
  img->t2s_bmp = (const uint32_t *)(const void *)(p + h.off[SEC_T2S_BMP]);
  img->cue_cls = (const uint32_t *)(const void *)(p + h.off[SEC_CUE_CLS]);
  img->cue_sets = (const uint64_t *)(const void *)(p + h.off[SEC_CUE_SETS]);
  img->gaz_cue = (const uint16_t *)(const void *)(p + h.off[SEC_GAZ_CUE]);
  img->cue_start = (const uint16_t *)(const void *)(p + h.off[SEC_CUE_START]);
  img->ncuecls = h.ncuecls;
  img->ncuesets = h.ncuesets;
  img->cuew = h.cuew;
  img->cue_hash = (const uint16_t *)(const void *)(p + h.off[SEC_CUE_HASH]);
  img->ncuehash = h.len[SEC_CUE_HASH] / 2u;
  if (img->strs[img->nstrs - 1] != '\0') return SJ_ECORRUPT;
  /* set indices are checked where they are read (sj_cue_has), names here */
  for (uint32_t i = 0; i < h.ncuecls; i++)
    if (img->cue_cls[i] >= h.nstrs) return SJ_ECORRUPT;
  return SJ_OK;
}

int sj_image_get(sj_image *img) {
  return sj_image_map(img, sj_embedded_image_ptr, sj_embedded_image_size);
}

const char *sj_image_pos(const sj_image *img, uint32_t posid) {
  if (posid >= img->npos || img->pos_off[posid] >= img->nstrs) return "x";
  return img->strs + img->pos_off[posid];
}
