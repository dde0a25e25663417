/* cli.h — pieces of the shijian command. */
#ifndef SJ_CLI_H
#define SJ_CLI_H
#include "../core/core.h"
#include <stdio.h>

void json_str(FILE *f, const char *s, size_t n);
/* Write the analysis of text as one JSON object; offsets are shifted by base. */
void json_doc(FILE *f, const sj_doc *d, const char *text, size_t base, int tokens);
#endif
