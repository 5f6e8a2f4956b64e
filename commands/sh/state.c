/* state.c — the state a child sh needs to run a subshell without fork.
 *
 * The parent writes records into a pipe the child inherits as fd 10 (`sh -\1state 10`). Each record is
 * a sequence of NUL-terminated strings starting with a tag:
 *   V name value flags      a variable (flags: V_EXPORT|V_READONLY|V_UNSET)
 *   F name text line        a function definition as shell text (parsed by the child)
 *   A name value            an alias
 *   O 0101...               option flags in opt_names order
 *   T sig                   a signal whose trap is "ignore" (other traps reset in subshells)
 *   H name path             a remembered command location (hash)
 *   P n arg1 .. argn        positional parameters
 *   S $0 $? $$ $! errexit_off funcdepth loopdepth
 *   C code line             the code to run, starting at that line number
 */
#include "sh.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void put(Str *b, const char *s) { str_addn(b, s, strlen(s) + 1); }
static void puti(Str *b, long long v) {
    char nb[32];
    snprintf(nb, sizeof nb, "%lld", v);
    put(b, nb);
}

char *state_serialize(const char *code, int code_line, size_t *len) {
    Str b = {0};
    int n;
    Var **all = var_all_sorted(&n);
    for (int i = 0; i < n; i++) {
        put(&b, "V");
        put(&b, all[i]->name);
        put(&b, all[i]->value ? all[i]->value : "");
        puti(&b, all[i]->flags);
    }
    free(all);
    for (Func *f = funcs; f; f = f->next) {
        Node fn = {0};
        fn.type = N_FUNC;
        fn.name = f->name;
        fn.a = f->body;
        fn.lineno = f->body ? f->body->lineno : 1;
        int line;
        char *text = node_to_text(&fn, &line);
        put(&b, "F");
        put(&b, f->name);
        put(&b, text);
        puti(&b, line);
        free(text);
    }
    for (Alias *a = aliases; a; a = a->next) {
        put(&b, "A");
        put(&b, a->name);
        put(&b, a->value);
    }
    char o[O_COUNT + 1];
    for (int i = 0; i < O_COUNT; i++) o[i] = opts[i] ? '1' : '0';
    o[O_COUNT] = 0;
    put(&b, "O");
    put(&b, o);
    for (int s = 0; s < 65; s++) {
        if (s && traps[s] && !*traps[s]) {
            put(&b, "T");
            puti(&b, s);
        }
    }
    for (int i = 0; i < hash_count(); i++) {
        put(&b, "H");
        put(&b, hash_name(i));
        put(&b, hash_path(i));
    }
    put(&b, "P");
    puti(&b, nposargs);
    for (int i = 0; i < nposargs; i++) put(&b, posargs[i]);
    put(&b, "S");
    put(&b, arg0);
    puti(&b, exit_status);
    puti(&b, shell_pid);
    puti(&b, last_bg_pid);
    puti(&b, errexit_off);
    puti(&b, funcdepth);
    puti(&b, loopdepth);
    put(&b, "C");
    put(&b, code);
    puti(&b, code_line);
    *len = b.len;
    return str_take(&b);
}

static const char *next(char **p, char *end) {
    if (*p >= end) return "";
    const char *s = *p;
    *p += strlen(s) + 1;
    return s;
}

int state_load(int fd, char **code, int *code_line) {
    Str b = {0};
    char buf[8192];
    for (;;) {
        ssize_t k = read(fd, buf, sizeof buf);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        str_addn(&b, buf, (size_t)k);
    }
    close(fd);
    char *p = b.s, *end = b.s + b.len;
    *code = NULL;
#define NEXT() next(&p, end)
    parse_noalias++;
    while (p && p < end) {
        const char *tag = NEXT();
        if (!strcmp(tag, "V")) {
            const char *name = NEXT(), *value = NEXT();
            int flags = atoi(NEXT());
            Var *v;
            var_set(name, value, 0);
            v = var_lookup(name);
            if (v) v->flags = flags;
        } else if (!strcmp(tag, "F")) {
            NEXT();
            const char *text = NEXT();
            int line = atoi(NEXT());
            Node *n = parse_string(text, line);
            if (n) exec_node(n, 0);
        } else if (!strcmp(tag, "A")) {
            const char *name = NEXT(), *value = NEXT();
            Alias *a = calloc(1, sizeof *a);
            a->name = xstrdup(name);
            a->value = xstrdup(value);
            a->next = aliases;
            aliases = a;
        } else if (!strcmp(tag, "O")) {
            const char *o = NEXT();
            for (int i = 0; i < O_COUNT && o[i]; i++) opts[i] = o[i] == '1';
        } else if (!strcmp(tag, "T")) {
            int s = atoi(NEXT());
            if (s > 0 && s < 65) traps[s] = xstrdup("");
        } else if (!strcmp(tag, "H")) {
            const char *name = NEXT(), *path = NEXT();
            hash_add(name, path);
        } else if (!strcmp(tag, "P")) {
            int n = atoi(NEXT());
            posargs = xmalloc(sizeof(char *) * (size_t)(n + 1));
            for (int i = 0; i < n; i++) posargs[i] = xstrdup(NEXT());
            posargs[n] = NULL;
            nposargs = n;
        } else if (!strcmp(tag, "S")) {
            arg0 = xstrdup(NEXT());
            exit_status = atoi(NEXT());
            shell_pid = atoi(NEXT());
            last_bg_pid = atoi(NEXT());
            errexit_off = atoi(NEXT());
            funcdepth = atoi(NEXT());
            loopdepth = atoi(NEXT());
        } else if (!strcmp(tag, "C")) {
            *code = xstrdup(NEXT());
            *code_line = atoi(NEXT());
        } else
            break;
    }
    parse_noalias--;
    free(b.s);
    return *code ? 0 : -1;
}
