/* awk — POSIX awk: command line, globals setup; the interpreter lives in util/awk_*.c. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "awk.h"
#include "cu.h"

SE_COMMAND("awk", awk_main)

extern char **environ;

static const char *special_names[V_NSPECIAL] = {
    "NF", "NR", "FNR", "FS", "OFS", "ORS", "RS", "SUBSEP", "RSTART", "RLENGTH", "FILENAME",
    "CONVFMT", "OFMT", "ENVIRON", "ARGC", "ARGV"};

static int find_global(const char *name, size_t len) {
    for (int i = 0; i < awk_nglobals; i++)
        if (strncmp(awk_global_names[i], name, len) == 0 && awk_global_names[i][len] == 0) return i;
    return -1;
}

static size_t assign_name_len(const char *arg) {
    if (!isalpha((unsigned char)arg[0]) && arg[0] != '_') return 0;
    size_t i = 1;
    while (isalnum((unsigned char)arg[i]) || arg[i] == '_') i++;
    return arg[i] == '=' ? i : 0;
}

int awk_cmdline_assign(const char *arg) {
    size_t n = assign_name_len(arg);
    if (!n) return 0;
    int idx = find_global(arg, n);
    if (idx < 0) return 1; /* not used by the program */
    const char *val = arg + n + 1;
    Var *v = &awk_globals[idx];
    if (v->arr) awk_fatal("cannot assign to array `%.*s'", (int)n, arg);
    awk_set_var(v, awkv_maybe(awk_process_escapes(val, strlen(val))));
    return 1;
}

static void set_str(int idx, const char *s) {
    awk_set_var(&awk_globals[idx], v_str(awkstr_cstr(s)));
}

static void usage(void) {
    fprintf(stderr, "usage: awk [-F fs][-v var=value][prog | -f progfile ...][file ...]\n");
    exit(1);
}

static char *read_file(const char *name, size_t *len) {
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f) {
        fprintf(stderr, "awk: fatal: can't open source file `%s' for reading: %s\n", name, strerror(errno));
        exit(2);
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    if (f != stdin) fclose(f);
    *len = n;
    return buf;
}

int awk_main(int argc, char **argv) {
    cu_init(argc, argv);
    awk_values_init();
    Source *srcs = calloc((size_t)argc + 1, sizeof *srcs);
    int nsrcs = 0;
    const char **assigns = calloc((size_t)argc + 1, sizeof *assigns);
    int nassigns = 0;
    const char *fs = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        char opt = a[1];
        const char *val;
        if (opt == 'F' || opt == 'v' || opt == 'f') {
            if (a[2]) val = a + 2;
            else if (i + 1 < argc) val = argv[++i];
            else {
                fprintf(stderr, "awk: option requires an argument -- %c\n", opt);
                usage();
            }
            if (opt == 'F') fs = val;
            else if (opt == 'v') {
                if (!assign_name_len(val)) {
                    fprintf(stderr, "awk: fatal: `%s' argument to `-v' not in `var=value' form\n", val);
                    exit(2);
                }
                assigns[nassigns++] = val;
            } else {
                size_t len;
                srcs[nsrcs].text = read_file(val, &len);
                srcs[nsrcs].len = len;
                srcs[nsrcs].name = val;
                nsrcs++;
            }
        } else if (strcmp(a, "--version") == 0) {
            printf("awk (SecureExec) 1.0\n");
            return 0;
        } else {
            fprintf(stderr, "awk: invalid option -- '%c'\n", opt);
            usage();
        }
    }
    if (nsrcs == 0) {
        if (i >= argc) usage();
        srcs[0].text = argv[i];
        srcs[0].len = strlen(argv[i]);
        srcs[0].name = NULL;
        nsrcs = 1;
        i++;
    }

    for (int k = 0; k < V_NSPECIAL; k++) awk_global_index(special_names[k]);
    Program prog;
    awk_parse(srcs, nsrcs, &prog);
    for (int k = 0; k < nassigns; k++) {
        char name[256];
        size_t n = assign_name_len(assigns[k]);
        if (n < sizeof name) {
            memcpy(name, assigns[k], n);
            name[n] = 0;
            awk_global_index(name);
        }
    }
    awk_globals = calloc((size_t)awk_nglobals, sizeof(Var));
    awk_convfmt = awkstr_cstr("%.6g");
    awk_ofmt = awkstr_cstr("%.6g");
    awk_ofs = awkstr_cstr(" ");
    awk_ors = awkstr_cstr("\n");
    awk_subsep = awkstr_cstr("\034");
    awkio_init();
    awk_random_init();

    set_str(V_FS, " ");
    set_str(V_OFS, " ");
    set_str(V_ORS, "\n");
    set_str(V_RS, "\n");
    set_str(V_SUBSEP, "\034");
    set_str(V_CONVFMT, "%.6g");
    set_str(V_OFMT, "%.6g");
    awk_globals[V_NR].v = v_num(0);
    awk_globals[V_NF].v = v_num(0);
    awk_globals[V_FNR].v = v_num(0);
    awk_globals[V_RSTART].v = v_num(0);
    awk_globals[V_RLENGTH].v = v_num(-1);
    Array *env = awk_var_array(&awk_globals[V_ENVIRON]);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Str *key = awkstr_new(*e, (size_t)(eq - *e));
        Value *slot = awkarr_get(env, key, 1);
        *slot = awkv_maybe(awkstr_cstr(eq + 1));
        awkstr_unref(key);
    }
    Array *av = awk_var_array(&awk_globals[V_ARGV]);
    Str *k0 = awkstr_cstr("0");
    *awkarr_get(av, k0, 1) = v_str(awkstr_cstr("awk"));
    awkstr_unref(k0);
    int n = 1;
    for (; i < argc; i++, n++) {
        Str *key = awk_num_to_str(n, "%.6g");
        *awkarr_get(av, key, 1) = awkv_maybe(awkstr_cstr(argv[i]));
        awkstr_unref(key);
    }
    awk_globals[V_ARGC].v = v_num(n);

    if (fs) {
        Str *f = awk_process_escapes(fs, strlen(fs));
        awk_set_var(&awk_globals[V_FS], v_str(f));
    }
    for (int k = 0; k < nassigns; k++) awk_cmdline_assign(assigns[k]);
    int status = awk_run(&prog);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "awk: warning: error writing standard output: %s\n", strerror(errno));
        status = 1; /* as gawk */
    }
    return status;
}
