/* cat — concatenate files (GNU options -n -b -s -A -v -E -T -e -t -u). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("cat", cat_main)

static int opt_n, opt_b, opt_s, opt_v, opt_E, opt_T;
static unsigned long lineno;
static int at_bol = 1, blank_run;

static void show_byte(unsigned char c) {
    char t[8];
    int k = 0;
    if (c >= 128) {
        t[k++] = 'M', t[k++] = '-';
        c -= 128;
    }
    if (c < 32) t[k++] = '^', t[k++] = c + 64;
    else if (c == 127) t[k++] = '^', t[k++] = '?';
    else t[k++] = c;
    tu_write(t, k);
}

static void cat_line(const char *s, size_t n) {
    int has_nl = n && s[n - 1] == '\n';
    size_t body = has_nl ? n - 1 : n;
    if (at_bol) {
        int blank = has_nl && body == 0;
        if (opt_s && blank) {
            if (blank_run) return;
            blank_run = 1;
        } else if (!blank) {
            blank_run = 0;
        }
        if (opt_n && (!opt_b || !blank)) {
            char num[32];
            int k = snprintf(num, sizeof num, "%6lu\t", ++lineno);
            tu_write(num, k);
        }
    }
    if (!opt_v && !opt_T) {
        tu_write(s, body);
    } else {
        size_t start = 0;
        for (size_t i = 0; i < body; i++) {
            unsigned char c = s[i];
            int special = (c == '\t') ? opt_T : (opt_v && (c < 32 || c >= 127));
            if (!special) continue;
            tu_write(s + start, i - start);
            show_byte(c);
            start = i + 1;
        }
        tu_write(s + start, body - start);
    }
    if (has_nl) {
        if (opt_E) tu_putc('$');
        tu_putc('\n');
    }
    at_bol = has_nl;
}

int cat_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {
        {"number", 0, 0, 'n'}, {"number-nonblank", 0, 0, 'b'}, {"squeeze-blank", 0, 0, 's'},
        {"show-all", 0, 0, 'A'}, {"show-nonprinting", 0, 0, 'v'}, {"show-ends", 0, 0, 'E'},
        {"show-tabs", 0, 0, 'T'}, {0, 0, 0, 0}};
    int c;
    while ((c = getopt_long(argc, argv, "nbsAvETetu", lopts, NULL)) != -1) {
        switch (c) {
        case 'n': opt_n = 1; break;
        case 'b': opt_n = opt_b = 1; break;
        case 's': opt_s = 1; break;
        case 'A': opt_v = opt_E = opt_T = 1; break;
        case 'v': opt_v = 1; break;
        case 'E': opt_E = 1; break;
        case 'T': opt_T = 1; break;
        case 'e': opt_v = opt_E = 1; break;
        case 't': opt_v = opt_T = 1; break;
        case 'u': break;
        default: cu_usage_error(1, NULL);
        }
    }
    int plain = !(opt_n || opt_s || opt_v || opt_E || opt_T);
    static char *stdin_arg[] = {"-"};
    char **files = optind < argc ? argv + optind : stdin_arg;
    int nfiles = optind < argc ? argc - optind : 1;
    int status = 0;
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        tu_reader r;
        tu_rinit(&r, fd);
        char *p;
        ssize_t n;
        if (plain) {
            fflush(stdout);
            while ((n = tu_read(&r, &p)) > 0)
                if (tu_write_fd(1, p, n) < 0) cu_error(1, errno, "write error");
        } else {
            while ((n = tu_getdelim(&r, &p, '\n')) > 0) cat_line(p, n);
        }
        if (n < 0) {
            cu_error(0, r.err, "%s", files[i]);
            status = 1;
        }
        tu_rfree(&r);
        tu_close(fd);
    }
    return cu_finish(status);
}
