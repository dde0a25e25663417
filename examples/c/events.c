/* events.c — the events of a Chinese news text through the installed C
 * library, one tab-separated line each: date, CAMEO code, label, trigger,
 * sources, targets, place.
 *
 *   cc -std=c11 events.c $(pkg-config --cflags --libs shijian) -o events
 *   ./events [--ref YYYY] < news.txt
 */
#include <shijian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* all of standard input in one heap buffer (*len bytes); NULL on error */
static char *read_all(FILE *in, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    n += fread(buf + n, 1, cap - n, in);
    if (n < cap) break;
    if (cap > SJ_MAX_INPUT / 2) { free(buf); return NULL; }
    char *bigger = realloc(buf, cap * 2);
    if (!bigger) { free(buf); return NULL; }
    buf = bigger;
    cap *= 2;
  }
  if (ferror(in)) { free(buf); return NULL; }
  *len = n;
  return buf;
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

int main(int argc, char **argv) {
  sj_options opt = {0};
  if (argc == 3 && !strcmp(argv[1], "--ref")) opt.ref_year = atoi(argv[2]);
  else if (argc != 1) {
    fprintf(stderr, "usage: %s [--ref YYYY] < text\n", argv[0]);
    return 2;
  }
  size_t len;
  char *text = read_all(stdin, &len);
  if (!text) { fprintf(stderr, "events: cannot read the input\n"); return 1; }

  sj_model *model = NULL;
  sj_doc *doc = NULL;
  int rc = sj_model_new(&model);
  if (rc == SJ_OK) rc = sj_analyze(model, text, len, &opt, &doc);
  if (rc != SJ_OK) {
    fprintf(stderr, "events: %s\n", sj_strerror(rc));
    sj_model_free(model);
    free(text);
    return 1;
  }
  const sj_event *ev = sj_doc_events(doc);
  for (size_t i = 0; i < sj_doc_nevents(doc); i++)
    printf("%s\t%s\t%s\t%.*s\t%s\t%s\t%s\n", or_dash(ev[i].date), ev[i].cameo, or_dash(ev[i].label),
           (int)(ev[i].end - ev[i].start), text + ev[i].start, or_dash(ev[i].sources),
           or_dash(ev[i].targets), or_dash(ev[i].place));
  sj_doc_free(doc);
  sj_model_free(model);
  free(text);
  return ferror(stdout) ? 1 : 0;
}
