/* echo — GNU /bin/echo: -n -e -E (combinable; any other argument ends the options). */
#include "cu.h"
#include "textutil.h"

#include <string.h>

SE_COMMAND("echo", echo_main)

static int is_opt(const char *a) {
    if (a[0] != '-' || !a[1]) return 0;
    for (const char *p = a + 1; *p; p++)
        if (!strchr("neE", *p)) return 0;
    return 1;
}

int echo_main(int argc, char **argv) {
    cu_init(argc, argv);
    int nl = 1, esc = 0, i = 1;
    for (; i < argc && is_opt(argv[i]); i++)
        for (const char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n') nl = 0;
            else if (*p == 'e') esc = 1;
            else esc = 0;
        }
    tu_out_init();
    for (int first = 1; i < argc; i++, first = 0) {
        if (!first) tu_putc(' ');
        const char *s = argv[i];
        if (!esc) {
            tu_puts(s);
            continue;
        }
        while (*s) {
            if (*s != '\\' || !s[1]) {
                tu_putc(*s++);
                continue;
            }
            if (s[1] == 'c') return cu_finish(0);
            char o;
            int k = tu_escape(s + 1, &o, 1);
            if (k < 0) {
                tu_putc('\\');
                s++;
                continue;
            }
            tu_putc(o);
            s += 1 + k;
        }
    }
    if (nl) tu_putc('\n');
    return cu_finish(0);
}
