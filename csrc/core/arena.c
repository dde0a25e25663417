/* arena.c — the per-analysis arena (strings and small records, freed at
 * once) and a growable array. */
#include "core.h"
#include <stdlib.h>
#include <string.h>

struct sj_chunk {
  struct sj_chunk *next;
  size_t cap;
  max_align_t data[];
};

void sj_arena_init(sj_arena *a) { a->head = NULL; a->used = a->cap = 0; }

void sj_arena_free(sj_arena *a) {
  struct sj_chunk *c = a->head;
  while (c) {
    struct sj_chunk *next = c->next;
    free(c);
    c = next;
  }
  sj_arena_init(a);
}

void *sj_arena_alloc(sj_arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (n == 0) n = 8;
  if (!a->head || a->cap - a->used < n) {
    size_t cap = a->head ? a->head->cap * 2 : 4096;
    if (cap > (1u << 20)) cap = 1u << 20;
    if (cap < n) cap = n;
    struct sj_chunk *c = malloc(sizeof *c + cap);
    if (!c) return NULL;
    c->next = a->head;
    c->cap = cap;
    a->head = c;
    a->cap = cap;
    a->used = 0;
  }
  void *p = (char *)a->head->data + a->used;
  a->used += n;
  return p;
}

char *sj_arena_strndup(sj_arena *a, const char *s, size_t n) {
  char *p = sj_arena_alloc(a, n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void sj_vec_init(sj_vec *v, size_t item_size) {
  v->data = NULL;
  v->n = v->cap = 0;
  v->size = item_size;
}

void sj_vec_free(sj_vec *v) {
  free(v->data);
  v->data = NULL;
  v->n = v->cap = 0;
}

int sj_vec_reserve(sj_vec *v, size_t n) {
  if (n <= v->cap) return SJ_OK;
  /* a first reservation is taken as given (an estimate: no rounding up);
   * growth after it doubles */
  size_t cap = v->cap ? v->cap : n > 16 ? n : 16;
  while (cap < n) {
    if (cap > ((size_t)-1) / 2 / v->size) return SJ_ENOMEM;
    cap *= 2;
  }
  if (cap > ((size_t)-1) / v->size) return SJ_ENOMEM;
  void *p = realloc(v->data, cap * v->size);
  if (!p) return SJ_ENOMEM;
  v->data = p;
  v->cap = cap;
  return SJ_OK;
}

int sj_vec_reserve_exact(sj_vec *v, size_t n) {
  if (n <= v->cap) return SJ_OK;
  if (n > ((size_t)-1) / v->size) return SJ_ENOMEM;
  void *p = realloc(v->data, n * v->size);
  if (!p) return SJ_ENOMEM;
  v->data = p;
  v->cap = n;
  return SJ_OK;
}

void *sj_vec_push(sj_vec *v) {
  if (v->n == v->cap && sj_vec_reserve(v, v->n + 1) != SJ_OK) return NULL;
  void *p = (char *)v->data + v->n * v->size;
  memset(p, 0, v->size);
  v->n++;
  return p;
}
