/* cksum — POSIX CRC-32 checksum and byte count (GNU 9.1 default algorithm). */
#include "cu.h"
#include "textutil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

SE_COMMAND("cksum", cksum_main)

static uint32_t table[256];

static void init_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i << 24;
        for (int k = 0; k < 8; k++) c = c & 0x80000000u ? (c << 1) ^ 0x04C11DB7u : c << 1;
        table[i] = c;
    }
}

int cksum_main(int argc, char **argv) {
    cu_init(argc, argv);
    init_table();
    int i0 = 1;
    if (argc > 1 && strcmp(argv[1], "--") == 0) i0 = 2;
    static char *stdin_arg[] = {"-"};
    char **files = i0 < argc ? argv + i0 : stdin_arg;
    int nfiles = i0 < argc ? argc - i0 : 1;
    int status = 0;
    char *buf = tu_xmalloc(TU_BUFSZ);
    tu_out_init();
    for (int i = 0; i < nfiles; i++) {
        int fd = tu_open(files[i]);
        if (fd < 0) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            continue;
        }
        uint32_t crc = 0;
        uint64_t len = 0;
        ssize_t n;
        while ((n = read(fd, buf, TU_BUFSZ)) > 0) {
            for (ssize_t k = 0; k < n; k++) crc = (crc << 8) ^ table[(crc >> 24) ^ (unsigned char)buf[k]];
            len += n;
        }
        if (n < 0 && errno != EISDIR) {
            cu_error(0, errno, "%s", files[i]);
            status = 1;
            tu_close(fd);
            continue;
        }
        tu_close(fd);
        for (uint64_t l = len; l; l >>= 8) crc = (crc << 8) ^ table[(crc >> 24) ^ (l & 0xff)];
        crc = ~crc;
        if (i0 < argc) printf("%u %llu %s\n", crc, (unsigned long long)len, files[i]);
        else printf("%u %llu\n", crc, (unsigned long long)len);
    }
    return cu_finish(status);
}
