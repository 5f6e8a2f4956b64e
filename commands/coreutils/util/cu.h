/* cu.h — helpers shared by every utility: GNU-style diagnostics, inputs, outputs. */
#ifndef CU_H
#define CU_H

#include <stdio.h>

#include "multicall.h"

/* Set by cu_init from argv[0] (as given); used as the "prog: " prefix of every diagnostic. */
extern const char *cu_prog;
void cu_init(int argc, char **argv);

/* GNU error(3): prints "prog: message[: strerror(errnum)]" to stderr; exits with status if status != 0. */
void cu_error(int status, int errnum, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* "Try 'prog --help' for more information." after a usage error; exits 1 (or the given status). */
void cu_usage_error(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* GNU quoting of a file name in messages: 'name' (shell-escaped when it contains a quote). Returns a
 * static buffer (rotating among a few), fine for a couple of uses in one message. */
const char *cu_quote(const char *name);

/* Opens an input operand: "-" is stdin. Returns NULL and reports "prog: name: strerror" on failure. */
FILE *cu_open_input(const char *name);
void cu_close_input(FILE *f);

/* Flushes stdout and exits 1 with "prog: write error" if it failed (call before returning from main). */
int cu_finish(int status);

#endif
