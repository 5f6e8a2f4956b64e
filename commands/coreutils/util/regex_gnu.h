/* regex_gnu.h — a backtracking matcher for POSIX BRE/ERE with the GNU extensions
 * (\+ \? \| in BRE, \w \W \s \S \b \B \< \> \` \', back-references, {,n}), leftmost-longest results. */
#ifndef REGEX_GNU_H
#define REGEX_GNU_H

#include <stddef.h>

#define RX_EXTENDED 1
#define RX_ICASE 2
#define RX_GREP 4  /* GNU grep checks ([:space:] outside brackets is an error) */
#define RX_PERL 8  /* -P subset: ERE plus \d \D, (?:...), lazy quantifiers, escapes in brackets; leftmost-first */

#define RX_NOTBOL 1  /* offset 0 of the subject is not the beginning of a line */
#define RX_NOTEOL 2  /* the end of the subject is not the end of a line */
#define RX_FIRST 4   /* any match will do (no need for the longest one) */
#define RX_WORDMATCH 8  /* only matches with non-word characters (or edges) on both sides */
#define RX_LINEMATCH 16 /* only matches covering the whole subject */
#define RX_ANCHORED 32  /* only a match starting at `start` */

typedef struct rx rx_t;
typedef struct { long so, eo; } rx_match_t; /* -1 when the group did not participate */

/* The last compile warning (GNU grep 3.8 wording, e.g. "* at start of expression"), or NULL. */
extern const char *rx_warning;

/* Compiles pat[0..len). Returns NULL and sets *err to a GNU message on failure. */
rx_t *rx_compile(const char *pat, size_t len, int flags, const char **err);
void rx_free(rx_t *r);
int rx_nsub(const rx_t *r);
/* Searches s[0..len) for a match starting at or after `start`. Returns 1 and fills m[0..nm) on a match. */
int rx_exec(const rx_t *r, const char *s, size_t len, size_t start, int eflags, rx_match_t *m, int nm);

#endif
