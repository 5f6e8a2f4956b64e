/* base64 — encode or decode base64 (-d, -w COLS, -i). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("base64", base64_main)

static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_main(int argc, char **argv) {
    cu_init(argc, argv);
    static const struct option lopts[] = {{"decode", 0, 0, 'd'}, {"wrap", 1, 0, 'w'},
                                          {"ignore-garbage", 0, 0, 'i'}, {0, 0, 0, 0}};
    int c, decode = 0, garbage = 0;
    long wrap = 76;
    while ((c = getopt_long(argc, argv, "dw:i", lopts, NULL)) != -1) {
        switch (c) {
        case 'd': decode = 1; break;
        case 'i': garbage = 1; break;
        case 'w': {
            char *e;
            wrap = strtol(optarg, &e, 10);
            if (*e || e == optarg || wrap < 0) cu_error(1, 0, "invalid wrap size: %s", cu_quote(optarg));
            break;
        }
        default: cu_usage_error(1, NULL);
        }
    }
    if (argc - optind > 1) cu_usage_error(1, "extra operand %s", cu_quote(argv[optind + 1]));
    const char *name = optind < argc ? argv[optind] : "-";
    int fd = tu_open(name);
    if (fd < 0) cu_error(1, errno, "%s", name);
    tu_out_init();
    tu_reader r;
    tu_rinit(&r, fd);
    char *p;
    ssize_t n;
    if (!decode) {
        unsigned char carry[3];
        int nc = 0;
        long col = 0;
        char out[4];
        while ((n = tu_read(&r, &p)) > 0) {
            for (ssize_t i = 0; i < n; i++) {
                carry[nc++] = p[i];
                if (nc < 3) continue;
                out[0] = alpha[carry[0] >> 2];
                out[1] = alpha[(carry[0] & 3) << 4 | carry[1] >> 4];
                out[2] = alpha[(carry[1] & 15) << 2 | carry[2] >> 6];
                out[3] = alpha[carry[2] & 63];
                for (int k = 0; k < 4; k++) {
                    tu_putc(out[k]);
                    if (wrap && ++col == wrap) tu_putc('\n'), col = 0;
                }
                nc = 0;
            }
        }
        if (nc) {
            if (nc == 1) carry[1] = 0;
            out[0] = alpha[carry[0] >> 2];
            out[1] = alpha[(carry[0] & 3) << 4 | carry[1] >> 4];
            out[2] = nc == 2 ? alpha[(carry[1] & 15) << 2] : '=';
            out[3] = '=';
            for (int k = 0; k < 4; k++) {
                tu_putc(out[k]);
                if (wrap && ++col == wrap) tu_putc('\n'), col = 0;
            }
        }
        if (wrap && col) tu_putc('\n');
    } else {
        int q[4], nq = 0, bad = 0;
        while (!bad && (n = tu_read(&r, &p)) > 0) {
            for (ssize_t i = 0; i < n && !bad; i++) {
                int ch = (unsigned char)p[i];
                if (ch == '\n') continue;
                const char *f = ch ? strchr(alpha, ch) : NULL;
                int v = f ? (int)(f - alpha) : ch == '=' ? 64 : -1;
                if (v < 0) {
                    if (garbage && v < 0) continue;
                    bad = 1;
                    break;
                }
                q[nq++] = v;
                if (nq < 4) continue;
                nq = 0;
                if (q[0] == 64 || q[1] == 64 || (q[2] == 64 && q[3] != 64)) {
                    bad = 1;
                    break;
                }
                tu_putc(q[0] << 2 | q[1] >> 4);
                if (q[2] != 64) tu_putc((q[1] & 15) << 4 | q[2] >> 2);
                if (q[3] != 64) tu_putc((q[2] & 3) << 6 | q[3]);

            }
        }
        if (!bad && nq) {
            /* unpadded tail: decode what it holds, then fail */
            if (nq >= 2 && q[0] != 64 && q[1] != 64) {
                tu_putc(q[0] << 2 | q[1] >> 4);
                if (nq == 3 && q[2] != 64) tu_putc((q[1] & 15) << 4 | q[2] >> 2);
            }
            bad = 1;
        }
        if (bad) {
            cu_finish(0);
            cu_error(1, 0, "invalid input");
        }
    }
    if (n < 0) cu_error(1, r.err, "read error");
    tu_close(fd);
    return cu_finish(0);
}
